//! The whole import: input files (or grids) → tables → a report, with a clear error when nothing in them is
//! a budget report's table.

use budget_lens_core::Lang;

use crate::build::{build, Import};
use crate::grid::Grid;
use crate::narrative::attach_narrative;
use crate::read::{decode, read_grids, Format, ReadError, MAX_INPUT_BYTES};
use crate::recognise;
use crate::runs::DocumentRuns;

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
    let mut inputs = Inputs::default();
    for (name, bytes) in files {
        inputs.add_file(name, bytes)?;
    }
    inputs.import()
}

/// The inputs of one import, gathered file by file: every grid read and the narrative text. The CLI adds
/// files (a PDF read natively); the builder page adds a PDF as the runs pdf.js read from it, so both end in
/// the same grids and the same report.
#[derive(Debug, Default)]
pub struct Inputs {
    grids: Vec<Grid>,
    narrative: String,
}

impl Inputs {
    /// Reads one file: its grids, or its text as narrative (.txt; a PDF gives both).
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) -> Result<(), ImportError> {
        match Format::of(name, bytes) {
            Some(Format::Text) => {
                if bytes.len() > MAX_INPUT_BYTES {
                    return Err(ReadError::TooLarge {
                        name: name.to_string(),
                        bytes: bytes.len(),
                    }
                    .into());
                }
                self.narrative.push_str(&decode(name, bytes)?);
                self.narrative.push('\n');
            }
            #[cfg(feature = "pdf")]
            Some(Format::Pdf) => {
                let document = crate::pdf::read_pdf(bytes).map_err(|error| ImportError::Pdf {
                    name: name.to_string(),
                    error,
                })?;
                self.add_pdf_runs(&document);
            }
            _ => self.grids.extend(read_grids(name, bytes)?),
        }
        Ok(())
    }

    /// A PDF's positioned text, from either reader: its pages' grids, and its text as narrative.
    pub fn add_pdf_runs(&mut self, document: &DocumentRuns) {
        self.grids.extend(crate::layout::grids(document));
        for page in &document.pages {
            self.narrative.push_str(&crate::layout::page_text(page));
            self.narrative.push('\n');
        }
    }

    /// The grids read so far (pages, sheets, CSV files, HTML tables), in order.
    pub fn grids(&self) -> &[Grid] {
        &self.grids
    }

    /// The tables of the grids → the report, the narrative's figures attached to the rows they restate.
    pub fn import(&self) -> Result<Import, ImportError> {
        let mut import = import_grids(&self.grids)?;
        if !self.narrative.trim().is_empty() {
            import.narrative = attach_narrative(&mut import.report, &self.narrative);
        }
        Ok(import)
    }
}
