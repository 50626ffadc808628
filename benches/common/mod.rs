//! Shared by the bench targets: the corpus, inputs of a given size, and the ratio
//! summary read back from criterion's own estimates.

#![allow(dead_code)] // Each bench target uses part of this.

use std::path::{Path, PathBuf};

/// The five corpus reports, in name order.
pub fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().chars().take(3).collect();
            Some((name, std::fs::read_to_string(&p).ok()?))
        })
        .collect()
}

/// The five reports joined by newlines.
pub fn all_five() -> String {
    corpus()
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The five reports repeated to at least `mib` MiB.
pub fn repeated(mib: usize) -> String {
    let unit = all_five();
    let target = mib << 20;
    let mut text = String::with_capacity(target + unit.len() + 1);
    while text.len() < target {
        text.push_str(&unit);
        text.push('\n');
    }
    text
}

/// The mean time of one criterion benchmark in nanoseconds, read from its estimates
/// (`parameter` empty for a benchmark without one).
pub fn mean_ns(group: &str, function: &str, parameter: &str) -> Option<f64> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let mut path = target.join("criterion").join(group).join(function);
    if !parameter.is_empty() {
        path = path.join(parameter);
    }
    let path = path.join("new/estimates.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

/// MiB/s of `bytes` processed in `ns` nanoseconds.
pub fn mib_per_s(bytes: usize, ns: f64) -> f64 {
    bytes as f64 / (1 << 20) as f64 / (ns / 1e9)
}
