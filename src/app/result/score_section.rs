//! How the class was made: Phiếu A, score A item by item, score B, and the rule that combines
//! them.

use crate::app::i18n::I18n;
use crate::app::result::markup::Markup;
use crate::app::result::reference_text;
use crate::engine::explanation::Explanation;
use crate::engine::result::ScreeningOutcome;
use crate::engine::rules::rules;
use crate::questionnaire::locale::Locale;

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
            Locale::Vi => r.label_vi.to_string(),
            Locale::En => r.label_en.to_string(),
        })
        .unwrap_or_else(|| row.to_string())
}

/// Writes Phiếu A, the two scores and the rule that combines them.
pub fn write_score_section(m: &mut Markup, i18n: &I18n, explanation: &Explanation) {
    if let Some(s) = &explanation.screening {
        let outcome = match s.outcome {
            ScreeningOutcome::Excluded => "excluded",
            ScreeningOutcome::Stopped => "stopped",
            ScreeningOutcome::Review => "review",
            ScreeningOutcome::Undetermined => "undetermined",
        };
        let count = range_text(s.count_min.into(), s.count_max.into());
        m.fill(
            r#"<section class="how" data-testid="screening"><h3>{}</h3><p>{}</p><p>{}</p><p class="hint">{}</p></section>"#,
            &[
                i18n.t("screening_title"),
                i18n.t(&format!("screening_{outcome}")),
                &i18n.tf(
                    "screening_count",
                    &[("count", &count), ("stop", &s.stop_count.to_string())],
                ),
                &reference_text(s.reference),
            ],
        );
    }
    if let Some(a) = &explanation.score_a {
        let total = range_text(a.min, a.max);
        let threshold = a
            .threshold
            .map(|t| t.to_string())
            .unwrap_or_else(|| "?".to_string());
        let item_label = i18n.t("b1_item");
        m.fill(
            concat!(
                r#"<section class="how" data-testid="score-a"><h3>{}</h3><p>{}</p><details><summary>{}</summary>"#,
                r#"<table class="score-table"><thead><tr><th>{}</th><th class="num">{}</th></tr></thead><tbody>"#,
            ),
            &[
                &i18n.tf(
                    "score_a_title",
                    &[("score", &total), ("threshold", &threshold)],
                ),
                i18n.t("score_a_how"),
                i18n.t("score_a_details"),
                i18n.t("score_item"),
                i18n.t("score_points"),
            ],
        );
        for item in &a.items {
            m.fill(
                r#"<tr><td>{} {}: {}</td><td class="num">{}</td></tr>"#,
                &[
                    item_label,
                    &item.item.to_string(),
                    &b1_row_label(i18n, item.row),
                    &item.points.to_string(),
                ],
            );
        }
        for u in &a.unresolved {
            m.fill(
                r#"<tr class="unresolved"><td>{} {}: {}</td><td class="num">{}</td></tr>"#,
                &[
                    item_label,
                    &u.item.to_string(),
                    i18n.t("score_unresolved"),
                    &format!("{}–{}", u.min, u.max),
                ],
            );
        }
        m.fill(
            r#"<tr><th>{}</th><th class="num">{}</th></tr></tbody></table></details><p class="hint">{}</p></section>"#,
            &[i18n.t("score_total"), &total, &reference_text(a.reference)],
        );
    }
    let b = &explanation.score_b;
    if let Some(min) = b.min {
        let total = range_text(min, b.max.unwrap_or(min));
        m.fill(
            r#"<section class="how" data-testid="score-b"><h3>{}</h3><p>{}</p></section>"#,
            &[
                &i18n.tf("score_b_title", &[("score", &total)]),
                &i18n.tf(
                    "score_b_how",
                    &[
                        ("n", &b.n_deprived.to_string()),
                        ("points", &b.points_per_indicator.unwrap_or(10).to_string()),
                        ("unknown", &b.n_unknown.to_string()),
                    ],
                ),
            ],
        );
    }
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
    m.fill(
        r#"<p class="note" data-testid="class-rule">{}</p>"#,
        &[&rule],
    );
}

/// `min`, or `min–max` when the two differ.
fn range_text(min: i64, max: i64) -> String {
    if min == max {
        min.to_string()
    } else {
        format!("{min}–{max}")
    }
}
