//! Report metadata: title, issuer, year, signing date and the source bar of web pages.
//!
//! The anchors are the genre's: the title is the first front-matter line that names a
//! document kind (报告, 总结, 意见 …); the issuer is an organ line above it
//! ("商酒务镇人民政府"), else the organ or place that opens the title before its year
//! ("白甸镇人民政府2024年…"), else an organ line below it or a signature at the end; the
//! year is the one the title names; the date is the signing date on a line of its own,
//! written "2024年12月31日" or "二〇二四年十二月三十一日".

use std::borrow::Cow;

use crate::Span;
use crate::normalize::{Dropped, DroppedKind, Normalized, Paragraph, WEB_HEADER_KEYS};
use crate::numeral;
use crate::report::{Date, SourceField};

type E<'a> = nom::error::Error<&'a str>;

/// What the front matter and the closing lines say about the report.
#[derive(Default)]
pub(crate) struct Metadata<'a> {
    pub(crate) title: Option<(Cow<'a, str>, Span)>,
    pub(crate) issuer: Option<(Cow<'a, str>, Span)>,
    pub(crate) year: Option<u16>,
    pub(crate) date: Option<(Date, Span)>,
    pub(crate) source: Vec<SourceField<'a>>,
    /// Indices of the paragraphs that are metadata, not text: the title and an issuer
    /// line.
    pub(crate) consumed: Vec<usize>,
}

const GENRES: &[&str] = &[
    "报告",
    "总结",
    "通知",
    "意见",
    "方案",
    "规划",
    "计划",
    "要点",
    "决定",
    "办法",
    "规定",
    "细则",
    "公告",
    "通告",
    "通报",
    "请示",
    "批复",
    "纪要",
    "讲话",
    "汇报",
    "情况",
    "说明",
    "白皮书",
    "公报",
];

const ORGAN_SUFFIXES: &[&str] = &[
    "人民政府",
    "政府",
    "委员会",
    "办公室",
    "办公厅",
    "办事处",
    "街道",
    "党委",
    "党组",
    "局",
    "厅",
    "委",
    "镇",
    "乡",
    "区",
    "县",
    "市",
    "省",
    "院",
    "部",
    "中心",
    "所",
    "站",
    "队",
    "司",
    "处",
];

/// Reads the metadata of a normalized document.
pub(crate) fn extract<'a>(input: &'a str, doc: &Normalized) -> Metadata<'a> {
    let paragraphs = &doc.paragraphs;
    let front: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| paragraphs[i].front)
        .collect();
    let texts: Vec<Cow<'a, str>> = front.iter().map(|&i| paragraphs[i].text(input)).collect();
    let mut meta = Metadata::default();

    let title_at = texts
        .iter()
        .position(|t| GENRES.iter().any(|g| t.contains(g)))
        .or_else(|| {
            texts
                .iter()
                .position(|t| !is_organ_line(t) && parse_date(t).is_none())
        });
    if let Some(at) = title_at {
        // A title wrapped onto two lines: "关于…2023年度法治政府建设" / "情况的报告".
        let start = if at > 0 && texts[at].chars().count() <= 12 && is_title_head(&texts[at - 1]) {
            at - 1
        } else {
            at
        };
        let title_paragraphs: Vec<&Paragraph> =
            (start..=at).map(|k| &paragraphs[front[k]]).collect();
        let span = title_paragraphs
            .iter()
            .map(|p| p.span())
            .reduce(Span::cover)
            .unwrap_or_default();
        let text = if start == at {
            texts[at].clone()
        } else {
            Cow::Owned(texts[start..=at].concat())
        };
        meta.year = year_in(&text);
        meta.consumed.extend(front[start..=at].iter().copied());
        let organ_above = (0..start).rev().find(|&k| is_organ_line(&texts[k]));
        let organ_below = (at + 1..texts.len()).find(|&k| is_organ_line(&texts[k]));
        if let Some(k) = organ_above {
            meta.issuer = Some((texts[k].clone(), paragraphs[front[k]].span()));
            meta.consumed.push(front[k]);
        } else if let Some(issuer) = title_prefix(input, &title_paragraphs, &text) {
            meta.issuer = Some(issuer);
        } else if let Some(k) = organ_below {
            meta.issuer = Some((texts[k].clone(), paragraphs[front[k]].span()));
            meta.consumed.push(front[k]);
        }
        meta.title = Some((text, span));
    }
    if meta.year.is_none() {
        meta.year = paragraphs
            .iter()
            .find(|p| !p.front)
            .and_then(|p| year_in(&p.text(input).chars().take(20).collect::<String>()));
    }
    meta.date = signing_date(input, paragraphs, &meta.consumed);
    if meta.issuer.is_none() {
        meta.issuer = signature(input, paragraphs, meta.date.map(|(_, span)| span));
    }
    meta.source = doc
        .dropped
        .iter()
        .filter(|d| d.kind == DroppedKind::WebHeader)
        .flat_map(|d| source_fields(input, d))
        .collect();
    meta.consumed.sort_unstable();
    meta
}

/// A short line that names an organ: "商酒务镇人民政府", "中共某某委员会".
fn is_organ_line(text: &str) -> bool {
    let len = text.chars().count();
    (2..=30).contains(&len)
        && !text.contains(['。', '；', '，', ',', '：', ':'])
        && !GENRES.iter().any(|g| text.contains(g))
        && ORGAN_SUFFIXES.iter().any(|s| text.ends_with(s))
        && !text.chars().any(|c| numeral::arabic_digit(c).is_some())
}

/// Whether a front line can be the first half of a wrapped title.
fn is_title_head(text: &str) -> bool {
    !is_organ_line(text) && parse_date(text).is_none() && !text.contains(['。', '；'])
}

/// The organ or place before the year or 关于 in the title: "白甸镇人民政府2024年…".
fn title_prefix<'a>(
    input: &'a str,
    title: &[&Paragraph],
    text: &str,
) -> Option<(Cow<'a, str>, Span)> {
    let cut = [text.find("关于"), year_position(text)]
        .into_iter()
        .flatten()
        .min()?;
    let prefix = text[..cut].trim();
    if !(2..=30).contains(&prefix.chars().count()) || prefix.contains(['。', '，', '：']) {
        return None;
    }
    // Map the prefix back to the input: it starts the title's first paragraph.
    let first = title.first()?;
    let pieces = first.pieces();
    let start = pieces.first()?.start;
    let mut remaining = prefix.len();
    let mut end = start;
    for piece in pieces {
        let take = remaining.min(piece.len());
        end = piece.start + take;
        remaining -= take;
        if remaining == 0 {
            break;
        }
    }
    let span = Span::new(start, end);
    let borrowed = &input[span.range()];
    let text = if borrowed == prefix {
        Cow::Borrowed(borrowed)
    } else {
        Cow::Owned(prefix.to_owned())
    };
    Some((text, span))
}

/// The byte position of the first "YYYY年" (Arabic or Chinese digits) in `text`.
fn year_position(text: &str) -> Option<usize> {
    let mut prev_digit = false;
    text.char_indices().find_map(|(at, c)| {
        let found = (!prev_digit)
            .then(|| year_at(&text[at..]))
            .flatten()
            .map(|_| at);
        prev_digit = numeral::arabic_digit(c).is_some() || numeral::chinese_digit(c).is_some();
        found
    })
}

/// A year of 1900–2100 followed by 年 at the start of `text`.
fn year_at(text: &str) -> Option<u16> {
    let (rest, value) = numeral::arabic::<E>(text)
        .ok()
        .filter(|(rest, _)| text.len() - rest.len() <= 12)
        .or_else(|| numeral::chinese_digits::<E>(text).ok())?;
    let digits = text[..text.len() - rest.len()].chars().count();
    (digits == 4 && rest.starts_with('年') && (1900..=2100).contains(&value))
        .then(|| u16::try_from(value).ok())
        .flatten()
}

/// The first year named in `text`.
fn year_in(text: &str) -> Option<u16> {
    let at = year_position(text)?;
    year_at(&text[at..])
}

/// "2024年12月31日", "２０２４年１月５日" or "二〇二四年十二月三十一日", at the start of `text`;
/// returns the date and the length of its text.
pub(crate) fn date_at(text: &str) -> Option<(Date, usize)> {
    let (rest, year) = numeral::arabic::<E>(text)
        .ok()
        .or_else(|| numeral::chinese_digits::<E>(text).ok())?;
    let rest = rest.strip_prefix('年')?;
    let (rest, month) = numeral::arabic::<E>(rest)
        .ok()
        .or_else(|| numeral::chinese::<E>(rest).ok())?;
    let rest = rest.strip_prefix('月')?;
    let (rest, day) = numeral::arabic::<E>(rest)
        .ok()
        .or_else(|| numeral::chinese::<E>(rest).ok())?;
    let rest = rest.strip_prefix('日')?;
    let date = Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )?;
    Some((date, text.len() - rest.len()))
}

/// A line that is a date, maybe bracketed or led by a dash: "2024年12月31日",
/// "（2024年1月5日）".
fn parse_date(text: &str) -> Option<(Date, usize, usize)> {
    let trimmed = text.trim_start_matches(['（', '(', '—', '-', ' ']);
    let start = text.len() - trimmed.len();
    let (date, len) = date_at(trimmed)?;
    let tail = trimmed[len..].trim_matches(['）', ')', ' ']);
    tail.is_empty().then_some((date, start, start + len))
}

/// The signing date: the last paragraph that is only a date (among the last few), else
/// a dated line in the front matter.
fn signing_date(input: &str, paragraphs: &[Paragraph], consumed: &[usize]) -> Option<(Date, Span)> {
    let dated = |p: &Paragraph| {
        let text = p.text(input);
        if text.chars().count() > 40 {
            return None;
        }
        // A signature and a date on one line: "某某镇人民政府 2024年12月31日".
        let (date, start, end) = parse_date(&text).or_else(|| {
            text.char_indices()
                .filter(|&(at, c)| {
                    at > 0
                        && (numeral::arabic_digit(c).is_some()
                            || numeral::chinese_digit(c).is_some())
                })
                .find_map(|(at, _)| parse_date(&text[at..]).map(|(d, s, e)| (d, at + s, at + e)))
        })?;
        Some((date, locate(p, start, end)))
    };
    let closing = paragraphs.iter().rev().take(4).find_map(dated);
    closing.or_else(|| {
        paragraphs
            .iter()
            .enumerate()
            .filter(|&(i, p)| p.front && !consumed.contains(&i))
            .find_map(|(_, p)| dated(p))
    })
}

/// The input span of bytes `start..end` of a paragraph's text.
fn locate(paragraph: &Paragraph, start: usize, end: usize) -> Span {
    let mut offset = 0;
    let (mut from, mut to) = (None, None);
    for piece in paragraph.pieces() {
        let next = offset + piece.len();
        if from.is_none() && start < next {
            from = Some(piece.start + (start - offset));
        }
        if to.is_none() && end <= next {
            to = Some(piece.start + (end - offset));
        }
        offset = next;
    }
    let span = paragraph.span();
    Span::new(from.unwrap_or(span.start), to.unwrap_or(span.end))
}

/// An organ line signing the report, just above the date (or last).
fn signature<'a>(
    input: &'a str,
    paragraphs: &[Paragraph],
    date: Option<Span>,
) -> Option<(Cow<'a, str>, Span)> {
    let tail = paragraphs.iter().rev().take(3);
    tail.filter(|p| !p.front && date.is_none_or(|d| p.span().end <= d.end))
        .map(|p| (p.text(input), p.span()))
        .find(|(text, _)| is_organ_line(text))
}

/// The key–value pairs of a web-page header line: "来源: 政社办 发布时间:2025-02-27 14:46".
fn source_fields<'a>(input: &'a str, line: &Dropped) -> Vec<SourceField<'a>> {
    let text = &input[line.span.range()];
    let mut keys: Vec<(usize, &str, usize)> = WEB_HEADER_KEYS
        .iter()
        .flat_map(|key| text.match_indices(*key))
        .filter_map(|(at, key)| {
            let after = &text[at + key.len()..];
            let value_at = after.trim_start_matches(' ');
            let colon = value_at.strip_prefix([':', '：'])?;
            Some((at, key, text.len() - colon.len()))
        })
        .collect();
    keys.sort_unstable();
    keys.dedup_by_key(|k| k.0);
    let mut fields = Vec::new();
    for (n, &(at, key, value_start)) in keys.iter().enumerate() {
        let value_end = keys.get(n + 1).map_or(text.len(), |next| next.0);
        if value_start > value_end {
            continue;
        }
        let raw = &text[value_start..value_end];
        let value = raw.trim_matches(|c: char| c.is_whitespace());
        let meaningful = value.chars().any(|c| c.is_alphanumeric());
        if !meaningful {
            continue;
        }
        let value_offset = line.span.start + value_start + (raw.len() - raw.trim_start().len());
        fields.push(SourceField {
            key: Cow::Borrowed(key),
            key_span: Span::new(line.span.start + at, line.span.start + at + key.len()),
            value: Cow::Borrowed(value),
            value_span: Span::new(value_offset, value_offset + value.len()),
        });
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases = [
            ("2024年12月31日", Some("2024-12-31")),
            ("２０２４年１月５日", Some("2024-01-05")),
            ("二〇二四年十二月三十一日", Some("2024-12-31")),
            ("二○二三年一月八日", Some("2023-01-08")),
            ("2024年13月1日", None),
            ("2024年2月30日", None),
            ("2024年12月", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                date_at(text).map(|(d, _)| d.to_string()),
                expected.map(str::to_owned),
                "{text}"
            );
        }
    }

    #[test]
    fn years() {
        assert_eq!(year_in("杨家泊镇2024年法治政府建设情况报告"), Some(2024));
        assert_eq!(year_in("小站镇2020年度法治政府建设情况报告"), Some(2020));
        assert_eq!(year_in("某县二〇二三年工作总结"), Some(2023));
        assert_eq!(year_in("关于法治政府建设情况的报告"), None);
        assert_eq!(year_in("12024年"), None);
    }

    #[test]
    fn organ_lines() {
        for text in ["商酒务镇人民政府", "中共某某县委员会", "某某街道办事处"]
        {
            assert!(is_organ_line(text), "{text}");
        }
        for text in [
            "关于2023年度法治政府建设情况的报告",
            "2024年12月31日",
            "下一步工作举措",
        ] {
            assert!(!is_organ_line(text), "{text}");
        }
    }
}
