//! Plain language, measured: every user-facing text of each tool, per language, scored with a
//! published readability formula, against the targets `docs/decision-aid-standards.md` sets and
//! justifies.
//!
//! - English: Flesch-Kincaid grade (the `textstat` crate's published formula and its vowel-group
//!   syllable count). Target: grade 8 or lower for each tool's text as a whole.
//! - Spanish: the Szigriszt-Pazos "perspicuidad" score read on the INFLESZ scale (55 or more is
//!   "normal" for adult readers), with syllables counted here: no crate counts Spanish ones.
//!
//! What is measured is what a person reads: every string of a tool's shipped content except
//! citations, source quotes and places (the sources' own words), links and ids.
#![cfg(not(target_arch = "wasm32"))]

use ketamine_guide::content::{raw, Feature, Locale};
use serde_json::Value;

/// Highest Flesch-Kincaid grade for a tool's English text.
const ENGLISH_GRADE_MAX: f64 = 8.0;
/// Lowest INFLESZ (Szigriszt-Pazos) score for a tool's Spanish text.
const SPANISH_INFLESZ_MIN: f64 = 55.0;

/// Texts shorter than this are labels and buttons, which would make any tool look easy: they
/// are left out, so the score measures the sentences people read.
const MIN_WORDS: usize = 6;

/// Keys whose strings are not our prose: the sources' own words and places, links, ids and
/// machine values.
const NOT_PROSE: [&str; 14] = [
    "id",
    "url",
    "citation",
    "says",
    "place",
    "kind",
    "kind_label",
    "read",
    "lang",
    "icon",
    "question",
    "effect",
    "decimal_separator",
    "figure",
];

fn prose(v: &Value, key: &str, out: &mut Vec<String>) {
    match v {
        Value::String(s) if !NOT_PROSE.contains(&key) && !key.ends_with("_id") => {
            // Template placeholders read as one short word.
            let text = s.replace(['{', '}'], "");
            if text.chars().any(char::is_alphabetic) {
                out.push(text);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| prose(i, key, out)),
        Value::Object(members) => {
            for (k, v) in members {
                if !(NOT_PROSE.contains(&k.as_str()) || k == "when" || k == "shown_if") {
                    prose(v, k, out);
                }
            }
        }
        _ => {}
    }
}

/// The tool's text as sentences: each string ends a sentence (labels and headings have no full
/// stop of their own).
fn tool_text(locale: Locale, features: &[Feature]) -> String {
    let mut strings = Vec::new();
    for &f in features {
        let json: Value = serde_json::from_str(raw(locale, f).expect("content")).expect("JSON");
        prose(&json, "", &mut strings);
    }
    strings
        .iter()
        .filter(|s| words(s).len() >= MIN_WORDS)
        .map(|s| {
            let s = s.trim();
            if s.ends_with(['.', '!', '?', ':', '…']) {
                s.to_owned()
            } else {
                format!("{s}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each tool and the shipped parts of its text: the self-check's questions, its "Why we ask"
/// and description of the decision (fetched after the first view) and its result; the messages
/// an embed's attributes can raise, which the site's visitors may see too.
const TOOLS: [(&str, &[Feature]); 7] = [
    ("shell", &[Feature::Shell]),
    (
        "self-check",
        &[Feature::Quiz, Feature::Why, Feature::Results],
    ),
    ("explorer", &[Feature::Myths]),
    ("estimator", &[Feature::Cost]),
    ("options", &[Feature::Options]),
    ("about", &[Feature::About]),
    ("embed messages", &[Feature::Embed]),
];

/// Words of a text: runs of letters (digits and signs are not words to a reader's eye).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect()
}

fn sentences(text: &str) -> usize {
    text.split(['.', '!', '?', ':', '…'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1)
}

/// Spanish syllables: one per vowel nucleus. Two strong vowels (a, e, o, or an accented i or u)
/// side by side are two syllables (hiatus); a weak vowel (i, u, ü) joins its neighbour
/// (diphthong). The u of "que", "qui", "gue", "gui" is silent; a final y after a vowel ("hoy")
/// belongs to that vowel's syllable.
fn spanish_syllables(word: &str) -> usize {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    let strong = |c: char| "aeoáéóíú".contains(c);
    let weak = |c: char| "iuü".contains(c);
    let mut count = 0;
    let mut prev: Option<char> = None;
    for (i, &c) in w.iter().enumerate() {
        let silent_u = c == 'u'
            && i > 0
            && matches!(w[i - 1], 'q' | 'g')
            && w.get(i + 1).is_some_and(|n| "eiéí".contains(*n));
        let vowel = (strong(c) || weak(c)) && !silent_u;
        if vowel {
            let joins = match prev {
                Some(p) if strong(p) || weak(p) => !(strong(p) && strong(c)),
                _ => false,
            };
            if !joins {
                count += 1;
            }
            prev = Some(c);
        } else {
            prev = if silent_u { prev } else { None };
        }
    }
    count.max(1)
}

/// INFLESZ: the Szigriszt-Pazos score, 206.835 − 62.3 × syllables per word − words per sentence.
fn inflesz(text: &str) -> f64 {
    let ws = words(text);
    let syllables: usize = ws.iter().map(|w| spanish_syllables(w)).sum();
    let (w, s) = (ws.len().max(1) as f64, sentences(text) as f64);
    206.835 - 62.3 * (syllables as f64 / w) - w / s
}

/// Flesch-Kincaid grade over our word and sentence split, with `textstat`'s syllable count.
fn english_grade(text: &str) -> f64 {
    let ws = words(text);
    let syllables: usize = ws.iter().map(|w| textstat::syllable_count(w)).sum();
    let (w, s) = (ws.len().max(1) as f64, sentences(text) as f64);
    0.39 * (w / s) + 11.8 * (syllables as f64 / w) - 15.59
}

#[test]
fn spanish_syllables_follow_diphthongs_hiatus_and_silent_u() {
    for (word, n) in [
        ("ketamina", 4),
        ("tratamiento", 4),
        ("día", 2),
        ("que", 1),
        ("guía", 2),
        ("hoy", 1),
        ("evidencia", 4),
        ("pingüino", 3),
        ("leer", 2),
        ("presión", 2),
    ] {
        assert_eq!(spanish_syllables(word), n, "{word}");
    }
}

#[test]
fn the_measures_rank_plain_text_above_dense_text() {
    let plain = "The cat sat. It was warm. We ate.";
    let dense = "Pharmacological augmentation necessitates individualized consideration of contraindications.";
    assert!(english_grade(plain) < english_grade(dense));
    let fácil = "El gato comió. Hace sol. Vamos a casa.";
    let difícil =
        "La farmacodinamia antidepresiva necesita individualización terapéutica considerablemente.";
    assert!(inflesz(fácil) > inflesz(difícil));
}

#[test]
fn every_tool_reads_at_the_target_level_in_every_language() {
    let mut report = Vec::new();
    let mut problems = Vec::new();
    for (tool, features) in TOOLS {
        let en = english_grade(&tool_text(Locale::En, features));
        let es = inflesz(&tool_text(Locale::Es, features));
        report.push(format!(
            "{tool}: English grade {en:.1}, Spanish INFLESZ {es:.1}"
        ));
        if en > ENGLISH_GRADE_MAX {
            problems.push(format!(
                "{tool}: English grade {en:.1} is above {ENGLISH_GRADE_MAX}"
            ));
        }
        if es < SPANISH_INFLESZ_MIN {
            problems.push(format!(
                "{tool}: Spanish INFLESZ {es:.1} is below {SPANISH_INFLESZ_MIN}"
            ));
        }
    }
    eprintln!("readability: {}", report.join("; "));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
