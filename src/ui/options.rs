//! The options compared in equal detail (`data-options`): one row per option, the same columns
//! for each, what the ketamine routes are like, and every figure under its source. The
//! person's answers to the values step are shown beside it, and the columns they relate to are
//! marked; nothing is scored, ranked or recommended. Shown by the explorer (`#myths/options`)
//! and in the self-check's result; its text and stylesheet are fetched the first time it is
//! shown, and its code travels with those lazily loaded parts.

use super::evidence::TracedSources;
use super::WidgetContext;
use crate::content::{self, Feature};
use crate::options::{OptionsContent, TreatmentOption};
use yew::prelude::*;

/// Comparison properties.
#[derive(Properties, PartialEq)]
pub struct OptionsComparisonProps {
    /// The person's values: (value id, weight id) pairs, in the order they answered.
    #[prop_or_default]
    pub values: Vec<(String, String)>,
    /// Heading level of the comparison's title (3 in the explorer and the result).
    #[prop_or(3)]
    pub level: u8,
}

/// The comparison, once its text is here (nothing before; a failed download leaves the tool
/// around it untouched).
#[component]
pub fn OptionsComparison(props: &OptionsComparisonProps) -> Html {
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
    let options = use_memo(
        (locale, content::available(locale, Feature::Options)),
        |(l, _)| OptionsContent::load(*l).ok(),
    );
    let Some(c) = options.as_ref() else {
        return Html::default();
    };
    let chosen = chosen_values(c, &props.values);
    // For each column, the values the person said matter that relate to it ("Matters to you:
    // Feeling better soon"), shown in its header and, on cards, in each cell's label.
    let matters: Vec<(String, Option<String>)> = c
        .columns
        .iter()
        .map(|col| {
            let values: Vec<&str> = chosen
                .iter()
                .filter(|(_, _, column)| *column == col.id)
                .map(|(value, _, _)| *value)
                .collect();
            let text =
                (!values.is_empty()).then(|| format!("{}: {}", c.ui.matters, values.join(", ")));
            (col.id.clone(), text)
        })
        .collect();
    let title = match props.level {
        2 => html! { <h2 class="kg-options-title" tabindex="-1">{ &c.ui.heading }</h2> },
        4 => html! { <h4 class="kg-options-title" tabindex="-1">{ &c.ui.heading }</h4> },
        _ => html! { <h3 class="kg-options-title" tabindex="-1">{ &c.ui.heading }</h3> },
    };
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
            if !chosen.is_empty() {
                <div class="kg-options-values" data-values-shown="">
                    <p class="kg-options-values-heading"><strong>{ &c.ui.values_heading }</strong></p>
                    <ul>
                        { for chosen.iter().map(|(value, weight, _)| html! {
                            <li>{ format!("{value}: {weight}") }</li>
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
                    <h4>{ format!("{}: {}", c.ui.like_heading, o.name) }</h4>
                    { for [(&c.ui.session, &like.session), (&c.ui.after, &like.after), (&c.ui.course, &like.course)]
                        .into_iter()
                        .map(|(heading, items)| html! {
                            <>
                                <h5>{ heading }</h5>
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

/// The person's values that matter to them at all (any weight above the lowest), as (value
/// label, weight label, column id), in content order.
fn chosen_values<'a>(
    c: &'a OptionsContent,
    answers: &[(String, String)],
) -> Vec<(&'a str, &'a str, &'a str)> {
    let lowest = c.weights.first().map(|w| w.id.as_str());
    c.values
        .iter()
        .filter_map(|v| {
            let (_, weight) = answers.iter().find(|(id, _)| *id == v.id)?;
            if Some(weight.as_str()) == lowest {
                return None;
            }
            let w = c.weights.iter().find(|w| w.id == *weight)?;
            Some((v.label.as_str(), w.label.as_str(), v.column.as_str()))
        })
        .collect()
}
