//! CSV → one grid. Excel and WPS save CSV as UTF-8 (often with a BOM) or, on Chinese systems, as GBK;
//! "Unicode text" is UTF-16 with tabs. The encoding is told by the BOM, else UTF-8 if the bytes are valid
//! UTF-8, else GB18030 (a superset of GBK) if they decode without error; anything else is refused.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

use super::{ReadError, MAX_CELLS};
use crate::grid::{Cell, Grid, Origin};

pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Grid, ReadError> {
    let text = decode(name, bytes)?;
    let delimiter = sniff_delimiter(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0usize;
    for (row_index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ReadError::Csv {
            name: name.to_string(),
            line: e
                .position()
                .map(|p| p.line())
                .unwrap_or(row_index as u64 + 1),
            reason: e.to_string(),
        })?;
        cells += record.len();
        if cells > MAX_CELLS {
            return Err(ReadError::TooManyCells {
                name: name.to_string(),
                sheet: name.to_string(),
            });
        }
        let row = record
            .iter()
            .enumerate()
            .map(|(column, text)| {
                let origin = Origin::Sheet {
                    sheet: name.to_string(),
                    row: row_index as u32,
                    column: column as u32,
                };
                Cell::new(text.trim(), Some(origin))
            })
            .collect();
        rows.push(row);
    }
    Ok(Grid {
        name: name.to_string(),
        rows,
    })
}

/// The text of the bytes, by BOM, then UTF-8, then GB18030.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, ReadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(name, rest);
    }
    for (bom, encoding) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if bytes.starts_with(bom) {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[2..]);
            return if had_errors {
                Err(unknown(name, bytes, 0))
            } else {
                Ok(text.into_owned())
            };
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        let valid = std::str::from_utf8(bytes)
            .map_err(|e| e.valid_up_to())
            .err()
            .unwrap_or(0);
        return Err(unknown(name, bytes, valid));
    }
    Ok(text.into_owned())
}

fn utf8(name: &str, bytes: &[u8]) -> Result<String, ReadError> {
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|e| unknown(name, bytes, e.valid_up_to()))
}

fn unknown(name: &str, bytes: &[u8], at: usize) -> ReadError {
    let line = bytes[..at.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1;
    ReadError::UnknownEncoding {
        name: name.to_string(),
        line,
    }
}

/// Tab when the first line has more tabs than commas (a "Unicode text" export), else comma.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches('\t').count() > first.matches(',').count() {
        b'\t'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gbk_and_utf8_with_bom_alike() {
        let (gbk, _, _) = GB18030.encode("支出决算表,单位：万元\n合计,\"2,940.05\"\n");
        let utf8 = "\u{FEFF}支出决算表,单位：万元\n合计,\"2,940.05\"\n";
        for bytes in [gbk.as_ref(), utf8.as_bytes()] {
            let grid = read_csv("t.csv", bytes).unwrap();
            assert_eq!(grid.rows[0][0].text, "支出决算表");
            assert_eq!(grid.rows[1][1].text, "2,940.05");
        }
    }

    #[test]
    fn bytes_of_no_known_encoding_are_refused_with_their_line() {
        let bytes = b"a,b\nc,\xFF\xFF\xFF\n";
        match read_csv("x.csv", bytes) {
            Err(ReadError::UnknownEncoding { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }
}
