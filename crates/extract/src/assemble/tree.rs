//! The tree: roots by keyword, items under their parents, restatements, priors, ids and paths.

use super::*;

/// Names of the money brought in from last year (`上年结转结余资金`, `年初结转和结余`).
const CARRYOVER_FROM_LAST_YEAR: &[&str] = &[
    "上年结转",
    "上年结余",
    "上年度结转",
    "上年度结余",
    "年初结转",
];

/// Levels of government a total is split into (`中央`/`地方`, `省级`/`市县`…), as a part's name opens.
const LEVEL_PARTS: &[&str] = &[
    "中央",
    "地方",
    "省本级",
    "省级",
    "市本级",
    "市级",
    "县本级",
    "县级",
    "区本级",
    "区级",
    "市县",
    "县区",
    "区县",
    "乡镇",
];

/// Names of the money carried on to next year, where no vocabulary root takes them (`结转下年`).
const CARRYOVER_TO_NEXT_YEAR: &[&str] = &["结转下年", "结转下一年", "结转至下年", "结转到下年"];

impl Assembler<'_> {
    /// Where an amount goes, in order: a prior-year list, a root by keyword, a term of a balance, a chain of
    /// 类/款/项, an open list, a known item's parent, a total restated, a free root.
    pub(super) fn place(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        if let Some(owner) = self.prior_list {
            return self.prior_item(owner, label, value, at);
        }
        if let Some(node) = self.prior_by_year(label, value, at) {
            return Some(node);
        }
        // `总收入由84.67亿元调整为107.78亿元`: the value before a change is not the label's amount.
        if label.text.is_empty() || label.text.ends_with('由') {
            return None;
        }
        if self.void_list {
            return self.new_root_in_void_list(label, value, at, level);
        }
        self.terms_before_larger_total(&label.text, value);
        if not_items::is_milestone(&label.text) {
            return self.milestone(label, value, at);
        }
        // `人均因公出国费用2.4万元`, `车均运行维护费…`: an average per head, never a part of a total.
        if is_per_unit(&label.text) {
            return self.free_root(label, value, at, level);
        }
        if let Some(root) = root_of(&label.text) {
            return self.place_root_label(root, label, value, at, level);
        }
        // `加上级补助收入…`: a term of a balance, beside the total before it, not in its list.
        if label.balance_term {
            return self.balance_term(label, value, at);
        }
        if ["(类)", "(款)", "(项)"]
            .iter()
            .any(|m| label.text.contains(m))
        {
            return self.chain(label, value, at, level);
        }
        if let Some(node) = self.aggregate_beside_classes(label, value, at) {
            return Some(node);
        }
        if let Some(node) = self.item_of_tax_revenue(label, value, at, level) {
            return Some(node);
        }
        if let Some(node) = self.carryover_after_parts(label, value, at) {
            return Some(node);
        }
        if let Some(node) = self.term_beside_open_spending(label, value, at, level) {
            return Some(node);
        }
        if let Some(node) = self.item_of_open_list(label, value, at, level) {
            return Some(node);
        }
        if let Some(node) = self.item_of_known_parent(label, value, at, level) {
            return node;
        }
        self.restated_total(label, value, at)
            .or_else(|| self.restated_item(label, value, at))
            .or_else(|| self.free_root(label, value, at, level))
    }

    /// `公务接待费2016年预算8万元，2015年预算12.5万元`: a figure named by nothing but the year before the
    /// figure just stated (years printed as columns in prose) is that figure's prior.
    fn prior_by_year(&mut self, label: &Label, value: Decimal, at: Span) -> Option<usize> {
        let year = label.year.filter(|_| label.text.is_empty())?;
        let last = self.last_node?;
        let previous = self.nodes[last].year.is_some_and(|y| y == year + 1);
        previous.then(|| self.set_prior(last, value, at)).flatten()
    }

    /// `…行政经费79.13亿元，较上年预算负增长37%。其中，“三公”经费4.77亿元…` after a total that found no place:
    /// the list's items have no known parent, but a total the vocabulary names (not printed before) is a
    /// quantity of its own, its root, whatever it is a part of. Anything else finds no place.
    fn new_root_in_void_list(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        let root = root_of(&label.text).filter(|r| !self.root_by_id.contains_key(r.id))?;
        self.root(root, label, value, at, level)
    }

    /// `(一)因公出国(境)费支出0万元` under a heading after the item was listed: a known item of a root printed
    /// again with the same value, though no list of its is open. Only the same value: with another one it may
    /// be another quantity of the same name. The first roots only are looked at (constant time).
    fn restated_item(&mut self, label: &Label, value: Decimal, at: Span) -> Option<usize> {
        let item = self.roots.iter().take(64).find_map(|&root| {
            let parent = self.known_parent_in(root, &label.text)?;
            let item = self.child_with_label(parent, &label.text)?;
            self.same_value(item, value).then_some(item)
        })?;
        restate(&mut self.nodes[item].node, value, at);
        Some(item)
    }

    /// A label naming a root's keyword: an item of the open list where that list takes it (`本年收入合计` under
    /// `收入总计`, `年末结转和结余` under `支出总计` where the text counts it there), else the root (again).
    fn place_root_label(
        &mut self,
        root: &'static Root,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        let top = self.stack.last().filter(|o| o.explicit).map(|o| o.node);
        let item_of_top = top.filter(|&t| {
            let schema = self.nodes[t].schema.as_deref();
            schema.is_some_and(|s| child_of(s, &label.text).is_some())
        });
        if let Some(parent) = item_of_top {
            return self.child(parent, label, value, at, level);
        }
        if let Some(parent) = top.filter(|&t| self.level_part_of(t, root, &label.text)) {
            if let Some(node) = self.child(parent, label, value, at, level) {
                self.level_parts.insert(node);
                return Some(node);
            }
        }
        // A root's name printed again for another quantity (another scope, period or fund): a breakdown of
        // its own rather than none.
        self.root(root, label, value, at, level)
            .or_else(|| self.free_root(label, value, at, level))
            // `加上年结转0万元，收入总计0万元` in another budget's section: that budget's total, a quantity of
            // its own beside the terms.
            .or_else(|| match label.balance_term {
                true => self.balance_term(label, value, at),
                false => None,
            })
    }

    /// `收入预算A万元，其中：B万元，…，C万元；上年结转结余资金D万元；`: a carry-over from last year named after a `；`,
    /// once the items before it add up to the open list's total, is outside that total (the year's own income,
    /// as its parts show): a term beside it, never one more part (general pattern: a unit's income for the year
    /// with its parts, then the carry-over, which the two grand totals hold and the year's income does not).
    /// The same for the spending's `结转下年` after its parts; with both, the two grand totals are a relation
    /// (see [`super::relations`]).
    fn carryover_after_parts(&mut self, label: &Label, value: Decimal, at: Span) -> Option<usize> {
        let named = |words: &[&str]| words.iter().any(|w| label.text.starts_with(w));
        let from_last_year = named(CARRYOVER_FROM_LAST_YEAR);
        if !(from_last_year || named(CARRYOVER_TO_NEXT_YEAR)) {
            return None;
        }
        if !self.follows_semicolon || self.amounts_in_sentence > 1 {
            return None;
        }
        let top = self.stack.last()?.node;
        let built = &self.nodes[top];
        let parts_close =
            built.children.len() >= 2 && built.items_sum.adds_up_to(&built.node.amount.0);
        if !parts_close {
            return None;
        }
        self.stack.clear();
        let node = self.new_free_root(label, value, at)?;
        self.beside_carryovers.push((top, node, from_last_year));
        Some(node)
    }

    /// `全国一般公共预算支出A亿元…。其中,中央一般公共预算本级支出B亿元…;地方一般公共预算支出C亿元…` (`省级…;市县…`):
    /// in a `其中` list of a total, the total's own name printed for one level of government is its part by
    /// level, not the total printed again nor a quantity of its own (general pattern: a release's total split
    /// into the central and local, or provincial and lower, levels).
    fn level_part_of(&self, total: usize, root: &Root, label: &str) -> bool {
        let printed = &self.nodes[total].printed;
        let same_name = root_of(printed).is_some_and(|r| r.id == root.id);
        let level = LEVEL_PARTS.iter().find(|l| label.starts_with(*l));
        same_name && level.is_some_and(|l| !printed.starts_with(l))
    }

    /// A total split by level (see [`Self::level_part_of`]) and then listed by other items (`主要支出项目:
    /// 1.教育支出…`): the other items are a second breakdown of the same figure, never added to its levels.
    fn split_by_level(&mut self, parent: usize, label: &str) -> Option<usize> {
        if LEVEL_PARTS.iter().any(|l| label.starts_with(l)) {
            return None;
        }
        if let Some(&twin) = self.level_twins.get(&parent) {
            return Some(twin);
        }
        let built = &self.nodes[parent];
        if !built.children.iter().any(|c| self.level_parts.contains(c)) {
            return None;
        }
        let twin = self.twin(parent)?;
        self.level_twins.insert(parent, twin);
        Some(twin)
    }

    /// An item of the innermost open list that takes the label; a list merely mentioned (no `其中:`, no
    /// marker) or a free one takes it in doubt.
    pub(super) fn item_of_open_list(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        for k in (0..self.stack.len()).rev() {
            // A level's part of a total (`市县一般公共预算支出`) lists no items of the whole's after it.
            if self.level_parts.contains(&self.stack[k].node) {
                continue;
            }
            let parent = self.owner_of_source(self.stack[k].node, &label.text);
            let parent = self.split_by_level(parent, &label.text).unwrap_or(parent);
            // `当月土地出让金收入` after `政府性基金收入…累计完成B`: a month's amount is no part of another
            // period's total.
            let month = |l: &str| ["当月", "本月"].iter().any(|m| l.starts_with(m));
            if month(&label.text) != month(&self.nodes[parent].printed) {
                continue;
            }
            let free = self.nodes[parent].free;
            let second = free && self.starts_second_breakdown(k, parent, &label.text);
            if free && !self.free_takes(&self.stack[k], label, level, value, second) {
                if free::is_free_label(&label.text) {
                    self.note_overflow(k, label, value, second);
                }
                continue;
            }
            // `…支出113.39亿元，加上上解上级…，支出总量为159.98亿元`: a total merely mentioned takes no amount
            // larger than itself in doubt — that amount is another total (a balance's), not its part.
            let unmarked = !self.stack[k].explicit && level.is_none();
            if unmarked && value.abs() > self.nodes[parent].node.amount.0.abs() {
                continue;
            }
            // `…支出A。上解支出B，债务还本支出C…`: the other terms of a larger total, never classes; a quantity of
            // its own beside it, though its name (`债务还本`) may carry no money noun (see [`terms`]).
            if unmarked && self.term_beside_spending(parent, &label.text) {
                return self.new_free_root(label, value, at);
            }
            // `其中:基本支出…` under a total by function class: the same money split by kind, its own breakdown.
            let by_kind = self.kind_split(k, parent, &label.text);
            let parent = by_kind.map_or(parent, |split| split.copy);
            let is_new = self.child_with_label(parent, &label.text).is_none();
            let resumed = is_new && self.resumes_list(k, parent, &label.text);
            // Aggregates across the classes and share-of-spending figures are no classes (see [`not_items`]).
            let share_figure = resumed && self.share_of_a_whole_list(parent, &label.text);
            if share_figure || self.not_a_class(parent, &label.text) {
                continue;
            }
            let twin = resumed.then(|| self.second_breakdown(k, parent)).flatten();
            let (original, parent) = (parent, twin.unwrap_or(parent));
            let Some(node) = self.child(parent, label, value, at, level) else {
                if let Some(twin) = twin {
                    self.drop_twin(twin, k, original);
                }
                if let Some(split) = by_kind {
                    self.undo_kind_split(split, k);
                }
                continue;
            };
            if resumed {
                self.second_list_taken(k, original, twin);
            }
            self.stack[k].took_item = true;
            if is_new && (free || unmarked) {
                self.doubt(parent, Doubt::List);
            }
            if is_new && self.stack[k].partial {
                self.nodes[parent].node.partial = true;
            }
            if is_new {
                self.item_of_selected_list(parent);
            }
            return Some(node);
        }
        None
    }

    /// A known item whose parent was not opened with `其中:` (e.g. on a new line): `Some(None)` when the
    /// parent is there but refuses it.
    fn item_of_known_parent(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<Option<usize>> {
        let root = self.current_root?;
        let parent = self.known_parent_in(root, &label.text)?;
        let parent = self.owner_of_source(parent, &label.text);
        let is_new = self.child_with_label(parent, &label.text).is_none();
        let node = self.child(parent, label, value, at, level);
        if node.is_some() && is_new && level.is_none() {
            self.doubt(parent, Doubt::List);
        }
        if node.is_some() && is_new {
            self.item_of_selected_list(parent);
        }
        Some(node)
    }

    pub(super) fn doubt(&mut self, node: usize, doubt: Doubt) {
        let doubts = &mut self.nodes[node].node.doubt;
        if !doubts.contains(&doubt) {
            doubts.push(doubt);
        }
    }

    pub(super) fn same_value(&self, node: usize, value: Decimal) -> bool {
        self.nodes[node].node.amount.0 == value
    }

    /// A prior-year amount of `node`, printed as an amount of its own.
    pub(super) fn set_prior(&mut self, node: usize, value: Decimal, at: Span) -> Option<usize> {
        let n = &mut self.nodes[node].node;
        if !set_once(&mut n.prior, &mut n.spans.prior, Some(value), at) {
            return None;
        }
        self.placed_as_prior = true;
        Some(node)
    }

    /// An item of a prior-year list (`2021年…合计807.95万，其中：公务接待费39.43万元`): the prior of the
    /// owner's item of that name; an item the owner does not have finds no place.
    pub(super) fn prior_item(
        &mut self,
        owner: usize,
        label: &Label,
        value: Decimal,
        at: Span,
    ) -> Option<usize> {
        let item = self.child_with_label(owner, &label.text)?;
        self.set_prior(item, value, at)
    }

    /// `财政拨款收入总计1516.64万元` in a later section: the item `income/fiscal` printed again as a total of its
    /// own. Only an item already there is restated; nothing is created out of context.
    pub(super) fn restated_total(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
    ) -> Option<usize> {
        let item_label = ["总计", "合计"]
            .iter()
            .find_map(|s| label.text.strip_suffix(s))?;
        // The first roots only, as for the other restatements: constant time however many roots a long
        // text makes.
        let item = self.roots.iter().take(64).find_map(|&root| {
            let parent = self.known_parent_in(root, item_label)?;
            let schema = self.nodes[parent].schema.as_deref()?;
            let (id, _) = child_of(schema, item_label)?;
            self.nodes[parent].child_by_id.get(id).copied()
        })?;
        if !self.same_value(item, value) && !self.same_context(item, &label.text) {
            return None;
        }
        restate(&mut self.nodes[item].node, value, at);
        Some(item)
    }

    /// A root's keyword: the root printed again (restated, a prior year, an item of it restated), or a new
    /// root; its list is open from this mention.
    pub(super) fn root(
        &mut self,
        root: &'static Root,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        let node = match self.root_by_id.get(root.id) {
            Some(&existing) => {
                if let Some(item) = self.root_item_again(existing, label, value, at, level) {
                    return Some(item);
                }
                if is_prior_year(&self.nodes[existing], label) {
                    return self.set_prior(existing, value, at);
                }
                let closes_enumeration =
                    self.amounts_in_sentence > 1 && is_section_subtotal(&label.text);
                let same_value = self.same_value(existing, value);
                if !same_quantity(&self.nodes[existing], label, value)
                    || (closes_enumeration && !same_value)
                    || (!same_value && self.grand_and_sub_total(existing, label))
                    || (!same_value && !self.same_context(existing, &label.text))
                {
                    return None;
                }
                restate(&mut self.nodes[existing].node, value, at);
                existing
            }
            None => self.new_root(root, label, value, at)?,
        };
        let list = self
            .stack
            .last()
            .filter(|o| o.explicit && o.sentence == self.sentence_index);
        self.root_in_list = list.map(|o| (o.node, node, self.sentence_index));
        self.nodes[node].mention_level = level;
        self.stack.clear();
        self.stack
            .push(self.mention(node, level.unwrap_or(self.heading_level)));
        self.current_root = Some(node);
        Some(node)
    }

    /// `本年收入合计` again after `收入总计…其中：本年收入合计…`: that item, restated, its list open.
    fn root_item_again(
        &mut self,
        existing: usize,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        let root_id = self.nodes[existing].node.id.clone();
        let (id, _) = child_of(&root_id, &label.text)?;
        let item = self.nodes[existing].child_by_id.get(id).copied()?;
        restate(&mut self.nodes[item].node, value, at);
        self.nodes[item].mention_level = level;
        let level = level.unwrap_or(self.heading_level);
        self.stack.clear();
        for node in [existing, item] {
            let open = self.mention(node, level);
            self.stack.push(open);
        }
        self.current_root = Some(existing);
        Some(item)
    }

    fn new_root(
        &mut self,
        root: &'static Root,
        label: &Label,
        value: Decimal,
        at: Span,
    ) -> Option<usize> {
        if self.nodes.len() >= MAX_NODES {
            return None;
        }
        let mut node = Node::new(root.id, root.label, value);
        node.at = Some(at);
        let index = self.push(node, None, Some(root.id.to_string()), root.open_list);
        self.nodes[index].printed = label.text.clone();
        self.nodes[index].year = label.year;
        self.roots.push(index);
        self.root_by_id.insert(root.id, index);
        Some(index)
    }

    /// The list of a total opened by its mention (not by `其中:`).
    pub(super) fn mention(&self, node: usize, level: u8) -> Open {
        Open {
            node,
            level,
            partial: false,
            explicit: false,
            by_mention: true,
            resumed: false,
            overflowed: false,
            paren: false,
            ends_with_sentence: false,
            took_item: false,
            sentence: self.sentence_index,
        }
    }

    /// `一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)事业运行(项)649.53万元`: the figure is the last
    /// link's; the links before it must already be there (their amounts are printed elsewhere).
    pub(super) fn chain(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        let marked = label.text.replace("(款)", "(类)").replace("(项)", "(类)");
        let links: Vec<&str> = marked.split("(类)").filter(|l| !l.is_empty()).collect();
        let (last, before) = links.split_last()?;
        let mut parent = self
            .stack
            .iter()
            .find(|o| self.nodes[o.node].open_list)?
            .node;
        for (k, link) in before.iter().enumerate() {
            match self.child_with_label(parent, link) {
                Some(child) => parent = child,
                // The 类 must be there; a 款 not stated on its own is skipped (the 项 goes under the 类).
                None if k == 0 => return None,
                None => {}
            }
        }
        let link_label = Label {
            text: (*last).to_string(),
            ..label.clone()
        };
        self.child(parent, &link_label, value, at, level)
    }

    /// The known node of this root under which a label is an item, e.g. `expenditure/basic` for `工资福利支出`.
    pub(super) fn known_parent_in(&self, root: usize, label: &str) -> Option<usize> {
        let root_id = self.nodes[root].node.id.as_str();
        // The root itself or a schema path below it (`expenditure` or `expenditure/…`, not `expenditure_2`).
        let in_root = |parent: &str| {
            parent
                .strip_prefix(root_id)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        CHILDREN
            .iter()
            .filter(|c| in_root(c.parent))
            .filter(|c| child_of(c.parent, label).is_some_and(|(id, _)| id == c.id))
            .find_map(|c| self.node_at_schema(root, c.parent))
    }

    pub(super) fn node_at_schema(&self, root: usize, schema: &str) -> Option<usize> {
        let mut node = root;
        for id in schema.split('/').skip(1) {
            node = *self.nodes[node].child_by_id.get(id)?;
        }
        Some(node)
    }

    /// The item `label` of `parent`: the one there (restated) or a new one, if `parent` takes the label.
    pub(super) fn child(
        &mut self,
        parent: usize,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        let known = self.nodes[parent]
            .schema
            .as_deref()
            .and_then(|schema| child_of(schema, &label.text))
            .map(|(id, _)| id);
        if let Some(vehicles) = self.vehicles_part(parent, known) {
            return self.child(vehicles, label, value, at, level);
        }
        let existing = match known {
            Some(id) => self.nodes[parent].child_by_id.get(id).copied(),
            None if self.nodes[parent].open_list && !self.off_list(parent, &label.text) => {
                self.child_with_label(parent, &label.text)
            }
            None if self.takes_listed_item(parent, &label.text) => {
                self.listed_item(parent, &label.text)
            }
            None if self.takes_unknown_in_doubt(parent, &label.text) => {
                self.doubt(parent, Doubt::List);
                self.child_with_label(parent, &label.text)
            }
            None => return None,
        };
        if known.is_some() && self.has_function_classes(parent) {
            // Its list is by function class: an item of another split (基本支出…) is the same money again.
            return None;
        }
        match existing {
            Some(existing) => self.item_printed_again(existing, label, value, at, level),
            None => self.new_child(parent, known, label, value, at, level),
        }
    }

    /// An item its parent already has, printed again: last year's figure of it, or the same item restated
    /// (with another value only under the same name and in the same context).
    fn item_printed_again(
        &mut self,
        existing: usize,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        let built = &self.nodes[existing];
        if is_prior_year(built, label) {
            return self.set_prior(existing, value, at);
        }
        if built.year.is_some() && label.year.is_some() && built.year != label.year {
            return None;
        }
        // `批准的…一般公共预算收入为3522万元` and `全镇一般公共预算收入4402万元` both end in a known
        // item's name, yet differ in value and in name: two quantities, not one printed twice.
        // A label that only says money was put somewhere (`投入`, `提高到`) names no quantity: two values under
        // it are two programmes or standards.
        if built.node.amount.0 != value
            && (names_nothing(&label.text)
                || !same_item_name(&built.printed, &label.text)
                || !self.same_context(existing, &label.text))
        {
            return None;
        }
        restate(&mut self.nodes[existing].node, value, at);
        self.nodes[existing].mention_level = level;
        Some(existing)
    }

    /// A new item under `parent`: the vocabulary's `known` id, or a fresh one from its label.
    pub(super) fn new_child(
        &mut self,
        parent: usize,
        known: Option<&str>,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        if self.nodes.len() >= MAX_NODES || self.depth(parent) + 1 >= MAX_DEPTH {
            return None;
        }
        let id = match known {
            Some(id) => id.to_string(),
            None => self.fresh_id(parent, standard_id(&label.text)),
        };
        let schema = known.and_then(|id| {
            let parent_schema = self.nodes[parent].schema.as_deref()?;
            Some(format!("{parent_schema}/{id}"))
        });
        let mut node = Node::new(id, label.text.clone(), value);
        node.code = label.code.clone();
        node.at = Some(at);
        let open_list = known.is_none();
        let index = self.push(node, Some(parent), schema, open_list);
        self.nodes[index].free = self.nodes[parent].free;
        self.nodes[index].mention_level = level;
        self.nodes[index].printed = label.text.clone();
        self.nodes[index].year = label.year;
        Some(index)
    }

    /// `公务用车购置费` after `公务用车购置及运行维护费` among the 三公 items: a part of that item, not a fourth
    /// item beside it (the same money counted twice).
    fn vehicles_part(&self, parent: usize, known: Option<&str>) -> Option<usize> {
        let three_public = self.nodes[parent].schema.as_deref() == Some("three_public");
        let part = matches!(known, Some("vehicle_purchase" | "vehicle_operation"));
        let vehicles = self.nodes[parent].child_by_id.get("vehicles").copied();
        vehicles.filter(|_| three_public && part)
    }

    /// An item a known total takes from its own list (see [`Assembler::takes_listed_item`]). The vocabulary has
    /// no classes under 支出总计: that they are its whole split is read from the list alone, and texts often list
    /// the main classes only (`其中：一般公共服务支出…，农林水支出…`, the smaller ones left out): such a list is in
    /// doubt, its sums warnings at most.
    fn listed_item(&mut self, parent: usize, label: &str) -> Option<usize> {
        if is_function_class(label) {
            self.doubt(parent, Doubt::List);
        }
        self.child_with_label(parent, label)
    }

    /// Items a known total takes only in its own `其中:` list, where the text says they are its parts:
    /// - `(二)支出预算:…777.03万元，其中:教育支出预算614.70万元，…`: a 支出总计 whose list names function
    ///   classes takes them — unless it has items of another split (基本支出, 项目支出…): the same money split
    ///   twice is not one list;
    ///   The same for its 本年支出 (`本年支出…。支出具体情况如下：1.社会保障和就业支出…`);
    /// - `“三公”经费决算数合计为1000.86万，其中:…公务接待费43.77万元、会议费34.10万元、培训费51.37万元`: a 三公
    ///   total the text counts with 会议费 and 培训费 (reported beside the 三公) takes them.
    fn takes_listed_item(&self, parent: usize, label: &str) -> bool {
        let built = &self.nodes[parent];
        // 本年支出 takes the classes listed for its total (see [`super::current_year`]).
        let lister = match built.schema.as_deref() {
            Some("expenditure/current_year") => built.parent.unwrap_or(parent),
            _ => parent,
        };
        let listed = self
            .stack
            .last()
            .is_some_and(|open| open.node == lister && open.explicit);
        let takes = match built.schema.as_deref() {
            Some("expenditure" | "expenditure/current_year") => {
                is_function_class(label)
                    && built
                        .children
                        .iter()
                        .all(|&c| self.nodes[c].schema.is_none())
            }
            Some("three_public") => ["会议费", "培训费"].contains(&label),
            _ => false,
        };
        listed && takes
    }

    /// `收入总计60.07亿元，其中:一般公共预算收入…，上级补助收入…，债务转贷收入5.75亿元，调入资金0.12亿元…`: a
    /// known total's own `其中:` list goes on with names of money the vocabulary does not know (a government's
    /// 收入总计 lists its balance terms). They are its items, but the list is no longer one the vocabulary
    /// vouches for: `doubt: ["list"]`, so its sums are warnings at most. Not in the 三公's closed list.
    fn takes_unknown_in_doubt(&self, parent: usize, label: &str) -> bool {
        let listed = self
            .stack
            .last()
            .is_some_and(|open| open.node == parent && open.explicit);
        // The 三公 are three kinds by rule: another name in their list is one of them printed otherwise
        // (`国内接待费`), not a fourth.
        let closed = self.nodes[parent]
            .schema
            .as_deref()
            .is_none_or(|s| s.starts_with("three_public"));
        // A name an outer open total knows (`其他收入` after `事业收入…其中…`) is that total's item.
        let known_outside = self.stack.iter().any(|open| {
            let schema = self.nodes[open.node].schema.as_deref();
            schema.is_some_and(|s| child_of(s, label).is_some())
        });
        listed
            && !closed
            && !known_outside
            && !self.off_list(parent, label)
            && root_of(label).is_none()
            && free::is_free_label(label)
            && !self.has_function_classes(parent)
    }

    fn has_function_classes(&self, parent: usize) -> bool {
        let built = &self.nodes[parent];
        built.schema.as_deref() == Some("expenditure")
            && built
                .children
                .iter()
                .any(|&c| is_function_class(&self.nodes[c].node.label))
    }

    /// Labels an open list does not take: a list by function class (类) has no 基本支出 or 项目支出 and no
    /// income among its classes (`一般公共预算支出…其中：基本支出…，项目支出…` splits the same total another way).
    /// Nor, in any open list, a total of another budget than the list's total (see [`super::funds`]).
    pub(super) fn off_list(&self, parent: usize, label: &str) -> bool {
        let by_function =
            (self.nodes[parent].schema.as_deref()).is_some_and(|s| kinds::BY_FUNCTION.contains(&s));
        // Nor income of any kind: `…地方一般公共预算收入1439.05亿元` after a spending total is not a class,
        // nor are `收入总量` (a balance total) or `国税税收`.
        let another_split = by_function
            && (kinds::splits_total_by_kind(label)
                || kinds::is_economic_category(label)
                || label.contains("收入")
                || label.ends_with("税收"));
        another_split || self.another_fund(parent, label)
    }

    pub(super) fn child_with_label(&self, parent: usize, label: &str) -> Option<usize> {
        let built = &self.nodes[parent];
        if let Some(&child) = built.child_by_label.get(label) {
            return Some(child);
        }
        let schema = built.schema.as_deref()?;
        let (id, _) = child_of(schema, label)?;
        built.child_by_id.get(id).copied()
    }

    /// A sibling id: the standard one if free, else `item<n>`.
    pub(super) fn fresh_id(&self, parent: usize, standard: Option<&str>) -> String {
        let taken = &self.nodes[parent].child_by_id;
        if let Some(id) = standard.filter(|id| !taken.contains_key(*id)) {
            return id.to_string();
        }
        let mut n = self.nodes[parent].children.len() + 1;
        loop {
            let id = format!("item{n}");
            if !taken.contains_key(&id) {
                return id;
            }
            n += 1;
        }
    }

    pub(super) fn push(
        &mut self,
        node: Node,
        parent: Option<usize>,
        schema: Option<String>,
        open_list: bool,
    ) -> usize {
        let index = self.nodes.len();
        if parent.is_none() {
            self.root_ids.insert(node.id.clone());
        }
        if let Some(p) = parent {
            let parent = &mut self.nodes[p];
            parent.items_sum.add(&node.amount.0);
            parent.unknown_items |= schema.is_none();
            parent.children.push(index);
            parent
                .child_by_label
                .entry(node.label.clone())
                .or_insert(index);
            parent.child_by_id.insert(node.id.clone(), index);
        }
        self.nodes.push(Built {
            node,
            parent,
            children: Vec::new(),
            schema,
            open_list,
            mention_level: None,
            child_by_label: BTreeMap::new(),
            child_by_id: BTreeMap::new(),
            printed: String::new(),
            year: None,
            context: self.context_here(),
            sentence: self.sentence_index,
            of_which: false,
            free: false,
            fallback: false,
            list_ended: false,
            items_sum: Sum::default(),
            unknown_items: false,
            open_ended: false,
        });
        index
    }

    pub(super) fn depth(&self, mut node: usize) -> usize {
        let mut depth = 1;
        while let Some(p) = self.nodes[node].parent {
            depth += 1;
            node = p;
        }
        depth
    }

    pub(super) fn path(&self, mut node: usize) -> String {
        let mut ids = vec![self.nodes[node].node.id.as_str()];
        while let Some(p) = self.nodes[node].parent {
            ids.push(self.nodes[p].node.id.as_str());
            node = p;
        }
        ids.reverse();
        ids.join("/")
    }

    pub(super) fn finish(&mut self, index: usize) -> Node {
        let children = std::mem::take(&mut self.nodes[index].children);
        let some_parts = self.names_some_parts(index, &children);
        let items: Vec<Node> = children.into_iter().map(|c| self.finish(c)).collect();
        let placeholder = Node::new("", "", Decimal::ZERO);
        let mut node = std::mem::replace(&mut self.nodes[index].node, placeholder);
        // `政府采购支出总额…，其中授予中小企业合同金额…`, `…支出949.49亿元，其中，民生支出666.1亿元`: one item
        // that is not the whole names a part of its total ("of which"), never its whole breakdown — nothing
        // says the other parts were printed (a breakdown of one item would print the same figure twice). The
        // same for a list the words introduce as a selection (see [`super::selective`]). Items that add up to
        // the total (within their rounding) are its whole all the same.
        let built = &self.nodes[index];
        let may_go_on = items.len() == 1 || (built.open_ended && !items.is_empty()) || some_parts;
        // A total printed in a larger unit (`2.08亿元` over `1344万元`…) is known to its printed precision.
        let printing = self
            .coarse
            .get(&index)
            .and_then(|(at, p)| (node.at == Some(*at)).then(|| p.printing()).flatten());
        let whole = built.items_sum.adds_up_to(&node.amount.0)
            || printing.is_some_and(|p| {
                let half = p.half_unit(node.amount.0, self.unit);
                built.items_sum.adds_up_within(&node.amount.0, half)
            });
        if may_go_on && !whole {
            node.partial = true;
        }
        // A figure printed in a larger unit (`2.08亿元`) than it can be exact in says how it was printed, while
        // it is still the figure read there; its items (`1344万元`…) are then checked at its precision.
        if printing.is_some() && node.printed.is_none() {
            node.printed = self.coarse.get(&index).map(|(_, p)| p.clone());
        }
        node.items = items;
        node.label = printed_label(&node.label);
        node
    }
}

/// Whether a later printing (label, value) can be the same figure as a node: the same year when both print
/// one, and, for a different value, the same name. Keyword roots (`收入`, `三公`) match many quantities of a
/// jurisdiction's report (全区 and 区本级, each fund's 收入合计); only the same name proves the same figure.
fn same_quantity(built: &Built, label: &Label, value: Decimal) -> bool {
    let same_year = match (built.year, label.year) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    same_year && (built.node.amount.0 == value || same_scope(&built.printed, &label.text))
}

/// Words of money brought into a year from before it or from other funds: counted in a grand total (`收入总计`),
/// not in the year's own total (`收入合计`, `本年收入合计`).
const BROUGHT_IN: [&str; 5] = ["上年结转", "年初结转", "上年结余", "调入资金", "结转结余"];

impl Assembler<'_> {
    /// `收入总计A` and `收入合计B` (or the other way round) with two values, in a text that prints a non-zero
    /// carry-over or balance brought in (`上年结转`, `年初结转和结余`, `调入资金`…) as an item of the total or a
    /// figure of its own: the grand total, which counts it, and the year's own total, which does not — two
    /// quantities, never one figure printed twice with two values. Without such a figure the two names are one
    /// total (a one-cent difference between them is a real discrepancy).
    fn grand_and_sub_total(&self, existing: usize, label: &Label) -> bool {
        let printed = self.nodes[existing].printed.as_str();
        let grand = |l: &str| l.ends_with("总计");
        let sub = |l: &str| l.ends_with("合计");
        let two_names =
            (grand(printed) && sub(&label.text)) || (sub(printed) && grand(&label.text));
        let brought_in = |n: usize| {
            let built = &self.nodes[n];
            !built.node.amount.0.is_zero() && BROUGHT_IN.iter().any(|w| built.printed.contains(w))
        };
        let among_items = self.nodes[existing].children.iter().any(|&c| brought_in(c));
        two_names && (among_items || self.roots.iter().take(64).any(|&r| brought_in(r)))
    }
}

/// `收入合计`, `支出合计`, `合计` closing an enumeration in its sentence (`政府性基金支出83173万元，调出资金…，
/// 支出合计101788万元`): the sum of the amounts just before it, not the document's total printed again.
fn is_section_subtotal(label: &str) -> bool {
    ["收入合计", "支出合计", "合计"].contains(&label)
}

/// `2015年…57.55万元` after `2016年…33万元` under the same name: the year before the node's, so its prior
/// (`prior`), not a restatement.
fn is_prior_year(built: &Built, label: &Label) -> bool {
    let previous = matches!((built.year, label.year), (Some(a), Some(b)) if b + 1 == a);
    previous && same_scope(&built.printed, &label.text)
}

/// `人均…`, `车均…`, `生均…`, a standard `…每人每年`: a figure per head (per car, per student), not a sum of
/// money. Two of them (two programmes' standards, two groups') are never items of a total.
fn is_per_unit(label: &str) -> bool {
    const PER: [&str; 11] = [
        "人均", "车均", "生均", "户均", "次均", "亩均", "每人", "每生", "每户", "每亩", "每名",
    ];
    PER.iter().any(|w| label.contains(w))
}
