//! Prints the outline of a file: metadata, then one line per section.
//!
//! ```text
//! cargo run --example outline -- tests/fixtures/corpus/003_534cad1fc4b87e7d.txt
//! ```

use std::process::ExitCode;

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
    println!("issuer: {}", report.issuer.as_deref().unwrap_or("-"));
    println!(
        "year:   {}",
        report.year.map_or("-".to_owned(), |y| y.to_string())
    );
    println!(
        "date:   {}",
        report.date.map_or("-".to_owned(), |d| d.to_string())
    );
    print!("{report}");
    for d in &report.diagnostics {
        println!(
            "{}:{}: {} [{}] {}",
            d.line, d.column, d.severity, d.code, d.message
        );
    }
    ExitCode::SUCCESS
}
