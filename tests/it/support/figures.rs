//! Helpers shared by the extractor's integration tests: a report flattened to comparable figures by path,
//! and a check that every span points at the figure it gave.

#![allow(dead_code)]

use budget_lens::report::{parse_decimal, Node, Report, RestatedFigure, Span};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

/// Every node by path with its figures (amount, share, share_of, prior, change, change_pct, budget,
/// completion_pct, restated amounts, partial, code), as JSON for a readable diff.
pub fn figures_by_path(report: &Report) -> Map<String, Value> {
    let mut out = Map::new();
    for root in &report.breakdowns {
        walk(root, "", &mut out);
    }
    out
}

fn walk(node: &Node, parent: &str, out: &mut Map<String, Value>) {
    let path = if parent.is_empty() {
        node.id.clone()
    } else {
        format!("{parent}/{}", node.id)
    };
    let mut fields = Map::new();
    fields.insert("amount".into(), json!(node.amount.to_string()));
    let optional = [
        ("share", node.share),
        ("prior", node.prior),
        ("change", node.change),
        ("change_pct", node.change_pct),
        ("budget", node.budget),
        ("completion_pct", node.completion_pct),
        ("change_vs_budget", node.change_vs_budget),
        ("change_vs_budget_pct", node.change_vs_budget_pct),
    ];
    for (name, value) in optional {
        if let Some(v) = value {
            fields.insert(name.into(), json!(v.to_string()));
        }
    }
    if let Some(base) = &node.share_of {
        fields.insert("share_of".into(), json!(base));
    }
    if !node.restated.is_empty() {
        // A restatement of another figure than the amount says which (`120.00 (change)`).
        let amounts: Vec<String> = node
            .restated
            .iter()
            .map(|r| match r.of {
                RestatedFigure::Amount => r.amount.to_string(),
                RestatedFigure::Budget => format!("{} (budget)", r.amount),
                RestatedFigure::Change => format!("{} (change)", r.amount),
                RestatedFigure::ChangePct => format!("{} (change_pct)", r.amount),
            })
            .collect();
        fields.insert("restated".into(), json!(amounts));
    }
    if node.partial {
        fields.insert("partial".into(), json!(true));
    }
    if let Some(code) = &node.code {
        fields.insert("code".into(), json!(code));
    }
    if let Some(comparison) = node.comparison {
        fields.insert("comparison".into(), json!(comparison));
    }
    // A figure printed in another unit than the report's (`1.56亿元` in 万元): as printed, with its unit.
    if let Some(p) = node.printed.as_ref().filter(|p| p.unit.is_some()) {
        let unit = p.unit.map_or("", |u| u.zh());
        fields.insert("printed".into(), json!(format!("{}{unit}", p.text)));
    }
    out.insert(path.clone(), Value::Object(fields));
    for item in &node.items {
        walk(item, &path, out);
    }
}

/// The printed number at a span, read as a decimal: full-width digits, thousands commas and spaces allowed.
fn printed_number(text: &str, span: Span) -> Option<Decimal> {
    let printed: String = span
        .slice(text)?
        .chars()
        .filter_map(|c| match c {
            '０'..='９' | '．' => char::from_u32(c as u32 - 0xFEE0),
            ',' => None,
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect();
    parse_decimal(&printed).ok()
}

/// Whether the number printed at `span` is `value` (up to sign, which direction words carry, and up to a
/// unit conversion by a power of ten thousand). A figure said in words (`持平`, `无…费用`) must be zero.
pub fn span_gives(text: &str, span: Span, value: Decimal) -> bool {
    let Some(printed) = printed_number(text, span) else {
        return value.is_zero() && span.slice(text).is_some_and(|s| !s.is_empty());
    };
    let wanted = value.abs();
    let ten_thousand = Decimal::from(10_000);
    let candidates = [
        printed,
        printed * ten_thousand,
        printed * ten_thousand * ten_thousand,
        printed / ten_thousand,
        printed / ten_thousand / ten_thousand,
    ];
    candidates.iter().any(|c| c.abs() == wanted)
}

/// Every figure of the report that has a span, with what its span must give. `(path, field, span, value)`.
pub fn spanned_figures(report: &Report) -> Vec<(String, &'static str, Span, Decimal)> {
    fn visit(node: &Node, parent: &str, out: &mut Vec<(String, &'static str, Span, Decimal)>) {
        let path = if parent.is_empty() {
            node.id.clone()
        } else {
            format!("{parent}/{}", node.id)
        };
        if let Some(at) = node.at {
            out.push((path.clone(), "amount", at, node.amount.0));
        }
        let s = &node.spans;
        let pairs = [
            ("share", s.share, node.share),
            ("prior", s.prior, node.prior),
            ("change", s.change, node.change),
            ("change_pct", s.change_pct, node.change_pct),
            ("budget", s.budget, node.budget),
            ("completion_pct", s.completion_pct, node.completion_pct),
            (
                "change_vs_budget",
                s.change_vs_budget,
                node.change_vs_budget,
            ),
            (
                "change_vs_budget_pct",
                s.change_vs_budget_pct,
                node.change_vs_budget_pct,
            ),
        ];
        for (field, span, value) in pairs {
            if let (Some(span), Some(value)) = (span, value) {
                out.push((path.clone(), field, span, value.0));
            }
        }
        for r in &node.restated {
            if let Some(at) = r.at {
                out.push((path.clone(), "restated", at, r.amount.0));
            }
        }
        for item in &node.items {
            visit(item, &path, out);
        }
    }
    let mut out = Vec::new();
    for root in &report.breakdowns {
        visit(root, "", &mut out);
    }
    out
}
