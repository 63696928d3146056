//! Two lists under one total are two breakdowns, not one.
//!
//! `一般公共预算支出1000亿元，其中：省级支出300亿元，市县级支出700亿元。主要支出科目：1.教育支出…`: the same total
//! split by level, then by subject. Added together they would count its money twice. A marked list ends with its
//! sentence; items that reach the same total after that (numbered items, the items of its mention's list) are a
//! second list. Where the first already adds up to the total (within the rounding of their printed digits), the
//! second is a breakdown of its own: a root printing the same figure, holding the second list. Where it does not,
//! the text may go on with the first list or start another: the total's list is in doubt (`Doubt::List`, its sums
//! warnings at most).

use super::*;

/// A running sum of a node's items and the rounding their printed precision allows (half a unit of each one's
/// last printed digit), kept as items are added so that judging a list never walks it.
#[derive(Default, Clone, Copy)]
pub(super) struct Sum {
    total: Decimal,
    slack: Decimal,
    items: usize,
    overflow: bool,
}

impl Sum {
    pub(super) fn add(&mut self, amount: &Decimal) {
        let total = self.total.checked_add(*amount);
        let slack = self.slack.checked_add(half_unit(amount));
        match (total, slack) {
            (Some(total), Some(slack)) => (self.total, self.slack) = (total, slack),
            _ => self.overflow = true,
        }
        self.items += 1;
    }

    /// Whether one more item of `value` keeps the items within `total` (beyond it by no more than rounding).
    /// Amounts of both signs (a negative item, a negative total) are left to the checker.
    pub(super) fn room_for(&self, value: &Decimal, total: &Decimal) -> bool {
        if value.is_sign_negative() || total.is_sign_negative() || self.total.is_sign_negative() {
            return value.abs() <= total.abs();
        }
        let sum = self.total.checked_add(*value);
        let allowed = self.slack.checked_add(half_unit(value));
        let allowed = allowed.and_then(|a| a.checked_add(half_unit(total)));
        let limit = allowed.and_then(|a| total.checked_add(a));
        match (sum, limit) {
            (Some(sum), Some(limit)) => self.overflow || sum <= limit,
            _ => true,
        }
    }

    /// Whether the items add up to `amount` known to `half` (its own rounding, when coarser than its digits).
    pub(super) fn adds_up_within(&self, amount: &Decimal, half: Decimal) -> bool {
        let gap = self.total.checked_sub(*amount).map(|g| g.abs());
        let allowed = self.slack.checked_add(half);
        let within = matches!((gap, allowed), (Some(g), Some(a)) if g <= a);
        self.items > 0 && !self.overflow && within
    }

    /// Whether the items add up to `amount` as printed: the difference within their rounding and its.
    pub(super) fn adds_up_to(&self, amount: &Decimal) -> bool {
        let gap = self.total.checked_sub(*amount).map(|g| g.abs());
        let allowed = self.slack.checked_add(half_unit(amount));
        let within = matches!((gap, allowed), (Some(g), Some(a)) if g <= a);
        self.items > 0 && !self.overflow && within
    }
}

/// Half a unit of the last printed digit: 0.005 for `12.34`, 0.5 for `12`.
fn half_unit(amount: &Decimal) -> Decimal {
    Decimal::try_new(5, amount.scale() + 1).unwrap_or(Decimal::ZERO)
}

impl Assembler<'_> {
    /// Whether a new item of `parent`, taken through the open list at `k`, comes after `parent`'s marked list
    /// ended (and this list was not judged yet). Items the vocabulary knows as parts of `parent`, after items
    /// that all are, are one split of it whatever the lists (`其中本年收入…。收入具体情况如下：…上年结转…`).
    pub(super) fn resumes_list(&self, k: usize, parent: usize, label: &str) -> bool {
        let open = &self.stack[k];
        let built = &self.nodes[parent];
        let ended = built.list_ended || open.ends_with_sentence;
        let known = |schema: &str| child_of(schema, label).is_some();
        let one_split = !built.unknown_items && built.schema.as_deref().is_some_and(known);
        open.node == parent && !open.resumed && ended && !one_split
    }

    /// Whether a new item of `parent` would start a second breakdown of it (see
    /// [`Assembler::second_breakdown`]): a free total then judges the item against an empty list.
    pub(super) fn starts_second_breakdown(&self, k: usize, parent: usize, label: &str) -> bool {
        let built = &self.nodes[parent];
        let is_new = self.child_with_label(parent, label).is_none();
        is_new
            && self.resumes_list(k, parent, label)
            && built.items_sum.adds_up_to(&built.node.amount.0)
    }

    /// A new item of `parent` that starts a second list: where `parent`'s items add up to it, a new breakdown of
    /// the same figure takes it (returned; the open list at `k` goes on with it).
    pub(super) fn second_breakdown(&mut self, k: usize, parent: usize) -> Option<usize> {
        let built = &self.nodes[parent];
        if !built.items_sum.adds_up_to(&built.node.amount.0) {
            return None;
        }
        let twin = self.twin(parent)?;
        self.stack[k].node = twin;
        if self.current_root == Some(parent) {
            self.current_root = Some(twin);
        }
        Some(twin)
    }

    /// The first item of a second list was taken: by a new breakdown, or by `parent` itself, whose list is then
    /// in doubt (one list continued, or two added together).
    pub(super) fn second_list_taken(&mut self, k: usize, parent: usize, twin: Option<usize>) {
        self.stack[k].resumed = true;
        self.nodes[parent].list_ended = false;
        if twin.is_none() {
            self.doubt(parent, Doubt::List);
        }
    }

    /// A root printing `of`'s figure (the same amount, label and span), for a second breakdown of it.
    pub(super) fn twin(&mut self, of: usize) -> Option<usize> {
        let id = self.twin_id(&self.nodes[of].node.id);
        self.twin_named(of, id)
    }

    /// [`Self::twin`] with the id `id` (or `id_<n>` when a root has it already).
    pub(super) fn twin_named(&mut self, of: usize, id: String) -> Option<usize> {
        if self.nodes.len() >= MAX_NODES {
            return None;
        }
        let id = if self.root_ids.contains(&id) {
            self.twin_id(&id)
        } else {
            id
        };
        let original = &self.nodes[of];
        let mut node = Node::new(id, original.node.label.clone(), original.node.amount.0);
        node.at = original.node.at;
        node.code = original.node.code.clone();
        let (schema, open_list) = (original.schema.clone(), original.open_list);
        let (printed, year, free) = (original.printed.clone(), original.year, original.free);
        let index = self.push(node, None, schema, open_list);
        let twin = &mut self.nodes[index];
        (twin.printed, twin.year, twin.free) = (printed, year, free);
        self.roots.push(index);
        Some(index)
    }

    /// `gpb_by_function_2`: the original's id with the first free number (the roots' count first, so that the
    /// search is short).
    fn twin_id(&self, id: &str) -> String {
        let mut n = self.roots.len() + 1;
        loop {
            let candidate = format!("{id}_{n}");
            if !self.root_ids.contains(&candidate) {
                return candidate;
            }
            n += 1;
        }
    }

    /// Drops a twin that took no item (the last node made) and gives the open list at `k` back to the original.
    pub(super) fn drop_twin(&mut self, twin: usize, k: usize, parent: usize) {
        if twin + 1 == self.nodes.len() && self.roots.last() == Some(&twin) {
            self.roots.pop();
            let id = self.nodes[twin].node.id.clone();
            self.root_ids.remove(&id);
            self.nodes.pop();
            self.stack[k].node = parent;
            if self.current_root == Some(twin) {
                self.current_root = Some(parent);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        budget_lens_core::report::parse_decimal(s).unwrap()
    }

    fn sum_of(items: &[&str]) -> Sum {
        let mut sum = Sum::default();
        items.iter().for_each(|i| sum.add(&d(i)));
        sum
    }

    #[test]
    fn items_add_up_within_their_rounding() {
        // 300 + 500.5 = 800.5 exactly; 120.45 + 80.21 = 200.66 against 200.67: within 3 half-cents.
        assert!(sum_of(&["300", "500.5"]).adds_up_to(&d("800.5")));
        assert!(sum_of(&["120.45", "80.21"]).adds_up_to(&d("200.67")));
        // 100.00 + 40.00 against 150.00: a list that does not add up.
        assert!(!sum_of(&["100.00", "40.00"]).adds_up_to(&d("150.00")));
        // Whole numbers are rounded to the unit: 12 + 9 may be 20.
        assert!(sum_of(&["12", "9"]).adds_up_to(&d("20")));
        assert!(!Sum::default().adds_up_to(&d("0")));
    }

    #[test]
    fn items_add_up_within_a_coarse_totals_rounding() {
        // 2.08亿元 as 20800万元: known to ±50万元, so 1344 + 15218 + 4263 = 20825 adds up to it.
        let parts = sum_of(&["1344", "15218", "4263"]);
        assert!(!parts.adds_up_to(&d("20800")));
        assert!(parts.adds_up_within(&d("20800"), d("50")));
        assert!(!sum_of(&["1344", "15218", "4663"]).adds_up_within(&d("20800"), d("50")));
    }

    #[test]
    fn room_for_one_more_item() {
        let parts = sum_of(&["2100", "3100"]);
        assert!(parts.room_for(&d("0"), &d("5200")));
        assert!(!parts.room_for(&d("3600"), &d("5200")));
        // Negative amounts are left to the checker: only the item's own size is compared.
        assert!(parts.room_for(&d("-5"), &d("5200")));
    }

    #[test]
    fn half_units_follow_the_printed_digits() {
        assert_eq!(half_unit(&d("12.34")), d("0.005"));
        assert_eq!(half_unit(&d("12")), d("0.5"));
        assert_eq!(
            half_unit(&d("0.0000000000000000000000000001")),
            Decimal::ZERO
        );
    }
}
