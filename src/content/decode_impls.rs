//! [`Decode`] for every type in the content files, mirroring each type's serde attributes
//! (names, defaults, enum spellings). Tests below check that both loaders agree on every
//! shipped file.

use super::decode::{unit, Decode, Fields, Json};
use super::shell::{EmbedStrings, HelpStrings, ShellStrings};
use super::Source;
use crate::cost::model::{CostContent, CostUi, FieldText, Note, RouteText};
use crate::cost::Route;
use crate::myths::model::{
    Bar, Chart, ChartKind, Claim, KeyNumber, MythsContent, RouteRow, RoutesTable, Strength,
    StrengthInfo, Topic, Verdict, VerdictInfo,
};
use crate::myths::strings::MythsUi;
use crate::quiz::model::{
    AllOf, AnswerTest, AnyOf, Choice, Condition, Fallback, NotOf, NumberSpec, Question,
    QuestionKind, QuizContent, RouteNote, Rule,
};
use crate::quiz::ui::{
    CrisisTexts, ErrorTexts, OutcomeText, OutcomeTexts, QuizUi, StorageTexts, SummaryTexts,
};
use crate::quiz::Outcome;

/// Structs whose fields are all required and keyed by their own names (no serde attributes
/// on any field), listed in declaration order so the first missing field reported is serde's.
/// The struct literal fails to compile if a field is left out.
macro_rules! required_fields {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Decode for $ty {
            fn decode(v: &Json) -> Result<Self, String> {
                let f = Fields::of(v)?;
                Ok($ty { $($field: f.req(stringify!($field))?),* })
            }
        }
    )*};
}

/// As [`required_fields`], for structs whose members all have a `Default`, but without an
/// early return per member (see [`Fields::req_or_note`]): much less wasm for big structs.
macro_rules! filled_fields {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Decode for $ty {
            fn decode(v: &Json) -> Result<Self, String> {
                let f = Fields::of(v)?;
                let mut err = None;
                let value = $ty { $($field: f.req_or_note(stringify!($field), &mut err)),* };
                err.map_or(Ok(value), Err)
            }
        }
    )*};
}

impl QuizContent {
    /// The questions part alone: everything the questions' screens use, with the results
    /// part's members (rules, fallback, route notes, provider questions) left empty.
    pub(crate) fn decode_questions(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(QuizContent {
            ui: f.req("ui")?,
            questions: f.req("questions")?,
            rules: Vec::new(),
            fallback: Fallback::default(),
            crisis_if: f.req("crisis_if")?,
            routes: Vec::new(),
            route_question: f.req("route_question")?,
            provider_questions: Vec::new(),
            sources: f.req("sources")?,
        })
    }
}

/// Unit enums, each variant spelled as its serde `rename_all` makes it.
macro_rules! unit_enums {
    ($($ty:ident { $($name:literal => $variant:ident),* $(,)? })*) => {$(
        impl Decode for $ty {
            fn decode(v: &Json) -> Result<Self, String> {
                unit(v, &[$(($name, $ty::$variant)),*])
            }
        }
    )*};
}

filled_fields! {
    ShellStrings {
        title, page_title, tagline, disclaimer, privacy, language_label, sections_label, tab_quiz,
        tab_myths, tab_cost, loading, error_title, error_body, error_reload, update_available,
        update_reload, help,
    }
    HelpStrings { open, lifeline, call, text, text_href, chat, chat_href, danger, emergency }
    EmbedStrings {
        title, unknown_section, bad_start, unknown_lang, bad_currency, bad_cta_href,
        cta_incomplete, bad_persist, bad_theme, bad_header,
    }
    QuizUi {
        title, intro, next, back, see_result, restart, why_we_ask, progress, review_heading,
        review_intro, change, change_label, not_answered, list_separator, list_or, save_return,
        number_answer, outcomes, deciding_heading, also_heading, reason_answer, sources_label, route_heading,
        provider_questions_heading, disclaimer, crisis, storage, summary, errors,
    }
    OutcomeText { heading, explanation, discuss }
    CrisisTexts { heading, body, can_continue, go_on }
    StorageTexts { remember, remember_hint, clear, cleared, restore_failed }
    SummaryTexts {
        print, download, download_hint, filename, title, date, outcome_heading, why_label,
        crisis_heading, answers_heading, answers_intro, question_column, answer_column,
        deciding_tag, other_tag, next_heading, to_cost, to_myths, restart_confirm, restart_yes,
        restart_no,
    }
    ErrorTexts {
        summary_heading, choose_one, choose_some, number_missing, not_a_number, whole_number,
        below_min, above_max,
    }
}

required_fields! {
    QuizContent {
        ui, questions, rules, fallback, crisis_if, routes, route_question, provider_questions,
        sources,
    }
    NumberSpec { min, max, unit }
    AllOf { all }
    AnyOf { any }
    NotOf { not }
    Rule { id, when, effect, question, reason, sources }
    Fallback { id, question, reason, sources }
    RouteNote { id, heading, notes, sources }

    MythsContent { ui, topics, verdicts, strengths, claims, routes, sources }
    MythsUi {
        heading, intro, search_label, search_placeholder, topics_group, verdicts_group,
        chip_template, clear_filters, results_none, results_one, results_many, empty_title,
        empty_body, show_evidence, hide_evidence, verdict_label, strength_heading,
        numbers_heading, sources_heading, related_heading, disagreement_heading, source_link,
        claim_link, chart_alt_compare, chart_alt_before_after, chart_alt_share,
        decimal_separator, routes_link, routes_heading, routes_caption, routes_headers,
        routes_sources_heading, back_to_claims, restore_discarded,
    }
    Topic { id, label }
    VerdictInfo { id, label, icon, description }
    StrengthInfo { id, label, description }
    RouteRow {
        id, name, onset, wear_off, sessions, bioavailability, supervision, price, sources,
    }

    CostContent { routes, notes, assumptions, sources, ui }
    RouteText { id, name, short, price_note, course_note, sources }
    FieldText { label, hint }
    CostUi {
        headings, fields, options, errors, calc, units, results, levels, price_parts, chart,
        misc,
    }
}

unit_enums! {
    QuestionKind { "single" => Single, "multiple" => Multiple, "number" => Number }
    Outcome {
        "not-suitable" => NotSuitable,
        "review-first" => ReviewFirst,
        "other-options-first" => OtherOptionsFirst,
        "worth-discussing" => WorthDiscussing,
    }
    Verdict {
        "myth" => Myth,
        "mostly-false" => MostlyFalse,
        "mixed" => Mixed,
        "mostly-true" => MostlyTrue,
        "true" => True,
    }
    Strength {
        "strong" => Strong,
        "moderate" => Moderate,
        "limited" => Limited,
        "very-limited" => VeryLimited,
    }
    ChartKind { "compare" => Compare, "before-after" => BeforeAfter, "share" => Share }
    Route { "iv" => Iv, "im" => Im, "esketamine" => Esketamine, "oral" => Oral }
}

impl Decode for Source {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(Source {
            id: f.req("id")?,
            citation: f.req("citation")?,
            url: f.opt("url")?,
        })
    }
}

impl Decode for Question {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(Question {
            id: f.req("id")?,
            kind: f.req("kind")?,
            legend: f.req("legend")?,
            hint: f.opt("hint")?,
            choices: f.or_default("choices")?,
            number: f.opt("number")?,
            required: f.or("required", crate::quiz::model::yes())?,
            screen: f.opt("screen")?,
            why: f.req("why")?,
            sources: f.req("sources")?,
            shown_if: f.opt("shown_if")?,
        })
    }
}

impl Decode for Choice {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(Choice {
            id: f.req("id")?,
            label: f.req("label")?,
            hint: f.opt("hint")?,
            exclusive: f.or_default("exclusive")?,
            term: f.opt("term")?,
        })
    }
}

impl Decode for Condition {
    /// serde (`untagged`) tries All, Any, Not, Test in turn, and each struct denies unknown
    /// fields, so in valid content the key present picks the variant. Choosing by key avoids
    /// retrying nested conditions (exponential on bad input) and keeps the precise error.
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

impl Decode for AnswerTest {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(AnswerTest {
            question: f.req("question")?,
            is: f.opt("is")?,
            is_any: f.opt("is_any")?,
            includes: f.opt("includes")?,
            includes_any: f.opt("includes_any")?,
            below: f.opt("below")?,
            above: f.opt("above")?,
        })
    }
}

impl Decode for OutcomeTexts {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        let mut err = None;
        let value = OutcomeTexts {
            not_suitable: f.req_or_note("not-suitable", &mut err),
            review_first: f.req_or_note("review-first", &mut err),
            other_options_first: f.req_or_note("other-options-first", &mut err),
            worth_discussing: f.req_or_note("worth-discussing", &mut err),
        };
        err.map_or(Ok(value), Err)
    }
}

impl Decode for Claim {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(Claim {
            id: f.req("id")?,
            claim: f.req("claim")?,
            topics: f.req("topics")?,
            verdict: f.req("verdict")?,
            strength: f.req("strength")?,
            summary: f.req("summary")?,
            explanation: f.req("explanation")?,
            numbers: f.or_default("numbers")?,
            sources: f.req("sources")?,
            related: f.or_default("related")?,
            disagreement: f.opt("disagreement")?,
        })
    }
}

impl Decode for KeyNumber {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(KeyNumber {
            label: f.req("label")?,
            value: f.req("value")?,
            note: f.opt("note")?,
            sources: f.or_default("sources")?,
            chart: f.opt("chart")?,
        })
    }
}

impl Decode for Chart {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(Chart {
            kind: f.req("kind")?,
            a: f.req("a")?,
            b: f.opt("b")?,
            out_of: f.opt("out_of")?,
        })
    }
}

impl Decode for Bar {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(Bar {
            label: f.req("label")?,
            value: f.req("value")?,
            unit: f.or_default("unit")?,
        })
    }
}

impl Decode for RoutesTable {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(RoutesTable {
            rows: f.req("rows")?,
            notes: f.or_default("notes")?,
        })
    }
}

impl Decode for Note {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        Ok(Note {
            id: f.req("id")?,
            title: f.req("title")?,
            text: f.req("text")?,
            sources: f.or_default("sources")?,
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::decode::from_str;
    use super::*;
    use crate::content::{raw, Feature, Locale};
    use serde::de::DeserializeOwned;
    use std::fmt::Debug;

    fn agree_on<T: Decode + DeserializeOwned + PartialEq + Debug>(text: &str, what: &str) {
        let by_serde: T = serde_json::from_str(text).expect("serde reads the file");
        let by_decode: T = from_str(text).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(by_decode, by_serde, "{what}");
    }

    fn agree<T: Decode + DeserializeOwned + PartialEq + Debug>(feature: Feature) {
        for &locale in Locale::ALL {
            let text = raw(locale, feature).expect("content file");
            agree_on::<T>(text, &format!("{locale:?} {feature:?}"));
        }
    }

    /// The whole quiz file, its two shipped parts joined.
    fn whole_quiz(locale: Locale) -> String {
        let part = |f| raw(locale, f).expect("quiz part");
        crate::content::quiz_json(&[
            part(Feature::Quiz),
            part(Feature::Why),
            part(Feature::Results),
        ])
        .expect("parts join")
        .to_string()
    }

    #[test]
    fn both_loaders_agree_on_every_content_file() {
        agree::<ShellStrings>(Feature::Shell);
        agree::<crate::content::shell::EmbedStrings>(Feature::Embed);
        agree::<MythsContent>(Feature::Myths);
        agree::<CostContent>(Feature::Cost);
        for &locale in Locale::ALL {
            agree_on::<QuizContent>(&whole_quiz(locale), &format!("{locale:?} quiz"));
            // The questions alone, with the blank results part.
            let blank = generated_blank_quiz(locale);
            agree_on::<QuizContent>(&blank, &format!("{locale:?} quiz questions"));
        }
    }

    fn generated_blank_quiz(locale: Locale) -> String {
        let questions = QuizContent::load_questions(locale).expect("questions alone load");
        let whole = QuizContent::load(locale).expect("whole quiz loads");
        assert_eq!(
            (&questions.questions, &questions.crisis_if),
            (&whole.questions, &whole.crisis_if),
            "the questions are the same alone"
        );
        // The questions part has every source a question cites, and only those: the others
        // come with the results part, after them.
        let cited: Vec<&String> = questions
            .questions
            .iter()
            .flat_map(|q| &q.sources)
            .collect();
        assert!(questions.sources.iter().all(|s| cited.contains(&&s.id)));
        assert!(cited
            .iter()
            .all(|id| questions.sources.iter().any(|s| &&s.id == id)));
        assert_eq!(
            whole.sources[..questions.sources.len()],
            questions.sources[..]
        );
        assert!(questions.rules.is_empty() && questions.routes.is_empty());
        assert!(questions.provider_questions.is_empty());
        assert!(!whole.rules.is_empty() && !whole.provider_questions.is_empty());
        // The browser's reader of the questions part gives the same.
        let part = raw(locale, Feature::Quiz).expect("questions part");
        assert_eq!(
            crate::content::decode_quiz_questions(part, raw(locale, Feature::Why)).as_ref(),
            Ok(&questions),
            "{locale:?}"
        );
        serde_json::to_string(&questions).expect("serialises")
    }

    /// Each variant reads back from the name serde writes for it.
    fn names_match<T: Decode + serde::Serialize + PartialEq + Debug + Copy>(all: &[T]) {
        for &variant in all {
            let text = serde_json::to_string(&variant).expect("serialises");
            assert_eq!(from_str::<T>(&text), Ok(variant), "{text}");
        }
    }

    #[test]
    fn every_enum_variant_has_serdes_name() {
        use QuestionKind::*;
        names_match(&[Single, Multiple, Number]);
        names_match(&Outcome::ALL);
        names_match(&Verdict::ALL);
        names_match(&Strength::ALL);
        names_match(&[ChartKind::Compare, ChartKind::BeforeAfter, ChartKind::Share]);
        names_match(&Route::ALL);
        assert!(from_str::<Route>(r#""IV""#).is_err());
    }

    /// The quiz file with one edit applied to its JSON.
    fn quiz_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut value: serde_json::Value =
            serde_json::from_str(&whole_quiz(Locale::En)).expect("json");
        edit(&mut value);
        value.to_string()
    }

    #[test]
    fn a_missing_required_field_is_named() {
        let text = quiz_with(|v| {
            v["questions"][0]
                .as_object_mut()
                .expect("question")
                .remove("legend");
        });
        let e = from_str::<QuizContent>(&text).unwrap_err();
        assert_eq!(e, "questions[0]: missing field `legend`");

        let text = quiz_with(|v| {
            v["ui"]["outcomes"]
                .as_object_mut()
                .expect("outcomes")
                .remove("review-first");
        });
        let e = from_str::<QuizContent>(&text).unwrap_err();
        assert_eq!(e, "ui.outcomes: missing field `review-first`");
    }

    #[test]
    fn a_wrong_type_or_name_is_named() {
        let text = quiz_with(|v| v["questions"][1]["kind"] = "text".into());
        let e = from_str::<QuizContent>(&text).unwrap_err();
        assert_eq!(e, "questions[1].kind: unknown variant `text`");

        let text = quiz_with(|v| v["route_question"] = 3.into());
        let e = from_str::<QuizContent>(&text).unwrap_err();
        assert_eq!(e, "route_question: expected a string");
    }

    #[test]
    fn a_string_table_reports_its_first_bad_member() {
        let text = raw(Locale::En, Feature::Shell).expect("shell");
        let mut value: serde_json::Value = serde_json::from_str(text).expect("json");
        value["privacy"] = 1.into();
        value.as_object_mut().expect("object").remove("loading");
        value["help"]["call"] = serde_json::Value::Null;
        let e = from_str::<ShellStrings>(&value.to_string()).unwrap_err();
        assert_eq!(e, "privacy: expected a string");
        value["privacy"] = "p".into();
        let e = from_str::<ShellStrings>(&value.to_string()).unwrap_err();
        assert_eq!(e, "missing field `loading`");
        value["loading"] = "l".into();
        let e = from_str::<ShellStrings>(&value.to_string()).unwrap_err();
        assert_eq!(e, "help.call: expected a string");

        let text = quiz_with(|v| {
            v["ui"]["outcomes"]["review-first"]["discuss"] = 2.into();
            v["ui"]["crisis"]["body"] = true.into();
        });
        let e = from_str::<QuizContent>(&text).unwrap_err();
        assert_eq!(e, "ui.outcomes.review-first.discuss: expected a string");
    }

    #[test]
    fn defaults_and_conditions_match_serde() {
        let question = r#"{"id":"q","kind":"number","legend":"L","why":"W","sources":[],
            "shown_if":{"not":{"any":[{"question":"a","is":"x"},
            {"all":[{"question":"b","below":3},{"question":"c","includes_any":["y"]}]}]}}}"#;
        let by_serde: Question = serde_json::from_str(question).expect("serde");
        assert_eq!(from_str::<Question>(question), Ok(by_serde.clone()));
        assert!(by_serde.required);
        assert!(by_serde.choices.is_empty());

        let bar = r#"{"label":"x","value":3}"#;
        let by_serde: Bar = serde_json::from_str(bar).expect("serde");
        assert_eq!(from_str::<Bar>(bar), Ok(by_serde));

        let source = r#"{"id":"s","citation":"c","url":null}"#;
        let by_serde: Source = serde_json::from_str(source).expect("serde");
        assert_eq!(from_str::<Source>(source), Ok(by_serde));
    }
}
