//! The explorer's controls: search box, topic and verdict chips, the results count (a polite
//! live region) and "Clear filters", plus the empty state.

use super::state::Action;
use super::Ctx;
use crate::myths::{Chip, ExplorerView, Query, Verdict};
use crate::ui::widgets::{heading, Heading};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Search, chips, count and "Clear filters".
pub(crate) fn controls(ctx: &Ctx, query: &Query, view: &ExplorerView) -> Html {
    let ui = &ctx.content.ui;
    let search_id = format!("{}-search", ctx.prefix);
    let oninput = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetText(input.value()));
        })
    };
    let topic_chips = view.topic_chips.iter().map(|chip| {
        let dispatch = ctx.dispatch.clone();
        let id = chip.id.to_owned();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::ToggleTopic(id.clone())));
        chip_button(chip, "topic", onclick)
    });
    let verdict_chips = view.verdict_chips.iter().filter_map(|chip| {
        let verdict = Verdict::from_id(chip.id)?;
        let dispatch = ctx.dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::ToggleVerdict(verdict)));
        Some(chip_button(chip, "verdict", onclick))
    });
    html! {
        <div class="kg-myths-controls">
            <div class="kg-myths-search">
                <label class="kg-myths-search-label" for={search_id.clone()}>{ &ui.search_label }</label>
                <input
                    type="search"
                    id={search_id}
                    class="kg-myths-search-input"
                    placeholder={ui.search_placeholder.clone()}
                    autocomplete="off"
                    spellcheck="false"
                    value={query.text.clone()}
                    {oninput}
                />
            </div>
            <fieldset class="kg-chips" data-group="topic">
                <legend>{ &ui.topics_group }</legend>
                <div class="kg-chip-list">{ for topic_chips }</div>
            </fieldset>
            <fieldset class="kg-chips" data-group="verdict">
                <legend>{ &ui.verdicts_group }</legend>
                <div class="kg-chip-list">{ for verdict_chips }</div>
            </fieldset>
            <div class="kg-myths-status">
                <p class="kg-myths-count" role="status" aria-live="polite" data-count={view.results.len().to_string()}>
                    { &view.count_text }
                </p>
                if view.can_clear {
                    { clear_button(ctx, "kg-button kg-secondary") }
                }
            </div>
        </div>
    }
}

/// A toggle button for one topic or verdict.
fn chip_button(chip: &Chip, group: &'static str, onclick: Callback<MouseEvent>) -> Html {
    let pressed = if chip.selected { "true" } else { "false" };
    let (topic, verdict) = match group {
        "topic" => (Some(chip.id.to_owned()), None),
        _ => (None, Some(chip.id.to_owned())),
    };
    html! {
        <button
            type="button"
            class={classes!("kg-chip", chip.icon.map(|_| format!("kg-verdict-{}", chip.id)))}
            aria-pressed={pressed}
            data-filter-topic={topic}
            data-filter-verdict={verdict}
            data-count={chip.count.to_string()}
            {onclick}
        >
            if let Some(icon) = chip.icon {
                <span class="kg-chip-icon" aria-hidden="true">{ icon }</span>
            }
            <span class="kg-chip-text">{ &chip.text }</span>
        </button>
    }
}

fn clear_button(ctx: &Ctx, class: &'static str) -> Html {
    let dispatch = ctx.dispatch.clone();
    html! {
        <button
            type="button"
            class={class}
            data-action="clear"
            onclick={Callback::from(move |_| dispatch.dispatch(Action::Clear))}
        >
            { &ctx.content.ui.clear_filters }
        </button>
    }
}

/// Shown when nothing matches: says so, and offers to clear the search and filters.
pub(crate) fn empty_state(ctx: &Ctx) -> Html {
    let ui = &ctx.content.ui;
    html! {
        <div class="kg-myths-empty" data-empty="true">
            { heading(ctx.level, 1, Heading { class: "kg-myths-empty-title", ..Heading::default() }, html! { &ui.empty_title }) }
            <p>{ &ui.empty_body }</p>
            { clear_button(ctx, "kg-button") }
        </div>
    }
}
