//! Answers → assessment: which questions are asked, which rules apply, and the one outcome
//! with the reasons that decided it. Pure: no browser, no clock, no randomness.

use super::answers::{Answer, Answers};
use super::model::{AnswerTest, Condition, Question, QuestionKind, QuizContent, RouteNote};
use super::ui::fill;
use crate::content::{Evidence, Source};

/// The four outcomes, strongest first: the derived order makes `min` the strongest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// A hard stop from a label, guideline or the clinical sources.
    NotSuitable,
    /// Nothing rules it out, but a prescriber must weigh something first.
    ReviewFirst,
    /// No evidence-backed reason yet; other treatments come first.
    OtherOptionsFirst,
    /// A condition with evidence, usual treatments tried, nothing against.
    WorthDiscussing,
}

impl Outcome {
    /// Every outcome, strongest first.
    pub const ALL: [Outcome; 4] = [
        Outcome::NotSuitable,
        Outcome::ReviewFirst,
        Outcome::OtherOptionsFirst,
        Outcome::WorthDiscussing,
    ];

    /// The stable id (`data-outcome`, stored state, fixtures).
    pub fn id(self) -> &'static str {
        match self {
            Outcome::NotSuitable => "not-suitable",
            Outcome::ReviewFirst => "review-first",
            Outcome::OtherOptionsFirst => "other-options-first",
            Outcome::WorthDiscussing => "worth-discussing",
        }
    }

    /// Parses an id.
    pub fn from_id(id: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.id() == id)
    }

    /// Whether `self` is a stronger (more cautious) outcome than `other`.
    pub fn is_stronger_than(self, other: Outcome) -> bool {
        self < other
    }
}

crate::json_named!(Outcome);

/// One answer that mattered, with why and the sources behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// The rule (or fallback) id.
    pub id: String,
    /// The outcome level this reason stands for.
    pub effect: Outcome,
    /// The question quoted.
    pub question_id: String,
    /// That question's legend.
    pub question: String,
    /// The person's answer, in words.
    pub answer: String,
    /// Why it matters.
    pub why: String,
    /// The sources behind it.
    pub sources: Vec<Source>,
    /// Where each figure of [`Reason::why`] stands in those sources.
    pub evidence: Vec<Evidence>,
}

/// One question asked and its answer in words, for the summary's list of every answer.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerLine {
    /// The question's id.
    pub question_id: String,
    /// The question as it was asked.
    pub question: String,
    /// The answer in words ("Not answered" for a blank optional one).
    pub answer: String,
    /// The strongest effect of a reason quoting this answer, if one does.
    pub effect: Option<Outcome>,
}

/// The result of the self-check.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// The one outcome.
    pub outcome: Outcome,
    /// Every reason that applied, strongest first; those with `effect == outcome` decided it.
    pub reasons: Vec<Reason>,
    /// Every question asked with its answer: first those that decided the outcome, then the
    /// others worth raising, then the rest, each group in the order asked.
    pub answers: Vec<AnswerLine>,
    /// Notes for the route(s) the person is considering (all routes when unsure).
    pub route_notes: Vec<RouteNote>,
    /// Whether crisis help must be shown.
    pub crisis: bool,
    /// Questions worth asking a provider.
    pub provider_questions: Vec<String>,
}

impl Assessment {
    /// The reasons that decided the outcome.
    pub fn deciding(&self) -> impl Iterator<Item = &Reason> {
        self.reasons
            .iter()
            .filter(move |r| r.effect == self.outcome)
    }

    /// Other reasons still worth raising with a provider.
    pub fn others(&self) -> impl Iterator<Item = &Reason> {
        self.reasons
            .iter()
            .filter(move |r| r.effect != self.outcome)
    }

    /// Ids of the deciding reasons, in order.
    pub fn deciding_ids(&self) -> Vec<&str> {
        self.deciding().map(|r| r.id.as_str()).collect()
    }
}

/// Whether one test holds. A missing, skipped or ill-typed answer makes every test false.
fn test_holds(test: &AnswerTest, answers: &Answers) -> bool {
    let answer = answers.get(&test.question);
    let picked = |id: &String| answers.choice(&test.question) == Some(id.as_str());
    let has = |id: &String| answers.choices(&test.question).contains(id);
    let number = match answer {
        Some(Answer::Number(n)) => Some(*n),
        _ => None,
    };
    test.is.as_ref().is_some_and(picked)
        || test.is_any.as_ref().is_some_and(|l| l.iter().any(picked))
        || test.includes.as_ref().is_some_and(has)
        || test
            .includes_any
            .as_ref()
            .is_some_and(|l| l.iter().any(has))
        || matches!((number, test.below), (Some(n), Some(limit)) if n < limit)
        || matches!((number, test.above), (Some(n), Some(limit)) if n > limit)
}

/// Evaluates a condition over answers.
pub fn holds(condition: &Condition, answers: &Answers) -> bool {
    match condition {
        Condition::All(c) => c.all.iter().all(|c| holds(c, answers)),
        Condition::Any(c) => c.any.iter().any(|c| holds(c, answers)),
        Condition::Not(c) => !holds(&c.not, answers),
        Condition::Test(t) => test_holds(t, answers),
    }
}

/// Whether an answer has the right shape for its question (known choices, number in range).
pub fn fits(question: &Question, answer: &Answer) -> bool {
    match (question.kind, answer) {
        (_, Answer::Skipped) => !question.required,
        (QuestionKind::Single, Answer::Choice(c)) => question.choice(c).is_some(),
        (QuestionKind::Multiple, Answer::Choices(list)) => {
            let known = list.iter().all(|c| question.choice(c).is_some());
            let unique = list.iter().enumerate().all(|(i, c)| !list[..i].contains(c));
            // "None of these" alongside a real pick is a contradiction, not an answer.
            let exclusive_alone = list.len() == 1
                || list
                    .iter()
                    .all(|c| question.choice(c).is_some_and(|c| !c.exclusive));
            !list.is_empty() && known && unique && exclusive_alone
        }
        (QuestionKind::Number, Answer::Number(n)) => question
            .number
            .as_ref()
            .is_none_or(|spec| (spec.min..=spec.max).contains(n)),
        _ => false,
    }
}

/// The questions asked given these answers, in order. `shown_if` only sees answers to
/// questions that are themselves shown and come earlier, so hidden answers never leak in.
pub fn visible_questions<'c>(content: &'c QuizContent, answers: &Answers) -> Vec<&'c Question> {
    let mut seen = Answers::new();
    let mut shown = Vec::new();
    for q in &content.questions {
        if q.shown_if.as_ref().is_none_or(|c| holds(c, &seen)) {
            if let Some(a) = answers.get(&q.id).filter(|a| fits(q, a)) {
                seen.set(&q.id, a.clone());
            }
            shown.push(q);
        }
    }
    shown
}

/// Only the answers that count: to shown questions, and well-formed.
pub fn prune(content: &QuizContent, answers: &Answers) -> Answers {
    let mut kept = Answers::new();
    for q in visible_questions(content, answers) {
        if let Some(a) = answers.get(&q.id).filter(|a| fits(q, a)) {
            kept.set(&q.id, a.clone());
        }
    }
    kept
}

/// Whether the answers call for crisis help right now.
pub fn needs_crisis_help(content: &QuizContent, answers: &Answers) -> bool {
    holds(&content.crisis_if, &prune(content, answers))
}

/// A question's legend for these answers: `{picked}` becomes the short names of the choices
/// picked in the question its `shown_if` tests ("For your anxiety or pain, …"), so it names
/// only what the person chose.
pub fn legend(content: &QuizContent, question: &Question, answers: &Answers) -> String {
    let Some(Condition::Test(test)) = &question.shown_if else {
        return question.legend.clone();
    };
    let Some(source) = content.question(&test.question) else {
        return question.legend.clone();
    };
    let picked = answers.choices(&source.id);
    let terms: Vec<&str> = source
        .choices
        .iter()
        .filter(|c| picked.contains(&c.id))
        .filter_map(|c| c.term.as_deref())
        .collect();
    // "a, b or c": the separator between all but the last two, which "or" joins.
    let mut list = String::new();
    for (i, term) in terms.iter().enumerate() {
        if i + 1 == terms.len() && i > 0 {
            list.push_str(&content.ui.list_or);
        } else if i > 0 {
            list.push_str(&content.ui.list_separator);
        }
        list.push_str(term);
    }
    fill(&question.legend, &[("picked", &list)])
}

/// An answer in words, as the person picked or typed it.
pub fn answer_text(content: &QuizContent, question: &Question, answer: Option<&Answer>) -> String {
    let ui = &content.ui;
    let label = |id: &str| {
        question
            .choice(id)
            .map_or(id, |c| c.label.as_str())
            .to_owned()
    };
    match answer {
        Some(Answer::Choice(c)) => label(c),
        Some(Answer::Choices(list)) if !list.is_empty() => list
            .iter()
            .map(|c| label(c))
            .collect::<Vec<_>>()
            .join(&ui.list_separator),
        Some(Answer::Number(n)) => {
            let unit = question.number.as_ref().map_or("", |s| s.unit.as_str());
            fill(
                &ui.number_answer,
                &[("value", &n.to_string()), ("unit", unit)],
            )
            .trim()
            .to_owned()
        }
        _ => ui.not_answered.clone(),
    }
}

fn reason(
    content: &QuizContent,
    answers: &Answers,
    (id, effect, question_id): (&str, Outcome, &str),
    why: &str,
    (sources, evidence): (&[String], &[Evidence]),
) -> Reason {
    let question = content.question(question_id);
    Reason {
        id: id.to_owned(),
        effect,
        question_id: question_id.to_owned(),
        question: question
            .map(|q| legend(content, q, answers))
            .unwrap_or_default(),
        answer: question
            .map(|q| answer_text(content, q, answers.get(question_id)))
            .unwrap_or_default(),
        why: why.to_owned(),
        sources: sources
            .iter()
            .filter_map(|s| content.source(s))
            .cloned()
            .collect(),
        evidence: evidence.to_vec(),
    }
}

/// Turns answers into an assessment.
///
/// A `worth-discussing` rule is evidence *for*; every other rule is a caution. The outcome is
/// the strongest caution among `not-suitable` and `review-first`; failing those, evidence gives
/// `worth-discussing`; otherwise `other-options-first`. So "fewer than two antidepressants"
/// does not hide another condition that does have evidence, while any hard stop always wins.
pub fn assess(content: &QuizContent, answers: &Answers) -> Assessment {
    let answers = prune(content, answers);
    let mut reasons: Vec<Reason> = content
        .rules
        .iter()
        .filter(|r| holds(&r.when, &answers))
        .map(|r| {
            reason(
                content,
                &answers,
                (&r.id, r.effect, &r.question),
                &r.reason,
                (&r.sources, &r.evidence),
            )
        })
        .collect();
    let has = |level: Outcome| reasons.iter().any(|r| r.effect == level);
    let outcome = if has(Outcome::NotSuitable) {
        Outcome::NotSuitable
    } else if has(Outcome::ReviewFirst) {
        Outcome::ReviewFirst
    } else if has(Outcome::WorthDiscussing) {
        Outcome::WorthDiscussing
    } else {
        Outcome::OtherOptionsFirst
    };
    if outcome == Outcome::OtherOptionsFirst && !has(Outcome::OtherOptionsFirst) {
        let f = &content.fallback;
        let key = (
            f.id.as_str(),
            Outcome::OtherOptionsFirst,
            f.question.as_str(),
        );
        reasons.push(reason(
            content,
            &answers,
            key,
            &f.reason,
            (&f.sources, &f.evidence),
        ));
    }
    // Stable sort keeps content order within a level.
    reasons.sort_by_key(|r| r.effect);
    Assessment {
        answers: answer_lines(content, &answers, &reasons, outcome),
        outcome,
        reasons,
        route_notes: route_notes(content, &answers),
        crisis: holds(&content.crisis_if, &answers),
        provider_questions: content.provider_questions.clone(),
    }
}

/// Every shown question's answer, deciding ones first, then the others quoted by a reason.
fn answer_lines(
    content: &QuizContent,
    answers: &Answers,
    reasons: &[Reason],
    outcome: Outcome,
) -> Vec<AnswerLine> {
    let mut lines: Vec<AnswerLine> = visible_questions(content, answers)
        .into_iter()
        .map(|q| {
            let mut quoting = reasons.iter().filter(|r| r.question_id == q.id);
            let effect = quoting
                .clone()
                .find(|r| r.effect == outcome)
                .or_else(|| quoting.next())
                .map(|r| r.effect);
            AnswerLine {
                question_id: q.id.clone(),
                question: legend(content, q, answers),
                answer: answer_text(content, q, answers.get(&q.id)),
                effect,
            }
        })
        .collect();
    let rank = |l: &AnswerLine| match l.effect {
        Some(e) if e == outcome => 0,
        Some(_) => 1,
        None => 2,
    };
    lines.sort_by_key(rank);
    lines
}

/// Notes for the picked route; every route when the person is unsure or did not say.
fn route_notes(content: &QuizContent, answers: &Answers) -> Vec<RouteNote> {
    let picked = answers.choice(&content.route_question);
    match content
        .routes
        .iter()
        .find(|r| Some(r.id.as_str()) == picked)
    {
        Some(note) => vec![note.clone()],
        None => content.routes.clone(),
    }
}
