//! A recognised table: what it is, where it was printed, its unit, and its rows as codes, names and figures.

use budget_lens_core::report::Unit;
use rust_decimal::Decimal;

use crate::grid::Origin;
use crate::kind::Kind;

/// One value cell: the figure read from it (`None` when printed blank, `—` or `无`), its text as printed and
/// where it was printed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figure {
    pub value: Option<Decimal>,
    pub text: String,
    pub origin: Option<Origin>,
}

impl Figure {
    /// The figure, a blank counting as an exact zero.
    pub fn or_zero(&self) -> Decimal {
        self.value.unwrap_or(Decimal::ZERO)
    }
}

/// One data row of a table half.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The classification code joined (`2010601`), when the row has one.
    pub code: Option<String>,
    /// The name with wrapped lines joined (`机关事业单位基本养老保险缴费支出`).
    pub name: String,
    /// One figure per value column of the half, in column order.
    pub values: Vec<Figure>,
    /// Where the row's name (or code) was printed.
    pub origin: Option<Origin>,
}

/// A value column: its header words top to bottom (`基本支出`, `人员经费`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub words: Vec<String>,
}

impl Column {
    /// The header as one label, top to bottom.
    pub fn label(&self) -> String {
        self.words.join(" ")
    }

    /// Whether the header words contain `word`, also across a wrap (`本年支出合` / `计`).
    pub fn has(&self, word: &str) -> bool {
        self.words.concat().contains(word)
    }

    /// The header words' endings, shortest first: `计`, `本年支出合计`, … — a word wrapped over lines is
    /// whole in one of them, and the lowest (most specific) header comes first.
    pub fn endings(&self) -> impl Iterator<Item = String> + '_ {
        (1..=self.words.len()).map(|k| self.words[self.words.len() - k..].concat())
    }
}

/// One side of a table: the whole table, or one of the halves printed side by side (总表: income | expenditure).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Half {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Whether the half has a code column (类/款/项 or 科目编码).
    pub coded: bool,
}

/// A standard table found in the grids.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table is, from its title and header words; `None` for tables that are not standard.
    pub kind: Option<Kind>,
    /// The title exactly as printed (spaces inside trimmed).
    pub title: String,
    /// The grid (page, sheet, file) where the title is, and the last grid the table runs onto.
    pub grid: String,
    pub last_grid: String,
    /// Where the title was printed.
    pub origin: Option<Origin>,
    pub unit: Unit,
    /// Whether the unit line was printed (otherwise the document's or 万元 is assumed).
    pub unit_printed: bool,
    pub halves: Vec<Half>,
    /// The 注/说明 line under the table, if printed.
    pub note: Option<String>,
    /// The line naming the department (`编制单位：…`), if printed.
    pub masthead: Option<String>,
}

impl Table {
    /// No figure in any row: an empty table (often with a 注 line saying so).
    pub fn is_empty(&self) -> bool {
        self.halves
            .iter()
            .flat_map(|h| &h.rows)
            .all(|r| r.values.iter().all(|f| f.value.is_none()))
    }

    /// How many data rows, all halves together.
    pub fn row_count(&self) -> usize {
        self.halves.iter().map(|h| h.rows.len()).sum()
    }
}
