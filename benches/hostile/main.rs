//! Throughput of `parse` on hostile input beside normal text of the same size: the ratio
//! `hostile/NAME` ÷ `normal/NAME` is what matters (within 3×), not the absolute speed.
//!
//! ```text
//! cargo bench --bench hostile
//! GONGWEN_HOSTILE_SIZE=10485760 cargo bench --bench hostile   # the 10 MiB of the issue
//! ```
//!
//! The run ends with a table of the ratios. The README's Performance section has the
//! last one; every case is linear (10 MiB takes ten times 1 MiB), and all but two are
//! within 3× of normal text: consecutive-markers and lone-inline-markers, 150,000 and
//! 42,000 sections per MiB where reports have about 2,000, each section and its
//! diagnostics built and written in full.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};

#[path = "../common/mod.rs"]
mod common;
#[allow(dead_code)]
mod inputs;

fn size() -> usize {
    std::env::var("GONGWEN_HOSTILE_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1 << 20)
}

fn bench_hostile(c: &mut Criterion) {
    let size = size();
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    for (name, text) in inputs::cases(size) {
        let normal = inputs::normal(text.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("hostile/{name}"), |b| {
            b.iter(|| gongwen::parse(black_box(&text)))
        });
        group.throughput(Throughput::Bytes(normal.len() as u64));
        group.bench_function(format!("normal/{name}"), |b| {
            b.iter(|| gongwen::parse(black_box(&normal)))
        });
    }
    let normal = inputs::normal(size);
    let bytes = inputs::invalid_utf8_middle(&normal);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("hostile/parse-bytes-invalid-utf8", |b| {
        b.iter(|| gongwen::parse_bytes(black_box(&bytes)))
    });
    group.bench_function("normal/parse-bytes-invalid-utf8", |b| {
        b.iter(|| gongwen::parse_bytes(black_box(normal.as_bytes())))
    });
    group.finish();
}

/// Prints each case's time beside normal text's, and the ratio, from the estimates
/// criterion just wrote.
fn summary() {
    println!("\n== summary (hostile ÷ normal text of the same size; goal: within 3x)");
    let mut names: Vec<&str> = inputs::cases(0).into_iter().map(|(name, _)| name).collect();
    names.push("parse-bytes-invalid-utf8");
    for name in names {
        let time = |kind: &str| common::mean_ns("hostile", &format!("{kind}_{name}"), "");
        if let (Some(hostile), Some(normal)) = (time("hostile"), time("normal")) {
            println!(
                "{name:26} hostile {:8.2} ms  normal {:6.2} ms  ratio {:5.2}",
                hostile / 1e6,
                normal / 1e6,
                hostile / normal
            );
        }
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_hostile(&mut c);
    c.final_summary();
    summary();
}
