//! Why an input could not be read, in plain words, naming the file and the place.

use budget_lens_core::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// More than [`super::MAX_INPUT_BYTES`].
    TooLarge { name: String, bytes: usize },
    /// Neither a workbook, CSV nor HTML by its bytes or name.
    UnknownFormat { name: String },
    /// Not UTF-8 and not GB18030 either.
    UnknownEncoding { name: String, line: usize },
    /// The workbook could not be opened or a sheet read (damaged, encrypted, not a workbook).
    Workbook {
        name: String,
        sheet: Option<String>,
        reason: String,
    },
    /// The CSV breaks its own quoting rules.
    Csv {
        name: String,
        line: u64,
        reason: String,
    },
    /// More cells than [`super::MAX_CELLS`] (a zip bomb unpacks into millions of cells).
    TooManyCells { name: String, sheet: String },
    /// No `<table>` in an HTML input.
    NoHtmlTable { name: String },
}

impl ReadError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReadError::TooLarge { name, bytes } => lang_pick(
                lang,
                format!("{name}：文件过大（{bytes} 字节，上限 {} 字节）", super::MAX_INPUT_BYTES),
                format!("{name}: the file is too large ({bytes} bytes, the limit is {})", super::MAX_INPUT_BYTES),
            ),
            ReadError::UnknownFormat { name } => lang_pick(
                lang,
                format!("{name}：无法识别的文件类型（可读取 .pdf .xlsx .xls .csv .html）"),
                format!("{name}: unknown file type (readable: .pdf .xlsx .xls .csv .html)"),
            ),
            ReadError::UnknownEncoding { name, line } => lang_pick(
                lang,
                format!("{name}：第{line}行起既不是 UTF-8 也不是 GBK/GB18030 编码的文字，请另存为 UTF-8 的 CSV"),
                format!("{name}: line {line} on is neither UTF-8 nor GBK/GB18030 text; save the file as UTF-8 CSV"),
            ),
            ReadError::Workbook { name, sheet, reason } => {
                let (zh_at, en_at) = match sheet {
                    Some(s) => (format!("工作表“{s}”"), format!(", sheet “{s}”")),
                    None => (String::new(), String::new()),
                };
                lang_pick(
                    lang,
                    format!("{name}{zh_at}：无法读取工作簿（文件损坏、加密或不是工作簿）：{reason}"),
                    format!("{name}{en_at}: the workbook cannot be read (damaged, encrypted or not a workbook): {reason}"),
                )
            }
            ReadError::Csv { name, line, reason } => lang_pick(
                lang,
                format!("{name}：第{line}行不是有效的 CSV：{reason}"),
                format!("{name}: line {line} is not valid CSV: {reason}"),
            ),
            ReadError::TooManyCells { name, sheet } => lang_pick(
                lang,
                format!("{name}：工作表“{sheet}”的单元格超过 {} 个，不像一份部门预算/决算，未读取", super::MAX_CELLS),
                format!("{name}: sheet “{sheet}” has more than {} cells, which is not a budget report; not read", super::MAX_CELLS),
            ),
            ReadError::NoHtmlTable { name } => lang_pick(
                lang,
                format!("{name}：HTML 中没有表格（<table>）"),
                format!("{name}: the HTML holds no table (<table>)"),
            ),
        }
    }
}

fn lang_pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
