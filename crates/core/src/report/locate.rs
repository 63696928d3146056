//! Finds where a JSON path's value stands in the JSON text, for messages about a report that parsed but
//! does not hold together (a duplicate id, a path that points nowhere).
//!
//! serde_json keeps no positions in parsed values, so the text is scanned again along the path. The scan is
//! iterative (no recursion, whatever the nesting) and runs only when there is an error to report.

use std::fmt;

use super::tree::{quoted, unquoted};
use crate::word::is_word_char;

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path into the JSON text, displayed as `$.breakdowns[0].items[2].amount`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPath(pub Vec<Seg>);

impl JsonPath {
    pub fn key(&self, key: &str) -> JsonPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_string()));
        JsonPath(segs)
    }

    pub fn index(&self, index: usize) -> JsonPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(index));
        JsonPath(segs)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for seg in &self.0 {
            match seg {
                Seg::Index(i) => write!(f, "[{i}]")?,
                Seg::Key(k) if !k.is_empty() && k.chars().all(|c| is_word_char(c) || c == '_') => {
                    write!(f, ".{k}")?
                }
                Seg::Key(k) => write!(f, "[{}]", quoted(k))?,
            }
        }
        Ok(())
    }
}

/// The byte offset where the value at `path` starts in `text`, or the deepest enclosing value found.
pub fn locate(text: &str, path: &JsonPath) -> usize {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    for seg in &path.0 {
        let enclosing = scanner.pos;
        let found = match seg {
            Seg::Key(key) => scanner.enter_key(text, key),
            Seg::Index(index) => scanner.enter_index(*index),
        };
        match found {
            Some(pos) => scanner.pos = pos,
            None => {
                scanner.pos = enclosing;
                break;
            }
        }
    }
    scanner.pos.min(text.len())
}

/// A container open at the offset [`path_at`] looks for.
enum Frame {
    /// `key`: the member being read; `None` while a key is expected.
    Object {
        key: Option<String>,
    },
    Array {
        index: usize,
    },
}

/// The JSON path of the innermost value being read at byte `offset` — where serde_json stopped on an
/// error. Right after a closed object or array, that is the container's own path.
pub fn path_at(text: &str, offset: usize) -> JsonPath {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut pos = 0;
    while pos < end {
        match bytes[pos] {
            b'{' => {
                frames.push(Frame::Object { key: None });
                expecting_key = true;
            }
            b'[' => {
                frames.push(Frame::Array { index: 0 });
                expecting_key = false;
            }
            b'}' | b']' => {
                frames.pop();
                expecting_key = false;
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { key }) => {
                    *key = None;
                    expecting_key = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = pos;
                pos = closing_quote(bytes, pos);
                if expecting_key {
                    let raw = text.get(start..(pos + 1).min(text.len())).unwrap_or("");
                    let key = unquoted(raw).unwrap_or_default();
                    if let Some(Frame::Object { key: slot }) = frames.last_mut() {
                        *slot = Some(key);
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
        pos += 1;
    }
    JsonPath(
        frames
            .into_iter()
            .filter_map(|frame| match frame {
                Frame::Object { key } => key.map(Seg::Key),
                Frame::Array { index } => Some(Seg::Index(index)),
            })
            .collect(),
    )
}

/// The index of the `"` closing the string opened at `open` (past the end when the text ends first),
/// escapes skipped.
fn closing_quote(bytes: &[u8], open: usize) -> usize {
    let mut pos = open + 1;
    while pos < bytes.len() && bytes[pos] != b'"' {
        pos += if bytes[pos] == b'\\' { 2 } else { 1 };
    }
    pos
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let byte = floor_char_boundary(text, byte.min(text.len()));
    let before = text.get(..byte).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        line,
        before.get(line_start..).unwrap_or("").chars().count() + 1,
    )
}

/// The byte offset of a 1-based line and a 1-based byte column (serde_json's columns count bytes).
pub fn byte_offset(text: &str, line: usize, byte_column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + byte_column.saturating_sub(1)).min(text.len())
}

fn floor_char_boundary(text: &str, mut byte: usize) -> usize {
    while byte > 0 && !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Skips a string starting at `pos` (on its opening quote); returns the byte range of its contents.
    fn skip_string(&mut self) -> Option<(usize, usize)> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.pos + 1;
        self.pos += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some((start, self.pos - 1));
                }
                _ => self.pos += 1,
            }
        }
        None
    }

    /// Skips one value of any kind, iteratively.
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.skip_ws();
            match self.peek()? {
                b'"' => {
                    self.skip_string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b',' | b':' if depth > 0 => {
                    self.pos += 1;
                    continue;
                }
                _ => {
                    while matches!(self.peek(), Some(b) if !b",:]} \t\r\n".contains(&b)) {
                        self.pos += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }

    fn enter_key(&mut self, text: &str, wanted: &str) -> Option<usize> {
        self.skip_ws();
        if self.peek()? != b'{' {
            return None;
        }
        self.pos += 1;
        let mut found = None;
        loop {
            self.skip_ws();
            if self.peek()? == b'}' {
                return found;
            }
            let (start, end) = self.skip_string()?;
            let raw = text.get(start - 1..end + 1)?;
            let key = unquoted(raw)?;
            self.skip_ws();
            if self.peek()? != b':' {
                return None;
            }
            self.pos += 1;
            self.skip_ws();
            if key == wanted {
                // The last of duplicate keys wins, as in serde_json.
                found = Some(self.pos);
            }
            self.skip_value()?;
            self.skip_ws();
            if self.peek()? == b',' {
                self.pos += 1;
            }
        }
    }

    fn enter_index(&mut self, wanted: usize) -> Option<usize> {
        self.skip_ws();
        if self.peek()? != b'[' {
            return None;
        }
        self.pos += 1;
        for _ in 0..wanted {
            self.skip_ws();
            if self.peek()? == b']' {
                return None;
            }
            self.skip_value()?;
            self.skip_ws();
            if self.peek()? != b',' {
                return None;
            }
            self.pos += 1;
        }
        self.skip_ws();
        (self.peek()? != b']').then_some(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(segs: &[Seg]) -> JsonPath {
        JsonPath(segs.to_vec())
    }

    #[test]
    fn finds_nested_values_and_reports_char_columns() {
        let text =
            "{\n  \"a\": {\"标题\": \"x\", \"b\": [1, {\"c\": [true]}, \"y\"]},\n  \"d\": 5\n}";
        let at = locate(
            text,
            &path(&[Seg::Key("a".into()), Seg::Key("b".into()), Seg::Index(2)]),
        );
        assert_eq!(&text[at..at + 3], "\"y\"");
        assert_eq!(line_column(text, at), (2, 44));
        let at = locate(text, &path(&[Seg::Key("d".into())]));
        assert_eq!(line_column(text, at), (3, 8));
    }

    #[test]
    fn a_missing_step_stops_at_the_enclosing_value() {
        let text = "{\"a\": [1, 2]}";
        let at = locate(text, &path(&[Seg::Key("a".into()), Seg::Index(5)]));
        assert_eq!(at, 6);
    }

    #[test]
    fn the_path_being_read_at_an_offset() {
        let text = r#"{"a": [1, {"b\"c": "x", "d": {"e": 5}}], "f": 2}"#;
        let at =
            |needle: &str| path_at(text, text.find(needle).unwrap() + needle.len()).to_string();
        assert_eq!(at(r#""x""#), r#"$.a[1]["b\"c"]"#);
        assert_eq!(at("5"), "$.a[1].d.e");
        assert_eq!(
            at("5}"),
            "$.a[1].d",
            "right after a closed object: the object itself"
        );
        assert_eq!(at("2"), "$.f");
        assert_eq!(path_at(text, 0).to_string(), "$");
    }

    #[test]
    fn displays_json_paths() {
        let p = JsonPath::default()
            .key("breakdowns")
            .index(0)
            .key("items")
            .index(3)
            .key("amount");
        assert_eq!(p.to_string(), "$.breakdowns[0].items[3].amount");
        assert_eq!(JsonPath::default().key("a b").to_string(), "$[\"a b\"]");
    }

    #[test]
    fn byte_columns_map_back() {
        let text = "ab\n中文x";
        assert_eq!(byte_offset(text, 2, 7), 9);
        assert_eq!(line_column(text, 9), (2, 3));
    }
}
