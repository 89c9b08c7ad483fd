//! "What matters to you" stays beside the decision and never inside it: whatever a person says
//! matters to them, the self-check's assessment (outcome and reasons) and the rest of the
//! provider summary are the same, and the options comparison marks columns, for every option
//! alike, never an option. Also the content that the values step and the stated decision read.
#![cfg(not(target_arch = "wasm32"))]

use ketamine_guide::content::shell::ShellText;
use ketamine_guide::content::{raw, Feature, Locale};
use ketamine_guide::options::{OptionsContent, Values};
use ketamine_guide::quiz::*;
use proptest::prelude::*;
use std::sync::OnceLock;

mod answers;

fn quiz(locale: Locale) -> &'static QuizContent {
    static C: OnceLock<[QuizContent; 2]> = OnceLock::new();
    let all = C.get_or_init(|| {
        [Locale::En, Locale::Es].map(|l| QuizContent::load(l).expect("quiz content"))
    });
    &all[usize::from(locale == Locale::Es)]
}

fn options(locale: Locale) -> &'static OptionsContent {
    static C: OnceLock<[OptionsContent; 2]> = OnceLock::new();
    let all = C.get_or_init(|| {
        [Locale::En, Locale::Es].map(|l| OptionsContent::load(l).expect("options content"))
    });
    &all[usize::from(locale == Locale::Es)]
}

fn shell() -> &'static ShellText {
    static S: OnceLock<ShellText> = OnceLock::new();
    S.get_or_init(|| ShellText::load(Locale::En).expect("shell"))
}

/// Any answers a person could give: for each question a fitting answer or none.
fn any_answers() -> impl Strategy<Value = Answers> {
    answers::any_answers(quiz(Locale::En), false)
}

/// Any answers to the values step: each value weighted or left out, and ids no content knows.
fn any_values() -> impl Strategy<Value = Values> {
    let o = options(Locale::En);
    let values: Vec<String> = o
        .values
        .iter()
        .map(|v| v.id.clone())
        .chain(["no-such-value".to_owned()])
        .collect();
    let weights: Vec<String> = o
        .weights
        .iter()
        .map(|w| w.id.clone())
        .chain(["no-such-weight".to_owned()])
        .collect();
    prop::collection::vec(
        (prop::sample::select(values), prop::sample::select(weights)),
        0..12,
    )
    .prop_map(|pairs| {
        pairs
            .iter()
            .fold(Values::new(), |v, (value, weight)| v.with(value, weight))
    })
}

/// The values in words, as the result and the summary show them.
fn section(locale: Locale, values: &Values) -> (String, Vec<String>) {
    let o = options(locale);
    let lines = o
        .value_lines(values)
        .iter()
        .map(|l| format!("{}: {}", l.label, l.weight))
        .collect();
    (o.ui.values_heading.clone(), lines)
}

fn summary(locale: Locale, assessment: &Assessment, values: &Values) -> String {
    let (heading, lines) = section(locale, values);
    let values = ValuesSection {
        heading: &heading,
        lines,
    };
    summary_text(
        quiz(locale),
        assessment,
        &shell().help,
        "2026-12-05",
        &values,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn values_never_change_the_assessment_or_the_summary_around_them(
        answers in any_answers(),
        values in any_values(),
    ) {
        for &locale in Locale::ALL {
            let c = quiz(locale);
            // The result step's state: the assessment the result and the summary show.
            let mut state = QuizState::new(c);
            state.answers = answers.clone();
            state.step = Step::Result;
            let assessment = state.assessment(c).expect("a result");
            let alone = assess(c, &answers);
            prop_assert_eq!(&assessment.outcome, &alone.outcome);
            prop_assert_eq!(&assessment.reasons, &alone.reasons);

            let without = summary(locale, &assessment, &Values::new());
            let with = summary(locale, &assessment, &values);
            let (heading, lines) = section(locale, &values);
            if lines.is_empty() {
                prop_assert_eq!(&with, &without);
            } else {
                // The same summary, with one section more: the values, as said.
                let block = format!(
                    "\n{heading}\n{}\n{}",
                    "-".repeat(heading.chars().count()),
                    lines.iter().map(|l| format!("- {l}\n")).collect::<String>()
                );
                prop_assert_eq!(with.matches(&block).count(), 1, "{}", with);
                prop_assert_eq!(with.replacen(&block, "", 1), without);
            }
        }
    }

    #[test]
    fn values_mark_columns_for_every_option_alike_and_never_an_option(values in any_values()) {
        for &locale in Locale::ALL {
            let o = options(locale);
            let marks = o.matters(&values);
            prop_assert_eq!(marks.len(), o.columns.len(), "one entry per column, none per option");
            let lines = o.value_lines(&values);
            for (column, labels) in o.columns.iter().zip(&marks) {
                let expected: Vec<&str> = lines
                    .iter()
                    .filter(|l| l.matters && l.column == column.id)
                    .map(|l| l.label)
                    .collect();
                prop_assert_eq!(labels, &expected);
            }
            // Only values the content knows, each once, in the content's order.
            let ids: Vec<&str> = lines.iter().map(|l| l.id).collect();
            let order: Vec<&str> = o
                .values
                .iter()
                .map(|v| v.id.as_str())
                .filter(|id| ids.contains(id))
                .collect();
            prop_assert_eq!(ids, order);
        }
    }
}

#[test]
fn the_values_step_has_its_words_in_every_language() {
    let en = options(Locale::En);
    for &locale in Locale::ALL {
        let o = options(locale);
        let ids = |v: &[String]| v.to_vec();
        assert_eq!(
            ids(&o.values.iter().map(|v| v.id.clone()).collect::<Vec<_>>()),
            en.values.iter().map(|v| v.id.clone()).collect::<Vec<_>>(),
            "{locale:?}: the same values"
        );
        assert_eq!(
            o.weights.iter().map(|w| w.id.as_str()).collect::<Vec<_>>(),
            ["not-important", "somewhat", "very"],
            "{locale:?}: weights from least to most"
        );
        let mut seen = Vec::new();
        for v in &o.values {
            assert!(!seen.contains(&v.id), "{locale:?}: value `{}` twice", v.id);
            seen.push(v.id.clone());
            assert!(!v.label.trim().is_empty());
        }
        for text in [
            &o.ui.values_heading,
            &o.ui.values_legend,
            &o.ui.values_hint,
            &o.ui.values_clear,
            &o.ui.compare,
            &o.ui.link,
        ] {
            assert!(!text.trim().is_empty(), "{locale:?}: an empty label");
        }
    }
}

#[test]
fn the_decision_is_stated_on_the_first_screen_and_described_in_the_part_fetched_after_it() {
    for &locale in Locale::ALL {
        let questions: serde_json::Value =
            serde_json::from_str(raw(locale, Feature::Quiz).expect("quiz part")).unwrap();
        let why: serde_json::Value =
            serde_json::from_str(raw(locale, Feature::Why).expect("why part")).unwrap();
        let decision = questions["ui"]["decision"].as_str().unwrap();
        // A few short sentences: the first screen shows them above the first question.
        assert!(
            decision.len() <= 280,
            "{locale:?}: {} characters",
            decision.len()
        );
        assert!(
            decision.matches(". ").count() <= 2,
            "{locale:?}: three sentences at most"
        );
        assert!(
            questions["ui"].get("decision_more").is_none(),
            "{locale:?}: not in the first view"
        );
        let more = why["ui"]["decision_more"].as_str().unwrap();
        assert!(
            more.split("\n\n").count() >= 3,
            "{locale:?}: a few paragraphs"
        );
        // Read whole, as the self-check reads it once "Why we ask" is here.
        let c = quiz(locale);
        assert_eq!(c.ui.decision, decision);
        assert_eq!(c.ui.decision_more, more);
        assert!(!c.ui.decision_more_label.trim().is_empty());
    }
}
