//! Which language the app can show now: content is fetched per language and tool when first
//! needed, and while a newly chosen language downloads the previous one stays on screen.

use super::code;
use crate::content::{self, Feature, Locale};
use yew::prelude::*;

/// What [`use_content`] found.
pub struct Loaded {
    /// The language to render: the wanted one once its text is here, else the one shown so far.
    pub locale: Locale,
    /// Every needed file of `locale` is here.
    pub complete: bool,
    /// The last download of code or text that failed (each cleared by its next success).
    pub error: Option<String>,
}

/// Fetches whichever of `needed` are missing for `wanted`, re-rendering when they arrive.
#[hook]
pub fn use_content(wanted: Locale, needed: Vec<Feature>) -> Loaded {
    let complete = |l: Locale| needed.iter().all(|&f| ready(l, f));
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
    // Text and code fail or arrive independently: one's success must not hide the other's
    // failure.
    let text_error = use_state(|| None::<String>);
    let code_error = use_state(|| None::<String>);
    {
        let (text_error, code_error) = (text_error.clone(), code_error.clone());
        let missing = !complete(wanted);
        use_effect_with((wanted, needed.clone()), move |(wanted, needed)| {
            if missing {
                // Code and text download side by side; each wakes the app when it lands.
                for &f in needed.iter().filter(|&&f| !code::available(f)) {
                    let (code_error, refresh) = (code_error.clone(), refresh.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match code::ensure(f).await {
                            Ok(()) => {
                                code_error.set(None);
                                refresh.force_update();
                            }
                            Err(e) => code_error.set(Some(e)),
                        }
                    });
                }
                let (wanted, needed) = (*wanted, needed.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match content::ensure(wanted, needed).await {
                        Ok(()) => {
                            text_error.set(None);
                            refresh.force_update();
                        }
                        Err(e) => text_error.set(Some(e)),
                    }
                });
            }
        });
    }
    Loaded {
        locale,
        complete: complete(locale),
        error: (*code_error).clone().or_else(|| (*text_error).clone()),
    }
}

/// A tool can be shown in `locale`: its text and its code are both here.
pub fn ready(locale: Locale, f: Feature) -> bool {
    content::available(locale, f) && code::available(f)
}
