//! Checked decimal arithmetic, each operation compiled once into the wasm.
//!
//! rust_decimal marks `checked_add`, `checked_sub`, `checked_mul` and the additions and multiplications
//! behind them `#[inline(always)]`, so every call site carried its own copy (a few hundred bytes of wasm
//! each, ~40 sites). These wrappers stay out of line in the wasm: one copy of each operation, called from
//! everywhere. Natively they inline as before (the CLI checks reports in bulk).

use rust_decimal::Decimal;

/// The smallest positive decimal, 1e-28. A constant rather than `Decimal::new(1, 28)`, whose run-time call
/// links its panic with rust_decimal's error texts into the wasm.
pub const SMALLEST: Decimal = Decimal::from_parts(1, 0, 0, false, 28);

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

/// A decimal as the nearest f64, bit for bit what rust_decimal's `to_f64` (`Decimal::as_f64`) gives —
/// the same steps (the integral and fractional parts, their sum, rounded at the decimal's scale) — on the
/// 96-bit magnitude's three 32-bit limbs. rust_decimal takes them as one `u128`, and 128-bit division and
/// conversions are ~2 KB of compiler_builtins in the wasm, linked for this alone.
pub fn to_f64(value: Decimal) -> f64 {
    let parts = value.unpack();
    let magnitude = [parts.hi, parts.mid, parts.lo];
    let signed = |v: f64| if parts.negative { -v } else { v };
    if parts.scale == 0 {
        // `as_i128() as f64`: a zero is +0.0 whatever its sign.
        let v = limbs_to_f64(magnitude);
        return if v == 0.0 { v } else { signed(v) };
    }
    let (integral, fraction, precision) = split_at_scale(magnitude, parts.scale);
    let fraction = limbs_to_f64(fraction) / limbs_to_f64(precision);
    let integral = limbs_to_f64(integral);
    if fraction == 0.0 {
        return signed(integral);
    }
    let round_to = powi(10.0, parts.scale);
    signed(((integral + fraction) * round_to).round() / round_to)
}

/// A decimal's text exactly as rust_decimal's `Display` writes it (`-0.50`, `108100`: every decimal of its
/// scale, `-` before a negative, a negative zero too), by a digit loop on the limbs: its `Display`
/// (`to_str_internal`, arrayvec, a `concat` for a precision) was ~2.5 KB of the widget's wasm.
pub fn text(value: Decimal) -> String {
    let digits = unsigned_text(value);
    if value.is_sign_negative() {
        crate::word::join(&["-", &digits], "")
    } else {
        digits
    }
}

/// A decimal formatted with `{}` as by rust_decimal's `Display` (sign, width and fill through
/// `Formatter::pad_integral`, as there); a precision is not taken (no caller gives one).
#[derive(Clone, Copy)]
pub struct Text(pub Decimal);

impl core::fmt::Display for Text {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad_integral(self.0.is_sign_positive(), "", &unsigned_text(self.0))
    }
}

/// The magnitude's digits with the point before the last `scale` of them, at least one before it.
fn unsigned_text(value: Decimal) -> String {
    let parts = value.unpack();
    let (mut limbs, scale) = ([parts.hi, parts.mid, parts.lo], parts.scale as usize);
    // Lowest digit first; as many as the scale needs, and one before the point.
    let mut digits = Vec::with_capacity(32);
    while limbs != [0; 3] || digits.len() <= scale {
        let (quotient, digit) = div_small(limbs, 10);
        digits.push(b'0' + digit as u8);
        limbs = quotient;
    }
    let mut out = String::with_capacity(digits.len() + 1);
    for (i, &digit) in digits.iter().enumerate().rev() {
        out.push(char::from(digit));
        if i == scale && scale > 0 {
            out.push('.');
        }
    }
    out
}

/// The integral and fractional parts of a magnitude with `scale` decimals, and `10^scale`.
fn split_at_scale(magnitude: [u32; 3], scale: u32) -> ([u32; 3], [u32; 3], [u32; 3]) {
    // Divided by at most 10^9 at a time: (remainder, divisor) of each step, lowest digits first.
    let mut steps = [(0, 1); 4];
    let (mut integral, mut left) = (magnitude, scale);
    for step in &mut steps {
        let digits = left.min(9);
        let divisor = 10_u32.pow(digits);
        let (quotient, remainder) = div_small(integral, divisor);
        (integral, *step, left) = (quotient, (remainder, divisor), left - digits);
    }
    // fraction = r1 + d1 · (r2 + d2 · (r3 + d3 · r4)); precision = d1 · d2 · d3 · d4.
    let (mut fraction, mut precision) = ([0; 3], [0, 0, 1]);
    for &(remainder, divisor) in steps.iter().rev() {
        fraction = mul_add(fraction, divisor, remainder);
        precision = mul_add(precision, divisor, 0);
    }
    (integral, fraction, precision)
}

/// `limbs / divisor` and the remainder (limbs most significant first).
fn div_small(limbs: [u32; 3], divisor: u32) -> ([u32; 3], u32) {
    let (mut quotient, mut remainder) = ([0; 3], 0_u64);
    for (q, limb) in quotient.iter_mut().zip(limbs) {
        let current = (remainder << 32) | u64::from(limb);
        *q = (current / u64::from(divisor)) as u32;
        remainder = current % u64::from(divisor);
    }
    (quotient, remainder as u32)
}

/// `limbs · factor + add`, within 96 bits (every use stays below 10^29).
fn mul_add(limbs: [u32; 3], factor: u32, add: u32) -> [u32; 3] {
    let (mut out, mut carry) = ([0; 3], u64::from(add));
    for (o, limb) in out.iter_mut().zip(limbs).rev() {
        let v = u64::from(limb) * u64::from(factor) + carry;
        *o = v as u32;
        carry = v >> 32;
    }
    out
}

/// The 96-bit integer as the nearest f64 (ties to even, as `u128 as f64`): below 2^64 one conversion;
/// above, its top 64 bits with a sticky bit for anything below them, then scaled by the exact power of two.
fn limbs_to_f64([hi, mid, lo]: [u32; 3]) -> f64 {
    let top = (u64::from(hi) << 32) | u64::from(mid);
    if hi == 0 {
        return ((top << 32) | u64::from(lo)) as f64;
    }
    let shift = hi.leading_zeros();
    let high = (top << shift) | (u64::from(lo) >> (32 - shift));
    let sticky = u64::from(lo << shift != 0);
    let scale = f64::from_bits(u64::from(1023 + 32 - shift) << 52);
    (high | sticky) as f64 * scale
}

/// `base.powi(n)` as compiler_builtins' `__powidf2` computes it (square and multiply), bit for bit.
fn powi(mut base: f64, mut n: u32) -> f64 {
    let mut product = 1.0;
    loop {
        if n & 1 != 0 {
            product *= base;
        }
        n >>= 1;
        if n == 0 {
            return product;
        }
        base *= base;
    }
}

#[cfg(test)]
mod to_f64_tests {
    use super::*;
    use rust_decimal::prelude::ToPrimitive;

    fn same(value: Decimal) {
        let theirs = value.to_f64().unwrap();
        assert_eq!(
            to_f64(value).to_bits(),
            theirs.to_bits(),
            "{value:?} (scale {})",
            value.scale()
        );
    }

    /// Every scale, magnitudes of every width (random bits, powers of two and ten and their neighbours,
    /// the largest), both signs and signed zeros.
    #[test]
    fn to_f64_is_rust_decimals_bit_for_bit() {
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for scale in 0..=28 {
            let mut magnitudes: Vec<u128> = vec![0, 1, 9, 10, 11, (1 << 96) - 1];
            for bits in 1..=96 {
                magnitudes.extend([(1 << bits) - 1, 1 << (bits - 1), (1 << (bits - 1)) + 1]);
            }
            for digits in 1..=28 {
                let ten = 10_u128.pow(digits);
                magnitudes.extend([ten - 1, ten, ten + 1, ten / 2, ten / 2 + 1]);
            }
            for _ in 0..3000 {
                let wide = (u128::from(next()) << 64 | u128::from(next())) >> (32 + next() % 96);
                magnitudes.push(wide);
            }
            for m in magnitudes {
                let limbs = ((m >> 64) as u32, (m >> 32) as u32, m as u32);
                for negative in [false, true] {
                    same(Decimal::from_parts(
                        limbs.2, limbs.1, limbs.0, negative, scale,
                    ));
                }
            }
        }
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

#[cfg(test)]
mod text_tests {
    use super::*;

    /// Equal to rust_decimal's `Display` (and with a width, sign and fill) on every scale, signed zeros,
    /// the extremes and random magnitudes.
    #[test]
    fn text_is_rust_decimals_display() {
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut values = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::ONE,
        ];
        for scale in 0..=28 {
            for m in [0_u32, 1, 5, 9, 10, 99, 100, 108_100, u32::MAX] {
                values.push(Decimal::from_parts(m, 0, 0, false, scale));
                values.push(Decimal::from_parts(m, 0, 0, true, scale));
            }
            for _ in 0..200 {
                let (a, b) = (next(), next());
                let (lo, mid, hi) = (a as u32, (a >> 32) as u32, (b as u32) >> (b % 33).min(31));
                values.push(Decimal::from_parts(lo, mid, hi, b & 1 == 1, scale));
            }
        }
        for value in values {
            assert_eq!(text(value), value.to_string(), "{value:?}");
            assert_eq!(Text(value).to_string(), value.to_string());
            assert_eq!(format!("{:>40}", Text(value)), format!("{value:>40}"));
            assert_eq!(format!("{:+}", Text(value)), format!("{value:+}"));
            assert_eq!(format!("{:*<12}", Text(value)), format!("{value:*<12}"));
        }
    }
}
