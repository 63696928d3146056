//! `budget-lens import FILE... [-o REPORT.json] [--lang zh|en]`: published tables (.pdf .xlsx .xls .csv
//! .html, one file or one file per table, with the narrative as .txt) → a report. Stderr lists the tables found, the figures placed and what
//! could not be placed.

use std::process::ExitCode;

use budget_lens::tables::read::{Format, MAX_INPUT_BYTES};
use budget_lens::tables::{import_files, Import, ImportError};
use budget_lens::Lang;

use super::input::{read_bounded, write_report};
use super::{LangArg, EXIT_UNREADABLE};

#[derive(clap::Args)]
pub struct Args {
    /// The files: the published PDF, a workbook (.xlsx .xls), CSV or HTML, and the narrative as .txt; several
    /// files are one report (one file per table). A text alone goes to `extract`
    #[arg(required = true)]
    files: Vec<String>,
    /// Write the report here instead of to standard output
    #[arg(short, long, value_name = "REPORT.json")]
    output: Option<String>,
    /// Language of the messages
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let mut files = Vec::new();
    for path in &args.files {
        match read_bounded(path, MAX_INPUT_BYTES, lang) {
            Ok(bytes) => files.push((path.clone(), bytes)),
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(EXIT_UNREADABLE);
            }
        }
    }
    let import = match import_files(&files) {
        Ok(import) => import,
        Err(e) => {
            eprintln!("{}", failure(&e, &args.files, &files, lang));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    if let Err(code) = write_report(&import.report, args.output.as_deref(), lang) {
        return code;
    }
    summarise(&import, lang);
    ExitCode::SUCCESS
}

/// Why no report came out; a report that is not a budget is named by its files, and text without any
/// table is sent to `extract`.
fn failure(e: &ImportError, names: &[String], files: &[(String, Vec<u8>)], lang: Lang) -> String {
    if !matches!(e, ImportError::NotABudgetReport { .. }) {
        return e.message(lang);
    }
    let names = names.join(lang.pick("、", ", "));
    let only_text = files
        .iter()
        .all(|(name, bytes)| Format::of(name, bytes) == Some(Format::Text));
    match (only_text, lang) {
        (true, Lang::Zh) => format!(
            "{names}：只有文字，没有表格（PDF、工作簿、CSV 或 HTML）；文字请用 budget-lens extract 读取，或与表格文件一起交给 import"
        ),
        (true, Lang::En) => format!(
            "{names}: text only, no table (PDF, workbook, CSV or HTML); read a text with budget-lens extract, or give it to import together with the tables"
        ),
        (false, _) => format!("{names}: {}", e.message(lang)),
    }
}

/// Tables found, figures placed, tables missing or without figures, on stderr.
fn summarise(import: &Import, lang: Lang) {
    for table in &import.tables {
        let place = if table.grid == table.last_grid {
            table.grid.clone()
        } else {
            format!("{}–{}", table.grid, table.last_grid)
        };
        let rows = table.row_count();
        let state = match (table.kind, table.is_empty(), lang) {
            (None, _, Lang::Zh) => "，非标准表，未使用",
            (None, _, Lang::En) => ", not a standard table, not used",
            (Some(_), true, Lang::Zh) => "，空表",
            (Some(_), true, Lang::En) => ", empty",
            _ => "",
        };
        match lang {
            Lang::Zh => eprintln!("表 {}（{place}，{rows} 行{state}）", table.title),
            Lang::En => eprintln!("table {} ({place}, {rows} rows{state})", table.title),
        }
    }
    for kind in &import.missing {
        match lang {
            Lang::Zh => eprintln!("未找到 {}：与它有关的核对无法进行", kind.zh()),
            Lang::En => eprintln!(
                "not found: {} ({}); the checks involving it cannot run",
                kind.zh(),
                kind.name()
            ),
        }
    }
    for title in &import.without_figures {
        match lang {
            Lang::Zh => eprintln!("{title}：没有数字，未放入报告"),
            Lang::En => eprintln!("{title}: no figures, nothing placed"),
        }
    }
    let (tables, figures) = (import.tables.len(), import.figures());
    match lang {
        Lang::Zh => eprintln!("找到 {tables} 张表，放入报告 {figures} 个数字"),
        Lang::En => eprintln!("found {tables} tables, placed {figures} figures in the report"),
    }
}
