//! A spending total by function class split by kind: `一般公共预算财政拨款支出A万元。其中:基本支出B万元,项目
//! 支出C万元` (general pattern: a 其中 list of 基本支出 / 项目支出 under a total whose items are function
//! classes). The same money split another way: added to the classes it would count twice, so its own
//! breakdown takes it — a root printing the same figure (as a second list does, see [`super::second_list`]),
//! id `<total>_by_kind`, which knows basic and project spending only. The total's change from last year (and
//! its rate and prior) is the copy's too: it is the same money, and its items' changes add up to it.

use super::kinds::{splits_total_by_kind, BY_FUNCTION};
use super::*;

/// The schema whose known children are basic and project spending (and their economic parts).
const BY_KIND: &str = "fiscal_expenditure";

/// The breakdown by kind an item was placed in: the copy, the total it copies, and whether the item made it.
#[derive(Clone, Copy)]
pub(super) struct KindSplit {
    pub(super) copy: usize,
    of: usize,
    made: bool,
}

impl Assembler<'_> {
    /// The breakdown by kind of the by-function total `parent` that the explicit list at `k` opened, for an
    /// item named `label` of that kind; the list at `k` goes on with it. The total's copy made before (same
    /// total, so the same label and amount) is taken again, so that the same split printed twice restates its items (and a split
    /// printed twice with other figures is found); else a new one is made. None for any other item or list.
    pub(super) fn kind_split(&mut self, k: usize, parent: usize, label: &str) -> Option<KindSplit> {
        let open = &self.stack[k];
        let by_function = BY_FUNCTION.contains(&self.nodes[parent].schema.as_deref()?);
        if !(open.explicit && open.node == parent && by_function && splits_total_by_kind(label)) {
            return None;
        }
        let split = match self.copies_by_kind.get(&parent).copied() {
            Some(copy) => KindSplit {
                copy,
                of: parent,
                made: false,
            },
            None => self.new_copy_by_kind(parent)?,
        };
        self.shares_change(split);
        self.stack[k].node = split.copy;
        if self.current_root == Some(parent) {
            self.current_root = Some(split.copy);
        }
        Some(split)
    }

    /// Gives the list at `k` back to the total when the copy took no item (and drops a copy made for it).
    pub(super) fn undo_kind_split(&mut self, split: KindSplit, k: usize) {
        if split.made {
            self.copies_by_kind.remove(&split.of);
            return self.drop_twin(split.copy, k, split.of);
        }
        self.stack[k].node = split.of;
        if self.current_root == Some(split.copy) {
            self.current_root = Some(split.of);
        }
    }

    fn new_copy_by_kind(&mut self, total: usize) -> Option<KindSplit> {
        let id = format!("{}_by_kind", self.nodes[total].node.id);
        let copy = self.twin_named(total, id)?;
        let built = &mut self.nodes[copy];
        built.schema = Some(BY_KIND.to_string());
        // Its list takes the known kinds only (basic and project spending, their parts), not any label as an
        // open list would: a function class printed after them is the total's, never the copy's.
        built.open_list = false;
        self.copies_by_kind.insert(total, copy);
        Some(KindSplit {
            copy,
            of: total,
            made: true,
        })
    }

    /// `按支出性质分,…支出A万元,比上年减少C万元。其中:基本支出…`: the total's change, rate and prior, stated
    /// before its split by kind was known (on the total), are the copy's where it states none of its own.
    fn shares_change(&mut self, split: KindSplit) {
        let of = &self.nodes[split.of].node;
        let [change, rate, prior] = [
            (of.change, of.spans.change),
            (of.change_pct, of.spans.change_pct),
            (of.prior, of.spans.prior),
        ];
        let copy = &mut self.nodes[split.copy].node;
        if copy.change.is_none() {
            (copy.change, copy.spans.change) = change;
        }
        if copy.change_pct.is_none() {
            (copy.change_pct, copy.spans.change_pct) = rate;
        }
        if copy.prior.is_none() {
            (copy.prior, copy.spans.prior) = prior;
        }
    }
}
