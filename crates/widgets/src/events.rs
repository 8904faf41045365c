//! One handler type per kind of event for every input, button and form of the household app.
//!
//! Leptos compiles the event plumbing of `on:…` (attaching the listener, and with
//! `erase_components` the type-erased attribute's build, rebuild and clone) once per handler
//! type, and every `move |_| …` written in a view is a type of its own. Wrapping each action in
//! `on_click` / `on_event` gives all handlers of one event type the same Rust type, so that
//! plumbing is compiled once; only the small action itself stays per element.

use leptos::ev::MouseEvent;

/// The handler for `on:click` that runs `action`. It is `Send + Sync` (as the actions, which
/// hold only signals and plain data, are) so that views built inside reactive closures may hold it.
pub fn on_click(
    action: impl Fn() + Send + Sync + 'static,
) -> impl FnMut(MouseEvent) + Send + Sync + 'static {
    handler(Box::new(move |_: MouseEvent| action()))
}

/// The handler for any other event (`on:input`, `on:change`, `on:submit`) that runs `action`
/// with the event.
pub fn on_event<E: 'static>(
    action: impl Fn(E) + Send + Sync + 'static,
) -> impl FnMut(E) + Send + Sync + 'static {
    handler(Box::new(action))
}

/// Generic only over the event, so that its closure is one type per kind of event.
fn handler<E: 'static>(
    action: Box<dyn Fn(E) + Send + Sync>,
) -> impl FnMut(E) + Send + Sync + 'static {
    move |event| action(event)
}
