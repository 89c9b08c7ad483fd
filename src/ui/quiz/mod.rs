//! The eligibility self-check: a thin skin over `crate::quiz`. The engine decides every step,
//! error, outcome and text; this module renders them, turns events into [`Action`]s, keeps
//! the state in the widget's storage scope and moves focus after each step.
//!
//! The review and result screens (with the provider summary) are a lazily loaded part
//! ([`end`]): fetched once the first answer is in, so the first view carries only the
//! questions. So is the reader of stored answers ([`restore_code`]), fetched only when some are
//! stored.

mod crisis;
mod device;
mod question;
mod result;
mod review;
mod values;

use std::rc::Rc;

use super::widgets::{heading, Heading};
use super::{Widget, WidgetContext};
use crate::content::{self, Feature};
use crate::options::values::STORE as VALUES_STORE;
use crate::platform::storage::{self, Loaded, Persist, Scope};
use crate::quiz::{Action, QuizContent, QuizState, Step, SCHEMA_VERSION};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Storage name of the quiz state inside the widget's scope.
const STORE: &str = "quiz";

/// A notice shown above the quiz (never an alert: the crisis alert is the only one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Notice {
    Cleared,
    RestoreFailed,
}

/// The reducer state: the engine's state plus what only the view needs.
#[derive(Clone, Debug, PartialEq)]
struct Model {
    content: Rc<QuizContent>,
    quiz: QuizState,
    /// Bumped by every action that changes the screen or refuses to, so an effect can move
    /// focus after that render (and never on first load, when it stays 0).
    moved: u32,
    notice: Option<Notice>,
    /// The question whose answer was last opened with Change: the review brings the person
    /// back to its row.
    changed: Option<String>,
    /// Which round of answers this is: "Start again" and "Clear my answers" begin a new one.
    /// What matters to the person (the optional values step) belongs to a round: the last
    /// screens' code keeps it, beside the answers, for as long as the round lasts, so it
    /// outlives those screens while the person changes an answer (`values::kept`). The first
    /// view carries none of its code.
    round: u32,
}

/// What the view can ask for.
enum Msg {
    Do(Action),
    /// Everything stored was erased; start again on a clean slate.
    Cleared,
    /// The language changed: same answers and place, new words.
    Language(Rc<QuizContent>),
    /// What matters to the person changed (the last screens' code keeps it), or was read from
    /// storage; `true` when the stored values could not be read (they were dropped).
    Values(bool),
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Do(action) => {
                match &action {
                    Action::GoTo(id) => next.changed = Some(id.clone()),
                    Action::SeeResult => next.changed = None,
                    Action::Restart => {
                        next.changed = None;
                        next.round = next.round.wrapping_add(1);
                    }
                    _ => {}
                }
                let moves = matches!(
                    action,
                    Action::Next
                        | Action::Back
                        | Action::GoTo(_)
                        | Action::SeeResult
                        | Action::Restart
                );
                next.quiz = next.quiz.apply(&next.content, action);
                if moves {
                    next.moved = next.moved.wrapping_add(1);
                    next.notice = None;
                }
            }
            Msg::Language(content) => {
                // Answers are ids, shared by every locale, so they carry over unchanged.
                next.content = content;
            }
            Msg::Values(dropped) => {
                if dropped {
                    next.notice = Some(Notice::RestoreFailed);
                }
            }
            Msg::Cleared => {
                next.quiz = QuizState::new(&next.content);
                next.round = next.round.wrapping_add(1);
                next.changed = None;
                next.moved = next.moved.wrapping_add(1);
                next.notice = Some(Notice::Cleared);
            }
        }
        Rc::new(next)
    }
}

/// The self-check's review or result screen (the last screens' entry point).
pub(crate) type EndScreen = fn(&End) -> Html;

/// The self-check's whole content (questions and results parts joined), read by the last
/// screens' code once both parts are here.
pub(crate) type WholeContent = fn(crate::content::Locale) -> Option<QuizContent>;

/// Reads stored self-check answers against the content (`QuizState::restore`).
pub(crate) type ReadStored = fn(&QuizContent, &str) -> Result<QuizState, crate::quiz::StateError>;

crate::lazy_part! {
    /// The review, result and provider summary, and the reader of the rules: chunk `quiz_end`.
    pub(crate) mod end: (EndScreen, WholeContent) = chunk quiz_end,
        "the self-check's review and result code did not load",
        (end_screen, |l| QuizContent::load(l).ok());
}

crate::lazy_part! {
    /// The reader of answers stored earlier in the session: chunk `restore`.
    pub(crate) mod restore_code: ReadStored = chunk restore,
        "the reader of stored answers did not load", QuizState::restore;
}

thread_local! {
    /// Stored answers are waiting to be read: the self-check needs [`restore_code`] to be shown.
    static RESTORE_NEEDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Answers are stored from earlier: from now on the self-check is shown only once [`restore_code`]
/// is here.
pub(crate) fn need_restore(scope: &Scope) {
    if scope.has(STORE) {
        RESTORE_NEEDED.with(|r| r.set(true));
    }
}

/// Stored answers are waiting to be read: the self-check is shown once [`restore_code`] is here.
pub(crate) fn needs_restore_code() -> bool {
    RESTORE_NEEDED.with(|r| r.get())
}

/// Reads stored state; anything that cannot be restored is erased and reported.
fn restore(scope: &Scope, content: &QuizContent) -> (QuizState, Option<Notice>) {
    match scope.load::<String>(STORE, SCHEMA_VERSION) {
        Loaded::Empty => (QuizState::new(content), None),
        Loaded::Discarded => (QuizState::new(content), Some(Notice::RestoreFailed)),
        // The reader is here: the app waits for it whenever something is stored.
        Loaded::Restored(text) => match restore_code::get()
            .ok_or(())
            .and_then(|read| read(content, &text).map_err(|_| ()))
        {
            Ok(state) => (state, None),
            Err(()) => {
                scope.remove(STORE);
                (QuizState::new(content), Some(Notice::RestoreFailed))
            }
        },
    }
}

/// The quiz section's content.
#[component]
pub fn QuizSection() -> Html {
    let widget = use_context::<WidgetContext>().expect("inside App");
    // The questions alone: their "Why we ask" comes right after the first view, the rules
    // and outcomes later, for the last screens.
    let locale = widget.locale;
    let content = use_memo(
        (locale, content::available(locale, Feature::Why)),
        |(l, _)| QuizContent::load_questions(*l).map(Rc::new),
    );
    match content.as_ref() {
        Ok(content) => html! { <Quiz content={Content(content.clone())} /> },
        Err(e) => html! { <div class="kg-error">{ e.to_string() }</div> },
    }
}

/// Loaded content, compared by identity (it never changes for a locale).
#[derive(Clone)]
pub(crate) struct Content(Rc<QuizContent>);

impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct QuizProps {
    content: Content,
}

#[component]
fn Quiz(props: &QuizProps) -> Html {
    let widget = use_context::<WidgetContext>().expect("inside App");
    let content = props.content.0.clone();
    let model = use_reducer(start(widget.scope.clone(), content.clone()));
    let dispatcher = model.dispatcher();
    use_effect_with(props.content.clone(), move |c| {
        dispatcher.dispatch(Msg::Language(c.0.clone()))
    });
    let remember = use_state(|| widget.scope.remembers());
    let root = use_node_ref();
    use_effect_with(model.quiz.clone(), store(widget.scope.clone(), content));
    let at_end = !matches!(model.quiz.step, Step::Question(_));
    // The whole content (with the results part) for the last screens, once it and their code
    // (which reads it) are here.
    let locale = widget.locale;
    let whole = use_memo(
        (
            locale,
            content::available(locale, Feature::Results),
            end::get().is_some(),
        ),
        |&(l, _, _)| {
            let (_, read) = end::get()?;
            read(l).map(|c| Content(Rc::new(c)))
        },
    );
    // Their stylesheet too (a file of its own in the release build), linked once the first
    // answer is in; the last screens wait for it (or for its failure: unstyled beats nothing).
    let end_style = content::style_file(Feature::Results).filter(|_| model.moved > 0 || at_end);
    let end_styled = use_state(|| false);
    // A stylesheet whose integrity value is not known yet is not linked yet: not ready either.
    let end_ready = whole.is_some() && end_style.as_ref().is_none_or(|_| *end_styled);
    // Also when the last screens' code or text arrives after the step that needs it.
    let moved_focus = root.clone();
    use_effect_with((model.moved, at_end && end_ready), move |&(moved, _)| {
        if moved > 0 {
            move_focus(&moved_focus);
        }
    });
    // The last screens' code and text: fetched after the first step (or at once when the
    // stored state is already there), and again on arriving there if a download failed.
    let end_error = use_state(|| None::<String>);
    let refresh = use_force_update();
    use_effect_with(
        (model.moved > 0 || at_end, at_end, locale),
        fetch_last_screens(end_error.clone(), refresh),
    );
    let on_end_style = {
        let end_styled = end_styled.clone();
        Callback::from(move |_: Event| end_styled.set(true))
    };
    let c = &*model.content;
    let state = &model.quiz;
    let level = widget.heading;
    // Crisis help first: on its own screen after the answer that calls for it. Its contacts are
    // the shell's, always here with the first view.
    let help = widget.shell.as_deref().map(|s| &s.help);
    let first = state.help_first && help.is_some();
    let body = screen(
        &model,
        &widget,
        (whole.as_ref().as_ref(), end_ready),
        end_error.as_deref(),
        first,
    );

    html! {
        <div class="kg-quiz" ref={root} data-step={step_id(state, first)}>
            // Linked only with its integrity value, so bytes that differ from this release's are
            // refused (the screens then show unstyled rather than not at all).
            if let Some(content::StyleFile { href, integrity: Some(integrity) }) = end_style {
                <link rel="stylesheet" {href} {integrity} crossorigin="anonymous" data-kg-style="results" onload={on_end_style.clone()} onerror={on_end_style} />
            }
            { heading(level, 0, Heading { class: "kg-section-title", ..Heading::default() }, html! { &c.ui.title }) }
            { for model.notice.map(|n| notice(c, n)) }
            // Kept at one place in the tree so it is announced once, not again on every screen.
            // While the person answers the question that can call for help, nothing appears
            // above it (it would move what they are tapping): the help comes first once they
            // go on.
            if let (true, Some(help)) = (state.crisis(c) && !answering_crisis(c, state), help) {
                { crisis::alert(c, help, level, first, state.step == Step::Result) }
            }
            { body }
            { storage_controls(c, &widget, &remember, &model) }
        </div>
    }
}

/// The self-check's first state: what is stored for this instance, or a fresh start.
fn start(scope: Scope, content: Rc<QuizContent>) -> impl FnOnce() -> Model {
    move || {
        let (quiz, notice) = restore(&scope, &content);
        Model {
            content,
            quiz,
            moved: 0,
            notice,
            changed: None,
            round: 0,
        }
    }
}

/// Stores the answers after each change (from an effect, so rendering stays pure). A fresh
/// state is nothing worth keeping, and storing it would leave a trace right after "Clear my
/// answers". "Start again" leaves a fresh state: what mattered to the person goes with their
/// answers.
fn store(scope: Scope, content: Rc<QuizContent>) -> impl FnOnce(&QuizState) {
    move |quiz| {
        if *quiz == QuizState::new(&content) {
            scope.remove(STORE);
            scope.remove(VALUES_STORE);
        } else {
            scope.save(STORE, SCHEMA_VERSION, &quiz.to_json());
        }
    }
}

/// Fetches the last screens' code and the results part of the text once they are wanted (the
/// first step is taken, or the stored state is past the questions), and re-renders when they
/// are here; a failed download is kept to be shown where the screens would be.
fn fetch_last_screens(
    end_error: UseStateHandle<Option<String>>,
    refresh: UseForceUpdateHandle,
) -> impl FnOnce(&(bool, bool, content::Locale)) {
    move |&(wanted, _, locale)| {
        if !wanted {
            return;
        }
        let done = move |result: Result<(), String>| match result {
            Ok(()) => {
                end_error.set(None);
                refresh.force_update();
            }
            Err(e) => end_error.set(Some(e)),
        };
        if end::get().is_none() {
            let done = done.clone();
            wasm_bindgen_futures::spawn_local(async move {
                done(end::load().await);
            });
        }
        if !content::available(locale, Feature::Results) {
            wasm_bindgen_futures::spawn_local(async move {
                done(content::ensure(locale, vec![Feature::Results]).await);
            });
        }
    }
}

/// The person is on the screen with the question that can call for crisis help.
fn answering_crisis(c: &QuizContent, state: &QuizState) -> bool {
    state.current_screen(c).is_some_and(|s| {
        s.questions
            .iter()
            .any(|q| Some(q.id.as_str()) == c.crisis_question())
    })
}

/// What the step shows below the title: the crisis help on its own screen, a question, the
/// review or result (once their code, text and stylesheet are here), or a status line (or the
/// error panel) until then.
fn screen(
    model: &UseReducerHandle<Model>,
    widget: &Widget,
    (whole, end_ready): (Option<&Content>, bool),
    end_error: Option<&str>,
    first: bool,
) -> Html {
    let c = &*model.content;
    let state = &model.quiz;
    let dispatch = {
        let model = model.dispatcher();
        Callback::from(move |a: Action| model.dispatch(Msg::Do(a)))
    };
    let level = widget.heading;
    match (&state.step, end::get(), whole.filter(|_| end_ready)) {
        _ if first => crisis::go_on(c, &dispatch),
        (Step::Question(_), _, _) => {
            // After a Change, Next says where it leads when that is back to the review (the
            // label comes with the last screens' text, which the review needed).
            let next_label = match whole {
                Some(w) if state.next_returns_to_review(c) => w.0.ui.save_return.as_str(),
                _ => c.ui.next.as_str(),
            };
            let loading = widget.shell.as_deref().map_or("", |s| s.loading.as_str());
            question::screen(c, state, &dispatch, level, (next_label, loading))
        }
        (_, Some((end, _)), Some(whole)) => end(&End {
            content: whole,
            quiz: state,
            dispatch: &dispatch,
            level,
            changed: model.changed.as_deref(),
            scope: &widget.scope,
            round: model.round,
            model: model.dispatcher(),
        }),
        _ => super::pending(widget, end_error),
    }
}

/// A notice above the quiz.
fn notice(c: &QuizContent, n: Notice) -> Html {
    let text = match n {
        Notice::Cleared => &c.ui.storage.cleared,
        Notice::RestoreFailed => &c.ui.storage.restore_failed,
    };
    html! { <p class="kg-quiz-notice" role="status" data-notice={notice_id(n)}>{ text }</p> }
}

/// The step as the root's `data-step` names it.
fn step_id(state: &QuizState, first: bool) -> &'static str {
    match state.step {
        _ if first => "help",
        Step::Question(_) => "question",
        Step::Review => "review",
        Step::Result => "result",
    }
}

/// What the last screens need.
pub(crate) struct End<'a> {
    content: &'a Content,
    quiz: &'a QuizState,
    dispatch: &'a Callback<Action>,
    /// The level of the self-check's title (see `Widget::heading`).
    level: u8,
    /// The question last opened with Change, whose row the review focuses.
    changed: Option<&'a str>,
    /// The widget's storage scope, whose instance the values are kept for.
    scope: &'a Scope,
    /// The round of answers the values belong to (see `Model::round`).
    round: u32,
    /// The self-check's state, which the last screens tell when the values change.
    model: UseReducerDispatcher<Model>,
}

/// The review or the result screen (the entry point of their code chunk), with the keeper of
/// the values step's answers in storage.
pub(crate) fn end_screen(e: &End<'_>) -> Html {
    let kept = values::kept(e.scope, e.round);
    let read = kept.is_some();
    let values = kept.unwrap_or_default();
    let on_values = {
        let (model, scope, round) = (e.model.clone(), e.scope.clone(), e.round);
        Callback::from(move |v: Option<crate::options::Values>| {
            let dropped = v.is_none();
            values::keep(&scope, round, v.unwrap_or_default());
            model.dispatch(Msg::Values(dropped));
        })
    };
    let screen = match e.quiz.step {
        Step::Question(_) => Html::default(),
        Step::Review => review::review(
            &e.content.0,
            e.quiz,
            (e.dispatch, &on_values),
            e.level,
            e.changed,
            &values,
        ),
        Step::Result => html! {
            <result::ResultView
                content={e.content.clone()}
                quiz={e.quiz.clone()}
                dispatch={e.dispatch.clone()}
                level={e.level}
                values={values.clone()}
            />
        },
    };
    html! {
        <>
            <values::Stored {values} {read} on_read={on_values} />
            { screen }
        </>
    }
}

fn notice_id(n: Notice) -> &'static str {
    match n {
        Notice::Cleared => "cleared",
        Notice::RestoreFailed => "restore-failed",
    }
}

/// After a refused Next, focus goes to the error summary; otherwise to the new step's heading
/// (or the crisis message, or the answer just changed). What a step leads with
/// (`data-kg-top`: the crisis message, the result) is then scrolled to the top of the view.
fn move_focus(root: &NodeRef) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    let find = |selector: &str| root.query_selector(selector).ok().flatten();
    let target = find("[data-kg-error-summary]").or_else(|| find("[data-kg-focus]"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
    if let Some(top) = find("[data-kg-top]") {
        top.scroll_into_view();
    }
}

/// "Remember on this device" and "Clear my answers", on every step.
fn storage_controls(
    c: &QuizContent,
    widget: &Widget,
    remember: &UseStateHandle<bool>,
    model: &UseReducerHandle<Model>,
) -> Html {
    let texts = &c.ui.storage;
    let scope = &widget.scope;
    let on_remember = {
        let scope = scope.clone();
        let remember = remember.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            scope.set_remember(on);
            remember.set(scope.remembers());
        })
    };
    let on_clear = {
        let remember = remember.clone();
        let model = model.dispatcher();
        let cleared = widget.cleared.clone();
        Callback::from(move |_: MouseEvent| {
            storage::clear_everything();
            remember.set(false);
            model.dispatch(Msg::Cleared);
            cleared.emit(());
        })
    };
    let can_store = scope.persist() != Persist::None;
    html! {
        <div class="kg-quiz-storage kg-noprint">
            if can_store {
                <div class="kg-quiz-check">
                    <input
                        type="checkbox"
                        id="kg-quiz-remember"
                        checked={**remember}
                        aria-describedby="kg-quiz-remember-hint"
                        onchange={on_remember}
                    />
                    <label for="kg-quiz-remember">{ &texts.remember }</label>
                    <p class="kg-quiz-hint" id="kg-quiz-remember-hint">{ &texts.remember_hint }</p>
                </div>
            }
            <button type="button" class="kg-button kg-secondary" data-action="clear" onclick={on_clear}>
                { &texts.clear }
            </button>
        </div>
    }
}
