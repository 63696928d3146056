//! `budget-lens import` as a process: a workbook (or CSV files, one per table) in, the report out, the tables
//! found and what could not be placed on stderr; `check` works on its output unchanged; unreadable input
//! exits 2 with a clear message.

use budget_lens::report::parse_report;

use crate::support::process;

use process::{run, text};

fn data(name: &str) -> String {
    format!("{}/tests/data/tables/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_workbook_becomes_a_report_that_check_reads() {
    let dir = std::env::temp_dir().join(format!("budget-lens-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let output = dir.join("report.json");
    let workbook = data("putuo-justice-2026-unit-budget.xlsx");
    let out = run(&["import", &workbook, "-o", output.to_str().unwrap()], b"");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("表 2026年预算单位支出预算总表（表3，22 行）"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2026年预算单位政府性基金预算支出功能分类预算表：没有数字"),
        "{stderr}"
    );
    assert!(stderr.contains("找到 9 张表，放入报告"), "{stderr}");
    let json = std::fs::read_to_string(&output).unwrap();
    let report = parse_report(&json).expect("a valid report");
    // The JSON Schema of format v1 knows the extension (columns, printed, path#column).
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../www/schema/report-v1.schema.json")).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let instance: serde_json::Value = serde_json::from_str(&json).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(report
        .node_at("expenditure_by_function/204/20406/2040601")
        .is_some());

    // The unit budget's real table errors: 2040601's 项目支出 printed as the class total, in two tables.
    let check = run(&["check", output.to_str().unwrap(), "--lang", "en"], b"");
    assert_eq!(check.status.code(), Some(1), "errors found");
    let findings = text(&check.stdout);
    assert!(
        findings.contains("row_sum") && findings.contains("column_sum"),
        "{findings}"
    );
    assert!(
        findings.contains("2026年预算单位支出预算总表 row \"行政运行\""),
        "{findings}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_files_one_per_table_are_one_report() {
    let folder = data("justice-csv-gbk");
    let mut files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut args = vec!["import", "--lang", "en"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args, b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("found 9 tables"),
        "{}",
        text(&out.stderr)
    );
    let report = parse_report(&text(&out.stdout)).unwrap();
    assert_eq!(report.year, Some(2026));
}

#[test]
fn unreadable_input_exits_2_with_a_message() {
    let out = run(&["import", &data("putuo-finance-2024-final.key.json")], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("无法识别的文件类型"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["import", "/nonexistent/x.xlsx", "--lang", "en"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("cannot read /nonexistent/x.xlsx"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_help_names_pdf_and_a_lone_text_is_sent_to_extract() {
    let help = text(&run(&["import", "--help"], b"").stdout);
    assert!(help.contains(".pdf") && help.contains("PDF"), "{help}");
    let dir = std::env::temp_dir().join(format!("budget-lens-import-txt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("narrative.txt");
    std::fs::write(&path, "（一）收入总计10万元。").expect("write");
    let path_text = path.to_string_lossy().into_owned();
    let out = run(&["import", &path_text], b"");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with(&format!("{path_text}：")), "{stderr}");
    assert!(stderr.contains("budget-lens extract"), "{stderr}");
    assert!(!stderr.contains("在0个"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}
