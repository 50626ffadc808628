//! From raw text to paragraphs: line ends, indentation, conversion junk, PDF hard wraps.
//!
//! Real reports reach us through Word-to-text converters, web pages and PDF extraction.
//! [`normalize`] undoes what those did, without ever copying or rewriting the input: a
//! [`Paragraph`] is a list of byte spans ("pieces") into the original text whose
//! concatenation is the paragraph's clean text, and everything left out is either
//! whitespace or reported as [`Dropped`].
//!
//! What it handles:
//! - a byte-order mark, `\r\n` and lone `\r` line ends;
//! - indentation with spaces, tabs, NBSP or U+3000, and trailing whitespace;
//! - `[bookmark: _GoBack]` left by Word converters, anywhere in a line;
//! - web-page header lines (来源: … 发布时间: … 字体: …) and page numbers (— 3 —);
//! - a title repeated in the front matter;
//! - spaces PDF extraction puts between CJK characters and digits ("2023 年" → "2023年");
//! - hard wraps: a line is re-joined to the next one — across blank lines too — when it
//!   stops mid-sentence (it holds a 。 but does not end with one), or, in text whose
//!   lines mostly share one width, when it runs to that width without ending a sentence.
//!   A line that starts with a numbering marker and holds no sentence end is a standalone
//!   heading and is never joined to what follows.
//!
//! ```
//! use gongwen::normalize::normalize;
//! let input = "（一）行政执法队伍专业度有待提高。执法人员专业水\n\n平参差不齐。\n";
//! let doc = normalize(input);
//! assert_eq!(doc.paragraphs.len(), 1);
//! assert_eq!(doc.paragraphs[0].text(input), "（一）行政执法队伍专业度有待提高。执法人员专业水平参差不齐。");
//! ```

use std::borrow::Cow;

use crate::Span;
use crate::numbering;

mod junk;

pub(crate) use junk::WEB_HEADER_KEYS;
use junk::{MAX_JUNK_LINE, junk_kind, remove_bookmarks};

/// The pieces of a line or paragraph. Most have one piece, which this keeps inline: a
/// report's hundreds of lines then cost no allocation each.
pub(crate) type Pieces = smallvec::SmallVec<[Span; 1]>;

/// Junk left out of the paragraphs, reported so that no text disappears silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Dropped {
    /// What it was.
    pub kind: DroppedKind,
    /// Where it was.
    pub span: Span,
}

/// The kinds of [`Dropped`] text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DroppedKind {
    /// A byte-order mark (U+FEFF).
    ByteOrderMark,
    /// Word-converter residue such as `[bookmark: _GoBack]`.
    Bookmark,
    /// A web-page header line: 来源、发布时间、字体、浏览次数 ….
    WebHeader,
    /// A page number line: "— 3 —", "第3页".
    PageNumber,
    /// A second copy of the title in the front matter.
    RepeatedTitle,
}

/// One paragraph of clean text, as pieces of the original input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pieces: Pieces,
    /// Whether the paragraph is in the front matter: the lines before the first one
    /// that reads as body text (a sentence, or a numbered line).
    pub front: bool,
    /// The length of the numbering marker its first line opens with (0 for none), found
    /// when the line was read, so that the metric scan and the outline need not try
    /// again (a `u32` fills the room left beside `front`; no marker is that long).
    marker_len: u32,
}

impl Paragraph {
    /// The paragraph of one piece of `input`.
    pub(crate) fn from_span(input: &str, span: Span) -> Paragraph {
        Paragraph {
            pieces: smallvec::smallvec![span],
            front: false,
            marker_len: Opening::of(&input[span.range()], 1).marker_len(),
        }
    }

    /// The length in bytes of the numbering marker (block or inline) that the
    /// paragraph's first line opens with, or 0.
    pub(crate) fn marker_len(&self) -> usize {
        self.marker_len as usize
    }

    /// The pieces of the input whose concatenation is the paragraph's text, in order.
    pub fn pieces(&self) -> &[Span] {
        &self.pieces
    }

    /// From the start of the first piece to the end of the last.
    pub fn span(&self) -> Span {
        span_of(&self.pieces)
    }

    /// The paragraph's text: borrowed when it is one piece of `input`.
    pub fn text<'a>(&self, input: &'a str) -> Cow<'a, str> {
        text_of(input, &self.pieces, self.span())
    }
}

/// The result of [`normalize`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Normalized {
    /// The paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Junk left out, in order.
    pub dropped: Vec<Dropped>,
}

/// Splits `input` into clean paragraphs (see the [module docs](self)).
pub fn normalize(input: &str) -> Normalized {
    let mut dropped = Vec::new();
    let mut lines: Vec<Line> = physical_lines(input)
        .map(|span| Line::read(input, span, &mut dropped))
        .collect();
    let front_end = front_matter_end(input, &lines);
    let width = modal_width(&lines[front_end..]);

    let mut paragraphs = Vec::new();
    let mut front_texts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        i += 1;
        if line.kind != LineKind::Content {
            continue;
        }
        if i <= front_end {
            let text = text_of(input, &line.pieces, line.span());
            if front_texts.iter().any(|t| *t == text) {
                dropped.push(Dropped {
                    kind: DroppedKind::RepeatedTitle,
                    span: line.span(),
                });
            } else {
                front_texts.push(text.into_owned());
                paragraphs.push(Paragraph {
                    pieces: line.pieces.clone(),
                    front: true,
                    marker_len: line.opening.marker_len(),
                });
            }
            continue;
        }
        // Each line's pieces move into its paragraph: decide whether a line joins the
        // next before taking them.
        let mut joins = joins_next(line, width);
        let marker_len = line.opening.marker_len();
        let mut pieces = std::mem::take(&mut lines[i - 1].pieces);
        while joins {
            let Some(next) = lines[i..].iter().position(|l| l.kind == LineKind::Content) else {
                break;
            };
            let next_line = &mut lines[i + next];
            if next_line.opening != Opening::Text {
                break;
            }
            joins = joins_next(next_line, width);
            pieces.append(&mut next_line.pieces);
            i += next + 1;
        }
        paragraphs.push(Paragraph {
            pieces,
            front: false,
            marker_len,
        });
    }
    dropped.sort_by_key(|d| d.span.start);
    Normalized {
        paragraphs,
        dropped,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineKind {
    Blank,
    Junk,
    Content,
}

/// One physical line after cleaning.
#[derive(Debug)]
struct Line {
    kind: LineKind,
    pieces: Pieces,
    /// Length of the clean text in `char`s.
    chars: usize,
    /// How the clean text begins and ends, read with the rest of the line: whether the
    /// line joins the next is decided from these without reading it again (on a large
    /// input the line has left the cache by then).
    opening: Opening,
    ending: Ending,
}

/// How a content line begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opening {
    Text,
    /// A numbering marker of this many bytes, with text after it.
    Marker(u32),
    /// A numbering marker of this many bytes and nothing else: its heading is on the
    /// next line.
    MarkerAlone(u32),
}

impl Opening {
    /// How `first`, the first piece of a line of `pieces` pieces, begins.
    fn of(first: &str, pieces: usize) -> Opening {
        let Ok((rest, _)) = numbering::marker::<nom::error::Error<&str>>(first) else {
            return Opening::Text;
        };
        // Markers are a few characters long; one that is not is no marker to remember.
        let Ok(len) = u32::try_from(first.len() - rest.len()) else {
            return Opening::Text;
        };
        if rest.trim().is_empty() && pieces == 1 {
            Opening::MarkerAlone(len)
        } else {
            Opening::Marker(len)
        }
    }

    fn marker_len(self) -> u32 {
        match self {
            Opening::Text => 0,
            Opening::Marker(len) | Opening::MarkerAlone(len) => len,
        }
    }
}

/// How a content line ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    /// In a [`LINE_END`] mark: the sentence ends with the line.
    Closed,
    /// In anything else, with a [`SENTENCE_END`] mark earlier in the line.
    AfterSentence,
    /// In anything else, with no sentence end in the line.
    Open,
}

impl Line {
    fn span(&self) -> Span {
        span_of(&self.pieces)
    }

    /// Cleans the line at `span`: indentation, bookmarks, PDF spaces; classifies it.
    fn read(input: &str, span: Span, dropped: &mut Vec<Dropped>) -> Line {
        let raw = &input[span.range()];
        let mut start = span.start;
        for (at, c) in raw.char_indices() {
            if c == '\u{feff}' {
                dropped.push(Dropped {
                    kind: DroppedKind::ByteOrderMark,
                    span: Span::new(span.start + at, span.start + at + c.len_utf8()),
                });
            } else if !is_blank(c) {
                break;
            }
            start = span.start + at + c.len_utf8();
        }
        let end = start + input[start..span.end].trim_end_matches(is_blank).len();
        let mut pieces = Pieces::new();
        if start < end {
            pieces.push(Span::new(start, end));
        }
        // A byte search first: building a substring searcher per line costs more than
        // the line.
        if memchr::memchr(b'[', &input.as_bytes()[start..end]).is_some()
            && input[start..end].contains("[bookmark:")
        {
            pieces = remove_bookmarks(input, Span::new(start, end), dropped);
        }
        let text_span = match (pieces.first(), pieces.last()) {
            (Some(first), Some(last)) => Span::new(first.start, last.end),
            _ => {
                return Line::empty(LineKind::Blank);
            }
        };
        // Junk lines are short; body paragraphs, most lines, are not even looked at.
        let junk = (text_span.len() <= MAX_JUNK_LINE)
            .then(|| junk_kind(&input[text_span.range()]))
            .flatten();
        if let Some(kind) = junk {
            dropped.push(Dropped {
                kind,
                span: text_span,
            });
            return Line::empty(LineKind::Junk);
        }
        if has_inner_blank(&input[text_span.range()]) {
            pieces = pieces
                .into_iter()
                .flat_map(|piece| remove_pdf_spaces(input, piece))
                .collect();
        }
        let chars = pieces
            .iter()
            .map(|p| input[p.range()].chars().count())
            .sum();
        let (opening, ending) = shape(input, &pieces);
        Line {
            kind: LineKind::Content,
            pieces,
            chars,
            opening,
            ending,
        }
    }

    fn empty(kind: LineKind) -> Line {
        Line {
            kind,
            pieces: Pieces::new(),
            chars: 0,
            opening: Opening::Text,
            ending: Ending::Closed,
        }
    }
}

/// How the line made of `pieces` begins and ends.
fn shape(input: &str, pieces: &[Span]) -> (Opening, Ending) {
    let last = pieces.last().map_or("", |p| &input[p.range()]);
    let ending = match last.chars().next_back() {
        Some(end) if LINE_END.contains(&end) => Ending::Closed,
        Some(_) if pieces.iter().any(|p| has_sentence_end(&input[p.range()])) => {
            Ending::AfterSentence
        }
        Some(_) => Ending::Open,
        // No text: nothing to join (content lines have text).
        None => Ending::Closed,
    };
    let first = pieces.first().map_or("", |p| &input[p.range()]);
    (Opening::of(first, pieces.len()), ending)
}

/// Whether `text` holds a space, tab, U+3000 or NBSP, found with two byte searches.
fn has_inner_blank(text: &str) -> bool {
    // Built once: building a substring searcher per line costs more than the line.
    static IDEOGRAPHIC: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    let ideographic =
        IDEOGRAPHIC.get_or_init(|| memchr::memmem::Finder::new("\u{3000}".as_bytes()));
    let bytes = text.as_bytes();
    // A space, a tab, or the lead byte of NBSP (C2 A0), which Chinese text rarely has
    // otherwise: one search for the three.
    memchr::memchr3_iter(b' ', b'\t', 0xC2, bytes)
        .any(|i| bytes[i] != 0xC2 || bytes.get(i + 1) == Some(&0xA0))
        || ideographic.find(bytes).is_some()
}

/// Whitespace as it indents Chinese text: ASCII, NBSP, U+3000, zero-width space, BOM.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// The lines of `input` without their terminators: `\n`, `\r\n` or a lone `\r`.
fn physical_lines(input: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = input.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let from = start;
        let end = memchr::memchr2(b'\n', b'\r', &bytes[from..]).map_or(bytes.len(), |i| from + i);
        start = match (bytes.get(end), bytes.get(end + 1)) {
            (Some(b'\r'), Some(b'\n')) => end + 2,
            (Some(_), _) => end + 1,
            (None, _) => end,
        };
        Some(Span::new(from, end))
    })
}

/// Characters of Chinese text: Han, CJK and full-width punctuation, Chinese quotes.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}'
        | '\u{2018}'..='\u{201F}' | '\u{2460}'..='\u{24FF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Splits `piece` at runs of spaces that PDF extraction put between Chinese characters
/// and digits or letters ("2023 年", "建设 情况"); spaces between two ASCII words stay.
pub(crate) fn remove_pdf_spaces(input: &str, piece: Span) -> Pieces {
    let text = &input[piece.range()];
    let mut pieces = Pieces::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !is_blank(c) {
            prev = Some(c);
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            if !is_blank(next) {
                break;
            }
            end = next_at + next.len_utf8();
            chars.next();
        }
        let next = chars.peek().map(|&(_, c)| c);
        let removable = match (prev, next) {
            (Some(l), Some(r)) => {
                (is_wide(l) && (is_wide(r) || r.is_ascii_alphanumeric()))
                    || (l.is_ascii_alphanumeric() && is_wide(r))
            }
            _ => false,
        };
        if removable {
            pieces.push(Span::new(piece.start + start, piece.start + at));
            start = end;
        }
    }
    pieces.push(Span::new(piece.start + start, piece.end));
    pieces
}

/// Sentence ends: a line holding one of these is body text.
pub(crate) const SENTENCE_END: &[char] = &['。', '！', '？', '；', '!', '?', ';'];

/// [`SENTENCE_END`], for byte searches.
pub(crate) const SENTENCE_ENDS: Marks = Marks {
    chars: SENTENCE_END,
    ascii: *b"!?;",
};

/// Whether `text` holds a [`SENTENCE_END`].
fn has_sentence_end(text: &str) -> bool {
    SENTENCE_ENDS.find(text).is_some()
}

/// Punctuation marks found by byte searches rather than by decoding every character:
/// three ASCII marks, and full-width ones whose UTF-8 starts with E3 (。) or EF (！？；：
/// and the other U+FFxx forms) — lead bytes that start few other characters of Chinese
/// text.
pub(crate) struct Marks {
    /// All the marks.
    pub(crate) chars: &'static [char],
    /// The ASCII ones among them, as bytes.
    pub(crate) ascii: [u8; 3],
}

// The searches are inlined into their callers, each of which passes a constant set.
impl Marks {
    /// Where the first mark of `text` starts and ends.
    #[inline]
    pub(crate) fn find(&self, text: &str) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        // The full-width marks first, then the ASCII ones before them: both searches
        // stop at the first mark, so a caller that searches on from each mark reads the
        // text once.
        let wide = memchr::memchr2_iter(0xE3, 0xEF, bytes).find(|&at| self.starts(text, at));
        let [a, b, c] = self.ascii;
        let ascii = memchr::memchr3(a, b, c, &bytes[..wide.unwrap_or(bytes.len())]);
        Self::mark_at(text, ascii.or(wide)?)
    }

    /// Where the last mark of `text` starts and ends: the mirror of [`Marks::find`].
    #[inline]
    pub(crate) fn rfind(&self, text: &str) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        // The last full-width mark, then the ASCII ones after it.
        let wide = memchr::memrchr2_iter(0xE3, 0xEF, bytes).find(|&at| self.starts(text, at));
        let from = wide.map_or(0, |at| at + 1);
        let [a, b, c] = self.ascii;
        let ascii = memchr::memrchr3(a, b, c, &bytes[from..]).map(|at| from + at);
        Self::mark_at(text, ascii.or(wide)?)
    }

    /// Whether a mark starts at `at` (a lead byte, so a char boundary).
    #[inline]
    fn starts(&self, text: &str, at: usize) -> bool {
        text.get(at..).is_some_and(|t| t.starts_with(self.chars))
    }

    /// Whether the byte searches find every mark: the ASCII ones are `ascii`, the others
    /// start with E3 or EF.
    #[cfg(test)]
    pub(crate) fn is_searchable(&self) -> bool {
        self.chars.iter().all(|&c| match u8::try_from(c) {
            Ok(b) => self.ascii.contains(&b),
            Err(_) => matches!(c.to_string().as_bytes().first(), Some(0xE3 | 0xEF)),
        }) && self
            .ascii
            .iter()
            .all(|&b| self.chars.contains(&char::from(b)))
    }

    /// The mark at `at`, as (start, end).
    fn mark_at(text: &str, at: usize) -> Option<(usize, usize)> {
        let len = text.get(at..)?.chars().next().map_or(1, char::len_utf8);
        Some((at, at + len))
    }
}

/// A line ending in one of these ends where its sentence ends.
const LINE_END: &[char] = &[
    '。', '！', '？', '；', '：', '!', '?', ';', ':', '…', '”', '’', '」', '』', '）', ')', '》',
    '】',
];

/// The index of the first line after the front matter: the leading lines up to the first
/// one that reads as body text — a sentence, a numbered line, or a long line.
fn front_matter_end(input: &str, lines: &[Line]) -> usize {
    lines
        .iter()
        .position(|line| {
            line.kind == LineKind::Content
                && (line.chars > 60
                    || line.opening != Opening::Text
                    || line
                        .pieces
                        .iter()
                        .any(|p| has_sentence_end(&input[p.range()])))
        })
        .unwrap_or(lines.len())
}

/// The width (in chars) most body lines share, when the text is hard-wrapped.
///
/// Hard-wrapped text has at least 30% of its lines within two characters of the most
/// common line length; text whose paragraphs are single lines never does.
fn modal_width(lines: &[Line]) -> Option<usize> {
    let lengths: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Content)
        .map(|l| l.chars)
        .collect();
    let mut counts = std::collections::HashMap::new();
    for &len in lengths.iter().filter(|&&len| len >= 10) {
        *counts.entry(len).or_insert(0usize) += 1;
    }
    let (&mode, _) = counts.iter().max_by_key(|&(&len, &count)| (count, len))?;
    let near = lengths
        .iter()
        .filter(|&&len| len.abs_diff(mode) <= 2)
        .count();
    (near >= 3 && near * 10 >= lengths.len() * 3).then_some(mode)
}

/// Whether `line` continues on the next content line.
fn joins_next(line: &Line, width: Option<usize>) -> bool {
    match (line.opening, line.ending) {
        // A marker alone on its line: its heading is on the next.
        (Opening::MarkerAlone(_), _) => true,
        (_, Ending::Closed) => false,
        (_, Ending::AfterSentence) => true,
        // A numbered line with no sentence in it is a heading standing alone.
        (Opening::Marker(_), Ending::Open) => false,
        (Opening::Text, Ending::Open) => width.is_some_and(|w| line.chars + 2 >= w),
    }
}

/// From the start of the first piece to the end of the last (empty for no pieces).
pub(crate) fn span_of(pieces: &[Span]) -> Span {
    match (pieces.first(), pieces.last()) {
        (Some(first), Some(last)) => Span::new(first.start, last.end),
        _ => Span::default(),
    }
}

/// The text of `pieces` clipped to `within`: borrowed when that is one piece.
pub(crate) fn text_of<'a>(input: &'a str, pieces: &[Span], within: Span) -> Cow<'a, str> {
    let mut clipped = clip(pieces, within);
    let Some(first) = clipped.next() else {
        return Cow::Borrowed("");
    };
    match clipped.next() {
        None => Cow::Borrowed(&input[first.range()]),
        Some(second) => {
            let mut text = String::with_capacity(within.len());
            text.push_str(&input[first.range()]);
            text.push_str(&input[second.range()]);
            for piece in clipped {
                text.push_str(&input[piece.range()]);
            }
            Cow::Owned(text)
        }
    }
}

/// The non-empty parts of `pieces` (in order, disjoint) inside `within`.
///
/// A binary search finds the first piece: an inline item clips its part of a paragraph
/// that may have thousands of pieces (one long line with PDF spaces), and a walk from
/// the first piece for each item made that quadratic.
pub(crate) fn clip(pieces: &[Span], within: Span) -> impl Iterator<Item = Span> + '_ {
    let first = pieces.partition_point(|p| p.end <= within.start);
    pieces[first..]
        .iter()
        .take_while(move |p| p.start < within.end)
        .filter_map(move |p| {
            let span = Span::new(p.start.max(within.start), p.end.min(within.end));
            (span.start < span.end).then_some(span)
        })
}

/// The characters of `pieces` from absolute offset `from` on, with their offsets.
pub(crate) fn chars_from<'a>(
    input: &'a str,
    pieces: &'a [Span],
    from: usize,
) -> impl Iterator<Item = (usize, char)> + 'a {
    // The pieces are in order: skip those before `from` by a binary search (see `clip`).
    let first = pieces.partition_point(|p| p.end <= from);
    pieces[first..].iter().flat_map(move |p| {
        let start = p.start.max(from);
        input[start..p.end]
            .char_indices()
            .map(move |(at, c)| (start + at, c))
    })
}

#[cfg(test)]
mod tests;
