//! Identities across breakdowns (收支平衡, 财政拨款 by fund…) and the report's nodes written out.

use super::*;

/// When an identity across breakdowns holds.
#[derive(Clone, Copy, PartialEq)]
enum Holds {
    /// By definition (财政拨款支出 by fund).
    Always,
    /// 收入总计 = 支出总计 + 年末结转和结余, unless the text prints the two totals equal with something carried
    /// over: its totals are then the grand totals (收入支出决算总表's), which hold the carry-overs already.
    CarryoverOutside,
    /// 收入总计 = 支出总计 when the text lists 年末结转和结余 as an item of 支出总计.
    CarryoverInExpenditure,
    /// When the text shows nothing carried over: 财政拨款收入 is then spent within the year.
    NoCarryover,
    /// When all income is 一般公共预算财政拨款 and nothing is carried over: then all spending is too.
    AllGeneralBudget,
}

/// Identities across breakdowns, added when every path they name was extracted and their condition is met
/// by the extracted figures (an identity that does not hold for the unit would raise false errors).
/// (id, label, left paths, right paths, condition)
type RelationRule = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    Holds,
);

const RELATIONS: &[RelationRule] = &[
    (
        "balance",
        "收支平衡",
        &["income"],
        &["expenditure", "carryover_end"],
        Holds::CarryoverOutside,
    ),
    // Texts that count 年末结转和结余 within 支出总计.
    (
        "balance",
        "收支平衡",
        &["income"],
        &["expenditure"],
        Holds::CarryoverInExpenditure,
    ),
    (
        "fiscal",
        "财政拨款收支",
        &["income/fiscal"],
        &["fiscal_expenditure"],
        Holds::NoCarryover,
    ),
    (
        "fiscal_by_fund",
        "财政拨款支出按资金来源",
        &["fiscal_expenditure"],
        &[
            "gpb_by_function",
            "gov_fund_expenditure",
            "state_capital_expenditure",
        ],
        Holds::Always,
    ),
    (
        "general_budget",
        "一般公共预算财政拨款收支",
        &["income/fiscal/general_budget"],
        &["gpb_by_function"],
        Holds::NoCarryover,
    ),
    (
        "basic",
        "基本支出",
        &["expenditure/basic"],
        &["fiscal_expenditure/basic"],
        Holds::AllGeneralBudget,
    ),
    (
        "basic_gpb",
        "一般公共预算财政拨款基本支出",
        &["fiscal_expenditure/basic"],
        &["gpb_basic"],
        Holds::AllGeneralBudget,
    ),
    (
        "project",
        "项目支出",
        &["expenditure/project"],
        &["fiscal_expenditure/project"],
        Holds::AllGeneralBudget,
    ),
    (
        "personnel",
        "人员经费",
        &["gpb_basic/personnel"],
        &[
            "expenditure/basic/wages",
            "expenditure/basic/family_subsidy",
        ],
        Holds::AllGeneralBudget,
    ),
    (
        "public",
        "日常公用经费",
        &["gpb_basic/public"],
        &["expenditure/basic/goods_services"],
        Holds::AllGeneralBudget,
    ),
];

impl Assembler<'_> {
    pub(super) fn relations(&self) -> Vec<Relation> {
        let amount = |path: &str| self.node_at_path(path).map(|n| self.nodes[n].node.amount.0);
        // Nothing carried over only when the text says so: 年末结转和结余 printed as zero, and 上年结转 printed
        // as zero or income equal to spending. An unprinted carryover is not a zero one.
        let is_zero = |path: &str| amount(path).is_some_and(|a| a.is_zero());
        let balanced = amount("income").is_some() && amount("income") == amount("expenditure");
        let no_carryover = is_zero("carryover_end") && (is_zero("income/carryover") || balanced);
        let general_budget =
            amount("income/fiscal/general_budget").or(amount("income/general_budget"));
        let all_general_budget =
            no_carryover && general_budget.is_some() && general_budget == amount("income");
        let mut relations: Vec<Relation> = RELATIONS
            .iter()
            .filter(|(_, _, left, right, holds)| {
                let condition = match holds {
                    Holds::Always => true,
                    // A carry-over brought in named beside the year's income (see
                    // [`Assembler::carryover_after_parts`]): that income is not the grand total.
                    Holds::CarryoverOutside => {
                        let grand_totals =
                            balanced && amount("carryover_end").is_some_and(|a| !a.is_zero());
                        !grand_totals && !self.brought_in_beside_income()
                    }
                    Holds::CarryoverInExpenditure => {
                        self.node_at_path("expenditure/carryover_end").is_some()
                    }
                    Holds::NoCarryover => no_carryover,
                    Holds::AllGeneralBudget => all_general_budget,
                };
                condition
                    && left
                        .iter()
                        .chain(right.iter())
                        .all(|p| self.node_at_path(p).is_some())
            })
            .map(|(id, label, left, right, _)| Relation {
                id: (*id).to_string(),
                label: (*label).to_string(),
                left: left.iter().map(|s| s.to_string()).collect(),
                right: right.iter().map(|s| s.to_string()).collect(),
            })
            .collect();
        relations.extend(self.grand_totals());
        relations
    }

    fn brought_in_beside_income(&self) -> bool {
        let income = self.node_at_path("income");
        self.beside_carryovers
            .iter()
            .any(|&(total, _, from)| from && Some(total) == income)
    }

    /// `收入预算A，其中：…；上年结转B；` and `支出预算C，其中：…；结转下年D；`: the year's income and spending, each
    /// with its parts, and the carry-overs named beside them (see [`Assembler::carryover_after_parts`]): the two
    /// grand totals of a unit's budget or final account are equal, A + B = C + D.
    fn grand_totals(&self) -> Option<Relation> {
        let beside = |from_last_year: bool, root: &str| {
            self.beside_carryovers.iter().find(|&&(total, _, from)| {
                from == from_last_year && self.node_at_path(root) == Some(total)
            })
        };
        let &(income, brought, _) = beside(true, "income")?;
        let &(spending, carried, _) = beside(false, "expenditure")?;
        Some(Relation {
            id: "grand_totals".to_string(),
            label: "收支总计平衡".to_string(),
            left: vec![self.path(income), self.path(brought)],
            right: vec![self.path(spending), self.path(carried)],
        })
    }

    pub(super) fn node_at_path(&self, path: &str) -> Option<usize> {
        let mut segments = path.split('/');
        let mut node = *self.root_by_id.get(segments.next()?)?;
        for id in segments {
            node = *self.nodes[node].child_by_id.get(id)?;
        }
        Some(node)
    }
}
