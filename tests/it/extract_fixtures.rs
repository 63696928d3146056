//! The extractor on test texts written in the phrasings of PHRASES.md (tests/fixtures/extract/*.txt): each
//! text's extracted figures, relations, unplaced sentences and the checker's findings must equal its
//! `.expected.json`. The planted errors of each kind the catalogue lists are asserted by name below too.
//!
//! After a deliberate change, `BLESS=1 cargo test --test it extract_fixtures` rewrites the expected files;
//! review their diff before committing.

use crate::support::figures;

use std::fs;
use std::path::{Path, PathBuf};

use budget_lens::check::check;
use budget_lens::extract::extract;
use serde_json::{json, Value};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut texts: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixture directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    texts
}

/// What a fixture is compared on.
fn outcome(text: &str) -> Value {
    let extraction = extract(text).expect("the fixture yields a report");
    let report = &extraction.report;
    let findings: Vec<String> = check(report)
        .iter()
        .map(|f| format!("{} {} {}", f.severity.name(), f.rule.name(), f.path))
        .collect();
    let mut outcome = json!({
        "title": report.title,
        "entity": report.entity,
        "year": report.year,
        "phase": report.phase,
        "unit": report.unit,
        "figures_printed": extraction.figures,
        "figures_taken": extraction.taken,
        "nodes": figures::figures_by_path(report),
        "relations": report.relations.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
        "unplaced": report.unplaced.iter().map(|u| u.text.clone()).collect::<Vec<_>>(),
        "findings": findings,
    });
    // Only the fixtures with a table that states no unit carry the key (the others' files stay as they were).
    if !extraction.tables_without_unit.is_empty() {
        let spans: Vec<[usize; 2]> = extraction
            .tables_without_unit
            .iter()
            .map(|s| [s.start, s.end])
            .collect();
        outcome["tables_without_unit"] = json!(spans);
    }
    outcome
}

#[test]
fn every_fixture_extracts_as_expected() {
    let bless = std::env::var_os("BLESS").is_some();
    let texts = fixtures();
    assert!(texts.len() >= 10, "at least ten fixture texts");
    let mut failures = Vec::new();
    for path in texts {
        let text = fs::read_to_string(&path).expect("fixture text");
        let actual = outcome(&text);
        let expected_path = path.with_extension("expected.json");
        if bless {
            let pretty = serde_json::to_string_pretty(&actual).expect("json") + "\n";
            fs::write(&expected_path, pretty).expect("write expected");
            continue;
        }
        let expected: Value = fs::read_to_string(&expected_path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        if actual != expected {
            failures.push(format!(
                "{}:\n  expected {expected}\n  actual   {actual}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_span_points_at_its_figure() {
    for path in fixtures() {
        let text = fs::read_to_string(&path).expect("fixture text");
        let report = extract(&text).expect("report").report;
        let spanned = figures::spanned_figures(&report);
        assert!(!spanned.is_empty());
        for (node, field, span, value) in spanned {
            assert!(
                figures::span_gives(&text, span, value),
                "{}: {node} {field} = {value} but its span {span:?} shows {:?}",
                path.display(),
                span.slice(&text)
            );
        }
    }
}

fn findings_of(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(name);
    let text = fs::read_to_string(path).expect("fixture");
    let report = extract(&text).expect("report").report;
    check(&report)
        .iter()
        .map(|f| format!("{} {} {}", f.severity.name(), f.rule.name(), f.path))
        .collect()
}

fn has(findings: &[String], wanted: &str) -> bool {
    findings.iter().any(|f| f == wanted)
}

#[test]
fn planted_share_errors_are_found() {
    // A share a few tenths off.
    let town = findings_of("01-town-budget-yuan.txt");
    assert!(has(&town, "error share expenditure/project"), "{town:?}");
    // Two shares swapped.
    let school = findings_of("03-school-final-swapped.txt");
    assert!(has(&school, "error share income/fiscal"), "{school:?}");
    assert!(has(&school, "error share income/business"), "{school:?}");
    // Shares adding to more than 100%.
    let primary = findings_of("09-school-final-yuan-shares-over.txt");
    assert!(has(&primary, "error shares_total income"), "{primary:?}");
}

#[test]
fn planted_sum_and_restatement_errors_are_found() {
    // A whole missing item, in a PDF-noisy text; a total restated one cent off.
    let hospital = findings_of("02-hospital-final-pdf-noise.txt");
    assert!(has(&hospital, "error sum expenditure"), "{hospital:?}");
    assert!(has(&hospital, "warning restated income"), "{hospital:?}");
    // A 三公 total printed again with another value.
    let notice = findings_of("04-three-public-notice.txt");
    assert_eq!(notice, ["error restated three_public"]);
    // 机关运行经费 items that do not add up.
    let bureau = findings_of("10-bureau-admin-costs-truncated.txt");
    assert_eq!(bureau, ["error sum admin_costs"]);
}

#[test]
fn planted_rate_errors_are_found() {
    // A direction word contradicting its sign (减少…，增长…).
    let school = findings_of("03-school-final-swapped.txt");
    assert!(has(&school, "error change_pct income"), "{school:?}");
    // A growth rate divided by the current year.
    let province = findings_of("05-province-yi-yuan.txt");
    assert_eq!(province, ["error change_pct income"]);
    // The unspent share as a completion rate; 增加1.14万元，增长1.14%. `增长100%` on a zero base is the
    // usual way of printing "new this year" (the corpus keys do not count it a discrepancy): a note that it
    // cannot be computed.
    let bureau = findings_of("06-bureau-final-prior-and-rates.txt");
    assert_eq!(
        bureau,
        [
            "error completion expenditure/basic",
            "note change_pct gov_fund_expenditure",
            "error change_pct admin_costs",
        ]
    );
    // The over-run as a completion rate.
    let city = findings_of("12-city-final-overrun.txt");
    assert_eq!(city, ["error completion fiscal_expenditure"]);
}

#[test]
fn a_share_with_its_number_missing_is_reported_unplaced() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract/07-street-budget-missing-share.txt");
    let text = fs::read_to_string(path).expect("fixture");
    let report = extract(&text).expect("report").report;
    let unplaced: Vec<&str> = report.unplaced.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(unplaced, ["项目支出92.30万元，占基本支出预算%。"]);
    let project = report.node_at("expenditure/project").expect("project");
    assert_eq!(project.share, None, "no share is guessed");
}

#[test]
fn structure_the_words_do_not_prove_raises_no_error() {
    // Issue 10: a list introduced as a selection, one item of a total, a second list of the same total, a rate
    // after a change that found no place, the sources of 本年收入/本年支出, another budget's total, a larger
    // total after a list, another measure after a free total's parts: read as the words say, none is an error
    // (at most a warning naming the doubt).
    for name in [
        "71-rate-of-a-change-that-found-no-place.txt",
        "72-one-item-is-a-part.txt",
        "73-lists-introduced-as-a-selection.txt",
        "74-two-lists-under-one-total.txt",
        "76-function-classes-split-this-years-spending.txt",
        "77-another-budgets-total-is-no-item.txt",
        "78-a-larger-total-is-no-item.txt",
        "79-an-item-beyond-a-free-total.txt",
    ] {
        let found = findings_of(name);
        assert!(
            !found.iter().any(|f| f.starts_with("error")),
            "{name}: {found:?}"
        );
    }
    // The second list of 74 whose first does not add up is in doubt: a warning, not silence.
    let two_lists = findings_of("74-two-lists-under-one-total.txt");
    assert!(has(&two_lists, "warning sum part3"), "{two_lists:?}");
    // Read at the right level, a sum that does not hold is still an error.
    let this_year = findings_of("75-sources-under-this-years-income.txt");
    assert_eq!(this_year, ["error sum expenditure/current_year"]);
}

fn report_of(name: &str) -> budget_lens::report::Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(name);
    let text = fs::read_to_string(path).expect("fixture");
    extract(&text).expect("report").report
}

/// An amount as printed (`"-3.8"`), for comparing with the fixture's words.
fn printed(amount: Option<&budget_lens::report::Amount>) -> Option<String> {
    amount.map(|a| a.0.to_string())
}

#[test]
fn structure_follows_the_words_round_two() {
    // Issue 10, round 2 (fixtures 90–94). A total named after its parts ends their list, whatever its value.
    let offices = report_of("90-a-total-after-its-parts-ends-the-list.txt");
    let local = offices.node_at("part2").expect("a breakdown of its own");
    assert_eq!(local.label, "实现地方一般预算收入");
    assert_eq!(offices.node_at("part1").expect("total").items.len(), 2);
    // `X中Y`: Y is a part of X (a second split of the same total, since the first adds up).
    let province = report_of("91-a-part-named-within-its-whole.txt");
    let tax = province
        .node_at("part1_2/tax")
        .expect("税收收入 under the total");
    assert_eq!(tax.amount.0.to_string(), "210");
    // A heading of selected items naming it (`主要税收收入项目情况:`) gives it the numbered items after it.
    assert_eq!(tax.items.len(), 3);
    // A rate after a parenthesis list is the parenthesised figure's, without doubt.
    let sangong = report_of("92-a-rate-after-a-parenthesis-list.txt");
    let vehicles = sangong.node_at("three_public/vehicles").expect("vehicles");
    assert_eq!(
        printed(vehicles.change_pct.as_ref()).as_deref(),
        Some("14.29")
    );
    assert!(vehicles.doubt.is_empty(), "{:?}", vehicles.doubt);
    // A lead-in naming this year's budget: the change and the rate after it are against the budget; one naming
    // last year's figure is year-on-year.
    let execution = report_of("93-a-lead-in-naming-this-years-budget.txt");
    let spending = execution.node_at("gpb_by_function").expect("spending");
    assert_eq!(printed(spending.change.as_ref()).as_deref(), Some("420"));
    assert_eq!(
        printed(spending.change_pct.as_ref()).as_deref(),
        Some("5.3")
    );
    assert_eq!(
        printed(spending.change_vs_budget.as_ref()).as_deref(),
        Some("150")
    );
    assert_eq!(
        printed(spending.change_vs_budget_pct.as_ref()).as_deref(),
        Some("1.8")
    );
    let fund = execution.node_at("gov_fund_revenue").expect("fund");
    assert_eq!(
        printed(fund.change_vs_budget.as_ref()).as_deref(),
        Some("-120")
    );
    assert_eq!(printed(fund.change_pct.as_ref()).as_deref(), Some("7.1"));
    // Paired rates after changes stated one by one are theirs in order, each against its change's base.
    let revenue = execution.node_at("part3").expect("revenue");
    assert_eq!(printed(revenue.change_pct.as_ref()).as_deref(), Some("5.3"));
    assert_eq!(
        printed(revenue.change_vs_budget_pct.as_ref()).as_deref(),
        Some("2.0")
    );
    let budget = report_of("94-a-lead-in-naming-last-years-budget.txt");
    let planned = budget.node_at("gpb_by_function").expect("spending");
    assert_eq!(printed(planned.change.as_ref()).as_deref(), Some("600"));
    assert_eq!(planned.change_vs_budget, None);
    for report in [&offices, &province, &sangong, &execution, &budget] {
        let errors = check(report)
            .iter()
            .filter(|f| f.severity.name() == "error")
            .count();
        assert_eq!(errors, 0, "{}", report.title);
    }
}
