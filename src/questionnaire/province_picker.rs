//! Picking the old province; the region (a column of Phiếu B1's point table) follows, with the
//! reason shown.

use crate::fields::{on_event, text};
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_engine::household::Region;
use mucsong_questionnaire::draft::PROVINCE;
use mucsong_questionnaire::fields::option_key;
use mucsong_questionnaire::provinces::provinces;
use mucsong_widgets::i18n::use_i18n;

const DONT_KNOW: &str = "dont_know";

/// A select of the 63 provinces (as before the 2025 merger) grouped by region, "don't know",
/// and the region that follows.
#[component]
pub fn ProvincePicker() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let chosen = Memo::new(move |_| {
        session
            .with_draft(|d| {
                if d.is_dont_know("region") {
                    Some(DONT_KNOW.to_string())
                } else {
                    d.extra(PROVINCE).map(str::to_string)
                }
            })
            .flatten()
    });
    let region = Memo::new(move |_| session.with_draft(|d| d.choice("region")).flatten());
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let ctx = session.parse_context();
        session.update(|d| {
            if value == DONT_KNOW || value.is_empty() {
                d.set_extra(PROVINCE, None);
                d.set_dont_know("region", value == DONT_KNOW, &ctx);
            } else {
                d.dont_know.remove("region");
                d.set_extra(PROVINCE, Some(&value));
            }
        });
    };
    let initial = chosen.get_untracked().unwrap_or_default();
    let groups = Region::ALL
        .iter()
        .map(|r| {
            let names: Vec<String> = provinces()
                .iter()
                .filter(|p| p.listed_region == *r)
                .map(|p| p.name.clone())
                .collect();
            let label_key = option_key("region", r.key());
            let initial = initial.clone();
            view! {
                <optgroup label=i18n.tr_owned(label_key)>
                    {names
                        .into_iter()
                        .map(|n| {
                            let selected = n == initial;
                            view! { <option value=n.clone() selected=selected>{n.clone()}</option> }.into_any()
                        })
                        .collect_view()}
                </optgroup>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <div class="field" data-testid="field-province">
            <label class="field-label" for="province">{i18n.tr("q_province")}</label>
            <p class="hint">{i18n.tr("h_province")}</p>
            <select id="province" class="select" data-testid="province" on:change=on_event(on_change)>
                <option value="" selected=initial.is_empty()>{i18n.tr("choose")}</option>
                {groups}
                <option value=DONT_KNOW selected=initial == DONT_KNOW>{i18n.tr("dont_know")}</option>
            </select>
            <p class="note region-note" data-testid="region" role="status">
                {text(move || match (region.get(), chosen.get()) {
                    (Some(r), _) => i18n.tf("region_follows", &[("region", i18n.t(&option_key("region", &r)))]),
                    (None, Some(p)) if p != DONT_KNOW => i18n.t("region_needs_area").to_string(),
                    (None, Some(_)) => i18n.t("region_unknown").to_string(),
                    (None, None) => String::new(),
                })}
            </p>
            <p class="hint">{i18n.tr("region_why")}</p>
        </div>
    }
}
