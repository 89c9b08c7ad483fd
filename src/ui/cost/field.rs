//! One labelled input: label, hint, inline error tied with `aria-describedby`, and the raw text
//! the person typed. Numbers for counts and prices use `<input type="number">`; other amounts
//! and percentages use decimal text so "$1,200" or "12.5 %" can be typed as people write them.

use super::state::{Field, Kind};
use js_sys::Reflect;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What an input shows.
#[derive(Clone, PartialEq)]
pub struct FieldView {
    /// Which field.
    pub field: Field,
    /// The `<label>`.
    pub label: String,
    /// Help under the label, if any.
    pub hint: Option<String>,
    /// The raw text.
    pub text: String,
    /// The inline message, when the text is not in use.
    pub error: Option<String>,
    /// A question about a value that is in use but looks unlikely ("0.8" as a percentage).
    pub check: Option<String>,
    /// Visually hidden prefix read before the message ("Error:").
    pub error_prefix: String,
}

/// The element id of a field's input.
pub fn input_id(f: Field) -> String {
    format!("kg-cost-{}", f.key())
}

/// A number input whose text the browser cannot read as a number reports an empty value and
/// `validity.badInput`; that must show "not a number", not "empty".
fn bad_input(input: &HtmlInputElement) -> bool {
    Reflect::get(input, &"validity".into())
        .and_then(|v| Reflect::get(&v, &"badInput".into()))
        .map(|b| b.is_truthy())
        .unwrap_or(false)
}

/// Renders one field; edits arrive as (field, text, bad input).
pub fn view(v: &FieldView, on_edit: &Callback<(Field, String, bool)>) -> Html {
    let id = input_id(v.field);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let check_id = format!("{id}-check");
    let mut described = Vec::new();
    if v.hint.is_some() {
        described.push(hint_id.clone());
    }
    if v.error.is_some() {
        described.push(error_id.clone());
    }
    if v.check.is_some() {
        described.push(check_id.clone());
    }
    let oninput = {
        let on_edit = on_edit.clone();
        let field = v.field;
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let bad = bad_input(&input);
            on_edit.emit((field, input.value(), bad));
        })
    };
    let (kind, inputmode, step) = match v.field.kind() {
        Kind::Count => ("number", "numeric", Some("1")),
        Kind::Price | Kind::Rate => ("number", "decimal", Some("0.01")),
        Kind::Money | Kind::Percent => ("text", "decimal", None),
    };
    let min = (kind == "number").then_some("0");
    html! {
        <div class={classes!("kg-cost-field", v.error.is_some().then_some("kg-cost-field-error"))}>
            <label for={id.clone()}>{ &v.label }</label>
            if let Some(hint) = &v.hint {
                <p class="kg-cost-hint" id={hint_id}>{ hint }</p>
            }
            if let Some(msg) = &v.error {
                <p class="kg-cost-error" id={error_id}>
                    <span class="kg-cost-sr">{ &v.error_prefix }{ " " }</span>{ msg }
                </p>
            }
            if let Some(msg) = &v.check {
                <p class="kg-cost-question" id={check_id} data-check="">{ msg }</p>
            }
            <input
                {id}
                type={kind}
                {inputmode}
                {step}
                {min}
                autocomplete="off"
                spellcheck="false"
                data-field={v.field.key()}
                value={v.text.clone()}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                aria-invalid={v.error.is_some().then_some("true")}
                {oninput}
            />
        </div>
    }
}
