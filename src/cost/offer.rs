//! What a clinic offers: the treatments it gives, in its own order, and its usual first course
//! and time between boosters. The estimator offers only those treatments and starts from the
//! clinic's course for them; every other treatment keeps its published defaults (see
//! [`Route`]), and stays in the comparison so a person can see what else exists.

use super::plan::{BoosterRate, Plan};
use super::route::Route;

/// A clinic's treatments and course (an embed's `routes`, `course-sessions` and
/// `booster-weeks`). [`Offer::ALL`] is every treatment with the published defaults: the
/// standalone page, and an embed that sets none of these.
///
/// One number, because every app instance copies and compares it with its settings in the
/// first view's code: the treatments in the clinic's order in bits 0–11 (3 bits each, a
/// route's place in [`Route::ALL`] plus one; 0 ends the list), whether the clinic listed them
/// in bit 12, the first course's sessions in bits 13–19 and the weeks between boosters in
/// bits 20–25 (0 for none given).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offer(u32);

const ROUTE_BITS: u32 = 3;
const LISTED: u32 = 1 << 12;
const COURSE_SHIFT: u32 = 13;
const WEEKS_SHIFT: u32 = 20;
/// Every treatment in [`Route::ALL`] order: 1, 2, 3, 4.
const ALL_ORDER: u32 = 1 | 2 << 3 | 3 << 6 | 4 << 9;

impl Default for Offer {
    fn default() -> Self {
        Offer::ALL
    }
}

impl Offer {
    /// Every treatment, in [`Route::ALL`] order, with the published course defaults.
    pub const ALL: Offer = Offer(ALL_ORDER);

    /// A clinic's offer: `routes` in its order (repeats are dropped; none means every
    /// treatment, unlisted), its first course's sessions (1 to 100) and its weeks between
    /// boosters (1 to 52); other numbers count as none given.
    pub fn new(
        routes: &[Route],
        course_sessions: Option<u32>,
        booster_weeks: Option<u32>,
    ) -> Offer {
        let field = |n: Option<u32>, max: u32| n.filter(|n| (1..=max).contains(n)).unwrap_or(0);
        let mut offer = Offer(
            field(course_sessions, 100) << COURSE_SHIFT | field(booster_weeks, 52) << WEEKS_SHIFT,
        );
        if routes.is_empty() {
            offer.0 |= ALL_ORDER;
            return offer;
        }
        offer.0 |= LISTED;
        let mut n = 0;
        for &r in routes {
            if !offer.offers(r) {
                offer.0 |= (r as u32 + 1) << (n * ROUTE_BITS);
                n += 1;
            }
        }
        offer
    }

    /// The treatments offered, in the clinic's order (never empty).
    pub fn routes(&self) -> impl Iterator<Item = Route> {
        let mut rest = self.0 & (LISTED - 1);
        std::iter::from_fn(move || {
            let place = (rest & 7) as usize;
            rest >>= ROUTE_BITS;
            Route::ALL.get(place.checked_sub(1)?).copied()
        })
    }

    /// Whether the clinic offers this treatment.
    pub fn offers(&self, route: Route) -> bool {
        self.routes().any(|r| r == route)
    }

    /// Whether the clinic named its treatments (`routes`), so they are marked as its own.
    pub const fn listed(&self) -> bool {
        self.0 & LISTED != 0
    }

    /// The treatment the estimator opens on: the clinic's first.
    pub fn first(&self) -> Route {
        self.routes().next().unwrap_or(Route::Iv)
    }

    /// The clinic's first-course length, if it gave one.
    pub const fn course_sessions(&self) -> Option<u32> {
        match (self.0 >> COURSE_SHIFT) & 0x7f {
            0 => None,
            n => Some(n),
        }
    }

    /// The clinic's weeks between boosters, if it gave them.
    pub const fn booster_weeks(&self) -> Option<u32> {
        match (self.0 >> WEEKS_SHIFT) & 0x3f {
            0 => None,
            n => Some(n),
        }
    }

    /// Sessions of a first course of `route`: the clinic's, for a treatment it offers, else
    /// the published default.
    pub fn induction_sessions(&self, route: Route) -> u32 {
        match self.course_sessions() {
            Some(n) if self.offers(route) => n,
            _ => route.default_induction_sessions(),
        }
    }

    /// Boosters a month on `route`: the clinic's interval as a rate (see
    /// [`BoosterRate::every_weeks`]) for a treatment it offers, else the published default.
    pub fn boosters_per_month(&self, route: Route) -> BoosterRate {
        match self.booster_weeks() {
            Some(w) if self.offers(route) => BoosterRate::every_weeks(w),
            _ => route.default_boosters_per_month(),
        }
    }

    /// The plan the estimator starts from: the clinic's first treatment with its course.
    pub fn plan(&self) -> Plan {
        let route = self.first();
        let mut plan = Plan::for_route(route);
        plan.induction_sessions = self.induction_sessions(route);
        plan.maintenance.per_month = self.boosters_per_month(route);
        plan
    }

    /// The order of the comparison: the clinic's treatments first, in its order, then the
    /// others.
    pub fn comparison_order(&self) -> [Route; 4] {
        let mut order = [Route::Iv; 4];
        let others = Route::ALL.into_iter().filter(|r| !self.offers(*r));
        for (place, r) in order.iter_mut().zip(self.routes().chain(others)) {
            *place = r;
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_offer_is_every_treatment_with_the_published_course() {
        let all = Offer::new(&[], None, None);
        assert_eq!(all, Offer::ALL);
        assert_eq!(all.routes().collect::<Vec<_>>(), Route::ALL.to_vec());
        assert!(!all.listed());
        assert_eq!(all.plan(), Plan::default());
        for r in Route::ALL {
            assert_eq!(all.induction_sessions(r), r.default_induction_sessions());
            assert_eq!(all.boosters_per_month(r), r.default_boosters_per_month());
        }
    }

    #[test]
    fn a_clinic_offers_its_treatments_in_its_order_once_each() {
        let offer = Offer::new(&[Route::Im, Route::Iv, Route::Im], None, None);
        assert_eq!(offer.routes().collect::<Vec<_>>(), [Route::Im, Route::Iv]);
        assert!(offer.listed());
        assert!(!offer.offers(Route::Oral) && !offer.offers(Route::Esketamine));
        assert_eq!(offer.first(), Route::Im);
        assert_eq!(offer.plan().route, Route::Im);
        assert_eq!(
            offer.comparison_order(),
            [Route::Im, Route::Iv, Route::Esketamine, Route::Oral]
        );
    }

    #[test]
    fn every_list_of_treatments_reads_back_in_its_order() {
        // Every ordered choice of 1 to 4 different treatments.
        fn lists(prefix: Vec<Route>, out: &mut Vec<Vec<Route>>) {
            if !prefix.is_empty() {
                out.push(prefix.clone());
            }
            for r in Route::ALL.into_iter().filter(|r| !prefix.contains(r)) {
                let mut next = prefix.clone();
                next.push(r);
                lists(next, out);
            }
        }
        let mut all = Vec::new();
        lists(Vec::new(), &mut all);
        assert_eq!(all.len(), 4 + 12 + 24 + 24);
        for routes in all {
            let offer = Offer::new(&routes, Some(6), Some(4));
            assert_eq!(offer.routes().collect::<Vec<_>>(), routes);
            assert!(offer.listed());
            assert_eq!(offer.first(), routes[0]);
            assert!(Route::ALL
                .iter()
                .all(|r| offer.offers(*r) == routes.contains(r)));
            let order = offer.comparison_order();
            assert_eq!(&order[..routes.len()], &routes[..], "its own first");
            assert!(
                Route::ALL.iter().all(|r| order.contains(r)),
                "then the others"
            );
        }
    }

    #[test]
    fn the_clinic_course_is_the_default_for_its_own_treatments_only() {
        let offer = Offer::new(&[Route::Iv, Route::Esketamine], Some(8), Some(3));
        let plan = offer.plan();
        assert_eq!(plan.route, Route::Iv);
        assert_eq!(plan.induction_sessions, 8);
        assert_eq!(plan.maintenance.per_month, BoosterRate::every_weeks(3));
        assert!(
            !plan.maintenance.enabled,
            "boosters stay off until switched on"
        );
        assert_eq!(offer.induction_sessions(Route::Esketamine), 8);
        // Treatments the clinic does not give keep the published figures in the comparison.
        assert_eq!(offer.induction_sessions(Route::Oral), 6);
        assert_eq!(offer.induction_sessions(Route::Im), 6);
        assert_eq!(
            offer.boosters_per_month(Route::Oral),
            Route::Oral.default_boosters_per_month()
        );
        // Every treatment, with the clinic's course for all of them.
        let all = Offer::new(&[], Some(10), None);
        assert!(Route::ALL.iter().all(|&r| all.induction_sessions(r) == 10));
        assert_eq!(
            all.boosters_per_month(Route::Iv),
            Route::Iv.default_boosters_per_month()
        );
    }

    #[test]
    fn weeks_between_boosters_become_boosters_a_month() {
        // 52 weeks ÷ 12 months ≈ 4.33 weeks a month, divided by the interval, to a tenth.
        for (weeks, hundredths) in [
            (1, 430),
            (2, 220),
            (3, 140),
            (4, 110),
            (6, 70),
            (8, 50),
            (12, 40),
            (26, 20),
            (52, 10),
            (0, 430),
        ] {
            assert_eq!(
                BoosterRate::every_weeks(weeks).hundredths(),
                hundredths,
                "every {weeks} weeks"
            );
        }
        // Over the default 6 months of boosters, the count is close to the weeks' own count:
        // 26 weeks ÷ 8 = 3.25 boosters, counted as 3.
        for (weeks, six_months) in [(1, 26), (2, 13), (4, 7), (8, 3), (12, 2)] {
            assert_eq!(
                BoosterRate::every_weeks(weeks).over(6),
                six_months,
                "every {weeks} weeks"
            );
        }
    }

    #[test]
    fn switching_treatment_follows_the_clinic_course_and_keeps_typed_numbers() {
        let offer = Offer::new(&[Route::Iv, Route::Esketamine], Some(8), Some(2));
        let mut plan = offer.plan();
        plan.switch_route_with(Route::Esketamine, &offer);
        assert_eq!(plan.induction_sessions, 8, "the clinic's course on both");
        // A treatment it does not offer (the comparison's rows) has its own defaults.
        let oral = plan.on_route_with(Route::Oral, &offer);
        assert_eq!(oral.induction_sessions, 6);
        assert_eq!(oral.maintenance.per_month, BoosterRate::whole(4));
        plan.induction_sessions = 5;
        plan.switch_route_with(Route::Iv, &offer);
        assert_eq!(plan.induction_sessions, 5, "a typed number stays");
    }
}
