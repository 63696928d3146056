//! Where a tooltip goes: inside the chart's box, clear of the part it describes (the slice, the bar's row),
//! of the part's legend row and of the donut's total. The element measures the tooltip; the layout decides.

use std::f64::consts::TAU;

use super::geometry::{Point, Rect};
use super::pie::PieLayout;
use super::Layout;

/// Space kept between the tooltip and the box's edge, and between it and the point it describes.
const MARGIN: f64 = 4.0;
const GAP: f64 = 14.0;

/// The top-left corner of a `tip_w` × `tip_h` tooltip for item `index` in a `box_w` × `box_h` chart (all in
/// the layout's pixels), or `None` when the item is not drawn.
pub fn tip_position(
    layout: &Layout,
    index: usize,
    tip: (f64, f64),
    bounds: (f64, f64),
) -> Option<Point> {
    let anchor = layout.anchor_of(index)?;
    let clear = keep_clear(layout, index, anchor);
    let (w, h) = tip;
    let xs = [
        MARGIN,
        bounds.0 - w - MARGIN,
        anchor.x + GAP,
        anchor.x - w - GAP,
        anchor.x - w / 2.0,
    ];
    let ys = [
        MARGIN,
        bounds.1 - h - MARGIN,
        anchor.y + GAP,
        anchor.y - h - GAP,
        anchor.y - h / 2.0,
    ];
    // Inside the chart; a tooltip taller than the chart (a level of one short bar) ends at its foot and
    // reaches up over the widget's heading, rather than hanging below the widget's border.
    let clamp = |v: f64, size: f64, room: f64| {
        let last = room - size - MARGIN;
        if last < MARGIN {
            last
        } else {
            v.min(last).max(MARGIN)
        }
    };
    let mut best: Option<(f64, f64, Point)> = None;
    for &x in &xs {
        for &y in &ys {
            let at = Point::new(clamp(x, w, bounds.0), clamp(y, h, bounds.1));
            let rect = Rect::new(
                at.x - MARGIN,
                at.y - MARGIN,
                w + 2.0 * MARGIN,
                h + 2.0 * MARGIN,
            );
            let covered: f64 = clear
                .iter()
                .filter(|(p, _)| rect.contains(*p))
                .map(|(_, weight)| weight)
                .sum();
            let centre = Point::new(at.x + w / 2.0, at.y + h / 2.0);
            let distance = centre.distance(anchor);
            if best.is_none_or(|(c, d, _)| covered < c || (covered == c && distance < d)) {
                best = Some((covered, distance, at));
            }
        }
    }
    best.map(|(_, _, at)| at)
}

/// Points the tooltip should not cover, with how much covering each costs: the anchor most, then the
/// part itself, its legend row and the donut's total.
fn keep_clear(layout: &Layout, index: usize, anchor: Point) -> Vec<(Point, f64)> {
    let mut points = vec![(anchor, 1000.0)];
    match layout {
        Layout::Pie(pie) => {
            slice_points(pie, index, &mut points);
            if let Some(entry) = pie.legend.iter().find(|e| e.item == index) {
                rect_points(entry.bounds, 4.0, &mut points);
            }
            if pie.center_text.is_some() {
                let r = pie.inner_radius * 0.8;
                let hole = Rect::new(pie.center.x - r, pie.center.y - r / 2.0, 2.0 * r, r);
                rect_points(hole, 6.0, &mut points);
            }
        }
        Layout::Bar(bars) => {
            if let Some(row) = bars.rows.iter().find(|r| r.item == index) {
                rect_points(row.band, 10.0, &mut points);
            }
        }
    }
    points
}

/// A polar grid of points over the item's slice.
fn slice_points(pie: &PieLayout, index: usize, out: &mut Vec<(Point, f64)>) {
    let Some(slice) = pie.slices.iter().find(|s| s.item == index) else {
        return;
    };
    let steps = ((slice.end - slice.start) / TAU * 48.0).ceil().max(2.0) as usize;
    for i in 0..=steps {
        let angle = slice.start + (slice.end - slice.start) * i as f64 / steps as f64;
        for ring in 0..=4 {
            let r = pie.inner_radius + (pie.radius - pie.inner_radius) * ring as f64 / 4.0;
            out.push((pie.center.polar(r, angle), 10.0));
        }
    }
}

/// A grid of points over `rect`.
fn rect_points(rect: Rect, weight: f64, out: &mut Vec<(Point, f64)>) {
    for i in 0..=6 {
        for j in 0..=2 {
            let p = Point::new(
                rect.x + rect.w * i as f64 / 6.0,
                rect.y + rect.h * j as f64 / 2.0,
            );
            out.push((p, weight));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::report;
    use crate::{layout, ChartKind, ChartView, Interaction};
    use budget_lens_core::Lang;

    fn inside(at: Point, tip: (f64, f64), bounds: (f64, f64)) -> bool {
        at.x >= 0.0 && at.y >= 0.0 && at.x + tip.0 <= bounds.0 && at.y + tip.1 <= bounds.1
    }

    #[test]
    fn the_tooltip_stays_inside_and_off_its_slice_and_the_total() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        for (width, height) in [(960.0, 360.0), (360.0, 400.0)] {
            let laid = layout(
                &view,
                ChartKind::Donut,
                width,
                height,
                &Interaction::default(),
                Some(2021),
                Lang::Zh,
            );
            let Layout::Pie(pie) = &laid else { panic!() };
            let tip = (180.0, 110.0);
            for item in 0..2 {
                let at = tip_position(&laid, item, tip, (width, height)).unwrap();
                assert!(
                    inside(at, tip, (width, height)),
                    "{item} at {at:?} in {width}"
                );
                let rect = Rect::new(at.x, at.y, tip.0, tip.1);
                let anchor = laid.anchor_of(item).unwrap();
                assert!(!rect.contains(anchor), "covers its point at {width}");
                assert!(!rect.contains(pie.center), "covers the total at {width}");
            }
        }
    }

    #[test]
    fn a_bar_tooltip_leaves_its_row_visible() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let laid = layout(
            &view,
            ChartKind::Bar,
            600.0,
            200.0,
            &Interaction::default(),
            Some(2021),
            Lang::Zh,
        );
        let Layout::Bar(bars) = &laid else { panic!() };
        for row in &bars.rows {
            let at = tip_position(&laid, row.item, (200.0, 60.0), (600.0, 200.0)).unwrap();
            let rect = Rect::new(at.x, at.y, 200.0, 60.0);
            assert!(!rect.overlaps(&row.band), "row {} covered", row.item);
        }
        assert_eq!(tip_position(&laid, 9, (10.0, 10.0), (600.0, 200.0)), None);
    }

    #[test]
    fn a_tooltip_taller_than_the_chart_ends_at_its_foot() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let laid = layout(
            &view,
            ChartKind::Bar,
            600.0,
            80.0,
            &Interaction::default(),
            Some(2021),
            Lang::Zh,
        );
        let at = tip_position(&laid, 0, (160.0, 110.0), (600.0, 80.0)).unwrap();
        assert_eq!(at.y + 110.0, 80.0 - MARGIN, "at {at:?}");
        assert!(at.x >= MARGIN && at.x + 160.0 <= 600.0 - MARGIN);
    }
}
