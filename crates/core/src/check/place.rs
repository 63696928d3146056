//! Where a finding's figures are printed, in words a reader can find on the published page: the clause of
//! `source.text` around the figure, quoted (`住房保障支出65.91万元`), or, for a figure imported from a table,
//! the table with its page (PDF) or sheet and cell (workbook). A finding says where each figure it sets
//! against another is printed; for a figure printed twice, both places.

use super::finding::{Detail, Finding};
use super::message::nested_quotes;
use crate::i18n::Lang;
use crate::report::{Node, Printed, Report, Span};

/// Characters before the figure that a quote may take when no clause break comes sooner.
const BEFORE: usize = 24;
/// Characters after the figure (its unit: `万元`, `%`, `个百分点`) up to the next clause break.
const AFTER: usize = 6;

/// Where one figure is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The clause of the source text around it, as printed.
    Quote(String),
    /// The table (and page, or sheet and cell) it was imported from.
    Table {
        table: String,
        page: Option<u32>,
        sheet: Option<String>,
        cell: Option<String>,
    },
}

impl Place {
    fn printed(printed: &Printed) -> Place {
        Place::Table {
            table: printed.table.clone(),
            page: printed.page,
            sheet: printed.sheet.clone(),
            cell: printed.cell.clone(),
        }
    }
}

/// Where a finding's stated figure is printed, and for a figure printed twice, where it was first printed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Places {
    pub stated: Option<Place>,
    pub first: Option<Place>,
}

/// Says where findings' figures are printed. The source text is split into characters once (spans count
/// characters), so the work is linear in the text plus the findings.
pub(super) struct Locator {
    /// The source text's characters; `None` when there is no text or no finding quotes it.
    text: Option<Vec<char>>,
}

impl Locator {
    pub(super) fn new(report: &Report, findings: &[Finding]) -> Self {
        let text = report
            .source
            .as_ref()
            .and_then(|s| s.text.as_deref())
            .filter(|_| findings.iter().any(|f| f.at.is_some()) || has_restated(findings))
            .map(|t| t.chars().collect());
        Locator { text }
    }

    fn quote(&self, at: Option<Span>) -> Option<Place> {
        let chars = self.text.as_deref()?;
        quote_around(chars, at?).map(Place::Quote)
    }

    /// Fills in where the finding's figures are printed; `node` is the node at its path, if any.
    pub(super) fn locate(&self, finding: &mut Finding, node: Option<&Node>) {
        // Table findings already name the tables and rows they compare.
        if matches!(finding.detail, Detail::Table { .. }) {
            return;
        }
        // A node imported from a table was printed there; its restatements come from the narrative.
        // A figure of the running text printed in another unit has a `printed` without a table: its place is
        // its quote.
        let in_table = || {
            node.and_then(|n| n.printed.as_ref())
                .filter(|p| p.in_table())
                .map(Place::printed)
        };
        if let Detail::Restated { figure, .. } = finding.detail {
            // The first printing of the figure restated: the amount's place, or the change's, the rate's.
            finding.places.first = node
                .and_then(|n| self.quote(figure.first_at(n)))
                .or_else(in_table);
            finding.places.stated = self.quote(finding.at);
        } else {
            finding.places.stated = self.quote(finding.at).or_else(in_table);
        }
    }
}

fn has_restated(findings: &[Finding]) -> bool {
    findings
        .iter()
        .any(|f| matches!(f.detail, Detail::Restated { .. }))
}

/// Whether a character ends a clause: the quote never crosses one.
fn breaks_clause(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | ';' | '！' | '？' | '!' | '?' | '，' | ',' | '：' | ':' | '\n' | '\r'
    )
}

/// The clause around `at`: back to the last clause break (at most [`BEFORE`] characters, marked `…` when
/// cut), the figure, and its unit up to the next break (at most [`AFTER`]). Whitespace runs read as one
/// space. `None` when the span does not fit the text.
fn quote_around(chars: &[char], at: Span) -> Option<String> {
    if at.start >= at.end || at.end > chars.len() {
        return None;
    }
    let back = chars[..at.start]
        .iter()
        .rev()
        .take(BEFORE)
        .take_while(|c| !breaks_clause(**c))
        .count();
    let start = at.start - back;
    let cut_before = back == BEFORE && start > 0 && !breaks_clause(chars[start - 1]);
    let forward = chars[at.end..]
        .iter()
        .take(AFTER)
        .take_while(|c| !breaks_clause(**c))
        .count();
    let mut quote = String::new();
    if cut_before {
        quote.push('…');
    }
    let taken = &chars[start..at.end + forward];
    let mut last_space = false;
    for (i, &c) in taken.iter().enumerate() {
        let space = c.is_whitespace();
        // A line broken between two Chinese characters (`…支出决` / `算数小于…`) joins without a space.
        let between_han = space
            && quote.chars().last().is_some_and(|p| !p.is_ascii())
            && taken[i..]
                .iter()
                .find(|n| !n.is_whitespace())
                .is_some_and(|n| !n.is_ascii());
        if !(space && (last_space || between_han)) {
            quote.push(if space { ' ' } else { c });
        }
        last_space = space;
    }
    let quote = quote.trim().to_string();
    (!quote.is_empty()).then_some(quote)
}

impl Places {
    /// The sentence that says where the figures are printed (empty when nothing is known), to follow the
    /// finding's body.
    pub fn sentence(&self, lang: Lang) -> String {
        match (&self.first, &self.stated, lang) {
            (Some(first), Some(again), Lang::Zh) => {
                format!("先见{}，又见{}。", first.zh(), again.zh())
            }
            (Some(first), Some(again), Lang::En) => {
                format!(" First printed: {}; again: {}.", first.en(), again.en())
            }
            (Some(place), None, Lang::Zh) | (None, Some(place), Lang::Zh) => {
                format!("见{}。", place.zh())
            }
            (Some(place), None, Lang::En) | (None, Some(place), Lang::En) => {
                format!(" See {}.", place.en())
            }
            (None, None, _) => String::new(),
        }
    }
}

impl Place {
    fn zh(&self) -> String {
        self.words(Lang::Zh)
    }

    fn en(&self) -> String {
        self.words(Lang::En)
    }

    /// `原文“住房保障支出65.91万元”`, `“支出决算表”第10页`; `"…" in the text`, `the table "…", page 10`.
    fn words(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Place::Quote(quote) if zh => format!("原文“{}”", nested_quotes(quote)),
            Place::Quote(quote) => format!("\"{quote}\" in the text"),
            Place::Table {
                table,
                page,
                sheet,
                cell,
            } => {
                let mut at = match zh {
                    true => format!("“{}”", nested_quotes(table)),
                    false => format!("the table \"{table}\""),
                };
                if let Some(page) = page {
                    at += &match zh {
                        true => format!("第{page}页"),
                        false => format!(", page {page}"),
                    };
                }
                if let (Some(sheet), Some(cell)) = (sheet, cell) {
                    at += &match zh {
                        true => format!("（{sheet}，{cell}单元格）"),
                        false => format!(", sheet {sheet}, cell {cell}"),
                    };
                }
                at
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, figure: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let byte = text.find(figure).unwrap();
        let start = text[..byte].chars().count();
        let at = Span {
            start,
            end: start + figure.chars().count(),
        };
        quote_around(&chars, at)
    }

    #[test]
    fn quotes_the_clause_with_its_unit() {
        assert_eq!(
            quote(
                "支出合计120.50万元，其中：住房保障支出65.91万元，占比4.2%。",
                "65.91"
            )
            .as_deref(),
            Some("住房保障支出65.91万元")
        );
        assert_eq!(
            quote("基本支出占比为96.70%；项目支出…", "96.70").as_deref(),
            Some("基本支出占比为96.70%")
        );
    }

    #[test]
    fn cuts_a_long_clause_before_the_figure_and_collapses_whitespace() {
        let text = format!("{}合计 30.1 万元。", "很长的说明文字".repeat(6));
        let quoted = quote(&text, "30.1").unwrap();
        assert!(quoted.starts_with('…'), "{quoted}");
        assert!(quoted.ends_with("合计 30.1 万元"), "{quoted}");
        assert_eq!(quoted.chars().count(), 1 + BEFORE + 4 + 3);
    }

    #[test]
    fn whitespace_runs_read_as_one_space_and_none_between_chinese() {
        assert_eq!(
            quote("收入  合计 \t 30.1 万元", "30.1").as_deref(),
            Some("收入合计 30.1 万元")
        );
        // A span broken over two lines of a PDF page joins again.
        let text = "支出决\n算数小于预算数";
        let chars: Vec<char> = text.chars().collect();
        let span = Span { start: 2, end: 8 };
        assert_eq!(
            quote_around(&chars, span).as_deref(),
            Some("支出决算数小于预算数")
        );
    }

    #[test]
    fn a_span_outside_the_text_quotes_nothing() {
        let chars: Vec<char> = "收入5万元".chars().collect();
        assert_eq!(quote_around(&chars, Span { start: 4, end: 9 }), None);
        assert_eq!(quote_around(&chars, Span { start: 3, end: 3 }), None);
    }

    #[test]
    fn a_figure_printed_twice_names_both_places() {
        // 住房保障支出 printed as 65.91 in the overview and as 65.90 later.
        let text = "住房保障支出65.91万元。后文又称，住房保障支出65.90万元。";
        let first = text
            .find("65.91")
            .map(|b| text[..b].chars().count())
            .unwrap();
        let again = text
            .find("65.90")
            .map(|b| text[..b].chars().count())
            .unwrap();
        let json = format!(
            r#"{{"format":"budget-lens/1","unit":"万元","source":{{"text":"{text}"}},"breakdowns":[
              {{"id":"h","label":"住房保障支出","amount":"65.91","at":{{"start":{first},"end":{}}},
                "restated":[{{"amount":"65.90","at":{{"start":{again},"end":{}}}}}]}}]}}"#,
            first + 5,
            again + 5
        );
        let report = crate::report::parse_report(&json).unwrap();
        let findings = crate::check::check(&report);
        let restated = findings
            .iter()
            .find(|f| matches!(f.detail, Detail::Restated { .. }))
            .expect("a restated finding");
        let message = restated.message(Lang::Zh);
        assert!(
            message.contains("先见原文“住房保障支出65.91万元”，又见原文“住房保障支出65.90万元”。"),
            "{message}"
        );
        let message = restated.message(Lang::En);
        assert!(
            message.contains("First printed: \"住房保障支出65.91万元\" in the text; again: \"住房保障支出65.90万元\" in the text."),
            "{message}"
        );
    }

    #[test]
    fn a_table_figure_restated_in_the_narrative_names_the_table_then_the_text() {
        let text = "本年收入支出总计0万元。";
        let at = text.find('0').map(|b| text[..b].chars().count()).unwrap();
        let json = format!(
            r#"{{"format":"budget-lens/1","unit":"万元","source":{{"text":"{text}"}},"breakdowns":[
              {{"id":"t","label":"总计","amount":"2995.39",
                "printed":{{"table":"收入支出决算总表","text":"2,995.39","page":3}},
                "restated":[{{"amount":"0","at":{{"start":{at},"end":{}}}}}]}}]}}"#,
            at + 1
        );
        let report = crate::report::parse_report(&json).unwrap();
        let message = crate::check::check(&report)
            .iter()
            .find(|f| matches!(f.detail, Detail::Restated { .. }))
            .expect("a restated finding")
            .message(Lang::Zh);
        assert!(
            message.contains("先见“收入支出决算总表”第3页，又见原文“本年收入支出总计0万元”。"),
            "{message}"
        );
    }

    #[test]
    fn table_places_name_the_page_or_the_cell() {
        let pdf = Place::printed(&Printed {
            table: "支出决算表".into(),
            text: "236.64".into(),
            page: Some(10),
            ..Printed::default()
        });
        assert_eq!(pdf.zh(), "“支出决算表”第10页");
        assert_eq!(pdf.en(), "the table \"支出决算表\", page 10");
        let sheet = Place::printed(&Printed {
            table: "部门支出预算总表".into(),
            sheet: Some("表3".into()),
            cell: Some("E6".into()),
            ..Printed::default()
        });
        assert_eq!(sheet.zh(), "“部门支出预算总表”（表3，E6单元格）");
    }
}
