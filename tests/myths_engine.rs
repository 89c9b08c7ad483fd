#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the myths explorer: content validation for every locale, query cases, and
//! property tests of the query engine.

use ketamine_guide::content::Locale;
use ketamine_guide::myths::{
    self, chart_alt, chart_geometry, claim_by_id, explorer_view, filter_counts, fold, query,
    results_count_text, routes_view, validate, ChartKind, Claim, MythsContent, Query, Verdict,
};
use proptest::prelude::*;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Topic minimums from the explorer's issue.
const TOPIC_MINIMUMS: &[(&str, usize)] = &[
    ("sleep", 4),
    ("depression", 4),
    ("safety", 5),
    ("misuse", 2),
    ("routes", 3),
    ("cost", 2),
    ("legal", 2),
    ("mechanism", 2),
];

fn content() -> &'static MythsContent {
    static CONTENT: OnceLock<MythsContent> = OnceLock::new();
    CONTENT.get_or_init(|| MythsContent::load(Locale::En).expect("English myths content loads"))
}

fn ids(claims: &[&Claim]) -> Vec<String> {
    claims.iter().map(|c| c.id.clone()).collect()
}

// ---- content validation -------------------------------------------------------------------

#[test]
fn every_locale_loads_and_passes_validation() {
    for &locale in Locale::ALL {
        let content = MythsContent::load(locale).expect("loads");
        let problems = validate(&content);
        assert!(
            problems.is_empty(),
            "{locale:?}: {}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
}

#[test]
fn there_are_at_least_24_claims_with_unique_ids() {
    let c = content();
    assert!(c.claims.len() >= 24, "only {} claims", c.claims.len());
    let unique: HashSet<_> = c.claims.iter().map(|c| &c.id).collect();
    assert_eq!(unique.len(), c.claims.len());
}

#[test]
fn every_claim_has_explanation_existing_sources_and_topics() {
    let c = content();
    for claim in &c.claims {
        assert!(
            !claim.explanation.is_empty() && claim.explanation.iter().all(|p| !p.trim().is_empty()),
            "{}",
            claim.id
        );
        assert!(!claim.summary.trim().is_empty(), "{}", claim.id);
        assert!(!claim.sources.is_empty(), "{} has no source", claim.id);
        for s in &claim.sources {
            assert!(
                c.source(s).is_some(),
                "{} cites unknown source {s}",
                claim.id
            );
        }
        assert!(!claim.topics.is_empty(), "{} has no topic", claim.id);
        for t in &claim.topics {
            assert!(c.topic(t).is_some(), "{} has unknown topic {t}", claim.id);
        }
        assert!(c.verdict_info(claim.verdict).is_some());
        assert!(c.strength_info(claim.strength).is_some());
    }
}

/// Benefits and harms in equal detail (IPDAS): the explorer is not a list of debunks. Claims the
/// evidence supports (true, mostly true) are at least a quarter of all claims, debunks (myth,
/// mostly false) at most three in five, and every verdict is used.
#[test]
fn verdicts_are_balanced_between_debunks_and_supported_claims() {
    for &locale in Locale::ALL {
        let c = MythsContent::load(locale).expect("loads");
        let count = |vs: &[Verdict]| {
            c.claims
                .iter()
                .filter(|cl| vs.contains(&cl.verdict))
                .count()
        };
        let total = c.claims.len();
        let supported = count(&[Verdict::True, Verdict::MostlyTrue]);
        let debunks = count(&[Verdict::Myth, Verdict::MostlyFalse]);
        assert!(
            supported * 4 >= total,
            "{locale:?}: {supported} of {total} claims are supported by the evidence"
        );
        assert!(
            debunks * 5 <= total * 3,
            "{locale:?}: {debunks} of {total} claims are debunks"
        );
        for v in Verdict::ALL {
            assert!(
                count(&[v]) > 0,
                "{locale:?}: no claim has the verdict {v:?}"
            );
        }
    }
}

#[test]
fn related_claims_resolve_and_are_never_the_claim_itself() {
    let c = content();
    for claim in &c.claims {
        for r in &claim.related {
            assert_ne!(r, &claim.id, "{} relates to itself", claim.id);
            assert!(c.claim(r).is_some(), "{} relates to unknown {r}", claim.id);
        }
        assert_eq!(c.related_for(claim).len(), claim.related.len());
    }
}

#[test]
fn topic_minimums_from_the_issue_are_met() {
    let c = content();
    for &(topic, min) in TOPIC_MINIMUMS {
        assert!(c.topic(topic).is_some(), "topic {topic} missing");
        let n = c
            .claims
            .iter()
            .filter(|cl| cl.topics.iter().any(|t| t == topic))
            .count();
        assert!(n >= min, "topic {topic}: {n} claims, need {min}");
    }
}

#[test]
fn the_tensions_are_shown_where_sources_disagree() {
    let c = content();
    for id in [
        "is-a-hallucinogen",
        "never-causes-insomnia",
        "esketamine-price-per-bottle",
        "home-costs-a-quarter",
    ] {
        let claim = c.claim(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(
            claim
                .disagreement
                .as_deref()
                .is_some_and(|d| !d.trim().is_empty()),
            "{id}"
        );
    }
    // An advertisement is cited as what it is.
    let vendor = c.source("innerwell-ad").expect("vendor source");
    assert_eq!(vendor.kind, "marketing");
    assert!(fold(vendor.note.as_deref().unwrap_or_default()).contains("company's own claims"));
}

#[test]
fn both_sides_are_cited_where_trials_disagree() {
    // IV ketamine against ECT (ELEKT-D: not worse; KetECT: ECT better for inpatients), and sleep
    // (an uncontrolled before-and-after study against a placebo-controlled crossover).
    let c = content();
    for (id, sides) in [
        ("helps-when-others-failed", ["elekt-d-2023", "ketect-2022"]),
        ("keeps-you-awake", ["duncan-2013", "ballard-2024"]),
    ] {
        let claim = c.claim(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(
            claim.disagreement.is_some(),
            "{id} shows where sources disagree"
        );
        for source in sides {
            assert!(
                claim.sources.iter().any(|s| s == source),
                "{id} cites {source}"
            );
        }
    }
}

#[test]
fn routes_table_has_the_four_routes_and_only_iv_claims_the_whole_dose() {
    let c = content();
    let view = routes_view(c);
    let route_ids: Vec<_> = view.rows.iter().map(|r| r.id).collect();
    assert_eq!(
        route_ids,
        ["iv", "im", "esketamine-nasal", "oral-sublingual"]
    );
    assert_eq!(view.headers.len(), 7);
    for row in &view.rows {
        assert_eq!(row.cells.len() + 1, view.headers.len(), "{}", row.id);
    }
    let full = |r: &myths::RouteRow| r.bioavailability.contains("100%");
    let full_rows: Vec<_> = c
        .routes
        .rows
        .iter()
        .filter(|r| full(r))
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(full_rows, ["iv"]);
    assert!(!view.sources.is_empty());
}

#[test]
fn every_chart_has_a_text_alternative_with_its_values() {
    let c = content();
    let mut charts = 0;
    for claim in &c.claims {
        for n in &claim.numbers {
            if let Some(chart) = &n.chart {
                charts += 1;
                let alt = chart_alt(&c.ui, &n.label, chart);
                assert!(!alt.contains('{'), "unfilled template in {alt}");
                assert!(alt.contains(&chart.a.label), "{alt}");
                if chart.kind != ChartKind::Share {
                    assert!(alt.contains(&chart.b.as_ref().unwrap().label), "{alt}");
                }
                let g = chart_geometry(chart);
                assert!((0.0..=1.0).contains(&g.a));
                assert!(g.b.is_none_or(|b| (0.0..=1.0).contains(&b)));
            }
        }
    }
    assert!(charts >= 5, "only {charts} charts");
}

#[test]
fn insomnia_chart_text_reads_eight_versus_seven_percent() {
    let c = content();
    let claim = c.claim("never-causes-insomnia").unwrap();
    let n = claim.numbers.iter().find(|n| n.chart.is_some()).unwrap();
    let alt = chart_alt(&c.ui, &n.label, n.chart.as_ref().unwrap());
    assert!(
        alt.contains("Esketamine 8%") && alt.contains("Placebo 7%"),
        "{alt}"
    );
}

// ---- query cases ----------------------------------------------------------------------------

#[test]
fn empty_query_returns_every_claim_in_content_order() {
    let c = content();
    let all: Vec<&Claim> = c.claims.iter().collect();
    assert_eq!(query(&c.claims, &c.search, &Query::default()), all);
    assert_eq!(query(&c.claims, &c.search, &Query::text("  ,, - ")), all);
}

#[test]
fn searching_sleep_returns_only_sleep_claims() {
    let c = content();
    let results = query(&c.claims, &c.search, &Query::text("sleep"));
    assert!(results.len() >= 4);
    for claim in results {
        assert!(
            claim.topics.iter().any(|t| t == "sleep"),
            "{} matched 'sleep'",
            claim.id
        );
    }
}

#[test]
fn search_ignores_case() {
    let c = content();
    let lower = query(&c.claims, &c.search, &Query::text("insomnia"));
    assert!(!lower.is_empty());
    assert_eq!(query(&c.claims, &c.search, &Query::text("INSOMNIA")), lower);
    assert_eq!(query(&c.claims, &c.search, &Query::text("InSoMnIa")), lower);
}

#[test]
fn search_ignores_accents() {
    let c = content();
    let plain = query(&c.claims, &c.search, &Query::text("ketamine"));
    assert!(!plain.is_empty());
    assert_eq!(query(&c.claims, &c.search, &Query::text("kétamine")), plain);
    let spanish = query(&c.claims, &c.search, &Query::text("ketamína"));
    for claim in &plain {
        assert!(spanish.contains(claim), "ketamína missed {}", claim.id);
    }
}

#[test]
fn search_finds_other_forms_of_an_english_word() {
    let c = content();
    let addicted = ids(&query(&c.claims, &c.search, &Query::text("addicted")));
    assert!(!addicted.is_empty());
    for form in ["addiction", "addictive", "ADDICTIONS"] {
        let found = ids(&query(&c.claims, &c.search, &Query::text(form)));
        for id in &addicted {
            assert!(found.contains(id), "{form} missed {id}");
        }
    }
    // US spelling, as the content is written.
    assert!(!query(&c.claims, &c.search, &Query::text("anesthetic")).is_empty());
    // A word is never cut below four letters: "uses" matches only claims that say "uses".
    let uses = query(&c.claims, &c.search, &Query::text("uses"));
    assert!(!uses.is_empty());
    for claim in uses {
        let text = ketamine_guide::myths::query::search_text(claim);
        assert!(text.contains("uses"), "{} matched 'uses'", claim.id);
    }
}

#[test]
fn every_word_of_a_multi_word_search_must_match() {
    let c = content();
    let both = query(&c.claims, &c.search, &Query::text("nasal price"));
    let nasal = query(&c.claims, &c.search, &Query::text("nasal"));
    let price = query(&c.claims, &c.search, &Query::text("price"));
    assert!(!both.is_empty());
    for claim in &both {
        assert!(nasal.contains(claim) && price.contains(claim));
    }
    for claim in &nasal {
        assert_eq!(both.contains(claim), price.contains(claim), "{}", claim.id);
    }
}

#[test]
fn search_covers_key_numbers() {
    let c = content();
    // "29 completed" appears only in a key number of the sleep-quality claim.
    let results = ids(&query(&c.claims, &c.search, &Query::text("29 completed")));
    assert!(
        results.contains(&"everyone-sleeps-better".to_owned()),
        "{results:?}"
    );
}

#[test]
fn verdict_filter_and_search_combine() {
    let c = content();
    let q = Query {
        text: "sleep".into(),
        verdicts: vec![Verdict::Myth],
        ..Query::default()
    };
    let results = query(&c.claims, &c.search, &q);
    assert!(!results.is_empty());
    for claim in &results {
        assert_eq!(claim.verdict, Verdict::Myth);
        assert!(claim.topics.iter().any(|t| t == "sleep"));
    }
    let text_only = query(&c.claims, &c.search, &Query::text("sleep"));
    assert!(results.len() < text_only.len());
}

#[test]
fn topic_filters_or_within_group_and_with_verdicts() {
    let c = content();
    let q = Query {
        topics: vec!["cost".into(), "legal".into()],
        ..Query::default()
    };
    let results = query(&c.claims, &c.search, &q);
    let expected: Vec<&Claim> = c
        .claims
        .iter()
        .filter(|cl| cl.topics.iter().any(|t| t == "cost" || t == "legal"))
        .collect();
    assert_eq!(results, expected);
    let q2 = Query {
        verdicts: vec![Verdict::Myth],
        ..q
    };
    for claim in query(&c.claims, &c.search, &q2) {
        assert_eq!(claim.verdict, Verdict::Myth);
    }
}

#[test]
fn chip_counts_equal_results_of_selecting_that_chip_alone() {
    let c = content();
    let base = Query {
        text: "esketamine".into(),
        verdicts: vec![Verdict::Myth, Verdict::Mixed],
        ..Query::default()
    };
    let counts = filter_counts(&c.claims, &c.topics, &c.search, &base);
    for t in &c.topics {
        let q = Query {
            topics: vec![t.id.clone()],
            ..base.clone()
        };
        assert_eq!(
            counts.topic(&t.id),
            query(&c.claims, &c.search, &q).len(),
            "topic {}",
            t.id
        );
    }
    let base = Query {
        text: "esketamine".into(),
        topics: vec!["safety".into()],
        ..Query::default()
    };
    let counts = filter_counts(&c.claims, &c.topics, &c.search, &base);
    for v in Verdict::ALL {
        let q = Query {
            verdicts: vec![v],
            ..base.clone()
        };
        assert_eq!(
            counts.verdict(v),
            query(&c.claims, &c.search, &q).len(),
            "verdict {}",
            v.id()
        );
    }
}

#[test]
fn claim_by_id_finds_claims_and_rejects_unknown_ids() {
    let c = content();
    assert_eq!(
        claim_by_id(&c.claims, "keeps-you-awake").map(|cl| cl.verdict),
        Some(Verdict::MostlyFalse)
    );
    assert!(claim_by_id(&c.claims, "no-such-claim").is_none());
    for claim in &c.claims {
        assert_eq!(
            myths::parse_fragment(&myths::claim_fragment(&claim.id)),
            Some(myths::MythsLink::Claim(claim.id.as_str()))
        );
    }
}

#[test]
fn explorer_view_reports_empty_state_and_counts_in_words() {
    let c = content();
    let none = explorer_view(c, &Query::text("zzzz-nothing-like-this"));
    assert!(none.empty && none.can_clear && none.results.is_empty());
    assert_eq!(none.count_text, c.ui.results_none);
    let all = explorer_view(c, &Query::default());
    assert!(!all.empty && !all.can_clear);
    assert_eq!(all.count_text, results_count_text(&c.ui, c.claims.len()));
    assert!(all.count_text.contains(&c.claims.len().to_string()));
    assert_eq!(results_count_text(&c.ui, 1), c.ui.results_one);
    // One chip per verdict some claim has: none that could never match.
    let used: HashSet<&str> = c.claims.iter().map(|cl| cl.verdict.id()).collect();
    let chips: HashSet<&str> = all.verdict_chips.iter().map(|chip| chip.id).collect();
    assert_eq!(chips, used);
    assert!(all.verdict_chips.iter().all(|chip| chip.count > 0));
    // A stored filter on an unused verdict still shows its chip, so it can be turned off.
    if let Some(unused) = Verdict::ALL.into_iter().find(|v| !used.contains(v.id())) {
        let mut q = Query::default();
        q.verdicts.push(unused);
        let view = explorer_view(c, &q);
        assert!(view
            .verdict_chips
            .iter()
            .any(|chip| chip.id == unused.id() && chip.selected));
    }
    assert_eq!(all.topic_chips.len(), c.topics.len());
    let mut q = Query::default();
    q.toggle_topic("sleep");
    let sleep = explorer_view(c, &q);
    assert!(sleep
        .topic_chips
        .iter()
        .any(|chip| chip.id == "sleep" && chip.selected));
    q.toggle_topic("sleep");
    assert!(q.is_empty());
}

// ---- forgiving search -----------------------------------------------------------------------

fn spanish() -> &'static MythsContent {
    static CONTENT: OnceLock<MythsContent> = OnceLock::new();
    CONTENT.get_or_init(|| MythsContent::load(Locale::Es).expect("Spanish myths content loads"))
}

fn finds(c: &MythsContent, text: &str, id: &str) -> bool {
    query(&c.claims, &c.search, &Query::text(text))
        .iter()
        .any(|cl| cl.id == id)
}

const ADDICTION: &str = "clinic-ketamine-is-addictive";

#[test]
fn words_people_type_for_addiction_find_the_addiction_claim_in_english() {
    let c = content();
    for text in [
        "addictive",
        "abuse",
        "can I get hooked",
        "hooked?",
        "habit forming",
        "habit-forming",
        "Is ketamine habit-forming?",
        "dependence",
    ] {
        assert!(
            finds(c, text, ADDICTION),
            "{text:?} missed the addiction claim"
        );
    }
    // A synonym widens one word, never the whole search: sleep claims do not mention it.
    assert!(query(&c.claims, &c.search, &Query::text("hooked sleep")).is_empty());
}

#[test]
fn words_people_type_for_addiction_find_the_addiction_claim_in_spanish() {
    let c = spanish();
    for text in [
        "adictiva",
        "¿Es adictiva?",
        "ADICTIVO",
        "adicto",
        "adictas",
        "adicción",
        "enganchar",
        "me puedo enganchar",
        "enganchado",
        "dependencia",
    ] {
        assert!(
            finds(c, text, ADDICTION),
            "{text:?} missed the addiction claim"
        );
    }
}

#[test]
fn small_words_never_hide_a_claim() {
    let c = content();
    let hooked = ids(&query(&c.claims, &c.search, &Query::text("hooked")));
    let asked = ids(&query(
        &c.claims,
        &c.search,
        &Query::text("Can I get hooked?"),
    ));
    assert_eq!(asked, hooked);
    let es = spanish();
    let plain = ids(&query(&es.claims, &es.search, &Query::text("adictiva")));
    let asked = ids(&query(
        &es.claims,
        &es.search,
        &Query::text("¿la ketamina es adictiva?"),
    ));
    assert!(plain.iter().all(|id| asked.contains(id)), "{asked:?}");
}

#[test]
fn a_search_that_finds_nothing_suggests_the_closest_topic() {
    let c = content();
    let suggest = |text: &str, topics: &[&str]| {
        let q = Query {
            text: text.into(),
            topics: topics.iter().map(|t| t.to_string()).collect(),
            ..Query::default()
        };
        let view = explorer_view(c, &q);
        assert!(view.results.is_empty(), "{text:?} found claims");
        view.suggestion.map(|t| t.id.as_str())
    };
    // Typing slips.
    assert_eq!(suggest("insomia", &[]), Some("sleep"));
    assert_eq!(suggest("dependance", &[]), Some("misuse"));
    // Found, but hidden by a filter: the topic where the search finds most.
    assert_eq!(suggest("insomnia", &["cost"]), Some("sleep"));
    // Nothing close at all.
    assert_eq!(suggest("qwxzv", &[]), None);
    let es = spanish();
    let view = explorer_view(es, &Query::text("insomnoi"));
    assert_eq!(view.suggestion.map(|t| t.id.as_str()), Some("sleep"));
    // Results found: no suggestion.
    assert!(explorer_view(c, &Query::text("sleep")).suggestion.is_none());
}

// ---- properties -----------------------------------------------------------------------------

fn verdicts() -> impl Strategy<Value = Vec<Verdict>> {
    proptest::sample::subsequence(Verdict::ALL.to_vec(), 0..=5)
}

fn topic_ids() -> impl Strategy<Value = Vec<String>> {
    let all: Vec<String> = TOPIC_MINIMUMS
        .iter()
        .map(|(t, _)| t.to_string())
        .chain(["nope".to_string()])
        .collect();
    proptest::sample::subsequence(all, 0..=4)
}

fn any_query() -> impl Strategy<Value = Query> {
    (any::<String>(), topic_ids(), verdicts()).prop_map(|(text, topics, verdicts)| Query {
        text,
        topics,
        verdicts,
    })
}

fn is_subsequence(part: &[&Claim], whole: &[&Claim]) -> bool {
    let mut it = whole.iter();
    part.iter().all(|p| it.any(|w| std::ptr::eq(*w, *p)))
}

proptest! {
    #[test]
    fn any_search_string_never_panics_and_keeps_content_order(text in any::<String>()) {
        let c = content();
        let all: Vec<&Claim> = c.claims.iter().collect();
        let results = query(&c.claims, &c.search, &Query::text(text.clone()));
        prop_assert!(is_subsequence(&results, &all));
        let _ = explorer_view(c, &Query::text(text));
    }

    #[test]
    fn adding_a_filter_only_narrows(q in any_query(), topic in topic_ids(), verdict in verdicts()) {
        let c = content();
        let before = query(&c.claims, &c.search, &q);
        // A filter group narrows only once it is non-empty (an empty group means "all"), so
        // narrowing a selected group means keeping a non-empty subset of it.
        let mut narrower = q.clone();
        if q.topics.is_empty() {
            narrower.topics = topic;
        } else {
            narrower.topics.retain(|t| topic.contains(t));
            if narrower.topics.is_empty() { narrower.topics.push(q.topics[0].clone()); }
        }
        if q.verdicts.is_empty() {
            narrower.verdicts = verdict;
        } else {
            narrower.verdicts.retain(|v| verdict.contains(v));
            if narrower.verdicts.is_empty() { narrower.verdicts.push(q.verdicts[0]); }
        }
        narrower.text.push_str(" e");
        let after = query(&c.claims, &c.search, &narrower);
        prop_assert!(is_subsequence(&after, &before));
    }

    #[test]
    fn counts_never_exceed_the_unfiltered_search(q in any_query()) {
        let c = content();
        let searched = query(&c.claims, &c.search, &Query::text(q.text.clone())).len();
        let counts = filter_counts(&c.claims, &c.topics, &c.search, &q);
        for (_, n) in counts.topics.iter() { prop_assert!(*n <= searched); }
        for (_, n) in counts.verdicts.iter() { prop_assert!(*n <= searched); }
        let results = query(&c.claims, &c.search, &q).len();
        if !q.verdicts.is_empty() {
            let sum: usize = counts.verdicts.iter().filter(|(v, _)| q.verdicts.contains(v)).map(|(_, n)| n).sum();
            prop_assert_eq!(sum, results);
        }
    }

    #[test]
    fn folding_is_idempotent(s in any::<String>()) {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn folding_ignores_case_for_latin_text(s in "[a-zA-Z0-9À-ÖØ-öø-ňŊ-ž ]{0,40}") {
        prop_assert_eq!(fold(&s.to_uppercase()), fold(&s.to_lowercase()));
    }

    #[test]
    fn fragments_never_panic(s in any::<String>()) {
        let _ = myths::parse_fragment(&s);
    }
}

proptest! {
    // Each case reads every claim several times over: fewer cases cover it.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn search_never_panics_with_any_synonym_list(
        text in any::<String>(),
        ignore in any::<String>(),
        words in any::<String>(),
        finds in any::<String>(),
    ) {
        let c = content();
        let help = myths::SearchHelp {
            ignore,
            synonyms: vec![myths::Synonym { id: "x".into(), words, finds }],
        };
        let m = myths::Matcher::new(&text, &help);
        let found: Vec<&Claim> = c.claims.iter().filter(|cl| m.matches(cl)).collect();
        let all: Vec<&Claim> = c.claims.iter().collect();
        prop_assert!(is_subsequence(&found, &all));
        let _ = m.closest_topic(&c.claims, &c.topics);
        let _ = help.unused_finds(&c.claims);
    }

    #[test]
    fn a_suggestion_is_offered_only_when_nothing_matches(q in any_query()) {
        let c = content();
        let view = explorer_view(c, &q);
        prop_assert!(view.suggestion.is_none() || view.results.is_empty());
        if let Some(t) = view.suggestion {
            prop_assert!(c.topics.iter().any(|x| x.id == t.id));
        }
    }
}

// --- stored state -------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_stored_query_round_trips_through_json(q in any_query()) {
        use ketamine_guide::content::{decode::from_str, encode::to_string};
        let stored = myths::query::Stored::new(q);
        prop_assert_eq!(from_str::<myths::query::Stored>(&to_string(&stored)), Ok(stored));
    }
}
