//! Tables pasted as text: a unit stated once ([`unit`]: a `单位:万元` line, `(万元)` after the title or in a
//! column header), a header of column names, then rows of a label and numbers separated by spaces or `|` (a
//! spreadsheet, PDF or web table copied as text). The numbers carry no unit of their own — the declaration
//! gives it — so the sentence reader never sees them as amounts.
//!
//! Each table becomes breakdowns of its own: a row per node, nested by the rows' list markers, its columns
//! (prior year, budget, amount, change, rates) as the header names them ([`columns`]; a header of two lines,
//! columns and a group over some, [`spanning`]). A row whose numbers do not fill the columns is left out
//! ([`rows`]) and said so in the report's `unplaced`: its cells are never guessed into columns. Linear in the text's length: each character is read once.

mod across;
mod balance;
mod cells;
mod columns;
mod groups;
pub mod relate;
mod rows;
mod spanning;
mod transposed;
mod unit;
mod unstated;

use budget_lens_core::report::{Node, Relation, Span, Unit};

/// A table read from the text: its unit, its rows as breakdowns and the identities it prints (a balance table's
/// two totals).
pub struct Table {
    pub unit: Unit,
    pub nodes: Vec<Node>,
    pub relations: Vec<Relation>,
    /// Rows printing figures none of which the table placed (their cells could not be aligned with the
    /// columns: never guessed), from their first cell to their last.
    pub left_out: Vec<Span>,
}

/// The tables pasted as text: those read, and those not read for want of a unit.
pub struct Tables {
    pub read: Vec<Table>,
    /// `|`-separated tables of numbers that state no unit anywhere: not read.
    pub without_unit: Vec<Span>,
    /// Tables that state their unit and print numbers, but whose header names no column the reader takes
    /// (or whose rows fit none): not read, from their first cell to their last.
    pub not_read: Vec<Span>,
}

/// Numbers after a unit declaration that make a table the reader should have read (one or two are a
/// sentence's, such as a year or a count after `单位:万元`).
const MIN_NUMBERS_NOT_READ: usize = 4;

/// Every table pasted as text in `chars` with at least one row read, and those that state no unit.
pub fn read(chars: &[char]) -> Tables {
    let mut declarations = unit::declarations(chars);
    // A header's unit starts its table at the header, before a `单位` line may have: in order of start.
    declarations.sort_by_key(|d| d.1);
    let mut tables = Vec::new();
    let mut not_read = Vec::new();
    for (k, &(unit, from)) in declarations.iter().enumerate() {
        let to = declarations.get(k + 1).map_or(chars.len(), |d| d.1);
        let cells = cells::cells(chars, from, to);
        let prefix = format!("table{}_row", tables.len() + 1);
        // The two-sided balance table first: its header names an income and a spending side.
        let balance = match balance::read(chars, &cells, &prefix) {
            balance::Outcome::Read(b) => {
                tables.push(Table {
                    unit,
                    nodes: b.nodes,
                    relations: b.relations,
                    left_out: Vec::new(),
                });
                continue;
            }
            balance::Outcome::Unreadable => true,
            balance::Outcome::NotThisShape => false,
        };
        // A balance table unreadable by its body is taken by no other reader (by halves, its spending side
        // would be lost unnamed).
        let nodes = match balance {
            true => Vec::new(),
            false => other_readers(chars, &cells, &prefix),
        };
        if !nodes.is_empty() {
            let left_out = rows_left_out(chars, &cells, &nodes);
            tables.push(Table {
                unit,
                nodes,
                relations: Vec::new(),
                left_out,
            });
        } else if let Some(at) = unread_table(chars, &cells) {
            not_read.push(at);
        }
    }
    let starts: Vec<usize> = declarations.iter().map(|d| d.1).collect();
    Tables {
        read: tables,
        without_unit: unstated::blocks(chars, &starts),
        not_read,
    }
}

/// The readers of one-sided tables, in order: years as rows first (its test is strict: every row a year, a change
/// or a rate, all of one width), a two-line header of columns and a group over some (strict too: every column
/// named, each word read), items as rows, two column groups (after the readers of one group: it never takes
/// their tables), the standard 三公 table across.
fn other_readers(chars: &[char], cells: &[cells::Cell], prefix: &str) -> Vec<Node> {
    transposed::nodes(cells, prefix)
        .or_else(|| spanning::nodes(chars, cells, prefix))
        .or_else(|| by_rows(chars, cells, prefix).filter(|n| !n.is_empty()))
        .or_else(|| groups::nodes(chars, cells, prefix))
        .or_else(|| across::nodes(cells, prefix))
        .unwrap_or_default()
}

/// The span of cells that look like a table no reader took: enough numbers, and cell borders (`|`) or
/// numbers on more than one line — bare numbers in one sentence after a `单位：万元` are no table.
fn unread_table(chars: &[char], cells: &[cells::Cell]) -> Option<Span> {
    let numbers: Vec<&cells::Cell> = cells.iter().filter(|c| c.number.is_some()).collect();
    if numbers.len() < MIN_NUMBERS_NOT_READ {
        return None;
    }
    let (first_number, last_number) = (numbers.first()?, numbers.last()?);
    let (first, last) = (cells.first()?, cells.last()?);
    let span = &chars[first.at.start..last.at.end];
    let lines = chars[first_number.at.start..last_number.at.end].contains(&'\n');
    (span.contains(&'|') || lines).then_some(Span {
        start: first.at.start,
        end: last.at.end,
    })
}

/// The lines of a read table printing figures none of which a node placed: the rows left out.
fn rows_left_out(chars: &[char], cells: &[cells::Cell], nodes: &[Node]) -> Vec<Span> {
    let mut placed = Vec::new();
    nodes.iter().for_each(|n| figure_starts(n, &mut placed));
    placed.sort_unstable();
    let unplaced = |c: &cells::Cell| {
        c.number.is_some_and(|n| !n.blank) && placed.binary_search(&c.at.start).is_err()
    };
    cells::cell_lines(chars, cells)
        .into_iter()
        .filter(|line| {
            let figures = line.iter().filter(|c| c.number.is_some_and(|n| !n.blank));
            figures.clone().next().is_some() && figures.into_iter().all(unplaced)
        })
        .filter_map(|line| {
            let last = line.last()?;
            Some(Span {
                start: line.first()?.at.start,
                // The last cell as printed (a rate's `%` is not in its figure's span).
                end: last.at.start + last.text.chars().count(),
            })
        })
        .collect()
}

/// Where each figure a node and its items placed starts.
fn figure_starts(node: &Node, out: &mut Vec<usize>) {
    let s = &node.spans;
    let spans = [s.prior, s.budget, s.change, s.change_pct, s.completion_pct];
    out.extend(
        node.at
            .iter()
            .chain(spans.iter().flatten())
            .map(|a| a.start),
    );
    node.items.iter().for_each(|i| figure_starts(i, out));
}

/// The nodes of a table whose header names its columns (items as rows), or `None` when it names none.
fn by_rows(chars: &[char], cells: &[cells::Cell], prefix: &str) -> Option<Vec<Node>> {
    let words = cells.iter().take_while(|c| c.number.is_none()).count();
    let header_len = cells[..words]
        .iter()
        .rposition(|c| columns::names_a_column(&c.text))
        .map_or(words, |last| header_line_end(chars, &cells[..words], last));
    let header: Vec<&str> = cells[..header_len]
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    let columns = columns::read(&header).filter(|c| !c.named.is_empty())?;
    let body = spanning::with_empty_cells(chars, &cells[header_len..], columns.named.len());
    Some(rows::nodes(&body, &columns, prefix))
}

/// The header's length: up to its last column name, and the cells after it on the same `|`-separated line
/// (`项目 | 2023年预算数 | 增减原因 |`: a column the reader does not take is still not the first row's label).
fn header_line_end(chars: &[char], words: &[cells::Cell], last: usize) -> usize {
    let mut end = last + 1;
    while let Some(next) = words.get(end) {
        let gap = &chars[words[end - 1].at.end..next.at.start];
        if gap.contains(&'\n') || !gap.contains(&'|') {
            break;
        }
        end += 1;
    }
    end
}

/// A node's amount with its items' in brackets (`15[12[10 2] 3]`): how the readers' tests show a tree.
#[cfg(test)]
pub(crate) fn shown_amounts(node: &Node) -> String {
    let items: Vec<String> = node.items.iter().map(shown_amounts).collect();
    match items.is_empty() {
        true => node.amount.0.to_string(),
        false => format!("{}[{}]", node.amount.0, items.join(" ")),
    }
}
