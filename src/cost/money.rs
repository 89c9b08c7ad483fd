//! Money as whole cents, percentages as basis points, and low/typical/high ranges.
//!
//! No floating point anywhere: every total the estimator shows must be exactly reproducible
//! by hand from the calculation lines, and must never become NaN or infinity.

use crate::content::decode::{Decode, Json};
use crate::content::encode::Encode;
use std::fmt;

/// An amount of money in the smallest unit of the currency (cents for USD).
///
/// Unsigned on purpose: a price, a fee or a total can never be negative. All arithmetic
/// saturates at `u64::MAX` instead of wrapping or panicking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub u64);

impl Cents {
    /// Nothing.
    pub const ZERO: Cents = Cents(0);

    /// Whole currency units (dollars) as cents, saturating.
    pub const fn dollars(d: u64) -> Cents {
        Cents(d.saturating_mul(100))
    }

    /// The raw number of cents.
    pub const fn get(self) -> u64 {
        self.0
    }

    /// `self + other`, stopping at the largest representable amount.
    pub const fn add(self, other: Cents) -> Cents {
        Cents(self.0.saturating_add(other.0))
    }

    /// `self − other`, stopping at zero.
    pub const fn sub(self, other: Cents) -> Cents {
        Cents(self.0.saturating_sub(other.0))
    }

    /// `self × n`, stopping at the largest representable amount.
    pub const fn times(self, n: u64) -> Cents {
        Cents(self.0.saturating_mul(n))
    }

    /// The share `bps` of this amount, rounded half up to the nearest cent.
    pub fn share(self, bps: Bps) -> Cents {
        // u128 keeps the intermediate product exact for every u64 amount.
        let v = (u128::from(self.0) * u128::from(bps.get()) + 5_000) / 10_000;
        Cents(u64::try_from(v).unwrap_or(u64::MAX))
    }

    /// `self × part ÷ whole`, rounded down; zero when `whole` is zero. Used to split an
    /// amount in proportion (e.g. the medicine's part of a treatment price).
    pub fn proportion(self, part: Cents, whole: Cents) -> Cents {
        if whole.0 == 0 {
            return Cents::ZERO;
        }
        let v = u128::from(self.0) * u128::from(part.0) / u128::from(whole.0);
        Cents(u64::try_from(v).unwrap_or(u64::MAX))
    }

    /// `self ÷ n` rounded half up; zero when `n` is zero.
    pub fn div_round(self, n: u64) -> Cents {
        if n == 0 {
            return Cents::ZERO;
        }
        let v = (u128::from(self.0) + u128::from(n) / 2) / u128::from(n);
        Cents(u64::try_from(v).unwrap_or(u64::MAX))
    }

    /// Rounded to whole units (dollars), half up, for figures where cents are noise: a total
    /// of $3,587.50 reads as $3,588. The arithmetic itself always keeps the cents.
    pub const fn whole(self) -> Cents {
        let rest = self.0 % 100;
        let down = self.0 - rest;
        if rest >= 50 {
            Cents(down.saturating_add(100))
        } else {
            Cents(down)
        }
    }

    /// Whole units and the remaining cents, e.g. `(1350, 0)` for $1,350.00.
    pub const fn split(self) -> (u64, u64) {
        (self.0 / 100, self.0 % 100)
    }
}

/// Developer-facing plain rendering ("1350.00"); the UI formats with `Intl.NumberFormat`.
impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (units, cents) = self.split();
        write!(f, "{units}.{cents:02}")
    }
}

/// A percentage in basis points: 10 000 = 100 %, 1 = 0.01 %. Always within 0..=10 000.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bps(u16);

impl Bps {
    /// 0 %.
    pub const ZERO: Bps = Bps(0);
    /// 100 %.
    pub const FULL: Bps = Bps(10_000);

    /// A percentage from basis points; `None` above 100 %.
    pub const fn new(bps: u32) -> Option<Bps> {
        if bps <= 10_000 {
            Some(Bps(bps as u16))
        } else {
            None
        }
    }

    /// The basis points (0..=10 000).
    pub const fn get(self) -> u16 {
        self.0
    }

    /// The rest of 100 %: covered 80 % → you pay 20 %.
    pub const fn complement(self) -> Bps {
        Bps(10_000 - self.0)
    }
}

/// Written as the number of cents.
impl Encode for Cents {
    fn encode(&self, out: &mut String) {
        self.0.encode(out);
    }
}

impl Decode for Cents {
    fn decode(v: &Json) -> Result<Self, String> {
        u64::decode(v).map(Cents)
    }
}

/// Written as the basis points; read through [`Bps::new`], so stored state cannot smuggle in
/// a share above 100 %.
impl Encode for Bps {
    fn encode(&self, out: &mut String) {
        self.0.encode(out);
    }
}

impl Decode for Bps {
    fn decode(v: &Json) -> Result<Self, String> {
        Bps::new(u32::decode(v)?).ok_or_else(|| ": percentage above 100%".to_owned())
    }
}

/// Which of the three figures of a [`Range`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// The cheapest end of reported prices.
    Low,
    /// The middle value we show as "typical".
    Typical,
    /// The most expensive end of reported prices.
    High,
}

impl Level {
    /// All three, cheapest first.
    pub const ALL: [Level; 3] = [Level::Low, Level::Typical, Level::High];
}

crate::json_struct! {
impl Decode, Encode;
/// A low / typical / high trio of amounts. Engines keep `low ≤ typical ≤ high`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Range {
    /// Cheapest case.
    pub low: Cents,
    /// Middle case.
    pub typical: Cents,
    /// Most expensive case.
    pub high: Cents,
}
}

impl Range {
    /// A range from three amounts (not reordered; see [`Range::is_ordered`]).
    pub const fn new(low: Cents, typical: Cents, high: Cents) -> Range {
        Range { low, typical, high }
    }

    /// The same amount at all three levels.
    pub const fn flat(c: Cents) -> Range {
        Range {
            low: c,
            typical: c,
            high: c,
        }
    }

    /// A range whose typical value is the midpoint of low and high (rounded down to a cent).
    pub const fn midpoint(low: Cents, high: Cents) -> Range {
        let mid = low.0 / 2 + high.0 / 2 + (low.0 % 2 + high.0 % 2) / 2;
        Range {
            low,
            typical: Cents(mid),
            high,
        }
    }

    /// The amount at one level.
    pub const fn at(&self, level: Level) -> Cents {
        match level {
            Level::Low => self.low,
            Level::Typical => self.typical,
            Level::High => self.high,
        }
    }

    /// Builds a range by computing each level.
    pub fn from_fn(mut f: impl FnMut(Level) -> Cents) -> Range {
        Range {
            low: f(Level::Low),
            typical: f(Level::Typical),
            high: f(Level::High),
        }
    }

    /// Level-by-level saturating sum.
    pub fn plus(self, o: Range) -> Range {
        Range::from_fn(|l| self.at(l).add(o.at(l)))
    }

    /// Each level rounded to whole units (see [`Cents::whole`]); an ordered range stays ordered.
    pub fn whole(self) -> Range {
        Range::from_fn(|l| self.at(l).whole())
    }

    /// `low ≤ typical ≤ high`.
    pub const fn is_ordered(&self) -> bool {
        self.low.0 <= self.typical.0 && self.typical.0 <= self.high.0
    }

    /// Each level as a share of `max` (for bar lengths in a chart), in basis points, capped at
    /// 100 %; all zero when `max` is zero.
    pub fn fraction_of(&self, max: Cents) -> [Bps; 3] {
        Level::ALL.map(|l| {
            let share = Cents(10_000).proportion(self.at(l).min(max), max);
            Bps::new(u32::try_from(share.0).unwrap_or(10_000)).unwrap_or(Bps::FULL)
        })
    }
}

/// An ISO 4217 currency code such as `USD`: exactly three capital letters A–Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CurrencyCode([u8; 3]);

/// Why a currency code was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurrencyError {
    /// Nothing was given.
    Empty,
    /// Not exactly three characters.
    WrongLength,
    /// Contains something other than the capital letters A–Z.
    NotCapitalLetters,
}

impl CurrencyCode {
    /// US dollars, the default.
    pub const USD: CurrencyCode = CurrencyCode(*b"USD");

    /// Validates a code (surrounding spaces are ignored; case is not corrected, so that a
    /// clinic's typo is reported rather than guessed).
    pub fn parse(text: &str) -> Result<CurrencyCode, CurrencyError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(CurrencyError::Empty);
        }
        if t.chars().count() != 3 {
            return Err(CurrencyError::WrongLength);
        }
        let b = t.as_bytes();
        if !b.iter().all(u8::is_ascii_uppercase) {
            return Err(CurrencyError::NotCapitalLetters);
        }
        Ok(CurrencyCode([b[0], b[1], b[2]]))
    }

    /// Whether this is the ISO 4217 code of a currency in circulation (list A.1 without the
    /// codes for funds, precious metals and testing). A well-formed code such as `XYZ` that
    /// names no currency is refused by the embed, so money is never labelled with it.
    pub fn is_in_use(&self) -> bool {
        IN_USE.split(' ').any(|c| c == self.as_str())
    }

    /// The code as text, e.g. `"USD"`.
    pub fn as_str(&self) -> &str {
        // Only ever built from ASCII capitals, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("USD")
    }
}

/// ISO 4217 list A.1 (2025): the codes of currencies in circulation. `XCG` replaces `ANG` during
/// 2025–2026, so both are here.
const IN_USE: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND \
BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB \
EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY \
KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR \
MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF \
SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS \
UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";

impl Default for CurrencyCode {
    fn default() -> Self {
        CurrencyCode::USD
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl CurrencyError {
    /// The `[ui.errors]` key of the message explaining this error.
    pub const fn message_key(self) -> &'static str {
        match self {
            CurrencyError::Empty => "currency_empty",
            CurrencyError::WrongLength | CurrencyError::NotCapitalLetters => "currency_invalid",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_rounds_half_up_to_whole_units_without_overflowing() {
        assert_eq!(Cents(358_750).whole(), Cents(358_800));
        assert_eq!(Cents(38_571).whole(), Cents(38_600));
        assert_eq!(Cents(38_549).whole(), Cents(38_500));
        assert_eq!(Cents(300).whole(), Cents(300));
        assert_eq!(Cents(u64::MAX).whole(), Cents(u64::MAX - 15));
        assert_eq!(Cents(u64::MAX - 40).whole(), Cents(u64::MAX - 15));
        let r = Range::new(Cents(150), Cents(249), Cents(250)).whole();
        assert_eq!(r, Range::new(Cents(200), Cents(200), Cents(300)));
        assert!(r.is_ordered());
    }

    #[test]
    fn share_rounds_half_up_and_never_overflows() {
        assert_eq!(Cents(101).share(Bps::new(5_000).unwrap()), Cents(51));
        assert_eq!(Cents(u64::MAX).share(Bps::FULL), Cents(u64::MAX));
    }

    #[test]
    fn arithmetic_saturates() {
        assert_eq!(Cents(u64::MAX).add(Cents(1)), Cents(u64::MAX));
        assert_eq!(Cents(1).sub(Cents(2)), Cents::ZERO);
        assert_eq!(Cents(u64::MAX).times(2), Cents(u64::MAX));
    }

    #[test]
    fn midpoint_sits_between_ends() {
        let r = Range::midpoint(Cents(22_500), Cents(80_000));
        assert_eq!(r.typical, Cents(51_250));
        let odd = Range::midpoint(Cents(u64::MAX), Cents(u64::MAX));
        assert!(odd.is_ordered());
    }

    #[test]
    fn currency_codes_must_be_three_capitals() {
        assert_eq!(CurrencyCode::parse(" EUR ").unwrap().as_str(), "EUR");
        assert_eq!(CurrencyCode::parse(""), Err(CurrencyError::Empty));
        assert_eq!(
            CurrencyCode::parse("usd"),
            Err(CurrencyError::NotCapitalLetters)
        );
        assert_eq!(CurrencyCode::parse("US"), Err(CurrencyError::WrongLength));
        assert_eq!(
            CurrencyCode::parse("ÜSD"),
            Err(CurrencyError::NotCapitalLetters)
        );
    }

    #[test]
    fn only_codes_of_currencies_in_use_are_real() {
        for code in [
            "USD", "EUR", "JPY", "GBP", "KWD", "MXN", "XOF", "ZWG", "AED",
        ] {
            assert!(CurrencyCode::parse(code).unwrap().is_in_use(), "{code}");
        }
        // Well formed, but no currency (or no longer one, or not money for a clinic).
        for code in ["XYZ", "AAA", "DEM", "HRK", "XAU", "XTS", "XXX", "USS"] {
            assert!(!CurrencyCode::parse(code).unwrap().is_in_use(), "{code}");
        }
        let codes: Vec<&str> = IN_USE.split(' ').collect();
        assert!(
            codes.iter().all(|c| CurrencyCode::parse(c).is_ok()),
            "{codes:?}"
        );
        assert!(
            codes.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        assert!(codes.len() > 150);
    }

    #[test]
    fn bps_refuses_more_than_everything() {
        assert!(Bps::new(10_001).is_none());
        let read = crate::content::decode::from_str::<Bps>;
        assert_eq!(read("10000"), Ok(Bps::FULL));
        assert_eq!(read("10001"), Err("percentage above 100%".to_owned()));
        assert_eq!(Bps::new(2_000).unwrap().complement().get(), 8_000);
    }
}
