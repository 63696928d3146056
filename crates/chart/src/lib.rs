//! The chart model: what is drawn where, in CSS pixels, from a view of a report node. Pure and
//! deterministic: the browser and the SVG renderer draw the same layout, and hit-testing uses it too.
//! Amounts stay exact decimals (formatted as printed); floats are only pixel geometry.

pub mod bar;
pub mod colors;
pub mod csv;
pub mod explorer;
pub mod format;
pub mod geometry;
pub mod item_text;
pub mod json;
pub mod legend;
pub mod order;
pub mod palette;
pub mod pattern;
pub mod pie;
pub mod render;
pub mod strings;
pub mod summary;
pub mod svg;
pub mod table;
pub mod text;
pub mod tooltip;
pub mod view;

use budget_lens_core::Lang;
pub use geometry::{Point, Rect};
pub use view::{ChartView, Crumb, Item, ViewError};

/// The least height of a pointer target (a legend row, a bar's row), in layout pixels: 44 px, and
/// 60 px or more at the large mode's zoom (20 px text / 14 px ≈ 1.43).
pub const MIN_TARGET: f64 = 44.0;

/// The size of a finding mark (a triangle for an error, a circle for a warning), in layout pixels.
pub const MARK_SIZE: f64 = 12.0;

/// A finding mark placed by the layout: on its slice (or just outside a slice too thin for it), after a
/// bar's value, after a legend row's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub item: usize,
    pub severity: budget_lens_core::check::Severity,
    pub at: Point,
}

/// Which chart shows the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartKind {
    #[default]
    Pie,
    Donut,
    Bar,
}

impl ChartKind {
    /// `pie`, `donut` or `bar`; anything else is a pie.
    pub fn from_name(name: &str) -> ChartKind {
        match name.trim().to_ascii_lowercase().as_str() {
            "bar" | "bars" => ChartKind::Bar,
            "donut" | "doughnut" => ChartKind::Donut,
            _ => ChartKind::Pie,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Pie => "pie",
            ChartKind::Donut => "donut",
            ChartKind::Bar => "bar",
        }
    }
}

/// What the reader is doing with the chart: which items are hidden, hovered, focused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Interaction {
    pub hidden: Vec<bool>,
    pub hover: Option<usize>,
    /// How much of the hover's emphasis is still to come, in percent: 0 (the default) draws it in full;
    /// the element steps it down to 0 over a short transition (issue 11's motion), never under reduced
    /// motion.
    pub hover_pending: u8,
    pub focus: Option<usize>,
    /// The page of a legend below the pie that pages (phones).
    pub legend_page: usize,
}

impl Interaction {
    /// The share of the hover's emphasis drawn now, 0 to 1.
    pub fn hover_shown(&self) -> f64 {
        f64::from(100 - self.hover_pending.min(100)) / 100.0
    }
}

/// A laid-out chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    Pie(pie::PieLayout),
    Bar(bar::BarLayout),
}

/// What is under the pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A slice or bar of the item with this index.
    Item(usize),
    /// The legend row of the item with this index.
    Legend(usize),
    /// The legend's page turner: -1 back, +1 on.
    Page(i32),
}

/// The height the chart wants at `width`.
pub fn preferred_height(view: &ChartView, kind: ChartKind, width: f64) -> f64 {
    match kind {
        ChartKind::Bar => bar::preferred_height(view.items.len(), view.has_prior()),
        ChartKind::Pie | ChartKind::Donut => pie::preferred_height(width, view.items.len()),
    }
}

/// Lays out `view` as `kind` in a box of `width` × `height` CSS pixels.
pub fn layout(
    view: &ChartView,
    kind: ChartKind,
    width: f64,
    height: f64,
    interaction: &Interaction,
    year: Option<i32>,
    lang: Lang,
) -> Layout {
    match kind {
        ChartKind::Bar => Layout::Bar(bar::layout(view, width, year_texts(year, lang))),
        ChartKind::Pie | ChartKind::Donut => Layout::Pie(pie::layout_paged(
            view,
            width,
            height,
            kind == ChartKind::Donut,
            &interaction.hidden,
            interaction.legend_page,
            lang,
        )),
    }
}

/// The key texts of the two years: `2021年`/`2020年`, or `本年`/`上年` when the year is unknown.
fn year_texts(year: Option<i32>, lang: Lang) -> (String, String) {
    match (year, lang) {
        (Some(y), Lang::Zh) => (format!("{y}年"), format!("{}年", y - 1)),
        (Some(y), Lang::En) => (y.to_string(), (y - 1).to_string()),
        (None, _) => {
            let s = strings::ui_strings(lang);
            (s.this_year.to_string(), s.last_year.to_string())
        }
    }
}

impl Layout {
    /// What is at `p` (CSS pixels): a slice or bar, a legend row, or nothing.
    pub fn hit(&self, p: Point) -> Option<Hit> {
        match self {
            Layout::Pie(pie) => {
                if let Some(entry) = pie.legend.iter().find(|e| e.bounds.contains(p)) {
                    return Some(Hit::Legend(entry.item));
                }
                if let Some(pager) = &pie.pager {
                    if pager.prev.contains(p) {
                        return Some(Hit::Page(-1));
                    }
                    if pager.next.contains(p) {
                        return Some(Hit::Page(1));
                    }
                }
                let r = pie.center.distance(p);
                if r > pie.radius || r < pie.inner_radius {
                    return None;
                }
                let angle = pie.center.angle_to(p);
                pie.slices
                    .iter()
                    .find(|s| angle >= s.start && angle < s.end)
                    .map(|s| Hit::Item(s.item))
            }
            Layout::Bar(bar) => bar
                .rows
                .iter()
                .find(|row| row.band.contains(p))
                .map(|row| Hit::Item(row.item)),
        }
    }

    /// Item indices in the order the arrow keys walk them: clockwise slices (with the legend's
    /// hidden items in their places, so that the keyboard can show them again), bars top to bottom.
    pub fn keyboard_order(&self) -> Vec<usize> {
        match self {
            Layout::Pie(pie) if pie.pager.is_some() => (0..pie.item_count).collect(),
            Layout::Pie(pie) if !pie.legend.is_empty() => {
                pie.legend.iter().map(|e| e.item).collect()
            }
            Layout::Pie(pie) => pie.slices.iter().map(|s| s.item).collect(),
            Layout::Bar(bar) => bar.rows.iter().map(|r| r.item).collect(),
        }
    }

    /// Where a tooltip for item `index` points, in CSS pixels.
    pub fn anchor_of(&self, index: usize) -> Option<Point> {
        match self {
            Layout::Pie(pie) => {
                let slice = pie.slices.iter().find(|s| s.item == index);
                let on_slice = slice.map(|s| pie.center.polar(pie.radius * 0.75, s.mid()));
                let legend = pie.legend.iter().find(|e| e.item == index);
                on_slice.or_else(|| legend.map(|e| Point::new(e.swatch.right(), e.swatch.y)))
            }
            Layout::Bar(bar) => bar
                .rows
                .iter()
                .find(|r| r.item == index)
                .map(|r| Point::new(r.bar.right(), r.band.y + r.band.h / 2.0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::report;

    fn view() -> ChartView {
        ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap()
    }

    #[test]
    fn hits_find_the_slice_under_the_pointer() {
        let view = view();
        let layout = layout(
            &view,
            ChartKind::Donut,
            600.0,
            360.0,
            &Interaction::default(),
            Some(2021),
            Lang::Zh,
        );
        let Layout::Pie(pie) = &layout else { panic!() };
        // 基本支出 starts at 12 o'clock and runs clockwise past 3 o'clock (57.87%).
        let right = pie
            .center
            .polar(pie.radius * 0.8, std::f64::consts::FRAC_PI_2);
        assert_eq!(layout.hit(right), Some(Hit::Item(0)));
        let left = pie
            .center
            .polar(pie.radius * 0.8, 1.5 * std::f64::consts::PI);
        assert_eq!(layout.hit(left), Some(Hit::Item(1)));
        // The donut's hole and the outside hit nothing.
        assert_eq!(layout.hit(pie.center), None);
        assert_eq!(layout.hit(pie.center.polar(pie.radius + 3.0, 1.0)), None);
        let row = &pie.legend[1].bounds;
        assert_eq!(
            layout.hit(Point::new(row.x + 2.0, row.y + 2.0)),
            Some(Hit::Legend(1))
        );
        assert_eq!(layout.keyboard_order(), [0, 1]);
    }

    #[test]
    fn hits_find_the_bar_row_and_keys_walk_top_down() {
        let view = view();
        let layout = layout(
            &view,
            ChartKind::Bar,
            600.0,
            200.0,
            &Interaction::default(),
            Some(2021),
            Lang::Zh,
        );
        let Layout::Bar(bar) = &layout else { panic!() };
        let first = &bar.rows[0];
        assert_eq!(
            layout.hit(Point::new(first.bar.x + 1.0, first.bar.y + 1.0)),
            Some(Hit::Item(0))
        );
        assert_eq!(layout.hit(Point::new(1.0, 1.0)), None);
        assert_eq!(layout.keyboard_order(), [0, 1]);
        assert!(layout.anchor_of(1).is_some());
    }

    #[test]
    fn chart_names() {
        assert_eq!(ChartKind::from_name("bar"), ChartKind::Bar);
        assert_eq!(ChartKind::from_name("DONUT"), ChartKind::Donut);
        assert_eq!(ChartKind::from_name("whatever"), ChartKind::Pie);
    }
}
