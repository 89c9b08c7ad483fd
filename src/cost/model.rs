//! The typed shape of `content/<locale>/cost.toml`, and the helpers that turn engine results
//! (calculation lines, errors) into sentences from it. Every user-facing word lives in content.

use super::calc::{fill, fill_counted, Arg, CalcLine, NumberFormat, Value};
use super::money::{CurrencyError, Level, Range};
use super::parse::{Limit, ParseError};
use super::plan::{InsurerKind, Route};
use super::price_book::{PriceBookError, PricePart};
use crate::content::{self, ContentError, Evidence, Feature, Locale, Source};
use std::collections::BTreeMap;

crate::json_struct! {
impl Decode;
/// Everything the cost estimator says, in one locale.
#[derive(Clone, Debug, PartialEq)]
pub struct CostContent {
    /// One entry per route, in any order (look up with [`CostContent::route`]).
    pub routes: Vec<RouteText>,
    /// Explanations shown beside the estimate (price sources, insurance, relapse, driving).
    pub notes: Vec<Note>,
    /// Defaults that are our assumptions, not published figures, each labelled as such.
    pub assumptions: Vec<Note>,
    /// Studies, labels and price reports behind the notes.
    pub sources: Vec<Source>,
    /// Labels, headings, messages and templates.
    pub ui: CostText,
}
}

crate::json_struct! {
impl Decode;
/// A route's name and explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteText {
    /// Which route.
    pub id: Route,
    /// Short name, e.g. "IV infusion".
    pub name: String,
    /// One or two plain sentences on what it is.
    pub short: String,
    /// Where the default prices come from.
    pub price_note: String,
    /// Where the default course length comes from.
    pub course_note: String,
    /// Source ids behind the notes.
    pub sources: Vec<String>,
    /// Every figure in the text, traced to its place in a source (or marked as our own).
    pub evidence: Vec<Evidence> = Vec::new(),
}
}

crate::json_struct! {
impl Decode;
/// A short explained point with its sources.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// Stable id (e.g. `relapse`, `esketamine_list_price`).
    pub id: String,
    /// Heading.
    pub title: String,
    /// Text.
    pub text: String,
    /// Source ids (empty for our own assumptions).
    pub sources: Vec<String> = Vec::new(),
    /// Every figure in the text, traced to its place in a source (or marked as our own).
    pub evidence: Vec<Evidence> = Vec::new(),
}
}

crate::json_struct! {
impl Decode;
/// A form field's label and hint.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldText {
    /// The `<label>`.
    pub label: String,
    /// Help shown under the field (linked with `aria-describedby`).
    pub hint: String,
}
}

crate::json_struct! {
impl Decode;
/// All UI words. Keyed tables (`fields`, `errors`, `calc`, …) are checked by tests against the
/// engine's keys, so a missing or misspelt entry fails the build's tests.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CostText {
    /// Section headings by id (route, course, maintenance, prices, insurance, extras, …).
    pub headings: BTreeMap<String, String>,
    /// Field labels and hints by field id.
    pub fields: BTreeMap<String, FieldText>,
    /// Choice labels (coverage kinds, insurers, devices, on/off) by id.
    pub options: BTreeMap<String, String>,
    /// Error messages by [`ParseError::message_key`], [`PriceBookError::message_key`], etc.
    pub errors: BTreeMap<String, String>,
    /// Calculation-line templates by [`super::calc::CalcKey::id`].
    pub calc: BTreeMap<String, String>,
    /// A counted number with its word, by [`super::calc::Unit::key`]: `session_one`,
    /// `session_other`, … (`{n}` is the number).
    pub units: BTreeMap<String, String>,
    /// Result labels (total, per month, insurance pays, …) by id.
    pub results: BTreeMap<String, String>,
    /// "Low", "Typical", "High".
    pub levels: BTreeMap<String, String>,
    /// Names of the parts of a price (session, device, observation) for messages.
    pub price_parts: BTreeMap<String, String>,
    /// Chart and table words.
    pub chart: BTreeMap<String, String>,
    /// Other short texts (how we calculated this, clinics set prices, …).
    pub misc: BTreeMap<String, String>,
}
}

/// The ids every keyed `[ui]` table must contain; tests check the content against these.
pub mod keys {
    /// `[ui.headings]`.
    pub const HEADINGS: &[&str] = &[
        "tool",
        "route",
        "course",
        "maintenance",
        "prices",
        "insurance",
        "extras",
        "estimate",
        "breakdown",
        "compare",
        "notes",
        "assumptions",
        "sources",
    ];
    /// `[ui.fields]`.
    pub const FIELDS: &[&str] = &[
        "route",
        "induction_sessions",
        "maintenance_enabled",
        "boosters_per_month",
        "maintenance_months",
        "price_low",
        "price_typical",
        "price_high",
        "device_price",
        "devices_per_dose",
        "observation_fee",
        "coverage",
        "covered_percent",
        "copay",
        "deductible_left",
        "oop_max",
        "covers",
        "insurer",
        "savings",
        "savings_per_treatment",
        "savings_cap",
        "hsa",
        "tax_rate",
        "evaluation",
        "integration",
        "integration_sessions",
        "bp_cuff",
        "travel",
        "driver",
        "time_off",
        "currency",
    ];
    /// `[ui.options]`.
    pub const OPTIONS: &[&str] = &[
        "coverage_none",
        "coverage_percent",
        "coverage_copay",
        "insurer_commercial",
        "insurer_medicare",
        "insurer_medicaid",
        "insurer_tricare",
        "insurer_va",
        "devices_2",
        "devices_3",
        "reset_prices",
    ];
    /// `[ui.results]`.
    pub const RESULTS: &[&str] = &[
        "total",
        "per_month",
        "induction",
        "maintenance",
        "extras",
        "before_insurance",
        "insurance_pays",
        "savings",
        "you_pay",
        "hsa_saving",
        "after_hsa",
        "months",
        "longer_than_a_year",
        "range",
        "course_total",
        "plan_total",
        "first_year",
        "per_month_line",
    ];
    /// `[ui.chart]`.
    pub const CHART: &[&str] = &[
        "title",
        "description",
        "table_caption",
        "col_route",
        "col_sessions",
        "routes_compared_link",
        "current",
        "with_insurance",
        "col_insurance",
        "insurance_counted",
        "insurance_not_counted",
        "coverage_note",
        "coverage_nowhere",
        "offered",
        "offered_note",
    ];
    /// `[ui.misc]`.
    pub const MISC: &[&str] = &[
        "how_we_calculated",
        "clinics_set_prices",
        "last_valid_kept",
        "prices_from_clinic",
        "prices_invalid",
        "not_advice",
        "per_session",
        "per_treatment",
        "error_prefix",
        "restored_discarded",
        "extra_not_counted",
        "amount_for",
        "prices_typical_us",
        "percent_check",
        "value_unknown",
        "prices_in_usd",
        "clinic_course",
        "clinic_boosters",
    ];
}

impl CostContent {
    /// Loads and deserialises the cost content for a locale.
    pub fn load(locale: Locale) -> Result<CostContent, ContentError> {
        content::load(locale, Feature::Cost)
    }

    /// The text for a route (tests check that every route has one).
    pub fn route(&self, route: Route) -> Option<&RouteText> {
        self.routes.iter().find(|r| r.id == route)
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The sentence for one calculation line.
    pub fn calc_line(&self, line: &CalcLine, fmt: &dyn NumberFormat) -> String {
        let template = self
            .ui
            .calc
            .get(line.key.id())
            .map(String::as_str)
            .unwrap_or(line.key.id());
        fill_counted(template, &line.args, fmt, &self.ui.units)
    }

    /// A range as one phrase, e.g. "$1,350 to $4,800, typically $3,075" (`[ui.results].range`).
    pub fn range_text(&self, r: &Range, fmt: &dyn NumberFormat) -> String {
        let args = [
            Arg {
                name: "low",
                value: Value::Money(r.low),
            },
            Arg {
                name: "typical",
                value: Value::Money(r.typical),
            },
            Arg {
                name: "high",
                value: Value::Money(r.high),
            },
        ];
        fill(
            self.ui
                .results
                .get("range")
                .map(String::as_str)
                .unwrap_or("{low}–{high}"),
            &args,
            fmt,
        )
    }

    /// The message for a field that could not be parsed.
    pub fn parse_error(&self, e: ParseError, fmt: &dyn NumberFormat) -> String {
        let args: Vec<Arg> = match e.limit() {
            Some(Limit::Money(c)) => vec![Arg {
                name: "max",
                value: Value::Money(c),
            }],
            Some(Limit::Count(n)) => vec![Arg {
                name: "max",
                value: Value::Count(u64::from(n)),
            }],
            None => Vec::new(),
        };
        fill(self.error_template(e.message_key()), &args, fmt)
    }

    /// The message for an invalid currency code.
    pub fn currency_error(&self, e: CurrencyError) -> String {
        self.error_template(e.message_key()).to_owned()
    }

    /// The message for an invalid clinic price book, naming the route, part and level.
    pub fn price_book_error(&self, e: &PriceBookError, fmt: &dyn NumberFormat) -> String {
        let mut text = self.error_template(e.message_key()).to_owned();
        let route_name = |r: Route| {
            self.route(r)
                .map(|t| t.name.clone())
                .unwrap_or_else(|| r.id().to_owned())
        };
        let part_name = |p: PricePart| {
            let id = match p {
                PricePart::Session => "session",
                PricePart::Device => "device",
                PricePart::Observation => "observation",
            };
            self.ui
                .price_parts
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.to_owned())
        };
        let mut put =
            |name: &str, value: String| text = text.replace(&format!("{{{name}}}"), &value);
        match e {
            PriceBookError::BadJson { line, column } => {
                put("line", fmt.count(*line as u64));
                put("column", fmt.count(*column as u64));
            }
            PriceBookError::UnknownRoute { key } => put("key", key.clone()),
            PriceBookError::UnknownField { route, key } => {
                put("route", route_name(*route));
                put("key", key.clone());
            }
            PriceBookError::Price {
                route, part, level, ..
            } => {
                put("route", route_name(*route));
                put("part", part_name(*part));
                let level = level.map(|l| self.level(l).to_owned()).unwrap_or_default();
                put("level", level);
                put("max", fmt.money(super::price_book::PriceBook::MAX_PRICE));
            }
            PriceBookError::OutOfOrder { route, part } => {
                put("route", route_name(*route));
                put("part", part_name(*part));
            }
            PriceBookError::NotAnObject | PriceBookError::DevicesNotTwoOrThree => {}
        }
        text
    }

    /// "Low", "Typical" or "High".
    pub fn level(&self, level: Level) -> &str {
        let id = match level {
            Level::Low => "low",
            Level::Typical => "typical",
            Level::High => "high",
        };
        self.ui.levels.get(id).map(String::as_str).unwrap_or(id)
    }

    /// The option label for an insurer kind.
    pub fn insurer(&self, kind: InsurerKind) -> &str {
        let id = match kind {
            InsurerKind::Commercial => "insurer_commercial",
            InsurerKind::Medicare => "insurer_medicare",
            InsurerKind::Medicaid => "insurer_medicaid",
            InsurerKind::Tricare => "insurer_tricare",
            InsurerKind::Va => "insurer_va",
        };
        self.ui.options.get(id).map(String::as_str).unwrap_or(id)
    }

    /// An error template by key (the key itself if missing, so the gap is visible).
    pub fn error_template<'a>(&'a self, key: &'a str) -> &'a str {
        self.ui.errors.get(key).map(String::as_str).unwrap_or(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::decode::from_str;

    #[test]
    fn a_route_text_reads_its_route_and_defaults() {
        let text = r#"{"id":"esketamine","name":"Nasal spray","short":"S","price_note":"P",
            "course_note":"C","sources":["label"]}"#;
        assert_eq!(
            from_str::<RouteText>(text),
            Ok(RouteText {
                id: Route::Esketamine,
                name: "Nasal spray".into(),
                short: "S".into(),
                price_note: "P".into(),
                course_note: "C".into(),
                sources: vec!["label".into()],
                evidence: Vec::new(),
            })
        );
        let unknown = text.replace("esketamine", "tms");
        assert_eq!(
            from_str::<RouteText>(&unknown),
            Err("id: unknown name `tms`".to_owned())
        );
    }

    #[test]
    fn keyed_tables_read_any_key_and_a_stray_member_elsewhere_is_refused() {
        let text = crate::content::raw(Locale::En, Feature::Cost).expect("cost text");
        let mut value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        value["ui"]["misc"]["new_text"] = "kept".into();
        let content = from_str::<CostContent>(&value.to_string()).expect("reads");
        assert_eq!(
            content.ui.misc.get("new_text").map(String::as_str),
            Some("kept")
        );
        value["notes"][0]["titel"] = "typo".into();
        assert_eq!(
            from_str::<CostContent>(&value.to_string()),
            Err("notes[0]: unknown or repeated member `titel`".to_owned())
        );
    }
}
