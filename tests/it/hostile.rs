//! Hostile reports, natively (issue 6): each gives its clear error, or where the report is valid a result.
//! Time and peak memory of each case in its own process: `make bench-hostile` (examples/hostile.rs), figures
//! in bench/RESULTS.md — not asserted here, where a shared machine's load would make the test flap.

use crate::support::hostile_cases;

use std::time::Instant;

use budget_lens::check::{check, Finding, Rule, Severity};
use budget_lens::report::{parse_report_bytes, Node};
use budget_lens::Lang;
use hostile_cases::{cases, quoting_cases, Case, Expect};
use rust_decimal::Decimal;

/// A clear message: not empty, and short whatever the size of the input (the longest legitimate one
/// names a JSON path 64 nodes deep, where serde_json's recursion limit stops).
const MAX_MESSAGE_CHARS: usize = 1_000;

/// Runs one case: parse, check, every message in both languages. What went wrong, if anything.
fn run(case: &Case, bound_messages: bool) -> Vec<String> {
    let mut failures = Vec::new();
    let input = (case.build)();
    let start = Instant::now();
    let parsed = parse_report_bytes(&input);
    let findings: Vec<Finding> = parsed.as_ref().map(check).unwrap_or_default();
    let messages: Vec<String> = match &parsed {
        Err(e) => vec![e.message(Lang::Zh), e.message(Lang::En)],
        Ok(_) => findings
            .iter()
            .flat_map(|f| [f.message(Lang::Zh), f.message(Lang::En)])
            .collect(),
    };
    let elapsed = start.elapsed();
    let longest = messages
        .iter()
        .map(|m| m.chars().count())
        .max()
        .unwrap_or(0);
    eprintln!(
        "{:>8.1} ms  {:>10} bytes  {}: {} (longest message: {longest} characters)",
        elapsed.as_secs_f64() * 1e3,
        input.len(),
        case.name,
        match &parsed {
            Ok(r) => format!(
                "report of {} nodes, {} findings",
                r.node_count(),
                findings.len()
            ),
            Err(e) => e.message(Lang::En).chars().take(100).collect(),
        }
    );
    match (&case.expect, &parsed) {
        (Expect::Report, Ok(_)) => {}
        (Expect::Report, Err(e)) => failures.push(format!("{}: rejected: {e}", case.name)),
        (Expect::Error(what, _), Ok(_)) => {
            failures.push(format!("{}: accepted, expected {what}", case.name))
        }
        (Expect::Error(what, test), Err(e)) => {
            if !test(&e.problem) {
                let shown: String = format!("{e:?}").chars().take(300).collect();
                failures.push(format!("{}: expected {what}, got {shown}", case.name));
            }
            if e.line == 0 || e.column == 0 {
                failures.push(format!("{}: no line and column", case.name));
            }
        }
    }
    if messages.iter().any(String::is_empty) {
        failures.push(format!("{}: an empty message", case.name));
    }
    if bound_messages && longest > MAX_MESSAGE_CHARS {
        failures.push(format!(
            "{}: a message of {longest} characters (at most {MAX_MESSAGE_CHARS})",
            case.name
        ));
    }
    failures
}

#[test]
fn every_hostile_report_gets_its_answer_in_bounded_time() {
    let failures: Vec<String> = cases().iter().flat_map(|c| run(c, true)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Megabyte-long ids, paths, units and formats: the right error in bounded time (their messages' length
/// is the next test's).
#[test]
fn megabyte_strings_where_an_error_names_them() {
    let failures: Vec<String> = quoting_cases().iter().flat_map(|c| run(c, false)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A rejected id, share_of path, unit or format is quoted cut to 60 characters: a 1 MB id must not give a
/// 1 MB message (in the widget, a megabyte of text in the error box).
#[test]
fn messages_stay_short_when_a_megabyte_string_is_named() {
    let failures: Vec<String> = quoting_cases().iter().flat_map(|c| run(c, true)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The checker walks with an explicit stack: a report built in code (no parser, so no depth limit) of
/// 10,000 levels is checked without overflowing a test thread's stack.
#[test]
fn the_checker_walks_ten_thousand_levels_built_in_code() {
    let depth = 10_000;
    let mut node = Node::new("leaf", "x", Decimal::new(100, 2));
    for _ in 1..depth {
        let mut parent = Node::new("n", "x", Decimal::new(101, 2));
        parent.items.push(node);
        node = parent;
    }
    let report = budget_lens::report::Report {
        format: budget_lens::report::FORMAT_V1.into(),
        title: String::new(),
        entity: String::new(),
        year: None,
        phase: None,
        unit: budget_lens::report::Unit::WanYuan,
        source: None,
        breakdowns: vec![node],
        relations: Vec::new(),
        unplaced: Vec::new(),
    };
    let findings = check(&report);
    // The deepest parent (1.01) against its single item, the leaf (1.00): one unit of the last digit, a
    // warning at the bottom of the path.
    assert_eq!(findings.len(), 1, "{findings:?}");
    let finding = &findings[0];
    assert_eq!(
        (finding.rule, finding.severity),
        (Rule::Sum, Severity::Warning)
    );
    assert_eq!(finding.path, format!("n{}", "/n".repeat(depth - 2)));

    // Dropped level by level: the derived Drop of Node is recursive (that is the caller's concern, not
    // the checker's; a parsed report is at most 32 levels deep).
    let mut breakdowns = report.breakdowns;
    while let Some(mut node) = breakdowns.pop() {
        breakdowns.append(&mut node.items);
    }
}
