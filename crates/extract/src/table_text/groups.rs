//! A table by region or by unit with two column groups, its header two rows: the groups' names over the same
//! columns repeated under each.
//!
//! ```text
//! 地区 | 一般公共预算收入 | 一般公共预算支出 |
//! 金额 | 增长% | 金额 | 增长% |
//! 全市 | 5210 | 4.2% | 8830 | 6.1% |
//! 甲县 | 1400 | 3.0% | 2710 | 5.5% |
//! ```
//!
//! (also `2023年 | 2024年` over `预算数 | 执行数 | 预算数 | 执行数`). Each group is a quantity of its own: its
//! columns are read as the header names them ([`columns`]) and its rows become nodes as in a table of one group
//! ([`rows`]), each label followed by its group's name (`甲县一般公共预算收入`). A rate column's figures may be
//! printed without `%` (the header word says they are rates).
//!
//! Read only when the header is exactly two lines (the two group names, with a corner word or not; then the
//! columns, the same under both groups, at least two) and every row prints exactly one number per column:
//! a row with a cell lost in the copy could not be split between the groups, and the table stays unread.

use budget_lens_core::report::Node;

use super::cells::{cell_lines, Cell};
use super::columns::{self, Columns};
use super::rows;

/// The nodes of a table with two column groups, or `None` when `cells` are not one.
pub fn nodes(chars: &[char], cells: &[Cell], prefix: &str) -> Option<Vec<Node>> {
    let words = cells.iter().take_while(|c| c.number.is_none()).count();
    let lines = cell_lines(chars, &cells[..words]);
    let [groups_line, columns_line, first_label @ ..] = &lines[..] else {
        return None;
    };
    if first_label.len() > 1 {
        return None;
    }
    let (groups, columns, width) = header(groups_line, columns_line)?;
    let (data, trailing) = rows_of(&cells[words - first_label.first().map_or(0, |l| l.len())..]);
    if data.iter().any(|(_, numbers)| numbers.len() != 2 * width) || data.len() < 2 {
        return None;
    }
    let base = prefix.strip_suffix("row").unwrap_or(prefix);
    let mut nodes = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let cells: Vec<Cell> = data
            .iter()
            .flat_map(|(label, numbers)| {
                let own = &numbers[g * width..(g + 1) * width];
                label.iter().cloned().chain(as_rates(own, &columns))
            })
            // Words after the last row: a row without figures (left out, its parent partial) or the text after.
            .chain(trailing.iter().cloned())
            .collect();
        let mut group_nodes = rows::nodes(&cells, &columns, &format!("{base}g{}_row", g + 1));
        group_nodes.iter_mut().for_each(|n| name_group(n, group));
        nodes.extend(group_nodes);
    }
    Some(nodes)
}

/// The two group names and the columns under each (and how many): `None` unless the first line is two group
/// names (after a corner word) and the second the same columns twice (after a corner word), two or more each.
fn header(groups_line: &[Cell], columns_line: &[Cell]) -> Option<(Vec<String>, Columns, usize)> {
    let texts = |line: &[Cell]| -> Vec<String> { line.iter().map(|c| c.text.clone()).collect() };
    let (mut groups, mut subs) = (texts(groups_line), texts(columns_line));
    if groups.len() == 3 {
        groups.remove(0);
    }
    if subs.len() % 2 == 1 && !columns::names_a_column(&subs[0]) {
        subs.remove(0);
    }
    let width = subs.len() / 2;
    let (left, right) = subs.split_at(width);
    let distinct = groups.len() == 2 && groups[0] != groups[1];
    if !distinct || width < 2 || left != right || !subs.iter().all(|w| columns::names_a_column(w)) {
        return None;
    }
    let words: Vec<&str> = left.iter().map(String::as_str).collect();
    let columns = columns::read(&words).filter(|c| c.named.len() == width)?;
    // Each group prints as many numbers as it names columns: no rate column is assumed after them.
    let named = Columns {
        named: columns.named,
        assumed: Vec::new(),
    };
    Some((groups, named, width))
}

/// A row: its label's cells and its numbers' cells.
type Row<'c> = (&'c [Cell], &'c [Cell]);

/// The rows (label words, then numbers) and the words after the last of them.
fn rows_of(cells: &[Cell]) -> (Vec<Row<'_>>, &[Cell]) {
    let mut rows = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let label = cells[i..].iter().take_while(|c| c.number.is_none()).count();
        let numbers = cells[i + label..]
            .iter()
            .take_while(|c| c.number.is_some())
            .count();
        if numbers == 0 {
            break;
        }
        rows.push((&cells[i..i + label], &cells[i + label..i + label + numbers]));
        i += label + numbers;
    }
    (rows, &cells[i.min(cells.len())..])
}

/// A group's numbers, those under a rate column read as rates (the header says so when the cell has no `%`).
fn as_rates<'c>(numbers: &'c [Cell], columns: &'c Columns) -> impl Iterator<Item = Cell> + 'c {
    numbers.iter().zip(&columns.named).map(|(cell, role)| {
        let mut cell = cell.clone();
        if let Some(n) = cell.number.as_mut() {
            n.percent |= role.is_rate() && !n.blank;
        }
        cell
    })
}

/// Every node of a group's tree named with its group (`甲县` → `甲县一般公共预算收入`).
fn name_group(node: &mut Node, group: &str) {
    node.label.push_str(group);
    node.items.iter_mut().for_each(|n| name_group(n, group));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table_text::cells::cells;

    fn read(text: &str) -> Option<Vec<Node>> {
        let chars: Vec<char> = text.chars().collect();
        nodes(&chars, &cells(&chars, 0, chars.len()), "t_row")
    }

    #[test]
    fn each_group_a_quantity_of_its_own() {
        let table = "地区 | 一般公共预算收入 | 一般公共预算支出 |\n金额 | 增长% | 金额 | 增长% |\n\
                     全市 | 52 | 4.2 | 88 | 6.1 |\n甲县 | 14 | 3.0% | 27 | 5.5 |\n";
        let nodes = read(table).unwrap();
        let shown: Vec<String> = nodes
            .iter()
            .map(|n| {
                format!(
                    "{} {} {:?}",
                    n.id,
                    n.label,
                    n.change_pct.map(|p| p.0.to_string())
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                "t_g1_row1 全市一般公共预算收入 Some(\"4.2\")",
                "t_g1_row2 甲县一般公共预算收入 Some(\"3.0\")",
                "t_g2_row1 全市一般公共预算支出 Some(\"6.1\")",
                "t_g2_row2 甲县一般公共预算支出 Some(\"5.5\")",
            ]
        );
        // Years over budget and execution.
        let years =
            "单位名称 2023年 2024年\n预算数 执行数 预算数 执行数\n甲局 10 9 12 11\n乙局 5 5 6 4\n";
        let nodes = read(years).unwrap();
        assert_eq!(nodes.len(), 4);
        assert_eq!(nodes[2].budget.map(|b| b.0.to_string()), Some("12".into()));
    }

    #[test]
    fn ambiguous_tables_are_not_read() {
        // A cell lost in the copy: which group lost it cannot be told.
        let lost = "地区 | 收入 | 支出 |\n金额 | 增长% | 金额 | 增长% |\n全市 | 52 | 4.2 | 88 |\n甲县 | 14 | 3.0 | 27 | 5.5 |\n";
        assert!(read(lost).is_none());
        // Other columns under each group.
        let unlike = "地区 | 收入 | 支出 |\n金额 | 增长% | 金额 | 占比% |\n全市 | 52 | 4.2 | 88 | 6 |\n甲县 | 14 | 3.0 | 27 | 5 |\n";
        assert!(read(unlike).is_none());
        // A column between the groups (`税收比重%`): three names over the columns.
        let between = "地区 | 收入 | 税收比重% | 支出 |\n金额 | 增长% | 金额 | 增长% |\n全市 | 52 | 4.2 | 70 | 88 | 6.1 |\n";
        assert!(read(between).is_none());
    }

    #[test]
    fn a_long_hostile_table_stays_linear() {
        // 200,000 cells in rows of five: each read once.
        let table = format!(
            "地区 | 收入 | 支出 |\n金额 | 增长% | 金额 | 增长% |\n{}",
            "甲县 | 14 | 3.0 | 27 | 5.5 |\n".repeat(40_000)
        );
        assert_eq!(read(&table).map(|n| n.len()), Some(80_000));
    }
}
