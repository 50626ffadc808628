//! The public numeral parsers: no panic, no overflow; `value` agrees with `chinese` and
//! `arabic` on what they read whole.
#![no_main]

use gongwen::numeral;
use libfuzzer_sys::fuzz_target;

type E<'a> = nom::error::Error<&'a str>;

fuzz_target!(|input: &str| {
    let value = numeral::value(input);
    if let Err(e) = &value {
        assert!(e.offset() <= input.len());
    }
    for parser in [
        numeral::chinese::<E>,
        numeral::chinese_digits::<E>,
        numeral::arabic::<E>,
        numeral::circled::<E>,
        numeral::parenthesized::<E>,
        numeral::digit_stop::<E>,
    ] {
        if let Ok((rest, _)) = parser(input) {
            assert!(input.ends_with(rest));
        }
    }
});
