//! Scores the extractor and the checker on the prose corpus: for each excerpt, printed figures placed in
//! nodes, FAIL relations of its key reported on the stated figure, false errors, ROUNDING relations reported
//! as errors (definitions in tests/common/prose_score.rs).
//!
//! `cargo run -p budget-lens-extract --example eval -- [DIR] [--verbose] [--unplaced] [--show=NN]`; DIR holds
//! keys.json and the excerpts (default: the repository's tests/data/prose). `--show=NN` prints the report and
//! findings of the excerpts whose name starts with NN. Results go to bench/RESULTS.md by hand.

#[path = "../tests/common/prose_score.rs"]
mod prose_score;

use std::path::PathBuf;

use budget_lens_core::check::{check, Severity};
use budget_lens_extract::extract;
use prose_score::{line, load, score, total, Score, Seen};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    // `--unplaced`: each excerpt's sentences whose figures found no place, to see which phrasings lose most.
    let show_unplaced = args.iter().any(|a| a == "--unplaced");
    let show = args.iter().find_map(|a| a.strip_prefix("--show="));
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(prose_score::data_dir, PathBuf::from);
    let excerpts = match load(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("eval: {e}");
            std::process::exit(2);
        }
    };
    let mut scores = Vec::new();
    for excerpt in &excerpts {
        let s = evaluate(excerpt);
        println!("{}", line(&excerpt.name, &s));
        if verbose {
            s.false_errors
                .iter()
                .for_each(|f| println!("    false: {f}"));
            s.missed.iter().for_each(|m| println!("    missed: {m}"));
        }
        if show_unplaced {
            print_unplaced(excerpt);
        }
        if show.is_some_and(|prefix| excerpt.name.starts_with(prefix)) {
            print_report(excerpt);
        }
        scores.push(s);
    }
    let t = total(&scores);
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "TOTAL placed {}/{} ({:.1} %), FAIL caught {}/{} ({:.1} %), false errors {} in {} reports, rounding as error {}",
        t.placed,
        t.figures,
        pct(t.placed, t.figures),
        t.caught,
        t.fails,
        pct(t.caught, t.fails),
        t.false_errors.len(),
        scores.iter().filter(|s| !s.false_errors.is_empty()).count(),
        t.rounding_errors
    );
}

fn print_unplaced(excerpt: &prose_score::Excerpt) {
    if let Ok(extraction) = extract(&excerpt.body) {
        for u in &extraction.report.unplaced {
            println!("    unplaced: {}", u.text.replace('\n', " "));
        }
    }
}

fn print_report(excerpt: &prose_score::Excerpt) {
    if let Ok(extraction) = extract(&excerpt.body) {
        let mut report = extraction.report.clone();
        report.source = None;
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
        for f in check(&extraction.report) {
            println!(
                "    {} {} {}: {}",
                f.severity.name(),
                f.rule.name(),
                f.path,
                f.message(budget_lens_core::Lang::Zh)
            );
        }
    }
}

/// Extracts, checks and scores one excerpt; a text the extractor refuses places nothing and catches nothing.
fn evaluate(excerpt: &prose_score::Excerpt) -> Score {
    let Ok(extraction) = extract(&excerpt.body) else {
        let figures = prose_score::printed_figures(&excerpt.body).len();
        let mut s = score(excerpt, &serde_json::json!({}), &[]);
        s.figures = figures;
        return s;
    };
    let report = &extraction.report;
    let json = serde_json::to_value(report).unwrap_or_default();
    let seen: Vec<Seen> = check(report)
        .iter()
        .map(|f| Seen {
            severity: match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            }
            .to_string(),
            rule: f.rule.name().to_string(),
            path: f.path.clone(),
            stated: f.stated,
            expected: f.expected,
        })
        .collect();
    score(excerpt, &json, &seen)
}
