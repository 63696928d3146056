//! The whole import: input files (or grids) → tables → a report, with a clear error when nothing in them is
//! a budget report's table.

use budget_lens_core::Lang;

use crate::build::{build, Import};
use crate::grid::Grid;
use crate::narrative::attach_narrative;
use crate::read::{decode, read_grids, Format, ReadError, MAX_INPUT_BYTES};
use crate::recognise;

/// Why no report came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Read(ReadError),
    /// A PDF that could not be read (encrypted, a scan, damaged …); `name` is the file.
    #[cfg(feature = "pdf")]
    Pdf {
        name: String,
        error: crate::pdf::PdfError,
    },
    /// Tables were read, but not one standard table (收支总表, 支出表 …) was among them.
    NotABudgetReport {
        grids: usize,
    },
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::Read(e), _) => e.message(lang),
            #[cfg(feature = "pdf")]
            (ImportError::Pdf { name, error }, _) => format!("{name}: {}", error.message(lang)),
            (ImportError::NotABudgetReport { grids }, Lang::Zh) => format!(
                "在{grids}个页面/工作表中没有找到部门预算/决算的公开表（如“收入支出决算总表”“支出预算总表”），这不像一份部门预算或决算"
            ),
            (ImportError::NotABudgetReport { grids }, Lang::En) => format!(
                "none of the {grids} pages/sheets holds a standard table of a department budget or final accounts (such as 收入支出决算总表 or 支出预算总表); this does not look like one"
            ),
        }
    }
}

impl From<ReadError> for ImportError {
    fn from(e: ReadError) -> Self {
        ImportError::Read(e)
    }
}

/// Grids (from any reader, PDF pages included) → the report.
pub fn import_grids(grids: &[Grid]) -> Result<Import, ImportError> {
    build(recognise(grids)).ok_or(ImportError::NotABudgetReport { grids: grids.len() })
}

/// PDF (with the `pdf` feature), workbook, CSV and HTML files, in order (one file, or one file per table),
/// and the narrative as .txt files → the report. A PDF's text is its narrative too: the figures of both
/// attach to the table rows they restate.
pub fn import_files(files: &[(String, Vec<u8>)]) -> Result<Import, ImportError> {
    let mut grids = Vec::new();
    let mut narrative = String::new();
    for (name, bytes) in files {
        match Format::of(name, bytes) {
            Some(Format::Text) => {
                if bytes.len() > MAX_INPUT_BYTES {
                    return Err(ReadError::TooLarge {
                        name: name.clone(),
                        bytes: bytes.len(),
                    }
                    .into());
                }
                narrative.push_str(&decode(name, bytes)?);
                narrative.push('\n');
            }
            #[cfg(feature = "pdf")]
            Some(Format::Pdf) => {
                let document = crate::pdf::read_pdf(bytes).map_err(|error| ImportError::Pdf {
                    name: name.clone(),
                    error,
                })?;
                grids.extend(crate::layout::grids(&document));
                for page in &document.pages {
                    narrative.push_str(&crate::layout::page_text(page));
                    narrative.push('\n');
                }
            }
            _ => grids.extend(read_grids(name, bytes)?),
        }
    }
    let mut import = import_grids(&grids)?;
    if !narrative.trim().is_empty() {
        import.narrative = attach_narrative(&mut import.report, &narrative);
    }
    Ok(import)
}
