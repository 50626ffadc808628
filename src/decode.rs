//! From bytes to text: the encodings real archives of reports are saved in.
//!
//! [`decode`] reads, in this order:
//!
//! 1. a byte-order mark: UTF-8 (`EF BB BF`), UTF-16LE (`FF FE`) or UTF-16BE (`FE FF`) —
//!    the mark is an encoding signature, not text, so it is left out of the decoded text;
//! 2. UTF-8, when the bytes are valid UTF-8 (then the text borrows the bytes);
//! 3. with the `encoding` feature, GB18030 (which includes GBK and GB2312), when they are
//!    not — the encoding of most Chinese text files saved by Windows tools.
//!
//! Decoding is strict: a byte that is valid in no encoding tried is an [`Error`] with
//! its offset, never a U+FFFD that would silently replace text. A caller who prefers
//! a lossy reading can do it with `String::from_utf8_lossy` and call [`parse`](crate::parse).
//!
//! Offsets in the decoded text are not offsets in the bytes: spans of a report from
//! [`parse_bytes`](crate::parse_bytes) refer to the decoded text, which [`decode`] gives.
//!
//! ```
//! use gongwen::decode::{decode, Encoding};
//! let utf16: Vec<u8> = [0xFF, 0xFE].into_iter()
//!     .chain("一、总体要求".encode_utf16().flat_map(u16::to_le_bytes))
//!     .collect();
//! let decoded = decode(&utf16)?;
//! assert_eq!((&*decoded.text, decoded.encoding, decoded.bom_len), ("一、总体要求", Encoding::Utf16Le, 2));
//! # Ok::<(), gongwen::Error>(())
//! ```

use std::borrow::Cow;

use crate::Error;

/// The encoding [`decode`] read the bytes as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian, announced by its byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, announced by its byte-order mark.
    Utf16Be,
    /// GB18030 (a superset of GBK and GB2312); only with the `encoding` feature.
    Gb18030,
}

impl Encoding {
    /// The encoding's WHATWG name: "utf-8", "utf-16le", "utf-16be", "gb18030".
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
        }
    }
}

/// Decoded text, with how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// The text, without the byte-order mark: borrowed from the bytes when they are
    /// UTF-8.
    pub text: Cow<'a, str>,
    /// The encoding it was read as.
    pub encoding: Encoding,
    /// How many bytes of byte-order mark came before the text (0, 2 or 3).
    pub bom_len: usize,
}

/// Decodes `bytes` as described in the [module docs](self).
///
/// # Errors
///
/// [`Error::InvalidUtf16`] for UTF-16 with an unpaired surrogate or an odd byte count;
/// [`Error::InvalidUtf8`] for bytes that are not UTF-8 (without the `encoding` feature,
/// or after a UTF-8 byte-order mark). With the `encoding` feature, bytes that are neither
/// UTF-8 nor GB18030 give the error of the one that read further: [`Error::InvalidUtf8`]
/// for mostly-UTF-8 text (one bad byte), else [`Error::Decode`]; and UTF-8 cut inside its
/// last char (a truncated file) is [`Error::InvalidUtf8`] without trying GB18030. Every
/// offset is into `bytes`.
///
/// ```
/// use gongwen::{decode::decode, Error};
/// assert_eq!(decode("一、\u{FFFD}".as_bytes()[..7].as_ref()), Err(Error::InvalidUtf8 { offset: 6 }));
/// assert_eq!(decode(b"ok \xFF"), Err(if cfg!(feature = "encoding") {
///     Error::Decode { encoding: "gb18030", offset: 3 }
/// } else {
///     Error::InvalidUtf8 { offset: 3 }
/// }));
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, 2, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, 2, Encoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => utf8(bytes, 0),
        // Valid UTF-8 up to a char cut by the end of the bytes: a truncated UTF-8 file.
        // Reading it as GB18030 would turn every char into two of mojibake.
        Err(e) if e.error_len().is_none() => utf8(bytes, 0),
        #[cfg(feature = "encoding")]
        Err(e) => match gb18030(bytes) {
            // Neither fits: blame the encoding that read further. UTF-8 with one bad
            // byte is UTF-8 gone wrong, not GB18030.
            Err(Error::Decode { offset, .. }) if offset < e.valid_up_to() => {
                Err(Error::InvalidUtf8 {
                    offset: e.valid_up_to(),
                })
            }
            other => other,
        },
        #[cfg(not(feature = "encoding"))]
        Err(_) => utf8(bytes, 0),
    }
}

fn utf8(bytes: &[u8], bom_len: usize) -> Result<Decoded<'_>, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: Encoding::Utf8,
            bom_len,
        }),
        Err(e) => Err(Error::InvalidUtf8 {
            offset: bom_len + e.valid_up_to(),
        }),
    }
}

fn utf16(bytes: &[u8], bom_len: usize, encoding: Encoding) -> Result<Decoded<'static>, Error> {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        match encoding {
            Encoding::Utf16Be => u16::from_be_bytes(pair),
            _ => u16::from_le_bytes(pair),
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2 * 3);
    // `decode_utf16` yields one item per char; count the code units to know the offset
    // of an unpaired surrogate.
    let mut unit = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                unit += c.len_utf16();
            }
            Err(_) => {
                return Err(Error::InvalidUtf16 {
                    offset: bom_len + 2 * unit,
                });
            }
        }
    }
    if bytes.len() % 2 == 1 {
        // A truncated file: half a code unit at the end.
        return Err(Error::InvalidUtf16 {
            offset: bom_len + bytes.len() - 1,
        });
    }
    Ok(Decoded {
        text: Cow::Owned(text),
        encoding,
        bom_len,
    })
}

#[cfg(feature = "encoding")]
fn gb18030(bytes: &[u8]) -> Result<Decoded<'static>, Error> {
    use encoding_rs::DecoderResult;

    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    // Any GB18030 byte decodes to at most 3 UTF-8 bytes; reserve once, and grow if the
    // decoder still asks for room.
    let mut text = String::with_capacity(bytes.len().saturating_mul(3) / 2 + 16);
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(bytes.len() - read + 16),
            DecoderResult::Malformed(bad, extra) => {
                // `read` is past the malformed sequence and the `extra` bytes after it
                // that the decoder looked at.
                let offset = read.saturating_sub(usize::from(bad) + usize::from(extra));
                return Err(Error::Decode {
                    encoding: Encoding::Gb18030.name(),
                    offset,
                });
            }
        }
    }
    Ok(Decoded {
        text: Cow::Owned(text),
        encoding: Encoding::Gb18030,
        bom_len: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("一、总体".as_bytes());
        assert_eq!(
            plain.map(|d| (d.text, d.bom_len)),
            Ok(("一、总体".into(), 0))
        );
        let bom = decode("\u{feff}一、总体".as_bytes());
        assert_eq!(bom.map(|d| (d.text, d.bom_len)), Ok(("一、总体".into(), 3)));
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\xC3"),
            Err(Error::InvalidUtf8 { offset: 5 })
        );
    }

    #[test]
    fn utf16_both_orders() {
        let text = "报告𠀀\r\n";
        assert_eq!(decode(&utf16le(text)).map(|d| d.text), Ok(text.into()));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let decoded = decode(&be);
        assert_eq!(
            decoded.map(|d| (d.text, d.encoding)),
            Ok((text.into(), Encoding::Utf16Be))
        );
    }

    #[test]
    fn utf16_errors_point_at_the_fault() {
        let mut odd = utf16le("报告");
        odd.push(0x41);
        assert_eq!(decode(&odd), Err(Error::InvalidUtf16 { offset: 6 }));
        // An unpaired high surrogate after two good units.
        let mut lone = utf16le("报告");
        lone.extend_from_slice(&[0x00, 0xD8, 0x41, 0x00]);
        assert_eq!(decode(&lone), Err(Error::InvalidUtf16 { offset: 6 }));
    }

    #[cfg(feature = "encoding")]
    #[test]
    fn gb18030_when_not_utf8() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("一、总体要求\n二、主要举措");
        let decoded = decode(&bytes);
        assert_eq!(
            decoded.map(|d| (d.text, d.encoding)),
            Ok(("一、总体要求\n二、主要举措".into(), Encoding::Gb18030))
        );
        // "报告" in GBK is B1 A8 B8 E6; 0xFF is never valid.
        assert_eq!(
            decode(b"\xB1\xA8\xB8\xE6\xFF"),
            Err(Error::Decode {
                encoding: "gb18030",
                offset: 4
            })
        );
    }

    #[cfg(not(feature = "encoding"))]
    #[test]
    fn gbk_without_the_feature_is_a_typed_error() {
        assert_eq!(decode(b"ab\xB1\xA8"), Err(Error::InvalidUtf8 { offset: 2 }));
    }
}
