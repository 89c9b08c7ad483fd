//! The explorer's controls: search box, the results count (a polite live region) and "Clear
//! filters" right under it, then the topic and verdict chips, folded behind a "Filters" button
//! on narrow screens so the first results stay under the box; plus the empty state, which
//! offers the topic closest to a search that found nothing.

use super::state::Action;
use super::Ctx;
use crate::myths::{Chip, ExplorerView, Query, Topic, Verdict};
use crate::ui::widgets::{heading, Heading};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Search, count, "Clear filters" and the chips.
pub(crate) fn controls(ctx: &Ctx, query: &Query, view: &ExplorerView, open: bool) -> Html {
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
    let chips_id = format!("{}-filters", ctx.prefix);
    let active = query.topics.len() + query.verdicts.len();
    let toggle_text = if active == 0 {
        ui.filters_button.clone()
    } else {
        ui.filters_active.replace("{count}", &active.to_string())
    };
    let toggle = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ToggleFilters))
    };
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
            <div class="kg-myths-status">
                <p class="kg-myths-count" role="status" aria-live="polite" data-count={view.results.len().to_string()}>
                    { &view.count_text }
                </p>
                if view.can_clear {
                    { clear_button(ctx, "kg-button kg-secondary") }
                }
                // Shown on narrow screens only (myths.css); wide ones always show the chips.
                <button
                    type="button"
                    class="kg-button kg-secondary kg-myths-filters-toggle"
                    aria-expanded={if open { "true" } else { "false" }}
                    aria-controls={chips_id.clone()}
                    data-action="filters"
                    onclick={toggle}
                >
                    { toggle_text }
                </button>
            </div>
            <div class="kg-myths-filters" id={chips_id} data-folded={(!open).then_some("true")}>
                <fieldset class="kg-chips" data-group="topic">
                    <legend>{ &ui.topics_group }</legend>
                    <div class="kg-chip-list">{ for topic_chips }</div>
                </fieldset>
                <fieldset class="kg-chips" data-group="verdict">
                    <legend>{ &ui.verdicts_group }</legend>
                    <div class="kg-chip-list">{ for verdict_chips }</div>
                </fieldset>
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
            // Glyphs are decoration, hidden from the chip's name ("Sleep (5)", not "✓ Sleep
            // (5)"): a verdict's icon, and the tick on a selected topic.
            if let Some(icon) = chip.icon {
                <span class="kg-chip-icon" aria-hidden="true">{ icon }</span>
            } else if chip.selected {
                <span class="kg-chip-tick" aria-hidden="true">{ "✓" }</span>
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

/// Shown when nothing matches: says so, offers the closest topic when there is one, and
/// offers to clear the search and filters.
pub(crate) fn empty_state(ctx: &Ctx, suggestion: Option<&Topic>) -> Html {
    let ui = &ctx.content.ui;
    let suggest = suggestion.map(|t| {
        let dispatch = ctx.dispatch.clone();
        let id = t.id.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::ShowTopic(id.clone())));
        html! {
            <div class="kg-myths-suggest" data-suggest={t.id.clone()}>
                <p>{ ui.suggest_text.replace("{topic}", &t.label) }</p>
                <button type="button" class="kg-button" data-action="suggest" {onclick}>
                    { ui.suggest_button.replace("{topic}", &t.label) }
                </button>
            </div>
        }
    });
    html! {
        <div class="kg-myths-empty" data-empty="true">
            { heading(ctx.level, 1, Heading { class: "kg-myths-empty-title", ..Heading::default() }, html! { &ui.empty_title }) }
            { for suggest }
            <p>{ &ui.empty_body }</p>
            { clear_button(ctx, if suggestion.is_some() { "kg-button kg-secondary" } else { "kg-button" }) }
        </div>
    }
}
