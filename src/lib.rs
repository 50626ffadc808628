//! gongwen turns Chinese official documents (公文) — 法治政府建设情况报告, 政府工作报告,
//! 工作总结 and their kin — into typed data: metadata, a section tree with exact byte
//! spans, every quantity as an exact decimal with its unit and label, and diagnostics.
//!
//! It is for people who read such reports in bulk: analysts who want the numbers of a
//! thousand reports in one table, proofreaders who want numbering faults pointed out,
//! and tools that need a report's structure rather than its layout.
//!
//! ```
//! use gongwen::metric::Kind;
//!
//! let input = "\
//! 某镇2024年法治政府建设情况报告
//! 一、主要举措
//! （一）健全机制。一是完善制度。二是加强监督。全年罚款5万元。
//! 1.加强学习
//! ";
//! let report = gongwen::parse(input);
//! assert_eq!(report.year, Some(2024));
//!
//! // The outline: level, numbering scheme and heading of every section, in order.
//! let outline: Vec<_> = report.walk().map(|s| (s.level, s.marker.scheme.name(), &*s.heading)).collect();
//! assert_eq!(outline, [
//!     (1, "hanzi", "主要举措"),
//!     (2, "paren_hanzi", "健全机制"),
//!     (3, "shi", "完善制度"),
//!     (3, "shi", "加强监督"),
//!     (3, "arabic", "加强学习"),
//! ]);
//!
//! // A metric: exact value in the base unit, its label, and the section that holds it.
//! let fine = &report.metrics[0];
//! assert_eq!((fine.value.to_string(), &*fine.unit, fine.kind), ("50000".to_owned(), "元", Kind::Money));
//! assert_eq!((fine.label.as_deref(), &*fine.text), (Some("全年罚款"), "5万元"));
//! assert_eq!(fine.section, [0, 0, 1]); // 一、 > （一） > 二是
//! let item = &report.sections[0].children[0].children[1];
//! assert_eq!(report.metrics_of(item), &report.metrics[..1]); // the section's own metrics
//! assert_eq!(&input[fine.span.range()], "5万元");
//! ```
//!
//! # The pipeline
//!
//! [`parse`] never fails; each stage works on spans into the input, never on copies.
//!
//! 1. **Normalize** ([`normalize`]): split the input into clean paragraphs — line ends,
//!    indentation, conversion junk, web-page bars, page numbers, PDF hard wraps and
//!    spaces. What is left out is listed in [`Report::dropped`].
//! 2. **Markers** ([`numbering`]): recognize the marker that opens a paragraph (一、 （一）
//!    1. （1） ① 一是 第一章 …) with small public [nom] parsers built on [`numeral`].
//! 3. **Outline**: assign depths with a stack of open schemes, split headings from
//!    bodies, turn inline runs (一是…二是…) into items; gather the title, issuer, year
//!    and signing date into the [`Report`], the tree into [`Section`]s.
//! 4. **Metrics** ([`metric`]): every number becomes a [`Metric`] (a quantity with a
//!    unit, exact [`Decimal`] value, approximation and label, placed in its section) or
//!    a [`NonMetric`] with the reason it is not one (a year, a date, a hotline …).
//! 5. **Diagnostics** ([`diagnostic`]): numbering faults and oddities, each a
//!    [`Diagnostic`] with a code, severity, span, line and column.
//!
//! # Views
//!
//! - [`Report::to_markdown`]: the report as Markdown, lossless for headings and bodies,
//!   with a table of metrics under each section.
//! - `Report::to_html(input)` (feature `html`): one self-contained page with the text,
//!   its outline as a collapsible side navigation, metrics highlighted and diagnostics
//!   underlined.
//! - `Display` for [`Report`]: the outline as an indented list.
//!
//! # The JSON contract
//!
//! With the `serde` feature every output type is `Serialize` and `Deserialize`; a
//! [`Report`] is one JSON object whose keys are its field names (`title`, `issuer`,
//! `year`, `date`, `source`, `preamble`, `sections`, `metrics`, `non_metrics`,
//! `diagnostics`, `dropped`, and a `…_span` beside each piece of text). The encoding:
//!
//! - a [`Span`] is a two-element array `[start, end]` of byte offsets into the input;
//! - a section's `metrics` is an object `{"start": i, "end": j}`: the indices of its own
//!   metrics in the report's `metrics` ([`Report::metrics_of`] reads them);
//! - a [`Date`] is a string `"YYYY-MM-DD"`;
//! - a [`Decimal`] is a JSON number (an integer when it is one);
//! - enums are `snake_case` strings: `"paren_hanzi"`, `"money"`, `"skipped_level"`;
//! - absent values are `null`, never missing keys.
//!
//! Field names and enum names only grow: a new field or variant is a minor release
//! (the types are `#[non_exhaustive]`), a rename or removal a major one. Deserializing
//! gives owned text, so `Report<'static>` reads from any reader.
//!
//! # Features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for every output type. Turn it off
//!   (`default-features = false`) to drop the dependency; everything else works.
//! - `rayon`: `parse_many` parses many documents in parallel, results in input order;
//!   `parse_many_with` hands each report to a function on the thread that parsed it.
//! - `html`: `Report::to_html`, with no extra dependency.
//! - `encoding`: [`parse_bytes`] and [`decode`] also read GB18030/GBK (with
//!   [encoding_rs](https://docs.rs/encoding_rs)) when the bytes are not UTF-8.

#![forbid(unsafe_code)]
// On docs.rs, mark feature-gated items with the feature they need.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod decimal;
pub mod decode;
pub mod diagnostic;
mod error;
mod grow;
#[cfg(feature = "html")]
mod html;
#[cfg(feature = "rayon")]
mod many;
mod markdown;
mod metadata;
pub mod metric;
pub mod normalize;
pub mod numbering;
pub mod numeral;
mod outline;
pub mod pieces;
pub mod report;
mod span;

pub use decimal::Decimal;
pub use diagnostic::{Diagnostic, Severity};
pub use error::Error;
#[cfg(feature = "rayon")]
pub use many::{parse_many, parse_many_with};
pub use metric::{Metric, NonMetric};
pub use numbering::{Marker, Scheme};
pub use pieces::{Piece, PieceKind};
pub use report::{Date, Report, Section, SourceField, parse, parse_bytes};
pub use span::Span;

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
