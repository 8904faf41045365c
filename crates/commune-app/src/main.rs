//! Commune mode's browser entry point (bin `mucsong-commune`, page `commune/`): mounts the
//! commune page (wasm32 only). A bundle of its own, downloaded only when someone opens it.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    mucsong_widgets::remove_loading_shell();
    leptos::mount::mount_to_body(mucsong_commune_app::CommuneApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mucsong-commune is commune mode's browser page: build it with `bash scripts/build.sh` (see README.md)."
    );
    std::process::exit(2);
}
