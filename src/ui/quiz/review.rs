//! "Check your answers": every shown question with the answer in words and a Change button
//! that opens its screen; Next there leads back here.

use crate::quiz::{review_rows, Action, QuizContent, QuizState};
use yew::prelude::*;

/// The review step.
pub(super) fn review(c: &QuizContent, state: &QuizState, dispatch: &Callback<Action>) -> Html {
    let onsubmit = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.emit(Action::SeeResult);
        })
    };
    let on_back = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Back))
    };
    html! {
        <form class="kg-quiz-form kg-quiz-review" novalidate=true {onsubmit}>
            <h3 class="kg-quiz-step-heading" tabindex="-1" data-kg-focus="true">{ &c.ui.review_heading }</h3>
            <p>{ &c.ui.review_intro }</p>
            <dl class="kg-quiz-answers">
                { for review_rows(c, state).into_iter().map(|row| {
                    let onclick = {
                        let dispatch = dispatch.clone();
                        let id = row.question_id.clone();
                        Callback::from(move |_: MouseEvent| dispatch.emit(Action::GoTo(id.clone())))
                    };
                    html! {
                        <div class="kg-quiz-answer" key={row.question_id.clone()} data-review={row.question_id.clone()}>
                            <dt>{ row.question }</dt>
                            <dd>{ row.answer }</dd>
                            <dd class="kg-quiz-change">
                                <button
                                    type="button"
                                    class="kg-link-button"
                                    aria-label={row.change_label}
                                    data-action="change"
                                    {onclick}
                                >{ &c.ui.change }</button>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <div class="kg-quiz-buttons">
                <button type="submit" class="kg-button" data-action="see-result">{ &c.ui.see_result }</button>
                <button type="button" class="kg-button kg-secondary" data-action="back" onclick={on_back}>
                    { &c.ui.back }
                </button>
            </div>
        </form>
    }
}
