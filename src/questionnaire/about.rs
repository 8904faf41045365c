//! What the app does and does not do, and where the answers stay.

use leptos::prelude::*;
use mucsong_widgets::i18n::use_i18n;

/// The short explanation shown on the start page.
#[component]
pub fn About() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="about">
            <p class="lead">{i18n.tr("about_what")}</p>
            <ul class="plain-list">
                <li>{i18n.tr("about_not_official")}</li>
                <li>{i18n.tr("about_private")}</li>
                <li>{i18n.tr("about_unknown")}</li>
            </ul>
        </div>
    }
}
