//! Columns of a page from where its body words sit. Only words on data lines (two or more figures: a
//! table's body) make columns; headings, wrapped names and narrative are then placed into them. Narrow
//! words go first: each starts a column or widens the one it overlaps; a word overlapping two or more
//! columns spans them (a merged cell). So a merged header never fuses columns, and right-aligned figures
//! of different widths still fall into one column.

use super::rows::is_figure;
use super::words::Word;

/// A column's horizontal extent, left to right.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Column {
    pub x0: f32,
    pub x1: f32,
}

/// Which columns a word covers: `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: usize,
    pub last: usize,
}

/// Two extents overlap when they share more than a sliver (a quarter of the smaller's em).
fn overlaps(a0: f32, a1: f32, b0: f32, b1: f32, slack: f32) -> bool {
    a0 < b1 - slack && b0 < a1 - slack
}

/// Places words (narrowest first) into `columns`: a word overlapping no column starts one, a word
/// overlapping one widens it unless that would run into a neighbour, a word overlapping more spans them.
fn place(columns: &mut Vec<Column>, mut order: Vec<&Word>) {
    order.sort_by(|a, b| a.w.total_cmp(&b.w));
    for word in order {
        let slack = 0.1 * word.h;
        let hit: Vec<usize> = (0..columns.len())
            .filter(|&i| overlaps(word.x, word.right(), columns[i].x0, columns[i].x1, slack))
            .collect();
        match hit.as_slice() {
            [] => columns.push(Column {
                x0: word.x,
                x1: word.right(),
            }),
            [only] => {
                let widened = Column {
                    x0: columns[*only].x0.min(word.x),
                    x1: columns[*only].x1.max(word.right()),
                };
                let clash = columns.iter().enumerate().any(|(i, c)| {
                    i != *only && overlaps(widened.x0, widened.x1, c.x0, c.x1, slack)
                });
                if !clash {
                    columns[*only] = widened;
                }
            }
            _ => {}
        }
    }
    columns.sort_by(|a, b| a.x0.total_cmp(&b.x0));
}

/// Columns from the body words first; then words in no column yet (headers over empty columns) add
/// theirs. A header-only column next to a body column without a header of its own is that column's header
/// (a centred 基本支出 over right-aligned zeros): the two are merged.
pub fn columns(words: &[Word], makes_columns: &[bool]) -> Vec<Column> {
    let mut body = Vec::new();
    place(
        &mut body,
        words
            .iter()
            .zip(makes_columns)
            .filter(|(_, m)| **m)
            .map(|(w, _)| w)
            .collect(),
    );
    let headers: Vec<&Word> = words
        .iter()
        .zip(makes_columns)
        .filter(|(_, m)| !**m)
        .map(|(w, _)| w)
        .collect();
    let mut all = body.clone();
    place(
        &mut all,
        headers
            .iter()
            .copied()
            .filter(|w| !body.iter().any(|c| covers(w, c)))
            .collect(),
    );
    merge_headers_into_body(&all, &body, &headers)
}

fn covers(word: &Word, column: &Column) -> bool {
    overlaps(word.x, word.right(), column.x0, column.x1, 0.1 * word.h)
}

/// Each header-only column (no body word, no figure: top-aligned figures make columns too) joins the body
/// column beside it that has no header of its own: the one after it (a centred header is left of the
/// right-aligned figures under it), else the one before. A group label spanning several columns (公务用车
/// 购置及运行费 over 小计 | 购置费 | 运行费) is no column's own header.
fn merge_headers_into_body(all: &[Column], body: &[Column], headers: &[&Word]) -> Vec<Column> {
    let is_body = |c: &Column| body.contains(c);
    let own_header = |c: &Column| {
        headers
            .iter()
            .any(|w| covers(w, c) && all.iter().filter(|o| covers(w, o)).count() == 1)
    };
    let header_only =
        |c: &Column| !is_body(c) && !headers.iter().any(|w| is_figure(&w.text) && covers(w, c));
    let bare_body = |j: usize| all.get(j).is_some_and(|c| is_body(c) && !own_header(c));
    let mut merged: Vec<Column> = Vec::with_capacity(all.len());
    let mut i = 0;
    while i < all.len() {
        let column = all[i];
        if header_only(&column) && bare_body(i + 1) {
            merged.push(Column {
                x0: column.x0,
                x1: all[i + 1].x1,
            });
            i += 2;
            continue;
        }
        let previous = i.checked_sub(1).and_then(|j| all.get(j));
        let widens_previous = header_only(&column) && i > 0 && bare_body(i - 1);
        if let Some(last) = merged
            .last_mut()
            .filter(|last| widens_previous && previous == Some(&**last))
        {
            last.x1 = column.x1;
            i += 1;
            continue;
        }
        merged.push(column);
        i += 1;
    }
    merged
}

/// Adjacent columns that no line ever fills separately but some body word bridges are one column (a
/// name column whose short names and centred 合计 sit apart): merge them. So are two columns without
/// figures on a page with figures when they hold one wrapped, centred header: some of its lines span
/// just the two, and the short lines (`预`, `款`) that made a column each sit next to such a line.
pub fn merge_bridged(
    columns: &mut Vec<Column>,
    words: &[Word],
    in_table_line: &[bool],
    data: &[bool],
    lines: &[Vec<usize>],
) {
    let figures_on_page = data.iter().any(|d| *d);
    loop {
        let spans: Vec<Span> = words.iter().map(|w| span_of(w, columns)).collect();
        let candidate = (0..columns.len().saturating_sub(1)).find(|&c| {
            let bridged_by_body = spans
                .iter()
                .zip(in_table_line)
                .any(|(s, b)| *b && s.first <= c && s.last > c);
            let one_header = figures_on_page && one_wrapped_header(words, &spans, data, c);
            (bridged_by_body || one_header) && !apart(&spans, lines, c)
        });
        let Some(c) = candidate else { return };
        columns[c].x1 = columns[c].x1.max(columns[c + 1].x1);
        columns.remove(c + 1);
    }
}

/// Whether columns `c` and `c + 1` hold no figure and only the lines of one wrapped header: lines spanning
/// both, and lines in one of them within 1.6 em of a line spanning both.
fn one_wrapped_header(words: &[Word], spans: &[Span], data: &[bool], c: usize) -> bool {
    let touches = |s: &Span| s.first <= c + 1 && s.last >= c;
    let mut bridging = Vec::new();
    let mut own = Vec::new();
    for ((word, span), in_data) in words.iter().zip(spans).zip(data) {
        if !touches(span) {
            continue;
        }
        if *in_data || is_figure(&word.text) {
            return false;
        }
        match (span.first, span.last) {
            (f, l) if f == c && l == c + 1 => bridging.push(word),
            (f, l) if f == l => own.push(word),
            _ => {}
        }
    }
    !bridging.is_empty()
        && !own.is_empty()
        && own
            .iter()
            .all(|w| bridging.iter().any(|b| (b.y - w.y).abs() <= 1.6 * w.h))
}

/// Whether some line has a word ending in column `c` and another starting in `c + 1`.
fn apart(spans: &[Span], lines: &[Vec<usize>], c: usize) -> bool {
    lines.iter().any(|line| {
        let left = line
            .iter()
            .any(|&i| spans[i].first <= c && spans[i].last == c);
        let right = line.iter().any(|&i| spans[i].first == c + 1);
        left && right
    })
}

/// The columns a word covers; a word between columns goes to the nearest one.
pub fn span_of(word: &Word, columns: &[Column]) -> Span {
    let slack = 0.1 * word.h;
    let hit: Vec<usize> = (0..columns.len())
        .filter(|&i| overlaps(word.x, word.right(), columns[i].x0, columns[i].x1, slack))
        .collect();
    match (hit.first(), hit.last()) {
        (Some(&first), Some(&last)) => Span { first, last },
        _ => {
            let centre = word.x + word.w / 2.0;
            let nearest = (0..columns.len())
                .min_by(|&a, &b| {
                    distance(centre, columns[a]).total_cmp(&distance(centre, columns[b]))
                })
                .unwrap_or(0);
            Span {
                first: nearest,
                last: nearest,
            }
        }
    }
}

fn distance(x: f32, c: Column) -> f32 {
    if x < c.x0 {
        c.x0 - x
    } else if x > c.x1 {
        x - c.x1
    } else {
        0.0
    }
}
