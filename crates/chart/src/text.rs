//! Text width estimates for layout. The same estimate natively and in the browser, so layouts are
//! reproducible; it errs wide so that labels never overlap.

/// Estimated width in pixels of `text` at `font_px`.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(|c| char_em(c) * font_px).sum()
}

fn char_em(c: char) -> f64 {
    match c {
        '0'..='9' | ',' | '.' | '-' | '+' => 0.6,
        '%' => 0.9,
        ' ' => 0.3,
        'a'..='z' => 0.56,
        'A'..='Z' => 0.7,
        c if c.is_ascii() => 0.6,
        // CJK, fullwidth punctuation and the rest: a full em.
        _ => 1.0,
    }
}

/// `text` cut with an ellipsis so that it fits `max_px`; empty when not even one character and the
/// ellipsis fit.
pub fn fit_text(text: &str, font_px: f64, max_px: f64) -> String {
    if text_width(text, font_px) <= max_px {
        return text.to_string();
    }
    let ellipsis = text_width("…", font_px);
    let mut out = String::new();
    let mut width = ellipsis;
    for c in text.chars() {
        let w = char_em(c) * font_px;
        if width + w > max_px {
            break;
        }
        width += w;
        out.push(c);
    }
    if out.is_empty() {
        return String::new();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_wider_than_digits() {
        assert!(text_width("一般公共服务支出", 12.0) > text_width("12345678", 12.0));
        assert_eq!(text_width("", 12.0), 0.0);
    }

    #[test]
    fn fitting_cuts_with_an_ellipsis_and_never_exceeds() {
        let label = "城乡社区支出（含城市管理）";
        assert_eq!(fit_text(label, 12.0, 1000.0), label);
        for max in [20.0, 40.0, 61.0, 100.0] {
            let fitted = fit_text(label, 12.0, max);
            assert!(text_width(&fitted, 12.0) <= max, "{fitted} at {max}");
            if !fitted.is_empty() {
                assert!(fitted.ends_with('…'));
            }
        }
        assert_eq!(fit_text(label, 12.0, 5.0), "");
    }
}
