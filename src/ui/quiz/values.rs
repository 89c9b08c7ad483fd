//! "What matters to you": the self-check's optional values step, on "Check your answers", and
//! the keeper of its answers in storage. Both are in the last screens' code chunk, and the text
//! is the options comparison's (`options.toml`), so none of it weighs on the first view.
//!
//! The answers are shown beside the options and in the provider summary; they never reach the
//! assessment, and nothing here scores, ranks or picks an option.

use crate::options::{values, Values};
use crate::platform::storage::{Loaded, Scope};
use crate::ui::options::use_options_content;
use crate::ui::widgets::{heading, Heading};
use crate::ui::WidgetContext;
use yew::prelude::*;

thread_local! {
    /// What matters to the person, per widget instance, with the round of answers it belongs
    /// to (see the self-check's `Model::round`). Kept here, in the last screens' code, so that
    /// it outlives those screens while the person changes an answer (with `persist="none"`
    /// too, where storage keeps nothing) and the first view carries none of its code.
    static KEPT: std::cell::RefCell<Vec<(String, u32, Values)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The values kept for this instance and round, if they have been read from storage (`None`:
/// not yet, or a new round began).
pub(super) fn kept(scope: &Scope, round: u32) -> Option<Values> {
    KEPT.with(|k| {
        k.borrow()
            .iter()
            .find(|(instance, r, _)| instance == scope.instance() && *r == round)
            .map(|(_, _, v)| v.clone())
    })
}

/// Keeps the values for this instance and round, in place of any kept before.
pub(super) fn keep(scope: &Scope, round: u32, values: Values) {
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        k.retain(|(instance, _, _)| instance != scope.instance());
        k.push((scope.instance().to_owned(), round, values));
    });
}

#[derive(Properties, PartialEq)]
pub(super) struct StoredProps {
    /// The values now.
    pub values: Values,
    /// The stored values have been read.
    pub read: bool,
    /// Takes the values read from storage (`None`: unreadable or of another version, dropped).
    pub on_read: Callback<Option<Values>>,
}

/// Reads the stored values once (after a reload on the review or the result), then stores each
/// change, from effects so rendering stays pure. Renders nothing. No values, nothing stored.
#[component]
pub(super) fn Stored(props: &StoredProps) -> Html {
    let widget = use_context::<WidgetContext>().expect("inside App");
    {
        let scope = widget.scope.clone();
        let on_read = props.on_read.clone();
        let read = props.read;
        use_effect_with((), move |_| {
            if !read {
                on_read.emit(match scope.load::<Values>(values::STORE, values::VERSION) {
                    Loaded::Restored(v) => Some(v),
                    Loaded::Empty => Some(Values::new()),
                    Loaded::Discarded => None,
                });
            }
        });
    }
    let scope = widget.scope.clone();
    use_effect_with((props.values.clone(), props.read), move |(v, read)| {
        // Before the stored values are read, storing would overwrite them.
        if *read {
            if v.is_empty() {
                scope.remove(values::STORE);
            } else {
                scope.save(values::STORE, values::VERSION, v);
            }
        }
    });
    Html::default()
}

#[derive(Properties, PartialEq)]
pub(super) struct StepProps {
    /// The values answered so far.
    pub values: Values,
    /// Takes the values after each answer.
    pub on_change: Callback<Option<Values>>,
    /// The self-check's title level (see `Widget::heading`).
    pub level: u8,
}

/// The values step: for each value of `options.toml`, a labelled group of radios, one per
/// weight ("Not important" … "Very important"). Optional: nothing is checked at first, the
/// result needs none of it, and "Clear these choices" takes every answer back.
#[component]
pub(super) fn ValuesStep(props: &StepProps) -> Html {
    let options = use_options_content();
    let Some(c) = options.as_ref() else {
        return Html::default();
    };
    let on_clear = props.on_change.reform(|_: MouseEvent| Some(Values::new()));
    html! {
        <section class="kg-values" data-values="" aria-labelledby="kg-values-title">
            { heading(props.level, 2, Heading {
                class: "kg-quiz-sub",
                id: Some("kg-values-title".into()),
                ..Heading::default()
            }, html! { &c.ui.values_heading }) }
            <p class="kg-quiz-hint">{ &c.ui.values_hint }</p>
            <p>{ &c.ui.values_legend }</p>
            { for c.values.iter().map(|v| {
                let group = format!("kg-values-{}", v.id);
                html! {
                    <fieldset class="kg-values-item" key={v.id.clone()} data-value={v.id.clone()}>
                        <legend>{ &v.label }</legend>
                        <div class="kg-quiz-choices kg-values-weights">
                            { for c.weights.iter().map(|w| {
                                let id = format!("{group}-{}", w.id);
                                let onchange = {
                                    let values = props.values.clone();
                                    let (value, weight) = (v.id.clone(), w.id.clone());
                                    props.on_change.reform(move |_: Event| {
                                        Some(values.clone().with(&value, &weight))
                                    })
                                };
                                html! {
                                    <div class="kg-quiz-choice" key={w.id.clone()}>
                                        <input
                                            type="radio"
                                            id={id.clone()}
                                            name={group.clone()}
                                            value={w.id.clone()}
                                            checked={props.values.weight(&v.id) == Some(w.id.as_str())}
                                            {onchange}
                                        />
                                        <label for={id}>{ &w.label }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
            <button type="button" class="kg-button kg-secondary" data-action="values-clear" onclick={on_clear}>
                { &c.ui.values_clear }
            </button>
        </section>
    }
}
