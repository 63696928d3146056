//! Printed figures → report amounts: as printed when the table prints in the report's unit (the usual
//! case: the report takes the unit most tables print in), else converted exactly (元 → 万元 moves the
//! decimal point four places, so `87267272.44` 元 is `8726.727244` 万元 with its printed precision intact;
//! 万元 → 元 multiplies out, `10.81` 万元 is `108100` 元), and carrying where they were printed.

use budget_lens_core::report::{convert, Amount, Column, Printed, Unit};
use rust_decimal::Decimal;

use crate::grid::Origin;
use crate::table::{Figure, Table};

/// How figures of one table become report amounts.
pub struct Scale<'t> {
    pub table: &'t Table,
    /// The table's unit and the report's.
    from: Unit,
    to: Unit,
    /// The scale of a blank cell read as zero: the precision the table prints its figures with.
    blank_scale: u32,
    /// The decimals the table prints its figures with, in its own unit.
    printed_decimals: u32,
}

impl<'t> Scale<'t> {
    pub fn new(table: &'t Table, report_unit: Unit) -> Self {
        let printed_decimals = table
            .halves
            .iter()
            .flat_map(|h| &h.rows)
            .flat_map(|r| &r.values)
            .filter_map(|f| f.value)
            .map(|v| v.scale())
            .max()
            .unwrap_or(2);
        let zero = shift_to(
            Amount(Decimal::new(0, printed_decimals)),
            table.unit,
            report_unit,
        );
        Scale {
            table,
            from: table.unit,
            to: report_unit,
            blank_scale: zero.value().scale(),
            printed_decimals,
        }
    }

    /// The figure in the report's unit; a blank is an exact zero at the table's printed precision.
    pub fn amount(&self, figure: &Figure) -> Amount {
        match figure.value {
            Some(value) => shift_to(Amount(value), self.from, self.to),
            None => Amount(Decimal::new(0, self.blank_scale.min(28))),
        }
    }

    /// Where the figure was printed, with its text; and, for a table in another unit than the report's, that
    /// unit and the table's decimals (the figure's precision, and how a reader is shown it).
    pub fn printed(&self, figure: &Figure) -> Printed {
        let mut printed = printed_at(&self.table.title, &figure.text, figure.origin.as_ref());
        if self.from != self.to {
            printed.unit = Some(self.from);
            printed.decimals = Some(self.printed_decimals.min(28));
        }
        printed
    }

    /// A column entry for a figure, or `None` when the cell is blank (a blank column adds nothing).
    pub fn column(&self, id: &str, label: &str, figure: &Figure) -> Option<Column> {
        figure.value?;
        Some(Column {
            id: id.to_string(),
            label: label.to_string(),
            amount: self.amount(figure),
            printed: Some(self.printed(figure)),
        })
    }
}

/// An amount in `from` units expressed in `to` units, by core's [`convert`]: exact when `to` is the larger
/// unit (the point moves left); a larger `from` is multiplied out, its decimals dropped as far as they were
/// zeros the multiplication added (`10.81` 万元 → `108100` 元, not `108100.00`: no finer than printed).
/// Beyond a decimal's range the amount stays as read.
pub fn shift_to(amount: Amount, from: Unit, to: Unit) -> Amount {
    convert(amount.value(), from, to).map_or(amount, Amount)
}

pub fn printed_at(table: &str, text: &str, origin: Option<&Origin>) -> Printed {
    let mut printed = Printed {
        table: table.to_string(),
        text: text.to_string(),
        ..Printed::default()
    };
    match origin {
        Some(Origin::Page {
            page,
            x,
            y,
            width,
            height,
        }) => {
            printed.page = Some(*page);
            printed.bounds = Some([*x, *y, *width, *height]);
        }
        Some(Origin::Sheet { sheet, row, column }) => {
            printed.sheet = Some(sheet.clone());
            printed.cell = Some(cell_name(*row, *column));
        }
        None => {}
    }
    printed
}

/// 0-based row and column → `A1`, `AB12`.
pub fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn yuan_become_wan_yuan_exactly() {
        let d = |s: &str| Amount(Decimal::from_str(s).unwrap());
        let wan = |s| {
            shift_to(d(s), Unit::Yuan, Unit::WanYuan)
                .value()
                .to_string()
        };
        assert_eq!(wan("87267272.44"), "8726.727244");
        assert_eq!(wan("156211123"), "15621.1123");
        assert_eq!(wan("29400.50"), "2.940050");
        let same = shift_to(d("2940.05"), Unit::WanYuan, Unit::WanYuan);
        assert_eq!(same.value().to_string(), "2940.05");
    }

    #[test]
    fn beyond_a_decimals_range_the_amount_stays_as_read() {
        let d = |s: &str| Amount(Decimal::from_str(s).unwrap());
        let tiny = "0.000000000000000000000000001";
        let shifted = shift_to(d(tiny), Unit::Yuan, Unit::WanYuan);
        assert_eq!(shifted.value().to_string(), tiny);
        let huge = "79228162514264337593543950";
        assert_eq!(
            shift_to(d(huge), Unit::YiYuan, Unit::Yuan)
                .value()
                .to_string(),
            huge
        );
    }

    #[test]
    fn wan_yuan_become_yuan_no_finer_than_printed() {
        let d = |s: &str| Amount(Decimal::from_str(s).unwrap());
        let yuan = |s| {
            shift_to(d(s), Unit::WanYuan, Unit::Yuan)
                .value()
                .to_string()
        };
        assert_eq!(yuan("10.81"), "108100");
        assert_eq!(yuan("0.00"), "0");
        assert_eq!(yuan("12.345678"), "123456.78");
        assert_eq!(
            shift_to(d("1.5"), Unit::YiYuan, Unit::WanYuan)
                .value()
                .to_string(),
            "15000"
        );
    }

    /// `shift_to` as it was (24b5ffb, on `yuan_per_unit`): the amounts, value and scale, are the same.
    #[test]
    fn answers_as_it_did_before_core_converted() {
        fn before(amount: Amount, from: Unit, to: Unit) -> Amount {
            let (f, t) = (from.yuan_per_unit(), to.yuan_per_unit());
            let value = amount.value();
            if f == t {
                amount
            } else if t > f {
                let mut out = value;
                match out.set_scale(value.scale() + (t / f).ilog10()) {
                    Ok(()) => Amount(out),
                    Err(_) => amount,
                }
            } else {
                let places = (f / t).ilog10();
                let Some(mut out) = value.checked_mul(Decimal::from(f / t)) else {
                    return amount;
                };
                out.rescale(value.scale().saturating_sub(places));
                Amount(out)
            }
        }
        let units = [Unit::Yuan, Unit::WanYuan, Unit::YiYuan];
        for m in [
            0i128,
            5,
            -1081,
            108100,
            8_726_727_244,
            79228162514264337593543950335,
        ] {
            for scale in [0, 2, 4, 8, 22, 27, 28] {
                let amount = Amount(Decimal::from_i128_with_scale(m, scale));
                for (from, to) in units.iter().flat_map(|f| units.map(|t| (*f, t))) {
                    let (new, old) = (shift_to(amount, from, to), before(amount, from, to));
                    assert_eq!(
                        (new.value(), new.value().scale()),
                        (old.value(), old.value().scale()),
                        "{m}e-{scale} {from:?}→{to:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn cells_are_named_as_spreadsheets_do() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 2), "C7");
        assert_eq!(cell_name(9, 27), "AB10");
    }
}
