//! Which standard applies on the chosen assessment date, and the 2027-2030 change when relevant.

use crate::app::i18n::use_i18n;
use crate::engine::date::Date;
use leptos::prelude::*;

/// Says which edition of the standard applies on `date`.
#[component]
pub fn StandardNote(
    /// The assessment date (reactive); `None` when not valid yet.
    #[prop(into)]
    date: Signal<Option<Date>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="note standard-note" data-testid="standard-note" role="note">
            {move || match date.get() {
                None => view! { <p>{i18n.t("standard_pick_date")}</p> }.into_any(),
                Some(d) if d.year() >= 2027 => view! {
                    <p><strong>{i18n.t("standard_2027_title")}</strong></p>
                    <p>{i18n.t("standard_2027_body")}</p>
                }.into_any(),
                Some(d) if d.year() == 2026 => view! {
                    <p><strong>{i18n.t("standard_2022_title")}</strong></p>
                    <p>{i18n.t("standard_2026_body")}</p>
                    <p>{i18n.t("standard_2026_change")}</p>
                }.into_any(),
                Some(_) => view! {
                    <p><strong>{i18n.t("standard_2022_title")}</strong></p>
                    <p>{i18n.t("standard_2022_body")}</p>
                }.into_any(),
            }}
        </div>
    }
}
