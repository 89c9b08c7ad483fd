//! Every locale says the same things: same content ids and keys, no empty strings, the same
//! `{placeholders}`, and the quiz reaches the same outcome for the same answers.
#![cfg(not(target_arch = "wasm32"))]

use ketamine_guide::content::evidence::numbers_in;
use ketamine_guide::content::{raw, Feature, Locale};
use ketamine_guide::quiz::{assess, Answers, QuizContent};
use serde_json::Value;
use std::collections::BTreeSet;

fn json(locale: Locale, feature: Feature) -> Value {
    let text = raw(locale, feature).unwrap_or_else(|| {
        panic!(
            "content/{}/{}.toml is missing",
            locale.tag(),
            feature.file_stem()
        )
    });
    serde_json::from_str(text).expect("generated content is JSON")
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.insert(after[..end].to_owned());
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

/// Walks two content trees in step and lists every difference a translation must not have.
fn compare(path: &str, a: &Value, b: &Value, problems: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let kx: BTreeSet<_> = x.keys().collect();
            let ky: BTreeSet<_> = y.keys().collect();
            // `lang` marks text left in another language (an English title in Spanish).
            for k in kx
                .symmetric_difference(&ky)
                .filter(|k| k.as_str() != "lang")
            {
                problems.push(format!("{path}.{k}: present in only one locale"));
            }
            for (k, v) in x {
                if let Some(w) = y.get(k) {
                    let p = format!("{path}.{k}");
                    // Ids, references and numbers must match exactly; text must not.
                    let id_key = k == "id"
                        || k.ends_with("_id")
                        || k.ends_with("ids")
                        || [
                            "sources", "topics", "related", "verdict", "strength", "source", "kind",
                        ]
                        .contains(&k.as_str());
                    let id_like = v.is_string()
                        || v.as_array().is_some_and(|a| a.iter().all(Value::is_string));
                    // Under `ui`, keys such as `sources` are headings, not references.
                    let is_id = id_key && id_like && !path.contains(".ui");
                    if is_id && v != w {
                        problems.push(format!("{p}: ids differ ({v} vs {w})"));
                    }
                    compare(&p, v, w, problems);
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                problems.push(format!("{path}: {} items vs {}", x.len(), y.len()));
            }
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                compare(&format!("{path}[{i}]"), v, w, problems);
            }
        }
        (Value::String(x), Value::String(y)) if path.ends_with(".figure") => {
            // A traced figure is the same figure in every language.
            let numbers = |s: &str| -> Vec<String> {
                numbers_in(s)
                    .iter()
                    .map(|&(a, b)| s[a..b].to_owned())
                    .collect()
            };
            if numbers(x) != numbers(y) {
                problems.push(format!("{path}: figures differ ({x:?} vs {y:?})"));
            }
        }
        (Value::String(x), Value::String(y)) => {
            // A deliberately empty English string (e.g. a unit-less number) may stay empty.
            if x.trim().is_empty() != y.trim().is_empty() {
                problems.push(format!("{path}: empty in one locale only"));
            }
            if placeholders(x) != placeholders(y) {
                problems.push(format!("{path}: placeholders differ ({x:?} vs {y:?})"));
            }
        }
        (Value::Number(x), Value::Number(y)) if x != y => {
            problems.push(format!("{path}: numbers differ ({x} vs {y})"));
        }
        (Value::Bool(x), Value::Bool(y)) if x != y => {
            problems.push(format!("{path}: flags differ ({x} vs {y})"));
        }
        (x, y) if std::mem::discriminant(x) != std::mem::discriminant(y) => {
            problems.push(format!("{path}: different kinds of value"));
        }
        _ => {}
    }
}

#[test]
fn every_locale_has_the_same_content_shape_ids_and_placeholders_as_english() {
    let mut problems = Vec::new();
    for &locale in &Locale::ALL[1..] {
        for &feature in Feature::ALL {
            let path = format!("{}/{}", locale.tag(), feature.file_stem());
            compare(
                &path,
                &json(Locale::En, feature),
                &json(locale, feature),
                &mut problems,
            );
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn parity_check_catches_a_missing_key_an_empty_string_and_a_lost_placeholder() {
    let en: Value = serde_json::json!({"a": "Question {n} of {total}", "b": "x", "id": "q1"});
    let es: Value = serde_json::json!({"a": "Pregunta {n}", "b": " ", "id": "p1", "c": "extra"});
    // Four problems: a lost placeholder, an emptied string, a changed id, an extra key.
    let mut problems = Vec::new();
    compare("t", &en, &es, &mut problems);
    assert_eq!(problems.len(), 4, "{problems:?}");
}

#[test]
fn the_quiz_gives_the_same_outcome_and_reasons_in_every_locale() {
    let personas: Value =
        serde_json::from_str(include_str!("../e2e/fixtures/quiz-personas.json")).unwrap();
    let english = QuizContent::load(Locale::En).unwrap();
    for &locale in &Locale::ALL[1..] {
        let other = QuizContent::load(locale).unwrap();
        for persona in personas.as_array().unwrap() {
            let answers: Answers =
                ketamine_guide::content::decode::from_str(&persona["answers"].to_string()).unwrap();
            let a = assess(&english, &answers);
            let b = assess(&other, &answers);
            assert_eq!(a.outcome, b.outcome, "{}", persona["name"]);
            let ids = |x: &ketamine_guide::quiz::Assessment| {
                x.reasons.iter().map(|r| r.id.clone()).collect::<Vec<_>>()
            };
            assert_eq!(ids(&a), ids(&b), "{}", persona["name"]);
            assert_eq!(a.outcome.id(), persona["outcome"].as_str().unwrap());
        }
    }
}
