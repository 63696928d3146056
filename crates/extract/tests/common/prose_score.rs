//! Scores the extractor + checker on the prose corpus (tests/data/prose: real excerpts and their hand-checked
//! answer keys, converted from the corpus's spec.py by scripts/prose_keys_to_json.py). Shared by the corpus
//! test and the `eval` example; it sees a report only as JSON and findings as plain records, so it does not
//! depend on how the crates are laid out.
//!
//! The measures are those of the corpus's score.py:
//! - placed: printed figures (a number followed by 亿元/万元/万/元/%) whose digits lie inside a figure span of
//!   the report (a node's `at`, its `spans`, its `restated` printings; `unplaced` does not count);
//! - caught: FAIL relations of the key (not domain identities) with an error or warning whose stated figure is
//!   the relation's stated figure (either printing of a `dup`);
//! - false errors: errors whose stated figure is no figure of any FAIL relation of that excerpt;
//! - rounding errors: those false errors whose stated figure is the stated figure of a ROUNDING relation.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;

/// One relation of an answer key.
pub struct KeyRelation {
    pub desc: String,
    pub status: String,
    pub domain: bool,
    pub stated: Vec<Decimal>,
    pub figures: Vec<Decimal>,
}

/// One excerpt and its key.
pub struct Excerpt {
    pub name: String,
    /// The text after the two metadata lines and the blank line: what a user would paste.
    pub body: String,
    pub relations: Vec<KeyRelation>,
}

/// A finding as far as scoring needs it.
pub struct Seen {
    pub severity: String,
    pub rule: String,
    pub path: String,
    pub stated: Decimal,
    pub expected: Decimal,
}

/// The score of one excerpt.
#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub figures: usize,
    pub placed: usize,
    pub fails: usize,
    pub caught: usize,
    /// `rule path stated expected` of each false error.
    pub false_errors: Vec<String>,
    pub rounding_errors: usize,
    /// Descriptions of the FAIL relations not caught.
    pub missed: Vec<String>,
}

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA_FROM_MANIFEST)
}

/// tests/data/prose of the repository, from the crate's folder.
const DATA_FROM_MANIFEST: &str = "../../tests/data/prose";

fn dec(s: &str) -> Option<Decimal> {
    let s = s.trim().trim_end_matches(['%', '％']).replace(',', "");
    Decimal::from_str(&s).ok().map(|d| d.abs().normalize())
}

/// Reads keys.json and the excerpts beside it.
pub fn load(dir: &Path) -> Result<Vec<Excerpt>, String> {
    let keys_path = dir.join("keys.json");
    let keys =
        std::fs::read_to_string(&keys_path).map_err(|e| format!("{}: {e}", keys_path.display()))?;
    let keys: Value = serde_json::from_str(&keys).map_err(|e| format!("keys.json: {e}"))?;
    let files = keys.as_array().ok_or("keys.json: not a list")?;
    files.iter().map(|f| excerpt(dir, f)).collect()
}

fn excerpt(dir: &Path, key: &Value) -> Result<Excerpt, String> {
    let name = key["name"]
        .as_str()
        .ok_or("keys.json: a file without name")?;
    let path = dir.join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let body = text.split_once("\n\n").map_or("", |(_, b)| b).to_string();
    let decimals = |v: &Value| -> Vec<Decimal> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| dec(x.as_str()?))
            .collect()
    };
    let relations = key["relations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| KeyRelation {
            desc: r["desc"].as_str().unwrap_or("").to_string(),
            status: r["status"].as_str().unwrap_or("").to_string(),
            domain: r["domain"].as_bool().unwrap_or(false),
            stated: decimals(&r["stated"]),
            figures: decimals(&r["figures"]),
        })
        .collect();
    Ok(Excerpt {
        name: name.to_string(),
        body,
        relations,
    })
}

/// Character spans of the printed figures: `(?<![\d.])-?\d+(\.\d+)?\s*(亿元|万元|万|元|%|％)`, the number part.
pub fn printed_figures(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match figure_at(&chars, i) {
            Some((end, next)) => {
                found.push((i, end));
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

/// The end of the number and of the whole match of a figure starting at `i`, if one does.
fn figure_at(chars: &[char], i: usize) -> Option<(usize, usize)> {
    if i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.') {
        return None;
    }
    let digits = |from: usize| (from..chars.len()).find(|&k| !chars[k].is_ascii_digit());
    let mut k = if chars[i] == '-' { i + 1 } else { i };
    let end_int = digits(k).unwrap_or(chars.len());
    if end_int == k {
        return None;
    }
    k = end_int;
    if chars.get(k) == Some(&'.') && chars.get(k + 1).is_some_and(char::is_ascii_digit) {
        k = digits(k + 1).unwrap_or(chars.len());
    }
    let number_end = k;
    while chars.get(k).is_some_and(|c| c.is_whitespace()) {
        k += 1;
    }
    let rest: String = chars[k..chars.len().min(k + 2)].iter().collect();
    let unit_len = ["亿元", "万元", "万", "元", "%", "％"]
        .iter()
        .find(|u| rest.starts_with(*u))?
        .chars()
        .count();
    Some((number_end, k + unit_len))
}

/// Every figure span of a report (as JSON): nodes' `at`, `spans`, `restated`.
pub fn figure_spans(report: &Value) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut stack: Vec<&Value> = report["breakdowns"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    let span = |v: &Value| Some((v["start"].as_u64()? as usize, v["end"].as_u64()? as usize));
    while let Some(node) = stack.pop() {
        spans.extend(span(&node["at"]));
        if let Some(map) = node["spans"].as_object() {
            spans.extend(map.values().filter_map(span));
        }
        for r in node["restated"].as_array().into_iter().flatten() {
            spans.extend(span(&r["at"]));
        }
        stack.extend(node["items"].as_array().into_iter().flatten());
    }
    spans
}

/// Scores one excerpt from its report (JSON) and the checker's findings.
pub fn score(excerpt: &Excerpt, report: &Value, findings: &[Seen]) -> Score {
    let text = report["source"]["text"].as_str().unwrap_or("");
    let spans = figure_spans(report);
    let printed = printed_figures(text);
    let placed = printed
        .iter()
        .filter(|(s, e)| spans.iter().any(|(a, b)| a <= s && e <= b))
        .count();
    let arithmetic = |status: &'static str| {
        excerpt
            .relations
            .iter()
            .filter(move |r| !r.domain && r.status == status)
    };
    let flagged = |r: &KeyRelation| {
        findings
            .iter()
            .any(|f| f.severity != "note" && r.stated.contains(&f.stated.abs().normalize()))
    };
    let fail_figures: Vec<Decimal> = arithmetic("FAIL").flat_map(|r| r.figures.clone()).collect();
    let rounding_stated: Vec<Decimal> = arithmetic("ROUNDING")
        .flat_map(|r| r.stated.clone())
        .collect();
    let false_errors: Vec<&Seen> = findings
        .iter()
        .filter(|f| f.severity == "error" && !fail_figures.contains(&f.stated.abs().normalize()))
        .collect();
    Score {
        figures: printed.len(),
        placed,
        fails: arithmetic("FAIL").count(),
        caught: arithmetic("FAIL").filter(|r| flagged(r)).count(),
        rounding_errors: false_errors
            .iter()
            .filter(|f| rounding_stated.contains(&f.stated.abs().normalize()))
            .count(),
        false_errors: false_errors
            .iter()
            .map(|f| {
                format!(
                    "{} {} stated {} expected {}",
                    f.rule, f.path, f.stated, f.expected
                )
            })
            .collect(),
        missed: arithmetic("FAIL")
            .filter(|r| !flagged(r))
            .map(|r| r.desc.clone())
            .collect(),
    }
}

/// Totals over excerpts.
pub fn total(scores: &[Score]) -> Score {
    let mut t = Score::default();
    for s in scores {
        t.figures += s.figures;
        t.placed += s.placed;
        t.fails += s.fails;
        t.caught += s.caught;
        t.rounding_errors += s.rounding_errors;
        t.false_errors.extend(s.false_errors.iter().cloned());
        t.missed.extend(s.missed.iter().cloned());
    }
    t
}

/// One line per excerpt, as written by the eval example and the snapshot files.
pub fn line(name: &str, s: &Score) -> String {
    format!(
        "{name}: placed {}/{}, fails caught {}/{}, false errors {}, rounding as error {}",
        s.placed,
        s.figures,
        s.caught,
        s.fails,
        s.false_errors.len(),
        s.rounding_errors
    )
}
