//! Browser services: the panic panel, routing (URL fragment or in-memory), storage, `Intl`,
//! the offer of an update, the browser's languages. UI components reach the browser through
//! here; nothing here knows the UI.

pub mod intl;
pub mod panic;
pub mod route;
pub mod storage;
pub mod update;

/// The languages the browser prefers, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let nav = gloo::utils::window().navigator();
    let mut out: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if let Some(l) = nav.language() {
        out.push(l);
    }
    out
}

/// Writes a problem to the browser console (for whoever maintains the page).
pub fn log_error(message: &str) {
    web_sys::console::error_1(&message.into());
}
