//! `budget-lens extract TEXT.txt|- [-o REPORT.json] [--lang zh|en]`

use std::process::ExitCode;

use budget_lens::extract::{extract, table_not_read_message, table_without_unit_message};
use budget_lens::tables::read::{decode, Format};
use budget_lens::Lang;

use super::input::{read_input, write_report};
use super::{LangArg, EXIT_UNREADABLE};

#[derive(clap::Args)]
pub struct Args {
    /// The published text (UTF-8, or GBK/GB18030), or - for standard input
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
    let text = match read_input(&args.text, lang) {
        Ok(bytes) => match text_of(&args.text, &bytes, lang) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("{}: {message}", args.text);
                return ExitCode::from(EXIT_UNREADABLE);
            }
        },
        Err(message) => {
            eprintln!("{message}");
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

/// The text of the bytes: UTF-8 (with or without BOM), else UTF-16 with a BOM or GB18030 (GBK) as the
/// tables reader decodes a CSV file; which of the latter was read is said on stderr. A PDF or a workbook
/// is named, with the command that reads it.
fn text_of(name: &str, bytes: &[u8], lang: Lang) -> Result<String, String> {
    match Format::of(name, bytes) {
        Some(Format::Pdf) => return Err(lang.pick(
            "这是一个 PDF 文件，不是文字：PDF 请用 budget-lens import 读取",
            "this is a PDF file, not text: read a PDF with budget-lens import",
        ).into()),
        Some(Format::Workbook) => return Err(lang.pick(
            "这是一个工作簿（.xlsx/.xls），不是文字：工作簿请用 budget-lens import 读取",
            "this is a workbook (.xlsx/.xls), not text: read a workbook with budget-lens import",
        ).into()),
        _ => {}
    }
    let text = decode(name, bytes).map_err(|_| not_text(bytes, lang))?;
    if let Some(encoding) = other_encoding(bytes) {
        match lang {
            Lang::Zh => eprintln!("{name}: 不是 UTF-8，已按 {encoding} 编码读取"),
            Lang::En => eprintln!("{name}: not UTF-8, read as {encoding} text"),
        }
    }
    Ok(text)
}

/// The encoding `decode` read bytes in when they are not UTF-8 (its order: BOM, UTF-8, GB18030).
fn other_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xEF\xBB\xBF") || std::str::from_utf8(bytes).is_ok() {
        None
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        Some("UTF-16")
    } else {
        Some("GB18030/GBK")
    }
}

fn not_text(bytes: &[u8], lang: Lang) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let at = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    match lang {
        Lang::Zh => format!(
            "不是文字：从第 {at} 字节起既不是 UTF-8 也不是 GBK/GB18030 编码（请另存为 UTF-8 文本）"
        ),
        Lang::En => format!(
            "not text: from byte {at} on it is neither UTF-8 nor GBK/GB18030 (save it as UTF-8 text)"
        ),
    }
}
