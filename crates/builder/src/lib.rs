//! The builder page's one WebAssembly module: the widget's exports (linked from `budget-lens-widget`, so the
//! page's preview and its tools share one module) plus the extractor (published text → report) and the
//! checker with each finding's place in the text, and the table importer (`TableImport`: workbooks, CSV,
//! HTML, the narrative as text). The widget's own module carries none of this.

// Natively this crate is empty; it exists for the browser only.
#![cfg(target_arch = "wasm32")]

// Links the widget's #[wasm_bindgen] exports (Widget, uiStrings …) into this module.
pub use budget_lens_widget::*;

use wasm_bindgen::prelude::*;

use budget_lens_core::check::check;
use budget_lens_core::report::parse_report;
use budget_lens_core::Lang;
use budget_lens_extract::extract;
use budget_lens_tables::import_files;

fn json_error(e: serde_json::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// Extracts a report from the published `text`. Returns `{"report": …, "figures": n, "taken": n}` as JSON
/// text (amounts as strings); the error message is in `lang`.
#[wasm_bindgen(js_name = extractReport)]
pub fn extract_report(text: &str, lang: &str) -> Result<String, JsError> {
    let lang = Lang::from_tag(lang);
    let extraction = extract(text).map_err(|e| JsError::new(&e.message(lang)))?;
    // The report is serialised directly (no serde_json::Value on the way: that would add a second serialiser
    // to the wasm) and wrapped by hand.
    let report = serde_json::to_string(&extraction.report).map_err(json_error)?;
    Ok(format!(
        r#"{{"report":{report},"figures":{},"taken":{}}}"#,
        extraction.figures, extraction.taken
    ))
}

/// Checks a report (JSON text). Returns `{"findings": […]}` as `check --json` prints it, each finding with
/// its message in `lang` and, where known, `at` (its place in `source.text`).
#[wasm_bindgen(js_name = checkReport)]
pub fn check_report(report_json: &str, lang: &str) -> Result<String, JsError> {
    let lang = Lang::from_tag(lang);
    let report = parse_report(report_json).map_err(|e| JsError::new(&e.message(lang)))?;
    let findings = check(&report);
    let out: Vec<_> = findings.iter().map(|f| f.to_out(lang)).collect();
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
    use budget_lens_tables::runs::{DocumentRuns, RunsError};
    let lang = Lang::from_tag(lang);
    let runs: DocumentRuns = serde_json::from_str(runs_json).map_err(json_error)?;
    let runs = runs.validated().map_err(|e| {
        JsError::new(&match e {
            RunsError::TooManyPages(n) => format!(
                "{} {n}",
                lang.pick("PDF 页数超过上限：", "too many PDF pages:")
            ),
            RunsError::TooManyRuns(n) => format!(
                "{} {n}",
                lang.pick("PDF 文字片段超过上限：", "too many PDF text runs:")
            ),
        })
    })?;
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

/// The files of one import (a workbook, CSV files one per table, an HTML page, the narrative as text),
/// gathered one by one from the page, then imported together into one report.
#[wasm_bindgen(js_name = TableImport)]
#[derive(Default)]
pub struct TableImport {
    files: Vec<(String, Vec<u8>)>,
}

#[wasm_bindgen(js_class = TableImport)]
impl TableImport {
    #[wasm_bindgen(constructor)]
    pub fn new() -> TableImport {
        TableImport::default()
    }

    /// Adds a file: its name (the extension tells its kind when the bytes do not) and its bytes.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(&mut self, name: String, bytes: Vec<u8>) {
        self.files.push((name, bytes));
    }

    /// Imports the files. Returns `{"report": …, "tables": [{"title", "kind", "grid", "lastGrid", "rows",
    /// "empty"}], "missing": [名称…], "figures": n, "narrative": {"figures": n, "attached": n}}` as JSON
    /// text; the error message (unreadable file, not a budget report) is in `lang`.
    pub fn run(&self, lang: &str) -> Result<String, JsError> {
        let lang = Lang::from_tag(lang);
        let import = import_files(&self.files).map_err(|e| JsError::new(&e.message(lang)))?;
        let report = serde_json::to_string(&import.report).map_err(json_error)?;
        let tables: Vec<String> = import
            .tables
            .iter()
            .map(|t| {
                let text = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
                format!(
                    r#"{{"title":{},"kind":{},"grid":{},"lastGrid":{},"rows":{},"empty":{}}}"#,
                    text(&t.title),
                    t.kind.map_or("null".to_string(), |k| text(k.zh())),
                    text(&t.grid),
                    text(&t.last_grid),
                    t.row_count(),
                    t.is_empty()
                )
            })
            .collect();
        let missing: Vec<String> = import
            .missing
            .iter()
            .map(|k| serde_json::to_string(k.zh()).unwrap_or_default())
            .collect();
        Ok(format!(
            r#"{{"report":{report},"tables":[{}],"missing":[{}],"figures":{},"narrative":{{"figures":{},"attached":{}}}}}"#,
            tables.join(","),
            missing.join(","),
            import.figures(),
            import.narrative.figures,
            import.narrative.attached
        ))
    }
}
