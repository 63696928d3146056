//! `budget-lens check` as a process: exit codes, text and JSON output, languages, standard input.

const CLEAN: &str = r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[
  {"id":"e","label":"支出总计","amount":"1550.17","items":[
    {"id":"basic","label":"基本支出","amount":"897.05","share":"57.87"},
    {"id":"project","label":"项目支出","amount":"653.12","share":"42.13"}]}]}"#;

use crate::support::process;

use process::text;

fn run(args: &[&str], stdin: &str) -> std::process::Output {
    process::run(args, stdin.as_bytes())
}

#[test]
fn a_consistent_report_exits_zero() {
    let out = run(&["check", "-"], CLEAN);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("0 处错误"));
}

#[test]
fn errors_exit_one_with_one_line_each() {
    let wrong = CLEAN
        .replace("\"57.87\"", "\"42.13\"")
        .replace("\"653.12\"", "\"653.13\"");
    let out = run(&["check", "-", "--lang", "en"], &wrong);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    // 653.13 of 1550.17 is still 42.13%: only the sum and the swapped share are findings.
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("warning\tsum\te\t\"支出总计\" is printed as CNY 15,501,700"),
        "{stdout}"
    );
    assert!(lines[1]
        .starts_with("error\tshare\te/basic\tThe share of \"基本支出\" is printed as 42.13%"));
    assert!(text(&out.stderr).contains("2 findings — errors: 1, warnings: 1, notes: 0"));
}

#[test]
fn one_finding_is_counted_in_the_singular() {
    // 653.13 + 897.05 = 1550.18 against 1550.17: the sum alone, a warning.
    let wrong = CLEAN.replace("\"653.12\"", "\"653.13\"");
    let out = run(&["check", "-", "--lang", "en"], &wrong);
    assert!(text(&out.stderr).contains("1 finding — errors: 0, warnings: 1, notes: 0"));
}

#[test]
fn json_output_has_the_findings_of_the_design() {
    let wrong = CLEAN.replace("\"653.12\"", "\"653.13\"");
    let out = run(&["check", "-", "--json"], &wrong);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let finding = &json["findings"][0];
    assert_eq!(finding["rule"], "sum");
    assert_eq!(finding["severity"], "warning");
    assert_eq!(finding["path"], "e");
    assert_eq!(finding["label"], "支出总计");
    assert_eq!(finding["stated"], "1550.17");
    assert_eq!(finding["expected"], "1550.18");
    assert_eq!(finding["difference"], "-0.01");
    assert_eq!(finding["tolerance"], "0.015");
    assert!(finding["message"]
        .as_str()
        .unwrap()
        .starts_with("“支出总计”印为1550.17万元"));
}

#[test]
fn unreadable_input_exits_two_with_its_place() {
    let out = run(&["check", "-"], "{\"format\":\"budget-lens/1\",\n\"breakdowns\":[{\"id\":\"a\",\"label\":\"x\",\"amount\":\"abc\"}]}");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("第2行第46列（$.breakdowns[0].amount）：金额 \"abc\" 不是十进制数"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["check", "-", "--lang", "en"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("line 1, column 1 ($): the report is empty"));
}

#[test]
fn a_missing_file_exits_two() {
    let out = run(&["check", "/nonexistent/report.json", "--lang", "en"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read /nonexistent/report.json"));
}

#[test]
fn a_file_argument_is_read() {
    let path = std::env::temp_dir().join(format!("budget-lens-cli-{}.json", std::process::id()));
    std::fs::write(&path, CLEAN).expect("write temp file");
    let out = run(&["check", path.to_str().expect("utf-8 path")], "");
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_huge_file_is_refused_without_reading_it_whole() {
    let path =
        std::env::temp_dir().join(format!("budget-lens-cli-huge-{}.json", std::process::id()));
    let file = std::fs::File::create(&path).expect("create temp file");
    file.set_len(50 * 1024 * 1024).expect("a sparse 50 MB file");
    let out = run(
        &["check", path.to_str().expect("utf-8 path"), "--lang", "en"],
        "",
    );
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("exceeds the limit of 20971520 bytes (20971521 bytes read)"),
        "{}",
        text(&out.stderr)
    );
}

/// A fresh directory for one test.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("budget-lens-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn path_text(path: &std::path::Path) -> String {
    path.to_string_lossy().into_owned()
}

#[test]
fn file_errors_are_said_in_the_chosen_language() {
    let out = run(&["check", "/nonexistent/report.json"], "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("找不到文件 /nonexistent/report.json"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
    let dir = temp_dir("dir-error");
    let dir_text = path_text(&dir);
    for command in ["extract", "render", "import"] {
        let args: Vec<&str> = match command {
            "render" => vec![command, &dir_text, "--svg", "-"],
            _ => vec![command, &dir_text],
        };
        let out = run(&args, "");
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(&format!("{dir_text} 是一个目录")),
            "{command}: {stderr}"
        );
        assert!(!stderr.contains("os error"), "{stderr}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn several_reports_and_directories_are_checked_in_bulk() {
    let dir = temp_dir("bulk");
    let wrong = CLEAN
        .replace("\"57.87\"", "\"42.13\"")
        .replace("\"653.12\"", "\"653.13\"");
    std::fs::write(dir.join("b-wrong.json"), &wrong).expect("write");
    std::fs::write(dir.join("a-clean.json"), CLEAN).expect("write");
    std::fs::write(dir.join("notes.txt"), "not a report").expect("write");
    let clean = dir.join("a-clean.json");
    let (dir_text, clean_text) = (path_text(&dir), path_text(&clean));
    let wrong_text = path_text(&dir.join("b-wrong.json"));
    // Text: every line names its file; the directory's *.json files in name order.
    let out = run(&["check", &clean_text, &dir_text, "--lang", "en"], "");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with(&format!("{wrong_text}\twarning\tsum\te\t")),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with(&format!("{wrong_text}\terror\tshare\te/basic\t")),
        "{stdout}"
    );
    assert!(
        text(&out.stderr).contains("3 reports (0 unreadable)"),
        "{}",
        text(&out.stderr)
    );
    // JSON: one entry per report, an unreadable one with its error; the worst exit code.
    std::fs::write(
        dir.join("c-bad.json"),
        "{\"format\":\"budget-lens/1\",\n\"unit\":\"千元\"}",
    )
    .expect("write");
    let out = run(&["check", "--json", &dir_text], "");
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let reports = json["reports"].as_array().expect("reports");
    let files: Vec<&str> = reports
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            clean_text.as_str(),
            &wrong_text,
            &path_text(&dir.join("c-bad.json"))
        ]
    );
    assert_eq!(reports[0]["findings"], serde_json::json!([]));
    assert_eq!(reports[1]["findings"].as_array().unwrap().len(), 2);
    assert_eq!(reports[2]["error"]["line"], 2);
    assert_eq!(reports[2]["error"]["path"], "$.unit");
    assert!(reports[2].get("findings").is_none());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn one_unreadable_report_with_json_prints_a_json_error_too() {
    let out = run(
        &["check", "-", "--json"],
        "{\"format\":\"budget-lens/1\",\n\"breakdowns\":[{\"id\":\"a\",\"label\":\"x\",\"amount\":\"abc\"}]}",
    );
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let error = &json["error"];
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(2), Some(46))
    );
    assert_eq!(error["path"], "$.breakdowns[0].amount");
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("金额 \"abc\" 不是十进制数"));
    assert!(text(&out.stderr).contains("第2行第46列"));
    let out = run(
        &["check", "/nonexistent/r.json", "--json", "--lang", "en"],
        "",
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(
        json["error"]["message"],
        "cannot read /nonexistent/r.json: no such file"
    );
}

#[test]
fn a_total_printed_again_with_another_change_is_an_error_naming_both_places() {
    // The overview's 增加100.00万元 and the income section's 增加120.00万元 for the same 收入总计 (each rate is
    // consistent with its own change: 100.00 / 1134.56 = 8.8%, 120.00 / 1114.56 = 10.8%).
    let published = "某局2024年部门预算\n一、收支预算总体情况\n2024年收入总计1234.56万元,比上年增加100.00万元,增长8.8%。\n\
                二、收入预算情况\n2024年收入总计1234.56万元,比上年增加120.00万元,增长10.8%。\n";
    let extracted = run(&["extract", "-"], published);
    assert_eq!(
        extracted.status.code(),
        Some(0),
        "{}",
        text(&extracted.stderr)
    );
    let out = run(&["check", "-"], &text(&extracted.stdout));
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with(
            "错误\trestated\tincome\t“收入总计”比上年的增减额印为100.00万元，在别处又印为120.00万元，相差20.00万元。"
        ),
        "{stdout}"
    );
    assert!(
        lines[0].contains("先见原文“比上年增加100.00万元”，又见原文“比上年增加120.00万元”。"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with(
            "错误\trestated\tincome\t“收入总计”比上年的增减百分比印为8.8%，在别处又印为10.8%，相差2.0个百分点。"
        ),
        "{stdout}"
    );
}
