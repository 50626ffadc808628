//! An exact decimal number: what a report says, digit for digit.
//!
//! "473240.6元" must stay 473240.6, and "1.5万" must become 15000 without a binary
//! fraction in between, so metric values are decimals — an integer mantissa and a
//! count of fractional digits — with checked arithmetic that fails instead of wrapping.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::Error;

/// A non-negative exact decimal: `mantissa × 10^-scale`, kept in lowest terms (no
/// trailing fractional zeros), so equal values compare and print equal.
///
/// The mantissa has 96 bits (up to 79,228,162,514,264,337,593,543,950,335: 28 digits,
/// as in `rust_decimal`), which keeps the type at 16 bytes — three of them sit in every
/// metric. Arithmetic that would leave that range fails instead of wrapping.
///
/// ```
/// use gongwen::Decimal;
/// let v: Decimal = "473240.60".parse().unwrap();
/// assert_eq!(v.to_string(), "473240.6");
/// let wan = Decimal::from(10_000u32);
/// assert_eq!("1.5".parse::<Decimal>().unwrap().checked_mul(wan).unwrap().to_string(), "15000");
/// assert_eq!(Decimal::MAX.checked_add(Decimal::from(1u32)), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    /// The low 64 bits of the mantissa.
    low: u64,
    /// The high 32 bits of the mantissa.
    high: u32,
    scale: u32,
}

impl std::fmt::Debug for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Decimal")
            .field("mantissa", &self.mantissa())
            .field("scale", &self.scale)
            .finish()
    }
}

/// The most fractional digits a value keeps.
const MAX_SCALE: u32 = 28;

/// The largest mantissa: 2^96 − 1.
const MAX_MANTISSA: u128 = (1 << 96) - 1;

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal::from_parts(0, 0);

    /// The largest value: the integer 2^96 − 1.
    pub const MAX: Decimal = Decimal::from_parts(MAX_MANTISSA, 0);

    /// `mantissa × 10^-scale`, as given, for a mantissa of at most 96 bits.
    const fn from_parts(mantissa: u128, scale: u32) -> Decimal {
        // The casts keep the low 64 bits and the 32 above them; the caller has checked
        // that nothing lies higher.
        Decimal {
            low: mantissa as u64,
            high: (mantissa >> 64) as u32,
            scale,
        }
    }

    /// `mantissa × 10^-scale`, or `None` when `scale` exceeds 28 or the value, in
    /// lowest terms, needs more than 96 bits of mantissa.
    pub fn new(mantissa: u128, scale: u32) -> Option<Decimal> {
        if scale > MAX_SCALE {
            return None;
        }
        let (mut mantissa, mut scale) = (mantissa, scale);
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        (mantissa <= MAX_MANTISSA).then(|| Decimal::from_parts(mantissa, scale))
    }

    /// The digits, without the decimal point.
    pub const fn mantissa(self) -> u128 {
        (self.high as u128) << 64 | self.low as u128
    }

    /// How many of the digits are after the decimal point.
    pub fn scale(self) -> u32 {
        self.scale
    }

    /// Whether the value has no fractional part.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The value as an `f64` (approximate for long fractions).
    pub fn to_f64(self) -> f64 {
        // Through the decimal string, so 0.1 becomes the f64 nearest 0.1.
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// The value as a `u64`, when it is an integer that fits.
    pub fn to_u64(self) -> Option<u64> {
        if self.is_integer() {
            u64::try_from(self.mantissa()).ok()
        } else {
            None
        }
    }

    /// `self × 10^-scale` as (mantissa, mantissa) over a common scale.
    fn aligned(self, other: Decimal) -> Option<(u128, u128, u32)> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mantissa()
            .checked_mul(10u128.checked_pow(scale - self.scale)?)?;
        let b = other
            .mantissa()
            .checked_mul(10u128.checked_pow(scale - other.scale)?)?;
        Some((a, b, scale))
    }

    /// The sum, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = self.aligned(other)?;
        Decimal::new(a.checked_add(b)?, scale)
    }

    /// The product, or `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        // Magnitudes (万, 亿) are powers of ten: shift the decimal point instead of
        // multiplying, so 7.9e24 × 10⁴ does not overflow the mantissa on the way.
        if let Some(shift) = other.power_of_ten() {
            return if self.scale >= shift {
                Decimal::new(self.mantissa(), self.scale - shift)
            } else {
                Decimal::new(
                    self.mantissa()
                        .checked_mul(10u128.checked_pow(shift - self.scale)?)?,
                    0,
                )
            };
        }
        Decimal::new(
            self.mantissa().checked_mul(other.mantissa())?,
            self.scale.checked_add(other.scale)?,
        )
    }

    /// `k` when the value is the integer 10^k.
    fn power_of_ten(self) -> Option<u32> {
        if self.scale != 0 || self.mantissa() == 0 {
            return None;
        }
        let mut m = self.mantissa();
        let mut k = 0;
        while m % 10 == 0 {
            m /= 10;
            k += 1;
        }
        (m == 1).then_some(k)
    }

    /// `self / divisor` when the quotient has a finite decimal expansion of at most 28
    /// fractional digits (1/4 = 0.25; 1/3 is `None`).
    pub fn checked_div_exact(self, divisor: Decimal) -> Option<Decimal> {
        if divisor.mantissa() == 0 {
            return None;
        }
        let (mut a, b, _) = self.aligned(divisor)?;
        let mut scale = 0;
        while a % b != 0 {
            a = a.checked_mul(10)?;
            scale += 1;
            if scale > MAX_SCALE {
                return None;
            }
        }
        Decimal::new(a / b, scale)
    }
}

impl From<u32> for Decimal {
    fn from(value: u32) -> Decimal {
        Decimal::from_parts(u128::from(value), 0)
    }
}

impl From<u64> for Decimal {
    fn from(value: u64) -> Decimal {
        Decimal::from_parts(u128::from(value), 0)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        match self.aligned(*other) {
            Some((a, b, _)) => a.cmp(&b),
            // Only large mantissas at different scales fail to align (the product
            // leaves u128); compare integer parts then.
            None => (self.mantissa() / 10u128.pow(self.scale))
                .cmp(&(other.mantissa() / 10u128.pow(other.scale))),
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa().to_string();
        let scale = self.scale as usize;
        if scale == 0 {
            return f.write_str(&digits);
        }
        if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{int}.{frac}")
        } else {
            write!(f, "0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    }
}

impl FromStr for Decimal {
    type Err = Error;

    /// Reads `123`, `123.45` (ASCII digits).
    fn from_str(text: &str) -> Result<Decimal, Error> {
        let mut mantissa: u128 = 0;
        let mut scale: Option<u32> = None;
        for (at, c) in text.char_indices() {
            match c {
                '0'..='9' => {
                    mantissa = mantissa
                        .checked_mul(10)
                        .and_then(|m| m.checked_add(u128::from(c as u8 - b'0')))
                        .ok_or(Error::TooLarge {
                            offset: 0,
                            max: u64::MAX,
                        })?;
                    if let Some(s) = scale.as_mut() {
                        *s += 1;
                    }
                }
                '.' if scale.is_none() && at > 0 => scale = Some(0),
                found => {
                    return Err(Error::Unexpected {
                        expected: "a decimal number",
                        found,
                        offset: at,
                    });
                }
            }
        }
        if text.is_empty() || text.ends_with('.') {
            return Err(Error::UnexpectedEnd {
                expected: "a digit",
                offset: text.len(),
            });
        }
        Decimal::new(mantissa, scale.unwrap_or(0)).ok_or(Error::TooLarge {
            offset: 0,
            max: u64::MAX,
        })
    }
}

/// Written as a JSON number: an integer when it is one, else the nearest `f64` (whose
/// shortest form is the written decimal for up to 15 significant digits).
#[cfg(feature = "serde")]
impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.to_u64() {
            Some(n) => serializer.serialize_u64(n),
            None => serializer.serialize_f64(self.to_f64()),
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a non-negative number")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
                Ok(Decimal::from(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
                u64::try_from(v).map(Decimal::from).map_err(E::custom)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
                format!("{v}").parse().map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn parse_and_print_round_trip() {
        for text in [
            "0",
            "7",
            "473240.6",
            "0.05",
            "99.7",
            "12345678901234567890123",
        ] {
            assert_eq!(d(text).to_string(), text);
        }
        assert_eq!(d("1.50").to_string(), "1.5");
        assert_eq!(d("100.00"), d("100"));
        for bad in ["", ".5", "5.", "1.2.3", "一", "-1"] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad}");
        }
        assert!("9".repeat(60).parse::<Decimal>().is_err());
    }

    #[test]
    fn arithmetic_is_exact_and_checked() {
        assert_eq!(d("1.5").checked_mul(d("10000")), Some(d("15000")));
        assert_eq!(d("0.1").checked_add(d("0.2")), Some(d("0.3")));
        assert_eq!(d("30000").checked_add(d("4000")), Some(d("34000")));
        assert_eq!(d("1").checked_div_exact(d("4")), Some(d("0.25")));
        assert_eq!(d("1").checked_div_exact(d("3")), None);
        assert_eq!(d("1").checked_div_exact(d("0")), None);
        assert_eq!(Decimal::new(u128::MAX, 0), None);
        assert_eq!(Decimal::new(MAX_MANTISSA + 1, 0), None);
        assert_eq!(Decimal::new((MAX_MANTISSA + 1) * 10, 1), None);
        assert_eq!(Decimal::new(MAX_MANTISSA * 10, 1), Some(Decimal::MAX));
        assert_eq!(Decimal::MAX.checked_mul(d("10")), None);
        assert_eq!(Decimal::MAX.checked_add(d("1")), None);
        assert_eq!(Decimal::MAX.to_string(), "79228162514264337593543950335");
        assert_eq!(std::mem::size_of::<Decimal>(), 16);
    }

    #[test]
    fn ordering_is_numeric() {
        assert!(d("1.5") < d("2"));
        assert!(d("10") > d("9.99"));
        assert_eq!(d("2.50").cmp(&d("2.5")), Ordering::Equal);
    }
}
