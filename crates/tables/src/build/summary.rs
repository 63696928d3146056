//! A 总表 (income | expenditure side by side) → the `income` and `expenditure` breakdowns: the numbered
//! rows are the sources and the classes (a row numbered `1、` under one numbered `一、` is its part), the
//! rows below them (本年收入合计, 年初结转和结余, 收入总计 …) frame them.

use budget_lens_core::report::Node;

use super::figures::Scale;
use super::ids::{expenditure_id, income_id, unique};
use super::tree::row_node;
use crate::table::{Half, Row};
use crate::text::strip_numbering;

/// Which side of a 总表.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Income,
    Expenditure,
}

/// One side of a 总表 as a breakdown with id `root_id`. `class_code` gives the code of an expenditure class
/// by its name (from the table by function), so the class rows get their codes and ids.
pub fn side_tree(
    half: &Half,
    scale: &Scale,
    side: Side,
    root_id: &str,
    class_code: &dyn Fn(&str) -> Option<String>,
) -> Option<Node> {
    let id_of = |label: &str| match side {
        Side::Income => income_id(label),
        Side::Expenditure => expenditure_id(label),
    };
    let mut parts: Vec<Node> = Vec::new();
    let mut frame: Vec<(&'static str, Node)> = Vec::new();
    let mut taken = Vec::new();
    for row in half.rows.iter().filter(|r| has_figure(r)) {
        let (bare, level) = strip_numbering(&row.name);
        let bare = bare.to_string();
        if level == 0 {
            if let Some(id) = id_of(&row.name) {
                frame.push((id, row_node(row, half, scale, id.to_string())));
            }
            continue;
        }
        if let Some((_, balance)) = frame.last_mut().filter(|(id, _)| is_balance(id)) {
            // Numbered rows under a balance (年初财政拨款结转和结余: 一、一般公共预算财政拨款 …) are its parts.
            let mut node = row_node(row, half, scale, String::new());
            let mut siblings: Vec<String> = balance.items.iter().map(|n| n.id.clone()).collect();
            node.id = unique(
                id_of(&row.name).unwrap_or("part").to_string(),
                &mut siblings,
            );
            node.label = bare;
            balance.items.push(node);
            continue;
        }
        let code = (side == Side::Expenditure)
            .then(|| class_code(&bare))
            .flatten();
        let id = code
            .clone()
            .or_else(|| id_of(&row.name).map(str::to_string))
            .unwrap_or_else(|| format!("row{}", parts.len() + 1));
        let mut node = row_node(row, half, scale, String::new());
        node.label = bare;
        node.code = code;
        if level == 2 {
            if let Some(parent) = parts.last_mut() {
                let mut siblings: Vec<String> = parent.items.iter().map(|n| n.id.clone()).collect();
                node.id = unique(id, &mut siblings);
                parent.items.push(node);
                continue;
            }
        }
        node.id = unique(id, &mut taken);
        parts.push(node);
    }
    frame_parts(root_id, parts, frame)
}

/// 本年收入合计 holds the parts; 收入总计 holds it and the balances carried in (or the parts directly).
fn frame_parts(
    root_id: &str,
    parts: Vec<Node>,
    mut frame: Vec<(&'static str, Node)>,
) -> Option<Node> {
    let take = |frame: &mut Vec<(&'static str, Node)>, id: &str| {
        frame
            .iter()
            .position(|(i, _)| *i == id)
            .map(|p| frame.remove(p).1)
    };
    let current = take(&mut frame, "current_year");
    let total = take(&mut frame, "total");
    let balances: Vec<Node> = frame
        .into_iter()
        .filter(|(id, _)| is_balance(id) || *id == "surplus_distribution")
        .map(|(_, n)| n)
        .collect();
    let current = current.map(|mut c| {
        c.items = parts.clone();
        c
    });
    match (total, current) {
        (Some(mut total), Some(current)) => {
            total.id = root_id.to_string();
            total.items = std::iter::once(current).chain(balances).collect();
            Some(total)
        }
        (Some(mut total), None) => {
            total.id = root_id.to_string();
            total.items = parts.into_iter().chain(balances).collect();
            Some(total)
        }
        (None, Some(mut current)) => {
            current.id = root_id.to_string();
            Some(current)
        }
        (None, None) => None,
    }
}

fn is_balance(id: &str) -> bool {
    matches!(id, "non_fiscal_surplus" | "carryover" | "carryover_end")
}

/// A row printed with at least one figure (blank rows of a 总表 are not figures and are left out).
fn has_figure(row: &Row) -> bool {
    row.values.iter().any(|f| f.value.is_some())
}
