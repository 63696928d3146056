//! Every rejection of the design gives one clear message with the JSON path and line:column, in both
//! languages; nothing panics, whatever the bytes.

use budget_lens::report::{parse_report, parse_report_bytes, Problem, ReportError, MAX_BYTES};
use budget_lens::Lang;

fn reject(bytes: &[u8]) -> ReportError {
    match parse_report_bytes(bytes) {
        Ok(_) => panic!(
            "accepted: {}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
        ),
        Err(e) => e,
    }
}

fn report_with(breakdowns: &str) -> String {
    format!("{{\n  \"format\": \"budget-lens/1\",\n  \"unit\": \"万元\",\n  \"breakdowns\": {breakdowns}\n}}")
}

/// Asserts the place and that both languages name it.
fn assert_at(e: &ReportError, path: &str, line: usize, column: usize) {
    assert_eq!(
        (e.path.as_str(), e.line, e.column),
        (path, line, column),
        "{e}"
    );
    let zh = e.message(Lang::Zh);
    let en = e.message(Lang::En);
    assert!(
        zh.starts_with(&format!("第{line}行第{column}列（{path}）：")),
        "{zh}"
    );
    assert!(
        en.starts_with(&format!("line {line}, column {column} ({path}): ")),
        "{en}"
    );
}

#[test]
fn a_utf8_bom_is_accepted() {
    let text = report_with(r#"[{"id":"a","label":"收入","amount":"1"}]"#);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    assert!(parse_report_bytes(&bytes).is_ok());
    assert!(parse_report(&format!("\u{FEFF}{text}")).is_ok());
}

#[test]
fn invalid_utf8_names_its_place() {
    let mut bytes = "{\"format\": \"budget-lens/1\",\n  \"title\": \"收入"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"\xFF\xFE\"}");
    let e = reject(&bytes);
    assert_eq!(e.problem, Problem::NotUtf8);
    assert_eq!((e.line, e.column), (2, 15));
    assert!(e.message(Lang::Zh).contains("UTF-8"));
}

#[test]
fn empty_input() {
    for text in ["", "   \n\t "] {
        let e = reject(text.as_bytes());
        assert_eq!(e.problem, Problem::Empty);
        assert_at(&e, "$", 1, 1);
        assert_eq!(
            e.message(Lang::En),
            "line 1, column 1 ($): the report is empty (no JSON at all)"
        );
    }
}

#[test]
fn a_json_array_is_not_a_report() {
    let e = reject(b"\n  [1, 2]");
    assert_eq!(e.problem, Problem::NotAnObject { found: "an array" });
    assert_at(&e, "$", 2, 3);
    assert!(e.message(Lang::Zh).contains("数组"));
}

#[test]
fn syntax_errors_have_their_line_and_column() {
    let e = reject(b"{\n  \"format\": \"budget-lens/1\",\n  \"breakdowns\": [,]\n}");
    assert!(matches!(e.problem, Problem::Syntax { .. }), "{e:?}");
    assert_eq!((e.line, e.column), (3, 18));
    assert!(
        e.message(Lang::Zh)
            .contains("JSON 语法错误：这里应是一个值"),
        "{}",
        e.message(Lang::Zh)
    );
}

/// serde_json tells its syntax errors only in English words: each kind it can raise reads in Chinese.
#[test]
fn every_kind_of_syntax_error_reads_in_chinese() {
    let broken: [&[u8]; 10] = [
        b"{\"format\": tru}",
        b"{\"format\": }",
        b"{\"format\" \"budget-lens/1\"}",
        b"{\"format\": \"budget-lens/1\" \"title\": \"x\"}",
        b"{\"breakdowns\": [1 2]}",
        b"{\"format\": \"a\\qb\"}",
        b"{\"format\": \"\\u12\"}",
        b"{\"format\": 01}",
        b"{\"format\": \"budget-lens/1\",}",
        b"{\"format\": \"budget-lens/1\"} x",
    ];
    for text in broken {
        let e = reject(text);
        assert!(matches!(e.problem, Problem::Syntax { .. }), "{e:?}");
        let zh = e.message(Lang::Zh);
        let reason = zh.split("JSON 语法错误：").nth(1).unwrap_or("");
        assert!(
            reason
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && !reason.starts_with("无法读取"),
            "{}: {zh}",
            String::from_utf8_lossy(text)
        );
    }
}

#[test]
fn unknown_and_missing_format() {
    let e = reject(b"{\"title\":\"x\",\n \"format\": \"budget-lens/2\"}");
    assert_eq!(
        e.problem,
        Problem::UnknownFormat {
            found: "\"budget-lens/2\"".into()
        }
    );
    assert_at(&e, "$.format", 2, 12);
    let e = reject(b"{\"title\":\"x\"}");
    assert_eq!(e.problem, Problem::MissingFormat);
}

#[test]
fn a_missing_amount() {
    let e = reject(report_with(r#"[{"id":"a","label":"收入"}]"#).as_bytes());
    assert_eq!(
        e.problem,
        Problem::MissingField {
            field: "amount".into()
        }
    );
    assert_at(&e, "$.breakdowns[0]", 4, 18);
    assert!(e.message(Lang::Zh).contains("缺少必填字段 \"amount\""));
}

#[test]
fn non_decimal_amounts() {
    let cases = [
        (r#""abc""#, "malformed"),
        (r#""NaN""#, "nan"),
        (r#""Infinity""#, "nan"),
        (r#""1e3""#, "exponent"),
        ("1e400", "exponent"),
        ("1.5E2", "exponent"),
        (r#""1,550.17""#, "malformed"),
        ("true", "type"),
        (r#""""#, "empty"),
    ];
    for (amount, code) in cases {
        let text = report_with(&format!(
            r#"[{{"id":"a","label":"收入","amount":{amount}}}]"#
        ));
        let e = reject(text.as_bytes());
        match &e.problem {
            Problem::BadAmount { problem, .. } => assert_eq!(problem.code(), code, "{amount}"),
            other => panic!("{amount}: {other:?}"),
        }
        assert_at(&e, "$.breakdowns[0].amount", 4, 50);
    }
}

#[test]
fn a_number_with_ten_thousand_digits() {
    let text = report_with(&format!(
        r#"[{{"id":"a","label":"x","amount":{}}}]"#,
        "9".repeat(10_000)
    ));
    let e = reject(text.as_bytes());
    assert!(matches!(&e.problem, Problem::BadAmount { problem, .. } if problem.code() == "digits"));
}

#[test]
fn nineteen_digits_and_json_numbers_stay_exact() {
    let text =
        report_with(r#"[{"id":"a","label":"x","amount":1234567890123456789.01,"share":"7.30"}]"#);
    let report = parse_report(&text).unwrap();
    assert_eq!(
        report.breakdowns[0].amount.to_string(),
        "1234567890123456789.01"
    );
    assert_eq!(report.breakdowns[0].share.unwrap().to_string(), "7.30");
}

#[test]
fn duplicate_sibling_ids() {
    let text = report_with(
        r#"[{"id":"e","label":"支出","amount":"3","items":[{"id":"a","label":"甲","amount":"1"},
    {"id":"a","label":"乙","amount":"2"}]}]"#,
    );
    let e = reject(text.as_bytes());
    assert_eq!(e.problem, Problem::DuplicateId { id: "a".into() });
    assert_at(&e, "$.breakdowns[0].items[1].id", 5, 11);
    assert_eq!(
        e.message(Lang::Zh),
        "第5行第11列（$.breakdowns[0].items[1].id）：同级节点中 id \"a\" 重复"
    );
}

#[test]
fn duplicate_keys_in_one_object() {
    let text = report_with(r#"[{"id":"a","label":"x","amount":"1","amount":"2"}]"#);
    let e = reject(text.as_bytes());
    assert_eq!(
        e.problem,
        Problem::DuplicateField {
            field: "amount".into()
        }
    );
    assert!(e.path.starts_with("$.breakdowns[0]"), "{}", e.path);
}

#[test]
fn paths_that_point_nowhere() {
    let text = report_with(
        r#"[{"id":"a","label":"x","amount":"1","share":"5","share_of":"expenditure"}]"#,
    );
    let e = reject(text.as_bytes());
    assert_eq!(
        e.problem,
        Problem::DanglingPath {
            target: "expenditure".into()
        }
    );
    assert_eq!(e.path, "$.breakdowns[0].share_of");

    let text = format!(
        "{}\n,\"relations\":[{{\"id\":\"r\",\"left\":[\"a\"],\"right\":[\"a/b\"]}}]}}",
        report_with(r#"[{"id":"a","label":"x","amount":"1"}]"#).trim_end_matches('}')
    );
    let e = reject(text.as_bytes());
    assert_eq!(
        e.problem,
        Problem::DanglingPath {
            target: "a/b".into()
        }
    );
    assert_at(&e, "$.relations[0].right[0]", 6, 47);
}

fn nested(levels: usize) -> String {
    let mut json = String::from(r#"{"id":"leaf","label":"x","amount":"1"}"#);
    for _ in 1..levels {
        json = format!(r#"{{"id":"n","label":"x","amount":"1","items":[{json}]}}"#);
    }
    report_with(&format!("[{json}]"))
}

#[test]
fn thirty_two_levels_are_accepted_thirty_three_are_not() {
    assert!(parse_report(&nested(32)).is_ok());
    let e = reject(nested(33).as_bytes());
    assert_eq!(e.problem, Problem::TooDeep { limit: 32 });
    assert_eq!(e.path, format!("$.breakdowns[0]{}", ".items[0]".repeat(32)));
}

#[test]
fn ten_thousand_deep_nesting() {
    let e = reject(nested(10_000).as_bytes());
    assert!(
        matches!(e.problem, Problem::JsonTooDeep | Problem::TooDeep { .. }),
        "{e:?}"
    );
    let raw = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(
        reject(raw.as_bytes()).problem,
        Problem::NotAnObject { .. }
    ));
    // Unknown fields are ignored, however deep (serde_json skips them without recursing).
    let raw = format!(
        "{{\"format\":\"budget-lens/1\",\"x\":{}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert!(parse_report(&raw).is_ok());
}

#[test]
fn more_than_a_hundred_thousand_nodes() {
    let items: Vec<String> = (0..100_000)
        .map(|i| format!(r#"{{"id":"n{i}","label":"x","amount":"1"}}"#))
        .collect();
    let text = report_with(&format!(
        r#"[{{"id":"r","label":"x","amount":"1","items":[{}]}}]"#,
        items.join(",")
    ));
    let e = reject(text.as_bytes());
    assert_eq!(
        e.problem,
        Problem::TooManyNodes {
            count: 100_001,
            limit: 100_000
        }
    );
}

#[test]
fn more_than_twenty_megabytes() {
    let text = report_with(&format!(
        r#"[{{"id":"a","label":"{}","amount":"1"}}]"#,
        "x".repeat(MAX_BYTES)
    ));
    let e = reject(text.as_bytes());
    assert!(matches!(e.problem, Problem::TooLarge { .. }));
    assert!(e.message(Lang::Zh).contains("字节的上限"));
}

#[test]
fn spans_must_lie_inside_the_text() {
    let text = r#"{"format":"budget-lens/1","source":{"text":"收入总计1550.17万元"},
      "breakdowns":[{"id":"a","label":"收入总计","amount":"1550.17","at":{"start":4,"end":40}}]}"#;
    let e = reject(text.as_bytes());
    assert_eq!(
        e.problem,
        Problem::SpanOutsideText {
            start: 4,
            end: 40,
            text_chars: 13
        }
    );
    assert_eq!(e.path, "$.breakdowns[0].at");
}

#[test]
fn wrong_types_and_values_are_named() {
    let e = reject(report_with(r#"{"id":"a"}"#).as_bytes());
    assert!(matches!(e.problem, Problem::WrongType { .. }), "{e:?}");
    assert_eq!(e.path, "$.breakdowns");
    let e = reject(b"{\"format\":\"budget-lens/1\",\"unit\":\"\xE5\x8D\x83\xE5\x85\x83\"}");
    assert!(
        matches!(&e.problem, Problem::UnknownVariant { found, .. } if found == "千元"),
        "{e:?}"
    );
    assert!(e.message(Lang::Zh).contains("千元"));
}

#[test]
fn ids_must_be_usable_in_paths() {
    let e = reject(report_with(r#"[{"id":"a/b","label":"x","amount":"1"}]"#).as_bytes());
    assert_eq!(e.problem, Problem::BadId { id: "a/b".into() });
}

#[test]
fn null_optional_figures_read_as_absent() {
    let text = report_with(
        r#"[{"id":"a","label":"x","amount":"1","share":null,"change":null,"code":null}]"#,
    );
    let node = &parse_report(&text).unwrap().breakdowns[0];
    assert_eq!(
        (node.share, node.change, node.code.clone()),
        (None, None, None)
    );
    // The amount itself is required: null is not an amount.
    let e = reject(report_with(r#"[{"id":"a","label":"x","amount":null}]"#).as_bytes());
    assert!(matches!(&e.problem, Problem::BadAmount { problem, .. } if problem.code() == "type"));
}

#[test]
fn wrong_types_read_in_chinese() {
    let e = reject(report_with(r#"[{"id":5,"label":"x","amount":"1"}]"#).as_bytes());
    assert_eq!(e.path, "$.breakdowns[0].id");
    assert!(
        e.message(Lang::Zh)
            .ends_with("值的类型不对：整数 `5`，应为字符串"),
        "{}",
        e.message(Lang::Zh)
    );
}
