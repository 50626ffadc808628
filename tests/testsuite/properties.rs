//! Invariants that hold for every input: no panic; spans inside the input on char
//! boundaries; siblings in order without overlap; children inside their parents.

use gongwen::{Report, Section, Span};
use proptest::prelude::*;

/// Pieces that exercise the parser's paths: markers, look-alikes, punctuation, junk,
/// line ends and indentation, plus arbitrary text.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "一、", "二、", "十一、", "（一）", "(二)", "（三)", "1.", "2、", "３．", "（1）", "2)", "①", "⑵", "㈢",
            "一是", "二是", "三是", "一要", "第一，", "第二,", "第一章", "第三条", "第三款", "第一次",
            "2020年度", "1.5万元", "12345工单", "（2021—2025年）", "统一是", "一、二月",
            "。", "，", "；", "：", "！", "\n", "\n\n", "\r\n", "\r", " ", "\u{3000}", "\t", "\u{feff}",
            "[bookmark: _GoBack]", "来源: 政社办 发布时间:2025-02-27 14:46 字体:[ ]", "— 3 —",
            "某镇2024年法治政府建设情况报告", "商酒务镇人民政府", "2024年12月31日", "关于", "报告",
            "加强", "法治政府建设", "执法", "1700余人次", "99.7%",
        ]).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
        1 => any::<String>(),
    ]
}

pub(crate) fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..80).prop_map(|parts| parts.concat())
}

fn check_span(input: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end, "{what}: {span} is reversed");
    prop_assert!(span.end <= input.len(), "{what}: {span} is past the end");
    prop_assert!(
        input.is_char_boundary(span.start),
        "{what}: {span} starts inside a char"
    );
    prop_assert!(
        input.is_char_boundary(span.end),
        "{what}: {span} ends inside a char"
    );
    Ok(())
}

fn check_section(input: &str, section: &Section<'_>, level: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(section.level, level);
    for (span, what) in [
        (section.span, "section"),
        (section.marker_span, "marker"),
        (section.heading_span, "heading"),
    ] {
        check_span(input, span, what)?;
        prop_assert!(
            section.span.contains(span),
            "{what} {span} outside section {}",
            section.span
        );
    }
    prop_assert_eq!(&input[section.marker_span.range()], &*section.marker.text);
    for &p in &section.paragraphs {
        check_span(input, p, "paragraph")?;
        prop_assert!(section.span.contains(p));
    }
    let mut previous_end = section.heading_span.end.max(section.marker_span.end);
    for child in &section.children {
        prop_assert!(
            section.span.contains(child.span),
            "child {} outside {}",
            child.span,
            section.span
        );
        prop_assert!(
            child.span.start >= previous_end,
            "child {} overlaps what precedes it",
            child.span
        );
        previous_end = child.span.end;
        check_section(input, child, level + 1)?;
    }
    Ok(())
}

fn check_report(input: &str, report: &Report<'_>) -> Result<(), TestCaseError> {
    for span in [report.title_span, report.issuer_span, report.date_span]
        .into_iter()
        .flatten()
    {
        check_span(input, span, "metadata")?;
    }
    for &p in &report.preamble_paragraphs {
        check_span(input, p, "preamble")?;
    }
    for d in &report.dropped {
        check_span(input, d.span, "dropped")?;
    }
    for d in &report.diagnostics {
        check_span(input, d.span, "diagnostic")?;
        prop_assert!(d.line >= 1 && d.column >= 1);
        prop_assert_eq!((d.line, d.column), d.span.line_col(input));
        if let Some(fix) = &d.fix {
            check_span(input, fix.span, "fix")?;
        }
    }
    for m in &report.metrics {
        check_span(input, m.span, "metric")?;
        check_span(input, m.number_span, "metric number")?;
        check_span(input, m.sentence, "metric sentence")?;
        prop_assert!(m.span.contains(m.number_span));
        prop_assert_eq!(&input[m.span.range()], &*m.text);
        if let Some(high) = m.high {
            prop_assert!(high >= m.value || m.approx.is_some());
        }
        // A metric lies inside the section that holds it.
        let mut sections = &report.sections;
        for &i in &m.section {
            let Some(section) = sections.get(i) else {
                return Err(TestCaseError::fail(format!(
                    "bad section path {:?}",
                    m.section
                )));
            };
            prop_assert!(
                section.span.contains(m.number_span),
                "metric {} outside section {}",
                m.number_span,
                section.span
            );
            sections = &section.children;
        }
    }
    if let Err(err) = crate::corpus::check_metric_placement(report) {
        return Err(TestCaseError::fail(err));
    }
    for n in &report.non_metrics {
        check_span(input, n.span, "non-metric")?;
    }
    let mut previous_end = 0;
    for section in &report.sections {
        prop_assert!(section.span.start >= previous_end, "sections overlap");
        previous_end = section.span.end;
        check_section(input, section, 1)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_on_any_string(input in any::<String>()) {
        let report = gongwen::parse(&input);
        check_report(&input, &report)?;
    }

    #[test]
    fn spans_and_tree_are_well_formed(input in document()) {
        let report = gongwen::parse(&input);
        check_report(&input, &report)?;
    }

    #[test]
    fn owned_report_equals_borrowed(input in document()) {
        let report = gongwen::parse(&input);
        let owned = report.clone().into_owned();
        prop_assert_eq!(report, owned);
    }

    #[test]
    fn metric_values_are_exact(digits in "[1-9][0-9]{0,30}", frac in "[0-9]{0,6}", unit in prop::sample::select(vec!["件", "元", "万元", "人次", "%"])) {
        let number = if frac.is_empty() { digits.clone() } else { format!("{digits}.{frac}") };
        let text = format!("共计{number}{unit}。");
        let found = gongwen::metric::extract(&text);
        // Beyond 96 bits of mantissa the digits are no decimal at all.
        let written: Option<gongwen::Decimal> = number.parse().ok();
        let factor = if unit == "万元" { gongwen::Decimal::from(10_000u32) } else { gongwen::Decimal::from(1u32) };
        match written.zip(written.and_then(|w| w.checked_mul(factor))) {
            Some((written, value)) => {
                prop_assert_eq!(found.metrics.len(), 1, "{}", text);
                let m = &found.metrics[0];
                prop_assert_eq!(m.written, written);
                prop_assert_eq!(m.value, value);
            }
            // Too large for a decimal: a reason, never a wrong value.
            None => {
                prop_assert!(found.metrics.is_empty(), "{}", text);
                prop_assert!(found.non_metrics.iter().any(|n| n.reason == gongwen::metric::Reason::TooLarge));
            }
        }
    }

    #[test]
    fn marker_parser_never_panics(input in document()) {
        let _ = gongwen::numbering::marker::<nom::error::Error<&str>>(&input);
        let _ = gongwen::numeral::value(&input);
    }
}
