//! Throughput of `parse` and of metric extraction, each beside baselines over the same
//! bytes in the same run, and scaling from 1 to 64 MiB.
//!
//! ```text
//! cargo bench --bench parse
//! ```
//!
//! Baselines: `line+char` walks every line and touches every `char` once (the ceiling
//! for any char-level parser); `four-regex` is the hand-written alternative, four
//! regexes for 一、 / （一） / `^\d+[.、．]` / number+unit, each a pass over the text.
//! The summary at the end prints MiB/s and the ratios the project's goals are stated in.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use regex::Regex;

fn line_char_scan(text: &str) -> usize {
    let mut n = 0usize;
    for line in text.lines() {
        for (at, c) in line.char_indices() {
            n = n.wrapping_add(at ^ c as usize);
        }
    }
    n
}

struct FourRegex([Regex; 4]);

impl FourRegex {
    fn new() -> FourRegex {
        let patterns = [
            r"(?m)^\s*[一二三四五六七八九十]+、",
            r"(?m)^\s*（[一二三四五六七八九十]+）",
            r"(?m)^\s*\d+[.、．]",
            r"\d+(\.\d+)?(余|多)?(万|亿)?(元|件|次|人|人次|起|名|个|项|%)",
        ];
        FourRegex(patterns.map(|p| Regex::new(p).unwrap_or_else(|e| panic!("{p}: {e}"))))
    }

    fn count(&self, text: &str) -> usize {
        self.0.iter().map(|r| r.find_iter(text).count()).sum()
    }
}

fn inputs() -> Vec<(String, String)> {
    let mut inputs = common::corpus();
    inputs.push(("all-five".to_owned(), common::all_five()));
    inputs.push(("10MiB".to_owned(), common::repeated(10)));
    inputs
}

fn bench_parse(c: &mut Criterion) {
    let regexes = FourRegex::new();
    let mut group = c.benchmark_group("parse");
    group
        .measurement_time(Duration::from_secs(4))
        .sample_size(20);
    for (name, text) in &inputs() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("gongwen", name), text, |b, t| {
            b.iter(|| gongwen::parse(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("line+char", name), text, |b, t| {
            b.iter(|| line_char_scan(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("four-regex", name), text, |b, t| {
            b.iter(|| regexes.count(black_box(t)))
        });
    }
    group.finish();
}

fn bench_metric(c: &mut Criterion) {
    let text = common::repeated(10);
    let mut group = c.benchmark_group("metric");
    group
        .measurement_time(Duration::from_secs(4))
        .sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(BenchmarkId::new("extract", "10MiB"), &text, |b, t| {
        b.iter(|| gongwen::metric::extract(black_box(t)))
    });
    group.bench_with_input(BenchmarkId::new("line+char", "10MiB"), &text, |b, t| {
        b.iter(|| line_char_scan(black_box(t)))
    });
    group.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group
        .measurement_time(Duration::from_secs(6))
        .sample_size(10);
    for mib in [1usize, 16, 64] {
        let text = common::repeated(mib);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("gongwen", format!("{mib}MiB")),
            &text,
            |b, t| b.iter(|| gongwen::parse(black_box(t))),
        );
    }
    group.finish();
}

#[cfg(feature = "rayon")]
fn bench_parse_many(c: &mut Criterion) {
    // The corpus as many documents: the five reports repeated to 10 MiB.
    let unit: Vec<String> = common::corpus().into_iter().map(|(_, t)| t).collect();
    let docs: Vec<String> = unit.iter().cycle().take(5 * 170).cloned().collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("many");
    group
        .measurement_time(Duration::from_secs(4))
        .sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_with_input(BenchmarkId::new("sequential", "850docs"), &docs, |b, d| {
        b.iter(|| {
            d.iter()
                .map(|t| gongwen::parse(black_box(t)).sections.len())
                .sum::<usize>()
        })
    });
    // The work of parse_many on one thread: every report kept until the end, then all
    // dropped. "sequential" above frees each report while it is still in cache, which
    // parse_many cannot do; the two ratios are printed side by side.
    group.bench_with_input(
        BenchmarkId::new("sequential-kept", "850docs"),
        &docs,
        |b, d| {
            b.iter(|| {
                d.iter()
                    .map(|t| gongwen::parse(black_box(t)))
                    .collect::<Vec<_>>()
                    .len()
            })
        },
    );
    group.bench_with_input(BenchmarkId::new("parse_many", "850docs"), &docs, |b, d| {
        b.iter(|| gongwen::parse_many(black_box(d)).len())
    });
    // The same work as "sequential": each report reduced to a count where it was parsed.
    group.bench_with_input(
        BenchmarkId::new("parse_many_with", "850docs"),
        &docs,
        |b, d| {
            b.iter(|| {
                gongwen::parse_many_with(black_box(d), |_, r| r.sections.len())
                    .into_iter()
                    .sum::<usize>()
            })
        },
    );
    group.finish();
}

#[cfg(not(feature = "rayon"))]
fn bench_parse_many(_: &mut Criterion) {}

/// Prints MiB/s and the goal ratios from the estimates criterion just wrote.
fn summary() {
    println!("\n== summary (MiB/s; ratios from this run)");
    for (name, text) in inputs() {
        let get = |f: &str| {
            common::mean_ns("parse", f, &name).map(|ns| common::mib_per_s(text.len(), ns))
        };
        if let (Some(ours), Some(scan), Some(regex)) =
            (get("gongwen"), get("line+char"), get("four-regex"))
        {
            println!(
                "parse {name:>9}: gongwen {ours:7.1}  line+char {scan:7.1}  four-regex {regex:7.1}  \
                 gongwen/four-regex {:.2}  gongwen/line+char {:.2}",
                ours / regex,
                ours / scan
            );
        }
    }
    let ten = (10usize << 20) as f64;
    if let (Some(m), Some(s)) = (
        common::mean_ns("metric", "extract", "10MiB"),
        common::mean_ns("metric", "line+char", "10MiB"),
    ) {
        println!(
            "metric extraction: {:.1} MiB/s ({:.2} of line+char)",
            common::mib_per_s(ten as usize, m),
            s / m
        );
    }
    let scaling: Vec<(usize, f64)> = [1usize, 16, 64]
        .into_iter()
        .filter_map(|mib| {
            common::mean_ns("scaling", "gongwen", &format!("{mib}MiB"))
                .map(|ns| (mib, common::mib_per_s(mib << 20, ns)))
        })
        .collect();
    for (mib, speed) in &scaling {
        println!("scaling {mib:>2} MiB: {speed:.1} MiB/s");
    }
    if let (Some((_, one)), Some((_, sixty_four))) = (scaling.first(), scaling.last()) {
        println!("scaling 64 MiB / 1 MiB: {:.2}", sixty_four / one);
    }
    let many = |name: &str| common::mean_ns("many", name, "850docs");
    // Each parallel run against the sequential run that does the same work.
    for (parallel, sequential) in [
        ("parse_many", "sequential"),
        ("parse_many", "sequential-kept"),
        ("parse_many_with", "sequential"),
    ] {
        if let (Some(par), Some(seq)) = (many(parallel), many(sequential)) {
            println!("{parallel} speed-up over {sequential}: {:.2}x", seq / par);
        }
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_parse(&mut c);
    bench_metric(&mut c);
    bench_scaling(&mut c);
    bench_parse_many(&mut c);
    c.final_summary();
    summary();
}
