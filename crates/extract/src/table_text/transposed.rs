//! Tables printed the other way round: the items are the columns and the years the rows.
//!
//! ```text
//! 年度 | 合计 | 因公出国(境)费 | 公务接待费 |
//! 2022年 | 30.5 | 2.0 | 28.5 |
//! 2023年 | 27.0 | 0 | 27.0 |
//! 增减% | -11.48 | -100 | -5.26 |
//! ```
//!
//! Each column becomes a node: the latest year's row its amount, an earlier year's its prior, a row named a
//! change (`增减额`, `2023年比2022年增减`) its change and a row named a rate (`增减%`, `增长率`) its rate — the
//! rate rows print their numbers without `%`, the row's name says it. A first column named `合计`/`总计` holds
//! the others. A row of another count of numbers than the header has columns, or a header with a column over
//! others (a two-row header flattened) or a name printed twice, is not read: the columns could not be told
//! apart.

use budget_lens_core::report::{Node, Span};
use rust_decimal::Decimal;

use super::cells::{Cell, Number};
use super::columns::{self, Role};
use super::rows::{self, TOTALS};

/// A corner word over the row names, not an item.
const CORNERS: &[&str] = &["年度", "年份", "项目", "年度/项目", "项目/年度"];

/// The nodes of a table whose rows are years, or `None` when `cells` are not one.
pub fn nodes(cells: &[Cell], prefix: &str) -> Option<Vec<Node>> {
    let words = cells.iter().take_while(|c| c.number.is_none()).count();
    // The first row's name is the last word before the first number: a year.
    let first_row = words.checked_sub(1)?;
    columns::year(&cells[first_row].text)?;
    let printed: Vec<&str> = cells[..first_row]
        .iter()
        .map(|c| c.text.as_str())
        .filter(|w| !CORNERS.contains(w))
        .collect();
    let (names, group) = folded(printed);
    // A name printed twice (`合计` of the whole and of a group) leaves its columns ambiguous.
    let mut seen = std::collections::HashSet::new();
    if !names.iter().all(|n| seen.insert(*n)) {
        return None;
    }
    let rows = rows_of(&cells[first_row..], names.len())?;
    let roles = roles(&rows)?;
    let mut nodes: Vec<Node> = names
        .iter()
        .enumerate()
        .map(|(k, name)| column_node(name, k, &rows, &roles, format!("{prefix}{}", k + 1)))
        .collect::<Option<_>>()?;
    if let Some(g) = group {
        let items = nodes.split_off(g + 1);
        nodes[g].items = items;
    }
    if nodes.len() > 1 && TOTALS.contains(&names[0]) {
        let items = nodes.split_off(1);
        nodes[0].items = items;
    }
    Some(nodes)
}

/// A two-row header flattened: `合计 甲 公车 合计 购置 运行`, where `公车` stood over its own `合计` and the
/// columns after it. The group's `合计` column becomes the group's and the columns after it its items — only
/// when they run to the header's end (elsewhere where the group ends is not printed). Returns the column
/// names and the group's column.
fn folded(names: Vec<&str>) -> (Vec<&str>, Option<usize>) {
    let groups: Vec<usize> = (1..names.len().saturating_sub(2))
        .filter(|&g| TOTALS.contains(&names[g + 1]) && !TOTALS.contains(&names[g]))
        .collect();
    match groups[..] {
        [g] => {
            let mut columns = names;
            columns.remove(g + 1);
            (columns, Some(g))
        }
        _ => (names, None),
    }
}

/// A row: its name and its numbers.
type Row<'c> = (&'c str, Vec<(&'c Number, Span)>);

/// The rows after the header, each one name and `width` numbers; `None` when a row has another count. The
/// table ends at a name that is not a row's (a year, a change or a rate).
fn rows_of(cells: &[Cell], width: usize) -> Option<Vec<Row<'_>>> {
    let mut rows: Vec<Row> = Vec::new();
    let mut i = 0;
    while let Some(name) = cells.get(i).filter(|c| c.number.is_none()) {
        if row_role(&name.text).is_none() {
            break;
        }
        let numbers: Vec<(&Number, Span)> = cells[i + 1..]
            .iter()
            .map_while(|c| c.number.as_ref().map(|n| (n, c.at)))
            .collect();
        if numbers.len() != width {
            return None;
        }
        i += 1 + width;
        rows.push((&name.text, numbers));
    }
    (width > 0 && rows.len() >= 2).then_some(rows)
}

/// What a row's name says it holds: a year's figures (its year), a change or a rate.
enum RowRole {
    Year(u16),
    Other(Role),
}

fn row_role(name: &str) -> Option<RowRole> {
    if let Some(year) = columns::year(name) {
        return Some(RowRole::Year(year));
    }
    if let Some(role) = columns::rate_or_change(name) {
        return Some(RowRole::Other(role));
    }
    // `2023年比2022年增减%`, `2023年比2022年增减`: a comparison of two years.
    let compared = name.contains('比') && name.contains("增减");
    compared.then(|| match name.ends_with('%') || name.ends_with('率') {
        true => RowRole::Other(Role::ChangePct),
        false => RowRole::Other(Role::Change),
    })
}

/// Each row's role: the latest year's is the amount, one earlier year's the prior; `None` when two rows
/// would fill the same role.
fn roles(rows: &[Row]) -> Option<Vec<Role>> {
    let read: Vec<RowRole> = rows.iter().map(|r| row_role(r.0)).collect::<Option<_>>()?;
    let latest = read
        .iter()
        .filter_map(|r| match r {
            RowRole::Year(y) => Some(*y),
            RowRole::Other(_) => None,
        })
        .max()?;
    let roles: Vec<Role> = read
        .iter()
        .map(|r| match r {
            RowRole::Year(y) if *y == latest => Role::Amount,
            RowRole::Year(_) => Role::Prior,
            RowRole::Other(role) => *role,
        })
        .collect();
    let once = |role: Role| roles.iter().filter(|&&r| r == role).count() <= 1;
    roles.iter().all(|&r| once(r)).then_some(roles)
}

/// The node of the column `k`: each row's number in it in the row's role (a blank cell fills nothing); `None`
/// when its amount is blank or a year's figure is printed as a percent.
fn column_node(name: &str, k: usize, rows: &[Row], roles: &[Role], id: String) -> Option<Node> {
    let mut node = Node::new(id, name.to_string(), Decimal::ZERO);
    for ((_, numbers), &role) in rows.iter().zip(roles) {
        let (number, at) = numbers[k];
        let misprinted = number.percent && !role.is_rate();
        if misprinted || (number.blank && role == Role::Amount) {
            return None;
        }
        if !number.blank {
            rows::set(&mut node, role, number.value, at);
        }
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table_text::cells::cells;

    fn read(text: &str) -> Option<Vec<Node>> {
        let chars: Vec<char> = text.chars().collect();
        nodes(&cells(&chars, 0, chars.len()), "t")
    }

    #[test]
    fn columns_become_nodes_under_their_total() {
        let nodes = read("年度 | 合计 | 甲 | 乙 |\n2020年 | 9 | 4 | 5 |\n2021年 | 10 | 4 | 6 |\n增减% | 11.1 | 0 | 20 |")
            .unwrap();
        assert_eq!(nodes.len(), 1);
        let total = &nodes[0];
        assert_eq!(total.items.len(), 2);
        assert_eq!(total.amount.0.to_string(), "10");
        assert_eq!(
            total.items[1].prior.map(|p| p.0.to_string()),
            Some("5".into())
        );
        assert_eq!(
            total.items[1].change_pct.map(|p| p.0.to_string()),
            Some("20".into())
        );
    }

    #[test]
    fn a_group_over_the_last_columns_holds_them() {
        // `公车` stood over `合计 购置 运行`: six names for five numbers.
        let grouped = "年度 | 合计 | 甲 | 公车 | 合计 | 购置 | 运行 |\n\
                       2020年 | 9 | 4 | 5 | 1 | 4 |\n2021年 | 8 | 3 | 5 | 1 | 4 |";
        let nodes = read(grouped).unwrap();
        let total = &nodes[0];
        let labels: Vec<&str> = total.items.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["甲", "公车"]);
        let vehicles = &total.items[1];
        assert_eq!(vehicles.amount.0.to_string(), "5");
        assert_eq!(vehicles.items.len(), 2);
    }

    #[test]
    fn a_header_over_other_columns_or_a_short_row_is_not_read() {
        // Six names over five numbers that are not a group's header.
        let short = "年度 | 合计 | 甲 | 乙 | 丙 | 丁 | 戊 |\n\
                     2020年 | 9 | 4 | 5 | 1 | 4 |\n2021年 | 8 | 3 | 5 | 1 | 4 |";
        assert!(read(short).is_none());
        // The same names over as many numbers: which `合计` is the whole's cannot be told.
        let twice =
            "年度 | 合计 | 甲 | 合计 | 乙 |\n2020年 | 9 | 4 | 5 | 5 |\n2021年 | 8 | 3 | 5 | 5 |";
        assert!(read(twice).is_none());
        assert!(read("年度 | 合计 | 甲 |\n2020年 | 9 | 4 |\n2021年 | 10 |").is_none());
        // Two rows of the same year would both be the amount.
        assert!(read("年度 | 甲 |\n2021年 | 9 |\n2021年 | 10 |").is_none());
    }
}
