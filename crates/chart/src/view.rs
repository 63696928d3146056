//! The view of one node: its items with every figure a reader may ask for, exact and formatted,
//! the path back up, and the worst finding on or below each item.

use budget_lens_core::exact::Exact;
use rust_decimal::Decimal;

use super::format;
use budget_lens_core::check::{Finding, Severity};
use budget_lens_core::report::{Node, Printing, Report, Unit};
use budget_lens_core::word::join;
use budget_lens_core::Lang;

/// The node whose items are shown, ready for layout, table and tooltip.
#[derive(Debug, Clone)]
pub struct ChartView {
    pub path: String,
    pub label: String,
    /// The node's own amount (exact, as printed).
    pub total: Decimal,
    pub total_text: String,
    /// A large total also in 亿元 (`约12.35亿元`), for reading; `None` below 1亿元.
    pub total_in_yi_text: Option<String>,
    /// `单位：万元` / `Unit: 10,000 yuan`: the report's unit, or the one the level's table printed in.
    pub unit_text: String,
    /// How the level's table printed its figures when in another unit than the report's (a 三公 table in 万元
    /// in a report in 元): every amount text says the figure as printed (`10.81万元`), exactly.
    pub printing: Option<Printing>,
    /// The report's unit: that of the exact figures (`total`, each item's `amount` …).
    pub report_unit: Unit,
    /// The level's unit: the one its table printed in (`printing`), else the report's.
    pub unit: Unit,
    /// The total in the level's unit to its own printed precision (see [`amount_printing`]), for the CSV.
    pub total_shown: Decimal,
    pub breadcrumb: Vec<Crumb>,
    pub items: Vec<Item>,
    /// The gravest warning or error on the level's own node (its total against its items, a restated
    /// total): shown on this level, where the reader sees the figures disagree.
    pub own_mark: Option<Severity>,
    /// Those findings, one short line each.
    pub own_findings: Vec<super::summary::TipFinding>,
    /// The language of every text above.
    pub lang: Lang,
}

/// One step of the way from the breakdown's root down to the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    pub path: String,
    pub label: String,
}

/// One item of the view, with its figures as exact decimals (`amount`) and as text (`*_text`).
#[derive(Debug, Clone)]
pub struct Item {
    pub path: String,
    pub label: String,
    pub code: Option<String>,
    pub amount: Decimal,
    /// The amount in the level's unit to its own printed precision (see [`amount_printing`]), for the places
    /// that print no unit (bar values, CSV); `amount_text` says it so too.
    pub amount_shown: Decimal,
    /// The unit `amount_text` says the amount in (in Chinese): the level's, or the one the amount was printed
    /// in when another (a figure of the running text in 万元 on a level in 元).
    pub amount_unit: Unit,
    pub amount_text: String,
    /// Share of the view's total, computed from the amounts: `57.87%`.
    pub share_text: Option<String>,
    /// Share of the breakdown's root.
    pub share_of_whole_text: Option<String>,
    pub prior_text: Option<String>,
    pub change_text: Option<String>,
    pub change_pct_text: Option<String>,
    pub budget_text: Option<String>,
    pub completion_text: Option<String>,
    /// Whether the item has items of its own to drill into.
    pub drillable: bool,
    /// The gravest error or warning on this item or below it.
    pub mark: Option<Severity>,
    /// The messages of the findings on this very item.
    pub findings: Vec<String>,
    /// The item's own warnings and errors, one short line each (the tooltip, the announcement).
    pub tip_findings: Vec<super::summary::TipFinding>,
    pub prior: Option<Decimal>,
    /// The exact figures behind the texts above (the CSV export reads these, never the texts).
    pub change: Option<Decimal>,
    pub change_pct: Option<Decimal>,
    pub budget: Option<Decimal>,
    pub completion: Option<Decimal>,
    /// Share of the view's total (exact, two decimals), for the event detail.
    pub share: Option<Decimal>,
}

/// Why a view cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewError {
    /// The report has no breakdowns.
    Empty,
    /// No node at this path.
    NoSuchPath(String),
    /// The node has no items to chart.
    NoItems(String),
}

impl ViewError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ViewError::Empty, Lang::Zh) => "报告中没有可显示的分类".into(),
            (ViewError::Empty, Lang::En) => "The report has no breakdown to show".into(),
            (ViewError::NoSuchPath(p), Lang::Zh) => format!("报告中没有“{p}”"),
            (ViewError::NoSuchPath(p), Lang::En) => format!("The report has nothing at “{p}”"),
            (ViewError::NoItems(p), Lang::Zh) => format!("“{p}”没有下级明细"),
            (ViewError::NoItems(p), Lang::En) => format!("“{p}” has no parts to show"),
        }
    }
}

/// The path of the first breakdown, the default view.
pub fn default_path(report: &Report) -> Option<String> {
    report.breakdowns.first().map(|n| n.id.clone())
}

/// The path one level up, if any.
pub fn parent_path(path: &str) -> Option<&str> {
    path.rsplit_once('/').map(|(parent, _)| parent)
}

impl ChartView {
    /// The view of the node at `path` (empty: the first breakdown).
    pub fn new(
        report: &Report,
        path: &str,
        findings: &[Finding],
        lang: Lang,
    ) -> Result<ChartView, ViewError> {
        let path = match path.trim() {
            "" => default_path(report).ok_or(ViewError::Empty)?,
            p => p.trim_matches('/').to_string(),
        };
        let node = report
            .node_at(&path)
            .ok_or_else(|| ViewError::NoSuchPath(path.clone()))?;
        if node.items.is_empty() {
            return Err(ViewError::NoItems(path));
        }
        let root_id = path.split('/').next().unwrap_or_default();
        let printing = level_printing(node);
        let unit = printing.map_or(report.unit, |p| p.unit);
        let level = Level {
            parent_total: node.amount.value(),
            root_total: report.node_at(root_id).map(|n| n.amount.value()),
            unit,
            printing,
            report_unit: report.unit,
            findings,
            lang,
        };
        let items = level.items(node, &path);
        let own = amount_printing(node);
        let (total_printed, total_unit, total) = level.as_printed(node.amount.value(), own);
        Ok(ChartView {
            label: node.label.clone(),
            total: node.amount.value(),
            total_text: format::amount(total_printed, total_unit, lang),
            total_in_yi_text: format::in_yi(total_printed, total_unit, lang),
            unit_text: match lang {
                Lang::Zh => format!("单位：{}", unit.zh()),
                Lang::En => format!("Unit: {}", unit.en()),
            },
            breadcrumb: breadcrumb(report, &path),
            items,
            printing,
            report_unit: report.unit,
            unit,
            total_shown: total,
            own_mark: findings
                .iter()
                .filter(|f| f.path == path && f.severity >= Severity::Warning)
                .map(|f| f.severity)
                .max(),
            own_findings: super::summary::tip_findings(
                findings.iter().filter(|f| f.path == path),
                lang,
            ),
            path,
            lang,
        })
    }

    /// An exact figure of the level (in the report's unit) as the level shows it: as its table printed it
    /// (`108100` → `10.81` in a 三公 table printed in 万元), else as it is.
    pub fn shown(&self, value: Decimal) -> Decimal {
        shown_as(self.printing, self.report_unit, value)
    }

    /// Whether an item's `amount_text` says another unit than the level's: its amount printed in another unit,
    /// in Chinese (English says money in yuan, exactly, whatever the unit). A bare value would read in the
    /// level's unit.
    pub fn in_other_unit(&self, item: &Item) -> bool {
        self.lang == Lang::Zh && item.amount_unit != self.unit
    }

    /// The index of the item at `path`, if it is one of this view's items.
    pub fn index_of(&self, path: &str) -> Option<usize> {
        self.items.iter().position(|item| item.path == path)
    }

    pub fn has_prior(&self) -> bool {
        self.items.iter().any(|item| item.prior.is_some())
    }

    /// The total as printed, and in 亿元 too when it is that large: `…万元（约1.23亿元）` with the
    /// language's parentheses.
    pub fn total_with_yi(&self) -> String {
        match (&self.total_in_yi_text, self.lang) {
            (Some(yi), Lang::Zh) => format!("{}（{yi}）", self.total_text),
            (Some(yi), Lang::En) => format!("{} ({yi})", self.total_text),
            (None, _) => self.total_text.clone(),
        }
    }

    /// The level in one sentence for screen readers: the total and the largest parts with their shares.
    pub fn description(&self) -> String {
        let lang = self.lang;
        const PARTS: usize = 3;
        // Zero and negative items are never "the largest parts".
        let parts: Vec<String> = super::bar::sorted_items(self)
            .into_iter()
            .filter(|&i| self.items[i].amount > Decimal::ZERO)
            .take(PARTS)
            .map(|i| {
                let item = &self.items[i];
                let share = item.share_text.as_deref().unwrap_or("");
                match lang {
                    Lang::Zh => format!("{}{}，占{share}", item.label, item.amount_text),
                    Lang::En => format!("{} {} ({share})", item.label, item.amount_text),
                }
            })
            .collect();
        let more = self.items.len().saturating_sub(parts.len());
        let total = self.total_with_yi();
        let n = self.items.len();
        match (lang, parts.is_empty()) {
            (Lang::Zh, true) => return format!("{}{total}，{n}项均无金额。", self.label),
            (Lang::En, true) => {
                return format!(
                    "{}: {total}; none of its {n} items has an amount.",
                    self.label
                )
            }
            _ => {}
        }
        match lang {
            Lang::Zh => {
                let tail = if more > 0 {
                    format!("；另有{more}项")
                } else {
                    String::new()
                };
                format!("{}{total}，其中{}{tail}。", self.label, join(&parts, "；"))
            }
            Lang::En => {
                let tail = if more > 0 {
                    format!("; {more} more")
                } else {
                    String::new()
                };
                format!(
                    "{}: {total}, of which {}{tail}.",
                    self.label,
                    join(&parts, "; ")
                )
            }
        }
    }
}

/// The most items one level shows: past it, the largest `MAX_SHOWN − 1` are shown and the rest gathered
/// into one item, so that a level of 100,000 items is still a readable chart and a responsive page.
pub const MAX_SHOWN: usize = 50;

/// Indices of the items shown, in document order.
fn shown_items(children: &[Node]) -> Vec<usize> {
    if children.len() <= MAX_SHOWN {
        return (0..children.len()).collect();
    }
    super::order::first_few(children.len(), MAX_SHOWN - 1, |a, b| {
        children[a].amount > children[b].amount
    })
}

/// How a level's table printed its figures: the printing of its node when every item shares it (one table
/// printed in another unit than the report's), else none (the report's unit).
fn level_printing(node: &Node) -> Option<Printing> {
    let printing = node.printing()?;
    node.items
        .iter()
        .all(|item| item.printing() == Some(printing))
        .then_some(printing)
}

/// How a node's own amount was printed, when in another unit than the report's: its printing, to the decimals
/// its own printed text shows (`0` in a table of `10.81`s: none), else the table's (a blank or `-` cell). A
/// table states its decimals once for every row; a reader is shown each figure as it was printed.
pub fn amount_printing(node: &Node) -> Option<Printing> {
    let printed = node.printed.as_ref()?;
    let printing = printed.printing()?;
    Some(Printing {
        decimals: text_decimals(&printed.text).or(printing.decimals),
        ..printing
    })
}

/// The decimals a printed figure shows (`2,106.66`: 2; `0`: 0); `None` when it shows no digit (blank, `-`).
fn text_decimals(text: &str) -> Option<u32> {
    // One pass over the bytes (digits and the point are ASCII): no pattern search in the wasm.
    let (mut any, mut after_point, mut decimals) = (false, false, 0);
    for b in text.bytes() {
        match b {
            b'.' => (after_point, decimals) = (true, 0),
            b'0'..=b'9' => (any, decimals) = (true, decimals + u32::from(after_point)),
            _ => {}
        }
    }
    any.then_some(decimals)
}

/// `value` (in `report` units) as `printing` shows it, exactly; as it is without one. One copy in the wasm
/// for its several callers.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn shown_as(printing: Option<Printing>, report: Unit, value: Decimal) -> Decimal {
    printing
        .and_then(|p| p.shown(value, report))
        .unwrap_or(value)
}

/// What a level's items are drawn against: its total, the breakdown's root total (for the share of the
/// whole), the unit its amounts are shown in (and the printing that says so), the findings and the language.
struct Level<'a> {
    parent_total: Decimal,
    root_total: Option<Decimal>,
    unit: Unit,
    printing: Option<Printing>,
    report_unit: Unit,
    findings: &'a [Finding],
    lang: Lang,
}

/// An exact amount and how it was printed, when in another unit than the report's ([`amount_printing`]).
type Figure = (Decimal, Option<Printing>);

/// An item's figures besides its amount: as printed or, where not printed, computed from the others.
#[derive(Default)]
struct Figures {
    prior: Option<Decimal>,
    change: Option<Decimal>,
    change_pct: Option<Decimal>,
    budget: Option<Decimal>,
    completion: Option<Decimal>,
}

impl Figures {
    fn of(node: &Node) -> Figures {
        let amount = node.amount.value();
        let prior = node.prior.map(|p| p.value());
        let change = node
            .change
            .map(|c| c.value())
            .or_else(|| prior.and_then(|p| amount.minus(p)));
        let change_pct = node
            .change_pct
            .map(|c| c.value())
            .or_else(|| match (change, prior) {
                (Some(c), Some(p)) => format::share(c, p),
                _ => None,
            });
        let budget = node.budget.map(|b| b.value());
        let completion = node
            .completion_pct
            .map(|c| c.value())
            .or_else(|| budget.and_then(|b| format::share(amount, b)));
        Figures {
            prior,
            change,
            change_pct,
            budget,
            completion,
        }
    }
}

impl Level<'_> {
    /// An exact figure as the level shows it (see [`ChartView::shown`]).
    fn shown(&self, value: Decimal) -> Decimal {
        shown_as(self.printing, self.report_unit, value)
    }

    /// A figure printed as `own` says: as printed, with the unit it is in (its own precision; its own unit
    /// when another than the level's, a figure of the running text printed `47.91万元` on a level in 元), and
    /// in the level's unit (the same when printed in it; else exact, as the level shows any figure).
    fn as_printed(&self, value: Decimal, own: Option<Printing>) -> (Decimal, Unit, Decimal) {
        let printed = shown_as(own.or(self.printing), self.report_unit, value);
        let unit = own.map_or(self.unit, |p| p.unit);
        let in_level = match unit == self.unit {
            true => printed,
            false => self.shown(value),
        };
        (printed, unit, in_level)
    }

    /// The items shown of `node` (at `path`), the smallest gathered into one when there are too many.
    fn items(&self, node: &Node, path: &str) -> Vec<Item> {
        let shown = shown_items(&node.items);
        let mut items: Vec<Item> = shown
            .iter()
            .map(|&i| self.item(&node.items[i], format!("{path}/{}", node.items[i].id)))
            .collect();
        if shown.len() < node.items.len() {
            items.push(self.gathered_item(node, path, &shown));
        }
        items
    }

    /// An item of `amount` with its figures and their texts in the level's unit and language; no code,
    /// no marks, nothing to drill into.
    fn plain_item(&self, path: String, label: String, amount: Figure, figures: Figures) -> Item {
        let (unit, lang) = (self.unit, self.lang);
        let (amount, own) = amount;
        let share = format::share(amount, self.parent_total);
        let (printed, printed_unit, in_level) = self.as_printed(amount, own);
        Item {
            label,
            code: None,
            amount,
            amount_shown: in_level,
            amount_unit: printed_unit,
            amount_text: format::amount(printed, printed_unit, lang),
            share_text: share.map(format::percent),
            share_of_whole_text: self
                .root_total
                .and_then(|total| format::share(amount, total))
                .map(format::percent),
            prior_text: figures
                .prior
                .map(|p| format::amount(self.shown(p), unit, lang)),
            change_text: figures
                .change
                .map(|c| format::signed_amount(self.shown(c), unit, lang)),
            change_pct_text: figures
                .change_pct
                .map(|c| format!("{}%", format::signed(c))),
            budget_text: figures
                .budget
                .map(|b| format::amount(self.shown(b), unit, lang)),
            completion_text: figures.completion.map(format::percent),
            drillable: false,
            mark: None,
            findings: Vec::new(),
            tip_findings: Vec::new(),
            prior: figures.prior,
            change: figures.change,
            change_pct: figures.change_pct,
            budget: figures.budget,
            completion: figures.completion,
            share,
            path,
        }
    }

    fn item(&self, node: &Node, path: String) -> Item {
        let findings = self.findings;
        let below = format!("{path}/");
        let mark = findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .filter(|f| f.path == path || f.path.starts_with(&below))
            .map(|f| f.severity)
            .max();
        let messages = findings
            .iter()
            .filter(|f| f.path == path)
            .map(|f| f.message(self.lang))
            .filter(|m| !m.is_empty())
            .collect();
        let tip_findings =
            super::summary::tip_findings(findings.iter().filter(|f| f.path == path), self.lang);
        let amount = (node.amount.value(), amount_printing(node));
        let plain = self.plain_item(path, node.label.clone(), amount, Figures::of(node));
        Item {
            code: node.code.clone(),
            drillable: !node.items.is_empty(),
            mark,
            findings: messages,
            tip_findings,
            ..plain
        }
    }

    /// The items of `node` not shown, as one: their sum, and the gravest mark on any of them.
    fn gathered_item(&self, node: &Node, path: &str, shown: &[usize]) -> Item {
        let shown_ids = budget_lens_core::keyed::Keyed::new(
            shown.iter().map(|&i| (node.items[i].id.as_str(), ())),
        );
        let rest = node
            .items
            .iter()
            .filter(|child| !shown_ids.contains(child.id.as_str()));
        let count = node.items.len() - shown.len();
        let amount = rest
            .map(|child| child.amount.value())
            .try_fold(Decimal::ZERO, Decimal::plus)
            .unwrap_or(Decimal::MAX);
        let below = format!("{path}/");
        let mark = self
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .filter_map(|f| Some((f, f.path.strip_prefix(&below)?)))
            .filter(|(_, rest)| !shown_ids.contains(rest.split('/').next().unwrap_or_default()))
            .map(|(f, _)| f.severity)
            .max();
        let label = match self.lang {
            Lang::Zh => format!("其余{count}项"),
            Lang::En => format!("{count} other items"),
        };
        Item {
            mark,
            ..self.plain_item(
                format!("{path}/…"),
                label,
                (amount, None),
                Figures::default(),
            )
        }
    }
}

fn breadcrumb(report: &Report, path: &str) -> Vec<Crumb> {
    let segments: Vec<&str> = path.split('/').collect();
    (1..=segments.len())
        .filter_map(|n| {
            let prefix = join(&segments[..n], "/");
            report.node_at(&prefix).map(|node| Crumb {
                label: node.label.clone(),
                path: prefix,
            })
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use budget_lens_core::report::parse_report;

    pub(crate) const REPORT: &str = r#"{
      "format": "budget-lens/1", "title": "测试决算", "entity": "测试单位", "year": 2021,
      "unit": "万元",
      "breakdowns": [
        { "id": "expenditure", "label": "支出合计", "amount": "1550.17",
          "items": [
            { "id": "basic", "label": "基本支出", "amount": "897.05", "prior": "800.00",
              "items": [ { "id": "wages", "label": "工资福利支出", "amount": "700.05" },
                         { "id": "goods", "label": "商品和服务支出", "amount": "197.00" } ] },
            { "id": "project", "label": "项目支出", "amount": "653.12", "prior": "1253.54",
              "change": "-600.42", "change_pct": "-47.90", "budget": "700", "completion_pct": "93.30" }
          ] },
        { "id": "income", "label": "收入合计", "amount": "1550.17",
          "items": [ { "id": "grant", "label": "财政拨款收入", "amount": "1550.17" } ] }
      ]
    }"#;

    pub(crate) fn report() -> Report {
        parse_report(REPORT).unwrap()
    }

    #[test]
    fn the_default_view_is_the_first_breakdown() {
        let view = ChartView::new(&report(), "", &[], Lang::Zh).unwrap();
        assert_eq!(view.path, "expenditure");
        assert_eq!(view.total_text, "1,550.17万元");
        assert_eq!(view.items.len(), 2);
        let basic = &view.items[0];
        assert_eq!(basic.path, "expenditure/basic");
        assert_eq!(basic.share_text.as_deref(), Some("57.87%"));
        assert_eq!(basic.change_text.as_deref(), Some("+97.05万元"));
        assert_eq!(basic.change_pct_text.as_deref(), Some("+12.13%"));
        assert!(basic.drillable);
        let project = &view.items[1];
        assert_eq!(project.change_text.as_deref(), Some("-600.42万元"));
        assert_eq!(project.change_pct_text.as_deref(), Some("-47.90%"));
        assert_eq!(project.completion_text.as_deref(), Some("93.30%"));
        assert!(!project.drillable);
    }

    #[test]
    fn drilled_views_know_their_way_back() {
        let view = ChartView::new(&report(), "expenditure/basic", &[], Lang::En).unwrap();
        let labels: Vec<_> = view.breadcrumb.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["支出合计", "基本支出"]);
        assert_eq!(view.items[0].share_of_whole_text.as_deref(), Some("45.16%"));
        assert_eq!(view.items[0].amount_text, "CNY 7,000,500");
        assert_eq!(parent_path(&view.path), Some("expenditure"));
        assert_eq!(parent_path("expenditure"), None);
    }

    #[test]
    fn describes_the_level_in_a_sentence() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        assert_eq!(
            view.description(),
            "支出合计1,550.17万元，其中基本支出897.05万元，占57.87%；项目支出653.12万元，占42.13%。"
        );
        let view = ChartView::new(&report(), "expenditure", &[], Lang::En).unwrap();
        assert!(view
            .description()
            .starts_with("支出合计: CNY 15,501,700, of which 基本支出 CNY 8,970,500 (57.87%)"));
    }

    #[test]
    fn a_wide_level_shows_its_largest_items_and_gathers_the_rest() {
        let items: Vec<String> = (0..1000)
            .map(|i| format!(r#"{{"id":"n{i}","label":"项{i}","amount":"{}"}}"#, i % 100))
            .collect();
        let text = format!(
            r#"{{"format":"budget-lens/1","breakdowns":[{{"id":"r","label":"总计","amount":"49500","items":[{}]}}]}}"#,
            items.join(",")
        );
        let report = parse_report(&text).unwrap();
        let findings = vec![budget_lens_core::check::Finding {
            rule: budget_lens_core::check::Rule::Negative,
            severity: Severity::Error,
            path: "r/n0".into(),
            label: "项0".into(),
            stated: Decimal::ZERO,
            expected: Decimal::ZERO,
            difference: Decimal::ZERO,
            tolerance: Decimal::ZERO,
            at: None,
            detail: budget_lens_core::check::Detail::Shares { count: 0 },
            doubt: None,
            places: Default::default(),
            printing: None,
        }];
        let view = ChartView::new(&report, "r", &findings, Lang::Zh).unwrap();
        assert_eq!(view.items.len(), MAX_SHOWN);
        // The 49 largest are the ten items of 99, ten of 98 … and nine of 95, in document order.
        let shown: Decimal = view.items[..MAX_SHOWN - 1].iter().map(|i| i.amount).sum();
        assert_eq!(shown, Decimal::from(10 * (99 + 98 + 97 + 96) + 9 * 95));
        assert!(view.items[..MAX_SHOWN - 1].windows(2).all(|w| {
            let index = |p: &str| p.trim_start_matches("r/n").parse::<usize>().unwrap();
            index(&w[0].path) < index(&w[1].path)
        }));
        let rest = &view.items[MAX_SHOWN - 1];
        assert_eq!(rest.label, "其余951项");
        assert_eq!(rest.amount + shown, Decimal::from(49500));
        assert!(!rest.drillable);
        assert_eq!(
            rest.mark,
            Some(Severity::Error),
            "n0 (amount 0) is among the gathered"
        );
    }

    #[test]
    fn a_large_total_is_also_described_in_yi_yuan() {
        let json = REPORT.replace("1550.17", "123456.78");
        let view =
            ChartView::new(&parse_report(&json).unwrap(), "expenditure", &[], Lang::Zh).unwrap();
        assert_eq!(view.total_in_yi_text.as_deref(), Some("约12.35亿元"));
        assert!(
            view.description()
                .starts_with("支出合计123,456.78万元（约12.35亿元），其中"),
            "{}",
            view.description()
        );
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        assert_eq!(view.total_in_yi_text, None);
    }

    #[test]
    fn bad_paths_and_leaves_are_errors() {
        let report = report();
        assert_eq!(
            ChartView::new(&report, "nowhere", &[], Lang::Zh).unwrap_err(),
            ViewError::NoSuchPath("nowhere".into())
        );
        assert_eq!(
            ChartView::new(&report, "expenditure/project", &[], Lang::Zh).unwrap_err(),
            ViewError::NoItems("expenditure/project".into())
        );
    }

    /// A report in 元 whose 三公 table was printed in 万元 (as an import of a 预算 writes it): a 0.01万元 gap
    /// between its 合计 and its items, rounding.
    pub(crate) const MIXED: &str = r#"{
      "format": "budget-lens/1", "unit": "元",
      "breakdowns": [
        { "id": "three_public", "label": "“三公”经费合计", "amount": "108200",
          "printed": { "table": "“三公”经费预算表", "text": "10.82", "unit": "万元", "decimals": 2 },
          "items": [
            { "id": "abroad", "label": "因公出国（境）费", "amount": "0",
              "printed": { "table": "“三公”经费预算表", "text": "0", "unit": "万元", "decimals": 2 } },
            { "id": "vehicles", "label": "公务用车购置及运行费", "amount": "99800", "prior": "100000",
              "printed": { "table": "“三公”经费预算表", "text": "9.98", "unit": "万元", "decimals": 2 } },
            { "id": "reception", "label": "公务接待费", "amount": "8300",
              "printed": { "table": "“三公”经费预算表", "text": "0.83", "unit": "万元", "decimals": 2 } } ] },
        { "id": "expenditure", "label": "支出合计", "amount": "2087959.00",
          "items": [ { "id": "basic", "label": "基本支出", "amount": "2087959.00" } ] }
      ]
    }"#;

    #[test]
    fn a_table_printed_in_another_unit_is_shown_as_printed() {
        let report = parse_report(MIXED).unwrap();
        let findings = budget_lens_core::check::check(&report);
        let view = ChartView::new(&report, "three_public", &findings, Lang::Zh).unwrap();
        assert_eq!(view.unit_text, "单位：万元");
        assert_eq!(view.total_text, "10.82万元");
        let texts: Vec<&str> = view.items.iter().map(|i| i.amount_text.as_str()).collect();
        // Each figure as it was printed: the `0` of a table printing `9.98` is `0`, not `0.00`.
        assert_eq!(texts, ["0万元", "9.98万元", "0.83万元"]);
        assert_eq!(view.items[1].prior_text.as_deref(), Some("10.00万元"));
        assert_eq!(view.items[1].change_text.as_deref(), Some("-0.02万元"));
        // The exact figures stay in the report's unit; shares are the same either way.
        assert_eq!(view.items[1].amount.to_string(), "99800");
        assert_eq!(view.items[1].share_text.as_deref(), Some("92.24%"));
        // The 0.01万元 gap is rounding at the table's precision: a warning, said as printed.
        assert_eq!(view.own_mark, Some(Severity::Warning));
        assert_eq!(
            view.own_findings[0].text,
            "警告：与明细合计相差0.01万元（详见数据核对）"
        );
        let en = ChartView::new(&report, "three_public", &findings, Lang::En).unwrap();
        assert_eq!(en.unit_text, "Unit: 10,000 yuan");
        assert_eq!(en.items[1].amount_text, "CNY 99,800");
        // A level printed in the report's unit is as before.
        let other = ChartView::new(&report, "expenditure", &findings, Lang::Zh).unwrap();
        assert_eq!(other.unit_text, "单位：元");
        assert_eq!(other.items[0].amount_text, "2,087,959.00元");
    }

    #[test]
    fn each_figure_keeps_its_own_printed_decimals() {
        // 合计 printed `10.80` (its amount `108000` no longer says so), a blank cell, a `0`.
        let report = parse_report(
            &MIXED
                .replace(r#""amount": "108200""#, r#""amount": "108000""#)
                .replace(r#""text": "10.82""#, r#""text": "10.80""#)
                .replace(r#""text": "0""#, r#""text": """#),
        )
        .unwrap();
        let zh = ChartView::new(&report, "three_public", &[], Lang::Zh).unwrap();
        assert_eq!(zh.total_text, "10.80万元");
        // A blank cell shows no digits of its own: the table's decimals.
        assert_eq!(zh.items[0].amount_text, "0.00万元");
        let en = ChartView::new(&report, "three_public", &[], Lang::En).unwrap();
        assert_eq!(en.total_text, "CNY 108,000");
        assert_eq!(en.items[0].amount_text, "CNY 0");
        let report = parse_report(MIXED).unwrap();
        let en = ChartView::new(&report, "three_public", &[], Lang::En).unwrap();
        let texts: Vec<&str> = en.items.iter().map(|i| i.amount_text.as_str()).collect();
        assert_eq!(texts, ["CNY 0", "CNY 99,800", "CNY 8,300"]);
        // Bars print their values without a unit, in the level's: each to its own decimals.
        let bars = crate::bar::layout(&en, 600.0, (String::new(), String::new()));
        let values: Vec<&str> = bars.rows.iter().map(|r| r.value_text.as_str()).collect();
        assert_eq!(values, ["9.98", "0.83", "0"]);
    }

    /// A report in 元 whose narrative printed one figure in 万元 (`47.91万元`, no table), beside figures in 元.
    const NARRATIVE_IN_WAN: &str = r#"{
      "format": "budget-lens/1", "unit": "元",
      "breakdowns": [
        { "id": "spending", "label": "支出合计", "amount": "1479100",
          "items": [
            { "id": "basic", "label": "基本支出", "amount": "1000000.00" },
            { "id": "project", "label": "项目支出", "amount": "479100",
              "printed": { "text": "47.91", "unit": "万元", "decimals": 2 } } ] }
      ]
    }"#;

    #[test]
    fn a_narrative_figure_in_a_larger_unit_is_shown_as_printed() {
        let report = parse_report(NARRATIVE_IN_WAN).unwrap();
        let zh = ChartView::new(&report, "spending", &[], Lang::Zh).unwrap();
        assert_eq!(zh.unit_text, "单位：元");
        let texts: Vec<&str> = zh.items.iter().map(|i| i.amount_text.as_str()).collect();
        assert_eq!(texts, ["1,000,000.00元", "47.91万元"]);
        // The bar of the figure in another unit says its unit; the others read in the level's.
        let bars = crate::bar::layout(&zh, 600.0, (String::new(), String::new()));
        let values: Vec<&str> = bars.rows.iter().map(|r| r.value_text.as_str()).collect();
        assert_eq!(values, ["1,000,000.00", "47.91万元"]);
        assert!(
            zh.description().contains("项目支出47.91万元"),
            "{}",
            zh.description()
        );
        // The exact figure handed on stays in the report's unit.
        assert_eq!(zh.items[1].amount.to_string(), "479100");
        // In English money is exact yuan, as ever.
        let en = ChartView::new(&report, "spending", &[], Lang::En).unwrap();
        let texts: Vec<&str> = en.items.iter().map(|i| i.amount_text.as_str()).collect();
        assert_eq!(texts, ["CNY 1,000,000.00", "CNY 479,100"]);
        let bars = crate::bar::layout(&en, 600.0, (String::new(), String::new()));
        let values: Vec<&str> = bars.rows.iter().map(|r| r.value_text.as_str()).collect();
        assert_eq!(values, ["1,000,000.00", "479,100"]);
    }

    #[test]
    fn a_total_printed_in_a_larger_unit_is_shown_as_printed() {
        // `“三公”经费预算总额为1.56亿元` over items in 万元, in a report in 万元 (docs/FORMAT.md).
        let report = parse_report(
            r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[
              {"id":"t","label":"“三公”经费","amount":"15600",
               "printed":{"text":"1.56","unit":"亿元","decimals":2},
               "items":[{"id":"a","label":"公务接待费","amount":"15620"}]}]}"#,
        )
        .unwrap();
        let zh = ChartView::new(&report, "t", &[], Lang::Zh).unwrap();
        assert_eq!(
            (zh.total_text.as_str(), zh.total_in_yi_text),
            ("1.56亿元", None)
        );
        assert_eq!(zh.unit_text, "单位：万元");
        assert_eq!(zh.items[0].amount_text, "15,620万元");
        let en = ChartView::new(&report, "t", &[], Lang::En).unwrap();
        assert_eq!(en.total_text, "CNY 156,000,000");
    }

    #[test]
    fn a_printed_texts_decimals() {
        let cases = [
            ("2,106.66", Some(2)),
            ("0", Some(0)),
            ("10.8100", Some(4)),
            ("(0.83)", Some(2)),
        ];
        for (text, decimals) in cases
            .into_iter()
            .chain([("", None), ("-", None), ("—", None)])
        {
            assert_eq!(text_decimals(text), decimals, "{text}");
        }
    }
}
