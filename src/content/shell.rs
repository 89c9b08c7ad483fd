//! Strings of the app shell (header, disclaimer, tabs, error panel): `content/<locale>/ui.toml`.

use super::{load, ContentError, Feature, Locale};
use serde::{Deserialize, Serialize};

/// Every string the shell shows. A missing key fails deserialisation (and the native tests).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShellStrings {
    /// The widget's title.
    pub title: String,
    /// One-line purpose under the title.
    pub tagline: String,
    /// The "educational, not medical advice" line.
    pub disclaimer: String,
    /// The privacy promise shown under the header.
    pub privacy: String,
    /// Accessible name of the section tab list.
    pub sections_label: String,
    /// Tab label: eligibility self-check.
    pub tab_quiz: String,
    /// Tab label: myths and evidence.
    pub tab_myths: String,
    /// Tab label: cost estimator.
    pub tab_cost: String,
    /// Heading of the panel shown when the app fails.
    pub error_title: String,
    /// Body of that panel.
    pub error_body: String,
    /// Label of the reload button on that panel.
    pub error_reload: String,
}

impl ShellStrings {
    /// Loads the shell strings for a locale.
    pub fn load(locale: Locale) -> Result<Self, ContentError> {
        load(locale, Feature::Shell)
    }
}
