//! The browser front end: thin wasm-bindgen exports around [`Explorer`]. The only module that knows
//! about JS. The report arrives as its bytes and is parsed here (amounts stay exact, invalid UTF-8 is
//! named as such); every export
//! returns errors instead of panicking, and state goes back to JS as JSON text (written by hand,
//! `budget_lens_chart::json`) with amounts as strings.

// The widget exists only in the browser: natively this crate is empty (the workspace still builds and
// tests everything else with one `cargo test`).
//
// The exports are described in `//` comments, not `///`: wasm-bindgen copies doc comments into the JS
// glue as JSDoc, which a page would download (1.9 KB gzip, bench/RESULTS.md).
#![cfg(target_arch = "wasm32")]

mod canvas;

// The allocator: talc (its WebAssembly set-up, the heap extended by `memory.grow`) instead of the standard
// library's dlmalloc: 2.9 KB gzip smaller (bench/RESULTS.md, session 9 `size3`). Realloc in place left out
// (the `disable-realloc-in-place` feature): a grown block is moved, as a `Vec` does past its capacity anyway.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use canvas::Canvas;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use budget_lens_chart::colors::PageColors;
use budget_lens_chart::csv::level_csv;
use budget_lens_chart::explorer::{
    file_json, tip_lines_json, words_json, Changed, Explorer, FocusEvent,
};
use budget_lens_chart::palette::ThemeName;
use budget_lens_chart::render::{draw_part, to_svg, Part, Scene};
use budget_lens_chart::strings::ui_strings;
use budget_lens_chart::ChartKind;
use budget_lens_core::report::{parse_report_bytes, Problem, ReportError, MAX_BYTES};
use budget_lens_core::Lang;

// One widget's chart: a report, the reader's place in it, and the last layout drawn.
#[wasm_bindgen]
pub struct Widget {
    explorer: Explorer,
    lang: Lang,
    // What the still layer (the element's off-page canvas) was last painted for: the explorer's still
    // revision, the scale and the pixel size.
    still_painted: Option<StillKey>,
}

type StillKey = (u64, f64, u32, u32);

// The widget's UI strings in `lang` (`zh-CN`, `en`…) as JSON, for messages shown before or without a report.
#[wasm_bindgen(js_name = uiStrings, skip_jsdoc)]
pub fn ui_strings_json(lang: &str) -> String {
    words_json(&ui_strings(Lang::from_tag(lang)).words())
}

// The largest report accepted, in bytes: JS stops reading a report past it.
#[wasm_bindgen(js_name = maxReportBytes, skip_jsdoc)]
pub fn max_report_bytes() -> f64 {
    MAX_BYTES as f64
}

// The message for a report that JS stopped reading after `bytes` bytes, in `lang`.
#[wasm_bindgen(js_name = reportTooLarge, skip_jsdoc)]
pub fn report_too_large(bytes: f64, lang: &str) -> String {
    let problem = Problem::TooLarge {
        bytes: bytes as usize,
        limit: MAX_BYTES,
    };
    let error = ReportError {
        problem,
        path: "$".into(),
        line: 1,
        column: 1,
    };
    error.message(Lang::from_tag(lang))
}

#[wasm_bindgen]
impl Widget {
    // Parses the report's bytes (UTF-8 JSON) and opens `view` (empty: the first breakdown) as `chart`
    // (pie, donut, bar). The error message is in `lang`.
    #[wasm_bindgen(constructor, skip_jsdoc)]
    pub fn new(report: &[u8], view: &str, chart: &str, lang: &str) -> Result<Widget, JsError> {
        let lang = Lang::from_tag(lang);
        let report = parse_report_bytes(report).map_err(|e| JsError::new(&e.message(lang)))?;
        let explorer = Explorer::new(report, view, ChartKind::from_name(chart), lang)
            .map_err(|e| JsError::new(&e.message(lang)))?;
        Ok(Widget {
            explorer,
            lang,
            still_painted: None,
        })
    }

    // Title, breadcrumb, the level's items with every figure as text, the table's columns, order and
    // total, the badge and its severity, the findings with their messages: everything around the chart,
    // read once per new level or chart (JSON written by `explorer/wire.rs`).
    #[wasm_bindgen(skip_jsdoc)]
    pub fn state(&self) -> String {
        self.explorer.snapshot().to_json()
    }

    // Shows the node at `path`. Like every event below, answers what changed (`Changed` as JSON).
    #[wasm_bindgen(skip_jsdoc)]
    pub fn open(&mut self, path: &str) -> Result<String, JsError> {
        let before = self.explorer.place();
        self.explorer
            .open(path)
            .map_err(|e| JsError::new(&e.message(self.lang)))?;
        Ok(self.explorer.moved_from(before).to_json())
    }

    // Shows the node of a finding with the focus on it; nothing changes when the path names no node.
    #[wasm_bindgen(skip_jsdoc)]
    pub fn reveal(&mut self, path: &str) -> String {
        self.explorer.reveal_focused(path).to_json()
    }

    // Shows the level as `chart` (pie, donut, bar; `round`: the pie or donut last shown or asked for).
    #[wasm_bindgen(js_name = setChart, skip_jsdoc)]
    pub fn set_chart(&mut self, chart: &str) -> String {
        let before = self.explorer.place();
        self.explorer.set_kind(self.explorer.kind_named(chart));
        self.explorer.moved_from(before).to_json()
    }

    // A key pressed on the chart, by its `KeyboardEvent.key` name (the keyboard map is the core's).
    #[wasm_bindgen(skip_jsdoc)]
    pub fn key(&mut self, name: &str) -> String {
        self.explorer.key(name).to_json()
    }

    // The chart got (`in`) or lost (`out`) the keyboard focus, or a pointer pressed it (`press`).
    #[wasm_bindgen(skip_jsdoc)]
    pub fn focus(&mut self, how: &str) -> String {
        let changed = match FocusEvent::from_name(how) {
            Some(event) => self.explorer.focus_event(event),
            None => Changed::default(),
        };
        changed.to_json()
    }

    // A click at (`x`, `y`) CSS pixels (`touch`: a finger's tap): the legend's page turner and rows act,
    // an item is selected and opened (a tap shows its tooltip first).
    #[wasm_bindgen(skip_jsdoc)]
    pub fn click(&mut self, x: f64, y: f64, touch: bool) -> String {
        self.explorer.click(x, y, touch).to_json()
    }

    // The tooltip of item `index` as `[kind, text]` lines (`title`, `figure`, `hint`, or a finding's
    // severity); none for an item that is not there.
    #[wasm_bindgen(skip_jsdoc)]
    pub fn tip(&self, index: usize) -> String {
        tip_lines_json(&self.explorer.tip_lines(index))
    }

    // The hover's emphasis `elapsedMs` after the hover began (the core's ease-out); true while a later
    // frame still changes it.
    #[wasm_bindgen(js_name = easeHover, skip_jsdoc)]
    pub fn ease_hover(&mut self, elapsed_ms: f64) -> bool {
        self.explorer.ease_hover(elapsed_ms)
    }

    // The look of the next drawing — `theme` (`light`, `dark`, `contrast`…), the page's colours
    // (`name:#rrggbb` pairs: background, text, muted_text, focus, error, warning, `series:#…,#…`, each
    // mended to keep its contrast), the widget's font size in CSS pixels (the chart zooms with it) —
    // and the height the chart wants at `width`, in CSS pixels.
    #[wasm_bindgen(skip_jsdoc)]
    pub fn look(&mut self, theme: &str, colors: &str, font_px: f64, width: f64) -> f64 {
        self.explorer.set_theme(ThemeName::from_name(theme));
        self.explorer.set_page_colors(PageColors::parse(colors));
        self.explorer.set_font_size(font_px);
        self.explorer.preferred_height(width)
    }

    // Draws onto `canvas` (whose backing store is `dpr` times `width` × `height` CSS pixels). The still
    // part of the chart (nothing hovered or focused) is kept on `layer`, an off-page canvas (the same one
    // on every call, never read by anything else), repainted only when the layout, theme or pixel size
    // changed; a drawing is a copy of it with the hover's and
    // focus's emphasis painted over. The layout is redone only when its box, data or zoom changed.
    #[wasm_bindgen(skip_jsdoc)]
    pub fn draw(
        &mut self,
        canvas: HtmlCanvasElement,
        layer: HtmlCanvasElement,
        width: f64,
        height: f64,
        dpr: f64,
    ) -> Result<(), JsError> {
        let dpr = if dpr.is_finite() && dpr > 0.0 {
            dpr
        } else {
            1.0
        };
        self.explorer.layout_for(width.max(1.0), height.max(1.0));
        let scale = dpr * self.explorer.zoom();
        let wanted = (
            self.explorer.still_revision(),
            scale,
            canvas.width(),
            canvas.height(),
        );
        if self.still_painted != Some(wanted) {
            self.still_painted = None;
            layer.set_width(wanted.2);
            layer.set_height(wanted.3);
            self.paint(layer.clone(), scale, Part::Still)?;
            self.still_painted = Some(wanted);
        }
        let copied = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
            .is_some_and(|context| {
                let copy = context.draw_image_with_html_canvas_element(&layer, 0.0, 0.0);
                copy.is_ok()
            });
        // A layer that cannot be copied (an empty canvas): the whole chart is painted directly.
        let part = if copied { Part::Emphasis } else { Part::Whole };
        self.paint(canvas, scale, part)
    }

    // Paints `part` of the laid-out chart onto `canvas` at `scale` device pixels per layout pixel.
    fn paint(&self, canvas: HtmlCanvasElement, scale: f64, part: Part) -> Result<(), JsError> {
        let mut backend =
            Canvas::new(canvas).ok_or_else(|| JsError::new("canvas 2d context unavailable"))?;
        let explorer = &self.explorer;
        let layout = explorer
            .last_layout()
            .ok_or_else(|| JsError::new("no layout"))?;
        let scene = Scene {
            view: explorer.view(),
            layout,
            interaction: explorer.interaction(),
            theme: explorer.theme(),
        };
        draw_part(&mut backend, &scene, scale, part).map_err(|e| JsError::new(&e.to_string()))
    }

    // An exported file of the level shown, `png`, `svg` or `csv`, as JSON `[name, text]`: the SVG of
    // the chart as last drawn (report text escaped), the level as CSV (with its byte-order mark, figures
    // exact), no text for a PNG (the element takes it from the canvas).
    #[wasm_bindgen(skip_jsdoc)]
    pub fn file(&self, kind: &str) -> Result<String, JsError> {
        let text = match kind {
            "svg" => self.svg()?,
            "csv" => level_csv(self.explorer.view()),
            _ => String::new(),
        };
        Ok(file_json(&self.explorer.file_name(kind), &text))
    }

    // A pointer moved to (`x`, `y`) CSS pixels (`touch`: a finger, which hovers nothing). One call per
    // move, packed into one number so that nothing is allocated: bit 0 — a click there does something
    // (the hand cursor); bit 1 — the hover changed (repaint, new tooltip); the bits above — the hovered
    // item plus one (0: none).
    #[wasm_bindgen(skip_jsdoc)]
    pub fn pointer(&mut self, x: f64, y: f64, touch: bool) -> u32 {
        let pointed = self.explorer.pointer(x, y, touch);
        let hover = pointed
            .hover
            .map_or(0, |i| u32::try_from(i + 1).unwrap_or(0));
        (hover << 2) | (u32::from(pointed.changed) << 1) | u32::from(pointed.clickable)
    }

    // Where a tooltip `w` × `h` CSS pixels large for item `index` goes in the chart's `box_w` × `box_h`
    // box: `[x, y]` of its top-left corner, empty when the item is not drawn.
    #[wasm_bindgen(js_name = tipPosition, skip_jsdoc)]
    pub fn tip_position(&self, index: usize, w: f64, h: f64, box_w: f64, box_h: f64) -> Vec<f64> {
        self.explorer
            .tip_position(index, (w, h), (box_w, box_h))
            .map_or_else(Vec::new, |p| vec![p.x, p.y])
    }
}

impl Widget {
    /// The chart as last drawn, as an SVG document (report text escaped).
    fn svg(&self) -> Result<String, JsError> {
        let explorer = &self.explorer;
        let layout = explorer
            .last_layout()
            .ok_or_else(|| JsError::new("no layout"))?;
        let (width, height) = explorer.layout_size();
        let scene = Scene {
            view: explorer.view(),
            layout,
            interaction: explorer.interaction(),
            theme: explorer.theme(),
        };
        to_svg(&scene, width.round() as u32, height.round() as u32)
            .map_err(|e| JsError::new(&e.to_string()))
    }
}
