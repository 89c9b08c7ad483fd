//! "Check your answers": every shown question with the answer in words and a Change button
//! that opens its screen; Next there ("Save and return to my answers") leads back here, to the
//! row of the answer just changed. Then the optional "What matters to you" step, before the
//! result.

use super::values::ValuesStep;
use crate::options::Values;
use crate::quiz::{review_rows, Action, QuizContent, QuizState};
use crate::ui::widgets::{heading, Heading};
use yew::prelude::*;

/// The review step. `changed` is the question last opened with Change: its row takes focus,
/// so the person lands where they left off rather than at the top of the list. `on_values`
/// takes the values step's answers.
pub(super) fn review(
    c: &QuizContent,
    state: &QuizState,
    (dispatch, on_values): (&Callback<Action>, &Callback<Option<Values>>),
    level: u8,
    changed: Option<&str>,
    values: &Values,
) -> Html {
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
    let rows = review_rows(c, state);
    let back_at = changed.filter(|id| rows.iter().any(|r| r.question_id == *id));
    html! {
        <form class="kg-quiz-form kg-quiz-review" novalidate=true {onsubmit}>
            { heading(level, 1, Heading {
                class: "kg-quiz-step-heading",
                step: back_at.is_none(),
                ..Heading::default()
            }, html! { &c.ui.review_heading }) }
            <p>{ &c.ui.review_intro }</p>
            <dl class="kg-quiz-answers">
                { for rows.into_iter().map(|row| {
                    let onclick = {
                        let dispatch = dispatch.clone();
                        let id = row.question_id.clone();
                        Callback::from(move |_: MouseEvent| dispatch.emit(Action::GoTo(id.clone())))
                    };
                    let back_here = back_at == Some(row.question_id.as_str());
                    html! {
                        <div
                            class="kg-quiz-answer"
                            key={row.question_id.clone()}
                            data-review={row.question_id.clone()}
                            tabindex={back_here.then_some("-1")}
                            data-kg-focus={back_here.then_some("true")}
                        >
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
            <ValuesStep values={values.clone()} on_change={on_values.clone()} {level} />
            <div class="kg-quiz-buttons">
                <button type="submit" class="kg-button" data-action="see-result">{ &c.ui.see_result }</button>
                <button type="button" class="kg-button kg-secondary" data-action="back" onclick={on_back}>
                    { &c.ui.back }
                </button>
            </div>
        </form>
    }
}
