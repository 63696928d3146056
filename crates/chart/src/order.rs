//! Ordering the few items of one level (at most [`MAX_SHOWN`](crate::view::MAX_SHOWN)) without the standard
//! library's sorts: each call site's closure instantiates its own copy of driftsort or ipnsort, 3–5 KB of wasm
//! apiece (20 KB before optimisation for four call sites and one selection). An insertion sort is a few
//! hundred bytes and, on 50 items, as fast.

/// Sorts `items` stably: `a` goes before `b` when `before(a, b)`; equal items keep their order. Quadratic:
/// for the items of one level only.
pub fn sort_few_by<T>(items: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// The indices of the `keep` items of `0..count` that come first by `before` (the earlier index on a
/// tie), in index order. Linear in `count` for a fixed `keep`: for choosing the shown items of a level of
/// any width.
pub fn first_few(
    count: usize,
    keep: usize,
    mut before: impl FnMut(usize, usize) -> bool,
) -> Vec<usize> {
    // `best` stays ordered by `before`, the earlier index first among equals.
    let mut best: Vec<usize> = Vec::with_capacity(keep + 1);
    for i in 0..count {
        if best.len() == keep && best.last().is_none_or(|&last| !before(i, last)) {
            continue;
        }
        let at = best
            .iter()
            .position(|&b| before(i, b))
            .unwrap_or(best.len());
        best.insert(at, i);
        best.truncate(keep);
    }
    sort_few_by(&mut best, |a, b| a < b);
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_few_by(&mut v, |a, b| a.0 > b.0);
        assert_eq!(v, [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]);
        let mut empty: [u8; 0] = [];
        sort_few_by(&mut empty, |a, b| a < b);
    }

    #[test]
    fn keeps_the_largest_in_index_order_and_the_earlier_on_ties() {
        let amounts = [5, 9, 1, 9, 7, 3, 7];
        let larger = |a: usize, b: usize| amounts[a] > amounts[b];
        assert_eq!(first_few(amounts.len(), 3, larger), vec![1, 3, 4]);
        assert_eq!(first_few(amounts.len(), 4, larger), vec![1, 3, 4, 6]);
        assert_eq!(
            first_few(amounts.len(), 10, larger),
            (0..7).collect::<Vec<_>>()
        );
        assert_eq!(first_few(0, 3, larger), Vec::<usize>::new());
        assert_eq!(first_few(amounts.len(), 0, larger), Vec::<usize>::new());
    }

    #[test]
    fn agrees_with_the_standard_sort_on_many_orders() {
        // A small deterministic generator: every order of many lengths with repeated values.
        let mut seed = 7u32;
        for len in 0..60 {
            let values: Vec<u32> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (seed >> 16) % 10
                })
                .collect();
            let mut ours: Vec<(u32, usize)> = values.iter().copied().zip(0..).collect();
            let mut theirs = ours.clone();
            sort_few_by(&mut ours, |a, b| a.0 > b.0);
            theirs.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(ours, theirs, "len {len}");
            let keep = len / 3;
            let mut expected: Vec<usize> = theirs.iter().take(keep).map(|p| p.1).collect();
            expected.sort();
            assert_eq!(first_few(len, keep, |a, b| values[a] > values[b]), expected);
        }
    }
}
