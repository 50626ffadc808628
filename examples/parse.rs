//! Prints the report of a file as one JSON object.
//!
//! ```text
//! cargo run --release --example parse -- tests/fixtures/corpus/000_668cd77387b4e7cb.txt
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse FILE");
        return ExitCode::from(2);
    };
    let input = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("parse: cannot read {}: {err}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    let report = gongwen::parse(&input);
    match serde_json::to_string_pretty(&report) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("parse: cannot write JSON: {err}");
            ExitCode::FAILURE
        }
    }
}
