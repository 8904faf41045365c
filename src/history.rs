//! The browser's history as the questionnaire's back and forward: every change of screen is a
//! history entry, so the phone's back button goes to the previous screen and never out of the
//! app while there is a question before the current one.
//!
//! Entries hold `step:<key>` as their state. At start the page's own entry becomes a `base`
//! entry and the current screen is pushed above it: going back onto `base` (the app was opened
//! on a later question, from a bookmark or after the browser forgot the entries) shows the
//! question before and pushes it, so the next back press has somewhere to go too. After a reload
//! the browser keeps the entries and their states, and the draft (saved on every change) keeps
//! the screen: the same place comes back.

use crate::session::Session;
use crate::Navigation;
use crate::Section;
use mucsong_questionnaire::steps::{self, Step};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const BASE: &str = "base";
const STEP_PREFIX: &str = "step:";

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|w| w.history().ok())
}

/// Adds an entry for a screen the person moved to (none when the current entry is that screen
/// already, as when the app reopens the household it was on).
pub fn push(step: Step) {
    if let Some(history) = history() {
        let state = format!("{STEP_PREFIX}{}", step.key());
        if history.state().ok().and_then(|s| s.as_string()).as_deref() == Some(state.as_str()) {
            return;
        }
        let _ = history.push_state_with_url(&JsValue::from_str(&state), "", None);
    }
}

/// Makes the current entry the base, pushes the open screen above it, and follows back and
/// forward from then on.
pub fn install(session: Session, navigation: Navigation) {
    let Some(history) = history() else { return };
    let state = history.state().ok().and_then(|s| s.as_string());
    match state.as_deref() {
        // A reload: the entries below are still there with their screens.
        Some(s) if s.starts_with(STEP_PREFIX) => {
            let _ = history.replace_state_with_url(
                &JsValue::from_str(&format!("{STEP_PREFIX}{}", session.step().key())),
                "",
                None,
            );
        }
        _ => {
            let _ = history.replace_state_with_url(&JsValue::from_str(BASE), "", None);
            push(session.step());
        }
    }
    let on_pop =
        Closure::<dyn Fn(web_sys::PopStateEvent)>::new(move |event: web_sys::PopStateEvent| {
            if navigation.section() != Section::Household {
                navigation.go(Section::Household);
            }
            let state = event.state().as_string().unwrap_or_default();
            match state.strip_prefix(STEP_PREFIX) {
                Some(key) => {
                    if let Some(step) = session.peek(|d| Step::from_key(key, d)).flatten() {
                        session.show(step);
                    }
                }
                // Back onto the base entry: the question before the current one, if any.
                None => {
                    let current = session.step();
                    if current != Step::Intro {
                        if let Some(previous) = session.peek(|d| steps::previous(current, d)) {
                            session.go(previous);
                        }
                    } else {
                        push(current);
                    }
                }
            }
        });
    if let Some(window) = web_sys::window() {
        let _ =
            window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    }
    // The listener lives as long as the page.
    on_pop.forget();
}
