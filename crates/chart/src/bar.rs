//! Horizontal bars sorted by amount, names on the left (so long Chinese names stay readable), values
//! at the bar ends; where prior-year figures exist, this year's and last year's bars side by side.

use rust_decimal::Decimal;

use super::format;
use super::geometry::{Point, Rect};
use super::pattern::{hatch, pattern_of, Area, Segment, HATCH_SPACING};
use super::text::{text_width, wrap_text};
use super::view::ChartView;

pub const BAR_FONT: f64 = 12.0;
const PAD: f64 = 10.0;
/// Each row is a pointer target.
const ROW: f64 = super::MIN_TARGET;
const ROW_WITH_PRIOR: f64 = super::MIN_TARGET;
const KEY: f64 = 24.0;

#[derive(Debug, Clone, PartialEq)]
pub struct BarLayout {
    /// Rows from top to bottom: largest amount first.
    pub rows: Vec<BarRow>,
    /// `单位：万元`, top right.
    pub unit_text: String,
    pub unit_anchor: Point,
    /// The key of the two years, where prior figures exist: this year, then last.
    pub key: Vec<KeyEntry>,
    /// x of the zero line.
    pub zero_x: f64,
    /// Names above their bars, left-aligned, instead of in a column on the left: where a column of names
    /// would leave the bars too little of the width (a phone, the large mode).
    pub stacked: bool,
}

/// One year of the key: its swatch in the year's colour and hatching, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyEntry {
    pub swatch: Rect,
    pub hatch: Vec<Segment>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub item: usize,
    /// The whole row: the target of hover and clicks.
    pub band: Rect,
    /// The name in one line, or two before it is cut with "…" (a row is tall enough for two); stacked,
    /// one line.
    pub label: Vec<String>,
    /// Right end of the name, vertically centred; stacked, its left end, above the bar.
    pub label_anchor: Point,
    pub bar: Rect,
    /// Whose colour and hatching the bars take: the item's own, or this year's (0) beside last year's (1).
    pub series: usize,
    /// The bar's hatching, clipped to it.
    pub bar_hatch: Vec<Segment>,
    pub prior_bar: Option<Rect>,
    /// Last year's hatching (series 1), clipped to its bar.
    pub prior_hatch: Vec<Segment>,
    pub value_text: String,
    /// Left end of the value text.
    pub value_anchor: Point,
    /// The finding mark's centre, after the value, if the item has one.
    pub mark: Option<super::Mark>,
}

fn row_height(with_prior: bool) -> f64 {
    if with_prior {
        ROW_WITH_PRIOR
    } else {
        ROW
    }
}

pub fn preferred_height(items: usize, with_prior: bool) -> f64 {
    2.0 * PAD + KEY + items as f64 * row_height(with_prior)
}

/// Item indices sorted by amount, largest first; ties keep the report's order.
pub fn sorted_items(view: &ChartView) -> Vec<usize> {
    let mut order: Vec<usize> = (0..view.items.len()).collect();
    crate::order::sort_few_by(&mut order, |&a, &b| {
        view.items[a].amount > view.items[b].amount
    });
    order
}

pub fn layout(view: &ChartView, width: f64, year_texts: (String, String)) -> BarLayout {
    let columns = Columns::new(view, width);
    let key = if columns.with_prior {
        year_key(columns.zero_x, year_texts)
    } else {
        Vec::new()
    };
    let rows = sorted_items(view)
        .into_iter()
        .enumerate()
        .map(|(row, i)| columns.row(view, row, i))
        .collect();
    BarLayout {
        rows,
        unit_anchor: Point::new(width - PAD, PAD + 10.0),
        unit_text: view.unit_text.clone(),
        key,
        zero_x: columns.zero_x,
        stacked: columns.stacked,
    }
}

/// The columns every row shares: names, then the bars from `zero_x`, then the values.
struct Columns {
    with_prior: bool,
    stacked: bool,
    width: f64,
    row_h: f64,
    /// Each item's amount as printed beside its bar.
    values: Vec<String>,
    label_w: f64,
    zero_x: f64,
    /// The width of the longest bar.
    bar_max: f64,
    /// The amount the longest bar stands for: the largest of this year's and last year's.
    scale: Decimal,
}

impl Columns {
    fn new(view: &ChartView, width: f64) -> Self {
        let with_prior = view.has_prior();
        let values: Vec<String> = view
            .items
            .iter()
            .map(|i| match view.in_other_unit(i) {
                // A figure printed in another unit than the level's says its unit (in Chinese).
                true => i.amount_text.clone(),
                false => format::grouped(i.amount_shown),
            })
            .collect();
        let value_w = values
            .iter()
            .map(|v| text_width(v, BAR_FONT))
            .fold(0.0, f64::max)
            + 22.0; // room for a finding mark
        let longest_label = view
            .items
            .iter()
            .map(|i| text_width(&i.label, BAR_FONT))
            .fold(0.0, f64::max);
        // Every row's name in the same way: two lines for all when one needs them.
        let side_label_w = longest_label.min(width * 0.38).min(240.0);
        let side_zero_x = PAD + side_label_w + 8.0;
        // A column of names beside bars that would get less than 40 % of the width: names above instead.
        let stacked = width - PAD - value_w - side_zero_x < 0.4 * width;
        let (label_w, zero_x) = if stacked {
            (width - 2.0 * PAD - 4.0, PAD)
        } else {
            (side_label_w, side_zero_x)
        };
        let scale = view
            .items
            .iter()
            .flat_map(|i| [Some(i.amount), i.prior])
            .flatten()
            .fold(Decimal::ZERO, Decimal::max);
        Columns {
            with_prior,
            stacked,
            width,
            row_h: row_height(with_prior),
            values,
            label_w,
            zero_x,
            bar_max: (width - PAD - value_w - zero_x).max(10.0),
            scale,
        }
    }

    /// Item `i` in row `row` (from the top): its band, bars, name, value and finding mark.
    fn row(&self, view: &ChartView, row: usize, i: usize) -> BarRow {
        let (zero_x, bar_max, row_h) = (self.zero_x, self.bar_max, self.row_h);
        let item = &view.items[i];
        let y = PAD + KEY + row as f64 * row_h;
        let band = Rect::new(PAD / 2.0, y, self.width - PAD, row_h);
        let bar_h = if self.with_prior { 12.0 } else { 16.0 };
        let bars_h = if self.with_prior {
            2.0 * bar_h + 2.0
        } else {
            bar_h
        };
        // Stacked: the name's line on top, the bars under it at the row's foot.
        let bar_y = if self.stacked {
            y + row_h - bars_h - 2.0
        } else {
            y + (row_h - bars_h) / 2.0
        };
        let w = bar_max * format::fraction(item.amount, self.scale);
        let bar = Rect::new(zero_x, bar_y, w, bar_h);
        let prior_bar = item.prior.map(|p| {
            let prior_w = bar_max * format::fraction(p, self.scale);
            Rect::new(zero_x, bar_y + bar_h + 2.0, prior_w, bar_h)
        });
        let series = if self.with_prior { 0 } else { i };
        let value_text = self.values[i].clone();
        let mark_x = zero_x + w + 4.0 + text_width(&value_text, BAR_FONT) + 10.0;
        BarRow {
            item: i,
            band,
            series,
            bar_hatch: hatched(bar, series),
            prior_hatch: prior_bar.map_or_else(Vec::new, |prior| hatched(prior, 1)),
            label: wrap_text(&item.label, BAR_FONT, self.label_w, self.label_lines()),
            label_anchor: self.label_anchor(y, bar_y),
            bar,
            prior_bar,
            value_anchor: Point::new(zero_x + w + 4.0, bar_y + bar_h / 2.0),
            mark: item.mark.map(|severity| super::Mark {
                item: i,
                severity,
                at: Point::new(mark_x, bar_y + bar_h / 2.0),
            }),
            value_text,
        }
    }
}

impl Columns {
    fn label_lines(&self) -> usize {
        if self.stacked {
            1
        } else {
            2
        }
    }

    /// Where a row's name is anchored: right of the name column, centred on the row; stacked, left, on
    /// the line above the bars.
    fn label_anchor(&self, row_y: f64, bar_y: f64) -> Point {
        if self.stacked {
            Point::new(self.zero_x + 4.0, (row_y + bar_y) / 2.0)
        } else {
            Point::new(PAD + self.label_w, row_y + self.row_h / 2.0)
        }
    }
}

/// The key above the bars when last year is shown too: this year's swatch and text, then last year's.
fn year_key(zero_x: f64, (this, last): (String, String)) -> Vec<KeyEntry> {
    let x2 = zero_x + text_width(&this, BAR_FONT) + 30.0;
    [(zero_x, this), (x2, last)]
        .into_iter()
        .enumerate()
        .map(|(series, (x, text))| {
            let swatch = Rect::new(x, PAD + 4.0, 12.0, 12.0);
            KeyEntry {
                swatch,
                hatch: hatched(swatch, series),
                text,
            }
        })
        .collect()
}

/// The hatching of `series` clipped to `rect`.
fn hatched(rect: Rect, series: usize) -> Vec<Segment> {
    hatch(pattern_of(series), Area::Rect(rect), HATCH_SPACING)
}

/// The distance between the two lines of a name.
pub const BAR_LINE: f64 = 15.0;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::report;
    use budget_lens_core::Lang;

    fn bars(width: f64) -> (ChartView, BarLayout) {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let layout = layout(&view, width, ("2021年".into(), "2020年".into()));
        (view, layout)
    }

    #[test]
    fn rows_are_sorted_by_amount_and_bars_scale_with_it() {
        let (view, bars) = bars(600.0);
        let amounts: Vec<_> = bars
            .rows
            .iter()
            .map(|r| view.items[r.item].amount)
            .collect();
        assert!(amounts.windows(2).all(|w| w[0] >= w[1]));
        // The prior 1253.54 of 项目支出 is the largest figure: its bar is the longest.
        let project = bars.rows.iter().find(|r| r.item == 1).unwrap();
        let basic = bars.rows.iter().find(|r| r.item == 0).unwrap();
        assert!(project.prior_bar.unwrap().w > basic.bar.w);
        assert!(basic.bar.w > project.bar.w);
        assert_eq!(bars.key.len(), 2);
    }

    #[test]
    fn long_names_take_two_lines_before_they_are_cut() {
        let json = crate::view::tests::REPORT
            .replace("基本支出", "其他政府办公厅（室）及相关机构事务支出");
        let report = budget_lens_core::report::parse_report(&json).unwrap();
        let view = ChartView::new(&report, "expenditure", &[], Lang::Zh).unwrap();
        let bars = layout(&view, 480.0, ("2021年".into(), "2020年".into()));
        let long = bars.rows.iter().find(|r| r.item == 0).unwrap();
        assert_eq!(long.label.len(), 2);
        assert_eq!(
            long.label.concat(),
            "其他政府办公厅（室）及相关机构事务支出",
            "whole, in two lines"
        );
        // Narrow, the names go above their bars, one line each, cut with "…" where too long.
        let narrow = layout(&view, 240.0, ("2021年".into(), "2020年".into()));
        assert!(narrow.stacked);
        let cut = narrow.rows.iter().find(|r| r.item == 0).unwrap();
        assert!(
            cut.label.len() == 1 && cut.label[0].ends_with('…'),
            "{:?}",
            cut.label
        );
        assert!(text_width(&cut.label[0], BAR_FONT) <= 240.0 - 2.0 * PAD);
    }

    #[test]
    fn narrow_bars_take_the_width_with_their_names_above() {
        // At 240 (a phone in the large mode) a column of these names would leave the bars under 40 % of
        // the width; above them, the longest bar spans all but the value's room. Short names keep
        // their column.
        assert!(!bars(240.0).1.stacked, "短名称");
        let json = crate::view::tests::REPORT.replace("基本支出", "社会保障和就业支出");
        let report = budget_lens_core::report::parse_report(&json).unwrap();
        let view = ChartView::new(&report, "expenditure", &[], Lang::Zh).unwrap();
        let years = || ("2021年".to_string(), "2020年".to_string());
        assert!(!layout(&view, 480.0, years()).stacked);
        let narrow = layout(&view, 240.0, years());
        assert!(narrow.stacked);
        let longest = narrow
            .rows
            .iter()
            .flat_map(|r| [Some(r.bar.w), r.prior_bar.map(|p| p.w)])
            .flatten()
            .fold(0.0, f64::max);
        assert!(longest > 0.5 * 240.0, "the longest bar is {longest} wide");
        for row in &narrow.rows {
            // The name's line sits above the bars, inside the row; the bars end inside it too.
            assert!(row.label_anchor.y + BAR_FONT / 2.0 <= row.bar.y, "{row:?}");
            let bottom = row.prior_bar.map_or(row.bar.bottom(), |p| p.bottom());
            assert!(
                row.band.y <= row.label_anchor.y - BAR_FONT / 2.0 && bottom <= row.band.bottom()
            );
            let value_end = row.value_anchor.x + text_width(&row.value_text, BAR_FONT);
            assert!(value_end <= 240.0, "{} ends at {value_end}", row.value_text);
        }
    }

    #[test]
    fn rows_stay_apart_and_inside_at_phone_width() {
        let (_, bars) = bars(360.0);
        for pair in bars.rows.windows(2) {
            assert!(!pair[0].band.overlaps(&pair[1].band));
        }
        for row in &bars.rows {
            let value_end = row.value_anchor.x + text_width(&row.value_text, BAR_FONT);
            assert!(value_end <= 360.0, "{} ends at {value_end}", row.value_text);
            for line in &row.label {
                assert!(row.label_anchor.x - text_width(line, BAR_FONT) >= 0.0);
            }
            assert!(row.label_anchor.x < row.bar.x);
        }
    }
}
