//! Statements → breakdowns: where each stated figure belongs.
//!
//! A root label (`收入总计`, `一般公共预算财政拨款支出`…) starts a breakdown. Items go to the innermost open
//! node that takes their label: a node is open while its list lasts — the root from its mention until the next
//! heading of its level, an item from `其中:`/`包括:` after it until the next marker of its level. Known nodes
//! take known labels only (`income` takes `事业收入`), open lists (function classes, 机关运行经费) take any.
//! A label already present is the same figure printed again (`restated`). Shares, changes, rates and budgets
//! attach to the figure they name, or else to the figure stated last in the sentence. A sentence with a
//! figure that found no place goes to `unplaced`, whole.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::grammar::{Label, Sentence, Statement, Subject};
use super::normalize::Normalized;
use super::tokens::{Figure, FigureUnit};
use super::vocabulary::{
    child_of, root_of, same_item_name, same_scope, standard_id, Root, CHILDREN,
};
use budget_lens_core::report::{
    Amount, Doubt, Node, Phase, Relation, Restatement, Span, Unit, Unplaced, MAX_DEPTH, MAX_NODES,
};

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

/// When an identity across breakdowns holds.
#[derive(Clone, Copy, PartialEq)]
enum Holds {
    /// By definition (收支平衡; 财政拨款支出 by fund).
    Always,
    /// 收入总计 = 支出总计 when the text lists 年末结转和结余 as an item of 支出总计.
    CarryoverInExpenditure,
    /// When the text shows nothing carried over: 财政拨款收入 is then spent within the year.
    NoCarryover,
    /// When all income is 一般公共预算财政拨款 and nothing is carried over: then all spending is too.
    AllGeneralBudget,
}

/// Identities across breakdowns, added when every path they name was extracted and their condition is met
/// by the extracted figures (an identity that does not hold for the unit would raise false errors).
/// (id, label, left paths, right paths, condition)
type RelationRule = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    Holds,
);

const RELATIONS: &[RelationRule] = &[
    (
        "balance",
        "收支平衡",
        &["income"],
        &["expenditure", "carryover_end"],
        Holds::Always,
    ),
    // Texts that count 年末结转和结余 within 支出总计.
    (
        "balance",
        "收支平衡",
        &["income"],
        &["expenditure"],
        Holds::CarryoverInExpenditure,
    ),
    (
        "fiscal",
        "财政拨款收支",
        &["income/fiscal"],
        &["fiscal_expenditure"],
        Holds::NoCarryover,
    ),
    (
        "fiscal_by_fund",
        "财政拨款支出按资金来源",
        &["fiscal_expenditure"],
        &[
            "gpb_by_function",
            "gov_fund_expenditure",
            "state_capital_expenditure",
        ],
        Holds::Always,
    ),
    (
        "general_budget",
        "一般公共预算财政拨款收支",
        &["income/fiscal/general_budget"],
        &["gpb_by_function"],
        Holds::NoCarryover,
    ),
    (
        "basic",
        "基本支出",
        &["expenditure/basic"],
        &["fiscal_expenditure/basic"],
        Holds::AllGeneralBudget,
    ),
    (
        "basic_gpb",
        "一般公共预算财政拨款基本支出",
        &["fiscal_expenditure/basic"],
        &["gpb_basic"],
        Holds::AllGeneralBudget,
    ),
    (
        "project",
        "项目支出",
        &["expenditure/project"],
        &["fiscal_expenditure/project"],
        Holds::AllGeneralBudget,
    ),
    (
        "personnel",
        "人员经费",
        &["gpb_basic/personnel"],
        &[
            "expenditure/basic/wages",
            "expenditure/basic/family_subsidy",
        ],
        Holds::AllGeneralBudget,
    ),
    (
        "public",
        "日常公用经费",
        &["gpb_basic/public"],
        &["expenditure/basic/goods_services"],
        Holds::AllGeneralBudget,
    ),
];

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

/// Per-sentence state.
#[derive(Default)]
struct SentenceState {
    marker_level: Option<u8>,
    last_node: Option<usize>,
    change_target: Option<usize>,
    prior: Option<usize>,
    budget_lead_in: bool,
    /// A budget printed before the figure it budgets: (label, figure).
    pending_budget: Option<(String, usize)>,
    problem: bool,
    figures: Vec<usize>,
    /// A term of a balance was printed (`加上级补助收入…`): the amounts after it in the sentence are terms
    /// too (`加A，B，C，收入合计D`), not items of the total before them.
    in_balance: bool,
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
    /// The nodes of the last paired list (`收、支总计各是…`), `None` where one found no place.
    last_pair: Vec<Option<usize>>,
    consumed: Vec<bool>,
    unplaced: Vec<Unplaced>,
    /// `其中:` after a total that found no place: its items have no known parent until the sentence ends.
    void_list: bool,
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
            last_pair: Vec::new(),
            consumed: vec![false; figures.len()],
            unplaced: Vec::new(),
            void_list: false,
            sentence_index: 0,
            amounts_in_sentence: 0,
            prior_owner: None,
            prior_list: None,
            placed_as_prior: false,
        }
    }

    pub fn run(mut self, sentences: &[Sentence], original: &[char]) -> Assembled {
        for sentence in sentences {
            self.sentence(sentence, original);
        }
        if self.stops_mid_clause() {
            // `1、因公出国(境)费0万元…从严从紧控制出`: the text was cut; the lists still open may go on.
            for open in &self.stack {
                self.nodes[open.node].node.partial = true;
            }
        }
        let relations = self.relations();
        let figures = self.figures.len();
        let taken = self.consumed.iter().filter(|&&c| c).count();
        let breakdowns = self
            .roots
            .clone()
            .into_iter()
            .map(|r| self.finish(r))
            .collect();
        Assembled {
            breakdowns,
            relations,
            unplaced: self.unplaced,
            figures,
            taken,
        }
    }

    fn sentence(&mut self, sentence: &Sentence, original: &[char]) {
        let mut state = SentenceState {
            // After `；` the same subject goes on (`…教育支出1595.95万元；完成年初预算100%`).
            last_node: self.after_semicolon.take(),
            ..SentenceState::default()
        };
        let has_figures = sentence.statements.iter().any(|s| figure_of(s).is_some());
        self.sentence_index += 1;
        self.amounts_in_sentence = 0;
        self.void_list = false;
        self.prior_owner = None;
        self.prior_list = None;
        if !matches!(sentence.statements.first(), Some(Statement::Marker { .. })) {
            self.close_sentence_lists();
        }
        for statement in &sentence.statements {
            if let Some(f) = figure_of(statement) {
                state.figures.push(f);
            }
            self.statement(statement, &mut state);
        }
        if let (Some(level), false) = (state.marker_level, has_figures) {
            self.heading_level = level;
        }
        let ends_on_semicolon = self.text.chars.get(sentence.end.wrapping_sub(1)) == Some(&';');
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
        let unread = state.figures.iter().any(|&f| !self.consumed[f]);
        let numbered = matches!(sentence.statements.first(), Some(Statement::Marker { .. }));
        if numbered && (unread || self.is_unread_table_row(sentence, &state.figures)) {
            // A numbered item or table row whose figures found no place: the list is not complete.
            self.list_has_unplaced_item(true);
        }
        if state.problem || unread {
            // What follows `其中:` after a sentence that found no place is not known to belong to anything.
            self.last_node = None;
        } else if self.text.chars.get(sentence.end.wrapping_sub(1)) == Some(&';') {
            self.after_semicolon = state.last_node;
        }
        if state.problem || unread {
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
    }

    fn statement(&mut self, statement: &Statement, state: &mut SentenceState) {
        match statement {
            Statement::Marker { level } => {
                state.marker_level = Some(*level);
                self.close_lists(*level);
            }
            Statement::Opener { partial } => self.open(*partial),
            Statement::ParenOpen => self.open_paren(),
            Statement::ParenClose => {
                // What follows `)` is about the figure before `(` again.
                if let Some(owner) = self.close_paren() {
                    state.last_node = Some(owner);
                    self.last_node = Some(owner);
                }
            }
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
                let node = self.amount(label, *figure, state);
                self.last_pair.push(node);
            }
            Statement::Budget { subject, figure } => {
                let target = self.resolve(subject, state);
                if let (None, Subject::Named(name)) = (target, subject) {
                    // `因公出国(境)费预算数1万元，决算数0.5万元`: the figure it budgets comes next.
                    state.pending_budget = Some((name.clone(), *figure));
                    return;
                }
                let value = self.money(*figure);
                let at = self.span(*figure);
                self.set(state, *figure, target, |n| {
                    set_once(&mut n.budget, &mut n.spans.budget, value, at)
                });
            }
            Statement::Prior { figure } => state.prior = Some(*figure),
            Statement::Change {
                subject,
                figure,
                sign,
            } => {
                if state.budget_lead_in && self.phase == Some(Phase::Final) {
                    state.problem = true;
                    return;
                }
                let target = self.resolve(subject, state);
                let value = self.money(*figure).map(|v| signed(v, *sign));
                let at = self.span(*figure);
                if self.set(state, *figure, target, |n| {
                    set_once(&mut n.change, &mut n.spans.change, value, at)
                }) {
                    state.change_target = target;
                    if let Some(prior) = state.prior.take() {
                        let value = self.money(prior);
                        let at = self.span(prior);
                        self.set(state, prior, target, |n| {
                            set_once(&mut n.prior, &mut n.spans.prior, value, at)
                        });
                    }
                }
            }
            Statement::ChangePct {
                subject,
                figure,
                sign,
            } => {
                if state.budget_lead_in && self.phase == Some(Phase::Final) {
                    state.problem = true;
                    return;
                }
                let target = match subject {
                    Subject::Implicit => state.change_target.or(state.last_node),
                    _ => self.resolve(subject, state),
                };
                let value = self.percent(*figure).map(|v| signed(v, *sign));
                let at = self.span(*figure);
                self.set(state, *figure, target, |n| {
                    set_once(&mut n.change_pct, &mut n.spans.change_pct, value, at)
                });
            }
            Statement::Share { base, figure } => self.share(base.as_deref(), *figure, state),
            Statement::Completion { subject, figure } => {
                let target = self.resolve(subject, state);
                let value = self.percent(*figure);
                let at = self.span(*figure);
                self.set(state, *figure, target, |n| {
                    set_once(
                        &mut n.completion_pct,
                        &mut n.spans.completion_pct,
                        value,
                        at,
                    )
                });
            }
            Statement::NoChange {
                subject,
                start,
                end,
            } => {
                if let Some(target) = self.resolve(subject, state) {
                    let at = self.span_of(*start, *end);
                    let node = &mut self.nodes[target].node;
                    if node.change.is_none() {
                        node.change = Some(Amount(Decimal::ZERO));
                        node.spans.change = Some(at);
                    }
                }
            }
            Statement::ZeroInWords { label, start, end } => {
                // Zero said in words counts only where the label is a known item (`无因公出国(境)费用`).
                let at = self.span_of(*start, *end);
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
            Statement::MissingShare => state.problem = true,
            Statement::LeadIn { budget } => state.budget_lead_in = *budget,
            Statement::Unknown { .. } => {}
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
        let node = self.amount_node(label, figure, state);
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
        let level = state.marker_level.take();
        self.amounts_in_sentence += 1;
        state.in_balance |= label.balance_term;
        let balance_label;
        let label = match state.in_balance && !label.balance_term {
            true => {
                balance_label = Label {
                    balance_term: true,
                    ..label.clone()
                };
                &balance_label
            }
            false => label,
        };
        let pending = match label.text.is_empty() {
            true => state.pending_budget.take(),
            false => None,
        };
        let node = match &pending {
            // `决算数0.5万元` after `因公出国(境)费预算数1万元`: the amount of the budgeted label.
            Some((name, _)) => {
                let named = Label {
                    text: name.clone(),
                    ..label.clone()
                };
                self.place(&named, value, at, level)?
            }
            None => {
                self.placed_as_prior = false;
                self.place(label, value, at, level)?
            }
        };
        self.consumed[figure] = true;
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
        state.last_node = Some(node);
        state.change_target = None;
        self.last_node = Some(node);
        Some(node)
    }

    /// An amount that found no place while a list is open may be one of its items: the list is then not
    /// known to be complete, and only Σitems ≤ total can be checked.
    /// A numbered item (`2、…`, a table row) that found no place counts too, whatever opened the list.
    fn list_has_unplaced_item(&mut self, numbered: bool) {
        if let Some(open) = self.stack.last().filter(|o| o.explicit || numbered) {
            self.nodes[open.node].node.partial = true;
        }
    }

    fn share(&mut self, base: Option<&str>, figure: usize, state: &mut SentenceState) {
        let Some(target) = state.last_node else {
            state.problem = true;
            return;
        };
        let parent = self.nodes[target].parent;
        let share_of = match base {
            None if parent.is_some() => None,
            None => {
                state.problem = true;
                return;
            }
            Some(base) => match self.resolve_base(base, state) {
                Some(b) if Some(b) == parent => None,
                Some(b) if b != target => {
                    // `一般性公共服务支出37153万元，占全年总支出的13.37%` with the item in another list than
                    // 总支出's: the text's base and the item's place disagree, and either may be the guess.
                    self.doubt(target, Doubt::Subject);
                    Some(self.path(b))
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
            }
            done
        });
    }

    /// The node a share's base names: `收入总计`, `基本支出预算`, `一般公共预算支出`…
    fn resolve_base(&self, base: &str, state: &SentenceState) -> Option<usize> {
        let subject = Subject::Named(base.to_string());
        self.resolve(&subject, state).or_else(|| {
            let shorter = ["预算数", "预算", "总额", "合计"]
                .iter()
                .find_map(|s| base.strip_suffix(s))?;
            self.resolve(&Subject::Named(shorter.to_string()), state)
        })
    }

    // ---- placing amounts ----

    fn place(
        &mut self,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        if let Some(owner) = self.prior_list {
            return self.prior_item(owner, label, value, at);
        }
        // `总收入由84.67亿元调整为107.78亿元`: the value before a change is not the label's amount.
        if label.text.is_empty() || self.void_list || label.text.ends_with('由') {
            return None;
        }
        if let Some(root) = root_of(&label.text) {
            // A label naming a total can be an item of the open list: `本年收入合计` under `收入总计`,
            // `年末结转和结余` under `支出总计` where the text counts it there.
            let top = self.stack.last().filter(|o| o.explicit).map(|o| o.node);
            let item_of_top = top.filter(|&t| {
                let schema = self.nodes[t].schema.as_deref();
                schema.is_some_and(|s| child_of(s, &label.text).is_some())
            });
            if let Some(parent) = item_of_top {
                return self.child(parent, label, value, at, level);
            }
            return self.root(root, label, value, at, level);
        }
        // `加上级补助收入…`: a term of a balance, beside the total before it, not in its list.
        if label.balance_term {
            return None;
        }
        if ["(类)", "(款)", "(项)"]
            .iter()
            .any(|m| label.text.contains(m))
        {
            return self.chain(label, value, at, level);
        }
        for k in (0..self.stack.len()).rev() {
            let parent = self.stack[k].node;
            let is_new = self.child_with_label(parent, &label.text).is_none();
            if let Some(node) = self.child(parent, label, value, at, level) {
                self.stack[k].took_item = true;
                if is_new && !self.stack[k].explicit && level.is_none() {
                    // Taken by a total merely mentioned before, with no `其中:` and no list marker.
                    self.doubt(parent, Doubt::List);
                }
                if is_new && self.stack[k].partial {
                    self.nodes[parent].node.partial = true;
                }
                return Some(node);
            }
        }
        // A known item whose parent was not opened with `其中:` (e.g. on a new line).
        if let Some(root) = self.current_root {
            if let Some(parent) = self.known_parent_in(root, &label.text) {
                let is_new = self.child_with_label(parent, &label.text).is_none();
                let node = self.child(parent, label, value, at, level)?;
                if is_new && level.is_none() {
                    self.doubt(parent, Doubt::List);
                }
                return Some(node);
            }
        }
        self.restated_total(label, value, at)
    }

    fn doubt(&mut self, node: usize, doubt: Doubt) {
        let doubts = &mut self.nodes[node].node.doubt;
        if !doubts.contains(&doubt) {
            doubts.push(doubt);
        }
    }

    /// `2、公务接待费 | 1114.54 | 989.86 |`: a numbered row of a table pasted as text whose cells (numbers
    /// without a unit) were not read. Only this sentence's characters are looked at.
    fn is_unread_table_row(&self, sentence: &Sentence, figures: &[usize]) -> bool {
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
    fn stops_mid_clause(&self) -> bool {
        let last = self.text.chars.iter().rev().find(|c| !c.is_whitespace());
        last.is_some_and(|c| !"。.!?！？;；)）”\"".contains(*c))
    }

    fn same_value(&self, node: usize, value: Decimal) -> bool {
        self.nodes[node].node.amount.0 == value
    }

    /// A prior-year amount of `node`, printed as an amount of its own.
    fn set_prior(&mut self, node: usize, value: Decimal, at: Span) -> Option<usize> {
        let n = &mut self.nodes[node].node;
        if !set_once(&mut n.prior, &mut n.spans.prior, Some(value), at) {
            return None;
        }
        self.placed_as_prior = true;
        Some(node)
    }

    /// An item of a prior-year list (`2021年…合计807.95万，其中：公务接待费39.43万元`): the prior of the
    /// owner's item of that name; an item the owner does not have finds no place.
    fn prior_item(
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
    fn restated_total(&mut self, label: &Label, value: Decimal, at: Span) -> Option<usize> {
        let item_label = ["总计", "合计"]
            .iter()
            .find_map(|s| label.text.strip_suffix(s))?;
        let item = self.roots.iter().find_map(|&root| {
            let parent = self.known_parent_in(root, item_label)?;
            let schema = self.nodes[parent].schema.as_deref()?;
            let (id, _) = child_of(schema, item_label)?;
            self.nodes[parent].child_by_id.get(id).copied()
        })?;
        restate(&mut self.nodes[item].node, value, at);
        Some(item)
    }

    fn root(
        &mut self,
        root: &'static Root,
        label: &Label,
        value: Decimal,
        at: Span,
        level: Option<u8>,
    ) -> Option<usize> {
        let node = match self.root_by_id.get(root.id) {
            Some(&existing) => {
                // `本年收入合计` again after `收入总计…其中：本年收入合计…`: that item, restated, its list open.
                let item = child_of(root.id, &label.text)
                    .and_then(|(id, _)| self.nodes[existing].child_by_id.get(id).copied());
                if let Some(item) = item {
                    restate(&mut self.nodes[item].node, value, at);
                    self.nodes[item].mention_level = level;
                    let level = level.unwrap_or(self.heading_level);
                    self.stack.clear();
                    for node in [existing, item] {
                        self.stack.push(Open {
                            node,
                            level,
                            partial: false,
                            explicit: false,
                            by_mention: true,
                            paren: false,
                            ends_with_sentence: false,
                            took_item: false,
                            sentence: self.sentence_index,
                        });
                    }
                    self.current_root = Some(existing);
                    return Some(item);
                }
                if is_prior_year(&self.nodes[existing], label) {
                    return self.set_prior(existing, value, at);
                }
                let closes_enumeration =
                    self.amounts_in_sentence > 1 && is_section_subtotal(&label.text);
                if !same_quantity(&self.nodes[existing], label, value)
                    || (closes_enumeration && !self.same_value(existing, value))
                {
                    return None;
                }
                restate(&mut self.nodes[existing].node, value, at);
                existing
            }
            None => {
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
                index
            }
        };
        self.nodes[node].mention_level = level;
        self.stack.clear();
        self.stack.push(Open {
            node,
            level: level.unwrap_or(self.heading_level),
            partial: false,
            explicit: false,
            by_mention: true,
            paren: false,
            ends_with_sentence: false,
            took_item: false,
            sentence: self.sentence_index,
        });
        self.current_root = Some(node);
        Some(node)
    }

    /// `一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)事业运行(项)649.53万元`: the figure is the last
    /// link's; the links before it must already be there (their amounts are printed elsewhere).
    fn chain(
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
    fn known_parent_in(&self, root: usize, label: &str) -> Option<usize> {
        let root_id = self.nodes[root].node.id.clone();
        CHILDREN
            .iter()
            .filter(|c| c.parent == root_id || c.parent.starts_with(&format!("{root_id}/")))
            .filter(|c| child_of(c.parent, label).is_some_and(|(id, _)| id == c.id))
            .find_map(|c| self.node_at_schema(root, c.parent))
    }

    fn node_at_schema(&self, root: usize, schema: &str) -> Option<usize> {
        let mut node = root;
        for id in schema.split('/').skip(1) {
            node = *self.nodes[node].child_by_id.get(id)?;
        }
        Some(node)
    }

    /// The item `label` of `parent`: the one there (restated) or a new one, if `parent` takes the label.
    fn child(
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
        let existing = match known {
            Some(id) => self.nodes[parent].child_by_id.get(id).copied(),
            None if self.nodes[parent].open_list && !self.off_list(parent, &label.text) => {
                self.child_with_label(parent, &label.text)
            }
            None => return None,
        };
        if let Some(existing) = existing {
            let built = &self.nodes[existing];
            if is_prior_year(built, label) {
                return self.set_prior(existing, value, at);
            }
            if built.year.is_some() && label.year.is_some() && built.year != label.year {
                return None;
            }
            // `批准的…一般公共预算收入为3522万元` and `全镇一般公共预算收入4402万元` both end in a known
            // item's name, yet differ in value and in name: two quantities, not one printed twice.
            if built.node.amount.0 != value && !same_item_name(&built.printed, &label.text) {
                return None;
            }
            restate(&mut self.nodes[existing].node, value, at);
            self.nodes[existing].mention_level = level;
            return Some(existing);
        }
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
        self.nodes[index].mention_level = level;
        self.nodes[index].printed = label.text.clone();
        self.nodes[index].year = label.year;
        Some(index)
    }

    /// Labels an open list does not take: a list by function class (类) has no 基本支出 or 项目支出 among its
    /// classes (`一般公共预算支出…其中：基本支出…，项目支出…` splits the same total another way).
    fn off_list(&self, parent: usize, label: &str) -> bool {
        let by_function = matches!(
            self.nodes[parent].schema.as_deref(),
            Some("gpb_by_function" | "gov_fund_expenditure" | "state_capital_expenditure")
        );
        by_function
            && (["基本支出", "项目支出"].iter().any(|t| label.ends_with(t)) || is_economic(label))
    }

    fn child_with_label(&self, parent: usize, label: &str) -> Option<usize> {
        let built = &self.nodes[parent];
        if let Some(&child) = built.child_by_label.get(label) {
            return Some(child);
        }
        let schema = built.schema.as_deref()?;
        let (id, _) = child_of(schema, label)?;
        built.child_by_id.get(id).copied()
    }

    /// A sibling id: the standard one if free, else `item<n>`.
    fn fresh_id(&self, parent: usize, standard: Option<&str>) -> String {
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

    fn push(
        &mut self,
        node: Node,
        parent: Option<usize>,
        schema: Option<String>,
        open_list: bool,
    ) -> usize {
        let index = self.nodes.len();
        if let Some(p) = parent {
            let parent = &mut self.nodes[p];
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
        });
        index
    }

    fn depth(&self, mut node: usize) -> usize {
        let mut depth = 1;
        while let Some(p) = self.nodes[node].parent {
            depth += 1;
            node = p;
        }
        depth
    }

    fn path(&self, mut node: usize) -> String {
        let mut ids = vec![self.nodes[node].node.id.as_str()];
        while let Some(p) = self.nodes[node].parent {
            ids.push(self.nodes[p].node.id.as_str());
            node = p;
        }
        ids.reverse();
        ids.join("/")
    }

    // ---- open lists ----

    /// `其中:` / `包括:`: the figure stated last opens its list.
    fn open(&mut self, partial: bool) {
        let Some(node) = self.last_node else {
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
    fn close_sentence_lists(&mut self) {
        while let Some(top) = self.stack.last_mut() {
            if !top.ends_with_sentence || top.paren {
                break;
            }
            if top.by_mention {
                top.ends_with_sentence = false;
                top.explicit = false;
                break;
            }
            self.stack.pop();
        }
    }

    /// `(`: the figure stated last opens its list until `)`, even if it is open already.
    fn open_paren(&mut self) {
        let Some(node) = self.last_node else { return };
        let level = self.stack.last().map_or(0, |o| o.level);
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open {
                node,
                level,
                partial: false,
                explicit: true,
                by_mention: false,
                paren: true,
                ends_with_sentence: false,
                took_item: false,
                sentence: self.sentence_index,
            });
        }
    }

    /// `)`: closes what the last `(` opened, and says whose list it was.
    fn close_paren(&mut self) -> Option<usize> {
        let at = self.stack.iter().rposition(|o| o.paren)?;
        let owner = self.stack[at].node;
        self.stack.truncate(at);
        Some(owner)
    }

    /// A marker of `level` ends every open list at that level or deeper.
    fn close_lists(&mut self, level: u8) {
        while self.stack.last().is_some_and(|o| o.level >= level) {
            self.stack.pop();
        }
        if self.stack.is_empty() {
            self.current_root = None;
            self.last_node = None;
        }
    }

    // ---- subjects ----

    /// The node a change, rate or budget is about.
    fn resolve(&self, subject: &Subject, state: &SentenceState) -> Option<usize> {
        match subject {
            Subject::Implicit => state.last_node,
            Subject::Paired(i) => self.last_pair.get(*i).copied().flatten(),
            Subject::Named(text) => self.resolve_named(text),
        }
    }

    fn resolve_named(&self, text: &str) -> Option<usize> {
        if let Some(root) = root_of(text) {
            return self.root_by_id.get(root.id).copied();
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
        for open in self.stack.iter().rev() {
            let built = &self.nodes[open.node];
            if built.node.label == text {
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
        let root = self.current_root?;
        self.known_parent_in(root, text)
            .and_then(|parent| self.child_with_label(parent, text))
    }

    // ---- figures ----

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

    // ---- output ----

    fn relations(&self) -> Vec<Relation> {
        let amount = |path: &str| self.node_at_path(path).map(|n| self.nodes[n].node.amount.0);
        // Nothing carried over only when the text says so: 年末结转和结余 printed as zero, and 上年结转 printed
        // as zero or income equal to spending. An unprinted carryover is not a zero one.
        let is_zero = |path: &str| amount(path).is_some_and(|a| a.is_zero());
        let balanced = amount("income").is_some() && amount("income") == amount("expenditure");
        let no_carryover = is_zero("carryover_end") && (is_zero("income/carryover") || balanced);
        let general_budget =
            amount("income/fiscal/general_budget").or(amount("income/general_budget"));
        let all_general_budget =
            no_carryover && general_budget.is_some() && general_budget == amount("income");
        RELATIONS
            .iter()
            .filter(|(_, _, left, right, holds)| {
                let condition = match holds {
                    Holds::Always => true,
                    Holds::CarryoverInExpenditure => {
                        self.node_at_path("expenditure/carryover_end").is_some()
                    }
                    Holds::NoCarryover => no_carryover,
                    Holds::AllGeneralBudget => all_general_budget,
                };
                condition
                    && left
                        .iter()
                        .chain(right.iter())
                        .all(|p| self.node_at_path(p).is_some())
            })
            .map(|(id, label, left, right, _)| Relation {
                id: (*id).to_string(),
                label: (*label).to_string(),
                left: left.iter().map(|s| s.to_string()).collect(),
                right: right.iter().map(|s| s.to_string()).collect(),
            })
            .collect()
    }

    fn node_at_path(&self, path: &str) -> Option<usize> {
        let mut segments = path.split('/');
        let mut node = *self.root_by_id.get(segments.next()?)?;
        for id in segments {
            node = *self.nodes[node].child_by_id.get(id)?;
        }
        Some(node)
    }

    fn finish(&mut self, index: usize) -> Node {
        let children = std::mem::take(&mut self.nodes[index].children);
        let items: Vec<Node> = children.into_iter().map(|c| self.finish(c)).collect();
        let placeholder = Node::new("", "", Decimal::ZERO);
        let mut node = std::mem::replace(&mut self.nodes[index].node, placeholder);
        node.items = items;
        node.label = printed_label(&node.label);
        node
    }
}

/// Spending by economic category (工资福利支出, 商品和服务支出…): another split of spending than the function
/// classes, never one of them.
fn is_economic(label: &str) -> bool {
    [
        "工资福利支出",
        "商品和服务支出",
        "对个人和家庭的补助",
        "对企业补助",
        "资本性支出",
        "债务利息及费用支出",
    ]
    .iter()
    .any(|t| label.starts_with(t))
}

/// The figure a statement reads, if any.
fn figure_of(statement: &Statement) -> Option<usize> {
    match statement {
        Statement::Amount { figure, .. }
        | Statement::PairedAmount { figure, .. }
        | Statement::Budget { figure, .. }
        | Statement::Prior { figure }
        | Statement::Change { figure, .. }
        | Statement::ChangePct { figure, .. }
        | Statement::Share { figure, .. }
        | Statement::Completion { figure, .. }
        | Statement::Unknown { figure } => Some(*figure),
        _ => None,
    }
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
/// (`881300.39元` → `88.130039万元`; `1.52亿元` → `15200万元`).
pub fn convert(value: Decimal, from: FigureUnit, to: Unit) -> Option<Decimal> {
    let exponent = |yuan: u64| yuan.ilog10() as i64;
    let from_yuan = match from {
        FigureUnit::Yuan => Unit::Yuan,
        FigureUnit::WanYuan => Unit::WanYuan,
        FigureUnit::YiYuan => Unit::YiYuan,
        FigureUnit::Percent => return None,
    };
    let shift = exponent(from_yuan.yuan_per_unit()) - exponent(to.yuan_per_unit());
    let mantissa = value.mantissa();
    let scale = i64::from(value.scale());
    let new_scale = scale - shift;
    if new_scale >= 0 {
        let new_scale = u32::try_from(new_scale).ok()?;
        Decimal::try_from_i128_with_scale(mantissa, new_scale).ok()
    } else {
        let factor = 10i128.checked_pow(u32::try_from(-new_scale).ok()?)?;
        Decimal::try_from_i128_with_scale(mantissa.checked_mul(factor)?, 0).ok()
    }
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
