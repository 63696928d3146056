//! Published text → report: the extractor. Pure (no I/O), never panics, linear time; it runs natively and in
//! the browser.
//!
//! Four stages, one module each:
//! 1. [`normalize`]: text noise out (full-width forms, spaces, PDF line wraps, page numbers, table debris),
//!    every character remembering its place in the original;
//! 2. [`tokens`]: words, figures (number + unit, with spans), punctuation, list markers;
//! 3. [`grammar`]: what each figure says (an amount and its label, a share, a change, a rate, a budget);
//! 4. [`assemble`]: where it belongs ([`vocabulary`] holds the standard labels and their ids).
//!
//! Every figure in the report has the span of the characters it was read from; nothing is computed or
//! guessed. Sentences stating figures that found no place go to `unplaced`, for a person to finish.

mod assemble;
mod grammar;
mod heading;
mod normalize;
mod table_text;
mod tokens;
mod vocabulary;

use std::fmt;

use budget_lens_core::report::{Report, Source, Span, Unit, Unplaced, FORMAT_V1, MAX_BYTES};
use budget_lens_core::Lang;

use heading::Heading;
use tokens::FigureUnit;

/// The largest text accepted: the report, which carries the text, must stay under the format's size limit.
pub const MAX_TEXT_BYTES: usize = MAX_BYTES / 2;

/// A report and how much of the text's figures it holds.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub report: Report,
    /// Money and percent figures printed in the text.
    pub figures: usize,
    /// How many of them the report holds (as an amount, share, change, rate, budget or restatement).
    pub taken: usize,
    /// Tables pasted with `|` between their cells that state no unit (characters of the text): not read,
    /// since their numbers could be 元 or 万元.
    pub tables_without_unit: Vec<Span>,
    /// Tables that state their unit but whose columns the reader does not know (characters of the text):
    /// not read.
    pub tables_not_read: Vec<Span>,
}

/// What the reader is told of a table not read for want of a unit, naming where it is (characters of the
/// text, as `unplaced` spans).
pub fn table_without_unit_message(at: Span, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "第 {}–{} 字符处的表格未注明单位（如“单位:万元”或“(万元)”），其数字未读入",
            at.start, at.end
        ),
        Lang::En => format!(
            "the table at characters {}–{} states no unit (such as 单位:万元 or (万元)); its numbers were not read",
            at.start, at.end
        ),
    }
}

/// What the reader is told of a table whose unit is stated but whose columns were not recognised, naming
/// where it is (characters of the text) and what column names are read.
pub fn table_not_read_message(at: Span, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "第 {}–{} 字符处的表格未能读入：未能识别其列名（可识别的如“本年预算数”“上年决算数”“2023年决算数”“增减额”“增减%”），或其各行的数字个数与列数不符。表头占两行时（如“2020年执行数”下再分“金额”“占调整预算%”“比上年增长%”），请把表头合成一行、每列一个列名后重试；数字个数与列数不符的行（空白单元格）不会被猜测补齐",
            at.start, at.end
        ),
        Lang::En => format!(
            "the table at characters {}–{} was not read: its column names were not recognised (such as 本年预算数, 上年决算数, 2023年决算数, 增减额, 增减%), or its rows' numbers do not fill its columns. Where the header takes two lines (such as 2020年执行数 split into 金额, 占调整预算%, 比上年增长%), join it into one line with one name per column and try again; rows whose numbers do not fill the columns (empty cells) are never filled in by guess",
            at.start, at.end
        ),
    }
}

/// Why no report came out of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractError {
    /// Nothing but whitespace.
    Empty,
    /// More than [`MAX_TEXT_BYTES`].
    TooLarge { bytes: usize },
    /// Not one amount (a number with 元, 万元 or 亿元) in the text.
    NoFigures,
    /// No amount in the text but a table stating its unit, whose columns were not recognised.
    TableNotRead { at: Span },
}

impl ExtractError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ExtractError::Empty, Lang::Zh) => "文本为空".into(),
            (ExtractError::Empty, Lang::En) => "the text is empty".into(),
            (ExtractError::TooLarge { bytes }, Lang::Zh) => {
                format!("文本过大：{bytes} 字节，上限 {MAX_TEXT_BYTES} 字节")
            }
            (ExtractError::TooLarge { bytes }, Lang::En) => {
                format!("the text is too large: {bytes} bytes, the limit is {MAX_TEXT_BYTES}")
            }
            (ExtractError::NoFigures, Lang::Zh) => {
                "文本中没有金额（带“元”“万元”或“亿元”的数字）".into()
            }
            (ExtractError::NoFigures, Lang::En) => {
                "the text states no amount (a number with 元, 万元 or 亿元)".into()
            }
            (ExtractError::TableNotRead { at }, lang) => table_not_read_message(*at, lang),
        }
    }
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ExtractError {}

/// Turns the published text of a 部门预算 or 部门决算 into a report whose `source.text` is the text.
pub fn extract(text: &str) -> Result<Extraction, ExtractError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(ExtractError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let heading = Heading::read(text);
    let normalized = normalize::normalize(text);
    let tokens = tokens::tokenize(&normalized);
    let original: Vec<char> = text.chars().collect();
    let table_text::Tables {
        read: tables,
        without_unit,
        not_read,
    } = table_text::read(&original);
    let unit = report_unit(&tokens.figures)
        .or_else(|| tables.first().map(|t| t.unit))
        .ok_or(match not_read.first() {
            Some(&at) => ExtractError::TableNotRead { at },
            None => ExtractError::NoFigures,
        })?;
    let sentences = grammar::parse(&normalized, &tokens, heading.phase);
    let mut assembled = assemble::Assembler::new(&normalized, &tokens.figures, unit, heading.phase)
        .in_year(heading.year)
        .run(&sentences, &original);
    // A table in another unit than the text's amounts would need its figures converted: left out.
    let tables: Vec<_> = tables.into_iter().filter(|t| t.unit == unit).collect();
    add_tables(
        &mut assembled,
        tables,
        &normalized,
        &tokens.figures,
        &original,
    );
    let report = Report {
        format: FORMAT_V1.to_string(),
        title: heading.title,
        entity: heading.entity,
        year: heading.year,
        phase: heading.phase,
        unit,
        source: Some(Source {
            url: None,
            text: Some(text.to_string()),
        }),
        breakdowns: assembled.breakdowns,
        relations: assembled.relations,
        unplaced: assembled.unplaced,
    };
    Ok(Extraction {
        report,
        figures: assembled.figures,
        taken: assembled.taken,
        tables_without_unit: without_unit,
        tables_not_read: not_read,
    })
}

/// The tables pasted as text join the breakdowns; their figures count as taken, and a sentence left unplaced
/// only for figures a table placed is no longer unplaced.
fn add_tables(
    assembled: &mut assemble::Assembled,
    tables: Vec<table_text::Table>,
    normalized: &normalize::Normalized,
    figures: &[tokens::Figure],
    original: &[char],
) {
    if tables.is_empty() {
        return;
    }
    let mut placed = Vec::new();
    tables
        .iter()
        .flat_map(|t| &t.nodes)
        .for_each(|n| table_spans(n, &mut placed));
    let covered = Covered::new(placed);
    // The figures in text order, each with whether a table placed it.
    let mut figure_spans: Vec<((usize, usize), bool)> = figures
        .iter()
        .map(|f| normalized.original_span(f.start, f.end))
        .map(|span| (span, covered.covers(span)))
        .collect();
    figure_spans.sort_unstable();
    assembled.taken += figure_spans
        .iter()
        .filter(|(_, in_table)| *in_table)
        .count();
    // An unplaced piece of text whose figures a table placed is placed after all.
    assembled.unplaced.retain(|u| {
        let first = figure_spans.partition_point(|&((s, _), _)| s < u.at.start);
        let mut inside = figure_spans[first..]
            .iter()
            .take_while(|&&((s, _), _)| s <= u.at.end)
            .filter(|&&((_, e), _)| e <= u.at.end)
            .peekable();
        inside.peek().is_none() || !inside.all(|&(_, in_table)| in_table)
    });
    // A table's rows whose cells could not be aligned with its columns: said so, for a person to finish.
    assembled.unplaced.extend(
        tables
            .iter()
            .flat_map(|t| &t.left_out)
            .map(|&at| unplaced_row(original, at)),
    );
    // A balance table's two totals (table_text/balance.rs).
    assembled
        .relations
        .extend(tables.iter().flat_map(|t| t.relations.iter().cloned()));
    let roots: Vec<_> = tables.into_iter().flat_map(|t| t.nodes).collect();
    let identities = table_text::relate::three_public_identities(&roots, &assembled.breakdowns, 1);
    assembled.relations.extend(identities);
    assembled.breakdowns.extend(roots);
}

/// A table's row left out, as printed (its cells, shortened like an unplaced sentence).
fn unplaced_row(original: &[char], at: Span) -> Unplaced {
    const LONGEST: usize = 80;
    let printed: String = original
        .get(at.start..at.end.min(original.len()))
        .unwrap_or_default()
        .iter()
        .collect();
    let text = match printed.chars().count() > LONGEST {
        true => printed.chars().take(LONGEST).collect::<String>() + "…",
        false => printed,
    };
    Unplaced { text, at }
}

/// Spans of the text, asked whether one of them covers a given span: sorted by start, with the furthest end
/// reached so far, so that each question is a binary search (the figures of a long text are many).
struct Covered {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl Covered {
    fn new(mut spans: Vec<budget_lens_core::report::Span>) -> Self {
        spans.sort_unstable_by_key(|span| span.start);
        let mut furthest = 0;
        let furthest_end = spans
            .iter()
            .map(|span| {
                furthest = furthest.max(span.end);
                furthest
            })
            .collect();
        Covered {
            starts: spans.iter().map(|span| span.start).collect(),
            furthest_end,
        }
    }

    /// Whether a span starting at or before `start` ends at or after `end`.
    fn covers(&self, (start, end): (usize, usize)) -> bool {
        let starting_before = self.starts.partition_point(|&s| s <= start);
        starting_before > 0 && self.furthest_end[starting_before - 1] >= end
    }
}

/// The spans of a table node's figures and its items'.
fn table_spans(
    node: &budget_lens_core::report::Node,
    out: &mut Vec<budget_lens_core::report::Span>,
) {
    let s = &node.spans;
    out.extend(node.at);
    out.extend(
        [s.prior, s.budget, s.change, s.change_pct, s.completion_pct]
            .into_iter()
            .flatten(),
    );
    node.items.iter().for_each(|i| table_spans(i, out));
}

/// The unit most amounts are printed in (万元 on a tie), or `None` when the text has no amount at all.
fn report_unit(figures: &[tokens::Figure]) -> Option<Unit> {
    let count = |unit| figures.iter().filter(|f| f.unit == unit).count();
    let counts = [
        (count(FigureUnit::WanYuan), Unit::WanYuan),
        (count(FigureUnit::Yuan), Unit::Yuan),
        (count(FigureUnit::YiYuan), Unit::YiYuan),
    ];
    let best = counts
        .iter()
        .fold(None::<(usize, Unit)>, |best, &(n, unit)| match best {
            Some((m, _)) if m >= n => best,
            _ if n > 0 => Some((n, unit)),
            _ => best,
        });
    best.map(|(_, unit)| unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_texts_get_a_clear_result() {
        assert_eq!(extract("").err(), Some(ExtractError::Empty));
        assert_eq!(extract(" \n\t　").err(), Some(ExtractError::Empty));
        assert_eq!(
            extract("，。；：！？（）").err(),
            Some(ExtractError::NoFigures)
        );
        assert_eq!(
            extract("\u{0}\u{1}\u{FFFD}\u{FFFD}").err(),
            Some(ExtractError::NoFigures)
        );
        let big = "a".repeat(MAX_TEXT_BYTES + 1);
        assert!(matches!(extract(&big), Err(ExtractError::TooLarge { .. })));
    }
}
