//! Byte spans into the original input.

use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into the text given to [`parse`](crate::parse).
///
/// Every node of a [`Report`](crate::Report) carries one, so `&input[span.range()]` is
/// the exact source of that node, whatever normalization did to its text. Spans always
/// lie on `char` boundaries.
///
/// With the `serde` feature a span is written as a two-element array `[start, end]`.
///
/// # Example
/// ```
/// let input = "一、总体要求";
/// let report = gongwen::parse(input);
/// let span = report.sections[0].span;
/// assert_eq!(&input[span.range()], "一、总体要求");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, ready for slicing.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies inside this span.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The 1-based line and column (in `char`s) of the span's start in `input`; lines end
    /// at `\n`, `\r\n` or a lone `\r`.
    ///
    /// This walks `input` up to the span, so call it for messages, not in a loop.
    ///
    /// ```
    /// use gongwen::Span;
    /// let input = "一、总体\n（一）指导思想";
    /// let at = input.find("指导").unwrap();
    /// assert_eq!(Span::new(at, at + 6).line_col(input), (2, 4));
    /// // Lines end at \n, \r\n or a lone \r.
    /// let input = "甲\r\n乙\r（一）指导";
    /// let at = input.find("指导").unwrap();
    /// assert_eq!(Span::new(at, at + 6).line_col(input), (3, 4));
    /// ```
    pub fn line_col(self, input: &str) -> (usize, usize) {
        let start = self.start.min(input.len());
        let (breaks, line_start) = line_breaks(input, 0, start);
        let line_start = line_start.unwrap_or(0);
        let column = input
            .get(line_start..start)
            .map_or(0, |s| s.chars().count());
        (breaks + 1, column + 1)
    }
}

/// The line breaks in `input[from..to]` — `\n`, `\r\n` (one break) and a lone `\r`, the
/// line ends [`normalize`](crate::normalize) reads — and the offset just after the last.
///
/// Vectorized byte searches: a text with lone `\r` line ends must not look like one
/// long line, or each column would be counted from the start of the text.
pub(crate) fn line_breaks(input: &str, from: usize, to: usize) -> (usize, Option<usize>) {
    let bytes = input.as_bytes();
    let Some(part) = bytes.get(from..to) else {
        return (0, None);
    };
    let lone_cr = memchr::memchr_iter(b'\r', part)
        .filter(|&i| bytes.get(from + i + 1) != Some(&b'\n'))
        .count();
    let count = memchr::memchr_iter(b'\n', part).count() + lone_cr;
    let last = memchr::memrchr2(b'\n', b'\r', part).map(|i| from + i + 1);
    (count, last)
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.start, self.end).serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let (start, end) = <(usize, usize)>::deserialize(deserializer)?;
        if start > end {
            return Err(serde::de::Error::custom(format_args!(
                "span start {start} is after its end {end}"
            )));
        }
        Ok(Span::new(start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let input = "第一行\n（一）标题";
        for (needle, expected) in [("第一行", (1, 1)), ("（一）", (2, 1)), ("标题", (2, 4))]
        {
            let at = input.find(needle).unwrap_or(usize::MAX);
            assert_eq!(Span::new(at, at).line_col(input), expected, "{needle}");
        }
    }

    #[test]
    fn cover_and_contains() {
        let a = Span::new(3, 9);
        let b = Span::new(5, 12);
        assert_eq!(a.cover(b), Span::new(3, 12));
        assert!(a.cover(b).contains(a));
        assert!(!a.contains(b));
    }
}
