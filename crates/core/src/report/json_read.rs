//! The JSON text → [`Json`] tree, steered by a [`Shape`]: the crate's own parser, in place of serde_json
//! with a visitor (whose reader and error texts were ~20 KB of the widget's wasm).
//!
//! It does what serde_json (with `arbitrary_precision`) did for this crate, step for step, so that every
//! error keeps its text and its place: the same checks in the same order, the same message (serde_json's
//! words, which [`super::error`] translates), and the byte serde_json's line and column pointed at.
//! - numbers keep their digits; an exponent is written `e` with its sign (`1E5` → `1e+5`), as serde_json
//!   hands a number over;
//! - strings: escapes and UTF-16 surrogate pairs decoded, a lone surrogate or a control character refused;
//! - at most 127 containers nested along what is read (serde_json's recursion limit); a value that is
//!   skipped (an unknown member, a container where a scalar belongs) is skipped without nesting limit;
//! - a known member given twice is a `duplicate field` error (under [`Shape::Any`] the last one wins).
//!
//! `tree_reference` (tests) compares it with serde_json on many valid and broken texts.

use super::error::Problem;
use super::tree::{Container, Json, Shape};

/// Why a text is not read, and the byte where serde_json's line and column pointed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TreeError {
    /// [`Problem::Syntax`] (serde_json's words), [`Problem::JsonTooDeep`] or [`Problem::DuplicateField`].
    pub problem: Problem,
    pub at: usize,
}

/// serde_json's syntax errors, by its words.
#[derive(Clone, Copy)]
enum Code {
    EofList,
    EofObject,
    EofString,
    EofValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedIdent,
    ExpectedValue,
    InvalidEscape,
    InvalidNumber,
    ControlCharacter,
    KeyMustBeAString,
    LoneSurrogate,
    TrailingComma,
    TrailingCharacters,
    EndOfHexEscape,
    TooDeep,
}

impl Code {
    fn words(self) -> &'static str {
        match self {
            Code::EofList => "EOF while parsing a list",
            Code::EofObject => "EOF while parsing an object",
            Code::EofString => "EOF while parsing a string",
            Code::EofValue => "EOF while parsing a value",
            Code::ExpectedColon => "expected `:`",
            Code::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Code::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Code::ExpectedIdent => "expected ident",
            Code::ExpectedValue => "expected value",
            Code::InvalidEscape => "invalid escape",
            Code::InvalidNumber => "invalid number",
            Code::ControlCharacter => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Code::KeyMustBeAString => "key must be a string",
            Code::LoneSurrogate => "lone leading surrogate in hex escape",
            Code::TrailingComma => "trailing comma",
            Code::TrailingCharacters => "trailing characters",
            Code::EndOfHexEscape => "unexpected end of hex escape",
            Code::TooDeep => "recursion limit exceeded",
        }
    }
}

type Read<T> = Result<T, TreeError>;

/// Reads `text` (one JSON value, nothing after it but whitespace) as `shape`.
pub(crate) fn read(text: &str, shape: Shape) -> Read<Json> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 128,
    };
    let tree = parser.value(shape)?;
    match parser.whitespace() {
        Some(_) => parser.peek_error(Code::TrailingCharacters),
        None => Ok(tree),
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    pos: usize,
    /// Containers that may still open along what is read (serde_json's `remaining_depth`).
    depth: u8,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    /// Skips whitespace; the byte after it, unread.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.pos += 1;
        }
        self.peek()
    }

    /// The byte serde_json's line and column point at when it stops with the reader before byte `i`:
    /// the column counts the bytes read on the line, so it names the last one read (none: the line's
    /// start).
    fn stop(&self, i: usize) -> usize {
        let i = i.min(self.bytes.len());
        match i.checked_sub(1) {
            Some(before) if self.bytes.get(before) != Some(&b'\n') => before,
            _ => i,
        }
    }

    /// An error about the byte last read (serde_json's `error`).
    fn error<T>(&self, code: Code) -> Read<T> {
        Err(self.fault(code, self.stop(self.pos)))
    }

    /// An error about the byte about to be read (serde_json's `peek_error`).
    fn peek_error<T>(&self, code: Code) -> Read<T> {
        Err(self.fault(code, self.stop(self.pos + 1)))
    }

    fn fault(&self, code: Code, at: usize) -> TreeError {
        let problem = match code {
            Code::TooDeep => Problem::JsonTooDeep,
            _ => Problem::Syntax {
                detail: code.words().into(),
            },
        };
        TreeError { problem, at }
    }

    /// One value read as `shape`.
    fn value(&mut self, shape: Shape) -> Read<Json> {
        let Some(peek) = self.whitespace() else {
            return self.peek_error(Code::EofValue);
        };
        match peek {
            b'n' => self.ident(b"null").map(|()| Json::Null),
            b't' => self.ident(b"true").map(|()| Json::Bool(true)),
            b'f' => self.ident(b"false").map(|()| Json::Bool(false)),
            b'-' | b'0'..=b'9' => self.number().map(Json::Number),
            b'"' => {
                self.pos += 1;
                self.string().map(Json::String)
            }
            b'[' | b'{' => self.container(peek, shape),
            _ => self.peek_error(Code::ExpectedValue),
        }
    }

    /// `word` (its first byte already seen).
    fn ident(&mut self, word: &[u8]) -> Read<()> {
        self.pos += 1;
        for expected in word.iter().skip(1) {
            match self.next() {
                None => return self.error(Code::EofValue),
                Some(byte) if byte != *expected => return self.error(Code::ExpectedIdent),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// An array or object read as `shape`, one level deeper.
    fn container(&mut self, open: u8, shape: Shape) -> Read<Json> {
        self.depth -= 1;
        if self.depth == 0 {
            return self.peek_error(Code::TooDeep);
        }
        self.pos += 1;
        let value = if open == b'[' {
            self.array(shape)?
        } else {
            self.object(shape)?
        };
        self.depth += 1;
        // The loops above end on the closing bracket.
        self.pos += 1;
        Ok(value)
    }

    fn array(&mut self, shape: Shape) -> Read<Json> {
        let element = match shape {
            Shape::Array(element) => Some(*element),
            Shape::Any => Some(Shape::Any),
            Shape::Scalar | Shape::Struct(_) => None,
        };
        let mut items = Vec::new();
        let mut first = true;
        while self.next_element(&mut first)? {
            match element {
                Some(element) => items.push(self.value(element)?),
                None => self.skip_value()?,
            }
        }
        Ok(match element {
            Some(_) => Json::Array(items),
            None => Json::Skipped(Container::Array),
        })
    }

    /// Whether another element follows (its comma read), `false` on `]` (unread).
    fn next_element(&mut self, first: &mut bool) -> Read<bool> {
        let Some(peek) = self.whitespace() else {
            return self.peek_error(Code::EofList);
        };
        if peek == b']' {
            return Ok(false);
        }
        if std::mem::take(first) {
            return Ok(true);
        }
        if peek != b',' {
            return self.peek_error(Code::ExpectedListCommaOrEnd);
        }
        self.pos += 1;
        match self.whitespace() {
            Some(b']') => self.peek_error(Code::TrailingComma),
            Some(_) => Ok(true),
            None => self.peek_error(Code::EofValue),
        }
    }

    fn object(&mut self, shape: Shape) -> Read<Json> {
        let mut members: Vec<(String, Json)> = Vec::new();
        let mut first = true;
        while self.next_key(&mut first)? {
            self.pos += 1;
            let name = self.string()?;
            match shape.member(&name) {
                Some(_)
                    if !matches!(shape, Shape::Any) && members.iter().any(|(k, _)| *k == name) =>
                {
                    let at = self.stop(self.pos);
                    let problem = Problem::DuplicateField { field: name };
                    return Err(TreeError { problem, at });
                }
                Some(member) => {
                    self.colon()?;
                    let value = self.value(member)?;
                    members.push((name, value));
                }
                None => {
                    self.colon()?;
                    self.skip_value()?;
                }
            }
        }
        Ok(shape.object_or_skipped(members))
    }

    /// Whether another member follows (its comma read, its key's quote not), `false` on `}` (unread).
    fn next_key(&mut self, first: &mut bool) -> Read<bool> {
        let Some(peek) = self.whitespace() else {
            return self.peek_error(Code::EofObject);
        };
        if peek == b'}' {
            return Ok(false);
        }
        if std::mem::take(first) {
            return match peek {
                b'"' => Ok(true),
                _ => self.peek_error(Code::KeyMustBeAString),
            };
        }
        if peek != b',' {
            return self.peek_error(Code::ExpectedObjectCommaOrEnd);
        }
        self.pos += 1;
        match self.whitespace() {
            Some(b'"') => Ok(true),
            Some(b'}') => self.peek_error(Code::TrailingComma),
            Some(_) => self.peek_error(Code::KeyMustBeAString),
            None => self.peek_error(Code::EofValue),
        }
    }

    fn colon(&mut self) -> Read<()> {
        match self.whitespace() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => self.peek_error(Code::ExpectedColon),
            None => self.peek_error(Code::EofObject),
        }
    }
}

// --- numbers and strings ---

impl Parser<'_> {
    /// A number's text: `-?int(.frac)?(e[+-]exp)?`, the exponent's sign always written.
    fn number(&mut self) -> Read<String> {
        let mut text = String::new();
        if self.peek() == Some(b'-') {
            self.pos += 1;
            text.push('-');
        }
        match self.next() {
            None => return self.error(Code::EofValue),
            Some(b'0') if matches!(self.peek(), Some(b'0'..=b'9')) => {
                return self.peek_error(Code::InvalidNumber)
            }
            Some(b'0') => text.push('0'),
            Some(digit @ b'1'..=b'9') => {
                text.push(char::from(digit));
                self.digits(&mut text);
            }
            Some(_) => return self.error(Code::InvalidNumber),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            text.push('.');
            if !self.digits(&mut text) {
                return match self.peek() {
                    Some(_) => self.peek_error(Code::InvalidNumber),
                    None => self.peek_error(Code::EofValue),
                };
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            text.push('e');
            match self.peek() {
                Some(sign @ (b'+' | b'-')) => {
                    self.pos += 1;
                    text.push(char::from(sign));
                }
                _ => text.push('+'),
            }
            match self.next() {
                None => return self.error(Code::EofValue),
                Some(digit @ b'0'..=b'9') => text.push(char::from(digit)),
                Some(_) => return self.error(Code::InvalidNumber),
            }
            self.digits(&mut text);
        }
        Ok(text)
    }

    /// Reads digits into `text`; whether there was one.
    fn digits(&mut self, text: &mut String) -> bool {
        let start = self.pos;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            self.pos += 1;
            text.push(char::from(digit));
        }
        self.pos > start
    }

    /// A string's text, its opening quote read.
    fn string(&mut self) -> Read<String> {
        let mut out = String::new();
        let mut start = self.pos;
        loop {
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Between ASCII bytes (a quote, a backslash, an escape's end): always on char boundaries.
            out.push_str(self.text.get(start..self.pos).unwrap_or(""));
            match self.next() {
                None => return self.error(Code::EofString),
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => return self.error(Code::ControlCharacter),
            }
            start = self.pos;
        }
    }

    /// One escape, its backslash read, decoded into `out`.
    fn escape(&mut self, out: &mut String) -> Read<()> {
        let decoded = match self.next() {
            None => return self.error(Code::EofString),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => self.unicode_escape()?,
            Some(_) => return self.error(Code::InvalidEscape),
        };
        out.push(decoded);
        Ok(())
    }

    /// `\uXXXX`, or a surrogate pair `\uD8xx\uDCxx`, its `\u` read.
    fn unicode_escape(&mut self) -> Read<char> {
        let high = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&high) {
            return self.error(Code::LoneSurrogate);
        }
        if !(0xD800..=0xDBFF).contains(&high) {
            return Ok(char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        for expected in [b'\\', b'u'] {
            match self.peek() {
                None => return self.error(Code::EofString),
                Some(byte) => {
                    self.pos += 1;
                    if byte != expected {
                        return self.error(Code::EndOfHexEscape);
                    }
                }
            }
        }
        let low = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return self.error(Code::LoneSurrogate);
        }
        let code = (((high - 0xD800) << 10) | (low - 0xDC00)) + 0x1_0000;
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Read<u32> {
        let Some(four) = self.bytes.get(self.pos..self.pos + 4) else {
            self.pos = self.bytes.len();
            return self.error(Code::EofString);
        };
        self.pos += 4;
        let mut value = 0;
        for &byte in four {
            match char::from(byte).to_digit(16) {
                Some(digit) => value = value * 16 + digit,
                None => return self.error(Code::InvalidEscape),
            }
        }
        Ok(value)
    }
}

// --- values skipped unread ---

impl Parser<'_> {
    /// Skips one value of any kind and depth, checking its syntax (serde_json's `ignore_value`: an
    /// explicit stack of the open containers, no recursion).
    fn skip_value(&mut self) -> Read<()> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            let Some(peek) = self.whitespace() else {
                return self.peek_error(Code::EofValue);
            };
            match peek {
                b'n' => self.ident(b"null")?,
                b't' => self.ident(b"true")?,
                b'f' => self.ident(b"false")?,
                b'-' => {
                    self.pos += 1;
                    self.skip_number()?;
                }
                b'0'..=b'9' => self.skip_number()?,
                b'"' => {
                    self.pos += 1;
                    self.skip_string()?;
                }
                b'[' | b'{' => {
                    self.pos += 1;
                    open.push(peek);
                    if self.after_open(peek)? {
                        continue;
                    }
                }
                _ => return self.peek_error(Code::ExpectedValue),
            }
            // A value ended: close what ends with it, then read the comma (and key) before the next.
            loop {
                let Some(&frame) = open.last() else {
                    return Ok(());
                };
                if self.comma_or_close(frame)? {
                    break;
                }
                open.pop();
            }
            if open.last() == Some(&b'{') {
                self.member_key()?;
            }
        }
    }

    /// Right after `[` or `{`: `true` when a value follows (an object's key read), `false` when the
    /// container closes at once (its bracket left for [`Parser::comma_or_close`]).
    fn after_open(&mut self, frame: u8) -> Read<bool> {
        let close = if frame == b'[' { b']' } else { b'}' };
        match self.whitespace() {
            Some(byte) if byte == close => Ok(false),
            Some(_) if frame == b'{' => self.member_key().map(|()| true),
            Some(_) => Ok(true),
            None if frame == b'[' => self.peek_error(Code::EofList),
            None => self.peek_error(Code::EofObject),
        }
    }

    /// After a value inside `frame`: `true` on a comma (read), `false` on the closing bracket (read).
    fn comma_or_close(&mut self, frame: u8) -> Read<bool> {
        let (close, expected, eof) = if frame == b'[' {
            (b']', Code::ExpectedListCommaOrEnd, Code::EofList)
        } else {
            (b'}', Code::ExpectedObjectCommaOrEnd, Code::EofObject)
        };
        match self.whitespace() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(byte) if byte == close => {
                self.pos += 1;
                Ok(false)
            }
            Some(_) => self.peek_error(expected),
            None => self.peek_error(eof),
        }
    }

    /// A member's key and colon, in a skipped object.
    fn member_key(&mut self) -> Read<()> {
        match self.whitespace() {
            Some(b'"') => self.pos += 1,
            Some(_) => return self.peek_error(Code::KeyMustBeAString),
            None => return self.peek_error(Code::EofObject),
        }
        self.skip_string()?;
        self.colon()
    }

    /// A number skipped (serde_json's `ignore_integer`: its end of text is an invalid number).
    fn skip_number(&mut self) -> Read<()> {
        match self.next() {
            Some(b'0') if matches!(self.peek(), Some(b'0'..=b'9')) => {
                return self.peek_error(Code::InvalidNumber)
            }
            Some(b'0'..=b'9') => self.skip_digits(),
            _ => return self.error(Code::InvalidNumber),
        };
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.skip_digits() {
                return self.peek_error(Code::InvalidNumber);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            match self.next() {
                Some(b'0'..=b'9') => {
                    self.skip_digits();
                }
                _ => return self.error(Code::InvalidNumber),
            }
        }
        Ok(())
    }

    fn skip_digits(&mut self) -> bool {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos > start
    }

    /// A string skipped, its opening quote read: escapes checked, surrogates not paired.
    fn skip_string(&mut self) -> Read<()> {
        loop {
            match self.peek() {
                None => return self.error(Code::EofString),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.next() {
                        None => return self.error(Code::EofString),
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {}
                        Some(b'u') => {
                            self.hex4()?;
                        }
                        Some(_) => return self.error(Code::InvalidEscape),
                    }
                }
                // Unlike a string read, the control character is not counted as read.
                Some(byte) if byte < 0x20 => return self.error(Code::ControlCharacter),
                Some(_) => self.pos += 1,
            }
        }
    }
}
