//! The "new version" banner, shown by both pages (household app and commune mode).

use crate::i18n::use_i18n;
use crate::pwa;
use crate::{dynamic, on_click};
use leptos::prelude::*;

/// Offers the waiting new version of the app; it is applied only when the person asks, so a
/// questionnaire half answered never changes under them (answers are saved either way). Its
/// texts are in `locales/shared.<tag>.json`, which both pages carry.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let service_worker = pwa::use_service_worker();
    let apply = service_worker.apply_update;
    view! {
        {dynamic(move || (service_worker.update_status.get() == pwa::UpdateStatus::Available).then(|| view! {
            <div class="banner update" role="status" data-testid="update-banner">
                <p>{i18n.tr("update_available")}</p>
                <button type="button" class="button primary small" data-testid="update-now" on:click=on_click(apply)>
                    {i18n.tr("update_now")}
                </button>
            </div>
        }.into_any()).into_any())}
    }
}
