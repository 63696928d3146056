//! Positioned text as read from a PDF, by either reader: lopdf natively (`crate::pdf`, CLI) or pdf.js in
//! the builder page (www/builder/pdf.js hands it over as JSON). Coordinates are PDF points on the page as
//! displayed (crop box and /Rotate applied), origin at the top-left, y growing downwards; `y` is the
//! baseline of the run.

use serde::{Deserialize, Serialize};

/// Limits on runs handed over from JavaScript (the native reader has its own, the same).
pub const MAX_PAGES: usize = 2000;
pub const MAX_RUNS: usize = 1_000_000;

/// One piece of text drawn by one text-showing operator (or one pdf.js text item).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextRun {
    /// Left edge of the first glyph.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Advance width of the whole run.
    pub w: f32,
    /// Font size as drawn (the glyphs' em).
    pub h: f32,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageRuns {
    pub width: f32,
    pub height: f32,
    pub runs: Vec<TextRun>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentRuns {
    pub pages: Vec<PageRuns>,
}

impl DocumentRuns {
    /// Checks runs that came from outside (JSON from the page): bounded counts, finite geometry. A run with
    /// a non-finite number is dropped (layout never sees NaN); too many pages or runs is an error.
    pub fn validated(mut self) -> Result<DocumentRuns, RunsError> {
        if self.pages.len() > MAX_PAGES {
            return Err(RunsError::TooManyPages(self.pages.len()));
        }
        let total: usize = self.pages.iter().map(|p| p.runs.len()).sum();
        if total > MAX_RUNS {
            return Err(RunsError::TooManyRuns(total));
        }
        for page in &mut self.pages {
            if !(page.width.is_finite() && page.height.is_finite()) {
                page.width = 0.0;
                page.height = 0.0;
                page.runs.clear();
            }
            page.runs
                .retain(|r| [r.x, r.y, r.w, r.h].iter().all(|v| v.is_finite()));
        }
        Ok(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunsError {
    TooManyPages(usize),
    TooManyRuns(usize),
}
