//! Which characters count as letters or digits in a JSON path's `.key` form and an exported file's name;
//! where one short text occurs in another ([`find`]).
//!
//! `char::is_alphanumeric` links the Unicode tables of every script's letters and numbers into the wasm
//! (~1.9 KB gzip). This check gives the same answer for every character of the blocks a Chinese budget
//! uses — ASCII, Latin-1, general punctuation and symbols (2000–2BFF: the Roman numerals and circled
//! numbers count), CJK punctuation, kana, every CJK ideograph, Hangul, full- and half-width forms (the test
//! compares every assigned one); any other non-ASCII character counts as a letter.

/// A letter or digit: `char::is_alphanumeric` on the blocks above, `true` for other non-ASCII characters.
pub fn is_word_char(c: char) -> bool {
    let n = u32::from(c);
    match n {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x80..=0xFF => {
            matches!(n, 0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE)
                || (n >= 0xC0 && n != 0xD7 && n != 0xF7)
        }
        0x2000..=0x2BFF => in_ranges(n, SYMBOL_BLOCKS),
        0x3000..=0x303F => in_ranges(n, CJK_PUNCTUATION),
        0xFE10..=0xFE6F => false,
        0xFF00..=0xFFEF => in_ranges(n, FULL_AND_HALF_WIDTH),
        _ => !is_other_gap(n),
    }
}

/// The byte offset of the first `needle` in `text` (`text.find(needle)` with a `&str` pattern): the bytes
/// compared at each position. The standard library's two-way searcher behind `str::find`/`contains`/
/// `split_once` with a `&str` is ~3 KB of the wasm (~1 KB gzip); the needles here are names of at most a
/// few dozen characters or fixed words, so the plain comparison stays linear in the text. A match of valid
/// UTF-8 in valid UTF-8 always starts and ends on character boundaries, so the answer is `str::find`'s.
pub fn find(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    text.as_bytes()
        .windows(needle.len())
        .position(|at| at == needle.as_bytes())
}

/// Whether `needle` occurs in `text` (`text.contains(needle)`; see [`find`]).
pub fn contains(text: &str, needle: &str) -> bool {
    find(text, needle).is_some()
}

/// Whether `text` holds the character `c` (`text.contains(c)`: for a `char`, the standard library's
/// `contains` searches with the same two-way searcher once `c` is not ASCII).
pub fn has_char(text: &str, c: char) -> bool {
    text.chars().any(|x| x == c)
}

/// `parts.join(separator)` (`parts.concat()` with `""`): one plain loop. The standard library's `join`
/// is ~1 KB of wasm for each type of part (its copies are unrolled by the separator's length).
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut joined = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            joined.push_str(separator);
        }
        joined.push_str(part.as_ref());
    }
    joined
}

/// `text.split_once(separator)` for a `&str` separator (see [`find`]).
pub fn split_once<'a>(text: &'a str, separator: &str) -> Option<(&'a str, &'a str)> {
    let at = find(text, separator)?;
    Some((text.get(..at)?, text.get(at + separator.len()..)?))
}

fn in_ranges(n: u32, ranges: &[(u32, u32)]) -> bool {
    ranges.iter().any(|&(low, high)| low <= n && n <= high)
}

/// Kana's voicing marks and punctuation, and the unassigned tail of the Hangul syllables: not letters.
fn is_other_gap(n: u32) -> bool {
    matches!(n, 0x3099..=0x309C | 0x30A0 | 0x30FB | 0xD7A4..=0xD7AF | 0xD7C7..=0xD7CA | 0xD7FC..=0xD7FF)
}

/// Letters and numbers among 2000–2BFF: superscripts and subscripts, letterlike symbols, number forms
/// (Ⅰ, Ⅱ…), circled and parenthesised numbers (①, ⑴, ⒈), Ⓐ–ⓩ, dingbat numbers (❶), Glagolitic, Latin
/// Extended-C, Coptic.
const SYMBOL_BLOCKS: &[(u32, u32)] = &[
    (0x2070, 0x2071),
    (0x2074, 0x2079),
    (0x207F, 0x2089),
    (0x2090, 0x209C),
    (0x2102, 0x2102),
    (0x2107, 0x2107),
    (0x210A, 0x2113),
    (0x2115, 0x2115),
    (0x2119, 0x211D),
    (0x2124, 0x2124),
    (0x2126, 0x2126),
    (0x2128, 0x2128),
    (0x212A, 0x212D),
    (0x212F, 0x2139),
    (0x213C, 0x213F),
    (0x2145, 0x2149),
    (0x214E, 0x214E),
    (0x2150, 0x2189),
    (0x2460, 0x249B),
    (0x24B6, 0x24FF),
    (0x2776, 0x2793),
];

/// 々, 〆, 〇, the Hangzhou numerals, the kana repeat marks, 〸–〼.
const CJK_PUNCTUATION: &[(u32, u32)] = &[
    (0x3005, 0x3007),
    (0x3021, 0x3029),
    (0x3031, 0x3035),
    (0x3038, 0x303C),
];

/// Full-width digits and Latin letters, half-width katakana and Hangul.
const FULL_AND_HALF_WIDTH: &[(u32, u32)] = &[
    (0xFF10, 0xFF19),
    (0xFF21, 0xFF3A),
    (0xFF41, 0xFF5A),
    (0xFF66, 0xFFBE),
    (0xFFC2, 0xFFC7),
    (0xFFCA, 0xFFCF),
    (0xFFD2, 0xFFD7),
    (0xFFDA, 0xFFDC),
];

#[cfg(test)]
mod tests {
    use super::{contains, find, has_char, is_word_char, join, split_once};

    #[test]
    fn find_contains_split_once_and_has_char_equal_the_standard_library() {
        let texts = [
            "",
            "a",
            "aa",
            "aaa",
            "abab",
            "部门预算",
            "上海市普陀区财政局",
            "x, expected y, expected z",
        ];
        let needles = [
            "",
            "a",
            "aa",
            "b",
            "ab",
            "部门",
            "预算",
            "普陀区财政局",
            ", expected ",
            "算",
            "财政局x",
        ];
        for text in texts {
            for needle in needles {
                assert_eq!(find(text, needle), text.find(needle), "{text} / {needle}");
                assert_eq!(
                    contains(text, needle),
                    text.contains(needle),
                    "{text} / {needle}"
                );
                assert_eq!(
                    split_once(text, needle),
                    text.split_once(needle),
                    "{text} / {needle}"
                );
            }
            for c in ['a', 'b', '/', '部', '算', '…', '𠀀'] {
                assert_eq!(has_char(text, c), text.contains(c), "{text} / {c}");
            }
        }
    }

    #[test]
    fn join_equals_the_standard_library() {
        let lists: [&[&str]; 4] = [&[], &["a"], &["a", "", "预算"], &["", ""]];
        for parts in lists {
            for separator in ["", ",", "、", "; "] {
                assert_eq!(join(parts, separator), parts.join(separator));
                let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
                assert_eq!(join(&owned, separator), owned.join(separator));
            }
            assert_eq!(join(parts, ""), parts.concat());
        }
    }

    /// The blocks where the check must equal `char::is_alphanumeric` exactly (their assigned parts: an
    /// unassigned code point is no letter for Rust, a letter here).
    const COMPARED: &[(u32, u32)] = &[
        (0x0000, 0x00FF),
        (0x2000, 0x2BFF),
        (0x3000, 0x303F),
        (0x3041, 0x3096),
        (0x3099, 0x30FF),
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xAC00, 0xD7FF),
        (0xF900, 0xFA6D),
        (0xFA70, 0xFAD9),
        (0xFE10, 0xFE6F),
        (0xFF00, 0xFFEF),
        (0x20000, 0x2A6DF),
    ];

    #[test]
    fn equals_is_alphanumeric_on_the_blocks_a_budget_uses() {
        let mut differ = Vec::new();
        for &(low, high) in COMPARED {
            for c in (low..=high).filter_map(char::from_u32) {
                if is_word_char(c) != c.is_alphanumeric() {
                    differ.push(format!("{:04X}", u32::from(c)));
                }
            }
        }
        assert!(
            differ.is_empty(),
            "{} differ: {:?}",
            differ.len(),
            &differ[..differ.len().min(80)]
        );
    }
}
