//! Reducer behaviour: what Next, Back, Change and See my result do, and when they refuse.

use super::*;
use crate::content::Locale;

fn content() -> QuizContent {
    QuizContent::load(Locale::En).expect("quiz content loads")
}

fn act(state: QuizState, c: &QuizContent, actions: Vec<Action>) -> QuizState {
    actions.into_iter().fold(state, |s, a| s.apply(c, a))
}

fn pick(q: &str, ch: &str) -> Action {
    Action::Choose {
        question: q.into(),
        choice: ch.into(),
    }
}

fn tick(q: &str, ch: &str) -> Action {
    Action::Toggle {
        question: q.into(),
        choice: ch.into(),
    }
}

fn typed(q: &str, text: &str) -> Action {
    Action::Type {
        question: q.into(),
        text: text.into(),
    }
}

fn at(state: &QuizState) -> &str {
    match &state.step {
        Step::Question(id) => id,
        Step::Review => "review",
        Step::Result => "result",
    }
}

/// Answers every screen with a calm "no / none" path and a valid age, up to the review.
fn walk_to_review(c: &QuizContent) -> QuizState {
    let mut s = act(QuizState::new(c), c, vec![typed("age", "40"), Action::Next]);
    for _ in 0..c.questions.len() {
        let Some(screen) = s.current_screen(c) else {
            break;
        };
        for q in screen.questions {
            let none = q.choices.iter().find(|x| x.id == "none" || x.id == "no");
            let first = none
                .or(q.choices.first())
                .map(|x| x.id.clone())
                .unwrap_or_default();
            s = match q.kind {
                QuestionKind::Single => s.apply(c, pick(&q.id, &first)),
                QuestionKind::Multiple => s.apply(c, tick(&q.id, &first)),
                QuestionKind::Number => s,
            };
        }
        s = s.apply(c, Action::Next);
    }
    s
}

#[test]
fn next_is_refused_until_the_required_answer_is_given() {
    let c = content();
    let s = QuizState::new(&c).apply(&c, Action::Next);
    assert_eq!(at(&s), "age");
    assert!(s.show_errors);
    assert_eq!(
        s.visible_errors(&c),
        vec![("age".to_owned(), FieldError::Missing)]
    );
    let s = act(s, &c, vec![typed("age", "40"), Action::Next]);
    assert_eq!(at(&s), "pregnancy");
    assert!(!s.show_errors, "errors are hidden again on a new screen");
}

#[test]
fn errors_stay_hidden_until_next_is_tried() {
    let c = content();
    let s = QuizState::new(&c).apply(&c, typed("age", "abc"));
    assert!(s.visible_errors(&c).is_empty());
    assert_eq!(
        s.screen_errors(&c),
        vec![(
            "age".to_owned(),
            FieldError::Number(NumberError::NotANumber)
        )]
    );
}

#[test]
fn mistyped_number_blocks_next_but_keeps_the_text() {
    let c = content();
    let s = act(
        QuizState::new(&c),
        &c,
        vec![typed("age", "4O"), Action::Next],
    );
    assert_eq!(at(&s), "age");
    assert_eq!(s.input_text("age"), "4O");
    assert_eq!(s.answers.get("age"), None);
    let msg = FieldError::Number(NumberError::NotANumber).message(&c, c.question("age").unwrap());
    assert_eq!(msg, c.ui.errors.not_a_number);
}

#[test]
fn range_errors_name_the_limit() {
    let c = content();
    let age = c.question("age").unwrap();
    let msg = FieldError::Number(NumberError::AboveMax(120)).message(&c, age);
    assert!(msg.contains("120"), "{msg}");
}

#[test]
fn optional_blood_pressure_reading_can_be_left_blank() {
    let c = content();
    let mut s = walk_to_review(&c);
    assert_eq!(at(&s), "review");
    assert_eq!(s.answers.get("bp_systolic"), Some(&Answer::Skipped));
    s = s.apply(&c, Action::GoTo("bp_diastolic".into()));
    assert_eq!(at(&s), "bp_systolic", "both readings share one screen");
    let screen = s.current_screen(&c).unwrap();
    assert_eq!(screen.questions.len(), 2);
}

#[test]
fn none_of_these_clears_other_ticks_and_the_reverse() {
    let c = content();
    let s = act(
        QuizState::new(&c),
        &c,
        vec![
            tick("medicines", "lamotrigine"),
            tick("medicines", "benzodiazepines"),
        ],
    );
    assert_eq!(
        s.answers.choices("medicines"),
        ["benzodiazepines", "lamotrigine"]
    );
    let s = s.apply(&c, tick("medicines", "none"));
    assert_eq!(s.answers.choices("medicines"), ["none"]);
    let s = s.apply(&c, tick("medicines", "memantine"));
    assert_eq!(s.answers.choices("medicines"), ["memantine"]);
    let s = s.apply(&c, tick("medicines", "memantine"));
    assert_eq!(
        s.answers.get("medicines"),
        None,
        "unticking the last choice clears the answer"
    );
}

#[test]
fn choices_that_do_not_exist_are_ignored() {
    let c = content();
    let s = act(
        QuizState::new(&c),
        &c,
        vec![
            pick("psychosis", "maybe"),
            tick("psychosis", "yes"),
            pick("nope", "yes"),
        ],
    );
    assert_eq!(s.answers, Answers::new());
}

#[test]
fn the_question_count_stays_the_same_whatever_branching_adds() {
    let c = content();
    let s = act(
        QuizState::new(&c),
        &c,
        vec![
            typed("age", "40"),
            Action::Next,
            tick("pregnancy", "none"),
            Action::Next,
        ],
    );
    let (current, most) = s.progress(&c).unwrap();
    assert_eq!(current, 3);
    // Every question shown at once is the longest path: the count never has to grow.
    let every: usize = screens(&c, &Answers::new()).len() + 3;
    assert_eq!(most, every, "three follow-up questions can join");
    for ticks in [&["depression"][..], &["insomnia", "anxiety"], &["none"]] {
        let s = act(
            s.clone(),
            &c,
            ticks.iter().map(|t| tick("conditions", t)).collect(),
        );
        assert_eq!(s.progress(&c).unwrap(), (3, most), "{ticks:?}");
    }
    // The place counts only the screens shown: the count ends below the most when fewer are.
    let s = walk_to_review(&c).apply(&c, Action::Back);
    let (last, same) = s.progress(&c).unwrap();
    assert_eq!(same, most);
    assert!(last < most && last == screens(&c, &s.answers).len());
}

#[test]
fn back_walks_one_screen_and_stops_at_the_first() {
    let c = content();
    let s = QuizState::new(&c).apply(&c, Action::Back);
    assert_eq!(at(&s), "age");
    assert!(!s.can_go_back(&c));
    let s = act(s, &c, vec![typed("age", "40"), Action::Next, Action::Back]);
    assert_eq!(at(&s), "age");
    assert_eq!(s.input_text("age"), "40", "going back keeps what was typed");
}

#[test]
fn change_from_review_returns_to_review_unless_a_new_question_opens() {
    let c = content();
    let s = walk_to_review(&c);
    let s = act(
        s,
        &c,
        vec![
            Action::GoTo("psychosis".into()),
            pick("psychosis", "not-sure"),
            Action::Next,
        ],
    );
    assert_eq!(at(&s), "review");
    let s = act(
        s,
        &c,
        vec![
            Action::GoTo("conditions".into()),
            tick("conditions", "depression"),
            Action::Next,
        ],
    );
    assert_eq!(
        at(&s),
        "antidepressants",
        "branching opened a question that needs an answer"
    );
    let s = act(s, &c, vec![typed("antidepressants", "2"), Action::Next]);
    assert_eq!(at(&s), "review");
}

#[test]
fn see_result_needs_every_shown_answer_and_drops_hidden_ones() {
    let c = content();
    let s = act(
        walk_to_review(&c),
        &c,
        vec![
            Action::GoTo("conditions".into()),
            tick("conditions", "depression"),
        ],
    );
    let s = act(
        s,
        &c,
        vec![
            typed("antidepressants", "0"),
            tick("conditions", "insomnia"),
        ],
    );
    // Untick depression while the count is still stored: the count must not reach the result.
    let s = act(s, &c, vec![tick("conditions", "depression"), Action::Next]);
    assert_eq!(at(&s), "cbti");
    let s = act(s, &c, vec![pick("cbti", "yes"), Action::Next]);
    assert_eq!(at(&s), "review");
    assert_eq!(s.answers.number("antidepressants"), Some(0));
    let s = s.apply(&c, Action::SeeResult);
    assert_eq!(at(&s), "result");
    assert_eq!(s.answers.get("antidepressants"), None);
    assert_eq!(s.primary(), Primary::None);
    assert!(s.assessment(&c).is_some());
    let s = act(s, &c, vec![Action::Back]);
    assert_eq!(at(&s), "review");
    assert_eq!(s.primary(), Primary::SeeResult);
}

#[test]
fn see_result_is_refused_while_something_required_is_missing() {
    let c = content();
    let mut s = walk_to_review(&c);
    s.answers.remove("route");
    let s = s.apply(&c, Action::SeeResult);
    assert_eq!(at(&s), "review");
    assert!(s.assessment(&c).is_none());
}

#[test]
fn crisis_help_is_needed_the_moment_yes_or_unsure_is_picked() {
    let c = content();
    let s = QuizState::new(&c);
    assert!(!s.crisis(&c));
    assert!(s.clone().apply(&c, pick("self_harm", "yes")).crisis(&c));
    assert!(s
        .clone()
        .apply(&c, pick("self_harm", "not-sure"))
        .crisis(&c));
    assert!(!s.apply(&c, pick("self_harm", "no")).crisis(&c));
}

/// A state on the self-harm screen, every earlier screen answered.
fn at_self_harm(c: &QuizContent) -> QuizState {
    let s = act(
        QuizState::new(c),
        c,
        vec![
            typed("age", "40"),
            Action::Next,
            tick("pregnancy", "none"),
            Action::Next,
            tick("conditions", "none"),
            Action::Next,
        ],
    );
    assert_eq!(at(&s), "self_harm");
    s
}

#[test]
fn crisis_help_comes_first_after_yes_or_unsure_and_the_person_goes_on_from_there() {
    let c = content();
    for answer in ["yes", "not-sure"] {
        let s = act(
            at_self_harm(&c),
            &c,
            vec![pick("self_harm", answer), Action::Next],
        );
        assert!(
            s.help_first,
            "{answer}: help comes before the next question"
        );
        assert_eq!(at(&s), "psychosis", "the next question waits behind it");
        let on = s.clone().apply(&c, Action::Next);
        assert!(!on.help_first);
        assert_eq!(
            at(&on),
            "psychosis",
            "Continue shows the question that waited"
        );
        let back = s.apply(&c, Action::Back);
        assert!(!back.help_first);
        assert_eq!(at(&back), "self_harm", "Back returns to the answer");
        // Passing that screen again with the same answer shows the help first again.
        assert!(back.apply(&c, Action::Next).help_first);
    }
    let calm = act(
        at_self_harm(&c),
        &c,
        vec![pick("self_harm", "no"), Action::Next],
    );
    assert!(!calm.help_first);
    // Answered yes earlier: later screens are not held up again.
    let s = act(
        at_self_harm(&c),
        &c,
        vec![pick("self_harm", "yes"), Action::Next, Action::Next],
    );
    let s = act(s, &c, vec![pick("psychosis", "no"), Action::Next]);
    assert!(!s.help_first && at(&s) == "bipolar");
}

#[test]
fn crisis_help_comes_first_after_a_change_too_and_then_the_review() {
    let c = content();
    let s = act(
        walk_to_review(&c),
        &c,
        vec![
            Action::GoTo("self_harm".into()),
            pick("self_harm", "not-sure"),
        ],
    );
    assert!(s.next_returns_to_review(&c), "its button says so");
    let s = s.apply(&c, Action::Next);
    assert!(s.help_first && at(&s) == "review");
    let back = s.clone().apply(&c, Action::Back);
    assert_eq!(at(&back), "self_harm");
    assert_eq!(
        at(&back.apply(&c, Action::Next).apply(&c, Action::Next)),
        "review"
    );
    let s = s.apply(&c, Action::Next);
    assert!(!s.help_first && at(&s) == "review");
}

#[test]
fn next_after_a_change_says_it_returns_to_the_review_only_when_it_does() {
    let c = content();
    let s = walk_to_review(&c).apply(&c, Action::GoTo("psychosis".into()));
    assert!(s.next_returns_to_review(&c));
    let s = walk_to_review(&c).apply(&c, Action::GoTo("conditions".into()));
    let s = s.apply(&c, tick("conditions", "depression"));
    assert!(
        !s.next_returns_to_review(&c),
        "a new question comes first: plain Next"
    );
    assert!(
        !at_self_harm(&c).next_returns_to_review(&c),
        "not after a change"
    );
}

#[test]
fn restored_help_first_is_dropped_when_no_answer_calls_for_it() {
    let c = content();
    let mut s = walk_to_review(&c);
    s.help_first = true;
    let text = s.to_json();
    assert!(!QuizState::restore(&c, &text).unwrap().help_first);
    s.answers.set("self_harm", Answer::Choice("yes".into()));
    assert!(QuizState::restore(&c, &s.to_json()).unwrap().help_first);
}

#[test]
fn restart_forgets_everything() {
    let c = content();
    let s = walk_to_review(&c).apply(&c, Action::Restart);
    assert_eq!(s, QuizState::new(&c));
}

#[test]
fn review_rows_show_answers_in_words() {
    let c = content();
    let s = walk_to_review(&c);
    let rows = review_rows(&c, &s);
    let age = rows.iter().find(|r| r.question_id == "age").unwrap();
    assert_eq!(age.answer, "40 years");
    let bp = rows
        .iter()
        .find(|r| r.question_id == "bp_systolic")
        .unwrap();
    assert_eq!(bp.answer, c.ui.not_answered);
    assert!(age.change_label.contains(&age.question));
    assert!(
        rows.iter().all(|r| r.question_id != "cbti"),
        "hidden questions are not reviewed"
    );
}

#[test]
fn restored_state_is_repaired_against_the_content() {
    let c = content();
    let text = r#"{"answers":{"age":40,"ghost":"yes","psychosis":"purple"},
        "step":{"question":"bp_diastolic"}}"#;
    let s = QuizState::restore(&c, text).expect("readable");
    assert_eq!(s.answers, Answers::new().with("age", Answer::Number(40)));
    assert_eq!(at(&s), "bp_systolic");
    let text = r#"{"answers":{},"step":"result"}"#;
    assert_eq!(at(&QuizState::restore(&c, text).unwrap()), "review");
}

#[test]
fn ticked_choices_keep_content_order() {
    let c = content();
    let q = c
        .questions
        .iter()
        .find(|q| {
            q.kind == QuestionKind::Multiple
                && q.choices.iter().filter(|x| !x.exclusive).count() >= 3
        })
        .expect("a multiple question with three plain choices");
    let ids: Vec<&str> = q
        .choices
        .iter()
        .filter(|x| !x.exclusive)
        .map(|x| x.id.as_str())
        .take(3)
        .collect();
    let ticks = vec![
        tick(&q.id, ids[2]),
        tick(&q.id, ids[0]),
        tick(&q.id, ids[1]),
    ];
    let s = act(QuizState::new(&c), &c, ticks);
    assert_eq!(s.answers.choices(&q.id), ids);
    // A list stored out of order is put in order by the next tick.
    let mut s = QuizState::new(&c);
    s.answers.set(&q.id, choices(&[ids[2], ids[1]]));
    let s = s.apply(&c, tick(&q.id, ids[0]));
    assert_eq!(s.answers.choices(&q.id), ids);
}
