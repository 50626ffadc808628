//! The Markdown and HTML views of the corpus reports, and of arbitrary text.

use proptest::prelude::*;

use crate::corpus;
use crate::properties::document;

/// What a Markdown renderer shows for backslash-escaped text.
fn unescape(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut chars = markdown.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

#[test]
fn markdown_keeps_every_heading_and_body_paragraph_in_order() {
    for (name, text) in corpus() {
        let report = gongwen::parse(&text);
        let md = unescape(&report.to_markdown());
        let mut at = 0;
        let mut expect = |piece: &str, what: &str| {
            let found = md[at..]
                .find(piece)
                .unwrap_or_else(|| panic!("{name}: {what} {piece:?} missing or out of order"));
            at += found + piece.len();
        };
        if let Some(title) = &report.title {
            expect(&format!("# {title}\n"), "title");
        }
        for p in report.preamble.split('\n').filter(|p| !p.trim().is_empty()) {
            expect(&format!("\n{p}\n"), "preamble paragraph");
        }
        for s in report.walk() {
            let heading = format!("{}{}", s.marker.text, s.heading);
            expect(&heading, "heading");
            for p in s.body.split('\n').filter(|p| !p.trim().is_empty()) {
                expect(&format!("\n{p}\n"), "body paragraph");
            }
        }
    }
}

#[test]
fn markdown_has_a_table_row_per_metric() {
    for (name, text) in corpus() {
        let report = gongwen::parse(&text);
        let md = report.to_markdown();
        let rows = md
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| label |"));
        assert_eq!(rows.count(), report.metrics.len(), "{name}");
    }
}

#[cfg(feature = "html")]
#[test]
fn html_has_an_anchor_per_section_and_an_element_per_metric() {
    for (name, text) in corpus() {
        let report = gongwen::parse(&text);
        let html = report.to_html(&text);
        for i in 0..report.walk().count() {
            assert!(
                html.contains(&format!("<a href=\"#s{i}\">")),
                "{name}: nav s{i}"
            );
            assert!(
                html.contains(&format!(" id=\"s{i}\" ")),
                "{name}: anchor s{i}"
            );
        }
        for (i, m) in report.metrics.iter().enumerate() {
            let element = format!(
                "<mark id=\"m{i}\" class=\"metric k-{}\" data-metric=\"{i}\" data-value=\"{}\"",
                m.kind, m.value
            );
            assert!(html.contains(&element), "{name}: metric {i}");
        }
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
        assert_eq!(
            html.matches("<span").count(),
            html.matches("</span>").count()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn views_never_panic_and_stay_balanced(input in document()) {
        let report = gongwen::parse(&input);
        let md = report.to_markdown();
        prop_assert!(md.is_empty() || md.ends_with('\n'));
        #[cfg(feature = "html")]
        {
            let html = report.to_html(&input);
            prop_assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
            prop_assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
            prop_assert_eq!(html.matches("<details").count(), html.matches("</details>").count());
            // The page of another text: spans that do not fit are left out, no panic.
            let _ = report.to_html("一、");
        }
    }
}
