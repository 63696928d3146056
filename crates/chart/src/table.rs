//! The level's table as the element shows it: each item's figures as printed text under the names the
//! element reads, and which of those columns the table has (the CSV export has its own columns of exact
//! figures: csv.rs).

use super::strings::ui_strings;
use super::view::{ChartView, Item};

/// The names of an item's figure columns, in the table's order (the names of [`item_texts`]).
pub const COLUMNS: [&str; 8] = [
    "amount_text",
    "share_text",
    "share_of_whole_text",
    "prior_text",
    "change_text",
    "change_pct_text",
    "budget_text",
    "completion_text",
];

/// An item's figures as printed text, one per column of [`COLUMNS`] (`None`: the report states none).
pub fn item_texts(item: &Item) -> [Option<&str>; 8] {
    [
        Some(item.amount_text.as_str()),
        item.share_text.as_deref(),
        item.share_of_whole_text.as_deref(),
        item.prior_text.as_deref(),
        item.change_text.as_deref(),
        item.change_pct_text.as_deref(),
        item.budget_text.as_deref(),
        item.completion_text.as_deref(),
    ]
}

/// The table's figure columns as (name, header): those some item has; the share of the whole only
/// below a breakdown's root (at the root it is the share).
pub fn table_columns(view: &ChartView, below_root: bool) -> Vec<(&'static str, &'static str)> {
    let s = ui_strings(view.lang);
    let headers = [
        s.amount,
        s.share,
        s.share_of_whole,
        s.prior,
        s.change,
        s.change_pct,
        s.budget,
        s.completion,
    ];
    // Plain loops: an iterator chain here costs ~0.7 KB of wasm in adapters.
    let mut columns = Vec::new();
    for (at, name) in COLUMNS.iter().enumerate() {
        let filled = view.items.iter().any(|item| item_texts(item)[at].is_some());
        // At a breakdown's root the share of the whole is the share.
        if filled && (*name != "share_of_whole_text" || below_root) {
            columns.push((*name, headers[at]));
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::table_columns;
    use crate::view::tests::report;
    use crate::ChartView;
    use budget_lens_core::Lang;

    #[test]
    fn the_table_has_the_columns_some_item_fills() {
        let root = ChartView::new(&report(), "", &[], Lang::Zh).unwrap();
        let names: Vec<_> = table_columns(&root, false)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            names,
            [
                "amount_text",
                "share_text",
                "prior_text",
                "change_text",
                "change_pct_text",
                "budget_text",
                "completion_text"
            ]
        );
        let below = ChartView::new(&report(), "expenditure/basic", &[], Lang::En).unwrap();
        let columns = table_columns(&below, true);
        assert_eq!(
            columns,
            [
                ("amount_text", "Amount"),
                ("share_text", "Share"),
                ("share_of_whole_text", "Of the whole")
            ]
        );
    }
}
