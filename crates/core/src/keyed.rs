//! A read-only map from string keys, for the few look-ups by id or path: entries sorted once by key (an own
//! heapsort), found by binary search. It replaces `HashMap`/`HashSet`, whose hash tables (hashbrown, SipHash)
//! were ~10 KB of the widget's wasm before wasm-opt.

/// Entries sorted by key; entries with equal keys stay in the order they were given.
pub struct Keyed<K, V> {
    /// (key, position given, value), ordered by (key, position).
    entries: Vec<(K, usize, V)>,
}

impl<K: AsRef<str>, V> Keyed<K, V> {
    pub fn new(items: impl IntoIterator<Item = (K, V)>) -> Self {
        let mut entries: Vec<(K, usize, V)> = items
            .into_iter()
            .enumerate()
            .map(|(i, (k, v))| (k, i, v))
            .collect();
        heapsort(&mut entries, |a, b| {
            (a.0.as_ref(), a.1) < (b.0.as_ref(), b.1)
        });
        Keyed { entries }
    }

    /// The entries of `key`, in the order given.
    fn all(&self, key: &str) -> &[(K, usize, V)] {
        let start = self.entries.partition_point(|e| e.0.as_ref() < key);
        let len = self.entries[start..].partition_point(|e| e.0.as_ref() == key);
        &self.entries[start..start + len]
    }

    /// The value last given for `key`, as a hash map built by inserting every item in turn holds.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.all(key).last().map(|e| &e.2)
    }

    pub fn contains(&self, key: &str) -> bool {
        !self.all(key).is_empty()
    }

    /// The first position whose key was already given before it: where inserting the items in turn into a
    /// set first fails.
    pub fn first_repeat(&self) -> Option<usize> {
        self.entries
            .windows(2)
            .filter(|pair| pair[0].0.as_ref() == pair[1].0.as_ref())
            .map(|pair| pair[1].1)
            .min()
    }

    /// The values grouped by key (keys in sorted order; each group's values in the order given).
    pub fn groups(&self) -> Vec<Vec<&V>> {
        let mut groups: Vec<Vec<&V>> = Vec::new();
        let mut last: Option<&str> = None;
        for (key, _, value) in &self.entries {
            match groups.last_mut() {
                Some(group) if last == Some(key.as_ref()) => group.push(value),
                _ => groups.push(vec![value]),
            }
            last = Some(key.as_ref());
        }
        groups
    }
}

/// In-place heapsort by `less` (O(n log n), no allocation; the standard sorts are several KB per type).
fn heapsort<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for start in (0..v.len() / 2).rev() {
        sift_down(v, start, v.len(), &less);
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, &less);
    }
}

fn sift_down<T>(v: &mut [T], mut root: usize, end: usize, less: &impl Fn(&T, &T) -> bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
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
