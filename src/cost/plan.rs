//! What a person plans: the route, how many sessions, boosters, insurance and the extras.
//!
//! Plain data, written to and read from session storage as JSON (each type's reading and
//! writing is declared with it). Every default here is explained in `content/en/cost.toml`
//! (`[[assumptions]]` and the route notes).

use super::money::{Bps, Cents};
use super::offer::Offer;
pub use super::route::{Route, RouteSet};
use crate::content::decode::{Decode, Fields, Json};
use crate::content::encode::{Encode, Obj};

/// Nasal spray devices per esketamine dose: 2 devices = 56 mg, 3 devices = 84 mg.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DevicesPerDose {
    /// 56 mg.
    #[default]
    Two,
    /// 84 mg.
    Three,
}

impl DevicesPerDose {
    /// 2 or 3.
    pub const fn count(self) -> u8 {
        match self {
            DevicesPerDose::Two => 2,
            DevicesPerDose::Three => 3,
        }
    }
}

impl From<DevicesPerDose> for u8 {
    fn from(d: DevicesPerDose) -> u8 {
        d.count()
    }
}

impl TryFrom<u8> for DevicesPerDose {
    type Error = &'static str;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        match n {
            2 => Ok(DevicesPerDose::Two),
            3 => Ok(DevicesPerDose::Three),
            _ => Err("devices per dose must be 2 or 3"),
        }
    }
}

/// Written as its count, 2 or 3.
impl Encode for DevicesPerDose {
    fn encode(&self, out: &mut String) {
        self.count().encode(out);
    }
}

impl Decode for DevicesPerDose {
    fn decode(v: &Json) -> Result<Self, String> {
        DevicesPerDose::try_from(u8::decode(v)?).map_err(|e| {
            let mut out = String::from(": ");
            out.push_str(e);
            out
        })
    }
}

/// Largest values the input fields accept (the parser reports anything above).
pub mod limits {
    /// Starting-course sessions.
    pub const INDUCTION_SESSIONS: u32 = 100;
    /// Boosters in one month (daily at most).
    pub const BOOSTERS_PER_MONTH: u32 = 31;
    /// Months of maintenance (ten years).
    pub const MAINTENANCE_MONTHS: u32 = 120;
    /// Integration therapy sessions.
    pub const INTEGRATION_SESSIONS: u32 = 200;
}

/// Boosters a month, in hundredths of a booster (1.5 a month is 150). Clinics give boosters
/// every so many weeks, and weeks do not divide a month: one every 8 weeks is about 0.5 a
/// month. Stored as the decimal number it is (`1.5`; a whole rate as the whole number it was
/// before rates had decimals, so stored plans read and write the same).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct BoosterRate(u32);

impl BoosterRate {
    /// The highest rate accepted: one booster a day.
    pub const MAX: BoosterRate = BoosterRate::whole(limits::BOOSTERS_PER_MONTH);

    /// A whole number of boosters a month.
    pub const fn whole(n: u32) -> BoosterRate {
        BoosterRate(n.saturating_mul(100))
    }

    /// A rate in hundredths, if it is within [`BoosterRate::MAX`].
    pub const fn from_hundredths(h: u32) -> Option<BoosterRate> {
        if h <= BoosterRate::MAX.0 {
            Some(BoosterRate(h))
        } else {
            None
        }
    }

    /// The rate in hundredths of a booster a month.
    pub const fn hundredths(self) -> u32 {
        self.0
    }

    /// One booster every `weeks` weeks, as boosters a month to one decimal place: a year has
    /// 52 weeks and 12 months, so a month has 52 ÷ 12 ≈ 4.33 weeks, and the rate is
    /// 4.33 ÷ `weeks`, rounded to the nearest tenth (halves up). Weekly is 4.3 a month, every
    /// 2 weeks 2.2, every 4 weeks 1.1, every 8 weeks 0.5, every 12 weeks 0.4. Never below 0.1
    /// (one a year is still a booster); `weeks` of 0 counts as 1.
    pub const fn every_weeks(weeks: u32) -> BoosterRate {
        let w = if weeks == 0 { 1 } else { weeks } as u64;
        // Tenths of a booster a month: 520 ÷ (12 × w), rounded: (2 × 520 + 12w) ÷ (24w).
        let tenths = (1_040 + 12 * w) / (24 * w);
        let tenths = if tenths == 0 { 1 } else { tenths };
        BoosterRate(tenths as u32 * 10)
    }

    /// Boosters in `months` months at this rate, rounded to the nearest whole booster (halves
    /// up): 0.5 a month for 6 months is 3, 0.7 a month for 6 months is 4.
    pub const fn over(self, months: u32) -> u64 {
        (self.0 as u64 * months as u64 + 50) / 100
    }
}

impl Encode for BoosterRate {
    fn encode(&self, out: &mut String) {
        out.push_str(&super::parse::hundredths_text(u64::from(self.0)));
    }
}

impl Decode for BoosterRate {
    fn decode(v: &Json) -> Result<Self, String> {
        use crate::content::decode::expected;
        let Json::Num(text) = v else {
            return Err(expected("a number"));
        };
        super::parse::booster_rate(text).map_err(|_| expected("boosters a month, 0 to 31"))
    }
}

crate::json_struct! {
impl Decode, Encode;
/// Booster sessions after the starting course. Off by default, but the UI offers it
/// prominently: most people who improve relapse within weeks without it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Maintenance {
    /// Whether boosters are counted.
    pub enabled: bool,
    /// Boosters a month.
    pub per_month: BoosterRate,
    /// Number of months.
    pub months: u32,
}
}

impl Maintenance {
    /// Boosters counted in the estimate (zero when switched off), see [`BoosterRate::over`].
    pub const fn sessions(&self) -> u64 {
        if self.enabled {
            self.per_month.over(self.months)
        } else {
            0
        }
    }
}

/// What the insurance plan pays once the deductible is met.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Coverage {
    /// No insurance, or this treatment is not covered: you pay the full price.
    #[default]
    None,
    /// The plan pays this share of each session after the deductible (coinsurance).
    Percent {
        /// Share the plan pays.
        covered: Bps,
    },
    /// You pay a fixed copay per session after the deductible (never more than the price).
    Copay {
        /// Your copay per session.
        per_session: Cents,
    },
}

/// `{"kind":"none"}`, `{"kind":"percent","covered":8000}` or `{"kind":"copay","per_session":2500}`.
impl Encode for Coverage {
    fn encode(&self, out: &mut String) {
        let obj = Obj::start(out);
        match self {
            Coverage::None => obj.field("kind", "none"),
            Coverage::Percent { covered } => obj.field("kind", "percent").field("covered", covered),
            Coverage::Copay { per_session } => {
                obj.field("kind", "copay").field("per_session", per_session)
            }
        }
        .end();
    }
}

impl Decode for Coverage {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        let coverage = match f.req::<String>("kind")?.as_str() {
            "none" => Coverage::None,
            "percent" => Coverage::Percent {
                covered: f.req("covered")?,
            },
            "copay" => Coverage::Copay {
                per_session: f.req("per_session")?,
            },
            _ => return Err(".kind: expected none, percent or copay".to_owned()),
        };
        f.finish()?;
        Ok(coverage)
    }
}

/// Who the insurer is. Matters for the esketamine savings programme, which is for commercial
/// insurance only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InsurerKind {
    /// Employer, marketplace or other private insurance.
    #[default]
    Commercial,
    /// Medicare (including Medicare Advantage and Part D).
    Medicare,
    /// Medicaid.
    Medicaid,
    /// TRICARE (US military).
    Tricare,
    /// Veterans Affairs.
    Va,
}

impl InsurerKind {
    /// Every kind, in the order a select lists them.
    pub const ALL: [InsurerKind; 5] = [
        InsurerKind::Commercial,
        InsurerKind::Medicare,
        InsurerKind::Medicaid,
        InsurerKind::Tricare,
        InsurerKind::Va,
    ];

    /// The stable id (stored plans).
    pub fn id(self) -> &'static str {
        match self {
            InsurerKind::Commercial => "commercial",
            InsurerKind::Medicare => "medicare",
            InsurerKind::Medicaid => "medicaid",
            InsurerKind::Tricare => "tricare",
            InsurerKind::Va => "va",
        }
    }
}

crate::json_named!(InsurerKind: Default);

crate::json_struct! {
impl Decode, Encode;
/// Insurance as the person describes it. Deductible and out-of-pocket maximum are what is
/// *left* this plan year; the estimate treats the whole plan as one plan year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Insurance {
    /// What the plan pays after the deductible.
    pub coverage: Coverage,
    /// Commercial or a government programme.
    pub insurer: InsurerKind,
    /// Deductible still to pay before the plan pays anything.
    pub deductible_left: Cents,
    /// Out-of-pocket maximum still left this year; `None` when unknown or none.
    pub oop_max: Option<Cents>,
    /// The treatments this insurance pays for, as the person ticked them; `None` until they
    /// do, meaning only the treatment being estimated. Insurers often pay for one route and not
    /// another, so one share is never applied to every route.
    pub covers: Option<RouteSet> = None,
}
}

impl Insurance {
    /// Whether this insurance counts for `route` in a plan estimating `chosen`.
    pub fn counts_for(&self, route: Route, chosen: Route) -> bool {
        self.coverage != Coverage::None
            && match self.covers {
                None => route == chosen,
                Some(set) => set.contains(route),
            }
    }

    /// The treatments it counts for, in a plan estimating `chosen`.
    pub fn covered_routes(&self, chosen: Route) -> RouteSet {
        Route::ALL
            .into_iter()
            .filter(|r| self.counts_for(*r, chosen))
            .fold(RouteSet::EMPTY, |set, r| set.with(r, true))
    }
}

crate::json_struct! {
impl Decode, Encode;
/// The esketamine manufacturer's savings programme (commercial insurance only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Savings {
    /// Whether the person wants it counted (applied only when eligible).
    pub enabled: bool,
    /// What you still pay for the medicine per treatment ($10 advertised).
    pub per_treatment: Cents,
    /// The programme's yearly maximum benefit (an editable assumption; the default is the
    /// $7,150 the maker's savings pages state, year of the terms not shown).
    pub annual_cap: Cents,
}
}

impl Default for Savings {
    fn default() -> Self {
        Savings {
            enabled: false,
            per_treatment: Cents::dollars(10),
            annual_cap: Cents::dollars(7_150),
        }
    }
}

/// Whether the savings programme can apply to a plan, and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavingsEligibility {
    /// Esketamine with commercial insurance.
    Eligible,
    /// The programme is for esketamine only.
    NotEsketamine,
    /// The programme needs commercial insurance that covers the treatment.
    NoInsurance,
    /// Never for Medicare, Medicaid, TRICARE or VA.
    GovernmentInsurance(InsurerKind),
}

impl SavingsEligibility {
    /// The `[ui.errors]` key explaining why not, or `None` when eligible.
    pub const fn message_key(self) -> Option<&'static str> {
        match self {
            SavingsEligibility::Eligible => None,
            SavingsEligibility::NotEsketamine => Some("savings_not_esketamine"),
            SavingsEligibility::NoInsurance => Some("savings_no_insurance"),
            SavingsEligibility::GovernmentInsurance(_) => Some("savings_government"),
        }
    }
}

crate::json_struct! {
impl Decode, Encode;
/// Paying with pre-tax money from a health savings or flexible spending account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hsa {
    /// Whether to show the saving.
    pub enabled: bool,
    /// The person's marginal tax rate (federal plus state), an editable assumption.
    pub tax_rate: Bps,
}
}

impl Default for Hsa {
    fn default() -> Self {
        Hsa {
            enabled: false,
            tax_rate: Bps::new(2_200).unwrap_or(Bps::ZERO),
        }
    }
}

crate::json_struct! {
impl Decode, Encode;
/// One optional cost: counted only when enabled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extra {
    /// Whether it is counted.
    pub enabled: bool,
    /// The amount (once, or per session, depending on the extra).
    pub amount: Cents,
}
}

impl Extra {
    const fn off(dollars: u64) -> Extra {
        Extra {
            enabled: false,
            amount: Cents::dollars(dollars),
        }
    }
}

crate::json_struct! {
impl Decode, Encode;
/// Costs people forget. All off by default; default amounts are labelled assumptions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extras {
    /// First medical and psychiatric evaluation (once).
    pub evaluation: Extra,
    /// Integration therapy: price per session.
    pub integration: Extra,
    /// Integration therapy: number of sessions.
    pub integration_sessions: u32,
    /// Blood-pressure cuff for at-home treatment (once; at-home route only).
    pub bp_cuff: Extra,
    /// Travel per clinic visit (clinic routes only).
    pub travel: Extra,
    /// A paid driver or ride home per clinic visit: no driving for up to 24 h (clinic routes).
    pub driver: Extra,
    /// Pay lost for time off work, per session.
    pub time_off: Extra,
}
}

impl Default for Extras {
    fn default() -> Self {
        Extras {
            evaluation: Extra::off(250),
            integration: Extra::off(150),
            integration_sessions: 3,
            bp_cuff: Extra::off(40),
            travel: Extra::off(20),
            driver: Extra::off(30),
            time_off: Extra::off(120),
        }
    }
}

crate::json_struct! {
impl Decode, Encode;
/// A whole plan: the input of [`crate::cost::estimate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    /// How ketamine is given.
    pub route: Route,
    /// Sessions (treatments) in the starting course.
    pub induction_sessions: u32,
    /// Boosters after the starting course.
    pub maintenance: Maintenance,
    /// Insurance, if any.
    pub insurance: Insurance,
    /// Esketamine manufacturer savings.
    pub savings: Savings,
    /// HSA/FSA pre-tax payment.
    pub hsa: Hsa,
    /// Extra costs.
    pub extras: Extras,
}
}

impl Plan {
    /// The default plan for a route: its usual course, maintenance off, no insurance, no extras.
    pub fn for_route(route: Route) -> Plan {
        Plan {
            route,
            induction_sessions: route.default_induction_sessions(),
            maintenance: Maintenance {
                enabled: false,
                per_month: route.default_boosters_per_month(),
                months: 6,
            },
            insurance: Insurance::default(),
            savings: Savings::default(),
            hsa: Hsa::default(),
            extras: Extras::default(),
        }
    }

    /// Changes the route. Session counts still at the old route's defaults follow the new
    /// route's defaults; numbers the person typed are kept.
    pub fn switch_route(&mut self, to: Route) {
        self.switch_route_with(to, &Offer::ALL);
    }

    /// [`Plan::switch_route`] with a clinic's defaults (its course for its own treatments).
    pub fn switch_route_with(&mut self, to: Route, offer: &Offer) {
        let from = self.route;
        if self.induction_sessions == offer.induction_sessions(from) {
            self.induction_sessions = offer.induction_sessions(to);
        }
        if self.maintenance.per_month == offer.boosters_per_month(from) {
            self.maintenance.per_month = offer.boosters_per_month(to);
        }
        self.route = to;
    }

    /// The same plan on another route (see [`Plan::switch_route`]).
    pub fn on_route(&self, to: Route) -> Plan {
        self.on_route_with(to, &Offer::ALL)
    }

    /// The same plan on another route, with a clinic's defaults.
    pub fn on_route_with(&self, to: Route, offer: &Offer) -> Plan {
        let mut p = *self;
        p.switch_route_with(to, offer);
        p
    }

    /// Whether the esketamine savings programme could apply to this plan.
    pub fn savings_eligibility(&self) -> SavingsEligibility {
        if self.route != Route::Esketamine {
            SavingsEligibility::NotEsketamine
        } else if !self.insured() {
            SavingsEligibility::NoInsurance
        } else if self.insurance.insurer != InsurerKind::Commercial {
            SavingsEligibility::GovernmentInsurance(self.insurance.insurer)
        } else {
            SavingsEligibility::Eligible
        }
    }

    /// Whether the insurance entered counts for this plan's route.
    pub fn insured(&self) -> bool {
        self.insurance.counts_for(self.route, self.route)
    }

    /// The plan as it is paid: without the insurance when it does not cover this route.
    pub fn as_paid(&self) -> Plan {
        let mut p = *self;
        if !p.insured() {
            p.insurance.coverage = Coverage::None;
        }
        p
    }

    /// All sessions counted: starting course plus boosters.
    pub fn total_sessions(&self) -> u64 {
        u64::from(self.induction_sessions).saturating_add(self.maintenance.sessions())
    }

    /// Calendar months the starting course spans (see [`Route::course_months`]).
    pub fn course_months(&self) -> u32 {
        self.route.course_months(self.induction_sessions)
    }

    /// Calendar months the plan spans (at least 1), for the per-month figure.
    pub fn months(&self) -> u32 {
        let m = if self.maintenance.enabled {
            self.maintenance.months
        } else {
            0
        };
        self.course_months().saturating_add(m).max(1)
    }

    /// The first 12 months of this plan with boosters: the starting course, then boosters at
    /// the plan's rate for the rest of the year. Most people who improve need boosters, so the
    /// headline shows this beside the plan itself.
    pub fn first_year(&self) -> Plan {
        let mut p = *self;
        p.maintenance.enabled = true;
        p.maintenance.months = 12u32.saturating_sub(self.course_months());
        p
    }
}

impl Default for Plan {
    fn default() -> Self {
        Plan::for_route(Route::Iv)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_ids_round_trip() {
        for r in Route::ALL {
            assert_eq!(Route::from_id(r.id()), Some(r));
            let text = crate::content::encode::to_string(&r);
            assert_eq!(text, format!("\"{}\"", r.id()));
            assert_eq!(crate::content::decode::from_str(&text), Ok(r));
        }
        assert_eq!(Route::from_id("IV"), None);
    }

    #[test]
    fn switching_route_keeps_typed_numbers_and_follows_defaults() {
        let mut p = Plan::for_route(Route::Iv);
        p.switch_route(Route::Esketamine);
        assert_eq!(p.induction_sessions, 12);
        assert_eq!(p.maintenance.per_month, BoosterRate::whole(4));
        p.induction_sessions = 9;
        p.switch_route(Route::Oral);
        assert_eq!(p.induction_sessions, 9);
    }

    #[test]
    fn a_booster_rate_is_stored_as_the_decimal_it_is() {
        use crate::content::{decode::from_str, encode::to_string};
        for (rate, text) in [
            (BoosterRate::whole(4), "4"),
            (BoosterRate::every_weeks(8), "0.5"),
            (BoosterRate::from_hundredths(125).unwrap(), "1.25"),
        ] {
            assert_eq!(to_string(&rate), text);
            assert_eq!(from_str::<BoosterRate>(text), Ok(rate));
        }
        for bad in ["32", "0.125", "-1", "\"4\""] {
            assert!(from_str::<BoosterRate>(bad).is_err(), "{bad}");
        }
        let m = Maintenance {
            enabled: true,
            per_month: BoosterRate::every_weeks(6),
            months: 6,
        };
        assert_eq!(m.sessions(), 4, "0.7 a month for 6 months is 4.2 boosters");
    }

    #[test]
    fn devices_read_only_as_two_or_three() {
        let read = crate::content::decode::from_str::<DevicesPerDose>;
        assert_eq!(read("3"), Ok(DevicesPerDose::Three));
        assert_eq!(read("2"), Ok(DevicesPerDose::Two));
        assert_eq!(read("4"), Err("devices per dose must be 2 or 3".to_owned()));
        assert_eq!(
            crate::content::encode::to_string(&DevicesPerDose::Three),
            "3"
        );
    }

    #[test]
    fn coverage_is_stored_by_kind() {
        use crate::content::{decode::from_str, encode::to_string};
        let copay = Coverage::Copay {
            per_session: Cents(2_550),
        };
        assert_eq!(to_string(&copay), r#"{"kind":"copay","per_session":2550}"#);
        assert_eq!(to_string(&Coverage::None), r#"{"kind":"none"}"#);
        for coverage in [
            Coverage::None,
            copay,
            Coverage::Percent { covered: Bps::FULL },
        ] {
            assert_eq!(from_str(&to_string(&coverage)), Ok(coverage));
        }
        for (text, problem) in [
            (r#"{"kind":"percent"}"#, "missing field `covered`"),
            (
                r#"{"kind":"percent","covered":10001}"#,
                "covered: percentage above 100%",
            ),
            (
                r#"{"kind":"none","covered":1}"#,
                "unknown or repeated member `covered`",
            ),
            (r#"{"kind":"all"}"#, "kind: expected none, percent or copay"),
            (r#"{"covered":1}"#, "missing field `kind`"),
        ] {
            assert_eq!(
                from_str::<Coverage>(text),
                Err(problem.to_owned()),
                "{text}"
            );
        }
    }
}
