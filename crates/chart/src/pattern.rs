//! Hatching: a second cue besides colour. Each series index has its own pattern of parallel lines,
//! and `hatch_lines` clips a pattern to any shape given by a point test (a slice, a bar, a swatch).

use super::geometry::{Point, Rect};

/// Gap between hatch lines, in CSS pixels.
pub const HATCH_SPACING: f64 = 6.0;
/// Step along a hatch line when clipping it to a shape.
const STEP: f64 = 1.0;

/// The hatching of one series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    Solid,
    Rising,
    Falling,
    Horizontal,
    Vertical,
    Cross,
}

const PATTERNS: [Pattern; 6] = [
    Pattern::Solid,
    Pattern::Rising,
    Pattern::Horizontal,
    Pattern::Falling,
    Pattern::Vertical,
    Pattern::Cross,
];

/// The pattern of the `index`-th item of a level; neighbours never share one.
pub fn pattern_of(index: usize) -> Pattern {
    PATTERNS[index % PATTERNS.len()]
}

/// Unit directions of the line families of a pattern.
fn directions(pattern: Pattern) -> &'static [(f64, f64)] {
    const D: f64 = std::f64::consts::FRAC_1_SQRT_2;
    match pattern {
        Pattern::Solid => &[],
        Pattern::Rising => &[(D, -D)],
        Pattern::Falling => &[(D, D)],
        Pattern::Horizontal => &[(1.0, 0.0)],
        Pattern::Vertical => &[(0.0, 1.0)],
        Pattern::Cross => &[(D, -D), (D, D)],
    }
}

/// The segments of `pattern` inside the shape `inside` within `bounds`, `spacing` apart, as
/// (start, end) pairs. Lines are anchored to the page origin so neighbouring shapes line up.
pub fn hatch_lines(
    pattern: Pattern,
    bounds: Rect,
    spacing: f64,
    inside: impl Fn(Point) -> bool,
) -> Vec<(Point, Point)> {
    let mut segments = Vec::new();
    if !(spacing > 0.0 && bounds.w > 0.0 && bounds.h > 0.0) {
        return segments;
    }
    let corners = [
        Point::new(bounds.x, bounds.y),
        Point::new(bounds.right(), bounds.y),
        Point::new(bounds.x, bounds.bottom()),
        Point::new(bounds.right(), bounds.bottom()),
    ];
    for &(dx, dy) in directions(pattern) {
        // Lines are {p : p·n = k·spacing} with n the normal; t runs along (dx, dy).
        let (nx, ny) = (-dy, dx);
        let across = |p: &Point| p.x * nx + p.y * ny;
        let along = |p: &Point| p.x * dx + p.y * dy;
        let (lo, hi) = min_max(corners.iter().map(across));
        let (t0, t1) = min_max(corners.iter().map(along));
        let mut k = (lo / spacing).ceil();
        while k * spacing <= hi {
            let offset = k * spacing;
            let at = |t: f64| Point::new(nx * offset + dx * t, ny * offset + dy * t);
            let mut run: Option<(Point, Point)> = None;
            let mut t = t0;
            while t <= t1 {
                let p = at(t);
                if bounds.contains(p) && inside(p) {
                    run = Some(run.map_or((p, p), |(start, _)| (start, p)));
                } else if let Some(done) = run.take() {
                    segments.push(done);
                }
                t += STEP;
            }
            segments.extend(run);
            k += 1.0;
        }
    }
    segments.retain(|(a, b)| a.distance(*b) >= STEP);
    segments
}

fn min_max(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_have_different_patterns_and_the_first_is_solid() {
        assert_eq!(pattern_of(0), Pattern::Solid);
        for i in 0..20 {
            assert_ne!(pattern_of(i), pattern_of(i + 1));
        }
        let rect = Rect::new(0.0, 0.0, 30.0, 30.0);
        assert!(hatch_lines(Pattern::Solid, rect, 6.0, |_| true).is_empty());
    }

    #[test]
    fn lines_stay_inside_the_shape_and_cover_it() {
        let rect = Rect::new(10.0, 10.0, 60.0, 30.0);
        let inside = |p: Point| p.distance(Point::new(40.0, 25.0)) <= 14.0;
        for pattern in PATTERNS {
            let lines = hatch_lines(pattern, rect, HATCH_SPACING, inside);
            if pattern == Pattern::Solid {
                continue;
            }
            assert!(lines.len() >= 3, "{pattern:?}: {}", lines.len());
            for (a, b) in &lines {
                assert!(inside(*a) && inside(*b), "{pattern:?}");
            }
        }
        let horizontal = hatch_lines(Pattern::Horizontal, rect, HATCH_SPACING, |_| true);
        assert_eq!(horizontal.len(), 5, "y = 12, 18, 24, 30, 36");
        assert!(horizontal
            .iter()
            .all(|(a, b)| a.y == b.y && b.x - a.x >= 59.0));
    }
}
