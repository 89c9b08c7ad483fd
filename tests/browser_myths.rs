#![cfg(target_arch = "wasm32")]
//! The myths explorer renders and responds in headless Chromium: search, filter chips,
//! disclosures, links between claims and the routes table.

use ketamine_guide::content::Locale;
use ketamine_guide::myths::{self, chart_alt, MythsContent, Query};
use ketamine_guide::nav::Section;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

mod support;
use support::{all, document, eventually, session, settle};

wasm_bindgen_test_configure!(run_in_browser);

fn content() -> MythsContent {
    MythsContent::load(Locale::En).unwrap()
}

/// Renders an app opened on the explorer into a fresh container, storing nothing.
async fn mount() -> Element {
    mount_with("test-myths", false).await
}

/// Renders an app opened on the explorer for a storage instance.
async fn mount_with(instance: &str, persist: bool) -> Element {
    support::mount(support::props(
        Section::ALL.to_vec(),
        Some(Section::Myths),
        instance,
        persist,
    ))
    .await
}

fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
}

fn shown_ids(root: &Element) -> Vec<String> {
    all(root, "article[data-claim-id]")
        .iter()
        .filter_map(|a| a.get_attribute("data-claim-id"))
        .collect()
}

fn engine_ids(q: &Query) -> Vec<String> {
    let c = content();
    myths::query(&c.claims, &c.search, q)
        .iter()
        .map(|c| c.id.clone())
        .collect()
}

async fn type_search(root: &Element, text: &str) {
    let input = one(root, "input[type=search]")
        .dyn_into::<HtmlInputElement>()
        .unwrap();
    input.set_value(text);
    // A bubbling "input" event, as typing makes (Yew listens at the app root).
    let event = document().create_event("Event").unwrap();
    event.init_event_with_bubbles("input", true);
    input.dispatch_event(&event).unwrap();
    settle().await;
}

fn count_text(root: &Element) -> String {
    one(root, "[aria-live=polite]")
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

#[wasm_bindgen_test]
async fn every_claim_is_listed_with_a_labelled_search_box_and_verdicts() {
    let root = mount().await;
    let c = content();
    let all_ids: Vec<String> = c.claims.iter().map(|c| c.id.clone()).collect();
    assert_eq!(shown_ids(&root), all_ids);
    let input = one(&root, "input[type=search]");
    let label = one(&root, &format!("label[for='{}']", input.id()));
    assert_eq!(label.text_content().unwrap(), c.ui.search_label);
    for (article, claim) in all(&root, "article[data-claim-id]").iter().zip(&c.claims) {
        let verdict = one(article, "[data-verdict]");
        assert_eq!(
            verdict.get_attribute("data-verdict").as_deref(),
            Some(claim.verdict.id())
        );
        let label = &c.verdict_info(claim.verdict).unwrap().label;
        assert!(
            verdict.text_content().unwrap().contains(label.as_str()),
            "verdict shown in words"
        );
    }
    assert_eq!(
        count_text(&root),
        myths::results_count_text(&c.ui, c.claims.len())
    );
}

#[wasm_bindgen_test]
async fn typing_in_the_search_box_filters_the_list() {
    let root = mount().await;
    let before = shown_ids(&root).len();
    type_search(&root, "INSOMNIA").await;
    let expected = engine_ids(&Query::text("insomnia"));
    assert!(!expected.is_empty() && expected.len() < before);
    assert_eq!(
        shown_ids(&root),
        expected,
        "the list is exactly what the engine matches"
    );
    assert_eq!(
        count_text(&root),
        myths::results_count_text(&content().ui, expected.len())
    );
    type_search(&root, "").await;
    assert_eq!(
        shown_ids(&root).len(),
        before,
        "emptying the box shows every claim again"
    );
}

#[wasm_bindgen_test]
async fn a_topic_chip_narrows_the_list_and_flips_aria_pressed() {
    let root = mount().await;
    let total = shown_ids(&root).len();
    let chip = one(&root, "[data-filter-topic=sleep]");
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("false"));
    let chip_count: usize = chip.get_attribute("data-count").unwrap().parse().unwrap();
    chip.click();
    settle().await;
    let chip = one(&root, "[data-filter-topic=sleep]");
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("true"));
    let articles = all(&root, "article[data-claim-id]");
    assert_eq!(
        articles.len(),
        chip_count,
        "the chip's count is what it shows"
    );
    assert!(articles.len() < total);
    for a in &articles {
        let topics = a.get_attribute("data-topics").unwrap();
        assert!(topics.split(' ').any(|t| t == "sleep"), "{topics}");
    }
    chip.click();
    settle().await;
    assert_eq!(
        one(&root, "[data-filter-topic=sleep]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
    assert_eq!(shown_ids(&root).len(), total);
}

#[wasm_bindgen_test]
async fn a_search_that_matches_nothing_shows_the_empty_state_and_clear_restores_all() {
    let root = mount().await;
    let total = shown_ids(&root).len();
    one(&root, "[data-filter-verdict=myth]").click();
    settle().await;
    type_search(&root, "zzqx-nothing").await;
    assert!(shown_ids(&root).is_empty());
    let empty = one(&root, "[data-empty]");
    assert!(empty
        .text_content()
        .unwrap()
        .contains(&content().ui.empty_title));
    one(&empty, "[data-action=clear]").click();
    settle().await;
    assert_eq!(shown_ids(&root).len(), total);
    let input = one(&root, "input[type=search]")
        .dyn_into::<HtmlInputElement>()
        .unwrap();
    assert_eq!(input.value(), "");
    assert!(
        all(&root, "[data-section=myths] [aria-pressed=true]").is_empty(),
        "every chip released"
    );
    let focused = || document().active_element().map(|e| e.id()) == Some(input.id());
    assert!(eventually(focused).await, "focus lands on the search box");
}

#[wasm_bindgen_test]
async fn expanding_a_claim_shows_its_sources_and_chart_alternative() {
    let root = mount().await;
    let c = content();
    let claim = c
        .claims
        .iter()
        .find(|c| c.numbers.iter().any(|n| n.chart.is_some()))
        .unwrap();
    let article = one(&root, &format!("article[data-claim-id={}]", claim.id));
    let button = one(&article, "button[aria-expanded]");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(
        all(&article, "[data-source]").is_empty(),
        "sources stay hidden until asked for"
    );
    button.click();
    settle().await;
    let button = one(&article, "button[aria-expanded]");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let body = one(
        &root,
        &format!("#{}", button.get_attribute("aria-controls").unwrap()),
    );
    assert!(!body.hidden());
    let shown: Vec<String> = all(&article, "[data-source]")
        .iter()
        .filter_map(|s| s.get_attribute("data-source"))
        .collect();
    for id in &claim.sources {
        assert!(shown.contains(id), "source {id} listed");
    }
    let number = claim.numbers.iter().find(|n| n.chart.is_some()).unwrap();
    let alt = chart_alt(&c.ui, &number.label, number.chart.as_ref().unwrap());
    let svg = article
        .query_selector("svg[role=img]")
        .unwrap()
        .expect("a chart");
    assert_eq!(svg.get_attribute("aria-label"), Some(alt));
    assert!(svg.get_attribute("style").is_none());
    button.click();
    settle().await;
    assert!(
        all(&article, "[data-source]").is_empty(),
        "collapsing hides the evidence again"
    );
}

#[wasm_bindgen_test]
async fn a_related_link_opens_that_claim_and_focuses_its_heading() {
    let root = mount().await;
    let c = content();
    let from = c.claims.iter().find(|c| !c.related.is_empty()).unwrap();
    let to = &from.related[0];
    one(
        &root,
        &format!("article[data-claim-id={}] button[aria-expanded]", from.id),
    )
    .click();
    settle().await;
    one(
        &root,
        &format!("article[data-claim-id={}] a[data-related={}]", from.id, to),
    )
    .click();
    settle().await;
    settle().await;
    let target = one(&root, &format!("article[data-claim-id={to}]"));
    assert_eq!(target.get_attribute("data-open").as_deref(), Some("true"));
    let heading = one(&target, ".kg-claim-title");
    assert_eq!(heading.get_attribute("tabindex").as_deref(), Some("-1"));
    let focused = || document().active_element().map(|e| e.id()) == Some(heading.id());
    assert!(
        eventually(focused).await,
        "focus on the opened claim's heading"
    );
}

#[wasm_bindgen_test]
async fn the_routes_table_is_reachable_from_the_explorer_and_back() {
    let root = mount().await;
    let c = content();
    one(&root, "[data-action=routes]").click();
    settle().await;
    settle().await;
    let table = one(&root, "table");
    assert_eq!(
        one(&table, "caption").text_content().unwrap(),
        c.ui.routes_caption
    );
    assert_eq!(
        all(&table, "th[scope=col]").len(),
        c.ui.routes_headers.len()
    );
    assert_eq!(all(&table, "th[scope=row]").len(), c.routes.rows.len());
    assert!(shown_ids(&root).is_empty(), "one topic per screen");
    let on_title = || {
        document()
            .active_element()
            .is_some_and(|e| e.class_list().contains("kg-routes-title"))
    };
    assert!(eventually(on_title).await, "focus on the table's heading");
    one(&root, "[data-action=back]").click();
    settle().await;
    settle().await;
    assert_eq!(shown_ids(&root).len(), c.claims.len());
    let on_link = || {
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-action"))
            .as_deref()
            == Some("routes")
    };
    assert!(
        eventually(on_link).await,
        "focus returns to the link that opened the table"
    );
}

#[wasm_bindgen_test]
async fn a_stored_search_is_restored_and_a_corrupt_one_is_dropped_with_a_notice() {
    let c = content();
    session()
        .set_item(
            "kg:restore-myths:myths",
            r#"{"v":1,"data":{"query":{"text":"sleep","topics":[],"verdicts":["myth"]}}}"#,
        )
        .unwrap();
    let root = mount_with("restore-myths", true).await;
    let input = one(&root, "input[type=search]")
        .dyn_into::<HtmlInputElement>()
        .unwrap();
    assert_eq!(input.value(), "sleep");
    assert_eq!(
        one(&root, "[data-filter-verdict=myth]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let q = Query {
        text: "sleep".into(),
        verdicts: vec![myths::Verdict::Myth],
        ..Query::default()
    };
    assert_eq!(shown_ids(&root), engine_ids(&q));
    assert!(root.query_selector(".kg-myths-notice").unwrap().is_none());

    session()
        .set_item("kg:corrupt-myths:myths", "{not json")
        .unwrap();
    let root = mount_with("corrupt-myths", true).await;
    let notice = one(&root, ".kg-myths-notice");
    assert_eq!(notice.text_content().unwrap(), c.ui.restore_discarded);
    assert_eq!(shown_ids(&root).len(), c.claims.len());
    type_search(&root, "sleep").await;
    assert!(
        root.query_selector(".kg-myths-notice").unwrap().is_none(),
        "the notice goes once the person acts"
    );
    let stored = session()
        .get_item("kg:corrupt-myths:myths")
        .unwrap()
        .unwrap();
    assert!(
        stored.contains("\"sleep\""),
        "the new search is stored: {stored}"
    );
}
