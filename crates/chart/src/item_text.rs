//! An item in words: the lines of its tooltip and the sentence the live region says when the keyboard
//! reaches it. Both read the view's texts only (the figures are already formatted as printed), so the
//! element shows what the core says and decides nothing about wording or punctuation.

use super::strings::ui_strings;
use super::view::Item;
use budget_lens_core::Lang;

/// What a tooltip line is, for its look: `title` (the item's name), `figure`, `hint` (what a click
/// does), or a finding's severity (`error`, `warning`, `note`).
pub type TipLine = (&'static str, String);

/// The tooltip of `item`: its name, amount, shares, last year's amount, change, budget, its own
/// findings in short and, when it has parts, how to open them.
pub fn tip_lines(item: &Item, lang: Lang) -> Vec<TipLine> {
    let s = ui_strings(lang);
    let colon = lang.pick("：", ": ");
    let mut lines = vec![
        ("title", item.label.clone()),
        ("figure", item.amount_text.clone()),
    ];
    let mut line = |name: &str, value: Option<&str>| {
        if let Some(value) = value {
            lines.push(("figure", format!("{name}{colon}{value}")));
        }
    };
    line(s.share, item.share_text.as_deref());
    // At a breakdown's root the share of the whole is the share: said once.
    if item.share_of_whole_text != item.share_text {
        line(s.share_of_whole, item.share_of_whole_text.as_deref());
    }
    line(s.prior, item.prior_text.as_deref());
    if item.change_text.is_some() {
        let both = [item.change_text.as_deref(), item.change_pct_text.as_deref()];
        let change = joined(both.into_iter().flatten(), lang.pick("，", ", "));
        line(s.change, Some(&change));
    }
    line(s.budget, item.budget_text.as_deref());
    line(s.completion, item.completion_text.as_deref());
    // Short here; the whole finding is in the findings panel.
    for finding in &item.tip_findings {
        lines.push((finding.severity.name(), finding.text.clone()));
    }
    if item.drillable {
        lines.push(("hint", s.drill_hint.to_string()));
    }
    lines
}

/// What the live region says of a focused `item`: `before` (a new level's sentence, not yet said with
/// a part), its name, amount and share, `已隐藏` when hidden, and its warnings and errors.
pub fn spoken(item: &Item, hidden: bool, before: Option<&str>, lang: Lang) -> String {
    let status = hidden.then(|| ui_strings(lang).hidden_hint);
    let findings = item.tip_findings.iter().map(|f| f.text.as_str());
    let parts = [
        before,
        Some(item.label.as_str()),
        Some(item.amount_text.as_str()),
        item.share_text.as_deref(),
        status,
    ];
    joined(parts.into_iter().flatten().chain(findings), " ")
}

/// The non-empty `parts` joined by `separator`.
fn joined<'a>(parts: impl Iterator<Item = &'a str>, separator: &str) -> String {
    let mut text = String::new();
    for part in parts.filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push_str(separator);
        }
        text.push_str(part);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::report;
    use crate::ChartView;

    fn items(path: &str, lang: Lang) -> Vec<Item> {
        ChartView::new(&report(), path, &[], lang).unwrap().items
    }

    #[test]
    fn a_tooltip_names_each_figure_in_the_readers_language() {
        let zh = items("", Lang::Zh);
        let lines = tip_lines(&zh[1], Lang::Zh);
        let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "项目支出",
                "653.12万元",
                "占比：42.13%",
                "上年：1,253.54万元",
                "增减：-600.42万元，-47.90%",
                "年初预算：700万元",
                "预算完成率：93.30%",
            ]
        );
        assert_eq!(lines[0].0, "title");
        // An item with parts says how to open them.
        let basic = tip_lines(&zh[0], Lang::Zh);
        assert_eq!(
            basic.last().unwrap(),
            &("hint", "点击或按回车查看明细".into())
        );
        let en = tip_lines(&items("", Lang::En)[1], Lang::En);
        assert!(
            en[4].1.starts_with("Change: ") && en[4].1.ends_with(", -47.90%"),
            "{en:?}"
        );
    }

    #[test]
    fn the_share_of_the_whole_is_said_below_the_root_only() {
        let zh = items("expenditure/basic", Lang::Zh);
        let lines = tip_lines(&zh[0], Lang::Zh);
        assert!(
            lines.iter().any(|(_, t)| t.starts_with("占总额：")),
            "{lines:?}"
        );
        let root = tip_lines(&items("", Lang::Zh)[0], Lang::Zh);
        assert!(
            !root.iter().any(|(_, t)| t.starts_with("占总额")),
            "{root:?}"
        );
    }

    #[test]
    fn the_announcement_says_the_new_level_first_and_a_hidden_part_as_hidden() {
        let zh = items("", Lang::Zh);
        assert_eq!(
            spoken(&zh[0], false, None, Lang::Zh),
            "基本支出 897.05万元 57.87%"
        );
        assert_eq!(
            spoken(&zh[0], true, Some("支出合计……"), Lang::Zh),
            "支出合计…… 基本支出 897.05万元 57.87% 已隐藏"
        );
    }
}
