//! The grammar of numbering markers: one nom parser per scheme, and [`marker`] for all.

use nom::IResult;
use nom::error::{ErrorKind, ParseError};

use super::{Delimiter, Marker, Scheme};
use crate::numeral;

type Res<'a, E> = IResult<&'a str, Marker<'a>, E>;

fn fail<'a, T, E: ParseError<&'a str>>(input: &'a str, kind: ErrorKind) -> IResult<&'a str, T, E> {
    Err(nom::Err::Error(E::from_error_kind(input, kind)))
}

/// The text of `input` consumed up to `rest`.
fn consumed<'a>(input: &'a str, rest: &'a str) -> &'a str {
    &input[..input.len() - rest.len()]
}

/// Strips `c` from the front of `input` when it is there.
fn eat(input: &str, accept: impl Fn(char) -> bool) -> Option<(&str, char)> {
    let c = input.chars().next()?;
    accept(c).then(|| (&input[c.len_utf8()..], c))
}

// point := "、" | "." | "．" | "，" | ","
fn point(input: &str) -> Option<(&str, Delimiter)> {
    eat(input, |c| matches!(c, '、' | '.' | '．' | '，' | ',')).map(|(rest, c)| {
        let delimiter = match c {
            '、' => Delimiter::Dun,
            '.' | '．' => Delimiter::Dot,
            _ => Delimiter::Comma,
        };
        (rest, delimiter)
    })
}

fn is_open(c: char) -> bool {
    matches!(c, '（' | '(')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | ')')
}

fn is_arabic_digit(c: char) -> bool {
    numeral::arabic_digit(c).is_some()
}

/// List numbers above this are years, codes and amounts, not markers.
const MAX_ARABIC_ORDINAL: u32 = 999;

/// Whether what follows `numeral、` abbreviates a run of numbers, as in 一、二月,
/// 一、二、三等奖, 1、2月份: then the "marker" is the first number of that run.
fn continues_number_run(rest: &str) -> bool {
    const RUN_END: &[char] = &[
        '、', '，', ',', '月', '日', '号', '季', '等', '级', '类', '批', '期', '和', '及', '至',
        '到', '产', '线', '%', '％', '-', '—', '~', '～',
    ];
    // Headings go straight on with text: rule that out before reading a numeral.
    let starts_number = rest
        .chars()
        .next()
        .is_some_and(|c| numeral::is_chinese_numeral_char(c) || numeral::arabic_digit(c).is_some());
    if !starts_number {
        return false;
    }
    type E<'a> = nom::error::Error<&'a str>;
    let after = numeral::chinese::<E>(rest)
        .or_else(|_| numeral::arabic::<E>(rest))
        .map(|(after, _)| after);
    after.is_ok_and(|after| after.starts_with(RUN_END))
}

// hanzi := chinese point
//          where not ( "." digit | "、" number-run )
/// A 汉字 marker: 一、 十二、 壹、, and the non-standard 一. 一． 一，.
///
/// ```
/// use gongwen::numbering::{hanzi, Delimiter};
/// type E<'a> = nom::error::Error<&'a str>;
/// let (rest, m) = hanzi::<E>("十二、依法行政").unwrap();
/// assert_eq!((m.ordinal, m.delimiter, rest), (12, Delimiter::Dun, "依法行政"));
/// assert!(hanzi::<E>("一、二月份").is_err());
/// assert!(hanzi::<E>("一是").is_err());
/// ```
pub fn hanzi<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    let (after_numeral, ordinal) = numeral::chinese(input)?;
    pointed(input, after_numeral, ordinal, Scheme::Hanzi)
}

// pointed := numeral point
//            where not ( "." digit | "、" number-run ), and for hanzi not "，" number-run
/// The point after a [`hanzi`] or [`arabic`] numeral (`ordinal`, ending where
/// `after_numeral` starts), with the look-alikes of body text ruled out: 1.5万元, 一、二月,
/// and for Arabic markers any number above [`MAX_ARABIC_ORDINAL`].
fn pointed<'a, E: ParseError<&'a str>>(
    input: &'a str,
    after_numeral: &'a str,
    ordinal: u32,
    scheme: Scheme,
) -> Res<'a, E> {
    let Some((rest, delimiter)) = point(after_numeral) else {
        return fail(after_numeral, ErrorKind::Char);
    };
    let false_marker = match delimiter {
        Delimiter::Dun => continues_number_run(rest),
        Delimiter::Comma if scheme == Scheme::Hanzi => continues_number_run(rest),
        _ => rest.starts_with(is_arabic_digit),
    };
    let too_large = scheme == Scheme::Arabic && ordinal > MAX_ARABIC_ORDINAL;
    if false_marker || ordinal == 0 || too_large {
        return fail(input, ErrorKind::Verify);
    }
    let text = consumed(input, rest);
    Ok((rest, Marker::new(scheme, ordinal, text, delimiter)))
}

// after_bracket := ( "、" | "." | "．" )?
fn after_bracket(input: &str) -> (&str, Delimiter) {
    match point(input) {
        Some((rest, d @ (Delimiter::Dun | Delimiter::Dot))) => (rest, d),
        _ => (input, Delimiter::None),
    }
}

// bracketed := open numeral close after_bracket
fn bracketed<'a, E: ParseError<&'a str>>(
    input: &'a str,
    scheme: Scheme,
    numeral: fn(&'a str) -> IResult<&'a str, u32, E>,
) -> Res<'a, E> {
    let Some((inner, _)) = eat(input, is_open) else {
        return fail(input, ErrorKind::Char);
    };
    let (after_numeral, ordinal) = numeral(inner)?;
    let Some((after_close, _)) = eat(after_numeral, is_close) else {
        return fail(after_numeral, ErrorKind::Char);
    };
    if ordinal == 0 || (scheme == Scheme::ParenArabic && ordinal > MAX_ARABIC_ORDINAL) {
        return fail(input, ErrorKind::Verify);
    }
    let (rest, delimiter) = after_bracket(after_close);
    let text = consumed(input, rest);
    Ok((rest, Marker::new(scheme, ordinal, text, delimiter)))
}

// paren_hanzi := ( "（" | "(" ) chinese ( "）" | ")" ) after_bracket
/// A bracketed 汉字 marker: （一） (一) and the unpaired （一) (一）.
///
/// ```
/// use gongwen::numbering::{paren_hanzi, Width};
/// type E<'a> = nom::error::Error<&'a str>;
/// let (_, m) = paren_hanzi::<E>("(二)持续强化").unwrap();
/// assert_eq!((m.ordinal, m.width), (2, Width::Half));
/// assert!(paren_hanzi::<E>("(居)").is_err());
/// ```
pub fn paren_hanzi<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    bracketed(input, Scheme::ParenHanzi, numeral::chinese)
}

// paren_arabic := ( "（" | "(" ) arabic ( "）" | ")" ) after_bracket
//               | arabic ( "）" | ")" )
/// A bracketed Arabic marker: （1） (1), and the half-bracketed 1) 1）.
///
/// ```
/// use gongwen::numbering::{paren_arabic, Delimiter};
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(paren_arabic::<E>("（1）").unwrap().1.delimiter, Delimiter::None);
/// assert_eq!(paren_arabic::<E>("2)").unwrap().1.delimiter, Delimiter::Paren);
/// assert!(paren_arabic::<E>("（2021—2025年）").is_err());
/// ```
pub fn paren_arabic<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    if input.starts_with(is_open) {
        return bracketed(input, Scheme::ParenArabic, numeral::arabic);
    }
    let (after_numeral, ordinal) = numeral::arabic(input)?;
    half_bracketed_after(input, after_numeral, ordinal)
}

/// The half-bracketed 1) of [`paren_arabic`] once its digits are read.
fn half_bracketed_after<'a, E: ParseError<&'a str>>(
    input: &'a str,
    after_numeral: &'a str,
    ordinal: u32,
) -> Res<'a, E> {
    let Some((rest, _)) = eat(after_numeral, is_close) else {
        return fail(after_numeral, ErrorKind::Char);
    };
    if ordinal == 0 || ordinal > MAX_ARABIC_ORDINAL {
        return fail(input, ErrorKind::Verify);
    }
    let text = consumed(input, rest);
    Ok((
        rest,
        Marker::new(Scheme::ParenArabic, ordinal, text, Delimiter::Paren),
    ))
}

// arabic := digits point   where not ( "." digit | "，" digit | "、" number-run )
//         | "⒈" … "⒛"
/// An Arabic marker: 1. 1． 1、 １． and ⒈.
///
/// Rejects the numbers that begin so many body lines: "2020年度", "1.5万元", "12345工单",
/// "1、2月份", and anything above 999.
///
/// ```
/// use gongwen::numbering::{arabic, Delimiter, Width};
/// type E<'a> = nom::error::Error<&'a str>;
/// let (_, m) = arabic::<E>("１．加强").unwrap();
/// assert_eq!((m.ordinal, m.delimiter, m.width), (1, Delimiter::Dot, Width::Full));
/// assert!(arabic::<E>("1.5万元").is_err());
/// assert!(arabic::<E>("12345工单").is_err());
/// ```
pub fn arabic<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    if let Ok((rest, ordinal)) = numeral::digit_stop::<E>(input) {
        let text = consumed(input, rest);
        return Ok((
            rest,
            Marker::new(Scheme::Arabic, ordinal, text, Delimiter::Dot),
        ));
    }
    let (after_numeral, ordinal) = numeral::arabic(input)?;
    pointed(input, after_numeral, ordinal, Scheme::Arabic)
}

// circled := ( circled-number | parenthesized-number ) after_bracket
/// An enclosed-number marker: ① ⑴ ㈠ ❶ ➀ (and the non-standard ①、 ①.).
///
/// ```
/// use gongwen::numbering::circled;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(circled::<E>("⑵").unwrap().1.ordinal, 2);
/// assert_eq!(circled::<E>("㈢").unwrap().1.ordinal, 3);
/// ```
pub fn circled<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    let (after, ordinal) =
        numeral::circled::<E>(input).or_else(|_| numeral::parenthesized(input))?;
    let (rest, delimiter) = after_bracket(after);
    let text = consumed(input, rest);
    Ok((rest, Marker::new(Scheme::Circled, ordinal, text, delimiter)))
}

/// Inline lists stop well before this.
const MAX_INLINE_ORDINAL: u32 = 99;

// inline(word) := chinese word      (chinese ≤ 99)
fn inline<'a, E: ParseError<&'a str>>(input: &'a str, scheme: Scheme, word: char) -> Res<'a, E> {
    let (after, ordinal) = numeral::chinese(input)?;
    inline_after(input, after, ordinal, scheme, word)
}

/// [`inline`] once its numeral is read.
fn inline_after<'a, E: ParseError<&'a str>>(
    input: &'a str,
    after: &'a str,
    ordinal: u32,
    scheme: Scheme,
    word: char,
) -> Res<'a, E> {
    let Some((rest, _)) = eat(after, |c| c == word) else {
        return fail(after, ErrorKind::Char);
    };
    // 是否 and 要求 are words of their own: 一是否…, 一要求….
    let fused = rest.starts_with(['否', '求', '素', '点']);
    if fused || ordinal == 0 || ordinal > MAX_INLINE_ORDINAL {
        return fail(input, ErrorKind::Verify);
    }
    let text = consumed(input, rest);
    Ok((rest, Marker::new(scheme, ordinal, text, Delimiter::None)))
}

// shi := chinese "是"
/// An inline 一是 / 二是 marker.
///
/// Looks only forward: in "统一是" or "原因之一是" the 一是 is part of a word, which only
/// the preceding character tells; check it with [`may_precede_inline`].
///
/// ```
/// use gongwen::numbering::shi;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(shi::<E>("三是落实").unwrap(), ("落实", shi::<E>("三是").unwrap().1));
/// assert!(shi::<E>("一是否").is_err());
/// ```
pub fn shi<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    inline(input, Scheme::Shi, '是')
}

// yao := chinese "要"
/// An inline 一要 / 二要 marker. Like [`shi`], it looks only forward.
///
/// ```
/// use gongwen::numbering::yao;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(yao::<E>("二要强化").unwrap().1.ordinal, 2);
/// assert!(yao::<E>("一要求").is_err());
/// ```
pub fn yao<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    inline(input, Scheme::Yao, '要')
}

// di := "第" " "* ( chinese | arabic ) " "* ( "章" | "节" | "条" | "部分" | "编" | "篇" )
//     | "第" ( chinese | arabic ) ( "，" | "," | "、" | "：" | ":" )
fn di<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    let Some(inner) = input.strip_prefix('第') else {
        return fail(input, ErrorKind::Tag);
    };
    let spaced = inner.trim_start_matches(' ');
    let (after_numeral, ordinal) =
        numeral::chinese::<E>(spaced).or_else(|_| numeral::arabic(spaced))?;
    if ordinal == 0 {
        return fail(input, ErrorKind::Verify);
    }
    let unit = after_numeral.trim_start_matches(' ');
    let structural = [
        ("章", Scheme::Chapter),
        ("节", Scheme::Jie),
        ("条", Scheme::Article),
        ("部分", Scheme::Part),
        ("编", Scheme::Part),
        ("篇", Scheme::Part),
    ];
    for (word, scheme) in structural {
        if let Some(rest) = unit.strip_prefix(word) {
            let text = consumed(input, rest);
            return Ok((rest, Marker::new(scheme, ordinal, text, Delimiter::None)));
        }
    }
    // An ordinal takes its comma at once: 第一次, 第一责任人 and 第 1 名 are not markers.
    let delimiter = match after_numeral.chars().next() {
        Some('，' | ',') => Delimiter::Comma,
        Some('、') => Delimiter::Dun,
        Some('：' | ':') => Delimiter::Colon,
        _ => return fail(after_numeral, ErrorKind::Char),
    };
    if spaced.len() != inner.len() || ordinal > MAX_INLINE_ORDINAL {
        return fail(input, ErrorKind::Verify);
    }
    let rest = &after_numeral[after_numeral.chars().next().map_or(0, char::len_utf8)..];
    if delimiter == Delimiter::Dun && continues_number_run(rest) {
        return fail(input, ErrorKind::Verify);
    }
    let text = consumed(input, rest);
    Ok((rest, Marker::new(Scheme::Ordinal, ordinal, text, delimiter)))
}

fn di_scheme<'a, E: ParseError<&'a str>>(input: &'a str, scheme: Scheme) -> Res<'a, E> {
    let (rest, m) = di(input)?;
    if m.scheme != scheme {
        return fail(input, ErrorKind::Verify);
    }
    Ok((rest, m))
}

// chapter := "第" numeral "章"
/// A 第一章 marker (also 第1章 and 第 1 章).
///
/// ```
/// use gongwen::numbering::chapter;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(chapter::<E>("第十二章 附则").unwrap().1.ordinal, 12);
/// assert_eq!(chapter::<E>("第 3 章").unwrap().1.ordinal, 3);
/// ```
pub fn chapter<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    di_scheme(input, Scheme::Chapter)
}

// jie := "第" numeral "节"
/// A 第一节 marker.
///
/// ```
/// use gongwen::numbering::jie;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(jie::<E>("第二节").unwrap().1.ordinal, 2);
/// ```
pub fn jie<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    di_scheme(input, Scheme::Jie)
}

// article := "第" numeral "条"
/// A 第一条 marker. 第三款 never is one: under 立法法 a 款 is not numbered, so "第三款"
/// only appears in cross-references.
///
/// ```
/// use gongwen::numbering::article;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(article::<E>("第一条 为了规范").unwrap().1.ordinal, 1);
/// assert!(article::<E>("第三款").is_err());
/// ```
pub fn article<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    di_scheme(input, Scheme::Article)
}

// part := "第" numeral ( "部分" | "编" | "篇" )
/// A 第一部分 / 第一编 / 第一篇 marker.
///
/// ```
/// use gongwen::numbering::part;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(part::<E>("第二部分").unwrap().1.ordinal, 2);
/// ```
pub fn part<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    di_scheme(input, Scheme::Part)
}

// ordinal := "第" numeral ( "，" | "," | "、" | "：" | ":" )
/// An inline 第一， marker (第一、 and 第一： are accepted as non-standard variants).
/// Like [`shi`], it looks only forward.
///
/// ```
/// use gongwen::numbering::ordinal;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(ordinal::<E>("第二，加强").unwrap().1.ordinal, 2);
/// assert!(ordinal::<E>("第一次").is_err());
/// assert!(ordinal::<E>("第一责任人").is_err());
/// ```
pub fn ordinal<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    di_scheme(input, Scheme::Ordinal)
}

// marker := hanzi | paren_hanzi | arabic | paren_arabic | circled
//         | shi | yao | chapter | jie | article | part | ordinal
/// Any marker, dispatched on its first character so that a line that cannot start a
/// marker is rejected after one `char` decode.
///
/// ```
/// use gongwen::numbering::{marker, Scheme};
/// type E<'a> = nom::error::Error<&'a str>;
/// for (line, scheme) in [
///     ("一、总体要求", Scheme::Hanzi),
///     ("（一）指导思想", Scheme::ParenHanzi),
///     ("1.加强学习", Scheme::Arabic),
///     ("（1）组织", Scheme::ParenArabic),
///     ("①", Scheme::Circled),
///     ("一是加强", Scheme::Shi),
///     ("第一章 总则", Scheme::Chapter),
///     ("第一，", Scheme::Ordinal),
/// ] {
///     assert_eq!(marker::<E>(line).unwrap().1.scheme, scheme, "{line}");
/// }
/// for line in ["2020年度", "1.5万元", "12345工单", "（2021—2025年）", "(居)", "第一次", "第三款"] {
///     assert!(marker::<E>(line).is_err(), "{line}");
/// }
/// ```
pub fn marker<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    let Some(first) = input.chars().next() else {
        return fail(input, ErrorKind::Eof);
    };
    match first {
        // Most lines open with a Han character: decide those first.
        '第' => di(input),
        '\u{4E00}'..='\u{9FFF}' if numeral::is_chinese_numeral_char(first) => hanzi_like(input),
        '\u{4E00}'..='\u{9FFF}' => fail(input, ErrorKind::Char),
        '0'..='9' | '０'..='９' => digit_marker(input),
        '（' | '(' => paren_hanzi::<E>(input).or_else(|_| paren_arabic(input)),
        '⒈'..='⒛' => arabic(input),
        c if numeral::is_chinese_numeral_char(c) => hanzi_like(input),
        c if is_enclosed(c) => circled(input),
        _ => fail(input, ErrorKind::Char),
    }
}

// hanzi_like := hanzi | shi | yao      (the numeral read once)
/// [`hanzi`], [`shi`] or [`yao`], chosen by the character after the numeral, which is
/// read once.
fn hanzi_like<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    let (after, ordinal) = numeral::chinese::<E>(input)?;
    match after.chars().next() {
        Some('是') => inline_after(input, after, ordinal, Scheme::Shi, '是'),
        Some('要') => inline_after(input, after, ordinal, Scheme::Yao, '要'),
        _ => pointed(input, after, ordinal, Scheme::Hanzi),
    }
}

/// Whether `c` is an enclosed number that [`circled`] reads.
fn is_enclosed(c: char) -> bool {
    matches!(c, '①'..='⒇' | '❶'..='➓' | '㈠'..='㈩' | '㉑'..='㉟' | '㊀'..='㊉' | '㊱'..='㊿')
}

// digit_marker := arabic | paren_arabic      (the digits read once)
/// [`arabic`] or the half-bracketed [`paren_arabic`], deciding on the character after
/// the digits so that a body line such as "2020年度…" is rejected after one read.
fn digit_marker<'a, E: ParseError<&'a str>>(input: &'a str) -> Res<'a, E> {
    // Markers number at most 999: four ASCII digits or more ("2024年", "12345工单")
    // open a body line, which a look at the bytes rejects.
    let ascii_digits = input.bytes().take_while(u8::is_ascii_digit).count();
    if ascii_digits > 3 && !input.starts_with('0') {
        return fail(input, ErrorKind::Verify);
    }
    let (after, ordinal) = numeral::arabic::<E>(input)?;
    match after.chars().next() {
        Some('、' | '.' | '．' | '，' | ',') => pointed(input, after, ordinal, Scheme::Arabic),
        Some(')' | '）') => half_bracketed_after(input, after, ordinal),
        _ => fail(after, ErrorKind::Char),
    }
}

/// Whether an inline marker (一是, 一要, 第一，) may follow `prev`, the character before
/// it (`None` at the start of a paragraph).
///
/// Only the start of a paragraph, punctuation, whitespace or a quotation mark may: in
/// "统一是", "之一是" and "唯一是" the 一 belongs to the word before.
///
/// ```
/// use gongwen::numbering::may_precede_inline;
/// assert!(may_precede_inline(None));
/// assert!(may_precede_inline(Some('。')));
/// assert!(may_precede_inline(Some('，')));
/// assert!(!may_precede_inline(Some('统')));
/// ```
pub fn may_precede_inline(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '。' | '；'
                        | '，'
                        | '：'
                        | '！'
                        | '？'
                        | '、'
                        | ';'
                        | ','
                        | ':'
                        | '!'
                        | '?'
                        | '“'
                        | '”'
                        | '‘'
                        | '’'
                        | '）'
                        | ')'
                        | '\u{3000}'
                )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use crate::numbering::Width;

    type E<'a> = nom::error::Error<&'a str>;

    fn parsed(line: &str) -> Option<(Scheme, u32, &str, Delimiter, Width, &str)> {
        marker::<E>(line).ok().map(|(rest, m)| {
            let text = &line[..m.text.len()];
            (m.scheme, m.ordinal, text, m.delimiter, m.width, rest)
        })
    }

    #[test]
    fn markers_table() {
        use Delimiter as D;
        use Scheme as S;
        use Width as W;
        // The full list of variants is tests/spec/markers.txt; these are one per scheme.
        let cases: &[(&str, S, u32, &str, D, W)] = &[
            ("十二、附则", S::Hanzi, 12, "十二、", D::Dun, W::Full),
            ("一.总体", S::Hanzi, 1, "一.", D::Dot, W::Half),
            ("(二)持续", S::ParenHanzi, 2, "(二)", D::None, W::Half),
            ("（三)强化", S::ParenHanzi, 3, "（三)", D::None, W::Mixed),
            ("3、运用", S::Arabic, 3, "3、", D::Dun, W::Half),
            ("１．加强学习", S::Arabic, 1, "１．", D::Dot, W::Full),
            ("（1）组织", S::ParenArabic, 1, "（1）", D::None, W::Full),
            ("3)组织", S::ParenArabic, 3, "3)", D::Paren, W::Half),
            ("①、制定", S::Circled, 1, "①、", D::Dun, W::Full),
            ("十一是健全", S::Shi, 11, "十一是", D::None, W::Full),
            ("二要强化", S::Yao, 2, "二要", D::None, W::Full),
            ("第 1 章 总则", S::Chapter, 1, "第 1 章", D::None, W::Half),
            ("第二节 范围", S::Jie, 2, "第二节", D::None, W::Full),
            (
                "第三十一条 本办法",
                S::Article,
                31,
                "第三十一条",
                D::None,
                W::Full,
            ),
            (
                "第一部分 工作回顾",
                S::Part,
                1,
                "第一部分",
                D::None,
                W::Full,
            ),
            ("第二,坚持", S::Ordinal, 2, "第二,", D::Comma, W::Half),
        ];
        for &(line, scheme, ordinal, text, delimiter, width) in cases {
            let rest = &line[text.len()..];
            assert_eq!(
                parsed(line),
                Some((scheme, ordinal, text, delimiter, width, rest)),
                "{line}"
            );
        }
    }

    #[test]
    fn false_markers_are_rejected() {
        // The full list is in tests/spec/markers.txt.
        let cases = [
            "2020年度结合创城创卫工作",
            "1.5万元",
            "12345工单",
            "（2021—2025年）",
            "(居)",
            "第一次",
            "第一责任人",
            "第三款",
            "之一是",
            "统一是",
            "一、二月",
            "1000.加强",
            "",
        ];
        for line in cases {
            assert_eq!(parsed(line), None, "{line:?}");
        }
    }

    #[test]
    fn inline_guard() {
        assert!(may_precede_inline(Some('；')));
        assert!(may_precede_inline(Some(' ')));
        for prev in ['统', '之', '唯', '进', '1'] {
            assert!(!may_precede_inline(Some(prev)), "{prev}");
        }
    }

    #[test]
    fn marker_parse_whole_text() {
        assert_eq!(Marker::parse("一、").map(|m| m.ordinal), Ok(1));
        assert_eq!(
            Marker::parse("一、总体"),
            Err(Error::Trailing {
                what: "marker",
                found: '总',
                offset: 6
            })
        );
        assert_eq!(
            Marker::parse("总体"),
            Err(Error::Unexpected {
                expected: "a numbering marker",
                found: '总',
                offset: 0
            })
        );
    }
}
