//! Crisis contacts: behind the standing "Need help now?" link in the header of every tool, and
//! inside the self-check's crisis message. Calls and texts are real `tel:` and `sms:` links, so
//! a phone dials or opens a message at one tap.

use crate::content::shell::HelpText;
use yew::prelude::*;

/// The 988 Suicide & Crisis Lifeline: its Spanish option is reached on the same number (the
/// link text says to press 2).
const CALL_988: &str = "tel:988";
const CALL_911: &str = "tel:911";

/// The Lifeline (unless `brief`), its call, text and chat links, and what to do in immediate
/// danger. `lifeline_id` names the first paragraph, for a message that is described by it.
pub fn contacts(h: &HelpText, lifeline_id: Option<&'static str>, brief: bool) -> Html {
    // Call, text, chat (in a new tab, so the guide stays open), then 911, each a large link.
    let links = [
        (CALL_988, &h.call, "kg-button"),
        (h.text_href.as_str(), &h.text, "kg-button"),
        (h.chat_href.as_str(), &h.chat, "kg-button kg-secondary"),
    ];
    html! {
        <div class="kg-help-body">
            if !brief {
                <p id={lifeline_id}>{ &h.lifeline }</p>
            }
            <ul class="kg-help-links">
                { for links.into_iter().map(|(href, text, class)| {
                    let web = href.starts_with("https:");
                    html! {
                        <li>
                            <a ~className={class} href={href.to_owned()}
                                target={web.then_some("_blank")} rel={web.then_some("noopener noreferrer")}>
                                { text }
                            </a>
                        </li>
                    }
                }) }
            </ul>
            <p>{ &h.danger }</p>
            <p><a class="kg-button kg-help-911" href={CALL_911}>{ &h.emergency }</a></p>
        </div>
    }
}

/// The standing "Need help now?" link: a native disclosure, so it opens without script and
/// works the same inside an embed's shadow root.
pub fn standing(h: &HelpText) -> Html {
    html! {
        <details class="kg-help" data-kg-help="">
            <summary>{ &h.open }</summary>
            { contacts(h, None, false) }
        </details>
    }
}
