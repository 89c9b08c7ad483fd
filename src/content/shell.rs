//! Strings of the app shell (header, disclaimer, crisis contacts, tabs, error panel):
//! `content/<locale>/ui.toml`; and the messages about an embed's attributes:
//! `content/<locale>/embed.toml`, fetched only by an embed that has something to report.

use super::{load, ContentError, Feature, Locale};

crate::json_struct! {
impl Decode;
/// Every string the shell shows. A missing key fails deserialisation (and the native tests).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShellText {
    /// The widget's title.
    pub title: String,
    /// The standalone page's `<title>` (what a tab and a screen reader announce).
    pub page_title: String,
    /// One-line purpose under the title.
    pub tagline: String,
    /// The "educational, not medical advice" line.
    pub disclaimer: String,
    /// The privacy promise shown under the header.
    pub privacy: String,
    /// Accessible name of the language switch.
    pub language_label: String,
    /// Accessible name of the section tab list.
    pub sections_label: String,
    /// Tab label: eligibility self-check.
    pub tab_quiz: String,
    /// Tab label: myths and evidence.
    pub tab_myths: String,
    /// Tab label: cost estimator.
    pub tab_cost: String,
    /// Shown in a tool's panel while its text downloads (the first visit only).
    pub loading: String,
    /// Heading of the panel shown when the app fails.
    pub error_title: String,
    /// Body of that panel.
    pub error_body: String,
    /// Label of the reload button on that panel.
    pub error_reload: String,
    /// Offer shown when a newer version of the app is ready (offline app).
    pub update_available: String,
    /// Button that reloads into the newer version.
    pub update_reload: String,
    /// The standing "Need help now?" link and the crisis contacts.
    pub help: HelpText,
}
}

crate::json_struct! {
impl Decode;
/// Crisis contacts: shown behind "Need help now?" on every tool, and in the self-check's
/// crisis message. 988 and 911 are `tel:` links (see `ui::help`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HelpText {
    /// The standing link that shows the contacts.
    pub open: String,
    /// What the 988 Lifeline is, and when it answers.
    pub lifeline: String,
    /// Link text: call 988.
    pub call: String,
    /// Link text: text 988.
    pub text: String,
    /// The `sms:` address of the text link (Spanish sends "AYUDA").
    pub text_href: String,
    /// Link text: chat online.
    pub chat: String,
    /// The chat's address.
    pub chat_href: String,
    /// What to do in immediate danger.
    pub danger: String,
    /// Link text: call 911.
    pub emergency: String,
}
}

crate::json_struct! {
impl Decode;
/// Messages for invalid embed attributes (`{value}` is what the clinic wrote):
/// `content/<locale>/embed.toml`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedText {
    /// Heading of the list of problems.
    pub title: String,
    /// `sections` names an unknown section.
    pub unknown_section: String,
    /// `start` is not an offered section.
    pub bad_start: String,
    /// `lang` is not a language we ship.
    pub unknown_lang: String,
    /// `currency` is not an ISO 4217 code.
    pub bad_currency: String,
    /// `cta-href` is not an http(s) address.
    pub bad_cta_href: String,
    /// Only one of `cta-href` and `cta-label` is set.
    pub cta_incomplete: String,
    /// `persist` has an unknown value.
    pub bad_persist: String,
    /// `theme` has an unknown value.
    pub bad_theme: String,
    /// `header` has an unknown value.
    pub bad_header: String,
    /// `routes` names an unknown treatment.
    pub unknown_route: String,
    /// `course-sessions` is not a whole number in range.
    pub bad_course_sessions: String,
    /// `booster-weeks` is not a whole number in range.
    pub bad_booster_weeks: String,
}
}

impl EmbedText {
    /// Loads the embed messages for a locale.
    pub fn load(locale: Locale) -> Result<Self, ContentError> {
        load(locale, Feature::Embed)
    }
}

impl ShellText {
    /// Loads the shell strings for a locale.
    pub fn load(locale: Locale) -> Result<Self, ContentError> {
        load(locale, Feature::Shell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::decode::from_str;
    use crate::content::raw;

    /// The shipped English shell text with one edit to its JSON.
    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let text = raw(Locale::En, Feature::Shell).expect("shell text");
        let mut value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        edit(&mut value);
        value.to_string()
    }

    #[test]
    fn every_locale_has_every_shell_string() {
        for &locale in Locale::ALL {
            let strings = ShellText::load(locale).expect("loads");
            assert!(!strings.title.is_empty() && !strings.help.call.is_empty());
            let embed = EmbedText::load(locale).expect("embed messages load");
            assert!(!embed.bad_persist.is_empty() && !embed.bad_theme.is_empty());
        }
    }

    #[test]
    fn a_missing_misspelt_or_mistyped_string_is_named() {
        let e = from_str::<ShellText>(&edited(|v| v["privacy"] = 1.into()));
        assert_eq!(e, Err("privacy: expected a string".to_owned()));
        let e = from_str::<ShellText>(&edited(|v| {
            v.as_object_mut().expect("object").remove("loading");
        }));
        assert_eq!(e, Err("missing field `loading`".to_owned()));
        let e = from_str::<ShellText>(&edited(|v| v["help"]["cal"] = "x".into()));
        assert_eq!(e, Err("help: unknown or repeated member `cal`".to_owned()));
        // The first problem in field order is the one reported.
        let e = from_str::<ShellText>(&edited(|v| {
            v["tagline"] = serde_json::Value::Null;
            v["help"]["call"] = 2.into();
        }));
        assert_eq!(e, Err("tagline: expected a string".to_owned()));
    }
}
