//! `X中Y`: a part named inside the whole it belongs to (`全省一般公共预算收入中税收收入150.6亿元`). Y is an item
//! of X, as after the heading clause `X中，` (see [`Assembler::heading`]), never a total of its own.

use super::*;
use crate::vocabulary::names_money;

/// Fewest characters of a whole's or a part's name: `中` inside a word (`集中`, `其中`) splits nothing.
const MIN_NAME: usize = 2;

impl Assembler<'_> {
    /// When the words before a `中` in the label name a node already read and the words after it name money,
    /// opens that node's list (as `X中，` does) and returns the part's label.
    pub(super) fn part_named_within(
        &mut self,
        label: &Label,
        state: &mut SentenceState,
    ) -> Option<Label> {
        let text = &label.text;
        let (whole, part) = text.match_indices('中').find_map(|(at, _)| {
            let (whole, part) = (&text[..at], &text[at + '中'.len_utf8()..]);
            let named = whole.chars().count() >= MIN_NAME && part.chars().count() >= MIN_NAME;
            (named && names_money(part)).then_some((whole, part))
        })?;
        let node = self.resolve_named(whole)?;
        state.last_node = Some(node);
        self.last_node = Some(node);
        self.open(false);
        Some(Label {
            text: part.to_string(),
            ..label.clone()
        })
    }
}
