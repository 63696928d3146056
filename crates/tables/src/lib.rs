//! The standard public tables (公开表) of a 部门预算 / 部门决算 → a budget-lens report.
//!
//! Every input ends in the same place: a sequence of [`Grid`]s (rows of cell strings, merged cells filled
//! across, each cell remembering where it was printed), which one recogniser turns into tables and a report.
//! Pure: no I/O (the CLI reads files, the builder page hands over bytes).
//!
//! A PDF becomes grids in two steps: positioned text runs ([`runs`]: read natively by [`pdf`] with the
//! `pdf` feature, or by pdf.js in the builder page), then [`layout`], shared by both.

pub mod build;
mod columns;
pub mod grid;
mod identity;
mod import;
pub mod kind;
pub mod layout;
pub mod narrative;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod read;
mod recognise;
pub(crate) mod rows;
pub mod runs;
mod segment;
pub mod table;
pub mod text;

pub use build::{Import, STANDARD};
pub use grid::{Cell, Grid, Origin};
pub use import::{import_files, import_grids, ImportError, Inputs};
pub use kind::Kind;
pub use recognise::recognise;
pub use table::{Column, Figure, Half, Row, Table};
