//! One pointer event in, what it changed out: the shell asks once per move or click instead of
//! hit-testing items, legend rows and page turners one by one and deciding the hover or the tap itself.

use super::changed::{item_code, Changed};
use super::Explorer;
use crate::Hit;

/// What a pointer at a place means for the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pointed {
    /// The hovered item after the event (a legend row points at its slice as the slice itself does).
    pub hover: Option<usize>,
    /// Whether the hover changed: only then does the chart repaint and the tooltip change.
    pub changed: bool,
    /// Whether a click there does something (an item, a legend row, a page turner): the hand cursor.
    pub clickable: bool,
}

impl Explorer {
    /// A click at (`x`, `y`) CSS pixels (`touch`: a finger's tap): the legend's page turner turns, a
    /// legend row hides or shows its item, an item is selected and opened; a click on nothing ends the
    /// hover and the tooltip.
    pub fn click(&mut self, x: f64, y: f64, touch: bool) -> Changed {
        match self.hit(x, y) {
            Some(Hit::Page(delta)) => {
                self.turn_legend_page(delta);
                Changed::drawn()
            }
            Some(Hit::Legend(i)) => {
                self.toggle_hidden(i);
                Changed::drawn()
            }
            Some(Hit::Item(i)) => self.click_item(i, touch),
            None => {
                let hover = self.interaction.hover.map(|_| -1);
                self.set_hover(None);
                Changed {
                    hover,
                    tip: Some(-1),
                    ..Changed::default()
                }
            }
        }
    }

    /// An item clicked: selected; a touch first shows its tooltip (a finger cannot hover), touching it
    /// again, or a mouse's click, opens it when it has parts.
    fn click_item(&mut self, index: usize, touch: bool) -> Changed {
        let select = self.selection(index);
        if touch && self.interaction.hover != Some(index) {
            self.set_hover(Some(index));
            return Changed {
                hover: Some(item_code(Some(index))),
                tip: Some(item_code(Some(index))),
                card: true,
                select,
                ..Changed::default()
            };
        }
        let before = self.place();
        let mut changed = if self.drill(index) {
            self.moved_from(before)
        } else {
            Changed::default()
        };
        changed.select = select;
        changed
    }

    /// A pointer moved to (`x`, `y`) CSS pixels (off the chart: any point outside it, e.g. negative).
    /// A mouse or pen hovers what it is over; a touch only reports what is there (a tap shows the
    /// tooltip, see the element's click rule), so that a finger's drag leaves the hover alone.
    pub fn pointer(&mut self, x: f64, y: f64, touch: bool) -> Pointed {
        let hit = self.hit(x, y);
        let target = match hit {
            Some(Hit::Item(i) | Hit::Legend(i)) => Some(i),
            Some(Hit::Page(_)) | None => None,
        };
        let changed = !touch && target != self.interaction.hover;
        if changed {
            self.set_hover(target);
        }
        Pointed {
            hover: self.interaction.hover,
            changed,
            clickable: hit.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::explorer::Explorer;
    use crate::view::tests::report;
    use crate::{ChartKind, Hit};
    use budget_lens_core::Lang;

    /// A point of the laid-out chart where `wanted` is, found by scanning it every 2 px.
    fn point_of(e: &Explorer, wanted: Hit) -> (f64, f64) {
        (0..300)
            .flat_map(|x| (0..180).map(move |y| (f64::from(x) * 2.0, f64::from(y) * 2.0)))
            .find(|&(x, y)| e.hit(x, y) == Some(wanted))
            .expect("the part is drawn")
    }

    fn laid_out() -> Explorer {
        let mut e = Explorer::new(report(), "", ChartKind::Pie, Lang::Zh).unwrap();
        e.layout_for(600.0, 360.0);
        e
    }

    #[test]
    fn a_mouse_hovers_what_it_is_over_and_says_only_when_that_changes() {
        let mut e = laid_out();
        let (x, y) = point_of(&e, Hit::Item(1));
        let first = e.pointer(x, y, false);
        assert_eq!(
            (first.hover, first.changed, first.clickable),
            (Some(1), true, true)
        );
        // The same item again: nothing to repaint.
        assert!(!e.pointer(x, y, false).changed);
        assert_eq!(e.interaction().hover, Some(1));
        // Off the chart: the hover goes, once.
        let off = e.pointer(-10.0, -10.0, false);
        assert_eq!((off.hover, off.changed, off.clickable), (None, true, false));
        assert!(!e.pointer(-10.0, -10.0, false).changed);
    }

    #[test]
    fn a_click_hides_a_legend_rows_item_and_selects_and_opens_an_item() {
        let mut e = laid_out();
        let (x, y) = point_of(&e, Hit::Item(1));
        let leaf = e.click(x, y, false);
        assert_eq!(leaf.select.unwrap().path, "expenditure/project");
        assert!(!leaf.render, "项目支出 has no parts");
        e.pointer(x, y, false);
        let nothing = e.click(-10.0, -10.0, false);
        assert_eq!((nothing.hover, nothing.tip), (Some(-1), Some(-1)));
        assert_eq!(e.click(-10.0, -10.0, false).hover, None, "no hover to end");
        let (x, y) = point_of(&e, Hit::Legend(0));
        assert!(e.click(x, y, false).draw);
        assert_eq!(e.interaction().hidden.first(), Some(&true));
        e.layout_for(600.0, 360.0);
        e.click(x, y, false);
        e.layout_for(600.0, 360.0);
        let (x, y) = point_of(&e, Hit::Item(0));
        let opened = e.click(x, y, false);
        assert!(opened.render && opened.enter && opened.say.is_some());
        assert_eq!(e.view().path, "expenditure/basic");
    }

    #[test]
    fn a_tap_shows_the_tooltip_first_and_opens_on_the_second() {
        let mut e = laid_out();
        let (x, y) = point_of(&e, Hit::Item(0));
        let first = e.click(x, y, true);
        assert_eq!(
            (first.hover, first.tip, first.card),
            (Some(0), Some(0), true)
        );
        assert!(first.select.is_some() && !first.render);
        let second = e.click(x, y, true);
        assert!(second.render && second.select.is_some());
        assert_eq!(e.view().path, "expenditure/basic");
        // On the new level nothing is hovered: a tap shows the tooltip again first.
        e.layout_for(600.0, 360.0);
        let (x, y) = point_of(&e, Hit::Item(0));
        assert!(e.click(x, y, true).card);
    }

    #[test]
    fn a_legend_row_points_at_its_slice_and_a_touch_hovers_nothing() {
        let mut e = laid_out();
        let (x, y) = point_of(&e, Hit::Legend(0));
        let row = e.pointer(x, y, false);
        assert_eq!(
            (row.hover, row.changed, row.clickable),
            (Some(0), true, true)
        );
        e.pointer(-10.0, -10.0, false);
        let touch = e.pointer(x, y, true);
        assert_eq!(
            (touch.hover, touch.changed, touch.clickable),
            (None, false, true)
        );
    }
}
