//! A message never contradicts itself: an error's gap is beyond the rounding envelope, so the envelope it
//! prints, rounded up to the figures' decimals for reading, must not reach the gap (hand-computed reports).

use budget_lens_core::check::{check, Finding};
use budget_lens_core::i18n::Lang;
use budget_lens_core::report::parse_report;

fn findings(breakdown: &str) -> Vec<Finding> {
    let text = format!(r#"{{"format":"budget-lens/1","unit":"万元","breakdowns":[{breakdown}]}}"#);
    check(&parse_report(&text).expect("a valid report"))
}

#[test]
fn an_errors_envelope_is_exact_where_rounded_up_it_would_reach_the_gap() {
    // 60.00 + 40.02 = 100.02 against 100.00: a gap of 0.02, beyond (2+1) × 0.005 = 0.015, which rounded
    // up to two decimals would read 0.02.
    let found = findings(
        r#"{"id":"t","label":"支出总计","amount":"100.00","items":[
            {"id":"a","label":"基本支出","amount":"60.00"},
            {"id":"b","label":"项目支出","amount":"40.02"}]}"#,
    );
    let zh = found[0].message(Lang::Zh);
    assert!(zh.contains("相差0.02万元"), "{zh}");
    assert!(zh.contains("最多能造成的约0.015万元"), "{zh}");
    let en = found[0].message(Lang::En);
    assert!(en.contains("(at most about CNY 150)"), "{en}");
}

#[test]
fn an_envelope_well_below_the_gap_is_still_shown_rounded_up() {
    // 60.00 + 40.10 = 100.10 against 100.00: 0.10 apart; 0.015 reads 0.02, still below the gap.
    let found = findings(
        r#"{"id":"t","label":"支出总计","amount":"100.00","items":[
            {"id":"a","label":"基本支出","amount":"60.00"},
            {"id":"b","label":"项目支出","amount":"40.10"}]}"#,
    );
    let zh = found[0].message(Lang::Zh);
    assert!(zh.contains("最多能造成的约0.02万元"), "{zh}");
}

#[test]
fn a_shares_envelope_is_exact_where_rounded_up_it_would_reach_the_gap() {
    // 12270.36 / 26994.72 = 45.4547…%, printed 45.46: 0.0053 apart, beyond the envelope 0.0051 that reads
    // 0.01 at the share's two decimals (a published final account, corpus 06).
    let found = findings(
        r#"{"id":"t","label":"支出总计","amount":"26994.72","items":[
            {"id":"a","label":"基本支出","amount":"12270.36","share":"45.46"},
            {"id":"b","label":"项目支出","amount":"14724.36"}]}"#,
    );
    let share = found
        .iter()
        .find(|f| f.rule.name() == "share")
        .expect("a share finding");
    let zh = share.message(Lang::Zh);
    assert!(zh.contains("相差0.0053个百分点"), "{zh}");
    assert!(zh.contains("约0.0051个百分点"), "{zh}");
}

#[test]
fn a_share_message_nests_the_bases_quotes_and_says_one_point_in_the_singular() {
    // 0.53 / 1.71 = 30.99…%, printed 69 (a share printed for the wrong item): the base's label, itself
    // quoting 三公, reads ‘三公’ inside the message's “…”; the envelope at whole percent is about 1 point.
    let found = findings(
        r#"{"id":"t","label":"“三公”经费支出","amount":"1.71","items":[
            {"id":"a","label":"公务接待费","amount":"0.53","share":"69"},
            {"id":"b","label":"公务用车购置及运行费","amount":"1.18"}]}"#,
    );
    let share = found
        .iter()
        .find(|f| f.rule.name() == "share" && f.path == "t/a")
        .expect("the share of 公务接待费");
    let zh = share.message(Lang::Zh);
    assert!(zh.contains("÷ “‘三公’经费支出”1.71万元"), "{zh}");
    let en = share.message(Lang::En);
    assert!(en.contains("(at most about 1 percentage point)"), "{en}");
}

#[test]
fn a_change_printed_twice_is_said_as_printed_not_in_its_totals_larger_unit() {
    // A total printed 1.56亿元 (15600万元, known to 50万元) whose change 1200万元 is printed again as 1300万元:
    // the change keeps its own unit and precision (docs/FORMAT.md, "Which figures"), 100万元 apart.
    let found = findings(
        r#"{"id":"t","label":"“三公”经费预算","amount":"15600","change":"1200",
            "printed":{"text":"1.56","unit":"亿元","decimals":2},
            "restated":[{"amount":"1300","of":"change"}]}"#,
    );
    let zh = found[0].message(Lang::Zh);
    assert!(
        zh.contains("印为1200万元，在别处又印为1300万元，相差100万元"),
        "{zh}"
    );
    assert!(!zh.contains("亿元"), "{zh}");
}
