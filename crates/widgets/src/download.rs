//! Saving a text as a file on the device (export, set-aside records), with no server involved.

use wasm_bindgen::{JsCast, JsValue};

/// A thrown JavaScript value as text: an `Error`'s (or `DOMException`'s) name and message, a thrown
/// string as it is. Written out rather than through `JsValue`'s `{:?}`, which links wasm-bindgen's
/// `debugString` into the page's JavaScript (measured: 0.65 KB gzip of the household bundle).
pub fn js_error_text(e: &JsValue) -> String {
    if let Some(error) = e.dyn_ref::<js_sys::Error>() {
        return format!(
            "{}: {}",
            String::from(error.name()),
            String::from(error.message())
        );
    }
    e.as_string()
        .unwrap_or_else(|| "a JavaScript error without a message".to_string())
}

/// Offers `text` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| js_error_text(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_error_text(&e))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_error_text(&e))?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name safe on every system, from a household's name.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .trim_matches('-')
        .to_string();
    if stem.is_empty() {
        "ho-gia-dinh".to_string()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::js_error_text;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_thrown_error_reads_as_its_name_and_message() {
        let error = js_sys::Error::new("the disk is full");
        assert_eq!(js_error_text(&error.into()), "Error: the disk is full");
        let range = js_sys::RangeError::new("too long");
        assert_eq!(js_error_text(&range.into()), "RangeError: too long");
    }

    #[wasm_bindgen_test]
    fn a_dom_exception_reads_as_its_name_and_message() {
        // What the browser throws for a bad element name.
        let thrown = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .create_element("not a name")
            .unwrap_err();
        assert!(thrown.dyn_ref::<web_sys::DomException>().is_some());
        assert!(
            js_error_text(&thrown).starts_with("InvalidCharacterError: "),
            "{}",
            js_error_text(&thrown)
        );
    }

    #[wasm_bindgen_test]
    fn a_thrown_string_reads_as_itself_and_anything_else_says_so() {
        assert_eq!(js_error_text(&JsValue::from_str("no space")), "no space");
        assert_eq!(
            js_error_text(&JsValue::from_f64(3.0)),
            "a JavaScript error without a message"
        );
    }
}
