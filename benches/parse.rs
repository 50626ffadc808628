//! Parse throughput on the corpus reports, beside a baseline that touches every char
//! of the same bytes once (`lines()` + `char_indices()`), so the ratio means something
//! on a noisy machine.
//!
//! ```text
//! cargo bench --bench parse
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(&p).ok()?))
        })
        .collect()
}

/// The cheapest pass that looks at every char: the ceiling for any char-level parser.
fn line_char_scan(text: &str) -> usize {
    text.lines()
        .map(|line| line.char_indices().filter(|&(_, c)| c == '、').count())
        .sum()
}

fn bench_parse(c: &mut Criterion) {
    let reports = corpus();
    let all = reports
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let mut inputs: Vec<(String, String)> = reports;
    inputs.push(("all-five".to_owned(), all));
    let mut group = c.benchmark_group("parse");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("gongwen/{name}"), |b| {
            b.iter(|| gongwen::parse(black_box(text)))
        });
        group.bench_function(format!("baseline-line-char-scan/{name}"), |b| {
            b.iter(|| line_char_scan(black_box(text)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
