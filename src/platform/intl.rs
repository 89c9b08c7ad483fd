//! Numbers, money and dates through the browser's `Intl`, for the active locale.

use crate::content::Locale;
use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn locales(locale: Locale) -> Array {
    Array::of1(&JsValue::from_str(locale.intl_tag()))
}

/// Intl throws only for a malformed code; any well-formed one (even unknown) formats.
fn well_formed(currency: &str) -> bool {
    currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase())
}

/// Formats integer cents as money, e.g. `$1,350`. A whole amount has no decimals; any other
/// has the currency's own minor units, as `Intl` knows them by default: `$512.50`, but `¥513`
/// (yen have none) and `KWD 512.500`. A malformed currency code falls back to a plain number
/// with the code after it.
pub fn money(cents: u64, currency: &str, locale: Locale) -> String {
    // Two options set the digits to none; without them `Intl` uses the currency's own.
    let n = if cents % 100 == 0 { 4 } else { 2 };
    let opts = [
        ("style", "currency".into()),
        ("currency", currency.into()),
        ("minimumFractionDigits", 0.into()),
        ("maximumFractionDigits", 0.into()),
    ];
    let value = JsValue::from_f64(cents as f64 / 100.0);
    if !well_formed(currency) {
        return format!("{} {currency}", number(cents as f64 / 100.0, locale));
    }
    let f = Intl::NumberFormat::new(&locales(locale), &options(&opts[..n]));
    f.format()
        .call1(&JsValue::NULL, &value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{} {currency}", number(cents as f64 / 100.0, locale)))
}

/// Formats a plain number with the locale's grouping and decimal marks.
pub fn number(value: f64, locale: Locale) -> String {
    let f = Intl::NumberFormat::new(
        &locales(locale),
        &options(&[("maximumFractionDigits", 2.into())]),
    );
    f.format()
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| crate::numfmt::decimal(value, 2))
}

/// Today's date written out for the locale (e.g. "24 November 2026" / "November 24, 2026").
pub fn today(locale: Locale) -> String {
    let f = Intl::DateTimeFormat::new(&locales(locale), &options(&[("dateStyle", "long".into())]));
    f.format()
        .call1(&JsValue::NULL, &Date::new_0())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// A `YYYY-MM-DD` date written out for the locale (e.g. "December 5, 2026"), the same day in
/// every time zone; the text as it is if it is not such a date.
pub fn long_date(iso: &str, locale: Locale) -> String {
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    let [y, m, d] = parts[..] else {
        return iso.to_owned();
    };
    let utc = Date::utc(f64::from(y), f64::from(m) - 1.0);
    let date = Date::new(&JsValue::from_f64(utc + f64::from(d - 1) * 86_400_000.0));
    let f = Intl::DateTimeFormat::new(
        &locales(locale),
        &options(&[("dateStyle", "long".into()), ("timeZone", "UTC".into())]),
    );
    f.format()
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| iso.to_owned())
}

/// Today's date as `YYYY-MM-DD` (file names).
pub fn today_iso() -> String {
    let d = Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
