//! Every label the quiz UI and the provider summary show (`[ui]` in `quiz.toml`).
//!
//! Templates hold `{placeholders}`; [`fill`] replaces them so word order stays the
//! translator's choice.

use super::Outcome;
use crate::content::decode::{Decode, Fields, Json};

crate::json_struct! {
impl Decode;
/// Labels, headings and messages of the quiz.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuizText {
    /// Heading of the quiz.
    pub title: String,
    /// The decision the self-check supports, for whom, and what it cannot do (`data-decision`,
    /// above the first question).
    pub decision: String,
    /// The button that shows [`QuizText::decision_more`].
    pub decision_more_label: String,
    /// The conditions involved, in a few plain sentences (paragraphs apart by a blank line):
    /// in the "why" part, fetched right after the first view (empty until then).
    pub decision_more: String = String::new(),
    /// Button: go to the next screen.
    pub next: String,
    /// Button: go back one screen.
    pub back: String,
    /// Button on the review step: show the result.
    pub see_result: String,
    /// Button: start again with no answers.
    pub restart: String,
    /// Disclosure summary for the "Why we ask" text.
    pub why_we_ask: String,
    /// Template with `{current}` and `{total}`.
    pub progress: String,
    /// Heading of the review step.
    pub review_heading: String,
    /// Text under the review heading.
    pub review_intro: String,
    /// Visible "Change" link text on the review step.
    pub change: String,
    /// Accessible name of a change link; template with `{question}`.
    pub change_label: String,
    /// Shown for a question that was left blank.
    pub not_answered: String,
    /// Joins several picked choices in an answer shown in words.
    pub list_separator: String,
    /// Joins the last two items of a list ("anxiety, PTSD or pain").
    pub list_or: String,
    /// The Next button after a Change, when it leads back to the review.
    pub save_return: String,
    /// Template for a number answer with `{value}` and `{unit}`.
    pub number_answer: String,
    /// Heading and texts for each outcome.
    pub outcomes: OutcomesText,
    /// Heading over the reasons that decided the outcome.
    pub deciding_heading: String,
    /// Heading over other reasons worth raising.
    pub also_heading: String,
    /// Template for the answer of a reason, with `{question}` and `{answer}`.
    pub reason_answer: String,
    /// Label before the sources of a reason.
    pub sources_label: String,
    /// Heading over the route notes.
    pub route_heading: String,
    /// Heading over the questions to ask a provider.
    pub provider_questions_heading: String,
    /// The closing line on every result: educational only, see a licensed provider.
    pub disclaimer: String,
    /// Crisis alert texts.
    pub crisis: CrisisText,
    /// Storage controls and notices.
    pub storage: StorageText,
    /// Result actions and the downloadable summary.
    pub summary: SummaryText,
    /// Error messages for unanswered or badly typed answers.
    pub errors: ErrorText,
}
}

/// Heading and explanation per outcome, keyed by the outcome's id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutcomesText {
    /// For `not-suitable`.
    pub not_suitable: OutcomeText,
    /// For `review-first`.
    pub review_first: OutcomeText,
    /// For `other-options-first`.
    pub other_options_first: OutcomeText,
    /// For `worth-discussing`.
    pub worth_discussing: OutcomeText,
}

impl Decode for OutcomesText {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        let texts = OutcomesText {
            not_suitable: f.req("not-suitable")?,
            review_first: f.req("review-first")?,
            other_options_first: f.req("other-options-first")?,
            worth_discussing: f.req("worth-discussing")?,
        };
        f.finish()?;
        Ok(texts)
    }
}

impl OutcomesText {
    /// The texts for one outcome.
    pub fn get(&self, outcome: Outcome) -> &OutcomeText {
        match outcome {
            Outcome::NotSuitable => &self.not_suitable,
            Outcome::ReviewFirst => &self.review_first,
            Outcome::OtherOptionsFirst => &self.other_options_first,
            Outcome::WorthDiscussing => &self.worth_discussing,
        }
    }
}

crate::json_struct! {
impl Decode;
/// Texts for one outcome.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutcomeText {
    /// The result heading.
    pub heading: String,
    /// What it means, in plain words.
    pub explanation: String,
    /// What to discuss with a licensed provider, and why.
    pub discuss: String,
}
}

crate::json_struct! {
impl Decode;
/// The crisis alert (`role="alert"`); its contacts are the shell's (`HelpText`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CrisisText {
    /// Alert heading.
    pub heading: String,
    /// Opening sentence.
    pub body: String,
    /// Reassurance that the quiz can still be finished.
    pub can_continue: String,
    /// The button that goes on from the help to the next screen.
    pub go_on: String,
}
}

crate::json_struct! {
impl Decode;
/// Storage controls and notices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageText {
    /// Checkbox label: keep answers in local storage.
    pub remember: String,
    /// Hint under that checkbox.
    pub remember_hint: String,
    /// Button: erase every stored trace.
    pub clear: String,
    /// Notice after clearing.
    pub cleared: String,
    /// Notice when stored answers could not be restored.
    pub restore_failed: String,
}
}

crate::json_struct! {
impl Decode;
/// Result actions and the downloadable provider summary.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SummaryText {
    /// Button: print the result.
    pub print: String,
    /// Button: download the summary file.
    pub download: String,
    /// Hint: the file is made on this device.
    pub download_hint: String,
    /// File name template with `{date}`.
    pub filename: String,
    /// Title line of the summary.
    pub title: String,
    /// Template with `{date}`.
    pub date: String,
    /// Heading over the outcome.
    pub outcome_heading: String,
    /// Label before "why it matters".
    pub why_label: String,
    /// Heading over the crisis help, when it was shown.
    pub crisis_heading: String,
    /// Heading over the table of every answer.
    pub answers_heading: String,
    /// Says the order of that table.
    pub answers_intro: String,
    /// Column heading: the question.
    pub question_column: String,
    /// Column heading: the answer.
    pub answer_column: String,
    /// Marks an answer that decided the outcome.
    pub deciding_tag: String,
    /// Marks another answer worth raising.
    pub other_tag: String,
    /// Heading over the links to the other tools.
    pub next_heading: String,
    /// Link to the cost estimator.
    pub to_cost: String,
    /// Link to the evidence explorer.
    pub to_myths: String,
    /// The question asked before starting again.
    pub restart_confirm: String,
    /// Confirms starting again.
    pub restart_yes: String,
    /// Keeps the answers.
    pub restart_no: String,
}
}

crate::json_struct! {
impl Decode;
/// Error messages (GOV.UK style: say what to do).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ErrorText {
    /// Heading of the error summary.
    pub summary_heading: String,
    /// A single-choice question is unanswered.
    pub choose_one: String,
    /// A multiple-choice question is unanswered.
    pub choose_some: String,
    /// A required number is empty.
    pub number_missing: String,
    /// Typed text is not a number.
    pub not_a_number: String,
    /// Typed number has a fraction. Template with `{min}`, `{max}`, `{unit}`.
    pub whole_number: String,
    /// Typed number is too small. Template with `{min}`, `{unit}`.
    pub below_min: String,
    /// Typed number is too large. Template with `{max}`, `{unit}`.
    pub above_max: String,
}
}

/// Replaces each `{name}` in `template` with its value; unknown placeholders stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_owned();
    for (name, value) in values {
        // What `text.replace("{name}", value)` does, without the wasm of a substring search:
        // a match starts at a `{`, so only those places are tried, left to right.
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find('{') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            match after.strip_prefix(name).and_then(|t| t.strip_prefix('}')) {
                Some(tail) => {
                    out.push_str(value);
                    rest = tail;
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        text = out;
    }
    text
}

impl QuizText {
    /// "Question 3 of 12", from the progress template.
    pub fn progress_label(&self, current: usize, total: usize) -> String {
        fill(
            &self.progress,
            &[
                ("current", &current.to_string()),
                ("total", &total.to_string()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_every_named_placeholder_and_keeps_unknown_ones() {
        assert_eq!(
            fill("{a} of {b} {c}", &[("a", "1"), ("b", "2")]),
            "1 of 2 {c}"
        );
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fill_props {
    use super::fill;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fill_replaces_as_str_replace_does(
            template in "[{}ab é]{0,16}",
            values in prop::collection::vec(("[{}ab]{0,2}", "[{}ab]{0,3}"), 0..3),
        ) {
            let pairs: Vec<(&str, &str)> =
                values.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
            let by_replace = pairs.iter().fold(template.clone(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            });
            prop_assert_eq!(fill(&template, &pairs), by_replace);
        }
    }
}
