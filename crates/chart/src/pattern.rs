//! Hatching: a second cue besides colour. Each series index has its own pattern of parallel lines,
//! and `hatch` clips a pattern to a slice (annular sector) or a rectangle analytically, once per layout:
//! each line is cut where it crosses the shape's boundary, so the render only strokes the segments.

use super::geometry::{sin_cos, Point, Rect};

/// Gap between hatch lines, in CSS pixels.
pub const HATCH_SPACING: f64 = 6.0;
/// Pieces of a line shorter than this are dropped: a dot in a corner reads as dirt, not as hatching.
const MIN_SEGMENT: f64 = 1.0;

/// A hatch stroke from one point on a shape's boundary to another.
pub type Segment = (Point, Point);

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

/// A shape that hatching fills.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Area {
    Rect(Rect),
    /// Between radii `inner` and `outer` around `center`, from angle `start` to `end` (clockwise from
    /// 12 o'clock, as [`Point::angle_to`] measures them).
    Sector {
        center: Point,
        inner: f64,
        outer: f64,
        start: f64,
        end: f64,
    },
}

impl Area {
    fn bounds(&self) -> Rect {
        match *self {
            Area::Rect(r) => r,
            Area::Sector { center, outer, .. } => {
                Rect::new(center.x - outer, center.y - outer, 2.0 * outer, 2.0 * outer)
            }
        }
    }

    fn contains(&self, p: Point) -> bool {
        match *self {
            Area::Rect(r) => p.x >= r.x && p.x <= r.right() && p.y >= r.y && p.y <= r.bottom(),
            Area::Sector {
                center,
                inner,
                outer,
                start,
                end,
            } => {
                let (r, a) = (center.distance(p), center.angle_to(p));
                r >= inner && r <= outer && a >= start && a <= end
            }
        }
    }

    /// Where the line `origin + t·dir` meets the lines and circles that bound the shape, as values of
    /// `t` (a superset of the boundary crossings: between two of them the line is wholly in or out).
    fn crossings(&self, origin: Point, dir: (f64, f64), out: &mut Vec<f64>) {
        match *self {
            Area::Rect(r) => {
                for (x, d, p) in [(r.x, dir.0, origin.x), (r.right(), dir.0, origin.x)] {
                    if d != 0.0 {
                        out.push((x - p) / d);
                    }
                }
                for (y, d, p) in [(r.y, dir.1, origin.y), (r.bottom(), dir.1, origin.y)] {
                    if d != 0.0 {
                        out.push((y - p) / d);
                    }
                }
            }
            Area::Sector {
                center,
                inner,
                outer,
                start,
                end,
            } => {
                // |q + t·dir| = radius with q = origin − center and |dir| = 1.
                let q = (origin.x - center.x, origin.y - center.y);
                let along = q.0 * dir.0 + q.1 * dir.1;
                let q2 = q.0 * q.0 + q.1 * q.1;
                for radius in [inner, outer] {
                    let disc = along * along - q2 + radius * radius;
                    if radius > 0.0 && disc >= 0.0 {
                        out.push(-along - disc.sqrt());
                        out.push(-along + disc.sqrt());
                    }
                }
                // The line through the centre in direction `angle`: q + t·dir parallel to it.
                for angle in [start, end] {
                    let (sin, cos) = sin_cos(angle);
                    let u = (sin, -cos);
                    let cross_du = dir.0 * u.1 - dir.1 * u.0;
                    if cross_du != 0.0 {
                        out.push(-(q.0 * u.1 - q.1 * u.0) / cross_du);
                    }
                }
            }
        }
    }
}

/// The segments of `pattern` inside `area`, `spacing` apart, each from boundary to boundary. Lines are
/// anchored to the page origin so neighbouring shapes line up.
pub fn hatch(pattern: Pattern, area: Area, spacing: f64) -> Vec<Segment> {
    let mut segments = Vec::new();
    let bounds = area.bounds();
    if !(spacing > 0.0 && bounds.w > 0.0 && bounds.h > 0.0) {
        return segments;
    }
    let corners = [
        Point::new(bounds.x, bounds.y),
        Point::new(bounds.right(), bounds.y),
        Point::new(bounds.x, bounds.bottom()),
        Point::new(bounds.right(), bounds.bottom()),
    ];
    let mut cuts = Vec::new();
    for &(dx, dy) in directions(pattern) {
        // Lines are {p : p·n = k·spacing} with n the normal; t runs along (dx, dy).
        let (nx, ny) = (-dy, dx);
        let (lo, hi) = min_max(corners.iter().map(|p| p.x * nx + p.y * ny));
        let (t0, t1) = min_max(corners.iter().map(|p| p.x * dx + p.y * dy));
        let mut k = (lo / spacing).ceil();
        while k * spacing <= hi {
            let origin = Point::new(nx * k * spacing, ny * k * spacing);
            let at = |t: f64| Point::new(origin.x + dx * t, origin.y + dy * t);
            cuts.clear();
            cuts.extend([t0, t1]);
            area.crossings(origin, (dx, dy), &mut cuts);
            cuts.retain(|t| (t0..=t1).contains(t));
            crate::order::sort_few_by(&mut cuts, |a, b| a < b);
            let mut run: Option<(f64, f64)> = None;
            for pair in cuts.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                if b > a && area.contains(at((a + b) / 2.0)) {
                    run = Some(run.map_or((a, b), |(from, _)| (from, b)));
                } else if let Some((from, to)) = run.take() {
                    segments.push((at(from), at(to)));
                }
            }
            segments.extend(run.map(|(from, to)| (at(from), at(to))));
            k += 1.0;
        }
    }
    segments.retain(|(a, b)| a.distance(*b) >= MIN_SEGMENT);
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
    use std::f64::consts::{FRAC_PI_2, PI, TAU};

    const EPS: f64 = 1e-9;

    #[test]
    fn neighbours_have_different_patterns_and_the_first_is_solid() {
        assert_eq!(pattern_of(0), Pattern::Solid);
        for i in 0..20 {
            assert_ne!(pattern_of(i), pattern_of(i + 1));
        }
        let rect = Area::Rect(Rect::new(0.0, 0.0, 30.0, 30.0));
        assert!(hatch(Pattern::Solid, rect, 6.0).is_empty());
    }

    #[test]
    fn a_rectangle_is_cut_at_its_sides() {
        let rect = Rect::new(10.0, 10.0, 60.0, 30.0);
        let horizontal = hatch(Pattern::Horizontal, Area::Rect(rect), HATCH_SPACING);
        // y = 12, 18, 24, 30, 36, each from x = 10 to x = 70.
        let ys: Vec<f64> = horizontal.iter().map(|(a, _)| a.y).collect();
        assert_eq!(ys, [12.0, 18.0, 24.0, 30.0, 36.0]);
        for (a, b) in &horizontal {
            assert_eq!((a.x, b.x, a.y), (10.0, 70.0, b.y));
        }
        // Rising lines x − y = −6k·√2 … within the box: each ends on two of its sides.
        for (a, b) in hatch(Pattern::Rising, Area::Rect(rect), HATCH_SPACING) {
            for p in [a, b] {
                let on_side = [p.x - 10.0, p.x - 70.0, p.y - 10.0, p.y - 40.0]
                    .iter()
                    .any(|d| d.abs() < EPS);
                assert!(on_side, "{p:?}");
            }
        }
    }

    /// The lower right quarter of a ring around (100, 101), radii 20 and 50: from 3 o'clock (π/2)
    /// to 6 o'clock (π).
    fn quarter() -> Area {
        Area::Sector {
            center: Point::new(100.0, 101.0),
            inner: 20.0,
            outer: 50.0,
            start: FRAC_PI_2,
            end: PI,
        }
    }

    #[test]
    fn a_ring_slice_is_cut_at_its_circles_and_edges_by_hand() {
        let lines = hatch(Pattern::Horizontal, quarter(), HATCH_SPACING);
        // Lines y = 102, 108, …, 150 (dy = 1, 7, …, 49 below the centre): nine.
        assert_eq!(lines.len(), 9, "{lines:?}");
        let (a, b) = lines[0];
        // dy = 1: from the inner circle, x = 100 + √(400 − 1), to the outer, x = 100 + √(2500 − 1).
        assert!((a.y - 102.0).abs() < EPS && (b.y - 102.0).abs() < EPS);
        assert!((a.x - (100.0 + 399f64.sqrt())).abs() < EPS, "{a:?}");
        assert!((b.x - (100.0 + 2499f64.sqrt())).abs() < EPS, "{b:?}");
        // dy = 25, past the inner circle: from the 6 o'clock edge, x = 100, to x = 100 + √1875.
        let (a, b) = lines[4];
        assert!((a.y - 126.0).abs() < EPS);
        assert!((a.x - 100.0).abs() < EPS, "{a:?}");
        assert!((b.x - (100.0 + 1875f64.sqrt())).abs() < EPS, "{b:?}");
        // dy = 49: from x = 100 to x = 100 + √99.
        let (a, b) = lines[8];
        assert!((a.x - 100.0).abs() < EPS && (b.x - (100.0 + 99f64.sqrt())).abs() < EPS);
    }

    /// Whether `p` lies on the boundary of `area` (a circle or an edge of the sector).
    fn on_boundary(area: Area, p: Point) -> bool {
        let Area::Sector {
            center,
            inner,
            outer,
            start,
            end,
        } = area
        else {
            return false;
        };
        let r = center.distance(p);
        let edge = |angle: f64| {
            let u = (angle.sin(), -angle.cos());
            ((p.x - center.x) * u.1 - (p.y - center.y) * u.0).abs() < 1e-6
        };
        (r - inner).abs() < 1e-6 || (r - outer).abs() < 1e-6 || edge(start) || edge(end)
    }

    #[test]
    fn segments_lie_inside_and_end_on_the_boundary() {
        let whole_ring = Area::Sector {
            center: Point::new(50.0, 50.0),
            inner: 20.0,
            outer: 40.0,
            start: 0.0,
            end: TAU,
        };
        let wide = Area::Sector {
            center: Point::new(200.0, 120.0),
            inner: 0.0,
            outer: 80.0,
            start: 1.0,
            end: 1.0 + 1.3 * PI,
        };
        for area in [quarter(), whole_ring, wide] {
            for pattern in PATTERNS[1..].iter().copied() {
                let lines = hatch(pattern, area, HATCH_SPACING);
                assert!(lines.len() >= 3, "{pattern:?}: {}", lines.len());
                for &(a, b) in &lines {
                    assert!(on_boundary(area, a) && on_boundary(area, b), "{a:?} {b:?}");
                    for f in [0.1, 0.5, 0.9] {
                        let p = Point::new(a.x + f * (b.x - a.x), a.y + f * (b.y - a.y));
                        assert!(area.contains(p), "{pattern:?}: {p:?} of {a:?}–{b:?}");
                    }
                }
            }
        }
        // A horizontal line through the ring's hole is cut in two: y = 48 (dy = −2) left and right.
        let through = hatch(Pattern::Horizontal, whole_ring, HATCH_SPACING);
        let at_48: Vec<_> = through.iter().filter(|(a, _)| a.y == 48.0).collect();
        assert_eq!(at_48.len(), 2, "{at_48:?}");
        assert!((at_48[0].1.x - (50.0 - 396f64.sqrt())).abs() < EPS);
        // x = 90 only touches the outer circle: no segment.
        let vertical = hatch(Pattern::Vertical, whole_ring, HATCH_SPACING);
        assert!(vertical.iter().all(|(a, _)| a.x < 90.0), "{vertical:?}");
    }
}
