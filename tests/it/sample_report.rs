//! The sample report www/reports/panjin-xinglongtai-2021.json (made by scripts/encode_sample.py): it parses,
//! its text is the published text verbatim, every span points at exactly the figure it annotates, the JSON
//! Schema accepts it and rejects broken variants, and its key figures are the printed ones.

use std::collections::HashSet;
use std::str::FromStr;

use budget_lens::report::{parse_decimal, parse_report, Amount, Node, Report, Span};
use rust_decimal::Decimal;
use serde_json::{json, Value};

const SAMPLE: &str = include_str!("../../www/reports/panjin-xinglongtai-2021.json");
const TEXT: &str = include_str!("../data/panjin-xinglongtai-smart-city-2021-final.txt");
const SCHEMA: &str = include_str!("../../www/schema/report-v1.schema.json");

fn sample() -> Report {
    parse_report(SAMPLE).unwrap_or_else(|e| panic!("the sample does not parse: {e:?}"))
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("a decimal literal")
}

fn node<'a>(report: &'a Report, path: &str) -> &'a Node {
    report
        .node_at(path)
        .unwrap_or_else(|| panic!("no node at {path}"))
}

/// Every node with its path, depth first in document order.
fn walk<'a>(nodes: &'a [Node], parent: &str, out: &mut Vec<(String, &'a Node)>) {
    for n in nodes {
        let path = if parent.is_empty() {
            n.id.clone()
        } else {
            format!("{parent}/{}", n.id)
        };
        out.push((path.clone(), n));
        walk(&n.items, &path, out);
    }
}

fn all_nodes(report: &Report) -> Vec<(String, &Node)> {
    let mut out = Vec::new();
    walk(&report.breakdowns, "", &mut out);
    out
}

/// One stated figure of a node: what it is, its value, where it is printed, and whether it is a signed
/// change (printed unsigned after 减少/增加).
struct Figure {
    what: String,
    value: Amount,
    at: Option<Span>,
    signed_change: bool,
}

fn figures(path: &str, n: &Node) -> Vec<Figure> {
    let fig = |name: &str, value: Option<Amount>, at: Option<Span>, signed_change: bool| {
        value.map(|value| Figure {
            what: format!("{path}.{name}"),
            value,
            at,
            signed_change,
        })
    };
    let s = &n.spans;
    let mut out: Vec<Figure> = [
        fig("amount", Some(n.amount), n.at, false),
        fig("share", n.share, s.share, false),
        fig("prior", n.prior, s.prior, false),
        fig("change", n.change, s.change, true),
        fig("change_pct", n.change_pct, s.change_pct, true),
        fig("budget", n.budget, s.budget, false),
        fig("completion_pct", n.completion_pct, s.completion_pct, false),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (i, r) in n.restated.iter().enumerate() {
        out.push(Figure {
            what: format!("{path}.restated[{i}]"),
            value: r.amount,
            at: r.at,
            signed_change: false,
        });
    }
    out
}

#[test]
fn source_text_is_the_published_text_verbatim() {
    let report = sample();
    assert_eq!(report.source_text(), TEXT);
    assert_eq!(report.title, TEXT.lines().next().unwrap_or(""));
    assert!(report.title.starts_with(&report.entity));
}

#[test]
fn every_span_slices_exactly_the_printed_figure() {
    let report = sample();
    let text = report.source_text();
    let chars: Vec<char> = text.chars().collect();
    let mut seen = HashSet::new();
    let mut checked = 0;
    for (path, n) in all_nodes(&report) {
        for f in figures(&path, n) {
            let at = f.at.unwrap_or_else(|| panic!("{} has no span", f.what));
            let printed = at
                .slice(text)
                .unwrap_or_else(|| panic!("{}: span {at:?} is outside the text", f.what));
            // The printed string, scale included ("11.00" is not "11"), and the exact value.
            let (expected_text, expected_value) = if f.signed_change {
                (f.value.value().abs().to_string(), f.value.value().abs())
            } else {
                (f.value.to_string(), f.value.value())
            };
            assert_eq!(
                printed, expected_text,
                "{}: the span {at:?} holds {printed:?}",
                f.what
            );
            assert_eq!(parse_decimal(&printed), Ok(expected_value), "{}", f.what);
            // The span is the whole number, not a piece of a longer one.
            let before = at.start.checked_sub(1).map(|i| chars[i]);
            let after = chars.get(at.end).copied();
            assert!(
                !before.is_some_and(|c| c.is_ascii_digit() || c == '.'),
                "{}: digit before {at:?}",
                f.what
            );
            assert!(
                !after.is_some_and(|c| c.is_ascii_digit()),
                "{}: digit after {at:?}",
                f.what
            );
            // A signed change takes its sign from the word printed before it.
            if f.signed_change {
                let word: String = chars[at.start.saturating_sub(2)..at.start].iter().collect();
                let negative = f.value.value().is_sign_negative();
                let words: &[&str] = if negative {
                    &["减少", "下降"]
                } else {
                    &["增加", "增长"]
                };
                assert!(
                    words.contains(&word.as_str()),
                    "{}: {word:?} before a change of {}",
                    f.what,
                    f.value
                );
            }
            // Each printed figure is annotated once.
            assert!(
                seen.insert((at.start, at.end)),
                "{}: span {at:?} annotates two figures",
                f.what
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 93, "stated figures with a span");
}

#[test]
fn the_model_keeps_every_field_and_printed_scale() {
    // Serializing the parsed report gives back the file's JSON: nothing dropped, "11.00" still "11.00".
    let raw: Value = serde_json::from_str(SAMPLE).expect("JSON");
    let again = serde_json::to_value(sample()).expect("serializes");
    assert_eq!(again, raw);
}

#[test]
fn node_count_and_key_figures() {
    let report = sample();
    assert_eq!(report.node_count(), 53);
    let roots: Vec<&str> = report.breakdowns.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        roots,
        [
            "income",
            "expenditure",
            "carryover_end",
            "fiscal_expenditure",
            "gpb_by_function",
            "gov_fund_expenditure",
            "state_capital_expenditure",
            "three_public",
            "gpb_basic",
            "admin_costs",
        ]
    );
    assert_eq!(report.relations.len(), 9);
    assert_eq!(report.year, Some(2021));

    let income = node(&report, "income");
    assert_eq!(income.amount.value(), dec("1550.17"));
    assert_eq!(income.change.map(Amount::value), Some(dec("-503.37")));
    assert_eq!(income.change_pct.map(Amount::value), Some(dec("-24.51")));
    assert_eq!(income.items.len(), 8);

    let basic = node(&report, "expenditure/basic");
    assert_eq!(basic.amount.to_string(), "897.05");
    assert_eq!(basic.share.map(|s| s.to_string()), Some("57.87".into()));
    assert_eq!(
        node(&report, "expenditure/basic/family_subsidy")
            .amount
            .to_string(),
        "7.3"
    );
    let project = node(&report, "expenditure/project");
    assert_eq!(project.restated.len(), 1);
    assert_eq!(project.restated[0].amount.value(), dec("653.12"));

    let medical = node(&report, "gpb_by_function/health/civil_servant_medical");
    assert_eq!(medical.amount.to_string(), "11.00");
    assert_eq!(medical.amount.value().scale(), 2);
    assert_eq!(
        medical.completion_pct.map(|c| c.to_string()),
        Some("100".into())
    );

    let shares: Decimal = node(&report, "gpb_by_function")
        .items
        .iter()
        .filter_map(|n| n.share)
        .map(Amount::value)
        .sum();
    assert_eq!(shares, dec("99.99"));

    let housing = node(&report, "gpb_by_function/housing");
    assert_eq!(housing.amount.to_string(), "65.91");
    assert_eq!(housing.restated[0].amount.to_string(), "65.90");
    assert_eq!(housing.items.len(), 1);
    assert_eq!(housing.items[0].amount.to_string(), "65.90");

    let admin = node(&report, "admin_costs");
    assert_eq!(admin.amount.to_string(), "77.57");
    assert_eq!(admin.change.map(|c| c.to_string()), Some("25.13".into()));
    assert_eq!(
        admin.change_pct.map(|c| c.to_string()),
        Some("47.92".into())
    );
    assert!(!admin.partial);
    let items: Decimal = admin.items.iter().map(|n| n.amount.value()).sum();
    assert_eq!((admin.items.len(), items), (9, dec("77.58")));

    for zero in [
        "carryover_end",
        "gov_fund_expenditure",
        "state_capital_expenditure",
        "three_public",
    ] {
        assert_eq!(node(&report, zero).amount.value(), Decimal::ZERO, "{zero}");
    }
    assert_eq!(
        node(&report, "gpb_basic/personnel").amount.to_string(),
        "819.47"
    );
    assert_eq!(
        node(&report, "gpb_basic/public").amount.to_string(),
        "77.58"
    );
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

fn schema_errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_schema_accepts_the_sample() {
    let instance: Value = serde_json::from_str(SAMPLE).expect("JSON");
    let errors = schema_errors(&validator(), &instance);
    assert!(
        errors.is_empty(),
        "the schema rejects the sample: {errors:#?}"
    );
}

#[test]
fn the_schema_accepts_a_minimal_report_and_extra_fields() {
    let validator = validator();
    let minimal = json!({ "format": "budget-lens/1" });
    assert!(schema_errors(&validator, &minimal).is_empty());
    let extra = json!({
        "format": "budget-lens/1",
        "publisher": "someone",
        "breakdowns": [{ "id": "a", "label": "A", "amount": 12.5, "note": "x",
                         "items": [{ "id": "b", "label": "B", "amount": "-12.50" }] }]
    });
    assert!(
        schema_errors(&validator, &extra).is_empty(),
        "{:#?}",
        schema_errors(&validator, &extra)
    );
    assert!(parse_report(&extra.to_string()).is_ok());
}

/// Broken variants of the sample: the schema and the parser both reject each.
#[test]
fn the_schema_and_the_parser_reject_broken_reports() {
    type Breaker = fn(&mut Value);
    let breakers: [(&str, Breaker); 9] = [
        ("missing amount", |r| {
            r["breakdowns"][0]
                .as_object_mut()
                .map(|n| n.remove("amount"));
        }),
        ("missing nested amount", |r| {
            r["breakdowns"][4]["items"][3]["items"][0]
                .as_object_mut()
                .map(|n| n.remove("amount"));
        }),
        ("amount abc", |r| {
            r["breakdowns"][0]["amount"] = json!("abc")
        }),
        ("amount with exponent in a string", |r| {
            r["breakdowns"][1]["items"][0]["share"] = json!("1e3")
        }),
        ("amount true", |r| {
            r["breakdowns"][9]["items"][0]["amount"] = json!(true)
        }),
        ("no format", |r| {
            r.as_object_mut().map(|o| o.remove("format"));
        }),
        ("another format", |r| r["format"] = json!("budget-lens/2")),
        ("unknown unit", |r| r["unit"] = json!("千元")),
        ("id with a slash", |r| {
            r["breakdowns"][2]["id"] = json!("carryover/end")
        }),
    ];
    let validator = validator();
    let sample: Value = serde_json::from_str(SAMPLE).expect("JSON");
    for (name, breaker) in breakers {
        let mut broken = sample.clone();
        breaker(&mut broken);
        assert_ne!(broken, sample, "{name}: the variant is not broken");
        assert!(
            !validator.is_valid(&broken),
            "{name}: the schema accepts it"
        );
        assert!(
            parse_report(&broken.to_string()).is_err(),
            "{name}: the parser accepts it"
        );
    }
}

/// The checker finds exactly the real discrepancies of the published report, and nothing else: the class
/// shares add to 99.99 (a note), 住房保障支出 is 65.91 in the class list but 65.90 in its detail and its only
/// item, and 机关运行经费 is 77.57 while its items add to 77.58.
#[test]
fn the_checker_finds_exactly_the_real_discrepancies() {
    use budget_lens::check::{check, Rule, Severity};
    let report = sample();
    let findings = check(&report);
    let got: Vec<(Rule, Severity, &str, Decimal, Decimal)> = findings
        .iter()
        .map(|f| (f.rule, f.severity, f.path.as_str(), f.stated, f.expected))
        .collect();
    let expected = [
        (
            Rule::SharesTotal,
            Severity::Note,
            "gpb_by_function",
            dec("99.99"),
            dec("100"),
        ),
        (
            Rule::Sum,
            Severity::Warning,
            "gpb_by_function/housing",
            dec("65.91"),
            dec("65.90"),
        ),
        // 65.90 is also printed as the item of 住房保障支出 elsewhere: the same two figures, so the restatement
        // is not listed a second time (one finding per discrepancy).
        (
            Rule::Sum,
            Severity::Warning,
            "admin_costs",
            dec("77.57"),
            dec("77.58"),
        ),
    ];
    assert_eq!(got, expected, "{findings:#?}");
    // A printed figure that disagrees is located: its span holds the stated figure as printed.
    for f in findings.iter().filter(|f| f.rule != Rule::SharesTotal) {
        let at = f.at.unwrap_or_else(|| panic!("{f:?} has no span"));
        assert_eq!(
            at.slice(report.source_text()),
            Some(f.stated.to_string()),
            "{f:?}"
        );
    }
}

/// The report examples in docs/FORMAT.md parse, the schema accepts them, their spans hold their figures and the
/// checker finds nothing in them.
#[test]
fn the_examples_in_format_md_are_valid_reports() {
    let doc = include_str!("../../docs/FORMAT.md");
    let examples: Vec<&str> = doc
        .split("```json\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .filter(|block| block.contains("\"format\": \"budget-lens/1\""))
        .collect();
    assert_eq!(examples.len(), 2, "report examples in docs/FORMAT.md");
    let validator = validator();
    for example in examples {
        let report = parse_report(example).unwrap_or_else(|e| panic!("{e:?} in\n{example}"));
        let instance: Value = serde_json::from_str(example).expect("JSON");
        assert!(
            validator.is_valid(&instance),
            "{:#?}",
            schema_errors(&validator, &instance)
        );
        let text = report.source_text();
        for (path, n) in all_nodes(&report) {
            for f in figures(&path, n).into_iter().filter(|f| f.at.is_some()) {
                let printed = f.at.and_then(|at| at.slice(text));
                assert_eq!(
                    printed,
                    Some(f.value.value().abs().to_string()),
                    "{}",
                    f.what
                );
            }
        }
        let findings = budget_lens::check::check(&report);
        assert!(findings.is_empty(), "{findings:#?}");
    }
}
