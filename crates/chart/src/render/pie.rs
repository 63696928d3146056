//! Painting a pie or donut in two parts. The still part: slices, marks, leader lines and labels, the
//! total in the hole, the legend. The emphasis over it: the hovered slice pulled out, the focus ring,
//! the hovered or focused legend row (see `render::Part`).

use super::{marks, Align, Painter, Scene};
use crate::geometry::sector_outline;
use crate::legend::{LegendEntry, LEGEND_FONT};
use crate::palette::{Rgb, Theme};
use crate::pie::{PieLayout, Slice, LABEL_FONT, LABEL_LINE};
use crate::text::text_width;
use crate::{Point, Rect, MARK_SIZE};

const HOVER_PULL: f64 = 6.0;
/// How far the focus ring stands outside the rim.
const FOCUS_GAP: f64 = 3.0;

/// The chart with nothing hovered or focused.
pub fn draw_still(painter: &mut Painter, scene: &Scene, pie: &PieLayout) {
    let theme = scene.theme;
    if pie.slices.is_empty() {
        // Nothing positive to share out: an empty ring, so the chart is not mistaken for a failure.
        let ring = sector_outline(
            pie.center,
            pie.inner_radius,
            pie.radius,
            0.0,
            std::f64::consts::TAU,
        );
        painter.polygon(&ring, theme.hidden);
    }
    for slice in &pie.slices {
        draw_slice(painter, theme, pie, slice, pie.center);
    }
    for mark in &pie.marks {
        marks::draw(painter, theme, mark.severity, mark.at);
    }
    for label in &pie.labels {
        painter.line(&label.leader, theme.leader, 1.0);
        let align = if label.right_side {
            Align::Left
        } else {
            Align::Right
        };
        let first = label.anchor.y - (label.lines.len() as f64 - 1.0) * LABEL_LINE / 2.0;
        for (i, line) in label.lines.iter().enumerate() {
            let at = Point::new(label.anchor.x, first + i as f64 * LABEL_LINE);
            painter.text(line, at, LABEL_FONT, theme.text, align);
        }
    }
    draw_center(painter, theme, pie);
    if let Some(pager) = &pie.pager {
        for (target, arrow) in [(pager.prev, "‹"), (pager.next, "›")] {
            painter.outline(target, theme.leader, 1.0);
            let mid = Point::new(target.x + target.w / 2.0, target.y + target.h / 2.0);
            painter.text(arrow, mid, LEGEND_FONT + 6.0, theme.text, Align::Center);
        }
        painter.text(
            &pager.text,
            pager.text_at,
            LEGEND_FONT,
            theme.text,
            Align::Center,
        );
    }
    for entry in &pie.legend {
        draw_entry(painter, theme, entry);
    }
}

/// What hover and focus add over the still chart. The hovered slice's place is filled with the ground
/// and the slice painted pulled out; whatever the still chart drew over that place (marks, the total
/// in a donut's hole) is painted again over it, as in a drawing of the whole.
pub fn draw_emphasis(painter: &mut Painter, scene: &Scene, pie: &PieLayout) {
    let interaction = scene.interaction;
    let slice_of = |item: Option<usize>| pie.slices.iter().find(|s| Some(s.item) == item);
    // The box of what is painted again: marks inside it are painted again over it.
    let hovered = slice_of(interaction.hover).map(|slice| draw_hovered(painter, scene, pie, slice));
    let ring = slice_of(interaction.focus).map(|slice| draw_focus_ring(painter, scene, pie, slice));
    let changed = match (hovered, ring) {
        (Some(a), Some(b)) => Some(a.union(&b)),
        (a, b) => a.or(b),
    };
    if let Some(changed) = changed {
        let reach = MARK_SIZE;
        for mark in &pie.marks {
            let mark_box = Rect::new(
                mark.at.x - reach,
                mark.at.y - reach,
                2.0 * reach,
                2.0 * reach,
            );
            if mark_box.overlaps(&changed) {
                marks::draw(painter, scene.theme, mark.severity, mark.at);
            }
        }
    }
    draw_legend_bands(painter, scene, pie);
}

/// Where `slice` is drawn now: pulled out by the hover's emphasis so far, if hovered.
fn pulled_center(scene: &Scene, pie: &PieLayout, slice: &Slice) -> Point {
    let interaction = scene.interaction;
    let pull = if interaction.hover == Some(slice.item) {
        HOVER_PULL * interaction.hover_shown()
    } else {
        0.0
    };
    pie.center.polar(pull, slice.mid())
}

/// The hovered slice pulled out over its place filled with the ground; the box of what changed.
fn draw_hovered(painter: &mut Painter, scene: &Scene, pie: &PieLayout, slice: &Slice) -> Rect {
    let theme = scene.theme;
    let (inner, outer) = (pie.inner_radius, pie.radius);
    let place = sector_outline(pie.center, inner, outer, slice.start, slice.end);
    painter.polygon(&place, theme.background);
    // A slice over half the ring pulled out reaches into the donut's hole: the total is painted anew
    // over it, as the whole drawing paints it over the slices.
    let into_hole = pie.center_text.is_some() && slice.end - slice.start > std::f64::consts::PI;
    if into_hole {
        let hole = sector_outline(pie.center, 0.0, inner - 0.5, 0.0, std::f64::consts::TAU);
        painter.polygon(&hole, theme.background);
    }
    draw_slice(painter, theme, pie, slice, pulled_center(scene, pie, slice));
    if into_hole {
        draw_center(painter, theme, pie);
    }
    // The slice's place and where it moved to.
    around(pie.center, outer + HOVER_PULL)
}

/// The keyboard focus's ring around `slice`; its box.
fn draw_focus_ring(painter: &mut Painter, scene: &Scene, pie: &PieLayout, slice: &Slice) -> Rect {
    let center = pulled_center(scene, pie, slice);
    let outer = pie.radius + FOCUS_GAP;
    let mut ring = sector_outline(center, pie.inner_radius, outer, slice.start, slice.end);
    ring.push(ring[0]);
    painter.line(&ring, scene.theme.focus, 3.0);
    around(center, outer + 2.0)
}

/// The legend rows of the focused and hovered items, on their bands.
fn draw_legend_bands(painter: &mut Painter, scene: &Scene, pie: &PieLayout) {
    let (theme, interaction) = (scene.theme, scene.interaction);
    for entry in &pie.legend {
        let band = if interaction.focus == Some(entry.item) {
            theme.hover_band
        } else if interaction.hover == Some(entry.item) {
            hover_band(scene)
        } else {
            continue;
        };
        painter.rect(entry.bounds, band);
        draw_entry(painter, theme, entry);
    }
}

/// The square around a circle.
fn around(center: Point, radius: f64) -> Rect {
    Rect::new(
        center.x - radius,
        center.y - radius,
        2.0 * radius,
        2.0 * radius,
    )
}

/// One slice about `center` (the pie's, or pulled out): its colour, hatching and the gap to its neighbours.
fn draw_slice(painter: &mut Painter, theme: &Theme, pie: &PieLayout, slice: &Slice, center: Point) {
    let outline = sector_outline(center, pie.inner_radius, pie.radius, slice.start, slice.end);
    painter.polygon(&outline, theme.series(slice.item));
    let shift = (center.x - pie.center.x, center.y - pie.center.y);
    painter.segments(&slice.hatch, shift, theme.hatch);
    if pie.slices.len() > 1 {
        let mut closed = outline.clone();
        closed.push(outline[0]);
        painter.line(&closed, theme.background, 1.0);
    }
}

/// The caption, its mark and the total in a donut's hole.
fn draw_center(painter: &mut Painter, theme: &Theme, pie: &PieLayout) {
    let Some(center) = &pie.center_text else {
        return;
    };
    painter.text(
        &center.caption,
        center.caption_at,
        LABEL_FONT,
        theme.muted_text,
        Align::Center,
    );
    if let Some((severity, at)) = center.mark {
        marks::draw(painter, theme, severity, at);
    }
    for (line, at) in &center.total {
        painter.text(line, *at, center.total_font, theme.text, Align::Center);
    }
}

/// A legend row's swatch, text and mark (its band, if any, is painted first by the caller).
fn draw_entry(painter: &mut Painter, theme: &Theme, entry: &LegendEntry) {
    if entry.hidden {
        painter.rect(entry.swatch, theme.hidden);
    } else {
        let fill = theme.series(entry.item);
        painter.patterned_rect(entry.swatch, fill, &entry.swatch_hatch, theme);
    }
    let text_at = Point::new(
        entry.swatch.right() + 8.0,
        entry.bounds.y + entry.bounds.h / 2.0,
    );
    let ink = if entry.hidden {
        theme.muted_text
    } else {
        theme.text
    };
    painter.text(&entry.text, text_at, LEGEND_FONT, ink, Align::Left);
    if entry.hidden {
        let text_end = text_at.x + text_width(&entry.text, LEGEND_FONT);
        painter.line(
            &[text_at, Point::new(text_end, text_at.y)],
            theme.muted_text,
            1.0,
        );
    }
    if let (Some(severity), Some(at)) = (entry.mark, entry.mark_at) {
        marks::draw(painter, theme, severity, at);
    }
}

/// The hover band as far as the hover transition has come: from the background to the band's colour.
pub(super) fn hover_band(scene: &Scene) -> Rgb {
    let theme = scene.theme;
    theme
        .background
        .mix(theme.hover_band, scene.interaction.hover_shown())
}
