//! The provider summary: a plain-text document made on the device for printing or download.
//! It holds the date and the answers that mattered, never a name or any other identifier.

use super::engine::{Assessment, Reason};
use super::model::QuizContent;
use super::ui::fill;

fn push_reason(out: &mut String, content: &QuizContent, reason: &Reason) {
    let ui = &content.ui;
    let answer = fill(
        &ui.reason_answer,
        &[("question", &reason.question), ("answer", &reason.answer)],
    );
    out.push_str(&format!(
        "- {answer}\n  {} {}\n",
        ui.summary.why_label, reason.why
    ));
    if !reason.sources.is_empty() {
        out.push_str(&format!("  {}\n", ui.sources_label));
        for s in &reason.sources {
            match &s.url {
                Some(url) => out.push_str(&format!("    * {} <{url}>\n", s.citation)),
                None => out.push_str(&format!("    * {}\n", s.citation)),
            }
        }
    }
}

fn section(out: &mut String, heading: &str) {
    out.push('\n');
    out.push_str(heading);
    out.push('\n');
    out.push_str(&"-".repeat(heading.chars().count()));
    out.push('\n');
}

/// The summary as plain text. `date` is whatever the UI formats (e.g. `2025-05-01`); the engine
/// has no clock.
pub fn summary_text(content: &QuizContent, assessment: &Assessment, date: &str) -> String {
    let ui = &content.ui;
    let texts = ui.outcomes.get(assessment.outcome);
    let mut out = String::new();
    out.push_str(&ui.summary.title);
    out.push('\n');
    out.push_str(&fill(&ui.summary.date, &[("date", date)]));
    out.push('\n');

    section(&mut out, &ui.summary.outcome_heading);
    out.push_str(&format!(
        "{}\n{}\n{}\n",
        texts.heading, texts.explanation, texts.discuss
    ));

    section(&mut out, &ui.deciding_heading);
    for r in assessment.deciding() {
        push_reason(&mut out, content, r);
    }
    if assessment.others().next().is_some() {
        section(&mut out, &ui.also_heading);
        for r in assessment.others() {
            push_reason(&mut out, content, r);
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

    if assessment.crisis {
        let c = &ui.crisis;
        section(&mut out, &ui.summary.crisis_heading);
        out.push_str(&format!(
            "{}\n{}\n{} {}\n{}\n",
            c.body, c.call_text, c.chat, c.chat_url, c.emergency
        ));
    }

    out.push('\n');
    out.push_str(&ui.disclaimer);
    out.push('\n');
    out
}
