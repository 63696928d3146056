//! `budget-lens check REPORT.json|- [--json] [--lang zh|en]`

use std::process::ExitCode;

use budget_lens::check::{check, Finding, Severity};
use budget_lens::report::parse_report_bytes;
use budget_lens::Lang;

use super::input::read_input;
use super::{LangArg, EXIT_UNREADABLE};

#[derive(clap::Args)]
pub struct Args {
    /// The report file, or - for standard input
    report: String,
    /// Print {"findings": […]} as JSON instead of one line per finding
    #[arg(long)]
    json: bool,
    /// Language of the messages
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let report = match read_input(&args.report, lang)
        .and_then(|bytes| parse_report_bytes(&bytes).map_err(|e| e.message(lang)))
    {
        Ok(report) => report,
        Err(message) => {
            eprintln!("{}: {message}", args.report);
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let findings = check(&report);
    if args.json {
        let out: Vec<_> = findings.iter().map(|f| f.to_out(lang)).collect();
        match serde_json::to_string_pretty(&serde_json::json!({ "findings": out })) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        for finding in &findings {
            println!("{}", line(finding, lang));
        }
        eprintln!("{}", summary(&findings, lang));
    }
    if findings.iter().any(|f| f.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One finding as one line a person reads: severity, rule, path, then the explanation.
fn line(finding: &Finding, lang: Lang) -> String {
    format!(
        "{}\t{}\t{}\t{}",
        finding.severity.word(lang),
        finding.rule.name(),
        finding.path,
        finding.message(lang)
    )
}

fn summary(findings: &[Finding], lang: Lang) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (e, w, n) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    match lang {
        Lang::Zh => format!(
            "共 {} 条：{e} 处错误，{w} 处警告，{n} 处提示",
            findings.len()
        ),
        Lang::En => format!(
            "{} findings — errors: {e}, warnings: {w}, notes: {n}",
            findings.len()
        ),
    }
}
