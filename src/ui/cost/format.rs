//! Numbers for people: the engine's [`NumberFormat`] over the browser's `Intl.NumberFormat`,
//! in the widget's currency and locale.

use crate::content::Locale;
use crate::cost::{Bps, Cents, NumberFormat};
use crate::platform::intl;
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// Formats with `Intl` for one currency and locale.
#[derive(Clone, Debug, PartialEq)]
pub struct IntlFormat {
    /// ISO 4217 code, validated by the embed.
    pub currency: String,
    /// Active locale.
    pub locale: Locale,
}

impl IntlFormat {
    /// A format for one currency and locale.
    pub fn new(currency: &str, locale: Locale) -> IntlFormat {
        IntlFormat {
            currency: currency.to_owned(),
            locale,
        }
    }
}

impl NumberFormat for IntlFormat {
    fn money(&self, c: Cents) -> String {
        intl::money(c.get(), &self.currency, self.locale)
    }

    fn count(&self, n: u64) -> String {
        // Counts here are at most a few thousand, so f64 holds them exactly.
        intl::number(n as f64, self.locale)
    }

    fn decimal(&self, hundredths: u64) -> String {
        intl::number(hundredths as f64 / 100.0, self.locale)
    }

    fn percent(&self, p: Bps) -> String {
        let opts = Object::new();
        let _ = Reflect::set(&opts, &"style".into(), &"percent".into());
        let _ = Reflect::set(
            &opts,
            &"maximumFractionDigits".into(),
            &JsValue::from_f64(2.0),
        );
        let locales = Array::of1(&JsValue::from_str(self.locale.intl_tag()));
        let value = JsValue::from_f64(f64::from(p.get()) / 10_000.0);
        Intl::NumberFormat::new(&locales, &opts)
            .format()
            .call1(&JsValue::NULL, &value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| {
                let mut s = crate::numfmt::decimal(f64::from(p.get()) / 100.0, 2);
                s.push('%');
                s
            })
    }
}
