//! Which standard public table a title names. Titles vary between regions, years and the software that
//! printed them (收入支出决算总表 / 部门收支总表(公开表1) / 财务收支预算总表), so a table is known by the
//! keywords of its title, confirmed or supplied by its header words, never by its number or position.

use crate::text::fold;

/// The standard tables the report is built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 收入支出决算总表 / 财务收支预算总表 / 部门收支总表: income and expenditure side by side.
    Summary,
    /// 财政拨款收入支出决算总表 / 财政拨款收支预算总表.
    FiscalSummary,
    /// 收入决算表 / 收入预算总表: income by function class and source.
    IncomeByFunction,
    /// 支出决算表 / 支出预算总表: expenditure by function class, 基本支出 / 项目支出.
    ExpenditureByFunction,
    /// 一般公共预算财政拨款支出决算表 / 一般公共预算支出功能分类预算表.
    GeneralByFunction,
    /// 一般公共预算（财政拨款）基本支出 by economic class.
    BasicByEconomic,
    /// 政府性基金预算财政拨款（收入）支出表.
    GovFundByFunction,
    /// 国有资本经营预算财政拨款（收入）支出表.
    StateCapitalByFunction,
    /// 财政拨款“三公”经费支出表 (with 机关运行经费 in budgets).
    ThreePublic,
}

impl Kind {
    /// A short English name, for the CLI's summary and the builder's list.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Summary => "summary",
            Kind::FiscalSummary => "fiscal summary",
            Kind::IncomeByFunction => "income by function",
            Kind::ExpenditureByFunction => "expenditure by function",
            Kind::GeneralByFunction => "general public budget by function",
            Kind::BasicByEconomic => "basic expenditure by economic class",
            Kind::GovFundByFunction => "government funds by function",
            Kind::StateCapitalByFunction => "state capital by function",
            Kind::ThreePublic => "three public expenses",
        }
    }

    /// The usual Chinese name of the table.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Summary => "收入支出总表",
            Kind::FiscalSummary => "财政拨款收入支出总表",
            Kind::IncomeByFunction => "收入表",
            Kind::ExpenditureByFunction => "支出表",
            Kind::GeneralByFunction => "一般公共预算财政拨款支出表",
            Kind::BasicByEconomic => "一般公共预算财政拨款基本支出表",
            Kind::GovFundByFunction => "政府性基金预算财政拨款支出表",
            Kind::StateCapitalByFunction => "国有资本经营预算财政拨款支出表",
            Kind::ThreePublic => "财政拨款“三公”经费支出表",
        }
    }

    /// Tables whose rows are function- or economic-class codes.
    pub fn is_coded(self) -> bool {
        !matches!(
            self,
            Kind::Summary | Kind::FiscalSummary | Kind::ThreePublic
        )
    }
}

/// The kind a title names, if it names a standard table. Tables of projects, performance targets,
/// procurement and the like are not standard tables here even when their titles say 支出.
pub fn kind_of_title(title: &str) -> Option<Kind> {
    let t = fold(title);
    let has = |word: &str| t.contains(word);
    if has("三公") {
        return Some(Kind::ThreePublic);
    }
    if ["项目", "绩效", "采购", "资产"].iter().any(|w| has(w)) {
        return None;
    }
    let both_sides = has("收支") || has("收入支出");
    let kind = if has("基本支出") && (has("经济分类") || has("一般公共预算")) {
        Kind::BasicByEconomic
    } else if has("政府性基金") {
        Kind::GovFundByFunction
    } else if has("国有资本经营") {
        Kind::StateCapitalByFunction
    } else if has("总表") && both_sides && has("财政拨款") {
        Kind::FiscalSummary
    } else if has("总表") && both_sides {
        Kind::Summary
    } else if has("一般公共预算") && has("支出") {
        Kind::GeneralByFunction
    } else if has("收入") && !has("支出") {
        Kind::IncomeByFunction
    } else if has("支出") && !has("收入") {
        Kind::ExpenditureByFunction
    } else {
        return None;
    };
    Some(kind)
}

/// A kind from the header words when the title names none (a sheet titled only by its file name): coded
/// tables are told apart by their column words.
pub fn kind_of_header(words: &[String], has_codes: bool) -> Option<Kind> {
    let any = |w: &str| words.iter().any(|h| h.contains(w));
    if any("三公") || any("公务接待") {
        return Some(Kind::ThreePublic);
    }
    if !has_codes {
        return None;
    }
    if any("人员经费") && any("公用经费") && !any("项目支出") {
        Some(Kind::BasicByEconomic)
    } else if any("基本支出") && any("项目支出") {
        Some(Kind::ExpenditureByFunction)
    } else if any("财政拨款收入") || any("事业收入") {
        Some(Kind::IncomeByFunction)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_of_several_regions_and_years() {
        let cases = [
            ("收入支出决算总表", Kind::Summary),
            ("2026年预算单位财务收支预算总表", Kind::Summary),
            ("部门收支总表(公开表1)", Kind::Summary),
            ("财政拨款收入支出决算总表", Kind::FiscalSummary),
            ("2026年部门财政拨款收支预算总表", Kind::FiscalSummary),
            ("收入决算表", Kind::IncomeByFunction),
            ("2026年部门收入预算总表", Kind::IncomeByFunction),
            ("支出决算表", Kind::ExpenditureByFunction),
            ("2026年部门支出预算总表", Kind::ExpenditureByFunction),
            ("一般公共预算财政拨款支出决算表", Kind::GeneralByFunction),
            (
                "2026年部门一般公共预算支出功能分类预算表",
                Kind::GeneralByFunction,
            ),
            ("一般公共预算财政拨款基本支出决算表", Kind::BasicByEconomic),
            (
                "2026年部门一般公共预算基本支出部门预算经济分类预算表",
                Kind::BasicByEconomic,
            ),
            (
                "政府性基金预算财政拨款收入支出决算表",
                Kind::GovFundByFunction,
            ),
            (
                "国有资本经营预算财政拨款支出预算表",
                Kind::StateCapitalByFunction,
            ),
            ("财政拨款“三公”经费支出决算表", Kind::ThreePublic),
            (
                "2026年单位“三公”经费和机关运行经费预算表",
                Kind::ThreePublic,
            ),
        ];
        for (title, kind) in cases {
            assert_eq!(kind_of_title(title), Some(kind), "{title}");
        }
        assert_eq!(kind_of_title("2026年项目支出预算表"), None);
        assert_eq!(kind_of_title("部门整体支出绩效目标表"), None);
    }
}
