//! The context a figure is printed in, from the words before it: the part of a jurisdiction a clause names
//! (`在12个乡收支情况上，`, `从市本级看，`) and the budget a section heading names (`(三)社会保险基金预算情况`).
//!
//! A total's name printed again in another part or another budget's section is another quantity: the towns'
//! `一般公共预算收入` after the whole county's, a fund's own `收入总计` in its section after the general
//! budget's. Such a printing is never the total restated with another value (it finds a place of its own, a
//! free root, or none), so no `restated` error says the two should be equal.
//!
//! The context is read from the words between the sentence read last and the first figure of the next one:
//! heading lines (short lines of their own) set the budget and reset the part, clauses without figures set the
//! part. A clause naming the whole (`全县…`, `全市…`) returns to the whole.

use super::*;
use crate::assemble::funds::fund_of;
use crate::assemble::section::{fund_named, names_section};
use crate::grammar::period::{period_opening, Period};

/// Longest heading line (characters).
const MAX_HEADING: usize = 40;

/// Longest stretch of words read before a sentence's first figure (characters; linear time).
const MAX_WORDS: usize = 400;

/// Levels of government named as a part of the whole (`市本级`, `县区级`, `县区`).
const LEVELS: &[&str] = &[
    "省本级",
    "市本级",
    "县本级",
    "区本级",
    "镇本级",
    "乡本级",
    "省级",
    "市级",
    "县级",
    "区级",
    "乡级",
    "镇级",
    "乡镇级",
    "县区级",
    "县(区)级",
    "市县级",
    // In a topic clause (`从县区看`, `乡镇方面`): the places below the whole, together.
    "县区",
    "区县",
    "市县",
    "乡镇",
];

/// Places counted as parts of the whole (`12个乡`, `三个区`).
const PLACES: &str = "省市县区乡镇街";

/// Where a figure is printed: the part of the jurisdiction (`None`: the whole) and the budget of its section.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Context {
    pub(super) part: Option<String>,
    pub(super) fund: Option<usize>,
    /// The fund among several of a budget its section is about (see [`super::section`]).
    pub(super) subject: Option<String>,
    /// The months its figures were counted over, as the words before them name them (`7月份,`, `1-7月累计,`,
    /// `1-7月全国…`): a release's month and its year to date are two quantities of one name.
    pub(super) period: Option<Period>,
}

impl Assembler<'_> {
    /// Reads the headings and clauses in `start..end` (the words before a sentence's first figure).
    pub(super) fn note_context(&mut self, start: usize, end: usize) {
        let end = end.min(self.text.chars.len());
        let start = start.max(end.saturating_sub(MAX_WORDS)).min(end);
        let words: String = self.text.chars[start..end].iter().collect();
        let before = self.context.clone();
        let at_line_start = start == 0 || self.text.chars.get(start - 1) == Some(&'\n');
        self.read_context(&words, at_line_start);
        if self.context != before {
            // Another part or another budget's section: the lists open before it are not its lists.
            self.stack.clear();
            self.current_root = None;
        }
    }

    /// The words' heading lines and topic clauses, in order; the first line is a line of its own only if the
    /// words start one (else it is the end of the sentence before's paragraph, `…。其中:`).
    fn read_context(&mut self, words: &str, at_line_start: bool) {
        let mut lines = words.split('\n').enumerate().peekable();
        while let Some((n, line)) = lines.next() {
            let last = lines.peek().is_none();
            let whole_line = !last && (n > 0 || at_line_start);
            let line = line.trim();
            if whole_line && is_heading(line) {
                self.context.fund = fund_of(line);
                self.context.part = part_named(line);
                self.context.subject = fund_named(line);
                continue;
            }
            // The last clause holds the first figure's own label: its words are the label's.
            let mut clauses: Vec<&str> = line
                .split([',', '，', ';', '；', '。', ':', '：'])
                .collect();
            // The label's own clause may open with its period (`1-7月全国一般公共预算支出…`).
            let label_clause = if last { clauses.pop() } else { None };
            for clause in clauses {
                if let Some(period) = period_opening(clause) {
                    self.context.period = Some(period);
                }
                if names_section(clause) {
                    self.section_clause(clause);
                }
                if names_whole(clause) {
                    self.context.part = None;
                } else if let Some(part) = part_named(clause).filter(|_| sets_topic(clause)) {
                    self.context.part = Some(part);
                }
            }
            if let Some(period) = label_clause.and_then(period_opening) {
                self.context.period = Some(period);
            }
        }
    }

    /// `（二）政府性基金预算。`, `1.企业职工基本养老保险基金：`: a clause naming the subject of the figures after
    /// it; a fund of several keeps the budget it belongs to.
    fn section_clause(&mut self, clause: &str) {
        self.context.subject = fund_named(clause);
        if self.context.subject.is_none() {
            self.context.fund = fund_of(clause);
        }
    }

    /// `全县政府性基金预算收入完成50亿元，加上级补助收入5亿元，收入总计55亿元`: a sentence opened by an amount
    /// named for a budget is about that budget; a total later in it (`收入总计`) is that budget's.
    pub(super) fn note_sentence_fund(&mut self, sentence: &Sentence) {
        let first_label = sentence.statements.iter().find_map(|s| match s {
            Statement::Amount { label, .. } | Statement::PairedAmount { label, .. } => Some(label),
            _ => None,
        });
        self.sentence_fund = first_label.and_then(|l| fund_of(&l.text));
    }

    /// General pattern: `全区一般公共预算收入A，…。加上中央财政收入B，合计财政总收入C。其中：某区完成一般公共预算收入
    /// D；加上中央财政收入E，合计财政总收入F。…完成区本级一般公共预算收入G。加上…，合计财政总收入H。` — a sentence
    /// that goes on adding to the amount the sentence before opened with (its first amount a term of a balance,
    /// `加上…`) sums that amount's part of the jurisdiction: a place named before it (`某区完成…`) or a level
    /// (`区本级…`). Its total is that part's (F, H), never the whole's printed again (C) with another value; and
    /// so is the amount of the sentence naming the part itself (`某园区完成财政总收入…`).
    pub(super) fn note_continued_scope(&mut self, sentence: &Sentence) {
        let first = sentence.statements.iter().find_map(|s| match s {
            Statement::Amount { label, .. } | Statement::PairedAmount { label, .. } => Some(label),
            _ => None,
        });
        let continues = first.is_some_and(|l| l.balance_term);
        let part = match continues {
            true => self.previous_scope.clone(),
            false => first.and_then(|l| scope_named(&l.text)),
        };
        self.previous_scope = part.clone();
        // Entering a part, or naming the whole after one (`全区完成出口退税…`): the lists open before are not its
        // lists (as in `note_context`). A sentence naming neither leaves them. Items of a list (`其中:省级收入A；
        // 市县级收入B`) name the levels as parts of its total: that list goes on.
        let is_level = |p: &Option<String>| p.as_deref().is_some_and(|p| LEVELS.contains(&p));
        let in_list = self.stack.iter().any(|o| o.explicit || o.took_item);
        let enters = part.is_some() && part != self.sentence_part && !(in_list && is_level(&part));
        // Leaving a level is `note_sentence_level`'s (its list may go on in the whole's words).
        let leaves = self.sentence_part.is_some()
            && !is_level(&self.sentence_part)
            && first.is_some_and(|l| names_whole(&l.text));
        if enters || leaves {
            self.stack.clear();
            self.current_root = None;
        }
        self.sentence_part = part;
    }

    /// The part of the jurisdiction a figure printed now is about: the sentence's, else the words'.
    fn part_here(&self) -> Option<&str> {
        self.sentence_part
            .as_deref()
            .or(self.context.part.as_deref())
    }

    /// The context of a figure printed now: the words' part, and the budget of the sentence or the section.
    pub(super) fn context_here(&self) -> Context {
        Context {
            part: self.part_here().map(str::to_string),
            fund: self.sentence_fund.or(self.context.fund),
            subject: self.context.subject.clone(),
            period: self.context.period,
        }
    }

    /// Whether a printing (`label`, here) can be the same quantity as `node` by their contexts: the same part
    /// of the jurisdiction, and no two budgets named.
    pub(super) fn same_context(&self, node: usize, label: &str) -> bool {
        let built = &self.nodes[node];
        let there = (
            part_of(&built.printed, &built.context),
            fund_of(&built.printed).or(built.context.fund),
        );
        let here = (
            match label.starts_with('全') {
                true => None,
                false => self.part_here(),
            },
            fund_of(label).or(self.context_here().fund),
        );
        // One fund's `本年支出` is not another fund's (see [`super::section`]).
        let subject_there = fund_named(&built.printed).or(built.context.subject.clone());
        let subject_here = fund_named(label).or(self.context.subject.clone());
        let same_fund = match (there.1, here.1) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        // A month's figure and the year to date's (see [`Period`]).
        let same_period = match (built.context.period, self.context.period) {
            (Some(a), Some(b)) => a.same(b),
            _ => true,
        };
        there.0 == here.0 && same_fund && subject_there == subject_here && same_period
    }
}

/// The part a label is about: none when it names the whole itself (`全县…`), else its context's.
fn part_of<'c>(label: &str, context: &'c Context) -> Option<&'c str> {
    match label.starts_with('全') {
        true => None,
        false => context.part.as_deref(),
    }
}

/// Verbs that open a label before the part it names (`完成区本级一般公共预算收入`).
const OPENING_VERBS: [&str; 3] = ["完成", "实现", "累计完成"];

/// Place characters that end a named place (`某某区`, `某某县`, `某某园区`).
const PLACE_ENDINGS: &str = "区县市镇乡旗";

/// Longest name of a place read before a label's money name (characters).
const MAX_PLACE: usize = 8;

/// The part of the jurisdiction a label opens with: a level (`区本级…`, after a verb too) or a place named
/// before what it did (`某某区完成一般公共预算收入`, `某某园区实现财政总收入`). Not the whole (`全区…`).
fn scope_named(label: &str) -> Option<String> {
    let label = OPENING_VERBS
        .iter()
        .find_map(|v| label.strip_prefix(v))
        .unwrap_or(label);
    if names_whole(label) {
        return None;
    }
    if let Some(level) = LEVELS.iter().find(|l| label.starts_with(*l)) {
        return Some(level.to_string());
    }
    let chars: Vec<char> = label.chars().collect();
    let end =
        (2..chars.len().min(MAX_PLACE + 1)).find(|&i| PLACE_ENDINGS.contains(chars[i - 1]))?;
    let rest: String = chars[end..].iter().collect();
    let did = OPENING_VERBS.iter().any(|v| rest.starts_with(v));
    // `我市完成…`, `本区实现…`, `各县完成…`, `该县…`: the jurisdiction itself or all its parts, not one part.
    let the_whole = chars.first().is_some_and(|c| WHOLE_OR_EVERY.contains(*c));
    (did && !the_whole).then(|| chars[..end].iter().collect())
}

/// First characters of a place that is the jurisdiction speaking (`我市`, `本区`, `该县`) or every part (`各县`).
const WHOLE_OR_EVERY: &str = "我本该各此";

/// A short line of its own (the words before a figure hold none) that is numbered or names a budget or a
/// part (`二、政府性基金预算`, `(一)市本级`): a heading. `其中:` on a line of its own is none.
fn is_heading(line: &str) -> bool {
    let length = line.chars().count();
    let names = fund_of(line).is_some() || part_named(line).is_some();
    (1..=MAX_HEADING).contains(&length) && (is_numbered(line) || names)
}

/// `二、`, `(三)`, `（三）`, `2.`: a heading's number.
fn is_numbered(line: &str) -> bool {
    let numeral = |c: char| is_numeral(c) || c.is_ascii_digit();
    let inner = line
        .strip_prefix(['(', '（'])
        .map(|rest| rest.trim_start_matches(numeral))
        .is_some_and(|rest| rest.starts_with([')', '）']));
    let rest = line.trim_start_matches(numeral);
    inner || (rest.len() < line.len() && rest.starts_with(['、', '.', '．']))
}

/// `在12个乡收支情况上`, `从市本级看`, `市本级方面`, `市本级`: a clause that says what the next figures are about
/// (a part named in passing, `全年市级出国团组…`, sets nothing).
fn sets_topic(clause: &str) -> bool {
    let clause = clause.trim();
    let opens = ["在", "从", "就", "对于", "分"]
        .iter()
        .any(|w| clause.starts_with(w));
    let closes = ["上", "看", "方面", "来看", "情况", "中"]
        .iter()
        .any(|w| clause.ends_with(w));
    opens || closes || part_named(clause).is_some_and(|p| p == clause)
}

/// `省级收入`, `市本级支出`, `12个乡`: words naming a part of the jurisdiction by its level or places.
pub(super) fn names_level(words: &str) -> bool {
    part_named(words).is_some()
}

/// `全县`, `全市`, `全省`…: the whole jurisdiction.
pub(super) fn names_whole(clause: &str) -> bool {
    let chars: Vec<char> = clause.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0] == '全' && PLACES.contains(w[1]))
}

/// The part of the jurisdiction some words name: `12个乡` (a count of places) or a level (`市本级`).
pub(super) fn part_named(words: &str) -> Option<String> {
    if names_whole(words) {
        return None;
    }
    counted_places(words).or_else(|| {
        let level = LEVELS.iter().find(|l| {
            words
                .match_indices(*l)
                .any(|(i, _)| !words[i + l.len()..].starts_with('市'))
        })?;
        Some(level.to_string())
    })
}

/// `41个县`, `三个区`: a number of places.
fn counted_places(words: &str) -> Option<String> {
    let chars: Vec<char> = words.chars().collect();
    let at = (1..chars.len().saturating_sub(1))
        .find(|&i| chars[i] == '个' && PLACES.contains(chars[i + 1]) && is_numeral(chars[i - 1]))?;
    let from = (0..at).rev().take_while(|&i| is_numeral(chars[i])).last()?;
    let to = (at + 1..chars.len())
        .take_while(|&i| PLACES.contains(chars[i]))
        .last()?;
    Some(chars[from..=to].iter().collect())
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十百两".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_doing_something_is_a_part_unless_it_is_the_speaker_or_every_part() {
        assert_eq!(
            scope_named("某某区完成一般公共预算收入").as_deref(),
            Some("某某区")
        );
        assert_eq!(
            scope_named("区本级一般公共预算收入").as_deref(),
            Some("区本级")
        );
        assert_eq!(scope_named("我市完成一般公共预算收入"), None);
        assert_eq!(scope_named("本区实现财政总收入"), None);
        assert_eq!(scope_named("各县完成一般公共预算收入"), None);
        assert_eq!(scope_named("全区完成一般公共预算收入"), None);
    }

    #[test]
    fn names_parts_and_the_whole() {
        assert_eq!(part_named("在12个乡收支情况上").as_deref(), Some("12个乡"));
        assert_eq!(part_named("三个区方面").as_deref(), Some("三个区"));
        assert_eq!(part_named("从市本级看").as_deref(), Some("市本级"));
        assert_eq!(part_named("全县27个乡镇").as_deref(), None);
        assert_eq!(part_named("含5个县级市").as_deref(), Some("5个县"));
        assert_eq!(part_named("据财政快报统计"), None);
        assert_eq!(part_named("从县区看").as_deref(), Some("县区"));
        assert!(!sets_topic("据各乡镇财政收支月报汇总"));
        assert!(names_whole("全市"));
        assert!(is_heading("三、2024年县级可用财力"));
        assert!(is_heading("(二)政府性基金预算收支情况"));
        assert!(!is_heading("其中:"));
        assert!(sets_topic("在12个乡收支情况上"));
        assert!(sets_topic("市本级"));
        assert!(!sets_topic("全年市级出国团组12个"));
        assert!(!names_whole("完全"));
        assert_eq!(
            scope_named("完成区本级一般公共预算收入").as_deref(),
            Some("区本级")
        );
        assert_eq!(
            scope_named("某某区完成一般公共预算收入").as_deref(),
            Some("某某区")
        );
        assert_eq!(scope_named("全区完成一般公共预算收入"), None);
        assert_eq!(scope_named("一般公共预算收入"), None);
    }
}
