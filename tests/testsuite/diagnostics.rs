//! Diagnostics: each code on small inputs, what the corpus reports yield and why, and
//! the fixes.

use gongwen::{Diagnostic, Report};

/// Every diagnostic as (code, severity, the text under its span), in order.
fn found(input: &str) -> Vec<(String, String, String)> {
    listed(input, &gongwen::parse(input))
}

fn listed(input: &str, report: &Report<'_>) -> Vec<(String, String, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.severity.to_string(),
                input[d.span.range()].to_owned(),
            )
        })
        .collect()
}

/// Every fix as (code, the text it replaces, the replacement), in order.
fn fixes(input: &str) -> Vec<(String, String, String)> {
    gongwen::parse(input)
        .diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            Some((
                d.code.to_string(),
                input[fix.span.range()].to_owned(),
                fix.replacement.clone(),
            ))
        })
        .collect()
}

/// The input with every fix applied (fixes must not overlap).
fn apply_fixes(input: &str, diagnostics: &[Diagnostic]) -> String {
    let mut fixes: Vec<_> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    fixes.sort_by_key(|f| f.span.start);
    let mut out = String::new();
    let mut at = 0;
    for fix in fixes {
        assert!(fix.span.start >= at, "overlapping fixes at {}", fix.span);
        out.push_str(&input[at..fix.span.start]);
        out.push_str(&fix.replacement);
        at = fix.span.end;
    }
    out.push_str(&input[at..]);
    out
}

type Expected<'a> = &'a [(&'a str, &'a str, &'a str)];

/// Checks a table of (name, input, every diagnostic as (code, severity, spanned text)).
fn check_table(cases: &[(&str, &str, Expected<'_>)]) {
    for &(name, input, want) in cases {
        let got = found(input);
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|&(c, s, t)| (c.to_owned(), s.to_owned(), t.to_owned()))
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn sequence_codes() {
    check_table(&[
        (
            "a clean list",
            "一、甲\n（一）子\n（二）丑\n二、乙\n（一）寅\n（二）卯\n",
            &[],
        ),
        (
            "start_not_one",
            "一、甲\n（二）子\n（三）丑\n二、乙\n",
            &[("start_not_one", "warning", "（二）")],
        ),
        (
            "duplicate",
            "一、甲\n二、乙\n二、丙\n三、丁\n",
            &[("duplicate", "error", "二、")],
        ),
        (
            "gap",
            "一、甲\n二、乙\n四、丁\n五、戊\n",
            &[("gap", "warning", "四、")],
        ),
        (
            "out_of_order",
            "一、甲\n三、丙\n二、乙\n四、丁\n",
            &[
                ("gap", "warning", "三、"),
                ("out_of_order", "error", "二、"),
            ],
        ),
        (
            "single_child: 有（一）无（二）",
            "一、甲\n（一）子\n二、乙\n（一）丑\n（二）寅\n",
            &[("single_child", "warning", "（一）")],
        ),
        (
            "lists restart under each parent",
            "一、甲\n1.子\n2.丑\n二、乙\n1.寅\n2.卯\n",
            &[("skipped_level", "info", "1.")],
        ),
        (
            "articles run on across chapters, and one in a chapter is fine",
            "第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 附则\n第三条 丙。\n",
            &[],
        ),
        (
            "articles: a repeated number across chapters",
            "第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 附则\n第二条 丙。\n",
            &[("duplicate", "error", "第二条")],
        ),
    ]);
}

#[test]
fn inline_sequence_code() {
    // Every input is one 一、 with a 二、 after it, so only the inline runs are at issue.
    let cases: &[(&str, &str, Expected<'_>)] = &[
        (
            "runs that restart at 一是 in new paragraphs (as in corpus 002)",
            "规范管理。一是甲。二是乙。三是丙。\n科学决策。一是丁。二是戊。三是己。",
            &[],
        ),
        (
            "a 一是 that restarts mid-paragraph",
            "原因有二：一是甲，二是乙。措施有二：一是丙，二是丁。",
            &[],
        ),
        (
            "a gap",
            "一是甲。二是乙。四是丁。",
            &[("inline_sequence", "warning", "四是")],
        ),
        (
            "a repeat at the end",
            "一是甲。二是乙。二是丙。",
            &[("inline_sequence", "warning", "二是")],
        ),
        (
            "a repeat in the middle is no gap after it",
            "一是甲。二是乙。二是丙。四是丁。",
            &[("inline_sequence", "warning", "二是")],
        ),
        (
            "out of order",
            "一是甲。二是乙。三是丙。二是丁。",
            &[("inline_sequence", "warning", "二是")],
        ),
        (
            "no start",
            "三是甲。四是乙。",
            &[("inline_sequence", "warning", "三是")],
        ),
        (
            "a lone 一是; 之一是 and 统一是 are words",
            "原因之一是人员不足。标准统一是基础。一是加强学习。",
            &[("inline_sequence", "warning", "一是")],
        ),
        ("一要 runs", "一要提高认识。二要强化措施。", &[]),
        (
            "第一， runs",
            "第一，坚持领导。第二，依法行政。第三，改革创新。",
            &[],
        ),
        (
            "首先 … 其次 … 第三",
            "首先，坚持领导。其次，依法行政。第三，改革创新。",
            &[("inline_sequence", "warning", "第三，")],
        ),
        (
            "第一 … 第二 … 其三",
            "第一，坚持领导。第二，依法行政。其三，改革创新。",
            &[("inline_sequence", "warning", "其三")],
        ),
    ];
    for &(name, text, want) in cases {
        let input = format!("一、甲\n{text}\n二、乙\n");
        let got = found(&input);
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|&(c, s, t)| (c.to_owned(), s.to_owned(), t.to_owned()))
            .collect();
        assert_eq!(got, want, "{name}");
    }
    let fixes_of = |text: &str| fixes(&format!("一、甲\n{text}\n二、乙\n"));
    assert_eq!(
        fixes_of("一是甲。二是乙。二是丙。四是丁。"),
        [("inline_sequence".into(), "二是".into(), "三是".into())]
    );
    assert_eq!(fixes_of("一是甲。二是乙。三是丙。二是丁。"), []);
}

#[test]
fn delimiter_codes() {
    check_table(&[
        (
            "mixed_delimiter: the minority, with a fix to the standard majority",
            "一、甲\n1.子\n2.丑\n3、寅\n二、乙\n1.卯\n2.辰\n",
            &[
                ("skipped_level", "info", "1."),
                ("mixed_delimiter", "warning", "3、"),
            ],
        ),
        (
            "a non-standard majority: the standard minority is still mixed, the majority \
             non-standard",
            "一、甲\n1、子\n2、丑\n3.寅\n二、乙\n1、卯\n2、辰\n",
            &[
                ("nonstandard_delimiter", "warning", "1、"),
                ("skipped_level", "info", "1、"),
                ("nonstandard_delimiter", "warning", "2、"),
                ("mixed_delimiter", "warning", "3."),
                ("nonstandard_delimiter", "warning", "1、"),
                ("nonstandard_delimiter", "warning", "2、"),
            ],
        ),
        (
            "一. for 一、",
            "一.甲\n二.乙\n",
            &[
                ("nonstandard_delimiter", "warning", "一."),
                ("nonstandard_delimiter", "warning", "二."),
            ],
        ),
        (
            "（一）、: a bracketed ordinal takes no point",
            "一、甲\n（一）、子\n（二）、丑\n二、乙\n",
            &[
                ("nonstandard_delimiter", "warning", "（一）、"),
                ("nonstandard_delimiter", "warning", "（二）、"),
            ],
        ),
        (
            "①. and 1) (the half-bracket form is no delimiter fault)",
            "一、甲\n（一）子\n1.丑\n1)寅\n2)卯\n（二）辰\n二、乙\n（一）巳\n1.午\n①.未\n②.申\n（二）酉\n",
            &[
                ("single_child", "warning", "1."),
                ("single_child", "warning", "1."),
                ("nonstandard_delimiter", "warning", "①."),
                ("skipped_level", "warning", "①."),
                ("nonstandard_delimiter", "warning", "②."),
            ],
        ),
        (
            "第一、 for 第一，",
            "一、甲\n第一、坚持领导。第二、依法行政。\n二、乙\n",
            &[
                ("nonstandard_delimiter", "warning", "第一、"),
                ("nonstandard_delimiter", "warning", "第二、"),
            ],
        ),
    ]);
    assert_eq!(
        fixes("一、甲\n1.子\n2.丑\n3、寅\n二、乙\n1.卯\n2.辰\n"),
        [("mixed_delimiter".into(), "3、".into(), "3.".into())]
    );
    // Towards a non-standard majority there is no fix; the majority gets one instead.
    let fixed: Vec<_> = fixes("一、甲\n1、子\n2、丑\n3.寅\n二、乙\n");
    assert_eq!(
        fixed,
        [
            ("nonstandard_delimiter".into(), "1、".into(), "1.".into()),
            ("nonstandard_delimiter".into(), "2、".into(), "2.".into()),
        ]
    );
    for (input, from, to) in [
        ("一.甲\n二、乙\n三、丙\n", "一.", "一、"),
        (
            "一、甲\n（一）、子\n（二）丑\n（三）寅\n二、乙\n",
            "（一）、",
            "（一）",
        ),
        ("一、甲\n１、子\n２．丑\n３．寅\n二、乙\n", "１、", "１．"),
        (
            "一、甲\n第一、甲。第二，乙。第三，丙。\n二、乙\n",
            "第一、",
            "第一，",
        ),
    ] {
        let got = fixes(input);
        assert!(
            got.iter().any(|(_, f, t)| f == from && t == to),
            "{input:?}: {got:?}"
        );
    }
}

#[test]
fn width_codes() {
    check_table(&[
        (
            "(二) after （一）, as in corpus 004",
            "一、甲\n（一）子\n(二)丑\n（三）寅\n二、乙\n（一）卯\n（二）辰\n",
            &[("mixed_width", "warning", "(二)")],
        ),
        (
            "the standard form is never flagged, even in the minority",
            "一、甲\n（一）子\n(二)丑\n(三)寅\n二、乙\n",
            &[
                ("mixed_width", "warning", "(二)"),
                ("mixed_width", "warning", "(三)"),
            ],
        ),
        (
            "one width throughout is consistent",
            "一、甲\n(一)子\n(二)丑\n二、乙\n",
            &[],
        ),
        (
            "an unpaired bracket",
            "一、甲\n（一）子\n（二)丑\n二、乙\n",
            &[("mixed_width", "warning", "（二)")],
        ),
        (
            "full-width digits among half-width ones",
            "一、甲\n1.子\n２.丑\n二、乙\n1.寅\n2.卯\n",
            &[
                ("skipped_level", "info", "1."),
                ("mixed_width", "warning", "２."),
            ],
        ),
        (
            "a full-width point among half-width ones",
            "一、甲\n1.子\n2．丑\n二、乙\n1.寅\n2.卯\n",
            &[
                ("skipped_level", "info", "1."),
                ("mixed_width", "warning", "2．"),
            ],
        ),
    ]);
    assert_eq!(
        fixes("一、甲\n（一）子\n(二)丑\n（三）寅\n二、乙\n"),
        [("mixed_width".into(), "(二)".into(), "（二）".into())]
    );
    assert_eq!(
        fixes("一、甲\n（一）子\n（二)丑\n二、乙\n"),
        [("mixed_width".into(), "（二)".into(), "（二）".into())]
    );
}

#[test]
fn heading_and_date_codes() {
    check_table(&[
        (
            "a standalone heading ending in 。, with text under it",
            "一、总体要求。\n全年办结案件12件。\n二、主要任务\n正文。\n",
            &[("heading_punctuation", "info", "。")],
        ),
        (
            "a heading followed by its text on the same line keeps its 。",
            "一、总体要求。全年办结案件12件。\n二、主要任务。正文。\n",
            &[],
        ),
        (
            "one-sentence items with nothing under them are sentences",
            "一、甲\n（一）加强学习。\n（二）强化监督。\n二、乙\n",
            &[],
        ),
        (
            "a standalone heading ending in ，",
            "一、加强组织领导，\n（一）子\n（二）丑\n二、乙\n",
            &[("heading_punctuation", "info", "，")],
        ),
        (
            "zero_padded_date",
            "某镇2024年工作总结\n一、甲\n正文。\n二、乙\n正文。\n某镇人民政府\n2024年01月05日\n",
            &[
                ("zero_padded_date", "warning", "01"),
                ("zero_padded_date", "warning", "05"),
            ],
        ),
        (
            "an unpadded date",
            "某镇2024年工作总结\n一、甲\n正文。\n二、乙\n正文。\n某镇人民政府\n2024年10月5日\n",
            &[],
        ),
    ]);
    assert_eq!(
        fixes("一、总体要求。\n全年办结案件12件。\n二、主要任务\n"),
        [("heading_punctuation".into(), "。".into(), "".into())]
    );
    assert_eq!(
        fixes("某镇2024年工作总结\n一、甲\n正文。\n二、乙\n正文。\n2024年01月15日\n"),
        [("zero_padded_date".into(), "01".into(), "1".into())]
    );
}

#[test]
fn structure_codes() {
    check_table(&[
        (
            "mixed_schemes: （二） beside 1. 2. under one 一、",
            "一、甲\n1.子\n2.丑\n（二）寅\n二、乙\n",
            &[
                ("skipped_level", "info", "1."),
                ("start_not_one", "warning", "（二）"),
                ("single_child", "warning", "（二）"),
                ("mixed_schemes", "warning", "（二）"),
            ],
        ),
        (
            "skipped_level: a warning where the document skips only sometimes",
            "一、甲\n（一）子\n（二）丑\n二、乙\n1.寅\n2.卯\n",
            &[("skipped_level", "warning", "1.")],
        ),
        (
            "level_inversion: （一） under 1.",
            "1.甲\n（一）子\n（二）丑\n2.乙\n",
            &[("level_inversion", "warning", "（一）")],
        ),
        (
            "too_deep: a fifth level",
            "一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n②己\n（2）庚\n2.辛\n（二）壬\n二、癸\n",
            &[("too_deep", "info", "①")],
        ),
        (
            "four levels under 章 节 条 are not too deep",
            "第一章 总则\n第一节 一般规定\n第一条 甲：\n（一）子\n1.a\n2.b\n（二）丑\n第二条 乙。\n\
             第二节 其他\n第三条 丙。\n第二章 附则\n第四条 丁。\n",
            &[],
        ),
    ]);
}

#[test]
fn renumbering_fixes_only_when_unambiguous() {
    // The duplicate 二、 sits between 二、 and 三、: renaming it 三、 would clash.
    assert_eq!(fixes("一、甲\n二、乙\n二、丙\n三、丁\n"), []);
    // Between 二、 and 四、 it can only be 三、; and once it is, 四、 leaves no gap.
    let input = "一、甲\n二、乙\n二、丙\n四、丁\n";
    assert_eq!(
        found(input),
        [("duplicate".into(), "error".into(), "二、".into())]
    );
    assert_eq!(
        fixes(input),
        [("duplicate".into(), "二、".into(), "三、".into())]
    );
    // The last of a list: the next number.
    assert_eq!(
        fixes("一、甲\n（一）子\n（二）丑\n（二）寅\n二、乙\n"),
        [("duplicate".into(), "（二）".into(), "（三）".into())]
    );
    // Out of order between 3. and 5.: 4.
    assert_eq!(
        fixes("一、甲\n1.子\n2.丑\n3.寅\n2.卯\n5.辰\n二、乙\n1.巳\n2.午\n"),
        [("out_of_order".into(), "2.".into(), "4.".into())]
    );
    // A gap is never renumbered: a part may be missing rather than misnumbered.
    assert_eq!(fixes("一、甲\n二、乙\n四、丁\n"), []);
}

/// The diagnostics of a corpus report as (code, severity, line, text under the span).
fn corpus_diagnostics(index: usize, prefix: &str) -> (String, Report<'static>) {
    let (name, text) = super::corpus().swap_remove(index);
    assert!(name.starts_with(prefix), "{name}");
    let report = gongwen::parse(&text).into_owned();
    (text, report)
}

fn summary(text: &str, report: &Report<'_>) -> Vec<(String, String, usize, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.severity.to_string(),
                d.line,
                text[d.span.range()].to_owned(),
            )
        })
        .collect()
}

#[test]
fn corpus_003_duplicate_mixed_delimiters_heading_and_skip() {
    let (text, report) = corpus_diagnostics(3, "003_");
    let has = |code: &str, severity: &str, line: usize, spanned: &str| {
        summary(&text, &report).contains(&(
            code.to_owned(),
            severity.to_owned(),
            line,
            spanned.to_owned(),
        ))
    };
    // The second 5. of the list under 二、.
    assert!(has("duplicate", "error", 16, "5."));
    assert!(
        text.lines()
            .nth(15)
            .is_some_and(|l| l.starts_with("5.加强“四失”"))
    );
    // 3、 and 4、 among the 1. of the same document.
    assert!(has("mixed_delimiter", "warning", 11, "3、"));
    assert!(has("mixed_delimiter", "warning", 12, "4、"));
    // 三、依法开展疫情防控。 stands alone, with text under it.
    assert!(has("heading_punctuation", "info", 17, "。"));
    assert!(text.lines().nth(16) == Some("三、依法开展疫情防控。"));
    // 一、 → 1. throughout: allowed with two levels, so at most info.
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.code.name() == "skipped_level")
    {
        assert_eq!(d.severity.to_string(), "info", "{d:?}");
    }
    assert!(has("skipped_level", "info", 4, "1."));

    let fixes: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .map(|f| (&text[f.span.range()], f.replacement.as_str()))
        .collect();
    assert_eq!(
        fixes,
        [("3、", "3."), ("4、", "4."), ("5.", "6."), ("。", "")]
    );
    // Fixed, the report has only the skip left.
    let fixed_text = apply_fixes(&text, &report.diagnostics);
    let fixed = gongwen::parse(&fixed_text);
    assert_eq!(
        listed(&fixed_text, &fixed),
        [("skipped_level".into(), "info".into(), "1.".into())]
    );
}

#[test]
fn corpus_000_to_002_yield_nothing_a_proofreader_would_reject() {
    // Every diagnostic as (code, severity, line); each report's list is exact, and empty.
    let yields = |index: usize, prefix: &str| -> Vec<(String, String, usize)> {
        let (text, report) = corpus_diagnostics(index, prefix);
        summary(&text, &report)
            .into_iter()
            .map(|(code, severity, line, _)| (code, severity, line))
            .collect()
    };

    // 000 (杨家泊镇): 一、 to 四、 (二、 三、 四、 indented with spaces), （一） to （三） and
    // （一） to （五） under them, all full-width and complete; the 一是 runs under （一）,
    // （二）, （五）, 三、 and 四、 each run 一是, 二是, 三是 (四是) without a gap; every
    // heading stands alone without closing punctuation; there is no signing date. Nothing
    // for a proofreader to mark, so nothing.
    assert_eq!(yields(0, "000_"), []);

    // 001 (商酒务镇): 一、 to 四、 with complete （一）… lists and 一是 runs (一、 has its
    // 一是 to 三是 straight under it, which is no skipped level: inline items are no
    // level). （一） under 四、 is a one-sentence item ending in 。 with nothing under it,
    // in the run-in style of its siblings (（二）标题。正文): a sentence, so no
    // heading_punctuation. No date. Its faults are not numbering faults ("2023度"
    // lacks a 年), so nothing.
    assert_eq!(yields(1, "001_"), []);

    // 002 (白甸镇): 一、 to 四、, no sub-numbering. Section 一's text holds five runs of
    // 一是/二是/三是, each starting again at 一是 in a new topic paragraph: restarts, not
    // duplicates or disorder. 二、 has one complete run. The date 2024年12月31日 is not
    // zero-padded. Nothing.
    assert_eq!(yields(2, "002_"), []);
}

#[test]
fn corpus_004_mixed_width() {
    let (text, report) = corpus_diagnostics(4, "004_");
    assert_eq!(
        summary(&text, &report),
        [
            ("mixed_width".into(), "warning".into(), 75, "(二)".into()),
            ("mixed_width".into(), "warning".into(), 77, "(三)".into()),
        ]
    );
    let fixes: Vec<&str> = report
        .diagnostics
        .iter()
        .filter_map(|d| Some(d.fix.as_ref()?.replacement.as_str()))
        .collect();
    assert_eq!(fixes, ["（二）", "（三）"]);
}

#[test]
fn every_diagnostic_is_well_placed() {
    // The corpus, and the corpus with lone \r line ends, with \r\n ones, and on one line
    // (no line breaks at all: every column counted along it).
    let texts = super::corpus().into_iter().flat_map(|(name, text)| {
        let lone_cr = text.replace("\r\n", "\n").replace('\n', "\r");
        let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
        let one_line = text.replace(['\n', '\r'], "");
        [
            (name.clone(), text),
            (format!("{name} (CR)"), lone_cr),
            (format!("{name} (CRLF)"), crlf),
            (format!("{name} (one line)"), one_line),
        ]
    });
    for (name, text) in texts {
        let report = gongwen::parse(&text);
        for d in &report.diagnostics {
            assert!(text.get(d.span.range()).is_some(), "{name}: {d:?}");
            assert_eq!((d.line, d.column), d.span.line_col(&text), "{name}: {d:?}");
            assert!(!d.message.is_empty());
            if let Some(fix) = &d.fix {
                assert!(text.get(fix.span.range()).is_some(), "{name}: {d:?}");
            }
        }
    }
}

#[test]
fn code_names_are_unique_snake_case() {
    use gongwen::diagnostic::Code;
    let names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
    for (i, name) in names.iter().enumerate() {
        assert!(!names[..i].contains(name), "{name} twice");
        assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
    }
}

#[cfg(feature = "serde")]
#[test]
fn json_contract_for_diagnostics() {
    use gongwen::diagnostic::Code;
    for code in Code::ALL {
        assert_eq!(
            serde_json::to_value(code).ok(),
            Some(serde_json::Value::from(code.name()))
        );
    }
    let (_, text) = &super::corpus()[3];
    let json = serde_json::to_value(gongwen::parse(text)).expect("report serializes");
    let diagnostics = json["diagnostics"].as_array().expect("an array");
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        for key in ["code", "severity", "span", "message", "line", "column"] {
            assert!(d.get(key).is_some(), "diagnostic missing {key}: {d}");
        }
        assert!(
            ["error", "warning", "info"].contains(&d["severity"].as_str().unwrap_or("")),
            "{d}"
        );
    }
    let duplicate = diagnostics
        .iter()
        .find(|d| d["code"] == "duplicate")
        .expect("003's duplicate");
    let start = duplicate["span"][0]
        .as_u64()
        .and_then(|n| usize::try_from(n).ok());
    let end = duplicate["span"][1]
        .as_u64()
        .and_then(|n| usize::try_from(n).ok());
    assert_eq!(start.zip(end).map(|(s, e)| &text[s..e]), Some("5."));
    assert_eq!(duplicate["fix"]["replacement"], "6.");
    assert_eq!(duplicate["found"], "5.");
    assert_eq!(duplicate["expected"], "6.");
}
