//! The quiz as a reducer: plain state, actions the UI dispatches, and every decision about
//! moving on (what is shown, whether Next is allowed, where Back and Change lead).
//!
//! Questions are grouped into screens ([`screens`]); the step names a screen by the id of its
//! first question, so a screen keeps its place when branching adds or removes others.

use super::answers::{Answer, Answers};
use super::engine::{fits, visible_questions};
use super::input::{validate_number, FieldError, NumberError};
use super::model::{Question, QuestionKind, QuizContent};
use crate::content::decode::{Decode, Fields, Json, Placeholder};
use crate::content::encode::{Encode, Obj};
use crate::content::id_map::IdMap;

/// Where the person is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A question screen, named by the id of its first question.
    Question(String),
    /// "Check your answers".
    Review,
    /// The result.
    Result,
}

/// `{"question":"<id>"}`, `"review"` or `"result"`.
impl Encode for Step {
    fn encode(&self, out: &mut String) {
        match self {
            Step::Question(id) => Obj::start(out).field("question", id).end(),
            Step::Review => "review".encode(out),
            Step::Result => "result".encode(out),
        }
    }
}

impl Decode for Step {
    fn decode(v: &Json) -> Result<Self, String> {
        match v {
            Json::Str(s) if s == "review" => Ok(Step::Review),
            Json::Str(s) if s == "result" => Ok(Step::Result),
            Json::Obj(_) => {
                let f = Fields::of(v)?;
                let step = Step::Question(f.req("question")?);
                f.finish()?;
                Ok(step)
            }
            _ => Err(": expected a step".to_owned()),
        }
    }
}

impl Placeholder for Step {
    fn placeholder() -> Self {
        Step::Review
    }
}

/// Questions shown together.
#[derive(Clone, Debug, PartialEq)]
pub struct Screen<'c> {
    /// The id of its first question (what [`Step::Question`] holds).
    pub id: &'c str,
    /// Its questions, in order.
    pub questions: Vec<&'c Question>,
}

/// The visible questions grouped into screens: neighbours sharing a `screen` key go together.
pub fn screens<'c>(content: &'c QuizContent, answers: &Answers) -> Vec<Screen<'c>> {
    let mut out: Vec<Screen<'c>> = Vec::new();
    for q in visible_questions(content, answers) {
        match out.last_mut() {
            Some(s) if s.questions[0].screen.is_some() && s.questions[0].screen == q.screen => {
                s.questions.push(q)
            }
            _ => out.push(Screen {
                id: &q.id,
                questions: vec![q],
            }),
        }
    }
    out
}

/// How many screens the longest path through the questions has (every branch taken). The
/// count shown stays this one whatever the answers, so it never grows while someone answers.
pub fn most_screens(content: &QuizContent) -> usize {
    let mut count = 0;
    let mut last: Option<&str> = None;
    for q in &content.questions {
        if q.screen.is_none() || q.screen.as_deref() != last {
            count += 1;
        }
        last = q.screen.as_deref();
    }
    count
}

/// `(current, most)`, 1-based, for the screen holding `question`: its place among the screens
/// shown for these answers, and [`most_screens`].
pub fn progress(
    content: &QuizContent,
    answers: &Answers,
    question: &str,
) -> Option<(usize, usize)> {
    let index = screens(content, answers)
        .iter()
        .position(|s| s.questions.iter().any(|q| q.id == question))?;
    Some((index + 1, most_screens(content)))
}

/// What the person can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Pick a choice of a single question (radio).
    Choose {
        /// Question id.
        question: String,
        /// Choice id.
        choice: String,
    },
    /// Tick or untick a choice of a multiple question (checkbox).
    Toggle {
        /// Question id.
        question: String,
        /// Choice id.
        choice: String,
    },
    /// The text of a number input changed.
    Type {
        /// Question id.
        question: String,
        /// The raw text, as typed.
        text: String,
    },
    /// Set a whole answer at once (ignored when it does not fit the question).
    Answer {
        /// Question id.
        question: String,
        /// The answer.
        answer: Answer,
    },
    /// Go on from the current screen (refused, with errors shown, when something is missing);
    /// while crisis help is shown first, go on from the help to the screen waiting behind it.
    Next,
    /// Go back one step.
    Back,
    /// From the review: change the answer to this question.
    GoTo(String),
    /// From the review: show the result (refused when a required answer is missing).
    SeeResult,
    /// Forget every answer and start again.
    Restart,
}

/// The main button of the current step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Primary {
    /// "Next".
    Next,
    /// "See my result".
    SeeResult,
    /// None (on the result).
    None,
}

crate::json_struct! {
impl Decode, Encode;
/// The whole quiz state: plain data, stored and restored as JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizState {
    /// The answers.
    pub answers: Answers,
    /// Raw text of number inputs, so a half-typed or mistyped value survives a reload.
    pub drafts: IdMap<String> = IdMap::new(),
    /// Where the person is.
    pub step: Step,
    /// Set by Change on the review: Next then heads back to the review.
    pub returning: bool = false,
    /// Set when Next was refused, so the screen shows its errors.
    pub show_errors: bool = false,
    /// Set when the screen just left holds the answer that calls for crisis help: the help is
    /// shown on its own before the step's screen, until the person goes on (Next) or back.
    pub help_first: bool = false,
}
}

impl QuizState {
    /// A fresh start on the first screen.
    pub fn new(content: &QuizContent) -> Self {
        let first = screens(content, &Answers::new())
            .first()
            .map(|s| s.id.to_owned());
        QuizState {
            answers: Answers::new(),
            drafts: IdMap::new(),
            step: first.map_or(Step::Review, Step::Question),
            returning: false,
            show_errors: false,
            help_first: false,
        }
    }

    /// The screen being shown, if the step is a question screen.
    pub fn current_screen<'c>(&self, content: &'c QuizContent) -> Option<Screen<'c>> {
        let Step::Question(id) = &self.step else {
            return None;
        };
        screens(content, &self.answers)
            .into_iter()
            .find(|s| s.id == id)
    }

    fn screen_index(&self, content: &QuizContent) -> Option<usize> {
        let Step::Question(id) = &self.step else {
            return None;
        };
        screens(content, &self.answers)
            .iter()
            .position(|s| s.id == id)
    }

    /// `(current, most)` on a question screen (see [`progress`]).
    pub fn progress(&self, content: &QuizContent) -> Option<(usize, usize)> {
        let index = self.screen_index(content)?;
        Some((index + 1, most_screens(content)))
    }

    /// Whether Next on this screen, once accepted, leads back to "Check your answers" (after a
    /// Change, when branching opened no new question): its button then says so.
    pub fn next_returns_to_review(&self, content: &QuizContent) -> bool {
        self.returning && super::reduce::next_screen(self, content).is_none()
    }

    /// The text a number input shows: what was typed, else the stored number.
    pub fn input_text(&self, question: &str) -> String {
        match (self.drafts.get(question), self.answers.number(question)) {
            (Some(text), _) => text.clone(),
            (None, Some(n)) => n.to_string(),
            (None, None) => String::new(),
        }
    }

    /// Whether a choice is currently picked (radio or checkbox).
    pub fn is_picked(&self, question: &str, choice: &str) -> bool {
        self.answers.choice(question) == Some(choice)
            || self.answers.choices(question).iter().any(|c| c == choice)
    }

    /// What blocks one question, if anything.
    pub fn question_error(&self, question: &Question) -> Option<FieldError> {
        if question.kind == QuestionKind::Number {
            let typed = self
                .drafts
                .get(&question.id)
                .map(|t| validate_number(question, t));
            match typed {
                Some(Err(NumberError::Empty)) | None => {}
                Some(Err(e)) => return Some(FieldError::Number(e)),
                Some(Ok(_)) => {}
            }
        }
        let missing = !self.answers.is_answered(&question.id)
            || !self
                .answers
                .get(&question.id)
                .is_some_and(|a| fits(question, a));
        (question.required && missing).then_some(FieldError::Missing)
    }

    /// Errors on the current screen, in question order (whether or not they are shown yet).
    pub fn screen_errors(&self, content: &QuizContent) -> Vec<(String, FieldError)> {
        self.current_screen(content)
            .map(|s| {
                s.questions
                    .iter()
                    .filter_map(|q| self.question_error(q).map(|e| (q.id.clone(), e)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Errors to display now: only after a refused Next, so nobody is scolded before trying.
    pub fn visible_errors(&self, content: &QuizContent) -> Vec<(String, FieldError)> {
        if self.show_errors {
            self.screen_errors(content)
        } else {
            Vec::new()
        }
    }

    /// Whether every shown required question has a fitting answer (the result may be seen).
    pub fn is_complete(&self, content: &QuizContent) -> bool {
        visible_questions(content, &self.answers)
            .into_iter()
            .all(|q| self.question_error(q).is_none())
    }

    /// Whether Back does anything here.
    pub fn can_go_back(&self, content: &QuizContent) -> bool {
        !matches!(self.screen_index(content), Some(0))
    }

    /// The main button to show.
    pub fn primary(&self) -> Primary {
        match self.step {
            Step::Question(_) => Primary::Next,
            Step::Review => Primary::SeeResult,
            Step::Result => Primary::None,
        }
    }

    /// Whether crisis help must be shown now (stays true through the result).
    pub fn crisis(&self, content: &QuizContent) -> bool {
        super::engine::needs_crisis_help(content, &self.answers)
    }

    /// The assessment, once the person asked for the result.
    pub fn assessment(&self, content: &QuizContent) -> Option<super::Assessment> {
        (self.step == Step::Result).then(|| super::assess(content, &self.answers))
    }

    /// Applies one action; never panics, and ignores actions that make no sense here.
    pub fn apply(self, content: &QuizContent, action: Action) -> Self {
        super::reduce::apply(self, content, action)
    }
}
