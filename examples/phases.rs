//! Where parse_report's time goes, phase by phase, on a synthetic report (benches/common/synthetic.rs):
//! plain serde_json into a Value and into the model, the format probe, serde_path_to_error's path tracking,
//! the whole parse_report (so validation is the rest), check, and dropping a report. Best of 7 runs each.
//! `cargo run --profile bench-release --example phases [-- NODES]` (default 100,000).

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::time::Instant;

use budget_lens::check::check;
use budget_lens::report::{parse_report, Report};

#[derive(serde::Deserialize)]
struct Probe {
    #[allow(dead_code)]
    format: Option<serde_json::Value>,
}

fn best_of_7<F: FnMut()>(name: &str, mut f: F) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..7 {
        let start = Instant::now();
        f();
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!("| {name} | {:.1} ms |", best * 1e3);
    best
}

fn main() {
    let nodes = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let text = serde_json::to_string(&synthetic::synthetic_report(nodes)).expect("serializes");
    println!("{nodes} nodes, {} bytes of JSON\n", text.len());
    println!("| phase | time |\n|---|---:|");
    best_of_7("serde_json → Value", || {
        black_box(serde_json::from_str::<serde_json::Value>(&text).unwrap());
    });
    let probe = best_of_7("format probe (serde_json → {format})", || {
        black_box(serde_json::from_str::<Probe>(&text).unwrap());
    });
    best_of_7("serde_json → Report (no paths)", || {
        black_box(serde_json::from_str::<Report>(&text).unwrap());
    });
    let tracked = best_of_7("serde_path_to_error → Report", || {
        let mut de = serde_json::Deserializer::from_str(&text);
        let report: Report = serde_path_to_error::deserialize(&mut de).unwrap();
        black_box(report);
    });
    let whole = best_of_7("parse_report (probe + tracked + validate)", || {
        black_box(parse_report(&text).unwrap());
    });
    println!(
        "| validate and the rest (parse_report − probe − tracked) | {:.1} ms |",
        (whole - probe - tracked) * 1e3
    );
    let report = parse_report(&text).unwrap();
    best_of_7("check", || {
        black_box(check(&report));
    });
    best_of_7("clone + drop of the report", || {
        drop(black_box(report.clone()));
    });
}
