//! Every rule of the checker at its boundaries, on reports written as JSON the way users write them.
//! Expected values are computed by hand in the comments.

use budget_lens::check::{check, Rule, Severity};
use budget_lens::report::parse_report;
use budget_lens::Lang;

/// (rule, severity, path, stated, expected, tolerance) of every finding.
fn findings(
    breakdowns: &str,
    relations: &str,
) -> Vec<(Rule, Severity, String, String, String, String)> {
    let json = format!(
        r#"{{"format":"budget-lens/1","title":"t","entity":"e","unit":"万元","breakdowns":{breakdowns},"relations":{relations}}}"#
    );
    let report = parse_report(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    check(&report)
        .into_iter()
        .map(|f| {
            // Every finding explains itself in both languages.
            assert!(!f.message(Lang::Zh).is_empty() && !f.message(Lang::En).is_empty());
            (
                f.rule,
                f.severity,
                f.path,
                f.stated.to_string(),
                f.expected.to_string(),
                f.tolerance.to_string(),
            )
        })
        .collect()
}

fn one(breakdowns: &str) -> Vec<(Rule, Severity, String, String, String, String)> {
    findings(breakdowns, "[]")
}

fn f(
    rule: Rule,
    severity: Severity,
    path: &str,
    stated: &str,
    expected: &str,
    tol: &str,
) -> (Rule, Severity, String, String, String, String) {
    (
        rule,
        severity,
        path.into(),
        stated.into(),
        expected.into(),
        tol.into(),
    )
}

fn parent(amount: &str, items: &[&str], extra: &str) -> String {
    let items: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, a)| format!(r#"{{"id":"i{i}","label":"项{i}","amount":"{a}"}}"#))
        .collect();
    format!(
        r#"[{{"id":"p","label":"总计","amount":"{amount}"{extra},"items":[{}]}}]"#,
        items.join(",")
    )
}

// ---- sum: (n+1)·h for n ≥ 2 items, one unit of the last digit for a single item ----

#[test]
fn sum_exact_gives_nothing() {
    assert_eq!(
        one(&parent("897.05", &["812.17", "7.3", "77.58"], "")),
        vec![]
    );
}

#[test]
fn sum_exactly_on_the_envelope_is_a_warning() {
    // 3 items + parent at two decimals: (3+1)·0.005 = 0.02; 15.02 − 15.00 = 0.02.
    assert_eq!(
        one(&parent("15.02", &["5.00", "5.00", "5.00"], "")),
        vec![f(
            Rule::Sum,
            Severity::Warning,
            "p",
            "15.02",
            "15.00",
            "0.020"
        )]
    );
}

#[test]
fn sum_one_unit_past_the_envelope_is_an_error() {
    assert_eq!(
        one(&parent("15.03", &["5.00", "5.00", "5.00"], "")),
        vec![f(
            Rule::Sum,
            Severity::Error,
            "p",
            "15.03",
            "15.00",
            "0.020"
        )]
    );
}

#[test]
fn sum_tolerance_follows_each_printed_precision() {
    // 7.3 is printed to one decimal: 0.005 + 0.005 + 0.05 = 0.060.
    assert_eq!(
        one(&parent("20.36", &["13.00", "7.3"], "")),
        vec![f(
            Rule::Sum,
            Severity::Warning,
            "p",
            "20.36",
            "20.30",
            "0.060"
        )]
    );
    assert_eq!(
        one(&parent("20.37", &["13.00", "7.3"], "")),
        vec![f(
            Rule::Sum,
            Severity::Error,
            "p",
            "20.37",
            "20.30",
            "0.060"
        )]
    );
}

#[test]
fn single_item_may_differ_by_one_unit_of_the_last_digit() {
    assert_eq!(
        one(&parent("65.91", &["65.90"], "")),
        vec![f(
            Rule::Sum,
            Severity::Warning,
            "p",
            "65.91",
            "65.90",
            "0.01"
        )]
    );
    assert_eq!(
        one(&parent("65.92", &["65.90"], "")),
        vec![f(Rule::Sum, Severity::Error, "p", "65.92", "65.90", "0.01")]
    );
}

#[test]
fn zero_totals_with_zero_items_hold() {
    assert_eq!(one(&parent("0", &["0", "0.00", "0"], "")), vec![]);
}

#[test]
fn a_missing_item_is_an_error() {
    // 基本支出 without 商品和服务支出 77.58.
    assert_eq!(
        one(&parent("897.05", &["812.17", "7.3"], "")),
        vec![f(
            Rule::Sum,
            Severity::Error,
            "p",
            "897.05",
            "819.47",
            "0.060"
        )]
    );
}

// ---- partial_sum: Σitems ≤ amount ----

#[test]
fn partial_items_may_fall_short() {
    assert_eq!(
        one(&parent("10.00", &["3.00", "4.00"], r#","partial":true"#)),
        vec![]
    );
}

#[test]
fn partial_items_exceeding_within_rounding_warn_beyond_err() {
    assert_eq!(
        one(&parent("10.00", &["6.00", "4.01"], r#","partial":true"#)),
        vec![f(
            Rule::PartialSum,
            Severity::Warning,
            "p",
            "10.00",
            "10.01",
            "0.015"
        )]
    );
    assert_eq!(
        one(&parent("10.00", &["6.00", "4.02"], r#","partial":true"#)),
        vec![f(
            Rule::PartialSum,
            Severity::Error,
            "p",
            "10.00",
            "10.02",
            "0.015"
        )]
    );
}

// ---- negative ----

#[test]
fn negative_amounts_are_flagged_and_still_summed() {
    assert_eq!(
        one(&parent("5.00", &["10.00", "-5.00"], "")),
        vec![f(
            Rule::Negative,
            Severity::Warning,
            "p/i1",
            "-5.00",
            "0",
            "0"
        )]
    );
}

// ---- share: p against 100·a/b ----

fn shared(base: &str, amount: &str, share: &str) -> String {
    format!(
        r#"[{{"id":"b","label":"基数","amount":"{base}","partial":true,"items":[{{"id":"a","label":"部分","amount":"{amount}","share":"{share}"}}]}}]"#
    )
}

#[test]
fn share_rounded_correctly_gives_nothing() {
    // 1302.65 / 1550.17 = 84.0327…%
    assert_eq!(one(&shared("1550.17", "1302.65", "84.03")), vec![]);
}

#[test]
fn share_exactly_half_a_unit_off_is_consistent() {
    // 1/8 = 12.5% exactly; "12" and "13" are both 12.5 rounded to whole percent.
    assert_eq!(one(&shared("8.000", "1.000", "12")), vec![]);
    assert_eq!(one(&shared("8.000", "1.000", "13")), vec![]);
}

#[test]
fn share_within_propagated_rounding_warns() {
    // 12.5% exact; 12.51 is 0.01 off; envelope 0.005 + 100·(0.0005/8 + 1·0.0005/64) = 0.01203125.
    assert_eq!(
        one(&shared("8.000", "1.000", "12.51")),
        vec![f(
            Rule::Share,
            Severity::Warning,
            "b/a",
            "12.51",
            "12.5000",
            "0.0121"
        )]
    );
    assert_eq!(
        one(&shared("8.000", "1.000", "12.52")),
        vec![f(
            Rule::Share,
            Severity::Error,
            "b/a",
            "12.52",
            "12.5000",
            "0.0121"
        )]
    );
}

#[test]
fn share_off_by_a_few_hundredths_is_an_error() {
    // 84.04 vs 84.0327: 0.0073 off, envelope 0.005 + 100·(0.005/1550.17 + 1302.65·0.005/1550.17²) = 0.005594.
    assert_eq!(
        one(&shared("1550.17", "1302.65", "84.04")),
        vec![f(
            Rule::Share,
            Severity::Error,
            "b/a",
            "84.04",
            "84.0327",
            "0.0056"
        )]
    );
}

#[test]
fn share_of_a_zero_base() {
    let zero_base = |amount: &str, share: &str| {
        format!(
            r#"[{{"id":"z","label":"上年结转","amount":"0"}},{{"id":"a","label":"部分","amount":"{amount}","share":"{share}","share_of":"z"}}]"#
        )
    };
    assert_eq!(
        one(&zero_base("5", "10")),
        vec![f(Rule::Share, Severity::Error, "a", "10", "0", "0")]
    );
    // 上级补助收入0万元，占0% of a zero total is harmless.
    assert_eq!(one(&zero_base("0", "0")), vec![]);
}

#[test]
fn share_of_a_base_that_is_not_the_parent() {
    let breakdowns = r#"[
      {"id":"expenditure","label":"支出总计","amount":"1550.17","items":[
        {"id":"basic","label":"基本支出","amount":"897.05","items":[
          {"id":"wages","label":"工资福利支出","amount":"812.17","share":"52.39","share_of":"expenditure"},
          {"id":"rest","label":"其他","amount":"84.88","share":"5.48","share_of":"expenditure"}]},
        {"id":"project","label":"项目支出","amount":"653.12"}]}]"#;
    // 812.17/1550.17 = 52.3923% ✓; 84.88/1550.17 = 5.4755% → 5.48 ✓. No shares_total: their base is
    // not their parent.
    assert_eq!(one(breakdowns), vec![]);
    let wrong = breakdowns.replace("\"52.39\"", "\"52.93\"");
    assert_eq!(
        one(&wrong),
        vec![f(
            Rule::Share,
            Severity::Error,
            "expenditure/basic/wages",
            "52.93",
            "52.3923",
            "0.0055"
        )]
    );
}

#[test]
fn swapped_shares_are_two_errors() {
    let breakdowns = r#"[{"id":"e","label":"支出总计","amount":"1550.17","items":[
        {"id":"basic","label":"基本支出","amount":"897.05","share":"42.13"},
        {"id":"project","label":"项目支出","amount":"653.12","share":"57.87"}]}]"#;
    let found = one(breakdowns);
    assert_eq!(found.len(), 2);
    assert!(found
        .iter()
        .all(|f| f.0 == Rule::Share && f.1 == Severity::Error));
}

// ---- shares_total ----

#[test]
fn shares_adding_to_99_99_are_a_note() {
    let items = r#"[{"id":"s","label":"支出","amount":"3","items":[
        {"id":"a","label":"甲","amount":"1","share":"33.33"},
        {"id":"b","label":"乙","amount":"1","share":"33.33"},
        {"id":"c","label":"丙","amount":"1","share":"33.33"}]}]"#;
    assert_eq!(
        one(items),
        vec![f(
            Rule::SharesTotal,
            Severity::Note,
            "s",
            "99.99",
            "100",
            "0.015"
        )]
    );
}

#[test]
fn shares_adding_past_their_rounding_are_an_error() {
    let items = r#"[{"id":"s","label":"支出","amount":"200.00","items":[
        {"id":"a","label":"甲","amount":"100.00","share":"50"},
        {"id":"b","label":"乙","amount":"100.00","share":"52"}]}]"#;
    let found = one(items);
    // 50 + 52 = 102: two whole-percent shares explain at most 0.5 + 0.5.
    assert_eq!(
        found[0],
        f(Rule::SharesTotal, Severity::Error, "s", "102", "100", "1.0")
    );
    assert_eq!(found[1].0, Rule::Share);
}

// ---- change and change_pct ----

fn changed(extra: &str) -> String {
    format!(r#"[{{"id":"c","label":"机关运行经费","amount":"77.57"{extra}}}]"#)
}

#[test]
fn change_against_a_stated_prior() {
    // 77.57 − 52.44 = 25.13; envelope 3 × 0.005.
    assert_eq!(
        one(&changed(r#","prior":"52.44","change":"25.13""#)),
        vec![]
    );
    assert_eq!(
        one(&changed(r#","prior":"52.44","change":"25.14""#)),
        vec![f(
            Rule::Change,
            Severity::Warning,
            "c",
            "25.14",
            "25.13",
            "0.015"
        )]
    );
    assert_eq!(
        one(&changed(r#","prior":"52.44","change":"25.15""#)),
        vec![f(
            Rule::Change,
            Severity::Error,
            "c",
            "25.15",
            "25.13",
            "0.015"
        )]
    );
}

#[test]
fn change_rate_with_the_prior_derived() {
    // prior = 77.57 − 25.13 = 52.44; 25.13/52.44 = 47.9214%.
    assert_eq!(
        one(&changed(r#","change":"25.13","change_pct":"47.92""#)),
        vec![]
    );
    // 47.93: 0.0086 off; envelope 0.005 + 100·(0.005/52.44 + 25.13·0.01/52.44²) = 0.023673.
    assert_eq!(
        one(&changed(r#","change":"25.13","change_pct":"47.93""#)),
        vec![f(
            Rule::ChangePct,
            Severity::Warning,
            "c",
            "47.93",
            "47.9214",
            "0.0237"
        )]
    );
    assert_eq!(
        one(&changed(r#","change":"25.13","change_pct":"48.00""#)),
        vec![f(
            Rule::ChangePct,
            Severity::Error,
            "c",
            "48.00",
            "47.9214",
            "0.0237"
        )]
    );
}

#[test]
fn change_rate_with_the_change_derived() {
    // change = 77.57 − 52.44 = 25.13.
    assert_eq!(
        one(&changed(r#","prior":"52.44","change_pct":"47.92""#)),
        vec![]
    );
}

#[test]
fn rate_divided_by_the_current_year_is_an_error() {
    // 增加1.14万元，增长1.14% where 1.14/1.00 = 114%.
    let found =
        one(r#"[{"id":"c","label":"培训费","amount":"2.14","change":"1.14","change_pct":"1.14"}]"#);
    assert_eq!(
        found,
        vec![f(
            Rule::ChangePct,
            Severity::Error,
            "c",
            "1.14",
            "114.0000",
            "1.6450"
        )]
    );
}

#[test]
fn direction_word_contradicting_the_rate_is_an_error() {
    assert_eq!(
        one(&changed(r#","change":"25.13","change_pct":"-47.92""#))[0].1,
        Severity::Error
    );
}

#[test]
fn a_rate_on_a_zero_prior_is_an_error() {
    assert_eq!(
        one(
            r#"[{"id":"c","label":"新增项目","amount":"10.00","change":"10.00","change_pct":"50"}]"#
        ),
        vec![f(Rule::ChangePct, Severity::Error, "c", "50", "0", "0")]
    );
}

/// `增长100%` from nothing is how a text says "new this year" (the corpus keys count it no discrepancy):
/// a note that the rate cannot be computed.
#[test]
fn a_hundred_percent_on_a_zero_prior_is_a_note() {
    assert_eq!(
        one(
            r#"[{"id":"c","label":"新增项目","amount":"10.00","change":"10.00","change_pct":"100"}]"#
        ),
        vec![f(Rule::ChangePct, Severity::Note, "c", "100", "0", "0")]
    );
}

#[test]
fn large_real_rates_hold() {
    // 增长1078%: prior 1.00, amount 11.78.
    assert_eq!(
        one(r#"[{"id":"c","label":"x","amount":"11.78","change":"10.78","change_pct":"1078"}]"#),
        vec![]
    );
    // 下降100%.
    assert_eq!(
        one(r#"[{"id":"c","label":"x","amount":"0","change":"-5.00","change_pct":"-100"}]"#),
        vec![]
    );
}

// ---- completion ----

#[test]
fn completion_against_the_budget() {
    let node = |pct: &str, budget: &str| {
        format!(
            r#"[{{"id":"c","label":"事业运行","amount":"649.53","budget":"{budget}","completion_pct":"{pct}"}}]"#
        )
    };
    assert_eq!(one(&node("100", "649.53")), vec![]);
    // 649.53/700.00 = 92.79%.
    assert_eq!(one(&node("92.79", "700.00")), vec![]);
    assert_eq!(one(&node("7.21", "700.00"))[0].1, Severity::Error); // the unspent share printed instead
    assert_eq!(
        one(&node("100", "0"))[0],
        f(Rule::Completion, Severity::Error, "c", "100", "0", "0")
    );
    // Nothing budgeted, nothing spent, 0% printed (`完成全年预算0万元的0%`): nothing is claimed.
    let unused =
        r#"[{"id":"c","label":"公务接待费","amount":"0","budget":"0","completion_pct":"0"}]"#;
    assert_eq!(one(unused), vec![]);
    // Nothing spent of nothing, yet 100% printed: still a rate on a zero base.
    let claimed =
        r#"[{"id":"c","label":"公务接待费","amount":"0","budget":"0","completion_pct":"100"}]"#;
    assert_eq!(one(claimed)[0].1, Severity::Error);
    // Without the budget the rate cannot be checked.
    assert_eq!(
        one(r#"[{"id":"c","label":"x","amount":"5","completion_pct":"100"}]"#),
        vec![]
    );
}

// ---- restated ----

fn restated(amount: &str, again: &str) -> String {
    format!(
        r#"[{{"id":"h","label":"住房保障支出","amount":"{amount}","restated":[{{"amount":"{again}"}}]}}]"#
    )
}

#[test]
fn restated_figures() {
    assert_eq!(one(&restated("65.91", "65.91")), vec![]);
    assert_eq!(one(&restated("11.8", "11.80")), vec![]); // trailing zero dropped: the same figure
    assert_eq!(
        one(&restated("65.91", "65.90")),
        vec![f(
            Rule::Restated,
            Severity::Warning,
            "h",
            "65.90",
            "65.91",
            "0.01"
        )]
    );
    assert_eq!(
        one(&restated("65.91", "65.89")),
        vec![f(
            Rule::Restated,
            Severity::Error,
            "h",
            "65.89",
            "65.91",
            "0.01"
        )]
    );
    // 11.8 is printed to one decimal: 11.83 is within its last digit.
    assert_eq!(one(&restated("11.8", "11.83"))[0].1, Severity::Warning);
}

// ---- relation ----

#[test]
fn relations_across_breakdowns() {
    let breakdowns = r#"[{"id":"income","label":"收入总计","amount":"1550.17"},
        {"id":"expenditure","label":"支出总计","amount":"1550.16"},
        {"id":"carryover","label":"年末结转和结余","amount":"0.00"}]"#;
    let relation = r#"[{"id":"balance","label":"收支平衡","left":["income"],"right":["expenditure","carryover"]}]"#;
    assert_eq!(
        findings(breakdowns, relation),
        vec![f(
            Rule::Relation,
            Severity::Warning,
            "balance",
            "1550.17",
            "1550.16",
            "0.015"
        )]
    );
    let off = breakdowns.replace("1550.16", "1550.15");
    assert_eq!(findings(&off, relation)[0].1, Severity::Error);
    let exact = breakdowns.replace("1550.16", "1550.17");
    assert_eq!(findings(&exact, relation), vec![]);
}

// ---- what is not stated is not checked; order is fixed ----

#[test]
fn missing_optional_fields_give_nothing() {
    assert_eq!(
        one(r#"[{"id":"a","label":"只有金额","amount":"12.34"}]"#),
        vec![]
    );
}

#[test]
fn one_discrepancy_is_one_finding() {
    // 65.91 printed over one item of 65.90, and 65.90 printed elsewhere for the same node: the same two
    // figures, told once (the sum); a restatement with a third figure is still its own finding.
    let told_once = r#"[{"id":"h","label":"住房保障支出","amount":"65.91","restated":[{"amount":"65.90"}],
        "items":[{"id":"x","label":"住房改革支出","amount":"65.90"}]}]"#;
    let rules: Vec<Rule> = one(told_once).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, vec![Rule::Sum]);
    let third = told_once.replace(r#"{"amount":"65.90"}"#, r#"{"amount":"65.92"}"#);
    let rules: Vec<Rule> = one(&third).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, vec![Rule::Sum, Rule::Restated]);
}

#[test]
fn findings_come_in_document_order() {
    let breakdowns = r#"[
      {"id":"a","label":"A","amount":"10.00","restated":[{"amount":"10.50"}],"items":[
        {"id":"x","label":"X","amount":"9.00","items":[{"id":"y","label":"Y","amount":"8.00"}]}]},
      {"id":"b","label":"B","amount":"-1"}]"#;
    let order: Vec<(Rule, String)> = one(breakdowns).into_iter().map(|f| (f.0, f.2)).collect();
    assert_eq!(
        order,
        vec![
            (Rule::Sum, "a".into()),
            (Rule::Restated, "a".into()),
            (Rule::Sum, "a/x".into()),
            (Rule::Negative, "b".into()),
        ]
    );
}

#[test]
fn messages_explain_the_figures() {
    let json = r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[{"id":"p","label":"机关运行经费","amount":"77.57","items":[
        {"id":"a","label":"办公费","amount":"32.74"},{"id":"b","label":"其他","amount":"44.84"}]}]}"#;
    let report = parse_report(json).unwrap();
    let finding = &check(&report)[0];
    assert_eq!(
        finding.message(Lang::Zh),
        "“机关运行经费”印为77.57万元，而它的2个明细项合计77.58万元，相差0.01万元。各数分别四舍五入最多可造成约0.02万元的差额，这一差额没有超出，可能只是舍入所致；但印出的数字确实对不上，读者会看到矛盾，所以仍然列出。"
    );
    assert_eq!(
        finding.message(Lang::En),
        "\"机关运行经费\" is printed as CNY 775,700, but its 2 items add up to CNY 775,800: they differ by CNY 100. Rounding each printed figure can account for a gap of up to about CNY 200, so this one may be rounding alone; it is listed because the printed figures still disagree and a reader will see it."
    );
}

#[test]
fn paths_through_wide_nodes_resolve() {
    // 40 items: past the linear scan, the children are looked up by id.
    let amounts: Vec<String> = (0..40).map(|i| format!("{i}.00")).collect();
    let refs: Vec<&str> = amounts.iter().map(String::as_str).collect();
    let wide = parent("780.00", &refs, "");
    let breakdowns = format!(
        r#"[{},{{"id":"x","label":"甲","amount":"3.90","share":"10.00","share_of":"p/i39"}}]"#,
        wide.trim_start_matches('[').trim_end_matches(']')
    );
    let relation = r#"[{"id":"r","label":"关系","left":["p/i39"],"right":["p/i38","x"]}]"#;
    // 3.90/39.00 = 10%; 39.00 vs 38.00 + 3.90 = 41.90: an error.
    assert_eq!(
        findings(&breakdowns, relation),
        vec![f(
            Rule::Relation,
            Severity::Error,
            "r",
            "39.00",
            "41.90",
            "0.015"
        )]
    );
}

#[test]
fn a_final_figure_said_in_words_to_stand_against_its_budget() {
    let node = |amount: &str, budget: &str, said: &str| {
        format!(
            r#"[{{"id":"x","label":"行政运行","amount":"{amount}","budget":"{budget}","comparison":"{said}"}}]"#
        )
    };
    // 1511.89 < 1560.05 by 48.16, far beyond rounding (0.005 + 0.005): "above" is an error.
    let said_above = findings(&node("1511.89", "1560.05", "above"), "[]");
    assert_eq!(
        said_above,
        vec![(
            Rule::Comparison,
            Severity::Error,
            "x".into(),
            "1511.89".into(),
            "1560.05".into(),
            "0.010".into()
        )]
    );
    // The words agree with the figures: nothing to say.
    assert!(findings(&node("1511.89", "1560.05", "below"), "[]").is_empty());
    assert!(findings(&node("8.00", "8.00", "equal"), "[]").is_empty());
    // 60.99 < 62.29: "equal" is an error; 8.0 against 8.04 may be equal before rounding (0.05 + 0.005).
    assert_eq!(
        findings(&node("60.99", "62.29", "equal"), "[]")[0].1,
        Severity::Error
    );
    assert!(findings(&node("8.0", "8.04", "equal"), "[]").is_empty());
    // Printed equal, said above: the unrounded figures may differ that way; a warning, not an error.
    assert_eq!(
        findings(&node("8.00", "8.00", "above"), "[]")[0].1,
        Severity::Warning
    );
    // No budget printed: nothing to set the words against.
    let no_budget = r#"[{"id":"x","label":"行政运行","amount":"1","comparison":"above"}]"#;
    assert!(findings(no_budget, "[]").is_empty());
}
