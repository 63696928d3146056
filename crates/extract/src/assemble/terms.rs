//! Amounts added to a total to make a larger total are terms beside it, not its items.
//!
//! General pattern: `一般公共预算支出A，上解上级支出B，债务还本支出C，安排预算稳定调节基金D，支出总计E` — a
//! total mentioned (no `其中:`, no markers), amounts after it in the same sentence, then a larger total of the
//! same kind (`…总计`, `…合计`, `…共计`) closing the sentence's enumeration. The amounts between are the other
//! terms of the larger total (A + B + C + D = E, which must hold within rounding), not parts of A: the
//! mention's list, which took them in doubt, gives them back, each a quantity of its own.

use super::*;

/// The words that close an enumeration with its total.
const CLOSING: &[&str] = &["总计", "合计", "共计"];

/// Most terms of a balance looked at.
const MAX_TERMS: usize = 16;

/// The kinds of money a total and its terms share.
const KINDS: &[&str] = &["支出", "收入"];

impl Assembler<'_> {
    /// Called before an amount labelled `label` is placed: where it closes an enumeration with a total larger
    /// than a total mentioned earlier in the sentence, the items that total's mention took here are given back.
    pub(super) fn terms_before_larger_total(&mut self, label: &str, value: Decimal) {
        if !CLOSING.iter().any(|c| label.ends_with(c)) {
            return;
        }
        let Some(kind) = KINDS.iter().find(|k| label.contains(*k)) else {
            return;
        };
        let this_sentence = self.sentence_index;
        let mentioned = self.stack.iter().rev().find(|o| {
            let built = &self.nodes[o.node];
            !o.explicit
                && o.sentence == this_sentence
                && built.node.label.contains(kind)
                && built.node.amount.0 < value
        });
        let Some(total) = mentioned.map(|o| o.node) else {
            return;
        };
        // The last items only (a balance has a few terms): constant time however long the list.
        let mut terms: Vec<usize> = self.nodes[total]
            .children
            .iter()
            .rev()
            .take(MAX_TERMS)
            .copied()
            .filter(|&c| {
                self.nodes[c].sentence == this_sentence && self.nodes[c].mention_level.is_none()
            })
            .collect();
        terms.reverse();
        // Only where the total and the amounts after it make the larger total (A + B + C + D = E, within their
        // rounding): anything else may be a list of parts after all.
        let mut sum = Sum::default();
        sum.add(&self.nodes[total].node.amount.0);
        for &term in &terms {
            sum.add(&self.nodes[term].node.amount.0);
        }
        if terms.is_empty() || !sum.adds_up_to(&value) {
            return;
        }
        for term in terms {
            self.give_back(total, term);
        }
        self.recount_items(total);
    }

    /// The sum of `total`'s items after some left; no items left, no doubt about its list.
    fn recount_items(&mut self, total: usize) {
        let mut sum = Sum::default();
        for &c in &self.nodes[total].children {
            sum.add(&self.nodes[c].node.amount.0);
        }
        let parent = &mut self.nodes[total];
        parent.items_sum = sum;
        if parent.children.is_empty() {
            parent.node.doubt.retain(|d| *d != Doubt::List);
            parent.unknown_items = false;
        }
    }

    /// `term` leaves `total`'s items and becomes a free root of its own.
    fn give_back(&mut self, total: usize, term: usize) {
        let label = self.nodes[term].node.label.clone();
        let id = self.nodes[term].node.id.clone();
        let parent = &mut self.nodes[total];
        parent.children.retain(|&c| c != term);
        if parent.child_by_label.get(&label) == Some(&term) {
            parent.child_by_label.remove(&label);
        }
        parent.child_by_id.remove(&id);
        let root_id = self.free_id(&label);
        self.root_ids.insert(root_id.clone());
        let built = &mut self.nodes[term];
        built.node.id = root_id;
        built.parent = None;
        built.free = true;
        built.schema = None;
        self.roots.push(term);
    }
}

/// The terms only a government's balance names (never a unit's: `结转`, `结余` are a 部门 report's too). Not
/// `转移性支出` either: the rule that uses them alone ([`Assembler::term_of_total_spending`]) was made with
/// these five and has no fixture with it.
const GOVERNMENT_TERMS: [&str; 5] = [
    "上解",
    "还本",
    "预算稳定调节基金",
    "调出资金",
    "援助其他地区",
];

/// The other terms of a government's total spending beside [`GOVERNMENT_TERMS`]: money transferred out
/// (`转移性支出`) and what is carried on (`结转下年`, `年终结余`, `结转结余资金`, `结余`; matched anywhere in the
/// label, so `结转` covers `结转下年`).
const MORE_TERMS_OF_TOTAL_SPENDING: [&str; 3] = ["转移性支出", "结转", "结余"];

/// Whether a label names one of the other terms of a government's total spending (`支出总计`, `支出总量`,
/// `合计支出`) beside its spending by function class: money sent up (`上解支出`), debt repaid (`债务还本支出`),
/// funds topped up (`补充预算稳定调节基金`), money transferred out (`调出资金`, `转移性支出`), aid to other places,
/// what is carried on. 230 转移性支出 and 231 债务还本支出 are classes (类) of the 支出功能分类 all the same: what
/// keeps the rule off them is where it applies — an unmarked amount (no `（一）`, `1.`) in a list of a spending
/// total by function class open by its mention only (no `其中:`, `包括:`); a class printed in a marked or
/// `其中:` list stays a class.
fn names_term_of_total_spending(label: &str) -> bool {
    (GOVERNMENT_TERMS.iter())
        .chain(&MORE_TERMS_OF_TOTAL_SPENDING)
        .any(|t| label.contains(t))
}

impl Assembler<'_> {
    /// General pattern (a government's budget-execution or final-account balance): `一般公共预算支出A。上解支出B，
    /// 债务还本支出C，结转下年D，支出总计E` — after a spending total by function class merely mentioned (no
    /// `其中:`, no marker), amounts named as the other terms of the balance's total spending are terms beside it,
    /// whether or not the larger total is printed or adds up (the sum rule of [`Assembler::terms_before_larger_total`]
    /// needs both): never classes of the total, whose sum they would break.
    /// An unmarked amount (no `其中:`, no marker open) named as such a term while a spending total by function
    /// class is open by its mention: a free root beside it, which opens no list (the `支出…如下:` after it is
    /// the spending's, not the term's).
    pub(super) fn term_beside_open_spending(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        if level.is_some() {
            return None;
        }
        if let Some(node) = self.term_of_total_spending(label, value, at) {
            return Some(node);
        }
        // The innermost list that is marked or a spending total's by function: inside a marked list (`总支出A，
        // 其中：一般公共预算支出B，上解支出C`) the term may be that list's item.
        let open = self
            .stack
            .iter()
            .rev()
            .find(|o| o.explicit || self.term_beside_spending(o.node, &label.text))?;
        if open.explicit {
            return None;
        }
        let total = open.node;
        let node = self.new_free_root(label, value, at)?;
        self.current_root = Some(total);
        Some(node)
    }

    pub(super) fn term_beside_spending(&self, parent: usize, label: &str) -> bool {
        let by_function = self.nodes[parent]
            .schema
            .as_deref()
            .is_some_and(|s| kinds::BY_FUNCTION.contains(&s));
        by_function && names_term_of_total_spending(label)
    }
}

impl Assembler<'_> {
    /// General pattern of a government's balance: `总支出A，其中：一般公共预算支出B，上解支出C，安排预算稳定调节基金D` —
    /// in a `其中:` list of the total spending opened in this sentence, the general budget's spending printed first
    /// (a root of its own by its name, its list open by mention) and a term only a government's balance names after
    /// it: B is an item of A beside the terms, so A = B + C + D is checked. B keeps its own list (its classes).
    fn term_of_total_spending(&mut self, label: &Label, value: Decimal, at: Span) -> Option<usize> {
        if !GOVERNMENT_TERMS.iter().any(|t| label.text.contains(t)) {
            return None;
        }
        let (total, general, sentence) = self.root_in_list?;
        if sentence != self.sentence_index {
            return None;
        }
        // The terms after the first: the list of A goes on.
        if self.nodes[general].parent == Some(total) {
            return self.new_child(total, None, label, value, at, None);
        }
        let listed_here = self
            .stack
            .last()
            .is_some_and(|o| o.node == general && !o.explicit);
        let is_total =
            self.nodes[total].node.id == "expenditure" && self.nodes[total].parent.is_none();
        let built = &self.nodes[general];
        let general_here = built.node.id == "gpb_by_function"
            && built.parent.is_none()
            && built.children.is_empty();
        if !(listed_here && is_total && general_here) {
            return None;
        }
        // Its list stays open by its mention: the classes printed after are its items.
        self.adopt_root(total, general);
        self.new_child(total, None, label, value, at, None)
    }

    /// The root `node` becomes the last item of `parent` (its id, schema and list unchanged).
    fn adopt_root(&mut self, parent: usize, node: usize) {
        self.roots.retain(|&r| r != node);
        let (id, label, amount) = {
            let built = &self.nodes[node].node;
            (built.id.clone(), built.label.clone(), built.amount.0)
        };
        self.root_ids.remove(&id);
        let total = &mut self.nodes[parent];
        total.items_sum.add(&amount);
        total.children.push(node);
        total.child_by_label.entry(label).or_insert(node);
        total.child_by_id.insert(id, node);
        self.nodes[node].parent = Some(parent);
    }
}
