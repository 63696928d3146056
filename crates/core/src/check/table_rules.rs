//! Rules for figures imported from tables (nodes with `columns` and `code`): each column of a parent row
//! against the same column of its child rows, each row's amount against its columns, and the code
//! structure (类 3 digits, 款 5, 项 7; a child's code begins with its parent's). The tolerance model is the
//! checker's: half a unit of every printed figure involved, a single child being the same figure twice.

use crate::exact::Exact;
use rust_decimal::Decimal;

use super::finding::{Detail, Finding, Rule, Severity, TableDetail};
use super::tolerance::{both, half_unit, judge, sum, unit_as_printed};
use crate::report::{Column, Node, Printing, Report, Unit};

/// Checks every node of the report that carries table columns or a code.
pub fn check_tables(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut stack: Vec<(&Node, String)> = report
        .breakdowns
        .iter()
        .rev()
        .map(|n| (n, n.id.clone()))
        .collect();
    while let Some((node, path)) = stack.pop() {
        let table = node
            .printed
            .as_ref()
            .map(|p| p.table.clone())
            .unwrap_or_default();
        let at = Place {
            node,
            path: &path,
            table: &table,
            unit: report.unit,
        };
        row_sum(&at, &mut findings);
        column_sums(&at, &mut findings);
        codes(&at, &mut findings);
        for child in node.items.iter().rev() {
            stack.push((child, format!("{path}/{}", child.id)));
        }
    }
    findings
}

struct Place<'a> {
    node: &'a Node,
    path: &'a str,
    table: &'a str,
    unit: Unit,
}

impl Place<'_> {
    /// Half a unit of a table figure's last printed digit, in the report's unit: nothing for a zero
    /// (printed zeros and blanks are exact), of its printing when printed in another unit.
    fn half(&self, value: Decimal, printing: Option<Printing>) -> Decimal {
        match printing {
            Some(printing) => printing.half_unit(value, self.unit),
            None => nonzero_half(value),
        }
    }

    fn column_half(&self, column: &Column) -> Decimal {
        self.half(column.amount.value(), column.printing(self.node))
    }

    fn finding(
        &self,
        rule: Rule,
        severity: Severity,
        figures: [Decimal; 3],
        detail: TableDetail,
    ) -> Finding {
        let [stated, expected, tolerance] = figures;
        Finding {
            rule,
            severity,
            path: self.path.to_string(),
            label: self.node.label.clone(),
            stated,
            expected,
            difference: stated.minus(expected).unwrap_or_default(),
            tolerance,
            at: self.node.at,
            detail: Detail::Table {
                table: self.table.to_string(),
                detail,
                unit: self.unit,
            },
            // Imported tables are read cell by cell: their structure is printed, never guessed.
            doubt: None,
            places: Default::default(),
            printing: None,
        }
    }
}

/// The row's amount (合计) against the sum of its columns (基本支出 + 项目支出 …).
fn row_sum(at: &Place, findings: &mut Vec<Finding>) {
    let columns = &at.node.columns;
    if columns.len() < 2 {
        return;
    }
    let amount = at.node.amount.value();
    let (Some(total), Some(halves)) = (
        sum(columns.iter().map(|c| c.amount.value())),
        sum(columns.iter().map(|c| at.column_half(c))),
    ) else {
        return;
    };
    let tolerance = both(at.half(amount, at.node.printing()), halves);
    let Some(difference) = amount.minus(total) else {
        return;
    };
    if let Some(severity) = judge(difference, Decimal::ZERO, tolerance) {
        let labels = columns.iter().map(|c| c.label.clone()).collect();
        let detail = TableDetail::RowSum { columns: labels };
        findings.push(at.finding(Rule::RowSum, severity, [amount, total, tolerance], detail));
    }
}

/// Each column of a parent row against the same column of its children: 类 = Σ 款, 款 = Σ 项.
fn column_sums(at: &Place, findings: &mut Vec<Finding>) {
    let items = &at.node.items;
    if items.is_empty() {
        return;
    }
    for column in &at.node.columns {
        let parts: Vec<(Decimal, Option<Printing>)> = items
            .iter()
            .filter_map(|i| Some((i, i.columns.iter().find(|c| c.id == column.id)?)))
            .map(|(i, c)| (c.amount.value(), c.printing(i)))
            .collect();
        let printing = column.printing(at.node);
        let stated = column.amount.value();
        if stated.is_zero() && parts.iter().all(|(p, _)| p.is_zero()) {
            continue;
        }
        let (Some(total), Some(halves)) = (
            sum(parts.iter().map(|(p, _)| *p)),
            sum(parts.iter().map(|(p, printing)| at.half(*p, *printing))),
        ) else {
            continue;
        };
        let tolerance = if let [(part, part_printing)] = parts[..] {
            unit_as_printed(stated, printing, at.unit).max(unit_as_printed(
                part,
                part_printing,
                at.unit,
            ))
        } else {
            both(at.half(stated, printing), halves)
        };
        let Some(difference) = stated.minus(total) else {
            continue;
        };
        if let Some(severity) = judge(difference, Decimal::ZERO, tolerance) {
            let detail = TableDetail::ColumnSum {
                column: column.label.clone(),
                count: items.len(),
            };
            findings.push(at.finding(
                Rule::ColumnSum,
                severity,
                [stated, total, tolerance],
                detail,
            ));
        }
    }
}

/// 类 3 digits, 款 5, 项 7 (economic: 3 and 5), and each child's code beginning with its parent's. Under a
/// row without a code (a table's 合计) the codes are 类 codes: a 款 or 项 there has no parent row printed.
/// Only rows printed in a table are held to this (a hand-written report may give any node a code).
fn codes(at: &Place, findings: &mut Vec<Finding>) {
    let parent = at.node.code.as_deref().unwrap_or("");
    for child in &at.node.items {
        let (Some(code), Some(_)) = (child.code.as_deref(), child.printed.as_ref()) else {
            continue;
        };
        let expected_len = if parent.is_empty() {
            3
        } else {
            parent.len() + 2
        };
        let well_formed = matches!(code.len(), 3 | 5 | 7) && code.len() == expected_len;
        if well_formed && code.starts_with(parent) && code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let place = Place {
            node: child,
            path: &format!("{}/{}", at.path, child.id),
            table: at.table,
            unit: at.unit,
        };
        let detail = TableDetail::Code {
            code: code.to_string(),
            parent: parent.to_string(),
        };
        let zero = Decimal::ZERO;
        findings.push(place.finding(Rule::Code, Severity::Error, [zero, zero, zero], detail));
    }
}

/// Half a unit of the last printed digit, nothing for a zero: printed zeros and blanks are exact.
fn nonzero_half(value: Decimal) -> Decimal {
    if value.is_zero() {
        Decimal::ZERO
    } else {
        half_unit(value)
    }
}

#[cfg(test)]
mod tests {
    use crate::check::{check, Rule, Severity};
    use crate::report::parse_report;
    use crate::Lang;

    /// A 支出表 in miniature as an import writes it: 合计 → 类 208 → 款 20805 → two 项, with 基本支出 and
    /// 项目支出 columns, and the 总表's printing of 208 in a relation.
    fn report(project_of_first_item: &str, second_code: &str) -> String {
        let printed = |text: &str| format!(r#"{{"table":"支出决算表","text":"{text}"}}"#);
        let column = |id: &str, amount: &str| {
            format!(
                r#"{{"id":"{id}","label":"{}","amount":"{amount}","printed":{}}}"#,
                if id == "basic" {
                    "基本支出"
                } else {
                    "项目支出"
                },
                printed(amount)
            )
        };
        let node = |id: &str, code: &str, amount: &str, basic: &str, project: &str, items: &str| {
            format!(
                r#"{{"id":"{id}","label":"L{code}","code":"{code}","amount":"{amount}","printed":{},"columns":[{},{}],"items":[{items}]}}"#,
                printed(amount),
                column("basic", basic),
                column("project", project)
            )
        };
        let items = format!(
            "{},{}",
            node(
                "2080501",
                "2080501",
                "84.65",
                "84.65",
                project_of_first_item,
                ""
            ),
            node(second_code, second_code, "242.07", "242.07", "0.00", "")
        );
        let kuan = node("20805", "20805", "326.72", "326.72", "0.00", &items);
        let lei = node("208", "208", "326.72", "326.72", "0.00", &kuan);
        format!(
            r#"{{"format":"budget-lens/1","breakdowns":[
                {{"id":"summary","label":"本年支出合计","amount":"326.71","items":[{{"id":"208","label":"社会保障和就业支出","amount":"326.71","printed":{{"table":"收入支出决算总表","text":"326.71"}}}}]}},
                {{"id":"by_function","label":"合计","amount":"326.72","printed":{},"items":[{lei}]}}],
              "relations":[{{"id":"r","left":["summary/208"],"right":["by_function/208"]}},
                           {{"id":"c","left":["by_function/208#basic"],"right":["by_function/208/20805#basic"]}}]}}"#,
            printed("326.72")
        )
    }

    #[test]
    fn consistent_tables_give_only_the_cross_table_difference() {
        let report = parse_report(&report("0.00", "2080505")).unwrap();
        let findings = check(&report);
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, vec![Rule::Relation], "{findings:?}");
        let cross = &findings[0];
        assert_eq!(cross.severity, Severity::Warning);
        assert_eq!(
            cross.message(Lang::Zh),
            "支出决算表‘L208’为326.72万元，收入支出决算总表‘社会保障和就业支出’印为326.71万元，相差0.01万元。各数分别四舍五入最多可造成约0.01万元的差额，这一差额没有超出，可能只是舍入所致；但印出的数字确实对不上，读者会看到矛盾，所以仍然列出。"
        );
    }

    #[test]
    fn a_wrong_project_cell_breaks_its_row_and_its_parents_column() {
        let report = parse_report(&report("326.72", "2080505")).unwrap();
        let findings = check(&report);
        let table: Vec<(Rule, &str)> = findings
            .iter()
            .filter(|f| matches!(f.rule, Rule::RowSum | Rule::ColumnSum))
            .map(|f| (f.rule, f.path.as_str()))
            .collect();
        assert_eq!(
            table,
            vec![
                (Rule::ColumnSum, "by_function/208/20805"),
                (Rule::RowSum, "by_function/208/20805/2080501")
            ]
        );
        let row = findings.iter().find(|f| f.rule == Rule::RowSum).unwrap();
        assert_eq!(row.severity, Severity::Error);
        assert!(row
            .message(Lang::En)
            .starts_with("支出决算表 row \"L2080501\": the total is printed as CNY 846,500,"));
    }

    #[test]
    fn a_code_outside_its_parent_is_an_error() {
        let report = parse_report(&report("0.00", "2090505")).unwrap();
        let codes: Vec<String> = check(&report)
            .iter()
            .filter(|f| f.rule == Rule::Code)
            .map(|f| f.message(Lang::Zh))
            .collect();
        assert_eq!(codes.len(), 1);
        assert!(
            codes[0].contains("科目编码2090505与上级科目编码20805不相称"),
            "{codes:?}"
        );
    }
}
