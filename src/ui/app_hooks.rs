//! The app's hooks, one per concern, each named for what it keeps: the person's language
//! choice, the place shown, which tools have been opened, each tool's text and stylesheet, the
//! ready marker, the page's language and title, and the offer of an update.

use super::loading::{self, Loaded};
use super::{AppProps, Widget};
use crate::content::{self, shell::ShellText, Feature, Locale};
use crate::nav::{Place, Section};
use crate::platform::route::RouteMode;
use crate::platform::storage::{self, Scope};
use crate::platform::update;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Storage name and version of the remembered language choice.
const LOCALE_KEY: &str = "locale";
const LOCALE_VERSION: u32 = 1;

/// The sections an instance offers, in order (every one when the list is empty).
pub fn offered_sections(props: &AppProps) -> Vec<Section> {
    if props.sections.is_empty() {
        Section::ALL.to_vec()
    } else {
        props.sections.clone()
    }
}

/// The language the person chose in the switch (remembered with their answers), which wins
/// over the page's, and the switch's callback. Read once, at mount, like the stored answers:
/// the self-check's code then includes their reader.
#[hook]
pub fn use_language_choice(props: &AppProps) -> (Locale, Callback<Locale>) {
    let chosen = {
        let scope = Scope::new(&props.instance, props.persist);
        use_state(move || {
            super::quiz::need_restore(&scope);
            match scope.load::<String>(LOCALE_KEY, LOCALE_VERSION) {
                storage::Loaded::Restored(tag) => Locale::from_tag(&tag),
                _ => None,
            }
        })
    };
    let on_language = {
        let chosen = chosen.clone();
        let scope = Scope::new(&props.instance, props.persist);
        Callback::from(move |l: Locale| {
            scope.save(LOCALE_KEY, LOCALE_VERSION, &l.tag());
            chosen.set(Some(l));
        })
    };
    (chosen.unwrap_or(props.locale), on_language)
}

/// Where the person is, kept in step with the URL fragment (or memory, in an embed), and the
/// callback that goes elsewhere. Places outside the offered sections are ignored.
#[hook]
pub fn use_place(
    props: &AppProps,
    sections: &[Section],
) -> (UseStateHandle<Place>, Callback<Place>) {
    let first = first_section(props, sections);
    let place = {
        let sections = sections.to_vec();
        let mode = props.route_mode;
        use_state(move || {
            mode.initial()
                .filter(|p| sections.contains(&p.section))
                .unwrap_or_else(|| Place::section(first))
        })
    };
    {
        let place = place.clone();
        let sections = sections.to_vec();
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
        let sections = sections.to_vec();
        Callback::from(move |p: Place| {
            if sections.contains(&p.section) {
                mode.push(&p);
                place.set(p);
            }
        })
    };
    (place, navigate)
}

/// The section opened first when the URL does not name one.
pub fn first_section(props: &AppProps, sections: &[Section]) -> Section {
    props
        .start
        .filter(|s| sections.contains(s))
        .unwrap_or(sections[0])
}

/// The sections shown so far. A tool's panel is built the first time its section is shown,
/// then kept (hidden) so its state survives switching tabs: the first view builds one tool,
/// not three. "Clear my answers" forgets every tool but the self-check (`forget_others`).
#[derive(Clone)]
pub struct Visited {
    shown: Rc<RefCell<Vec<Section>>>,
    refresh: UseForceUpdateHandle,
}

impl Visited {
    /// The sections shown so far, `shown` included, kept in `shown_so_far` (the app's
    /// `use_mut_ref`; a plain constructor rather than a hook of its own, which would cost the
    /// first view a boxed closure).
    pub fn new(
        shown: Section,
        shown_so_far: Rc<RefCell<Vec<Section>>>,
        refresh: UseForceUpdateHandle,
    ) -> Self {
        if !shown_so_far.borrow().contains(&shown) {
            shown_so_far.borrow_mut().push(shown);
        }
        Visited {
            shown: shown_so_far,
            refresh,
        }
    }

    /// The section has been shown.
    pub fn contains(&self, sec: Section) -> bool {
        self.shown.borrow().contains(&sec)
    }

    /// Whether every section shown so far passes `test`.
    pub fn all(&self, test: impl Fn(Section) -> bool) -> bool {
        self.shown.borrow().iter().all(|&s| test(s))
    }

    /// The features of the sections shown so far.
    pub fn features(&self) -> Vec<Feature> {
        self.shown.borrow().iter().map(|s| s.feature()).collect()
    }

    /// Drops the other tools: opened again, they start from nothing, as storage now holds
    /// nothing.
    pub fn forget_others(&self) -> Callback<()> {
        let this = self.clone();
        Callback::from(move |()| {
            this.shown.borrow_mut().retain(|&s| s == Section::Quiz);
            this.refresh.force_update();
        })
    }
}

/// The text every visible tool needs, in the wanted language. Once the first view is ready
/// (`settled`), also the self-check's "Why we ask", and the estimator's code and text when an
/// embed's prices or currency need checking, with the messages about its attributes.
#[hook]
pub fn use_tool_content(
    props: &AppProps,
    wanted: Locale,
    visited: &Visited,
    settled: bool,
) -> Loaded {
    let check_config = settled && (props.prices.is_some() || props.currency != "USD");
    let explain = !props.config_errors.is_empty() || check_config;
    let why = settled && visited.contains(Section::Quiz);
    let needed: Vec<Feature> = std::iter::once(Feature::Shell)
        .chain(visited.features())
        .chain(check_config.then_some(Feature::Cost))
        .chain(explain.then_some(Feature::Embed))
        .chain(why.then_some(Feature::Why))
        .collect();
    loading::use_content(wanted, needed)
}

/// Each tool's own stylesheet, linked in its panel on first use with its integrity value: the
/// tool is shown once it has loaded. One refused or not downloaded shows the error panel in
/// that tool's place.
#[derive(Clone)]
pub struct ToolStyles {
    loaded: Rc<RefCell<Vec<Section>>>,
    failed: Rc<RefCell<Vec<Section>>>,
    refresh: UseForceUpdateHandle,
}

impl ToolStyles {
    /// The tools' stylesheets, as they load: which have loaded and which failed (the app's
    /// `use_mut_ref`s; a plain constructor rather than a hook of its own, which would cost the
    /// first view a boxed closure).
    pub fn new(
        loaded: Rc<RefCell<Vec<Section>>>,
        failed: Rc<RefCell<Vec<Section>>>,
        refresh: UseForceUpdateHandle,
    ) -> Self {
        ToolStyles {
            loaded,
            failed,
            refresh,
        }
    }

    /// The tool's stylesheet has loaded (or it has none).
    pub fn here(&self, sec: Section) -> bool {
        content::style_file(sec.feature()).is_none() || self.loaded.borrow().contains(&sec)
    }

    /// Called by the stylesheet's `<link>` when it loads (`ok`) or fails.
    pub fn on_load(&self, sec: Section, ok: bool) -> Callback<Event> {
        let this = self.clone();
        Callback::from(move |_: Event| {
            if !this.loaded.borrow().contains(&sec) {
                this.loaded.borrow_mut().push(sec);
                if !ok {
                    this.failed.borrow_mut().push(sec);
                }
                this.refresh.force_update();
            }
        })
    }

    /// What went wrong with the tool's stylesheet, if it was refused.
    pub fn refused(&self, sec: Section) -> Option<String> {
        self.failed.borrow().contains(&sec).then(|| {
            let href = content::style_file(sec.feature()).map(|f| f.href);
            format!("{}: refused or not downloaded", href.unwrap_or_default())
        })
    }
}

/// `data-ready` on the app's root once the first view is built and usable (`ready_now`), set on
/// the element without another render of the whole app (effects run after children); `settled`
/// learns it too. Returns the root's ref.
#[hook]
pub fn use_ready_marker(ready_now: bool, settled: UseStateSetter<bool>) -> NodeRef {
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with(ready_now, move |now| {
            if let (true, Some(el)) = (*now, root.cast::<web_sys::Element>()) {
                let _ = el.set_attribute("data-ready", "true");
                settled.set(true);
            }
        });
    }
    root
}

/// The standalone page owns `<html lang>` and the page's title; an embed only marks its own
/// root.
#[hook]
pub fn use_page_language_and_title(locale: Locale, standalone: bool, title: Option<String>) {
    use_effect_with((locale, standalone, title), |(l, standalone, title)| {
        if *standalone {
            let document = gloo::utils::document();
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", l.tag());
            }
            if let Some(title) = title {
                document.set_title(title);
            }
        }
    });
}

/// A newer version is waiting (the standalone page's offline copy): the app offers a reload.
#[hook]
pub fn use_update_offer(standalone: bool) -> bool {
    let update = use_state(|| false);
    {
        let update = update.clone();
        use_effect_with(standalone, move |standalone| {
            let guard = standalone.then(|| {
                if update::waiting() {
                    update.set(true);
                }
                update::listen(Callback::from(move |_| update.set(true)))
            });
            move || drop(guard)
        });
    }
    *update
}

/// What every tool needs to know about its instance, rebuilt only when it changes.
#[hook]
pub fn use_widget(
    props: &AppProps,
    place: &Place,
    locale: Locale,
    shell: Option<Rc<ShellText>>,
    navigate: Callback<Place>,
    cleared: Callback<()>,
) -> Rc<Widget> {
    // The self-check reads "Why we ask" (and the longer description of its decision) into its
    // questions: its arrival re-renders the tools.
    let why_here = content::available(locale, Feature::Why);
    use_memo(
        (props.clone(), place.item.clone(), locale, shell, why_here),
        {
            // No list offers every section.
            let offers = |s| props.sections.is_empty() || props.sections.contains(&s);
            let (offers_myths, offers_cost) = (offers(Section::Myths), offers(Section::Cost));
            move |(p, item, locale, shell, why)| Widget {
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
                why: *why,
            }
        },
    )
}
