//! The two-sided balance table (收支总表, 收入支出决算总表, 部门收支预算总表) pasted as text: each line holds a row of
//! the income side on the left and a row of the spending side on the right.
//!
//! ```text
//! 收入 | | 支出 | |
//! 项目 | 决算数 | 项目 | 决算数 |
//! 一、一般公共预算财政拨款收入 | 402.15 | 一、一般公共服务支出 | 12.40 |
//! 二、政府性基金预算财政拨款收入 | | 二、社会保障和就业支出 | 38.62 |
//! | | 五、住房保障支出 | 16.80 |
//! 本年收入合计 | 457.10 | 本年支出合计 | 456.80 |
//! 年初结转和结余 | 29.20 | 年末结转和结余 | 29.50 |
//! 总计 | 486.30 | 总计 | 486.30 |
//! ```
//!
//! The header names the two sides (`收入 支出` over `项目 决算数 项目 决算数`, or `收入项目 预算数 支出项目 预算数`),
//! each side with the same figure columns — or, in the appropriation table (财政拨款收支总表), the spending side
//! with `合计` and the funds paying it (`一般公共预算 | 政府性基金预算 | 国有资本经营预算`, parts read for their
//! place only; where empty fund cells were lost, a row's first figure is its total only when it is the sum of the
//! others). Each side becomes a list of its own: its numbered rows (`一、`, `二、`
//! …, nested by their markers) under its `…合计`, and that with the balance terms (`年初结转和结余`, `上年结转`)
//! under its `…总计`; the two `总计` become a relation when both are printed. A row printed without figures (an
//! empty cell) gives no node.
//!
//! Nothing is guessed: a line of two rows is left then right; a line of one row (the other side's cell empty or
//! lost in the copy) is read only when its label names its side (`…收入`, `…支出`, `年初结转和结余`, `结转下年`);
//! a row whose label names the other side, a label that is not a whole row name (a wrapped cell), a side whose
//! numbering restarts (a second classification) or a count of numbers other than the columns' leaves the whole
//! table unread — and, a balance table by its header, no other reader takes it by halves.

use budget_lens_core::report::{Node, Relation, Span};
use rust_decimal::Decimal;

use super::cells::{cell_lines, Cell, Number};
use super::columns::{self, Columns, Role};
use super::rows;

/// What the reader makes of a balance table: each side's trees and the relation of the two totals.
pub struct Balance {
    pub nodes: Vec<Node>,
    pub relations: Vec<Relation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Income,
    Spending,
}

/// A row of one side as printed: its number in the table (for its id), list level and numeral, label, numbers.
struct Entry<'c> {
    index: usize,
    level: Option<u8>,
    numeral: Option<u32>,
    label: String,
    numbers: Vec<(&'c Number, Span)>,
}

/// Words over a side's row names.
const SIDE_LABELS: &[&str] = &[
    "项目",
    "科目",
    "项目名称",
    "收入",
    "支出",
    "收入项目",
    "支出项目",
];
/// Unnumbered rows of the income side and of the spending side (balance terms and totals).
const INCOME_TERMS: &[&str] = &[
    "年初结转和结余",
    "上年结转",
    "上年结余",
    "上年结转结余",
    "使用非财政拨款结余",
    "用事业基金弥补收支差额",
];
const SPENDING_TERMS: &[&str] = &["年末结转和结余", "结转下年", "结余分配", "年末结余"];
/// The last words of a whole row name of a balance table.
const ROW_ENDINGS: &[&str] = &[
    "收入", "支出", "合计", "总计", "结余", "结转", "分配", "差额", "拨款",
];

/// What the reader made of a table's cells.
pub enum Outcome {
    /// Not a balance table: another reader may take it.
    NotThisShape,
    /// A balance table by its header that cannot be read without a guess: no other reader takes it.
    Unreadable,
    Read(Balance),
}

/// The balance table in `cells`.
pub fn read(chars: &[char], cells: &[Cell], prefix: &str) -> Outcome {
    let Some((start, left, right)) = header(cells) else {
        return Outcome::NotThisShape;
    };
    body(chars, &cells[start..], (&left, &right), prefix).map_or(Outcome::Unreadable, Outcome::Read)
}

/// The rows under the header, each side read with its columns; `None` when a row or a side would be a guess.
fn body(
    chars: &[char],
    cells: &[Cell],
    columns: (&Columns, &Columns),
    prefix: &str,
) -> Option<Balance> {
    let mut income: Vec<Entry> = Vec::new();
    let mut spending: Vec<Entry> = Vec::new();
    let mut index = 0;
    let mut grands = (false, false);
    for line in cell_lines(chars, cells) {
        let mut entries = entries(line, &mut index)?;
        match entries.len() {
            2 => {
                let right = entries.pop()?;
                let left = entries.pop()?;
                if side_of(&left.label) == Some(Side::Spending)
                    || side_of(&right.label) == Some(Side::Income)
                {
                    return None;
                }
                income.push(left);
                spending.push(right);
            }
            1 => {
                let entry = entries.pop()?;
                match side_of(&entry.label)? {
                    Side::Income => income.push(entry),
                    Side::Spending => spending.push(entry),
                }
            }
            _ => return None,
        }
        // Each side's last row is looked at once (looking at every row after each line would be quadratic).
        grands.0 |= income.last().is_some_and(is_grand_row);
        grands.1 |= spending.last().is_some_and(is_grand_row);
        if grands.0 && grands.1 {
            break;
        }
    }
    let (income_nodes, income_total) = side_tree(income, columns.0, prefix, "收入")?;
    let (spending_nodes, spending_total) = side_tree(spending, columns.1, prefix, "支出")?;
    let relations = match (income_total, spending_total) {
        (Some(left), Some(right)) => vec![Relation {
            id: format!("{}balance", prefix.strip_suffix("row").unwrap_or(prefix)),
            label: "表中收入总计 = 支出总计".to_string(),
            left: vec![left],
            right: vec![right],
        }],
        _ => Vec::new(),
    };
    let mut nodes = income_nodes;
    nodes.extend(spending_nodes);
    Some(Balance { nodes, relations })
}

/// Where the rows start and the columns of each side: `[收入 支出] L K… L K…`, L a side's row-name word
/// (`项目`, `收入项目`), K the figure columns, the same on both sides — or, on the spending side of the
/// appropriation table (财政拨款收支总表), `合计` and the funds paying it; the left side must be named income and
/// the right spending (by the group words over them or by their own words).
fn header(cells: &[Cell]) -> Option<(usize, Columns, Columns)> {
    let count = cells.iter().take_while(|c| c.number.is_none()).count();
    let words: Vec<&str> = cells[..count].iter().map(|c| c.text.as_str()).collect();
    let figures_after = |at: usize| {
        words[at + 1..]
            .iter()
            .take_while(|w| columns::names_a_column(w))
            .count()
    };
    // `收入 支出`, `收 入 支 出`, `本年收入 本年支出` over the sides: group words, then the first row-name word.
    // (the longest: `财政拨款收入 | 财政拨款支出 | 财政拨款支出` spans the spending side's columns twice).
    let groups = (1..=4.min(words.len()))
        .rev()
        .find(|&n| is_group(&words[..n]))
        .unwrap_or(0);
    let first = groups;
    if !SIDE_LABELS.contains(words.get(first)?) {
        return None;
    }
    let second = first + 1 + figures_after(first);
    if !SIDE_LABELS.contains(words.get(second)?) {
        return None;
    }
    let funds = fund_columns(&words[second + 1..]);
    let end = second
        + 1
        + funds
            .as_ref()
            .map_or_else(|| figures_after(second), |f| f.named.len());
    let left = columns::read(&words[first + 1..second])?;
    let right = funds.or_else(|| columns::read(&words[second + 1..end]))?;
    let named = groups > 0 || (words[first].contains("收入") && words[second].contains("支出"));
    let alike =
        left == right || (right.named.contains(&Role::Part) && left.named == [Role::Amount]);
    (named && alike && left.assumed.is_empty() && right.assumed.is_empty())
        .then_some((end, left, right))
}

/// `合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算`: the total, then the funds paying it (parts, read for
/// their place only).
fn fund_columns(words: &[&str]) -> Option<Columns> {
    const FUNDS: &[&str] = &["一般公共预算", "政府性基金", "国有资本经营"];
    let funds = words
        .iter()
        .skip(1)
        .take_while(|w| FUNDS.iter().any(|f| w.starts_with(f)))
        .count();
    let named = std::iter::once(Role::Amount).chain(std::iter::repeat_n(Role::Part, funds));
    (words.first() == Some(&"合计") && funds > 0).then(|| Columns {
        named: named.collect(),
        assumed: Vec::new(),
    })
}

/// Words over the two sides: an income word, then a spending word (`收入 支出`, `本年收入 本年支出`); a word
/// printed again beside itself is one merged cell (`财政拨款收入 | 财政拨款收入 | 财政拨款支出`).
fn is_group(words: &[&str]) -> bool {
    let mut joined = String::new();
    for (k, w) in words.iter().enumerate() {
        if k == 0 || words[k - 1] != *w {
            joined.push_str(w);
        }
    }
    joined.chars().count() <= 24
        && joined
            .split_once("收入")
            .is_some_and(|(_, rest)| rest.ends_with("支出") && !rest.contains("收入"))
}

/// A row's numbers with their spans.
type Figures<'c> = Vec<(&'c Number, Span)>;

/// A line's rows: each a label (a bare marker joins the word after it) and the numbers after it; `None` when a
/// number has no label before it or a label is not a whole row name.
fn entries<'c>(line: &'c [Cell], index: &mut usize) -> Option<Vec<Entry<'c>>> {
    let mut found: Vec<(Vec<&str>, Figures)> = Vec::new();
    for cell in line {
        match (&cell.number, found.last_mut()) {
            (Some(n), Some(last)) => last.1.push((n, cell.at)),
            (Some(_), None) => return None,
            (None, Some(last)) if last.1.is_empty() && is_bare_marker(last.0.last()) => {
                last.0.push(&cell.text)
            }
            (None, _) => found.push((vec![cell.text.as_str()], Vec::new())),
        }
    }
    found
        .into_iter()
        .map(|(words, numbers)| {
            let (level, label) = rows::label(&words);
            let numeral = words.first().and_then(|w| numeral(w));
            *index += 1;
            is_whole(level, &label).then_some(Entry {
                index: *index,
                level,
                numeral,
                label,
                numbers,
            })
        })
        .collect()
}

fn is_bare_marker(word: Option<&&str>) -> bool {
    word.and_then(|w| rows::marker(w))
        .is_some_and(|(_, rest)| rest.is_empty())
}

/// A whole row name: numbered, a balance term, or ending as a balance table's rows end (a `(含…)` after it
/// dropped).
fn is_whole(level: Option<u8>, label: &str) -> bool {
    let bare = label
        .strip_suffix(')')
        .and_then(|l| l.rfind('(').map(|at| &l[..at]))
        .unwrap_or(label);
    let term = INCOME_TERMS.iter().chain(SPENDING_TERMS);
    level.is_some()
        || ROW_ENDINGS.iter().any(|e| bare.ends_with(e))
        || term.into_iter().any(|t| label.starts_with(t))
}

/// The side a row's own label names, if it names one.
fn side_of(label: &str) -> Option<Side> {
    let starts = |terms: &[&str]| terms.iter().any(|t| label.starts_with(t));
    if starts(INCOME_TERMS) || label.ends_with("收入") || label.ends_with("收入合计") {
        return Some(Side::Income);
    }
    if starts(SPENDING_TERMS) || label.ends_with("支出") || label.ends_with("支出合计") {
        return Some(Side::Spending);
    }
    match (label.ends_with("收入总计"), label.ends_with("支出总计")) {
        (true, _) => Some(Side::Income),
        (_, true) => Some(Side::Spending),
        _ => None,
    }
}

fn is_grand(label: &str) -> bool {
    label.ends_with("总计")
}

fn is_grand_row(entry: &Entry) -> bool {
    entry.level.is_none() && is_grand(&entry.label)
}

/// `一、`, `十二、`: the numeral of a first-level marker.
fn numeral(word: &str) -> Option<u32> {
    let (head, _) = word.split_once('、')?;
    let digit = |c: char| "一二三四五六七八九".find(c).map(|at| at as u32 / 3 + 1);
    let chars: Vec<char> = head.chars().collect();
    match chars[..] {
        ['十'] => Some(10),
        [d] => digit(d),
        ['十', u] => Some(10 + digit(u)?),
        [t, '十'] => Some(10 * digit(t)?),
        [t, '十', u] => Some(10 * digit(t)? + digit(u)?),
        _ => None,
    }
}

/// One side's trees: its numbered rows (nested by their markers) under its `…合计`, that and the balance terms
/// under its `…总计`; with the `总计` node's id. `None` when the side is not of this shape.
fn side_tree(
    entries: Vec<Entry>,
    columns: &Columns,
    prefix: &str,
    side: &str,
) -> Option<(Vec<Node>, Option<String>)> {
    let numbered = entries.iter().take_while(|e| e.level.is_some()).count();
    let first_level: Vec<Option<u32>> = entries[..numbered]
        .iter()
        .filter(|e| e.level == Some(1))
        .map(|e| e.numeral)
        .collect();
    // One classification: `一、`, `二、` … without a restart or a gap.
    let in_order = (1..).zip(&first_level).all(|(n, got)| *got == Some(n));
    if numbered == 0 || first_level.is_empty() || !in_order {
        return None;
    }
    let items = numbered_trees(&entries[..numbered], columns, prefix)?;
    let (subtotal, terms, grand) = footer(&entries[numbered..], columns, prefix, side)?;
    let top = match subtotal {
        Some(mut subtotal) => {
            subtotal.items = items;
            vec![subtotal]
        }
        None => items,
    };
    match grand {
        Some(mut grand) => {
            grand.items = top.into_iter().chain(terms).collect();
            let id = grand.id.clone();
            Some((vec![grand], Some(id)))
        }
        None => Some((top.into_iter().chain(terms).collect(), None)),
    }
}

/// The numbered rows as trees, nested by their markers; a row without figures gives no node, and one with
/// rows under it makes the side unreadable (its items would fall under the row above).
fn numbered_trees(entries: &[Entry], columns: &Columns, prefix: &str) -> Option<Vec<Node>> {
    let mut arena: Vec<(Node, Option<usize>)> = Vec::new();
    let mut stack: Vec<(u8, Option<usize>)> = Vec::new();
    for entry in entries {
        let level = entry.level?;
        while stack.last().is_some_and(|&(l, _)| l >= level) {
            stack.pop();
        }
        let parent = match stack.last() {
            Some(&(_, Some(at))) => Some(at),
            Some(&(_, None)) => return None,
            None => None,
        };
        let at = match entry_node(entry, columns, prefix)? {
            Some(node) => {
                arena.push((node, parent));
                Some(arena.len() - 1)
            }
            None => None,
        };
        stack.push((level, at));
    }
    Some(rows::into_trees(arena))
}

/// The unnumbered rows after the numbered ones: `…合计` first (if printed), the balance terms, `…总计` last (if
/// printed); at least one of the totals, each printed with its figures. A bare `合计`/`总计` is named by its side.
type Footer = (Option<Node>, Vec<Node>, Option<Node>);

fn footer(entries: &[Entry], columns: &Columns, prefix: &str, side: &str) -> Option<Footer> {
    let (mut subtotal, mut terms, mut grand) = (None, Vec::new(), None);
    for entry in entries {
        let node = entry_node(entry, columns, prefix)?;
        let is_subtotal = entry.label.ends_with("合计");
        if grand.is_some() || entry.level.is_some() {
            return None;
        }
        if is_grand(&entry.label) || is_subtotal {
            let mut node = node?;
            if matches!(node.label.as_str(), "合计" | "总计") {
                node.label = format!("{side}{}", node.label);
            }
            match is_subtotal {
                true if subtotal.is_none() && terms.is_empty() => subtotal = Some(node),
                false => grand = Some(node),
                true => return None,
            }
        } else {
            // Only the balance terms a side prints (a word left of a wrapped name is no term).
            let known = match side {
                "收入" => INCOME_TERMS,
                _ => SPENDING_TERMS,
            };
            if !known.iter().any(|t| entry.label.starts_with(t)) {
                return None;
            }
            terms.extend(node);
        }
    }
    (subtotal.is_some() || grand.is_some()).then_some((subtotal, terms, grand))
}

/// A row's node (`Some(None)`: printed without figures); `None` when its numbers do not fill the columns.
fn entry_node(entry: &Entry, columns: &Columns, prefix: &str) -> Option<Option<Node>> {
    let figures = entry.numbers.iter().filter(|(n, _)| !n.blank).count();
    if figures == 0 && entry.numbers.len() <= columns.named.len() {
        return Some(None);
    }
    let id = format!("{prefix}{}", entry.index);
    if entry.numbers.len() != columns.named.len() {
        return total_of_funds(entry, columns, id).map(Some);
    }
    let mut node = Node::new(id, entry.label.clone(), Decimal::ZERO);
    let mut amount = false;
    for (&role, &(n, at)) in columns.named.iter().zip(&entry.numbers) {
        if n.blank {
            continue;
        }
        if role.is_rate() != n.percent {
            return None;
        }
        amount |= role == Role::Amount;
        rows::set(&mut node, role, n.value, at);
    }
    // A row whose amount cell is empty but another figure printed: which quantity it is cannot be told.
    amount.then_some(Some(node))
}

/// A row of `合计` and its funds with empty fund cells lost in the copy: its first figure is the total only when
/// the figures prove it — one figure, or the first the sum of the others (the total and the funds paying it);
/// otherwise which is the total cannot be told.
fn total_of_funds(entry: &Entry, columns: &Columns, id: String) -> Option<Node> {
    let (&(first, at), rest) = entry.numbers.split_first()?;
    let plain = entry.numbers.iter().all(|(n, _)| !n.blank && !n.percent);
    let sum: Decimal = rest.iter().map(|(n, _)| n.value).sum();
    let proven = rest.is_empty() || sum == first.value;
    let funds = columns.named.contains(&Role::Part) && entry.numbers.len() < columns.named.len();
    if !(plain && proven && funds) {
        return None;
    }
    let mut node = Node::new(id, entry.label.clone(), Decimal::ZERO);
    rows::set(&mut node, Role::Amount, first.value, at);
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table_text::cells::cells;
    use crate::table_text::shown_amounts as amounts;

    fn read_text(text: &str) -> Option<Balance> {
        let chars: Vec<char> = text.chars().collect();
        match read(&chars, &cells(&chars, 0, chars.len()), "t") {
            Outcome::Read(balance) => Some(balance),
            _ => None,
        }
    }

    #[test]
    fn each_side_a_list_and_the_totals_a_relation() {
        let text = "收入 支出\n项目 预算数 项目 预算数\n一、财政拨款收入 10 一、教育支出 7\n\
                    二、其他收入 2 二、卫生健康支出 5\n三、住房保障支出 1\n本年收入合计 12 本年支出合计 13\n\
                    上年结转 3 结转下年 2\n收入总计 15 支出总计 15\n";
        let balance = read_text(text).unwrap();
        let shown: Vec<String> = balance.nodes.iter().map(amounts).collect();
        assert_eq!(shown, ["15[12[10 2] 3]", "15[13[7 5 1] 2]"]);
        assert_eq!(balance.relations.len(), 1);
        // Group words of their own over the sides, a part of an income row numbered under it.
        let text = "本年收入 本年支出\n项目 预算数 项目 预算数\n一、财政拨款收入 10 一、教育支出 7\n\
                    1. 一般公共预算资金 10 二、卫生健康支出 3\n二、事业收入 0\n收入总计 10 支出总计 10\n";
        let shown: Vec<String> = read_text(text).unwrap().nodes.iter().map(amounts).collect();
        assert_eq!(shown, ["10[10[10] 0]", "10[7 3]"]);
    }

    #[test]
    fn the_appropriation_table_with_fund_columns() {
        let head = "财政拨款收入 财政拨款支出 财政拨款支出\n项目 预算数 项目 合计 一般公共预算 政府性基金预算 国有资本经营预算\n";
        // The empty fund cells lost: each row's first figure the sum of the others, or all printed.
        let lost = format!(
            "{head}一、一般公共预算资金 9 一、教育支出 6 6\n二、政府性基金 2 二、城乡社区支出 5 3 2\n\
             收入总计 11 支出总计 11 9 2\n"
        );
        let shown: Vec<String> = read_text(&lost)
            .unwrap()
            .nodes
            .iter()
            .map(amounts)
            .collect();
        assert_eq!(shown, ["11[9 2]", "11[6 5]"]);
        // Two unequal figures for four columns: which is the total cannot be told.
        let unlike =
            format!("{head}一、一般公共预算资金 9 一、教育支出 9 7\n收入总计 9 支出总计 9\n");
        let chars: Vec<char> = unlike.chars().collect();
        let read = read(&chars, &cells(&chars, 0, chars.len()), "t");
        assert!(matches!(read, Outcome::Unreadable));
    }

    #[test]
    fn numerals() {
        assert_eq!(numeral("一、收入"), Some(1));
        assert_eq!(numeral("十、"), Some(10));
        assert_eq!(numeral("十四、"), Some(14));
        assert_eq!(numeral("二十、"), Some(20));
        assert_eq!(numeral("二十六、"), Some(26));
        assert_eq!(numeral("1、"), None);
    }

    #[test]
    fn ambiguous_tables_are_not_read() {
        let head = "收入 支出\n项目 预算数 项目 预算数\n";
        // A line of one row that names no side.
        let no_side = format!("{head}一、财政拨款 10 一、教育支出 7\n二、国有资本经营预算拨款 3\n收入总计 13 支出总计 7\n");
        assert!(read_text(&no_side).is_none());
        // A spending row on the left.
        let swapped = format!("{head}一、教育支出 7 一、财政拨款收入 7\n收入总计 7 支出总计 7\n");
        assert!(read_text(&swapped).is_none());
        // A second classification on the spending side.
        let twice = format!(
            "{head}一、财政拨款收入 9 一、教育支出 9\n一、基本支出 9\n收入总计 9 支出总计 9\n"
        );
        assert!(read_text(&twice).is_none());
        // Two numbers for one column.
        let wide = format!("{head}一、财政拨款收入 9 8 一、教育支出 9\n收入总计 9 支出总计 9\n");
        assert!(read_text(&wide).is_none());
        // Sides not named income and spending: two halves of one list.
        let halves = "项目 金额 项目 金额\n一、甲收入 1 三、丙收入 3\n二、乙收入 2 合计 6\n";
        assert!(read_text(halves).is_none());
    }

    #[test]
    fn a_long_hostile_table_stays_linear() {
        // 200,000 cells read to the end: every line two rows, the numbering restarting on each.
        let mut text = String::from("收入 支出\n项目 预算数 项目 预算数\n");
        for _ in 0..50_000 {
            text.push_str("一、财政拨款收入 1 一、教育支出 2\n");
        }
        // And one line of 200,000 cells.
        text.push_str(&"二、教育支出 2 ".repeat(100_000));
        // Each cell and each gap between two is read once (a quadratic path would take minutes here).
        assert!(read_text(&text).is_none());
    }
}
