//! `budget-lens check REPORT...|- [--json] [--lang zh|en]`: one report as before; several files or
//! directories (each directory: its `*.json` files in name order) are checked in bulk ([`super::batch`]).

use std::process::ExitCode;

use budget_lens::check::{check, Finding, Severity};
use budget_lens::report::parse_report_bytes;
use budget_lens::Lang;
use serde_json::{json, Value};

use super::input::read_input;
use super::{batch, LangArg, EXIT_UNREADABLE};

#[derive(clap::Args)]
pub struct Args {
    /// The report files, or - for standard input; a directory stands for its *.json files
    #[arg(required = true, value_name = "REPORT")]
    reports: Vec<String>,
    /// Print {"findings": […]} as JSON instead of one line per finding (several reports:
    /// {"reports": [{"file", "findings" | "error"}, …]})
    #[arg(long)]
    json: bool,
    /// Language of the messages
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

/// What checking one report gave.
pub enum Outcome {
    Findings(Vec<Finding>),
    Unreadable(Unreadable),
}

/// A report that could not be read or parsed: the line for stderr and the JSON `error` object.
pub struct Unreadable {
    pub text: String,
    pub json: Value,
}

impl Unreadable {
    /// A failure with only a message (the message names the file).
    pub fn of_message(message: String) -> Unreadable {
        Unreadable {
            json: json!({ "message": message }),
            text: message,
        }
    }
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let code = match args.reports.as_slice() {
        [one] if !batch::is_directory(one) => run_one(one, args.json, lang),
        many => batch::run(many, args.json, lang),
    };
    ExitCode::from(code)
}

/// One report, printed exactly as the single-report command always printed it; the exit code.
fn run_one(path: &str, json: bool, lang: Lang) -> u8 {
    match examine(path, lang) {
        Outcome::Unreadable(unreadable) => {
            eprintln!("{}", unreadable.text);
            if json {
                print_json(&json!({ "error": unreadable.json }));
            }
            EXIT_UNREADABLE
        }
        Outcome::Findings(findings) => {
            if json {
                print_json(&json!({ "findings": findings_json(&findings, lang) }));
            } else {
                for finding in &findings {
                    println!("{}", line(finding, lang));
                }
                eprintln!("{}", summary(&findings, lang));
            }
            exit_code(&findings)
        }
    }
}

/// Reads, parses and checks the report at `path` (`-`: standard input).
pub fn examine(path: &str, lang: Lang) -> Outcome {
    let bytes = match read_input(path, lang) {
        Ok(bytes) => bytes,
        Err(message) => return Outcome::Unreadable(Unreadable::of_message(message)),
    };
    match parse_report_bytes(&bytes) {
        Ok(report) => Outcome::Findings(check(&report)),
        Err(e) => {
            let message = e.message(lang);
            Outcome::Unreadable(Unreadable {
                text: format!("{path}: {message}"),
                json: json!({ "message": message, "line": e.line, "column": e.column, "path": e.path }),
            })
        }
    }
}

/// 1 when a finding is an error, else 0.
pub fn exit_code(findings: &[Finding]) -> u8 {
    u8::from(findings.iter().any(|f| f.severity == Severity::Error))
}

pub fn findings_json(findings: &[Finding], lang: Lang) -> Value {
    let out: Vec<Value> = findings
        .iter()
        .filter_map(|f| serde_json::to_value(f.to_out(lang)).ok())
        .collect();
    Value::Array(out)
}

/// Pretty JSON on stdout.
pub fn print_json(value: &Value) {
    match serde_json::to_string_pretty(value) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("{e}"),
    }
}

/// One finding as one line a person reads: severity, rule, path, then the explanation.
pub fn line(finding: &Finding, lang: Lang) -> String {
    format!(
        "{}\t{}\t{}\t{}",
        finding.severity.word(lang),
        finding.rule.name(),
        finding.path,
        finding.message(lang)
    )
}

/// The count of findings by severity, in one line (one report's, or several reports' together).
pub fn summary<'f>(findings: impl IntoIterator<Item = &'f Finding>, lang: Lang) -> String {
    let (mut e, mut w, mut n) = (0, 0, 0);
    for finding in findings {
        match finding.severity {
            Severity::Error => e += 1,
            Severity::Warning => w += 1,
            Severity::Note => n += 1,
        }
    }
    let all = e + w + n;
    match lang {
        Lang::Zh => format!("共 {all} 条：{e} 处错误，{w} 处警告，{n} 处提示"),
        Lang::En if all == 1 => format!("1 finding — errors: {e}, warnings: {w}, notes: {n}"),
        Lang::En => format!("{all} findings — errors: {e}, warnings: {w}, notes: {n}"),
    }
}
