//! Colours of the chart: one [`Theme`] per look (light, dark, high contrast). Slice colours alternate
//! dark and light so that neighbours keep 3:1 contrast, and every slice keeps 3:1 against the
//! background; text keeps 4.5:1. The native tests compute these ratios (WCAG 2 relative luminance).

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// `#` and the colour's three bytes as two digits each of `digits` (lower- or upper-case hexadecimal).
pub(crate) fn hex_of(Rgb(r, g, b): Rgb, digits: &[u8; 16]) -> String {
    let mut out = String::with_capacity(7);
    out.push('#');
    for byte in [r, g, b] {
        out.push(char::from(digits[usize::from(byte >> 4)]));
        out.push(char::from(digits[usize::from(byte & 15)]));
    }
    out
}

impl Rgb {
    /// `#rrggbb`, for CSS (`{:02x}` of each byte, without core's hexadecimal formatters).
    pub fn hex(self) -> String {
        hex_of(self, b"0123456789abcdef")
    }

    /// This colour mixed with white: `amount` 0 keeps it, 1 gives white.
    pub fn lighten(self, amount: f64) -> Rgb {
        let mix = |c: u8| (c as f64 + (255.0 - c as f64) * amount.clamp(0.0, 1.0)).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }

    /// WCAG 2 relative luminance in [0, 1].
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// WCAG 2 contrast ratio with `other`, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// `x`^2.4 for `x` in (0, 1], without `powf`: libm's `pow` is 2 KB of the widget's wasm for this one
/// exponent. The fifth root of `x`^12 by Newton's method, started from `x`² (above the root, since
/// `x` ≤ 1), from where each step falls towards the root until it stops falling.
fn pow_2_4(x: f64) -> f64 {
    let x4 = x * x * x * x;
    let x12 = x4 * x4 * x4;
    let mut root = x * x;
    for _ in 0..64 {
        let next = (4.0 * root + x12 / (root * root * root * root)) / 5.0;
        if next >= root {
            break;
        }
        root = next;
    }
    root
}

/// Which look: the light default, dark (`prefers-color-scheme: dark`) or high contrast
/// (`forced-colors: active`) on a dark or a light ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
    HighContrast,
    HighContrastLight,
}

impl ThemeName {
    /// `dark`, `contrast` (or `high-contrast`, `forced`), `contrast-light`; anything else is light.
    pub fn from_name(name: &str) -> ThemeName {
        match name.trim().to_ascii_lowercase().as_str() {
            "dark" => ThemeName::Dark,
            "contrast" | "high-contrast" | "forced" => ThemeName::HighContrast,
            "contrast-light" | "high-contrast-light" => ThemeName::HighContrastLight,
            _ => ThemeName::Light,
        }
    }

    pub fn theme(self) -> &'static Theme {
        match self {
            ThemeName::Light => &Theme::LIGHT,
            ThemeName::Dark => &Theme::DARK,
            ThemeName::HighContrast => &Theme::HIGH_CONTRAST,
            ThemeName::HighContrastLight => &Theme::HIGH_CONTRAST_LIGHT,
        }
    }
}

/// The colours of one look of the chart.
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
    /// The hatching drawn over slices, bars and swatches (see `chart::pattern`).
    pub hatch: Rgb,
    /// Slice and bar colours, in order; even entries dark and odd ones light (or the reverse), so
    /// that neighbours keep 3:1 contrast.
    pub series: [Rgb; 10],
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: Rgb(0xff, 0xff, 0xff),
        text: Rgb(0x1a, 0x1a, 0x1a),
        muted_text: Rgb(0x55, 0x55, 0x55),
        leader: Rgb(0x76, 0x76, 0x76),
        focus: Rgb(0x00, 0x00, 0x00),
        hover_band: Rgb(0xee, 0xf3, 0xfa),
        hidden: Rgb(0xc8, 0xc8, 0xc8),
        error: Rgb(0xc6, 0x28, 0x28),
        warning: Rgb(0x8a, 0x53, 0x00),
        hatch: Rgb(0xff, 0xff, 0xff),
        series: [
            Rgb(0x18, 0x36, 0x7c), // navy
            Rgb(0xdb, 0x71, 0x0e), // orange
            Rgb(0x0f, 0x43, 0x15), // dark green
            Rgb(0x40, 0x95, 0xd1), // sky blue
            Rgb(0x6c, 0x1a, 0x36), // wine
            Rgb(0xae, 0x8a, 0x11), // ochre
            Rgb(0x45, 0x27, 0x7c), // violet
            Rgb(0x39, 0x9e, 0x84), // teal
            Rgb(0x52, 0x33, 0x0f), // brown
            Rgb(0xd1, 0x6d, 0x9d), // pink
        ],
    };

    pub const DARK: Theme = Theme {
        background: Rgb(0x1b, 0x1b, 0x1b),
        text: Rgb(0xf0, 0xf0, 0xf0),
        muted_text: Rgb(0xb8, 0xb8, 0xb8),
        leader: Rgb(0x9a, 0x9a, 0x9a),
        focus: Rgb(0xff, 0xff, 0xff),
        hover_band: Rgb(0x2e, 0x35, 0x40),
        hidden: Rgb(0x55, 0x55, 0x55),
        error: Rgb(0xff, 0x8a, 0x80),
        warning: Rgb(0xff, 0xc1, 0x4d),
        hatch: Rgb(0x1b, 0x1b, 0x1b),
        series: [
            Rgb(0x41, 0x71, 0xbb), // blue
            Rgb(0xf3, 0xcc, 0x84), // sand
            Rgb(0xb2, 0x56, 0x37), // rust
            Rgb(0xac, 0xde, 0xaf), // mint
            Rgb(0x91, 0x59, 0xb4), // violet
            Rgb(0xf5, 0xc5, 0xd8), // rose
            Rgb(0x29, 0x7e, 0x6c), // teal
            Rgb(0xf7, 0xcc, 0x7b), // amber
            Rgb(0xbc, 0x4e, 0x3e), // brick
            Rgb(0xab, 0xd7, 0xf6), // ice
        ],
    };

    /// For forced colours (Windows high contrast): black ground, white text, bright fills that
    /// alternate with white; the hatching carries the distinction.
    pub const HIGH_CONTRAST: Theme = Theme {
        background: Rgb(0x00, 0x00, 0x00),
        text: Rgb(0xff, 0xff, 0xff),
        muted_text: Rgb(0xff, 0xff, 0xff),
        leader: Rgb(0xff, 0xff, 0xff),
        focus: Rgb(0xff, 0xff, 0x00),
        hover_band: Rgb(0x00, 0x33, 0x66),
        hidden: Rgb(0x60, 0x60, 0x60),
        error: Rgb(0xff, 0x66, 0x66),
        warning: Rgb(0xff, 0xff, 0x00),
        hatch: Rgb(0x00, 0x00, 0x00),
        series: [
            Rgb(0x3f, 0xa9, 0xff), // blue
            Rgb(0xff, 0xff, 0x00), // yellow
            Rgb(0x00, 0xc8, 0x64), // green
            Rgb(0xff, 0xff, 0xff), // white
            Rgb(0xff, 0x66, 0xcc), // magenta
            Rgb(0x00, 0xff, 0xff), // cyan
            Rgb(0xff, 0x99, 0x33), // orange
            Rgb(0xff, 0xff, 0xff), // white
            Rgb(0xb3, 0x8c, 0xff), // lilac
            Rgb(0xcc, 0xff, 0x66), // lime
        ],
    };

    /// Forced colours with a light scheme: white ground, black text, deep fills with white hatching.
    pub const HIGH_CONTRAST_LIGHT: Theme = Theme {
        background: Rgb(0xff, 0xff, 0xff),
        text: Rgb(0x00, 0x00, 0x00),
        muted_text: Rgb(0x00, 0x00, 0x00),
        leader: Rgb(0x00, 0x00, 0x00),
        focus: Rgb(0x00, 0x00, 0x00),
        hover_band: Rgb(0xdd, 0xee, 0xff),
        hidden: Rgb(0x90, 0x90, 0x90),
        error: Rgb(0xa0, 0x00, 0x00),
        warning: Rgb(0x5c, 0x3c, 0x00),
        hatch: Rgb(0xff, 0xff, 0xff),
        series: [
            Rgb(0x00, 0x00, 0xa0), // blue
            Rgb(0x00, 0x00, 0x00), // black
            Rgb(0x8b, 0x00, 0x00), // red
            Rgb(0x00, 0x50, 0x00), // green
            Rgb(0x5a, 0x00, 0x78), // purple
            Rgb(0x00, 0x00, 0x00), // black
            Rgb(0x00, 0x44, 0x66), // petrol
            Rgb(0x66, 0x33, 0x00), // brown
            Rgb(0x33, 0x33, 0x33), // charcoal
            Rgb(0x80, 0x00, 0x50), // plum
        ],
    };

    /// The colour of the `index`-th item of a level.
    pub fn series(&self, index: usize) -> Rgb {
        self.series[index % self.series.len()]
    }

    /// The colour of the prior-year bar beside an item's bar of colour `series(index)`: the next
    /// series colour, which keeps 3:1 against it.
    pub fn prior_year(&self, index: usize) -> Rgb {
        self.series(index + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_the_formatters_hex() {
        for v in 0..=255u8 {
            let c = Rgb(v, 255 - v, v / 3);
            assert_eq!(c.hex(), format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2));
            let upper = hex_of(c, b"0123456789ABCDEF");
            assert_eq!(upper, format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2));
        }
    }

    #[test]
    fn the_power_without_powf_agrees_with_it_on_every_channel_value() {
        for v in 11..=255u8 {
            let x = (f64::from(v) / 255.0 + 0.055) / 1.055;
            let (ours, libm) = (pow_2_4(x), x.powf(2.4));
            assert!(
                (ours - libm).abs() <= 1e-15 * libm.max(1e-3),
                "{v}: {ours} {libm}"
            );
        }
        assert_eq!(pow_2_4(1.0), 1.0);
    }

    const TEXT: f64 = 4.5;
    const GRAPHICS: f64 = 3.0;

    fn assert_contrast(a: Rgb, b: Rgb, at_least: f64, what: &str) {
        let ratio = a.contrast(b);
        assert!(
            ratio >= at_least,
            "{what}: {} on {} is {ratio:.2}:1, below {at_least}:1",
            a.hex(),
            b.hex()
        );
    }

    #[test]
    fn luminance_and_contrast_match_wcag() {
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((Rgb(0x76, 0x76, 0x76).contrast(Rgb(255, 255, 255)) - 4.54).abs() < 0.01);
        assert_eq!(Rgb(9, 9, 9).contrast(Rgb(9, 9, 9)), 1.0);
    }

    #[test]
    fn slices_keep_three_to_one_against_background_and_neighbours_light_and_dark() {
        for (name, theme) in [("light", &Theme::LIGHT), ("dark", &Theme::DARK)] {
            let n = theme.series.len();
            for i in 0..n {
                let colour = theme.series(i);
                assert_contrast(
                    colour,
                    theme.background,
                    GRAPHICS,
                    &format!("{name} slice {i}"),
                );
                // The next slice, wrapping round the pie (series(n) is series(0) again).
                assert_contrast(
                    colour,
                    theme.series(i + 1),
                    GRAPHICS,
                    &format!("{name} slices {i} and {}", (i + 1) % n),
                );
                assert_contrast(
                    colour,
                    theme.prior_year(i),
                    GRAPHICS,
                    &format!("{name} bar {i} and its prior year"),
                );
                assert_contrast(colour, theme.hatch, GRAPHICS, &format!("{name} hatch {i}"));
            }
        }
    }

    #[test]
    fn text_and_marks_keep_their_contrast_in_every_theme() {
        for (name, theme) in [
            ("light", &Theme::LIGHT),
            ("dark", &Theme::DARK),
            ("high contrast", &Theme::HIGH_CONTRAST),
            ("high contrast light", &Theme::HIGH_CONTRAST_LIGHT),
        ] {
            for ground in [theme.background, theme.hover_band] {
                assert_contrast(theme.text, ground, TEXT, &format!("{name} text"));
                assert_contrast(theme.muted_text, ground, TEXT, &format!("{name} muted"));
            }
            assert_contrast(theme.leader, theme.background, GRAPHICS, name);
            assert_contrast(theme.focus, theme.background, GRAPHICS, name);
            for mark in [theme.error, theme.warning] {
                assert_contrast(mark, theme.background, GRAPHICS, &format!("{name} mark"));
                // The "!" inside a mark is drawn in the background colour.
                assert_contrast(theme.background, mark, TEXT, &format!("{name} mark text"));
            }
        }
        for theme in [&Theme::HIGH_CONTRAST, &Theme::HIGH_CONTRAST_LIGHT] {
            for colour in theme.series {
                assert_contrast(colour, theme.background, 7.0, "high contrast slice");
                assert_contrast(colour, theme.hatch, 7.0, "high contrast hatch");
            }
        }
    }

    #[test]
    fn theme_names_and_hex() {
        assert_eq!(ThemeName::from_name("dark").theme(), &Theme::DARK);
        assert_eq!(ThemeName::from_name("contrast"), ThemeName::HighContrast);
        assert_eq!(
            ThemeName::from_name("contrast-light").theme(),
            &Theme::HIGH_CONTRAST_LIGHT
        );
        assert_eq!(ThemeName::from_name("whatever").theme(), &Theme::LIGHT);
        assert_eq!(Rgb(0x1f, 0x5f, 0xa8).hex(), "#1f5fa8");
        assert_eq!(Rgb(0, 0, 0).lighten(1.0), Theme::LIGHT.background);
    }
}
