//! Painting horizontal bars: the unit and year key, hover band, names, this year's and last
//! year's bars, values, marks and the focus frame.

use super::{marks, Align, Painter, RenderError, Scene};
use crate::bar::{BarLayout, BAR_FONT, BAR_LINE};
use crate::{Point, Rect};

pub fn draw(painter: &mut Painter, scene: &Scene, bars: &BarLayout) -> Result<(), RenderError> {
    let theme = scene.theme;
    painter.text(
        &bars.unit_text,
        bars.unit_anchor,
        BAR_FONT,
        theme.muted_text,
        Align::Right,
    )?;
    for (i, key) in bars.key.iter().enumerate() {
        // This year as the first series, last year as the second: colour and hatching.
        painter.patterned_rect(key.swatch, theme.series(i), &key.hatch, theme)?;
        let at = Point::new(key.swatch.right() + 6.0, key.swatch.y + key.swatch.h / 2.0);
        painter.text(&key.text, at, BAR_FONT, theme.text, Align::Left)?;
    }
    for row in &bars.rows {
        if scene.interaction.hover == Some(row.item) {
            painter.rect(row.band, super::pie::hover_band(scene))?;
        }
        let first = row.label_anchor.y - (row.label.len() as f64 - 1.0) * BAR_LINE / 2.0;
        for (i, line) in row.label.iter().enumerate() {
            let at = Point::new(row.label_anchor.x, first + i as f64 * BAR_LINE);
            painter.text(line, at, BAR_FONT, theme.text, Align::Right)?;
        }
        painter.patterned_rect(row.bar, theme.series(row.series), &row.bar_hatch, theme)?;
        if let Some(prior) = row.prior_bar {
            painter.patterned_rect(prior, theme.prior_year(0), &row.prior_hatch, theme)?;
        }
        painter.text(
            &row.value_text,
            row.value_anchor,
            BAR_FONT,
            theme.text,
            Align::Left,
        )?;
        if let Some(mark) = row.mark {
            marks::draw(painter, theme, mark.severity, mark.at)?;
        }
        if scene.interaction.focus == Some(row.item) {
            let frame = Rect::new(
                row.band.x + 1.0,
                row.band.y + 1.0,
                row.band.w - 2.0,
                row.band.h - 2.0,
            );
            painter.outline(frame, theme.focus, 2.0)?;
        }
    }
    if let (Some(first), Some(last)) = (bars.rows.first(), bars.rows.last()) {
        let x = bars.zero_x;
        painter.line(
            &[
                Point::new(x, first.band.y),
                Point::new(x, last.band.bottom()),
            ],
            theme.leader,
            1.0,
        )?;
    }
    Ok(())
}
