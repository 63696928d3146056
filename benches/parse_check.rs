//! Native benchmarks of the core (issue 6): synthetic reports of 1,000 / 10,000 / 100,000 nodes, serialized
//! to JSON text, measured as (a) plain `serde_json::from_str::<Value>` of the same bytes, (b) `parse_report`,
//! (c) `check` on the parsed report; and, to tell the model from the parser's own work, (d) plain
//! `serde_json::from_str::<Report>` (no JSON paths, no format probe, no validation). Last, a table with the ratio of check time to plain serde_json parse
//! time (target: check ≤ parse).
//!
//! `make bench` (or `cargo bench --bench parse_check`). Under `cargo test --all-targets` this binary runs
//! once in criterion's test mode on the smallest report only.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use budget_lens::check::{check, counts};
use budget_lens::report::{parse_report, Report};
use criterion::{BenchmarkId, Criterion, Throughput};

#[path = "common/synthetic.rs"]
mod synthetic;
use synthetic::synthetic_report;

const SIZES_FULL: [usize; 3] = [1_000, 10_000, 100_000];
const SIZES_TEST: [usize; 1] = [1_000];

/// CPU time of this thread (Linux): unlike wall time, it does not count the time other processes on a
/// shared machine hold the core.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Wall time (for criterion) and thread CPU time (for the table) of `iters` runs of `f`.
fn timed<F: FnMut()>(
    samples: &Samples,
    key: (usize, &'static str),
    iters: u64,
    mut f: F,
) -> Duration {
    let (wall, cpu) = (Instant::now(), thread_cpu());
    for _ in 0..iters {
        f();
    }
    let (wall, cpu) = (wall.elapsed(), thread_cpu() - cpu);
    let mut samples = samples.borrow_mut();
    let entry = samples.entry(key).or_default();
    entry.0 += iters;
    entry.1 += wall;
    entry.2 += cpu;
    wall
}

/// Per benchmark: iterations, wall time, thread CPU time, over all that criterion ran (warm-up included).
type Samples = RefCell<BTreeMap<(usize, &'static str), (u64, Duration, Duration)>>;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if full { &SIZES_FULL } else { &SIZES_TEST };
    let mut c = Criterion::default().configure_from_args();
    let samples: Samples = RefCell::default();
    let mut shapes = Vec::new();

    for &nodes in sizes {
        let report = synthetic_report(nodes);
        assert_eq!(report.node_count(), nodes);
        let text = serde_json::to_string(&report).expect("the report serializes");
        let parsed = parse_report(&text).expect("the synthetic report parses");
        let findings = counts(&check(&parsed));
        shapes.push((nodes, text.len(), findings));

        let mut group = c.benchmark_group("parse_check");
        group.throughput(Throughput::Bytes(text.len() as u64));
        if nodes >= 100_000 {
            group.sample_size(20);
            group.measurement_time(Duration::from_secs(15));
        } else if nodes >= 10_000 {
            group.sample_size(30);
        }
        group.bench_with_input(
            BenchmarkId::new("serde_json_value", nodes),
            &text,
            |b, t| {
                b.iter_custom(|iters| {
                    timed(&samples, (nodes, "serde_json"), iters, || {
                        black_box(serde_json::from_str::<serde_json::Value>(black_box(t)).unwrap());
                    })
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("serde_json_report", nodes),
            &text,
            |b, t| {
                b.iter_custom(|iters| {
                    timed(&samples, (nodes, "serde_json_report"), iters, || {
                        black_box(serde_json::from_str::<Report>(black_box(t)).unwrap());
                    })
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("parse_report", nodes), &text, |b, t| {
            b.iter_custom(|iters| {
                timed(&samples, (nodes, "parse_report"), iters, || {
                    black_box(parse_report(black_box(t)).unwrap());
                })
            })
        });
        group.bench_with_input(BenchmarkId::new("check", nodes), &parsed, |b, r| {
            b.iter_custom(|iters| {
                timed(&samples, (nodes, "check"), iters, || {
                    black_box(check(black_box(r)));
                })
            })
        });
        group.finish();
    }
    c.final_summary();

    if !full {
        return;
    }
    // Mean thread CPU time per iteration over all that criterion ran (its warm-up included): on a shared
    // machine wall times (criterion's, above) also count the time other processes hold the core.
    let samples = samples.borrow();
    let per_iter = |nodes, what| {
        samples
            .get(&(nodes, what))
            .map_or(f64::NAN, |(n, _, cpu)| cpu.as_secs_f64() / *n as f64)
    };
    println!();
    println!("Mean thread CPU time per iteration:");
    println!();
    println!("| nodes | JSON bytes | findings (errors/warnings/notes) | serde_json Value | serde_json Report | parse_report | check | check / serde_json Value | parse_report / serde_json Value |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (nodes, bytes, (errors, warnings, notes)) in shapes {
        let serde = per_iter(nodes, "serde_json");
        let model = per_iter(nodes, "serde_json_report");
        let parse = per_iter(nodes, "parse_report");
        let checked = per_iter(nodes, "check");
        println!(
            "| {nodes} | {bytes} | {errors}/{warnings}/{notes} | {} | {} | {} | {} | {:.2} | {:.2} |",
            ms(serde),
            ms(model),
            ms(parse),
            ms(checked),
            checked / serde,
            parse / serde
        );
    }
}

fn ms(seconds: f64) -> String {
    format!("{:.3} ms", seconds * 1e3)
}
