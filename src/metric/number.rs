//! The grammar of a quantity: number, range, approximation, magnitude, unit.
//!
//! ```text
//! quantity  := number (range | adjacent)? inner? magnitude? inner? range? unit? fraction? range? after?
//! amount    := number ( magnitude ( "零"? number magnitude? )* )?
//! value     := amount | digit_string                  the whole text, for [`value`]
//! number    := arabic | chinese
//! arabic    := digits ( "," ddd )* ( "." digits )?       digits ASCII or full-width
//! chinese   := group ( myriad "零"? group )* ( "点" digit+ )?
//! myriad    := "万" | "亿"                            traditional 萬 億 too
//! range     := ( "至" | "到" | "-" | "—" | "–" | "~" | "～" | "－" ) number inner? magnitude?
//!            | "（含）"? dash amount unit?            after a magnitude or a unit: 1万-5万元
//! adjacent  := chinese_digit chinese                两三个, 二三十: neighbouring digits
//! inner     := "余" | "多"
//! magnitude := "万亿" | "万万" | "千万" | "百万" | "亿" | "万" | "千" | "百"
//! after     := "以上" | "左右" | "上下" | "余" | "多"
//! fraction  := ( digit "角" )? ( "零"? digit "分" )? | "半"   after the unit
//! digit_string := chinese_digit{2,} ( "点" chinese_digit+ )?
//! ```
//!
//! Each production is one function over `&str` returning what it read and the rest, as
//! nom parsers do; they never allocate and fail with [`Overflow`] instead of wrapping.

use std::borrow::Cow;

use super::unit::{Unit, unit_at};
use super::{Approx, Kind};
use crate::normalize;
use crate::numeral;
use crate::{Decimal, Error, Span};

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

// magnitude := "万亿" | "万万" | "千万" | "百万" | "亿" | "万" | "千" | "百"
/// A magnitude word and its factor, in simplified or traditional script (萬, 億, 佰, 仟);
/// 万万 is the old 亿 (四万万). 千 and 百 only follow Arabic digits ("3千"): after a
/// Chinese numeral they are part of it. A unit that starts with one (千米, 千克) is no
/// magnitude.
pub(crate) fn magnitude(text: &str, after_chinese: bool) -> Option<(usize, Decimal)> {
    const WORDS: [(&str, u32, u32); 14] = [
        ("万亿", 10_000, 100_000_000),
        ("萬億", 10_000, 100_000_000),
        ("万万", 10_000, 10_000),
        ("萬萬", 10_000, 10_000),
        ("千万", 1_000, 10_000),
        ("百万", 100, 10_000),
        ("亿", 100_000_000, 1),
        ("億", 100_000_000, 1),
        ("万", 10_000, 1),
        ("萬", 10_000, 1),
        ("千", 1_000, 1),
        ("仟", 1_000, 1),
        ("百", 100, 1),
        ("佰", 100, 1),
    ];
    let (len, factor) = WORDS
        .iter()
        .filter(|(word, _, _)| !after_chinese || myriad(word).is_some())
        .find(|(word, _, _)| text.starts_with(word))
        .and_then(|&(word, a, b)| Some((word.len(), dec(a).checked_mul(dec(b))?)))?;
    // 12千米, 2.3千克: a unit that starts with a magnitude word is the unit.
    match unit_at(text) {
        Some(unit) if unit.text.len() > len => None,
        _ => Some((len, factor)),
    }
}

// inner := "余" | "多"
fn inner(text: &str) -> Option<usize> {
    text.starts_with(['余', '多']).then_some(3)
}

// range := "（含）"? dash number                 dash: 至 到 - — – ~ ～ －, or doubled
fn range_dash(text: &str) -> Option<usize> {
    let dash = ["至", "到", "—", "–", "-", "~", "～", "－"]
        .into_iter()
        .find(|d| text.starts_with(d))?;
    // —— and -- are one dash: Chinese typesetting doubles the dash.
    Some(if text[dash.len()..].starts_with(dash) {
        2 * dash.len()
    } else {
        dash.len()
    })
}

// adjacent := digit digit+1 chinese       两三, 二三十, 四五千
/// Two neighbouring Chinese digits, an approximate range as speech and reports give it
/// (两三个 is two or three, 二三十 twenty or thirty, 四五千 four or five thousand): the
/// number that starts with the second digit, and the low end in its unit. `first` is
/// the number at the start of `text`.
pub(crate) fn adjacent(text: &str, first: Number) -> Result<Option<(Number, Decimal)>, Overflow> {
    let low_digit = match first.value.to_u64() {
        Some(d @ 1..=8) if first.chinese && first.len == 3 => d,
        _ => return Ok(None),
    };
    let next = text[first.len..]
        .chars()
        .next()
        .and_then(numeral::chinese_digit);
    if next.map(u64::from) != Some(low_digit + 1) {
        return Ok(None);
    }
    let Some(second) = chinese(&text[first.len..])? else {
        return Ok(None);
    };
    // The high end must be the digit times a power of ten: 三十, not 三十五.
    let unit = second
        .value
        .to_u64()
        .filter(|v| v % (low_digit + 1) == 0)
        .map(|v| v / (low_digit + 1))
        .filter(|&u| is_power_of_ten(u));
    Ok(unit.map(|u| (second, Decimal::from(low_digit * u))))
}

fn is_power_of_ten(mut n: u64) -> bool {
    while n >= 10 && n % 10 == 0 {
        n /= 10;
    }
    n == 1
}

/// "（含）", "inclusive", as regulations write it after a bound: 1万(含)-5万元.
fn inclusive(text: &str) -> usize {
    ["（含）", "(含)"]
        .into_iter()
        .find(|w| text.starts_with(w))
        .map_or(0, str::len)
}

/// The high end of a range after a complete low end.
struct RangeEnd {
    /// The dash, relative to where the low end stops.
    dash: (usize, usize),
    high: Decimal,
    /// Where the high end (with its unit, if any) stops.
    len: usize,
}

/// The high end of a range after a low end worth `low` that already has its magnitude
/// (1万-5万) or its unit (5000元至3万元, `unit` given: the high end repeats it). The high
/// end is read as an amount with the same kind of digits, and must not be lower.
fn range_after(
    text: &str,
    chinese: bool,
    low: Decimal,
    unit: Option<Unit>,
) -> Result<Option<RangeEnd>, Overflow> {
    let incl = inclusive(text);
    let Some(dash) = range_dash(&text[incl..]) else {
        return Ok(None);
    };
    let from = incl + dash;
    let Some(second) = number(&text[from..])?.filter(|n| n.chinese == chinese) else {
        return Ok(None);
    };
    let a = amount(&text[from..], second)?;
    let mut len = from + a.end;
    if let Some(u) = unit {
        if !text[len..].starts_with(u.text) {
            return Ok(None);
        }
        len += u.text.len();
    } else if a.magnitude.is_none() && a.written == a.value {
        return Ok(None);
    }
    Ok((a.value >= low).then_some(RangeEnd {
        dash: (incl, from),
        high: a.value,
        len,
    }))
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

/// A quantity at the start of `text`, or `None` when `text` does not start with a
/// number.
pub(crate) fn quantity(text: &str) -> Result<Option<Quantity>, Overflow> {
    let Some(first) = number(text)? else {
        return Ok(None);
    };
    let mut at = first.len;
    let mut approx = None;
    let mut written = first.value;
    let mut value = first.value;
    let mut high = None;
    let mut magnitude_found = None;
    let second = match (range_dash(&text[at..]), adjacent(text, first)?) {
        // 两三个, 二三十: no dash, and the low end counts in the high end's unit.
        (_, Some((second, low))) => {
            value = low;
            Some((0, second))
        }
        // The second number takes the same kind of digits.
        (Some(dash), None) => number(&text[at + dash..])?
            .filter(|n| n.chinese == first.chinese)
            .map(|n| (dash, n)),
        (None, None) => None,
    };
    if let Some((dash, second)) = second {
        // 5至10人, 两到三万元
        let mut end = at + dash + second.len;
        if let Some(len) = inner(&text[end..]) {
            end += len;
        }
        let mut high_value = second.value;
        if let Some((len, f)) = magnitude(&text[end..], second.chinese) {
            end += len;
            high_value = high_value.checked_mul(f).ok_or(Overflow)?;
            // 两到三万元: the magnitude of the high end carries back to a smaller low
            // end; 8500到3万 is 8500 to 30000.
            if value < second.value {
                value = value.checked_mul(f).ok_or(Overflow)?;
            }
        }
        approx = Some((Approx::Range, at, at + dash));
        high = Some(high_value);
        at = end;
    } else if let Some(len) = inner(&text[at..]) {
        // 40余万份: no smaller part can follow the qualifier.
        approx = Some((Approx::Over, at, at + len));
        at += len;
        if let Some((len, factor)) = magnitude(&text[at..], first.chinese) {
            magnitude_found = Some((at, at + len, factor));
            value = value.checked_mul(factor).ok_or(Overflow)?;
            at += len;
        }
    } else {
        let a = amount(text, first)?;
        (value, written, magnitude_found, at) = (a.value, a.written, a.magnitude, a.end);
        if let Some(len) = inner(&text[at..]) {
            approx = Some((Approx::Over, at, at + len));
            at += len;
        } else if let Some(r) = range_after(&text[at..], first.chinese, value, None)? {
            // 1万-5万元, 1万(含)-5万元: both ends with their own magnitude.
            approx = Some((Approx::Range, at + r.dash.0, at + r.dash.1));
            high = Some(r.high);
            at += r.len;
        }
    }
    let unit = unit_at(&text[at..]).map(|u| {
        let start = at;
        at += u.text.len();
        (u, start, at)
    });
    // 123元1角1分, 一吨半: a smaller amount continues an exact one.
    if let Some((u, _, _)) = unit {
        if approx.is_none() && magnitude_found.is_none() {
            if let Some((part, len)) = fraction_after_unit(&text[at..], u, value)? {
                value = value.checked_add(part).ok_or(Overflow)?;
                written = value;
                at += len;
            }
        }
    }
    // 5000元至3万元: a range whose ends both carry the unit.
    if let (Some((u, _, _)), None) = (unit, approx) {
        if let Some(r) = range_after(&text[at..], first.chinese, value, Some(u))? {
            approx = Some((Approx::Range, at + r.dash.0, at + r.dash.1));
            high = Some(r.high);
            at += r.len;
        }
    }
    // 50万元（含）以上: "inclusive" before 以上 says what 以上 already does.
    if unit.is_some() && approx.is_none() && text[at + inclusive(&text[at..])..].starts_with("以上")
    {
        at += inclusive(&text[at..]);
    }
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

// fraction := ( digit "角" )? ( "零"? digit "分" )?     after 元 or 圆
//           | "半"                                     after a measure (not a count)
/// What continues an exact amount after its unit, and its length: 角 and 分 after 元
/// (123元1角1分 is 123.11 元), or 半 after a measure (一吨半 is 1.5 吨; 三个半 is not
/// read, and 半 opening a word — 半年, 半成品 — is left alone).
fn fraction_after_unit(
    text: &str,
    unit: Unit,
    value: Decimal,
) -> Result<Option<(Decimal, usize)>, Overflow> {
    let tenths = |n: u32, scale: u32| Decimal::new(u128::from(n), scale).ok_or(Overflow);
    if matches!(unit.text, "元" | "圆") {
        let digit = |t: &str| {
            let c = t.chars().next()?;
            numeral::arabic_digit(c)
                .or_else(|| numeral::chinese_digit(c))
                .map(|d| (d, c.len_utf8()))
        };
        let mut at = 0;
        let mut part = Decimal::ZERO;
        if let Some((d, len)) = digit(text).filter(|&(_, len)| text[len..].starts_with('角')) {
            part = tenths(d, 1)?;
            at = len + '角'.len_utf8();
        }
        let zero = if at == 0 && text.starts_with('零') {
            3
        } else {
            0
        };
        let fen = &text[at + zero..];
        if let Some((d, len)) = digit(fen) {
            if fen[len..].starts_with('分') && !fen[len..].starts_with("分钟") {
                part = part.checked_add(tenths(d, 2)?).ok_or(Overflow)?;
                at += zero + len + '分'.len_utf8();
            }
        }
        return Ok((at > 0).then_some((part, at)));
    }
    let measure = !unit.classifier
        && matches!(
            unit.kind,
            Kind::Length | Kind::Mass | Kind::Area | Kind::Duration
        );
    let Some(rest) = text.strip_prefix('半') else {
        return Ok(None);
    };
    // 半 that opens a word (半成品, 半年) is not a half: only an end, a non-Han character,
    // or a word that cannot follow it as a noun.
    let ends = rest.chars().next().is_none_or(|c| {
        !('\u{4E00}'..='\u{9FFF}').contains(&c) || "的以左多后前内来之".contains(c)
    });
    if measure && ends && value.is_integer() {
        return Ok(Some((tenths(5, 1)?, '半'.len_utf8())));
    }
    Ok(None)
}

// digit_string := chinese_digit{2,} ( "点" chinese_digit+ )?
/// Chinese digits read one by one, as codes and some amounts are written: 一二三 is
/// 123, 一七二零点一 is 1720.1. At least two digits before the point, so a lone digit is
/// left to [`chinese`]; 两 is not a digit here (一两个 is "one or two").
fn digit_string(text: &str) -> Result<Option<Number>, Overflow> {
    let digit = |c: char| numeral::chinese_digit(c).filter(|_| !matches!(c, '两' | '兩'));
    let mut mantissa: u128 = 0;
    let mut push = |d: u32| -> Result<(), Overflow> {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(d)))
            .ok_or(Overflow)?;
        Ok(())
    };
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

/// Reads all of `text` as one number, Chinese or Arabic, and returns its exact value.
///
/// The number is read with the grammar of [`extract`](super::extract), without a unit:
/// Arabic digits (ASCII or full-width, with `,` thousands groups and a `.` fraction),
/// Chinese numerals (二十三, 两千, 廿一, 大写 贰佰伍拾, a 点 fraction), Chinese digits one by
/// one (一二三, 二〇〇二), and a magnitude with the smaller parts that continue it (1.5万,
/// 3万4000, 三十万). Spaces that PDF extraction leaves between Chinese characters and
/// digits are skipped, as the extractor skips them. Negative numbers, fractions
/// (三分之一), approximations (十余万) and ranges are not single numbers and are refused.
///
/// ```
/// use gongwen::{Decimal, metric::value};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(value("二十三万四千五百"), Ok(d("234500")));
/// assert_eq!(value("1.5万"), Ok(d("15000")));
/// assert_eq!(value("473240.6"), Ok(d("473240.6")));
/// assert_eq!(value("贰佰伍拾"), Ok(d("250")));
/// assert_eq!(value("一二三"), Ok(d("123")));
/// assert_eq!(value("2023 万"), Ok(d("20230000")));
/// ```
///
/// # Errors
///
/// Every error carries a byte offset into `text`:
/// [`Error::UnexpectedEnd`] for empty text, [`Error::Unexpected`] when `text` does not
/// start with a number, [`Error::TooLarge`] when the value does not fit a [`Decimal`]
/// (its `max` is `u64::MAX`, the largest bound the variant can state), and
/// [`Error::Trailing`] when text is left after the number.
///
/// ```
/// use gongwen::{Error, metric::value};
/// assert_eq!(value("十二个"), Err(Error::Trailing { what: "number", found: '个', offset: 6 }));
/// assert_eq!(value("第三"), Err(Error::Unexpected { expected: "a number", found: '第', offset: 0 }));
/// assert!(matches!(value(&"9".repeat(50)), Err(Error::TooLarge { offset: 0, .. })));
/// ```
pub fn value(text: &str) -> Result<Decimal, Error> {
    let pieces = normalize::remove_pdf_spaces(text, Span::new(0, text.len()));
    let compact: Cow<'_, str> = match pieces.as_slice() {
        [one] if one.len() == text.len() => Cow::Borrowed(text),
        _ => Cow::Owned(pieces.iter().map(|p| &text[p.range()]).collect()),
    };
    // The offset in `text` of the byte at `at` in `compact`.
    let original = |at: usize| {
        let mut offset = 0;
        for piece in &pieces {
            if at < offset + piece.len() {
                return piece.start + (at - offset);
            }
            offset += piece.len();
        }
        text.len()
    };
    let too_large = Error::TooLarge {
        offset: 0,
        max: u64::MAX,
    };
    let read = |text: &str| -> Result<Option<(Decimal, usize)>, Overflow> {
        let amount = match number(text)? {
            Some(first) => {
                let a = amount(text, first)?;
                Some((a.value, a.end))
            }
            None => None,
        };
        let one_by_one = digit_string(text)?.map(|n| (n.value, n.len));
        // The reading that goes further: 一二三 is read whole by `digits`, 一 alone by
        // `number`.
        Ok(match (amount, one_by_one) {
            (Some(a), Some(d)) if d.1 > a.1 => Some(d),
            (Some(a), _) => Some(a),
            (None, d) => d,
        })
    };
    match read(&compact) {
        Err(Overflow) => Err(too_large),
        Ok(Some((value, end))) => match compact[end..].chars().next() {
            None => Ok(value),
            Some(found) => Err(Error::Trailing {
                what: "number",
                found,
                offset: original(end),
            }),
        },
        Ok(None) => Err(match compact.chars().next() {
            None => Error::UnexpectedEnd {
                expected: "a number",
                offset: text.len(),
            },
            Some(found) => Error::Unexpected {
                expected: "a number",
                found,
                offset: original(0),
            },
        }),
    }
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
            (
                "50万元（含）以上",
                "500000",
                None,
                "元",
                Some(Approx::AtLeast),
            ),
            (
                "8500到3万元",
                "8500",
                Some("30000"),
                "元",
                Some(Approx::Range),
            ),
            (
                "十八至三十万元",
                "180000",
                Some("300000"),
                "元",
                Some(Approx::Range),
            ),
            (
                "1万-5万元",
                "10000",
                Some("50000"),
                "元",
                Some(Approx::Range),
            ),
            (
                "1万(含)-5万元",
                "10000",
                Some("50000"),
                "元",
                Some(Approx::Range),
            ),
            (
                "5000元至3万元",
                "5000",
                Some("30000"),
                "元",
                Some(Approx::Range),
            ),
            (
                "1万元--5万元",
                "10000",
                Some("50000"),
                "元",
                Some(Approx::Range),
            ),
            (
                "2——3万元",
                "20000",
                Some("30000"),
                "元",
                Some(Approx::Range),
            ),
            ("3000人左右", "3000", None, "人", Some(Approx::About)),
            ("99.7%", "99.7", None, "%", None),
            ("3个百分点", "3", None, "个百分点", None),
            ("三个工作日", "3", None, "个工作日", None),
            ("324平方米", "324", None, "平方米", None),
            ("12千米", "12", None, "千米", None),
            ("2.3千克", "2.3", None, "千克", None),
            ("3千万元", "30000000", None, "元", None),
            ("123元1角1分", "123.11", None, "元", None),
            ("壹拾壹元壹角", "11.1", None, "元", None),
            ("一元零五分", "1.05", None, "元", None),
            ("一吨半", "1.5", None, "吨", None),
            ("两米半", "2.5", None, "米", None),
        ];
        for &(text, value, high, unit, approx) in cases {
            let got = q(text);
            assert_eq!(got.value.to_string(), value, "{text}");
            assert_eq!(got.high.map(|h| h.to_string()).as_deref(), high, "{text}");
            assert_eq!(got.unit.map(|u| u.0.text), Some(unit), "{text}");
            assert_eq!(got.approx.map(|a| a.0), approx, "{text}");
            assert_eq!(got.end, text.len(), "{text}");
        }
        // 半 opening a word, or after a count, is not a half.
        assert_eq!(q("2吨半成品").value.to_string(), "2");
        assert_eq!(q("3人半").value.to_string(), "3");
        assert_eq!(q("5元5分钟").end, "5元".len());
        assert_eq!(q("3年半以来").value.to_string(), "3.5");
    }

    #[test]
    fn values() {
        let cases = [
            ("0", "0"),
            ("１２３", "123"),
            ("1,234,567.5", "1234567.5"),
            ("十", "10"),
            ("二十三万四千五百", "234500"),
            ("贰佰伍拾", "250"),
            ("廿二", "22"),
            ("两千", "2000"),
            ("三点五", "3.5"),
            ("零点零一", "0.01"),
            ("1.5万", "15000"),
            ("3万4000", "34000"),
            ("5万4千6百", "54600"),
            ("5亿1万4千6百", "500014600"),
            ("1千零1", "1001"),
            ("1百01", "101"),
            ("三十万", "300000"),
            ("4.78万亿", "4780000000000"),
            ("四万万", "400000000"),
            ("10萬萬", "1000000000"),
            ("9佰", "900"),
            ("二十一万亿", "21000000000000"),
            ("一二三", "123"),
            ("二〇〇二", "2002"),
            ("一七二零点一三四", "1720.134"),
            ("7 万", "70000"),
            ("三千 九百 六十五", "3965"),
        ];
        for (text, want) in cases {
            assert_eq!(
                value(text).map(|v| v.to_string()),
                Ok(want.to_owned()),
                "{text}"
            );
        }
    }

    #[test]
    fn value_errors() {
        let unexpected = |found, offset| Error::Unexpected {
            expected: "a number",
            found,
            offset,
        };
        let trailing = |found, offset| Error::Trailing {
            what: "number",
            found,
            offset,
        };
        assert_eq!(
            value(""),
            Err(Error::UnexpectedEnd {
                expected: "a number",
                offset: 0
            })
        );
        assert_eq!(value("万"), Err(unexpected('万', 0)));
        assert_eq!(value("-1"), Err(unexpected('-', 0)));
        assert_eq!(value("十余万"), Err(trailing('余', 3)));
        assert_eq!(value("5至10"), Err(trailing('至', 1)));
        assert_eq!(value("10..1万"), Err(trailing('.', 2)));
        // Only an integer is continued by smaller parts.
        assert_eq!(value("10.1万零100"), Err(trailing('零', 7)));
        assert_eq!(value("3万5万"), Err(trailing('5', 4)));
        // The offset is into the text as given, PDF spaces included.
        assert_eq!(value("一 百个"), Err(trailing('个', 7)));
        assert_eq!(value("1 2"), Err(trailing(' ', 1)));
        assert!(matches!(
            value(&"9".repeat(40)),
            Err(Error::TooLarge { offset: 0, .. })
        ));
        assert!(matches!(
            value(&"九".repeat(40)),
            Err(Error::TooLarge { offset: 0, .. })
        ));
    }
}
