#![cfg(target_arch = "wasm32")]
//! The self-check renders and responds in headless Chromium: questions as fieldsets with a
//! legend, the error after a refused Next, Next and Back, the crisis alert at once, and stored
//! state that cannot be restored being dropped with a notice.

use ketamine_guide::content::about::AboutContent;
use ketamine_guide::content::Locale;
use ketamine_guide::nav::Section;
use ketamine_guide::options::OptionsContent;
use ketamine_guide::quiz::QuizContent;
use ketamine_guide::quiz::{choice, choices, Answer, Answers, QuizState, Step, SCHEMA_VERSION};
use ketamine_guide::ui::{AppProps, Cta};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement, HtmlInputElement};

mod support;
use support::{document, eventually, one, session, settle};

wasm_bindgen_test_configure!(run_in_browser);

fn content() -> QuizContent {
    QuizContent::load(Locale::En).unwrap()
}

/// Renders the quiz alone into a fresh container and lets Yew finish its first renders.
async fn mount(instance: &str, persist: bool) -> Element {
    mount_with(instance, persist, None).await
}

async fn mount_with(instance: &str, persist: bool, cta: Option<Cta>) -> Element {
    let props = AppProps {
        cta,
        ..support::props(vec![Section::Quiz], None, instance, persist)
    };
    support::mount(props).await
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

/// The question each legend asks (its words, without the progress it may start with).
fn legends(root: &Element) -> Vec<String> {
    let list = root
        .query_selector_all("fieldset > legend [id^=kg-quiz-words-]")
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

fn legend_of(id: &str) -> String {
    content().question(id).unwrap().legend.clone()
}

fn button(root: &Element, name: &str) -> HtmlElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.dyn_into::<HtmlElement>().unwrap())
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button named {name}"))
}

async fn type_into(root: &Element, question: &str, text: &str) {
    let input: HtmlInputElement = one(root, &format!("[data-question={question}] input"))
        .dyn_into()
        .unwrap();
    input.set_value(text);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    let event = CustomEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

async fn pick(root: &Element, question: &str, choice: &str) {
    one(
        root,
        &format!("[data-question={question}] input[value={choice}]"),
    )
    .click();
    settle().await;
}

async fn next(root: &Element) {
    button(root, &content().ui.next).click();
    settle().await;
}

/// Answers the screens before the self-harm question with the shortest path.
async fn reach_self_harm(root: &Element) {
    type_into(root, "age", "40").await;
    next(root).await;
    pick(root, "pregnancy", "none").await;
    next(root).await;
    pick(root, "conditions", "none").await;
    next(root).await;
    assert_eq!(legends(root), vec![legend_of("self_harm")]);
}

#[wasm_bindgen_test]
async fn a_question_is_a_fieldset_whose_legend_is_the_heading_with_native_radios() {
    let root = mount("q-render", false).await;
    assert_eq!(legends(&root), vec![legend_of("age")]);
    let input = one(&root, "fieldset[data-question=age] input");
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
    assert!(
        input.get_attribute("aria-labelledby").is_some(),
        "the number input is labelled"
    );
    // Inside an embed that shows its own title (an h2), the tool's title is an h3 and each
    // question an h4: one level below each other.
    assert_eq!(count(&root, "h3.kg-section-title"), 1);
    assert_eq!(count(&root, "fieldset legend h4.kg-quiz-question"), 1);
    assert!(root
        .query_selector("[data-step=question] form")
        .unwrap()
        .is_some());
    assert_eq!(count(&root, "progress.kg-quiz-progress"), 1);
    let heading = one(
        &root,
        "fieldset[data-question=age] legend .kg-quiz-question",
    )
    .text_content()
    .unwrap();
    assert!(
        heading.starts_with("Question 1 of up to ") && heading.ends_with(&legend_of("age")),
        "the progress is read with the question: {heading}"
    );

    reach_self_harm(&root).await;
    let c = content();
    let q = c.question("self_harm").unwrap();
    assert_eq!(
        count(&root, "fieldset[data-question=self_harm] input[type=radio]"),
        q.choices.len() as u32
    );
    for choice in &q.choices {
        let label = one(
            &root,
            &format!("label[for=kg-quiz-self_harm-{}]", choice.id),
        );
        assert_eq!(label.text_content().unwrap(), choice.label);
    }
    let why = one(
        &root,
        "fieldset[data-question=self_harm] .kg-disclosure-button",
    );
    assert_eq!(why.get_attribute("aria-expanded").as_deref(), Some("false"));
    why.click();
    settle().await;
    assert!(
        count(&root, "fieldset[data-question=self_harm] [data-source]") >= 1,
        "why we ask cites a source"
    );
}

#[wasm_bindgen_test]
async fn next_without_an_answer_shows_the_error_tied_to_the_field_and_stays() {
    let root = mount("q-error", false).await;
    assert_eq!(
        count(&root, "[data-kg-error-summary]"),
        0,
        "no error before trying"
    );
    next(&root).await;
    assert_eq!(
        legends(&root),
        vec![legend_of("age")],
        "still on the first question"
    );
    let summary = one(&root, "[data-kg-error-summary]");
    assert!(summary
        .text_content()
        .unwrap()
        .contains(&content().ui.errors.summary_heading));
    let target: web_sys::Element = summary.clone().into();
    let on_summary = || document().active_element() == Some(target.clone());
    assert!(eventually(on_summary).await, "focus on the summary");
    let error = one(&root, ".kg-quiz-error");
    let input = one(&root, "[data-question=age] input");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap();
    assert!(
        described.split(' ').any(|id| id == error.id()),
        "error tied to the input"
    );

    type_into(&root, "age", "forty").await;
    next(&root).await;
    assert_eq!(legends(&root), vec![legend_of("age")]);
    assert_eq!(
        one(&root, ".kg-quiz-error").text_content().unwrap().trim(),
        content().ui.errors.not_a_number
    );
}

#[wasm_bindgen_test]
async fn next_and_back_move_between_questions_keeping_answers_and_moving_focus() {
    let root = mount("q-move", false).await;
    assert!(
        root.query_selector("[data-action=back]").unwrap().is_none(),
        "no Back on the first screen"
    );
    type_into(&root, "age", "40").await;
    next(&root).await;
    assert_eq!(legends(&root), vec![legend_of("pregnancy")]);
    let heading = one(
        &root,
        "fieldset[data-question=pregnancy] legend .kg-quiz-question",
    );
    let target: web_sys::Element = heading.into();
    let on_legend = || document().active_element() == Some(target.clone());
    assert!(eventually(on_legend).await, "focus on the new legend");
    let label = one(&root, "legend .kg-quiz-count").text_content().unwrap();
    assert!(label.starts_with("Question 2 of "), "{label}");

    button(&root, &content().ui.back).click();
    settle().await;
    assert_eq!(legends(&root), vec![legend_of("age")]);
    let input: HtmlInputElement = one(&root, "[data-question=age] input").dyn_into().unwrap();
    assert_eq!(input.value(), "40", "the answer is kept");
}

#[wasm_bindgen_test]
async fn yes_to_self_harm_shows_the_988_help_first_with_call_and_text_links_and_never_blocks() {
    let root = mount("q-crisis", false).await;
    reach_self_harm(&root).await;
    pick(&root, "self_harm", "yes").await;
    assert_eq!(
        count(&root, "[role=alert]"),
        0,
        "nothing moves above the question while it is answered"
    );
    next(&root).await;
    let alert = one(&root, "[role=alert]");
    assert_eq!(
        root.query_selector(".kg-quiz")
            .unwrap()
            .unwrap()
            .get_attribute("data-step")
            .as_deref(),
        Some("help"),
        "the help comes first, on its own"
    );
    assert_eq!(
        legends(&root),
        Vec::<String>::new(),
        "no question beside it"
    );
    for link in ["tel:988", "tel:911"] {
        assert_eq!(count(&alert, &format!("a[href='{link}']")), 1, "{link}");
    }
    assert_eq!(count(&alert, "a[href^='sms:988']"), 1);
    let target: web_sys::Element = alert.clone().into();
    let focused = || document().active_element() == Some(target.clone());
    assert!(eventually(focused).await, "focus on the message");
    button(&root, &content().ui.crisis.go_on).click();
    settle().await;
    assert_eq!(
        legends(&root),
        vec![legend_of("psychosis")],
        "finishing is not blocked"
    );
    assert_eq!(
        count(&root, "[role=alert]"),
        1,
        "still shown on later screens"
    );
    button(&root, &content().ui.back).click();
    settle().await;
    pick(&root, "self_harm", "no").await;
    assert_eq!(
        count(&root, "[role=alert]"),
        0,
        "gone once the answer changes"
    );
}

#[wasm_bindgen_test]
async fn stored_state_that_cannot_be_restored_is_dropped_with_a_notice() {
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    session
        .set_item("kg:q-corrupt:quiz", "{\"v\":1,\"data\":\"{not json\"}")
        .unwrap();
    let root = mount("q-corrupt", true).await;
    let notice = one(&root, "[data-notice=restore-failed]");
    assert_eq!(
        notice.text_content().unwrap(),
        content().ui.storage.restore_failed
    );
    assert_eq!(legends(&root), vec![legend_of("age")]);
    assert_eq!(
        session.get_item("kg:q-corrupt:quiz").unwrap(),
        None,
        "the bad state is erased"
    );
}

/// A result as the widget stores it: the answers of a person with depression after three
/// antidepressants and an aneurysm, asking about esketamine.
fn stored_result() -> (QuizState, String) {
    let answers = Answers::new()
        .with("age", Answer::Number(40))
        .with("pregnancy", choices(&["none"]))
        .with("conditions", choices(&["depression"]))
        .with("antidepressants", Answer::Number(3))
        .with("self_harm", choice("no"))
        .with("psychosis", choice("no"))
        .with("bipolar", choice("no"))
        .with("personality", choice("no"))
        .with("substance", choice("no"))
        .with("blood_pressure", choice("no"))
        .with("bp_systolic", Answer::Skipped)
        .with("bp_diastolic", Answer::Skipped)
        .with("heart", choice("no"))
        .with("brain_vessels", choice("yes"))
        .with("brain_eye", choices(&["none"]))
        .with("breathing", choice("no"))
        .with("ketamine_reaction", choice("no"))
        .with("medicines", choices(&["none"]))
        .with("route", choice("esketamine"));
    at_result(answers)
}

/// The self-check at its result with these answers, and that state as the widget stores it:
/// the state's JSON text in a versioned envelope.
fn at_result(answers: Answers) -> (QuizState, String) {
    let state = QuizState {
        answers,
        drafts: Default::default(),
        step: Step::Result,
        returning: false,
        show_errors: false,
        help_first: false,
    };
    let stored = ketamine_guide::content::encode::to_string(&ketamine_guide::content::Envelope {
        v: SCHEMA_VERSION,
        data: state.to_json(),
    });
    (state, stored)
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

#[wasm_bindgen_test]
async fn a_stored_result_is_restored_with_its_outcome_reasons_and_the_clinic_link() {
    let (state, stored) = stored_result();
    let c = content();
    let expected = state.assessment(&c).expect("a result");
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    session.set_item("kg:q-result:quiz", &stored).unwrap();
    let cta = Cta {
        href: "https://clinic.example/book".into(),
        label: "Book a consultation".into(),
    };
    let root = mount_with("q-result", true, Some(cta)).await;

    let result = one(&root, "[data-outcome]");
    assert_eq!(
        result.get_attribute("data-outcome").as_deref(),
        Some(expected.outcome.id())
    );
    assert_eq!(
        expected.outcome.id(),
        "not-suitable",
        "an aneurysm is a hard stop"
    );
    let shown: Vec<String> = {
        let list = root.query_selector_all("[data-reason]").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok()?.get_attribute("data-reason"))
            .collect()
    };
    assert_eq!(shown, expected.deciding_ids());
    let heading = one(&root, "[data-outcome] .kg-quiz-outcome")
        .text_content()
        .unwrap();
    assert_eq!(heading, c.ui.outcomes.get(expected.outcome).heading);
    assert_eq!(
        count(&root, "[data-route=esketamine]"),
        1,
        "notes for the chosen route"
    );
    let link = one(&root, "[data-cta]");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://clinic.example/book")
    );
    assert_eq!(link.text_content().unwrap(), "Book a consultation");
    for name in [&c.ui.summary.print, &c.ui.summary.download, &c.ui.restart] {
        button(&root, name);
    }
    // Every answer given is listed, the "no" answers too, the deciding one first.
    let rows = root.query_selector_all("[data-answer]").unwrap();
    assert_eq!(rows.length() as usize, expected.answers.len());
    let first = rows.item(0).unwrap().dyn_into::<Element>().unwrap();
    assert_eq!(
        first.get_attribute("data-answer").as_deref(),
        Some("brain_vessels")
    );
    assert!(result
        .text_content()
        .unwrap()
        .contains(&c.ui.summary.answers_heading));
    assert_eq!(count(&root, "[data-answer=psychosis]"), 1);
    assert!(!result
        .text_content()
        .unwrap()
        .to_lowercase()
        .contains("eligible"));
}

#[wasm_bindgen_test]
async fn stored_values_are_listed_on_the_result_beside_the_options_and_the_clinic_line_under_its_link(
) {
    let (_, stored) = stored_result();
    session().set_item("kg:q-values:quiz", &stored).unwrap();
    session()
        .set_item(
            "kg:q-values:values",
            r#"{"v":1,"data":{"memory":"not-important","relief-soon":"very","no-such":"very"}}"#,
        )
        .unwrap();
    let cta = Cta {
        href: "https://clinic.example/book".into(),
        label: "Book a consultation".into(),
    };
    let root = mount_with("q-values", true, Some(cta)).await;
    assert!(eventually(|| count(&root, "[data-values-summary] li") == 2).await);
    assert_eq!(
        texts(&root, "[data-values-summary] li"),
        [
            "Feeling better soon: Very important",
            "Protecting my memory: Not important"
        ],
        "in the content's order, unknown ids left out"
    );
    let options = OptionsContent::load(Locale::En).unwrap();
    let compare = one(&root, ".kg-quiz-compare .kg-disclosure-button");
    assert!(compare
        .text_content()
        .unwrap()
        .ends_with(&options.ui.compare));
    compare.click();
    settle().await;
    assert_eq!(count(&root, "table[data-options] tbody tr[data-option]"), 8);
    assert_eq!(count(&root, "[data-values-shown] li"), 2);
    let marked: Vec<String> = {
        let list = root
            .query_selector_all("table[data-options] thead th[data-matters]")
            .unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok()?.get_attribute("data-column"))
            .collect()
    };
    assert_eq!(marked, ["time"], "only what matters marks a column");
    let about = AboutContent::load(Locale::En).unwrap();
    let line = one(&root, "[data-outcome] [data-cta-disclosure]");
    assert_eq!(line.text_content().unwrap(), about.ui.cta_owner);
    assert_eq!(
        one(&root, "[data-cta]").get_attribute("aria-describedby"),
        line.get_attribute("id")
    );
    assert!(
        session().get_item("kg:q-values:values").unwrap().is_some(),
        "still stored"
    );
}

#[wasm_bindgen_test]
async fn stored_values_of_another_version_are_dropped_with_the_notice_and_the_answers_kept() {
    let (_, stored) = stored_result();
    session().set_item("kg:q-old-values:quiz", &stored).unwrap();
    session()
        .set_item(
            "kg:q-old-values:values",
            r#"{"v":0,"data":{"memory":"very"}}"#,
        )
        .unwrap();
    let root = mount("q-old-values", true).await;
    assert!(eventually(|| count(&root, "[data-notice=restore-failed]") == 1).await);
    assert_eq!(count(&root, "[data-outcome]"), 1, "the answers stay");
    assert_eq!(count(&root, "[data-values-summary]"), 0);
    assert_eq!(session().get_item("kg:q-old-values:values").unwrap(), None);
}

/// The personas every test layer plays (`e2e/fixtures/quiz-personas.json`, written by the native
/// engine tests and played by keyboard in the e2e journeys), each stored at its result as the
/// widget stores a state: the browser shows the persona's outcome, its deciding reasons in
/// order, its other reasons, and the crisis help exactly when the persona calls for it.
#[wasm_bindgen_test]
async fn every_shared_persona_shows_its_outcome_and_reasons_when_its_result_is_restored() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("../e2e/fixtures/quiz-personas.json")).expect("JSON");
    let personas = fixture.as_array().expect("a list of personas");
    assert!(personas.len() >= 10, "the fixture holds the personas");
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .expect("a list of ids")
            .iter()
            .map(|s| s.as_str().expect("an id").to_owned())
            .collect()
    };
    let attrs = |root: &Element, selector: &str, name: &str| -> Vec<String> {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok()?.get_attribute(name))
            .collect()
    };
    for (i, p) in personas.iter().enumerate() {
        let name = p["name"].as_str().expect("a name");
        let answers: Answers =
            ketamine_guide::content::decode::from_str(&p["answers"].to_string()).expect(name);
        let (_, stored) = at_result(answers);
        let instance = format!("q-persona-{i}");
        session()
            .set_item(&format!("kg:{instance}:quiz"), &stored)
            .unwrap();
        let root = mount(&instance, true).await;
        let result = one(&root, "[data-outcome]");
        assert_eq!(
            result.get_attribute("data-outcome").as_deref(),
            p["outcome"].as_str(),
            "{name}"
        );
        assert_eq!(
            attrs(&root, "[data-reason]", "data-reason"),
            ids(&p["reason_ids"]),
            "{name}"
        );
        let mut others = attrs(&root, "[data-other-reason]", "data-other-reason");
        let mut expected_others = ids(&p["other_reason_ids"]);
        others.sort();
        expected_others.sort();
        assert_eq!(others, expected_others, "{name}: the other reasons");
        let crisis = p["crisis"].as_bool().expect("crisis");
        assert_eq!(
            count(&root, r#"[role=alert] a[href^="tel:988"]"#) > 0,
            crisis,
            "{name}: crisis help shown exactly when called for"
        );
    }
}
