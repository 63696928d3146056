//! Times the extractor in process: `cargo run --release --example extract_timing [TEXT.txt] [runs]`.
//! Prints the median and the fastest run, and the figures taken.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "tests/data/panjin-xinglongtai-smart-city-2021-final.txt".into());
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1000);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let mut times = Vec::with_capacity(runs);
    let mut taken = (0, 0);
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let result = budget_lens::extract::extract(&text);
        times.push(start.elapsed());
        if let Ok(e) = result {
            taken = (e.taken, e.figures);
        }
    }
    times.sort();
    println!(
        "{path}: {} chars, {} runs, median {:?}, fastest {:?}, took {} of {} figures",
        text.chars().count(),
        times.len(),
        times[times.len() / 2],
        times[0],
        taken.0,
        taken.1
    );
}
