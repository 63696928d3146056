//! Figures in the sentences the extractor left unplaced. The extractor leaves a sentence when it cannot
//! tell which of its own nodes a figure is (another year, another fund, an unknown total); the tables can
//! still say which row the words right before the figure name. Only figures of the document's own year
//! are taken: a clause naming another year, or the year before in words, states another year's figure.

use budget_lens_core::report::{Amount, RestatedFigure, Span, Unit, Unplaced};
use rust_decimal::Decimal;

use super::{Stated, Units};
use crate::build::shift_to;

/// Words that put a figure in another year than the document's.
const OTHER_YEAR_WORDS: &[&str] = &["上年", "去年", "上一年", "同期", "以前年度"];

/// Amounts with their unit (`0.3万元`, `2,961.68万元`) printed in the extraction's unplaced sentences, in
/// `unit`, each where its digits are; those in a clause of another year than `year` are left out.
pub fn unplaced_figures(
    chars: &[char],
    unplaced: &[Unplaced],
    year: Option<i32>,
    unit: Unit,
) -> Vec<Stated> {
    let mut out = Vec::new();
    for sentence in unplaced {
        let end = sentence.at.end.min(chars.len());
        let mut at = sentence.at.start.min(end);
        while at < end {
            let Some((figure, digits_end, figure_unit)) = figure_at(chars, at, end) else {
                at += 1;
                continue;
            };
            if !another_years_clause(chars, at, year) {
                let units = Units::of(figure_unit, unit);
                out.push(Stated {
                    amount: shift_to(Amount(figure), figure_unit, units.printed),
                    units,
                    at: Span {
                        start: at,
                        end: digits_end,
                    },
                    share: None,
                    of: figure_of(chars, at),
                    node: None,
                });
            }
            at = digits_end;
        }
    }
    out
}

/// A figure starting at `at` (not in the middle of a number) followed by its unit.
fn figure_at(chars: &[char], at: usize, end: usize) -> Option<(Decimal, usize, Unit)> {
    let starts_number = chars[at].is_ascii_digit()
        && (at == 0 || !(chars[at - 1].is_ascii_digit() || matches!(chars[at - 1], '.' | ',')));
    if !starts_number {
        return None;
    }
    let mut digits_end = at;
    while digits_end < end
        && (chars[digits_end].is_ascii_digit() || matches!(chars[digits_end], '.' | ','))
    {
        digits_end += 1;
    }
    let number: String = chars[at..digits_end]
        .iter()
        .filter(|c| **c != ',')
        .collect();
    let figure: Decimal = number.trim_end_matches('.').parse().ok()?;
    let after: String = chars[digits_end..end.min(digits_end + 2)].iter().collect();
    let unit = if after.starts_with("亿元") {
        Unit::YiYuan
    } else if after.starts_with("万元") {
        Unit::WanYuan
    } else if after.starts_with('元') {
        Unit::Yuan
    } else {
        return None;
    };
    Some((figure, digits_end, unit))
}

/// Whether the clause before `at` (from the previous punctuation) names a year other than `year` (any
/// year when the document's is unknown) or the year before in words.
fn another_years_clause(chars: &[char], at: usize, year: Option<i32>) -> bool {
    let start = chars[..at]
        .iter()
        .rposition(|c| matches!(c, '，' | '。' | '；' | ',' | ';' | '：' | ':' | '\n'))
        .map_or(0, |p| p + 1);
    let clause: String = chars[start..at].iter().collect();
    if OTHER_YEAR_WORDS.iter().any(|w| clause.contains(w)) {
        return true;
    }
    years_in(&clause).into_iter().any(|y| Some(y) != year)
}

/// The 4-digit years of a text followed by 年 (`2024年度`).
fn years_in(text: &str) -> Vec<i32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(4))
        .filter(|&i| {
            chars[i + 4] == '年'
                && chars[i..i + 4].iter().all(char::is_ascii_digit)
                && (i == 0 || !chars[i - 1].is_ascii_digit())
        })
        .filter_map(|i| chars[i..i + 4].iter().collect::<String>().parse().ok())
        .collect()
}

/// A budget when the words right before the figure say so (`年初预算为0.95万元`, `预算数1.2万元`), else an
/// amount.
fn figure_of(chars: &[char], at: usize) -> RestatedFigure {
    let before: String = chars[at.saturating_sub(6)..at].iter().collect();
    let before = before.trim_end_matches(['为', '是', ':', '：']);
    if super::BUDGET_WORDS.iter().any(|w| before.ends_with(w)) {
        RestatedFigure::Budget
    } else {
        RestatedFigure::Amount
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str, year: Option<i32>) -> Vec<(String, String)> {
        let chars: Vec<char> = text.chars().collect();
        let sentence = Unplaced {
            text: text.to_string(),
            at: Span {
                start: 0,
                end: chars.len(),
            },
        };
        unplaced_figures(&chars, &[sentence], year, Unit::WanYuan)
            .iter()
            .map(|f| {
                let printed: String = chars[f.at.start..f.at.end].iter().collect();
                (f.amount.value().to_string(), printed)
            })
            .collect()
    }

    #[test]
    fn a_figure_of_the_documents_year_with_its_unit_is_read_in_the_reports_unit() {
        let text = "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元，其中1,200元为结转。";
        assert_eq!(
            figures(text, Some(2024)),
            [
                ("0.3".to_string(), "0.3".to_string()),
                ("0.1200".to_string(), "1,200".to_string())
            ]
        );
    }

    #[test]
    fn another_years_figures_and_bare_numbers_are_left_out() {
        let text = "2023年度财政拨款收入支出总计3000万元，上年支出20万元，共3个项目。";
        assert!(figures(text, Some(2024)).is_empty());
        // Without the document's year, a clause naming any year is left out.
        assert!(figures("2024年度总计5万元。", None).is_empty());
    }
}
