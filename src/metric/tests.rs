//! The extractor on short texts: one behaviour per test, each with the cases that
//! decided it.

use super::{Approx, Kind, Reason, extract};

/// (value, high, unit) of a metric.
type Brief = (String, Option<String>, String);

/// The metrics of `text`, briefly, and the reasons of its non-metrics.
fn summary(text: &str) -> (Vec<Brief>, Vec<Reason>) {
    let found = extract(text);
    let metrics = found
        .metrics
        .iter()
        .map(|m| {
            (
                m.value.to_string(),
                m.high.map(|h| h.to_string()),
                m.unit.to_string(),
            )
        })
        .collect();
    (
        metrics,
        found.non_metrics.iter().map(|n| n.reason).collect(),
    )
}

#[test]
fn neighbouring_digits_are_a_range() {
    let (metrics, _) = summary("每村配备两三个人");
    assert_eq!(metrics, [("2".into(), Some("3".into()), "个".into())]);
    // The range ends where the second number does: 七八十年代 is a period.
    let (metrics, reasons) = summary("七八十年代");
    assert!(metrics.is_empty(), "{metrics:?}");
    assert_eq!(reasons, [Reason::Period]);
}

#[test]
fn units_before_the_number() {
    let found = extract("合格率达百分之九十五以上，约百分之五，收费￥300。");
    let got: Vec<_> = found
        .metrics
        .iter()
        .map(|m| (&*m.text, m.value.to_string(), &*m.unit, m.kind, m.approx))
        .collect();
    assert_eq!(
        got,
        [
            (
                "百分之九十五以上",
                "95".into(),
                "百分之",
                Kind::Ratio,
                Some(Approx::AtLeast)
            ),
            (
                "约百分之五",
                "5".into(),
                "百分之",
                Kind::Percent,
                Some(Approx::About)
            ),
            ("￥300", "300".into(), "￥", Kind::Money, None),
        ]
    );
    assert_eq!(found.metrics[0].label.as_deref(), Some("合格率"));
    // 五百分之二 is a fraction: no percent.
    assert!(extract("五百分之二").metrics.is_empty());
}

#[test]
fn numerals_in_words() {
    // 大写 digits after a Han character: a number only before a 大写 unit.
    let found = extract("税额共计壹仟玖佰圆整，入伍时分，远离大陆，收拾房间。");
    let got: Vec<_> = found
        .metrics
        .iter()
        .map(|m| (m.value.to_string(), &*m.unit))
        .collect();
    assert_eq!(got, [("1900".to_owned(), "圆")]);
    for text in ["另一种写法", "这是五台山"] {
        assert!(extract(text).metrics.is_empty(), "{text}");
    }
}

#[test]
fn web_addresses_are_identifiers() {
    let found = extract("详见 https://www.test.com/search?q=30%25%2020%，共3件。");
    let metrics: Vec<_> = found.metrics.iter().map(|m| &*m.text).collect();
    assert_eq!(metrics, ["3件"]);
    assert_eq!(found.non_metrics[0].reason, Reason::Identifier);
}

#[test]
fn currency_named_next_to_yuan() {
    let found = extract("港币两千九百六十元，新台币 177.1 亿元，三万元欧元，兑换1美元7元。");
    let got: Vec<_> = found
        .metrics
        .iter()
        .map(|m| (&*m.text, m.value.to_string(), &*m.unit))
        .collect();
    assert_eq!(
        got,
        [
            ("港币两千九百六十元", "2960".into(), "港币"),
            ("新台币 177.1 亿元", "17710000000".into(), "新台币"),
            ("三万元欧元", "30000".into(), "欧元"),
            ("1美元", "1".into(), "美元"),
            ("7元", "7".into(), "元"),
        ]
    );
}

#[test]
fn several_is_more_than() {
    let found = extract("投入数十亿元，培训几百人，十几万份，人数10人。");
    let got: Vec<_> = found
        .metrics
        .iter()
        .map(|m| (&*m.text, m.value.to_string(), m.approx))
        .collect();
    assert_eq!(
        got,
        [
            ("数十亿元", "1000000000".into(), Some(Approx::Over)),
            ("几百人", "100".into(), Some(Approx::Over)),
            ("十几万份", "100000".into(), Some(Approx::Over)),
            ("10人", "10".into(), None),
        ]
    );
}
