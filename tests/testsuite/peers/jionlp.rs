//! Adapters for JioNLP: the money parser (`jionlp_money_parser.tsv`, a whole money
//! phrase → value, currency and a blur kind) and the money extractor
//! (`jionlp_money_extractor.tsv`, spans in code points, end exclusive).

use gongwen::Span;
use gongwen::metric::{Approx, Kind, Metric, extract};
use serde_json::Value;

use super::{Case, Expect, Verdict, char_span, describe_all, match_metrics, same_value};

/// Colloquial money words: not how official documents write money, and 块 is a
/// measure word for us (三块牌子).
const COLLOQUIAL_MONEY: &[char] = &['块', '毛', '蚊'];

/// Money units we read, by JioNLP's currency name.
fn units(case: &str) -> Option<&'static [&'static str]> {
    Some(match case {
        "元" => &["元", "圆", "人民币"],
        "港元" => &["港元", "港币"],
        "美元" => &["美元", "美圆", "美金"],
        "日元" => &["日元", "日币"],
        "欧元" => &["欧元"],
        "新台币" => &["新台币", "台币"],
        "泰铢" => &["泰铢"],
        "卢布" => &["卢布"],
        "韩元" => &["韩元"],
        "澳元" => &["澳元"],
        _ => return None,
    })
}

/// Every money word of ours that can end or open an amount.
const MONEY_WORDS: &[&str] = &[
    "元", "圆", "美元", "欧元", "日元", "港币", "台币", "泰铢", "卢布", "韩元",
];

pub(crate) fn parser() -> Vec<Case> {
    super::tsv("jionlp_money_parser.tsv")
        .iter()
        .map(|row| {
            let [input, num, case, definition] = row.as_slice() else {
                panic!("bad JioNLP parser row {row:?}");
            };
            parser_case(input, num, case, definition)
        })
        .collect()
}

fn parser_case(input: &str, num: &str, case: &str, definition: &str) -> Case {
    let shown = format!("{num} {case} {definition}");
    let found = extract(input);
    if input.contains(COLLOQUIAL_MONEY) {
        return Case::out(input, shown, "colloquial-money");
    }
    if input.chars().any(|c| c.is_ascii_alphabetic()) {
        return Case::out(input, shown, "latin-magnitude");
    }
    if !MONEY_WORDS.iter().any(|w| input.contains(w)) {
        // 三百万, 小于40万: JioNLP defaults to 元; a number without a unit is no metric.
        let outcome = if found.metrics.iter().any(|m| m.kind == Kind::Money) {
            Err(describe_all(&found.metrics))
        } else {
            Ok(())
        };
        return Case::new(input, shown, Verdict::Different("no-unit"), outcome);
    }
    let Some(ours) = units(case) else {
        return Case::out(input, shown, "unmodeled-unit");
    };
    let (lo, hi) = match num.split_once('|') {
        Some((lo, hi)) => (lo, Some(hi)),
        None => (num, None),
    };
    let money: Vec<&Metric<'_>> = found
        .metrics
        .iter()
        .filter(|m| m.kind == Kind::Money)
        .collect();
    if input.contains('，') {
        // 82，225.00元: a full-width comma ends a clause; it is never a thousands
        // separator. We read the digits after it, not their number.
        let outcome = match money.iter().find(|m| same_value(m.value, lo)) {
            None => Ok(()),
            Some(m) => Err(super::describe(m)),
        };
        return Case::new(input, shown, Verdict::Different("fullwidth-comma"), outcome);
    }
    if mixed_script_range(input) {
        // 两~3百日元: a change of script starts a new number, so no range.
        let outcome = match money.iter().find(|m| m.high.is_some()) {
            None => Ok(()),
            Some(m) => Err(super::describe(m)),
        };
        return Case::new(input, shown, Verdict::Different("mixed-script"), outcome);
    }
    if let Some(ours_low) = uncarried_low(input, lo, hi) {
        // 八到九百亿: JioNLP reads 8亿 to 900亿; we read the lone 八 in the 百 of the
        // high end, 800亿 to 900亿, as JioNLP itself does for 两到三仟 (2000 to 3000).
        let outcome = match money.as_slice() {
            [m] if m.value == ours_low => Ok(()),
            _ => Err(describe_all(&found.metrics)),
        };
        return Case::new(
            input,
            shown,
            Verdict::Different("range-unit-carry"),
            outcome,
        );
    }
    // JioNLP's blur kinds in our terms; a 多/余/数 range [x, next step] is our Over x.
    let approx = match (definition, hi) {
        ("accurate", _) => None,
        ("blur", Some(_)) if input.contains(['多', '余', '几', '数']) => Some(Approx::Over),
        ("blur", Some(_)) => Some(Approx::Range),
        ("blur", None) => Some(Approx::About),
        ("blur-", _) => Some(Approx::Under),
        ("blur+", _) => Some(Approx::AtLeast),
        _ => panic!("unknown definition {definition}"),
    };
    let high = if approx == Some(Approx::Range) {
        hi
    } else {
        None
    };
    let outcome = match money.as_slice() {
        [m] if ours.contains(&&*m.unit)
            && same_value(m.value, lo)
            && m.approx == approx
            && match high {
                Some(h) => m.high.is_some_and(|mh| same_value(mh, h)),
                None => true,
            } =>
        {
            Ok(())
        }
        _ => Err(describe_all(&found.metrics)),
    };
    Case::new(input, shown, Verdict::InScope, outcome)
}

fn chinese_digit(c: char) -> Option<u64> {
    "一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u64 + 1)
        .or((c == '两').then_some(2))
}

/// A range whose low end is a lone Chinese digit and whose high end has a unit
/// (八到九百亿), when JioNLP does not carry that unit back to the low end (its low is
/// under a tenth of its high): the low end we read instead, high × 8 / 9.
fn uncarried_low(input: &str, lo: &str, hi: Option<&str>) -> Option<gongwen::Decimal> {
    let (lo, hi): (gongwen::Decimal, gongwen::Decimal) = (lo.parse().ok()?, hi?.parse().ok()?);
    let chars: Vec<char> = input.chars().collect();
    let (d, e) = chars.windows(4).enumerate().find_map(|(i, w)| {
        let lone = i == 0 || chinese_digit(chars[i - 1]).is_none();
        let shape = lone && "到至~-".contains(w[1]) && "百千佰仟".contains(w[3]);
        shape.then(|| Some((chinese_digit(w[0])?, chinese_digit(w[2])?)))?
    })?;
    let uncarried = lo.checked_mul(gongwen::Decimal::from(10u32))? < hi;
    uncarried.then(|| {
        hi.checked_mul(gongwen::Decimal::from(d))?
            .checked_div_exact(gongwen::Decimal::from(e))
    })?
}

/// A range with Chinese digits on one side of the dash and Arabic on the other: 两~3百.
fn mixed_script_range(input: &str) -> bool {
    let chars: Vec<char> = input.chars().collect();
    chars.windows(3).any(|w| {
        let arabic = |c: char| c.is_ascii_digit();
        let chinese = |c: char| chinese_digit(c).is_some();
        "到至~-".contains(w[1]) && (chinese(w[0]) && arabic(w[2]) || arabic(w[0]) && chinese(w[2]))
    })
}

pub(crate) fn extractor() -> Vec<Case> {
    super::tsv("jionlp_money_extractor.tsv")
        .iter()
        .map(|row| {
            let [input, spans] = row.as_slice() else {
                panic!("bad JioNLP extractor row {row:?}");
            };
            let spans: Vec<Value> = serde_json::from_str(spans).expect("span JSON");
            let found = extract(input);
            let mut expects = Vec::new();
            let mut ignore: Vec<Span> = Vec::new();
            let mut out = None;
            for s in &spans {
                let text = s["text"].as_str().expect("text");
                let start = s["start"].as_u64().expect("start") as usize;
                let end = s["end"].as_u64().expect("end") as usize;
                let span = char_span(input, start, end);
                if text.contains(COLLOQUIAL_MONEY) {
                    ignore.push(span);
                    out.get_or_insert("colloquial-money");
                } else if text.chars().any(|c| c.is_ascii_alphabetic()) {
                    ignore.push(span);
                    out.get_or_insert("latin-magnitude");
                } else {
                    expects.push(Expect {
                        span,
                        description: format!("money {text:?}"),
                        check: Box::new(|m: &Metric<'_>| m.kind == Kind::Money),
                    });
                }
            }
            let shown: Vec<&str> = spans.iter().filter_map(|s| s["text"].as_str()).collect();
            let shown = format!("money {shown:?}");
            let outcome =
                match_metrics(&found.metrics, |m| m.kind == Kind::Money, &expects, &ignore);
            match out {
                Some(rule) if expects.is_empty() => Case::out(input, shown, rule),
                _ => Case::new(input, shown, Verdict::InScope, outcome),
            }
        })
        .collect()
}
