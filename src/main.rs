//! The browser app's entry point: mounts the app (wasm32 only).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(mucsong::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("mucsong-app is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
