//! Prints a PDF's page grids (one line per row, cells joined by ` | `) as the CLI reads it, or with
//! `--time` the median of nine reads (lopdf runs, then grids and texts): the figure in bench/RESULTS.md.
//!
//!     cargo run --release -p budget-lens-tables --features pdf --example pdf_grids -- FILE.pdf [--time]

use budget_lens_tables::layout::{page_grid, page_text};
use budget_lens_tables::pdf::read_pdf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: pdf_grids FILE.pdf [--time]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    if args.next().as_deref() == Some("--time") {
        time(&bytes);
        return;
    }
    match read_pdf(&bytes) {
        Err(e) => {
            eprintln!("{path}: {}", e.message(budget_lens_core::Lang::Zh));
            std::process::exit(2);
        }
        Ok(runs) => {
            for (i, page) in runs.pages.iter().enumerate() {
                println!("== 第{}页", i + 1);
                for row in page_grid(i + 1, page).rows {
                    let cells: Vec<&str> = row
                        .iter()
                        .map(|c| c.as_ref().map_or("", |c| c.text.as_str()))
                        .collect();
                    println!("{}", cells.join(" | "));
                }
            }
        }
    }
}

fn time(bytes: &[u8]) {
    let mut reads = Vec::new();
    let mut totals = Vec::new();
    for _ in 0..9 {
        let start = Instant::now();
        let runs = read_pdf(bytes).expect("a readable PDF");
        reads.push(start.elapsed().as_secs_f64() * 1000.0);
        let laid: usize = runs
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| page_grid(i + 1, p).rows.len() + page_text(p).len())
            .sum();
        std::hint::black_box(laid);
        totals.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    reads.sort_by(f64::total_cmp);
    totals.sort_by(f64::total_cmp);
    println!(
        "median of 9: read {:.1} ms, read + grids + texts {:.1} ms",
        reads[4], totals[4]
    );
}
