//! Adapter for chinese-number (`chinese_number.tsv`): value rows test
//! [`gongwen::metric::value`], error rows are negatives.

use super::{Case, Verdict, check_refused, check_value};

/// Myriad words above 亿: 兆 is 10^12 here but 10^6 in modern usage (兆瓦), so we read
/// none of them.
const ABOVE_YI: &[char] = &['兆', '京', '垓', '秭', '穰', '溝', '澗'];

pub(crate) fn values() -> Vec<Case> {
    super::tsv("chinese_number.tsv")
        .iter()
        .map(|row| {
            let [_, _, method, kind, input, expected] = row.as_slice() else {
                panic!("bad chinese-number row {row:?}");
            };
            let shown = format!("{kind} {expected:?} ({method})");
            if kind == "error" {
                if expected.starts_with("Overflow") || expected.starts_with("Underflow") {
                    // Their fixed-width integer types; a Decimal holds these values.
                    return Case::out(input, shown, "fixed-width-integer");
                }
                return Case::new(input, shown, Verdict::InScope, check_refused(input));
            }
            if input.contains('負') {
                return Case::out(input, shown, "negative");
            }
            if input.contains(ABOVE_YI) {
                return Case::out(input, shown, "myriad-above-yi");
            }
            if input.contains(['角', '分']) {
                // 一角, 一二角三分: 角 and 分 continue a 元 amount for us; alone, 一分
                // is a score or a minute.
                return Case::new(
                    input,
                    shown,
                    Verdict::Different("jiao-fen-without-yuan"),
                    check_refused(input),
                );
            }
            Case::new(input, shown, Verdict::InScope, check_value(input, expected))
        })
        .collect()
}
