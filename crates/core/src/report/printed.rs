//! Extension of format v1 for reports imported from published tables: where each figure was printed, and a
//! node's figures in the table's other columns (基本支出 / 项目支出 …). Relation paths may name a column:
//! `gpb_by_function/208#basic` is the 基本支出 figure of the node `gpb_by_function/208`.

use serde::{Deserialize, Serialize};

use super::amount::Amount;
use super::model::Node;
use super::resolve::Resolver;

/// Where a figure was printed: the table, its text as printed, and the page and box (a PDF) or the sheet
/// and cell (a workbook, CSV file or HTML table).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Printed {
    /// The table's title as printed.
    pub table: String,
    /// The figure exactly as printed (`2,940.05`; empty when the cell is blank).
    #[serde(default)]
    pub text: String,
    /// 1-based page of a PDF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The box on that page in PDF points: x, y (down from the top), width, height.
    #[serde(default, rename = "box", skip_serializing_if = "Option::is_none")]
    pub bounds: Option<[f32; 4]>,
    /// The sheet (or file, or HTML table) of a workbook cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The cell as a spreadsheet names it (`C7`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

/// A node's figure in another column of its table row (`basic`: 基本支出). The columns of a node are the
/// parts of its amount by another division, so they add up to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub id: String,
    pub label: String,
    pub amount: Amount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<Printed>,
}

/// A figure a relation names: a node's amount, or one of its columns.
#[derive(Debug, Clone, Copy)]
pub struct Term<'a> {
    pub node: &'a Node,
    pub column: Option<&'a Column>,
}

impl Term<'_> {
    pub fn amount(&self) -> rust_decimal::Decimal {
        self.column.map_or(self.node.amount, |c| c.amount).value()
    }

    /// Whether the figure was printed in a table (imported), not in running text.
    pub fn in_table(&self) -> bool {
        self.column
            .and_then(|c| c.printed.as_ref())
            .or(self.node.printed.as_ref())
            .is_some_and(|p| !p.table.is_empty())
    }

    /// In plain words: the table and row (`支出决算表‘卫生健康支出’`) when the figure was printed in a table,
    /// the node's label otherwise; a column adds its label (`…‘合计’基本支出`).
    pub fn describe(&self) -> String {
        let printed = self
            .column
            .and_then(|c| c.printed.as_ref())
            .or(self.node.printed.as_ref());
        let row = match printed {
            Some(p) if !p.table.is_empty() => format!("{}‘{}’", p.table, self.node.label),
            _ => self.node.label.clone(),
        };
        match self.column {
            Some(column) => format!("{row}{}", column.label),
            None => row,
        }
    }
}

/// `path#column` → (`path`, `Some(column)`), split at the last `#`.
pub fn split_column(path: &str) -> (&str, Option<&str>) {
    match path.rsplit_once('#') {
        Some((node, column)) => (node, Some(column)),
        None => (path, None),
    }
}

impl<'a> Resolver<'a> {
    /// The figure at a relation path: `root/child`, or `root/child#column`. A path naming a node as a whole
    /// wins, so ids containing `#` (allowed before columns existed) keep working.
    pub fn term_at(&mut self, path: &str) -> Option<Term<'a>> {
        if let Some(node) = self.node_at(path) {
            return Some(Term { node, column: None });
        }
        let (node_path, Some(id)) = split_column(path) else {
            return None;
        };
        let node = self.node_at(node_path)?;
        let column = node.columns.iter().find(|c| c.id == id)?;
        Some(Term {
            node,
            column: Some(column),
        })
    }
}
