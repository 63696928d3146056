//! Consistency rules and findings: every stated figure checked with exact decimal arithmetic, with
//! tolerances derived from the printed precision (never a fixed slack). See docs/FORMAT.md, "Findings".

mod document_message;
mod document_rules;
mod finding;
mod message;
mod place;
mod rules;
mod table_message;
mod table_rules;
pub mod tolerance;
mod unprinted_base;

pub use finding::{Detail, DocumentDetail, Finding, FindingOut, Rule, Severity, TableDetail};
pub use place::{Place, Places};

use crate::report::{Node, Printing, Report, Resolver};

/// Checks every stated figure of a report. Deterministic order: breakdowns depth-first in document order
/// (each node's own rules before its items'), rules in a fixed order per node, then relations in order.
/// Then the table rules (column sums, row sums, codes) over the same walk.
/// Never panics, whatever the report.
pub fn check(report: &Report) -> Vec<Finding> {
    let mut findings = rules::Checker::new(report).run();
    // Nodes imported from tables: their columns and codes, after the rules every report gets.
    findings.extend(table_rules::check_tables(report));
    // What the text says of the document itself: its headings' years and department, its contents.
    findings.extend(document_rules::check_document(report));
    annotate(report, &mut findings);
    findings
}

/// Fills in each finding's places and printing, looking its node up once for both.
fn annotate(report: &Report, findings: &mut [Finding]) {
    let locator = place::Locator::new(report, findings);
    let mut resolver = Resolver::new(report);
    for finding in findings.iter_mut() {
        let node = resolver.node_at(&finding.path);
        locator.locate(finding, node);
        finding.printing = printing(finding, node);
    }
}

/// A finding's printing: that of its node, so that its message says the figures as the table printed them.
fn printing(finding: &Finding, node: Option<&Node>) -> Option<Printing> {
    match finding.rule {
        // A relation's: set by its rule from the figures it compared (all of them, when they share one).
        Rule::Relation => finding.printing,
        _ if finding.path.is_empty() => None,
        // A change or rate printed twice: the narrative's own figures, said as printed, not in the table's unit.
        _ if finding.detail.of_narrative_figure() => None,
        _ => node.and_then(Node::printing),
    }
}

/// How many findings of each severity: (errors, warnings, notes).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{parse_report, Unit};

    /// A report in 元 with two rows of a table printed in 万元; `total` is off its items by 0.01万元.
    fn report(total: &str) -> Report {
        let printed = |text: &str| {
            format!(r#"{{"table":"表一","text":"{text}","page":2,"unit":"万元","decimals":2}}"#)
        };
        let json = format!(
            r#"{{"format":"budget-lens/1","unit":"元","breakdowns":[
              {{"id":"t","label":"合计","amount":"{total}","printed":{},
                "items":[{{"id":"a","label":"甲","amount":"10000","printed":{}}},
                         {{"id":"b","label":"乙","amount":"20000","printed":{}}}]}}],
              "relations":[{{"id":"r","left":["t/a"],"right":["t/b"]}}]}}"#,
            printed("3.01"),
            printed("1.00"),
            printed("2.00")
        );
        parse_report(&json).unwrap()
    }

    #[test]
    fn a_finding_takes_its_place_and_printing_from_its_node() {
        let findings = check(&report("30100"));
        let wan = Some(Printing {
            unit: Unit::WanYuan,
            decimals: Some(2),
        });
        let sum = findings.iter().find(|f| f.rule == Rule::Sum).unwrap();
        assert_eq!(sum.printing, wan);
        assert_eq!(
            sum.places.stated,
            Some(Place::Table {
                table: "表一".into(),
                page: Some(2),
                sheet: None,
                cell: None
            })
        );
        // A relation's figures share one printing: its finding takes it, and has no node of its own to place.
        let relation = findings.iter().find(|f| f.rule == Rule::Relation).unwrap();
        assert_eq!(relation.printing, wan);
        assert_eq!(relation.places, Places::default());
    }

    #[test]
    fn a_relations_printing_is_that_of_its_own_figures() {
        // A second relation under the same id (validation allows it) over a figure with no printing: its
        // figures share none, whatever the first relation's.
        let mut report = report("30000");
        let mut again = report.relations[0].clone();
        again.left = vec!["t".into()];
        report.breakdowns[0].printed = None;
        report.relations.push(again);
        let printings: Vec<_> = check(&report)
            .into_iter()
            .filter(|f| f.rule == Rule::Relation)
            .map(|f| f.printing)
            .collect();
        let wan = Some(Printing {
            unit: Unit::WanYuan,
            decimals: Some(2),
        });
        assert_eq!(printings, vec![wan, None]);
    }
}
