//! The scanner: finds every number in a paragraph, reads it as a quantity, and decides
//! whether it is a metric — or which kind of non-metric — from the characters around it.

use std::borrow::Cow;
use std::cell::Cell;

use super::number::{self, Overflow, Quantity};
use super::{Approx, Kind, Metric, NonMetric, Reason};
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
    for paragraph in paragraphs {
        scan_paragraph(input, paragraph, &mut out);
    }
    out
}

/// Maps byte offsets in a paragraph's joined text to offsets in the input.
struct OffsetMap<'p> {
    pieces: &'p [Span],
}

impl OffsetMap<'_> {
    /// The input offset of the character at text offset `at`.
    fn start(&self, at: usize) -> usize {
        let mut offset = 0;
        for piece in self.pieces {
            if at < offset + piece.len() {
                return piece.start + (at - offset);
            }
            offset += piece.len();
        }
        self.pieces.last().map_or(0, |p| p.end)
    }

    /// The input offset just after the character that ends at text offset `at`.
    fn end(&self, at: usize) -> usize {
        let mut offset = 0;
        for piece in self.pieces {
            if at <= offset + piece.len() {
                return piece.start + (at - offset);
            }
            offset += piece.len();
        }
        self.pieces.last().map_or(0, |p| p.end)
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
    /// Where the last clause break and sentence end before a metric, and the next
    /// sentence end after it, were found: numbers come left to right, so each search
    /// resumes where the previous one stopped instead of going to the paragraph's ends
    /// (which made a long line without breaks quadratic).
    clause_before: Cell<Before>,
    sentence_before: Cell<Before>,
    sentence_after: Cell<Option<After>>,
}

/// The last match of a predicate in `text[..checked]`, if any.
#[derive(Clone, Copy, Default)]
struct Before {
    checked: usize,
    found: Option<usize>,
}

impl Before {
    /// The offset of the last char of `text[..at]` matching `pred`.
    fn rfind(memo: &Cell<Before>, text: &str, at: usize, pred: fn(char) -> bool) -> Option<usize> {
        let old = memo.get();
        if at < old.checked {
            return text[..at].rfind(pred);
        }
        let found = text[old.checked..at]
            .rfind(pred)
            .map(|i| old.checked + i)
            .or(old.found);
        memo.set(Before { checked: at, found });
        found
    }
}

/// The first match of a predicate in `text[from..]` (`None`: there is none).
#[derive(Clone, Copy)]
struct After {
    from: usize,
    found: Option<usize>,
}

impl After {
    /// The offset of the first char of `text[at..]` matching `pred`.
    fn find(
        memo: &Cell<Option<After>>,
        text: &str,
        at: usize,
        pred: fn(char) -> bool,
    ) -> Option<usize> {
        if let Some(old) = memo.get() {
            if old.from <= at && old.found.is_none_or(|f| at <= f) {
                return old.found;
            }
        }
        let found = text[at..].find(pred).map(|i| at + i);
        memo.set(Some(After { from: at, found }));
        found
    }
}

impl<'a> Scan<'a, '_, '_> {
    fn prev_char(&self, at: usize) -> Option<char> {
        self.text[..at].chars().next_back()
    }

    /// Text of the input under a paragraph text range: borrowed when it lies in one piece.
    fn cow(&self, start: usize, end: usize) -> Cow<'a, str> {
        let span = self.map.span(start, end);
        let raw = &self.input[span.range()];
        if raw == &self.text[start..end] {
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
/// bare 百/千/万, which begin words: 百姓, 千方百计, 万家). A 大写 digit (壹 … 玖) only
/// starts one after a non-Han character: 队伍 and 大陆 are words.
fn starts_chinese(c: char, prev: Option<char>) -> bool {
    let capital = matches!(
        c,
        '壹' | '贰' | '叁' | '肆' | '伍' | '陆' | '柒' | '捌' | '玖' | '拾'
    );
    if capital {
        return !prev.is_some_and(is_han);
    }
    matches!(numeral::chinese_digit(c), Some(1..=9)) || matches!(c, '十' | '廿' | '卅')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The quotation “…” around `at`, if a short one (a name or slogan) holds it: the
/// offsets just inside its marks.
fn quoted(text: &str, at: usize) -> Option<(usize, usize)> {
    const MAX: usize = 12;
    // Look at most MAX chars each way: a search to the paragraph's ends for a quote
    // would make every number cost the paragraph's length (quadratic on a long line).
    let mut open = None;
    for (i, c) in text[..at].char_indices().rev().take(MAX) {
        match c {
            '“' | '「' => {
                open = Some(i);
                break;
            }
            '”' | '」' => return None,
            _ => {}
        }
    }
    let open = open?;
    for (i, c) in text[at..].char_indices().take(MAX + 1) {
        match c {
            '”' | '」' => return Some((open + '“'.len_utf8(), at + i)),
            '“' | '「' => return None,
            _ => {}
        }
    }
    None
}

fn scan_paragraph<'a>(input: &'a str, paragraph: &Paragraph, out: &mut Extraction<'a>) {
    let text = paragraph.text(input);
    let scan = Scan {
        input,
        text: &text,
        map: OffsetMap {
            pieces: paragraph.pieces(),
        },
        clause_before: Cell::default(),
        sentence_before: Cell::default(),
        sentence_after: Cell::default(),
    };
    let mut at = 0;
    // A numbering marker opening the paragraph: 1. （一） 一、 一是.
    if let Ok((rest, _)) = numbering::marker::<nom::error::Error<&str>>(&text) {
        let end = text.len() - rest.len();
        if text[..end]
            .chars()
            .any(|c| is_arabic(c) || numeral::is_chinese_numeral_char(c))
        {
            out.non_metrics
                .push(scan.non_metric(0, end, Reason::ListMarker));
        }
        at = end;
    }
    while let Some(c) = text[at..].chars().next() {
        let next = if c == '第' {
            scan.ordinal(at, out)
        } else if is_arabic(c) {
            Some(scan.arabic(at, out))
        } else if starts_chinese(c, scan.prev_char(at)) {
            scan.chinese(at, out)
        } else if matches!(c, '百' | '千' | '万') {
            scan.fused(at, out)
        } else {
            None
        };
        at = next.unwrap_or(at + c.len_utf8());
    }
}

/// Words before a number that make it an identifier: 拨打12345.
const ID_BEFORE: &[&str] = &[
    "拨打", "热线", "电话", "号码", "编号", "代码", "邮编", "专线",
];

/// Words after a number that make it an identifier: 12345工单, 8890服务热线.
const ID_AFTER: &[&str] = &[
    "热线", "平台", "工单", "专线", "服务", "便民", "政务", "系统", "电话", "号码", "短信", "网格",
];

/// Words before a number that count a period back: 近三年, 过去五年.
const PERIOD_BEFORE: &[&str] = &["近", "过去", "前", "后", "这", "每"];

/// Qualifiers before a number.
const APPROX_BEFORE: &[(&str, Approx)] = &[
    ("不少于", Approx::AtLeast),
    ("至少", Approx::AtLeast),
    ("超过", Approx::Over),
    ("多于", Approx::Over),
    ("逾", Approx::Over),
    ("不足", Approx::Under),
    ("不到", Approx::Under),
    ("近", Approx::Under),
    ("大约", Approx::About),
    ("约", Approx::About),
];

/// Numerals fused into words and names: (word, byte offset of the numeral in it, reason).
const LEXICON: &[(&str, usize, Reason)] = &[
    ("进万家", 3, Reason::Word),
    ("千家万户", 0, Reason::Word),
    ("一把手", 0, Reason::Word),
    ("一盘棋", 0, Reason::Word),
    ("一站式", 0, Reason::Word),
    ("一条龙", 0, Reason::Word),
    ("一张网", 0, Reason::Word),
    ("一次性", 0, Reason::Word),
    ("一系列", 0, Reason::Word),
    ("一揽子", 0, Reason::Word),
    ("一体化", 0, Reason::Word),
    ("一件事", 0, Reason::Campaign),
    ("一网通办", 0, Reason::Campaign),
    ("最多跑一次", 9, Reason::Campaign),
    ("三重一大", 0, Reason::Campaign),
    ("两学一做", 0, Reason::Campaign),
    ("一规划两纲要", 0, Reason::Campaign),
    ("五位一体", 0, Reason::Campaign),
    ("四个全面", 0, Reason::Campaign),
    ("两个维护", 0, Reason::Campaign),
    ("两个确立", 0, Reason::Campaign),
    ("四个意识", 0, Reason::Campaign),
    ("四个自信", 0, Reason::Campaign),
    ("三个代表", 0, Reason::Campaign),
    ("三项制度", 0, Reason::Campaign),
    ("三会一课", 0, Reason::Campaign),
    ("三农", 0, Reason::Campaign),
    ("百日行动", 0, Reason::Campaign),
    ("万人大学堂", 0, Reason::Campaign),
    ("千方百计", 0, Reason::Word),
    ("一刀切", 0, Reason::Word),
    ("一封信", 0, Reason::Word),
    ("进行一次", 6, Reason::Word),
];

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
        if let Some(resume) = self.month_day(at, end, n.value, out) {
            return resume;
        }
        if before.ends_with(['〔', '[', '【']) || ID_BEFORE.iter().any(|w| before.ends_with(w)) {
            push(out, Reason::Identifier);
            return end;
        }
        if after.starts_with('+') || quoted(self.text, at).is_some() {
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
        let quantity = number::quantity(&self.text[at..]).unwrap_or_default();
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
        self.metric(at, q, out)
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
        // 2025-02-27, 2025/2/27, 2025.2.27
        for sep in ['-', '/', '.'] {
            let mut parts = after.splitn(3, sep);
            let (Some(""), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            let (Ok(Some(mn)), Ok(Some(dn))) = (number::arabic(m), number::arabic(d)) else {
                continue;
            };
            if mn.len == m.len() && mn.int_digits <= 2 && dn.int_digits <= 2 {
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
        let mut resume = month_at;
        let reason = match number::number(&self.text[month_at..]).ok().flatten() {
            Some(m) if self.text[month_at + m.len..].starts_with('月') => {
                out.non_metrics.push(self.non_metric(at, end, Reason::Date));
                Reason::Date
            }
            _ => {
                out.non_metrics.push(self.non_metric(at, end, Reason::Year));
                Reason::Year
            }
        };
        if reason == Reason::Date {
            resume = month_at;
        }
        Some(resume)
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
        for &(word, offset, reason) in LEXICON {
            let fused = at
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
        // 二〇二三年: a year in Chinese digits.
        if let Ok((rest, year)) = numeral::chinese_digits::<nom::error::Error<&str>>(after_numeral)
        {
            if (1900..=2100).contains(&year) && rest.starts_with('年') {
                let end = self.text.len() - rest.len();
                out.non_metrics.push(self.non_metric(at, end, Reason::Year));
                return Some(end);
            }
        }
        let n = number::chinese(after_numeral)?;
        let end = at + n.len;
        let after = &self.text[end..];
        let push = |out: &mut Extraction<'a>, reason| {
            out.non_metrics.push(self.non_metric(at, end, reason));
            Some(end)
        };
        if let Some((open, close)) = quoted(self.text, at) {
            // “六个”环节 quotes a count for emphasis; “八五”普法, “三项制度” and the chained
            // “四失”“五类” are names.
            let chained = self.text[..open]
                .trim_end_matches(['“', '「'])
                .ends_with(['”', '」'])
                || self.text[close..]
                    .trim_start_matches(['”', '」'])
                    .starts_with(['“', '「']);
            return match number::quantity(after_numeral) {
                Ok(Some(q)) if q.unit.is_some() && at + q.end == close && !chained => {
                    Some(self.metric(at, q, out))
                }
                _ => push(out, Reason::Campaign),
            };
        }
        // 作为一项重要任务, 是一项系统工程, 无一起: 一 as an article, or as "not one".
        if n.value == Decimal::from(1u32) && before.ends_with(['是', '为', '无']) {
            return push(out, Reason::Word);
        }
        let campaign = after.starts_with("五普法")
            || after.starts_with("五”")
            || after.starts_with("五规划")
            || after.starts_with("五时期")
            || after.starts_with("五期间")
            || after.starts_with('大')
            || after.starts_with('届')
            || after.starts_with("中全会")
            || after.starts_with("普法");
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
        match number::quantity(after_numeral) {
            Ok(Some(q)) if q.unit.is_some() => Some(self.metric(at, q, out)),
            _ => None,
        }
    }

    /// Records the quantity at `at` as a metric. Returns where scanning resumes.
    fn metric(&self, at: usize, q: Quantity, out: &mut Extraction<'a>) -> usize {
        let Some((unit, _, unit_end)) = q.unit else {
            return at + q.number.len;
        };
        let before = &self.text[..at];
        let mut start = at;
        let mut approx = q.approx.map(|(a, s, e)| (a, at + s, at + e));
        if approx.is_none() {
            if let Some(&(word, kind)) = APPROX_BEFORE.iter().find(|(w, _)| before.ends_with(w)) {
                start = at - word.len();
                approx = Some((kind, start, at));
            }
        }
        let end = at + q.end;
        let clause_break = Before::rfind(&self.clause_before, self.text, start, is_clause_break);
        let (label_start, label_end) = label(self.text, start, clause_break);
        let label_text = (label_start < label_end).then(|| self.cow(label_start, label_end));
        let mut kind = unit.kind;
        if kind == Kind::Percent && label_text.as_deref().is_some_and(|l| l.ends_with('率')) {
            kind = Kind::Ratio;
        }
        let counted = unit
            .classifier
            .then(|| counted_noun(self.text, at + unit_end))
            .flatten()
            .map(|(s, e)| self.cow(s, e));
        let (sentence_start, sentence_end) = sentence(
            self.text,
            Before::rfind(&self.sentence_before, self.text, start, is_sentence_end),
            After::find(&self.sentence_after, self.text, end, is_sentence_end),
        );
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
            unit: Cow::Borrowed(unit.text),
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

/// Characters that end a clause: the label of a number never reaches past one.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '；'
            | ';'
            | '：'
            | ':'
            | '、'
            | '！'
            | '？'
            | '!'
            | '?'
            | '（'
            | '('
            | '）'
            | ')'
            | '“'
            | '”'
            | '《'
            | '》'
            | '\n'
    )
}

/// Words between a label and its number that are not part of the label: 罚款金额共计52800元.
const LABEL_TAIL: &[&str] = &[
    "共计",
    "合计",
    "总计",
    "累计",
    "共",
    "计",
    "达到",
    "达",
    "为",
    "约",
    "近",
    "超过",
    "逾",
    "不足",
    "不到",
    "不少于",
    "大约",
    "高达",
    "多达",
    "仅",
    "分别",
    "均",
    "各",
];

/// The label of a number starting at `start`: the clause before it, less connecting
/// words at its end. `clause_break` is the last clause break before `start`.
fn label(text: &str, start: usize, clause_break: Option<usize>) -> (usize, usize) {
    let clause_start = clause_break.map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let mut end = start;
    loop {
        let clause = &text[clause_start..end];
        match LABEL_TAIL.iter().find(|w| clause.ends_with(*w)) {
            Some(w) => end -= w.len(),
            None => break,
        }
    }
    let clause = text[clause_start..end].trim();
    let lead = text[clause_start..end].len() - text[clause_start..end].trim_start().len();
    (clause_start + lead, clause_start + lead + clause.len())
}

/// The noun a classifier counts, when a short one follows: 五项[法定程序].
fn counted_noun(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &text[from..];
    // Seven chars tell whether the noun is 1 to 6 chars long: never search further.
    let len = rest
        .char_indices()
        .take(7)
        .find(|&(_, c)| is_clause_break(c))
        .map_or_else(
            || rest.char_indices().nth(7).map_or(rest.len(), |(i, _)| i),
            |(i, _)| i,
        );
    let chars = rest[..len].chars().count();
    (1..=6).contains(&chars).then_some((from, from + len))
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// The sentence around a number, from the last sentence end before it and the first
/// one after it.
fn sentence(text: &str, end_before: Option<usize>, end_after: Option<usize>) -> (usize, usize) {
    let after = |i: usize| i + text[i..].chars().next().map_or(1, char::len_utf8);
    (
        end_before.map_or(0, after),
        end_after.map_or(text.len(), after),
    )
}
