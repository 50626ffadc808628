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
    print!("{}", gongwen::parse(&input).to_markdown());
    ExitCode::SUCCESS
}
