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

use crate::report::Report;

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
    place::locate(report, &mut findings);
    as_printed(report, &mut findings);
    findings
}

/// Each finding's printing: that of its node (a relation's: that of all its figures, when they share one), so
/// that its message says the figures as the table printed them.
fn as_printed(report: &Report, findings: &mut [Finding]) {
    let mut resolver = crate::report::Resolver::new(report);
    for finding in findings.iter_mut() {
        finding.printing = match finding.rule {
            Rule::Relation => report
                .relations
                .iter()
                .find(|r| r.id == finding.path)
                .and_then(|r| {
                    let mut printings = r
                        .left
                        .iter()
                        .chain(&r.right)
                        .map(|path| resolver.term_at(path).and_then(|t| t.printing()));
                    let first = printings.next()??;
                    printings.all(|p| p == Some(first)).then_some(first)
                }),
            _ if finding.path.is_empty() => None,
            _ => resolver
                .node_at(&finding.path)
                .and_then(crate::report::Node::printing),
        };
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
