//! Colours of the chart. Slice colours are distinct in hue and lightness so that neighbours stay
//! apart; the marks of findings use their own colours (and shapes).

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for CSS.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// This colour mixed with white: `amount` 0 keeps it, 1 gives white.
    pub fn lighten(self, amount: f64) -> Rgb {
        let mix = |c: u8| (c as f64 + (255.0 - c as f64) * amount.clamp(0.0, 1.0)).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }
}

/// The colours of one look of the chart. Light is the default; dark and high-contrast themes are
/// further constants of this type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    pub muted_text: Rgb,
    pub leader: Rgb,
    pub focus: Rgb,
    pub hover_band: Rgb,
    pub hidden: Rgb,
    pub error: Rgb,
    pub warning: Rgb,
    /// Slice and bar colours, in order; neighbours differ in hue and lightness.
    pub series: [Rgb; 10],
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: Rgb(0xff, 0xff, 0xff),
        text: Rgb(0x1a, 0x1a, 0x1a),
        muted_text: Rgb(0x55, 0x55, 0x55),
        leader: Rgb(0x80, 0x80, 0x80),
        focus: Rgb(0x00, 0x00, 0x00),
        hover_band: Rgb(0xee, 0xf3, 0xfa),
        hidden: Rgb(0xc8, 0xc8, 0xc8),
        error: Rgb(0xc6, 0x28, 0x28),
        warning: Rgb(0xb2, 0x6a, 0x00),
        series: [
            Rgb(0x1f, 0x5f, 0xa8), // blue
            Rgb(0xe0, 0x8a, 0x1e), // orange
            Rgb(0x2e, 0x8b, 0x57), // green
            Rgb(0xc2, 0x3b, 0x5a), // crimson
            Rgb(0x6a, 0x4c, 0x9c), // violet
            Rgb(0x1b, 0x9a, 0xaa), // teal
            Rgb(0x9c, 0x6b, 0x30), // brown
            Rgb(0xd1, 0x5f, 0xa8), // pink
            Rgb(0x55, 0x6b, 0x2f), // olive
            Rgb(0x70, 0x70, 0x70), // grey
        ],
    };

    /// The colour of the `index`-th item of a level.
    pub fn series(&self, index: usize) -> Rgb {
        self.series[index % self.series.len()]
    }

    /// The lighter colour of the prior-year bar of an item.
    pub fn prior_year(&self, index: usize) -> Rgb {
        self.series(index).lighten(0.55)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_differ_and_hex_is_css() {
        let theme = Theme::LIGHT;
        for i in 0..theme.series.len() {
            assert_ne!(theme.series(i), theme.series(i + 1));
        }
        assert_eq!(Rgb(0x1f, 0x5f, 0xa8).hex(), "#1f5fa8");
        assert_eq!(Rgb(0, 0, 0).lighten(1.0), theme.background);
        assert_ne!(theme.prior_year(0), theme.series(0));
    }
}
