//! The eligibility self-check, as pure Rust: content model, branching, rules → assessment,
//! the reducer the UI drives, and the provider summary. No browser types anywhere here.
//!
//! The UI's whole job: load [`QuizContent`], hold a [`QuizState`], render what its methods
//! return, dispatch [`Action`]s, and persist [`QuizState::to_json`].

#![warn(missing_docs)]

pub mod answers;
pub mod engine;
pub mod input;
pub mod model;
pub mod persist;
mod reduce;
pub mod review;
pub mod state;
pub mod summary;
pub mod ui;
mod validate;

#[cfg(test)]
mod state_tests;

pub use crate::content::id_map::IdMap;
pub use answers::{choice, choices, Answer, Answers, SCHEMA_VERSION};
pub use engine::{
    answer_text, assess, fits, holds, legend, needs_crisis_help, prune, visible_questions,
    AnswerLine, Assessment, Outcome, Reason,
};
pub use input::{validate_number, FieldError, NumberError};
pub use model::{Choice, Condition, Question, QuestionKind, QuizContent, RouteNote, Rule};
pub use persist::StateError;
pub use review::{review_rows, ReviewRow};
pub use state::{most_screens, progress, screens, Action, Primary, QuizState, Screen, Step};
pub use summary::{answer_tag, group_by_answer, summary_text, AnswerGroup, ValuesSection};
pub use ui::{fill, QuizText};
