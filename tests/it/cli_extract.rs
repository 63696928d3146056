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

#[test]
fn gbk_text_is_read_and_the_encoding_named() {
    // "某局2021年度部门决算\n（一）收入总计10万元。" in GBK.
    let gbk = b"\xc4\xb3\xbe\xd6\x32\x30\x32\x31\xc4\xea\xb6\xc8\xb2\xbf\xc3\xc5\xbe\xf6\xcb\xe3\x0a\xa3\xa8\xd2\xbb\xa3\xa9\xca\xd5\xc8\xeb\xd7\xdc\xbc\xc6\x31\x30\xcd\xf2\xd4\xaa\xa1\xa3";
    let out = run(&["extract", "-"], gbk);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = parse_report(&text(&out.stdout)).expect("report");
    assert_eq!(report.breakdowns[0].label, "收入总计");
    assert!(
        text(&out.stderr).contains("已按 GB18030/GBK 编码读取"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["extract", "-", "--lang", "en"], gbk);
    assert!(text(&out.stderr).contains("read as GB18030/GBK text"));
}

#[test]
fn a_pdf_given_to_extract_is_sent_to_import() {
    let out = run(&["extract", "-"], b"%PDF-1.7\n\x80\x81\x82 binary");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("PDF") && stderr.contains("budget-lens import"),
        "{stderr}"
    );
    assert!(!stderr.contains("UTF-8"), "{stderr}");
}
