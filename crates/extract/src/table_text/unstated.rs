//! Tables pasted with `|` between their cells (or one cell a line, each with its `|` below it) that state no unit anywhere (no `单位:万元` line, no `(万元)`
//! in their title or headers): their numbers could be 元 or 万元, so they are not read — and the reader is
//! told so, rather than left to wonder why the table's figures are missing.

use budget_lens_core::report::Span;

use super::cells;

/// Fewer numbers than this in a block of `|` lines is a form's fields (a page's metadata), not a table.
const FEWEST_NUMBERS: usize = 4;

/// How many lines above a block a declaration may stand (a `单位` line, then a title line).
const LINES_ABOVE: usize = 2;

/// The blocks of lines with `|` holding numbers that no declaration (`starts`: where declared tables start)
/// covers.
pub fn blocks(chars: &[char], starts: &[usize]) -> Vec<Span> {
    let lines = lines(chars);
    let mut found = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let in_table = |k: usize| cells::cell_line(chars, lines[k].start, chars.len());
        if !in_table(k) {
            k += 1;
            continue;
        }
        let first = k;
        while k < lines.len() && in_table(k) {
            k += 1;
        }
        let block = Span {
            start: lines[first].start,
            end: lines[k - 1].end,
        };
        let above = lines[first.saturating_sub(LINES_ABOVE)].start;
        let declared = starts.iter().any(|&s| above <= s && s <= block.end);
        if !declared && numbers_in(chars, block) >= FEWEST_NUMBERS {
            found.push(block);
        }
    }
    found
}

/// Each line's span, without its `\n`.
fn lines(chars: &[char]) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            lines.push(Span { start, end: i });
            start = i + 1;
        }
    }
    lines.push(Span {
        start,
        end: chars.len(),
    });
    lines
}

fn numbers_in(chars: &[char], block: Span) -> usize {
    cells::cells(chars, block.start, block.end)
        .iter()
        .filter(|c| c.number.is_some_and(|n| !n.blank))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_of_numbers_without_a_unit() {
        let text = "说明\n对比表\n年度 | 合计 | 接待 |\n2022年 | 30 | 30 |\n2023年 | 20 | 20 |\n完";
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(blocks(&chars, &[]), [Span { start: 7, end: 57 }]);
        // A declaration on the title line above covers it.
        assert!(blocks(&chars, &[6]).is_empty());
        // A page's fields are not a table.
        let fields: Vec<char> = "| 发布日期: | 2025-08-04 |\n| 索引号: | 12 |"
            .chars()
            .collect();
        assert!(blocks(&fields, &[]).is_empty());
    }
}
