//! Checked decimal arithmetic, each operation compiled once into the wasm.
//!
//! rust_decimal marks `checked_add`, `checked_sub`, `checked_mul` and the additions and multiplications
//! behind them `#[inline(always)]`, so every call site carried its own copy (a few hundred bytes of wasm
//! each, ~40 sites). These wrappers stay out of line in the wasm: one copy of each operation, called from
//! everywhere. Natively they inline as before (the CLI checks reports in bulk).

use rust_decimal::Decimal;

/// `None` on overflow (or a zero divisor), like rust_decimal's `checked_*`.
pub trait Exact {
    fn plus(self, other: Decimal) -> Option<Decimal>;
    fn minus(self, other: Decimal) -> Option<Decimal>;
    fn times(self, other: Decimal) -> Option<Decimal>;
    fn divided_by(self, other: Decimal) -> Option<Decimal>;
}

impl Exact for Decimal {
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn plus(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }

    /// The addition of the negated subtrahend (bit for bit what `checked_sub` gives: rust_decimal's
    /// subtraction is its addition with the sign flipped, zero kept as it is), so that the wasm holds one
    /// copy of the addition, not two.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn minus(self, other: Decimal) -> Option<Decimal> {
        self.plus(if other.is_zero() { other } else { -other })
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn times(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn divided_by(self, other: Decimal) -> Option<Decimal> {
        self.checked_div(other)
    }
}

#[cfg(test)]
mod subtraction_tests {
    use super::*;
    use std::str::FromStr;

    /// `minus` is `checked_sub` bit for bit: value, scale, the sign of a zero, overflow.
    #[test]
    fn minus_is_checked_sub_bit_for_bit() {
        let texts = [
            "0",
            "-0",
            "0.00",
            "-0.000",
            "1",
            "-1",
            "1.50",
            "-2.5",
            "0.001",
            "12345.6789",
            "4294967295",
            "4294967296",
            "18446744073709551615",
            "-18446744073709551616.5",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "0.0000000000000000000000000001",
        ];
        let mut values: Vec<Decimal> = texts
            .iter()
            .map(|t| Decimal::from_str(t).unwrap())
            .collect();
        values.push(-Decimal::ZERO);
        for a in &values {
            for b in &values {
                let theirs = a.checked_sub(*b).map(|d| d.serialize());
                assert_eq!(a.minus(*b).map(|d| d.serialize()), theirs, "{a} - {b}");
            }
        }
    }
}
