//! Everything that touches the browser besides rendering: entry points, the panic panel,
//! routing (URL fragment or in-memory), and storage. UI components reach the browser only
//! through here.

pub mod embed;
pub mod entry;
pub mod intl;
pub mod panic;
pub mod route;
pub mod storage;
pub mod update;

/// Writes a problem to the browser console (for whoever maintains the page).
pub fn log_error(message: &str) {
    web_sys::console::error_1(&message.into());
}
