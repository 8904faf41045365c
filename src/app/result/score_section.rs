//! How the class was made: Phiếu A, score A item by item, score B, and the rule that combines
//! them.

use crate::app::i18n::{use_i18n, I18n};
use crate::app::result::reference_text;
use crate::engine::explanation::Explanation;
use crate::engine::result::ScreeningOutcome;
use crate::engine::rules::rules;
use crate::questionnaire::locale::Locale;
use leptos::prelude::*;

/// The row label of B1's point table in the current language (the form's Vietnamese wording, or
/// our English rendering of it); urban region rows name the region.
fn b1_row_label(i18n: &I18n, row: &str) -> String {
    if let Some(region) = row.strip_prefix("urban_region_") {
        return i18n.t(&format!("opt_region_{region}")).to_string();
    }
    rules()
        .b1_points
        .iter()
        .find(|r| r.key == row)
        .map(|r| match i18n.locale() {
            Locale::Vi => r.label_vi().to_string(),
            Locale::En => r.label_en().to_string(),
        })
        .unwrap_or_else(|| row.to_string())
}

/// Phiếu A and the two scores.
#[component]
pub fn ScoreSection(
    /// The engine's explanation.
    explanation: Explanation,
) -> impl IntoView {
    let i18n = use_i18n();
    let screening = explanation.screening.clone().map(|s| {
        let outcome = match s.outcome {
            ScreeningOutcome::Excluded => "excluded",
            ScreeningOutcome::Stopped => "stopped",
            ScreeningOutcome::Review => "review",
            ScreeningOutcome::Undetermined => "undetermined",
        };
        let count = if s.count_min == s.count_max {
            s.count_min.to_string()
        } else {
            format!("{}–{}", s.count_min, s.count_max)
        };
        view! {
            <section class="how" data-testid="screening">
                <h3>{i18n.t("screening_title")}</h3>
                <p>{i18n.t(&format!("screening_{outcome}"))}</p>
                <p>{i18n.tf("screening_count", &[("count", &count), ("stop", &s.stop_count.to_string())])}</p>
                <p class="hint">{reference_text(s.reference)}</p>
            </section>
        }
    });
    let score_a = explanation.score_a.clone().map(|a| {
        let total = if a.min == a.max { a.min.to_string() } else { format!("{}–{}", a.min, a.max) };
        let threshold = a.threshold.map(|t| t.to_string()).unwrap_or_else(|| "?".to_string());
        view! {
            <section class="how" data-testid="score-a">
                <h3>{i18n.tf("score_a_title", &[("score", &total), ("threshold", &threshold)])}</h3>
                <p>{i18n.t("score_a_how")}</p>
                <details>
                <summary>{i18n.t("score_a_details")}</summary>
                <table class="score-table">
                    <thead><tr><th>{i18n.t("score_item")}</th><th class="num">{i18n.t("score_points")}</th></tr></thead>
                    <tbody>
                        {a.items.iter().map(|item| view! {
                            <tr>
                                <td>{format!("{} {}: ", i18n.t("b1_item"), item.item)}{b1_row_label(&i18n, item.row)}</td>
                                <td class="num">{item.points}</td>
                            </tr>
                        }).collect_view()}
                        {a.unresolved.iter().map(|u| view! {
                            <tr class="unresolved">
                                <td>{format!("{} {}: ", i18n.t("b1_item"), u.item)}{i18n.t("score_unresolved")}</td>
                                <td class="num">{format!("{}–{}", u.min, u.max)}</td>
                            </tr>
                        }).collect_view()}
                        <tr><th>{i18n.t("score_total")}</th><th class="num">{total.clone()}</th></tr>
                    </tbody>
                </table>
                </details>
                <p class="hint">{reference_text(a.reference)}</p>
            </section>
        }
    });
    let b = explanation.score_b.clone();
    let score_b = b.min.map(|min| {
        let max = b.max.unwrap_or(min);
        let total = if min == max {
            min.to_string()
        } else {
            format!("{min}–{max}")
        };
        view! {
            <section class="how" data-testid="score-b">
                <h3>{i18n.tf("score_b_title", &[("score", &total)])}</h3>
                <p>{i18n.tf("score_b_how", &[
                    ("n", &b.n_deprived.to_string()),
                    ("points", &b.points_per_indicator.unwrap_or(10).to_string()),
                    ("unknown", &b.n_unknown.to_string()),
                ])}</p>
            </section>
        }
    });
    let rule = match (
        explanation.classification,
        explanation.score_a.as_ref().and_then(|a| a.threshold),
    ) {
        ("score", Some(threshold)) => i18n.tf(
            "class_rule_score",
            &[
                ("threshold", &threshold.to_string()),
                (
                    "b",
                    &explanation.score_b.poor_threshold.unwrap_or(30).to_string(),
                ),
            ],
        ),
        ("income", _) => i18n.tf(
            "class_rule_income",
            &[("n", &explanation.score_b.poor_min_deprivations.to_string())],
        ),
        _ => String::new(),
    };
    view! {
        {screening}
        {score_a}
        {score_b}
        <p class="note" data-testid="class-rule">{rule}</p>
    }
}
