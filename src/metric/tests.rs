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

#[test]
fn non_metrics_have_their_reason() {
    let cases: &[(&str, &str, Reason)] = &[
        ("2024年全年", "2024", Reason::Year),
        ("截止2024年底", "2024", Reason::Year),
        ("2023度党政", "2023", Reason::Year),
        ("二〇二三年工作", "二〇二三", Reason::Year),
        ("二零二四年", "二零二四", Reason::Year),
        ("纲要（2021—2025年）", "2021", Reason::YearRange),
        ("于5月20日召开", "5", Reason::Date),
        ("发布时间:2025-02-27 14:46", "2025", Reason::Date),
        ("发布时间:2025-02-27 14:46", "27", Reason::Date),
        ("于2025/2/7发布", "7", Reason::Date),
        ("2024.1.1至2024.12.31", "2024", Reason::Date),
        ("2024.1.1至2024.12.31", "12", Reason::Date),
        ("2024.1.1至2024.12.31", "31", Reason::Date),
        ("14:46", "14", Reason::ClockTime),
        ("12345工单", "12345", Reason::Identifier),
        ("拨打12348", "12348", Reason::Identifier),
        ("“2421”学法制度", "2421", Reason::Campaign),
        ("深入开展八五普法", "八", Reason::Campaign),
        ("党的二十大精神", "二十", Reason::Campaign),
        ("“三重一大”事项", "三重一大", Reason::Campaign),
        ("第一次会议", "一", Reason::Ordinal),
        ("。一是加强", "一是", Reason::ListMarker),
        ("宪法进万家", "万家", Reason::Word),
        ("近三年", "三", Reason::Period),
        ("3·15国际消费者权益日", "3", Reason::Date),
    ];
    for &(text, number, reason) in cases {
        let found = extract(text);
        let got: Vec<(String, Reason)> = found
            .non_metrics
            .iter()
            .map(|n| (n.text.to_string(), n.reason))
            .collect();
        assert!(
            got.iter().any(|(t, r)| t == number && *r == reason),
            "{text}: want {number} {reason}, got {got:?}"
        );
        assert!(found.metrics.is_empty(), "{text}: no metric");
    }
}

#[test]
fn hostile_numbers_are_reasons_not_values() {
    let text = format!("{}件", "9".repeat(100));
    let found = extract(&text);
    assert!(found.metrics.is_empty());
    assert_eq!(found.non_metrics[0].reason, Reason::TooLarge);
    let found = extract("99999999999999999999件");
    assert_eq!(found.metrics[0].value.to_string(), "99999999999999999999");
}

#[test]
fn labels_and_counted_nouns() {
    let found = extract("8890服务热线转办案件206件，47项“三重一大”事项。");
    assert_eq!(found.metrics[0].text, "206件");
    assert_eq!(
        found.metrics[0].label.as_deref(),
        Some("8890服务热线转办案件")
    );
    assert_eq!(found.metrics[1].text, "47项");
    assert_eq!(found.metrics[1].counted.as_deref(), Some("“三重一大”事项"));
}

#[test]
fn every_lexicon_word_is_found() {
    // Each word alone, and between other text: its numeral is the word's, with its
    // reason, whatever the characters around it.
    for &(word, offset, reason) in super::context::LEXICON {
        for text in [word.to_owned(), format!("我们{word}了")] {
            let at = text.find(word).unwrap_or_default() + offset;
            let found = extract(&text);
            assert!(
                found
                    .non_metrics
                    .iter()
                    .any(|n| n.span.start == at && n.reason == reason),
                "{text}: {:?}",
                found.non_metrics
            );
        }
    }
}

#[test]
fn a_year_in_chinese_digits_hides_nothing_after_it() {
    // The year was read from its first 15 bytes, and its end once taken from the end of
    // the paragraph: the metrics after it were lost.
    let found = extract("二〇二三年，全镇共办理案件12件，罚款5万元。");
    let metrics: Vec<&str> = found.metrics.iter().map(|m| &*m.text).collect();
    assert_eq!(metrics, ["12件", "5万元"]);
    let year: Vec<&str> = found
        .non_metrics
        .iter()
        .filter(|n| n.reason == Reason::Year)
        .map(|n| &*n.text)
        .collect();
    assert_eq!(year, ["二〇二三"]);
}
