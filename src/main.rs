//! The household app's browser entry point (bin `mucsong-app`, page `index.html`): mounts the app
//! (wasm32 only). Commune mode is a separate bundle (`crates/commune-app`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    mucsong_widgets::remove_loading_shell();
    leptos::mount::mount_to_body(mucsong_app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("mucsong-app is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
