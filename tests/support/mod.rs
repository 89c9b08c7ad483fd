//! Shared by the wasm-bindgen-test files: mount an app into a fresh container and query it.
#![allow(dead_code)] // each test file uses its own subset

use ketamine_guide::content::Locale;
use ketamine_guide::nav::Section;
use ketamine_guide::platform::route::RouteMode;
use ketamine_guide::ui::{App, AppProps};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The session storage the widget keeps its state in by default.
pub fn session() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

/// Props of an embedded-style instance (memory routing, English, USD, no clinic settings).
pub fn props(
    sections: Vec<Section>,
    start: Option<Section>,
    instance: &str,
    persist: bool,
) -> AppProps {
    AppProps {
        sections,
        start,
        persist,
        ..AppProps::new(Locale::En, RouteMode::Memory, instance, false)
    }
}

/// Renders an app into a fresh container and waits until it says it is ready (the first
/// render of a whole app in an unoptimised build can take 100+ ms: never guess a delay).
pub async fn mount(props: AppProps) -> Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    for _ in 0..200 {
        if host
            .query_selector(".kg-app[data-ready]")
            .unwrap()
            .is_some()
        {
            break;
        }
        settle().await;
    }
    settle().await;
    host
}

/// Lets Yew finish the renders an event scheduled.
pub async fn settle() {
    // Every queued render and effect, then one timer turn for work they start (timers,
    // fetches resolved from memory), then whatever that queued.
    yew::scheduler::flush().await;
    gloo_timers::future::sleep(std::time::Duration::from_millis(30)).await;
    yew::scheduler::flush().await;
}

/// Every element matching `selector` under `root`.
pub fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.dyn_into::<HtmlElement>().unwrap())
        .collect()
}

/// The one element matching `selector` under `root` (panics with the selector otherwise).
pub fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into()
        .unwrap()
}

/// Waits (up to two seconds) until `check` holds: for effects that run after a render, such as
/// moving focus, whose timing depends on how busy the machine is.
pub async fn eventually(check: impl Fn() -> bool) -> bool {
    for _ in 0..200 {
        if check() {
            return true;
        }
        gloo_timers::future::sleep(std::time::Duration::from_millis(10)).await;
    }
    check()
}
