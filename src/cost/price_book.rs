//! Prices per route, with defaults from published ranges, and the validated clinic price book
//! that arrives as JSON in the embed's `prices` attribute.

use super::money::{Cents, Level, Range};
use super::plan::{DevicesPerDose, Route, RouteSet};
use super::price_json;

crate::json_struct! {
impl Decode, Encode;
/// Esketamine prices: the medicine is priced per nasal spray device, and the clinic charges
/// for the 2-hour observation on top.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EsketaminePrices {
    /// Price of one device.
    pub device: Range,
    /// Devices per dose (2 = 56 mg, 3 = 84 mg).
    pub devices_per_dose: DevicesPerDose,
    /// The clinic's fee for observing you after each dose.
    pub observation: Range,
}
}

crate::json_struct! {
impl Decode, Encode;
/// Low / typical / high prices per session (IV, IM) or per treatment (oral, esketamine).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceBook {
    /// Per IV infusion.
    pub iv: Range,
    /// Per IM injection.
    pub im: Range,
    /// Per oral or sublingual treatment at home.
    pub oral: Range,
    /// Esketamine: per device, devices per dose, observation fee.
    pub esketamine: EsketaminePrices,
}
}

/// Which price of a route an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PricePart {
    /// Price per session or treatment (IV, IM, oral).
    Session,
    /// Price per esketamine device.
    Device,
    /// Esketamine observation fee.
    Observation,
}

/// What is wrong with one price.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceProblem {
    /// `low` or `high` was not given.
    Missing,
    /// Not a number (or text that is not an amount).
    NotANumber,
    /// Below zero.
    Negative,
    /// More than 2 decimal places.
    TooManyDecimals,
    /// Above [`PriceBook::MAX_PRICE`].
    TooLarge,
}

/// Why a price book was refused. The UI shows the message for [`PriceBookError::message_key`]
/// inside the element and keeps the default prices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriceBookError {
    /// The text is not JSON.
    BadJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
    },
    /// Valid JSON, but not an object of routes.
    NotAnObject,
    /// A key that is not `iv`, `im`, `esketamine` or `oral`.
    UnknownRoute {
        /// The key as written.
        key: String,
    },
    /// A key inside a route that we do not know.
    UnknownField {
        /// The route.
        route: Route,
        /// The key as written.
        key: String,
    },
    /// One price is missing or unusable.
    Price {
        /// The route.
        route: Route,
        /// Which price of the route.
        part: PricePart,
        /// Which level; `None` when the whole value was unusable.
        level: Option<Level>,
        /// What is wrong.
        problem: PriceProblem,
    },
    /// Low is above typical, or typical above high.
    OutOfOrder {
        /// The route.
        route: Route,
        /// Which price of the route.
        part: PricePart,
    },
    /// Devices per dose other than 2 or 3.
    DevicesNotTwoOrThree,
}

impl PriceBookError {
    /// The key of this error's message in `[ui.errors]`.
    pub const fn message_key(&self) -> &'static str {
        match self {
            PriceBookError::BadJson { .. } => "prices_bad_json",
            PriceBookError::NotAnObject => "prices_not_object",
            PriceBookError::UnknownRoute { .. } => "prices_unknown_route",
            PriceBookError::UnknownField { .. } => "prices_unknown_field",
            PriceBookError::Price { problem, .. } => match problem {
                PriceProblem::Missing => "prices_missing",
                PriceProblem::NotANumber => "prices_not_a_number",
                PriceProblem::Negative => "prices_negative",
                PriceProblem::TooManyDecimals => "prices_too_many_decimals",
                PriceProblem::TooLarge => "prices_too_large",
            },
            PriceBookError::OutOfOrder { .. } => "prices_out_of_order",
            PriceBookError::DevicesNotTwoOrThree => "prices_devices",
        }
    }
}

impl Default for PriceBook {
    fn default() -> Self {
        PriceBook::DEFAULT
    }
}

const fn dollars_range(low: u64, high: u64) -> Range {
    Range::midpoint(Cents::dollars(low), Cents::dollars(high))
}

impl PriceBook {
    /// Defaults, each traced in `content/<locale>/cost.toml`: IV $400–$800 per session (two
    /// consumer cost guides), IM $275–$800 per session and oral $75–$300 per treatment (a
    /// ketamine program's cost guide), esketamine $295 per device (the March 2019 launch list
    /// price of $590 for 2 devices or $885 for 3, as STAT reported it; no newer official price
    /// was found) × 2 devices plus an assumed $100–$300 observation fee. "Typical" is the
    /// midpoint of each range (a label, not a survey median).
    pub const DEFAULT: PriceBook = PriceBook {
        iv: dollars_range(400, 800),
        im: dollars_range(275, 800),
        oral: dollars_range(75, 300),
        esketamine: EsketaminePrices {
            device: dollars_range(295, 295),
            devices_per_dose: DevicesPerDose::Two,
            observation: dollars_range(100, 300),
        },
    };

    /// The largest single price accepted: $100,000.
    pub const MAX_PRICE: Cents = Cents::dollars(100_000);

    /// Price per session (per treatment) at each level. For esketamine:
    /// devices × price per device + observation fee.
    pub fn session_price(&self, route: Route) -> Range {
        match route {
            Route::Iv => self.iv,
            Route::Im => self.im,
            Route::Oral => self.oral,
            Route::Esketamine => self.medicine_price(route).plus(self.esketamine.observation),
        }
    }

    /// The medicine's part of each session's price: esketamine devices × price per device;
    /// zero for the other routes (their prices are not split).
    pub fn medicine_price(&self, route: Route) -> Range {
        match route {
            Route::Esketamine => {
                let n = u64::from(self.esketamine.devices_per_dose.count());
                Range::from_fn(|l| self.esketamine.device.at(l).times(n))
            }
            _ => Range::default(),
        }
    }

    /// The editable prices of a route: one per-session price for IV, IM and oral; price per
    /// device and observation fee for esketamine (devices per dose is set separately).
    pub const fn parts(route: Route) -> &'static [PricePart] {
        match route {
            Route::Esketamine => &[PricePart::Device, PricePart::Observation],
            _ => &[PricePart::Session],
        }
    }

    /// One editable price range; `None` for a part the route does not have.
    pub fn price(&self, route: Route, part: PricePart) -> Option<Range> {
        match (route, part) {
            (Route::Iv, PricePart::Session) => Some(self.iv),
            (Route::Im, PricePart::Session) => Some(self.im),
            (Route::Oral, PricePart::Session) => Some(self.oral),
            (Route::Esketamine, PricePart::Device) => Some(self.esketamine.device),
            (Route::Esketamine, PricePart::Observation) => Some(self.esketamine.observation),
            _ => None,
        }
    }

    /// A copy with the typed prices of one range (low, typical, high; `None` keeps the price in
    /// use), checked together: the three fields are one set, so a set that is in order as a
    /// whole is accepted however it was typed, and a set out of order is refused with
    /// [`PriceBookError::OutOfOrder`] and the old book stays in use.
    pub fn with_typed(
        &self,
        route: Route,
        part: PricePart,
        typed: [Option<Cents>; 3],
    ) -> Result<PriceBook, PriceBookError> {
        let old = self
            .price(route, part)
            .ok_or(PriceBookError::OutOfOrder { route, part })?;
        let range = Range::from_fn(|l| typed[l as usize].unwrap_or(old.at(l)));
        let mut book = *self;
        match (route, part) {
            (Route::Iv, _) => book.iv = range,
            (Route::Im, _) => book.im = range,
            (Route::Oral, _) => book.oral = range,
            (Route::Esketamine, PricePart::Device) => book.esketamine.device = range,
            (Route::Esketamine, _) => book.esketamine.observation = range,
        }
        book.validate()?;
        Ok(book)
    }

    /// Checks every range: ordered low ≤ typical ≤ high and no price above the maximum.
    pub fn validate(&self) -> Result<(), PriceBookError> {
        let ranges = [
            (Route::Iv, PricePart::Session, self.iv),
            (Route::Im, PricePart::Session, self.im),
            (Route::Oral, PricePart::Session, self.oral),
            (Route::Esketamine, PricePart::Device, self.esketamine.device),
            (
                Route::Esketamine,
                PricePart::Observation,
                self.esketamine.observation,
            ),
        ];
        for (route, part, r) in ranges {
            for level in Level::ALL {
                if r.at(level) > PriceBook::MAX_PRICE {
                    let problem = PriceProblem::TooLarge;
                    return Err(PriceBookError::Price {
                        route,
                        part,
                        level: Some(level),
                        problem,
                    });
                }
            }
            if !r.is_ordered() {
                return Err(PriceBookError::OutOfOrder { route, part });
            }
        }
        Ok(())
    }

    /// Reads a clinic price book. Prices are in currency units (dollars), as numbers or text:
    ///
    /// ```json
    /// {"iv": {"low": 400, "high": 650}, "oral": 150,
    ///  "esketamine": {"device": {"low": 320, "high": 380}, "devices_per_dose": 3,
    ///                 "observation": {"low": 150, "typical": 180, "high": 200}}}
    /// ```
    ///
    /// A bare amount means one fixed price. `typical` is optional (midpoint). Routes and
    /// esketamine parts that are left out keep their defaults. Never panics.
    pub fn from_json(text: &str) -> Result<PriceBook, PriceBookError> {
        price_json::read_book(text).map(|(book, _)| book)
    }

    /// [`PriceBook::from_json`], with the routes the clinic priced: only those prices are the
    /// clinic's own; the others are typical US prices and are labelled so.
    pub fn from_json_with_routes(text: &str) -> Result<(PriceBook, RouteSet), PriceBookError> {
        price_json::read_book(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_typical_is_the_midpoint() {
        assert_eq!(PriceBook::DEFAULT.validate(), Ok(()));
        assert_eq!(PriceBook::DEFAULT.iv.typical, Cents(60_000));
        assert_eq!(
            PriceBook::DEFAULT.session_price(Route::Esketamine).low,
            Cents(69_000)
        );
    }

    #[test]
    fn editing_one_price_validates_the_order() {
        let b = PriceBook::DEFAULT;
        let edited = b
            .with_typed(
                Route::Oral,
                PricePart::Session,
                [None, None, Some(Cents(30_000))],
            )
            .unwrap();
        assert_eq!(edited.oral.high, Cents(30_000));
        let bad = b.with_typed(
            Route::Oral,
            PricePart::Session,
            [Some(Cents(90_000)), None, None],
        );
        assert_eq!(
            bad,
            Err(PriceBookError::OutOfOrder {
                route: Route::Oral,
                part: PricePart::Session
            })
        );
        assert_eq!(b.price(Route::Iv, PricePart::Device), None);
    }

    /// Applies typed prices the way the form does: after each keystroke the three fields are
    /// read together; a set out of order leaves the book as it was.
    fn type_in(book: PriceBook, typed: &mut [Option<Cents>; 3], l: Level, v: u64) -> PriceBook {
        typed[l as usize] = Some(Cents::dollars(v));
        book.with_typed(Route::Im, PricePart::Session, *typed)
            .unwrap_or(book)
    }

    #[test]
    fn a_price_set_typed_back_into_order_is_used_whatever_the_typing_order() {
        // Highest 500 (below the typical $512.50), then typical 400, then lowest 300.
        let mut typed = [None; 3];
        let mut b = type_in(PriceBook::DEFAULT, &mut typed, Level::High, 500);
        assert_eq!(b, PriceBook::DEFAULT, "out of order: nothing used yet");
        b = type_in(b, &mut typed, Level::Typical, 400);
        b = type_in(b, &mut typed, Level::Low, 300);
        assert_eq!(
            b.im,
            Range::new(Cents(30_000), Cents(40_000), Cents(50_000))
        );

        // Lowest 900, typical 1000 (through "1", "10", "100"), highest 1200 (through "1"…).
        let mut typed = [None; 3];
        let mut b = PriceBook::DEFAULT;
        for (l, v) in [(Level::Low, 900), (Level::Typical, 1), (Level::Typical, 10)]
            .into_iter()
            .chain([(Level::Typical, 100), (Level::Typical, 1000)])
            .chain([(Level::High, 1), (Level::High, 12), (Level::High, 120)])
        {
            b = type_in(b, &mut typed, l, v);
            assert_eq!(b.im, PriceBook::DEFAULT.im, "after {l:?} = {v}");
        }
        b = type_in(b, &mut typed, Level::High, 1200);
        assert_eq!(
            b.im,
            Range::new(Cents(90_000), Cents(100_000), Cents(120_000))
        );
    }

    #[test]
    fn partial_book_keeps_other_defaults() {
        let b =
            PriceBook::from_json(r#"{"iv": {"low": 400, "high": "$650"}, "oral": 150.5}"#).unwrap();
        assert_eq!(
            b.iv,
            Range::new(Cents(40_000), Cents(52_500), Cents(65_000))
        );
        assert_eq!(b.oral, Range::flat(Cents(15_050)));
        assert_eq!(b.im, PriceBook::DEFAULT.im);
        assert_eq!(b.esketamine, PriceBook::DEFAULT.esketamine);
    }

    #[test]
    fn price_book_errors_are_specific() {
        use PriceBookError as E;
        assert!(matches!(PriceBook::from_json("{"), Err(E::BadJson { .. })));
        assert_eq!(PriceBook::from_json("[1]"), Err(E::NotAnObject));
        assert_eq!(
            PriceBook::from_json(r#"{"tms": 5}"#),
            Err(E::UnknownRoute { key: "tms".into() })
        );
        let neg = PriceBook::from_json(r#"{"iv": {"low": -1, "high": 5}}"#);
        assert!(matches!(
            neg,
            Err(E::Price {
                problem: PriceProblem::Negative,
                level: Some(Level::Low),
                ..
            })
        ));
        let swapped = PriceBook::from_json(r#"{"im": {"low": 900, "high": 100}}"#);
        assert_eq!(
            swapped,
            Err(E::OutOfOrder {
                route: Route::Im,
                part: PricePart::Session
            })
        );
        let dev = PriceBook::from_json(r#"{"esketamine": {"devices_per_dose": 4}}"#);
        assert_eq!(dev, Err(E::DevicesNotTwoOrThree));
        let tiny = PriceBook::from_json(r#"{"oral": 0.0000001}"#);
        assert!(matches!(
            tiny,
            Err(E::Price {
                problem: PriceProblem::TooManyDecimals,
                ..
            })
        ));
        let missing = PriceBook::from_json(r#"{"oral": {"low": 5}}"#);
        assert!(matches!(
            missing,
            Err(E::Price {
                problem: PriceProblem::Missing,
                level: Some(Level::High),
                ..
            })
        ));
    }
}
