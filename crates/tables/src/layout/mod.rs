//! Positioned text → page grids (rows × columns of cell text, each cell with its box on the page), and
//! each page's text in reading order. Pure and shared: the CLI feeds it the runs of its lopdf reader
//! (`crate::pdf`), the builder page those of pdf.js (www/builder/pdf.js), so one PDF gives one grid.
//!
//! words.rs   runs → words (split at spaces, glyph-by-glyph text joined again)
//! columns.rs words → columns (body words first, headers placed into them)
//! rows.rs    words → rows (baselines; wrapped cells and top-aligned figures folded into their row)
//! text.rs    words → the page's text, for the narrative

pub mod columns;
pub mod rows;
pub mod text;
pub mod words;

use crate::grid::{Cell, Grid, Origin};
use crate::runs::{DocumentRuns, PageRuns};
use columns::{Column, Span};
use serde::Serialize;
use words::{is_wide, Word};

/// One cell of a page grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridCell {
    pub text: String,
    /// x0, top, x1, bottom in page points (top-left origin): where the builder boxes the figure.
    pub bbox: [f32; 4],
    /// A copy of a merged (spanning) cell that starts in an earlier column.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub filled: bool,
}

/// A page as a grid. `columns` are the columns' horizontal extents, so a table continued on the next
/// page can be lined up with its first page even when an empty column is missing there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageGrid {
    /// 1-based.
    pub page: usize,
    pub width: f32,
    pub height: f32,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Option<GridCell>>>,
}

pub use text::page_text;

/// The page's grid: every word in one row and one column (a merged cell filled across the columns it
/// spans when it spans at most half of them).
pub fn page_grid(page_no: usize, page: &PageRuns) -> PageGrid {
    let words = words::page_words(page);
    let (body, lines) = rows::data_lines(&words);
    let mut columns = columns::columns(&words, &body);
    let in_table_line = table_line_words(words.len(), &lines);
    columns::merge_bridged(&mut columns, &words, &in_table_line, &body, &lines);
    let (rows, spans) = rows::rows(&words, &columns);
    let rows = rows
        .iter()
        .map(|row| grid_row(&words, &spans, columns.len(), &row.words))
        .collect();
    PageGrid {
        page: page_no,
        width: page.width,
        height: page.height,
        columns,
        rows,
    }
}

/// Words on lines with two or more words (a title or a lone unit line is not table text).
fn table_line_words(count: usize, lines: &[Vec<usize>]) -> Vec<bool> {
    let mut marked = vec![false; count];
    for line in lines.iter().filter(|l| l.len() >= 2) {
        for &i in line {
            marked[i] = true;
        }
    }
    marked
}

/// A row's cells. Its words are taken line by line (lines 0.25 em apart), left to right.
fn grid_row(
    words: &[Word],
    spans: &[Span],
    columns: usize,
    members: &[usize],
) -> Vec<Option<GridCell>> {
    let mut ordered = members.to_vec();
    ordered.sort_by(|&a, &b| words[a].y.total_cmp(&words[b].y));
    let mut line = 0;
    let mut line_of = vec![0; ordered.len()];
    for k in 1..ordered.len() {
        let (above, here) = (&words[ordered[k - 1]], &words[ordered[k]]);
        if here.y - above.y > 0.25 * here.h.max(1.0) {
            line += 1;
        }
        line_of[k] = line;
    }
    let mut keyed: Vec<(usize, usize)> = line_of.into_iter().zip(ordered).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(words[a.1].x.total_cmp(&words[b.1].x)));

    let mut cells: Vec<Option<GridCell>> = vec![None; columns];
    let mut last_word: Vec<Option<usize>> = vec![None; columns];
    for (_, i) in keyed {
        let (word, span) = (&words[i], spans[i]);
        let bbox = [word.x, word.top(), word.right(), word.bottom()];
        match (&mut cells[span.first], last_word[span.first]) {
            (Some(cell), Some(previous)) if !cell.filled => {
                join(&mut cell.text, &words[previous], word);
                cell.bbox = union(cell.bbox, bbox);
            }
            (slot, _) => {
                *slot = Some(GridCell {
                    text: word.text.clone(),
                    bbox,
                    filled: false,
                })
            }
        }
        last_word[span.first] = Some(i);
        if span.last - span.first < columns / 2 {
            for cell in cells
                .iter_mut()
                .take(span.last + 1)
                .skip(span.first + 1)
                .filter(|c| c.is_none())
            {
                *cell = Some(GridCell {
                    text: word.text.clone(),
                    bbox,
                    filled: true,
                });
            }
        }
    }
    cells
}

/// Joins two pieces of one cell. On one line: a space where the print leaves one (a gap over 0.15 em)
/// between Latin letters or digits. Across lines (a wrapped cell): nothing next to CJK, a space otherwise.
fn join(into: &mut String, previous: &Word, next: &Word) {
    let cjk_edge =
        into.chars().last().is_some_and(is_wide) || next.text.chars().next().is_some_and(is_wide);
    let same_line = (previous.y - next.y).abs() < 0.25 * next.h;
    let spaced = !cjk_edge && (!same_line || next.x - previous.right() > 0.15 * next.h);
    if !into.is_empty() && spaced {
        into.push(' ');
    }
    into.push_str(&next.text);
}

fn union(a: [f32; 4], b: [f32; 4]) -> [f32; 4] {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// Every page of a document as a [`Grid`] for the recogniser (`第N页`), each non-blank cell with its box.
pub fn grids(document: &DocumentRuns) -> Vec<Grid> {
    document
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| page_grid(i + 1, page).to_grid())
        .collect()
}

impl PageGrid {
    /// The recogniser's grid: blank cells are empty text without a place.
    pub fn to_grid(&self) -> Grid {
        let page = u32::try_from(self.page).unwrap_or(u32::MAX);
        let cell = |c: &Option<GridCell>| match c {
            Some(c) => {
                let [x0, top, x1, bottom] = c.bbox;
                Cell::new(
                    c.text.clone(),
                    Some(Origin::Page {
                        page,
                        x: x0,
                        y: top,
                        width: x1 - x0,
                        height: bottom - top,
                    }),
                )
            }
            None => Cell::new("", None),
        };
        Grid {
            name: format!("第{}页", self.page),
            rows: self
                .rows
                .iter()
                .map(|r| r.iter().map(cell).collect())
                .collect(),
        }
    }
}
