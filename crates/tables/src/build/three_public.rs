//! The “三公” table → the `three_public` breakdown (合计 → 因公出国（境）费, 公务用车购置及运行费 →
//! 购置费 / 运行费, 公务接待费) and `admin_costs` (机关运行经费, printed in budgets' table). Columns are
//! known by their header words, whatever their order; a 决算 table prints 预算数 and 决算数 for each, and the
//! 预算数 becomes the node's `budget`.

use budget_lens_core::report::{Amount, Node};

use super::figures::Scale;
use crate::table::{Column, Figure, Half};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Item {
    Total,
    Abroad,
    Vehicles,
    Purchase,
    Operation,
    Reception,
    AdminCosts,
}

impl Item {
    fn id(self) -> &'static str {
        match self {
            Item::Total => "three_public",
            Item::Abroad => "abroad",
            Item::Vehicles => "vehicles",
            Item::Purchase => "purchase",
            Item::Operation => "operation",
            Item::Reception => "reception",
            Item::AdminCosts => "admin_costs",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Item::Total => "“三公”经费合计",
            Item::Abroad => "因公出国（境）费",
            Item::Vehicles => "公务用车购置及运行费",
            Item::Purchase => "公务用车购置费",
            Item::Operation => "公务用车运行费",
            Item::Reception => "公务接待费",
            Item::AdminCosts => "机关运行经费",
        }
    }
}

/// What a column holds, from its words, the lowest (most specific) first, wrapped words joined.
fn item_of(column: &Column) -> Option<Item> {
    column.endings().find_map(|w| {
        let item = if w.contains("机关运行经费") {
            Item::AdminCosts
        } else if w.contains("购置及运行") || w.contains("小计") {
            Item::Vehicles
        } else if w.contains("购置") {
            Item::Purchase
        } else if w.contains("运行") {
            Item::Operation
        } else if w.contains("出国") {
            Item::Abroad
        } else if w.contains("接待") {
            Item::Reception
        } else if w.contains("合计") || w.contains("总计") {
            Item::Total
        } else {
            return None;
        };
        Some(item)
    })
}

/// A 预算数 column of a table that prints both.
fn is_budget_column(column: &Column) -> bool {
    column.words.iter().any(|w| w.contains("预算"))
        && !column.words.iter().any(|w| w.contains("决算"))
}

/// A column whose lowest header cell names both figures of a pair (`预算数决算数`).
fn names_both(column: &Column) -> bool {
    column
        .words
        .last()
        .is_some_and(|w| w.contains("预算") && w.contains("决算"))
}

/// Each column's item. Where each item has a 预算数 | 决算数 pair, its header is printed once, centred over
/// the pair, and a page may put a short one (合计, 小计) over one column of the two only: a column without
/// an item word takes its partner's (a 预算数 column the 决算数 column after it, and the other way round).
fn items_of(columns: &[Column], paired: bool) -> Vec<Option<Item>> {
    let own: Vec<Option<Item>> = columns.iter().map(item_of).collect();
    if !paired {
        return own;
    }
    let is_actual = |c: &Column| c.words.iter().any(|w| w.contains("决算"));
    (0..columns.len())
        .map(|i| {
            own[i].or_else(|| {
                if is_budget_column(&columns[i]) {
                    columns
                        .get(i + 1)
                        .filter(|c| is_actual(c))
                        .and(own.get(i + 1).copied().flatten())
                } else if is_actual(&columns[i]) && i > 0 && is_budget_column(&columns[i - 1]) {
                    own[i - 1]
                } else {
                    None
                }
            })
        })
        .collect()
}

struct Cells<'a> {
    actual: Option<&'a Figure>,
    budget: Option<&'a Figure>,
}

/// The row's figures by item: the 决算数 (or only) figure and, in a paired table, the 预算数.
fn cells_by_item<'a>(half: &Half, values: &'a [Figure], paired: bool) -> Vec<(Item, Cells<'a>)> {
    let items = items_of(&half.columns, paired);
    let mut cells: Vec<(Item, Cells)> = Vec::new();
    for ((column, figure), item) in half.columns.iter().zip(values).zip(items) {
        let Some(item) = item else {
            continue;
        };
        let index = match cells.iter().position(|(i, _)| *i == item) {
            Some(index) => index,
            None => {
                let empty = Cells {
                    actual: None,
                    budget: None,
                };
                cells.push((item, empty));
                cells.len() - 1
            }
        };
        let slot = &mut cells[index].1;
        if paired && is_budget_column(column) {
            slot.budget = Some(figure);
        } else if paired && names_both(column) {
            // `预算数决算数` in one cell: a table without a data row gives its pair no second column.
            slot.budget = Some(figure);
            slot.actual = Some(figure);
        } else {
            slot.actual = Some(figure);
        }
    }
    cells
}

/// The breakdowns of the table: `three_public`, and `admin_costs` when printed. A 决算's table printed
/// without a figure (its one data row blank or left out) says every figure is zero, as a blank cell does
/// anywhere: its nodes are zeros printed blank, so that a narrative restating them is set against them.
/// A budget's table without a figure gives nothing.
pub fn three_public(half: &Half, scale: &Scale, final_accounts: bool) -> Vec<Node> {
    let paired = final_accounts && half.columns.iter().any(is_budget_column);
    let blank_row: Vec<Figure>;
    let values = match half
        .rows
        .iter()
        .find(|r| r.values.iter().any(|f| f.value.is_some()))
    {
        Some(row) => &row.values,
        None if paired => {
            blank_row = vec![Figure::default(); half.columns.len()];
            &blank_row
        }
        None => return Vec::new(),
    };
    let cells = cells_by_item(half, values, paired);
    let node = |item: Item| -> Option<Node> {
        let (_, c) = cells.iter().find(|(i, _)| *i == item)?;
        let actual = c.actual.or(c.budget)?;
        let mut node = Node::new(item.id(), item.label(), scale.amount(actual).value());
        node.printed = Some(scale.printed(actual));
        if paired {
            node.budget = c.budget.map(|b| Amount(scale.amount(b).value()));
        }
        Some(node)
    };
    let mut out = Vec::new();
    if let Some(mut total) = node(Item::Total) {
        let mut vehicles = node(Item::Vehicles);
        let fleet: Vec<Node> = [Item::Purchase, Item::Operation]
            .into_iter()
            .filter_map(node)
            .collect();
        match vehicles.as_mut() {
            Some(v) => v.items = fleet,
            None => total.items.extend(fleet),
        }
        total.items.extend(node(Item::Abroad));
        total.items.extend(vehicles);
        total.items.extend(node(Item::Reception));
        out.push(total);
    }
    out.extend(node(Item::AdminCosts));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(words: &[&str]) -> Column {
        Column {
            words: words.iter().map(|w| w.to_string()).collect(),
        }
    }

    #[test]
    fn a_pairs_header_over_one_of_its_columns_names_both() {
        // 财政拨款“三公”经费支出决算表 on a page: 合计 and 小计 sit over their 决算数 column only.
        let columns = [
            column(&["预算数"]),
            column(&["合计", "决算数"]),
            column(&["因公出国（境）费", "预算数"]),
            column(&["因公出国（境）费", "决算数"]),
            column(&["预算数"]),
            column(&["小计", "决算数"]),
        ];
        let items = items_of(&columns, true);
        assert_eq!(
            items,
            [
                Some(Item::Total),
                Some(Item::Total),
                Some(Item::Abroad),
                Some(Item::Abroad),
                Some(Item::Vehicles),
                Some(Item::Vehicles)
            ]
        );
        // A budget table prints one figure per item: nothing to pair.
        assert_eq!(items_of(&columns[..2], false), [None, Some(Item::Total)]);
    }
}
