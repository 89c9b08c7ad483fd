//! The embed: `embed.js` defines `<ketamine-guide>` with an open shadow root, waits for
//! [`load_embed`], then calls [`mount_embed`] with the host element and a container inside its
//! shadow root. Attributes are validated by [`crate::embed_config`]; problems are shown inside
//! the element. The attribute reader is a chunk of its own (`ui::code`): the standalone page,
//! the first view the byte budget counts, never downloads it.

use crate::content::Locale;
use crate::embed_config::{self, EmbedConfig};
use crate::platform::{entry::browser_languages, panic, route::RouteMode};
use crate::ui::code::{self, embed_props, Part};
use crate::ui::{App, AppProps, Cta};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

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
        if let (Some(app), Some(props)) = (self.app.as_mut(), embed_props(host, &self.instance)) {
            app.update(props);
        }
    }

    /// Unmounts the app (the element left the page).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        panic::unregister_mount(&self.container);
    }
}

/// Tells the app where its content files are: the folder `embed.js` was loaded from.
#[wasm_bindgen(js_name = setContentBase)]
pub fn set_content_base(base: &str) {
    crate::content::set_base(base);
}

/// Downloads the embed's attribute reader; `embed.js` waits for it before mounting.
#[wasm_bindgen(js_name = loadEmbed)]
pub async fn load_embed() -> Result<(), JsValue> {
    code::load(Part::Embed)
        .await
        .map_err(|e| JsValue::from_str(&e))
}

/// Mounts an app for `host` into `container` (inside host's shadow root). `instance` names its
/// storage so several embeds on one page keep separate answers. Fails (and `embed.js` shows
/// its error panel) if [`load_embed`] has not finished.
#[wasm_bindgen(js_name = mountEmbed)]
pub fn mount_embed(
    host: &Element,
    container: Element,
    instance: String,
) -> Result<EmbedHandle, JsValue> {
    panic::install_hook();
    let props = embed_props(host, &instance)
        .ok_or_else(|| JsValue::from_str("mountEmbed before loadEmbed"))?;
    panic::register_mount(&container, props.locale);
    let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props).render();
    Ok(EmbedHandle {
        app: Some(app),
        container,
        instance,
    })
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

/// The app's settings from `host`'s attributes (the embed chunk's entry, through `ui::code`).
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
        ..AppProps::new(locale, RouteMode::Memory, instance, false)
    }
}
