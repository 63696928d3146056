//! Ids for rows and columns of the standard tables, the same the extractor gives the narrative's figures
//! (`income/current_year`, `three_public/vehicles`), so that both meet path by path. A label is known by
//! its ending, the longest ending first (`国有资本经营预算财政拨款收入` is not `经营收入`).

use crate::table::Column;
use crate::text::{fold, strip_numbering};

/// Income rows of a 总表 and income columns of the 收入表.
const INCOME: &[(&str, &str)] = &[
    ("一般公共预算财政拨款收入", "general_budget"),
    ("一般公共预算财政拨款", "general_budget"),
    ("一般公共预算资金", "general_budget"),
    ("一般公共预算", "general_budget"),
    ("政府性基金预算财政拨款收入", "gov_fund"),
    ("政府性基金预算财政拨款", "gov_fund"),
    ("政府性基金预算", "gov_fund"),
    ("政府性基金", "gov_fund"),
    ("国有资本经营预算财政拨款收入", "state_capital"),
    ("国有资本经营预算财政拨款", "state_capital"),
    ("国有资本经营预算", "state_capital"),
    ("财政拨款收入", "fiscal"),
    ("上级补助收入", "superior_subsidy"),
    ("事业单位经营收入", "operating"),
    ("事业收入", "business"),
    ("经营收入", "operating"),
    ("附属单位上缴收入", "affiliated"),
    ("其他收入", "other"),
    ("使用非财政拨款结余", "non_fiscal_surplus"),
    ("年初结转和结余", "carryover"),
    ("上年结转", "carryover"),
    ("本年收入合计", "current_year"),
    ("结转和结余", "carryover"),
    ("收入总计", "total"),
    ("总计", "total"),
];

/// Expenditure rows of a 总表 (other than the classes) and expenditure columns.
const EXPENDITURE: &[(&str, &str)] = &[
    ("本年支出合计", "current_year"),
    ("结余分配", "surplus_distribution"),
    ("年末结转和结余", "carryover_end"),
    ("支出总计", "total"),
    ("总计", "total"),
    ("结转和结余", "carryover_end"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("人员经费", "personnel"),
    ("公用经费", "public"),
    ("上缴上级支出", "remit_superior"),
    ("经营支出", "operating"),
    ("对附属单位补助支出", "affiliated_subsidy"),
    ("一般公共预算财政拨款", "general_budget"),
    ("一般公共预算", "general_budget"),
    ("政府性基金预算财政拨款", "gov_fund"),
    ("政府性基金预算", "gov_fund"),
    ("国有资本经营预算财政拨款", "state_capital"),
    ("国有资本经营预算", "state_capital"),
];

/// The id of an income label, if it is a standard one.
pub fn income_id(label: &str) -> Option<&'static str> {
    by_ending(INCOME, label)
}

/// The id of an expenditure label or column, if it is a standard one.
pub fn expenditure_id(label: &str) -> Option<&'static str> {
    by_ending(EXPENDITURE, label)
}

fn by_ending(table: &[(&str, &'static str)], label: &str) -> Option<&'static str> {
    let folded = fold(label);
    let (bare, _) = strip_numbering(&folded);
    let bare = bare.split(['(', '（']).next().unwrap_or(bare);
    table
        .iter()
        .filter(|(ending, _)| bare.ends_with(ending))
        .max_by_key(|(ending, _)| ending.len())
        .map(|(_, id)| *id)
}

/// A column's id from its header words, the most specific (lowest) first, words wrapped over lines joined:
/// `基本支出 人员经费` is `personnel`, `项目支 出` is `project`.
pub fn column_id(column: &Column, index: usize) -> String {
    column
        .endings()
        .find_map(|w| income_id(&w).or_else(|| expenditure_id(&w)))
        .map(str::to_string)
        .unwrap_or_else(|| format!("column{}", index + 1))
}

/// Makes `id` unique among `taken` by a numeric suffix.
pub fn unique(id: String, taken: &mut Vec<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}_{n}");
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_several_printings() {
        assert_eq!(
            income_id("一、一般公共预算财政拨款收入"),
            Some("general_budget")
        );
        assert_eq!(income_id("1. 一般公共预算资金"), Some("general_budget"));
        assert_eq!(income_id("三、事业单位经营收入"), Some("operating"));
        assert_eq!(
            income_id("三、国有资本经营预算财政拨款收入"),
            Some("state_capital")
        );
        assert_eq!(
            income_id("使用非财政拨款结余（含专用结余）"),
            Some("non_fiscal_surplus")
        );
        assert_eq!(expenditure_id("本年支出合计"), Some("current_year"));
        let column = |words: &[&str]| Column {
            words: words.iter().map(|w| w.to_string()).collect(),
        };
        assert_eq!(
            column_id(&column(&["基本支出", "人员经费"]), 1),
            "personnel"
        );
        assert_eq!(column_id(&column(&["项目支", "出"]), 2), "project");
        assert_eq!(column_id(&column(&["合计"]), 0), "column1");
    }
}
