//! Content fetched at run time: each `kg-<locale>-<feature>-<hash>.json` is a static file of
//! the bundle, downloaded the first time a view needs it and kept for the page's lifetime.
//! The hashed name changes with the text, so a cached copy is never stale.

use super::{file_name, Feature, Locale};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Downloaded files. Leaked on purpose: at most one copy per language and tool, alive as
    /// long as the page, so views can borrow `&'static str` as they do with compiled-in text.
    static LOADED: RefCell<Vec<(Locale, Feature, &'static str)>> = const { RefCell::new(Vec::new()) };
    /// Address the files are fetched from: "" (the page's own folder) or the embed's folder.
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The folder content is fetched from (embed.js passes the folder it was loaded from).
pub fn set_base(base: &str) {
    BASE.with(|b| *b.borrow_mut() = base.to_owned());
}

/// The address of one of the bundle's files.
pub(super) fn url(name: &str) -> String {
    BASE.with(|b| format!("{}{name}", b.borrow()))
}

pub(super) fn get(locale: Locale, feature: Feature) -> Option<&'static str> {
    LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|(lo, f, _)| *lo == locale && *f == feature)
            .map(|(_, _, text)| *text)
    })
}

/// Downloads whichever of `features` are missing for `locale` (all at once). A file another
/// call is already fetching may be fetched twice; the first copy to arrive is kept.
pub async fn ensure(locale: Locale, features: Vec<Feature>) -> Result<(), String> {
    let missing: Vec<Feature> = features
        .into_iter()
        .filter(|&f| get(locale, f).is_none())
        .collect();
    let fetches: Vec<_> = missing.iter().map(|&f| fetch(locale, f)).collect();
    for (f, fetch) in missing.into_iter().zip(fetches) {
        let text = fetch.await?;
        if get(locale, f).is_none() {
            let text: &'static str = Box::leak(text.into_boxed_str());
            LOADED.with(|l| l.borrow_mut().push((locale, f, text)));
        }
    }
    Ok(())
}

/// Starts one download at once (so several run side by side) and resolves to its text.
fn fetch(
    locale: Locale,
    feature: Feature,
) -> impl std::future::Future<Output = Result<String, String>> {
    let name = file_name(locale, feature).unwrap_or("missing.json");
    let url = url(name);
    // The standalone page's loader may already be reading this file (tools/runtime/boot.js):
    // take its promise of the text instead of asking again.
    let started = match preloaded(name) {
        Some(text) => Started::Text(text),
        None => Started::Response(crate::platform::window().fetch_with_str(&url)),
    };
    async move {
        let fail = |why: &str| format!("{url}: {why}");
        let text = match started {
            Started::Text(text) => text,
            Started::Response(promise) => {
                let response: web_sys::Response = JsFuture::from(promise)
                    .await
                    .map_err(|_| fail("network error"))?
                    .dyn_into()
                    .map_err(|_| fail("not a response"))?;
                if !response.ok() {
                    return Err(fail(&format!("HTTP {}", response.status())));
                }
                response.text().map_err(|_| fail("unreadable"))?
            }
        };
        JsFuture::from(text)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| fail("not downloaded"))
    }
}

/// A download under way: a response to come, or (preloaded by the page) its text.
enum Started {
    Response(js_sys::Promise),
    Text(js_sys::Promise),
}

/// The page loader's promise of a file's text, taken once (a failed one is not reused).
fn preloaded(name: &str) -> Option<js_sys::Promise> {
    let window = crate::platform::window();
    let map = js_sys::Reflect::get(&window, &"__kgPreload".into()).ok()?;
    if !map.is_object() {
        return None;
    }
    let text = js_sys::Reflect::get(&map, &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(map.unchecked_ref::<js_sys::Object>(), &name.into());
    Some(text)
}
