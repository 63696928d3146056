//! Extension of format v1 for reports imported from published tables: where each figure was printed, and a
//! node's figures in the table's other columns (基本支出 / 项目支出 …). Relation paths may name a column:
//! `gpb_by_function/208#basic` is the 基本支出 figure of the node `gpb_by_function/208`.

use serde::{Deserialize, Serialize};

use rust_decimal::{Decimal, RoundingStrategy};

use super::amount::Amount;
use super::model::{Node, Unit};
use super::resolve::Resolver;
use crate::exact::Exact;

/// Where a figure was printed: the table, its text as printed, and the page and box (a PDF) or the sheet
/// and cell (a workbook, CSV file or HTML table). A figure of the running text printed in another unit
/// (`1.56亿元` in a report in 万元) has no table: only its `text`, `unit` and `decimals`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Printed {
    /// The table's title as printed; empty (and left out) for a figure of the running text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub table: String,
    /// The figure exactly as printed (`2,940.05`; empty when the cell is blank).
    #[serde(default)]
    pub text: String,
    /// 1-based page of a PDF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The box on that page in PDF points: x, y (down from the top), width, height.
    #[serde(default, rename = "box", skip_serializing_if = "Option::is_none")]
    pub bounds: Option<[f32; 4]>,
    /// The sheet (or file, or HTML table) of a workbook cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The cell as a spreadsheet names it (`C7`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// The unit the table printed the figure in, when it is not the report's (a 三公 table in 万元 in a report
    /// in 元): the amount stays in the report's unit, converted exactly; see [`Printing`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// The decimals the table printed its figures with in `unit` (`10.81` 万元: 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
}

impl Printed {
    /// Whether the figure was printed in a table (imported), not in the running text.
    pub fn in_table(&self) -> bool {
        !self.table.is_empty()
    }

    /// How the figure was printed, when `unit` says so.
    pub fn printing(&self) -> Option<Printing> {
        Some(Printing {
            unit: self.unit?,
            decimals: self.decimals,
        })
    }
}

/// How a figure was printed in another unit than the report's — by a table, or by the running text in a larger
/// unit (`1.56亿元` in a report in 万元): the unit and the decimals (docs/FORMAT.md, "A table in another unit"). The figure's precision is that of its printing (`10.81` 万元 is known to 100 yuan, not
/// to the yuan its `108100` shows), and a reader is shown it as printed (`10.81万元`). A zero is exact (a
/// table's `0`, `-` or blank cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printing {
    pub unit: Unit,
    /// `None`: not said; the figure is then held to what its amount shows, as any other.
    pub decimals: Option<u32>,
}

/// A figure in `from` units expressed exactly in `to` units, to the precision it was printed with — the one
/// conversion of the extractor, the table importer and the display. The rule: into a larger unit the point
/// moves left and every digit stays, trailing zeros included (`881300.39` 元 → `88.130039` 万元, `108100.00`
/// 元 → `10.810000` 万元); into a smaller unit the figure is multiplied out with no decimals added, so
/// decimals are dropped only as far as the multiplication made them zeros (`10.81` 万元 → `108100` 元, not
/// `108100.00`; `1.523456` 亿元 → `15234.56` 万元). In scale terms: the scale moves by the units' exponents
/// and never goes below 0. `None` beyond a decimal's range (more than 28 decimals, or too many digits).
pub fn convert(value: Decimal, from: Unit, to: Unit) -> Option<Decimal> {
    let shift = from.exponent() - to.exponent();
    let places = shift.unsigned_abs();
    let mut out = value;
    if shift >= 0 {
        out = value.times(Decimal::from(10u64.pow(places)))?;
        // Exact: the decimals dropped are the zeros the multiplication added.
        out.rescale(value.scale().saturating_sub(places));
    } else {
        out.set_scale(value.scale() + places).ok()?;
    }
    Some(out)
}

/// A value in `from` units expressed exactly in `to` units (`None` beyond a decimal's range), with no
/// trailing zeros: `108100` 元 is `10.81` 万元. [`convert`] of the value without its trailing zeros (so that
/// zeros alone never put it beyond the range), without trailing zeros.
pub fn in_unit(value: Decimal, from: Unit, to: Unit) -> Option<Decimal> {
    convert(trimmed(value), from, to).map(trimmed)
}

/// The value with no trailing zeros after the point (`10.8100` → `10.81`, `108100` stays), by the rounding the
/// checker already uses: rust_decimal's `normalize` is ~2 KB more of the widget's wasm.
fn trimmed(value: Decimal) -> Decimal {
    for places in 0..value.scale() {
        let mut fewer =
            value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
        if fewer == value {
            fewer.rescale(places);
            return fewer;
        }
    }
    value
}

impl Printing {
    /// A figure (in the report's unit) as printed: in the printing's unit, exactly, to its decimals at least
    /// (`108100` 元 → `10.81` 万元, `108000` → `10.80`); `None` beyond a decimal's range.
    pub fn shown(self, value: Decimal, report: Unit) -> Option<Decimal> {
        let mut out = in_unit(value, report, self.unit)?;
        if let Some(decimals) = self.decimals.filter(|d| *d > out.scale() && *d <= 28) {
            let mut padded = out;
            padded.rescale(decimals);
            if padded == out {
                out = padded;
            }
        }
        Some(out)
    }

    /// Half a unit of the figure's last printed digit, in the report's unit: `10.81` 万元 in a report in 元,
    /// 50; no finer than the figure itself shows (`10.8123` 万元 with 2 decimals said: 0.5 yuan); a zero is
    /// exact. Without decimals, half a unit of what the amount shows.
    pub fn half_unit(self, value: Decimal, report: Unit) -> Decimal {
        if value.is_zero() {
            return Decimal::ZERO;
        }
        let own = || Decimal::try_new(5, value.scale() + 1).unwrap_or(crate::exact::SMALLEST);
        let (Some(decimals), Some(printed)) = (self.decimals, in_unit(value, report, self.unit))
        else {
            return own();
        };
        let decimals = i64::from(decimals.max(printed.scale()));
        // 5·10^(shift − decimals − 1) in the report's unit.
        let power = i64::from(self.unit.exponent() - report.exponent()) - decimals - 1;
        match u32::try_from(power) {
            Ok(power) => Decimal::from(5 * 10u64.pow(power.min(15))),
            Err(_) => u32::try_from(-power)
                .ok()
                .and_then(|scale| Decimal::try_new(5, scale).ok())
                .unwrap_or(crate::exact::SMALLEST),
        }
    }
}

/// A node's figure in another column of its table row (`basic`: 基本支出). The columns of a node are the
/// parts of its amount by another division, so they add up to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub id: String,
    pub label: String,
    pub amount: Amount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<Printed>,
}

impl Column {
    /// How the column's figure was printed: its own printing, else its row's.
    pub fn printing(&self, node: &Node) -> Option<Printing> {
        self.printed
            .as_ref()
            .and_then(Printed::printing)
            .or_else(|| node.printing())
    }
}

impl Node {
    /// How the node's table figures (its amount and budget) were printed, when in another unit than the
    /// report's.
    pub fn printing(&self) -> Option<Printing> {
        self.printed.as_ref().and_then(Printed::printing)
    }
}

/// A figure a relation names: a node's amount, or one of its columns.
#[derive(Debug, Clone, Copy)]
pub struct Term<'a> {
    pub node: &'a Node,
    pub column: Option<&'a Column>,
}

impl Term<'_> {
    pub fn amount(&self) -> rust_decimal::Decimal {
        self.column.map_or(self.node.amount, |c| c.amount).value()
    }

    /// How the figure was printed (a column's, or its row's).
    pub fn printing(&self) -> Option<Printing> {
        match self.column {
            Some(column) => column.printing(self.node),
            None => self.node.printing(),
        }
    }

    /// Whether the figure was printed in a table (imported), not in running text.
    pub fn in_table(&self) -> bool {
        self.column
            .and_then(|c| c.printed.as_ref())
            .or(self.node.printed.as_ref())
            .is_some_and(Printed::in_table)
    }

    /// In plain words: the table and row (`支出决算表‘卫生健康支出’`) when the figure was printed in a table,
    /// the node's label otherwise; a column adds its label (`…‘合计’基本支出`).
    pub fn describe(&self) -> String {
        let printed = self
            .column
            .and_then(|c| c.printed.as_ref())
            .or(self.node.printed.as_ref());
        let row = match printed {
            Some(p) if p.in_table() => format!("{}‘{}’", p.table, self.node.label),
            _ => self.node.label.clone(),
        };
        match self.column {
            Some(column) => format!("{row}{}", column.label),
            None => row,
        }
    }
}

/// `path#column` → (`path`, `Some(column)`), split at the last `#`.
pub fn split_column(path: &str) -> (&str, Option<&str>) {
    match path.rsplit_once('#') {
        Some((node, column)) => (node, Some(column)),
        None => (path, None),
    }
}

impl<'a> Resolver<'a> {
    /// The figure at a relation path: `root/child`, or `root/child#column`. A path naming a node as a whole
    /// wins, so ids containing `#` (allowed before columns existed) keep working.
    pub fn term_at(&mut self, path: &str) -> Option<Term<'a>> {
        if let Some(node) = self.node_at(path) {
            return Some(Term { node, column: None });
        }
        let (node_path, Some(id)) = split_column(path) else {
            return None;
        };
        let node = self.node_at(node_path)?;
        let column = node.columns.iter().find(|c| c.id == id)?;
        Some(Term {
            node,
            column: Some(column),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    const WAN_2: Printing = Printing {
        unit: Unit::WanYuan,
        decimals: Some(2),
    };

    #[test]
    fn a_figure_is_shown_as_printed_exactly() {
        let shown = |v: &str, p: Printing, report: Unit| p.shown(d(v), report).unwrap().to_string();
        assert_eq!(shown("108100", WAN_2, Unit::Yuan), "10.81");
        assert_eq!(shown("108000", WAN_2, Unit::Yuan), "10.80");
        assert_eq!(shown("0", WAN_2, Unit::Yuan), "0.00");
        assert_eq!(shown("100", WAN_2, Unit::Yuan), "0.01");
        // Never rounded: a figure finer than the decimals keeps its digits.
        assert_eq!(shown("108123", WAN_2, Unit::Yuan), "10.8123");
        assert_eq!(shown("-150", WAN_2, Unit::Yuan), "-0.015");
        let yuan = Printing {
            unit: Unit::Yuan,
            decimals: Some(2),
        };
        assert_eq!(shown("8726.727244", yuan, Unit::WanYuan), "87267272.44");
        assert_eq!(shown("8726.7272", yuan, Unit::WanYuan), "87267272.00");
        let bare = Printing {
            unit: Unit::WanYuan,
            decimals: None,
        };
        assert_eq!(shown("108000", bare, Unit::Yuan), "10.8");
    }

    #[test]
    fn the_precision_is_the_printings() {
        let half = |v: &str, p: Printing, report: Unit| p.half_unit(d(v), report);
        assert_eq!(half("108100", WAN_2, Unit::Yuan), d("50"));
        assert_eq!(half("-99800", WAN_2, Unit::Yuan), d("50"));
        assert_eq!(half("0", WAN_2, Unit::Yuan), Decimal::ZERO);
        assert_eq!(half("108123", WAN_2, Unit::Yuan), d("0.5"));
        let yi = Printing {
            unit: Unit::YiYuan,
            decimals: Some(0),
        };
        assert_eq!(half("300000000", yi, Unit::Yuan), d("50000000"));
        let yuan = Printing {
            unit: Unit::Yuan,
            decimals: Some(2),
        };
        assert_eq!(half("8726.727244", yuan, Unit::WanYuan), d("0.0000005"));
        let bare = Printing {
            unit: Unit::WanYuan,
            decimals: None,
        };
        assert_eq!(half("108100", bare, Unit::Yuan), d("0.5"));
        let fine = Printing {
            unit: Unit::Yuan,
            decimals: Some(28),
        };
        assert_eq!(half("1", fine, Unit::YiYuan), Decimal::new(1, 28));
    }

    #[test]
    fn converts_exactly_to_the_printed_precision() {
        let c = |v: &str, from, to| convert(d(v), from, to).map(|x| x.to_string());
        assert_eq!(
            c("881300.39", Unit::Yuan, Unit::WanYuan).as_deref(),
            Some("88.130039")
        );
        assert_eq!(
            c("108100.00", Unit::Yuan, Unit::WanYuan).as_deref(),
            Some("10.810000")
        );
        assert_eq!(
            c("10.81", Unit::WanYuan, Unit::Yuan).as_deref(),
            Some("108100")
        );
        assert_eq!(
            c("11.00", Unit::WanYuan, Unit::Yuan).as_deref(),
            Some("110000")
        );
        assert_eq!(
            c("1.523456", Unit::YiYuan, Unit::WanYuan).as_deref(),
            Some("15234.56")
        );
        assert_eq!(
            c("1.52345600", Unit::YiYuan, Unit::WanYuan).as_deref(),
            Some("15234.5600")
        );
        assert_eq!(
            c("7.30", Unit::WanYuan, Unit::WanYuan).as_deref(),
            Some("7.30")
        );
        assert_eq!(
            c("-0.5", Unit::YiYuan, Unit::Yuan).as_deref(),
            Some("-50000000")
        );
        // Beyond the range: 29 decimals, or 29 digits.
        assert_eq!(
            c("0.000000000000000000000001", Unit::Yuan, Unit::YiYuan),
            None
        );
        assert_eq!(
            c("79228162514264337593543950", Unit::YiYuan, Unit::Yuan),
            None
        );
        // in_unit: the same, without trailing zeros, and zeros alone never out of range.
        let i = |v: &str, from, to| in_unit(d(v), from, to).map(|x| x.to_string());
        assert_eq!(
            i("108100.00", Unit::Yuan, Unit::WanYuan).as_deref(),
            Some("10.81")
        );
        assert_eq!(
            i("1.52345600", Unit::YiYuan, Unit::WanYuan).as_deref(),
            Some("15234.56")
        );
        assert_eq!(
            i("1.000000000000000000000000", Unit::Yuan, Unit::YiYuan).as_deref(),
            Some("0.00000001")
        );
    }

    /// The conversions `convert` replaced, as they were (24b5ffb): the extractor's (on the mantissa) and the
    /// display's (`in_unit`, trimmed first and last). `convert` and `in_unit` answer as they did, value and scale.
    #[test]
    fn answers_as_the_conversions_it_replaced() {
        fn extractor(value: Decimal, from: Unit, to: Unit) -> Option<Decimal> {
            let shift = i64::from(from.exponent() - to.exponent());
            let (mantissa, scale) = (value.mantissa(), i64::from(value.scale()));
            let new_scale = scale - shift;
            if new_scale >= 0 {
                Decimal::try_from_i128_with_scale(mantissa, u32::try_from(new_scale).ok()?).ok()
            } else {
                let factor = 10i128.checked_pow(u32::try_from(-new_scale).ok()?)?;
                Decimal::try_from_i128_with_scale(mantissa.checked_mul(factor)?, 0).ok()
            }
        }
        fn display(value: Decimal, from: Unit, to: Unit) -> Option<Decimal> {
            let shift = from.exponent() - to.exponent();
            let value = trimmed(value);
            let out = if shift >= 0 {
                value.times(Decimal::from(10u64.pow(shift.unsigned_abs())))?
            } else {
                let mut out = value;
                out.set_scale(value.scale() + shift.unsigned_abs()).ok()?;
                out
            };
            Some(trimmed(out))
        }
        let units = [Unit::Yuan, Unit::WanYuan, Unit::YiYuan];
        let mantissas = [
            0i128,
            1,
            -7,
            10,
            1081,
            108100,
            123456789,
            79228162514264337593543950335,
        ];
        for m in mantissas
            .into_iter()
            .chain(mantissas.map(|m| m / 1000 * 1000 + 5))
        {
            for scale in [0, 1, 2, 4, 6, 8, 20, 24, 27, 28] {
                let value = Decimal::from_i128_with_scale(m, scale);
                for (from, to) in units.iter().flat_map(|f| units.map(|t| (*f, t))) {
                    let same = |a: Option<Decimal>, b: Option<Decimal>| {
                        a.map(|x| (x, x.scale())) == b.map(|x| (x, x.scale()))
                    };
                    let (new, old) = (convert(value, from, to), extractor(value, from, to));
                    assert!(same(new, old), "{value} {from:?}→{to:?}: {new:?} {old:?}");
                    let (new, old) = (in_unit(value, from, to), display(value, from, to));
                    assert!(same(new, old), "{value} {from:?}→{to:?}: {new:?} {old:?}");
                }
            }
        }
    }
}
