//! The chart as an SVG document: a plotters `DrawingBackend` that writes the shapes `render` paints.
//!
//! It writes what plotters' own SVG backend wrote (same elements and attributes, report text escaped), but
//! prints its few fractional numbers (opacity, font size) with [`decimal`] rather than `{}` of an `f64`:
//! that one `format!` linked the float formatter (about 15 KB) into the widget's wasm.

use std::fmt::{self, Write as _};

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

/// `value` rounded to at most `places` decimals, trailing zeros dropped: `9.677419…` → `9.68` (2 places),
/// `1.0` → `1`. Without the float formatter.
pub fn decimal(value: f64, places: u32) -> String {
    let scale = 10_i64.pow(places);
    let scaled = (value * scale as f64).round() as i64;
    let (whole, fraction) = (scaled.abs() / scale, scaled.abs() % scale);
    let mut out = String::new();
    if scaled < 0 {
        out.push('-');
    }
    push_digits(&mut out, whole.unsigned_abs());
    if fraction > 0 {
        // `{fraction:0places$}` with its trailing zeros dropped.
        let mut digits = String::new();
        push_digits(&mut digits, fraction.unsigned_abs());
        out.push('.');
        for _ in digits.len()..places as usize {
            out.push('0');
        }
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

/// `n` in decimal digits, as `{n}` writes it, without core's 64-bit integer formatter (no other 64-bit
/// integer is formatted in the wasm).
pub(crate) fn push_digits(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    while at > 0 {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits.iter().skip(at) {
        out.push(char::from(d));
    }
}

/// Writes an SVG document into a string; the document is closed when the backend is dropped.
pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

impl<'a> SvgBackend<'a> {
    pub fn new(out: &'a mut String, (width, height): (u32, u32)) -> SvgBackend<'a> {
        let _ = writeln!(
            out,
            "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
        );
        SvgBackend {
            out,
            size: (width, height),
        }
    }

    /// `<name key="value"…` with every value escaped; the caller closes the tag.
    fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(self.out, value);
            self.out.push('"');
        }
    }

    /// A rectangle (one copy for every style type `draw_rect` is called with).
    fn rect(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        c: BackendColor,
        fill: bool,
    ) {
        if c.alpha == 0.0 {
            return;
        }
        let (fill, stroke) = if fill {
            (color(c), "none".to_string())
        } else {
            ("none".to_string(), color(c))
        };
        let [x, y, w, h] = [x0, y0, x1 - x0, y1 - y0].map(|n| n.to_string());
        self.element(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", &w),
                ("height", &h),
                ("opacity", &opacity(c)),
                ("fill", &fill),
                ("stroke", &stroke),
            ],
        );
    }

    fn element(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.open(name, attributes);
        self.out.push_str("/>\n");
    }
}

impl Drop for SvgBackend<'_> {
    fn drop(&mut self) {
        self.out.push_str("</svg>\n");
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

fn color(color: BackendColor) -> String {
    // `#{r:02X}{g:02X}{b:02X}`.
    let (r, g, b) = color.rgb;
    crate::palette::hex_of(crate::palette::Rgb(r, g, b), b"0123456789ABCDEF")
}

fn opacity(color: BackendColor) -> String {
    decimal(color.alpha, 3)
}

fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    path.into_iter().fold(String::new(), |mut s, (x, y)| {
        let _ = write!(s, "{x},{y} ");
        s
    })
}

/// The backend's error: writing into a string does not fail.
#[derive(Debug)]
pub struct SvgError;

impl fmt::Display for SvgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SVG error")
    }
}

impl std::error::Error for SvgError {}

type Drawn = Result<(), DrawingErrorKind<SvgError>>;

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = SvgError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, c: BackendColor) -> Drawn {
        self.draw_rect((x, y), (x + 1, y + 1), &c, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.rect(upper_left, bottom_right, style.color(), fill);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.element(
            "polyline",
            &[
                ("fill", "none"),
                ("opacity", &opacity(c)),
                ("stroke", &color(c)),
                ("stroke-width", &style.stroke_width().to_string()),
                ("points", &points(path)),
            ],
        );
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.element(
            "polygon",
            &[
                ("opacity", &opacity(c)),
                ("fill", &color(c)),
                ("points", &points(path)),
            ],
        );
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (stroke, fill) = if fill {
            ("none".to_string(), color(c))
        } else {
            (color(c), "none".to_string())
        };
        self.element(
            "circle",
            &[
                ("cx", &x.to_string()),
                ("cy", &y.to_string()),
                ("r", &radius.to_string()),
                ("opacity", &opacity(c)),
                ("fill", &fill),
                ("stroke", &stroke),
                ("stroke-width", &style.stroke_width().to_string()),
            ],
        );
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Drawn {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let (x, y) = (x.to_string(), y.to_string());
        // The size in px, as the canvas draws it and as the layout measured it (plotters' own SVG backend
        // divides it by 1.24: the SVG's text came out smaller than the canvas's, and a legend's finding
        // mark, placed after the measured text, stood apart from it).
        let size = decimal(style.size(), 2);
        let family = style.family();
        let mut attributes = vec![
            ("x", x.clone()),
            ("y", y.clone()),
            ("dy", dy.to_string()),
            ("text-anchor", anchor.to_string()),
            ("font-family", family.as_str().to_string()),
            ("font-size", size),
            ("opacity", opacity(c)),
            ("fill", color(c)),
        ];
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => attributes.push(("font-weight", "bold".into())),
            other => attributes.push(("font-style", other.as_str().into())),
        }
        let degrees = match style.transform() {
            FontTransform::None => None,
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
        };
        if let Some(degrees) = degrees {
            attributes.push(("transform", format!("rotate({degrees}, {x}, {y})")));
        }
        let attributes: Vec<(&str, &str)> =
            attributes.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.open("text", &attributes);
        self.out.push_str(">\n");
        escape_into(self.out, text);
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::style::IntoFont;

    /// `decimal` as it was, through core's integer formatter.
    fn decimal_through_format(value: f64, places: u32) -> String {
        let scale = 10_i64.pow(places);
        let scaled = (value * scale as f64).round() as i64;
        let (whole, fraction) = (scaled.abs() / scale, scaled.abs() % scale);
        let mut out = String::new();
        if scaled < 0 {
            out.push('-');
        }
        let _ = write!(out, "{whole}");
        if fraction > 0 {
            let digits = format!("{fraction:0width$}", width = places as usize);
            out.push('.');
            out.push_str(digits.trim_end_matches('0'));
        }
        out
    }

    #[test]
    fn digits_and_decimals_as_the_formatter_wrote_them() {
        for n in [0, 1, 9, 10, 99, 100, 4_294_967_296, u64::MAX / 3, u64::MAX] {
            let mut ours = String::new();
            push_digits(&mut ours, n);
            assert_eq!(ours, n.to_string());
        }
        let mut x = 0.000_123_f64;
        while x < 1e9 {
            for value in [x, -x, x * 1.37, -x * 2.71, x.round()] {
                for places in [0, 1, 2, 3, 4] {
                    assert_eq!(
                        decimal(value, places),
                        decimal_through_format(value, places),
                        "{value} {places}"
                    );
                }
            }
            x *= 1.9;
        }
    }

    #[test]
    fn decimals_without_the_float_formatter() {
        assert_eq!(decimal(12.0 / 1.24, 2), "9.68");
        assert_eq!(decimal(1.0, 3), "1");
        assert_eq!(decimal(0.35, 3), "0.35");
        assert_eq!(decimal(0.05, 2), "0.05");
        assert_eq!(decimal(-2.5, 1), "-2.5");
        assert_eq!(decimal(29.999, 2), "30");
    }

    #[test]
    fn text_is_escaped_and_the_document_closed() {
        let mut out = String::new();
        {
            let mut svg = SvgBackend::new(&mut out, (10, 20));
            let style = plotters::style::TextStyle::from(("sans-serif", 12.0).into_font());
            svg.draw_text("<a&'b\">", &style, (1, 2)).unwrap();
        }
        assert!(out.starts_with("<svg width=\"10\" height=\"20\" viewBox=\"0 0 10 20\""));
        assert!(
            out.contains(">\n&lt;a&amp;&apos;b&quot;&gt;\n</text>"),
            "{out}"
        );
        assert!(out.contains("font-size=\"12\""), "{out}");
        assert!(out.ends_with("</svg>\n"));
    }
}
