//! Lossless accounting: `Report::pieces` tiles the input exactly — sorted, contiguous,
//! from 0 to the end, on char boundaries — and every character that is not whitespace
//! is in a piece that holds text or in dropped junk.

use gongwen::{PieceKind, Report};
use proptest::prelude::*;

use crate::properties::document;

/// The characters the normalizer treats as blank (`normalize`'s `is_blank`).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

fn check_tiling(input: &str, report: &Report<'_>) -> Result<(), String> {
    let mut at = 0;
    for piece in report.pieces(input) {
        let span = piece.span;
        if span.start != at {
            return Err(format!("{piece:?}: expected to start at {at}"));
        }
        if span.is_empty() {
            return Err(format!("{piece:?} is empty"));
        }
        let Some(text) = input.get(span.range()) else {
            return Err(format!(
                "{piece:?} is not on char boundaries inside the input"
            ));
        };
        if piece.kind == PieceKind::Whitespace {
            if let Some(c) = text.chars().find(|&c| !is_blank(c)) {
                return Err(format!("{piece:?} holds {c:?}"));
            }
        }
        at = span.end;
    }
    if at != input.len() {
        return Err(format!("pieces end at {at}, the input at {}", input.len()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn pieces_tile_any_string(input in any::<String>()) {
        let report = gongwen::parse(&input);
        check_tiling(&input, &report).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn pieces_tile_any_document(input in document()) {
        let report = gongwen::parse(&input);
        check_tiling(&input, &report).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn pieces_tile_every_corpus_report() {
    for (name, text) in crate::corpus() {
        let report = gongwen::parse(&text);
        if let Err(e) = check_tiling(&text, &report) {
            panic!("{name}: {e}");
        }
        // Text no field holds is the punctuation between a heading and its body, or a
        // few characters of a metadata line — never a sentence.
        for piece in report.pieces(&text) {
            if piece.kind == PieceKind::Unlabelled {
                let chars = text[piece.span.range()].chars().count();
                assert!(
                    chars <= 2,
                    "{name}: unlabelled {:?}",
                    &text[piece.span.range()]
                );
            }
        }
    }
}

#[test]
fn dropped_junk_is_a_piece_of_its_own() {
    let input = "\u{feff}某镇2024年报告\n来源: 政社办 发布时间:2025-02-27 字体:[ ]\n一、总体要求\n正文[bookmark: a][bookmark: b]继续。\n— 3 —\n";
    let report = gongwen::parse(input);
    let dropped: Vec<_> = report
        .pieces(input)
        .filter(|p| matches!(p.kind, PieceKind::Dropped(_)))
        .map(|p| &input[p.span.range()])
        .collect();
    assert_eq!(
        dropped,
        [
            // The bar is cut around its fields: what is left of it is still dropped.
            "\u{feff}",
            ": ",
            " ",
            ":",
            " 字体:[ ]",
            "[bookmark: a]",
            "[bookmark: b]",
            "— 3 —"
        ]
    );
    let source: Vec<_> = report
        .pieces(input)
        .filter(|p| matches!(p.kind, PieceKind::SourceKey | PieceKind::SourceValue))
        .map(|p| &input[p.span.range()])
        .collect();
    assert_eq!(source, ["来源", "政社办", "发布时间", "2025-02-27"]);
}
