//! The embed: `embed.js` defines `<ketamine-guide>` with an open shadow root, waits for
//! [`load_embed`], then calls [`mount_embed`] with the host element and a container inside its
//! shadow root. Attributes are validated by [`crate::embed_config`]; problems are shown inside
//! the element. The attribute reader, its messages, and the code that mounts, updates and
//! removes an app for an element are a lazily loaded part of their own ([`code`]): the
//! standalone page, the first view the byte budget counts, never downloads it. The functions
//! `embed.js` calls stay here, as thin doors into that part.

use crate::content::Locale;
use crate::embed_config::{self, EmbedConfig};
use crate::platform::{browser_languages, panic, route::RouteMode};
use crate::ui::{App, AppProps, Cta, ExplainSettings};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

/// What the embed's part offers: an app mounted for an element, given its attributes again,
/// and removed.
#[derive(Clone, Copy)]
pub(crate) struct EmbedCode {
    /// Mounts an app for the host element into the container (`instance` names its storage).
    pub mount: fn(&Element, &Element, &str) -> AppHandle<App>,
    /// Gives a mounted app the host's attributes as they are now.
    pub update: fn(&mut AppHandle<App>, &Element, &str),
    /// Removes a mounted app from its container.
    pub destroy: fn(AppHandle<App>, &Element),
}

crate::lazy_part! {
    /// The embed's attribute reader and its messages, and the code that mounts an app for an
    /// element: chunk `embed`, fetched by `embed.js` before its first element is mounted.
    pub(crate) mod code: EmbedCode = chunk embed, "the embed's settings reader did not load",
        EmbedCode { mount, update, destroy };
}

/// One mounted `<ketamine-guide>`.
#[wasm_bindgen]
pub struct EmbedHandle {
    app: Option<AppHandle<App>>,
    container: Element,
    instance: String,
}

#[wasm_bindgen]
impl EmbedHandle {
    /// Re-reads the host element's attributes (called when one changes).
    pub fn update(&mut self, host: &Element) {
        if let (Some(app), Some(code)) = (self.app.as_mut(), code::get()) {
            (code.update)(app, host, &self.instance);
        }
    }

    /// Unmounts the app (the element left the page).
    pub fn destroy(&mut self) {
        if let (Some(app), Some(code)) = (self.app.take(), code::get()) {
            (code.destroy)(app, &self.container);
        }
    }
}

/// Tells the app where its content files are (the folder `embed.js` was loaded from), then
/// downloads the embed's chunk; `embed.js` waits for it before mounting.
#[wasm_bindgen(js_name = loadEmbed)]
pub async fn load_embed(base: String) -> Result<(), JsValue> {
    crate::content::set_base(&base);
    code::load().await.map_err(|e| JsValue::from_str(&e))
}

/// Mounts an app for `host` into `container` (inside host's shadow root). `instance` names its
/// storage so several embeds on one page keep separate answers. Nothing (and `embed.js` shows
/// its error panel) if [`load_embed`] has not finished.
#[wasm_bindgen(js_name = mountEmbed)]
pub fn mount_embed(host: &Element, container: Element, instance: String) -> Option<EmbedHandle> {
    let code = code::get()?;
    Some(EmbedHandle {
        app: Some((code.mount)(host, &container, &instance)),
        container,
        instance,
    })
}

/// Mounts the app (the embed's part).
pub(crate) fn mount(host: &Element, container: &Element, instance: &str) -> AppHandle<App> {
    panic::install_hook();
    let props = props_for(host, instance);
    panic::register_mount(container, props.locale);
    yew::Renderer::<App>::with_root_and_props(container.clone(), props).render()
}

/// Gives the app the host's attributes as they are now (the embed's part).
pub(crate) fn update(app: &mut AppHandle<App>, host: &Element, instance: &str) {
    app.update(props_for(host, instance));
}

/// Removes the app and forgets its mount point (the embed's part).
pub(crate) fn destroy(app: AppHandle<App>, container: &Element) {
    app.destroy();
    panic::unregister_mount(container);
}

fn page_locale(host: &Element) -> Locale {
    let inherited = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"));
    let langs = browser_languages();
    Locale::negotiate(
        inherited
            .iter()
            .map(String::as_str)
            .chain(langs.iter().map(String::as_str)),
    )
}

/// The app's settings from `host`'s attributes, with the embed's messages about them (the
/// embed's part).
pub(crate) fn props_for(host: &Element, instance: &str) -> AppProps {
    let (config, errors) = embed_config::parse(|name| host.get_attribute(name));
    let EmbedConfig {
        sections,
        start,
        locale,
        currency,
        prices,
        cta,
        persist,
        theme,
        show_title,
        offer,
    } = config;
    let locale = locale.unwrap_or_else(|| page_locale(host));
    AppProps {
        sections,
        start,
        persist,
        currency: currency.into(),
        cta: cta.map(|(href, label)| Cta {
            href: href.into(),
            label: label.into(),
        }),
        prices: prices.map(Into::into),
        config_errors: errors,
        theme,
        show_title,
        offer,
        explain_settings: Some(ExplainSettings(crate::ui::config_panel)),
        ..AppProps::new(locale, RouteMode::Memory, instance, false)
    }
}
