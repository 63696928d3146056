//! A total's change and change rate printed again (`restated` with `"of": "change"` / `"change_pct"`):
//! compared with the node's own at the printed precision, like an amount printed twice (hand-computed).

use budget_lens_core::check::{check, Finding, Severity};
use budget_lens_core::i18n::Lang;
use budget_lens_core::report::parse_report;
use rust_decimal::Decimal;

fn report(node: &str) -> String {
    format!(r#"{{"format":"budget-lens/1","unit":"万元","breakdowns":[{node}]}}"#)
}

fn restated(node: &str) -> Vec<Finding> {
    let parsed = parse_report(&report(node)).expect("a valid report");
    check(&parsed)
        .into_iter()
        .filter(|f| f.rule.name() == "restated")
        .collect()
}

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

#[test]
fn a_change_printed_again_twenty_apart_is_an_error() {
    // 比上年增加100.00万元, later 比上年增加120.00万元: 20.00 apart, one unit is 0.01.
    let found = restated(
        r#"{"id":"income","label":"收入总计","amount":"1234.56","change":"100.00","change_pct":"8.8",
            "restated":[{"amount":"120.00","of":"change"}]}"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        (f.stated, f.expected, f.difference, f.tolerance),
        (dec("120.00"), dec("100.00"), dec("20.00"), dec("0.01"))
    );
    let zh = f.message(Lang::Zh);
    assert!(
        zh.starts_with(
            "“收入总计”比上年的增减额印为100.00万元，在别处又印为120.00万元，相差20.00万元。"
        ),
        "{zh}"
    );
    let en = f.message(Lang::En);
    assert!(
        en.starts_with("\"收入总计\"'s change from the prior year is printed as CNY 1,000,000"),
        "{en}"
    );
}

#[test]
fn a_change_one_cent_apart_is_a_warning() {
    // 418.97 and 418.98: one unit of the last digit, what inconsistent rounding explains.
    let found = restated(
        r#"{"id":"income","label":"收入总计","amount":"10328.56","change":"418.97",
            "restated":[{"amount":"418.98","of":"change"}]}"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].tolerance, dec("0.01"));
}

#[test]
fn a_decrease_printed_again_as_an_increase_is_an_error() {
    // 减少5.00万元 then 增加5.00万元: -5.00 against 5.00, 10.00 apart.
    let found = restated(
        r#"{"id":"e","label":"支出总计","amount":"95.00","change":"-5.00",
            "restated":[{"amount":"5.00","of":"change"}]}"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].difference, dec("10.00"));
}

#[test]
fn a_rate_printed_again_differently_is_an_error_in_percentage_points() {
    // 增长8.80% then 增长9.10%: 0.30 points apart, one unit 0.01.
    let found = restated(
        r#"{"id":"income","label":"收入总计","amount":"1234.56","change":"100.00","change_pct":"8.80",
            "restated":[{"amount":"9.10","of":"change_pct"}]}"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!((f.stated, f.expected), (dec("9.10"), dec("8.80")));
    let zh = f.message(Lang::Zh);
    assert!(
        zh.starts_with(
            "“收入总计”比上年的增减百分比印为8.80%，在别处又印为9.10%，相差0.30个百分点。"
        ),
        "{zh}"
    );
    assert!(zh.contains("约0.01个百分点"), "{zh}");
    let en = f.message(Lang::En);
    assert!(
        en.starts_with("\"收入总计\"'s change rate from the prior year is printed as 8.80% and elsewhere as 9.10%: they differ by 0.30 percentage points."),
        "{en}"
    );
}

#[test]
fn a_rate_rounded_to_fewer_places_or_padded_is_the_same_rate() {
    // 8.83% printed again as 8.8% (rounded correctly), and 8.8% printed again as 8.80%.
    let rounded = restated(
        r#"{"id":"i","label":"收入总计","amount":"1234.56","change_pct":"8.83",
            "restated":[{"amount":"8.8","of":"change_pct"}]}"#,
    );
    assert!(rounded.is_empty(), "{rounded:?}");
    let padded = restated(
        r#"{"id":"i","label":"收入总计","amount":"1234.56","change_pct":"8.8",
            "restated":[{"amount":"8.80","of":"change_pct"}]}"#,
    );
    assert!(padded.is_empty(), "{padded:?}");
}

#[test]
fn a_whole_percent_rate_is_compared_at_its_own_unit() {
    // 增长9% then 增长8.8%: the coarser printing's unit is 1 point; 0.2 apart is within it (9 is 8.8
    // rounded to a whole percent, so no finding at all).
    let found = restated(
        r#"{"id":"i","label":"收入总计","amount":"1234.56","change_pct":"8.8",
            "restated":[{"amount":"9","of":"change_pct"}]}"#,
    );
    assert!(found.is_empty(), "{found:?}");
    // 增长8.8% then 增长10%: 1.2 apart against a tolerance of 1 (the whole percent): an error.
    let found = restated(
        r#"{"id":"i","label":"收入总计","amount":"1234.56","change_pct":"8.8",
            "restated":[{"amount":"10","of":"change_pct"}]}"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].tolerance, dec("1"));
}

#[test]
fn a_change_restated_of_a_node_without_one_says_nothing() {
    let found = restated(
        r#"{"id":"i","label":"收入总计","amount":"1234.56",
            "restated":[{"amount":"120.00","of":"change"},{"amount":"9.1","of":"change_pct"}]}"#,
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn of_is_written_back_as_read() {
    let text = report(
        r#"{"id":"i","label":"收入总计","amount":"1.00","change":"0.10","change_pct":"11.1",
            "restated":[{"amount":"0.10","of":"change"},{"amount":"11.1","of":"change_pct"}]}"#,
    );
    let parsed = parse_report(&text).expect("a valid report");
    let json = serde_json::to_string(&parsed).expect("serialises");
    assert!(json.contains(r#""of":"change""#), "{json}");
    assert!(json.contains(r#""of":"change_pct""#), "{json}");
    assert_eq!(parse_report(&json).expect("reads back"), parsed);
}

#[test]
fn an_unknown_of_is_rejected_with_its_place() {
    let text = report(
        r#"{"id":"i","label":"收入总计","amount":"1.00",
"restated":[{"amount":"0.10","of":"changes"}]}"#,
    );
    let error = parse_report(&text).expect_err("rejected");
    assert_eq!(error.path, "$.breakdowns[0].restated[0].of");
    // Line 2: `"restated":[{` (13) `"amount":"0.10",` (16) `"of":` (5): the value starts at column 35.
    assert_eq!((error.line, error.column), (2, 35));
    let en = error.message(Lang::En);
    assert!(
        en.contains(r#""changes" is not an allowed value (expected one of "amount", "budget", "change", "change_pct")"#),
        "{en}"
    );
}
