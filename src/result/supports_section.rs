//! Income against the line, the smallest changes that would change the class, the supports
//! that may apply and where to ask, and the interpretations used.

use crate::result::markup::Markup;
use crate::result::{reference_text, write_legal_basis};
use mucsong_engine::explanation::Explanation;
use mucsong_engine::rules::{edition_for, rules, ClassificationMethod};
use mucsong_i18n::format_vnd;
use mucsong_widgets::i18n::I18n;

/// Writes income: per person per month, the line, and the distance in đồng.
pub fn write_income_section(m: &mut Markup, i18n: &I18n, explanation: &Explanation) {
    m.open("section", r#"data-testid="income-section""#)
        .leaf("h2", "", i18n.t("income_title"));
    match &explanation.income {
        None => {
            m.leaf("p", "", i18n.t("income_none"));
        }
        Some(income) => {
            let per_person = match income.per_person_month {
                Some(p) => i18n.tf("income_per_person", &[("amount", &format_vnd(p))]),
                None => i18n.t("income_unknown").to_string(),
            };
            m.leaf("p", r#"data-testid="income-per-person""#, &per_person);
            if let Some(line) = income.line {
                m.leaf(
                    "p",
                    "",
                    &i18n.tf("income_line", &[("amount", &format_vnd(line))]),
                );
            }
            if let Some(d) = income.distance_to_line {
                let distance = if d >= 0 {
                    i18n.tf("income_below", &[("amount", &format_vnd(d))])
                } else {
                    i18n.tf("income_above", &[("amount", &format_vnd(-d))])
                };
                m.open("p", r#"class="note" data-testid="income-distance""#)
                    .leaf("strong", "", &distance)
                    .close("p");
            }
            let class = i18n.t(&format!("income_class_{}", income.income_class.key()));
            // Where the review method classes the household, income is not a second verdict.
            let by_income = edition_for(explanation.assessed_on)
                .is_some_and(|e| e.classification == ClassificationMethod::Income);
            let key = if by_income {
                "income_class_decides"
            } else {
                "income_class"
            };
            m.leaf(
                "p",
                r#"data-testid="income-class""#,
                &i18n.tf(key, &[("class", class)]),
            );
        }
    }
    m.close("section");
}

/// Writes the smallest changes that would change the class.
pub fn write_changes_section(m: &mut Markup, i18n: &I18n, explanation: &Explanation) {
    let changes: Vec<String> = explanation
        .class_changes
        .iter()
        .map(|c| {
            let list: Vec<&str> = c
                .candidates
                .iter()
                .map(|&i| {
                    let rule = rules().indicator(i);
                    i18n.t(&rule.label_key())
                })
                .collect();
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
    m.open("section", r#"data-testid="changes""#)
        .leaf("h2", "", i18n.t("changes_title"));
    if let Some(d) = &explanation.score_a_distance {
        // Poor or near-poor by score at the threshold or below: leaving needs one point more.
        let (key, n) = if d.points_above_threshold > 0 {
            ("score_distance_above", d.points_above_threshold)
        } else {
            ("score_distance_below", 1 - d.points_above_threshold)
        };
        m.leaf(
            "p",
            r#"data-testid="score-distance""#,
            &i18n.tf(
                key,
                &[
                    ("n", &n.to_string()),
                    ("threshold", &d.threshold.to_string()),
                    ("needed", &(d.threshold + 1).to_string()),
                ],
            ),
        );
    }
    m.plain_list(&changes);
    if changes.is_empty() && explanation.score_a_distance.is_none() {
        m.leaf("p", "", i18n.t("change_none"));
    }
    m.close("section");
}

/// Writes the supports that may apply, with their legal basis, and where to ask.
pub fn write_supports_section(m: &mut Markup, i18n: &I18n, explanation: &Explanation) {
    m.open("section", r#"data-testid="supports""#)
        .leaf("h2", "", i18n.t("supports_title"));
    if explanation.supports.is_empty() {
        m.leaf("p", "", i18n.t("supports_none"));
    }
    m.open("ul", r#"class="plain-list""#);
    for s in &explanation.supports {
        let rule = rules().supports.iter().find(|r| r.key == s.key);
        let label = rule.map_or(s.key, |r| i18n.t(&r.label_key()));
        m.open("li", "")
            .leaf("strong", "", label)
            .text(": ")
            .text(i18n.t(&format!("support_level_{}", s.level)))
            .close("li");
    }
    let legal: Vec<String> = explanation
        .supports
        .iter()
        .map(|s| {
            let rule = rules().supports.iter().find(|r| r.key == s.key);
            let label = rule.map_or(s.key, |r| i18n.t(&r.label_key()));
            format!("{label}: {}", reference_text(i18n, s.reference))
        })
        .collect();
    m.close("ul")
        .leaf("p", r#"class="note""#, i18n.t("supports_where"));
    write_legal_basis(m, i18n, &legal);
    m.close("section");
}

/// Writes the [interpretation] rules used for this household (where the law is silent), if any.
pub fn write_interpretations_section(m: &mut Markup, i18n: &I18n, explanation: &Explanation) {
    let items: Vec<&str> = explanation
        .interpretations
        .iter()
        .filter_map(|k| rules().interpretation_label(k))
        .map(|r| i18n.t(&r.label_key()))
        .collect();
    if items.is_empty() {
        return;
    }
    m.open("section", r#"data-testid="interpretations""#)
        .open("details", "")
        .leaf("summary", "", i18n.t("interpretations_title"))
        .leaf("p", r#"class="hint""#, i18n.t("interpretations_intro"))
        .plain_list(&items)
        .close("details")
        .close("section");
}
