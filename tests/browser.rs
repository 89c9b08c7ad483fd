//! Components render and respond, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use ketamine_guide::content::{shell::ShellText, Locale};
use ketamine_guide::nav::Section;
use ketamine_guide::platform::panic::show_error_panel;
use wasm_bindgen_test::*;
use web_sys::{Element, KeyboardEvent, KeyboardEventInit};

mod support;
use support::{all, document, settle};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders an app into a fresh container.
async fn mount(sections: Vec<Section>, start: Option<Section>) -> Element {
    support::mount(support::props(sections, start, "test", false)).await
}

fn selected_tab(root: &Element) -> String {
    all(root, "[role=tab][aria-selected=true]")
        .first()
        .and_then(|t| t.get_attribute("data-tab"))
        .unwrap_or_default()
}

fn visible_panels(root: &Element) -> Vec<String> {
    all(root, "[role=tabpanel]")
        .into_iter()
        .filter(|p| !p.hidden())
        .filter_map(|p| p.get_attribute("data-section"))
        .collect()
}

#[wasm_bindgen_test]
async fn app_renders_header_tabs_and_marks_itself_ready() {
    let root = mount(Section::ALL.to_vec(), None).await;
    let strings = ShellText::load(Locale::En).unwrap();
    let app = root.query_selector(".kg-app").unwrap().expect("app root");
    assert_eq!(app.get_attribute("data-ready").as_deref(), Some("true"));
    assert_eq!(app.get_attribute("lang").as_deref(), Some("en"));
    let title = root.query_selector(".kg-title").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), strings.title);
    let tabs: Vec<String> = all(&root, "[role=tab]")
        .iter()
        .map(|t| t.inner_text())
        .collect();
    assert_eq!(
        tabs,
        vec![strings.tab_quiz, strings.tab_myths, strings.tab_cost]
    );
    assert_eq!(selected_tab(&root), "quiz");
    assert_eq!(visible_panels(&root), vec!["quiz"]);
}

#[wasm_bindgen_test]
async fn clicking_a_tab_shows_its_panel_only() {
    let root = mount(Section::ALL.to_vec(), None).await;
    all(&root, "[data-tab=cost]")[0].click();
    settle().await;
    assert_eq!(selected_tab(&root), "cost");
    assert_eq!(visible_panels(&root), vec!["cost"]);
    let in_order: Vec<String> = all(&root, "[role=tab]")
        .iter()
        .map(|t| t.get_attribute("tabindex").unwrap())
        .collect();
    assert_eq!(
        in_order,
        vec!["-1", "-1", "0"],
        "only the selected tab is in the Tab order"
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_selection_and_focus() {
    let root = mount(Section::ALL.to_vec(), None).await;
    let press = |key: &str| {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        let focused = all(&root, "[role=tab][aria-selected=true]")[0].clone();
        focused.focus().unwrap();
        focused.dispatch_event(&event).unwrap();
    };
    press("ArrowRight");
    settle().await;
    assert_eq!(selected_tab(&root), "myths");
    let active = document().active_element().unwrap();
    assert_eq!(
        active.get_attribute("data-tab").as_deref(),
        Some("myths"),
        "{}",
        active.outer_html().chars().take(300).collect::<String>()
    );
    press("End");
    settle().await;
    assert_eq!(selected_tab(&root), "cost");
    press("ArrowRight");
    settle().await;
    assert_eq!(selected_tab(&root), "quiz", "wraps around");
    press("ArrowLeft");
    settle().await;
    assert_eq!(selected_tab(&root), "cost");
    press("Home");
    settle().await;
    assert_eq!(selected_tab(&root), "quiz");
}

#[wasm_bindgen_test]
async fn sections_can_be_chosen_and_ordered() {
    let root = mount(vec![Section::Cost, Section::Quiz], Some(Section::Quiz)).await;
    let tabs: Vec<String> = all(&root, "[role=tab]")
        .iter()
        .filter_map(|t| t.get_attribute("data-tab"))
        .collect();
    assert_eq!(tabs, vec!["cost", "quiz"]);
    assert_eq!(selected_tab(&root), "quiz");
    assert!(root
        .query_selector("[data-section=myths]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
fn error_panel_replaces_the_content_with_a_readable_message() {
    let host = document().create_element("div").unwrap();
    host.set_inner_html("<p>half-rendered app</p>");
    show_error_panel(&host, Locale::En);
    let strings = ShellText::load(Locale::En).unwrap();
    let panel = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("alert panel");
    let text = panel.text_content().unwrap();
    assert!(text.contains(&strings.error_title));
    assert!(text.contains(&strings.error_reload));
    assert!(!host.inner_html().contains("half-rendered"));
    let link = panel.query_selector("a").unwrap().expect("reload link");
    assert_eq!(link.get_attribute("href").as_deref(), Some(""));
}
