//! Numbering markers: 一、 （一） 1. （1） ① 一是 第一章 第一条 第一， …
//!
//! One nom parser per scheme, and [`marker`] that tries them all. A marker's [`Scheme`]
//! is its numeral class × bracket form — never its delimiter or its width — so "1." and
//! "3、" belong to one list and （一） and (二) to another; the delimiter and width are
//! recorded on the [`Marker`] for the proofreader.
//!
//! The parsers read a marker at the very start of their input (strip indentation first)
//! and reject the look-alikes that fill real reports: "2020年度…", "1.5万元", "12345工单",
//! "（2021—2025年）", "(居)", "第一次", "第一责任人", "第三款", "一、二月". Inline schemes
//! (一是, 一要, 第一，) cannot see what comes before them: "统一是" and "之一是" are
//! rejected by the caller, which knows the preceding character (see
//! [`may_precede_inline`]).
//!
//! ```
//! use gongwen::numbering::{marker, Scheme, Delimiter};
//! let (rest, m) = marker::<nom::error::Error<&str>>("（三）强化监督。").unwrap();
//! assert_eq!((m.scheme, m.ordinal, &*m.text), (Scheme::ParenHanzi, 3, "（三）"));
//! assert_eq!(rest, "强化监督。");
//!
//! let (_, m) = marker::<nom::error::Error<&str>>("3、运用法治思维").unwrap();
//! assert_eq!((m.scheme, m.delimiter), (Scheme::Arabic, Delimiter::Dun));
//!
//! assert!(marker::<nom::error::Error<&str>>("2020年度结合创城创卫工作").is_err());
//! ```

use std::borrow::Cow;
use std::fmt;

use crate::Error;

mod grammar;

pub use grammar::{
    arabic, article, chapter, circled, hanzi, jie, marker, may_precede_inline, ordinal,
    paren_arabic, paren_hanzi, part, shi, yao,
};

/// A numbering scheme: numeral class × bracket form.
///
/// The JSON name of each variant is given in its docs. Block schemes number headings
/// and paragraphs; inline schemes ([`Scheme::is_inline`]) enumerate inside running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Scheme {
    /// `part`: 第一部分, 第一编, 第一篇.
    Part,
    /// `chapter`: 第一章.
    Chapter,
    /// `jie`: 第一节.
    Jie,
    /// `article`: 第一条.
    Article,
    /// `hanzi`: 一、 十二、 壹、 (and the non-standard 一. 一．).
    Hanzi,
    /// `paren_hanzi`: （一） (一) and the unpaired （一) (一）.
    ParenHanzi,
    /// `arabic`: 1. 1． 1、 １． ⒈
    Arabic,
    /// `paren_arabic`: （1） (1) 1) 1）.
    ParenArabic,
    /// `circled`: ① ⑴ ㈠ ❶ ➀.
    Circled,
    /// `shi`: 一是 二是 … (inline).
    Shi,
    /// `yao`: 一要 二要 … (inline).
    Yao,
    /// `ordinal`: 第一， 第二， … at the start of a sentence (inline).
    Ordinal,
}

impl Scheme {
    /// Every scheme, in rank order.
    pub const ALL: [Scheme; 12] = [
        Scheme::Part,
        Scheme::Chapter,
        Scheme::Jie,
        Scheme::Article,
        Scheme::Hanzi,
        Scheme::ParenHanzi,
        Scheme::Arabic,
        Scheme::ParenArabic,
        Scheme::Circled,
        Scheme::Shi,
        Scheme::Yao,
        Scheme::Ordinal,
    ];

    /// The name used in JSON and in messages.
    pub const fn name(self) -> &'static str {
        match self {
            Scheme::Part => "part",
            Scheme::Chapter => "chapter",
            Scheme::Jie => "jie",
            Scheme::Article => "article",
            Scheme::Hanzi => "hanzi",
            Scheme::ParenHanzi => "paren_hanzi",
            Scheme::Arabic => "arabic",
            Scheme::ParenArabic => "paren_arabic",
            Scheme::Circled => "circled",
            Scheme::Shi => "shi",
            Scheme::Yao => "yao",
            Scheme::Ordinal => "ordinal",
        }
    }

    /// Whether the scheme enumerates inside running text (一是, 一要, 第一，) rather than
    /// numbering headings.
    pub const fn is_inline(self) -> bool {
        matches!(self, Scheme::Shi | Scheme::Yao | Scheme::Ordinal)
    }

    /// The conventional rank of a block scheme, 0 being the outermost: 第一部分 > 第一章 >
    /// 第一节 > 第一条 > 一、 > （一） > 1. > （1） > ① (GB/T 9704-2012 §7.3.3 for the middle
    /// four). `None` for inline schemes.
    pub const fn rank(self) -> Option<u8> {
        Some(match self {
            Scheme::Part => 0,
            Scheme::Chapter => 1,
            Scheme::Jie => 2,
            Scheme::Article => 3,
            Scheme::Hanzi => 4,
            Scheme::ParenHanzi => 5,
            Scheme::Arabic => 6,
            Scheme::ParenArabic => 7,
            Scheme::Circled => 8,
            Scheme::Shi | Scheme::Yao | Scheme::Ordinal => return None,
        })
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The punctuation that follows a marker's numeral or bracket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Delimiter {
    /// Nothing: bracketed and circled markers, 第一章, 一是.
    None,
    /// 顿号 `、`.
    Dun,
    /// A point, `.` or `．` (or the point built into ⒈).
    Dot,
    /// A comma, `，` or `,`.
    Comma,
    /// A colon, `：` or `:`.
    Colon,
    /// A closing bracket alone, as in `1)`.
    Paren,
}

impl Delimiter {
    /// The name used in JSON and in messages.
    pub const fn name(self) -> &'static str {
        match self {
            Delimiter::None => "none",
            Delimiter::Dun => "dun",
            Delimiter::Dot => "dot",
            Delimiter::Comma => "comma",
            Delimiter::Colon => "colon",
            Delimiter::Paren => "paren",
        }
    }
}

/// The width of a marker's brackets and points — those that exist in both an ASCII and
/// a full-width form — or, for a marker with none ("1、"), of its digits.
///
/// Arabic digits are half-width in standard text (GB/T 15835), so "（1）" is `Full` and
/// "1." is `Half`; "１．" and "1．" are both `Full`, and only the text tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Width {
    /// ASCII: `(1)`, `1.`, `(一)`, `1、`.
    Half,
    /// Full-width, or nothing that has two widths: `（1）`, `１．`, `一、`, `①`.
    Full,
    /// Both, as in the unpaired `（1)`.
    Mixed,
}

impl Width {
    /// The width of a marker's text.
    pub fn of(text: &str) -> Width {
        // One pass over the chars, counting the two kinds of each class.
        let (mut punct, mut digits) = ([false; 2], [false; 2]);
        for c in text.chars() {
            match c {
                '(' | ')' | '.' | ',' | ':' => punct[0] = true,
                '（' | '）' | '．' | '，' | '：' => punct[1] = true,
                '0'..='9' => digits[0] = true,
                '０'..='９' => digits[1] = true,
                _ => {}
            }
        }
        let width = |[half, full]: [bool; 2]| match (half, full) {
            (true, true) => Some(Width::Mixed),
            (true, false) => Some(Width::Half),
            (false, true) => Some(Width::Full),
            (false, false) => None,
        };
        width(punct)
            .or_else(|| width(digits))
            .unwrap_or(Width::Full)
    }
}

/// A numbering marker as written: "一、", "（二）", "3、", "①", "一是", "第一章".
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Marker<'a> {
    /// Numeral class × bracket form.
    pub scheme: Scheme,
    /// The number the marker stands for: 3 for "（三）".
    pub ordinal: u32,
    /// The marker's exact text, delimiter included.
    pub text: Cow<'a, str>,
    /// The punctuation after the numeral or bracket.
    pub delimiter: Delimiter,
    /// Half-width, full-width or both.
    pub width: Width,
}

impl<'a> Marker<'a> {
    fn new(scheme: Scheme, ordinal: u32, text: &'a str, delimiter: Delimiter) -> Marker<'a> {
        Marker {
            scheme,
            ordinal,
            text: Cow::Borrowed(text),
            delimiter,
            width: Width::of(text),
        }
    }

    /// Reads all of `text` as one marker.
    ///
    /// # Errors
    /// [`Error::Unexpected`] or [`Error::UnexpectedEnd`] when `text` does not start with a
    /// marker, [`Error::Trailing`] when text follows it.
    ///
    /// ```
    /// use gongwen::numbering::{Marker, Scheme};
    /// assert_eq!(Marker::parse("（12）").unwrap().ordinal, 12);
    /// assert!(Marker::parse("第一次").is_err());
    /// ```
    pub fn parse(text: &'a str) -> Result<Marker<'a>, Error> {
        match marker::<nom::error::Error<&str>>(text) {
            Ok((rest, m)) => match Error::trailing(text, rest, "marker") {
                Some(err) => Err(err),
                None => Ok(m),
            },
            Err(err) => Err(Error::from_nom(text, err, "a numbering marker")),
        }
    }

    /// The same marker, owning its text.
    pub fn into_owned(self) -> Marker<'static> {
        Marker {
            text: Cow::Owned(self.text.into_owned()),
            ..self
        }
    }
}

impl fmt::Display for Marker<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
