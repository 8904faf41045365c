//! One click-handler type for every button of the household app.
//!
//! Leptos compiles the event plumbing of `on:click` (attaching the listener, and with
//! `erase_components` the type-erased attribute's build, rebuild and clone) once per handler
//! type, and every `move |_| …` written in a view is a type of its own. Wrapping each action in
//! `on_click` gives all buttons the same handler type, so that plumbing is compiled once; only
//! the small action itself stays per button.

use leptos::ev::MouseEvent;

/// The handler for `on:click` that runs `action`. It is `Send + Sync` (as the actions, which
/// hold only signals and plain data, are) so that views built inside reactive closures may hold it.
pub fn on_click(
    action: impl Fn() + Send + Sync + 'static,
) -> impl FnMut(MouseEvent) + Send + Sync + 'static {
    handler(Box::new(action))
}

/// Not generic, so that its closure is one type for every caller.
fn handler(action: Box<dyn Fn() + Send + Sync>) -> impl FnMut(MouseEvent) + Send + Sync + 'static {
    move |_| action()
}
