//! How the class was made: Phiếu A, score A item by item, score B, and the rule that combines
//! them.

use crate::result::markup::Markup;
use crate::result::{reference_text, write_legal_basis};
use mucsong_engine::explanation::Explanation;
use mucsong_engine::rules::rules;
use mucsong_widgets::i18n::I18n;

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
        .map(|r| i18n.t(&r.label_key()).to_string())
        .unwrap_or_else(|| row.to_string())
}

/// Writes Phiếu A, the two scores and the rule that combines them.
pub fn write_score_section(m: &mut Markup, i18n: &I18n, explanation: &Explanation) {
    if let Some(s) = &explanation.screening {
        let outcome = s.outcome.key();
        let count = range_text(s.count_min.into(), s.count_max.into());
        m.open("section", r#"class="how" data-testid="screening""#)
            .leaf("h3", "", i18n.t("screening_title"))
            .leaf("p", "", i18n.t(&format!("screening_{outcome}")))
            .leaf(
                "p",
                "",
                &i18n.tf(
                    "screening_count",
                    &[("count", &count), ("stop", &s.stop_count.to_string())],
                ),
            )
            .close("section");
    }
    if let Some(a) = &explanation.score_a {
        let total = range_text(a.min, a.max);
        let threshold = a
            .threshold
            .map(|t| t.to_string())
            .unwrap_or_else(|| "?".to_string());
        // Each row under its item's heading: items 1 and 2 both have "Hộ có 2 người".
        let item_label = |item: u8| i18n.t(&format!("b1_item_{item}"));
        m.open("section", r#"class="how" data-testid="score-a""#)
            .leaf(
                "h3",
                "",
                &i18n.tf(
                    "score_a_title",
                    &[("score", &total), ("threshold", &threshold)],
                ),
            )
            .leaf("p", "", i18n.t("score_a_how"))
            .open("details", "")
            .leaf("summary", "", i18n.t("score_a_details"))
            .open("table", r#"class="score-table""#)
            .open("thead", "")
            .open("tr", "")
            .leaf("th", "", i18n.t("score_item"))
            .leaf("th", r#"class="num""#, i18n.t("score_points"))
            .close("tr")
            .close("thead")
            .open("tbody", "");
        for item in &a.items {
            m.open("tr", "")
                .leaf(
                    "td",
                    "",
                    &format!(
                        "{}: {}",
                        item_label(item.item),
                        b1_row_label(i18n, item.row)
                    ),
                )
                .leaf("td", r#"class="num""#, &item.points.to_string())
                .close("tr");
        }
        for u in &a.unresolved {
            m.open("tr", r#"class="unresolved""#)
                .leaf(
                    "td",
                    "",
                    &format!("{}: {}", item_label(u.item), i18n.t("score_unresolved")),
                )
                .leaf("td", r#"class="num""#, &format!("{}–{}", u.min, u.max))
                .close("tr");
        }
        m.open("tr", "")
            .leaf("th", "", i18n.t("score_total"))
            .leaf("th", r#"class="num""#, &total)
            .close("tr")
            .close("tbody")
            .close("table")
            .close("details")
            .close("section");
    }
    let b = &explanation.score_b;
    if let (Some(min), Some(points)) = (b.min, b.points_per_indicator) {
        let total = range_text(min, b.max.unwrap_or(min));
        m.open("section", r#"class="how" data-testid="score-b""#)
            .leaf("h3", "", &i18n.tf("score_b_title", &[("score", &total)]))
            .leaf(
                "p",
                "",
                &i18n.tf(
                    "score_b_how",
                    &[
                        ("n", &b.n_deprived.to_string()),
                        ("points", &points.to_string()),
                        ("unknown", &b.n_unknown.to_string()),
                    ],
                ),
            )
            .close("section");
    }
    let rule = match (
        explanation.classification,
        explanation.score_a.as_ref().and_then(|a| a.threshold),
        explanation.score_b.poor_threshold,
    ) {
        ("score", Some(threshold), Some(b)) => i18n.tf(
            "class_rule_score",
            &[("threshold", &threshold.to_string()), ("b", &b.to_string())],
        ),
        ("income", _, _) => i18n.tf(
            "class_rule_income",
            &[("n", &explanation.score_b.poor_min_deprivations.to_string())],
        ),
        _ => String::new(),
    };
    m.leaf("p", r#"class="note" data-testid="class-rule""#, &rule);
    // The forms' names and the texts behind them, together and folded.
    let mut legal = Vec::new();
    if let Some(s) = &explanation.screening {
        let reference = reference_text(i18n, s.reference);
        legal.push(i18n.tf("legal_screening", &[("reference", &reference)]));
    }
    if let Some(a) = &explanation.score_a {
        let reference = reference_text(i18n, a.reference);
        legal.push(i18n.tf("legal_score_a", &[("reference", &reference)]));
        legal.push(i18n.t("legal_score_b").to_string());
    }
    write_legal_basis(m, i18n, &legal);
}

/// `min`, or `min–max` when the two differ.
fn range_text(min: i64, max: i64) -> String {
    if min == max {
        min.to_string()
    } else {
        format!("{min}–{max}")
    }
}
