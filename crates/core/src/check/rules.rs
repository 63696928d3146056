//! The consistency rules, applied node by node in document order.

use crate::exact::Exact;
use rust_decimal::Decimal;

use super::finding::{Detail, Finding, Rule, Severity, TableDetail};
use super::tolerance::{
    both, half_as_printed, half_unit, judge, percent, propagated_percent, shown, shown_up, sum,
    unit, unit_as_printed,
};
use super::unprinted_base::{self, Whole};
use crate::report::{
    Amount, Comparison, Doubt, Node, Printing, Relation, Report, Resolver, RestatedFigure, Span,
    Term, Unit,
};

/// Extra decimals shown for a computed percentage beyond the stated one's.
const EXTRA_PCT_DECIMALS: u32 = 2;

pub(super) struct Checker<'a> {
    report: &'a Report,
    unit: Unit,
    /// Finds the nodes that `share_of` and relation paths name.
    resolver: Resolver<'a>,
    /// The sums that shares of an unprinted base are checked against, by node path (see [`unprinted_base`]).
    wholes: crate::keyed::Keyed<String, Whole>,
    findings: Vec<Finding>,
}

/// What every finding about one node shares.
struct Subject<'n> {
    node: &'n Node,
    path: &'n str,
}

/// A percentage to check: stated `rate` against 100·numerator/denominator.
struct RateCheck {
    rate: Decimal,
    numerator: Decimal,
    numerator_half_unit: Decimal,
    denominator: Decimal,
    denominator_half_unit: Decimal,
}

/// What a stated change is against: last year's amount (`change`, `change_pct`, `prior`) or the year's
/// budget (`change_vs_budget`, `change_vs_budget_pct`, `budget`).
#[derive(Clone, Copy)]
enum Against {
    LastYear,
    Budget,
}

impl Against {
    /// The node's stated change, rate and base for this comparison, with their spans.
    fn fields(self, n: &Node) -> (Option<Amount>, Option<Amount>, Option<Amount>) {
        match self {
            Against::LastYear => (n.change, n.change_pct, n.prior),
            Against::Budget => (n.change_vs_budget, n.change_vs_budget_pct, n.budget),
        }
    }

    fn spans(self, n: &Node) -> (Option<Span>, Option<Span>) {
        match self {
            Against::LastYear => (n.spans.change, n.spans.change_pct),
            Against::Budget => (n.spans.change_vs_budget, n.spans.change_vs_budget_pct),
        }
    }

    fn rules(self) -> (Rule, Rule) {
        match self {
            Against::LastYear => (Rule::Change, Rule::ChangePct),
            Against::Budget => (Rule::ChangeVsBudget, Rule::ChangeVsBudgetPct),
        }
    }
}

/// Which stated figure of a complete set of items adds up to the parent's.
#[derive(Clone, Copy, PartialEq)]
enum ItemsField {
    Change,
    ChangeVsBudget,
    Budget,
    Prior,
}

/// Findings from a structure the report's writer doubted are at most warnings (docs/FORMAT.md, "Doubt"):
/// an error on a node whose doubt bears on the rule becomes a warning naming the doubt.
fn capped(rule: Rule, severity: Severity, node: &Node) -> (Severity, Option<Doubt>) {
    if severity != Severity::Error {
        return (severity, None);
    }
    let bears_on = |doubt: &Doubt| match doubt {
        // As docs/FORMAT.md ("Doubt") says: the sums of items' changes and budgets rest on the list too.
        Doubt::List => matches!(
            rule,
            Rule::Sum
                | Rule::PartialSum
                | Rule::SharesTotal
                | Rule::ChangeSum
                | Rule::BudgetSum
                | Rule::ChangeVsBudgetSum
                | Rule::PriorSum
        ),
        Doubt::Subject | Doubt::Name => matches!(
            rule,
            Rule::Share
                | Rule::Change
                | Rule::ChangePct
                | Rule::Completion
                | Rule::Comparison
                | Rule::ChangeVsBudget
                | Rule::ChangeVsBudgetPct
        ),
        Doubt::Columns => matches!(rule, Rule::ChangePct | Rule::Completion),
    };
    match node.doubt.iter().find(|d| bears_on(d)) {
        Some(&doubt) => (Severity::Warning, Some(doubt)),
        None => (severity, None),
    }
}

impl<'a> Checker<'a> {
    pub(super) fn new(report: &'a Report) -> Self {
        Checker {
            report,
            unit: report.unit,
            resolver: Resolver::new(report),
            wholes: unprinted_base::wholes(report),
            findings: Vec::new(),
        }
    }

    pub(super) fn run(mut self) -> Vec<Finding> {
        // An explicit stack (a report built in code, not parsed, has no depth limit) and one path buffer:
        // a node's path is its parent's (the buffer's first `parent_len` bytes) plus `/id`, and becomes a
        // String of its own only in a finding.
        let mut stack: Vec<(&Node, Option<&Node>, usize)> = self
            .report
            .breakdowns
            .iter()
            .rev()
            .map(|n| (n, None, 0))
            .collect();
        let mut path = String::new();
        while let Some((node, parent, parent_len)) = stack.pop() {
            path.truncate(parent_len);
            if parent.is_some() {
                path.push('/');
            }
            path.push_str(&node.id);
            let subject = Subject { node, path: &path };
            self.negative(&subject);
            self.parts(&subject);
            self.shares_total(&subject);
            self.share(&subject, parent);
            self.change(&subject, Against::LastYear);
            self.change(&subject, Against::Budget);
            self.change_pct(&subject, Against::LastYear);
            self.change_pct(&subject, Against::Budget);
            self.completion(&subject);
            self.comparison(&subject);
            self.restated(&subject);
            self.items_of(&subject, ItemsField::Change);
            self.items_of(&subject, ItemsField::ChangeVsBudget);
            self.items_of(&subject, ItemsField::Budget);
            self.items_of(&subject, ItemsField::Prior);
            let len = path.len();
            for child in node.items.iter().rev() {
                stack.push((child, Some(node), len));
            }
        }
        for relation in &self.report.relations {
            self.relation(relation);
        }
        self.findings
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        rule: Rule,
        severity: Severity,
        subject: &Subject,
        stated: Decimal,
        expected: Decimal,
        tolerance: Decimal,
        at: Option<Span>,
        detail: Detail,
    ) {
        let (severity, doubt) = capped(rule, severity, subject.node);
        self.findings.push(Finding {
            rule,
            severity,
            doubt,
            places: Default::default(),
            printing: None,
            path: subject.path.to_string(),
            label: subject.node.label.clone(),
            stated,
            expected,
            difference: stated.minus(expected).unwrap_or_default(),
            tolerance,
            at,
            detail,
        });
    }

    /// Half a unit of the last printed digit of a node's table figure (its amount or budget): of its
    /// printing when the table printed it in another unit than the report's.
    fn half(&self, node: &Node, value: Decimal) -> Decimal {
        half_as_printed(value, node.printing(), self.unit)
    }

    /// One unit of that digit.
    fn one(&self, node: &Node, value: Decimal) -> Decimal {
        unit_as_printed(value, node.printing(), self.unit)
    }

    /// Half a unit of what a change is measured against: last year's amount (the text's), or the budget
    /// (the table's, like the amount).
    fn base_half(&self, node: &Node, against: Against, base: Decimal) -> Decimal {
        match against {
            Against::LastYear => half_unit(base),
            Against::Budget => self.half(node, base),
        }
    }

    fn negative(&mut self, s: &Subject) {
        let amount = s.node.amount.value();
        if amount.is_sign_negative() && !amount.is_zero() {
            let detail = Detail::Negative { unit: self.unit };
            self.push(
                Rule::Negative,
                Severity::Warning,
                s,
                amount,
                Decimal::ZERO,
                Decimal::ZERO,
                s.node.at,
                detail,
            );
        }
    }

    /// `sum` for complete items, `partial_sum` (Σitems ≤ amount) for partial ones.
    fn parts(&mut self, s: &Subject) {
        let items = &s.node.items;
        if items.is_empty() {
            return;
        }
        let amount = s.node.amount.value();
        let Some(total) = sum(items.iter().map(|i| i.amount.value())) else {
            return;
        };
        let tolerance = if items.len() == 1 && !s.node.partial {
            // A parent with a single item is the same figure printed twice.
            self.one(s.node, amount)
                .max(self.one(&items[0], items[0].amount.value()))
        } else {
            let Some(halves) = sum(items.iter().map(|i| self.half(i, i.amount.value()))) else {
                return;
            };
            both(self.half(s.node, amount), halves)
        };
        let Some(difference) = amount.minus(total) else {
            return;
        };
        let (rule, severity) = if s.node.partial {
            // Listed items may fall short of the amount, never exceed it.
            let excess = -difference;
            let severity = if excess <= Decimal::ZERO {
                None
            } else {
                judge(excess, Decimal::ZERO, tolerance)
            };
            (Rule::PartialSum, severity)
        } else {
            (Rule::Sum, judge(difference, Decimal::ZERO, tolerance))
        };
        if let Some(severity) = severity {
            let detail = Detail::Parts {
                count: items.len(),
                partial: s.node.partial,
                unit: self.unit,
            };
            self.push(
                rule, severity, s, amount, total, tolerance, s.node.at, detail,
            );
        }
    }

    /// The stated shares of a complete set of items whose amounts add up exactly: Σshares against 100.
    fn shares_total(&mut self, s: &Subject) {
        let items = &s.node.items;
        let own_base = |i: &Node| i.share_of.as_deref().is_none_or(|base| base == s.path);
        if items.len() < 2
            || s.node.partial
            || !items.iter().all(|i| i.share.is_some() && own_base(i))
        {
            return;
        }
        // When the parts do not add up, `sum` reports it and the shares need not total 100.
        if sum(items.iter().map(|i| i.amount.value())) != Some(s.node.amount.value()) {
            return;
        }
        let shares: Vec<Decimal> = items
            .iter()
            .filter_map(|i| i.share.map(|p| p.value()))
            .collect();
        let (Some(total), Some(tolerance)) = (
            sum(shares.iter().copied()),
            sum(shares.iter().map(|p| half_unit(*p))),
        ) else {
            return;
        };
        let Some(difference) = total.minus(Decimal::ONE_HUNDRED) else {
            return;
        };
        let severity = match judge(difference, Decimal::ZERO, tolerance) {
            None => return,
            Some(Severity::Warning) => Severity::Note,
            Some(other) => other,
        };
        let detail = Detail::Shares { count: items.len() };
        self.push(
            Rule::SharesTotal,
            severity,
            s,
            total,
            Decimal::ONE_HUNDRED,
            tolerance,
            s.node.at,
            detail,
        );
    }

    fn share(&mut self, s: &Subject, parent: Option<&Node>) {
        let Some(share) = s.node.share.map(|p| p.value()) else {
            return;
        };
        if let Some(name) = &s.node.share_base {
            return self.share_of_unprinted(s, share, name);
        }
        let base = match &s.node.share_of {
            Some(path) => self.node_at(path),
            None => parent,
        };
        let Some(base) = base else { return };
        let amount = s.node.amount.value();
        let check = RateCheck {
            rate: share,
            numerator: amount,
            numerator_half_unit: self.half(s.node, amount),
            denominator: base.amount.value(),
            denominator_half_unit: self.half(base, base.amount.value()),
        };
        let detail = Detail::Share {
            amount,
            base: base.amount.value(),
            base_label: base.label.clone(),
            unit: self.unit,
        };
        self.rate(Rule::Share, s, check, s.node.spans.share, detail);
    }

    /// A share of a base the text never prints, against the sum of its group (see [`unprinted_base`]): the
    /// group being the whole is inferred, so an error is only a warning naming that doubt (`list`).
    fn share_of_unprinted(&mut self, s: &Subject, share: Decimal, name: &str) {
        let Some(whole) = self.wholes.get(s.path).cloned() else {
            return;
        };
        let amount = s.node.amount.value();
        let check = RateCheck {
            rate: share,
            numerator: amount,
            numerator_half_unit: self.half(s.node, amount),
            denominator: whole.amount,
            denominator_half_unit: whole.half_units,
        };
        let detail = Detail::Share {
            amount,
            base: whole.amount,
            base_label: format!("{name}（未印出，取合计为100%的各项之和）"),
            unit: self.unit,
        };
        let before = self.findings.len();
        self.rate(Rule::Share, s, check, s.node.spans.share, detail);
        if let Some(f) = self.findings.get_mut(before) {
            if f.severity == Severity::Error {
                (f.severity, f.doubt) = (Severity::Warning, Some(Doubt::List));
            }
        }
    }

    /// A stated change against amount − prior (`Against::Budget`: against amount − budget).
    fn change(&mut self, s: &Subject, against: Against) {
        let (Some(change), _, Some(prior)) = against.fields(s.node) else {
            return;
        };
        let (change, prior, amount) = (change.value(), prior.value(), s.node.amount.value());
        let Some(expected) = amount.minus(prior) else {
            return;
        };
        let tolerance = both(
            both(half_unit(change), self.base_half(s.node, against, prior)),
            self.half(s.node, amount),
        );
        let Some(difference) = change.minus(expected) else {
            return;
        };
        if let Some(severity) = judge(difference, Decimal::ZERO, tolerance) {
            let detail = Detail::Change {
                amount,
                prior,
                against_budget: matches!(against, Against::Budget),
                unit: self.unit,
            };
            let (rule, _) = against.rules();
            let (at, _) = against.spans(s.node);
            self.push(rule, severity, s, change, expected, tolerance, at, detail);
        }
    }

    /// The stated change rate against change/prior; either may be derived from the amount and the other
    /// (`Against::Budget`: change against the budget over the budget).
    fn change_pct(&mut self, s: &Subject, against: Against) {
        let (change, rate, prior) = against.fields(s.node);
        let Some(rate) = rate.map(|r| r.value()) else {
            return;
        };
        let amount = s.node.amount.value();
        let amount_h = self.half(s.node, amount);
        let (change, change_h, prior, prior_h) = match (change, prior) {
            (Some(c), Some(p)) => (
                c.value(),
                half_unit(c.value()),
                p.value(),
                self.base_half(s.node, against, p.value()),
            ),
            (None, Some(p)) => {
                let Some(c) = amount.minus(p.value()) else {
                    return;
                };
                let prior_h = self.base_half(s.node, against, p.value());
                (c, both(amount_h, prior_h), p.value(), prior_h)
            }
            (Some(c), None) => {
                let Some(p) = amount.minus(c.value()) else {
                    return;
                };
                (
                    c.value(),
                    half_unit(c.value()),
                    p,
                    both(amount_h, half_unit(c.value())),
                )
            }
            (None, None) => return,
        };
        let check = RateCheck {
            rate,
            numerator: change,
            numerator_half_unit: change_h,
            denominator: prior,
            denominator_half_unit: prior_h,
        };
        let detail = Detail::ChangeRate {
            change,
            prior,
            against_budget: matches!(against, Against::Budget),
            unit: self.unit,
        };
        let (_, rule) = against.rules();
        let (_, at) = against.spans(s.node);
        self.rate(rule, s, check, at, detail);
    }

    fn completion(&mut self, s: &Subject) {
        let (Some(rate), Some(budget)) = (s.node.completion_pct, s.node.budget) else {
            return;
        };
        let (amount, budget) = (s.node.amount.value(), budget.value());
        let check = RateCheck {
            rate: rate.value(),
            numerator: amount,
            numerator_half_unit: self.half(s.node, amount),
            denominator: budget,
            denominator_half_unit: self.half(s.node, budget),
        };
        let detail = Detail::Completion {
            amount,
            budget,
            unit: self.unit,
        };
        self.rate(
            Rule::Completion,
            s,
            check,
            s.node.spans.completion_pct,
            detail,
        );
    }

    /// `决算数大于预算数` against the two figures: words contradicting figures further apart than their
    /// rounding are an error; figures within their rounding of each other may stand either way (a
    /// warning), except that "equal" is then true.
    fn comparison(&mut self, s: &Subject) {
        let (Some(said), Some(budget)) = (s.node.comparison, s.node.budget) else {
            return;
        };
        let (amount, budget) = (s.node.amount.value(), budget.value());
        let tolerance = both(self.half(s.node, amount), self.half(s.node, budget));
        let Some(difference) = amount.minus(budget) else {
            return;
        };
        let within = difference.abs() <= tolerance;
        let agrees = match said {
            Comparison::Above => difference.is_sign_positive() && !difference.is_zero(),
            Comparison::Below => difference.is_sign_negative() && !difference.is_zero(),
            Comparison::Equal => within,
        };
        let severity = match (agrees, within) {
            (true, _) => return,
            (false, true) => Severity::Warning,
            (false, false) => Severity::Error,
        };
        let detail = Detail::Comparison {
            said,
            amount,
            budget,
            unit: self.unit,
        };
        let at = s.node.spans.comparison;
        self.push(
            Rule::Comparison,
            severity,
            s,
            amount,
            budget,
            tolerance,
            at,
            detail,
        );
    }

    /// A stated percentage p against 100·a/b: consistent within p's half-unit, a warning within that
    /// plus the propagated rounding of a and b, an error beyond; a rate on a zero base is an error
    /// (a share of 0 in 0 reads as 0%).
    fn rate(&mut self, rule: Rule, s: &Subject, c: RateCheck, at: Option<Span>, detail: Detail) {
        let shown_decimals = c.rate.scale() + EXTRA_PCT_DECIMALS;
        if c.denominator.is_zero() {
            // 0% of a zero total, `增加0.00万元，增长0%` on a zero prior, and the 决算 templates'
            // `支出0万元，完成全年预算0万元的0%` for a heading with nothing budgeted or spent: nothing is claimed.
            let harmless = matches!(
                rule,
                Rule::Share | Rule::ChangePct | Rule::ChangeVsBudgetPct | Rule::Completion
            ) && c.numerator.is_zero()
                && c.rate.is_zero();
            // `比上年增加100%` from a zero prior: a common way of saying "new this year", not a computed rate;
            // the reader is told it cannot be computed, nothing more.
            let new_this_year = matches!(rule, Rule::ChangePct | Rule::ChangeVsBudgetPct)
                && c.numerator.is_sign_positive()
                && !c.numerator.is_zero()
                && c.rate == Decimal::ONE_HUNDRED;
            if !harmless {
                let severity = match new_this_year {
                    true => Severity::Note,
                    false => Severity::Error,
                };
                self.push(
                    rule,
                    severity,
                    s,
                    c.rate,
                    Decimal::ZERO,
                    Decimal::ZERO,
                    at,
                    detail,
                );
            }
            return;
        }
        let Some(exact) = percent(c.numerator, c.denominator) else {
            return;
        };
        let Some(propagated) = propagated_percent(
            c.numerator,
            c.numerator_half_unit,
            c.denominator,
            c.denominator_half_unit,
        ) else {
            return;
        };
        let Some(difference) = c.rate.minus(exact) else {
            return;
        };
        let own = half_unit(c.rate);
        let Some(tolerance) = own.plus(propagated) else {
            return;
        };
        if let Some(severity) = judge(difference, own, tolerance) {
            let expected = shown(exact, shown_decimals);
            let tolerance = shown_up(tolerance, shown_decimals);
            self.push(rule, severity, s, c.rate, expected, tolerance, at, detail);
        }
    }

    /// `change_sum`: the items' stated changes add up to the parent's (`change_vs_budget_sum`: their changes
    /// against the budget; `budget_sum`: their budgets to its budget; `prior_sum`: their prior-year amounts), when the items are complete and every
    /// one states it (持平 is a change of 0). An item's budget is the printed one or, where only its change
    /// against the budget is printed, amount − that change (`决算数比预算数减少17.54万元`).
    fn items_of(&mut self, s: &Subject, field: ItemsField) {
        let items = &s.node.items;
        let Some(stated) = stated_of(s.node, field) else {
            return;
        };
        if s.node.partial || items.len() < 2 {
            return;
        }
        let Some(values) = items
            .iter()
            .map(|i| item_value(i, field, self.unit))
            .collect::<Option<Vec<_>>>()
        else {
            return;
        };
        let (Some(total), Some(halves)) = (
            sum(values.iter().map(|(v, _)| *v)),
            sum(values.iter().map(|(_, h)| *h)),
        ) else {
            return;
        };
        let stated_h = match field {
            ItemsField::Budget => self.half(s.node, stated),
            _ => half_unit(stated),
        };
        let tolerance = both(stated_h, halves);
        let Some(difference) = stated.minus(total) else {
            return;
        };
        if let Some(severity) = judge(difference, Decimal::ZERO, tolerance) {
            let (rule, at) = match field {
                ItemsField::Budget => (Rule::BudgetSum, s.node.spans.budget),
                ItemsField::Change => (Rule::ChangeSum, s.node.spans.change),
                ItemsField::ChangeVsBudget => {
                    (Rule::ChangeVsBudgetSum, s.node.spans.change_vs_budget)
                }
                ItemsField::Prior => (Rule::PriorSum, s.node.spans.prior),
            };
            let detail = Detail::ItemsOf {
                count: items.len(),
                budget: field == ItemsField::Budget,
                against_budget: field == ItemsField::ChangeVsBudget,
                prior: field == ItemsField::Prior,
                unit: self.unit,
            };
            self.push(rule, severity, s, stated, total, tolerance, at, detail);
        }
    }

    fn restated(&mut self, s: &Subject) {
        for restatement in &s.node.restated {
            // A restatement of a figure the node does not state (a budget, a change) has nothing to differ from.
            let Some(first) = restatement.of.of_node(s.node).map(|a| a.value()) else {
                continue;
            };
            let again = restatement.amount.value();
            // One finding per discrepancy: a restated figure equal to the items' sum just reported against
            // this node says the same thing again (65.91 over parts of 65.90, and 65.90 printed elsewhere).
            // A change or rate is no sum of the items' amounts.
            if restatement.of.is_row_figure() && self.already_told(s.path, again) {
                continue;
            }
            // The same figure printed to fewer places, rounded correctly (16,726,725.44元 in a table,
            // 1672.67万元 in the text; 增长8.80% and 增长8.8%): nothing a reader sees as a contradiction.
            if again.scale() < first.scale() && shown(first, again.scale()) == again {
                continue;
            }
            // Printed twice: one unit of the coarser last digit is what inconsistent rounding explains. An
            // amount or budget may be a table's, printed in another unit; a change and a rate are the text's
            // (the row figures of `is_row_figure`, matched here by kind: as an `if is_row_figure()` the widget's
            // wasm was 64 B gzip larger).
            let first_unit = match restatement.of {
                RestatedFigure::Amount | RestatedFigure::Budget => self.one(s.node, first),
                RestatedFigure::Change | RestatedFigure::ChangePct => unit(first),
            };
            let tolerance = first_unit.max(unit(again));
            let Some(difference) = again.minus(first) else {
                continue;
            };
            if let Some(severity) = judge(difference, Decimal::ZERO, tolerance) {
                let detail = Detail::Restated {
                    unit: self.unit,
                    figure: restatement.of,
                };
                self.push(
                    Rule::Restated,
                    severity,
                    s,
                    again,
                    first,
                    tolerance,
                    restatement.at,
                    detail,
                );
            }
        }
    }

    /// Whether a sum finding on `path` (this node's, the last ones pushed) already set its amount against
    /// `figure`.
    fn already_told(&self, path: &str, figure: Decimal) -> bool {
        self.findings
            .iter()
            .rev()
            .take_while(|f| f.path == path)
            .any(|f| matches!(f.rule, Rule::Sum | Rule::PartialSum) && f.expected == figure)
    }

    fn relation(&mut self, relation: &Relation) {
        let (Some(left), Some(right)) = (
            self.terms_at(&relation.left),
            self.terms_at(&relation.right),
        ) else {
            return;
        };
        let amounts = |terms: &[Term]| sum(terms.iter().map(Term::amount));
        let report_unit = self.unit;
        let halves = |terms: &[Term]| {
            sum(terms
                .iter()
                .map(|t| half_as_printed(t.amount(), t.printing(), report_unit)))
        };
        let (Some(stated), Some(expected), Some(h_left), Some(h_right)) = (
            amounts(&left),
            amounts(&right),
            halves(&left),
            halves(&right),
        ) else {
            return;
        };
        let tolerance = both(h_left, h_right);
        let Some(difference) = stated.minus(expected) else {
            return;
        };
        if let Some(severity) = judge(difference, Decimal::ZERO, tolerance) {
            let labels = |terms: &[Term]| terms.iter().map(Term::describe).collect();
            let detail = match (left.as_slice(), right.as_slice()) {
                // One printed figure against another, each in a table: the same quantity printed twice.
                ([one], [other]) if one.in_table() && other.in_table() => Detail::Table {
                    table: String::new(),
                    detail: TableDetail::CrossTable {
                        left: one.describe(),
                        right: other.describe(),
                    },
                    unit: self.unit,
                },
                _ => Detail::Relation {
                    left: labels(&left),
                    right: labels(&right),
                    unit: self.unit,
                },
            };
            self.findings.push(Finding {
                rule: Rule::Relation,
                severity,
                path: relation.id.clone(),
                label: relation.label.clone(),
                stated,
                expected,
                difference,
                tolerance,
                at: left.first().and_then(|t| t.node.at),
                detail,
                doubt: None,
                places: Default::default(),
                printing: shared_printing(&left, &right),
            });
        }
    }

    fn terms_at(&mut self, paths: &[String]) -> Option<Vec<Term<'a>>> {
        paths.iter().map(|p| self.resolver.term_at(p)).collect()
    }

    fn node_at(&mut self, path: &str) -> Option<&'a Node> {
        self.resolver.node_at(path)
    }
}

/// The printing all of a relation's figures share, if they share one: its message then says them as printed.
fn shared_printing(left: &[Term], right: &[Term]) -> Option<Printing> {
    let mut printings = left.iter().chain(right).map(Term::printing);
    let first = printings.next()??;
    printings.all(|p| p == Some(first)).then_some(first)
}

/// The parent's printed figure a `…_sum` rule adds up to.
fn stated_of(node: &Node, field: ItemsField) -> Option<Decimal> {
    let value = match field {
        ItemsField::Change => node.change,
        ItemsField::ChangeVsBudget => node.change_vs_budget,
        ItemsField::Budget => node.budget,
        ItemsField::Prior => node.prior,
    };
    value.map(|a| a.value())
}

/// An item's figure for a `…_sum` rule and the rounding it carries: printed, or (a budget) derived from the
/// amount and the printed change against the budget.
fn item_value(item: &Node, field: ItemsField, report: Unit) -> Option<(Decimal, Decimal)> {
    // A budget is the table's figure, printed as the amount is; changes and prior years are the text's.
    let table_half = |v: Decimal| half_as_printed(v, item.printing(), report);
    if let Some(v) = stated_of(item, field) {
        let half = match field {
            ItemsField::Budget => table_half(v),
            _ => half_unit(v),
        };
        return Some((v, half));
    }
    let change = item.change_vs_budget?.value();
    let amount = item.amount.value();
    match field {
        ItemsField::Budget => Some((
            amount.minus(change)?,
            both(table_half(amount), half_unit(change)),
        )),
        _ => None,
    }
}
