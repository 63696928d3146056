//! The core of budget-lens: the report model of format `budget-lens/1` and its exact parser ([`report`]),
//! and the consistency rules ([`check`]). Pure: no I/O, no web, no panics on any input. See
//! docs/ARCHITECTURE.md.

pub mod check;
pub mod exact;
pub mod i18n;
pub mod keyed;
pub mod report;
pub mod word;

pub use i18n::Lang;
