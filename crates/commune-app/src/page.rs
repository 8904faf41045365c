//! Commune mode's own page (`commune/`, bin `mucsong-commune`): a small shell around
//! `CommuneSection` — the top bar with a link back to the household app, the update banner and
//! the language switch — with commune mode's catalogue.

use super::CommuneSection;
use leptos::prelude::*;
use mucsong_i18n::COMMUNE;
use mucsong_widgets::i18n::{provide_i18n_for, use_i18n};
use mucsong_widgets::language_switch::LanguageSwitch;
use mucsong_widgets::pwa;
use mucsong_widgets::update_banner::UpdateBanner;

/// Where the household app is, relative to this page.
const HOUSEHOLD_PAGE_URL: &str = "../";
/// The service worker of the whole app (its scope, the folder of `sw.js`, covers this page).
const SERVICE_WORKER_URL: &str = "../sw.js";

/// The whole commune page: language context, service worker, top bar and the section.
#[component]
pub fn CommuneApp() -> impl IntoView {
    provide_i18n_for(&COMMUNE);
    // Registering from here too means an officer who opens commune/ first (a bookmark) still
    // gets the app, and this page, cached for offline use.
    pwa::register_service_worker_at(SERVICE_WORKER_URL);
    let i18n = use_i18n();
    view! {
        <header class="top-bar no-print">
            <span class="brand">"Mức Sống"</span>
            <nav class="tabs" aria-label=move || i18n.t("nav_label")>
                <a class="tab" href=HOUSEHOLD_PAGE_URL data-testid="nav-household">
                    {move || i18n.t("nav_household")}
                </a>
                <a class="tab" href="./" aria-current="page" data-testid="nav-commune">
                    {move || i18n.t("nav_commune")}
                </a>
            </nav>
        </header>
        <div class="banner-area" aria-live="assertive">
            <UpdateBanner />
        </div>
        <main id="main" class="main">
            <div class="no-print">
                <LanguageSwitch />
            </div>
            <CommuneSection />
        </main>
    }
}
