//! What a change is measured against, by the words of its lead-in (`与2024年预算数相比，增加…`).
//!
//! The grammar marks a lead-in that names a budget; whose budget it is the words say. The budget of the year
//! reported on (`与年初预算相比`, `与2024年预算数相比` in a 2024 report) makes the change and the bare rate after it
//! a change against the budget, in any phase; an earlier year's (`与上年预算数相比`, `与2023年预算数相比`) is a
//! year-on-year change. In a final account every budget lead-in compares with the budget, as before.

use super::*;

/// Words of a lead-in that name an earlier year's figure.
const EARLIER_YEAR: &[&str] = &["上年", "去年", "上一年", "同期"];

impl Assembler<'_> {
    /// Whether the change (or rate) at `figure` is against this year's budget by its lead-in; decided at the
    /// lead-in's first figure and kept for the figures after it (`…相比，增加200万元，增长4.2%`).
    pub(super) fn against_budget_by_lead_in(
        &self,
        figure: usize,
        state: &mut SentenceState,
    ) -> bool {
        if !state.budget_lead_in {
            return false;
        }
        if self.phase == Some(Phase::Final) {
            return true;
        }
        if let Some(decided) = state.lead_in_this_years_budget {
            return decided;
        }
        let decided = self.names_this_years_budget(figure, state);
        state.lead_in_this_years_budget = Some(decided);
        decided
    }

    /// `与上年同期相比增加A，与年初预算相比增加B，分别增长x%、y%`: paired rates after changes stated one by one
    /// (no paired list of amounts in the sentence) are theirs in order, each against its change's base.
    pub(super) fn paired_rate(
        &mut self,
        subject: &Subject,
        figure: usize,
        sign: i8,
        state: &mut SentenceState,
    ) -> bool {
        let Subject::Paired(index) = subject else {
            return false;
        };
        let one_by_one = !state.paired_amounts && state.changes.len() >= 2;
        let Some(&(node, vs_budget)) = state.changes.get(*index).filter(|_| one_by_one) else {
            return false;
        };
        let value = self.percent(figure).map(|v| signed(v, sign));
        let at = self.span(figure);
        self.set(state, figure, Some(node), |n| match vs_budget {
            true => set_once(
                &mut n.change_vs_budget_pct,
                &mut n.spans.change_vs_budget_pct,
                value,
                at,
            ),
            false => set_once(&mut n.change_pct, &mut n.spans.change_pct, value, at),
        });
        true
    }

    /// The words between the sentence's figure before `figure` and `figure` (where the lead-in is) name a
    /// budget and no earlier year: no `上年`, and any year printed is the report's.
    fn names_this_years_budget(&self, figure: usize, state: &SentenceState) -> bool {
        let Some(end) = self.figures.get(figure).map(|f| f.start) else {
            return false;
        };
        let before = state.figures.iter().rev().find(|&&f| f < figure);
        let start = before
            .and_then(|&f| self.figures.get(f))
            .map_or(state.start, |f| f.end);
        let words: String = self
            .text
            .chars
            .get(start.min(end)..end)
            .unwrap_or_default()
            .iter()
            .collect();
        let earlier = EARLIER_YEAR.iter().any(|w| words.contains(w));
        let other_year = years_in(&words).any(|y| Some(y) != self.year);
        words.contains("预算") && !earlier && !other_year
    }
}

/// The four-digit years printed in some words (`与2024年预算数相比` → 2024).
fn years_in(words: &str) -> impl Iterator<Item = i32> + '_ {
    let chars: Vec<char> = words.chars().collect();
    let years: Vec<i32> = (0..chars.len().saturating_sub(4))
        .filter(|&i| chars[i + 4] == '年' && (i == 0 || !chars[i - 1].is_ascii_digit()))
        .filter_map(|i| chars[i..i + 4].iter().collect::<String>().parse().ok())
        .collect();
    years.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_years_of_a_lead_in() {
        assert_eq!(
            years_in("，与2024年预算数相比，").collect::<Vec<_>>(),
            [2024]
        );
        assert_eq!(years_in("与年初预算相比").count(), 0);
        assert_eq!(years_in("12024年").count(), 0);
    }
}
