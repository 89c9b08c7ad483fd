//! The offline app's "update available" offer. The service worker's registration
//! (`tools/runtime/sw-register.js`, imported by the page's loader) owns the service worker: it
//! announces a waiting version with a `kg-update-available` event (and `window.__kgUpdate`, for
//! an app that starts after the event), and activates it when it hears `kg-update-accept`.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::Callback;

/// Whether a newer version is already waiting.
pub fn waiting() -> bool {
    js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str("__kgUpdate"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false)
}

/// Calls `on_available` when a newer version becomes ready; lives as long as the guard.
pub fn listen(on_available: Callback<()>) -> EventListener {
    EventListener::new(&gloo::utils::window(), "kg-update-available", move |_| {
        on_available.emit(())
    })
}

/// Asks boot.js to switch to the waiting version (the page reloads when it takes over).
pub fn accept() {
    if let Ok(event) = web_sys::CustomEvent::new("kg-update-accept") {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}
