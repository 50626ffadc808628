//! Measures the peak heap use of `parse` on a large input with a counting allocator.
//!
//! ```text
//! cargo run --release --example memory -- 64
//! ```
//!
//! builds 64 MiB of report text (the corpus repeated), parses it, and prints the peak
//! heap during parsing — the input itself included — as a multiple of the input size.

use std::alloc::System;
use std::process::ExitCode;

use cap::Cap;

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

fn main() -> ExitCode {
    let mib: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 64,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("usage: memory [MIB]");
            return ExitCode::from(2);
        }
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(err) => {
            eprintln!("memory: cannot read {}: {err}", dir.display());
            return ExitCode::from(2);
        }
    };
    paths.sort();
    let unit: String = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n");
    let target = mib << 20;
    let mut input = String::with_capacity(target + unit.len() + 1);
    while input.len() < target {
        input.push_str(&unit);
        input.push('\n');
    }
    drop(unit);
    let before = ALLOCATOR.allocated();
    let report = gongwen::parse(&input);
    let peak = ALLOCATOR.max_allocated();
    let after = ALLOCATOR.allocated();
    let mb = |b: usize| b as f64 / (1 << 20) as f64;
    println!("input:            {:8.1} MiB", mb(input.len()));
    println!("heap before parse:{:8.1} MiB (the input)", mb(before));
    println!(
        "peak during parse:{:8.1} MiB = {:.2}x the input (the input included)",
        mb(peak),
        peak as f64 / input.len() as f64
    );
    println!(
        "parse's own peak: {:8.1} MiB = {:.2}x the input",
        mb(peak - before),
        (peak - before) as f64 / input.len() as f64
    );
    println!(
        "report kept:      {:8.1} MiB = {:.2}x the input",
        mb(after - before),
        (after - before) as f64 / input.len() as f64
    );
    println!(
        "sections {}, metrics {}",
        report.walk().count(),
        report.metrics.len()
    );
    ExitCode::SUCCESS
}
