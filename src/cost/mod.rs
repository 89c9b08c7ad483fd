//! Cost estimator engine (pure: no browser types).
//!
//! Data flows one way: typed-in text → [`parse`] → [`Plan`] and [`PriceBook`] →
//! [`estimate`] / [`compare_routes`] → [`Estimate`] with low / typical / high figures and
//! [`CalcLine`]s → the UI, which formats money with `Intl` and fills templates from
//! [`CostContent`]. Money is integer cents with saturating arithmetic throughout.

pub mod calc;
mod estimate;
mod insurance;
pub mod model;
pub mod money;
pub mod offer;
pub mod parse;
pub mod plan;
pub mod price_book;
mod price_json;
pub mod route;
pub mod saved;

pub use calc::{Arg, CalcKey, CalcLine, NumberFormat, PlainUsd, Unit, Value};
pub use estimate::{
    chart_max, compare_routes, compare_routes_for, estimate, Estimate, PhaseCost, RouteTotal,
    Scenario,
};
pub use model::CostContent;
pub use money::{Bps, Cents, CurrencyCode, CurrencyError, Level, Range};
pub use offer::Offer;
pub use parse::ParseError;
pub use plan::{
    BoosterRate, Coverage, DevicesPerDose, Extra, Extras, Hsa, Insurance, InsurerKind, Maintenance,
    Plan, Route, RouteSet, Savings, SavingsEligibility,
};
pub use price_book::{EsketaminePrices, PriceBook, PriceBookError, PricePart, PriceProblem};
