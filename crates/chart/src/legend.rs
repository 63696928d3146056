//! The legend: one row per item with its colour, name and share; a click on a row hides or shows
//! the item's slice.

use super::geometry::Rect;
use super::pattern::{hatch, pattern_of, Area, Segment, HATCH_SPACING};
use super::text::fit_text;
use super::view::ChartView;
use budget_lens_core::check::Severity;

/// A legend row is a click target: as tall as the least target.
pub const LEGEND_ROW: f64 = super::MIN_TARGET;
pub const LEGEND_FONT: f64 = 12.0;
const SWATCH: f64 = 12.0;

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub item: usize,
    /// The whole row: the target of clicks.
    pub bounds: Rect,
    pub swatch: Rect,
    /// The item's hatching clipped to the swatch.
    pub swatch_hatch: Vec<Segment>,
    pub text: String,
    pub hidden: bool,
    pub mark: Option<Severity>,
    /// Where the mark goes: just after the text, so that it reads with its name.
    pub mark_at: Option<super::Point>,
}

/// Legend rows for the items `shown` of `view` (all of them, or one page), top to bottom inside `area`.
pub fn legend_entries(
    view: &ChartView,
    area: Rect,
    hidden: &[bool],
    shown: std::ops::Range<usize>,
) -> Vec<LegendEntry> {
    let first = shown.start;
    view.items
        .iter()
        .enumerate()
        .skip(first)
        .take(shown.len())
        .map(|(i, item)| {
            let y = area.y + (i - first) as f64 * LEGEND_ROW;
            let text_x = area.x + SWATCH + 8.0;
            // Leave room for a finding mark after the text.
            let max_text = (area.right() - text_x - 16.0).max(0.0);
            let share = item.share_text.as_deref().unwrap_or("");
            let full = format!("{}  {share}", item.label);
            let text = if super::text::text_width(&full, LEGEND_FONT) <= max_text {
                full
            } else {
                let share_w = super::text::text_width(&format!("  {share}"), LEGEND_FONT);
                let name = fit_text(&item.label, LEGEND_FONT, max_text - share_w);
                if name.is_empty() {
                    fit_text(&item.label, LEGEND_FONT, max_text)
                } else {
                    format!("{name}  {share}")
                }
            };
            let text_end = text_x + super::text::text_width(&text, LEGEND_FONT);
            let mark_at = item.mark.map(|_| {
                super::Point::new(
                    text_end + 4.0 + super::MARK_SIZE / 2.0,
                    y + LEGEND_ROW / 2.0,
                )
            });
            let swatch = Rect::new(area.x, y + (LEGEND_ROW - SWATCH) / 2.0, SWATCH, SWATCH);
            LegendEntry {
                mark_at,
                item: i,
                bounds: Rect::new(area.x, y, area.w, LEGEND_ROW),
                swatch,
                swatch_hatch: hatch(pattern_of(i), Area::Rect(swatch), HATCH_SPACING),
                text,
                hidden: hidden.get(i).copied().unwrap_or(false),
                mark: item.mark,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::text_width;
    use crate::view::tests::report;
    use budget_lens_core::Lang;

    #[test]
    fn rows_stack_without_overlap_and_texts_fit() {
        let view = ChartView::new(&report(), "expenditure", &[], Lang::Zh).unwrap();
        let area = Rect::new(10.0, 300.0, 160.0, 100.0);
        let entries = legend_entries(&view, area, &[false, true], 0..2);
        assert_eq!(entries.len(), 2);
        assert!(!entries[0].bounds.overlaps(&entries[1].bounds));
        assert_eq!(entries[0].text, "基本支出  57.87%");
        assert!(entries[1].hidden);
        for e in &entries {
            assert!(e.swatch.x + 20.0 + text_width(&e.text, LEGEND_FONT) <= area.right());
        }
        // A mark sits right after its row's text, inside the row.
        let mut marked = view.clone();
        marked.items[0].mark = Some(Severity::Warning);
        let entries = legend_entries(&marked, area, &[false, false], 0..2);
        let at = entries[0].mark_at.unwrap();
        let text_end = entries[0].swatch.right() + 8.0 + text_width(&entries[0].text, LEGEND_FONT);
        assert!(at.x > text_end && at.x - text_end <= 4.0 + crate::MARK_SIZE);
        assert!(at.x + crate::MARK_SIZE / 2.0 <= area.right());
        assert!(entries[1].mark_at.is_none());
    }
}
