//! Junk lines and marks that extraction leaves in a report: web-page bars (来源: …
//! 发布时间: … 字体: …), page numbers (— 3 —, 第3页), and `[bookmark: …]` residue. Each
//! is dropped from the text and reported as a [`Dropped`], never lost.

use super::{Dropped, DroppedKind, Pieces, is_blank};
use crate::Span;

/// Web-page bars and page numbers are at most this many bytes (120 CJK characters).
pub(super) const MAX_JUNK_LINE: usize = 360;

/// Splits `span` around every `[bookmark: …]`, reporting each.
pub(super) fn remove_bookmarks(input: &str, span: Span, dropped: &mut Vec<Dropped>) -> Pieces {
    let mut pieces = Pieces::new();
    let mut at = span.start;
    while let Some(found) = input[at..span.end].find("[bookmark:") {
        let open = at + found;
        let Some(close) = input[open..span.end].find(']') else {
            break;
        };
        let close = open + close + 1;
        dropped.push(Dropped {
            kind: DroppedKind::Bookmark,
            span: Span::new(open, close),
        });
        push_trimmed(input, &mut pieces, Span::new(at, open));
        at = close;
    }
    push_trimmed(input, &mut pieces, Span::new(at, span.end));
    pieces
}

fn push_trimmed(input: &str, pieces: &mut Pieces, span: Span) {
    let text = &input[span.range()];
    let start = span.start + (text.len() - text.trim_start_matches(is_blank).len());
    let end = span.start + text.trim_end_matches(is_blank).len();
    if start < end {
        pieces.push(Span::new(start, end));
    }
}

/// Keys of the metadata bar that web pages print above an article.
pub(crate) const WEB_HEADER_KEYS: &[&str] = &[
    "来源",
    "发布时间",
    "发布日期",
    "字体",
    "浏览次数",
    "累计次数",
    "点击数",
    "阅读次数",
    "访问量",
    "作者",
    "索引号",
    "发布机构",
    "发文机关",
    "生成日期",
    "成文日期",
    "信息来源",
    "分类",
    "打印",
    "关闭",
    "分享到",
    "编辑",
];

// `junk_kind` keeps one bit per key in a u32.
const _: () = assert!(WEB_HEADER_KEYS.len() <= 32);

/// What kind of junk a whole line is, if it is junk.
pub(super) fn junk_kind(line: &str) -> Option<DroppedKind> {
    if is_page_number(line) {
        return Some(DroppedKind::PageNumber);
    }
    if line.starts_with("当前位置") {
        return Some(DroppedKind::WebHeader);
    }
    // Every bar field ends in a colon or a closing bracket ([打印] 【关闭】). The keys
    // written before one, spaces between, are counted: each is looked at once, and the
    // text before it compared with the keys' ends — a substring search per key would
    // build a searcher per key and line.
    let mut keys = 0u32;
    for_each_field_end(line, |at| {
        let head = line[..at].trim_end_matches(' ');
        for (i, key) in WEB_HEADER_KEYS.iter().enumerate() {
            if head.ends_with(key) {
                keys |= 1 << i;
            }
        }
    });
    (keys.count_ones() >= 2).then_some(DroppedKind::WebHeader)
}

/// Calls `f` with the offset of each colon and closing bracket of `line`: : and ] in
/// ASCII, ： (EF BC 9A) and 】 (E3 80 91). A short line is read byte by byte in one pass;
/// a longer one is searched for the ASCII marks and for the wide ones' lead bytes,
/// which costs less than looking at every byte once the setup of a search pays off.
fn for_each_field_end(line: &str, mut f: impl FnMut(usize)) {
    /// Below this, a plain pass is cheaper than setting up two vector searches.
    const SHORT: usize = 64;
    let bytes = line.as_bytes();
    let is_wide_end = |at: usize| {
        matches!(
            bytes.get(at..at + 3),
            Some([0xEF, 0xBC, 0x9A] | [0xE3, 0x80, 0x91])
        )
    };
    if bytes.len() < SHORT {
        for (at, &b) in bytes.iter().enumerate() {
            if matches!(b, b':' | b']') || matches!(b, 0xE3 | 0xEF) && is_wide_end(at) {
                f(at);
            }
        }
    } else {
        memchr::memchr2_iter(b':', b']', bytes).for_each(&mut f);
        memchr::memchr2_iter(0xE3, 0xEF, bytes)
            .filter(|&at| is_wide_end(at))
            .for_each(f);
    }
}

/// "— 3 —", "- 12 -", "３", "第3页", "第 3 页 共 10 页".
fn is_page_number(line: &str) -> bool {
    let core = line.trim_matches(|c: char| matches!(c, '—' | '–' | '-' | '－' | ' ' | '\u{3000}'));
    let digits = |s: &str| {
        !s.is_empty()
            && s.len() <= 12
            && s.chars().all(|c| crate::numeral::arabic_digit(c).is_some())
    };
    if digits(core) {
        return true;
    }
    let Some(inner) = core.strip_prefix('第') else {
        return false;
    };
    let Some((page, tail)) = inner.split_once('页') else {
        return false;
    };
    let total_ok = tail.trim().is_empty()
        || tail
            .trim()
            .strip_prefix('共')
            .and_then(|t| t.trim().strip_suffix('页'))
            .is_some_and(|t| digits(t.trim()));
    digits(page.trim()) && total_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_header_keys_before_colons() {
        for (line, header) in [
            ("来源：市司法局  发布时间：2025-02-27", true),
            // Longer than 64 bytes: found by the vector searches, not the byte pass.
            (
                "来源：某某市司法局办公室综合科  发布时间：2025-02-27 14:46  浏览次数：123",
                true,
            ),
            (
                "某某市司法局办公室综合科关于进一步做好依法行政工作的通知【打印】",
                false,
            ),
            ("来源 ： 市司法局 发布日期 :2025-02-27", true),
            ("【字体】【打印】【关闭】", true),
            ("[打印] [关闭]", true),
            // One key is a heading or a sentence, not a bar.
            ("来源：市司法局", false),
            // Keys not before a colon.
            ("信息来源和发布时间：另行通知", false),
            ("一、工作来源：群众", false),
            ("主要做法：", false),
        ] {
            assert_eq!(
                junk_kind(line) == Some(DroppedKind::WebHeader),
                header,
                "{line}"
            );
        }
    }

    #[test]
    fn page_numbers() {
        for line in ["— 3 —", "- 12 -", "３", "第3页", "第 3 页 共 10 页"] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["3个", "第三页", "共计3页", "— 说明 —"] {
            assert!(!is_page_number(line), "{line}");
        }
    }
}
