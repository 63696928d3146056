//! The one recogniser: grids → tables. Blocks of rows ([`crate::segment`]), their header words
//! ([`crate::columns`]), their rows ([`crate::rows`]) and what kind of table each is ([`crate::kind`]).

use budget_lens_core::report::Unit;

use crate::columns::layout;
use crate::grid::Grid;
use crate::kind::{kind_of_header, kind_of_title, Kind};
use crate::rows::half_rows;
use crate::segment::{blocks, Block};
use crate::table::Table;

/// Every table found in the grids, in document order. A table whose unit line is missing takes the unit of
/// the table before it (documents print it on some tables only), or 万元.
pub fn recognise(grids: &[Grid]) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    let mut last_unit = None;
    for block in blocks(grids) {
        let table = table_of(block, last_unit);
        if table.unit_printed {
            last_unit = Some(table.unit);
        }
        tables.push(table);
    }
    tables
}

fn table_of(block: Block, last_unit: Option<Unit>) -> Table {
    let layouts = layout(&block.header, &block.data);
    let halves: Vec<_> = layouts.iter().map(|l| half_rows(l, &block.data)).collect();
    let has_codes = halves.iter().any(|h| h.coded);
    let words: Vec<String> = halves
        .iter()
        .flat_map(|h| &h.columns)
        .flat_map(|c| c.words.iter().cloned())
        .collect();
    let kind = kind_of_title(&block.title)
        .filter(|k| consistent(*k, has_codes, halves.len(), block.data.is_empty()))
        .or_else(|| kind_of_header(&words, has_codes));
    Table {
        kind,
        title: block.title,
        grid: block.grid,
        last_grid: block.last_grid,
        origin: block.title_origin,
        unit: block.unit.or(last_unit).unwrap_or_default(),
        unit_printed: block.unit.is_some(),
        halves,
        note: block.note,
        masthead: block.masthead,
    }
}

/// Header words confirm a title: a table by class has a code column (or no rows at all, when empty); a
/// 总表 has two halves (or no rows).
fn consistent(kind: Kind, has_codes: bool, halves: usize, no_rows: bool) -> bool {
    match kind {
        Kind::Summary | Kind::FiscalSummary => halves >= 2 || no_rows,
        Kind::ThreePublic => true,
        _ => has_codes || halves <= 1,
    }
}
