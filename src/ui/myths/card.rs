//! One claim as a card: the claim, its verdict (text, icon and colour), the evidence strength
//! and the short answer, with a disclosure that reveals the explanation, key numbers, charts,
//! disagreements, sources and related claims.

use super::state::Action;
use super::{chart, Ctx};
use crate::content::Source;
use crate::myths::{claim_fragment, Claim, KeyNumber};
use crate::ui::evidence::TracedSources;
use crate::ui::widgets::{heading, Heading};
use yew::prelude::*;

/// Renders one claim; `open` shows its evidence.
pub(crate) fn claim_card(ctx: &Ctx, claim: &Claim, open: bool) -> Html {
    let content = ctx.content;
    let ui = &content.ui;
    let title_id = format!("{}-c-{}", ctx.prefix, claim.id);
    let body_id = format!("{}-b-{}", ctx.prefix, claim.id);
    let verdict = content.verdict_info(claim.verdict);
    let strength = content.strength_info(claim.strength);
    let toggle = {
        let dispatch = ctx.dispatch.clone();
        let id = claim.id.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Toggle(id.clone())))
    };
    let verdict_id = claim.verdict.id();
    html! {
        <article
            key={claim.id.clone()}
            class={classes!("kg-claim", format!("kg-verdict-{verdict_id}"))}
            data-claim-id={claim.id.clone()}
            data-topics={claim.topics.join(" ")}
            data-open={if open { "true" } else { "false" }}
        >
            { heading(ctx.level, 1, Heading {
                class: "kg-claim-title",
                id: Some(title_id.clone().into()),
                focusable: true,
                ..Heading::default()
            }, html! { &claim.claim }) }
            <dl class="kg-claim-meta">
                <div class="kg-claim-meta-item">
                    <dt class="kg-visually-hidden">{ &ui.verdict_label }</dt>
                    <dd class="kg-verdict" data-verdict={verdict_id}>
                        <span class="kg-verdict-icon" aria-hidden="true">
                            { verdict.map(|v| v.icon.as_str()).unwrap_or_default() }
                        </span>
                        <span class="kg-verdict-label">
                            { verdict.map(|v| v.label.as_str()).unwrap_or(verdict_id) }
                        </span>
                    </dd>
                </div>
                <div class="kg-claim-meta-item">
                    <dt class="kg-visually-hidden">{ &ui.strength_heading }</dt>
                    <dd class="kg-strength" data-strength={claim.strength.id()}>
                        { strength.map(|s| s.label.as_str()).unwrap_or(claim.strength.id()) }
                    </dd>
                </div>
            </dl>
            <p class="kg-claim-summary">{ &claim.summary }</p>
            <div class="kg-disclosure kg-claim-disclosure">
                <button
                    type="button"
                    class="kg-disclosure-button"
                    aria-expanded={if open { "true" } else { "false" }}
                    aria-controls={body_id.clone()}
                    aria-describedby={title_id}
                    onclick={toggle}
                >
                    <span class="kg-disclosure-icon" aria-hidden="true">{ if open { "▾" } else { "▸" } }</span>
                    { if open { &ui.hide_evidence } else { &ui.show_evidence } }
                </button>
                <div class="kg-disclosure-body kg-claim-body" id={body_id} hidden={!open}>
                    if open {
                        { evidence(ctx, claim) }
                    }
                </div>
            </div>
        </article>
    }
}

/// The revealed part of a card. Built only when open, so closed cards stay light.
fn evidence(ctx: &Ctx, claim: &Claim) -> Html {
    let content = ctx.content;
    let ui = &content.ui;
    let verdict = content.verdict_info(claim.verdict);
    let strength = content.strength_info(claim.strength);
    let related = content.related_for(claim);
    html! {
        <>
            { for claim.explanation.iter().map(|p| html! { <p>{ p }</p> }) }
            <p class="kg-claim-meaning">
                if let Some(v) = verdict {
                    <span>{ &v.description }</span>{ " " }
                }
                if let Some(s) = strength {
                    <span>{ &s.description }</span>
                }
            </p>
            if !claim.numbers.is_empty() {
                { sub(ctx, &ui.numbers_heading) }
                <ul class="kg-numbers">
                    { for claim.numbers.iter().map(|n| key_number(ctx, n)) }
                </ul>
            }
            if let Some(note) = &claim.disagreement {
                <div class="kg-disagreement">
                    { sub(ctx, &ui.disagreement_heading) }
                    <p>{ note }</p>
                </div>
            }
            <TracedSources sources={sources(ctx, claim)} evidence={claim.evidence.clone()} heading={ui.sources_heading.clone()} />
            if !related.is_empty() {
                { sub(ctx, &ui.related_heading) }
                <ul class="kg-related">
                    { for related.iter().map(|r| html! {
                        <li>
                            <a
                                href={claim_fragment(&r.id)}
                                data-related={r.id.clone()}
                                onclick={ctx.go(Some(r.id.clone()))}
                            >
                                { &r.claim }
                            </a>
                        </li>
                    }) }
                </ul>
            }
            // Only where places are real URLs: inside an embed the host's URL never changes, so
            // there would be nothing to copy or share.
            if ctx.linkable {
                <p class="kg-claim-permalink kg-noprint">
                    <a href={claim_fragment(&claim.id)} onclick={ctx.go(Some(claim.id.clone()))}>
                        { &ui.claim_link }
                    </a>
                </p>
            }
        </>
    }
}

/// A heading inside a claim's evidence.
fn sub(ctx: &Ctx, text: &str) -> Html {
    heading(ctx.level, 2, Heading::default(), html! { text })
}

fn key_number(ctx: &Ctx, number: &KeyNumber) -> Html {
    html! {
        <li class="kg-number">
            <p class="kg-number-label">{ &number.label }</p>
            <p class="kg-number-value">{ &number.value }</p>
            if let Some(note) = &number.note {
                <p class="kg-number-note">{ note }</p>
            }
            if let Some(c) = &number.chart {
                { chart::bar_chart(&ctx.content.ui, &number.label, c) }
            }
        </li>
    }
}

/// The claim's sources, then any source only its numbers cite, each once.
fn sources(ctx: &Ctx, claim: &Claim) -> Vec<Source> {
    let mut ids: Vec<String> = claim.sources.clone();
    for id in claim.numbers.iter().flat_map(|n| &n.sources) {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    ctx.content.sources_for(&ids).into_iter().cloned().collect()
}
