//! `estimate(&Plan, &PriceBook) -> Estimate`: what a plan costs at low, typical and high
//! prices, with every step of the arithmetic. Each level is computed the same way from its own
//! prices, and what you pay never falls when a price rises, so `low ≤ typical ≤ high` holds
//! for every total.

use super::calc::{CalcKey, CalcLine, Unit, Value};
use super::insurance::{Account, PhaseSplit, SavingsState};
use super::money::{Cents, Level, Range};
use super::offer::Offer;
use super::plan::{Coverage, Plan, Route, SavingsEligibility};
use super::price_book::PriceBook;

/// One phase of treatment at one price level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PhaseCost {
    /// Sessions in the phase.
    pub sessions: u64,
    /// Price × sessions, before insurance.
    pub before_insurance: Cents,
    /// What you pay for the phase (after insurance and savings). Phases share one deductible
    /// and one out-of-pocket maximum, used up in order.
    pub you_pay: Cents,
}

/// Everything about one price level (low, typical or high).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// Which level.
    pub level: Level,
    /// Price of one session or treatment at this level.
    pub session_price: Cents,
    /// Starting course.
    pub induction: PhaseCost,
    /// Boosters (zero sessions when maintenance is off).
    pub maintenance: PhaseCost,
    /// Extras (never covered by insurance in this model).
    pub extras: Cents,
    /// Paid by the insurance plan.
    pub insurance_pays: Cents,
    /// Taken off by the esketamine savings programme.
    pub savings: Cents,
    /// Total you pay: treatment after insurance and savings, plus extras.
    pub total: Cents,
    /// The part of the total that an HSA/FSA can usually pay (treatment and medical extras;
    /// not travel, a driver or lost pay). Zero when HSA is off.
    pub hsa_eligible: Cents,
    /// Tax saved by paying `hsa_eligible` pre-tax.
    pub hsa_saving: Cents,
    /// Total minus the HSA saving: what it costs you in effect.
    pub after_hsa: Cents,
    /// Total ÷ months of the plan.
    pub per_month: Cents,
    /// The arithmetic, step by step.
    pub lines: Vec<CalcLine>,
}

/// Low, typical and high figures for a plan, with the arithmetic behind each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// The plan's route.
    pub route: Route,
    /// Months the plan spans (for the per-month figure).
    pub months: u32,
    /// Total you pay (the headline; `data-low-cents` etc.).
    pub total: Range,
    /// Starting course, what you pay. With insurance this phase split need not be ordered
    /// (at higher prices the deductible is used up sooner); the totals always are.
    pub induction: Range,
    /// Boosters, what you pay (same caveat as `induction`).
    pub maintenance: Range,
    /// Extras.
    pub extras: Range,
    /// Treatment cost before insurance (starting course + boosters).
    pub before_insurance: Range,
    /// Paid by insurance.
    pub insurance_pays: Range,
    /// Taken off by the savings programme.
    pub savings: Range,
    /// Tax saved through an HSA/FSA.
    pub hsa_saving: Range,
    /// Total after the HSA saving.
    pub after_hsa: Range,
    /// Average per month.
    pub per_month: Range,
    /// Whether the savings programme could apply (the UI explains why not).
    pub savings_eligibility: SavingsEligibility,
    /// The plan runs past 12 months, but deductible, out-of-pocket maximum and savings cap
    /// are counted once: the real cost will be higher.
    pub longer_than_a_year: bool,
    /// Per level, in the order low, typical, high.
    pub scenarios: [Scenario; 3],
    /// Steps that are the same at every level (the savings programme asked for but not
    /// counted), said once rather than in each scenario.
    pub notes: Vec<CalcLine>,
}

impl Estimate {
    /// The scenario for one level.
    pub fn scenario(&self, level: Level) -> &Scenario {
        &self.scenarios[level as usize]
    }
}

/// One route's total for the same plan shape, for the comparison chart and table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteTotal {
    /// The route.
    pub route: Route,
    /// Sessions counted (starting course plus boosters).
    pub sessions: u64,
    /// Total you pay.
    pub total: Range,
    /// The insurance entered counts for this route.
    pub insured: bool,
}

/// Estimates a plan at the prices of a price book. Insurance counts only when it covers the
/// plan's route (see [`Plan::as_paid`]).
pub fn estimate(plan: &Plan, book: &PriceBook) -> Estimate {
    let plan = &plan.as_paid();
    let scenarios = Level::ALL.map(|level| scenario(plan, book, level));
    let range = |f: fn(&Scenario) -> Cents| Range {
        low: f(&scenarios[0]),
        typical: f(&scenarios[1]),
        high: f(&scenarios[2]),
    };
    Estimate {
        route: plan.route,
        months: plan.months(),
        total: range(|s| s.total),
        induction: range(|s| s.induction.you_pay),
        maintenance: range(|s| s.maintenance.you_pay),
        extras: range(|s| s.extras),
        before_insurance: range(|s| {
            s.induction
                .before_insurance
                .add(s.maintenance.before_insurance)
        }),
        insurance_pays: range(|s| s.insurance_pays),
        savings: range(|s| s.savings),
        hsa_saving: range(|s| s.hsa_saving),
        after_hsa: range(|s| s.after_hsa),
        per_month: range(|s| s.per_month),
        savings_eligibility: plan.savings_eligibility(),
        longer_than_a_year: plan.months() > 12,
        scenarios,
        notes: (plan.savings.enabled && plan.savings_eligibility() != SavingsEligibility::Eligible)
            .then(|| CalcLine::new(CalcKey::SavingsNotApplied, &[]))
            .into_iter()
            .collect(),
    }
}

/// The four routes for the same plan shape: extras and maintenance as entered, insurance only
/// on the routes it covers; session counts follow each route's defaults unless the person
/// changed them (see [`Plan::on_route`]).
pub fn compare_routes(plan: &Plan, book: &PriceBook) -> [RouteTotal; 4] {
    compare_routes_for(plan, book, &Offer::ALL)
}

/// [`compare_routes`] on a clinic's page: its treatments first, in its order, with its course
/// as their default; then the others, with theirs.
pub fn compare_routes_for(plan: &Plan, book: &PriceBook, offer: &Offer) -> [RouteTotal; 4] {
    let mut shape = *plan;
    // Coverage that follows the chosen route stays with that route in the comparison.
    shape.insurance.covers = Some(plan.insurance.covered_routes(plan.route));
    offer.comparison_order().map(|route| {
        let p = if route == plan.route {
            shape
        } else {
            shape.on_route_with(route, offer)
        };
        RouteTotal {
            route,
            sessions: p.total_sessions(),
            total: estimate(&p, book).total,
            insured: p.insured(),
        }
    })
}

/// The largest high total among routes: the chart's full scale.
pub fn chart_max(rows: &[RouteTotal]) -> Cents {
    rows.iter()
        .map(|r| r.total.high)
        .max()
        .unwrap_or(Cents::ZERO)
}

fn money(c: Cents) -> Value {
    Value::Money(c)
}

fn session_count(n: u64) -> Value {
    Value::Quantity(n, Unit::Session)
}

fn scenario(plan: &Plan, book: &PriceBook, level: Level) -> Scenario {
    let route = plan.route;
    let price = book.session_price(route).at(level);
    let mut lines = Vec::new();
    if route == Route::Esketamine {
        let e = &book.esketamine;
        let devices = u64::from(e.devices_per_dose.count());
        let values = [
            Value::Count(devices),
            money(e.device.at(level)),
            money(e.observation.at(level)),
            money(price),
        ];
        lines.push(CalcLine::new(CalcKey::EsketaminePrice, &values));
    }

    let n_ind = u64::from(plan.induction_sessions);
    let n_mnt = plan.maintenance.sessions();
    let mut account = Account::new(&plan.insurance);
    let eligible = plan.savings_eligibility() == SavingsEligibility::Eligible;
    let mut savings = (plan.savings.enabled && eligible).then(|| SavingsState {
        medicine: book.medicine_price(route).at(level),
        observation: book.esketamine.observation.at(level),
        per_treatment: plan.savings.per_treatment,
        cap_left: plan.savings.annual_cap,
    });
    let ind = account.pay(n_ind, price, savings.as_mut());
    lines.push(CalcLine::new(
        CalcKey::Induction,
        &[session_count(n_ind), money(price), money(ind.list)],
    ));
    let mnt = account.pay(n_mnt, price, savings.as_mut());
    if plan.maintenance.enabled {
        let m = &plan.maintenance;
        let values = [
            Value::Decimal(m.per_month.hundredths().into()),
            Value::Quantity(u64::from(m.months), Unit::Month),
            session_count(n_mnt),
            money(price),
            money(mnt.list),
        ];
        lines.push(CalcLine::new(CalcKey::Maintenance, &values));
    }
    insurance_lines(plan, &ind, &mnt, &mut lines);

    let treatment_pay = ind.you_pay.add(mnt.you_pay);
    let (extras, medical_extras) = extras(plan, n_ind.saturating_add(n_mnt), &mut lines);
    let total = treatment_pay.add(extras);
    lines.push(CalcLine::new(CalcKey::Total, &[money(total)]));

    let (hsa_eligible, hsa_saving) = if plan.hsa.enabled {
        let eligible = treatment_pay.add(medical_extras);
        let saving = eligible.share(plan.hsa.tax_rate);
        let values = [
            money(eligible),
            Value::Percent(plan.hsa.tax_rate),
            money(saving),
            money(total.sub(saving)),
        ];
        lines.push(CalcLine::new(CalcKey::Hsa, &values));
        (eligible, saving)
    } else {
        (Cents::ZERO, Cents::ZERO)
    };
    let months = plan.months();
    let per_month = total.div_round(u64::from(months));
    lines.push(CalcLine::new(
        CalcKey::PerMonth,
        &[
            money(total),
            Value::Quantity(u64::from(months), Unit::Month),
            money(per_month),
        ],
    ));

    let phase = |n, s: &PhaseSplit| PhaseCost {
        sessions: n,
        before_insurance: s.list,
        you_pay: s.you_pay,
    };
    Scenario {
        level,
        session_price: price,
        induction: phase(n_ind, &ind),
        maintenance: phase(n_mnt, &mnt),
        extras,
        insurance_pays: insurance_paid(&ind, &mnt),
        savings: ind.savings.add(mnt.savings),
        total,
        hsa_eligible,
        hsa_saving,
        after_hsa: total.sub(hsa_saving),
        per_month,
        lines,
    }
}

/// What the plan pays: everything except your deductible and share, plus whatever the
/// out-of-pocket maximum took off you. (The savings programme's part is counted separately.)
fn insurance_paid(ind: &PhaseSplit, mnt: &PhaseSplit) -> Cents {
    let list = ind.list.add(mnt.list);
    let yours = ind
        .deductible
        .add(mnt.deductible)
        .add(ind.share)
        .add(mnt.share);
    list.sub(yours).add(cap_relief(ind, mnt))
}

/// What the out-of-pocket maximum moved from you to the plan.
fn cap_relief(ind: &PhaseSplit, mnt: &PhaseSplit) -> Cents {
    ind.before_cap
        .sub(ind.you_pay)
        .add(mnt.before_cap.sub(mnt.you_pay))
}

fn insurance_lines(plan: &Plan, ind: &PhaseSplit, mnt: &PhaseSplit, lines: &mut Vec<CalcLine>) {
    let ins = &plan.insurance;
    let list = ind.list.add(mnt.list);
    if ins.coverage == Coverage::None {
        lines.push(CalcLine::new(CalcKey::NoInsurance, &[money(list)]));
        return;
    }
    let deductible = ind.deductible.add(mnt.deductible);
    if deductible > Cents::ZERO {
        lines.push(CalcLine::new(CalcKey::Deductible, &[money(deductible)]));
    }
    let rest = ind.after_deductible.add(mnt.after_deductible);
    let share = ind.share.add(mnt.share);
    match ins.coverage {
        Coverage::None => {}
        Coverage::Percent { covered } => {
            lines.push(CalcLine::new(
                CalcKey::Coinsurance,
                &[Value::Percent(covered), money(rest), money(share)],
            ));
        }
        Coverage::Copay { per_session } => {
            let n = ind.copay_sessions.saturating_add(mnt.copay_sessions);
            lines.push(CalcLine::new(
                CalcKey::Copay,
                &[session_count(n), money(per_session), money(share)],
            ));
        }
    }
    let saving = ind.savings.add(mnt.savings);
    if saving > Cents::ZERO {
        let values = [
            money(plan.savings.per_treatment),
            money(plan.savings.annual_cap),
            money(saving),
        ];
        lines.push(CalcLine::new(CalcKey::Savings, &values));
    }
    if let (true, Some(max)) = (ind.capped || mnt.capped, ins.oop_max) {
        let before = ind.before_cap.add(mnt.before_cap);
        let after = ind.you_pay.add(mnt.you_pay);
        lines.push(CalcLine::new(
            CalcKey::OopCap,
            &[money(max), money(before), money(after)],
        ));
    }
    lines.push(CalcLine::new(
        CalcKey::InsurancePays,
        &[money(insurance_paid(ind, mnt))],
    ));
}

/// Adds the enabled extras; returns (all extras, the HSA-eligible medical ones).
fn extras(plan: &Plan, sessions: u64, lines: &mut Vec<CalcLine>) -> (Cents, Cents) {
    let x = &plan.extras;
    let clinic = !plan.route.at_home();
    let mut all = Cents::ZERO;
    let mut medical = Cents::ZERO;
    if x.evaluation.enabled {
        all = all.add(x.evaluation.amount);
        medical = medical.add(x.evaluation.amount);
        lines.push(CalcLine::new(
            CalcKey::Evaluation,
            &[money(x.evaluation.amount)],
        ));
    }
    if x.integration.enabled {
        let n = u64::from(x.integration_sessions);
        let t = x.integration.amount.times(n);
        all = all.add(t);
        medical = medical.add(t);
        lines.push(CalcLine::new(
            CalcKey::Integration,
            &[session_count(n), money(x.integration.amount), money(t)],
        ));
    }
    if x.bp_cuff.enabled && plan.route.at_home() {
        all = all.add(x.bp_cuff.amount);
        medical = medical.add(x.bp_cuff.amount);
        lines.push(CalcLine::new(CalcKey::BpCuff, &[money(x.bp_cuff.amount)]));
    }
    // Travel and a driver are paid per clinic visit, lost pay per session: the same number.
    let per_session = [
        (x.travel, CalcKey::Travel, clinic, Unit::Visit),
        (x.driver, CalcKey::Driver, clinic, Unit::Visit),
        (x.time_off, CalcKey::TimeOff, true, Unit::Session),
    ];
    for (extra, key, applies, unit) in per_session {
        if extra.enabled && applies {
            let t = extra.amount.times(sessions);
            all = all.add(t);
            lines.push(CalcLine::new(
                key,
                &[
                    Value::Quantity(sessions, unit),
                    money(extra.amount),
                    money(t),
                ],
            ));
        }
    }
    (all, medical)
}
