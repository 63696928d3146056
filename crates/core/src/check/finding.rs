//! A finding of the checker: which rule, how grave, on which node, stated vs expected, and where.

use rust_decimal::Decimal;
use serde::Serialize;

use super::place::Places;
use crate::i18n::Lang;
use crate::report::{Comparison, Doubt, Printing, RestatedFigure, Span, Unit};

/// The consistency rules (docs/FORMAT.md, "Findings").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A parent against its complete items.
    Sum,
    /// A parent against partial items: Σitems ≤ amount.
    PartialSum,
    /// A stated share against 100·amount/base.
    Share,
    /// The stated shares of a complete set of items against 100%.
    SharesTotal,
    /// A stated change against amount − prior.
    Change,
    /// A stated change rate against change/prior.
    ChangePct,
    /// A stated budget completion rate against amount/budget.
    Completion,
    /// The same figure printed twice.
    Restated,
    /// A relation across breakdowns.
    Relation,
    /// A negative amount.
    Negative,
    /// The stated changes of a complete set of items against the parent's stated change.
    ChangeSum,
    /// The budgets of a complete set of items against the parent's budget.
    BudgetSum,
    /// A table column of a parent row against the same column of its child rows.
    ColumnSum,
    /// A table row's total against its columns.
    RowSum,
    /// A classification code that does not fit under its parent's.
    Code,
    /// A final figure said in words to be above, below or equal to its budget, against the two figures.
    Comparison,
    /// A stated change against the budget against amount − budget.
    ChangeVsBudget,
    /// A stated change rate against the budget against change/budget.
    ChangeVsBudgetPct,
    /// The stated changes against the budget of a complete set of items against the parent's.
    ChangeVsBudgetSum,
    /// The prior-year amounts of a complete set of items against the parent's.
    PriorSum,
    /// A year the document prints in a heading or a year-end date against the report's year.
    Year,
    /// The department a heading names against the report's.
    Entity,
    /// A table the contents page lists that the document does not print.
    MissingTable,
    /// A function class the text names with its code (`医疗卫生与计划生育支出（210类）`) against the name the
    /// tables print for that code.
    ClassName,
    /// A note saying a table is empty (`故本表为空表`) against the figures the table prints.
    EmptyNote,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::Sum => "sum",
            Rule::PartialSum => "partial_sum",
            Rule::Share => "share",
            Rule::SharesTotal => "shares_total",
            Rule::Change => "change",
            Rule::ChangePct => "change_pct",
            Rule::Completion => "completion",
            Rule::Restated => "restated",
            Rule::Relation => "relation",
            Rule::Negative => "negative",
            Rule::ChangeSum => "change_sum",
            Rule::BudgetSum => "budget_sum",
            Rule::ColumnSum => "column_sum",
            Rule::RowSum => "row_sum",
            Rule::Code => "code",
            Rule::Comparison => "comparison",
            Rule::ChangeVsBudget => "change_vs_budget",
            Rule::ChangeVsBudgetPct => "change_vs_budget_pct",
            Rule::ChangeVsBudgetSum => "change_vs_budget_sum",
            Rule::PriorSum => "prior_sum",
            Rule::Year => "year",
            Rule::Entity => "entity",
            Rule::MissingTable => "missing_table",
            Rule::ClassName => "class_name",
            Rule::EmptyNote => "empty_note",
        }
    }
}

/// How grave a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Expected rounding effects a reader should not be alarmed by.
    Note,
    /// Visible disagreement that rounding can explain.
    Warning,
    /// Figures contradicting each other beyond anything rounding can explain.
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Severity::Note => lang.pick("提示", "note"),
            Severity::Warning => lang.pick("警告", "warning"),
            Severity::Error => lang.pick("错误", "error"),
        }
    }
}

/// One finding. Its message is produced in either language by [`Finding::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// Node path (`root-id/child-id/…`) or, for a relation, the relation's id.
    pub path: String,
    pub label: String,
    pub stated: Decimal,
    pub expected: Decimal,
    /// `stated − expected`.
    pub difference: Decimal,
    /// The largest difference that rounding of the printed figures explains.
    pub tolerance: Decimal,
    /// Where the stated figure is printed in `source.text`.
    pub at: Option<Span>,
    /// What the message needs beyond the numbers above.
    pub detail: Detail,
    /// The report's doubt that made an error a warning (docs/FORMAT.md, "Doubt").
    pub doubt: Option<Doubt>,
    /// Where its figures are printed, in words (filled in by [`crate::check::check`]).
    pub places: Places,
    /// How its node's table printed the figures, when in another unit than the report's (filled in by
    /// [`crate::check::check`]): the message says them as printed (`10.81万元`); `stated`, `expected`,
    /// `difference` and `tolerance` stay in the report's unit.
    pub printing: Option<Printing>,
}

/// The figures a message explains, per rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// Items and their sum (`partial`: the items need not exhaust the amount).
    Parts {
        count: usize,
        partial: bool,
        unit: Unit,
    },
    /// A share: the amount, the base and the base's label.
    Share {
        amount: Decimal,
        base: Decimal,
        base_label: String,
        unit: Unit,
    },
    /// Shares of `count` items against 100%.
    Shares { count: usize },
    /// A change: current and prior amounts (`against_budget`: the prior is the year's budget).
    Change {
        amount: Decimal,
        prior: Decimal,
        against_budget: bool,
        unit: Unit,
    },
    /// A change rate: the change over the prior amount (either may be derived from the other;
    /// `against_budget`: the prior is the year's budget).
    ChangeRate {
        change: Decimal,
        prior: Decimal,
        against_budget: bool,
        unit: Unit,
    },
    /// A completion rate: the amount over the budget.
    Completion {
        amount: Decimal,
        budget: Decimal,
        unit: Unit,
    },
    /// A figure printed twice: the node's amount, or (`figure`) its budget, change or change rate.
    Restated { unit: Unit, figure: RestatedFigure },
    /// What the words say of the amount against the budget (`stated`), and the two figures.
    Comparison {
        said: Comparison,
        amount: Decimal,
        budget: Decimal,
        unit: Unit,
    },
    /// A relation's two sides, as labels.
    Relation {
        left: Vec<String>,
        right: Vec<String>,
        unit: Unit,
    },
    /// A negative amount.
    Negative { unit: Unit },
    /// The items' changes (`budget`: their budgets; `against_budget`: their changes against the budget;
    /// `prior`: their prior-year amounts) and their sum.
    ItemsOf {
        count: usize,
        budget: bool,
        against_budget: bool,
        prior: bool,
        unit: Unit,
    },
    /// What the document says of itself (its headings, dates, contents) against the report.
    Document(DocumentDetail),
    /// A rule on an imported table (its title, or empty).
    Table {
        table: String,
        detail: TableDetail,
        unit: Unit,
    },
}

/// What a document rule's message needs. Its `stated` and `expected` are years (`year`), or zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentDetail {
    /// A heading (the finding's span is its line) naming another year than the report's.
    HeadingYear,
    /// A year-end date (`截至2023年12月31日`) of another year than a final account's.
    YearEnd,
    /// A heading naming another department (`printed`) than the report's (`entity`).
    HeadingEntity { printed: String, entity: String },
    /// A table listed in the contents (its title) that no line of the document prints.
    MissingTable { title: String },
    /// A comparison (the finding's span) with the document's own year and kind (`比2026年预算` in the 2026
    /// budget) or a later year: `budget` says which kind it names; `own_year` is the report's.
    ComparedYear { budget: bool, own_year: i32 },
    /// A class named in the text (`printed`) with the code of a table row named otherwise (`table`).
    ClassName { code: String, table: String },
    /// A note (the finding's span) saying there is none of what a table (`label`) prints: `stated` is the
    /// table's total, in `unit`.
    EmptyNote { unit: Unit },
}

/// What a table rule's message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableDetail {
    /// A column (its label) against the same column of `count` child rows.
    ColumnSum { column: String, count: usize },
    /// A row's total against its columns (their labels).
    RowSum { columns: Vec<String> },
    /// A code and its parent's.
    Code { code: String, parent: String },
    /// The same quantity printed in two tables: where each was printed, in words.
    CrossTable { left: String, right: String },
}

/// A finding as written by `check --json`, with its message in one language.
#[derive(Debug, Clone, Serialize)]
pub struct FindingOut<'a> {
    pub rule: Rule,
    pub severity: Severity,
    pub path: &'a str,
    pub label: &'a str,
    #[serde(serialize_with = "as_string")]
    pub stated: Decimal,
    #[serde(serialize_with = "as_string")]
    pub expected: Decimal,
    #[serde(serialize_with = "as_string")]
    pub difference: Decimal,
    #[serde(serialize_with = "as_string")]
    pub tolerance: Decimal,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doubt: Option<Doubt>,
}

fn as_string<S: serde::Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&crate::exact::Text(*value))
}

impl Detail {
    /// Whether the finding's figures are percentages, its gap and rounding envelope in percentage points.
    pub fn in_percentage_points(&self) -> bool {
        matches!(
            self,
            Detail::Share { .. }
                | Detail::Shares { .. }
                | Detail::ChangeRate { .. }
                | Detail::Completion { .. }
                | Detail::Restated {
                    figure: RestatedFigure::ChangePct,
                    ..
                }
        )
    }

    /// Whether the finding compares a figure the narrative prints in its own words (a change or rate printed
    /// twice), whose precision is its own and never the node's table's (docs/FORMAT.md, "Which figures").
    pub fn of_narrative_figure(&self) -> bool {
        matches!(
            self,
            Detail::Restated {
                figure: RestatedFigure::Change | RestatedFigure::ChangePct,
                ..
            }
        )
    }
}

impl Finding {
    /// The finding as written out, with its message in `lang`.
    pub fn to_out(&self, lang: Lang) -> FindingOut<'_> {
        FindingOut {
            rule: self.rule,
            severity: self.severity,
            path: &self.path,
            label: &self.label,
            stated: self.stated,
            expected: self.expected,
            difference: self.difference,
            tolerance: self.tolerance,
            message: self.message(lang),
            at: self.at,
            doubt: self.doubt,
        }
    }
}
