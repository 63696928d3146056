//! The report's JSON as a plain tree, read by serde_json in one pass through one visitor.
//!
//! Why not `#[derive(Deserialize)]` on the model: the derived code is instantiated once per struct and
//! field type against serde_json's deserializer, about 60 KB of the widget's wasm. Here one visitor,
//! steered by a small schema ([`Shape`]), reads every value; [`super::read`] then builds the model from
//! the tree in plain code. The schema lets the reader behave as the derived code did where it matters:
//! - members the model does not know are skipped unread (no nesting limit, as serde skips them);
//! - a container where the model wants a scalar (`"label": [[…]]`) is skipped and marked, so that its
//!   reader names the wrong type rather than its depth;
//! - a known member given twice is a `duplicate field` error at the second key, as serde says it.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A JSON value. Numbers keep their exact text (serde_json's `arbitrary_precision`).
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

/// The key under which serde_json's `arbitrary_precision` hands over a number's exact text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Reads `text` (one JSON value, nothing after it) as `shape`.
pub(crate) fn read_tree(text: &str, shape: Shape) -> Result<Json, serde_json::Error> {
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

impl Shape {
    /// The shape of member `name` of an object read as `self`; `None`: skip it.
    fn member(self, name: &str) -> Option<Shape> {
        match self {
            Shape::Struct(fields) => fields.iter().find(|(n, _)| *n == name).map(|(_, s)| *s),
            Shape::Any => Some(Shape::Any),
            Shape::Scalar | Shape::Array(_) => None,
        }
    }

    fn object_or_skipped(self, members: Vec<(String, Json)>) -> Json {
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

/// A JSON string literal, escaped as serde_json writes it.
pub(crate) fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
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
        assert_eq!(error.to_string(), "duplicate field `x` at line 1 column 12");
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
