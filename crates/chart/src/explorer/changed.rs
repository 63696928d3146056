//! What one event of the reader changed, as the element needs it: one answer per key, focus change,
//! click, new level or chart, so that the element follows the core in one pass, keeps no copy of its
//! state and never reads the whole state for one field.

/// What a `budget-lens-select` event carries: exact figures as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub path: String,
    pub label: String,
    pub amount: String,
    pub share: Option<String>,
}

/// What an event changed. Crosses into JS as a small JSON object (a few fields, no state; wire.rs).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The event meant something here: the element keeps the browser's own action (a key's scroll) away.
    pub handled: bool,
    /// A new level or chart, or a level opened afresh: everything around the chart follows the state
    /// (breadcrumb, table, description), the tooltip is emptied and the chart drawn.
    pub render: bool,
    /// The level or chart is another than before: it enters with a short animation.
    pub enter: bool,
    /// The chart is drawn again (the focus mark, a hidden part, the legend's page).
    pub draw: bool,
    /// The hover changed to this item (-1: none); `None`: the hover is as it was.
    pub hover: Option<i32>,
    /// The tooltip now shows this item (-1: hidden); `None`: as it was.
    pub tip: Option<i32>,
    /// The tooltip is a touch's card below the chart rather than a box inside it.
    pub card: bool,
    /// What the live region says now.
    pub say: Option<String>,
    /// The `budget-lens-select` detail to fire.
    pub select: Option<Selection>,
}

impl Changed {
    /// A key that means something here but finds nothing to act on (Enter with nothing focused).
    pub fn handled() -> Changed {
        Changed {
            handled: true,
            ..Changed::default()
        }
    }

    /// The chart drawn again, nothing else.
    pub fn drawn() -> Changed {
        Changed {
            draw: true,
            ..Changed::default()
        }
    }
}

/// An item's index for JS, -1 for none.
pub fn item_code(index: Option<usize>) -> i32 {
    index.and_then(|i| i32::try_from(i).ok()).unwrap_or(-1)
}
