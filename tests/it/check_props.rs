//! Properties of the checker over generated reports: it never panics, whatever the figures; and a report
//! built from exact parts with exactly rounded shares, changes and rates yields no warning and no error.

use budget_lens::check::{check, Severity};
use budget_lens::report::{Amount, Node, Relation, Report, Restatement, Unit, FORMAT_V1};
use budget_lens::Lang;
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..=8).prop_map(|(m, s)| Decimal::new(m, s)),
        (-1_000_000i64..1_000_000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::ZERO),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::new(1, 28)),
        Just(Decimal::new(-1, 28)),
    ]
}

fn opt_amount() -> impl Strategy<Value = Option<Amount>> {
    proptest::option::of(any_decimal().prop_map(Amount))
}

const PATHS: [&str; 5] = ["n0", "n0/n0", "n1", "n0/n1/n0", "nowhere"];

fn any_node() -> impl Strategy<Value = Node> {
    let leaf = (
        any_decimal(),
        (opt_amount(), opt_amount(), opt_amount(), opt_amount()),
        (opt_amount(), opt_amount()),
        proptest::option::of(0usize..PATHS.len()),
        proptest::collection::vec(any_decimal(), 0..2),
        any::<bool>(),
    )
        .prop_map(
            |(
                amount,
                (share, prior, change, change_pct),
                (budget, completion),
                share_of,
                restated,
                partial,
            )| {
                let mut node = Node::new("n", "节点", amount);
                node.share = share;
                node.prior = prior;
                node.change = change;
                node.change_pct = change_pct;
                node.budget = budget;
                node.completion_pct = completion;
                node.share_of = share_of.map(|i| PATHS[i].to_string());
                node.restated = restated
                    .into_iter()
                    .map(|a| Restatement {
                        amount: Amount(a),
                        at: None,
                        of: Default::default(),
                    })
                    .collect();
                node.partial = partial;
                node
            },
        );
    leaf.prop_recursive(4, 40, 6, |inner| {
        (inner.clone(), proptest::collection::vec(inner, 0..6)).prop_map(|(mut node, items)| {
            node.items = items
                .into_iter()
                .enumerate()
                .map(|(i, mut item)| {
                    item.id = format!("n{i}");
                    item
                })
                .collect();
            node
        })
    })
}

fn any_report() -> impl Strategy<Value = Report> {
    (
        proptest::collection::vec(any_node(), 0..4),
        proptest::collection::vec(
            (
                proptest::collection::vec(0usize..PATHS.len(), 0..3),
                proptest::collection::vec(0usize..PATHS.len(), 0..3),
            ),
            0..3,
        ),
    )
        .prop_map(|(roots, relations)| {
            report(
                roots
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut n)| {
                        n.id = format!("n{i}");
                        n
                    })
                    .collect(),
                relations
                    .into_iter()
                    .enumerate()
                    .map(|(i, (l, r))| Relation {
                        id: format!("r{i}"),
                        label: "关系".into(),
                        left: l.into_iter().map(|p| PATHS[p].to_string()).collect(),
                        right: r.into_iter().map(|p| PATHS[p].to_string()).collect(),
                    })
                    .collect(),
            )
        })
}

fn report(breakdowns: Vec<Node>, relations: Vec<Relation>) -> Report {
    Report {
        format: FORMAT_V1.into(),
        title: "测试".into(),
        entity: "测试单位".into(),
        year: Some(2021),
        phase: None,
        unit: Unit::WanYuan,
        source: None,
        breakdowns,
        relations,
        unplaced: Vec::new(),
    }
}

fn rounded(value: Decimal, decimals: u32) -> Decimal {
    let mut r = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(decimals);
    r
}

fn percent(a: Decimal, b: Decimal, decimals: u32) -> Amount {
    Amount(rounded(a / b * Decimal::ONE_HUNDRED, decimals))
}

/// A breakdown whose every stated figure is derived exactly from cents, shares and rates rounded half up.
fn consistent_report() -> impl Strategy<Value = Report> {
    (
        proptest::collection::vec(
            (
                0i64..1_000_000_000,
                1i64..1_000_000_000,
                1i64..1_000_000_000,
            ),
            1..8,
        ),
        0u32..=3,
    )
        .prop_map(|(items, share_decimals)| {
            let total: Decimal = items.iter().map(|(c, _, _)| Decimal::new(*c, 2)).sum();
            let mut parent = Node::new("total", "支出总计", total);
            for (i, (cents, prior_cents, budget_cents)) in items.into_iter().enumerate() {
                let amount = Decimal::new(cents, 2);
                let mut item = Node::new(format!("i{i}"), format!("项目{i}"), amount);
                if !total.is_zero() {
                    item.share = Some(percent(amount, total, share_decimals));
                }
                let prior = Decimal::new(prior_cents, 2);
                item.prior = Some(Amount(prior));
                item.change = Some(Amount(amount - prior));
                item.change_pct = Some(percent(amount - prior, prior, 2));
                let budget = Decimal::new(budget_cents, 2);
                item.budget = Some(Amount(budget));
                item.completion_pct = Some(percent(amount, budget, 1));
                item.restated = vec![Restatement {
                    amount: Amount(amount.normalize()),
                    at: None,
                    of: Default::default(),
                }];
                parent.items.push(item);
            }
            // The parent states its change and rate only, the prior being derived. An exact report's parent
            // prior is its items' priors added up, so that the items' changes add up to its change (change_sum).
            let prior: Decimal = parent
                .items
                .iter()
                .filter_map(|i| i.prior.map(|p| p.0))
                .sum();
            parent.change = Some(Amount(total - prior));
            parent.change_pct = Some(percent(total - prior, prior, 2));
            let mirror = Node::new("mirror", "支出合计", total);
            let relation = Relation {
                id: "same".into(),
                label: "两处合计".into(),
                left: vec!["total".into()],
                right: vec!["mirror".into()],
            };
            report(vec![parent, mirror], vec![relation])
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_checker_never_panics(report in any_report()) {
        for finding in check(&report) {
            prop_assert!(!finding.message(Lang::Zh).is_empty());
            prop_assert!(!finding.message(Lang::En).is_empty());
            prop_assert!(serde_json::to_string(&finding.to_out(Lang::En)).is_ok());
        }
    }

    #[test]
    fn exact_reports_raise_no_warning_or_error(report in consistent_report()) {
        let grave: Vec<_> = check(&report)
            .into_iter()
            .filter(|f| f.severity != Severity::Note)
            .map(|f| f.message(Lang::En))
            .collect();
        prop_assert!(grave.is_empty(), "{:#?}", grave);
    }
}
