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

/// How long a download's object URL is kept. The browser reads the file in the tasks after the
/// click, so a URL revoked at once may be gone before the download starts; half a minute is
/// ample for that and still frees the file's memory soon.
pub const KEEP_URL_MS: i32 = 30_000;

/// What offers a file to the person: `download` in the pages, a stand-in in tests (to check
/// what a page does when the browser refuses).
pub type Offer = fn(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String>;

/// A download put together in parts, each copied out of wasm memory as it comes, so a large
/// export is never one big string in wasm memory.
#[derive(Default)]
pub struct DownloadParts {
    parts: Vec<js_sys::Uint8Array>,
}

impl DownloadParts {
    /// Adds the next bytes of the file.
    pub fn push(&mut self, bytes: &[u8]) {
        if !bytes.is_empty() {
            self.parts.push(js_sys::Uint8Array::from(bytes));
        }
    }

    /// Offers the parts as a file named `file_name`. `Err` says why the browser refused; the
    /// pages show it, since an export is the only copy of what a device keeps.
    pub fn download(self, file_name: &str, mime: &str) -> Result<(), String> {
        self.offer(file_name, mime).map(|_url| ())
    }

    /// As `download`, giving the object URL (for the tests: it must outlive the click).
    fn offer(self, file_name: &str, mime: &str) -> Result<String, String> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let parts: js_sys::Array = self.parts.into_iter().collect();
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            .map_err(|e| js_error_text(&e))?;
        let url =
            web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_error_text(&e))?;
        let clicked = click_link(&document, &url, file_name);
        if clicked.is_err() {
            // Nothing will read the file: free it now.
            revoke(&url);
        } else {
            revoke_later(url.clone());
        }
        clicked.map(|()| url)
    }
}

/// Offers `bytes` as a file named `file_name` (see `DownloadParts::download`).
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let mut parts = DownloadParts::default();
    parts.push(bytes);
    parts.download(file_name, mime)
}

/// Clicks a hidden `<a download>` to `url`, in the page for the click's duration (some browsers
/// ignore a click on a link outside the document).
fn click_link(document: &web_sys::Document, url: &str, file_name: &str) -> Result<(), String> {
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_error_text(&e))?
        .dyn_into()
        .map_err(|_| "an <a> element that is not an anchor")?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document
        .body()
        .ok_or("no <body> to put the download link in")?;
    body.append_child(&anchor).map_err(|e| js_error_text(&e))?;
    anchor.click();
    anchor.remove();
    Ok(())
}

fn revoke(url: &str) {
    // Revoking only frees memory: if the browser refuses, the URL lives until the page closes,
    // and there is nothing to tell the person.
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Revokes `url` after `KEEP_URL_MS`. Without a timer the URL is kept until the page closes
/// (a little memory), never revoked at once (which could cancel the download).
fn revoke_later(url: String) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || revoke(&url));
    if let Some(window) = web_sys::window() {
        // The download has started either way; without a timer only the memory is kept.
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            KEEP_URL_MS,
        );
    }
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
    use super::{js_error_text, DownloadParts};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// The text behind an object URL, or the browser's refusal (a revoked URL cannot be read).
    async fn read(url: &str) -> Result<String, String> {
        let window = web_sys::window().unwrap();
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
            .await
            .map_err(|e| js_error_text(&e))?
            .unchecked_into();
        let text = JsFuture::from(response.text().map_err(|e| js_error_text(&e))?)
            .await
            .map_err(|e| js_error_text(&e))?;
        Ok(text.as_string().unwrap_or_default())
    }

    /// The file stays readable after the click (it was revoked at once, which may cancel the
    /// download before the browser reads it), holds the parts in order, and the link is gone.
    #[wasm_bindgen_test]
    async fn a_download_stays_readable_after_the_click_and_joins_its_parts() {
        let document = web_sys::window().unwrap().document().unwrap();
        let n_links = || document.query_selector_all("a[download]").unwrap().length();
        let before = n_links();
        let mut parts = DownloadParts::default();
        parts.push("Hộ ".as_bytes());
        parts.push(b"");
        parts.push("Hùng\n".as_bytes());
        let url = parts.offer("ho.txt", "text/plain;charset=utf-8").unwrap();
        assert_eq!(n_links(), before, "the link is removed after the click");
        crate::tick().await;
        assert_eq!(read(&url).await, Ok("Hộ Hùng\n".to_string()));
    }

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
