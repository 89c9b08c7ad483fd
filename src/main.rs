//! Thin entry point Trunk builds: everything lives in the library.
fn main() {
    #[cfg(target_arch = "wasm32")]
    ketamine_guide::start_standalone();
}
