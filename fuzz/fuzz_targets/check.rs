//! A structured report built from the fuzzer's bytes (with `arbitrary`) → `check`, every message and JSON
//! form in both languages. The report is not validated first: the checker must not panic on any report
//! (duplicate ids, dangling paths, any depth, extreme decimals). Then the report goes through its JSON
//! text and the parser; where the parser accepts it, the checker must say the same thing about both.
#![no_main]

use arbitrary::Arbitrary;
use budget_lens::check::{check, Finding};
use budget_lens::report::{
    parse_report, Amount, Comparison, Doubt, FigureSpans, Node, Phase, Relation, Report,
    RestatedFigure, Restatement, Source, Span, Unit, Unplaced, FORMAT_V1,
};
use budget_lens::Lang;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

/// A decimal from the whole range: everyday figures, wide ones, any 96-bit mantissa, the extremes.
#[derive(Debug, Arbitrary)]
enum FuzzDecimal {
    Small(i32, u8),
    Wide(i64, u8),
    Any(u32, u32, u32, bool, u8),
    Zero(u8),
    Max,
    Min,
}

impl FuzzDecimal {
    fn get(&self) -> Decimal {
        match *self {
            FuzzDecimal::Small(m, s) => Decimal::new(i64::from(m), u32::from(s % 5)),
            FuzzDecimal::Wide(m, s) => Decimal::new(m, u32::from(s % 29)),
            FuzzDecimal::Any(lo, mid, hi, negative, s) => {
                Decimal::from_parts(lo, mid, hi, negative, u32::from(s % 29))
            }
            FuzzDecimal::Zero(s) => Decimal::new(0, u32::from(s % 29)),
            FuzzDecimal::Max => Decimal::MAX,
            FuzzDecimal::Min => Decimal::MIN,
        }
    }
}

fn amount(d: &Option<FuzzDecimal>) -> Option<Amount> {
    d.as_ref().map(|d| Amount(d.get()))
}

/// Ids come mostly from a small set, so that paths and relations often find their node.
#[derive(Debug, Arbitrary)]
enum FuzzId {
    A,
    B,
    C,
    Other(String),
}

impl FuzzId {
    fn get(&self) -> String {
        match self {
            FuzzId::A => "a".into(),
            FuzzId::B => "b".into(),
            FuzzId::C => "c".into(),
            FuzzId::Other(s) => s.clone(),
        }
    }
}

fn path(ids: &[FuzzId]) -> String {
    ids.iter().map(FuzzId::get).collect::<Vec<_>>().join("/")
}

#[derive(Debug, Arbitrary)]
struct FuzzSpan(u16, u16);

impl FuzzSpan {
    fn get(&self) -> Span {
        Span {
            start: usize::from(self.0),
            end: usize::from(self.1),
        }
    }
}

fn span(s: &Option<FuzzSpan>) -> Option<Span> {
    s.as_ref().map(FuzzSpan::get)
}

#[derive(Debug, Arbitrary)]
struct FuzzNode {
    id: FuzzId,
    label: String,
    code: Option<String>,
    amount: FuzzDecimal,
    share: Option<FuzzDecimal>,
    share_of: Option<Vec<FuzzId>>,
    prior: Option<FuzzDecimal>,
    change: Option<FuzzDecimal>,
    change_pct: Option<FuzzDecimal>,
    budget: Option<FuzzDecimal>,
    completion_pct: Option<FuzzDecimal>,
    comparison: Option<u8>,
    change_vs_budget: Option<FuzzDecimal>,
    change_vs_budget_pct: Option<FuzzDecimal>,
    restated: Vec<(FuzzDecimal, Option<FuzzSpan>, bool)>,
    partial: bool,
    doubt: Vec<u8>,
    at: Option<FuzzSpan>,
    spans: [Option<FuzzSpan>; 9],
    items: Vec<FuzzNode>,
}

impl FuzzNode {
    fn get(&self) -> Node {
        let mut node = Node::new(self.id.get(), self.label.clone(), self.amount.get());
        node.code = self.code.clone();
        node.share = amount(&self.share);
        node.share_of = self.share_of.as_deref().map(path);
        node.prior = amount(&self.prior);
        node.change = amount(&self.change);
        node.change_pct = amount(&self.change_pct);
        node.budget = amount(&self.budget);
        node.completion_pct = amount(&self.completion_pct);
        node.comparison = self.comparison.map(|c| match c % 3 {
            0 => Comparison::Above,
            1 => Comparison::Below,
            _ => Comparison::Equal,
        });
        node.change_vs_budget = amount(&self.change_vs_budget);
        node.change_vs_budget_pct = amount(&self.change_vs_budget_pct);
        node.restated = self
            .restated
            .iter()
            .map(|(a, at, of_budget)| Restatement {
                amount: Amount(a.get()),
                at: span(at),
                of: if *of_budget {
                    RestatedFigure::Budget
                } else {
                    RestatedFigure::Amount
                },
            })
            .collect();
        node.partial = self.partial;
        node.doubt = self
            .doubt
            .iter()
            .map(|d| match d % 4 {
                0 => Doubt::List,
                1 => Doubt::Subject,
                2 => Doubt::Columns,
                _ => Doubt::Name,
            })
            .collect();
        node.at = span(&self.at);
        let s = &self.spans;
        node.spans = FigureSpans {
            share: span(&s[0]),
            prior: span(&s[1]),
            change: span(&s[2]),
            change_pct: span(&s[3]),
            budget: span(&s[4]),
            completion_pct: span(&s[5]),
            comparison: span(&s[6]),
            change_vs_budget: span(&s[7]),
            change_vs_budget_pct: span(&s[8]),
        };
        node.items = self.items.iter().map(FuzzNode::get).collect();
        node
    }
}

#[derive(Debug, Arbitrary)]
struct FuzzReport {
    title: String,
    year: Option<i32>,
    phase: Option<bool>,
    unit: u8,
    source: Option<(Option<String>, Option<String>)>,
    breakdowns: Vec<FuzzNode>,
    relations: Vec<(FuzzId, String, Vec<Vec<FuzzId>>, Vec<Vec<FuzzId>>)>,
    unplaced: Vec<(String, FuzzSpan)>,
}

impl FuzzReport {
    fn get(&self) -> Report {
        Report {
            format: FORMAT_V1.into(),
            title: self.title.clone(),
            entity: "fuzz".into(),
            year: self.year,
            phase: self
                .phase
                .map(|final_| if final_ { Phase::Final } else { Phase::Budget }),
            unit: match self.unit % 3 {
                0 => Unit::Yuan,
                1 => Unit::WanYuan,
                _ => Unit::YiYuan,
            },
            source: self.source.as_ref().map(|(url, text)| Source {
                url: url.clone(),
                text: text.clone(),
            }),
            breakdowns: self.breakdowns.iter().map(FuzzNode::get).collect(),
            relations: self
                .relations
                .iter()
                .map(|(id, label, left, right)| Relation {
                    id: id.get(),
                    label: label.clone(),
                    left: left.iter().map(|p| path(p)).collect(),
                    right: right.iter().map(|p| path(p)).collect(),
                })
                .collect(),
            unplaced: self
                .unplaced
                .iter()
                .map(|(text, at)| Unplaced {
                    text: text.clone(),
                    at: at.get(),
                })
                .collect(),
        }
    }
}

/// Every finding's message and JSON form in both languages.
fn say(findings: &[Finding]) -> Vec<String> {
    let mut said = Vec::with_capacity(findings.len() * 2);
    for finding in findings {
        for lang in [Lang::Zh, Lang::En] {
            let message = finding.message(lang);
            assert!(!message.is_empty(), "{finding:?}");
            said.push(serde_json::to_string(&finding.to_out(lang)).expect("a finding serializes"));
        }
    }
    said
}

fuzz_target!(|input: FuzzReport| {
    let report = input.get();
    let findings = check(&report);
    let said = say(&findings);

    let json = serde_json::to_string(&report).expect("a report serializes");
    if let Ok(parsed) = parse_report(&json) {
        let json_again = serde_json::to_string(&parsed).expect("a report serializes");
        assert_eq!(json_again, json, "the parser changed a report it accepted");
        let findings_again = check(&parsed);
        assert_eq!(
            say(&findings_again),
            said,
            "the same report, checked twice, differs"
        );
    }
});
