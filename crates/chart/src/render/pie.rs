//! Painting a pie or donut: slices, the hovered slice pulled out, the focus ring, marks, leader
//! lines and labels, the legend, the total in the hole.

use super::{marks, Align, Painter, RenderError, Scene};
use crate::geometry::sector_outline;
use crate::legend::LEGEND_FONT;
use crate::pie::{PieLayout, LABEL_FONT, LABEL_LINE};
use crate::text::text_width;
use crate::Point;

const HOVER_PULL: f64 = 6.0;

pub fn draw(painter: &mut Painter, scene: &Scene, pie: &PieLayout) -> Result<(), RenderError> {
    let theme = scene.theme;
    let interaction = scene.interaction;
    if pie.slices.is_empty() {
        // Nothing positive to share out: an empty ring, so the chart is not mistaken for a failure.
        let ring = sector_outline(
            pie.center,
            pie.inner_radius,
            pie.radius,
            0.0,
            std::f64::consts::TAU,
        );
        painter.polygon(&ring, theme.hidden)?;
    }
    for slice in &pie.slices {
        let pull = if interaction.hover == Some(slice.item) {
            HOVER_PULL * interaction.hover_shown()
        } else {
            0.0
        };
        let center = pie.center.polar(pull, slice.mid());
        let outline = sector_outline(center, pie.inner_radius, pie.radius, slice.start, slice.end);
        painter.polygon(&outline, theme.series(slice.item))?;
        let shift = (center.x - pie.center.x, center.y - pie.center.y);
        painter.segments(&slice.hatch, shift, theme.hatch)?;
        if pie.slices.len() > 1 {
            let mut closed = outline.clone();
            closed.push(outline[0]);
            painter.line(&closed, theme.background, 1.0)?;
        }
    }
    if let Some(slice) = pie
        .slices
        .iter()
        .find(|s| Some(s.item) == interaction.focus)
    {
        let pull = if interaction.hover == Some(slice.item) {
            HOVER_PULL * interaction.hover_shown()
        } else {
            0.0
        };
        let center = pie.center.polar(pull, slice.mid());
        let outline = sector_outline(
            center,
            pie.inner_radius,
            pie.radius + 3.0,
            slice.start,
            slice.end,
        );
        let mut closed = outline.clone();
        closed.push(outline[0]);
        painter.line(&closed, theme.focus, 3.0)?;
    }
    for mark in &pie.marks {
        marks::draw(painter, theme, mark.severity, mark.at)?;
    }
    for label in &pie.labels {
        painter.line(&label.leader, theme.leader, 1.0)?;
        let align = if label.right_side {
            Align::Left
        } else {
            Align::Right
        };
        let first = label.anchor.y - (label.lines.len() as f64 - 1.0) * LABEL_LINE / 2.0;
        for (i, line) in label.lines.iter().enumerate() {
            let at = Point::new(label.anchor.x, first + i as f64 * LABEL_LINE);
            painter.text(line, at, LABEL_FONT, theme.text, align)?;
        }
    }
    if let Some(center) = &pie.center_text {
        let (x, y) = (pie.center.x, pie.center.y);
        let caption_at = Point::new(x, y - 10.0);
        painter.text(
            &center.caption,
            caption_at,
            LABEL_FONT,
            theme.muted_text,
            Align::Center,
        )?;
        if let Some((severity, at)) = center.mark {
            marks::draw(painter, theme, severity, at)?;
        }
        let total_at = Point::new(x, y + 9.0);
        painter.text(
            &center.total,
            total_at,
            center.total_font,
            theme.text,
            Align::Center,
        )?;
    }
    draw_legend(painter, scene, pie)
}

fn draw_legend(painter: &mut Painter, scene: &Scene, pie: &PieLayout) -> Result<(), RenderError> {
    let theme = scene.theme;
    if let Some(pager) = &pie.pager {
        for (target, arrow) in [(pager.prev, "‹"), (pager.next, "›")] {
            painter.outline(target, theme.leader, 1.0)?;
            let mid = Point::new(target.x + target.w / 2.0, target.y + target.h / 2.0);
            painter.text(arrow, mid, LEGEND_FONT + 6.0, theme.text, Align::Center)?;
        }
        painter.text(
            &pager.text,
            pager.text_at,
            LEGEND_FONT,
            theme.text,
            Align::Center,
        )?;
    }
    for entry in &pie.legend {
        let focused = scene.interaction.focus == Some(entry.item);
        if focused {
            painter.rect(entry.bounds, theme.hover_band)?;
        } else if scene.interaction.hover == Some(entry.item) {
            painter.rect(entry.bounds, hover_band(scene))?;
        }
        if entry.hidden {
            painter.rect(entry.swatch, theme.hidden)?;
        } else {
            let fill = theme.series(entry.item);
            painter.patterned_rect(entry.swatch, fill, &entry.swatch_hatch, theme)?;
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
        painter.text(&entry.text, text_at, LEGEND_FONT, ink, Align::Left)?;
        let text_end = text_at.x + text_width(&entry.text, LEGEND_FONT);
        if entry.hidden {
            painter.line(
                &[text_at, Point::new(text_end, text_at.y)],
                theme.muted_text,
                1.0,
            )?;
        }
        if let (Some(severity), Some(at)) = (entry.mark, entry.mark_at) {
            marks::draw(painter, theme, severity, at)?;
        }
    }
    Ok(())
}

/// The hover band as far as the hover transition has come: from the background to the band's colour.
pub(super) fn hover_band(scene: &Scene) -> crate::palette::Rgb {
    let theme = scene.theme;
    theme
        .background
        .mix(theme.hover_band, scene.interaction.hover_shown())
}
