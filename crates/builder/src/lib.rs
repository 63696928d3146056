//! The builder page's one WebAssembly module: the widget's exports (linked from `budget-lens-widget`, so the
//! page's preview and its tools share one module) plus the extractor (published text → report) and the
//! checker with each finding's place in the text or the table, and the table importer (`TableImport`: a PDF
//! as pdf.js read it, workbooks, CSV, HTML, the narrative as text). The widget's own module carries none of
//! this.

// Natively this crate is empty; it exists for the browser only.
#![cfg(target_arch = "wasm32")]

// Links the widget's #[wasm_bindgen] exports (Widget, uiStrings …) into this module.
pub use budget_lens_widget::*;

use wasm_bindgen::prelude::*;

use budget_lens_core::check::check;
use budget_lens_core::report::{parse_report, Resolver, Span};
use budget_lens_core::Lang;
use budget_lens_extract::{extract, table_not_read_message, table_without_unit_message};

mod import;
mod places;

pub use import::TableImport;

pub(crate) fn json_error(e: serde_json::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// Extracts a report from the published `text`. Returns `{"report": …, "figures": n, "taken": n,
/// "tablesWithoutUnit": [{"start": n, "end": n, "message": …}], "tablesNotRead": […]}` as JSON text (amounts
/// as strings; a table pasted as text that states no unit, or whose columns are not recognised, is not read,
/// and is named so the page can mark it); the error message is in `lang`.
#[wasm_bindgen(js_name = extractReport)]
pub fn extract_report(text: &str, lang: &str) -> Result<String, JsError> {
    let lang = Lang::from_tag(lang);
    let extraction = extract(text).map_err(|e| JsError::new(&e.message(lang)))?;
    // The report is serialised directly (no serde_json::Value on the way: that would add a second serialiser
    // to the wasm) and wrapped by hand.
    let report = serde_json::to_string(&extraction.report).map_err(json_error)?;
    let without_unit = marked_tables(&extraction.tables_without_unit, |at| {
        table_without_unit_message(at, lang)
    })?;
    let not_read = marked_tables(&extraction.tables_not_read, |at| {
        table_not_read_message(at, lang)
    })?;
    Ok(format!(
        r#"{{"report":{report},"figures":{},"taken":{},"tablesWithoutUnit":[{without_unit}],"tablesNotRead":[{not_read}]}}"#,
        extraction.figures, extraction.taken,
    ))
}

/// Tables left unread, as JSON objects `{"start": n, "end": n, "message": …}` joined by commas.
fn marked_tables(spans: &[Span], message: impl Fn(Span) -> String) -> Result<String, JsError> {
    let mut marked = Vec::with_capacity(spans.len());
    for &at in spans {
        let message = serde_json::to_string(&message(at)).map_err(json_error)?;
        marked.push(format!(
            r#"{{"start":{},"end":{},"message":{message}}}"#,
            at.start, at.end
        ));
    }
    Ok(marked.join(","))
}

/// A finding as `check --json` prints it, and where its figures were printed (imported tables).
#[derive(serde::Serialize)]
struct FindingInPlace<'a> {
    #[serde(flatten)]
    finding: budget_lens_core::check::FindingOut<'a>,
    printed: places::Places<'a>,
}

/// Checks a report (JSON text). Returns `{"findings": […]}` as `check --json` prints it, each finding with
/// its message in `lang`, where known `at` (its place in `source.text`), and `printed`: `{"stated":
/// [printed…], "compared": [printed…]}`, where the figure under suspicion and the figures it was compared
/// with were printed (a report imported from tables; empty lists otherwise).
#[wasm_bindgen(js_name = checkReport)]
pub fn check_report(report_json: &str, lang: &str) -> Result<String, JsError> {
    let lang = Lang::from_tag(lang);
    let report = parse_report(report_json).map_err(|e| JsError::new(&e.message(lang)))?;
    let findings = check(&report);
    let mut resolver = Resolver::new(&report);
    let out: Vec<_> = findings
        .iter()
        .map(|f| FindingInPlace {
            finding: f.to_out(lang),
            printed: places::places(f, &report, &mut resolver),
        })
        .collect();
    let findings = serde_json::to_string(&out).map_err(json_error)?;
    Ok(format!(r#"{{"findings":{findings}}}"#))
}

/// One page laid out for the builder: its grid (rows of cells with their boxes) and its text.
#[derive(serde::Serialize)]
struct PdfPage {
    #[serde(flatten)]
    grid: budget_lens_tables::layout::PageGrid,
    text: String,
}

/// PDF text runs read by pdf.js (`readPdf` in www/builder/pdf.js, as JSON) → each page's grid and text, the
/// same as the CLI's for the same PDF: `{"pages":[{"page","width","height","columns":[{"x0","x1"}],
/// "rows":[[{"text","bbox":[x0,top,x1,bottom]}|null]],"text"}]}`. The error message is in `lang`.
#[wasm_bindgen(js_name = pdfGrids)]
pub fn pdf_grids(runs_json: &str, lang: &str) -> Result<String, JsError> {
    use budget_lens_tables::layout::{page_grid, page_text};
    let runs = import::parse_runs(runs_json, Lang::from_tag(lang))?;
    let pages: Vec<PdfPage> = runs
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| PdfPage {
            grid: page_grid(i + 1, p),
            text: page_text(p),
        })
        .collect();
    let pages = serde_json::to_string(&pages).map_err(json_error)?;
    Ok(format!(r#"{{"pages":{pages}}}"#))
}
