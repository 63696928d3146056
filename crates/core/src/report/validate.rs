//! What serde cannot see: sibling ids, paths that must point to nodes, nesting depth, node count, spans.
//!
//! The walk keeps only the indices that lead to the current node; the JSON path of a fault is built from
//! them when there is one, so a valid report of 100,000 nodes costs no path strings.

use super::error::Problem;
use super::locate::JsonPath;
use super::model::{Node, Report, Span};
use super::resolve::Resolver;
use crate::keyed::Keyed;
use crate::word::has_char;

/// Nodes may nest at most this deep (a root is level 1).
pub const MAX_DEPTH: usize = 32;
/// A report may have at most this many nodes.
pub const MAX_NODES: usize = 100_000;

type Invalid = (JsonPath, Problem);

/// `$.breakdowns[i0].items[i1]…` for the node reached by `trail`.
fn node_json(trail: &[usize]) -> JsonPath {
    let mut json = JsonPath::default().key("breakdowns");
    for (level, &index) in trail.iter().enumerate() {
        if level > 0 {
            json = json.key("items");
        }
        json = json.index(index);
    }
    json
}

/// The first thing that does not hold together, with the JSON path of the value at fault.
pub fn validate(report: &Report) -> Result<(), Invalid> {
    let count = report.node_count();
    if count > MAX_NODES {
        let problem = Problem::TooManyNodes {
            count,
            limit: MAX_NODES,
        };
        return Err((JsonPath::default().key("breakdowns"), problem));
    }
    let text_chars = report
        .source
        .as_ref()
        .and_then(|s| s.text.as_ref())
        .map(|t| t.chars().count());
    let mut trail = Vec::with_capacity(MAX_DEPTH);
    check_siblings(&report.breakdowns, &mut trail, text_chars)?;

    if let Some(chars) = text_chars {
        for (i, unplaced) in report.unplaced.iter().enumerate() {
            let json = JsonPath::default().key("unplaced").index(i).key("at");
            check_span(Some(unplaced.at), chars, || json.clone())?;
        }
    }
    check_paths(report)
}

/// `share_of` and relation paths must name nodes (paths can point forwards, so this follows the walk).
fn check_paths(report: &Report) -> Result<(), Invalid> {
    let mut resolver = Resolver::new(report);
    // Depth first in document order, so the first dangling share_of is reported.
    let mut stack: Vec<(&Node, Vec<usize>)> = report
        .breakdowns
        .iter()
        .enumerate()
        .rev()
        .map(|(i, n)| (n, vec![i]))
        .collect();
    while let Some((node, trail)) = stack.pop() {
        if let Some(target) = &node.share_of {
            if resolver.node_at(target).is_none() {
                let problem = Problem::DanglingPath {
                    target: target.clone(),
                };
                return Err((node_json(&trail).key("share_of"), problem));
            }
        }
        for (i, child) in node.items.iter().enumerate().rev() {
            if child.share_of.is_some() || !child.items.is_empty() {
                let mut child_trail = trail.clone();
                child_trail.push(i);
                stack.push((child, child_trail));
            }
        }
    }
    for (r, relation) in report.relations.iter().enumerate() {
        for (side, targets) in [("left", &relation.left), ("right", &relation.right)] {
            if let Some((i, target)) = targets
                .iter()
                .enumerate()
                .find(|(_, t)| resolver.term_at(t).is_none())
            {
                let json = JsonPath::default()
                    .key("relations")
                    .index(r)
                    .key(side)
                    .index(i);
                let problem = Problem::DanglingPath {
                    target: target.clone(),
                };
                return Err((json, problem));
            }
        }
    }
    Ok(())
}

fn check_siblings(
    nodes: &[Node],
    trail: &mut Vec<usize>,
    text_chars: Option<usize>,
) -> Result<(), Invalid> {
    let repeat = Keyed::new(nodes.iter().map(|n| (n.id.as_str(), ()))).first_repeat();
    for (i, node) in nodes.iter().enumerate() {
        trail.push(i);
        if trail.len() > MAX_DEPTH {
            return Err((node_json(trail), Problem::TooDeep { limit: MAX_DEPTH }));
        }
        if node.id.is_empty() || has_char(&node.id, '/') {
            let problem = Problem::BadId {
                id: node.id.clone(),
            };
            return Err((node_json(trail).key("id"), problem));
        }
        if repeat == Some(i) {
            let problem = Problem::DuplicateId {
                id: node.id.clone(),
            };
            return Err((node_json(trail).key("id"), problem));
        }
        if let Some(chars) = text_chars {
            check_node_spans(node, chars, trail)?;
        }
        check_siblings(&node.items, trail, text_chars)?;
        trail.pop();
    }
    Ok(())
}

fn check_node_spans(node: &Node, chars: usize, trail: &[usize]) -> Result<(), Invalid> {
    check_span(node.at, chars, || node_json(trail).key("at"))?;
    let spans = &node.spans;
    let named = [
        ("share", spans.share),
        ("prior", spans.prior),
        ("change", spans.change),
        ("change_pct", spans.change_pct),
        ("budget", spans.budget),
        ("completion_pct", spans.completion_pct),
        ("comparison", spans.comparison),
        ("change_vs_budget", spans.change_vs_budget),
        ("change_vs_budget_pct", spans.change_vs_budget_pct),
    ];
    for (name, span) in named {
        check_span(span, chars, || node_json(trail).key("spans").key(name))?;
    }
    for (i, restated) in node.restated.iter().enumerate() {
        check_span(restated.at, chars, || {
            node_json(trail).key("restated").index(i).key("at")
        })?;
    }
    Ok(())
}

fn check_span(
    span: Option<Span>,
    text_chars: usize,
    json: impl FnOnce() -> JsonPath,
) -> Result<(), Invalid> {
    match span {
        Some(Span { start, end }) if start > end || end > text_chars => Err((
            json(),
            Problem::SpanOutsideText {
                start,
                end,
                text_chars,
            },
        )),
        _ => Ok(()),
    }
}
