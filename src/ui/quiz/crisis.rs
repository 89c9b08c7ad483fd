//! The crisis message: shown on its own the moment self-harm is answered yes or not sure, then
//! kept above every later screen, the review and the result. It informs; it never stops the
//! person from finishing.
//!
//! On its own screen the message itself takes focus. It is an alert, so inserting it is
//! announced; a focus move in the same moment can cut that announcement short in some screen
//! readers, so the focused element carries the message too: its name is the heading and its
//! description the opening sentence and the Lifeline, read out with the focus.

use crate::content::shell::HelpText;
use crate::quiz::{Action, QuizContent};
use crate::ui::help;
use crate::ui::widgets::{heading, Heading};
use yew::prelude::*;

/// The alert (`role="alert"`, with 988 call and text, chat and 911 links). `first` marks the
/// screen where it is shown on its own: it then takes focus and is scrolled to the top.
/// `result` marks the result, which it leads: brief there (the heading, the links and what to do
/// in danger; the person has read the rest), so the result's headline shares the first screen.
pub(super) fn alert(c: &QuizContent, h: &HelpText, level: u8, first: bool, result: bool) -> Html {
    let t = &c.ui.crisis;
    html! {
        <div
            class="kg-quiz-crisis"
            role="alert"
            aria-labelledby="kg-quiz-crisis-title"
            aria-describedby={first.then_some("kg-quiz-crisis-body kg-quiz-crisis-lifeline")}
            tabindex={first.then_some("-1")}
            data-kg-focus={first.then_some("true")}
            data-kg-top={(first || result).then_some("true")}
            data-kg-crisis="true"
        >
            { heading(level, 1, Heading {
                class: "kg-quiz-crisis-title",
                id: Some("kg-quiz-crisis-title".into()),
                ..Heading::default()
            }, html! { &t.heading }) }
            if !result {
                <p id="kg-quiz-crisis-body">{ &t.body }</p>
            }
            { help::contacts(h, Some("kg-quiz-crisis-lifeline"), result) }
            if !result {
                <p class="kg-quiz-crisis-continue">{ &t.can_continue }</p>
            }
        </div>
    }
}

/// What follows the alert on its own screen: Continue, to the screen behind it, and Back.
pub(super) fn go_on(c: &QuizContent, dispatch: &Callback<Action>) -> Html {
    html! {
        <div class="kg-quiz-buttons">
            <button type="button" class="kg-button" data-action="continue"
                onclick={dispatch.reform(|_: MouseEvent| Action::Next)}>
                { &c.ui.crisis.go_on }
            </button>
            <button type="button" class="kg-button kg-secondary" data-action="back"
                onclick={dispatch.reform(|_: MouseEvent| Action::Back)}>
                { &c.ui.back }
            </button>
        </div>
    }
}
