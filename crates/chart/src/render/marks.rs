//! The marks of nodes with findings: a triangle for an error, a circle for a warning, each with "!"
//! so that they differ in shape and not only in colour. A halo in the ground's colour sets each mark
//! off from whatever slice or bar it sits on, so its contrast is the mark's against the ground (≥ 3:1
//! in every theme) whatever the slice's colour.

use super::{Align, Painter};
use crate::palette::Theme;
use crate::{Point, MARK_SIZE};
use budget_lens_core::check::Severity;

/// The halo's width around a mark.
const HALO: f64 = 2.0;

/// A mark centred at `at`; nothing for notes.
pub fn draw(painter: &mut Painter, theme: &Theme, severity: Severity, at: Point) {
    let fill = match severity {
        Severity::Error => theme.error,
        Severity::Warning => theme.warning,
        Severity::Note => return,
    };
    let half = MARK_SIZE / 2.0;
    match severity {
        Severity::Error => {
            painter.polygon(&triangle(at, half + 1.0 + HALO * 1.8), theme.background);
            painter.polygon(&triangle(at, half + 1.0), fill);
        }
        _ => {
            painter.circle(at, half + HALO, theme.background);
            painter.circle(at, half, fill);
        }
    }
    painter.text(
        "!",
        Point::new(at.x, at.y + 1.0),
        10.0,
        fill.ink(),
        Align::Center,
    )
}

/// An upward triangle around `at` reaching `half` from it sideways and down.
fn triangle(at: Point, half: f64) -> [Point; 3] {
    [
        Point::new(at.x, at.y - half),
        Point::new(at.x + half, at.y + half - 1.0),
        Point::new(at.x - half, at.y + half - 1.0),
    ]
}
