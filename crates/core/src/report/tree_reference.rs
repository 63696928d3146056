//! The reader this crate used before its own parser ([`super::json_read`]): serde_json through one
//! visitor. Kept for the tests only, which compare both on many texts, valid and broken: the same tree,
//! or the same error at the same place (serde_json's line and column, mapped back to a byte).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::tree::{Container, Json, Shape};

/// The key under which serde_json's `arbitrary_precision` hands over a number's exact text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Reads `text` (one JSON value, nothing after it) as `shape`.
pub(crate) fn serde_tree(text: &str, shape: Shape) -> Result<Json, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let tree = shape.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(tree)
}

impl<'de> DeserializeSeed<'de> for Shape {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Shape {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Number(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Number(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Json, E> {
        // Only without arbitrary_precision (always on in this workspace); a float has lost its text.
        Err(E::custom("invalid number"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Json, E> {
        Ok(Json::String(value.to_string()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Json, E> {
        Ok(Json::String(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let element = match self {
            Shape::Array(element) => *element,
            Shape::Any => Shape::Any,
            Shape::Scalar | Shape::Struct(_) => {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(Json::Skipped(Container::Array));
            }
        };
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(element)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Ok(self.object_or_skipped(Vec::new()));
        };
        if first == NUMBER_TOKEN {
            return match map.next_value_seed(Shape::Scalar)? {
                Json::String(text) => Ok(Json::Number(text)),
                _ => Err(de::Error::custom("invalid number")),
            };
        }
        let mut members = Vec::new();
        let mut key = Some(first);
        while let Some(name) = key {
            match self.member(&name) {
                Some(_)
                    if members.iter().any(|(k, _)| *k == name) && !matches!(self, Shape::Any) =>
                {
                    return Err(de::Error::custom(format_args!("duplicate field `{name}`")));
                }
                Some(shape) => members.push((name, map.next_value_seed(shape)?)),
                None => drop(map.next_value::<IgnoredAny>()?),
            }
            key = map.next_key::<String>()?;
        }
        Ok(self.object_or_skipped(members))
    }
}

#[cfg(test)]
mod tests {
    use super::super::json_read;
    use super::super::locate::byte_offset;
    use super::super::read::{FORMAT_ONLY, REPORT};
    use super::super::tree::TreeError;
    use super::*;
    use crate::report::Problem;

    /// serde_json's answer in the own parser's terms.
    fn theirs(text: &str, shape: Shape) -> Result<Json, TreeError> {
        serde_tree(text, shape).map_err(|error| {
            let at = byte_offset(text, error.line(), error.column());
            let full = error.to_string();
            let detail = full.rfind(" at line ").map_or(&*full, |i| &full[..i]);
            let problem = if detail == "recursion limit exceeded" {
                Problem::JsonTooDeep
            } else if let Some(field) = detail.strip_prefix("duplicate field `") {
                Problem::DuplicateField {
                    field: field.trim_end_matches('`').to_string(),
                }
            } else {
                Problem::Syntax {
                    detail: detail.to_string(),
                }
            };
            TreeError { problem, at }
        })
    }

    fn same(text: &str) {
        for (i, shape) in [REPORT, FORMAT_ONLY, Shape::Any, Shape::Scalar]
            .into_iter()
            .enumerate()
        {
            let ours = json_read::read(text, shape);
            let theirs = theirs(text, shape);
            match (&ours, &theirs) {
                // serde_json places a duplicate after the key's trailing whitespace; only its path is used.
                (Err(a), Err(b)) if matches!(a.problem, Problem::DuplicateField { .. }) => {
                    assert_eq!(a.problem, b.problem, "shape {i}: {text:?}")
                }
                _ => assert_eq!(ours, theirs, "shape {i}: {text:?}"),
            }
        }
    }

    #[test]
    fn reads_as_serde_json_read_on_hand_made_texts() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let cases: Vec<String> = [
            "",
            " ",
            "{",
            "}",
            "[",
            "]",
            "{}",
            "[]",
            "{\"a\"",
            "{\"a\":",
            "{\"a\":1",
            "{\"a\":1,",
            "{\"a\":1,}",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":1 \"b\":2}",
            "nul",
            "nulx",
            "tru",
            "fals",
            "n",
            "-",
            "-a",
            "01",
            "1.",
            "1.e5",
            "1e",
            "1e+",
            "1E5",
            "1e-5x",
            "-0",
            "12345678901234567890123",
            "-12.50E+003",
            "\"abc",
            "\"a\\",
            "\"a\\x\"",
            "\"\\u12\"",
            "\"\\u12G4\"",
            "\"\\uDC00\"",
            "\"\\uD800\"",
            "\"\\uD800x\"",
            "\"\\uD800\\n\"",
            "\"\\uD800\\u0041\"",
            "\"\\uD83D\\uDE00\"",
            "\"\\u00e9\\/\\b\\f\\n\\r\\t\"",
            "\"a\u{1}b\"",
            "\"a\nb\"",
            "{} x",
            "{}\n\nx",
            "\n\n",
            "{\"format\": [1, {\"x\": [2]}]}",
            "{\"format\": 1, \"format\": 2}",
            "{\"title\": \"a\", \"title\": \"b\"}",
            "{\"x\": {\"y\": [nul]}}",
            "{\"x\": [1, 01]}",
            "{\"x\": [\"\u{2}\"]}",
            "{\"x\": {1}}",
            "{\"x\": {\"a\" 1}}",
            "{\"x\": {\"a\": 1,}}",
            "{\"x\": [}",
            "{\"x\": {]}",
            "{\"x\": [1 }",
            "{\"x\": -}",
            "{\"x\": 1.}",
            "{\"x\": 1e}",
            "{\"x\": \"\\uZZZZ\"}",
            "{\"x\": \"\\q\"}",
            "{\"x\": [[[[",
            "{\"x\": {\"a\":{\"b\":",
            "{\"breakdowns\": [{\"items\": [{\"id\": 1}]}]}",
            "{\"breakdowns\": {\"id\": 1}}",
            "{\"title\": [[1]], \"year\": {\"a\": [2]}}",
            "{\"title\"\n  : 1, \"title\"  \n: 2}",
            "{\"a\":1}\u{FEFF}",
            "  {\"a\": [1, 2, 3]}  ",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([deep(126), deep(127), deep(128), deep(5000)])
        .chain([
            format!("{{\"format\": {}}}", deep(126)),
            format!("{{\"x\": {}}}", deep(5000)),
        ])
        .collect();
        for text in &cases {
            same(text);
        }
    }

    /// The sample report, and that report cut short and broken at many places.
    #[test]
    fn reads_as_serde_json_read_on_the_sample_broken_everywhere() {
        let sample = include_str!("../../../../www/reports/panjin-xinglongtai-2021.json");
        same(sample);
        let mut seed: u64 = 12;
        let mut random = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n.max(1)
        };
        let bytes = sample.as_bytes();
        let noise: &[&str] = &[
            "", "\"", "\\", ",", ":", "{", "}", "[", "]", "0", "-", "e", ".", " ", "\n", "x",
            "\u{1}", "\\u", "\\uD800", "中",
        ];
        for _ in 0..2000 {
            let at = random(bytes.len());
            let len = random(4);
            let (mut head, tail) = (bytes[..at].to_vec(), &bytes[(at + len).min(bytes.len())..]);
            head.extend_from_slice(noise[random(noise.len())].as_bytes());
            head.extend_from_slice(tail);
            if let Ok(text) = String::from_utf8(head) {
                same(&text);
            }
            let cut = &bytes[..at];
            if let Ok(text) = std::str::from_utf8(cut) {
                same(text);
            }
        }
    }
}
