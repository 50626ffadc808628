//! The HTML view in a real browser: headless Chromium loads the page of a corpus report,
//! runs its script, and dumps the DOM, which must hold a navigation entry for every
//! section and a highlighted element for every metric.
//!
//! CI installs Debian's `chromium` (see `.ci/run`); `GONGWEN_CHROMIUM` may name another
//! binary. Without one the test fails, unless `GONGWEN_SKIP_BROWSER=1` is set, when it
//! prints a notice and passes.

use std::path::PathBuf;
use std::process::Command;

use crate::fixtures;

/// A directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("gongwen-{tag}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("GONGWEN_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name))
        })
        .find(|candidate| candidate.is_file())
}

/// Undoes the escaping of text in the dumped DOM.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Renders `html` in headless Chromium and returns the DOM after scripts ran, unescaped;
/// `None` when there is no browser and `GONGWEN_SKIP_BROWSER=1` says that is fine.
fn dump_dom(html: &str) -> Option<String> {
    let Some(browser) = chromium() else {
        if std::env::var_os("GONGWEN_SKIP_BROWSER").is_some_and(|v| v == "1") {
            eprintln!("browser test skipped: no chromium on PATH and GONGWEN_SKIP_BROWSER=1");
            return None;
        }
        panic!(
            "chromium is not installed: `apt-get install -y chromium`, or set \
             GONGWEN_SKIP_BROWSER=1 to skip the browser test"
        );
    };
    let dir = TempDir::new("browser");
    let page = dir.0.join("report.html");
    std::fs::write(&page, html).expect("write page");
    let profile = dir.0.join("profile");
    let output = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", browser.display()));
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && dom.contains("</html>"),
        "chromium failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let dom = unescape(&dom);
    // The script ran: it marks the body and shows the expand/collapse buttons.
    assert!(
        dom.contains(r#"<body data-ready="true">"#),
        "script did not run"
    );
    assert!(
        !dom.contains("hidden=\"\">expand all"),
        "buttons still hidden"
    );
    Some(dom)
}

#[test]
fn chromium_renders_the_outline_and_the_metrics() {
    let path = fixtures().join("corpus/004_49b0d45f877073be.txt");
    let input = std::fs::read_to_string(&path).expect("corpus report");
    let report = gongwen::parse(&input);
    let Some(dom) = dump_dom(&report.to_html(&input)) else {
        return;
    };
    let sections: Vec<_> = report.walk().collect();
    assert!(sections.len() > 20 && report.metrics.len() > 10);

    // A navigation entry for every section, with its marker and heading, in order.
    let nav_start = dom.find(r#"<nav id="outline""#).expect("nav");
    let nav_end = nav_start + dom[nav_start..].find("</nav>").expect("nav end");
    let nav = &dom[nav_start..nav_end];
    let mut at = 0;
    for (i, s) in sections.iter().enumerate() {
        let entry = format!(
            r##"<a href="#s{i}"><span class="marker">{}</span>{}</a>"##,
            s.marker.text, s.heading
        );
        let found = nav[at..]
            .find(&entry)
            .unwrap_or_else(|| panic!("no nav entry {entry}"));
        at += found + entry.len();
        assert!(dom.contains(&format!(r#"id="s{i}""#)), "no anchor s{i}");
    }

    // An element per metric, with its value, unit and source text.
    for (i, m) in report.metrics.iter().enumerate() {
        let start = format!(
            r#"<mark id="m{i}" class="metric k-{}" data-metric="{i}" data-value="{}""#,
            m.kind, m.value
        );
        let found = dom
            .find(&start)
            .unwrap_or_else(|| panic!("no element for metric {i} {}", m.text));
        let element = &dom[found..];
        let close = element.find("</mark>").expect("closed");
        assert!(element[..close].contains(&format!(r#"data-unit="{}""#, m.unit)));
        assert!(
            element[..close].ends_with(&*m.text),
            "{}",
            &element[..close]
        );
    }

    // The summary counts every metric.
    assert!(dom.contains(&format!(
        "<tfoot><tr><th>total</th><th>{}</th>",
        report.metrics.len()
    )));
}

#[test]
fn chromium_underlines_diagnostics_with_their_message() {
    let path = fixtures().join("corpus/003_534cad1fc4b87e7d.txt");
    let input = std::fs::read_to_string(&path).expect("corpus report");
    let report = gongwen::parse(&input);
    assert!(
        !report.diagnostics.is_empty(),
        "expected a diagnostic in 003"
    );
    let Some(dom) = dump_dom(&report.to_html(&input)) else {
        return;
    };
    for (i, d) in report.diagnostics.iter().enumerate() {
        let element = format!(
            r#"<span id="d{i}" class="diag {}" title="{} [{}]: {}">"#,
            d.severity, d.severity, d.code, d.message
        );
        assert!(dom.contains(&element), "no underline for {element}");
        assert!(dom.contains(&format!(r##"<a href="#d{i}">{}:{}</a>"##, d.line, d.column)));
    }
}
