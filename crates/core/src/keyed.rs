//! A read-only map from string keys, for the few look-ups by id or path: entries sorted once by key (an own
//! heapsort), found by binary search. It replaces `HashMap`/`HashSet`, whose hash tables (hashbrown, SipHash)
//! were ~10 KB of the widget's wasm before wasm-opt.

/// Entries with their positions sorted by key; entries with equal keys stay in the order they were given.
/// The sorting and searching are not generic (one copy in the wasm for every key and value type).
pub struct Keyed<K, V> {
    entries: Vec<(K, V)>,
    /// Positions in `entries`, ordered by (key, position).
    order: Vec<usize>,
}

impl<K: AsRef<str>, V> Keyed<K, V> {
    pub fn new(items: impl IntoIterator<Item = (K, V)>) -> Self {
        let entries: Vec<(K, V)> = items.into_iter().collect();
        let order = sorted_order(
            &|i| entries.get(i).map_or("", |e| e.0.as_ref()),
            entries.len(),
        );
        Keyed { entries, order }
    }

    fn key(&self, i: usize) -> &str {
        self.entries.get(i).map_or("", |e| e.0.as_ref())
    }

    /// The value last given for `key`, as a hash map built by inserting every item in turn holds.
    pub fn get(&self, key: &str) -> Option<&V> {
        let found = of_key(&self.order, &|i| self.key(i), key);
        found
            .last()
            .and_then(|&i| self.entries.get(i))
            .map(|e| &e.1)
    }

    pub fn contains(&self, key: &str) -> bool {
        !of_key(&self.order, &|i| self.key(i), key).is_empty()
    }

    /// The first position whose key was already given before it: where inserting the items in turn into a
    /// set first fails.
    pub fn first_repeat(&self) -> Option<usize> {
        first_repeat(&self.order, &|i| self.key(i))
    }

    /// The values grouped by key (keys in sorted order; each group's values in the order given).
    pub fn groups(&self) -> Vec<Vec<&V>> {
        let mut groups: Vec<Vec<&V>> = Vec::new();
        let mut last: Option<&str> = None;
        for &i in &self.order {
            let Some((key, value)) = self.entries.get(i) else {
                continue;
            };
            match groups.last_mut() {
                Some(group) if last == Some(key.as_ref()) => group.push(value),
                _ => groups.push(vec![value]),
            }
            last = Some(key.as_ref());
        }
        groups
    }
}

/// A key by position.
type KeyOf<'k> = dyn Fn(usize) -> &'k str + 'k;

/// The positions of `key` in `order` (a slice of it, in the order given).
fn of_key<'o>(order: &'o [usize], key_of: &KeyOf, key: &str) -> &'o [usize] {
    let start = order.partition_point(|&i| key_of(i) < key);
    let rest = order.get(start..).unwrap_or_default();
    let len = rest.partition_point(|&i| key_of(i) == key);
    rest.get(..len).unwrap_or_default()
}

fn first_repeat(order: &[usize], key_of: &KeyOf) -> Option<usize> {
    order
        .iter()
        .zip(order.iter().skip(1))
        .filter(|(&a, &b)| key_of(a) == key_of(b))
        .map(|(_, &b)| b)
        .min()
}

/// Positions `0..len` ordered by (key, position): an in-place heapsort (O(n log n), the standard sorts are
/// several KB per type).
fn sorted_order(key_of: &KeyOf, len: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..len).collect();
    let less = |a: usize, b: usize| (key_of(a), a) < (key_of(b), b);
    for start in (0..len / 2).rev() {
        sift_down(&mut v, start, len, &less);
    }
    for end in (1..len).rev() {
        v.swap(0, end);
        sift_down(&mut v, 0, end, &less);
    }
    v
}

/// Moves `v[root]` down the heap `v[..end]` (`end <= v.len()`).
fn sift_down(v: &mut [usize], mut root: usize, end: usize, less: &dyn Fn(usize, usize) -> bool) {
    let at = |v: &[usize], i: usize| v.get(i).copied().unwrap_or_default();
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(at(v, child), at(v, child + 1)) {
            child += 1;
        }
        if !less(at(v, root), at(v, child)) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::Keyed;
    use std::collections::{HashMap, HashSet};

    fn keys(seed: u64, n: usize) -> Vec<String> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                format!("k{}", (x >> 33) % (n as u64 / 2 + 1))
            })
            .collect()
    }

    #[test]
    fn answers_as_hash_maps_and_sets_do() {
        for seed in 0..40 {
            let n = (seed as usize * 7) % 90;
            let keys = keys(seed, n);
            let keyed = Keyed::new(keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)));
            let map: HashMap<&str, usize> = keys
                .iter()
                .enumerate()
                .map(|(i, k)| (k.as_str(), i))
                .collect();
            for probe in keys.iter().map(String::as_str).chain(["", "k", "zz"]) {
                assert_eq!(keyed.get(probe), map.get(probe));
                assert_eq!(keyed.contains(probe), map.contains_key(probe));
            }
            let mut seen = HashSet::new();
            let repeat = keys.iter().position(|k| !seen.insert(k.as_str()));
            assert_eq!(keyed.first_repeat(), repeat);
            let mut grouped: HashMap<&str, Vec<usize>> = HashMap::new();
            for (i, k) in keys.iter().enumerate() {
                grouped.entry(k).or_default().push(i);
            }
            let mut expected: Vec<Vec<usize>> = grouped.into_values().collect();
            expected.sort();
            let mut groups: Vec<Vec<usize>> = keyed
                .groups()
                .into_iter()
                .map(|g| g.into_iter().copied().collect())
                .collect();
            groups.sort();
            assert_eq!(groups, expected);
        }
    }
}
