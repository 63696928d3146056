//! Where a finding's figures were printed, for the builder page to show them in place (the PDF page with
//! the figure boxed, or the sheet with the cell marked): the figure under suspicion (`stated`) and the
//! figures it was compared with (`compared`), each as the report's `printed` (docs/FORMAT.md).

use serde::Serialize;

use budget_lens_core::check::{Detail, Finding, Rule, TableDetail};
use budget_lens_core::report::{Node, Printed, Report, Resolver, Term};

#[derive(Debug, Default, Serialize)]
pub struct Places<'a> {
    pub stated: Vec<&'a Printed>,
    pub compared: Vec<&'a Printed>,
}

/// The places of one finding. A report without `printed` (extracted from text) gives none: its findings
/// point into the text with `at` instead — so does a figure of the text printed in another unit (a `printed`
/// without a table: no page or cell to show).
pub fn places<'a>(
    finding: &Finding,
    report: &'a Report,
    resolver: &mut Resolver<'a>,
) -> Places<'a> {
    let mut places = any_places(finding, report, resolver);
    places.stated.retain(|p| p.in_table());
    places.compared.retain(|p| p.in_table());
    places
}

fn any_places<'a>(
    finding: &Finding,
    report: &'a Report,
    resolver: &mut Resolver<'a>,
) -> Places<'a> {
    if finding.rule == Rule::Relation {
        return relation_places(&finding.path, report, resolver);
    }
    let Some(node) = resolver.node_at(&finding.path) else {
        return Places::default();
    };
    match (&finding.rule, &finding.detail) {
        (
            Rule::ColumnSum,
            Detail::Table {
                detail: TableDetail::ColumnSum { column, .. },
                ..
            },
        ) => column_places(node, column),
        (Rule::RowSum, _) => Places {
            stated: node.printed.iter().collect(),
            compared: node
                .columns
                .iter()
                .filter_map(|c| c.printed.as_ref())
                .collect(),
        },
        (
            Rule::Sum
            | Rule::PartialSum
            | Rule::ChangeSum
            | Rule::BudgetSum
            | Rule::ChangeVsBudgetSum
            | Rule::PriorSum,
            _,
        ) => Places {
            stated: node.printed.iter().collect(),
            compared: node
                .items
                .iter()
                .filter_map(|i| i.printed.as_ref())
                .collect(),
        },
        _ => Places {
            stated: node.printed.iter().collect(),
            compared: Vec::new(),
        },
    }
}

/// A column of a parent row (named by its label in the finding) against the same column of its items.
fn column_places<'a>(node: &'a Node, label: &str) -> Places<'a> {
    let Some(column) = node.columns.iter().find(|c| c.label == label) else {
        return Places::default();
    };
    let of_items = node
        .items
        .iter()
        .filter_map(|i| i.columns.iter().find(|c| c.id == column.id))
        .filter_map(|c| c.printed.as_ref());
    Places {
        stated: column.printed.iter().collect(),
        compared: of_items.collect(),
    }
}

/// A relation's left side is what the finding calls stated; its right side what it was compared with.
fn relation_places<'a>(id: &str, report: &'a Report, resolver: &mut Resolver<'a>) -> Places<'a> {
    let Some(relation) = report.relations.iter().find(|r| r.id == id) else {
        return Places::default();
    };
    let mut printed_of = |paths: &[String]| -> Vec<&'a Printed> {
        paths
            .iter()
            .filter_map(|p| resolver.term_at(p))
            .filter_map(|t: Term<'a>| {
                t.column
                    .and_then(|c| c.printed.as_ref())
                    .or(t.node.printed.as_ref())
            })
            .collect()
    };
    Places {
        stated: printed_of(&relation.left),
        compared: printed_of(&relation.right),
    }
}
