//! The whole import: input files (or grids) → tables → a report, with a clear error when nothing in them is
//! a budget report's table.

use budget_lens_core::Lang;

use std::ops::Range;

use crate::build::{build, Import};
use crate::grid::Grid;
use crate::identity::Identity;
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
    /// Two files of different documents: their headings name another department or year. Each is the
    /// file's name and what its headings name (`上海市普陀区财政局 2024年`).
    DifferentDocuments {
        first: (String, String),
        second: (String, String),
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
            (ImportError::DifferentDocuments { first, second }, Lang::Zh) => format!(
                "{}（{}）与{}（{}）不是同一份报告，不能合并为一份；请分别导入",
                first.0, first.1, second.0, second.1
            ),
            (ImportError::DifferentDocuments { first, second }, Lang::En) => format!(
                "{} ({}) and {} ({}) are not the same report and cannot be merged into one; import them one at a time",
                first.0, first.1, second.0, second.1
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
    let mut import = built(grids)?;
    import.name_roots();
    Ok(import)
}

/// The report of the grids' tables, its breakdowns still labelled by their total rows.
fn built(grids: &[Grid]) -> Result<Import, ImportError> {
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
    /// Each file's name and its grids and text among the above, to tell whether they are one document.
    files: Vec<Part>,
}

/// One file's share of the inputs.
#[derive(Debug, Clone)]
struct Part {
    name: String,
    grids: Range<usize>,
    text: Range<usize>,
}

impl Inputs {
    /// Reads one file: its grids, or its text as narrative (.txt; a PDF gives both).
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) -> Result<(), ImportError> {
        let start = (self.grids.len(), self.narrative.len());
        self.read_file(name, bytes)?;
        self.files.push(Part {
            name: name.to_string(),
            grids: start.0..self.grids.len(),
            text: start.1..self.narrative.len(),
        });
        Ok(())
    }

    fn read_file(&mut self, name: &str, bytes: &[u8]) -> Result<(), ImportError> {
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
                self.add_runs(&document);
            }
            _ => self.grids.extend(read_grids(name, bytes)?),
        }
        Ok(())
    }

    /// A PDF's positioned text, from either reader: its pages' grids, and its text as narrative.
    pub fn add_pdf_runs(&mut self, document: &DocumentRuns) {
        let start = (self.grids.len(), self.narrative.len());
        self.add_runs(document);
        self.files.push(Part {
            name: "PDF".to_string(),
            grids: start.0..self.grids.len(),
            text: start.1..self.narrative.len(),
        });
    }

    fn add_runs(&mut self, document: &DocumentRuns) {
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

    /// Refuses files of different documents, naming the first file and the first that differs from it.
    fn one_document(&self) -> Result<(), ImportError> {
        if self.files.len() < 2 {
            return Ok(());
        }
        let identity = |part: &Part| {
            let grids = self.grids.get(part.grids.clone()).unwrap_or_default();
            let text = self.narrative.get(part.text.clone()).unwrap_or_default();
            Identity::of(grids, text)
        };
        let named: Vec<(&Part, Identity)> = self.files.iter().map(|p| (p, identity(p))).collect();
        for (at, (part, this)) in named.iter().enumerate() {
            if let Some((one, other)) = named[..at].iter().find(|(_, o)| o.differs(this)) {
                return Err(ImportError::DifferentDocuments {
                    first: (one.name.clone(), other.describe()),
                    second: (part.name.clone(), this.describe()),
                });
            }
        }
        Ok(())
    }

    /// The tables of the grids → the report, the narrative's figures attached to the rows they restate.
    pub fn import(&self) -> Result<Import, ImportError> {
        self.one_document()?;
        let mut import = built(&self.grids)?;
        if !self.narrative.trim().is_empty() {
            // The narrative names rows by their printed words (本年收入合计, 收入总计): the breakdowns are
            // named after their tables only once it has found them.
            import.narrative = attach_narrative(&mut import.report, &self.narrative);
        }
        import.name_roots();
        Ok(import)
    }
}
