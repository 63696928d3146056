//! Where a pasted table states its unit, and so where it starts. Three shapes of published tables:
//! - a `单位:万元` line (also `单位：元`, `单位: 亿元`) above the header: the table starts after it;
//! - the unit in parentheses at the end of the title line (`…经费预算表(万元)`): the table starts after it;
//! - the unit in a column header (`金额(万元)`, `2020年度支出 (万元) |`): the header is part of the table,
//!   which starts with the run of `|`-separated lines the header is in.
//!
//! A bare unit in parentheses is never a figure's (figures print their number before the unit), so it
//! declares the unit of the table around it.

use budget_lens_core::report::Unit;

use super::cells::canonical;

/// The unit a declaration states and where its table starts.
pub fn declarations(chars: &[char]) -> Vec<(Unit, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < chars.len() {
        let next = match (chars[i], canonical(chars[i])) {
            ('单', _) if chars[i + 1] == '位' => after_unit_word(chars, i, &mut found),
            (_, '(') => in_parentheses(chars, i, &mut found),
            _ => None,
        };
        i = next.unwrap_or(i + 1).max(i + 1);
    }
    found
}

/// `单位:万元`: the declaration at `i` (`单位`), pushed with the index after it; the index to go on from.
fn after_unit_word(chars: &[char], i: usize, found: &mut Vec<(Unit, usize)>) -> Option<usize> {
    let mut j = i + 2;
    while j < chars.len() && (chars[j] == ' ' || canonical(chars[j]) == ':') {
        j += 1;
    }
    if j == i + 2 {
        return Some(j);
    }
    if let Some((unit, len)) = unit_at(chars, j) {
        found.push((unit, j + len));
    }
    Some(j)
}

/// `(万元)`: a bare unit in parentheses at `i`; a title's when it ends its line and the line is one word,
/// a column header's otherwise.
fn in_parentheses(chars: &[char], i: usize, found: &mut Vec<(Unit, usize)>) -> Option<usize> {
    let (unit, len) = unit_at(chars, i + 1)?;
    let close = i + 1 + len;
    if chars.get(close).map(|&c| canonical(c)) != Some(')') {
        return None;
    }
    let line_start = chars[..i]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |p| p + 1);
    let line_end = chars[close..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(chars.len(), |p| close + p);
    let rest_blank = chars[close + 1..line_end]
        .iter()
        .all(|&c| c.is_whitespace() || c == '|');
    // A title is one word on its line; a header has cells (`|` or spaces between words).
    let line = &chars[line_start..line_end];
    let words = line.split(|c| c.is_whitespace()).filter(|w| !w.is_empty());
    let in_cells = line.contains(&'|') || words.count() > 1;
    let start = match (rest_blank, in_cells) {
        (true, false) => close + 1,
        _ => first_cell_line(chars, line_start),
    };
    found.push((unit, start));
    Some(close + 1)
}

/// `亿元`, `万元`, `元` at `j`, with its length.
fn unit_at(chars: &[char], j: usize) -> Option<(Unit, usize)> {
    match (chars.get(j), chars.get(j + 1)) {
        (Some('亿'), Some('元')) => Some((Unit::YiYuan, 2)),
        (Some('万'), Some('元')) => Some((Unit::WanYuan, 2)),
        (Some('元'), _) => Some((Unit::Yuan, 1)),
        _ => None,
    }
}

/// The start of the run of lines ending in `|` (one cell each, or a row) that the line at `line_start`
/// ends: the table's first line.
fn first_cell_line(chars: &[char], line_start: usize) -> usize {
    let mut start = line_start;
    while start > 0 {
        let prev_end = start - 1; // the '\n' ending the line before
        let prev_start = chars[..prev_end]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |p| p + 1);
        let line = &chars[prev_start..prev_end];
        let ends_in_cell = line.iter().rev().find(|c| !c.is_whitespace()) == Some(&'|');
        if !ends_in_cell {
            break;
        }
        start = prev_start;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Unit, usize)> {
        declarations(&text.chars().collect::<Vec<_>>())
    }

    #[test]
    fn only_declarations_of_a_unit() {
        let found = found("单位:某医院 单位：元 表一 单位: 万元 单位万元");
        assert_eq!(found, [(Unit::Yuan, 11), (Unit::WanYuan, 21)]);
    }

    #[test]
    fn a_title_unit_starts_after_it_a_header_unit_at_its_cells() {
        assert_eq!(found("某表(万元)\n项目 金额"), [(Unit::WanYuan, 6)]);
        assert_eq!(
            found("说明\n项目 |\n金额(万元) |\n合计 |"),
            [(Unit::WanYuan, 3)]
        );
        // A figure's unit is not in parentheses alone; `(2.5万元)` declares nothing.
        assert!(found("费用(其中2.5万元)").is_empty());
    }
}
