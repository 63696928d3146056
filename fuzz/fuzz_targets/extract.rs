//! Arbitrary text → `extract`. An error must have its message in both languages. A report must be one the
//! parser accepts (its JSON text → `parse_report`, the same report back), hold no more figures than the
//! text printed, and go through `check` with every message in both languages.
#![no_main]

use budget_lens::check::check;
use budget_lens::extract::extract;
use budget_lens::report::parse_report;
use budget_lens::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The extractor takes text: invalid UTF-8 becomes U+FFFD, as a page decoding a pasted text would.
    let text = String::from_utf8_lossy(data);
    match extract(&text) {
        Err(e) => {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!e.message(lang).is_empty());
            }
        }
        Ok(extraction) => {
            assert!(
                extraction.taken <= extraction.figures,
                "took {} of {} figures",
                extraction.taken,
                extraction.figures
            );
            let report = &extraction.report;
            let json = serde_json::to_string(report).expect("a report serializes");
            let parsed = match parse_report(&json) {
                Ok(parsed) => parsed,
                Err(e) => panic!("the extractor made a report the parser rejects: {e}\n{json}"),
            };
            let json_again = serde_json::to_string(&parsed).expect("a report serializes");
            assert_eq!(json_again, json, "the parser changed an extracted report");
            for finding in check(&parsed) {
                for lang in [Lang::Zh, Lang::En] {
                    assert!(!finding.message(lang).is_empty());
                }
            }
        }
    }
});
