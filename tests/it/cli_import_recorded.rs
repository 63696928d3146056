//! The CLI's report of every corpus PDF (`budget-lens import NAME.pdf`), recorded in
//! tests/data/tables/NAME.report.json. This test fails when the CLI's output changes; the browser test
//! (tests/browser/import.test.mjs) imports the same PDFs in the builder page (pdf.js → the builder wasm's
//! `TableImport`) and compares its report with these files, so the two paths are held to one report.
//! After a deliberate change: `UPDATE_REPORTS=1 cargo test --test it cli_import_recorded`.

use crate::support::process;

use process::{run, text};
use std::path::PathBuf;

include!("../../crates/tables/tests/tables/corpus_list.rs");
fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/tables")
        .join(name)
}

#[test]
fn the_cli_report_of_every_corpus_pdf_equals_the_recorded_report() {
    let update = std::env::var_os("UPDATE_REPORTS").is_some();
    for name in corpus() {
        let pdf = data(&format!("{name}.pdf"));
        let out = run(&["import", pdf.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
        let now = text(&out.stdout);
        let recorded = data(&format!("{name}.report.json"));
        if update {
            std::fs::write(&recorded, &now).unwrap();
            continue;
        }
        let before = std::fs::read_to_string(&recorded).unwrap_or_default();
        assert!(
            before == now,
            "{name}: the CLI's report differs from {} (rerun with UPDATE_REPORTS=1 if intended)",
            recorded.display()
        );
    }
}

/// The model reader (crates/core/src/report/read.rs, what `check` and the widget read a report with) reads
/// every member the importer writes: each recorded report read and written again is the same JSON.
#[test]
fn every_recorded_report_reads_back_whole() {
    for name in corpus() {
        let bytes = std::fs::read(data(&format!("{name}.report.json"))).unwrap();
        let report = budget_lens::report::parse_report_bytes(&bytes)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let written: serde_json::Value = serde_json::to_value(&report).unwrap();
        let recorded: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert!(written == recorded, "{name}: a member is lost on reading");
    }
}
