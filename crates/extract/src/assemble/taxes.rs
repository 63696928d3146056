//! Single taxes are parts of the tax revenue, and a list of them names the main ones.
//!
//! General pattern: `税收收入A，主要税种中，增值税B、企业所得税C、个人所得税D` (or `其中：增值税B…` after it, or
//! the taxes a sentence later): the taxes printed are the main ones, rarely all (the other taxes are not named,
//! or named later as `其他税种`). A single tax is never an item of a larger total (`财政总收入`, `一般公共预算收入`)
//! beside the tax revenue itself, and the list of taxes under the tax revenue is whole only where its items add
//! up (partial otherwise: only Σ ≤ total is asked of it).

use super::*;

/// Names of single taxes (their endings: `国内增值税`, `城市维护建设税`…).
const TAXES: &[&str] = &[
    "增值税",
    "营业税",
    "消费税",
    "所得税",
    "房产税",
    "契税",
    "印花税",
    "城市维护建设税",
    "城建税",
    "资源税",
    "车船税",
    "耕地占用税",
    "城镇土地使用税",
    "环境保护税",
    "烟叶税",
];

/// How many nodes back the tax revenue is looked for (constant time).
const LOOK_BACK_NODES: usize = 64;

/// Whether a label names one tax (not the tax revenue, not `其他税收收入`).
pub(super) fn is_single_tax(label: &str) -> bool {
    TAXES.iter().any(|t| label.ends_with(t))
}

impl Assembler<'_> {
    /// A single tax printed after the tax revenue: an item of that revenue (in doubt where its list is not
    /// marked), whose list of taxes is partial unless it adds up. `None` where no tax revenue was printed
    /// just before, or it does not take the tax.
    pub(super) fn item_of_tax_revenue(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        if !is_single_tax(&label.text) {
            return None;
        }
        let revenue = self.tax_revenue_before()?;
        if value.abs() > self.nodes[revenue].node.amount.0.abs() {
            return None;
        }
        let listed = self
            .stack
            .last()
            .is_some_and(|o| o.node == revenue && o.explicit);
        let is_new = self.child_with_label(revenue, &label.text).is_none();
        let node = self.child(revenue, label, value, at, level)?;
        if is_new && !listed && level.is_none() {
            self.doubt(revenue, Doubt::List);
        }
        self.nodes[revenue].open_ended = true;
        Some(node)
    }

    /// The tax revenue printed last (`税收收入`, `全县税收收入`), among the latest nodes.
    fn tax_revenue_before(&self) -> Option<usize> {
        let from = self.nodes.len().saturating_sub(LOOK_BACK_NODES);
        (from..self.nodes.len())
            .rev()
            .find(|&n| self.nodes[n].printed.ends_with("税收收入"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_taxes() {
        assert!(is_single_tax("国内增值税"));
        assert!(is_single_tax("企业所得税"));
        assert!(!is_single_tax("税收收入"));
        assert!(!is_single_tax("其他税收收入"));
    }
}
