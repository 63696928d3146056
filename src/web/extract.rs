//! The extractor for the builder page: published text in, report JSON and counts out.

use wasm_bindgen::prelude::*;

use crate::extract::extract;
use crate::Lang;

/// Extracts a report from the published `text`. Returns `{"report": …, "figures": n, "taken": n}` as JSON
/// text (amounts as strings); the error message is in `lang`.
#[wasm_bindgen(js_name = extractReport)]
pub fn extract_report(text: &str, lang: &str) -> Result<String, JsError> {
    let lang = Lang::from_tag(lang);
    let extraction = extract(text).map_err(|e| JsError::new(&e.message(lang)))?;
    // The report is serialised directly (no serde_json::Value on the way: that would add a second serialiser
    // to the wasm) and wrapped by hand.
    let report =
        serde_json::to_string(&extraction.report).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(format!(
        r#"{{"report":{report},"figures":{},"taken":{}}}"#,
        extraction.figures, extraction.taken
    ))
}
