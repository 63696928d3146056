//! Painting horizontal bars in two parts. The still part: the unit and year key, names, this year's
//! and last year's bars, values, marks, the zero line. The emphasis over it: the hovered row's band
//! (its row painted again over the band) and the focus frame (see `render::Part`).

use super::{marks, Align, Painter, Scene};
use crate::bar::{BarLayout, BarRow, BAR_FONT, BAR_LINE};
use crate::palette::Theme;
use crate::{Point, Rect};

/// The chart with nothing hovered or focused.
pub fn draw_still(painter: &mut Painter, scene: &Scene, bars: &BarLayout) {
    let theme = scene.theme;
    painter.text(
        &bars.unit_text,
        bars.unit_anchor,
        BAR_FONT,
        theme.muted_text,
        Align::Right,
    );
    for (i, key) in bars.key.iter().enumerate() {
        // This year as the first series, last year as the second: colour and hatching.
        painter.patterned_rect(key.swatch, theme.series(i), &key.hatch, theme);
        let at = Point::new(key.swatch.right() + 6.0, key.swatch.y + key.swatch.h / 2.0);
        painter.text(&key.text, at, BAR_FONT, theme.text, Align::Left);
    }
    for row in &bars.rows {
        draw_row(painter, theme, row, bars.stacked);
    }
    if let (Some(first), Some(last)) = (bars.rows.first(), bars.rows.last()) {
        zero_line(painter, theme, bars, first.band.y, last.band.bottom());
    }
}

/// What hover and focus add over the still chart: the hovered row painted again over its band, the
/// focus frame.
pub fn draw_emphasis(painter: &mut Painter, scene: &Scene, bars: &BarLayout) {
    let (theme, interaction) = (scene.theme, scene.interaction);
    for row in &bars.rows {
        if interaction.hover == Some(row.item) {
            painter.rect(row.band, super::pie::hover_band(scene));
            draw_row(painter, theme, row, bars.stacked);
            zero_line(painter, theme, bars, row.band.y, row.band.bottom());
        }
        if interaction.focus == Some(row.item) {
            let frame = Rect::new(
                row.band.x + 1.0,
                row.band.y + 1.0,
                row.band.w - 2.0,
                row.band.h - 2.0,
            );
            painter.outline(frame, theme.focus, 2.0);
        }
    }
}

/// One row's name (right-aligned in its column, or `stacked` left-aligned above the bars), bars, value
/// and mark.
fn draw_row(painter: &mut Painter, theme: &Theme, row: &BarRow, stacked: bool) {
    let first = row.label_anchor.y - (row.label.len() as f64 - 1.0) * BAR_LINE / 2.0;
    let align = if stacked { Align::Left } else { Align::Right };
    for (i, line) in row.label.iter().enumerate() {
        let at = Point::new(row.label_anchor.x, first + i as f64 * BAR_LINE);
        painter.text(line, at, BAR_FONT, theme.text, align);
    }
    painter.patterned_rect(row.bar, theme.series(row.series), &row.bar_hatch, theme);
    if let Some(prior) = row.prior_bar {
        painter.patterned_rect(prior, theme.prior_year(0), &row.prior_hatch, theme);
    }
    painter.text(
        &row.value_text,
        row.value_anchor,
        BAR_FONT,
        theme.text,
        Align::Left,
    );
    if let Some(mark) = row.mark {
        marks::draw(painter, theme, mark.severity, mark.at);
    }
}

/// The zero line from `top` to `bottom`.
fn zero_line(painter: &mut Painter, theme: &Theme, bars: &BarLayout, top: f64, bottom: f64) {
    let x = bars.zero_x;
    painter.line(
        &[Point::new(x, top), Point::new(x, bottom)],
        theme.leader,
        1.0,
    )
}
