//! Normalised text → tokens: words, figures (a number with its unit, and where it is), punctuation and list
//! markers. One pass, linear time.
//!
//! A figure is a number followed by a money unit (`元`, `万元`, a truncated `万`, `亿元`, a doubled `亿元元`) or
//! by `%`. A number followed by anything else (`2021年`, `13个`, `3辆`, `5G`) is part of a word; so is an amount
//! followed by `以上`/`以下` (a threshold, not a figure). In a list `812.33、809.10万元` the unit printed once
//! applies to every number of the list.

use rust_decimal::Decimal;

use super::normalize::{marker_length, Normalized};
use budget_lens_core::report::parse_decimal;

/// The unit a figure is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureUnit {
    Yuan,
    WanYuan,
    YiYuan,
    Percent,
}

impl FigureUnit {
    pub fn is_money(self) -> bool {
        self != FigureUnit::Percent
    }
}

/// A printed number with its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The exact printed value with its printed scale; `None` when it is no usable decimal (too many digits).
    pub value: Option<Decimal>,
    pub unit: FigureUnit,
    /// The number's characters (sign and digits, not the unit) in the normalised text.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// Characters that are neither figures nor punctuation, `start..end` in the normalised text.
    Word { start: usize, end: usize },
    /// An index into the figure list.
    Figure(usize),
    /// `,` `;` `:` `、` `。` `!` `?` or a kept line break `\n`.
    Punct { ch: char, at: usize },
    /// A list marker such as `1.` or `(一)`; see [`marker_length`] for the levels.
    Marker { level: u8, start: usize, end: usize },
}

/// Punctuation that ends a clause.
pub fn is_punct(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '、' | '。' | '!' | '?' | '\n')
}

/// Punctuation that ends a sentence.
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '\n')
}

/// Words after an amount that make it a threshold (`50万元以上`), not a figure.
const THRESHOLD_WORDS: [&str; 4] = ["以上", "以下", "以内", "及以上"];

pub struct Tokens {
    pub tokens: Vec<Token>,
    pub figures: Vec<Figure>,
}

/// Splits the normalised text into tokens.
pub fn tokenize(text: &Normalized) -> Tokens {
    let chars = &text.chars;
    let mut out = Tokens {
        tokens: Vec::new(),
        figures: Vec::new(),
    };
    let mut word_start: Option<usize> = None;
    let mut clause_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if clause_start {
            let window = &chars[i..(i + 8).min(chars.len())];
            if let Some((length, level)) = marker_length(window) {
                flush_word(&mut out, &mut word_start, i);
                out.tokens.push(Token::Marker {
                    level,
                    start: i,
                    end: i + length,
                });
                i += length;
                clause_start = false;
                continue;
            }
        }
        if is_punct(c) {
            flush_word(&mut out, &mut word_start, i);
            out.tokens.push(Token::Punct { ch: c, at: i });
            clause_start = true;
            i += 1;
            continue;
        }
        clause_start = false;
        if starts_number(chars, i) {
            let list = scan_number_list(chars, i);
            if let Some(unit) = list.unit {
                flush_word(&mut out, &mut word_start, i);
                push_figures(&mut out, chars, &list.numbers, unit);
            } else {
                // Not a figure: the characters stay part of the current word.
                word_start.get_or_insert(i);
            }
            i = list.end;
            continue;
        }
        word_start.get_or_insert(i);
        i += 1;
    }
    flush_word(&mut out, &mut word_start, chars.len());
    out
}

/// The numbers of a list printed with one unit, as figures separated by `、`.
fn push_figures(out: &mut Tokens, chars: &[char], numbers: &[(usize, usize)], unit: FigureUnit) {
    for (n, &(start, end)) in numbers.iter().enumerate() {
        if n > 0 {
            out.tokens.push(Token::Punct {
                ch: '、',
                at: start - 1,
            });
        }
        let printed: String = chars[start..end].iter().collect();
        out.tokens.push(Token::Figure(out.figures.len()));
        out.figures.push(Figure {
            value: parse_decimal(&printed).ok(),
            unit,
            start,
            end,
        });
    }
}

fn flush_word(out: &mut Tokens, word_start: &mut Option<usize>, end: usize) {
    if let Some(start) = word_start.take() {
        if start < end {
            out.tokens.push(Token::Word { start, end });
        }
    }
}

/// A digit, or a minus sign before a digit that does not follow a digit or a letter.
fn starts_number(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if c.is_ascii_digit() {
        return true;
    }
    let after_word = i > 0 && chars[i - 1].is_ascii_alphanumeric();
    c == '-' && !after_word && chars.get(i + 1).is_some_and(char::is_ascii_digit)
}

struct NumberList {
    /// Each number's characters.
    numbers: Vec<(usize, usize)>,
    /// The unit printed after the last number, if it makes them figures.
    unit: Option<FigureUnit>,
    /// Where scanning stopped (after the unit, if any).
    end: usize,
}

/// `-?digits(.digits)?` then, if `、` and another number follow without a unit, the whole list.
fn scan_number_list(chars: &[char], start: usize) -> NumberList {
    let mut numbers = Vec::new();
    let mut i = start;
    loop {
        let number_end = scan_number(chars, i);
        numbers.push((i, number_end));
        if let Some((unit, unit_len)) = unit_at(chars, number_end) {
            let end = number_end + unit_len;
            let threshold = THRESHOLD_WORDS.iter().any(|w| starts_with(chars, end, w));
            return NumberList {
                numbers,
                unit: (!threshold).then_some(unit),
                end,
            };
        }
        let separator = match chars.get(number_end) {
            Some('、') => true,
            Some(',') => paired_before(chars, start),
            _ => false,
        };
        let list_goes_on =
            separator && number_end + 1 < chars.len() && starts_number(chars, number_end + 1);
        if !list_goes_on {
            return NumberList {
                numbers,
                unit: None,
                end: number_end,
            };
        }
        i = number_end + 1;
    }
}

/// Words of a paired list (`收、支总计各是A,B万元`, `分别减少A,B,C亿元`) right before its first number: there
/// a comma separates the numbers as `、` does. Looked for in the few characters before (bounded).
fn paired_before(chars: &[char], start: usize) -> bool {
    let before: String = chars[start.saturating_sub(6)..start].iter().collect();
    let words = before.rsplit(|c: char| is_punct(c)).next().unwrap_or("");
    words.contains('各') || words.contains("分别")
}

fn scan_number(chars: &[char], start: usize) -> usize {
    let mut i = start;
    if chars.get(i) == Some(&'-') {
        i += 1;
    }
    while chars.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
        i += 1;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
    }
    i
}

/// The unit printed at `i`, and how many characters it takes.
fn unit_at(chars: &[char], i: usize) -> Option<(FigureUnit, usize)> {
    let units: [(&str, FigureUnit); 5] = [
        ("亿元元", FigureUnit::YiYuan),
        ("亿元", FigureUnit::YiYuan),
        ("万元", FigureUnit::WanYuan),
        ("元", FigureUnit::Yuan),
        ("%", FigureUnit::Percent),
    ];
    for (spelling, unit) in units {
        if starts_with(chars, i, spelling) {
            return Some((unit, spelling.chars().count()));
        }
    }
    // A truncated `万` (`1.5万,`): only when no other word goes on after it (`3万人` is a count).
    let after = chars.get(i + 1).copied();
    let word_goes_on = matches!(after, Some(c) if !is_punct(c) && !c.is_ascii());
    if chars.get(i) == Some(&'万') && !word_goes_on {
        return Some((FigureUnit::WanYuan, 1));
    }
    None
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn figures(text: &str) -> Vec<(String, FigureUnit)> {
        let n = normalize(text);
        tokenize(&n)
            .figures
            .iter()
            .map(|f| (n.text(f.start, f.end), f.unit))
            .collect()
    }

    #[test]
    fn money_and_percent_figures() {
        use FigureUnit::*;
        assert_eq!(
            figures("收入总计1550.17万元，占100%；881300.39 元，1.2亿元元，5万,"),
            vec![
                ("1550.17".into(), WanYuan),
                ("100".into(), Percent),
                ("881300.39".into(), Yuan),
                ("1.2".into(), YiYuan),
                ("5".into(), WanYuan),
            ]
        );
    }

    #[test]
    fn years_counts_and_thresholds_are_words() {
        assert!(
            figures("2021年度共有车辆3辆，单位价值50万元以上通用设备0台，5G，3万人").is_empty()
        );
    }

    #[test]
    fn a_unit_printed_once_serves_the_list() {
        use FigureUnit::*;
        assert_eq!(
            figures("各是812.33、809.10万元，各下降21.4%、31.1%，分别减少1.5,2.25亿元"),
            vec![
                ("812.33".into(), WanYuan),
                ("809.10".into(), WanYuan),
                ("21.4".into(), Percent),
                ("31.1".into(), Percent),
                ("1.5".into(), YiYuan),
                ("2.25".into(), YiYuan),
            ]
        );
        // Outside a paired list a comma ends the number.
        assert_eq!(figures("共3,其中5万元"), vec![("5".into(), WanYuan)]);
    }

    #[test]
    fn negative_numbers_and_markers() {
        let n = normalize("1.增加-5万元");
        let t = tokenize(&n);
        assert!(matches!(t.tokens[0], Token::Marker { level: 3, .. }));
        assert_eq!(t.figures[0].value.map(|d| d.to_string()), Some("-5".into()));
    }

    #[test]
    fn a_million_digits_is_no_usable_figure() {
        let text = format!("{}万元", "9".repeat(1_000_000));
        let n = normalize(&text);
        let t = tokenize(&n);
        assert_eq!(t.figures.len(), 1);
        assert_eq!(t.figures[0].value, None);
    }
}
