//! Routes compared: IV, injection, nasal esketamine and tablets or lozenges side by side, as an
//! accessible data table (caption, column and row headers), with notes and sources.

use super::state::{Action, Focus};
use super::Ctx;
use crate::myths::RoutesView;
use crate::ui::evidence::TracedSources;
use crate::ui::widgets::{heading, Heading};
use yew::prelude::*;

/// Whether the row (`iv`, `im`, `esketamine-nasal`, `oral-sublingual`: the estimator's id
/// first) is a treatment the clinic named as its own.
fn offered_here(ctx: &Ctx, row_id: &str) -> bool {
    let route = row_id
        .split('-')
        .next()
        .and_then(crate::cost::Route::from_id);
    ctx.offer.listed() && route.is_some_and(|r| ctx.offer.offers(r))
}

/// The routes screen of the explorer.
pub(crate) fn routes_panel(ctx: &Ctx, view: &RoutesView) -> Html {
    let ui = &ctx.content.ui;
    let caption_id = format!("{}-routes-caption", ctx.prefix);
    let back = {
        let go = ctx.go(None);
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            go.emit(e);
            dispatch.dispatch(Action::Focus(Focus::RoutesLink));
        })
    };
    let sources: Vec<_> = view.sources.iter().map(|s| (*s).clone()).collect();
    let table = &ctx.content.routes;
    let evidence: Vec<_> = table
        .rows
        .iter()
        .flat_map(|r| &r.evidence)
        .chain(&table.evidence)
        .cloned()
        .collect();
    html! {
        <div class="kg-routes" data-routes="true">
            { heading(ctx.level, 1, Heading {
                class: "kg-routes-title",
                focusable: true,
                ..Heading::default()
            }, html! { &ui.routes_heading }) }
            // A wide table scrolls sideways on small screens, with shaded edges and this hint
            // (both shown only when it does; see myths.css); the region is focusable so the
            // keyboard can scroll it too.
            <p class="kg-table-hint kg-noprint">{ &ui.scroll_hint }</p>
            <div class="kg-table-scroll" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
                <table class="kg-routes-table">
                    <caption id={caption_id}>
                        // Kept to the visible width while the table scrolls (see myths.css).
                        <span class="kg-caption-text">{ view.caption }</span>
                    </caption>
                    <thead>
                        <tr>
                            { for view.headers.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for view.rows.iter().map(|row| {
                            let offered = offered_here(ctx, row.id);
                            html! {
                                <tr data-route={row.id.to_owned()} data-offered={offered.then_some("true")}>
                                    <th scope="row">
                                        { row.name }
                                        if offered { { " " }<strong>{ &ui.routes_offered }</strong> }
                                    </th>
                                    { for row.cells.iter().map(|c| html! { <td>{ *c }</td> }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if !view.notes.is_empty() {
                <ul class="kg-routes-notes">
                    { for view.notes.iter().map(|n| html! { <li>{ *n }</li> }) }
                </ul>
            }
            <TracedSources {sources} {evidence} heading={ui.routes_sources_heading.clone()} />
            <p class="kg-noprint">
                <a class="kg-button kg-secondary" href="#myths" data-action="back" onclick={back}>
                    { &ui.back_to_claims }
                </a>
            </p>
        </div>
    }
}
