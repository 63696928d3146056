//! Rules on what the document says of itself (crate::report::document): each heading's year against the
//! report's, each heading's department against the report's, a final account's year-end dates against its
//! year, and the tables its contents page lists against those it prints. They read `source.text` only, so
//! they run on a pasted text as on an imported PDF.

use rust_decimal::Decimal;

use super::finding::{Detail, DocumentDetail, Finding, Rule, Severity};
use crate::report::document::{
    headings, missing_tables, same_entity, stated_entity, stated_year, year_ends, Text,
};
use crate::report::{Phase, Report, Span};

pub fn check_document(report: &Report) -> Vec<Finding> {
    let Some(text) = report.source.as_ref().and_then(|s| s.text.as_deref()) else {
        return Vec::new();
    };
    let text = Text::new(text);
    let headings = headings(&text);
    let mut findings = Vec::new();
    // The report's year, else what most headings say. The department is what most headings say: a heading
    // is set against the others, not against a table's masthead (编制单位 may name the unit, or be absent).
    let year = report.year.or_else(|| stated_year(&headings));
    let entity = stated_entity(&headings, &report.entity);
    for heading in &headings {
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
    // A final account states its assets at the end of its year. Another year's end is most likely a
    // date left from last year's report, but a sentence may look back on purpose: a warning.
    if let (Some(year), Some(Phase::Final)) = (year, report.phase) {
        for date in year_ends(&text).into_iter().filter(|d| d.year != year) {
            findings.push(finding(
                Rule::Year,
                Severity::Warning,
                "",
                [date.year, year],
                date.at,
                DocumentDetail::YearEnd,
            ));
        }
    }
    // Not printed as text: left out, or printed as a picture — a warning that says both.
    for missing in missing_tables(&text) {
        let detail = DocumentDetail::MissingTable {
            title: missing.title.clone(),
        };
        findings.push(finding(
            Rule::MissingTable,
            Severity::Warning,
            &missing.title,
            [0, 0],
            missing.at,
            detail,
        ));
    }
    findings
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Source, Unit, FORMAT_V1};
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
