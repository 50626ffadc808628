//! Sequence checks over G, the block children of one parent that share one scheme, in
//! order: `start_not_one`, `duplicate`, `gap`, `out_of_order`, `single_child`.

use std::fmt::Display;

use super::{Code, Diagnostic, Severity, place, sample};
use crate::numbering::{Marker, Scheme};
use crate::numeral;
use crate::{Report, Section};

/// Runs the sequence checks on the groups of one parent's block children.
///
/// Articles (第一条) are the exception, left to [`article_sequence`]: a law numbers them
/// straight through the whole text, across its chapters and sections (立法法).
pub(super) fn block_sequences(
    parent: Option<&Section<'_>>,
    groups: &[BlockGroup<'_, '_>],
    found: &mut Vec<Diagnostic>,
) {
    for (scheme, group) in groups {
        if *scheme != Scheme::Article {
            check_group(&place(parent), group, true, found);
        }
    }
}

/// Runs the sequence checks on the articles (第一条) of the whole document, one group,
/// where an article alone in its section is normal.
pub(super) fn article_sequence(report: &Report<'_>, found: &mut Vec<Diagnostic>) {
    let articles: Vec<&Section<'_>> = report
        .walk()
        .filter(|s| s.marker.scheme == Scheme::Article)
        .collect();
    check_group(&"in the document", &articles, false, found);
}

/// The block children of one parent that share a scheme, in document order.
pub(super) type BlockGroup<'r, 'a> = (Scheme, Vec<&'r Section<'a>>);

/// The block children of one parent grouped by scheme, each group in document order,
/// groups in the order their schemes first appear.
///
/// One value serves every parent in turn, keeping its lists: a report has a family for
/// each section, and fresh lists for each cost allocations in proportion.
#[derive(Default)]
pub(super) struct BlockGroups<'r, 'a> {
    groups: Vec<BlockGroup<'r, 'a>>,
    /// How many of `groups` belong to the current parent.
    used: usize,
}

impl<'r, 'a> BlockGroups<'r, 'a> {
    /// Groups `children`, forgetting the parent before.
    pub(super) fn fill(&mut self, children: &'r [Section<'a>]) -> &[BlockGroup<'r, 'a>] {
        for (_, group) in &mut self.groups {
            group.clear();
        }
        self.used = 0;
        for child in children.iter().filter(|c| !c.is_inline()) {
            let scheme = child.marker.scheme;
            let used = &mut self.groups[..self.used];
            if let Some((_, group)) = used.iter_mut().find(|(s, _)| *s == scheme) {
                group.push(child);
                continue;
            }
            // A new scheme: the next list, kept from an earlier parent or new.
            if self.used == self.groups.len() {
                self.groups.push((scheme, Vec::new()));
            }
            if let Some(slot) = self.groups.get_mut(self.used) {
                slot.0 = scheme;
                slot.1.push(child);
            }
            self.used += 1;
        }
        &self.groups[..self.used]
    }
}

/// Checks one group, which sits at `place` ("under 二、…"); `single_child` says whether
/// a group of one is a fault.
fn check_group(
    place: &dyn Display,
    group: &[&Section<'_>],
    single_child: bool,
    found: &mut Vec<Diagnostic>,
) {
    let Some(first) = group.first() else {
        return;
    };
    let marker = &first.marker;
    if marker.ordinal != 1 {
        let one = with_ordinal(marker, 1).unwrap_or_else(|| sample(marker.scheme).to_owned());
        found.push(
            Diagnostic::new(
                Code::StartNotOne,
                Severity::Warning,
                first.marker_span,
                format!(
                    "the {}-level sections {place} start at {}, not at {one}",
                    sample(marker.scheme),
                    marker.text
                ),
            )
            .with_found(marker.text.as_ref())
            .with_expected(one),
        );
    }
    if single_child && group.len() == 1 {
        found.push(
            Diagnostic::new(
                Code::SingleChild,
                Severity::Warning,
                first.marker_span,
                format!(
                    "{} is the only {}-level section {place}, and a level of one part divides \
                     nothing: add {} or drop the number",
                    marker.text,
                    sample(marker.scheme),
                    with_ordinal(marker, marker.ordinal.saturating_add(1))
                        .unwrap_or_else(|| "a second part".to_owned())
                ),
            )
            .with_found(marker.text.as_ref()),
        );
    }
    let mut last = marker.ordinal;
    let mut high = last;
    for (i, pair) in group.windows(2).enumerate() {
        let &[previous, section] = pair else { continue };
        let next = group.get(i + 2).map(|s| s.marker.ordinal);
        last = check_step(place, previous, section, (last, high), next, found);
        high = high.max(last);
    }
}

/// Checks one step of a sequence: `section` after `previous`, whose value (corrected by
/// an earlier fix) is `last`, the highest so far being `high`; `next` is the value after
/// `section`, if any. Returns the value to compare the next section with.
///
/// A section that takes up the count from `high` again is no gap: in 一、三、二、四、
/// only 三、 and 二、 are out of place.
fn check_step(
    place: &dyn Display,
    previous: &Section<'_>,
    section: &Section<'_>,
    (last, high): (u32, u32),
    next: Option<u32>,
    found: &mut Vec<Diagnostic>,
) -> u32 {
    let marker = &section.marker;
    let value = marker.ordinal;
    let want = last.saturating_add(1);
    let gap = value > want && value != high.saturating_add(1);
    if value > last && !gap {
        // The count goes on (or takes up again from the highest so far): no fault, and
        // no message to write.
        return value;
    }
    let wanted = with_ordinal(marker, want);
    let expected = wanted.clone().unwrap_or_else(|| format!("number {want}"));
    let (code, severity, message) = if value == last {
        (
            Code::Duplicate,
            Severity::Error,
            format!(
                "{} {place} repeats the number of the {} before it; expected {expected}",
                marker.text, previous.marker.text
            ),
        )
    } else if value < last {
        (
            Code::OutOfOrder,
            Severity::Error,
            format!(
                "{} {place} comes after {}; expected {expected}",
                marker.text, previous.marker.text
            ),
        )
    } else if gap {
        let missing = missing(marker, want, value - 1);
        found.push(
            Diagnostic::new(
                Code::Gap,
                Severity::Warning,
                section.marker_span,
                format!(
                    "{} {place} follows {}: {missing} missing",
                    marker.text, previous.marker.text
                ),
            )
            .with_found(marker.text.as_ref())
            .with_expected(expected),
        );
        return value;
    } else {
        return value;
    };
    // Renumbering is unambiguous when the corrected number leads straight on to the
    // next one (or, for a duplicate, when nothing follows).
    let fits = match next {
        Some(next) => next == want.saturating_add(1),
        None => code == Code::Duplicate,
    };
    let mut diagnostic = Diagnostic::new(code, severity, section.marker_span, message)
        .with_found(marker.text.as_ref())
        .with_expected(expected);
    match wanted.filter(|_| fits) {
        Some(replacement) => {
            diagnostic = diagnostic.with_fix(section.marker_span, replacement);
            found.push(diagnostic);
            want
        }
        None => {
            found.push(diagnostic);
            value
        }
    }
}

/// The missing markers from `from` to `to`, for messages: "3. is", "3. and 4. are",
/// "3. to 9. are".
fn missing(marker: &Marker<'_>, from: u32, to: u32) -> String {
    let show = |n: u32| with_ordinal(marker, n).unwrap_or_else(|| format!("number {n}"));
    match to - from {
        0 => format!("{} is", show(from)),
        1 => format!("{} and {} are", show(from), show(to)),
        _ => format!("{} to {} are", show(from), show(to)),
    }
}

/// The marker's text with its number replaced by `n`, written the same way: "5." → "6.",
/// "（四）" → "（五）", "３．" → "４．", "③" → "④". `None` when the numeral is one this
/// does not write (大写 壹, ⒈, numbers past 99 in Chinese).
pub(super) fn with_ordinal(marker: &Marker<'_>, n: u32) -> Option<String> {
    let text: &str = &marker.text;
    if let Some(first) = text.chars().next() {
        for (base, last) in [('①', '⑳'), ('⑴', '⒇')] {
            if (base..=last).contains(&first) {
                let written = char::from_u32(base as u32 + n.checked_sub(1)?)
                    .filter(|c| (base..=last).contains(c))?;
                return Some(format!("{written}{}", &text[first.len_utf8()..]));
            }
        }
    }
    let is_numeral =
        |c: char| numeral::arabic_digit(c).is_some() || numeral::is_chinese_numeral_char(c);
    let start = text.find(is_numeral)?;
    let len = text[start..]
        .find(|c: char| !is_numeral(c))
        .unwrap_or(text.len() - start);
    let old = &text[start..start + len];
    if numeral::value(old).ok() != Some(marker.ordinal) {
        return None;
    }
    let new = if old.chars().all(|c| c.is_ascii_digit()) {
        n.to_string()
    } else if old.chars().all(|c| ('０'..='９').contains(&c)) {
        n.to_string()
            .chars()
            .filter_map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32))
            .collect()
    } else if old.chars().all(|c| "一二三四五六七八九十".contains(c)) {
        chinese(n)?
    } else {
        return None;
    };
    Some(format!("{}{new}{}", &text[..start], &text[start + len..]))
}

/// 1–99 in ordinary Chinese numerals: 一, 十, 十二, 二十, 九十九.
fn chinese(n: u32) -> Option<String> {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |d: u32| DIGITS.get(d as usize).copied();
    let (tens, ones) = (n / 10, n % 10);
    let mut out = String::new();
    match tens {
        0 if ones == 0 => return None,
        0 => {}
        1 => out.push('十'),
        2..=9 => {
            out.push(digit(tens)?);
            out.push('十');
        }
        _ => return None,
    }
    if ones > 0 {
        out.push(digit(ones)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renumbered(text: &str, n: u32) -> Option<String> {
        let marker = Marker::parse(text).ok()?;
        with_ordinal(&marker, n)
    }

    #[test]
    fn renumbering_keeps_the_marker_form() {
        let cases = [
            ("5.", 6, Some("6.")),
            ("3、", 4, Some("4、")),
            ("（四）", 5, Some("（五）")),
            ("(九)", 10, Some("(十)")),
            ("十九、", 20, Some("二十、")),
            ("３．", 4, Some("４．")),
            ("（9）", 10, Some("（10）")),
            ("③", 4, Some("④")),
            ("⑶", 4, Some("⑷")),
            ("⑳", 21, None),
            ("二是", 3, Some("三是")),
            ("第二，", 3, Some("第三，")),
            ("第 2 章", 3, Some("第 3 章")),
            ("壹、", 2, None),
            ("⒈", 2, None),
            ("九十九、", 100, None),
        ];
        for (text, n, want) in cases {
            assert_eq!(renumbered(text, n).as_deref(), want, "{text} → {n}");
        }
    }
}
