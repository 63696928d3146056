//! The exact tolerance model: every slack is derived from the precision a figure was printed with.
//!
//! All arithmetic is checked: a report may hold amounts near `Decimal::MAX`, and an overflow must skip a
//! check rather than panic. `None` means "cannot be computed exactly", and the caller checks nothing.

use crate::exact::Exact;
use crate::report::{Printing, Unit};
use rust_decimal::{Decimal, RoundingStrategy};

use super::finding::Severity;

/// One unit of the last printed digit: 0.01 for `"1550.17"`, 1 for `"20"`.
pub fn unit(value: Decimal) -> Decimal {
    // `from_parts`, not `Decimal::new`: no panic path (a decimal's scale is at most 28).
    Decimal::from_parts(1, 0, 0, false, value.scale())
}

/// Half a unit of the last printed digit: 0.005 for `"1550.17"`.
pub fn half_unit(value: Decimal) -> Decimal {
    // Scale 28 is the most a Decimal holds, so half of 1e-28 rounds up to 1e-28 there.
    Decimal::try_new(5, value.scale() + 1).unwrap_or(crate::exact::SMALLEST)
}

/// Half a unit of a figure's last printed digit, in the report's unit: of its printing when a table printed it
/// in another unit (`10.81` 万元 in a report in 元: 50, a zero exact), else of what it shows.
pub fn half_as_printed(value: Decimal, printing: Option<Printing>, report: Unit) -> Decimal {
    match printing {
        Some(printing) => printing.half_unit(value, report),
        None => half_unit(value),
    }
}

/// One unit of a figure's last printed digit (twice [`half_as_printed`]).
pub fn unit_as_printed(value: Decimal, printing: Option<Printing>, report: Unit) -> Decimal {
    match printing {
        Some(_) => both(
            half_as_printed(value, printing, report),
            half_as_printed(value, printing, report),
        ),
        None => unit(value),
    }
}

/// Two tolerances added (sums of half-units, far from overflow) through the one out-of-line addition of
/// [`crate::exact`]: Decimal's `+` carries a copy of its own.
pub fn both(a: Decimal, b: Decimal) -> Decimal {
    a.plus(b).unwrap_or(Decimal::MAX)
}

/// Σ values, or `None` on overflow.
pub fn sum<I: IntoIterator<Item = Decimal>>(values: I) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, Decimal::plus)
}

/// 100 · numerator / denominator, or `None` on a zero denominator or overflow.
pub fn percent(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    numerator
        .divided_by(denominator)?
        .times(Decimal::ONE_HUNDRED)
}

/// How far a percentage may lie from 100·a/b because a and b were themselves rounded:
/// 100·(h_a/|b| + |a|·h_b/b²) — the first-order propagation of half-units.
pub fn propagated_percent(a: Decimal, h_a: Decimal, b: Decimal, h_b: Decimal) -> Option<Decimal> {
    let b = b.abs();
    let from_a = h_a.divided_by(b)?;
    let from_b = a.abs().times(h_b)?.divided_by(b.times(b)?)?;
    from_a.plus(from_b)?.times(Decimal::ONE_HUNDRED)
}

/// The verdict on a difference: none when within `consistent`, a warning within `tolerance`, else an error.
pub fn judge(difference: Decimal, consistent: Decimal, tolerance: Decimal) -> Option<Severity> {
    let distance = difference.abs();
    if distance <= consistent {
        None
    } else if distance <= tolerance {
        Some(Severity::Warning)
    } else {
        Some(Severity::Error)
    }
}

/// The most decimals a Decimal holds; `rescale` beyond it leaves a value that later arithmetic panics on.
const MAX_SCALE: u32 = 28;

/// A computed value shown to `decimals` places (at most 28), rounded half away from zero.
pub fn shown(value: Decimal, decimals: u32) -> Decimal {
    let decimals = decimals.min(MAX_SCALE);
    let mut shown = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    shown.rescale(decimals);
    shown
}

/// A tolerance shown to `decimals` places (at most 28), never smaller than it is.
pub fn shown_up(value: Decimal, decimals: u32) -> Decimal {
    let decimals = decimals.min(MAX_SCALE);
    let mut shown = value.round_dp_with_strategy(decimals, RoundingStrategy::AwayFromZero);
    shown.rescale(decimals);
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::prelude::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn units_follow_printed_precision() {
        assert_eq!(unit(d("1550.17")), d("0.01"));
        assert_eq!(half_unit(d("1550.17")), d("0.005"));
        assert_eq!(half_unit(d("7.3")), d("0.05"));
        assert_eq!(half_unit(d("20")), d("0.5"));
        assert_eq!(half_unit(Decimal::new(1, 28)), Decimal::new(1, 28));
    }

    #[test]
    fn arithmetic_overflow_is_none() {
        assert_eq!(sum([Decimal::MAX, Decimal::ONE]), None);
        assert_eq!(percent(Decimal::ONE, Decimal::ZERO), None);
        assert_eq!(percent(Decimal::MAX, Decimal::ONE), None);
        assert_eq!(
            propagated_percent(Decimal::MAX, d("0.5"), Decimal::new(1, 28), d("0.5")),
            None
        );
    }

    #[test]
    fn judging_on_and_past_the_envelope() {
        assert_eq!(judge(d("0.005"), d("0.005"), d("0.01")), None);
        assert_eq!(
            judge(d("-0.01"), d("0"), d("0.01")),
            Some(Severity::Warning)
        );
        assert_eq!(
            judge(d("0.0100001"), d("0"), d("0.01")),
            Some(Severity::Error)
        );
    }
}
