//! Cell text as the recogniser compares it: full-width forms folded, spaces out, list numbering off; and a
//! printed figure read exactly (thousands separators dropped, the printed decimals kept).

use std::str::FromStr;

use budget_lens_core::report::Unit;
use rust_decimal::Decimal;

/// Full-width ASCII folded to ASCII, ideographic space to nothing, every whitespace out: the form in which
/// titles, headers and names are compared (`单位：万元` and `单位: 万元` become `单位:万元`).
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A label without its list numbering: `一、一般公共服务支出` → `一般公共服务支出`, `1、一般公共预算` →
/// `一般公共预算`, `（一）…` → `…`. The numbering level is returned too: 1 for Chinese numerals, 2 for
/// Arabic ones and parenthesised numerals, 0 for none.
pub fn strip_numbering(label: &str) -> (&str, u8) {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let trimmed = label.trim();
    for (opening, closing) in [('(', ')'), ('（', '）')] {
        if let Some(rest) = trimmed.strip_prefix(opening) {
            if let Some(end) = rest.find(closing) {
                let inside = &rest[..end];
                if !inside.is_empty() && inside.chars().all(|c| numeral(c) || c.is_ascii_digit()) {
                    return (rest[end + closing.len_utf8()..].trim(), 2);
                }
            }
        }
    }
    let digits_end = trimmed
        .char_indices()
        .find(|(_, c)| !(numeral(*c) || c.is_ascii_digit()))
        .map(|(i, _)| i)
        .unwrap_or(trimmed.len());
    if digits_end == 0 {
        return (trimmed, 0);
    }
    let rest = &trimmed[digits_end..];
    let level = if trimmed.starts_with(numeral) { 1 } else { 2 };
    for mark in ["、", ".", "．", "，"] {
        if let Some(after) = rest.strip_prefix(mark) {
            return (after.trim(), level);
        }
    }
    (trimmed, 0)
}

/// What a value cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Printed {
    /// Nothing, or a dash or `无` standing for nothing.
    Blank,
    /// A figure, exactly as printed (separators dropped, decimals kept).
    Figure(Decimal),
    /// Words where a figure belongs.
    Words,
}

/// Reads a printed figure: `2,940.05`, `87267272.44`, `156,211,123`, `0`, `-5.00`, `（5.00）`; blank, `-`,
/// `—`, `无` are [`Printed::Blank`].
pub fn read_figure(text: &str) -> Printed {
    let folded = fold(text);
    if folded.is_empty() || matches!(folded.as_str(), "-" | "—" | "——" | "--" | "–" | "无" | "/")
    {
        return Printed::Blank;
    }
    let (negative, body) = match folded.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => match folded.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            Some(inner) => (true, inner.to_string()),
            None => (false, folded.clone()),
        },
    };
    if !separators_well_placed(&body) {
        return Printed::Words;
    }
    let digits: String = body.chars().filter(|c| *c != ',').collect();
    let well_formed = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.')
        && digits.len() <= 28;
    if !well_formed {
        return Printed::Words;
    }
    match Decimal::from_str(&digits) {
        Ok(value) if negative => Printed::Figure(-value),
        Ok(value) => Printed::Figure(value),
        Err(_) => Printed::Words,
    }
}

/// Thousands separators only between groups of three digits before the point (`1,234.5`), or none.
fn separators_well_placed(body: &str) -> bool {
    if !body.contains(',') {
        return true;
    }
    let whole = body.split('.').next().unwrap_or("");
    let groups: Vec<&str> = whole.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    first_ok && groups[1..].iter().all(|g| g.len() == 3)
}

/// The unit named in a line such as `单位：万元`, `单位:元`, `金额单位：万元`.
pub fn unit_in(line: &str) -> Option<Unit> {
    let folded = fold(line);
    folded.match_indices("单位:").find_map(|(at, mark)| {
        let after = &folded[at + mark.len()..];
        if after.starts_with("亿元") {
            Some(Unit::YiYuan)
        } else if after.starts_with("万元") {
            Some(Unit::WanYuan)
        } else if after.starts_with('元') {
            Some(Unit::Yuan)
        } else {
            None
        }
    })
}

/// A classification code as printed in one cell: `201`, `20106`, `2010601`, `301`, `30101`.
pub fn is_code(text: &str) -> bool {
    let folded = fold(text);
    (1..=7).contains(&folded.len()) && folded.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(text: &str) -> Decimal {
        match read_figure(text) {
            Printed::Figure(value) => value,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn figures_keep_their_printed_decimals() {
        assert_eq!(figure("2,940.05").to_string(), "2940.05");
        assert_eq!(figure("156,211,123").to_string(), "156211123");
        assert_eq!(figure("0.00").to_string(), "0.00");
        assert_eq!(figure(" 0 ").to_string(), "0");
        assert_eq!(figure("-5.10").to_string(), "-5.10");
        assert_eq!(figure("１２.５").to_string(), "12.5");
        for blank in ["", " ", "—", "-", "无"] {
            assert_eq!(read_figure(blank), Printed::Blank, "{blank:?}");
        }
        for words in ["合计", "1,23.4", "12.3.4", ".5", "5万元", "1e3"] {
            assert_eq!(read_figure(words), Printed::Words, "{words:?}");
        }
    }

    #[test]
    fn units_with_either_colon() {
        assert_eq!(unit_in("单位：万元"), Some(Unit::WanYuan));
        assert_eq!(unit_in("编制单位：某局   单位:元"), Some(Unit::Yuan));
        assert_eq!(unit_in("金额单位： 亿元"), Some(Unit::YiYuan));
        assert_eq!(unit_in("编制单位：某局"), None);
    }

    #[test]
    fn numbering_comes_off_labels() {
        assert_eq!(
            strip_numbering("一、一般公共服务支出"),
            ("一般公共服务支出", 1)
        );
        assert_eq!(
            strip_numbering("二十六、抗疫特别国债安排的支出"),
            ("抗疫特别国债安排的支出", 1)
        );
        assert_eq!(strip_numbering("1、一般公共预算"), ("一般公共预算", 2));
        assert_eq!(strip_numbering("（一）基本支出"), ("基本支出", 2));
        assert_eq!(strip_numbering("收入总计"), ("收入总计", 0));
    }
}
