//! Statements → breakdowns: where each stated figure belongs.
//!
//! A root label (`收入总计`, `一般公共预算财政拨款支出`…) starts a breakdown. Items go to the innermost open
//! node that takes their label: a node is open while its list lasts — the root from its mention until the next
//! heading of its level, an item from `其中:`/`包括:` after it until the next marker of its level. Known nodes
//! take known labels only (`income` takes `事业收入`), open lists (function classes, 机关运行经费) take any.
//! A label already present is the same figure printed again (`restated`). Shares, changes, rates and budgets
//! attach to the figure they name, or else to the figure stated last in the sentence. A sentence with a
//! figure that found no place goes to `unplaced`, whole.
//!
//! This module reads the statements of each sentence in order; its parts do one job each: [`tree`] (roots,
//! items, restatements, priors), [`lists`] (which lists are open), [`subjects`] (what a share, change or rate
//! is about) and [`relations`] (identities across breakdowns, the nodes written out).

mod base_words;
mod by_kind;
mod class_path;
mod context;
mod current_year;
mod either_base;
mod free;
mod funds;
mod kinds;
mod lists;
mod not_items;
mod own_names;
mod part_within;
mod relations;
mod second_list;
mod section;
mod selective;
mod some_parts;
mod subjects;
mod taxes;
mod terms;
mod tree;

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::grammar::{Label, Sentence, Statement, Subject};
use super::normalize::Normalized;
use super::tokens::{Figure, FigureUnit};
use super::vocabulary::{
    child_of, is_function_class, names_nothing, root_of, same_item_name, same_scope, standard_id,
    Root, CHILDREN,
};
use budget_lens_core::report::{
    Amount, Comparison, Doubt, Node, Phase, Printed, Relation, Restatement, Span, Unit, Unplaced,
    MAX_DEPTH, MAX_NODES,
};
use second_list::Sum;

/// What the assembler made of the sentences.
pub struct Assembled {
    pub breakdowns: Vec<Node>,
    pub relations: Vec<Relation>,
    pub unplaced: Vec<Unplaced>,
    /// Money and percent figures printed in the text.
    pub figures: usize,
    /// How many of them the report holds.
    pub taken: usize,
}

/// Longest text of an unplaced sentence kept in the report (its span covers all of it).
const UNPLACED_CHARS: usize = 300;

/// A node under construction.
struct Built {
    node: Node,
    parent: Option<usize>,
    children: Vec<usize>,
    /// The schema path of a known node (`income/fiscal`), for its known children.
    schema: Option<String>,
    /// Takes items of any label.
    open_list: bool,
    /// The list-marker level of its latest mention.
    mention_level: Option<u8>,
    child_by_label: BTreeMap<String, usize>,
    child_by_id: BTreeMap<String, usize>,
    /// The label as first printed (cleaned) and its year: a later printing under another name or year is
    /// another quantity (`区本级…收入` after `全区…收入`, `2021年的…` after `2022年的…`), not a restatement.
    printed: String,
    year: Option<u16>,
    /// A free root or an item below one (see [`free`]): its lists are known only where the text marks them.
    free: bool,
    /// A free root the general fallback made (see [`free`]): its structure is unknown, it takes no items.
    fallback: bool,
    /// The part of the jurisdiction and the budget's section it was printed in (see [`context`]).
    context: context::Context,
    /// The sentence it was first printed in (see [`terms`]).
    sentence: usize,
    /// Its list was opened by `其中` (see [`some_parts`]).
    of_which: bool,
    /// A marked list of its items ended with its sentence: items taken later are a second list (see
    /// [`second_list`]).
    list_ended: bool,
    /// The sum of its items' amounts and the rounding their printed precision allows it (see [`second_list`]).
    items_sum: Sum,
    /// One of its items is not a part the vocabulary knows (an open list's, a free total's).
    unknown_items: bool,
    /// The words say its list may not be whole (`等` after its last item, `主要`/`重点` before it: see
    /// [`selective`]): partial unless its items add up to it.
    open_ended: bool,
}

/// A node whose list is open.
struct Open {
    node: usize,
    level: u8,
    /// Opened by `主要包括`: items found make it partial.
    partial: bool,
    /// Opened by `其中:`/`包括:` (not just by being mentioned): its items may carry labels that elsewhere
    /// name totals of their own (`本年收入合计`).
    explicit: bool,
    /// Opened by `(`: closed by `)`.
    paren: bool,
    /// Opened by `其中:` in this sentence and took an item in it: ends with the sentence (see
    /// [`Assembler::close_sentence_lists`]).
    ends_with_sentence: bool,
    /// Took an item in the current sentence.
    took_item: bool,
    /// The sentence it was opened in.
    sentence: usize,
    /// Opened by the mention of a total (a root, a restated item), not by `其中:`: a `其中:` list on it ends
    /// with its sentence, the mention's list does not.
    by_mention: bool,
    /// Items came after its list's sentence ended and were judged a second list or not (see [`second_list`]).
    resumed: bool,
    /// A free total's list refused an item that would take it beyond the total: it takes no more (see [`free`]).
    overflowed: bool,
}

/// Per-sentence state.
#[derive(Default)]
struct SentenceState {
    /// The sentence's characters in the normalised text.
    start: usize,
    end: usize,
    marker_level: Option<u8>,
    last_node: Option<usize>,
    change_target: Option<usize>,
    prior: Option<usize>,
    budget_lead_in: bool,
    /// Whether the budget lead-in read last names this year's budget, once its first figure decided it (see
    /// [`base_words`]).
    lead_in_this_years_budget: Option<bool>,
    /// The changes placed in the sentence, in order: (node, against the budget), for paired rates after them.
    changes: Vec<(usize, bool)>,
    /// A paired list of amounts was read in the sentence: paired rates are that list's.
    paired_amounts: bool,
    /// A budget printed before the figure it budgets: (label, figure).
    pending_budget: Option<(String, usize)>,
    /// The node whose budget was printed by name in this sentence (`一般公共预算财政拨款支出年初预算为…`).
    budgeted: Option<usize>,
    problem: bool,
    figures: Vec<usize>,
    /// `X由A调整为B`: (X, A) until B is read.
    pending_adjustment: Option<(String, usize)>,
    /// The node of the first amount placed in the sentence: its topic.
    first_node: Option<usize>,
    /// The previous sentence's topic, for a change printed without subject at the start of this one.
    carried: Option<usize>,
    /// The change stated last found no place (`其中公务接待较上年减少0.58万元` with an item no list has): the bare
    /// rate after it is that change's rate and finds no place either, never the rate of an earlier change.
    lost_change: bool,
    /// That lost change was against another figure of the year (see [`base_words`]).
    against_other_base: bool,
    /// A term of a balance was printed (`加上级补助收入…`): the amounts after it in the sentence are terms
    /// too (`加A，B，C，收入合计D`), not items of the total before them.
    in_balance: bool,
    /// `)` closed a list and no amount came after it: what follows is about the figure before `(`.
    after_paren: bool,
    /// A sentence without figures came right before this one (see [`Assembler::sentence_without_figures`]).
    after_words_alone: bool,
    /// Nodes whose amount this sentence prints again (see [`Assembler::printed_again_with_change`]).
    restated: Vec<PrintedAgain>,
    /// Changes and rates of a total printed again that differ from the ones it has: not taken, but no
    /// reason to forget the total (a `其中` list after it is still its).
    second_values: Vec<usize>,
}

/// A node's amount printed again in the sentence: under which label, where.
struct PrintedAgain {
    node: usize,
    label: Label,
    at: Span,
}

pub struct Assembler<'a> {
    text: &'a Normalized,
    figures: &'a [Figure],
    unit: Unit,
    phase: Option<Phase>,
    nodes: Vec<Built>,
    roots: Vec<usize>,
    root_by_id: BTreeMap<&'static str, usize>,
    stack: Vec<Open>,
    current_root: Option<usize>,
    heading_level: u8,
    last_node: Option<usize>,
    /// The figure stated last in a sentence that ended with `；`.
    after_semicolon: Option<usize>,
    /// The sentence read last ended with `；` (see [`Assembler::carryover_after_parts`]).
    follows_semicolon: bool,
    /// Carry-overs named beside a total after its parts: (total, carry-over, from last year).
    beside_carryovers: Vec<(usize, usize, bool)>,
    /// Parts of a total by level of government (see [`Assembler::level_part_of`]).
    level_parts: BTreeSet<usize>,
    /// A total split by level → the breakdown of its other items (see [`Assembler::split_by_level`]).
    level_twins: BTreeMap<usize, usize>,
    /// Nodes whose own amount was printed in a larger unit than it can be exact in (see
    /// [`Assembler::note_coarse`]): where, and how it was printed.
    coarse: BTreeMap<usize, (Span, Printed)>,
    /// The nodes of the last paired list (`收、支总计各是…`), `None` where one found no place.
    last_pair: Vec<Option<usize>>,
    consumed: Vec<bool>,
    unplaced: Vec<Unplaced>,
    /// `其中:` after a total that found no place: its items have no known parent until the sentence ends.
    void_list: bool,
    /// The figure placed last and its node (see [`Assembler::list_cut_at_last_figure`]).
    last_placed: Option<(usize, usize)>,
    /// Sentences read so far.
    sentence_index: usize,
    /// Amounts stated so far in the current sentence (this one included).
    amounts_in_sentence: usize,
    /// The node whose prior-year amount was printed last (`2021年的…合计807.95万`): a `其中:` after it lists
    /// the priors of its items.
    prior_owner: Option<usize>,
    /// The list opened by `其中:` after a prior-year total: its items set their priors.
    prior_list: Option<usize>,
    /// The last placed amount was a prior-year amount.
    placed_as_prior: bool,
    /// The amount being placed is a bound (`单价100万元(含)以上`): no fallback root (see [`free`]).
    amount_is_bound: bool,
    /// The amount being placed has its share of a named base stated right after it (`…支出A，占…的x%`, see
    /// [`not_items`]).
    amount_has_share: bool,
    /// The topic of the sentence just read (see [`SentenceState::carried`]).
    previous_topic: Option<usize>,
    /// The ids of all roots, known and free (a set: a fresh id is found in logarithmic time).
    root_ids: BTreeSet<String>,
    /// Free roots by their printed label (see [`free`]).
    free_by_label: BTreeMap<String, usize>,
    /// The breakdown by kind of each spending total by function class split so far (see [`by_kind`]).
    copies_by_kind: BTreeMap<usize, usize>,
    /// The item a numbered `(类)…(款)…(项)` heading names, for its paragraph (see [`class_path`]).
    class_item: Option<class_path::ClassItem>,
    /// The document's year, from its title.
    year: Option<i32>,
    /// A heading of selected items was read (see [`selective`]).
    selected: Option<selective::SelectedList>,
    /// Where the sentence read last ended: the words up to the next one are a heading the grammar read nothing
    /// from.
    previous_end: usize,
    /// The part of the jurisdiction and the budget's section the words read last name (see [`context`]).
    context: context::Context,
    /// The budget the current sentence's first amount is named for (see [`context`]).
    sentence_fund: Option<usize>,
    /// The part of the jurisdiction a sentence continuing the one before (`加上…，合计…`) is about, and the part
    /// the first amount of the sentence read last named (see [`context`]).
    sentence_part: Option<String>,
    previous_scope: Option<String>,
    /// A root printed as an item of the marked list (`其中:`) open in its sentence: (the list's total, the root,
    /// the sentence) (see [`terms`]).
    root_in_list: Option<(usize, usize, usize)>,
    /// A lead-in sentence compared the changes up to here with another figure of the year (see [`base_words`]).
    other_base_until: usize,
}

impl<'a> Assembler<'a> {
    pub fn new(
        text: &'a Normalized,
        figures: &'a [Figure],
        unit: Unit,
        phase: Option<Phase>,
    ) -> Self {
        Assembler {
            text,
            figures,
            unit,
            phase,
            nodes: Vec::new(),
            roots: Vec::new(),
            root_by_id: BTreeMap::new(),
            stack: Vec::new(),
            current_root: None,
            heading_level: 0,
            last_node: None,
            after_semicolon: None,
            follows_semicolon: false,
            beside_carryovers: Vec::new(),
            level_parts: BTreeSet::new(),
            level_twins: BTreeMap::new(),
            coarse: BTreeMap::new(),
            last_pair: Vec::new(),
            consumed: vec![false; figures.len()],
            unplaced: Vec::new(),
            void_list: false,
            sentence_index: 0,
            last_placed: None,
            amounts_in_sentence: 0,
            prior_owner: None,
            prior_list: None,
            placed_as_prior: false,
            amount_is_bound: false,
            amount_has_share: false,
            free_by_label: BTreeMap::new(),
            copies_by_kind: BTreeMap::new(),
            root_ids: BTreeSet::new(),
            previous_topic: None,
            class_item: None,
            year: None,
            selected: None,
            previous_end: 0,
            context: context::Context::default(),
            sentence_fund: None,
            sentence_part: None,
            previous_scope: None,
            root_in_list: None,
            other_base_until: 0,
        }
    }

    /// The year the document reports on (its title's): a figure labelled with an earlier year is a prior.
    pub fn in_year(mut self, year: Option<i32>) -> Self {
        self.year = year;
        self
    }

    pub fn run(mut self, sentences: &[Sentence], original: &[char]) -> Assembled {
        for sentence in sentences {
            self.sentence(sentence, original);
        }
        self.list_cut_at_last_figure(original);
        self.numbered_list_at_text_end();
        if self.stops_mid_clause() {
            // `1、因公出国(境)费0万元…从严从紧控制出`: the text was cut; the lists still open may go on.
            for open in &self.stack {
                self.nodes[open.node].node.partial = true;
            }
        }
        let relations = self.relations();
        let figures = self.figures.len();
        let taken = self.consumed.iter().filter(|&&c| c).count();
        // A second breakdown begun for a total split by level that took no item is none.
        let empty_twin = |r: &usize| {
            self.level_twins.values().any(|t| t == r) && self.nodes[*r].children.is_empty()
        };
        let roots: Vec<usize> = self
            .roots
            .iter()
            .copied()
            .filter(|r| !empty_twin(r))
            .collect();
        let breakdowns = roots.into_iter().map(|r| self.finish(r)).collect();
        Assembled {
            breakdowns,
            relations,
            unplaced: self.unplaced,
            figures,
            taken,
        }
    }

    /// Reads one sentence: its statements in order, then what its end closes and what it leaves unplaced.
    fn sentence(&mut self, sentence: &Sentence, original: &[char]) {
        let marker = match sentence.statements.first() {
            Some(Statement::Marker { level }) => Some(*level),
            _ => None,
        };
        let numbered = marker.is_some();
        self.note_heading(self.previous_end, sentence.start);
        let first_figure = sentence.statements.iter().find_map(figure_of);
        let words_end = first_figure
            .and_then(|f| self.figures.get(f))
            .map_or(sentence.end, |f| f.start);
        self.note_words_before(sentence, words_end);
        self.selected_list_goes_on(marker);
        let gap = (self.previous_end, sentence.start);
        self.previous_end = sentence.end;
        let mut state = self.begin_sentence(numbered);
        (state.start, state.end) = (sentence.start, sentence.end);
        state.after_words_alone = self.sentence_without_figures(gap.0, gap.1);
        for (i, statement) in sentence.statements.iter().enumerate() {
            if let Some(f) = figure_of(statement) {
                state.figures.push(f);
            }
            let next = sentence.statements.get(i + 1);
            self.amount_has_share = matches!(next, Some(Statement::Share { base: Some(_), .. }));
            self.statement(statement, &mut state);
        }
        self.previous_topic = state.first_node;
        let has_figures = sentence.statements.iter().any(|s| figure_of(s).is_some());
        if let (Some(level), false) = (state.marker_level, has_figures) {
            self.heading_level = level;
        } else if let (Some(level), true) = (marker, has_figures && state.first_node.is_some()) {
            // `二、分收入结构看:…税收收入A万元,…;…非税收入B万元…`: a section whose heading states figures is still
            // a section: totals mentioned after `;` in it are at its level, and `三、` ends their lists.
            self.heading_level = level;
        }
        // `主要支出科目情况:` on its own, or closing the sentence of the total: a heading of selected items.
        let after_figures = state.figures.last().and_then(|&f| self.figures.get(f));
        let words_from = after_figures.map_or(sentence.start, |f| f.end.max(sentence.start));
        self.note_heading(words_from, sentence.end);
        let ends_on_semicolon = self.text.chars.get(sentence.end.wrapping_sub(1)) == Some(&';');
        self.follows_semicolon = ends_on_semicolon;
        self.end_sentence_lists(ends_on_semicolon);
        let unread = state.figures.iter().any(|&f| !self.consumed[f]);
        if numbered && (unread || self.is_unread_table_row(sentence, &state.figures)) {
            // A numbered item or table row whose figures found no place: the list is not complete.
            self.list_has_unplaced_item(true);
        }
        if state.problem || unread {
            // What follows `其中:` after a sentence that found no place is not known to belong to anything.
            // A rate left over after every amount found its place (`…增长41.3%,…按同口径计算增长53.5%`: a
            // second rate on another basis) leaves the figure stated last where it was.
            let amount_unread = state.figures.iter().any(|&f| {
                !self.consumed[f]
                    && !state.second_values.contains(&f)
                    && self.figures.get(f).is_some_and(|f| f.unit.is_money())
            });
            if amount_unread || state.last_node.is_none() {
                self.last_node = None;
            }
            self.keep_unplaced(sentence, original);
        } else if ends_on_semicolon {
            self.after_semicolon = state.last_node;
        }
    }

    /// What the words before a sentence's first figure (`..words_end`) and its first label say about what
    /// follows: the part, budget, fund or level it is about, and the base of its comparisons.
    fn note_words_before(&mut self, sentence: &Sentence, words_end: usize) {
        let start = self.previous_end.min(sentence.start);
        self.note_context(start, words_end);
        self.note_sentence_fund(sentence);
        self.note_continued_scope(sentence);
        self.note_sentence_subject(sentence);
        self.note_sentence_level(sentence);
        self.note_other_base(start, words_end);
    }

    /// The state a sentence starts from; lists that ended with the previous sentence close unless this one
    /// continues them with a list marker.
    fn begin_sentence(&mut self, numbered: bool) -> SentenceState {
        self.sentence_index += 1;
        self.amounts_in_sentence = 0;
        self.void_list = false;
        self.prior_owner = None;
        self.prior_list = None;
        if !numbered {
            self.close_sentence_lists();
        }
        SentenceState {
            // After `；` the same subject goes on (`…教育支出1595.95万元；完成年初预算100%`).
            last_node: self.after_semicolon.take(),
            carried: self.previous_topic.take().filter(|_| !numbered),
            ..SentenceState::default()
        }
    }

    /// Marks the lists opened in this sentence that end with it (see [`Assembler::close_sentence_lists`]).
    fn end_sentence_lists(&mut self, ends_on_semicolon: bool) {
        let this_sentence = self.sentence_index;
        for open in &mut self.stack {
            let opened_here = open.sentence == this_sentence;
            open.ends_with_sentence |=
                opened_here && open.explicit && open.took_item && !ends_on_semicolon;
            if opened_here && ends_on_semicolon {
                // `其中：A 1万元；B 2万元。`: the items after `；` are the same sentence's.
                open.sentence += 1;
            }
            open.took_item = false;
        }
    }

    /// A sentence with a figure that found no place goes to `unplaced`, whole (its text shortened).
    fn keep_unplaced(&mut self, sentence: &Sentence, original: &[char]) {
        let (start, end) = self.text.original_span(sentence.start, sentence.end);
        let printed: String = original
            .get(start..end.min(original.len()))
            .unwrap_or_default()
            .iter()
            .take(UNPLACED_CHARS + 1)
            .collect();
        let mut printed = printed.trim().to_string();
        if printed.chars().count() > UNPLACED_CHARS {
            printed = printed.chars().take(UNPLACED_CHARS).collect::<String>() + "…";
        }
        self.unplaced.push(Unplaced {
            text: printed,
            at: Span { start, end },
        });
    }

    /// One statement of a sentence, in three kinds: the sentence's structure (list markers, openers,
    /// brackets), a figure's relation to its subject (changes, rates, shares, completion, comparisons), and
    /// the rest (amounts, budgets, lead-ins and headings that set what follows).
    fn statement(&mut self, statement: &Statement, state: &mut SentenceState) {
        match statement {
            Statement::Marker { .. }
            | Statement::Opener { .. }
            | Statement::ParenOpen
            | Statement::ParenClose => self.structure(statement, state),
            Statement::Change { .. }
            | Statement::ChangePct { .. }
            | Statement::ChangeVsBudget { .. }
            | Statement::ChangeVsBudgetPct { .. }
            | Statement::RateEitherBase { .. }
            | Statement::Share { .. }
            | Statement::Completion { .. }
            | Statement::NoChange { .. }
            | Statement::Comparison { .. } => self.about_subject(statement, state),
            // Listed one by one, so that a new kind of statement must be given its place here.
            Statement::Amount { .. }
            | Statement::PairedAmount { .. }
            | Statement::Budget { .. }
            | Statement::Prior { .. }
            | Statement::AdjustedFrom { .. }
            | Statement::ZeroInWords { .. }
            | Statement::MissingShare
            | Statement::LeadIn { .. }
            | Statement::SubjectHeading { .. }
            | Statement::ClassPath { .. } => self.figure_or_context(statement, state),
            Statement::Unknown { .. } => {}
        }
    }

    /// A list marker, an opener of a list, or a bracket.
    fn structure(&mut self, statement: &Statement, state: &mut SentenceState) {
        match statement {
            Statement::Marker { level } => {
                self.class_item = None;
                state.marker_level = Some(*level);
                self.close_lists(*level);
            }
            Statement::Opener { partial, of_which } => {
                self.opener(*partial, state);
                self.of_which(*of_which);
            }
            Statement::ParenOpen => self.open_paren(),
            Statement::ParenClose => {
                // What follows `)` is about the figure before `(` again.
                if let Some(owner) = self.close_paren() {
                    state.after_paren = true;
                    state.last_node = Some(owner);
                    self.last_node = Some(owner);
                }
            }
            // `statement` sends only the four kinds above here.
            _ => {}
        }
    }

    /// A figure that relates to a subject's amount: a change or rate (against last year or the budget), a
    /// share, a completion, no change, or a comparison in words.
    fn about_subject(&mut self, statement: &Statement, state: &mut SentenceState) {
        match statement {
            Statement::Change {
                subject,
                figure,
                sign,
            } => self.change(subject, *figure, *sign, state),
            Statement::ChangePct {
                subject,
                figure,
                sign,
            } => self.change_pct(subject, *figure, *sign, state),
            Statement::ChangeVsBudget {
                subject,
                figure,
                sign,
            } => self.change_vs_budget(subject, *figure, *sign, state),
            Statement::ChangeVsBudgetPct {
                subject,
                figure,
                sign,
            } => self.change_vs_budget_pct(subject, *figure, *sign, state),
            Statement::RateEitherBase { figure, sign } => {
                self.rate_either_base(*figure, *sign, state)
            }
            Statement::Share {
                subject,
                base,
                figure,
            } => self.share(subject, base.as_deref(), *figure, state),
            Statement::Completion { subject, figure } => self.completion(subject, *figure, state),
            Statement::NoChange {
                subject,
                start,
                end,
            } => self.no_change(subject, *start, *end, state),
            Statement::Comparison {
                subject,
                said,
                start,
                end,
            } => self.comparison(subject, *said, *start, *end, state),
            // `statement` sends only the kinds above here.
            _ => {}
        }
    }

    /// An amount (alone or one of a pair), a budget, a prior figure, or what sets the context of the figures
    /// after it (a lead-in, a heading, a class path).
    fn figure_or_context(&mut self, statement: &Statement, state: &mut SentenceState) {
        match statement {
            Statement::Amount { label, figure } => {
                let numbered = state.marker_level.is_some();
                if self.amount(label, *figure, state).is_none() {
                    self.list_has_unplaced_item(numbered);
                }
            }
            Statement::PairedAmount {
                label,
                figure,
                index,
            } => {
                if *index == 0 {
                    self.last_pair.clear();
                }
                state.paired_amounts = true;
                let node = self.amount(label, *figure, state);
                self.last_pair.push(node);
            }
            Statement::Budget { subject, figure } => self.budget(subject, *figure, state),
            Statement::Prior { figure } => self.compared_figure(*figure, state),
            Statement::AdjustedFrom { label, figure } => {
                state.pending_adjustment = Some((label.clone(), *figure));
            }
            Statement::ZeroInWords { label, start, end } => {
                self.zero_in_words(label, *start, *end, state)
            }
            Statement::MissingShare => state.problem = true,
            Statement::LeadIn { budget } => {
                state.budget_lead_in = *budget;
                state.lead_in_this_years_budget = None;
            }
            Statement::SubjectHeading { label } => self.heading(label, state),
            Statement::ClassPath { path } => self.class_path(path),
            // `statement` sends only the kinds above here.
            _ => {}
        }
    }

    /// Sets a figure on the target node; the figure counts as taken if it was set.
    fn set(
        &mut self,
        state: &mut SentenceState,
        figure: usize,
        target: Option<usize>,
        apply: impl FnOnce(&mut Node) -> bool,
    ) -> bool {
        let done = target.is_some_and(|t| apply(&mut self.nodes[t].node));
        if done {
            self.consumed[figure] = true;
        } else {
            state.problem = true;
        }
        done
    }

    fn amount(&mut self, label: &Label, figure: usize, state: &mut SentenceState) -> Option<usize> {
        state.lost_change = false;
        state.against_other_base = false;
        state.after_paren = false;
        let node = self.amount_node(label, figure, state);
        if let Some(node) = node {
            self.ends_with_etc(figure, node);
            self.counted_list(figure, node, state);
            if label.rose {
                self.risen_from(node, state);
            }
        }
        if node.is_none() {
            // What follows (`其中:`, a change, a rate) is about a figure that found no place: not about the
            // figure before it.
            state.last_node = None;
            state.change_target = None;
            self.last_node = None;
        }
        node
    }

    fn amount_node(
        &mut self,
        label: &Label,
        figure: usize,
        state: &mut SentenceState,
    ) -> Option<usize> {
        let value = self.money(figure)?;
        let at = self.span(figure);
        self.amount_is_bound = self.is_bound(figure);
        let level = state.marker_level.take();
        self.amounts_in_sentence += 1;
        if label.text.is_empty() {
            if let Some((name, from)) = state.pending_adjustment.take() {
                let node = self.adjusted(&name, (value, at, level), from, state)?;
                self.consumed[figure] = true;
                return Some(node);
            }
        }
        if let Some(node) = self.named_elsewhere(label, figure, state) {
            return Some(node);
        }
        let within = self.part_named_within(label, state);
        let label = self.as_balance_term(within.as_ref().unwrap_or(label), state);
        let pending = match budgeted_by_pending(&label, state.pending_budget.as_ref()) {
            true => state.pending_budget.take(),
            false => None,
        };
        let printed_as = match &pending {
            Some((name, _)) => Label {
                text: name.clone(),
                ..label.clone()
            },
            None => label.clone(),
        };
        let node = match &pending {
            // `决算数0.5万元` after `因公出国(境)费预算数1万元`: the amount of the budgeted label.
            Some((name, _)) => {
                let named = Label {
                    text: name.clone(),
                    ..label
                };
                self.place(&named, value, at, level)?
            }
            None => {
                self.placed_as_prior = false;
                self.place(&label, value, at, level)?
            }
        };
        self.consumed[figure] = true;
        self.last_placed = Some((figure, node));
        self.note_coarse(figure, node, at);
        let restatement = self.nodes[node].node.restated.last().and_then(|r| r.at);
        if restatement == Some(at) {
            state.restated.push(PrintedAgain {
                node,
                label: printed_as,
                at,
            });
        }
        if std::mem::take(&mut self.placed_as_prior) {
            // A change after it is about the node; a `其中:` after it lists its items' priors.
            state.last_node = Some(node);
            state.change_target = None;
            self.last_node = None;
            self.prior_owner = Some(node);
            return Some(node);
        }
        if let Some((_, budget)) = pending {
            let value = self.money(budget);
            let at = self.span(budget);
            self.set(state, budget, Some(node), |n| {
                set_once(&mut n.budget, &mut n.spans.budget, value, at)
            });
        }
        state.first_node.get_or_insert(node);
        state.last_node = Some(node);
        state.change_target = None;
        self.last_node = Some(node);
        Some(node)
    }

    /// `…由上年的A增加到B`, `…标准由每人每年A元提高到B元`: A, printed before B, is B's earlier amount (its prior),
    /// whether a rate follows or not.
    fn risen_from(&mut self, node: usize, state: &mut SentenceState) {
        let Some(prior) = state.prior.filter(|&p| self.figures.get(p).is_some()) else {
            return;
        };
        let before = self.nodes[node]
            .node
            .at
            .is_some_and(|amount| self.span(prior).start < amount.start);
        if before {
            state.prior = None;
            let (value, at) = (self.money(prior), self.span(prior));
            self.set(state, prior, Some(node), |n| {
                set_once(&mut n.prior, &mut n.spans.prior, value, at)
            });
        }
    }

    /// A bare amount (`支出决算为…`) whose subject another statement named: the numbered `(类)…(项)` heading
    /// of its paragraph, or the budget before it in the sentence.
    fn named_elsewhere(
        &mut self,
        label: &Label,
        figure: usize,
        state: &mut SentenceState,
    ) -> Option<usize> {
        if let Some(node) = self.class_item_amount(label, figure, state) {
            return Some(node);
        }
        let (value, at) = (self.money(figure)?, self.span(figure));
        let node = self.budgeted_amount(label, value, at, state)?;
        self.consumed[figure] = true;
        Some(node)
    }

    /// `一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元`: budget and actual in one
    /// sentence, the budget's subject named: the bare kind after it (`支出决算为`) is that node's amount printed
    /// again, not an item of its own.
    fn budgeted_amount(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        state: &mut SentenceState,
    ) -> Option<usize> {
        let node = state.budgeted?;
        let bare_kind = matches!(label.text.as_str(), "支出" | "收入");
        if !bare_kind || !same_kind(&self.nodes[node].node.label, &label.text) {
            return None;
        }
        state.budgeted = None;
        restate(&mut self.nodes[node].node, value, at);
        state.first_node.get_or_insert(node);
        state.last_node = Some(node);
        state.change_target = None;
        self.last_node = Some(node);
        Some(node)
    }

    /// `一般公共预算总收入由84.67亿元调整为107.78亿元`: the adjusted amount is a quantity of its own (not the
    /// original printed again), with the amount before the adjustment as its budget.
    /// A numbered adjusted amount is an item of the open list (`2.上级转移支付补助收入由…调整为…`).
    fn adjusted(
        &mut self,
        name: &str,
        (value, at, level): (Decimal, Span, Option<u8>),
        from: usize,
        state: &mut SentenceState,
    ) -> Option<usize> {
        let label = Label {
            text: name.to_string(),
            ..Label::default()
        };
        let item = level.and_then(|_| self.item_of_open_list(&label, value, at, level));
        let node = match item {
            Some(item) => item,
            None => self.adjusted_root(&label, value, at)?,
        };
        let budget = self.money(from);
        let budget_at = self.span(from);
        self.set(state, from, Some(node), |n| {
            set_once(&mut n.budget, &mut n.spans.budget, budget, budget_at)
        });
        state.first_node.get_or_insert(node);
        state.last_node = Some(node);
        state.change_target = None;
        self.last_node = Some(node);
        Some(node)
    }

    /// After a term of a balance (`加上级补助收入…`) the amounts of the sentence are terms too (`加A，B，C，
    /// 收入合计D`), except the items in a term's parenthesis (`(其中：返还性收入40万元…)`).
    fn as_balance_term(&self, label: &Label, state: &mut SentenceState) -> Label {
        state.in_balance |= label.balance_term;
        let in_paren = self.stack.last().is_some_and(|o| o.paren);
        Label {
            balance_term: label.balance_term || (state.in_balance && !in_paren),
            ..label.clone()
        }
    }

    /// `“三公”经费决算中，A…，B…`: the items that follow are the named total's, as after its `其中:`.
    fn heading(&mut self, label: &Label, state: &mut SentenceState) {
        let node = self.resolve_named(&label.text);
        // A heading naming no figure read (`全省11市财政收入均实现增长。其中:`): what follows is not the
        // figure stated before it.
        state.last_node = node;
        self.last_node = node;
        if node.is_some() {
            self.open(false);
        }
    }

    /// `100万元(含)以上`: an amount that bounds a class of things, not a sum of money.
    fn is_bound(&self, figure: usize) -> bool {
        let Some(end) = self.figures.get(figure).map(|f| f.end) else {
            return false;
        };
        let after_unit = self
            .text
            .chars
            .iter()
            .skip(end)
            .skip_while(|c| "亿万元".contains(**c));
        let next: String = after_unit.take(3).collect();
        next == "(含)"
    }

    /// `“三公”经费预算总额为2.08亿元,其中:…1344万元…` in a report in 万元: a node's own amount printed in a larger
    /// unit with fewer decimals than the conversion shifts (`20800`万元 for 2.08亿元 ± 0.005亿) is known only to
    /// its printed precision, half a unit of its last digit in that unit (50万元 here). The report says so in
    /// the node's `printed` (`"text": "2.08", "unit": "亿元", "decimals": 2`, no table), so that every rule
    /// holds the figure to that precision (docs/FORMAT.md, "A table in another unit").
    fn note_coarse(&mut self, figure: usize, node: usize, at: Span) {
        let Some(f) = self.figures.get(figure) else {
            return;
        };
        let Some(value) = f.value else {
            return;
        };
        let from = match f.unit {
            FigureUnit::YiYuan => Unit::YiYuan,
            FigureUnit::WanYuan => Unit::WanYuan,
            _ => return,
        };
        let shift = i64::from(from.exponent() - self.unit.exponent());
        if shift - i64::from(value.scale()) <= 0 || self.nodes[node].node.at != Some(at) {
            return;
        }
        let printed = Printed {
            text: value.abs().to_string(),
            unit: Some(from),
            decimals: Some(value.scale()),
            ..Printed::default()
        };
        self.coarse.insert(node, (at, printed));
    }

    fn money(&self, figure: usize) -> Option<Decimal> {
        let f = self.figures.get(figure)?;
        convert(f.value?, f.unit, self.unit)
    }

    fn percent(&self, figure: usize) -> Option<Decimal> {
        let f = self.figures.get(figure)?;
        (f.unit == FigureUnit::Percent).then_some(f.value).flatten()
    }

    fn span(&self, figure: usize) -> Span {
        self.figures
            .get(figure)
            .map_or(Span::default(), |f| self.span_of(f.start, f.end))
    }

    fn span_of(&self, start: usize, end: usize) -> Span {
        let (start, end) = self.text.original_span(start, end);
        Span { start, end }
    }
}

/// The figure a statement reads, if any.
fn figure_of(statement: &Statement) -> Option<usize> {
    match statement {
        Statement::Amount { figure, .. }
        | Statement::PairedAmount { figure, .. }
        | Statement::Budget { figure, .. }
        | Statement::Prior { figure }
        | Statement::AdjustedFrom { figure, .. }
        | Statement::Change { figure, .. }
        | Statement::ChangePct { figure, .. }
        | Statement::ChangeVsBudget { figure, .. }
        | Statement::ChangeVsBudgetPct { figure, .. }
        | Statement::RateEitherBase { figure, .. }
        | Statement::Share { figure, .. }
        | Statement::Completion { figure, .. }
        | Statement::Unknown { figure } => Some(*figure),
        _ => None,
    }
}

/// Whether an amount is the actual of the budget printed just before it: its label is empty (`预算数1万元，
/// 决算数0.5万元`) or the bare kind the budget's label ends with — budget and actual in one sentence
/// (`三公经费支出预算为3万元，支出决算为1.7万元`), or one naming the same standard total
/// (`三公经费支出预算为44.5万元，实际支出三公经费决算为22.6万元`).
/// Whether a bare `支出`/`收入` can be the budgeted node's kind: its label ends with it (`…财政拨款支出`), names
/// it before the phase (`公务接待费支出决算`), or names a cost (`公务接待费预算为A万元，支出决算为B万元`: a 三公 item
/// is spending) — never the other kind.
fn same_kind(node_label: &str, kind: &str) -> bool {
    if node_label.ends_with(kind) {
        return true;
    }
    let other = if kind == "支出" { "收入" } else { "支出" };
    let named = node_label.contains(kind) || (kind == "支出" && node_label.ends_with('费'));
    named && !node_label.contains(other)
}

fn budgeted_by_pending(label: &Label, pending: Option<&(String, usize)>) -> bool {
    let bare_kind = matches!(label.text.as_str(), "支出" | "收入");
    let same_root = |name: &str| {
        root_of(name).is_some_and(|r| root_of(&label.text).is_some_and(|l| l.id == r.id))
    };
    label.text.is_empty()
        || pending
            .is_some_and(|(name, _)| (bare_kind && same_kind(name, &label.text)) || same_root(name))
}

/// Sets a field that is still empty; a second value for the same field is not taken.
fn set_once(
    field: &mut Option<Amount>,
    span: &mut Option<Span>,
    value: Option<Decimal>,
    at: Span,
) -> bool {
    match (field.is_none(), value) {
        (true, Some(v)) => {
            *field = Some(Amount(v));
            *span = Some(at);
            true
        }
        _ => false,
    }
}

fn restate(node: &mut Node, value: Decimal, at: Span) {
    node.restated.push(Restatement {
        amount: Amount(value),
        at: Some(at),
        of: Default::default(),
    });
}

/// The value with the sign of its direction word. A fall of zero stays `0`: rust_decimal keeps the sign
/// of a negated zero, and the report would print `-0`.
fn signed(value: Decimal, sign: i8) -> Decimal {
    if sign < 0 && !value.is_zero() {
        -value
    } else {
        value
    }
}

/// Labels are matched with ASCII parentheses (as normalised) and written with full-width ones, as Chinese
/// texts print them.
fn printed_label(text: &str) -> String {
    text.replace('(', "（").replace(')', "）")
}

/// Converts an amount exactly between units, keeping its printed precision where the scale allows
/// (`881300.39元` → `88.130039万元`; `1.52亿元` → `15200万元`): core's [`convert`](budget_lens_core::report::convert).
pub fn convert(value: Decimal, from: FigureUnit, to: Unit) -> Option<Decimal> {
    let from = match from {
        FigureUnit::Yuan => Unit::Yuan,
        FigureUnit::WanYuan => Unit::WanYuan,
        FigureUnit::YiYuan => Unit::YiYuan,
        FigureUnit::Percent => return None,
    };
    budget_lens_core::report::convert(value, from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        budget_lens_core::report::parse_decimal(s).unwrap()
    }

    #[test]
    fn converts_exactly_keeping_precision() {
        let c = |v: &str, f, t| convert(d(v), f, t).map(|x| x.to_string());
        assert_eq!(
            c("881300.39", FigureUnit::Yuan, Unit::WanYuan),
            Some("88.130039".into())
        );
        assert_eq!(
            c("1.52", FigureUnit::YiYuan, Unit::WanYuan),
            Some("15200".into())
        );
        assert_eq!(
            c("1.523456", FigureUnit::YiYuan, Unit::WanYuan),
            Some("15234.56".into())
        );
        assert_eq!(
            c("7.3", FigureUnit::WanYuan, Unit::WanYuan),
            Some("7.3".into())
        );
        assert_eq!(
            c("11.00", FigureUnit::WanYuan, Unit::Yuan),
            Some("110000".into())
        );
        assert_eq!(c("12.5", FigureUnit::Percent, Unit::Yuan), None);
    }
}
