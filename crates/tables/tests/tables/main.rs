//! The table importer's integration tests, one binary (one link of the PDF and workbook readers instead of
//! one per file): `cargo test -p budget-lens-tables --test tables [MODULE]`.

mod bad_input;
mod corpus_pdf;
mod corpus_xlsx;
mod layout;
mod pdf_corpus;
mod pdf_hostile;
mod pdf_recorded;
mod support;
