//! A node's `printed.unit` and `printed.decimals` (docs/FORMAT.md, "Imported tables"): read, rejected with
//! their JSON path and place when invalid, and used by the checker and its messages.

use budget_lens_core::check::{check, Rule, Severity};
use budget_lens_core::report::{parse_report, Printing, Unit};
use budget_lens_core::Lang;

/// A report in 元 whose 三公 table was printed in 万元 to two decimals: 合计 `total`, items 0, 9.98, 0.83.
fn three_public(total: &str, printed: &str) -> String {
    let p = |text: &str| format!(r#"{{"table":"“三公”经费预算表","text":"{text}",{printed}}}"#);
    format!(
        r#"{{"format":"budget-lens/1","unit":"元","breakdowns":[
  {{"id":"three_public","label":"“三公”经费合计","amount":"{total}","printed":{},
    "items":[{{"id":"abroad","label":"因公出国（境）费","amount":"0","printed":{}}},
             {{"id":"vehicles","label":"公务用车购置及运行费","amount":"99800","printed":{}}},
             {{"id":"reception","label":"公务接待费","amount":"8300","printed":{}}}]}}]}}"#,
        p("10.81"),
        p("0"),
        p("9.98"),
        p("0.83")
    )
}

const WAN_2: &str = r#""unit":"万元","decimals":2"#;

#[test]
fn the_printing_is_read() {
    let report = parse_report(&three_public("108100", WAN_2)).unwrap();
    let printing = report.breakdowns[0].printing();
    assert_eq!(
        printing,
        Some(Printing {
            unit: Unit::WanYuan,
            decimals: Some(2)
        })
    );
    assert!(check(&report).is_empty());
    // Written back as read.
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.contains(r#""unit":"万元","decimals":2"#), "{json}");
}

#[test]
fn one_unit_of_the_printed_last_digit_is_rounding() {
    let findings = check(&parse_report(&three_public("108200", WAN_2)).unwrap());
    assert_eq!(findings.len(), 1, "{findings:?}");
    let f = &findings[0];
    assert_eq!((f.rule, f.severity), (Rule::Sum, Severity::Warning));
    // The finding's figures stay in the report's unit; its message says them as printed.
    assert_eq!(
        (f.stated.to_string(), f.expected.to_string()),
        ("108200".into(), "108100".into())
    );
    assert_eq!(f.tolerance.to_string(), "150");
    assert_eq!(
        f.message(Lang::Zh),
        "“‘三公’经费合计”印为10.82万元，而它的3个明细项合计10.81万元，相差0.01万元。见“‘三公’经费预算表”。各数分别四舍五入最多可造成约0.02万元的差额，这一差额没有超出，可能只是舍入所致；但印出的数字确实对不上，读者会看到矛盾，所以仍然列出。"
    );
    assert!(
        f.message(Lang::En).starts_with(
            "\"“三公”经费合计\" is printed as CNY 108,200, but its 3 items add up to CNY 108,100: they differ by CNY 100. See the table \"“三公”经费预算表\". Rounding each printed figure can account for a gap of up to about CNY 200"
        ),
        "{}",
        f.message(Lang::En)
    );
    // Without the printing the same figures are held to the yuan: an error.
    let plain = check(&parse_report(&three_public("108200", r#""page":1"#)).unwrap());
    assert_eq!(plain[0].severity, Severity::Error);
    assert!(plain[0].message(Lang::Zh).contains("印为108200元"));
}

#[test]
fn two_units_off_is_still_an_error() {
    let findings = check(&parse_report(&three_public("108300", WAN_2)).unwrap());
    let f = &findings[0];
    assert_eq!((f.rule, f.severity), (Rule::Sum, Severity::Error));
    assert!(
        f.message(Lang::Zh).starts_with("“‘三公’经费合计”印为10.83万元，而它的3个明细项合计10.81万元，相差0.02万元。见“‘三公’经费预算表”。这超出了各数分别四舍五入最多能造成的约0.015万元"),
        "{}",
        f.message(Lang::Zh)
    );
}

#[test]
fn an_invalid_printing_is_rejected_with_its_place() {
    let cases = [
        (
            r#""unit":"千元","decimals":2"#,
            "$.breakdowns[0].printed.unit",
            "（应为 \"元\"、\"万元\"、\"亿元\" 之一）",
        ),
        (
            r#""unit":"万元","decimals":29"#,
            "$.breakdowns[0].printed.decimals",
            "0到28之间的整数（小数位数）",
        ),
        (
            r#""unit":"万元","decimals":-1"#,
            "$.breakdowns[0].printed.decimals",
            "超出了范围",
        ),
        (
            r#""unit":"万元","decimals":2.5"#,
            "$.breakdowns[0].printed.decimals",
            "应为0到28之间的整数（小数位数）",
        ),
        (
            r#""unit":"万元","decimals":"2""#,
            "$.breakdowns[0].printed.decimals",
            "应为0到28之间的整数（小数位数）",
        ),
        (
            r#""unit":10000"#,
            "$.breakdowns[0].printed.unit",
            "应为字符串",
        ),
    ];
    for (printed, path, words) in cases {
        let error = parse_report(&three_public("108100", printed)).unwrap_err();
        let zh = error.message(Lang::Zh);
        assert_eq!(error.path, path, "{zh}");
        assert!(zh.starts_with("第2行第"), "{zh}");
        assert!(zh.contains(words), "{zh}");
        assert!(!error.message(Lang::En).is_empty());
    }
    let en = parse_report(&three_public("108100", r#""unit":"万元","decimals":29"#))
        .unwrap_err()
        .message(Lang::En);
    assert!(
        en.contains("a whole number of decimals from 0 to 28"),
        "{en}"
    );
}

/// A narrative 三公 total printed as `1.56亿元` in a report in 万元, its items in 万元 (`812`, `10235`,
/// `4573` = 15620), a share of it and a restatement: `printed` without a table.
fn narrative_in_yi(printed: &str, restated: &str) -> String {
    format!(
        r#"{{"format":"budget-lens/1","unit":"万元","breakdowns":[
  {{"id":"three_public","label":"“三公”经费","amount":"15600","printed":{printed},
    "restated":[{{"amount":"{restated}"}}],
    "items":[{{"id":"abroad","label":"因公出国（境）费","amount":"812"}},
             {{"id":"vehicles","label":"公务用车购置及运行维护费","amount":"10235","share":"65.5"}},
             {{"id":"reception","label":"公务接待费","amount":"4573"}}]}}]}}"#
    )
}

#[test]
fn a_printed_without_a_table_is_a_narrative_figure() {
    let printed = r#"{"text":"1.56","unit":"亿元","decimals":2}"#;
    let report = parse_report(&narrative_in_yi(printed, "15620")).unwrap();
    let node = &report.breakdowns[0];
    let p = node.printed.as_ref().unwrap();
    assert!(!p.in_table());
    assert_eq!((p.table.as_str(), p.text.as_str()), ("", "1.56"));
    assert_eq!(
        node.printing(),
        Some(Printing {
            unit: Unit::YiYuan,
            decimals: Some(2)
        })
    );
    // Held to 0.005亿元 = 50万元 in every rule: the items' 15620, the share 10235 / 15600 = 65.6 % printed
    // 65.5 % and the restated 15620 are rounding at most, never an error.
    let findings = check(&report);
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{findings:?}"
    );
    // Written back without a table.
    let json = serde_json::to_string(&report).unwrap();
    assert!(
        json.contains(r#""printed":{"text":"1.56","unit":"亿元","decimals":2}"#),
        "{json}"
    );
    // A figure of the text is placed by its quote, never by an empty table's name.
    for f in &findings {
        assert!(
            !f.message(Lang::Zh).contains("“”"),
            "{}",
            f.message(Lang::Zh)
        );
    }
}

#[test]
fn without_its_printing_the_same_figures_are_errors() {
    // The same report with no `printed`: 15600 exact to 0.5万元, the share 65.5 % an error.
    let plain = narrative_in_yi("null", "15600");
    let findings = check(&parse_report(&plain).unwrap());
    let error = |rule| {
        move |f: &budget_lens_core::check::Finding| f.rule == rule && f.severity == Severity::Error
    };
    assert!(findings.iter().any(error(Rule::Share)), "{findings:?}");
    assert!(findings.iter().any(error(Rule::Sum)), "{findings:?}");
    // A real gap stays an error at the printed precision: a share of 60 %.
    let printed = r#"{"text":"1.56","unit":"亿元","decimals":2}"#;
    let far = narrative_in_yi(printed, "15600").replace(r#""share":"65.5""#, r#""share":"60.0""#);
    let findings = check(&parse_report(&far).unwrap());
    assert!(findings.iter().any(error(Rule::Share)), "{findings:?}");
}

#[test]
fn an_old_printed_with_a_table_reads_as_before() {
    let report = parse_report(&three_public("108100", WAN_2)).unwrap();
    let p = report.breakdowns[0].printed.as_ref().unwrap();
    assert!(p.in_table());
    assert_eq!(p.table, "“三公”经费预算表");
    // A `table` that is not a string is still rejected.
    let bad =
        three_public("108100", WAN_2).replacen(r#""table":"“三公”经费预算表""#, r#""table":7"#, 1);
    assert!(parse_report(&bad).is_err());
}
