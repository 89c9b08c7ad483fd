//! The standalone page (and the offline app): the app mounted into the page's `#kg-root`.

use crate::content::Locale;
use crate::platform::{browser_languages, panic, route::RouteMode};
use crate::ui::{App, AppProps};
use gloo::utils::document;

/// Id of the element the standalone page renders into.
pub const STANDALONE_ROOT_ID: &str = "kg-root";

/// Mounts the app into the standalone page's `#kg-root`. On any other page (the wasm loaded by
/// `embed.js` on a clinic's site) it does nothing: the custom element mounts instances.
pub fn start_standalone() {
    let doc = document();
    let Some(root) = doc.get_element_by_id(STANDALONE_ROOT_ID) else {
        return;
    };
    panic::install_hook();
    let langs = browser_languages();
    let locale = Locale::negotiate(langs.iter().map(String::as_str));
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", locale.tag());
    }
    // The static "loading" markup inside the root is replaced by the app.
    root.set_inner_html("");
    panic::register_mount(&root, locale);
    let props = AppProps::new(locale, RouteMode::Fragment, "main", true);
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
