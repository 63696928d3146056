//! What a pasted table's columns hold, from its header words.
//!
//! Two header shapes of published tables, flattened to one line of words:
//! - years, then the change columns: `2016年度 2017年度 2017比2016增减 增减值 增减%` — the earlier year is the
//!   prior, the later the amount, then the change and its rate;
//! - years over kinds (two header rows interleaved): `2020年 2021年 2021年 完成数 预算数 完成数` — the earlier
//!   year's figure is the prior, the latest year's `预算数` the budget and its `完成数` the amount. The rate
//!   columns after them lost their names (`完成预算%`, `比上年增长%`); they are taken in that usual order, in
//!   doubt (`Doubt::Columns`).
//!
//! Two kinds of column are read for their place only: a part of the amount (`其中:公共预算财政拨款`,
//! `其中：财政拨款` — the share of the figure a source pays, printed beside it) and, where no more precise
//! change column follows, a bare change (`增减`, `比上年增减`, `2024比2023增减`): the same words over
//! `增减额 | 增减%` are a group label, not a column (over a rate alone, `增减 | 增减%`, they name the change).

/// What one column of a row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Amount,
    Prior,
    Budget,
    Change,
    ChangePct,
    CompletionPct,
    /// A part of the amount (`其中:财政拨款`): its numbers fill the column and are not taken.
    Part,
    /// A decrease (`减少额`, `支出减少情况`): the change with its sign turned.
    Decrease,
    /// A rate of decrease (`减少率`, `下降率`): the change rate with its sign turned.
    DecreasePct,
    /// A column whose numbers fill their place and are not taken: another period's figures (`当期执行数`
    /// beside `累计执行数`) or the budget as first passed beside the adjusted one.
    Unread,
}

impl Role {
    pub fn is_rate(self) -> bool {
        matches!(
            self,
            Role::ChangePct | Role::CompletionPct | Role::DecreasePct
        )
    }
}

/// The columns of a table: those its header names, and rate columns assumed after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub named: Vec<Role>,
    pub assumed: Vec<Role>,
}

const BUDGET_KINDS: &[&str] = &[
    "预算数",
    "年初预算数",
    "调整预算数",
    "调整后预算数",
    "预算调整数",
    "预算",
];
/// Budgets as adjusted during the year: beside the budget as first passed, the one the rates are against.
const ADJUSTED_BUDGET_KINDS: &[&str] = &["调整预算数", "调整后预算数", "预算调整数"];
const AMOUNT_KINDS: &[&str] = &[
    "完成数",
    "决算数",
    "执行数",
    "完成",
    "决算",
    "执行",
    "金额",
    "支出",
    "支出数",
];
const CHANGE_WORDS: &[&str] = &["增减值", "增减额", "增减数", "增减金额"];
const CHANGE_PCT_WORDS: &[&str] = &[
    "增减%",
    "增减率",
    "增长%",
    "增长率",
    "增幅",
    "比上年增长%",
    "增减幅度",
    "增减比例",
    "比上年同期增长%",
    "同比增长%",
];
const COMPLETION_WORDS: &[&str] = &[
    "完成预算%",
    "完成率",
    "为预算%",
    "完成预算的%",
    "占调整预算%",
    "占预算%",
    "为调整预算%",
    "预算执行进度%",
    "执行进度%",
];
/// A period split (`当期执行数 | 累计执行数 | 上年同期累计执行数`): the words opening a column of the current
/// period alone, of the year to date, and of the same period a year before. An execution table's rates (its
/// progress against the year's budget, its growth on the same period) are of the year to date: that column is
/// the amount, the current period's is not taken (as a month's figure in prose is never the year to date's).
const CURRENT_PERIOD_WORDS: &[&str] = &["当期", "本期", "本月", "当月"];
const TO_DATE_WORDS: &[&str] = &["本年累计", "年初至今", "累计"];
const SAME_PERIOD_BEFORE_WORDS: &[&str] = &["上年同期累计", "上年同期"];
/// Columns printing a decrease as a positive number (a 三公 table's `支出减少情况(万元) | 支出减少率`).
const DECREASE_WORDS: &[&str] = &[
    "减少额",
    "减少数",
    "减少金额",
    "减少情况",
    "支出减少情况",
    "支出减少额",
];
const DECREASE_PCT_WORDS: &[&str] = &[
    "减少率",
    "减少%",
    "下降率",
    "下降%",
    "减幅",
    "降幅",
    "支出减少率",
];
/// A change column's name when nothing more precise follows it; over `增减额 | 增减%` a group label.
const BARE_CHANGE_WORDS: &[&str] = &[
    "增减",
    "比上年增减",
    "增减变化",
    "增减情况",
    "比上年增减情况",
];

/// A column of figures as its header names it: the year it is of and the kind of figure, either or both
/// (`2021年`, `预算数`, `2022年预算数`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Figures<'w> {
    year: Option<u16>,
    kind: Option<&'w str>,
}

/// The columns the header words name, or `None` when they name no single amount column.
pub fn read(header: &[&str]) -> Option<Columns> {
    let words: Vec<String> = header.iter().map(|w| normalized(w)).collect();
    let header: Vec<&str> = words.iter().map(String::as_str).collect();
    let header = &header[..];
    let (figures, shape) = figure_columns(header);
    let latest = figures.iter().filter_map(|f| f.year).max();
    let to_date = header
        .iter()
        .any(|w| period_column(w) == Some(Role::Amount));
    // A table of budgets only (`2022年预算数 2023年预算数`, `预算数`): its figures are the budgets themselves,
    // the earlier year's the prior.
    let budgets_only = !to_date
        && figures
            .iter()
            .all(|f| f.kind.is_some_and(|k| BUDGET_KINDS.contains(&k)));
    let adjusted = figures
        .iter()
        .any(|f| f.kind.is_some_and(|k| ADJUSTED_BUDGET_KINDS.contains(&k)));
    let figure_roles: Vec<Role> = figures
        .iter()
        .map(|f| {
            let earlier = f.year.zip(latest).is_some_and(|(y, l)| y < l);
            let budget = f.kind.is_some_and(|k| BUDGET_KINDS.contains(&k)) && !budgets_only;
            let first_passed =
                adjusted && f.kind.is_some_and(|k| !ADJUSTED_BUDGET_KINDS.contains(&k));
            match (earlier, budget) {
                (true, true) => None,
                (true, false) => Some(Role::Prior),
                (false, true) if first_passed => Some(Role::Unread),
                (false, true) => Some(Role::Budget),
                (false, false) => Some(Role::Amount),
            }
        })
        .collect::<Option<_>>()?;
    let named = in_header_order(header, figure_roles, shape);
    // A decrease fills the change, its rate the change rate: each field from one column at most.
    let field = |r: Role| match r {
        Role::Decrease => Role::Change,
        Role::DecreasePct => Role::ChangePct,
        r => r,
    };
    let once = |r: Role| named.iter().filter(|&&n| field(n) == r).count() <= 1;
    let roles = [
        Role::Amount,
        Role::Prior,
        Role::Budget,
        Role::Change,
        Role::ChangePct,
    ];
    if named.iter().filter(|&&r| r == Role::Amount).count() != 1 || !roles.into_iter().all(once) {
        return None;
    }
    let assumed = assumed_rates(&named);
    Some(Columns { named, assumed })
}

/// The figure columns' roles with the change, rate and part columns the header names, in the header's
/// order when each figure column is one word (otherwise — years over kinds — the others after them).
fn in_header_order(header: &[&str], figure_roles: Vec<Role>, shape: Shape) -> Vec<Role> {
    let others = |at: usize, w: &str| other_column(w, &header[at + 1..]);
    if shape == Shape::YearsOverKinds {
        let mut named = figure_roles;
        named.extend(
            header
                .iter()
                .enumerate()
                .filter_map(|(at, w)| others(at, w)),
        );
        return named;
    }
    let mut figures = figure_roles.into_iter();
    header
        .iter()
        .enumerate()
        .filter_map(|(at, w)| match shape.names_a_figure(w) {
            true => figures.next(),
            false => others(at, w),
        })
        .collect()
}

/// A column other than a figure's: a change or rate, a bare change with nothing more precise after it, or
/// a part of the amount.
fn other_column(word: &str, after: &[&str]) -> Option<Role> {
    if let Some(role) = rate_or_change(word).or_else(|| period_column(word)) {
        return Some(role);
    }
    if is_bare_change(word) {
        // Over `增减额 | 增减%` a group label; before a rate alone (`增减 | 增减%`), the change's own column.
        let amount_after = after
            .iter()
            .any(|w| rate_or_change(w) == Some(Role::Change) || is_bare_change(w));
        return (!amount_after).then_some(Role::Change);
    }
    is_part(word).then_some(Role::Part)
}

/// `增减`, `比上年增减`, `2024比2023增减`, `2024年比2023年增减`: a change whose kind the word does not say.
fn is_bare_change(word: &str) -> bool {
    let word = word.replace("增、减", "增减");
    if BARE_CHANGE_WORDS.contains(&word.as_str()) {
        return true;
    }
    let Some((later, earlier)) = word.strip_suffix("增减").and_then(|w| w.split_once('比'))
    else {
        return false;
    };
    let is_year =
        |w: &str| year(w).is_some() || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
    is_year(later) && is_year(earlier)
}

/// `其中:财政拨款`, `其中：公共预算财政拨款`: a part of the amount printed in its own column.
fn is_part(word: &str) -> bool {
    word.strip_prefix("其中:")
        .or_else(|| word.strip_prefix("其中："))
        .is_some_and(|rest| !rest.is_empty())
}

/// The header's columns of figures: words naming a year and a kind each, or years and kinds printed as two
/// header rows (`2020年 2021年 2021年 完成数 预算数 完成数`, paired in order when as many), or kinds alone.
fn figure_columns<'w>(header: &[&'w str]) -> (Vec<Figures<'w>>, Shape) {
    let both: Vec<Figures> = header.iter().filter_map(|w| year_and_kind(w)).collect();
    if !both.is_empty() {
        return (both, Shape::YearAndKind);
    }
    let relative: Vec<Figures> = header.iter().filter_map(|w| relative_and_kind(w)).collect();
    if !relative.is_empty() {
        return (relative, Shape::Relative);
    }
    let years: Vec<u16> = header.iter().filter_map(|w| year(w)).collect();
    let kinds: Vec<&str> = header.iter().copied().filter(|w| is_kind(w)).collect();
    if years.is_empty() {
        let alone = kinds.into_iter().map(|k| Figures {
            year: None,
            kind: Some(k),
        });
        return (alone.collect(), Shape::Kinds);
    }
    let paired = kinds.len() == years.len();
    let columns = years
        .iter()
        .enumerate()
        .map(|(i, &y)| Figures {
            year: Some(y),
            kind: kinds.get(i).copied().filter(|_| paired),
        })
        .collect();
    let shape = match paired {
        true => Shape::YearsOverKinds,
        false => Shape::Years,
    };
    (columns, shape)
}

/// How the header names its figure columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `2022年预算数`: one word each.
    YearAndKind,
    /// `上年决算数`, `本年预算数`: one word each.
    Relative,
    /// `预算数`, `金额`: one word each.
    Kinds,
    /// `2016年度 2017年度`: one word each.
    Years,
    /// `2020年 2021年 … 完成数 预算数 …`: two header rows, two words each.
    YearsOverKinds,
}

impl Shape {
    /// Whether `word` names a whole figure column of this shape (never for two words each).
    fn names_a_figure(self, word: &str) -> bool {
        match self {
            Shape::YearAndKind => year_and_kind(word).is_some(),
            Shape::Relative => relative_and_kind(word).is_some(),
            Shape::Kinds => is_kind(word),
            Shape::Years => year(word).is_some(),
            Shape::YearsOverKinds => false,
        }
    }
}

/// Whether a header word names a column (a year, a kind, a change or rate): the words after the last of them
/// are the first row's label (`… 增减值 增减% 一、收入支出情况对比 (一) 收入总计 58596771.09 …`).
pub fn names_a_column(word: &str) -> bool {
    let word = &normalized(word);
    period_column(word).is_some()
        || year(word).is_some()
        || is_kind(word)
        || year_and_kind(word).is_some()
        || relative_and_kind(word).is_some()
        || rate_or_change(word).is_some()
        || is_bare_change(word)
        || is_part(word)
}

/// `预算执行进度(%)` → `预算执行进度%`: a rate column's `%` printed in brackets, as the others print it.
fn normalized(word: &str) -> String {
    match word.strip_suffix("(%)") {
        Some(name) => format!("{name}%"),
        None => word.to_string(),
    }
}

/// A column of a period split (see [`TO_DATE_WORDS`]): `累计执行数`, `本年累计` (the amount), `当期执行数`,
/// `本月` (not taken), `上年同期累计执行数`, `上年同期数` (the prior) — the period's word, then a kind of figure
/// or nothing more.
pub(super) fn period_column(word: &str) -> Option<Role> {
    let after = |words: &[&str]| words.iter().find_map(|w| word.strip_prefix(w));
    let (rest, role) = match after(SAME_PERIOD_BEFORE_WORDS) {
        Some(rest) => (rest, Role::Prior),
        None => match after(TO_DATE_WORDS) {
            Some(rest) => (rest, Role::Amount),
            None => (after(CURRENT_PERIOD_WORDS)?, Role::Unread),
        },
    };
    let rest = rest.strip_prefix("累计").unwrap_or(rest);
    (rest.is_empty() || rest == "数" || is_kind(rest)).then_some(role)
}

/// `本月`, `累计`, `上年同期`: a period's word alone, over the columns of that period (a two-line header).
pub(super) fn is_period_group(word: &str) -> bool {
    [
        CURRENT_PERIOD_WORDS,
        TO_DATE_WORDS,
        SAME_PERIOD_BEFORE_WORDS,
    ]
    .iter()
    .any(|words| words.contains(&word))
}

fn is_kind(word: &str) -> bool {
    BUDGET_KINDS.contains(&word) || AMOUNT_KINDS.contains(&word)
}

/// `2016年`, `2016年度`: the year a column is of.
pub(super) fn year(word: &str) -> Option<u16> {
    let digits = word
        .strip_suffix("年度")
        .or_else(|| word.strip_suffix('年'))?;
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// `2022年预算数`, `2020年度支出`: a year and a kind in one word.
fn year_and_kind(word: &str) -> Option<Figures<'_>> {
    let at = word.find('年')?;
    let year = year(&word[..at + '年'.len_utf8()])?;
    let rest = &word[at + '年'.len_utf8()..];
    let kind = rest.strip_prefix('度').unwrap_or(rest);
    is_kind(kind).then_some(Figures {
        year: Some(year),
        kind: Some(kind),
    })
}

/// `上年决算数`, `本年预算数`, `本年度决算数`: a kind of figure of the year before or of this year, the years
/// not printed (three-public tables: `项目 | 上年决算数 | 本年决算数 | 增、减金额 | 增、减幅度`). The year before
/// is taken as year 0 and this year as year 1 (only their order counts), when no header word prints a year.
fn relative_and_kind(word: &str) -> Option<Figures<'_>> {
    let (year, rest) = [("上年", 0), ("本年", 1)]
        .iter()
        .find_map(|&(w, y)| word.strip_prefix(w).map(|rest| (y, rest)))?;
    let kind = rest.strip_prefix('度').unwrap_or(rest);
    is_kind(kind).then_some(Figures {
        year: Some(year),
        kind: Some(kind),
    })
}

/// A change or rate column's name; `增、减金额` and `增、减幅度` print a `、` inside `增减`.
pub(super) fn rate_or_change(word: &str) -> Option<Role> {
    let joined;
    let word = match word.contains("增、减") {
        true => {
            joined = word.replace("增、减", "增减");
            joined.as_str()
        }
        false => word,
    };
    if CHANGE_WORDS.contains(&word) || kind_change(word) {
        Some(Role::Change)
    } else if CHANGE_PCT_WORDS.contains(&word) {
        Some(Role::ChangePct)
    } else if COMPLETION_WORDS.contains(&word) {
        Some(Role::CompletionPct)
    } else if DECREASE_WORDS.contains(&word) {
        Some(Role::Decrease)
    } else if DECREASE_PCT_WORDS.contains(&word) {
        Some(Role::DecreasePct)
    } else {
        None
    }
}

/// `2023年预算数增减`, `决算数增减`: the change of a kind of figure (against the year before).
fn kind_change(word: &str) -> bool {
    let Some(kind) = word.strip_suffix("增减") else {
        return false;
    };
    let kind = kind
        .find('年')
        .map_or(kind, |at| &kind[at + '年'.len_utf8()..]);
    is_kind(kind.strip_prefix('度').unwrap_or(kind))
}

/// Rate columns a header names none of: 完成预算% (when there is a budget), then 比上年增长% (when there is a
/// prior) — the usual order of execution tables.
fn assumed_rates(named: &[Role]) -> Vec<Role> {
    if named.iter().any(|r| r.is_rate() || *r == Role::Change) {
        return Vec::new();
    }
    let mut rates = Vec::new();
    if named.contains(&Role::Budget) {
        rates.push(Role::CompletionPct);
    }
    if named.contains(&Role::Prior) {
        rates.push(Role::ChangePct);
    }
    rates
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    #[test]
    fn years_then_changes() {
        let words = [
            "项目及编号",
            "2016年度",
            "2017年度",
            "2017比2016增减",
            "增减值",
            "增减%",
        ];
        let columns = read(&words).unwrap();
        assert_eq!(columns.named, [Prior, Amount, Change, ChangePct]);
        assert!(columns.assumed.is_empty());
    }

    #[test]
    fn years_over_kinds_with_unnamed_rates() {
        let words = ["2020年", "2021年", "2021年", "完成数", "预算数", "完成数"];
        let columns = read(&words).unwrap();
        assert_eq!(columns.named, [Prior, Budget, Amount]);
        assert_eq!(columns.assumed, [CompletionPct, ChangePct]);
    }

    #[test]
    fn years_and_kinds_in_one_word() {
        let words = ["项目", "2022年预算数", "2023年预算数", "2023年预算数增减"];
        assert_eq!(read(&words).unwrap().named, [Prior, Amount, Change]);
        let words = ["项目", "2023年度预算数", "2023年度决算数"];
        assert_eq!(read(&words).unwrap().named, [Budget, Amount]);
        assert_eq!(read(&["项目", "金额"]).unwrap().named, [Amount]);
    }

    #[test]
    fn this_year_and_the_year_before_unprinted() {
        let words = [
            "项目",
            "上年决算数",
            "本年决算数",
            "比上年增、减情况",
            "增、减金额",
            "增、减幅度",
        ];
        assert_eq!(
            read(&words).unwrap().named,
            [Prior, Amount, Change, ChangePct]
        );
        let words = ["项目", "本年度预算数", "上年度预算数"];
        assert_eq!(read(&words).unwrap().named, [Amount, Prior]);
    }

    #[test]
    fn a_part_column_is_read_for_its_place() {
        let words = ["项目", "本年预算数", "其中:公共预算财政拨款"];
        assert_eq!(read(&words).unwrap().named, [Amount, Part]);
        let words = [
            "项目",
            "本年预算数",
            "其中：财政拨款",
            "上年预算数",
            "增减额",
        ];
        assert_eq!(read(&words).unwrap().named, [Amount, Part, Prior, Change]);
        assert!(!is_part("其中:"));
    }

    #[test]
    fn a_bare_change_is_a_column_unless_a_precise_one_follows() {
        let words = ["项目", "2023年预算数", "2022年预算数", "增减"];
        assert_eq!(read(&words).unwrap().named, [Amount, Prior, Change]);
        let words = ["项目", "上年决算数", "本年决算数", "比上年增减"];
        assert_eq!(read(&words).unwrap().named, [Prior, Amount, Change]);
        let words = ["2023年", "2024年", "2024比2023增减", "增减%"];
        assert_eq!(
            read(&words).unwrap().named,
            [Prior, Amount, Change, ChangePct]
        );
        // Over the precise columns, a group label.
        let words = ["2023年", "2024年", "2024比2023增减", "增减值", "增减%"];
        assert_eq!(
            read(&words).unwrap().named,
            [Prior, Amount, Change, ChangePct]
        );
        let words = [
            "上年决算数",
            "本年决算数",
            "比上年增减情况",
            "增减额",
            "增减幅度",
        ];
        assert_eq!(
            read(&words).unwrap().named,
            [Prior, Amount, Change, ChangePct]
        );
        assert!(!is_bare_change("预算增减原因"));
    }

    #[test]
    fn a_decrease_printed_as_such() {
        let words = ["经费项目", "2020年度支出", "支出减少情况", "支出减少率"];
        assert_eq!(read(&words).unwrap().named, [Amount, Decrease, DecreasePct]);
        // Two columns would fill the change.
        assert_eq!(read(&["本年决算数", "增减额", "减少额"]), None);
    }

    #[test]
    fn a_period_split_takes_the_year_to_date() {
        let words = [
            "项目",
            "2021年预算数",
            "2021年调整后预算数",
            "当期执行数",
            "累计执行数",
            "上年同期累计执行数",
            "预算执行进度(%)",
            "比上年同期增长(%)",
        ];
        assert_eq!(
            read(&words).unwrap().named,
            [
                Unread,
                Budget,
                Unread,
                Amount,
                Prior,
                CompletionPct,
                ChangePct
            ]
        );
        assert!(is_period_group("本月") && !is_period_group("本月执行数"));
        assert_eq!(period_column("本年累计"), Some(Amount));
        assert_eq!(period_column("累计增长%"), None);
    }

    #[test]
    fn no_single_amount_column_is_no_table() {
        assert_eq!(read(&["项目", "说明"]), None);
        assert_eq!(read(&["2021年", "2021年"]), None);
    }
}
