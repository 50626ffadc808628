//! Golden tests: the outline and metadata of each corpus report equal the entry in
//! `tests/fixtures/corpus-outlines.txt`, and an insta snapshot of the whole outline.

use gongwen::Report;

/// One expected outline line: level, scheme, ordinal, heading.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    level: usize,
    scheme: String,
    ordinal: u32,
    heading: String,
}

#[derive(Debug, Default)]
struct Expected {
    title: Option<String>,
    issuer: Option<String>,
    year: Option<u16>,
    date: Option<String>,
    entries: Vec<Entry>,
    /// Sections whose inner structure is not scored, as (level, scheme, ordinal).
    open: Vec<(usize, String, u32)>,
}

fn parse_entry(line: &str) -> Entry {
    let mut parts = line.splitn(4, ' ');
    let mut next = || {
        parts
            .next()
            .unwrap_or_else(|| panic!("short outline line {line:?}"))
    };
    Entry {
        level: next().parse().expect("level"),
        scheme: next().to_owned(),
        ordinal: next().parse().expect("ordinal"),
        heading: next().to_owned(),
    }
}

fn expected_outlines() -> Vec<(String, Expected)> {
    let path = super::fixtures().join("corpus-outlines.txt");
    let text = std::fs::read_to_string(&path).expect("corpus-outlines.txt");
    let mut all: Vec<(String, Expected)> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix("== ") {
            all.push((name.to_owned(), Expected::default()));
            continue;
        }
        let (_, current) = all.last_mut().expect("a '== file' line first");
        let value = |v: &str| (v != "-").then(|| v.to_owned());
        if let Some(v) = line.strip_prefix("title: ") {
            current.title = value(v);
        } else if let Some(v) = line.strip_prefix("issuer: ") {
            current.issuer = value(v);
        } else if let Some(v) = line.strip_prefix("year: ") {
            current.year = value(v).map(|y| y.parse().expect("year"));
        } else if let Some(v) = line.strip_prefix("date: ") {
            current.date = value(v);
        } else if let Some(v) = line.strip_prefix("open: ") {
            let e = parse_entry(&format!("{v} -"));
            current.open.push((e.level, e.scheme, e.ordinal));
        } else if line.starts_with("diag: ") {
            // Numbering faults: checked by the diagnostics tests.
        } else {
            current.entries.push(parse_entry(line));
        }
    }
    all
}

/// Full- and half-width punctuation count as the same.
fn fold(c: char) -> char {
    match c {
        '，' => ',',
        '；' => ';',
        '（' => '(',
        '）' => ')',
        '：' => ':',
        c => c,
    }
}

fn prefix6(heading: &str) -> String {
    heading.chars().take(6).map(fold).collect()
}

/// The parsed outline as entries, leaving out what lies inside "open" sections.
fn actual_entries(report: &Report<'_>, open: &[(usize, String, u32)]) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut skip_below: Option<usize> = None;
    for s in report.walk() {
        if let Some(level) = skip_below {
            if s.level > level {
                continue;
            }
            skip_below = None;
        }
        let entry = Entry {
            level: s.level,
            scheme: s.marker.scheme.name().to_owned(),
            ordinal: s.marker.ordinal,
            heading: s.heading.to_string(),
        };
        if open.contains(&(entry.level, entry.scheme.clone(), entry.ordinal)) {
            skip_below = Some(entry.level);
        }
        entries.push(entry);
    }
    entries
}

#[test]
fn corpus_outlines_match_the_careful_reader() {
    let corpus = super::corpus();
    let expected = expected_outlines();
    assert_eq!(expected.len(), corpus.len());
    for (name, want) in &expected {
        let (_, text) = corpus
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no fixture {name}"));
        let report = gongwen::parse(text);
        assert_eq!(
            report.title.as_deref(),
            want.title.as_deref(),
            "{name}: title"
        );
        assert_eq!(
            report.issuer.as_deref(),
            want.issuer.as_deref(),
            "{name}: issuer"
        );
        assert_eq!(report.year, want.year, "{name}: year");
        assert_eq!(
            report.date.map(|d| d.to_string()),
            want.date,
            "{name}: date"
        );
        let got = actual_entries(&report, &want.open);
        for (i, (g, w)) in got.iter().zip(&want.entries).enumerate() {
            let same = g.level == w.level
                && g.scheme == w.scheme
                && g.ordinal == w.ordinal
                && prefix6(&g.heading) == prefix6(&w.heading);
            assert!(same, "{name}: entry {i}: got {g:?}, want {w:?}");
        }
        assert_eq!(got.len(), want.entries.len(), "{name}: number of sections");
    }
}

#[test]
fn open_section_keeps_its_inline_items() {
    // 002's first section holds six unnumbered topic paragraphs, five with 一是/二是/三是
    // lists: the items are kept (none lost) and sections 二 to 四 keep their numbers.
    let (_, text) = &super::corpus()[2];
    let report = gongwen::parse(text);
    let first = &report.sections[0];
    let items = first.children.iter().filter(|c| c.is_inline()).count();
    assert_eq!(items, 15, "five runs of three items");
    let ordinals: Vec<u32> = report.sections.iter().map(|s| s.marker.ordinal).collect();
    assert_eq!(ordinals, [1, 2, 3, 4]);
}

/// A compact, reviewable rendering of a report for snapshots.
fn render(input: &str, report: &Report<'_>) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
    let _ = writeln!(
        out,
        "title:  {}",
        opt(report.title.as_ref().map(|t| t.to_string()))
    );
    let _ = writeln!(
        out,
        "issuer: {}",
        opt(report.issuer.as_ref().map(|t| t.to_string()))
    );
    let _ = writeln!(out, "year:   {}", opt(report.year.map(|y| y.to_string())));
    let _ = writeln!(out, "date:   {}", opt(report.date.map(|d| d.to_string())));
    for field in &report.source {
        let _ = writeln!(out, "source: {} = {}", field.key, field.value);
    }
    for d in &report.dropped {
        let _ = writeln!(out, "dropped: {:?} {:?}", d.kind, &input[d.span.range()]);
    }
    let preamble: String = report.preamble.chars().take(24).collect();
    let _ = writeln!(out, "preamble: {preamble}…");
    for s in report.walk() {
        let body: String = s.body.chars().take(16).collect();
        let _ = writeln!(
            out,
            "{:indent$}{} {} | {} | {}… [{}]",
            "",
            s.marker.text,
            s.marker.scheme,
            s.heading,
            body,
            s.span,
            indent = 2 * (s.level - 1)
        );
    }
    for d in &report.diagnostics {
        let _ = writeln!(
            out,
            "{}:{} {} {}: {}",
            d.line, d.column, d.severity, d.code, d.message
        );
    }
    for m in &report.metrics {
        let _ = writeln!(
            out,
            "metric {:?} = {}{} {} {} {} label={:?} section={:?}",
            m.text,
            m.value,
            m.high.map(|h| format!("..{h}")).unwrap_or_default(),
            m.unit,
            m.kind,
            m.approx.map_or("exact", |a| a.name()),
            m.label.as_deref().unwrap_or("-"),
            m.section
        );
    }
    out
}

#[test]
fn corpus_snapshots() {
    for (name, text) in super::corpus() {
        let report = gongwen::parse(&text);
        insta::assert_snapshot!(name.clone(), render(&text, &report));
    }
}
