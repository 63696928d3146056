//! A finding in one short line for the tooltip and the screen reader's announcement of a part: its severity,
//! which figures disagree and by how much (no sign: "differs by"), and where the whole text is. The full
//! message (`Finding::message`) stays in the findings panel.

use rust_decimal::Decimal;

use super::format;
use budget_lens_core::check::{Detail, Finding, Severity, TableDetail};
use budget_lens_core::exact::Text;
use budget_lens_core::Lang;

/// A finding's short line, with its severity for the colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TipFinding {
    pub severity: Severity,
    pub text: String,
}

/// `警告：与明细合计相差0.01万元（详见数据核对）` / `Warning: the amount and its items differ by CNY 100; see Checks`.
pub fn tip_finding(finding: &Finding, lang: Lang) -> TipFinding {
    let gap = finding.difference.abs();
    let severity = finding.severity;
    let word = severity.word(lang);
    let what = what_differs(&finding.detail, lang);
    let gap = gap_text(finding, gap, lang);
    let text = match (&finding.detail, lang) {
        (Detail::Negative { .. }, Lang::Zh) => format!("{word}：金额为负数（详见数据核对）"),
        (Detail::Negative { .. }, Lang::En) => {
            capitalised(&format!("{word}: a negative amount; see Checks"))
        }
        // Document findings sit on no chart item; said briefly should one ever reach a tooltip.
        (Detail::Document(_), Lang::Zh) => format!("{word}：文件前后不一致（详见数据核对）"),
        (Detail::Document(_), Lang::En) => capitalised(&format!(
            "{word}: the document contradicts itself; see Checks"
        )),
        (_, Lang::Zh) => format!("{word}：{what}相差{gap}（详见数据核对）"),
        (_, Lang::En) => capitalised(&format!("{word}: {what} differ by {gap}; see Checks")),
    };
    TipFinding { severity, text }
}

fn what_differs(detail: &Detail, lang: Lang) -> &'static str {
    match detail {
        Detail::Parts { .. } => lang.pick("与明细合计", "the amount and its items"),
        Detail::Share { .. } => lang.pick(
            "印出的占比与按金额计算的",
            "the printed and computed shares",
        ),
        Detail::Shares { .. } => lang.pick("明细占比合计与100%", "the items' shares and 100%"),
        Detail::Change {
            against_budget: true,
            ..
        } => lang.pick(
            "印出的增减额与决算数、预算数之差",
            "the printed and computed changes against the budget",
        ),
        Detail::Change { .. } => lang.pick(
            "印出的增减额与两年金额之差",
            "the printed and computed changes",
        ),
        Detail::ChangeRate { .. } => lang.pick(
            "印出的增减率与计算值",
            "the printed and computed change rates",
        ),
        Detail::Completion { .. } => lang.pick(
            "印出的完成率与计算值",
            "the printed and computed completion rates",
        ),
        Detail::Restated { .. } => {
            lang.pick("与别处印出的同一数字", "the two printings of this figure")
        }
        Detail::Comparison { .. } => lang.pick(
            "文中所说的决算数与预算数的大小与数字",
            "the words and the figures of the final and budget amounts",
        ),
        Detail::Relation { .. } => lang.pick("两边合计", "the two sides"),
        Detail::ItemsOf {
            budget: false,
            prior: true,
            ..
        } => lang.pick(
            "印出的上年数与明细上年数合计",
            "the printed prior-year amount and its items'",
        ),
        Detail::ItemsOf {
            budget: false,
            against_budget: true,
            ..
        } => lang.pick(
            "印出的与预算相比增减额与明细合计",
            "the printed change against the budget and its items'",
        ),
        Detail::ItemsOf { budget: false, .. } => lang.pick(
            "印出的增减额与明细增减额合计",
            "the printed change and its items' changes",
        ),
        Detail::ItemsOf { budget: true, .. } => lang.pick(
            "印出的预算数与明细预算数合计",
            "the printed budget and its items' budgets",
        ),
        Detail::Table {
            detail: TableDetail::CrossTable { .. },
            ..
        } => lang.pick("两张表印出的同一数字", "the two tables' printings"),
        Detail::Table {
            detail: TableDetail::Code { .. },
            ..
        } => lang.pick("科目编码与上级科目", "the code and its parent's"),
        Detail::Table { .. } => lang.pick(
            "表中合计与各栏或下级科目",
            "the table's total and its parts",
        ),
        Detail::Negative { .. } | Detail::Document(_) => "",
    }
}

/// The gap as money (`0.01万元`, `CNY 100`: as the table printed the figures) or in percentage points.
fn gap_text(finding: &Finding, gap: Decimal, lang: Lang) -> String {
    if finding.detail.in_percentage_points() {
        return match lang {
            Lang::Zh => format!("{}个百分点", Text(gap)),
            Lang::En => format!("{} percentage points", Text(gap)),
        };
    }
    match &finding.detail {
        Detail::Parts { unit, .. }
        | Detail::Change { unit, .. }
        | Detail::Restated { unit, .. }
        | Detail::Comparison { unit, .. }
        | Detail::Relation { unit, .. }
        | Detail::ItemsOf { unit, .. }
        | Detail::Table { unit, .. }
        | Detail::Negative { unit } => {
            let (gap, unit) = finding.money_as_printed(gap).unwrap_or((gap, *unit));
            format::amount(gap, unit, lang)
        }
        Detail::Document(_)
        | Detail::Share { .. }
        | Detail::Shares { .. }
        | Detail::ChangeRate { .. }
        | Detail::Completion { .. } => String::new(),
    }
}

/// The first letter in capitals (ASCII only: the severity words are English; no Unicode case tables in
/// the wasm).
fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The gravest of the item's own findings first.
pub fn tip_findings<'a>(
    findings: impl Iterator<Item = &'a Finding>,
    lang: Lang,
) -> Vec<TipFinding> {
    let findings: Vec<&Finding> = findings.collect();
    let mut tips: Vec<TipFinding> = Vec::new();
    for severity in [Severity::Error, Severity::Warning] {
        for finding in findings.iter().filter(|f| f.severity == severity) {
            let tip = tip_finding(finding, lang);
            if !tips.contains(&tip) {
                tips.push(tip);
            }
        }
    }
    tips
}

#[cfg(test)]
mod tests {
    use super::*;
    use budget_lens_core::check::Rule;
    use budget_lens_core::report::{RestatedFigure, Unit};

    fn finding(detail: Detail, difference: &str) -> Finding {
        Finding {
            rule: Rule::Sum,
            severity: Severity::Warning,
            path: "a/b".into(),
            label: "住房保障支出".into(),
            stated: Decimal::ZERO,
            expected: Decimal::ZERO,
            difference: difference.parse().unwrap(),
            tolerance: Decimal::ZERO,
            at: None,
            detail,
            doubt: None,
            places: Default::default(),
            printing: None,
        }
    }

    #[test]
    fn one_short_line_without_a_minus_sign() {
        let parts = Detail::Parts {
            count: 1,
            partial: false,
            unit: Unit::WanYuan,
        };
        let f = finding(parts, "-0.01");
        assert_eq!(
            tip_finding(&f, Lang::Zh).text,
            "警告：与明细合计相差0.01万元（详见数据核对）"
        );
        assert_eq!(
            tip_finding(&f, Lang::En).text,
            "Warning: the amount and its items differ by CNY 100; see Checks"
        );
        let share = Detail::Shares { count: 4 };
        assert!(tip_finding(&finding(share, "-0.01"), Lang::Zh)
            .text
            .contains("相差0.01个百分点"));
    }

    #[test]
    fn a_rate_printed_twice_differs_in_percentage_points_a_change_in_money() {
        let restated = |figure| Detail::Restated {
            unit: Unit::WanYuan,
            figure,
        };
        let rate = finding(restated(RestatedFigure::ChangePct), "0.3");
        assert!(tip_finding(&rate, Lang::Zh)
            .text
            .contains("相差0.3个百分点"));
        assert!(tip_finding(&rate, Lang::En)
            .text
            .contains("differ by 0.3 percentage points"));
        let change = finding(restated(RestatedFigure::Change), "0.30");
        assert!(tip_finding(&change, Lang::Zh).text.contains("相差0.30万元"));
    }
}
