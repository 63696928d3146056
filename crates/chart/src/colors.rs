//! The host page's colours on the canvas: the widget's `--bl-*` custom properties (background, text, accent,
//! marks, series) laid over a base [`Theme`], each mended until it keeps its contrast (text 4.5:1, graphics
//! 3:1 against the ground), so that a webmaster's palette can restyle the chart but never make it unreadable.

use super::palette::{Rgb, Theme};

/// Text against its ground (WCAG 2 1.4.3) and graphics against theirs (1.4.11).
pub const TEXT_CONTRAST: f64 = 4.5;
pub const GRAPHICS_CONTRAST: f64 = 3.0;

/// The page's colours as `#rrggbb` (what the element reads from its custom properties); each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageColors {
    pub background: Option<String>,
    pub text: Option<String>,
    pub muted_text: Option<String>,
    pub focus: Option<String>,
    pub error: Option<String>,
    pub warning: Option<String>,
    pub series: Vec<String>,
}

impl PageColors {
    /// Reads `name:#rrggbb` pairs separated by spaces (`series` takes a comma-separated list), as the
    /// element writes them: `background:#ffffff text:#1a1a1a series:#18367c,#db710e`. Unknown names and
    /// malformed pairs are skipped (a hand-written reader: the widget's wasm carries no JSON deserializer).
    pub fn parse(text: &str) -> PageColors {
        let mut colors = PageColors::default();
        for pair in text.split_whitespace() {
            let Some((name, value)) = pair.split_once(':') else {
                continue;
            };
            let one = Some(value.to_string());
            match name {
                "background" => colors.background = one,
                "text" => colors.text = one,
                "muted_text" => colors.muted_text = one,
                "focus" => colors.focus = one,
                "error" => colors.error = one,
                "warning" => colors.warning = one,
                "series" => colors.series = value.split(',').map(str::to_string).collect(),
                _ => {}
            }
        }
        colors
    }
}

impl Rgb {
    /// `#rrggbb` or `#rgb` (case-insensitive); `None` for anything else.
    pub fn from_hex(text: &str) -> Option<Rgb> {
        let digits = text.trim().strip_prefix('#')?;
        let byte = |s: &str| u8::from_str_radix(s, 16).ok();
        match digits.len() {
            6 if digits.is_ascii() => Some(Rgb(
                byte(digits.get(0..2)?)?,
                byte(digits.get(2..4)?)?,
                byte(digits.get(4..6)?)?,
            )),
            3 if digits.is_ascii() => {
                let twice = |i: usize| byte(digits.get(i..=i)?).map(|v| v * 17);
                Some(Rgb(twice(0)?, twice(1)?, twice(2)?))
            }
            _ => None,
        }
    }

    /// This colour mixed with black: `amount` 0 keeps it, 1 gives black.
    pub fn darken(self, amount: f64) -> Rgb {
        let mix = |c: u8| (c as f64 * (1.0 - amount.clamp(0.0, 1.0))).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }

    /// This colour mixed with `other`: `amount` 0 keeps it, 1 gives `other`.
    pub fn mix(self, other: Rgb, amount: f64) -> Rgb {
        let t = amount.clamp(0.0, 1.0);
        let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
        Rgb(
            mix(self.0, other.0),
            mix(self.1, other.1),
            mix(self.2, other.2),
        )
    }

    /// Black or white, whichever stands out more against this colour (the "!" inside a mark).
    pub fn ink(self) -> Rgb {
        let (black, white) = (Rgb(0, 0, 0), Rgb(255, 255, 255));
        if self.contrast(black) >= self.contrast(white) {
            black
        } else {
            white
        }
    }
}

/// `colour` moved towards black or white (away from `ground`) in small steps until it keeps `ratio`
/// against `ground`; unchanged when it already does.
pub fn mend(colour: Rgb, ground: Rgb, ratio: f64) -> Rgb {
    if colour.contrast(ground) >= ratio {
        return colour;
    }
    let towards_white = ground.luminance() < 0.18;
    (1..=20)
        .map(|step| {
            let t = step as f64 / 20.0;
            if towards_white {
                colour.lighten(t)
            } else {
                colour.darken(t)
            }
        })
        .find(|c| c.contrast(ground) >= ratio)
        .unwrap_or_else(|| ground.ink())
}

impl Theme {
    /// This theme with the page's colours laid over it, every one mended to keep its contrast.
    pub fn with_page_colors(&self, page: &PageColors) -> Theme {
        let pick = |given: &Option<String>, base: Rgb| {
            given.as_deref().and_then(Rgb::from_hex).unwrap_or(base)
        };
        let background = pick(&page.background, self.background);
        let hover_band = if background == self.background {
            self.hover_band
        } else {
            background.mix(pick(&page.focus, self.focus), 0.1)
        };
        let text = mend(pick(&page.text, self.text), background, TEXT_CONTRAST);
        let text = mend(text, hover_band, TEXT_CONTRAST);
        let muted_text = mend(
            pick(&page.muted_text, self.muted_text),
            background,
            TEXT_CONTRAST,
        );
        let muted_text = mend(muted_text, hover_band, TEXT_CONTRAST);
        let given: Vec<Rgb> = page
            .series
            .iter()
            .filter_map(|s| Rgb::from_hex(s))
            .collect();
        let mut series = self.series;
        if !given.is_empty() {
            for (i, slot) in series.iter_mut().enumerate() {
                *slot = given[i % given.len()];
            }
        }
        for slot in series.iter_mut() {
            *slot = mend(*slot, background, GRAPHICS_CONTRAST);
        }
        Theme {
            background,
            text,
            muted_text,
            leader: mend(self.leader, background, GRAPHICS_CONTRAST),
            focus: mend(pick(&page.focus, self.focus), background, GRAPHICS_CONTRAST),
            hover_band,
            hidden: mend(self.hidden, background, 1.5),
            error: mend(pick(&page.error, self.error), background, GRAPHICS_CONTRAST),
            warning: mend(
                pick(&page.warning, self.warning),
                background,
                GRAPHICS_CONTRAST,
            ),
            // Hatching is drawn in the ground's colour, so it keeps the slices' 3:1 against it.
            hatch: background,
            series,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colors(text: &str) -> PageColors {
        PageColors::parse(text)
    }

    #[test]
    fn reads_hex_colours() {
        assert_eq!(Rgb::from_hex("#1f5fa8"), Some(Rgb(0x1f, 0x5f, 0xa8)));
        assert_eq!(Rgb::from_hex("#FFF"), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::from_hex("red"), None);
        assert_eq!(Rgb::from_hex("#12345"), None);
        assert_eq!(Rgb::from_hex("#ééé"), None);
    }

    #[test]
    fn the_page_colours_reach_the_theme() {
        let page = colors(
            "background:#fdf6e3 text:#073642 error:#dc322f series:#268bd2,#859900 nonsense x:",
        );
        assert_eq!(page.series, ["#268bd2", "#859900"]);
        let theme = Theme::DARK.with_page_colors(&page);
        assert_eq!(theme.background, Rgb(0xfd, 0xf6, 0xe3));
        assert_eq!(theme.text, Rgb(0x07, 0x36, 0x42));
        assert_eq!(theme.hatch, theme.background);
        assert_eq!(
            theme.series(2),
            theme.series(0),
            "the page's two colours repeat"
        );
        assert_ne!(theme.series(0), Theme::DARK.series(0));
    }

    #[test]
    fn colours_too_faint_for_their_ground_are_mended() {
        // Light grey text and a pale yellow series on white: both fail and are darkened until they pass.
        let page = colors("background:#ffffff text:#cccccc warning:#ffee88 series:#ffee88,#eeeeee");
        let theme = Theme::LIGHT.with_page_colors(&page);
        assert!(theme.text.contrast(theme.background) >= TEXT_CONTRAST);
        assert!(theme.text.contrast(theme.hover_band) >= TEXT_CONTRAST);
        assert!(theme.warning.contrast(theme.background) >= GRAPHICS_CONTRAST);
        for colour in theme.series {
            assert!(
                colour.contrast(theme.background) >= GRAPHICS_CONTRAST,
                "{}",
                colour.hex()
            );
            assert!(colour.contrast(theme.hatch) >= GRAPHICS_CONTRAST);
        }
        // A dark ground mends upwards.
        let dark = Theme::DARK.with_page_colors(&colors("background:#000000 text:#222222"));
        assert!(dark.text.contrast(dark.background) >= TEXT_CONTRAST);
        assert!(dark.text.luminance() > 0.18);
    }

    #[test]
    fn no_page_colours_keep_the_theme() {
        let theme = Theme::LIGHT.with_page_colors(&PageColors::default());
        assert_eq!(theme, Theme::LIGHT);
    }
}
