//! Pixel geometry in CSS pixels: the only place floats are used. Angles run clockwise from 12 o'clock.

use std::f64::consts::{FRAC_PI_2, PI, TAU};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// The point at `radius` from `self` in direction `angle` (clockwise from 12 o'clock).
    pub fn polar(self, radius: f64, angle: f64) -> Point {
        let (sin, cos) = sin_cos(angle);
        Point::new(self.x + radius * sin, self.y - radius * cos)
    }

    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    /// The direction of `other` seen from `self`, clockwise from 12 o'clock, in [0, 2π).
    pub fn angle_to(self, other: Point) -> f64 {
        let angle = (other.x - self.x).atan2(self.y - other.y);
        if angle < 0.0 {
            angle + TAU
        } else {
            angle
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x < self.x + self.w && p.y >= self.y && p.y < self.y + self.h
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// The least rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        let right = self.right().max(other.right());
        let bottom = self.bottom().max(other.bottom());
        Rect::new(x, y, right - x, bottom - y)
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

/// The sine and cosine of `angle` (radians). Not `f64::sin`/`cos`: libm's carry an argument reduction
/// for angles of any size, 6 KB of the widget's wasm, that a chart's angles (about 0 to 2π) never need.
/// The angle is brought within π/4 of a multiple of π/2 and both series summed to their 17th power
/// (error below 1e-16 there).
pub fn sin_cos(angle: f64) -> (f64, f64) {
    let quarter = (angle / FRAC_PI_2 + 0.5).floor();
    let r = angle - quarter * FRAC_PI_2;
    let r2 = r * r;
    let (mut sin, mut cos) = (1.0, 1.0);
    for n in (1..=8).rev() {
        let n = f64::from(n);
        sin = 1.0 - r2 / ((2.0 * n) * (2.0 * n + 1.0)) * sin;
        cos = 1.0 - r2 / ((2.0 * n - 1.0) * (2.0 * n)) * cos;
    }
    let sin = r * sin;
    match (quarter as i64).rem_euclid(4) {
        0 => (sin, cos),
        1 => (cos, -sin),
        2 => (-sin, -cos),
        _ => (-cos, sin),
    }
}

/// The outline of an annular sector (a pie slice when `inner` is 0) as a polygon, one vertex per
/// `max_step` radians at most, so that arcs look round at any size.
pub fn sector_outline(center: Point, inner: f64, outer: f64, start: f64, end: f64) -> Vec<Point> {
    let sweep = (end - start).max(0.0);
    let steps = ((sweep / (PI / 90.0)).ceil() as usize).max(1);
    let arc = |radius: f64| {
        (0..=steps)
            .map(move |i| start + sweep * i as f64 / steps as f64)
            .map(move |a| (radius, a))
    };
    let mut points: Vec<Point> = arc(outer).map(|(r, a)| center.polar(r, a)).collect();
    if inner > 0.0 {
        let mut inner_arc: Vec<Point> = arc(inner).map(|(r, a)| center.polar(r, a)).collect();
        inner_arc.reverse();
        points.extend(inner_arc);
    } else {
        points.push(center);
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polar_and_angle_agree() {
        let c = Point::new(100.0, 100.0);
        for degrees in [0.0, 45.0, 90.0, 180.0, 270.0, 359.0] {
            let a = f64::to_radians(degrees);
            let p = c.polar(50.0, a);
            assert!((c.angle_to(p) - a).abs() < 1e-9, "{degrees}");
            assert!((c.distance(p) - 50.0).abs() < 1e-9);
        }
        // 12 o'clock is straight up, 3 o'clock to the right.
        assert!(c.polar(10.0, 0.0).y < c.y);
        assert!(c.polar(10.0, PI / 2.0).x > c.x);
    }

    #[test]
    fn sine_and_cosine_agree_with_libm_around_the_circle() {
        for i in -2000..=8000 {
            let a = f64::from(i) / 1000.0;
            let (sin, cos) = sin_cos(a);
            assert!(
                (sin - a.sin()).abs() < 1e-15 && (cos - a.cos()).abs() < 1e-15,
                "{a}"
            );
        }
        assert_eq!(sin_cos(0.0), (0.0, 1.0));
    }

    #[test]
    fn rectangles_contain_and_overlap() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(r.contains(Point::new(0.0, 9.9)));
        assert!(!r.contains(Point::new(10.0, 5.0)));
        assert!(r.overlaps(&Rect::new(9.0, 9.0, 5.0, 5.0)));
        assert!(!r.overlaps(&Rect::new(10.0, 0.0, 5.0, 5.0)));
    }

    #[test]
    fn donut_outline_closes_both_arcs() {
        let outline = sector_outline(Point::new(0.0, 0.0), 5.0, 10.0, 0.0, PI);
        assert!((outline[0].distance(Point::new(0.0, 0.0)) - 10.0).abs() < 1e-9);
        assert!((outline.last().unwrap().distance(Point::new(0.0, 0.0)) - 5.0).abs() < 1e-9);
    }
}
