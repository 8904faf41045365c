//! The household app's browser entry point (bin `mucsong-app`, page `index.html`): mounts the app
//! (wasm32 only). Commune mode is a separate bundle (`crates/commune-app`).

#[cfg(target_arch = "wasm32")]
fn main() {
    // No panic hook: the wasm is built with panics as plain traps (scripts/size-flags.sh), which
    // never call one.
    mucsong_widgets::remove_loading_shell();
    leptos::mount::mount_to_body(mucsong_app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("mucsong-app is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
