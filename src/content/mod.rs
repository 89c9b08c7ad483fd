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
    /// Eligibility self-check: its questions (`quiz.toml` without the part below).
    Quiz,
    /// The self-check's rules, outcomes, route notes and provider questions: the part of
    /// `quiz.toml` only its result needs, shipped as a file of its own (see `build.rs`).
    Results,
    /// Myth-versus-evidence explorer (`myths.toml`).
    Myths,
    /// Cost estimator (`cost.toml`).
    Cost,
}

impl Feature {
    /// Every feature.
    pub const ALL: &'static [Feature] = &[
        Feature::Shell,
        Feature::Quiz,
        Feature::Results,
        Feature::Myths,
        Feature::Cost,
    ];

    /// The file stem under `content/<locale>/` (and in the shipped file's name).
    pub fn file_stem(self) -> &'static str {
        match self {
            Feature::Shell => "ui",
            Feature::Quiz => "quiz",
            Feature::Results => "results",
            Feature::Myths => "myths",
            Feature::Cost => "cost",
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

/// A tool's own stylesheet (`kg-style-<tool>-<hash>.css`), linked when the tool is first
/// shown. `None` for tools whose styles are in the page's stylesheet, and in builds with
/// compiled-in content, which ship no files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyleFile {
    /// Its address.
    pub href: String,
    /// Its integrity value (`sha256-…`), once the page knows it: the stylesheet is linked only
    /// with one, so the browser refuses bytes that differ from this release's.
    pub integrity: Option<String>,
}

/// The tool's own stylesheet, if it has one (see [`StyleFile`]).
pub fn style_file(feature: Feature) -> Option<StyleFile> {
    #[cfg(all(target_arch = "wasm32", not(feature = "bundled-content")))]
    return generated::style_file(feature.file_stem()).map(|name| StyleFile {
        href: remote::url(name),
        integrity: remote::integrity(name),
    });
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

/// The self-check's content: its questions file joined with its results part, or with an empty
/// results part (`results: None`) for the questions alone. The results part's top-level
/// members join the questions file's; where both parts have a member (`ui`, `sources`), the
/// object's members or the list's items are joined.
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
        use decode::Json;
        let (Json::Obj(mut all), Json::Obj(extra)) = (
            decode::parse(quiz).map_err(invalid)?,
            decode::parse(results).map_err(invalid)?,
        ) else {
            return Err(invalid("expected two objects".to_owned()));
        };
        for (key, value) in extra {
            match (all.iter_mut().find(|(k, _)| *k == key), value) {
                (Some((_, Json::Obj(mine))), Json::Obj(more)) => mine.extend(more),
                (Some((_, Json::Arr(mine))), Json::Arr(more)) => mine.extend(more),
                (_, value) => all.push((key, value)),
            }
        }
        T::decode(&Json::Obj(all))
            .map_err(|e| invalid(e.trim_start_matches(['.', ':', ' ']).to_owned()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_value(quiz_json(quiz, results).map_err(invalid)?)
            .map_err(|e| invalid(e.to_string()))
    }
}

/// Reads the questions part alone (`kg-<locale>-quiz-*.json`) as the whole content with its
/// results part left empty: what [`load_quiz`] gives for `results: None`, without reading any
/// rule, route note or provider question.
pub fn decode_quiz_questions(text: &str) -> Result<crate::quiz::QuizContent, String> {
    use decode::Json;
    let mut v = decode::parse(text)?;
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

/// The whole quiz file's JSON from its two parts (native: validation and tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn quiz_json(quiz: &str, results: &str) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    let (Value::Object(mut all), Value::Object(extra)) = (
        serde_json::from_str(quiz).map_err(|e| e.to_string())?,
        serde_json::from_str(results).map_err(|e| e.to_string())?,
    ) else {
        return Err("expected two objects".to_owned());
    };
    for (key, value) in extra {
        match (all.get_mut(&key), value) {
            (Some(Value::Object(mine)), Value::Object(more)) => mine.extend(more),
            (Some(Value::Array(mine)), Value::Array(more)) => mine.extend(more),
            (_, value) => {
                all.insert(key, value);
            }
        }
    }
    Ok(Value::Object(all))
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
