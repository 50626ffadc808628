//! The error type of the fallible entry points.
//!
//! [`parse`](crate::parse) never fails: every input gives a report and oddities become
//! [`Diagnostic`](crate::Diagnostic)s. Errors are for the places where a caller asks for one
//! specific thing — "read this string as a numeral", "read this string as a marker" — and
//! the text is not that thing — and for [`parse_bytes`](crate::parse_bytes), whose bytes
//! may not be text in any encoding it knows.

/// What went wrong, and where: every variant carries the byte offset into the text that
/// was given, so a caller can point at it.
///
/// ```
/// use gongwen::{Error, numeral};
/// assert_eq!(
///     numeral::value("十二个"),
///     Err(Error::Trailing { what: "numeral", found: '个', offset: 6 }),
/// );
/// assert!(matches!(numeral::value("99999999999"), Err(Error::TooLarge { offset: 0, .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text ended where `expected` had to start.
    #[error("expected {expected} at byte {offset}, found the end of the text")]
    UnexpectedEnd {
        /// What was expected, in words.
        expected: &'static str,
        /// Byte offset of the end.
        offset: usize,
    },
    /// A character that cannot start `expected`.
    #[error("expected {expected} at byte {offset}, found {found:?}")]
    Unexpected {
        /// What was expected, in words.
        expected: &'static str,
        /// The character found instead.
        found: char,
        /// Byte offset of `found`.
        offset: usize,
    },
    /// A numeral whose value does not fit the integer type (`u32`).
    #[error("the numeral at byte {offset} is larger than {max}")]
    TooLarge {
        /// Byte offset of the numeral.
        offset: usize,
        /// The largest value that fits.
        max: u64,
    },
    /// A complete `what` was read, but more text follows it.
    #[error("unexpected {found:?} at byte {offset} after a complete {what}")]
    Trailing {
        /// What was read.
        what: &'static str,
        /// The first character after it.
        found: char,
        /// Byte offset of `found`.
        offset: usize,
    },
    /// Bytes that are not UTF-8 (and, with the `encoding` feature, not GB18030 either:
    /// then the error is [`Error::Decode`]).
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset, in the bytes given, of the first byte that is not UTF-8.
        offset: usize,
    },
    /// UTF-16 (announced by its byte-order mark) that does not decode: an unpaired
    /// surrogate, or an odd number of bytes.
    #[error("invalid UTF-16 at byte {offset}")]
    InvalidUtf16 {
        /// Byte offset, in the bytes given, of the first code unit that does not decode.
        offset: usize,
    },
    /// Bytes that are valid in none of the encodings tried; `encoding` is the last one.
    #[error("the bytes are not {encoding}: invalid sequence at byte {offset}")]
    Decode {
        /// The encoding tried last, by its WHATWG name: "gb18030".
        encoding: &'static str,
        /// Byte offset, in the bytes given, of the first sequence that does not decode.
        offset: usize,
    },
}

impl Error {
    /// The byte offset the error points at.
    pub fn offset(&self) -> usize {
        match *self {
            Error::UnexpectedEnd { offset, .. }
            | Error::Unexpected { offset, .. }
            | Error::TooLarge { offset, .. }
            | Error::Trailing { offset, .. }
            | Error::InvalidUtf8 { offset }
            | Error::InvalidUtf16 { offset }
            | Error::Decode { offset, .. } => offset,
        }
    }

    /// Turns a nom error raised somewhere inside `text` into an [`Error`].
    pub(crate) fn from_nom(
        text: &str,
        err: nom::Err<nom::error::Error<&str>>,
        expected: &'static str,
    ) -> Error {
        let (rest, code) = match err {
            nom::Err::Error(e) | nom::Err::Failure(e) => (e.input, e.code),
            nom::Err::Incomplete(_) => ("", nom::error::ErrorKind::Eof),
        };
        let offset = text.len().saturating_sub(rest.len());
        if code == nom::error::ErrorKind::TooLarge {
            return Error::TooLarge {
                offset,
                max: u64::from(u32::MAX),
            };
        }
        match rest.chars().next() {
            Some(found) => Error::Unexpected {
                expected,
                found,
                offset,
            },
            None => Error::UnexpectedEnd { expected, offset },
        }
    }

    /// The error for text left over after a complete `what`; `None` when nothing is left.
    pub(crate) fn trailing(text: &str, rest: &str, what: &'static str) -> Option<Error> {
        rest.chars().next().map(|found| Error::Trailing {
            what,
            found,
            offset: text.len() - rest.len(),
        })
    }
}
