//! Hostile input: every case of `benches/hostile/inputs.rs` parses without a panic or
//! a stack overflow, and its pieces still tile it. Sizes are 1 MiB in release builds and
//! 256 KiB in debug builds (the quadratic paths these guard against took minutes there);
//! throughput is the bench's business (`cargo bench --bench hostile`), not a timed test.

use gongwen::metric::Reason;
use gongwen::{Error, PieceKind};

#[allow(dead_code)]
#[path = "../../benches/hostile/inputs.rs"]
mod inputs;

fn size() -> usize {
    if cfg!(debug_assertions) {
        256 << 10
    } else {
        1 << 20
    }
}

fn tiles(input: &str) {
    let report = gongwen::parse(input);
    let mut at = 0;
    for piece in report.pieces(input) {
        assert_eq!(piece.span.start, at);
        at = piece.span.end;
    }
    assert_eq!(at, input.len());
}

#[test]
fn every_case_parses_and_tiles() {
    for (name, text) in inputs::cases(size()) {
        let report = gongwen::parse(&text);
        let mut at = 0;
        for piece in report.pieces(&text) {
            assert_eq!(piece.span.start, at, "{name}");
            at = piece.span.end;
        }
        assert_eq!(at, text.len(), "{name}");
        assert!(report.walk().count() <= text.len(), "{name}");
    }
}

#[test]
fn consecutive_markers_stay_flat() {
    // 100,000 markers, one per line: a list, never 100,000 levels deep.
    let text = "一、\n".repeat(100_000);
    let report = gongwen::parse(&text);
    assert!(report.walk().all(|s| s.level <= 2));
    let deepest = inputs::repeat_to("一、（一）1.（1）①", 200_000);
    let report = gongwen::parse(&deepest);
    assert!(report.walk().map(|s| s.level).max() <= Some(gongwen::Scheme::ALL.len()));
}

#[test]
fn nested_parens_do_not_recurse() {
    for text in [
        "（".repeat(100_000),
        "(".repeat(100_000),
        "（".repeat(50_000) + "一）",
    ] {
        tiles(&text);
        assert!(gongwen::numbering::marker::<nom::error::Error<&str>>(&text).is_err());
    }
}

#[test]
fn a_megabyte_of_digits_is_a_reason_not_a_value() {
    let digits = "1".repeat(1 << 20);
    let found = gongwen::metric::extract(&digits);
    assert!(found.metrics.is_empty());
    assert_eq!(found.non_metrics.len(), 1);
    assert_eq!(found.non_metrics[0].reason, Reason::TooLarge);
    let with_unit = "9".repeat(100_000) + "件";
    let found = gongwen::metric::extract(&with_unit);
    assert!(found.metrics.is_empty());
    assert_eq!(found.non_metrics[0].reason, Reason::TooLarge);
    assert!(matches!(
        gongwen::numeral::value(&digits),
        Err(Error::TooLarge { offset: 0, .. })
    ));
}

#[test]
fn twenty_nines_are_exact_or_too_large_never_wrapped() {
    let found = gongwen::metric::extract("共办理99999999999999999999件。");
    assert_eq!(found.metrics.len(), 1);
    assert_eq!(found.metrics[0].value.to_string(), "99999999999999999999");
    assert!(matches!(
        gongwen::numeral::value("99999999999999999999"),
        Err(Error::TooLarge { offset: 0, .. })
    ));
    let forty = "9".repeat(40) + "件";
    let found = gongwen::metric::extract(&forty);
    assert!(found.metrics.is_empty());
    assert_eq!(found.non_metrics[0].reason, Reason::TooLarge);
}

#[test]
fn a_run_of_yi_is_not_a_number() {
    let run = "一".repeat(100_000);
    let found = gongwen::metric::extract(&run);
    assert!(found.metrics.is_empty());
    assert!(gongwen::numeral::value(&run).is_err());
    tiles(&run);
}

#[test]
fn control_characters_and_nul() {
    let text = "一、总体\0要求\n（一）\u{1b}[31m指导\u{0}思想\u{7f}\n\u{0}\u{0}\n";
    let report = gongwen::parse(text);
    assert_eq!(report.walk().count(), 2);
    tiles(text);
    // Control characters are text, not indentation: one before a marker hides it.
    let hidden = "\u{1}\u{7}（一）指导思想\n";
    assert_eq!(gongwen::parse(hidden).walk().count(), 0);
    tiles(hidden);
}

#[test]
fn lone_cr_line_ends_are_lines() {
    let report = gongwen::parse("一、总体要求\r（一）指导思想\r（二）基本原则\r");
    let headings: Vec<_> = report.walk().map(|s| &*s.heading).collect();
    assert_eq!(headings, ["总体要求", "指导思想", "基本原则"]);
}

#[test]
fn mixed_boms_are_reported() {
    let text = "\u{feff}一、总体要求\n\u{feff}\u{feff}二、主要举措\n";
    let report = gongwen::parse(text);
    assert_eq!(report.walk().count(), 2);
    let boms = report
        .pieces(text)
        .filter(|p| p.kind == PieceKind::Dropped(gongwen::normalize::DroppedKind::ByteOrderMark))
        .count();
    assert_eq!(boms, 3);
    // A UTF-16 byte-order mark inside UTF-8 bytes is not UTF-8.
    let bytes = [
        &b"\xEF\xBB\xBF"[..],
        "一、".as_bytes(),
        b"\xFF\xFE",
        "总体".as_bytes(),
    ]
    .concat();
    assert_eq!(
        gongwen::parse_bytes(&bytes),
        Err(Error::InvalidUtf8 { offset: 9 })
    );
}

#[test]
fn invalid_utf8_in_the_middle_of_a_large_file() {
    let text = inputs::normal(size());
    let bytes = inputs::invalid_utf8_middle(&text);
    let err = gongwen::parse_bytes(&bytes).expect_err("not text");
    let offset = err.offset();
    assert!(
        offset <= bytes.len() / 2 + 1 && offset + 16 > bytes.len() / 2,
        "{err}"
    );
}
