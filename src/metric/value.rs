//! Reading a whole string as one number.

use std::borrow::Cow;

use super::number::{Overflow, amount, digit_string, number};
use crate::normalize;
use crate::{Decimal, Error, Span};

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
        // The reading that goes further: 一二三 is read whole by `digit_string`, 一 alone by
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
