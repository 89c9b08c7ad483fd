//! A question screen: one `<fieldset>` per question with its legend as the screen's heading,
//! native radios, checkboxes or a labelled number input, "Why we ask" with its sources, the
//! error summary after a refused Next, progress, and the Next / Back buttons.
//!
//! The progress ("Question 4 of up to 20") is part of the screen's heading, so it is read out
//! with the question when focus lands there.

use crate::content::Source;
use crate::quiz::{legend, Action, FieldError, Question, QuestionKind, QuizContent, QuizState};
use crate::ui::widgets::{heading, Disclosure, Heading, SourceList};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// Element ids, prefixed so they cannot clash with a host page's.
pub(super) fn field_id(question: &str) -> String {
    format!("kg-quiz-field-{question}")
}

/// The question's own words inside its heading (without the progress), which name its input.
fn words_id(question: &str) -> String {
    format!("kg-quiz-words-{question}")
}

fn hint_id(question: &str) -> String {
    format!("kg-quiz-hint-{question}")
}

fn error_id(question: &str) -> String {
    format!("kg-quiz-error-{question}")
}

/// The sources named by ids, in order; unknown ids are skipped (content tests forbid them).
pub(super) fn sources(c: &QuizContent, ids: &[String]) -> Vec<Source> {
    ids.iter().filter_map(|id| c.source(id)).cloned().collect()
}

/// The current question screen (nothing when the step is not a question). `level` is the
/// self-check's title level; `next` the main button's text; `loading` is shown in "Why we ask"
/// while its text downloads.
pub(super) fn screen(
    c: &QuizContent,
    state: &QuizState,
    dispatch: &Callback<Action>,
    level: u8,
    (next, loading): (&str, &str),
) -> Html {
    let Some(screen) = state.current_screen(c) else {
        return Html::default();
    };
    let errors = state.visible_errors(c);
    let first = screen.questions.first().map(|q| q.id.as_str());
    let onsubmit = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.emit(Action::Next);
        })
    };
    let on_back = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Back))
    };
    let progress = state.progress(c);
    // The bar repeats the count the heading says: hidden from screen readers.
    let bar = progress.map(|(current, total)| {
        html! {
            <progress class="kg-quiz-progress" aria-hidden="true"
                max={total.to_string()} value={current.to_string()}></progress>
        }
    });
    let count = progress.map(|(current, total)| c.ui.progress_label(current, total));
    let intro =
        (progress.map(|p| p.0) == Some(1) && !state.returning).then(|| decision(c, loading));

    html! {
        <form class="kg-quiz-form" novalidate=true {onsubmit} data-screen={screen.id.to_owned()}>
            { for intro }
            { for bar }
            { error_summary(c, &errors, level) }
            { for screen.questions.iter().map(|q| {
                let error = errors.iter().find(|(id, _)| id == &q.id).map(|(_, e)| *e);
                let first = Some(q.id.as_str()) == first;
                let title = Title { level, count: count.as_deref().filter(|_| first), first, loading };
                fieldset(c, state, q, error, title, dispatch)
            }) }
            <div class="kg-quiz-buttons">
                <button type="submit" class="kg-button" data-action="next">{ next }</button>
                if state.can_go_back(c) {
                    <button type="button" class="kg-button kg-secondary" data-action="back" onclick={on_back}>
                        { &c.ui.back }
                    </button>
                }
            </div>
        </form>
    }
}

/// What the self-check helps decide, for whom, and what it cannot do (`data-decision`), with the
/// conditions involved behind a native disclosure: its text arrives with "Why we ask", right
/// after the first view, and `loading` stands in until then.
fn decision(c: &QuizContent, loading: &str) -> Html {
    let more = &c.ui.decision_more;
    html! {
        <div class="kg-quiz-intro" data-decision="">
            <p>{ &c.ui.decision }</p>
            <details>
                <summary>{ &c.ui.decision_more_label }</summary>
                <p>{ if more.is_empty() { loading } else { more } }</p>
            </details>
        </div>
    }
}

/// How a question's heading is made: its level, the progress it starts with, and whether it
/// is the screen's first (which takes focus).
struct Title<'a> {
    level: u8,
    count: Option<&'a str>,
    first: bool,
    /// Shown in "Why we ask" while its text downloads.
    loading: &'a str,
}

/// GOV.UK-style summary: a heading and one link per problem, each moving focus to its field.
fn error_summary(c: &QuizContent, errors: &[(String, FieldError)], level: u8) -> Html {
    if errors.is_empty() {
        return Html::default();
    }
    let go = Callback::from(|e: MouseEvent| {
        // Focus the field rather than follow the fragment: on the standalone page the
        // fragment is the widget's own route.
        e.prevent_default();
        let Some(link) = e.target_dyn_into::<Element>() else {
            return;
        };
        let target = link.get_attribute("data-target").unwrap_or_default();
        let field = link.closest(".kg-quiz").ok().flatten().and_then(|root| {
            root.query_selector(&format!("#{target} input"))
                .ok()
                .flatten()
        });
        if let Some(input) = field.and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
            let _ = input.focus();
        }
    });
    html! {
        <div
            class="kg-quiz-error-summary"
            tabindex="-1"
            aria-labelledby="kg-quiz-error-summary-title"
            data-kg-error-summary="true"
        >
            { heading(level, 1, Heading {
                class: "kg-quiz-error-title",
                id: Some("kg-quiz-error-summary-title".into()),
                ..Heading::default()
            }, html! { &c.ui.errors.summary_heading }) }
            <ul>
                { for errors.iter().filter_map(|(id, error)| {
                    let q = c.question(id)?;
                    Some(html! {
                        <li>
                            <a
                                href={format!("#{}", field_id(id))}
                                data-target={field_id(id)}
                                onclick={go.clone()}
                            >{ error.message(c, q) }</a>
                        </li>
                    })
                }) }
            </ul>
        </div>
    }
}

fn fieldset(
    c: &QuizContent,
    state: &QuizState,
    q: &Question,
    error: Option<FieldError>,
    h: Title<'_>,
    dispatch: &Callback<Action>,
) -> Html {
    let first = h.first;
    let described = [
        q.hint.as_ref().map(|_| hint_id(&q.id)),
        error.map(|_| error_id(&q.id)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    // Only the screen's first heading takes focus; the number input is named by its words.
    let title = heading(
        h.level,
        1,
        Heading {
            class: "kg-quiz-question",
            step: first,
            ..Heading::default()
        },
        html! {
            <>
                if let Some(count) = h.count {
                    <span class="kg-quiz-count">{ count }</span>
                }
                <span id={words_id(&q.id)}>{ legend(c, q, &state.answers) }</span>
            </>
        },
    );
    let controls = match q.kind {
        QuestionKind::Number => number(state, q, error.is_some(), described.clone(), dispatch),
        QuestionKind::Single | QuestionKind::Multiple => {
            choices(state, q, error.is_some(), dispatch)
        }
    };
    // The number input carries the description itself; a group carries it on the fieldset.
    let group_described = (q.kind != QuestionKind::Number)
        .then_some(described)
        .flatten();
    // Set as the `className` property: yew turns a computed `class` attribute into a class
    // set (`Classes`), whose code would otherwise weigh on the main wasm. Same DOM.
    let class = match error {
        Some(_) => "kg-quiz-fieldset kg-quiz-invalid",
        None => "kg-quiz-fieldset",
    };
    html! {
        <fieldset
            key={q.id.clone()}
            ~className={class}
            id={field_id(&q.id)}
            data-question={q.id.clone()}
            aria-describedby={group_described}
        >
            <legend>{ title }</legend>
            if let Some(hint) = &q.hint {
                <p class="kg-quiz-hint" id={hint_id(&q.id)}>{ hint }</p>
            }
            if let Some(e) = error {
                <p class="kg-quiz-error" id={error_id(&q.id)}>{ e.message(c, q) }</p>
            }
            { controls }
            <Disclosure
                summary={c.ui.why_we_ask.clone()}
                id={format!("kg-quiz-why-{}", q.id)}
                class="kg-quiz-why"
            >
                <p>{ if q.why.is_empty() { h.loading } else { &q.why } }</p>
                <SourceList sources={sources(c, &q.sources)} heading={c.ui.sources_label.clone()} />
            </Disclosure>
        </fieldset>
    }
}

fn choices(state: &QuizState, q: &Question, invalid: bool, dispatch: &Callback<Action>) -> Html {
    let single = q.kind == QuestionKind::Single;
    let class = if single {
        "kg-quiz-choices kg-quiz-radios"
    } else {
        "kg-quiz-choices kg-quiz-checkboxes"
    };
    html! {
        // As on the fieldset: the property, not a computed `class`.
        <div ~className={class}>
            { for q.choices.iter().map(|choice| {
                let id = format!("kg-quiz-{}-{}", q.id, choice.id);
                let hint = choice.hint.as_ref().map(|_| format!("{id}-hint"));
                let onchange = {
                    let dispatch = dispatch.clone();
                    let question = q.id.clone();
                    let choice = choice.id.clone();
                    Callback::from(move |_: Event| {
                        let (question, choice) = (question.clone(), choice.clone());
                        dispatch.emit(if single {
                            Action::Choose { question, choice }
                        } else {
                            Action::Toggle { question, choice }
                        })
                    })
                };
                html! {
                    <div class="kg-quiz-choice" key={choice.id.clone()}>
                        <input
                            type={if single { "radio" } else { "checkbox" }}
                            id={id.clone()}
                            name={format!("kg-quiz-{}", q.id)}
                            value={choice.id.clone()}
                            checked={state.is_picked(&q.id, &choice.id)}
                            aria-describedby={hint.clone()}
                            aria-invalid={invalid.then_some("true")}
                            {onchange}
                        />
                        <label for={id}>{ &choice.label }</label>
                        if let (Some(text), Some(hint)) = (&choice.hint, hint) {
                            <p class="kg-quiz-hint" id={hint}>{ text }</p>
                        }
                    </div>
                }
            }) }
        </div>
    }
}

fn number(
    state: &QuizState,
    q: &Question,
    invalid: bool,
    described: Option<String>,
    dispatch: &Callback<Action>,
) -> Html {
    let unit = q
        .number
        .as_ref()
        .map(|n| n.unit.clone())
        .unwrap_or_default();
    let input_id = format!("kg-quiz-{}-input", q.id);
    let unit_id = format!("kg-quiz-{}-unit", q.id);
    // The question's words name the input; the unit, when there is one, completes the name.
    let labelled = if unit.is_empty() {
        words_id(&q.id)
    } else {
        format!("{} {unit_id}", words_id(&q.id))
    };
    let oninput = {
        let dispatch = dispatch.clone();
        let question = q.id.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.emit(Action::Type {
                    question: question.clone(),
                    text: input.value(),
                });
            }
        })
    };
    html! {
        <div class="kg-quiz-number">
            <input
                type="text"
                inputmode="numeric"
                autocomplete="off"
                spellcheck="false"
                class="kg-quiz-input"
                id={input_id}
                name={format!("kg-quiz-{}", q.id)}
                value={state.input_text(&q.id)}
                aria-labelledby={labelled}
                aria-describedby={described}
                aria-invalid={invalid.then_some("true")}
                {oninput}
            />
            if !unit.is_empty() {
                <span class="kg-quiz-unit" id={unit_id}>{ unit }</span>
            }
        </div>
    }
}
