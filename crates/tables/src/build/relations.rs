//! Identities across tables, as report relations (the checker compares them with its tolerance model):
//! the 总表's totals and class rows against the tables by function, the 财政拨款 总表's 一般公共预算 column
//! against the 一般公共预算 table, 基本支出 against the economic table, 收入总计 against 支出总计.

use budget_lens_core::report::{Node, Relation, Report};

/// Adds every identity whose figures are all in the report.
pub fn relations(report: &mut Report) {
    let mut out: Vec<Relation> = Vec::new();
    for (left, right) in identities(report) {
        if term_exists(report, &left) && term_exists(report, &right) {
            out.push(Relation {
                id: format!("table_identity_{}", out.len() + 1),
                label: format!("{} = {}", describe(report, &left), describe(report, &right)),
                left: vec![left],
                right: vec![right],
            });
        }
    }
    report.relations.extend(out);
}

/// Every identity the standard tables imply, as (left, right) terms, in the order they are numbered;
/// those whose figures are not all in the report are dropped by the caller.
fn identities(report: &Report) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if let Some(path) = first_existing(report, &["income/current_year", "income"]) {
        pairs.push((path, "income_by_function".into()));
    }
    if let Some(path) = first_existing(report, &["expenditure/current_year", "expenditure"]) {
        pairs.extend(by_class(report, &path, "", "expenditure_by_function"));
    }
    pairs.push(("income".into(), "expenditure".into()));
    pairs.push(("fiscal_income".into(), "fiscal_expenditure".into()));
    let fiscal = ["fiscal_expenditure/current_year", "fiscal_expenditure"];
    if let Some(path) = first_existing(report, &fiscal) {
        let column = if term_exists(report, &format!("{path}#general_budget")) {
            "#general_budget"
        } else {
            ""
        };
        pairs.extend(by_class(report, &path, column, "gpb_by_function"));
    }
    // A budget's economic table has its own 合计: the 基本支出 of the table by function must equal it.
    if report
        .node_at("gpb_basic")
        .is_some_and(|n| n.items.iter().all(|i| i.code.is_some()))
    {
        pairs.push(("gpb_basic".into(), "gpb_by_function#basic".into()));
    }
    // Unit budgets split the 总表's 基本支出 into 人员经费 and 公用经费.
    for column in ["personnel", "public"] {
        pairs.push((
            format!("expenditure#{column}"),
            format!("gpb_basic#{column}"),
        ));
    }
    pairs
}

/// A 总表 total (`path`, its `column`) against a table by function's total, then each class row of the
/// 总表 against the same class in that table.
fn by_class(report: &Report, path: &str, column: &str, table: &str) -> Vec<(String, String)> {
    let mut pairs = vec![(format!("{path}{column}"), table.to_string())];
    for code in class_codes(report, path) {
        pairs.push((format!("{path}/{code}{column}"), format!("{table}/{code}")));
    }
    pairs
}

fn first_existing(report: &Report, paths: &[&str]) -> Option<String> {
    paths
        .iter()
        .find(|p| report.node_at(p).is_some())
        .map(|p| p.to_string())
}

fn term_exists(report: &Report, path: &str) -> bool {
    let (node_path, column) = budget_lens_core::report::split_column(path);
    match (report.node_at(node_path), column) {
        (Some(node), Some(id)) => node.columns.iter().any(|c| c.id == id),
        (Some(_), None) => true,
        (None, _) => false,
    }
}

fn describe(report: &Report, path: &str) -> String {
    let (node_path, column) = budget_lens_core::report::split_column(path);
    let Some(node) = report.node_at(node_path) else {
        return path.to_string();
    };
    let table = node
        .printed
        .as_ref()
        .map(|p| p.table.as_str())
        .unwrap_or("");
    let column_label = column
        .and_then(|id| node.columns.iter().find(|c| c.id == id))
        .map(|c| c.label.as_str())
        .unwrap_or("");
    format!("{table}‘{}’{column_label}", node.label)
}

/// The codes of the class rows under a node.
fn class_codes(report: &Report, path: &str) -> Vec<String> {
    report
        .node_at(path)
        .map(|n: &Node| n.items.iter().filter_map(|i| i.code.clone()).collect())
        .unwrap_or_default()
}
