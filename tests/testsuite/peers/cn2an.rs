//! Adapter for cn2an (`cn2an.tsv`): `kind=value` rows test [`gongwen::metric::value`]
//! (or the extractor, for a money amount), `kind=error` rows are negatives, and
//! `kind=sentence` rows (`transform`, which rewrites text and gives no spans) are out
//! of scope.

use gongwen::metric::{Kind, extract};

use super::{Case, Verdict, check_refused, check_value, describe_all, same_value};

/// Chinese digits and the decimal point: with Arabic digits in one number they make it
/// mixed-script (a magnitude word after Arabic digits, 1百01 or 10.1万, does not).
const CHINESE_DIGITS: &str = "零〇一二三四五六七八九两点";

pub(crate) fn values() -> Vec<Case> {
    super::tsv("cn2an.tsv")
        .iter()
        .map(|row| {
            let [_, mode, kind, input, expected] = row.as_slice() else {
                panic!("bad cn2an row {row:?}");
            };
            let shown = format!("{kind} {expected:?} ({mode})");
            match kind.as_str() {
                "value" => value_row(input, expected, shown),
                "error" => error_row(input, shown),
                _ => Case::out(input, shown, "transform-sentence"),
            }
        })
        .collect()
}

fn value_row(input: &str, expected: &str, shown: String) -> Case {
    if input.contains('负') || input.starts_with('-') {
        return Case::out(input, shown, "negative");
    }
    if input.contains('幺') {
        // 幺 is the 一 of spoken phone numbers: an identifier, not a quantity.
        return Case::out(input, shown, "phone-digit");
    }
    let arabic = input.chars().any(|c| c.is_ascii_digit());
    if arabic && input.contains(|c| CHINESE_DIGITS.contains(c)) {
        // 100万三千, 一百点123: a change of script starts a new number for us.
        return Case::new(
            input,
            shown,
            Verdict::Different("mixed-script"),
            check_refused(input),
        );
    }
    if input.contains(['元', '圆']) {
        // A money amount: for us a money metric of that value.
        let found = extract(input);
        let money: Vec<_> = found
            .metrics
            .iter()
            .filter(|m| m.kind == Kind::Money)
            .collect();
        let outcome = match money.as_slice() {
            [m] if same_value(m.value, expected) => Ok(()),
            _ => Err(describe_all(&found.metrics)),
        };
        return Case::new(input, shown, Verdict::InScope, outcome);
    }
    Case::new(input, shown, Verdict::InScope, check_value(input, expected))
}

fn error_row(input: &str, shown: String) -> Case {
    if input.contains('负') {
        return Case::out(input, shown, "negative");
    }
    let digits = input.chars().count() >= 2
        && input
            .chars()
            .all(|c| "零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖".contains(c));
    if digits {
        // Strict mode refuses digits one by one (一一); its normal mode and we read 11.
        let outcome = match gongwen::metric::value(input) {
            Ok(_) => Ok(()),
            Err(e) => Err(e.to_string()),
        };
        return Case::new(
            input,
            shown,
            Verdict::Different("digits-one-by-one"),
            outcome,
        );
    }
    if input.starts_with(['百', '千']) {
        // 百十一: a leading 百 is 一百 for us, as 百三 is 130 for Recognizers.
        let outcome = match gongwen::metric::value(input) {
            Ok(_) => Ok(()),
            Err(e) => Err(e.to_string()),
        };
        return Case::new(input, shown, Verdict::Different("leading-unit"), outcome);
    }
    Case::new(input, shown, Verdict::InScope, check_refused(input))
}
