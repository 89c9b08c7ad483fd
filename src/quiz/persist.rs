//! Stored quiz state in and out of JSON. Anything unreadable or naming things the content does
//! not know is refused with an error, never a panic. The state's version is its storage
//! envelope's ([`SCHEMA_VERSION`](super::SCHEMA_VERSION)): a state stored under another one
//! never reaches here.

use std::fmt;

use super::model::QuizContent;
use super::state::QuizState;

/// Why stored state was refused: not JSON, or not the shape of a quiz state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateError(pub String);

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "stored quiz state is unreadable: {}", self.0)
    }
}

impl std::error::Error for StateError {}

impl QuizState {
    /// The state as JSON.
    pub fn to_json(&self) -> String {
        crate::content::encode::to_string(self)
    }

    /// Reads state written by [`QuizState::to_json`].
    pub fn from_json(text: &str) -> Result<Self, StateError> {
        use crate::content::decode::Decode;
        let unreadable = |e: String| StateError(e.trim_start_matches(['.', ':', ' ']).to_owned());
        let value = crate::content::json::parse(text).map_err(|e| unreadable(e.to_string()))?;
        QuizState::decode(&value).map_err(unreadable)
    }

    /// Reads stored state and repairs it against the content (drops unknown questions and
    /// answers that no longer fit; moves the step somewhere that exists).
    pub fn restore(content: &QuizContent, text: &str) -> Result<Self, StateError> {
        Self::from_json(text).map(|s| super::reduce::sanitise(s, content))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::decode::from_str;
    use crate::content::encode::to_string;
    use crate::content::id_map::IdMap;
    use crate::content::Envelope;
    use crate::quiz::answers::{choice, choices, Answer, Answers};
    use crate::quiz::state::Step;
    use crate::quiz::SCHEMA_VERSION;

    /// As this release stores them (session storage, key `kg:main:quiz`).
    const STORED: [&str; 3] = [
        r#"{"v":2,"data":"{\"answers\":{\"age\":34,\"bp_systolic\":null,\"medicines\":[\"lithium\",\"maoi\"],\"pregnant\":\"no\"},\"drafts\":{\"age\":\"34 \\\"x\\\"\"},\"step\":{\"question\":\"age\"},\"returning\":true,\"show_errors\":false}"}"#,
        r#"{"v":2,"data":"{\"answers\":{\"age\":34,\"bp_systolic\":null,\"medicines\":[\"lithium\",\"maoi\"],\"pregnant\":\"no\"},\"drafts\":{\"age\":\"34 \\\"x\\\"\"},\"step\":\"review\",\"returning\":true,\"show_errors\":false}"}"#,
        r#"{"v":2,"data":"{\"answers\":{\"age\":34,\"bp_systolic\":null,\"medicines\":[\"lithium\",\"maoi\"],\"pregnant\":\"no\"},\"drafts\":{\"age\":\"34 \\\"x\\\"\"},\"step\":\"result\",\"returning\":true,\"show_errors\":false}"}"#,
    ];

    fn state(step: Step) -> QuizState {
        let mut drafts = IdMap::new();
        drafts.insert("age".to_owned(), "34 \"x\"".to_owned());
        QuizState {
            answers: Answers::new()
                .with("age", Answer::Number(34))
                .with("pregnant", choice("no"))
                .with("medicines", choices(&["lithium", "maoi"]))
                .with("bp_systolic", Answer::Skipped),
            drafts,
            step,
            returning: true,
            show_errors: false,
            help_first: false,
        }
    }

    #[test]
    fn stored_state_is_read_and_written_the_same() {
        let steps = [Step::Question("age".into()), Step::Review, Step::Result];
        for (text, step) in STORED.into_iter().zip(steps) {
            let envelope = from_str::<Envelope<String>>(text).expect("envelope");
            assert_eq!(envelope.v, SCHEMA_VERSION);
            let expected = state(step);
            assert_eq!(QuizState::from_json(&envelope.data), Ok(expected.clone()));
            let written = Envelope {
                v: SCHEMA_VERSION,
                data: expected.to_json(),
            };
            // Written back the same, with the member left out on purpose (`help_first`, read
            // as false when absent).
            let now = text.replace(r#"false}"}"#, r#"false,\"help_first\":false}"}"#);
            assert_eq!(to_string(&written), now);
        }
    }

    #[test]
    fn optional_members_may_be_left_out() {
        let text = r#"{"answers":{"age":40},"step":"review"}"#;
        let state = QuizState::from_json(text).expect("read");
        assert_eq!(state.answers.number("age"), Some(40));
        assert!(state.drafts.is_empty() && !state.returning && !state.show_errors);
    }

    #[test]
    fn unreadable_state_says_why() {
        for (text, error) in [
            (
                r#"{"schema_version":1,"answers":{},"step":"review"}"#,
                "unknown or repeated member `schema_version`",
            ),
            (r#"{"step":"review"}"#, "missing field `answers`"),
            (
                r#"{"answers":{"age":-3},"step":"review"}"#,
                "answers.age: expected a whole number",
            ),
            (
                r#"{"answers":{"age":true},"step":"review"}"#,
                "answers.age: expected an answer",
            ),
            (
                r#"{"answers":{},"step":"elsewhere"}"#,
                "step: expected a step",
            ),
            (
                r#"{"answers":{},"step":{"question":"a","b":1}}"#,
                "step: unknown or repeated member `b`",
            ),
            (
                r#"{"answers":{},"step":"review","extra":true}"#,
                "unknown or repeated member `extra`",
            ),
            ("{", "invalid JSON at byte 1: unexpected end"),
        ] {
            assert_eq!(
                QuizState::from_json(text),
                Err(StateError(error.into())),
                "{text}"
            );
        }
    }
}
