//! `budget-lens check` of several reports: files and directories (each directory: its `*.json` files in
//! name order). Text lines are prefixed by the file name; `--json` prints
//! `{"reports": [{"file", "findings"} | {"file", "error"}]}`; the exit code is the worst of them
//! (2 unreadable > 1 errors > 0).

use std::path::Path;

use budget_lens::check::Finding;
use budget_lens::Lang;
use serde_json::{json, Value};

use super::check::Unreadable;
use super::check::{examine, exit_code, findings_json, line, print_json, summary, Outcome};
use super::input::read_error;
use super::EXIT_UNREADABLE;

/// Whether `path` names a directory (standard input `-` does not).
pub fn is_directory(path: &str) -> bool {
    path != "-" && Path::new(path).is_dir()
}

/// Checks every report of `paths`, prints them and returns the worst exit code.
pub fn run(paths: &[String], json: bool, lang: Lang) -> u8 {
    let mut checked: Vec<(String, Outcome)> = Vec::new();
    for path in paths {
        match files_of(path, lang) {
            Ok(files) => {
                for file in files {
                    let outcome = examine(&file, lang);
                    checked.push((file, outcome));
                }
            }
            Err(message) => checked.push((
                path.clone(),
                Outcome::Unreadable(Unreadable::of_message(message)),
            )),
        }
    }
    if json {
        print_json(&reports_json(&checked, lang));
    }
    print_text(&checked, json, lang);
    checked
        .iter()
        .map(|(_, outcome)| code(outcome))
        .max()
        .unwrap_or(0)
}

fn code(outcome: &Outcome) -> u8 {
    match outcome {
        Outcome::Findings(findings) => exit_code(findings),
        Outcome::Unreadable(_) => EXIT_UNREADABLE,
    }
}

/// The reports a path stands for: itself, or a directory's `*.json` files sorted by name.
fn files_of(path: &str, lang: Lang) -> Result<Vec<String>, String> {
    if !is_directory(path) {
        return Ok(vec![path.to_string()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| read_error(&e, path, lang))?;
    let mut files: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        })
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(match lang {
            Lang::Zh => format!("目录 {path} 中没有 .json 文件"),
            Lang::En => format!("the directory {path} has no .json file"),
        });
    }
    Ok(files)
}

fn reports_json(checked: &[(String, Outcome)], lang: Lang) -> Value {
    let reports: Vec<Value> = checked
        .iter()
        .map(|(file, outcome)| match outcome {
            Outcome::Findings(findings) => {
                json!({ "file": file, "findings": findings_json(findings, lang) })
            }
            Outcome::Unreadable(unreadable) => json!({ "file": file, "error": unreadable.json }),
        })
        .collect();
    json!({ "reports": reports })
}

/// Each finding as a line prefixed by its file (unless the JSON was printed), each failure and the
/// summary on stderr.
fn print_text(checked: &[(String, Outcome)], json: bool, lang: Lang) {
    let mut all: Vec<&Finding> = Vec::new();
    let mut unreadable = 0;
    for (file, outcome) in checked {
        match outcome {
            Outcome::Findings(findings) => {
                for finding in findings {
                    if !json {
                        println!("{file}\t{}", line(finding, lang));
                    }
                    all.push(finding);
                }
            }
            Outcome::Unreadable(failure) => {
                unreadable += 1;
                eprintln!("{}", failure.text);
            }
        }
    }
    if !json {
        eprintln!("{}", total(checked.len(), unreadable, all, lang));
    }
}

fn total(reports: usize, unreadable: usize, findings: Vec<&Finding>, lang: Lang) -> String {
    let summary = summary(findings, lang);
    match lang {
        Lang::Zh => format!("{reports} 份报告（{unreadable} 份无法读取），{summary}"),
        Lang::En => format!("{reports} reports ({unreadable} unreadable), {summary}"),
    }
}
