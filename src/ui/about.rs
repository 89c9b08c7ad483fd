//! The foot of every tool: when its content was last checked against its sources, and a
//! disclosure with "About this guide" (how the evidence is checked, who makes and pays for the
//! guide, its dates and update policy). Its text is fetched the first time a tool shows it, and
//! its code travels with the tools (all lazily loaded parts), never in the first view.
//!
//! Also the line beside a clinic's booking link ([`CtaNote`]): the site's owner offers ketamine
//! treatment and did not write the guide (and, where true, set the prices shown).

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

/// The block's text in the widget's language, fetched the first time it is needed: `None`
/// until it is here, and if it cannot be fetched.
#[hook]
fn use_about_content() -> std::rc::Rc<Option<AboutContent>> {
    let widget = use_context::<WidgetContext>().expect("inside the app");
    let locale = widget.locale;
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
    use_memo(
        (locale, content::available(locale, Feature::About)),
        |(l, _)| AboutContent::load(*l).ok(),
    )
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
    let about = use_about_content();
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

/// Properties of the line beside a clinic's booking link.
#[derive(Properties, PartialEq)]
pub struct CtaNoteProps {
    /// The line's id, which the booking link names in `aria-describedby`.
    pub id: AttrValue,
    /// The clinic's own prices are the ones shown beside the link.
    #[prop_or_default]
    pub prices: bool,
}

/// The line beside a clinic's booking link (`data-cta-disclosure`), wherever the link is shown
/// (only an embed can have one): the site's owner offers ketamine treatment and did not write
/// this guide, and, when `prices`, set the prices shown.
#[component]
pub fn CtaNote(props: &CtaNoteProps) -> Html {
    let about = use_about_content();
    let Some(about) = about.as_ref() else {
        return Html::default();
    };
    let ui = &about.ui;
    let text = if props.prices {
        format!("{} {}", ui.cta_owner, ui.cta_prices)
    } else {
        ui.cta_owner.clone()
    };
    html! {
        <p class="kg-cta-note kg-noprint" id={props.id.clone()} data-cta-disclosure="">{ text }</p>
    }
}
