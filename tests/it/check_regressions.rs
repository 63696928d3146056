//! Crashes found by fuzzing (fuzz/, issue 6), fixed, and kept as regression tests so that they stay
//! fixed. Each report here is accepted by the parser, so anyone could reach the crash with a report file
//! (`budget-lens check`, the widget).
//!
//! A percentage printed with 27 or 28 decimals (the grammar allows 28) that disagrees with its figures:
//! `crates/core/src/check/rules.rs` `rate` showed the expected value to `rate.scale() + 2` = 29 or 30 decimals (`shown`, with
//! `Decimal::rescale`), which left a Decimal whose scale is beyond rust_decimal's maximum of 28; `push`
//! then computed `stated.checked_sub(expected)`, and rust_decimal's `from_parts` panicked ("Scale exceeds
//! maximum supported scale", an `assert!`, so in release builds too: the CLI aborted, the wasm trapped).

use budget_lens::check::{check, Rule, Severity};
use budget_lens::report::parse_report;
use budget_lens::Lang;

/// One breakdown node → its findings as (rule, severity), every message formed in both languages.
fn findings(node: &str) -> Vec<(Rule, Severity)> {
    let text = format!(r#"{{"format":"budget-lens/1","breakdowns":[{node}]}}"#);
    let report = parse_report(&text).expect("the parser accepts this report");
    check(&report)
        .iter()
        .map(|f| {
            assert!(!f.message(Lang::Zh).is_empty() && !f.message(Lang::En).is_empty());
            (f.rule, f.severity)
        })
        .collect()
}

/// As the fuzzer found it (fuzz target `check`, minimized), written as report text.
#[test]
fn fuzz_check_change_rate_with_28_decimals() {
    let found = findings(
        r#"{"id":"a","label":"x","amount":"-407264927","change":"0.00003689065127958034230","change_pct":"-0.0000000005070515372664213458"}"#,
    );
    // −5.07·10⁻¹⁰ % stated; 100·change/(amount − change) is about −9.06·10⁻¹² %.
    assert!(
        found.contains(&(Rule::ChangePct, Severity::Error)),
        "{found:?}"
    );
}

/// Where it starts: `tolerance::shown` returns a Decimal of scale 30, which rust_decimal cannot hold
/// (its maximum is 28); the next arithmetic on it panics.
#[test]
fn shown_never_leaves_a_scale_beyond_28() {
    use budget_lens::check::tolerance::shown;
    use rust_decimal::Decimal;
    let tiny = Decimal::new(100, 22); // 10^-20
    assert!(
        shown(tiny, 30).scale() <= 28,
        "{:?}",
        shown(tiny, 30).unpack()
    );
    assert!(shown(tiny, 29).scale() <= 28);
}
