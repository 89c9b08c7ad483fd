//! Where each part of the view code lives. With the `split` feature (the release bundle) three
//! parts are compiled into their own wasm chunks, cut out of the main module by `wasm-split-cli`
//! (see `tools/build/split.mjs`):
//! - the evidence explorer and the cost estimator, downloaded the first time their tab is shown,
//!   like their text (the cost chunk also checks a clinic's price book);
//! - the self-check's last screens (review, result, provider summary), downloaded once the
//!   person has answered a first question, long before they are needed;
//! - the reader of a stored self-check (answers kept from earlier in the session), downloaded
//!   before the self-check is shown, and only when there is one;
//! - the embed's reader of `<ketamine-guide>` attributes and its messages about them, downloaded
//!   by `embed.js` before the first element is mounted (the standalone page never needs it).
//!
//! The first view's code (the shell and the self-check's questions) stays in the main module.
//! Without the feature (the browser tests) everything is in the one module and always here.

use crate::content::{Feature, Locale};
use crate::embed_config::ConfigError;
use yew::prelude::*;

/// A chunk of view code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Myths,
    Cost,
    /// The self-check's review, result and summary.
    QuizEnd,
    /// The reader of stored self-check answers.
    QuizRestore,
    /// The embed's attribute reader.
    Embed,
}

impl Part {
    /// The console's note when the chunk cannot be fetched.
    #[cfg(feature = "split")]
    fn what_failed(self) -> &'static str {
        match self {
            Part::Myths => "the evidence explorer's code did not load",
            Part::Cost => "the cost estimator's code did not load",
            Part::QuizEnd => "the self-check's review and result code did not load",
            Part::QuizRestore => "the reader of stored answers did not load",
            Part::Embed => "the embed's settings reader did not load",
        }
    }

    /// The chunk holding a tool's root view, if it has one.
    fn of(f: Feature) -> Option<Part> {
        match f {
            Feature::Myths => Some(Part::Myths),
            Feature::Cost => Some(Part::Cost),
            Feature::Results => Some(Part::QuizEnd),
            Feature::Quiz => RESTORE_NEEDED
                .with(|r| r.get())
                .then_some(Part::QuizRestore),
            Feature::Embed => Some(Part::Embed),
            Feature::Shell | Feature::Why | Feature::Options | Feature::About => None,
        }
    }
}

thread_local! {
    /// Stored self-check answers are waiting to be read: the self-check needs its reader.
    static RESTORE_NEEDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks the stored-answers reader as part of the self-check's code (there are answers to read).
pub fn need_quiz_restore() {
    RESTORE_NEEDED.with(|r| r.set(true));
}

/// Reads stored self-check answers against the content (`QuizState::restore`).
pub type QuizRestore =
    fn(&crate::quiz::QuizContent, &str) -> Result<crate::quiz::QuizState, crate::quiz::StateError>;

/// Renders the self-check's review or result screen.
pub type QuizEnd = fn(&super::quiz::End) -> Html;

/// The self-check's whole content (questions and results parts joined), read by the last
/// screens' chunk once both parts are here.
pub type QuizWhole = fn(Locale) -> Option<crate::quiz::QuizContent>;

/// What the embed chunk offers: an app mounted for an element, given its attributes again, and
/// removed; and what is wrong with the attributes, in words.
#[derive(Clone, Copy)]
pub struct EmbedCode {
    /// Mounts an app for the host element into the container (`instance` names its storage).
    pub mount: fn(&web_sys::Element, &web_sys::Element, &str) -> yew::AppHandle<super::App>,
    /// Gives a mounted app the host's attributes as they are now.
    pub update: fn(&mut yew::AppHandle<super::App>, &web_sys::Element, &str),
    /// Removes a mounted app from its container.
    pub destroy: fn(yew::AppHandle<super::App>, &web_sys::Element),
    panel: fn(&[&ConfigError], Locale) -> Html,
}

/// What the cost chunk offers besides its view.
#[derive(Clone, Copy)]
pub struct CostCode {
    view: fn() -> Html,
    /// Checks a clinic's price book and the currency; the messages quote the cost text of
    /// `Locale` when it is here.
    check_config: fn(Option<&str>, &str, Locale) -> Vec<ConfigError>,
}

/// What each part offers, written once: the chunks hand it out after download; builds
/// without chunks call these directly. Referenced only from there, so in the split build each
/// lands in its own chunk.
fn myths_view() -> Html {
    html! { <crate::ui::myths::MythsSection /> }
}

fn cost_code() -> CostCode {
    CostCode {
        view: || html! { <crate::ui::cost::CostSection /> },
        check_config: crate::ui::cost::check_config,
    }
}

fn quiz_end_code() -> (QuizEnd, QuizWhole) {
    (crate::ui::quiz::end_screen, |l| {
        crate::quiz::QuizContent::load(l).ok()
    })
}

fn quiz_restore_code() -> QuizRestore {
    crate::quiz::QuizState::restore
}

fn embed_code() -> EmbedCode {
    use crate::platform::embed;
    EmbedCode {
        mount: embed::mount,
        update: embed::update,
        destroy: embed::destroy,
        panel: super::config_panel,
    }
}

#[cfg(feature = "split")]
mod chunks {
    use super::{CostCode, EmbedCode, QuizEnd, QuizRestore, QuizWhole};
    use wasm_split_helpers::{wasm_split, SplitLoaderError};
    use yew::Html;

    #[wasm_split(myths, fallible)]
    pub fn myths() -> Result<fn() -> Html, SplitLoaderError> {
        Ok(super::myths_view)
    }

    #[wasm_split(cost, fallible)]
    pub fn cost() -> Result<CostCode, SplitLoaderError> {
        Ok(super::cost_code())
    }

    #[wasm_split(quiz_end, fallible)]
    pub fn quiz_end() -> Result<(QuizEnd, QuizWhole), SplitLoaderError> {
        Ok(super::quiz_end_code())
    }

    #[wasm_split(restore, fallible)]
    pub fn quiz_restore() -> Result<QuizRestore, SplitLoaderError> {
        Ok(super::quiz_restore_code())
    }

    #[wasm_split(embed, fallible)]
    pub fn embed() -> Result<EmbedCode, SplitLoaderError> {
        Ok(super::embed_code())
    }
}

/// The parts whose chunk has arrived.
#[cfg(feature = "split")]
#[derive(Clone, Copy)]
struct Loaded {
    myths: Option<fn() -> Html>,
    cost: Option<CostCode>,
    quiz_end: Option<(QuizEnd, QuizWhole)>,
    quiz_restore: Option<QuizRestore>,
    embed: Option<EmbedCode>,
}

#[cfg(feature = "split")]
thread_local! {
    static LOADED: std::cell::Cell<Loaded> = const {
        std::cell::Cell::new(Loaded {
            myths: None, cost: None, quiz_end: None, quiz_restore: None, embed: None,
        })
    };
}

#[cfg(feature = "split")]
fn loaded() -> Loaded {
    LOADED.with(|l| l.get())
}

/// The myths view, if its code is here.
fn myths() -> Option<fn() -> Html> {
    #[cfg(feature = "split")]
    return loaded().myths;
    #[cfg(not(feature = "split"))]
    Some(myths_view)
}

/// The cost chunk, if it is here.
fn cost() -> Option<CostCode> {
    #[cfg(feature = "split")]
    return loaded().cost;
    #[cfg(not(feature = "split"))]
    Some(cost_code())
}

/// The self-check's last screens, if their code is here.
pub fn quiz_end() -> Option<(QuizEnd, QuizWhole)> {
    #[cfg(feature = "split")]
    return loaded().quiz_end;
    #[cfg(not(feature = "split"))]
    Some(quiz_end_code())
}

/// The stored-answers reader, if its code is here.
pub fn quiz_restore() -> Option<QuizRestore> {
    #[cfg(feature = "split")]
    return loaded().quiz_restore;
    #[cfg(not(feature = "split"))]
    Some(quiz_restore_code())
}

/// The embed's code, if it is here.
pub(crate) fn embed() -> Option<EmbedCode> {
    #[cfg(feature = "split")]
    return loaded().embed;
    #[cfg(not(feature = "split"))]
    Some(embed_code())
}

/// What is wrong with an embed's settings, in words, once their text is here. Only embeds have
/// settings, and they load the embed chunk before mounting.
pub fn config_panel(errors: &[&ConfigError], locale: Locale) -> Html {
    embed().map_or_else(Html::default, |c| (c.panel)(errors, locale))
}

/// The part's code is here.
pub fn has(p: Part) -> bool {
    match p {
        Part::Myths => myths().is_some(),
        Part::Cost => cost().is_some(),
        Part::QuizEnd => quiz_end().is_some(),
        Part::QuizRestore => quiz_restore().is_some(),
        Part::Embed => embed().is_some(),
    }
}

/// The tool's code is here (always, for the shell and the self-check's questions).
pub fn available(f: Feature) -> bool {
    Part::of(f).is_none_or(has)
}

/// Downloads the part's chunk if it is not here yet. A failed download can be retried.
pub async fn load(p: Part) -> Result<(), String> {
    #[cfg(feature = "split")]
    if !has(p) {
        let failed = |_| p.what_failed().to_owned();
        let mut now = loaded();
        match p {
            Part::Myths => now.myths = Some(chunks::myths().await.map_err(failed)?),
            Part::Cost => now.cost = Some(chunks::cost().await.map_err(failed)?),
            Part::QuizEnd => now.quiz_end = Some(chunks::quiz_end().await.map_err(failed)?),
            Part::QuizRestore => {
                now.quiz_restore = Some(chunks::quiz_restore().await.map_err(failed)?)
            }
            Part::Embed => now.embed = Some(chunks::embed().await.map_err(failed)?),
        }
        // Another part may have landed while this one downloaded: merge, do not overwrite.
        LOADED.with(|l| {
            let mut all = l.get();
            all.myths = all.myths.or(now.myths);
            all.cost = all.cost.or(now.cost);
            all.quiz_end = all.quiz_end.or(now.quiz_end);
            all.quiz_restore = all.quiz_restore.or(now.quiz_restore);
            all.embed = all.embed.or(now.embed);
            l.set(all);
        });
    }
    let _ = p;
    Ok(())
}

/// Downloads the tool's code if it is not here yet.
pub async fn ensure(f: Feature) -> Result<(), String> {
    match Part::of(f) {
        Some(p) => load(p).await,
        None => Ok(()),
    }
}

/// The tool's root component, or nothing if its code is not here (callers check
/// [`available`] first).
pub fn view(f: Feature) -> Html {
    match f {
        Feature::Shell
        | Feature::Why
        | Feature::Results
        | Feature::Embed
        | Feature::Options
        | Feature::About => Html::default(),
        Feature::Quiz => html! { <super::quiz::QuizSection /> },
        Feature::Myths => myths().map_or_else(Html::default, |v| v()),
        Feature::Cost => cost().map_or_else(Html::default, |c| (c.view)()),
    }
}

/// What is wrong with a clinic's price book or the currency, once the cost code that reads
/// price books is here (nothing until then, and when both are fine).
pub fn config_problems(prices: Option<&str>, currency: &str, locale: Locale) -> Vec<ConfigError> {
    cost().map_or_else(Vec::new, |c| (c.check_config)(prices, currency, locale))
}
