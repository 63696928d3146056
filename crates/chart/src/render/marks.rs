//! The marks of nodes with findings: a triangle for an error, a circle for a warning, each with "!"
//! so that they differ in shape and not only in colour.

use super::{Align, Painter, RenderError};
use crate::palette::Theme;
use crate::Point;
use budget_lens_core::check::Severity;

pub const MARK_SIZE: f64 = 12.0;

/// A mark centred at `at`; nothing for notes.
pub fn draw(
    painter: &mut Painter,
    theme: &Theme,
    severity: Severity,
    at: Point,
) -> Result<(), RenderError> {
    let half = MARK_SIZE / 2.0;
    match severity {
        Severity::Error => painter.polygon(
            &[
                Point::new(at.x, at.y - half - 1.0),
                Point::new(at.x + half + 1.0, at.y + half),
                Point::new(at.x - half - 1.0, at.y + half),
            ],
            theme.error,
        )?,
        Severity::Warning => painter.circle(at, half, theme.warning)?,
        Severity::Note => return Ok(()),
    }
    painter.text(
        "!",
        Point::new(at.x, at.y + 1.0),
        10.0,
        theme.background,
        Align::Center,
    )
}
