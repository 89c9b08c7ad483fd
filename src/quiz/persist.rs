//! Stored quiz state in and out of JSON. Anything unreadable, from another schema version or
//! naming things the content does not know is refused with an error, never a panic.

use std::fmt;

use super::answers::SCHEMA_VERSION;
use super::model::QuizContent;
use super::state::QuizState;

/// Why stored state was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StateError {
    /// Not JSON, or not the shape of a quiz state.
    Malformed(String),
    /// Written by another schema version.
    Version {
        /// The version found.
        found: u32,
    },
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::Malformed(detail) => write!(f, "stored quiz state is unreadable: {detail}"),
            StateError::Version { found } => write!(
                f,
                "stored quiz state has schema version {found}, expected {SCHEMA_VERSION}"
            ),
        }
    }
}

impl std::error::Error for StateError {}

impl QuizState {
    /// The state as JSON.
    pub fn to_json(&self) -> String {
        crate::content::encode::to_string(self)
    }

    /// Reads state written by [`QuizState::to_json`], checking the schema version first so an
    /// old shape is reported as such rather than as garbage.
    pub fn from_json(text: &str) -> Result<Self, StateError> {
        use crate::content::decode::{Decode, Fields};
        let malformed =
            |e: String| StateError::Malformed(e.trim_start_matches(['.', ':', ' ']).to_owned());
        let value = crate::content::json::parse(text).map_err(|e| malformed(e.to_string()))?;
        let found: u32 = Fields::of(&value)
            .and_then(|f| f.req("schema_version"))
            .map_err(malformed)?;
        if found != SCHEMA_VERSION {
            return Err(StateError::Version { found });
        }
        QuizState::decode(&value).map_err(malformed)
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

    /// As the release before this reader stored them (session storage, key `kg:main:quiz`).
    const STORED: [&str; 3] = [
        r#"{"v":1,"data":"{\"schema_version\":1,\"answers\":{\"age\":34,\"bp_systolic\":null,\"medicines\":[\"lithium\",\"maoi\"],\"pregnant\":\"no\"},\"drafts\":{\"age\":\"34 \\\"x\\\"\"},\"step\":{\"question\":\"age\"},\"returning\":true,\"show_errors\":false}"}"#,
        r#"{"v":1,"data":"{\"schema_version\":1,\"answers\":{\"age\":34,\"bp_systolic\":null,\"medicines\":[\"lithium\",\"maoi\"],\"pregnant\":\"no\"},\"drafts\":{\"age\":\"34 \\\"x\\\"\"},\"step\":\"review\",\"returning\":true,\"show_errors\":false}"}"#,
        r#"{"v":1,"data":"{\"schema_version\":1,\"answers\":{\"age\":34,\"bp_systolic\":null,\"medicines\":[\"lithium\",\"maoi\"],\"pregnant\":\"no\"},\"drafts\":{\"age\":\"34 \\\"x\\\"\"},\"step\":\"result\",\"returning\":true,\"show_errors\":false}"}"#,
    ];

    fn state(step: Step) -> QuizState {
        let mut drafts = IdMap::new();
        drafts.insert("age".to_owned(), "34 \"x\"".to_owned());
        QuizState {
            schema_version: SCHEMA_VERSION,
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
            // Written back the same, with the one member added since (`help_first`, read as
            // false when absent, so these states still load).
            let now = text.replace(r#"false}"}"#, r#"false,\"help_first\":false}"}"#);
            assert_eq!(to_string(&written), now);
        }
    }

    #[test]
    fn optional_members_may_be_left_out() {
        let text = r#"{"schema_version":1,"answers":{"age":40},"step":"review"}"#;
        let state = QuizState::from_json(text).expect("read");
        assert_eq!(state.answers.number("age"), Some(40));
        assert!(state.drafts.is_empty() && !state.returning && !state.show_errors);
    }

    #[test]
    fn unreadable_state_says_why() {
        for (text, error) in [
            (
                r#"{"schema_version":2,"answers":{},"step":"review"}"#,
                StateError::Version { found: 2 },
            ),
            (
                r#"{"answers":{},"step":"review"}"#,
                StateError::Malformed("missing field `schema_version`".into()),
            ),
            (
                r#"{"schema_version":1,"answers":{"age":-3},"step":"review"}"#,
                StateError::Malformed("answers.age: expected a whole number".into()),
            ),
            (
                r#"{"schema_version":1,"answers":{"age":true},"step":"review"}"#,
                StateError::Malformed("answers.age: expected an answer".into()),
            ),
            (
                r#"{"schema_version":1,"answers":{},"step":"elsewhere"}"#,
                StateError::Malformed("step: expected a step".into()),
            ),
            (
                r#"{"schema_version":1,"answers":{},"step":{"question":"a","b":1}}"#,
                StateError::Malformed("step: unknown or repeated member `b`".into()),
            ),
            (
                r#"{"schema_version":1,"answers":{},"step":"review","extra":true}"#,
                StateError::Malformed("unknown or repeated member `extra`".into()),
            ),
            (
                "{",
                StateError::Malformed("invalid JSON at byte 1: unexpected end".into()),
            ),
        ] {
            assert_eq!(QuizState::from_json(text), Err(error), "{text}");
        }
    }
}
