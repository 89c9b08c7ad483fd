//! The edge where typed-in text becomes typed values. Every function here accepts any string
//! and returns either a value or a [`ParseError`]; none of them can panic.

use super::money::{Bps, Cents};
use super::plan::{BoosterRate, DevicesPerDose};

/// Why a typed value was refused. Each kind has a message in the content's `[ui.errors]`
/// table under [`ParseError::message_key`]; the `{max}` placeholder is filled from
/// [`ParseError::limit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// The field is empty (or only spaces).
    Empty,
    /// The text is not a number, e.g. "abc" or "1.2.3".
    NotANumber,
    /// A minus sign: amounts and counts cannot be below zero.
    Negative,
    /// More decimal places than allowed (2 for money and percentages).
    TooManyDecimals,
    /// A count with a fraction, e.g. "2.5" sessions.
    NotWholeNumber,
    /// An amount above the largest we accept.
    MoneyTooLarge {
        /// The largest amount accepted.
        max: Cents,
    },
    /// A count above the largest we accept.
    CountTooLarge {
        /// The largest count accepted.
        max: u32,
    },
    /// A percentage above 100.
    PercentTooLarge,
    /// A dose uses 2 or 3 nasal spray devices; nothing else.
    DevicesNotTwoOrThree,
}

/// A placeholder value for an error message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// An amount of money (format with the currency).
    Money(Cents),
    /// A plain whole number.
    Count(u32),
}

impl ParseError {
    /// The key of this error's message in `[ui.errors]`.
    pub const fn message_key(self) -> &'static str {
        match self {
            ParseError::Empty => "empty",
            ParseError::NotANumber => "not_a_number",
            ParseError::Negative => "negative",
            ParseError::TooManyDecimals => "too_many_decimals",
            ParseError::NotWholeNumber => "not_whole_number",
            ParseError::MoneyTooLarge { .. } => "money_too_large",
            ParseError::CountTooLarge { .. } => "count_too_large",
            ParseError::PercentTooLarge => "percent_too_large",
            ParseError::DevicesNotTwoOrThree => "devices_two_or_three",
        }
    }

    /// The value for the message's `{max}` placeholder, if it has one.
    pub const fn limit(self) -> Option<Limit> {
        match self {
            ParseError::MoneyTooLarge { max } => Some(Limit::Money(max)),
            ParseError::CountTooLarge { max } => Some(Limit::Count(max)),
            _ => None,
        }
    }
}

/// The largest amount any money field accepts: $1,000,000.00. Far above any real course of
/// treatment, low enough that no sum of fields can come near `u64::MAX`.
pub const MAX_MONEY: Cents = Cents::dollars(1_000_000);

/// A non-negative decimal number as typed: whole part and up to the first 3 significant
/// decimal digits (a fourth never matters: we refuse more than 2).
struct Decimal {
    whole: u128,
    frac_digits: Vec<u8>,
}

/// Beyond this the whole part is "too large" for every caller; stops the accumulator growing.
const WHOLE_CAP: u128 = 1_000_000_000_000_000_000;

fn lex(text: &str, symbol: Option<char>, suffix: Option<char>) -> Result<Decimal, ParseError> {
    let mut t = text.trim();
    if t.is_empty() {
        return Err(ParseError::Empty);
    }
    let mut negative = false;
    // Accept "-5", "$-5", "-$5" and the typographic minus; a minus is refused below.
    for _ in 0..2 {
        if let Some(rest) = t.strip_prefix(['-', '\u{2212}']) {
            negative = true;
            t = rest.trim_start();
        }
        if let Some(s) = symbol {
            if let Some(rest) = t.strip_prefix(s) {
                t = rest.trim_start();
            }
        }
    }
    if let Some(s) = suffix {
        if let Some(rest) = t.strip_suffix(s) {
            t = rest.trim_end();
        }
    }
    let (whole_text, frac_text) = match t.split_once('.') {
        Some((w, f)) => (w, f),
        None => (t, ""),
    };
    // Thousands separators are only allowed in the whole part, between digits.
    let whole_ok = !whole_text.starts_with(',')
        && !whole_text.ends_with(',')
        && !whole_text.contains(",,")
        && whole_text.chars().all(|c| c.is_ascii_digit() || c == ',');
    let frac_ok = frac_text.chars().all(|c| c.is_ascii_digit());
    let has_digit = whole_text
        .chars()
        .chain(frac_text.chars())
        .any(|c| c.is_ascii_digit());
    if !whole_ok || !frac_ok || !has_digit {
        return Err(ParseError::NotANumber);
    }
    if negative {
        return Err(ParseError::Negative);
    }
    let mut whole: u128 = 0;
    for d in whole_text.bytes().filter(u8::is_ascii_digit) {
        whole = (whole * 10 + u128::from(d - b'0')).min(WHOLE_CAP);
    }
    let frac_digits: Vec<u8> = frac_text
        .trim_end_matches('0')
        .bytes()
        .take(3)
        .map(|d| d - b'0')
        .collect();
    Ok(Decimal { whole, frac_digits })
}

/// Hundredths of the decimal (cents or basis points of a percent), refusing >2 decimals.
fn hundredths(d: &Decimal) -> Result<u128, ParseError> {
    if d.frac_digits.len() > 2 {
        return Err(ParseError::TooManyDecimals);
    }
    let frac = d
        .frac_digits
        .iter()
        .chain([0u8, 0].iter())
        .take(2)
        .fold(0u128, |a, &x| a * 10 + u128::from(x));
    Ok(d.whole * 100 + frac)
}

/// Parses an amount such as "$1,200.50", "1200" or "1200.5" into cents, up to `max`.
pub fn money(text: &str, max: Cents) -> Result<Cents, ParseError> {
    let d = lex(text, Some('$'), None)?;
    let cents = hundredths(&d)?;
    if cents > u128::from(max.get()) {
        return Err(ParseError::MoneyTooLarge { max });
    }
    Ok(Cents(cents as u64))
}

/// Parses a whole number such as "6" or "1,000" within `0..=max`.
pub fn count(text: &str, max: u32) -> Result<u32, ParseError> {
    let d = lex(text, None, None)?;
    if !d.frac_digits.is_empty() {
        return Err(ParseError::NotWholeNumber);
    }
    if d.whole > u128::from(max) {
        return Err(ParseError::CountTooLarge { max });
    }
    Ok(d.whole as u32)
}

/// Parses boosters a month, from 0 to 31 with up to 2 decimals ("4", "0.5", "1.25").
pub fn booster_rate(text: &str) -> Result<BoosterRate, ParseError> {
    let d = lex(text, None, None)?;
    let max = BoosterRate::MAX.hundredths();
    let h = hundredths(&d)?;
    u32::try_from(h)
        .ok()
        .and_then(BoosterRate::from_hundredths)
        .ok_or(ParseError::CountTooLarge { max: max / 100 })
}

/// Hundredths as the plain decimal a number input accepts: "225", "512.5", "0.05".
pub fn hundredths_text(h: u64) -> String {
    let (whole, frac) = (h / 100, h % 100);
    match frac {
        0 => whole.to_string(),
        n if n % 10 == 0 => format!("{whole}.{}", n / 10),
        n => format!("{whole}.{n:02}"),
    }
}

/// Parses a percentage from 0 to 100 with up to 2 decimals ("80", "12.5", "12.25 %").
pub fn percent(text: &str) -> Result<Bps, ParseError> {
    let d = lex(text, None, Some('%'))?;
    let bps = hundredths(&d)?;
    u32::try_from(bps)
        .ok()
        .and_then(Bps::new)
        .ok_or(ParseError::PercentTooLarge)
}

/// The percentage someone probably meant when a share reads as above 0 % but below 1 %, as
/// "0.8" does when it was typed as a fraction of one: 0.8 % → 80 %. The value typed is still
/// used; the UI asks. `None` for anything else.
pub fn fraction_typed_as_percent(p: Bps) -> Option<Bps> {
    (p > Bps::ZERO && p.get() < 100).then(|| Bps::new(u32::from(p.get()) * 100))?
}

/// Parses the number of nasal spray devices per esketamine dose: 2 (56 mg) or 3 (84 mg).
pub fn devices_per_dose(text: &str) -> Result<DevicesPerDose, ParseError> {
    match count(text, u32::MAX) {
        Ok(2) => Ok(DevicesPerDose::Two),
        Ok(3) => Ok(DevicesPerDose::Three),
        Ok(_) | Err(ParseError::CountTooLarge { .. }) => Err(ParseError::DevicesNotTwoOrThree),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_typed_as_a_fraction_of_one_is_questioned() {
        let meant = |t| percent(t).ok().and_then(fraction_typed_as_percent);
        assert_eq!(meant("0.8"), Bps::new(8_000));
        assert_eq!(meant("0.05"), Bps::new(500));
        assert_eq!(meant(".99"), Bps::new(9_900));
        for plausible in ["0", "1", "80", "100", "12.5", "1%"] {
            assert_eq!(meant(plausible), None, "{plausible}");
        }
    }

    #[test]
    fn money_accepts_common_ways_of_typing_an_amount() {
        assert_eq!(money("$1,200.50", MAX_MONEY), Ok(Cents(120_050)));
        assert_eq!(money("1200", MAX_MONEY), Ok(Cents(120_000)));
        assert_eq!(money(" 1200.5 ", MAX_MONEY), Ok(Cents(120_050)));
        assert_eq!(money(".5", MAX_MONEY), Ok(Cents(50)));
        assert_eq!(money("12.", MAX_MONEY), Ok(Cents(1_200)));
        assert_eq!(money("1.500", MAX_MONEY), Ok(Cents(150)));
    }

    #[test]
    fn money_errors_name_the_problem() {
        assert_eq!(money("  ", MAX_MONEY), Err(ParseError::Empty));
        assert_eq!(money("abc", MAX_MONEY), Err(ParseError::NotANumber));
        assert_eq!(money("1.2.3", MAX_MONEY), Err(ParseError::NotANumber));
        assert_eq!(money(",100", MAX_MONEY), Err(ParseError::NotANumber));
        assert_eq!(money("$", MAX_MONEY), Err(ParseError::NotANumber));
        assert_eq!(money("-5", MAX_MONEY), Err(ParseError::Negative));
        assert_eq!(money("$-5", MAX_MONEY), Err(ParseError::Negative));
        assert_eq!(money("1.005", MAX_MONEY), Err(ParseError::TooManyDecimals));
        let huge = "9".repeat(400);
        assert_eq!(
            money(&huge, MAX_MONEY),
            Err(ParseError::MoneyTooLarge { max: MAX_MONEY })
        );
        assert_eq!(
            money("1000000.01", MAX_MONEY),
            Err(ParseError::MoneyTooLarge { max: MAX_MONEY })
        );
    }

    #[test]
    fn counts_are_whole_and_bounded() {
        assert_eq!(count("6", 100), Ok(6));
        assert_eq!(count("6.0", 100), Ok(6));
        assert_eq!(count("2.5", 100), Err(ParseError::NotWholeNumber));
        assert_eq!(
            count("101", 100),
            Err(ParseError::CountTooLarge { max: 100 })
        );
        assert_eq!(count("-1", 100), Err(ParseError::Negative));
    }

    #[test]
    fn percentages_stay_within_zero_to_hundred() {
        assert_eq!(percent("80"), Ok(Bps::new(8_000).unwrap()));
        assert_eq!(percent("12.25 %"), Ok(Bps::new(1_225).unwrap()));
        assert_eq!(percent("100.01"), Err(ParseError::PercentTooLarge));
        assert_eq!(percent("1.234"), Err(ParseError::TooManyDecimals));
    }

    #[test]
    fn booster_rates_take_decimals_up_to_one_a_day() {
        let rate = |t| booster_rate(t).map(BoosterRate::hundredths);
        assert_eq!(rate("4"), Ok(400));
        assert_eq!(rate("0.5"), Ok(50));
        assert_eq!(rate("1.25"), Ok(125));
        assert_eq!(rate("31"), Ok(3_100));
        assert_eq!(rate("31.01"), Err(ParseError::CountTooLarge { max: 31 }));
        assert_eq!(rate("0.125"), Err(ParseError::TooManyDecimals));
        assert_eq!(rate("-1"), Err(ParseError::Negative));
        assert_eq!(rate(""), Err(ParseError::Empty));
        for (h, text) in [
            (400, "4"),
            (50, "0.5"),
            (125, "1.25"),
            (5, "0.05"),
            (0, "0"),
        ] {
            assert_eq!(hundredths_text(h), text);
        }
    }

    #[test]
    fn devices_are_two_or_three() {
        assert_eq!(devices_per_dose("3"), Ok(DevicesPerDose::Three));
        assert_eq!(devices_per_dose("4"), Err(ParseError::DevicesNotTwoOrThree));
        assert_eq!(devices_per_dose(""), Err(ParseError::Empty));
    }
}
