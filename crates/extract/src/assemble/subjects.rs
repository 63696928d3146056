//! Subjects: the node a share, change, rate or budget is about.

use super::*;
use budget_lens_core::report::RestatedFigure;

impl Assembler<'_> {
    pub(super) fn share(
        &mut self,
        subject: &Subject,
        base: Option<&str>,
        figure: usize,
        state: &mut SentenceState,
    ) {
        let Some(target) = self.resolve(subject, state) else {
            state.problem = true;
            return;
        };
        let parent = self.nodes[target].parent;
        let mut unprinted = None;
        let share_of = match base {
            None if parent.is_some() => None,
            None => {
                state.problem = true;
                return;
            }
            // `全市一般公共预算支出…其中,民生支出…,占一般公共预算支出的81.2%`: the base names the item's own
            // total (its label ends with the base's name), whatever other total the name also fits.
            Some(base) if parent.is_some_and(|p| self.nodes[p].node.label.ends_with(base)) => None,
            Some(base) => match self.resolve_base(base, state) {
                Some(b) if Some(b) == parent => None,
                // A share of the whole by a generic name no node carries (`占总支出决算的70.16%` in the items
                // of 三公经费): the whole is the list's total, a guess that the doubt names.
                None if parent.is_some() && names_a_whole(base) => {
                    self.doubt(target, Doubt::Subject);
                    None
                }
                Some(b) if b != target => {
                    // `一般性公共服务支出37153万元，占全年总支出的13.37%` with the item in another list than
                    // 总支出's: the text's base and the item's place disagree, and either may be the guess.
                    self.doubt(target, Doubt::Subject);
                    Some(self.path(b))
                }
                // A share of a total the text names but never prints (`(三)卫生健康支出类科目43897.73元，占支出
                // 总预算4.04%`): kept by the base's name; the checker takes consecutive shares of it that add up
                // to 100% as its whole (`share_base`, docs/FORMAT.md).
                None => {
                    unprinted = Some(base.to_string());
                    None
                }
                _ => {
                    state.problem = true;
                    return;
                }
            },
        };
        let value = self.percent(figure);
        let at = self.span(figure);
        self.set(state, figure, Some(target), |n| {
            let done = set_once(&mut n.share, &mut n.spans.share, value, at);
            if done {
                n.share_of = share_of;
                n.share_base = unprinted;
            }
            done
        });
    }

    /// The node a share's base names: `收入总计`, `基本支出预算`, `一般公共预算支出`…
    pub(super) fn resolve_base(&self, base: &str, state: &SentenceState) -> Option<usize> {
        // `占一般公共预算支出的比重达80.2%`: the base is what the 比重 is of.
        let base = ["的比重达", "的比重为", "的比重", "比重达", "比重为", "比重"]
            .iter()
            .find_map(|s| base.strip_suffix(s))
            .unwrap_or(base);
        let subject = Subject::Named(base.to_string());
        self.resolve(&subject, state).or_else(|| {
            let shorter = ["预算数", "预算", "总额", "合计", "的比重", "比重"]
                .iter()
                .find_map(|s| base.strip_suffix(s))?;
            self.resolve(&Subject::Named(shorter.to_string()), state)
        })
    }

    /// The node a change, rate or budget is about.
    pub(super) fn resolve(&self, subject: &Subject, state: &SentenceState) -> Option<usize> {
        match subject {
            Subject::Implicit => state.last_node,
            Subject::Paired(i) => self.last_pair.get(*i).copied().flatten(),
            Subject::Named(text) => self
                .resolve_named(text)
                .or_else(|| Self::named_in_passing(text, state.last_node, &self.nodes)),
        }
    }

    /// `累计完成税收收入36552万元，…，税收占财政总收入的比重为53.79%`: a subject that is the start of the money
    /// name of the figure stated last in the sentence (`税收` for `…税收收入`) is that figure.
    fn named_in_passing(text: &str, last: Option<usize>, nodes: &[Built]) -> Option<usize> {
        let node = last?;
        let label = &nodes.get(node)?.node.label;
        let found = label.find(text)?;
        let rest = &label[found + text.len()..];
        let money_name = ["收入", "支出", "费"].contains(&rest);
        (text.chars().count() >= 2 && money_name).then_some(node)
    }

    pub(super) fn resolve_named(&self, text: &str) -> Option<usize> {
        if let Some(root) = root_of(text) {
            // `全市一般公共预算支出128.01亿元。其中,民生支出…,占(全市)一般公共预算支出的85.7%`: the open total
            // printed with that name (a city's, a free root), not the root of the name (the province's).
            let open = self.stack.iter().rev().map(|o| o.node).find(|&n| {
                let built = &self.nodes[n];
                built.printed.ends_with(text) || built.node.label == text
            });
            return open.or_else(|| self.root_by_id.get(root.id).copied());
        }
        match text {
            "收入" | "本年收入" => return self.root_by_id.get("income").copied(),
            "支出" | "本年支出" => {
                let spending = self
                    .current_root
                    .filter(|&r| self.nodes[r].node.id != "income");
                return spending.or_else(|| self.root_by_id.get("expenditure").copied());
            }
            _ => {}
        }
        if let Some(free) = self.free_named(text) {
            return Some(free);
        }
        for open in self.stack.iter().rev() {
            let built = &self.nodes[open.node];
            if same_name(&built.node.label, text) {
                return Some(open.node);
            }
            if let Some(child) = self.child_with_label(open.node, text) {
                return Some(child);
            }
            // `项目` for `项目支出`: a label's beginning names it. Only the first items are looked at, which
            // keeps this constant time on huge lists.
            let by_beginning = built
                .children
                .iter()
                .take(256)
                .find(|&&c| self.nodes[c].node.label.starts_with(text));
            if let Some(&child) = by_beginning {
                return Some(child);
            }
        }
        if let Some(root) = self.current_root {
            return self
                .known_parent_in(root, text)
                .and_then(|parent| self.child_with_label(parent, text));
        }
        self.sibling_named(text)
            .or_else(|| self.known_item_of_a_root(text))
    }

    /// `二、…决算情况 … 其中公务接待较上年同期减少0.58万元` after a heading of the same level closed every list: the
    /// one item of a root printed earlier that the vocabulary names so (the first roots only: constant time).
    fn known_item_of_a_root(&self, text: &str) -> Option<usize> {
        let mut items = self.roots.iter().take(64).filter_map(|&root| {
            let parent = self.known_parent_in(root, text)?;
            self.child_with_label(parent, text)
        });
        match (items.next(), items.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// `(一)因公出国(境)费支出0万元。…因公出国(境)费支出决算比预算数增加0万元` after a heading closed the
    /// total: an item of the same list as the innermost open item, named as printed (without a phase word).
    fn sibling_named(&self, text: &str) -> Option<usize> {
        let open = self.stack.last()?;
        let parent = self.nodes[open.node].parent?;
        self.nodes[parent]
            .children
            .iter()
            .take(256)
            .find(|&&c| same_name(&self.nodes[c].node.label, text))
            .copied()
    }

    /// The free root a name names: the one printed with that name, else the only one whose name ends with it
    /// (`一般公共预算收入` for `地方一般公共预算收入`). Only the first free roots are looked at, which keeps
    /// this constant time on texts with thousands of them.
    pub(super) fn free_named(&self, text: &str) -> Option<usize> {
        if let Some(&free) = self.free_by_label.get(text) {
            return Some(free);
        }
        let mut ending = self
            .free_by_label
            .iter()
            .take(256)
            .filter(|(label, _)| label.ends_with(text))
            .take(2);
        match (ending.next(), ending.next()) {
            (Some((_, &only)), None) if !text.is_empty() => Some(only),
            _ => None,
        }
    }

    /// `年初预算数x万元`: the budget of the node it names, or of the amount printed next.
    pub(super) fn budget(&mut self, subject: &Subject, figure: usize, state: &mut SentenceState) {
        if *subject == Subject::Implicit && self.class_item_budget(figure, state) {
            return;
        }
        let target = self.resolve(subject, state);
        if let (None, Subject::Named(name)) = (target, subject) {
            // `因公出国(境)费预算数1万元，决算数0.5万元`: the figure it budgets comes next.
            state.pending_budget = Some((name.clone(), figure));
            return;
        }
        let value = self.money(figure);
        let at = self.span(figure);
        if self.set(state, figure, target, |n| {
            set_once(&mut n.budget, &mut n.spans.budget, value, at)
        }) && matches!(subject, Subject::Named(_))
        {
            state.budgeted = target;
        }
    }

    /// `增加x万元`: the change of the node it names (and the prior printed before it in the sentence).
    pub(super) fn change(
        &mut self,
        subject: &Subject,
        figure: usize,
        sign: i8,
        state: &mut SentenceState,
    ) {
        // `与2021年度预算相比，增加0万元` in a final account, `与年初预算相比，增加…`: the lead-in clause compares with
        // the budget (see [`super::base_words`]).
        if self.against_budget_by_lead_in(figure, state) {
            return self.change_vs_budget(subject, figure, sign, state);
        }
        // `与2021年执行数相比…本级收入增加365万元`: a change against another figure of the year, which the report
        // has no place for; never last year's (a year-on-year rate would be checked against it). It and the
        // bare rate after it find no place.
        if self.against_another_base(figure, state) {
            state.problem = true;
            state.lost_change = true;
            state.against_other_base = true;
            state.change_target = None;
            return;
        }
        self.carry_subject(subject, state);
        let target = self.resolve(subject, state);
        let value = self.money(figure).map(|v| signed(v, sign));
        let target = self.total_of_comparison(target, value, RestatedFigure::Change, state);
        if self.printed_again_with_change(target, figure, value, RestatedFigure::Change, state) {
            return;
        }
        self.doubt_list_end_change(subject, target, state);
        let at = self.span(figure);
        let placed = self.set(state, figure, target, |n| {
            set_once(&mut n.change, &mut n.spans.change, value, at)
        });
        self.after_change(placed, target, state);
        if let Some(node) = target.filter(|_| placed) {
            state.changes.push((node, false));
        }
        if placed {
            if let Some(prior) = state.prior.take() {
                let value = self.money(prior);
                let at = self.span(prior);
                self.set(state, prior, target, |n| {
                    set_once(&mut n.prior, &mut n.spans.prior, value, at)
                });
            }
        }
    }

    /// `收入合计500万元,较上年减少10万元,下降1.96%` where the total already has its change (from its first
    /// printing, or from one change said of both totals: `收支较上年减少10万元…`): a total printed again in this
    /// sentence with its change or rate again (general pattern: a section restating a figure of the overview
    /// with the same comparison). Under the same own name it is that figure printed again, kept as a
    /// restatement of the change or rate whatever its value (see [`super::own_names`]), and the rate after it
    /// is the same total's. Under another name the same value is taken as said; another value is a second
    /// change the report has no place for: not taken (the sentence is kept unplaced), but the total printed
    /// again stays the figure stated last, so the `其中` list after it is still its. Whether the figure was
    /// dealt with here.
    fn printed_again_with_change(
        &mut self,
        target: Option<usize>,
        figure: usize,
        value: Option<Decimal>,
        of: RestatedFigure,
        state: &mut SentenceState,
    ) -> bool {
        let Some(node) = target else {
            return false;
        };
        if !self.comparison_printed_again(node, figure, value, of, state) {
            return false;
        }
        state.lost_change = false;
        state.change_target = Some(node);
        true
    }

    /// A change that found no place leaves no target for the bare rate after it: that rate is the lost change's
    /// (`A较上年增加1.68万元，其中B较上年减少0.58万元，减少4.68%`, B unknown: 4.68% is B's, never A's).
    /// A named subject whose change was already set keeps the rate's target as it was.
    fn after_change(&mut self, placed: bool, target: Option<usize>, state: &mut SentenceState) {
        state.lost_change = target.is_none();
        if placed || target.is_none() {
            state.change_target = target;
        }
    }

    /// A bare rate right after a change that found no place is that change's: it finds no place either.
    /// A rate with last year named in its own words (`比快报数增加20万元，比上年增长3.1%`) after a change against
    /// another figure of the year is no rate of that change (see [`super::base_words`]).
    fn rate_of_lost_change(
        &self,
        subject: &Subject,
        figure: usize,
        state: &mut SentenceState,
    ) -> bool {
        let own_base = state.against_other_base && self.names_last_year(figure, state);
        let lost = *subject == Subject::Implicit && state.lost_change && !own_base;
        if lost {
            state.problem = true;
        }
        lost
    }

    /// `增长x%`: the rate of the change stated last, or of the node it names.
    pub(super) fn change_pct(
        &mut self,
        subject: &Subject,
        figure: usize,
        sign: i8,
        state: &mut SentenceState,
    ) {
        if self.against_budget_by_lead_in(figure, state) {
            return self.change_vs_budget_pct(subject, figure, sign, state);
        }
        if self.rate_of_lost_change(subject, figure, state)
            || self.paired_rate(subject, figure, sign, state)
        {
            return;
        }
        self.carry_subject(subject, state);
        let target = match subject {
            Subject::Implicit => state.change_target.or(state.last_node),
            _ => self.resolve(subject, state),
        };
        let value = self.percent(figure).map(|v| signed(v, sign));
        let target = self.total_of_comparison(target, value, RestatedFigure::ChangePct, state);
        if self.printed_again_with_change(target, figure, value, RestatedFigure::ChangePct, state) {
            return;
        }
        if state.change_target.is_none() {
            self.doubt_list_end_change(subject, target, state);
        }
        let at = self.span(figure);
        let placed = self.set(state, figure, target, |n| {
            set_once(&mut n.change_pct, &mut n.spans.change_pct, value, at)
        });
        // `由上年的A增加到B,增长x%` (no change printed): last year's amount A, printed before the amount B,
        // goes with the rate (`B,比年初预算A…,下降x%` prints its A after B: a budget, not taken here).
        let before_amount = |at: Span, t: usize| {
            self.nodes[t]
                .node
                .at
                .is_some_and(|amount| at.start < amount.start)
        };
        // `B,较上年的A下降x%`: a prior printed after the amount whose own words name last year goes too.
        if placed {
            let prior = state.prior.map(|p| (p, self.span(p)));
            let last_years = |p: usize| self.names_last_year(p, state);
            if let Some((prior, at)) = prior
                .filter(|&(p, at)| target.is_some_and(|t| before_amount(at, t)) || last_years(p))
            {
                state.prior = None;
                let value = self.money(prior);
                self.set(state, prior, target, |n| {
                    set_once(&mut n.prior, &mut n.spans.prior, value, at)
                });
            }
        }
    }

    /// `比预算数减少x万元`, `较年初预算增加x万元`: the change against the budget of the node it names, else of
    /// the figure whose change was stated last (`A较上年减少x万元，较年初预算数减少y万元`), else of the figure
    /// stated last.
    pub(super) fn change_vs_budget(
        &mut self,
        subject: &Subject,
        figure: usize,
        sign: i8,
        state: &mut SentenceState,
    ) {
        self.carry_subject(subject, state);
        let target = match subject {
            Subject::Implicit => state.change_target.or(state.last_node),
            _ => self.resolve(subject, state),
        };
        self.doubt_list_end_change(subject, target, state);
        let sign = match sign {
            0 => target
                .and_then(|t| self.direction_from_budget(t))
                .unwrap_or(0),
            printed => printed,
        };
        let value = self
            .money(figure)
            .filter(|_| sign != 0)
            .map(|v| signed(v, sign));
        let at = self.span(figure);
        let placed = self.set(state, figure, target, |n| {
            set_once(
                &mut n.change_vs_budget,
                &mut n.spans.change_vs_budget,
                value,
                at,
            )
        });
        self.after_change(placed, target, state);
        if let Some(node) = target.filter(|_| placed) {
            state.changes.push((node, true));
        }
    }

    /// `年初预算为B万元，差值为C万元`: a gap printed without its direction goes the way the node's amount lies
    /// from its budget (only its size is the text's, and only its size is checked); none without both figures.
    fn direction_from_budget(&self, node: usize) -> Option<i8> {
        let node = &self.nodes[node].node;
        let budget = node.budget?.value();
        Some(if node.amount.value() < budget { -1 } else { 1 })
    }

    /// `…比预算数减少x万元，下降y%`: the rate of the change against the budget stated last.
    pub(super) fn change_vs_budget_pct(
        &mut self,
        subject: &Subject,
        figure: usize,
        sign: i8,
        state: &mut SentenceState,
    ) {
        if self.rate_of_lost_change(subject, figure, state) {
            return;
        }
        self.carry_subject(subject, state);
        let target = match subject {
            Subject::Implicit => state.change_target.or(state.last_node),
            _ => self.resolve(subject, state),
        };
        let value = self.percent(figure).map(|v| signed(v, sign));
        let at = self.span(figure);
        self.set(state, figure, target, |n| {
            set_once(
                &mut n.change_vs_budget_pct,
                &mut n.spans.change_vs_budget_pct,
                value,
                at,
            )
        });
    }

    /// `…用于保障机构运转的资金。较上年减少15.8万元，下降29.2%`: a change printed without subject before any
    /// amount of its sentence is about the previous sentence's topic (its first amount), in doubt.
    fn carry_subject(&mut self, subject: &Subject, state: &mut SentenceState) {
        // After a change of a subject that found no place (`收支较上年…增加418.97万元`), a rate is that
        // subject's, not the previous sentence's.
        let opens_sentence = state.last_node.is_none()
            && state.change_target.is_none()
            && !state.problem
            && self.amounts_in_sentence == 0;
        if *subject != Subject::Implicit || !opens_sentence {
            return;
        }
        if let Some(topic) = state.carried.take() {
            self.doubt(topic, Doubt::Subject);
            state.last_node = Some(topic);
        }
    }

    /// `…，其中：基本支出488180.64元，项目支出36849227元，同比增加27125219.46元`: a change with no subject
    /// after the last of several items listed in one sentence may be the item's or the total's. It goes to the
    /// item, in doubt.
    /// After `)` the words set the figure before `(` apart from the list around it (`…费995万元(其中…38万元，
    /// …958万元)，比上年下降26.24%`): the change is that figure's, without doubt.
    fn doubt_list_end_change(
        &mut self,
        subject: &Subject,
        target: Option<usize>,
        state: &SentenceState,
    ) {
        let implicit = *subject == Subject::Implicit && !state.after_paren;
        let Some(node) = target.filter(|_| implicit) else {
            return;
        };
        let Some(parent) = self.nodes[node].parent else {
            return;
        };
        let siblings = &self.nodes[parent].children;
        let last_of_several = siblings.len() >= 2 && siblings.last() == Some(&node);
        if last_of_several && self.amounts_in_sentence >= 3 {
            self.doubt(node, Doubt::Subject);
        }
    }

    /// `完成年初预算的x%`.
    pub(super) fn completion(
        &mut self,
        subject: &Subject,
        figure: usize,
        state: &mut SentenceState,
    ) {
        let target = self.resolve(subject, state);
        let value = self.percent(figure);
        let at = self.span(figure);
        self.set(state, figure, target, |n| {
            set_once(
                &mut n.completion_pct,
                &mut n.spans.completion_pct,
                value,
                at,
            )
        });
    }

    /// `持平`: a change of zero, printed in words.
    pub(super) fn no_change(
        &mut self,
        subject: &Subject,
        start: usize,
        end: usize,
        state: &mut SentenceState,
    ) {
        if let Some(target) = self.resolve(subject, state) {
            let at = self.span_of(start, end);
            let node = &mut self.nodes[target].node;
            if node.change.is_none() {
                node.change = Some(Amount(Decimal::ZERO));
                node.spans.change = Some(at);
            }
        }
    }

    /// `决算数小于预算数`: how the subject's final figure stands against its budget, said in words; the checker
    /// sets it against the two figures.
    pub(super) fn comparison(
        &mut self,
        subject: &Subject,
        said: Comparison,
        start: usize,
        end: usize,
        state: &mut SentenceState,
    ) {
        // In a numbered `(类)…(项)` paragraph: its item, which the heading names.
        let item = self.class_item_subject(subject);
        // `…支出决算为1.7万元。决算数小于预算数的主要原因是…`: the previous sentence's topic, in doubt.
        if item.is_none() {
            self.carry_subject(subject, state);
        }
        if let Some(target) = item.or_else(|| self.resolve(subject, state)) {
            let at = self.span_of(start, end);
            let node = &mut self.nodes[target].node;
            if node.comparison.is_none() {
                node.comparison = Some(said);
                node.spans.comparison = Some(at);
            }
        }
    }

    /// `无因公出国(境)费用`: an amount of zero, printed in words.
    pub(super) fn zero_in_words(
        &mut self,
        label: &Label,
        start: usize,
        end: usize,
        state: &mut SentenceState,
    ) {
        // Zero said in words counts only where the label is a known item (`无因公出国(境)费用`).
        let at = self.span_of(start, end);
        let taken_by = self.stack.iter().rev().find_map(|open| {
            let schema = self.nodes[open.node].schema.as_deref()?;
            child_of(schema, &label.text).map(|_| open.node)
        });
        if let Some(parent) = taken_by {
            let level = state.marker_level.take();
            if let Some(node) = self.child(parent, label, Decimal::ZERO, at, level) {
                state.last_node = Some(node);
                self.last_node = Some(node);
            }
        }
    }
}

/// A generic name of a whole (`总支出决算`, `支出总额`, `合计`), not the name of one quantity.
fn names_a_whole(base: &str) -> bool {
    let base = base.trim_end_matches(['的']);
    [
        "总支出",
        "总支出决算",
        "总支出预算",
        "支出总额",
        "总额",
        "合计",
        "总计",
    ]
    .contains(&base)
}

/// Whether a node's label names what a statement's subject names, a phase word at the end of either aside: an item printed as `公务接待费支出决算` is named
/// `公务接待费支出` where its change is stated (`公务接待费支出决算数比预算数减少…`).
fn same_name(label: &str, text: &str) -> bool {
    without_phase_word(label) == without_phase_word(text)
}

/// `公务接待费支出决算` → `公务接待费支出`.
fn without_phase_word(label: &str) -> &str {
    ["决算", "预算"]
        .iter()
        .find_map(|w| label.strip_suffix(w))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(label)
}
