//! XLSX / XLS (and ODS) → one grid a sheet, via calamine, from bytes. Merged cells come back empty but for
//! their top-left cell: the text is filled across the merged range, as the recogniser expects.
//!
//! Workbook cells hold numbers as binary floats, not as printed. An XLSX cell's number format says how it
//! is printed (`#,##0.00` → two decimals, `0` → whole), and the float is shown so; without a format (XLS,
//! `General`), a sheet whose figures are not all whole shows them with two decimals (the precision budget
//! tables print), a sheet of whole numbers shows them whole. Cells saved as text keep their text exactly.

use std::io::{Cursor, Read, Seek};

use calamine::{open_workbook_auto_from_rs, Data, Dimensions, Range, Reader, Sheets, StyleRange};

use super::{ReadError, MAX_CELLS};
use crate::grid::{Cell, Grid, Origin};

/// The most bytes an XLSX may unpack to: a zip bomb says so in its directory and is refused unopened.
const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

pub fn read_workbook(name: &str, bytes: &[u8]) -> Result<Vec<Grid>, ReadError> {
    if bytes.starts_with(b"PK\x03\x04") {
        check_unpacked_size(name, bytes)?;
    }
    let failed = |sheet: Option<&str>, reason: String| ReadError::Workbook {
        name: name.to_string(),
        sheet: sheet.map(str::to_string),
        reason,
    };
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| failed(None, e.to_string()))?;
    let mut grids = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&sheet)
            .map_err(|e| failed(Some(&sheet), e.to_string()))?;
        let (height, width) = range.get_size();
        if height.saturating_mul(width) > MAX_CELLS {
            return Err(ReadError::TooManyCells {
                name: name.to_string(),
                sheet,
            });
        }
        let merged = merged_cells(&mut workbook, &sheet);
        let styles = match &mut workbook {
            Sheets::Xlsx(xlsx) => xlsx.worksheet_style(&sheet).ok(),
            _ => None,
        };
        grids.push(grid_of(&sheet, &range, &merged, styles.as_ref()));
    }
    Ok(grids)
}

/// Refuses an XLSX whose parts would unpack to more than [`MAX_UNPACKED_BYTES`].
fn check_unpacked_size(name: &str, bytes: &[u8]) -> Result<(), ReadError> {
    let refuse = |reason: String| ReadError::Workbook {
        name: name.to_string(),
        sheet: None,
        reason,
    };
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| refuse(e.to_string()))?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let file = archive
            .by_index_raw(index)
            .map_err(|e| refuse(e.to_string()))?;
        total = total.saturating_add(file.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(ReadError::TooManyCells {
            name: name.to_string(),
            sheet: format!("{total} bytes unpacked"),
        });
    }
    Ok(())
}

fn merged_cells<RS: Read + Seek>(workbook: &mut Sheets<RS>, sheet: &str) -> Vec<Dimensions> {
    match workbook {
        Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn grid_of(
    sheet: &str,
    range: &Range<Data>,
    merged: &[Dimensions],
    styles: Option<&StyleRange>,
) -> Grid {
    let (start_row, start_column) = range.start().unwrap_or((0, 0));
    let fractional = range
        .used_cells()
        .any(|(_, _, d)| matches!(d, Data::Float(f) if f.fract() != 0.0));
    let mut rows: Vec<Vec<Cell>> = range
        .rows()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, data)| {
                    let (row, column) = (start_row + r as u32, start_column + c as u32);
                    let format = styles
                        .and_then(|s| s.get((row, column)))
                        .and_then(number_format);
                    let origin = Origin::Sheet {
                        sheet: sheet.to_string(),
                        row,
                        column,
                    };
                    Cell::new(text_of(data, format, fractional), Some(origin))
                })
                .collect()
        })
        .collect();
    fill_merged(&mut rows, merged, (start_row, start_column));
    Grid {
        name: sheet.to_string(),
        rows,
    }
}

/// How a cell's number format prints: its decimals (`#,##0.00` → 2, `0` → 0) and whether it groups
/// thousands; `None` for `General` or no format.
fn number_format(style: &calamine::Style) -> Option<(usize, bool)> {
    let code = &style.number_format.as_ref()?.format_code;
    let first = code.split(';').next().unwrap_or("");
    if !first.contains('0') {
        return None;
    }
    let decimals = first.split_once('.').map_or(0, |(_, after)| {
        after.chars().take_while(|c| *c == '0').count()
    });
    Some((decimals, first.contains(',')))
}

fn text_of(data: &Data, format: Option<(usize, bool)>, fractional: bool) -> String {
    match (data, format) {
        (Data::Float(f), Some((decimals, grouped))) => {
            grouped_if(format!("{f:.decimals$}"), grouped)
        }
        (Data::Int(i), Some((decimals, grouped))) => {
            grouped_if(format!("{:.decimals$}", *i as f64), grouped)
        }
        (Data::Float(f), None) if fractional => format!("{f:.2}"),
        (Data::Float(f), None) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        (Data::Empty, _) => String::new(),
        (other, _) => other.to_string().trim().to_string(),
    }
}

/// `1234567.50` → `1,234,567.50` when the format groups thousands.
fn grouped_if(plain: String, grouped: bool) -> String {
    if !grouped {
        return plain;
    }
    let (sign, body) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |b| ("-", b));
    let (whole, fraction) = body
        .split_once('.')
        .map_or((body, None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    match fraction {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// Copies the top-left text of each merged range into its other cells.
fn fill_merged(rows: &mut [Vec<Cell>], merged: &[Dimensions], start: (u32, u32)) {
    for dims in merged {
        let at = |(r, c): (u32, u32)| (r.checked_sub(start.0), c.checked_sub(start.1));
        let (Some(r0), Some(c0)) = at(dims.start) else {
            continue;
        };
        let Some(text) = rows
            .get(r0 as usize)
            .and_then(|row| row.get(c0 as usize))
            .map(|c| c.text.clone())
        else {
            continue;
        };
        let (Some(r1), Some(c1)) = at(dims.end) else {
            continue;
        };
        for r in r0..=r1 {
            let Some(row) = rows.get_mut(r as usize) else {
                break;
            };
            for c in c0..=c1 {
                if let Some(cell) = row.get_mut(c as usize) {
                    if cell.is_blank() {
                        cell.text = text.clone();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_as_their_number_format_says() {
        assert_eq!(
            text_of(&Data::Float(2940.05), Some((2, true)), false),
            "2,940.05"
        );
        assert_eq!(text_of(&Data::Float(0.0), Some((2, false)), false), "0.00");
        assert_eq!(
            text_of(&Data::Float(12604173.0), Some((0, true)), true),
            "12,604,173"
        );
        assert_eq!(
            text_of(&Data::Float(-1234.5), Some((2, true)), false),
            "-1,234.50"
        );
        assert_eq!(text_of(&Data::Float(6.2), None, true), "6.20");
        assert_eq!(text_of(&Data::Float(156211123.0), None, false), "156211123");
    }
}
