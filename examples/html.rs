//! Writes a report as one self-contained HTML page: the text with its outline as a
//! side navigation, metrics highlighted, diagnostics underlined.
//!
//! ```text
//! cargo run --features html --example html -- tests/fixtures/corpus/004_49b0d45f877073be.txt -o report.html
//! ```
//!
//! Without `-o` the page goes to standard output.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut input_path = None;
    let mut output_path: Option<PathBuf> = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "-o" {
            output_path = args.next().map(PathBuf::from);
            if output_path.is_none() {
                eprintln!("html: -o needs a file name");
                return ExitCode::from(2);
            }
        } else if input_path.is_none() {
            input_path = Some(PathBuf::from(arg));
        } else {
            eprintln!("usage: html FILE [-o OUT.html]");
            return ExitCode::from(2);
        }
    }
    let Some(path) = input_path else {
        eprintln!("usage: html FILE [-o OUT.html]");
        return ExitCode::from(2);
    };
    let input = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("html: cannot read {}: {err}", path.display());
            return ExitCode::from(2);
        }
    };
    let html = gongwen::parse(&input).to_html(&input);
    match output_path {
        Some(out) => match std::fs::write(&out, html) {
            Ok(()) => {
                eprintln!("html: wrote {}", out.display());
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("html: cannot write {}: {err}", out.display());
                ExitCode::FAILURE
            }
        },
        None => emit(&html),
    }
}

/// Writes `text` to standard output. A closed pipe (`| head`) is a normal end, not an
/// error.
fn emit(text: &str) -> ExitCode {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("html: cannot write: {err}");
            ExitCode::FAILURE
        }
    }
}
