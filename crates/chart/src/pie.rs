//! Pie and donut layout: slices, outside labels that never overlap (small slices are labelled in the
//! legend only), leader lines, the legend, and the total in the donut's centre.

use std::f64::consts::TAU;

use super::format;
use super::geometry::{Point, Rect};
use super::legend::{legend_entries, LegendEntry, LEGEND_ROW};
use super::text::{fit_text, text_width};
use super::view::ChartView;
use budget_lens_core::Lang;

pub const LABEL_FONT: f64 = 12.0;
const LABEL_LINE: f64 = 16.0;
/// Slices smaller than this fraction of the visible total are labelled in the legend only.
const MIN_LABELLED_FRACTION: f64 = 0.03;
const PAD: f64 = 10.0;
/// The least width beside the pie kept for outside labels.
const MIN_LABEL_ROOM: f64 = 76.0;
const MAX_RADIUS: f64 = 200.0;
/// A label name cut shorter than this is left to the legend.
const MIN_NAME_CHARS: usize = 4;
/// Width from which the legend sits beside the pie rather than below it.
const WIDE: f64 = 560.0;

#[derive(Debug, Clone, PartialEq)]
pub struct PieLayout {
    pub center: Point,
    pub radius: f64,
    /// 0 for a pie, > 0 for a donut.
    pub inner_radius: f64,
    pub slices: Vec<Slice>,
    pub labels: Vec<SliceLabel>,
    pub legend: Vec<LegendEntry>,
    /// The two lines in the donut's hole: `合计` and the total with its unit.
    pub center_text: Option<CenterText>,
}

/// The caption and total written in a donut's hole, the total at the largest size that fits.
#[derive(Debug, Clone, PartialEq)]
pub struct CenterText {
    pub caption: String,
    pub total: String,
    pub total_font: f64,
}

/// A visible slice of item `item`, from angle `start` to `end` (clockwise from 12 o'clock).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slice {
    pub item: usize,
    pub start: f64,
    pub end: f64,
}

impl Slice {
    pub fn mid(&self) -> f64 {
        (self.start + self.end) / 2.0
    }
}

/// An outside label: its text, where it is written, which way it runs, and its leader line.
#[derive(Debug, Clone, PartialEq)]
pub struct SliceLabel {
    pub item: usize,
    pub text: String,
    /// Left end (right side) or right end (left side) of the text, at the text's vertical centre.
    pub anchor: Point,
    pub right_side: bool,
    /// The text's box, for overlap checks.
    pub bounds: Rect,
    /// Rim → elbow → next to the text.
    pub leader: [Point; 3],
}

/// Preferred height of a pie of `items` items at `width`.
pub fn preferred_height(width: f64, items: usize) -> f64 {
    let legend = items as f64 * LEGEND_ROW + 2.0 * PAD;
    if width >= WIDE {
        legend.clamp(320.0, 560.0)
    } else {
        (width * 0.8).clamp(220.0, 320.0) + legend
    }
}

pub fn layout(
    view: &ChartView,
    width: f64,
    height: f64,
    donut: bool,
    hidden: &[bool],
    lang: Lang,
) -> PieLayout {
    let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
    let legend_rows = view.items.len() as f64 * LEGEND_ROW + PAD;
    let (pie_area, legend_area) = if width >= WIDE {
        let legend_w = (width * 0.32).clamp(160.0, 260.0);
        (
            Rect::new(0.0, 0.0, width - legend_w, height),
            Rect::new(width - legend_w, PAD, legend_w - PAD, height - PAD),
        )
    } else {
        let pie_h = (height - legend_rows).max(160.0);
        (
            Rect::new(0.0, 0.0, width, pie_h),
            Rect::new(PAD, pie_h, width - 2.0 * PAD, height - pie_h),
        )
    };
    // The pie as large as the height allows while leaving each side room for labels; labels get
    // whatever width the pie leaves.
    let label_room = (pie_area.w * 0.25).clamp(MIN_LABEL_ROOM, 170.0);
    let radius = ((pie_area.w - 2.0 * label_room) / 2.0)
        .min(pie_area.h / 2.0 - 2.0 * PAD)
        .clamp(30.0, MAX_RADIUS);
    let center = Point::new(pie_area.x + pie_area.w / 2.0, pie_area.y + pie_area.h / 2.0);

    let visible_total: f64 = (0..view.items.len())
        .filter(|&i| !is_hidden(i))
        .map(|i| format::fraction(view.items[i].amount, view.total))
        .sum();
    let mut slices = Vec::new();
    let mut angle = 0.0;
    if visible_total > 0.0 {
        for (i, item) in view.items.iter().enumerate() {
            if is_hidden(i) {
                continue;
            }
            let sweep = format::fraction(item.amount, view.total) / visible_total * TAU;
            if sweep > 0.0 {
                slices.push(Slice {
                    item: i,
                    start: angle,
                    end: angle + sweep,
                });
                angle += sweep;
            }
        }
    }

    let labels = place_labels(view, &slices, center, radius, pie_area);
    let legend = legend_entries(view, legend_area, hidden);
    let inner_radius = if donut { radius * 0.58 } else { 0.0 };
    let center_text = donut.then(|| {
        let room = inner_radius * 1.9;
        let total_font = [LABEL_FONT + 1.0, LABEL_FONT, 11.0, 10.0]
            .into_iter()
            .find(|&size| text_width(&view.total_text, size) <= room)
            .unwrap_or(10.0);
        CenterText {
            caption: super::strings::ui_strings(lang).total.to_string(),
            total: fit_text(&view.total_text, total_font, room),
            total_font,
        }
    });
    PieLayout {
        center,
        radius,
        inner_radius,
        slices,
        labels,
        legend,
        center_text,
    }
}

/// Labels for the slices large enough, in two columns beside the pie, spread so that none overlap,
/// dropping the smallest where a column is full.
fn place_labels(
    view: &ChartView,
    slices: &[Slice],
    center: Point,
    radius: f64,
    area: Rect,
) -> Vec<SliceLabel> {
    let mut candidates: Vec<&Slice> = slices
        .iter()
        .filter(|s| (s.end - s.start) / TAU >= MIN_LABELLED_FRACTION)
        .collect();
    // Largest first, so that a full column keeps the largest slices.
    candidates.sort_by(|a, b| (b.end - b.start).total_cmp(&(a.end - a.start)));
    let top = area.y + PAD;
    let bottom = area.bottom() - PAD;
    let capacity = ((bottom - top) / LABEL_LINE).floor().max(0.0) as usize;
    let mut labels = Vec::new();
    for right_side in [true, false] {
        let mut side: Vec<&Slice> = candidates
            .iter()
            .copied()
            .filter(|s| (s.mid().sin() >= 0.0) == right_side)
            .take(capacity)
            .collect();
        side.sort_by(|a, b| {
            let ya = center.polar(radius, a.mid()).y;
            let yb = center.polar(radius, b.mid()).y;
            ya.total_cmp(&yb)
        });
        let wanted: Vec<f64> = side
            .iter()
            .map(|s| center.polar(radius + 14.0, s.mid()).y)
            .collect();
        let ys = spread(
            &wanted,
            top + LABEL_LINE / 2.0,
            bottom - LABEL_LINE / 2.0,
            LABEL_LINE,
        );
        for (slice, y) in side.into_iter().zip(ys) {
            if let Some(label) = side_label(view, slice, center, radius, area, right_side, y) {
                labels.push(label);
            }
        }
    }
    labels
}

/// Positions as near to `wanted` (sorted) as possible, each at least `gap` below the one before,
/// all within [`low`, `high`] when they fit.
pub fn spread(wanted: &[f64], low: f64, high: f64, gap: f64) -> Vec<f64> {
    let mut ys: Vec<f64> = Vec::with_capacity(wanted.len());
    for &y in wanted {
        let min = ys.last().map_or(low, |&prev| prev + gap);
        ys.push(y.max(min));
    }
    let mut limit = high;
    for y in ys.iter_mut().rev() {
        *y = y.min(limit);
        limit = *y - gap;
    }
    ys
}

fn side_label(
    view: &ChartView,
    slice: &Slice,
    center: Point,
    radius: f64,
    area: Rect,
    right_side: bool,
    y: f64,
) -> Option<SliceLabel> {
    let item = &view.items[slice.item];
    let direction = if right_side { 1.0 } else { -1.0 };
    let rim = center.polar(radius, slice.mid());
    let elbow = center.polar(radius + 10.0, slice.mid());
    let text_x = center.x + direction * (radius + 22.0);
    let available = if right_side {
        area.right() - text_x - 4.0
    } else {
        text_x - area.x - 4.0
    };
    let percent = item.share_text.clone().unwrap_or_default();
    let percent_w = text_width(&format!(" {percent}"), LABEL_FONT);
    let name = fit_text(&item.label, LABEL_FONT, available - percent_w);
    // Too narrow for a readable name: the percentage alone, the name is in the legend.
    let text = if name.chars().count() >= MIN_NAME_CHARS {
        format!("{name} {percent}")
    } else if text_width(&percent, LABEL_FONT) <= available {
        percent
    } else {
        return None;
    };
    let w = text_width(&text, LABEL_FONT);
    let bounds = Rect::new(
        if right_side { text_x } else { text_x - w },
        y - LABEL_LINE / 2.0,
        w,
        LABEL_LINE,
    );
    Some(SliceLabel {
        item: slice.item,
        text,
        anchor: Point::new(text_x, y),
        right_side,
        bounds,
        leader: [rim, elbow, Point::new(text_x - direction * 4.0, y)],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::report;
    use budget_lens_core::report::parse_report;

    fn many_slices() -> ChartView {
        // One large slice and twenty small ones: a common shape of 功能分类 breakdowns.
        let mut items =
            vec![r#"{"id":"big","label":"一般公共服务支出","amount":"1302.65"}"#.to_string()];
        for i in 0..20 {
            items.push(format!(
                r#"{{"id":"s{i}","label":"城乡社区支出第{i}项（含城市管理）","amount":"{}.{:02}"}}"#,
                3 + i % 7,
                i
            ));
        }
        let total = "1419.55"; // not the exact sum; layout does not care
        let json = format!(
            r#"{{"format":"budget-lens/1","unit":"万元","breakdowns":[{{"id":"e","label":"支出","amount":"{total}","items":[{}]}}]}}"#,
            items.join(",")
        );
        ChartView::new(&parse_report(&json).unwrap(), "e", &[], Lang::Zh).unwrap()
    }

    #[test]
    fn slices_cover_the_circle_in_order() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let pie = layout(&view, 600.0, 360.0, false, &[], Lang::Zh);
        assert_eq!(pie.slices.len(), 2);
        assert_eq!(pie.slices[0].start, 0.0);
        assert!((pie.slices[1].end - TAU).abs() < 1e-9);
        assert!((pie.slices[0].end / TAU - 897.05 / 1550.17).abs() < 1e-9);
    }

    #[test]
    fn hidden_slices_give_their_angle_to_the_others() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let pie = layout(&view, 600.0, 360.0, false, &[true, false], Lang::Zh);
        assert_eq!(pie.slices.len(), 1);
        assert_eq!(pie.slices[0].item, 1);
        assert!((pie.slices[0].end - TAU).abs() < 1e-9);
        assert!(pie.legend[0].hidden);
    }

    #[test]
    fn labels_never_overlap_each_other_at_any_width() {
        let view = many_slices();
        for (w, h) in [(360.0, 0.0), (480.0, 0.0), (640.0, 0.0), (900.0, 0.0)] {
            let h = if h == 0.0 {
                preferred_height(w, view.items.len())
            } else {
                h
            };
            let pie = layout(&view, w, h, true, &[], Lang::Zh);
            for (i, a) in pie.labels.iter().enumerate() {
                for b in &pie.labels[i + 1..] {
                    assert!(
                        !a.bounds.overlaps(&b.bounds),
                        "{} / {} at {w}",
                        a.text,
                        b.text
                    );
                }
                assert!(
                    a.bounds.x >= 0.0 && a.bounds.right() <= w,
                    "{} at {w}",
                    a.text
                );
                // No label runs into the pie itself.
                let near = if a.right_side {
                    a.bounds.x
                } else {
                    a.bounds.right()
                };
                assert!((near - pie.center.x).abs() > pie.radius, "{}", a.text);
                // No label runs into the legend.
                for entry in &pie.legend {
                    assert!(
                        !a.bounds.overlaps(&entry.bounds),
                        "{} / legend at {w}",
                        a.text
                    );
                }
            }
            // The large slice is labelled, the tiny ones only in the legend.
            assert!(pie.labels.iter().any(|l| l.item == 0));
            assert!(pie.labels.len() < view.items.len());
            assert_eq!(pie.legend.len(), view.items.len());
        }
    }

    #[test]
    fn spreading_keeps_gaps_and_bounds() {
        let ys = spread(&[10.0, 11.0, 12.0, 95.0], 0.0, 100.0, 16.0);
        for pair in ys.windows(2) {
            assert!(pair[1] - pair[0] >= 16.0 - 1e-9);
        }
        assert!(ys[0] >= 0.0 && *ys.last().unwrap() <= 100.0);
        assert_eq!(spread(&[50.0], 0.0, 100.0, 16.0), [50.0]);
    }

    #[test]
    fn the_donut_shows_the_total() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let donut = layout(
            &view,
            360.0,
            preferred_height(360.0, 2),
            true,
            &[],
            Lang::Zh,
        );
        assert!(donut.inner_radius > 0.0);
        let center = donut.center_text.unwrap();
        assert_eq!(
            (center.caption.as_str(), center.total.as_str()),
            ("合计", "1,550.17万元")
        );
        assert!(text_width(&center.total, center.total_font) <= donut.inner_radius * 2.0);
    }
}
