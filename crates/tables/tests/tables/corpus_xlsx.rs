//! The corpus keys against workbooks made from them (scripts/tables_from_key.py): every table kind, layout
//! and discrepancy of the corpus through the workbook, CSV and HTML readers. The tests themselves are in
//! corpus/keys.rs, shared with corpus_pdf.rs.

const SOURCE: &str = "xlsx";

include!("corpus/keys.rs");
