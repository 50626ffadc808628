//! Golden tests: the outline and metadata of each corpus report equal the entry in
//! `tests/fixtures/corpus-outlines.txt`, and an insta snapshot of the whole outline.
//! Also: every metric sits in the section its path names, and each section's range
//! into `Report::metrics` holds exactly those.

use gongwen::{Report, Section};

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

/// Every section with its path of child indices, in pre-order.
fn sections_with_paths<'r, 'a>(report: &'r Report<'a>) -> Vec<(Vec<usize>, &'r Section<'a>)> {
    fn add<'r, 'a>(
        list: &'r [Section<'a>],
        path: &mut Vec<usize>,
        out: &mut Vec<(Vec<usize>, &'r Section<'a>)>,
    ) {
        for (i, section) in list.iter().enumerate() {
            path.push(i);
            out.push((path.clone(), section));
            add(&section.children, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    add(&report.sections, &mut Vec::new(), &mut out);
    out
}

/// Where the metrics sit, checked against the tree: each metric lies in the section
/// its `section` path names — in its heading or body, in none of its children — and
/// `metrics_of` gives each section exactly the metrics whose path ends there, its range
/// (empty or not) starting where its metrics are or would be.
pub(crate) fn check_metric_placement(report: &Report<'_>) -> Result<(), String> {
    let metrics = &report.metrics;
    if let Some(w) = metrics
        .windows(2)
        .find(|w| w[0].number_span.start > w[1].number_span.start)
    {
        return Err(format!(
            "metrics out of order: {} before {}",
            w[0].number_span, w[1].number_span
        ));
    }
    for m in metrics {
        let at = m.number_span.start;
        let mut list = &report.sections[..];
        let mut holder = None;
        for &k in &m.section {
            let section = list
                .get(k)
                .ok_or_else(|| format!("metric {:?}: bad section path {:?}", m.text, m.section))?;
            holder = Some(section);
            list = &section.children;
        }
        if let Some(child) = list.iter().find(|c| c.span.start <= at && at < c.span.end) {
            return Err(format!(
                "metric {:?} at {at} is in {}{} [{}], below its path {:?}",
                m.text, child.marker.text, child.heading, child.span, m.section
            ));
        }
        if let Some(section) = holder {
            let own_text = section.heading_span.contains(m.number_span)
                || section.paragraphs.iter().any(|p| p.contains(m.number_span));
            if !own_text {
                return Err(format!(
                    "metric {:?} at {} is not in the heading or body of {}{} [{}]",
                    m.text, m.number_span, section.marker.text, section.heading, section.span
                ));
            }
        }
    }
    for (path, section) in sections_with_paths(report) {
        let range = section.metrics.clone();
        if range.start > range.end || range.end > metrics.len() {
            return Err(format!(
                "{}{}: range {range:?} does not fit {} metrics",
                section.marker.text,
                section.heading,
                metrics.len()
            ));
        }
        let want: Vec<usize> = (0..metrics.len())
            .filter(|&i| metrics[i].section == path)
            .collect();
        let got: Vec<usize> = range.clone().collect();
        if got != want {
            return Err(format!(
                "{}{} {path:?}: range {range:?}, but its metrics are {want:?}",
                section.marker.text, section.heading
            ));
        }
        let own = report.metrics_of(section);
        if own.len() != got.len()
            || own
                .iter()
                .zip(&got)
                .any(|(m, &i)| !std::ptr::eq(m, &metrics[i]))
        {
            return Err(format!(
                "{}{}: metrics_of is not the range {range:?}",
                section.marker.text, section.heading
            ));
        }
        let expected_start = metrics.partition_point(|m| m.number_span.start < section.span.start);
        if range.start != expected_start {
            return Err(format!(
                "{}{} [{}]: range {range:?} should start at {expected_start}",
                section.marker.text, section.heading, section.span
            ));
        }
    }
    Ok(())
}

#[test]
fn corpus_metrics_sit_in_their_sections_ranges() {
    for (name, text) in super::corpus() {
        let report = gongwen::parse(&text);
        if let Err(err) = check_metric_placement(&report) {
            panic!("{name}: {err}");
        }
        // The corpus has metrics under inline items and sections without any.
        let inline_with_metrics = report
            .walk()
            .any(|s| s.is_inline() && !report.metrics_of(s).is_empty());
        let placed: usize = report.walk().map(|s| report.metrics_of(s).len()).sum();
        let outside = report
            .metrics
            .iter()
            .filter(|m| m.section.is_empty())
            .count();
        assert_eq!(placed + outside, report.metrics.len(), "{name}");
        if name.starts_with("000") {
            assert!(inline_with_metrics, "{name}: no inline item with metrics");
        }
    }
}

#[test]
fn empty_sections_and_inline_items_get_ranges_in_place() {
    let input = "\
某镇2024年工作总结
全年投入资金30万元。
一、甲
（一）乙。一是培训120人次。二是无。三是新建2所学校。
（二）丙
二、丁。罚款5万元。
";
    let report = gongwen::parse(input);
    check_metric_placement(&report).unwrap_or_else(|err| panic!("{err}"));
    let ranges: Vec<_> = report
        .walk()
        .map(|s| (format!("{}{}", s.marker.text, s.heading), s.metrics.clone()))
        .collect();
    let texts: Vec<_> = report.metrics.iter().map(|m| &*m.text).collect();
    assert_eq!(texts, ["30万元", "120人次", "2所", "5万元"]);
    assert_eq!(
        ranges,
        [
            ("一、甲".to_owned(), 1..1),
            ("（一）乙".to_owned(), 1..1),
            ("一是培训120人次".to_owned(), 1..2),
            ("二是无".to_owned(), 2..2),
            ("三是新建2所学校".to_owned(), 2..3),
            ("（二）丙".to_owned(), 3..3),
            ("二、丁".to_owned(), 3..4),
        ]
    );
    assert!(report.metrics[0].section.is_empty());
    assert_eq!(report.metrics[2].section, [0, 0, 2]);
    // A range that does not fit gives no metrics, never a panic.
    let mut stray = report.sections[0].clone();
    stray.metrics = 3..99;
    assert!(report.metrics_of(&stray).is_empty());
    // A reversed range, as a hand-edited JSON file could hold.
    stray.metrics = std::ops::Range { start: 3, end: 1 };
    assert!(report.metrics_of(&stray).is_empty());
}

/// Found by the property test: "1." alone on its line is a marker, and the line joined
/// to it ("2020年…") must not be read together with it as the number "1.2020".
#[test]
fn a_marker_alone_on_its_line_is_not_read_into_the_next_line() {
    let input = "1.\n2020年度一、一、一、";
    let report = gongwen::parse(input);
    check_metric_placement(&report).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(report.sections[0].marker.text, "1.");
    assert!(report.metrics.is_empty(), "{:?}", report.metrics);
    let first = &report.non_metrics[0];
    assert_eq!(
        (&*first.text, first.reason),
        ("1.", gongwen::metric::Reason::ListMarker)
    );
}
