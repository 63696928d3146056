//! The report model built from the JSON tree ([`super::tree`]), in plain code, with the problems serde's
//! derived deserializers named (a wrong type, a missing field, an unknown variant), kept as structured
//! problems that [`super::error`] words in either language; the members read in document order, the
//! first fault wins. The caller places a fault by its JSON path.

use rust_decimal::Decimal;

use super::amount::{decimal_of_digits, parse_decimal, shorten, Amount, AmountProblem, MAX_DIGITS};
use super::error::{Expected, Found, Problem};
use super::locate::{JsonPath, Seg};
use super::model::{
    Comparison, Doubt, FigureSpans, Node, Phase, Relation, Report, RestatedFigure, Restatement,
    Source, Span, Unit, Unplaced,
};
use super::printed::{Column, Printed};
use super::tree::{Container, Json, Shape};
use crate::word::join;

/// A fault and the JSON path of the value at fault.
pub(crate) type Fault = Box<(JsonPath, Problem)>;
type Read<T> = Result<T, Fault>;

/// Where a value stands: the path is spelled out only for a fault.
#[derive(Clone, Copy)]
enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    fn path(&self) -> JsonPath {
        let mut segs = Vec::new();
        let mut at = self;
        loop {
            match at {
                At::Root => break,
                At::Key(parent, key) => {
                    segs.push(Seg::Key((*key).to_string()));
                    at = parent;
                }
                At::Index(parent, index) => {
                    segs.push(Seg::Index(*index));
                    at = parent;
                }
            }
        }
        segs.reverse();
        JsonPath(segs)
    }

    fn fault<T>(&self, problem: Problem) -> Read<T> {
        Err(Box::new((self.path(), problem)))
    }

    fn wrong_type<T>(&self, found: &Json, expected: Expected) -> Read<T> {
        self.fault(Problem::WrongType {
            found: unexpected(found),
            expected,
        })
    }

    /// The member name of the value (`amount` for an array element or the root).
    fn key(&self) -> &str {
        match self {
            At::Key(_, key) => key,
            _ => "amount",
        }
    }
}

// --- the schema the tree is read with: every member of the model and what it holds ---

const S: Shape = Shape::Scalar;
const SCALARS: Shape = Shape::Array(&S);
const SPAN: Shape = Shape::Struct(&[("start", S), ("end", S)]);
const PRINTED: Shape = Shape::Struct(&[
    ("table", S),
    ("text", S),
    ("page", S),
    ("box", SCALARS),
    ("sheet", S),
    ("cell", S),
    ("unit", S),
    ("decimals", S),
]);
const COLUMN: Shape =
    Shape::Struct(&[("id", S), ("label", S), ("amount", S), ("printed", PRINTED)]);
const RESTATEMENT: Shape = Shape::Struct(&[("amount", S), ("at", SPAN), ("of", S)]);
const FIGURE_SPANS: Shape = Shape::Struct(&[
    ("share", SPAN),
    ("prior", SPAN),
    ("change", SPAN),
    ("change_pct", SPAN),
    ("budget", SPAN),
    ("completion_pct", SPAN),
    ("comparison", SPAN),
    ("change_vs_budget", SPAN),
    ("change_vs_budget_pct", SPAN),
]);
static NODE: Shape = Shape::Struct(&[
    ("id", S),
    ("label", S),
    ("code", S),
    ("amount", S),
    ("share", S),
    ("share_of", S),
    ("share_base", S),
    ("prior", S),
    ("change", S),
    ("change_pct", S),
    ("budget", S),
    ("completion_pct", S),
    ("comparison", S),
    ("change_vs_budget", S),
    ("change_vs_budget_pct", S),
    ("restated", Shape::Array(&RESTATEMENT)),
    ("partial", S),
    ("doubt", SCALARS),
    ("at", SPAN),
    ("spans", FIGURE_SPANS),
    ("items", Shape::Array(&NODE)),
    ("columns", Shape::Array(&COLUMN)),
    ("printed", PRINTED),
]);
const RELATION: Shape = Shape::Struct(&[
    ("id", S),
    ("label", S),
    ("left", SCALARS),
    ("right", SCALARS),
]);
const UNPLACED: Shape = Shape::Struct(&[("text", S), ("at", SPAN)]);
const SOURCE: Shape = Shape::Struct(&[("url", S), ("text", S)]);
/// A whole report. `format` is kept whole: a wrong one is quoted in the message.
pub(crate) const REPORT: Shape = Shape::Struct(&[
    ("format", Shape::Any),
    ("title", S),
    ("entity", S),
    ("year", S),
    ("phase", S),
    ("unit", S),
    ("source", SOURCE),
    ("breakdowns", Shape::Array(&NODE)),
    ("relations", Shape::Array(&RELATION)),
    ("unplaced", Shape::Array(&UNPLACED)),
]);
/// Only a report's `format` (everything else skipped unread).
pub(crate) const FORMAT_ONLY: Shape = Shape::Struct(&[("format", Shape::Any)]);

// --- values ---

/// A value that was not expected, as a message names it.
fn unexpected(found: &Json) -> Found {
    match found {
        Json::Null => Found::Null,
        Json::Bool(b) => Found::Bool(*b),
        Json::Number(text) if integer(text).is_some() => Found::Integer(text.clone()),
        Json::Number(text) if text.contains(['.', 'e', 'E']) => Found::Fraction(text.clone()),
        Json::Number(text) => Found::Number(text.clone()),
        Json::String(s) => Found::Text(debug_quoted(s)),
        Json::Array(_) | Json::Skipped(Container::Array) => Found::Array,
        Json::Object(_) | Json::Skipped(Container::Object) => Found::Object,
    }
}

/// `format!("{s:?}")` of a string: in double quotes, each character as `char::escape_debug` gives it
/// except the single quote, which a string's `Debug` leaves alone. `<str as Debug>` slices its text, and
/// that slice's panic path kept core's slice error message and `<char as Debug>` in the wasm.
fn debug_quoted(s: &str) -> String {
    let mut quoted = String::with_capacity(s.len() + 2);
    quoted.push('"');
    for c in s.chars() {
        match c {
            '\'' => quoted.push(c),
            // Through `EscapeDebug`'s `Display` (core's own code), not its iterator inlined here.
            _ => {
                let _ =
                    std::fmt::Write::write_fmt(&mut quoted, format_args!("{}", c.escape_debug()));
            }
        }
    }
    quoted.push('"');
    quoted
}

/// A number without fraction or exponent that serde_json reads as an integer (u64, or i64 below zero).
fn integer(text: &str) -> Option<i128> {
    if text.contains(['.', 'e', 'E']) {
        return None;
    }
    match text.strip_prefix('-') {
        Some(digits) => {
            let magnitude = unsigned(digits)?;
            (1..=1 << 63)
                .contains(&magnitude)
                .then(|| -i128::from(magnitude))
        }
        None => unsigned(text.strip_prefix('+').unwrap_or(text)).map(i128::from),
    }
}

/// Decimal digits as a u64 (`None`: no digits, another character, or beyond u64): the standard
/// integer parsers (i128's for this, i64's for exponents) were ~1.5 KB of the widget's wasm.
fn unsigned(digits: &str) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    let mut value: u64 = 0;
    for c in digits.chars() {
        let digit = c.to_digit(10)?;
        value = value.checked_mul(10)?.checked_add(u64::from(digit))?;
    }
    Some(value)
}

/// An exponent's text (`-12`, `+5`, `5`) as an i64, as `str::parse::<i64>` reads it.
fn exponent_value(text: &str) -> Option<i64> {
    match text.strip_prefix('-') {
        Some(digits) => {
            let magnitude = unsigned(digits)?;
            (magnitude <= 1 << 63).then(|| 0i64.wrapping_sub_unsigned(magnitude))
        }
        None => i64::try_from(unsigned(text.strip_prefix('+').unwrap_or(text))?).ok(),
    }
}

fn string(v: &Json, at: &At) -> Read<String> {
    match v {
        Json::String(s) => Ok(s.clone()),
        _ => at.wrong_type(v, Expected::Text),
    }
}

fn boolean(v: &Json, at: &At) -> Read<bool> {
    match v {
        Json::Bool(b) => Ok(*b),
        _ => at.wrong_type(v, Expected::Boolean),
    }
}

/// `null` reads as absent.
fn optional<T>(v: &Json, at: &At, read: impl Fn(&Json, &At) -> Read<T>) -> Read<Option<T>> {
    match v {
        Json::Null => Ok(None),
        _ => read(v, at).map(Some),
    }
}

fn amount(v: &Json, at: &At) -> Read<Amount> {
    let field = at.key().to_string();
    let wrong = |found: &str| {
        at.fault(Problem::BadAmount {
            text: found.to_string(),
            problem: AmountProblem::WrongType,
            field: field.clone(),
        })
    };
    let text = match v {
        Json::String(text) | Json::Number(text) => text,
        Json::Null => return wrong("null"),
        Json::Bool(b) => return wrong(if *b { "true" } else { "false" }),
        Json::Array(_) | Json::Skipped(Container::Array) => return wrong("[…]"),
        Json::Object(_) | Json::Skipped(Container::Object) => return wrong("{…}"),
    };
    parse_decimal(text).map(Amount).or_else(|problem| {
        at.fault(Problem::BadAmount {
            text: shorten(text),
            problem,
            field: field.clone(),
        })
    })
}

/// An integer standing for `expected`, between `min` and `max`.
fn integer_in(v: &Json, at: &At, expected: Expected, min: i128, max: i128) -> Read<i128> {
    let Json::Number(text) = v else {
        return at.wrong_type(v, expected);
    };
    if let Some(value) = integer(text).filter(|value| (min..=max).contains(value)) {
        return Ok(value);
    }
    // Beyond even a float: out of range as JSON goes, whatever it stands for.
    in_f64_range(text, at)?;
    if text.contains(['.', 'e', 'E']) {
        return at.wrong_type(v, expected);
    }
    at.fault(Problem::OutOfRange {
        value: text.clone(),
        expected,
    })
}

/// A JSON number serde_json would read as a float: out of range when it does not fit an f64.
fn in_f64_range(text: &str, at: &At) -> Read<()> {
    if beyond_f64(text) {
        return at.fault(Problem::Syntax {
            detail: "number out of range".into(),
        });
    }
    Ok(())
}

/// Whether a JSON number's magnitude exceeds f64::MAX (1.7976931348623157e308), told from its digits:
/// parsing it as a float would link the float parser into the wasm for this one check.
fn beyond_f64(text: &str) -> bool {
    let unsigned = text.trim_start_matches('-');
    let (mantissa, exponent) = unsigned.split_once(['e', 'E']).unwrap_or((unsigned, "0"));
    let exponent = match exponent_value(exponent.trim_start_matches('+')) {
        Some(e) => e,
        // Too many exponent digits: huge, or (negative) vanishingly small.
        None => return !exponent.starts_with('-'),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return false;
    }
    // The power of ten of the first significant digit.
    let leading_zeros = (digits.len() - significant.len()) as i64;
    let magnitude = whole.len() as i64 - 1 - leading_zeros + exponent;
    match magnitude {
        ..=307 => false,
        308 => significant.trim_end_matches('0') > "17976931348623157",
        _ => true,
    }
}

/// A box coordinate: serde_json read it as an f64 and narrowed it; here it goes through an exact decimal.
fn coordinate(text: &str, at: &At) -> Read<f32> {
    in_f64_range(text, at)?;
    // rust_decimal's `to_f32`: its `to_f64`, narrowed.
    let value = scientific_decimal(text).map(|d| crate::exact::to_f64(d) as f32);
    // Beyond a decimal's 28 digits: far outside any page.
    Ok(value.unwrap_or(if text.starts_with('-') {
        f32::MIN
    } else {
        f32::MAX
    }))
}

/// A JSON number's text (`-?digits(.digits)?([eE][+-]?digits)?`) as a decimal: its first 28 significant
/// digits (a box coordinate becomes an f32, which holds far fewer), `None` beyond a decimal's range.
fn scientific_decimal(text: &str) -> Option<Decimal> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = unsigned.split_once(['e', 'E']).unwrap_or((unsigned, "0"));
    let exponent = exponent.trim_start_matches('+');
    // An exponent too long for an i64 is far beyond f64 (refused before) or far below any page unit.
    let exponent = exponent_value(exponent).unwrap_or(i64::MIN / 2);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = join(&[whole, fraction], "");
    let significant = digits.trim_start_matches('0');
    // (`get`, not `[..]`: the digits are ASCII, and a slice's panic path links core's char formatting.)
    let kept = significant.get(..MAX_DIGITS).unwrap_or(significant);
    let dropped = (significant.len() - kept.len()) as i64;
    let scale = fraction.len() as i64 - dropped - exponent;
    let negative = text.starts_with('-');
    if scale < 0 {
        let zeros = "0".repeat(usize::try_from(-scale).ok()?.min(MAX_DIGITS + 1));
        return decimal_of_digits(negative, &join(&[kept, &zeros], ""), 0);
    }
    // More than 28 decimals: the digits beyond them are dropped (below any pixel).
    let beyond = usize::try_from(scale - MAX_DIGITS as i64).unwrap_or(0);
    let kept = kept
        .get(..kept.len().saturating_sub(beyond))
        .unwrap_or(kept);
    decimal_of_digits(negative, kept, scale.min(MAX_DIGITS as i64) as u32)
}

fn index(v: &Json, at: &At) -> Read<usize> {
    let value = integer_in(v, at, Expected::Offset, 0, usize::MAX as i128)?;
    Ok(usize::try_from(value).unwrap_or(usize::MAX))
}

fn year(v: &Json, at: &At) -> Read<i32> {
    let value = integer_in(v, at, Expected::Year, i32::MIN.into(), i32::MAX.into())?;
    Ok(i32::try_from(value).unwrap_or(0))
}

/// `printed.decimals`: as many places as a decimal holds.
fn decimals(v: &Json, at: &At) -> Read<u32> {
    let value = integer_in(v, at, Expected::Decimals, 0, i128::from(MAX_DIGITS as u32))?;
    Ok(u32::try_from(value).unwrap_or(0))
}

fn page(v: &Json, at: &At) -> Read<u32> {
    let value = integer_in(v, at, Expected::Page, 0, u32::MAX.into())?;
    Ok(u32::try_from(value).unwrap_or(0))
}

/// A variant of a unit-only enum, by its name in `names` (serde's `unknown variant` message otherwise).
fn variant<T: Copy>(v: &Json, at: &At, names: &[&str], values: &[T]) -> Read<T> {
    variant_index(v, at, names).map(|i| values[i])
}

/// The place of a variant's name in `names`: one copy of the reading and its messages for every enum
/// (generic, it was inlined into each of the five).
fn variant_index(v: &Json, at: &At, names: &[&str]) -> Read<usize> {
    let Json::String(name) = v else {
        return at.wrong_type(v, Expected::Text);
    };
    if let Some(i) = names.iter().position(|n| n == name) {
        return Ok(i);
    }
    at.fault(Problem::UnknownVariant {
        found: name.clone(),
        expected: names.iter().map(|n| n.to_string()).collect(),
    })
}

fn array<'v>(v: &'v Json, at: &At) -> Read<&'v [Json]> {
    match v {
        Json::Array(items) => Ok(items),
        _ => at.wrong_type(v, Expected::Array),
    }
}

fn list<T>(v: &Json, at: &At, read: impl Fn(&Json, &At) -> Read<T>) -> Read<Vec<T>> {
    let items = array(v, at)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(read(item, &At::Index(at, i))?);
    }
    Ok(out)
}

fn bounds(v: &Json, at: &At) -> Read<[f32; 4]> {
    let items = array(v, at)?;
    if items.len() != 4 {
        return at.fault(Problem::WrongLength {
            length: items.len(),
        });
    }
    let mut out = [0.0; 4];
    for ((i, item), slot) in items.iter().enumerate().zip(out.iter_mut()) {
        let at = At::Index(at, i);
        *slot = match item {
            Json::Number(text) => coordinate(text, &at)?,
            _ => return at.wrong_type(item, Expected::Number),
        };
    }
    Ok(out)
}

/// The members of an object (serde reads a struct from an object).
fn members<'v>(v: &'v Json, at: &At) -> Read<&'v [(String, Json)]> {
    match v {
        Json::Object(members) => Ok(members),
        _ => at.wrong_type(v, Expected::Object),
    }
}

fn required<T>(value: Option<T>, field: &str, at: &At) -> Read<T> {
    match value {
        Some(value) => Ok(value),
        None => at.fault(Problem::MissingField {
            field: field.to_string(),
        }),
    }
}

// --- the model ---

/// The report in `tree` (read with [`REPORT`]).
pub(crate) fn report(tree: &Json) -> Read<Report> {
    let at = &At::Root;
    let mut format = None;
    let mut report = Report {
        format: String::new(),
        title: String::new(),
        entity: String::new(),
        year: None,
        phase: None,
        unit: Unit::default(),
        source: None,
        breakdowns: Vec::new(),
        relations: Vec::new(),
        unplaced: Vec::new(),
    };
    for (key, v) in members(tree, at)? {
        let at = &At::Key(at, key);
        match key.as_str() {
            "format" => format = Some(string(v, at)?),
            "title" => report.title = string(v, at)?,
            "entity" => report.entity = string(v, at)?,
            "year" => report.year = optional(v, at, year)?,
            "phase" => report.phase = optional(v, at, phase)?,
            "unit" => report.unit = unit(v, at)?,
            "source" => report.source = optional(v, at, source)?,
            "breakdowns" => report.breakdowns = list(v, at, node)?,
            "relations" => report.relations = list(v, at, relation)?,
            "unplaced" => report.unplaced = list(v, at, unplaced)?,
            _ => {}
        }
    }
    report.format = required(format, "format", at)?;
    Ok(report)
}

fn phase(v: &Json, at: &At) -> Read<Phase> {
    variant(v, at, &["budget", "final"], &[Phase::Budget, Phase::Final])
}

fn unit(v: &Json, at: &At) -> Read<Unit> {
    let units = [Unit::Yuan, Unit::WanYuan, Unit::YiYuan];
    variant(v, at, &units.map(Unit::zh), &units)
}

fn doubt(v: &Json, at: &At) -> Read<Doubt> {
    let doubts = [Doubt::List, Doubt::Subject, Doubt::Columns, Doubt::Name];
    variant(v, at, &doubts.map(Doubt::name), &doubts)
}

fn comparison(v: &Json, at: &At) -> Read<Comparison> {
    use Comparison::*;
    variant(v, at, &["above", "below", "equal"], &[Above, Below, Equal])
}

fn source(v: &Json, at: &At) -> Read<Source> {
    let mut source = Source::default();
    for (key, v) in members(v, at)? {
        let at = &At::Key(at, key);
        match key.as_str() {
            "url" => source.url = optional(v, at, string)?,
            "text" => source.text = optional(v, at, string)?,
            _ => {}
        }
    }
    Ok(source)
}

fn node(v: &Json, at: &At) -> Read<Node> {
    let (mut id, mut label, mut amount_) = (None, None, None);
    let mut node = Node::new("", "", Decimal::ZERO);
    for (key, v) in members(v, at)? {
        let at = &At::Key(at, key);
        if let Some(slot) = figure_slot(&mut node, key) {
            *slot = optional(v, at, amount)?;
            continue;
        }
        match key.as_str() {
            "id" => id = Some(string(v, at)?),
            "label" => label = Some(string(v, at)?),
            "code" => node.code = optional(v, at, string)?,
            "amount" => amount_ = Some(amount(v, at)?),
            "share_of" => node.share_of = optional(v, at, string)?,
            "share_base" => node.share_base = optional(v, at, string)?,
            "comparison" => node.comparison = optional(v, at, comparison)?,
            "restated" => node.restated = list(v, at, restatement)?,
            "partial" => node.partial = boolean(v, at)?,
            "doubt" => node.doubt = list(v, at, doubt)?,
            "at" => node.at = optional(v, at, span)?,
            "spans" => node.spans = figure_spans(v, at)?,
            "items" => node.items = list(v, at, self::node)?,
            "columns" => node.columns = list(v, at, column)?,
            "printed" => node.printed = optional(v, at, printed)?,
            _ => {}
        }
    }
    node.id = required(id, "id", at)?;
    node.label = required(label, "label", at)?;
    node.amount = required(amount_, "amount", at)?;
    Ok(node)
}

/// A node's optional figure by its member name (one reading for all of them: a `match` arm per figure
/// with its own call and error path was ~1 KB more of the wasm).
fn figure_slot<'n>(node: &'n mut Node, key: &str) -> Option<&'n mut Option<Amount>> {
    Some(match key {
        "share" => &mut node.share,
        "prior" => &mut node.prior,
        "change" => &mut node.change,
        "change_pct" => &mut node.change_pct,
        "budget" => &mut node.budget,
        "completion_pct" => &mut node.completion_pct,
        "change_vs_budget" => &mut node.change_vs_budget,
        "change_vs_budget_pct" => &mut node.change_vs_budget_pct,
        _ => return None,
    })
}

fn span(v: &Json, at: &At) -> Read<Span> {
    let (mut start, mut end) = (None, None);
    for (key, v) in members(v, at)? {
        let at = &At::Key(at, key);
        match key.as_str() {
            "start" => start = Some(index(v, at)?),
            "end" => end = Some(index(v, at)?),
            _ => {}
        }
    }
    Ok(Span {
        start: required(start, "start", at)?,
        end: required(end, "end", at)?,
    })
}

fn figure_spans(v: &Json, at: &At) -> Read<FigureSpans> {
    let mut spans = FigureSpans::default();
    for (key, v) in members(v, at)? {
        let at = &At::Key(at, key);
        let slot = match key.as_str() {
            "share" => &mut spans.share,
            "prior" => &mut spans.prior,
            "change" => &mut spans.change,
            "change_pct" => &mut spans.change_pct,
            "budget" => &mut spans.budget,
            "completion_pct" => &mut spans.completion_pct,
            "comparison" => &mut spans.comparison,
            "change_vs_budget" => &mut spans.change_vs_budget,
            "change_vs_budget_pct" => &mut spans.change_vs_budget_pct,
            _ => continue,
        };
        *slot = optional(v, at, span)?;
    }
    Ok(spans)
}

fn restatement(v: &Json, at: &At) -> Read<Restatement> {
    let (mut amount_, mut span_, mut of) = (None, None, None);
    for (key, v) in members(v, at)? {
        let at = &At::Key(at, key);
        match key.as_str() {
            "amount" => amount_ = Some(amount(v, at)?),
            "at" => span_ = optional(v, at, span)?,
            "of" => of = optional(v, at, restated_figure)?,
            _ => {}
        }
    }
    Ok(Restatement {
        amount: required(amount_, "amount", at)?,
        at: span_,
        of: of.unwrap_or_default(),
    })
}

fn restated_figure(v: &Json, at: &At) -> Read<RestatedFigure> {
    use RestatedFigure::*;
    variant(
        v,
        at,
        &["amount", "budget", "change", "change_pct"],
        &[Amount, Budget, Change, ChangePct],
    )
}

fn relation(v: &Json, at: &At) -> Read<Relation> {
    let (mut id, mut left, mut right) = (None, None, None);
    let mut label = String::new();
    for (key, v) in members(v, at)? {
        let at = &At::Key(at, key);
        match key.as_str() {
            "id" => id = Some(string(v, at)?),
            "label" => label = string(v, at)?,
            "left" => left = Some(list(v, at, string)?),
            "right" => right = Some(list(v, at, string)?),
            _ => {}
        }
    }
    Ok(Relation {
        id: required(id, "id", at)?,
        label,
        left: required(left, "left", at)?,
        right: required(right, "right", at)?,
    })
}

fn unplaced(v: &Json, at: &At) -> Read<Unplaced> {
    let (mut text, mut span_) = (None, None);
    for (key, v) in members(v, at)? {
        let at = &At::Key(at, key);
        match key.as_str() {
            "text" => text = Some(string(v, at)?),
            "at" => span_ = Some(span(v, at)?),
            _ => {}
        }
    }
    Ok(Unplaced {
        text: required(text, "text", at)?,
        at: required(span_, "at", at)?,
    })
}

/// A `printed`; `table` is optional: a figure of the running text printed in another unit has none.
fn printed(v: &Json, at: &At) -> Read<Printed> {
    let mut printed = Printed::default();
    for (key, v) in members(v, at)? {
        let at = &At::Key(at, key);
        match key.as_str() {
            "table" => printed.table = string(v, at)?,
            "text" => printed.text = string(v, at)?,
            "page" => printed.page = optional(v, at, page)?,
            "box" => printed.bounds = optional(v, at, bounds)?,
            "sheet" => printed.sheet = optional(v, at, string)?,
            "cell" => printed.cell = optional(v, at, string)?,
            "unit" => printed.unit = optional(v, at, unit)?,
            "decimals" => printed.decimals = optional(v, at, decimals)?,
            _ => {}
        }
    }
    Ok(printed)
}

fn column(v: &Json, at: &At) -> Read<Column> {
    let (mut id, mut label, mut amount_) = (None, None, None);
    let mut printed_ = None;
    for (key, v) in members(v, at)? {
        let at = &At::Key(at, key);
        match key.as_str() {
            "id" => id = Some(string(v, at)?),
            "label" => label = Some(string(v, at)?),
            "amount" => amount_ = Some(amount(v, at)?),
            "printed" => printed_ = optional(v, at, printed)?,
            _ => {}
        }
    }
    Ok(Column {
        id: required(id, "id", at)?,
        label: required(label, "label", at)?,
        amount: required(amount_, "amount", at)?,
        printed: printed_,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_a_string_as_debug_does() {
        let every_char: String = (0..0x3_0000).filter_map(char::from_u32).collect();
        assert_eq!(debug_quoted(&every_char), format!("{every_char:?}"));
        for text in [
            "",
            "'",
            "\"",
            "a'b\"c\\d",
            "\u{301}a",
            "a\u{301}",
            "\u{200b}",
            "\0\n\t\u{7f}",
            "预算\u{e0001}",
        ] {
            assert_eq!(debug_quoted(text), format!("{text:?}"), "{text}");
        }
    }

    #[test]
    fn tells_numbers_beyond_f64_from_their_digits() {
        for text in [
            "1e309",
            "-2e308",
            "1.8e308",
            "179769313486231580000e288",
            "1e99999999999999999999",
        ] {
            assert!(beyond_f64(text), "{text}");
        }
        let max = &format!("17976931348623157{}", "0".repeat(292));
        for text in [
            "1.7976931348623157e308",
            "0.001e310",
            "1e-400",
            "0",
            "-0.0",
            "123.5",
            max.as_str(),
        ] {
            assert!(!beyond_f64(text), "{text}");
        }
        assert!(beyond_f64(&"9".repeat(10_000)));
    }

    /// The own digit readers agree with the standard parsers on every number text they see.
    #[test]
    fn integers_read_as_the_standard_parsers_read_them() {
        let texts = [
            "0",
            "-0",
            "7",
            "-7",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "9223372036854775807",
            "9223372036854775808",
            "123456789012345678901234567890",
            "",
            "-",
            "+",
            "+5",
            "-+5",
            "1a",
        ];
        for text in texts {
            let theirs = text.parse::<i128>().ok().filter(|v| {
                if text.starts_with('-') {
                    *v < 0 && *v >= i128::from(i64::MIN)
                } else {
                    *v <= i128::from(u64::MAX)
                }
            });
            assert_eq!(integer(text), theirs, "{text}");
            assert_eq!(exponent_value(text), text.parse::<i64>().ok(), "{text}");
        }
    }

    #[test]
    fn box_coordinates_read_as_f32() {
        let at = At::Root;
        assert_eq!(coordinate("12.5", &at).unwrap(), 12.5);
        assert_eq!(coordinate("1e-7", &at).unwrap(), 1e-7);
        assert_eq!(coordinate("-3", &at).unwrap(), -3.0);
        assert_eq!(coordinate("595.2756", &at).unwrap(), 595.2756_f32);
    }

    /// The own reader of a JSON number's text gives rust_decimal's value wherever that one reads it.
    #[test]
    fn scientific_numbers_read_as_rust_decimal_reads_them() {
        use std::str::FromStr;
        for text in [
            "0",
            "-0.0",
            "12.5",
            "1e-7",
            "1E+3",
            "-2.50e2",
            "595.2756",
            "0.000e5",
            "123456.789e-3",
            "1.5e20",
            "7e27",
            "-31.4159e-1",
            "1e-28",
            "0.00120",
        ] {
            let theirs = Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text));
            assert_eq!(scientific_decimal(text), theirs.ok(), "{text}");
        }
        assert_eq!(scientific_decimal("1e29"), None);
        assert_eq!(coordinate("1e40", &At::Root).unwrap(), f32::MAX);
        assert_eq!(coordinate("-1e-300", &At::Root).unwrap(), 0.0);
    }
}
