//! The `budget-lens` command line: the only place that touches files and the terminal.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
