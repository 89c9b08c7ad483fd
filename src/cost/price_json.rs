//! Reading the clinic's JSON price book, one value at a time, into typed prices or a
//! specific [`PriceBookError`]. Any JSON shape is handled; nothing here panics.
//!
//! A price is judged on what the clinic wrote: a JSON number's own text (`450`, `450.50`) goes
//! through the same money parser as a typed price, and so does a string (`"$1,200"`). Members
//! are read in the order written; the first problem found is the one reported.

use super::money::{Cents, Level, Range};
use super::parse::{self, ParseError};
use super::plan::{Route, RouteSet};
use super::price_book::{EsketaminePrices, PriceBook, PriceBookError, PricePart, PriceProblem};
use crate::content::json::{self, Json};

/// Reads the whole price book and the routes it names (see [`PriceBook::from_json`]).
pub(crate) fn read_book(text: &str) -> Result<(PriceBook, RouteSet), PriceBookError> {
    let value = json::parse(text).map_err(|e| {
        let (line, column) = e.line_column(text);
        PriceBookError::BadJson { line, column }
    })?;
    let Json::Obj(members) = &value else {
        return Err(PriceBookError::NotAnObject);
    };
    let mut book = PriceBook::DEFAULT;
    let mut named = RouteSet::EMPTY;
    for (key, v) in members {
        let route = Route::from_id(key).ok_or_else(|| PriceBookError::UnknownRoute {
            key: key.to_owned(),
        })?;
        named = named.with(route, true);
        match route {
            Route::Iv => book.iv = read_range(route, PricePart::Session, v)?,
            Route::Im => book.im = read_range(route, PricePart::Session, v)?,
            Route::Oral => book.oral = read_range(route, PricePart::Session, v)?,
            Route::Esketamine => book.esketamine = read_esketamine(v, book.esketamine)?,
        }
    }
    book.validate()?;
    Ok((book, named))
}

fn read_esketamine(v: &Json, mut e: EsketaminePrices) -> Result<EsketaminePrices, PriceBookError> {
    let route = Route::Esketamine;
    let Json::Obj(members) = v else {
        return Err(PriceBookError::Price {
            route,
            part: PricePart::Device,
            level: None,
            problem: PriceProblem::NotANumber,
        });
    };
    for (key, v) in members {
        match key.as_str() {
            "device" => e.device = read_range(route, PricePart::Device, v)?,
            "observation" => e.observation = read_range(route, PricePart::Observation, v)?,
            "devices_per_dose" => {
                e.devices_per_dose = match v {
                    Json::Num(s) | Json::Str(s) => parse::devices_per_dose(s).ok(),
                    _ => None,
                }
                .ok_or(PriceBookError::DevicesNotTwoOrThree)?;
            }
            _ => {
                return Err(PriceBookError::UnknownField {
                    route,
                    key: key.to_owned(),
                })
            }
        }
    }
    Ok(e)
}

fn read_range(route: Route, part: PricePart, v: &Json) -> Result<Range, PriceBookError> {
    let err = |level, problem| PriceBookError::Price {
        route,
        part,
        level,
        problem,
    };
    let members = match v {
        Json::Obj(members) => members,
        Json::Num(_) | Json::Str(_) => {
            return read_price(v).map(Range::flat).map_err(|p| err(None, p))
        }
        _ => return Err(err(None, PriceProblem::NotANumber)),
    };
    if let Some((key, _)) = members
        .iter()
        .find(|(k, _)| !matches!(k.as_str(), "low" | "typical" | "high"))
    {
        return Err(PriceBookError::UnknownField {
            route,
            key: key.to_owned(),
        });
    }
    let get = |level: Level, name: &str| match members.iter().find(|(k, _)| k == name) {
        Some((_, v)) => read_price(v).map(Some).map_err(|p| err(Some(level), p)),
        None => Ok(None),
    };
    let low = get(Level::Low, "low")?.ok_or(err(Some(Level::Low), PriceProblem::Missing))?;
    let high = get(Level::High, "high")?.ok_or(err(Some(Level::High), PriceProblem::Missing))?;
    let typical = get(Level::Typical, "typical")?;
    let range = match typical {
        Some(t) => Range::new(low, t, high),
        None if low <= high => Range::midpoint(low, high),
        None => Range::new(low, low, high),
    };
    if !range.is_ordered() {
        return Err(PriceBookError::OutOfOrder { route, part });
    }
    Ok(range)
}

fn read_price(v: &Json) -> Result<Cents, PriceProblem> {
    let (Json::Num(text) | Json::Str(text)) = v else {
        return Err(PriceProblem::NotANumber);
    };
    parse::money(text, PriceBook::MAX_PRICE).map_err(|e| match e {
        ParseError::Negative => PriceProblem::Negative,
        ParseError::TooManyDecimals => PriceProblem::TooManyDecimals,
        ParseError::MoneyTooLarge { .. } => PriceProblem::TooLarge,
        ParseError::Empty => PriceProblem::Missing,
        _ => PriceProblem::NotANumber,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::plan::DevicesPerDose;
    use PriceBookError as E;
    use PriceProblem as P;

    /// The book alone (the routes it names are checked below).
    fn book(text: &str) -> Result<PriceBook, PriceBookError> {
        read_book(text).map(|(book, _)| book)
    }

    #[test]
    fn a_book_names_only_the_routes_the_clinic_priced() {
        let named = |t| read_book(t).map(|(_, set)| set.routes());
        assert_eq!(named(r#"{}"#), Ok(vec![]));
        assert_eq!(
            named(r#"{"oral": 150, "iv": 450}"#),
            Ok(vec![Route::Iv, Route::Oral])
        );
        assert_eq!(
            named(r#"{"esketamine": {"devices_per_dose": 3}}"#),
            Ok(vec![Route::Esketamine])
        );
    }

    fn dollars(low: u64, typical: u64, high: u64) -> Range {
        Range::new(
            Cents::dollars(low),
            Cents::dollars(typical),
            Cents::dollars(high),
        )
    }

    fn price(route: Route, part: PricePart, level: Option<Level>, problem: P) -> E {
        E::Price {
            route,
            part,
            level,
            problem,
        }
    }

    #[test]
    fn a_book_sets_the_prices_it_names_and_keeps_the_others() {
        let read = book(
            r#"{"iv": {"low": 400, "high": "$650"}, "oral": 150.5,
                "esketamine": {"device": {"low": 320, "high": 380}, "devices_per_dose": "3",
                "observation": {"low": 150, "typical": 180, "high": 200}}}"#,
        )
        .expect("a valid book");
        assert_eq!(read.iv, dollars(400, 525, 650));
        assert_eq!(read.im, PriceBook::DEFAULT.im);
        assert_eq!(read.oral, Range::flat(Cents(15_050)));
        assert_eq!(read.esketamine.device, dollars(320, 350, 380));
        assert_eq!(read.esketamine.devices_per_dose, DevicesPerDose::Three);
        assert_eq!(read.esketamine.observation, dollars(150, 180, 200));
        assert_eq!(book("{}"), Ok(PriceBook::DEFAULT));
    }

    #[test]
    fn amounts_read_as_written() {
        for (written, cents) in [
            ("0", 0),
            ("0.01", 1),
            ("12.10", 1_210),
            ("99999.99", 9_999_999),
            ("100000", 10_000_000),
            ("\"1,200.50\"", 120_050),
            ("\" $75 \"", 7_500),
            ("2", 200),
        ] {
            let book = book(&format!(r#"{{"oral": {written}}}"#));
            assert_eq!(
                book.map(|b| b.oral),
                Ok(Range::flat(Cents(cents))),
                "{written}"
            );
        }
    }

    #[test]
    fn each_problem_is_named() {
        use Level::{High, Low};
        use PricePart::{Device, Observation, Session};
        use Route::{Esketamine, Im, Iv, Oral};
        for (text, problem) in [
            ("[1]", E::NotAnObject),
            ("null", E::NotAnObject),
            (r#""iv""#, E::NotAnObject),
            (r#"{"tms": 5}"#, E::UnknownRoute { key: "tms".into() }),
            (r#"{"iv": null}"#, price(Iv, Session, None, P::NotANumber)),
            (r#"{"iv": true}"#, price(Iv, Session, None, P::NotANumber)),
            (r#"{"iv": [1]}"#, price(Iv, Session, None, P::NotANumber)),
            (r#"{"iv": -5.5}"#, price(Iv, Session, None, P::Negative)),
            (r#"{"iv": "-3"}"#, price(Iv, Session, None, P::Negative)),
            (
                r#"{"oral": 1.005}"#,
                price(Oral, Session, None, P::TooManyDecimals),
            ),
            (
                r#"{"oral": 100000.01}"#,
                price(Oral, Session, None, P::TooLarge),
            ),
            (
                r#"{"oral": 1e9}"#,
                price(Oral, Session, None, P::NotANumber),
            ),
            (
                r#"{"oral": "abc"}"#,
                price(Oral, Session, None, P::NotANumber),
            ),
            (r#"{"oral": " "}"#, price(Oral, Session, None, P::Missing)),
            (
                r#"{"oral": {"low": 5}}"#,
                price(Oral, Session, Some(High), P::Missing),
            ),
            (
                r#"{"oral": {"high": 5}}"#,
                price(Oral, Session, Some(Low), P::Missing),
            ),
            (
                r#"{"iv": {"low": -1, "high": 5}}"#,
                price(Iv, Session, Some(Low), P::Negative),
            ),
            (
                r#"{"iv": {"low": 1, "high": 2, "mid": 1}}"#,
                E::UnknownField {
                    route: Iv,
                    key: "mid".into(),
                },
            ),
            (
                r#"{"im": {"low": 900, "high": 100}}"#,
                E::OutOfOrder {
                    route: Im,
                    part: Session,
                },
            ),
            (
                r#"{"im": {"low": 900, "typical": 100, "high": 1000}}"#,
                E::OutOfOrder {
                    route: Im,
                    part: Session,
                },
            ),
            (
                r#"{"esketamine": 5}"#,
                price(Esketamine, Device, None, P::NotANumber),
            ),
            (
                r#"{"esketamine": {"devices_per_dose": 4}}"#,
                E::DevicesNotTwoOrThree,
            ),
            (
                r#"{"esketamine": {"devices_per_dose": 2.5}}"#,
                E::DevicesNotTwoOrThree,
            ),
            (
                r#"{"esketamine": {"devices_per_dose": null}}"#,
                E::DevicesNotTwoOrThree,
            ),
            (
                r#"{"esketamine": {"observation": "x"}}"#,
                price(Esketamine, Observation, None, P::NotANumber),
            ),
            (
                r#"{"esketamine": {"dose": 1}}"#,
                E::UnknownField {
                    route: Esketamine,
                    key: "dose".into(),
                },
            ),
        ] {
            assert_eq!(book(text), Err(problem), "{text}");
        }
    }

    #[test]
    fn the_first_problem_written_is_the_one_reported() {
        assert_eq!(
            book(r#"{"iv": -1, "tms": 5}"#),
            Err(price(Route::Iv, PricePart::Session, None, P::Negative))
        );
        assert_eq!(
            book(r#"{"tms": 5, "iv": -1}"#),
            Err(E::UnknownRoute { key: "tms".into() })
        );
    }

    #[test]
    fn bad_json_says_where_the_problem_is() {
        assert_eq!(
            book("{\n  \"iv\": 5,\n  \"oral\" 6\n}"),
            Err(E::BadJson {
                line: 3,
                column: 10
            })
        );
        assert_eq!(
            book("{\"iv\": 5,}"),
            Err(E::BadJson {
                line: 1,
                column: 10
            })
        );
        assert_eq!(book(""), Err(E::BadJson { line: 1, column: 1 }));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn book(text: &str) -> Result<PriceBook, PriceBookError> {
        read_book(text).map(|(book, _)| book)
    }

    proptest! {
        #[test]
        fn any_book_is_read_or_refused_without_panic(
            j in r#"\{("(iv|im|oral|esketamine|x)": ?(-?[0-9]{1,7}(\.[0-9]{1,3})?([eE]-?[0-9])?|\{"(low|high|typical|device|observation|devices_per_dose|z)": ?([0-9]{1,4}|"[0-9$,.]{0,6}"|\{"(low|high|typical)": ?[0-9]{1,4}\})\}|"[0-9$,.]{0,6}"|null|\[\]),? ?){0,4}\}"#,
            s in ".{0,12}",
        ) {
            if let Ok(read) = book(&j) {
                prop_assert!(read.validate().is_ok());
            }
            let _ = book(&s);
        }

        #[test]
        fn any_amount_with_two_decimals_reads_as_its_cents(cents in 0u64..=10_000_000) {
            let text = format!(r#"{{"oral": {}.{:02}}}"#, cents / 100, cents % 100);
            prop_assert_eq!(book(&text).map(|b| b.oral), Ok(Range::flat(Cents(cents))));
        }
    }
}
