//! The extractor on the real published text against the hand-made sample report of the same text
//! (www/reports/panjin-xinglongtai-2021.json): the same figures by path, spans pointing at the same
//! characters, the same relations, and the same checker findings.
//!
//! One known difference, on purpose: the sample records `涉及资金653.12万元` (the 绩效自评 paragraph) as a
//! restatement of `expenditure/project`. The extractor does not: the money covered by a self-evaluation is
//! not always all project spending, and calling it a restatement would raise false errors where it is not.
//! It lists that sentence as unplaced instead, for a person to decide.

use crate::support::figures;

use std::fs;
use std::path::Path;

use budget_lens::check::check;
use budget_lens::extract::extract;
use budget_lens::report::{parse_report, Report};
use serde_json::Value;

fn read(relative: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).expect("file")
}

fn sample() -> Report {
    parse_report(&read("www/reports/panjin-xinglongtai-2021.json")).expect("the sample parses")
}

fn extracted() -> Report {
    let text = read("tests/data/panjin-xinglongtai-smart-city-2021-final.txt");
    extract(&text).expect("the real text extracts").report
}

/// The sample without the one restatement the extractor leaves unplaced on purpose (see the module doc).
fn sample_without_known_difference() -> Report {
    let mut sample = sample();
    let project = sample
        .breakdowns
        .iter_mut()
        .find(|n| n.id == "expenditure")
        .and_then(|n| n.items.iter_mut().find(|n| n.id == "project"))
        .expect("expenditure/project");
    let before = project.restated.len();
    project
        .restated
        .retain(|r| r.amount.to_string() != "653.12");
    assert_eq!(
        before - project.restated.len(),
        1,
        "the known difference is still in the sample"
    );
    sample
}

#[test]
fn the_text_is_the_samples_source() {
    assert_eq!(extracted().source_text(), sample().source_text());
}

#[test]
fn every_figure_equals_the_samples() {
    let ours = figures::figures_by_path(&extracted());
    let theirs = figures::figures_by_path(&sample_without_known_difference());
    let paths = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(paths(&ours), paths(&theirs), "the same nodes by path");
    for (path, figures) in &theirs {
        assert_eq!(ours.get(path), Some(figures), "{path}");
    }
}

#[test]
fn spans_point_at_the_same_characters() {
    let mut ours = figures::spanned_figures(&extracted());
    let mut theirs = figures::spanned_figures(&sample_without_known_difference());
    ours.sort_by_key(|(path, field, span, _)| (path.clone(), *field, span.start));
    theirs.sort_by_key(|(path, field, span, _)| (path.clone(), *field, span.start));
    assert_eq!(ours, theirs);
}

#[test]
fn relations_and_metadata_equal_the_samples() {
    let (ours, theirs) = (extracted(), sample());
    assert_eq!(ours.relations, theirs.relations);
    assert_eq!(
        (&ours.title, &ours.entity, ours.year, ours.phase, ours.unit),
        (
            &theirs.title,
            &theirs.entity,
            theirs.year,
            theirs.phase,
            theirs.unit
        )
    );
}

#[test]
fn the_checker_finds_the_same_on_both() {
    let ours = check(&extracted());
    let theirs = check(&sample());
    assert_eq!(ours, theirs);
    // Note 99.99 %, warning 住房保障支出 65.91 vs its one item 65.90, warning 机关运行经费. The same 0.01 gap
    // is also a restatement (65.90 printed again elsewhere); it is reported once, not twice (issue 11).
    assert_eq!(ours.len(), 3, "{ours:?}");
}

#[test]
fn only_the_self_evaluation_sentence_is_unplaced() {
    let ours = extracted();
    let unplaced: Vec<&str> = ours.unplaced.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(unplaced.len(), 1);
    assert!(
        unplaced[0].ends_with("涉及资金653.12万元。"),
        "{unplaced:?}"
    );
    let at = ours.unplaced[0].at;
    assert!(at
        .slice(ours.source_text())
        .is_some_and(|s| s.contains("涉及资金653.12万元")));
}

#[test]
fn ninety_two_of_ninety_three_figures_are_taken() {
    let text = read("tests/data/panjin-xinglongtai-smart-city-2021-final.txt");
    let extraction = extract(&text).expect("report");
    assert_eq!((extraction.taken, extraction.figures), (92, 93));
}
