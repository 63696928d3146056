//! The document's title, entity, year and phase, from its heading line.
//!
//! Text copied from a web page seldom opens with its title: before it come the site's breadcrumb
//! (`首页 > 政务公开 > 财政预决算`), its address, page furniture (`今天是 … 无障碍浏览 长者模式`), a
//! numbering line (`一、`) or a metadata line (`source: …`). The heading is the first line among the
//! opening ones that reads as a document's title — short, no sentence punctuation, naming a budget, a final
//! account, a report or its explanation; failing that, the first line that is no page furniture (an
//! excerpt that opens with a sentence, as before: its year is often the document's).

use budget_lens_core::report::Phase;

/// How many non-empty opening lines may hold the title.
const OPENING_LINES: usize = 12;
/// Words a budget document's title names (`…2022年部门预算`, `…决算情况说明`, `关于…的报告`, `“三公”经费…`,
/// `…财务信息公示`).
const TITLE_WORDS: [&str; 10] = [
    "预算", "决算", "报告", "说明", "三公", "公开", "公示", "公告", "收支", "情况",
];
/// Page furniture: breadcrumbs, addresses, the site's tools and the article's details.
const FURNITURE: [&str; 14] = [
    ">",
    "＞",
    "»",
    "›",
    "http",
    "www.",
    "当前位置",
    "首页",
    "无障碍",
    "长者模式",
    "发布时间",
    "浏览次数",
    "字号",
    "索引号",
];

/// Title, entity, year and phase of a text (title and entity empty when no opening line reads as a
/// title).
pub(crate) struct Heading {
    pub(crate) title: String,
    pub(crate) entity: String,
    pub(crate) year: Option<i32>,
    pub(crate) phase: Option<Phase>,
}

impl Heading {
    pub(crate) fn read(text: &str) -> Heading {
        let (line, is_title) = heading_line(text);
        // Full-width digits (`２０２１年度`) read as ASCII, so that the year is found.
        let line: String = line
            .chars()
            .take(200)
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .collect();
        let opening: String = text.chars().take(2000).collect();
        let phase = [&line, &opening].iter().find_map(|t| phase_named(t));
        let year_at = find_year(&line);
        let year = year_at.and_then(|at| line.get(at..at + 4)?.parse().ok());
        // A sentence or a section's heading opening an excerpt gives its year, but it is no title and
        // names no entity.
        if !is_title {
            return Heading {
                title: String::new(),
                entity: String::new(),
                year,
                phase,
            };
        }
        // The entity is what the title names before its year, or before what the document is.
        let entity = match year_at {
            Some(at) => line[..at].trim().to_string(),
            None => entity_without_year(&line),
        };
        Heading {
            title: line,
            entity,
            year,
            phase,
        }
    }
}

/// The entity of a title without a year: before the first word of what the document is (`…中心决算公开
/// 说明`, `…局部门预算`), without a trailing `部门` / `单位` or an opening quote.
fn entity_without_year(title: &str) -> String {
    let end = TITLE_WORDS.iter().filter_map(|w| title.find(w)).min();
    let mut entity = title[..end.unwrap_or(title.len())]
        .trim()
        .trim_end_matches(['“', '"']);
    while let Some(shorter) = ["部门", "单位", "年度"]
        .iter()
        .find_map(|s| entity.strip_suffix(s))
    {
        entity = shorter;
    }
    entity.trim().to_string()
}

/// Whether words open with a heading's numbering: `一、`, `（一）`, `1.`, `3．`, `第二部分`.
fn is_numbered(words: &str) -> bool {
    let numbering = |c: char| "一二三四五六七八九十0123456789".contains(c);
    let rest = words
        .trim_start_matches(['（', '('])
        .trim_start_matches(numbering);
    let part = words
        .strip_prefix('第')
        .map(|r| r.trim_start_matches(numbering))
        .is_some_and(|r| {
            r.len() + '第'.len_utf8() < words.len() && r.starts_with(['部', '章', '节'])
        });
    part || (rest.len() < words.len() && rest.starts_with(['、', '.', '．', '）', ')']))
}

/// The line that heads the text, and whether it reads as a title: the first of the opening lines that
/// does (one with a year first), else the first that is no page furniture, else the first.
fn heading_line(text: &str) -> (String, bool) {
    let opening: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(OPENING_LINES)
        .collect();
    if let Some(cover) = cover_title(text) {
        return (cover, true);
    }
    // A title with its year before one without (a table's caption, `收支情况对比表`).
    let titles = || {
        opening
            .iter()
            .enumerate()
            .filter(|(_, l)| reads_as_title(l))
    };
    let found = titles()
        .find(|(_, l)| find_year(l).is_some())
        .or_else(|| titles().next());
    if let Some((at, title)) = found {
        return (with_name_above(&opening, at, title), true);
    }
    let first = opening
        .iter()
        .find(|l| !is_furniture(l))
        .or(opening.first());
    (first.copied().unwrap_or("").to_string(), false)
}

/// A cover's title broken over its first lines (`中共某某区委` / `社会工作部2024年度` / `部门决算`): the
/// longest run of two or three opening lines, each a bare phrase and no title by itself, that together
/// read as a title with a year.
fn cover_title(text: &str) -> Option<String> {
    let first: Vec<&str> = text
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .take(3)
        .collect();
    let bare = |l: &&str| {
        !l.contains(['，', ',', '。', '：', ':'])
            && !is_numbered(l)
            && !is_furniture(l)
            && !reads_as_title(l)
    };
    (2..=first.len())
        .rev()
        .map(|n| &first[..n])
        .filter(|lines| lines.iter().all(bare))
        .map(|lines| lines.concat())
        .find(|joined| reads_as_title(joined) && find_year(joined).is_some())
}

/// A cover prints the department's name on the line above a title that opens with the year
/// (`某某局` / `2024年度部门决算`): the two lines are the title.
fn with_name_above(opening: &[&str], at: usize, title: &str) -> String {
    let above = at.checked_sub(1).and_then(|i| opening.get(i));
    match above {
        Some(name)
            if find_year(title) == Some(0)
                && name.chars().count() <= 40
                && !name.contains(['，', ',', '。', '：', ':'])
                && !is_numbered(name)
                && !is_furniture(name)
                && !TITLE_WORDS.iter().any(|w| name.contains(w)) =>
        {
            format!("{name}{title}")
        }
        _ => title.to_string(),
    }
}

/// A document's title: short, one phrase (no `，`, `。` or `：`), not numbered like a section's heading,
/// naming what the document is, no furniture.
fn reads_as_title(line: &str) -> bool {
    let chars = line.chars().count();
    (6..=80).contains(&chars)
        && !line.contains(['，', ',', '。', '；', ';', '：', ':'])
        && !is_numbered(line)
        && TITLE_WORDS.iter().any(|w| line.contains(w))
        && !is_furniture(line)
}

/// Page furniture, an address or a metadata line (`source: …`, `department/year: …`: ASCII words and a
/// colon), or a line without a Chinese character (a number, a page count).
fn is_furniture(line: &str) -> bool {
    let metadata = line.split_once(':').is_some_and(|(key, _)| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '/' || c == ' ')
    });
    metadata
        || FURNITURE.iter().any(|w| line.contains(w))
        || !line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The phase a heading names: 决算 before 预算 (a final account compares with its budget). `预决算`,
/// `预算/决算` name both (a site's section, `“三公”经费预决算`) and decide nothing.
fn phase_named(text: &str) -> Option<Phase> {
    let mut text = text.to_string();
    for both in ["预决算", "预算/决算", "预算、决算", "预算和决算"] {
        text = text.replace(both, "");
    }
    // `支出2.05万元,年初预算为2.95万元`: a text that sets figures against their 年初预算 reports what was
    // spent (a final account), even where its heading says neither word.
    let against_budget = text.contains("年初预算为") || text.contains("年初预算数为");
    match (text.find("决算"), text.find("预算")) {
        (Some(_), _) => Some(Phase::Final),
        (None, Some(_)) if against_budget => Some(Phase::Final),
        (None, Some(_)) => Some(Phase::Budget),
        (None, None) => None,
    }
}

/// The byte offset of the first `dddd年` in a title.
fn find_year(title: &str) -> Option<usize> {
    let bytes = title.as_bytes();
    (0..bytes.len().saturating_sub(4)).find(|&i| {
        bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && title[i + 4..].starts_with('年')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_gives_title_entity_year_phase() {
        let h = Heading::read("\n 某某局2022年部门预算\n正文");
        assert_eq!(h.title, "某某局2022年部门预算");
        assert_eq!(h.entity, "某某局");
        assert_eq!(h.year, Some(2022));
        assert_eq!(h.phase, Some(Phase::Budget));
        // A site's section naming both phases decides nothing; the text's own words do.
        let h = Heading::read("首页>财政预决算>“三公”经费预决算\n2022年“三公”经费预算为12万元");
        assert_eq!(h.phase, Some(Phase::Budget));
        // Figures set against their 年初预算 are a final account's.
        let h = Heading::read("一、“三公”经费支出情况\n支出8.4万元,年初预算为10万元");
        assert_eq!(h.phase, Some(Phase::Final));
    }

    #[test]
    fn the_title_is_found_past_the_pages_furniture() {
        // Invented, in the shapes of pages copied whole: breadcrumb, address, site tools, metadata.
        let text = "首页 > 政务公开 > 财政预决算\nhttps://www.example.gov.cn/art/1.html\n今天是 智能问答 无障碍浏览 长者模式\nsource: https://example.org/a\n某某县农业局2023年度部门决算情况说明\n一、收入支出决算总体情况\n收入总计100.00万元。";
        let h = Heading::read(text);
        assert_eq!(h.title, "某某县农业局2023年度部门决算情况说明");
        assert_eq!(h.entity, "某某县农业局");
        assert_eq!(h.year, Some(2023));
        // A numbering line, then the title.
        let h = Heading::read("一、\n某某区2020年收支决算\n全区收入50亿元。");
        assert_eq!(h.year, Some(2020));
        assert_eq!(h.entity, "某某区");
        // A section's numbered heading is no title; without a year, the entity ends where the title
        // says what the document is.
        let section = Heading::read("一、某某县2020年全县收支决算");
        assert_eq!(
            (
                section.title.as_str(),
                section.entity.as_str(),
                section.year
            ),
            ("", "", Some(2020))
        );
        assert_eq!(
            Heading::read("某某区公路事务中心决算公开说明").entity,
            "某某区公路事务中心"
        );
        assert_eq!(Heading::read("某某局部门预算").entity, "某某局");
        // A cover: the name above a title that opens with the year; a part's heading is no title.
        let h = Heading::read(
            "某某区某某局\n2024年度部门决算\n第二部分某某区某某局2024年度部门决算表\n",
        );
        assert_eq!(
            (h.title.as_str(), h.entity.as_str()),
            ("某某区某某局2024年度部门决算", "某某区某某局")
        );
        assert!(is_numbered("第二部分某某局决算表") && !is_numbered("第一中学2024年预算"));
        // A cover's title broken over three lines.
        let h = Heading::read("中共某某区委\n某某工作部2024年度\n部门决算\n\n目录\n第一部分概况");
        assert_eq!(h.title, "中共某某区委某某工作部2024年度部门决算");
        assert_eq!(
            (h.entity.as_str(), h.year),
            ("中共某某区委某某工作部", Some(2024))
        );
        // A caption before the title: the title, with its year.
        let h = Heading::read("收支情况对比表\n某卫生院2023年度财务信息公示\n收入10万元。");
        assert_eq!(
            (h.title.as_str(), h.year),
            ("某卫生院2023年度财务信息公示", Some(2023))
        );
        assert_eq!(
            Heading::read("某某县委宣传部2021年部门决算").entity,
            "某某县委宣传部"
        );
    }

    #[test]
    fn an_excerpt_that_opens_with_a_sentence_gives_its_year_but_no_title() {
        // No title among the opening lines: the first line that is no furniture gives the year.
        let h = Heading::read("当前位置: 首页\n2022年“三公”经费预算为12万元，比上年减少1万元。\n其中公务接待费2万元。");
        assert_eq!(
            (h.title.as_str(), h.entity.as_str()),
            ("", ""),
            "a sentence is no title"
        );
        assert_eq!(h.year, Some(2022));
        // A long paragraph naming a budget is no title, whatever years it prints.
        let paragraph = format!(
            "根据《某某省财政厅关于2022年预算编制的通知》精神，{}。",
            "现将有关情况说明如下".repeat(5)
        );
        let h = Heading::read(&format!("{paragraph}\n某某市2025年部门预算\n收入10万元。"));
        assert_eq!(h.year, Some(2025));
    }
}
