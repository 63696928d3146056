//! Draws a laid-out chart with plotters onto any `DrawingBackend`: the browser's canvas
//! (the widget's backend) or SVG ([`crate::svg`], which escapes text). Only paints what the chart
//! model decided; positions are CSS pixels, multiplied by `scale` (the device pixel ratio).

mod bar;
mod marks;
mod pie;

use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::DrawingErrorKind;

use crate::palette::{Rgb, Theme};
use crate::pattern::Segment;
use crate::{ChartView, Interaction, Layout, Point};

/// Fonts that carry Chinese on common systems, then the generic family.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/// Everything one drawing needs.
pub struct Scene<'a> {
    pub view: &'a ChartView,
    pub layout: &'a Layout,
    pub interaction: &'a Interaction,
    pub theme: &'a Theme,
}

/// Why drawing failed (the backend's own error, in words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RenderError {}

/// Which part of a scene to paint. A shell that keeps the still part (a cached layer) repaints a hover
/// as a copy of it and the emphasis over the copy; a drawing of the whole is the two in one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Everything: the still part, then the emphasis.
    Whole,
    /// The chart with nothing hovered or focused, on its ground. It changes only with the layout
    /// (data, size, zoom, hidden items, legend page) and the theme.
    Still,
    /// What the hover (the pulled-out slice, the bar's band, the legend row) and the focus add, painted
    /// over the still part; no ground.
    Emphasis,
}

/// Paints `scene` onto `backend`, whose pixels are `scale` times the layout's CSS pixels.
pub fn draw<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    scale: f64,
) -> Result<(), RenderError> {
    draw_part(backend, scene, scale, Part::Whole)
}

/// Paints `part` of `scene` onto `backend`. The chart is first turned into shapes (one code path for
/// every backend), then the shapes are painted.
pub fn draw_part<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    scale: f64,
    part: Part,
) -> Result<(), RenderError> {
    let shapes = shapes_of(scene, scale, part);
    let ground = (part != Part::Emphasis).then(|| color(scene.theme.background));
    paint(backend, ground, &shapes)
}

/// The shapes that paint `part` of `scene`, in device pixels.
fn shapes_of(scene: &Scene, scale: f64, part: Part) -> Vec<Shape> {
    let mut painter = Painter {
        scale,
        shapes: Vec::new(),
    };
    if part != Part::Emphasis {
        match scene.layout {
            Layout::Pie(pie) => pie::draw_still(&mut painter, scene, pie),
            Layout::Bar(bar) => bar::draw_still(&mut painter, scene, bar),
        }
    }
    if part != Part::Still {
        match scene.layout {
            Layout::Pie(pie) => pie::draw_emphasis(&mut painter, scene, pie),
            Layout::Bar(bar) => bar::draw_emphasis(&mut painter, scene, bar),
        }
    }
    painter.shapes
}

/// The chart as an SVG document of `width` × `height` CSS pixels.
pub fn to_svg(scene: &Scene, width: u32, height: u32) -> Result<String, RenderError> {
    let mut out = String::new();
    {
        let mut backend = crate::svg::SvgBackend::new(&mut out, (width, height));
        draw(&mut backend, scene, 1.0)?;
    }
    Ok(out)
}

/// One thing to paint, in device pixels.
#[derive(Debug, PartialEq)]
enum Shape {
    Polygon(Vec<(i32, i32)>, Rgb),
    Line(Vec<(i32, i32)>, Rgb, u32),
    Rect([(i32, i32); 2], Rgb),
    Circle((i32, i32), u32, Rgb),
    Text(String, (i32, i32), f64, Rgb, Align),
}

/// The only code that knows the backend: fills the ground (if given) and paints `shapes` in order.
///
/// Straight onto the backend, with the calls (and the error words) plotters' root `DrawingArea` and its
/// `Polygon`, `PathElement`, `Rectangle`, `Circle` and `Text` elements made: every point kept within the
/// area (0, 0)–(width, height) as the area's mapping does (its translation is by (0, 0)). The area's
/// generic layers were compiled once per backend (canvas and SVG: ~1.5 KB gzip of wasm).
fn paint<DB: DrawingBackend>(
    backend: &mut DB,
    ground: Option<RGBColor>,
    shapes: &[Shape],
) -> Result<(), RenderError> {
    let failed = |e: DrawingErrorKind<DB::ErrorType>| {
        RenderError(DrawingAreaErrorKind::BackendError(e).to_string())
    };
    let (w, h) = backend.get_size();
    let (w, h) = (w as i32, h as i32);
    let within = move |&(x, y): &(i32, i32)| (x.min(w).max(0), y.min(h).max(0));
    if let Some(ground) = ground {
        // `DrawingArea::fill`: the whole area, from (0, 0) to its size.
        backend.ensure_prepared().map_err(failed)?;
        backend
            .draw_rect((0, 0), (w, h), &ground.to_backend_color(), true)
            .map_err(failed)?;
    }
    for shape in shapes {
        backend.ensure_prepared().map_err(failed)?;
        match shape {
            Shape::Polygon(points, fill) => {
                let style = color(*fill).filled();
                backend.fill_polygon(points.iter().map(within), &style.color.to_backend_color())
            }
            Shape::Line(points, stroke, width) => {
                let style = color(*stroke).stroke_width(*width);
                backend.draw_path(points.iter().map(within), &style)
            }
            Shape::Rect([a, b], fill) => {
                let style = color(*fill).filled();
                let (a, b) = (within(a), within(b));
                let (a, b) = ((a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1)));
                backend.draw_rect(a, b, &style, style.filled)
            }
            Shape::Circle(center, radius, fill) => {
                let style = color(*fill).filled();
                let radius = (*radius as i32).max(0) as u32;
                backend.draw_circle(within(center), radius, &style, style.filled)
            }
            Shape::Text(text, at, size, fill, align) => {
                let h = h_pos(*align);
                let ink = color(*fill);
                // `FontFamily::Name` directly: plotters' `From<&str>` lowercases the name to look for a generic family,
                // which links Unicode case tables into the wasm (4 KB) for nothing.
                let style = TextStyle::from((FontFamily::Name(FONT_FAMILY), *size))
                    .color(&ink)
                    .pos(Pos::new(h, VPos::Center));
                backend.draw_text(text.as_str(), &style, within(at))
            }
        }
        .map_err(failed)?;
    }
    backend.ensure_prepared().map_err(failed)?;
    backend.present().map_err(failed)
}

pub(crate) fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Text alignment of a label relative to its anchor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// Turns CSS-pixel drawing calls into shapes in device pixels (`scale` per CSS pixel).
pub(crate) struct Painter {
    scale: f64,
    shapes: Vec<Shape>,
}

impl Painter {
    pub fn px(&self, p: Point) -> (i32, i32) {
        (
            (p.x * self.scale).round() as i32,
            (p.y * self.scale).round() as i32,
        )
    }

    fn width(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    pub fn polygon(&mut self, points: &[Point], fill: Rgb) {
        let pts: Vec<(i32, i32)> = points.iter().map(|&p| self.px(p)).collect();
        self.shapes.push(Shape::Polygon(pts, fill));
    }

    pub fn line(&mut self, points: &[Point], stroke: Rgb, width: f64) {
        let pts: Vec<(i32, i32)> = points.iter().map(|&p| self.px(p)).collect();
        let width = self.width(width);
        self.shapes.push(Shape::Line(pts, stroke, width));
    }

    pub fn rect(&mut self, r: crate::Rect, fill: Rgb) {
        let corners = [
            self.px(Point::new(r.x, r.y)),
            self.px(Point::new(r.right(), r.bottom())),
        ];
        self.shapes.push(Shape::Rect(corners, fill));
    }

    pub fn outline(&mut self, r: crate::Rect, stroke: Rgb, width: f64) {
        let corners = [
            Point::new(r.x, r.y),
            Point::new(r.right(), r.y),
            Point::new(r.right(), r.bottom()),
            Point::new(r.x, r.bottom()),
            Point::new(r.x, r.y),
        ];
        self.line(&corners, stroke, width)
    }

    /// Hatch segments laid out by `chart::pattern`, moved by `shift` (a slice pulled out), in `ink`.
    pub fn segments(&mut self, segments: &[Segment], shift: (f64, f64), ink: Rgb) {
        let moved = |p: Point| Point::new(p.x + shift.0, p.y + shift.1);
        for &(a, b) in segments {
            self.line(&[moved(a), moved(b)], ink, 1.5);
        }
    }

    /// A rectangle filled with `fill` and its laid-out hatching in the theme's hatch colour.
    pub fn patterned_rect(&mut self, r: crate::Rect, fill: Rgb, hatch: &[Segment], theme: &Theme) {
        self.rect(r, fill);
        self.segments(hatch, (0.0, 0.0), theme.hatch)
    }

    pub fn circle(&mut self, center: Point, radius: f64, fill: Rgb) {
        let c = self.px(center);
        let r = self.width(radius);
        self.shapes.push(Shape::Circle(c, r, fill));
    }

    pub fn text(&mut self, text: &str, at: Point, size: f64, fill: Rgb, align: Align) {
        if text.is_empty() {
            return;
        }
        let pos = self.px(at);
        let size = size * self.scale;
        self.shapes
            .push(Shape::Text(text.to_string(), pos, size, fill, align));
    }
}

/// Where a text's anchor stands across it.
fn h_pos(align: Align) -> HPos {
    match align {
        Align::Left => HPos::Left,
        Align::Center => HPos::Center,
        Align::Right => HPos::Right,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::report;
    use crate::{layout, ChartKind, ChartView};
    use budget_lens_core::report::parse_report;
    use budget_lens_core::Lang;

    fn svg_of(view: &ChartView, kind: ChartKind) -> String {
        let interaction = Interaction {
            focus: Some(0),
            ..Interaction::default()
        };
        let layout = layout(view, kind, 600.0, 360.0, &interaction, Some(2021), Lang::Zh);
        to_svg(
            &Scene {
                view,
                layout: &layout,
                interaction: &interaction,
                theme: &Theme::LIGHT,
            },
            600,
            360,
        )
        .unwrap()
    }

    /// The shapes painted the way they were before `paint` called the backend itself: through plotters'
    /// root `DrawingArea` and its elements.
    fn paint_through_drawing_area<DB: DrawingBackend>(
        area: &DrawingArea<DB, plotters::coord::Shift>,
        ground: Option<RGBColor>,
        shapes: &[Shape],
    ) -> Result<(), RenderError> {
        let failed = |e: DrawingAreaErrorKind<DB::ErrorType>| RenderError(e.to_string());
        if let Some(ground) = ground {
            area.fill(&ground).map_err(failed)?;
        }
        for shape in shapes {
            match shape {
                Shape::Polygon(points, fill) => {
                    area.draw(&Polygon::new(points.clone(), color(*fill).filled()))
                }
                Shape::Line(points, stroke, width) => {
                    let style = color(*stroke).stroke_width(*width);
                    area.draw(&PathElement::new(points.clone(), style))
                }
                Shape::Rect(corners, fill) => {
                    area.draw(&Rectangle::new(*corners, color(*fill).filled()))
                }
                Shape::Circle(center, radius, fill) => {
                    area.draw(&Circle::new(*center, *radius, color(*fill).filled()))
                }
                Shape::Text(text, at, size, fill, align) => {
                    let h = h_pos(*align);
                    let ink = color(*fill);
                    let style = TextStyle::from((FontFamily::Name(FONT_FAMILY), *size))
                        .color(&ink)
                        .pos(Pos::new(h, VPos::Center));
                    area.draw(&Text::new(text.as_str(), *at, style))
                }
            }
            .map_err(failed)?;
        }
        area.present().map_err(failed)
    }

    /// Every chart kind, part, scale, theme and hover paints the same SVG as through plotters' areas.
    #[test]
    fn painting_straight_onto_the_backend_equals_plotters_drawing_area() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        for kind in [ChartKind::Pie, ChartKind::Donut, ChartKind::Bar] {
            for (hover, focus) in [(None, None), (Some(0), Some(1)), (Some(2), None)] {
                let interaction = Interaction {
                    hover,
                    focus,
                    ..Interaction::default()
                };
                let layout = layout(
                    &view,
                    kind,
                    600.0,
                    360.0,
                    &interaction,
                    Some(2021),
                    Lang::Zh,
                );
                for theme in [&Theme::LIGHT, &Theme::DARK] {
                    let scene = Scene {
                        view: &view,
                        layout: &layout,
                        interaction: &interaction,
                        theme,
                    };
                    for scale in [1.0, 2.0] {
                        for part in [Part::Whole, Part::Still, Part::Emphasis] {
                            let (mut ours, mut theirs) = (String::new(), String::new());
                            {
                                let mut backend =
                                    crate::svg::SvgBackend::new(&mut ours, (600, 360));
                                draw_part(&mut backend, &scene, scale, part).unwrap();
                            }
                            {
                                let backend = crate::svg::SvgBackend::new(&mut theirs, (600, 360));
                                let area = backend.into_drawing_area();
                                let shapes = shapes_of(&scene, scale, part);
                                let ground =
                                    (part != Part::Emphasis).then(|| color(scene.theme.background));
                                paint_through_drawing_area(&area, ground, &shapes).unwrap();
                            }
                            assert_eq!(ours, theirs, "{kind:?} {hover:?} {scale} {part:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn svg_has_the_labels_shares_and_total() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let pie = svg_of(&view, ChartKind::Donut);
        assert!(pie.starts_with("<svg"));
        assert!(pie.contains("基本支出  57.87%"), "legend row");
        assert!(pie.contains("1,550.17万元"), "total in the hole");
        assert!(pie.contains("<polygon"));
        let bar = svg_of(&view, ChartKind::Bar);
        assert!(bar.contains("897.05") && bar.contains("2020年") && bar.contains("单位：万元"));
    }

    fn hovered_svg(view: &ChartView, kind: ChartKind, hover_pending: u8) -> String {
        let interaction = Interaction {
            hover: Some(0),
            hover_pending,
            ..Interaction::default()
        };
        let layout = layout(view, kind, 600.0, 360.0, &interaction, Some(2021), Lang::Zh);
        let scene = Scene {
            view,
            layout: &layout,
            interaction: &interaction,
            theme: &Theme::LIGHT,
        };
        to_svg(&scene, 600, 360).unwrap()
    }

    #[test]
    fn a_hover_eases_in_from_nothing_to_its_full_emphasis() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        for kind in [ChartKind::Pie, ChartKind::Bar] {
            let start = hovered_svg(&view, kind, 100);
            let middle = hovered_svg(&view, kind, 50);
            let full = hovered_svg(&view, kind, 0);
            assert_ne!(start, middle, "{kind:?}: the emphasis grows");
            assert_ne!(middle, full, "{kind:?}: and reaches its end");
        }
    }

    #[test]
    fn an_all_zero_level_draws_an_empty_ring() {
        let json = r#"{"format":"budget-lens/1","breakdowns":[{"id":"e","label":"e","amount":"0","items":[
            {"id":"a","label":"甲","amount":"0"},{"id":"b","label":"乙","amount":"0.00"}]}]}"#;
        let view = ChartView::new(&parse_report(json).unwrap(), "e", &[], Lang::Zh).unwrap();
        let svg = svg_of(&view, ChartKind::Donut);
        assert_eq!(svg.matches("<polygon").count(), 1, "one ring, no slices");
        assert!(
            svg.contains("0.00%") || svg.contains("甲"),
            "the legend still lists the items"
        );
    }

    #[test]
    fn svg_escapes_report_text() {
        let json = r#"{"format":"budget-lens/1","breakdowns":[{"id":"e","label":"x","amount":"2","items":[
            {"id":"a","label":"<script>alert(1)</script>&\"","amount":"1"},
            {"id":"b","label":"b","amount":"1"}]}]}"#;
        let view = ChartView::new(&parse_report(json).unwrap(), "e", &[], Lang::Zh).unwrap();
        for kind in [ChartKind::Pie, ChartKind::Bar] {
            let svg = svg_of(&view, kind);
            assert!(!svg.contains("<script>"), "{kind:?}");
            assert!(svg.contains("&lt;script&gt;"), "{kind:?}");
        }
    }

    #[test]
    fn slices_and_bars_are_hatched_and_themes_change_the_ground() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let interaction = Interaction::default();
        let svg_in = |kind, theme: &Theme| {
            let layout = layout(
                &view,
                kind,
                600.0,
                360.0,
                &interaction,
                Some(2021),
                Lang::Zh,
            );
            let scene = Scene {
                view: &view,
                layout: &layout,
                interaction: &interaction,
                theme,
            };
            to_svg(&scene, 600, 360).unwrap()
        };
        // The second item's slice and swatch (rising hatching) and the prior-year bars (hatched):
        // many short lines in the hatch colour, none for a solid first item alone.
        for kind in [ChartKind::Pie, ChartKind::Bar] {
            let light = svg_in(kind, &Theme::LIGHT);
            let hatch = light.matches("<polyline").count();
            assert!(hatch > 20, "{kind:?}: {hatch} lines");
            let dark = svg_in(kind, &Theme::DARK);
            assert!(dark.contains("#1B1B1B"), "{kind:?}: dark ground");
            assert!(!light.contains("#1B1B1B"), "{kind:?}");
        }
    }

    fn shapes(
        view: &ChartView,
        kind: ChartKind,
        interaction: &Interaction,
        part: Part,
    ) -> Vec<Shape> {
        let layout = layout(view, kind, 600.0, 360.0, interaction, Some(2021), Lang::Zh);
        let scene = Scene {
            view,
            layout: &layout,
            interaction,
            theme: &Theme::LIGHT,
        };
        shapes_of(&scene, 1.0, part)
    }

    #[test]
    fn the_whole_is_the_still_part_then_the_emphasis() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let hovered = Interaction {
            hover: Some(1),
            focus: Some(0),
            ..Interaction::default()
        };
        for kind in [ChartKind::Pie, ChartKind::Donut, ChartKind::Bar] {
            let still = shapes(&view, kind, &hovered, Part::Still);
            let emphasis = shapes(&view, kind, &hovered, Part::Emphasis);
            assert!(!emphasis.is_empty(), "{kind:?}");
            let mut both = still;
            both.extend(emphasis);
            assert_eq!(shapes(&view, kind, &hovered, Part::Whole), both, "{kind:?}");
            // The still part knows nothing of hover and focus; without them there is no emphasis.
            let calm = Interaction::default();
            assert_eq!(
                shapes(&view, kind, &hovered, Part::Still),
                shapes(&view, kind, &calm, Part::Still)
            );
            assert!(shapes(&view, kind, &calm, Part::Emphasis).is_empty());
        }
    }

    #[test]
    fn a_hovered_slice_is_cleared_from_its_place_and_pulled_out() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let hovered = Interaction {
            hover: Some(1),
            ..Interaction::default()
        };
        let emphasis = shapes(&view, ChartKind::Pie, &hovered, Part::Emphasis);
        let polygons: Vec<&Vec<(i32, i32)>> = emphasis
            .iter()
            .filter_map(|s| match s {
                Shape::Polygon(points, _) => Some(points),
                _ => None,
            })
            .collect();
        let (Shape::Polygon(place, ground), Shape::Polygon(slice, fill)) =
            (&emphasis[0], &emphasis[1])
        else {
            panic!("{:?}", &emphasis[..2]);
        };
        assert_eq!(*ground, Theme::LIGHT.background, "the place is cleared");
        assert_eq!(*fill, Theme::LIGHT.series(1));
        // 项目支出 (42.13%) runs from 208.3° to 360°: pulled 6 px along its middle, 284.2°, up and left.
        let (dx, dy) = (slice[0].0 - place[0].0, slice[0].1 - place[0].1);
        assert!(
            (-6..=-5).contains(&dx) && (-2..=-1).contains(&dy),
            "{dx},{dy}"
        );
        assert_eq!(polygons.len(), 2, "no other slice is painted again");
        // Its hatching moves with it, and the legend row gets its band.
        let hatch_lines = emphasis
            .iter()
            .filter(|s| matches!(s, Shape::Line(_, ink, _) if *ink == Theme::LIGHT.hatch))
            .count();
        assert!(hatch_lines > 10, "{hatch_lines}");
        assert!(emphasis
            .iter()
            .any(|s| matches!(s, Shape::Rect(_, band) if *band == Theme::LIGHT.hover_band)));
    }

    #[test]
    fn a_hovered_bar_repaints_its_row_only() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let hovered = Interaction {
            hover: Some(1),
            ..Interaction::default()
        };
        let emphasis = shapes(&view, ChartKind::Bar, &hovered, Part::Emphasis);
        assert!(matches!(&emphasis[0], Shape::Rect(_, band) if *band == Theme::LIGHT.hover_band));
        let texts: Vec<&str> = emphasis
            .iter()
            .filter_map(|s| match s {
                Shape::Text(text, ..) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            ["项目支出", "653.12"],
            "the row's name and value, no other row's"
        );
    }
}
