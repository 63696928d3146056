//! Amounts printed among a total's items that are not its parts.
//!
//! General patterns:
//! - an aggregate that cuts across the function classes (`民生支出A，占一般公共预算支出的x%`, `重点支出`,
//!   `“三保”支出`): the sum of parts of many classes, never one more class of a list by function;
//! - a share-of-spending figure after a list by function class that is whole (`…农林水支出D。用于教育、医疗等
//!   方面的支出E，占一般公共预算支出的y%`): a part of the total counted across the classes, not the first item
//!   of a second breakdown;
//! - a milestone (`民生领域支出累计突破B`, `首次突破C`, `迈上D台阶`): a round threshold passed, not an amount —
//!   never an item of a list, never a total printed again.

use super::kinds::BY_FUNCTION;
use super::*;

/// Words of an aggregate over several function classes.
const CROSS_CUTTING: &[&str] = &[
    "民生",
    "重点支出",
    "刚性支出",
    "八项支出",
    "三保",
    "涉农资金",
];

/// Words saying a threshold was passed (at the end of the label: the amount is the threshold).
const MILESTONES: &[&str] = &["突破", "跨越", "迈上", "跃上", "站上", "超"];

/// Whether a label names an aggregate across the function classes.
pub(super) fn is_cross_cutting(label: &str) -> bool {
    CROSS_CUTTING.iter().any(|w| label.contains(w))
}

/// Whether a label ends with the words of a milestone (`累计突破`, `首次突破`, `超`).
pub(super) fn is_milestone(label: &str) -> bool {
    MILESTONES.iter().any(|w| label.ends_with(w))
}

impl Assembler<'_> {
    /// Whether a list by function class refuses the label: an aggregate across the classes.
    pub(super) fn not_a_class(&self, parent: usize, label: &str) -> bool {
        let by_function = BY_FUNCTION.contains(&self.nodes[parent].schema.as_deref().unwrap_or(""));
        by_function && is_cross_cutting(label)
    }

    /// Whether a new amount with its share stated, after the whole list by function class of `parent` (its
    /// items add up), is a share-of-spending figure rather than a second list's first item: it is no class.
    pub(super) fn share_of_a_whole_list(&self, parent: usize, label: &str) -> bool {
        let built = &self.nodes[parent];
        let by_function = BY_FUNCTION.contains(&built.schema.as_deref().unwrap_or(""));
        let whole = built.items_sum.adds_up_to(&built.node.amount.0);
        by_function && whole && self.amount_has_share && !is_function_class(label)
    }

    /// `其中，民生支出A，占一般公共预算支出的x%` while a list by function class is open: the aggregate is a quantity
    /// of its own beside the classes (a free root that opens no list), and the list stays open.
    pub(super) fn aggregate_beside_classes(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
    ) -> Option<usize> {
        let top = self.stack.last()?.node;
        if !self.not_a_class(top, &label.text) {
            return None;
        }
        let node = self.new_unnamed_root(label, value, at)?;
        self.doubt(node, Doubt::Subject);
        // The list's sentence still ends it, as if it had taken the figure.
        if let Some(open) = self.stack.last_mut().filter(|o| o.explicit) {
            open.took_item = true;
        }
        Some(node)
    }

    /// A milestone's amount: a root of its own, in doubt by name, taking no items (see the module's words).
    pub(super) fn milestone(&mut self, label: &Label, value: Decimal, at: Span) -> Option<usize> {
        let node = self.new_unnamed_root(label, value, at)?;
        self.doubt(node, Doubt::Name);
        Some(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aggregates_and_milestones() {
        assert!(is_cross_cutting("全省财政民生支出"));
        assert!(!is_cross_cutting("社会保障和就业支出"));
        assert!(is_milestone("民生领域支出累计突破"));
        assert!(is_milestone("一般公共预算收入首次突破"));
        assert!(!is_milestone("一般公共预算收入"));
    }
}
