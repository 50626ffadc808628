//! Numerals: Chinese (一 … 九千九百九十九, 大写 壹贰叁), Arabic (ASCII and full-width),
//! and the enclosed forms Unicode has for list numbers (① ⑴ ㈠ ⒈).
//!
//! Each function here is a [nom] parser over `&str`: it reads a numeral at the start of
//! its input and returns the value with the rest of the input. They allocate nothing,
//! never panic, and fail with [`ErrorKind::TooLarge`] rather than wrap around when a value
//! does not fit in `u32`. They are generic over the nom error type, so they slot into any
//! nom grammar:
//!
//! ```
//! use nom::{Parser, bytes::complete::tag, sequence::terminated};
//! use gongwen::numeral;
//!
//! let mut item = terminated(numeral::chinese::<nom::error::Error<&str>>, tag("、"));
//! assert_eq!(item.parse("二十三、加强监督"), Ok(("加强监督", 23)));
//! ```
//!
//! [`value`] reads a whole string as one numeral of any kind and says why when it cannot.

use nom::IResult;
use nom::error::{ErrorKind, ParseError};

use crate::Error;

/// The value of a Chinese digit, ordinary or 大写 (financial) form.
///
/// 两 is 2 (两千, 两个), and so is the colloquial 俩; 〇 and ○ are the zero of written-out
/// years (二〇二四).
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '俩' | '倆' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The multiplier of a Chinese unit character below 万.
fn chinese_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// The value of the contracted tens 廿 (20), 卅 (30) and 卌 (40).
fn contracted_tens(c: char) -> Option<u32> {
    Some(match c {
        '廿' => 20,
        '卅' => 30,
        '卌' => 40,
        _ => return None,
    })
}

/// Whether `c` can be part of a [`chinese`] numeral.
///
/// One bit test: this runs on every candidate character of the scanners and on the
/// first character of every line.
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    CHINESE_NUMERAL_CHARS.contains_cp(c as u32)
}

/// The characters of [`chinese_digit`], [`chinese_unit`] and [`contracted_tens`] (a test
/// checks that they agree).
static CHINESE_NUMERAL_CHARS: CharSet = CharSet::new(
    "",
    "零一壹弌二贰貳两兩俩倆三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟廿卅卌",
    &['〇', '○'],
);

/// The value of an ASCII or full-width decimal digit.
pub(crate) fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn fail<'a, T, E: ParseError<&'a str>>(input: &'a str, kind: ErrorKind) -> IResult<&'a str, T, E> {
    Err(nom::Err::Error(E::from_error_kind(input, kind)))
}

/// A Chinese numeral from 零 to 九千九百九十九.
///
/// ```text
/// chinese   := zero | group+ digit?        (units strictly decreasing: 千 > 百 > 十)
/// group     := digit? unit | "廿" | "卅" | "卌" | zero
/// unit      := "十" | "百" | "千" | "拾" | "佰" | "仟"
/// digit     := 一 … 九 | 壹 … 玖 | 两
/// zero      := "零" | "〇" | "○"
/// ```
///
/// A digit left after 百 or 千 with no zero between is the elided next unit, as spoken:
/// 二百五 is 250 and 一千二 is 1200, while 一百零五 is 105. A leading 十 means 一十 (十一 is 11).
/// Parsing stops at the first character that cannot continue the numeral, so 一二 reads
/// as 1 with 二 left over and 十万 as 10 with 万 left over.
///
/// ```
/// use gongwen::numeral::chinese;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(chinese::<E>("十二、"), Ok(("、", 12)));
/// assert_eq!(chinese::<E>("一百零五项"), Ok(("项", 105)));
/// assert_eq!(chinese::<E>("贰佰伍拾"), Ok(("", 250)));
/// assert_eq!(chinese::<E>("廿一"), Ok(("", 21)));
/// assert!(chinese::<E>("第一").is_err());
/// ```
pub fn chinese<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, u32, E> {
    let mut total = 0;
    // The unit of the last group read; the next must be smaller.
    let mut last_unit = 10_000;
    let mut digit: Option<u32> = None;
    let mut after_zero = false;
    let mut rest = input;
    // Where the numeral ends so far: a trailing 零 is not part of it.
    let mut end = input;
    while let Some(c) = rest.chars().next() {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() {
                break;
            }
            if d == 0 {
                if rest.len() == input.len() {
                    return Ok((&rest[c.len_utf8()..], 0));
                }
                after_zero = true;
            } else {
                digit = Some(d);
            }
        } else if let Some(unit) = chinese_unit(c) {
            if unit >= last_unit {
                break;
            }
            total += digit.take().unwrap_or(1) * unit;
            last_unit = unit;
            after_zero = false;
        } else if let Some(tens) = contracted_tens(c) {
            if last_unit <= 10 || digit.is_some() {
                break;
            }
            total += tens;
            last_unit = 10;
            after_zero = false;
        } else {
            break;
        }
        rest = &rest[c.len_utf8()..];
        if !after_zero || digit.is_some() {
            end = rest;
        }
    }
    if end.len() == input.len() {
        return fail(input, ErrorKind::Digit);
    }
    if let Some(d) = digit {
        let elided = !after_zero && (100..10_000).contains(&last_unit);
        total += if elided { d * last_unit / 10 } else { d };
    }
    Ok((end, total))
}

/// Chinese digits written one by one, as years are: 二〇二四 is 2024.
///
/// ```text
/// chinese_digits := digit_or_zero{2,}
/// ```
///
/// At least two digits, so a lone 一 is left to [`chinese`].
///
/// ```
/// use gongwen::numeral::chinese_digits;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(chinese_digits::<E>("二〇二四年"), Ok(("年", 2024)));
/// assert!(chinese_digits::<E>("二十").is_err());
/// ```
pub fn chinese_digits<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, u32, E> {
    let mut value: u32 = 0;
    let mut count = 0;
    let mut rest = input;
    while let Some(d) = rest.chars().next().and_then(chinese_digit) {
        value = match value.checked_mul(10).and_then(|v| v.checked_add(d)) {
            Some(v) => v,
            None => return fail(input, ErrorKind::TooLarge),
        };
        count += 1;
        rest = &rest[3..]; // every Chinese digit is three bytes in UTF-8
    }
    if count < 2 {
        return fail(input, ErrorKind::Digit);
    }
    Ok((rest, value))
}

/// Arabic digits, ASCII `0-9` or full-width `０-９` (mixed is accepted: width is the
/// caller's business).
///
/// ```text
/// arabic := ( "0"…"9" | "０"…"９" )+
/// ```
///
/// A value above `u32::MAX` fails with [`ErrorKind::TooLarge`] as soon as it is known,
/// so a megabyte of digits costs no more than the digits up to the overflow.
///
/// ```
/// use gongwen::numeral::arabic;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(arabic::<E>("１２．"), Ok(("．", 12)));
/// assert!(arabic::<E>("99999999999").is_err());
/// ```
pub fn arabic<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, u32, E> {
    let mut value: u32 = 0;
    let mut rest = input;
    while let Some(c) = rest.chars().next() {
        let Some(d) = arabic_digit(c) else { break };
        value = match value.checked_mul(10).and_then(|v| v.checked_add(d)) {
            Some(v) => v,
            None => return fail(input, ErrorKind::TooLarge),
        };
        rest = &rest[c.len_utf8()..];
    }
    if rest.len() == input.len() {
        return fail(input, ErrorKind::Digit);
    }
    Ok((rest, value))
}

/// The value of a single enclosed-numeral character, by family.
fn enclosed(c: char, families: &[(char, char, u32)]) -> Option<u32> {
    let c = c as u32;
    families
        .iter()
        .find(|&&(first, last, _)| (first as u32..=last as u32).contains(&c))
        .map(|&(first, _, base)| base + (c - first as u32))
}

/// Circled numbers: ① … ⑳, ㉑ … ㊿, the negative and sans-serif circles ❶ ➀ ➊, and ㊀ … ㊉.
const CIRCLED: &[(char, char, u32)] = &[
    ('①', '⑳', 1),
    ('㉑', '㉟', 21),
    ('㊱', '㊿', 36),
    ('❶', '❿', 1),
    ('➀', '➉', 1),
    ('➊', '➓', 1),
    ('㊀', '㊉', 1),
];

/// Parenthesized numbers: ⑴ … ⒇ and ㈠ … ㈩.
const PARENTHESIZED: &[(char, char, u32)] = &[('⑴', '⒇', 1), ('㈠', '㈩', 1)];

/// Numbers with a full stop: ⒈ … ⒛.
const DIGIT_STOP: &[(char, char, u32)] = &[('⒈', '⒛', 1)];

fn enclosed_parser<'a, E: ParseError<&'a str>>(
    input: &'a str,
    families: &[(char, char, u32)],
) -> IResult<&'a str, u32, E> {
    match input.chars().next() {
        Some(c) => match enclosed(c, families) {
            Some(v) => Ok((&input[c.len_utf8()..], v)),
            None => fail(input, ErrorKind::Char),
        },
        None => fail(input, ErrorKind::Eof),
    }
}

/// One circled number character.
///
/// ```text
/// circled := "①"…"⑳" | "㉑"…"㉟" | "㊱"…"㊿" | "❶"…"❿" | "➀"…"➉" | "➊"…"➓" | "㊀"…"㊉"
/// ```
///
/// ```
/// use gongwen::numeral::circled;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(circled::<E>("③"), Ok(("", 3)));
/// assert_eq!(circled::<E>("㊿"), Ok(("", 50)));
/// ```
pub fn circled<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, u32, E> {
    enclosed_parser(input, CIRCLED)
}

/// One parenthesized number character.
///
/// ```text
/// parenthesized := "⑴"…"⒇" | "㈠"…"㈩"
/// ```
///
/// ```
/// use gongwen::numeral::parenthesized;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(parenthesized::<E>("⑿"), Ok(("", 12)));
/// assert_eq!(parenthesized::<E>("㈢"), Ok(("", 3)));
/// ```
pub fn parenthesized<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, u32, E> {
    enclosed_parser(input, PARENTHESIZED)
}

/// One number-with-full-stop character.
///
/// ```text
/// digit_stop := "⒈"…"⒛"
/// ```
///
/// ```
/// use gongwen::numeral::digit_stop;
/// type E<'a> = nom::error::Error<&'a str>;
/// assert_eq!(digit_stop::<E>("⒉加强"), Ok(("加强", 2)));
/// ```
pub fn digit_stop<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, u32, E> {
    enclosed_parser(input, DIGIT_STOP)
}

/// A set of characters to search for, built at compile time: a bit for each code point
/// of the Basic Multilingual Plane (U+0000–U+FFFF, 8 KiB, of which Chinese text touches
/// the few hundred words of its ideographs and punctuation), and a short list for the
/// characters beyond it.
pub(crate) struct CharSet {
    bmp: [u64; 0x10000 / 64],
    astral: &'static [char],
}

impl CharSet {
    /// The set of the characters of `ascii`, of `cjk` (three bytes each in UTF-8: the
    /// ideographs, punctuation and full-width forms of Chinese text) and of `other`.
    pub(crate) const fn new(ascii: &str, cjk: &str, other: &'static [char]) -> CharSet {
        let mut set = CharSet {
            bmp: [0; 0x10000 / 64],
            astral: other,
        };
        let mut i = 0;
        while i < other.len() {
            set.insert(other[i] as u32);
            i += 1;
        }
        let a = ascii.as_bytes();
        let mut i = 0;
        while i < a.len() {
            set.insert((a[i] & 0x7F) as u32);
            i += 1;
        }
        let bytes = cjk.as_bytes();
        let mut i = 0;
        while i + 2 < bytes.len() {
            set.insert(
                ((bytes[i] as u32 & 0x0F) << 12)
                    | ((bytes[i + 1] as u32 & 0x3F) << 6)
                    | (bytes[i + 2] as u32 & 0x3F),
            );
            i += 3;
        }
        set
    }

    /// Adds a code point of the BMP (the others are looked up in `astral`).
    const fn insert(&mut self, cp: u32) {
        if cp < 0x10000 {
            self.bmp[(cp / 64) as usize] |= 1 << (cp % 64);
        }
    }

    /// Whether the BMP code point `cp` is in the set: one bit test.
    fn has_bmp(&self, cp: u32) -> bool {
        // The mask keeps the index inside the table, so no bounds check is left.
        self.bmp[(cp / 64) as usize & (self.bmp.len() - 1)] & (1 << (cp % 64)) != 0
    }

    fn contains_cp(&self, cp: u32) -> bool {
        if cp < 0x10000 {
            self.has_bmp(cp)
        } else {
            self.astral.iter().any(|&c| c as u32 == cp)
        }
    }

    /// The byte offset of the first character of the set at or after `from` (a char
    /// boundary).
    ///
    /// This is the scanners' inner loop, so it reads UTF-8 bytes directly: the lead byte
    /// gives the length, and the code point one bit test in one table — instead of
    /// decoding each `char` and comparing it with thirty others. Runs of three-byte
    /// characters, which Chinese text is, take a loop of their own.
    pub(crate) fn find(&self, text: &str, from: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut at = from;
        loop {
            // A run of three-byte characters (all of Chinese text but its ASCII), read
            // three bytes at a time, without the length checks of the general case.
            for chunk in bytes.get(at..)?.chunks_exact(3) {
                let &[lead, b1, b2] = chunk else { break };
                if lead & 0xF0 != 0xE0 {
                    break;
                }
                let cp = (u32::from(lead & 0x0F) << 12)
                    | (u32::from(b1 & 0x3F) << 6)
                    | u32::from(b2 & 0x3F);
                if self.has_bmp(cp) {
                    return Some(at);
                }
                at += 3;
            }
            // Any other character: its code point from its bytes, and one step over it.
            let step = match bytes.get(at..)? {
                [lead @ 0x00..=0x7F, ..] => {
                    if self.has_bmp(u32::from(*lead)) {
                        return Some(at);
                    }
                    1
                }
                [lead @ 0xC0..=0xDF, b1, ..] => {
                    if self.has_bmp((u32::from(lead & 0x1F) << 6) | u32::from(b1 & 0x3F)) {
                        return Some(at);
                    }
                    2
                }
                [0xF0..=0xF7, _, _, _, ..] => {
                    let astral = text.get(at..).and_then(|t| t.chars().next());
                    if astral.is_some_and(|c| self.astral.contains(&c)) {
                        return Some(at);
                    }
                    4
                }
                [] => return None,
                // Not the start of a char of valid UTF-8 (or cut short): step over a byte.
                [_, ..] => 1,
            };
            at += step;
        }
    }
}

const FULL_WIDTH_DIGITS: &[char] = &['０', '１', '２', '３', '４', '５', '６', '７', '８', '９'];

/// The characters a number can start with in running text: digits, Chinese digits (not
/// 零), 十 廿 卅, 大写 digits and 拾, the magnitudes 百 千 万 (which start words such as
/// 万家), and 第.
pub(crate) static NUMBER_STARTS: CharSet = CharSet::new(
    "0123456789",
    "一二三四五六七八九十两兩廿卅壹贰叁肆伍陆柒捌玖拾百千万第",
    FULL_WIDTH_DIGITS,
);

/// Whether `text` opens with a character that can start a number (see
/// [`NUMBER_STARTS`]).
pub(crate) fn starts_number(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| NUMBER_STARTS.contains_cp(c as u32))
}

/// Reads all of `text` as one numeral of any kind above.
///
/// # Errors
/// [`Error::UnexpectedEnd`] for empty text, [`Error::Unexpected`] when it does not start
/// with a numeral, [`Error::TooLarge`] when the value does not fit in `u32`, and
/// [`Error::Trailing`] when text is left after the numeral.
///
/// ```
/// use gongwen::numeral::value;
/// assert_eq!(value("一千零五十"), Ok(1050));
/// assert_eq!(value("２０２４"), Ok(2024));
/// assert_eq!(value("二〇二四"), Ok(2024));
/// assert_eq!(value("⑦"), Ok(7));
/// assert!(value("").is_err());
/// ```
pub fn value(text: &str) -> Result<u32, Error> {
    type E<'a> = nom::error::Error<&'a str>;
    let parsed = arabic::<E>(text)
        .or_else(|_| chinese_digits::<E>(text))
        .or_else(|_| chinese::<E>(text))
        .or_else(|_| circled::<E>(text))
        .or_else(|_| parenthesized::<E>(text))
        .or_else(|_| digit_stop::<E>(text));
    match parsed {
        Ok((rest, v)) => match Error::trailing(text, rest, "numeral") {
            Some(err) => Err(err),
            None => Ok(v),
        },
        Err(_) => {
            // Report an overflow in preference to "not a numeral".
            let err = arabic::<E>(text)
                .err()
                .unwrap_or_else(|| nom::Err::Error(E::new(text, ErrorKind::Digit)));
            Err(Error::from_nom(text, err, "a numeral"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type E<'a> = nom::error::Error<&'a str>;

    #[test]
    fn chinese_table() {
        let cases: &[(&str, u32, &str)] = &[
            ("一", 1, ""),
            ("九", 9, ""),
            ("十", 10, ""),
            ("十一", 11, ""),
            ("一十一", 11, ""),
            ("二十", 20, ""),
            ("二十三", 23, ""),
            ("九十九", 99, ""),
            ("一百", 100, ""),
            ("一百零五", 105, ""),
            ("一百一十", 110, ""),
            ("一百一", 110, ""),
            ("二百五", 250, ""),
            ("一千零五", 1005, ""),
            ("一千零五十", 1050, ""),
            ("三千零五", 3005, ""),
            ("一千二", 1200, ""),
            ("两千", 2000, ""),
            ("倆千两百贰拾二", 2222, ""),
            ("两百二十", 220, ""),
            ("九千九百九十九", 9999, ""),
            ("零", 0, ""),
            ("〇", 0, ""),
            ("廿", 20, ""),
            ("廿一", 21, ""),
            ("卅五", 35, ""),
            ("壹", 1, ""),
            ("贰拾叁", 23, ""),
            ("壹仟零伍拾", 1050, ""),
            ("十二、", 12, "、"),
            ("一二", 1, "二"),
            ("十万", 10, "万"),
            ("一百千", 100, "千"),
            ("三是", 3, "是"),
            ("零五", 0, "五"),
            ("一千零十", 1010, ""),
            ("一百零", 100, "零"),
            ("一百零个", 100, "零个"),
        ];
        for &(input, value, rest) in cases {
            assert_eq!(chinese::<E>(input), Ok((rest, value)), "{input}");
        }
    }

    #[test]
    fn chinese_rejects() {
        for input in ["", "第一", "万", "是", "1"] {
            assert!(chinese::<E>(input).is_err(), "{input:?}");
        }
    }

    #[test]
    fn arabic_table() {
        assert_eq!(arabic::<E>("1."), Ok((".", 1)));
        assert_eq!(arabic::<E>("１２３"), Ok(("", 123)));
        assert_eq!(arabic::<E>("1２"), Ok(("", 12)));
        assert_eq!(arabic::<E>("4294967295"), Ok(("", u32::MAX)));
        assert!(matches!(
            arabic::<E>("4294967296"),
            Err(nom::Err::Error(e)) if e.code == ErrorKind::TooLarge
        ));
        assert!(arabic::<E>("一").is_err());
        let long = "9".repeat(1 << 20);
        assert!(arabic::<E>(&long).is_err());
    }

    #[test]
    fn enclosed_table() {
        let cases: &[(&str, u32)] = &[
            ("①", 1),
            ("⑳", 20),
            ("㉑", 21),
            ("㉟", 35),
            ("㊱", 36),
            ("㊿", 50),
            ("❸", 3),
            ("➁", 2),
            ("➓", 10),
            ("㊂", 3),
        ];
        for &(input, value) in cases {
            assert_eq!(circled::<E>(input), Ok(("", value)), "{input}");
        }
        assert_eq!(parenthesized::<E>("⑴"), Ok(("", 1)));
        assert_eq!(parenthesized::<E>("⒇"), Ok(("", 20)));
        assert_eq!(parenthesized::<E>("㈩"), Ok(("", 10)));
        assert_eq!(digit_stop::<E>("⒛"), Ok(("", 20)));
        assert!(circled::<E>("⑴").is_err());
        assert!(parenthesized::<E>("①").is_err());
    }

    #[test]
    fn char_set_search_agrees_with_membership() {
        for set in [&NUMBER_STARTS, &CHINESE_NUMERAL_CHARS] {
            let mut text = String::new();
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                text.clear();
                text.push('甲');
                text.push(c);
                let found = set.find(&text, 0);
                let expected = set.contains_cp(c as u32).then_some('甲'.len_utf8());
                assert_eq!(found, expected, "{c:?}");
            }
        }
    }

    #[test]
    fn numeral_chars_agree_with_their_values() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let has_value = chinese_digit(c).is_some()
                || chinese_unit(c).is_some()
                || contracted_tens(c).is_some();
            assert_eq!(is_chinese_numeral_char(c), has_value, "{c}");
        }
    }

    #[test]
    fn number_starts_are_found_and_nothing_else() {
        let text = "各部门a第三次,共１２件，壹佰元，万家";
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(hit) = NUMBER_STARTS.find(text, at) {
            let c = text[hit..].chars().next().unwrap_or(' ');
            found.push(c);
            at = hit + c.len_utf8();
        }
        assert_eq!(found.into_iter().collect::<String>(), "第三１２壹万");
        for c in "一二三四五六七八九十两廿卅壹贰叁肆伍陆柒捌玖拾百千万第０９".chars()
        {
            assert_eq!(NUMBER_STARTS.find(&c.to_string(), 0), Some(0), "{c}");
            assert!(starts_number(&c.to_string()), "{c}");
        }
        assert_eq!(NUMBER_STARTS.find("各部门", 0), None);
        assert!(!starts_number("零一") && !starts_number("各一") && !starts_number(""));
    }

    #[test]
    fn value_errors_point_at_the_input() {
        assert_eq!(
            value(""),
            Err(Error::UnexpectedEnd {
                expected: "a numeral",
                offset: 0
            })
        );
        assert_eq!(
            value("第三"),
            Err(Error::Unexpected {
                expected: "a numeral",
                found: '第',
                offset: 0
            })
        );
        assert_eq!(
            value("3个"),
            Err(Error::Trailing {
                what: "numeral",
                found: '个',
                offset: 1
            })
        );
        assert!(matches!(
            value("12345678901234567890"),
            Err(Error::TooLarge { .. })
        ));
    }
}
