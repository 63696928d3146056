//! What a published document says of itself in words: the year and department its headings name
//! (`第三部分上海市普陀区财政局2024年度部门决算情况说明`, `2025年部门收入预算总表`), the year-end dates it gives
//! (`截至2024年12月31日`), and the tables its contents page (目录) lists. The checker sets these against the
//! report (docs/FORMAT.md, "Findings": `year`, `entity`, `missing_table`); the importer takes the year and
//! department from them when no table title names them.
//!
//! Everything here reads whole lines of `source.text` and gives character spans (as every span of the
//! format), in one pass over the text.

use super::model::Span;
use crate::word::{contains, has_char};

/// Longest line that may be a heading or a contents entry: longer lines are prose.
const MAX_HEADING_CHARS: usize = 60;
/// Contents pages list at most this many entries (sections and tables).
const MAX_CONTENTS_ENTRIES: usize = 80;

/// A heading that names the document: `[第N部分][单位]YYYY年[度]…部门/单位…预算/决算[表/说明/情况]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The whole line, trimmed, as printed.
    pub text: String,
    /// Where that line is printed.
    pub line_at: Span,
    pub year: i32,
    /// Where the year's four digits are printed.
    pub year_at: Span,
    /// The department (or region) printed before the year, if any.
    pub entity: Option<String>,
    /// Where that name is printed.
    pub entity_at: Option<Span>,
}

/// A year-end date: `截至2024年12月31日`, `截止到2024年底`, `截至2024年末`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearEnd {
    pub year: i32,
    /// Where the whole date is printed, from `截至` to `日`/`底`/`末`.
    pub at: Span,
}

/// A table the contents page lists that no line of the body prints as a title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingTable {
    /// The entry as listed (numbering and page leaders removed): `支出决算表`.
    pub title: String,
    /// Where the contents page lists it.
    pub at: Span,
}

/// A comparison with one year's budget or final accounts: `比2026年预算增加793.14万元`, `与2026年预算持平`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComparedYear {
    pub year: i32,
    /// `预算` (else `决算`).
    pub budget: bool,
    /// From the lead-in (`比`) to the end of its clause, so that a quote shows the figure compared.
    pub at: Span,
}

/// A function class printed with its code in the text: `医疗卫生与计划生育支出（210类）`, and below it
/// `行政事业单位医疗（11款）` (code 21011) and `行政单位医疗（01项）` (code 2101101).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedClass {
    /// The whole code: the 类's three digits, then two for the 款 and two for the 项.
    pub code: String,
    pub name: String,
    /// Where the name is printed.
    pub at: Span,
}

/// A text split into characters and lines once, for every reader below (spans count characters).
pub struct Text {
    chars: Vec<char>,
    lines: Vec<Line>,
}

impl Text {
    pub fn new(text: &str) -> Text {
        let chars: Vec<char> = text.chars().collect();
        let lines = lines(&chars);
        Text { chars, lines }
    }
}

/// One line of the text: its characters' range.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

fn lines(chars: &[char]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if *c == '\n' {
            out.push(Line { start, end: i });
            start = i + 1;
        }
    }
    out.push(Line {
        start,
        end: chars.len(),
    });
    out
}

/// The line without surrounding blanks, contents-page leaders (`……`, `....`) and page numbers.
fn trimmed(chars: &[char], line: Line) -> (usize, usize) {
    let mut start = line.start;
    let mut end = line.end;
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && is_leader(chars[end - 1]) {
        end -= 1;
    }
    (start, end)
}

fn is_leader(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_digit() || matches!(c, '…' | '.' | '．' | '·' | '-' | '—')
}

fn is_sentence_mark(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | ',' | ';' | ':' | '！' | '？' | '!' | '?'
    )
}

/// How many characters of numbering open the line: `第三部分`, `五、`, `（三）`, `3.`, `4．`, `3、`.
fn numbering(chars: &[char]) -> usize {
    let numeral = |c: &char| has_char("一二三四五六七八九十百零", *c);
    let mut n = 0;
    if chars.first() == Some(&'第') {
        let digits = chars[1..].iter().take_while(|c| numeral(c)).count();
        if digits > 0
            && chars.get(1 + digits) == Some(&'部')
            && chars.get(2 + digits) == Some(&'分')
        {
            n = 3 + digits;
        }
    } else if matches!(chars.first(), Some('（' | '(')) {
        let digits = chars[1..].iter().take_while(|c| numeral(c)).count();
        if digits > 0 && matches!(chars.get(1 + digits), Some('）' | ')')) {
            n = 2 + digits;
        }
    } else {
        let chinese = chars.iter().take_while(|c| numeral(c)).count();
        let arabic = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        let digits = chinese.max(arabic);
        if digits > 0 && matches!(chars.get(digits), Some('、' | '.' | '．')) {
            n = digits + 1;
        }
    }
    n + chars[n..].iter().take_while(|c| c.is_whitespace()).count()
}

/// `2024年` or `2024年度` at `at`: the year and how many characters it takes.
fn year_at(chars: &[char], at: usize) -> Option<(i32, usize)> {
    let digits = chars.get(at..at + 4)?;
    if !digits.iter().all(char::is_ascii_digit) || chars.get(at + 4) != Some(&'年') {
        return None;
    }
    if at > 0 && chars[at - 1].is_ascii_digit() {
        return None;
    }
    let year: i32 = digits.iter().collect::<String>().parse().ok()?;
    let length = if chars.get(at + 5) == Some(&'度') {
        6
    } else {
        5
    };
    Some((year, length))
}

/// The headings that name the document's year (and its department, when printed before the year). A
/// heading is a short line without sentence punctuation whose words after the year name a department's or
/// unit's budget or final accounts, or one of their tables or explanations; `…预算执行情况` (another year's
/// execution) and sentences broken across lines are not headings.
pub fn headings(text: &Text) -> Vec<Heading> {
    text.lines
        .iter()
        .filter_map(|line| heading(&text.chars, *line))
        .collect()
}

fn heading(chars: &[char], line: Line) -> Option<Heading> {
    let (start, end) = trimmed(chars, line);
    let words = &chars[start..end];
    if words.is_empty()
        || words.len() > MAX_HEADING_CHARS
        || words.iter().any(|c| is_sentence_mark(*c))
    {
        return None;
    }
    let open = numbering(words);
    let at = (open..words.len()).find(|i| year_at(words, *i).is_some())?;
    let (year, length) = year_at(words, at)?;
    let name: String = words[open..at].iter().collect();
    let rest: String = words[at + length..].iter().collect();
    let has = |word: &str| contains(&rest, word);
    let names_document = (has("部门") || has("单位"))
        && (has("预算") || has("决算"))
        && !has("执行")
        && !rest.chars().any(|c| c.is_ascii_digit())
        && ["预算", "决算", "表", "说明", "情况"]
            .iter()
            .any(|e| rest.ends_with(e));
    if !names_document || name.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let entity = name.trim();
    let entity_start = start + open + name.chars().take_while(|c| c.is_whitespace()).count();
    Some(Heading {
        text: words.iter().collect(),
        line_at: Span { start, end },
        year,
        year_at: Span {
            start: start + at,
            end: start + at + 4,
        },
        entity: (entity.chars().count() >= 2).then(|| entity.to_string()),
        entity_at: (entity.chars().count() >= 2).then(|| Span {
            start: entity_start,
            end: entity_start + entity.chars().count(),
        }),
    })
}

/// The year most headings name (the earliest of equally frequent ones): the document's year by its own
/// words. `None` when no heading names one.
pub fn stated_year(headings: &[Heading]) -> Option<i32> {
    most_frequent(headings.iter().map(|h| h.year))
}

/// The department most headings name before their year; of equally frequent names, the one that is
/// `known` (the report's, from elsewhere), then the longest.
pub fn stated_entity(headings: &[Heading], known: &str) -> Option<String> {
    counts(headings.iter().filter_map(|h| h.entity.clone()))
        .into_iter()
        .max_by_key(|(name, count)| {
            let agrees = !known.is_empty() && same_entity(name, known);
            (*count, agrees, name.chars().count())
        })
        .map(|(name, _)| name)
}

fn most_frequent(values: impl Iterator<Item = i32>) -> Option<i32> {
    counts(values)
        .into_iter()
        .max_by_key(|(value, count)| (*count, -value))
        .map(|(value, _)| value)
}

/// Each distinct value with how often it comes, in order of first appearance (headings are few).
fn counts<T: PartialEq>(values: impl Iterator<Item = T>) -> Vec<(T, usize)> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for value in values {
        match counts.iter_mut().find(|(v, _)| *v == value) {
            Some((_, count)) => *count += 1,
            None => counts.push((value, 1)),
        }
    }
    counts
}

/// Whether two names of a department can be the same: one holds the other (`普陀区财政局` in
/// `上海市普陀区财政局`; a region `上海市普陀区` before a budget's title). `上海市普陀区XX局` and
/// `上海市普陀区财政局` cannot.
pub fn same_entity(one: &str, other: &str) -> bool {
    contains(one, other) || contains(other, one)
}

/// The year-end dates the text gives: `截至`/`截止`/`截止到` a year's `12月31日`, `底` or `末`.
pub fn year_ends(text: &Text) -> Vec<YearEnd> {
    let chars = &text.chars;
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(1) {
        if chars[i] != '截' || !matches!(chars[i + 1], '至' | '止') {
            continue;
        }
        let mut at = i + 2;
        if chars.get(at) == Some(&'到') {
            at += 1;
        }
        let Some((year, length)) = year_at(chars, at) else {
            continue;
        };
        let after: String = chars[at + length..].iter().take(6).collect();
        let end = if after.starts_with("12月31日") {
            6
        } else if after.starts_with('底') || after.starts_with('末') {
            1
        } else {
            continue;
        };
        out.push(YearEnd {
            year,
            at: Span {
                start: i,
                end: at + length + end,
            },
        });
    }
    out
}

/// The tables the contents page (the lines after a `目录` line) lists that no later line prints as a title,
/// when the text prints some of them (else they are published apart, or the text is the narrative only).
/// An entry is a table when it ends in `表` and is not a section over numbered entries (`五、部门预算表`
/// followed by `1. 2025年部门财务收支预算总表`); a body line prints it when the line ends with the entry's
/// words and with no longer entry's (`一般公共预算财政拨款支出决算表` is not `支出决算表`).
pub fn missing_tables(text: &Text) -> Vec<MissingTable> {
    let (chars, all) = (&text.chars, &text.lines);
    let Some(contents_at) = all.iter().position(|l| {
        chars[l.start..l.end]
            .iter()
            .filter(|c| !c.is_whitespace())
            .eq(['目', '录'].iter())
    }) else {
        return Vec::new();
    };
    let (entries, body_from) = contents(chars, &all[contents_at + 1..]);
    let tables = table_entries(&entries);
    let titles: Vec<&str> = tables.iter().map(|e| e.words.as_str()).collect();
    let mut printed = vec![false; tables.len()];
    for line in &all[contents_at + 1 + body_from..] {
        let (start, end) = trimmed(chars, *line);
        if end - start > MAX_HEADING_CHARS || chars[start..end].iter().any(|c| is_sentence_mark(*c))
        {
            continue;
        }
        let words: String = chars[start..end].iter().collect();
        let words = without_note(&words);
        let longest = (0..titles.len())
            .filter(|i| words.ends_with(titles[*i]))
            .max_by_key(|i| titles[*i].chars().count());
        if let Some(i) = longest {
            printed[i] = true;
        }
    }
    // None printed: the tables are published apart (attachments, pictures) or the text is the narrative
    // alone — nothing is missing from it.
    if !printed.contains(&true) {
        return Vec::new();
    }
    tables
        .into_iter()
        .zip(printed)
        .filter(|(_, printed)| !printed)
        .map(|(entry, _)| MissingTable {
            title: entry.words,
            at: entry.at,
        })
        .collect()
}

/// A contents entry: its words without numbering, year and leaders, whether it was numbered in Arabic
/// digits (`1.`: a table under a section), and where it is printed.
struct Entry {
    words: String,
    arabic: bool,
    /// A part of the document (`第二部分…`), not a table.
    part: bool,
    at: Span,
}

/// The contents entries, up to the first line that repeats one's words (the body starts over with the
/// first section or table, numbered or not) or reads as prose; and how many lines they took.
fn contents(chars: &[char], after: &[Line]) -> (Vec<Entry>, usize) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (n, line) in after.iter().enumerate() {
        let (start, end) = trimmed(chars, *line);
        if start == end {
            continue;
        }
        let words = &chars[start..end];
        let prose = words.len() > MAX_HEADING_CHARS || words.iter().any(|c| is_sentence_mark(*c));
        let open = numbering(words);
        let year = year_at(words, open).map_or(0, |(_, length)| length);
        let entry: String = words[open + year..].iter().collect();
        if prose || seen.contains(&entry) || entries.len() == MAX_CONTENTS_ENTRIES {
            return (entries, n);
        }
        seen.push(entry.clone());
        entries.push(Entry {
            words: entry,
            arabic: words.first().is_some_and(char::is_ascii_digit),
            part: words.first() == Some(&'第') && open > 0,
            at: Span {
                start: start + open,
                end,
            },
        });
    }
    (entries, after.len())
}

fn table_entries(entries: &[Entry]) -> Vec<Entry> {
    let mut out = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let words = without_note(&entry.words);
        let section = !entry.arabic && entries.get(i + 1).is_some_and(|next| next.arabic);
        if words.ends_with('表') && !section && !entry.part {
            out.push(Entry {
                words: words.to_string(),
                arabic: entry.arabic,
                part: false,
                at: entry.at,
            });
        }
    }
    out
}

/// A title without a trailing note in brackets: `部门收支总表（公开表1）` → `部门收支总表`.
fn without_note(title: &str) -> &str {
    let title = title.trim_end();
    if let Some(open) = title
        .strip_suffix(['）', ')'])
        .and_then(|t| t.rfind(['（', '(']))
    {
        return title.get(..open).unwrap_or(title).trim_end();
    }
    title
}

/// Longest clause a comparison's quote takes, from its lead-in.
const MAX_CLAUSE_CHARS: usize = 40;

/// The comparisons with a named year's budget or final accounts: `比|较|与` right before `YYYY年[度]预算`
/// or `…决算`. (`比2026年年初预算` is not one: an adjusted budget compares with its own year's first one.)
pub fn compared_years(text: &Text) -> Vec<ComparedYear> {
    let chars = &text.chars;
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if !matches!(c, '比' | '较' | '与') {
            continue;
        }
        let Some((year, length)) = year_at(chars, i + 1) else {
            continue;
        };
        let kind = chars.get(i + 1 + length..i + 3 + length);
        let budget = match kind {
            Some(['预', '算']) => true,
            Some(['决', '算']) => false,
            _ => continue,
        };
        let end = chars[i..]
            .iter()
            .take(MAX_CLAUSE_CHARS)
            .position(|c| matches!(c, '，' | '。' | '；' | ',' | ';' | '\n'))
            .map_or(i + 3 + length, |n| i + n);
        out.push(ComparedYear {
            year,
            budget,
            at: Span { start: i, end },
        });
    }
    out
}

/// Longest class name read before its code.
const MAX_CLASS_NAME_CHARS: usize = 30;

/// The function classes the text prints with their codes (`公共安全支出（204类）司法（06款）行政运行（01项）`,
/// the Shanghai budget's item headings). A 款's code follows the last 类 printed, a 项's the last 款.
pub fn printed_classes(text: &Text) -> Vec<PrintedClass> {
    let chars = &text.chars;
    let mut out = Vec::new();
    let (mut class, mut kuan) = (None::<String>, None::<String>);
    for (i, c) in chars.iter().enumerate() {
        if !matches!(c, '(' | '（') {
            continue;
        }
        let digits = chars[i + 1..]
            .iter()
            .take(4)
            .take_while(|c| c.is_ascii_digit())
            .count();
        let closes = matches!(chars.get(i + 2 + digits), Some(')' | '）'));
        let (Some(level), true) = (chars.get(i + 1 + digits), closes) else {
            continue;
        };
        let own: String = chars[i + 1..i + 1 + digits].iter().collect();
        let code = match (level, digits) {
            ('类', 3) => Some(own),
            ('款', 2) => class.as_ref().map(|c| format!("{c}{own}")),
            ('项', 2) => kuan.as_ref().map(|k| format!("{k}{own}")),
            _ => None,
        };
        let Some(code) = code else { continue };
        match level {
            '类' => (class, kuan) = (Some(code.clone()), None),
            '款' => kuan = Some(code.clone()),
            _ => {}
        }
        let start = (i.saturating_sub(MAX_CLASS_NAME_CHARS)..i)
            .rev()
            .find(|&j| is_name_boundary(chars[j]))
            .map_or(i.saturating_sub(MAX_CLASS_NAME_CHARS), |j| j + 1);
        if start < i {
            out.push(PrintedClass {
                code,
                name: chars[start..i].iter().collect(),
                at: Span { start, end: i },
            });
        }
    }
    out
}

/// What ends a class name when reading back from its code: list marks, punctuation, the previous level's
/// closing parenthesis, a line break.
fn is_name_boundary(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_digit() || has_char("、，。；：,;:.．()（）“”\"", c)
}

/// What an empty-table note (`注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。`) says there is
/// none of: the words it names, and the breakdown of the format (docs/FORMAT.md) that holds those figures.
const EMPTY_NOTE_SUBJECTS: &[(&str, &str)] = &[
    ("三公", "three_public"),
    ("机关运行经费", "admin_costs"),
    ("政府性基金", "gov_fund_by_function"),
    ("国有资本经营", "state_capital_by_function"),
];

/// A note under a table saying the table is empty, and what of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmptyNote {
    /// The format's breakdown ids of what the note says there is none of.
    pub breakdowns: Vec<&'static str>,
    /// Where the note is printed (its line).
    pub at: Span,
}

/// The notes that say their table is empty: a line starting `注` that says `空表` or `无数据`, with what it
/// names (its `无…` words).
pub fn empty_notes(text: &Text) -> Vec<EmptyNote> {
    let chars = &text.chars;
    text.lines
        .iter()
        .filter_map(|&line| {
            let (start, end) = trimmed(chars, line);
            let words: String = chars[start..end].iter().collect();
            let empty = contains(&words, "空表") || contains(&words, "无数据");
            if !words.starts_with('注') || !empty {
                return None;
            }
            let breakdowns: Vec<&'static str> = EMPTY_NOTE_SUBJECTS
                .iter()
                .filter(|(named, _)| contains(&words, named))
                .map(|&(_, id)| id)
                .collect();
            (!breakdowns.is_empty()).then_some(EmptyNote {
                breakdowns,
                at: Span { start, end },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_the_year_and_the_department() {
        let text =
            "上海市普陀区财政局\n2024年度部门决算\n\n第二部分上海市普陀区XX局2024年度部门决算表\n\
                    第三部分上海市普陀区财政局2023年度部门决算情况说明\n\
                    纳入上海市普陀区财政局2024年度部门决算编制范\n\
                    上海市普陀区财政局2024年度预算绩效管理工作开展情况\n\
                    2. 2025年部门收入预算总表……………………12\n一、2024年预算执行情况\n\
                    本年收入合计2946.25万元，2024年度部门决算表";
        let found = headings(&Text::new(text));
        let years: Vec<i32> = found.iter().map(|h| h.year).collect();
        assert_eq!(years, [2024, 2024, 2023, 2025]);
        assert_eq!(found[0].entity, None);
        assert_eq!(found[1].entity.as_deref(), Some("上海市普陀区XX局"));
        assert_eq!(found[3].text, "2. 2025年部门收入预算总表");
        let chars: Vec<char> = text.chars().collect();
        let at = found[2].year_at;
        assert_eq!(chars[at.start..at.end].iter().collect::<String>(), "2023");
        let at = found[1].entity_at.unwrap();
        assert_eq!(
            chars[at.start..at.end].iter().collect::<String>(),
            "上海市普陀区XX局"
        );
        assert_eq!(stated_year(&found), Some(2024));
    }

    #[test]
    fn the_department_named_most_often_wins_and_names_may_hold_each_other() {
        let text = "第一部分甲局2024年度部门决算表\n第二部分甲局2024年度部门决算情况说明\n第三部分乙局2024年度部门决算";
        assert_eq!(
            stated_entity(&headings(&Text::new(text)), "").as_deref(),
            Some("甲局")
        );
        let tied = "第一部分甲局2024年度部门决算表\n第二部分乙局2024年度部门决算表";
        assert_eq!(
            stated_entity(&headings(&Text::new(tied)), "乙局").as_deref(),
            Some("乙局")
        );
        assert!(same_entity("上海市普陀区财政局", "普陀区财政局"));
        assert!(same_entity("上海市普陀区", "上海市普陀区商务委员会"));
        assert!(!same_entity("上海市普陀区XX局", "上海市普陀区财政局"));
    }

    #[test]
    fn year_end_dates_are_read_in_their_forms() {
        let text =
            "截至2023年12月31日，共有车辆0辆。截止到2024年底，截至2024年末，截至2024年8月31日。";
        let years: Vec<i32> = year_ends(&Text::new(text)).iter().map(|d| d.year).collect();
        assert_eq!(years, [2023, 2024, 2024]);
        assert_eq!(
            year_ends(&Text::new(text))[0].at,
            Span { start: 0, end: 13 }
        );
    }

    #[test]
    fn a_listed_table_no_line_prints_is_missing() {
        let text = "目录\n第一部分概况\n第二部分甲局2024年度部门决算表\n一、收入决算表\n二、支出决算表\n\
                    三、一般公共预算财政拨款支出决算表\n第三部分情况说明\n\n第一部分概况\n正文，有标点。\n\
                    第二部分甲局2024年度部门决算表\n收入决算表\n一般公共预算财政拨款支出决算表\n";
        let missing = missing_tables(&Text::new(text));
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(missing[0].title, "支出决算表");
        let chars: Vec<char> = text.chars().collect();
        let at = missing[0].at;
        assert_eq!(
            chars[at.start..at.end].iter().collect::<String>(),
            "支出决算表"
        );
    }

    #[test]
    fn a_section_over_numbered_tables_is_no_table_and_leaders_are_dropped() {
        let text = "目录\n四、部门预算编制说明……………………3\n五、部门预算表…………………………5\n\
                    1. 2025年部门收入预算总表………………6\n2．2025年部门支出预算总表（公开表2）……7\n\
                    六、其他相关情况说明\n\n甲局主要职能\n甲局是主管全区工作的部门，为正处级。\n\
                    2025年部门收入预算总表\n2025年部门支出预算总表\n";
        assert_eq!(missing_tables(&Text::new(text)), Vec::new());
        let without_second = text.replace("2025年部门支出预算总表\n", "");
        let missing = missing_tables(&Text::new(&without_second));
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(missing[0].title, "部门支出预算总表");
    }

    #[test]
    fn a_text_without_contents_or_without_any_listed_table_lists_nothing() {
        assert_eq!(
            missing_tables(&Text::new("收入决算表\n支出决算表")),
            Vec::new()
        );
        let narrative_only =
            "目录\n一、收入决算表\n二、支出决算表\n\n一、收入决算表\n说明，有标点。";
        // The body starts over at 收入决算表 (the contents end there) and prints it: 支出决算表 is missing.
        assert_eq!(missing_tables(&Text::new(narrative_only)).len(), 1);
        let apart = "2024年政府预算公开\n目 录\n第一部分 预算报告\n1、一般公共预算收入预算表\n\
                     2、政府性基金收入预算表\n第一部分 预算报告\n一、预算编制指导思想，正文。";
        assert_eq!(missing_tables(&Text::new(apart)), Vec::new());
        assert_eq!(missing_tables(&Text::new("")), Vec::new());
    }
}
