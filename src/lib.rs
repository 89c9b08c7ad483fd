//! ketamine-guide: a privacy-first education widget about ketamine therapy.
//!
//! Pure engines (`content`, `quiz`, `myths`, `cost`) have no browser dependency and are tested
//! with plain `cargo test`. The Yew UI (`ui`), browser services (`platform`) and the entry
//! points (`entry`: the standalone page and the embed) exist only on wasm.

pub mod content;
pub mod cost;
pub mod embed_config;
pub mod myths;
pub mod nav;
pub mod numfmt;
pub mod options;
pub mod quiz;

#[cfg(target_arch = "wasm32")]
pub mod entry;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use entry::standalone::start_standalone;

/// Talc instead of the default dlmalloc: the same service for about 2 KB less compressed wasm.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
