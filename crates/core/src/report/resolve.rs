//! Finding the node at a path (`root-id/child-id/…`) without an index of every path: walk down from the
//! root, comparing ids; a wide node's children are indexed by id the first time a path goes through it.
//! Used by validation (are `share_of` and relation paths real?) and by the checker (what do they name?).

use super::model::{Node, Report};
use crate::keyed::Keyed;

/// Children up to this many are scanned; a wider node gets an index on first use.
const SCAN: usize = 32;

pub struct Resolver<'a> {
    report: &'a Report,
    /// Children by id of the wide nodes passed through, with the node's address (few: a linear search).
    wide: Vec<(usize, Keyed<&'a str, &'a Node>)>,
}

impl<'a> Resolver<'a> {
    pub fn new(report: &'a Report) -> Self {
        Resolver {
            report,
            wide: Vec::new(),
        }
    }

    /// The node at `path`, if any.
    pub fn node_at(&mut self, path: &str) -> Option<&'a Node> {
        let mut ids = path.split('/');
        let root = ids.next()?;
        let mut node = self.report.breakdowns.iter().find(|n| n.id == root)?;
        for id in ids {
            node = self.child(node, id)?;
        }
        Some(node)
    }

    fn child(&mut self, node: &'a Node, id: &str) -> Option<&'a Node> {
        if node.items.len() <= SCAN {
            return node.items.iter().find(|c| c.id == id);
        }
        let address = node as *const Node as usize;
        let known = self.wide.iter().position(|(a, _)| *a == address);
        let at = known.unwrap_or_else(|| {
            let by_id = Keyed::new(node.items.iter().map(|c| (c.id.as_str(), c)));
            self.wide.push((address, by_id));
            self.wide.len() - 1
        });
        self.wide.get(at)?.1.get(id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse_report;

    #[test]
    fn finds_nodes_through_narrow_and_wide_levels() {
        let items: Vec<String> = (0..100)
            .map(|i| format!(r#"{{"id":"n{i}","label":"x","amount":"1","items":[{{"id":"leaf","label":"y","amount":"1"}}]}}"#))
            .collect();
        let text = format!(
            r#"{{"format":"budget-lens/1","breakdowns":[{{"id":"a","label":"x","amount":"100","items":[{}]}},{{"id":"b","label":"z","amount":"0"}}]}}"#,
            items.join(",")
        );
        let report = parse_report(&text).unwrap();
        let mut resolver = Resolver::new(&report);
        assert_eq!(resolver.node_at("b").map(|n| n.label.as_str()), Some("z"));
        assert_eq!(
            resolver.node_at("a/n99/leaf").map(|n| n.label.as_str()),
            Some("y")
        );
        assert_eq!(
            resolver.node_at("a/n0/leaf").map(|n| n.label.as_str()),
            Some("y")
        );
        assert!(resolver.node_at("a/n100").is_none());
        assert!(resolver.node_at("a/n5/nothing").is_none());
        assert!(resolver.node_at("c").is_none());
        assert!(resolver.node_at("").is_none());
    }
}
