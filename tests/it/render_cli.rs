//! `budget-lens render` as a process: SVG of the sample's charts, escaped report text, errors.

use std::process::{Command, Output};

const SAMPLE: &str = "www/reports/panjin-xinglongtai-2021.json";

fn render(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_budget-lens"))
        .arg("render")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn svg(args: &[&str]) -> String {
    let out = render(&[args, &["--svg", "-"]].concat());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 SVG")
}

#[test]
fn draws_the_pie_of_expenditure_by_function() {
    let svg = svg(&[SAMPLE, "--view", "gpb_by_function", "--chart", "donut"]);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(
        svg.contains("一般公共服务支出  84.03%"),
        "legend row with its share"
    );
    assert!(svg.contains("1,550.17万元"), "the total in the hole");
    assert!(
        svg.matches("<polygon").count() >= 4,
        "one polygon per slice at least"
    );
}

#[test]
fn draws_sorted_bars_in_english() {
    let svg = svg(&[
        SAMPLE,
        "--view",
        "gpb_by_function",
        "--chart",
        "bar",
        "--lang",
        "en",
    ]);
    assert!(svg.contains("Unit: 10,000 yuan"));
    let at = |text: &str| svg.find(text).unwrap_or_else(|| panic!("{text} drawn"));
    // Sorted by amount: 1,302.65 above 131.17 above 65.91 above 50.44.
    assert!(at("1,302.65") < at("131.17"));
    assert!(at("131.17") < at("65.91") && at("65.91") < at("50.44"));
}

#[test]
fn writes_a_file_and_escapes_report_text() {
    let dir = std::env::temp_dir().join(format!("budget-lens-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("hostile.json");
    std::fs::write(
        &report,
        r#"{"format":"budget-lens/1","breakdowns":[{"id":"e","label":"e","amount":"2","items":[
          {"id":"a","label":"<script>&</script>","amount":"1"},{"id":"b","label":"b","amount":"1"}]}]}"#,
    )
    .unwrap();
    let out_file = dir.join("out.svg");
    let out = render(&[
        report.to_str().unwrap(),
        "--chart",
        "bar",
        "--svg",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(&out_file).unwrap();
    assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;&amp;&lt;/script&gt;"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_view_or_report_exits_two() {
    let out = render(&[SAMPLE, "--view", "nowhere", "--svg", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("报告中没有“nowhere”"));
    let out = render(&["no-such-file.json", "--svg", "-"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_unknown_chart_is_refused() {
    let out = render(&[SAMPLE, "--chart", "line", "--svg", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("'line'") && stderr.contains("pie, donut, bar"),
        "{stderr}"
    );
}
