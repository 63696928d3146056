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

struct Cells<'a> {
    actual: Option<&'a Figure>,
    budget: Option<&'a Figure>,
}

/// The breakdowns of the table: `three_public`, and `admin_costs` when printed. `None` without a data row.
pub fn three_public(half: &Half, scale: &Scale, final_accounts: bool) -> Vec<Node> {
    let Some(row) = half
        .rows
        .iter()
        .find(|r| r.values.iter().any(|f| f.value.is_some()))
    else {
        return Vec::new();
    };
    let paired = final_accounts && half.columns.iter().any(is_budget_column);
    let mut cells: Vec<(Item, Cells)> = Vec::new();
    for (column, figure) in half.columns.iter().zip(&row.values) {
        let Some(item) = item_of(column) else {
            continue;
        };
        let index = match cells.iter().position(|(i, _)| *i == item) {
            Some(index) => index,
            None => {
                cells.push((
                    item,
                    Cells {
                        actual: None,
                        budget: None,
                    },
                ));
                cells.len() - 1
            }
        };
        let slot = &mut cells[index].1;
        if paired && is_budget_column(column) {
            slot.budget = Some(figure);
        } else {
            slot.actual = Some(figure);
        }
    }
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
