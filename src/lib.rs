//! The household web app (Leptos, client-side rendering; bin `mucsong-app`, page `index.html`):
//! the questionnaire, the result and the saved households. Commune mode is another page with a
//! wasm bundle of its own (`crates/commune-app`); this crate does not depend on it (a test reads
//! `cargo metadata` to keep it so), and its "commune" tab is a plain link to `commune/`.
#![cfg(target_arch = "wasm32")]

#[cfg(test)]
pub(crate) mod browser_tests;
pub mod fields;
pub mod history;
pub mod local_store;
pub mod questionnaire;
pub mod result;
pub mod saved;
pub mod session;

pub use mucsong_widgets::remove_loading_shell;

use crate::fields::{dynamic, on_click};
use crate::result::markup::{Markup, Static};
use crate::session::{use_session, SaveState, Session};
use leptos::prelude::*;
use mucsong_questionnaire::store::StoreError;
use mucsong_widgets::i18n::{provide_i18n, use_i18n};

/// The household app's sections (commune mode is a page of its own, see `TopBar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The questionnaire for the household being answered.
    Household,
    /// The households kept on this device.
    Saved,
}

impl Section {
    const ALL: [Section; 2] = [Section::Household, Section::Saved];

    fn key(self) -> &'static str {
        match self {
            Section::Household => "household",
            Section::Saved => "saved",
        }
    }
}

/// Where commune mode's page is, relative to the household page (built into `dist/commune/`).
const COMMUNE_PAGE_URL: &str = "commune/";

/// Which section is shown; shared so any page can send the user elsewhere.
#[derive(Clone, Copy)]
pub struct Navigation {
    section: RwSignal<Section>,
}

impl Navigation {
    /// The section on screen.
    pub fn section(&self) -> Section {
        self.section.get()
    }

    /// Shows another section and scrolls to the top, as a page change would.
    pub fn go(&self, section: Section) {
        self.section.set(section);
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// The navigation context provided by `App`.
pub fn use_navigation() -> Navigation {
    expect_context::<Navigation>()
}

/// The whole app: language and navigation contexts, the top bar, and the current section.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    // Offline use and updates (see pwa.rs); the start page shows "Update now" via use_service_worker().
    mucsong_widgets::pwa::register_service_worker();
    let navigation = Navigation {
        section: RwSignal::new(Section::Household),
    };
    provide_context(navigation);
    let session = Session::start();
    provide_context(session);
    // The phone's back button moves between the questions (history.rs).
    history::install(session, navigation);
    // Printing from the browser's menu unfolds the answers as the print button does.
    result::result_page::unfold_before_print();
    view! {
        <TopBar />
        <StorageBanner />
        <main id="main" class="main">
            {dynamic(move || match navigation.section() {
                Section::Household => view! { <questionnaire::HouseholdSection /> }.into_any(),
                Section::Saved => view! { <saved::SavedSection /> }.into_any(),
            })}
        </main>
    }
}

/// The app name and the section tabs. The commune tab is a link to commune mode's own page
/// (styled as a tab): following it downloads commune mode's bundle, and only then.
#[component]
fn TopBar() -> impl IntoView {
    let i18n = use_i18n();
    let navigation = use_navigation();
    view! {
        <header class="top-bar no-print">
            <span class="brand">"Mức Sống"</span>
            <nav class="tabs" aria-label=i18n.tr("nav_label")>
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        let label_key = format!("nav_{}", section.key());
                        view! {
                            <button
                                type="button"
                                class="tab"
                                data-testid=format!("nav-{}", section.key())
                                aria-current=move || (navigation.section() == section).then_some("page")
                                on:click=on_click(move || navigation.go(section))
                            >
                                {i18n.tr_owned(label_key)}
                            </button>
                        }
                        .into_any()
                    })
                    .collect_view()}
                <a class="tab" href=COMMUNE_PAGE_URL data-testid="nav-commune">
                    {i18n.tr("nav_commune")}
                </a>
            </nav>
        </header>
    }
}

/// Says plainly when answers could not be saved (full storage, storage refused) and when a stored
/// record had to be set aside.
#[component]
fn StorageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigation = use_navigation();
    view! {
        <div class="banner-area" aria-live="assertive">
            <mucsong_widgets::update_banner::UpdateBanner />
            {move || {
                let mut m = Markup::new();
                match session.save_state() {
                    SaveState::Saved => {}
                    SaveState::Failed(StoreError::Full) => {
                        m.leaf("p", r#"class="banner warning" role="alert" data-testid="storage-full""#, i18n.t("storage_full"));
                    }
                    SaveState::Failed(StoreError::Unavailable(detail)) => {
                        m.leaf(
                            "p",
                            r#"class="banner warning" role="alert" data-testid="storage-unavailable""#,
                            &i18n.tf("storage_unavailable", &[("detail", &detail)]),
                        );
                    }
                }
                if !session.notices().is_empty() {
                    m.open("div", r#"class="banner warning" role="alert" data-testid="set-aside-banner""#)
                        .leaf("p", "", i18n.t("set_aside_banner"))
                        .leaf("button", r#"type="button" class="button secondary small""#, i18n.t("set_aside_banner_open"))
                        .close("div");
                }
                Static::new(m).on_button(move || {
                    for n in session.notices() {
                        session.dismiss_notice(&n.id);
                    }
                    navigation.go(Section::Saved);
                })
            }}
        </div>
    }
}
