//! Hostile report texts (issue 6), shared by tests/it/hostile.rs (bounds on time, the right error) and
//! examples/hostile.rs (time and peak memory of one case in its own process, for bench/RESULTS.md).
//!
//! Cases already asserted in tests/it/parse_errors.rs (more than 20 MB, 100,001 nodes, 10,000-deep nodes,
//! a 10,000-digit JSON number, a duplicate `amount`, invalid UTF-8 in a title) appear here only where their
//! time and memory are of interest, and with a looser assertion.

#![allow(dead_code)]

use budget_lens::report::{AmountProblem, Problem, MAX_BYTES};

/// What a case must give.
pub enum Expect {
    /// A report (the checker then runs on it).
    Report,
    /// An error whose problem satisfies the predicate (described for messages).
    Error(&'static str, fn(&Problem) -> bool),
}

pub struct Case {
    pub name: &'static str,
    pub build: fn() -> Vec<u8>,
    pub expect: Expect,
}

fn report_with(breakdowns: &str, extra: &str) -> Vec<u8> {
    format!(
        "{{\n  \"format\": \"budget-lens/1\",\n  \"unit\": \"万元\",{extra}\n  \"breakdowns\": {breakdowns}\n}}"
    )
    .into_bytes()
}

fn one_node(amount_json: &str) -> Vec<u8> {
    report_with(
        &format!(r#"[{{"id":"a","label":"x","amount":{amount_json}}}]"#),
        "",
    )
}

fn siblings(count: usize, last_id: Option<&str>) -> Vec<u8> {
    let mut items = String::with_capacity(count * 96);
    for i in 0..count {
        if i > 0 {
            items.push_str(",\n");
        }
        let id = match last_id {
            Some(id) if i + 1 == count => id.to_string(),
            _ => format!("n{i}"),
        };
        items.push_str(&format!(
            r#"{{"id":"{id}","label":"第{i}项","amount":"1.00","share":"0.0010","share_of":"r","restated":[{{"amount":"1.00"}}]}}"#
        ));
    }
    let total = format!("{count}.00");
    report_with(
        &format!(r#"[{{"id":"r","label":"合计","amount":"{total}","items":[{items}]}}]"#),
        "",
    )
}

fn deep_value(levels: usize) -> String {
    format!("{}{}", "[".repeat(levels), "]".repeat(levels))
}

fn is_too_large(p: &Problem) -> bool {
    matches!(p, Problem::TooLarge { .. })
}
fn is_not_utf8(p: &Problem) -> bool {
    *p == Problem::NotUtf8
}
fn is_json_too_deep(p: &Problem) -> bool {
    *p == Problem::JsonTooDeep
}
fn is_too_many_digits(p: &Problem) -> bool {
    matches!(
        p,
        Problem::BadAmount {
            problem: AmountProblem::TooManyDigits,
            ..
        }
    )
}
fn is_wrong_type(p: &Problem) -> bool {
    matches!(p, Problem::WrongType { .. })
}
fn is_duplicate_format(p: &Problem) -> bool {
    matches!(p, Problem::DuplicateField { field } if field == "format")
}
fn is_duplicate_breakdowns(p: &Problem) -> bool {
    matches!(p, Problem::DuplicateField { field } if field == "breakdowns")
}
fn is_duplicate_text(p: &Problem) -> bool {
    matches!(p, Problem::DuplicateField { field } if field == "text")
}
fn is_duplicate_id(p: &Problem) -> bool {
    matches!(p, Problem::DuplicateId { id } if id == "n0")
}
fn is_out_of_range(p: &Problem) -> bool {
    matches!(p, Problem::Syntax { detail } if detail.contains("out of range"))
}
fn is_syntax(p: &Problem) -> bool {
    matches!(p, Problem::Syntax { .. })
}

pub fn cases() -> Vec<Case> {
    vec![
        // --- size ---
        Case {
            name: "50 MB of text",
            build: || {
                let mut text = report_with("[]", "\n  \"title\": \"");
                text.truncate(text.len() - "\n  \"breakdowns\": []\n}".len());
                text.resize(50 * 1024 * 1024, b'x');
                text.extend_from_slice(b"\"}");
                text
            },
            expect: Expect::Error("too large", is_too_large),
        },
        Case {
            name: "just under 20 MB: a long source text, spans near its end",
            build: || {
                // 3-byte characters, so a span's character offset differs from its byte offset.
                let chars = (MAX_BYTES - 4096) / 3;
                let text = "收".repeat(chars);
                let extra = format!("\n  \"source\": {{\"text\": \"{text}\"}},");
                report_with(
                    &format!(
                        r#"[{{"id":"a","label":"收入","amount":"1","at":{{"start":{},"end":{chars}}}}}]"#,
                        chars - 1
                    ),
                    &extra,
                )
            },
            expect: Expect::Report,
        },
        // --- many nodes ---
        Case {
            name: "100,000 nodes: one total and 99,999 siblings with shares, share_of, restated",
            build: || siblings(99_999, None),
            expect: Expect::Report,
        },
        Case {
            name: "100,000 breakdowns (siblings at the top level)",
            build: || {
                let roots: Vec<String> = (0..100_000)
                    .map(|i| format!(r#"{{"id":"b{i}","label":"x","amount":"{i}"}}"#))
                    .collect();
                report_with(&format!("[{}]", roots.join(",")), "")
            },
            expect: Expect::Report,
        },
        Case {
            name: "99,999 siblings, the last one's id a duplicate of the first",
            build: || siblings(99_999, Some("n0")),
            expect: Expect::Error("duplicate id at the end", is_duplicate_id),
        },
        // --- deep nesting ---
        Case {
            name: "10,000-deep nodes (items in items)",
            build: || {
                let mut json = String::new();
                for _ in 0..10_000 {
                    json.push_str(r#"{"id":"n","label":"x","amount":"1","items":["#);
                }
                json.push_str(&"]}".repeat(10_000));
                report_with(&format!("[{json}]"), "")
            },
            expect: Expect::Error("JSON too deep", is_json_too_deep),
        },
        Case {
            name: "10,000-deep arrays as an amount",
            build: || one_node(&deep_value(10_000)),
            // The amount is refused at its first bracket, before any depth is reached.
            expect: Expect::Error(
                "an amount of the wrong type",
                |p| matches!(p, Problem::BadAmount { problem, .. } if *problem == AmountProblem::WrongType),
            ),
        },
        Case {
            name: "10,000-deep arrays as a label",
            build: || {
                report_with(
                    &format!(
                        r#"[{{"id":"a","label":{},"amount":"1"}}]"#,
                        deep_value(10_000)
                    ),
                    "",
                )
            },
            expect: Expect::Error("wrong type", is_wrong_type),
        },
        Case {
            name: "10,000-deep arrays in an unknown field of source (ignored)",
            build: || {
                report_with(
                    "[]",
                    &format!(
                        "\n  \"source\": {{\"text\": \"x\", \"x\": {}}},",
                        deep_value(10_000)
                    ),
                )
            },
            expect: Expect::Report,
        },
        // --- long numbers ---
        Case {
            name: "1,000,000-digit amount as a JSON number",
            build: || one_node(&"9".repeat(1_000_000)),
            expect: Expect::Error("too many digits", is_too_many_digits),
        },
        Case {
            name: "10,000-digit amount as a string",
            build: || one_node(&format!("\"{}\"", "9".repeat(10_000))),
            expect: Expect::Error("too many digits", is_too_many_digits),
        },
        Case {
            name: "10,000 decimals (0.000…1) as a number",
            build: || one_node(&format!("0.{}1", "0".repeat(9_999))),
            expect: Expect::Error("too many digits", is_too_many_digits),
        },
        Case {
            name: "10,000 leading zeros (000…1.5) as a string",
            build: || one_node(&format!("\"{}1.5\"", "0".repeat(10_000))),
            expect: Expect::Report,
        },
        Case {
            name: "10,000-digit year",
            build: || report_with("[]", &format!("\n  \"year\": {},", "9".repeat(10_000))),
            expect: Expect::Error("number out of range", is_out_of_range),
        },
        Case {
            name: "10,000-digit span start",
            build: || {
                report_with(
                    &format!(
                        r#"[{{"id":"a","label":"x","amount":"1","at":{{"start":{},"end":1}}}}]"#,
                        "9".repeat(10_000)
                    ),
                    "\n  \"source\": {\"text\": \"x\"},",
                )
            },
            expect: Expect::Error("number out of range", is_out_of_range),
        },
        Case {
            name: "10,000-digit number in an unknown field (ignored)",
            build: || report_with("[]", &format!("\n  \"x\": {},", "9".repeat(10_000))),
            expect: Expect::Report,
        },
        // --- duplicate keys ---
        Case {
            name: "duplicate format key",
            build: || b"{\"format\":\"budget-lens/1\",\"format\":\"budget-lens/1\"}".to_vec(),
            expect: Expect::Error("duplicate format", is_duplicate_format),
        },
        Case {
            name: "duplicate breakdowns key",
            build: || {
                report_with(
                    "[]",
                    "\n  \"breakdowns\": [{\"id\":\"a\",\"label\":\"x\",\"amount\":\"1\"}],",
                )
            },
            expect: Expect::Error("duplicate breakdowns", is_duplicate_breakdowns),
        },
        Case {
            name: "duplicate text key in source",
            build: || report_with("[]", "\n  \"source\": {\"text\": \"a\", \"text\": \"b\"},"),
            expect: Expect::Error("duplicate text", is_duplicate_text),
        },
        Case {
            name: "100,000 copies of one unknown key (ignored)",
            build: || report_with("[]", &"\n  \"x\": 1,".repeat(100_000)),
            expect: Expect::Report,
        },
        // --- invalid UTF-8 ---
        Case {
            name: "invalid UTF-8 at the end of 19 MB",
            build: || {
                let mut text = report_with("[]", "\n  \"title\": \"");
                text.truncate(text.len() - "\n  \"breakdowns\": []\n}".len());
                text.resize(19 * 1024 * 1024, b'x');
                text.extend_from_slice(b"\xFF\"}");
                text
            },
            expect: Expect::Error("not UTF-8", is_not_utf8),
        },
        Case {
            name: "overlong encoding of '/' (C0 AF) in an id",
            build: || one_node("\"1\"").replacen(b"\"a\"", b"\"\xC0\xAF\""),
            expect: Expect::Error("not UTF-8", is_not_utf8),
        },
        Case {
            name: "a UTF-16 surrogate encoded in UTF-8 (ED A0 80)",
            build: || one_node("\"1\"").replacen(b"\"x\"", b"\"\xED\xA0\x80\""),
            expect: Expect::Error("not UTF-8", is_not_utf8),
        },
        Case {
            name: "a multibyte character cut at the end",
            build: || {
                let mut text = one_node("\"1\"");
                text.extend_from_slice(b"\xE6\x94");
                text
            },
            expect: Expect::Error("not UTF-8", is_not_utf8),
        },
        Case {
            name: "UTF-16LE with its BOM",
            build: || {
                let text = String::from_utf8(one_node("\"1\"")).unwrap();
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                bytes
            },
            expect: Expect::Error("not UTF-8", is_not_utf8),
        },
        Case {
            name: "a lone surrogate escape (\\ud800) in a label",
            build: || one_node("\"1\"").replacen(b"\"x\"", b"\"\\ud800\""),
            expect: Expect::Error("JSON syntax", is_syntax),
        },
    ]
}

/// Long strings in places that an error message names: the message must still be short.
pub fn quoting_cases() -> Vec<Case> {
    vec![
        Case {
            name: "a 1 MB id, used twice",
            build: || {
                let id = "i".repeat(1_000_000);
                report_with(
                    &format!(
                        r#"[{{"id":"{id}","label":"x","amount":"1"}},{{"id":"{id}","label":"y","amount":"1"}}]"#
                    ),
                    "",
                )
            },
            expect: Expect::Error("duplicate id", |p| matches!(p, Problem::DuplicateId { .. })),
        },
        Case {
            name: "a 1 MB share_of that points nowhere",
            build: || {
                report_with(
                    &format!(
                        r#"[{{"id":"a","label":"x","amount":"1","share":"5","share_of":"{}"}}]"#,
                        "p/".repeat(500_000)
                    ),
                    "",
                )
            },
            expect: Expect::Error("dangling path", |p| {
                matches!(p, Problem::DanglingPath { .. })
            }),
        },
        Case {
            name: "a 1 MB unit",
            build: || {
                report_with(
                    "[]",
                    &format!(
                        "\n  \"title\": \"x\", \"unit\": \"{}\",",
                        "元".repeat(333_333)
                    ),
                )
                .replacen(b"\"unit\": \"\xE4\xB8\x87\xE5\x85\x83\",", b"")
            },
            expect: Expect::Error("unknown unit", |p| {
                matches!(p, Problem::UnknownVariant { .. })
            }),
        },
        Case {
            name: "a 1 MB format",
            build: || format!("{{\"format\":\"{}\"}}", "f".repeat(1_000_000)).into_bytes(),
            expect: Expect::Error("unknown format", |p| {
                matches!(p, Problem::UnknownFormat { .. })
            }),
        },
    ]
}

/// Byte-string replace of the first occurrence (the cases splice raw bytes into valid JSON).
pub trait ReplaceN {
    fn replacen(self, from: &[u8], to: &[u8]) -> Vec<u8>;
}

impl ReplaceN for Vec<u8> {
    fn replacen(self, from: &[u8], to: &[u8]) -> Vec<u8> {
        match self.windows(from.len()).position(|w| w == from) {
            Some(i) => [&self[..i], to, &self[i + from.len()..]].concat(),
            None => panic!("{} not found", String::from_utf8_lossy(from)),
        }
    }
}
