//! `parse` on any UTF-8 text: no panic, and every span lies on char boundaries inside
//! the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let report = gongwen::parse(input);
    for section in report.walk() {
        for span in [section.span, section.marker_span, section.heading_span] {
            assert!(input.get(span.range()).is_some(), "bad span {span}");
        }
    }
    // The pieces tile the input exactly.
    let mut at = 0;
    for piece in report.pieces(input) {
        assert_eq!(piece.span.start, at, "gap or overlap at {at}");
        assert!(input.get(piece.span.range()).is_some(), "bad piece {:?}", piece);
        at = piece.span.end;
    }
    assert_eq!(at, input.len());
});
