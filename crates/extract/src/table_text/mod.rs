//! Tables pasted as text: a `单位:元` / `单位:万元` / `单位:亿元` line, a header of column names, then rows of
//! a label and numbers separated by spaces (a spreadsheet or PDF table copied into a web page). The numbers
//! carry no unit of their own — the declaration gives it — so the sentence reader never sees them as amounts.
//!
//! Each table becomes breakdowns of its own: a row per node, nested by the rows' list markers, its columns
//! (prior year, budget, amount, change, rates) as the header names them ([`columns`]). A row whose numbers do
//! not fill the columns is left out ([`rows`]). Linear in the text's length: each character is read once.

mod cells;
mod columns;
mod rows;

use budget_lens_core::report::{Node, Unit};

/// A table read from the text: its unit and its rows as breakdowns.
pub struct Table {
    pub unit: Unit,
    pub nodes: Vec<Node>,
}

/// Every table pasted as text in `chars` with at least one row read.
pub fn read(chars: &[char]) -> Vec<Table> {
    let declarations = declarations(chars);
    let mut tables = Vec::new();
    for (k, &(unit, from)) in declarations.iter().enumerate() {
        let to = declarations.get(k + 1).map_or(chars.len(), |d| d.1);
        let cells = cells::cells(chars, from, to);
        let words = cells.iter().take_while(|c| c.number.is_none()).count();
        let header_len = cells[..words]
            .iter()
            .rposition(|c| columns::names_a_column(&c.text))
            .map_or(words, |last| last + 1);
        let header: Vec<&str> = cells[..header_len]
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        let Some(columns) = columns::read(&header).filter(|c| c.named.len() >= 2) else {
            continue;
        };
        let prefix = format!("table{}_row", tables.len() + 1);
        let nodes = rows::nodes(&cells[header_len..], &columns, &prefix);
        if !nodes.is_empty() {
            tables.push(Table { unit, nodes });
        }
    }
    tables
}

/// `单位:万元` (also `单位：元`, `单位: 亿元`): the unit declared and where the table after it starts.
fn declarations(chars: &[char]) -> Vec<(Unit, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < chars.len() {
        if chars[i] != '单' || chars[i + 1] != '位' {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        while j < chars.len() && (chars[j] == ' ' || cells::canonical(chars[j]) == ':') {
            j += 1;
        }
        let at = |k: usize| chars.get(j + k).copied();
        let unit = match (at(0), at(1)) {
            (Some('亿'), Some('元')) => Some((Unit::YiYuan, 2)),
            (Some('万'), Some('元')) => Some((Unit::WanYuan, 2)),
            (Some('元'), _) => Some((Unit::Yuan, 1)),
            _ => None,
        };
        if let Some((unit, len)) = unit.filter(|_| j > i + 2) {
            found.push((unit, j + len));
        }
        i = j.max(i + 1);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_declarations_of_a_unit() {
        let chars: Vec<char> = "单位:某医院 单位：元 表一 单位: 万元 单位万元"
            .chars()
            .collect();
        let found = declarations(&chars);
        assert_eq!(found, [(Unit::Yuan, 11), (Unit::WanYuan, 21)]);
    }
}
