//! Sources with their evidence: under each source, the figures traced to it, where each stands
//! in the source (`data-locator`) and what the source itself says. Used where a person checks a
//! figure (the explorer's evidence, the self-check's reasons, the estimator's notes), all in
//! lazily loaded parts, so the first view carries only the plain [`SourceList`].
//!
//! [`SourceList`]: super::widgets::SourceList

use super::widgets::source_item;
use crate::content::{Evidence, Source};
use yew::prelude::*;

/// Traced source list properties.
#[derive(Properties, PartialEq)]
pub struct TracedSourcesProps {
    /// The sources, already resolved from ids, in the order shown.
    pub sources: Vec<Source>,
    /// The evidence entries of the text these sources stand behind.
    pub evidence: Vec<Evidence>,
    /// Heading text (e.g. "Sources"); omitted when empty.
    #[prop_or_default]
    pub heading: AttrValue,
}

/// The sources, each with the figures it supports.
#[component]
pub fn TracedSources(props: &TracedSourcesProps) -> Html {
    if props.sources.is_empty() {
        return Html::default();
    }
    html! {
        <div class="kg-sources">
            if !props.heading.is_empty() {
                <p class="kg-sources-heading">{ props.heading.clone() }</p>
            }
            <ul>
                { for props.sources.iter().map(|s| source_item(s, traces(&props.evidence, s))) }
            </ul>
        </div>
    }
}

/// The figures traced to one source: "figures — place: “what the source says”", one line per
/// place (two figures read from one table row share it). The source's words are in its own
/// language (`lang`), as its citation is.
fn traces(evidence: &[Evidence], source: &Source) -> Html {
    let mut lines: Vec<(Vec<&str>, &str, &str)> = Vec::new();
    for e in evidence
        .iter()
        .filter(|e| e.source.as_deref() == Some(source.id.as_str()))
    {
        let (place, says) = (
            e.place.as_deref().unwrap_or_default(),
            e.says.as_deref().unwrap_or_default(),
        );
        match lines.iter_mut().find(|(_, p, s)| *p == place && *s == says) {
            Some((figures, _, _)) => figures.push(&e.figure),
            None => lines.push((vec![&e.figure], place, says)),
        }
    }
    if lines.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="kg-traces">
            { for lines.into_iter().map(|(figures, place, says)| html! {
                <li class="kg-trace">
                    <span class="kg-trace-figure">{ figures.join(", ") }</span>
                    { " — " }
                    <span class="kg-trace-place" data-locator={place.to_owned()}>{ place }</span>
                    { ": " }
                    <q class="kg-trace-says" lang={source.lang.clone()}>{ says }</q>
                </li>
            }) }
        </ul>
    }
}
