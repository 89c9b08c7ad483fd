//! The app's header: "Need help now?", the language switch, the guide's title and tagline, the
//! disclaimer and the privacy line.

use super::{help, AppProps};
use crate::content::{shell::ShellText, Locale};
use yew::prelude::*;

/// The header's content. The standalone page owns the document's h1 and its banner; an embed is
/// a part of the host's page: an h2 (or no title at all, `header="hide"`) and no banner
/// landmark (the caller gives the banner role only on the standalone page).
pub fn header(
    s: &ShellText,
    props: &AppProps,
    locale: Locale,
    on_language: &Callback<Locale>,
) -> Html {
    let title = match (props.standalone, props.show_title) {
        (true, _) => html! { <h1 class="kg-title">{ &s.title }</h1> },
        (false, true) => html! { <h2 class="kg-title">{ &s.title }</h2> },
        (false, false) => Html::default(),
    };
    html! {
        <>
            <div class="kg-bar">
                { help::standing(&s.help) }
                if Locale::ALL.len() > 1 {
                    <div class="kg-lang" role="group" aria-label={s.language_label.clone()}>
                        { for Locale::ALL.iter().map(|&l| {
                            let name = l.endonym();
                            let onclick = on_language.reform(move |_| l);
                            html! {
                                <button type="button" class="kg-lang-button" lang={l.tag()}
                                    data-locale={l.tag()}
                                    aria-pressed={if l == locale { "true" } else { "false" }}
                                    {onclick}>
                                    { name }
                                </button>
                            }
                        }) }
                    </div>
                }
            </div>
            { title }
            if props.show_title {
                <p class="kg-tagline">{ &s.tagline }</p>
            }
            <p class="kg-disclaimer"><strong>{ &s.disclaimer }</strong></p>
            <p class="kg-privacy">{ &s.privacy }</p>
        </>
    }
}
