//! Affine matrices in PDF's row-vector convention, and the page frame: PDF user space to the page as
//! displayed (crop box, /Rotate), top-left origin, y down — the same frame as pdf.js's viewport at scale 1.

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Matrix(pub [f32; 6]);

impl Default for Matrix {
    fn default() -> Self {
        Matrix::IDENTITY
    }
}

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    pub fn translation(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` then `other`: a point goes through `self` first.
    pub fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct PageFrame {
    /// Crop box: x0, y0, x1, y1 (normalised so x0 < x1, y0 < y1).
    pub view: [f32; 4],
    /// 0, 90, 180 or 270.
    pub rotate: i32,
}

impl PageFrame {
    pub fn width(&self) -> f32 {
        let [x0, y0, x1, y1] = self.view;
        if self.rotate % 180 == 0 {
            x1 - x0
        } else {
            y1 - y0
        }
    }

    pub fn height(&self) -> f32 {
        let [x0, y0, x1, y1] = self.view;
        if self.rotate % 180 == 0 {
            y1 - y0
        } else {
            x1 - x0
        }
    }

    pub fn page_point(&self, (x, y): (f32, f32)) -> (f32, f32) {
        let [x0, y0, x1, y1] = self.view;
        match self.rotate {
            90 => (y - y0, x - x0),
            180 => (x1 - x, y - y0),
            270 => (y1 - y, x1 - x),
            _ => (x - x0, y1 - y),
        }
    }

    /// The drawn size of a glyph: the length of its text space's unit y vector.
    pub fn scale_of(&self, render: &Matrix) -> f32 {
        let [_, _, c, d, _, _] = render.0;
        (c * c + d * d).sqrt()
    }
}
