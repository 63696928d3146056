//! The report model of format `budget-lens/1` and its exact parser. No I/O, no web.

mod amount;
pub mod document;
mod error;
mod json_read;
pub mod locate;
mod model;
pub mod money;
mod parse;
mod printed;
mod read;
mod resolve;
mod tree;
#[cfg(test)]
mod tree_reference;
mod validate;

pub use amount::{parse_decimal, Amount, AmountProblem, MAX_DIGITS};
pub use error::{Expected, Found, Problem, ReportError};
pub use model::{
    Comparison, Doubt, FigureSpans, Node, Phase, Relation, Report, RestatedFigure, Restatement,
    Source, Span, Unit, Unplaced, FORMAT_V1,
};
pub use parse::{parse_report, parse_report_bytes, MAX_BYTES};
pub use printed::{convert, in_unit, split_column, Column, Printed, Printing, Term};
pub use resolve::Resolver;
pub use tree::write_json_string;
pub use validate::{MAX_DEPTH, MAX_NODES};
