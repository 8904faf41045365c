//! One assessment laid out: verdict, how it was made, indicators, income, changes, supports.
//! Used for the household's own edition and, in short form, for the 2027-2030 comparison.

use crate::app::i18n::use_i18n;
use crate::app::result::indicator_list::{indicator_label, IndicatorList};
use crate::app::result::score_section::ScoreSection;
use crate::app::result::supports_section::{
    ChangesSection, IncomeSection, InterpretationsSection, SupportsSection,
};
use crate::app::result::verdict::Verdict;
use crate::engine::result::IndicatorStatus;
use crate::engine::Assessment;
use crate::questionnaire::locale::format_date;
use leptos::prelude::*;

/// The explanation of one assessment, in the order a person needs it: the verdict, how the
/// scores were made, the indicators, income against the line, what would change the class, the
/// supports. `compact` keeps only the verdict, income and deprived indicators (for the
/// 2027-2030 comparison).
#[component]
pub fn AssessmentView(
    /// The engine's assessment.
    assessment: Assessment,
    /// Show the short form.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let e = assessment.explanation;
    let date = format_date(i18n.locale(), e.assessed_on);
    let edition_line = i18n.tf("edition_line", &[("edition", e.edition), ("date", &date)]);
    let provisional = e.provisional;
    let head = view! {
        <Verdict result=assessment.result />
        <p class="hint" data-testid="edition-line">
            {edition_line}
            {provisional.then(|| view! { " " <span class="provisional-tag">{i18n.t("provisional")}</span> })}
        </p>
    };
    if compact {
        let deprived: Vec<String> = e
            .indicators
            .iter()
            .filter(|i| i.status == IndicatorStatus::Deprived)
            .map(|i| indicator_label(&i18n, i))
            .collect();
        let n = deprived.len().to_string();
        return view! {
            {head}
            <IncomeSection explanation=e.clone() />
            <p>{i18n.tf("compact_deprived", &[("n", &n)])}</p>
            <ul class="plain-list">{deprived.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
        }
        .into_any();
    }
    view! {
        {head}
        <section>
            <h2>{i18n.t("how_title")}</h2>
            <ScoreSection explanation=e.clone() />
        </section>
        <section>
            <h2>{i18n.t("indicators_title")}</h2>
            <IndicatorList indicators=e.indicators.clone() reasons=e.reasons.clone() />
        </section>
        <IncomeSection explanation=e.clone() />
        <ChangesSection explanation=e.clone() />
        <SupportsSection explanation=e.clone() />
        <InterpretationsSection explanation=e />
    }
    .into_any()
}
