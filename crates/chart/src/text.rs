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

/// `text` in at most `max_lines` lines of at most `max_px` each: filled greedily (Chinese breaks anywhere,
/// English at a space where one is near), the last line cut with "…" when the text does not fit.
/// Empty when not even the first character fits.
pub fn wrap_text(text: &str, font_px: f64, max_px: f64, max_lines: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() && lines.len() + 1 < max_lines && text_width(rest, font_px) > max_px {
        let end = line_end(rest, font_px, max_px);
        if end == 0 {
            return lines;
        }
        let (line, after) = rest.split_at_checked(end).unwrap_or((rest, ""));
        lines.push(line.trim_end().to_string());
        rest = after.trim_start();
    }
    let last = fit_text(rest, font_px, max_px);
    if !last.is_empty() {
        lines.push(last);
    }
    lines
}

/// The byte index where a line of `text` no wider than `max_px` ends: after the last space that keeps at
/// least half the line, else after the last character that fits.
fn line_end(text: &str, font_px: f64, max_px: f64) -> usize {
    let mut width = 0.0;
    let mut end = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        width += char_em(c) * font_px;
        if width > max_px {
            break;
        }
        end = i + c.len_utf8();
        if c == ' ' {
            space = Some(end);
        }
    }
    match space {
        Some(at) if at * 2 >= end => at,
        _ => end,
    }
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

    #[test]
    fn wrapping_uses_a_second_line_before_cutting() {
        let label = "其他政府办公厅（室）及相关机构事务支出";
        let lines = wrap_text(label, 12.0, 120.0, 2);
        assert_eq!(lines, ["其他政府办公厅（室）", "及相关机构事务支出"]);
        let cut = wrap_text(label, 12.0, 84.0, 2);
        assert_eq!(cut, ["其他政府办公厅", "（室）及相关…"]);
        assert_eq!(wrap_text(label, 12.0, 1000.0, 2), [label]);
        let whole = wrap_text("基本支出", 12.0, 24.0, 2);
        assert_eq!(whole, ["基本", "支出"], "two lines, no cut");
        let english = wrap_text("General public services", 12.0, 100.0, 2);
        assert_eq!(english[0], "General public");
        for line in wrap_text(label, 12.0, 50.0, 2) {
            assert!(text_width(&line, 12.0) <= 50.0, "{line}");
        }
        assert!(wrap_text(label, 12.0, 5.0, 2).is_empty());
    }
}
