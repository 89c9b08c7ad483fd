//! The ways the widget starts: the standalone page and the embed's `<ketamine-guide>` element.
//! Each mounts `ui::App` with its own settings; nothing else in the crate imports this module,
//! so dependencies point one way: entry points → `ui` → engines and `platform` → `content`.

pub mod embed;
pub mod standalone;
