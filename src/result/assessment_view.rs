//! One assessment laid out: verdict, how it was made, indicators, income, changes, supports.
//! Used for the household's own edition and, in short form, for the 2027-2030 comparison.

use crate::result::indicator_list::{indicator_label, write_indicator_list};
use crate::result::markup::Markup;
use crate::result::score_section::write_score_section;
use crate::result::supports_section::{
    write_changes_section, write_income_section, write_interpretations_section,
    write_supports_section,
};
use crate::result::verdict::write_verdict;
use crate::session::Session;
use mucsong_engine::result::IndicatorStatus;
use mucsong_engine::Assessment;
use mucsong_i18n::format_date;
use mucsong_widgets::i18n::I18n;

/// Writes the explanation of one assessment, in the order a person needs it: the verdict, how
/// the scores were made, the indicators, income against the line, what would change the class,
/// the supports. `compact` keeps only the verdict, income and deprived indicators (for the
/// 2027-2030 comparison).
pub fn write_assessment(
    m: &mut Markup,
    i18n: &I18n,
    session: &Session,
    assessment: &Assessment,
    compact: bool,
) {
    let e = &assessment.explanation;
    let date = format_date(i18n.locale(), e.assessed_on);
    write_verdict(m, i18n, session, &assessment.result);
    // Which standard and date: under the verdict in the comparisons, after the three lines of why
    // on the household's own result (so that they fit its first screen).
    let edition_line = |m: &mut Markup| {
        m.open("p", r#"class="hint" data-testid="edition-line""#)
            .text(&i18n.tf("edition_line", &[("edition", e.edition), ("date", &date)]));
        if e.provisional {
            m.text(" ")
                .leaf("span", r#"class="provisional-tag""#, i18n.t("provisional"));
        }
        m.close("p");
    };
    if compact {
        edition_line(m);
        let deprived: Vec<String> = e
            .indicators
            .iter()
            .filter(|i| i.status == IndicatorStatus::Deprived)
            .map(|i| indicator_label(i18n, i))
            .collect();
        write_income_section(m, i18n, e);
        m.leaf(
            "p",
            "",
            &i18n.tf("compact_deprived", &[("n", &deprived.len().to_string())]),
        )
        .plain_list(&deprived);
        return;
    }
    // Why, in three lines, before the details: the score against its line, the deprivations,
    // what to do next.
    let deprived: Vec<String> = e
        .indicators
        .iter()
        .filter(|i| i.status == IndicatorStatus::Deprived)
        .map(|i| indicator_label(i18n, i))
        .collect();
    m.open("ul", r#"class="why" data-testid="why""#);
    if let Some((a, Some(t))) = e.score_a.as_ref().map(|a| (a, a.threshold)) {
        let score = if a.min == a.max {
            a.min.to_string()
        } else {
            format!("{}–{}", a.min, a.max)
        };
        m.leaf(
            "li",
            "",
            &i18n.tf(
                "why_score",
                &[("score", &score), ("threshold", &t.to_string())],
            ),
        );
    }
    let deprived_line = if deprived.is_empty() {
        i18n.t("why_none_deprived").to_string()
    } else {
        i18n.tf(
            "why_deprived",
            &[
                ("n", &deprived.len().to_string()),
                ("total", &e.indicators.len().to_string()),
                ("list", &deprived.join(", ")),
            ],
        )
    };
    m.leaf("li", "", &deprived_line)
        .leaf("li", "", i18n.t("why_next"))
        .close("ul");
    edition_line(m);
    m.open("details", r#"class="how-details""#)
        .leaf("summary", "", i18n.t("how_title"));
    write_score_section(m, i18n, e);
    m.close("details")
        .open("section", "")
        .leaf("h2", "", i18n.t("indicators_title"));
    write_indicator_list(m, i18n, session, &e.indicators, &e.reasons);
    m.close("section");
    write_income_section(m, i18n, e);
    write_changes_section(m, i18n, e);
    write_supports_section(m, i18n, e);
    write_interpretations_section(m, i18n, e);
}
