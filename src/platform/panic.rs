//! A visible error panel instead of a blank page when the app panics.
//!
//! With `panic = "abort"` the wasm instance is dead once the hook returns, so the panel must
//! work without it: plain markup, and a reload *link* rather than a button with a handler.

use crate::content::{shell::ShellText, Locale};
use std::cell::RefCell;
use web_sys::Element;

thread_local! {
    /// Every element a widget instance renders into, with its locale.
    static MOUNTS: RefCell<Vec<(Element, Locale)>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a mount point so a panic can replace its content with the error panel.
pub fn register_mount(root: &Element, locale: Locale) {
    MOUNTS.with(|m| m.borrow_mut().push((root.clone(), locale)));
}

/// Forgets a mount point (an embed removed from its page).
pub fn unregister_mount(root: &Element) {
    MOUNTS.with(|m| m.borrow_mut().retain(|(el, _)| el != root));
}

/// Installs the hook: log the panic, then show the panel in every mounted instance.
pub fn install_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("ketamine-guide: {info}").into());
        MOUNTS.with(|m| {
            if let Ok(mounts) = m.try_borrow() {
                for (root, locale) in mounts.iter() {
                    show_error_panel(root, *locale);
                }
            }
        });
    }));
}

/// Replaces `root`'s content with the error panel (also used by tests).
pub fn show_error_panel(root: &Element, locale: Locale) {
    let (title, body, reload) = match ShellText::load(locale) {
        Ok(s) => (s.error_title, s.error_body, s.error_reload),
        // The content itself may be what failed: fall back to the shortest honest message.
        Err(_) => ("Error".to_owned(), String::new(), "Reload".to_owned()),
    };
    let html = format!(
        "<div class=\"kg-error\" role=\"alert\" data-error-panel=\"\">\
         <h2>{}</h2><p>{}</p><p><a class=\"kg-button\" href=\"\">{}</a></p></div>",
        escape(&title),
        escape(&body),
        escape(&reload)
    );
    root.set_inner_html(&html);
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
