//! The embed's configuration, read from `<ketamine-guide>` attributes. Pure, so every odd value
//! a clinic might type is tested natively. Each problem becomes a readable message shown inside
//! the element; the rest of the configuration still applies.

use crate::content::{fill, shell::ShellStrings, Locale};
use crate::cost::{CostContent, CurrencyCode, PlainUsd, PriceBook, PriceBookError};
use crate::nav::Section;

/// Attribute names the element observes (kept in sync with `embed.js`).
pub const ATTRIBUTES: [&str; 8] = [
    "sections",
    "start",
    "lang",
    "currency",
    "prices",
    "cta-href",
    "cta-label",
    "persist",
];

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
    /// The clinic's price book JSON, only when it validated.
    pub prices: Option<String>,
    /// Booking link and its label.
    pub cta: Option<(String, String)>,
    /// Whether answers may be stored in the browser session.
    pub persist: bool,
}

/// One attribute problem.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigError {
    /// `sections` names something that is not a section.
    UnknownSection(String),
    /// `start` is not a section, or not one of those offered.
    BadStart(String),
    /// `lang` is not a language we ship.
    UnknownLang(String),
    /// `currency` is not a three-letter ISO 4217 code.
    BadCurrency(String),
    /// `prices` is not a valid price book.
    BadPrices(PriceBookError),
    /// `cta-href` is not an http(s) address.
    BadCtaHref(String),
    /// `cta-href` without `cta-label`, or the reverse.
    CtaIncomplete,
    /// `persist` is neither `session` nor `none`.
    BadPersist(String),
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
                None => errors.push(ConfigError::UnknownSection(word.to_owned())),
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
                errors.push(ConfigError::BadStart(s.clone()));
                None
            }
        }
    });
    let locale = get("lang").filter(|l| !l.trim().is_empty()).and_then(|l| {
        let found = Locale::from_tag(&l);
        if found.is_none() {
            errors.push(ConfigError::UnknownLang(l.clone()));
        }
        found
    });
    let currency = match get("currency") {
        None => "USD".to_owned(),
        Some(c) => match CurrencyCode::parse(&c.to_ascii_uppercase()) {
            Ok(code) => code.as_str().to_owned(),
            Err(_) => {
                errors.push(ConfigError::BadCurrency(c));
                "USD".to_owned()
            }
        },
    };
    let prices = get("prices")
        .filter(|p| !p.trim().is_empty())
        .and_then(|p| match PriceBook::from_json(&p) {
            Ok(_) => Some(p),
            Err(e) => {
                errors.push(ConfigError::BadPrices(e));
                None
            }
        });
    let href = get("cta-href")
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty());
    let label = get("cta-label")
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());
    let cta = match (href, label) {
        (Some(h), Some(l)) if is_web_address(&h) => Some((h, l)),
        (Some(h), Some(_)) => {
            errors.push(ConfigError::BadCtaHref(h));
            None
        }
        (None, None) => None,
        _ => {
            errors.push(ConfigError::CtaIncomplete);
            None
        }
    };
    let persist = match get("persist").map(|p| p.trim().to_ascii_lowercase()) {
        None => true,
        Some(p) if p == "session" || p.is_empty() => true,
        Some(p) if p == "none" => false,
        Some(p) => {
            errors.push(ConfigError::BadPersist(p));
            true
        }
    };
    (
        EmbedConfig {
            sections,
            start,
            locale,
            currency,
            prices,
            cta,
            persist,
        },
        errors,
    )
}

/// Only absolute http(s) links: a `javascript:` or `data:` link must never reach an `href`.
fn is_web_address(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && href.len() > "https://".len()
        && !href.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The message shown inside the element for one problem.
pub fn message(error: &ConfigError, shell: &ShellStrings, cost: Option<&CostContent>) -> String {
    let e = &shell.embed;
    match error {
        ConfigError::UnknownSection(v) => fill(&e.unknown_section, &[("value", v)]),
        ConfigError::BadStart(v) => fill(&e.bad_start, &[("value", v)]),
        ConfigError::UnknownLang(v) => fill(&e.unknown_lang, &[("value", v)]),
        ConfigError::BadCurrency(v) => fill(&e.bad_currency, &[("value", v)]),
        ConfigError::BadPrices(err) => {
            let detail = cost
                .map(|c| c.price_book_error(err, &PlainUsd))
                .unwrap_or_default();
            fill(&e.bad_prices, &[("detail", &detail)])
        }
        ConfigError::BadCtaHref(v) => fill(&e.bad_cta_href, &[("value", v)]),
        ConfigError::CtaIncomplete => e.cta_incomplete.clone(),
        ConfigError::BadPersist(v) => fill(&e.bad_persist, &[("value", v)]),
    }
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
    }

    #[test]
    fn sections_choose_subset_and_order_and_report_unknown_words() {
        let (c, e) = run(&[("sections", "cost  quiz bogus cost"), ("start", "quiz")]);
        assert_eq!(c.sections, vec![Section::Cost, Section::Quiz]);
        assert_eq!(c.start, Some(Section::Quiz));
        assert_eq!(e, vec![ConfigError::UnknownSection("bogus".into())]);
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
        assert_eq!(e, vec![ConfigError::BadStart("quiz".into())]);
    }

    #[test]
    fn bad_currency_lang_persist_and_prices_are_reported_and_defaults_stay() {
        let (c, e) = run(&[
            ("currency", "dollars"),
            ("lang", "tlh"),
            ("persist", "forever"),
            ("prices", "{not json"),
        ]);
        assert_eq!(c.currency, "USD");
        assert_eq!(c.locale, None);
        assert!(c.persist);
        assert_eq!(c.prices, None);
        assert_eq!(e.len(), 4);
        assert!(e.iter().any(|x| matches!(x, ConfigError::BadPrices(_))));
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
            assert_eq!(e, vec![ConfigError::BadCtaHref(bad.trim().into())]);
        }
        let (c, e) = run(&[("cta-href", "https://clinic.example")]);
        assert_eq!((c.cta, e), (None, vec![ConfigError::CtaIncomplete]));
    }

    #[test]
    fn every_error_has_a_filled_message() {
        let shell = ShellStrings::load(Locale::En).unwrap();
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
        ]);
        assert_eq!(errors.len(), 7, "{errors:?}");
        for e in &errors {
            let m = message(e, &shell, Some(&cost));
            assert!(!m.is_empty() && !m.contains('{'), "{e:?} → {m}");
        }
        let (_, e) = run(&[("cta-href", "https://x.example")]);
        assert!(!message(&e[0], &shell, None).is_empty());
    }
}
