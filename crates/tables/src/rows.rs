//! Data rows of a block → rows of each half: the code joined from its parts (`201 | 06 | 01` →
//! `2010601`, a one-digit 款 `2` read as `02`), the name with its wrapped lines joined, the figures.

use crate::columns::HalfLayout;
use crate::grid::{Cell, Origin};
use crate::table::{Figure, Half, Row};
use crate::text::{fold, read_figure, Printed};

/// A row as read, before wrapped name lines are joined to the row they belong to.
enum Line {
    Entry(Row),
    /// A name line without code or figures: part of a neighbouring row's name.
    Fragment(String, Option<Origin>),
}

/// The rows of one half.
pub fn half_rows(layout: &HalfLayout, data: &[Vec<Cell>]) -> Half {
    let coded = !layout.code_columns.is_empty();
    let lines: Vec<Line> = data
        .iter()
        .filter_map(|row| read_line(layout, row, coded))
        .collect();
    Half {
        columns: layout.columns.clone(),
        rows: join_fragments(lines),
        coded,
    }
}

fn read_line(layout: &HalfLayout, row: &[Cell], coded: bool) -> Option<Line> {
    let text_at = |column: usize| row.get(column).map(|c| c.text.trim()).unwrap_or("");
    let parts: Vec<String> = layout
        .code_columns
        .iter()
        .map(|&c| fold(text_at(c)))
        .filter(|t| !t.is_empty())
        .collect();
    let code = join_code(&parts);
    let name = row_name(layout, &text_at, &parts, code.is_some());
    let values: Vec<Figure> = layout
        .value_columns
        .iter()
        .map(|&c| figure(row.get(c).filter(|cell| !is_spill(row, c, cell))))
        .collect();
    let has_value = values.iter().any(|f| f.value.is_some());
    let name_cell = layout
        .name_column
        .iter()
        .chain(&layout.name_spill)
        .filter_map(|&c| row.get(c))
        .find(|c| !c.is_blank());
    let first_cell = layout
        .code_columns
        .iter()
        .chain(layout.name_column.iter())
        .filter_map(|&c| row.get(c))
        .find(|c| !c.is_blank());
    let origin = first_cell.or(name_cell).and_then(|c| c.origin.clone());
    if is_placeholder(&name) && code.is_none() && !has_value {
        return None;
    }
    let total = is_total(&name);
    let name_is_figure = matches!(read_figure(&name), Printed::Figure(_));
    if coded && code.is_none() && !has_value && !total && !name_is_figure {
        return Some(Line::Fragment(name, origin));
    }
    if !coded && !has_value && name.is_empty() {
        return None;
    }
    Some(Line::Entry(Row {
        code,
        name,
        values,
        origin,
    }))
}

/// The row's name: from the name column, else from its spill columns, else (no code) the code columns'
/// text — 合计 printed across them, or 无 in an empty table's code column.
fn row_name<'r>(
    layout: &HalfLayout,
    text_at: &dyn Fn(usize) -> &'r str,
    parts: &[String],
    has_code: bool,
) -> String {
    let spilled = layout.name_spill.iter().map(|&c| text_at(c));
    let name = layout
        .name_column
        .map(text_at)
        .into_iter()
        .chain(spilled)
        .find(|t| !t.is_empty())
        .unwrap_or("");
    if name.is_empty() && !has_code {
        return parts.first().cloned().unwrap_or_default();
    }
    name.to_string()
}

/// Code parts → the joined code, when every part is digits: the first part is the 类 (3 digits), later parts
/// two digits each (a one-digit part is left-padded: `301 | 2` → `30102`).
fn join_code(parts: &[String]) -> Option<String> {
    if parts.is_empty() || !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    if parts.len() == 1 {
        return Some(parts[0].clone());
    }
    let mut code = parts[0].clone();
    for part in &parts[1..] {
        if part.len() == 1 {
            code.push('0');
        }
        code.push_str(part);
    }
    Some(code)
}

/// A value cell holding the words of the cell to its left: a merged cell (a long name) filled across,
/// not a figure of this column.
fn is_spill(row: &[Cell], column: usize, cell: &Cell) -> bool {
    column > 0
        && !cell.is_blank()
        && row[column - 1].text == cell.text
        && !matches!(read_figure(&cell.text), Printed::Figure(_))
}

fn figure(cell: Option<&Cell>) -> Figure {
    let text = cell.map(|c| c.text.trim().to_string()).unwrap_or_default();
    let value = match read_figure(&text) {
        Printed::Figure(value) => Some(value),
        Printed::Blank | Printed::Words => None,
    };
    Figure {
        value,
        text,
        origin: cell.and_then(|c| c.origin.clone()),
    }
}

/// 合计, 总计, 人员经费合计, 支出总计 …
pub fn is_total(name: &str) -> bool {
    let folded = fold(name);
    folded.contains("合计") || folded.contains("总计")
}

/// `…`, `……`, `...`: template rows standing for more rows.
fn is_placeholder(name: &str) -> bool {
    let folded = fold(name);
    folded.is_empty()
        || folded
            .chars()
            .all(|c| matches!(c, '…' | '.' | '·' | '-' | '—'))
}

/// Each wrapped name line joins the row it belongs to: on a page, the row printed nearest to it (names are
/// often centred on their row, so a line may sit above or below it); elsewhere, the row before it.
fn join_fragments(lines: Vec<Line>) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut fragments: Vec<(usize, String, Option<Origin>)> = Vec::new();
    for line in lines {
        match line {
            Line::Entry(row) => rows.push(row),
            Line::Fragment(text, origin) => fragments.push((rows.len(), text, origin)),
        }
    }
    // Fragments are joined last to first, so that each one's position among the rows stays valid.
    let mut prefixes: Vec<Vec<String>> = vec![Vec::new(); rows.len()];
    let mut suffixes: Vec<Vec<String>> = vec![Vec::new(); rows.len()];
    for (before, text, origin) in fragments {
        if rows.is_empty() {
            continue;
        }
        let previous = before.checked_sub(1);
        let next = (before < rows.len()).then_some(before);
        match nearest(&rows, previous, next, origin.as_ref()) {
            Some((index, true)) => suffixes[index].push(text),
            Some((index, false)) => prefixes[index].push(text),
            None => {}
        }
    }
    for (index, row) in rows.iter_mut().enumerate() {
        let mut name = prefixes[index].concat();
        name.push_str(&row.name);
        name.push_str(&suffixes[index].concat());
        row.name = name;
    }
    rows
}

/// The row a fragment belongs to, and whether it follows that row (`true`) or precedes it.
fn nearest(
    rows: &[Row],
    previous: Option<usize>,
    next: Option<usize>,
    origin: Option<&Origin>,
) -> Option<(usize, bool)> {
    let centre = |o: Option<&Origin>| match o {
        Some(Origin::Page {
            page, y, height, ..
        }) => Some((*page, y + height / 2.0)),
        _ => None,
    };
    match (previous, next) {
        (Some(p), Some(n)) => {
            let here = centre(origin);
            let (before, after) = (
                centre(rows[p].origin.as_ref()),
                centre(rows[n].origin.as_ref()),
            );
            match (here, before, after) {
                (Some((page, y)), Some((pb, yb)), Some((pa, ya))) if page == pb && page == pa => {
                    if (ya - y).abs() < (y - yb).abs() {
                        Some((n, false))
                    } else {
                        Some((p, true))
                    }
                }
                _ => Some((p, true)),
            }
        }
        (Some(p), None) => Some((p, true)),
        (None, Some(n)) => Some((n, false)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_filled_into_a_value_column_is_no_figure_there() {
        // An empty 总表 (the template): 二十二、灾害防治及应急管理支出 runs into the 决算数 column.
        let layout = HalfLayout {
            name_column: Some(0),
            value_columns: vec![1],
            ..HalfLayout::default()
        };
        let name = "二十二、灾害防治及应急管理支出";
        let row = vec![Cell::new(name, None), Cell::new(name, None)];
        let half = half_rows(&layout, &[row]);
        assert_eq!(half.rows[0].name, name);
        assert_eq!(half.rows[0].values[0].text, "");
        assert!(half.rows[0].values[0].value.is_none());
    }
}
