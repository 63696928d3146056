//! A table whose header is two lines: columns printed once over both lines, and a group over the columns
//! printed on the second line under it. Two common layouts of budget tables:
//!
//! ```text
//! 项目 | 2019年决算数 | 2020年预算调整数 | 2020年执行数 |
//! 金额 | 占调整预算% | 比上年增长% |
//! 税收收入 | 401 | 431 | 431 | 100 | 7.48 |
//! ```
//!
//! the year's amount spanning its figure and the rates of it (the completion rate and the growth are the
//! amount's: the group is the column the first line names the amount, its `金额` that amount); and a period
//! split,
//!
//! ```text
//! 项目 | 预算数 | 本月 | 累计 |
//! 金额 | 增长% | 金额 | 增长% |
//! 税收收入 | 900 | 80 | 5.0 | 450 | 6.1 |
//! ```
//!
//! each period's group over the same columns: the year to date's are read (its `金额` the amount), the
//! current period's fill their places and are not taken (see [`columns`]'s period split).
//!
//! The columns are those of the first line, each group replaced by its sub-columns, in order. Rows are read as
//! in a table of one header line ([`rows`]); a row printing fewer numbers is placed only where its empty cells
//! kept their borders ([`with_empty_cells`]); otherwise it is left out and its parent partial.

use budget_lens_core::report::{Node, Span};
use rust_decimal::Decimal;

use super::cells::{cell_lines, Cell, Number};
use super::columns::{self, Columns, Role};
use super::rows;

/// The nodes of a table with a two-line header of columns and groups, or `None` when `cells` are not one.
pub fn nodes(chars: &[char], cells: &[Cell], prefix: &str) -> Option<Vec<Node>> {
    let words = cells.iter().take_while(|c| c.number.is_none()).count();
    let lines = cell_lines(chars, &cells[..words]);
    let [first, second, first_label @ ..] = &lines[..] else {
        return None;
    };
    if first_label.len() > 1 {
        return None;
    }
    let texts = |line: &[Cell]| -> Vec<String> { line.iter().map(|c| c.text.clone()).collect() };
    let columns = header(&texts(first), &texts(second))?;
    let body = &cells[words - first_label.first().map_or(0, |l| l.len())..];
    let body = with_empty_cells(chars, body, columns.named.len());
    let body = as_rates(chars, &body, &columns.named);
    let nodes = rows::nodes(&body, &columns, prefix);
    (!nodes.is_empty()).then_some(nodes)
}

/// The columns of a two-line header: the first line's (after a corner word) with each group replaced by the
/// second line's columns under it; `None` unless every column is named and read.
fn header(first: &[String], second: &[String]) -> Option<Columns> {
    let first = match first.first() {
        Some(corner) if !columns::names_a_column(corner) && !columns::is_period_group(corner) => {
            &first[1..]
        }
        _ => first,
    };
    if second.len() < 2 || !second.iter().all(|w| columns::names_a_column(w)) {
        return None;
    }
    let flat = match first.iter().any(|w| columns::is_period_group(w)) {
        true => by_periods(first, second)?,
        false => by_amount_group(first, second)?,
    };
    let words: Vec<&str> = flat.iter().map(String::as_str).collect();
    let columns = columns::read(&words).filter(|c| c.named.len() == words.len())?;
    // The second line names every column: no rate column is assumed after them.
    Some(Columns {
        named: columns.named,
        assumed: Vec::new(),
    })
}

/// A period split: each period's group over the same columns (the second line those columns once per group).
/// The year to date's amount word becomes `累计金额`; the current period's columns `当期` (not taken).
fn by_periods(first: &[String], second: &[String]) -> Option<Vec<String>> {
    let groups = first.iter().filter(|w| columns::is_period_group(w)).count();
    let width = second.len() / groups;
    let under = second.get(..width)?;
    let repeated = second.chunks(width).all(|chunk| chunk == under);
    if width < 2 || second.len() % groups != 0 || !repeated {
        return None;
    }
    let mut flat = Vec::new();
    for word in first {
        match columns::period_column(word) {
            Some(role) if columns::is_period_group(word) => {
                flat.extend(under.iter().map(|sub| period_sub(word, role, sub)))
            }
            _ => flat.push(word.clone()),
        }
    }
    Some(flat)
}

/// A column under a period's group, as one word: the period's figure (`累计` + `金额`), a rate of the year to
/// date as printed, any column of another period `当期` (not taken).
fn period_sub(period: &str, role: Role, sub: &str) -> String {
    match (role, is_figure(sub)) {
        (Role::Amount | Role::Prior, true) => format!("{period}{sub}"),
        (Role::Amount, false) => sub.to_string(),
        _ => "当期".to_string(),
    }
}

/// The year's amount spanning its figure and rates: the first line read alone names one amount column (the
/// group), the second line one figure (`金额`, that amount) and rates or changes. The figure's word becomes
/// the group's own (`2020年执行数`).
fn by_amount_group(first: &[String], second: &[String]) -> Option<Vec<String>> {
    let words: Vec<&str> = first.iter().map(String::as_str).collect();
    let alone = columns::read(&words).filter(|c| c.named.len() == words.len())?;
    let group = alone.named.iter().position(|&r| r == Role::Amount)?;
    if second.iter().filter(|w| is_figure(w)).count() != 1 {
        return None;
    }
    let subs = second.iter().map(|sub| match is_figure(sub) {
        true => first[group].clone(),
        false => sub.clone(),
    });
    let mut flat: Vec<String> = first[..group].to_vec();
    flat.extend(subs);
    flat.extend(first[group + 1..].iter().cloned());
    Some(flat)
}

/// `金额`, `执行数`: a column of figures (not a rate nor a change).
fn is_figure(word: &str) -> bool {
    columns::read(&[word]).is_some_and(|c| c.named == [Role::Amount])
}

/// The cells of a `|`-separated table's rows with an empty cell (`房产税 | 1 | 1 | 1 | 100 | |`) as blank
/// numbers, so each number keeps its column: only for a row of one label and fewer numbers than `width`
/// whose borders count exactly `width` cells after the label. Any other row is as printed (a row whose empty
/// cells lost their place, `3.财政补贴收入 | 0.00 | 100.00% | ||||||`, is left out by the row reader).
pub(super) fn with_empty_cells(chars: &[char], cells: &[Cell], width: usize) -> Vec<Cell> {
    let lines = cell_lines(chars, cells);
    let mut out = Vec::with_capacity(cells.len());
    for (k, line) in lines.iter().enumerate() {
        let line_end = lines
            .get(k + 1)
            .and_then(|next| next.first())
            .map_or(chars.len(), |c| c.at.start);
        match filled(chars, line, line_end, width) {
            Some(row) => out.extend(row),
            None => out.extend(line.iter().cloned()),
        }
    }
    out
}

/// A row's cells with a blank number for each empty cell between borders, or `None` when the row is not one
/// label then numbers, has all its numbers, or its borders do not count `width` cells after the label.
fn filled(chars: &[char], line: &[Cell], line_end: usize, width: usize) -> Option<Vec<Cell>> {
    let (label, numbers) = line.split_first()?;
    let numbers_only = numbers.iter().all(|c| c.number.is_some());
    if label.number.is_some() || numbers.is_empty() || !numbers_only || numbers.len() >= width {
        return None;
    }
    let mut row = vec![label.clone()];
    let mut count = 0;
    for (k, cell) in line.iter().enumerate() {
        let gap_end = line.get(k + 1).map_or(line_end, |next| next.at.start);
        let gap = &chars[cell.at.end..gap_end];
        let gap = &gap[..gap.iter().position(|&c| c == '\n').unwrap_or(gap.len())];
        let bars = gap.iter().filter(|&&c| c == '|').count();
        if k > 0 {
            row.push(cell.clone());
            count += 1;
        }
        // After the last cell, the line's closing border is no cell.
        let empty = bars.saturating_sub(1);
        count += empty;
        row.extend((0..empty).map(|_| blank(cell.at.end)));
    }
    // The last cell's gap counted the empty cells after it and its closing border.
    (count == width).then_some(row)
}

/// The rows' numbers under a rate column read as rates (the header says so when a cell has no `%`), in
/// rows of one label and exactly as many numbers as columns.
fn as_rates(chars: &[char], cells: &[Cell], roles: &[Role]) -> Vec<Cell> {
    let mut out = Vec::with_capacity(cells.len());
    for line in cell_lines(chars, cells) {
        let full = line.len() == roles.len() + 1 && line.iter().skip(1).all(|c| c.number.is_some());
        let start = out.len();
        out.extend(line.iter().cloned());
        if !full {
            continue;
        }
        for (cell, role) in out[start + 1..].iter_mut().zip(roles) {
            if let Some(n) = cell.number.as_mut() {
                n.percent |= role.is_rate() && !n.blank;
            }
        }
    }
    out
}

/// An empty cell at `at`: a blank number, filling its column with nothing.
fn blank(at: usize) -> Cell {
    Cell {
        text: String::new(),
        at: Span { start: at, end: at },
        number: Some(Number {
            value: Decimal::ZERO,
            percent: false,
            blank: true,
        }),
        before_empty_cells: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table_text::cells::cells;

    fn read(text: &str) -> Option<Vec<Node>> {
        let chars: Vec<char> = text.chars().collect();
        nodes(&chars, &cells(&chars, 0, chars.len()), "t_row")
    }

    fn shown(node: &Node) -> String {
        let value = |a: Option<budget_lens_core::report::Amount>| a.map(|a| a.0.to_string());
        format!(
            "{} {} p{:?} b{:?} c{:?} g{:?}",
            node.label,
            node.amount.0,
            value(node.prior),
            value(node.budget),
            value(node.completion_pct),
            value(node.change_pct)
        )
    }

    #[test]
    fn the_amount_spans_its_rates() {
        let table = "项 目 | 2022年决算数 | 2023年调整预算数 | 2023年执行数 | ||\n\
                     金额 | 占调整预算% | 比上年增长% | |||\n\
                     一、税收收入 | 50 | 60 | 55 | 91.7 | 10.0 |\n\
                     1.契税 | 5 | 6 | 5 | 83.3 | |\n";
        let nodes = read(table).unwrap();
        assert_eq!(
            shown(&nodes[0]),
            "税收收入 55 pSome(\"50\") bSome(\"60\") cSome(\"91.7\") gSome(\"10.0\")"
        );
        assert_eq!(
            shown(&nodes[0].items[0]),
            "契税 5 pSome(\"5\") bSome(\"6\") cSome(\"83.3\") gNone"
        );
    }

    #[test]
    fn the_year_to_date_of_a_period_split() {
        let table = "项目 | 预算数 | 本月 | 累计 |\n金额 | 增长% | 金额 | 增长% |\n\
                     税收收入 | 900 | 80 | 5.0 | 450 | 6.1 |\n增值税 | 400 | 30 | 2.0 | 200 | 3.0 |\n";
        let nodes = read(table).unwrap();
        assert_eq!(
            shown(&nodes[0]),
            "税收收入 450 pNone bSome(\"900\") cNone gSome(\"6.1\")"
        );
        assert_eq!(nodes.len(), 2);
    }

    #[test]
    fn rows_whose_cells_cannot_be_aligned_are_left_out() {
        // Empty cells padded at the line's end: which columns the two numbers are in cannot be told.
        let table =
            "项目 | 2022年决算数 | 2023年预算数 | 2023年执行数 | |\n金额 | 占预算% | 增长% | ||\n\
                     一、收入合计 | 50 | 60 | 55 | 91.7 | 10.0 |\n1.利息收入 | 0.00 | 100% | |||\n\
                     2.其他收入 | 50 | 60 | 55 | 91.7 | 10.0 |\n";
        let nodes = read(table).unwrap();
        assert!(nodes[0].partial);
        assert_eq!(nodes[0].items.len(), 1);
        // A second line that is not the group's columns.
        let other = "项目 | 2022年决算数 | 2023年执行数 |\n说明 | 备注 |\n收入 | 5 | 6 | 7 |\n";
        assert!(read(other).is_none());
    }
}
