//! Cross-reference checks a reader cannot make: ids are unique, every condition names a real
//! question and real choices with an operator that suits the question, `shown_if` only looks
//! back, and every citation resolves.

use std::collections::HashSet;

use super::model::{Condition, Question, QuestionKind, QuizContent};

fn duplicates<'a>(what: &str, ids: impl IntoIterator<Item = &'a str>, out: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            out.push(format!("duplicate {what} id `{id}`"));
        }
    }
}

fn cites(content: &QuizContent, owner: &str, sources: &[String], out: &mut Vec<String>) {
    if sources.is_empty() {
        out.push(format!("{owner} cites no source"));
    }
    for s in sources {
        if content.source(s).is_none() {
            out.push(format!("{owner} cites unknown source `{s}`"));
        }
    }
}

/// Checks a condition; `allowed` limits which questions it may name (earlier ones, for shown_if).
fn condition(
    content: &QuizContent,
    owner: &str,
    cond: &Condition,
    allowed: &[&str],
    out: &mut Vec<String>,
) {
    for t in cond.tests() {
        let Some(q) = content.question(&t.question) else {
            out.push(format!("{owner} names unknown question `{}`", t.question));
            continue;
        };
        if !allowed.contains(&q.id.as_str()) {
            out.push(format!(
                "{owner} looks at `{}`, which is not asked before it",
                q.id
            ));
        }
        if t.operator_count() != 1 {
            out.push(format!(
                "{owner}: a test on `{}` needs exactly one operator",
                q.id
            ));
        }
        let fits_kind = match q.kind {
            QuestionKind::Single => t.is.is_some() || t.is_any.is_some(),
            QuestionKind::Multiple => t.includes.is_some() || t.includes_any.is_some(),
            QuestionKind::Number => t.below.is_some() || t.above.is_some(),
        };
        if !fits_kind {
            out.push(format!(
                "{owner}: operator does not suit {:?} question `{}`",
                q.kind, q.id
            ));
        }
        for c in t.choice_ids() {
            if q.choice(c).is_none() {
                out.push(format!("{owner} names unknown choice `{c}` of `{}`", q.id));
            }
        }
    }
}

/// A legend naming `{picked}` choices: it is shown only when one of them is picked (a single
/// `includes_any` test), and each has a short name to put there.
fn picked_names(content: &QuizContent, owner: &str, q: &Question, out: &mut Vec<String>) {
    let test = match &q.shown_if {
        Some(Condition::Test(t)) if t.includes_any.is_some() => t,
        _ => {
            out.push(format!(
                "{owner}: `{{picked}}` needs shown_if with one includes_any test"
            ));
            return;
        }
    };
    let Some(source) = content.question(&test.question) else {
        return;
    };
    for id in test.choice_ids() {
        if source.choice(id).is_some_and(|c| c.term.is_none()) {
            out.push(format!(
                "{owner}: choice `{id}` of `{}` has no term",
                source.id
            ));
        }
    }
}

pub(super) fn problems(content: &QuizContent) -> Vec<String> {
    let mut out = Vec::new();
    let qs = &content.questions;
    duplicates("question", qs.iter().map(|q| q.id.as_str()), &mut out);
    duplicates(
        "rule",
        content
            .rules
            .iter()
            .map(|r| r.id.as_str())
            .chain([content.fallback.id.as_str()]),
        &mut out,
    );
    duplicates(
        "source",
        content.sources.iter().map(|s| s.id.as_str()),
        &mut out,
    );
    duplicates(
        "route",
        content.routes.iter().map(|r| r.id.as_str()),
        &mut out,
    );
    let all: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();

    for (i, q) in qs.iter().enumerate() {
        let owner = format!("question `{}`", q.id);
        duplicates(
            &format!("{owner} choice"),
            q.choices.iter().map(|c| c.id.as_str()),
            &mut out,
        );
        cites(content, &owner, &q.sources, &mut out);
        match (q.kind, &q.number) {
            (QuestionKind::Number, Some(spec)) if spec.min <= spec.max && q.choices.is_empty() => {}
            (QuestionKind::Number, _) => {
                out.push(format!("{owner} needs ordered limits, no choices"))
            }
            (_, Some(_)) => out.push(format!("{owner} has limits but is not a number")),
            (_, None) if q.choices.len() < 2 => out.push(format!("{owner} needs two choices")),
            _ => {}
        }
        if q.kind != QuestionKind::Multiple && q.choices.iter().any(|c| c.exclusive) {
            out.push(format!(
                "{owner}: only multiple questions have exclusive choices"
            ));
        }
        if let Some(c) = &q.shown_if {
            condition(
                content,
                &format!("{owner} shown_if"),
                c,
                &all[..i],
                &mut out,
            );
        }
        if q.legend.contains("{picked}") {
            picked_names(content, &owner, q, &mut out);
        }
    }
    for r in &content.rules {
        let owner = format!("rule `{}`", r.id);
        condition(content, &owner, &r.when, &all, &mut out);
        cites(content, &owner, &r.sources, &mut out);
        if content.question(&r.question).is_none() {
            out.push(format!("{owner} quotes unknown question `{}`", r.question));
        }
    }
    let f = &content.fallback;
    cites(content, "fallback", &f.sources, &mut out);
    if content.question(&f.question).is_none() {
        out.push(format!("fallback quotes unknown question `{}`", f.question));
    }
    condition(content, "crisis_if", &content.crisis_if, &all, &mut out);
    if content.crisis_question().is_none() {
        out.push("crisis_if must test one question".to_owned());
    }
    match content.question(&content.route_question) {
        Some(q) if q.kind == QuestionKind::Single => {
            for r in &content.routes {
                if q.choice(&r.id).is_none() {
                    out.push(format!("route `{}` is not a choice of `{}`", r.id, q.id));
                }
                cites(content, &format!("route `{}`", r.id), &r.sources, &mut out);
            }
        }
        _ => out.push(format!(
            "route question `{}` is not a single question",
            content.route_question
        )),
    }
    for s in &content.sources {
        if s.citation.trim().is_empty() {
            out.push(format!("source `{}` has no citation", s.id));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::content::decode::from_str;
    use crate::content::Locale;
    use crate::quiz::model::{AllOf, AnswerTest, AnyOf, Condition, NotOf};
    use crate::quiz::QuizContent;

    #[test]
    fn every_locale_quiz_loads_and_has_no_broken_reference() {
        for &locale in Locale::ALL {
            let content = QuizContent::load(locale).expect("quiz content deserialises");
            assert_eq!(content.validate(), Vec::<String>::new(), "{locale:?}");
        }
    }

    #[test]
    fn validation_catches_unknown_ids_and_forward_looking_branches() {
        let mut content = QuizContent::load(Locale::En).expect("loads");
        content.questions[0].sources.push("nowhere".into());
        content.rules[0].question = "no-such-question".into();
        let mut late = content.questions[2].clone();
        late.id = "early".into();
        late.shown_if = Some(Condition::Test(AnswerTest {
            question: "route".into(),
            is: Some("esketamine".into()),
            ..AnswerTest::default()
        }));
        content.questions.insert(0, late);
        let problems = content.validate().join("\n");
        assert!(problems.contains("unknown source `nowhere`"), "{problems}");
        assert!(
            problems.contains("quotes unknown question `no-such-question`"),
            "{problems}"
        );
        assert!(problems.contains("not asked before it"), "{problems}");
    }

    #[test]
    fn a_legend_naming_picked_choices_needs_their_short_names() {
        let mut content = QuizContent::load(Locale::En).expect("loads");
        let conditions = content.questions.iter_mut().find(|q| q.id == "conditions");
        conditions.unwrap().choices[1].term = None;
        let problems = content.validate().join("\n");
        assert!(
            problems.contains("choice `anxiety` of `conditions` has no term"),
            "{problems}"
        );
        content.questions[0].legend = "How old {picked}?".into();
        let problems = content.validate().join("\n");
        assert!(
            problems.contains("question `age`: `{picked}` needs shown_if"),
            "{problems}"
        );
    }

    #[test]
    fn a_condition_with_an_unknown_key_is_refused() {
        let bad = from_str::<Condition>(r#"{"question":"age","equals":3}"#);
        assert_eq!(bad, Err("unknown or repeated member `equals`".to_owned()));
    }

    #[test]
    fn conditions_read_by_the_member_they_have() {
        let test = |question: &str, below: u32| {
            Condition::Test(AnswerTest {
                question: question.into(),
                below: Some(below),
                ..AnswerTest::default()
            })
        };
        let read = from_str::<Condition>(
            r#"{"not": {"any": [{"question": "a", "below": 3},
                {"all": [{"question": "b", "below": 4}]}]}}"#,
        );
        let expected = Condition::Not(NotOf {
            not: Box::new(Condition::Any(AnyOf {
                any: vec![
                    test("a", 3),
                    Condition::All(AllOf {
                        all: vec![test("b", 4)],
                    }),
                ],
            })),
        });
        assert_eq!(read, Ok(expected));
        let e = from_str::<Condition>(r#"{"all": [{"question": 1}]}"#).unwrap_err();
        assert_eq!(e, "all[0].question: expected a string");
    }
}
