//! The subject of a section: the fund or budget its figures are about.
//!
//! General pattern: a text that reports several funds or budgets in turn prints the same names of totals for
//! each (`（一）企业职工基本养老保险基金。本年收入A，本年支出B。（二）城乡居民基本养老保险基金。本年收入C…`,
//! `（二）政府性基金预算。收入合计D…`). The subject may stand in a heading line, in a clause of its own before
//! the figures (`1.X基金：`, `（一）X预算。`, `X预算方面，`) or open the sentence's first label
//! (`职工基本医疗保险基金本年支出…`). A restatement needs the same subject: a name printed again under another
//! subject is another quantity, never the first one printed again with another value (see
//! [`super::context`]).

use super::*;
use crate::assemble::context::{names_whole, part_named};
use crate::assemble::funds::fund_of;

/// What names one fund among several of a budget (`企业职工基本养老保险基金`): its last words.
const FUND_ENDINGS: &[&str] = &["保险基金"];

/// Longest name of a fund read before its ending (characters).
const MAX_NAME: usize = 16;

/// The fund a text names, where it names one of several (`城乡居民基本养老保险基金`, from `（二）城乡居民基本养老
/// 保险基金收支情况` or a label that starts with it); the budget as a whole (`社会保险基金`) names none here (it is
/// one of the four budgets, see [`super::funds`]).
pub(super) fn fund_named(words: &str) -> Option<String> {
    let chars: Vec<char> = words.chars().collect();
    FUND_ENDINGS.iter().find_map(|ending| {
        let ending: Vec<char> = ending.chars().collect();
        let at = (0..chars.len())
            .rev()
            .find(|&i| chars[i..].starts_with(&ending))?;
        let from = (0..at)
            .rev()
            .take(MAX_NAME)
            .take_while(|&i| is_name_char(chars[i]))
            .last()
            .unwrap_or(at);
        let name: String = chars[from..at + ending.len()].iter().collect();
        let name = strip_lead_words(&name);
        let whole_budget = ["社会保险基金", "社保基金"]
            .iter()
            .any(|b| name.ends_with(b));
        (!whole_budget && name.chars().count() > ending.len() + 1).then(|| name.to_string())
    })
}

/// A name's own characters: Chinese words, not numbers, brackets or punctuation.
fn is_name_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) && !"一二三四五六七八九十".contains(c)
}

/// `其中企业职工…`, `全县城乡居民…`, `本年…`: words before the fund's name that are not part of it.
fn strip_lead_words(name: &str) -> &str {
    let mut name = name;
    for lead in [
        "其中", "全县", "全市", "全区", "全省", "全镇", "全乡", "本年", "当年", "各",
    ] {
        name = name.strip_prefix(lead).unwrap_or(name);
    }
    name
}

/// `1.企业职工基本养老保险基金`, `（二）政府性基金预算`, `国有资本经营预算方面`: a clause that names a section's
/// subject and nothing else (no figure, at most its number and a topic word).
pub(super) fn names_section(clause: &str) -> bool {
    let clause = strip_number(clause.trim());
    let clause = ["方面", "收支情况", "情况", "收支"]
        .iter()
        .fold(clause, |c, w| c.strip_suffix(w).unwrap_or(c));
    let fund = fund_of(clause).is_some() || fund_named(clause).is_some();
    let bare = clause.chars().count() <= MAX_NAME + 4 && !clause.contains('万');
    fund && bare
        && ["收入", "支出", "结余"]
            .iter()
            .all(|w| !clause.ends_with(w))
}

/// `市本级一般公共预算收入`, `县区支出`: a level followed by a budget's or the jurisdiction's total — not a unit's
/// source of money (`市级财政拨款收入` is the money a unit receives from the city).
fn names_level_total(label: &str, level: &str) -> bool {
    let Some(rest) = label.strip_prefix(level) else {
        return false;
    };
    let total = ["收入", "支出", "财政收入", "财政总收入", "财政支出"]
        .iter()
        .any(|t| rest.starts_with(t));
    total || (fund_of(rest).is_some() && !rest.contains("拨款"))
}

/// The label of a sentence's first amount.
fn first_label(sentence: &Sentence) -> Option<&Label> {
    sentence.statements.iter().find_map(|s| match s {
        Statement::Amount { label, .. } | Statement::PairedAmount { label, .. } => Some(label),
        _ => None,
    })
}

/// `（二）`, `(2)`, `二、`, `2.`: a heading's number, taken off its words.
fn strip_number(clause: &str) -> &str {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if let Some(rest) = clause.strip_prefix(['(', '（']) {
        let rest = rest.trim_start_matches(numeral);
        return rest.strip_prefix([')', '）']).unwrap_or(clause);
    }
    let rest = clause.trim_start_matches(numeral);
    match rest.len() < clause.len() {
        true => rest.strip_prefix(['、', '.', '．']).unwrap_or(clause),
        false => clause,
    }
}

impl Assembler<'_> {
    /// A sentence whose first label opens with a fund's name (`城乡居民基本养老保险基金本年收入…`) starts that
    /// fund's section; one opening with a budget's name alone (`社会保险基金收入…`) ends the fund's. Not inside a
    /// list going on from the sentence before (`其中：\n企业职工…基金收入…` lists the funds as items).
    pub(super) fn note_sentence_subject(&mut self, sentence: &Sentence) {
        let Some(label) = first_label(sentence) else {
            return;
        };
        let list_goes_on = self
            .stack
            .iter()
            .any(|o| o.explicit && !o.ends_with_sentence);
        let named =
            fund_named(&label.text).filter(|n| strip_lead_words(&label.text).starts_with(n));
        let subject = match named {
            Some(name) => Some(name),
            None if fund_of(&label.text).is_some() => None,
            None => return,
        };
        if list_goes_on || subject == self.context.subject {
            return;
        }
        self.context.subject = subject;
        self.stack.clear();
        self.current_root = None;
    }

    /// `市本级一般公共预算收入A；一般公共预算支出B`: a sentence whose first label opens with a level of the
    /// jurisdiction is about that level, and so are the sentences after it until another level or the whole
    /// (`全市…`) is named; the totals named again there are that level's.
    pub(super) fn note_sentence_level(&mut self, sentence: &Sentence) {
        let Some(label) = first_label(sentence) else {
            return;
        };
        let level = part_named(&label.text).filter(|p| names_level_total(&label.text, p));
        let part = match level {
            Some(level) => Some(level),
            None if names_whole(&label.text) => None,
            None => return,
        };
        // Items of a list (`其中:省级收入A；市县级收入B`) name the levels as parts of the total, not a section.
        let in_list = self.stack.iter().any(|o| o.explicit || o.took_item);
        if in_list || part == self.context.part {
            return;
        }
        self.context.part = part;
        self.stack.clear();
        self.current_root = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_funds_and_sections() {
        let n = |w: &str| fund_named(w);
        assert_eq!(
            n("（二）城乡居民基本养老保险基金收支情况").as_deref(),
            Some("城乡居民基本养老保险基金")
        );
        assert_eq!(
            n("企业职工基本养老保险基金本年收入").as_deref(),
            Some("企业职工基本养老保险基金")
        );
        assert_eq!(n("全县社会保险基金收入"), None);
        assert_eq!(n("动用预算稳定调节基金"), None);
        assert!(names_section("1.企业职工基本养老保险基金"));
        assert!(names_section("（二）政府性基金预算"));
        assert!(names_section("国有资本经营预算方面"));
        assert!(names_section("（一）一般公共预算"));
        assert!(names_section("一、一般公共预算收支情况"));
        assert_eq!(strip_number("一般公共预算"), "一般公共预算");
        assert!(names_level_total("市本级一般公共预算收入", "市本级"));
        assert!(names_level_total("县区支出", "县区"));
        assert!(!names_level_total("市级财政拨款收入", "市级"));
        assert!(!names_section("政府性基金预算收入"));
        assert!(!names_section(
            "根据现行财政管理体制汇算,2024年全县公共财政预算收入"
        ));
    }
}
