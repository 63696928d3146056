//! A table by class (function 类→款→项, or economic 类→款) → a breakdown: its 合计 row is the root, each
//! coded row hangs under the row whose code begins its own, and every row keeps its other columns.

use budget_lens_core::report::Node;

use super::figures::Scale;
use super::ids::{column_id, unique};
use crate::rows::is_total;
use crate::table::{Column, Half, Row};

/// Which value column is the row's amount: the first headed 合计/总计 (or 决算数/预算数), else the first.
pub fn total_column(half: &Half) -> usize {
    half.columns
        .iter()
        .position(|c| c.has("合计") || c.has("总计"))
        .unwrap_or(0)
}

/// One row as a node: id, label, code, amount from the total column, the other columns as columns.
pub fn row_node(row: &Row, half: &Half, scale: &Scale, id: String) -> Node {
    let total = total_column(half);
    let amount = row
        .values
        .get(total)
        .map(|f| scale.amount(f))
        .unwrap_or_default();
    let mut node = Node::new(id, row.name.clone(), amount.value());
    node.code = row.code.clone();
    node.printed = row.values.get(total).map(|f| scale.printed(f));
    let mut taken = Vec::new();
    for (index, (column, figure)) in half.columns.iter().zip(&row.values).enumerate() {
        if index == total {
            continue;
        }
        let id = unique(column_id(column, index), &mut taken);
        let label = column_label(column);
        if let Some(entry) = scale.column(&id, &label, figure) {
            node.columns.push(entry);
        }
    }
    node
}

/// A column's label: its lowest header word, or the words it is wrapped over (`项目支` `出` → `项目支出`).
fn column_label(column: &Column) -> String {
    column
        .endings()
        .find(|w| super::ids::expenditure_id(w).is_some() || super::ids::income_id(w).is_some())
        .or_else(|| column.words.last().cloned())
        .unwrap_or_default()
}

/// The class tree of a half: `root` takes the 合计 row's figures when printed (else `None` is returned for
/// the caller to decide), the coded rows become its items.
pub fn class_tree(half: &Half, scale: &Scale, root_id: &str) -> Option<Node> {
    let total_row = half
        .rows
        .iter()
        .find(|r| r.code.is_none() && is_total(&r.name))?;
    let mut root = row_node(total_row, half, scale, root_id.to_string());
    for row in half.rows.iter().filter(|r| r.code.is_some()) {
        let node = row_node(row, half, scale, String::new());
        insert(&mut root.items, node);
    }
    Some(root)
}

/// Puts a coded node under the last node whose code begins its code, or at this level; its id is its code,
/// made unique among its siblings.
fn insert(items: &mut Vec<Node>, mut node: Node) {
    let code = node.code.clone().unwrap_or_default();
    if let Some(last) = items.last_mut() {
        let parent_code = last.code.as_deref().unwrap_or("");
        if !parent_code.is_empty()
            && code.len() > parent_code.len()
            && code.starts_with(parent_code)
        {
            insert(&mut last.items, node);
            return;
        }
    }
    let mut taken: Vec<String> = items.iter().map(|n| n.id.clone()).collect();
    node.id = unique(code, &mut taken);
    items.push(node);
}
