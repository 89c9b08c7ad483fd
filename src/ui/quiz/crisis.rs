//! The crisis alert: shown the moment self-harm is answered yes or not sure, and kept through
//! the review and the result. It informs; it never stops the person from finishing.

use crate::quiz::QuizContent;
use yew::prelude::*;

/// The alert (`role="alert"`, with 988 call, text and chat, and emergency advice).
pub(super) fn alert(c: &QuizContent) -> Html {
    let t = &c.ui.crisis;
    html! {
        <div class="kg-quiz-crisis" role="alert" aria-labelledby="kg-quiz-crisis-title" data-kg-crisis="true">
            <h3 id="kg-quiz-crisis-title">{ &t.heading }</h3>
            <p>{ &t.body }</p>
            <p class="kg-quiz-crisis-call"><strong>{ &t.call_text }</strong></p>
            <p>
                { &t.chat }{ " " }
                <a href={t.chat_url.clone()} rel="noopener noreferrer" target="_blank">{ &t.chat_link }</a>
            </p>
            <p>{ &t.emergency }</p>
            <p class="kg-quiz-crisis-continue">{ &t.can_continue }</p>
        </div>
    }
}
