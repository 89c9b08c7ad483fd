//! The two things the result asks of the device itself: printing, and saving the summary as a
//! file made in the browser (a Blob behind an object URL; nothing leaves the device).

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Opens the browser's print dialog (the print stylesheet keeps only the summary).
pub(super) fn print() {
    let _ = gloo::utils::window().print();
}

/// Offers `text` as a download named `filename`.
pub(super) fn download_text(filename: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    // A detached link: nothing is added to the (possibly foreign) host page.
    let link: HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // The browser reads the URL after the click returns; free it a little later.
    Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
