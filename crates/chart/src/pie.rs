//! Pie and donut layout: slices, outside labels that never overlap (small slices are labelled in the
//! legend only), leader lines, the legend, and the total in the donut's centre.

use std::f64::consts::TAU;

use super::format;
use super::geometry::{sin_cos, Point, Rect};
use super::legend::{legend_entries, LegendEntry, LEGEND_ROW};
use super::pattern::{hatch, pattern_of, Area, Segment, HATCH_SPACING};
use super::text::{fit_text, text_width, wrap_text};
use super::view::ChartView;
use budget_lens_core::word::has_char;
use budget_lens_core::Lang;

pub const LABEL_FONT: f64 = 12.0;
pub const LABEL_LINE: f64 = 16.0;
/// Slices smaller than this fraction of the visible total are labelled in the legend only.
const MIN_LABELLED_FRACTION: f64 = 0.03;
const PAD: f64 = 10.0;
/// The least width beside the pie kept for outside labels.
const MIN_LABEL_ROOM: f64 = 76.0;
const MAX_RADIUS: f64 = 200.0;
/// A label name cut shorter than this is left to the legend.
const MIN_NAME_CHARS: usize = 4;
/// Width from which the legend sits beside the pie rather than below it.
const WIDE: f64 = 560.0;

#[derive(Debug, Clone, PartialEq)]
pub struct PieLayout {
    pub center: Point,
    pub radius: f64,
    /// 0 for a pie, > 0 for a donut.
    pub inner_radius: f64,
    pub slices: Vec<Slice>,
    pub labels: Vec<SliceLabel>,
    pub legend: Vec<LegendEntry>,
    /// The legend's page turner, when the legend below the pie has more items than rows.
    pub pager: Option<Box<Pager>>,
    /// How many items the level has (the keyboard walks them all, whatever the legend's page).
    pub item_count: usize,
    pub label_style: LabelStyle,
    /// The finding marks of the slices: on a slice wide enough, else just outside its rim.
    pub marks: Vec<super::Mark>,
    /// The two lines in the donut's hole: `合计` and the total with its unit.
    pub center_text: Option<CenterText>,
}

/// The caption and total written in a donut's hole, the total at the largest size that fits.
#[derive(Debug, Clone, PartialEq)]
pub struct CenterText {
    pub caption: String,
    pub caption_at: Point,
    /// The total (exact, as printed) on one line, or where the hole is too narrow for that, its figure
    /// and its unit on lines of their own; each line with its centre.
    pub total: Vec<(String, Point)>,
    pub total_font: f64,
    /// The level's own finding mark, beside the caption above the total it concerns.
    pub mark: Option<(budget_lens_core::check::Severity, Point)>,
}

/// A visible slice of item `item`, from angle `start` to `end` (clockwise from 12 o'clock), with its
/// hatching clipped to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    pub item: usize,
    pub start: f64,
    pub end: f64,
    /// The item's hatch strokes inside the slice, kept off its rims (see [`slice_hatch`]).
    pub hatch: Vec<Segment>,
}

impl Slice {
    pub fn mid(&self) -> f64 {
        (self.start + self.end) / 2.0
    }
}

/// How every outside label of one chart is written, decided once per chart so that labels never mix
/// styles: names and shares on one line, names over two lines (cut with "…" only past the second), or
/// shares alone (the names are in the legend) where not even two lines hold a readable name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelStyle {
    OneLine,
    TwoLines,
    SharesOnly,
}

impl LabelStyle {
    fn lines(self) -> usize {
        match self {
            LabelStyle::TwoLines => 2,
            _ => 1,
        }
    }
}

/// An outside label: its lines, where they are written, which way they run, and its leader line.
#[derive(Debug, Clone, PartialEq)]
pub struct SliceLabel {
    pub item: usize,
    /// One or two lines (the chart's [`LabelStyle`]).
    pub lines: Vec<String>,
    /// Left end (right side) or right end (left side) of the text, at the text's vertical centre.
    pub anchor: Point,
    pub right_side: bool,
    /// The text's box, for overlap checks.
    pub bounds: Rect,
    /// Rim → elbow → next to the text.
    pub leader: [Point; 3],
}

/// Preferred height of a pie of `items` items at `width`.
pub fn preferred_height(width: f64, items: usize) -> f64 {
    if width >= WIDE {
        (items as f64 * LEGEND_ROW + 2.0 * PAD).clamp(320.0, 560.0)
    } else {
        (width * 0.8).clamp(220.0, 320.0) + legend_rows(items) as f64 * LEGEND_ROW + 2.0 * PAD
    }
}

/// Rows of a legend below the pie (narrow screens): at most [`NARROW_LEGEND_ROWS`], the last of them the
/// pager when the items do not fit, so that a long legend never pushes the chart off a phone's screen.
pub const NARROW_LEGEND_ROWS: usize = 5;

fn legend_rows(items: usize) -> usize {
    items.min(NARROW_LEGEND_ROWS)
}

/// Items per legend page below the pie: every row but the pager's.
fn per_page(items: usize) -> usize {
    if items > NARROW_LEGEND_ROWS {
        NARROW_LEGEND_ROWS - 1
    } else {
        items.max(1)
    }
}

/// The page of the legend below the pie that shows item `index`.
pub fn page_of(items: usize, index: usize) -> usize {
    index / per_page(items)
}

/// How many pages the legend below the pie has.
pub fn pages(items: usize) -> usize {
    items.div_ceil(per_page(items)).max(1)
}

/// The legend's page turner below the pie: previous and next targets and "2/3" between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Pager {
    pub prev: Rect,
    pub next: Rect,
    pub text: String,
    pub text_at: Point,
}

pub fn layout(
    view: &ChartView,
    width: f64,
    height: f64,
    donut: bool,
    hidden: &[bool],
    lang: Lang,
) -> PieLayout {
    layout_paged(view, width, height, donut, hidden, 0, lang)
}

/// [`layout`] with the legend below the pie on `page` (wide layouts have no pages).
pub fn layout_paged(
    view: &ChartView,
    width: f64,
    height: f64,
    donut: bool,
    hidden: &[bool],
    page: usize,
    lang: Lang,
) -> PieLayout {
    let n = view.items.len();
    let (pie_area, legend_area) = areas(width, height, n);
    // The pie as large as the height allows while leaving each side room for labels; labels get
    // whatever width the pie leaves.
    let label_room = (pie_area.w * 0.25).clamp(MIN_LABEL_ROOM, 170.0);
    let radius = ((pie_area.w - 2.0 * label_room) / 2.0)
        .min(pie_area.h / 2.0 - 2.0 * PAD)
        .clamp(30.0, MAX_RADIUS);
    let center = Point::new(pie_area.x + pie_area.w / 2.0, pie_area.y + pie_area.h / 2.0);
    let inner_radius = if donut { radius * 0.58 } else { 0.0 };
    let mut slices = visible_slices(view, hidden);
    for slice in &mut slices {
        slice.hatch = slice_hatch(slice, center, inner_radius, radius);
    }
    let (labels, label_style) = place_labels(view, &slices, center, radius, pie_area);
    let (legend, pager) = if width < WIDE && n > NARROW_LEGEND_ROWS {
        legend_page(view, legend_area, hidden, page)
    } else {
        (legend_entries(view, legend_area, hidden, 0..n), None)
    };
    let marks = slice_marks(view, &slices, center, inner_radius, radius);
    let center_text = if donut {
        center_text(view, center, inner_radius, lang)
    } else {
        None
    };
    PieLayout {
        center,
        radius,
        inner_radius,
        slices,
        labels,
        legend,
        pager,
        item_count: n,
        label_style,
        marks,
        center_text,
    }
}

/// The pie's area and the legend's: the legend at the right when the chart is wide, below it otherwise.
fn areas(width: f64, height: f64, items: usize) -> (Rect, Rect) {
    if width >= WIDE {
        let legend_w = (width * 0.32).clamp(160.0, 260.0);
        (
            Rect::new(0.0, 0.0, width - legend_w, height),
            Rect::new(width - legend_w, PAD, legend_w - PAD, height - PAD),
        )
    } else {
        let legend_rows = legend_rows(items) as f64 * LEGEND_ROW + PAD;
        let pie_h = (height - legend_rows).max(160.0);
        (
            Rect::new(0.0, 0.0, width, pie_h),
            Rect::new(PAD, pie_h, width - 2.0 * PAD, height - pie_h),
        )
    }
}

/// The slices of the items not hidden, clockwise from the top, sharing the whole turn; no hatching yet.
fn visible_slices(view: &ChartView, hidden: &[bool]) -> Vec<Slice> {
    let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
    let visible_total: f64 = (0..view.items.len())
        .filter(|&i| !is_hidden(i))
        .map(|i| format::fraction(view.items[i].amount, view.total))
        .sum();
    let mut slices = Vec::new();
    if visible_total <= 0.0 {
        return slices;
    }
    let mut angle = 0.0;
    for (i, item) in view.items.iter().enumerate() {
        if is_hidden(i) {
            continue;
        }
        let sweep = format::fraction(item.amount, view.total) / visible_total * TAU;
        if sweep > 0.0 {
            slices.push(Slice {
                item: i,
                start: angle,
                end: angle + sweep,
                hatch: Vec::new(),
            });
            angle += sweep;
        }
    }
    slices
}

/// The legend's `page` below a narrow pie, with the pager to turn it.
fn legend_page(
    view: &ChartView,
    legend_area: Rect,
    hidden: &[bool],
    page: usize,
) -> (Vec<LegendEntry>, Option<Box<Pager>>) {
    let n = view.items.len();
    let page = page.min(pages(n) - 1);
    let shown = page * per_page(n)..((page + 1) * per_page(n)).min(n);
    let legend = legend_entries(view, legend_area, hidden, shown);
    let y = legend_area.y + per_page(n) as f64 * LEGEND_ROW;
    let pager = Pager {
        prev: Rect::new(legend_area.x, y, LEGEND_ROW, LEGEND_ROW),
        next: Rect::new(
            legend_area.x + 2.0 * LEGEND_ROW + 16.0,
            y,
            LEGEND_ROW,
            LEGEND_ROW,
        ),
        text: format!("{}/{}", page + 1, pages(n)),
        text_at: Point::new(legend_area.x + 1.5 * LEGEND_ROW + 8.0, y + LEGEND_ROW / 2.0),
    };
    (legend, Some(Box::new(pager)))
}

/// The donut's centre: the caption 合计 (with the level's own finding mark) over the total, in the largest
/// font that fits the hole. A total too wide for the hole on one line goes on two, its figure and its unit
/// (`1,550.17` / `万元`, `CNY` / `15,501,700`). None when even that does not fit (a small donut in the large
/// mode on a phone): an exact figure is never shown cut short — the table and the description give it.
fn center_text(
    view: &ChartView,
    center: Point,
    inner_radius: f64,
    lang: Lang,
) -> Option<CenterText> {
    let room = inner_radius * 1.9;
    let font_for = |lines: &[&str]| {
        [LABEL_FONT + 1.0, LABEL_FONT, 11.0, 10.0]
            .into_iter()
            .find(|&size| lines.iter().all(|line| text_width(line, size) <= room))
    };
    let whole = view.total_text.as_str();
    let (lines, total_font) = font_for(&[whole])
        .map(|font| (vec![whole.to_string()], font))
        .or_else(|| {
            let parts = figure_and_unit(whole)?;
            Some((
                parts.iter().map(|p| p.to_string()).collect(),
                font_for(&parts)?,
            ))
        })?;
    // One line: the caption 10 px above the centre, the total 9 px below; more lines move both up by half
    // a line each.
    let line_height = total_font + 3.0;
    let first_y = center.y + 9.0 - (lines.len() - 1) as f64 * line_height / 2.0;
    let caption_at = Point::new(center.x, first_y - 19.0);
    let caption = super::strings::ui_strings(lang).total.to_string();
    let caption_end = text_width(&caption, LABEL_FONT) / 2.0;
    let mark = view.own_mark.map(|severity| {
        let x = center.x + caption_end + 4.0 + super::MARK_SIZE / 2.0;
        (severity, Point::new(x, caption_at.y))
    });
    let total = lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| (line, Point::new(center.x, first_y + i as f64 * line_height)))
        .collect();
    Some(CenterText {
        mark,
        caption,
        caption_at,
        total,
        total_font,
    })
}

/// An amount as printed, cut into its figure and the words around it (`1,550.17万元` → `1,550.17`, `万元`;
/// `CNY 15,501,700` → `CNY`, `15,501,700`); `None` when there is nothing to cut.
fn figure_and_unit(text: &str) -> Option<Vec<&str>> {
    let in_figure = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+');
    let start = text.find(in_figure)?;
    let end = text.rfind(in_figure).map(|i| i + 1)?;
    let parts: Vec<&str> = [text.get(..start)?, text.get(start..end)?, text.get(end..)?]
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    (parts.len() > 1).then_some(parts)
}

/// How far hatch strokes stay from a slice's arcs, so that the arcs read as one clean edge.
const HATCH_INSET: f64 = 1.5;

/// The hatching of `slice`'s item clipped to the slice, its radii drawn in by [`HATCH_INSET`] (its
/// straight edges are covered by the gaps between slices).
fn slice_hatch(slice: &Slice, center: Point, inner: f64, outer: f64) -> Vec<Segment> {
    let area = Area::Sector {
        center,
        inner: inner + HATCH_INSET,
        outer: outer - HATCH_INSET,
        start: slice.start,
        end: slice.end,
    };
    hatch(pattern_of(slice.item), area, HATCH_SPACING)
}

/// A mark for every marked slice: in the middle of its ring where the arc is wide enough, else just
/// outside the rim, so that no marked slice goes without one (the legend has one too).
fn slice_marks(
    view: &ChartView,
    slices: &[Slice],
    center: Point,
    inner: f64,
    radius: f64,
) -> Vec<super::Mark> {
    let ring = (inner + radius) / 2.0;
    slices
        .iter()
        .filter_map(|slice| {
            let severity = view.items[slice.item].mark?;
            let fits = (slice.end - slice.start) * ring > 2.0 * super::MARK_SIZE;
            let r = if fits {
                ring
            } else {
                radius + super::MARK_SIZE / 2.0 + 3.0
            };
            Some(super::Mark {
                item: slice.item,
                severity,
                at: center.polar(r, slice.mid()),
            })
        })
        .collect()
}

/// The width a label has on its side of the pie.
fn label_room(center: Point, radius: f64, area: Rect, right_side: bool) -> f64 {
    let text_x = center.x + if right_side { 1.0 } else { -1.0 } * (radius + 22.0);
    if right_side {
        area.right() - text_x - 4.0
    } else {
        text_x - area.x - 4.0
    }
}

/// One style for all `labelled` slices: one line if every name and share fits on one, two lines if every
/// name then shows at least [`MIN_NAME_CHARS`] characters, else shares only.
fn label_style(
    view: &ChartView,
    labelled: &[&Slice],
    center: Point,
    radius: f64,
    area: Rect,
) -> LabelStyle {
    let room_of = |s: &Slice| label_room(center, radius, area, sin_cos(s.mid()).0 >= 0.0);
    let one_line = labelled.iter().all(|s| {
        let item = &view.items[s.item];
        let whole = format!(
            "{} {}",
            item.label,
            item.share_text.as_deref().unwrap_or("")
        );
        text_width(&whole, LABEL_FONT) <= room_of(s)
    });
    let two_lines = labelled.iter().all(|s| {
        let item = &view.items[s.item];
        let lines = label_lines(item, LabelStyle::TwoLines, room_of(s));
        let shown: usize = lines.iter().map(|l| l.chars().count()).sum();
        let share = item.share_text.as_deref().unwrap_or("").chars().count() + 1;
        let name_shown = shown.saturating_sub(share);
        let whole = !lines.iter().any(|line| has_char(line, '…'));
        whole || name_shown >= MIN_NAME_CHARS
    });
    if one_line {
        LabelStyle::OneLine
    } else if two_lines {
        LabelStyle::TwoLines
    } else {
        LabelStyle::SharesOnly
    }
}

/// The lines of an item's label in `style` within `room` pixels: the share follows the name on its line.
fn label_lines(item: &super::view::Item, style: LabelStyle, room: f64) -> Vec<String> {
    let percent = item.share_text.clone().unwrap_or_default();
    let whole = format!("{} {percent}", item.label);
    match style {
        LabelStyle::SharesOnly => vec![percent],
        LabelStyle::OneLine if text_width(&whole, LABEL_FONT) <= room => vec![whole],
        LabelStyle::OneLine => {
            let percent_w = text_width(&format!(" {percent}"), LABEL_FONT);
            vec![format!(
                "{} {percent}",
                fit_text(&item.label, LABEL_FONT, room - percent_w)
            )]
        }
        LabelStyle::TwoLines => {
            let mut lines = wrap_text(&whole, LABEL_FONT, room, 2);
            // The share is never cut: a cut second line gives way to it.
            let percent_w = text_width(&format!(" {percent}"), LABEL_FONT);
            if lines.len() == 2 && !lines[1].ends_with(percent.as_str()) {
                let first_len = lines[0].chars().count();
                // The rest of the name as a slice of it, not `chars().skip(n).collect()` (a String built
                // char by char is its own ~0.5 KB of the wasm).
                let rest = (item.label.char_indices().nth(first_len))
                    .and_then(|(at, _)| item.label.get(at..))
                    .unwrap_or("");
                let rest = fit_text(rest.trim_start(), LABEL_FONT, room - percent_w);
                if rest.is_empty() {
                    // No room for more of the name beside the share: the first line says it is cut.
                    lines[0] = fit_text(&item.label, LABEL_FONT, room);
                    if !lines[0].ends_with('…') {
                        lines[0] = fit_text(&format!("{}……", lines[0]), LABEL_FONT, room);
                    }
                    lines[1] = percent;
                } else {
                    lines[1] = format!("{rest} {percent}");
                }
            }
            lines
        }
    }
}

/// Labels for the slices large enough, in two columns beside the pie, spread so that none overlap,
/// dropping the smallest where a column is full; all in one [`LabelStyle`].
fn place_labels(
    view: &ChartView,
    slices: &[Slice],
    center: Point,
    radius: f64,
    area: Rect,
) -> (Vec<SliceLabel>, LabelStyle) {
    let mut candidates: Vec<&Slice> = slices
        .iter()
        .filter(|s| (s.end - s.start) / TAU >= MIN_LABELLED_FRACTION)
        .collect();
    // Largest first, so that a full column keeps the largest slices.
    crate::order::sort_few_by(&mut candidates, |a, b| {
        (a.end - a.start).total_cmp(&(b.end - b.start)).is_gt()
    });
    let style = label_style(view, &candidates, center, radius, area);
    let line_gap = LABEL_LINE * style.lines() as f64;
    let top = area.y + PAD;
    let bottom = area.bottom() - PAD;
    let capacity = ((bottom - top) / line_gap).floor().max(0.0) as usize;
    let mut labels = Vec::new();
    for right_side in [true, false] {
        let mut side: Vec<&Slice> = candidates
            .iter()
            .copied()
            .filter(|s| (sin_cos(s.mid()).0 >= 0.0) == right_side)
            .take(capacity)
            .collect();
        crate::order::sort_few_by(&mut side, |a, b| {
            let ya = center.polar(radius, a.mid()).y;
            let yb = center.polar(radius, b.mid()).y;
            ya.total_cmp(&yb).is_lt()
        });
        let wanted: Vec<f64> = side
            .iter()
            .map(|s| center.polar(radius + 14.0, s.mid()).y)
            .collect();
        let ys = spread(
            &wanted,
            top + line_gap / 2.0,
            bottom - line_gap / 2.0,
            line_gap,
        );
        for (slice, y) in side.into_iter().zip(ys) {
            let place = LabelPlace {
                center,
                radius,
                area,
                right_side,
                y,
            };
            if let Some(label) = side_label(view, slice, style, place) {
                labels.push(label);
            }
        }
    }
    (labels, style)
}

/// Where one label goes: its side of the pie and the height of its centre.
struct LabelPlace {
    center: Point,
    radius: f64,
    area: Rect,
    right_side: bool,
    y: f64,
}

/// Positions as near to `wanted` (sorted) as possible, each at least `gap` below the one before,
/// all within [`low`, `high`] when they fit.
pub fn spread(wanted: &[f64], low: f64, high: f64, gap: f64) -> Vec<f64> {
    let mut ys: Vec<f64> = Vec::with_capacity(wanted.len());
    for &y in wanted {
        let min = ys.last().map_or(low, |&prev| prev + gap);
        ys.push(y.max(min));
    }
    let mut limit = high;
    for y in ys.iter_mut().rev() {
        *y = y.min(limit);
        limit = *y - gap;
    }
    ys
}

fn side_label(
    view: &ChartView,
    slice: &Slice,
    style: LabelStyle,
    place: LabelPlace,
) -> Option<SliceLabel> {
    let LabelPlace {
        center,
        radius,
        area,
        right_side,
        y,
    } = place;
    let direction = if right_side { 1.0 } else { -1.0 };
    let rim = center.polar(radius, slice.mid());
    let elbow = center.polar(radius + 10.0, slice.mid());
    let text_x = center.x + direction * (radius + 22.0);
    let room = label_room(center, radius, area, right_side);
    let lines = label_lines(&view.items[slice.item], style, room);
    let w = lines
        .iter()
        .map(|l| text_width(l, LABEL_FONT))
        .fold(0.0, f64::max);
    if lines.is_empty() || w > room {
        return None;
    }
    let h = LABEL_LINE * lines.len() as f64;
    let bounds = Rect::new(
        if right_side { text_x } else { text_x - w },
        y - h / 2.0,
        w,
        h,
    );
    Some(SliceLabel {
        item: slice.item,
        lines,
        anchor: Point::new(text_x, y),
        right_side,
        bounds,
        leader: [rim, elbow, Point::new(text_x - direction * 4.0, y)],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::report;
    use budget_lens_core::report::parse_report;

    fn many_slices() -> ChartView {
        // One large slice and twenty small ones: a common shape of 功能分类 breakdowns.
        let mut items =
            vec![r#"{"id":"big","label":"一般公共服务支出","amount":"1302.65"}"#.to_string()];
        for i in 0..20 {
            items.push(format!(
                r#"{{"id":"s{i}","label":"城乡社区支出第{i}项（含城市管理）","amount":"{}.{:02}"}}"#,
                3 + i % 7,
                i
            ));
        }
        let total = "1419.55"; // not the exact sum; layout does not care
        let json = format!(
            r#"{{"format":"budget-lens/1","unit":"万元","breakdowns":[{{"id":"e","label":"支出","amount":"{total}","items":[{}]}}]}}"#,
            items.join(",")
        );
        ChartView::new(&parse_report(&json).unwrap(), "e", &[], Lang::Zh).unwrap()
    }

    #[test]
    fn slices_cover_the_circle_in_order() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let pie = layout(&view, 600.0, 360.0, false, &[], Lang::Zh);
        assert_eq!(pie.slices.len(), 2);
        assert_eq!(pie.slices[0].start, 0.0);
        assert!((pie.slices[1].end - TAU).abs() < 1e-9);
        assert!((pie.slices[0].end / TAU - 897.05 / 1550.17).abs() < 1e-9);
    }

    #[test]
    fn each_slice_carries_its_hatching_inside_it() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let pie = layout(&view, 600.0, 360.0, true, &[], Lang::Zh);
        // The first item is solid; the second (rising lines) is hatched within its slice and rims.
        assert!(pie.slices[0].hatch.is_empty());
        let slice = &pie.slices[1];
        assert!(slice.hatch.len() > 10, "{}", slice.hatch.len());
        let (inner, outer) = (pie.inner_radius + HATCH_INSET, pie.radius - HATCH_INSET);
        for &(a, b) in &slice.hatch {
            let mid = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
            for p in [a, b, mid] {
                let r = pie.center.distance(p);
                assert!(r >= inner - 1e-6 && r <= outer + 1e-6, "{p:?} at {r}");
            }
            let angle = pie.center.angle_to(mid);
            assert!(angle >= slice.start && angle <= slice.end);
        }
        assert!(
            pie.legend[1].swatch_hatch.len() >= 2,
            "the legend's swatch too"
        );
    }

    #[test]
    fn hidden_slices_give_their_angle_to_the_others() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let pie = layout(&view, 600.0, 360.0, false, &[true, false], Lang::Zh);
        assert_eq!(pie.slices.len(), 1);
        assert_eq!(pie.slices[0].item, 1);
        assert!((pie.slices[0].end - TAU).abs() < 1e-9);
        assert!(pie.legend[0].hidden);
    }

    #[test]
    fn labels_never_overlap_each_other_at_any_width() {
        let view = many_slices();
        for (w, h) in [(360.0, 0.0), (480.0, 0.0), (640.0, 0.0), (900.0, 0.0)] {
            let h = if h == 0.0 {
                preferred_height(w, view.items.len())
            } else {
                h
            };
            let pie = layout(&view, w, h, true, &[], Lang::Zh);
            for (i, a) in pie.labels.iter().enumerate() {
                for b in &pie.labels[i + 1..] {
                    assert!(
                        !a.bounds.overlaps(&b.bounds),
                        "{:?} / {:?} at {w}",
                        a.lines,
                        b.lines
                    );
                }
                assert!(
                    a.bounds.x >= 0.0 && a.bounds.right() <= w,
                    "{:?} at {w}",
                    a.lines
                );
                // No label runs into the pie itself.
                let near = if a.right_side {
                    a.bounds.x
                } else {
                    a.bounds.right()
                };
                assert!((near - pie.center.x).abs() > pie.radius, "{:?}", a.lines);
                // No label runs into the legend.
                for entry in &pie.legend {
                    assert!(
                        !a.bounds.overlaps(&entry.bounds),
                        "{:?} / legend at {w}",
                        a.lines
                    );
                }
            }
            // The large slice is labelled, the tiny ones only in the legend.
            assert!(pie.labels.iter().any(|l| l.item == 0));
            assert!(pie.labels.len() < view.items.len());
            // The whole legend beside the pie; below it on a phone, one page of it and the pager.
            match &pie.pager {
                None => assert_eq!(pie.legend.len(), view.items.len()),
                Some(_) => assert_eq!(pie.legend.len(), NARROW_LEGEND_ROWS - 1),
            }
        }
    }

    #[test]
    fn spreading_keeps_gaps_and_bounds() {
        let ys = spread(&[10.0, 11.0, 12.0, 95.0], 0.0, 100.0, 16.0);
        for pair in ys.windows(2) {
            assert!(pair[1] - pair[0] >= 16.0 - 1e-9);
        }
        assert!(ys[0] >= 0.0 && *ys.last().unwrap() <= 100.0);
        assert_eq!(spread(&[50.0], 0.0, 100.0, 16.0), [50.0]);
    }

    /// The sample's 一般公共预算财政拨款支出 at the large mode's layout width (960 px / 1.43 zoom).
    fn sample_function_view() -> ChartView {
        let json = r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[{"id":"g","label":"一般公共预算财政拨款支出","amount":"1550.17","items":[
            {"id":"a","label":"一般公共服务支出","amount":"1302.65"},{"id":"b","label":"社会保障和就业支出","amount":"131.17"},
            {"id":"c","label":"卫生健康支出","amount":"50.44"},{"id":"d","label":"住房保障支出","amount":"65.91"}]}]}"#;
        ChartView::new(&parse_report(json).unwrap(), "g", &[], Lang::Zh).unwrap()
    }

    #[test]
    fn one_label_policy_per_chart_and_names_in_the_large_mode() {
        let view = sample_function_view();
        for width in [960.0 / (20.0 / 14.0), 640.0, 960.0] {
            let pie = layout(
                &view,
                width,
                preferred_height(width, 4),
                true,
                &[],
                Lang::Zh,
            );
            assert_ne!(pie.label_style, LabelStyle::SharesOnly, "at {width}");
            // The two largest slices are named.
            for item in [0, 1] {
                let label = pie
                    .labels
                    .iter()
                    .find(|l| l.item == item)
                    .expect("labelled");
                assert!(
                    label
                        .lines
                        .concat()
                        .starts_with(&view.items[item].label[..6]),
                    "{:?}",
                    label.lines
                );
            }
            let lines: Vec<usize> = pie.labels.iter().map(|l| l.lines.len()).collect();
            let ellipses = pie
                .labels
                .iter()
                .flat_map(|l| &l.lines)
                .filter(|l| l.contains("..."))
                .count();
            assert_eq!(ellipses, 0, "a cut is \"…\", never \"...\"");
            if pie.label_style == LabelStyle::OneLine {
                assert!(lines.iter().all(|&n| n == 1));
            }
        }
    }

    #[test]
    fn short_names_stay_named_beside_long_ones() {
        let json = r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[{"id":"m","label":"机关运行经费","amount":"100","items":[
            {"id":"a","label":"办公费","amount":"42"},{"id":"b","label":"其他商品和服务支出其他商品和服务支出","amount":"50"},
            {"id":"c","label":"工会经费","amount":"8"}]}]}"#;
        let view = ChartView::new(&parse_report(json).unwrap(), "m", &[], Lang::Zh).unwrap();
        let pie = layout(&view, 960.0, 400.0, false, &[], Lang::Zh);
        assert_eq!(pie.label_style, LabelStyle::TwoLines);
        let short = pie.labels.iter().find(|l| l.item == 0).unwrap();
        assert_eq!(short.lines, ["办公费 42.00%"]);
    }

    #[test]
    fn a_long_legend_pages_on_a_phone_instead_of_growing() {
        let view = many_slices();
        let n = view.items.len();
        let h = preferred_height(360.0, n);
        assert!(h <= 320.0 + 5.0 * LEGEND_ROW + 2.0 * PAD, "{h}");
        let first = layout_paged(&view, 360.0, h, true, &[], 0, Lang::Zh);
        let pager = first.pager.as_ref().expect("a pager");
        assert_eq!(pager.text, format!("1/{}", pages(n)));
        assert_eq!(first.legend.len(), NARROW_LEGEND_ROWS - 1);
        assert!(pager.prev.h >= crate::MIN_TARGET && pager.next.w >= crate::MIN_TARGET);
        assert!(pager.next.bottom() <= h + 0.5, "inside the chart");
        let last = layout_paged(&view, 360.0, h, true, &[], 99, Lang::Zh);
        assert_eq!(last.pager.unwrap().text, format!("{0}/{0}", pages(n)));
        assert_eq!(last.legend.last().unwrap().item, n - 1);
        assert_eq!(page_of(n, n - 1), pages(n) - 1);
        // Wide: the whole legend beside the pie, no pages.
        assert!(layout_paged(&view, 900.0, 560.0, true, &[], 1, Lang::Zh)
            .pager
            .is_none());
    }

    #[test]
    fn the_donut_shows_the_total() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let donut = layout(
            &view,
            360.0,
            preferred_height(360.0, 2),
            true,
            &[],
            Lang::Zh,
        );
        assert!(donut.inner_radius > 0.0);
        let center = donut.center_text.unwrap();
        let total: Vec<&str> = center.total.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            (center.caption.as_str(), total),
            ("合计", vec!["1,550.17万元"])
        );
        assert!(text_width("1,550.17万元", center.total_font) <= donut.inner_radius * 2.0);
    }

    #[test]
    fn a_total_too_wide_for_the_hole_goes_on_two_lines_never_cut_short() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        // 60 px of room in the hole: 1,550.17万元 needs 68 px at the smallest font (10 px), the figure
        // alone 48 px.
        let at = Point::new(100.0, 100.0);
        let center = center_text(&view, at, 60.0 / 1.9, Lang::Zh).unwrap();
        let lines: Vec<&str> = center.total.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(lines, vec!["1,550.17", "万元"]);
        let (first, second) = (center.total[0].1, center.total[1].1);
        assert!(
            center.caption_at.y < first.y && first.y < second.y,
            "caption, figure, unit from the top"
        );
        // 40 px: not even the figure fits at 10 px; the hole stays empty rather than show 1,550….
        assert_eq!(center_text(&view, at, 40.0 / 1.9, Lang::Zh), None);
        assert_eq!(
            figure_and_unit("CNY 15,501,700"),
            Some(vec!["CNY", "15,501,700"])
        );
        assert_eq!(figure_and_unit("1,550.17"), None);
    }
}

#[cfg(test)]
mod single_slice {
    use super::*;
    use budget_lens_core::report::parse_report;

    #[test]
    fn a_whole_pie_is_labelled_on_a_phone() {
        let json = r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[{"id":"i","label":"收入总计","amount":"1550.17","items":[
            {"id":"a","label":"财政拨款收入","amount":"1550.17"},{"id":"b","label":"事业收入","amount":"0"}]}]}"#;
        let view = ChartView::new(&parse_report(json).unwrap(), "i", &[], Lang::Zh).unwrap();
        let pie = layout(
            &view,
            340.0,
            preferred_height(340.0, 2),
            false,
            &[],
            Lang::Zh,
        );
        let label = pie.labels.iter().find(|l| l.item == 0).expect("labelled");
        assert!(label.lines.concat().contains("100.00%"));
        assert!(
            label.lines.iter().all(|l| !l.starts_with(' ')),
            "{:?}",
            label.lines
        );
    }
}
