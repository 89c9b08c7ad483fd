//! Myth-versus-evidence explorer engine (pure: no browser types).
//!
//! Content (`content/<locale>/myths.toml`) → [`MythsContent`] → [`query()`] / [`explorer_view`]
//! → the Yew view. The UI calls [`explorer_view`] with the current [`Query`] and renders what
//! it gets; it decides nothing (no filtering, counting, wording or chart scaling) itself.
//!
//! Ordering: results are always in content order (see [`query()`]).

pub mod fold;
pub mod link;
pub mod model;
pub mod query;
pub mod search;
pub mod strings;
pub mod validate;
pub mod view;

pub use fold::fold;
pub use link::{
    claim_fragment, options_fragment, parse_fragment, parse_item, routes_fragment, MythsLink,
};
pub use model::{
    Bar, Chart, ChartKind, Claim, KeyNumber, MythsContent, MythsText, RouteRow, RoutesTable,
    Strength, StrengthInfo, Topic, Verdict, VerdictInfo,
};
pub use query::{claim_by_id, filter_counts, query, FilterCounts, Query};
pub use search::{Matcher, SearchHelp, Synonym};
pub use validate::{validate, Problem};
pub use view::{
    bar_value_text, chart_alt, chart_geometry, explorer_view, results_count_text, routes_view,
    ChartGeometry, Chip, ExplorerView, RouteLine, RoutesView,
};
