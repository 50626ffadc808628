//! Peer conformance (issue #3): the test cases of other Chinese number and quantity
//! extractors, `tests/fixtures/peers/`, run through one adapter per suite.
//!
//! An adapter turns a peer case into what *our* API should produce and compares that
//! with what it does produce. Each case gets one verdict, by explicit rules over the
//! input and the peer's expectation (never over our output):
//!
//! - `in_scope`: their expectation is ours; the case counts in the pass rate;
//! - `different_verdict`: we answer differently on purpose (a number in a date is a year
//!   for us, 3个百分点 is not 3%); our own answer is still checked, and a case where we do
//!   not give it counts as an in-scope failure;
//! - `out_of_scope`: outside what gongwen reads (negative numbers, English units, …).
//!
//! Every rule is listed in `tests/fixtures/peers/MAPPING.md` with its count, and every
//! different-verdict case with its rule; the test fails when the file and the rules
//! disagree, so the document cannot go stale.

mod chinese_number;
mod cn2an;
mod jionlp;
mod recognizers;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use gongwen::metric::Metric;
use gongwen::{Decimal, Span};

/// How a peer case relates to our semantics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    InScope,
    /// We answer differently on purpose, by the named rule.
    Different(&'static str),
    /// Outside what we read, by the named rule.
    OutOfScope(&'static str),
}

impl Verdict {
    fn name(self) -> &'static str {
        match self {
            Verdict::InScope => "in_scope",
            Verdict::Different(_) => "different_verdict",
            Verdict::OutOfScope(_) => "out_of_scope",
        }
    }

    fn rule(self) -> Option<&'static str> {
        match self {
            Verdict::InScope => None,
            Verdict::Different(r) | Verdict::OutOfScope(r) => Some(r),
        }
    }
}

/// One peer case, judged.
#[derive(Debug)]
pub(crate) struct Case {
    pub(crate) input: String,
    /// The peer's expectation, as text for the report.
    pub(crate) expected: String,
    pub(crate) verdict: Verdict,
    /// For in-scope and different-verdict cases: `Ok`, or what we produced instead.
    pub(crate) outcome: Result<(), String>,
}

impl Case {
    pub(crate) fn new(
        input: &str,
        expected: impl Into<String>,
        verdict: Verdict,
        outcome: Result<(), String>,
    ) -> Case {
        Case {
            input: input.to_owned(),
            expected: expected.into(),
            verdict,
            outcome,
        }
    }

    pub(crate) fn out(input: &str, expected: impl Into<String>, rule: &'static str) -> Case {
        Case::new(input, expected, Verdict::OutOfScope(rule), Ok(()))
    }

    /// Counted in the pass rate: in scope, or a different verdict we do not deliver.
    fn scored(&self) -> bool {
        self.verdict == Verdict::InScope
            || matches!(self.verdict, Verdict::Different(_)) && self.outcome.is_err()
    }
}

/// The directory of the peer fixtures.
pub(crate) fn dir() -> PathBuf {
    super::fixtures().join("peers")
}

/// The rows of a peer TSV file, header dropped, fields split at tabs.
pub(crate) fn tsv(name: &str) -> Vec<Vec<String>> {
    let path = dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .skip(1)
        .map(|line| line.split('\t').map(str::to_owned).collect())
        .collect()
}

/// The byte span of the characters `start..end` (end exclusive) of `text`.
pub(crate) fn char_span(text: &str, start: usize, end: usize) -> Span {
    let byte = |i: usize| text.char_indices().nth(i).map_or(text.len(), |(b, _)| b);
    Span::new(byte(start), byte(end))
}

/// Whether our exact value equals a peer's decimal string. Peers that keep 15
/// significant digits ("2.02107211321364E+23") are compared to that precision.
pub(crate) fn same_value(ours: Decimal, theirs: &str) -> bool {
    if let Ok(exact) = theirs.parse::<Decimal>() {
        let significant = theirs.trim_start_matches(['0', '.']).replace('.', "");
        if significant.len() < 15 {
            return ours == exact;
        }
    }
    match theirs.parse::<f64>() {
        Ok(t) => {
            let o = ours.to_f64();
            (o - t).abs() <= 1e-12 * t.abs().max(1e-300)
        }
        Err(_) => false,
    }
}

/// A metric as the failure report prints it.
pub(crate) fn describe(m: &Metric<'_>) -> String {
    let high = m.high.map(|h| format!("..{h}")).unwrap_or_default();
    let approx = m.approx.map(|a| format!(" {a}")).unwrap_or_default();
    format!(
        "{:?}={}{high} {} {}{approx}",
        m.text, m.value, m.unit, m.kind
    )
}

/// All metrics of an extraction, for a failure report.
pub(crate) fn describe_all<'a>(metrics: impl IntoIterator<Item = &'a Metric<'a>>) -> String {
    let all: Vec<String> = metrics.into_iter().map(describe).collect();
    if all.is_empty() {
        "no metric".to_owned()
    } else {
        all.join(", ")
    }
}

/// A value we read, or the error, for a failure report.
pub(crate) fn describe_value(text: &str) -> String {
    match gongwen::metric::value(text) {
        Ok(v) => format!("value {v}"),
        Err(e) => format!("error: {e}"),
    }
}

/// `value(text)` equals the peer's decimal string.
pub(crate) fn check_value(text: &str, theirs: &str) -> Result<(), String> {
    match gongwen::metric::value(text) {
        Ok(v) if same_value(v, theirs) => Ok(()),
        _ => Err(describe_value(text)),
    }
}

/// `value(text)` is refused.
pub(crate) fn check_refused(text: &str) -> Result<(), String> {
    match gongwen::metric::value(text) {
        Err(_) => Ok(()),
        Ok(v) => Err(format!("value {v}")),
    }
}

/// What one expected peer entity asks of our metrics.
pub(crate) struct Expect {
    /// Where the peer found it (bytes); our number must lie inside.
    pub(crate) span: Span,
    pub(crate) description: String,
    /// Whether one of our metrics is this entity.
    pub(crate) check: Box<dyn Fn(&Metric<'_>) -> bool>,
}

/// Matches our metrics (those `relevant` to the suite) one to one with the expected
/// entities: each entity needs a metric whose number lies in its span and passes its
/// check, and every relevant metric must be one of them or lie on a span that is out
/// of scope (`ignore`).
pub(crate) fn match_metrics(
    metrics: &[Metric<'_>],
    relevant: impl Fn(&Metric<'_>) -> bool,
    expects: &[Expect],
    ignore: &[Span],
) -> Result<(), String> {
    let relevant: Vec<&Metric<'_>> = metrics.iter().filter(|m| relevant(m)).collect();
    let mut used = vec![false; relevant.len()];
    let mut problems = Vec::new();
    for e in expects {
        let found = relevant
            .iter()
            .enumerate()
            .find(|(i, m)| !used[*i] && e.span.contains(m.number_span) && (e.check)(m));
        match found {
            Some((i, _)) => used[i] = true,
            None => problems.push(format!("missing {}", e.description)),
        }
    }
    for (m, used) in relevant.iter().zip(&used) {
        let overlaps = |s: &Span| s.start < m.span.end && m.span.start < s.end;
        if !used && !ignore.iter().any(overlaps) {
            problems.push(format!("extra {}", describe(m)));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}; got {}",
            problems.join("; "),
            describe_all(relevant.iter().copied())
        ))
    }
}

/// One suite's tally.
#[derive(Default)]
struct Tally {
    cases: usize,
    scored: usize,
    passed: usize,
    different: usize,
    out: usize,
}

impl Tally {
    fn rate(&self) -> f64 {
        self.passed as f64 / self.scored.max(1) as f64
    }
}

/// Suites with fewer scored cases than this are asserted only in the overall rate.
const SMALL_SUITE: usize = 20;

/// Each rule of MAPPING.md: id → (verdict, count).
fn mapping_rules(mapping: &str) -> BTreeMap<String, (String, usize)> {
    section_rows(mapping, "## Rules")
        .into_iter()
        .filter_map(|cells| {
            let [id, verdict, count, ..] = cells.as_slice() else {
                return None;
            };
            Some((
                id.trim_matches('`').to_owned(),
                (verdict.clone(), count.parse().ok()?),
            ))
        })
        .collect()
}

/// The different-verdict cases of MAPPING.md: (suite, input, rule).
fn mapping_cases(mapping: &str) -> Vec<(String, String, String)> {
    section_rows(mapping, "## Different-verdict cases")
        .into_iter()
        .filter_map(|cells| {
            let [suite, input, rule, ..] = cells.as_slice() else {
                return None;
            };
            Some((
                suite.clone(),
                input.trim_matches('`').to_owned(),
                rule.trim_matches('`').to_owned(),
            ))
        })
        .collect()
}

/// The cells of the table rows under a heading, header and rule rows left out.
fn section_rows(text: &str, heading: &str) -> Vec<Vec<String>> {
    let Some(start) = text.find(heading) else {
        return Vec::new();
    };
    text[start + heading.len()..]
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with('|') && !l.starts_with("|---") && !l.starts_with("| id "))
        .filter(|l| !l.starts_with("| suite "))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

/// A table cell for an input: code-quoted, so spaces at its ends survive.
fn cell(input: &str) -> String {
    format!("`{}`", input.replace('|', "\\|"))
}

#[test]
fn peers_conform() {
    let suites: Vec<(&str, Vec<Case>)> = vec![
        ("Recognizers Number", recognizers::number()),
        ("Recognizers Percent", recognizers::percent()),
        ("Recognizers Currency", recognizers::currency()),
        ("Recognizers Dimension", recognizers::dimension()),
        ("cn2an values", cn2an::values()),
        ("JioNLP money parser", jionlp::parser()),
        ("JioNLP money extractor", jionlp::extractor()),
        ("chinese-number", chinese_number::values()),
    ];
    let mut report = String::new();
    let mut failures = String::new();
    let mut total = Tally::default();
    let mut small = Tally::default();
    let mut below = Vec::new();
    let mut rule_counts: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    let mut different_cases: Vec<(String, String, String)> = Vec::new();
    let _ = writeln!(
        report,
        "{:<24} {:>5} {:>8} {:>6} {:>6} {:>9} {:>12}",
        "suite", "cases", "in scope", "passed", "rate", "different", "out of scope"
    );
    // PEERS_VERBOSE=1 lists every case with its verdict, for review.
    let verbose = std::env::var_os("PEERS_VERBOSE").is_some();
    for (name, cases) in &suites {
        let mut t = Tally::default();
        for case in cases {
            t.cases += 1;
            if verbose {
                println!(
                    "[{name}] {} {:?} expected {} -> {:?}",
                    case.verdict.rule().unwrap_or(case.verdict.name()),
                    case.input,
                    case.expected,
                    case.outcome
                );
            }
            match case.verdict {
                Verdict::InScope => {}
                Verdict::Different(rule) => {
                    t.different += 1;
                    different_cases.push((name.to_string(), cell(&case.input), rule.to_owned()));
                }
                Verdict::OutOfScope(_) => t.out += 1,
            }
            if let Some(rule) = case.verdict.rule() {
                rule_counts
                    .entry(rule)
                    .or_insert((case.verdict.name(), 0))
                    .1 += 1;
            }
            if case.scored() {
                t.scored += 1;
                match &case.outcome {
                    Ok(()) => t.passed += 1,
                    Err(got) => {
                        let how = match case.verdict {
                            Verdict::Different(rule) => format!(" (our own verdict, {rule})"),
                            _ => String::new(),
                        };
                        let _ = writeln!(
                            failures,
                            "  [{name}] input {:?}{how}\n      expected: {}\n      got:      {got}",
                            case.input, case.expected
                        );
                    }
                }
            }
        }
        let _ = writeln!(
            report,
            "{name:<24} {:>5} {:>8} {:>6} {:>5.1}% {:>9} {:>12}{}",
            t.cases,
            t.scored,
            t.passed,
            100.0 * t.rate(),
            t.different,
            t.out,
            if t.scored < SMALL_SUITE {
                " (small: asserted overall)"
            } else {
                ""
            }
        );
        if t.scored < SMALL_SUITE {
            small.scored += t.scored;
            small.passed += t.passed;
        } else if t.rate() < 0.95 {
            below.push(*name);
        }
        total.cases += t.cases;
        total.scored += t.scored;
        total.passed += t.passed;
        total.different += t.different;
        total.out += t.out;
    }
    let _ = writeln!(
        report,
        "{:<24} {:>5} {:>8} {:>6} {:>5.1}% {:>9} {:>12}",
        "all",
        total.cases,
        total.scored,
        total.passed,
        100.0 * total.rate(),
        total.different,
        total.out
    );
    let _ = writeln!(
        report,
        "small suites together: {}/{} = {:.1}%",
        small.passed,
        small.scored,
        100.0 * small.rate()
    );
    let _ = write!(report, "in-scope failures:\n{failures}");
    println!("{report}");

    // MAPPING.md must list every rule with its count, and every different-verdict case.
    let mapping_path = dir().join("MAPPING.md");
    let mapping = std::fs::read_to_string(&mapping_path).expect("MAPPING.md");
    let documented = mapping_rules(&mapping);
    let mut stale = Vec::new();
    for (rule, (verdict, count)) in &rule_counts {
        match documented.get(*rule) {
            Some((v, c)) if v == verdict && c == count => {}
            _ => stale.push(format!("| `{rule}` | {verdict} | {count} |")),
        }
    }
    for rule in documented.keys() {
        if !rule_counts.contains_key(rule.as_str()) {
            stale.push(format!("rule `{rule}` is documented but never applied"));
        }
    }
    let listed = mapping_cases(&mapping);
    let want: Vec<(String, String, String)> = different_cases
        .iter()
        .map(|(s, i, r)| (s.clone(), i.trim_matches('`').to_owned(), r.clone()))
        .collect();
    if listed != want {
        stale.push("the different-verdict table should read:".to_owned());
        stale.push("| suite | input | rule |".to_owned());
        stale.push("|---|---|---|".to_owned());
        for (s, i, r) in &different_cases {
            stale.push(format!("| {s} | {i} | `{r}` |"));
        }
    }
    assert!(
        stale.is_empty(),
        "{} is out of date:\n{}",
        mapping_path.display(),
        stale.join("\n")
    );

    assert!(
        below.is_empty() && small.rate() >= 0.95 && total.rate() >= 0.95,
        "pass rate below 95% ({below:?}, small suites {:.3}, overall {:.3})\n{report}",
        small.rate(),
        total.rate()
    );
}
