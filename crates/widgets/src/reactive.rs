//! One closure type per kind of reactive value (a text, a flag, a piece of view) for the views of
//! the household app.
//!
//! Leptos compiles the rendering of a reactive child or attribute (its effect, build, rebuild,
//! and with `erase_components` the type-erased view's or attribute's functions) once per closure
//! type, and every `move || …` written in a view is a type of its own. Passing the closure
//! through `text`, `flag` or `dynamic` boxes it behind one closure type per kind of value, so
//! that rendering is compiled once (as `events.rs` does for event handlers and `I18n::tr` for
//! translated labels). The value is still computed by the caller's closure on every change.

use leptos::prelude::*;

/// A text that follows its signals: a child (`{text(move || …)}`) or an attribute value.
pub fn text(
    f: impl Fn() -> String + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + 'static {
    erased(Box::new(f))
}

/// A yes/no that follows its signals (`prop:checked`, `disabled`, `class:…`).
pub fn flag(
    f: impl Fn() -> bool + Send + Sync + 'static,
) -> impl Fn() -> bool + Send + Sync + 'static {
    erased(Box::new(f))
}

/// A piece of view that is rebuilt when its signals change (`{dynamic(move || match … )}`).
pub fn dynamic(
    f: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Send + Sync + 'static {
    erased(Box::new(f))
}

/// Generic only over the value, so that its closure is one type per kind of value.
fn erased<T: 'static>(
    f: Box<dyn Fn() -> T + Send + Sync>,
) -> impl Fn() -> T + Send + Sync + 'static {
    move || f()
}

/// A list kept in place by key: items already shown keep their view (and the focus and text in
/// their inputs) when the list changes; only new keys are built. One compiled `For` for every
/// such list of the household app.
pub fn keyed_list(
    keys: Memo<Vec<String>>,
    child: impl Fn(String) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    keyed_erased(keys, std::sync::Arc::new(child))
}

fn keyed_erased(
    keys: Memo<Vec<String>>,
    child: std::sync::Arc<dyn Fn(String) -> AnyView + Send + Sync>,
) -> impl IntoView {
    view! { <For each=move || keys.get() key=|k: &String| k.clone() children=move |k| child(k) /> }
}
