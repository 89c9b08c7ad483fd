//! Which language the app can show now: content is fetched per language and tool when first
//! needed, and while a newly chosen language downloads the previous one stays on screen.

use crate::content::{self, Feature, Locale};
use yew::prelude::*;

/// What [`use_content`] found.
pub struct Loaded {
    /// The language to render: the wanted one once its text is here, else the one shown so far.
    pub locale: Locale,
    /// Every needed file of `locale` is here.
    pub complete: bool,
    /// The last download that failed (cleared by the next one that succeeds).
    pub error: Option<String>,
}

/// Fetches whichever of `needed` are missing for `wanted`, re-rendering when they arrive.
#[hook]
pub fn use_content(wanted: Locale, needed: Vec<Feature>) -> Loaded {
    let complete = |l: Locale| needed.iter().all(|&f| content::available(l, f));
    let shown = use_mut_ref(|| None::<Locale>);
    let locale = if complete(wanted) {
        wanted
    } else {
        let previous = *shown.borrow();
        previous
            .filter(|&l| content::available(l, Feature::Shell))
            .unwrap_or(wanted)
    };
    if complete(locale) {
        *shown.borrow_mut() = Some(locale);
    }
    let refresh = use_force_update();
    let error = use_state(|| None::<String>);
    {
        let error = error.clone();
        let missing = !complete(wanted);
        use_effect_with((wanted, needed.clone()), move |(wanted, needed)| {
            if missing {
                let (wanted, needed) = (*wanted, needed.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match content::ensure(wanted, needed).await {
                        Ok(()) => {
                            error.set(None);
                            refresh.force_update();
                        }
                        Err(e) => error.set(Some(e)),
                    }
                });
            }
        });
    }
    Loaded {
        locale,
        complete: complete(locale),
        error: (*error).clone(),
    }
}
