//! Any answers a person could give to the self-check, for the property tests of the engine
//! (`quiz_engine.rs`) and of what matters to the person (`values.rs`).

use ketamine_guide::quiz::{Answer, Answers, Question, QuestionKind, QuizContent};
use proptest::prelude::*;

/// For each question: a fitting answer, no answer, or (with `junk`) one that fits no question
/// of its kind, as stored state tampered with could hold.
pub fn any_answers(c: &QuizContent, junk: bool) -> impl Strategy<Value = Answers> {
    let per_question: Vec<_> = c.questions.iter().map(|q| answer(q, junk)).collect();
    let ids: Vec<String> = c.questions.iter().map(|q| q.id.clone()).collect();
    per_question.prop_map(move |values| {
        let mut a = Answers::new();
        for (id, v) in ids.iter().zip(values) {
            if let Some(v) = v {
                a.set(id, v);
            }
        }
        a
    })
}

fn answer(q: &Question, junk: bool) -> BoxedStrategy<Option<Answer>> {
    let ids: Vec<String> = q.choices.iter().map(|c| c.id.clone()).collect();
    let fitting = match q.kind {
        QuestionKind::Single => prop::sample::select(ids).prop_map(Answer::Choice).boxed(),
        QuestionKind::Multiple => {
            let most = ids.len().min(3);
            prop::sample::subsequence(ids, 1..=most)
                .prop_map(Answer::Choices)
                .boxed()
        }
        QuestionKind::Number => (0u32..=300).prop_map(Answer::Number).boxed(),
    };
    if !junk {
        return prop_oneof![4 => fitting.prop_map(Some), 1 => Just(None)].boxed();
    }
    let junk = prop_oneof![
        Just(Answer::Skipped),
        Just(Answer::Choice("junk".into())),
        Just(Answer::Number(7))
    ];
    prop_oneof![3 => fitting.prop_map(Some), 1 => Just(None), 1 => junk.prop_map(Some)].boxed()
}
