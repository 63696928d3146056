//! Hostile and arbitrary text: the extractor gives a clear result, never a panic or a hang, and whatever
//! report it gives is a valid format v1 report whose spans fit the text.

use std::time::Instant;

use budget_lens::extract::{extract, ExtractError, MAX_TEXT_BYTES};
use budget_lens::report::parse_report;
use proptest::prelude::*;

/// The report survives the round trip through JSON and the strict parser (ids, paths, spans, limits).
fn assert_valid(text: &str) {
    if let Ok(extraction) = extract(text) {
        let json = serde_json::to_string(&extraction.report).expect("serialises");
        if let Err(e) = parse_report(&json) {
            panic!(
                "extracted report does not parse: {}",
                e.message(budget_lens::Lang::En)
            );
        }
        let chars = text.chars().count();
        for u in &extraction.report.unplaced {
            assert!(u.at.start <= u.at.end && u.at.end <= chars);
        }
        assert!(extraction.taken <= extraction.figures);
    }
}

/// Runs the extractor and logs how long it took. Speed is not asserted here (a shared machine's load makes
/// a timed test flap): `make bench-hostile` times the 5 MB texts, where a quadratic path shows as minutes.
fn timed(text: &str) -> Result<budget_lens::extract::Extraction, ExtractError> {
    let start = Instant::now();
    let result = extract(text);
    eprintln!("{} bytes extracted in {:?}", text.len(), start.elapsed());
    result
}

#[test]
fn empty_and_blank_text() {
    assert_eq!(extract("").err(), Some(ExtractError::Empty));
    assert_eq!(extract("\n\n \u{3000}\t").err(), Some(ExtractError::Empty));
}

#[test]
fn only_punctuation() {
    let text = "，。；：！？（）“”、%％.,;:()-—|".repeat(1000);
    assert_eq!(extract(&text).err(), Some(ExtractError::NoFigures));
}

#[test]
fn binary_bytes() {
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    let result = timed(&text);
    assert!(matches!(result, Ok(_) | Err(ExtractError::NoFigures)));
    assert_valid(&text);
}

#[test]
fn a_million_digits() {
    let text = format!("收入总计{}万元。", "9".repeat(1_000_000));
    let result = timed(&text);
    let report = result.expect("a report with the sentence unplaced").report;
    assert!(report.breakdowns.is_empty());
    assert_eq!(report.unplaced.len(), 1);
    assert!(report.unplaced[0].text.chars().count() <= 301);
    // Bare digits, no unit: no amount at all.
    let bare = "1".repeat(1_000_000);
    assert_eq!(extract(&bare).err(), Some(ExtractError::NoFigures));
}

#[test]
fn five_megabytes_of_report_text() {
    let sample = include_str!("../data/panjin-xinglongtai-smart-city-2021-final.txt");
    let text = sample.repeat(5 * 1024 * 1024 / sample.len() + 1);
    let result = timed(&text);
    let extraction = result.expect("report");
    assert!(extraction.taken > 0);
    assert_valid(&text);
}

#[test]
fn five_megabytes_of_one_open_list() {
    // One label 250,000 times: one item, restated; still linear.
    let same = format!(
        "机关运行经费支出1万元，其中：{}",
        "办公费1万元、".repeat(250_000)
    );
    let result = timed(&same);
    let report = result.expect("report").report;
    assert_eq!(report.node_count(), 2);
    // 300,000 different labels: items up to the format's node limit, the rest unplaced; still linear.
    let letters = |mut i: usize| {
        let mut s = String::new();
        loop {
            s.push(char::from(b'a' + (i % 26) as u8));
            i /= 26;
            if i == 0 {
                return s;
            }
        }
    };
    let items: String = (0..300_000)
        .map(|i| format!("费{}1万元、", letters(i)))
        .collect();
    let many = format!("机关运行经费支出1万元，其中：{items}");
    assert!(many.len() <= MAX_TEXT_BYTES);
    let result = timed(&many);
    let report = result.expect("report").report;
    assert_eq!(report.node_count(), budget_lens::report::MAX_NODES);
    assert_valid(&many);
}

#[test]
fn five_megabytes_without_a_break() {
    let patterns = [
        "9",
        "占%",
        "1、",
        "（1）",
        "增加",
        "万",
        "元",
        "比上年",
        "收、支",
    ];
    for pattern in patterns {
        let text = pattern.repeat(5 * 1024 * 1024 / pattern.len());
        let result = timed(&text);
        drop(result);
    }
}

#[test]
fn a_table_line_of_a_million_cells() {
    // A stated unit, then one line of cells: each cell's line is read once (reading it again from every
    // cell took minutes at this size).
    for cell in ["项目|", "项目 | ", "1 | "] {
        let text = format!(
            "某单位预算表\n单位:万元\n{}",
            cell.repeat(5 * 1024 * 1024 / cell.len())
        );
        let result = timed(&text);
        assert!(result.is_err() || result.is_ok_and(|e| e.report.breakdowns.len() < 10));
    }
}

#[test]
fn too_large() {
    let text = "收入总计1万元。".repeat(MAX_TEXT_BYTES / 20);
    assert!(matches!(extract(&text), Err(ExtractError::TooLarge { .. })));
}

/// Pieces real texts are made of, so that arbitrary strings reach deep into the grammar.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "收入总计",
            "支出总计",
            "其中",
            "包括",
            "：",
            ":",
            "，",
            ",",
            "。",
            "；",
            "、",
            "\n",
            "（1）",
            "1.",
            "一、",
            "（一）",
            "占",
            "的",
            "%",
            "％",
            "万元",
            "元",
            "亿元",
            "万",
            "增加",
            "减少",
            "下降了",
            "比上年",
            "与上年相比",
            "完成年初预算的",
            "年初预算数",
            "基本支出",
            "项目支出",
            "财政拨款收入",
            "一般公共预算财政拨款支出",
            "“三公”经费",
            "机关运行经费",
            "无因公出国（境）费用",
            "持平",
            "各",
            "（类）",
            "（款）",
            "（项）",
            "2021年度",
            "—5—",
            "|",
            " ",
            "-",
            ".",
            "０",
            "１２３．４",
        ])
        .prop_map(str::to_string),
        "[0-9]{1,8}(\\.[0-9]{1,4})?",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_strings(text in any::<String>()) {
        let _ = extract(&text);
    }

    #[test]
    fn report_like_text_gives_valid_reports(pieces in prop::collection::vec(piece(), 0..80)) {
        assert_valid(&pieces.concat());
    }
}

#[test]
fn a_table_whose_columns_are_not_known_is_named_where_it_is() {
    // A unit is stated, the numbers are there, but no column name is one the reader takes: the error says
    // which characters hold the table and what column names are read, not that the text has no amount.
    let text = "某局2023年经费表\n单位:万元\n项目 甲栏 乙栏 丙栏\n合计 12.5 14.0 -1.5\n公务接待费 2.5 3.0 -0.5\n";
    let Some(ExtractError::TableNotRead { at }) = extract(text).err() else {
        panic!("{:?}", extract(text).map(|e| e.report.breakdowns.len()));
    };
    let table: String = text
        .chars()
        .skip(at.start)
        .take(at.end - at.start)
        .collect();
    assert!(
        table.starts_with("项目") && table.ends_with("-0.5"),
        "{table}"
    );
    let message = ExtractError::TableNotRead { at }.message(budget_lens::Lang::Zh);
    assert!(
        message.contains(&format!("第 {}–{} 字符处的表格未能读入", at.start, at.end)),
        "{message}"
    );
    // The same table in a text with amounts of its own is named beside the report.
    let with_amounts = format!("{text}经费合计12.5万元。");
    let extraction = extract(&with_amounts).expect("a report");
    assert_eq!(extraction.tables_not_read, [at]);
}
