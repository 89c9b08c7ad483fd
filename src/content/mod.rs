//! The content model's front door: which locales exist, and how a feature's content file
//! (`content/<locale>/<feature>.toml`, converted to JSON by `build.rs`) becomes typed data.
//!
//! Each feature owns its typed model (`quiz::model`, `myths::model`, `cost::model`,
//! `content::shell`) and calls [`load`]; native tests validate every file of every locale.

pub mod decode;
mod decode_impls;
pub mod encode;
#[cfg(all(target_arch = "wasm32", not(feature = "bundled-content")))]
mod remote;
pub mod shell;
mod stored_impls;
pub use stored_impls::Envelope;

#[cfg(all(target_arch = "wasm32", not(feature = "bundled-content")))]
pub use remote::{ensure, set_base};

use decode::Decode;
use serde::de::DeserializeOwned;
use std::fmt;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/content_index.rs"));
}

/// A language the widget ships content for.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English (the default and the fallback).
    #[default]
    En,
    /// Spanish (US Spanish-speaking patients; "usted").
    Es,
}

impl Locale {
    /// Every locale, in the order a language switch lists them.
    pub const ALL: &'static [Locale] = &[Locale::En, Locale::Es];

    /// The BCP 47 tag, as used for `lang` attributes and content folders.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// The language's own name for itself, as the language switch lists it (the same in
    /// every language, so it is not translated content).
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
        }
    }

    /// The tag for `Intl` formatting: US conventions in both languages (decimal point, `$`),
    /// matching the figures written in the content.
    pub fn intl_tag(self) -> &'static str {
        match self {
            Locale::En => "en-US",
            Locale::Es => "es-US",
        }
    }

    /// The best locale for a BCP 47 tag such as `en-US`; `None` when we have no such language.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.iter().copied().find(|l| l.tag() == primary)
    }

    /// The first supported locale among preferred tags (e.g. `navigator.languages`), else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred
            .into_iter()
            .find_map(Locale::from_tag)
            .unwrap_or_default()
    }
}

/// A content feature: one data file per locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// App shell strings (`ui.toml`).
    Shell,
    /// Eligibility self-check: its questions (`quiz.toml` without the parts below).
    Quiz,
    /// Each question's "Why we ask" and the sources it cites: a part of `quiz.toml` shipped as
    /// a file of its own, fetched right after the first view (see `build.rs`).
    Why,
    /// The self-check's rules, outcomes, route notes and provider questions: the part of
    /// `quiz.toml` only its result needs, shipped as a file of its own (see `build.rs`).
    Results,
    /// Myth-versus-evidence explorer (`myths.toml`).
    Myths,
    /// Cost estimator (`cost.toml`).
    Cost,
    /// Messages about an embed's attributes (`embed.toml`): fetched only when there are some.
    Embed,
}

impl Feature {
    /// Every feature.
    pub const ALL: &'static [Feature] = &[
        Feature::Shell,
        Feature::Quiz,
        Feature::Why,
        Feature::Results,
        Feature::Myths,
        Feature::Cost,
        Feature::Embed,
    ];

    /// The file stem under `content/<locale>/` (and in the shipped file's name).
    pub fn file_stem(self) -> &'static str {
        match self {
            Feature::Shell => "ui",
            Feature::Quiz => "quiz",
            Feature::Why => "why",
            Feature::Results => "results",
            Feature::Myths => "myths",
            Feature::Cost => "cost",
            Feature::Embed => "embed",
        }
    }
}

/// Why content could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
    /// No file for this locale and feature was built in.
    Missing {
        locale: &'static str,
        feature: &'static str,
    },
    /// The file does not match the typed model.
    Invalid {
        locale: &'static str,
        feature: &'static str,
        detail: String,
    },
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Missing { locale, feature } => {
                write!(f, "content/{locale}/{feature}.toml is missing")
            }
            ContentError::Invalid {
                locale,
                feature,
                detail,
            } => {
                write!(f, "content/{locale}/{feature}.toml: {detail}")
            }
        }
    }
}

impl std::error::Error for ContentError {}

/// The JSON text of one content file: compiled in (native builds and the `bundled-content`
/// feature), or fetched by [`ensure`] in the browser; `None` until then.
pub fn raw(locale: Locale, feature: Feature) -> Option<&'static str> {
    #[cfg(all(target_arch = "wasm32", not(feature = "bundled-content")))]
    {
        remote::get(locale, feature)
    }
    #[cfg(not(all(target_arch = "wasm32", not(feature = "bundled-content"))))]
    {
        generated::raw(locale.tag(), feature.file_stem())
    }
}

/// Whether one content file can be read now (without waiting for a download).
pub fn available(locale: Locale, feature: Feature) -> bool {
    raw(locale, feature).is_some()
}

/// The shipped file name of one content file (`kg-<locale>-<feature>-<hash>.json`).
pub fn file_name(locale: Locale, feature: Feature) -> Option<&'static str> {
    generated::file_name(locale.tag(), feature.file_stem())
}

/// The address of a tool's own stylesheet (`kg-style-<tool>-<hash>.css`), linked when the tool
/// is first shown. `None` for tools whose styles are in the page's stylesheet, and in builds
/// with compiled-in content, which ship no files.
pub fn style_url(feature: Feature) -> Option<String> {
    #[cfg(all(target_arch = "wasm32", not(feature = "bundled-content")))]
    return generated::style_file(feature.file_stem()).map(remote::url);
    #[cfg(not(all(target_arch = "wasm32", not(feature = "bundled-content"))))]
    {
        let _ = feature;
        None
    }
}

/// Makes sure content files are available: compiled-in content always is.
#[cfg(all(target_arch = "wasm32", feature = "bundled-content"))]
pub async fn ensure(_locale: Locale, _features: Vec<Feature>) -> Result<(), String> {
    Ok(())
}

/// Where fetched content lives: compiled-in content has no address.
#[cfg(all(target_arch = "wasm32", feature = "bundled-content"))]
pub fn set_base(_base: &str) {}

/// Deserialises one feature's content for a locale into its typed model.
///
/// The browser reads it with the small [`decode`] reader (serde_json's derived deserialisers
/// would add about 18 KB of compressed wasm); native builds use serde, whose
/// `deny_unknown_fields` is what the content tests rely on. Tests check both give equal values.
pub fn load<T: DeserializeOwned + Decode>(
    locale: Locale,
    feature: Feature,
) -> Result<T, ContentError> {
    let text = raw(locale, feature).ok_or(ContentError::Missing {
        locale: locale.tag(),
        feature: feature.file_stem(),
    })?;
    #[cfg(target_arch = "wasm32")]
    let parsed = decode::from_str(text);
    #[cfg(not(target_arch = "wasm32"))]
    let parsed = serde_json::from_str(text).map_err(|e| e.to_string());
    parsed.map_err(|detail| ContentError::Invalid {
        locale: locale.tag(),
        feature: feature.file_stem(),
        detail,
    })
}

/// The self-check's content: its questions file joined with its "Why we ask" part when that
/// is here, and with its results part, or with an empty results part (`results: None`) for the
/// questions alone. See [`join_quiz`] for how parts join.
///
/// In the browser the questions alone are read by [`decode_quiz_questions`] instead, so the
/// readers of rules and route notes stay out of the main wasm (they come with the last screens'
/// chunk, which reads the whole file).
pub fn load_quiz<T: DeserializeOwned + Decode>(
    locale: Locale,
    results: Option<&str>,
) -> Result<T, ContentError> {
    let missing = |feature: Feature| ContentError::Missing {
        locale: locale.tag(),
        feature: feature.file_stem(),
    };
    let quiz = raw(locale, Feature::Quiz).ok_or(missing(Feature::Quiz))?;
    let why = raw(locale, Feature::Why);
    let results = match results {
        Some(text) => text,
        None => generated::BLANK_RESULTS,
    };
    let invalid = |detail: String| ContentError::Invalid {
        locale: locale.tag(),
        feature: Feature::Quiz.file_stem(),
        detail,
    };
    #[cfg(target_arch = "wasm32")]
    {
        let mut all = decode::parse(quiz).map_err(invalid)?;
        for part in why.into_iter().chain([results]) {
            join_quiz(&mut all, decode::parse(part).map_err(invalid)?);
        }
        T::decode(&all).map_err(|e| invalid(e.trim_start_matches(['.', ':', ' ']).to_owned()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let parts: Vec<&str> = std::iter::once(quiz).chain(why).chain([results]).collect();
        serde_json::from_value(quiz_json(&parts).map_err(invalid)?)
            .map_err(|e| invalid(e.to_string()))
    }
}

/// Joins a part of the quiz file into what is already read: objects member by member (a member
/// in both is joined again), `questions` item by item (each part lists every question, in the
/// same order), other lists one after the other.
fn join_quiz(all: &mut decode::Json, part: decode::Json) {
    use decode::Json;
    match (all, part) {
        (Json::Obj(mine), Json::Obj(more)) => {
            for (key, value) in more {
                match mine.iter_mut().find(|(k, _)| *k == key) {
                    Some((k, Json::Arr(items))) if k == "questions" => {
                        if let Json::Arr(more) = value {
                            for (item, extra) in items.iter_mut().zip(more) {
                                join_quiz(item, extra);
                            }
                        }
                    }
                    Some((_, slot)) => join_quiz(slot, value),
                    None => mine.push((key, value)),
                }
            }
        }
        (Json::Arr(mine), Json::Arr(more)) => mine.extend(more),
        (slot, value) => *slot = value,
    }
}

/// Reads the questions part alone (`kg-<locale>-quiz-*.json`), with the "Why we ask" part
/// (`why`) when it is here, as the whole content with its results part left empty: what
/// [`load_quiz`] gives for `results: None`, without reading any rule, route note or provider
/// question.
pub fn decode_quiz_questions(
    text: &str,
    why: Option<&str>,
) -> Result<crate::quiz::QuizContent, String> {
    use decode::Json;
    let mut v = decode::parse(text)?;
    if let Some(why) = why {
        join_quiz(&mut v, decode::parse(why)?);
    }
    // The review's and result's texts are in the results part: empty ones keep `ui` whole.
    if let (Json::Obj(all), Json::Obj(blank)) =
        (&mut v, decode::parse(generated::BLANK_RESULTS_UI)?)
    {
        if let Some((_, Json::Obj(ui))) = all.iter_mut().find(|(k, _)| k == "ui") {
            ui.extend(blank);
        }
    }
    crate::quiz::QuizContent::decode_questions(&v)
        .map_err(|e| e.trim_start_matches(['.', ':', ' ']).to_owned())
}

/// The whole quiz file's JSON from its parts, joined as in the browser (native: validation and
/// tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn quiz_json(parts: &[&str]) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    fn join(all: &mut Value, part: Value) {
        match (all, part) {
            (Value::Object(mine), Value::Object(more)) => {
                for (key, value) in more {
                    match (key.as_str(), mine.get_mut(&key), value) {
                        ("questions", Some(Value::Array(items)), Value::Array(more)) => {
                            for (item, extra) in items.iter_mut().zip(more) {
                                join(item, extra);
                            }
                        }
                        (_, Some(slot), value) => join(slot, value),
                        (_, None, value) => {
                            mine.insert(key, value);
                        }
                    }
                }
            }
            (Value::Array(mine), Value::Array(more)) => mine.extend(more),
            (slot, value) => *slot = value,
        }
    }
    let mut parts = parts.iter().map(|p| serde_json::from_str::<Value>(p));
    let mut all = parts.next().ok_or("no part")?.map_err(|e| e.to_string())?;
    if !all.is_object() {
        return Err("expected objects".to_owned());
    }
    for part in parts {
        join(&mut all, part.map_err(|e| e.to_string())?);
    }
    Ok(all)
}

/// A source behind a claim, question or rule: a study, a label or a guideline.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id, unique within its file (e.g. `spravato-label`).
    pub id: String,
    /// Human citation: who, what, where, year.
    pub citation: String,
    /// A stable public address, when one exists.
    #[serde(default)]
    pub url: Option<String>,
}

/// Fills `{name}` placeholders in a content template. Unknown placeholders stay visible (so a
/// missing argument is noticed in review rather than silently dropped); `{{` is a literal brace.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        if let Some(stripped) = after.strip_prefix('{') {
            out.push('{');
            rest = stripped;
            continue;
        }
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders_and_keeps_unknown_ones() {
        assert_eq!(
            fill(
                "Question {current} of {total}",
                &[("current", "2"), ("total", "9")]
            ),
            "Question 2 of 9"
        );
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
        assert_eq!(fill("keep {missing}", &[]), "keep {missing}");
        assert_eq!(fill("literal {{ brace", &[]), "literal { brace");
        assert_eq!(fill("open { end", &[]), "open { end");
        assert_eq!(fill("", &[("a", "b")]), "");
    }

    #[test]
    fn locale_tags_negotiate_to_supported_languages() {
        assert_eq!(Locale::from_tag("en-US"), Some(Locale::En));
        assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
        assert_eq!(Locale::from_tag("xx"), None);
        assert_eq!(Locale::from_tag(""), None);
        assert_eq!(Locale::negotiate(["de-DE", "en-GB"]), Locale::En);
        assert_eq!(Locale::negotiate(["de-DE"]), Locale::En);
        assert_eq!(Locale::negotiate(["es-MX", "en-US"]), Locale::Es);
        assert_eq!(Locale::from_tag("es_419"), Some(Locale::Es));
    }

    #[test]
    fn every_content_file_has_its_own_hashed_file_name() {
        let mut names = Vec::new();
        for &locale in Locale::ALL {
            for &feature in Feature::ALL {
                let name = file_name(locale, feature).expect("named");
                assert!(
                    name.starts_with(&format!("kg-{}-{}-", locale.tag(), feature.file_stem())),
                    "{name}"
                );
                assert!(name.ends_with(".json"), "{name}");
                names.push(name);
            }
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Locale::ALL.len() * Feature::ALL.len());
    }

    #[test]
    fn every_feature_file_exists_for_every_locale() {
        for &locale in Locale::ALL {
            for &feature in Feature::ALL {
                assert!(
                    raw(locale, feature).is_some(),
                    "{locale:?} {feature:?} missing"
                );
            }
        }
    }
}
