//! The Yew UI: a thin skin over the engines. Components render view models and dispatch
//! actions; they decide nothing themselves.

mod about;
mod app;
mod app_hooks;
mod cost;
mod evidence;
mod header;
mod help;
pub(crate) mod lazy;
mod loading;
mod myths;
mod options;
mod quiz;
mod tabs;
pub mod widgets;

pub use app::App;

use crate::content::{shell::ShellText, Locale};
use crate::cost::Offer;
use crate::embed_config::{ConfigError, Theme};
use crate::nav::{Place, Section};
use crate::platform::route::RouteMode;
use crate::platform::storage::Scope;
use std::rc::Rc;
use yew::prelude::*;

/// How an app instance is set up (standalone page or one embed element).
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    /// Language of every string shown.
    pub locale: Locale,
    /// Where navigation state lives (URL fragment or memory).
    pub route_mode: RouteMode,
    /// Which sections to offer, in order (never empty).
    pub sections: Vec<Section>,
    /// The section to open first when the URL does not name one.
    pub start: Option<Section>,
    /// Storage namespace of this instance.
    pub instance: AttrValue,
    /// Whether answers may be stored at all.
    pub persist: bool,
    /// Standalone page (owns the document's main heading) or embedded in a host page.
    pub standalone: bool,
    /// ISO 4217 currency for money shown (validated by the caller).
    #[prop_or(AttrValue::Static("USD"))]
    pub currency: AttrValue,
    /// A clinic's call to action (booking link), shown with results and estimates.
    #[prop_or_default]
    pub cta: Option<Cta>,
    /// A clinic's price book as JSON, if any (checked once the cost code is here).
    #[prop_or_default]
    pub prices: Option<AttrValue>,
    /// Problems with the embed's configuration, explained above the tools (a price book's are
    /// added once it has been checked).
    #[prop_or_default]
    pub config_errors: Vec<ConfigError>,
    /// The colors used (an embed's `theme`; the standalone page follows the device).
    #[prop_or_default]
    pub theme: Theme,
    /// Whether the guide's own title is shown (an embed's `header`).
    #[prop_or(true)]
    pub show_title: bool,
    /// A clinic's treatments and course (an embed's `routes`, `course-sessions`,
    /// `booster-weeks`).
    #[prop_or_default]
    pub offer: Offer,
    /// Explains problems with an embed's settings in words (the embed's own code, so that the
    /// standalone page never downloads it; `None` there).
    #[prop_or_default]
    pub explain_settings: Option<ExplainSettings>,
}

/// Renders what is wrong with an embed's settings, in words.
#[derive(Clone, Copy)]
pub struct ExplainSettings(pub fn(&[&ConfigError], Locale) -> Html);

/// There is one such function, the embed's: whether an instance has one is what differs.
impl PartialEq for ExplainSettings {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl AppProps {
    /// Every section, USD, answers kept for the session, no clinic settings: the base the
    /// standalone page, each embed and the tests adjust.
    pub fn new(locale: Locale, route_mode: RouteMode, instance: &str, standalone: bool) -> Self {
        AppProps {
            locale,
            route_mode,
            sections: Section::ALL.to_vec(),
            start: None,
            instance: instance.to_owned().into(),
            persist: true,
            standalone,
            currency: AttrValue::Static("USD"),
            cta: None,
            prices: None,
            config_errors: Vec::new(),
            theme: Theme::Auto,
            show_title: true,
            offer: Offer::ALL,
            explain_settings: None,
        }
    }
}

/// A clinic's call to action.
#[derive(Clone, Debug, PartialEq)]
pub struct Cta {
    /// Where the link goes (an http(s) URL, validated by the caller).
    pub href: AttrValue,
    /// The link text.
    pub label: AttrValue,
}

/// What every section needs to know about its instance, shared through a context.
#[derive(Clone, PartialEq)]
pub struct Widget {
    /// Active language.
    pub locale: Locale,
    /// Storage scope of this instance.
    pub scope: Scope,
    /// The item named by the current place, for the section shown (e.g. a claim id).
    pub item: Option<String>,
    /// Navigate to another place (a claim, another section).
    pub navigate: Callback<Place>,
    /// ISO 4217 currency for money shown.
    pub currency: AttrValue,
    /// A clinic's call to action, if configured.
    pub cta: Option<Cta>,
    /// A clinic's price book JSON, if configured.
    pub prices: Option<AttrValue>,
    /// A clinic's treatments and course.
    pub offer: Offer,
    /// The shell's text (loading and error messages inside a tool).
    pub shell: Option<Rc<ShellText>>,
    /// This instance offers the evidence explorer (the estimator links to its routes table).
    pub offers_myths: bool,
    /// This instance offers the cost estimator (the self-check's result links to it).
    pub offers_cost: bool,
    /// The heading level of a tool's title: 2, or 3 under an embed's own title. Headings inside
    /// a tool go one level further per depth (see [`widgets::heading`]).
    pub heading: u8,
    /// Places have real links (the standalone page's URL fragment), worth copying and sharing.
    pub linkable: bool,
    /// Called once "Clear my answers" has erased storage: every tool starts afresh.
    pub cleared: Callback<()>,
    /// The self-check's "Why we ask" part is here: the self-check reads it into its questions
    /// (and the longer description of the decision), so its arrival re-renders the self-check.
    pub why: bool,
}

/// Shared widget context, cheap to clone.
pub type WidgetContext = Rc<Widget>;

/// The problems with an embed's settings, explained above the tools once their text is here
/// (the embed's code: only embeds have settings).
pub(crate) fn config_panel(errors: &[&ConfigError], locale: Locale) -> Html {
    let Some((heading, messages)) = crate::embed_config::messages(errors, locale) else {
        return Html::default();
    };
    html! {
        <div class="kg-config-errors" role="status" data-config-errors="">
            <p class="kg-config-title"><strong>{ heading }</strong></p>
            <ul>{ for messages.into_iter().map(|m| html! { <li>{ m }</li> }) }</ul>
        </div>
    }
}

/// A part of a tool whose code is still downloading, or could not be: a status line, or the
/// error panel with its reload link.
fn pending(widget: &Widget, error: Option<&str>) -> Html {
    let strings = widget.shell.as_deref();
    match error {
        Some(e) => load_failed(strings, e),
        None => html! {
            <p class="kg-loading" role="status">{ strings.map(|s| s.loading.as_str()) }</p>
        },
    }
}

/// Shown when content could not be downloaded (offline before the first visit, a broken
/// deployment): plain text, a reload link, nothing lost.
fn load_failed(strings: Option<&ShellText>, detail: &str) -> Html {
    crate::platform::log_error(detail);
    let (title, body, reload) = match strings {
        Some(s) => (
            s.error_title.as_str(),
            s.error_body.as_str(),
            s.error_reload.as_str(),
        ),
        None => (
            "The guide could not load",
            "Part of this page did not download. Nothing you entered was sent anywhere. \
             Check your connection, then reload.",
            "Reload the page",
        ),
    };
    html! {
        <div class="kg-error" role="alert" data-error-panel="">
            <h2>{ title }</h2>
            <p>{ body }</p>
            <p><a class="kg-button" href="">{ reload }</a></p>
        </div>
    }
}
