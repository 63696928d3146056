//! Lists the text introduces as a selection are never taken as complete.
//!
//! `其中` says "of which", not "made up of": whether a list is the whole breakdown the text shows by its words.
//! Three phrasings say it may be a selection, and make the list `partial` (only Σitems ≤ total is checked) unless
//! its items add up to the total all the same (`主要是…各项支出，其中：…` before a complete list; `等` closing a
//! complete enumeration) — [`super::tree`] decides at the end:
//! - a selecting word before the opener, in its sentence: `各项重点支出得到保障，其中：…`, `主要项目中，其中…`;
//! - a heading of selected items ending in `:` right before a list: `主要支出科目情况:` / `(二)重点支出:` and the
//!   numbered items after it;
//! - `等` right after an item's figure: `…A 3万元、B 2万元等`, the list may go on beyond what is printed.

use super::*;

/// Words that say a list holds some of the parts only (the main ones, the key ones, the ones that grew
/// faster or most: `增长较快的…项目包括:`, `增幅最大的是…`).
const SELECTING: &[&str] = &[
    "重点", "主要", "较快", "较大", "较多", "最快", "最大", "最多",
];

/// Words that open a list of the figure stated last (as the grammar's openers).
const OPENER_WORDS: &[&str] = &["其中", "包括", "如下", "分别", "分项情况", "主要有"];

/// Longest stretch of text looked at before an opener or in a heading (characters): a selecting word further
/// away is about something else.
const LOOK_BACK: usize = 40;

/// A heading of selected items seen: the list after it is partial until it ends.
#[derive(Default, Clone, Copy)]
pub(super) struct SelectedList {
    /// The marker level of its items, once the first is seen.
    level: Option<u8>,
    /// It took an item.
    took_item: bool,
    /// A sentence after the heading began.
    begun: bool,
    /// The node the heading names (`主要税收收入项目情况:` after 税收收入 was read): the numbered items are its.
    total: Option<usize>,
}

/// Words closing a heading after the name of what its items break down (`主要税收收入项目情况:`).
const HEADING_TAILS: &[&str] = &["项目情况", "科目情况", "情况", "项目"];

impl Assembler<'_> {
    /// `其中:` read: whether the words before it in its sentence, after the last figure, name a selection.
    pub(super) fn opener_selects(&self, state: &SentenceState) -> bool {
        self.words_before_opener(state)
            .is_some_and(|words| SELECTING.iter().any(|w| words.contains(w)))
    }

    /// The words before the opener just read, in its sentence after the last figure (at most [`LOOK_BACK`]
    /// characters are looked at): `各项重点支出得到保障，` before `其中:`, `收入具体情况` before `如下`.
    pub(super) fn words_before_opener(&self, state: &SentenceState) -> Option<String> {
        let after_figure = state.figures.last().and_then(|&f| self.figures.get(f));
        let start = after_figure.map_or(state.start, |f| f.end.max(state.start));
        let end = state.end.min(start + LOOK_BACK).min(self.text.chars.len());
        let window: String = self.text.chars.get(start..end)?.iter().collect();
        let opener = OPENER_WORDS.iter().filter_map(|w| window.find(w)).min()?;
        Some(window[..opener].to_string())
    }

    /// `…A 3万元、B 2万元等`: `等` after an item's figure (and its unit) says its list may go on unprinted.
    pub(super) fn ends_with_etc(&mut self, figure: usize, node: usize) {
        let Some(f) = self.figures.get(figure) else {
            return;
        };
        let after = self.text.chars.get(f.end..).unwrap_or_default();
        let next = after
            .iter()
            .find(|c| !"万亿元%".contains(**c) && !c.is_whitespace());
        if next == Some(&'等') {
            if let Some(parent) = self.nodes[node].parent {
                self.nodes[parent].open_ended = true;
            }
        }
    }

    /// `主要用于11个方面：A…，B…，C…` (`分为五类:`, `涉及8个领域:`): the words right before an item (after the
    /// figure before it in its sentence) count the parts of the whole; the excerpt may print some of them only,
    /// so the item's list may not be whole (partial unless its items add up).
    pub(super) fn counted_list(&mut self, figure: usize, node: usize, state: &SentenceState) {
        let Some(parent) = self.nodes[node].parent else {
            return;
        };
        let Some(end) = self.figures.get(figure).map(|f| f.start) else {
            return;
        };
        let before = state.figures.iter().rev().find(|&&f| f < figure);
        let start = before
            .and_then(|&f| self.figures.get(f))
            .map_or(state.start, |f| f.end)
            .max(end.saturating_sub(LOOK_BACK));
        let words: String = self
            .text
            .chars
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .collect();
        if counts_parts(&words) {
            self.nodes[parent].open_ended = true;
        }
    }

    /// The words between two sentences that the grammar read nothing from, or a sentence without figures:
    /// a heading ending in `:` that names a selection opens a selected list (`主要支出科目情况:`).
    pub(super) fn note_heading(&mut self, start: usize, end: usize) {
        let end = end.min(self.text.chars.len());
        let start = start.max(end.saturating_sub(LOOK_BACK)).min(end);
        let words: String = self.text.chars[start..end].iter().collect();
        let words = words.trim_end();
        let selects = SELECTING.iter().any(|w| words.contains(w));
        if selects && words.ends_with([':', '：']) {
            let total = self.named_by_heading(words);
            self.selected = Some(SelectedList {
                total,
                ..SelectedList::default()
            });
        }
    }

    /// The item a heading of selected items names, read already: `主要税收收入项目情况:` → 税收收入. Only an item
    /// with no open list of its own: a total's heading (`主要支出科目情况:`) leaves its lists as they are (see
    /// [`super::second_list`]).
    fn named_by_heading(&self, words: &str) -> Option<usize> {
        let heading = words.trim_end_matches([':', '：']);
        let heading = heading.rsplit(['。', '；', ';', '，', ',', '\n']).next()?;
        let name = SELECTING.iter().find_map(|w| heading.strip_prefix(w))?;
        let name = HEADING_TAILS.iter().find_map(|t| name.strip_suffix(t))?;
        let item = self
            .resolve_named(name)
            .filter(|_| name.chars().count() >= 2)?;
        let listed = self.stack.iter().any(|o| o.node == item);
        (self.nodes[item].parent.is_some() && !listed).then_some(item)
    }

    /// The first numbered item under a heading that names a node (see [`SelectedList::total`]): that node's list
    /// opens one level above the items, so their marker does not close it.
    fn open_named_by_heading(&mut self, total: usize, items_level: u8) {
        if items_level == 0 || self.stack.len() >= MAX_DEPTH {
            return;
        }
        self.last_node = Some(total);
        self.open(false);
        if let Some(top) = self.stack.last_mut().filter(|o| o.node == total) {
            top.level = items_level - 1;
        }
    }

    /// At a sentence's start: a selected list is the next sentence's or the numbered items' right after the
    /// heading; it ends at a later sentence without a marker, or at a marker of a higher level than its items'.
    pub(super) fn selected_list_goes_on(&mut self, marker: Option<u8>) {
        let Some(list) = self.selected.as_mut() else {
            return;
        };
        let begun = std::mem::replace(&mut list.begun, true);
        let ends = match (marker, list.level) {
            (None, _) => list.took_item || begun,
            (Some(m), Some(level)) => m < level,
            (Some(m), None) => {
                list.level = Some(m);
                if let Some(total) = list.total {
                    self.open_named_by_heading(total, m);
                }
                false
            }
        };
        if ends {
            self.selected = None;
        }
    }

    /// A new item of `parent`: under a heading of selected items, `parent`'s list may not be whole.
    pub(super) fn item_of_selected_list(&mut self, parent: usize) {
        if let Some(list) = self.selected.as_mut() {
            list.took_item = true;
            self.nodes[parent].open_ended = true;
        }
    }
}

/// Words that count the parts of a whole after a number (`11个方面`, `五类`, `8个领域`, `三大类`).
const COUNTED_PARTS: &[&str] = &[
    "个方面",
    "方面",
    "大类",
    "类",
    "个领域",
    "领域",
    "个部分",
    "项",
];

/// Whether some words count the parts of a whole: a number (digits or Chinese numerals, more than one) right
/// before one of [`COUNTED_PARTS`].
fn counts_parts(words: &str) -> bool {
    let chars: Vec<char> = words.chars().collect();
    let numeral = |c: char| c.is_ascii_digit() || "两三四五六七八九十".contains(c);
    (1..chars.len()).any(|i| {
        numeral(chars[i - 1]) && {
            let rest: String = chars[i..].iter().take(3).collect();
            COUNTED_PARTS.iter().any(|w| rest.starts_with(w))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_parts() {
        assert!(counts_parts("，主要用于11个方面："));
        assert!(counts_parts("分为五类:"));
        assert!(!counts_parts("，其中："));
        assert!(!counts_parts("全县11个乡镇"));
    }
}
