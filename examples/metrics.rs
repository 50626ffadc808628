//! Prints every metric of one or more reports as CSV: file, section path (the markers
//! from the top level down), label, value in the base unit, unit, kind, approximation,
//! and the source text.
//!
//! ```text
//! cargo run --example metrics -- tests/fixtures/corpus/*.txt > metrics.csv
//! ```

use std::io;
use std::process::ExitCode;

use gongwen::{Report, Section};

fn main() -> ExitCode {
    let paths: Vec<_> = std::env::args_os().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: metrics FILE...");
        return ExitCode::from(2);
    }
    let mut csv = csv::Writer::from_writer(io::stdout().lock());
    let header = [
        "file", "section", "label", "value", "unit", "kind", "approx", "text",
    ];
    if let Err(err) = csv.write_record(header) {
        return write_failed(&err);
    }
    let mut status = ExitCode::SUCCESS;
    for path in &paths {
        let name = path.to_string_lossy();
        let input = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                // Go on with the other files; the exit status tells a script.
                eprintln!("metrics: cannot read {name}: {err}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let report = gongwen::parse(&input);
        for m in &report.metrics {
            let value = match m.high {
                Some(high) => format!("{}-{}", m.value, high),
                None => m.value.to_string(),
            };
            let record = [
                &*name,
                &section_path(&report, &m.section),
                m.label.as_deref().unwrap_or(""),
                &value,
                &m.unit,
                m.kind.name(),
                m.approx.map_or("", |a| a.name()),
                &m.text,
            ];
            if let Err(err) = csv.write_record(record) {
                return write_failed(&err);
            }
        }
    }
    if let Err(err) = csv.flush() {
        return write_failed(&err.into());
    }
    status
}

/// The markers from the top-level section down to the one at `path`: "二、/（一）/三是".
fn section_path(report: &Report<'_>, path: &[usize]) -> String {
    let mut markers = Vec::new();
    let mut level: &[Section<'_>] = &report.sections;
    for &i in path {
        let Some(section) = level.get(i) else { break };
        markers.push(&*section.marker.text);
        level = &section.children;
    }
    markers.join("/")
}

/// A closed pipe (`| head`) is a normal end; any other write error is a failure.
fn write_failed(err: &csv::Error) -> ExitCode {
    if let csv::ErrorKind::Io(io) = err.kind() {
        if io.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
    }
    eprintln!("metrics: cannot write: {err}");
    ExitCode::FAILURE
}
