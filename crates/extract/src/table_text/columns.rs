//! What a pasted table's columns hold, from its header words.
//!
//! Two header shapes of published tables, flattened to one line of words:
//! - years, then the change columns: `2016年度 2017年度 2017比2016增减 增减值 增减%` — the earlier year is the
//!   prior, the later the amount, then the change and its rate;
//! - years over kinds (two header rows interleaved): `2020年 2021年 2021年 完成数 预算数 完成数` — the earlier
//!   year's figure is the prior, the latest year's `预算数` the budget and its `完成数` the amount. The rate
//!   columns after them lost their names (`完成预算%`, `比上年增长%`); they are taken in that usual order, in
//!   doubt (`Doubt::Columns`).

/// What one column of a row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Amount,
    Prior,
    Budget,
    Change,
    ChangePct,
    CompletionPct,
}

impl Role {
    pub fn is_rate(self) -> bool {
        matches!(self, Role::ChangePct | Role::CompletionPct)
    }
}

/// The columns of a table: those its header names, and rate columns assumed after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub named: Vec<Role>,
    pub assumed: Vec<Role>,
}

const BUDGET_KINDS: &[&str] = &["预算数", "年初预算数", "调整预算数", "预算"];
const AMOUNT_KINDS: &[&str] = &["完成数", "决算数", "执行数", "完成", "决算", "执行"];
const CHANGE_WORDS: &[&str] = &["增减值", "增减额", "增减数", "增减金额"];
const CHANGE_PCT_WORDS: &[&str] = &["增减%", "增减率", "增长%", "增长率", "增幅", "比上年增长%"];
const COMPLETION_WORDS: &[&str] = &["完成预算%", "完成率", "为预算%", "完成预算的%"];

/// The columns the header words name, or `None` when they name no single amount column.
pub fn read(header: &[&str]) -> Option<Columns> {
    let years: Vec<u16> = header.iter().filter_map(|w| year(w)).collect();
    let kinds: Vec<&str> = header
        .iter()
        .copied()
        .filter(|w| BUDGET_KINDS.contains(w) || AMOUNT_KINDS.contains(w))
        .collect();
    let latest = *years.iter().max()?;
    let kind_of = |i: usize| match kinds.len() == years.len() {
        true => kinds.get(i).copied(),
        false => None,
    };
    let mut named: Vec<Role> = years
        .iter()
        .enumerate()
        .map(|(i, &y)| match (y < latest, kind_of(i)) {
            (true, Some(k)) if BUDGET_KINDS.contains(&k) => None,
            (true, _) => Some(Role::Prior),
            (false, Some(k)) if BUDGET_KINDS.contains(&k) => Some(Role::Budget),
            (false, _) => Some(Role::Amount),
        })
        .collect::<Option<_>>()?;
    named.extend(header.iter().filter_map(|w| rate_or_change(w)));
    let once = |r: Role| named.iter().filter(|&&n| n == r).count() <= 1;
    let roles = [Role::Amount, Role::Prior, Role::Budget, Role::Change];
    if named.iter().filter(|&&r| r == Role::Amount).count() != 1 || !roles.into_iter().all(once) {
        return None;
    }
    let assumed = assumed_rates(&named);
    Some(Columns { named, assumed })
}

/// Whether a header word names a column (a year, a kind, a change or rate): the words after the last of them
/// are the first row's label (`… 增减值 增减% 一、收入支出情况对比 (一) 收入总计 58596771.09 …`).
pub fn names_a_column(word: &str) -> bool {
    year(word).is_some()
        || BUDGET_KINDS.contains(&word)
        || AMOUNT_KINDS.contains(&word)
        || rate_or_change(word).is_some()
}

/// `2016年`, `2016年度`: the year a column is of.
fn year(word: &str) -> Option<u16> {
    let digits = word
        .strip_suffix("年度")
        .or_else(|| word.strip_suffix('年'))?;
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

fn rate_or_change(word: &str) -> Option<Role> {
    if CHANGE_WORDS.contains(&word) {
        Some(Role::Change)
    } else if CHANGE_PCT_WORDS.contains(&word) {
        Some(Role::ChangePct)
    } else if COMPLETION_WORDS.contains(&word) {
        Some(Role::CompletionPct)
    } else {
        None
    }
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
    fn no_single_amount_column_is_no_table() {
        assert_eq!(read(&["项目", "金额"]), None);
        assert_eq!(read(&["2021年", "2021年"]), None);
    }
}
