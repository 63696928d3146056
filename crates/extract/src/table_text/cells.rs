//! A table pasted as text, cut into cells: runs of non-space characters, each a number (`51,385`,
//! `-128966.75`, `4.50%`) or a word (`税收收入小计`, `(一)`, `2016年度`).

use budget_lens_core::report::{parse_decimal, Span};
use rust_decimal::Decimal;

/// A cell of a table pasted as text, with the characters it was read from.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    /// The characters of the word, or of the number without its `%`.
    pub at: Span,
    pub number: Option<Number>,
}

/// A cell that is a number.
#[derive(Debug, Clone, Copy)]
pub struct Number {
    pub value: Decimal,
    pub percent: bool,
}

/// A word longer than this is prose, not a table cell: the table has ended.
const LONGEST_WORD: usize = 40;

/// The cells of `chars[from..]` up to the table's end: a sentence end (`。`), a prose-length word, `to`.
pub fn cells(chars: &[char], from: usize, to: usize) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut i = from;
    while i < to {
        if chars[i].is_whitespace() || chars[i] == '\u{3000}' {
            i += 1;
            continue;
        }
        let start = i;
        while i < to && !chars[i].is_whitespace() && chars[i] != '\u{3000}' {
            i += 1;
        }
        let text: String = chars[start..i].iter().map(|&c| canonical(c)).collect();
        if text.contains('。') || text.chars().count() > LONGEST_WORD {
            break;
        }
        let number = number(&text);
        // A figure's span is its number, without the `%` (as the sentence reader's spans).
        let end = i - usize::from(number.is_some_and(|n| n.percent));
        cells.push(Cell {
            text,
            at: Span { start, end },
            number,
        });
    }
    cells
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
    Some(Number { value, percent })
}

fn grouped_by_three(whole: &str) -> bool {
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_words() {
        let chars: Vec<char> = "税收收入小计 27,631 -0.5 4.50％ 1. 2,6 2016年度"
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
}
