//! What the table importer's tests share: the corpus documents (tests/data/tables/, each a published PDF
//! with its hand-verified key and the workbook made from the key) and where they are.

use std::path::PathBuf;

/// Every document of the tables corpus, by file name without extension.
pub const CORPUS: [&str; 10] = [
    "putuo-commerce-2025-budget",
    "putuo-finance-2024-final-ALTERED",
    "putuo-finance-2024-final",
    "putuo-govoffice-2025-budget",
    "putuo-govoffice-2025-unit-budget",
    "putuo-justice-2026-budget",
    "putuo-justice-2026-unit-budget",
    "putuo-social-work-2024-final",
    "putuo-wanli-2024-budget",
    "template-2024-final",
];

/// A file of tests/data/tables.
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/tables")
        .join(name)
}
