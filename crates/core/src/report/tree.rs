//! The report's JSON as a plain tree, read in one pass by the crate's own parser ([`super::json_read`]).
//!
//! Why not `#[derive(Deserialize)]` on the model, nor serde_json at all: the derived code is instantiated
//! once per struct and field type (about 60 KB of the widget's wasm), and serde_json's reader with its
//! error texts another ~20 KB. Here one parser, steered by a small schema ([`Shape`]), reads every value;
//! [`super::read`] then builds the model from the tree in plain code. The parser behaves as serde_json
//! with the derived code did, error for error (same texts, same places; `tree_reference` tests it):
//! - members the model does not know are skipped unread (no nesting limit, as serde skips them);
//! - a container where the model wants a scalar (`"label": [[…]]`) is skipped and marked, so that its
//!   reader names the wrong type rather than its depth;
//! - a known member given twice is a `duplicate field` error at the second key, as serde says it.

use std::fmt;

use super::json_read;
pub(crate) use super::json_read::TreeError;

/// A JSON value. Numbers keep their text as serde_json's `arbitrary_precision` hands it over: exact
/// digits, an exponent written `e` with its sign (`1E5` → `1e+5`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in document order (known members only, except under [`Shape::Any`]).
    Object(Vec<(String, Json)>),
    /// A container where the model wants a scalar: skipped unread.
    Skipped(Container),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    Array,
    Object,
}

/// What the model expects at a place in the JSON.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shape {
    /// A string, number, boolean or null (containers are skipped and marked).
    Scalar,
    /// An object with these members; others are skipped.
    Struct(&'static [(&'static str, Shape)]),
    /// An array of values of one shape.
    Array(&'static Shape),
    /// Any JSON, kept whole.
    Any,
}

/// Reads `text` (one JSON value, nothing after it) as `shape`.
pub(crate) fn read_tree(text: &str, shape: Shape) -> Result<Json, TreeError> {
    json_read::read(text, shape)
}

impl Shape {
    /// The shape of member `name` of an object read as `self`; `None`: skip it.
    pub(super) fn member(self, name: &str) -> Option<Shape> {
        match self {
            Shape::Struct(fields) => fields.iter().find(|(n, _)| *n == name).map(|(_, s)| *s),
            Shape::Any => Some(Shape::Any),
            Shape::Scalar | Shape::Array(_) => None,
        }
    }

    pub(super) fn object_or_skipped(self, members: Vec<(String, Json)>) -> Json {
        match self {
            Shape::Struct(_) | Shape::Any => Json::Object(members),
            Shape::Scalar | Shape::Array(_) => Json::Skipped(Container::Object),
        }
    }
}

impl fmt::Display for Json {
    /// Compact JSON, as serde_json's `Value` prints it (object keys sorted, the last of duplicates kept).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Json::Number(text) => f.write_str(text),
            Json::String(s) => f.write_str(&quoted(s)),
            Json::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    item.fmt(f)?;
                }
                f.write_str("]")
            }
            Json::Object(members) => {
                f.write_str("{")?;
                for (i, (key, value)) in sorted_members(members).into_iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    f.write_str(&quoted(key))?;
                    f.write_str(":")?;
                    value.fmt(f)?;
                }
                f.write_str("}")
            }
            Json::Skipped(Container::Array) => f.write_str("[…]"),
            Json::Skipped(Container::Object) => f.write_str("{…}"),
        }
    }
}

/// Members by key, the last of duplicates kept, as in serde_json's `Map` (a B-tree; sorted here by
/// insertion into a vector, which links neither the B-tree nor a sort into the wasm).
fn sorted_members(members: &[(String, Json)]) -> Vec<(&str, &Json)> {
    let mut sorted: Vec<(&str, &Json)> = Vec::with_capacity(members.len());
    for (key, value) in members {
        let at = sorted.partition_point(|(k, _)| *k < key.as_str());
        match sorted.get_mut(at) {
            Some(slot) if slot.0 == key => slot.1 = value,
            _ => sorted.insert(at, (key, value)),
        }
    }
    sorted
}

/// A JSON string literal, escaped as serde_json writes it (see [`write_json_string`]).
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_json_string(&mut out, text);
    out
}

/// Appends `text` as a JSON string literal, escaped as serde_json writes it: `"` and `\\` escaped, the
/// control characters as `\n`-style escapes where JSON has one and `\u00xx` otherwise, everything else as
/// it is. The one escaper of the wasm (the chart's JSON writer uses it too).
pub fn write_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                for digit in [c as u32 >> 4, c as u32 & 15] {
                    out.push(char::from_digit(digit, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The text of a JSON string literal (`raw` with its quotes), or `None` when it is not one.
pub(crate) fn unquoted(raw: &str) -> Option<String> {
    match read_tree(raw, Shape::Scalar) {
        Ok(Json::String(text)) => Some(text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POINT: &[(&str, Shape)] = &[("x", Shape::Scalar), ("tags", Shape::Array(&Shape::Scalar))];

    #[test]
    fn numbers_keep_their_text_and_unknown_members_are_skipped() {
        let tree = read_tree(
            r#"{"x": 1.50, "y": [[1]], "tags": ["a", -0]}"#,
            Shape::Struct(POINT),
        );
        let expected = Json::Object(vec![
            ("x".into(), Json::Number("1.50".into())),
            (
                "tags".into(),
                Json::Array(vec![Json::String("a".into()), Json::Number("-0".into())]),
            ),
        ]);
        assert_eq!(tree.unwrap(), expected);
    }

    #[test]
    fn a_container_for_a_scalar_is_skipped_whatever_its_depth() {
        let deep = format!("{{\"x\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
        let tree = read_tree(&deep, Shape::Struct(POINT)).unwrap();
        let expected = Json::Object(vec![("x".into(), Json::Skipped(Container::Array))]);
        assert_eq!(tree, expected);
    }

    #[test]
    fn a_known_member_twice_is_a_duplicate_field() {
        let error = read_tree(r#"{"x": 1, "x": 2}"#, Shape::Struct(POINT)).unwrap_err();
        let field = "x".to_string();
        assert_eq!(
            error.problem,
            crate::report::Problem::DuplicateField { field }
        );
        assert_eq!(error.at, 11, "after the second key, as serde_json stopped");
    }

    #[test]
    fn quotes_as_serde_json_writes() {
        let mut text: String = (0u8..0x80).map(char::from).collect();
        text.push_str("中文\u{7f}\u{85}\u{2028}\u{1F600}");
        assert_eq!(quoted(&text), serde_json::to_string(&text).unwrap());
    }

    #[test]
    fn prints_as_serde_json_values_print() {
        let tree = read_tree(
            r#"{"b": [1, "\n"], "a": {"z": null, "z": true}}"#,
            Shape::Any,
        );
        assert_eq!(
            tree.unwrap().to_string(),
            r#"{"a":{"z":true},"b":[1,"\n"]}"#
        );
    }
}
