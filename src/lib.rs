//! budget-lens: reads Chinese department budget (部门预算) and final-accounts (部门决算) reports, checks every
//! stated figure with exact decimal arithmetic, and charts where the money goes.
//!
//! The core (`report`, `check`) is pure: no I/O, no web, no panics on any input. See docs/ARCHITECTURE.md.

pub mod chart;
pub mod check;
pub mod extract;
pub mod i18n;
pub mod render;
pub mod report;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use i18n::Lang;
