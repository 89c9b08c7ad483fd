//! The typed shape of `content/<locale>/quiz.toml`: questions, branching conditions, rules,
//! route notes, sources and every label the quiz UI shows.
//!
//! Everything a person reads lives in the data so a translation only touches TOML; the Rust
//! side only knows ids. [`QuizContent::validate`] checks the cross-references serde cannot.

use crate::content::{ContentError, Feature, Locale, Source};
use serde::{Deserialize, Serialize};

use super::ui::QuizUi;
use super::Outcome;

/// The whole quiz for one locale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizContent {
    /// Every label, heading and message the quiz UI shows.
    pub ui: QuizUi,
    /// Questions in the order they are asked.
    pub questions: Vec<Question>,
    /// Rules that turn answers into outcomes and reasons.
    pub rules: Vec<Rule>,
    /// The reason given when no rule at all applied (nothing for, nothing against).
    pub fallback: Fallback,
    /// Which answers mean the person may be in danger now (shows crisis help at once).
    pub crisis_if: Condition,
    /// Practical notes per route of treatment; ids match the choices of [`Self::route_question`].
    pub routes: Vec<RouteNote>,
    /// The question whose answer picks the route notes.
    pub route_question: String,
    /// Questions worth asking any provider, listed on the result and in the summary.
    pub provider_questions: Vec<String>,
    /// Every source cited by a question, rule or route note.
    pub sources: Vec<Source>,
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// Pick exactly one choice (radio buttons).
    Single,
    /// Pick one or more choices (checkboxes); an `exclusive` choice clears the others.
    Multiple,
    /// Type a whole number (a labelled number input).
    Number,
}

/// One question: a `<fieldset>` whose `<legend>` is [`Question::legend`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, used in answers, rules and stored state.
    pub id: String,
    /// How it is answered.
    pub kind: QuestionKind,
    /// The question itself. `{picked}` stands for the choices picked in the question named by
    /// `shown_if`, by their short names ([`Choice::term`]): see [`super::engine::legend`].
    pub legend: String,
    /// A short help line under the legend.
    #[serde(default)]
    pub hint: Option<String>,
    /// Choices, for single and multiple questions.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Limits and unit, for number questions.
    #[serde(default)]
    pub number: Option<NumberSpec>,
    /// Whether the person must answer before going on (default: yes).
    #[serde(default = "yes")]
    pub required: bool,
    /// Questions sharing a screen id that follow each other are shown together.
    #[serde(default)]
    pub screen: Option<String>,
    /// The "Why we ask" text.
    pub why: String,
    /// Source ids behind [`Question::why`].
    pub sources: Vec<String>,
    /// Ask only when this holds for earlier answers; always asked when absent.
    #[serde(default)]
    pub shown_if: Option<Condition>,
}

/// `required`'s default; also used by the browser's content decoder.
pub(crate) fn yes() -> bool {
    true
}

impl QuizContent {
    /// The question whose answer can call for crisis help (`crisis_if` tests one question;
    /// content validation holds it to that).
    pub fn crisis_question(&self) -> Option<&str> {
        match &self.crisis_if {
            Condition::Test(t) => Some(&t.question),
            _ => None,
        }
    }
}

impl Question {
    /// The choice with this id.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }

    /// The id of the screen this question is shown on (its own id when it has no screen key).
    pub fn screen_id(&self) -> &str {
        self.screen.as_deref().unwrap_or(&self.id)
    }
}

/// One answer option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id, unique within its question.
    pub id: String,
    /// The visible label.
    pub label: String,
    /// A short help line under the label.
    #[serde(default)]
    pub hint: Option<String>,
    /// For multiple questions: picking this clears every other choice ("None of these").
    #[serde(default)]
    pub exclusive: bool,
    /// A short name for the choice inside a later question's legend (`{picked}`).
    #[serde(default)]
    pub term: Option<String>,
}

/// Limits of a number question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberSpec {
    /// Smallest accepted value.
    pub min: u32,
    /// Largest accepted value.
    pub max: u32,
    /// Unit shown after the input (e.g. "years").
    pub unit: String,
}

/// A condition over answers, written as data. Tests on a question are false when that
/// question is unanswered, skipped or hidden.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Condition {
    /// Every inner condition holds.
    All(AllOf),
    /// At least one inner condition holds.
    Any(AnyOf),
    /// The inner condition does not hold.
    Not(NotOf),
    /// A test on one question's answer.
    Test(AnswerTest),
}

/// `{ all = [...] }`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllOf {
    /// The conditions that must all hold.
    pub all: Vec<Condition>,
}

/// `{ any = [...] }`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnyOf {
    /// The conditions of which one must hold.
    pub any: Vec<Condition>,
}

/// `{ not = {...} }`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotOf {
    /// The condition that must not hold.
    pub not: Box<Condition>,
}

/// `{ question = "id", <one operator> }`. Exactly one operator must be set; content
/// validation enforces it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerTest {
    /// The question tested.
    pub question: String,
    /// Single answer equals this choice id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<String>,
    /// Single answer is one of these choice ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_any: Option<Vec<String>>,
    /// Multiple answer includes this choice id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includes: Option<String>,
    /// Multiple answer includes at least one of these choice ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includes_any: Option<Vec<String>>,
    /// Number answer is strictly below this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<u32>,
    /// Number answer is strictly above this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<u32>,
}

impl AnswerTest {
    /// How many operators are set (valid content has exactly one).
    pub fn operator_count(&self) -> usize {
        [
            self.is.is_some(),
            self.is_any.is_some(),
            self.includes.is_some(),
            self.includes_any.is_some(),
            self.below.is_some(),
            self.above.is_some(),
        ]
        .into_iter()
        .filter(|set| *set)
        .count()
    }

    /// Every choice id this test names.
    pub fn choice_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        ids.extend(self.is.as_deref());
        ids.extend(self.includes.as_deref());
        for list in [&self.is_any, &self.includes_any].into_iter().flatten() {
            ids.extend(list.iter().map(String::as_str));
        }
        ids
    }
}

impl Condition {
    /// Every answer test inside this condition, depth first.
    pub fn tests(&self) -> Vec<&AnswerTest> {
        match self {
            Condition::All(AllOf { all: list }) | Condition::Any(AnyOf { any: list }) => {
                list.iter().flat_map(Condition::tests).collect()
            }
            Condition::Not(NotOf { not }) => not.tests(),
            Condition::Test(test) => vec![test],
        }
    }
}

/// A rule: when its condition holds, it pushes the outcome to at least [`Rule::effect`] and
/// adds a reason. Rules with effect `worth-discussing` are evidence for discussing ketamine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id (used by tests, personas and `data-` attributes).
    pub id: String,
    /// When the rule applies.
    pub when: Condition,
    /// The outcome level it stands for.
    pub effect: Outcome,
    /// The question whose answer the reason quotes.
    pub question: String,
    /// Why this answer matters, in plain words.
    pub reason: String,
    /// Source ids behind the reason.
    pub sources: Vec<String>,
}

/// The reason shown when no rule applied.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fallback {
    /// Stable id of this reason.
    pub id: String,
    /// The question whose answer the reason quotes.
    pub question: String,
    /// Why, in plain words.
    pub reason: String,
    /// Source ids.
    pub sources: Vec<String>,
}

/// Practical notes for one route of treatment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteNote {
    /// Matches a choice id of the route question.
    pub id: String,
    /// Heading, e.g. "Esketamine nasal spray (Spravato)".
    pub heading: String,
    /// Short plain notes.
    pub notes: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

impl QuizContent {
    /// Loads the quiz for a locale.
    pub fn load(locale: Locale) -> Result<Self, ContentError> {
        let results =
            crate::content::raw(locale, Feature::Results).ok_or(ContentError::Missing {
                locale: locale.tag(),
                feature: Feature::Results.file_stem(),
            })?;
        crate::content::load_quiz(locale, Some(results))
    }

    /// The questions alone, before the results part has arrived: no rules, outcomes, route
    /// notes or provider questions (empty lists and texts), so only the questions' screens may
    /// use it; the review and the result take [`QuizContent::load`]. Each question's "Why we
    /// ask" and sources are empty until their part (`Feature::Why`) is here.
    pub fn load_questions(locale: Locale) -> Result<Self, ContentError> {
        #[cfg(target_arch = "wasm32")]
        {
            let text = crate::content::raw(locale, Feature::Quiz).ok_or(ContentError::Missing {
                locale: locale.tag(),
                feature: Feature::Quiz.file_stem(),
            })?;
            let why = crate::content::raw(locale, Feature::Why);
            crate::content::decode_quiz_questions(text, why).map_err(|detail| {
                ContentError::Invalid {
                    locale: locale.tag(),
                    feature: Feature::Quiz.file_stem(),
                    detail,
                }
            })
        }
        #[cfg(not(target_arch = "wasm32"))]
        crate::content::load_quiz(locale, None)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Every cross-reference problem in the content; empty when the content is sound.
    pub fn validate(&self) -> Vec<String> {
        super::validate::problems(self)
    }
}
