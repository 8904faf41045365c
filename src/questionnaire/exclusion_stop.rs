//! The kind stop after Phiếu A's exclusion conditions, with a way to continue anyway.

use crate::fields::{dynamic, on_click};
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_questionnaire::fields::question_key;
use mucsong_questionnaire::steps::{Step, EXCLUSIONS};
use mucsong_widgets::i18n::use_i18n;

/// Explains that a household meeting an exclusion condition is not reviewed, names the
/// condition, and offers to see the result now.
#[component]
pub fn ExclusionStop() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let which = Memo::new(move |_| {
        session
            .with_draft(|d| {
                EXCLUSIONS
                    .iter()
                    .filter(|p| d.choice(p).as_deref() == Some("true"))
                    .map(|p| question_key(p))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <div class="note kind" data-testid="exclusion-stop">
            <p>{i18n.tr("exclusion_stop_body")}</p>
            <ul class="plain-list">
                {dynamic(move || which.get().into_iter().map(|k| view! { <li>{i18n.t(&k)}</li> }.into_any()).collect_view().into_any())}
            </ul>
            <p>{i18n.tr("exclusion_stop_continue")}</p>
            <button type="button" class="button secondary" data-testid="see-result-now" on:click=on_click(move || session.go(Step::Check))>
                {i18n.tr("exclusion_stop_finish")}
            </button>
        </div>
    }
}
