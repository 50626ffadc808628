//! The integration test suite: one binary, one module per concern.

#[cfg(feature = "html")]
mod browser;
mod bytes;
mod corpus;
mod diagnostics;
mod hostile;
mod lint;
mod markers_spec;
mod metrics_gold;
mod outline_spec;
#[cfg(feature = "serde")]
mod peers;
mod pieces;
mod properties;
#[cfg(feature = "serde")]
mod reconstruction;
mod views;

use std::path::{Path, PathBuf};

/// The directory of test fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The corpus reports: (file name, text).
pub fn corpus() -> Vec<(String, String)> {
    let dir = fixtures().join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "expected the five corpus reports");
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&p).expect("corpus file is UTF-8");
            (name, text)
        })
        .collect()
}
