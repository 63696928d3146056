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

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn minus(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
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
