//! Reading the clinic's JSON price book, one value at a time, into typed prices or a
//! specific [`PriceBookError`]. Any JSON shape is handled; nothing here panics.
//!
//! This reads the small [`Json`] tree (serde_json would add its code to the wasm) and
//! reproduces what the serde_json reader did, error for error: an object's members are
//! visited in key order with a repeated key keeping its last value (serde_json's `Map`), and
//! numbers are judged by the text serde_json printed for them.

use super::money::{Cents, Level, Range};
use super::parse::{self, ParseError};
use super::plan::{DevicesPerDose, Route, RouteSet};
use super::price_book::{EsketaminePrices, PriceBook, PriceBookError, PricePart, PriceProblem};
use crate::content::decode::{parse_at, Json};
use std::collections::BTreeMap;

/// Reads the whole price book and the routes it names (see [`PriceBook::from_json`]).
pub(crate) fn read_book(text: &str) -> Result<(PriceBook, RouteSet), PriceBookError> {
    let value = parse_at(text).map_err(|e| PriceBookError::BadJson {
        line: e.line,
        column: e.column,
    })?;
    let Json::Obj(members) = &value else {
        return Err(PriceBookError::NotAnObject);
    };
    let mut book = PriceBook::DEFAULT;
    let mut named = RouteSet::EMPTY;
    for (key, v) in sorted(members) {
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

/// An object's members as serde_json's `Map` held them: sorted by key, the last of a
/// repeated key winning. The order decides which problem is reported first.
fn sorted(members: &[(String, Json)]) -> BTreeMap<&str, &Json> {
    members.iter().map(|(k, v)| (k.as_str(), v)).collect()
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
    for (key, v) in sorted(members) {
        match key {
            "device" => e.device = read_range(route, PricePart::Device, v)?,
            "observation" => e.observation = read_range(route, PricePart::Observation, v)?,
            "devices_per_dose" => {
                e.devices_per_dose = match v {
                    Json::Uint(n) => u8::try_from(*n).ok(),
                    Json::Str(s) => parse::devices_per_dose(s).ok().map(|d| d.count()),
                    _ => None,
                }
                .and_then(|n| DevicesPerDose::try_from(n).ok())
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
    let map = match v {
        Json::Obj(members) => sorted(members),
        Json::Uint(_) | Json::Int(_) | Json::Float(_) | Json::Str(_) => {
            return read_price(v).map(Range::flat).map_err(|p| err(None, p))
        }
        _ => return Err(err(None, PriceProblem::NotANumber)),
    };
    if let Some(key) = map
        .keys()
        .find(|k| !matches!(**k, "low" | "typical" | "high"))
    {
        return Err(PriceBookError::UnknownField {
            route,
            key: (*key).to_owned(),
        });
    }
    let get = |level: Level, name: &str| match map.get(name) {
        Some(v) => read_price(v).map(Some).map_err(|p| err(Some(level), p)),
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
    let text = match *v {
        Json::Str(ref s) => s.clone(),
        Json::Int(_) => return Err(PriceProblem::Negative),
        Json::Uint(n) if n as f64 > 1e9 => return Err(PriceProblem::TooLarge),
        Json::Uint(n) => n.to_string(),
        Json::Float(f) if f < 0.0 => return Err(PriceProblem::Negative),
        Json::Float(f) if f > 1e9 => return Err(PriceProblem::TooLarge),
        Json::Float(f) => float_text(f).ok_or(PriceProblem::TooManyDecimals)?,
        _ => return Err(PriceProblem::NotANumber),
    };
    parse::money(&text, PriceBook::MAX_PRICE).map_err(|e| match e {
        ParseError::Negative => PriceProblem::Negative,
        ParseError::TooManyDecimals => PriceProblem::TooManyDecimals,
        ParseError::MoneyTooLarge { .. } => PriceProblem::TooLarge,
        ParseError::Empty => PriceProblem::Missing,
        _ => PriceProblem::NotANumber,
    })
}

/// For `0 ≤ |f| ≤ 1e9`: the amount as `units.cc` text when the shortest decimal that reads
/// back as `f` (what serde_json printed) has at most two decimals, else `None` (more
/// decimals, or an exponent form for tiny fractions: too many decimals for money either way).
///
/// Without float formatting: such a decimal is `c / 100` for a whole `c`, and dividing the
/// exact `c` by 100 rounds to the nearest float, so it reads back as `f` exactly when
/// `c as f64 / 100.0 == f`. Two such decimals would be 0.01 apart, far more than the float
/// spacing below 1e9, so `c` is unique and is the shortest decimal's value.
fn float_text(f: f64) -> Option<String> {
    let near = (f.abs() * 100.0 + 0.5) as u64;
    let c = [near.saturating_sub(1), near, near + 1]
        .into_iter()
        .find(|&c| c as f64 / 100.0 == f.abs())?;
    // -0.0 printed as "-0.0", which the money parser refuses as negative.
    let mut text = String::from(if f.is_sign_negative() { "-" } else { "" });
    text.push_str(&(c / 100).to_string());
    text.push('.');
    let cc = c % 100;
    if cc < 10 {
        text.push('0');
    }
    text.push_str(&cc.to_string());
    Some(text)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::price_json_serde;
    use super::*;
    use proptest::prelude::*;

    fn same(text: &str) {
        let book = read_book(text).map(|(book, _)| book);
        assert_eq!(book, price_json_serde::from_json(text), "{text}");
    }

    #[test]
    fn agrees_with_the_serde_reader() {
        let cases = [
            // Valid books.
            r#"{}"#,
            r#"{"iv": {"low": 400, "high": "$650"}, "oral": 150.5}"#,
            r#"{"esketamine": {"device": {"low": 320, "high": 380}, "devices_per_dose": "3",
                "observation": {"low": 150, "typical": 180, "high": 200}}}"#,
            r#"{"im": 0, "oral": 0.01, "iv": 99999.99}"#,
            r#"{"oral": 1e2, "iv": 2.5e1, "im": 100000}"#,
            r#"{"oral": 12.10, "iv": "1,200.50"}"#,
            // Repeated keys: the last wins.
            r#"{"oral": -1, "oral": 5}"#,
            r#"{"oral": {"low": 1, "low": 900, "high": 2}}"#,
            // Several problems: the first in key order is reported.
            r#"{"tms": 5, "iv": -1}"#,
            r#"{"oral": -1, "iv": "x"}"#,
            r#"{"iv": {"zz": 1, "aa": 2, "low": 1, "high": 2}}"#,
            r#"{"esketamine": {"observation": -1, "device": "x", "devices_per_dose": 4}}"#,
            r#"{"esketamine": {"zzz": 1, "devices_per_dose": 4}}"#,
            // Each problem.
            "{",
            "",
            "[1]",
            "null",
            r#""iv""#,
            r#"{"iv": null}"#,
            r#"{"iv": true}"#,
            r#"{"iv": [1]}"#,
            r#"{"esketamine": 5}"#,
            r#"{"iv": {"low": -1, "high": 5}}"#,
            r#"{"iv": {"low": -0.0, "high": 5}}"#,
            r#"{"iv": -0}"#,
            r#"{"iv": -0.0}"#,
            r#"{"iv": 0.0}"#,
            r#"{"iv": -5.5}"#,
            r#"{"im": {"low": 900, "high": 100}}"#,
            r#"{"im": {"low": 900, "typical": 100, "high": 1000}}"#,
            r#"{"esketamine": {"devices_per_dose": 4}}"#,
            r#"{"esketamine": {"devices_per_dose": 2.0}}"#,
            r#"{"esketamine": {"devices_per_dose": -2}}"#,
            r#"{"esketamine": {"devices_per_dose": 258}}"#,
            r#"{"esketamine": {"devices_per_dose": "2.0"}}"#,
            r#"{"esketamine": {"devices_per_dose": null}}"#,
            r#"{"oral": 0.0000001}"#,
            r#"{"oral": 0.001}"#,
            r#"{"oral": 0.00001}"#,
            r#"{"oral": 1.005}"#,
            r#"{"oral": 100000.01}"#,
            r#"{"oral": 999999999.99}"#,
            r#"{"oral": 1000000000}"#,
            r#"{"oral": 1000000001}"#,
            r#"{"oral": 1e9}"#,
            r#"{"oral": 1.0000001e9}"#,
            r#"{"oral": 18446744073709551615}"#,
            r#"{"oral": 1e300}"#,
            r#"{"oral": ""}"#,
            r#"{"oral": "  "}"#,
            r#"{"oral": "abc"}"#,
            r#"{"oral": "-3"}"#,
            r#"{"oral": {"low": 5}}"#,
            r#"{"oral": {"high": 5}}"#,
            r#"{"oral": {}}"#,
            r#"{"oral": 5} x"#,
            "{\n  \"oral\": 5,\n  \"iv\" 6\n}",
            "{\"oral\": \"\\uZZZZ\"}",
        ];
        for text in cases {
            same(text);
        }
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

    #[test]
    fn bad_json_is_placed_as_serde_json_placed_it() {
        assert_eq!(
            PriceBook::from_json("{\n  \"iv\": 5,\n  \"oral\" 6\n}"),
            Err(PriceBookError::BadJson {
                line: 3,
                column: 10
            })
        );
        assert_eq!(
            PriceBook::from_json("{\"iv\": 5,}"),
            Err(PriceBookError::BadJson {
                line: 1,
                column: 10
            })
        );
    }

    proptest! {
        #[test]
        fn any_amount_reads_as_before(f in 0.0f64..2e9, cents in 0u64..20_000_000_000, neg: bool) {
            for number in [f.to_string(), format!("{}.{:02}", cents / 100, cents % 100), format!("{f:e}")] {
                let number = if neg { format!("-{number}") } else { number };
                same(&format!(r#"{{"oral": {number}}}"#));
                same(&format!(r#"{{"iv": {{"low": "{number}", "high": {number}}}}}"#));
            }
        }

        #[test]
        fn any_book_reads_as_before(
            j in r#"\{("(iv|im|oral|esketamine|x)": ?(-?[0-9]{1,7}(\.[0-9]{1,3})?([eE]-?[0-9])?|\{"(low|high|typical|device|observation|devices_per_dose|z)": ?([0-9]{1,4}|"[0-9$,.]{0,6}"|\{"(low|high|typical)": ?[0-9]{1,4}\})\}|"[0-9$,.]{0,6}"|null|\[\]),? ?){0,4}\}"#,
            s in ".{0,12}",
        ) {
            same(&j);
            same(&s);
        }
    }
}
