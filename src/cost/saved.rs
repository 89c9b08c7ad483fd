//! What the estimator keeps in browser storage. Plain data (the UI state around it lives in
//! `ui::cost`), so its JSON codec is tested natively against serde.

use super::money::{Bps, Cents};
use super::plan::Plan;
use super::price_book::PriceBook;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What survives a reload (session storage).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saved {
    /// The last valid plan.
    pub plan: Plan,
    /// The last valid prices.
    pub book: PriceBook,
    /// Raw texts by field key.
    pub texts: BTreeMap<String, String>,
    /// Last valid share covered (kept while another coverage kind is picked).
    pub covered: Bps,
    /// Last valid copay.
    pub copay: Cents,
}
