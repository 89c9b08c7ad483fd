//! The content model's front door: which locales exist, and how a feature's content file
//! (`content/<locale>/<feature>.toml`, converted to JSON by `build.rs`) becomes typed data.
//!
//! Each feature owns its typed model (`quiz::model`, `myths::model`, `cost::model`,
//! `content::shell`) and its JSON reading, and calls [`load`]; native tests validate every
//! file of every locale with the same reader the browser runs. This module knows no feature.

pub mod about;
pub mod decode;
pub mod encode;
pub mod evidence;
pub mod id_map;
pub mod json;
mod macros;
#[cfg(all(target_arch = "wasm32", not(feature = "bundled-content")))]
mod remote;
pub mod shell;
mod stored;
pub use evidence::Evidence;
pub use stored::Envelope;

#[cfg(all(target_arch = "wasm32", not(feature = "bundled-content")))]
pub use remote::{ensure, set_base};

use decode::Decode;
use json::Json;
use std::fmt;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/content_index.rs"));
}

/// A language the widget ships content for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
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
    /// The options compared in equal detail, and the values step (`options.toml`).
    Options,
    /// "About this guide" (`about.toml`): method, authors, funding, dates, each tool's check
    /// date. Shown at the foot of every tool.
    About,
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
        Feature::Options,
        Feature::About,
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
            Feature::Options => "options",
            Feature::About => "about",
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

/// Reads one feature's content for a locale into its typed model.
pub fn load<T: Decode>(locale: Locale, feature: Feature) -> Result<T, ContentError> {
    load_with(locale, feature, T::decode, |v| v)
}

/// The self-check's content: its questions file joined with its "Why we ask" part (when it is
/// here) and its results part. See [`join`] for how parts join.
pub fn load_quiz<T: Decode>(locale: Locale, results: &str) -> Result<T, ContentError> {
    let results =
        json::parse(results).map_err(|e| invalid(locale, Feature::Results, e.to_string()))?;
    let why = why_part(locale)?;
    load_with(locale, Feature::Quiz, T::decode, move |v| {
        let v = match why {
            Some(w) => join(v, w),
            None => v,
        };
        join(v, results)
    })
}

/// The self-check's questions alone, read with `read`, with their "Why we ask" when that part
/// is here (each question's `why` and `sources` stay empty until then): the results part's texts
/// under `ui` are there, empty, so `ui` reads whole (the review and result take [`load_quiz`]).
pub fn load_quiz_questions<T>(
    locale: Locale,
    read: fn(&Json) -> Result<T, String>,
) -> Result<T, ContentError> {
    let blank = json::parse(generated::BLANK_RESULTS_UI);
    let why = why_part(locale)?;
    load_with(locale, Feature::Quiz, read, move |v| {
        let v = match why {
            Some(w) => join(v, w),
            None => v,
        };
        match blank {
            Ok(ui) => join(v, Json::Obj(vec![("ui".into(), ui)])),
            Err(_) => v,
        }
    })
}

/// The "Why we ask" part of the self-check, parsed, if it is here.
fn why_part(locale: Locale) -> Result<Option<Json>, ContentError> {
    raw(locale, Feature::Why)
        .map(|text| json::parse(text).map_err(|e| invalid(locale, Feature::Why, e.to_string())))
        .transpose()
}

fn invalid(locale: Locale, feature: Feature, detail: String) -> ContentError {
    ContentError::Invalid {
        locale: locale.tag(),
        feature: feature.file_stem(),
        detail,
    }
}

/// Parses one content file, edits its tree with `edit`, then reads it with `read`.
fn load_with<T>(
    locale: Locale,
    feature: Feature,
    read: fn(&Json) -> Result<T, String>,
    edit: impl FnOnce(Json) -> Json,
) -> Result<T, ContentError> {
    let text = raw(locale, feature).ok_or(ContentError::Missing {
        locale: locale.tag(),
        feature: feature.file_stem(),
    })?;
    let tree = json::parse(text).map_err(|e| invalid(locale, feature, e.to_string()))?;
    // A top-level path starts with a separator that reads badly on its own.
    read(&edit(tree)).map_err(|e| {
        invalid(
            locale,
            feature,
            e.trim_start_matches(['.', ':', ' ']).to_owned(),
        )
    })
}

/// `more` joined into `all`: objects member by member (a member in both is joined again),
/// `questions` item by item (each part lists every question, in the same order), other lists
/// one after the other; any other value in `more` replaces the one in `all`.
fn join(all: Json, more: Json) -> Json {
    match (all, more) {
        (Json::Obj(mut mine), Json::Obj(more)) => {
            for (key, value) in more {
                match mine.iter().position(|(k, _)| *k == key) {
                    Some(i) => {
                        let old = std::mem::replace(&mut mine[i].1, Json::Null);
                        mine[i].1 = match (key.as_str(), old, value) {
                            ("questions", Json::Arr(items), Json::Arr(more)) => Json::Arr(
                                items
                                    .into_iter()
                                    .zip(more)
                                    .map(|(q, w)| join(q, w))
                                    .collect(),
                            ),
                            (_, old, value) => join(old, value),
                        };
                    }
                    None => mine.push((key, value)),
                }
            }
            Json::Obj(mine)
        }
        (Json::Arr(mut mine), Json::Arr(more)) => {
            mine.extend(more);
            Json::Arr(mine)
        }
        (_, value) => value,
    }
}

crate::json_struct! {
impl Decode;
/// A source behind a claim, question or rule: a study, a label, a guideline or a web page.
///
/// Each language has one bibliography (`content/<locale>/sources.toml`); `build.rs` copies into
/// each tool's shipped file only the sources it cites, with the kind's label and the date a web
/// page was read already written out in that language.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Stable id, the same in every tool and language (e.g. `spravato-label`).
    pub id: String,
    /// What kind of publication it is (`trial`, `study`, `review`, `label`, `guideline`,
    /// `government`, `service`, `consumer`, `marketing`).
    pub kind: String,
    /// The kind as readers see it (e.g. "Randomized trial").
    pub kind_label: String,
    /// The citation as published: authors, title, journal, year (in the publication's own
    /// language; see `lang`).
    pub citation: String,
    /// Our own words about the source (what kind of page it is, its size, who paid for it), in
    /// the guide's language.
    pub note: Option<String> = None,
    /// Where a reader can open it: a DOI, PubMed, or the official page.
    pub url: String,
    /// For web pages, when it was read, written out (e.g. "Read on December 5, 2026").
    pub read: Option<String> = None,
    /// The publication's language when it differs from the guide's (e.g. `en` for an English
    /// paper in the Spanish guide): its citation and the quotes from it are marked with it, so
    /// screen readers pronounce them right.
    pub lang: Option<String> = None,
}
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
