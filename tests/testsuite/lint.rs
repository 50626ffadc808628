//! The `lint` example's renderer: rustc-style output whose caret sits under the span on
//! lines of Chinese text, where every character is two columns wide.

#[path = "../../examples/lint/render.rs"]
mod render;

use gongwen::Diagnostic;

/// Display columns, counted independently of the renderer: East Asian Wide and
/// Fullwidth characters (CJK ideographs, CJK punctuation, full-width forms) take two.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// In rendered output, the source line that shows `spanned` and the caret line under
/// it: (display column of `spanned`, its width, column of the first caret, carets).
fn alignment(rendered: &str, spanned: &str) -> Option<(usize, usize, usize, usize)> {
    let lines: Vec<&str> = rendered.lines().collect();
    lines.windows(2).find_map(|pair| {
        let [source, carets] = pair else { return None };
        let source = &source[source.find('|')? + 1..];
        let carets = &carets[carets.find('|')? + 1..];
        let at = source.find(spanned)?;
        let first = carets.find('^')?;
        let count = carets[first..].chars().take_while(|&c| c == '^').count();
        Some((width(&source[..at]), width(spanned), first, count))
    })
}

fn only(input: &str, code: &str) -> Diagnostic {
    let mut found: Vec<Diagnostic> = gongwen::parse(input)
        .diagnostics
        .into_iter()
        .filter(|d| d.code.name() == code)
        .collect();
    assert_eq!(found.len(), 1, "{code} in {input:?}");
    found.remove(0)
}

fn assert_aligned(input: &str, code: &str, spanned: &str) -> String {
    let diagnostic = only(input, code);
    assert_eq!(&input[diagnostic.span.range()], spanned);
    let rendered = render::render("report.txt", input, &diagnostic, false);
    let (column, span_width, caret, carets) =
        alignment(&rendered, spanned).unwrap_or_else(|| panic!("no caret line in\n{rendered}"));
    assert_eq!(
        (caret, carets),
        (column, span_width),
        "caret misplaced in\n{rendered}"
    );
    rendered
}

#[test]
fn caret_after_chinese_text() {
    // 。 after ten wide characters: the caret is at column 20 of the text, two wide.
    let input =
        "一、总体要求\n二、依法开展疫情防控。\n新冠肺炎疫情发生以来，我镇全面落实防控要求。\n";
    let rendered = assert_aligned(input, "heading_punctuation", "。");
    assert!(
        rendered.starts_with("info[heading_punctuation]: "),
        "{rendered}"
    );
    assert!(rendered.contains("--> report.txt:2:11\n"), "{rendered}");
    assert!(rendered.contains("help: remove `。`"), "{rendered}");
}

#[test]
fn caret_after_mixed_ascii_and_chinese() {
    // Narrow digits, a half-width comma and “ ” (narrow) among wide characters.
    let input = "一、甲\n2020年,我镇全面落实“三项制度”。一是加强学习。\n二、乙\n";
    let rendered = assert_aligned(input, "inline_sequence", "一是");
    assert!(rendered.contains("--> report.txt:2:20\n"), "{rendered}");
}

#[test]
fn caret_in_a_long_line_that_is_trimmed() {
    // A paragraph-long line is cut around the span, as rustc does; the caret follows.
    let input = format!(
        "一、甲\n{}一是加强学习。\n二、乙\n",
        "很长的句子，".repeat(40).replacen('，', "。", 40)
    );
    let rendered = assert_aligned(&input, "inline_sequence", "一是");
    assert!(rendered.contains("..."), "not trimmed:\n{rendered}");
}

#[test]
fn caret_under_a_marker_with_its_fix() {
    let input = "一、甲\n1.子\n2.丑\n3、寅\n二、乙\n1.卯\n2.辰\n";
    let rendered = assert_aligned(input, "mixed_delimiter", "3、");
    assert!(
        rendered.starts_with("warning[mixed_delimiter]: "),
        "{rendered}"
    );
    assert!(
        rendered.contains("help: replace `3、` with `3.`"),
        "{rendered}"
    );
    assert!(rendered.contains("+ 3.寅"), "{rendered}");
}
