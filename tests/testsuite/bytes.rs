//! `parse_bytes`: every corpus report saved as UTF-8 with a BOM, UTF-16LE, UTF-16BE and
//! GB18030 gives the report of its UTF-8 text; truncated or invalid bytes give a typed
//! error with the offset, never a panic.

use gongwen::{Error, parse_bytes};

fn utf16le(text: &str) -> Vec<u8> {
    [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

fn utf16be(text: &str) -> Vec<u8> {
    [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect()
}

fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable, "GB18030 maps all of Unicode");
    bytes.into_owned()
}

#[test]
fn every_encoding_of_a_corpus_report_gives_its_report() {
    for (name, text) in crate::corpus() {
        let expected = gongwen::parse(&text).into_owned();
        let with_bom = [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat();
        let mut encodings = vec![
            ("utf-8", text.as_bytes().to_vec()),
            ("utf-8 with BOM", with_bom),
            ("utf-16le", utf16le(&text)),
            ("utf-16be", utf16be(&text)),
        ];
        if cfg!(feature = "encoding") {
            encodings.push(("gb18030", gb18030(&text)));
        }
        for (encoding, bytes) in encodings {
            assert_eq!(
                parse_bytes(&bytes).as_ref(),
                Ok(&expected),
                "{name} as {encoding}"
            );
        }
    }
}

#[test]
fn gb18030_needs_the_feature() {
    let bytes = gb18030("一、总体要求\n（一）指导思想");
    let result = parse_bytes(&bytes);
    if cfg!(feature = "encoding") {
        let report = result.expect("GB18030 decodes");
        assert_eq!(report.sections[0].heading, "总体要求");
    } else {
        // 一 is D2 BB in GB18030, which happens to be valid UTF-8 too.
        assert_eq!(result, Err(Error::InvalidUtf8 { offset: 2 }));
    }
}

#[test]
fn truncated_input_is_a_typed_error() {
    let (_, text) = &crate::corpus()[0];
    // UTF-8 cut inside a char.
    let cut = text.char_indices().nth(100).map_or(0, |(at, _)| at) + 1;
    let err = parse_bytes(&text.as_bytes()[..cut]).expect_err("cut inside a char");
    assert_eq!(err.offset(), cut - 1, "{err}");
    // UTF-16 with half a code unit at the end.
    let bytes = utf16le(text);
    let err = parse_bytes(&bytes[..bytes.len() - 1]).expect_err("odd length");
    assert_eq!(
        err,
        Error::InvalidUtf16 {
            offset: bytes.len() - 2
        }
    );
    // GB18030 cut inside a two-byte character.
    if cfg!(feature = "encoding") {
        let bytes = gb18030("报告");
        let err = parse_bytes(&bytes[..3]).expect_err("half a character");
        assert_eq!(
            err,
            Error::Decode {
                encoding: "gb18030",
                offset: 2
            }
        );
    }
}

#[test]
fn invalid_utf8_in_the_middle_points_at_it() {
    let mut bytes = "一、总体要求\n".as_bytes().to_vec();
    let at = bytes.len();
    bytes.extend_from_slice(b"\xC0\xFF\xFE");
    bytes.extend_from_slice("（一）指导思想".as_bytes());
    let err = parse_bytes(&bytes).expect_err("not text");
    assert_eq!(err.offset(), at, "{err}");
    let message = err.to_string();
    assert!(message.contains(&at.to_string()), "{message}");
}

#[test]
fn a_bom_inside_the_text_is_dropped_not_lost() {
    // A file concatenated from two files that each had a BOM.
    let bytes = "\u{feff}一、总体要求\n\u{feff}二、主要举措\n".as_bytes();
    let report = parse_bytes(bytes).expect("UTF-8");
    let headings: Vec<_> = report.walk().map(|s| &*s.heading).collect();
    assert_eq!(headings, ["总体要求", "主要举措"]);
    assert_eq!(report.dropped.len(), 1, "the second BOM is reported");
}

mod never_panics {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn parse_bytes_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            match gongwen::parse_bytes(&bytes) {
                Ok(report) => {
                    let text = gongwen::decode::decode(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?.text;
                    prop_assert_eq!(report, gongwen::parse(&text));
                }
                Err(e) => prop_assert!(e.offset() <= bytes.len()),
            }
        }

        #[test]
        fn parse_bytes_on_bom_prefixed_bytes(
            bom in prop::sample::select(vec![&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]),
            bytes in prop::collection::vec(any::<u8>(), 0..512),
        ) {
            let bytes = [bom, &bytes].concat();
            if let Err(e) = gongwen::parse_bytes(&bytes) {
                prop_assert!(e.offset() <= bytes.len(), "{}", e);
            }
        }
    }
}
