//! `parse_bytes` on any bytes: a report or a typed error whose offset is inside the
//! bytes, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match gongwen::parse_bytes(bytes) {
        Ok(report) => {
            let text = gongwen::decode::decode(bytes).expect("decoded once already").text;
            assert_eq!(report, gongwen::parse(&text));
        }
        Err(e) => assert!(e.offset() <= bytes.len(), "{e} past the end"),
    }
});
