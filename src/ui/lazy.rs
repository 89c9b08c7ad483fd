//! Lazily loaded parts of the code. With the `split` feature (the release bundle) each part is
//! cut out of the main wasm module into a chunk of its own by `wasm-split-cli` (see
//! `tools/build/split.mjs`) and fetched the first time it is needed; without it (the browser
//! tests) every part is compiled in and always here. This module is the one place that knows
//! the difference: a part is declared beside the code it loads with
//! [`lazy_part!`](crate::lazy_part), and everything else asks the part whether it is here.
//!
//! What a part offers is a small `Copy` value, usually function pointers into its code. The main
//! module reaches that code only through the value, so the splitter can move it out.

#[cfg(feature = "split")]
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
#[cfg(feature = "split")]
use std::thread::LocalKey;

/// The download of a part's chunk (only in the split build).
#[cfg(feature = "split")]
pub type Fetch<T> = Pin<Box<dyn Future<Output = Option<T>>>>;

/// One lazily loaded part: what it offers once its code is here.
pub struct LazyPart<T: Copy + 'static> {
    /// The console's note when the chunk cannot be fetched.
    #[cfg(feature = "split")]
    what_failed: &'static str,
    /// What the part offers, once fetched.
    #[cfg(feature = "split")]
    here: &'static LocalKey<Cell<Option<T>>>,
    /// Fetches the chunk.
    #[cfg(feature = "split")]
    fetch: fn() -> Fetch<T>,
    /// Hands out the compiled-in code.
    #[cfg(not(feature = "split"))]
    code: fn() -> T,
}

impl<T: Copy + 'static> LazyPart<T> {
    /// A part fetched with `fetch` (written by [`lazy_part!`](crate::lazy_part)).
    #[cfg(feature = "split")]
    pub const fn new(
        what_failed: &'static str,
        here: &'static LocalKey<Cell<Option<T>>>,
        fetch: fn() -> Fetch<T>,
    ) -> Self {
        LazyPart {
            what_failed,
            here,
            fetch,
        }
    }

    /// A part compiled into the one module (written by [`lazy_part!`](crate::lazy_part)).
    #[cfg(not(feature = "split"))]
    pub const fn new(code: fn() -> T) -> Self {
        LazyPart { code }
    }

    /// What the part offers, if its code is here.
    pub fn get(&self) -> Option<T> {
        #[cfg(feature = "split")]
        return self.here.with(Cell::get);
        #[cfg(not(feature = "split"))]
        Some((self.code)())
    }

    /// Fetches the part's chunk if it is not here yet. A failed download can be retried.
    pub async fn load(&self) -> Result<(), String> {
        #[cfg(feature = "split")]
        if self.get().is_none() {
            match (self.fetch)().await {
                Some(code) => self.here.with(|h| h.set(Some(code))),
                None => return Err(self.what_failed.to_owned()),
            }
        }
        Ok(())
    }
}

/// A lazily loaded part seen without what it offers: whether it is here, and its download.
pub trait Part {
    /// The part's code is here.
    fn is_here(&self) -> bool;
    /// Fetches the part's chunk if it is not here yet.
    fn fetch(&'static self) -> Pin<Box<dyn Future<Output = Result<(), String>>>>;
}

impl<T: Copy + 'static> Part for LazyPart<T> {
    fn is_here(&self) -> bool {
        self.get().is_some()
    }

    fn fetch(&'static self) -> Pin<Box<dyn Future<Output = Result<(), String>>>> {
        Box::pin(self.load())
    }
}

/// Declares a lazily loaded part beside the code it loads:
///
/// ```ignore
/// crate::lazy_part! {
///     /// The evidence explorer's view.
///     pub static VIEW: fn() -> Html = chunk myths, "the evidence explorer's code did not load",
///         || html! { <MythsSection /> };
/// }
/// ```
///
/// `chunk` names the wasm chunk (`wasm-split-cli` writes one file per name); the text is the
/// console's note when it cannot be fetched; the expression is what the part offers, evaluated
/// inside the chunk. The part is a [`LazyPart`] static.
#[macro_export]
macro_rules! lazy_part {
    ($(#[$doc:meta])* $vis:vis static $name:ident: $t:ty = chunk $chunk:ident, $what:literal, $code:expr;) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        $vis static $name: $crate::ui::lazy::LazyPart<$t> = {
            ::std::thread_local! {
                static HERE: ::std::cell::Cell<Option<$t>> = const { ::std::cell::Cell::new(None) };
            }
            #[::wasm_split_helpers::wasm_split($chunk, fallible)]
            fn offer() -> Result<$t, ::wasm_split_helpers::SplitLoaderError> {
                Ok($code)
            }
            fn fetch() -> $crate::ui::lazy::Fetch<$t> {
                Box::pin(async { offer().await.ok() })
            }
            $crate::ui::lazy::LazyPart::new($what, &HERE, fetch)
        };
        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        $vis static $name: $crate::ui::lazy::LazyPart<$t> = {
            fn code() -> $t {
                $code
            }
            $crate::ui::lazy::LazyPart::new(code)
        };
    };
}
