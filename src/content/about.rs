//! "About this guide" (`content/<locale>/about.toml`): how the evidence is checked, who makes
//! and pays for the guide, its dates and update policy, and when each tool was last checked.
//! Shown at the foot of every tool, fetched the first time one is shown.

use super::{load, ContentError, Feature, Locale};

crate::json_struct! {
impl Decode;
/// Everything the "About this guide" block says, in one locale.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AboutContent {
    /// When each tool's content was last checked against its sources.
    pub checked: CheckedOn,
    /// The block's own labels.
    pub ui: AboutText,
    /// The sections, in the order shown.
    pub sections: Vec<AboutSection>,
}
}

crate::json_struct! {
impl Decode;
/// The date (`YYYY-MM-DD`) each tool's content was last checked against its sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckedOn {
    /// The self-check.
    pub quiz: String,
    /// The evidence explorer.
    pub myths: String,
    /// The cost estimator.
    pub cost: String,
}
}

impl CheckedOn {
    /// The date for a tool's content (`None` for files that are not a tool's).
    pub fn of(&self, feature: Feature) -> Option<&str> {
        match feature {
            Feature::Quiz | Feature::Results => Some(&self.quiz),
            Feature::Myths => Some(&self.myths),
            Feature::Cost => Some(&self.cost),
            Feature::Shell | Feature::Why | Feature::Embed | Feature::Options | Feature::About => {
                None
            }
        }
    }
}

crate::json_struct! {
impl Decode;
/// Labels of the block.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AboutText {
    /// "Checked against its sources on {date}."
    pub checked: String,
    /// The button that shows the sections.
    pub open: String,
    /// Beside a clinic's booking link: the site's owner offers ketamine treatment and did not
    /// write the guide (`data-cta-disclosure`).
    pub cta_owner: String,
    /// Added to [`AboutText::cta_owner`] where the clinic's own prices are the ones shown.
    pub cta_prices: String,
}
}

crate::json_struct! {
impl Decode;
/// One section: a heading and its paragraphs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AboutSection {
    /// Stable id (`method`, `errors`, `who`, `funding`, `dates`).
    pub id: String,
    /// The section's heading.
    pub heading: String,
    /// Its paragraphs.
    pub paragraphs: Vec<String>,
}
}

impl AboutContent {
    /// Loads the block for a locale.
    pub fn load(locale: Locale) -> Result<Self, ContentError> {
        load(locale, Feature::About)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_dates_each_tool_and_explains_the_method() {
        for &locale in Locale::ALL {
            let about = AboutContent::load(locale).expect("about.toml loads");
            for date in [
                &about.checked.quiz,
                &about.checked.myths,
                &about.checked.cost,
            ] {
                let parts: Vec<&str> = date.split('-').collect();
                assert!(
                    parts.len() == 3 && parts.iter().all(|p| p.parse::<u32>().is_ok()),
                    "{locale:?}: {date:?} is not YYYY-MM-DD"
                );
            }
            let ids: Vec<&str> = about.sections.iter().map(|s| s.id.as_str()).collect();
            assert_eq!(
                ids,
                ["method", "errors", "who", "funding", "dates"],
                "{locale:?}"
            );
            assert!(about.ui.checked.contains("{date}"));
        }
    }
}
