//! Printed figures → report amounts: converted exactly into the report's unit (元 → 万元 moves the decimal
//! point four places, so `87267272.44` 元 is `8726.727244` 万元 with its printed precision intact) and
//! carrying where they were printed.

use budget_lens_core::report::{Amount, Column, Printed, Unit};
use rust_decimal::Decimal;

use crate::grid::Origin;
use crate::table::{Figure, Table};

/// How figures of one table become report amounts.
pub struct Scale<'t> {
    pub table: &'t Table,
    /// Decimal places the point moves left: 4 for 元 in a 万元 report.
    shift: u32,
    /// The scale of a blank cell read as zero: the precision the table prints its figures with.
    blank_scale: u32,
}

impl<'t> Scale<'t> {
    pub fn new(table: &'t Table, report_unit: Unit) -> Self {
        let ratio = report_unit.yuan_per_unit() / table.unit.yuan_per_unit().max(1);
        let shift = ratio.max(1).ilog10();
        let printed_decimals = table
            .halves
            .iter()
            .flat_map(|h| &h.rows)
            .flat_map(|r| &r.values)
            .filter_map(|f| f.value)
            .map(|v| v.scale())
            .max()
            .unwrap_or(2);
        Scale {
            table,
            shift,
            blank_scale: printed_decimals + shift,
        }
    }

    /// The figure in the report's unit; a blank is an exact zero at the table's printed precision.
    pub fn amount(&self, figure: &Figure) -> Amount {
        match figure.value {
            Some(value) => Amount(shifted(value, self.shift)),
            None => Amount(Decimal::new(0, self.blank_scale.min(28))),
        }
    }

    /// Where the figure was printed, with its text.
    pub fn printed(&self, figure: &Figure) -> Printed {
        printed_at(&self.table.title, &figure.text, figure.origin.as_ref())
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

/// `value / 10^shift`, exactly (the scale grows; at most 28 places).
pub fn shifted(value: Decimal, shift: u32) -> Decimal {
    let mut out = value;
    if out.set_scale(value.scale() + shift).is_err() {
        return value;
    }
    out
}

/// An amount in `from` units expressed in `to` units: exact when `to` is the larger unit (the point moves
/// left); a larger `from` is multiplied out.
pub fn shift_to(amount: Amount, from: Unit, to: Unit) -> Amount {
    let (f, t) = (from.yuan_per_unit(), to.yuan_per_unit());
    if f == t {
        amount
    } else if t > f {
        Amount(shifted(amount.value(), (t / f).ilog10()))
    } else {
        let factor = Decimal::from(f / t);
        Amount(amount.value().checked_mul(factor).unwrap_or(amount.value()))
    }
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
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(shifted(d("87267272.44"), 4).to_string(), "8726.727244");
        assert_eq!(shifted(d("156211123"), 4).to_string(), "15621.1123");
        assert_eq!(shifted(d("2940.05"), 0).to_string(), "2940.05");
    }

    #[test]
    fn cells_are_named_as_spreadsheets_do() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 2), "C7");
        assert_eq!(cell_name(9, 27), "AB10");
    }
}
