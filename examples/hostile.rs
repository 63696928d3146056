//! One hostile report (tests/it/support/hostile_cases.rs) in its own process: the time of parse + check +
//! messages, the resident memory with the input built, and the peak (VmHWM) during parse + check. `make bench-hostile` runs every case
//! under `/usr/bin/time -v`; `cargo run --release --example hostile -- list` names them.

#[path = "../tests/it/support/hostile_cases.rs"]
mod hostile_cases;

use std::time::Instant;

use budget_lens::check::check;
use budget_lens::report::parse_report_bytes;
use budget_lens::Lang;

/// Peak resident set size of this process so far, in MiB (Linux), or NaN.
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

fn main() {
    let mut cases = hostile_cases::cases();
    cases.extend(hostile_cases::quoting_cases());
    let arg = std::env::args().nth(1).unwrap_or_else(|| "list".into());
    let Ok(index) = arg.parse::<usize>() else {
        for (i, case) in cases.iter().enumerate() {
            println!("{i}\t{}", case.name);
        }
        return;
    };
    let case = &cases[index];
    let input = (case.build)();
    // Reset the peak (Linux: 5 → clear_refs resets VmHWM), so that the building of the input does not hide
    // the parser's own peak; what stays resident (the input) counts in both figures.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = peak_mib();
    let start = Instant::now();
    let outcome = match parse_report_bytes(&input) {
        Ok(report) => {
            let findings = check(&report);
            let said: usize = findings
                .iter()
                .map(|f| f.message(Lang::Zh).len() + f.message(Lang::En).len())
                .sum();
            format!(
                "report of {} nodes, {} findings ({said} bytes of messages)",
                report.node_count(),
                findings.len()
            )
        }
        Err(e) => {
            let (zh, en) = (e.message(Lang::Zh), e.message(Lang::En));
            format!(
                "error ({} characters): {en}",
                zh.chars().count().max(en.chars().count())
            )
        }
    };
    let elapsed = start.elapsed();
    let after = peak_mib();
    let outcome: String = outcome.chars().take(120).collect();
    println!(
        "| {} | {:.1} MB | {:.1} ms | {:.0} MiB | {:.0} MiB | {} |",
        case.name,
        input.len() as f64 / 1e6,
        elapsed.as_secs_f64() * 1e3,
        before,
        after,
        outcome.replace('|', "\\|")
    );
}
