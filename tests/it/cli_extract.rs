//! `budget-lens extract` as a process: report on stdout or in a file, unplaced sentences and the count on
//! stderr, standard input, languages, exit codes.

use budget_lens::report::parse_report;

use crate::support::process;

use process::{run, text};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/panjin-xinglongtai-smart-city-2021-final.txt"
);

#[test]
fn writes_the_report_and_reports_unplaced_sentences() {
    let out = run(&["extract", SAMPLE], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = parse_report(&text(&out.stdout)).expect("stdout is a valid report");
    assert_eq!(report.breakdowns.len(), 10);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("涉及资金653.12万元"), "{stderr}");
    assert!(
        stderr.contains("取用 92 / 93 个数字，1 句未归入"),
        "{stderr}"
    );
}

#[test]
fn writes_to_a_file_with_english_messages() {
    let dir = std::env::temp_dir().join(format!("budget-lens-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("report.json");
    let path_text = path.to_string_lossy().into_owned();
    let out = run(&["extract", SAMPLE, "-o", &path_text, "--lang", "en"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("took 92 of 93 figures, 1 sentence unplaced"));
    let written = std::fs::read_to_string(&path).expect("the report file");
    assert!(parse_report(&written).is_ok());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn reads_standard_input() {
    let out = run(
        &["extract", "-"],
        "某局2021年度部门决算\n（一）收入总计10万元。".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = parse_report(&text(&out.stdout)).expect("report");
    assert_eq!(report.breakdowns[0].id, "income");
}

#[test]
fn unreadable_or_empty_input_exits_two_with_a_message() {
    let empty = run(&["extract", "-"], b"");
    assert_eq!(empty.status.code(), Some(2));
    assert!(text(&empty.stderr).contains("文本为空"));
    let binary = run(&["extract", "-", "--lang", "en"], &[0xff, 0xfe, 0x00, 0x80]);
    assert_eq!(binary.status.code(), Some(2));
    assert!(text(&binary.stderr).contains("not UTF-8"));
    let no_amounts = run(&["extract", "-", "--lang", "en"], "，。；".as_bytes());
    assert_eq!(no_amounts.status.code(), Some(2));
    assert!(text(&no_amounts.stderr).contains("no amount"));
    let missing = run(&["extract", "/nonexistent/text.txt"], b"");
    assert_eq!(missing.status.code(), Some(2));
}
