//! budget-lens: reads Chinese department budget (部门预算) and final-accounts (部门决算) reports, checks every
//! stated figure with exact decimal arithmetic, and charts where the money goes.
//!
//! This root package is the command line and the facade a Rust user depends on: it re-exports the
//! workspace's crates under one name. The core (`report`, `check`) is pure: no I/O, no web, no panics on any
//! input. See docs/ARCHITECTURE.md.

pub use budget_lens_chart as chart;
pub use budget_lens_chart::render;
pub use budget_lens_core::{check, i18n, report, Lang};
pub use budget_lens_extract as extract;
pub use budget_lens_tables as tables;
