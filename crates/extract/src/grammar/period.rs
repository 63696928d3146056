//! The period a budget-execution report opens its sentence with (`1-5月,`, `1-11月份全区…`, `1至9月`,
//! `上半年`, `一季度`, `截至6月底`): when the figures were counted, not what they are. It goes before the
//! label is read, like a leading year.

/// Whole words that name a part of the year.
const PERIOD_WORDS: [&str; 12] = [
    "前三季度",
    "第一季度",
    "第二季度",
    "第三季度",
    "一季度",
    "二季度",
    "三季度",
    "上半年",
    "下半年",
    "前三个季度",
    "年初至今",
    "截至目前",
];

/// `1-11月份全区一般公共预算收入` → `全区一般公共预算收入`; the text unchanged when it opens with no period.
pub fn without_period(text: &str) -> &str {
    if let Some(rest) = PERIOD_WORDS.iter().find_map(|w| text.strip_prefix(w)) {
        return rest;
    }
    let rest = text
        .strip_prefix("截至")
        .or_else(|| text.strip_prefix("截止到"))
        .or_else(|| text.strip_prefix("截止"));
    if let Some(rest) = rest {
        // `截至6月底` / `截至6月末`: the end of a month.
        let month_end = month_number(rest)
            .and_then(|r| r.strip_prefix('月'))
            .and_then(|r| r.strip_prefix('底').or_else(|| r.strip_prefix('末')));
        return month_end.unwrap_or(text);
    }
    month_range(text).unwrap_or(text)
}

/// `1-5月` `1-11月份` `1至5月` `1月-5月` `1月至5月` `5月份` at the start → what follows. A lone month needs
/// `份` (`5月份`); a lone `5月` may open a date (`5月20日`) and is left alone.
fn month_range(text: &str) -> Option<&str> {
    let rest = month_number(text)?;
    let (rest, first_named) = match rest.strip_prefix('月') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let joined = ["-", "—", "–", "~", "至", "到"]
        .iter()
        .find_map(|j| rest.strip_prefix(j));
    let Some(after_join) = joined else {
        // A single month: `5月份`.
        return rest.strip_prefix('份').filter(|_| first_named);
    };
    let rest = month_number(after_join)?;
    let rest = rest.strip_prefix('月')?;
    Some(rest.strip_prefix('份').unwrap_or(rest))
}

/// One or two digits of a month (1–12) at the start: what follows them.
fn month_number(text: &str) -> Option<&str> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let month: u8 = text[..digits].parse().ok()?;
    (1..=12).contains(&month).then(|| &text[digits..])
}

/// The months a figure was counted over, as a release names them: one month (`7月份`, `7月`, `当月`), or a run
/// of months (`1-7月`, `1至7月累计`, `前7个月`, `上半年`, `一季度`, `截至6月底`); `累计` and `今年以来` alone say
/// "since January" without the last month. A monthly release gives one aggregate for both (`7月份,…支出A;1-7月
/// 累计,…支出B`): a figure of one period is never the other's printed again, nor its part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// From month `.0` to month `.1` (equal: one month).
    Months(u8, u8),
    /// One month, which is not named (`当月`, `本月`).
    Month,
    /// From January to a month not named (`累计`, `今年以来`).
    ToDate,
}

impl Period {
    /// Whether two printings can be of one period: the same months, or one of them not naming its months in
    /// a way that fits the other.
    pub fn same(self, other: Period) -> bool {
        use Period::*;
        match (self, other) {
            (Months(a, b), Months(c, d)) => (a, b) == (c, d),
            (Month, Months(a, b)) | (Months(a, b), Month) => a == b,
            (ToDate, Months(a, _)) | (Months(a, _), ToDate) => a == 1,
            (Month, Month) | (ToDate, ToDate) => true,
            (Month, ToDate) | (ToDate, Month) => false,
        }
    }
}

/// Run of months named by whole words.
const PERIOD_MONTHS: [(&str, u8, u8); 13] = [
    ("前三季度", 1, 9),
    ("前三个季度", 1, 9),
    ("第一季度", 1, 3),
    ("第二季度", 4, 6),
    ("第三季度", 7, 9),
    ("第四季度", 10, 12),
    ("一季度", 1, 3),
    ("二季度", 4, 6),
    ("三季度", 7, 9),
    ("四季度", 10, 12),
    ("上半年", 1, 6),
    ("下半年", 7, 12),
    ("前两个月", 1, 2),
];

/// The period a clause opens with (after a year: `2018年1-7月`), or that it names alone (`累计`, `当月`): the
/// months its figures were counted over. A clause naming none gives none.
pub fn period_opening(clause: &str) -> Option<Period> {
    let clause = clause.trim();
    let clause = after_year(clause);
    if let Some(&(_, from, to)) = PERIOD_MONTHS.iter().find(|(w, _, _)| clause.starts_with(w)) {
        return Some(Period::Months(from, to));
    }
    for (word, period) in [
        ("当月", Period::Month),
        ("本月", Period::Month),
        ("累计", Period::ToDate),
        ("今年以来", Period::ToDate),
        ("年初以来", Period::ToDate),
        ("年初至今", Period::ToDate),
    ] {
        if clause.starts_with(word) {
            return Some(period);
        }
    }
    // `前7月`, `前7个月`, `前11个月累计`.
    if let Some(rest) = clause.strip_prefix('前') {
        let to = month_value(rest)?;
        let rest = month_number(rest)?;
        return (rest.starts_with('月') || rest.starts_with("个月"))
            .then_some(Period::Months(1, to));
    }
    if let Some(rest) = clause
        .strip_prefix("截至")
        .or_else(|| clause.strip_prefix("截止到"))
        .or_else(|| clause.strip_prefix("截止"))
    {
        let to = month_value(rest)?;
        let end = month_number(rest)?.strip_prefix('月')?;
        return (end.starts_with('底') || end.starts_with('末')).then_some(Period::Months(1, to));
    }
    let from = month_value(clause)?;
    let rest = month_number(clause)?;
    let (rest, first_named) = rest.strip_prefix('月').map_or((rest, false), |r| (r, true));
    let joined = ["-", "—", "–", "~", "至", "到"]
        .iter()
        .find_map(|j| rest.strip_prefix(j));
    match joined {
        Some(after) => {
            let to = month_value(after)?;
            month_number(after)?.strip_prefix('月')?;
            (from <= to).then_some(Period::Months(from, to))
        }
        // `7月份`, `7月,`, `7月全国…`: one month (not a date, `7月20日`, nor a time in it, `6月底`).
        None => {
            let date =
                rest.starts_with(|c: char| c.is_ascii_digit() || "底末初中上下旬".contains(c));
            (first_named && !date).then_some(Period::Months(from, from))
        }
    }
}

/// `2018年1-7月` → `1-7月`; the text unchanged without a leading year.
fn after_year(text: &str) -> &str {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    match digits == 4 {
        true => text[4..]
            .strip_prefix("年度")
            .or_else(|| text[4..].strip_prefix('年'))
            .unwrap_or(text),
        false => text,
    }
}

/// The month (1–12) a text opens with.
fn month_value(text: &str) -> Option<u8> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let month: u8 = text.get(..digits)?.parse().ok()?;
    month_number(text).map(|_| month)
}

#[cfg(test)]
mod tests {
    use super::{period_opening, without_period, Period};

    #[test]
    fn periods_that_open_a_label() {
        assert_eq!(
            without_period("1-11月份全区一般公共预算收入"),
            "全区一般公共预算收入"
        );
        assert_eq!(without_period("1-5月"), "");
        assert_eq!(without_period("1至9月全市税收收入"), "全市税收收入");
        assert_eq!(without_period("1月-4月财政支出"), "财政支出");
        assert_eq!(without_period("3月份全县收入"), "全县收入");
        assert_eq!(without_period("上半年全省支出"), "全省支出");
        assert_eq!(without_period("截至6月底全区收入"), "全区收入");
    }

    #[test]
    fn no_period_no_change() {
        // A date, a count, a code and a plain name stay as printed.
        assert_eq!(without_period("5月20日收入"), "5月20日收入");
        assert_eq!(without_period("13-15月收入"), "13-15月收入");
        assert_eq!(without_period("2010350事业运行"), "2010350事业运行");
        assert_eq!(without_period("一般公共预算收入"), "一般公共预算收入");
    }

    #[test]
    fn the_months_a_clause_opens_with() {
        assert_eq!(period_opening("7月份"), Some(Period::Months(7, 7)));
        assert_eq!(period_opening("5月份当月"), Some(Period::Months(5, 5)));
        assert_eq!(period_opening("1-7月累计"), Some(Period::Months(1, 7)));
        assert_eq!(period_opening("1至11月累计"), Some(Period::Months(1, 11)));
        assert_eq!(period_opening("2019年1-10月"), Some(Period::Months(1, 10)));
        assert_eq!(period_opening("前11个月累计"), Some(Period::Months(1, 11)));
        assert_eq!(period_opening("上半年"), Some(Period::Months(1, 6)));
        assert_eq!(period_opening("累计"), Some(Period::ToDate));
        assert_eq!(period_opening("截至9月底"), Some(Period::Months(1, 9)));
        assert_eq!(period_opening("7月20日"), None);
        assert_eq!(period_opening("数据还显示"), None);
        assert!(Period::ToDate.same(Period::Months(1, 7)));
        assert!(!Period::Month.same(Period::Months(1, 7)));
        assert!(!Period::Months(7, 7).same(Period::Months(1, 7)));
    }
}
