//! Recognised tables → a report of format v1 with the table extension (docs/FORMAT.md, "Imported tables"):
//! one breakdown per standard table, the identities across tables as relations, and an account of what was
//! found, used and missing.

mod economic;
mod figures;
mod ids;
mod names;
mod relations;
mod summary;
mod three_public;
mod tree;

pub use figures::{cell_name, shift_to};

use budget_lens_core::report::{Node, Phase, Report, Unit, FORMAT_V1};

use crate::kind::Kind;
use crate::table::Table;
use crate::text::fold;
use figures::Scale;
use summary::{side_tree, Side};

/// The standard tables every 部门预算/决算 publishes, in their usual order.
pub const STANDARD: &[Kind] = &[
    Kind::Summary,
    Kind::IncomeByFunction,
    Kind::ExpenditureByFunction,
    Kind::FiscalSummary,
    Kind::GeneralByFunction,
    Kind::BasicByEconomic,
    Kind::ThreePublic,
    Kind::GovFundByFunction,
    Kind::StateCapitalByFunction,
];

/// The report and what went into it.
#[derive(Debug, Clone)]
pub struct Import {
    pub report: Report,
    pub tables: Vec<Table>,
    /// Standard tables not found: their identities cannot be checked.
    pub missing: Vec<Kind>,
    /// Titles of tables found but not standard (project lists …), or a second table of a kind.
    pub unused: Vec<String>,
    /// Standard tables found without a figure (an empty table with its 注, or a 三公 table without data).
    pub without_figures: Vec<String>,
    /// The narrative's figures, and how many were attached to table rows.
    pub narrative: crate::narrative::Attached,
    /// Each breakdown's name from its table's title (root id, label), given by [`Import::name_roots`]
    /// once the narrative has found the rows by their printed words (合计, 收入总计).
    root_names: Vec<(String, String)>,
}

impl Import {
    /// Labels each breakdown by its table (`一般公共预算财政拨款支出`), not by its total row's word.
    pub fn name_roots(&mut self) {
        for (id, name) in std::mem::take(&mut self.root_names) {
            if let Some(root) = self.report.breakdowns.iter_mut().find(|b| b.id == id) {
                root.label = name;
            }
        }
    }

    /// How many figures the report holds (amounts, columns, budgets).
    pub fn figures(&self) -> usize {
        fn count(node: &Node) -> usize {
            1 + node.columns.len()
                + usize::from(node.budget.is_some())
                + node.items.iter().map(count).sum::<usize>()
        }
        self.report.breakdowns.iter().map(count).sum()
    }
}

/// Builds the report from the tables found. `None` when not one standard table is among them: the input is
/// not a budget report's tables.
pub fn build(tables: Vec<Table>) -> Option<Import> {
    if !STANDARD.iter().any(|k| first_of(&tables, *k).is_some()) {
        return None;
    }
    let mut building = Building {
        tables: &tables,
        report: empty_report(&tables),
        without_figures: Vec::new(),
        root_names: Vec::new(),
    };
    building.summaries();
    building.by_function();
    building.basic_by_economic();
    building.three_public();
    let Building {
        mut report,
        without_figures,
        root_names,
        ..
    } = building;
    relations::relations(&mut report);
    let missing = STANDARD
        .iter()
        .copied()
        .filter(|k| first_of(&tables, *k).is_none())
        .collect();
    let unused = unused_titles(&tables);
    Some(Import {
        report,
        tables,
        missing,
        unused,
        without_figures,
        narrative: Default::default(),
        root_names,
    })
}

/// The table of `kind`. A table listed twice (a contents page names it with a header below) is the one with
/// figures.
fn first_of(tables: &[Table], kind: Kind) -> Option<&Table> {
    let mut of_kind = tables.iter().filter(|t| t.kind == Some(kind));
    let first = of_kind.clone().next();
    of_kind.find(|t| !t.is_empty()).or(first)
}

/// The report's head, read from the tables' titles and mastheads; no breakdown yet.
fn empty_report(tables: &[Table]) -> Report {
    Report {
        format: FORMAT_V1.to_string(),
        title: String::new(),
        entity: tables
            .iter()
            .find_map(|t| t.masthead.as_deref().and_then(entity_of))
            .unwrap_or_default(),
        year: tables.iter().find_map(|t| year_of(&t.title)),
        phase: phase_of(tables),
        unit: report_unit(tables),
        source: None,
        breakdowns: Vec::new(),
        relations: Vec::new(),
        unplaced: Vec::new(),
    }
}

/// The report being built from the tables, one group of standard tables at a time.
struct Building<'t> {
    tables: &'t [Table],
    report: Report,
    without_figures: Vec<String>,
    root_names: Vec<(String, String)>,
}

impl<'t> Building<'t> {
    fn first(&self, kind: Kind) -> Option<&'t Table> {
        first_of(self.tables, kind)
    }

    /// Adds a table's breakdowns; a table that gave none is named as one without figures.
    fn add(&mut self, table: &Table, nodes: Vec<Node>) {
        if nodes.is_empty() {
            self.without_figures.push(table.title.clone());
        }
        for node in &nodes {
            if let Some(name) = root_name(table, &node.id) {
                self.root_names.push((node.id.clone(), name));
            }
        }
        self.report.breakdowns.extend(nodes);
    }

    /// The two summaries (收支总表, 财政拨款收支总表): an income and a spending tree each.
    fn summaries(&mut self) {
        let names = class_names(
            self.first(Kind::ExpenditureByFunction)
                .or(self.first(Kind::GeneralByFunction)),
        );
        let class_code = |name: &str| {
            let name = fold(name);
            names
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, c)| c.clone())
        };
        for (kind, income_id, spending_id) in [
            (Kind::Summary, "income", "expenditure"),
            (Kind::FiscalSummary, "fiscal_income", "fiscal_expenditure"),
        ] {
            let Some(table) = self.first(kind) else {
                continue;
            };
            let scale = Scale::new(table, self.report.unit);
            let sides = [(Side::Income, income_id), (Side::Expenditure, spending_id)];
            let nodes = table
                .halves
                .iter()
                .zip(sides)
                .filter_map(|(half, (side, id))| side_tree(half, &scale, side, id, &class_code))
                .collect();
            self.add(table, nodes);
        }
    }

    /// The tables by function class (收入, 支出, 一般公共预算, 政府性基金, 国有资本经营): one class tree each.
    fn by_function(&mut self) {
        for (kind, id) in [
            (Kind::IncomeByFunction, "income_by_function"),
            (Kind::ExpenditureByFunction, "expenditure_by_function"),
            (Kind::GeneralByFunction, "gpb_by_function"),
            (Kind::GovFundByFunction, "gov_fund_by_function"),
            (Kind::StateCapitalByFunction, "state_capital_by_function"),
        ] {
            let Some(table) = self.first(kind) else {
                continue;
            };
            let scale = Scale::new(table, self.report.unit);
            let tree = table
                .halves
                .first()
                .and_then(|h| tree::class_tree(h, &scale, id));
            self.add(table, tree.into_iter().collect());
        }
    }

    /// 基本支出 by economic class, under the 基本支出 合计 of the 一般公共预算 table when there is one.
    fn basic_by_economic(&mut self) {
        let Some(table) = self.first(Kind::BasicByEconomic) else {
            return;
        };
        let scale = Scale::new(table, self.report.unit);
        let basic_total = basic_total(&self.report);
        let nodes = economic::basic_by_economic(table, &scale, basic_total);
        self.add(table, nodes);
    }

    /// The 三公 table (with its budget column in a 决算).
    fn three_public(&mut self) {
        let Some(table) = self.first(Kind::ThreePublic) else {
            return;
        };
        let scale = Scale::new(table, self.report.unit);
        let final_accounts = self.report.phase == Some(Phase::Final);
        let nodes = table
            .halves
            .first()
            .map(|h| three_public::three_public(h, &scale, final_accounts))
            .unwrap_or_default();
        self.add(table, nodes);
    }
}

/// The name of a breakdown `id` from `table`: the table's, with the side of a 总表. The 三公 table's
/// breakdowns keep theirs: they name its items (“三公”经费合计, 机关运行经费), not a total row's word.
fn root_name(table: &Table, id: &str) -> Option<String> {
    match table.kind {
        Some(Kind::ThreePublic) => None,
        Some(Kind::Summary | Kind::FiscalSummary) => {
            let side = if id.ends_with("income") {
                "收入"
            } else {
                "支出"
            };
            Some(names::side_name(&table.title, side))
        }
        _ => Some(names::table_name(&table.title)),
    }
}

/// The 基本支出 合计 of the 一般公共预算 table by function, as a node (the root of a 决算's economic table).
fn basic_total(report: &Report) -> Option<Node> {
    let gpb = report.node_at("gpb_by_function")?;
    let column = gpb.columns.iter().find(|c| c.id == "basic")?;
    let mut node = Node::new("gpb_basic", "基本支出", column.amount.value());
    node.printed = column.printed.clone();
    Some(node)
}

/// Names → codes of the class (类) rows of a table by function.
fn class_names(table: Option<&Table>) -> Vec<(String, String)> {
    table
        .and_then(|t| t.halves.first())
        .map(|h| {
            h.rows
                .iter()
                .filter_map(|r| Some((fold(&r.name), r.code.clone().filter(|c| c.len() == 3)?)))
                .collect()
        })
        .unwrap_or_default()
}

/// The report's unit: the unit the document's standard tables print their figures in, so that every amount
/// is the figure as printed (`87,267,272.44` 元 stays `87267272.44`, and the chart and the findings say
/// 87,267,272.44元, a figure a reader can find on the page).
///
/// When the tables print in different units (a 预算's tables in 元, its 三公 table in 万元), the unit most
/// of them print in (of those with figures; a tie goes to the larger unit): the other tables' figures are
/// converted exactly (`Scale`), and the narrative's figures in a larger unit are compared at their own
/// precision (`narrative`). A figure in a larger unit than the report's is multiplied out (10.81万元 is
/// 108100元) and its `printed` says the unit and decimals it was printed with: the checker holds it to
/// them (100 yuan, not the yuan) and a reader is shown 10.81万元.
fn report_unit(tables: &[Table]) -> Unit {
    let standard: Vec<&Table> = tables.iter().filter(|t| t.kind.is_some()).collect();
    let with_figures: Vec<&Table> = standard.iter().copied().filter(|t| !t.is_empty()).collect();
    let counted = if with_figures.is_empty() {
        standard
    } else {
        with_figures
    };
    [Unit::YiYuan, Unit::WanYuan, Unit::Yuan]
        .into_iter()
        .map(|unit| (counted.iter().filter(|t| t.unit == unit).count(), unit))
        .filter(|(count, _)| *count > 0)
        .max_by_key(|(count, unit)| (*count, unit.yuan_per_unit()))
        .map_or(Unit::WanYuan, |(_, unit)| unit)
}

fn phase_of(tables: &[Table]) -> Option<Phase> {
    let titles: String = tables
        .iter()
        .filter(|t| t.kind.is_some())
        .map(|t| t.title.as_str())
        .collect();
    if titles.contains("决算") {
        Some(Phase::Final)
    } else if titles.contains("预算") {
        Some(Phase::Budget)
    } else {
        None
    }
}

/// `2026年…` → 2026.
pub(crate) fn year_of(title: &str) -> Option<i32> {
    let at = title.find('年')?;
    let digits: String = title[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    let year: String = digits.chars().rev().collect();
    (year.len() == 4).then(|| year.parse().ok()).flatten()
}

/// `编制单位：上海市普陀区财政局  单位：万元` → `上海市普陀区财政局`.
pub(crate) fn entity_of(masthead: &str) -> Option<String> {
    let folded = fold(masthead);
    let after = folded.split_once(':').map(|(_, rest)| rest)?;
    let entity = after.split("单位:").next().unwrap_or(after).trim();
    (!entity.is_empty()).then(|| entity.to_string())
}

fn unused_titles(tables: &[Table]) -> Vec<String> {
    let mut seen = Vec::new();
    let mut unused = Vec::new();
    for table in tables {
        match table.kind {
            Some(kind) if !seen.contains(&kind) => seen.push(kind),
            _ => unused.push(table.title.clone()),
        }
    }
    unused
}
