//! Why a report was rejected, where (JSON path, line and column), in Chinese and English.

use std::fmt;

use super::amount::AmountProblem;
use crate::i18n::Lang;
use crate::word::{join, split_once};

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
    UnknownVariant {
        found: String,
        expected: String,
    },
    /// A value of the wrong JSON type; `detail` is serde's English description.
    WrongType {
        detail: String,
    },
    BadAmount {
        text: String,
        problem: AmountProblem,
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
            (UnknownVariant { found, expected }, Lang::Zh) => {
                format!("值 \"{found}\" 不在允许的取值之中（{expected}）")
            }
            (UnknownVariant { found, expected }, Lang::En) => {
                format!("\"{found}\" is not one of the allowed values ({expected})")
            }
            (WrongType { detail }, Lang::Zh) => format!("值的类型不对：{}", zh_type(detail)),
            (WrongType { detail }, Lang::En) => format!("wrong type of value: {detail}"),
            (BadAmount { text, problem }, lang) => amount_message(text, *problem, lang),
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
            WrongType { detail } => WrongType {
                detail: clip(detail),
            },
            BadAmount { text, problem } => BadAmount {
                text: clip(text),
                problem: *problem,
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

fn amount_message(text: &str, problem: AmountProblem, lang: Lang) -> String {
    match (problem, lang) {
        (AmountProblem::Empty, Lang::Zh) => "金额为空字符串".into(),
        (AmountProblem::Empty, Lang::En) => "the amount is an empty string".into(),
        (AmountProblem::Exponent, Lang::Zh) => {
            format!("金额 {text} 用了科学计数法；请照印出的样子写十进制数，如 \"1550.17\"")
        }
        (AmountProblem::Exponent, Lang::En) => {
            format!("the amount {text} uses an exponent; write the decimal as printed, e.g. \"1550.17\"")
        }
        (AmountProblem::NotANumber, Lang::Zh) => format!("金额 {text} 不是数"),
        (AmountProblem::NotANumber, Lang::En) => format!("the amount {text} is not a number"),
        (AmountProblem::TooManyDigits, Lang::Zh) => {
            format!("金额 {text} 的有效数字超过 28 位，无法精确表示")
        }
        (AmountProblem::TooManyDigits, Lang::En) => {
            format!(
                "the amount {text} has more than 28 significant digits and cannot be held exactly"
            )
        }
        (AmountProblem::Malformed, Lang::Zh) => {
            format!("金额 \"{text}\" 不是十进制数（应形如 \"1550.17\" 或 \"-503.37\"）")
        }
        (AmountProblem::Malformed, Lang::En) => {
            format!(
                "the amount \"{text}\" is not a decimal (expected e.g. \"1550.17\" or \"-503.37\")"
            )
        }
        (AmountProblem::WrongType, Lang::Zh) => format!("金额应是字符串或数字，这里却是 {text}"),
        (AmountProblem::WrongType, Lang::En) => {
            format!("an amount must be a string or a number, found {text}")
        }
    }
}

fn zh_kind(found: &str) -> &'static str {
    match found {
        "an array" => "数组 […]",
        "a string" => "字符串",
        "a number" => "数字",
        "true or false" => "布尔值",
        "null" => "null",
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

fn zh_type(detail: &str) -> String {
    // serde: "invalid type: integer `5`, expected a string"
    let detail = detail.strip_prefix("invalid type: ").unwrap_or(detail);
    let (found, expected) = split_once(detail, ", expected ").unwrap_or((detail, ""));
    let words = |s: &str| -> String {
        let words: Vec<&str> = s
            .split(' ')
            .filter(|w| *w != "a" && *w != "an")
            .map(|w| match w {
                "string" => "字符串",
                "sequence" => "数组",
                "map" => "对象",
                "boolean" => "布尔值",
                "integer" | "i32" => "整数",
                "usize" => "非负整数",
                "struct" => "对象",
                other => other,
            })
            .collect();
        join(&words, " ")
    };
    if expected.is_empty() {
        words(found)
    } else {
        format!("{}，应为{}", words(found), words(expected))
    }
}
