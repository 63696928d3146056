//! Findings on what the document says of itself, in plain words. Where it is printed follows from the
//! finding's span (the quoted line), so the body names only what disagrees.

use super::finding::{DocumentDetail, Finding};
use super::message::nested_quotes;
use crate::exact::Text;
use crate::i18n::Lang;
use crate::report::money::money_en;
use crate::report::Unit;

impl Finding {
    /// An empty-note finding's total (in the report's `unit`) as its table printed it.
    fn total_as_printed(&self, unit: Unit) -> (rust_decimal::Decimal, Unit) {
        match self.printing.and_then(|p| p.shown(self.stated, unit)) {
            Some(shown) => (shown, self.printing.map_or(unit, |p| p.unit)),
            None => (self.stated, unit),
        }
    }

    pub(super) fn document_message(&self, detail: &DocumentDetail, lang: Lang) -> String {
        let (stated, expected) = (Text(self.stated), Text(self.expected));
        match (detail, lang) {
            (DocumentDetail::HeadingYear, Lang::Zh) => format!(
                "标题印的是{stated}年，而这份报告是{expected}年度的，同一份文件前后年份不一致。"
            ),
            (DocumentDetail::HeadingYear, Lang::En) => format!(
                "a heading gives the year {stated}, but this report is for {expected}: the document contradicts itself."
            ),
            (DocumentDetail::YearEnd, Lang::Zh) => format!(
                "日期写的是截至{stated}年末，而这是{expected}年度的决算，应截至{expected}年末；可能是沿用了上一年的日期。"
            ),
            (DocumentDetail::YearEnd, Lang::En) => format!(
                "a date gives the end of {stated}, but these are the final accounts of {expected}, which report as at the end of {expected}; the date may be left from an earlier year."
            ),
            (DocumentDetail::HeadingEntity { printed, entity }, Lang::Zh) => format!(
                "标题把单位印为“{printed}”，而这份报告是“{entity}”的，同一份文件前后单位名称不一致。"
            ),
            (DocumentDetail::HeadingEntity { printed, entity }, Lang::En) => format!(
                "a heading names the department \"{printed}\", but this report is that of \"{entity}\": the document contradicts itself."
            ),
            (DocumentDetail::MissingTable { title }, Lang::Zh) => format!(
                "目录列出了“{title}”，但正文中找不到这张表（没有印出，或只以图片印出），与它有关的核对无法进行。"
            ),
            (DocumentDetail::MissingTable { title }, Lang::En) => format!(
                "the contents list the table \"{title}\", but the document does not print it as text (left out, or printed only as a picture); the checks that need it cannot be made."
            ),
            (DocumentDetail::ComparedYear { budget, own_year }, Lang::Zh) => {
                let kind = if *budget { "预算" } else { "决算" };
                let own = own_year;
                format!(
                    "这里与{stated}年{kind}相比，而这份报告本身是{own}年度的，不能与自己或以后的年份相比；比较的应是上一年（{expected}年）。"
                )
            }
            (DocumentDetail::ComparedYear { budget, own_year }, Lang::En) => {
                let kind = if *budget { "budget" } else { "final accounts" };
                let own = own_year;
                format!(
                    "this compares with the {kind} of {stated}, but the report itself is for {own}: it cannot compare with itself or a later year; the comparison should be with the year before ({expected})."
                )
            }
            (DocumentDetail::EmptyNote { unit }, Lang::Zh) => {
                let (stated, unit) = self.total_as_printed(*unit);
                format!(
                    "注释说这张表为空、没有数据，但表中“{label}”印为{stated}{u}，两者矛盾。",
                    label = nested_quotes(&self.label),
                    stated = Text(stated),
                    u = unit.zh()
                )
            }
            (DocumentDetail::EmptyNote { unit }, Lang::En) => {
                let (stated, unit) = self.total_as_printed(*unit);
                format!(
                    "a note says the table is empty, but the table prints \"{label}\" as {money}: the two contradict each other.",
                    label = self.label,
                    money = money_en(stated, unit)
                )
            }
            (DocumentDetail::ClassName { code, table }, Lang::Zh) => format!(
                "文中把科目{code}称为“{label}”，而表中这一科目名为“{table}”；可能沿用了旧的科目名称。",
                label = self.label
            ),
            (DocumentDetail::ClassName { code, table }, Lang::En) => format!(
                "the text calls class {code} \"{label}\", but the tables name it \"{table}\"; the text may keep an old class name.",
                label = self.label
            ),
        }
    }
}
