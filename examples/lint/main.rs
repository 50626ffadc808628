//! Lints reports: prints each diagnostic the way rustc does, with the source line, a
//! caret under the exact span and the suggested fix.
//!
//! ```text
//! cargo run --example lint -- tests/fixtures/corpus/003_534cad1fc4b87e7d.txt
//! cargo run --example lint -- --json FILE…
//! ```
//!
//! Exit status: 1 when any diagnostic is an error, 0 otherwise; 2 when a file cannot be
//! read (or no file is given). Colours are used on a terminal unless `NO_COLOR` is set.

use std::io::IsTerminal;
use std::process::ExitCode;

use gongwen::Severity;

mod render;

const USAGE: &str = "usage: lint [--json] FILE…";

fn main() -> ExitCode {
    let mut json = false;
    let mut paths = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--json") => json = true,
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some(flag) if flag.starts_with("--") => {
                eprintln!("lint: unknown option {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => paths.push(arg),
        }
    }
    if paths.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let color = !json && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let (mut unreadable, mut errors) = (false, false);
    let mut reports = Vec::new();
    for path in &paths {
        let name = path.to_string_lossy();
        let input = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("lint: cannot read {name}: {err}");
                unreadable = true;
                continue;
            }
        };
        let report = gongwen::parse(&input);
        errors |= report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        if json {
            reports.push(serde_json::json!({
                "file": name,
                "diagnostics": report.diagnostics,
            }));
            continue;
        }
        for diagnostic in &report.diagnostics {
            println!("{}\n", render::render(&name, &input, diagnostic, color));
        }
        println!("{name}: {}", summary(&report.diagnostics));
    }
    if json {
        match serde_json::to_string_pretty(&reports) {
            Ok(text) => println!("{text}"),
            Err(err) => {
                eprintln!("lint: cannot write JSON: {err}");
                return ExitCode::from(2);
            }
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// "1 error, 2 warnings, 2 info", or "no diagnostics".
fn summary(diagnostics: &[gongwen::Diagnostic]) -> String {
    let count = |severity: Severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let parts: Vec<String> = [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "info"),
    ]
    .into_iter()
    .map(|(severity, word)| (count(severity), word))
    .filter(|&(n, _)| n > 0)
    .map(|(n, word)| match (n, word) {
        (1, _) | (_, "info") => format!("{n} {word}"),
        _ => format!("{n} {word}s"),
    })
    .collect();
    if parts.is_empty() {
        "no diagnostics".to_owned()
    } else {
        parts.join(", ")
    }
}
