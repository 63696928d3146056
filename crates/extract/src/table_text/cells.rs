//! A table pasted as text, cut into cells: runs of non-space characters, each a number (`51,385`,
//! `-128966.75`, `4.50%`) or a word (`税收收入小计`, `(一)`, `2016年度`). Cells are separated by spaces or
//! `|` (a table copied from a web page keeps its cell borders); a header's unit (`金额(万元)`, `(万元)`) was
//! read as the table's declaration and is not part of its column's name.

use budget_lens_core::report::{parse_decimal, Span};
use rust_decimal::Decimal;

/// A cell of a table pasted as text, with the characters it was read from.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    /// The characters of the word, or of the number without its `%`.
    pub at: Span,
    pub number: Option<Number>,
    /// A word whose line goes on with empty cells only (`因公出国(境)费 | ||`): a row printed without figures.
    pub before_empty_cells: bool,
}

/// A cell that is a number.
#[derive(Debug, Clone, Copy)]
pub struct Number {
    pub value: Decimal,
    pub percent: bool,
    /// `-`, `—`: a cell printed empty on purpose (no figure), which fills its column with nothing.
    pub blank: bool,
}

/// A word longer than this is prose, not a table cell: the table has ended.
const LONGEST_WORD: usize = 40;

/// The cells of `chars[from..]` up to the table's end: a sentence end (`。`) or a prose-length word, the first
/// line without a `|` once cells were separated by `|`, or `to`. Inside a `|`-separated table, a prose cell
/// (`增减原因`: a sentence) is skipped: it ends its row, not the table.
pub fn cells(chars: &[char], from: usize, to: usize) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut bars = false;
    let mut i = from;
    while i < to {
        if chars[i] == '\n' && bars && !cell_line(chars, i + 1, to) {
            break;
        }
        if separates(chars[i]) {
            bars |= chars[i] == '|';
            i += 1;
            continue;
        }
        let start = i;
        while i < to && !separates(chars[i]) {
            i += 1;
        }
        let word: String = chars[start..i].iter().map(|&c| canonical(c)).collect();
        if word.contains('。') || word.chars().count() > LONGEST_WORD {
            match bars && ends_in_bar(chars, i, to) {
                true => continue,
                false => break,
            }
        }
        cells.extend(cell(without_unit(&word), start, i));
    }
    if bars {
        join_cell_words(chars, &mut cells);
        mark_before_empty_cells(chars, &mut cells, to);
    }
    cells
}

/// Marks each word whose line goes on with nothing but cell borders, at least one empty cell between them
/// (`| ||`, `| |`; a single closing `|` is the word's own cell). Only the gap after each cell is read, so
/// the whole is linear in the text (a line of thousands of cells is read once).
fn mark_before_empty_cells(chars: &[char], cells: &mut [Cell], to: usize) {
    for k in 0..cells.len() {
        if cells[k].number.is_some() {
            continue;
        }
        let gap_end = cells.get(k + 1).map_or(to, |next| next.at.start);
        let gap = &chars[cells[k].at.end..gap_end];
        let line_end = gap.iter().position(|&c| c == '\n');
        // Another cell on the same line: not before empty cells only.
        if line_end.is_none() && k + 1 < cells.len() {
            continue;
        }
        let rest = &gap[..line_end.unwrap_or(gap.len())];
        cells[k].before_empty_cells = rest
            .iter()
            .all(|&c| c == '|' || c == ' ' || c == '\u{3000}')
            && rest.iter().filter(|&&c| c == '|').count() >= 2;
    }
}

/// In a `|`-separated table a space does not end a cell: the words of one cell (`预 算 数`, `公务 接待费`,
/// `因公出国 (境)费` — a name spaced out or wrapped by the page it was copied from) are one word. Numbers
/// stay apart.
fn join_cell_words(chars: &[char], cells: &mut Vec<Cell>) {
    let mut joined: Vec<Cell> = Vec::with_capacity(cells.len());
    for next in cells.drain(..) {
        let same_cell = joined.last().is_some_and(|last: &Cell| {
            last.number.is_none()
                && next.number.is_none()
                && chars[last.at.end..next.at.start]
                    .iter()
                    .all(|&c| c == ' ' || c == '\u{3000}')
        });
        match joined.last_mut() {
            Some(last) if same_cell => {
                last.text.push_str(&next.text);
                last.at.end = next.at.end;
            }
            _ => joined.push(next),
        }
    }
    *cells = joined;
}

/// The cell of a word read from `chars[start..end]`; none for a word that was only a unit.
fn cell(text: &str, start: usize, end: usize) -> Option<Cell> {
    if text.is_empty() {
        return None;
    }
    let number = number(text);
    // A figure's span is its number, without the `%` (as the sentence reader's spans).
    let end = end - usize::from(number.is_some_and(|n| n.percent && !n.blank));
    Some(Cell {
        text: text.to_string(),
        at: Span { start, end },
        number,
        before_empty_cells: false,
    })
}

/// Whether the word ending at `end` is a cell closed by `|` (only spaces between).
fn ends_in_bar(chars: &[char], end: usize, to: usize) -> bool {
    chars[end..to]
        .iter()
        .find(|&&c| c != ' ' && c != '\u{3000}')
        .is_some_and(|&c| c == '|')
}

/// Whether the line starting at `start` is cells of a `|`-separated table: it has a `|`, or the line after
/// it is only a `|` (a table copied one cell a line, each cell's border on the line below it).
pub fn cell_line(chars: &[char], start: usize, to: usize) -> bool {
    let line_end = |from: usize| {
        chars[from..to]
            .iter()
            .position(|&c| c == '\n')
            .map_or(to, |p| from + p)
    };
    let end = line_end(start);
    if chars[start..end].contains(&'|') {
        return true;
    }
    let next = (end + 1).min(to);
    let below = &chars[next..line_end(next)];
    below.contains(&'|') && below.iter().all(|&c| c == '|' || c.is_whitespace())
}

fn separates(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '|'
}

/// `金额(万元)` → `金额`, `(万元)` → `` (the unit was read as the table's declaration).
fn without_unit(word: &str) -> &str {
    ["(万元)", "(元)", "(亿元)"]
        .iter()
        .find_map(|u| word.strip_suffix(u))
        .unwrap_or(word)
}

/// Full-width digits and signs as ASCII.
pub fn canonical(c: char) -> char {
    match c {
        '０'..='９' | '（' | '）' | '，' | '．' | '：' | '％' | '－' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// `-1,234.5`, `0`, `4.50%`: a number whose thousands commas (if any) group by three.
fn number(text: &str) -> Option<Number> {
    if matches!(text, "-" | "--" | "—" | "——" | "/") {
        return Some(Number {
            value: Decimal::ZERO,
            percent: false,
            blank: true,
        });
    }
    let (digits, percent) = match text.strip_suffix('%') {
        Some(d) => (d, true),
        None => (text, false),
    };
    let unsigned = digits.strip_prefix('-').unwrap_or(digits);
    let whole = unsigned.split('.').next().unwrap_or("");
    if whole.contains(',') && !grouped_by_three(whole) {
        return None;
    }
    let plain: String = digits.chars().filter(|&c| c != ',').collect();
    let value = parse_decimal(&plain).ok()?;
    Some(Number {
        value,
        percent,
        blank: false,
    })
}

fn grouped_by_three(whole: &str) -> bool {
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// The cells in lines (a line break between two cells ends a line). Linear: each gap is read once.
pub fn cell_lines<'c>(chars: &[char], cells: &'c [Cell]) -> Vec<&'c [Cell]> {
    let mut lines = Vec::new();
    let mut start = 0;
    for k in 1..=cells.len() {
        let ends =
            k == cells.len() || chars[cells[k - 1].at.end..cells[k].at.start].contains(&'\n');
        if ends {
            lines.push(&cells[start..k]);
            start = k;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_words() {
        let chars: Vec<char> = "税收收入小计 27,631 -0.5 4.50％ 1. 2,6 2016年度 (万元)"
            .chars()
            .collect();
        let cells = cells(&chars, 0, chars.len());
        let numbers: Vec<Option<String>> = cells
            .iter()
            .map(|c| {
                c.number
                    .map(|n| format!("{}{}", n.value, if n.percent { "%" } else { "" }))
            })
            .collect();
        assert_eq!(
            numbers,
            [
                None,
                Some("27631".into()),
                Some("-0.5".into()),
                Some("4.50%".into()),
                None,
                None,
                None
            ]
        );
        assert_eq!(cells[1].at, Span { start: 7, end: 13 });
    }

    #[test]
    fn a_bar_cell_is_one_word_whatever_its_spaces() {
        let chars: Vec<char> = "项 目 | 预 算 数 |\n公务 接待费 | 1.8 2 |"
            .chars()
            .collect();
        let texts: Vec<String> = cells(&chars, 0, chars.len())
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(texts, ["项目", "预算数", "公务接待费", "1.8", "2"]);
    }
}
