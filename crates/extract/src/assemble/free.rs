//! Free roots: an amount whose label no vocabulary knows and no open list takes becomes a breakdown of its
//! own, when the label names a sum of money (`一般公共预算收入完成16.16亿元`, `税收收入322551万元`,
//! `政府采购预算6429768.84元`). Budget-execution and fiscal reports name their totals in many words; read
//! this way their changes, rates, completion and budget figures find a place.
//!
//! Nothing about a free root's structure is known: it takes items only from a list the text marks (`其中:`,
//! `包括:`, numbered items), never an item larger than itself, and every sum over such a list is in doubt
//! (`Doubt::List`: at most a warning).

use super::*;
use crate::vocabulary::names_money;

/// Verbs that open a clause about what money did (`涉及资金653.12万元`, `统筹…资金`, `用于…`): the clause
/// says what was done with money counted elsewhere, not the name of a total.
const VERB_OPENINGS: &[&str] = &[
    "涉及", "用于", "安排", "统筹", "筹集", "支持", "下达", "拨付", "争取", "落实", "投入", "减免",
    "新增",
];

/// Longest name of who prints a figure before its year (`财政部2019年度…`, `某某县人民政府2023年…`).
const MAX_NAME_BEFORE_YEAR: usize = 8;

/// Longest label (characters) taken as the name of a free root: longer ones are clauses, not names.
const MAX_FREE_LABEL: usize = 20;

/// Whether a cleaned label names a sum of money and can be a free root's name.
pub(super) fn is_free_label(label: &str) -> bool {
    let length = label.chars().count();
    (2..=MAX_FREE_LABEL).contains(&length)
        && !label
            .chars()
            .any(|c| c.is_ascii_digit() || "、,:;。".contains(c))
        && names_money(label)
        && !VERB_OPENINGS.iter().any(|v| label.starts_with(v))
}

/// A short label with no figure or punctuation in it: a name, not a clause.
fn is_name(label: &str) -> bool {
    (2..=MAX_FREE_LABEL).contains(&label.chars().count())
        && !label
            .chars()
            .any(|c| c.is_ascii_digit() || "、,:;。".contains(c))
}

/// Adverbs that open a clause before its verb (`此外,还拨付…`, `同时安排…`).
const ADVERBS: &[&str] = &["同时", "另外", "并", "另", "还"];

/// Verbs of paying out before the thing paid for (`拨付公交票价优惠`): the fallback names the figure by its
/// object.
const PAYING: &[&str] = &["拨付", "安排", "下达", "投入", "用于", "支持"];

/// Shortest object (characters) named after a verb: `资金`, `经费` alone say nothing of what the money is.
const MIN_OBJECT: usize = 4;

/// The noun phrase the fallback names a free root by: a short name (see [`is_name`]), not a comparison
/// (`…之所以高于`: the figure is a difference, its subject elsewhere). The tail of an enumeration of names
/// (general pattern `名称、名称、名称等<amount>`: the sum of the named terms and others) is a name too: the
/// last term with its `等` (`…、渠道疏浚等`), so the amount is placed and its name says it is more than one term.
/// A clause that opens with a verb of paying out is named by its object when that is a name of its own
/// (`还拨付乡村公交补贴` → `乡村公交补贴`); any other verb opening (see [`VERB_OPENINGS`]) names money counted
/// elsewhere: none.
fn fallback_name(label: &str) -> Option<&str> {
    let comparison = COMPARISONS.iter().any(|c| label.contains(c));
    if !is_name(label) || comparison {
        return None;
    }
    let plain = ADVERBS
        .iter()
        .find_map(|a| label.strip_prefix(a))
        .unwrap_or(label);
    match PAYING.iter().find_map(|v| plain.strip_prefix(v)) {
        Some(object) => (object.chars().count() >= MIN_OBJECT).then_some(object),
        None => (!VERB_OPENINGS.iter().any(|v| plain.starts_with(v))).then_some(label),
    }
}

/// Words of a comparison: what follows them is a difference or the other side, not the label's amount;
/// `差值`/`差额` name the (unsigned) difference of two figures: a relation, not a quantity of its own.
const COMPARISONS: &[&str] = &[
    "高于",
    "低于",
    "超过",
    "超出",
    "多于",
    "少于",
    "相比",
    "比上年",
    "较",
    "差值",
    "差额",
];

/// Words that name a total, not a part: `实现…收入` (what a jurisdiction's revenue came to), `…合计`, `…总计`.
/// After a list of parts (`国税完成A，地税完成B，实现地方一般预算收入C`) such an amount is another measure of the
/// money, so it ends the list instead of joining it, whatever its value. (A vocabulary total never gets here:
/// [`Assembler::place`] makes it a root first.)
fn names_a_total(label: &str) -> bool {
    let achieved = label.starts_with("实现") && label.ends_with("收入");
    achieved || label.ends_with("合计") || label.ends_with("总计")
}

/// `财政部2019年度政府采购支出总额`: a short name before a year says who, the year when; the money's name
/// follows (`政府采购支出总额`). So does a heading before it (`…结余情况(一)收入情况2023年…`). Words before the year that are a clause (`…审议通过的2021年一般公共预算收入`: a
/// budget, not the amount) keep the label whole, as does a label with no year or nothing after it.
fn after_year(label: &str) -> &str {
    let bytes = label.as_bytes();
    let year_end = (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = bytes[i..i + 4].iter().all(u8::is_ascii_digit);
        let alone = i == 0 || !bytes[i - 1].is_ascii_digit();
        let who = label.get(..i)?;
        let a_name = who.chars().count() <= MAX_NAME_BEFORE_YEAR && !who.contains('的');
        // `(一)收入情况 2023年…收入`: a heading run into its first sentence (a page's lines flattened).
        let a_heading = ["情况", "说明"].iter().any(|w| who.ends_with(w));
        let a_name = a_name || a_heading;
        let rest = label.get(i + 4..)?.strip_prefix('年')?;
        (digits && alone && a_name).then_some(rest)
    });
    let rest = year_end.map(|r| r.strip_prefix('度').unwrap_or(r));
    let rest = rest.map(|r| r.strip_prefix('的').unwrap_or(r));
    rest.filter(|r| !r.is_empty()).unwrap_or(label)
}

impl Assembler<'_> {
    /// A label nothing else takes: the free root of that name (restated if printed again with the same
    /// value) or a new one. The same name with another value is another quantity (before and after an
    /// adjustment, each fund's 年终结余): a root of its own, never a restatement.
    pub(super) fn free_root(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        let named = Label {
            text: after_year(&label.text).to_string(),
            ..label.clone()
        };
        let label = &named;
        // A label said to have risen from last year's amount to this year's names an amount, whatever its words
        // (`普通高中由上年的A元增加到B元` under a heading of per-student funding).
        let named_money = is_free_label(&label.text) || (label.rose && is_name(&label.text));
        if label.balance_term || self.in_known_list(level) {
            return None;
        }
        if !named_money {
            return self.fallback_root(label, value, at, level);
        }
        if let Some(&existing) = self.free_by_label.get(&label.text) {
            if self.same_value(existing, value) {
                restate(&mut self.nodes[existing].node, value, at);
                self.open_free(existing, level);
                return Some(existing);
            }
        }
        let index = self.new_free_root(label, value, at)?;
        self.open_free(index, level);
        Some(index)
    }

    /// The general fallback (issue 10): `<noun phrase>(为|达|完成|实现|共|合计|计)?<amount>` that no specific
    /// rule placed and whose words name no sum of money the vocabulary knows (`城区绿化养护投入3.2亿元`) is
    /// still a figure of the text: a free root named by its noun phrase. It is never taken as the same figure
    /// printed again (not in `free_by_label`), and a later clause naming it does not find it: only the
    /// changes and rates of its own clause attach to it. It takes no items: a list after it stays unread.
    fn fallback_root(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        // An item of a marked list that its total did not take stays unplaced: the list is then partial, not a
        // sum that the items after it would seem to miss. A bound (`单价100万元(含)以上`) is no sum at all.
        let in_marked_list = self.stack.last().is_some_and(|o| o.explicit) || level.is_some();
        let in_marked_list = in_marked_list || self.amount_is_bound;
        let name = fallback_name(&label.text).filter(|_| !in_marked_list)?;
        let named = Label {
            text: name.to_string(),
            ..label.clone()
        };
        let index = self.new_unnamed_root(&named, value, at)?;
        self.nodes[index].fallback = true;
        // Its name is a guess (no rule for the phrasing placed it): what it is said to change by, or to be a
        // share of, may be about another figure, so nothing said of it is more than a warning.
        self.doubt(index, Doubt::Name);
        self.open_free(index, level);
        // Its structure is unknown: what follows it is not taken as its parts (nor as another's).
        if let Some(open) = self.stack.last_mut().filter(|o| o.node == index) {
            open.overflowed = true;
        }
        Some(index)
    }

    /// A term of a balance (`加上级补助收入120846万元`, `上年结余收入42690万元`, `减结转下年支出…`): a quantity of
    /// its own beside the total before it, never an item of that total's list; it opens no list by mention.
    pub(super) fn balance_term(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
    ) -> Option<usize> {
        let text = ["再加", "加", "减去", "减", "扣除"]
            .iter()
            .find_map(|p| label.text.strip_prefix(p))
            .unwrap_or(&label.text);
        // `加上上级…收入`: the verb is `加上`; `加上级补助收入`, `加上年结转` keep their `上`. A name that is
        // no free label without it (`加上安排…支出`: a verb) keeps it as before.
        let text = match text.strip_prefix('上') {
            Some(rest)
                if is_free_label(rest)
                    && !["级", "年", "解"].iter().any(|w| rest.starts_with(w)) =>
            {
                rest
            }
            _ => text,
        };
        if !is_free_label(text) {
            return None;
        }
        let term = Label {
            text: text.to_string(),
            ..label.clone()
        };
        self.new_free_root(&term, value, at)
    }

    /// The root of an adjusted amount (see [`Assembler::adjusted`]): always a new one, as the name is the
    /// original's too.
    pub(super) fn adjusted_root(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
    ) -> Option<usize> {
        if !is_free_label(&label.text) {
            return None;
        }
        let node = self.new_free_root(label, value, at)?;
        self.open_free(node, None);
        Some(node)
    }

    pub(super) fn new_free_root(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
    ) -> Option<usize> {
        let index = self.new_unnamed_root(label, value, at)?;
        self.free_by_label.insert(label.text.clone(), index);
        Some(index)
    }

    /// A free root of this label, not yet known by its name.
    pub(super) fn new_unnamed_root(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
    ) -> Option<usize> {
        if self.nodes.len() >= MAX_NODES {
            return None;
        }
        let id = self.free_id(&label.text);
        let mut node = Node::new(id, label.text.clone(), value);
        node.code = label.code.clone();
        node.at = Some(at);
        let index = self.push(node, None, None, true);
        self.nodes[index].free = true;
        self.nodes[index].printed = label.text.clone();
        self.nodes[index].year = label.year;
        self.roots.push(index);
        Some(index)
    }

    /// An item of a marked list of a known total (`收入总计…，其中：…调入资金0.12亿元`) that the vocabulary does
    /// not know is still that list's item, not a total of its own: it stays unplaced and the list partial.
    fn in_known_list(&self, level: Option<u8>) -> bool {
        self.stack
            .last()
            .is_some_and(|o| !self.nodes[o.node].free && (o.explicit || level.is_some()))
    }

    /// A free root's list is open from its mention when no other list is (its items come numbered or after
    /// `其中:`); an open list of a known total stays open.
    fn open_free(&mut self, node: usize, level: Option<u8>) {
        self.nodes[node].mention_level = level;
        let known_open = self.stack.iter().any(|o| !self.nodes[o.node].free);
        if known_open {
            return;
        }
        self.stack.clear();
        let open = self.mention(node, level.unwrap_or(self.heading_level));
        self.stack.push(open);
        self.current_root = Some(node);
    }

    /// Whether the free node `parent` takes an item printed with this marker level and value: only from a
    /// marked list, only one that names a sum of money (`短收7431万元` is no item), and never one that does not
    /// fit (see [`Assembler::free_fits`]). `second`: the item starts a second list of a total whose first adds
    /// up (see [`super::second_list`]), judged as the first item of a list of its own.
    pub(super) fn free_takes(
        &self,
        open: &Open,
        label: &Label,
        level: Option<u8>,
        value: Decimal,
        second: bool,
    ) -> bool {
        let marked = open.explicit || level.is_some();
        let fits = self.free_fits(open.node, label, value, second);
        marked && is_free_label(&label.text) && fits && !open.overflowed
    }

    /// Whether an item fits a free total's list: it does not take the items beyond the total
    /// (`…收入29612万元，其中，国税…11765万元；地税…14796万元；…实现地方一般预算收入19401万元`: another measure
    /// of the same money, not a part), and its words do not name a total after the parts (see [`names_a_total`]).
    fn free_fits(&self, parent: usize, label: &Label, value: Decimal, second: bool) -> bool {
        let parent = &self.nodes[parent];
        let items = if second {
            Sum::default()
        } else {
            parent.items_sum
        };
        let after_parts = !second && !parent.children.is_empty();
        let a_total = after_parts && names_a_total(&label.text);
        items.room_for(&value, &parent.node.amount.0) && !a_total
    }

    /// An item that does not fit a free total's list ends it: the items after it are not the total's either
    /// (`…实现地方一般预算收入19401万元，其中：…`).
    pub(super) fn note_overflow(&mut self, k: usize, label: &Label, value: Decimal, second: bool) {
        if !self.free_fits(self.stack[k].node, label, value, second) {
            self.stack[k].overflowed = true;
        }
    }

    /// A root id: the standard one of the label if free, else `part<n>`.
    pub(super) fn free_id(&self, label: &str) -> String {
        let taken = |id: &str| self.root_ids.contains(id);
        if let Some(id) = standard_id(label).filter(|id| !taken(id)) {
            return id.to_string();
        }
        let mut n = self.roots.len() + 1;
        loop {
            let id = format!("part{n}");
            if !taken(&id) {
                return id;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_labels_name_sums_of_money() {
        assert!(is_free_label("一般公共预算收入"));
        assert!(is_free_label("政府采购预算"));
        assert!(!is_free_label("公务接待费2016年预算"));
        assert!(!is_free_label("年末公务用车保有量"));
        assert!(!is_free_label("收"));
        assert!(!is_free_label("涉及资金"));
    }

    #[test]
    fn the_fallback_names_a_figure_by_its_noun_phrase() {
        assert_eq!(fallback_name("河道清淤整治投入"), Some("河道清淤整治投入"));
        assert_eq!(fallback_name("还拨付乡村公交补贴"), Some("乡村公交补贴"));
        assert_eq!(fallback_name("涉及资金"), None);
        assert_eq!(fallback_name("安排资金"), None);
        assert_eq!(fallback_name("之所以高于"), None);
        assert_eq!(fallback_name("养护维修等"), Some("养护维修等"));
        assert_eq!(fallback_name("差值"), None);
    }

    #[test]
    fn totals_are_named_by_their_words() {
        assert!(names_a_total("实现地方一般预算收入"));
        assert!(names_a_total("非税收入合计"));
        assert!(!names_a_total("国税"));
        assert!(!names_a_total("税务部门"));
    }
}
