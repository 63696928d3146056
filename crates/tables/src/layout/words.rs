//! Runs → words: the same words whichever reader produced the runs. pdf.js may put several words in
//! one item (with spaces) or one glyph per item; lopdf gives one run per gap-free stretch of an operator.
//! So runs are split at whitespace (positions shared out by character width) and neighbours on one
//! baseline with a gap under a third of an em are joined again.

use crate::runs::{PageRuns, TextRun};

/// A word: text without whitespace, its left edge, baseline, width and font size (PDF points,
/// top-left origin). `order` is the position of its first run in the content stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub text: String,
    pub order: usize,
    /// Whitespace was printed just before this word (in its run or ending the previous one).
    pub after_space: bool,
    /// The gap between its glyphs when it was put together from letter-spaced single glyphs.
    pub spacing: Option<f32>,
}

impl Word {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn top(&self) -> f32 {
        self.y - 0.88 * self.h
    }
    pub fn bottom(&self) -> f32 {
        self.y + 0.12 * self.h
    }
}

/// Glyphs wider than a Latin letter: CJK ideographs, kana, hangul, full-width forms and punctuation.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

fn char_weight(c: char) -> f32 {
    if is_wide(c) {
        1.0
    } else {
        0.5
    }
}

/// Splits a run at whitespace; each piece gets the share of the run's width its characters weigh.
/// `space` carries "whitespace seen since the last word" across runs.
fn split_run(run: &TextRun, order: usize, space: &mut bool, out: &mut Vec<Word>) {
    let weights: Vec<f32> = run
        .text
        .chars()
        .map(|c| {
            if c.is_whitespace() {
                0.5
            } else {
                char_weight(c)
            }
        })
        .collect();
    let total: f32 = weights.iter().sum();
    if total <= 0.0 || !run.x.is_finite() || !run.y.is_finite() || !run.h.is_finite() {
        return;
    }
    let unit = if run.w.is_finite() && run.w > 0.0 {
        run.w / total
    } else {
        run.h.abs()
    };
    let mut offset = 0.0;
    let mut piece = String::new();
    let mut start = 0.0;
    let mut emit = |piece: &mut String, start: f32, end: f32, space: &mut bool| {
        if !piece.is_empty() {
            let after_space = std::mem::take(space);
            out.push(Word {
                x: run.x + start * unit,
                y: run.y,
                w: (end - start) * unit,
                h: run.h.abs(),
                text: std::mem::take(piece),
                order,
                after_space,
                spacing: None,
            });
        }
    };
    for (c, weight) in run.text.chars().zip(&weights) {
        if c.is_whitespace() || c.is_control() {
            emit(&mut piece, start, offset, space);
            *space = true;
        } else {
            if piece.is_empty() {
                start = offset;
            }
            piece.push(c);
        }
        offset += weight;
    }
    emit(&mut piece, start, offset, space);
}

/// `1.`, `2、`, `(3)`, `（四）`: an item's number, kept with the item that follows it.
fn is_list_marker(text: &str) -> bool {
    let inner = text
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）', '.', '．', '、']);
    inner.chars().count() <= 3
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        && inner.len() < text.len()
        && !inner.is_empty()
}

/// Words of one page, in content-stream order. Text drawn outside the page (above, below or beside
/// it: never seen in print, and not reported by pdf.js) is left out.
pub fn page_words(page: &PageRuns) -> Vec<Word> {
    // A baseline off the page counts as off the page (as in pdf.js), even if the glyphs' tops show.
    let visible = |r: &&TextRun| {
        r.y > 0.0 && r.y <= page.height && r.x < page.width && r.x + r.w.max(0.0) > 0.0
    };
    words(page.runs.iter().filter(visible))
}

fn words<'a>(runs: impl Iterator<Item = &'a TextRun>) -> Vec<Word> {
    let mut split = Vec::new();
    let mut space = false;
    for (order, run) in runs.enumerate() {
        split_run(run, order, &mut space, &mut split);
    }
    let mut out: Vec<Word> = Vec::with_capacity(split.len());
    for word in split {
        if let Some(last) = out.last_mut() {
            let em = last.h.max(word.h).max(1.0);
            let same_line =
                (last.y - word.y).abs() < 0.1 * em && (last.h - word.h).abs() < 0.2 * em;
            let gap = word.x - last.right();
            // Letter-spaced CJK (分散对齐: 因 公 出 国 费) keeps up to an em between single glyphs, evenly.
            let single = |w: &Word| w.text.chars().count() == 1;
            let even = |w: &Word| w.spacing.is_some_and(|s| (gap - s).abs() < 0.15 * em);
            let spaced_glyph = single(&word)
                && (single(last) || even(last))
                && last.text.chars().last().is_some_and(is_wide)
                && word.text.chars().next().is_some_and(is_wide);
            let marker = is_list_marker(&last.text);
            // A figure next to CJK text is another cell unless the two touch (2023年 drawn in two pieces).
            let figure_meets_text = last.text.chars().last().is_some_and(|c| c.is_ascii_digit())
                && word.text.chars().next().is_some_and(is_wide);
            let limit = if spaced_glyph || marker {
                1.0
            } else if figure_meets_text {
                0.1
            } else {
                0.3
            };
            if same_line && gap > -0.2 * em && gap < limit * em {
                let latin = !last.text.chars().last().is_some_and(is_wide)
                    && !word.text.chars().next().is_some_and(is_wide);
                if gap > 0.15 * em && (latin || marker) {
                    last.text.push(' ');
                }
                if spaced_glyph && gap >= 0.3 * em {
                    last.spacing = Some(gap);
                }
                last.w = word.right() - last.x;
                last.text.push_str(&word.text);
                continue;
            }
        }
        out.push(word);
    }
    out
}
