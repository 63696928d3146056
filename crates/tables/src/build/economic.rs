//! The 基本支出 table by economic class → the `gpb_basic` breakdown. A budget prints one table with
//! 合计 | 人员经费 | 公用经费 columns and a 合计 row; a 决算 prints two halves side by side, 人员经费
//! (301, 303) and 公用经费 (302, 310), each closed by its own 合计 row — then the root is the 基本支出 of
//! the 一般公共预算 table by function, printed there, and the two 合计 rows are its parts.

use budget_lens_core::report::Node;

use super::figures::Scale;
use super::ids::{expenditure_id, unique};
use super::tree::class_tree;
use crate::table::Table;

/// `basic_total`: the 基本支出 合计 printed in the 一般公共预算 table by function, when there is one.
pub fn basic_by_economic(table: &Table, scale: &Scale, basic_total: Option<Node>) -> Vec<Node> {
    if table.halves.len() == 1 {
        return class_tree(&table.halves[0], scale, "gpb_basic")
            .into_iter()
            .collect();
    }
    let mut taken = Vec::new();
    let halves: Vec<Node> = table
        .halves
        .iter()
        .filter_map(|half| {
            let mut node = class_tree(half, scale, "")?;
            let label = node.label.trim_end_matches("合计");
            let id = expenditure_id(label).unwrap_or("part").to_string();
            node.id = unique(id, &mut taken);
            Some(node)
        })
        .collect();
    match basic_total {
        Some(mut root) => {
            root.id = "gpb_basic".to_string();
            root.label = "基本支出".to_string();
            root.items = halves;
            vec![root]
        }
        None => halves
            .into_iter()
            .map(|mut n| {
                n.id = format!("gpb_basic_{}", n.id);
                n
            })
            .collect(),
    }
}
