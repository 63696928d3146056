//! A page's text in reading order, for the narrative (情况说明 / 编制说明): lines top to bottom, words
//! left to right; a space where the print leaves a gap between Latin letters or digits, none next to
//! CJK (Chinese is written without spaces; a gap there is layout, e.g. `截至 2023年 12 月`).

use super::words::{is_wide, page_words, Word};
use crate::runs::PageRuns;

pub fn page_text(page: &PageRuns) -> String {
    let mut words = page_words(page);
    words.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut lines: Vec<Vec<Word>> = Vec::new();
    for word in words {
        match lines.last_mut() {
            Some(line) if word.y - line[0].y <= 0.25 * word.h.max(1.0) => line.push(word),
            _ => lines.push(vec![word]),
        }
    }
    let mut out = String::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut previous: Option<&Word> = None;
        for word in &line {
            let latin_gap = previous.is_some_and(|p| {
                word.x - p.right() > 0.15 * word.h
                    && !p.text.chars().last().is_some_and(is_wide)
                    && !word.text.chars().next().is_some_and(is_wide)
            });
            if latin_gap {
                out.push(' ');
            }
            out.push_str(&word.text);
            previous = Some(word);
        }
        out.push('\n');
    }
    out
}
