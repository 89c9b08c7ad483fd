//! The "Check your answers" step: one row per shown question, with its answer in words and
//! what the Change link needs.

use super::engine::{answer_text, legend, visible_questions};
use super::model::QuizContent;
use super::state::QuizState;
use super::ui::fill;

/// One row of the review.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    /// The question id ([`super::Action::GoTo`] takes it).
    pub question_id: String,
    /// The question's legend.
    pub question: String,
    /// The answer in words ("Not answered" when blank).
    pub answer: String,
    /// Accessible name of the Change link.
    pub change_label: String,
}

/// The rows of the review, in question order, for the questions shown.
pub fn review_rows(content: &QuizContent, state: &QuizState) -> Vec<ReviewRow> {
    visible_questions(content, &state.answers)
        .into_iter()
        .map(|q| {
            let question = legend(content, q, &state.answers);
            ReviewRow {
                question_id: q.id.clone(),
                change_label: fill(&content.ui.change_label, &[("question", &question)]),
                question,
                answer: answer_text(content, q, state.answers.get(&q.id)),
            }
        })
        .collect()
}
