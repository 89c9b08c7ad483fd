//! The foot of every tool: when its content was last checked against its sources, and a
//! disclosure with "About this guide" (how the evidence is checked, who makes and pays for the
//! guide, its dates and update policy). Its text is fetched the first time a tool shows it, and
//! its code travels with the tools (all lazily loaded parts), never in the first view.

use super::widgets::Disclosure;
use super::WidgetContext;
use crate::content::about::AboutContent;
use crate::content::{self, fill, Feature};
use crate::platform::intl;
use std::sync::atomic::{AtomicU32, Ordering};
use yew::prelude::*;

/// About-block properties.
#[derive(Properties, PartialEq)]
pub struct AboutGuideProps {
    /// The tool whose check date is shown.
    pub tool: Feature,
}

/// The check date and the "About this guide" disclosure (`data-disclosure`). Nothing is shown
/// until its text is here; if it cannot be fetched, the tool above it is unaffected.
#[component]
pub fn AboutGuide(props: &AboutGuideProps) -> Html {
    let widget = use_context::<WidgetContext>().expect("inside the app");
    let locale = widget.locale;
    // Several widgets may share one document: the disclosure's id is unique per block.
    let id = use_state(|| {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        format!("kg-about{}", NEXT.fetch_add(1, Ordering::Relaxed))
    });
    let refresh = use_force_update();
    use_effect_with(locale, move |&locale| {
        if !content::available(locale, Feature::About) {
            wasm_bindgen_futures::spawn_local(async move {
                if content::ensure(locale, vec![Feature::About]).await.is_ok() {
                    refresh.force_update();
                }
            });
        }
    });
    let about = use_memo(
        (locale, content::available(locale, Feature::About)),
        |(l, _)| AboutContent::load(*l).ok(),
    );
    // The stylesheet of the traced figures and of this foot, linked with its integrity value.
    let style = match content::style_file(Feature::About) {
        Some(content::StyleFile {
            href,
            integrity: Some(integrity),
        }) => {
            html! { <link rel="stylesheet" {href} {integrity} crossorigin="anonymous" data-kg-style="about" /> }
        }
        _ => Html::default(),
    };
    let Some(about) = about.as_ref() else {
        return style;
    };
    let checked = about.checked.of(props.tool).map(|date| {
        fill(
            &about.ui.checked,
            &[("date", &intl::long_date(date, locale))],
        )
    });
    let id = (*id).clone();
    html! {
        <footer class="kg-about" data-disclosure="">
            { style }
            if let Some(line) = checked {
                <p class="kg-about-checked" data-checked={props.tool.file_stem()}>{ line }</p>
            }
            <Disclosure summary={about.ui.open.clone()} {id}>
                { for about.sections.iter().map(|s| html! {
                    <section class="kg-about-section" data-about={s.id.clone()}>
                        <h4>{ &s.heading }</h4>
                        { for s.paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
                    </section>
                }) }
            </Disclosure>
        </footer>
    }
}
