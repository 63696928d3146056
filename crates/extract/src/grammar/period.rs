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

#[cfg(test)]
mod tests {
    use super::without_period;

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
}
