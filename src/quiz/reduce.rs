//! How each [`Action`] changes a [`QuizState`].

use super::answers::Answer;
use super::engine::{fits, prune};
use super::input::validate_number;
use super::model::{QuestionKind, QuizContent};
use super::state::{screens, Action, QuizState, Screen, Step};

pub(super) fn apply(mut state: QuizState, content: &QuizContent, action: Action) -> QuizState {
    match action {
        Action::Choose { question, choice } => {
            let ok = content
                .question(&question)
                .is_some_and(|q| q.kind == QuestionKind::Single && q.choice(&choice).is_some());
            if ok {
                state.answers.set(&question, Answer::Choice(choice));
            }
        }
        Action::Toggle { question, choice } => toggle(&mut state, content, &question, &choice),
        Action::Type { question, text } => {
            if let Some(q) = content
                .question(&question)
                .filter(|q| q.kind == QuestionKind::Number)
            {
                match validate_number(q, &text) {
                    Ok(n) => state.answers.set(&question, Answer::Number(n)),
                    Err(_) => {
                        state.answers.remove(&question);
                    }
                }
                state.drafts.insert(question, text);
            }
        }
        Action::Answer { question, answer } => {
            if content
                .question(&question)
                .is_some_and(|q| fits(q, &answer))
            {
                state.drafts.remove(&question);
                state.answers.set(&question, answer);
            }
        }
        Action::Next => return next(state, content),
        Action::Back => return back(state, content),
        Action::GoTo(question) => {
            let target = screens(content, &state.answers)
                .into_iter()
                .find(|s| s.questions.iter().any(|q| q.id == question));
            if let (Some(screen), Step::Review | Step::Result) = (target, &state.step) {
                state.step = Step::Question(screen.id.to_owned());
                state.returning = true;
                state.show_errors = false;
                state.help_first = false;
            }
        }
        Action::SeeResult => {
            if state.step == Step::Review && state.is_complete(content) {
                // Answers to questions that are no longer shown are dropped for good here, so
                // the stored state holds only what the result was built from.
                state.answers = prune(content, &state.answers);
                let kept = &state.answers;
                state.drafts.retain(|id, _| kept.get(id).is_some());
                state.step = Step::Result;
            }
        }
        Action::Restart => return QuizState::new(content),
    }
    state
}

fn toggle(state: &mut QuizState, content: &QuizContent, question: &str, choice: &str) {
    let Some(q) = content
        .question(question)
        .filter(|q| q.kind == QuestionKind::Multiple)
    else {
        return;
    };
    let Some(picked) = q.choice(choice) else {
        return;
    };
    let mut list: Vec<String> = state.answers.choices(question).to_vec();
    if let Some(at) = list.iter().position(|c| c == choice) {
        list.remove(at);
    } else if picked.exclusive {
        list = vec![choice.to_owned()];
    } else {
        list.retain(|c| q.choice(c).is_some_and(|c| !c.exclusive));
        list.push(choice.to_owned());
        // Keep content order so answers read the same however they were ticked. A stable
        // insertion sort: the list is short, and `sort_by_key` costs ~3 KB of wasm.
        let rank = |c: &String| q.choices.iter().position(|x| &x.id == c);
        for i in 1..list.len() {
            let mut j = i;
            while j > 0 && rank(&list[j - 1]) > rank(&list[j]) {
                list.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    if list.is_empty() {
        state.answers.remove(question);
    } else {
        state.answers.set(question, Answer::Choices(list));
    }
}

/// Where an accepted Next leads from the current screen: the next screen, or after a Change
/// the first later one that branching opened and is still unanswered; `None` for the review.
pub(super) fn next_screen(state: &QuizState, content: &QuizContent) -> Option<String> {
    let Step::Question(id) = &state.step else {
        return None;
    };
    let all = screens(content, &state.answers);
    let here = all.iter().position(|s| s.id == id).unwrap_or(0);
    let mut later = all.iter().skip(here + 1);
    let target = if state.returning {
        later.find(|s| {
            s.questions
                .iter()
                .any(|q| state.question_error(q).is_some())
        })
    } else {
        later.next()
    };
    target.map(|s| s.id.to_owned())
}

fn next(mut state: QuizState, content: &QuizContent) -> QuizState {
    if state.help_first {
        // Crisis help was shown first; the screen behind it comes now.
        state.help_first = false;
        return state;
    }
    let Some(screen) = state.current_screen(content) else {
        return state;
    };
    if !state.screen_errors(content).is_empty() {
        state.show_errors = true;
        return state;
    }
    for q in &screen.questions {
        if !q.required && !state.answers.is_answered(&q.id) {
            state.answers.set(&q.id, Answer::Skipped);
            state.drafts.remove(&q.id);
        }
    }
    state.show_errors = false;
    // An answer on this screen calls for crisis help: it comes before anything else.
    state.help_first = holds_crisis_question(&screen, content) && state.crisis(content);
    state.step = match next_screen(&state, content) {
        Some(id) => Step::Question(id),
        None => {
            // Kept while the help shows, so Back from it still leads back to the review.
            state.returning &= state.help_first;
            Step::Review
        }
    };
    state
}

/// Whether the screen asks the question that can call for crisis help.
fn holds_crisis_question(screen: &Screen<'_>, content: &QuizContent) -> bool {
    let crisis = content.crisis_question();
    screen
        .questions
        .iter()
        .any(|q| Some(q.id.as_str()) == crisis)
}

fn back(mut state: QuizState, content: &QuizContent) -> QuizState {
    let all = screens(content, &state.answers);
    state.show_errors = false;
    if std::mem::take(&mut state.help_first) {
        // From the crisis help, Back returns to the screen whose answer called for it.
        if let Some(s) = all.iter().find(|s| holds_crisis_question(s, content)) {
            state.step = Step::Question(s.id.to_owned());
        }
        return state;
    }
    state.step = match &state.step {
        Step::Question(id) => match all.iter().position(|s| s.id == id) {
            Some(0) | None => state.step.clone(),
            Some(i) => Step::Question(all[i - 1].id.to_owned()),
        },
        Step::Review => all
            .last()
            .map_or(Step::Review, |s| Step::Question(s.id.to_owned())),
        Step::Result => Step::Review,
    };
    state
}

/// Repairs a restored state against the content: unknown questions, ill-fitting answers and
/// stray drafts are dropped, and the step is moved to a place that exists.
pub(super) fn sanitise(mut state: QuizState, content: &QuizContent) -> QuizState {
    state
        .answers
        .0
        .retain(|id, a| content.question(id).is_some_and(|q| fits(q, a)));
    state.drafts.retain(|id, _| {
        content
            .question(id)
            .is_some_and(|q| q.kind == QuestionKind::Number)
    });
    let all = screens(content, &state.answers);
    state.step = match &state.step {
        Step::Question(id) => match all.iter().find(|s| s.questions.iter().any(|q| &q.id == id)) {
            Some(s) => Step::Question(s.id.to_owned()),
            None => all
                .first()
                .map_or(Step::Review, |s| Step::Question(s.id.to_owned())),
        },
        Step::Result if !state.is_complete(content) => Step::Review,
        other => other.clone(),
    };
    state.help_first &= state.crisis(content);
    state
}
