//! Prints a report as Markdown: headings by level, body paragraphs, and a table of
//! metrics under each section that has some.
//!
//! ```text
//! cargo run --example markdown -- tests/fixtures/corpus/004_49b0d45f877073be.txt
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: markdown FILE");
        return ExitCode::from(2);
    };
    let input = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("markdown: cannot read {}: {err}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    emit(&gongwen::parse(&input).to_markdown())
}

/// Writes `text` to standard output. A closed pipe (`| head`) is a normal end, not an
/// error.
fn emit(text: &str) -> ExitCode {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("markdown: cannot write: {err}");
            ExitCode::FAILURE
        }
    }
}
