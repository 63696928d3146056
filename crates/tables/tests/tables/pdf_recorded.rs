//! The native grids and page texts of every corpus PDF, recorded in tests/data/tables/NAME.grids.json.
//! This test fails when the native output changes; the browser test (tests/browser/pdf.test.mjs) reads the
//! same files and compares pdf.js's grids with them, so the two readers are held to one output.
//! After a deliberate change: `UPDATE_GRIDS=1 cargo test -p budget-lens-tables --test tables pdf_recorded`.
#![cfg(feature = "pdf")]

use budget_lens_tables::layout::{page_grid, page_text};
use budget_lens_tables::pdf::read_pdf;
use serde::Serialize;
use std::path::PathBuf;

const CORPUS: [&str; 10] = [
    "putuo-commerce-2025-budget",
    "putuo-finance-2024-final-ALTERED",
    "putuo-finance-2024-final",
    "putuo-govoffice-2025-budget",
    "putuo-govoffice-2025-unit-budget",
    "putuo-justice-2026-budget",
    "putuo-justice-2026-unit-budget",
    "putuo-social-work-2024-final",
    "putuo-wanli-2024-budget",
    "template-2024-final",
];

#[derive(Serialize)]
struct RecordedPage {
    rows: Vec<Vec<String>>,
    text: String,
}

fn recorded(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/tables");
    let runs = read_pdf(&std::fs::read(dir.join(format!("{name}.pdf"))).unwrap()).unwrap();
    let pages: Vec<RecordedPage> = runs
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| RecordedPage {
            rows: page_grid(i + 1, page)
                .rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| c.as_ref().map_or(String::new(), |c| c.text.clone()))
                        .collect()
                })
                .collect(),
            text: page_text(page),
        })
        .collect();
    serde_json::to_string(&pages).unwrap() + "\n"
}

#[test]
fn native_grids_equal_the_recorded_grids() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/tables");
    for name in CORPUS {
        let path = dir.join(format!("{name}.grids.json"));
        let now = recorded(name);
        if std::env::var_os("UPDATE_GRIDS").is_some() {
            std::fs::write(&path, &now).unwrap();
            continue;
        }
        let before = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            before == now,
            "{name}: native grids differ from {} (rerun with UPDATE_GRIDS=1 if intended)",
            path.display()
        );
    }
}
