//! Open lists: `其中:`/`包括:`/`(` open them; markers, sentence ends and cut-off texts close them.

use super::kinds::is_economic_kind;
use super::*;

/// Fewest letters of a sentence without figures that says what a following `其中:` lists.
const MIN_WORDS_ALONE: usize = 4;

/// Punctuation that closes a clause (an excerpt ending on anything else was cut off).
fn closes_clause(c: char) -> bool {
    "。.!?！？;；)）”\"".contains(c)
}

/// `支出分项目具体`, `支出按科目分列`, `收入按来源分`: the total named before the words that say how it is split
/// (general pattern of a list's heading: `<total>按<what>分列如下:`, `<total>分项目如下:`).
fn split_by_words(words: &str) -> Option<&str> {
    let at = words.find(['按', '分'])?;
    let (name, how) = words.split_at(at);
    let says_split = ["按", "分项", "分科目"].iter().any(|w| how.starts_with(w));
    (says_split && !name.is_empty()).then_some(name)
}

/// `11市`, `5个县`, `各市`, `各县区`: words naming the places of a whole.
fn names_places(words: &[char]) -> bool {
    let place = |c: &char| "市县区乡镇".contains(*c);
    let numeral = |c: &char| c.is_ascii_digit() || "一二三四五六七八九十两".contains(*c);
    words.windows(3).any(|w| {
        let counted = numeral(&w[0]) && (place(&w[1]) || (w[1] == '个' && place(&w[2])));
        counted || (w[0] == '各' && place(&w[1]))
    })
}

impl Assembler<'_> {
    /// An amount that found no place while a list is open may be one of its items: the list is then not
    /// known to be complete, and only Σitems ≤ total can be checked.
    /// A numbered item (`2、…`, a table row) that found no place counts too, whatever opened the list.
    pub(super) fn list_has_unplaced_item(&mut self, numbered: bool) {
        if let Some(open) = self.stack.last().filter(|o| o.explicit || numbered) {
            self.nodes[open.node].node.partial = true;
        }
    }

    /// `2、公务接待费 | 1114.54 | 989.86 |`: a numbered row of a table pasted as text whose cells (numbers
    /// without a unit) were not read. Only this sentence's characters are looked at.
    pub(super) fn is_unread_table_row(&self, sentence: &Sentence, figures: &[usize]) -> bool {
        let chars = self
            .text
            .chars
            .get(sentence.start..sentence.end)
            .unwrap_or_default();
        let cells = chars.iter().filter(|&&c| c == '|').count();
        let placed = figures.iter().any(|&f| self.consumed[f]);
        cells >= 2 && !placed && chars.iter().any(char::is_ascii_digit)
    }

    /// The text ends inside a clause (no closing punctuation): an excerpt cut off mid-sentence.
    pub(super) fn stops_mid_clause(&self) -> bool {
        let last = self.text.chars.iter().rev().find(|c| !c.is_whitespace());
        last.is_some_and(|c| !closes_clause(*c))
    }

    /// `…教育支出610万元，卫生健康支出390万元⏎（来源：…）`: the last figure's line ends without closing
    /// punctuation and no figure follows — the list it is an item of was cut off by the end of the excerpt
    /// (a byline or page debris after it): that list is partial.
    /// The line is read in the original text (normalising joins a line without closing punctuation to the next).
    pub(super) fn list_cut_at_last_figure(&mut self, original: &[char]) {
        let Some((figure, node)) = self.last_placed else {
            return;
        };
        let Some(f) = self
            .figures
            .get(figure)
            .filter(|_| figure + 1 == self.figures.len())
        else {
            return;
        };
        let (_, end) = self.text.original_span(f.start, f.end);
        let rest = original.get(end..).unwrap_or_default();
        let line_end = rest
            .iter()
            .take_while(|&&c| c != '\n')
            .filter(|c| !c.is_whitespace())
            .last();
        if line_end.is_some_and(|&c| closes_clause(c)) {
            return;
        }
        if let Some(parent) = self.nodes[node].parent {
            self.nodes[parent].node.partial = true;
        }
    }

    /// General pattern: a text that stops right after a numbered item of a list (`…支出分项目具体如下:1.…
    /// 7.城乡社区事务支出144.2万元，为调整预算的99.45%。` and nothing after it): an excerpt (a stored page, a pasted
    /// section) cut inside the list, which may go on beyond it. Where its items fall short of the total, the list
    /// is partial: only Σitems ≤ total is checked, so a list cut short is not called wrong (the price: a complete
    /// text whose very last list misses an item is not found either); a list that adds up or goes beyond its
    /// total is checked as ever.
    pub(super) fn numbered_list_at_text_end(&mut self) {
        let Some((_, node)) = self.last_placed else {
            return;
        };
        let built = &self.nodes[node];
        let last_sentence = built.sentence == self.sentence_index;
        let numbered = built.mention_level.is_some();
        let rest = self.text.chars.get(self.previous_end..).unwrap_or_default();
        if !(last_sentence && numbered && rest.iter().all(|c| c.is_whitespace())) {
            return;
        }
        let Some(parent) = built.parent else { return };
        // Only a list that falls short of its total: one that adds up (or goes beyond it) is checked as ever.
        let total = &self.nodes[parent];
        let short = total
            .items_sum
            .room_for(&Decimal::ZERO, &total.node.amount.0)
            && !total.items_sum.adds_up_to(&total.node.amount.0);
        if short {
            self.nodes[parent].node.partial = true;
        }
    }

    /// Whether the words between two sentences hold a sentence of their own about the places of the whole
    /// (`全省11市财政收入均实现增长。`, `各县区收入均有增长。`): a `其中:` after it lists those places' figures.
    /// An explanation (`由于…，主要税种增幅均有回升。其中,增值税…`) is none: its `其中` goes on the figure before.
    pub(super) fn sentence_without_figures(&self, start: usize, end: usize) -> bool {
        let end = end.min(self.text.chars.len());
        let words = self.text.chars.get(start.min(end)..end).unwrap_or_default();
        let last = words.iter().rev().find(|c| !c.is_whitespace());
        let letters = words.iter().filter(|c| c.is_alphabetic()).count();
        let sentence = last.is_some_and(|&c| "。！!".contains(c)) && letters >= MIN_WORDS_ALONE;
        sentence && names_places(words)
    }

    /// `收入具体情况如下:`: an opener after words naming a total (收入, 支出, a root's name) and no figure opens that
    /// total's list, not the list of the figure stated last (`…其中本年收入420万元…。收入具体情况如下`: the items
    /// that follow are the total's, 上年结转 among them).
    pub(super) fn opener_subject(&self, state: &SentenceState) -> Option<usize> {
        let words = self.words_before_opener(state)?;
        let words = words.trim_start_matches(|c: char| !c.is_alphanumeric());
        let name = ["具体情况", "情况", "具体", "明细"]
            .iter()
            .find_map(|s| words.strip_suffix(s))
            .or_else(|| split_by_words(words))?;
        let names_total = matches!(name, "收入" | "支出") || root_of(name).is_some();
        names_total.then(|| self.resolve_named(name)).flatten()
    }

    /// General pattern (部门预算/决算): `支出总预算A，基本支出B，项目支出C。(一)按支出功能分类科目划分，共分为1类，
    /// 其中：教育支出A` — words naming the classification by function (`功能分类`, `功能科目`) before the opener say
    /// its items are function classes of the spending total, which an economic kind (基本支出, 项目支出, 人员经费,
    /// 公用经费) stated last never has: the list is the kind's parent's (a second breakdown of it where the
    /// kinds already add up, see [`super::second_list`]).
    fn total_by_function(&self, words: &str) -> Option<usize> {
        if !["功能分类", "功能科目"].iter().any(|w| words.contains(w)) {
            return None;
        }
        let mut node = self.last_node?;
        while is_economic_kind(&self.nodes[node].node.label) {
            node = self.nodes[node].parent?;
        }
        (Some(node) != self.last_node).then_some(node)
    }

    /// The node whose list the function classes of `total` go in: `total` itself, or, where its items so far are
    /// economic kinds that add up to it, a second breakdown of the same figure (the classes would count the money
    /// twice beside them).
    fn breakdown_by_function(&mut self, total: usize) -> usize {
        let built = &self.nodes[total];
        let split_by_kind = !built.children.is_empty()
            && built
                .children
                .iter()
                .all(|&c| is_economic_kind(&self.nodes[c].node.label))
            && built.items_sum.adds_up_to(&built.node.amount.0);
        match split_by_kind {
            true => self.twin(total).unwrap_or(total),
            false => total,
        }
    }

    /// `其中:` / `包括:` as the words around it say: the total it names opens its list (else the figure stated
    /// last), a list that may not be whole if the words before it say so.
    pub(super) fn opener(&mut self, partial: bool, state: &SentenceState) {
        let by_function = self
            .words_before_opener(state)
            .and_then(|w| self.total_by_function(&w));
        if let Some(total) = by_function {
            self.last_node = Some(self.breakdown_by_function(total));
        } else if let Some(total) = self.opener_subject(state) {
            self.last_node = Some(total);
        } else if state.after_words_alone && state.figures.is_empty() {
            // `…民生支出1322.5亿元。全省11市财政收入均实现增长。其中:` — the list is what the sentence without
            // figures speaks of, not the figure before it: no known parent.
            self.last_node = None;
        }
        if let Some(node) = self.last_node.filter(|_| self.opener_selects(state)) {
            self.nodes[node].open_ended = true;
        }
        self.open(partial)
    }

    /// `其中:` / `包括:`: the figure stated last opens its list.
    /// A fallback root (see [`super::free`]) has no known parts: its `其中:` lists what no node is known to own.
    pub(super) fn open(&mut self, partial: bool) {
        let Some(node) = self.last_node.filter(|&n| !self.nodes[n].fallback) else {
            match self.prior_owner {
                Some(owner) => self.prior_list = Some(owner),
                None => self.void_list = true,
            }
            return;
        };
        if let Some(top) = self.stack.last_mut() {
            if top.node == node {
                top.partial |= partial;
                top.explicit = true;
                top.sentence = self.sentence_index;
                return;
            }
        }
        let deeper = self.stack.last().map_or(0, |o| o.level.saturating_add(1));
        let level = self.nodes[node].mention_level.unwrap_or(deeper.min(9));
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open {
                node,
                level,
                partial,
                explicit: true,
                by_mention: false,
                resumed: false,
                overflowed: false,
                paren: false,
                ends_with_sentence: false,
                took_item: false,
                sentence: self.sentence_index,
            });
        }
    }

    /// A `其中:` list ends with its sentence unless the next sentence continues it with a list marker
    /// (`1.` `①` `(一)`): `机构运行120.5元，其中：基本支出120.5元。其他支出30元…` does not nest 其他支出 under
    /// 机构运行. Lists opened by a mention (a root, a restated item) stay open until a heading closes them.
    /// A list that continued into a later sentence (a `包括:` at a line's end, items after `；`) is not
    /// affected.
    pub(super) fn close_sentence_lists(&mut self) {
        while let Some(top) = self.stack.last_mut() {
            if !top.ends_with_sentence || top.paren {
                break;
            }
            // Items the total takes later are a second list (see [`super::second_list`]).
            self.nodes[top.node].list_ended = true;
            if top.by_mention {
                top.ends_with_sentence = false;
                top.explicit = false;
                break;
            }
            self.stack.pop();
        }
    }

    /// `(`: the figure stated last opens its list until `)`, even if it is open already.
    pub(super) fn open_paren(&mut self) {
        let Some(node) = self.last_node else { return };
        let level = self.stack.last().map_or(0, |o| o.level);
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open {
                node,
                level,
                partial: false,
                explicit: true,
                by_mention: false,
                resumed: false,
                // A fallback root's parenthesis lists nothing it takes.
                overflowed: self.nodes[node].fallback,
                paren: true,
                ends_with_sentence: false,
                took_item: false,
                sentence: self.sentence_index,
            });
        }
    }

    /// `)`: closes what the last `(` opened, and says whose list it was.
    pub(super) fn close_paren(&mut self) -> Option<usize> {
        let at = self.stack.iter().rposition(|o| o.paren)?;
        let owner = self.stack[at].node;
        self.stack.truncate(at);
        Some(owner)
    }

    /// A marker of `level` ends every open list at that level or deeper.
    pub(super) fn close_lists(&mut self, level: u8) {
        while self.stack.last().is_some_and(|o| o.level >= level) {
            self.stack.pop();
        }
        if self.stack.is_empty() {
            self.current_root = None;
            self.last_node = None;
        }
    }
}
