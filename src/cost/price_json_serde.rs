//! The serde_json reader of the clinic's price book that [`super::price_json`] replaced, kept
//! for tests only: they check both give the same book or the same error on many inputs.

use super::money::{Cents, Level, Range};
use super::parse::{self, ParseError};
use super::plan::{DevicesPerDose, Route};
use super::price_book::{EsketaminePrices, PriceBook, PriceBookError, PricePart, PriceProblem};
use serde_json::{Map, Value};

pub(crate) fn from_json(text: &str) -> Result<PriceBook, PriceBookError> {
    let value: Value = serde_json::from_str(text).map_err(|e| PriceBookError::BadJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(routes) = value else {
        return Err(PriceBookError::NotAnObject);
    };
    let mut book = PriceBook::DEFAULT;
    for (key, v) in &routes {
        let route =
            Route::from_id(key).ok_or_else(|| PriceBookError::UnknownRoute { key: key.clone() })?;
        match route {
            Route::Iv => book.iv = read_range(route, PricePart::Session, v)?,
            Route::Im => book.im = read_range(route, PricePart::Session, v)?,
            Route::Oral => book.oral = read_range(route, PricePart::Session, v)?,
            Route::Esketamine => book.esketamine = read_esketamine(v, book.esketamine)?,
        }
    }
    book.validate()?;
    Ok(book)
}

fn read_esketamine(v: &Value, mut e: EsketaminePrices) -> Result<EsketaminePrices, PriceBookError> {
    let route = Route::Esketamine;
    let Value::Object(map) = v else {
        return Err(PriceBookError::Price {
            route,
            part: PricePart::Device,
            level: None,
            problem: PriceProblem::NotANumber,
        });
    };
    for (key, v) in map {
        match key.as_str() {
            "device" => e.device = read_range(route, PricePart::Device, v)?,
            "observation" => e.observation = read_range(route, PricePart::Observation, v)?,
            "devices_per_dose" => {
                e.devices_per_dose = match v {
                    Value::Number(n) => n.as_u64().and_then(|n| u8::try_from(n).ok()),
                    Value::String(s) => parse::devices_per_dose(s).ok().map(|d| d.count()),
                    _ => None,
                }
                .and_then(|n| DevicesPerDose::try_from(n).ok())
                .ok_or(PriceBookError::DevicesNotTwoOrThree)?;
            }
            _ => {
                return Err(PriceBookError::UnknownField {
                    route,
                    key: key.clone(),
                })
            }
        }
    }
    Ok(e)
}

fn read_range(route: Route, part: PricePart, v: &Value) -> Result<Range, PriceBookError> {
    let err = |level, problem| PriceBookError::Price {
        route,
        part,
        level,
        problem,
    };
    let map: &Map<String, Value> = match v {
        Value::Object(m) => m,
        Value::Number(_) | Value::String(_) => {
            return read_price(v).map(Range::flat).map_err(|p| err(None, p))
        }
        _ => return Err(err(None, PriceProblem::NotANumber)),
    };
    if let Some(key) = map
        .keys()
        .find(|k| !matches!(k.as_str(), "low" | "typical" | "high"))
    {
        return Err(PriceBookError::UnknownField {
            route,
            key: key.clone(),
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

/// One price in currency units, from a JSON number or an amount as text.
fn read_price(v: &Value) -> Result<Cents, PriceProblem> {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => {
            if n.as_i64().is_some_and(|i| i < 0) || n.as_f64().is_some_and(|f| f < 0.0) {
                return Err(PriceProblem::Negative);
            }
            if n.as_f64().is_some_and(|f| f > 1e9) {
                return Err(PriceProblem::TooLarge);
            }
            // Shortest decimal form of the number; exponent forms only remain for tiny
            // fractions, which have too many decimals for money anyway.
            let s = n.to_string();
            if s.contains(['e', 'E']) {
                return Err(PriceProblem::TooManyDecimals);
            }
            s
        }
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
