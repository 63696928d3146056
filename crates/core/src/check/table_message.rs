//! Findings on imported tables in plain words, naming the table and the row.

use rust_decimal::Decimal;

use super::finding::TableDetail;
use crate::exact::Text;
use crate::i18n::Lang;
use crate::report::money::money_en;
use crate::report::Unit;
use crate::word::join;

/// The figures of one finding, as its message needs them.
pub struct Figures<'a> {
    pub table: &'a str,
    pub label: &'a str,
    pub stated: Decimal,
    pub expected: Decimal,
    pub difference: Decimal,
    pub unit: Unit,
}

pub fn table_body(detail: &TableDetail, f: &Figures, lang: Lang) -> String {
    // The gap is said without a sign: the sentence already says which figure is which.
    let (table, label, stated, expected, diff) =
        (f.table, f.label, f.stated, f.expected, f.difference.abs());
    let row_zh = if table.is_empty() {
        format!("“{label}”")
    } else {
        format!("{table}‘{label}’")
    };
    let row_en = if table.is_empty() {
        format!("\"{label}\"")
    } else {
        format!("{table} row \"{label}\"")
    };
    match (detail, lang) {
        (TableDetail::ColumnSum { column, count }, Lang::Zh) => {
            let (u, [stated, expected, diff]) = (f.unit.zh(), [stated, expected, diff].map(Text));
            format!("{row_zh}的“{column}”印为{stated}{u}，而它的{count}个下级科目合计{expected}{u}，相差{diff}{u}。")
        }
        (TableDetail::ColumnSum { column, count }, Lang::En) => {
            let [stated, expected, diff] = [stated, expected, diff].map(|v| money_en(v, f.unit));
            format!("{row_en}: \"{column}\" is printed as {stated}, but its {count} sub-rows add up to {expected}, a difference of {diff}.")
        }
        (TableDetail::RowSum { columns }, Lang::Zh) => {
            let (u, [stated, expected, diff]) = (f.unit.zh(), [stated, expected, diff].map(Text));
            let parts: Vec<String> = columns.iter().map(|c| format!("“{c}”")).collect();
            format!("{row_zh}合计印为{stated}{u}，而同行{}合计{expected}{u}，相差{diff}{u}。", join(&parts, "、"))
        }
        (TableDetail::RowSum { columns }, Lang::En) => {
            let [stated, expected, diff] = [stated, expected, diff].map(|v| money_en(v, f.unit));
            let parts: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
            format!("{row_en}: the total is printed as {stated}, but {} on the same row add up to {expected}, a difference of {diff}.", join(&parts, ", "))
        }
        (TableDetail::CrossTable { left, right }, Lang::Zh) => {
            let (u, [stated, expected, diff]) = (f.unit.zh(), [stated, expected, diff].map(Text));
            format!("{right}为{expected}{u}，{left}印为{stated}{u}，相差{diff}{u}。")
        }
        (TableDetail::CrossTable { left, right }, Lang::En) => {
            let [stated, expected, diff] = [stated, expected, diff].map(|v| money_en(v, f.unit));
            format!("{right} is {expected}, but {left} is printed as {stated}, a difference of {diff}.")
        }
        (TableDetail::Code { code, parent }, Lang::Zh) if parent.is_empty() => {
            format!("{row_zh}的科目编码{code}不是类级编码（3位），而表中没有印出它的上级科目。")
        }
        (TableDetail::Code { code, parent }, Lang::En) if parent.is_empty() => {
            format!("{row_en}: code {code} is not a class code (3 digits), and its parent row is not printed.")
        }
        (TableDetail::Code { code, parent }, Lang::Zh) => format!(
            "{row_zh}的科目编码{code}与上级科目编码{parent}不相称（类3位、款5位、项7位，下级编码以上级编码开头）。"
        ),
        (TableDetail::Code { code, parent }, Lang::En) => format!(
            "{row_en}: code {code} does not fit under its parent's code {parent} (类 3 digits, 款 5, 项 7, each beginning with its parent's)."
        ),
    }
}
