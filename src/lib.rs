//! gongwen turns Chinese official documents (公文) — 法治政府建设情况报告, 政府工作报告,
//! 工作总结 and their kin — into typed data: metadata, a section tree with exact byte
//! spans, and diagnostics.
//!
//! ```
//! let input = "\
//! 某镇2024年法治政府建设情况报告
//! 一、主要举措
//! （一）健全机制。一是完善制度。二是加强监督。
//! 1.加强学习
//! ";
//! let report = gongwen::parse(input);
//! assert_eq!(report.year, Some(2024));
//! let outline: Vec<_> = report.walk().map(|s| (s.level, s.marker.scheme.name(), &*s.heading)).collect();
//! assert_eq!(outline, [
//!     (1, "hanzi", "主要举措"),
//!     (2, "paren_hanzi", "健全机制"),
//!     (3, "shi", "完善制度"),
//!     (3, "shi", "加强监督"),
//!     (3, "arabic", "加强学习"),
//! ]);
//! ```
//!
//! # The pipeline
//!
//! 1. [`normalize`] splits the input into clean paragraphs: line ends, indentation,
//!    conversion junk, web-page bars, PDF hard wraps and spaces — as spans, never copies.
//! 2. [`numbering`] recognizes the marker that opens a paragraph (一、 （一） 1. （1） ①
//!    第一章 …) with small public [nom] parsers built on [`numeral`].
//! 3. The outline assigns depths with a stack of open schemes, splits headings from
//!    bodies and turns inline runs (一是…二是…) into items.
//! 4. [`Report`] gathers metadata (title, issuer, year, date) and the section tree;
//!    [`Diagnostic`]s record what is odd.
//!
//! # Features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for every output type.
//! - `encoding`: [`parse_bytes`] and [`decode`] also read GB18030/GBK (with
//!   [encoding_rs](https://docs.rs/encoding_rs)) when the bytes are not UTF-8.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod decimal;
pub mod decode;
pub mod diagnostic;
mod error;
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
pub use metric::{Metric, NonMetric};
pub use numbering::{Marker, Scheme};
pub use pieces::{Piece, PieceKind};
pub use report::{Date, Report, Section, parse, parse_bytes};
pub use span::Span;

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
