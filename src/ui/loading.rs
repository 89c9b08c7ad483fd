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
    /// The downloads of code or text that failed, by tool, latest last (each cleared by that
    /// tool's next success): a refused file shows its panel in its own tool only.
    pub errors: Vec<(Feature, String)>,
}

impl Loaded {
    /// The latest failure, whichever tool it was for.
    pub fn error(&self) -> Option<&str> {
        self.errors.last().map(|(_, e)| e.as_str())
    }

    /// The latest failure of one tool's code or text.
    pub fn error_for(&self, f: Feature) -> Option<&str> {
        self.errors
            .iter()
            .rev()
            .find(|(g, _)| *g == f)
            .map(|(_, e)| e.as_str())
    }
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
    // Each tool's code and text fail or arrive independently: one's success must not hide
    // another's failure, and one's failure must not show in another tool. Downloads finish in
    // any order, so the list is shared and changed in place.
    let errors = use_mut_ref(Vec::<(Feature, Source, String)>::new);
    {
        let errors = errors.clone();
        let missing = !complete(wanted);
        use_effect_with((wanted, needed.clone()), move |(wanted, needed)| {
            if missing {
                let settle = {
                    let refresh = refresh.clone();
                    move |f: Feature, source: Source, result: Result<(), String>| {
                        let mut errors = errors.borrow_mut();
                        errors.retain(|(g, s, _)| !(*g == f && *s == source));
                        if let Err(e) = result {
                            errors.push((f, source, e));
                        }
                        drop(errors);
                        refresh.force_update();
                    }
                };
                // Code and text download side by side, one download per tool; each wakes the
                // app when it lands.
                for &f in needed.iter().filter(|&&f| !code_here(f)) {
                    let settle = settle.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        settle(f, Source::Code, fetch_code(f).await);
                    });
                }
                for &f in needed.iter().filter(|&&f| !content::available(*wanted, f)) {
                    let (settle, wanted) = (settle.clone(), *wanted);
                    wasm_bindgen_futures::spawn_local(async move {
                        settle(f, Source::Text, content::ensure(wanted, vec![f]).await);
                    });
                }
            }
        });
    }
    let errors: Vec<(Feature, String)> = errors
        .borrow()
        .iter()
        .map(|(f, _, e)| (*f, e.clone()))
        .collect();
    Loaded {
        locale,
        complete: complete(locale),
        errors,
    }
}

/// What a download was for: a tool's code or its text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Code,
    Text,
}

/// A tool can be shown in `locale`: its text and its code are both here.
pub fn ready(locale: Locale, f: Feature) -> bool {
    content::available(locale, f) && code_here(f)
}

/// The tool's code is here: the shell and the self-check's questions are in the main module;
/// every other tool's code is a lazily loaded part (see `ui::lazy`).
fn code_here(f: Feature) -> bool {
    use super::{cost, myths, quiz};
    match f {
        Feature::Myths => myths::code::get().is_some(),
        Feature::Cost => cost::code::get().is_some(),
        Feature::Results => quiz::end::get().is_some(),
        Feature::Quiz => !quiz::needs_restore_code() || quiz::restore_code::get().is_some(),
        // An embed's code is here before it mounts (`embed.js` waits for it).
        Feature::Embed | Feature::Shell | Feature::Why | Feature::Options | Feature::About => true,
    }
}

/// Fetches the lazily loaded part holding the tool's code, if it is not here yet.
async fn fetch_code(f: Feature) -> Result<(), String> {
    use super::{cost, myths, quiz};
    match f {
        Feature::Myths => myths::code::load().await,
        Feature::Cost => cost::code::load().await,
        Feature::Results => quiz::end::load().await,
        Feature::Quiz => quiz::restore_code::load().await,
        Feature::Embed | Feature::Shell | Feature::Why | Feature::Options | Feature::About => {
            Ok(())
        }
    }
}
