//! The standard 三公 table, its kinds across and one row of figures under them:
//!
//! ```text
//! “三公”经费合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费 |
//!                |                | 小计 | 公务用车购置费 | 公务用车运行费 |
//! 79 | 0 | 75 | 50 | 25 | 4 |
//! ```
//!
//! Flattened to text, the header's two rows follow each other: the first row's words (the total and the
//! kinds; the car's over its parts), then the second row's (`小计`, the car's own column, and its parts),
//! sometimes with the kinds after the car's group on the second row's line. The columns in printed order are
//! the first row's, the car's replaced by its `小计` and its parts. Every header word must name a kind (or
//! the total, or `小计`), and there must be exactly one number per column: otherwise which figure is which
//! cannot be told, and the table is not read.

use budget_lens_core::report::{Node, Span};
use rust_decimal::Decimal;

use super::cells::{Cell, Number};
use super::columns::Role;
use super::rows;

/// What a header word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Total,
    /// The car's own column under it (`小计`).
    Subtotal,
    /// A kind of 三公 spending: its id in the vocabulary (`abroad`, `vehicles`, `vehicle_purchase` …).
    Kind(&'static str),
}

/// Corner words before the kinds (`项目`), not columns.
const CORNERS: &[&str] = &["项目", "科目"];

/// The nodes of a 三公 table printed across, or `None` when `cells` are not one.
pub fn nodes(cells: &[Cell], prefix: &str) -> Option<Vec<Node>> {
    let words = cells.iter().take_while(|c| c.number.is_none()).count();
    let texts: Vec<&str> = cells[..words]
        .iter()
        .map(|c| c.text.as_str())
        .skip_while(|w| CORNERS.contains(w))
        .collect();
    let (kinds, pair) = pairs(&texts)?;
    // `财政拨款“三公”经费` over `合计 | 因公出国(境)费 …`: a group word naming the 三公 before its total column.
    let has_total = kinds.iter().any(|w| column(w) == Some(Column::Total));
    let group = kinds.first().is_some_and(|w| over_the_total(w, has_total));
    let header: Vec<(&str, Column)> = kinds
        .iter()
        .skip(usize::from(group))
        .map(|&w| Some((w, column(w)?)))
        .collect::<Option<_>>()?;
    let numbers: Vec<(&Number, Span)> = cells[words..]
        .iter()
        .map_while(|c| c.number.as_ref().map(|n| (n, c.at)))
        .collect();
    let width = pair.map_or(1, |_| 2);
    // Over its parts, the car has a column of its own where `小计` prints it, or in a one-row header where
    // the numbers say so (one more than without it).
    let columns = in_printed_order(&header, false)
        .filter(|c| c.len() * width == numbers.len())
        .or_else(|| in_printed_order(&header, true))?;
    let another_row = cells.get(words + numbers.len()).is_some_and(|c| {
        // A second row of figures (a name, then numbers) would need its own role: not this shape.
        cells
            .get(words + numbers.len() + 1)
            .is_some_and(|n| n.number.is_some())
            && c.number.is_none()
    });
    let pairs_fit = pair.is_none_or(|p| p.count == columns.len());
    if columns.len() * width != numbers.len()
        || !pairs_fit
        || numbers.iter().any(|(n, _)| n.percent)
        || another_row
    {
        return None;
    }
    let figures = figures(&numbers, pair);
    Some(tree(&columns, &figures, prefix))
}

/// The budget and final pairs under the kinds (`预算数 | 决算数` once per column): which of the two comes first,
/// and how many pairs are printed.
#[derive(Debug, Clone, Copy)]
struct Pair {
    budget_first: bool,
    count: usize,
}

const BUDGET_WORDS: &[&str] = &["预算数", "预算", "年初预算数"];
const FINAL_WORDS: &[&str] = &["决算数", "决算", "执行数", "实际数"];

/// The header's kind words and its trailing run of pair words, if any; `None` when that run is not pairs of one
/// budget and one final word in the same order throughout (which figure is which could not be told).
fn pairs<'w>(words: &'w [&'w str]) -> Option<(&'w [&'w str], Option<Pair>)> {
    let is_budget = |w: &&str| BUDGET_WORDS.contains(w);
    let is_pair_word = |w: &&str| is_budget(w) || FINAL_WORDS.contains(w);
    let run = words.iter().rev().take_while(|w| is_pair_word(w)).count();
    let (kinds, run_words) = words.split_at(words.len() - run);
    if run == 0 {
        return Some((kinds, None));
    }
    let budget_first = is_budget(&run_words[0]);
    let alternates = run_words
        .iter()
        .enumerate()
        .all(|(k, w)| is_budget(w) == ((k % 2 == 0) == budget_first));
    (run % 2 == 0 && run >= 4 && alternates).then_some((
        kinds,
        Some(Pair {
            budget_first,
            count: run / 2,
        }),
    ))
}

/// A word naming the 三公 that is not the total column itself, over a table that has one.
fn over_the_total(word: &str, has_total: bool) -> bool {
    has_total && rows::names_the_three_public(word) && column(word) != Some(Column::Total)
}

/// A column's figures: its amount (the final account where pairs are printed) and its budget.
#[derive(Clone, Copy)]
struct Figure<'c> {
    amount: (&'c Number, Span),
    budget: Option<(&'c Number, Span)>,
}

fn figures<'c>(numbers: &[(&'c Number, Span)], pair: Option<Pair>) -> Vec<Figure<'c>> {
    match pair {
        None => numbers
            .iter()
            .map(|&amount| Figure {
                amount,
                budget: None,
            })
            .collect(),
        Some(p) => numbers
            .chunks_exact(2)
            .map(|two| {
                let (budget, amount) = match p.budget_first {
                    true => (two[0], two[1]),
                    false => (two[1], two[0]),
                };
                Figure {
                    amount,
                    budget: Some(budget),
                }
            })
            .collect(),
    }
}

/// The column a header word names, if it is one of a 三公 table's.
fn column(word: &str) -> Option<Column> {
    if word == "小计" {
        return Some(Column::Subtotal);
    }
    if word.ends_with("合计") || word.ends_with("总计") {
        return Some(Column::Total);
    }
    rows::three_public_kind(word).map(Column::Kind)
}

fn is_car_part(column: Column) -> bool {
    matches!(
        column,
        Column::Kind("vehicle_purchase") | Column::Kind("vehicle_operation")
    )
}

/// The columns in printed order: the first row's, the car's replaced by its own (`小计`) and its parts. At
/// least two kinds; each kind, the total and `小计` at most once.
fn in_printed_order<'w>(
    header: &[(&'w str, Column)],
    car_column: bool,
) -> Option<Vec<(&'w str, Column)>> {
    let once = |c: Column| header.iter().filter(|(_, h)| *h == c).count() <= 1;
    if !header.iter().all(|&(_, c)| once(c)) {
        return None;
    }
    let kinds = header.iter().filter(|(_, c)| matches!(c, Column::Kind(_)));
    if kinds.count() < 2 {
        return None;
    }
    let car = header.iter().any(|&(_, c)| c == Column::Kind("vehicles"));
    let parts: Vec<(&str, Column)> = header
        .iter()
        .copied()
        .filter(|&(_, c)| is_car_part(c))
        .collect();
    let subtotal = header.iter().any(|&(_, c)| c == Column::Subtotal);
    if !car {
        // One header row: the columns as printed (a `小计` without its car cannot be placed).
        return (!subtotal).then(|| header.to_vec());
    }
    let mut columns = Vec::new();
    for &(word, c) in header
        .iter()
        .filter(|&&(_, c)| !is_car_part(c) && c != Column::Subtotal)
    {
        columns.push((word, c));
        if c == Column::Kind("vehicles") && !parts.is_empty() {
            if !subtotal && !car_column {
                columns.pop();
            }
            columns.extend(&parts);
        }
    }
    Some(columns)
}

/// The nodes: the kinds under the total (when printed), the car's parts under the car (when printed). A
/// column printed blank (`-`) gives no node and leaves the total partial.
fn tree(columns: &[(&str, Column)], figures: &[Figure], prefix: &str) -> Vec<Node> {
    let mut total: Option<Node> = None;
    let mut kinds: Vec<Node> = Vec::new();
    let mut car: Option<usize> = None;
    let mut partial = false;
    for (k, (&(word, c), figure)) in columns.iter().zip(figures).enumerate() {
        let (number, at) = figure.amount;
        if number.blank {
            partial = true;
            continue;
        }
        let mut node = Node::new(
            format!("{prefix}{}", k + 1),
            word.to_string(),
            Decimal::ZERO,
        );
        rows::set(&mut node, Role::Amount, number.value, at);
        if let Some((budget, at)) = figure.budget.filter(|(b, _)| !b.blank) {
            rows::set(&mut node, Role::Budget, budget.value, at);
        }
        match (c, car) {
            (Column::Total, _) => total = Some(node),
            (_, Some(car)) if is_car_part(c) => kinds[car].items.push(node),
            _ => {
                if c == Column::Kind("vehicles") {
                    car = Some(kinds.len());
                }
                kinds.push(node);
            }
        }
    }
    // Whole only with all its parts printed (as rows.rs's `nest_kinds`): the car with both its purchase and
    // its running, the total with going abroad, receptions and the car (or both its parts).
    let printed = |kind: &'static str| {
        columns
            .iter()
            .zip(figures)
            .any(|(&(_, c), f)| c == Column::Kind(kind) && !f.amount.0.blank)
    };
    let car_whole = printed("vehicle_purchase") && printed("vehicle_operation");
    if let Some(car) = car.filter(|&car| !kinds[car].items.is_empty() && !car_whole) {
        kinds[car].partial = true;
    }
    let all_kinds = printed("abroad") && printed("reception") && (printed("vehicles") || car_whole);
    match total {
        Some(mut total) => {
            total.items = kinds;
            total.partial = partial || !all_kinds;
            vec![total]
        }
        None => kinds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table_text::cells::cells;
    use crate::table_text::shown_amounts as amounts;

    fn read(text: &str) -> Option<Vec<Node>> {
        let chars: Vec<char> = text.chars().collect();
        nodes(&cells(&chars, 0, chars.len()), "t")
    }

    #[test]
    fn the_car_over_its_subtotal_and_parts() {
        let table = "“三公”经费合计 |\n因公出国(境)费 |\n公务用车购置及运行费 |\n公务接待费 |\n||\n小计 |\n\
                     公务用车购置费 |\n公务用车运行费 |\n|||\n60 |\n2 |\n50 |\n20 |\n30 |\n8 |\n";
        let nodes = read(table).unwrap();
        assert_eq!(nodes.len(), 1);
        assert_eq!(amounts(&nodes[0]), "60[2 50[20 30] 8]");
    }

    #[test]
    fn kinds_after_the_group_on_the_second_row() {
        let table = "合计 | 因公出国 | 公务用车购置及运行维护 |\n小计 | 公务用车购置 | 公车运行及维护 | 公务接待费 |\n\
                     90 | 10 | 60 | 15 | 45 | 20 |";
        assert_eq!(amounts(&read(table).unwrap()[0]), "90[10 60[15 45] 20]");
    }

    #[test]
    fn one_header_row() {
        let table =
            "项目 | 合计 | 因公出国(境)费 | 公务用车运行费 | 公务接待费 |\n12 | 0 | 9 | 3 |";
        assert_eq!(amounts(&read(table).unwrap()[0]), "12[0 9 3]");
    }

    #[test]
    fn the_car_over_its_parts_in_one_header_row() {
        let table = "合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务用车购置费 | 公务用车运行费 | 公务接待费 |\n\
                     79 | 0 | 75 | 50 | 25 | 4 |";
        assert_eq!(amounts(&read(table).unwrap()[0]), "79[0 75[50 25] 4]");
    }

    #[test]
    fn a_car_with_one_part_printed_is_partial() {
        let table = "“三公”经费合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费 |\n\
                     小计 | 公务用车运行费 |\n79 | 0 | 75 | 25 | 4 |";
        let nodes = read(table).unwrap();
        let car = &nodes[0].items[1];
        assert!(car.partial && !nodes[0].partial, "{car:?}");
    }

    #[test]
    fn not_this_shape() {
        // A number short: which column lost its figure cannot be told.
        let short = "合计 | 因公出国 | 公务用车购置及运行维护 |\n小计 | 公务用车购置 | 公车运行及维护 | 公务接待费 |\n\
                     90 | 10 | 15 | 45 | 20 |";
        assert!(read(short).is_none());
        // A word that is no kind (another table's columns).
        assert!(read("合计 | 会议费 | 培训费 |\n9 | 3 | 6 |").is_none());
        // Two rows of figures.
        assert!(read("合计 | 因公出国 | 公务接待费 |\n3 | 1 | 2 |\n上年 | 4 | 1 | 3 |").is_none());
    }

    #[test]
    fn budget_and_final_pairs_across() {
        let table = "合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费 |\n| | 小计 | 公务用车购置费 | 公务用车运行费 | |\n\
                     预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 |\n\
                     10 | 9 | 0 | 0 | 7 | 6 | 3 | 2 | 4 | 4 | 3 | 3 |";
        let nodes = read(table).unwrap();
        assert_eq!(amounts(&nodes[0]), "9[0 6[2 4] 3]");
        let budget = |n: &Node| n.budget.map(|b| b.0.to_string());
        assert_eq!(budget(&nodes[0]), Some("10".into()));
        assert_eq!(budget(&nodes[0].items[1].items[0]), Some("3".into()));
        // The final first.
        let reversed = "合计 | 因公出国(境)费 | 公务接待费 |\n决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 |\n5 | 6 | 1 | 1 | 4 | 5 |";
        let nodes = read(reversed).unwrap();
        assert_eq!(
            (amounts(&nodes[0]), budget(&nodes[0])),
            ("5[1 4]".into(), Some("6".into()))
        );
    }

    #[test]
    fn pairs_that_do_not_fit_are_not_read() {
        // Empty cells lost in the copy: eight numbers for six pairs.
        let lost = "合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费 |\n小计 | 公务用车购置费 | 公务用车运行费 |\n\
                    预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 |\n\
                    17 | 12 | 12 | 10 | 12 | 10 | 5 | 2 |";
        assert!(read(lost).is_none());
        // Pairs not in one order.
        let mixed = "合计 | 因公出国(境)费 | 公务接待费 |\n预算数 | 决算数 | 决算数 | 预算数 | 预算数 | 决算数 |\n5 | 6 | 1 | 1 | 4 | 5 |";
        assert!(read(mixed).is_none());
        // Fewer pairs than columns.
        let short = "合计 | 因公出国(境)费 | 公务接待费 |\n预算数 | 决算数 | 预算数 | 决算数 |\n5 | 6 | 1 | 1 | 4 | 5 |";
        assert!(read(short).is_none());
    }

    #[test]
    fn a_long_hostile_header_stays_linear() {
        // 200,000 cells: pair words, then numbers; each read once.
        let table = format!(
            "合计 | 因公出国(境)费 | 公务接待费 |\n{}\n{}",
            "预算数 | 决算数 | ".repeat(50_000),
            "1 | ".repeat(100_000)
        );
        assert!(read(&table).is_none());
        // 200,000 words naming the 三公 before a total: the total is looked for once.
        let groups = format!(
            "{}合计 | 因公出国(境)费 | 公务接待费 |\n3 | 1 | 2 |",
            "“三公”经费 | ".repeat(200_000)
        );
        assert!(read(&groups).is_none());
    }
}
