//! Lossless accounting: the whole input, cut into labelled pieces.
//!
//! [`Report::pieces`] walks the input from its first byte to its last and says what each
//! stretch is — title, marker, heading, body, dropped junk, whitespace — so a caller can
//! check that no text was lost, highlight a document, or rebuild it exactly. The pieces
//! tile the input: sorted, contiguous, no gap, no overlap, from `0` to `input.len()`, on
//! char boundaries.
//!
//! ```
//! use gongwen::pieces::PieceKind;
//! let input = "某镇2024年工作报告\n一、总体要求。全面推进。\n[bookmark: _GoBack]\n";
//! let report = gongwen::parse(input);
//! let pieces: Vec<_> = report.pieces(input).map(|p| (p.kind, &input[p.span.range()])).collect();
//! assert_eq!(pieces, [
//!     (PieceKind::Issuer, "某镇"),
//!     (PieceKind::Title, "2024年工作报告"),
//!     (PieceKind::Whitespace, "\n"),
//!     (PieceKind::Marker, "一、"),
//!     (PieceKind::Heading, "总体要求"),
//!     (PieceKind::Unlabelled, "。"),
//!     (PieceKind::Body, "全面推进。"),
//!     (PieceKind::Whitespace, "\n"),
//!     (PieceKind::Dropped(gongwen::normalize::DroppedKind::Bookmark), "[bookmark: _GoBack]"),
//!     (PieceKind::Whitespace, "\n"),
//! ]);
//! ```
//!
//! # How a stretch gets its kind
//!
//! The report's spans are labels: title, issuer, date, source-bar keys and values,
//! preamble paragraphs, and each section's marker, heading and body paragraphs. Where
//! labels nest (the issuer read from the title, a bookmark inside a body paragraph),
//! the innermost one wins, so the outer label resumes after it. A character the
//! normalizer left out of the text (line ends, indentation, a PDF space, the break of a
//! re-joined line) is [`Whitespace`](PieceKind::Whitespace) unless it lies in dropped
//! junk; a character of the text that no label holds — the 。 or ： that ends a heading —
//! is [`Unlabelled`](PieceKind::Unlabelled).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::normalize::{self, DroppedKind};
use crate::{Report, Section, Span};

/// A stretch of the input and what it is; see the [module docs](self).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Piece {
    /// What the stretch is.
    pub kind: PieceKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of [`Piece`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PieceKind {
    /// Part of [`Report::title`].
    Title,
    /// [`Report::issuer`].
    Issuer,
    /// The signing date, [`Report::date_span`].
    Date,
    /// The key of a web-page source field, inside its dropped bar.
    SourceKey,
    /// The value of a web-page source field, inside its dropped bar.
    SourceValue,
    /// A paragraph of [`Report::preamble`].
    Preamble,
    /// A section's numbering marker.
    Marker,
    /// A section's heading.
    Heading,
    /// A paragraph (or part of one) of a section's body.
    Body,
    /// Junk left out of the text, listed in [`Report::dropped`].
    Dropped(DroppedKind),
    /// Whitespace the normalizer left out: line ends, indentation, PDF spaces, the
    /// breaks of re-joined lines.
    Whitespace,
    /// Text no field of the report holds: the punctuation that ends a heading, the rest
    /// of a metadata line.
    Unlabelled,
}

impl PieceKind {
    /// Labels that cover their whole span, whitespace included: junk is reported as it
    /// was, whether or not the normalizer kept it as text.
    fn is_verbatim(self) -> bool {
        matches!(
            self,
            PieceKind::Dropped(_) | PieceKind::SourceKey | PieceKind::SourceValue
        )
    }
}

/// A label: a span of the report with its kind.
#[derive(Clone, Copy, Debug)]
struct Label {
    span: Span,
    kind: PieceKind,
}

impl Report<'_> {
    /// The input as labelled pieces that tile it exactly (see [`pieces`](crate::pieces)).
    ///
    /// `input` must be the text this report was parsed from; the normalizer runs again
    /// on it to tell text from the whitespace it left out.
    pub fn pieces(&self, input: &str) -> impl Iterator<Item = Piece> + use<> {
        pieces(self, input).into_iter()
    }
}

fn labels(report: &Report<'_>) -> Vec<Label> {
    let mut labels = Vec::new();
    let mut push = |span: Span, kind: PieceKind| labels.push(Label { span, kind });
    for (span, kind) in [
        (report.title_span, PieceKind::Title),
        (report.issuer_span, PieceKind::Issuer),
        (report.date_span, PieceKind::Date),
    ] {
        if let Some(span) = span {
            push(span, kind);
        }
    }
    for field in &report.source {
        push(field.key_span, PieceKind::SourceKey);
        push(field.value_span, PieceKind::SourceValue);
    }
    for d in &report.dropped {
        push(d.span, PieceKind::Dropped(d.kind));
    }
    for &p in &report.preamble_paragraphs {
        push(p, PieceKind::Preamble);
    }
    // Pre-order with an explicit stack: the tree's depth is bounded by the number of
    // schemes, but an accounting walk should not depend on that.
    let mut stack: Vec<&Section<'_>> = report.sections.iter().rev().collect();
    while let Some(section) = stack.pop() {
        push(section.marker_span, PieceKind::Marker);
        push(section.heading_span, PieceKind::Heading);
        for &p in &section.paragraphs {
            push(p, PieceKind::Body);
        }
        stack.extend(section.children.iter().rev());
    }
    labels.retain(|l| l.span.start < l.span.end);
    labels
}

/// An open label in a heap whose top is the innermost: the smallest span, then the
/// later label (a child after its parent's fields). The index into the sorted labels
/// tells labels of one kind apart, so two adjacent bookmarks stay two pieces.
type Active = (Reverse<usize>, usize, usize);

fn pieces(report: &Report<'_>, input: &str) -> Vec<Piece> {
    let mut labels = labels(report);
    // Spans come from this report; clamp them anyway so a report paired with the wrong
    // input gives odd pieces, not a panic.
    for label in &mut labels {
        label.span.end = label.span.end.min(input.len());
        label.span.start = label.span.start.min(label.span.end);
        while !input.is_char_boundary(label.span.start) {
            label.span.start -= 1;
        }
        while !input.is_char_boundary(label.span.end) {
            label.span.end += 1;
        }
    }
    // Stable: labels that start together keep the report's order.
    labels.sort_by_key(|l| l.span.start);
    let text: Vec<Span> = normalize::normalize(input)
        .paragraphs
        .iter()
        .flat_map(|p| p.pieces().iter().copied())
        .collect();

    let mut bounds: Vec<usize> = Vec::with_capacity(2 * (labels.len() + text.len()) + 2);
    bounds.push(0);
    bounds.push(input.len());
    for span in labels.iter().map(|l| l.span).chain(text.iter().copied()) {
        bounds.push(span.start);
        bounds.push(span.end);
    }
    bounds.sort_unstable();
    bounds.dedup();

    let mut out: Vec<Piece> = Vec::new();
    let mut last_id: Option<usize> = None;
    let mut verbatim: BinaryHeap<Active> = BinaryHeap::new();
    let mut textual: BinaryHeap<Active> = BinaryHeap::new();
    let mut next_label = 0;
    let mut next_text = 0;
    for pair in bounds.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        while let Some(label) = labels.get(next_label).filter(|l| l.span.start <= start) {
            let heap = if label.kind.is_verbatim() {
                &mut verbatim
            } else {
                &mut textual
            };
            heap.push((Reverse(label.span.len()), next_label, label.span.end));
            next_label += 1;
        }
        let top = |heap: &mut BinaryHeap<Active>| {
            while heap.peek().is_some_and(|&(_, _, e)| e <= start) {
                heap.pop();
            }
            heap.peek().map(|&(_, id, _)| id)
        };
        while text.get(next_text).is_some_and(|t| t.end <= start) {
            next_text += 1;
        }
        let in_text = text.get(next_text).is_some_and(|t| t.start <= start);
        let kind_of = |i: usize| labels[i].kind;
        let len_of = |i: usize| labels[i].span.len();
        let verbatim_top = top(&mut verbatim);
        let textual_top = top(&mut textual);
        // The innermost of the two kinds of label wins; a verbatim label only loses to
        // a textual one nested inside it and holding text.
        let (kind, id) = match (verbatim_top, textual_top.filter(|_| in_text)) {
            (Some(v), Some(t)) if len_of(t) < len_of(v) => (kind_of(t), Some(t)),
            (Some(v), _) => (kind_of(v), Some(v)),
            (None, Some(t)) => (kind_of(t), Some(t)),
            (None, None) if in_text => (PieceKind::Unlabelled, None),
            (None, None) => (PieceKind::Whitespace, None),
        };
        match out.last_mut() {
            Some(prev) if prev.kind == kind && last_id == id && prev.span.end == start => {
                prev.span.end = end;
            }
            _ => out.push(Piece {
                kind,
                span: Span::new(start, end),
            }),
        }
        last_id = id;
    }
    out
}
