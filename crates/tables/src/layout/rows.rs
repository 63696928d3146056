//! Words → rows. A row is a baseline, widened by two quirks of published tables:
//! - top-aligned cells: a figure printed up to 0.8 em above the baseline of the label drawn just before
//!   it (in content order) belongs to that label's row;
//! - wrapped cells: a line holding only text in one or two columns, within 1.6 em of a fuller line,
//!   is the continuation of a cell of the nearest fuller line (a name wrapped above and/or below).

use super::columns::{span_of, Column, Span};

use super::words::Word;

/// A figure or a code: digits with separators, sign, decimal point, percent; or a dash for "none".
/// A list marker such as `1.` or `2、` is not a figure.
pub fn is_figure(text: &str) -> bool {
    let dash = matches!(text, "-" | "—" | "－" | "--" | "——");
    let marker = text.ends_with(['.', '．', '、']);
    dash || (!marker
        && text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || ",.-+%，．".contains(c)))
}

/// One row: its words (indices into the page's words) and the baseline it was built around.
#[derive(Debug, Clone)]
pub struct Row {
    pub y: f32,
    pub words: Vec<usize>,
}

pub(crate) struct Line {
    pub words: Vec<usize>,
    y: f32,
    columns: Vec<usize>,
    text_only: bool,
}

pub(crate) fn lines(words: &[Word], anchors: &[f32], spans: &[Span]) -> Vec<Line> {
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by(|&a, &b| {
        anchors[a]
            .total_cmp(&anchors[b])
            .then(words[a].x.total_cmp(&words[b].x))
    });
    let mut out: Vec<Line> = Vec::new();
    for i in order {
        let tolerance = 0.25 * words[i].h.max(1.0);
        match out.last_mut() {
            Some(line) if anchors[i] - line.y <= tolerance => line.words.push(i),
            _ => out.push(Line {
                y: anchors[i],
                words: vec![i],
                columns: Vec::new(),
                text_only: true,
            }),
        }
    }
    for line in &mut out {
        line.text_only = line.words.iter().all(|&i| !is_figure(&words[i].text));
        let mut columns: Vec<usize> = line
            .words
            .iter()
            .flat_map(|&i| spans[i].first..=spans[i].last)
            .collect();
        columns.sort_unstable();
        columns.dedup();
        line.columns = columns;
    }
    out
}

/// Wrapped cells. Words drawn one after another (content order), in one column, on successive lines
/// at most 1.6 em apart, each but the last filling the column to its right edge, are one cell's lines.
/// Such a block belongs to the line at its vertical centre (a cell centred on its row), else to its
/// first or last line where other cells sit (top- or bottom-aligned), else to its first line (a row of
/// its own). Returns the line each word ends up on.
fn fold_wrapped(words: &[Word], spans: &[Span], lines: &[Line]) -> Vec<usize> {
    let columns = spans.iter().map(|s| s.last + 1).max().unwrap_or(0);
    let mut right_edge = vec![f32::MIN; columns];
    for (word, span) in words.iter().zip(spans) {
        if span.first == span.last {
            right_edge[span.first] = right_edge[span.first].max(word.right());
        }
    }
    let mut line_of = vec![0; words.len()];
    for (l, line) in lines.iter().enumerate() {
        for &i in &line.words {
            line_of[i] = l;
        }
    }
    let mut target = line_of.clone();
    let mut start = 0;
    while start < words.len() {
        let mut end = start + 1;
        while end < words.len() && continues(words, spans, &line_of, &right_edge, end - 1, end) {
            end += 1;
        }
        if end - start >= 2 {
            if let Some(home) = block_home(words, lines, &line_of, start..end) {
                for t in &mut target[start..end] {
                    *t = home;
                }
            }
        }
        start = end;
    }
    target
}

fn continues(
    words: &[Word],
    spans: &[Span],
    line_of: &[usize],
    right_edge: &[f32],
    a: usize,
    b: usize,
) -> bool {
    let (wa, wb) = (&words[a], &words[b]);
    let gap = wb.y - wa.y;
    // Wrapped only if the next line's first character would not have fitted on this one.
    let first_width = if wb.text.chars().next().is_some_and(super::words::is_wide) {
        wb.h
    } else {
        0.5 * wb.h
    };
    let full = wa.right() + first_width > right_edge[spans[a].first] + 0.1 * wa.h;
    // A line opening with list numbering (`十五、`, `2.`, `（三）`) is the next item, never a wrapped line.
    let numbered = crate::text::strip_numbering(&wb.text).1 > 0;
    full && !numbered
        && !is_figure(&wa.text)
        && !is_figure(&wb.text)
        && spans[a].first == spans[b].first
        && line_of[b] != line_of[a]
        && gap > 0.25 * wa.h
        && gap <= 1.6 * wa.h
}

fn block_home(
    words: &[Word],
    lines: &[Line],
    line_of: &[usize],
    block: std::ops::Range<usize>,
) -> Option<usize> {
    // The centre line must hold other cells: a block alone on its lines is a row by itself.
    let first = &words[block.start];
    let last = &words[block.end - 1];
    let centre = (first.y + last.y) / 2.0;
    let others = |l: usize| lines[l].words.iter().any(|i| !block.contains(i));
    let centred = lines
        .iter()
        .enumerate()
        .filter(|(l, line)| (line.y - centre).abs() <= 0.3 * first.h && others(*l))
        .map(|(l, _)| l)
        .next();
    let (first_line, last_line) = (line_of[block.start], line_of[block.end - 1]);
    centred
        .or_else(|| others(first_line).then_some(first_line))
        .or_else(|| others(last_line).then_some(last_line))
        .or(Some(first_line))
}

/// Words on lines with two or more figures (a table's body, whose words make the columns); the lines.
pub fn data_lines(words: &[Word]) -> (Vec<bool>, Vec<Vec<usize>>) {
    let baselines: Vec<f32> = words.iter().map(|w| w.y).collect();
    let no_spans = vec![Span { first: 0, last: 0 }; words.len()];
    let mut data = vec![false; words.len()];
    let lines = lines(words, &baselines, &no_spans);
    for line in &lines {
        let figures = line
            .words
            .iter()
            .filter(|&&i| is_figure(&words[i].text))
            .count();
        if figures >= 2 {
            for &i in &line.words {
                data[i] = true;
            }
        }
    }
    (data, lines.into_iter().map(|l| l.words).collect())
}

/// A figure printed 0.25–0.8 em above the row of the label drawn just before it (content order) is a
/// top-aligned cell of that row: move it there.
fn move_top_aligned(words: &[Word], rows: &mut [Row]) {
    let mut row_of = vec![0; words.len()];
    for (r, row) in rows.iter().enumerate() {
        for &i in &row.words {
            row_of[i] = r;
        }
    }
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by_key(|&i| words[i].order);
    let mut last_label: Option<usize> = None;
    let mut moves = Vec::new();
    for i in order {
        let word = &words[i];
        if !is_figure(&word.text) {
            last_label = Some(i);
            continue;
        }
        let Some(label) = last_label else { continue };
        let target = row_of[label];
        let below = rows[target].y - word.y;
        if target != row_of[i] && below > 0.25 * word.h && below <= 0.8 * word.h {
            moves.push((i, row_of[i], target));
        }
    }
    for (i, from, to) in moves {
        rows[from].words.retain(|&w| w != i);
        rows[to].words.push(i);
    }
}

/// A row of figures only (codes, amounts) within 0.8 em above a row whose columns it does not share is
/// that row's top-aligned cells: 301 | 01 printed at the top of a row whose name is centred.
fn merge_figure_lines(words: &[Word], spans: &[Span], rows: &mut Vec<Row>) {
    let columns = |row: &Row| -> Vec<usize> {
        row.words
            .iter()
            .flat_map(|&i| spans[i].first..=spans[i].last)
            .collect()
    };
    let mut i = 0;
    while i + 1 < rows.len() {
        let (upper, lower) = (&rows[i], &rows[i + 1]);
        let em = upper.words.iter().map(|&w| words[w].h).fold(1.0, f32::max);
        let figures_only = upper.words.iter().all(|&w| is_figure(&words[w].text));
        let near = lower.y - upper.y <= 0.8 * em;
        let lower_columns = columns(lower);
        let disjoint = columns(upper).iter().all(|c| !lower_columns.contains(c));
        if figures_only && near && disjoint {
            let moved = std::mem::take(&mut rows[i].words);
            rows[i + 1].words.extend(moved);
            rows.remove(i);
        } else {
            i += 1;
        }
    }
}

pub fn rows(words: &[Word], columns: &[Column]) -> (Vec<Row>, Vec<Span>) {
    let spans: Vec<Span> = words.iter().map(|w| span_of(w, columns)).collect();
    let baselines: Vec<f32> = words.iter().map(|w| w.y).collect();
    let lines = lines(words, &baselines, &spans);
    let target = fold_wrapped(words, &spans, &lines);
    let mut rows: Vec<Row> = lines
        .iter()
        .map(|l| Row {
            y: l.y,
            words: Vec::new(),
        })
        .collect();
    for (i, &t) in target.iter().enumerate() {
        rows[t].words.push(i);
    }
    move_top_aligned(words, &mut rows);
    rows.retain(|r| !r.words.is_empty());
    merge_figure_lines(words, &spans, &mut rows);
    (rows, spans)
}
