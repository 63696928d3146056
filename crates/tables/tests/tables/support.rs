//! What the table importer's tests share: the corpus documents (tests/data/tables/, each a published PDF
//! with its hand-verified key and the workbook made from the key) and where they are.

use std::path::PathBuf;

include!("corpus_list.rs");

/// A file of tests/data/tables.
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/tables")
        .join(name)
}
