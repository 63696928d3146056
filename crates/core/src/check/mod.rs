//! Consistency rules and findings: every stated figure checked with exact decimal arithmetic, with
//! tolerances derived from the printed precision (never a fixed slack). See docs/FORMAT.md, "Findings".

mod finding;
mod message;
mod rules;
pub mod tolerance;

pub use finding::{Detail, Finding, FindingOut, Rule, Severity};

use crate::report::Report;

/// Checks every stated figure of a report. Deterministic order: breakdowns depth-first in document order
/// (each node's own rules before its items'), rules in a fixed order per node, then relations in order.
/// Never panics, whatever the report.
pub fn check(report: &Report) -> Vec<Finding> {
    rules::Checker::new(report).run()
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
