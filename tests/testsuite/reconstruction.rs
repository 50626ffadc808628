//! No text lost or doubled: the JSON of each corpus report, read as title, preamble and
//! each section's marker, heading and body in pre-order, holds every Han character and
//! digit of the source in order, none twice (junk lines aside).

use serde_json::Value;

fn is_kept(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '0'..='9' | '０'..='９' | '〇')
}

fn kept(text: &str) -> String {
    text.chars().filter(|&c| is_kept(c)).collect()
}

fn span(value: &Value) -> Option<(usize, usize)> {
    let pair = value.as_array()?;
    Some((
        pair.first()?.as_u64()? as usize,
        pair.get(1)?.as_u64()? as usize,
    ))
}

fn walk(section: &Value, out: &mut String) {
    out.push_str(section["marker"]["text"].as_str().unwrap_or_default());
    out.push_str(section["heading"].as_str().unwrap_or_default());
    out.push_str(section["body"].as_str().unwrap_or_default());
    for child in section["children"].as_array().into_iter().flatten() {
        walk(child, out);
    }
}

/// The text the JSON gives back, in reading order.
fn rebuilt(json: &Value) -> String {
    let mut out = String::new();
    // Metadata lines that are their own paragraphs come first, in document order.
    let title = span(&json["title_span"]);
    let issuer = span(&json["issuer_span"]);
    let issuer_line = issuer.filter(|&(s, e)| title.is_none_or(|(ts, te)| e <= ts || s >= te));
    let mut front: Vec<(usize, &str)> = Vec::new();
    if let (Some((s, _)), Some(text)) = (issuer_line, json["issuer"].as_str()) {
        front.push((s, text));
    }
    if let (Some((s, _)), Some(text)) = (title, json["title"].as_str()) {
        front.push((s, text));
    }
    front.sort();
    for (_, text) in front {
        out.push_str(text);
    }
    out.push_str(json["preamble"].as_str().unwrap_or_default());
    for section in json["sections"].as_array().into_iter().flatten() {
        walk(section, &mut out);
    }
    out
}

/// The source with dropped junk cut out.
fn source_without_junk(input: &str, json: &Value) -> String {
    let mut out = String::new();
    let mut at = 0;
    for dropped in json["dropped"].as_array().into_iter().flatten() {
        let Some((start, end)) = span(&dropped["span"]) else {
            continue;
        };
        out.push_str(&input[at..start.max(at)]);
        at = at.max(end);
    }
    out.push_str(&input[at..]);
    out
}

#[test]
fn every_han_character_and_digit_once_and_in_order() {
    for (name, text) in super::corpus() {
        let report = gongwen::parse(&text);
        let json = serde_json::to_value(&report).expect("report serializes");
        let want = kept(&source_without_junk(&text, &json));
        let got = kept(&rebuilt(&json));
        if got != want {
            let at = got
                .chars()
                .zip(want.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let context = |s: &str| {
                s.chars()
                    .skip(at.saturating_sub(10))
                    .take(30)
                    .collect::<String>()
            };
            panic!(
                "{name}: text differs at char {at}\n  got:  {}\n  want: {}",
                context(&got),
                context(&want)
            );
        }
    }
}

#[test]
fn json_contract_fields() {
    let (_, text) = &super::corpus()[3];
    let json = serde_json::to_value(gongwen::parse(text)).expect("report serializes");
    for key in [
        "title",
        "issuer",
        "year",
        "date",
        "preamble",
        "sections",
        "metrics",
        "non_metrics",
        "diagnostics",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    let section = &json["sections"][0];
    for key in ["level", "heading", "body", "marker", "span", "children"] {
        assert!(section.get(key).is_some(), "section missing {key}");
    }
    assert_eq!(section["marker"]["scheme"], "hanzi");
    assert_eq!(section["marker"]["ordinal"], 1);
    assert_eq!(section["marker"]["text"], "一、");
    let (start, end) = span(&section["span"]).expect("span is [start, end]");
    assert!(text[start..end].starts_with("一、切实履行"));
    // A section's metrics are a range into the report's: {"start": …, "end": …}.
    let report = gongwen::parse(text);
    for (s, value) in report
        .sections
        .iter()
        .zip(json["sections"].as_array().into_iter().flatten())
    {
        let range: std::ops::Range<usize> =
            serde_json::from_value(value["metrics"].clone()).expect("metrics is {start, end}");
        assert_eq!(range, s.metrics);
        assert_eq!(value["metrics"]["start"], s.metrics.start);
    }
}
