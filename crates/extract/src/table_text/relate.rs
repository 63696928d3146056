//! A pasted 三公 table against the text around it: the same document prints each kind twice, in the table and
//! in its explanation (`公务用车购置费 | 50` and `其中:公务用车购置费25万元`). Each kind the table and the text
//! both print becomes a relation (table row = the text's node), so the checker holds them to each other; a
//! swapped pair or a figure copied wrong is found.

use budget_lens_core::report::{Node, Relation};

use super::rows::{names_the_three_public, three_public_kind, TOTALS};
use crate::vocabulary;

/// The relations between the 三公 tables among `tables` and the text's own 三公 nodes in `text`.
pub fn three_public_identities(tables: &[Node], text: &[Node], first_id: usize) -> Vec<Relation> {
    let Some(spoken) = text.iter().find(|n| n.id == "three_public") else {
        return Vec::new();
    };
    // With two 三公 tables (a year's and the year before's, a budget's and a final account's) which one the
    // text speaks of cannot be told.
    let three_public: Vec<&Node> = tables.iter().filter(|t| is_three_public_total(t)).collect();
    if three_public.len() != 1 {
        return Vec::new();
    }
    let mut pairs = Vec::new();
    for table in three_public {
        pairs.push((table.id.clone(), table, "three_public".to_string(), spoken));
        for kind in &table.items {
            let path = format!("{}/{}", table.id, kind.id);
            let Some((id, said)) = said_kind(spoken, &kind.label, "three_public") else {
                continue;
            };
            pairs.push((path.clone(), kind, format!("three_public/{id}"), said));
            for part in &kind.items {
                let parent = format!("three_public/{id}");
                if let Some((part_id, said_part)) =
                    said_kind(said, &part.label, "three_public/vehicles")
                {
                    pairs.push((
                        format!("{path}/{}", part.id),
                        part,
                        format!("{parent}/{part_id}"),
                        said_part,
                    ));
                }
            }
        }
    }
    pairs
        .into_iter()
        .enumerate()
        .map(|(k, (table_path, row, text_path, node))| Relation {
            id: format!("pasted_table_identity_{}", first_id + k),
            label: format!("表中“{}” = 文中“{}”", row.label, node.label),
            left: vec![table_path],
            right: vec![text_path],
        })
        .collect()
}

/// A table whose root is a total over 三公 kinds (`合计`, `“三公”经费合计`, `总“三公”经费支出`).
fn is_three_public_total(table: &Node) -> bool {
    let total = TOTALS.contains(&table.label.as_str()) || names_the_three_public(&table.label);
    total
        && !table.items.is_empty()
        && table
            .items
            .iter()
            .all(|k| three_public_kind(&k.label).is_some())
}

/// The text's node of the kind a table row names, under `spoken` (the text's node at schema path `parent`).
fn said_kind<'n>(spoken: &'n Node, label: &str, parent: &str) -> Option<(&'static str, &'n Node)> {
    let (id, _) = vocabulary::child_of(parent, label.strip_prefix("其中:").unwrap_or(label))?;
    let said = spoken.items.iter().find(|n| n.id == id)?;
    Some((id, said))
}
