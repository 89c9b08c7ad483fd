//! Content fetched at run time: each `kg-<locale>-<feature>-<hash>.json` is a static file of
//! the bundle, downloaded the first time a view needs it and kept for the page's lifetime.
//! The hashed name changes with the text, so a cached copy is never stale. Downloads go
//! through the page's checked fetch: a file whose bytes differ from this release's is refused.

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
/// call is already fetching may be fetched twice; the first copy to arrive is kept. Every file
/// that arrives is kept, even when another fails (one refused file leaves the other tools
/// working); the first failure is returned.
pub async fn ensure(locale: Locale, features: Vec<Feature>) -> Result<(), String> {
    let missing: Vec<Feature> = features
        .into_iter()
        .filter(|&f| get(locale, f).is_none())
        .collect();
    let fetches: Vec<_> = missing.iter().map(|&f| fetch(locale, f)).collect();
    let mut failed = None;
    for (f, fetch) in missing.into_iter().zip(fetches) {
        match fetch.await {
            Ok(text) if get(locale, f).is_none() => {
                let text: &'static str = Box::leak(text.into_boxed_str());
                LOADED.with(|l| l.borrow_mut().push((locale, f, text)));
            }
            Ok(_) => {}
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    failed.map_or(Ok(()), Err)
}

/// Starts one download at once (so several run side by side) and resolves to its text.
fn fetch(
    locale: Locale,
    feature: Feature,
) -> impl std::future::Future<Output = Result<String, String>> {
    let name = file_name(locale, feature).unwrap_or("missing.json");
    let started = checked_fetch(name);
    async move {
        let fail = |why: &str| format!("{}: {why}", url(name));
        let response: web_sys::Response = JsFuture::from(started.map_err(|_| fail("no loader"))?)
            .await
            .map_err(|_| fail("refused or not downloaded"))?
            .dyn_into()
            .map_err(|_| fail("not a response"))?;
        let text = response.text().map_err(|_| fail("unreadable"))?;
        JsFuture::from(text)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| fail("not downloaded"))
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The page's checked fetch (`tools/runtime/boot.js`, `embed.js`): one of the bundle's files
    /// by name, from the folder the app was loaded from, refused unless its bytes match this
    /// release's hash; a first-view file the page's loader already started is handed over.
    #[wasm_bindgen(catch, js_name = __kgFetch)]
    fn checked_fetch(name: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;

    /// The integrity value (`sha256-…`) of one of the bundle's files, once the page knows it.
    #[wasm_bindgen(catch, js_name = __kgIntegrity)]
    fn integrity_of(name: &str) -> Result<Option<String>, wasm_bindgen::JsValue>;
}

/// The integrity value of one of the bundle's files, if the page knows it yet.
pub(super) fn integrity(name: &str) -> Option<String> {
    integrity_of(name).ok().flatten()
}
