//! The public parsers: `marker` on heading lines and on body lines (ns per line), and
//! heading-sized numerals against the chinese-number crate on the same inputs.
//!
//! ```text
//! cargo bench --bench numbering
//! ```

mod common;

use std::hint::black_box;
use std::time::Duration;

use chinese_number::{ChineseCountMethod, ChineseToNumber};
use criterion::{BenchmarkId, Criterion, Throughput};
use gongwen::numbering::marker;

type E<'a> = nom::error::Error<&'a str>;

/// The starts of the corpus's lines (after indentation), split into those that open
/// with a marker and those that do not.
fn lines() -> (Vec<String>, Vec<String>) {
    let mut headings = Vec::new();
    let mut body = Vec::new();
    for (_, text) in common::corpus() {
        for line in text.lines() {
            let line = line.trim_start();
            if line.is_empty() {
                continue;
            }
            match marker::<E>(line) {
                Ok(_) => headings.push(line.to_owned()),
                Err(_) => body.push(line.to_owned()),
            }
        }
    }
    (headings, body)
}

/// Numerals as headings use them: 一 … 九十九.
const NUMERALS: &[&str] = &[
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十五",
    "二十",
    "二十三",
    "三十",
    "四十五",
    "九十九",
    "一百二十三",
    "三千零五",
];

fn bench_marker(c: &mut Criterion) {
    let (headings, body) = lines();
    let mut group = c.benchmark_group("marker");
    group.measurement_time(Duration::from_secs(3));
    for (name, set) in [("heading-lines", &headings), ("body-lines", &body)] {
        group.throughput(Throughput::Elements(set.len() as u64));
        group.bench_with_input(BenchmarkId::new("marker", name), set, |b, lines| {
            b.iter(|| {
                lines
                    .iter()
                    .filter(|l| marker::<E>(black_box(l)).is_ok())
                    .count()
            })
        });
    }
    group.finish();
}

fn bench_numeral(c: &mut Criterion) {
    let mut group = c.benchmark_group("numeral");
    group.measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(NUMERALS.len() as u64));
    group.bench_function(BenchmarkId::new("gongwen", "headings"), |b| {
        b.iter(|| {
            NUMERALS
                .iter()
                .filter_map(|n| gongwen::numeral::chinese::<E>(black_box(n)).ok())
                .map(|(_, v)| v)
                .sum::<u32>()
        })
    });
    group.bench_function(BenchmarkId::new("chinese-number", "headings"), |b| {
        b.iter(|| {
            NUMERALS
                .iter()
                .filter_map(|n| {
                    ChineseToNumber::<u32>::to_number(black_box(n), ChineseCountMethod::TenThousand)
                        .ok()
                })
                .sum::<u32>()
        })
    });
    group.finish();
}

fn summary() {
    let (headings, body) = lines();
    println!("\n== summary");
    for (name, n) in [
        ("heading-lines", headings.len()),
        ("body-lines", body.len()),
    ] {
        if let Some(ns) = common::mean_ns("marker", "marker", name) {
            println!("marker on {name}: {:.1} ns/line ({n} lines)", ns / n as f64);
        }
    }
    let per =
        |f: &str| common::mean_ns("numeral", f, "headings").map(|ns| ns / NUMERALS.len() as f64);
    if let (Some(ours), Some(theirs)) = (per("gongwen"), per("chinese-number")) {
        println!(
            "numeral: gongwen {ours:.1} ns, chinese-number {theirs:.1} ns per numeral: {:.1}x faster",
            theirs / ours
        );
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_marker(&mut c);
    bench_numeral(&mut c);
    c.final_summary();
    summary();
}
