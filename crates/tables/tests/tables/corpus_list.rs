// The tables corpus's documents, one list for every test binary that walks them: the table importer's
// tests (support.rs) and the CLI's recorded imports (tests/it/cli_import_recorded.rs) include this file.

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

