//! The provider summary: a plain-text document made on the device for printing or download.
//! It holds the date, every answer given and why the ones that mattered matter, what matters to
//! the person (when they said), never a name or any other identifier.

use super::engine::{AnswerLine, Assessment, Reason};
use super::model::QuizContent;
use super::ui::fill;
use crate::content::shell::HelpText;
use crate::content::Evidence;

/// Reasons that quote the same answer, so the answer is shown once with every reason under it.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerGroup<'a> {
    /// The question the reasons quote.
    pub question_id: &'a str,
    /// The question and the answer in words ("… You answered: …").
    pub answer: String,
    /// The reasons, in the order they came.
    pub reasons: Vec<&'a Reason>,
}

/// Groups reasons by the answer they quote, in the order each answer first appears. Two rules
/// on one question (a benzodiazepine and lamotrigine, say) then show the answer once.
pub fn group_by_answer<'a>(
    content: &QuizContent,
    reasons: impl IntoIterator<Item = &'a Reason>,
) -> Vec<AnswerGroup<'a>> {
    let mut groups: Vec<AnswerGroup<'a>> = Vec::new();
    for r in reasons {
        match groups.iter_mut().find(|g| g.question_id == r.question_id) {
            Some(g) => g.reasons.push(r),
            None => groups.push(AnswerGroup {
                question_id: &r.question_id,
                answer: fill(
                    &content.ui.reason_answer,
                    &[("question", &r.question), ("answer", &r.answer)],
                ),
                reasons: vec![r],
            }),
        }
    }
    groups
}

fn push_group(out: &mut String, content: &QuizContent, group: &AnswerGroup<'_>) {
    let ui = &content.ui;
    out.push_str(&format!("- {}\n", group.answer));
    for reason in &group.reasons {
        out.push_str(&format!("  {} {}\n", ui.summary.why_label, reason.why));
        if !reason.sources.is_empty() {
            out.push_str(&format!("  {}\n", ui.sources_label));
            for s in &reason.sources {
                let note = s
                    .note
                    .as_deref()
                    .map(|n| format!(" {n}"))
                    .unwrap_or_default();
                out.push_str(&format!("    * {}{note} <{}>\n", s.citation, s.url));
                for e in traces(&reason.evidence, &s.id) {
                    out.push_str(&format!("      {e}\n"));
                }
            }
        }
    }
}

/// The figures a reason traces to one source, each as "figure: place: what the source says".
fn traces<'a>(evidence: &'a [Evidence], source: &'a str) -> impl Iterator<Item = String> + 'a {
    evidence
        .iter()
        .filter(move |e| e.source.as_deref() == Some(source))
        .map(|e| {
            format!(
                "\u{201c}{}\u{201d}: {}: {}",
                e.figure,
                e.place.as_deref().unwrap_or_default(),
                e.says.as_deref().unwrap_or_default()
            )
        })
}

fn section(out: &mut String, heading: &str) {
    out.push('\n');
    out.push_str(heading);
    out.push('\n');
    out.push_str(&"-".repeat(heading.chars().count()));
    out.push('\n');
}

/// What the person said matters to them (the values step), in words: a section of the summary
/// of its own, after their answers. It is beside the assessment, never part of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValuesSection<'a> {
    /// Its heading ("What matters to you").
    pub heading: &'a str,
    /// One line per answered value ("Feeling better soon: Very important").
    pub lines: Vec<String>,
}

/// The summary as plain text. `date` is whatever the UI formats (e.g. `2025-05-01`); the engine
/// has no clock. `help` holds the crisis contacts (the shell's text), led with when crisis help
/// was shown. `values` is left out when it has no lines.
pub fn summary_text(
    content: &QuizContent,
    assessment: &Assessment,
    help: &HelpText,
    date: &str,
    values: &ValuesSection<'_>,
) -> String {
    let ui = &content.ui;
    let texts = ui.outcomes.get(assessment.outcome);
    let mut out = String::new();
    out.push_str(&ui.summary.title);
    out.push('\n');
    out.push_str(&fill(&ui.summary.date, &[("date", date)]));
    out.push('\n');

    // Help right now comes before anything else, as it does on screen.
    if assessment.crisis {
        section(&mut out, &ui.summary.crisis_heading);
        out.push_str(&format!(
            "{}\n{}\n- {}\n- {}\n- {} <{}>\n{}\n",
            ui.crisis.body,
            help.lifeline,
            help.call,
            help.text,
            help.chat,
            help.chat_href,
            help.danger
        ));
    }

    section(&mut out, &ui.summary.outcome_heading);
    out.push_str(&format!(
        "{}\n{}\n{}\n",
        texts.heading, texts.explanation, texts.discuss
    ));

    section(&mut out, &ui.summary.answers_heading);
    out.push_str(&ui.summary.answers_intro);
    out.push('\n');
    for line in &assessment.answers {
        out.push_str(&format!("- {} — {}", line.question, line.answer));
        if let Some(tag) = answer_tag(content, assessment, line) {
            out.push_str(&format!(" ({tag})"));
        }
        out.push('\n');
    }

    if !values.lines.is_empty() {
        section(&mut out, values.heading);
        for line in &values.lines {
            out.push_str(&format!("- {line}\n"));
        }
    }

    section(&mut out, &ui.deciding_heading);
    for g in group_by_answer(content, assessment.deciding()) {
        push_group(&mut out, content, &g);
    }
    let others = group_by_answer(content, assessment.others());
    if !others.is_empty() {
        section(&mut out, &ui.also_heading);
        for g in &others {
            push_group(&mut out, content, g);
        }
    }

    section(&mut out, &ui.route_heading);
    for route in &assessment.route_notes {
        out.push_str(&route.heading);
        out.push('\n');
        for note in &route.notes {
            out.push_str(&format!("- {note}\n"));
        }
    }

    section(&mut out, &ui.provider_questions_heading);
    for q in &assessment.provider_questions {
        out.push_str(&format!("- {q}\n"));
    }

    out.push('\n');
    out.push_str(&ui.disclaimer);
    out.push('\n');
    out
}

/// "Led to this result" or "Raise with a provider" for an answer a reason quotes.
pub fn answer_tag<'c>(
    content: &'c QuizContent,
    assessment: &Assessment,
    line: &AnswerLine,
) -> Option<&'c str> {
    let s = &content.ui.summary;
    line.effect.map(|e| {
        if e == assessment.outcome {
            s.deciding_tag.as_str()
        } else {
            s.other_tag.as_str()
        }
    })
}
