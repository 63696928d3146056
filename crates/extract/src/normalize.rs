//! Text noise out, one canonical spelling in: the rest of the extractor reads a normalised copy of the text
//! whose every character remembers where it came from in the original.
//!
//! - full-width digits and punctuation become ASCII (`１２．５％` → `12.5%`, `（` → `(`, `，` → `,`);
//!   `。` and `、` stay, quotes go (`“三公”` → `三公`);
//! - whitespace goes, except one space between two digits (so `12 34` stays two numbers);
//! - a thousands comma (`1,234.5`) goes;
//! - page-number lines (`—5—`, a lone `6`, `第5页`) and table remnants (lines with `|`) go;
//! - a line break is kept (as `\n`, a sentence boundary) only after sentence-final punctuation or before a
//!   list marker; any other line break is a PDF wrap and is joined (`本年收⏎入` → `本年收入`).

/// The normalised text: `chars[i]` came from character `origin[i]` of the original.
#[derive(Debug, Default)]
pub struct Normalized {
    pub chars: Vec<char>,
    pub origin: Vec<usize>,
}

impl Normalized {
    /// The normalised characters `start..end` as a string.
    pub fn text(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end.min(self.chars.len()))
            .map_or_else(String::new, |cs| cs.iter().collect())
    }

    /// The original character range covered by normalised characters `start..end` (end exclusive).
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.origin.get(start).copied().unwrap_or(0);
        let last = if end > start {
            self.origin.get(end - 1).map_or(first, |o| o + 1)
        } else {
            first
        };
        (first, last)
    }
}

/// Normalises `text` (see the module comment). Linear in the length of the text.
pub fn normalize(text: &str) -> Normalized {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Normalized {
        chars: Vec::with_capacity(chars.len()),
        origin: Vec::with_capacity(chars.len()),
    };
    let mut line_start = 0;
    let mut pending_break: Option<usize> = None;
    let mut previous_was_heading = false;
    while line_start <= chars.len() {
        let line_end = chars[line_start..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |p| line_start + p);
        let line = &chars[line_start..line_end];
        if !is_debris(line) {
            if let Some(newline_at) = pending_break.take() {
                let previous = out.chars.last().copied();
                let ends_sentence = previous.is_some_and(|c| "。;:!?".contains(c));
                if ends_sentence || previous_was_heading || starts_with_marker(line) {
                    out.chars.push('\n');
                    out.origin.push(newline_at);
                }
            }
            let is_first_line = out.chars.is_empty();
            push_line(&mut out, &chars, line_start, line_end);
            previous_was_heading = is_heading(line, is_first_line);
        }
        if line_end < chars.len() && !out.chars.is_empty() && pending_break.is_none() {
            pending_break = Some(line_end);
        }
        line_start = line_end + 1;
    }
    out
}

fn push_line(out: &mut Normalized, chars: &[char], start: usize, end: usize) {
    let mut i = start;
    while i < end {
        let c = canonical(chars[i]);
        if c.is_whitespace() {
            // A whole run of whitespace at once (linear time); one space survives between two digits,
            // where it separates two numbers.
            let run_end = (i..end)
                .find(|&j| !canonical(chars[j]).is_whitespace())
                .unwrap_or(end);
            let before = out.chars.last().is_some_and(char::is_ascii_digit);
            let after = run_end < end && canonical(chars[run_end]).is_ascii_digit();
            if before && after {
                out.chars.push(' ');
                out.origin.push(i);
            }
            i = run_end;
            continue;
        }
        let is_noise =
            c.is_control() || matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '\u{FEFF}');
        let is_thousands = chars[i] == ',' && is_thousands_comma(&out.chars, &chars[i + 1..end]);
        if !is_noise && !is_thousands {
            out.chars.push(c);
            out.origin.push(i);
        }
        i += 1;
    }
}

/// The canonical spelling of a character: full-width ASCII becomes ASCII; `，` becomes `,` and so on.
fn canonical(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\r' | '\t' => ' ',
        _ => c,
    }
}

/// `1,234.5`: an ASCII comma after the digits of an integer part and before exactly three digits.
fn is_thousands_comma(before: &[char], after: &[char]) -> bool {
    // Bounded look-back keeps this constant time: no amount has more than 28 digits.
    let digits_before = before
        .iter()
        .rev()
        .take(29)
        .take_while(|c| c.is_ascii_digit())
        .count();
    let decimal_before = before
        .len()
        .checked_sub(digits_before + 1)
        .is_some_and(|i| before[i] == '.');
    (1..=28).contains(&digits_before)
        && !decimal_before
        && after.len() >= 3
        && after[..3].iter().all(char::is_ascii_digit)
        && !after.get(3).is_some_and(char::is_ascii_digit)
}

/// A heading line ends its sentence even without punctuation: the first line (the title), or a line that
/// opens with a list marker and has no digit after it (`一、收入支出决算总体情况说明`). A list item with figures
/// may wrap onto the next line, so it is not one.
fn is_heading(line: &[char], first: bool) -> bool {
    let content: Vec<char> = line
        .iter()
        .map(|&c| canonical(c))
        .filter(|c| !c.is_whitespace())
        .collect();
    match marker_length(&content) {
        Some((length, _)) => !content[length..].iter().any(char::is_ascii_digit),
        None => first && !states_amount(&content),
    }
}

/// Whether a line states an amount (digits, then `元`, `万` or `亿`): a first line that does is the body's
/// first line, cut where the PDF wrapped it (`…支出决算0万元;公务用车购` / `置及运行费…`), not a title — a
/// title names the document and its year, never an amount.
fn states_amount(content: &[char]) -> bool {
    content
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], '元' | '万' | '亿'))
}

/// A line that is only a page number or a table remnant.
fn is_debris(line: &[char]) -> bool {
    let content: Vec<char> = line
        .iter()
        .map(|&c| canonical(c))
        .filter(|c| !c.is_whitespace())
        .collect();
    if content.is_empty() {
        return true;
    }
    if content.iter().any(|c| matches!(c, '|' | '│' | '┃')) {
        return true;
    }
    let has_digit = content.iter().any(char::is_ascii_digit);
    // `—5—`, `- 5 -`, `6`: digits and dashes only.
    if has_digit
        && content.len() <= 12
        && content
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '—' | '–' | '_' | '/' | '·'))
    {
        return true;
    }
    // `第5页`, `第 5 页 共 12 页`
    let first = content.first().copied();
    let last = content.last().copied();
    has_digit
        && content.len() <= 16
        && (first == Some('第') || first == Some('共'))
        && last == Some('页')
}

/// Whether a line opens with a list marker: `1.` `1、` `(1)` `（一）` `一、` `第一部分`.
fn starts_with_marker(line: &[char]) -> bool {
    let content: Vec<char> = line
        .iter()
        .map(|&c| canonical(c))
        .filter(|c| !c.is_whitespace())
        .take(8)
        .collect();
    marker_length(&content).is_some()
}

/// Chinese numerals as used in list markers.
pub fn is_cjk_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// The list marker at the start of `chars`, as (characters it takes, level). Level 0 is the outermost:
/// `第一部分` 0, `一、` 1, `(一)` 2, `1.` or `1、` 3, `(1)` 4.
pub fn marker_length(chars: &[char]) -> Option<(usize, u8)> {
    let first = *chars.first()?;
    if first.is_ascii_digit() {
        let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        let after = chars.get(digits).copied();
        let next = chars.get(digits + 1).copied();
        if digits <= 2
            && matches!(after, Some('.' | '、'))
            && !next.is_some_and(|c| c.is_ascii_digit())
        {
            return Some((digits + 1, 3));
        }
        return None;
    }
    if first == '(' {
        let inner = chars[1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || is_cjk_numeral(**c))
            .count();
        if inner == 0 || inner > 3 || chars.get(1 + inner) != Some(&')') {
            return None;
        }
        let level = if chars[1].is_ascii_digit() { 4 } else { 2 };
        return Some((inner + 2, level));
    }
    if is_cjk_numeral(first) {
        let numerals = chars.iter().take_while(|c| is_cjk_numeral(**c)).count();
        if numerals <= 3 && chars.get(numerals) == Some(&'、') {
            return Some((numerals + 1, 1));
        }
        return None;
    }
    if first == '第' {
        let numerals = chars[1..]
            .iter()
            .take_while(|c| is_cjk_numeral(**c))
            .count();
        if numerals > 0 && chars.get(1 + numerals..3 + numerals) == Some(&['部', '分'][..]) {
            return Some((numerals + 3, 0));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(text: &str) -> String {
        normalize(text).chars.iter().collect()
    }

    #[test]
    fn full_width_becomes_ascii_and_quotes_go() {
        assert_eq!(
            norm("“三公”经费１２．５万元，占（１）％"),
            "三公经费12.5万元,占(1)%"
        );
    }

    #[test]
    fn pdf_wraps_join_but_sentence_ends_and_markers_break() {
        assert_eq!(
            norm("标题\n本年收\n入1.5万\n元。\n2.其他"),
            "标题\n本年收入1.5万元。\n2.其他"
        );
        assert_eq!(
            norm("标题\n收入总计\n\n—5—\n\n6\n第 5 页\n100万元"),
            "标题\n收入总计100万元"
        );
        assert_eq!(norm("标题\n合 计 |\n246 |\n支出1万元"), "标题\n支出1万元");
        // A heading ends its sentence; a list item with figures may wrap.
        assert_eq!(
            norm("标题\n一、收入情况\n2021年收入1万元\n1.事业收入1万\n元"),
            "标题\n一、收入情况\n2021年收入1万元\n1.事业收入1万元"
        );
    }

    #[test]
    fn spaces_go_except_between_digits() {
        assert_eq!(norm("881300.39 元，下降 3.8 %"), "881300.39元,下降3.8%");
        assert_eq!(norm("合计12 34万元"), "合计12 34万元");
    }

    #[test]
    fn thousands_commas_go() {
        assert_eq!(norm("1,234.56元"), "1234.56元");
        assert_eq!(norm("120.5,230.9"), "120.5,230.9");
    }

    #[test]
    fn origins_point_back_into_the_original() {
        let n = normalize("收入\n 1.5万元");
        let at = n.chars.iter().position(|&c| c == '1').unwrap();
        assert_eq!(n.origin[at], 4);
        assert_eq!(n.original_span(at, at + 3), (4, 7));
    }

    #[test]
    fn markers_and_levels() {
        let m = |s: &str| marker_length(&s.chars().collect::<Vec<_>>());
        assert_eq!(m("1.财政"), Some((2, 3)));
        assert_eq!(m("1.5万元"), None);
        assert_eq!(m("(1)事业"), Some((3, 4)));
        assert_eq!(m("(二)支出"), Some((3, 2)));
        assert_eq!(m("二、财政"), Some((2, 1)));
        assert_eq!(m("第三部分"), Some((4, 0)));
        assert_eq!(m("(室)"), None);
    }
}
