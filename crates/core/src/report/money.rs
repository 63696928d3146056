//! Amounts as people read them, shared by the checker's messages and the chart: grouped by thousands with
//! the printed precision kept, and (for English) converted exactly into yuan.

use crate::exact::Exact;
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
/// dropped): `65.91` 万元 → `659100`. `None` on overflow.
pub fn in_yuan(value: Decimal, unit: Unit) -> Option<Decimal> {
    let per_unit = unit.yuan_per_unit();
    let mut yuan = value.times(Decimal::from(per_unit))?;
    let shift = per_unit.ilog10();
    yuan.rescale(value.scale().saturating_sub(shift));
    Some(yuan)
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
}
