//! The rows of a pasted table: each a label (words, after its list marker if any) and the numbers after it.
//! A row's numbers fill the header's columns (the assumed rate columns too, in doubt) or the row is left
//! out — and then the row above it in the list is partial, since one of its items is missing.
//! Rows nest by their list markers (`一、` > `(一)` > `1.` > `(1)`) and under a `合计`/`总计` row before them;
//! other unmarked rows stand alone.

use budget_lens_core::report::{Amount, Doubt, Node, Span};
use rust_decimal::Decimal;

use super::cells::{Cell, Number};
use super::columns::{Columns, Role};
use crate::vocabulary;

/// The label of a row whose name was not printed (the first row of a flattened table, usually its total).
const UNNAMED: &str = "(名称未印出)";

/// Unmarked rows that hold the marked rows after them (`合计` then `1.基本支出`, `2.项目支出`).
pub(super) const TOTALS: &[&str] = &["合计", "总计"];

/// A row as printed: its list level, label and numbers.
struct Printed<'c> {
    level: Option<u8>,
    label: String,
    numbers: Vec<(&'c Number, Span)>,
}

/// The rows of `cells` as trees of nodes, ids `{prefix}{row number}`.
pub fn nodes(cells: &[Cell], columns: &Columns, prefix: &str) -> Vec<Node> {
    let mut arena: Vec<(Node, Option<usize>)> = Vec::new();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    // Every row in order, with its node's index in the arena (none: left out).
    let mut rows: Vec<(Printed, Option<usize>)> = Vec::new();
    for (index, row) in printed_rows(cells).into_iter().enumerate() {
        let level = row.level.unwrap_or(0);
        while stack.last().is_some_and(|&(l, _)| l >= level || level == 0) {
            stack.pop();
        }
        let parent = stack.last().map(|&(_, at)| at);
        match node(&row, columns, format!("{prefix}{}", index + 1)) {
            Some(node) => {
                let total = level == 0 && TOTALS.contains(&row.label.as_str());
                arena.push((node, parent));
                if level > 0 || total {
                    stack.push((level, arena.len() - 1));
                }
                rows.push((row, Some(arena.len() - 1)));
            }
            None => {
                if let Some(p) = parent {
                    arena[p].0.partial = true;
                }
                rows.push((row, None));
            }
        }
    }
    cut_lists_partial(&mut arena, &stack);
    nest_three_public(&mut arena, &rows);
    into_trees(arena)
}

/// The lists still open at the table's last row that hold one item only (`三、支出合计` > `(一)支出小计` >
/// `1.待遇支出`, then nothing): a list is not numbered for one item, so the copy stopped inside it and its
/// parent is partial.
fn cut_lists_partial(arena: &mut [(Node, Option<usize>)], open: &[(u8, usize)]) {
    for &(_, at) in open {
        let items = arena
            .iter()
            .filter(|(_, parent)| *parent == Some(at))
            .count();
        if items == 1 {
            arena[at].0.partial = true;
        }
    }
}

/// 三公 tables print their kinds unmarked under `合计` (`合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费
/// | 其中:公务用车运行费 | 公务用车购置费`), or over a total printed last (`… | 总“三公”经费支出`): when a run of
/// unmarked rows is a total and, before or after it, only rows naming kinds of 三公 spending, the kinds go
/// under the total and the car's purchase and running under the car row (the total itself when the table
/// prints no car row). A kind printed without figures leaves its parent partial.
fn nest_three_public(arena: &mut [(Node, Option<usize>)], rows: &[(Printed, Option<usize>)]) {
    let mut start = 0;
    while start < rows.len() {
        let run = rows[start..]
            .iter()
            .take_while(|(r, _)| r.level.is_none())
            .count()
            .max(1);
        let unmarked = &rows[start..start + run];
        if unmarked.iter().all(|(r, _)| r.level.is_none()) {
            nest_run(arena, unmarked);
        }
        start += run;
    }
}

/// One run of unmarked rows: its total first or last, the kinds beside it.
fn nest_run(arena: &mut [(Node, Option<usize>)], run: &[(Printed, Option<usize>)]) {
    let is_total =
        |r: &Printed| TOTALS.contains(&r.label.as_str()) || names_the_three_public(&r.label);
    let (total, others) = match run {
        [(first, Some(at)), rest @ ..] if is_total(first) => (*at, rest),
        [rest @ .., (last, Some(at))] if is_total(last) => (*at, rest),
        _ => return,
    };
    let kinds: Option<Vec<(Option<usize>, &str)>> = others
        .iter()
        .map(|(r, at)| Some((*at, three_public_kind(&r.label)?)))
        .collect();
    match kinds {
        Some(kinds) if kinds.len() >= 2 && arena[total].1.is_none() => {
            nest_kinds(arena, total, &kinds)
        }
        _ => {}
    }
}

/// `总“三公”经费支出`, `“三公”经费合计`: a row naming the 三公 total.
pub(super) fn names_the_three_public(label: &str) -> bool {
    vocabulary::root_of(label).is_some_and(|root| root.id == "three_public")
}

/// The kinds' rows under the total, the car's parts under the car row.
fn nest_kinds(
    arena: &mut [(Node, Option<usize>)],
    total_at: usize,
    kinds: &[(Option<usize>, &str)],
) {
    let car = kinds
        .iter()
        .find(|(at, kind)| at.is_some() && *kind == "vehicles")
        .and_then(|(at, _)| *at);
    for &(at, kind) in kinds {
        let car_part = matches!(kind, "vehicle_purchase" | "vehicle_operation");
        let parent = match car_part {
            true => car.unwrap_or(total_at),
            false => total_at,
        };
        match at {
            Some(at) => arena[at].1 = Some(parent),
            None => arena[parent].0.partial = true,
        }
    }
    // Whole only with all its parts printed: the car with both its purchase and its running (often only
    // `其中:公务用车运行费` is printed), the total with going abroad, receptions and the car (or both its parts).
    let has = |kind: &str| kinds.iter().any(|&(at, k)| k == kind && at.is_some());
    let car_whole = has("vehicle_purchase") && has("vehicle_operation");
    match car {
        Some(car) if !car_whole && (has("vehicle_purchase") || has("vehicle_operation")) => {
            arena[car].0.partial = true;
        }
        _ => {}
    }
    if !(has("abroad") && has("reception") && (car.is_some() || car_whole)) {
        arena[total_at].0.partial = true;
    }
}

/// The kind of 三公 spending a row's label names (`其中:` before it dropped): its id in the vocabulary.
pub(super) fn three_public_kind(label: &str) -> Option<&'static str> {
    let label = label.strip_prefix("其中:").unwrap_or(label);
    vocabulary::child_of("three_public", label).map(|(id, _)| id)
}

/// Rows as printed: the words up to the first number, then the numbers up to the next word. A whole label
/// before empty cells only (`因公出国(境)费 | ||`) ends a row of its own, without figures; the first line of a
/// label wrapped over two (`公务用车购置及运行 | | |` then `费 | 6 | 7 |`) goes on into the next.
fn printed_rows(cells: &[Cell]) -> Vec<Printed<'_>> {
    let mut rows = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let mut numbers = Vec::new();
        match &cells[i].number {
            None if cells[i].before_empty_cells && whole_label(&words, &cells[i].text) => {
                words.push(&cells[i].text);
                i += 1;
            }
            None => {
                words.push(&cells[i].text);
                i += 1;
                continue;
            }
            Some(_) => {
                while let Some(n) = cells.get(i).and_then(|c| c.number.as_ref()) {
                    numbers.push((n, cells[i].at));
                    i += 1;
                }
            }
        }
        let (level, label) = label(&words);
        rows.push(Printed {
            level,
            label,
            numbers,
        });
        words.clear();
    }
    rows
}

/// Whether the words so far and `word` make a whole row label: marked as a list item, a total, a sum of
/// money by its last word (`…费`, `…收入`) or an item the vocabulary knows.
fn whole_label(words: &[&str], word: &str) -> bool {
    let mut all = words.to_vec();
    all.push(word);
    let (level, label) = label(&all);
    level.is_some()
        || TOTALS.contains(&label.as_str())
        || vocabulary::names_money(&label)
        || vocabulary::names_known_item(&label)
}

/// The label after the last list marker of the words (headings before it are not the row's), and its level.
pub(super) fn label(words: &[&str]) -> (Option<u8>, String) {
    let last_marked = words.iter().rposition(|w| marker(w).is_some());
    let (level, rest) = match last_marked {
        Some(at) => {
            let (level, rest) = marker(words[at]).unwrap_or((0, words[at]));
            (
                Some(level),
                std::iter::once(rest).chain(words[at + 1..].iter().copied()),
            )
        }
        None => (None, std::iter::once("").chain(words.iter().copied())),
    };
    let label: String = rest.collect();
    match label.is_empty() {
        true => (level, UNNAMED.to_string()),
        false => (level, label),
    }
}

/// A list marker opening a word: `一、` (1), `(一)` (2), `1.`/`1、` (3), `(1)` (4); the rest of the word.
pub(super) fn marker(word: &str) -> Option<(u8, &str)> {
    // `其中:(1)公务用车运行费`: the items of the row above, marked as usual after the `其中:`.
    let word = word.strip_prefix("其中:").unwrap_or(word);
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let han = |s: &str| !s.is_empty() && s.chars().all(numeral);
    if let Some(inner) = word.strip_prefix('(') {
        let (inside, rest) = inner.split_once(')')?;
        return match (han(inside), digits(inside)) {
            (true, _) => Some((2, rest)),
            (_, true) => Some((4, rest)),
            _ => None,
        };
    }
    let end = word.find(['、', '.'])?;
    let (head, rest) = (&word[..end], &word[end..]);
    let rest = rest.get(rest.chars().next()?.len_utf8()..)?;
    match (han(head), digits(head), word[end..].starts_with('、')) {
        (true, _, true) => Some((1, rest)),
        (_, true, _) if !rest.starts_with(|c: char| c.is_ascii_digit()) => Some((3, rest)),
        _ => None,
    }
}

/// The node of a row whose numbers fill the named columns, or the named and the assumed ones.
fn node(row: &Printed, columns: &Columns, id: String) -> Option<Node> {
    let all: Vec<Role> = columns
        .named
        .iter()
        .chain(&columns.assumed)
        .copied()
        .collect();
    let (roles, assumed) = match row.numbers.len() {
        n if n == columns.named.len() => (&columns.named[..], false),
        n if n == all.len() && !columns.assumed.is_empty() => (&all[..], true),
        _ => return None,
    };
    let fits = roles
        .iter()
        .zip(&row.numbers)
        .all(|(role, (n, _))| n.blank || role.is_rate() == n.percent);
    if !fits {
        return None;
    }
    let mut node = Node::new(id, row.label.clone(), Decimal::ZERO);
    for (&role, &(n, at)) in roles.iter().zip(&row.numbers) {
        if n.blank && role == Role::Amount {
            return None;
        }
        if !n.blank {
            set(&mut node, role, n.value, at);
        }
    }
    if assumed {
        node.doubt.push(Doubt::Columns);
    }
    Some(node)
}

pub(super) fn set(node: &mut Node, role: Role, value: Decimal, at: Span) {
    let spans = &mut node.spans;
    if role == Role::Amount {
        (node.amount, node.at) = (Amount(value), Some(at));
        return;
    }
    let value = Some(Amount(value));
    match role {
        Role::Amount => {}
        Role::Prior => (node.prior, spans.prior) = (value, Some(at)),
        Role::Budget => (node.budget, spans.budget) = (value, Some(at)),
        Role::Change => (node.change, spans.change) = (value, Some(at)),
        Role::ChangePct => (node.change_pct, spans.change_pct) = (value, Some(at)),
        Role::CompletionPct => (node.completion_pct, spans.completion_pct) = (value, Some(at)),
        Role::Part | Role::Unread => {}
        Role::Decrease => (node.change, spans.change) = (turned(value), Some(at)),
        Role::DecreasePct => (node.change_pct, spans.change_pct) = (turned(value), Some(at)),
    }
}

/// A decrease as a change: its sign turned (a decrease of 0 is a change of 0, never -0).
fn turned(value: Option<Amount>) -> Option<Amount> {
    value.map(|Amount(v)| match v.is_zero() {
        true => Amount(Decimal::ZERO),
        false => Amount(-v),
    })
}

/// Nodes with their parents' indices → the trees of the roots, items in printed order.
pub(super) fn into_trees(arena: Vec<(Node, Option<usize>)>) -> Vec<Node> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); arena.len()];
    let mut roots = Vec::new();
    for (i, (_, parent)) in arena.iter().enumerate() {
        match parent {
            Some(p) => children[*p].push(i),
            None => roots.push(i),
        }
    }
    let mut slots: Vec<Option<Node>> = arena.into_iter().map(|(n, _)| Some(n)).collect();
    roots
        .into_iter()
        .filter_map(|r| tree(r, &children, &mut slots))
        .collect()
}

/// The node at `i` with its items (at most four levels deep: one per kind of list marker).
fn tree(i: usize, children: &[Vec<usize>], slots: &mut [Option<Node>]) -> Option<Node> {
    let mut node = slots[i].take()?;
    for &c in &children[i] {
        node.items.extend(tree(c, children, slots));
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_their_levels() {
        assert_eq!(marker("一、收入"), Some((1, "收入")));
        assert_eq!(marker("(一)"), Some((2, "")));
        assert_eq!(marker("1."), Some((3, "")));
        assert_eq!(marker("(2)其他"), Some((4, "其他")));
        assert_eq!(marker("增值税"), None);
        assert_eq!(marker("其中:(1)运行费"), Some((4, "运行费")));
        assert_eq!(marker("2017比2016增减"), None);
    }

    #[test]
    fn the_label_is_after_the_last_marker() {
        let words = ["一、收入支出情况对比", "(一)", "收入总计"];
        assert_eq!(label(&words), (Some(2), "收入总计".to_string()));
        assert_eq!(label(&[]), (None, UNNAMED.to_string()));
    }
}
