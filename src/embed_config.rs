//! The embed's configuration, read from `<ketamine-guide>` attributes. Pure, so every odd value
//! a clinic might type is tested natively. Each problem becomes a readable message shown inside
//! the element; the rest of the configuration still applies.
//!
//! A clinic's price book is the exception: reading one takes the cost estimator's code, so it
//! is checked by [`check_prices`] from the cost chunk once that has arrived (see `ui::lazy`),
//! not by [`parse`], which runs before the first view.

use crate::content::{fill, shell::EmbedText, Locale};
use crate::cost::plan::limits;
use crate::cost::{CostContent, CurrencyCode, Offer, PlainUsd, PriceBook, PriceBookError, Route};
use crate::nav::Section;

/// Attribute names the element observes (kept in sync with `embed.js`).
pub const ATTRIBUTES: [&str; 13] = [
    "sections",
    "start",
    "lang",
    "currency",
    "prices",
    "cta-href",
    "cta-label",
    "persist",
    "theme",
    "header",
    "routes",
    "course-sessions",
    "booster-weeks",
];

/// The longest time between boosters `booster-weeks` accepts: a year.
pub const MAX_BOOSTER_WEEKS: u32 = 52;

/// The colors the widget uses (`theme`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// The host page's color scheme: light on a page that declares none or only light, dark on
    /// one that declares only dark, the device's setting on one that allows both.
    #[default]
    Auto,
    /// Always the light colors.
    Light,
    /// Always the dark colors.
    Dark,
}

impl Theme {
    /// The value of the app root's `data-theme` (none for `auto`: it inherits the page's
    /// `color-scheme`).
    pub fn id(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// A validated configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedConfig {
    /// Sections offered, in order (never empty).
    pub sections: Vec<Section>,
    /// The section opened first.
    pub start: Option<Section>,
    /// Language asked for by `lang`, if valid.
    pub locale: Option<Locale>,
    /// ISO 4217 code (default USD).
    pub currency: String,
    /// The clinic's price book JSON as given (checked later by [`check_prices`]).
    pub prices: Option<String>,
    /// Booking link and its label.
    pub cta: Option<(String, String)>,
    /// Whether answers may be stored in the browser session.
    pub persist: bool,
    /// The colors used.
    pub theme: Theme,
    /// Whether the guide's own title is shown (`header="hide"` leaves it to the host page; the
    /// disclaimers stay).
    pub show_title: bool,
    /// The clinic's treatments (`routes`), first course (`course-sessions`) and weeks between
    /// boosters (`booster-weeks`).
    pub offer: Offer,
}

/// What is wrong with an attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `sections` names something that is not a section.
    UnknownSection,
    /// `start` is not a section, or not one of those offered.
    BadStart,
    /// `lang` is not a language we ship.
    UnknownLang,
    /// `currency` is not the ISO 4217 code of a currency in use (a malformed code is found by
    /// [`parse`], a well-formed code of no currency by [`check_currency`]).
    BadCurrency,
    /// Found by the cost estimator's code once its code and text are here, as a finished
    /// message in its words: `prices` is not a valid price book, or `currency` is a currency
    /// other than US dollars without a valid price book in it (the default US prices are then
    /// shown in US dollars).
    Checked,
    /// `cta-href` is not an http(s) address.
    BadCtaHref,
    /// `cta-href` without `cta-label`, or the reverse.
    CtaIncomplete,
    /// `persist` is neither `session` nor `none`.
    BadPersist,
    /// `theme` is not `auto`, `light` or `dark`.
    BadTheme,
    /// `header` is neither `show` nor `hide`.
    BadHeader,
    /// `routes` names something that is not a treatment.
    UnknownRoute,
    /// `course-sessions` is not a whole number from 1 to 100.
    BadCourseSessions,
    /// `booster-weeks` is not a whole number from 1 to 52.
    BadBoosterWeeks,
}

/// One attribute problem: what is wrong, and the value as the clinic wrote it (for
/// [`Problem::Checked`], the finished message; empty for [`Problem::CtaIncomplete`]). One
/// shape for every problem keeps the code that copies and compares the app's settings small.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    /// What is wrong.
    pub problem: Problem,
    /// The value the clinic wrote, or the finished message.
    pub value: String,
}

impl ConfigError {
    /// A problem with the value as written.
    pub fn new(problem: Problem, value: &str) -> ConfigError {
        ConfigError {
            problem,
            value: value.to_owned(),
        }
    }

    /// A problem found by the cost estimator's code, explained in its words.
    pub fn checked(message: String) -> ConfigError {
        ConfigError {
            problem: Problem::Checked,
            value: message,
        }
    }
}

/// Reads attributes through `get` (attribute name → value) into a configuration and problems.
pub fn parse(get: impl Fn(&str) -> Option<String>) -> (EmbedConfig, Vec<ConfigError>) {
    let mut errors = Vec::new();
    let mut sections = Vec::new();
    if let Some(list) = get("sections") {
        for word in list.split_whitespace() {
            match Section::from_id(&word.to_ascii_lowercase()) {
                Some(s) if !sections.contains(&s) => sections.push(s),
                Some(_) => {}
                None => errors.push(ConfigError::new(Problem::UnknownSection, word)),
            }
        }
    }
    if sections.is_empty() {
        sections = Section::ALL.to_vec();
    }
    let start = get("start").and_then(|s| {
        let t = s.trim().to_ascii_lowercase();
        match Section::from_id(&t) {
            Some(sec) if sections.contains(&sec) => Some(sec),
            _ => {
                errors.push(ConfigError::new(Problem::BadStart, &s));
                None
            }
        }
    });
    let locale = get("lang").filter(|l| !l.trim().is_empty()).and_then(|l| {
        let found = Locale::from_tag(&l);
        if found.is_none() {
            errors.push(ConfigError::new(Problem::UnknownLang, &l));
        }
        found
    });
    let currency = match get("currency") {
        None => "USD".to_owned(),
        Some(c) => match CurrencyCode::parse(&c.to_ascii_uppercase()) {
            Ok(code) => code.as_str().to_owned(),
            Err(_) => {
                errors.push(ConfigError::new(Problem::BadCurrency, &c));
                "USD".to_owned()
            }
        },
    };
    let prices = get("prices").filter(|p| !p.trim().is_empty());
    let href = get("cta-href")
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty());
    let label = get("cta-label")
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());
    let cta = match (href, label) {
        (Some(h), Some(l)) if is_web_address(&h) => Some((h, l)),
        (Some(h), Some(_)) => {
            errors.push(ConfigError::new(Problem::BadCtaHref, &h));
            None
        }
        (None, None) => None,
        _ => {
            errors.push(ConfigError::new(Problem::CtaIncomplete, ""));
            None
        }
    };
    let persist = match get("persist").map(|p| p.trim().to_ascii_lowercase()) {
        None => true,
        Some(p) if p == "session" || p.is_empty() => true,
        Some(p) if p == "none" => false,
        Some(p) => {
            errors.push(ConfigError::new(Problem::BadPersist, &p));
            true
        }
    };
    let theme = match word(get("theme")).as_deref() {
        None | Some("" | "auto") => Theme::Auto,
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        Some(other) => {
            errors.push(ConfigError::new(Problem::BadTheme, other));
            Theme::Auto
        }
    };
    let show_title = match word(get("header")).as_deref() {
        None | Some("" | "show") => true,
        Some("hide") => false,
        Some(other) => {
            errors.push(ConfigError::new(Problem::BadHeader, other));
            true
        }
    };
    let mut routes = Vec::new();
    for word in get("routes").unwrap_or_default().split_whitespace() {
        match Route::from_id(&word.to_ascii_lowercase()) {
            Some(r) => routes.push(r),
            None => errors.push(ConfigError::new(Problem::UnknownRoute, word)),
        }
    }
    let course_sessions = whole_number(
        get("course-sessions"),
        limits::INDUCTION_SESSIONS,
        Problem::BadCourseSessions,
        &mut errors,
    );
    let booster_weeks = whole_number(
        get("booster-weeks"),
        MAX_BOOSTER_WEEKS,
        Problem::BadBoosterWeeks,
        &mut errors,
    );
    (
        EmbedConfig {
            sections,
            start,
            locale,
            currency,
            prices,
            cta,
            persist,
            theme,
            show_title,
            offer: Offer::new(&routes, course_sessions, booster_weeks),
        },
        errors,
    )
}

/// A whole number from 1 to `max` (blank is none); anything else is reported as `problem`.
fn whole_number(
    value: Option<String>,
    max: u32,
    problem: Problem,
    errors: &mut Vec<ConfigError>,
) -> Option<u32> {
    let value = value?;
    let text = value.trim();
    if text.is_empty() {
        return None;
    }
    let n = (text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
        .filter(|n| (1..=max).contains(n));
    if n.is_none() {
        errors.push(ConfigError::new(problem, &value));
    }
    n
}

/// A one-word attribute value as compared: trimmed, lower case.
fn word(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_ascii_lowercase())
}

/// Only absolute http(s) links: a `javascript:` or `data:` link must never reach an `href`.
fn is_web_address(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && href.len() > "https://".len()
        && !href.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The problem with a clinic's price book (as [`PriceBook::from_json`] read it), if it has one,
/// explained with the cost estimator's text (`None` until that is here: the message joins the
/// others once it can be read).
pub fn check_prices(
    book: &Result<PriceBook, PriceBookError>,
    cost: Option<&CostContent>,
) -> Option<ConfigError> {
    let e = book.as_ref().err()?;
    Some(ConfigError::checked(cost?.price_book_error(e, &PlainUsd)))
}

/// The currency money is shown in: the configured one only when it is a currency in use and a
/// clinic's valid price book is in it; otherwise US dollars, because the default prices are
/// US prices in US dollars.
pub fn shown_currency(currency: &str, clinic_prices: bool) -> CurrencyCode {
    match CurrencyCode::parse(currency) {
        Ok(code) if clinic_prices && code.is_in_use() => code,
        _ => CurrencyCode::USD,
    }
}

/// What the cost estimator's code finds wrong with `currency` (already well formed, see
/// [`parse`]): a code of no currency in use, or a currency other than US dollars without a
/// valid clinic price book (`clinic_prices`), explained with the cost text when it is here.
pub fn check_currency(
    currency: &str,
    clinic_prices: bool,
    cost: Option<&CostContent>,
) -> Option<ConfigError> {
    let code = CurrencyCode::parse(currency).ok()?;
    if !code.is_in_use() {
        return Some(ConfigError::new(Problem::BadCurrency, currency));
    }
    if clinic_prices || code == CurrencyCode::USD {
        return None;
    }
    let template = cost?.error_template("currency_without_prices");
    Some(ConfigError::checked(fill(
        template,
        &[("currency", currency)],
    )))
}

/// The heading and the messages shown inside the element for these problems, once the
/// messages' text ([`EmbedText`]) is here.
pub fn messages(errors: &[&ConfigError], locale: Locale) -> Option<(String, Vec<String>)> {
    let strings = EmbedText::load(locale).ok()?;
    let list = errors.iter().map(|e| message(e, &strings)).collect();
    Some((strings.title, list))
}

/// The message shown inside the element for one problem.
pub fn message(error: &ConfigError, e: &EmbedText) -> String {
    let template = match error.problem {
        Problem::Checked => return error.value.clone(),
        Problem::CtaIncomplete => return e.cta_incomplete.clone(),
        Problem::UnknownSection => &e.unknown_section,
        Problem::BadStart => &e.bad_start,
        Problem::UnknownLang => &e.unknown_lang,
        Problem::BadCurrency => &e.bad_currency,
        Problem::BadCtaHref => &e.bad_cta_href,
        Problem::BadPersist => &e.bad_persist,
        Problem::BadTheme => &e.bad_theme,
        Problem::BadHeader => &e.bad_header,
        Problem::UnknownRoute => &e.unknown_route,
        Problem::BadCourseSessions => &e.bad_course_sessions,
        Problem::BadBoosterWeeks => &e.bad_booster_weeks,
    };
    fill(template, &[("value", &error.value)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn run(pairs: &[(&str, &str)]) -> (EmbedConfig, Vec<ConfigError>) {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        parse(|name| map.get(name).cloned())
    }

    #[test]
    fn no_attributes_give_every_section_in_usd_with_session_storage() {
        let (c, e) = run(&[]);
        assert!(e.is_empty());
        assert_eq!(c.sections, Section::ALL.to_vec());
        assert_eq!(
            (c.start, c.locale, c.currency.as_str(), c.persist),
            (None, None, "USD", true)
        );
        assert_eq!((c.prices, c.cta), (None, None));
        assert_eq!((c.theme, c.show_title), (Theme::Auto, true));
        assert_eq!(c.offer, Offer::ALL);
    }

    #[test]
    fn routes_choose_the_clinic_treatments_in_its_order() {
        let (c, e) = run(&[("routes", " IM  iv tablets im ")]);
        assert_eq!(e, vec![ConfigError::new(Problem::UnknownRoute, "tablets")]);
        assert_eq!(c.offer.routes().collect::<Vec<_>>(), [Route::Im, Route::Iv]);
        assert!(c.offer.listed());
        let (c, e) = run(&[("routes", "ketamine")]);
        assert_eq!(c.offer, Offer::ALL, "no treatment left: every treatment");
        assert_eq!(e.len(), 1);
        let (c, e) = run(&[("routes", "  ")]);
        assert_eq!((c.offer, e), (Offer::ALL, vec![]));
    }

    #[test]
    fn the_clinic_course_and_booster_interval_are_whole_numbers_in_range() {
        let (c, e) = run(&[
            ("routes", "esketamine"),
            ("course-sessions", " 8 "),
            ("booster-weeks", "3"),
        ]);
        assert_eq!(e, vec![]);
        assert_eq!(
            (c.offer.course_sessions(), c.offer.booster_weeks()),
            (Some(8), Some(3))
        );
        let plan = c.offer.plan();
        assert_eq!(plan.route, Route::Esketamine);
        assert_eq!(plan.induction_sessions, 8);
        assert_eq!(plan.maintenance.per_month.hundredths(), 140);
        for bad in ["0", "101", "six", "2.5", "-3", "+4", "1e2", "9999999999"] {
            let (c, e) = run(&[("course-sessions", bad)]);
            assert_eq!(
                e,
                vec![ConfigError::new(Problem::BadCourseSessions, bad)],
                "{bad}"
            );
            assert_eq!(c.offer.course_sessions(), None);
        }
        assert_eq!(
            run(&[("course-sessions", "100")]).0.offer.course_sessions(),
            Some(100)
        );
        assert_eq!(
            run(&[("booster-weeks", "52")]).0.offer.booster_weeks(),
            Some(52)
        );
        for bad in ["0", "53", "monthly", "4 weeks"] {
            let (c, e) = run(&[("booster-weeks", bad)]);
            assert_eq!(
                e,
                vec![ConfigError::new(Problem::BadBoosterWeeks, bad)],
                "{bad}"
            );
            assert_eq!(c.offer.booster_weeks(), None);
        }
        // The rest of the settings still apply.
        let (c, e) = run(&[("routes", "iv oral"), ("course-sessions", "lots")]);
        assert_eq!(e.len(), 1);
        assert_eq!(
            c.offer.routes().collect::<Vec<_>>(),
            [Route::Iv, Route::Oral]
        );
    }

    #[test]
    fn theme_and_header_take_their_words_in_any_case() {
        for (value, theme) in [
            ("auto", Theme::Auto),
            (" Light ", Theme::Light),
            ("DARK", Theme::Dark),
            ("", Theme::Auto),
        ] {
            let (c, e) = run(&[("theme", value)]);
            assert_eq!((c.theme, e), (theme, vec![]), "{value:?}");
        }
        for (value, shown) in [("show", true), ("Hide", false), ("", true)] {
            let (c, e) = run(&[("header", value)]);
            assert_eq!((c.show_title, e), (shown, vec![]), "{value:?}");
        }
        assert_eq!(
            Theme::Auto.id(),
            None,
            "auto follows the page's color scheme"
        );
        assert_eq!(Theme::Dark.id(), Some("dark"));
    }

    #[test]
    fn an_unknown_theme_or_header_is_explained_and_the_defaults_stay() {
        let (c, e) = run(&[("theme", "purple"), ("header", "none")]);
        assert_eq!((c.theme, c.show_title), (Theme::Auto, true));
        assert_eq!(
            e,
            vec![
                ConfigError::new(Problem::BadTheme, "purple"),
                ConfigError::new(Problem::BadHeader, "none")
            ]
        );
        for locale in Locale::ALL {
            let strings = EmbedText::load(*locale).unwrap();
            for error in &e {
                let m = message(error, &strings);
                assert!(m.contains("purple") || m.contains("none"), "{m}");
                assert!(!m.contains('{'), "{m}");
            }
        }
    }

    #[test]
    fn sections_choose_subset_and_order_and_report_unknown_words() {
        let (c, e) = run(&[("sections", "cost  quiz bogus cost"), ("start", "quiz")]);
        assert_eq!(c.sections, vec![Section::Cost, Section::Quiz]);
        assert_eq!(c.start, Some(Section::Quiz));
        assert_eq!(e, vec![ConfigError::new(Problem::UnknownSection, "bogus")]);
        let (c, e) = run(&[("sections", "nothing"), ("start", "myths")]);
        assert_eq!(
            c.sections,
            Section::ALL.to_vec(),
            "no valid section falls back to all"
        );
        assert_eq!(c.start, Some(Section::Myths));
        assert_eq!(e.len(), 1);
    }

    #[test]
    fn start_outside_the_offered_sections_is_reported() {
        let (c, e) = run(&[("sections", "cost"), ("start", "quiz")]);
        assert_eq!(c.start, None);
        assert_eq!(e, vec![ConfigError::new(Problem::BadStart, "quiz")]);
    }

    #[test]
    fn bad_currency_lang_and_persist_are_reported_and_defaults_stay() {
        let (c, e) = run(&[
            ("currency", "dollars"),
            ("lang", "tlh"),
            ("persist", "forever"),
            ("prices", "{not json"),
        ]);
        assert_eq!(c.currency, "USD");
        assert_eq!(c.locale, None);
        assert!(c.persist);
        assert_eq!(e.len(), 3, "{e:?}");
        // The price book is passed on as given and checked by `check_prices`.
        assert_eq!(c.prices.as_deref(), Some("{not json"));
        let (c, _) = run(&[("prices", "  ")]);
        assert_eq!(c.prices, None, "a blank attribute is no price book");
    }

    #[test]
    fn price_books_are_checked_with_the_cost_text_when_it_is_here() {
        let cost = CostContent::load(Locale::En).unwrap();
        let valid = r#"{"iv": {"low": 300, "typical": 450, "high": 600}}"#;
        assert_eq!(
            check_prices(&PriceBook::from_json(valid), Some(&cost)),
            None
        );
        assert_eq!(check_prices(&PriceBook::from_json(valid), None), None);
        let Some(ConfigError {
            problem: Problem::Checked,
            value: detail,
        }) = check_prices(&PriceBook::from_json("{not json"), Some(&cost))
        else {
            panic!("bad JSON must be reported");
        };
        assert!(detail.contains('1') && !detail.contains('{'), "{detail}");
        let Some(ConfigError {
            problem: Problem::Checked,
            value: detail,
        }) = check_prices(
            &PriceBook::from_json(r#"{"iv": {"low": -5, "typical": 10, "high": 20}}"#),
            Some(&cost),
        )
        else {
            panic!("a negative price must be reported");
        };
        assert!(!detail.is_empty(), "the detail quotes the cost text");
        assert_eq!(
            check_prices(&PriceBook::from_json("[]"), None),
            None,
            "said once the cost text is here"
        );
    }

    #[test]
    fn a_currency_is_shown_only_with_clinic_prices_in_it() {
        let cost = CostContent::load(Locale::En).unwrap();
        // US dollars, or a clinic price book in a real currency: nothing to say.
        assert_eq!(check_currency("USD", false, Some(&cost)), None);
        assert_eq!(check_currency("EUR", true, Some(&cost)), None);
        assert_eq!(shown_currency("EUR", true).as_str(), "EUR");
        assert_eq!(shown_currency("JPY", true).as_str(), "JPY");
        // Euros asked for over the default (US) prices: US dollars, and the clinic is told.
        assert_eq!(shown_currency("EUR", false).as_str(), "USD");
        let Some(ConfigError {
            problem: Problem::Checked,
            value: m,
        }) = check_currency("EUR", false, Some(&cost))
        else {
            panic!("euros without a price book must be reported");
        };
        assert!(
            m.contains("EUR") && m.contains("US dollars") && !m.contains('{'),
            "{m}"
        );
        assert_eq!(
            check_currency("EUR", false, None),
            None,
            "said once the text is here"
        );
        // A well-formed code of no currency is refused, with or without prices.
        for clinic_prices in [false, true] {
            assert_eq!(
                check_currency("XYZ", clinic_prices, None),
                Some(ConfigError::new(Problem::BadCurrency, "XYZ"))
            );
            assert_eq!(shown_currency("XYZ", clinic_prices).as_str(), "USD");
        }
        let shell = EmbedText::load(Locale::En).unwrap();
        let m = message(&ConfigError::new(Problem::BadCurrency, "XYZ"), &shell);
        assert!(m.contains("XYZ") && m.contains("US dollars"), "{m}");
        let es = CostContent::load(Locale::Es).unwrap();
        let Some(ConfigError {
            problem: Problem::Checked,
            value: m,
        }) = check_currency("EUR", false, Some(&es))
        else {
            panic!("reported in Spanish too");
        };
        assert!(m.contains("EUR") && !m.contains('{'), "{m}");
    }

    #[test]
    fn valid_values_are_accepted() {
        let (c, e) = run(&[
            ("currency", "eur"),
            ("lang", "en-US"),
            ("persist", "none"),
            (
                "prices",
                r#"{"iv": {"low": 300, "typical": 450, "high": 600}}"#,
            ),
            ("cta-href", "https://clinic.example/book"),
            ("cta-label", "Book a consultation"),
        ]);
        assert_eq!(e, vec![], "{e:?}");
        assert_eq!(c.currency, "EUR");
        assert_eq!(c.locale, Some(Locale::En));
        assert!(!c.persist);
        assert!(c.prices.is_some());
        assert_eq!(c.cta.unwrap().0, "https://clinic.example/book");
    }

    #[test]
    fn only_web_links_are_allowed_as_call_to_action() {
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "https://",
            "https://a b",
        ] {
            let (c, e) = run(&[("cta-href", bad), ("cta-label", "Book")]);
            assert_eq!(c.cta, None, "{bad}");
            assert_eq!(e, vec![ConfigError::new(Problem::BadCtaHref, bad.trim())]);
        }
        let (c, e) = run(&[("cta-href", "https://clinic.example")]);
        assert_eq!(
            (c.cta, e),
            (None, vec![ConfigError::new(Problem::CtaIncomplete, "")])
        );
    }

    #[test]
    fn every_error_has_a_filled_message() {
        let shell = EmbedText::load(Locale::En).unwrap();
        let cost = CostContent::load(Locale::En).unwrap();
        let (_, errors) = run(&[
            ("sections", "x"),
            ("start", "y"),
            ("lang", "zz"),
            ("currency", "1"),
            ("prices", "[]"),
            ("cta-href", "ftp://x"),
            ("cta-label", "Go"),
            ("persist", "always"),
            ("theme", "sepia"),
            ("header", "maybe"),
            ("routes", "tms"),
            ("course-sessions", "0"),
            ("booster-weeks", "x"),
        ]);
        assert_eq!(errors.len(), 11, "{errors:?}");
        let prices = check_prices(&PriceBook::from_json("[]"), Some(&cost)).unwrap();
        for e in errors.iter().chain([&prices]) {
            let m = message(e, &shell);
            assert!(!m.is_empty() && !m.contains('{'), "{e:?} → {m}");
        }
        let (_, e) = run(&[("cta-href", "https://x.example")]);
        assert!(!message(&e[0], &shell).is_empty());
    }
}
