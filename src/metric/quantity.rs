//! The grammar of a quantity: a number with its range, approximation, magnitude and
//! unit.
//!
//! ```text
//! quantity  := prefix number (range | adjacent)? inner? magnitude? inner? range? after?
//!            | number (range | adjacent)? inner? magnitude? inner? range? unit? fraction? range? after?
//! prefix    := "百分之" | "千分之" | "万分之" | … | "￥" | "$"
//! range     := ( "至" | "到" | "-" | "—" | "–" | "~" | "～" | "－" ) number inner? magnitude?
//!            | "（含）"? dash amount unit?            after a magnitude or a unit: 1万-5万元
//! adjacent  := chinese_digit chinese                两三个, 二三十: neighbouring digits
//! inner     := "余" | "多" | "几"                     十几万: more than 十万
//! after     := "以上" | "左右" | "上下" | "余" | "多"
//! fraction  := ( digit "角" )? ( "零"? digit "分" )? | "半"   after the unit
//! ```
//!
//! `number`, `amount` and `magnitude` are in [`number`](super::number).

use super::number::{Number, Overflow, amount, chinese, magnitude, magnitude_factor, number};
use super::unit::{Unit, prefix_at, unit_at};
use super::{Approx, Kind};
use crate::Decimal;
use crate::numeral;

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

/// The qualifiers inside a quantity ("more than"): 十几万, 40余万份.
const INNER: [char; 4] = ['余', '多', '几', '幾'];

/// The dashes of a range: 5至10人, 3-5万元.
const DASHES: [char; 8] = ['至', '到', '—', '–', '-', '~', '～', '－'];

// inner := "余" | "多" | "几"
fn inner(text: &str) -> Option<usize> {
    text.starts_with(INNER).then_some(3)
}

// range := "（含）"? dash number                 dash: 至 到 - — – ~ ～ －, or doubled
fn range_dash(text: &str) -> Option<usize> {
    // Every dash is one character: one look at it, not a comparison per dash string.
    let dash = text.chars().next().filter(|c| DASHES.contains(c))?;
    let len = dash.len_utf8();
    // —— and -- are one dash: Chinese typesetting doubles the dash.
    Some(if text[len..].starts_with(dash) {
        2 * len
    } else {
        len
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

/// A lone Chinese digit read in the leading unit of the larger number after it: 两 is
/// 2000 before 三千 (两到三千), 八 is 800 before 九百. `None` when the digit is not
/// smaller than the leading digit (五至十 stays 5 to 10).
fn in_leading_unit(first: Number, high: Number) -> Option<Decimal> {
    let digit = first
        .value
        .to_u64()
        .filter(|d| (1..=9).contains(d) && first.len == 3)?;
    let high = high.value.to_u64()?;
    let mut unit = 1u64;
    while unit.checked_mul(10).is_some_and(|u| u <= high) {
        unit *= 10;
    }
    (high / unit > digit).then(|| Decimal::from(digit * unit))
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

/// A quantity whose unit comes before its number — 百分之五, ￥300 — as the unit and
/// the quantity of the rest of `text` (without a unit of its own).
pub(crate) fn prefixed(text: &str) -> Result<Option<(Unit, Quantity)>, Overflow> {
    let Some(unit) = prefix_at(text) else {
        return Ok(None);
    };
    Ok(read(&text[unit.text.len()..], true)?.map(|q| (unit, q)))
}

/// The quantity at the start of `text` whose number, `first`, the caller has read (so
/// that it is not read twice).
pub(crate) fn quantity_from(text: &str, first: Number) -> Result<Option<Quantity>, Overflow> {
    // Most numbers that get this far are followed by a character no rule of the grammar
    // starts with (一是, （一）, 第3): they are bare, known from one look at it instead of
    // every rule failing in turn.
    if !text[first.len..].starts_with(may_continue) {
        return Ok(Some(Quantity::bare(first)));
    }
    read_from(text, first, false)
}

/// Whether a rule of the grammar after a number may start with `c`: a range's dash, a
/// second Chinese digit (两三), an inner qualifier, a magnitude word (or the 个 of 个亿)
/// and a unit. Every other rule of [`read_from`] comes after one of these ("（含）"
/// after a magnitude or a unit).
fn may_continue(c: char) -> bool {
    DASHES.contains(&c)
        || INNER.contains(&c)
        || c == '个'
        || magnitude_factor(c).is_some()
        || numeral::chinese_digit(c).is_some()
        || super::unit::may_start(c)
}

impl Quantity {
    /// The quantity of a number with nothing after it that the grammar reads.
    fn bare(number: Number) -> Quantity {
        Quantity {
            number,
            written: number.value,
            magnitude: None,
            value: number.value,
            high: None,
            approx: None,
            unit: None,
            end: number.len,
        }
    }
}

/// The quantity at the start of `text`; `prefixed` when its unit came before it.
fn read(text: &str, prefixed: bool) -> Result<Option<Quantity>, Overflow> {
    match number(text)? {
        Some(first) => read_from(text, first, prefixed),
        None => Ok(None),
    }
}

/// [`read`] once the first number is read.
fn read_from(text: &str, first: Number, prefixed: bool) -> Result<Option<Quantity>, Overflow> {
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
        if dash > 0 && first.chinese {
            // 两到三千: a lone digit counts in the high end's leading unit.
            if let Some(low) = in_leading_unit(first, second) {
                value = low;
            }
        }
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
    let unit = unit_at(&text[at..]).filter(|_| !prefixed).map(|u| {
        let start = at;
        at += u.text.len();
        (u, start, at)
    });
    let has_unit = prefixed || unit.is_some();
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
    if has_unit && approx.is_none() && text[at + inclusive(&text[at..])..].starts_with("以上") {
        at += inclusive(&text[at..]);
    }
    if has_unit && approx.is_none() {
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
    let ends = rest
        .chars()
        .next()
        .is_none_or(|c| !super::is_han(c) || "的以左多后前内来之".contains(c));
    if measure && ends && value.is_integer() {
        return Ok(Some((tenths(5, 1)?, '半'.len_utf8())));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        match read(text, false) {
            Ok(Some(q)) => q,
            other => panic!("{text}: {other:?}"),
        }
    }

    /// The shortcut of [`quantity_from`] agrees with the whole grammar: after every
    /// character of the Basic Multilingual Plane followed by short text, and after the
    /// characters of the grammar's words (units, "（含）") and of punctuation followed
    /// by the rest of each unit, so that a word of several characters is tried from its
    /// second one.
    #[test]
    fn shortcut_agrees_with_the_grammar() {
        let units = super::super::unit::UNITS.iter().map(|u| u.text);
        let words: Vec<&str> = ["", "。", "5", "万元", "（含）至5元", "以上"]
            .into_iter()
            .chain(units.clone())
            .collect();
        let rests: Vec<&str> = words
            .iter()
            .map(|w| w.char_indices().nth(1).map_or("", |(at, _)| &w[at..]))
            .chain(words.iter().copied())
            .collect();
        let all = (0..=0xFFFFu32).filter_map(char::from_u32);
        let of_words = words.iter().flat_map(|w| w.chars());
        let punctuation = (0x3000..=0x303F)
            .chain(0xFF00..=0xFFEF)
            .filter_map(char::from_u32);
        let cases = all
            .flat_map(|c| ["", "元", "万元"].map(|rest| (c, rest)))
            .chain(
                of_words
                    .chain(punctuation)
                    .chain((0..0x80u8).map(char::from))
                    .flat_map(|c| rests.iter().map(move |&rest| (c, rest))),
            );
        let mut checked = 0;
        for (c, rest) in cases {
            for first in ["5", "三"] {
                let text = format!("{first}{c}{rest}");
                let Ok(Some(n)) = number(&text) else { continue };
                if n.len != first.len() {
                    continue; // `c` is part of the number
                }
                assert_eq!(
                    quantity_from(&text, n),
                    read_from(&text, n, false),
                    "{text}"
                );
                checked += 1;
            }
        }
        assert!(checked > 300_000, "{checked}");
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
    fn prefixed_units() {
        // (text, value, high, unit, approx)
        let cases = [
            ("百分之五", "5", None, "百分之", None),
            ("百分之百", "100", None, "百分之", None),
            (
                "百分之五十以上",
                "50",
                None,
                "百分之",
                Some(Approx::AtLeast),
            ),
            (
                "百分之二三十",
                "20",
                Some("30"),
                "百分之",
                Some(Approx::Range),
            ),
            ("千分之２．４", "2.4", None, "千分之", None),
            ("百万分之五", "5", None, "百万分之", None),
            ("￥300", "300", None, "￥", None),
        ];
        for (text, value, high, unit, approx) in cases {
            let Ok(Some((u, got))) = prefixed(text) else {
                panic!("{text}");
            };
            assert_eq!(got.value.to_string(), value, "{text}");
            assert_eq!(got.high.map(|h| h.to_string()).as_deref(), high, "{text}");
            assert_eq!((u.text, got.unit), (unit, None), "{text}");
            assert_eq!(got.approx.map(|a| a.0), approx, "{text}");
            assert_eq!(u.text.len() + got.end, text.len(), "{text}");
        }
        // The unit comes first only once: 百分之五个 has no second unit.
        assert_eq!(
            prefixed("百分之五个").ok().flatten().map(|q| q.1.end),
            Some(3)
        );
    }
}
