//! The fields a person types into: their stable keys, how each is typed, and which engine
//! parser reads it. Parsing happens here once, at the edge; the rest of the UI sees values.

use crate::cost::parse::{self, MAX_MONEY};
use crate::cost::plan::limits;
use crate::cost::{
    BoosterRate, Bps, Cents, Extra, Level, ParseError, Plan, PriceBook, PricePart, Route,
};

/// An extra cost with its own checkbox and amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtraKind {
    /// First evaluation.
    Evaluation,
    /// Integration therapy, price per session.
    Integration,
    /// Blood-pressure cuff.
    BpCuff,
    /// Travel per visit.
    Travel,
    /// Driver per visit.
    Driver,
    /// Lost pay per session.
    TimeOff,
}

impl ExtraKind {
    /// In the order the form lists them.
    pub const ALL: [ExtraKind; 6] = [
        ExtraKind::Evaluation,
        ExtraKind::Integration,
        ExtraKind::BpCuff,
        ExtraKind::Travel,
        ExtraKind::Driver,
        ExtraKind::TimeOff,
    ];

    /// The `[ui.fields]` id (also part of element ids).
    pub const fn id(self) -> &'static str {
        match self {
            ExtraKind::Evaluation => "evaluation",
            ExtraKind::Integration => "integration",
            ExtraKind::BpCuff => "bp_cuff",
            ExtraKind::Travel => "travel",
            ExtraKind::Driver => "driver",
            ExtraKind::TimeOff => "time_off",
        }
    }

    /// Whether the engine counts this extra for a route (the form says so when it does not).
    pub const fn applies(self, route: Route) -> bool {
        match self {
            ExtraKind::BpCuff => route.at_home(),
            ExtraKind::Travel | ExtraKind::Driver => !route.at_home(),
            _ => true,
        }
    }

    /// The extra in a plan.
    pub fn get(self, plan: &Plan) -> Extra {
        let x = &plan.extras;
        match self {
            ExtraKind::Evaluation => x.evaluation,
            ExtraKind::Integration => x.integration,
            ExtraKind::BpCuff => x.bp_cuff,
            ExtraKind::Travel => x.travel,
            ExtraKind::Driver => x.driver,
            ExtraKind::TimeOff => x.time_off,
        }
    }

    /// The extra in a plan, to change it.
    pub fn get_mut(self, plan: &mut Plan) -> &mut Extra {
        let x = &mut plan.extras;
        match self {
            ExtraKind::Evaluation => &mut x.evaluation,
            ExtraKind::Integration => &mut x.integration,
            ExtraKind::BpCuff => &mut x.bp_cuff,
            ExtraKind::Travel => &mut x.travel,
            ExtraKind::Driver => &mut x.driver,
            ExtraKind::TimeOff => &mut x.time_off,
        }
    }
}

/// A field the person types into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Starting-course sessions.
    Sessions,
    /// Boosters per month.
    BoostersPerMonth,
    /// Months of boosters.
    MaintenanceMonths,
    /// One price of one route at one level.
    Price(Route, PricePart, Level),
    /// Share the insurance pays.
    CoveredPercent,
    /// Copay per session.
    Copay,
    /// Deductible left.
    DeductibleLeft,
    /// Out-of-pocket maximum left (empty = unknown).
    OopMax,
    /// Savings programme: what you still pay per dose.
    SavingsPerTreatment,
    /// Savings programme: yearly cap.
    SavingsCap,
    /// Marginal tax rate for the HSA saving.
    TaxRate,
    /// An extra's amount.
    Extra(ExtraKind),
    /// Integration therapy sessions.
    IntegrationSessions,
}

/// How a field is typed and parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A whole number (`<input type=number step=1>`).
    Count,
    /// Boosters a month, with up to 2 decimals (`<input type=number step=0.01>`).
    Rate,
    /// A price in the price book (`<input type=number step=0.01>`).
    Price,
    /// Any other amount (decimal text, so "$1,200" can be typed).
    Money,
    /// A percentage 0–100 (decimal text).
    Percent,
}

/// Why a field's text is not in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// The engine's parser refused it.
    Parse(ParseError),
    /// A price that would put low above typical or typical above high.
    PriceOrder,
}

fn level_id(l: Level) -> &'static str {
    match l {
        Level::Low => "low",
        Level::Typical => "typical",
        Level::High => "high",
    }
}

fn part_id(p: PricePart) -> &'static str {
    match p {
        PricePart::Session => "session",
        PricePart::Device => "device",
        PricePart::Observation => "observation",
    }
}

impl Field {
    /// Stable key: storage key of its text and the tail of its element id.
    pub fn key(self) -> String {
        match self {
            Field::Sessions => "induction_sessions".into(),
            Field::BoostersPerMonth => "boosters_per_month".into(),
            Field::MaintenanceMonths => "maintenance_months".into(),
            Field::Price(r, p, l) => format!("price-{}-{}-{}", r.id(), part_id(p), level_id(l)),
            Field::CoveredPercent => "covered_percent".into(),
            Field::Copay => "copay".into(),
            Field::DeductibleLeft => "deductible_left".into(),
            Field::OopMax => "oop_max".into(),
            Field::SavingsPerTreatment => "savings_per_treatment".into(),
            Field::SavingsCap => "savings_cap".into(),
            Field::TaxRate => "tax_rate".into(),
            Field::Extra(k) => format!("extra-{}", k.id()),
            Field::IntegrationSessions => "integration_sessions".into(),
        }
    }

    /// How it is typed.
    pub const fn kind(self) -> Kind {
        match self {
            Field::Sessions | Field::MaintenanceMonths | Field::IntegrationSessions => Kind::Count,
            Field::BoostersPerMonth => Kind::Rate,
            Field::Price(..) => Kind::Price,
            Field::CoveredPercent | Field::TaxRate => Kind::Percent,
            _ => Kind::Money,
        }
    }

    /// Every field, in the order the form shows them.
    pub fn all() -> Vec<Field> {
        let mut v = vec![
            Field::Sessions,
            Field::BoostersPerMonth,
            Field::MaintenanceMonths,
        ];
        for r in Route::ALL {
            for &p in PriceBook::parts(r) {
                v.extend(Level::ALL.map(|l| Field::Price(r, p, l)));
            }
        }
        v.extend([
            Field::CoveredPercent,
            Field::Copay,
            Field::DeductibleLeft,
            Field::OopMax,
            Field::SavingsPerTreatment,
            Field::SavingsCap,
            Field::TaxRate,
        ]);
        for k in ExtraKind::ALL {
            v.push(Field::Extra(k));
            if k == ExtraKind::Integration {
                v.push(Field::IntegrationSessions);
            }
        }
        v
    }
}

/// A parsed value ready to apply.
pub enum Parsed {
    /// A whole number.
    Count(u32),
    /// An amount.
    Money(Cents),
    /// A percentage.
    Percent(Bps),
    /// Boosters a month.
    Rate(BoosterRate),
    /// Left empty where empty means "not known".
    Unknown,
}

/// Reads a field's text with the engine's parser for that field.
pub fn parse_field(f: Field, text: &str) -> Result<Parsed, ParseError> {
    let count = |max| parse::count(text, max).map(Parsed::Count);
    match f {
        Field::Sessions => count(limits::INDUCTION_SESSIONS),
        Field::BoostersPerMonth => parse::booster_rate(text).map(Parsed::Rate),
        Field::MaintenanceMonths => count(limits::MAINTENANCE_MONTHS),
        Field::IntegrationSessions => count(limits::INTEGRATION_SESSIONS),
        Field::Price(..) => parse::money(text, PriceBook::MAX_PRICE).map(Parsed::Money),
        Field::CoveredPercent | Field::TaxRate => parse::percent(text).map(Parsed::Percent),
        // An unknown out-of-pocket limit is a real answer, not a mistake.
        Field::OopMax if text.trim().is_empty() => Ok(Parsed::Unknown),
        _ => parse::money(text, MAX_MONEY).map(Parsed::Money),
    }
}

/// A number as plain ASCII, as a number input accepts it ("225", "512.5").
pub fn cents_text(c: Cents) -> String {
    parse::hundredths_text(c.get())
}

/// A percentage as plain ASCII ("80", "12.5").
pub fn bps_text(b: Bps) -> String {
    cents_text(Cents(u64::from(b.get())))
}
