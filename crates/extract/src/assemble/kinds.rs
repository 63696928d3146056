//! The names of spending split otherwise than by function class (类), in one place: a list by function class
//! refuses them as items, a breakdown by kind takes them, an open list's total named so is passed over. The
//! sets differ on purpose; each says which test uses it and why.

/// The schemas of spending totals split by function class (类).
pub(super) const BY_FUNCTION: [&str; 3] = [
    "gpb_by_function",
    "gov_fund_expenditure",
    "state_capital_expenditure",
];

/// 基本支出 and 项目支出: the two kinds that split a whole total of spending (`…支出A万元。其中:基本支出B万元,项目
/// 支出C万元`), the same money as its function classes counted another way.
const SPENDING_KINDS: [&str; 2] = ["基本支出", "项目支出"];

/// 人员经费 and (日常)公用经费: the economic parts of 基本支出 — a split of one kind, not of the whole total.
const PARTS_OF_BASIC: [&str; 2] = ["人员经费", "公用经费"];

/// An item that splits a whole spending total by kind (`基本支出`, `一般公共预算财政拨款项目支出`), as printed:
/// what a list by function class does not take as a class ([`super::by_kind`] gives it a breakdown of its own).
/// Not 人员经费 or 公用经费: they split 基本支出, not the total.
pub(super) fn splits_total_by_kind(label: &str) -> bool {
    SPENDING_KINDS.iter().any(|k| label.ends_with(k))
}

/// A figure of spending by kind or of one of 基本支出's parts, `预算` after it or not (`基本支出预算`,
/// `人员经费`): never a total whose items are function classes, at whatever depth of the split by kind it
/// stands (an open list passes over it to its parent).
pub(super) fn is_economic_kind(label: &str) -> bool {
    let name = label.strip_suffix("预算").unwrap_or(label);
    splits_total_by_kind(name) || PARTS_OF_BASIC.iter().any(|k| name.ends_with(k))
}

/// Spending by economic category (工资福利支出, 商品和服务支出…, the 类 of the 支出经济分类): another split of
/// spending than the function classes, never one of them.
pub(super) fn is_economic_category(label: &str) -> bool {
    [
        "工资福利支出",
        "商品和服务支出",
        "对个人和家庭的补助",
        "对企业补助",
        "资本性支出",
        "债务利息及费用支出",
    ]
    .iter()
    .any(|t| label.starts_with(t))
}
