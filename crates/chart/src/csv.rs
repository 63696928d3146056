//! The current level as CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads
//! Chinese correctly), a header row, one row per item and the total; figures as plain exact
//! decimals (no grouping, no unit: the unit is in the header).

use budget_lens_core::exact::text;
use budget_lens_core::word::join;
use rust_decimal::Decimal;

use super::strings::ui_strings;
use super::view::{ChartView, Item};

const BOM: char = '\u{feff}';

/// A column: its header, the exact figure of an item (if the item has it), and whether it is money to be shown
/// in the level's unit, as its table printed it (rather than a percentage, or a figure already so shown).
type Column = (String, fn(&Item) -> Option<Decimal>, bool);

/// The view's table as CSV text (starting with the BOM, lines ending in CRLF as RFC 4180 says).
pub fn level_csv(view: &ChartView) -> String {
    let s = ui_strings(view.lang);
    let unit = view
        .unit_text
        .split_once(['：', ':'])
        .map_or(view.unit_text.as_str(), |(_, unit)| unit.trim());
    let (open, close) = match view.lang {
        budget_lens_core::Lang::Zh => ("（", "）"),
        budget_lens_core::Lang::En => (" (", ")"),
    };
    let columns: [Column; 7] = [
        // Already in the level's unit, to its own printed precision (a `0` in a table of `10.81`s stays `0`).
        (
            format!("{}{open}{unit}{close}", s.amount),
            |i| Some(i.amount_shown),
            false,
        ),
        (format!("{}{open}%{close}", s.share), |i| i.share, false),
        (format!("{}{open}{unit}{close}", s.prior), |i| i.prior, true),
        (
            format!("{}{open}{unit}{close}", s.change),
            |i| i.change,
            true,
        ),
        (
            format!("{}{open}%{close}", s.change_pct),
            |i| i.change_pct,
            false,
        ),
        (
            format!("{}{open}{unit}{close}", s.budget),
            |i| i.budget,
            true,
        ),
        (
            format!("{}{open}%{close}", s.completion),
            |i| i.completion,
            false,
        ),
    ];
    // Only the columns some item has.
    let shown: Vec<_> = columns
        .iter()
        .filter(|(_, get, _)| view.items.iter().any(|item| get(item).is_some()))
        .collect();
    let mut out = String::new();
    out.push(BOM);
    let mut header = vec![field(s.item)];
    header.extend(shown.iter().map(|(name, _, _)| field(name)));
    push_line(&mut out, &header);
    for item in &view.items {
        let mut row = vec![field(&item.label)];
        row.extend(shown.iter().map(|(_, get, money)| {
            get(item).map_or(String::new(), |v| match money {
                true => text(view.shown(v)),
                false => text(v),
            })
        }));
        push_line(&mut out, &row);
    }
    let mut total = vec![field(s.total), text(view.total_shown)];
    total.resize(header.len(), String::new());
    push_line(&mut out, &total);
    out
}

fn push_line(out: &mut String, fields: &[String]) {
    out.push_str(&join(fields, ","));
    out.push_str("\r\n");
}

/// A text field: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@`
/// gets a `'` so that a spreadsheet never runs report text as a formula.
fn field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::report;
    use budget_lens_core::report::parse_report;
    use budget_lens_core::Lang;

    #[test]
    fn a_table_printed_in_another_unit_exports_its_figures_as_printed() {
        let report = parse_report(crate::view::tests::MIXED).unwrap();
        let view = ChartView::new(&report, "three_public", &[], Lang::Zh).unwrap();
        let csv = level_csv(&view);
        let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").collect();
        assert_eq!(
            lines[0],
            "项目,金额（万元）,占比（%）,上年（万元）,增减（万元）,增减率（%）"
        );
        // Each amount to its own printed decimals (the table printed `0` for the first); CSV is exact either way.
        assert_eq!(lines[1], "因公出国（境）费,0,0.00,,,");
        assert_eq!(
            lines[2],
            "公务用车购置及运行费,9.98,92.24,10.00,-0.02,-0.20"
        );
        assert_eq!(lines[4], "合计,10.82,,,,");
        let en = ChartView::new(&report, "three_public", &[], Lang::En).unwrap();
        let csv = level_csv(&en);
        let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").collect();
        assert!(
            lines[0].starts_with("Item,\"Amount (10,000 yuan)\""),
            "{}",
            lines[0]
        );
        assert_eq!(lines[1], "因公出国（境）费,0,0.00,,,");
    }

    #[test]
    fn the_level_reads_back_with_exact_figures() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let csv = level_csv(&view);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").collect();
        assert!(
            lines[0].starts_with("项目,金额（万元）,占比（%）"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with("基本支出,897.05,57.87"),
            "{}",
            lines[1]
        );
        assert_eq!(
            lines[3].split(',').take(2).collect::<Vec<_>>(),
            ["合计", "1550.17"]
        );
        assert_eq!(lines[4], "", "ends with a line break");
    }

    #[test]
    fn report_text_is_quoted_and_never_a_formula() {
        let json = r#"{"format":"budget-lens/1","breakdowns":[{"id":"e","label":"x","amount":"2","items":[
            {"id":"a","label":"=HYPERLINK(\"x\"),1","amount":"1"},
            {"id":"b","label":"b\nc","amount":"1"}]}]}"#;
        let view = ChartView::new(&parse_report(json).unwrap(), "e", &[], Lang::En).unwrap();
        let csv = level_csv(&view);
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\"),1\",1,"), "{csv}");
        assert!(csv.contains("\"b\nc\",1,"), "{csv}");
        assert!(csv.contains("Amount (10,000 yuan)"), "{csv}");
    }

    #[test]
    fn a_figure_printed_in_another_unit_than_its_level_exports_in_the_levels_unit() {
        let json = r#"{"format":"budget-lens/1","unit":"元","breakdowns":[
          {"id":"s","label":"支出合计","amount":"1479100","items":[
            {"id":"b","label":"基本支出","amount":"1000000.00"},
            {"id":"p","label":"项目支出","amount":"479100",
             "printed":{"text":"47.91","unit":"万元","decimals":2}}]}]}"#;
        let report = parse_report(json).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let view = ChartView::new(&report, "s", &[], lang).unwrap();
            let csv = level_csv(&view);
            let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").collect();
            // The header says 元: the figure printed in 万元 is exported exactly in 元.
            assert!(lines[2].ends_with(",479100,32.39"), "{}", lines[2]);
        }
    }
}
