//! Table tests of normalization: line ends, junk, joins, and the byte searches.

use super::*;

fn texts(input: &str) -> Vec<String> {
    normalize(input)
        .paragraphs
        .iter()
        .map(|p| p.text(input).into_owned())
        .collect()
}

#[test]
fn line_ends_and_indentation() {
    let input = "\u{feff}标题\r\n\u{3000}\u{3000}正文一。\r    正文二。\n\t\u{a0}正文三。  \n";
    assert_eq!(texts(input), ["标题", "正文一。", "正文二。", "正文三。"]);
    let doc = normalize(input);
    assert_eq!(doc.dropped[0].kind, DroppedKind::ByteOrderMark);
    assert_eq!(doc.dropped[0].span, Span::new(0, 3));
}

#[test]
fn junk_is_dropped_and_reported() {
    // (input, paragraphs left, what was dropped)
    let cases: [(&str, &[&str], &[DroppedKind]); 2] = [
        (
            "[bookmark: _GoBack]关于2023年度的报告\n正文[bookmark: x]继续。\n",
            &["关于2023年度的报告", "正文继续。"],
            &[DroppedKind::Bookmark, DroppedKind::Bookmark],
        ),
        (
            "白甸镇2024年报告\n来源: 政社办 发布时间:2025-02-27 14:46 累计次数: 字体:[ ]\n\n白甸镇2024年报告\n\n今年以来,成效明显。\n",
            &["白甸镇2024年报告", "今年以来,成效明显。"],
            &[DroppedKind::WebHeader, DroppedKind::RepeatedTitle],
        ),
    ];
    for (input, paragraphs, dropped) in cases {
        assert_eq!(texts(input), paragraphs, "{input}");
        let kinds: Vec<_> = normalize(input).dropped.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, dropped, "{input}");
    }
}

#[test]
fn pdf_spaces() {
    let input =
        "西青区张家窝镇 2023 年度法治政府建设 情况报告\n领导干部 “关键少数”，Windows 10 系统。\n";
    assert_eq!(
        texts(input),
        [
            "西青区张家窝镇2023年度法治政府建设情况报告",
            "领导干部“关键少数”，Windows 10系统。"
        ]
    );
}

#[test]
fn rejoins_a_sentence_broken_across_a_blank_line() {
    let input = "标题\n\n一是健全机制。严格落实，党委\n\n书记带头讲法治课。\n二是加强。\n";
    assert_eq!(
        texts(input),
        [
            "标题",
            "一是健全机制。严格落实，党委书记带头讲法治课。",
            "二是加强。"
        ]
    );
}

#[test]
fn keeps_a_standalone_heading_apart() {
    let input = "正文一。\n一、存在问题\n（一）行政执法队伍专业度有待提高。执法人员专业水\n\n平参差不齐。\n";
    assert_eq!(
        texts(input),
        [
            "正文一。",
            "一、存在问题",
            "（一）行政执法队伍专业度有待提高。执法人员专业水平参差不齐。"
        ]
    );
}

#[test]
fn joins_a_marker_alone_on_its_line() {
    let input = "正文。\n一、\n总体要求\n正文二。\n";
    assert_eq!(texts(input), ["正文。", "一、总体要求", "正文二。"]);
}

#[test]
fn modal_width_rejoins_wrapped_lines() {
    let input = "正文开始。\n一二三四五六七八九十一二三四五六七八九十\n一二三四五六七八九十一二三四五六七八九十\n一二三四五六七八九十一二三四五六七八九十\n结束。\n另起一段。\n";
    assert_eq!(texts(input).len(), 3);
}

#[test]
fn inner_blanks_are_found_by_bytes() {
    for (text, blank) in [
        ("建设情况", false),
        ("建设 情况", true),
        ("建设\t情况", true),
        ("建设\u{3000}情况", true),
        ("建设\u{a0}情况", true),
        // C2 leads other Latin-1 characters too: 30°, 2×3.
        ("气温30°", false),
        ("2×3", false),
        ("", false),
    ] {
        assert_eq!(has_inner_blank(text), blank, "{text:?}");
    }
}

#[test]
fn sentence_ends_found_by_bytes() {
    let texts = [
        "",
        "标题",
        "一、标题：",
        "（一）标题，",
        "完成。",
        "是否？",
        "a;b",
        "《条例》",
    ];
    let ends: Vec<String> = SENTENCE_END.iter().map(|c| format!("句{c}")).collect();
    let more = ["完成。是否？a;b", "a;b。c!d", "，。，；，"];
    let all = texts
        .into_iter()
        .chain(ends.iter().map(String::as_str))
        .chain(more);
    for text in all {
        assert_eq!(
            has_sentence_end(text),
            text.contains(SENTENCE_END),
            "{text}"
        );
        let mark = |(at, c): (usize, char)| (at, at + c.len_utf8());
        let is_end = |&(_, c): &(usize, char)| SENTENCE_END.contains(&c);
        let first = text.char_indices().find(is_end).map(mark);
        let last = text.char_indices().rev().find(is_end).map(mark);
        assert_eq!(SENTENCE_ENDS.find(text), first, "{text}");
        assert_eq!(SENTENCE_ENDS.rfind(text), last, "{text}");
    }
    assert!(SENTENCE_ENDS.is_searchable());
}

#[test]
fn chars_from_crosses_pieces() {
    let input = "ab cd";
    let pieces = [Span::new(0, 2), Span::new(3, 5)];
    let got: Vec<_> = chars_from(input, &pieces, 1).collect();
    assert_eq!(got, [(1, 'b'), (3, 'c'), (4, 'd')]);
    assert_eq!(text_of(input, &pieces, Span::new(1, 4)), "bc");
}

#[test]
fn how_lines_open_and_end() {
    use {Ending::*, Opening::*};
    // (line, opening, ending, joins the next line when the text is not hard-wrapped)
    let cases = [
        ("一、", MarkerAlone(6), Open, true),
        ("（一）", MarkerAlone(9), Closed, true),
        ("一、总体要求", Marker(6), Open, false),
        ("（一）加强学习。", Marker(9), Closed, false),
        ("1.严格落实，推进。继续", Marker(2), AfterSentence, true),
        (
            "一是健全机制。严格落实，党委",
            Marker(6),
            AfterSentence,
            true,
        ),
        ("正文没有结束", Text, Open, false),
        ("正文。", Text, Closed, false),
        ("2024年度工作", Text, Open, false),
        ("所谓“三重一大”", Text, Closed, false),
    ];
    for (line, opening, ending, joins) in cases {
        let read = Line::read(line, Span::new(0, line.len()), &mut Vec::new());
        assert_eq!((read.opening, read.ending), (opening, ending), "{line}");
        assert_eq!(joins_next(&read, None), joins, "{line}");
    }
}

#[test]
fn paragraphs_remember_the_marker_they_open_with() {
    let input = "标题\n正文。\n一、\n总体要求\n（二）加强学习。\n1.严格落实，推进\n工作。\n一是健全；二是完善。\n2024年度工作。\n第一章 总则\n";
    let doc = normalize(input);
    let mut with_marker = 0;
    for paragraph in &doc.paragraphs {
        let first = &input[paragraph.pieces()[0].range()];
        let parsed = numbering::marker::<nom::error::Error<&str>>(first)
            .map_or(0, |(rest, _)| first.len() - rest.len());
        assert_eq!(paragraph.marker_len(), parsed, "{first}");
        with_marker += usize::from(parsed > 0);
    }
    assert_eq!(with_marker, 5);
    let from_span = Paragraph::from_span(
        input,
        Span::new(input.find("（二）").unwrap_or(0), input.len()),
    );
    assert_eq!(from_span.marker_len(), "（二）".len());
}
