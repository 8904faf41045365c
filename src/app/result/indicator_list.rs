//! The indicators as a checklist: deprived / fine / unknown, the reason in one sentence, the
//! members concerned, and the legal reference.

use crate::app::i18n::{use_i18n, I18n};
use crate::app::questionnaire::member_name;
use crate::app::result::reference_text;
use crate::app::session::use_session;
use crate::engine::explanation::{IndicatorExplanation, Reason};
use crate::engine::result::IndicatorStatus;
use crate::engine::rules::rules;
use crate::questionnaire::locale::Locale;
use leptos::prelude::*;

/// The status key used in translation keys and classes.
pub fn status_key(status: IndicatorStatus) -> &'static str {
    match status {
        IndicatorStatus::Deprived => "deprived",
        IndicatorStatus::NotDeprived => "not_deprived",
        IndicatorStatus::Unknown => "unknown",
    }
}

/// The indicator's label from the rule data, in the current language.
pub fn indicator_label(i18n: &I18n, e: &IndicatorExplanation) -> String {
    let rule = rules().indicator(e.indicator);
    match i18n.locale() {
        Locale::Vi => rule.label_vi().to_string(),
        Locale::En => rule.label_en().to_string(),
    }
}

/// The checklist.
#[component]
pub fn IndicatorList(
    /// The edition's indicators, as explained by the engine.
    indicators: Vec<IndicatorExplanation>,
    /// The engine's reasons for every indicator (`Explanation::reasons`).
    reasons: Vec<Reason>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // Most indicators share one legal source: say it once under the list, and per indicator only
    // where it differs.
    let common = indicators.first().map(|e| e.reference.clone());
    let common_text = common.as_ref().map(reference_text);
    view! {
        <ul class="indicator-list" data-testid="indicators">
            {indicators
                .into_iter()
                .map(|e| {
                    let status = status_key(e.status);
                    let key = e.indicator.key();
                    let mark = match e.status {
                        IndicatorStatus::Deprived => "✗",
                        IndicatorStatus::NotDeprived => "✓",
                        IndicatorStatus::Unknown => "?",
                    };
                    // The members whose facts made the indicator deprived (or left it unknown).
                    let mut members: Vec<usize> =
                        reasons.iter().filter(|r| r.indicator == e.indicator && r.effect == e.status).filter_map(|r| r.member.map(usize::from)).collect();
                    members.dedup();
                    let names: Vec<String> =
                        session.peek(|d| members.iter().map(|m| member_name(&i18n, d, *m)).collect()).unwrap_or_default();
                    let own_reference = (Some(e.reference) != common.as_ref()).then(|| reference_text(e.reference));
                    let who = (!names.is_empty() && e.status != IndicatorStatus::NotDeprived)
                        .then(|| i18n.tf("members_involved", &[("names", &names.join(", "))]));
                    view! {
                        <li class=format!("indicator {status}") data-testid=format!("indicator-{key}") data-status=status>
                            <span class="mark" aria-hidden="true">{mark}</span>
                            <span>
                                <strong>{indicator_label(&i18n, &e)}</strong>
                                " — "
                                <span class="status-text">{i18n.t(&format!("status_{status}"))}</span>
                                {e.provisional.then(|| view! { " " <span class="provisional-tag">{i18n.t("provisional")}</span> })}
                            </span>
                            <span class="reason">{i18n.t(&format!("ind_{key}_{status}"))} {who.map(|w| format!(" {w}"))}</span>
                            {own_reference.map(|r| view! { <span class="legal">{r}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {common_text.map(|r| view! { <p class="hint legal-common">{i18n.tf("legal_basis", &[("reference", &r)])}</p> })}
    }
}
