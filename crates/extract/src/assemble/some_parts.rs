//! `其中` names some parts of a figure, not necessarily all of them.
//!
//! General pattern: `本年收入A，其中：保险费收入B、财政补贴收入C` (the fund's interest and other income not
//! named), `大口径财政收入A。其中：一般公共预算收入B；政府性基金收入C` (the revenue passed up not named),
//! `税收收入A…其中，增值税B；企业所得税C；个人所得税D` (the other taxes named later): "of which" lists the parts the
//! text wants to speak of. For a total whose parts no vocabulary vouches for (a free total, see [`super::free`],
//! or a government's `财政总收入`),
//! such a list is whole only where the text presents it so — numbered items, a zero item (a list that names
//! what is nil lists everything), the levels of a jurisdiction (`省级…，市县级…`), or items that add up; else it is partial: its items may fall short of the
//! total, never exceed it, and no sum of changes or budgets is asked of them.

use super::*;
use crate::assemble::context::{names_level, names_whole};

impl Assembler<'_> {
    /// `其中` opened the list of the node on top of the stack.
    pub(super) fn of_which(&mut self, of_which: bool) {
        if let Some(open) = self.stack.last().filter(|o| o.explicit && of_which) {
            self.nodes[open.node].of_which = true;
        }
    }

    /// Whether `children`, the items of `node`, are some of its parts only (see the module's words); the caller
    /// still keeps items that add up to the total whole.
    pub(super) fn names_some_parts(&self, node: usize, children: &[usize]) -> bool {
        let built = &self.nodes[node];
        let numbered = children
            .iter()
            .any(|&c| self.nodes[c].mention_level.is_some());
        let a_zero = children
            .iter()
            .any(|&c| self.nodes[c].node.amount.0.is_zero());
        // `其中:省级收入A，市县级收入B`: the levels of a jurisdiction split its whole.
        let by_level = children
            .iter()
            .any(|&c| names_level(&self.nodes[c].printed));
        let unvouched = built.free || is_government_total(&built.printed);
        let whole = numbered || a_zero || by_level;
        unvouched && built.of_which && !children.is_empty() && !whole
    }
}

/// `全区财政总收入`, `财政收入`, `全县一般公共预算支出`: a government's total, not a unit's. Its revenue counts
/// more than its budgets' own (what is passed up to higher levels), its 其中 names the main function classes
/// of its spending: the vocabulary's items of a unit's 收入总计 or 财政拨款支出 do not vouch for its list. A unit's
/// `财政拨款收入` is not one.
fn is_government_total(printed: &str) -> bool {
    let fiscal_revenue = printed.contains("财政") && printed.contains("收入");
    (fiscal_revenue || names_whole(printed)) && !printed.contains("拨款")
}
