//! Why a report was rejected, where (JSON path, line and column), in Chinese and English.

use std::fmt;

use super::amount::AmountProblem;
use crate::i18n::Lang;
use crate::word::join;

/// What is wrong with a report text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotUtf8,
    NotAnObject {
        found: &'static str,
    },
    /// JSON syntax; `detail` is serde_json's English description.
    Syntax {
        detail: String,
    },
    /// JSON nested deeper than the parser's recursion limit.
    JsonTooDeep,
    MissingFormat,
    UnknownFormat {
        found: String,
    },
    MissingField {
        field: String,
    },
    DuplicateField {
        field: String,
    },
    /// A name that is not one of `expected` (e.g. a `phase` or `unit`).
    UnknownVariant {
        found: String,
        expected: Vec<String>,
    },
    /// A value of the wrong JSON type.
    WrongType {
        found: Found,
        expected: Expected,
    },
    /// An integer beyond the range of what it stands for.
    OutOfRange {
        value: String,
        expected: Expected,
    },
    /// A `box` that is not four numbers.
    WrongLength {
        length: usize,
    },
    /// A figure that is not a decimal; `field` is its JSON member (`amount`, `share`, `prior`, …).
    BadAmount {
        text: String,
        problem: AmountProblem,
        field: String,
    },
    DuplicateId {
        id: String,
    },
    BadId {
        id: String,
    },
    DanglingPath {
        target: String,
    },
    TooDeep {
        limit: usize,
    },
    TooManyNodes {
        count: usize,
        limit: usize,
    },
    SpanOutsideText {
        start: usize,
        end: usize,
        text_chars: usize,
    },
}

/// What a value of the wrong type was, for a message (quoted text as found).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool(bool),
    Integer(String),
    /// A number with a fraction or an exponent, as written.
    Fraction(String),
    /// An integer too long for any integer type, as written.
    Number(String),
    /// A string, quoted with its escapes.
    Text(String),
    Array,
    Object,
}

/// What a value should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text,
    Boolean,
    /// A year (an i32).
    Year,
    /// A character offset into `source.text` (an unsigned integer).
    Offset,
    /// A page number (an unsigned 32-bit integer).
    Page,
    /// A count of decimals (`printed.decimals`: 0 to 28).
    Decimals,
    Number,
    Array,
    Object,
}

/// A rejected report: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportError {
    pub problem: Problem,
    /// JSON path of the offending value, e.g. `$.breakdowns[0].items[2].amount` (`$` for the whole text).
    pub path: String,
    /// 1-based line of the offending value.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

impl ReportError {
    /// The whole message: place, then problem.
    pub fn message(&self, lang: Lang) -> String {
        let place = match lang {
            Lang::Zh => format!("第{}行第{}列（{}）", self.line, self.column, self.path),
            Lang::En => format!("line {}, column {} ({})", self.line, self.column, self.path),
        };
        let sep = lang.pick("：", ": ");
        format!("{place}{sep}{}", self.problem.describe(lang))
    }
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ReportError {}

impl Problem {
    /// The problem in plain words, without its place. Quoted report text is cut to 60 characters, so
    /// that a megabyte id makes a one-line message.
    pub fn describe(&self, lang: Lang) -> String {
        use Problem::*;
        match (&self.clipped(), lang) {
            (Empty, Lang::Zh) => "报告为空（没有任何 JSON 内容）".into(),
            (Empty, Lang::En) => "the report is empty (no JSON at all)".into(),
            (TooLarge { bytes, limit }, Lang::Zh) => {
                format!("报告超过 {limit} 字节的上限（已读到 {bytes} 字节）")
            }
            (TooLarge { bytes, limit }, Lang::En) => {
                format!("the report exceeds the limit of {limit} bytes ({bytes} bytes read)")
            }
            (NotUtf8, Lang::Zh) => {
                "这里的字节不是有效的 UTF-8 文本（报告须以 UTF-8 编码保存）".into()
            }
            (NotUtf8, Lang::En) => {
                "the bytes here are not valid UTF-8 (save the report as UTF-8)".into()
            }
            (NotAnObject { found }, Lang::Zh) => {
                format!("报告须是一个 JSON 对象 {{…}}，这里却是{}", zh_kind(found))
            }
            (NotAnObject { found }, Lang::En) => {
                format!("a report must be a JSON object {{…}}, found {found}")
            }
            (Syntax { detail }, Lang::Zh) => format!("JSON 语法错误：{}", zh_syntax(detail)),
            (Syntax { detail }, Lang::En) => format!("JSON syntax error: {detail}"),
            (JsonTooDeep, Lang::Zh) => "JSON 嵌套过深".into(),
            (JsonTooDeep, Lang::En) => "the JSON is nested too deeply".into(),
            (MissingFormat, Lang::Zh) => "缺少 \"format\" 字段（应为 \"budget-lens/1\"）".into(),
            (MissingFormat, Lang::En) => {
                "the \"format\" field is missing (it should be \"budget-lens/1\")".into()
            }
            (UnknownFormat { found }, Lang::Zh) => {
                format!("不认识的格式 {found}（本程序读取 \"budget-lens/1\"）")
            }
            (UnknownFormat { found }, Lang::En) => {
                format!("unknown format {found} (this program reads \"budget-lens/1\")")
            }
            (MissingField { field }, Lang::Zh) => format!("缺少必填字段 \"{field}\""),
            (MissingField { field }, Lang::En) => {
                format!("the required field \"{field}\" is missing")
            }
            (DuplicateField { field }, Lang::Zh) => format!("字段 \"{field}\" 出现了两次"),
            (DuplicateField { field }, Lang::En) => format!("the field \"{field}\" appears twice"),
            (UnknownVariant { found, expected }, lang) => variant_message(found, expected, lang),
            (WrongType { found, expected }, Lang::Zh) => {
                format!("值的类型不对：{}，应为{}", found.zh(), expected.zh())
            }
            (WrongType { found, expected }, Lang::En) => {
                format!(
                    "wrong type of value: {}, expected {}",
                    found.en(),
                    expected.en()
                )
            }
            (OutOfRange { value, expected }, Lang::Zh) => {
                format!("整数 {value} 超出了范围（应为{}）", expected.zh())
            }
            (OutOfRange { value, expected }, Lang::En) => {
                format!(
                    "the integer {value} is out of range (expected {})",
                    expected.en()
                )
            }
            (WrongLength { length }, Lang::Zh) => {
                format!("box 应是 4 个数的数组，这里却有 {length} 个")
            }
            (WrongLength { length }, Lang::En) => {
                format!("a box is an array of 4 numbers, this one has {length}")
            }
            (
                BadAmount {
                    text,
                    problem,
                    field,
                },
                lang,
            ) => amount_message(text, *problem, field, lang),
            (DuplicateId { id }, Lang::Zh) => format!("同级节点中 id \"{id}\" 重复"),
            (DuplicateId { id }, Lang::En) => {
                format!("the id \"{id}\" is used twice among siblings")
            }
            (BadId { id }, Lang::Zh) => format!("id \"{id}\" 无效（id 不能为空，也不能含 \"/\"）"),
            (BadId { id }, Lang::En) => {
                format!("the id \"{id}\" is invalid (an id is not empty and has no \"/\")")
            }
            (DanglingPath { target }, Lang::Zh) => format!("路径 \"{target}\" 指向的节点不存在"),
            (DanglingPath { target }, Lang::En) => {
                format!("the path \"{target}\" points to no node")
            }
            (TooDeep { limit }, Lang::Zh) => format!("节点嵌套超过 {limit} 层"),
            (TooDeep { limit }, Lang::En) => {
                format!("nodes are nested more than {limit} levels deep")
            }
            (TooManyNodes { count, limit }, Lang::Zh) => {
                format!("报告有 {count} 个节点，超过上限 {limit}")
            }
            (TooManyNodes { count, limit }, Lang::En) => {
                format!("the report has {count} nodes, more than the limit of {limit}")
            }
            (SpanOutsideText { start, end, .. }, lang) if start > end => match lang {
                Lang::Zh => format!("位置 {start}–{end} 前后颠倒了：起点 start 应不大于终点 end"),
                Lang::En => {
                    format!("the span {start}–{end} is reversed: start must not exceed end")
                }
            },
            (
                SpanOutsideText {
                    start,
                    end,
                    text_chars,
                },
                Lang::Zh,
            ) => format!("位置 {start}–{end} 超出了 source.text 的范围（共 {text_chars} 个字符）"),
            (
                SpanOutsideText {
                    start,
                    end,
                    text_chars,
                },
                Lang::En,
            ) => {
                format!("the span {start}–{end} lies outside source.text ({text_chars} characters)")
            }
        }
    }
}

/// The longest quote of report text in a message, in characters.
const QUOTE_CHARS: usize = 60;

fn clip(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(QUOTE_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

impl Problem {
    /// The same problem with every quoted text clipped.
    fn clipped(&self) -> Problem {
        use Problem::*;
        match self {
            Syntax { detail } => Syntax {
                detail: clip(detail),
            },
            UnknownFormat { found } => UnknownFormat { found: clip(found) },
            MissingField { field } => MissingField { field: clip(field) },
            DuplicateField { field } => DuplicateField { field: clip(field) },
            UnknownVariant { found, expected } => UnknownVariant {
                found: clip(found),
                expected: expected.clone(),
            },
            WrongType { found, expected } => WrongType {
                found: found.clipped(),
                expected: *expected,
            },
            OutOfRange { value, expected } => OutOfRange {
                value: clip(value),
                expected: *expected,
            },
            BadAmount {
                text,
                problem,
                field,
            } => BadAmount {
                text: clip(text),
                problem: *problem,
                field: field.clone(),
            },
            DuplicateId { id } => DuplicateId { id: clip(id) },
            BadId { id } => BadId { id: clip(id) },
            DanglingPath { target } => DanglingPath {
                target: clip(target),
            },
            other => other.clone(),
        }
    }
}

fn variant_message(found: &str, expected: &[String], lang: Lang) -> String {
    let quoted: Vec<String> = expected.iter().map(|n| format!("\"{n}\"")).collect();
    match (quoted.as_slice(), lang) {
        ([a, b], Lang::Zh) => format!("值 \"{found}\" 不在允许的取值之中（应为 {a} 或 {b}）"),
        (many, Lang::Zh) => format!(
            "值 \"{found}\" 不在允许的取值之中（应为 {} 之一）",
            join(many, "、")
        ),
        ([a, b], Lang::En) => format!("\"{found}\" is not an allowed value (expected {a} or {b})"),
        (many, Lang::En) => format!(
            "\"{found}\" is not an allowed value (expected one of {})",
            join(many, ", ")
        ),
    }
}

impl Found {
    fn zh(&self) -> String {
        match self {
            Found::Null => "null".into(),
            Found::Bool(b) => format!("布尔值 `{b}`"),
            Found::Integer(text) => format!("整数 `{text}`"),
            Found::Fraction(text) => format!("小数 `{text}`"),
            Found::Number(text) => format!("数字 `{text}`"),
            Found::Text(quoted) => format!("字符串 {quoted}"),
            Found::Array => "数组".into(),
            Found::Object => "对象".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            Found::Null => "null".into(),
            Found::Bool(b) => format!("boolean `{b}`"),
            Found::Integer(text) => format!("integer `{text}`"),
            Found::Fraction(text) => format!("number with a fraction `{text}`"),
            Found::Number(text) => format!("number `{text}`"),
            Found::Text(quoted) => format!("string {quoted}"),
            Found::Array => "an array".into(),
            Found::Object => "an object".into(),
        }
    }

    fn clipped(&self) -> Found {
        match self {
            Found::Integer(text) => Found::Integer(clip(text)),
            Found::Fraction(text) => Found::Fraction(clip(text)),
            Found::Number(text) => Found::Number(clip(text)),
            Found::Text(text) => Found::Text(clip(text)),
            other => other.clone(),
        }
    }
}

impl Expected {
    fn zh(self) -> &'static str {
        match self {
            Expected::Text => "字符串",
            Expected::Boolean => "布尔值 true 或 false",
            Expected::Year => "整数年份，如 2021",
            Expected::Offset => "表示字符位置的非负整数",
            Expected::Page => "非负整数页码",
            Expected::Decimals => "0到28之间的整数（小数位数）",
            Expected::Number => "数字",
            Expected::Array => "数组",
            Expected::Object => "对象",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Expected::Text => "a string",
            Expected::Boolean => "true or false",
            Expected::Year => "a whole year, e.g. 2021",
            Expected::Offset => "a non-negative character offset",
            Expected::Page => "a non-negative page number",
            Expected::Decimals => "a whole number of decimals from 0 to 28",
            Expected::Number => "a number",
            Expected::Array => "an array",
            Expected::Object => "an object",
        }
    }
}

/// A figure's name by its JSON member, for a message.
fn field_words(field: &str) -> (&'static str, &'static str) {
    match field {
        "share" => ("占比", "share"),
        "prior" => ("上年数", "prior-year amount"),
        "change" => ("增减额", "change"),
        "change_pct" => ("增减百分比", "change in percent"),
        "budget" => ("年初预算数", "budget"),
        "completion_pct" => ("完成预算百分比", "completion percentage"),
        "change_vs_budget" => ("与预算相比的增减额", "change against the budget"),
        "change_vs_budget_pct" => (
            "与预算相比的增减百分比",
            "change against the budget in percent",
        ),
        _ => ("金额", "amount"),
    }
}

/// A percentage figure (written like `57.87`, without `%`).
fn is_percent(field: &str) -> bool {
    matches!(
        field,
        "share" | "change_pct" | "completion_pct" | "change_vs_budget_pct"
    )
}

fn amount_message(text: &str, problem: AmountProblem, field: &str, lang: Lang) -> String {
    let (zh, en) = field_words(field);
    let (example_zh, example_en) = if is_percent(field) {
        ("\"57.87\"，不带 %", "\"57.87\", without %")
    } else {
        ("\"1550.17\" 或 \"-503.37\"", "\"1550.17\" or \"-503.37\"")
    };
    match (problem, lang) {
        (AmountProblem::Empty, Lang::Zh) => format!("{zh}为空字符串"),
        (AmountProblem::Empty, Lang::En) => format!("the {en} is an empty string"),
        (AmountProblem::Exponent, Lang::Zh) => {
            format!("{zh} {text} 用了科学计数法；请照印出的样子写十进制数，如 {example_zh}")
        }
        (AmountProblem::Exponent, Lang::En) => {
            format!(
                "the {en} {text} uses an exponent; write the decimal as printed, e.g. {example_en}"
            )
        }
        (AmountProblem::NotANumber, Lang::Zh) => format!("{zh} {text} 不是数"),
        (AmountProblem::NotANumber, Lang::En) => format!("the {en} {text} is not a number"),
        (AmountProblem::TooManyDigits, Lang::Zh) => {
            format!("{zh} {text} 的有效数字超过 28 位，无法精确表示")
        }
        (AmountProblem::TooManyDigits, Lang::En) => {
            format!(
                "the {en} {text} has more than 28 significant digits and cannot be held exactly"
            )
        }
        (AmountProblem::Malformed, Lang::Zh) => {
            format!("{zh} \"{text}\" 不是十进制数（应形如 {example_zh}）")
        }
        (AmountProblem::Malformed, Lang::En) => {
            format!("the {en} \"{text}\" is not a decimal (expected e.g. {example_en})")
        }
        (AmountProblem::WrongType, Lang::Zh) => format!("{zh}应是字符串或数字，这里却是 {text}"),
        (AmountProblem::WrongType, Lang::En) => {
            format!("the {en} must be a string or a number, found {text}")
        }
    }
}

fn zh_kind(found: &str) -> &'static str {
    match found {
        "an array" => "数组 […]",
        "a string" => "字符串",
        "a number" => "数字",
        "true or false" => "布尔值",
        "null" => "空值 null",
        _ => "别的内容",
    }
}

/// serde_json's syntax messages (its `ErrorCode` texts, which it does not expose as codes), in Chinese.
/// Anything unknown still gets a Chinese sentence, with serde_json's words kept in brackets.
fn zh_syntax(detail: &str) -> String {
    const KNOWN: [(&str, &str); 17] = [
        ("EOF while parsing", "文本在 JSON 结束前就中断了"),
        ("expected value", "这里应是一个值"),
        ("expected ident", "这里应是 true、false 或 null"),
        ("expected `,` or `}`", "这里应是逗号 , 或右花括号 }"),
        ("expected `,` or `]`", "这里应是逗号 , 或右方括号 ]"),
        ("expected `:`", "这里应是冒号 :"),
        ("expected `\"`", "这里应是双引号 \""),
        ("key must be a string", "对象的键必须是字符串"),
        ("trailing comma", "多余的逗号"),
        ("trailing characters", "JSON 结束后还有多余的字符"),
        ("control character", "字符串中有未转义的控制字符"),
        ("invalid escape", "无效的转义序列"),
        ("invalid number", "无效的数字"),
        ("number out of range", "数字超出范围"),
        ("invalid unicode code point", "无效的 Unicode 码位"),
        ("lone leading surrogate", "\\u 转义中的代理项不成对"),
        ("unexpected end of hex escape", "\\u 转义的十六进制位数不足"),
    ];
    KNOWN
        .iter()
        .find(|(en, _)| detail.starts_with(en))
        .map(|(_, zh)| zh.to_string())
        .unwrap_or_else(|| format!("无法读取（{detail}）"))
}

#[cfg(test)]
mod tests {
    use crate::report::parse_report;
    use crate::Lang;

    /// Both messages of the report with `member` (a top-level member, or a node's when it starts with `{`).
    fn messages(member: &str) -> (String, String) {
        let text = if member.starts_with('{') {
            format!(
                "{{\"format\":\"budget-lens/1\",\"source\":{{\"text\":\"收入总计1550.17万元\"}},\n\"breakdowns\":[{member}]}}"
            )
        } else {
            format!("{{\"format\":\"budget-lens/1\",\n{member},\"breakdowns\":[]}}")
        };
        match parse_report(&text) {
            Ok(_) => panic!("accepted {text}"),
            Err(e) => (e.message(Lang::Zh), e.message(Lang::En)),
        }
    }

    fn has_latin_word(text: &str) -> bool {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() > 2 && !["null", "true", "false", "start", "end", "box"].contains(&w))
    }

    /// Chinese words only (no English word but JSON's own), nothing cut off, the place kept.
    fn assert_whole_zh(zh: &str, place: &str) {
        assert!(zh.starts_with(place), "{zh}");
        let problem = zh.split_once("）：").map_or(zh, |(_, problem)| problem);
        let unquoted: String = problem.split('"').step_by(2).collect();
        assert!(!has_latin_word(&unquoted), "English in {zh}");
        assert!(!zh.contains('…'), "cut off: {zh}");
    }

    #[test]
    fn a_year_that_is_not_an_integer_is_named_whole_in_each_language() {
        let (zh, en) = messages("\"year\": 99999999999999999999.0");
        assert_whole_zh(&zh, "第2行第9列（$.year）：");
        assert!(zh.contains("99999999999999999999.0"), "{zh}");
        assert!(
            en.contains("99999999999999999999.0") && !en.contains('…'),
            "{en}"
        );
        let (zh, en) = messages("\"year\": 2021.0");
        assert_whole_zh(&zh, "第2行第9列（$.year）：");
        assert!(
            zh.ends_with("值的类型不对：小数 `2021.0`，应为整数年份，如 2021"),
            "{zh}"
        );
        assert!(
            en.ends_with("number with a fraction `2021.0`, expected a whole year, e.g. 2021"),
            "{en}"
        );
        let (zh, en) = messages("\"year\": 99999999999999999999");
        assert!(
            zh.ends_with("整数 99999999999999999999 超出了范围（应为整数年份，如 2021）"),
            "{zh}"
        );
        assert!(en.contains("out of range"), "{en}");
    }

    #[test]
    fn allowed_values_are_listed_in_the_messages_language() {
        let (zh, en) = messages("\"phase\": \"draft\"");
        assert_whole_zh(&zh, "第2行第10列（$.phase）：");
        assert!(zh.ends_with("（应为 \"budget\" 或 \"final\"）"), "{zh}");
        assert!(en.ends_with("(expected \"budget\" or \"final\")"), "{en}");
        let (zh, en) = messages("\"phase\": 5");
        assert!(zh.ends_with("值的类型不对：整数 `5`，应为字符串"), "{zh}");
        assert!(!en.contains("syntax"), "{en}");
        let (zh, en) = messages("\"unit\": \"千元\"");
        assert!(
            zh.ends_with("（应为 \"元\"、\"万元\"、\"亿元\" 之一）"),
            "{zh}"
        );
        assert_eq!(en.matches("one of").count(), 1, "{en}");
    }

    #[test]
    fn wrong_types_are_said_in_chinese() {
        for member in [
            "\"title\": 5",
            "\"title\": [1]",
            "\"source\": \"x\"",
            "\"year\": true",
            "\"relations\": {}",
        ] {
            let (zh, en) = messages(member);
            assert_whole_zh(&zh, "第2行第");
            assert!(en.contains("expected"), "{en}");
        }
    }

    #[test]
    fn a_bad_figure_is_named_by_its_field() {
        let node =
            |figure: &str| format!("{{\"id\":\"a\",\"label\":\"x\",\"amount\":\"1\",{figure}}}");
        let (zh, en) = messages(&node("\"share\":\"50%\""));
        assert!(
            zh.ends_with("占比 \"50%\" 不是十进制数（应形如 \"57.87\"，不带 %）"),
            "{zh}"
        );
        assert!(en.contains("the share \"50%\" is not a decimal"), "{en}");
        let (zh, _) = messages(&node("\"prior\":\"x\""));
        assert!(zh.contains("上年数 \"x\""), "{zh}");
        let (zh, _) = messages(&node("\"change_pct\":true"));
        assert!(zh.contains("增减百分比应是字符串或数字"), "{zh}");
        let (zh, en) = messages("{\"id\":\"a\",\"label\":\"x\",\"amount\":\"1万\"}");
        assert!(zh.contains("金额 \"1万\""), "{zh}");
        assert!(en.contains("the amount \"1万\""), "{en}");
    }

    #[test]
    fn a_reversed_span_is_called_reversed() {
        let (zh, en) = messages(
            "{\"id\":\"a\",\"label\":\"x\",\"amount\":\"1\",\"at\":{\"start\":4,\"end\":2}}",
        );
        assert!(zh.contains("位置 4–2 前后颠倒了"), "{zh}");
        assert!(!zh.contains("超出"), "{zh}");
        assert!(en.contains("is reversed"), "{en}");
    }

    #[test]
    fn a_null_report_is_named_in_words() {
        let message = parse_report("null")
            .map(|_| ())
            .unwrap_err()
            .message(Lang::Zh);
        assert!(message.ends_with("这里却是空值 null"), "{message}");
    }

    #[test]
    fn a_long_quote_is_clipped_but_the_sentence_stays_whole() {
        let long = "9".repeat(100);
        let (zh, en) = messages(&format!("\"title\": {long}.5"));
        assert!(zh.ends_with("…`，应为字符串"), "{zh}");
        assert!(en.ends_with("…`, expected a string"), "{en}");
    }
}
