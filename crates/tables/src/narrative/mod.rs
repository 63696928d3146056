//! The narrative (情况说明) restates table figures in words: 「本年收入合计2946.25万元」「一般公共服务支出（类）
//! 2106.66万元，占71.73%」. The extractor reads them from the document's text; each amount is attached to the
//! table row that the words just before it name — its label printed right before the figure — as a
//! restatement, and a stated share as the row's share when the text's base is the row's parent as printed,
//! so the checker compares text with table.
//!
//! The words decide, not the extractor's ids: a text may call 本年收入合计 收入总计, and only the printed
//! words say which row it means.

use budget_lens_core::report::document;
use budget_lens_core::report::{
    Amount, Comparison, Doubt, Node, Report, RestatedFigure, Restatement, Source, Span, Unit,
};
use budget_lens_extract::extract;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::build::shift_to;
use crate::text::fold;

mod unplaced;

/// Names of the 三公 total in narratives, quotes removed (see [`bare`]).
const THREE_PUBLIC_NAMES: &[&str] = &["三公经费", "三公经费支出", "三公经费财政拨款支出"];

/// Words that say a figure is a budget, right before it: `年初预算为`, `预算数为`, `预算`.
const BUDGET_WORDS: &[&str] = &["年初预算数", "年初预算", "预算数", "预算"];

/// How many characters before a figure may name its row.
const LOOKBACK_CHARS: usize = 24;

/// What the narrative added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attached {
    /// Amounts stated in the text.
    pub figures: usize,
    /// Of them, attached to a table row.
    pub attached: usize,
}

/// Attaches the narrative's figures to the report's table rows and keeps the text as `source.text`.
pub fn attach_narrative(report: &mut Report, text: &str) -> Attached {
    let Ok(extraction) = extract(text) else {
        return Attached::default();
    };
    let chars: Vec<char> = text.chars().collect();
    let targets = targets(report);
    let stated = stated_figures(&extraction.report, &chars, report);
    let mut attached = Attached::default();
    let mut additions: Vec<(String, Addition)> = Vec::new();
    // `in_report_unit`: in the report's unit, or in its own when that is larger (see `Units`).
    for in_report_unit in stated {
        attached.figures += 1;
        let amount = in_report_unit.amount;
        let Some(path) = row_named_before(&chars, &in_report_unit, &targets)
            .or_else(|| row_named_by_node(&in_report_unit, &targets))
        else {
            continue;
        };
        additions.push((
            path,
            Addition {
                amount,
                at: in_report_unit.at,
                share: in_report_unit.share,
                of: in_report_unit.of,
                said: in_report_unit.node.unwrap_or_default(),
                units: in_report_unit.units,
            },
        ));
        attached.attached += 1;
    }
    for (path, addition) in additions {
        apply(report, &path, addition);
    }
    // Sentences the extractor could not place stay in the report for a person to finish (nothing the user
    // gave is lost); their spans point into the same text, which becomes `source.text` below.
    report
        .unplaced
        .extend(extraction.report.unplaced.iter().cloned());
    if report.entity.is_empty() {
        report.entity = extraction.report.entity.clone();
    }
    own_words(report, text);
    if report.title.is_empty() {
        report.title = extraction.report.title.clone();
    }
    report.source = Some(Source {
        url: None,
        text: Some(text.to_string()),
    });
    attached
}

/// The year and department as the document's headings name them, where the tables did not say (a table
/// title without a year) or said less (a cover that wraps the department's name over two lines).
fn own_words(report: &mut Report, text: &str) {
    let headings = document::headings(&document::Text::new(text));
    if report.year.is_none() {
        report.year = document::stated_year(&headings);
    }
    if let Some(named) = document::stated_entity(&headings, &report.entity) {
        let fuller = report.entity.is_empty()
            || (named.contains(report.entity.as_str()) && named.len() > report.entity.len());
        if fuller {
            report.entity = named;
        }
    }
}

/// The amounts the text states, in the report's unit: those the extractor placed, and those printed with
/// their unit in the sentences it left unplaced.
fn stated_figures(extraction: &Report, chars: &[char], report: &Report) -> Vec<Stated> {
    let mut placed = Vec::new();
    for root in &extraction.breakdowns {
        collect(root, None, &[], &mut placed);
    }
    let year = report.year.or(extraction.year);
    let units = Units::of(extraction.unit, report.unit);
    let convert = |amount: Amount| shift_to(amount, extraction.unit, report.unit);
    let keep = |amount: Amount| shift_to(amount, extraction.unit, units.printed);
    placed
        .into_iter()
        .map(|mut figure| {
            if let Some(said) = figure.node.as_mut() {
                let history = &mut said.history;
                history.prior = history.prior.map(|(a, at)| (keep(a), at));
                // A change printed to 100 yuan cannot be checked against yuan figures: left out.
                history.change = history
                    .change
                    .filter(|_| !units.coarser())
                    .map(|(a, at)| (convert(a), at));
            }
            Stated {
                amount: keep(figure.amount),
                share: figure.share.map(|s| Share {
                    base: keep(s.base),
                    ..s
                }),
                units,
                ..figure
            }
        })
        .chain(unplaced::unplaced_figures(
            chars,
            &extraction.unplaced,
            year,
            report.unit,
        ))
        .collect()
}

/// The unit a stated figure is kept in and the report's. A figure printed in a larger unit than the
/// report's (8726.73万元 in a report in 元) stays in its own, to be compared at its own precision: in yuan it
/// would be 87267300, and its rounding (the table's 87,267,272.44) a contradiction of 27.56 yuan.
#[derive(Clone, Copy, Default)]
pub(crate) struct Units {
    printed: Unit,
    report: Unit,
}

impl Units {
    /// Figures printed in `printed` for a report in `report`: kept in the larger of the two.
    pub(crate) fn of(printed: Unit, report: Unit) -> Units {
        let kept = if printed.yuan_per_unit() > report.yuan_per_unit() {
            printed
        } else {
            report
        };
        Units {
            printed: kept,
            report,
        }
    }

    /// Whether the figures are kept in a larger unit than the report's.
    fn coarser(self) -> bool {
        self.printed != self.report
    }

    /// Whether a row's figure (in the report's unit) is the stated figure rounded to its printed places.
    fn agrees(self, row: Decimal, stated: Amount) -> bool {
        let row = shift_to(Amount(row), self.report, self.printed).value();
        agrees(row, stated.value())
    }

    /// Last year's amount (kept in the printed unit) in the report's unit, with its rate only when the
    /// report's unit can state it: a rate that holds at the printed precision — 19.75% on 20.30万元, where the
    /// prior's rounding (50 yuan) explains the gap to 19.7635% — would be judged in yuan as if the prior were
    /// exact to the yuan, and called an error. A rate that fails at the printed precision stays (an error in
    /// either unit).
    fn history(self, amount: Decimal, mut history: History) -> History {
        let Some((prior, at)) = history.prior else {
            return history;
        };
        history.prior = Some((shift_to(prior, self.printed, self.report), at));
        if self.coarser() {
            let row = shift_to(Amount(amount), self.report, self.printed).value();
            let holds = |rate: &(Amount, Span)| rate_holds(row, prior.value(), rate.0.value());
            history.change_pct = history.change_pct.filter(|rate| !holds(rate));
        }
        history
    }

    /// The stated figure in the report's unit, as the row's restatement; `None` when the report's unit
    /// cannot say what it says: it is the row's figure to its printed places (nothing to check), or one unit
    /// of its last digit off (a rounding a finding in yuan would call an error).
    fn restatement(self, row: Decimal, stated: Amount) -> Option<Amount> {
        let in_report = shift_to(stated, self.printed, self.report);
        if !self.coarser() {
            return Some(in_report);
        }
        let row = shift_to(Amount(row), self.report, self.printed).value();
        let gap = row.checked_sub(stated.value())?.abs();
        (gap > Decimal::new(1, stated.value().scale())).then_some(in_report)
    }
}

/// Whether a rate of change from `prior` to `amount` (all as printed) is consistent with them or off by no
/// more than their rounding explains (the checker's envelope: the rate's half unit plus 100·(h_c/|p| +
/// |c|·h_p/p²)). A zero prior holds no rate.
fn rate_holds(amount: Decimal, prior: Decimal, rate: Decimal) -> bool {
    let half = |d: Decimal| Decimal::try_new(5, d.scale() + 1).unwrap_or(Decimal::ZERO);
    let hundred = Decimal::ONE_HUNDRED;
    let envelope = || {
        let change = amount.checked_sub(prior)?;
        let expected = change.checked_div(prior)?.checked_mul(hundred)?;
        let h_change = half(amount).checked_add(half(prior))?;
        let from_change = h_change.checked_div(prior.abs())?;
        let from_prior = change
            .abs()
            .checked_mul(half(prior))?
            .checked_div(prior.checked_mul(prior)?)?;
        let spread = from_change.checked_add(from_prior)?.checked_mul(hundred)?;
        Some((expected, half(rate).checked_add(spread)?))
    };
    match envelope() {
        Some((expected, envelope)) => rate
            .checked_sub(expected)
            .is_some_and(|gap| gap.abs() <= envelope),
        None => false,
    }
}

/// An amount the text states, and where.
struct Stated {
    amount: Amount,
    /// The unit `amount` (and the share's base) is in, and the report's.
    units: Units,
    at: Span,
    /// The share stated with the amount (`2106.66万元，占71.73%`), of its parent in the text.
    share: Option<Share>,
    /// Whether it is the row's amount or its budget (`年初预算为0.95万元`).
    of: RestatedFigure,
    /// The extractor's node for it, when the extractor placed it.
    node: Option<Said>,
}

/// What the extractor made of a figure: the labels of its node and of the node's parents (innermost first),
/// which name its row when the words before the figure do not (`1、一般公共服务支出（类）财政事务（款）行政运行
/// （项）。…年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数`), and what else the text says of the
/// amount.
#[derive(Clone, Default)]
struct Said {
    labels: Vec<String>,
    comparison: Option<(Comparison, Option<Span>)>,
    /// The extractor carried the subject over from another sentence: bears on the comparison.
    subject_in_doubt: bool,
    /// Last year's amount and the change from it, as the text prints them with the amount
    /// (`2025年当年预算执行数为198.34万元，…比2025年预算执行数增加5.27%`).
    history: History,
}

/// A figure's prior-year amount and its change, each where it is printed; amounts in the extractor's unit
/// until [`stated_figures`] converts them.
#[derive(Clone, Copy, Default)]
struct History {
    prior: Option<(Amount, Span)>,
    change: Option<(Amount, Span)>,
    change_pct: Option<(Amount, Span)>,
}

impl Said {
    /// What names the row, without what the text says of the amount (for another figure of the node).
    fn names_only(&self) -> Said {
        Said {
            labels: self.labels.clone(),
            ..Said::default()
        }
    }
}

/// A stated percentage, where it is printed, and the amount it is a share of (the text's parent).
#[derive(Clone, Copy)]
struct Share {
    percent: Amount,
    at: Option<Span>,
    base: Amount,
}

fn collect(node: &Node, parent: Option<Amount>, labels: &[String], out: &mut Vec<Stated>) {
    let mut labels_here = vec![node.label.clone()];
    labels_here.extend(labels.iter().cloned());
    let said = said_of(node, labels_here.clone());
    if let Some(at) = node.at {
        let share = match (node.share, &node.share_of, parent) {
            (Some(percent), None, Some(base)) => Some(Share {
                percent,
                at: node.spans.share,
                base,
            }),
            _ => None,
        };
        out.push(Stated {
            amount: node.amount,
            units: Units::default(),
            at,
            share,
            of: RestatedFigure::Amount,
            node: Some(said.clone()),
        });
    }
    let budget = node.budget.zip(node.spans.budget);
    // The amount printed again (`…住房公积金（01项）208.8万元。…2026年预算安排201.50万元`) is the same row's,
    // as the extractor's node says, whatever words stand before it.
    // A change or rate printed again with it stays the extractor's: a table row has no change to compare.
    let again = node
        .restated
        .iter()
        .filter(|again| again.of.is_row_figure())
        .filter_map(|again| Some((again.amount, again.at?, again.of)));
    let budget = budget.map(|(amount, at)| (amount, at, RestatedFigure::Budget));
    for (amount, at, of) in budget.into_iter().chain(again) {
        out.push(Stated {
            amount,
            units: Units::default(),
            at,
            share: None,
            of,
            node: Some(said.names_only()),
        });
    }
    for child in &node.items {
        collect(child, Some(node.amount), &labels_here, out);
    }
}

/// What a node says of its figures besides them: its labels (its own first, then its parents'), its
/// comparison, whether its subject is in doubt, and its history.
fn said_of(node: &Node, labels: Vec<String>) -> Said {
    let spanned = |figure: Option<Amount>, at: Option<Span>| figure.zip(at);
    Said {
        labels,
        comparison: node.comparison.map(|c| (c, node.spans.comparison)),
        // A name the extractor guessed casts the same doubt as a subject carried over.
        subject_in_doubt: node
            .doubt
            .iter()
            .any(|d| matches!(d, Doubt::Subject | Doubt::Name)),
        history: History {
            prior: spanned(node.prior, node.spans.prior),
            change: spanned(node.change, node.spans.change),
            change_pct: spanned(node.change_pct, node.spans.change_pct),
        },
    }
}

struct Addition {
    amount: Amount,
    at: Span,
    share: Option<Share>,
    of: RestatedFigure,
    said: Said,
    units: Units,
}

fn apply(report: &mut Report, path: &str, addition: Addition) {
    let parent = path
        .rsplit_once('/')
        .and_then(|(parent, _)| report.node_at(parent))
        .map(|p| p.amount.value());
    let Some(node) = node_at_mut(report, path) else {
        return;
    };
    let units = addition.units;
    // A budget the tables do not print (a 决算's 项 has none) is the text's: it becomes the row's.
    if addition.of == RestatedFigure::Budget && node.budget.is_none() {
        node.budget = Some(shift_to(addition.amount, units.printed, units.report));
        node.spans.budget = Some(addition.at);
        return;
    }
    let row = addition.of.of_node(node);
    if let Some(amount) = row.and_then(|r| units.restatement(r.value(), addition.amount)) {
        node.restated.push(Restatement {
            amount,
            at: Some(addition.at),
            of: addition.of,
        });
    }
    if addition.of == RestatedFigure::Budget {
        return;
    }
    // What the words say of the amount against its budget (决算数小于预算数) goes with the row, in the
    // extractor's doubt when it carried the subject over from another sentence.
    if let (Some((said, at)), None) = (addition.said.comparison, node.comparison) {
        node.comparison = Some(said);
        node.spans.comparison = at;
        if addition.said.subject_in_doubt && !node.doubt.contains(&Doubt::Subject) {
            node.doubt.push(Doubt::Subject);
        }
    }
    let history = units.history(node.amount.value(), addition.said.history);
    carry_history(node, history);
    // A stated share goes with the row only when the text's base is the row's parent as printed: a share
    // of another total (支出总计, 财政拨款支出) must not be checked against this table's 合计.
    if let (Some(share), Some(parent), None) = (addition.share, parent, node.share) {
        if units.agrees(parent, share.base) {
            node.share = Some(share.percent);
            node.spans.share = share.at;
        }
    }
}

/// Last year's amount and the change from it, as the text prints them with the row's amount, go with a row
/// that prints none (a budget's tables print no prior year): the checker then holds the text's rate to the
/// table's amount (`比2025年预算执行数增加17.62%` after `43269.3万元` and `3845.49万元`).
fn carry_history(node: &mut Node, history: History) {
    let Some((prior, at)) = history.prior else {
        return;
    };
    if node.prior.is_some() {
        return;
    }
    node.prior = Some(prior);
    node.spans.prior = Some(at);
    if let (Some((change, at)), None) = (history.change, node.change) {
        node.change = Some(change);
        node.spans.change = Some(at);
    }
    if let (Some((rate, at)), None) = (history.change_pct, node.change_pct) {
        node.change_pct = Some(rate);
        node.spans.change_pct = Some(at);
    }
}

fn node_at_mut<'r>(report: &'r mut Report, path: &str) -> Option<&'r mut Node> {
    let mut ids = path.split('/');
    let first = ids.next()?;
    let mut node = report.breakdowns.iter_mut().find(|n| n.id == first)?;
    for id in ids {
        node = node.items.iter_mut().find(|n| n.id == id)?;
    }
    Some(node)
}

/// A table row a text may name: its folded label, its path, and the word that scopes its table in a
/// sentence (财政拨款收入支出总计 is the 财政拨款 总表's 总计, not the 总表's).
struct Target {
    label: String,
    path: String,
    scope: Option<&'static str>,
    /// The row's amount in the report's unit.
    amount: Decimal,
    /// The row's budget (a 决算's 三公 table prints one), in the report's unit.
    budget: Option<Decimal>,
    /// The label of the row it sits under, folded.
    parent_label: Option<String>,
}

/// Table rows a text may name, in order of preference — rows of the tables by function first (the text's
/// 类/款/项 are theirs), then the 总表's.
fn targets(report: &Report) -> Vec<Target> {
    const ORDER: &[&str] = &[
        "gpb_by_function",
        "expenditure_by_function",
        "income",
        "expenditure",
        "gpb_basic",
        "three_public",
        "admin_costs",
        "fiscal_income",
        "fiscal_expenditure",
        "income_by_function",
    ];
    let mut out = Vec::new();
    for root_id in ORDER {
        let Some(root) = report.breakdowns.iter().find(|b| b.id == *root_id) else {
            continue;
        };
        let scope = if root_id.starts_with("fiscal") {
            Some("财政拨款")
        } else if root_id.starts_with("gpb") {
            Some("一般公共预算")
        } else {
            None
        };
        walk(root, root.id.clone(), None, scope, &mut out);
    }
    out
}

fn walk(
    node: &Node,
    path: String,
    parent_label: Option<&str>,
    scope: Option<&'static str>,
    out: &mut Vec<Target>,
) {
    let label = fold(&node.label);
    // A 合计 row is named by its table, not by the word 合计.
    let mut labels = vec![label];
    labels.retain(|l| !l.is_empty() && l != "合计");
    // The 三公 total as a narrative names it (the template's “三公”经费财政拨款支出), not as its column.
    if path == "three_public" {
        labels.extend(THREE_PUBLIC_NAMES.iter().map(|n| n.to_string()));
    }
    for label in labels {
        out.push(Target {
            label,
            path: path.clone(),
            scope,
            amount: node.amount.value(),
            budget: node.budget.map(|b| b.value()),
            parent_label: parent_label.map(fold),
        });
    }
    for child in &node.items {
        walk(
            child,
            format!("{path}/{}", child.id),
            Some(&node.label),
            scope,
            out,
        );
    }
}

/// The row whose label is printed right before the figure (after the previous punctuation): a row of a
/// table whose scope word the sentence names first, then the longest label. Rows named alike in several
/// tables (公务接待费 in the 三公 table and among the economic classes) are told apart by the figure: the
/// row it agrees with, else the first in order of preference.
fn row_named_before(chars: &[char], stated: &Stated, targets: &[Target]) -> Option<String> {
    let end = stated.at.start.min(chars.len());
    let start = end.saturating_sub(LOOKBACK_CHARS);
    let window: String = chars[start..end].iter().collect();
    let clause = window
        .rsplit(['，', '。', '；', ',', ';', '：', ':'])
        .next()
        .unwrap_or(&window);
    let words = bare(&fold(clause))
        .replace("(类)", "")
        .replace("(款)", "")
        .replace("(项)", "");
    let mut words = words.trim_end_matches(['为', '是', '达']);
    // A budget is named by its row and then the budget words: `“三公”经费财政拨款支出年初预算为0.95万元`.
    if stated.of == RestatedFigure::Budget {
        words = BUDGET_WORDS
            .iter()
            .find_map(|w| words.strip_suffix(w))
            .unwrap_or(words);
    }
    let score = |t: &Target| {
        (
            t.scope.is_some_and(|w| words.contains(w)),
            t.label.chars().count(),
        )
    };
    let named: Vec<&Target> = targets
        .iter()
        .filter(|t| words.ends_with(bare(&t.label).as_str()))
        .filter(|t| stated.of == RestatedFigure::Amount || t.budget.is_some())
        .collect();
    // Only amounts and budgets are collected (see [`collect`]).
    let figure = |t: &Target| match stated.of {
        RestatedFigure::Budget => t.budget.unwrap_or_default(),
        _ => t.amount,
    };
    let best = named.iter().map(|t| score(t)).max()?;
    let candidates: Vec<&&Target> = named.iter().filter(|t| score(t) == best).collect();
    candidates
        .iter()
        .find(|t| stated.units.agrees(figure(t), stated.amount))
        .or(candidates.first())
        .map(|t| t.path.clone())
}

/// Words without quotation marks: `“三公”经费` and `三公经费` name the same.
fn bare(words: &str) -> String {
    words
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\''))
        .collect()
}

/// The row the extractor's node names, for a figure whose own words name none (`支出决算为1511.89万元` in a
/// numbered item headed `1、一般公共服务支出（类）财政事务（款）行政运行（项）`): a row labelled as the node is,
/// under a row labelled as the node's parent when the text names one; of several, the one the figure agrees
/// with, else the first in order of preference.
fn row_named_by_node(stated: &Stated, targets: &[Target]) -> Option<String> {
    let names = class_path_names(&stated.node.as_ref()?.labels);
    let own = names.first()?.clone();
    let parent = names.get(1).cloned();
    let named: Vec<&Target> = targets
        .iter()
        .filter(|t| bare(&t.label) == own)
        .filter(|t| match (&parent, &t.parent_label) {
            (Some(parent), Some(theirs)) => bare(theirs) == *parent,
            _ => true,
        })
        .collect();
    let figure = |t: &Target| match stated.of {
        RestatedFigure::Budget => t.budget,
        _ => Some(t.amount),
    };
    named
        .iter()
        .find(|t| figure(t).is_some_and(|f| stated.units.agrees(f, stated.amount)))
        .or(named.first())
        .map(|t| t.path.clone())
}

/// The names of a node and its parents, innermost first, folded and without quotes. A label that prints a
/// class path (`财政事务（款）行政运行（项）`, `住房保障支出（221类）住房改革支出（02款）住房公积金（01项）`) gives
/// each of its parts, the 项 first.
fn class_path_names(labels: &[String]) -> Vec<String> {
    let mut names = Vec::new();
    for label in labels {
        let mut parts = Vec::new();
        let mut part = String::new();
        let mut rest = bare(&fold(label));
        while let Some(open) = rest.find('(') {
            let Some(close) = rest[open..].find(')').map(|c| open + c) else {
                break;
            };
            let marker = &rest[open + 1..close];
            let is_level = marker.ends_with(['类', '款', '项'])
                && marker[..marker.len() - '类'.len_utf8()]
                    .bytes()
                    .all(|b| b.is_ascii_digit());
            part.push_str(&rest[..open]);
            if is_level {
                parts.push(std::mem::take(&mut part));
            } else {
                part.push_str(&rest[open..=close]);
            }
            rest = rest[close + 1..].to_string();
        }
        part.push_str(&rest);
        parts.push(part);
        names.extend(parts.into_iter().rev().filter(|p| !p.is_empty()));
    }
    names
}

/// The stated figure is the row's figure rounded to the stated decimals.
fn agrees(row: Decimal, stated: Decimal) -> bool {
    let rounded =
        row.round_dp_with_strategy(stated.scale(), RoundingStrategy::MidpointAwayFromZero);
    rounded == stated
}

#[cfg(test)]
mod tests {
    use super::*;
    use budget_lens_core::report::{Unit, FORMAT_V1};

    fn report() -> Report {
        let mut root = Node::new("gpb_by_function", "合计", "2940.05".parse().unwrap());
        root.items.push(Node::new(
            "201",
            "一般公共服务支出",
            "2106.66".parse().unwrap(),
        ));
        Report {
            format: FORMAT_V1.to_string(),
            title: String::new(),
            entity: String::new(),
            year: Some(2024),
            phase: None,
            unit: Unit::WanYuan,
            source: None,
            breakdowns: vec![root],
            relations: Vec::new(),
            unplaced: Vec::new(),
        }
    }

    fn with_share(base: &str) -> Addition {
        Addition {
            units: Units::default(),
            amount: Amount("2106.66".parse().unwrap()),
            at: Span { start: 10, end: 17 },
            share: Some(Share {
                percent: Amount("71.73".parse().unwrap()),
                at: Some(Span { start: 21, end: 26 }),
                base: Amount(base.parse().unwrap()),
            }),
            of: RestatedFigure::Amount,
            said: Said::default(),
        }
    }

    #[test]
    fn a_share_goes_with_its_row_only_when_the_texts_base_is_the_rows_parent() {
        let mut same_base = report();
        apply(&mut same_base, "gpb_by_function/201", with_share("2940.05"));
        let row = same_base.node_at("gpb_by_function/201").unwrap();
        assert_eq!(
            row.share.map(|s| s.value().to_string()).as_deref(),
            Some("71.73")
        );
        assert_eq!(row.spans.share, Some(Span { start: 21, end: 26 }));
        // A share of 支出总计 (2995.39) stated next to the same amount: the restatement, not the share.
        let mut other_base = report();
        apply(
            &mut other_base,
            "gpb_by_function/201",
            with_share("2995.39"),
        );
        let row = other_base.node_at("gpb_by_function/201").unwrap();
        assert_eq!(row.restated.len(), 1);
        assert!(row.share.is_none());
    }

    #[test]
    fn the_words_before_a_figure_name_its_row() {
        let target = |label: &str, path: &str, scope| Target {
            label: label.into(),
            path: path.into(),
            scope,
            amount: Decimal::ZERO,
            budget: None,
            parent_label: None,
        };
        let targets = vec![
            target(
                "一般公共服务支出",
                "gpb_by_function/201",
                Some("一般公共预算"),
            ),
            target("本年收入合计", "income/current_year", None),
            target("收入总计", "income", None),
            target("总计", "fiscal_income", Some("财政拨款")),
            target(
                "本年收入合计",
                "fiscal_income/current_year",
                Some("财政拨款"),
            ),
        ];
        let text: Vec<char> =
            "收入总计2995.39万元。本年收入合计2946.25万元，一般公共服务支出（类）2106.66万元。财政拨款收入支出总计0.3万元"
                .chars()
                .collect();
        let find = |figure: &str| {
            let s: String = text.iter().collect();
            let start = s[..s.find(figure).unwrap()].chars().count();
            let at = Span {
                start,
                end: start + figure.chars().count(),
            };
            let stated = Stated {
                units: Units::default(),
                amount: Amount(figure.parse().unwrap()),
                at,
                share: None,
                of: RestatedFigure::Amount,
                node: None,
            };
            row_named_before(&text, &stated, &targets)
        };
        assert_eq!(find("2995.39").as_deref(), Some("income"));
        assert_eq!(find("2946.25").as_deref(), Some("income/current_year"));
        assert_eq!(find("2106.66").as_deref(), Some("gpb_by_function/201"));
        assert_eq!(find("0.3").as_deref(), Some("fiscal_income"));
    }

    #[test]
    fn a_budget_is_named_by_its_row_before_the_budget_words() {
        let mut root = Node::new("three_public", "“三公”经费合计", "0.00".parse().unwrap());
        root.budget = Some(Amount("0.00".parse().unwrap()));
        let mut report = report();
        report.breakdowns = vec![root];
        let targets = targets(&report);
        let text: Vec<char> = "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元。"
            .chars()
            .collect();
        let at = |start: usize, end: usize| Span { start, end };
        let budget = Stated {
            units: Units::default(),
            amount: Amount("0.95".parse().unwrap()),
            at: at(17, 21),
            share: None,
            of: RestatedFigure::Budget,
            node: None,
        };
        assert_eq!(
            row_named_before(&text, &budget, &targets).as_deref(),
            Some("three_public")
        );
        // The same words before an amount name no row: 年初预算 is no row's name.
        let as_amount = Stated {
            of: RestatedFigure::Amount,
            ..budget
        };
        assert_eq!(row_named_before(&text, &as_amount, &targets), None);
        apply(
            &mut report,
            "three_public",
            Addition {
                units: Units::default(),
                amount: budget.amount,
                at: budget.at,
                share: None,
                of: RestatedFigure::Budget,
                said: Said::default(),
            },
        );
        let findings = budget_lens_core::check::check(&report);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].expected.to_string(), "0.00");
        assert_eq!(findings[0].stated.to_string(), "0.95");
        assert!(findings[0]
            .message(budget_lens_core::Lang::Zh)
            .contains("的预算数印为0.00万元，在别处又印为0.95万元"));
    }

    #[test]
    fn a_figure_whose_words_name_no_row_takes_the_row_its_node_names() {
        // 1、一般公共服务支出（类）财政事务（款）行政运行（项）。…年初预算为1560.05万元，支出决算为1511.89万元。
        // 决算数大于预算数 — the extractor's node 行政运行 under 财政事务, with the comparison it read.
        let mut item = Node::new("2010601", "行政运行", "1511.89".parse().unwrap());
        item.code = Some("2010601".into());
        let mut class = Node::new("20106", "财政事务", "2106.66".parse().unwrap());
        class.items.push(item);
        let mut report = report();
        report.breakdowns[0].items[0].items.push(class);
        let targets = targets(&report);
        let said = |labels: &[&str]| Said {
            labels: labels.iter().map(|l| l.to_string()).collect(),
            comparison: Some((Comparison::Above, Some(Span { start: 40, end: 49 }))),
            subject_in_doubt: false,
            history: History::default(),
        };
        let stated = |of, amount: &str, labels: &[&str]| Stated {
            units: Units::default(),
            amount: Amount(amount.parse().unwrap()),
            at: Span { start: 20, end: 27 },
            share: None,
            of,
            node: Some(said(labels)),
        };
        let path = "gpb_by_function/201/20106/2010601";
        let actual = stated(
            RestatedFigure::Amount,
            "1511.89",
            &["行政运行（项）", "财政事务（款）"],
        );
        assert_eq!(row_named_by_node(&actual, &targets).as_deref(), Some(path));
        // Under another parent, the name is another row's.
        let elsewhere = stated(
            RestatedFigure::Amount,
            "1511.89",
            &["人大事务（款）行政运行（项）"],
        );
        assert_eq!(row_named_by_node(&elsewhere, &targets), None);
        for figure in [
            stated(RestatedFigure::Budget, "1560.05", &["行政运行"]),
            actual,
        ] {
            let addition = Addition {
                units: Units::default(),
                amount: figure.amount,
                at: figure.at,
                share: None,
                of: figure.of,
                said: figure.node.unwrap(),
            };
            apply(&mut report, path, addition);
        }
        let row = report.node_at(path).unwrap();
        assert_eq!(
            row.budget.map(|b| b.value().to_string()).as_deref(),
            Some("1560.05")
        );
        assert_eq!(row.comparison, Some(Comparison::Above));
        assert_eq!(
            class_path_names(&[
                "住房保障支出（221类）住房改革支出（02款）住房公积金（01项）".into()
            ]),
            ["住房公积金", "住房改革支出", "住房保障支出"]
        );
        let findings = budget_lens_core::check::check(&report);
        let comparison: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == budget_lens_core::check::Rule::Comparison)
            .collect();
        assert_eq!(comparison.len(), 1, "{findings:?}");
        assert_eq!(
            comparison[0].severity,
            budget_lens_core::check::Severity::Error
        );
    }

    #[test]
    fn last_years_amount_and_rate_go_to_a_row_without_a_prior() {
        let span = |start| Span {
            start,
            end: start + 4,
        };
        let amount = |a: &str| Amount(a.parse().unwrap());
        let history = History {
            prior: Some((amount("198.34"), span(10))),
            change: None,
            change_pct: Some((amount("5.27"), span(30))),
        };
        let mut row = Node::new("2210201", "住房公积金", "208.7959".parse().unwrap());
        carry_history(&mut row, history);
        assert_eq!(row.prior, Some(amount("198.34")));
        assert_eq!(row.change_pct, Some(amount("5.27")));
        assert_eq!(row.spans.change_pct, Some(span(30)));
        // A row that prints its own prior keeps it, and takes no rate from the text.
        let mut printed = Node::new("2210201", "住房公积金", "208.7959".parse().unwrap());
        printed.prior = Some(amount("190"));
        carry_history(&mut printed, history);
        assert_eq!(printed.prior, Some(amount("190")));
        assert_eq!(printed.change_pct, None);
    }

    /// A report in 元 whose narrative prints 万元: the text's figure is compared at its own precision, so its
    /// rounding is no contradiction; a real one is the row's restatement, in yuan.
    #[test]
    fn figures_printed_in_a_larger_unit_are_compared_at_their_own_precision() {
        let d = |s: &str| -> Decimal { s.parse().unwrap() };
        let units = Units::of(Unit::WanYuan, Unit::Yuan);
        let again = |row: &str, text: &str| {
            units
                .restatement(d(row), Amount(d(text)))
                .map(|a| a.value().to_string())
        };
        assert!(units.agrees(d("12345678.91"), Amount(d("1234.57"))));
        assert_eq!(again("12345678.91", "1234.57"), None);
        assert_eq!(again("12345678.91", "1234.56"), None);
        assert_eq!(again("1234567.00", "130.50"), Some("1305000".into()));
        // 19.75% from 20.30 to 24.31: 19.7537%, within what the prior's rounding explains; 17.62% is not.
        assert!(rate_holds(d("24.31"), d("20.30"), d("19.75")));
        assert!(!rate_holds(d("3845.49"), d("43269.3"), d("17.62")));
        assert!(!rate_holds(d("1"), d("0"), d("5")));
        let same = Units::of(Unit::WanYuan, Unit::WanYuan);
        assert_eq!(
            same.restatement(d("1234.57"), Amount(d("1234.5"))),
            Some(Amount(d("1234.5")))
        );
    }
}
