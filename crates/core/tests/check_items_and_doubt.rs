//! The checks added for real published prose (issue 10), on hand-computed reports: item changes and budgets
//! adding up to the parent's, a 0% change on a zero prior, and findings on doubted structure capped at
//! warnings that name the doubt.

use budget_lens_core::check::{check, Finding, Severity};
use budget_lens_core::i18n::Lang;
use budget_lens_core::report::{parse_report, Doubt};

fn findings(breakdown: &str) -> Vec<Finding> {
    let text = format!(r#"{{"format":"budget-lens/1","unit":"万元","breakdowns":[{breakdown}]}}"#);
    check(&parse_report(&text).expect("a valid report"))
}

fn summary(found: &[Finding]) -> Vec<String> {
    found
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {} {}",
                f.severity.name(),
                f.rule.name(),
                f.path,
                f.stated,
                f.expected
            )
        })
        .collect()
}

#[test]
fn item_changes_must_add_up_to_the_total_change() {
    // 20.00 + 5.00 = 25.00, printed 30.00: off by 5, far beyond 3 × 0.005.
    let found = findings(
        r#"{"id":"t","label":"三公","amount":"100.00","change":"30.00","items":[
            {"id":"a","label":"接待","amount":"60.00","change":"20.00"},
            {"id":"b","label":"用车","amount":"40.00","change":"5.00"}]}"#,
    );
    assert_eq!(summary(&found), ["error change_sum t 30.00 25.00"]);
    let message = found[0].message(Lang::Zh);
    assert!(
        message.contains("2个明细项的增减额合计25.00万元"),
        "{message}"
    );
}

#[test]
fn item_changes_that_add_up_and_a_no_change_item_are_consistent() {
    // 持平 is a change of 0: 0 + 12 + 209 = 221.
    let found = findings(
        r#"{"id":"t","label":"三公","amount":"1969","change":"-221","items":[
            {"id":"a","label":"出国","amount":"40","change":"0"},
            {"id":"b","label":"接待","amount":"242","change":"-12"},
            {"id":"c","label":"用车","amount":"1687","change":"-209"}]}"#,
    );
    assert_eq!(summary(&found), Vec::<String>::new());
}

#[test]
fn item_budgets_must_add_up_to_the_total_budget() {
    // 0 + 70.00 + 5.00 = 75.00, printed 85.00.
    let found = findings(
        r#"{"id":"t","label":"三公","amount":"70.00","budget":"85.00","items":[
            {"id":"a","label":"出国","amount":"0","budget":"0"},
            {"id":"b","label":"用车","amount":"66.00","budget":"70.00"},
            {"id":"c","label":"接待","amount":"4.00","budget":"5.00"}]}"#,
    );
    assert_eq!(summary(&found), ["error budget_sum t 85.00 75.00"]);
}

#[test]
fn a_partial_list_or_a_missing_item_change_is_not_summed() {
    let partial = findings(
        r#"{"id":"t","label":"三公","amount":"100","change":"30","partial":true,"items":[
            {"id":"a","label":"接待","amount":"60","change":"20"},
            {"id":"b","label":"用车","amount":"30","change":"5"}]}"#,
    );
    assert_eq!(summary(&partial), Vec::<String>::new());
    let missing = findings(
        r#"{"id":"t","label":"三公","amount":"100","change":"30","items":[
            {"id":"a","label":"接待","amount":"60","change":"20"},
            {"id":"b","label":"用车","amount":"40"}]}"#,
    );
    assert_eq!(summary(&missing), Vec::<String>::new());
}

#[test]
fn zero_change_of_zero_percent_on_a_zero_prior_is_consistent() {
    // 增加0.00万元，增长0%: amount 0, change 0, so the prior is 0 and nothing is claimed.
    let zero =
        findings(r#"{"id":"t","label":"出国","amount":"0.00","change":"0.00","change_pct":"0"}"#);
    assert_eq!(summary(&zero), Vec::<String>::new());
    // A rate other than 0 on a zero prior is still an error.
    let rate =
        findings(r#"{"id":"t","label":"出国","amount":"5.00","change":"5.00","change_pct":"10"}"#);
    assert_eq!(summary(&rate), ["error change_pct t 10 0"]);
}

#[test]
fn a_doubted_list_gives_at_most_a_warning_that_names_the_doubt() {
    let items =
        r#""items":[{"id":"a","label":"甲","amount":"60"},{"id":"b","label":"乙","amount":"30"}]"#;
    let sure = findings(&format!(
        r#"{{"id":"t","label":"合计","amount":"100",{items}}}"#
    ));
    assert_eq!(summary(&sure), ["error sum t 100 90"]);
    assert_eq!(sure[0].doubt, None);
    let doubted = findings(&format!(
        r#"{{"id":"t","label":"合计","amount":"100","doubt":["list"],{items}}}"#
    ));
    assert_eq!(summary(&doubted), ["warning sum t 100 90"]);
    assert_eq!(doubted[0].doubt, Some(Doubt::List));
    let message = doubted[0].message(Lang::En);
    assert!(
        message.contains("does not show that these items are complete"),
        "{message}"
    );
}

#[test]
fn a_subject_doubt_caps_rates_but_not_sums() {
    let found = findings(
        r#"{"id":"t","label":"合计","amount":"100","doubt":["subject"],"change":"10","change_pct":"50","items":[
            {"id":"a","label":"甲","amount":"60"},{"id":"b","label":"乙","amount":"30"}]}"#,
    );
    let severities: Vec<(String, Severity)> = found
        .iter()
        .map(|f| (f.rule.name().to_string(), f.severity))
        .collect();
    assert_eq!(
        severities,
        [
            ("sum".to_string(), Severity::Error),
            ("change_pct".to_string(), Severity::Warning)
        ]
    );
}

#[test]
fn a_guessed_name_caps_its_change_at_a_warning_that_says_so() {
    // 236.5 − 201.5 = 35, not the 15.2 printed: an error on a node whose name is known, a warning here.
    let found = findings(
        r#"{"id":"t","label":"山塘除险加固投入","amount":"236.5","prior":"201.5","change":"15.2","doubt":["name"]}"#,
    );
    assert_eq!(summary(&found), ["warning change t 15.2 35.0"]);
    assert_eq!(found[0].doubt, Some(Doubt::Name));
    assert!(found[0]
        .message(Lang::Zh)
        .contains("名称是从其前面的文字推断的"));
    assert!(found[0].message(Lang::En).contains("name was guessed"));
}

#[test]
fn an_unknown_doubt_is_refused_with_its_place() {
    let text = r#"{"format":"budget-lens/1","breakdowns":[{"id":"t","label":"合计","amount":"1","doubt":["maybe"]}]}"#;
    let error = parse_report(text).expect_err("an unknown doubt");
    let message = error.to_string();
    assert!(message.contains("maybe"), "{message}");
}
