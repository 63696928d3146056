//! Report text → [`Report`], or one clear [`ReportError`]. Never panics, whatever the bytes.
//!
//! Four stages: the bytes (size, UTF-8, BOM, the top-level shape), the JSON tree (syntax; the parser
//! gives the byte where it stopped, the JSON path comes from re-reading the text up to there), the model built
//! from the tree (types, amounts, required fields; placed by their JSON path), then [`super::validate`]
//! (what the types cannot say: ids, paths, depth, node count, spans).

use super::error::{Problem, ReportError};
use super::locate::{line_column, locate, path_at, JsonPath, Seg};
use super::model::{Report, FORMAT_V1};
use super::read::{self, FORMAT_ONLY, REPORT};
use super::tree::{quoted, read_tree, Json, TreeError};
use super::validate::validate;

/// The largest report text accepted, in bytes.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// Parses report bytes: a UTF-8 BOM is accepted, invalid UTF-8 is an error with its place.
pub fn parse_report_bytes(bytes: &[u8]) -> Result<Report, ReportError> {
    if bytes.len() > MAX_BYTES {
        return Err(whole_text(Problem::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BYTES,
        }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_report(text),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
            let (line, column) = line_column(valid, valid.len());
            Err(ReportError {
                problem: Problem::NotUtf8,
                path: "$".into(),
                line,
                column,
            })
        }
    }
}

/// Parses a report text.
pub fn parse_report(text: &str) -> Result<Report, ReportError> {
    if text.len() > MAX_BYTES {
        return Err(whole_text(Problem::TooLarge {
            bytes: text.len(),
            limit: MAX_BYTES,
        }));
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let Some(first) = text.trim_start().chars().next() else {
        return Err(whole_text(Problem::Empty));
    };
    let found = match first {
        '{' => None,
        '[' => Some("an array"),
        '"' => Some("a string"),
        '-' | '0'..='9' => Some("a number"),
        't' | 'f' => Some("true or false"),
        'n' => Some("null"),
        _ => None,
    };
    if let Some(found) = found {
        let at = text.len() - text.trim_start().len();
        return Err(error_at(
            text,
            at,
            "$".into(),
            Problem::NotAnObject { found },
        ));
    }

    // A report of another format is judged by its format, not by this one's fields: when the report
    // does not read, its format is looked at first (a second pass, on the error path only).
    let report = read_report(text)?;
    if report.format != FORMAT_V1 {
        let found = quoted(&report.format);
        let path = JsonPath(vec![Seg::Key("format".into())]);
        return Err(located(text, &path, Problem::UnknownFormat { found }));
    }
    validate(&report).map_err(|(path, problem)| located(text, &path, problem))?;
    Ok(report)
}

/// The report in `text`, or the first fault: a syntax error where the parser stopped, a wrong value where
/// it stands.
fn read_report(text: &str) -> Result<Report, ReportError> {
    match read_tree(text, REPORT) {
        Ok(tree) => read::report(&tree).map_err(|fault| {
            format_problem(text, &tree).unwrap_or_else(|| {
                let (path, problem) = *fault;
                located(text, &path, problem)
            })
        }),
        Err(error) => {
            let error = tree_error(text, error);
            let probe = read_tree(text, FORMAT_ONLY).ok();
            Err(probe
                .and_then(|tree| format_problem(text, &tree))
                .unwrap_or(error))
        }
    }
}

/// Whether the report's `format` is missing or not v1 (`None` when it is v1).
fn format_problem(text: &str, tree: &Json) -> Option<ReportError> {
    let Json::Object(members) = tree else {
        return None;
    };
    match members.iter().find(|(key, _)| key == "format") {
        None => Some(whole_text(Problem::MissingFormat)),
        Some((_, Json::String(f))) if f == FORMAT_V1 => None,
        Some((_, other)) => {
            let path = JsonPath(vec![Seg::Key("format".into())]);
            let found = other.to_string().chars().take(60).collect();
            Some(located(text, &path, Problem::UnknownFormat { found }))
        }
    }
}

/// An error about the value at `path`, with that value's line and column.
pub(crate) fn located(text: &str, path: &JsonPath, problem: Problem) -> ReportError {
    error_at(text, locate(text, path), path.to_string(), problem)
}

fn error_at(text: &str, byte: usize, path: String, problem: Problem) -> ReportError {
    let (line, column) = line_column(text, byte);
    ReportError {
        problem,
        path,
        line,
        column,
    }
}

fn whole_text(problem: Problem) -> ReportError {
    ReportError {
        problem,
        path: "$".into(),
        line: 1,
        column: 1,
    }
}

/// Turns the parser's error into a [`ReportError`]: its problem, its place, and the JSON path of the
/// value it stopped in (found by re-reading the text up to there, on the error path only). A duplicate
/// member is placed at its (last) value, as every problem with a value is.
fn tree_error(text: &str, error: TreeError) -> ReportError {
    let path = path_at(text, error.at);
    let byte = match error.problem {
        Problem::DuplicateField { .. } if !path.0.is_empty() => locate(text, &path),
        _ => error.at,
    };
    error_at(text, byte, path.to_string(), error.problem)
}
