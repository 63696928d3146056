//! Synthetic reports for the benchmarks (benches/parse_check.rs, examples/phases.rs): deterministic, of a
//! realistic shape, any number of nodes.

use budget_lens::report::{
    Amount, Node, Phase, Relation, Report, Restatement, Source, Span, Unit, FORMAT_V1,
};
use rust_decimal::{Decimal, RoundingStrategy};

/// A small deterministic generator (64-bit LCG, Knuth's constants): the same report on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// In `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

fn pct(numerator: Decimal, denominator: Decimal) -> Option<Amount> {
    let p = numerator.checked_div(denominator)? * Decimal::ONE_HUNDRED;
    let mut p = p.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    p.rescale(2);
    Some(Amount(p))
}

const BREAKDOWNS: [(&str, &str); 4] = [
    (
        "expenditure_by_function",
        "一般公共预算财政拨款支出（按功能分类）",
    ),
    (
        "expenditure_by_class",
        "一般公共预算财政拨款支出（按经济分类）",
    ),
    ("basic_expenditure", "一般公共预算财政拨款基本支出"),
    ("project_expenditure", "项目支出"),
];

/// The whole spending, in cents (10 million 万元): every breakdown adds up to it.
const TOTAL_CENTS: i64 = 1_000_000_000;

/// A report of exactly `nodes` nodes in four breakdowns of about equal size, each a tree of up to eight
/// items a node, five to six levels for the largest size (类 → 款 → 项 → …). Amounts are split top-down in
/// whole cents, so every sum is exact; shares are of the parent, rounded to two decimals (their totals may
/// be 99.99 or 100.01: notes); the upper three levels state the prior year, the change and its rate; every
/// tenth node is restated; the first level states a budget and its completion. Two relations tie the first
/// breakdown to the second and to the third plus the fourth.
pub fn synthetic_report(nodes: usize) -> Report {
    assert!(nodes >= BREAKDOWNS.len());
    let mut rng = Rng(0x5EED ^ nodes as u64);
    let mut serial = 0usize;
    let breakdowns = BREAKDOWNS
        .iter()
        .enumerate()
        .map(|(b, (id, label))| {
            let size = nodes / BREAKDOWNS.len() + usize::from(b < nodes % BREAKDOWNS.len());
            // Project and basic spending split the total between them.
            let total = match b {
                2 => TOTAL_CENTS * 3 / 5,
                3 => TOTAL_CENTS - TOTAL_CENTS * 3 / 5,
                _ => TOTAL_CENTS,
            };
            build_tree(id, label, total, size, &mut rng, &mut serial)
        })
        .collect();
    Report {
        format: FORMAT_V1.into(),
        title: "某市某区某中心2021年度部门决算（合成）".into(),
        entity: "某市某区某中心".into(),
        year: Some(2021),
        phase: Some(Phase::Final),
        unit: Unit::WanYuan,
        source: Some(Source {
            url: Some("https://example.org/2021.html".into()),
            text: Some("合成的报告，没有原文。".repeat(10)),
        }),
        breakdowns,
        relations: vec![
            Relation {
                id: "by_class".into(),
                label: "按功能分类与按经济分类合计相等".into(),
                left: vec![BREAKDOWNS[0].0.into()],
                right: vec![BREAKDOWNS[1].0.into()],
            },
            Relation {
                id: "basic_plus_project".into(),
                label: "基本支出加项目支出等于支出合计".into(),
                left: vec![BREAKDOWNS[0].0.into()],
                right: vec![BREAKDOWNS[2].0.into(), BREAKDOWNS[3].0.into()],
            },
        ],
        unplaced: Vec::new(),
    }
}

/// A tree of exactly `size` nodes, filled breadth first with two to eight items a node.
fn build_tree(
    id: &str,
    label: &str,
    total: i64,
    size: usize,
    rng: &mut Rng,
    serial: &mut usize,
) -> Node {
    // Shape first: children[i] lists the arena indices of node i's items.
    let mut children: Vec<Vec<usize>> = vec![Vec::new()];
    let mut next_parent = 0;
    while children.len() < size {
        let want = rng.range(2, 8) as usize;
        let take = want.min(size - children.len());
        let first = children.len();
        children[next_parent].extend(first..first + take);
        children.resize(first + take, Vec::new());
        next_parent += 1;
    }
    // Amounts top down: each parent's cents split among its items by random weights.
    let mut amount = vec![0i64; size];
    amount[0] = total;
    for parent in 0..size {
        let kids = &children[parent];
        if kids.is_empty() {
            continue;
        }
        let weights: Vec<i64> = kids.iter().map(|_| rng.range(1, 100) as i64).collect();
        let sum: i64 = weights.iter().sum();
        let mut left = amount[parent];
        for (k, &kid) in kids.iter().enumerate() {
            let part = if k + 1 == kids.len() {
                left
            } else {
                amount[parent] / sum * weights[k]
            };
            amount[kid] = part;
            left -= part;
        }
    }
    materialize(0, 1, None, id, label, &children, &amount, rng, serial)
}

#[allow(clippy::too_many_arguments)]
fn materialize(
    index: usize,
    level: usize,
    parent_amount: Option<i64>,
    id: &str,
    label: &str,
    children: &[Vec<usize>],
    amount: &[i64],
    rng: &mut Rng,
    serial: &mut usize,
) -> Node {
    *serial += 1;
    let value = cents(amount[index]);
    let mut node = Node::new(id, label, value);
    node.code = Some(format!("{:07}", 2_010_000 + *serial));
    if let Some(parent) = parent_amount {
        node.share = pct(value, cents(parent));
    }
    if level <= 3 {
        let prior = amount[index] / 100 * rng.range(80, 125) as i64;
        let change = amount[index] - prior;
        node.prior = Some(Amount(cents(prior)));
        node.change = Some(Amount(cents(change)));
        node.change_pct = pct(cents(change), cents(prior));
    }
    if level == 2 {
        let budget = amount[index] / 100 * rng.range(95, 110) as i64;
        node.budget = Some(Amount(cents(budget)));
        node.completion_pct = pct(value, cents(budget));
    }
    if *serial % 10 == 0 {
        node.restated.push(Restatement {
            amount: Amount(value),
            at: Some(Span { start: 0, end: 2 }),
            of: Default::default(),
        });
    }
    node.items = children[index]
        .iter()
        .enumerate()
        .map(|(k, &kid)| {
            let kid_id = format!("i{k}");
            let kid_label = format!("第{level}级第{k}项支出（{kid}）");
            materialize(
                kid,
                level + 1,
                Some(amount[index]),
                &kid_id,
                &kid_label,
                children,
                amount,
                rng,
                serial,
            )
        })
        .collect();
    node
}
