//! The Yew UI: a thin skin over the engines. Components render view models and dispatch
//! actions; they decide nothing themselves.

mod about;
pub(crate) mod code;
mod cost;
mod evidence;
mod help;
mod loading;
mod myths;
mod options;
mod quiz;
mod tabs;
pub mod widgets;

use crate::content::{self, shell::ShellStrings, Feature, Locale};
use crate::cost::Offer;
use crate::embed_config::{ConfigError, Theme};
use crate::nav::{Place, Section};
use crate::platform::storage::{Loaded, Scope};

/// Storage name and schema version of the remembered language choice.
const LOCALE_KEY: &str = "locale";
const LOCALE_VERSION: u32 = 1;
use crate::platform::{route::RouteMode, update};
use std::rc::Rc;
use tabs::Tabs;
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
    pub shell: Option<Rc<ShellStrings>>,
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
}

/// Shared widget context, cheap to clone.
pub type WidgetContext = Rc<Widget>;

/// The whole widget: header, disclaimer, section tabs and the three panels.
#[component]
pub fn App(props: &AppProps) -> Html {
    // The person's own language choice (remembered with their answers) wins over the page's.
    // Read once, at mount, like the stored answers: the self-check's code then includes their
    // reader.
    let chosen = {
        let scope = Scope::new(&props.instance, props.persist);
        use_state(move || {
            if quiz::has_stored(&scope) {
                code::need_quiz_restore();
            }
            match scope.load::<String>(LOCALE_KEY, LOCALE_VERSION) {
                Loaded::Restored(tag) => Locale::from_tag(&tag),
                _ => None,
            }
        })
    };
    let wanted = chosen.unwrap_or(props.locale);
    let on_language = {
        let chosen = chosen.clone();
        let scope = Scope::new(&props.instance, props.persist);
        Callback::from(move |l: Locale| {
            scope.save(LOCALE_KEY, LOCALE_VERSION, &l.tag());
            chosen.set(Some(l));
        })
    };
    let sections = if props.sections.is_empty() {
        Section::ALL.to_vec()
    } else {
        props.sections.clone()
    };
    let first = props
        .start
        .filter(|s| sections.contains(s))
        .unwrap_or(sections[0]);
    let place = {
        let sections = sections.clone();
        let mode = props.route_mode;
        use_state(move || {
            mode.initial()
                .filter(|p| sections.contains(&p.section))
                .unwrap_or_else(|| Place::section(first))
        })
    };
    // The section shown: the place's, or the first offered when an embed's `sections` changed
    // and no longer offers it.
    let shown = if sections.contains(&place.section) {
        place.section
    } else {
        first
    };
    // A tool's panel is built the first time its section is shown, then kept (hidden) so its
    // state survives switching tabs: the first view builds one tool, not three.
    let visited = use_mut_ref(Vec::<Section>::new);
    if !visited.borrow().contains(&shown) {
        visited.borrow_mut().push(shown);
    }
    // Set once the first view is ready: what is fetched after that never delays it.
    let settled = use_state(|| false);
    // The shell's text and each shown tool's; once settled, the cost code and text that check a
    // clinic's price book and a currency other than US dollars, and explain what is wrong.
    let check_config = *settled && (props.prices.is_some() || props.currency != "USD");
    // The messages about an embed's attributes, only when there may be something to say.
    let explain = !props.config_errors.is_empty() || check_config;
    // The self-check's "Why we ask" texts, right after its first view.
    let why = *settled && visited.borrow().contains(&Section::Quiz);
    let needed: Vec<Feature> = std::iter::once(Feature::Shell)
        .chain(visited.borrow().iter().map(|&s| s.feature()))
        .chain(check_config.then_some(Feature::Cost))
        .chain(explain.then_some(Feature::Embed))
        .chain(why.then_some(Feature::Why))
        .collect();
    let loaded = loading::use_content(wanted, needed);
    let locale = loaded.locale;
    let strings = use_memo(
        (locale, content::available(locale, Feature::Shell)),
        |(l, _)| ShellStrings::load(*l).map(Rc::new),
    );
    // A tool's own stylesheet (linked in its panel on first use, with its integrity value): the
    // tool is shown once it has loaded. One refused or not downloaded shows the error panel in
    // that tool's place (`style_failed`).
    let styled = use_mut_ref(Vec::<Section>::new);
    let style_failed = use_mut_ref(Vec::<Section>::new);
    let has_style = |sec: Section| {
        content::style_file(sec.feature()).is_none() || styled.borrow().contains(&sec)
    };
    let ready_now = loaded.complete && visited.borrow().iter().all(|&s| has_style(s));
    let refresh = use_force_update();
    let on_styled = |sec: Section, ok: bool| {
        let (styled, style_failed, refresh) =
            (styled.clone(), style_failed.clone(), refresh.clone());
        Callback::from(move |_: Event| {
            if !styled.borrow().contains(&sec) {
                styled.borrow_mut().push(sec);
                if !ok {
                    style_failed.borrow_mut().push(sec);
                }
                refresh.force_update();
            }
        })
    };
    let style_refused = |sec: Section| {
        style_failed.borrow().contains(&sec).then(|| {
            let href = content::style_file(sec.feature()).map(|f| f.href);
            format!("{}: refused or not downloaded", href.unwrap_or_default())
        })
    };
    // The standalone page owns <html lang> and the page title; an embed only marks its own root.
    let page_title = strings.as_ref().as_ref().ok().map(|s| s.page_title.clone());
    use_effect_with(
        (locale, props.standalone, page_title),
        |(l, standalone, title)| {
            if *standalone {
                let document = crate::platform::document();
                if let Some(html) = document.document_element() {
                    let _ = html.set_attribute("lang", l.tag());
                }
                if let Some(title) = title {
                    document.set_title(title);
                }
            }
        },
    );
    let update = use_state(|| false);
    {
        let update = update.clone();
        use_effect_with(props.standalone, move |standalone| {
            let guard = standalone.then(|| {
                if update::waiting() {
                    update.set(true);
                }
                update::listen(Callback::from(move |_| update.set(true)))
            });
            move || drop(guard)
        });
    }
    // `data-ready`: the first view is built and usable. Set on the element once the tools in it
    // have rendered (effects run after children), without another render of the whole app.
    let root = use_node_ref();
    {
        let root = root.clone();
        let settled = settled.clone();
        use_effect_with(ready_now, move |now| {
            if let (true, Some(el)) = (*now, root.cast::<web_sys::Element>()) {
                let _ = el.set_attribute("data-ready", "true");
                settled.set(true);
            }
        });
    }
    {
        let place = place.clone();
        let sections = sections.clone();
        use_effect_with(props.route_mode, move |mode| {
            let guard = mode.watch(Callback::from(move |p: Place| {
                if sections.contains(&p.section) {
                    place.set(p);
                }
            }));
            move || drop(guard)
        });
    }
    let navigate = {
        let place = place.clone();
        let mode = props.route_mode;
        let sections = sections.clone();
        Callback::from(move |p: Place| {
            if sections.contains(&p.section) {
                mode.push(&p);
                place.set(p);
            }
        })
    };
    // "Clear my answers" (in the self-check) drops the other tools: opened again, they start
    // from nothing, as storage now holds nothing.
    let cleared = {
        let (visited, refresh) = (visited.clone(), refresh.clone());
        Callback::from(move |()| {
            visited.borrow_mut().retain(|&s| s == Section::Quiz);
            refresh.force_update();
        })
    };
    let shell = strings.as_ref().as_ref().ok().cloned();
    let widget = use_memo((props.clone(), place.item.clone(), locale, shell), {
        let navigate = navigate.clone();
        let offers_myths = sections.contains(&Section::Myths);
        let offers_cost = sections.contains(&Section::Cost);
        move |(p, item, locale, shell)| Widget {
            locale: *locale,
            scope: Scope::new(&p.instance, p.persist),
            item: item.clone(),
            navigate,
            currency: p.currency.clone(),
            cta: p.cta.clone(),
            prices: p.prices.clone(),
            offer: p.offer,
            shell: shell.clone(),
            offers_myths,
            offers_cost,
            heading: if p.standalone || !p.show_title { 2 } else { 3 },
            linkable: p.route_mode == RouteMode::Fragment,
            cleared,
        }
    });

    let s = match (
        strings.as_ref(),
        loaded.error_for(Feature::Shell).or(loaded.error()),
    ) {
        (Ok(s), _) => &**s,
        (Err(_), Some(e)) => {
            return html! { <div class="kg-app" lang={locale.tag()}>{ load_failed(None, e) }</div> }
        }
        (Err(_), None) => {
            // Downloading the first language's text: an empty, busy root (no data-ready yet).
            return html! { <div class="kg-app" lang={locale.tag()} aria-busy="true"></div> };
        }
    };
    // A download that failed: inside the tool that lacks its text, or (a language that could not
    // be fetched, the previous one still shown) above the tools. Everything else stays usable.
    let language_failed = loaded
        .error()
        .filter(|_| locale != wanted && loaded.complete);
    let label = |section: Section| match section {
        Section::Quiz => s.tab_quiz.clone(),
        Section::Myths => s.tab_myths.clone(),
        Section::Cost => s.tab_cost.clone(),
    };
    let on_select = {
        let navigate = navigate.clone();
        Callback::from(move |section: Section| navigate.emit(Place::section(section)))
    };
    let tabs: Vec<(Section, String)> = sections.iter().map(|&sec| (sec, label(sec))).collect();
    let price_problem = code::config_problems(props.prices.as_deref(), &props.currency, locale);
    let config_errors: Vec<&ConfigError> =
        props.config_errors.iter().chain(&price_problem).collect();

    // The standalone page owns the document's h1 and its banner; an embed is a part of the
    // host's page: an h2 (or no title at all, `header="hide"`) and no banner landmark (the
    // header is a plain element, with the banner role only on the standalone page).
    let title = match (props.standalone, props.show_title) {
        (true, _) => html! { <h1 class="kg-title">{ &s.title }</h1> },
        (false, true) => html! { <h2 class="kg-title">{ &s.title }</h2> },
        (false, false) => Html::default(),
    };
    let header = html! {
        <>
            <div class="kg-bar">
                { help::standing(&s.help) }
                if Locale::ALL.len() > 1 {
                    <div class="kg-lang" role="group" aria-label={s.language_label.clone()}>
                        { for Locale::ALL.iter().map(|&l| {
                            let name = l.endonym();
                            let onclick = on_language.reform(move |_| l);
                            html! {
                                <button type="button" class="kg-lang-button" lang={l.tag()}
                                    data-locale={l.tag()}
                                    aria-pressed={if l == locale { "true" } else { "false" }}
                                    {onclick}>
                                    { name }
                                </button>
                            }
                        }) }
                    </div>
                }
            </div>
            { title }
            if props.show_title {
                <p class="kg-tagline">{ &s.tagline }</p>
            }
            <p class="kg-disclaimer"><strong>{ &s.disclaimer }</strong></p>
            <p class="kg-privacy">{ &s.privacy }</p>
        </>
    };

    html! {
        <div class="kg-app" lang={locale.tag()} data-theme={props.theme.id()} ref={root}>
            <ContextProvider<WidgetContext> context={widget.clone()}>
                <div class="kg-header" role={props.standalone.then_some("banner")}>{ header }</div>
                if *update {
                    <div class="kg-update" role="status">
                        <p>{ &s.update_available }</p>
                        <button type="button" class="kg-button" onclick={Callback::from(|_| update::accept())}>
                            { &s.update_reload }
                        </button>
                    </div>
                }
                if !config_errors.is_empty() {
                    { code::config_panel(&config_errors, locale) }
                }
                if let Some(e) = language_failed {
                    { load_failed(Some(s), e) }
                }
                <Tabs label={s.sections_label.clone()} {tabs} selected={shown} {on_select} />
                { for sections.iter().map(|&sec| {
                    let hidden = sec != shown;
                    html! {
                        <section
                            class="kg-panel"
                            id={format!("kg-panel-{}", sec.id())}
                            role="tabpanel"
                            aria-labelledby={format!("kg-tab-{}", sec.id())}
                            data-section={sec.id()}
                            {hidden}
                        >
                            // Linked only once its integrity value is known (for the
                            // standalone page, with the first of the tool's files to arrive).
                            if let Some(content::StyleFile { href, integrity: Some(integrity) }) = visited.borrow().contains(&sec).then(|| content::style_file(sec.feature())).flatten() {
                                <link rel="stylesheet" {href} {integrity} crossorigin="anonymous" data-kg-style={sec.id()} onload={on_styled(sec, true)} onerror={on_styled(sec, false)} />
                            }
                            if let Some(e) = visited.borrow().contains(&sec).then(|| style_refused(sec)).flatten() {
                                { load_failed(Some(s), &e) }
                            } else if visited.borrow().contains(&sec) && !(loading::ready(locale, sec.feature()) && has_style(sec)) {
                                if let Some(e) = loaded.error_for(sec.feature()) {
                                    { load_failed(Some(s), e) }
                                } else {
                                    <p class="kg-loading" role="status">{ &s.loading }</p>
                                }
                            } else if visited.borrow().contains(&sec) {
                                { code::view(sec.feature()) }
                            }
                        </section>
                    }
                }) }
            </ContextProvider<WidgetContext>>
        </div>
    }
}

/// The problems with an embed's settings, explained above the tools once their text is here
/// (the embed chunk's: only embeds have settings).
fn config_panel(errors: &[&ConfigError], locale: Locale) -> Html {
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
fn load_failed(strings: Option<&ShellStrings>, detail: &str) -> Html {
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
