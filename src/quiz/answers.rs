//! The person's answers as plain data: question id → answer.
//!
//! The JSON shape is deliberately bare (`"yes"`, `["a","b"]`, `42`, `null`) so stored state and
//! the e2e persona fixtures stay readable.

use crate::content::decode::{expected, Decode, Json};
use crate::content::encode::Encode;
use crate::content::id_map::IdMap;

/// The one version of the stored self-check (its storage envelope's): raise it when the shape
/// or meaning of the stored state changes, and a state stored before is dropped with the
/// notice instead of misread. 2: the state no longer carries a version of its own.
pub const SCHEMA_VERSION: u32 = 2;

/// One answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The id of the picked choice of a single question.
    Choice(String),
    /// The ids of the picked choices of a multiple question.
    Choices(Vec<String>),
    /// A typed whole number.
    Number(u32),
    /// An optional question the person chose to leave blank.
    Skipped,
}

/// A choice id, a list of ids, a whole number, or `null` for a skipped question.
impl Encode for Answer {
    fn encode(&self, out: &mut String) {
        match self {
            Answer::Choice(id) => id.encode(out),
            Answer::Choices(ids) => ids.encode(out),
            Answer::Number(n) => n.encode(out),
            Answer::Skipped => out.push_str("null"),
        }
    }
}

impl Decode for Answer {
    fn decode(v: &Json) -> Result<Self, String> {
        match v {
            Json::Null => Ok(Answer::Skipped),
            Json::Str(id) => Ok(Answer::Choice(id.clone())),
            Json::Arr(_) => Vec::decode(v).map(Answer::Choices),
            Json::Num(_) => u32::decode(v).map(Answer::Number),
            Json::Bool(_) | Json::Obj(_) => Err(expected("an answer")),
        }
    }
}

/// Answers by question id. Ordered so serialisation is stable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(pub IdMap<Answer>);

/// An object of answers by question id.
impl Encode for Answers {
    fn encode(&self, out: &mut String) {
        self.0.encode(out);
    }
}

impl Decode for Answers {
    fn decode(v: &Json) -> Result<Self, String> {
        IdMap::decode(v).map(Answers)
    }
}

impl Answers {
    /// No answers yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The answer to a question, if any.
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.get(question)
    }

    /// Sets (or replaces) an answer.
    pub fn set(&mut self, question: &str, answer: Answer) {
        self.0.insert(question.to_owned(), answer);
    }

    /// Builder form of [`Answers::set`], handy in tests and fixtures.
    pub fn with(mut self, question: &str, answer: Answer) -> Self {
        self.set(question, answer);
        self
    }

    /// Removes an answer.
    pub fn remove(&mut self, question: &str) -> Option<Answer> {
        self.0.remove(question)
    }

    /// Whether the question has a real answer (not missing, not skipped, not an empty list).
    pub fn is_answered(&self, question: &str) -> bool {
        match self.get(question) {
            None | Some(Answer::Skipped) => false,
            Some(Answer::Choices(list)) => !list.is_empty(),
            Some(_) => true,
        }
    }

    /// The picked choice of a single question.
    pub fn choice(&self, question: &str) -> Option<&str> {
        match self.get(question) {
            Some(Answer::Choice(c)) => Some(c),
            _ => None,
        }
    }

    /// The picked choices of a multiple question (empty when none).
    pub fn choices(&self, question: &str) -> &[String] {
        match self.get(question) {
            Some(Answer::Choices(list)) => list,
            _ => &[],
        }
    }

    /// The typed number of a number question.
    pub fn number(&self, question: &str) -> Option<u32> {
        match self.get(question) {
            Some(Answer::Number(n)) => Some(*n),
            _ => None,
        }
    }
}

/// Shorthand for a single-choice answer.
pub fn choice(id: &str) -> Answer {
    Answer::Choice(id.to_owned())
}

/// Shorthand for a multiple-choice answer.
pub fn choices(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| (*s).to_owned()).collect())
}
