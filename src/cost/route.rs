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

    /// Calendar months the starting course spans, for the per-month figure: 6 clinic sessions
    /// fit in about a month; at-home courses run 4–6 weeks and esketamine's runs 8 weeks.
    pub const fn induction_months(self) -> u32 {
        match self {
            Route::Iv | Route::Im => 1,
            Route::Esketamine | Route::Oral => 2,
        }
    }

    /// Default boosters per month once maintenance is switched on: monthly for IV and IM
    /// (clinics report every 2 to 12 weeks), weekly (about 4 a month) for esketamine and
    /// at-home treatment. Labelled as assumptions in the content.
    pub const fn default_boosters_per_month(self) -> u32 {
        match self {
            Route::Iv | Route::Im => 1,
            Route::Esketamine | Route::Oral => 4,
        }
    }
}

crate::json_named!(Route);
