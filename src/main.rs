//! The household app's browser entry point (bin `mucsong-app`, page `index.html`): mounts the app
//! (wasm32 only). Commune mode is a separate bundle (`src/commune_main.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // index.html shows a static start screen while the wasm downloads; the app replaces it.
    if let Some(shell) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("loading-shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(mucsong::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("mucsong-app is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
