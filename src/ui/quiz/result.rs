//! The result: one outcome (`data-outcome`) with Print and Download beside it, every deciding
//! answer with why it matters and its sources, other notes, every answer given (the deciding
//! ones first), route notes, questions for a provider, what matters to the person (the values
//! step), the options compared (with those values beside them), the clinic's link if set with
//! the line that says whose it is, links to the other tools this instance offers, and "Start
//! again" (confirmed first). Never "you are eligible"; no option is ever recommended.

use super::question::sources;
use super::{device, Content};
use crate::myths::link::OPTIONS_SLUG;
use crate::nav::{Place, Section};
use crate::options::{OptionsContent, Values};
use crate::platform::intl;
use crate::quiz::{
    answer_tag, group_by_answer, summary_text, Action, AnswerGroup, Assessment, QuizContent,
    QuizState, ValuesSection,
};
use crate::ui::about::CtaNote;
use crate::ui::evidence::TracedSources;
use crate::ui::options::{use_options_content, OptionsComparison};
use crate::ui::widgets::{heading, Disclosure, Heading};
use crate::ui::{Widget, WidgetContext};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct ResultProps {
    pub content: Content,
    pub quiz: QuizState,
    pub dispatch: Callback<Action>,
    /// The self-check's title level (see `Widget::heading`).
    pub level: u8,
    /// What matters to the person (the values step's answers).
    pub values: Values,
}

/// The result step.
#[component]
pub(super) fn ResultView(props: &ResultProps) -> Html {
    let widget = use_context::<WidgetContext>().expect("inside App");
    let confirming = use_state(|| false);
    let confirm_ref = use_node_ref();
    {
        // The question "Start again?" takes focus when it appears.
        let confirm_ref = confirm_ref.clone();
        use_effect_with(*confirming, move |&shown| {
            if let (true, Some(el)) = (shown, confirm_ref.cast::<HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }
    let options = use_options_content();
    let c = &*props.content.0;
    let Some(assessment) = props.quiz.assessment(c) else {
        return Html::default();
    };
    let options = options.as_ref().as_ref();
    // The values in words, as the screen and the summary list them.
    let values: (String, Vec<String>) = options.map_or_else(Default::default, |o| {
        let lines = o.value_lines(&props.values);
        let lines = lines.iter().map(|l| format!("{}: {}", l.label, l.weight));
        (o.ui.values_heading.clone(), lines.collect())
    });
    let date = intl::today(widget.locale);
    let level = props.level;

    let deciding = group_by_answer(c, assessment.deciding());
    let others = group_by_answer(c, assessment.others());
    let on_download = download(&props.content, &assessment, &widget, &date, &values);

    html! {
        <div
            class="kg-quiz-result"
            data-outcome={assessment.outcome.id()}
            data-kg-top={(!assessment.crisis).then_some("true")}
        >
            { head(c, &assessment, level, &date, on_download) }
            { sub(level, &c.ui.deciding_heading) }
            <ul class="kg-quiz-reasons">
                { for deciding.iter().map(|g| group(c, g, true)) }
            </ul>
            if !others.is_empty() {
                { sub(level, &c.ui.also_heading) }
                <ul class="kg-quiz-reasons kg-quiz-other-reasons">
                    { for others.iter().map(|g| group(c, g, false)) }
                </ul>
            }
            { every_answer(c, &assessment, level) }
            { routes(c, &assessment, level) }
            { sub(level, &c.ui.provider_questions_heading) }
            <ul class="kg-quiz-provider-questions">
                { for assessment.provider_questions.iter().map(|q| html! { <li>{ q }</li> }) }
            </ul>
            if !values.1.is_empty() {
                { sub(level, &values.0) }
                <ul class="kg-quiz-values" data-values-summary="">
                    { for values.1.iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            }
            { compare(options, &props.values, level) }
            if let Some(cta) = &widget.cta {
                <p class="kg-quiz-cta kg-noprint">
                    <a class="kg-button" href={cta.href.clone()} rel="noopener" data-cta="true"
                        aria-describedby="kg-quiz-cta-note">{ cta.label.clone() }</a>
                </p>
                <CtaNote id="kg-quiz-cta-note" />
            }
            { next_steps(c, &widget, options.map(|o| o.ui.link.as_str()), level) }
            { start_again(c, &props.dispatch, &confirming, &confirm_ref) }
            <p class="kg-quiz-disclaimer"><strong>{ &c.ui.disclaimer }</strong></p>
            <crate::ui::about::AboutGuide tool={crate::content::Feature::Quiz} />
        </div>
    }
}

/// The result's head: the outcome with Print and Download beside it, what it means, what to
/// discuss and the date.
fn head(
    c: &QuizContent,
    assessment: &Assessment,
    level: u8,
    date: &str,
    on_download: Callback<MouseEvent>,
) -> Html {
    let s = &c.ui.summary;
    let texts = c.ui.outcomes.get(assessment.outcome);
    let on_print = Callback::from(|_: MouseEvent| device::print());
    html! {
        <>
            <p class="kg-quiz-summary-title">{ &s.title }</p>
            <div class="kg-quiz-result-head">
                { heading(level, 1, Heading { class: "kg-quiz-outcome", step: true, ..Heading::default() }, html! { &texts.heading }) }
                <div class="kg-quiz-actions kg-noprint">
                    <button type="button" class="kg-button" data-action="print" onclick={on_print}>
                        { &s.print }
                    </button>
                    <button
                        type="button"
                        class="kg-button"
                        data-action="download"
                        aria-describedby="kg-quiz-download-hint"
                        onclick={on_download}
                    >{ &s.download }</button>
                </div>
            </div>
            <p class="kg-quiz-hint kg-noprint" id="kg-quiz-download-hint">{ &s.download_hint }</p>
            <p>{ &texts.explanation }</p>
            <p class="kg-quiz-discuss">{ &texts.discuss }</p>
            <p class="kg-quiz-date">{ crate::quiz::fill(&s.date, &[("date", date)]) }</p>
        </>
    }
}

/// Download: the provider summary as a text file, crisis help first, with the values as said.
fn download(
    content: &Content,
    assessment: &Assessment,
    widget: &Widget,
    date: &str,
    (heading, lines): &(String, Vec<String>),
) -> Callback<MouseEvent> {
    let content = content.0.clone();
    let assessment = assessment.clone();
    let help = widget.shell.clone();
    let (date, heading, lines) = (date.to_owned(), heading.clone(), lines.clone());
    Callback::from(move |_: MouseEvent| {
        let Some(shell) = help.as_deref() else {
            return;
        };
        let values = ValuesSection {
            heading: &heading,
            lines: lines.clone(),
        };
        let text = summary_text(&content, &assessment, &shell.help, &date, &values);
        let name = crate::quiz::fill(
            &content.ui.summary.filename,
            &[("date", &intl::today_iso())],
        );
        let _ = device::download_text(&name, &text);
    })
}

/// Back and "Start again", or once "Start again" is pressed, the question that confirms it.
fn start_again(
    c: &QuizContent,
    dispatch: &Callback<Action>,
    confirming: &UseStateHandle<bool>,
    confirm_ref: &NodeRef,
) -> Html {
    let s = &c.ui.summary;
    if **confirming {
        return html! {
            <div class="kg-quiz-confirm kg-noprint" role="group" aria-labelledby="kg-quiz-confirm-q">
                <p id="kg-quiz-confirm-q" tabindex="-1" ref={confirm_ref.clone()}>{ &s.restart_confirm }</p>
                <div class="kg-quiz-buttons">
                    <button type="button" class="kg-button" data-action="restart-confirm"
                        onclick={dispatch.reform(|_: MouseEvent| Action::Restart)}>
                        { &s.restart_yes }
                    </button>
                    <button type="button" class="kg-button kg-secondary" data-action="restart-cancel"
                        onclick={cancel(confirming)}>
                        { &s.restart_no }
                    </button>
                </div>
            </div>
        };
    }
    let on_restart = {
        let confirming = confirming.clone();
        move |_: MouseEvent| confirming.set(true)
    };
    html! {
        <div class="kg-quiz-buttons kg-noprint">
            <button type="button" class="kg-button kg-secondary" data-action="back"
                onclick={dispatch.reform(|_: MouseEvent| Action::Back)}>
                { &c.ui.back }
            </button>
            <button type="button" class="kg-button kg-secondary" data-action="restart" onclick={on_restart}>
                { &c.ui.restart }
            </button>
        </div>
    }
}

/// "No, keep my answers": the question goes and focus returns to "Start again".
fn cancel(confirming: &UseStateHandle<bool>) -> Callback<MouseEvent> {
    let confirming = confirming.clone();
    Callback::from(move |e: MouseEvent| {
        let root = e
            .target_dyn_into::<Element>()
            .and_then(|el| el.closest(".kg-quiz-result").ok().flatten());
        confirming.set(false);
        // "Start again" is drawn again on the next render; focus it once it is there.
        if let Some(root) = root {
            gloo::timers::callback::Timeout::new(0, move || {
                let button = root
                    .query_selector("[data-action=restart]")
                    .ok()
                    .flatten()
                    .and_then(|b| b.dyn_into::<HtmlElement>().ok());
                if let Some(button) = button {
                    let _ = button.focus();
                }
            })
            .forget();
        }
    })
}

/// A section's heading inside the result.
fn sub(level: u8, text: &str) -> Html {
    let a = Heading {
        class: "kg-quiz-sub",
        ..Heading::default()
    };
    heading(level, 2, a, html! { text })
}

/// One answer, shown once, with every reason that quotes it. Each reason carries its rule id:
/// `data-reason` when it decided the outcome, `data-other-reason` otherwise.
fn group(c: &QuizContent, g: &AnswerGroup<'_>, deciding: bool) -> Html {
    html! {
        <li class="kg-quiz-reason" key={g.question_id}>
            <p class="kg-quiz-reason-answer">{ &g.answer }</p>
            { for g.reasons.iter().map(|r| html! {
                <div
                    key={r.id.clone()}
                    data-reason={deciding.then(|| r.id.clone())}
                    data-other-reason={(!deciding).then(|| r.id.clone())}
                    data-effect={r.effect.id()}
                >
                    <p><strong>{ &c.ui.summary.why_label }</strong>{ " " }{ &r.why }</p>
                    <TracedSources sources={r.sources.clone()} evidence={r.evidence.clone()} heading={c.ui.sources_label.clone()} />
                </div>
            }) }
        </li>
    }
}

/// Every question asked with its answer, "no" answers included, as one compact table: the
/// answers that decided the outcome first, each quoted answer tagged.
fn every_answer(c: &QuizContent, assessment: &Assessment, level: u8) -> Html {
    let s = &c.ui.summary;
    html! {
        <>
            { heading(level, 2, Heading { class: "kg-quiz-sub", id: Some("kg-quiz-all-answers".into()), ..Heading::default() }, html! { &s.answers_heading }) }
            <p>{ &s.answers_intro }</p>
            <table class="kg-quiz-all" aria-labelledby="kg-quiz-all-answers">
                <thead>
                    <tr>
                        <th scope="col">{ &s.question_column }</th>
                        <th scope="col">{ &s.answer_column }</th>
                    </tr>
                </thead>
                <tbody>
                    { for assessment.answers.iter().map(|line| {
                        let tag = answer_tag(c, assessment, line);
                        html! {
                            <tr key={line.question_id.clone()} data-answer={line.question_id.clone()}
                                data-effect={line.effect.map(|e| e.id())}>
                                <th scope="row">{ &line.question }</th>
                                <td>
                                    { &line.answer }
                                    if let Some(tag) = tag {
                                        <span class="kg-quiz-tag">{ tag }</span>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </>
    }
}

fn routes(c: &QuizContent, assessment: &Assessment, level: u8) -> Html {
    if assessment.route_notes.is_empty() {
        return Html::default();
    }
    html! {
        <>
            { sub(level, &c.ui.route_heading) }
            { for assessment.route_notes.iter().map(|route| html! {
                <div class="kg-quiz-route" key={route.id.clone()} data-route={route.id.clone()}>
                    { heading(level, 3, Heading { class: "kg-quiz-subsub", ..Heading::default() }, html! { &route.heading }) }
                    <ul>{ for route.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                    <TracedSources sources={sources(c, &route.sources)} evidence={route.evidence.clone()} heading={c.ui.sources_label.clone()} />
                </div>
            }) }
        </>
    }
}

/// The options compared in equal detail, ketamine and not, with the person's values beside
/// them, behind a disclosure (long, and not part of the printed summary).
fn compare(options: Option<&OptionsContent>, values: &Values, level: u8) -> Html {
    let Some(o) = options else {
        return Html::default();
    };
    html! {
        <Disclosure summary={o.ui.compare.clone()} id="kg-quiz-compare" class="kg-quiz-compare kg-noprint">
            <OptionsComparison values={values.clone()} level={level + 2} />
        </Disclosure>
    }
}

/// Links to the estimator, the evidence explorer and its options comparison (`options`: that
/// link's text), when this instance offers them. They open the tool's tab (never leaving an
/// embed's host page) and move focus to it.
fn next_steps(c: &QuizContent, widget: &Widget, options: Option<&str>, level: u8) -> Html {
    let (cost, myths) = (widget.offers_cost, widget.offers_myths);
    if !cost && !myths {
        return Html::default();
    }
    // `to` names the place (`myths/options`), and is its fragment too.
    let link = |place: Place, to: &'static str, text: &str| {
        let navigate = widget.navigate.clone();
        let section = place.section;
        let href = format!("#{to}");
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let app = e
                .target_dyn_into::<Element>()
                .and_then(|el| el.closest(".kg-app").ok().flatten());
            navigate.emit(place.clone());
            let tab = app
                .and_then(|app| {
                    app.query_selector(&format!("#kg-tab-{}", section.id()))
                        .ok()
                        .flatten()
                })
                .and_then(|t| t.dyn_into::<HtmlElement>().ok());
            if let Some(tab) = tab {
                let _ = tab.focus();
            }
        });
        html! {
            <li><a {href} data-to={to} {onclick}>{ text }</a></li>
        }
    };
    let s = &c.ui.summary;
    let options = options.filter(|_| myths).map(|text| {
        let place = Place {
            section: Section::Myths,
            item: Some(OPTIONS_SLUG.to_owned()),
        };
        link(place, "myths/options", text)
    });
    html! {
        <div class="kg-quiz-next kg-noprint">
            { sub(level, &s.next_heading) }
            <ul>
                if cost { { link(Place::section(Section::Cost), "cost", &s.to_cost) } }
                if myths { { link(Place::section(Section::Myths), "myths", &s.to_myths) } }
                { for options }
            </ul>
        </div>
    }
}
