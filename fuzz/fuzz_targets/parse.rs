//! Arbitrary bytes → `parse_report_bytes`. An error must have a message in both languages; a report must
//! pass through the checker, and every finding must have its message and JSON form in both languages.
#![no_main]

use budget_lens::check::check;
use budget_lens::report::parse_report_bytes;
use budget_lens::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match parse_report_bytes(data) {
        Err(e) => {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!e.message(lang).is_empty());
                let _ = e.problem.describe(lang);
            }
        }
        Ok(report) => {
            assert!(report.node_count() <= budget_lens::report::MAX_NODES);
            let findings = check(&report);
            for finding in &findings {
                for lang in [Lang::Zh, Lang::En] {
                    assert!(!finding.message(lang).is_empty());
                    serde_json::to_string(&finding.to_out(lang)).expect("a finding serializes");
                }
            }
            // What was read is written back in a form the parser reads again, to the same report.
            let json = serde_json::to_string(&report).expect("a report serializes");
            match budget_lens::report::parse_report(&json) {
                Ok(again) => {
                    // Compared as text: Decimal's `==` ignores the printed scale, which the checker uses.
                    let json_again = serde_json::to_string(&again).expect("a report serializes");
                    assert_eq!(json_again, json, "the round trip changed the report");
                }
                Err(e) => panic!("a parsed report, written back, is rejected: {e}\n{json}"),
            }
        }
    }
});
