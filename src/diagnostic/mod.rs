//! Diagnostics: numbering faults and other oddities a proofreader wants pointed out.
//!
//! [`parse`](crate::parse) never fails; what is odd about a report becomes a
//! [`Diagnostic`] with a code, a severity, the exact span, line and column, and a
//! suggested fix where there is one.
//!
//! The sequence codes look at G, the block children of one parent that share one
//! scheme, in order, with values v₁…vₙ (articles, 第一条, are numbered through the whole
//! document and form one G). Inline items (一是) are looked at in their own runs.
//!
//! | code | severity | fires when |
//! |---|---|---|
//! | `start_not_one` | warning | v₁ ≠ 1 |
//! | `duplicate` | error | vᵢ = vᵢ₋₁ |
//! | `gap` | warning | vᵢ > vᵢ₋₁ + 1 |
//! | `out_of_order` | error | vᵢ < vᵢ₋₁ |
//! | `single_child` | warning | n = 1 (有（一）无（二）) |
//! | `mixed_delimiter` | warning | one scheme uses more than one delimiter (the minority) |
//! | `nonstandard_delimiter` | warning | against GB/T 15834-2011: 1、 一. 一， （一）、 ①. 第一、 |
//! | `mixed_width` | warning | one scheme mixes （ and (, . and ．, 1 and １; or "（1)" |
//! | `skipped_level` | info / warning | a child skips a rank of 一、 > （一） > 1. > （1）: info when the whole document skips the same way |
//! | `level_inversion` | warning | a child ranks above its parent: （一） under 1. |
//! | `mixed_schemes` | warning | one parent's children use more than one block scheme |
//! | `inline_sequence` | warning | an 一是 or 第一， run has a gap, a repeat, no start, a lone 一是, or mixes 第一/其一/首先 |
//! | `heading_punctuation` | info | a heading alone on its line, with text under it, ends in 。；，、 |
//! | `too_deep` | info | a fifth level of numbering |
//! | `zero_padded_date` | warning | the signing date writes a month or day as 0N |
//!
//! ```
//! let input = "一、总体要求\n1.加强学习\n2.加强领导\n3、严格落实\n3.依法决策\n二、主要任务\n1.注重队伍建设\n2.推动落实\n";
//! let report = gongwen::parse(input);
//! let found: Vec<_> = report
//!     .diagnostics
//!     .iter()
//!     .map(|d| (d.code.name(), d.severity.to_string(), d.line, &input[d.span.range()]))
//!     .collect();
//! assert_eq!(found, [
//!     ("skipped_level", "info".to_owned(), 2, "1."),
//!     ("mixed_delimiter", "warning".to_owned(), 4, "3、"),
//!     ("duplicate", "error".to_owned(), 5, "3."),
//! ]);
//! let fix = report.diagnostics[1].fix.as_ref().unwrap();
//! assert_eq!(fix.replacement, "3.");
//! ```

use std::fmt;

use crate::numbering::Scheme;
use crate::outline::{Inversion, LoneInline};
use crate::{Report, Section, Span};

mod inline;
mod sequence;
mod structure;
mod style;

/// One finding about the input.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Diagnostic {
    /// What kind of finding.
    pub code: Code,
    /// How serious.
    pub severity: Severity,
    /// The text it is about.
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, in `char`s.
    pub column: usize,
    /// A sentence for humans.
    pub message: String,
    /// What was found, when that is a short piece of text.
    pub found: Option<String>,
    /// What was expected instead.
    pub expected: Option<String>,
    /// A replacement that would fix it.
    pub fix: Option<Fix>,
}

/// A suggested edit: replace the text at `span` with `replacement`.
///
/// Each fix stands on its own. Two diagnostics may fix the same marker — a repeated
/// "5、" is renumbered by `duplicate` and re-pointed by `mixed_delimiter` — so apply
/// the fixes of a report one at a time, parsing again in between, or skip those that
/// overlap one already applied, as `cargo fix` does.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Fix {
    /// The text to replace.
    pub span: Span,
    /// What to put there.
    pub replacement: String,
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Severity {
    /// Certainly wrong: a reader is misled.
    Error,
    /// Probably wrong, or against the standard.
    Warning,
    /// Worth knowing; allowed by the standard or by common practice.
    Info,
}

/// The kinds of diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Code {
    /// A list does not start at 1: （二） with no （一） before it.
    StartNotOne,
    /// A number repeats the one before it: 5. then 5. (an error).
    Duplicate,
    /// Numbers are missing: 2. then 4.
    Gap,
    /// A number is lower than the one before it: 3. then 2. (an error).
    OutOfOrder,
    /// A level divided into one part: （一） with no （二）.
    SingleChild,
    /// One scheme is written with more than one delimiter: 3、 among 1. 2.
    MixedDelimiter,
    /// A delimiter against GB/T 15834-2011: 1、 for 1., 一. for 一、, （一）、, 第一、.
    NonstandardDelimiter,
    /// One scheme mixes full- and half-width forms: (二) after （一）, or "（1)".
    MixedWidth,
    /// A child skips a rank of 一、 > （一） > 1. > （1） > ①: 1. straight under 一、.
    SkippedLevel,
    /// A child ranks above its parent: （一） under 1.
    LevelInversion,
    /// One parent's children use more than one block scheme: 1. beside （一）.
    MixedSchemes,
    /// A run of 一是 / 第一， has a gap, a repeat, no start or no second item, or mixes
    /// 第一 with 其一 or 首先.
    InlineSequence,
    /// A heading alone on its line ends in 。；，、.
    HeadingPunctuation,
    /// More than four levels of numbering.
    TooDeep,
    /// The signing date writes a month or day as 0N: 2024年01月05日.
    ZeroPaddedDate,
}

impl Code {
    /// Every code, in the order of the table in the [module docs](self).
    pub const ALL: [Code; 15] = [
        Code::StartNotOne,
        Code::Duplicate,
        Code::Gap,
        Code::OutOfOrder,
        Code::SingleChild,
        Code::MixedDelimiter,
        Code::NonstandardDelimiter,
        Code::MixedWidth,
        Code::SkippedLevel,
        Code::LevelInversion,
        Code::MixedSchemes,
        Code::InlineSequence,
        Code::HeadingPunctuation,
        Code::TooDeep,
        Code::ZeroPaddedDate,
    ];

    /// The name used in JSON and in messages.
    pub const fn name(self) -> &'static str {
        match self {
            Code::StartNotOne => "start_not_one",
            Code::Duplicate => "duplicate",
            Code::Gap => "gap",
            Code::OutOfOrder => "out_of_order",
            Code::SingleChild => "single_child",
            Code::MixedDelimiter => "mixed_delimiter",
            Code::NonstandardDelimiter => "nonstandard_delimiter",
            Code::MixedWidth => "mixed_width",
            Code::SkippedLevel => "skipped_level",
            Code::LevelInversion => "level_inversion",
            Code::MixedSchemes => "mixed_schemes",
            Code::InlineSequence => "inline_sequence",
            Code::HeadingPunctuation => "heading_punctuation",
            Code::TooDeep => "too_deep",
            Code::ZeroPaddedDate => "zero_padded_date",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

impl Diagnostic {
    fn new(code: Code, severity: Severity, span: Span, message: String) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            span,
            line: 0,
            column: 0,
            message,
            found: None,
            expected: None,
            fix: None,
        }
    }

    fn with_found(self, found: impl Into<String>) -> Diagnostic {
        Diagnostic {
            found: Some(found.into()),
            ..self
        }
    }

    fn with_expected(self, expected: impl Into<String>) -> Diagnostic {
        Diagnostic {
            expected: Some(expected.into()),
            ..self
        }
    }

    fn with_fix(self, span: Span, replacement: impl Into<String>) -> Diagnostic {
        Diagnostic {
            fix: Some(Fix {
                span,
                replacement: replacement.into(),
            }),
            ..self
        }
    }
}

/// Each parent with its children, in pre-order: the top level (`None`), then every
/// section.
fn families<'r>(
    report: &'r Report<'r>,
) -> impl Iterator<Item = (Option<&'r Section<'r>>, &'r [Section<'r>])> {
    std::iter::once((None, report.sections.as_slice()))
        .chain(report.walk().map(|s| (Some(s), s.children.as_slice())))
}

/// Where a list sits, for messages: "under 二、扎实推进法治政府建设" or "at the top level".
///
/// Written only when a message is: most lists have no fault, and naming each parent
/// cost an allocation per list.
fn place<'r, 'a>(parent: Option<&'r Section<'a>>) -> Place<'r, 'a> {
    Place(parent)
}

/// See [`place`].
struct Place<'r, 'a>(Option<&'r Section<'a>>);

impl fmt::Display for Place<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(section) => write!(f, "under {}", name(section)),
            None => f.write_str("at the top level"),
        }
    }
}

/// A section as a reader finds it: its marker and the start of its heading.
fn name<'r, 'a>(section: &'r Section<'a>) -> Name<'r, 'a> {
    Name(section)
}

/// See [`name`].
struct Name<'r, 'a>(&'r Section<'a>);

impl fmt::Display for Name<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 12;
        let section = self.0;
        f.write_str(&section.marker.text)?;
        let mut chars = section.heading.chars();
        for c in chars.by_ref().take(MAX) {
            write!(f, "{c}")?;
        }
        if chars.next().is_some() {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// The schemes of GB/T 9704-2012 §7.3.3 (and ① below them), outermost first.
const GB_SEQUENCE: [Scheme; 5] = [
    Scheme::Hanzi,
    Scheme::ParenHanzi,
    Scheme::Arabic,
    Scheme::ParenArabic,
    Scheme::Circled,
];

fn gb_rank(scheme: Scheme) -> Option<usize> {
    GB_SEQUENCE.iter().position(|&s| s == scheme)
}

/// An example marker of a scheme, for messages.
fn sample(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::Part => "第一部分",
        Scheme::Chapter => "第一章",
        Scheme::Jie => "第一节",
        Scheme::Article => "第一条",
        Scheme::Hanzi => "一、",
        Scheme::ParenHanzi => "（一）",
        Scheme::Arabic => "1.",
        Scheme::ParenArabic => "（1）",
        Scheme::Circled => "①",
        Scheme::Shi => "一是",
        Scheme::Yao => "一要",
        Scheme::Ordinal => "第一，",
    }
}

/// Every diagnostic for a report, sorted by position, with lines and columns filled in.
pub(crate) fn check(
    input: &str,
    report: &Report<'_>,
    inversions: &[Inversion],
    lone_inline: &[LoneInline],
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    structure::level_inversions(input, inversions, &mut found);
    structure::too_deep(report, &mut found);
    // One walk over the families, and one grouping of each parent's block children by
    // scheme, serve the checks on them: a report of many sections is walked once here,
    // not once per check.
    let mut groups = sequence::BlockGroups::default();
    let mut first_children = Vec::new();
    for (parent, children) in families(report) {
        let groups = groups.fill(children);
        // Groups come in the order their schemes first appear: the first group's first
        // section is the first block child.
        if let (Some(parent), Some(child)) = (parent, groups.first().and_then(|g| g.1.first())) {
            first_children.push((parent.marker.scheme, child.marker.scheme, child.marker_span));
        }
        structure::mixed_schemes(parent, groups, &mut found);
        sequence::block_sequences(parent, groups, &mut found);
    }
    structure::skipped_levels(&first_children, &mut found);
    sequence::article_sequence(report, &mut found);
    inline::inline_sequences(input, report, lone_inline, &mut found);
    let by_scheme = style::by_scheme(report);
    style::delimiters(&by_scheme, &mut found);
    style::widths(&by_scheme, &mut found);
    style::heading_punctuation(input, report, &mut found);
    style::zero_padded_date(input, report, &mut found);
    // Sorted by cached keys: a stable sort of the diagnostics themselves would take a
    // scratch copy of all of them, the peak heap of a large parse.
    found.shrink_to_fit();
    found.sort_by_cached_key(|d| (d.span.start, d.code));
    fill_line_columns(input, &mut found);
    found
}

/// Fills `line` and `column` of diagnostics sorted by position, in one pass over `input`:
/// each line break and each character before a diagnostic is counted once, even on a
/// single long line.
fn fill_line_columns(input: &str, found: &mut [Diagnostic]) {
    // The line and column of offset `at`.
    let (mut line, mut column, mut at) = (1, 1, 0);
    for diagnostic in found.iter_mut() {
        let target = diagnostic.span.start.min(input.len());
        if target < at {
            // Not sorted (cannot happen after the sort in `check`); fall back to a scan.
            (diagnostic.line, diagnostic.column) = diagnostic.span.line_col(input);
            continue;
        }
        let (breaks, last) = crate::span::line_breaks(input, at, target);
        let counted_from = match last {
            Some(line_start) => {
                line += breaks;
                column = 1;
                line_start
            }
            None => at,
        };
        column += input
            .get(counted_from..target)
            .map_or(0, |s| s.chars().count());
        at = target;
        diagnostic.line = line;
        diagnostic.column = column;
    }
}
