//! Numbers as a reader sees them: exact decimals with their printed precision, grouped by thousands,
//! with the unit. Never through a float.

use budget_lens_core::exact::Exact;
use rust_decimal::{Decimal, RoundingStrategy};

pub use budget_lens_core::report::money::{grouped, in_yuan};
use budget_lens_core::report::Unit;
use budget_lens_core::Lang;

/// Decimals of computed percentages (shares, changes).
pub const PERCENT_DECIMALS: u32 = 2;

/// The unit in the reader's language.
pub fn unit_name(unit: Unit, lang: Lang) -> &'static str {
    lang.pick(unit.zh(), unit.en())
}

/// An amount with its unit: `1,302.65万元`; in English in yuan, exactly, as English readers write money:
/// `CNY 13,026,500` (the printed precision kept: `88.130039万元` is `CNY 881,300.39`).
pub fn amount(value: Decimal, unit: Unit, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}{}", grouped(value), unit.zh()),
        Lang::En => match in_yuan(value, unit) {
            Some(yuan) => format!("CNY {}", grouped(yuan)),
            None => format!("{} {}", grouped(value), unit.en()),
        },
    }
}

/// A signed amount: `+97.05万元`, `CNY +970,500`, `-600.42万元`.
pub fn signed_amount(value: Decimal, unit: Unit, lang: Lang) -> String {
    match (lang, in_yuan(value, unit)) {
        (Lang::En, Some(yuan)) => format!("CNY {}", signed(yuan)),
        (Lang::En, None) => format!("{} {}", signed(value), unit.en()),
        (Lang::Zh, _) => format!("{}{}", signed(value), unit.zh()),
    }
}

/// A large amount also in 亿元 (or billion/million yuan in English), rounded for reading:
/// `约1.23亿元`, `about 123.46 million yuan`. `None` below 1亿元 or when the unit is already 亿元;
/// the exact figure stays the one shown beside it.
pub fn in_yi(value: Decimal, unit: Unit, lang: Lang) -> Option<String> {
    if unit == Unit::YiYuan {
        return None;
    }
    let yuan = value.times(Decimal::from(unit.yuan_per_unit()))?;
    let yi = Decimal::from(100_000_000u64);
    if yuan.abs() < yi {
        return None;
    }
    let round = |v: Decimal| {
        let mut r = v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        r.rescale(2);
        grouped(r)
    };
    Some(match lang {
        Lang::Zh => format!("约{}亿元", round(yuan.divided_by(yi)?)),
        Lang::En if yuan.abs() >= Decimal::from(1_000_000_000u64) => {
            let billions = yuan.divided_by(Decimal::from(1_000_000_000u64))?;
            format!("about {} billion yuan", round(billions))
        }
        Lang::En => {
            let millions = yuan.divided_by(Decimal::from(1_000_000u64))?;
            format!("about {} million yuan", round(millions))
        }
    })
}

/// A percentage as printed: `57.87%`.
pub fn percent(value: Decimal) -> String {
    format!("{}%", grouped(value))
}

/// A signed figure: `+12.30`, `-503.37`, `0.00`.
pub fn signed(value: Decimal) -> String {
    if value > Decimal::ZERO {
        format!("+{}", grouped(value))
    } else {
        grouped(value)
    }
}

/// `100 · part / whole`, rounded half away from zero to two decimals; `None` when `whole` is zero.
pub fn share(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let ratio = part.times(Decimal::ONE_HUNDRED)?.divided_by(whole)?;
    let mut rounded =
        ratio.round_dp_with_strategy(PERCENT_DECIMALS, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(PERCENT_DECIMALS);
    Some(rounded)
}

/// A fraction for pixel geometry only: `part / whole` as a float in [0, 1] (0 for non-positive parts).
pub fn fraction(part: Decimal, whole: Decimal) -> f64 {
    if whole <= Decimal::ZERO || part <= Decimal::ZERO {
        return 0.0;
    }
    let ratio = part.divided_by(whole).unwrap_or(Decimal::ONE);
    budget_lens_core::exact::to_f64(ratio).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn groups_thousands_and_keeps_printed_scale() {
        assert_eq!(grouped(d("1302.65")), "1,302.65");
        assert_eq!(grouped(d("11.00")), "11.00");
        assert_eq!(grouped(d("-1234567.5")), "-1,234,567.5");
        assert_eq!(grouped(d("999")), "999");
        assert_eq!(grouped(d("100000")), "100,000");
        assert_eq!(grouped(d("0.05")), "0.05");
        // 19 significant digits survive exactly.
        assert_eq!(
            grouped(d("1234567890123456.789")),
            "1,234,567,890,123,456.789"
        );
    }

    #[test]
    fn amounts_carry_the_unit_in_the_language() {
        assert_eq!(
            amount(d("1550.17"), Unit::WanYuan, Lang::Zh),
            "1,550.17万元"
        );
        assert_eq!(
            amount(d("1550.17"), Unit::WanYuan, Lang::En),
            "CNY 15,501,700"
        );
        assert_eq!(
            amount(d("88.130039"), Unit::WanYuan, Lang::En),
            "CNY 881,300.39"
        );
        assert_eq!(amount(d("3.50"), Unit::Yuan, Lang::En), "CNY 3.50");
        assert_eq!(amount(d("1.2"), Unit::YiYuan, Lang::En), "CNY 120,000,000");
        assert_eq!(
            signed_amount(d("-600.42"), Unit::WanYuan, Lang::En),
            "CNY -6,004,200"
        );
        assert_eq!(
            signed_amount(d("97.05"), Unit::WanYuan, Lang::Zh),
            "+97.05万元"
        );
        assert_eq!(amount(d("3"), Unit::Yuan, Lang::Zh), "3元");
    }

    #[test]
    fn shares_round_half_away_from_zero_to_two_decimals() {
        assert_eq!(
            share(d("1302.65"), d("1550.17")).unwrap().to_string(),
            "84.03"
        );
        assert_eq!(share(d("1"), d("8")).unwrap().to_string(), "12.50");
        assert_eq!(share(d("1"), d("3")).unwrap().to_string(), "33.33");
        assert_eq!(share(d("2"), d("3")).unwrap().to_string(), "66.67");
        assert_eq!(share(d("5"), d("5")).unwrap().to_string(), "100.00");
        assert_eq!(share(d("1"), d("0")), None);
        // 0.125% rounds up to 0.13, not to the even 0.12.
        assert_eq!(share(d("1"), d("800")).unwrap().to_string(), "0.13");
    }

    #[test]
    fn signs_and_percents() {
        assert_eq!(signed(d("12.3")), "+12.3");
        assert_eq!(signed(d("-503.37")), "-503.37");
        assert_eq!(signed(d("0.00")), "0.00");
        assert_eq!(percent(d("57.87")), "57.87%");
    }

    #[test]
    fn fractions_are_clamped_for_geometry() {
        assert_eq!(fraction(d("-1"), d("10")), 0.0);
        assert_eq!(fraction(d("5"), d("0")), 0.0);
        assert!((fraction(d("1"), d("4")) - 0.25).abs() < 1e-12);
    }

    #[test]
    fn large_totals_read_in_yi_yuan_as_well() {
        assert_eq!(
            in_yi(d("123456.78"), Unit::WanYuan, Lang::Zh).as_deref(),
            Some("约12.35亿元")
        );
        assert_eq!(
            in_yi(d("123456.78"), Unit::WanYuan, Lang::En).as_deref(),
            Some("about 1.23 billion yuan")
        );
        assert_eq!(
            in_yi(d("25000"), Unit::WanYuan, Lang::En).as_deref(),
            Some("about 250.00 million yuan")
        );
        assert_eq!(in_yi(d("9999.99"), Unit::WanYuan, Lang::Zh), None);
        assert_eq!(in_yi(d("5"), Unit::YiYuan, Lang::Zh), None);
        assert_eq!(
            in_yi(d("150000000"), Unit::Yuan, Lang::Zh).as_deref(),
            Some("约1.50亿元")
        );
    }
}
