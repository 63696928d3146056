//! The phrase grammar: tokens → sentences of statements ("this label has this amount", "this is a share of
//! that", "this changed by so much"…), following the phrasings of PHRASES.md. It decides what a figure *says*;
//! where it belongs in the report is [`super::assemble`]'s job.
//!
//! A clause is what lies between two punctuation marks (a `、` between items does not end it); a sentence ends
//! at `。` `;` `!` `?` or a kept line break. Within a clause the word before a figure says what the figure is:
//! `占…的` a share, `完成…` a completion rate, a direction word (`增加` `下降了`…) a change, a comparison
//! lead-in (`比上年…`) a prior-year amount, anything else the label of an amount.

use super::normalize::Normalized;
use super::tokens::{ends_sentence, Token, Tokens};
use super::vocabulary::{names_known_item, names_money, names_office, root_of};
use budget_lens_core::report::{Comparison, Phase};

pub(crate) mod period;

/// A label as printed, cleaned of years, fillers and list words, with a leading classification code split
/// off.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Label {
    pub text: String,
    pub code: Option<String>,
    /// The year printed in the label (`2021年的三公经费…`): a figure of another year is never a restatement
    /// of this year's.
    pub year: Option<u16>,
    /// Printed as a term of a balance (`加上级补助收入…`, `减…`): a sibling of the total before it, never
    /// an item of its list.
    pub balance_term: bool,
    /// The words say the label is an amount that went from last year's to this year's (`普通高中生均经费` or
    /// just `普通高中` under a heading of per-student funding: `…由上年的A元增加到B元`), whatever its name.
    pub rose: bool,
}

/// What a change, a rate or a budget is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// The label printed before it (cleaned).
    Named(String),
    /// Nothing printed: the figure stated last in the sentence.
    Implicit,
    /// `各减少120.5、230.9万元`: the i-th figure of the last paired list.
    Paired(usize),
}

/// One thing a clause says. Figures are indices into the figure list.
#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    /// A list marker opens the clause.
    Marker {
        level: u8,
    },
    /// `其中:` `包括:` `主要包括:` — what follows are items of the figure stated last.
    Opener {
        partial: bool,
        /// Opened by `其中` ("of which"): the items may name only some parts of the figure (see
        /// `assemble::some_parts`).
        of_which: bool,
    },
    /// `公务用车购置及运行费28万元(购置费0万元，运行维护费28万元)`: the parenthesis holds items of the figure
    /// stated last, until it closes.
    ParenOpen,
    ParenClose,
    /// `label amount`.
    Amount {
        label: Label,
        figure: usize,
    },
    /// One of `A、B各是x、y万元`.
    PairedAmount {
        label: Label,
        figure: usize,
        index: usize,
    },
    /// `年初预算数x万元` in a final account.
    Budget {
        subject: Subject,
        figure: usize,
    },
    /// `一般公共预算总收入由84.67亿元调整为107.78亿元`: the budget before an adjustment of the label's amount,
    /// which follows (`调整为…`).
    AdjustedFrom {
        label: String,
        figure: usize,
    },
    /// `比上年累计支出433万元(减少2万元)`.
    Prior {
        figure: usize,
    },
    /// `增加x万元` / `减少x万元`; `sign` is +1 or −1.
    Change {
        subject: Subject,
        figure: usize,
        sign: i8,
    },
    /// `增长x%` / `下降x%`.
    ChangePct {
        subject: Subject,
        figure: usize,
        sign: i8,
    },
    /// `比预算数减少x万元`, `较年初预算增加x万元`: a change against the figure's own budget; `sign` 0 when the
    /// words state no direction (`年初预算为B万元，差值为C万元`).
    ChangeVsBudget {
        subject: Subject,
        figure: usize,
        sign: i8,
    },
    /// `…下降x%` after a change against the budget, or `比预算增长x%`: its rate.
    ChangeVsBudgetPct {
        subject: Subject,
        figure: usize,
        sign: i8,
    },
    /// A bare `增长x%` after changes against both last year and the budget, or after an execution word against
    /// the budget (`超收A，增长x%`): its base the words leave open (see [`Parser::base_unsure`]).
    RateEitherBase {
        figure: usize,
        sign: i8,
    },
    /// `占收入总计的x%` (base named) or `占x%` (base implied), of the figure stated last; or of the label
    /// printed before `占` (`税收收入占…收入的比重为x%`).
    Share {
        subject: Subject,
        base: Option<String>,
        figure: usize,
    },
    /// `完成年初预算的x%`.
    Completion {
        subject: Subject,
        figure: usize,
    },
    /// `持平` / `无变化`: a change of zero, printed in words at `start..end`.
    NoChange {
        subject: Subject,
        start: usize,
        end: usize,
    },
    /// `决算数小于预算数`: how the subject's final figure stands against its budget, in words at
    /// `start..end`.
    Comparison {
        subject: Subject,
        said: Comparison,
        start: usize,
        end: usize,
    },
    /// `无因公出国(境)费用`: an amount of zero said in words at `start..end`.
    ZeroInWords {
        label: Label,
        start: usize,
        end: usize,
    },
    /// `占基本支出预算%`: a share whose number is missing.
    MissingShare,
    /// A comparison lead-in on its own (`与上年相比`); `budget` when it compares with a budget.
    LeadIn {
        budget: bool,
    },
    /// `“三公”经费决算中，`: a clause with no figure naming the total whose items follow (a heading clause).
    SubjectHeading {
        label: Label,
    },
    /// `1、一般公共服务支出(类)财政事务(款)行政运行(项)。`: a numbered item naming a place in the
    /// classification of spending by function (类→款→项), as printed; the figures of its paragraph that
    /// name nothing else are its own.
    ClassPath {
        /// (name, level word) from the 类 down: `[("一般公共服务支出", "类"), ("财政事务", "款"), …]`, the level
        /// word with its code where one is printed (`("公共安全支出", "204类")`); an empty level word where the
        /// heading broke before it (`…行政单位` / `医疗(项)`).
        path: Vec<(String, String)>,
    },
    /// A figure the grammar cannot read.
    Unknown {
        figure: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The sentence's characters in the normalised text.
    pub start: usize,
    pub end: usize,
    pub statements: Vec<Statement>,
}

/// Direction words and their sign; `了` after them is allowed.
const DIRECTIONS: [(&str, i8); 16] = [
    // Budget-execution reports: `负增长1.21%` (before `增长`), `同比增收0.75亿元`, `增支7.74亿元`.
    ("负增长", -1),
    ("增收", 1),
    ("减收", -1),
    ("增支", 1),
    ("减支", -1),
    ("增加", 1),
    ("增长", 1),
    ("上升", 1),
    ("提高", 1),
    ("减少", -1),
    ("下降", -1),
    ("降低", -1),
    ("减幅", -1),
    ("增幅", 1),
    // `财政总收入167.1亿元,比增31.6%` (比上年增长, as some provinces' reports print it).
    ("比增", 1),
    ("比降", -1),
];

/// `…由上年的A` (`由上年A`, `由去年的A`): A is the amount of the year before, the amount itself follows
/// `增加到` (see [`RISEN_TO`]).
const FROM_LAST_YEAR: [&str; 6] = [
    "由上年的",
    "由上年",
    "由去年的",
    "由去年",
    "由上年度的",
    "由上年度",
];

/// `某补助标准由每人每年A元提高到B元` (a standard per head, per student, per household…, risen from an earlier
/// value): the label with its unit per head (`某补助标准每人每年`), for the amount after `提高到` (see
/// [`RISEN_TO`]). Two standards (two programmes, two groups) are two quantities, each named with its own words,
/// never one figure printed twice; the earlier value is the amount's prior.
fn per_head_from(word: &str) -> Option<String> {
    let (label, unit) = word.rsplit_once('由')?;
    (!label.is_empty() && is_per_head(unit)).then(|| format!("{label}{unit}"))
}

/// `每人每年`, `每生每月`, `每户`, `每亩`: a unit per head (at most two `每` phrases of two characters).
fn is_per_head(words: &str) -> bool {
    let chars: Vec<char> = words.chars().collect();
    matches!(chars.len(), 2 | 4) && chars.chunks(2).all(|c| c[0] == '每')
}

/// `提高到每人每月` → `提高到`: the words of a rise without the unit per head after them.
fn strip_per_head(word: &str) -> &str {
    word.char_indices()
        .find(|&(i, c)| c == '每' && is_per_head(&word[i..]))
        .map_or(word, |(i, _)| &word[..i])
}

/// `…增加到B`, `…下降至B`: B is the amount the label came to, after `由上年的A` (see [`FROM_LAST_YEAR`]).
const RISEN_TO: [&str; 12] = [
    "增加到",
    "增长到",
    "提高到",
    "上升到",
    "减少到",
    "下降到",
    "降低到",
    "增加至",
    "增长至",
    "提高至",
    "减少至",
    "下降至",
];

/// Words between a subject and its direction when no figure follows: `…均实现增长`, `…保持稳定增长`.
const GROWTH_ADVERBS: [&str; 9] = [
    "实现", "均", "全部", "保持", "稳定", "稳步", "持续", "继续", "都",
];

/// Words saying there was no change.
/// (`基本持平`, roughly flat, states no figure and is not among them.)
const NO_CHANGE: [&str; 5] = ["无增减变化", "无增减", "持平", "无变化", "没有变化"];

/// `一般公共预算收入41.51亿元,无调整`: the amount is its budget, unchanged; no figure is said (and no
/// zero amount named `调整`).
const NOT_ADJUSTED: [&str; 4] = ["无调整", "未调整", "不作调整", "不调整"];

/// Comments after the name of a sum of money that rank it among others, in a clause of their own before its
/// figures (`某项费用降幅最大,…`, `某项次之,…`; see [`Parser::naming_clause`]).
const TOPIC_COMMENTS: [&str; 12] = [
    "降幅最大",
    "增幅最大",
    "降幅最小",
    "增幅最小",
    "降幅较大",
    "增幅较大",
    "占比最大",
    "占比最高",
    "最多",
    "最少",
    "次之",
    "其次",
];

/// Words printed where an amount's label goes that name nothing by themselves (`共A万元`).
const GENERIC_LABELS: [&str; 3] = ["共", "总共", "合计共"];

/// Words naming the gap between an amount and the budget printed right before it, without its direction:
/// `差值为C万元`, `差额C万元`, `相差C万元` (see [`Parser::gap_to_budget`]).
const GAP_WORDS: [&str; 7] = [
    "差值为",
    "差值",
    "差额为",
    "差额",
    "相差",
    "两者相差",
    "相差了",
];

/// Words between a share's base and its number: `占…收入的比重为x%`, `占…的比例是x%`.
/// `…的比重达80.2%`: `达` / `达到` like `为`.
const SHARE_WORDS: [&str; 10] = [
    "的比重为",
    "的比重是",
    "的比重达到",
    "的比重达",
    "的比重",
    "的比例为",
    "的比例是",
    "的比例达到",
    "的比例达",
    "的比例",
];

/// Words after which the items of the figure stated last follow.
const OPENERS: [&str; 11] = [
    // `分项情况是:` / `分项情况为:`: the items of the total just stated, one by one.
    "分项情况是",
    "分项情况为",
    "具体包括",
    "主要包括",
    "包括",
    "其中",
    "主要有",
    "分别是",
    "分别为",
    "具体如下",
    "如下",
];

/// Words after a label saying the amount is a budget (in a final account).
const BUDGET_SUFFIXES: [&str; 8] = [
    "年初预算数为",
    "年初预算数",
    "年初预算为",
    "年初预算",
    "预算数为",
    "预算数",
    "预算为",
    "预算",
];

/// Bases of a share that name the figure's own budget (budget-execution reports): `占调整预算105.47%`,
/// `为年预算的32.3%`; the task a collecting office was set (`占任务数的96.3%`) is its budget too.
const BUDGET_BASES: [&str; 18] = [
    "预算",
    "预算数",
    "年初预算",
    "年初预算数",
    "调整预算",
    "调整预算数",
    "调整后预算",
    "调整后预算数",
    "变动预算",
    "年预算",
    "年度预算",
    "年度预算数",
    "全年预算",
    "全年预算数",
    "任务数",
    "年度任务",
    "全年任务",
    "预算任务",
];

/// Words before the base of a completion rate: `占年度预算的x%`, `为年预算的x%`, `达全年任务的x%`.
const BUDGET_BASE_LEADS: [&str; 4] = ["占", "为", "达到", "达"];

/// `占任务数的`, `为年预算的`: the words before a rate say it is of the figure's own budget.
fn names_own_budget(word: &str) -> bool {
    BUDGET_BASE_LEADS
        .iter()
        .filter_map(|lead| word.strip_prefix(lead))
        .any(|base| BUDGET_BASES.contains(&base.trim_end_matches('的')))
}

/// Parses the tokens into sentences of statements.
pub fn parse(text: &Normalized, tokens: &Tokens, phase: Option<Phase>) -> Vec<Sentence> {
    let mut parser = Parser {
        text,
        tokens,
        phase,
        sentences: Vec::new(),
        statements: Vec::new(),
        clause: Vec::new(),
        sentence_start: 0,
        paired_subjects: Vec::new(),
        colon_label: None,
        vs_budget_change: false,
        year_change_open: false,
        base_unsure: false,
        said_without_figure: None,
        rose_from: None,
        years_from: None,
        each_subjects: Vec::new(),
        cause_subject: None,
        budget_printed_before: false,
        year_to_date: None,
    };
    for token in &tokens.tokens {
        match *token {
            Token::Word { start, end } => parser.clause.push(Element::Word(start, end)),
            Token::Figure(f) => parser.clause.push(Element::Figure(f)),
            Token::Punct { ch: '、', .. } => parser.clause.push(Element::Separator),
            Token::Punct { ch, at } => {
                let heading = parser.words_only_clause();
                parser.end_clause();
                if let Some(cause) = heading
                    .as_deref()
                    .and_then(|h| cause_clause_subject(h, parser.phase))
                {
                    parser.cause_subject = Some(cause);
                }
                parser.colon_label = heading.and_then(|h| parser.naming_clause(h, ch));
                if ends_sentence(ch) {
                    parser.end_sentence(at + 1);
                }
            }
            Token::Marker { level, start, .. } => {
                parser.end_clause();
                // A marker starts a new item: what came before it is a sentence of its own.
                if !parser.statements.is_empty() {
                    parser.end_sentence(start);
                }
                parser.statements.push(Statement::Marker { level });
            }
        }
    }
    parser.end_clause();
    parser.end_sentence(text.chars.len());
    parser.sentences
}

#[derive(Debug, Clone, Copy)]
enum Element {
    Word(usize, usize),
    Figure(usize),
    Separator,
}

struct Parser<'a> {
    text: &'a Normalized,
    tokens: &'a Tokens,
    phase: Option<Phase>,
    sentences: Vec<Sentence>,
    statements: Vec<Statement>,
    clause: Vec<Element>,
    sentence_start: usize,
    /// The subjects of the last paired change in the sentence (`各增加A、B万元`), for the rates after it.
    paired_subjects: Vec<Subject>,
    /// The words of a clause that ended with `:` (see [`Parser::label_or_colon_label`]).
    colon_label: Option<String>,
    /// The last change in the sentence was against the budget: a bare rate after it is too.
    vs_budget_change: bool,
    /// A change against last year was read since the last amount, and no rate after it yet.
    year_change_open: bool,
    /// The change against the budget read last leaves a bare rate after it open: it came after a change against
    /// last year still without its rate (`比上年增收A，比预算减收B，增长x%`), or it is an execution word that names
    /// no budget (`超收A，增长x%`, `短收A，下降x%`), after which a growth rate is as often last year's.
    base_unsure: bool,
    /// A sentence of words only said a sum of money grew or fell (see [`Parser::said_without_figure`]): its
    /// subject, and whether that sentence is the current one.
    said_without_figure: Option<(Label, bool)>,
    /// `比年初预算A` was read in this sentence: a bare change after it is against that budget (until a change
    /// names its own base).
    budget_printed_before: bool,
    /// The name of a month's amount printed in this sentence, for the year-to-date amount after it (see
    /// [`Parser::month_or_year_to_date`]).
    year_to_date: Option<String>,
    /// The label of `…由上年的A` in this sentence, for the amount after `增加到` (see [`FROM_LAST_YEAR`]).
    rose_from: Option<Label>,
    /// `X从2015年的A` in this sentence (its label and A's figure), read with the amount after `上升到2020年的`
    /// (see [`Parser::compared`]).
    years_from: Option<(Label, usize)>,
    /// The amounts a change said of each was given to (see [`Parser::change_of_each`]), for the bare rate
    /// right after it.
    each_subjects: Vec<Subject>,
    /// The name of money a clause of words opened before saying why it moved (see [`cause_clause_subject`]):
    /// the subject of the unnamed changes after it in the sentence, until an amount names its own.
    cause_subject: Option<String>,
}

impl Parser<'_> {
    /// The text of a clause that holds words only (no figure).
    fn words_only_clause(&self) -> Option<String> {
        let mut text = String::new();
        for element in &self.clause {
            match *element {
                Element::Word(start, end) => text.push_str(&self.text.text(start, end)),
                _ => return None,
            }
        }
        (!text.is_empty()).then_some(text)
    }

    /// The words of a clause that name the amount of the next one when that amount has no label of its own:
    /// before `:` any words (`1.因公出国(境)费:0万元`, `(一)收入预算:2024年年初预算数777.03万元`); before `,`
    /// the name of a sum of money, alone or with a comment that ranks it (topic, comment: `支出总计,A万元`,
    /// `某项费用降幅最大,决算数A万元`, `某项次之,共A万元`). A name of money is a root's, one ending in a money
    /// noun, or a known item of any root (`公务接待`: county spellings end in no money noun); never an
    /// office's (`税务局,`), which names money only with its amount in its own clause.
    fn naming_clause(&self, words: String, ch: char) -> Option<String> {
        if ch == ':' {
            return Some(words);
        }
        if ch != ',' {
            return None;
        }
        let name = TOPIC_COMMENTS
            .iter()
            .find_map(|c| words.strip_suffix(c))
            .unwrap_or(&words);
        let label = clean_label(name, self.phase).text;
        let named = !names_office(&label)
            && (root_of(&label).is_some() || names_money(&label) || names_known_item(&label));
        named.then(|| name.to_string())
    }

    /// An amount printed without a label after `label:`: the label before the colon, where a bare kind
    /// (`收入预算:`, `支出:`) names the total.
    fn label_or_colon_label(&mut self, label: Label) -> Label {
        let colon = self.colon_label.take();
        // `某项次之,共A万元`: `共` names nothing by itself.
        if !label.text.is_empty() && !GENERIC_LABELS.contains(&label.text.as_str()) {
            return label;
        }
        let Some(colon) = colon else { return label };
        let named = clean_label(&colon, self.phase);
        let text = match named.text.as_str() {
            "收入" => "收入总计".to_string(),
            "支出" => "支出总计".to_string(),
            other => other.to_string(),
        };
        Label { text, ..named }
    }

    fn end_sentence(&mut self, end: usize) {
        self.colon_label = None;
        self.cause_subject = None;
        self.vs_budget_change = false;
        self.year_change_open = false;
        self.base_unsure = false;
        self.rose_from = None;
        self.years_from = None;
        self.budget_printed_before = false;
        // `…收入当月完成A亿元,下降x%;累计完成B亿元,增长y%`: the month's name goes on past the `;`.
        if self.text.text(end.saturating_sub(1), end) != ";" {
            self.year_to_date = None;
        }
        let statements = std::mem::take(&mut self.statements);
        // Kept for the next sentence only, and only after a sentence of words (`税收收入稳步增长,完成…` states
        // its figures: their labels say what they are).
        self.said_without_figure = match self.said_without_figure.take() {
            Some((label, true)) if statements.is_empty() => Some((label, false)),
            _ => None,
        };
        self.paired_subjects.clear();
        self.each_subjects.clear();
        if !statements.is_empty() {
            self.sentences.push(Sentence {
                start: self.sentence_start,
                end,
                statements,
            });
        }
        self.sentence_start = end;
    }

    fn end_clause(&mut self) {
        let clause = std::mem::take(&mut self.clause);
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k < clause.len() {
            match clause[k] {
                Element::Word(start, end) => words.push((start, end)),
                Element::Separator => {}
                Element::Figure(first) => {
                    let mut figures = vec![first];
                    while let (Some(Element::Separator), Some(Element::Figure(next))) =
                        (clause.get(k + 1), clause.get(k + 2))
                    {
                        figures.push(*next);
                        k += 2;
                    }
                    if !self.class_path_with_figure(&words, &figures) {
                        self.figures_with_words(&words, &figures);
                    }
                    words.clear();
                }
            }
            k += 1;
        }
        // A heading broken over lines (`…财政事务(款)行政运行` / `(项)`) is read whole.
        let whole: String = words.iter().map(|&(s, e)| self.text.text(s, e)).collect();
        if let Some(path) = self.class_path(&whole) {
            self.statements.push(Statement::ClassPath { path });
            return;
        }
        if self.statements.is_empty() && self.class_path_tail(&whole) {
            return;
        }
        for &(start, end) in &words {
            self.words_alone(start, end);
        }
    }

    /// `12、住房保障支出(221类)住房改革支出(02款)住房公积金(01项)208.8万元。` (budget documents): the numbered
    /// heading of a class-path item printed with the item's amount — the heading, then the amount as one
    /// naming nothing but the item.
    fn class_path_with_figure(&mut self, words: &[(usize, usize)], figures: &[usize]) -> bool {
        let [figure] = figures else { return false };
        if !self.is_money(*figure) {
            return false;
        }
        let whole: String = words.iter().map(|&(s, e)| self.text.text(s, e)).collect();
        let Some(path) = self.class_path(&whole) else {
            return false;
        };
        // The whole path up to the figure: the amount is the deepest level's, not a name's after it.
        let complete = path.last().is_some_and(|(_, level)| !level.is_empty());
        if !complete {
            return false;
        }
        self.statements.push(Statement::ClassPath { path });
        self.statements.push(Statement::Amount {
            label: Label::default(),
            figure: *figure,
        });
        true
    }

    fn is_money(&self, figure: usize) -> bool {
        self.tokens
            .figures
            .get(figure)
            .is_some_and(|f| f.unit.is_money())
    }

    /// The subjects of a paired change: the labels printed before it (`收入、支出总计各增加` → 收入总计,
    /// 支出总计) when there is one per figure, else the figures of the last paired list.
    fn subjects_of_pair(&self, words: &[(usize, usize)], last: &str, count: usize) -> Vec<Subject> {
        let mut parts: Vec<String> = words[..words.len().saturating_sub(1)]
            .iter()
            .map(|&(s, e)| self.text.text(s, e))
            .collect();
        parts.push(last.to_string());
        if parts.len() == count && count > 1 {
            return paired_labels(&parts)
                .iter()
                .map(|label| self.subject(label))
                .collect();
        }
        if let Some(labels) = self.last_amount_labels(count) {
            return labels.into_iter().map(Subject::Named).collect();
        }
        (0..count).map(Subject::Paired).collect()
    }

    /// `…因公出国(境)费21.36亿元,公务用车购置及运行费43.99亿元,公务接待费14.34亿元。与上年相比,分别减少A、B、
    /// C亿元`: a paired change naming nothing is about the amounts stated last, one each, when they were
    /// stated one by one (after a paired list, `收、支总计各是…`, it is about that list's). Looks back over
    /// the last statements only (bounded).
    fn last_amount_labels(&self, count: usize) -> Option<Vec<String>> {
        let previous = self.sentences.last().map_or(&[][..], |s| &s.statements[..]);
        let mut labels = Vec::new();
        let recent = self.statements.iter().rev().chain(previous.iter().rev());
        for statement in recent.take(64) {
            match statement {
                Statement::PairedAmount { .. } => return None,
                Statement::Amount { label, .. } if !label.text.is_empty() => {
                    labels.push(label.text.clone());
                }
                _ => {}
            }
            if labels.len() == count {
                labels.reverse();
                return Some(labels);
            }
        }
        None
    }

    /// The total a heading clause names (`2022年度“三公”经费支出决算中`): `中` after a label of a known total.
    /// `一般公共服务支出(类)财政事务(款)行政运行(项)` right after a list marker: the names before each level
    /// word, from the 类 down (a path may stop at the 类 or the 款). A clause of words only.
    fn class_path(&self, word: &str) -> Option<Vec<(String, String)>> {
        let numbered = matches!(self.statements.as_slice(), [Statement::Marker { .. }]);
        if !numbered {
            return None;
        }
        let mut path = Vec::new();
        let mut rest = word;
        for level in ['类', '款', '项'] {
            let Some((at, marker)) = find_level_marker(rest, level) else {
                break;
            };
            let name = rest[..at].trim();
            if name.is_empty() {
                return None;
            }
            path.push((name.to_string(), marker[1..marker.len() - 1].to_string()));
            rest = &rest[at + marker.len()..];
        }
        // `…财政事务(款)行政运行` with `(项)` on the next line (a line break ended the sentence): the name
        // after the last level word is the next level's, its level word still to come (see
        // [`Parser::class_path_tail`]).
        match rest.trim() {
            _ if path.is_empty() || path.len() == 3 && !rest.trim().is_empty() => return None,
            "" => {}
            name => path.push((name.to_string(), String::new())),
        }
        Some(path)
    }

    /// `5、…(类)行政事业单位养老支出(款)` / `行政单位离退休(项)。`: a line that ends the heading of the sentence
    /// before (a line break ended it) with the next level's name.
    fn class_path_tail(&mut self, word: &str) -> bool {
        let Some(Statement::ClassPath { path }) = self
            .sentences
            .last_mut()
            .and_then(|s| s.statements.last_mut())
        else {
            return false;
        };
        let Some((name, level)) = ['类', '款', '项'].iter().find_map(|&level| {
            let (at, marker) = find_level_marker(word, level)?;
            let whole = at + marker.len() == word.len();
            whole.then(|| (word[..at].trim(), &marker[1..marker.len() - 1]))
        }) else {
            return false;
        };
        let full = path.len() >= 3;
        match path.last_mut() {
            // `…行政单位` / `医疗(项)`: the name broken over the lines.
            Some((printed, unfinished)) if unfinished.is_empty() => {
                printed.push_str(name);
                *unfinished = level.to_string();
            }
            _ if name.is_empty() || full => return false,
            _ => path.push((name.to_string(), level.to_string())),
        }
        true
    }

    /// `全省11市财政收入均实现增长。其中:` (execution news): a sentence that says how a sum of money went
    /// without a figure names the subject of what follows its `其中` (the next sentence's first words), not
    /// the figure stated before it (see [`Parser::opener`]). Only a sentence of words.
    fn said_without_figure(&self, word: &str) -> Option<Label> {
        if !self.statements.is_empty() {
            return None;
        }
        let (before, _) = strip_direction(word)?;
        let mut subject = before;
        while let Some(rest) = GROWTH_ADVERBS.iter().find_map(|a| subject.strip_suffix(a)) {
            subject = rest;
        }
        let label = clean_label(subject, self.phase);
        (subject != before && names_money(&label.text)).then_some(label)
    }

    /// `其中:` (`包括:`…): the items of the figure stated last follow — or, opening the sentence right after a
    /// sentence of words that said a sum of money grew (`…均实现增长。其中:`), that sum's.
    fn opener(&mut self, partial: bool, of_which: bool) {
        let said = self.said_without_figure.take();
        if let Some((label, _)) = said.filter(|_| self.statements.is_empty()) {
            self.statements.push(Statement::SubjectHeading { label });
        }
        self.statements
            .push(Statement::Opener { partial, of_which });
    }

    fn heading_subject(&self, word: &str) -> Option<Label> {
        let label = clean_label(word.strip_suffix('中')?, self.phase);
        let label = Label {
            text: label.text.trim_end_matches("决算").to_string(),
            ..label
        };
        root_of(&label.text).is_some().then_some(label)
    }

    /// Figures with the words printed before them in the clause.
    fn figures_with_words(&mut self, words: &[(usize, usize)], figures: &[usize]) {
        let word_text = |&(s, e): &(usize, usize)| self.text.text(s, e);
        if let [figure] = figures {
            let word = words.last().map(word_text).unwrap_or_default();
            self.one_figure(&word, *figure);
            return;
        }
        // A list of figures: `收、支总计各是812.33、809.10万元` or `(收、支总计)各下降21.4%、31.1%`.
        let word = words.last().map(word_text).unwrap_or_default();
        if let Some((before, sign)) = strip_direction(&word) {
            let paired = before.ends_with('各') || before.ends_with("分别");
            if paired {
                self.paired_subjects = self.subjects_of_pair(words, before, figures.len());
            }
            // Paired changes (`收入、支出总计各增加A、B万元，增长x%、y%`): a bare direction right after a
            // paired change in the sentence takes the same subjects, in order.
            let follows_pair = before.is_empty() && self.paired_subjects.len() == figures.len();
            if paired || follows_pair {
                for (index, &figure) in figures.iter().enumerate() {
                    let subject = self.paired_subjects[index].clone();
                    self.statements.push(if self.is_money(figure) {
                        Statement::Change {
                            subject,
                            figure,
                            sign,
                        }
                    } else {
                        Statement::ChangePct {
                            subject,
                            figure,
                            sign,
                        }
                    });
                }
                return;
            }
        }
        let money = figures.iter().all(|&f| self.is_money(f));
        if words.len() == figures.len() && money {
            let texts: Vec<String> = words
                .iter()
                .map(|w| clean_label(&word_text(w), self.phase).text)
                .collect();
            for (index, (label, &figure)) in
                paired_labels(&texts).into_iter().zip(figures).enumerate()
            {
                self.statements.push(Statement::PairedAmount {
                    label: clean_label(&label, self.phase),
                    figure,
                    index,
                });
            }
            return;
        }
        for &figure in figures {
            self.statements.push(Statement::Unknown { figure });
        }
    }

    /// `收入总计A万元,支出总计B万元,与上年相比,各增加C万元,增长x%` (`收支总计各增加C`, `均下降C`): one change
    /// said of each of the two amounts stated before it in the sentence is the change of both, and the bare
    /// rate right after it is the rate of both (general pattern: a unit's two grand totals, printed equal, and
    /// their one change). Only with exactly two amounts before it: with more, `各` may name something else.
    fn change_of_each(&mut self, word: &str, figure: usize) -> bool {
        let Some((before, sign)) = strip_direction(word) else {
            self.each_subjects.clear();
            return false;
        };
        let (subject_words, _) = split_lead_in(before);
        if !self.is_money(figure) {
            let subjects = std::mem::take(&mut self.each_subjects);
            if !subject_words.is_empty() || subjects.is_empty() {
                return false;
            }
            for subject in subjects {
                self.statements.push(Statement::ChangePct {
                    subject,
                    figure,
                    sign,
                });
            }
            return true;
        }
        self.each_subjects.clear();
        // `收支较上年增加C万元`: the two totals by name, in this sentence or, opening one, the sentence before.
        let both_named = matches!(
            subject_words,
            "收支" | "收、支" | "收支总计" | "收、支总计" | "收支总额" | "收支总计各"
        );
        if !(subject_words.ends_with('各') || subject_words.ends_with('均') || both_named) {
            return false;
        }
        let amounts = |statements: &[Statement]| -> Option<Vec<Label>> {
            let alone = statements.iter().all(|s| {
                matches!(
                    s,
                    Statement::Amount { .. } | Statement::LeadIn { .. } | Statement::Marker { .. }
                )
            });
            let labels: Vec<Label> = statements
                .iter()
                .filter_map(|s| match s {
                    Statement::Amount { label, .. } if !label.text.is_empty() => {
                        Some(label.clone())
                    }
                    _ => None,
                })
                .collect();
            (alone && labels.len() == 2).then_some(labels)
        };
        let here = amounts(&self.statements);
        let opening = self
            .statements
            .iter()
            .all(|s| matches!(s, Statement::LeadIn { .. }));
        let before = match (&here, both_named && opening) {
            (None, true) => self.sentences.last().and_then(|s| amounts(&s.statements)),
            _ => None,
        };
        let Some(labels) = here.or(before) else {
            return false;
        };
        let income_and_spending = labels.iter().any(|l| l.text.contains("收入"))
            && labels.iter().any(|l| l.text.contains("支出"));
        if both_named && !income_and_spending {
            return false;
        }
        let subjects: Vec<Subject> = labels
            .iter()
            .map(|l| Subject::Named(l.text.clone()))
            .collect();
        for subject in &subjects {
            self.statements.push(Statement::Change {
                subject: subject.clone(),
                figure,
                sign,
            });
        }
        self.each_subjects = subjects;
        true
    }

    fn one_figure(&mut self, word: &str, figure: usize) {
        if self.change_of_each(word, figure) {
            return;
        }
        let colon_label = self.colon_label.take();
        let word = match word.strip_prefix(')') {
            Some(rest) => {
                self.statements.push(Statement::ParenClose);
                rest
            }
            None => word,
        };
        let Some(word) = self.open_direction(word, figure) else {
            self.statements.push(Statement::Unknown { figure });
            return;
        };
        let statement = if self.is_money(figure) {
            self.colon_label = colon_label;
            self.money(word, figure)
        } else {
            self.percent(word, figure)
        };
        self.colon_label = None;
        self.statements.push(statement);
    }

    /// `比预算数增加(减少)0万元，增长(下降)0%`: a template whose direction was left as printed. A zero needs no
    /// direction (the word is read as its first direction); any other figure's sign is unknown (`None`).
    fn open_direction<'w>(&self, word: &'w str, figure: usize) -> Option<&'w str> {
        let Some(rest) = ["(减少)", "(下降)", "(降低)"]
            .iter()
            .find_map(|w| word.strip_suffix(w))
            .filter(|rest| strip_direction(rest).is_some_and(|(_, sign)| sign > 0))
        else {
            return Some(word);
        };
        let zero = self.tokens.figures.get(figure).and_then(|f| f.value);
        zero.is_some_and(|v| v.is_zero()).then_some(rest)
    }

    /// `…增加x万元`: a change of the words before the direction.
    fn money_change(&mut self, before: &str, figure: usize, sign: i8) -> Statement {
        let (subject, budget_based) = split_lead_in(before);
        // `比预算数减少x万元` in a final account, `较年初预算增加x万元` anywhere: a change against the figure's
        // own budget (a budget text's `比上年预算增加` compares with last year); the rate after it goes with it.
        let after_budget = before.is_empty() && self.budget_printed_before;
        self.budget_printed_before &= before.is_empty();
        let vs_budget = after_budget
            || budget_based && (self.phase == Some(Phase::Final) || against_own_budget(before));
        self.vs_budget_change = vs_budget;
        self.base_unsure = vs_budget && self.year_change_open;
        self.year_change_open = !vs_budget;
        let subject = self.subject(subject);
        if vs_budget {
            Statement::ChangeVsBudget {
                subject,
                figure,
                sign,
            }
        } else {
            Statement::Change {
                subject,
                figure,
                sign,
            }
        }
    }

    /// An amount and what its words say of it: a change (against last year or the budget), a budget, an amount
    /// set against another, an adjustment, or the amount of a label.
    fn money(&mut self, word: &str, figure: usize) -> Statement {
        if let Some(statement) = self.gap_to_budget(word, figure) {
            return statement;
        }
        if let Some((before, sign)) = strip_vs_budget_direction(word) {
            self.vs_budget_change = true;
            self.base_unsure = self.year_change_open || names_no_budget(word);
            return Statement::ChangeVsBudget {
                subject: self.subject(split_lead_in(before).0),
                figure,
                sign,
            };
        }
        if let Some((before, sign)) = strip_direction(word) {
            let change = self.money_change(before, figure, sign);
            if matches!(change, Statement::ChangeVsBudget { .. }) && names_no_budget(word) {
                self.base_unsure = true;
            }
            return change;
        }
        // `完成年初预算数60999万元的40.4%`, `占预算101032万元的67.3%`: the budget of the amount stated last,
        // printed inside its completion rate (budget-execution reports).
        // Not `完成区本级一般公共预算收入A` (the amount of a fund's revenue or spending: the 预算 of a fund's name
        // names no budget figure), but `完成年初预算收入A的B%` still is.
        let budget_word = without_fund_names(word).contains("预算");
        if (word.starts_with("完成") || word.starts_with('占')) && budget_word {
            return Statement::Budget {
                subject: Subject::Implicit,
                figure,
            };
        }
        self.compared(word, figure)
            .or_else(|| self.adjustment(word, figure))
            .or_else(|| self.final_budget(word, figure))
            .unwrap_or_else(|| self.labelled_amount(word, figure))
    }

    /// `…由21.28亿元调整为40.94亿元`: the budget before its adjustment (`由`), and the adjusted amount, of the
    /// label before `由`.
    fn adjustment(&mut self, word: &str, figure: usize) -> Option<Statement> {
        if let Some(label) = word.strip_suffix('由') {
            return Some(Statement::AdjustedFrom {
                label: clean_label(label, self.phase).text,
                figure,
            });
        }
        if !["调整为", "调整到"].contains(&word) {
            return None;
        }
        self.amount_before_adjusted();
        Some(Statement::Amount {
            label: Label::default(),
            figure,
        })
    }

    /// `支出预算数A万元` in a final account: the budget of the label before the budget word.
    fn final_budget(&self, word: &str, figure: usize) -> Option<Statement> {
        if self.phase != Some(Phase::Final) {
            return None;
        }
        let subject = BUDGET_SUFFIXES.iter().find_map(|s| word.strip_suffix(s))?;
        Some(Statement::Budget {
            subject: self.subject(subject),
            figure,
        })
    }

    /// The amount of the label its words give (after an opening bracket or list opener), or of the clause
    /// before that named it.
    fn labelled_amount(&mut self, word: &str, figure: usize) -> Statement {
        let mut label = word;
        if let Some(rest) = label.strip_prefix('(') {
            self.statements.push(Statement::ParenOpen);
            label = rest;
        }
        for opener in ["其中", "具体包括", "包括"] {
            if let Some(rest) = label.strip_prefix(opener) {
                self.opener(false, opener == "其中");
                label = rest;
                break;
            }
        }
        let printed = label;
        self.year_change_open = false;
        self.cause_subject = None;
        let label = self.month_or_year_to_date(printed, clean_label(printed, self.phase));
        Statement::Amount {
            label: self.label_or_colon_label(label),
            figure,
        }
    }

    /// `…支出A万元，年初预算为B万元，差值为C万元` (final accounts set against their budget): an unsigned gap
    /// printed right after the budget of the amount before it is that amount's change against its budget; its
    /// direction is not printed (sign 0: the assembler takes it from the two figures, whose gap is checked).
    fn gap_to_budget(&mut self, word: &str, figure: usize) -> Option<Statement> {
        let gap = GAP_WORDS.contains(&word);
        let after_budget = matches!(self.statements.last(), Some(Statement::Budget { .. }));
        if !(gap && after_budget) {
            return None;
        }
        self.vs_budget_change = true;
        self.base_unsure = false;
        Some(Statement::ChangeVsBudget {
            subject: Subject::Implicit,
            figure,
            sign: 0,
        })
    }

    /// An amount set against another (after a comparison lead-in), or last year's and this year's amount of a
    /// label (`由上年的A增加到B`).
    fn compared(&mut self, word: &str, figure: usize) -> Option<Statement> {
        // `决算6.4亿元,比年初预算8.3亿元减少1.9亿元,下降22.9%`, `相比年初预算数的1.5亿元…`: the amount set against
        // the figure's own budget is that budget; the bare change and rate after it are against it too.
        if lead_in_at(word, 0) && against_own_budget(word) {
            self.vs_budget_change = true;
            self.budget_printed_before = true;
            return Some(Statement::Budget {
                subject: Subject::Implicit,
                figure,
            });
        }
        if lead_in_at(word, 0) {
            // `…较预算数B增加D（其中：某项A2，较上年P2减少C2，下降x%…`: an amount set against last year's
            // opens a comparison of its own; the change against the budget before it no longer decides the
            // base of the bare change and rate after it.
            self.vs_budget_change = false;
            self.base_unsure = false;
            self.budget_printed_before = false;
            return Some(Statement::Prior { figure });
        }
        // `X从2015年的A万元上升到2020年的B万元,年均增长x%` (a plan period's first and last year): A is X's amount
        // in the first year, B in the last, each a figure of its own year (never the other's prior, nor one
        // figure printed twice). B is placed first: the later year's amount is the one the text goes on about.
        if let Some((rest, year)) = ending_year(word) {
            if let Some(name) = rest.strip_suffix('从').or_else(|| rest.strip_suffix('由')) {
                let label = clean_label(name, self.phase);
                if !label.text.is_empty() {
                    self.years_from = Some((label.clone(), figure));
                    let label = Label {
                        year: Some(year),
                        ..label
                    };
                    return Some(Statement::Amount { label, figure });
                }
            }
            let to = rest == "到" || rest == "至" || RISEN_TO.contains(&rest);
            if let Some((label, first)) = self.years_from.take().filter(|_| to) {
                let earlier = self.statements.iter().rposition(
                    |s| matches!(s, Statement::Amount { figure, .. } if *figure == first),
                );
                let earlier = earlier.map(|i| self.statements.remove(i));
                self.statements.push(Statement::Amount {
                    label: Label {
                        year: Some(year),
                        ..label
                    },
                    figure,
                });
                return earlier;
            }
        }
        // `一般公共预算收入由上年的A亿元增加到B亿元,增长x%`: A is last year's amount of the label, B this year's.
        if let Some(label) = FROM_LAST_YEAR.iter().find_map(|w| word.strip_suffix(w)) {
            self.rose_from = Some(clean_label(label, self.phase));
            return Some(Statement::Prior { figure });
        }
        // `某补助标准由每人每年A元提高到B元`: a standard per head, from its earlier value to its new one.
        if let Some(label) = per_head_from(word) {
            self.rose_from = Some(clean_label(&label, self.phase));
            return Some(Statement::Prior { figure });
        }
        let risen = RISEN_TO.contains(&strip_per_head(word));
        let label = self.rose_from.take().filter(|_| risen)?;
        let label = Label {
            rose: true,
            ..label
        };
        Some(Statement::Amount { label, figure })
    }

    /// `一般公共预算收入当月完成A万元,下降x%,累计完成B万元,下降y%` (monthly execution reports): A is the month's
    /// amount, another quantity than the year's so far, named `当月一般公共预算收入` (the period before the name, as
    /// a qualifier); B, printed with `累计` alone, is the amount the name was printed for.
    fn month_or_year_to_date(&mut self, printed: &str, label: Label) -> Label {
        let month = ["当月", "本月"]
            .iter()
            .find_map(|m| label.text.strip_suffix(m).map(|name| (*m, name)));
        if let Some((month, name)) = month.filter(|(_, name)| names_money(name)) {
            self.year_to_date = Some(name.to_string());
            let text = format!("{month}{name}");
            return Label { text, ..label };
        }
        let to_date = label.text.is_empty() && printed.contains("累计");
        match self.year_to_date.take().filter(|_| to_date) {
            Some(text) => Label { text, ..label },
            None => label,
        }
    }

    /// `债务转贷收入4.9亿元调整为7.35亿元` (no `由`): the labelled amount right before `调整为` is the budget
    /// before the adjustment, as after `由`.
    fn amount_before_adjusted(&mut self) {
        let Some(Statement::Amount { label, figure }) = self.statements.last() else {
            return;
        };
        if label.text.is_empty() {
            return;
        }
        let adjusted = Statement::AdjustedFrom {
            label: label.text.clone(),
            figure: *figure,
        };
        self.statements.pop();
        self.statements.push(adjusted);
    }

    /// `税收收入占地方一般公共预算收入的比重为71.1%`: a share whose subject is the label printed before `占`
    /// (not a change or comparison printed there); the subject and the words after `占`.
    fn subject_before_share<'w>(&self, word: &'w str) -> Option<(Subject, &'w str)> {
        let (before, base) = word.split_once('占')?;
        if before.is_empty() || strip_direction(before).is_some() || lead_in_at(before, 0) {
            return None;
        }
        match self.subject(before) {
            Subject::Implicit => None,
            named => Some((named, base)),
        }
    }

    fn percent(&mut self, word: &str, figure: usize) -> Statement {
        // `占调整预算105.47%`, `为年预算的32.3%`: a share of the figure's own budget is its completion rate.
        if names_own_budget(word) {
            return Statement::Completion {
                subject: Subject::Implicit,
                figure,
            };
        }
        let named = self.subject_before_share(word);
        if let Some(base) = named
            .as_ref()
            .map_or(word.strip_prefix('占'), |n| Some(n.1))
        {
            let base = SHARE_WORDS
                .iter()
                .find_map(|w| base.strip_suffix(w))
                .unwrap_or(base);
            let base = clean_label(base.trim_end_matches('的'), self.phase).text;
            let bare = base.is_empty() || base == "比";
            return Statement::Share {
                subject: named.map_or(Subject::Implicit, |n| n.0),
                base: (!bare).then_some(base),
                figure,
            };
        }
        let after_budget = matches!(self.statements.last(), Some(Statement::Budget { .. }));
        if word == "的" && after_budget {
            return Statement::Completion {
                subject: Subject::Implicit,
                figure,
            };
        }
        if let Some(at) = word.find("完成") {
            return Statement::Completion {
                subject: self.subject(&word[..at]),
                figure,
            };
        }
        if let Some((before, sign)) = strip_direction(word) {
            return self.rate(before, figure, sign);
        }
        Statement::Unknown { figure }
    }

    /// `增长x%`: a rate against last year, or against the budget where its own words or the change before it
    /// compare with the budget. A bare rate whose base the words leave open is read as such (see
    /// [`Parser::base_unsure`]).
    fn rate(&mut self, before: &str, figure: usize, sign: i8) -> Statement {
        let (subject, budget_based) = split_lead_in(before);
        let own_budget =
            budget_based && (self.phase == Some(Phase::Final) || against_own_budget(before));
        let subject = self.subject(subject);
        let bare = before.is_empty();
        if bare && self.vs_budget_change && self.base_unsure {
            return Statement::RateEitherBase { figure, sign };
        }
        self.year_change_open = false;
        if own_budget || (bare && self.vs_budget_change) {
            return Statement::ChangeVsBudgetPct {
                subject,
                figure,
                sign,
            };
        }
        Statement::ChangePct {
            subject,
            figure,
            sign,
        }
    }

    /// `较上年无变化`: no change from last year. `与年初预算持平` (`和预算数持平`) in a final account, or
    /// against the figure's own budget anywhere: the figure equals its budget, never a change of zero from
    /// last year (which the checker would set against last year's figure).
    fn no_change(&self, before: &str, start: usize, end: usize) -> Statement {
        let (subject_words, budget_based) = split_lead_in(before);
        let subject = self.subject(subject_words);
        let own_budget =
            budget_based && (self.phase == Some(Phase::Final) || against_own_budget(before));
        if own_budget {
            // The phrase without its subject (`与年初预算持平`), as [`said_against_budget`] gives it.
            let start = start + subject_words.chars().count();
            Statement::Comparison {
                subject,
                said: Comparison::Equal,
                start,
                end,
            }
        } else {
            Statement::NoChange {
                subject,
                start,
                end,
            }
        }
    }

    fn subject(&self, text: &str) -> Subject {
        let label = clean_label(text, self.phase).text;
        if label.is_empty() {
            self.cause_subject
                .clone()
                .map_or(Subject::Implicit, Subject::Named)
        } else {
            Subject::Named(label)
        }
    }

    /// A word with no figure after it in its clause.
    fn words_alone(&mut self, mut start: usize, end: usize) {
        let mut word = self.text.text(start, end);
        if let Some(rest) = word.strip_prefix(')') {
            self.statements.push(Statement::ParenClose);
            word = rest.to_string();
            start += 1;
            if word.is_empty() {
                return;
            }
        }
        // `(其中:` opens a parenthesis whose items follow: the `(` is what closes the list at `)`.
        if let Some(rest) = word
            .strip_prefix('(')
            .filter(|r| OPENERS.iter().any(|o| r.ends_with(o)))
        {
            self.statements.push(Statement::ParenOpen);
            word = rest.to_string();
        }
        let statement = if word.starts_with('占') && word.contains('%') {
            Statement::MissingShare
        } else if OPENERS.iter().any(|o| word.ends_with(o)) {
            return self.opener(word.contains("主要"), word.ends_with("其中"));
        } else if let Some((before, said, phrase)) = said_against_budget(&word) {
            // Before `持平`: `决算数与预算数持平` compares with the budget, not with last year.
            let (subject, _) = split_lead_in(before);
            let from = start + before.chars().count();
            Statement::Comparison {
                subject: self.subject(subject),
                said,
                start: from,
                end: from + phrase.chars().count(),
            }
        } else if word.ends_with("基本持平") || NOT_ADJUSTED.contains(&word.as_str()) {
            return;
        } else if let Some(before) = NO_CHANGE.iter().find_map(|w| word.strip_suffix(w)) {
            self.no_change(before, start, end)
        } else if let Some(rest) = word.strip_prefix('无').filter(|r| !r.is_empty()) {
            Statement::ZeroInWords {
                label: clean_label(rest, self.phase),
                start,
                end,
            }
        } else if lead_in_at(&word, 0) {
            Statement::LeadIn {
                budget: word.contains("预算"),
            }
        } else if let Some(label) = self.heading_subject(&word) {
            Statement::SubjectHeading { label }
        } else if let Some(label) = self.said_without_figure(&word) {
            self.said_without_figure = Some((label, true));
            return;
        } else {
            return;
        };
        self.statements.push(statement);
    }
}

/// Words that give the cause of a movement right after the name of what moved (`X受…影响`, `X因…`, `X由于…`).
const CAUSE_WORDS: [&str; 4] = ["受", "因", "由于", "主要受"];

/// General pattern of execution reports explaining a category inside a paragraph about the total: `…收入比预算
/// 超收A，主要是…所致，税收收入受减税降费政策影响，较年初预算减少B，下降x%` — a clause of words that opens with a
/// name of money and goes on with its cause names the subject of the changes after it that name none: they are
/// that category's, never the total's stated before (nor the figure stated last). Returns that name.
fn cause_clause_subject(words: &str, phase: Option<Phase>) -> Option<String> {
    // `因公出国(境)费` names money, not a cause.
    let (at, _) = CAUSE_WORDS
        .iter()
        .filter_map(|w| words.find(w).map(|at| (at, w)))
        .filter(|(at, _)| !words[*at..].starts_with("因公"))
        .min()?;
    let name = clean_label(&words[..at], phase).text;
    let named = name.chars().count() >= 2 && names_money(&name) && !names_office(&name);
    named.then_some(name)
}

/// `决算数大于预算数`, `支出决算小于年初预算`, `决算数与预算数持平`: a final figure set against its budget in
/// words, as 决算 narratives explain the gap (`…的主要原因是…`). Returns the words before (the subject), what
/// is said, and the phrase itself.
fn said_against_budget(word: &str) -> Option<(&str, Comparison, &str)> {
    let at = word.find("决算")?;
    let rest = &word[at..];
    let after_final = rest
        .strip_prefix("决算数")
        .or_else(|| rest.strip_prefix("决算"))?;
    const BUDGETS: [&str; 5] = ["年初预算数", "年初预算", "调整预算数", "预算数", "预算"];
    let budget_len = |r: &str| BUDGETS.iter().find(|b| r.starts_with(*b)).map(|b| b.len());
    let (said, used) = if let Some(r) = after_final.strip_prefix("与") {
        let b = budget_len(r)?;
        let equal = ["持平", "相等", "一致"]
            .iter()
            .find(|w| r[b..].starts_with(*w))?;
        (Comparison::Equal, "与".len() + b + equal.len())
    } else {
        let (said, word_len) = [
            ("大于", Comparison::Above),
            ("高于", Comparison::Above),
            ("小于", Comparison::Below),
            ("低于", Comparison::Below),
            ("等于", Comparison::Equal),
        ]
        .iter()
        .find(|(w, _)| after_final.starts_with(*w))
        .map(|(w, c)| (*c, w.len()))?;
        (said, word_len + budget_len(&after_final[word_len..])?)
    };
    let phrase_len = rest.len() - after_final.len() + used;
    Some((&word[..at], said, &rest[..phrase_len]))
}

/// Direction words that compare with the figure's own budget: an adjustment (`由21.28亿元调整为40.94亿元，
/// 调增19.66亿元`: the budget was 21.28) or revenue against its budget (`完成预算49531万元的85.0%，短收7431万元`).
const VS_BUDGET_DIRECTIONS: [(&str, i8); 4] =
    [("调增", 1), ("调减", -1), ("超收", 1), ("短收", -1)];

/// Budget-execution words for money gained or lost (`超收`, `短收`, `增收`, `减收`, `增支`, `减支`): said against
/// the budget (`超收A`, `比预算增收A`), the growth rate after them is as often last year's (see
/// [`Parser::base_unsure`]), unlike the rate after `比预算数减少A`.
const EXECUTION_WORDS: [&str; 6] = ["超收", "短收", "增收", "减收", "增支", "减支"];

/// Whether a change's words end in an execution word (see [`EXECUTION_WORDS`]).
fn names_no_budget(word: &str) -> bool {
    let word = word.strip_suffix('了').unwrap_or(word);
    EXECUTION_WORDS.iter().any(|w| word.ends_with(w))
}

/// `红山网讯(记者某某)市本级…`, `新华社北京3月5日电(记者某某)…`: a news dateline before the first sentence is
/// no part of a label.
fn without_dateline(text: &str) -> &str {
    const LONGEST: usize = 40;
    let opening = ["讯(", "电("]
        .iter()
        .find_map(|w| text.find(w).map(|i| i + w.len()));
    let Some(open) = opening.filter(|&i| text[..i].chars().count() <= LONGEST) else {
        return text;
    };
    match text[open..].find(')') {
        Some(close) if text[open..open + close].starts_with("记者") => &text[open + close + 1..],
        _ => text,
    }
}

/// `…从2015年的`, `…到2020年`: the words before a year that ends them (`YYYY年`, `YYYY年度`, with `的`), and
/// the year.
fn ending_year(word: &str) -> Option<(&str, u16)> {
    let word = word.strip_suffix('的').unwrap_or(word);
    let word = word
        .strip_suffix('年')
        .or_else(|| word.strip_suffix("年度"))?;
    let digits = word.len().checked_sub(4)?;
    let year: u16 = word.get(digits..)?.parse().ok()?;
    let alone = !word[..digits].ends_with(|c: char| c.is_ascii_digit());
    ((1949..=2100).contains(&year) && alone).then(|| (&word[..digits], year))
}

/// `调增` → (`…`, +1): the word before a direction against the budget at the end, and its sign.
fn strip_vs_budget_direction(word: &str) -> Option<(&str, i8)> {
    let word = word.strip_suffix('了').unwrap_or(word);
    VS_BUDGET_DIRECTIONS
        .iter()
        .find_map(|&(d, sign)| word.strip_suffix(d).map(|before| (before, sign)))
}

/// `减少了` → (`…`, −1): the word before a direction word at the end, and the direction's sign.
pub fn strip_direction(word: &str) -> Option<(&str, i8)> {
    // `同比增长率为1.8%`, `增幅达12.5%`: the rate named, then its figure (not `减少为A`: an amount).
    let word = ["率为", "幅为", "率达到", "幅达到", "率达", "幅达"]
        .iter()
        .find_map(|w| word.strip_suffix(w).map(|rest| (rest, &w[..3])))
        .map_or(word, |(rest, kept)| &word[..rest.len() + kept.len()]);
    let word = word.strip_suffix('了').unwrap_or(word);
    // `减少率35.22%`, `增长率5%`: the rate of the change.
    let word = word.strip_suffix('率').unwrap_or(word);
    DIRECTIONS
        .iter()
        .find_map(|&(d, sign)| word.strip_suffix(d).map(|before| (before, sign)))
}

/// The first level marker of `level` in `text`: `(类)` as the 决算 template prints it, or with the level's
/// code inside as budget documents do (`(204类)`, `(06款)`, `(01项)`). Its byte offset and the marker.
fn find_level_marker(text: &str, level: char) -> Option<(usize, &str)> {
    text.match_indices('(').find_map(|(at, _)| {
        let inside = &text[at + 1..];
        let digits = inside.bytes().take_while(u8::is_ascii_digit).count();
        let rest = inside[digits..].strip_prefix(level)?.strip_prefix(')')?;
        let end = text.len() - rest.len();
        Some((at, &text[at..end]))
    })
}

/// Whether a comparison lead-in (`比上年`, `较2020年度决算数`, `与上年相比`, `同比`…) starts at byte `at`.
fn lead_in_at(word: &str, at: usize) -> bool {
    let rest = &word[at..];
    // `对比减少4.35万元` after `2016年预算…，2015年预算…`: compared with the year before.
    if ["同比", "按同口径", "相比", "上年同期", "对比"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return true;
    }
    let mut chars = rest.chars();
    let first = chars.next();
    let second = chars.next();
    let against_budget = ["年初预算", "预算", "调整预算", "调整后预算"]
        .iter()
        .any(|b| rest[first.map_or(0, char::len_utf8)..].starts_with(b));
    // `和年初预算持平`: `和` sets a figure against its budget only where the budget word ends the comparison
    // (`收入和上年结转`, `调入资金和预算稳定调节基金` are names).
    let with_budget = first == Some('和') && budget_ends_comparison(&rest['和'.len_utf8()..]);
    with_budget
        || matches!(first, Some('与' | '比' | '较'))
            && (against_budget
                || second.is_some_and(|c| "上去年同前本".contains(c) || c.is_ascii_digit()))
}

/// Words after `和(年初)预算(数)` that end a comparison with the budget (`和年初预算持平`, `和预算数相比`).
const AFTER_BUDGET_COMPARED: [&str; 5] = ["持平", "相比", "比较", "相同", "一致"];

/// `年初预算数持平`, `预算相比`, `调整预算`: a budget word that ends the comparison — followed by a word of
/// [`AFTER_BUDGET_COMPARED`] or by nothing — not the start of a longer name (`预算稳定调节基金`).
fn budget_ends_comparison(rest: &str) -> bool {
    const BUDGETS: [&str; 8] = [
        "年初预算数",
        "年初预算",
        "调整后预算数",
        "调整后预算",
        "调整预算数",
        "调整预算",
        "预算数",
        "预算",
    ];
    BUDGETS.iter().any(|b| {
        rest.strip_prefix(b).is_some_and(|after| {
            after.is_empty() || AFTER_BUDGET_COMPARED.iter().any(|w| after.starts_with(w))
        })
    })
}

/// Splits `今年收入比上年` into the subject (`今年收入`) and whether the lead-in compares with a budget.
fn split_lead_in(word: &str) -> (&str, bool) {
    match word.char_indices().find(|&(i, _)| lead_in_at(word, i)) {
        Some((i, _)) => (&word[..i], word[i..].contains("预算")),
        None => (word, false),
    }
}

/// `较年初预算`, `比调整预算`, `比预算数`: a lead-in comparing with the figure's own budget (no earlier year
/// named), not with last year.
fn against_own_budget(word: &str) -> bool {
    let Some((i, _)) = word.char_indices().find(|&(i, _)| lead_in_at(word, i)) else {
        return false;
    };
    let lead = &word[i..];
    lead.contains("预算")
        && !["上年", "去年", "同期", "前年"]
            .iter()
            .any(|y| lead.contains(y))
        && !lead.chars().any(|c| c.is_ascii_digit())
}

/// `收、支总计` → `收入总计`, `支出总计`: the shared ending goes to every part.
fn paired_labels(parts: &[String]) -> Vec<String> {
    let last = parts.last().map(String::as_str).unwrap_or("");
    let last = ["各是", "各为", "分别是", "分别为", "分别", "各"]
        .iter()
        .find_map(|s| last.strip_suffix(s))
        .unwrap_or(last);
    // The ending shared by all parts: what follows the last part's first character.
    let ending: String = last.chars().skip(1).collect();
    let mut labels: Vec<String> = parts[..parts.len().saturating_sub(1)]
        .iter()
        .map(|p| {
            if p.chars().count() == 1 {
                let income_or_spending = match p.as_str() {
                    "收" => "收入",
                    "支" => "支出",
                    other => other,
                };
                format!(
                    "{income_or_spending}{}",
                    ending.trim_start_matches(['入', '出'])
                )
            } else {
                p.clone()
            }
        })
        .collect();
    let last_label = match last.chars().next() {
        Some('收') if !last.starts_with("收入") => format!("收入{ending}"),
        Some('支') if !last.starts_with("支出") => format!("支出{ending}"),
        _ => last.to_string(),
    };
    labels.push(last_label);
    labels
}

/// Cleans a printed label: leading years (`2021年度`), `本年`/`今年`, list words; trailing fillers (`为`,
/// `决算数`); a leading classification code becomes `code`.
pub fn clean_label(word: &str, phase: Option<Phase>) -> Label {
    let text = word.trim();
    let year = label_year(text);
    let balance_term = ["加", "再加", "减去", "扣除"]
        .iter()
        .any(|p| text.starts_with(p));
    let text = without_leading_words(text);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let code = (3..=10)
        .contains(&digits)
        .then(|| text[..digits].to_string());
    let text = if code.is_some() {
        &text[digits..]
    } else {
        text
    };
    let text = without_trailing_words(text, phase == Some(Phase::Budget));
    let text = without_arranged(text);
    // `因公出国(境)经费费`: a money noun printed twice (as `亿元元`), one meant.
    let text = text
        .strip_suffix('费')
        .filter(|t| t.ends_with('费'))
        .unwrap_or(text);
    Label {
        text: without_qualifier(text).to_string(),
        code,
        year,
        balance_term,
        rose: false,
    }
}

/// `安排预算部门行政经费79.13亿元`, `安排预算稳定调节基金14.22亿元` (budgets and balances): the amount arranged
/// for a named sum of money is that sum's. Only before a name of four characters or more that names money
/// (`安排资金…` names nothing and stays a clause).
fn without_arranged(text: &str) -> &str {
    match text.strip_prefix("安排") {
        Some(name) if name.chars().count() >= 4 && names_money(name) => name,
        _ => text,
    }
}

/// Words before a label that say when or introduce it, not what it is.
const LEADING_WORDS: [&str; 22] = [
    // `…,以及…债务转贷收入120000万元`: the last term of a list of sums.
    "以及",
    "本年度",
    "本年",
    "今年",
    "全年",
    "当年",
    "年度",
    "其中",
    "具体包括",
    "包括",
    // `(包含车辆购置费…`: what an amount includes, listed.
    "包含",
    "安排的",
    // The writer naming itself (`本年度我院基本支出…`): not part of the item's name. (`本单位收入` keeps its
    // words: `单位收入` names the unit's total.)
    "我院",
    "我局",
    "我校",
    "我中心",
    "我部门",
    "我区",
    "我县",
    "我市",
    "我镇",
    "我乡",
];

/// Words after a label that introduce its amount, not what it is.
const TRAILING_WORDS: [&str; 20] = [
    // `…预算安排了7860万元`, `…完成了…`: the same verbs with their aspect word (news).
    "安排了",
    "完成了",
    "实现了",
    "达到了",
    // `一般公共预算收入完成16.16亿元`, `…累计完成24627万元`, `…实现…` (budget-execution reports): the amount
    // done is the label's; so is the amount spent, `…支出执行195.4亿元` (execution news).
    "完成",
    "累计",
    "实现",
    "执行",
    // `事业运行经费总预算安排37337407.64元`: the amount arranged is the label's.
    "安排",
    "决算数为",
    "决算数",
    "决算为",
    "类科目",
    "为",
    "是",
    "共计",
    "达到",
    "达",
    "约",
    "的",
];

/// `2021年度本年…` → `…`, repeatedly; `本年收入合计` / `本年支出合计` are terms of their own (items of 收入总计 /
/// 支出总计) and keep `本年`.
fn without_leading_words(mut text: &str) -> &str {
    loop {
        let before = text;
        text = period::without_period(strip_year(without_dateline(text)));
        for prefix in LEADING_WORDS {
            text = text.strip_prefix(prefix).unwrap_or(text);
        }
        // `①我区地方一般公共预算收入`: a circled number marks the item, it is not part of its name.
        text = text.trim_start_matches(|c| ('\u{2460}'..='\u{2473}').contains(&c));
        let current_year_term = ["本年收入", "本年支出"]
            .iter()
            .any(|t| before.starts_with(t));
        if current_year_term && text != before {
            return before;
        }
        if text == before {
            return text;
        }
    }
}

/// `…决算数为` → `…`, repeatedly; in a budget, budget words after a label go too (`支出总预算` names the
/// total itself and keeps them).
fn without_trailing_words(mut text: &str, budget_phase: bool) -> &str {
    loop {
        let before = text;
        for suffix in TRAILING_WORDS {
            text = text.strip_suffix(suffix).unwrap_or(text);
        }
        if budget_phase && !text.ends_with("总预算") {
            for suffix in BUDGET_SUFFIXES {
                text = text.strip_suffix(suffix).unwrap_or(text);
            }
        }
        text = without_trailing_year(text);
        if text == before {
            return text;
        }
    }
}

/// `地方一般公共预算收入(同口径)` → `地方一般公共预算收入`: a parenthesis after a name of a sum of money
/// qualifies how the figure was counted; it is not part of the name (`因公出国(境)` keeps its own).
fn without_qualifier(text: &str) -> &str {
    let Some(open) = text.strip_suffix(')').and_then(|t| t.rfind('(')) else {
        return text;
    };
    let name = &text[..open];
    if names_money(name) {
        name
    } else {
        text
    }
}

/// The first year printed in a label (`鄂城区2021年的…` → 2021): four digits, 1990–2099, then `年`.
/// Linear: one pass over the bytes.
fn label_year(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(4)).find_map(|i| {
        let digits = &bytes[i..i + 4];
        let alone = i == 0 || !bytes[i - 1].is_ascii_digit();
        if !alone || !digits.iter().all(u8::is_ascii_digit) || !text[i + 4..].starts_with('年') {
            return None;
        }
        let year: u16 = text[i..i + 4].parse().ok()?;
        (1990..=2099).contains(&year).then_some(year)
    })
}

/// `公务接待费2016年` → `公务接待费`: a year after the name says which year's figure it is (columns of years
/// printed as prose: `公务接待费2016年预算8万元，2015年预算12.5万元`), not what it is. The year stays in
/// [`Label::year`].
fn without_trailing_year(text: &str) -> &str {
    let Some(rest) = text
        .strip_suffix("年度")
        .or_else(|| text.strip_suffix('年'))
    else {
        return text;
    };
    let digits = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
    match digits == 4 && rest.len() > 4 {
        true => &rest[..rest.len() - 4],
        false => text,
    }
}

/// `2021年度…` / `2021年…` → `…`.
fn strip_year(text: &str) -> &str {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return text;
    }
    let rest = &text[digits..];
    rest.strip_prefix("年度")
        .or_else(|| rest.strip_prefix('年'))
        .unwrap_or(text)
}

/// Names of the four budgets' money (`一般公共预算收入`, `政府性基金预算支出`, `国有资本经营预算收入`, `社会保险基金
/// 预算支出`): their `预算` is part of a fund's name, not a budget figure.
const FUND_MONEY: &[&str] = &[
    "公共预算收入",
    "公共预算支出",
    "基金预算收入",
    "基金预算支出",
    "经营预算收入",
    "经营预算支出",
];

/// `word` without the names of a fund's money (see [`FUND_MONEY`]).
fn without_fund_names(word: &str) -> String {
    FUND_MONEY
        .iter()
        .fold(word.to_string(), |w, name| w.replace(name, ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::tokens::tokenize;

    #[test]
    fn a_final_figure_said_against_its_budget_in_words() {
        let read = said_against_budget;
        assert_eq!(
            read("“三公”经费支出决算数大于预算数的主要原因是会议增加"),
            Some(("“三公”经费支出", Comparison::Above, "决算数大于预算数"))
        );
        assert_eq!(
            read("支出决算小于年初预算"),
            Some(("支出", Comparison::Below, "决算小于年初预算"))
        );
        assert_eq!(
            read("决算数与预算数持平"),
            Some(("", Comparison::Equal, "决算数与预算数持平"))
        );
        assert_eq!(
            read("决算数等于预算数"),
            Some(("", Comparison::Equal, "决算数等于预算数"))
        );
        // Not a comparison with the budget: last year's figure, or no budget named.
        assert_eq!(read("决算数大于上年决算数"), None);
        assert_eq!(read("决算数与上年持平"), None);
        assert_eq!(read("支出决算情况说明"), None);
    }

    fn statements(text: &str, phase: Option<Phase>) -> Vec<Statement> {
        let n = normalize(text);
        let t = tokenize(&n);
        parse(&n, &t, phase)
            .into_iter()
            .flat_map(|s| s.statements)
            .collect()
    }

    fn label(text: &str) -> Label {
        Label {
            year: None,
            balance_term: false,
            text: text.into(),
            code: None,
            rose: false,
        }
    }

    /// The amounts' labels among `statements`.
    fn amount_labels(statements: &[Statement]) -> Vec<String> {
        statements
            .iter()
            .filter_map(|s| match s {
                Statement::Amount { label, .. } => Some(label.text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_word_of_the_naming_and_gap_tables() {
        // A ranking comment after a name: the name labels the next clause's amount.
        for comment in TOPIC_COMMENTS {
            let s = statements(
                &format!("会议费{comment},决算数3.50万元。"),
                Some(Phase::Final),
            );
            assert_eq!(amount_labels(&s), ["会议费"], "{comment}");
        }
        // A word that names nothing where the label goes: the clause before names the amount.
        for generic in GENERIC_LABELS {
            let s = statements(
                &format!("培训费次之,{generic}2.25万元。"),
                Some(Phase::Final),
            );
            assert_eq!(amount_labels(&s), ["培训费"], "{generic}");
        }
        // An unsigned gap right after the budget: a change against the budget, its sign from the figures.
        for gap in GAP_WORDS {
            let text = format!("印刷费决算8.00万元,年初预算为9.50万元,{gap}1.50万元。");
            let s = statements(&text, Some(Phase::Final));
            let gap_statement = Statement::ChangeVsBudget {
                subject: Subject::Implicit,
                figure: 2,
                sign: 0,
            };
            assert_eq!(s.last(), Some(&gap_statement), "{gap}");
        }
    }

    #[test]
    fn and_compares_with_the_budget_only_where_the_budget_word_ends_the_comparison() {
        assert!(lead_in_at("和年初预算持平", 0));
        assert!(lead_in_at("和预算数相比", 0));
        assert!(lead_in_at("和调整预算", 0));
        // A longer name that starts with 预算, or another name after `和`.
        assert_eq!(
            split_lead_in("调入资金和预算稳定调节基金比上年"),
            ("调入资金和预算稳定调节基金", false)
        );
        assert_eq!(split_lead_in("收入和上年结转"), ("收入和上年结转", false));
        assert!(!lead_in_at("和预算外资金", 0));
    }

    #[test]
    fn level_with_the_budget_spans_the_phrase_without_its_subject() {
        let text = "会议费3.00万元,会议费和年初预算持平。";
        let s = statements(text, Some(Phase::Final));
        let at = text.chars().position(|c| c == '和').unwrap();
        let said = Statement::Comparison {
            subject: Subject::Named("会议费".into()),
            said: Comparison::Equal,
            start: at,
            end: text.chars().count() - 1,
        };
        assert_eq!(s.last(), Some(&said));
    }

    #[test]
    fn a_clause_naming_an_office_or_no_money_names_no_amount() {
        let office = statements("全县各项收入中,税务局,完成4.10亿元。", None);
        assert!(!amount_labels(&office).contains(&"税务局".to_string()));
        let no_money = statements("为保障各项工作,安排6.30万元。", None);
        assert_eq!(amount_labels(&no_money), [""]);
    }

    #[test]
    fn amount_share_and_change() {
        let s = statements(
            "(一)收入总计1550.17万元，占收入总计的100%。与上年相比，今年收入减少503.37万元，减少24.51%",
            Some(Phase::Final),
        );
        assert_eq!(
            s,
            vec![
                Statement::Marker { level: 2 },
                Statement::Amount {
                    label: label("收入总计"),
                    figure: 0
                },
                Statement::Share {
                    subject: Subject::Implicit,
                    base: Some("收入总计".into()),
                    figure: 1
                },
                Statement::LeadIn { budget: false },
                Statement::Change {
                    subject: Subject::Named("收入".into()),
                    figure: 2,
                    sign: -1
                },
                Statement::ChangePct {
                    subject: Subject::Implicit,
                    figure: 3,
                    sign: -1
                },
            ]
        );
    }

    #[test]
    fn prior_completion_budget_and_missing_share() {
        let s = statements(
            "比上年累计支出433万元减少2万元；基本支出完成年初预算的100%；年初预算数472.9万元；占基本支出预算%",
            Some(Phase::Final),
        );
        assert_eq!(s[0], Statement::Prior { figure: 0 });
        assert!(matches!(s[1], Statement::Change { sign: -1, .. }));
        assert_eq!(
            s[2],
            Statement::Completion {
                subject: Subject::Named("基本支出".into()),
                figure: 2
            }
        );
        assert!(matches!(
            s[3],
            Statement::Budget {
                subject: Subject::Implicit,
                ..
            }
        ));
        assert_eq!(s[4], Statement::MissingShare);
    }

    #[test]
    fn one_change_said_of_each_of_two_totals() {
        let s = statements(
            "收入总计860.40万元,支出总计860.40万元,与上年相比,各增加40.2万元,增长4.67%。",
            None,
        );
        let changes: Vec<&Subject> = s
            .iter()
            .filter_map(|st| match st {
                Statement::Change { subject, .. } | Statement::ChangePct { subject, .. } => {
                    Some(subject)
                }
                _ => None,
            })
            .collect();
        let named = |t: &str| Subject::Named(t.to_string());
        let both = [named("收入总计"), named("支出总计")];
        assert_eq!(changes, [&both[0], &both[1], &both[0], &both[1]]);
        // Three amounts before `各`: not read as each's change.
        let s = statements("甲收入1万元,乙收入2万元,丙收入3万元,各增加1万元。", None);
        let changes = s
            .iter()
            .filter(|st| matches!(st, Statement::Change { .. }))
            .count();
        assert_eq!(changes, 1);
    }

    #[test]
    fn amounts_of_a_periods_first_and_last_year() {
        assert_eq!(ending_year("收入从2015年的"), Some(("收入从", 2015)));
        assert_eq!(ending_year("上升到2020年"), Some(("上升到", 2020)));
        assert_eq!(ending_year("12015年"), None);
        let s = statements(
            "一般公共预算收入从2015年的2007万元上升到2020年的2468万元,年均增长4.22%。",
            None,
        );
        let years: Vec<(Option<u16>, usize)> = s
            .iter()
            .filter_map(|st| match st {
                Statement::Amount { label, figure } => Some((label.year, *figure)),
                _ => None,
            })
            .collect();
        // The later year's amount first, each with its year.
        assert_eq!(years, [(Some(2020), 1), (Some(2015), 0)]);
    }

    #[test]
    fn a_rate_named_before_its_figure() {
        assert_eq!(strip_direction("同比增长率为"), Some(("同比", 1)));
        assert_eq!(strip_direction("增幅达"), Some(("", 1)));
        assert_eq!(strip_direction("降幅为"), None);
        // `由A减少为B`: B is an amount, not a change.
        assert_eq!(strip_direction("减少为"), None);
        assert_eq!(strip_direction("比增"), Some(("", 1)));
    }

    #[test]
    fn paired_lists() {
        let s = statements(
            "收、支总计各是812.33、809.10万元，各减少120.5、230.9万元",
            None,
        );
        assert_eq!(
            s[..2],
            [
                Statement::PairedAmount {
                    label: label("收入总计"),
                    figure: 0,
                    index: 0
                },
                Statement::PairedAmount {
                    label: label("支出总计"),
                    figure: 1,
                    index: 1
                }
            ]
        );
        assert!(matches!(
            s[3],
            Statement::Change {
                subject: Subject::Paired(1),
                sign: -1,
                ..
            }
        ));
    }

    #[test]
    fn labels_are_cleaned() {
        assert_eq!(
            clean_label("2021年度一般公共预算财政拨款支出", None).text,
            "一般公共预算财政拨款支出"
        );
        let coded = clean_label("2010350事业运行", None);
        assert_eq!(
            (coded.text.as_str(), coded.code.as_deref()),
            ("事业运行", Some("2010350"))
        );
        assert_eq!(
            clean_label("三公经费预算数为", Some(Phase::Budget)).text,
            "三公经费"
        );
    }
}
