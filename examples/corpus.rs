//! Parses every `.txt` under a directory in parallel: one JSON object per report (JSON
//! Lines) and one CSV row per metric, with a progress bar on stderr.
//!
//! ```text
//! cargo run --release --features rayon --example corpus -- tests/fixtures/corpus -o corpus
//! ```
//!
//! writes `corpus.jsonl` and `corpus-metrics.csv`. Files are read and parsed
//! in batches, so memory stays bounded on archives of millions of documents, and
//! results keep the order of the sorted file list.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

/// Files parsed together: enough to keep every core busy, few enough to bound memory.
const BATCH: usize = 256;

#[derive(serde::Serialize)]
struct Line<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: &'a gongwen::Report<'a>,
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut prefix = PathBuf::from("corpus");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" => match args.next() {
                Some(p) => prefix = PathBuf::from(p),
                None => return usage(),
            },
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return usage(),
        }
    }
    let Some(dir) = dir else { return usage() };
    let mut files = Vec::new();
    if let Err(err) = collect_txt(&dir, &mut files) {
        eprintln!("corpus: cannot read {}: {err}", dir.display());
        return ExitCode::from(2);
    }
    files.sort();
    match run(&files, &prefix) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("corpus: {err}");
            ExitCode::from(2)
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: corpus DIR [-o PREFIX]   (writes PREFIX.jsonl and PREFIX-metrics.csv)");
    ExitCode::from(2)
}

/// Every `.txt` file under `dir`, without recursion on the call stack.
fn collect_txt(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    Ok(())
}

fn run(files: &[PathBuf], prefix: &Path) -> std::io::Result<()> {
    let total: u64 = files
        .iter()
        .filter_map(|f| f.metadata().ok())
        .map(|m| m.len())
        .sum();
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let jsonl_path = prefix.with_extension("jsonl");
    let csv_path = PathBuf::from(format!("{}-metrics.csv", prefix.display()));
    let mut jsonl = BufWriter::new(File::create(&jsonl_path)?);
    let mut csv = BufWriter::new(File::create(&csv_path)?);
    writeln!(csv, "file,section,label,value,unit,approx,text")?;
    let started = Instant::now();
    let (mut documents, mut failed) = (0usize, 0usize);
    for batch in files.chunks(BATCH) {
        let texts: Vec<(String, Option<String>)> = batch
            .par_iter()
            .map(|p| (p.display().to_string(), std::fs::read_to_string(p).ok()))
            .collect();
        let (names, docs): (Vec<&str>, Vec<&str>) = texts
            .iter()
            .filter_map(|(name, text)| Some((name.as_str(), text.as_deref()?)))
            .unzip();
        // Each report is serialized and dropped on the thread that parsed it.
        let outputs = gongwen::parse_many_with(&docs, |i, report| {
            let name = names.get(i).copied().unwrap_or_default();
            let json = serde_json::to_string(&Line {
                file: name,
                report: &report,
            })
            .ok();
            (
                json,
                metric_rows(name, &report),
                docs.get(i).map_or(0, |d| d.len()),
            )
        });
        failed += texts.iter().filter(|(_, t)| t.is_none()).count();
        for (json, rows, bytes) in outputs {
            let Some(json) = json else {
                failed += 1;
                continue;
            };
            writeln!(jsonl, "{json}")?;
            csv.write_all(rows.as_bytes())?;
            documents += 1;
            bar.inc(bytes as u64);
        }
        let seconds = started.elapsed().as_secs_f64().max(1e-9);
        bar.set_message(format!(
            "{documents} docs, {:.0} docs/s",
            documents as f64 / seconds
        ));
    }
    bar.finish();
    jsonl.flush()?;
    csv.flush()?;
    eprintln!(
        "corpus: {documents} reports -> {} and {}{}",
        jsonl_path.display(),
        csv_path.display(),
        if failed > 0 {
            format!(" ({failed} files unreadable as UTF-8, skipped)")
        } else {
            String::new()
        }
    );
    Ok(())
}

/// The CSV rows of a report's metrics.
fn metric_rows(file: &str, report: &gongwen::Report<'_>) -> String {
    let mut rows = String::new();
    for m in &report.metrics {
        let section: Vec<String> = m.section.iter().map(|i| (i + 1).to_string()).collect();
        let fields = [
            file.to_owned(),
            section.join("."),
            m.label.as_deref().unwrap_or("").to_owned(),
            m.value.to_string(),
            m.unit.to_string(),
            m.approx.map_or("", |a| a.name()).to_owned(),
            m.text.to_string(),
        ];
        let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        rows.push_str(&quoted.join(","));
        rows.push('\n');
    }
    rows
}

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}
