//! Shares of a total the text names but never prints (`share_base`, docs/FORMAT.md "Shares"): consecutive
//! shares of one such base that add up to 100% within their rounding are its whole, so the base is the sum of
//! their amounts. Found once per report, in document order, by a sliding window (linear in the nodes).

use rust_decimal::Decimal;

use super::tolerance::{half_unit, sum};
use crate::exact::Exact;
use crate::keyed::Keyed;
use crate::report::{Node, Report};

/// The whole a node's share is of: the sum of the amounts of its group and that sum's rounding.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Whole {
    pub amount: Decimal,
    pub half_units: Decimal,
}

/// A node stating a share of an unprinted base: its path, amount and share.
struct Entry {
    path: String,
    amount: Decimal,
    share: Decimal,
}

/// The whole of every node that belongs to a group of shares adding up to 100%, by the node's path.
/// (Sorted by key, [`Keyed`]: the order of the bases does not matter, and a B-tree map was ~10 KB of the
/// widget's wasm, hash maps ~10 KB too.)
pub(super) fn wholes(report: &Report) -> Keyed<String, Whole> {
    let mut by_base: Vec<(&str, Entry)> = Vec::new();
    let mut stack: Vec<(&Node, String)> = report
        .breakdowns
        .iter()
        .rev()
        .map(|n| (n, n.id.clone()))
        .collect();
    while let Some((node, path)) = stack.pop() {
        for child in node.items.iter().rev() {
            stack.push((child, format!("{path}/{}", child.id)));
        }
        if let (Some(base), Some(share), None) = (&node.share_base, node.share, &node.share_of) {
            let entry = Entry {
                path,
                amount: node.amount.value(),
                share: share.value(),
            };
            by_base.push((base.as_str(), entry));
        }
    }
    let mut wholes = Vec::new();
    for entries in Keyed::new(by_base).groups() {
        let shares: Vec<Decimal> = entries.iter().map(|e| e.share).collect();
        for group in groups(&shares) {
            let group = &entries[group.0..group.1];
            let amounts = sum(group.iter().map(|e| e.amount));
            let halves = sum(group.iter().map(|e| half_unit(e.amount)));
            let (Some(amount), Some(half_units)) = (amounts, halves) else {
                continue;
            };
            for e in group {
                let whole = Whole { amount, half_units };
                wholes.push((e.path.clone(), whole));
            }
        }
    }
    Keyed::new(wholes)
}

/// Runs of at least two consecutive shares adding up to 100 within their rounding (`start..end`).
fn groups(shares: &[Decimal]) -> Vec<(usize, usize)> {
    let hundred = Decimal::ONE_HUNDRED;
    let mut found = Vec::new();
    let (mut start, mut end) = (0, 0);
    let (mut total, mut halves) = (Decimal::ZERO, Decimal::ZERO);
    while start < shares.len() {
        while let Some(&next) = shares.get(end) {
            // Checked: a report's shares may be any decimal, and an overflow must not panic in the widget.
            let (Some(t), Some(h)) = (total.plus(next), halves.plus(half_unit(next))) else {
                break;
            };
            if hundred.plus(h).is_none_or(|limit| t > limit) {
                break;
            }
            (total, halves, end) = (t, h, end + 1);
        }
        let off = total.minus(hundred).map(|d| d.abs());
        if end - start >= 2 && off.is_some_and(|off| off <= halves) {
            found.push((start, end));
            (start, total, halves) = (end, Decimal::ZERO, Decimal::ZERO);
        } else if end == start {
            (start, end) = (start + 1, end + 1);
        } else {
            // Taking back what was added cannot overflow.
            total = total.minus(shares[start]).unwrap_or(total);
            halves = halves.minus(half_unit(shares[start])).unwrap_or(halves);
            start += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(shares: &[&str]) -> Vec<Decimal> {
        shares.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn consecutive_shares_adding_to_a_hundred() {
        // A share of another split first (项目支出 4.43%), then the four classes that are the whole.
        let e = entries(&["4.43", "78.33", "10.73", "4.04", "6.90"]);
        assert_eq!(groups(&e), [(1, 5)]);
        assert!(groups(&entries(&["60", "30"])).is_empty());
        assert_eq!(
            groups(&entries(&["60", "40", "120", "50", "50"])),
            [(0, 2), (3, 5)]
        );
    }

    #[test]
    fn shares_at_the_decimal_limit_do_not_overflow() {
        let max = "79228162514264337593543950335";
        assert!(groups(&entries(&[max, max, "50", "50"])).contains(&(2, 4)));
    }
}
