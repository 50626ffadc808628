//! Checks on the shape of the tree: `skipped_level`, `level_inversion`.

use super::{Code, Diagnostic, GB_SEQUENCE, Severity, gb_rank, sample};
use crate::numbering::Scheme;
use crate::outline::Inversion;
use crate::{Report, Span};

/// `level_inversion`: a child ranks above its parent, as the outline recorded it.
pub(super) fn level_inversions(input: &str, inversions: &[Inversion], found: &mut Vec<Diagnostic>) {
    for inversion in inversions {
        found.push(Diagnostic {
            found: Some(sample(inversion.child).to_owned()),
            ..Diagnostic::new(
                Code::LevelInversion,
                Severity::Warning,
                inversion.marker_span,
                format!(
                    "{} is numbered under {}, but {} ranks above {} (GB/T 9704-2012 §7.3.3)",
                    &input[inversion.marker_span.range()],
                    sample(inversion.parent),
                    sample(inversion.child),
                    sample(inversion.parent)
                ),
            )
        });
    }
}

/// `skipped_level`: once, as info, when the document always skips the same way (GB/T
/// 9704 allows 一、 then 1. when there are two levels); at each place, as a warning,
/// when it skips only sometimes.
pub(super) fn skipped_levels(report: &Report<'_>, found: &mut Vec<Diagnostic>) {
    // (parent scheme, child scheme, first child marker) for each parent's first block child.
    let mut pairs: Vec<(Scheme, Scheme, Span)> = Vec::new();
    for section in report.walk() {
        if let Some(child) = section.children.iter().find(|c| !c.is_inline()) {
            pairs.push((
                section.marker.scheme,
                child.marker.scheme,
                child.marker_span,
            ));
        }
    }
    let skips = |parent: Scheme, child: Scheme| match (gb_rank(parent), gb_rank(child)) {
        (Some(p), Some(c)) => c > p + 1,
        _ => false,
    };
    let mut reported_consistent: Vec<(Scheme, Scheme)> = Vec::new();
    for &(parent, child, span) in &pairs {
        if !skips(parent, child) {
            continue;
        }
        let consistent = pairs.iter().all(|&(p, c, _)| p != parent || c == child);
        let skipped: Vec<&str> = GB_SEQUENCE
            .iter()
            .filter(|&&s| gb_rank(s) > gb_rank(parent) && gb_rank(s) < gb_rank(child))
            .map(|&s| sample(s))
            .collect();
        let skipped = skipped.join(" ");
        if consistent {
            if reported_consistent.contains(&(parent, child)) {
                continue;
            }
            reported_consistent.push((parent, child));
            found.push(Diagnostic::new(
                Code::SkippedLevel,
                Severity::Info,
                span,
                format!(
                    "{} is used directly under {} throughout, skipping {skipped}; allowed when a document has only these levels",
                    sample(child),
                    sample(parent)
                ),
            ));
        } else {
            found.push(Diagnostic {
                expected: Some(skipped.clone()),
                ..Diagnostic::new(
                    Code::SkippedLevel,
                    Severity::Warning,
                    span,
                    format!(
                        "{} directly under {} skips {skipped}, while other {} sections do not",
                        sample(child),
                        sample(parent),
                        sample(parent)
                    ),
                )
            });
        }
    }
}
