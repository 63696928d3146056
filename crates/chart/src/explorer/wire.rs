//! What crosses into the element, as JSON text in the names it reads: the state around the chart
//! (once per new level or chart), one [`Changed`] per event, an item's tooltip lines, an exported file.
//! Amounts travel as their exact printed text; nothing here is parsed back.

use super::changed::Changed;
use super::{FindingEntry, Snapshot};
use crate::item_text::TipLine;
use crate::json::Json;
use crate::summary::TipFinding;
use crate::table::{item_texts, COLUMNS};
use crate::view::Item;

impl Snapshot<'_> {
    /// The state as the element renders it: title, chart, breadcrumb, the level with its items, the
    /// badge, the findings, the table's order.
    pub fn to_json(&self) -> String {
        let mut j = Json::default();
        j.open("", '{');
        j.str("title", self.title);
        j.str("entity", self.entity);
        j.str("chart", self.chart);
        j.open("breadcrumb", '[');
        for crumb in &self.breadcrumb {
            j.open("", '{');
            j.str("path", &crumb.path);
            j.str("label", &crumb.label);
            j.bool("origin", crumb.origin);
            j.close('}');
        }
        j.close(']');
        j.str("crumbs_label", &self.crumbs_label);
        j.str("description", &self.description);
        j.str("badge", &self.badge);
        j.str("badge_severity", self.badge_severity);
        j.bool("can_go_up", self.can_go_up);
        j.open("columns", '[');
        for (name, header) in &self.columns {
            j.strs("", [*name, *header]);
        }
        j.close(']');
        j.str("total_text", &self.total_text);
        j.open("table_order", '[');
        for &index in &self.table_order {
            j.num("", i64::try_from(index).ok());
        }
        j.close(']');
        view_json(&mut j, self);
        j.open("findings", '[');
        for finding in &self.findings {
            finding_json(&mut j, finding);
        }
        j.close(']');
        j.close('}');
        j.finish()
    }
}

/// The level: its name, total (also in 亿元 when that large), its own findings and its items.
fn view_json(j: &mut Json, state: &Snapshot) {
    let view = state.view;
    j.open("view", '{');
    j.str("path", &view.path);
    j.str("label", &view.label);
    j.str("total_text", &view.total_text);
    j.opt("total_in_yi_text", view.total_in_yi_text.as_deref());
    tip_findings_json(j, "own_findings", &view.own_findings);
    j.open("items", '[');
    for item in &view.items {
        item_json(j, item);
    }
    j.close(']');
    j.close('}');
}

/// An item with every figure as printed text (`null` where the report states none), for the table.
fn item_json(j: &mut Json, item: &Item) {
    j.open("", '{');
    j.str("path", &item.path);
    j.str("label", &item.label);
    j.bool("drillable", item.drillable);
    j.opt("mark", item.mark.map(|m| m.name()));
    j.strs("findings", item.findings.iter().map(String::as_str));
    for (name, text) in COLUMNS.into_iter().zip(item_texts(item)) {
        j.opt(name, text);
    }
    j.close('}');
}

fn tip_findings_json(j: &mut Json, name: &str, findings: &[TipFinding]) {
    j.open(name, '[');
    for finding in findings {
        j.open("", '{');
        j.str("severity", finding.severity.name());
        j.str("text", &finding.text);
        j.close('}');
    }
    j.close(']');
}

fn finding_json(j: &mut Json, finding: &FindingEntry) {
    j.open("", '{');
    j.str("severity", finding.severity.name());
    j.str("severity_word", finding.severity_word);
    j.str("rule", finding.rule);
    j.str("path", &finding.path);
    j.str("label", &finding.label);
    j.str("message", &finding.message);
    j.bool("navigable", finding.navigable);
    j.close('}');
}

impl Changed {
    /// One event's change: flags, the hover and tooltip (-1: none, `null`: as it was), what is said, the
    /// select event's detail (amount and share as exact strings).
    pub fn to_json(&self) -> String {
        let mut j = Json::default();
        j.open("", '{');
        let flags = [
            ("handled", self.handled),
            ("render", self.render),
            ("enter", self.enter),
            ("draw", self.draw),
            ("card", self.card),
        ];
        for (name, flag) in flags {
            j.bool(name, flag);
        }
        j.num("hover", self.hover.map(i64::from));
        j.num("tip", self.tip.map(i64::from));
        j.opt("say", self.say.as_deref());
        match &self.select {
            Some(select) => {
                j.open("select", '{');
                j.str("path", &select.path);
                j.str("label", &select.label);
                j.str("amount", &select.amount);
                j.opt("share", select.share.as_deref());
                j.close('}');
            }
            None => j.opt("select", None),
        }
        j.close('}');
        j.finish()
    }
}

/// Tooltip lines as `[[kind, text], …]`.
pub fn tip_lines_json(lines: &[TipLine]) -> String {
    let mut j = Json::default();
    j.open("", '[');
    for (kind, text) in lines {
        j.strs("", [*kind, text.as_str()]);
    }
    j.close(']');
    j.finish()
}

/// An exported file as `[name, text]`.
pub fn file_json(name: &str, text: &str) -> String {
    let mut j = Json::default();
    j.strs("", [name, text]);
    j.finish()
}

/// Named texts as one object (the UI's words).
pub fn words_json(words: &[(&str, &str)]) -> String {
    let mut j = Json::default();
    j.open("", '{');
    for (name, text) in words {
        j.str(name, text);
    }
    j.close('}');
    j.finish()
}

#[cfg(test)]
mod tests {
    use crate::explorer::Explorer;
    use crate::view::tests::report;
    use crate::ChartKind;
    use budget_lens_core::report::parse_report;
    use budget_lens_core::Lang;
    use serde_json::{json, Value};

    fn parsed(text: &str) -> Value {
        serde_json::from_str(text).expect("valid JSON")
    }

    #[test]
    fn the_state_carries_the_level_its_figures_and_the_findings() {
        let mut e = Explorer::new(report(), "", ChartKind::Bar, Lang::Zh).unwrap();
        let state = parsed(&e.snapshot().to_json());
        assert_eq!(state["title"], "测试决算");
        assert_eq!(state["chart"], "bar");
        assert_eq!(state["can_go_up"], false);
        assert_eq!(state["table_order"], json!([0, 1]));
        assert_eq!(state["badge_severity"], "none");
        assert_eq!(state["breadcrumb"][0]["path"], "expenditure");
        let project = &state["view"]["items"][1];
        assert_eq!(project["amount_text"], "653.12万元");
        assert_eq!(project["change_pct_text"], "-47.90%");
        assert_eq!(project["share_of_whole_text"], "42.13%");
        assert_eq!(
            project["code"],
            Value::Null,
            "what the element does not read stays home"
        );
        assert_eq!(project["drillable"], false);
        assert_eq!(state["findings"], json!([]));
        assert_eq!(state["columns"][0], json!(["amount_text", "金额"]));
        assert_eq!(state["total_text"], "1,550.17万元");
        e.open("expenditure/basic").unwrap();
        let below = parsed(&e.snapshot().to_json());
        assert_eq!(below["can_go_up"], true);
        assert_eq!(
            below["columns"][2],
            json!(["share_of_whole_text", "占总额"])
        );
    }

    #[test]
    fn report_text_stays_text_and_findings_are_listed() {
        let json = r#"{"format":"budget-lens/1","title":"a \"quoted\"\\ title\n\u0001","unit":"万元",
          "breakdowns":[{"id":"e","label":"支出</script>","amount":"10.00","items":[
            {"id":"a","label":"甲","amount":"6.00"},{"id":"b","label":"乙","amount":"3.00"}]}]}"#;
        let e = Explorer::new(parse_report(json).unwrap(), "", ChartKind::Pie, Lang::En).unwrap();
        let state = parsed(&e.snapshot().to_json());
        assert_eq!(state["title"], "a \"quoted\"\\ title\n\u{1}");
        assert_eq!(state["view"]["label"], "支出</script>");
        assert_eq!(state["badge_severity"], "error");
        assert_eq!(state["findings"][0]["rule"], "sum");
        assert_eq!(state["findings"][0]["navigable"], true);
        assert_eq!(state["view"]["own_findings"][0]["severity"], "error");
    }

    #[test]
    fn a_change_and_tooltip_lines_cross_as_json() {
        let mut e = Explorer::new(report(), "", ChartKind::Pie, Lang::Zh).unwrap();
        e.layout_for(600.0, 360.0);
        let right = parsed(&e.key("ArrowRight").to_json());
        assert_eq!(right["handled"], true);
        assert_eq!(right["tip"], 0);
        assert_eq!(right["hover"], Value::Null);
        assert_eq!(right["select"], Value::Null);
        let enter = parsed(&e.key("Enter").to_json());
        assert_eq!(
            enter["select"],
            json!({"path": "expenditure/basic", "label": "基本支出", "amount": "897.05", "share": "57.87"})
        );
        let lines = parsed(&super::tip_lines_json(&e.tip_lines(0)));
        assert_eq!(lines[0], json!(["title", "工资福利支出"]));
        assert_eq!(parsed(&super::tip_lines_json(&e.tip_lines(9))), json!([]));
        assert_eq!(
            parsed(&super::file_json("a.csv", "x,\"y\"")),
            json!(["a.csv", "x,\"y\""])
        );
    }
}
