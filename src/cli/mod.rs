//! Argument parsing and dispatch. Each subcommand lives in its own module and stays thin: read input,
//! call the core, print.

mod batch;
mod check;
mod extract;
mod import;
mod input;
mod render;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use budget_lens::Lang;

#[derive(Parser)]
#[command(
    name = "budget-lens",
    version,
    about = "Checks and charts Chinese department budget and final-accounts reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every stated figure of a report (or of several files and directories of reports). Exit 0: no
    /// error · 1: errors found · 2: unreadable input (with several: the worst)
    Check(check::Args),
    /// Turn a published 预算/决算 text into a report; unplaced sentences and a count go to stderr
    Extract(extract::Args),
    /// Turn published tables (.pdf .xlsx .xls .csv .html, and the narrative as .txt) into a report; the tables
    /// found and what could not be placed go to stderr
    Import(import::Args),
    /// Draw the chart of a report node as SVG, as the widget draws it
    Render(render::Args),
}

/// `--lang zh|en`
#[derive(Clone, Copy, Default, ValueEnum)]
pub enum LangArg {
    #[default]
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// Exit code for input that could not be read or parsed.
pub const EXIT_UNREADABLE: u8 = 2;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Import(args) => import::run(args),
        Command::Render(args) => render::run(args),
    }
}
