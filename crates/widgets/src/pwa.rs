//! Offline and install support: registers the service worker (`public/sw.js`), tells the UI when a
//! new version is waiting, applies it only when the user asks, and asks for persistent storage.
//!
//! # How the UI uses it
//!
//! Each page registers the worker once at start: the household app with `register_service_worker()`
//! (called by `App`), commune mode's page, one folder down, with
//! `register_service_worker_at("../sw.js")` — one worker, whose scope is the folder of `sw.js`,
//! serves both pages.
//! The banner (`update_banner.rs`) shows the update button only while an update waits:
//!
//! ```ignore
//! use crate::pwa::{use_service_worker, UpdateStatus};
//!
//! let service_worker = use_service_worker();
//! view! {
//!     {move || (service_worker.update_status.get() == UpdateStatus::Available).then(|| view! {
//!         <button type="button" data-testid="update-now" on:click=move |_| (service_worker.apply_update)()>
//!             "Cập nhật ngay" // through the locale files, in the real page
//!         </button>
//!     })}
//! }
//! ```
//!
//! The end-to-end tests (`tests/e2e/update.test.mjs`) look for `data-testid="update-now"`.
//!
//! # Why updates wait for the user
//!
//! The browser checks `sw.js` on every visit. A new build changes it (its precache list and cache
//! version are generated from the build), so the browser downloads the new version in the
//! background and keeps it *waiting*: the page in use keeps running the version it started with,
//! so a household half-way through the questionnaire never has the app change under it. Pressing
//! "Cập nhật ngay" sends `SKIP_WAITING` to the waiting worker; once it controls the page, the page
//! reloads into the new version. Saved data (localStorage) is untouched by all of this.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// Where the service worker is, relative to the household page (the app may live under any path).
const SERVICE_WORKER_URL: &str = "./sw.js";

/// What the app knows about a newer version of itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateStatus {
    /// This browser cannot run a service worker (very old browser, some private modes, or a page
    /// not served over HTTPS/localhost): the app works, but not offline, and never offers updates.
    Unsupported,
    /// The running version is the newest one known (or the check has not finished yet).
    Current,
    /// A newer version has been downloaded and waits: offer "Cập nhật ngay / Update now".
    Available,
    /// The user asked for the update; the page reloads as soon as the new version takes over.
    Applying,
}

/// What `use_service_worker` gives a component.
#[derive(Clone, Copy)]
pub struct UseServiceWorkerReturn {
    /// Whether an update waits (reactive). A plain read signal: a `Signal` would compile its
    /// derived and memo variants for this one value.
    pub update_status: ReadSignal<UpdateStatus>,
    /// Switches to the waiting version and reloads the page. Call only from a user action.
    pub apply_update: fn(),
}

thread_local! {
    // One status for the whole page, created on first use. It is reference-counted rather than
    // owned by the reactive owner that happens to be current at first use (a component that may
    // be unmounted), so it lives as long as the page, like the service worker registration.
    static STATUS: ArcRwSignal<UpdateStatus> = ArcRwSignal::new(UpdateStatus::Current);
    static IS_REGISTERED: Cell<bool> = const { Cell::new(false) };
}

fn status() -> ArcRwSignal<UpdateStatus> {
    STATUS.with(Clone::clone)
}

/// Registers the service worker from the household page (see `register_service_worker_at`).
pub fn register_service_worker() {
    register_service_worker_at(SERVICE_WORKER_URL);
}

/// Registers the service worker at `url` (relative to the page) once per page — later calls do
/// nothing — and starts watching for new versions. Without service worker support the status
/// becomes `Unsupported` and the app runs as a plain web page.
pub fn register_service_worker_at(url: &str) {
    if IS_REGISTERED.with(|registered| registered.replace(true)) {
        return;
    }
    let Some(container) = service_worker_container() else {
        status().set(UpdateStatus::Unsupported);
        return;
    };
    let registration = container.register(url);
    spawn_local(async move {
        match JsFuture::from(registration).await {
            Ok(registration) => watch_for_updates(&container, registration.unchecked_into()),
            Err(error) => {
                web_sys::console::warn_2(
                    &"Mức Sống: the service worker did not register; no offline use:".into(),
                    &error,
                );
                status().set(UpdateStatus::Unsupported);
            }
        }
    });
}

/// The service worker status for a component, registering the worker if that has not happened.
pub fn use_service_worker() -> UseServiceWorkerReturn {
    register_service_worker();
    UseServiceWorkerReturn {
        update_status: ReadSignal::from(status().read_only()),
        apply_update,
    }
}

/// Tells the waiting version to take over; the page reloads when it has. If nothing waits (the
/// update was applied from another tab meanwhile), just reloads.
pub fn apply_update() {
    let Some(container) = service_worker_container() else {
        return;
    };
    status().set(UpdateStatus::Applying);
    spawn_local(async move {
        let waiting = match JsFuture::from(container.get_registration()).await {
            Ok(found) => found
                .dyn_into::<ServiceWorkerRegistration>()
                .ok()
                .and_then(|r| r.waiting()),
            Err(_) => None,
        };
        match waiting {
            Some(worker) => {
                let message = js_sys::Object::new();
                // The worker's message handler (public/sw.js) checks exactly this shape.
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                if worker.post_message(&message).is_err() {
                    reload_page();
                }
            }
            None => reload_page(),
        }
    });
}

/// Asks the browser to keep this site's storage (saved households) even when the phone runs low
/// on space. Returns whether storage is persistent. Browsers may decide on their own (Chrome
/// grants it to installed or often-used sites without asking), so a `false` is not an error.
pub async fn request_persistent_storage() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return false;
    }
    let storage = navigator.storage();
    let already = match storage.persisted() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    if already == Some(true) {
        return true;
    }
    match storage.persist() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// `navigator.serviceWorker`, if this browser and page can have one (it is missing on insecure
/// origins, and calling methods on the missing object would throw).
fn service_worker_container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has_it = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    has_it.then(|| navigator.service_worker())
}

/// Marks an update as available when a new version finishes installing while an older one
/// controls the page, and reloads once the new one takes control after `apply_update`.
fn watch_for_updates(container: &ServiceWorkerContainer, registration: ServiceWorkerRegistration) {
    let has_controller = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    // A version downloaded on an earlier visit may already be waiting.
    if registration.waiting().is_some() && has_controller() {
        status().set(UpdateStatus::Available);
    }
    // A page whose load began just before the first version activated is not controlled by it
    // (the worker's claim came before the page existed), e.g. commune mode opened during the
    // first install: ask the active worker to take it, so it works offline (public/sw.js).
    if !has_controller() {
        if let Some(active) = registration.active() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"CLAIM".into());
            let _ = active.post_message(&message);
        }
    }

    // These listeners live as long as the page, so the closures are deliberately leaked.
    let watch_installing = {
        let has_controller = has_controller.clone();
        move |worker: ServiceWorker| {
            let has_controller = has_controller.clone();
            let watched = worker.clone();
            let on_state_change = Closure::<dyn FnMut()>::new(move || {
                // No controller means this is the first install, not an update: nothing to offer.
                if is_installed(&watched)
                    && has_controller()
                    && status().get_untracked() == UpdateStatus::Current
                {
                    status().set(UpdateStatus::Available);
                }
            });
            let _ = worker.add_event_listener_with_callback(
                "statechange",
                on_state_change.as_ref().unchecked_ref(),
            );
            on_state_change.forget();
        }
    };
    // The browser checks for a new version as the page loads, so one may already be installing
    // (its "updatefound" came before this listener): watch it too.
    if let Some(worker) = registration.installing() {
        watch_installing(worker);
    }
    let on_update_found = {
        let registration = registration.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(worker) = registration.installing() {
                watch_installing(worker);
            }
        })
    };
    let _ = registration
        .add_event_listener_with_callback("updatefound", on_update_found.as_ref().unchecked_ref());
    on_update_found.forget();

    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        // The first install also changes the controller (the worker claims the page); only an
        // update the user asked for reloads.
        if status().get_untracked() == UpdateStatus::Applying {
            reload_page();
        }
    });
    let _ = container.add_event_listener_with_callback(
        "controllerchange",
        on_controller_change.as_ref().unchecked_ref(),
    );
    on_controller_change.forget();
}

fn is_installed(worker: &ServiceWorker) -> bool {
    worker.state() == ServiceWorkerState::Installed
}

fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Resolves after `ms` milliseconds (lets the browser settle a promise).
    async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let window = web_sys::window().expect("a browser window");
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        });
        let _ = JsFuture::from(promise).await;
    }

    // The test runner's page has no sw.js next to it, so registration fails: the app must carry on
    // as a plain page, say so, and never offer an update.
    #[wasm_bindgen_test]
    async fn a_worker_that_cannot_register_leaves_the_app_running_without_updates() {
        let service_worker = use_service_worker();
        for _ in 0..100 {
            if service_worker.update_status.get_untracked() != UpdateStatus::Current {
                break;
            }
            sleep(50).await;
        }
        assert_eq!(
            service_worker.update_status.get_untracked(),
            UpdateStatus::Unsupported
        );
        // Registering again is harmless and does not reset what is known.
        register_service_worker();
        assert_eq!(
            service_worker.update_status.get_untracked(),
            UpdateStatus::Unsupported
        );
    }
}
