//! Income against the line, the smallest changes that would change the class, the supports
//! that may apply and where to ask, and the interpretations used.

use crate::app::i18n::use_i18n;
use crate::app::result::reference_text;
use crate::engine::explanation::Explanation;
use crate::engine::rules::rules;
use crate::questionnaire::locale::{format_vnd, Locale};
use leptos::prelude::*;

/// Income: per person per month, the line, and the distance in đồng.
#[component]
pub fn IncomeSection(
    /// The engine's explanation.
    explanation: Explanation,
) -> impl IntoView {
    let i18n = use_i18n();
    let body = match explanation.income.clone() {
        None => view! { <p>{i18n.t("income_none")}</p> }.into_any(),
        Some(income) => {
            let per_person = income.per_person_month.map(format_vnd);
            let line = income.line.map(format_vnd);
            let distance = income.distance_to_line.map(|d| {
                if d >= 0 {
                    i18n.tf("income_below", &[("amount", &format_vnd(d))])
                } else {
                    i18n.tf("income_above", &[("amount", &format_vnd(-d))])
                }
            });
            view! {
                <p data-testid="income-per-person">{per_person.map(|p| i18n.tf("income_per_person", &[("amount", &p)]))
                    .unwrap_or_else(|| i18n.t("income_unknown").to_string())}</p>
                {line.map(|l| view! { <p>{i18n.tf("income_line", &[("amount", &l)])}</p> })}
                {distance.map(|d| view! { <p class="note" data-testid="income-distance"><strong>{d}</strong></p> })}
                <p>{i18n.tf("income_class", &[("class", i18n.t(&format!("income_class_{}", income.income_class.key())))])}</p>
            }
            .into_any()
        }
    };
    view! {
        <section data-testid="income-section">
            <h2>{i18n.t("income_title")}</h2>
            {body}
        </section>
    }
}

/// The smallest changes that would change the class.
#[component]
pub fn ChangesSection(
    /// The engine's explanation.
    explanation: Explanation,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = |key: &str| {
        let rule = rules().indicators.iter().find(|r| r.key == key);
        match (rule, i18n.locale()) {
            (Some(r), Locale::Vi) => r.label_vi().to_string(),
            (Some(r), Locale::En) => r.label_en().to_string(),
            (None, _) => key.to_string(),
        }
    };
    let changes: Vec<String> = explanation
        .class_changes
        .iter()
        .map(|c| {
            let list: Vec<String> = c.candidates.iter().map(|i| label(i.key())).collect();
            let key = if c.change == "more_deprived" {
                "change_more"
            } else {
                "change_fewer"
            };
            i18n.tf(
                key,
                &[
                    ("n", &c.n_indicators.to_string()),
                    ("list", &list.join(", ")),
                    ("class", i18n.t(&format!("class_{}", c.to.key()))),
                ],
            )
        })
        .collect();
    let distance = explanation.score_a_distance.as_ref().map(|d| {
        if d.points_above_threshold > 0 {
            i18n.tf(
                "score_distance_above",
                &[
                    ("n", &d.points_above_threshold.to_string()),
                    ("threshold", &d.threshold.to_string()),
                ],
            )
        } else {
            i18n.tf(
                "score_distance_below",
                &[
                    ("n", &(-d.points_above_threshold).to_string()),
                    ("threshold", &d.threshold.to_string()),
                ],
            )
        }
    });
    let none = changes.is_empty() && distance.is_none();
    view! {
        <section data-testid="changes">
            <h2>{i18n.t("changes_title")}</h2>
            {distance.map(|d| view! { <p>{d}</p> })}
            <ul class="plain-list">{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            {none.then(|| view! { <p>{i18n.t("change_none")}</p> })}
        </section>
    }
}

/// Supports that may apply, with their legal basis, and where to ask.
#[component]
pub fn SupportsSection(
    /// The engine's explanation.
    explanation: Explanation,
) -> impl IntoView {
    let i18n = use_i18n();
    let items: Vec<_> = explanation
        .supports
        .iter()
        .map(|s| {
            let rule = rules().supports.iter().find(|r| r.key == s.key);
            let label = match (rule, i18n.locale()) {
                (Some(r), Locale::Vi) => r.label_vi().to_string(),
                (Some(r), Locale::En) => r.label_en().to_string(),
                (None, _) => s.key.to_string(),
            };
            let level = i18n.t(&format!("support_level_{}", s.level));
            let reference = reference_text(s.reference);
            view! {
                <li>
                    <strong>{label}</strong>": "{level}
                    <br/><span class="hint">{reference}</span>
                </li>
            }
        })
        .collect();
    let none = items.is_empty();
    view! {
        <section data-testid="supports">
            <h2>{i18n.t("supports_title")}</h2>
            {none.then(|| view! { <p>{i18n.t("supports_none")}</p> })}
            <ul class="plain-list">{items}</ul>
            <p class="note">{i18n.t("supports_where")}</p>
        </section>
    }
}

/// The [interpretation] rules used for this household (where the law is silent).
#[component]
pub fn InterpretationsSection(
    /// The engine's explanation.
    explanation: Explanation,
) -> impl IntoView {
    let i18n = use_i18n();
    let items: Vec<String> = explanation
        .interpretations
        .iter()
        .filter_map(|k| rules().interpretation_label(k))
        .map(|r| match i18n.locale() {
            Locale::Vi => r.label_vi().to_string(),
            Locale::En => r.label_en().to_string(),
        })
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <section data-testid="interpretations">
                <details>
                    <summary>{i18n.t("interpretations_title")}</summary>
                    <p class="hint">{i18n.t("interpretations_intro")}</p>
                    <ul class="plain-list">{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </details>
            </section>
        }
    })
}
