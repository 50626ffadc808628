//! The grammar of a quantity: number, range, approximation, magnitude, unit.
//!
//! ```text
//! quantity  := number range? inner? magnitude? inner? unit? after?
//! number    := arabic | chinese
//! arabic    := digits ( "," ddd )* ( "." digits )?       digits ASCII or full-width
//! chinese   := group ( ("万" | "亿") group )* ( "点" digit+ )?
//! range     := ( "至" | "到" | "-" | "—" | "–" | "~" | "～" | "－" ) number inner? magnitude?
//! inner     := "余" | "多"
//! magnitude := "万亿" | "千万" | "百万" | "亿" | "万" | "千" | "百"
//! after     := "以上" | "左右" | "上下" | "余" | "多"
//! ```
//!
//! Each production is one function over `&str` returning what it read and the rest, as
//! nom parsers do; they never allocate and fail with [`Overflow`] instead of wrapping.

use super::Approx;
use super::unit::{Unit, unit_at};
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

/// A quantity as read, offsets relative to the start of its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quantity {
    pub(crate) number: Number,
    /// The value as written, before magnitude (the whole number for "3万4000").
    pub(crate) written: Decimal,
    /// The magnitude word's byte range and factor.
    pub(crate) magnitude: Option<(usize, usize, Decimal)>,
    /// Value in the base unit (low end of a range).
    pub(crate) value: Decimal,
    pub(crate) high: Option<Decimal>,
    pub(crate) approx: Option<(Approx, usize, usize)>,
    pub(crate) unit: Option<(Unit, usize, usize)>,
    /// Where the quantity ends.
    pub(crate) end: usize,
}

fn dec(n: u32) -> Decimal {
    Decimal::from(n)
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
    let mut push = |d: u32| -> Result<(), Overflow> {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(d)))
            .ok_or(Overflow)?;
        Ok(())
    };
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

// chinese := group ( ("万" | "亿") group )* ( "点" digit+ )?
/// A Chinese number: 二十三万四千五百, 两, 十, 三点五. A 万 or 亿 is part of the number
/// only when more numerals follow it (二十三万四千); a trailing one is left to
/// [`magnitude`] (三万元 is 3 × 万).
pub(crate) fn chinese(text: &str) -> Option<Number> {
    type E<'a> = nom::error::Error<&'a str>;
    let (mut rest, first) = numeral::chinese::<E>(text).ok()?;
    // The completed 亿 and 万 parts, and the group being read.
    let mut total: u128 = 0;
    let mut group = u128::from(first);
    let mut last_big = u128::MAX;
    loop {
        let big = if rest.starts_with('亿') {
            100_000_000u128
        } else if rest.starts_with('万') {
            10_000
        } else {
            break;
        };
        if big >= last_big {
            break;
        }
        let after = &rest[3..];
        match numeral::chinese::<E>(after) {
            Ok((next_rest, next)) => {
                total += group * big;
                group = u128::from(next);
                last_big = big;
                rest = next_rest;
            }
            Err(_) => {
                // 一亿二千万: a trailing 万 inside a 亿 number is part of it; a 万 ending
                // the whole number (三万) is left as its magnitude.
                if last_big != u128::MAX {
                    total += group * big;
                    group = 0;
                    rest = after;
                }
                break;
            }
        }
    }
    let total = total + group;
    let mut value = Decimal::new(total, 0)?;
    if let Some(frac) = rest.strip_prefix('点') {
        let digits: Vec<u32> = frac.chars().map_while(numeral::chinese_digit).collect();
        if !digits.is_empty() {
            let mantissa = digits.iter().fold(total, |m, &d| m * 10 + u128::from(d));
            value = Decimal::new(mantissa, u32::try_from(digits.len()).ok()?)?;
            rest = &frac[3 * digits.len()..];
        }
    }
    Some(Number {
        value,
        len: text.len() - rest.len(),
        int_digits: 0,
        chinese: true,
    })
}

/// Either kind of number.
pub(crate) fn number(text: &str) -> Result<Option<Number>, Overflow> {
    match arabic(text)? {
        Some(n) => Ok(Some(n)),
        None => Ok(chinese(text)),
    }
}

// magnitude := "万亿" | "千万" | "百万" | "亿" | "万" | "千" | "百"
/// A magnitude word and its factor. 千 and 百 only follow Arabic digits ("3千"): after a
/// Chinese numeral they are part of it.
pub(crate) fn magnitude(text: &str, after_chinese: bool) -> Option<(usize, Decimal)> {
    const WORDS: [(&str, u32, u32); 7] = [
        ("万亿", 10_000, 100_000_000),
        ("千万", 1_000, 10_000),
        ("百万", 100, 10_000),
        ("亿", 100_000_000, 1),
        ("万", 10_000, 1),
        ("千", 1_000, 1),
        ("百", 100, 1),
    ];
    WORDS
        .iter()
        .filter(|(word, _, _)| !after_chinese || word.starts_with(['万', '亿']))
        .find(|(word, _, _)| text.starts_with(word))
        .and_then(|&(word, a, b)| Some((word.len(), dec(a).checked_mul(dec(b))?)))
}

// inner := "余" | "多"
fn inner(text: &str) -> Option<usize> {
    text.starts_with(['余', '多']).then_some(3)
}

// range := ( "至" | "到" | "-" | "—" | "–" | "~" | "～" | "－" ) number
fn range_dash(text: &str) -> Option<usize> {
    ["至", "到", "—", "–", "-", "~", "～", "－"]
        .into_iter()
        .find(|d| text.starts_with(d))
        .map(str::len)
}

/// A quantity at the start of `text`, or `None` when `text` does not start with a
/// number.
pub(crate) fn quantity(text: &str) -> Result<Option<Quantity>, Overflow> {
    let Some(first) = number(text)? else {
        return Ok(None);
    };
    let mut at = first.len;
    let mut approx = None;
    let mut high_number: Option<(Number, Option<Decimal>)> = None;
    // range: the second number takes the same kind of digits.
    if let Some(dash) = range_dash(&text[at..]) {
        let second = number(&text[at + dash..])?.filter(|n| n.chinese == first.chinese);
        if let Some(second) = second {
            let mut end = at + dash + second.len;
            let mut factor = None;
            if let Some(len) = inner(&text[end..]) {
                end += len;
            }
            if let Some((len, f)) = magnitude(&text[end..], second.chinese) {
                end += len;
                factor = Some(f);
            }
            approx = Some((Approx::Range, at, at + dash));
            high_number = Some((second, factor));
            at = end;
        }
    }
    if approx.is_none() {
        if let Some(len) = inner(&text[at..]) {
            approx = Some((Approx::Over, at, at + len));
            at += len;
        }
    }
    let mut written = first.value;
    let mut magnitude_found = None;
    let mut value = first.value;
    if let Some((_, factor)) = high_number {
        // 两到三万元: the magnitude of the high end carries back to the low end.
        if let Some(f) = factor {
            value = value.checked_mul(f).ok_or(Overflow)?;
        }
    } else if let Some((len, factor)) = magnitude(&text[at..], first.chinese) {
        magnitude_found = Some((at, at + len, factor));
        value = value.checked_mul(factor).ok_or(Overflow)?;
        at += len;
        // 3万4000, 1亿2000万: a smaller number continues the larger.
        if approx.is_none() {
            if let Some(rest) = number(&text[at..])? {
                let sub = magnitude(&text[at + rest.len..], rest.chinese);
                let sub_factor = sub.map_or(dec(1), |s| s.1);
                let part = rest.value.checked_mul(sub_factor).ok_or(Overflow)?;
                if part < factor && rest.chinese == first.chinese {
                    value = value.checked_add(part).ok_or(Overflow)?;
                    written = value;
                    magnitude_found = None;
                    at += rest.len + sub.map_or(0, |s| s.0);
                }
            }
        }
        if approx.is_none() {
            if let Some(len) = inner(&text[at..]) {
                approx = Some((Approx::Over, at, at + len));
                at += len;
            }
        }
    }
    let high = match high_number {
        Some((second, factor)) => Some(match factor {
            Some(f) => second.value.checked_mul(f).ok_or(Overflow)?,
            None => second.value,
        }),
        None => None,
    };
    let unit = unit_at(&text[at..]).map(|u| {
        let start = at;
        at += u.text.len();
        (u, start, at)
    });
    if unit.is_some() && approx.is_none() {
        for (word, kind) in [
            ("以上", Approx::AtLeast),
            ("左右", Approx::About),
            ("上下", Approx::About),
            ("余", Approx::Over),
            ("多", Approx::Over),
        ] {
            if text[at..].starts_with(word) {
                approx = Some((kind, at, at + word.len()));
                at += word.len();
                break;
            }
        }
    }
    Ok(Some(Quantity {
        number: first,
        written,
        magnitude: magnitude_found,
        value,
        high,
        approx,
        unit,
        end: at,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        match quantity(text) {
            Ok(Some(q)) => q,
            other => panic!("{text}: {other:?}"),
        }
    }

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
        ];
        for (text, value) in chinese_cases {
            let n = chinese(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(n.value.to_string(), value, "{text}");
        }
        assert!(arabic(&"9".repeat(50)).is_err());
    }

    #[test]
    fn quantities() {
        // (text, value, high, unit, approx)
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, Option<Approx>);
        let cases: &[Case<'_>] = &[
            ("5万元", "50000", None, "元", None),
            ("1.5万元", "15000", None, "元", None),
            ("40余万份", "400000", None, "份", Some(Approx::Over)),
            ("1700余人次", "1700", None, "人次", Some(Approx::Over)),
            ("十多万人", "100000", None, "人", Some(Approx::Over)),
            ("3万4000元", "34000", None, "元", None),
            ("5至10人", "5", Some("10"), "人", Some(Approx::Range)),
            ("3-5天", "3", Some("5"), "天", Some(Approx::Range)),
            (
                "两到三万元",
                "20000",
                Some("30000"),
                "元",
                Some(Approx::Range),
            ),
            ("500人以上", "500", None, "人", Some(Approx::AtLeast)),
            ("3000人左右", "3000", None, "人", Some(Approx::About)),
            ("99.7%", "99.7", None, "%", None),
            ("3个百分点", "3", None, "个百分点", None),
            ("三个工作日", "3", None, "个工作日", None),
            ("324平方米", "324", None, "平方米", None),
        ];
        for &(text, value, high, unit, approx) in cases {
            let got = q(text);
            assert_eq!(got.value.to_string(), value, "{text}");
            assert_eq!(got.high.map(|h| h.to_string()).as_deref(), high, "{text}");
            assert_eq!(got.unit.map(|u| u.0.text), Some(unit), "{text}");
            assert_eq!(got.approx.map(|a| a.0), approx, "{text}");
            assert_eq!(got.end, text.len(), "{text}");
        }
    }
}
