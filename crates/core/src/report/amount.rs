//! Exact amounts: a decimal printed as a JSON string or number, parsed with a strict grammar.
//!
//! `rust_decimal` alone would accept `"1e3"`, `"+5"` or `" 5"`; a report must say what it prints, so only
//! `-?digits(.digits)?` is accepted. The printed scale is kept (`"11.00"` stays two decimals).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// The most significant digits an amount may have (rust_decimal holds 28 exactly).
pub const MAX_DIGITS: usize = 28;

/// An exact amount with the scale it was printed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub Decimal);

impl Amount {
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Amount {
    fn from(value: Decimal) -> Self {
        Amount(value)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::exact::Text(self.0).fmt(f)
    }
}

/// Why a text is not an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountProblem {
    Empty,
    /// `1e3`, `1E-2`
    Exponent,
    /// `NaN`, `Infinity`
    NotANumber,
    /// more than [`MAX_DIGITS`] significant digits
    TooManyDigits,
    /// anything else that is not `-?digits(.digits)?`
    Malformed,
    /// a JSON value that is neither a string nor a number
    WrongType,
}

impl AmountProblem {
    /// A stable code, used to carry the problem through serde's string errors.
    pub fn code(self) -> &'static str {
        match self {
            AmountProblem::Empty => "empty",
            AmountProblem::Exponent => "exponent",
            AmountProblem::NotANumber => "nan",
            AmountProblem::TooManyDigits => "digits",
            AmountProblem::Malformed => "malformed",
            AmountProblem::WrongType => "type",
        }
    }

    pub fn from_code(code: &str) -> Option<AmountProblem> {
        [
            AmountProblem::Empty,
            AmountProblem::Exponent,
            AmountProblem::NotANumber,
            AmountProblem::TooManyDigits,
            AmountProblem::Malformed,
            AmountProblem::WrongType,
        ]
        .into_iter()
        .find(|p| p.code() == code)
    }
}

/// Parses `-?digits(.digits)?` exactly, keeping the printed scale.
pub fn parse_decimal(text: &str) -> Result<Decimal, AmountProblem> {
    if text.is_empty() {
        return Err(AmountProblem::Empty);
    }
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !fraction.is_none_or(all_digits) {
        let lower = text.to_ascii_lowercase();
        let lower = lower.trim_start_matches(['-', '+']);
        if lower.starts_with("nan") || lower.starts_with("inf") {
            return Err(AmountProblem::NotANumber);
        }
        if text.bytes().any(|b| b == b'e' || b == b'E') && text.bytes().any(|b| b.is_ascii_digit())
        {
            return Err(AmountProblem::Exponent);
        }
        return Err(AmountProblem::Malformed);
    }
    let significant = whole.trim_start_matches('0').len() + fraction.map_or(0, str::len);
    if significant > MAX_DIGITS || fraction.map_or(0, str::len) > MAX_DIGITS {
        return Err(AmountProblem::TooManyDigits);
    }
    let digits = crate::word::join(&[whole, fraction.unwrap_or("")], "");
    decimal_of_digits(
        text.starts_with('-'),
        &digits,
        fraction.map_or(0, str::len) as u32,
    )
    .ok_or(AmountProblem::TooManyDigits)
}

/// The exact decimal of plain ASCII digits (no sign, no point) with `scale` of them after the point, `None`
/// beyond rust_decimal's 96-bit mantissa or 28 decimals. Own code because rust_decimal's string parser (with
/// its scientific forms) is ~8 KB of the widget's wasm, and every caller has checked the digits already.
///
/// What `Decimal::try_from_i128_with_scale` of the digits' `i128` gave, with the sign set after (a zero stays
/// plain zero): the mantissa is refused as soon as it passes 96 bits (it only grows), so no checked 128-bit
/// multiplication (`__muloti4`) is needed.
pub(crate) fn decimal_of_digits(negative: bool, digits: &str, scale: u32) -> Option<Decimal> {
    const MAX_MANTISSA: u128 = (1 << 96) - 1;
    if scale > Decimal::MAX_SCALE {
        return None;
    }
    let mut mantissa: u128 = 0;
    for digit in digits.bytes() {
        mantissa = mantissa * 10 + u128::from(digit.wrapping_sub(b'0'));
        if mantissa > MAX_MANTISSA {
            return None;
        }
    }
    let (lo, mid, hi) = (
        mantissa as u32,
        (mantissa >> 32) as u32,
        (mantissa >> 64) as u32,
    );
    Some(Decimal::from_parts(lo, mid, hi, negative, scale))
}

impl FromStr for Amount {
    type Err = AmountProblem;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_decimal(s).map(Amount)
    }
}

/// Marks a serde custom error as an amount problem: `<MARK><code>:<text>`.
pub(crate) const AMOUNT_ERROR_MARK: &str = "\u{1}budget-lens-amount:";

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AmountVisitor)
    }
}

/// The key under which serde_json's `arbitrary_precision` hands over a number's exact text.
const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

struct AmountVisitor;

impl AmountVisitor {
    fn parsed<E: de::Error>(text: &str) -> Result<Amount, E> {
        parse_decimal(text)
            .map(Amount)
            .map_err(|problem| amount_error(problem, text))
    }

    fn wrong_type<E: de::Error>(found: &str) -> Result<Amount, E> {
        Err(amount_error(AmountProblem::WrongType, found))
    }
}

fn amount_error<E: de::Error>(problem: AmountProblem, text: &str) -> E {
    E::custom(format!(
        "{AMOUNT_ERROR_MARK}{}:{}",
        problem.code(),
        shorten(text)
    ))
}

impl<'de> de::Visitor<'de> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal amount as a string or a number")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Amount, E> {
        Self::parsed(text)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Amount, E> {
        Ok(Amount(Decimal::from(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Amount, E> {
        Ok(Amount(Decimal::from(value)))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Amount, E> {
        // Only reachable without arbitrary_precision: a float is not an exact amount. Not formatted: f64's
        // Display would link the float formatter into the wasm for a path it never takes.
        let _ = value;
        Err(amount_error(
            AmountProblem::Malformed,
            "(a floating-point number)",
        ))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Amount, E> {
        Self::wrong_type(if value { "true" } else { "false" })
    }

    fn visit_unit<E: de::Error>(self) -> Result<Amount, E> {
        Self::wrong_type("null")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Amount, A::Error> {
        Self::wrong_type("[…]")
    }

    /// A number, as serde_json's `arbitrary_precision` passes it: a one-entry map holding its exact text.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Amount, A::Error> {
        match map.next_key::<std::borrow::Cow<'de, str>>()? {
            Some(key) if key == JSON_NUMBER_TOKEN => {
                let text: std::borrow::Cow<'de, str> = map.next_value()?;
                Self::parsed(&text)
            }
            _ => Self::wrong_type("{…}"),
        }
    }
}

impl Serialize for Amount {
    /// Amounts are written as strings so that every JSON reader keeps them exact.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&crate::exact::Text(self.0))
    }
}

/// At most 40 characters of an offending text, for messages.
pub(crate) fn shorten(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// serde `with` helpers for optional amounts.
pub mod opt_amount {
    use super::Amount;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(
        value: &Option<Amount>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    /// `null` reads as absent, like a missing field.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Amount>, D::Error> {
        Option::<Amount>::deserialize(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `decimal_of_digits` as it was: the digits' `i128`, `try_from_i128_with_scale`, the sign set after.
    fn through_i128(negative: bool, digits: &str, scale: u32) -> Option<Decimal> {
        let mut mantissa: i128 = 0;
        for digit in digits.bytes() {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(i128::from(digit.wrapping_sub(b'0')))?;
        }
        let mut value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
        value.set_sign_negative(negative && mantissa != 0);
        Some(value)
    }

    #[test]
    fn digits_read_as_through_i128() {
        let max = "79228162514264337593543950335";
        let over = "79228162514264337593543950336";
        let digits = [
            "",
            "0",
            "00",
            "7",
            "10",
            "0012345",
            "4294967296",
            "18446744073709551616",
            max,
            over,
            "999999999999999999999999999999",
            "1000000000000000000000000000000000000000",
            "170141183460469231731687303715884105728",
        ];
        for d in digits {
            for scale in [0, 1, 2, 9, 28, 29, 40] {
                for negative in [false, true] {
                    let ours = decimal_of_digits(negative, d, scale).map(|v| v.serialize());
                    let theirs = through_i128(negative, d, scale).map(|v| v.serialize());
                    assert_eq!(ours, theirs, "{d} {scale} {negative}");
                }
            }
        }
    }

    #[test]
    fn keeps_printed_scale() {
        assert_eq!(parse_decimal("11.00").map(|d| d.scale()), Ok(2));
        assert_eq!(parse_decimal("7.3").map(|d| d.scale()), Ok(1));
        assert_eq!(parse_decimal("20").map(|d| d.scale()), Ok(0));
        assert_eq!(
            parse_decimal("-503.37").map(|d| d.to_string()),
            Ok("-503.37".into())
        );
    }

    /// The own digit reader gives what rust_decimal's parser gives: value, scale and sign (of zero too).
    #[test]
    fn reads_digits_as_rust_decimal_does() {
        for text in [
            "0",
            "-0",
            "-0.00",
            "0.10",
            "11.00",
            "-503.37",
            "7",
            "000123.4500",
            "9999999999999999999999999999",
            "0.0000000000000000000000000001",
            "-1234567890123456789.12",
            "-9999999999999999999.999999999",
        ] {
            let ours = parse_decimal(text).ok();
            let theirs = Decimal::from_str(text).ok();
            assert_eq!(
                ours.map(|d| d.serialize()),
                theirs.map(|d| d.serialize()),
                "{text}"
            );
        }
    }

    #[test]
    fn nineteen_digits_stay_exact() {
        let d = parse_decimal("1234567890123456789.12").map(|d| d.to_string());
        assert_eq!(d, Ok("1234567890123456789.12".to_string()));
    }

    #[test]
    fn rejects_what_is_not_printed_plainly() {
        assert_eq!(parse_decimal(""), Err(AmountProblem::Empty));
        assert_eq!(parse_decimal("1e3"), Err(AmountProblem::Exponent));
        assert_eq!(parse_decimal("1E400"), Err(AmountProblem::Exponent));
        assert_eq!(parse_decimal("NaN"), Err(AmountProblem::NotANumber));
        assert_eq!(parse_decimal("-Infinity"), Err(AmountProblem::NotANumber));
        assert_eq!(parse_decimal("+5"), Err(AmountProblem::Malformed));
        assert_eq!(parse_decimal(" 5"), Err(AmountProblem::Malformed));
        assert_eq!(parse_decimal("5."), Err(AmountProblem::Malformed));
        assert_eq!(parse_decimal(".5"), Err(AmountProblem::Malformed));
        assert_eq!(parse_decimal("1,000"), Err(AmountProblem::Malformed));
        assert_eq!(parse_decimal("万元"), Err(AmountProblem::Malformed));
        assert_eq!(
            parse_decimal(&"9".repeat(29)),
            Err(AmountProblem::TooManyDigits)
        );
        assert_eq!(
            parse_decimal(&"9".repeat(10_000)),
            Err(AmountProblem::TooManyDigits)
        );
        assert!(parse_decimal(&"9".repeat(28)).is_ok());
        assert!(parse_decimal(&format!("{}1", "0".repeat(100))).is_ok());
    }

    #[test]
    fn problem_codes_round_trip() {
        for p in [
            AmountProblem::Empty,
            AmountProblem::Exponent,
            AmountProblem::NotANumber,
            AmountProblem::TooManyDigits,
            AmountProblem::Malformed,
            AmountProblem::WrongType,
        ] {
            assert_eq!(AmountProblem::from_code(p.code()), Some(p));
        }
    }
}
