//! The options compared in equal detail (`data-options`): one row per option, the same columns
//! for each, what the ketamine routes are like, and every figure under its source. The
//! person's answers to the values step are shown beside it, and the columns they relate to are
//! marked; nothing is scored, ranked or recommended. Shown by the explorer (`#myths/options`)
//! and in the self-check's result; its text and stylesheet are fetched the first time it is
//! shown, and its code travels with those lazily loaded parts.

use super::evidence::TracedSources;
use super::widgets::{heading, Heading};
use super::WidgetContext;
use crate::content::{self, Feature};
use crate::options::{OptionsContent, TreatmentOption, Values};
use std::rc::Rc;
use yew::prelude::*;

/// The comparison's text (with the values step's) in the widget's language, fetched the first
/// time it is needed: `None` until it is here, and if it cannot be fetched.
#[hook]
pub fn use_options_content() -> Rc<Option<OptionsContent>> {
    let widget = use_context::<WidgetContext>().expect("inside the app");
    let locale = widget.locale;
    let refresh = use_force_update();
    use_effect_with(locale, move |&locale| {
        if !content::available(locale, Feature::Options) {
            wasm_bindgen_futures::spawn_local(async move {
                if content::ensure(locale, vec![Feature::Options])
                    .await
                    .is_ok()
                {
                    refresh.force_update();
                }
            });
        }
    });
    use_memo(
        (locale, content::available(locale, Feature::Options)),
        |(l, _)| OptionsContent::load(*l).ok(),
    )
}

/// Comparison properties.
#[derive(Properties, PartialEq)]
pub struct OptionsComparisonProps {
    /// What matters to the person (the self-check's values step), if they said.
    #[prop_or_default]
    pub values: Values,
    /// Heading level of the comparison's title; its sections' headings go one and two levels
    /// further.
    pub level: u8,
}

/// The comparison, once its text is here (nothing before; a failed download leaves the tool
/// around it untouched).
#[component]
pub fn OptionsComparison(props: &OptionsComparisonProps) -> Html {
    let options = use_options_content();
    let Some(c) = options.as_ref() else {
        return Html::default();
    };
    let lines = c.value_lines(&props.values);
    // For each column, the values the person said matter that relate to it ("Matters to you:
    // Feeling better soon"), shown in its header and, on cards, in each cell's label. Every
    // option gets the same marks: a column, never an option, is marked.
    let matters: Vec<(String, Option<String>)> = c
        .columns
        .iter()
        .zip(c.matters(&props.values))
        .map(|(col, values)| {
            let text =
                (!values.is_empty()).then(|| format!("{}: {}", c.ui.matters, values.join(", ")));
            (col.id.clone(), text)
        })
        .collect();
    let level = props.level;
    let h = |depth: u8, class: &'static str, text: String| {
        heading(
            level,
            depth,
            Heading {
                class,
                focusable: depth == 0,
                ..Heading::default()
            },
            html! { text },
        )
    };
    let title = h(0, "kg-options-title", c.ui.heading.clone());
    let evidence: Vec<_> = c.options.iter().flat_map(|o| o.evidence.clone()).collect();
    html! {
        <section class="kg-options">
            // Linked only with its integrity value, so bytes that differ from this release's are
            // refused (the comparison then shows unstyled).
            if let Some(content::StyleFile { href, integrity: Some(integrity) }) = content::style_file(Feature::Options) {
                <link rel="stylesheet" {href} {integrity} crossorigin="anonymous" data-kg-style="options" />
            }
            { title }
            { for c.ui.intro.iter().map(|p| html! { <p>{ p }</p> }) }
            if !lines.is_empty() {
                <div class="kg-options-values" data-values-shown="">
                    <p class="kg-options-values-heading"><strong>{ &c.ui.values_heading }</strong></p>
                    <ul>
                        { for lines.iter().map(|l| html! {
                            <li data-value={l.id.to_owned()}>{ format!("{}: {}", l.label, l.weight) }</li>
                        }) }
                    </ul>
                </div>
            }
            <table class="kg-options-table" data-options="">
                    <caption>{ &c.ui.caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ &c.ui.option_header }</th>
                            { for c.columns.iter().zip(&matters).map(|(col, (_, text))| html! {
                                <th scope="col" data-column={col.id.clone()} data-matters={text.is_some().then_some("true")}>
                                    { &col.label }
                                    if let Some(text) = text {
                                        <span class="kg-options-matters">{ text }</span>
                                    }
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for c.options.iter().map(|o| row(c, o, &matters)) }
                    </tbody>
                </table>
            { for c.options.iter().filter_map(|o| o.like.as_ref().map(|like| html! {
                <section class="kg-options-like" data-like={o.id.clone()}>
                    { h(1, "kg-options-like-title", format!("{}: {}", c.ui.like_heading, o.name)) }
                    { for [(&c.ui.session, &like.session), (&c.ui.after, &like.after), (&c.ui.course, &like.course)]
                        .into_iter()
                        .map(|(heading, items)| html! {
                            <>
                                { h(2, "kg-options-like-part", heading.clone()) }
                                <ul>{ for items.iter().map(|t| html! { <li>{ t }</li> }) }</ul>
                            </>
                        }) }
                </section>
            })) }
            <TracedSources sources={c.sources.clone()} {evidence} heading={c.ui.sources_heading.clone()} />
        </section>
    }
}

fn row(c: &OptionsContent, o: &TreatmentOption, matters: &[(String, Option<String>)]) -> Html {
    html! {
        <tr data-option={o.id.clone()}>
            <th scope="row">
                <span class="kg-options-name">{ &o.name }</span>
                <span class="kg-options-what">{ &o.what }</span>
            </th>
            { for c.columns.iter().zip(matters).map(|(col, (_, text))| html! {
                <td data-column={col.id.clone()} data-label={col.label.clone()} data-matters={text.clone()}>
                    <ul>{ for o.cell(&col.id).iter().map(|t| html! { <li>{ t }</li> }) }</ul>
                </td>
            }) }
        </tr>
    }
}
