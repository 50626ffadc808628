//! Checks on how markers and headings are written: `mixed_delimiter`,
//! `nonstandard_delimiter`, `mixed_width`, `heading_punctuation`, `zero_padded_date`.
//!
//! The delimiter rules are GB/T 15834-2011's for 序次语: a Chinese numeral takes 、
//! (一、), an Arabic one a point (1.), a bracketed or circled one nothing ((一) （1） ①),
//! and 第一 a comma (第一，). 一是 and 第一章 take nothing.

use super::{Code, Diagnostic, Severity, sample};
use crate::numbering::{Delimiter, Scheme};
use crate::numeral;
use crate::{Report, Section, Span};

/// The points that follow a numeral, in both widths.
const POINTS: &[char] = &['、', '.', '．', '，', ',', '：', ':'];

/// The delimiter GB/T 15834-2011 gives a scheme, or `None` when any will do (only one
/// is possible).
fn standard(scheme: Scheme) -> Option<Delimiter> {
    match scheme {
        Scheme::Hanzi => Some(Delimiter::Dun),
        Scheme::Arabic => Some(Delimiter::Dot),
        Scheme::ParenHanzi | Scheme::ParenArabic | Scheme::Circled => Some(Delimiter::None),
        Scheme::Ordinal => Some(Delimiter::Comma),
        _ => None,
    }
}

/// Whether a marker's delimiter is one GB/T 15834 allows for its scheme; "1)" is the
/// half-bracket form of （1）, not a delimiter fault.
fn is_standard(scheme: Scheme, delimiter: Delimiter) -> bool {
    standard(scheme).is_none_or(|d| d == delimiter)
        || (scheme == Scheme::ParenArabic && delimiter == Delimiter::Paren)
}

/// The delimiter as written: the final point of the marker, if it has one.
fn point_of(text: &str, delimiter: Delimiter) -> Option<char> {
    let last = text.chars().next_back()?;
    (!matches!(delimiter, Delimiter::None | Delimiter::Paren) && POINTS.contains(&last))
        .then_some(last)
}

/// The marker's text with its delimiter replaced by `to` (removed for `None`); `None`
/// when the delimiter is not a separate character (⒈, 1)).
fn with_delimiter(text: &str, delimiter: Delimiter, to: Option<char>) -> Option<String> {
    let base = match point_of(text, delimiter) {
        Some(point) => &text[..text.len() - point.len_utf8()],
        None if delimiter == Delimiter::None => text,
        None => return None,
    };
    Some(match to {
        Some(c) => format!("{base}{c}"),
        None => base.to_owned(),
    })
}

/// The character for a standard delimiter, in the width of the marker's digits.
fn standard_point(text: &str, delimiter: Delimiter) -> Option<char> {
    match delimiter {
        Delimiter::Dun => Some('、'),
        Delimiter::Comma => Some('，'),
        Delimiter::Dot if text.contains(|c: char| ('０'..='９').contains(&c)) => Some('．'),
        Delimiter::Dot => Some('.'),
        _ => None,
    }
}

/// Sections grouped by scheme, in document order.
pub(super) type ByScheme<'r> = Vec<(Scheme, Vec<&'r Section<'r>>)>;

/// The sections of the report (items included) grouped by scheme, in document order.
pub(super) fn by_scheme<'r>(report: &'r Report<'r>) -> ByScheme<'r> {
    let mut groups: Vec<(Scheme, Vec<&Section<'r>>)> = Vec::new();
    for section in report.walk() {
        let scheme = section.marker.scheme;
        match groups.iter_mut().find(|(s, _)| *s == scheme) {
            Some((_, group)) => group.push(section),
            None => groups.push((scheme, vec![section])),
        }
    }
    groups
}

/// `mixed_delimiter` for the minority delimiters of each scheme, then
/// `nonstandard_delimiter` for the other markers whose delimiter GB/T 15834 does not
/// give their scheme. A marker gets one of the two at most.
pub(super) fn delimiters(by_scheme: &ByScheme<'_>, found: &mut Vec<Diagnostic>) {
    for &(scheme, ref sections) in by_scheme {
        let mut counts: Vec<(Delimiter, usize)> = Vec::new();
        for s in sections {
            match counts.iter_mut().find(|(d, _)| *d == s.marker.delimiter) {
                Some((_, n)) => *n += 1,
                None => counts.push((s.marker.delimiter, 1)),
            }
        }
        // The most used delimiter; on a tie the standard one, else the first used.
        let majority = counts
            .iter()
            .enumerate()
            .max_by_key(|&(i, &(d, n))| (n, is_standard(scheme, d), usize::MAX - i))
            .map(|(_, &(d, n))| (d, n));
        let Some((majority, majority_count)) = majority.filter(|_| counts.len() > 1) else {
            nonstandard(scheme, sections, found);
            continue;
        };
        // The majority as written: its most common final point.
        let written = most_common(
            sections
                .iter()
                .filter(|s| s.marker.delimiter == majority)
                .filter_map(|s| point_of(&s.marker.text, majority)),
        );
        let sample_of_majority = sections
            .iter()
            .find(|s| s.marker.delimiter == majority)
            .map_or("", |s| &*s.marker.text);
        let mut rest = Vec::new();
        for s in sections {
            let marker = &s.marker;
            if marker.delimiter == majority {
                rest.push(*s);
                continue;
            }
            let expected = with_delimiter(&marker.text, marker.delimiter, written);
            let standard_note = match (
                is_standard(scheme, majority),
                is_standard(scheme, marker.delimiter),
            ) {
                (true, false) => ", as GB/T 15834-2011 does",
                (false, true) => ", though GB/T 15834-2011 uses this one",
                (false, false) => "; GB/T 15834-2011 uses neither",
                (true, true) => "",
            };
            let mut d = Diagnostic::new(
                Code::MixedDelimiter,
                Severity::Warning,
                s.marker_span,
                format!(
                    "{} is written with {}, while {majority_count} other {}-style markers in \
                     the document use {} ({sample_of_majority}){standard_note}",
                    marker.text,
                    describe(marker.delimiter),
                    sample(scheme),
                    describe(majority),
                ),
            )
            .with_found(marker.text.as_ref());
            if let Some(expected) = expected {
                if is_standard(scheme, majority) {
                    d = d.with_fix(s.marker_span, expected.clone());
                }
                d = d.with_expected(expected);
            }
            found.push(d);
        }
        nonstandard(scheme, &rest, found);
    }
}

/// `nonstandard_delimiter` for each of `sections` whose delimiter is not its scheme's.
fn nonstandard(scheme: Scheme, sections: &[&Section<'_>], found: &mut Vec<Diagnostic>) {
    let Some(standard) = standard(scheme) else {
        return;
    };
    for s in sections {
        let marker = &s.marker;
        if is_standard(scheme, marker.delimiter) {
            continue;
        }
        let expected = with_delimiter(
            &marker.text,
            marker.delimiter,
            standard_point(&marker.text, standard),
        );
        let rule = match scheme {
            Scheme::Arabic => {
                "GB/T 15834-2011 puts a point after an Arabic ordinal (some house styles \
                 accept 、)"
            }
            Scheme::Hanzi => "GB/T 15834-2011 puts 、 after a Chinese ordinal",
            Scheme::Ordinal => "GB/T 15834-2011 puts a comma after 第一",
            _ => "GB/T 15834-2011 puts no mark after a bracketed or circled ordinal",
        };
        let mut d = Diagnostic::new(
            Code::NonstandardDelimiter,
            Severity::Warning,
            s.marker_span,
            format!(
                "{} is written with {}; {rule}: {}",
                marker.text,
                describe(marker.delimiter),
                expected.as_deref().unwrap_or(sample(scheme))
            ),
        )
        .with_found(marker.text.as_ref());
        if let Some(expected) = expected {
            d = d
                .with_fix(s.marker_span, expected.clone())
                .with_expected(expected);
        }
        found.push(d);
    }
}

fn describe(delimiter: Delimiter) -> &'static str {
    match delimiter {
        Delimiter::None => "no mark",
        Delimiter::Dun => "、",
        Delimiter::Dot => "a point",
        Delimiter::Comma => "a comma",
        Delimiter::Colon => "a colon",
        Delimiter::Paren => "a closing bracket alone",
    }
}

fn most_common(chars: impl Iterator<Item = char>) -> Option<char> {
    let mut counts: Vec<(char, usize)> = Vec::new();
    for c in chars {
        match counts.iter_mut().find(|(x, _)| *x == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, &(_, n))| (n, usize::MAX - i))
        .map(|(_, &(c, _))| c)
}

/// The parts of a marker that come in two widths: brackets, points, commas, colons and
/// digits, as (name, half-width forms, full-width forms, standard width is full).
const FACETS: [(&str, &str, &str, bool); 5] = [
    ("brackets", "()", "（）", true),
    ("points", ".", "．", false),
    ("commas", ",", "，", true),
    ("colons", ":", "：", true),
    ("digits", "0123456789", "０１２３４５６７８９", false),
];

/// The facet of `c` and whether it is its full-width form: (index into [`FACETS`], full).
fn facet_of(c: char) -> Option<(usize, bool)> {
    Some(match c {
        '(' | ')' => (0, false),
        '（' | '）' => (0, true),
        '.' => (1, false),
        '．' => (1, true),
        ',' => (2, false),
        '，' => (2, true),
        ':' => (3, false),
        '：' => (3, true),
        '0'..='9' => (4, false),
        '０'..='９' => (4, true),
        _ => return None,
    })
}

/// The width of each facet of a marker's text: `Some(true)` full, `Some(false)` half,
/// `None` when absent or both (the unpaired "（1)"); with whether the facet is present.
fn facet_widths(text: &str) -> [(bool, Option<bool>); FACETS.len()] {
    let mut seen = [(false, false); FACETS.len()];
    // Every facet character is ASCII or a full-width form (lead byte EF): markers such
    // as 一、 and 第一章 have none, and are done after one look at their bytes.
    if text.bytes().any(|b| b < 0x80 || b == 0xEF) {
        for (facet, full) in text.chars().filter_map(facet_of) {
            if let Some(seen) = seen.get_mut(facet) {
                if full {
                    seen.1 = true;
                } else {
                    seen.0 = true;
                }
            }
        }
    }
    seen.map(|seen| match seen {
        (true, true) => (true, None),
        (true, false) => (true, Some(false)),
        (false, true) => (true, Some(true)),
        (false, false) => (false, None),
    })
}

/// `mixed_width`: a scheme whose markers use both widths of a facet (brackets, points,
/// commas, colons, digits), or a marker with both at once ("（1)"). The markers not in
/// the standard width are flagged, with a fix to it: full-width brackets, commas and
/// colons in Chinese text (GB/T 15834-2011), half-width digits (GB/T 15835-2011) and
/// the half-width point of "1.".
pub(super) fn widths(by_scheme: &ByScheme<'_>, found: &mut Vec<Diagnostic>) {
    for &(scheme, ref sections) in by_scheme {
        // For each facet: whether the scheme uses both widths, and how many markers use
        // the standard one.
        // Each marker's facets, read once.
        let facets: Vec<[(bool, Option<bool>); FACETS.len()]> = sections
            .iter()
            .map(|s| facet_widths(&s.marker.text))
            .collect();
        let usage: Vec<(bool, usize)> = FACETS
            .iter()
            .enumerate()
            .map(|(i, &(_, _, _, standard_full))| {
                let (mut halves, mut fulls) = (0, 0);
                for marks in &facets {
                    match marks[i].1 {
                        Some(true) => fulls += 1,
                        Some(false) => halves += 1,
                        None => {}
                    }
                }
                let standard = if standard_full { fulls } else { halves };
                (fulls > 0 && halves > 0, standard)
            })
            .collect();
        for (s, marks) in sections.iter().zip(&facets) {
            let odd = FACETS.iter().zip(&usage).zip(marks).any(
                |((&(_, _, _, standard_full), &(mixed, _)), &mark)| match mark {
                    (true, None) => true,
                    (true, Some(full)) => mixed && full != standard_full,
                    _ => false,
                },
            );
            if !odd {
                continue;
            }
            let text: &str = &s.marker.text;
            // Facets of both widths in this marker; facets of the other width than the
            // standard one, in a scheme that uses both.
            let mut within: Vec<&str> = Vec::new();
            let mut against: Vec<(&str, bool, usize)> = Vec::new();
            let mut fixed = text.to_owned();
            for ((&(name, half, full, standard_full), &(mixed, standard_count)), &mark) in
                FACETS.iter().zip(&usage).zip(marks)
            {
                match mark {
                    (true, None) => within.push(name),
                    (true, Some(full)) if mixed && full != standard_full => {
                        against.push((name, standard_full, standard_count));
                    }
                    _ => continue,
                }
                let (from, to) = if standard_full {
                    (half, full)
                } else {
                    (full, half)
                };
                fixed = fixed
                    .chars()
                    .map(|c| match from.chars().position(|f| f == c) {
                        Some(i) => to.chars().nth(i).unwrap_or(c),
                        None => c,
                    })
                    .collect();
            }
            let width = |full: bool| if full { "full-width" } else { "half-width" };
            let message = match (within.as_slice(), against.first()) {
                ([], None) => continue,
                ([], Some(&(name, standard_full, count))) => format!(
                    "{text} has {} {name}, while {count} other {}-style {} in the document \
                     {} the standard {} ones: {fixed}",
                    width(!standard_full),
                    sample(scheme),
                    if count == 1 { "marker" } else { "markers" },
                    if count == 1 { "has" } else { "have" },
                    width(standard_full),
                ),
                (names, _) => format!(
                    "{text} pairs full-width and half-width {}: {fixed}",
                    names.join(" and ")
                ),
            };
            found.push(
                Diagnostic::new(Code::MixedWidth, Severity::Warning, s.marker_span, message)
                    .with_found(text)
                    .with_expected(fixed.clone())
                    .with_fix(s.marker_span, fixed),
            );
        }
    }
}

/// The marks a standalone heading should not end with.
const HEADING_ENDS: &[char] = &['。', '；', '，', '、', ';', ',', '.'];

/// `heading_punctuation`: a numbered heading that stands alone on its line, with text
/// under it, and ends in 。；，、. A one-sentence item with nothing under it ("（一）加强
/// 学习。" then "（二）…") is a sentence, not a heading, and keeps its 。.
pub(super) fn heading_punctuation(input: &str, report: &Report<'_>, found: &mut Vec<Diagnostic>) {
    for s in report.walk().filter(|s| !s.is_inline()) {
        if s.heading_span.is_empty() || (s.paragraphs.is_empty() && s.children.is_empty()) {
            continue;
        }
        let heading = input.get(s.heading_span.range()).unwrap_or("");
        let after = input.get(s.heading_span.end..).unwrap_or("");
        // The 。 that ended the heading, or the heading's own last character.
        let mark = match after.chars().next() {
            Some('。') => Some(Span::new(
                s.heading_span.end,
                s.heading_span.end + '。'.len_utf8(),
            )),
            _ => heading
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_whitespace())
                .filter(|&(_, c)| HEADING_ENDS.contains(&c) && c != '。')
                .map(|(at, c)| {
                    let start = s.heading_span.start + at;
                    Span::new(start, start + c.len_utf8())
                }),
        };
        let Some(mark) = mark else { continue };
        // Only blanks up to the line end: stop at the first other character, so that a
        // long line (or lone \r line ends) is not read to its end for every heading.
        let alone_on_line = input[mark.end..]
            .chars()
            .take_while(|&c| c != '\n' && c != '\r')
            .all(char::is_whitespace);
        if !alone_on_line {
            continue;
        }
        let punctuation = &input[mark.range()];
        found.push(
            Diagnostic::new(
                Code::HeadingPunctuation,
                Severity::Info,
                mark,
                format!(
                    "the heading {}{} stands on its own line and ends in {punctuation}; a \
                     standalone heading takes no closing punctuation",
                    s.marker.text,
                    s.heading.trim_end_matches(HEADING_ENDS)
                ),
            )
            .with_found(punctuation)
            .with_expected("")
            .with_fix(mark, ""),
        );
    }
}

/// `zero_padded_date`: the signing date writes its month or day as 0N (GB/T 9704-2012
/// §7.3.5.4: "2024年1月5日", not "01月").
pub(super) fn zero_padded_date(input: &str, report: &Report<'_>, found: &mut Vec<Diagnostic>) {
    let Some(span) = report.date_span else {
        return;
    };
    let Some(text) = input.get(span.range()) else {
        return;
    };
    for (unit, field, next) in [('年', "month", '月'), ('月', "day", '日')] {
        let Some(at) = text.find(unit).map(|at| at + unit.len_utf8()) else {
            continue;
        };
        let digits_len = text[at..]
            .find(|c: char| numeral::arabic_digit(c).is_none())
            .unwrap_or(text.len() - at);
        let digits = &text[at..at + digits_len];
        let mut chars = digits.chars();
        let (Some(first @ ('0' | '０')), Some(second), None) =
            (chars.next(), chars.next(), chars.next())
        else {
            continue;
        };
        let start = span.start + at;
        let padded = Span::new(start, start + digits_len);
        let unpadded = second.to_string();
        found.push(
            Diagnostic::new(
                Code::ZeroPaddedDate,
                Severity::Warning,
                padded,
                format!(
                    "the signing date writes the {field} as {digits}{next}; GB/T 9704-2012 \
                     §7.3.5.4 writes months and days without a leading {first}: {unpadded}{next}"
                ),
            )
            .with_found(digits)
            .with_expected(unpadded.clone())
            .with_fix(padded, unpadded),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `facet_of` puts each character of [`FACETS`] in its facet and width, and no other.
    #[test]
    fn facet_of_agrees_with_the_table() {
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            let listed = FACETS
                .iter()
                .enumerate()
                .find_map(|(i, &(_, half, full, _))| {
                    if half.contains(c) {
                        Some((i, false))
                    } else {
                        full.contains(c).then_some((i, true))
                    }
                });
            assert_eq!(facet_of(c), listed, "{c}");
        }
    }
}
