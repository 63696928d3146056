//! 本年收入 / 本年支出 as an item: the sources of this year's money belong under it, not beside it.
//!
//! `总收入581.45万元，其中本年收入390.55万元…1.财政拨款收入382.17万元 2.上级补助收入8.38万元 3.上年结转和结余
//! 190.89万元`: the total is 本年 + what was carried over; 财政拨款收入 and 上级补助收入 are parts of 本年收入.
//! Put beside it, they would count this year's money twice in the total's sum. The function classes of spending
//! printed after 本年支出 split it too.

use super::*;

/// Items of a total that are not this year's money: carried over, surplus used or distributed, and 本年 itself.
const NOT_THIS_YEARS: &[&str] = &[
    "current_year",
    "carryover",
    "carryover_end",
    "non_fiscal_surplus",
    "surplus_distribution",
];

impl Assembler<'_> {
    /// Where an item of `parent` goes: under `parent`'s 本年 item when `parent` has one, the label is a source of
    /// this year's money, and `parent` does not hold that item itself already (printed before 本年 was).
    pub(super) fn owner_of_source(&self, parent: usize, label: &str) -> usize {
        let built = &self.nodes[parent];
        let Some(schema @ ("income" | "expenditure")) = built.schema.as_deref() else {
            return parent;
        };
        let this_year = built.child_by_id.get("current_year").copied();
        // `本年支出480.71万元…支出具体情况如下：1.社会保障和就业支出467.99万元`: the function classes split this
        // year's spending.
        let source = match child_of(schema, label) {
            Some((id, _)) => !NOT_THIS_YEARS.contains(&id) && !built.child_by_id.contains_key(id),
            None => schema == "expenditure" && is_function_class(label),
        };
        match this_year {
            Some(this_year) if source => this_year,
            _ => parent,
        }
    }
}
