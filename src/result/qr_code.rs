//! The household record's QR code for the commune office (docs/formats.md §4): folded on the
//! result page, printed open on the sheet. The encoder is not in this wasm: `lazy/qr.js` (with
//! Nayuki's qrcodegen) is loaded when a result is shown, and from then on draws every
//! `.qr-code[data-record]` on the page as SVG, compressing the record with the browser's
//! CompressionStream; the service worker caches it on first use. This side only writes the block
//! and adds the module's script: measured on the first load, the same steps as an async Rust
//! function cost about 2.5 KB gzip more.

use crate::result::markup::Markup;
use mucsong_widgets::i18n::I18n;
use wasm_bindgen::{JsCast, JsValue};

/// The module that draws the codes (scripts/build.sh copies it into `dist/lazy/`).
const QR_MODULE_URL: &str = "lazy/qr.js";

/// Writes the QR block of a household record's JSON (its export, compact). The code's
/// `data-state`, which `lazy/qr.js` sets, chooses the sentence shown under it (style/main.css):
/// being made, ready, too large for one readable code, or not made because the module could not
/// be downloaded (`<html data-qr="failed">`).
pub fn write_qr_block(m: &mut Markup, i18n: &I18n, record_json: &str) {
    m.open("section", r#"class="qr-block" data-testid="qr-block""#)
        .open("details", "")
        .leaf("summary", "", i18n.t("qr_title"))
        .leaf("p", r#"class="hint""#, i18n.t("qr_intro"))
        .open_with(
            "div",
            &[
                ("class", "qr-code"),
                ("data-testid", "qr-code"),
                ("data-state", "loading"),
                ("role", "img"),
                ("aria-label", i18n.t("qr_title")),
                ("data-record", record_json),
            ],
        )
        .close("div");
    for (key, attrs) in [
        ("qr_loading", r#"class="hint qr-status qr-loading""#),
        ("qr_ready", r#"class="hint qr-status qr-ready""#),
        (
            "qr_too_large",
            r#"class="note warning qr-status qr-too-large" data-testid="qr-too-large""#,
        ),
        (
            "qr_failed",
            r#"class="note warning qr-status qr-failed" data-testid="qr-failed""#,
        ),
    ] {
        m.leaf("p", attrs, i18n.t(key));
    }
    m.close("details").close("section");
}

/// Adds `<script type="module" src="lazy/qr.js">` to the page once. When the module cannot be
/// had (offline before it was ever cached), `<html>` gets `data-qr="failed"`.
pub fn load_qr_module() {
    if let Err(e) = add_script() {
        web_sys::console::warn_2(&QR_MODULE_URL.into(), &e);
    }
}

fn add_script() -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let selector = format!(r#"script[src="{QR_MODULE_URL}"]"#);
    if document.query_selector(&selector)?.is_some() {
        return Ok(());
    }
    let script = document.create_element("script")?;
    script.set_attribute("type", "module")?;
    script.set_attribute("src", QR_MODULE_URL)?;
    // The error listener is <html>'s own setAttribute, bound: no Rust closure to keep.
    if let Some(html) = document.document_element() {
        let set_attribute: js_sys::Function =
            js_sys::Reflect::get(&html, &"setAttribute".into())?.dyn_into()?;
        let failed: js_sys::Function = set_attribute
            .bind2(&html, &"data-qr".into(), &"failed".into())
            .unchecked_into();
        script.add_event_listener_with_callback("error", &failed)?;
    }
    document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?
        .append_child(&script)?;
    Ok(())
}
