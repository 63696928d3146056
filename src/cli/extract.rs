//! `budget-lens extract TEXT.txt|- [-o REPORT.json] [--lang zh|en]`

use std::process::ExitCode;

use budget_lens::extract::{extract, table_not_read_message, table_without_unit_message};
use budget_lens::Lang;

use super::input::{read_input, write_report};
use super::{LangArg, EXIT_UNREADABLE};

#[derive(clap::Args)]
pub struct Args {
    /// The published text (UTF-8), or - for standard input
    text: String,
    /// Write the report here instead of to standard output
    #[arg(short, long, value_name = "REPORT.json")]
    output: Option<String>,
    /// Language of the messages
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let text = match read_input(&args.text, lang).and_then(|bytes| utf8(bytes, lang)) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("{}: {message}", args.text);
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let extraction = match extract(&text) {
        Ok(extraction) => extraction,
        Err(e) => {
            eprintln!("{}: {}", args.text, e.message(lang));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    if let Err(code) = write_report(&extraction.report, args.output.as_deref(), lang) {
        return code;
    }
    for unplaced in &extraction.report.unplaced {
        let at = unplaced.at;
        eprintln!(
            "{} {}–{}: {}",
            lang.pick("未归入", "unplaced"),
            at.start,
            at.end,
            unplaced.text
        );
    }
    for &at in &extraction.tables_without_unit {
        eprintln!("{}", table_without_unit_message(at, lang));
    }
    for &at in &extraction.tables_not_read {
        eprintln!("{}", table_not_read_message(at, lang));
    }
    eprintln!(
        "{}",
        match lang {
            Lang::Zh => format!(
                "取用 {} / {} 个数字，{} 句未归入",
                extraction.taken,
                extraction.figures,
                extraction.report.unplaced.len()
            ),
            Lang::En => {
                let unplaced = extraction.report.unplaced.len();
                let plural = if unplaced == 1 { "" } else { "s" };
                format!(
                    "took {} of {} figures, {unplaced} sentence{plural} unplaced",
                    extraction.taken, extraction.figures
                )
            }
        }
    );
    ExitCode::SUCCESS
}

fn utf8(bytes: Vec<u8>, lang: Lang) -> Result<String, String> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| match lang {
        Lang::Zh => format!(
            "不是 UTF-8 文本（第 {} 字节处）",
            e.utf8_error().valid_up_to()
        ),
        Lang::En => format!("not UTF-8 text (at byte {})", e.utf8_error().valid_up_to()),
    })
}
