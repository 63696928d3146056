//! HTML → one grid a `<table>`: a saved page or HTML pasted from the clipboard (a spreadsheet or a web page
//! copied). Cells spanning rows or columns (`rowspan`, `colspan`) are filled across, like merged cells. The
//! text before a table (a heading with its title) is put above it as a row, so that the title is found.
//! `tl` is used: small and fast, it does not run scripts or fetch anything.

use super::csv::decode;
use super::{ReadError, MAX_CELLS};
use crate::grid::{Cell, Grid, Origin};

/// Lines before a table that can hold its title and unit: a title is short.
const MAX_LINE_CHARS: usize = 80;
const MAX_LINES_BEFORE: usize = 4;

/// The widest span honoured: more is a broken page, not a budget table.
const MAX_SPAN: usize = 64;

pub fn read_html(name: &str, bytes: &[u8]) -> Result<Vec<Grid>, ReadError> {
    let text = decode(name, bytes)?;
    let dom =
        tl::parse(&text, tl::ParserOptions::default()).map_err(|_| ReadError::NoHtmlTable {
            name: name.to_string(),
        })?;
    let parser = dom.parser();
    let mut grids = Vec::new();
    let mut cells = 0usize;
    let tables: Vec<tl::NodeHandle> = dom
        .query_selector("table")
        .map(|q| q.collect())
        .unwrap_or_default();
    for (index, handle) in tables.iter().enumerate() {
        let Some(table) = handle.get(parser).and_then(|n| n.as_tag()) else {
            continue;
        };
        let sheet = if tables.len() == 1 {
            name.to_string()
        } else {
            format!("{name} #{}", index + 1)
        };
        let rows = table_rows(table, parser, &sheet);
        cells += rows.iter().map(Vec::len).sum::<usize>();
        if cells > MAX_CELLS {
            return Err(ReadError::TooManyCells {
                name: name.to_string(),
                sheet,
            });
        }
        let mut grid_rows: Vec<Vec<Cell>> = Vec::new();
        let since = index
            .checked_sub(1)
            .map(|i| tables[i].get_inner() as usize + 1)
            .unwrap_or(0);
        for line in lines_before(&dom, since, handle.get_inner() as usize) {
            grid_rows.push(vec![Cell::new(line, None)]);
        }
        if let Some(caption) = caption_of(table, parser) {
            grid_rows.push(vec![Cell::new(caption, None)]);
        }
        grid_rows.extend(rows);
        grids.push(Grid {
            name: sheet,
            rows: grid_rows,
        });
    }
    if grids.is_empty() {
        return Err(ReadError::NoHtmlTable {
            name: name.to_string(),
        });
    }
    Ok(grids)
}

/// Short lines of text between the previous table and this one (a heading with the table's title, a
/// unit line), so that the recogniser finds them above the table as it does on a page.
fn lines_before(dom: &tl::VDom, from: usize, to: usize) -> Vec<String> {
    let parser = dom.parser();
    let mut lines = Vec::new();
    for node in dom.nodes().get(from..to).unwrap_or(&[]) {
        let Some(tag) = node.as_tag() else { continue };
        let name = tag.name().as_utf8_str().to_ascii_lowercase();
        if !matches!(
            name.as_str(),
            "h1" | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "p"
                | "caption"
                | "div"
                | "span"
                | "strong"
                | "b"
        ) {
            continue;
        }
        let text = clean(&tag.inner_text(parser));
        if !text.is_empty() && text.chars().count() <= MAX_LINE_CHARS && !lines.contains(&text) {
            lines.push(text);
        }
    }
    lines.split_off(lines.len().saturating_sub(MAX_LINES_BEFORE))
}

fn caption_of(table: &tl::HTMLTag, parser: &tl::Parser) -> Option<String> {
    let caption = table.query_selector(parser, "caption")?.next()?;
    let text = clean(&caption.get(parser)?.inner_text(parser));
    (!text.is_empty()).then_some(text)
}

/// The rows of a table with spans filled: a cell spanning rows is carried down into the rows below.
fn table_rows(table: &tl::HTMLTag, parser: &tl::Parser, sheet: &str) -> Vec<Vec<Cell>> {
    let mut rows: Vec<Vec<Option<Cell>>> = Vec::new();
    let Some(trs) = table.query_selector(parser, "tr") else {
        return Vec::new();
    };
    for (r, tr) in trs.enumerate() {
        let Some(tr) = tr.get(parser).and_then(|n| n.as_tag()) else {
            continue;
        };
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        let mut column = 0usize;
        for child in tr.children().top().iter() {
            let Some(td) = child.get(parser).and_then(|n| n.as_tag()) else {
                continue;
            };
            let tag = td.name().as_utf8_str().to_ascii_lowercase();
            if tag != "td" && tag != "th" {
                continue;
            }
            while rows[r].get(column).is_some_and(Option::is_some) {
                column += 1;
            }
            let text = clean(&td.inner_text(parser));
            let (rowspan, colspan) = (span(td, "rowspan"), span(td, "colspan"));
            for dr in 0..rowspan {
                if rows.len() <= r + dr {
                    rows.resize(r + dr + 1, Vec::new());
                }
                for dc in 0..colspan {
                    let row = &mut rows[r + dr];
                    if row.len() <= column + dc {
                        row.resize(column + dc + 1, None);
                    }
                    let origin = Origin::Sheet {
                        sheet: sheet.to_string(),
                        row: r as u32,
                        column: column as u32,
                    };
                    row[column + dc] = Some(Cell::new(text.clone(), Some(origin)));
                }
            }
            column += colspan;
        }
    }
    rows.into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| c.unwrap_or_else(|| Cell::new("", None)))
                .collect()
        })
        .collect()
}

fn span(td: &tl::HTMLTag, attribute: &str) -> usize {
    td.attributes()
        .get(attribute)
        .flatten()
        .and_then(|v| v.as_utf8_str().trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_SPAN)
}

/// Cell text with the common entities decoded and whitespace collapsed.
fn clean(text: &str) -> String {
    let decoded = text
        .replace("&nbsp;", " ")
        .replace("&#160;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}
