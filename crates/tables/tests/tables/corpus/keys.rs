// Every corpus document's tables, written as a workbook from its hand-verified key (tests/data/tables/, made
// by scripts/tables_from_key.py), imported and compared with the key: tables found (title, unit, empty),
// every function-class row (code, name, total, basic, project), the totals, the economic rows, the 三公
// figures; then the checker's findings against the key's discrepancies.

use budget_lens_core::check::{check, Finding, Rule, Severity};
use budget_lens_core::report::{Amount, Node, Report, Unit};
use budget_lens_tables::build::shift_to;
use budget_lens_tables::{import_files, Import, Kind};
use serde_json::Value;

use crate::support::{corpus, data};

/// What the PDF path does not give exactly yet, per test (the workbook path gives all of it): the gaps
/// left, listed so that each one closed makes its test stricter. None is left on this corpus; a document
/// added with a gap goes here, e.g. `("three_public", &["NAME"])`.
const PDF_GAPS: &[(&str, &[&str])] = &[];

fn load(document: &str) -> (Import, Value) {
    load_as(document, source())
}

/// The documents a test runs over: all of them from the workbooks; from the PDFs, those whose tables the
/// PDF layout already gives exactly (see bench/RESULTS.md for the others).
fn documents(test: &str) -> Vec<&'static str> {
    let only = std::env::var("TABLES_DOCS").ok();
    // TABLES_GAPS=run runs the gap documents too (to see what still differs).
    let run_gaps = std::env::var("TABLES_GAPS").is_ok_and(|v| v == "run");
    let gaps = PDF_GAPS
        .iter()
        .find(|(t, _)| *t == test)
        .map_or(&[][..], |(_, g)| *g);
    corpus()
        .into_iter()
        .filter(|d| source() == "xlsx" || run_gaps || !gaps.contains(d))
        .filter(|d| only.as_deref().is_none_or(|o| o == *d))
        .collect()
}

/// Which printing of the tables the tests read: `pdf` (the published PDFs, read natively) or `xlsx`
/// (workbooks made from the keys by scripts/tables_from_key.py), set by the including test file.
fn source() -> &'static str {
    SOURCE
}

fn load_as(document: &str, extension: &str) -> (Import, Value) {
    let key: Value =
        serde_json::from_slice(&std::fs::read(data(&format!("{document}.key.json"))).unwrap())
            .unwrap();
    let name = format!("{document}.{extension}");
    let bytes = std::fs::read(data(&name)).unwrap();
    let import = import_files(&[(name, bytes)]).unwrap_or_else(|e| panic!("{document}: {e:?}"));
    (import, key)
}

/// The figure as the key writes it: as printed, without thousands separators.
fn printed(node: &Node) -> String {
    node.printed
        .as_ref()
        .map(|p| p.text.replace(',', ""))
        .unwrap_or_default()
}

fn column(node: &Node, id: &str) -> String {
    node.columns
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| c.printed.as_ref())
        .map(|p| p.text.replace(',', ""))
        .unwrap_or_default()
}

fn find_code<'a>(node: &'a Node, code: &str) -> Option<&'a Node> {
    if node.code.as_deref() == Some(code) {
        return Some(node);
    }
    node.items.iter().find_map(|n| find_code(n, code))
}

/// A key figure and the imported one agree: the same printed text, or both blank/zero when the key
/// writes a blank the importer left out as a column.
fn same(key: &str, got: &str) -> bool {
    key == got || (key.is_empty() && got.is_empty())
}

#[test]
fn tables_are_found_with_title_unit_and_emptiness() {
    for document in &documents("tables") {
        let (import, key) = load(document);
        for expected in key["tables"].as_array().unwrap() {
            let title = expected["title"].as_str().unwrap();
            let table = import
                .tables
                .iter()
                .find(|t| t.title == title)
                .unwrap_or_else(|| panic!("{document}: {title} not found"));
            assert!(table.kind.is_some(), "{document}: {title} not recognised");
            assert_eq!(
                table.unit.zh(),
                expected["unit"].as_str().unwrap(),
                "{document}: {title}"
            );
            let empty = expected["empty"].as_bool().unwrap();
            assert_eq!(table.is_empty(), empty, "{document}: {title} empty");
        }
    }
}

#[test]
fn function_rows_equal_the_key() {
    for document in &documents("function_rows") {
        let (import, key) = load(document);
        let report = &import.report;
        let mut compared = 0;
        for row in key["function_rows"].as_array().unwrap() {
            let table = row["table"].as_str().unwrap();
            let root = report
                .breakdowns
                .iter()
                .find(|b| b.printed.as_ref().is_some_and(|p| p.table == table));
            let Some(root) = root else {
                // The template prints example rows without figures: no breakdown to compare.
                assert_eq!(
                    *document, "template-2024-final",
                    "no breakdown from {table}"
                );
                continue;
            };
            let code = row["code"].as_str().unwrap();
            let node = if code == "合计" {
                Some(root)
            } else {
                find_code(root, code)
            };
            let Some(node) = node else {
                if *document == "template-2024-final" {
                    continue; // the template's example rows have no figures: nothing to import
                }
                panic!("{document}: {code} missing");
            };
            if code != "合计" {
                assert_eq!(
                    node.label,
                    row["name"].as_str().unwrap(),
                    "{document} {code}"
                );
            }
            assert!(
                same(row["total"].as_str().unwrap(), &printed(node)),
                "{document} {code} total"
            );
            assert!(
                same(row["basic"].as_str().unwrap(), &column(node, "basic")),
                "{document} {code} basic"
            );
            assert!(
                same(row["project"].as_str().unwrap(), &column(node, "project")),
                "{document} {code} project"
            );
            compared += 1;
        }
        if *document != "template-2024-final" {
            assert!(compared > 5, "{document}: {compared} rows compared");
        }
    }
}

/// A key row's figures against a table row's, column by column, as printed (separators dropped).
fn row_values(row: &budget_lens_tables::Row) -> Vec<String> {
    row.values.iter().map(|f| f.text.replace(',', "")).collect()
}

#[test]
fn other_function_tables_equal_the_key() {
    for document in &documents("other_function_tables") {
        let (import, key) = load(document);
        let Some(tables) = key["other_function_tables"].as_array() else {
            continue;
        };
        for expected in tables {
            let title = expected["table"].as_str().unwrap();
            let table = import
                .tables
                .iter()
                .find(|t| t.title == title && t.kind.is_some())
                .unwrap_or_else(|| panic!("{document}: {title} not found"));
            let rows = &table.halves[0].rows;
            for row in expected["rows"].as_array().unwrap() {
                let code = row["code"].as_str().unwrap();
                let found = rows
                    .iter()
                    .find(|r| match code {
                        "合计" => r.code.is_none() && r.name.contains("合计"),
                        _ => r.code.as_deref() == Some(code),
                    })
                    .unwrap_or_else(|| panic!("{document} {title}: {code} missing"));
                if code != "合计" {
                    assert_eq!(found.name, row["name"].as_str().unwrap(), "{document} {title} {code}");
                }
                let values: Vec<String> = row["values"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect();
                assert_eq!(row_values(found), values, "{document} {title} {code}");
            }
        }
    }
}

/// A 总表 row's name as the key compares it: numbering and spaces off (`1. 一般公共预算资金`, `1、…`).
fn bare(name: &str) -> String {
    let folded = budget_lens_tables::text::fold(name);
    budget_lens_tables::text::strip_numbering(&folded).0.to_string()
}

/// The row of a 总表 half the key names: by name, a 收入总计/支出总计 also printed as 总计. Footer rows are
/// looked for from the bottom (年初结转和结余's parts repeat the income rows' names).
fn summary_row<'t>(
    half: &'t budget_lens_tables::Half,
    name: &str,
    footer: bool,
) -> Option<&'t budget_lens_tables::Row> {
    let wanted = bare(name);
    let short = wanted.strip_prefix("收入").or(wanted.strip_prefix("支出"));
    let named = |r: &&budget_lens_tables::Row| {
        bare(&r.name) == wanted || short.is_some_and(|s| bare(&r.name) == s)
    };
    if footer {
        half.rows.iter().rev().find(named)
    } else {
        half.rows.iter().find(named)
    }
}

/// The key's figures of one 总表 row: `amount`, or `amounts` by column.
fn key_figures(value: &Value) -> Vec<String> {
    match value.as_array() {
        Some(list) => list.iter().map(|v| v.as_str().unwrap().to_string()).collect(),
        None => vec![value.as_str().unwrap().to_string()],
    }
}

/// Compares the named rows of a 总表 half with the key; a row the key gives blank may be left out.
fn compare_summary_rows(
    document: &str,
    half: &budget_lens_tables::Half,
    rows: Vec<(String, Value)>,
    footer: bool,
) {
    for (name, value) in rows {
        let expected = key_figures(&value);
        let Some(row) = summary_row(half, &name, footer) else {
            assert!(expected.iter().all(String::is_empty), "{document}: {name} missing");
            continue;
        };
        assert_eq!(row_values(row), expected, "{document}: {name}");
    }
}

#[test]
fn summary_tables_equal_the_key() {
    for document in &documents("summary_tables") {
        let (import, key) = load(document);
        let Some(tables) = key["summary_tables"].as_array() else {
            continue;
        };
        for expected in tables {
            let title = expected["table"].as_str().unwrap();
            let table = import
                .tables
                .iter()
                .find(|t| t.title == title && t.kind.is_some())
                .unwrap_or_else(|| panic!("{document}: {title} not found"));
            let items = |side: &str| -> Vec<(String, Value)> {
                let rows = expected[side].as_array().cloned().unwrap_or_default();
                rows.into_iter()
                    .map(|r| {
                        let value = r.get("amounts").or(r.get("amount")).cloned().unwrap();
                        (r["item"].as_str().unwrap().to_string(), value)
                    })
                    .collect()
            };
            let footer = |side: &str, income: bool| -> Vec<(String, Value)> {
                let entries = expected[side].as_object().cloned().unwrap_or_default();
                entries
                    .into_iter()
                    .filter(|(name, _)| side != "footer" || income == is_income_footer(name))
                    .collect()
            };
            let [income, expenditure] = [&table.halves[0], &table.halves[1]];
            compare_summary_rows(document, income, items("income"), false);
            compare_summary_rows(document, expenditure, items("expenditure"), false);
            compare_summary_rows(document, income, footer("footer", true), true);
            compare_summary_rows(document, expenditure, footer("footer", false), true);
            compare_summary_rows(document, income, footer("footer_income", true), true);
            compare_summary_rows(document, expenditure, footer("footer_expenditure", false), true);
        }
    }
}

/// Which side of a 总表 a key's footer entry is printed on.
fn is_income_footer(name: &str) -> bool {
    ["收入", "本年收入", "年初", "使用"]
        .iter()
        .any(|w| name.starts_with(w))
}

#[test]
fn totals_equal_the_key() {
    let paths = [
        ("收入总计", "income"),
        ("支出总计", "expenditure"),
        ("本年收入合计", "income/current_year"),
        ("本年支出合计", "expenditure/current_year"),
        ("年初结转和结余", "income/carryover"),
        ("年末结转和结余", "expenditure/carryover_end"),
    ];
    for document in &documents("totals") {
        let (import, key) = load(document);
        for (name, path) in paths {
            let Some(expected) = key["totals"][name].as_str() else {
                continue;
            };
            let node = import
                .report
                .node_at(path)
                .unwrap_or_else(|| panic!("{document}: {path}"));
            assert_eq!(printed(node), expected, "{document}: {name}");
        }
    }
}

#[test]
fn economic_rows_equal_the_key() {
    for document in &documents("economic_rows") {
        let (import, key) = load(document);
        let Some(rows) = key["economic_rows"].as_array() else {
            continue;
        };
        let root = import.report.node_at("gpb_basic");
        for row in rows {
            let code = row["code"].as_str().unwrap();
            let Some(root) = root else {
                assert!(
                    *document == "template-2024-final",
                    "{document}: no gpb_basic"
                );
                continue;
            };
            let node = match code {
                "合计" => Some(root),
                "人员经费合计" => import.report.node_at("gpb_basic/personnel"),
                "公用经费合计" => import.report.node_at("gpb_basic/public"),
                _ => find_code(root, code),
            };
            let node = node.unwrap_or_else(|| panic!("{document}: economic {code}"));
            assert!(
                same(row["amount"].as_str().unwrap(), &printed(node)),
                "{document} {code}"
            );
            for (field, id) in [("personnel", "personnel"), ("public", "public")] {
                if let Some(expected) = row[field].as_str() {
                    assert!(
                        same(expected, &column(node, id)),
                        "{document} {code} {field}"
                    );
                }
            }
        }
    }
}

#[test]
fn three_public_equals_the_key() {
    let paths = [
        ("合计", "three_public"),
        ("因公出国（境）费", "three_public/abroad"),
        ("公务用车购置及运行费", "three_public/vehicles"),
        ("公务用车购置费", "three_public/vehicles/purchase"),
        ("公务用车运行费", "three_public/vehicles/operation"),
        ("公务接待费", "three_public/reception"),
        ("机关运行经费", "admin_costs"),
    ];
    for document in &documents("three_public") {
        let (import, key) = load(document);
        let report = &import.report;
        let any_figure = key["three_public"].as_object().unwrap().values().any(|v| {
            v.as_str().is_some_and(|s| !s.is_empty())
                || v.as_object().is_some_and(|o| o.values().any(|x| x != ""))
        });
        if !any_figure {
            // A table printed without figures: nothing, or (a 决算's, whose narrative may restate it)
            // zeros printed blank.
            if let Some(node) = report.node_at("three_public") {
                fn blank(node: &Node) -> bool {
                    node.amount.value().is_zero()
                        && node.budget.is_none_or(|b| b.value().is_zero())
                        && node.printed.as_ref().is_some_and(|p| p.text.is_empty())
                        && node.items.iter().all(blank)
                }
                assert!(blank(node), "{document}: {node:?}");
            }
            continue;
        }
        for (name, path) in paths {
            let value = &key["three_public"][name];
            if value.is_null() {
                continue;
            }
            let node = report
                .node_at(path)
                .unwrap_or_else(|| panic!("{document}: {path}"));
            match value.as_str() {
                Some(expected) => assert_eq!(printed(node), expected, "{document} {name}"),
                None => {
                    assert_eq!(
                        printed(node),
                        value["决算数"].as_str().unwrap(),
                        "{document} {name} 决算数"
                    );
                    let budget = node.budget.map(|b| b.value());
                    let expected = value["预算数"].as_str().unwrap();
                    let expected = (!expected.is_empty()).then(|| expected.parse().unwrap());
                    let budget = budget.filter(|b| !b.is_zero() || expected.is_some());
                    assert_eq!(
                        budget.map(|b| b.normalize()),
                        expected.map(|e: rust_decimal::Decimal| e.normalize()),
                        "{document} {name} 预算数"
                    );
                }
            }
        }
    }
}

/// The key's figure of a discrepancy, printed in `printed`, in the report's unit (the unit most tables
/// print in: a 预算's 元, where its narrative's figures are 万元).
fn in_report_unit(figure: &str, printed: Unit, report: Unit) -> Option<rust_decimal::Decimal> {
    let value: rust_decimal::Decimal = figure.split_whitespace().next()?.parse().ok()?;
    Some(shift_to(Amount(value), printed, report).value().normalize())
}

fn matches(finding: &Finding, figures: &[Option<rust_decimal::Decimal>]) -> bool {
    let found = [finding.stated.normalize(), finding.expected.normalize()];
    figures.iter().flatten().all(|f| found.contains(f))
}

#[test]
fn findings_are_the_keys_table_discrepancies() {
    for document in &documents("findings") {
        let (import, key) = load(document);
        let findings = check(&import.report);
        let in_yuan = import
            .tables
            .iter()
            .any(|t| t.kind == Some(Kind::ExpenditureByFunction) && t.unit.zh() == "元")
            || import
                .tables
                .iter()
                .any(|t| t.kind == Some(Kind::GeneralByFunction) && t.unit.zh() == "元");
        let printed = if in_yuan { Unit::Yuan } else { Unit::WanYuan };
        let unit = import.report.unit;
        let mut explained = vec![false; findings.len()];
        for discrepancy in key["discrepancies"].as_array().unwrap() {
            let kind = discrepancy["kind"].as_str().unwrap();
            if kind != "sum" && kind != "cross_table" {
                // A narrative discrepancy (the PDF's own 情况说明 is read too) need not be found here, but
                // an error on its figures is that discrepancy found, not a false error.
                explain_narrative(discrepancy, &findings, &mut explained, unit);
                continue;
            }
            let figures: Vec<_> = discrepancy["figures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| in_report_unit(f.as_str().unwrap(), printed, unit))
                .collect();
            let hits: Vec<usize> = (0..findings.len())
                .filter(|i| matches(&findings[*i], &figures))
                .collect();
            assert!(
                !hits.is_empty(),
                "{document}: not found: {}",
                discrepancy["desc"]
            );
            for i in hits {
                explained[i] = true;
            }
        }
        for (finding, explained) in findings.iter().zip(explained) {
            assert!(
                explained || finding.severity != Severity::Error,
                "{document}: error not in the key: {}",
                finding.message(budget_lens_core::Lang::Zh)
            );
        }
    }
}

/// Marks the findings on a narrative discrepancy's figures (text_vs_table, or planted and detectable): the
/// narrative's figures are in 万元 whatever the tables print in. A discrepancy of words (`XX局`, a table's
/// title) is the finding whose label holds them.
fn explain_narrative(discrepancy: &Value, findings: &[Finding], explained: &mut [bool], unit: Unit) {
    if discrepancy["detectable_in_document"] == false {
        return;
    }
    for (finding, explained) in findings.iter().zip(explained.iter_mut()) {
        *explained |= explains(discrepancy, finding, unit);
    }
}

/// Whether a finding is the discrepancy found: on all its figures, or, for words, naming them.
fn explains(discrepancy: &Value, finding: &Finding, unit: Unit) -> bool {
    let printed: Vec<&str> = discrepancy["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    let figures: Vec<_> = printed
        .iter()
        .map(|f| narrative_figure(f, unit))
        .collect();
    if figures.iter().any(Option::is_some) {
        return matches(finding, &figures) || states_the_wrong_figure(discrepancy, finding, unit);
    }
    printed.iter().any(|words| finding.label.contains(words))
}

/// A narrative discrepancy's figure (万元 unless it says 元; a rate in % is no amount) in the report's
/// unit.
fn narrative_figure(figure: &str, unit: Unit) -> Option<rust_decimal::Decimal> {
    match figure.strip_suffix('%') {
        Some(rate) => in_report_unit(rate, unit, unit),
        // A table's figure quoted with its unit (`2087959.00 元 (2210201)`).
        None if figure.contains(" 元") => in_report_unit(figure, Unit::Yuan, unit),
        None => in_report_unit(figure, Unit::WanYuan, unit),
    }
}

/// A narrative discrepancy's first figure is the one printed wrong (`201.50` against the table's
/// `2087959.00 元`, `17.62%` against its own figures): a finding on it names it as its stated figure.
fn states_the_wrong_figure(discrepancy: &Value, finding: &Finding, unit: Unit) -> bool {
    let narrative = ["text_vs_table", "text_internal"].contains(&discrepancy["kind"].as_str().unwrap());
    let first = discrepancy["figures"][0].as_str().unwrap_or_default();
    let wrong = narrative_figure(first, unit);
    // A fall prints without its sign (`减少1.10%`): the finding states it as −1.10.
    let desc = discrepancy["desc"].as_str().unwrap_or_default();
    narrative
        && (wrong.is_some_and(|w| finding.stated.abs().normalize() == w)
            || quotes(finding, first, desc))
}

/// A finding on the document's words (a year, a class name: no path) that quotes the discrepancy's figure
/// (`比2026年预算增加793.14万元`) or names it (class `210`), or whose quote the key's description quotes
/// (「与2026年预算持平」).
fn quotes(finding: &Finding, figure: &str, desc: &str) -> bool {
    let message = finding.message(budget_lens_core::Lang::Zh);
    let quoted = message
        .split_once("见原文“")
        .and_then(|(_, q)| q.rsplit_once('”'))
        .map(|(q, _)| q);
    finding.path.is_empty()
        && (message.contains(figure) || quoted.is_some_and(|q| desc.contains(q)))
}

/// Every planted alteration of the altered copy that its own pages show is found (as an error or a
/// warning), read from the PDF.
#[test]
fn every_planted_alteration_is_found() {
    if source() != "pdf" {
        return; // the workbooks hold the tables only: the planted words are in the PDF's text
    }
    let document = "putuo-finance-2024-final-ALTERED";
    let (import, key) = load(document);
    let findings = check(&import.report);
    let mut missed = Vec::new();
    for discrepancy in key["discrepancies"].as_array().unwrap() {
        let planted = discrepancy["kind"] == "planted" && discrepancy["detectable_in_document"] == true;
        if planted && !findings.iter().any(|f| explains(discrepancy, f, import.report.unit)) {
            let desc = discrepancy["desc"].as_str().unwrap();
            missed.push(format!("{document}: {desc}"));
        }
    }
    only_the_known_missed(&missed, PLANTED_NOT_FOUND, "PLANTED_NOT_FOUND");
}

/// What was missed is exactly what the list of known misses names (by words of the descriptions): a miss
/// not listed fails, and so does a listed one that is found now (the list then must shrink).
fn only_the_known_missed(missed: &[String], known: &[&str], list: &str) {
    let unexpected: Vec<&String> = missed
        .iter()
        .filter(|m| !known.iter().any(|k| m.contains(k)))
        .collect();
    assert!(unexpected.is_empty(), "not found: {unexpected:#?}");
    for k in known {
        assert!(
            missed.iter().any(|m| m.contains(k)),
            "{k} is found now: take it off {list}"
        );
    }
}

/// Planted alterations not found yet, by a word of their description.
const PLANTED_NOT_FOUND: &[&str] = &[];

/// Every narrative discrepancy of the keys (the 情况说明 against its tables or against its own figures)
/// that the PDF's own pages show is found, as an error on the figure printed wrong, read from the PDF.
#[test]
fn narrative_discrepancies_are_found_from_the_pdfs() {
    if source() != "pdf" {
        return; // the workbooks hold the tables only
    }
    let mut missed = Vec::new();
    for document in &documents("narrative") {
        let (import, key) = load(document);
        // Errors, and the class names (a warning: the figures may be right under an old name).
        let errors: Vec<Finding> = check(&import.report)
            .into_iter()
            .filter(|f| f.severity == Severity::Error || f.rule == Rule::ClassName)
            .collect();
        for discrepancy in key["discrepancies"].as_array().unwrap() {
            let kind = discrepancy["kind"].as_str().unwrap();
            if !["text_vs_table", "text_internal"].contains(&kind)
                || discrepancy["detectable_in_document"] == false
            {
                continue;
            }
            if !errors.iter().any(|e| explains(discrepancy, e, import.report.unit)) {
                let desc = discrepancy["desc"].as_str().unwrap();
                missed.push(format!("{document}: {desc}"));
            }
        }
    }
    only_the_known_missed(&missed, NARRATIVE_NOT_FOUND, "NARRATIVE_NOT_FOUND");
}

/// Narrative discrepancies not found yet, by words of their description.
const NARRATIVE_NOT_FOUND: &[&str] = &[];

#[test]
fn the_altered_copy_reports_its_missing_table() {
    let (import, _) = load_as("putuo-finance-2024-final-ALTERED", "xlsx");
    assert_eq!(import.missing, vec![Kind::ExpenditureByFunction]);
    assert!(import.report.node_at("expenditure_by_function").is_none());
}

#[allow(dead_code)]
fn node_count(report: &Report) -> usize {
    report.node_count()
}

/// The report without where its figures were printed (sheet and cell differ between the inputs).
fn figures_only(report: &Report) -> Report {
    fn strip(node: &mut Node) {
        let unplace = |p: &mut budget_lens_core::report::Printed| {
            p.sheet = None;
            p.cell = None;
            p.text = p.text.replace(',', "");
        };
        node.printed.iter_mut().for_each(unplace);
        node.columns
            .iter_mut()
            .flat_map(|c| c.printed.as_mut())
            .for_each(unplace);
        node.items.iter_mut().for_each(strip);
    }
    let mut report = report.clone();
    report.breakdowns.iter_mut().for_each(strip);
    report
}

fn folder(name: &str) -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(data(name))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn csv_files_one_per_table_give_the_workbooks_report() {
    // GBK as saved by Excel on a Chinese system, and UTF-8 with a BOM; merged cells repeated across.
    for (csv_folder, document) in [
        ("justice-csv-gbk", "putuo-justice-2026-budget"),
        ("social-csv-bom", "putuo-social-work-2024-final"),
    ] {
        let from_csv = import_files(&folder(csv_folder)).unwrap();
        let (from_workbook, _) = load_as(document, "xlsx");
        assert!(
            figures_only(&from_csv.report) == figures_only(&from_workbook.report),
            "{csv_folder}"
        );
        assert!(from_csv.report.node_count() > 50);
    }
}

#[test]
fn an_html_page_gives_the_workbooks_report() {
    let name = "putuo-govoffice-2025-budget.html";
    let from_html = import_files(&[(name.into(), std::fs::read(data(name)).unwrap())]).unwrap();
    let (from_workbook, _) = load_as("putuo-govoffice-2025-budget", "xlsx");
    assert!(figures_only(&from_html.report) == figures_only(&from_workbook.report));
}

#[test]
fn the_narrative_restates_table_rows_and_its_wrong_total_is_found() {
    // The 情况说明 of the 财政局 决算 as its PDF's text (pages 21–24), next to its tables.
    let document = "putuo-finance-2024-final";
    let files: Vec<(String, Vec<u8>)> = [
        format!("{document}.xlsx"),
        format!("{document}.narrative.txt"),
    ]
    .into_iter()
    .map(|name| (name.clone(), std::fs::read(data(&name)).unwrap()))
    .collect();
    let import = import_files(&files).unwrap_or_else(|e| panic!("{e:?}"));
    // 11 attached: 8 the extractor placed, 3 printed with their unit in sentences it left unplaced, named
    // by the table row printed right before them (财政拨款收入支出总计0.3万元 among them).
    assert!(import.narrative.attached >= 11, "{:?}", import.narrative);
    let at = |path: &str| import.report.node_at(path).unwrap();
    // 本年收入合计2946.25万元 restates the 总表's 本年收入合计, not its 收入总计 2995.39.
    assert!(at("income/current_year")
        .restated
        .iter()
        .any(|r| r.amount.value().to_string() == "2946.25"));
    assert!(at("gpb_by_function/201")
        .restated
        .iter()
        .any(|r| r.amount.value().to_string() == "2106.66"));
    let errors: Vec<Finding> = check(&import.report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    // The key's two text_vs_table discrepancies of figures, and no other error: 财政拨款收入支出总计0.3万元
    // against the table's 2,961.68 (the extractor leaves that sentence unplaced; the words right before the
    // figure name the 财政拨款 总表's 总计), and 一般公共服务支出 占71.73% where 2106.66 / 2940.05 is 71.65%.
    let messages: Vec<String> = errors
        .iter()
        .map(|f| f.message(budget_lens_core::Lang::Zh))
        .collect();
    assert_eq!(errors.len(), 2, "{messages:?}");
    let text = import.report.source_text();
    let total = errors.iter().find(|e| e.path == "fiscal_income").unwrap();
    assert_eq!(
        (total.stated.to_string(), total.expected.to_string()),
        ("0.3".into(), "2961.68".into())
    );
    assert_eq!(total.at.unwrap().slice(text).as_deref(), Some("0.3"));
    let share = errors
        .iter()
        .find(|e| e.path == "gpb_by_function/201")
        .unwrap();
    assert_eq!(share.stated.to_string(), "71.73");
    assert_eq!(share.expected.round_dp(2).to_string(), "71.65");
}

#[test]
fn number_cells_print_as_their_number_format_says() {
    // The same tables saved as number cells with number formats (#,##0.00 and, for whole 元, #,##0), as a
    // budget attachment is: the whole-元 cells of the unit budget's 总表 keep their coarser precision.
    for document in ["putuo-justice-2026-unit-budget", "putuo-wanli-2024-budget"] {
        let name = format!("{document}.numbers.xlsx");
        let from_numbers =
            import_files(&[(name.clone(), std::fs::read(data(&name)).unwrap())]).unwrap();
        let (from_text, _) = load_as(document, "xlsx");
        assert!(
            figures_only(&from_numbers.report) == figures_only(&from_text.report),
            "{document}"
        );
        assert_eq!(
            check(&from_numbers.report),
            check(&from_text.report),
            "{document}"
        );
    }
}

/// Each breakdown is named by its table (`一般公共预算财政拨款支出`, `收入支出总表（收入）`), never by the
/// word of its total row: every table's total row says 合计 or 总计, and the chart's title, its breadcrumb
/// and the findings would not say which table they mean.
#[test]
fn breakdowns_are_named_by_their_tables() {
    for document in &documents("names") {
        let (import, _) = load(document);
        let labels: Vec<&str> = import
            .report
            .breakdowns
            .iter()
            .map(|b| b.label.as_str())
            .collect();
        for label in &labels {
            let total_word = ["合计", "总计", "收入总计", "支出总计", "基本支出"].contains(label);
            assert!(!total_word, "{document}: a breakdown labelled {label}");
        }
        let mut distinct = labels.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), labels.len(), "{document}: {labels:?}");
    }
}

/// The report's unit is the one most of the document's tables print in (元 for a 预算 whose 三公 table alone
/// prints 万元), and every figure of a table printed in it is the figure as printed: a reader can quote it.
#[test]
fn amounts_are_the_figures_as_printed() {
    fn walk(node: &Node, import: &Import, checked: &mut usize) {
        if let Some(printed) = node.printed.as_ref().filter(|p| !p.text.is_empty()) {
            let table = import.tables.iter().find(|t| t.title == printed.table);
            if table.is_some_and(|t| t.unit == import.report.unit) {
                assert_eq!(node.amount.value().to_string(), printed.text.replace(',', ""));
                *checked += 1;
            }
        }
        for item in &node.items {
            walk(item, import, checked);
        }
    }
    for document in &documents("as_printed") {
        let (import, key) = load(document);
        let units: Vec<&str> = key["tables"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["empty"] == false)
            .map(|t| t["unit"].as_str().unwrap())
            .collect();
        let most = ["元", "万元"]
            .into_iter()
            .max_by_key(|u| units.iter().filter(|t| *t == u).count())
            .unwrap();
        let expected = if units.is_empty() { "万元" } else { most };
        assert_eq!(import.report.unit.zh(), expected, "{document}");
        let mut checked = 0;
        for root in &import.report.breakdowns {
            walk(root, &import, &mut checked);
        }
        assert!(checked > 0 || units.is_empty(), "{document}");
    }
}
