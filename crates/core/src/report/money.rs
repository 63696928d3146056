//! Amounts as people read them, shared by the checker's messages and the chart: grouped by thousands with
//! the printed precision kept, and (for English) converted exactly into yuan.

use rust_decimal::Decimal;

use super::Unit;

/// `1302.65` → `1,302.65`; keeps the printed scale (`11.00` stays `11.00`) and the sign.
pub fn grouped(value: Decimal) -> String {
    let text = crate::exact::text(value);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `value` units in yuan, exact, with the printed precision carried over (trailing zeros the unit adds
/// dropped): `65.91` 万元 → `659100`. `None` on overflow. [`convert`](super::convert) into yuan.
pub fn in_yuan(value: Decimal, unit: Unit) -> Option<Decimal> {
    super::convert(value, unit, Unit::Yuan)
}

/// Money in English words, exact: `CNY 659,100` for 65.91万元 (`value unit` when it would overflow).
pub fn money_en(value: Decimal, unit: Unit) -> String {
    match in_yuan(value, unit) {
        Some(yuan) => format!("CNY {}", grouped(yuan)),
        None => format!("{} {}", grouped(value), unit.en()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_money_is_exact_yuan() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(money_en(d("65.91"), Unit::WanYuan), "CNY 659,100");
        assert_eq!(money_en(d("0.01"), Unit::WanYuan), "CNY 100");
        assert_eq!(money_en(d("-1234.5"), Unit::Yuan), "CNY -1,234.5");
        assert_eq!(money_en(d("88.130039"), Unit::WanYuan), "CNY 881,300.39");
    }

    /// `in_yuan` as it was (24b5ffb): the same value and scale, from every unit.
    #[test]
    fn answers_as_before_it_was_convert() {
        use crate::exact::Exact;
        fn before(value: Decimal, unit: Unit) -> Option<Decimal> {
            let per_unit = unit.yuan_per_unit();
            let mut yuan = value.times(Decimal::from(per_unit))?;
            yuan.rescale(value.scale().saturating_sub(per_unit.ilog10()));
            Some(yuan)
        }
        for m in [
            0i128,
            7,
            -1081,
            659_100,
            79_228_162_514_264_337_593_543_950_335,
        ] {
            for scale in [0, 1, 2, 4, 8, 28] {
                let value = Decimal::from_i128_with_scale(m, scale);
                for unit in [Unit::Yuan, Unit::WanYuan, Unit::YiYuan] {
                    let (new, old) = (in_yuan(value, unit), before(value, unit));
                    assert_eq!(new.map(|v| (v, v.scale())), old.map(|v| (v, v.scale())));
                }
            }
        }
    }
}
