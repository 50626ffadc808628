//! `inline_sequence`: runs of 一是 / 一要 / 第一， inside a section's text.
//!
//! One parent's text may hold several runs, each starting again at 一是 (a new point of
//! the section, often a new paragraph): a restart at 1 is no fault. Within the marks of
//! one parent, in order, a mark that does not rise above the one before is a duplicate
//! or out of order, one that jumps leaves a gap, one that starts above 1 has no start,
//! and a 一是 that no 二是 follows stands alone. The 第一 / 其一 / 首先 sets of sequence
//! words are not mixed (GB/T 15834-2011 gives 第一， and its kin their own set).

use super::sequence::with_ordinal;
use super::{Code, Diagnostic, Severity, families};
use crate::numbering::{self, Marker, Scheme};
use crate::numeral;
use crate::outline::LoneInline;
use crate::{Report, Section, Span};

/// An inline marker: an item of the tree, or one the outline left as text.
struct Mark<'r> {
    marker: Marker<'r>,
    span: Span,
    lone: bool,
}

/// Runs the inline checks for every section's text and the preamble.
pub(super) fn inline_sequences(
    input: &str,
    report: &Report<'_>,
    lone: &[LoneInline],
    found: &mut Vec<Diagnostic>,
) {
    // The lone markers sorted by the section that holds them (the preamble's first),
    // each section's found by a binary search: looking through all of them for each
    // section made a report of many sections, each with a lone 一是, quadratic.
    let parent_key = |parent: Option<Span>| parent.map(|p| (p.start, p.end));
    let mut lone: Vec<&LoneInline> = lone.iter().collect();
    lone.sort_by_key(|l| parent_key(l.parent));
    // One list of marks serves every section in turn.
    let mut marks: Vec<Mark<'_>> = Vec::new();
    for (parent, children) in families(report) {
        let key = parent_key(parent.map(|p| p.marker_span));
        let from = lone.partition_point(|l| parent_key(l.parent) < key);
        let to = from + lone[from..].partition_point(|l| parent_key(l.parent) == key);
        marks.clear();
        marks.extend(children.iter().filter(|c| c.is_inline()).map(|c| Mark {
            marker: c.marker.clone(),
            span: c.marker_span,
            lone: false,
        }));
        marks.extend(lone[from..to].iter().filter_map(|l| {
            let marker = Marker::parse(input.get(l.marker_span.range())?).ok()?;
            (marker.scheme == l.scheme && marker.ordinal == l.ordinal).then_some(Mark {
                marker,
                span: l.marker_span,
                lone: true,
            })
        }));
        if marks.is_empty() {
            continue;
        }
        marks.sort_by_key(|m| m.span.start);
        let region = own_text(report, parent, children);
        let mixed = mixed_sets(input, region, &marks, found);
        if mixed {
            marks.retain(|m| m.marker.scheme != Scheme::Ordinal);
        }
        check_marks(&marks, found);
    }
}

/// The span of a parent's own text, where its inline marks are: from its heading to its
/// first block child (for the top level, the preamble).
fn own_text(report: &Report<'_>, parent: Option<&Section<'_>>, children: &[Section<'_>]) -> Span {
    match parent {
        Some(section) => {
            let end = children
                .iter()
                .find(|c| !c.is_inline())
                .map_or(section.span.end, |c| c.span.start);
            Span::new(section.heading_span.end.min(end), end)
        }
        None => match (
            report.preamble_paragraphs.first(),
            report.preamble_paragraphs.last(),
        ) {
            (Some(first), Some(last)) => first.cover(*last),
            _ => Span::default(),
        },
    }
}

fn check_marks(marks: &[Mark<'_>], found: &mut Vec<Diagnostic>) {
    // The previous mark's scheme, text and value (as corrected by a fix).
    let mut previous: Option<(Scheme, &str, u32)> = None;
    for (i, mark) in marks.iter().enumerate() {
        let marker = &mark.marker;
        let (value, text): (u32, &str) = (marker.ordinal, &marker.text);
        let before = previous
            .filter(|&(scheme, _, _)| scheme == marker.scheme)
            .map(|(_, text, last)| (text, last));
        previous = Some((marker.scheme, text, value));
        let show = |n: u32| with_ordinal(marker, n).unwrap_or_else(|| format!("number {n}"));
        let diagnostic = |message: String| {
            Diagnostic::new(Code::InlineSequence, Severity::Warning, mark.span, message)
                .with_found(text)
        };
        match before {
            Some((before, last)) if value > last => {
                let want = last + 1;
                if value > want {
                    let missing = if value - want == 1 {
                        format!("{} is", show(want))
                    } else {
                        format!("{} to {} are", show(want), show(value - 1))
                    };
                    found.push(
                        diagnostic(format!("{text} follows {before}: {missing} missing"))
                            .with_expected(show(want)),
                    );
                }
            }
            _ if value == 1 => {
                if mark.lone {
                    found.push(
                        diagnostic(format!(
                            "{text} starts a list that no {} continues: add it, or drop {text}",
                            show(2)
                        ))
                        .with_expected(format!("{} after it", show(2))),
                    );
                }
            }
            Some((before, last)) => {
                let want = last + 1;
                let kind = if value == last {
                    "repeats"
                } else {
                    "comes after"
                };
                let mut d = diagnostic(format!(
                    "{text} {kind} the {before} before it; expected {}",
                    show(want)
                ))
                .with_expected(show(want));
                // Renumber only when the corrected number leads on to the next mark (or,
                // for a repeat, when nothing follows).
                let next = marks
                    .get(i + 1)
                    .filter(|n| n.marker.scheme == marker.scheme)
                    .map(|n| n.marker.ordinal);
                let fits = match next {
                    Some(next) => next == want + 1,
                    None => value == last,
                };
                if let Some(replacement) = with_ordinal(marker, want).filter(|_| fits) {
                    d = d.with_fix(mark.span, replacement);
                    previous = Some((marker.scheme, text, want));
                }
                found.push(d);
            }
            None => found.push(
                diagnostic(format!("{text} has no {} before it", show(1))).with_expected(show(1)),
            ),
        }
    }
}

/// The sets of sequence words: 第一，第二，…; 其一，其二，…; 首先，其次，….
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum WordSet {
    Di,
    Qi,
    Shouxian,
}

impl WordSet {
    fn sample(self) -> &'static str {
        match self {
            WordSet::Di => "第一，第二，",
            WordSet::Qi => "其一，其二，",
            WordSet::Shouxian => "首先，其次，",
        }
    }
}

/// `inline_sequence` for mixed sets: where a parent's text has 第一， marks, every
/// sequence word of another set than the first one used. Returns whether it found any.
fn mixed_sets(input: &str, region: Span, marks: &[Mark<'_>], found: &mut Vec<Diagnostic>) -> bool {
    if !marks.iter().any(|m| m.marker.scheme == Scheme::Ordinal) {
        return false;
    }
    let mut words: Vec<(Span, WordSet)> = marks
        .iter()
        .filter(|m| m.marker.scheme == Scheme::Ordinal)
        .map(|m| (m.span, WordSet::Di))
        .collect();
    words.extend(other_set_words(input, region));
    words.sort_by_key(|(span, _)| span.start);
    let Some(&(_, first)) = words.first() else {
        return false;
    };
    let mut any = false;
    for &(span, set) in words.iter().filter(|(_, set)| *set != first) {
        any = true;
        let text = &input[span.range()];
        found.push(
            Diagnostic::new(
                Code::InlineSequence,
                Severity::Warning,
                span,
                format!(
                    "{text} mixes the {} set into a list begun with {}; 第一, 其一 and 首先 \
                     are separate sets of sequence words, not to be mixed",
                    set.sample(),
                    first.sample()
                ),
            )
            .with_found(text)
            .with_expected(first.sample()),
        );
    }
    any
}

/// 其一， 其二， … and 首先， 其次， in `region`, where a sequence word may stand.
fn other_set_words(input: &str, region: Span) -> Vec<(Span, WordSet)> {
    let Some(text) = input.get(region.range()) else {
        return Vec::new();
    };
    let mut words = Vec::new();
    let mut prev = None;
    for (at, c) in text.char_indices() {
        let allowed = numbering::may_precede_inline(prev);
        prev = Some(c);
        if !allowed || !matches!(c, '首' | '其') {
            continue;
        }
        let rest = &text[at..];
        let word = if let Some(after) = rest
            .strip_prefix("首先")
            .or_else(|| rest.strip_prefix("其次"))
        {
            Some((after, WordSet::Shouxian))
        } else {
            rest.strip_prefix('其').and_then(|after| {
                numeral::chinese::<nom::error::Error<&str>>(after)
                    .ok()
                    .map(|(after, _)| (after, WordSet::Qi))
            })
        };
        if let Some((after, set)) = word {
            if after.starts_with(['，', ',']) {
                let start = region.start + at;
                words.push((Span::new(start, start + rest.len() - after.len()), set));
            }
        }
    }
    words
}
