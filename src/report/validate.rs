//! What serde cannot see: sibling ids, paths that must point to nodes, nesting depth, node count, spans.

use std::collections::HashSet;

use super::error::Problem;
use super::locate::JsonPath;
use super::model::{Node, Report, Span};

/// Nodes may nest at most this deep (a root is level 1).
pub const MAX_DEPTH: usize = 32;
/// A report may have at most this many nodes.
pub const MAX_NODES: usize = 100_000;

type Invalid = (JsonPath, Problem);

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

    let mut paths = HashSet::with_capacity(count);
    let root = JsonPath::default().key("breakdowns");
    check_siblings(&report.breakdowns, &root, "", 1, text_chars, &mut paths)?;

    // Paths can point forwards, so they are resolved once every node is known.
    for_each_node(
        &report.breakdowns,
        &root,
        &mut |node, json| match &node.share_of {
            Some(target) if !paths.contains(target.as_str()) => Err((
                json.key("share_of"),
                Problem::DanglingPath {
                    target: target.clone(),
                },
            )),
            _ => Ok(()),
        },
    )?;
    for (r, relation) in report.relations.iter().enumerate() {
        let json = JsonPath::default().key("relations").index(r);
        for (side, targets) in [("left", &relation.left), ("right", &relation.right)] {
            for (i, target) in targets.iter().enumerate() {
                if !paths.contains(target.as_str()) {
                    let problem = Problem::DanglingPath {
                        target: target.clone(),
                    };
                    return Err((json.key(side).index(i), problem));
                }
            }
        }
    }
    if let Some(chars) = text_chars {
        for (i, unplaced) in report.unplaced.iter().enumerate() {
            let json = JsonPath::default().key("unplaced").index(i).key("at");
            check_span(Some(unplaced.at), chars, json)?;
        }
    }
    Ok(())
}

fn check_siblings(
    nodes: &[Node],
    json: &JsonPath,
    parent_path: &str,
    depth: usize,
    text_chars: Option<usize>,
    paths: &mut HashSet<String>,
) -> Result<(), Invalid> {
    let mut ids = HashSet::with_capacity(nodes.len());
    for (i, node) in nodes.iter().enumerate() {
        let node_json = json.index(i);
        if depth > MAX_DEPTH {
            return Err((node_json, Problem::TooDeep { limit: MAX_DEPTH }));
        }
        if node.id.is_empty() || node.id.contains('/') {
            return Err((
                node_json.key("id"),
                Problem::BadId {
                    id: node.id.clone(),
                },
            ));
        }
        if !ids.insert(node.id.as_str()) {
            return Err((
                node_json.key("id"),
                Problem::DuplicateId {
                    id: node.id.clone(),
                },
            ));
        }
        if let Some(chars) = text_chars {
            check_node_spans(node, chars, &node_json)?;
        }
        let path = if parent_path.is_empty() {
            node.id.clone()
        } else {
            format!("{parent_path}/{}", node.id)
        };
        check_siblings(
            &node.items,
            &node_json.key("items"),
            &path,
            depth + 1,
            text_chars,
            paths,
        )?;
        paths.insert(path);
    }
    Ok(())
}

fn check_node_spans(node: &Node, chars: usize, json: &JsonPath) -> Result<(), Invalid> {
    check_span(node.at, chars, json.key("at"))?;
    let spans = &node.spans;
    let named = [
        ("share", spans.share),
        ("prior", spans.prior),
        ("change", spans.change),
        ("change_pct", spans.change_pct),
        ("budget", spans.budget),
        ("completion_pct", spans.completion_pct),
    ];
    for (name, span) in named {
        check_span(span, chars, json.key("spans").key(name))?;
    }
    for (i, restated) in node.restated.iter().enumerate() {
        check_span(restated.at, chars, json.key("restated").index(i).key("at"))?;
    }
    Ok(())
}

fn check_span(span: Option<Span>, text_chars: usize, json: JsonPath) -> Result<(), Invalid> {
    match span {
        Some(Span { start, end }) if start > end || end > text_chars => Err((
            json,
            Problem::SpanOutsideText {
                start,
                end,
                text_chars,
            },
        )),
        _ => Ok(()),
    }
}

fn for_each_node(
    nodes: &[Node],
    json: &JsonPath,
    visit: &mut dyn FnMut(&Node, &JsonPath) -> Result<(), Invalid>,
) -> Result<(), Invalid> {
    for (i, node) in nodes.iter().enumerate() {
        let node_json = json.index(i);
        visit(node, &node_json)?;
        for_each_node(&node.items, &node_json.key("items"), visit)?;
    }
    Ok(())
}
