//! Throughput of `parse` on hostile input beside normal text of the same size: the ratio
//! `hostile/NAME` ÷ `normal/NAME` is what matters (within 3×), not the absolute speed.
//!
//! ```text
//! cargo bench --bench hostile
//! GONGWEN_HOSTILE_SIZE=10485760 cargo bench --bench hostile   # the 10 MiB of the issue
//! ```
//!
//! Last run (1 MiB, quiet 2-vCPU machine, after the merge of the performance work):
//! every case within 3× of normal text, or faster, except consecutive-markers ≈ 17×
//! (150,000 sections per MiB where reports have about 2,000: the per-section cost of the
//! outline, the diagnostics and the section's own allocations, not an algorithm that
//! grows), hanzi-one-run ≈ 4.8× (every 一 is a number candidate and goes through the
//! quantity grammar, the quote check and the word list) and one-long-line ≈ 3.4×. All
//! linear; before the fix in `metric::scan` (quotes, labels and sentences searched to
//! the paragraph's ends), a run of 一, back-to-back inline markers and 20-digit counts on
//! one line were quadratic.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

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

criterion_group!(benches, bench_hostile);
criterion_main!(benches);
