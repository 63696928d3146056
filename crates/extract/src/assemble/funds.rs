//! The budgets of a government are parallel, never parts of one another.
//!
//! `一般公共预算收入316580万元，其中：税收收入…，非税收入…；政府性基金预算收入1616万元；国有资本经营收入1868万元`:
//! the fund's totals printed after the general budget's list are totals of their own. A total named for one
//! budget (一般公共预算, 政府性基金, 国有资本经营, 社会保险基金) takes no item named for another — but money moved
//! between them (`调入资金`, `从政府性基金调入`) is an item of the budget it enters.

use super::*;

/// The four budgets, by the words that name them.
const FUNDS: &[&[&str]] = &[
    &["一般公共预算", "一般预算", "公共财政预算"],
    &["政府性基金"],
    &["国有资本经营"],
    &["社会保险基金", "社保基金"],
];

/// Which budget a label names, if one.
pub(super) fn fund_of(label: &str) -> Option<usize> {
    FUNDS
        .iter()
        .position(|words| words.iter().any(|w| label.contains(w)))
}

impl Assembler<'_> {
    /// Whether `label` names another budget than the total `parent` is named for.
    pub(super) fn another_fund(&self, parent: usize, label: &str) -> bool {
        let built = &self.nodes[parent];
        let moved = ["调入", "调出", "上解", "补助"]
            .iter()
            .any(|w| label.contains(w));
        let total = fund_of(&built.printed).or_else(|| fund_of(&built.node.label));
        match (total, fund_of(label)) {
            (Some(total), Some(item)) => total != item && !moved,
            _ => false,
        }
    }
}
