//! What a change is measured against, by the words of its lead-in (`与2024年预算数相比，增加…`).
//!
//! The grammar marks a lead-in that names a budget; whose budget it is the words say. The budget of the year
//! reported on (`与年初预算相比`, `与2024年预算数相比` in a 2024 report) makes the change and the bare rate after it
//! a change against the budget, in any phase; an earlier year's (`与上年预算数相比`, `与2023年预算数相比`) is a
//! year-on-year change. In a final account every budget lead-in compares with the budget, as before.

use super::*;

/// Words of a lead-in that name an earlier year's figure.
const EARLIER_YEAR: &[&str] = &["上年", "去年", "上一年", "同期"];

/// Figures of the year reported on other than its budget, that a change may be measured against
/// (`与2021年执行数相比`, `比快报数`): neither last year's amount nor the budget.
const OTHER_BASES: &[&str] = &["执行数", "快报数", "预计数", "预计执行"];

/// Five-year plan periods (`“十三五”期间`, `十二五时期`): a comparison with one of them is of a period's total.
const PLAN_PERIODS: &[&str] = &["十一五", "十二五", "十三五", "十四五", "十五五"];

/// Words for the five years before (`比上一个五年`, `较前五年`).
const FIVE_YEARS_BEFORE: &[&str] = &["上一个五年", "上个五年", "前五年", "上一五年"];

/// Words that compare (`与…相比`, `比…`, `较…`).
const COMPARING: &[&str] = &["相比", "比较", "对比", "比", "较"];

/// Longest stretch of words read for a lead-in sentence (characters; linear time).
const LOOK_BACK_WORDS: usize = 400;

impl Assembler<'_> {
    /// Whether the change (or rate) at `figure` is against this year's budget by its lead-in; decided at the
    /// lead-in's first figure and kept for the figures after it (`…相比，增加200万元，增长4.2%`).
    pub(super) fn against_budget_by_lead_in(
        &self,
        figure: usize,
        state: &mut SentenceState,
    ) -> bool {
        if !state.budget_lead_in {
            return false;
        }
        if self.phase == Some(Phase::Final) {
            return true;
        }
        if let Some(decided) = state.lead_in_this_years_budget {
            return decided;
        }
        let decided = self.names_this_years_budget(figure, state);
        state.lead_in_this_years_budget = Some(decided);
        decided
    }

    /// `与2021年执行数相比，有以下变化。一是收入增加A…`: a lead-in sentence without figures naming another base
    /// of this year's (see [`OTHER_BASES`]) compares the changes of its paragraph with it; noted at the words
    /// before a sentence's first figure, it lasts to the end of their paragraph.
    pub(super) fn note_other_base(&mut self, start: usize, end: usize) {
        let end = end.min(self.text.chars.len());
        let start = start.max(end.saturating_sub(LOOK_BACK_WORDS)).min(end);
        let words: String = self.text.chars[start..end].iter().collect();
        let lead_in = words
            .split(['。', '；', ';'])
            .any(|clause| self.names_another_base(clause));
        if lead_in {
            let rest = self.text.chars.get(end..).unwrap_or_default();
            let paragraph = rest.iter().position(|&c| c == '\n').unwrap_or(rest.len());
            self.other_base_until = end + paragraph;
        }
    }

    /// Whether the change at `figure` is against another figure of this year (see [`OTHER_BASES`]): its own
    /// words say so (`比执行数增加…`), or a lead-in sentence of its paragraph does.
    pub(super) fn against_another_base(&self, figure: usize, state: &SentenceState) -> bool {
        let Some(at) = self.figures.get(figure).map(|f| f.start) else {
            return false;
        };
        let words = self.words_before(figure, state);
        at < self.other_base_until || self.names_another_base(&words) || compares_periods(&words)
    }

    /// Words comparing with another figure of this year: no earlier year (`上年执行数` is last year's amount).
    fn names_another_base(&self, words: &str) -> bool {
        let other = OTHER_BASES.iter().any(|w| words.contains(w));
        let comparing = COMPARING.iter().any(|w| words.contains(w));
        let earlier = EARLIER_YEAR.iter().any(|w| words.contains(w));
        let other_year = years_in(words).any(|y| Some(y) != self.year);
        other && comparing && !earlier && !other_year
    }

    /// Whether the words before `figure` name last year (`比上年`, `同比`).
    pub(super) fn names_last_year(&self, figure: usize, state: &SentenceState) -> bool {
        let words = self.words_before(figure, state);
        EARLIER_YEAR.iter().any(|w| words.contains(w)) || words.contains("同比")
    }

    /// The words between the sentence's figure before `figure` and `figure`.
    fn words_before(&self, figure: usize, state: &SentenceState) -> String {
        let Some(end) = self.figures.get(figure).map(|f| f.start) else {
            return String::new();
        };
        let before = state.figures.iter().rev().find(|&&f| f < figure);
        let start = before
            .and_then(|&f| self.figures.get(f))
            .map_or(state.start, |f| f.end);
        let chars = self.text.chars.get(start.min(end)..end).unwrap_or_default();
        chars.iter().collect()
    }

    /// `比年初预算8.3亿元减少…`, `相比预算数6.1亿元减少1.1亿元，下降17.9%`: the figure a change is measured
    /// against, when its words name this year's budget, is the budget (and the change and the bare rate after it
    /// are against it), never last year's amount.
    pub(super) fn compared_figure(&mut self, figure: usize, state: &mut SentenceState) {
        if !self.names_this_years_budget(figure, state) {
            state.prior = Some(figure);
            return;
        }
        state.budget_lead_in = true;
        state.lead_in_this_years_budget = Some(true);
        self.budget(&Subject::Implicit, figure, state);
    }

    /// `与上年同期相比增加A，与年初预算相比增加B，分别增长x%、y%`: paired rates after changes stated one by one
    /// (no paired list of amounts in the sentence) are theirs in order, each against its change's base.
    pub(super) fn paired_rate(
        &mut self,
        subject: &Subject,
        figure: usize,
        sign: i8,
        state: &mut SentenceState,
    ) -> bool {
        let Subject::Paired(index) = subject else {
            return false;
        };
        let one_by_one = !state.paired_amounts && state.changes.len() >= 2;
        let Some(&(node, vs_budget)) = state.changes.get(*index).filter(|_| one_by_one) else {
            return false;
        };
        let value = self.percent(figure).map(|v| signed(v, sign));
        let at = self.span(figure);
        self.set(state, figure, Some(node), |n| match vs_budget {
            true => set_once(
                &mut n.change_vs_budget_pct,
                &mut n.spans.change_vs_budget_pct,
                value,
                at,
            ),
            false => set_once(&mut n.change_pct, &mut n.spans.change_pct, value, at),
        });
        true
    }

    /// The words between the sentence's figure before `figure` and `figure` (where the lead-in is) name a
    /// budget and no earlier year: no `上年`, and any year printed is the report's.
    fn names_this_years_budget(&self, figure: usize, state: &SentenceState) -> bool {
        let words = self.words_before(figure, state);
        let earlier = EARLIER_YEAR.iter().any(|w| words.contains(w));
        let other_year = years_in(&words).any(|y| Some(y) != self.year);
        words.contains("预算") && !earlier && !other_year
    }

    /// What the change or rate at `figure` is measured against, in the words of its comparison
    /// (`比上年预算增加` → `上年预算`, `较上年决算数增加` → `上年决算数`, `同比增长` → `上年`), or "" when no
    /// comparing word precedes it in its sentence. Read back from the figure to the sentence's start, the last
    /// comparing word, up to the first word of direction. Two printings of a total's change are one figure printed
    /// twice only when these agree (general pattern: a 部门预算 compares with 上年预算 in its overview and with
    /// 上年执行数 in a later section — two changes, not one printed twice).
    pub(super) fn comparison_base(&self, figure: usize) -> String {
        let Some(end) = self.figures.get(figure).map(|f| f.start) else {
            return String::new();
        };
        let chars = &self.text.chars;
        let mut start = end.min(chars.len());
        while start > 0 && end - start < LOOK_BACK_BASE {
            if matches!(chars[start - 1], '。' | '；' | ';' | '\n') {
                break;
            }
            start -= 1;
        }
        let words: String = chars[start..end.min(chars.len())].iter().collect();
        base_in(&words)
    }
}

/// The four-digit years printed in some words (`与2024年预算数相比` → 2024).
fn years_in(words: &str) -> impl Iterator<Item = i32> + '_ {
    let chars: Vec<char> = words.chars().collect();
    let years: Vec<i32> = (0..chars.len().saturating_sub(4))
        .filter(|&i| chars[i + 4] == '年' && (i == 0 || !chars[i - 1].is_ascii_digit()))
        .filter_map(|i| chars[i..i + 4].iter().collect::<String>().parse().ok())
        .collect();
    years.into_iter()
}

/// `…期间收入总量较“十二五”期间增加A，增长x%`, `比“十二五”增长30%`, `较上一个五年增加…`: a change of a plan period's
/// total against the period before, which a single year's amount printed beside it (`从2015年的A上升到2020年的B`)
/// is not; no amount of the report is its subject, so it and the bare rate after it find no place.
fn compares_periods(words: &str) -> bool {
    COMPARING.iter().any(|c| {
        words.match_indices(c).any(|(i, _)| {
            let after = words[i + c.len()..].trim_start_matches([' ', '“', '"', '「', '《', '\'']);
            PLAN_PERIODS.iter().any(|p| after.starts_with(p))
                || FIVE_YEARS_BEFORE.iter().any(|p| after.starts_with(p))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_years_of_a_lead_in() {
        assert_eq!(
            years_in("，与2024年预算数相比，").collect::<Vec<_>>(),
            [2024]
        );
        assert_eq!(years_in("与年初预算相比").count(), 0);
        assert_eq!(years_in("12024年").count(), 0);
    }

    #[test]
    fn a_comparison_with_another_plan_period() {
        assert!(compares_periods(
            "“十三五”期间财政收入总量较“十二五”期间增加"
        ));
        assert!(compares_periods("五年累计,比 \" 十二五 \" 增长"));
        assert!(compares_periods("五年支出总额比上一个五年增加"));
        assert!(!compares_periods("“十三五”以来,收入比上年增加"));
        assert!(!compares_periods("与2020年相比增加"));
    }
}

/// Longest stretch read back for a comparison's base (characters).
const LOOK_BACK_BASE: usize = 60;

/// Words that say which way a figure moved; a comparison's base ends where the first of them begins.
const DIRECTION: &[&str] = &[
    "增加", "增长", "减少", "下降", "持平", "上升", "提高", "降低", "增收", "减收", "多", "少",
];

/// The base named in `words` after their last comparing word (see [`Assembler::comparison_base`]).
fn base_in(words: &str) -> String {
    // `与上年相比` names its base before the word that compares: drop the closing word first.
    let words = ["相比", "比较", "对比"]
        .iter()
        .fold(words.to_string(), |w, closing| w.replace(closing, ""));
    let Some((at, marker)) = ['比', '较', '与']
        .iter()
        .filter_map(|c| words.rfind(*c).map(|at| (at, *c)))
        .max_by_key(|(at, _)| *at)
    else {
        return String::new();
    };
    if marker == '比' && words[..at].ends_with('同') {
        return "上年".to_string();
    }
    let after = &words[at + marker.len_utf8()..];
    let end = DIRECTION
        .iter()
        .filter_map(|w| after.find(w))
        .min()
        .unwrap_or(after.len());
    let base: String = after[..end]
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '.' | '，' | ',' | '的' | '了' | ' '))
        .collect();
    base.replace("上年度", "上年").replace("去年", "上年")
}

#[cfg(test)]
mod comparison_base_tests {
    use super::base_in;

    #[test]
    fn names_what_a_change_is_measured_against() {
        assert_eq!(base_in("收入总计1234.56万元，比上年预算增加"), "上年预算");
        assert_eq!(
            base_in("收入总计1234.56万元，较上年决算数增加"),
            "上年决算数"
        );
        assert_eq!(
            base_in("收入总计1234.56万元，比2023年执行数增加"),
            "年执行数"
        );
        assert_eq!(
            base_in("收入总计1234.56万元，比上年增加100.00万元，增长"),
            "上年"
        );
        assert_eq!(base_in("比去年减少"), "上年");
        assert_eq!(base_in("较上年度增长"), "上年");
        assert_eq!(base_in("收入同比增长"), "上年");
        assert_eq!(base_in("收入总计1234.56万元，增长"), "");
        assert_eq!(base_in("与上年相比，增加"), "上年");
        assert_eq!(base_in("与上年预算数相比，增加"), "上年预算数");
    }
}
