//! A total printed again under its own name or under the other one.
//!
//! A 部门决算 names two totals of income: `收入总计` (the grand total, which counts 年初结转和结余 and the
//! surplus used) and `收入合计` / `本年收入合计` (the year's own income, which does not); the same for spending
//! (`支出总计` counts 年末结转和结余, `支出合计` / `本年支出合计` does not). In a year with nothing carried
//! over they print the same amount, yet their changes from last year differ when last year carried something
//! (`收入总计10328.56万元…增加418.97万元` and `收入合计10328.56万元，较上年决算数增加1894.61万元`): two
//! quantities. The year's total printed after the grand total with a comparison that differs from the
//! grand total's is therefore the total's item `current_year`, with its own change (the other order, the
//! year's total first, is left as it was: the grand total's other change finds no place); under the same
//! name, with the same amount and compared with the same base, it is the total printed again, and its change
//! and rate are restatements the checker compares (docs/FORMAT.md, "Restated figures").

use super::*;
use crate::vocabulary::root_keyword;
use budget_lens_core::report::RestatedFigure;

/// Which of a budget's two totals of income or spending a label names.
#[derive(Clone, Copy, PartialEq)]
enum TotalName {
    /// `收入总计`, `支出总计`: with what was carried over.
    Grand,
    /// `收入合计`, `本年收入合计`, `支出合计`, `本年支出合计`: the year's own.
    Year,
}

fn total_name(label: &str) -> Option<TotalName> {
    let keyword = root_keyword(label)?;
    match keyword {
        "收入总计" | "支出总计" => Some(TotalName::Grand),
        "收入合计" | "支出合计" => Some(TotalName::Year),
        _ => None,
    }
}

/// Whether a printing names the node by the same own label as its first printing: a root by the same
/// keyword and scope (`2023年度收入总计` and `收入总计`), any other node by the same label.
fn same_own_name(first: &str, again: &str) -> bool {
    match (root_keyword(first), root_keyword(again)) {
        (Some(a), Some(b)) => a == b && same_scope(first, again),
        (None, None) => first == again,
        _ => false,
    }
}

impl SentenceState {
    /// Where the node's last printing again in this sentence is in `restated`, if this sentence prints it again.
    fn printed_again(&self, node: usize) -> Option<usize> {
        self.restated.iter().rposition(|r| r.node == node)
    }
}

impl Assembler<'_> {
    /// The node a change or rate printed with a total printed again is about: the total, or its item
    /// `current_year` made here from that printing when it is the year's own total (`收入合计`) printed after
    /// the grand total (`收入总计`) and its comparison (`value`, of `figure`) differs from the grand total's.
    /// A grand total with no comparison of its own yet takes the printing's, as before: nothing shows them
    /// apart.
    pub(super) fn total_of_comparison(
        &mut self,
        target: Option<usize>,
        value: Option<Decimal>,
        figure: RestatedFigure,
        state: &mut SentenceState,
    ) -> Option<usize> {
        let node = target?;
        let Some(again) = state.printed_again(node) else {
            return target;
        };
        let had = figure.of_node(&self.nodes[node].node).map(|a| a.0);
        let grand_then_year = total_name(&self.nodes[node].printed) == Some(TotalName::Grand)
            && total_name(&state.restated[again].label.text) == Some(TotalName::Year);
        let has_item = self.nodes[node].child_by_id.contains_key("current_year");
        if had.is_none() || value.is_none() || had == value || !grand_then_year || has_item {
            return target;
        }
        let printing = state.restated.remove(again);
        Some(self.year_total_item(node, &printing).unwrap_or(node))
    }

    /// The printing of `total` moved from its restatements to a new item `current_year`, its list open.
    fn year_total_item(&mut self, total: usize, printing: &PrintedAgain) -> Option<usize> {
        let restated = &self.nodes[total].node.restated;
        let index = restated
            .iter()
            .rposition(|r| r.at == Some(printing.at) && r.of == RestatedFigure::Amount)?;
        let value = restated[index].amount.0;
        let level = self.nodes[total].mention_level;
        let item = self.new_child(
            total,
            Some("current_year"),
            &printing.label,
            value,
            printing.at,
            level,
        )?;
        self.nodes[total].node.restated.remove(index);
        let open = self.mention(item, level.unwrap_or(self.heading_level));
        self.stack.push(open);
        if self.last_placed.is_some_and(|(_, n)| n == total) {
            self.last_placed = self.last_placed.map(|(f, _)| (f, item));
        }
        Some(item)
    }

    /// Whether the amount printed again at `at` is the node's own value: one printed with another
    /// value may be another quantity under the same name (a district's 财政总收入 after the city's), and is
    /// reported as a restated amount already; its comparison is not the node's to compare.
    fn same_amount_again(&self, node: usize, at: Span) -> bool {
        let node = &self.nodes[node].node;
        node.restated
            .iter()
            .any(|r| r.at == Some(at) && r.of == RestatedFigure::Amount && r.amount == node.amount)
    }

    /// Whether the change or rate at `index` is measured against what the node's first printing of it was
    /// (`比上年预算增加` twice), not another base of the year (`比上年执行数增加`): only then one figure printed
    /// twice (see [`Assembler::comparison_base`]).
    fn same_base_as_first(&self, node: usize, index: usize, figure: RestatedFigure) -> bool {
        let Some(first_at) = figure.first_at(&self.nodes[node].node) else {
            return false;
        };
        let first = (0..self.figures.len()).find(|&f| self.span(f) == first_at);
        first.is_some_and(|first| self.comparison_base(first) == self.comparison_base(index))
    }

    /// A change or rate (`figure`, of the figure at `index`) printed with a node printed again in this
    /// sentence, the node stating one already: under the same own name and with the same amount, a
    /// restatement of it (the checker compares the two); else the same value is taken as said, another is
    /// not the node's. Whether the figure was dealt with: not when the node is not printed again here or
    /// states no such figure yet.
    pub(super) fn comparison_printed_again(
        &mut self,
        node: usize,
        index: usize,
        value: Option<Decimal>,
        figure: RestatedFigure,
        state: &mut SentenceState,
    ) -> bool {
        let Some(again) = state.printed_again(node) else {
            return false;
        };
        let again = &state.restated[again];
        let Some(Amount(had)) = figure.of_node(&self.nodes[node].node) else {
            return false;
        };
        let same_figure = same_own_name(&self.nodes[node].printed, &again.label.text)
            && self.same_amount_again(node, again.at)
            && self.same_base_as_first(node, index, figure);
        match value {
            Some(value) if same_figure => {
                let at = self.span(index);
                self.nodes[node].node.restated.push(Restatement {
                    amount: Amount(value),
                    at: Some(at),
                    of: figure,
                });
                self.consumed[index] = true;
            }
            Some(value) if value == had => self.consumed[index] = true,
            _ => {
                state.problem = true;
                state.second_values.push(index);
            }
        }
        true
    }
}
