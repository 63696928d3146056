//! The reader's session at the keyboard: keys and focus changes in, one [`Changed`] out. The keyboard
//! map, the focus that comes back after the chart lost the keyboard focus, the focus mark that a
//! pointer's focus does not draw, and what the live region says all live here; the element follows.

use super::changed::{item_code, Changed};
use super::Explorer;
use crate::item_text::spoken;
use crate::ChartKind;

/// What the session remembers between events besides the chart's [`crate::Interaction`].
#[derive(Debug, Default)]
pub(super) struct Session {
    /// The focus the chart had when it lost the keyboard focus: it comes back on return.
    pub blurred: Option<usize>,
    /// A pointer pressed the chart: the focus that follows is the pointer's and draws no focus mark.
    pub pressed: bool,
    /// A new level's sentence not yet said with a focused part: it goes before the next one.
    pub new_level: Option<String>,
}

/// The level and chart shown, to tell afterwards what an event changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    path: String,
    kind: ChartKind,
}

/// A change of the chart's focus, as the element sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusEvent {
    /// The chart got the keyboard focus (Tab, or the focus a pointer's press gives it).
    In,
    /// The chart lost it.
    Out,
    /// A pointer pressed the chart: hovering and tapping select, so the keyboard's mark goes.
    Press,
}

impl FocusEvent {
    /// `in`, `out` or `press`; anything else is none.
    pub fn from_name(name: &str) -> Option<FocusEvent> {
        match name {
            "in" => Some(FocusEvent::In),
            "out" => Some(FocusEvent::Out),
            "press" => Some(FocusEvent::Press),
            _ => None,
        }
    }
}

/// The keys the chart answers to, by the DOM's `KeyboardEvent.key` names.
enum Key {
    /// Arrows: along the drawn order (slices clockwise, bars top down), wrapping around.
    Step(i32),
    /// Home (forward from nothing: the first) and End (backward from nothing: the last).
    Edge(i32),
    /// Hides or shows the focused part of a pie (the legend's toggle); opens it in a bar chart.
    Space,
    /// Selects the focused part and opens it when it has parts.
    Enter,
    /// One level up.
    Escape,
}

impl Key {
    fn from_name(name: &str) -> Option<Key> {
        Some(match name {
            "ArrowRight" | "ArrowDown" => Key::Step(1),
            "ArrowLeft" | "ArrowUp" => Key::Step(-1),
            "Home" => Key::Edge(1),
            "End" => Key::Edge(-1),
            " " => Key::Space,
            "Enter" => Key::Enter,
            "Escape" => Key::Escape,
            _ => return None,
        })
    }
}

impl Explorer {
    /// Where the reader is: compare with [`Explorer::moved_from`] after an event.
    pub fn place(&self) -> Place {
        Place {
            path: self.view.path.clone(),
            kind: self.kind,
        }
    }

    /// What opening a level or choosing a chart changed since `before`: everything around the chart
    /// follows; another level is said in one sentence (and again before the next focused part), and
    /// another level or chart enters. A focus remembered from before belongs to the old level.
    pub fn moved_from(&mut self, before: Place) -> Changed {
        let moved = before.path != self.view.path;
        self.session.blurred = None;
        let say = moved.then(|| self.view.description());
        if moved {
            self.session.new_level = say.clone();
        }
        Changed {
            render: true,
            enter: moved || before.kind != self.kind,
            say,
            ..Changed::default()
        }
    }

    /// A key pressed on the chart (`KeyboardEvent.key`); keys that mean nothing here change nothing
    /// and are left to the browser.
    pub fn key(&mut self, name: &str) -> Changed {
        self.session.pressed = false;
        let Some(key) = Key::from_name(name) else {
            return Changed::default();
        };
        match key {
            Key::Step(delta) => {
                let focus = self.move_focus(delta);
                self.focus_shown(focus)
            }
            Key::Edge(delta) => {
                self.interaction.focus = None;
                let focus = self.move_focus(delta);
                self.focus_shown(focus)
            }
            Key::Space if self.kind != ChartKind::Bar => self.toggle_focused(),
            Key::Space | Key::Enter => self.activate_focused(),
            Key::Escape => self.escape(),
        }
    }

    /// The chart got or lost the keyboard focus, or a pointer pressed it.
    pub fn focus_event(&mut self, event: FocusEvent) -> Changed {
        match event {
            FocusEvent::Press => {
                self.session.pressed = true;
                if self.interaction.focus.is_none() {
                    return Changed::default();
                }
                self.session.blurred = None;
                self.interaction.focus = None;
                Changed::drawn()
            }
            // No keyboard focus mark for a click or a tap.
            FocusEvent::In if std::mem::take(&mut self.session.pressed) => Changed::default(),
            FocusEvent::In => {
                if self.interaction.focus.is_none() {
                    self.set_focus(self.session.blurred);
                }
                let focus = match self.interaction.focus {
                    Some(index) => Some(index),
                    None => self.move_focus(1),
                };
                self.focus_shown(focus)
            }
            // The focus mark shows only while the chart has the keyboard focus.
            FocusEvent::Out => {
                self.session.blurred = self.interaction.focus.take();
                Changed {
                    tip: Some(-1),
                    ..Changed::drawn()
                }
            }
        }
    }

    /// The focus mark drawn on `focus`, its tooltip shown and the part said (after a new level's
    /// sentence not yet said with a part).
    fn focus_shown(&mut self, focus: Option<usize>) -> Changed {
        let mut say = None;
        if let Some(item) = focus.and_then(|i| self.view.items.get(i)) {
            let hidden = focus.is_some_and(|i| self.interaction.hidden.get(i) == Some(&true));
            let before = self.session.new_level.take();
            say = Some(spoken(item, hidden, before.as_deref(), self.lang));
        }
        Changed {
            handled: true,
            draw: true,
            tip: Some(item_code(focus)),
            say,
            ..Changed::default()
        }
    }

    /// Space on a pie: hides or shows the focused part, which keeps the focus.
    fn toggle_focused(&mut self) -> Changed {
        let Some(index) = self.interaction.focus else {
            return Changed::handled();
        };
        self.toggle_hidden(index);
        self.focus_shown(Some(index))
    }

    /// Enter: selects the focused part, and opens it with the focus on its first part when it has parts.
    fn activate_focused(&mut self) -> Changed {
        let Some(index) = self.interaction.focus else {
            return Changed::handled();
        };
        let select = self.selection(index);
        let before = self.place();
        let mut changed = if self.drill(index) {
            let level = self.moved_from(before);
            let first = self.move_focus(1);
            level.then_focus(self.focus_shown(first))
        } else {
            Changed::handled()
        };
        changed.select = select;
        changed
    }

    /// Shows the node of a finding (see [`Explorer::reveal`]) with the focus on it, said and its tooltip
    /// shown; a path that names no node changes nothing.
    pub fn reveal_focused(&mut self, path: &str) -> Changed {
        let before = self.place();
        if !self.reveal(path) {
            return Changed::default();
        }
        let level = self.moved_from(before);
        let shown = self.focus_shown(self.interaction.focus);
        level.then_focus(shown)
    }

    /// Escape: one level up, the focus on the part the reader came from; at the root the key is left
    /// to the page.
    fn escape(&mut self) -> Changed {
        let before = self.place();
        if !self.up() {
            return Changed::default();
        }
        let level = self.moved_from(before);
        let shown = self.focus_shown(self.interaction.focus);
        level.then_focus(shown)
    }
}

impl Changed {
    /// A new level (`self`) with a part focused on it (`shown`): the part's words include the level's.
    fn then_focus(self, shown: Changed) -> Changed {
        Changed {
            render: true,
            enter: self.enter,
            say: shown.say.or(self.say),
            ..shown
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FocusEvent::{In, Out, Press};
    use crate::explorer::Explorer;
    use crate::view::tests::report;
    use crate::ChartKind;
    use budget_lens_core::Lang;

    fn explorer(kind: ChartKind) -> Explorer {
        let mut e = Explorer::new(report(), "", kind, Lang::Zh).unwrap();
        e.layout_for(600.0, 360.0);
        e
    }

    #[test]
    fn arrows_home_and_end_move_the_focus_and_say_the_part() {
        let mut e = explorer(ChartKind::Pie);
        let right = e.key("ArrowRight");
        assert!(right.handled && right.draw);
        assert_eq!(right.tip, Some(0));
        assert_eq!(right.say.as_deref(), Some("基本支出 897.05万元 57.87%"));
        assert_eq!(e.key("ArrowDown").tip, Some(1));
        assert_eq!(e.key("ArrowDown").tip, Some(0), "wraps around");
        assert_eq!(e.key("ArrowUp").tip, Some(1));
        assert_eq!(e.key("Home").tip, Some(0));
        assert_eq!(e.key("End").tip, Some(1));
        let other = e.key("a");
        assert!(
            !other.handled && other == Default::default(),
            "left to the page"
        );
    }

    #[test]
    fn space_hides_a_pies_part_and_says_so_but_opens_a_bar() {
        let mut e = explorer(ChartKind::Pie);
        assert_eq!(e.key(" "), super::Changed::handled(), "nothing focused");
        e.key("Home");
        let hidden = e.key(" ");
        assert_eq!(e.interaction().hidden, [true, false]);
        assert!(hidden.say.unwrap().ends_with("已隐藏"));
        assert!(!e.key(" ").say.unwrap().ends_with("已隐藏"), "shown again");
        let mut bars = explorer(ChartKind::Bar);
        bars.key("Home");
        let opened = bars.key(" ");
        assert!(opened.render && opened.select.is_some());
        assert_eq!(bars.view().path, "expenditure/basic");
    }

    #[test]
    fn enter_selects_and_opens_with_the_first_part_focused_and_escape_comes_back() {
        let mut e = explorer(ChartKind::Pie);
        e.key("Home");
        let enter = e.key("Enter");
        assert_eq!(enter.select.as_ref().unwrap().path, "expenditure/basic");
        assert!(enter.render && enter.enter && enter.handled);
        assert_eq!(enter.tip, Some(0));
        let said = enter.say.unwrap();
        assert!(
            said.starts_with("基本支出") && said.ends_with("工资福利支出 700.05万元 78.04%"),
            "the level, then its first part: {said}"
        );
        // A leaf: selected, nothing opened.
        e.key("End");
        let leaf = e.key("Enter");
        assert!(leaf.select.is_some() && !leaf.render);
        let escape = e.key("Escape");
        assert!(escape.render && escape.enter && escape.handled);
        assert_eq!(escape.tip, Some(0), "the part the reader came from");
        assert!(escape.say.unwrap().starts_with("支出合计"));
        assert!(!e.key("Escape").handled, "at the root Escape is the page's");
    }

    #[test]
    fn the_focus_comes_back_after_a_blur_but_not_after_a_pointers_press() {
        let mut e = explorer(ChartKind::Pie);
        let first = e.focus_event(In);
        assert_eq!(first.tip, Some(0), "the first part");
        e.key("ArrowRight");
        let out = e.focus_event(Out);
        assert_eq!((out.draw, out.tip), (true, Some(-1)));
        assert_eq!(
            e.interaction().focus,
            None,
            "no mark without the keyboard focus"
        );
        assert_eq!(e.focus_event(In).tip, Some(1), "back where it was");
        // A press takes the mark away, and the focus it gives draws none.
        assert!(e.focus_event(Press).draw);
        assert_eq!(e.focus_event(In), Default::default());
        assert_eq!(e.interaction().focus, None);
        // A key after a press is the keyboard's again.
        e.focus_event(Press);
        e.key("ArrowLeft");
        e.focus_event(Out);
        assert_eq!(e.focus_event(In).tip, Some(1));
    }

    #[test]
    fn a_new_level_is_said_once_and_before_the_next_focused_part() {
        let mut e = explorer(ChartKind::Pie);
        let before = e.place();
        e.open("expenditure/basic").unwrap();
        let opened = e.moved_from(before);
        assert!(opened.render && opened.enter);
        let sentence = opened.say.unwrap();
        let focused = e.focus_event(super::FocusEvent::In).say.unwrap();
        assert!(focused.starts_with(&sentence), "{focused}");
        assert!(!e.key("ArrowRight").say.unwrap().starts_with(&sentence));
        // The same level again or another chart: drawn afresh, nothing said; another chart enters.
        let before = e.place();
        e.set_kind(ChartKind::Bar);
        let bars = e.moved_from(before);
        assert!(bars.render && bars.enter && bars.say.is_none());
    }

    #[test]
    fn bars_are_walked_largest_first_even_before_their_layout() {
        let mut e = explorer(ChartKind::Bar);
        e.open("expenditure/basic").unwrap();
        assert!(e.last_layout().is_none());
        assert_eq!(
            e.key("Home").tip,
            Some(0),
            "工资福利支出 700.05 is the larger"
        );
        let json = r#"{"format":"budget-lens/1","unit":"万元","breakdowns":[
          {"id":"e","label":"支出","amount":"10.00","items":[
            {"id":"a","label":"甲","amount":"2.00"},{"id":"b","label":"乙","amount":"5.00"}]}]}"#;
        let report = budget_lens_core::report::parse_report(json).unwrap();
        let mut e = Explorer::new(report, "", ChartKind::Bar, Lang::Zh).unwrap();
        assert_eq!(e.key("Home").tip, Some(1));
    }
}
