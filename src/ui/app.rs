//! The whole widget: header, messages about an embed's settings, section tabs and one panel per
//! tool. What it keeps lives in named hooks (`app_hooks`); this module only lays it out.

use super::app_hooks::{
    first_section, offered_sections, use_language_choice, use_page_language_and_title, use_place,
    use_ready_marker, use_tool_content, use_update_offer, use_widget, ToolStyles, Visited,
};
use super::loading::{self, Loaded};
use super::tabs::Tabs;
use super::{cost, header, load_failed, myths, quiz, AppProps, WidgetContext};
use crate::content::{self, shell::ShellText, Feature, Locale};
use crate::embed_config::ConfigError;
use crate::nav::{Place, Section};
use crate::platform::update;
use std::rc::Rc;
use yew::prelude::*;

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let (wanted, on_language) = use_language_choice(props);
    let sections = offered_sections(props);
    let (place, navigate) = use_place(props, &sections);
    // The place's section, or the first offered when an embed's `sections` no longer has it.
    let shown = Some(place.section)
        .filter(|s| sections.contains(s))
        .unwrap_or_else(|| first_section(props, &sections));
    let visited = Visited::new(shown, use_mut_ref(Vec::new), use_force_update());
    let styles = ToolStyles::new(
        use_mut_ref(Vec::new),
        use_mut_ref(Vec::new),
        use_force_update(),
    );
    // Set once the first view is ready: what is fetched after that never delays it.
    let settled = use_state(|| false);
    let loaded = use_tool_content(props, wanted, &visited, *settled);
    let locale = loaded.locale;
    let ready_now = loaded.complete && visited.all(|s| styles.here(s));
    let root = use_ready_marker(ready_now, settled.setter());
    let strings = use_memo(
        (locale, content::available(locale, Feature::Shell)),
        |(l, _)| ShellText::load(*l).map(Rc::new).ok(),
    );
    let strings = (*strings).clone();
    use_page_language_and_title(
        locale,
        props.standalone,
        strings.as_ref().map(|s| s.page_title.clone()),
    );
    let update_waiting = use_update_offer(props.standalone);
    let cleared = visited.forget_others();
    let widget = use_widget(
        props,
        &place,
        locale,
        strings.clone(),
        navigate.clone(),
        cleared,
    );

    let Some(s) = strings.as_deref() else {
        return match loaded.error_for(Feature::Shell).or(loaded.error()) {
            Some(e) => {
                html! { <div class="kg-app" lang={locale.tag()}>{ load_failed(None, e) }</div> }
            }
            // Downloading the first language's text: an empty, busy root (no data-ready yet).
            None => html! { <div class="kg-app" lang={locale.tag()} aria-busy="true"></div> },
        };
    };
    // A language that could not be fetched (the previous one still shown) is reported above the
    // tools; a tool that lacks its text or code says so in its own panel.
    let language_failed = loaded
        .error()
        .filter(|_| locale != wanted && loaded.complete);
    let tabs: Vec<(Section, String)> = sections
        .iter()
        .map(|&sec| (sec, tab_label(s, sec)))
        .collect();
    let on_select = navigate.reform(Place::section);
    // A clinic's prices and currency are checked by the estimator's code, once it is here.
    let price_problem = cost::code::get().map_or_else(Vec::new, |c| {
        (c.check_config)(props.prices.as_deref(), &props.currency, locale)
    });
    let config_errors: Vec<&ConfigError> =
        props.config_errors.iter().chain(&price_problem).collect();
    let panels = Panels {
        visited: &visited,
        styles: &styles,
        loaded: &loaded,
        locale,
        s,
    };

    html! {
        <div class="kg-app" lang={locale.tag()} data-theme={props.theme.id()} ref={root}>
            <ContextProvider<WidgetContext> context={widget}>
                <div class="kg-header" role={props.standalone.then_some("banner")}>
                    { header::header(s, props, locale, &on_language) }
                </div>
                if update_waiting {
                    { update_offer(s) }
                }
                if let (false, Some(explain)) = (config_errors.is_empty(), props.explain_settings) {
                    { (explain.0)(&config_errors, locale) }
                }
                if let Some(e) = language_failed {
                    { load_failed(Some(s), e) }
                }
                <Tabs label={s.sections_label.clone()} {tabs} selected={shown} {on_select} />
                { for sections.iter().map(|&sec| panels.panel(sec, sec != shown)) }
            </ContextProvider<WidgetContext>>
        </div>
    }
}

/// A newer version is ready (the offline copy): a status line and a reload button.
fn update_offer(s: &ShellText) -> Html {
    html! {
        <div class="kg-update" role="status">
            <p>{ &s.update_available }</p>
            <button type="button" class="kg-button" onclick={Callback::from(|_| update::accept())}>
                { &s.update_reload }
            </button>
        </div>
    }
}

/// A section's tab label.
fn tab_label(s: &ShellText, section: Section) -> String {
    match section {
        Section::Quiz => s.tab_quiz.clone(),
        Section::Myths => s.tab_myths.clone(),
        Section::Cost => s.tab_cost.clone(),
    }
}

/// What the tools' panels are drawn from.
struct Panels<'a> {
    visited: &'a Visited,
    styles: &'a ToolStyles,
    loaded: &'a Loaded,
    locale: Locale,
    s: &'a ShellText,
}

impl Panels<'_> {
    /// One tool's panel: nothing until it is first shown; then its stylesheet's link, and the
    /// tool once its text, code and stylesheet are here (a status line until then, the error
    /// panel if one of them could not be fetched).
    fn panel(&self, sec: Section, hidden: bool) -> Html {
        let visited = self.visited.contains(sec);
        // Linked only once its integrity value is known (for the standalone page, with the
        // first of the tool's files to arrive).
        let style = visited
            .then(|| content::style_file(sec.feature()))
            .flatten();
        let body = if !visited {
            Html::default()
        } else if let Some(e) = self.styles.refused(sec) {
            load_failed(Some(self.s), &e)
        } else if !(loading::ready(self.locale, sec.feature()) && self.styles.here(sec)) {
            match self.loaded.error_for(sec.feature()) {
                Some(e) => load_failed(Some(self.s), e),
                None => html! { <p class="kg-loading" role="status">{ &self.s.loading }</p> },
            }
        } else {
            section_view(sec)
        };
        html! {
            <section
                class="kg-panel"
                id={format!("kg-panel-{}", sec.id())}
                role="tabpanel"
                aria-labelledby={format!("kg-tab-{}", sec.id())}
                data-section={sec.id()}
                {hidden}
            >
                if let Some(content::StyleFile { href, integrity: Some(integrity) }) = style {
                    <link rel="stylesheet" {href} {integrity} crossorigin="anonymous" data-kg-style={sec.id()}
                        onload={self.styles.on_load(sec, true)} onerror={self.styles.on_load(sec, false)} />
                }
                { body }
            </section>
        }
    }
}

/// A tool's root component (callers check that its code is here first).
fn section_view(sec: Section) -> Html {
    match sec {
        Section::Quiz => html! { <quiz::QuizSection /> },
        Section::Myths => myths::code::get().map_or_else(Html::default, |v| v()),
        Section::Cost => cost::code::get().map_or_else(Html::default, |c| (c.view)()),
    }
}
