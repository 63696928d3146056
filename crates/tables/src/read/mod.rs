//! Inputs other than PDF → grids: workbooks (XLSX/XLS via calamine), CSV (UTF-8 with or without BOM,
//! GB18030/GBK), HTML tables. Each reads from bytes, with bounds on size and cells, and says in plain words
//! (zh and en) what is wrong with a file it cannot read.

mod csv;
mod error;
mod html;
mod workbook;

pub use self::csv::{decode, read_csv};
pub use error::ReadError;
pub use html::read_html;
pub use workbook::read_workbook;

use crate::grid::Grid;

/// The largest input file accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// The most cells read from one input: far beyond any budget report, small enough for a browser tab.
pub const MAX_CELLS: usize = 2_000_000;

/// The kinds of input, from a file name's extension or the first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Workbook,
    Csv,
    Html,
    Pdf,
    Text,
}

impl Format {
    /// The format of a file, by its magic bytes first (a renamed file is still read right), then its name.
    pub fn of(name: &str, bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(b"%PDF") {
            return Some(Format::Pdf);
        }
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Some(Format::Workbook);
        }
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        match ext {
            "xlsx" | "xls" | "xlsm" | "ods" => Some(Format::Workbook),
            "csv" => Some(Format::Csv),
            "html" | "htm" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// Reads one non-PDF input into grids.
pub fn read_grids(name: &str, bytes: &[u8]) -> Result<Vec<Grid>, ReadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            name: name.to_string(),
            bytes: bytes.len(),
        });
    }
    match Format::of(name, bytes) {
        Some(Format::Workbook) => read_workbook(name, bytes),
        Some(Format::Csv) => read_csv(name, bytes).map(|g| vec![g]),
        Some(Format::Html) => read_html(name, bytes),
        // A PDF is read by the `pdf` feature's reader (CLI) or by pdf.js in the page (builder), never here.
        Some(Format::Pdf) | Some(Format::Text) | None => Err(ReadError::UnknownFormat {
            name: name.to_string(),
        }),
    }
}
