//! The report model of format `budget-lens/1` (see docs/FORMAT.md).
//!
//! Every amount is an exact [`Decimal`] that keeps the scale it was printed with (`"11.00"` has scale 2,
//! `"7.3"` scale 1): the checker derives its rounding tolerances from that printed precision.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::amount::{opt_amount, Amount};
use super::printed::{Column, Printed};

/// The only format this crate reads and writes.
pub const FORMAT_V1: &str = "budget-lens/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub format: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub entity: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    #[serde(default)]
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default)]
    pub breakdowns: Vec<Node>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    /// Extension: sentences of `source.text` that state amounts the extractor could not place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<Unplaced>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// 预算
    Budget,
    /// 决算
    Final,
}

/// The unit of every amount in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Unit {
    #[serde(rename = "元")]
    Yuan,
    #[default]
    #[serde(rename = "万元")]
    WanYuan,
    #[serde(rename = "亿元")]
    YiYuan,
}

impl Unit {
    /// The unit as printed in Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
            Unit::YiYuan => "亿元",
        }
    }

    /// The unit in English words.
    pub fn en(self) -> &'static str {
        match self {
            Unit::Yuan => "yuan",
            Unit::WanYuan => "10,000 yuan",
            Unit::YiYuan => "100 million yuan",
        }
    }

    /// The power of ten of one unit in yuan (万元: 4).
    pub fn exponent(self) -> i32 {
        match self {
            Unit::Yuan => 0,
            Unit::WanYuan => 4,
            Unit::YiYuan => 8,
        }
    }

    /// How many yuan one unit is.
    pub fn yuan_per_unit(self) -> u64 {
        match self {
            Unit::Yuan => 1,
            Unit::WanYuan => 10_000,
            Unit::YiYuan => 100_000_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A range of `source.text` in characters (Unicode scalar values), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The spanned characters of `text`, or `None` when the span does not fit the text.
    pub fn slice(self, text: &str) -> Option<String> {
        if self.start > self.end {
            return None;
        }
        let taken: String = text
            .chars()
            .skip(self.start)
            .take(self.end - self.start)
            .collect();
        (taken.chars().count() == self.end - self.start).then_some(taken)
    }
}

/// A doubt about a node's structure, written by whoever guessed it (docs/FORMAT.md, "Doubt").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Doubt {
    /// Its items were gathered without a list the text marks (`其中:`, `包括:`, numbered items): they may be
    /// incomplete or not all its own. Casts doubt on `sum`, `partial_sum`, `shares_total`.
    List,
    /// Its share, change, rate or budget was printed in a later sentence whose subject was carried over.
    /// Casts doubt on `share`, `change`, `change_pct`, `completion`.
    Subject,
    /// Its rates were read from a table pasted as text whose header does not name their columns (the column
    /// order was assumed). Casts doubt on `change_pct`, `completion`.
    Columns,
    /// Its name was taken from the words before its amount by the extractor's fallback, which no rule for the
    /// phrasing placed: what the figure is about is a guess. Casts doubt on what `Subject` does.
    Name,
}

impl Doubt {
    pub fn name(self) -> &'static str {
        match self {
            Doubt::List => "list",
            Doubt::Subject => "subject",
            Doubt::Columns => "columns",
            Doubt::Name => "name",
        }
    }
}

/// How a final figure stands against its budget, as the text says it in words (`决算数大于预算数`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Comparison {
    /// 决算数大于预算数
    Above,
    /// 决算数小于预算数
    Below,
    /// 决算数等于预算数 / 与预算数持平
    Equal,
}

/// One figure of a breakdown: a total, a part, a class of spending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub amount: Amount,
    /// Stated percentage of `share_of` (default: the parent).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_amount")]
    pub share: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_of: Option<String>,
    /// Extension: the name of the share's base, as printed, when no node carries it (`占支出总预算的4.04%` in a
    /// text that never prints 支出总预算's amount). Consecutive shares of one such base that add up to 100% are
    /// its whole: each is checked against the sum of their amounts, as a warning at most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_base: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_amount")]
    pub prior: Option<Amount>,
    /// Stated change from the prior year, signed.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_amount")]
    pub change: Option<Amount>,
    /// Stated change in percent, signed.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_amount")]
    pub change_pct: Option<Amount>,
    /// 年初预算
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_amount")]
    pub budget: Option<Amount>,
    /// Stated 完成年初预算的 %.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_amount")]
    pub completion_pct: Option<Amount>,
    /// Extension: how the amount stands against `budget`, said in words (`决算数小于预算数`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// Extension: stated change against the budget (`比预算数减少x万元`, `较年初预算增加x万元`), signed:
    /// amount − budget.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_amount")]
    pub change_vs_budget: Option<Amount>,
    /// Extension: that change in percent of the budget, signed (`…下降23.42%`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_amount")]
    pub change_vs_budget_pct: Option<Amount>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restated: Vec<Restatement>,
    /// The items do not exhaust the amount (主要包括…).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    /// What the writer (the extractor) could not prove about this node; findings it casts doubt on are at
    /// most warnings, and say why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doubt: Vec<Doubt>,
    /// Where the amount is printed in `source.text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Span>,
    /// Extension: where the other stated figures are printed.
    #[serde(default, skip_serializing_if = "FigureSpans::is_empty")]
    pub spans: FigureSpans,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Node>,
    /// Extension (imported tables): the node's figures in its table's other columns, parts of `amount`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    /// Extension (imported tables): where the amount was printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<Printed>,
}

impl Node {
    /// A node with just an id, a label and an amount.
    pub fn new(id: impl Into<String>, label: impl Into<String>, amount: Decimal) -> Node {
        Node {
            id: id.into(),
            label: label.into(),
            code: None,
            amount: Amount(amount),
            share: None,
            share_of: None,
            share_base: None,
            prior: None,
            change: None,
            change_pct: None,
            budget: None,
            completion_pct: None,
            comparison: None,
            change_vs_budget: None,
            change_vs_budget_pct: None,
            restated: Vec::new(),
            partial: false,
            doubt: Vec::new(),
            at: None,
            spans: FigureSpans::default(),
            items: Vec::new(),
            columns: Vec::new(),
            printed: None,
        }
    }

    /// This node and all below it, depth first in document order.
    pub fn count(&self) -> usize {
        1 + self.items.iter().map(Node::count).sum::<usize>()
    }
}

/// Spans of a node's stated figures other than its amount (an extension of format v1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FigureSpans {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_pct: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_pct: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_vs_budget: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_vs_budget_pct: Option<Span>,
}

impl FigureSpans {
    pub fn is_empty(&self) -> bool {
        *self == FigureSpans::default()
    }
}

/// The same figure printed a second time: the node's amount, or (`of`) its budget, its change or its change
/// rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Restatement {
    pub amount: Amount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Span>,
    /// Extension: which of the node's figures is printed again (default: its amount).
    #[serde(default, skip_serializing_if = "RestatedFigure::is_amount")]
    pub of: RestatedFigure,
}

/// Which figure of a node a restatement prints again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RestatedFigure {
    #[default]
    Amount,
    Budget,
    /// The change from the prior year, printed again with the total (`收入总计…，比上年增加120.00万元`).
    Change,
    /// The change rate printed again with it.
    #[serde(rename = "change_pct")]
    ChangePct,
}

impl RestatedFigure {
    pub fn is_amount(&self) -> bool {
        *self == RestatedFigure::Amount
    }

    /// An amount or a budget: a figure a table row prints, in the report's unit or the table's, and one the
    /// items' amounts can add up to. A change and a rate are the text's only.
    pub fn is_row_figure(self) -> bool {
        matches!(self, RestatedFigure::Amount | RestatedFigure::Budget)
    }

    /// The node's figure this printing restates, if the node states it.
    pub fn of_node(self, node: &Node) -> Option<Amount> {
        match self {
            RestatedFigure::Amount => Some(node.amount),
            RestatedFigure::Budget => node.budget,
            RestatedFigure::Change => node.change,
            RestatedFigure::ChangePct => node.change_pct,
        }
    }

    /// Where the node's first printing of that figure is: its amount's place for the amount, the budget's own
    /// words where the text printed it (`预算数1.00万元`), else the amount's place (a table prints the budget in
    /// the amount's row), its spans for the others.
    pub fn first_at(self, node: &Node) -> Option<Span> {
        match self {
            RestatedFigure::Amount => node.at,
            RestatedFigure::Budget => node.spans.budget.or(node.at),
            RestatedFigure::Change => node.spans.change,
            RestatedFigure::ChangePct => node.spans.change_pct,
        }
    }
}

/// An identity across breakdowns: Σ amounts at `left` = Σ amounts at `right`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub id: String,
    #[serde(default)]
    pub label: String,
    pub left: Vec<String>,
    pub right: Vec<String>,
}

/// A sentence stating amounts that the extractor did not place in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unplaced {
    pub text: String,
    pub at: Span,
}

impl Report {
    /// The node at a path `root-id/child-id/…`, if any.
    pub fn node_at(&self, path: &str) -> Option<&Node> {
        let mut segments = path.split('/');
        let first = segments.next()?;
        let mut node = self.breakdowns.iter().find(|n| n.id == first)?;
        for segment in segments {
            node = node.items.iter().find(|n| n.id == segment)?;
        }
        Some(node)
    }

    /// How many nodes the report has in all.
    pub fn node_count(&self) -> usize {
        self.breakdowns.iter().map(Node::count).sum()
    }

    /// `source.text`, or the empty string.
    pub fn source_text(&self) -> &str {
        self.source
            .as_ref()
            .and_then(|s| s.text.as_deref())
            .unwrap_or("")
    }
}
