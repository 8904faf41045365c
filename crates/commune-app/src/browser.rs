//! The browser services commune mode needs, kept thin and in one place: reading a picked or
//! dropped file as bytes, yielding to the event loop between chunks, the clock for time slices,
//! the saved targets and column matches in localStorage, and the wasm memory size for the
//! benchmark. Downloads are the widgets' (`mucsong_widgets::download`), shared with the
//! household page.

use js_sys::Uint8Array;
use mucsong_widgets::download::js_error_text;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Reads a file's bytes (so the encoding can be checked before anything is decoded).
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| js_error_text(&e))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Milliseconds from the page's time origin (monotonic, sub-millisecond).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Yields to the event loop (input, rendering) and resumes as soon as possible. A message on a
/// `MessageChannel` is used rather than `setTimeout(0)`, which browsers clamp to 4 ms once
/// nested; the channel and its handler live for the page's life, and waiters resume in order.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        YIELDER.with(|y| y.wait(resolve));
    });
    let _ = JsFuture::from(promise).await;
}

struct Yielder {
    port: web_sys::MessagePort,
    waiting: std::rc::Rc<RefCell<VecDeque<js_sys::Function>>>,
    _on_message: Closure<dyn FnMut()>,
}

impl Yielder {
    fn new() -> Yielder {
        let channel = web_sys::MessageChannel::new().expect("MessageChannel");
        let waiting: std::rc::Rc<RefCell<VecDeque<js_sys::Function>>> = Default::default();
        let queue = waiting.clone();
        let on_message = Closure::<dyn FnMut()>::new(move || {
            let next = queue.borrow_mut().pop_front();
            if let Some(resolve) = next {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        });
        channel
            .port1()
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Yielder {
            port: channel.port2(),
            waiting,
            _on_message: on_message,
        }
    }

    fn wait(&self, resolve: js_sys::Function) {
        self.waiting.borrow_mut().push_back(resolve);
        if self.port.post_message(&JsValue::NULL).is_err() {
            // Without a channel, resume at once rather than hang.
            if let Some(resolve) = self.waiting.borrow_mut().pop_back() {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        }
    }
}

thread_local! {
    static YIELDER: Yielder = Yielder::new();
}

/// Where the officer's targets are kept (only the targets: no household data is ever stored).
const TARGETS_KEY: &str = "mucsong.commune.targets";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved targets' text, if any.
pub fn load_targets() -> Option<String> {
    storage()?.get_item(TARGETS_KEY).ok().flatten()
}

/// Saves the targets' text; false when storage is unavailable.
pub fn save_targets(text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(TARGETS_KEY, text).is_ok())
}

/// Forgets the saved targets (back to the defaults).
pub fn clear_targets() {
    if let Some(s) = storage() {
        let _ = s.remove_item(TARGETS_KEY);
    }
}

/// Today's date on this device, `YYYY-MM-DD` (the default assessment date).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The size of the wasm linear memory in bytes (it only grows), for the benchmark's figures.
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length() as f64
        })
        .unwrap_or(0.0)
}

/// Opens the print dialog (the dashboard has print styles).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Where the forms' heading is kept (names of places and the year; no household data).
/// The officer's matches of sheet headers to columns (`ColumnChoices::to_json`).
const COLUMNS_KEY: &str = "mucsong.commune.columns";

/// The remembered column matches, if any.
pub fn load_column_choices() -> Option<String> {
    storage()?.get_item(COLUMNS_KEY).ok().flatten()
}

/// Remembers the column matches; false if storage failed.
pub fn save_column_choices(text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(COLUMNS_KEY, text).is_ok())
}

const HEADING_KEY: &str = "mucsong.commune.heading";

/// The saved heading's text, if any.
pub fn load_heading() -> Option<String> {
    storage()?.get_item(HEADING_KEY).ok().flatten()
}

/// Saves the heading's text; false when storage is unavailable.
pub fn save_heading(text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(HEADING_KEY, text).is_ok())
}

/// Prints only the open form: marks the root (`printing-form`, and `printing-landscape` for a
/// wide form) so the print styles hide everything else and choose the form's A4 page, opens the
/// print dialog, and unmarks the root when printing is over (`afterprint`).
pub fn print_form(is_landscape: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let classes = root.class_list();
    let _ = classes.add_1("printing-form");
    let _ = classes.toggle_with_force("printing-landscape", is_landscape);
    let clear = Closure::once_into_js({
        let root = root.clone();
        move || {
            let classes = root.class_list();
            let _ = classes.remove_2("printing-form", "printing-landscape");
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "afterprint",
        clear.unchecked_ref(),
        &options,
    );
    let _ = window.print();
}
