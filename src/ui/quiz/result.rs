//! The result: one outcome (`data-outcome`), every deciding answer with why it matters and its
//! sources, other notes, route notes, questions for a provider, the clinic's link if set, and
//! the provider summary to print or download. Never "you are eligible".

use super::question::sources;
use super::{device, Content};
use crate::platform::intl;
use crate::quiz::{
    group_by_answer, summary_text, Action, AnswerGroup, Assessment, QuizContent, QuizState,
};
use crate::ui::evidence::TracedSources;
use crate::ui::WidgetContext;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct ResultProps {
    pub content: Content,
    pub quiz: QuizState,
    pub dispatch: Callback<Action>,
}

/// The result step.
#[component]
pub(super) fn ResultView(props: &ResultProps) -> Html {
    let widget = use_context::<WidgetContext>().expect("inside App");
    let c = &*props.content.0;
    let Some(assessment) = props.quiz.assessment(c) else {
        return Html::default();
    };
    let texts = c.ui.outcomes.get(assessment.outcome);
    let date = intl::today(widget.locale);

    let on_print = Callback::from(|_: MouseEvent| device::print());
    let on_download = {
        let content = props.content.0.clone();
        let assessment = assessment.clone();
        let date = date.clone();
        Callback::from(move |_: MouseEvent| {
            let text = summary_text(&content, &assessment, &date);
            let name = crate::quiz::fill(
                &content.ui.summary.filename,
                &[("date", &intl::today_iso())],
            );
            let _ = device::download_text(&name, &text);
        })
    };
    let on_restart = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Restart))
    };
    let on_back = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Back))
    };
    let deciding = group_by_answer(c, assessment.deciding());
    let others = group_by_answer(c, assessment.others());

    html! {
        <div class="kg-quiz-result" data-outcome={assessment.outcome.id()}>
            <p class="kg-quiz-summary-title">{ &c.ui.summary.title }</p>
            <h3 class="kg-quiz-outcome" tabindex="-1" data-kg-focus="true">{ &texts.heading }</h3>
            <p>{ &texts.explanation }</p>
            <p class="kg-quiz-discuss">{ &texts.discuss }</p>
            <p class="kg-quiz-date">{ crate::quiz::fill(&c.ui.summary.date, &[("date", &date)]) }</p>

            <h4>{ &c.ui.deciding_heading }</h4>
            <ul class="kg-quiz-reasons">
                { for deciding.iter().map(|g| group(c, g, true)) }
            </ul>
            if !others.is_empty() {
                <h4>{ &c.ui.also_heading }</h4>
                <ul class="kg-quiz-reasons kg-quiz-other-reasons">
                    { for others.iter().map(|g| group(c, g, false)) }
                </ul>
            }
            { routes(c, &assessment) }
            <h4>{ &c.ui.provider_questions_heading }</h4>
            <ul class="kg-quiz-provider-questions">
                { for assessment.provider_questions.iter().map(|q| html! { <li>{ q }</li> }) }
            </ul>
            if let Some(cta) = &widget.cta {
                <p class="kg-quiz-cta kg-noprint">
                    <a class="kg-button" href={cta.href.clone()} rel="noopener" data-cta="true">{ cta.label.clone() }</a>
                </p>
            }
            <div class="kg-quiz-buttons kg-quiz-actions kg-noprint">
                <button type="button" class="kg-button" data-action="print" onclick={on_print}>
                    { &c.ui.summary.print }
                </button>
                <button
                    type="button"
                    class="kg-button"
                    data-action="download"
                    aria-describedby="kg-quiz-download-hint"
                    onclick={on_download}
                >{ &c.ui.summary.download }</button>
                <button type="button" class="kg-button kg-secondary" data-action="back" onclick={on_back}>
                    { &c.ui.back }
                </button>
                <button type="button" class="kg-button kg-secondary" data-action="restart" onclick={on_restart}>
                    { &c.ui.restart }
                </button>
            </div>
            <p class="kg-quiz-hint kg-noprint" id="kg-quiz-download-hint">{ &c.ui.summary.download_hint }</p>
            <p class="kg-quiz-disclaimer"><strong>{ &c.ui.disclaimer }</strong></p>
            <crate::ui::about::AboutGuide tool={crate::content::Feature::Quiz} />
        </div>
    }
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

fn routes(c: &QuizContent, assessment: &Assessment) -> Html {
    if assessment.route_notes.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h4>{ &c.ui.route_heading }</h4>
            { for assessment.route_notes.iter().map(|route| html! {
                <div class="kg-quiz-route" key={route.id.clone()} data-route={route.id.clone()}>
                    <h5>{ &route.heading }</h5>
                    <ul>{ for route.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                    <TracedSources sources={sources(c, &route.sources)} evidence={route.evidence.clone()} heading={c.ui.sources_label.clone()} />
                </div>
            }) }
        </>
    }
}
