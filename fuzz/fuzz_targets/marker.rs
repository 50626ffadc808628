//! The public marker parsers: no panic; what they consume is a prefix of the input.
#![no_main]

use gongwen::numbering;
use libfuzzer_sys::fuzz_target;

type E<'a> = nom::error::Error<&'a str>;

fuzz_target!(|input: &str| {
    if let Ok((rest, marker)) = numbering::marker::<E>(input) {
        assert!(input.ends_with(rest));
        assert_eq!(&*marker.text, &input[..input.len() - rest.len()]);
    }
    let _ = gongwen::Marker::parse(input);
    for parser in [
        numbering::hanzi::<E>,
        numbering::paren_hanzi::<E>,
        numbering::paren_arabic::<E>,
        numbering::arabic::<E>,
        numbering::circled::<E>,
        numbering::shi::<E>,
        numbering::yao::<E>,
        numbering::chapter::<E>,
        numbering::jie::<E>,
        numbering::article::<E>,
        numbering::part::<E>,
        numbering::ordinal::<E>,
    ] {
        if let Ok((rest, _)) = parser(input) {
            assert!(input.ends_with(rest));
        }
    }
});
