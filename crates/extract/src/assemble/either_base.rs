//! A bare rate whose base the words leave open goes to the base its figures fit.
//!
//! General pattern: a clause that gives two changes of one figure, one against last year and one against the
//! budget, then one bare rate (`比上年增收A，比预算减收B，增长x%`), or a growth rate after an execution word said
//! against the budget (`超收A，增长x%`, `比预算增支A，增长x%`): the rate may be either change's. Read as the
//! budget's by position, a year-on-year rate became a false change error. The rate goes to the change whose base
//! it fits (last year's first, as `增长` most often is); one that fits neither, where both bases are printed, is
//! wrong whichever it is, and stays the budget change's as before (`较上年减少A，较年初预算数减少B，下降x%`); one
//! whose only printed base it does not fit finds no place.

use super::*;
use budget_lens_core::check::tolerance::{half_unit, percent, propagated_percent};

impl Assembler<'_> {
    /// `增长x%` read by the grammar as [`Statement::RateEitherBase`]: the rate of the figure stated last.
    pub(super) fn rate_either_base(&mut self, figure: usize, sign: i8, state: &mut SentenceState) {
        let target = state.change_target.or(state.last_node);
        let Some((node, rate)) = target.zip(self.percent(figure).map(|v| signed(v, sign))) else {
            state.problem = true;
            return;
        };
        let built = &self.nodes[node].node;
        let amount = built.amount.0;
        let year = built.change.and_then(|c| fits(amount, c.0, rate));
        let budget = built.change_vs_budget.and_then(|c| fits(amount, c.0, rate));
        let vs_budget = match (year, budget) {
            (Some(true), _) => false,
            (_, Some(true)) | (Some(false), Some(false)) => true,
            _ => {
                state.problem = true;
                return;
            }
        };
        let at = self.span(figure);
        self.set(state, figure, Some(node), |n| match vs_budget {
            true => set_once(
                &mut n.change_vs_budget_pct,
                &mut n.spans.change_vs_budget_pct,
                Some(rate),
                at,
            ),
            false => set_once(&mut n.change_pct, &mut n.spans.change_pct, Some(rate), at),
        });
    }
}

/// Whether `rate` is the rate of `change` on the base `amount − change`, within the rounding the printed
/// figures allow; `None` where it cannot be computed (a zero base, an overflow).
fn fits(amount: Decimal, change: Decimal, rate: Decimal) -> Option<bool> {
    let base = amount.checked_sub(change)?;
    let computed = percent(change, base)?;
    let h_change = half_unit(change);
    let h_base = half_unit(amount).checked_add(h_change)?;
    let slack = propagated_percent(change, h_change, base, h_base)?;
    let tolerance = half_unit(rate).checked_add(slack)?;
    Some(computed.checked_sub(rate)?.abs() <= tolerance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        budget_lens_core::report::parse_decimal(s).unwrap()
    }

    #[test]
    fn a_rate_fits_the_base_of_its_change() {
        // 760 on 12140 is 6.26%; -130 on 13030 is -1.00%.
        assert_eq!(fits(d("12900"), d("760"), d("6.3")), Some(true));
        assert_eq!(fits(d("12900"), d("-130"), d("6.3")), Some(false));
        assert_eq!(fits(d("100"), d("100"), d("5")), None);
    }
}
