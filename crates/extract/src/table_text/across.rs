//! The standard 三公 table, its kinds across and one row of figures under them:
//!
//! ```text
//! “三公”经费合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费 |
//!                |                | 小计 | 公务用车购置费 | 公务用车运行费 |
//! 79 | 0 | 75 | 50 | 25 | 4 |
//! ```
//!
//! Flattened to text, the header's two rows follow each other: the first row's words (the total and the
//! kinds; the car's over its parts), then the second row's (`小计`, the car's own column, and its parts),
//! sometimes with the kinds after the car's group on the second row's line. The columns in printed order are
//! the first row's, the car's replaced by its `小计` and its parts. Every header word must name a kind (or
//! the total, or `小计`), and there must be exactly one number per column: otherwise which figure is which
//! cannot be told, and the table is not read.

use budget_lens_core::report::{Node, Span};
use rust_decimal::Decimal;

use super::cells::{Cell, Number};
use super::columns::Role;
use super::rows;

/// What a header word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Total,
    /// The car's own column under it (`小计`).
    Subtotal,
    /// A kind of 三公 spending: its id in the vocabulary (`abroad`, `vehicles`, `vehicle_purchase` …).
    Kind(&'static str),
}

/// Corner words before the kinds (`项目`), not columns.
const CORNERS: &[&str] = &["项目", "科目"];

/// The nodes of a 三公 table printed across, or `None` when `cells` are not one.
pub fn nodes(cells: &[Cell], prefix: &str) -> Option<Vec<Node>> {
    let words = cells.iter().take_while(|c| c.number.is_none()).count();
    let header: Vec<(&str, Column)> = cells[..words]
        .iter()
        .map(|c| c.text.as_str())
        .skip_while(|w| CORNERS.contains(w))
        .map(|w| Some((w, column(w)?)))
        .collect::<Option<_>>()?;
    let numbers: Vec<(&Number, Span)> = cells[words..]
        .iter()
        .map_while(|c| c.number.as_ref().map(|n| (n, c.at)))
        .collect();
    // Over its parts, the car has a column of its own where `小计` prints it, or in a one-row header where
    // the numbers say so (one more than without it).
    let columns = in_printed_order(&header, false)
        .filter(|c| c.len() == numbers.len())
        .or_else(|| in_printed_order(&header, true))?;
    let another_row = cells.get(words + numbers.len()).is_some_and(|c| {
        // A second row of figures (a name, then numbers) would need its own role: not this shape.
        cells
            .get(words + numbers.len() + 1)
            .is_some_and(|n| n.number.is_some())
            && c.number.is_none()
    });
    if columns.len() != numbers.len() || numbers.iter().any(|(n, _)| n.percent) || another_row {
        return None;
    }
    Some(tree(&columns, &numbers, prefix))
}

/// The column a header word names, if it is one of a 三公 table's.
fn column(word: &str) -> Option<Column> {
    if word == "小计" {
        return Some(Column::Subtotal);
    }
    if word.ends_with("合计") || word.ends_with("总计") {
        return Some(Column::Total);
    }
    rows::three_public_kind(word).map(Column::Kind)
}

fn is_car_part(column: Column) -> bool {
    matches!(
        column,
        Column::Kind("vehicle_purchase") | Column::Kind("vehicle_operation")
    )
}

/// The columns in printed order: the first row's, the car's replaced by its own (`小计`) and its parts. At
/// least two kinds; each kind, the total and `小计` at most once.
fn in_printed_order<'w>(
    header: &[(&'w str, Column)],
    car_column: bool,
) -> Option<Vec<(&'w str, Column)>> {
    let once = |c: Column| header.iter().filter(|(_, h)| *h == c).count() <= 1;
    if !header.iter().all(|&(_, c)| once(c)) {
        return None;
    }
    let kinds = header.iter().filter(|(_, c)| matches!(c, Column::Kind(_)));
    if kinds.count() < 2 {
        return None;
    }
    let car = header.iter().any(|&(_, c)| c == Column::Kind("vehicles"));
    let parts: Vec<(&str, Column)> = header
        .iter()
        .copied()
        .filter(|&(_, c)| is_car_part(c))
        .collect();
    let subtotal = header.iter().any(|&(_, c)| c == Column::Subtotal);
    if !car {
        // One header row: the columns as printed (a `小计` without its car cannot be placed).
        return (!subtotal).then(|| header.to_vec());
    }
    let mut columns = Vec::new();
    for &(word, c) in header
        .iter()
        .filter(|&&(_, c)| !is_car_part(c) && c != Column::Subtotal)
    {
        columns.push((word, c));
        if c == Column::Kind("vehicles") && !parts.is_empty() {
            if !subtotal && !car_column {
                columns.pop();
            }
            columns.extend(&parts);
        }
    }
    Some(columns)
}

/// The nodes: the kinds under the total (when printed), the car's parts under the car (when printed). A
/// column printed blank (`-`) gives no node and leaves the total partial.
fn tree(columns: &[(&str, Column)], numbers: &[(&Number, Span)], prefix: &str) -> Vec<Node> {
    let mut total: Option<Node> = None;
    let mut kinds: Vec<Node> = Vec::new();
    let mut car: Option<usize> = None;
    let mut partial = false;
    for (k, (&(word, c), &(number, at))) in columns.iter().zip(numbers).enumerate() {
        if number.blank {
            partial = true;
            continue;
        }
        let mut node = Node::new(
            format!("{prefix}{}", k + 1),
            word.to_string(),
            Decimal::ZERO,
        );
        rows::set(&mut node, Role::Amount, number.value, at);
        match (c, car) {
            (Column::Total, _) => total = Some(node),
            (_, Some(car)) if is_car_part(c) => kinds[car].items.push(node),
            _ => {
                if c == Column::Kind("vehicles") {
                    car = Some(kinds.len());
                }
                kinds.push(node);
            }
        }
    }
    // Whole only with all its parts printed (as rows.rs's `nest_kinds`): the car with both its purchase and
    // its running, the total with going abroad, receptions and the car (or both its parts).
    let printed = |kind: &'static str| {
        columns
            .iter()
            .zip(numbers)
            .any(|(&(_, c), (n, _))| c == Column::Kind(kind) && !n.blank)
    };
    let car_whole = printed("vehicle_purchase") && printed("vehicle_operation");
    if let Some(car) = car.filter(|&car| !kinds[car].items.is_empty() && !car_whole) {
        kinds[car].partial = true;
    }
    let all_kinds = printed("abroad") && printed("reception") && (printed("vehicles") || car_whole);
    match total {
        Some(mut total) => {
            total.items = kinds;
            total.partial = partial || !all_kinds;
            vec![total]
        }
        None => kinds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table_text::cells::cells;

    fn read(text: &str) -> Option<Vec<Node>> {
        let chars: Vec<char> = text.chars().collect();
        nodes(&cells(&chars, 0, chars.len()), "t")
    }

    fn amounts(node: &Node) -> String {
        let items: Vec<String> = node.items.iter().map(amounts).collect();
        match items.is_empty() {
            true => node.amount.0.to_string(),
            false => format!("{}[{}]", node.amount.0, items.join(" ")),
        }
    }

    #[test]
    fn the_car_over_its_subtotal_and_parts() {
        let table = "“三公”经费合计 |\n因公出国(境)费 |\n公务用车购置及运行费 |\n公务接待费 |\n||\n小计 |\n\
                     公务用车购置费 |\n公务用车运行费 |\n|||\n60 |\n2 |\n50 |\n20 |\n30 |\n8 |\n";
        let nodes = read(table).unwrap();
        assert_eq!(nodes.len(), 1);
        assert_eq!(amounts(&nodes[0]), "60[2 50[20 30] 8]");
    }

    #[test]
    fn kinds_after_the_group_on_the_second_row() {
        let table = "合计 | 因公出国 | 公务用车购置及运行维护 |\n小计 | 公务用车购置 | 公车运行及维护 | 公务接待费 |\n\
                     90 | 10 | 60 | 15 | 45 | 20 |";
        assert_eq!(amounts(&read(table).unwrap()[0]), "90[10 60[15 45] 20]");
    }

    #[test]
    fn one_header_row() {
        let table =
            "项目 | 合计 | 因公出国(境)费 | 公务用车运行费 | 公务接待费 |\n12 | 0 | 9 | 3 |";
        assert_eq!(amounts(&read(table).unwrap()[0]), "12[0 9 3]");
    }

    #[test]
    fn the_car_over_its_parts_in_one_header_row() {
        let table = "合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务用车购置费 | 公务用车运行费 | 公务接待费 |\n\
                     79 | 0 | 75 | 50 | 25 | 4 |";
        assert_eq!(amounts(&read(table).unwrap()[0]), "79[0 75[50 25] 4]");
    }

    #[test]
    fn a_car_with_one_part_printed_is_partial() {
        let table = "“三公”经费合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费 |\n\
                     小计 | 公务用车运行费 |\n79 | 0 | 75 | 25 | 4 |";
        let nodes = read(table).unwrap();
        let car = &nodes[0].items[1];
        assert!(car.partial && !nodes[0].partial, "{car:?}");
    }

    #[test]
    fn not_this_shape() {
        // A number short: which column lost its figure cannot be told.
        let short = "合计 | 因公出国 | 公务用车购置及运行维护 |\n小计 | 公务用车购置 | 公车运行及维护 | 公务接待费 |\n\
                     90 | 10 | 15 | 45 | 20 |";
        assert!(read(short).is_none());
        // A word that is no kind (another table's columns).
        assert!(read("合计 | 会议费 | 培训费 |\n9 | 3 | 6 |").is_none());
        // Two rows of figures.
        assert!(read("合计 | 因公出国 | 公务接待费 |\n3 | 1 | 2 |\n上年 | 4 | 1 | 3 |").is_none());
    }
}
