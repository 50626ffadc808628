//! The scanner: finds every number in a paragraph, reads it as a quantity, and decides
//! whether it is a metric — or which kind of non-metric — from the characters around it.

use std::borrow::Cow;

use super::context::{
    APPROX_BEFORE, Breaks, ID_AFTER, ID_BEFORE, LEXICON, Opens, PERIOD_BEFORE, counted_noun,
    quoted, url_end,
};
use super::number::{self, Overflow};
use super::quantity::{self, Quantity};
use super::unit::{Unit, currency_after, currency_before};
use super::{Approx, Kind, Metric, NonMetric, Reason, is_han};
use crate::normalize::{self, Paragraph};
use crate::numbering;
use crate::numeral;
use crate::{Decimal, Span};

/// What [`extract`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Extraction<'a> {
    /// The metrics, in text order.
    pub metrics: Vec<Metric<'a>>,
    /// The numbers that are not metrics, in text order.
    pub non_metrics: Vec<NonMetric<'a>>,
}

/// Finds the metrics and non-metrics of a text of any size, with spans into it.
///
/// The text is normalized first (see [`normalize`](crate::normalize)), so a number
/// split from its unit by a PDF space ("1700 余人次") is still one metric. Metrics found
/// this way belong to no section; [`parse`](crate::parse) places them.
pub fn extract(text: &str) -> Extraction<'_> {
    extract_paragraphs(text, &normalize::normalize(text).paragraphs)
}

/// The metrics and non-metrics of the given paragraphs of `input`.
pub(crate) fn extract_paragraphs<'a>(input: &'a str, paragraphs: &[Paragraph]) -> Extraction<'a> {
    let mut out = Extraction::default();
    // One offset map's buffer for all the paragraphs, not an allocation each.
    let mut ends = Vec::new();
    let total = paragraphs.last().map_or(0, |p| p.span().end);
    for paragraph in paragraphs {
        scan_paragraph(input, paragraph, total, &mut out, &mut ends);
    }
    out
}

/// Maps byte offsets in a paragraph's joined text to offsets in the input.
struct OffsetMap<'p> {
    pieces: &'p [Span],
    /// Where each piece ends in the joined text: a binary search finds the piece of an
    /// offset, so a paragraph of many pieces costs no scan per metric.
    ends: Vec<usize>,
}

impl<'p> OffsetMap<'p> {
    /// The map of `pieces`, built in `ends` (cleared first).
    fn new(pieces: &'p [Span], mut ends: Vec<usize>) -> OffsetMap<'p> {
        ends.clear();
        ends.extend(pieces.iter().scan(0, |end, piece| {
            *end += piece.len();
            Some(*end)
        }));
        OffsetMap { pieces, ends }
    }

    /// The input offset of text offset `at` in the piece whose index is `i`.
    fn within(&self, i: usize, at: usize) -> Option<usize> {
        let (piece, end) = (self.pieces.get(i)?, self.ends.get(i)?);
        Some(piece.start + (at + piece.len() - end))
    }

    fn past_the_end(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.end)
    }

    /// The input offset of the character at text offset `at`.
    fn start(&self, at: usize) -> usize {
        let i = self.ends.partition_point(|&end| end <= at);
        self.within(i, at).unwrap_or_else(|| self.past_the_end())
    }

    /// The input offset just after the character that ends at text offset `at`.
    fn end(&self, at: usize) -> usize {
        let i = self.ends.partition_point(|&end| end < at);
        self.within(i, at).unwrap_or_else(|| self.past_the_end())
    }

    fn span(&self, start: usize, end: usize) -> Span {
        if start >= end {
            let at = self.start(start);
            return Span::new(at, at);
        }
        Span::new(self.start(start), self.end(end))
    }
}

/// One paragraph being scanned.
struct Scan<'a, 't, 'p> {
    input: &'a str,
    text: &'t str,
    map: OffsetMap<'p>,
    /// Where the clauses and sentences of the metrics so far begin and end.
    breaks: std::cell::Cell<Breaks>,
    /// The opening quotation marks found so far.
    opens: std::cell::Cell<Opens>,
}

impl<'a> Scan<'a, '_, '_> {
    /// The short quotation around `at` (see [`quoted`]).
    fn quoted(&self, at: usize) -> Option<(usize, usize)> {
        let mut opens = self.opens.get();
        let found = quoted(self.text, at, &mut opens);
        self.opens.set(opens);
        found
    }

    fn prev_char(&self, at: usize) -> Option<char> {
        self.text[..at].chars().next_back()
    }

    /// Text of the input under a paragraph text range: borrowed when it lies in one piece.
    fn cow(&self, start: usize, end: usize) -> Cow<'a, str> {
        let span = self.map.span(start, end);
        let raw = &self.input[span.range()];
        // The text is the pieces joined: a span as long as the text range holds no gap,
        // so it reads the same (comparing would cost the label's length each time).
        if raw.len() == end.saturating_sub(start) {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(self.text[start..end].to_owned())
        }
    }

    fn non_metric(&self, start: usize, end: usize, reason: Reason) -> NonMetric<'a> {
        let span = self.map.span(start, end);
        NonMetric {
            text: Cow::Borrowed(&self.input[span.range()]),
            span,
            reason,
        }
    }
}

fn is_arabic(c: char) -> bool {
    numeral::arabic_digit(c).is_some()
}

/// A character that can start a Chinese number: a digit, 两, 十, 廿, 卅 (not 零 or a
/// bare 百/千/万, which begin words: 百姓, 千方百计, 万家). A 大写 digit (壹 … 玖) after a
/// Han character starts one only when a 大写 unit or a myriad word follows it (共计壹仟
/// 玖佰圆): 队伍, 大陆 and 收拾 are words.
fn starts_chinese(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let capital = matches!(
        c,
        '壹' | '贰' | '叁' | '肆' | '伍' | '陆' | '柒' | '捌' | '玖' | '拾'
    );
    if capital {
        let unit_next =
            next.is_some_and(|n| matches!(n, '拾' | '佰' | '仟' | '万' | '萬' | '亿' | '億'));
        return !prev.is_some_and(is_han) || unit_next;
    }
    matches!(numeral::chinese_digit(c), Some(1..=9)) || matches!(c, '十' | '廿' | '卅')
}

/// "Several", before 十, 百 or 千: 数十, 几百.
fn is_several(c: char) -> bool {
    matches!(c, '数' | '几' | '幾')
}

/// Scans one paragraph of a text whose paragraphs end at `total`, adding to `out`.
fn scan_paragraph<'a>(
    input: &'a str,
    paragraph: &Paragraph,
    total: usize,
    out: &mut Extraction<'a>,
    ends: &mut Vec<usize>,
) {
    let text = paragraph.text(input);
    let scan = Scan {
        input,
        text: &text,
        map: OffsetMap::new(paragraph.pieces(), std::mem::take(ends)),
        breaks: std::cell::Cell::new(Breaks::default()),
        opens: std::cell::Cell::new(Opens::default()),
    };
    let mut at = 0;
    // A numbering marker opening the paragraph: 1. （一） 一、 一是. It was read on its
    // first line alone, as the outline reads it: "1." alone on a line is a marker even
    // when the next line, joined to it, starts with digits.
    let end = paragraph.marker_len();
    if let Some(marker) = text.get(..end).filter(|m| !m.is_empty()) {
        if marker
            .chars()
            .any(|c| is_arabic(c) || numeral::is_chinese_numeral_char(c))
        {
            out.non_metrics
                .push(scan.non_metric(0, end, Reason::ListMarker));
        }
        at = end;
    }
    let paragraph_start = paragraph.span().start;
    while let Some(hit) = next_candidate(&text, at) {
        // Room for what the rest of the text will add, judged here rather than once per
        // paragraph: a whole text can be one paragraph (one line of 10 MiB).
        let done = paragraph_start + hit;
        crate::grow::reserve_for_rest(&mut out.metrics, done, total);
        crate::grow::reserve_for_rest(&mut out.non_metrics, done, total);
        let Some(c) = text[hit..].chars().next() else {
            break;
        };
        let next = if let Some(end) = url_end(&text[hit..]) {
            // The digits and % signs of a web address are no quantities.
            if text[hit..hit + end].contains(|c: char| c.is_ascii_digit()) {
                out.non_metrics
                    .push(scan.non_metric(hit, hit + end, Reason::Identifier));
            }
            Some(hit + end)
        } else if c == '第' {
            scan.ordinal(hit, out)
        } else if is_arabic(c) {
            Some(scan.arabic(hit, out))
        } else if starts_chinese(
            c,
            scan.prev_char(hit),
            text[hit + c.len_utf8()..].chars().next(),
        ) || matches!(c, '百' | '千') && scan.prev_char(hit).is_some_and(is_several)
        {
            // 数百人: 百 opens a number after "several".
            scan.chinese(hit, out)
        } else if let Some(end) = scan.prefixed(hit, out) {
            Some(end)
        } else if matches!(c, '百' | '千' | '万') {
            scan.fused(hit, out)
        } else {
            None
        };
        at = next.unwrap_or(hit + c.len_utf8());
    }
    *ends = scan.map.ends;
}

/// Where a number, a unit written before its number (百分之, 佰分之, ￥, $) or a web
/// address (http://, www.) can start: the scanner stops only there.
static SCAN_STARTS: numeral::CharSet = numeral::CharSet::new(
    "0123456789hHwW$",
    "一二三四五六七八九十两兩廿卅壹贰叁肆伍陆柒捌玖拾百千万第佰仟萬",
    &[
        '０', '１', '２', '３', '４', '５', '６', '７', '８', '９', '¥', '￥', '＄',
    ],
);

/// Whether a label ends in a word that leads into the number rather than naming what it
/// measures: a preposition (向 由 对 将 把 给 在).
fn is_weak_label(label: &str) -> bool {
    label.ends_with(['向', '由', '对', '将', '把', '给', '在'])
}

/// The next offset at or after `from` where [`SCAN_STARTS`] holds a character.
fn next_candidate(text: &str, from: usize) -> Option<usize> {
    SCAN_STARTS.find(text, from)
}

/// A [`LEXICON`] word indexed by one of its numerals: the word, the numeral's offset,
/// the reason, and the character beside the numeral (after it when the word starts with
/// it, else before it), which rules out most words before a comparison.
type LexiconEntry = (&'static str, usize, Reason, Option<char>);

/// The [`LEXICON`] entries of one numeral character, with a one-bit-per-class summary
/// of the characters beside it in them ([`neighbour_bit`]): most numerals have
/// neighbours that no entry has, and are done with two bit tests.
#[derive(Default)]
struct Lexicon {
    entries: Vec<LexiconEntry>,
    /// The neighbours of the entries that start with the numeral (the character after).
    after: u64,
    /// The neighbours of the other entries (the character before).
    before: u64,
}

/// A neighbour's bit in a [`Lexicon`] summary: one of 63 classes of characters, or the
/// 64th for none (the text's edge).
fn neighbour_bit(c: Option<char>) -> u64 {
    c.map_or(1 << 63, |c| 1 << (c as u32 % 63))
}

/// The [`LEXICON`] entries whose character at their offset is `c`, built once, so a
/// numeral is checked against the few words that can hold it, not all of them.
fn lexicon_for(c: char) -> Option<&'static Lexicon> {
    type Index = Vec<(char, Lexicon)>;
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: Index = Vec::new();
        for &(word, offset, reason) in LEXICON {
            let Some(first) = word.get(offset..).and_then(|w| w.chars().next()) else {
                continue;
            };
            let beside = if offset == 0 {
                word[first.len_utf8()..].chars().next()
            } else {
                word.get(..offset).and_then(|w| w.chars().next_back())
            };
            let at = match index.iter().position(|(k, _)| *k == first) {
                Some(at) => at,
                None => {
                    index.push((first, Lexicon::default()));
                    index.len() - 1
                }
            };
            if let Some((_, lexicon)) = index.get_mut(at) {
                lexicon.entries.push((word, offset, reason, beside));
                if offset == 0 {
                    lexicon.after |= neighbour_bit(beside);
                } else {
                    lexicon.before |= neighbour_bit(beside);
                }
            }
        }
        index
    });
    index.iter().find(|(k, _)| *k == c).map(|(_, l)| l)
}

impl<'a> Scan<'a, '_, '_> {
    /// 第 + number: an ordinal (第一次, 第3名). Returns where scanning resumes.
    fn ordinal(&self, at: usize, out: &mut Extraction<'a>) -> Option<usize> {
        let start = at + '第'.len_utf8();
        let spaced = self.text[start..].trim_start_matches(' ');
        let from = self.text.len() - spaced.len();
        let n = number::number(spaced).ok().flatten()?;
        let mut end = from + n.len;
        if let Some(u) = super::unit::unit_at(&self.text[end..]) {
            end += u.text.len();
        }
        out.non_metrics
            .push(self.non_metric(from, from + n.len, Reason::Ordinal));
        Some(end)
    }

    /// An Arabic number at `at`. Returns where scanning resumes.
    fn arabic(&self, at: usize, out: &mut Extraction<'a>) -> usize {
        let n = match number::arabic(&self.text[at..]) {
            Ok(Some(n)) => n,
            Ok(None) => return at + 1,
            Err(Overflow) => {
                let len = self.text[at..]
                    .find(|c: char| !is_arabic(c) && c != '.' && c != ',')
                    .unwrap_or(self.text.len() - at);
                out.non_metrics
                    .push(self.non_metric(at, at + len, Reason::TooLarge));
                return at + len;
            }
        };
        let end = at + n.len;
        let after = &self.text[end..];
        let before = &self.text[..at];
        let push = |out: &mut Extraction<'a>, reason| {
            out.non_metrics.push(self.non_metric(at, end, reason));
        };
        // Clock time 14:46, and the minutes with it.
        if n.int_digits <= 2 && n.value.is_integer() {
            if let Some(minutes) = after.strip_prefix([':', '：']) {
                if let Ok(Some(m)) = number::arabic(minutes) {
                    push(out, Reason::ClockTime);
                    let m_start = end + (after.len() - minutes.len());
                    out.non_metrics.push(self.non_metric(
                        m_start,
                        m_start + m.len,
                        Reason::ClockTime,
                    ));
                    return m_start + m.len;
                }
            }
        }
        let year_like = n.int_digits == 4
            && n.value.is_integer()
            && (Decimal::from(1900u32)..=Decimal::from(2100u32)).contains(&n.value);
        if year_like {
            if let Some(resume) = self.year(at, end, out) {
                return resume;
            }
        }
        // 2025.2.27 reads as the decimal 2025.2 first: a date when the year is followed
        // by a month and a day (a decimal such as 2023.5万元 has no second point).
        let dotted_year = !n.value.is_integer()
            && n.int_digits == 4
            && self
                .text
                .get(at..at + 4)
                .and_then(|year| year.parse::<u32>().ok())
                .is_some_and(|year| (1900..=2100).contains(&year));
        if dotted_year {
            if let Some(resume) = self.dotted_date(at, out) {
                return resume;
            }
        }
        if let Some(resume) = self.month_day(at, end, n.value, out) {
            return resume;
        }
        if before.ends_with(['〔', '[', '【']) || ID_BEFORE.iter().any(|w| before.ends_with(w)) {
            push(out, Reason::Identifier);
            return end;
        }
        if after.starts_with('+') || self.quoted(at).is_some() {
            push(out, Reason::Campaign);
            return end;
        }
        if before.ends_with(['（', '(']) && after.starts_with(['）', ')']) {
            push(out, Reason::ListMarker);
            return end;
        }
        if after.starts_with("年") && PERIOD_BEFORE.iter().any(|w| before.ends_with(w))
            || after.starts_with("年来")
        {
            push(out, Reason::Period);
            return end;
        }
        let quantity = match quantity::quantity_from(&self.text[at..], n) {
            Ok(q) => q,
            Err(Overflow) => {
                push(out, Reason::TooLarge);
                return end;
            }
        };
        let Some(q) = quantity.filter(|q| q.unit.is_some()) else {
            let identifier = n.int_digits >= 5
                || ID_AFTER.iter().any(|w| after.starts_with(w))
                || after.starts_with('号');
            push(
                out,
                if identifier {
                    Reason::Identifier
                } else {
                    Reason::NoUnit
                },
            );
            return end;
        };
        if ID_AFTER.iter().any(|w| after.starts_with(w)) {
            push(out, Reason::Identifier);
            return end;
        }
        self.metric(at, q, None, out)
    }

    /// A year-like number: a year, a year range, or the start of a date.
    fn year(&self, at: usize, end: usize, out: &mut Extraction<'a>) -> Option<usize> {
        let after = self.text[end..].trim_start_matches(' ');
        let after_at = self.text.len() - after.len();
        // 2021—2025年, 2021-2025, 2021至2025年
        for dash in ["—", "–", "-", "~", "～", "至", "到", "－"] {
            let Some(second) = after.strip_prefix(dash) else {
                continue;
            };
            let Ok(Some(n2)) = number::arabic(second) else {
                continue;
            };
            if n2.int_digits != 4 {
                continue;
            }
            let s2 = after_at + dash.len();
            if after.starts_with(['-', '/', '.']) && second[n2.len..].starts_with(['-', '/', '.']) {
                break; // 2025-02-27 is a date, below
            }
            out.non_metrics
                .push(self.non_metric(at, end, Reason::YearRange));
            out.non_metrics
                .push(self.non_metric(s2, s2 + n2.len, Reason::YearRange));
            return Some(s2 + n2.len);
        }
        if let Some(resume) = self.full_date(at, end, after, after_at, out) {
            return Some(resume);
        }
        if after.starts_with('度') {
            // "2023度": a year with its 年 missing.
            out.non_metrics.push(self.non_metric(at, end, Reason::Year));
            return Some(end);
        }
        if !after.starts_with('年') {
            return None;
        }
        // 2024年12月31日: the month and day follow.
        let month_at = after_at + '年'.len_utf8();
        let month_follows = number::number(&self.text[month_at..])
            .ok()
            .flatten()
            .is_some_and(|m| self.text[month_at + m.len..].starts_with('月'));
        let reason = if month_follows {
            Reason::Date
        } else {
            Reason::Year
        };
        out.non_metrics.push(self.non_metric(at, end, reason));
        // Scanning resumes at the month either way: it is read as a date of its own.
        Some(month_at)
    }

    /// 2025-02-27, 2025/2/27, 2025.2.27 after the year at `at..end`: the separator, a
    /// month, the separator again and a day, read in place (splitting the rest of the
    /// paragraph at the separator would look for it as far as the paragraph goes, for
    /// every year). `after` is the text after the year, from `after_at`. Returns where
    /// scanning resumes.
    fn full_date(
        &self,
        at: usize,
        end: usize,
        after: &str,
        after_at: usize,
        out: &mut Extraction<'a>,
    ) -> Option<usize> {
        for sep in ['-', '/', '.'] {
            let Some(month_on) = after.strip_prefix(sep) else {
                continue;
            };
            // At most three digits: more are no month.
            let m_len = month_on
                .chars()
                .take(3)
                .take_while(|&c| is_arabic(c))
                .map(char::len_utf8)
                .sum::<usize>();
            let (m, rest) = month_on.split_at(m_len);
            let Some(d) = rest.strip_prefix(sep) else {
                continue;
            };
            let (Ok(Some(mn)), Ok(Some(dn))) = (number::arabic(m), number::arabic(d)) else {
                continue;
            };
            if mn.int_digits <= 2 && dn.int_digits <= 2 {
                let m_at = after_at + 1;
                let d_at = m_at + m.len() + 1;
                out.non_metrics.push(self.non_metric(at, end, Reason::Date));
                out.non_metrics
                    .push(self.non_metric(m_at, m_at + mn.len, Reason::Date));
                out.non_metrics
                    .push(self.non_metric(d_at, d_at + dn.len, Reason::Date));
                return Some(d_at + dn.len);
            }
        }
        None
    }

    /// A date written with points, 2025.2.27, whose year starts at `at`. Returns where
    /// scanning resumes.
    fn dotted_date(&self, at: usize, out: &mut Extraction<'a>) -> Option<usize> {
        let end = at + 4;
        let after = self.text.get(end..)?;
        if !after.starts_with('.') {
            return None;
        }
        self.full_date(at, end, after, end, out)
    }

    /// 5月20日, 12月, 20日, 3·15: dates. Returns where scanning resumes.
    fn month_day(
        &self,
        at: usize,
        end: usize,
        value: Decimal,
        out: &mut Extraction<'a>,
    ) -> Option<usize> {
        let after = &self.text[end..];
        let before = &self.text[..at];
        let small = |max: u32| {
            value.is_integer() && value >= Decimal::from(1u32) && value <= Decimal::from(max)
        };
        let month = after.starts_with('月')
            && !after.starts_with("月份以来")
            && small(12)
            && !before.ends_with('个');
        let day = (after.starts_with('日') || after.starts_with('号'))
            && small(31)
            && before.ends_with('月');
        // 3·15 (国际消费者权益日): month·day.
        let dotted = (after.starts_with('·') && small(12))
            || (before.ends_with('·')
                && small(31)
                && before[..before.len() - '·'.len_utf8()].ends_with(is_arabic));
        if !(month || day || dotted) {
            return None;
        }
        out.non_metrics.push(self.non_metric(at, end, Reason::Date));
        Some(end)
    }

    /// A numeral fused into a word or name of the [`LEXICON`]: 一把手, 宪法进万家.
    fn fused(&self, at: usize, out: &mut Extraction<'a>) -> Option<usize> {
        let c = self.text[at..].chars().next()?;
        let lexicon = lexicon_for(c)?;
        let next = self.text[at + c.len_utf8()..].chars().next();
        let prev = self.prev_char(at);
        if lexicon.after & neighbour_bit(next) == 0 && lexicon.before & neighbour_bit(prev) == 0 {
            return None;
        }
        for &(word, offset, reason, beside) in &lexicon.entries {
            let neighbour = if offset == 0 { next } else { prev };
            let fused = beside == neighbour
                && at
                    .checked_sub(offset)
                    .and_then(|from| self.text.get(from..))
                    .is_some_and(|t| t.starts_with(word));
            if fused {
                let end = at - offset + word.len();
                out.non_metrics.push(self.non_metric(at, end, reason));
                return Some(end);
            }
        }
        None
    }

    /// A Chinese numeral at `at`. Returns where scanning resumes, or `None` when the
    /// numeral is just part of a word.
    fn chinese(&self, at: usize, out: &mut Extraction<'a>) -> Option<usize> {
        let before = &self.text[..at];
        let after_numeral = &self.text[at..];
        if numbering::may_precede_inline(self.prev_char(at)) {
            type E<'x> = nom::error::Error<&'x str>;
            let inline =
                numbering::shi::<E>(after_numeral).or_else(|_| numbering::yao::<E>(after_numeral));
            if let Ok((rest, _)) = inline {
                let end = self.text.len() - rest.len();
                out.non_metrics
                    .push(self.non_metric(at, end, Reason::ListMarker));
                return Some(end);
            }
        }
        if let Some(end) = self.fused(at, out) {
            return Some(end);
        }
        // 二〇二三年: a year in Chinese digits, four of them then 年 (read only the 15
        // bytes that can hold it, so a run of digits costs nothing extra).
        let year_text = after_numeral.get(..15).unwrap_or(after_numeral);
        // Such a year has a second digit right after the first (every numeral character
        // is three bytes): most numerals are turned away by that one look.
        let second_digit = year_text
            .get(3..)
            .and_then(|t| t.chars().next())
            .and_then(numeral::chinese_digit);
        let year = second_digit
            .and_then(|_| numeral::chinese_digits::<nom::error::Error<&str>>(year_text).ok());
        if let Some((rest, year)) = year {
            if (1900..=2100).contains(&year) && rest.starts_with('年') {
                // `rest` is the rest of the 15 bytes read, not of the text.
                let end = at + (year_text.len() - rest.len());
                out.non_metrics.push(self.non_metric(at, end, Reason::Year));
                return Some(end);
            }
        }
        let n = number::chinese(after_numeral).ok().flatten()?;
        // 七八十年代: neighbouring digits read as one range, up to the second number.
        let end = match quantity::adjacent(after_numeral, n) {
            Ok(Some((second, _))) => at + n.len + second.len,
            _ => at + n.len,
        };
        let after = &self.text[end..];
        let push = |out: &mut Extraction<'a>, reason| {
            out.non_metrics.push(self.non_metric(at, end, reason));
            Some(end)
        };
        if let Some((open, close)) = self.quoted(at) {
            // “六个”环节 quotes a count for emphasis; “八五”普法, “三项制度” and the chained
            // “四失”“五类” are names.
            let chained = self.text[..open]
                .trim_end_matches(['“', '「'])
                .ends_with(['”', '」'])
                || self.text[close..]
                    .trim_start_matches(['”', '」'])
                    .starts_with(['“', '「']);
            return match quantity::quantity_from(after_numeral, n) {
                Ok(Some(q)) if q.unit.is_some() && at + q.end == close && !chained => {
                    Some(self.metric(at, q, None, out))
                }
                _ => push(out, Reason::Campaign),
            };
        }
        // 作为一项重要任务, 是一项系统工程, 无一起, 另一种: 一 as an article, as "not
        // one", or as "another".
        if n.value == Decimal::from(1u32) && before.ends_with(['是', '为', '无', '另']) {
            return push(out, Reason::Word);
        }
        // Each word is looked for only after its first character matched.
        let campaign = match after.chars().next() {
            Some('五') => ["五普法", "五”", "五规划", "五时期", "五期间"]
                .iter()
                .any(|w| after.starts_with(w)),
            Some('大' | '届') => true,
            Some('中') => after.starts_with("中全会"),
            Some('普') => after.starts_with("普法"),
            _ => false,
        };
        if campaign {
            return push(out, Reason::Campaign);
        }
        if after.starts_with('年')
            && (PERIOD_BEFORE.iter().any(|w| before.ends_with(w)) || !after.starts_with("年级"))
        {
            return push(out, Reason::Period);
        }
        if after.starts_with('月') && n.value <= Decimal::from(12u32) {
            return push(out, Reason::Date);
        }
        if (after.starts_with('日') || after.starts_with('号')) && before.ends_with('月') {
            return push(out, Reason::Date);
        }
        match quantity::quantity_from(after_numeral, n) {
            Ok(Some(q)) if q.unit.is_some() => Some(self.metric(at, q, None, out)),
            // A numeral with no unit is a word (一些, 进一步), not a number, and so is
            // the run of numeral characters it opens: scanning resumes after the run,
            // so that 一一一… is read once, not once per character.
            _ => {
                let run = after_numeral[n.len..]
                    .find(|c: char| !numeral::is_chinese_numeral_char(c))
                    .unwrap_or(after_numeral.len() - n.len);
                Some(at + n.len + run)
            }
        }
    }

    /// A quantity whose unit comes first: 百分之五, ￥300. Returns where scanning
    /// resumes, or `None` when no such unit starts at `at`.
    fn prefixed(&self, at: usize, out: &mut Extraction<'a>) -> Option<usize> {
        // 五百分之二 is a fraction, not 2%.
        let after_numeral = self
            .prev_char(at)
            .is_some_and(|c| is_arabic(c) || numeral::is_chinese_numeral_char(c));
        if after_numeral {
            return None;
        }
        let (unit, q) = quantity::prefixed(&self.text[at..]).ok().flatten()?;
        Some(self.metric(at + unit.text.len(), q, Some(unit), out))
    }

    /// Records the quantity whose number is at `at` as a metric, with its unit, or the
    /// unit `prefix` written before it. Returns where scanning resumes.
    fn metric(
        &self,
        at: usize,
        q: Quantity,
        prefix: Option<Unit>,
        out: &mut Extraction<'a>,
    ) -> usize {
        let (unit, unit_end) = match (prefix, q.unit) {
            (Some(unit), _) => (unit, None),
            (None, Some((unit, _, end))) => (unit, Some(end)),
            (None, None) => return at + q.number.len,
        };
        let mut start = at - prefix.map_or(0, |u| u.text.len());
        let before = &self.text[..start];
        let mut approx = q.approx.map(|(a, s, e)| (a, at + s, at + e));
        // 数十亿元, 几百人: "several" tens or hundreds is more than one ten or hundred.
        let several = before.chars().next_back().is_some_and(is_several)
            && self.text[at..].starts_with(['十', '百', '千']);
        if approx.is_none() && several {
            approx = Some((Approx::Over, start - 3, start));
            start -= 3; // 数, 几 and 幾 are three bytes
        }
        if approx.is_none() {
            if let Some(&(word, kind)) = APPROX_BEFORE.iter().find(|(w, _)| before.ends_with(w)) {
                approx = Some((kind, start - word.len(), start));
                start -= word.len();
            }
        }
        let mut end = at + q.end;
        // 港币两千九百六十元, 三万元欧元: a currency named next to an amount in 元 is
        // the currency the 元 counts (the name must not be the unit of a number before
        // it: 1美元7元).
        let mut unit_text = unit.text;
        if matches!(unit.text, "元" | "圆") && prefix.is_none() {
            let before = &self.text[..start];
            let named_before = currency_before(before).filter(|name| {
                !before[..before.len() - name.len()]
                    .ends_with(|c: char| is_arabic(c) || numeral::is_chinese_numeral_char(c))
            });
            if let Some(name) = named_before {
                unit_text = name;
                start -= name.len();
            } else if let Some(name) = currency_after(&self.text[end..]) {
                unit_text = name;
                end += name.len();
            }
        }
        let mut breaks = self.breaks.get();
        let (mut label_start, mut label_end) = breaks.label(self.text, start);
        let counted_at = unit_end
            .filter(|_| unit.classifier)
            .and_then(|e| counted_noun(self.text, at + e));
        // "镇党委向27个村居党组织授予…", "建立了由23名法律顾问组成的…": when the clause
        // before is empty or ends in a preposition, the number measures the noun after it.
        let weak = label_start == label_end || is_weak_label(&self.text[label_start..label_end]);
        if let (true, Some((s, e))) = (weak, counted_at) {
            (label_start, label_end) = (s, e);
        }
        let label_text = (label_start < label_end).then(|| self.cow(label_start, label_end));
        let mut kind = unit.kind;
        if kind == Kind::Percent && label_text.as_deref().is_some_and(|l| l.ends_with('率')) {
            kind = Kind::Ratio;
        }
        let counted = counted_at.map(|(s, e)| self.cow(s, e));
        let (sentence_start, sentence_end) = breaks.sentence(self.text, start, end);
        self.breaks.set(breaks);
        let span = self.map.span(start, end);
        let magnitude = q.magnitude.map(|(s, e, _)| self.cow(at + s, at + e));
        out.metrics.push(Metric {
            text: Cow::Borrowed(&self.input[span.range()]),
            span,
            number_span: self.map.span(at, at + q.number.len),
            value: q.value,
            high: q.high,
            written: q.written,
            magnitude,
            unit: Cow::Borrowed(unit_text),
            kind,
            approx: approx.map(|a| a.0),
            approx_span: approx.map(|(_, s, e)| self.map.span(s, e)),
            label: label_text,
            label_span: (label_start < label_end).then(|| self.map.span(label_start, label_end)),
            counted,
            sentence: self.map.span(sentence_start, sentence_end),
            section: Vec::new(),
        });
        end
    }
}
