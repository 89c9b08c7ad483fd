//! An accessible tab list (WAI-ARIA tabs pattern): arrow keys, Home and End move between tabs
//! and select them; only the selected tab is in the Tab order.

use crate::nav::Section;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Tab list properties.
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// Accessible name of the tab list.
    pub label: String,
    /// The tabs, in order, with their visible labels.
    pub tabs: Vec<(Section, String)>,
    /// The selected section.
    pub selected: Section,
    /// Called when a tab is chosen by click or keyboard.
    pub on_select: Callback<Section>,
}

/// The section switcher.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let count = props.tabs.len();
    let index_of = |s: Section| props.tabs.iter().position(|(t, _)| *t == s).unwrap_or(0);
    let current = index_of(props.selected);
    let onkeydown = {
        let ids: Vec<Section> = props.tabs.iter().map(|(s, _)| *s).collect();
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            let target = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (current + 1) % count,
                "ArrowLeft" | "ArrowUp" => (current + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            e.prevent_default();
            on_select.emit(ids[target]);
            // Move focus to the newly selected tab: it is a sibling of the focused one.
            let tab = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                .and_then(|t| t.parent_element())
                .and_then(|list| list.children().item(target as u32))
                .and_then(|el| el.dyn_into::<HtmlElement>().ok());
            if let Some(tab) = tab {
                let _ = tab.focus();
            }
        })
    };
    html! {
        <div class="kg-tabs" role="tablist" aria-label={props.label.clone()} {onkeydown}>
            { for props.tabs.iter().map(|(section, text)| {
                let selected = *section == props.selected;
                let onclick = {
                    let on_select = props.on_select.clone();
                    let section = *section;
                    Callback::from(move |_| on_select.emit(section))
                };
                html! {
                    <button
                        type="button"
                        role="tab"
                        class="kg-tab"
                        id={format!("kg-tab-{}", section.id())}
                        aria-controls={format!("kg-panel-{}", section.id())}
                        aria-selected={if selected { "true" } else { "false" }}
                        tabindex={if selected { "0" } else { "-1" }}
                        data-tab={section.id()}
                        {onclick}
                    >
                        { text }
                    </button>
                }
            }) }
        </div>
    }
}
