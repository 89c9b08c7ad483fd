//! Where each tool's view code lives. With the `split` feature (the release bundle) the
//! evidence explorer and the cost estimator are compiled into their own wasm chunks, cut out of
//! the main module by `wasm-split-cli` (see `tools/post-build.mjs`), and downloaded the first
//! time their tab is shown, like their text. The first view's code (the shell and the
//! self-check) stays in the main module. Without the feature (the browser tests) every view is
//! in the one module and always available.

use crate::content::Feature;
use yew::prelude::*;

/// Renders one tool's root component.
#[cfg(feature = "split")]
type View = fn() -> Html;

#[cfg(feature = "split")]
mod chunks {
    use super::View;
    use wasm_split_helpers::{wasm_split, SplitLoaderError};
    use yew::prelude::*;

    #[wasm_split(myths, fallible)]
    pub fn myths() -> Result<View, SplitLoaderError> {
        Ok(|| html! { <crate::ui::myths::MythsSection /> })
    }

    #[wasm_split(cost, fallible)]
    pub fn cost() -> Result<View, SplitLoaderError> {
        Ok(|| html! { <crate::ui::cost::CostSection /> })
    }
}

#[cfg(feature = "split")]
thread_local! {
    /// The views whose chunk has arrived: [myths, cost].
    static LOADED: std::cell::Cell<[Option<View>; 2]> = const { std::cell::Cell::new([None, None]) };
}

#[cfg(feature = "split")]
fn slot(f: Feature) -> Option<usize> {
    match f {
        Feature::Myths => Some(0),
        Feature::Cost => Some(1),
        Feature::Shell | Feature::Quiz => None,
    }
}

/// The tool's code is here (always, for the shell and the self-check).
pub fn available(f: Feature) -> bool {
    #[cfg(feature = "split")]
    if let Some(i) = slot(f) {
        return LOADED.with(|l| l.get()[i].is_some());
    }
    let _ = f;
    true
}

/// Downloads the tool's chunk if it is not here yet. A failed download can be retried.
pub async fn ensure(f: Feature) -> Result<(), String> {
    #[cfg(feature = "split")]
    if let Some(i) = slot(f) {
        if !available(f) {
            let view = match f {
                Feature::Myths => chunks::myths().await,
                _ => chunks::cost().await,
            }
            .map_err(|e| format!("code for {f:?} did not load: {e}"))?;
            LOADED.with(|l| {
                let mut all = l.get();
                all[i] = Some(view);
                l.set(all);
            });
        }
    }
    let _ = f;
    Ok(())
}

/// The tool's root component, or nothing if its code is not here (callers check
/// [`available`] first).
pub fn view(f: Feature) -> Html {
    match f {
        Feature::Shell => Html::default(),
        Feature::Quiz => html! { <super::quiz::QuizSection /> },
        #[cfg(feature = "split")]
        _ => slot(f)
            .and_then(|i| LOADED.with(|l| l.get()[i]))
            .map_or_else(Html::default, |v| v()),
        #[cfg(not(feature = "split"))]
        Feature::Myths => html! { <super::myths::MythsSection /> },
        #[cfg(not(feature = "split"))]
        Feature::Cost => html! { <super::cost::CostSection /> },
    }
}
