//! The outline: which paragraphs open sections, how deep each one sits, where a heading
//! ends and its body begins, and the inline enumerations (一是…二是…) inside bodies.
//!
//! Depth comes from a stack of open sections, not from a fixed table:
//!
//! 1. a marker whose scheme is already open on the stack is a sibling at that depth
//!    ("1." and "3、" are one scheme, so a mixed list stays one list);
//! 2. a scheme that ranks lower than the innermost open one (一、 > （一） > 1. > （1） > ①)
//!    opens a child — one level down even when ranks are skipped, so 一、 straight to 1.
//!    gives depth 2, never an empty level;
//! 3. a scheme that ranks higher, but that the document has already nested under the
//!    innermost scheme, or that starts at 1 under a section with no children yet, is
//!    still a child — the author's order wins — and the inversion is recorded;
//! 4. otherwise sections are closed until one ranks above it, and it opens there.
//!
//! A paragraph that opens a section holds its heading: up to the first 。！？ or ：, or the
//! whole line when it has no sentence end. The rest is body. Inline runs (一是, 一要,
//! 第一，) in a section's text — at a paragraph's start or mid-paragraph — become child
//! sections when the run continues (一是 then 二是); a lone 一是 stays text, and is
//! recorded so that diagnostics can point at it. The heading of an inline item is its
//! first sentence, or its first clauses when that sentence is long. Text is never
//! dropped: text after a child belongs to that child (the innermost open section), so
//! reading sections in pre-order gives the document in order.

use std::borrow::Cow;

use crate::grow;
use crate::normalize::{Marks, Paragraph, Pieces, chars_from, clip, span_of, text_of};
use crate::numbering::{self, Marker, Scheme};
use crate::{Section, Span};

/// Paragraphs of a section's text, as pieces: a section holds a few, so they live inline
/// and a section costs no allocation for them.
type Content = smallvec::SmallVec<[Pieces; 4]>;

/// A section opened on a paragraph, before heading and inline items are worked out.
struct Node<'a> {
    marker: Marker<'a>,
    marker_span: Span,
    /// The pieces of the opening paragraph after the marker, then one entry per body
    /// paragraph.
    content: Content,
    /// Its sub-sections, finished as they closed.
    children: Vec<Section<'a>>,
}

/// A level inversion: a child whose scheme ranks above its parent's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Inversion {
    pub(crate) marker_span: Span,
    pub(crate) child: Scheme,
    pub(crate) parent: Scheme,
}

/// An inline marker left as text because its run did not continue: a lone 一是, or a
/// 二是 that repeats the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LoneInline {
    /// The marker span of the section whose text holds it; `None` for the preamble.
    pub(crate) parent: Option<Span>,
    pub(crate) marker_span: Span,
    pub(crate) scheme: Scheme,
    pub(crate) ordinal: u32,
}

/// What [`build`] returns.
pub(crate) struct Outline<'a> {
    pub(crate) preamble: Vec<Span>,
    pub(crate) preamble_text: Cow<'a, str>,
    pub(crate) sections: Vec<Section<'a>>,
    pub(crate) inversions: Vec<Inversion>,
    pub(crate) lone_inline: Vec<LoneInline>,
}

/// Builds the section tree from the body paragraphs of `input`.
pub(crate) fn build<'a, 'p>(
    input: &'a str,
    paragraphs: impl IntoIterator<Item = &'p Paragraph>,
) -> Outline<'a> {
    let mut roots: Vec<Section<'a>> = Vec::new();
    let mut lone_inline: Vec<LoneInline> = Vec::new();
    let mut preamble = Content::new();
    let mut stack: Vec<Node<'a>> = Vec::new();
    let mut nested = NestedPairs::default();
    let mut inversions = Vec::new();
    let mut attachment_list = false;

    for paragraph in paragraphs {
        let pieces = paragraph.pieces();
        let opening = block_marker(input, paragraph)
            .filter(|_| !(attachment_list && is_attachment_line(input, paragraph)));
        attachment_list = starts_attachment_list(input, pieces)
            || (attachment_list && is_attachment_line(input, paragraph));
        let Some((marker, marker_span)) = opening else {
            match stack.last_mut() {
                Some(node) => node.content.push(Pieces::from_slice(pieces)),
                None => preamble.push(Pieces::from_slice(pieces)),
            }
            continue;
        };
        let scheme = marker.scheme;
        let depth = match stack.iter().position(|n| n.marker.scheme == scheme) {
            Some(at) => at,
            None => match stack.last() {
                None => 0,
                Some(top) if rank(scheme) > rank(top.marker.scheme) => stack.len(),
                Some(top) => {
                    let parent = top.marker.scheme;
                    if nested.contains(parent, scheme)
                        || (marker.ordinal == 1 && top.children.is_empty())
                    {
                        inversions.push(Inversion {
                            marker_span,
                            child: scheme,
                            parent,
                        });
                        stack.len()
                    } else {
                        stack
                            .iter()
                            .position(|n| rank(n.marker.scheme) >= rank(scheme))
                            .unwrap_or(stack.len())
                    }
                }
            },
        };
        let done = marker_span.start;
        close_to(input, &mut stack, &mut roots, depth, &mut lone_inline, done);
        if let Some(parent) = stack.last() {
            nested.insert(parent.marker.scheme, scheme);
        }
        let first: Pieces =
            clip(pieces, Span::new(marker_span.end, paragraph.span().end)).collect();
        stack.push(Node {
            marker,
            marker_span,
            content: smallvec::smallvec![first],
            children: Vec::new(),
        });
    }
    close_to(
        input,
        &mut stack,
        &mut roots,
        0,
        &mut lone_inline,
        input.len(),
    );

    let mut root = Finished::default();
    add_inline_items(input, preamble, 0, &mut root, None);
    let preamble_spans: Vec<Span> = root.body.iter().map(|p| span_of(p)).collect();
    let preamble_text = join_paragraphs(input, &root.body);
    // In no particular order (sections close innermost first): the diagnostics group
    // lone markers by the section that holds them and sort each group.
    lone_inline.extend(root.lone);
    let sections = concat(root.items, roots);
    Outline {
        preamble: preamble_spans,
        preamble_text,
        sections,
        inversions,
        lone_inline,
    }
}

fn rank(scheme: Scheme) -> u8 {
    scheme.rank().unwrap_or(u8::MAX)
}

/// Which schemes the document has nested directly under which.
#[derive(Default)]
struct NestedPairs([[bool; Scheme::ALL.len()]; Scheme::ALL.len()]);

impl NestedPairs {
    fn index(scheme: Scheme) -> usize {
        Scheme::ALL.iter().position(|&s| s == scheme).unwrap_or(0)
    }
    fn insert(&mut self, parent: Scheme, child: Scheme) {
        self.0[Self::index(parent)][Self::index(child)] = true;
    }
    fn contains(&self, parent: Scheme, child: Scheme) -> bool {
        self.0[Self::index(parent)][Self::index(child)]
    }
}

/// Closes open sections until `depth` remain: each is finished (heading, body, inline
/// items) and attached to its parent, so no tree of unfinished nodes is ever built.
/// `done` is how far into `input` the outline has read, which sizes the lists the
/// sections go to.
fn close_to<'a>(
    input: &'a str,
    stack: &mut Vec<Node<'a>>,
    roots: &mut Vec<Section<'a>>,
    depth: usize,
    lone: &mut Vec<LoneInline>,
    done: usize,
) {
    while stack.len() > depth {
        let Some(node) = stack.pop() else { break };
        let section = finish(input, node, stack.len() + 1, lone);
        // A list of thousands of siblings (a section per line) grows from the share of
        // text read: doubling copied every section again on the way.
        let siblings = match stack.last_mut() {
            Some(parent) => &mut parent.children,
            None => &mut *roots,
        };
        grow::reserve_for_rest(siblings, done, input.len());
        siblings.push(section);
    }
}

/// The block marker that opens the paragraph, if any.
fn block_marker<'a>(input: &'a str, paragraph: &Paragraph) -> Option<(Marker<'a>, Span)> {
    // Most paragraphs open with no marker, which normalization found out.
    if paragraph.marker_len() == 0 {
        return None;
    }
    let first = paragraph.pieces().first()?;
    let text = &input[first.range()];
    let (rest, marker) = numbering::marker::<nom::error::Error<&str>>(text).ok()?;
    if marker.scheme.is_inline() {
        return None;
    }
    let end = first.start + (text.len() - rest.len());
    Some((marker, Span::new(first.start, end)))
}

/// "附件：1.……" opens the list of attachments (GB/T 9704 §7.3.4), whose "1." lines are
/// not headings.
fn starts_attachment_list(input: &str, pieces: &[Span]) -> bool {
    pieces.first().is_some_and(|p| {
        let text = &input[p.range()];
        text.strip_prefix("附件")
            .and_then(|t| t.strip_prefix(['：', ':']))
            .is_some_and(|t| numbering::arabic::<nom::error::Error<&str>>(t.trim_start()).is_ok())
    })
}

/// A numbered attachment name: short, with no sentence in it.
fn is_attachment_line(input: &str, paragraph: &Paragraph) -> bool {
    let text = paragraph.text(input);
    text.chars().count() <= 60 && !text.contains(['。', '；', '！', '？'])
}

/// A section or item once its heading, body and children are known.
#[derive(Default)]
struct Finished<'a> {
    /// Body paragraphs (pieces), before the first item.
    body: Content,
    items: Vec<Section<'a>>,
    /// Inline markers whose run did not continue, left in the text.
    lone: Vec<LoneInline>,
}

/// Turns a node into a section: heading, body, inline items, then its block children,
/// already finished.
/// Inline markers left as text are added to `lone`.
fn finish<'a>(
    input: &'a str,
    node: Node<'a>,
    level: usize,
    lone: &mut Vec<LoneInline>,
) -> Section<'a> {
    let Node {
        marker,
        marker_span,
        mut content,
        children,
    } = node;
    let first = content.first().map(Pieces::as_slice).unwrap_or_default();
    let heading_start = first_text_offset(input, first, marker_span.end);
    let (heading_span, body_start) = block_heading(input, first, heading_start);
    let heading = text_of(input, first, heading_span);
    if let Some(first) = content.first_mut() {
        first.retain_mut(|p| {
            p.start = p.start.max(body_start);
            p.start < p.end
        });
    }
    let mut done = Finished::default();
    add_inline_items(input, content, level, &mut done, Some(heading_span.end));
    lone.extend(done.lone.iter().map(|l| LoneInline {
        parent: Some(marker_span),
        ..*l
    }));
    let mut section = Section::new(marker, marker_span, level);
    section.heading = trim_cow(heading);
    section.heading_span = heading_span;
    section.paragraphs = done.body.iter().map(|p| span_of(p)).collect();
    section.body = join_paragraphs(input, &done.body);
    section.children = concat(done.items, children);
    section.span = section_span(&section);
    section
}

/// `first` then `second`, moving whichever is empty out of the way rather than copying
/// the other, and with no spare room: sections hold them for the report's life.
fn concat<T>(mut first: Vec<T>, mut second: Vec<T>) -> Vec<T> {
    if first.is_empty() {
        first = second;
    } else {
        first.append(&mut second);
    }
    first.shrink_to_fit();
    first
}

fn section_span(section: &Section<'_>) -> Span {
    let mut span = section.marker_span.cover(section.heading_span);
    for p in &section.paragraphs {
        span = span.cover(*p);
    }
    if let Some(last) = section.children.last() {
        span = span.cover(last.span);
    }
    span
}

/// The offset of the first non-blank character at or after `from`.
fn first_text_offset(input: &str, pieces: &[Span], from: usize) -> usize {
    chars_from(input, pieces, from)
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(from, |(at, _)| at)
}

/// What ends a block heading: a sentence end or a colon.
const HEADING_ENDS: Marks = Marks {
    chars: &['。', '！', '？', '：', '!', '?', ':'],
    ascii: *b"!?:",
};

/// The heading of a block section and where its body starts: up to the first sentence
/// end or colon, or the whole paragraph when it has neither. Found by byte searches, so
/// that a heading paragraph with none (one long line) is not decoded char by char.
fn block_heading(input: &str, pieces: &[Span], from: usize) -> (Span, usize) {
    let end = pieces.last().map_or(from, |p| p.end.max(from));
    for piece in clip(pieces, Span::new(from, end)) {
        if let Some((at, after)) = HEADING_ENDS.find(&input[piece.range()]) {
            return (Span::new(from, piece.start + at), piece.start + after);
        }
    }
    (Span::new(from, end), end)
}

/// Where an inline item's heading ends (exclusive) and its body starts.
///
/// The first sentence (to 。！？；) when it is at most [`MAX_ITEM_HEADING`] chars; else its
/// first clauses (split at ，：) until at least [`MIN_ITEM_HEADING`] chars.
fn item_heading(input: &str, pieces: &[Span], from: usize, end: usize) -> (Span, usize) {
    let mut first_clause = None;
    let mut count = 0;
    for (at, c) in chars_from(input, pieces, from).take_while(|&(at, _)| at < end) {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';') {
            return match first_clause {
                Some(clause) if count > MAX_ITEM_HEADING => clause,
                _ => (Span::new(from, at), at + c.len_utf8()),
            };
        }
        if first_clause.is_none()
            && count >= MIN_ITEM_HEADING
            && matches!(c, '，' | ',' | '：' | ':')
        {
            first_clause = Some((Span::new(from, at), at + c.len_utf8()));
        }
        count += 1;
    }
    match first_clause {
        Some(clause) if count > MAX_ITEM_HEADING => clause,
        _ => (Span::new(from, end), end),
    }
}

const MAX_ITEM_HEADING: usize = 30;
const MIN_ITEM_HEADING: usize = 8;

/// An inline marker found in running text.
struct Candidate<'a> {
    marker: Marker<'a>,
    span: Span,
    paragraph: usize,
}

/// Finds the inline markers of `content` whose runs continue, turns each run's items
/// into child sections of `level + 1`, and leaves the text before the first item as body.
/// The markers whose runs do not continue stay text, and go to `out.lone`.
fn add_inline_items<'a>(
    input: &'a str,
    content: Content,
    level: usize,
    out: &mut Finished<'a>,
    after: Option<usize>,
) {
    let candidates = inline_candidates(input, &content, after.unwrap_or(0));
    let accepted = accepted_runs(&candidates);
    out.lone = candidates
        .iter()
        .enumerate()
        .filter(|(i, _)| accepted.binary_search(i).is_err())
        .map(|(_, c)| LoneInline {
            parent: None,
            marker_span: c.span,
            scheme: c.marker.scheme,
            ordinal: c.marker.ordinal,
        })
        .collect();
    let Some(&first) = accepted.first() else {
        out.body = content.into_iter().filter(|p| !p.is_empty()).collect();
        return;
    };
    let first_at = candidates[first].span.start;
    let first_paragraph = candidates[first].paragraph;
    out.body = content[..first_paragraph]
        .iter()
        .cloned()
        .chain(std::iter::once(
            clip(&content[first_paragraph], Span::new(0, first_at)).collect(),
        ))
        .filter(|p: &Pieces| !p.is_empty())
        .collect();
    for (n, &index) in accepted.iter().enumerate() {
        let candidate = &candidates[index];
        let next = accepted.get(n + 1).map(|&i| &candidates[i]);
        let (end_paragraph, end_at) = match next {
            Some(next) => (next.paragraph, next.span.start),
            None => (content.len().saturating_sub(1), usize::MAX),
        };
        let mut item_content = Content::new();
        for (p, pieces) in content
            .iter()
            .enumerate()
            .take(end_paragraph + 1)
            .skip(candidate.paragraph)
        {
            let from = if p == candidate.paragraph {
                candidate.span.end
            } else {
                0
            };
            let to = if p == end_paragraph {
                end_at
            } else {
                usize::MAX
            };
            item_content.push(clip(pieces, Span::new(from, to)).collect());
        }
        let first_pieces = item_content.first().cloned().unwrap_or_default();
        let text_end = first_pieces.last().map_or(candidate.span.end, |p| p.end);
        let heading_start = first_text_offset(input, &first_pieces, candidate.span.end);
        let (heading_span, body_start) =
            item_heading(input, &first_pieces, heading_start, text_end);
        if let Some(first) = item_content.first_mut() {
            *first = clip(&first_pieces, Span::new(body_start, usize::MAX)).collect();
        }
        let body: Content = item_content.into_iter().filter(|p| !p.is_empty()).collect();
        let mut item = Section::new(candidate.marker.clone(), candidate.span, level + 1);
        item.heading = trim_cow(text_of(input, &first_pieces, heading_span));
        item.heading_span = heading_span;
        item.paragraphs = body.iter().map(|p| span_of(p)).collect();
        item.body = join_paragraphs(input, &body);
        item.span = section_span(&item);
        out.items.push(item);
    }
}

/// Every inline marker in `content` after offset `after`, where the character before it
/// allows one.
fn inline_candidates<'a>(input: &'a str, content: &[Pieces], after: usize) -> Vec<Candidate<'a>> {
    let mut found = Vec::new();
    let mut starts = Vec::new();
    for (paragraph, pieces) in content.iter().enumerate() {
        for (n, piece) in pieces.iter().enumerate() {
            let text = &input[piece.range()];
            inline_starts(text, &mut starts);
            let mut resume = 0;
            for &hit in &starts {
                let offset = piece.start + hit;
                if hit < resume || offset < after {
                    continue;
                }
                // The character before: in this piece, else at the end of the previous one.
                let prev = match text[..hit].chars().next_back() {
                    Some(p) => Some(p),
                    None if n > 0 => input[pieces[n - 1].range()].chars().next_back(),
                    None => None,
                };
                if !numbering::may_precede_inline(prev) {
                    continue;
                }
                let Ok((rest, marker)) = numbering::marker::<nom::error::Error<&str>>(&text[hit..])
                else {
                    continue;
                };
                if !marker.scheme.is_inline() {
                    continue;
                }
                let end = piece.end - rest.len();
                resume = end - piece.start;
                found.push(Candidate {
                    marker,
                    span: Span::new(offset, end),
                    paragraph,
                });
            }
        }
    }
    found
}

/// Where an inline marker can start in `text`, in order: each 第, and the start of the
/// numeral before each 是 and 要 (一是, 十二要).
///
/// One vectorized search for the middle bytes of the three words (第 E7 AC AC, 是 E6 98
/// AF, 要 E8 A6 81), each hit checked against the whole word, and a step back over the
/// numeral: several times faster than decoding every character to find numerals, most
/// of which open no marker. A word's three bytes starting with its lead byte are that
/// character, never the tail of another (UTF-8 lead bytes are never continuation bytes).
fn inline_starts(text: &str, starts: &mut Vec<usize>) {
    starts.clear();
    let bytes = text.as_bytes();
    for middle in memchr::memchr3_iter(0xAC, 0x98, 0xA6, bytes) {
        let Some(at) = middle.checked_sub(1) else {
            continue;
        };
        match bytes.get(at..middle + 2) {
            Some(word) if word == "第".as_bytes() => starts.push(at),
            Some(word) if word == "是".as_bytes() || word == "要".as_bytes() => {
                let numeral_at = text[..at]
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| crate::numeral::is_chinese_numeral_char(c))
                    .last()
                    .map(|(at, _)| at);
                // The numeral must open with a character that starts numbers (not 零).
                if let Some(n) = numeral_at.filter(|&n| crate::numeral::starts_number(&text[n..])) {
                    starts.push(n);
                }
            }
            _ => {}
        }
    }
    // In order already: a numeral run holds no 第, 是 or 要, so it cannot reach back
    // past an earlier hit.
    debug_assert!(starts.is_sorted());
}

/// Indices of the candidates that belong to a run of at least two items of one scheme
/// with rising ordinals.
fn accepted_runs(candidates: &[Candidate<'_>]) -> Vec<usize> {
    let mut accepted = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, accepted: &mut Vec<usize>| {
        if run.len() >= 2 {
            accepted.append(run);
        }
        run.clear();
    };
    for (i, candidate) in candidates.iter().enumerate() {
        let continues = run.last().is_some_and(|&last| {
            let last = &candidates[last];
            last.marker.scheme == candidate.marker.scheme
                && candidate.marker.ordinal > last.marker.ordinal
        });
        if !continues {
            flush(&mut run, &mut accepted);
        }
        run.push(i);
    }
    flush(&mut run, &mut accepted);
    accepted.sort_unstable();
    accepted
}

/// The paragraphs' texts joined by newlines: borrowed when there is one single-piece
/// paragraph.
fn join_paragraphs<'a>(input: &'a str, paragraphs: &[Pieces]) -> Cow<'a, str> {
    match paragraphs {
        [] => Cow::Borrowed(""),
        [only] => text_of(input, only, span_of(only)),
        many => {
            // Sized exactly: a body lives as long as the report, and one grown by
            // doubling keeps up to half of itself unused.
            let len = many.iter().flatten().map(|p| p.len()).sum::<usize>() + (many.len() - 1);
            let mut text = String::with_capacity(len);
            for (i, p) in many.iter().enumerate() {
                if i > 0 {
                    text.push('\n');
                }
                for piece in p {
                    text.push_str(&input[piece.range()]);
                }
            }
            Cow::Owned(text)
        }
    }
}

fn trim_cow(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) if s.trim().len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(s.trim().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ends_found_by_bytes() {
        let naive = |text: &str| {
            text.char_indices()
                .find(|&(_, c)| HEADING_ENDS.chars.contains(&c))
                .map(|(at, c)| (at, at + c.len_utf8()))
        };
        for text in [
            "",
            "健全机制",
            "健全机制。正文",
            "主要做法：一是",
            "标题，、；“”《》（一）继续",
            "Q?a",
            "完成！Done!",
            "a:b：c",
            "是否？",
            "、，；",
        ] {
            assert_eq!(HEADING_ENDS.find(text), naive(text), "{text}");
        }
        assert!(HEADING_ENDS.is_searchable());
    }

    #[test]
    fn inline_starts_step_back_over_the_numeral() {
        let text = "统一是，十二要；第三，零一是要求";
        let mut starts = Vec::new();
        inline_starts(text, &mut starts);
        let at: Vec<&str> = starts.iter().map(|&i| &text[i..]).collect();
        // 统一是: the numeral 一 (its word is checked later); 十二要; 第三; not 零一是
        // (零 starts no number); 要求 has no numeral before it.
        assert_eq!(
            at,
            [
                "一是，十二要；第三，零一是要求",
                "十二要；第三，零一是要求",
                "第三，零一是要求"
            ]
        );
        // The byte search finds what a search for the words finds.
        let texts = [
            "一是加强学习，二是严格落实；第一，第二次。十要求是第",
            "是要第",
            "第第是是要要一是二要三是",
            "1是a第b要，五十六是，九九要",
        ];
        for text in texts {
            let mut expected: Vec<usize> = ["第", "是", "要"]
                .iter()
                .flat_map(|w| text.match_indices(w))
                .filter_map(|(at, w)| {
                    if w == "第" {
                        return Some(at);
                    }
                    let before = &text[..at];
                    let run = before.len()
                        - before
                            .trim_end_matches(crate::numeral::is_chinese_numeral_char)
                            .len();
                    let numeral = at - run;
                    (run > 0 && crate::numeral::starts_number(&text[numeral..])).then_some(numeral)
                })
                .collect();
            expected.sort_unstable();
            inline_starts(text, &mut starts);
            assert_eq!(starts, expected, "{text}");
        }
    }
}
