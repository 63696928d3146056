//! `TableImport`: the files of one import (a PDF as the runs pdf.js read from it, a workbook, CSV files one
//! per table, an HTML page or pasted table, the narrative as text) gathered one by one from the page, then
//! imported together into one report by the same code as the CLI's `budget-lens import`.

use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use budget_lens_core::Lang;
use budget_lens_tables::runs::{DocumentRuns, RunsError};
use budget_lens_tables::{Grid, Import, Inputs, Origin};

use crate::json_error;

enum Input {
    /// A file's bytes as dropped or chosen: read by the Rust readers in `run`.
    File { name: String, bytes: Vec<u8> },
    /// A PDF already read by pdf.js into positioned text.
    PdfRuns(DocumentRuns),
}

#[wasm_bindgen(js_name = TableImport)]
#[derive(Default)]
pub struct TableImport {
    inputs: Vec<Input>,
}

#[wasm_bindgen(js_class = TableImport)]
impl TableImport {
    #[wasm_bindgen(constructor)]
    pub fn new() -> TableImport {
        TableImport::default()
    }

    /// Adds a file: its name (the extension tells its kind when the bytes do not) and its bytes. A PDF is
    /// added with `addPdfRuns` instead.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(&mut self, name: String, bytes: Vec<u8>) {
        self.inputs.push(Input::File { name, bytes });
    }

    /// Adds a PDF as the runs `readPdf` (www/builder/pdf.js) read from it, as JSON: laid out into grids and
    /// text exactly as the CLI lays out its own reader's runs. The error message is in `lang`.
    #[wasm_bindgen(js_name = addPdfRuns)]
    pub fn add_pdf_runs(&mut self, runs_json: &str, lang: &str) -> Result<(), JsError> {
        self.inputs
            .push(Input::PdfRuns(parse_runs(runs_json, Lang::from_tag(lang))?));
        Ok(())
    }

    /// Imports the files. Returns `{"report": …, "tables": [{"title", "kind", "grid", "lastGrid", "rows",
    /// "empty"}], "missing": [名称…], "figures": n, "narrative": {"figures": n, "attached": n},
    /// "sheets": [{"sheet", "cells": [[row, column, text]…]}]}` as JSON text (`sheets`: the non-blank cells
    /// of every workbook sheet, CSV file and HTML table read, for showing a figure in its cell); the error
    /// message (unreadable file, not a budget report) is in `lang`.
    pub fn run(&self, lang: &str) -> Result<String, JsError> {
        let lang = Lang::from_tag(lang);
        let mut inputs = Inputs::default();
        for input in &self.inputs {
            match input {
                Input::File { name, bytes } => inputs.add_file(name, bytes),
                Input::PdfRuns(document) => {
                    inputs.add_pdf_runs(document);
                    Ok(())
                }
            }
            .map_err(|e| JsError::new(&e.message(lang)))?;
        }
        let import = inputs
            .import()
            .map_err(|e| JsError::new(&e.message(lang)))?;
        import_json(&import, inputs.grids())
    }
}

/// Runs handed over from the page, checked (bounded counts, finite geometry).
pub fn parse_runs(runs_json: &str, lang: Lang) -> Result<DocumentRuns, JsError> {
    let runs: DocumentRuns = serde_json::from_str(runs_json).map_err(json_error)?;
    runs.validated().map_err(|e| {
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
    })
}

fn import_json(import: &Import, grids: &[Grid]) -> Result<String, JsError> {
    let text = |s: &str| serde_json::to_string(s).map_err(json_error);
    let report = serde_json::to_string(&import.report).map_err(json_error)?;
    let mut tables = Vec::new();
    for t in &import.tables {
        tables.push(format!(
            r#"{{"title":{},"kind":{},"grid":{},"lastGrid":{},"rows":{},"empty":{}}}"#,
            text(&t.title)?,
            t.kind.map_or(Ok("null".to_string()), |k| text(k.zh()))?,
            text(&t.grid)?,
            text(&t.last_grid)?,
            t.row_count(),
            t.is_empty()
        ));
    }
    let missing: Vec<String> = import
        .missing
        .iter()
        .map(|k| text(k.zh()))
        .collect::<Result<_, _>>()?;
    let sheets = serde_json::to_string(&sheet_cells(grids)).map_err(json_error)?;
    Ok(format!(
        r#"{{"report":{report},"tables":[{}],"missing":[{}],"figures":{},"narrative":{{"figures":{},"attached":{}}},"sheets":{sheets}}}"#,
        tables.join(","),
        missing.join(","),
        import.figures(),
        import.narrative.figures,
        import.narrative.attached
    ))
}

#[derive(serde::Serialize)]
struct SheetCells<'a> {
    sheet: &'a str,
    cells: Vec<(u32, u32, &'a str)>,
}

/// The non-blank cells of every sheet-like grid, by the sheet name a figure's `printed.sheet` names. PDF
/// pages are left out: the page shows them.
fn sheet_cells(grids: &[Grid]) -> Vec<SheetCells<'_>> {
    let mut sheets: BTreeMap<&str, Vec<(u32, u32, &str)>> = BTreeMap::new();
    let mut order = Vec::new();
    for cell in grids.iter().flat_map(|g| g.rows.iter().flatten()) {
        if let (Some(Origin::Sheet { sheet, row, column }), false) = (&cell.origin, cell.is_blank())
        {
            if !sheets.contains_key(sheet.as_str()) {
                order.push(sheet.as_str());
            }
            sheets
                .entry(sheet)
                .or_default()
                .push((*row, *column, &cell.text));
        }
    }
    order
        .into_iter()
        .map(|sheet| SheetCells {
            sheet,
            cells: sheets.remove(sheet).unwrap_or_default(),
        })
        .collect()
}
