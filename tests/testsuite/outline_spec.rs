//! Runs `tests/spec/outline.txt`: worked examples of whole documents and the outline a
//! careful reader sees in them.
//!
//! Format: `### name`, the document, `---`, then one line per section in pre-order,
//! `LEVEL SCHEME ORDINAL HEADING`; optional `meta:` lines (`title=…`, `issuer=…`,
//! `year=…`, `date=…`, `preamble=…`) and `diag:` lines (`code severity`).

#[derive(Default)]
struct Example {
    name: String,
    input: String,
    expected: Vec<String>,
    meta: Vec<String>,
    diags: Vec<String>,
}

fn examples() -> Vec<Example> {
    let path = super::fixtures().join("../spec/outline.txt");
    let spec = std::fs::read_to_string(&path).expect("outline.txt");
    let mut all: Vec<Example> = Vec::new();
    let mut in_expected = false;
    for line in spec.lines() {
        if let Some(name) = line.strip_prefix("### ") {
            all.push(Example {
                name: name.to_owned(),
                ..Example::default()
            });
            in_expected = false;
            continue;
        }
        let Some(example) = all.last_mut() else {
            continue;
        };
        if line == "---" {
            in_expected = true;
        } else if !in_expected {
            example.input.push_str(line);
            example.input.push('\n');
        } else if let Some(meta) = line.strip_prefix("meta: ") {
            example.meta.push(meta.to_owned());
        } else if let Some(diag) = line.strip_prefix("diag: ") {
            example.diags.push(diag.to_owned());
        } else if !line.trim().is_empty() {
            example.expected.push(line.to_owned());
        }
    }
    all
}

#[test]
fn outline_spec() {
    let examples = examples();
    assert!(examples.len() >= 20, "only {} examples", examples.len());
    for example in examples {
        let report = gongwen::parse(&example.input);
        let got: Vec<String> = report
            .walk()
            .map(|s| {
                format!(
                    "{} {} {} {}",
                    s.level, s.marker.scheme, s.marker.ordinal, s.heading
                )
            })
            .collect();
        assert_eq!(got, example.expected, "{}", example.name);
        for meta in &example.meta {
            let (key, value) = meta.split_once('=').expect("meta: key=value");
            let actual = match key {
                "title" => report.title.as_deref().unwrap_or("-").to_owned(),
                "issuer" => report.issuer.as_deref().unwrap_or("-").to_owned(),
                "year" => report.year.map_or("-".to_owned(), |y| y.to_string()),
                "date" => report.date.map_or("-".to_owned(), |d| d.to_string()),
                "preamble" => report.preamble.to_string(),
                other => panic!("{}: unknown meta key {other}", example.name),
            };
            assert_eq!(actual, value, "{}: {key}", example.name);
        }
        let diags: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code, d.severity))
            .collect();
        assert_eq!(diags, example.diags, "{}: diagnostics", example.name);
    }
}
