//! The four ways ketamine is given, and the course defaults that belong to each.

/// How ketamine is given. The ids (`iv`, `im`, `esketamine`, `oral`) are a public contract:
/// clinic price books and stored plans use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Route {
    /// Intravenous infusion in a clinic.
    Iv,
    /// Intramuscular injection in a clinic.
    Im,
    /// Esketamine (Spravato) nasal spray, taken in a certified clinic under observation.
    Esketamine,
    /// Oral or sublingual ketamine at home, prescribed by telehealth.
    Oral,
}

impl Route {
    /// Every route, in the order the UI lists and charts them.
    pub const ALL: [Route; 4] = [Route::Iv, Route::Im, Route::Esketamine, Route::Oral];

    /// The stable id, e.g. `"esketamine"`.
    pub const fn id(self) -> &'static str {
        match self {
            Route::Iv => "iv",
            Route::Im => "im",
            Route::Esketamine => "esketamine",
            Route::Oral => "oral",
        }
    }

    /// The route for an id; `None` for anything else.
    pub fn from_id(id: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|r| r.id() == id)
    }

    /// Taken at home: no travel or driver per session, but a blood-pressure cuff is needed.
    pub const fn at_home(self) -> bool {
        matches!(self, Route::Oral)
    }

    /// Starting-course sessions: 6 for IV, IM and oral (a common prepaid package and a usual
    /// at-home course); 12 for esketamine (twice weekly in weeks 1–4, weekly in weeks 5–8).
    pub const fn default_induction_sessions(self) -> u32 {
        match self {
            Route::Esketamine => 12,
            _ => 6,
        }
    }

    /// Sessions a starting course usually fits into one month, for its length in months: about
    /// 6 for IV and IM (2 or 3 a week), 6 for esketamine (12 doses over 8 weeks on the label's
    /// schedule) and 3 at home (6 treatments over 4 to 6 weeks).
    pub const fn course_sessions_per_month(self) -> u32 {
        match self {
            Route::Iv | Route::Im | Route::Esketamine => 6,
            Route::Oral => 3,
        }
    }

    /// Calendar months a starting course of `sessions` spans, rounded up (none for no
    /// sessions), so the per-month figure follows the number of sessions.
    pub const fn course_months(self, sessions: u32) -> u32 {
        sessions.div_ceil(self.course_sessions_per_month())
    }

    /// Default boosters per month once maintenance is switched on: monthly for IV and IM
    /// (clinics report every 2 to 12 weeks), weekly (about 4 a month) for esketamine and
    /// at-home treatment. Labelled as assumptions in the content.
    pub const fn default_boosters_per_month(self) -> super::plan::BoosterRate {
        super::plan::BoosterRate::whole(match self {
            Route::Iv | Route::Im => 1,
            Route::Esketamine | Route::Oral => 4,
        })
    }
}

/// Some of the four routes: the treatments an insurance plan pays for. Stored as the list of
/// their ids, in [`Route::ALL`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RouteSet(u8);

impl RouteSet {
    /// No route.
    pub const EMPTY: RouteSet = RouteSet(0);

    const fn bit(r: Route) -> u8 {
        1 << r as u8
    }

    /// Just this route.
    pub const fn of(r: Route) -> RouteSet {
        RouteSet(Self::bit(r))
    }

    /// Whether the set holds this route.
    pub const fn contains(self, r: Route) -> bool {
        self.0 & Self::bit(r) != 0
    }

    /// The set with this route added (`on`) or taken out.
    pub const fn with(self, r: Route, on: bool) -> RouteSet {
        if on {
            RouteSet(self.0 | Self::bit(r))
        } else {
            RouteSet(self.0 & !Self::bit(r))
        }
    }

    /// The routes in the set, in [`Route::ALL`] order.
    pub fn routes(self) -> Vec<Route> {
        Route::ALL
            .into_iter()
            .filter(|r| self.contains(*r))
            .collect()
    }
}

impl From<Vec<Route>> for RouteSet {
    fn from(routes: Vec<Route>) -> RouteSet {
        routes
            .into_iter()
            .fold(RouteSet::EMPTY, |set, r| set.with(r, true))
    }
}

impl From<RouteSet> for Vec<Route> {
    fn from(set: RouteSet) -> Vec<Route> {
        set.routes()
    }
}

impl crate::content::decode::Decode for RouteSet {
    fn decode(v: &crate::content::json::Json) -> Result<Self, String> {
        <Vec<Route> as crate::content::decode::Decode>::decode(v).map(RouteSet::from)
    }
}

impl crate::content::encode::Encode for RouteSet {
    fn encode(&self, out: &mut String) {
        crate::content::encode::Encode::encode(&self.routes(), out);
    }
}

crate::json_named!(Route);
