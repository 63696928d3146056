//! Rules on what the document says of itself (crate::report::document): each heading's year against the
//! report's, each heading's department against the report's, a final account's year-end dates against its
//! year, and the tables its contents page lists against those it prints. They read `source.text` only, so
//! they run on a pasted text as on an imported PDF.

use rust_decimal::Decimal;

use super::finding::{Detail, DocumentDetail, Finding, Rule, Severity};
use crate::report::document::{
    compared_years, empty_notes, headings, missing_tables, printed_classes, same_entity,
    stated_entity, stated_year, year_ends, Heading, Text,
};
use crate::report::{Node, Phase, Report, Span};

pub fn check_document(report: &Report) -> Vec<Finding> {
    let Some(text) = report.source.as_ref().and_then(|s| s.text.as_deref()) else {
        return Vec::new();
    };
    let text = Text::new(text);
    let headings = headings(&text);
    // The report's year, else what most headings say.
    let year = report.year.or_else(|| stated_year(&headings));
    let mut findings = headings_against_report(report, &headings, year);
    // A final account states its assets at the end of its year. Another year's end is most likely a
    // date left from last year's report, but a sentence may look back on purpose: a warning.
    if let (Some(year), Some(Phase::Final)) = (year, report.phase) {
        findings.extend(other_year_ends(&text, year));
    }
    // Only with the year a heading prints: a year read from a first line that is no heading (a pasted
    // excerpt) is too weak a ground for an error.
    let headed_year = stated_year(&headings).filter(|y| report.year.is_none_or(|own| own == *y));
    if let (Some(year), Some(phase)) = (headed_year, report.phase) {
        findings.extend(compared_with_itself(&text, year, phase));
    }
    findings.extend(class_names(&text, report));
    findings.extend(notes_against_figures(&text, report));
    findings.extend(tables_not_printed(&text));
    findings
}

/// A heading that prints another year than the report's, or another department than most headings name: a
/// heading is set against the others, not against a table's masthead (编制单位 may name the unit, or be
/// absent).
fn headings_against_report(
    report: &Report,
    headings: &[Heading],
    year: Option<i32>,
) -> Vec<Finding> {
    let entity = stated_entity(headings, &report.entity);
    let mut findings = Vec::new();
    for heading in headings {
        if let Some(year) = year.filter(|y| *y != heading.year) {
            findings.push(finding(
                Rule::Year,
                Severity::Error,
                &heading.text,
                [heading.year, year],
                heading.line_at,
                DocumentDetail::HeadingYear,
            ));
        }
        if let (Some(printed), Some(entity)) = (&heading.entity, &entity) {
            if !same_entity(printed, entity) {
                let detail = DocumentDetail::HeadingEntity {
                    printed: printed.clone(),
                    entity: entity.clone(),
                };
                findings.push(finding(
                    Rule::Entity,
                    Severity::Error,
                    printed,
                    [0, 0],
                    heading.line_at,
                    detail,
                ));
            }
        }
    }
    findings
}

/// The year-end dates of a final account that are not its own year's end (warnings).
fn other_year_ends(text: &Text, year: i32) -> impl Iterator<Item = Finding> {
    year_ends(text)
        .into_iter()
        .filter(move |d| d.year != year)
        .map(move |date| {
            finding(
                Rule::Year,
                Severity::Warning,
                "",
                [date.year, year],
                date.at,
                DocumentDetail::YearEnd,
            )
        })
}

/// The tables the contents page lists and no line prints: left out, or printed as a picture — a warning
/// that says both.
fn tables_not_printed(text: &Text) -> impl Iterator<Item = Finding> {
    missing_tables(text).into_iter().map(|missing| {
        let detail = DocumentDetail::MissingTable {
            title: missing.title.clone(),
        };
        finding(
            Rule::MissingTable,
            Severity::Warning,
            &missing.title,
            [0, 0],
            missing.at,
            detail,
        )
    })
}

/// `比2026年预算增加…` in the 2026 budget: a budget compares with last year's, a final account with its
/// own budget or last year's final account — never with itself (its own year and kind) nor a later year.
fn compared_with_itself(text: &Text, year: i32, phase: Phase) -> Vec<Finding> {
    let own_kind_is_budget = match phase {
        Phase::Budget => true,
        Phase::Final => false,
    };
    compared_years(text)
        .into_iter()
        .filter(|c| c.year > year || (c.year == year && c.budget == own_kind_is_budget))
        .map(|c| {
            let detail = DocumentDetail::ComparedYear {
                budget: c.budget,
                own_year: year,
            };
            finding(
                Rule::Year,
                Severity::Error,
                "",
                [c.year, year - 1],
                c.at,
                detail,
            )
        })
        .collect()
}

/// A class the text names with its code, against the name the tables print for the code. Names that
/// contain one another agree (`一般公共服务` for `一般公共服务支出`). Only a warning: the figures may be right
/// under an outdated name.
fn class_names(text: &Text, report: &Report) -> Vec<Finding> {
    let mut coded: Vec<(&str, &str)> = Vec::new();
    for root in &report.breakdowns {
        coded_rows(root, &mut coded);
    }
    if coded.is_empty() {
        return Vec::new();
    }
    let squeeze = |name: &str| {
        name.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    };
    let mut findings = Vec::new();
    // A document prints a few dozen coded headings; the cap keeps a hostile text linear.
    for printed in printed_classes(text).into_iter().take(MAX_PRINTED_CLASSES) {
        let Some((_, table)) = coded.iter().find(|(code, _)| *code == printed.code) else {
            continue;
        };
        let (said, named) = (squeeze(&printed.name), squeeze(table));
        if crate::word::contains(&said, &named) || crate::word::contains(&named, &said) {
            continue;
        }
        let detail = DocumentDetail::ClassName {
            code: printed.code.clone(),
            table: named,
        };
        findings.push(finding(
            Rule::ClassName,
            Severity::Warning,
            &said,
            [0, 0],
            printed.at,
            detail,
        ));
    }
    findings
}

/// `注:本部门2024年无“三公”经费…，故本表为空表。` under a table that prints figures: the note or the figures
/// are wrong, and the reader cannot tell which.
fn notes_against_figures(text: &Text, report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    for note in empty_notes(text) {
        let printed = note
            .breakdowns
            .iter()
            .filter_map(|id| report.breakdowns.iter().find(|b| b.id == *id))
            .find(|b| !b.amount.value().is_zero());
        if let Some(table) = printed {
            let mut found = finding(
                Rule::EmptyNote,
                Severity::Error,
                &table.label,
                [0, 0],
                note.at,
                DocumentDetail::EmptyNote { unit: report.unit },
            );
            found.path = table.id.clone();
            found.stated = table.amount.value();
            found.difference = found.stated;
            findings.push(found);
        }
    }
    findings
}

/// The most coded class names one document is checked for.
const MAX_PRINTED_CLASSES: usize = 512;

/// The (code, label) of every row that prints a code, depth first.
fn coded_rows<'r>(node: &'r Node, out: &mut Vec<(&'r str, &'r str)>) {
    if let Some(code) = node.code.as_deref() {
        out.push((code, &node.label));
    }
    for item in &node.items {
        coded_rows(item, out);
    }
}

fn finding(
    rule: Rule,
    severity: Severity,
    label: &str,
    [stated, expected]: [i32; 2],
    at: Span,
    detail: DocumentDetail,
) -> Finding {
    let (stated, expected) = (Decimal::from(stated), Decimal::from(expected));
    Finding {
        rule,
        severity,
        path: String::new(),
        label: label.to_string(),
        stated,
        expected,
        difference: stated - expected,
        tolerance: Decimal::ZERO,
        at: Some(at),
        detail: Detail::Document(detail),
        doubt: None,
        places: Default::default(),
        printing: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Node, Source, Unit, FORMAT_V1};
    use crate::Lang;

    /// A made-up final account: contents listing three tables, a body printing two, one heading with
    /// another department and one with another year, a year-end date of last year.
    const TEXT: &str = "甲市乙局\n2024年度部门决算\n目录\n第一部分甲市乙局2024年度部门决算表\n\
        一、收入决算表\n二、支出决算表\n三、项目支出决算表\n第二部分甲市乙局2024年度部门决算情况说明\n\n\
        第一部分甲市丙局2024年度部门决算表\n收入决算表\n项目支出决算表\n\
        第二部分甲市乙局2023年度部门决算情况说明\n截至2023年12月31日，乙局共有车辆1辆。\n";

    fn report(year: Option<i32>, phase: Option<Phase>) -> Report {
        Report {
            format: FORMAT_V1.to_string(),
            title: String::new(),
            entity: "甲市乙局".into(),
            year,
            phase,
            unit: Unit::WanYuan,
            source: Some(Source {
                url: None,
                text: Some(TEXT.into()),
            }),
            breakdowns: Vec::new(),
            relations: Vec::new(),
            unplaced: Vec::new(),
        }
    }

    #[test]
    fn headings_dates_and_contents_are_set_against_the_report() {
        let findings = check_document(&report(Some(2024), Some(Phase::Final)));
        let got: Vec<(Rule, Severity, String, String)> = findings
            .iter()
            .map(|f| (f.rule, f.severity, f.label.clone(), f.stated.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                (Rule::Entity, Severity::Error, "甲市丙局".into(), "0".into()),
                (
                    Rule::Year,
                    Severity::Error,
                    "第二部分甲市乙局2023年度部门决算情况说明".into(),
                    "2023".into()
                ),
                (Rule::Year, Severity::Warning, String::new(), "2023".into()),
                (
                    Rule::MissingTable,
                    Severity::Warning,
                    "支出决算表".into(),
                    "0".into()
                ),
            ]
        );
        let quoted = |f: &Finding| f.at.unwrap().slice(TEXT).unwrap();
        assert_eq!(quoted(&findings[2]), "截至2023年12月31日");
        assert_eq!(quoted(&findings[3]), "支出决算表");
        assert!(findings[0].message(Lang::Zh).contains("“甲市丙局”"));
        assert!(findings[1]
            .message(Lang::En)
            .contains("gives the year 2023, but this report is for 2024"));
    }

    /// A made-up budget with coded tables: a comparison with its own year's budget, one with last year's
    /// (right), a class named by an old name, one by a shorter one (agrees), an empty-table note under a
    /// table that prints figures, and one under an empty table.
    const BUDGET: &str = "2024年甲局部门预算\n2024年部门预算编制说明\n        支出预算100万元，比2024年预算增加5万元；与2023年预算相比，事业收入持平。\n        1、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）8万元。\n        2、一般公共服务（201类）财政事务（06款）行政运行（01项）92万元。\n        注:本部门2024年无“三公”经费预算，故本表为空表。\n        注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。\n";

    fn coded(code: &str, label: &str, amount: &str, items: Vec<Node>) -> Node {
        let mut node = Node::new(code, label, amount.parse().unwrap());
        node.code = Some(code.into());
        node.items = items;
        node
    }

    #[test]
    fn a_budget_comparing_with_itself_an_old_class_name_and_a_note_against_figures() {
        let mut budget = report(Some(2024), Some(Phase::Budget));
        budget.source = Some(Source {
            url: None,
            text: Some(BUDGET.into()),
        });
        let health = coded(
            "210",
            "卫生健康支出",
            "8",
            vec![coded("21011", "行政事业单位医疗", "8", Vec::new())],
        );
        let general = coded("201", "一般公共服务支出", "92", Vec::new());
        let mut functions = Node::new("gpb_by_function", "合计", "100".parse().unwrap());
        functions.items = vec![general, health];
        let three_public = Node::new("three_public", "“三公”经费合计", "4.5".parse().unwrap());
        budget.breakdowns = vec![functions, three_public];
        let findings = check_document(&budget);
        let got: Vec<(Rule, Severity, String, String)> = findings
            .iter()
            .map(|f| {
                (
                    f.rule,
                    f.severity,
                    f.at.unwrap().slice(BUDGET).unwrap(),
                    f.stated.to_string(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Rule::Year,
                    Severity::Error,
                    "比2024年预算增加5万元".into(),
                    "2024".into()
                ),
                (
                    Rule::ClassName,
                    Severity::Warning,
                    "医疗卫生与计划生育支出".into(),
                    "0".into()
                ),
                (
                    Rule::EmptyNote,
                    Severity::Error,
                    "注:本部门2024年无“三公”经费预算，故本表为空表。".into(),
                    "4.5".into()
                ),
            ]
        );
        assert!(findings[0]
            .message(Lang::Zh)
            .contains("比较的应是上一年（2023年）"));
        assert!(findings[1].message(Lang::Zh).contains("科目210"));
        assert!(findings[1].message(Lang::Zh).contains("“卫生健康支出”"));
        assert!(findings[2]
            .message(Lang::Zh)
            .contains("“‘三公’经费合计”印为4.5万元"));
    }

    #[test]
    fn without_a_year_the_headings_majority_decides_and_a_budget_keeps_its_dates() {
        // No year in the report: 2024 is what most headings print. A budget's 截至 dates are last year's.
        let findings = check_document(&report(None, Some(Phase::Budget)));
        let years: Vec<(Severity, String)> = findings
            .iter()
            .filter(|f| f.rule == Rule::Year)
            .map(|f| (f.severity, f.expected.to_string()))
            .collect();
        assert_eq!(years, [(Severity::Error, "2024".into())]);
    }
}
