//! The result page (wired to the engine when it lands).

use leptos::prelude::*;

/// The result of the open household.
#[component]
pub fn ResultPage() -> impl IntoView {
    view! { <section class="page" data-testid="result-page"><h1 id="step-heading">"…"</h1></section> }
}
