//! Checks on the shape of the tree: `skipped_level`, `level_inversion`,
//! `mixed_schemes`, `too_deep`.

use super::sequence::BlockGroup;
use super::{Code, Diagnostic, GB_SEQUENCE, Severity, gb_rank, name, place, sample};
use crate::numbering::Scheme;
use crate::outline::Inversion;
use crate::{Report, Section, Span};

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
///
/// `pairs` holds (parent scheme, child scheme, child marker) for each section's first
/// block child, in document order.
pub(super) fn skipped_levels(pairs: &[(Scheme, Scheme, Span)], found: &mut Vec<Diagnostic>) {
    let skips = |parent: Scheme, child: Scheme| match (gb_rank(parent), gb_rank(child)) {
        (Some(p), Some(c)) => c > p + 1,
        _ => false,
    };
    // The distinct (parent, child) scheme pairs: a handful, whatever the document size,
    // so asking whether a parent scheme always takes the same child stays linear.
    let mut distinct: Vec<(Scheme, Scheme)> = Vec::new();
    for &(parent, child, _) in pairs {
        if !distinct.contains(&(parent, child)) {
            distinct.push((parent, child));
        }
    }
    let mut reported_consistent: Vec<(Scheme, Scheme)> = Vec::new();
    for &(parent, child, span) in pairs {
        if !skips(parent, child) {
            continue;
        }
        let consistent = distinct.iter().all(|&(p, c)| p != parent || c == child);
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

/// `mixed_schemes`: one parent's block children use more than one scheme (1. and （一）
/// side by side under 一、). Flagged at the first child of each scheme after the first.
/// `groups` are the parent's block children by scheme.
pub(super) fn mixed_schemes(
    parent: Option<&Section<'_>>,
    groups: &[BlockGroup<'_, '_>],
    found: &mut Vec<Diagnostic>,
) {
    let Some((first, _)) = groups.first() else {
        return;
    };
    for (scheme, group) in groups.iter().skip(1) {
        let Some(child) = group.first() else { continue };
        found.push(
            Diagnostic::new(
                Code::MixedSchemes,
                Severity::Warning,
                child.marker_span,
                format!(
                    "{} stands beside {}-style sections {}: one level, one numbering scheme",
                    child.marker.text,
                    sample(*first),
                    place(parent)
                ),
            )
            .with_found(sample(*scheme))
            .with_expected(sample(*first)),
        );
    }
}

/// How many levels of 公文 numbering go down to `section`'s children: the structural
/// 编 章 节 条 of a law do not count, as 立法法 numbers 项 and 目 under 条 with （一） and 1.
fn counts_as_level(scheme: Scheme) -> bool {
    !matches!(
        scheme,
        Scheme::Part | Scheme::Chapter | Scheme::Jie | Scheme::Article
    ) && !scheme.is_inline()
}

/// `too_deep`: a fifth level of numbering (公文层次一般不超过四层), flagged once at the
/// first section of each fifth-level list.
pub(super) fn too_deep(report: &Report<'_>, found: &mut Vec<Diagnostic>) {
    fn visit(section: &Section<'_>, depth: usize, found: &mut Vec<Diagnostic>) {
        let depth = depth + usize::from(counts_as_level(section.marker.scheme));
        let mut children = section.children.iter().filter(|c| !c.is_inline());
        if depth == MAX_LEVELS {
            if let Some(child) = children.find(|c| counts_as_level(c.marker.scheme)) {
                found.push(
                    Diagnostic::new(
                        Code::TooDeep,
                        Severity::Info,
                        child.marker_span,
                        format!(
                            "{} opens a fifth level of numbering, under {}; official documents \
                             generally use at most four (一、 （一） 1. （1）)",
                            child.marker.text,
                            name(section)
                        ),
                    )
                    .with_found(child.marker.text.as_ref()),
                );
            }
            return;
        }
        for child in children {
            visit(child, depth, found);
        }
    }
    for section in &report.sections {
        visit(section, 0, found);
    }
}

/// The levels of numbering a 公文 generally stays within.
const MAX_LEVELS: usize = 4;
