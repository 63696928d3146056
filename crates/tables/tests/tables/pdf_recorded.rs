//! The native grids and page texts of every corpus PDF, recorded in tests/data/tables/NAME.grids.json.
//! This test fails when the native output changes; the browser test (tests/browser/pdf.test.mjs) reads the
//! same files and compares pdf.js's grids with them, so the two readers are held to one output.
//! After a deliberate change: `UPDATE_GRIDS=1 cargo test -p budget-lens-tables --test tables pdf_recorded`.
#![cfg(feature = "pdf")]

use crate::support::{corpus, data};
use budget_lens_tables::layout::{page_grid, page_text};
use budget_lens_tables::pdf::read_pdf;
use serde::Serialize;

#[derive(Serialize)]
struct RecordedPage {
    rows: Vec<Vec<String>>,
    text: String,
}

fn recorded(name: &str) -> String {
    let dir = data("");
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
    let dir = data("");
    for name in corpus() {
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
