//! A reader's walk through a report: which node is shown and how, what is hidden, hovered and
//! focused, drilling down and going back up, and revealing the node of a finding. The browser
//! front end is a thin shell around this; everything here is testable natively.

mod changed;
mod pointer;
mod session;
mod wire;

pub use changed::{item_code, Changed, Selection};
pub use pointer::Pointed;
use session::Session;
pub use session::{FocusEvent, Place};
pub use wire::{file_json, tip_lines_json, words_json};

use super::colors::PageColors;
use super::item_text::{tip_lines, TipLine};
use super::palette::{Theme, ThemeName};
use super::strings::{findings_badge, ui_strings};
use super::view::{parent_path, ChartView, ViewError};
use super::{layout, preferred_height, ChartKind, Hit, Interaction, Layout, Point};
use budget_lens_core::check::{check, counts, Finding, Severity};
use budget_lens_core::exact::text;
use budget_lens_core::report::Report;
use budget_lens_core::word::is_word_char;
use budget_lens_core::Lang;

/// How long a hover's emphasis takes to come in full: short enough that a sweep across the chart never lags.
pub const HOVER_EASE_MS: f64 = 150.0;

pub struct Explorer {
    report: Report,
    findings: Vec<Finding>,
    lang: Lang,
    kind: ChartKind,
    view: ChartView,
    interaction: Interaction,
    /// The layout last drawn, for hit-testing and keyboard order.
    layout: Option<Layout>,
    /// How much larger than the layout's CSS pixels the chart is drawn (text size, large mode).
    zoom: f64,
    /// The size in layout pixels of the last layout.
    layout_size: (f64, f64),
    theme_name: ThemeName,
    page_colors: PageColors,
    /// The base theme with the page's colours laid over it.
    theme: Theme,
    /// Where the reader was before following a finding into another breakdown, if they did.
    origin: Option<String>,
    /// Counts the changes to the still part of the drawing (a new layout, a new theme): a cached still
    /// layer painted at another count is stale.
    still_revision: u64,
    /// What the reader's session remembers between keys and focus changes.
    session: Session,
    /// The round chart (pie or donut) last asked for: the switch's pie button returns to it.
    round_kind: ChartKind,
}

/// The smallest and largest zoom: text from 12 px up to 30 px.
pub const ZOOM_RANGE: (f64, f64) = (1.0, 2.5);

/// What the shell shows around the chart, in the reader's language (as JSON: wire.rs).
pub struct Snapshot<'a> {
    pub title: &'a str,
    pub entity: &'a str,
    pub chart: &'static str,
    pub view: &'a ChartView,
    /// The way back: where the reader came from by a finding (if elsewhere), then the level's ancestors.
    pub breadcrumb: Vec<PathCrumb>,
    /// The accessible name of the breadcrumb: what it is and where the reader is.
    pub crumbs_label: String,
    /// The level in one sentence, for screen readers.
    pub description: String,
    pub badge: String,
    /// The gravest finding's severity (`error`, `warning`, `note`), or `none`: the badge's colour.
    pub badge_severity: &'static str,
    pub can_go_up: bool,
    /// The checker's findings as the findings panel lists them.
    pub findings: Vec<FindingEntry>,
    /// The table's figure columns as `(name of the item's text, header)`.
    pub columns: Vec<(&'static str, &'static str)>,
    /// The level's total for the table's foot (also in 亿元 when that large).
    pub total_text: String,
    /// The order of the table's rows (item indices): the bar chart's order (largest first) under a bar
    /// chart, so that the table and the chart beside it read alike; the report's order otherwise.
    pub table_order: Vec<usize>,
}

/// One step of the breadcrumb; `origin` marks the view the reader left by following a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathCrumb {
    pub path: String,
    pub label: String,
    pub origin: bool,
}

/// A finding as the findings panel lists it.
#[derive(Debug, Clone)]
pub struct FindingEntry {
    pub severity: Severity,
    pub severity_word: &'static str,
    pub rule: &'static str,
    pub path: String,
    pub label: String,
    pub message: String,
    /// Whether the finding names a node the chart can show.
    pub navigable: bool,
}

impl Explorer {
    /// Opens `path` (empty: the first breakdown) of `report` as `kind`.
    pub fn new(
        report: Report,
        path: &str,
        kind: ChartKind,
        lang: Lang,
    ) -> Result<Explorer, ViewError> {
        let findings = check(&report);
        let view = ChartView::new(&report, path, &findings, lang)?;
        let interaction = Interaction {
            hidden: vec![false; view.items.len()],
            ..Interaction::default()
        };
        Ok(Explorer {
            report,
            findings,
            lang,
            kind,
            view,
            interaction,
            layout: None,
            zoom: 1.0,
            layout_size: (0.0, 0.0),
            theme_name: ThemeName::Light,
            page_colors: PageColors::default(),
            theme: Theme::LIGHT,
            origin: None,
            still_revision: 0,
            session: Session::default(),
            round_kind: match kind {
                ChartKind::Bar => ChartKind::Pie,
                round => round,
            },
        })
    }

    pub fn view(&self) -> &ChartView {
        &self.view
    }

    pub fn kind(&self) -> ChartKind {
        self.kind
    }

    pub fn interaction(&self) -> &Interaction {
        &self.interaction
    }

    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Shows the items of the node at `path`; hidden, hover and focus start afresh. Back in the breakdown
    /// the reader started in, the way back to it is no longer needed.
    pub fn open(&mut self, path: &str) -> Result<(), ViewError> {
        self.view = ChartView::new(&self.report, path, &self.findings, self.lang)?;
        if self
            .origin
            .as_deref()
            .is_some_and(|origin| root_of(origin) == root_of(&self.view.path))
        {
            self.origin = None;
        }
        self.interaction = Interaction {
            hidden: vec![false; self.view.items.len()],
            ..Interaction::default()
        };
        self.layout = None;
        Ok(())
    }

    /// Drills into item `index` when it has items; true when the view changed.
    pub fn drill(&mut self, index: usize) -> bool {
        match self.view.items.get(index) {
            Some(item) if item.drillable => {
                let path = item.path.clone();
                self.open(&path).is_ok()
            }
            _ => false,
        }
    }

    /// Goes one level up, focusing the item we came from; false at a breakdown's root.
    pub fn up(&mut self) -> bool {
        let here = self.view.path.clone();
        let Some(parent) = parent_path(&here) else {
            return false;
        };
        let parent = parent.to_string();
        if self.open(&parent).is_err() {
            return false;
        }
        self.interaction.focus = self.view.index_of(&here);
        true
    }

    /// Shows the node of a finding: its parent's view with the node focused, or the node's own view.
    /// Into another breakdown, the breadcrumb keeps the way back to where the reader was.
    pub fn reveal(&mut self, path: &str) -> bool {
        let Some(node) = self.report.node_at(path) else {
            return false;
        };
        let has_items = !node.items.is_empty();
        let here = self.view.path.clone();
        let origin = self.origin.clone();
        let shown = match parent_path(path).map(str::to_string) {
            Some(parent) if self.open(&parent).is_ok() => {
                self.interaction.focus = self.view.index_of(path);
                true
            }
            _ => has_items && self.open(path).is_ok(),
        };
        if shown {
            let started = origin.unwrap_or(here);
            if root_of(&started) != root_of(&self.view.path) {
                self.origin = Some(started);
            }
        }
        shown
    }

    /// The breadcrumb: the origin (if the reader came by a finding from another breakdown), then the level's
    /// ancestors and the level itself.
    pub fn breadcrumb(&self) -> Vec<PathCrumb> {
        let origin = self.origin.as_deref().and_then(|path| {
            let node = self.report.node_at(path)?;
            Some(PathCrumb {
                path: path.to_string(),
                label: node.label.clone(),
                origin: true,
            })
        });
        let levels = self.view.breadcrumb.iter().map(|c| PathCrumb {
            path: c.path.clone(),
            label: c.label.clone(),
            origin: false,
        });
        origin.into_iter().chain(levels).collect()
    }

    pub fn set_kind(&mut self, kind: ChartKind) {
        if kind != ChartKind::Bar {
            self.round_kind = kind;
        }
        self.kind = kind;
        self.layout = None;
    }

    /// The chart a name asks for: `round` (the switch's pie button) is the pie or donut last shown or
    /// asked for, any other name as [`ChartKind::from_name`] reads it.
    pub fn kind_named(&self, name: &str) -> ChartKind {
        match name {
            "round" => self.round_kind,
            name => ChartKind::from_name(name),
        }
    }

    /// Hides or shows item `index` (the legend's toggle). The last visible item stays visible.
    pub fn toggle_hidden(&mut self, index: usize) {
        let visible = self.interaction.hidden.iter().filter(|h| !**h).count();
        if let Some(hidden) = self.interaction.hidden.get_mut(index) {
            if *hidden || visible > 1 {
                *hidden = !*hidden;
                self.layout = None;
            }
        }
    }

    /// Turns the legend below the pie `delta` pages on (or back), within its pages.
    pub fn turn_legend_page(&mut self, delta: i32) {
        let pages = super::pie::pages(self.view.items.len()) as i64;
        let page = (self.interaction.legend_page as i64 + delta as i64).clamp(0, pages - 1);
        self.interaction.legend_page = page as usize;
        self.layout = None;
    }

    /// Turns the legend below the pie to the page of item `index` (the keyboard's focus stays visible).
    fn show_in_legend(&mut self, index: usize) {
        let page = super::pie::page_of(self.view.items.len(), index);
        if page != self.interaction.legend_page {
            self.interaction.legend_page = page;
            self.layout = None;
        }
    }

    /// How much of the hover's emphasis is still to come (percent; 0 draws it in full).
    pub fn set_hover_pending(&mut self, percent: u8) {
        self.interaction.hover_pending = percent.min(100);
    }

    /// The hover's emphasis (pull-out, band) `elapsed_ms` after the hover began: it eases out over
    /// [`HOVER_EASE_MS`], quickly at first. Whether a later frame still changes it (the element asks for
    /// frames until it does not).
    pub fn ease_hover(&mut self, elapsed_ms: f64) -> bool {
        let t = (elapsed_ms / HOVER_EASE_MS).clamp(0.0, 1.0);
        let pending = (100.0 * (1.0 - t) * (1.0 - t)).round();
        // 0 ≤ pending ≤ 100 by the clamp above, so the conversion is exact.
        self.set_hover_pending(pending as u8);
        pending > 0.0
    }

    pub fn set_hover(&mut self, index: Option<usize>) {
        self.interaction.hover = index.filter(|&i| i < self.view.items.len());
        self.interaction.hover_pending = 0;
    }

    pub fn set_focus(&mut self, index: Option<usize>) {
        self.interaction.focus = index.filter(|&i| i < self.view.items.len());
    }

    /// Moves the focus `delta` steps along the drawn order (slices clockwise, bars top down),
    /// wrapping around; from no focus, forward starts at the first and backward at the last.
    pub fn move_focus(&mut self, delta: i32) -> Option<usize> {
        let order = self.keyboard_order();
        if order.is_empty() {
            return None;
        }
        let n = order.len() as i64;
        let next = match self
            .interaction
            .focus
            .and_then(|f| order.iter().position(|&i| i == f))
        {
            Some(at) => (at as i64 + delta as i64).rem_euclid(n),
            None if delta >= 0 => 0,
            None => n - 1,
        };
        self.interaction.focus = Some(order[next as usize]);
        self.show_in_legend(order[next as usize]);
        self.interaction.focus
    }

    /// The drawn order of the items (the legend's for a pie, largest first for bars): the layout's, or
    /// before the next layout (a level just opened by a key) the order that layout will have.
    fn keyboard_order(&self) -> Vec<usize> {
        match (&self.layout, self.kind) {
            (Some(layout), _) => layout.keyboard_order(),
            (None, ChartKind::Bar) => super::bar::sorted_items(&self.view),
            (None, _) => (0..self.view.items.len()).collect(),
        }
    }

    /// Draws everything `zoom` times larger (clamped to [`ZOOM_RANGE`]): the chart is laid out in a
    /// box `zoom` times smaller and painted `zoom` times larger, so text, rows and targets grow.
    pub fn set_zoom(&mut self, zoom: f64) {
        let (low, high) = ZOOM_RANGE;
        let zoom = if zoom.is_finite() {
            zoom.clamp(low, high)
        } else {
            low
        };
        // The element sets the zoom before every draw: only a new zoom drops the cached layout, so a hover
        // repaints without laying the chart out again.
        if zoom != self.zoom {
            self.zoom = zoom;
            self.layout = None;
        }
    }

    /// Zooms with the widget's font size in CSS pixels: the chart's text is 12 px at the widget's
    /// default 14 px and grows with the page's font size and the large mode (not a number: no zoom).
    pub fn set_font_size(&mut self, px: f64) {
        self.set_zoom(px / 14.0);
    }

    pub fn zoom(&self) -> f64 {
        self.zoom
    }

    pub fn set_theme(&mut self, theme: ThemeName) {
        if theme != self.theme_name {
            self.theme_name = theme;
            self.mend_theme();
        }
    }

    /// The page's colours (its `--bl-*` custom properties), laid over the theme with contrast mended.
    pub fn set_page_colors(&mut self, colors: PageColors) {
        if colors != self.page_colors {
            self.page_colors = colors;
            self.mend_theme();
        }
    }

    /// The theme with the page's colours laid over it; mending contrast is work, so only on a change.
    fn mend_theme(&mut self) {
        self.theme = self.theme_name.theme().with_page_colors(&self.page_colors);
        self.still_revision = self.still_revision.wrapping_add(1);
    }

    /// Changes with every new layout and theme: what the still part of the drawing depends on besides
    /// the pixel size (see `render::Part::Still`).
    pub fn still_revision(&self) -> u64 {
        self.still_revision
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The height the chart wants at `width`, both in CSS pixels of the page.
    pub fn preferred_height(&self, width: f64) -> f64 {
        preferred_height(&self.view, self.kind, width / self.zoom) * self.zoom
    }

    /// Lays the chart out for a box of `width` × `height` CSS pixels of the page and keeps it for
    /// hit-testing. The layout's own pixels are the page's divided by the zoom.
    pub fn layout(&mut self, width: f64, height: f64) -> &Layout {
        let size = (width / self.zoom, height / self.zoom);
        let laid_out = layout(
            &self.view,
            self.kind,
            size.0,
            size.1,
            &self.interaction,
            self.report.year,
            self.lang,
        );
        self.layout_size = size;
        self.still_revision = self.still_revision.wrapping_add(1);
        self.layout.insert(laid_out)
    }

    /// Lays the chart out as [`Explorer::layout`] does unless the layout kept is for this very box: the
    /// layout changes only with the data shown, the size, the zoom, hidden items and the legend's page,
    /// and each of those drops it; a hover or a step of its transition keeps it.
    pub fn layout_for(&mut self, width: f64, height: f64) -> &Layout {
        let size = (width / self.zoom, height / self.zoom);
        match self.layout.take() {
            Some(kept) if self.layout_size == size => self.layout.insert(kept),
            _ => self.layout(width, height),
        }
    }

    pub fn last_layout(&self) -> Option<&Layout> {
        self.layout.as_ref()
    }

    /// Width and height of the last layout in its own pixels (the page's divided by the zoom).
    pub fn layout_size(&self) -> (f64, f64) {
        self.layout_size
    }

    /// What is at (`x`, `y`) CSS pixels of the page.
    pub fn hit(&self, x: f64, y: f64) -> Option<Hit> {
        let z = self.zoom;
        self.layout.as_ref()?.hit(Point::new(x / z, y / z))
    }

    /// Where a tooltip for item `index` points, in CSS pixels of the page.
    pub fn anchor_of(&self, index: usize) -> Option<Point> {
        let p = self.layout.as_ref()?.anchor_of(index)?;
        Some(Point::new(p.x * self.zoom, p.y * self.zoom))
    }

    /// Where a `w` × `h` tooltip for item `index` goes in a `box_w` × `box_h` chart (CSS pixels of the
    /// page): inside the box, clear of the part it describes.
    pub fn tip_position(&self, index: usize, tip: (f64, f64), bounds: (f64, f64)) -> Option<Point> {
        let z = self.zoom;
        let at = super::tooltip::tip_position(
            self.layout.as_ref()?,
            index,
            (tip.0 / z, tip.1 / z),
            (bounds.0 / z, bounds.1 / z),
        )?;
        Some(Point::new(at.x * z, at.y * z))
    }

    pub fn snapshot(&self) -> Snapshot<'_> {
        let (errors, warnings, notes) = counts(&self.findings);
        let can_go_up = parent_path(&self.view.path).is_some();
        Snapshot {
            title: &self.report.title,
            entity: &self.report.entity,
            chart: self.kind.name(),
            view: &self.view,
            breadcrumb: self.breadcrumb(),
            crumbs_label: crumbs_label(&self.view.label, self.lang),
            description: self.view.description(),
            badge: findings_badge(errors, warnings, notes, self.lang),
            badge_severity: [(errors, "error"), (warnings, "warning"), (notes, "note")]
                .into_iter()
                .find(|&(count, _)| count > 0)
                .map_or("none", |(_, severity)| severity),
            can_go_up,
            columns: super::table::table_columns(&self.view, can_go_up),
            total_text: self.view.total_with_yi(),
            findings: self.finding_entries(),
            table_order: match self.kind {
                ChartKind::Bar => super::bar::sorted_items(&self.view),
                _ => (0..self.view.items.len()).collect(),
            },
        }
    }

    pub fn finding_entries(&self) -> Vec<FindingEntry> {
        self.findings
            .iter()
            .map(|f| FindingEntry {
                severity: f.severity,
                severity_word: f.severity.word(self.lang),
                rule: f.rule.name(),
                path: f.path.clone(),
                label: f.label.clone(),
                message: f.message(self.lang),
                navigable: self.report.node_at(&f.path).is_some(),
            })
            .collect()
    }

    pub fn selection(&self, index: usize) -> Option<Selection> {
        let item = self.view.items.get(index)?;
        Some(Selection {
            path: item.path.clone(),
            label: item.label.clone(),
            amount: text(item.amount),
            share: item.share.map(text),
        })
    }

    /// The tooltip's lines for item `index` (none when there is no such item).
    pub fn tip_lines(&self, index: usize) -> Vec<TipLine> {
        self.view
            .items
            .get(index)
            .map_or_else(Vec::new, |item| tip_lines(item, self.lang))
    }

    /// The name of an exported file of the level shown: its path with letters, digits (`is_word_char`),
    /// `_` and `-` kept and every other run of characters made one `_`.
    pub fn file_name(&self, extension: &str) -> String {
        let path = match self.view.path.as_str() {
            "" => "budget",
            path => path,
        };
        let mut name = String::new();
        let mut kept = true;
        for c in path.chars() {
            if is_word_char(c) || c == '_' || c == '-' {
                name.push(c);
                kept = true;
            } else if kept {
                name.push('_');
                kept = false;
            }
        }
        format!("{name}.{extension}")
    }

    pub fn strings(&self) -> super::strings::UiStrings {
        ui_strings(self.lang)
    }
}

/// The breakdown a path belongs to (its first segment).
fn root_of(path: &str) -> &str {
    path.split('/').next().unwrap_or_default()
}

/// `层级路径：一般公共预算财政拨款支出` / `Path: …`: names the breadcrumb by the level shown.
fn crumbs_label(level: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("层级路径：{level}"),
        Lang::En => format!("Path: {level}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::report;
    use budget_lens_core::report::parse_report;

    fn explorer(kind: ChartKind) -> Explorer {
        Explorer::new(report(), "", kind, Lang::Zh).unwrap()
    }

    #[test]
    fn a_hover_eases_in_quickly_at_first_and_asks_for_frames_until_done() {
        let mut e = explorer(ChartKind::Donut);
        e.set_hover(Some(1));
        let pending = |e: &mut Explorer, ms: f64| {
            let more = e.ease_hover(ms);
            (e.interaction.hover_pending, more)
        };
        assert_eq!(pending(&mut e, 0.0), (100, true));
        // Ease-out: after a third of the time, 100·(2/3)² ≈ 44 % is still to come.
        assert_eq!(pending(&mut e, 50.0), (44, true));
        assert_eq!(
            pending(&mut e, 140.0),
            (0, false),
            "within half a percent: done"
        );
        assert_eq!(pending(&mut e, HOVER_EASE_MS), (0, false));
        assert_eq!(
            pending(&mut e, -5.0),
            (100, true),
            "a clock that went back starts again"
        );
        assert_eq!(pending(&mut e, 1e9), (0, false));
    }

    #[test]
    fn the_layout_and_the_still_part_stay_until_what_they_show_changes() {
        let mut e = explorer(ChartKind::Donut);
        e.layout_for(600.0, 360.0);
        let still = e.still_revision();
        // A hover, its transition and the focus change neither.
        e.set_hover(Some(1));
        e.set_hover_pending(40);
        e.set_focus(Some(0));
        e.layout_for(600.0, 360.0);
        assert_eq!(e.still_revision(), still);
        // A new size, a hidden item, a new theme or zoom do.
        let changes: [fn(&mut Explorer); 4] = [
            |e| {
                e.layout_for(640.0, 360.0);
            },
            |e| e.toggle_hidden(0),
            |e| e.set_theme(ThemeName::Dark),
            |e| e.set_zoom(1.5),
        ];
        for change in changes {
            let before = e.still_revision();
            change(&mut e);
            e.layout_for(640.0, 360.0);
            assert_ne!(e.still_revision(), before);
        }
        let Some(Layout::Pie(pie)) = e.last_layout() else {
            panic!("a pie")
        };
        assert_eq!(pie.slices.len(), 1, "the hidden item's slice is gone");
    }

    #[test]
    fn drilling_down_and_back_up_keeps_the_place() {
        let mut e = explorer(ChartKind::Pie);
        assert!(!e.drill(1), "项目支出 has no items");
        assert!(e.drill(0));
        assert_eq!(e.view().path, "expenditure/basic");
        assert!(e.snapshot().can_go_up);
        assert!(e.up());
        assert_eq!(e.view().path, "expenditure");
        assert_eq!(
            e.interaction().focus,
            Some(0),
            "focus returns to where we came from"
        );
        assert!(!e.up());
    }

    #[test]
    fn the_table_follows_the_bar_charts_order() {
        let json = r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[
          {"id":"e","label":"支出","amount":"10.00","items":[
            {"id":"a","label":"甲","amount":"2.00"},{"id":"b","label":"乙","amount":"5.00"},
            {"id":"c","label":"丙","amount":"3.00"}]}]}"#;
        let mut e =
            Explorer::new(parse_report(json).unwrap(), "", ChartKind::Pie, Lang::Zh).unwrap();
        assert_eq!(
            e.snapshot().table_order,
            vec![0, 1, 2],
            "report order beside a pie"
        );
        e.set_kind(ChartKind::Bar);
        assert_eq!(
            e.snapshot().table_order,
            vec![1, 2, 0],
            "largest first beside a bar chart"
        );
    }

    #[test]
    fn arrow_keys_follow_the_drawn_order_and_wrap() {
        let mut e = explorer(ChartKind::Bar);
        e.layout(600.0, 200.0);
        assert_eq!(e.move_focus(1), Some(0));
        assert_eq!(e.move_focus(1), Some(1));
        assert_eq!(e.move_focus(1), Some(0));
        assert_eq!(e.move_focus(-1), Some(1));
    }

    #[test]
    fn the_last_visible_slice_cannot_be_hidden() {
        let mut e = explorer(ChartKind::Pie);
        e.toggle_hidden(0);
        e.toggle_hidden(1);
        assert_eq!(e.interaction().hidden, [true, false]);
        e.toggle_hidden(0);
        assert_eq!(e.interaction().hidden, [false, false]);
        e.toggle_hidden(7); // out of range: nothing
    }

    #[test]
    fn revealing_a_finding_opens_its_parent_and_focuses_it() {
        let json = r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[
          {"id":"e","label":"支出","amount":"10.00","items":[
            {"id":"a","label":"甲","amount":"6.00","items":[
               {"id":"x","label":"子一","amount":"3.00"},{"id":"y","label":"子二","amount":"2.00"}]},
            {"id":"b","label":"乙","amount":"4.00"}]}]}"#;
        let mut e =
            Explorer::new(parse_report(json).unwrap(), "", ChartKind::Pie, Lang::Zh).unwrap();
        let entries = e.finding_entries();
        let sum = entries
            .iter()
            .find(|f| f.rule == "sum")
            .expect("6.00 ≠ 3.00 + 2.00");
        assert_eq!(sum.severity, Severity::Error);
        assert!(sum.navigable);
        assert_eq!(
            e.view().items[0].mark,
            Some(Severity::Error),
            "marked in the chart"
        );
        let snapshot = e.snapshot();
        assert_eq!(snapshot.badge, "数据核对：1 处错误");
        e.open("e/a").unwrap();
        assert!(e.reveal("e/a"));
        assert_eq!(e.view().path, "e");
        assert_eq!(e.interaction().focus, Some(0));
        assert!(!e.reveal("nowhere"));
    }

    #[test]
    fn a_finding_in_another_breakdown_keeps_the_way_back() {
        let json = r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[
          {"id":"income","label":"收入总计","amount":"10.00","items":[{"id":"a","label":"甲","amount":"10.00"}]},
          {"id":"spending","label":"支出总计","amount":"10.00","items":[
            {"id":"b","label":"乙","amount":"6.00","items":[{"id":"x","label":"子","amount":"5.00"}]},
            {"id":"c","label":"丙","amount":"4.00"}]}]}"#;
        let mut e = Explorer::new(
            parse_report(json).unwrap(),
            "income",
            ChartKind::Pie,
            Lang::Zh,
        )
        .unwrap();
        assert_eq!(e.breadcrumb().len(), 1);
        assert_eq!(e.snapshot().crumbs_label, "层级路径：收入总计");
        assert!(e.reveal("spending/b/x"));
        let crumbs = e.breadcrumb();
        let labels: Vec<_> = crumbs
            .iter()
            .map(|c| (c.label.as_str(), c.origin))
            .collect();
        assert_eq!(
            labels,
            [("收入总计", true), ("支出总计", false), ("乙", false)]
        );
        // Going up inside the other breakdown keeps the way back; opening it returns and forgets it.
        assert!(e.up());
        assert!(e.breadcrumb()[0].origin);
        e.open("income").unwrap();
        assert_eq!(e.breadcrumb().len(), 1);
        assert!(!e.breadcrumb()[0].origin);
        // A finding in the same breakdown needs no way back.
        assert!(e.reveal("income/a"));
        assert!(e.breadcrumb().iter().all(|c| !c.origin));
    }

    #[test]
    fn relation_findings_are_listed_but_lead_nowhere() {
        let json = r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[
          {"id":"income","label":"收入","amount":"10.00","items":[{"id":"a","label":"甲","amount":"10.00"}]},
          {"id":"spending","label":"支出","amount":"9.00","items":[{"id":"b","label":"乙","amount":"9.00"}]}],
          "relations":[{"id":"balance","label":"收支平衡","left":["income"],"right":["spending"]}]}"#;
        let mut e =
            Explorer::new(parse_report(json).unwrap(), "", ChartKind::Pie, Lang::En).unwrap();
        let entries = e.finding_entries();
        let relation = entries
            .iter()
            .find(|f| f.rule == "relation")
            .expect("10.00 ≠ 9.00");
        assert!(!relation.navigable);
        assert!(!relation.message.is_empty());
        assert!(!e.reveal(&relation.path));
        assert_eq!(e.view().path, "income", "the view stays");
    }

    #[test]
    fn a_selection_carries_exact_figures() {
        let e = explorer(ChartKind::Pie);
        let s = e.selection(0).unwrap();
        assert_eq!(
            (s.path.as_str(), s.amount.as_str(), s.share.as_deref()),
            ("expenditure/basic", "897.05", Some("57.87"))
        );
        assert!(e.selection(9).is_none());
    }

    #[test]
    fn zoom_scales_layout_hits_and_anchors() {
        let mut e = explorer(ChartKind::Bar);
        let plain = e.preferred_height(600.0);
        e.layout(600.0, plain);
        let anchor = e.anchor_of(0).unwrap();
        e.set_zoom(2.0);
        let large = e.preferred_height(600.0);
        assert!(large > plain * 1.5, "{plain} → {large}");
        e.layout(600.0, large);
        assert_eq!(e.layout_size(), (300.0, large / 2.0));
        let zoomed = e.anchor_of(0).unwrap();
        assert!(zoomed.y > anchor.y, "rows grow");
        // The anchor of a bar is on the bar: hitting it there finds the item.
        assert_eq!(e.hit(zoomed.x - 2.0, zoomed.y), Some(Hit::Item(0)));
        // Rows are targets: 44 px, and 60 px or more in the large mode (20 px text instead of 14 px).
        for (zoom, least) in [(1.0, 44.0), (20.0 / 14.0, 60.0)] {
            e.set_zoom(zoom);
            let height = e.preferred_height(600.0);
            let Some(Layout::Bar(bars)) = Some(e.layout(600.0, height).clone()) else {
                panic!("bars")
            };
            assert!(bars.rows.iter().all(|r| r.band.h * zoom >= least), "{zoom}");
        }
        e.set_zoom(f64::NAN);
        assert_eq!(e.zoom(), 1.0);
        e.set_zoom(9.0);
        assert_eq!(e.zoom(), ZOOM_RANGE.1);
    }

    #[test]
    fn the_keyboard_reaches_hidden_slices_to_show_them_again() {
        let mut e = explorer(ChartKind::Pie);
        e.toggle_hidden(1);
        e.layout(600.0, 360.0);
        assert_eq!(e.move_focus(1), Some(0));
        assert_eq!(e.move_focus(1), Some(1), "the hidden item is next");
        assert!(e.anchor_of(1).is_some(), "its legend row");
        e.toggle_hidden(1);
        assert!(!e.interaction().hidden[1]);
    }

    #[test]
    fn the_pie_button_returns_to_the_round_chart_last_shown() {
        let mut e = explorer(ChartKind::Donut);
        e.set_kind(e.kind_named("bar"));
        assert_eq!(e.kind_named("round"), ChartKind::Donut);
        e.set_kind(e.kind_named("pie"));
        e.set_kind(e.kind_named("bar"));
        assert_eq!(e.kind_named("round"), ChartKind::Pie);
        assert_eq!(explorer(ChartKind::Bar).kind_named("round"), ChartKind::Pie);
        e.set_font_size(20.0);
        assert_eq!(e.zoom(), 20.0 / 14.0);
        e.set_font_size(f64::NAN);
        assert_eq!(e.zoom(), 1.0, "an unreadable font size: the base size");
    }

    #[test]
    fn themes_are_chosen_by_name() {
        let mut e = explorer(ChartKind::Pie);
        assert_eq!(e.theme(), &Theme::LIGHT);
        e.set_theme(ThemeName::Dark);
        assert_eq!(e.theme(), &Theme::DARK);
    }
}
