//! Found by fuzzing the extractor (fuzz target `extract`, issue 6); fixed, and kept as regression tests.
//!
//! "下降了0%" (fell by 0%) was extracted as a change rate of negative zero, written `"change_pct": "-0"`
//! (crates/extract/src/assemble/mod.rs, `signed`, now keeps no sign on zero). The parser read that back as 0,
//! so the extracted report did not survive its own JSON text unchanged, and the builder page showed and
//! downloaded a "-0". A change of zero has no sign.

use budget_lens::extract::extract;
use budget_lens::report::parse_report;

/// The fuzzer's input, minimized (its first and last bytes were invalid UTF-8: U+FFFD here).
const FUZZ_INPUT: &str = "\u{FFFD}机关运行经费4元下降了0%\u{FFFD}";

fn round_trip(text: &str) -> (String, String) {
    let report = extract(text).expect("a report").report;
    let json = serde_json::to_string(&report).unwrap();
    let again =
        serde_json::to_string(&parse_report(&json).expect("the parser accepts it")).unwrap();
    (json, again)
}

#[test]
fn fuzz_extract_a_fall_of_zero_percent() {
    let (json, again) = round_trip(FUZZ_INPUT);
    assert!(!json.contains("\"-0\""), "{json}");
    assert_eq!(again, json);
}

#[test]
fn a_fall_of_zero_percent_is_zero() {
    let (json, again) = round_trip("机关运行经费4元，比上年下降0%。");
    assert!(!json.contains("\"-0"), "{json}");
    assert_eq!(again, json);
}

#[test]
fn a_decrease_of_zero_is_zero() {
    let (json, again) = round_trip("机关运行经费4元，比上年减少0元。");
    assert!(!json.contains("\"-0"), "{json}");
    assert_eq!(again, json);
}
