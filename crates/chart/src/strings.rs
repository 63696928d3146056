//! The widget's own words in both languages. The checker's messages come from `check`.

use budget_lens_core::word::join;
use budget_lens_core::Lang;

/// Every UI string the widget shows, in one language; serialized for the JS wrapper.
#[derive(Debug, Clone)]
pub struct UiStrings {
    pub pie: &'static str,
    pub bar: &'static str,
    pub table: &'static str,
    pub chart: &'static str,
    pub total: &'static str,
    pub item: &'static str,
    pub amount: &'static str,
    pub share: &'static str,
    pub share_of_whole: &'static str,
    pub prior: &'static str,
    pub change: &'static str,
    pub change_pct: &'static str,
    pub budget: &'static str,
    pub completion: &'static str,
    pub findings: &'static str,
    pub no_findings: &'static str,
    pub close: &'static str,
    pub back: &'static str,
    pub drill_hint: &'static str,
    pub unit: &'static str,
    pub error: &'static str,
    pub this_year: &'static str,
    pub last_year: &'static str,
    pub hidden_hint: &'static str,
    pub load_failed: &'static str,
    pub shown_hint: &'static str,
    pub keys_hint: &'static str,
    pub export: &'static str,
    pub export_png: &'static str,
    pub export_svg: &'static str,
    pub export_csv: &'static str,
    /// The accessible name of the pie/bar switch.
    pub chart_type: &'static str,
    /// The accessible name of the findings panel's close button.
    pub close_findings: &'static str,
    /// What the chart is, for screen readers (`aria-roledescription`).
    pub chart_role: &'static str,
}

impl UiStrings {
    /// Every word by its name, as the element reads them (`uiStrings`).
    pub fn words(&self) -> [(&'static str, &'static str); 34] {
        [
            ("pie", self.pie),
            ("bar", self.bar),
            ("table", self.table),
            ("chart", self.chart),
            ("total", self.total),
            ("item", self.item),
            ("amount", self.amount),
            ("share", self.share),
            ("share_of_whole", self.share_of_whole),
            ("prior", self.prior),
            ("change", self.change),
            ("change_pct", self.change_pct),
            ("budget", self.budget),
            ("completion", self.completion),
            ("findings", self.findings),
            ("no_findings", self.no_findings),
            ("close", self.close),
            ("back", self.back),
            ("drill_hint", self.drill_hint),
            ("unit", self.unit),
            ("error", self.error),
            ("this_year", self.this_year),
            ("last_year", self.last_year),
            ("hidden_hint", self.hidden_hint),
            ("load_failed", self.load_failed),
            ("shown_hint", self.shown_hint),
            ("keys_hint", self.keys_hint),
            ("export", self.export),
            ("export_png", self.export_png),
            ("export_svg", self.export_svg),
            ("export_csv", self.export_csv),
            ("chart_type", self.chart_type),
            ("close_findings", self.close_findings),
            ("chart_role", self.chart_role),
        ]
    }
}

pub fn ui_strings(lang: Lang) -> UiStrings {
    let t = |zh, en| lang.pick(zh, en);
    UiStrings {
        pie: t("饼图", "Pie"),
        bar: t("条形图", "Bars"),
        table: t("表格", "Table"),
        chart: t("图表", "Chart"),
        total: t("合计", "Total"),
        item: t("项目", "Item"),
        amount: t("金额", "Amount"),
        share: t("占比", "Share"),
        share_of_whole: t("占总额", "Of the whole"),
        prior: t("上年", "Last year"),
        change: t("增减", "Change"),
        change_pct: t("增减率", "Change %"),
        budget: t("年初预算", "Budget"),
        completion: t("预算完成率", "Budget completion"),
        findings: t("数据核对", "Checks"),
        no_findings: t("未发现问题", "no problems found"),
        close: t("关闭", "Close"),
        back: t("返回上级", "Up one level"),
        drill_hint: t("点击或按回车查看明细", "Click or press Enter for the parts"),
        unit: t("单位", "Unit"),
        error: t("无法显示", "Cannot show"),
        this_year: t("本年", "This year"),
        last_year: t("上年", "Last year"),
        hidden_hint: t("已隐藏", "hidden"),
        load_failed: t("无法读取报告", "Cannot read the report"),
        shown_hint: t("已显示", "shown"),
        keys_hint: t(
            "方向键逐项查看，回车键查看明细，Esc 键返回上级，空格键隐藏或显示饼图中的一项。",
            "Arrow keys move between the parts, Enter opens a part, Escape goes up one level, \
             Space hides or shows a part of the pie.",
        ),
        export: t("导出", "Export"),
        export_png: t("图片（PNG）", "Image (PNG)"),
        export_svg: t("矢量图（SVG）", "Vector image (SVG)"),
        export_csv: t("表格数据（CSV）", "Table data (CSV)"),
        chart_type: t("图表类型", "Chart type"),
        close_findings: t("关闭数据核对", "Close the checks"),
        chart_role: t("交互式图表", "interactive chart"),
    }
}

/// The findings badge: `数据核对：1 处错误，1 处提示` / `Checks: 1 error, 1 note`.
pub fn findings_badge(errors: usize, warnings: usize, notes: usize, lang: Lang) -> String {
    let strings = ui_strings(lang);
    if errors + warnings + notes == 0 {
        return match lang {
            Lang::Zh => format!("{}：{}", strings.findings, strings.no_findings),
            Lang::En => format!("{}: {}", strings.findings, strings.no_findings),
        };
    }
    let counts = [
        (errors, "错误", "error"),
        (warnings, "警告", "warning"),
        (notes, "提示", "note"),
    ];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|&(n, zh, en)| match lang {
            Lang::Zh => format!("{n} 处{zh}"),
            Lang::En if n == 1 => format!("1 {en}"),
            Lang::En => format!("{n} {en}s"),
        })
        .collect();
    match lang {
        Lang::Zh => format!("{}：{}", strings.findings, join(&parts, "，")),
        Lang::En => format!("{}: {}", strings.findings, join(&parts, ", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badge_counts_in_both_languages() {
        assert_eq!(
            findings_badge(1, 0, 1, Lang::Zh),
            "数据核对：1 处错误，1 处提示"
        );
        assert_eq!(
            findings_badge(1, 2, 0, Lang::En),
            "Checks: 1 error, 2 warnings"
        );
        assert_eq!(findings_badge(0, 0, 0, Lang::Zh), "数据核对：未发现问题");
    }
}
