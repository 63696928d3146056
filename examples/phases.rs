//! Where parse_report's time goes, phase by phase, on a synthetic report (benches/common/synthetic.rs):
//! plain serde_json into a Value and into the model, the whole parse_report (so validation is the rest),
//! check, and dropping a report. Best of 7 runs each, wall and thread CPU time.
//! `cargo run --profile bench-release --example phases [-- NODES]` (default 100,000).

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::time::Instant;

use budget_lens::check::check;
use budget_lens::report::{parse_report, Report};

/// CPU time of this thread (Linux), in seconds.
fn thread_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Best wall time and best thread CPU time of 7 runs; returns the CPU time.
fn best_of_7<F: FnMut()>(name: &str, mut f: F) -> f64 {
    let (mut wall, mut cpu) = (f64::MAX, f64::MAX);
    for _ in 0..7 {
        let (start, start_cpu) = (Instant::now(), thread_cpu());
        f();
        cpu = cpu.min(thread_cpu() - start_cpu);
        wall = wall.min(start.elapsed().as_secs_f64());
    }
    println!("| {name} | {:.1} ms | {:.1} ms |", wall * 1e3, cpu * 1e3);
    cpu
}

fn main() {
    let nodes = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let text = serde_json::to_string(&synthetic::synthetic_report(nodes)).expect("serializes");
    println!("{nodes} nodes, {} bytes of JSON\n", text.len());
    println!("| phase | wall (best of 7) | thread CPU (best of 7) |\n|---|---:|---:|");
    best_of_7("serde_json → Value", || {
        black_box(serde_json::from_str::<serde_json::Value>(&text).unwrap());
    });
    let plain = best_of_7("serde_json → Report", || {
        black_box(serde_json::from_str::<Report>(&text).unwrap());
    });
    let whole = best_of_7("parse_report (serde + validate)", || {
        black_box(parse_report(&text).unwrap());
    });
    println!(
        "| validate and the rest (parse_report − serde_json → Report) | | {:.1} ms |",
        (whole - plain) * 1e3
    );
    let report = parse_report(&text).unwrap();
    best_of_7("check", || {
        black_box(check(&report));
    });
    best_of_7("clone + drop of the report", || {
        drop(black_box(report.clone()));
    });
}
