//! One pointer event in, what it changed out: the shell asks once per move or click instead of
//! hit-testing items, legend rows and page turners one by one and deciding the hover itself.

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

/// What a click did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clicked {
    /// Nothing is there.
    Nothing,
    /// The legend turned a page, or a legend row hid or showed its item: the chart is to be redrawn.
    Changed,
    /// An item's slice or bar: the shell selects it (and drills, or for touch first shows its tooltip).
    Item(usize),
}

impl Explorer {
    /// A click at (`x`, `y`) CSS pixels: the legend's page turner turns, a legend row hides or shows its
    /// item, an item is reported to the shell.
    pub fn click(&mut self, x: f64, y: f64) -> Clicked {
        match self.hit(x, y) {
            Some(Hit::Page(delta)) => {
                self.turn_legend_page(delta);
                Clicked::Changed
            }
            Some(Hit::Legend(i)) => {
                self.toggle_hidden(i);
                Clicked::Changed
            }
            Some(Hit::Item(i)) => Clicked::Item(i),
            None => Clicked::Nothing,
        }
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
    use crate::explorer::{Clicked, Explorer};
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
    fn a_click_hides_a_legend_rows_item_and_names_an_item() {
        let mut e = laid_out();
        let (x, y) = point_of(&e, Hit::Item(1));
        assert_eq!(e.click(x, y), Clicked::Item(1));
        assert_eq!(e.click(-10.0, -10.0), Clicked::Nothing);
        let (x, y) = point_of(&e, Hit::Legend(0));
        assert_eq!(e.click(x, y), Clicked::Changed);
        assert_eq!(e.interaction().hidden.first(), Some(&true));
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
