//! The estimator's UI state: the raw text of every field the person typed, and the last valid
//! plan and price book. Every edit goes through the engine's parsers; a refused value leaves the
//! plan (and so the estimate) as it was, and its error is derived from the kept text.

use super::inputs::{bps_text, cents_text, parse_field, Parsed};
pub use super::inputs::{ExtraKind, Field, FieldError, Kind};
pub use crate::cost::saved::Saved;
use crate::cost::{
    Bps, Cents, Coverage, DevicesPerDose, InsurerKind, Level, Offer, ParseError, Plan, PriceBook,
    PricePart, Route, RouteSet, Value,
};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use yew::Reducible;

/// Which coverage the person picked (the values typed for the others are kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoverageKind {
    /// No insurance.
    None,
    /// Coinsurance.
    Percent,
    /// Copay.
    Copay,
}

/// Storage name of the estimator's state.
pub const STORE_NAME: &str = "cost";
/// The one version of the stored [`Saved`] (plan, typed prices and texts): raise it when their
/// shape or meaning changes, and a value stored before is dropped with the notice instead of
/// misread. 1002: the default prices follow named sources and insurance says which treatments
/// it covers; a plan saved before kept the old, unsourced default prices.
pub const STORE_VERSION: u32 = 1002;

/// The estimator's whole state.
#[derive(Clone, Debug, PartialEq)]
pub struct CostState {
    /// Plan, prices and texts (what is stored).
    pub saved: Saved,
    /// Prices before the person's edits (defaults or the clinic's).
    pub base_book: PriceBook,
    /// The clinic's treatments and course (every treatment, with the published course, by
    /// default).
    pub offer: Offer,
    /// Number inputs whose text the browser could not read as a number.
    pub bad_input: BTreeSet<String>,
    /// A stored plan could not be read and was dropped.
    pub discarded: bool,
}

/// Something the person did.
pub enum Action {
    /// Picked a route.
    Route(Route),
    /// Typed into a field; `bad` when the browser could not read a number input at all.
    Edit(Field, String, bool),
    /// Boosters on or off.
    Maintenance(bool),
    /// Coverage kind.
    Coverage(CoverageKind),
    /// Insurer kind.
    Insurer(InsurerKind),
    /// The insurance covers this route (ticked) or not.
    Covers(Route, bool),
    /// Devices per esketamine dose.
    Devices(DevicesPerDose),
    /// Savings programme on or off.
    Savings(bool),
    /// HSA on or off.
    Hsa(bool),
    /// An extra on or off.
    ExtraOn(ExtraKind, bool),
    /// Back to the base prices.
    ResetPrices,
    /// The clinic's configured prices changed (embed attribute): they become the base, and
    /// the prices shown follow them.
    Base(PriceBook),
    /// The clinic's treatments or course changed (embed attributes): numbers still at the old
    /// defaults follow the new ones, and a treatment it no longer offers gives way to its first.
    Offer(Offer),
}

impl CostState {
    /// A fresh state on the base prices, starting from the clinic's first treatment and course.
    pub fn new(base_book: PriceBook, offer: Offer) -> CostState {
        CostState {
            saved: Saved {
                plan: offer.plan(),
                book: base_book,
                texts: BTreeMap::new(),
                covered: Bps::new(8_000).unwrap_or(Bps::ZERO),
                copay: Cents::dollars(50),
            },
            base_book,
            offer,
            bad_input: BTreeSet::new(),
            discarded: false,
        }
    }

    /// A plan restored from storage, on a treatment the clinic offers (a stored plan may be on
    /// one it has since stopped offering).
    pub fn restored(mut self, saved: Saved) -> CostState {
        self.saved = saved;
        self.apply_all_typed();
        if !self.offer.offers(self.saved.plan.route) {
            self.switch_route(self.offer.first());
        }
        self
    }

    /// The plan in use.
    pub fn plan(&self) -> &Plan {
        &self.saved.plan
    }

    /// The prices in use.
    pub fn book(&self) -> &PriceBook {
        &self.saved.book
    }

    /// The coverage kind picked.
    pub fn coverage_kind(&self) -> CoverageKind {
        match self.saved.plan.insurance.coverage {
            Coverage::None => CoverageKind::None,
            Coverage::Percent { .. } => CoverageKind::Percent,
            Coverage::Copay { .. } => CoverageKind::Copay,
        }
    }

    /// The text a field shows: what was typed, or else the value in use.
    pub fn text(&self, f: Field) -> String {
        if let Some(t) = self.saved.texts.get(&f.key()) {
            return t.clone();
        }
        let p = &self.saved.plan;
        match f {
            Field::Sessions => p.induction_sessions.to_string(),
            Field::BoostersPerMonth => {
                crate::cost::parse::hundredths_text(p.maintenance.per_month.hundredths().into())
            }
            Field::MaintenanceMonths => p.maintenance.months.to_string(),
            Field::IntegrationSessions => p.extras.integration_sessions.to_string(),
            Field::Price(r, part, l) => self
                .saved
                .book
                .price(r, part)
                .map(|range| cents_text(range.at(l)))
                .unwrap_or_default(),
            Field::CoveredPercent => bps_text(self.saved.covered),
            Field::Copay => cents_text(self.saved.copay),
            Field::DeductibleLeft => cents_text(p.insurance.deductible_left),
            Field::OopMax => p.insurance.oop_max.map(cents_text).unwrap_or_default(),
            Field::SavingsPerTreatment => cents_text(p.savings.per_treatment),
            Field::SavingsCap => cents_text(p.savings.annual_cap),
            Field::TaxRate => bps_text(p.hsa.tax_rate),
            Field::Extra(k) => cents_text(k.get(p).amount),
        }
    }

    /// The value in use for a field, which the figures keep while its text is refused;
    /// `None` for an out-of-pocket limit left unknown.
    pub fn in_use(&self, f: Field) -> Option<Value> {
        let p = &self.saved.plan;
        let count = |n: u32| Some(Value::Count(u64::from(n)));
        let money = |c: Cents| Some(Value::Money(c));
        match f {
            Field::Sessions => count(p.induction_sessions),
            Field::BoostersPerMonth => {
                Some(Value::Decimal(p.maintenance.per_month.hundredths().into()))
            }
            Field::MaintenanceMonths => count(p.maintenance.months),
            Field::IntegrationSessions => count(p.extras.integration_sessions),
            Field::Price(r, part, l) => self
                .saved
                .book
                .price(r, part)
                .map(|x| Value::Money(x.at(l))),
            Field::CoveredPercent => Some(Value::Percent(self.saved.covered)),
            Field::TaxRate => Some(Value::Percent(p.hsa.tax_rate)),
            Field::Copay => money(self.saved.copay),
            Field::DeductibleLeft => money(p.insurance.deductible_left),
            Field::OopMax => p.insurance.oop_max.map(Value::Money),
            Field::SavingsPerTreatment => money(p.savings.per_treatment),
            Field::SavingsCap => money(p.savings.annual_cap),
            Field::Extra(k) => money(k.get(p).amount),
        }
    }

    /// The fields on screen whose text is refused, in form order.
    pub fn refused(&self) -> Vec<Field> {
        Field::all()
            .into_iter()
            .filter(|f| self.visible(*f) && self.error(*f).is_some())
            .collect()
    }

    /// Why a field's text is not in use, if it is not.
    pub fn error(&self, f: Field) -> Option<FieldError> {
        let key = f.key();
        if self.bad_input.contains(&key) {
            return Some(FieldError::Parse(ParseError::NotANumber));
        }
        let text = self.saved.texts.get(&key)?;
        match parse_field(f, text) {
            Err(e) => Some(FieldError::Parse(e)),
            // A price not in use while its whole set reads as numbers: the set is out of order
            // (a set in order is always applied, see `apply_typed`). While another price of the
            // set does not read, only that one is flagged.
            Ok(Parsed::Money(v)) => match f {
                Field::Price(r, part, l) => {
                    let in_use = self.saved.book.price(r, part).map(|x| x.at(l));
                    (in_use != Some(v) && self.typed(r, part).is_some())
                        .then_some(FieldError::PriceOrder)
                }
                _ => None,
            },
            Ok(_) => None,
        }
    }

    /// Whether a field is on screen for the current plan.
    pub fn visible(&self, f: Field) -> bool {
        let p = &self.saved.plan;
        let kind = self.coverage_kind();
        match f {
            Field::BoostersPerMonth | Field::MaintenanceMonths => p.maintenance.enabled,
            Field::Price(r, ..) => r == p.route,
            Field::CoveredPercent => kind == CoverageKind::Percent,
            Field::Copay => kind == CoverageKind::Copay,
            Field::DeductibleLeft | Field::OopMax => kind != CoverageKind::None,
            Field::SavingsPerTreatment | Field::SavingsCap => {
                p.savings.enabled
                    && p.savings_eligibility() == crate::cost::SavingsEligibility::Eligible
            }
            Field::TaxRate => p.hsa.enabled,
            Field::Extra(k) => k.applies(p.route) && k.get(p).enabled,
            Field::IntegrationSessions => p.extras.integration.enabled,
            Field::Sessions => true,
        }
    }

    /// The typed prices of one set (low, typical, high; `None` where nothing was typed), or
    /// `None` while one of them does not read as an amount.
    fn typed(&self, r: Route, part: PricePart) -> Option<[Option<Cents>; 3]> {
        let mut out = [None; 3];
        for l in Level::ALL {
            let f = Field::Price(r, part, l);
            let key = f.key();
            if self.bad_input.contains(&key) {
                return None;
            }
            if let Some(text) = self.saved.texts.get(&key) {
                match parse_field(f, text) {
                    Ok(Parsed::Money(c)) => out[l as usize] = Some(c),
                    _ => return None,
                }
            }
        }
        Some(out)
    }

    /// Re-checks one set of prices as a whole and uses it when it is in order, so an order
    /// error clears however the three were typed.
    fn apply_typed(&mut self, r: Route, part: PricePart) {
        if let Some(typed) = self.typed(r, part) {
            if let Ok(book) = self.saved.book.with_typed(r, part, typed) {
                self.saved.book = book;
            }
        }
    }

    /// Uses every set of typed prices that is in order (a plan restored from storage).
    pub fn apply_all_typed(&mut self) {
        for r in Route::ALL {
            for &part in PriceBook::parts(r) {
                self.apply_typed(r, part);
            }
        }
    }

    fn edit(&mut self, f: Field, text: String, bad: bool) {
        let key = f.key();
        if bad {
            self.bad_input.insert(key.clone());
        } else {
            self.bad_input.remove(&key);
        }
        let parsed = if bad {
            None
        } else {
            parse_field(f, &text).ok()
        };
        self.saved.texts.insert(key, text);
        if let Field::Price(r, part, _) = f {
            return self.apply_typed(r, part);
        }
        let Some(value) = parsed else { return };
        let s = &mut self.saved;
        let p = &mut s.plan;
        match (f, value) {
            (Field::Sessions, Parsed::Count(n)) => p.induction_sessions = n,
            (Field::BoostersPerMonth, Parsed::Rate(r)) => p.maintenance.per_month = r,
            (Field::MaintenanceMonths, Parsed::Count(n)) => p.maintenance.months = n,
            (Field::IntegrationSessions, Parsed::Count(n)) => p.extras.integration_sessions = n,
            (Field::CoveredPercent, Parsed::Percent(b)) => {
                s.covered = b;
                if let Coverage::Percent { covered } = &mut p.insurance.coverage {
                    *covered = b;
                }
            }
            (Field::Copay, Parsed::Money(c)) => {
                s.copay = c;
                if let Coverage::Copay { per_session } = &mut p.insurance.coverage {
                    *per_session = c;
                }
            }
            (Field::TaxRate, Parsed::Percent(b)) => p.hsa.tax_rate = b,
            (Field::DeductibleLeft, Parsed::Money(c)) => p.insurance.deductible_left = c,
            (Field::OopMax, Parsed::Money(c)) => p.insurance.oop_max = Some(c),
            (Field::OopMax, Parsed::Unknown) => p.insurance.oop_max = None,
            (Field::SavingsPerTreatment, Parsed::Money(c)) => p.savings.per_treatment = c,
            (Field::SavingsCap, Parsed::Money(c)) => p.savings.annual_cap = c,
            (Field::Extra(k), Parsed::Money(c)) => k.get_mut(p).amount = c,
            _ => {}
        }
    }

    fn switch_route(&mut self, to: Route) {
        // Counts that are valid follow the engine's route defaults; a text still being fixed
        // stays as typed.
        let follow = [Field::Sessions, Field::BoostersPerMonth];
        for f in follow {
            if self.error(f).is_none() {
                self.saved.texts.remove(&f.key());
            }
        }
        self.saved.plan.switch_route_with(to, &self.offer);
    }

    fn set_offer(&mut self, offer: Offer) {
        let old = std::mem::replace(&mut self.offer, offer);
        let route = self.saved.plan.route;
        let texts = &mut self.saved.texts;
        let p = &mut self.saved.plan;
        if p.induction_sessions == old.induction_sessions(route) {
            p.induction_sessions = offer.induction_sessions(route);
            texts.remove(&Field::Sessions.key());
        }
        if p.maintenance.per_month == old.boosters_per_month(route) {
            p.maintenance.per_month = offer.boosters_per_month(route);
            texts.remove(&Field::BoostersPerMonth.key());
        }
        if !offer.offers(route) {
            self.switch_route(offer.first());
        }
    }
}

impl Reducible for CostState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let covered = s.saved.covered;
        let copay = s.saved.copay;
        let p = &mut s.saved.plan;
        match action {
            Action::Route(r) => s.switch_route(r),
            Action::Edit(f, text, bad) => s.edit(f, text, bad),
            Action::Maintenance(on) => p.maintenance.enabled = on,
            Action::Coverage(kind) => {
                p.insurance.coverage = match kind {
                    CoverageKind::None => Coverage::None,
                    CoverageKind::Percent => Coverage::Percent { covered },
                    CoverageKind::Copay => Coverage::Copay { per_session: copay },
                }
            }
            Action::Insurer(k) => p.insurance.insurer = k,
            Action::Covers(r, on) => {
                // The first tick starts from what was counted: the route being estimated.
                let set = p.insurance.covers.unwrap_or(RouteSet::of(p.route));
                p.insurance.covers = Some(set.with(r, on));
            }
            Action::Devices(d) => s.saved.book.esketamine.devices_per_dose = d,
            Action::Savings(on) => p.savings.enabled = on,
            Action::Hsa(on) => p.hsa.enabled = on,
            Action::ExtraOn(k, on) => k.get_mut(p).enabled = on,
            Action::Base(book) => {
                s.base_book = book;
                s.saved.book = book;
                s.saved.texts.retain(|k, _| !k.starts_with("price-"));
                s.bad_input.retain(|k| !k.starts_with("price-"));
            }
            Action::Offer(offer) => s.set_offer(offer),
            Action::ResetPrices => {
                s.saved.book = s.base_book;
                s.saved.texts.retain(|k, _| !k.starts_with("price-"));
                s.bad_input.retain(|k| !k.starts_with("price-"));
            }
        }
        Rc::new(s)
    }
}
