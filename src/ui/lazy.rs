//! Lazily loaded parts of the code. With the `split` feature (the release bundle) each part is
//! cut out of the main wasm module into a chunk of its own by `wasm-split-cli` (see
//! `tools/build/split.mjs`) and fetched the first time it is needed; without it (the browser
//! tests) every part is compiled in and always here. [`lazy_part!`](crate::lazy_part) is the
//! one place that knows the difference: a part is declared with it beside the code it loads,
//! and everything else asks the part whether it is here.
//!
//! What a part offers is a small `Copy` value, usually function pointers into its code. The main
//! module reaches that code only through the value, so the splitter can move it out. Each part
//! is a module of its own with plain functions (no boxed futures, no trait objects): the main
//! module pays only for what each part's download needs.

/// Declares a lazily loaded part beside the code it loads, as a module with `get()` (what the
/// part offers, once its code is here) and `load()` (fetches its chunk if it is not here yet; a
/// failed download can be retried):
///
/// ```ignore
/// crate::lazy_part! {
///     /// The evidence explorer's view.
///     pub(crate) mod code: fn() -> Html = chunk myths, "the evidence explorer's code did not load",
///         myths_view;
/// }
/// ```
///
/// `chunk` names the wasm chunk (`wasm-split-cli` writes one file per name); the text is the
/// console's note when it cannot be fetched; the expression is what the part offers, evaluated
/// inside the chunk, with the declaring module's names in scope.
#[macro_export]
macro_rules! lazy_part {
    ($(#[$doc:meta])* $vis:vis mod $name:ident: $t:ty = chunk $chunk:ident, $what:literal, $code:expr;) => {
        $(#[$doc])*
        $vis mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[cfg(feature = "split")]
            ::std::thread_local! {
                static HERE: ::std::cell::Cell<Option<$t>> = const { ::std::cell::Cell::new(None) };
            }

            #[cfg(feature = "split")]
            #[::wasm_split_helpers::wasm_split($chunk, fallible)]
            fn offer() -> Result<$t, ::wasm_split_helpers::SplitLoaderError> {
                Ok($code)
            }

            /// What the part offers, if its code is here.
            #[allow(dead_code)]
            pub fn get() -> Option<$t> {
                #[cfg(feature = "split")]
                return HERE.with(::std::cell::Cell::get);
                #[cfg(not(feature = "split"))]
                Some($code)
            }

            /// Fetches the part's chunk if it is not here yet. A failed download can be retried.
            #[allow(dead_code)]
            pub async fn load() -> Result<(), String> {
                #[cfg(feature = "split")]
                if get().is_none() {
                    let code = offer().await.map_err(|_| $what.to_owned())?;
                    HERE.with(|h| h.set(Some(code)));
                }
                Ok(())
            }
        }
    };
}
