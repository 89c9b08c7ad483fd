#![cfg(not(target_arch = "wasm32"))]
//! The quiz engine against the real English content: each criterion drives the outcome it
//! should, named personas end where they should (and match the e2e fixture), and properties
//! hold for any answers.

use ketamine_guide::content::decode::from_str;
use ketamine_guide::content::encode::to_string;
use ketamine_guide::content::shell::{HelpText, ShellText};
use ketamine_guide::content::{Feature, Locale};
use ketamine_guide::quiz::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

mod answers;

fn content() -> &'static QuizContent {
    static C: OnceLock<QuizContent> = OnceLock::new();
    C.get_or_init(|| QuizContent::load(Locale::En).expect("quiz content loads"))
}

/// The crisis contacts, from the shell's text.
fn help() -> &'static HelpText {
    static H: OnceLock<HelpText> = OnceLock::new();
    H.get_or_init(|| ShellText::load(Locale::En).expect("shell loads").help)
}

/// The provider summary of an assessment, dated 2025-05-01, with no values step answered.
fn summary(a: &Assessment) -> String {
    summary_text(
        content(),
        a,
        help(),
        "2025-05-01",
        &ValuesSection::default(),
    )
}

fn n(v: u32) -> Answer {
    Answer::Number(v)
}

/// A 40-year-old with depression after three antidepressants and nothing else of note.
fn baseline() -> Answers {
    Answers::new()
        .with("age", n(40))
        .with("pregnancy", choices(&["none"]))
        .with("conditions", choices(&["depression"]))
        .with("antidepressants", n(3))
        .with("self_harm", choice("no"))
        .with("psychosis", choice("no"))
        .with("bipolar", choice("no"))
        .with("personality", choice("no"))
        .with("substance", choice("no"))
        .with("blood_pressure", choice("no"))
        .with("heart", choice("no"))
        .with("brain_vessels", choice("no"))
        .with("brain_eye", choices(&["none"]))
        .with("breathing", choice("no"))
        .with("ketamine_reaction", choice("no"))
        .with("medicines", choices(&["none"]))
        .with("route", choice("clinic-iv-im"))
}

fn with(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .fold(baseline(), |a, (q, v)| a.with(q, v.clone()))
}

/// Asserts the outcome and that `rule` is among the reasons that decided it.
fn decides(answers: &Answers, outcome: Outcome, rule: &str) -> Assessment {
    let a = assess(content(), answers);
    assert_eq!(a.outcome, outcome, "reasons: {:?}", a.deciding_ids());
    assert!(
        a.deciding_ids().contains(&rule),
        "{rule} not in {:?}",
        a.deciding_ids()
    );
    a
}

#[test]
fn baseline_treatment_resistant_depression_is_worth_discussing() {
    let a = decides(
        &baseline(),
        Outcome::WorthDiscussing,
        "treatment-resistant-depression",
    );
    assert_eq!(a.deciding_ids(), ["treatment-resistant-depression"]);
    assert!(!a.crisis);
}

// --- hard stops ------------------------------------------------------------------------------
#[test]
fn under_18_is_a_hard_stop() {
    decides(&with(&[("age", n(17))]), Outcome::NotSuitable, "under-18");
    decides(
        &with(&[("age", n(18))]),
        Outcome::WorthDiscussing,
        "treatment-resistant-depression",
    );
}
#[test]
fn pregnancy_is_a_hard_stop() {
    decides(
        &with(&[("pregnancy", choices(&["pregnant"]))]),
        Outcome::NotSuitable,
        "pregnant",
    );
}
#[test]
fn breastfeeding_is_a_hard_stop() {
    decides(
        &with(&[("pregnancy", choices(&["breastfeeding"]))]),
        Outcome::NotSuitable,
        "breastfeeding",
    );
}
#[test]
fn psychosis_is_a_hard_stop() {
    decides(
        &with(&[("psychosis", choice("yes"))]),
        Outcome::NotSuitable,
        "psychosis",
    );
}
#[test]
fn bipolar_without_mood_stabilisation_is_a_hard_stop() {
    decides(
        &with(&[("bipolar", choice("bipolar-unstable"))]),
        Outcome::NotSuitable,
        "bipolar-unstable",
    );
}
#[test]
fn active_substance_use_is_a_hard_stop() {
    decides(
        &with(&[("substance", choice("active"))]),
        Outcome::NotSuitable,
        "substance-active",
    );
}
#[test]
fn uncontrolled_high_blood_pressure_is_a_hard_stop() {
    decides(
        &with(&[("blood_pressure", choice("uncontrolled"))]),
        Outcome::NotSuitable,
        "bp-uncontrolled",
    );
}
#[test]
fn unstable_heart_disease_is_a_hard_stop() {
    decides(
        &with(&[("heart", choice("unstable"))]),
        Outcome::NotSuitable,
        "heart-unstable",
    );
}
#[test]
fn aneurysm_avm_or_brain_bleed_is_a_hard_stop() {
    decides(
        &with(&[("brain_vessels", choice("yes"))]),
        Outcome::NotSuitable,
        "brain-vessels",
    );
}
#[test]
fn raised_intracranial_pressure_is_a_hard_stop() {
    decides(
        &with(&[("brain_eye", choices(&["raised-icp"]))]),
        Outcome::NotSuitable,
        "raised-icp",
    );
}
#[test]
fn severe_breathing_problem_or_untreated_sleep_apnea_is_a_hard_stop() {
    decides(
        &with(&[("breathing", choice("severe"))]),
        Outcome::NotSuitable,
        "breathing-severe",
    );
}
#[test]
fn past_reaction_to_ketamine_is_a_hard_stop() {
    decides(
        &with(&[("ketamine_reaction", choice("yes"))]),
        Outcome::NotSuitable,
        "ketamine-reaction",
    );
}
#[test]
fn a_hard_stop_outweighs_every_review_item_and_lists_them_too() {
    let a = decides(
        &with(&[
            ("psychosis", choice("yes")),
            ("medicines", choices(&["lamotrigine"])),
        ]),
        Outcome::NotSuitable,
        "psychosis",
    );
    assert_eq!(
        a.others().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["lamotrigine", "treatment-resistant-depression"]
    );
}

// --- review first ----------------------------------------------------------------------------
#[test]
fn each_interacting_medicine_needs_review_first() {
    for (choice_id, rule) in [
        ("benzodiazepines", "benzodiazepines"),
        ("z-drugs", "z-drugs"),
        ("lamotrigine", "lamotrigine"),
        ("memantine", "memantine"),
        ("other-nmda", "other-nmda"),
        ("not-sure", "medicines-unsure"),
    ] {
        decides(
            &with(&[("medicines", choices(&[choice_id]))]),
            Outcome::ReviewFirst,
            rule,
        );
    }
}
#[test]
fn controlled_or_unsure_health_history_needs_review_first() {
    for (q, c, rule) in [
        ("bipolar", "bipolar-stable", "bipolar-stable"),
        ("bipolar", "mania", "mania-history"),
        ("heart", "stable", "heart-stable"),
        ("breathing", "controlled", "breathing-controlled"),
        ("blood_pressure", "controlled", "bp-controlled"),
        ("substance", "history", "substance-history"),
        ("personality", "yes", "personality-disorder"),
        ("psychosis", "past", "psychosis-past"),
        ("psychosis", "not-sure", "psychosis-unsure"),
        ("brain_vessels", "not-sure", "brain-vessels-unsure"),
        ("ketamine_reaction", "not-sure", "ketamine-reaction-unsure"),
    ] {
        decides(&with(&[(q, choice(c))]), Outcome::ReviewFirst, rule);
    }
    for (c, rule) in [("glaucoma", "glaucoma"), ("seizures", "recent-seizures")] {
        decides(
            &with(&[("brain_eye", choices(&[c]))]),
            Outcome::ReviewFirst,
            rule,
        );
    }
    decides(
        &with(&[("pregnancy", choices(&["trying"]))]),
        Outcome::ReviewFirst,
        "trying-to-conceive",
    );
}
#[test]
fn a_reading_at_the_crisis_threshold_says_to_contact_a_doctor_whatever_is_decided() {
    // The American Heart Association's hypertensive-crisis threshold: 180/120 or higher, either
    // number. The reason says what to do now (recheck, call 911 with symptoms) with its source.
    for (q, value, rule) in [
        ("bp_systolic", 180, "bp-crisis-systolic"),
        ("bp_systolic", 240, "bp-crisis-systolic"),
        ("bp_diastolic", 120, "bp-crisis-diastolic"),
    ] {
        let a = decides(&with(&[(q, n(value))]), Outcome::ReviewFirst, rule);
        let r = a.reasons.iter().find(|r| r.id == rule).unwrap();
        assert_eq!(r.question_id, q);
        for said in [
            "180/120",
            "contact a doctor",
            "911",
            "chest pain",
            "Whatever you decide",
        ] {
            assert!(r.why.contains(said), "{said} missing from: {}", r.why);
        }
        assert!(r.sources.iter().any(|s| s.id == "aha-hypertensive-crisis"));
    }
    // Also raised when another answer already rules ketamine out.
    let stopped = decides(
        &with(&[("bp_systolic", n(190)), ("psychosis", choice("yes"))]),
        Outcome::NotSuitable,
        "psychosis",
    );
    assert!(stopped.others().any(|r| r.id == "bp-crisis-systolic"));
    let below = assess(
        content(),
        &with(&[("bp_systolic", n(179)), ("bp_diastolic", n(119))]),
    );
    assert!(below.reasons.iter().all(|r| !r.id.starts_with("bp-crisis")));
}
#[test]
fn the_lamotrigine_reason_says_its_effect_on_the_benefit_is_not_known() {
    let a = decides(
        &with(&[("medicines", choices(&["lamotrigine"]))]),
        Outcome::ReviewFirst,
        "lamotrigine",
    );
    let why = &a.deciding().next().unwrap().why;
    assert!(why.contains("not known"), "{why}");
    assert!(!why.contains("weaken"), "{why}");
}
#[test]
fn a_reading_above_140_over_90_leaves_the_dose_to_the_prescribers_judgment() {
    let high_top = decides(
        &with(&[("bp_systolic", n(150))]),
        Outcome::ReviewFirst,
        "bp-reading-systolic-high",
    );
    assert!(high_top.deciding().any(|r| r.answer.contains("150")
        && r.why.contains("140/90")
        && r.why.contains("may delay")
        && !r.why.contains("usually")));
    decides(
        &with(&[("bp_diastolic", n(95))]),
        Outcome::ReviewFirst,
        "bp-reading-diastolic-high",
    );
    let at_limit = with(&[("bp_systolic", n(140)), ("bp_diastolic", n(90))]);
    assert_eq!(
        assess(content(), &at_limit).outcome,
        Outcome::WorthDiscussing
    );
}
#[test]
fn esketamine_for_something_other_than_depression_needs_review_first() {
    let a = with(&[
        ("conditions", choices(&["ptsd"])),
        ("first_line", choice("yes")),
        ("route", choice("esketamine")),
    ]);
    decides(&a, Outcome::ReviewFirst, "esketamine-without-depression");
}

// --- other options first, and evidence ---------------------------------------------------------
#[test]
fn fewer_than_two_antidepressants_means_other_options_first() {
    for count in [0, 1] {
        decides(
            &with(&[("antidepressants", n(count))]),
            Outcome::OtherOptionsFirst,
            "depression-few-antidepressants",
        );
    }
    decides(
        &with(&[("antidepressants", n(2))]),
        Outcome::WorthDiscussing,
        "treatment-resistant-depression",
    );
}
#[test]
fn insomnia_without_a_mood_disorder_points_to_cbti_and_orexin_antagonists() {
    let a = decides(
        &with(&[
            ("conditions", choices(&["insomnia"])),
            ("cbti", choice("yes")),
        ]),
        Outcome::OtherOptionsFirst,
        "insomnia-without-mood",
    );
    let why = &a.deciding().next().unwrap().why;
    // Only the orexin receptor antagonists the cited guidelines name (Sateia 2017: suvorexant;
    // Riemann 2023: daridorexant).
    for drug in ["CBT-I", "daridorexant", "suvorexant"] {
        assert!(why.contains(drug), "{drug} missing from: {why}");
    }
}
#[test]
fn insomnia_alongside_resistant_depression_is_worth_discussing_with_cbti_still_raised() {
    let a = decides(
        &with(&[
            ("conditions", choices(&["depression", "insomnia"])),
            ("cbti", choice("no")),
        ]),
        Outcome::WorthDiscussing,
        "treatment-resistant-depression",
    );
    assert!(a.others().any(|r| r.id == "insomnia-no-cbti"));
}
#[test]
fn anxiety_ptsd_ocd_and_pain_are_worth_discussing_only_after_first_line_treatment() {
    for (cond, rule) in [
        ("anxiety", "anxiety-after-first-line"),
        ("ptsd", "ptsd-after-first-line"),
        ("ocd", "ocd-after-first-line"),
        ("chronic-pain", "chronic-pain-after-first-line"),
    ] {
        let tried = with(&[
            ("conditions", choices(&[cond])),
            ("first_line", choice("yes")),
        ]);
        let a = decides(&tried, Outcome::WorthDiscussing, rule);
        // Where trials disagree, the reason cites both sides.
        if cond == "ptsd" {
            let r = a.deciding().next().unwrap();
            for id in ["feder-2021", "abdallah-2022"] {
                assert!(r.sources.iter().any(|s| s.id == id), "{id}");
            }
        }
        let not_yet = with(&[
            ("conditions", choices(&[cond])),
            ("first_line", choice("no")),
        ]);
        decides(&not_yet, Outcome::OtherOptionsFirst, "first-line-not-tried");
    }
}
#[test]
fn no_listed_condition_gets_the_fallback_reason() {
    decides(
        &with(&[("conditions", choices(&["none"]))]),
        Outcome::OtherOptionsFirst,
        "no-evidence-backed-condition",
    );
}

// --- branching, crisis, routes, summary ---------------------------------------------------------
#[test]
fn follow_up_questions_are_asked_only_when_they_matter() {
    let ids = |a: &Answers| -> Vec<String> {
        visible_questions(content(), a)
            .iter()
            .map(|q| q.id.clone())
            .collect()
    };
    let plain = with(&[("conditions", choices(&["anxiety"]))]);
    assert!(!ids(&plain).contains(&"antidepressants".into()));
    assert!(!ids(&plain).contains(&"cbti".into()));
    assert!(ids(&plain).contains(&"first_line".into()));
    let sleep = with(&[("conditions", choices(&["insomnia", "depression"]))]);
    assert!(
        ids(&sleep).contains(&"cbti".into()) && ids(&sleep).contains(&"antidepressants".into())
    );
}
#[test]
fn answers_to_hidden_questions_are_ignored() {
    let a = with(&[
        ("conditions", choices(&["anxiety"])),
        ("first_line", choice("yes")),
        ("antidepressants", n(0)),
    ]);
    decides(&a, Outcome::WorthDiscussing, "anxiety-after-first-line");
    assert_eq!(prune(content(), &a).get("antidepressants"), None);
}
#[test]
fn thoughts_of_self_harm_raise_crisis_help_and_a_provider_must_weigh_them_first() {
    for c in ["yes", "not-sure"] {
        let answers = with(&[("self_harm", choice(c))]);
        let a = decides(&answers, Outcome::ReviewFirst, "self-harm");
        assert!(a.crisis);
        assert!(needs_crisis_help(content(), &answers));
        let r = a.reasons.iter().find(|r| r.id == "self-harm").unwrap();
        assert_eq!(r.question_id, "self_harm");
        assert!(r.why.contains("suicidal thoughts"), "{}", r.why);
        assert!(r.sources.iter().any(|s| s.id == "spravato-label"));
        // The evidence for is still listed, as an answer to raise with a provider.
        assert_eq!(
            a.others().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["treatment-resistant-depression"]
        );
    }
    let calm = assess(content(), &baseline());
    assert!(!calm.crisis && calm.reasons.iter().all(|r| r.id != "self-harm"));
    for locale in Locale::ALL {
        let h = ShellText::load(*locale).unwrap().help;
        assert!(h.call.contains("988") && h.text.contains("988"), "{h:?}");
        assert!(h.text_href.starts_with("sms:988"), "{}", h.text_href);
        assert!(h.chat_href.starts_with("https://988"), "{}", h.chat_href);
        assert!(h.emergency.contains("911") && h.danger.contains("911"));
    }
    let es = ShellText::load(Locale::Es).unwrap().help;
    assert!(
        es.call.contains("marque 2"),
        "the Spanish option is named: {}",
        es.call
    );
    assert!(es.text.contains("AYUDA") && es.text_href.contains("AYUDA"));
    assert_eq!(es.chat_href, "https://988lineadevida.org");
}
#[test]
fn thoughts_of_self_harm_are_listed_under_a_hard_stop_too() {
    let a = decides(
        &with(&[
            ("brain_vessels", choice("yes")),
            ("self_harm", choice("not-sure")),
        ]),
        Outcome::NotSuitable,
        "brain-vessels",
    );
    assert_eq!(
        a.others().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["self-harm", "treatment-resistant-depression"]
    );
}
#[test]
fn the_worth_discussing_text_never_says_nothing_stands_against_it() {
    // Other answers (insomnia without CBT-I, say) can be listed beside this outcome, so its
    // text must not claim that nothing was found against ketamine.
    let a = assess(
        content(),
        &with(&[
            ("conditions", choices(&["depression", "insomnia"])),
            ("cbti", choice("no")),
        ]),
    );
    assert_eq!(a.outcome, Outcome::WorthDiscussing);
    assert!(a.others().next().is_some());
    for locale in Locale::ALL {
        let c = QuizContent::load(*locale).unwrap();
        let text =
            c.ui.outcomes
                .get(Outcome::WorthDiscussing)
                .explanation
                .to_lowercase();
        for claim in ["nothing you told us", "nada de lo que nos dijo"] {
            assert!(!text.contains(claim), "{}: {text}", locale.tag());
        }
    }
}
#[test]
fn route_notes_follow_the_route_and_show_all_when_unsure() {
    let ids = |r: &str| -> Vec<String> {
        assess(content(), &with(&[("route", choice(r))]))
            .route_notes
            .into_iter()
            .map(|n| n.id)
            .collect()
    };
    assert_eq!(ids("esketamine"), ["esketamine"]);
    assert_eq!(ids("not-sure").len(), content().routes.len());
    let esk = &content()
        .routes
        .iter()
        .find(|r| r.id == "esketamine")
        .unwrap()
        .notes
        .join(" ");
    assert!(esk.contains("2 hours") && esk.contains("next day"), "{esk}");
}
#[test]
fn the_summary_carries_date_outcome_reasons_sources_routes_and_disclaimer() {
    let answers = with(&[
        ("medicines", choices(&["lamotrigine"])),
        ("self_harm", choice("yes")),
    ]);
    let a = assess(content(), &answers);
    let text = summary(&a);
    let ui = &content().ui;
    assert!(text.contains("2025-05-01"));
    assert!(text.contains(&ui.outcomes.review_first.heading));
    for r in &a.reasons {
        assert!(text.contains(&r.why), "missing {}", r.id);
        assert!(r.sources.iter().all(|s| text.contains(&s.citation)));
    }
    assert!(a
        .route_notes
        .iter()
        .flat_map(|r| &r.notes)
        .all(|n| text.contains(n.as_str())));
    assert!(a
        .provider_questions
        .iter()
        .all(|q| text.contains(q.as_str())));
    assert!(text.contains(&ui.disclaimer) && text.contains("988"));
    let calm = summary(&assess(content(), &baseline()));
    assert!(
        !calm.contains(&ui.summary.crisis_heading),
        "crisis help only when it was shown"
    );
}
#[test]
fn the_summary_puts_crisis_help_first_as_the_screen_does() {
    let a = assess(content(), &with(&[("self_harm", choice("yes"))]));
    let ui = &content().ui;
    let text = summary(&a);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing"));
    let crisis = at(&ui.summary.crisis_heading);
    assert!(crisis < at(&ui.summary.outcome_heading));
    assert!(crisis < at(&ui.deciding_heading));
    assert!(crisis < at(&ui.provider_questions_heading));
    assert!(at("988") < at(&ui.summary.outcome_heading));
}
#[test]
fn the_summary_lists_every_answer_given_no_answers_included_deciding_ones_first() {
    let answers = with(&[
        ("medicines", choices(&["lamotrigine"])),
        ("personality", choice("yes")),
    ]);
    let a = assess(content(), &answers);
    assert_eq!(a.outcome, Outcome::ReviewFirst);
    let shown = visible_questions(content(), &prune(content(), &answers));
    assert_eq!(a.answers.len(), shown.len(), "one line per question asked");
    // The deciding answers lead, then the rest in the order asked.
    let deciding: Vec<&str> = a.deciding().map(|r| r.question_id.as_str()).collect();
    let lead: Vec<&str> = a
        .answers
        .iter()
        .take_while(|l| l.effect == Some(a.outcome))
        .map(|l| l.question_id.as_str())
        .collect();
    assert_eq!(lead, ["personality", "medicines"]);
    assert!(lead.iter().all(|q| deciding.contains(q)));
    let rest: Vec<&str> = a.answers[lead.len()..]
        .iter()
        .filter(|l| l.effect.is_none())
        .map(|l| l.question_id.as_str())
        .collect();
    let asked: Vec<&str> = shown
        .iter()
        .map(|q| q.id.as_str())
        .filter(|q| rest.contains(q))
        .collect();
    assert_eq!(rest, asked, "the others in the order asked");
    let line = |q: &str| a.answers.iter().find(|l| l.question_id == q).unwrap();
    assert_eq!(line("psychosis").answer, "No", "a no answer is listed too");
    assert_eq!(line("age").answer, "40 years");
    // And the file has every line, with its tag.
    let text = summary(&a);
    for l in &a.answers {
        assert!(
            text.contains(&format!("- {} — {}", l.question, l.answer)),
            "{l:?}"
        );
    }
    let ui = &content().ui;
    assert!(text.contains(&format!("({})", ui.summary.deciding_tag)));
    assert!(text.contains(&ui.summary.answers_heading));
}

#[test]
fn a_follow_up_question_names_only_the_conditions_picked() {
    for (locale, picked, words, absent) in [
        (
            Locale::En,
            &["anxiety"][..],
            "For your anxiety, have",
            &["PTSD", "OCD", "pain"][..],
        ),
        (
            Locale::En,
            &["anxiety", "ocd", "chronic-pain"],
            "For your anxiety, OCD or pain,",
            &["PTSD"],
        ),
        (
            Locale::En,
            &["depression", "ptsd"],
            "For your PTSD,",
            &["anxiety", "depression"],
        ),
        (
            Locale::Es,
            &["anxiety"],
            "Para su ansiedad, ¿ya",
            &["TEPT", "TOC", "dolor"],
        ),
        (
            Locale::Es,
            &["ptsd", "chronic-pain"],
            "Para su TEPT o dolor,",
            &["ansiedad", "TOC"],
        ),
    ] {
        let c = QuizContent::load(locale).unwrap();
        let q = c.question("first_line").unwrap();
        let answers = Answers::new().with("conditions", choices(picked));
        let text = legend(&c, q, &answers);
        assert!(text.contains(words), "{text}");
        assert!(absent.iter().all(|w| !text.contains(w)), "{text}");
        assert!(!text.contains('{'), "{text}");
        // The review and the result quote the question the same way.
        let r = assess(&c, &answers.clone().with("first_line", choice("no")));
        let line = r
            .answers
            .iter()
            .find(|l| l.question_id == "first_line")
            .unwrap();
        assert_eq!(line.question, text);
    }
}

#[test]
fn an_answer_quoted_by_two_rules_is_shown_once_with_both_reasons() {
    let a = assess(
        content(),
        &with(&[("medicines", choices(&["benzodiazepines", "lamotrigine"]))]),
    );
    assert_eq!(a.deciding_ids(), ["benzodiazepines", "lamotrigine"]);
    let groups = group_by_answer(content(), a.deciding());
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].question_id, "medicines");
    let ids: Vec<&str> = groups[0].reasons.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["benzodiazepines", "lamotrigine"]);
    let text = summary(&a);
    assert_eq!(text.matches(groups[0].answer.as_str()).count(), 1, "{text}");
    for r in &groups[0].reasons {
        assert!(text.contains(&r.why), "missing {}", r.id);
    }
    // Different answers stay apart, in the order they first appear.
    let two = assess(
        content(),
        &with(&[
            ("medicines", choices(&["lamotrigine", "memantine"])),
            ("personality", choice("yes")),
        ]),
    );
    let groups = group_by_answer(content(), two.deciding());
    let qs: Vec<&str> = groups.iter().map(|g| g.question_id).collect();
    assert_eq!(qs, ["personality", "medicines"]);
    assert_eq!(groups[1].reasons.len(), 2);
}
#[test]
fn no_outcome_text_claims_eligibility() {
    // Every text under `ui`, in both shipped parts of the file.
    let ui = |feature| {
        let text = ketamine_guide::content::raw(Locale::En, feature).expect("quiz file");
        serde_json::from_str::<Value>(text).unwrap()["ui"].to_string()
    };
    let texts = (ui(Feature::Quiz) + &ui(Feature::Results)).to_lowercase();
    for banned in ["you are eligible", "you qualify", "you're eligible"] {
        assert!(!texts.contains(banned), "{banned}");
    }
    for o in Outcome::ALL {
        assert!(
            content().ui.outcomes.get(o).discuss.contains("provider"),
            "{}",
            o.id()
        );
    }
}

// --- content integrity -----------------------------------------------------------------------
#[test]
fn content_has_no_broken_reference_and_every_item_cites_a_real_source() {
    let c = content();
    assert_eq!(c.validate(), Vec::<String>::new());
    let cited = c
        .questions
        .iter()
        .map(|q| &q.sources)
        .chain(c.rules.iter().map(|r| &r.sources));
    for list in cited {
        assert!(!list.is_empty() && list.iter().all(|s| c.source(s).is_some()));
    }
}
#[test]
#[rustfmt::skip]
fn every_criterion_of_the_issue_has_a_question() {
    let c = content();
    let has = |q: &str, ch: &str| c.question(q).is_some_and(|q| ch.is_empty() || q.choice(ch).is_some());
    for (q, ch) in [
        ("age", ""), ("pregnancy", "pregnant"), ("pregnancy", "breastfeeding"), ("pregnancy", "trying"),
        ("psychosis", "yes"), ("bipolar", "mania"), ("substance", "active"), ("substance", "history"),
        ("blood_pressure", "uncontrolled"), ("bp_systolic", ""), ("bp_diastolic", ""), ("heart", "unstable"),
        ("brain_vessels", "yes"), ("breathing", "severe"), ("brain_eye", "raised-icp"),
        ("brain_eye", "glaucoma"), ("brain_eye", "seizures"), ("ketamine_reaction", "yes"),
        ("medicines", "benzodiazepines"), ("medicines", "z-drugs"), ("medicines", "lamotrigine"),
        ("medicines", "memantine"), ("medicines", "other-nmda"), ("medicines", "none"),
        ("conditions", "depression"), ("conditions", "anxiety"), ("conditions", "ptsd"),
        ("conditions", "ocd"), ("conditions", "chronic-pain"), ("conditions", "insomnia"),
        ("antidepressants", ""), ("cbti", "yes"), ("self_harm", "not-sure"),
        ("route", "clinic-iv-im"), ("route", "esketamine"), ("route", "at-home-oral"), ("route", "not-sure"),
    ] {
        assert!(has(q, ch), "{q}/{ch}");
    }
}

#[test]
fn outcome_ids_serialise_and_order_strongest_first() {
    for o in Outcome::ALL {
        assert_eq!(to_string(&o), format!("\"{}\"", o.id()));
        assert_eq!(from_str::<Outcome>(&to_string(&o)), Ok(o));
        assert_eq!(Outcome::from_id(o.id()), Some(o));
    }
    assert!(Outcome::NotSuitable.is_stronger_than(Outcome::ReviewFirst));
    assert!(Outcome::OtherOptionsFirst.is_stronger_than(Outcome::WorthDiscussing));
}

// --- personas (also written to e2e/fixtures/quiz-personas.json for the browser tests) --------
struct Persona {
    name: &'static str,
    answers: Answers,
    outcome: Outcome,
    reasons: &'static [&'static str],
    /// The other answers to raise with a provider (`data-other-reason`), in order.
    others: &'static [&'static str],
    crisis: bool,
}

#[rustfmt::skip]
fn personas() -> Vec<Persona> {
    let p = |name, answers, outcome, reasons, others, crisis| Persona { name, answers, outcome, reasons, others, crisis };
    use Outcome::*;
    const TRD: &[&str] = &["treatment-resistant-depression"];
    vec![
        p("40-year-old with depression after 3 antidepressants, nothing else", baseline(), WorthDiscussing, &["treatment-resistant-depression"], &[], false),
        p("Pregnant, depression after 3 antidepressants", with(&[("pregnancy", choices(&["pregnant"]))]), NotSuitable, &["pregnant"], TRD, false),
        p("Takes lamotrigine, depression after 3 antidepressants", with(&[("medicines", choices(&["lamotrigine"]))]), ReviewFirst, &["lamotrigine"], TRD, false),
        p("Insomnia only, CBT-I done", with(&[("conditions", choices(&["insomnia"])), ("cbti", choice("yes"))]), OtherOptionsFirst, &["insomnia-without-mood"], &[], false),
        p("17-year-old with depression", with(&[("age", n(17))]), NotSuitable, &["under-18"], TRD, false),
        p("Bipolar disorder, steady on a mood stabilizer", with(&[("bipolar", choice("bipolar-stable"))]), ReviewFirst, &["bipolar-stable"], TRD, false),
        p("Active substance use", with(&[("substance", choice("active"))]), NotSuitable, &["substance-active"], TRD, false),
        p("Thoughts of self-harm, depression after 3 antidepressants", with(&[("self_harm", choice("yes"))]), ReviewFirst, &["self-harm"], TRD, true),
        p("Depression after 1 antidepressant, thinking of esketamine", with(&[("antidepressants", n(1)), ("route", choice("esketamine"))]), OtherOptionsFirst, &["depression-few-antidepressants"], &[], false),
        p("Last reading 150/95, otherwise as baseline", with(&[("bp_systolic", n(150)), ("bp_diastolic", n(95))]), ReviewFirst, &["bp-reading-systolic-high", "bp-reading-diastolic-high"], TRD, false),
        p("PTSD after usual treatment, at home", with(&[("conditions", choices(&["ptsd"])), ("first_line", choice("yes")), ("route", choice("at-home-oral"))]), WorthDiscussing, &["ptsd-after-first-line"], &[], false),
        p("Had a brain aneurysm, unsure about self-harm", with(&[("brain_vessels", choice("yes")), ("self_harm", choice("not-sure"))]), NotSuitable, &["brain-vessels"], &["self-harm", "treatment-resistant-depression"], true),
        p("Takes a benzodiazepine and lamotrigine, depression after 3 antidepressants", with(&[("medicines", choices(&["benzodiazepines", "lamotrigine"]))]), ReviewFirst, &["benzodiazepines", "lamotrigine"], TRD, false),
        p("Last reading 185/95, otherwise as baseline", with(&[("bp_systolic", n(185)), ("bp_diastolic", n(95))]), ReviewFirst, &["bp-crisis-systolic", "bp-reading-systolic-high", "bp-reading-diastolic-high"], TRD, false),
        p("Psychosis in the past, not recently, depression after 3 antidepressants", with(&[("psychosis", choice("past"))]), ReviewFirst, &["psychosis-past"], TRD, false),
    ]
}

fn personas_json() -> Value {
    Value::Array(
        personas()
            .iter()
            .map(|p| {
                let answers = to_string(&prune(content(), &p.answers));
                json!({
                    "name": p.name,
                    "answers": serde_json::from_str::<Value>(&answers).unwrap(),
                    "outcome": p.outcome.id(),
                    "reason_ids": p.reasons,
                    "other_reason_ids": p.others,
                    "crisis": p.crisis,
                })
            })
            .collect(),
    )
}

/// Plays answers through the reducer screen by screen, as a person (or the e2e test) would.
fn play(answers: &Answers) -> QuizState {
    let c = content();
    let mut s = QuizState::new(c);
    for _ in 0..=c.questions.len() {
        let Some(screen) = s.current_screen(c) else {
            break;
        };
        for q in screen.questions {
            let id = q.id.clone();
            s = match answers.get(&q.id) {
                Some(Answer::Number(v)) => s.apply(
                    c,
                    Action::Type {
                        question: id,
                        text: v.to_string(),
                    },
                ),
                Some(Answer::Choice(x)) => s.apply(
                    c,
                    Action::Choose {
                        question: id,
                        choice: x.clone(),
                    },
                ),
                Some(Answer::Choices(xs)) => xs.iter().fold(s, |s, x| {
                    s.apply(
                        c,
                        Action::Toggle {
                            question: id.clone(),
                            choice: x.clone(),
                        },
                    )
                }),
                _ => s,
            };
        }
        s = s.apply(c, Action::Next);
    }
    s.apply(c, Action::SeeResult)
}

#[test]
fn personas_reach_their_outcome_through_the_whole_flow() {
    for p in personas() {
        let state = play(&p.answers);
        assert_eq!(state.step, Step::Result, "{}", p.name);
        let a = state.assessment(content()).unwrap();
        assert_eq!(a.outcome, p.outcome, "{}", p.name);
        assert_eq!(a.deciding_ids(), p.reasons, "{}", p.name);
        let others: Vec<&str> = a.others().map(|r| r.id.as_str()).collect();
        assert_eq!(others, p.others, "{}", p.name);
        assert_eq!(a.crisis, p.crisis, "{}", p.name);
        assert_eq!(a, assess(content(), &p.answers), "{}", p.name);
    }
}

#[test]
fn persona_fixture_for_the_browser_tests_matches_the_personas() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/e2e/fixtures/quiz-personas.json"
    );
    let expected = personas_json();
    if std::env::var_os("UPDATE_QUIZ_FIXTURES").is_some() {
        let text = serde_json::to_string_pretty(&expected).unwrap() + "\n";
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let stored: Value = serde_json::from_str(&std::fs::read_to_string(path).expect(
        "fixture exists (regenerate with UPDATE_QUIZ_FIXTURES=1 cargo test --test quiz_engine)",
    ))
    .unwrap();
    assert_eq!(stored, expected);
    assert!(expected.as_array().unwrap().len() >= 8);
}

// --- properties ------------------------------------------------------------------------------
fn any_answers() -> impl Strategy<Value = Answers> {
    answers::any_answers(content(), true)
}

fn add_choice(a: &Answers, q: &str, c: &str) -> Answers {
    let mut list: Vec<&str> = a
        .choices(q)
        .iter()
        .map(String::as_str)
        .filter(|x| *x != "none" && *x != "not-sure")
        .collect();
    if !list.contains(&c) {
        list.push(c);
    }
    a.clone().with(q, choices(&list))
}

fn any_action() -> impl Strategy<Value = Action> {
    let c = content();
    let qids: Vec<String> = c
        .questions
        .iter()
        .map(|q| q.id.clone())
        .chain(["nope".into()])
        .collect();
    let cids: Vec<String> = c
        .questions
        .iter()
        .flat_map(|q| q.choices.iter().map(|x| x.id.clone()))
        .collect();
    let q = prop::sample::select(qids);
    let ch = prop::sample::select(cids);
    prop_oneof![
        (q.clone(), ch.clone()).prop_map(|(question, choice)| Action::Choose { question, choice }),
        (q.clone(), ch).prop_map(|(question, choice)| Action::Toggle { question, choice }),
        (q.clone(), ".{0,6}").prop_map(|(question, text)| Action::Type { question, text }),
        Just(Action::Next),
        Just(Action::Next),
        Just(Action::Back),
        q.prop_map(Action::GoTo),
        Just(Action::SeeResult),
    ]
}

proptest! {
    #[test]
    fn adding_any_hard_stop_never_yields_a_better_outcome(answers in any_answers()) {
        let before = assess(content(), &answers).outcome;
        let stopped = [
            answers.clone().with("age", n(17)),
            add_choice(&answers, "pregnancy", "pregnant"),
            add_choice(&answers, "pregnancy", "breastfeeding"),
            add_choice(&answers, "brain_eye", "raised-icp"),
            answers.clone().with("psychosis", choice("yes")),
            answers.clone().with("bipolar", choice("bipolar-unstable")),
            answers.clone().with("substance", choice("active")),
            answers.clone().with("blood_pressure", choice("uncontrolled")),
            answers.clone().with("heart", choice("unstable")),
            answers.clone().with("brain_vessels", choice("yes")),
            answers.clone().with("breathing", choice("severe")),
            answers.clone().with("ketamine_reaction", choice("yes")),
        ];
        for after in stopped {
            let outcome = assess(content(), &after).outcome;
            prop_assert!(outcome <= before);
            prop_assert_eq!(outcome, Outcome::NotSuitable);
        }
    }

    #[test]
    fn thoughts_of_self_harm_never_improve_the_outcome_and_are_always_listed(answers in any_answers()) {
        let calm = assess(content(), &answers.clone().with("self_harm", choice("no")));
        prop_assert!(calm.reasons.iter().all(|r| r.id != "self-harm"));
        let mut outcomes = Vec::new();
        for c in ["yes", "not-sure"] {
            let a = assess(content(), &answers.clone().with("self_harm", choice(c)));
            prop_assert!(a.crisis);
            prop_assert!(a.outcome <= calm.outcome);
            prop_assert!(a.outcome <= Outcome::ReviewFirst, "{:?}", a.outcome);
            prop_assert!(a.reasons.iter().any(|r| r.id == "self-harm"));
            outcomes.push(a.outcome);
        }
        prop_assert_eq!(outcomes[0], outcomes[1]);
    }

    #[test]
    fn every_outcome_is_explained_by_shown_answers_with_sources(answers in any_answers()) {
        let a = assess(content(), &answers);
        prop_assert!(a.deciding().next().is_some());
        let shown: Vec<&str> = visible_questions(content(), &answers).iter().map(|q| q.id.as_str()).collect();
        for r in &a.reasons {
            prop_assert!(!r.sources.is_empty());
            prop_assert!(shown.contains(&r.question_id.as_str()), "{} quotes hidden {}", r.id, r.question_id);
        }
    }

    #[test]
    fn any_answers_lead_from_the_first_question_to_a_result(answers in any_answers()) {
        let c = content();
        // Where a random answer does not fit, a person would pick something: take the first choice.
        let mut filled = answers.clone();
        for q in &c.questions {
            if !answers.get(&q.id).is_some_and(|a| fits(q, a)) {
                let first = q.choices.first().map(|x| x.id.as_str()).unwrap_or("");
                filled.set(&q.id, match q.kind {
                    QuestionKind::Single => choice(first),
                    QuestionKind::Multiple => choices(&[first]),
                    QuestionKind::Number => n(q.number.as_ref().map_or(0, |s| s.max)),
                });
            }
        }
        let state = play(&filled);
        prop_assert_eq!(&state.step, &Step::Result);
        prop_assert_eq!(state.assessment(c).unwrap(), assess(c, &filled));
    }

    #[test]
    fn random_action_sequences_never_panic_or_strand_the_person(actions in prop::collection::vec(any_action(), 0..60)) {
        let c = content();
        let mut s = QuizState::new(c);
        for a in actions {
            s = s.apply(c, a);
            match &s.step {
                Step::Question(_) => prop_assert!(s.current_screen(c).is_some()),
                Step::Review => {}
                Step::Result => prop_assert!(s.is_complete(c)),
            }
            let back = QuizState::from_json(&s.to_json());
            prop_assert_eq!(back.as_ref(), Ok(&s));
        }
    }

    #[test]
    fn answers_round_trip_through_json(answers in any_answers()) {
        prop_assert_eq!(from_str::<Answers>(&to_string(&answers)), Ok(answers));
    }

    #[test]
    fn any_stored_text_is_read_or_refused_without_panic(text in ".{0,80}") {
        let _ = QuizState::from_json(&text);
        let _ = QuizState::restore(content(), &text);
    }

    #[test]
    fn any_typed_text_is_a_number_in_range_or_an_error(text in ".{0,12}|[ +-]?[0-9]{0,12}([.,][0-9]{0,3})?") {
        for q in content().questions.iter().filter(|q| q.kind == QuestionKind::Number) {
            if let Ok(v) = validate_number(q, &text) {
                let spec = q.number.as_ref().unwrap();
                prop_assert!((spec.min..=spec.max).contains(&v));
            }
        }
    }
}

#[test]
fn unknown_or_corrupt_stored_state_is_refused_with_an_error() {
    let good = QuizState::new(content()).to_json();
    assert!(QuizState::from_json(&good).is_ok());
    // What the previous release stored inside its envelope (version 1) carried a version of its
    // own; the envelope's version now says it all, and that member is refused.
    let previous = good.replacen('{', "{\"schema_version\":1,", 1);
    assert!(matches!(
        QuizState::from_json(&previous),
        Err(StateError(_))
    ));
    for bad in [
        "",
        "null",
        "{",
        "[]",
        r#"{"step":"review"}"#,
        r#"{"answers":[],"step":"review"}"#,
        r#"{"answers":{},"step":"elsewhere"}"#,
        r#"{"answers":{"age":{"x":1}},"step":"review"}"#,
        r#"{"answers":{},"step":"review","extra":true}"#,
    ] {
        assert!(
            matches!(QuizState::from_json(bad), Err(StateError(_))),
            "{bad}"
        );
    }
}

// --- stored state ---------------------------------------------------------------------------

fn any_quiz_state() -> impl Strategy<Value = QuizState> {
    let step = prop_oneof![
        ".{0,8}".prop_map(Step::Question),
        Just(Step::Review),
        Just(Step::Result),
    ];
    (
        any_answers(),
        prop::collection::btree_map(".{0,6}", ".{0,6}", 0..3),
        step,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(answers, drafts, step, returning, show_errors, help_first)| QuizState {
                answers,
                drafts: drafts.into_iter().collect(),
                step,
                returning,
                show_errors,
                help_first,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_quiz_state_round_trips_through_json(s in any_quiz_state()) {
        prop_assert_eq!(QuizState::from_json(&s.to_json()), Ok(s));
    }
}
