//! Prints the report of a file as one JSON object.
//!
//! ```text
//! cargo run --release --example parse -- tests/fixtures/corpus/000_668cd77387b4e7cb.txt
//! ```

use std::io::Write as _;
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
    let mut out = std::io::stdout().lock();
    match serde_json::to_writer_pretty(&mut out, &report)
        .and_then(|()| writeln!(out).map_err(serde_json::Error::io))
    {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is a normal end, not an error.
        Err(err) if err.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) => {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("parse: cannot write JSON: {err}");
            ExitCode::FAILURE
        }
    }
}
