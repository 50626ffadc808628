//! The typed result of [`parse`]: [`Report`], [`Section`] and their metadata.
//!
//! # Borrowed, not copied
//!
//! A report borrows from the input: every text field is a `Cow<'a, str>` that points into
//! the input when the text is one contiguous slice of it, and owns a string only where
//! normalization had to re-join text (a hard-wrapped line, a removed PDF space, a body of
//! several paragraphs). Parsing a large archive therefore costs little more memory than
//! the archive itself. Call [`Report::into_owned`] to keep a report after its input is
//! gone. With serde, deserializing gives owned strings, so `Report<'static>` works with
//! `serde_json::from_reader`.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use crate::diagnostic::{self, Diagnostic};
use crate::metric::{self, Metric, NonMetric};
use crate::normalize::{self, Dropped, DroppedKind, Paragraph};
use crate::numbering::Marker;
use crate::{Span, metadata, outline};

/// A parsed report: metadata, preamble, section tree, diagnostics.
///
/// Built by [`parse`]. Reading `title`, `preamble`, and each section's marker, heading
/// and body in pre-order gives back the document's text, less whitespace, the line breaks
/// that were re-joined, and the junk listed in `dropped`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Report<'a> {
    /// The title, with PDF spaces removed: "杨家泊镇2024年法治政府建设情况报告".
    pub title: Option<Cow<'a, str>>,
    /// Where the title is.
    pub title_span: Option<Span>,
    /// The organ that issues the report: a line above the title, else the place or
    /// organ that opens the title, else the signature.
    pub issuer: Option<Cow<'a, str>>,
    /// Where the issuer was read.
    pub issuer_span: Option<Span>,
    /// The year reported on, from the title (else from the opening words).
    pub year: Option<u16>,
    /// The signing date.
    pub date: Option<Date>,
    /// Where the date was read.
    pub date_span: Option<Span>,
    /// Fields of a web page's source bar (来源, 发布时间 …), when the text was copied
    /// from one.
    pub source: Vec<SourceField<'a>>,
    /// The text between the title and the first section, paragraphs joined by `\n`.
    pub preamble: Cow<'a, str>,
    /// The spans of the preamble's paragraphs.
    pub preamble_paragraphs: Vec<Span>,
    /// The top-level sections.
    pub sections: Vec<Section<'a>>,
    /// Every metric, in document order.
    pub metrics: Vec<Metric<'a>>,
    /// Every number that is not a metric, with the reason, in document order.
    pub non_metrics: Vec<NonMetric<'a>>,
    /// Numbering faults and other oddities.
    pub diagnostics: Vec<Diagnostic>,
    /// Junk left out of the text: bookmarks, web-page bars, page numbers, repeated titles.
    pub dropped: Vec<Dropped>,
}

/// A section of the outline: a numbered heading with its body and sub-sections, or an
/// inline item (一是…) of a body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Section<'a> {
    /// Depth in the tree, 1 for the top level.
    pub level: usize,
    /// The numbering marker that opens the section.
    pub marker: Marker<'a>,
    /// Where the marker is.
    pub marker_span: Span,
    /// The heading, without marker and final punctuation. For a line that goes on after
    /// its first sentence ("（一）标题。正文……") it is that sentence; for an inline item,
    /// its first sentence or, when that is long, its first clauses.
    pub heading: Cow<'a, str>,
    /// Where the heading is.
    pub heading_span: Span,
    /// The section's own text after the heading, without its children's: paragraphs
    /// joined by `\n`.
    pub body: Cow<'a, str>,
    /// The spans of the body's paragraphs (or parts of paragraphs, for inline items).
    pub paragraphs: Vec<Span>,
    /// From the marker to the end of the section's last text, children included.
    pub span: Span,
    /// Where the metrics in the section's own heading and body (not its children's) are
    /// in [`Report::metrics`]: they are contiguous there, because a section's own text
    /// comes before its first child. Read them with [`Report::metrics_of`]. A section
    /// without metrics has an empty range at the index where its metrics would be.
    ///
    /// With serde, a range is the object `{"start": 3, "end": 5}`.
    pub metrics: Range<usize>,
    /// Sub-sections and inline items, in order.
    pub children: Vec<Section<'a>>,
}

impl<'a> Section<'a> {
    pub(crate) fn new(marker: Marker<'a>, marker_span: Span, level: usize) -> Section<'a> {
        Section {
            level,
            marker,
            marker_span,
            heading: Cow::Borrowed(""),
            heading_span: Span::new(marker_span.end, marker_span.end),
            body: Cow::Borrowed(""),
            paragraphs: Vec::new(),
            span: marker_span,
            metrics: 0..0,
            children: Vec::new(),
        }
    }

    /// Whether this is an inline item (一是, 一要, 第一，) rather than a numbered heading.
    pub fn is_inline(&self) -> bool {
        self.marker.scheme.is_inline()
    }

    /// This section and all below it, in pre-order.
    ///
    /// ```
    /// let report = gongwen::parse("一、甲\n（一）乙\n（二）丙\n二、丁\n");
    /// let headings: Vec<_> = report.sections.iter().flat_map(|s| s.walk()).map(|s| &*s.heading).collect();
    /// assert_eq!(headings, ["甲", "乙", "丙", "丁"]);
    /// ```
    pub fn walk(&self) -> impl Iterator<Item = &Section<'a>> {
        Walk {
            first: Some(self),
            stack: Vec::new(),
        }
    }

    /// The same section, owning its text.
    pub fn into_owned(self) -> Section<'static> {
        Section {
            level: self.level,
            marker: self.marker.into_owned(),
            marker_span: self.marker_span,
            heading: Cow::Owned(self.heading.into_owned()),
            heading_span: self.heading_span,
            body: Cow::Owned(self.body.into_owned()),
            paragraphs: self.paragraphs,
            span: self.span,
            metrics: self.metrics,
            children: self.children.into_iter().map(Section::into_owned).collect(),
        }
    }
}

/// A pre-order walk over sections: one stack of sibling iterators for the whole walk
/// (diagnostics walk the tree many times; a stack per top-level section cost an
/// allocation each).
struct Walk<'r, 'a> {
    /// The section to yield before the stack, for [`Section::walk`].
    first: Option<&'r Section<'a>>,
    /// The siblings still to visit at each depth.
    stack: Vec<std::slice::Iter<'r, Section<'a>>>,
}

impl<'r, 'a> Iterator for Walk<'r, 'a> {
    type Item = &'r Section<'a>;

    fn next(&mut self) -> Option<&'r Section<'a>> {
        let next = match self.first.take() {
            Some(first) => first,
            None => loop {
                let siblings = self.stack.last_mut()?;
                match siblings.next() {
                    Some(next) => break next,
                    None => {
                        self.stack.pop();
                    }
                }
            },
        };
        if !next.children.is_empty() {
            self.stack.push(next.children.iter());
        }
        Some(next)
    }
}

/// A field of a web page's source bar: `来源: 政社办`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SourceField<'a> {
    /// The key as written: "来源", "发布时间".
    pub key: Cow<'a, str>,
    /// Where the key is.
    pub key_span: Span,
    /// The value, trimmed: "政社办", "2025-02-27 14:46".
    pub value: Cow<'a, str>,
    /// Where the value is.
    pub value_span: Span,
}

impl SourceField<'_> {
    /// The same field, owning its text.
    pub fn into_owned(self) -> SourceField<'static> {
        SourceField {
            key: Cow::Owned(self.key.into_owned()),
            key_span: self.key_span,
            value: Cow::Owned(self.value.into_owned()),
            value_span: self.value_span,
        }
    }
}

/// A calendar date, written `YYYY-MM-DD` in JSON and by `Display`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A date, if it exists in the Gregorian calendar.
    ///
    /// ```
    /// use gongwen::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = crate::Error;

    /// Reads `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, crate::Error> {
        let bad = |offset: usize| match s[offset.min(s.len())..].chars().next() {
            Some(found) => crate::Error::Unexpected {
                expected: "a date YYYY-MM-DD",
                found,
                offset,
            },
            None => crate::Error::UnexpectedEnd {
                expected: "a date YYYY-MM-DD",
                offset,
            },
        };
        let mut parts = s.splitn(3, '-');
        let mut field = |offset: usize| -> Result<u16, crate::Error> {
            parts
                .next()
                .and_then(|p| p.parse().ok())
                .ok_or_else(|| bad(offset))
        };
        let year = field(0)?;
        let month = u8::try_from(field(5)?).map_err(|_| bad(5))?;
        let day = u8::try_from(field(8)?).map_err(|_| bad(8))?;
        Date::new(year, month, day).ok_or_else(|| bad(0))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Report<'_> {
    /// Every section and inline item, in pre-order.
    ///
    /// ```
    /// let report = gongwen::parse("一、甲\n（一）乙\n二、丙\n");
    /// let headings: Vec<_> = report.walk().map(|s| (s.level, &*s.heading)).collect();
    /// assert_eq!(headings, [(1, "甲"), (2, "乙"), (1, "丙")]);
    /// ```
    pub fn walk(&self) -> impl Iterator<Item = &Section<'_>> {
        Walk {
            first: None,
            stack: vec![self.sections.iter()],
        }
    }

    /// The metrics in `section`'s own heading and body, not its children's: the slice of
    /// [`Report::metrics`] that [`Section::metrics`] names. Empty when the range does not
    /// fit this report's metrics (a section of another report, say); never panics.
    ///
    /// ```
    /// let report = gongwen::parse("一、甲\n（一）罚款5万元，培训300人次。\n（二）丙\n二、新建2所学校。\n");
    /// let counts: Vec<_> = report.walk().map(|s| (&*s.heading, report.metrics_of(s).len())).collect();
    /// assert_eq!(counts, [("甲", 0), ("罚款5万元，培训300人次", 2), ("丙", 0), ("新建2所学校", 1)]);
    ///
    /// let sub = &report.sections[0].children[0];
    /// let units: Vec<_> = report.metrics_of(sub).iter().map(|m| &*m.unit).collect();
    /// assert_eq!(units, ["元", "人次"]);
    /// assert_eq!(report.metrics_of(sub)[0].section, [0, 0]);
    /// ```
    pub fn metrics_of(&self, section: &Section<'_>) -> &[Metric<'_>] {
        self.metrics.get(section.metrics.clone()).unwrap_or(&[])
    }

    /// The same report, owning its text, so it can outlive the input.
    ///
    /// ```
    /// let report: gongwen::Report<'static> = {
    ///     let input = String::from("一、甲\n");
    ///     gongwen::parse(&input).into_owned()
    /// };
    /// assert_eq!(report.sections[0].heading, "甲");
    /// ```
    pub fn into_owned(self) -> Report<'static> {
        let owned = |t: Option<Cow<'_, str>>| t.map(|t| Cow::Owned(t.into_owned()));
        Report {
            title: owned(self.title),
            title_span: self.title_span,
            issuer: owned(self.issuer),
            issuer_span: self.issuer_span,
            year: self.year,
            date: self.date,
            date_span: self.date_span,
            source: self
                .source
                .into_iter()
                .map(SourceField::into_owned)
                .collect(),
            preamble: Cow::Owned(self.preamble.into_owned()),
            preamble_paragraphs: self.preamble_paragraphs,
            sections: self.sections.into_iter().map(Section::into_owned).collect(),
            metrics: self.metrics.into_iter().map(Metric::into_owned).collect(),
            non_metrics: self
                .non_metrics
                .into_iter()
                .map(NonMetric::into_owned)
                .collect(),
            diagnostics: self.diagnostics,
            dropped: self.dropped,
        }
    }
}

/// The outline as an indented list: the title, then one line per section with its
/// marker and heading.
///
/// ```
/// let report = gongwen::parse("某镇2024年工作总结\n一、甲\n（一）乙\n");
/// assert_eq!(report.to_string(), "某镇2024年工作总结\n一、甲\n  （一）乙\n");
/// ```
impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(title) = &self.title {
            writeln!(f, "{title}")?;
        }
        for section in self.walk() {
            let indent = 2 * section.level.saturating_sub(1);
            writeln!(
                f,
                "{:indent$}{}{}",
                "", section.marker.text, section.heading
            )?;
        }
        Ok(())
    }
}

/// Parses a report. Total: every input gives a report, and what is odd about it is
/// in [`Report::diagnostics`].
///
/// ```
/// let input = "\
/// 某镇2024年法治政府建设情况报告
/// 2024年，某镇深入推进依法行政。
/// 一、主要举措
/// （一）健全机制。一是完善制度。二是加强监督。
/// （二）强化执法
/// 二、存在问题
/// ";
/// let report = gongwen::parse(input);
/// assert_eq!(report.title.as_deref(), Some("某镇2024年法治政府建设情况报告"));
/// assert_eq!((report.issuer.as_deref(), report.year), (Some("某镇"), Some(2024)));
/// assert_eq!(report.preamble, "2024年，某镇深入推进依法行政。");
///
/// let first = &report.sections[0];
/// assert_eq!((first.level, &*first.marker.text, &*first.heading), (1, "一、", "主要举措"));
/// let sub = &first.children[0];
/// assert_eq!((sub.level, &*sub.heading), (2, "健全机制"));
/// let items: Vec<_> = sub.children.iter().map(|i| (i.level, &*i.heading)).collect();
/// assert_eq!(items, [(3, "完善制度"), (3, "加强监督")]);
/// assert_eq!(&input[report.sections[1].span.range()], "二、存在问题");
/// ```
pub fn parse(input: &str) -> Report<'_> {
    let doc = normalize::normalize(input);
    let meta = metadata::extract(input, &doc);
    // Metrics first, then the outline, then the paragraphs go: the metric lists grow
    // while the section tree does not exist yet, which keeps the peak heap lower.
    let mut found = metric::extract_paragraphs(input, &doc.paragraphs);
    // Numbers in a web-page bar or a repeated title are still accounted for (as
    // non-metrics: dates, times, years), never as metrics counted twice.
    let junk: Vec<Paragraph> = doc
        .dropped
        .iter()
        .filter(|d| matches!(d.kind, DroppedKind::WebHeader | DroppedKind::RepeatedTitle))
        .map(|d| Paragraph::from_span(input, d.span))
        .collect();
    if !junk.is_empty() {
        found
            .non_metrics
            .extend(metric::extract_paragraphs(input, &junk).non_metrics);
        found.non_metrics.sort_by_key(|n| n.span.start);
    }
    // The two longest lists grew ahead of need: give back what they did not use before
    // the outline is built. Shrinking a block in place moves no bytes.
    found.metrics.shrink_to_fit();
    found.non_metrics.shrink_to_fit();
    let body = doc
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| meta.consumed.binary_search(i).is_err())
        .map(|(_, p)| p);
    let outline = outline::build(input, body);
    drop(doc.paragraphs);
    let mut report = Report {
        title_span: meta.title.as_ref().map(|(_, span)| *span),
        title: meta.title.map(|(text, _)| text),
        issuer_span: meta.issuer.as_ref().map(|(_, span)| *span),
        issuer: meta.issuer.map(|(text, _)| text),
        year: meta.year,
        date: meta.date.map(|(date, _)| date),
        date_span: meta.date.map(|(_, span)| span),
        source: meta.source,
        preamble: outline.preamble_text,
        preamble_paragraphs: outline.preamble,
        sections: outline.sections,
        metrics: Vec::new(),
        non_metrics: found.non_metrics,
        diagnostics: Vec::new(),
        dropped: doc.dropped,
    };
    report.metrics = place_metrics(&mut report.sections, found.metrics);
    report.diagnostics =
        diagnostic::check(input, &report, &outline.inversions, &outline.lone_inline);
    report
}

/// Decodes `bytes` (see [`decode`](crate::decode)) and parses the text: UTF-8 with or
/// without a byte-order mark, UTF-16LE/BE with one, and with the `encoding` feature
/// GB18030/GBK.
///
/// The report owns its text (`Report<'static>`): decoding UTF-16 or GB18030 makes a new
/// string, and a report cannot borrow from a string that this function would drop.
/// Its spans refer to the **decoded** text, without the byte-order mark — not to
/// `bytes`. To slice the text at those spans, decode it yourself and call [`parse`]:
///
/// ```
/// let bytes = "\u{feff}一、总体要求\n".as_bytes();
/// let report = gongwen::parse_bytes(bytes)?;
/// let text = gongwen::decode::decode(bytes)?.text;
/// assert_eq!(&text[report.sections[0].span.range()], "一、总体要求");
/// assert_eq!(report, gongwen::parse(&text));
/// # Ok::<(), gongwen::Error>(())
/// ```
///
/// # Errors
///
/// The bytes are text in none of the encodings tried: [`Error::InvalidUtf8`](crate::Error::InvalidUtf8),
/// [`Error::InvalidUtf16`](crate::Error::InvalidUtf16) or [`Error::Decode`](crate::Error::Decode),
/// each with the byte offset into `bytes` where decoding failed.
pub fn parse_bytes(bytes: &[u8]) -> Result<Report<'static>, crate::Error> {
    let decoded = crate::decode::decode(bytes)?;
    Ok(parse(&decoded.text).into_owned())
}

/// Gives each metric the path of the innermost section that holds it, and each section
/// the range of its own metrics in `metrics` (which is in document order).
///
/// One pre-order walk over the sections with a cursor into the metrics: linear in
/// sections plus metrics.
fn place_metrics<'a>(
    sections: &mut [Section<'a>],
    mut metrics: Vec<Metric<'a>>,
) -> Vec<Metric<'a>> {
    let mut path = Vec::new();
    let mut cursor = 0;
    place_in(sections, &mut metrics, &mut cursor, &mut path);
    // Whatever is left lies after every section.
    metrics
}

/// Places the metrics from `*cursor` on that lie in `sections` (siblings, in order,
/// under the section at `path`), and advances the cursor past them.
fn place_in(
    sections: &mut [Section<'_>],
    metrics: &mut [Metric<'_>],
    cursor: &mut usize,
    path: &mut Vec<usize>,
) {
    for (i, section) in sections.iter_mut().enumerate() {
        // Before this section: at the top level, the title and preamble (no section);
        // under a parent, between two of its children, where the outline leaves no text.
        take_until(metrics, cursor, section.span.start, path);
        path.push(i);
        let own_end = section
            .children
            .first()
            .map_or(section.span.end, |c| c.span.start.min(section.span.end));
        let start = *cursor;
        take_until(metrics, cursor, own_end, path);
        section.metrics = start..*cursor;
        place_in(&mut section.children, metrics, cursor, path);
        // After the last child but in this section's span: none either, since text
        // after a child belongs to that child.
        take_until(metrics, cursor, section.span.end, path);
        path.pop();
    }
}

/// Gives the metrics from `*cursor` on whose number starts before `end` the section
/// path `path`, and moves the cursor past them.
fn take_until(metrics: &mut [Metric<'_>], cursor: &mut usize, end: usize, path: &[usize]) {
    while let Some(m) = metrics.get_mut(*cursor) {
        if m.number_span.start >= end {
            break;
        }
        m.section = path.to_vec();
        *cursor += 1;
    }
}
