//! The typed shape of `content/<locale>/quiz.toml`: questions, branching conditions, rules,
//! route notes, sources and every label the quiz UI shows.
//!
//! Everything a person reads lives in the data so a translation only touches TOML; the Rust
//! side only knows ids. Each type reads itself from the content's JSON (`json_struct!`);
//! [`QuizContent::validate`] checks the cross-references a reader cannot.

use crate::content::decode::{Decode, Fields, Json, Placeholder};
use crate::content::{ContentError, Evidence, Feature, Locale, Source};

use super::ui::QuizText;
use super::Outcome;

crate::json_struct! {
impl Decode;
/// The whole quiz for one locale.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizContent {
    /// Every label, heading and message the quiz UI shows.
    pub ui: QuizText,
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
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Pick exactly one choice (radio buttons).
    Single,
    /// Pick one or more choices (checkboxes); an `exclusive` choice clears the others.
    Multiple,
    /// Type a whole number (a labelled number input).
    Number,
}

impl QuestionKind {
    /// Every kind.
    pub const ALL: [QuestionKind; 3] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::Number,
    ];

    /// The kind as content writes it.
    pub fn id(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::Number => "number",
        }
    }
}

crate::json_named!(QuestionKind);

crate::json_struct! {
impl Decode;
/// One question: a `<fieldset>` whose `<legend>` is [`Question::legend`].
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Stable id, used in answers, rules and stored state.
    pub id: String,
    /// How it is answered.
    pub kind: QuestionKind,
    /// The question itself. `{picked}` stands for the choices picked in the question named by
    /// `shown_if`, by their short names ([`Choice::term`]): see [`super::engine::legend`].
    pub legend: String,
    /// A short help line under the legend.
    pub hint: Option<String> = None,
    /// Choices, for single and multiple questions.
    pub choices: Vec<Choice> = Vec::new(),
    /// Limits and unit, for number questions.
    pub number: Option<NumberSpec> = None,
    /// Whether the person must answer before going on (default: yes).
    pub required: bool = true,
    /// Questions sharing a screen id that follow each other are shown together.
    pub screen: Option<String> = None,
    /// The "Why we ask" text (empty until the "Why we ask" part is here).
    pub why: String = String::new(),
    /// Source ids behind [`Question::why`].
    pub sources: Vec<String> = Vec::new(),
    /// Ask only when this holds for earlier answers; always asked when absent.
    pub shown_if: Option<Condition> = None,
}
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

crate::json_struct! {
impl Decode;
/// One answer option.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Stable id, unique within its question.
    pub id: String,
    /// The visible label.
    pub label: String,
    /// A short help line under the label.
    pub hint: Option<String> = None,
    /// For multiple questions: picking this clears every other choice ("None of these").
    pub exclusive: bool = false,
    /// A short name for the choice inside a later question's legend (`{picked}`).
    pub term: Option<String> = None,
}
}

crate::json_struct! {
impl Decode;
/// Limits of a number question.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberSpec {
    /// Smallest accepted value.
    pub min: u32,
    /// Largest accepted value.
    pub max: u32,
    /// Unit shown after the input (e.g. "years").
    pub unit: String,
}
}

/// A condition over answers, written as data. Tests on a question are false when that
/// question is unanswered, skipped or hidden.
#[derive(Clone, Debug, PartialEq)]
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

/// The member present says which kind: `all`, `any`, `not`, else a test on an answer.
impl Decode for Condition {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(if f.get("all").is_some() {
            Condition::All(AllOf::decode(v)?)
        } else if f.get("any").is_some() {
            Condition::Any(AnyOf::decode(v)?)
        } else if f.get("not").is_some() {
            Condition::Not(NotOf::decode(v)?)
        } else {
            Condition::Test(AnswerTest::decode(v)?)
        })
    }
}

impl Placeholder for Condition {
    fn placeholder() -> Self {
        Condition::All(AllOf { all: Vec::new() })
    }
}

impl Placeholder for Box<Condition> {
    fn placeholder() -> Self {
        Box::new(Condition::placeholder())
    }
}

crate::json_struct! {
impl Decode;
/// `{ all = [...] }`
#[derive(Clone, Debug, PartialEq)]
pub struct AllOf {
    /// The conditions that must all hold.
    pub all: Vec<Condition>,
}
}

crate::json_struct! {
impl Decode;
/// `{ any = [...] }`
#[derive(Clone, Debug, PartialEq)]
pub struct AnyOf {
    /// The conditions of which one must hold.
    pub any: Vec<Condition>,
}
}

crate::json_struct! {
impl Decode;
/// `{ not = {...} }`
#[derive(Clone, Debug, PartialEq)]
pub struct NotOf {
    /// The condition that must not hold.
    pub not: Box<Condition>,
}
}

crate::json_struct! {
impl Decode;
/// `{ question = "id", <one operator> }`. Exactly one operator must be set; content
/// validation enforces it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnswerTest {
    /// The question tested.
    pub question: String,
    /// Single answer equals this choice id.
    pub is: Option<String> = None,
    /// Single answer is one of these choice ids.
    pub is_any: Option<Vec<String>> = None,
    /// Multiple answer includes this choice id.
    pub includes: Option<String> = None,
    /// Multiple answer includes at least one of these choice ids.
    pub includes_any: Option<Vec<String>> = None,
    /// Number answer is strictly below this.
    pub below: Option<u32> = None,
    /// Number answer is strictly above this.
    pub above: Option<u32> = None,
}
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

crate::json_struct! {
impl Decode;
/// A rule: when its condition holds, it pushes the outcome to at least [`Rule::effect`] and
/// adds a reason. Rules with effect `worth-discussing` are evidence for discussing ketamine.
#[derive(Clone, Debug, PartialEq)]
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
    /// Every figure in the text, traced to its place in a source (or marked as our own).
    pub evidence: Vec<Evidence> = Vec::new(),
}
}

crate::json_struct! {
impl Decode;
/// The reason shown when no rule applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fallback {
    /// Stable id of this reason.
    pub id: String,
    /// The question whose answer the reason quotes.
    pub question: String,
    /// Why, in plain words.
    pub reason: String,
    /// Source ids.
    pub sources: Vec<String>,
    /// Every figure in the text, traced to its place in a source (or marked as our own).
    pub evidence: Vec<Evidence> = Vec::new(),
}
}

crate::json_struct! {
impl Decode;
/// Practical notes for one route of treatment.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteNote {
    /// Matches a choice id of the route question.
    pub id: String,
    /// Heading, e.g. "Esketamine nasal spray (Spravato)".
    pub heading: String,
    /// Short plain notes.
    pub notes: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
    /// Every figure in the text, traced to its place in a source (or marked as our own).
    pub evidence: Vec<Evidence> = Vec::new(),
}
}

impl QuizContent {
    /// Loads the quiz for a locale.
    pub fn load(locale: Locale) -> Result<Self, ContentError> {
        let results =
            crate::content::raw(locale, Feature::Results).ok_or(ContentError::Missing {
                locale: locale.tag(),
                feature: Feature::Results.file_stem(),
            })?;
        crate::content::load_quiz(locale, results)
    }

    /// The questions alone, before the results part has arrived: no rules, outcomes, route
    /// notes or provider questions (empty lists and texts), so only the questions' screens may
    /// use it; the review and the result take [`QuizContent::load`]. Each question's "Why we
    /// ask" and sources are empty until their part (`Feature::Why`) is here.
    pub fn load_questions(locale: Locale) -> Result<Self, ContentError> {
        crate::content::load_quiz_questions(locale, QuizContent::decode_questions)
    }

    /// The questions part's members, the results part's left empty. Rules and route notes are
    /// not read here, so their readers stay out of the first view's code (they come with the
    /// last screens' chunk, which reads the whole file).
    fn decode_questions(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        let questions = QuizContent {
            ui: f.req("ui")?,
            questions: f.req("questions")?,
            rules: Vec::new(),
            fallback: Fallback::default(),
            crisis_if: f.req("crisis_if")?,
            routes: Vec::new(),
            route_question: f.req("route_question")?,
            provider_questions: Vec::new(),
            // In the "Why we ask" part, which may not be here yet.
            sources: f.or("sources", Vec::new())?,
        };
        f.finish()?;
        Ok(questions)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::decode::from_str;

    #[test]
    fn a_question_reads_its_members_and_defaults() {
        let text = r#"{"id":"age","kind":"number","legend":"How old are you?","why":"W",
            "sources":["s"],"number":{"min":0,"max":120,"unit":"years"},
            "shown_if":{"not":{"question":"minor","is":"yes"}}}"#;
        let expected = Question {
            id: "age".into(),
            kind: QuestionKind::Number,
            legend: "How old are you?".into(),
            hint: None,
            choices: Vec::new(),
            number: Some(NumberSpec {
                min: 0,
                max: 120,
                unit: "years".into(),
            }),
            required: true,
            screen: None,
            why: "W".into(),
            sources: vec!["s".into()],
            shown_if: Some(Condition::Not(NotOf {
                not: Box::new(Condition::Test(AnswerTest {
                    question: "minor".into(),
                    is: Some("yes".into()),
                    ..AnswerTest::default()
                })),
            })),
        };
        assert_eq!(from_str::<Question>(text), Ok(expected));
        let choice = r#"{"id":"none","label":"None of these","exclusive":true}"#;
        assert_eq!(
            from_str::<Choice>(choice),
            Ok(Choice {
                id: "none".into(),
                label: "None of these".into(),
                hint: None,
                exclusive: true,
                term: None,
            })
        );
    }

    #[test]
    fn a_question_with_a_wrong_or_unknown_member_is_refused_by_name() {
        let base = r#""id":"q","legend":"L","why":"W","sources":[]"#;
        for (members, error) in [
            (r#""kind":"text""#, "kind: unknown name `text`"),
            (
                r#""kind":"single","required":"no""#,
                "required: expected true or false",
            ),
            (
                r#""kind":"single","choices":[{"id":"a"}]"#,
                "choices[0]: missing field `label`",
            ),
            (
                r#""kind":"single","hnit":"typo""#,
                "unknown or repeated member `hnit`",
            ),
            (
                r#""kind":"number","number":{"min":-1,"max":2,"unit":"u"}"#,
                "number.min: expected a whole number",
            ),
        ] {
            let text = format!("{{{base},{members}}}");
            assert_eq!(
                from_str::<Question>(&text),
                Err(error.to_owned()),
                "{members}"
            );
        }
        assert_eq!(
            from_str::<Question>(r#"{"id":"q","kind":"single"}"#),
            Err("missing field `legend`".to_owned())
        );
    }

    #[test]
    fn rules_read_their_outcome_and_evidence() {
        let text = r#"{"id":"r","when":{"any":[{"question":"q","includes_any":["a","b"]}]},
            "effect":"review-first","question":"q","reason":"Because 8 in 100.","sources":["s"],
            "evidence":[{"figure":"8 in 100","source":"s","place":"Table 2","says":"8%"}]}"#;
        let rule = from_str::<Rule>(text).expect("a rule");
        assert_eq!(rule.effect, Outcome::ReviewFirst);
        assert_eq!(
            rule.when.tests()[0].includes_any,
            Some(vec!["a".into(), "b".into()])
        );
        assert_eq!(
            rule.evidence,
            [Evidence {
                figure: "8 in 100".into(),
                source: Some("s".into()),
                place: Some("Table 2".into()),
                says: Some("8%".into()),
                own: false,
            }]
        );
        let without = text.replace("review-first", "maybe");
        assert_eq!(
            from_str::<Rule>(&without),
            Err("effect: unknown name `maybe`".to_owned())
        );
    }

    #[test]
    fn the_questions_part_alone_holds_every_question_and_no_rule() {
        for &locale in Locale::ALL {
            let questions = QuizContent::load_questions(locale).expect("questions load");
            let whole = QuizContent::load(locale).expect("the whole quiz loads");
            assert_eq!(questions.questions, whole.questions, "{locale:?}");
            assert_eq!(questions.crisis_if, whole.crisis_if);
            assert!(questions.rules.is_empty() && questions.routes.is_empty());
            assert!(questions.provider_questions.is_empty());
            assert!(!whole.rules.is_empty() && !whole.provider_questions.is_empty());
            assert!(questions.ui.outcomes.review_first.heading.is_empty());
            assert!(!whole.ui.outcomes.review_first.heading.is_empty());
            // Every source a question cites comes with the questions, and only those.
            let cited: Vec<&String> = questions
                .questions
                .iter()
                .flat_map(|q| &q.sources)
                .collect();
            assert!(questions.sources.iter().all(|s| cited.contains(&&s.id)));
            assert!(cited.iter().all(|id| questions.source(id).is_some()));
            assert_eq!(
                whole.sources[..questions.sources.len()],
                questions.sources[..]
            );
        }
    }
}
