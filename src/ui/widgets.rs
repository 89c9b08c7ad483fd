//! Small shared pieces: a disclosure ("Why we ask", "How we calculated this", claim evidence),
//! a source list and heading levels. Feature components compose these; they hold no feature
//! logic.

use crate::content::Source;
use yew::prelude::*;

/// Disclosure properties.
#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    /// The button's text.
    pub summary: AttrValue,
    /// Stable id of the controlled region (unique within the instance).
    pub id: AttrValue,
    /// Start open.
    #[prop_or_default]
    pub open: bool,
    /// Extra class on the wrapper.
    #[prop_or_default]
    pub class: AttrValue,
    /// What is revealed.
    pub children: Html,
}

/// A button that shows and hides a region (`aria-expanded` + `aria-controls`), keyboard
/// operable because it is a native button.
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let open = use_state(|| props.open);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    // Set as the `className` property: yew turns a computed `class` attribute into a class
    // set (`Classes`), whose code would otherwise weigh on the main wasm. Same DOM.
    let class = match props.class.as_str() {
        "" => "kg-disclosure".to_owned(),
        extra => format!("kg-disclosure {extra}"),
    };
    html! {
        <div ~className={class}>
            <button
                type="button"
                class="kg-disclosure-button"
                aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={props.id.clone()}
                onclick={toggle}
            >
                <span class="kg-disclosure-icon" aria-hidden="true">{ if *open { "▾" } else { "▸" } }</span>
                { props.summary.clone() }
            </button>
            <div class="kg-disclosure-body" id={props.id.clone()} hidden={!*open}>
                { props.children.clone() }
            </div>
        </div>
    }
}

/// Source list properties.
#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    /// The sources, already resolved from ids.
    pub sources: Vec<Source>,
    /// Heading text (e.g. "Sources"); omitted when empty.
    #[prop_or_default]
    pub heading: AttrValue,
}

/// The sources behind a claim, question or reason. Each item carries `data-source`.
#[component]
pub fn SourceList(props: &SourceListProps) -> Html {
    if props.sources.is_empty() {
        return Html::default();
    }
    html! {
        <div class="kg-sources">
            if !props.heading.is_empty() {
                <p class="kg-sources-heading">{ props.heading.clone() }</p>
            }
            <ul>
                { for props.sources.iter().map(|s| source_item(s, Html::default())) }
            </ul>
        </div>
    }
}

/// One source as a list item: the citation as a link, what kind of publication it is, when a
/// web page was read, then `more` (the figures traced to it, where a tool shows them).
pub fn source_item(s: &Source, more: Html) -> Html {
    html! {
        <li data-source={s.id.clone()}>
            <a href={s.url.clone()} rel="noopener noreferrer" target="_blank" lang={s.lang.clone()}>
                { &s.citation }
            </a>
            if let Some(note) = &s.note {
                { " " }
                <span class="kg-source-note">{ note }</span>
            }
            { " " }
            <span class="kg-source-kind">{ &s.kind_label }</span>
            if let Some(read) = &s.read {
                { " " }
                <span class="kg-source-read">{ read }</span>
            }
            { more }
        </li>
    }
}

/// How a heading made by [`heading`] looks and behaves.
#[derive(Default)]
pub struct Heading {
    /// Its class.
    pub class: &'static str,
    /// Its id, if something refers to it.
    pub id: Option<AttrValue>,
    /// Script may focus it (`tabindex="-1"`).
    pub focusable: bool,
    /// It is what a screen of the self-check focuses when it appears (`data-kg-focus`; also
    /// focusable).
    pub step: bool,
}

/// A heading `depth` levels below a tool's title, whose own level is `title`
/// ([`super::Widget::heading`]): the outline stays nested whether or not an embed shows its
/// own title above the tools. One function for every heading, so its five tags are in the
/// code once.
pub fn heading(title: u8, depth: u8, a: Heading, children: Html) -> Html {
    let Heading {
        class,
        id,
        focusable,
        step,
    } = a;
    let tabindex = (focusable || step).then_some("-1");
    let marker = step.then_some("true");
    macro_rules! h {
        ($tag:ident) => {
            html! {
                <$tag ~className={class} {id} {tabindex} data-kg-focus={marker}>{ children }</$tag>
            }
        };
    }
    match title + depth {
        0..=2 => h!(h2),
        3 => h!(h3),
        4 => h!(h4),
        5 => h!(h5),
        _ => h!(h6),
    }
}
