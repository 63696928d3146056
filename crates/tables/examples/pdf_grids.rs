//! Prints a PDF's page grids (one line per row, cells joined by ` | `) as the CLI reads it, or with
//! `--time` the median of nine reads (lopdf runs, then grids and texts): the figure in bench/RESULTS.md;
//! with `--runs N` page N's text runs (x, baseline y, width, em, text), to write a layout test from.
//!
//!     cargo run --release -p budget-lens-tables --features pdf --example pdf_grids -- FILE.pdf [--time | --runs N]

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
    match args.next().as_deref() {
        Some("--time") => return time(&bytes),
        Some("--runs") => return runs(&bytes, args.next().and_then(|n| n.parse().ok())),
        _ => {}
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

fn runs(bytes: &[u8], page: Option<usize>) {
    let runs = read_pdf(bytes).expect("a readable PDF");
    let Some(page) = page.and_then(|n| runs.pages.get(n.wrapping_sub(1))) else {
        eprintln!("--runs N: N is a page number");
        std::process::exit(2);
    };
    for run in &page.runs {
        println!(
            "{:.2} {:.2} {:.2} {:.2} {}",
            run.x, run.y, run.w, run.h, run.text
        );
    }
}
