//! What a text-showing operator's bytes mean: which codes, which characters, how wide.
//! Handles simple fonts (one byte per code; ToUnicode, /Encoding or WinAnsi), composite fonts with
//! Identity-H/V (two bytes per code, CID = code, characters from ToUnicode) and composite fonts with a
//! predefined GBK/GB2312 CMap (GBK-EUC-H and relatives: the bytes are GBK text, decoded with encoding_rs).

use super::cmap::ToUnicode;
use lopdf::{Dictionary, Document, Encoding, Object};
use std::collections::HashMap;

/// One code of a string: its characters and its advance in thousandths of an em.
pub(crate) struct Glyph {
    pub text: String,
    pub advance: f32,
    /// A single-byte code 32: the one word spacing (Tw) applies to.
    pub is_space_code: bool,
}

enum CodeScheme {
    OneByte,
    TwoByte,
    /// GBK-EUC-H and relatives: one byte below 0x80, else two bytes of GBK.
    Gbk,
}

pub(crate) struct Font<'a> {
    scheme: CodeScheme,
    to_unicode: Option<ToUnicode>,
    simple: Option<Encoding<'a>>,
    first_char: i64,
    widths: Vec<f32>,
    cid_widths: HashMap<u32, f32>,
    default_width: f32,
}

/// Predefined CMaps whose codes are GBK / GB 2312 bytes (EUC form).
fn is_gbk_cmap(name: &[u8]) -> bool {
    matches!(
        name,
        b"GBK-EUC-H"
            | b"GBK-EUC-V"
            | b"GB-EUC-H"
            | b"GB-EUC-V"
            | b"GBpc-EUC-H"
            | b"GBpc-EUC-V"
            | b"GBKp-EUC-H"
            | b"GBKp-EUC-V"
            | b"GBK2K-H"
            | b"GBK2K-V"
    )
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

impl<'a> Font<'a> {
    pub fn load(doc: &'a Document, dict: &'a Dictionary, limit: usize) -> Font<'a> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let to_unicode = to_unicode_cmap(doc, dict, limit);
        if subtype == b"Type0" {
            Font::composite(doc, dict, to_unicode)
        } else {
            Font::simple(doc, dict, to_unicode)
        }
    }

    /// A Type0 font: two-byte codes (or GBK's one or two), widths by CID from its descendant font.
    fn composite(
        doc: &'a Document,
        dict: &'a Dictionary,
        to_unicode: Option<ToUnicode>,
    ) -> Font<'a> {
        let encoding = dict
            .get(b"Encoding")
            .and_then(Object::as_name)
            .unwrap_or(b"Identity-H");
        let scheme = if is_gbk_cmap(encoding) {
            CodeScheme::Gbk
        } else {
            CodeScheme::TwoByte
        };
        let descendant = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        let (cid_widths, default_width) =
            descendant.map(|d| cid_widths(doc, d)).unwrap_or_default();
        Font {
            scheme,
            to_unicode,
            simple: None,
            first_char: 0,
            widths: Vec::new(),
            cid_widths,
            default_width,
        }
    }

    /// A simple font: one-byte codes, its encoding only when no ToUnicode map says better, widths from
    /// `FirstChar` on.
    fn simple(doc: &'a Document, dict: &'a Dictionary, to_unicode: Option<ToUnicode>) -> Font<'a> {
        let simple = if to_unicode.is_none() {
            dict.get_font_encoding(doc).ok()
        } else {
            None
        };
        let first_char = dict.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0);
        let widths = dict
            .get_deref(b"Widths", doc)
            .and_then(Object::as_array)
            .map(|a| {
                a.iter()
                    .take(256)
                    .map(|o| number(o).unwrap_or(0.0))
                    .collect()
            })
            .unwrap_or_default();
        let missing = dict
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
            .and_then(|d| d.get(b"MissingWidth"))
            .ok()
            .and_then(number)
            .unwrap_or(500.0);
        Font {
            scheme: CodeScheme::OneByte,
            to_unicode,
            simple,
            first_char,
            widths,
            cid_widths: HashMap::new(),
            default_width: missing,
        }
    }

    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let (len, glyph) = match self.scheme {
                CodeScheme::OneByte => (1, self.simple_glyph(bytes[i])),
                CodeScheme::TwoByte => {
                    let code = if i + 1 < bytes.len() {
                        u32::from(bytes[i]) << 8 | u32::from(bytes[i + 1])
                    } else {
                        u32::from(bytes[i])
                    };
                    (2, self.cid_glyph(code))
                }
                CodeScheme::Gbk => self.gbk_glyph(&bytes[i..]),
            };
            out.push(glyph);
            i += len;
        }
        out
    }

    fn simple_glyph(&self, code: u8) -> Glyph {
        let text = match (&self.to_unicode, &self.simple) {
            (Some(cmap), _) => cmap.get(u32::from(code), 1).map(str::to_owned),
            (None, Some(encoding)) => encoding.bytes_to_string(&[code]).ok(),
            (None, None) => None,
        }
        .unwrap_or_else(|| char::from(code).to_string());
        let index = i64::from(code) - self.first_char;
        let advance = usize::try_from(index)
            .ok()
            .and_then(|i| self.widths.get(i))
            .copied()
            .filter(|w| *w > 0.0)
            .unwrap_or(self.default_width);
        Glyph {
            text,
            advance,
            is_space_code: code == 32,
        }
    }

    fn cid_glyph(&self, code: u32) -> Glyph {
        let text = self
            .to_unicode
            .as_ref()
            .and_then(|cmap| cmap.get(code, 2))
            .unwrap_or_default()
            .to_owned();
        let advance = self
            .cid_widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width);
        Glyph {
            text,
            advance,
            is_space_code: false,
        }
    }

    /// GBK: bytes below 0x80 are ASCII (half width); a lead byte 0x81–0xFE takes the next byte with it.
    fn gbk_glyph(&self, bytes: &[u8]) -> (usize, Glyph) {
        let lead = bytes[0];
        if lead < 0x80 || bytes.len() < 2 {
            let text = char::from(lead.min(0x7f)).to_string();
            // Adobe-GB1: the GBK-EUC CMaps put printable ASCII 0x20–0x7E on CIDs 1–95.
            let cid = (0x20..=0x7e)
                .contains(&lead)
                .then(|| u32::from(lead) - 0x1f);
            let advance = cid
                .and_then(|c| self.cid_widths.get(&c))
                .copied()
                .unwrap_or(self.default_width / 2.0);
            return (
                1,
                Glyph {
                    text,
                    advance,
                    is_space_code: lead == 32,
                },
            );
        }
        let (text, _, _) = encoding_rs::GBK.decode(&bytes[..2]);
        (
            2,
            Glyph {
                text: text.into_owned(),
                advance: self.default_width,
                is_space_code: false,
            },
        )
    }
}

fn to_unicode_cmap(doc: &Document, dict: &Dictionary, limit: usize) -> Option<ToUnicode> {
    let stream = dict.get_deref(b"ToUnicode", doc).ok()?.as_stream().ok()?;
    let data = stream.decompressed_content_with_limit(limit).ok()?;
    let cmap = ToUnicode::parse(&data);
    (!cmap.is_empty()).then_some(cmap)
}

/// The /W array of a CIDFont: `c [w1 w2 …]` and `c_first c_last w` forms, bounded.
fn cid_widths(doc: &Document, cid_font: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let default_width = cid_font.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let Ok(list) = cid_font.get_deref(b"W", doc).and_then(Object::as_array) else {
        return (widths, default_width);
    };
    let mut i = 0;
    while i + 1 < list.len() && widths.len() < 65536 {
        let Some(first) = list[i].as_i64().ok().and_then(|c| u32::try_from(c).ok()) else {
            break;
        };
        match doc.dereference(&list[i + 1]).map(|(_, o)| o) {
            Ok(Object::Array(each)) => {
                for (k, w) in each.iter().take(65536).enumerate() {
                    if let Some(w) = number(w) {
                        widths.insert(first.saturating_add(k as u32), w);
                    }
                }
                i += 2;
            }
            _ => {
                let last = list[i + 1]
                    .as_i64()
                    .ok()
                    .and_then(|c| u32::try_from(c).ok())
                    .unwrap_or(first);
                let w = list.get(i + 2).and_then(number).unwrap_or(default_width);
                for cid in first..=last.min(first.saturating_add(65535)) {
                    widths.insert(cid, w);
                }
                i += 3;
            }
        }
    }
    (widths, default_width)
}
