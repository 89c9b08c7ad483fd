//! The myth-versus-evidence explorer: search box, filter chips, claim cards and the
//! routes-compared table. A thin skin over `crate::myths`: the engine filters, counts and words
//! everything; this module keeps the person's query, which cards are open, and where focus goes.

mod card;
mod chart;
mod filters;
mod routes;
mod state;

use super::widgets::{heading, Heading};
use super::WidgetContext;
use crate::content::ContentError;
use crate::myths::{self, explorer_view, routes_view, MythsContent, MythsLink};
use crate::nav::{Place, Section};
use crate::platform::storage::{Loaded, Scope};
use state::{Action, ExplorerState, Focus, Stored, STORE_NAME, STORE_VERSION};
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

crate::lazy_part! {
    /// The explorer: chunk `myths`, fetched when its tab is first shown.
    pub(crate) mod code: fn() -> Html = chunk myths, "the evidence explorer's code did not load",
        myths_view;
}

fn myths_view() -> Html {
    html! { <MythsSection /> }
}

/// Several widgets may share one document, so element ids carry a per-instance prefix.
fn next_prefix() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!("kg-myths{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// What every part of the explorer needs to render and to send actions.
pub(crate) struct Ctx<'a> {
    content: &'a MythsContent,
    prefix: &'a str,
    dispatch: UseReducerDispatcher<ExplorerState>,
    navigate: Callback<Place>,
    /// Claims have URLs worth copying (the standalone page).
    linkable: bool,
    /// The level of the tool's title (see `Widget::heading`).
    level: u8,
    /// The clinic's treatments, marked in the routes table.
    offer: crate::cost::Offer,
}

impl Ctx<'_> {
    /// A click handler for a link to another place: handled in-app (the URL fragment is only
    /// written by the router, and an embed never touches its host's URL).
    fn go(&self, item: Option<String>) -> Callback<MouseEvent> {
        let navigate = self.navigate.clone();
        let dispatch = self.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            // Modified clicks keep the browser's own behaviour (open in a new tab).
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            // Revealing here as well covers a link to the claim already named by the place.
            if let Some(id) = item.clone().filter(|i| i != myths::link::ROUTES_SLUG) {
                dispatch.dispatch(Action::Reveal { id, clear: false });
            }
            navigate.emit(Place {
                section: Section::Myths,
                item: item.clone(),
            });
        })
    }
}

/// The explorer's state, restored from storage at mount, and stored again from an effect (so
/// rendering stays free of side effects). An empty search is not stored, so a fresh visit
/// leaves no trace.
#[hook]
fn use_stored_explorer(scope: &Scope) -> UseReducerHandle<ExplorerState> {
    let state = {
        let scope = scope.clone();
        use_reducer(
            move || match scope.load::<Stored>(STORE_NAME, STORE_VERSION) {
                Loaded::Restored(stored) => ExplorerState::restored(stored),
                Loaded::Discarded => ExplorerState::discarded(),
                Loaded::Empty => ExplorerState::default(),
            },
        )
    };
    {
        let scope = scope.clone();
        use_effect_with(state.query.clone(), move |query| {
            if query.is_empty() {
                scope.remove(STORE_NAME);
            } else {
                scope.save(STORE_NAME, STORE_VERSION, &Stored::new(query.clone()));
            }
        });
    }
    state
}

/// A place naming a claim opens it (clearing a search that hides it); one naming the routes
/// table or the options comparison moves focus there.
#[hook]
fn use_place_opens_claim(
    item: Option<String>,
    content: Rc<Result<MythsContent, ContentError>>,
    state: &UseReducerHandle<ExplorerState>,
) {
    let dispatch = state.dispatcher();
    let query = state.query.clone();
    use_effect_with(item, move |item| {
        let Ok(content) = content.as_ref() else {
            return;
        };
        match item.as_deref().and_then(myths::parse_item) {
            Some(MythsLink::Claim(id)) if content.claim(id).is_some() => {
                let shown = myths::query(&content.claims, &content.search, &query)
                    .iter()
                    .any(|c| c.id == id);
                dispatch.dispatch(Action::Reveal {
                    id: id.to_owned(),
                    clear: !shown,
                });
            }
            Some(MythsLink::Routes) => dispatch.dispatch(Action::Focus(Focus::Routes)),
            Some(MythsLink::Options) => dispatch.dispatch(Action::Focus(Focus::Options)),
            _ => {}
        }
    });
}

/// While the person types a search, the count and the first result stay under the box; after
/// an action that names a focus target, focus moves there once it is rendered.
#[hook]
fn use_results_and_focus_in_view(root: &NodeRef, prefix: &str, state: &ExplorerState) {
    {
        let root = root.clone();
        use_effect_with(state.typed, move |typed| {
            if let (true, Some(root)) = (*typed > 0, root.cast::<Element>()) {
                keep_results_in_view(&root);
            }
        });
    }
    {
        let root = root.clone();
        let prefix = prefix.to_owned();
        use_effect_with((state.focus.clone(), state.focus_seq), move |(focus, _)| {
            if let (Some(focus), Some(root)) = (focus, root.cast::<Element>()) {
                focus_target(&root, &prefix, focus);
            }
        });
    }
}

/// The myths section.
#[component]
pub fn MythsSection() -> Html {
    let widget = use_context::<WidgetContext>().expect("inside App");
    let content = use_memo(widget.locale, |l| MythsContent::load(*l));
    let prefix = use_state(next_prefix);
    let root = use_node_ref();
    let state = use_stored_explorer(&widget.scope);
    use_place_opens_claim(widget.item.clone(), content.clone(), &state);
    use_results_and_focus_in_view(&root, &prefix, &state);

    let content = match content.as_ref() {
        Ok(c) => c,
        Err(e) => return html! { <div class="kg-error" role="alert">{ e.to_string() }</div> },
    };
    let ui = &content.ui;
    let ctx = Ctx {
        content,
        prefix: &prefix,
        dispatch: state.dispatcher(),
        navigate: widget.navigate.clone(),
        linkable: widget.linkable,
        level: widget.heading,
        offer: widget.offer,
    };
    let screen = widget.item.as_deref().and_then(myths::parse_item);

    let body = if screen == Some(MythsLink::Routes) {
        routes::routes_panel(&ctx, &routes_view(content))
    } else if screen == Some(MythsLink::Options) {
        options_panel(&ctx)
    } else {
        let view = explorer_view(content, &state.query);
        html! {
            <>
                <p class="kg-myths-routes-link kg-noprint">
                    <a
                        class="kg-button kg-secondary"
                        href={myths::routes_fragment()}
                        data-action="routes"
                        onclick={ctx.go(Some(myths::link::ROUTES_SLUG.to_owned()))}
                    >
                        { &ui.routes_link }
                    </a>
                    { " " }
                    <a
                        class="kg-button kg-secondary"
                        href={myths::options_fragment()}
                        data-action="options"
                        onclick={ctx.go(Some(myths::link::OPTIONS_SLUG.to_owned()))}
                    >
                        { &ui.options_link }
                    </a>
                </p>
                { filters::controls(&ctx, &state.query, &view, state.filters_open) }
                if view.empty {
                    { filters::empty_state(&ctx, view.suggestion) }
                } else {
                    <div class="kg-myths-list">
                        { for view.results.iter().map(|claim| {
                            card::claim_card(&ctx, claim, state.is_open(&claim.id))
                        }) }
                    </div>
                }
            </>
        }
    };

    html! {
        <div class="kg-myths" ref={root}>
            { heading(ctx.level, 0, Heading { class: "kg-section-title", ..Heading::default() }, html! { &ui.heading }) }
            <p class="kg-myths-intro">{ &ui.intro }</p>
            if state.discarded {
                <p class="kg-myths-notice" role="status">{ &ui.restore_discarded }</p>
            }
            { body }
            <crate::ui::about::AboutGuide tool={crate::content::Feature::Myths} />
        </div>
    }
}

/// The options comparison as a screen of the explorer, with a way back to the claims.
fn options_panel(ctx: &Ctx) -> Html {
    let back = {
        let go = ctx.go(None);
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            go.emit(e);
            dispatch.dispatch(Action::Focus(Focus::OptionsLink));
        })
    };
    html! {
        <div class="kg-myths-options" data-options-screen="">
            <crate::ui::options::OptionsComparison level={ctx.level + 1} />
            <p class="kg-noprint">
                <a class="kg-button kg-secondary" href="#myths" data-action="back" onclick={back}>
                    { &ctx.content.ui.back_to_claims }
                </a>
            </p>
        </div>
    }
}

/// A number property of a browser object (`innerHeight`, a rectangle's `bottom`), read
/// through `Reflect`: a web-sys method per use would add to the first view's JS glue, which
/// every chunk's imports live in.
fn number(of: &wasm_bindgen::JsValue, key: &str) -> Option<f64> {
    js_sys::Reflect::get(of, &key.into()).ok()?.as_f64()
}

/// Calls a method of a browser object with one argument, through `Reflect` (see [`number`]).
fn call(
    on: &wasm_bindgen::JsValue,
    method: &str,
    arg: &wasm_bindgen::JsValue,
) -> Option<wasm_bindgen::JsValue> {
    let f = js_sys::Reflect::get(on, &method.into()).ok()?;
    let f: js_sys::Function = f.is_function().then(|| f.unchecked_into())?;
    f.call1(on, arg).ok()
}

/// The part of the page a person can see, as (top, bottom) in viewport coordinates: the visual
/// viewport, which a phone's keyboard shrinks, where the browser reports one.
fn visible_band() -> Option<(f64, f64)> {
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    match js_sys::Reflect::get(&window, &"visualViewport".into())
        .ok()
        .filter(|v| v.is_object())
    {
        Some(v) => {
            let top = number(&v, "offsetTop").unwrap_or(0.0);
            Some((top, top + number(&v, "height")?))
        }
        None => Some((0.0, number(&window, "innerHeight")?)),
    }
}

/// After a keystroke in the search box: when the first result (or the "no claims" message) is
/// out of sight, scrolls the box to the top of what is visible, so the count and the first
/// card sit under it, even with a phone's keyboard up. Nothing moves once they are in view.
fn keep_results_in_view(root: &Element) {
    let search = root.query_selector(".kg-myths-search").ok().flatten();
    let first = root
        .query_selector(".kg-myths-list > article .kg-claim-title, [data-empty] h3")
        .ok()
        .flatten();
    let (Some(search), Some(first), Some((top, bottom))) = (search, first, visible_band()) else {
        return;
    };
    let undefined = wasm_bindgen::JsValue::UNDEFINED;
    let Some(heading) = call(&first, "getBoundingClientRect", &undefined) else {
        return;
    };
    let (Some(h_top), Some(h_bottom)) = (number(&heading, "top"), number(&heading, "bottom"))
    else {
        return;
    };
    if h_bottom > bottom || h_top < top {
        // `true`: align the box's top with the top of the view (its scroll-margin above it).
        call(&search, "scrollIntoView", &wasm_bindgen::JsValue::TRUE);
    }
}

/// Focuses (and scrolls to) what a [`Focus`] names, looking only inside this explorer so an
/// embed never reaches into its host page.
fn focus_target(root: &Element, prefix: &str, focus: &Focus) {
    let selector = match focus {
        Focus::Claim(id) if myths::link::is_claim_id(id) => {
            format!("[data-claim-id=\"{id}\"] .kg-claim-title")
        }
        Focus::Claim(_) => return,
        Focus::Routes => ".kg-routes-title".to_owned(),
        Focus::RoutesLink => "[data-action=routes]".to_owned(),
        Focus::Options => ".kg-options-title".to_owned(),
        Focus::OptionsLink => "[data-action=options]".to_owned(),
        Focus::Search => format!("#{prefix}-search"),
    };
    let target = root
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(el) = target {
        // Scroll the whole card (its top margin in CSS leaves breathing room), then focus the
        // heading, which is then already in view.
        let card = el.closest("article").ok().flatten();
        card.as_ref().unwrap_or(&el).scroll_into_view();
        let _ = el.focus();
    }
}
