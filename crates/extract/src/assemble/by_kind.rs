//! A spending total by function class split by kind: `一般公共预算财政拨款支出A万元。其中:基本支出B万元,项目
//! 支出C万元` (general pattern: a 其中 list of 基本支出 / 项目支出 under a total whose items are function
//! classes). The same money split another way: added to the classes it would count twice, so its own
//! breakdown takes it — a root printing the same figure (as a second list does, see [`super::second_list`]),
//! which knows basic and project spending only.

use super::*;

/// The schemas of spending totals split by function class (类).
const BY_FUNCTION: [&str; 3] = [
    "gpb_by_function",
    "gov_fund_expenditure",
    "state_capital_expenditure",
];

/// The schema whose known children are basic and project spending (and their economic parts).
const BY_KIND: &str = "fiscal_expenditure";

impl Assembler<'_> {
    /// The breakdown by kind of the by-function total `parent` that the explicit list at `k` opened, for an
    /// item named `label` of that kind: made on the first such item (the list at `k` goes on with it), found
    /// again on the next. None for any other item or list.
    pub(super) fn kind_split(&mut self, k: usize, parent: usize, label: &str) -> Option<usize> {
        let open = &self.stack[k];
        let by_function = BY_FUNCTION.contains(&self.nodes[parent].schema.as_deref()?);
        let of_kind = ["基本支出", "项目支出"].iter().any(|t| label.ends_with(t));
        if !(open.explicit && open.node == parent && by_function && of_kind) {
            return None;
        }
        let twin = self.twin(parent)?;
        let built = &mut self.nodes[twin];
        built.schema = Some(BY_KIND.to_string());
        built.open_list = false;
        self.stack[k].node = twin;
        if self.current_root == Some(parent) {
            self.current_root = Some(twin);
        }
        Some(twin)
    }
}
