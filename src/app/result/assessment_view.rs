//! One assessment laid out: verdict, how it was made, indicators, income, changes, supports.
//! Used for the household's own edition and for the 2027-2030 comparison.

use crate::app::i18n::use_i18n;
use crate::app::result::indicator_list::IndicatorList;
use crate::app::result::score_section::ScoreSection;
use crate::app::result::supports_section::{
    ChangesSection, IncomeSection, InterpretationsSection, SupportsSection,
};
use crate::app::result::verdict::Verdict;
use crate::engine::Assessment;
use leptos::prelude::*;

/// The full explanation of one assessment.
#[component]
pub fn AssessmentView(
    /// The engine's assessment.
    assessment: Assessment,
) -> impl IntoView {
    let i18n = use_i18n();
    let e = assessment.explanation;
    let edition_line = i18n.tf(
        "edition_line",
        &[("edition", e.edition), ("date", &e.assessed_on.to_string())],
    );
    view! {
        <Verdict result=assessment.result />
        <p class="hint" data-testid="edition-line">
            {edition_line}
            {e.provisional.then(|| view! { " " <span class="provisional-tag">{i18n.t("provisional")}</span> })}
        </p>
        <IncomeSection explanation=e.clone() />
        <section>
            <h2>{i18n.t("indicators_title")}</h2>
            <IndicatorList indicators=e.indicators.clone() />
        </section>
        <section>
            <h2>{i18n.t("how_title")}</h2>
            <ScoreSection explanation=e.clone() />
        </section>
        <ChangesSection explanation=e.clone() />
        <SupportsSection explanation=e.clone() />
        <InterpretationsSection explanation=e />
    }
}
