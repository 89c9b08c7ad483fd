#![cfg(target_arch = "wasm32")]
//! The cost estimator renders and responds, in headless Chromium (wasm-bindgen-test).

use ketamine_guide::cost::{estimate, Offer, Plan, PriceBook, Route};
use ketamine_guide::nav::Section;
use ketamine_guide::ui::AppProps;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

mod support;
use support::{document, one, settle};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(prices: Option<&str>) -> Element {
    let props = AppProps {
        prices: prices.map(|p| p.to_owned().into()),
        ..support::props(vec![Section::Cost], Some(Section::Cost), "test-cost", false)
    };
    support::mount(props).await
}

/// Types a value the way a person does: set the text, then a bubbling `input` event.
async fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = one(root, selector).dyn_into().unwrap();
    input.set_value(text);
    let event = document().create_event("Event").unwrap();
    event.init_event_with_bubbles("input", true);
    input.dispatch_event(&event).unwrap();
    settle().await;
}

fn cents(root: &Element) -> [u64; 3] {
    let list = root.query_selector_all("[data-estimate]").unwrap();
    assert_eq!(
        list.length(),
        1,
        "exactly one element carries data-estimate"
    );
    let el = one(root, "[data-estimate]");
    ["low", "typical", "high"].map(|k| {
        el.get_attribute(&format!("data-{k}-cents"))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("data-{k}-cents is a whole number"))
    })
}

fn engine_cents(plan: &Plan, book: &PriceBook) -> [u64; 3] {
    let t = estimate(plan, book).total;
    [t.low.get(), t.typical.get(), t.high.get()]
}

#[wasm_bindgen_test]
async fn editing_sessions_updates_the_estimate_cents() {
    let root = mount(None).await;
    let mut plan = Plan::for_route(Route::Iv);
    assert_eq!(cents(&root), engine_cents(&plan, &PriceBook::DEFAULT));
    assert_eq!(cents(&root), [240_000, 360_000, 480_000]);

    type_into(&root, "#kg-cost-induction_sessions", "9").await;
    plan.induction_sessions = 9;
    assert_eq!(cents(&root), engine_cents(&plan, &PriceBook::DEFAULT));
    assert_eq!(cents(&root)[2], 9 * 80_000);

    one(&root, "#kg-cost-route-oral").click();
    settle().await;
    plan.switch_route(Route::Oral);
    assert_eq!(cents(&root), engine_cents(&plan, &PriceBook::DEFAULT));
    assert_eq!(
        cents(&root)[0],
        9 * 7_500,
        "typed sessions are kept on another route"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_input_shows_its_message_and_keeps_the_last_estimate() {
    let root = mount(None).await;
    type_into(&root, "#kg-cost-induction_sessions", "4").await;
    let kept = cents(&root);
    assert_eq!(kept[0], 4 * 40_000);
    for bad in ["", "-2", "2.5", "1e309", "101"] {
        type_into(&root, "#kg-cost-induction_sessions", bad).await;
        let input = one(&root, "#kg-cost-induction_sessions");
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{bad:?}"
        );
        let described = input.get_attribute("aria-describedby").unwrap_or_default();
        assert!(
            described
                .split(' ')
                .any(|id| id == "kg-cost-induction_sessions-error"),
            "{bad:?}: message tied to the field ({described})"
        );
        let message = one(&root, "#kg-cost-induction_sessions-error").inner_text();
        assert!(
            message.len() > 10,
            "{bad:?}: a readable message ({message})"
        );
        assert_eq!(cents(&root), kept, "{bad:?}: the last valid estimate stays");
        let text = one(&root, ".kg-cost").inner_text();
        assert!(
            !text.contains("NaN") && !text.contains("Infinity"),
            "{bad:?}"
        );
        assert!(root.query_selector("[data-stale]").unwrap().is_some());
    }
    type_into(&root, "#kg-cost-induction_sessions", "5").await;
    let input = one(&root, "#kg-cost-induction_sessions");
    assert_eq!(
        input.get_attribute("aria-invalid"),
        None,
        "fixed field is no longer invalid"
    );
    assert!(root
        .query_selector("#kg-cost-induction_sessions-error")
        .unwrap()
        .is_none());
    assert_eq!(cents(&root)[0], 5 * 40_000);
}

#[wasm_bindgen_test]
async fn a_price_out_of_order_is_refused_and_the_old_price_stays() {
    let root = mount(None).await;
    type_into(&root, "#kg-cost-price-iv-session-low", "900").await;
    assert!(root
        .query_selector("#kg-cost-price-iv-session-low-error")
        .unwrap()
        .is_some());
    assert_eq!(cents(&root), [240_000, 360_000, 480_000]);
    type_into(&root, "#kg-cost-price-iv-session-low", "300").await;
    assert_eq!(cents(&root)[0], 6 * 30_000);
}

#[wasm_bindgen_test]
async fn clinic_prices_are_used_and_an_invalid_book_keeps_the_defaults() {
    let root = mount(Some(r#"{"iv": {"low": 400, "high": 600}}"#)).await;
    assert_eq!(cents(&root), [240_000, 300_000, 360_000]);
    let bad = mount(Some(r#"{"iv": {"low": 700, "high": 600}}"#)).await;
    assert!(bad.query_selector("[data-prices-error]").unwrap().is_some());
    assert_eq!(cents(&bad), [240_000, 360_000, 480_000]);
}

#[wasm_bindgen_test]
async fn a_clinics_prices_are_labelled_its_own_only_on_the_routes_it_priced() {
    let root = mount(Some(r#"{"iv": {"low": 400, "high": 600}}"#)).await;
    let origin = |root: &Element| {
        one(root, "[data-prices-origin]")
            .get_attribute("data-prices-origin")
            .unwrap_or_default()
    };
    assert_eq!(origin(&root), "clinic");
    assert!(root
        .query_selector("[data-note=\"iv_price_reports\"]")
        .unwrap()
        .is_none());
    one(&root, "#kg-cost-route-oral").click();
    settle().await;
    assert_eq!(origin(&root), "typical");
    // Insurance entered for one route counts only there in the comparison.
    one(&root, "#kg-cost-coverage-percent").click();
    settle().await;
    let insured = |route: &str| {
        one(
            &root,
            &format!("[data-compare-table] tr[data-route=\"{route}\"]"),
        )
        .get_attribute("data-insured")
    };
    assert_eq!(insured("oral").as_deref(), Some("true"));
    assert_eq!(insured("iv").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn a_clinic_offers_only_its_treatments_in_its_order_with_its_course() {
    let props = AppProps {
        offer: Offer::new(&[Route::Im, Route::Iv], Some(8), Some(8)),
        ..support::props(
            vec![Section::Cost],
            Some(Section::Cost),
            "test-offer",
            false,
        )
    };
    let root = support::mount(props).await;
    let radios: Vec<String> = support::all(&root, "[data-group=\"route\"] input[type=\"radio\"]")
        .iter()
        .map(|r| r.get_attribute("value").unwrap_or_default())
        .collect();
    assert_eq!(
        radios,
        ["im", "iv"],
        "only the clinic's treatments, in its order"
    );
    assert!(root
        .query_selector("#kg-cost-route-oral")
        .unwrap()
        .is_none());
    let sessions: HtmlInputElement = one(&root, "#kg-cost-induction_sessions")
        .dyn_into()
        .unwrap();
    assert_eq!(sessions.value(), "8", "the clinic's first course");
    assert_eq!(
        cents(&root)[0],
        8 * 27_500,
        "IM, the clinic's first treatment"
    );
    // The comparison keeps every treatment and marks the clinic's.
    let marked: Vec<String> = support::all(&root, "[data-compare-table] tr[data-route]")
        .iter()
        .map(|r| {
            let id = r.get_attribute("data-route").unwrap_or_default();
            match r.get_attribute("data-offered") {
                Some(_) => format!("{id}*"),
                None => id,
            }
        })
        .collect();
    assert_eq!(marked, ["im*", "iv*", "esketamine", "oral"]);
    // Boosters every 8 weeks: 0.5 a month.
    one(&root, "#kg-cost-maintenance_enabled-on").click();
    settle().await;
    let rate: HtmlInputElement = one(&root, "#kg-cost-boosters_per_month")
        .dyn_into()
        .unwrap();
    assert_eq!(rate.value(), "0.5");
    assert!(one(&root, "[data-clinic-boosters]")
        .text_content()
        .unwrap_or_default()
        .contains("8 weeks"));
}
