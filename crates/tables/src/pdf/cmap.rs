//! A ToUnicode CMap (ISO 32000-1, 9.10.3): codes of 1–4 bytes to Unicode text, from its `bfchar` and
//! `bfrange` sections. Written here (not lopdf's) so the reader can look codes up one by one and bound
//! the work: at most MAX_ENTRIES codes, ranges clipped to 65,536 codes.

use std::collections::HashMap;

const MAX_ENTRIES: usize = 1 << 18;
const MAX_RANGE: u32 = 1 << 16;

#[derive(Debug, Default)]
pub(crate) struct ToUnicode {
    map: HashMap<(u8, u32), String>,
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(&'a [u8]),
}

fn tokens(data: &[u8]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                out.push(Token::Hex(hex_bytes(&data[i + 1..end])));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b if b.is_ascii_alphanumeric() || b == b'/' => {
                let start = i;
                while i < data.len()
                    && (data[i].is_ascii_alphanumeric()
                        || data[i] == b'/'
                        || data[i] == b'_'
                        || data[i] == b'-')
                {
                    i += 1;
                }
                out.push(Token::Word(&data[start..i]));
            }
            _ => i += 1,
        }
    }
    out
}

fn hex_bytes(text: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = text
        .iter()
        .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|pair| pair[0] << 4 | pair.get(1).copied().unwrap_or(0))
        .collect()
}

fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some((
        bytes.len() as u8,
        bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)),
    ))
}

/// UTF-16BE bytes to text; the last code unit advanced by `offset` (a bfrange's running destination).
fn utf16_plus(bytes: &[u8], offset: u32) -> String {
    let mut units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| u16::from(p[0]) << 8 | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect();
    if let Some(last) = units.last_mut() {
        *last = last.wrapping_add(offset as u16);
    }
    String::from_utf16_lossy(&units)
}

impl ToUnicode {
    pub fn parse(data: &[u8]) -> ToUnicode {
        let tokens = tokens(data);
        let mut cmap = ToUnicode::default();
        let mut i = 0;
        while i < tokens.len() && cmap.map.len() < MAX_ENTRIES {
            i = match tokens[i] {
                Token::Word(b"beginbfchar") => cmap.bfchar(&tokens, i + 1),
                Token::Word(b"beginbfrange") => cmap.bfrange(&tokens, i + 1),
                _ => i + 1,
            };
        }
        cmap
    }

    fn bfchar(&mut self, tokens: &[Token], mut i: usize) -> usize {
        while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
            (tokens.get(i), tokens.get(i + 1))
        {
            if let Some(code) = code_of(src) {
                self.map.insert(code, utf16_plus(dst, 0));
            }
            i += 2;
        }
        i
    }

    fn bfrange(&mut self, tokens: &[Token], mut i: usize) -> usize {
        while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (tokens.get(i), tokens.get(i + 1))
        {
            let (Some((len, first)), Some((_, last))) = (code_of(lo), code_of(hi)) else {
                return i + 2;
            };
            let last = last.min(first.saturating_add(MAX_RANGE - 1));
            i += 2;
            match tokens.get(i) {
                Some(Token::Hex(dst)) => {
                    for code in first..=last {
                        self.map.insert((len, code), utf16_plus(dst, code - first));
                    }
                    i += 1;
                }
                Some(Token::Open) => {
                    i += 1;
                    let mut code = first;
                    while let Some(Token::Hex(dst)) = tokens.get(i) {
                        if code <= last {
                            self.map.insert((len, code), utf16_plus(dst, 0));
                        }
                        code = code.saturating_add(1);
                        i += 1;
                    }
                    i += 1; // the closing bracket
                }
                _ => return i,
            }
            if self.map.len() >= MAX_ENTRIES {
                break;
            }
        }
        i
    }

    pub fn get(&self, code: u32, len: u8) -> Option<&str> {
        self.map.get(&(len, code)).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
