//! Adapters for Microsoft Recognizers-Text (Chinese): NumberModel, PercentModel,
//! CurrencyModel, DimensionModel.
//!
//! A result's `Start..=End` is inclusive, in characters (every case is in the BMP, so
//! UTF-16 units are characters); its `Text` is normalised (full-width to ASCII), so the
//! adapters slice the input at `Start..=End` and never use `Text`.

use gongwen::Span;
use gongwen::metric::{Kind, Metric, extract};
use serde_json::Value;

use super::{
    Case, Expect, Verdict, char_span, check_refused, check_value, describe_all, match_metrics,
    same_value,
};

/// One expected result.
struct Found {
    /// Characters `start..end`, end exclusive.
    start: usize,
    end: usize,
    /// The input's text at the result.
    text: String,
    value: Option<String>,
    unit: Option<String>,
    iso: Option<String>,
}

/// The cases of a spec file: (input, results).
fn load(name: &str) -> Vec<(String, Vec<Found>)> {
    let path = super::dir().join("recognizers").join(name);
    let text = std::fs::read_to_string(&path).expect("spec file");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("spec JSON");
    cases
        .iter()
        .map(|case| {
            let input = case["Input"].as_str().expect("Input").to_owned();
            let results = case["Results"]
                .as_array()
                .expect("Results")
                .iter()
                .map(|r| {
                    let start = r["Start"].as_u64().expect("Start") as usize;
                    let end = r["End"].as_u64().expect("End") as usize + 1;
                    let res = &r["Resolution"];
                    let field = |k: &str| res[k].as_str().map(str::to_owned);
                    Found {
                        start,
                        end,
                        text: input.chars().skip(start).take(end - start).collect(),
                        value: field("value"),
                        unit: field("unit"),
                        iso: field("isoCurrency"),
                    }
                })
                .collect();
            (input, results)
        })
        .collect()
}

fn expectation(results: &[Found]) -> String {
    if results.is_empty() {
        return "nothing".to_owned();
    }
    let all: Vec<String> = results
        .iter()
        .map(|r| {
            format!(
                "{:?}@{}..{}={}{}",
                r.text,
                r.start,
                r.end,
                r.value.as_deref().unwrap_or("null"),
                r.unit
                    .as_deref()
                    .or(r.iso.as_deref())
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default()
            )
        })
        .collect();
    all.join(", ")
}

/// `text` without its whitespace.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_negative(text: &str) -> bool {
    text.contains(['负', '負', '-', '－'])
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩貳參陸".contains(c)
}

/// Latin magnitude or unit letters after digits: 40k, 15Ｋ, 2.5 M, 168cm.
fn has_latin_letters(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_ascii_alphabetic() || matches!(c, 'Ｋ' | 'ｋ'))
}

// ---------------------------------------------------------------------------------
// NumberModel

/// Measure words after a number that make it a quantity for us, as they occur in the
/// NumberModel cases: the number is then the number of one of our metrics.
const NUMBER_MEASURE_WORDS: &[&str] = &["个", "只", "斤", "吨", "台"];

/// Place names that start with a numeral and a measure word: the numeral is part of
/// the name (五台山 is a mountain, not five 台 of 山).
const PLACE_NAMES: &[&str] = &["五台山"];

/// Measure words we do not model: pairs and dozens (一对一 is "one-to-one", not a
/// count), chapters, traditional-script 個 and 塊, and the 刃 of a name.
const UNMODELED_MEASURE_WORDS: &[char] = &['双', '对', '雙', '對', '章', '個', '塊', '刃'];

pub(crate) fn number() -> Vec<Case> {
    load("NumberModel.json")
        .iter()
        .map(|(input, results)| number_case(input, results))
        .collect()
}

fn number_case(input: &str, results: &[Found]) -> Case {
    let expected = expectation(results);
    let found = extract(input);
    if results.is_empty() {
        // NumberModel leaves a currency amount to CurrencyModel; for us it is a metric.
        if input.contains("美元") {
            let outcome = if found.metrics.iter().any(|m| m.kind == Kind::Money) {
                Ok(())
            } else {
                Err(describe_all(&found.metrics))
            };
            return Case::new(
                input,
                expected,
                Verdict::Different("currency-amount"),
                outcome,
            );
        }
        let outcome = if found.metrics.is_empty() {
            check_refused(input)
        } else {
            Err(describe_all(&found.metrics))
        };
        return Case::new(input, expected, Verdict::InScope, outcome);
    }
    let trimmed = input.trim();
    let lead = input.chars().count() - input.trim_start().chars().count();
    let whole = match results {
        [r] => r.start == lead && r.end == lead + trimmed.chars().count(),
        _ => false,
    };
    if let (true, [r]) = (whole, results) {
        return whole_number(input, trimmed, r, expected);
    }
    // A number in running text: each result is judged by its context.
    let mut verdicts = Vec::new();
    for r in results {
        verdicts.push(number_in_text(input, r, &found.metrics));
    }
    let scored: Vec<&(Verdict, Result<(), String>)> = verdicts
        .iter()
        .filter(|(v, _)| *v == Verdict::InScope)
        .collect();
    let different = verdicts
        .iter()
        .find_map(|(v, _)| matches!(v, Verdict::Different(_)).then_some(*v));
    let outcome = verdicts
        .iter()
        .filter(|(v, _)| !matches!(v, Verdict::OutOfScope(_)))
        .map(|(_, o)| o.clone())
        .find(Result::is_err)
        .unwrap_or(Ok(()));
    let verdict = if !scored.is_empty() {
        Verdict::InScope
    } else if let Some(d) = different {
        d
    } else {
        verdicts[0].0
    };
    Case::new(input, expected, verdict, outcome)
}

/// A NumberModel case whose input is one number: a test of [`gongwen::metric::value`].
fn whole_number(input: &str, spaced: &str, r: &Found, expected: String) -> Case {
    let value = r.value.as_deref().unwrap_or_default();
    // The rules look at the text without its spaces (二分 之一 is a fraction); value()
    // reads the text as given.
    let text = &compact(spaced);
    let out = |rule| Case::out(input, expected.clone(), rule);
    let different = |rule| {
        Case::new(
            input,
            expected.clone(),
            Verdict::Different(rule),
            check_refused(spaced),
        )
    };
    // 2^-1 and 2.7890e－1 are powers, whatever their sign.
    let exponent = text.contains(['e', 'E']) && text.chars().any(|c| c.is_ascii_digit());
    if text.contains('^') || exponent {
        return out("scientific-notation");
    }
    if is_negative(text) {
        return out("negative");
    }
    if text.contains("分之") || text.contains(['/', '／']) {
        return out("fraction");
    }
    if has_latin_letters(text) {
        return out("latin-magnitude");
    }
    if text.contains(['兆', '京']) {
        return out("myriad-above-yi");
    }
    if text.contains('打') {
        return out("dozen");
    }
    if text.contains('半') {
        return out("half");
    }
    if text.contains(['余', '多', '几', '幾']) {
        return different("approximate");
    }
    if text.contains('，') {
        return different("fullwidth-comma");
    }
    if text.starts_with('.') {
        return different("leading-point");
    }
    if text.starts_with('零')
        && text
            .chars()
            .nth(1)
            .is_some_and(|c| "十百千拾佰仟".contains(c))
    {
        return different("leading-zero");
    }
    Case::new(
        input,
        expected.clone(),
        Verdict::InScope,
        check_value(spaced, value),
    )
}

/// One NumberModel result inside running text, judged by the characters around it.
fn number_in_text(input: &str, r: &Found, metrics: &[Metric<'_>]) -> (Verdict, Result<(), String>) {
    let chars: Vec<char> = input.chars().collect();
    let before = compact(&chars[..r.start].iter().collect::<String>());
    let after = compact(&chars[r.end..].iter().collect::<String>());
    let item = compact(&r.text);
    let span = char_span(input, r.start, r.end);
    let value = r.value.as_deref().unwrap_or_default();
    let overlapping: Vec<&Metric<'_>> = metrics
        .iter()
        .filter(|m| m.number_span.start < span.end && span.start < m.number_span.end)
        .collect();
    let none_here = || {
        if overlapping.is_empty() {
            Ok(())
        } else {
            Err(describe_all(overlapping.iter().copied()))
        }
    };
    if item.contains("分之") || item.contains(['/', '／']) {
        return (Verdict::OutOfScope("fraction"), Ok(()));
    }
    if item.contains('兆') {
        return (Verdict::OutOfScope("myriad-above-yi"), Ok(()));
    }
    if item.contains('打') {
        return (Verdict::OutOfScope("dozen"), Ok(()));
    }
    if before.ends_with('第') {
        return (Verdict::OutOfScope("ordinal"), Ok(()));
    }
    let place = PLACE_NAMES
        .iter()
        .any(|p| p.starts_with(&item) && after.starts_with(&p[item.len()..]));
    if place {
        return (Verdict::Different("place-name"), none_here());
    }
    let quantity =
        before.ends_with("百分之") || NUMBER_MEASURE_WORDS.iter().any(|w| after.starts_with(w));
    if quantity {
        // The number of one of our metrics.
        let ours = metrics
            .iter()
            .find(|m| m.number_span == span && same_value(m.written, value));
        let outcome = match ours {
            Some(_) => Ok(()),
            None => Err(describe_all(metrics)),
        };
        return (Verdict::InScope, outcome);
    }
    if after.starts_with(UNMODELED_MEASURE_WORDS) {
        return (Verdict::OutOfScope("unmodeled-measure-word"), Ok(()));
    }
    if after.starts_with(['余', '多', '几']) {
        return (Verdict::Different("approximate"), none_here());
    }
    if after.starts_with(['年', '月', '日', '号']) || before.ends_with(['年', '月']) {
        return (Verdict::Different("date-or-period"), none_here());
    }
    let decimal_point = after.starts_with(['点', '點'])
        && after.chars().nth(1).is_some_and(is_numeral)
        || (before.ends_with(['点', '點']) && before.chars().rev().nth(1).is_some_and(is_numeral));
    if decimal_point {
        // We read 点 between numerals as a decimal point: one longer number.
        let longer = metrics
            .iter()
            .any(|m| m.number_span.contains(span) && m.number_span != span);
        let outcome = if longer || gongwen::metric::value(input.trim()).is_ok() {
            Ok(())
        } else {
            Err(describe_all(metrics))
        };
        return (Verdict::Different("decimal-point"), outcome);
    }
    if after.starts_with(['点', '點']) {
        return (Verdict::Different("clock-time"), none_here());
    }
    if before.ends_with('前') {
        return (Verdict::Different("rank"), none_here());
    }
    if before.ends_with('“') || after.starts_with('”') {
        return (Verdict::Different("quoted"), none_here());
    }
    (Verdict::Different("bare-number"), none_here())
}

// ---------------------------------------------------------------------------------
// PercentModel

/// Our percent-like metrics.
fn percent_like(m: &Metric<'_>) -> bool {
    matches!(m.kind, Kind::Percent | Kind::Ratio | Kind::PercentagePoint)
}

/// The factor from a percent unit of ours to per cent.
fn percent_factor(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "%" | "％" | "百分之" | "佰分之" => "1",
        "‰" | "千分之" | "仟分之" => "0.1",
        "‱" | "万分之" | "萬分之" => "0.01",
        "百万分之" => "0.0001",
        "千万分之" => "0.00001",
        "万万分之" => "0.000001",
        "百万万分之" => "0.00000001",
        _ => return None,
    })
}

/// A metric's value in per cent.
fn in_percent(m: &Metric<'_>) -> Option<gongwen::Decimal> {
    let factor: gongwen::Decimal = percent_factor(&m.unit)?.parse().ok()?;
    m.value.checked_mul(factor)
}

/// Neighbouring digits before a unit, an approximate range: 二三十 (20 to 30).
fn adjacent_digits(text: &str) -> bool {
    let digits: Vec<char> = "一二三四五六七八九".chars().collect();
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).any(|w| {
        let low = digits.iter().position(|&d| d == w[0]);
        let high = digits.iter().position(|&d| d == w[1]);
        matches!((low, high), (Some(l), Some(h)) if h == l + 1) && "十百千万个".contains(w[2])
    })
}

pub(crate) fn percent() -> Vec<Case> {
    load("PercentModel.json")
        .iter()
        .map(|(input, results)| percent_case(input, results))
        .collect()
}

fn percent_case(input: &str, results: &[Found]) -> Case {
    let expected = expectation(results);
    let found = extract(input);
    let texts: String = results.iter().map(|r| r.text.as_str()).collect();
    if input.contains(['成', '折']) {
        return Case::out(input, expected, "tenths-and-discounts");
    }
    if has_latin_letters(&texts) {
        return Case::out(input, expected, "latin-magnitude");
    }
    if is_negative(&texts) {
        return Case::out(input, expected, "negative");
    }
    if compact(input).contains("個百分點") {
        return Case::out(input, expected, "traditional-script-unit");
    }
    if adjacent_digits(input) {
        // 百分之二三十: an approximate range, which Recognizers does not return.
        let outcome = if found
            .metrics
            .iter()
            .any(|m| percent_like(m) && m.approx == Some(gongwen::metric::Approx::Range))
        {
            Ok(())
        } else {
            Err(describe_all(&found.metrics))
        };
        return Case::new(
            input,
            expected,
            Verdict::Different("approximate-range"),
            outcome,
        );
    }
    if results.iter().any(|r| r.text.contains('，')) {
        // ９，９９９: a full-width comma ends a clause; it is never a thousands separator.
        let theirs: Vec<&str> = results
            .iter()
            .filter_map(|r| r.value.as_deref())
            .map(|v| v.trim_end_matches('%'))
            .collect();
        let outcome = match found
            .metrics
            .iter()
            .find(|m| in_percent(m).is_some_and(|v| theirs.iter().any(|t| same_value(v, t))))
        {
            None => Ok(()),
            Some(m) => Err(super::describe(m)),
        };
        return Case::new(
            input,
            expected,
            Verdict::Different("fullwidth-comma"),
            outcome,
        );
    }
    if compact(input).contains("个百分点") {
        // Percentage points are not per cent: ours, with the same number.
        let expects: Vec<Expect> = results
            .iter()
            .map(|r| {
                let value = r.value.clone().unwrap_or_default();
                let value = value.trim_end_matches('%').to_owned();
                Expect {
                    span: char_span(input, r.start, r.end),
                    description: format!("percentage points {value}"),
                    check: Box::new(move |m: &Metric<'_>| {
                        m.kind == Kind::PercentagePoint && same_value(m.value, &value)
                    }),
                }
            })
            .collect();
        let outcome = match_metrics(&found.metrics, percent_like, &expects, &[]);
        return Case::new(
            input,
            expected,
            Verdict::Different("percentage-point"),
            outcome,
        );
    }
    if results.len() == 1 && input.contains(['-', '至', '到', '~']) {
        // 5-20%: they return the high end; we read the range.
        let value = results[0].value.clone().unwrap_or_default();
        let value = value.trim_end_matches('%').to_owned();
        let outcome = match found.metrics.iter().find(|m| {
            percent_like(m)
                && m.approx == Some(gongwen::metric::Approx::Range)
                && m.high.is_some_and(|h| same_value(h, &value))
        }) {
            Some(_) => Ok(()),
            None => Err(describe_all(&found.metrics)),
        };
        return Case::new(input, expected, Verdict::Different("range"), outcome);
    }
    let expects: Vec<Expect> = results
        .iter()
        .map(|r| {
            let value = r.value.clone().unwrap_or_default();
            let value = value.trim_end_matches('%').to_owned();
            Expect {
                span: char_span(input, r.start, r.end),
                description: format!("{value}%"),
                check: Box::new(move |m: &Metric<'_>| {
                    matches!(m.kind, Kind::Percent | Kind::Ratio)
                        && in_percent(m).is_some_and(|v| same_value(v, &value))
                }),
            }
        })
        .collect();
    let outcome = match_metrics(&found.metrics, percent_like, &expects, &[]);
    Case::new(input, expected, Verdict::InScope, outcome)
}

// ---------------------------------------------------------------------------------
// CurrencyModel and DimensionModel

/// Our units for a Recognizers currency (ISO code, or unit name when there is none).
fn currency_units(iso: Option<&str>, unit: Option<&str>) -> Option<&'static [&'static str]> {
    Some(match (iso, unit) {
        (Some("CNY"), _) => &["元", "圆", "人民币", "￥", "¥"],
        (Some("USD"), _) => &["美元", "美圆", "美金"],
        (Some("EUR"), _) => &["欧元"],
        (Some("HKD"), _) => &["港元", "港币"],
        (Some("JPY"), _) => &["日元"],
        (Some("TWD"), _) => &["新台币", "台币"],
        (Some("CHF"), _) => &["瑞士法郎"],
        (None, Some("Dollar")) => &["$"],
        _ => return None,
    })
}

/// Our units for a Recognizers dimension unit.
fn dimension_units(unit: &str) -> Option<&'static [&'static str]> {
    Some(match unit {
        "Mu" => &["亩"],
        "Kilogram" => &["公斤", "千克"],
        "Gram" => &["克"],
        "Microgram" => &["微克"],
        "Ton" => &["吨"],
        "Jin" => &["斤"],
        "Meter" => &["米"],
        "Kilometer" => &["千米", "公里"],
        "Centimeter" => &["厘米", "公分"],
        "Kilowatt" => &["千瓦"],
        _ => return None,
    })
}

/// Our metrics that measure a physical dimension.
fn dimension_like(m: &Metric<'_>) -> bool {
    matches!(m.kind, Kind::Area | Kind::Length | Kind::Mass)
        || ["立方米", "千瓦", "千瓦时"].contains(&&*m.unit)
}

/// Colloquial money words: not how official documents write money (GB/T 9704 texts
/// write 元), and 块 is a measure word for us (三块牌子).
const COLLOQUIAL_MONEY: &[char] = &['块', '毛', '蚊'];

pub(crate) fn currency() -> Vec<Case> {
    load("CurrencyModel.json")
        .iter()
        .map(|(input, results)| {
            unit_case(
                input,
                results,
                |m| m.kind == Kind::Money,
                |r| {
                    if r.value.is_none() {
                        return Err(Verdict::Different("currency-name-only"));
                    }
                    if r.text.contains('兆') {
                        return Err(Verdict::OutOfScope("myriad-above-yi"));
                    }
                    if r.text.contains(COLLOQUIAL_MONEY) {
                        return Err(Verdict::OutOfScope("colloquial-money"));
                    }
                    if r.text.contains("美分") || r.text.contains('銭') {
                        return Err(Verdict::OutOfScope("foreign-subunit"));
                    }
                    currency_units(r.iso.as_deref(), r.unit.as_deref())
                        .ok_or(Verdict::OutOfScope("unmodeled-unit"))
                },
            )
        })
        .collect()
}

pub(crate) fn dimension() -> Vec<Case> {
    load("DimensionModel.json")
        .iter()
        .map(|(input, results)| {
            unit_case(input, results, dimension_like, |r| {
                if is_negative(&r.text) {
                    return Err(Verdict::OutOfScope("negative"));
                }
                if has_latin_letters(&r.text) {
                    return Err(Verdict::OutOfScope("latin-unit-symbol"));
                }
                r.unit
                    .as_deref()
                    .and_then(dimension_units)
                    .ok_or(Verdict::OutOfScope("unmodeled-unit"))
            })
        })
        .collect()
}

/// A NumberWithUnit case: each result must be one of our `relevant` metrics, with the
/// same value and one of the units `units` gives for it (or a rule says why not).
fn unit_case(
    input: &str,
    results: &[Found],
    relevant: fn(&Metric<'_>) -> bool,
    units: impl Fn(&Found) -> Result<&'static [&'static str], Verdict>,
) -> Case {
    let expected = expectation(results);
    let found = extract(input);
    let mut expects = Vec::new();
    let mut ignore: Vec<Span> = Vec::new();
    let mut verdicts = Vec::new();
    for r in results {
        let span = char_span(input, r.start, r.end);
        match units(r) {
            Ok(ours) => {
                let value = r.value.clone().unwrap_or_default();
                expects.push(Expect {
                    span,
                    description: format!("{}={value} {ours:?}", r.text),
                    check: Box::new(move |m: &Metric<'_>| {
                        ours.contains(&&*m.unit) && same_value(m.value, &value)
                    }),
                });
                verdicts.push(Verdict::InScope);
            }
            Err(Verdict::Different(rule)) => {
                // A currency name alone (人民币 美元) is not a quantity: no metric there.
                ignore.push(span);
                let here = found
                    .metrics
                    .iter()
                    .filter(|m| relevant(m) && m.span.start < span.end && span.start < m.span.end);
                let outcome = match here.map(super::describe).next() {
                    None => Ok(()),
                    Some(d) => Err(d),
                };
                verdicts.push(Verdict::Different(rule));
                if outcome.is_err() {
                    return Case::new(input, expected, Verdict::Different(rule), outcome);
                }
            }
            Err(v) => {
                ignore.push(span);
                verdicts.push(v);
            }
        }
    }
    let outcome = match_metrics(&found.metrics, relevant, &expects, &ignore);
    let verdict = if results.is_empty() || verdicts.contains(&Verdict::InScope) {
        Verdict::InScope
    } else {
        verdicts[0]
    };
    Case::new(input, expected, verdict, outcome)
}
