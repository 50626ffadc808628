//! Metrics: every quantity in a report — exact, typed, labelled, and placed in its section.
//!
//! A metric is a number with a unit or measure word: 行政处罚案件11件, 罚款5万元,
//! 培训1700余人次, 成功率达99.7%, 拆除面积324平方米, 五项法定程序. Its value is an exact
//! [`Decimal`] in the base unit (5万元 is 50000 元), with the value and magnitude as
//! written kept apart; its approximation (余, 多, 近, 约, 以上, ranges) is a typed
//! qualifier with its own span; its label is the phrase it measures.
//!
//! Every other number is a [`NonMetric`] with a [`Reason`]: years (2024年), dates
//! (5月20日), year ranges (2021—2025年), periods (近三年), clock times, identifiers
//! (12345工单, 8890服务热线, 〔2024〕5号), campaign names (八五普法, “三重一大”, 十四五),
//! ordinals (第一次), list markers (一是), numerals inside words (一把手, 宪法进万家).
//!
//! ```
//! use gongwen::metric::{extract, Approx, Kind, Reason};
//! let found = extract("2024年，全镇培训 1700 余人次，罚款5万元，成功率达99.7%。");
//! let summary: Vec<_> = found.metrics.iter()
//!     .map(|m| (m.value.to_string(), &*m.unit, m.kind, m.approx, m.label.as_deref()))
//!     .collect();
//! assert_eq!(summary, [
//!     ("1700".to_owned(), "人次", Kind::Count, Some(Approx::Over), Some("全镇培训")),
//!     ("50000".to_owned(), "元", Kind::Money, None, Some("罚款")),
//!     ("99.7".to_owned(), "%", Kind::Ratio, None, Some("成功率")),
//! ]);
//! assert_eq!(found.non_metrics[0].reason, Reason::Year);
//! ```
//!
//! [`value`] reads a whole string as one number with the same grammar:
//!
//! ```
//! assert_eq!(gongwen::metric::value("三万五").map(|v| v.to_string()), Ok("35000".into()));
//! ```

mod context;
mod number;
mod quantity;
mod scan;
#[cfg(test)]
mod tests;
mod unit;
mod value;

use std::borrow::Cow;
use std::fmt;

use crate::{Decimal, Span};

pub(crate) use scan::extract_paragraphs;
pub use scan::{Extraction, extract};
pub use value::value;

/// Whether `c` is a Han character (CJK Unified Ideographs and Extension A).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A quantity found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Metric<'a> {
    /// The source text of the quantity, qualifiers and unit included: "1700 余人次".
    pub text: Cow<'a, str>,
    /// Where it is.
    pub span: Span,
    /// Where the number itself is (without qualifier, magnitude or unit).
    pub number_span: Span,
    /// The value in the base unit, exact: 50000 for 5万元, 400000 for 40余万份. The low
    /// end for a range.
    pub value: Decimal,
    /// The high end of a range, in the base unit.
    pub high: Option<Decimal>,
    /// The number as written, before its magnitude: 1.5 for 1.5万, 40 for 40余万份.
    pub written: Decimal,
    /// The magnitude word as written: 万, 亿, 千 ….
    pub magnitude: Option<Cow<'a, str>>,
    /// The unit or measure word, without magnitude: "元", "人次", "%", "个工作日", or one
    /// written before the number: "百分之", "千分之", "￥".
    pub unit: Cow<'a, str>,
    /// What the unit measures.
    pub kind: Kind,
    /// How the number is qualified, when it is not exact.
    pub approx: Option<Approx>,
    /// Where the qualifier is (余, 近, 以上, 至 …).
    pub approx_span: Option<Span>,
    /// The phrase the number measures, from the clause before it: "罚款", "成功率".
    pub label: Option<Cow<'a, str>>,
    /// Where the label is.
    pub label_span: Option<Span>,
    /// The noun counted, when a measure word is followed by one: 五项\[法定程序\].
    pub counted: Option<Cow<'a, str>>,
    /// The sentence the metric sits in.
    pub sentence: Span,
    /// The section that holds it, as child indices from the report's root (empty for
    /// the title and preamble).
    pub section: Vec<usize>,
}

impl Metric<'_> {
    /// The same metric, owning its text.
    pub fn into_owned(self) -> Metric<'static> {
        let owned = |t: Option<Cow<'_, str>>| t.map(|t| Cow::Owned(t.into_owned()));
        Metric {
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
            number_span: self.number_span,
            value: self.value,
            high: self.high,
            written: self.written,
            magnitude: owned(self.magnitude),
            unit: Cow::Owned(self.unit.into_owned()),
            kind: self.kind,
            approx: self.approx,
            approx_span: self.approx_span,
            label: owned(self.label),
            label_span: self.label_span,
            counted: owned(self.counted),
            sentence: self.sentence,
            section: self.section,
        }
    }
}

/// A number that is not a quantity, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct NonMetric<'a> {
    /// The number as written (with the characters that decided it, for identifiers and
    /// names).
    pub text: Cow<'a, str>,
    /// Where it is.
    pub span: Span,
    /// Why it is not a metric.
    pub reason: Reason,
}

impl NonMetric<'_> {
    /// The same non-metric, owning its text.
    pub fn into_owned(self) -> NonMetric<'static> {
        NonMetric {
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
            reason: self.reason,
        }
    }
}

/// What a unit measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Kind {
    /// Things counted with a measure word: 件, 人次, 项 ….
    Count,
    /// Money: 元, 万元, 亿元, and foreign currencies: 美元, 港币.
    Money,
    /// A percentage or a finer part of a whole: 99.7%, 百分之五, 千分之三 (the value is
    /// the number as written, in its unit: 3 for 千分之三).
    Percent,
    /// Percentage points: 3个百分点.
    PercentagePoint,
    /// A percentage whose label ends in 率: 成功率达99.7%.
    Ratio,
    /// Area: 平方米, 亩, 公顷.
    Area,
    /// Length: 米, 公里, 公分.
    Length,
    /// Mass: 吨, 公斤, 克, 斤.
    Mass,
    /// A span of time: 小时, 学时, 天, 个工作日, 个月.
    Duration,
    /// Anything else with a unit: 倍, 岁, 立方米, 千瓦.
    Other,
}

impl Kind {
    /// The name used in JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::PercentagePoint => "percentage_point",
            Kind::Ratio => "ratio",
            Kind::Area => "area",
            Kind::Length => "length",
            Kind::Mass => "mass",
            Kind::Duration => "duration",
            Kind::Other => "other",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a number is qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Approx {
    /// More than: 余, 多, 超过, 逾, and "several" (数十, 十几).
    Over,
    /// At least: 以上, 不少于.
    AtLeast,
    /// Less than: 近, 不足, 不到.
    Under,
    /// About: 约, 左右.
    About,
    /// A range: 5至10人, 3-5天, 两到三万元.
    Range,
}

impl Approx {
    /// The name used in JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Approx::Over => "over",
            Approx::AtLeast => "at_least",
            Approx::Under => "under",
            Approx::About => "about",
            Approx::Range => "range",
        }
    }
}

impl fmt::Display for Approx {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a number is not a metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Reason {
    /// A year: 2024年, 2023 年度.
    Year,
    /// A date or part of one: 5月20日, 2024-12-31, 3·15.
    Date,
    /// A range of years: 2021—2025年.
    YearRange,
    /// A period counted back: 近三年, 五年来.
    Period,
    /// A time of day: 14:46.
    ClockTime,
    /// A code, hotline, phone or document number: 12345工单, 〔2024〕5号.
    Identifier,
    /// A campaign or slogan name: 八五普法, “三重一大”, 十四五.
    Campaign,
    /// An ordinal: 第一次, 第二.
    Ordinal,
    /// A numbering marker: 一是, 1., （一）.
    ListMarker,
    /// A numeral inside a word or idiom: 一把手, 宪法进万家.
    Word,
    /// A number with no unit after it.
    NoUnit,
    /// A number too large for a [`Decimal`] (more than 96 bits, about 29 digits):
    /// 99999999999999999999999999999件.
    TooLarge,
}

impl Reason {
    /// The name used in JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Reason::Year => "year",
            Reason::Date => "date",
            Reason::YearRange => "year_range",
            Reason::Period => "period",
            Reason::ClockTime => "clock_time",
            Reason::Identifier => "identifier",
            Reason::Campaign => "campaign",
            Reason::Ordinal => "ordinal",
            Reason::ListMarker => "list_marker",
            Reason::Word => "word",
            Reason::NoUnit => "no_unit",
            Reason::TooLarge => "too_large",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
