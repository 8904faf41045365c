//! Commune mode (batch import for review officers). Owned by the commune-mode helper; this is the
//! slot the app shell mounts until their module lands.

use crate::app::i18n::use_i18n;
use leptos::prelude::*;

/// The commune officers' section.
#[component]
pub fn CommuneSection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" data-testid="commune-section">
            <h1>{move || i18n.t("nav_commune")}</h1>
            <p>{move || i18n.t("commune_coming")}</p>
        </section>
    }
}
