//! What the household page and commune mode's page share: the language context (`i18n`) and its
//! switch, the "new version" banner and the service worker (`pwa`), file downloads, and the
//! event and reactive helpers every view is wired through (one compiled type per kind, for
//! size). Browser-only: on other targets this crate is empty.
#![cfg(target_arch = "wasm32")]

pub mod download;
pub mod events;
pub mod i18n;
pub mod language_switch;
pub mod pwa;
pub mod reactive;
pub mod update_banner;

pub use events::{on_click, on_event};
pub use reactive::{dynamic, flag, keyed_list, text};

/// Removes the static screen each page's HTML shows while its wasm downloads (`#loading-shell`
/// in index.html and commune.html), just before the app mounts in its place.
pub fn remove_loading_shell() {
    if let Some(shell) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("loading-shell"))
    {
        shell.remove();
    }
}

/// Waits 10 ms, so the reactive system runs the effects it has scheduled (the browser tests of
/// both pages use it between an input and what they check).
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
