//! The grammar of a number: Arabic, Chinese, digit by digit, and an amount with its
//! magnitude.
//!
//! ```text
//! amount    := number ( magnitude ( "零"? number magnitude? )* )?
//! number    := arabic | chinese
//! arabic    := digits ( "," ddd )* ( "." digits )?       digits ASCII or full-width
//! chinese   := group ( myriad "零"? group )* ( "点" digit+ )?
//! myriad    := "万" | "亿"                            traditional 萬 億 too
//! magnitude := "个"? ( "万万" | word myriad* )        千万, 万亿, 千万亿: growing
//! digit_string := chinese_digit{2,} ( "点" chinese_digit+ )?
//! ```
//!
//! Each production is one function over `&str` returning what it read and the rest, as
//! nom parsers do; they never allocate and fail with [`Overflow`] instead of wrapping.
//! [`quantity`](super::quantity) builds ranges, approximations and units on them;
//! [`value`](super::value) reads a whole string with them.

use super::unit::unit_at;
use crate::Decimal;
use crate::numeral;

/// A number too large for a [`Decimal`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Overflow;

/// A number as read: its value, its length in bytes, and what it was written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Number {
    pub(crate) value: Decimal,
    pub(crate) len: usize,
    /// Digits before the decimal point (0 for Chinese numerals).
    pub(crate) int_digits: usize,
    pub(crate) chinese: bool,
}

pub(crate) fn dec(n: u32) -> Decimal {
    Decimal::from(n)
}

/// Appends a decimal digit to `mantissa`, or fails when it would not fit.
fn push_digit(mantissa: &mut u128, d: u32) -> Result<(), Overflow> {
    *mantissa = mantissa
        .checked_mul(10)
        .and_then(|m| m.checked_add(u128::from(d)))
        .ok_or(Overflow)?;
    Ok(())
}

fn digit_at(text: &str) -> Option<(u32, usize)> {
    let c = text.chars().next()?;
    numeral::arabic_digit(c).map(|d| (d, c.len_utf8()))
}

// arabic := digits ( "," ddd )* ( "." digits )?
/// An Arabic number. The thousands comma is ASCII only and needs exact groups of three
/// (a full-width "，" is a clause break in Chinese text, never a separator).
pub(crate) fn arabic(text: &str) -> Result<Option<Number>, Overflow> {
    let mut mantissa: u128 = 0;
    let mut at = 0;
    let mut int_digits = 0;
    let mut push = |d: u32| push_digit(&mut mantissa, d);
    while let Some((d, len)) = digit_at(&text[at..]) {
        push(d)?;
        at += len;
        int_digits += 1;
    }
    if int_digits == 0 {
        return Ok(None);
    }
    // Thousands groups: 1,234,567 — only after 1-3 leading digits.
    if int_digits <= 3 {
        while let Some(group) = text[at..].strip_prefix(',') {
            let digits: Vec<(u32, usize)> = (0..4)
                .scan(0, |off, _| {
                    let d = digit_at(&group[*off..])?;
                    *off += d.1;
                    Some(d)
                })
                .collect();
            if digits.len() != 3 {
                break;
            }
            for &(d, _) in &digits {
                push(d)?;
            }
            at += 1 + digits.iter().map(|d| d.1).sum::<usize>();
            int_digits += 3;
        }
    }
    let mut scale = 0;
    if let Some(point) = ['.', '．'].into_iter().find(|&p| text[at..].starts_with(p)) {
        let mut frac_at = at + point.len_utf8();
        while let Some((d, len)) = digit_at(&text[frac_at..]) {
            push(d)?;
            frac_at += len;
            scale += 1;
        }
        if scale > 0 {
            at = frac_at;
        }
    }
    let value = Decimal::new(mantissa, scale).ok_or(Overflow)?;
    Ok(Some(Number {
        value,
        len: at,
        int_digits,
        chinese: false,
    }))
}

// chinese := group ( myriad "零"? group )* ( "点" digit+ )?
/// A Chinese number: 二十三万四千五百, 两, 十, 三点五. A 万 or 亿 is part of the number
/// only when more numerals follow it (二十三万四千); a trailing one is left to
/// [`magnitude`] (三万元 is 3 × 万).
///
/// After a myriad word, a 零 marks a gap (一万零五 is 10005), and a lone digit is the
/// elided next unit, as spoken (三万五 is 35000, 一亿五 is 150000000). A 万 part may
/// come before 亿 (一千万亿 is written 一千万 … 亿 in long numbers: 一万一千亿二千万).
pub(crate) fn chinese(text: &str) -> Result<Option<Number>, Overflow> {
    type E<'a> = nom::error::Error<&'a str>;
    let Ok((mut rest, first)) = numeral::chinese::<E>(text) else {
        return Ok(None);
    };
    // The parts closed by a myriad word, and the group being read (below 万).
    let mut total: u128 = 0;
    let mut group = u128::from(first);
    // The last myriad read, and whether a 亿 was.
    let mut last_big = u128::MAX;
    let mut seen_yi = false;
    while let Some((big, big_len)) = myriad(rest) {
        let after = &rest[big_len..];
        let zero = after.strip_prefix(['零', '〇']);
        let next = numeral::chinese::<E>(zero.unwrap_or(after)).ok();
        let Some((next_rest, next)) = next else {
            // 一亿二千万: a trailing 万 inside a 亿 number is part of it; so is one before
            // a 点 fraction (两千万点五). A 万 ending the whole number (三万) is left as
            // its magnitude.
            let fraction = after.starts_with(['点', '點'])
                && after[3..].starts_with(|c| numeral::chinese_digit(c).is_some());
            if big < last_big && (last_big != u128::MAX || fraction) {
                total = add_mul(total, group, big)?;
                group = 0;
                rest = after;
            }
            break;
        };
        if big < last_big {
            total = add_mul(total, group, big)?;
        } else if big == YI && !seen_yi {
            // 一万一千亿: everything so far counts 亿s.
            total = add_mul(0, total.checked_add(group).ok_or(Overflow)?, big)?;
        } else {
            break;
        }
        seen_yi |= big == YI;
        last_big = big;
        group = u128::from(next);
        // 三万五: a lone digit after a myriad, with no 零 and nothing after it that
        // continues the number, counts the next unit down.
        let lone = next_rest.len() + 3 == zero.unwrap_or(after).len() && next < 10;
        let continues = myriad(next_rest).is_some()
            || next_rest.starts_with(|c: char| numeral::is_chinese_numeral_char(c));
        if zero.is_none() && lone && !continues {
            group *= big / 10;
        }
        rest = next_rest;
    }
    let total = total.checked_add(group).ok_or(Overflow)?;
    let mut value = Decimal::new(total, 0);
    if let Some(frac) = rest.strip_prefix(['点', '點']) {
        let (mut mantissa, mut scale) = (total, 0u32);
        for d in frac.chars().map_while(numeral::chinese_digit) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(d)))
                .ok_or(Overflow)?;
            scale += 1;
        }
        if scale > 0 {
            value = Decimal::new(mantissa, scale);
            rest = &frac[3 * scale as usize..]; // every Chinese digit is three bytes
        }
    }
    Ok(Some(Number {
        value: value.ok_or(Overflow)?,
        len: text.len() - rest.len(),
        int_digits: 0,
        chinese: true,
    }))
}

const YI: u128 = 100_000_000;

/// The myriad word at the start of `text` — 万 (萬) or 亿 (億) — as (factor, length).
fn myriad(text: &str) -> Option<(u128, usize)> {
    match text.chars().next()? {
        '万' | '萬' => Some((10_000, 3)),
        '亿' | '億' => Some((YI, 3)),
        _ => None,
    }
}

/// `total + group × big`, checked.
fn add_mul(total: u128, group: u128, big: u128) -> Result<u128, Overflow> {
    group
        .checked_mul(big)
        .and_then(|p| p.checked_add(total))
        .ok_or(Overflow)
}

/// Either kind of number.
pub(crate) fn number(text: &str) -> Result<Option<Number>, Overflow> {
    match arabic(text)? {
        Some(n) => Ok(Some(n)),
        None => chinese(text),
    }
}

/// The factor of a magnitude word: 亿 万 千 百 (and 億 萬 仟 佰).
pub(crate) fn magnitude_factor(c: char) -> Option<u128> {
    Some(match c {
        '亿' | '億' => 100_000_000,
        '万' | '萬' => 10_000,
        '千' | '仟' => 1_000,
        '百' | '佰' => 100,
        _ => return None,
    })
}

// magnitude := "个"? ( "万万" | word ( myriad )* )      each myriad larger than the last
/// A magnitude and its factor: 万, 亿, 千 and 百 (and 萬 億 仟 佰), stacked from small to
/// large (千万, 万亿, 千万亿). 万万 is the old 亿 (四万万), and 个亿 the spoken one (两个亿).
/// 千 and 百 only open a magnitude after Arabic digits ("3千"): after a Chinese numeral
/// they are part of it. A unit that starts with one (千米, 千克) is no magnitude.
pub(crate) fn magnitude(text: &str, after_chinese: bool) -> Option<(usize, Decimal)> {
    let word = |t: &str| t.chars().next().and_then(magnitude_factor);
    if text.starts_with("个亿") || text.starts_with("个億") {
        return Some((6, dec(10_000).checked_mul(dec(10_000))?));
    }
    if text.starts_with("万万") || text.starts_with("萬萬") {
        return Some((6, dec(10_000).checked_mul(dec(10_000))?));
    }
    let first = word(text).filter(|&f| !after_chinese || f >= 10_000)?;
    // 12千米, 2.3千克: a unit that starts with a magnitude word is the unit.
    if unit_at(text).is_some_and(|unit| unit.text.len() > 3) {
        return None;
    }
    let (mut len, mut factor, mut last) = (3, first, first);
    while let Some(next) = word(&text[len..]).filter(|&f| f >= 10_000 && f > last) {
        factor = factor.checked_mul(next)?;
        last = next;
        len += 3; // every magnitude word is three bytes
    }
    Some((len, Decimal::new(factor, 0)?))
}

/// A number with its magnitude and the smaller parts that continue it, as read by
/// [`amount`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Amount {
    /// The value, magnitude applied.
    pub(crate) value: Decimal,
    /// The value as written: the number before its magnitude, or the whole value when
    /// smaller parts continue it ("3万4000").
    pub(crate) written: Decimal,
    /// The magnitude word's byte range and factor, when it ends the amount.
    pub(crate) magnitude: Option<(usize, usize, Decimal)>,
    /// Where the amount ends.
    pub(crate) end: usize,
}

// amount := number ( magnitude ( "零"? number magnitude? )* )?   parts get smaller
/// The amount that starts with `first`, the number at the start of `text`: 5万, 1.5万,
/// 3万4000, 1亿2000万.
pub(crate) fn amount(text: &str, first: Number) -> Result<Amount, Overflow> {
    let mut at = first.len;
    let Some((len, factor)) = magnitude(&text[at..], first.chinese) else {
        return Ok(Amount {
            value: first.value,
            written: first.value,
            magnitude: None,
            end: at,
        });
    };
    let mut value = first.value.checked_mul(factor).ok_or(Overflow)?;
    let mut written = first.value;
    let mut magnitude_found = Some((at, at + len, factor));
    at += len;
    // 3万4000, 5万4千6百, 1千零1: smaller parts continue an integer, each part smaller
    // than the magnitude before it. 10.1万零100 is no number.
    let mut last = factor;
    while first.value.is_integer() {
        let zero = if text[at..].starts_with(['零', '〇']) {
            3
        } else {
            0
        };
        let Some(rest) = number(&text[at + zero..])? else {
            break;
        };
        let rest_end = at + zero + rest.len;
        let sub = magnitude(&text[rest_end..], rest.chinese);
        let part = rest
            .value
            .checked_mul(sub.map_or(dec(1), |s| s.1))
            .ok_or(Overflow)?;
        if rest.chinese != first.chinese || part >= last {
            break;
        }
        value = value.checked_add(part).ok_or(Overflow)?;
        written = value;
        magnitude_found = None;
        at = rest_end + sub.map_or(0, |s| s.0);
        match sub {
            Some((_, f)) => last = f,
            None => break,
        }
    }
    Ok(Amount {
        value,
        written,
        magnitude: magnitude_found,
        end: at,
    })
}

// digit_string := chinese_digit{2,} ( "点" chinese_digit+ )?
/// Chinese digits read one by one, as codes and some amounts are written: 一二三 is
/// 123, 一七二零点一 is 1720.1. At least two digits before the point, so a lone digit is
/// left to [`chinese`]; 两 is not a digit here (一两个 is "one or two").
pub(crate) fn digit_string(text: &str) -> Result<Option<Number>, Overflow> {
    let digit = |c: char| numeral::chinese_digit(c).filter(|_| !matches!(c, '两' | '兩'));
    let mut mantissa: u128 = 0;
    let mut push = |d: u32| push_digit(&mut mantissa, d);
    let mut at = 0;
    for c in text.chars().map_while(digit) {
        push(c)?;
        at += 3; // every Chinese digit is three bytes in UTF-8
    }
    if at < 6 {
        return Ok(None);
    }
    let mut scale = 0u32;
    if let Some(frac) = text[at..].strip_prefix(['点', '點']) {
        for d in frac.chars().map_while(digit) {
            push(d)?;
            scale += 1;
        }
        if scale > 0 {
            at += 3 + 3 * scale as usize; // 点 and every Chinese digit are three bytes
        }
    }
    Ok(Some(Number {
        value: Decimal::new(mantissa, scale).ok_or(Overflow)?,
        len: at,
        int_digits: 0,
        chinese: true,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let cases = [
            ("52800元", "52800", 5),
            ("473240.6元", "473240.6", 8),
            ("10,000人", "10000", 6),
            ("1,234,567", "1234567", 9),
            ("１２３件", "123", 9),
            ("1,23", "1", 1),
        ];
        for (text, value, len) in cases {
            let n = arabic(text)
                .ok()
                .flatten()
                .unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (n.value.to_string(), n.len),
                (value.to_owned(), len),
                "{text}"
            );
        }
        let chinese_cases = [
            ("二十三万四千五百元", "234500"),
            ("两个", "2"),
            ("三万元", "3"),
            ("三点五亿", "3.5"),
            ("一亿二千万", "120000000"),
            ("一万零五", "10005"),
            ("十万零一千", "101000"),
            ("一百零一万零三千零十二", "1013012"),
            ("三万五", "35000"),
            ("十三万五", "135000"),
            ("一亿五", "150000000"),
            ("一亿五万", "100050000"),
            ("一万零五千", "15000"),
            ("一万一千亿二千万", "1100020000000"),
            (
                "一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一",
                "1111111111111111",
            ),
            ("两千万点五", "20000000.5"),
            ("四億五千六百四十二萬零壹十五", "456420015"),
            ("二十六點三三", "26.33"),
        ];
        for (text, value) in chinese_cases {
            let n = chinese(text)
                .ok()
                .flatten()
                .unwrap_or_else(|| panic!("{text}"));
            assert_eq!(n.value.to_string(), value, "{text}");
        }
        assert!(arabic(&"9".repeat(50)).is_err());
        assert!(chinese(&format!("零点{}", "一".repeat(50))).is_err());
    }
}
