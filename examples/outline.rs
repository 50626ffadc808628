//! Prints the outline of a file as a tree: marker and heading of every section, its
//! level and numbering scheme, and how many metrics it holds (its own, and with its
//! sub-sections). Columns line up for CJK text, which takes two terminal columns a
//! character.
//!
//! ```text
//! cargo run --example outline -- tests/fixtures/corpus/004_49b0d45f877073be.txt
//! ```

use std::process::ExitCode;

use gongwen::{Report, Section};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Widest the tree column may get before headings are cut with "…".
const MAX_TREE_WIDTH: usize = 64;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: outline FILE");
        return ExitCode::from(2);
    };
    let input = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("outline: cannot read {}: {err}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    let report = gongwen::parse(&input);
    emit(&render(&report))
}

/// Writes `text` to standard output. A closed pipe (`| head`) is a normal end, not an
/// error.
fn emit(text: &str) -> ExitCode {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("outline: cannot write: {err}");
            ExitCode::FAILURE
        }
    }
}

/// One row of the tree: the drawn prefix and text, then the columns.
struct Row {
    tree: String,
    level: usize,
    scheme: &'static str,
    own: usize,
    total: usize,
}

fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    out.push_str(report.title.as_deref().unwrap_or("(untitled)"));
    out.push('\n');
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "–".to_owned());
    out.push_str(&format!(
        "issuer {} · year {} · date {} · {} sections · {} metrics\n",
        report.issuer.as_deref().unwrap_or("–"),
        or_dash(report.year.map(|y| y.to_string())),
        or_dash(report.date.map(|d| d.to_string())),
        report.walk().count(),
        report.metrics.len(),
    ));

    let mut rows = Vec::new();
    let count = report.sections.len();
    for (i, section) in report.sections.iter().enumerate() {
        collect(report, section, "", i + 1 == count, &mut rows);
    }
    let width = rows
        .iter()
        .map(|r| r.tree.width())
        .max()
        .unwrap_or(0)
        .max("section".width());
    out.push_str(&format!(
        "{}  level  scheme        own  total\n",
        pad("section", width)
    ));
    for row in &rows {
        out.push_str(&format!(
            "{}  {:>5}  {:<12}  {:>3}  {:>5}\n",
            pad(&row.tree, width),
            row.level,
            row.scheme,
            row.own,
            row.total
        ));
    }
    for d in &report.diagnostics {
        out.push_str(&format!(
            "{}:{}: {} [{}] {}\n",
            d.line, d.column, d.severity, d.code, d.message
        ));
    }
    out
}

/// Adds `section` and everything below it, drawing the branches with box characters.
fn collect(
    report: &Report<'_>,
    section: &Section<'_>,
    prefix: &str,
    last: bool,
    rows: &mut Vec<Row>,
) {
    let branch = if last { "└─ " } else { "├─ " };
    let text = format!("{prefix}{branch}{}{}", section.marker.text, section.heading);
    rows.push(Row {
        tree: truncate(&text, MAX_TREE_WIDTH),
        level: section.level,
        scheme: section.marker.scheme.name(),
        own: report.metrics_of(section).len(),
        total: section.walk().map(|s| report.metrics_of(s).len()).sum(),
    });
    let below = format!("{prefix}{}", if last { "   " } else { "│  " });
    let count = section.children.len();
    for (i, child) in section.children.iter().enumerate() {
        collect(report, child, &below, i + 1 == count, rows);
    }
}

/// `text` cut to at most `max` terminal columns, ending in "…" when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut width = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if width + w + 1 > max {
            break;
        }
        width += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `text` padded with spaces to `width` terminal columns.
fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}
