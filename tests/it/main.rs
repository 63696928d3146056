//! The native integration tests, in one binary (one link instead of one per file): each module is one
//! concern, and `support` holds what several share (running the CLI, comparing reports by figure, the
//! hostile report cases that `examples/hostile.rs` also runs).

mod support;

mod chart_props;
mod check_props;
mod check_regressions;
mod check_rules;
mod cli;
mod cli_extract;
mod cli_import;
mod cli_import_recorded;
mod extract_fixtures;
mod extract_hostile;
mod extract_regressions;
mod extract_sample;
mod hostile;
mod lists;
mod mixed_unit;
mod parse_errors;
mod render_cli;
mod sample_report;
