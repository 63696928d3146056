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
    let lines = Lines::new(chars);
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < chars.len() {
        let next = match (chars[i], canonical(chars[i])) {
            ('单', _) if chars[i + 1] == '位' => after_unit_word(chars, i, &mut found),
            (_, '(') => in_parentheses(chars, &lines, i, &mut found),
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
fn in_parentheses(
    chars: &[char],
    lines: &Lines,
    i: usize,
    found: &mut Vec<(Unit, usize)>,
) -> Option<usize> {
    let (unit, len) = unit_at(chars, i + 1)?;
    let close = i + 1 + len;
    if chars.get(close).map(|&c| canonical(c)) != Some(')') {
        return None;
    }
    let line = lines.of(i);
    let rest_blank = chars[close + 1..line.end]
        .iter()
        .all(|&c| c.is_whitespace() || c == '|');
    // A title is one word on its line; a header has cells (`|` or spaces between words).
    let start = match rest_blank && !line.cells {
        true => close + 1,
        false => line.table_start,
    };
    found.push((unit, start));
    Some(close + 1)
}

/// A line of the text: where it ends, whether it holds cells, where the run of `|` lines it ends starts.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    cells: bool,
    /// The first line of the run of lines ending in `|` just above this one (its own start if none).
    table_start: usize,
}

/// The text's lines, read once (a declaration looks its line up instead of scanning it: linear time).
struct Lines(Vec<Line>);

impl Lines {
    fn new(chars: &[char]) -> Lines {
        let mut lines: Vec<Line> = Vec::new();
        let mut start = 0;
        for end in (0..=chars.len()).filter(|&e| e == chars.len() || chars[e] == '\n') {
            let text = &chars[start..end];
            let words = text.split(|c| c.is_whitespace()).filter(|w| !w.is_empty());
            let table_start = match lines.last() {
                Some(above) if ends_in_cell(&chars[above.start..above.end]) => above.table_start,
                _ => start,
            };
            lines.push(Line {
                start,
                end,
                cells: text.contains(&'|') || words.count() > 1,
                table_start,
            });
            start = end + 1;
        }
        Lines(lines)
    }

    /// The line holding character `i`.
    fn of(&self, i: usize) -> Line {
        let k = self.0.partition_point(|l| l.end < i);
        self.0[k.min(self.0.len() - 1)]
    }
}

fn ends_in_cell(line: &[char]) -> bool {
    line.iter().rev().find(|c| !c.is_whitespace()) == Some(&'|')
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
