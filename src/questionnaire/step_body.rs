//! The answers of one screen — used by the question screens and, in place, by the check page.

use crate::fields::count_checklist::CountChecklist;
use crate::fields::{keyed_list, Field};
use crate::questionnaire::about::About;
use crate::questionnaire::exclusion_stop::ExclusionStop;
use crate::questionnaire::income_step::IncomeStep;
use crate::questionnaire::members_list::MembersList;
use crate::questionnaire::province_picker::ProvincePicker;
use crate::questionnaire::standard_note::StandardNote;
use crate::result::markup::{Markup, Static};
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_questionnaire::fields::is_tick_count;
use mucsong_questionnaire::steps::{self, Step};
use mucsong_widgets::i18n::use_i18n;
use mucsong_widgets::language_switch::LanguageSwitch;

/// The inputs of a screen. Screens whose questions depend on earlier answers (a member's age, the
/// income mode) update their list of questions as those answers change; fields already shown
/// stay in place (keyed), so typing is never interrupted.
#[component]
pub fn StepBody(
    /// The screen whose questions to show.
    step: Step,
    /// On the check page: every answer of the screen, also those given elsewhere (for everyone
    /// on the member list, by a work preset); else only what the screen asks (`steps::asked`).
    #[prop(optional)]
    review: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let intro_key = format!("{}_intro", step.title_key());
    let has_intro = i18n.has(&intro_key);
    let intro = has_intro
        .then(|| view! { <p class="step-intro">{i18n.tr_owned(intro_key)}</p> }.into_any());
    let body = match step {
        Step::Intro => {
            let date = Memo::new(move |_| {
                session
                    .with_draft(|d| d.assessed_on().map(|on| on.to_string()))
                    .flatten()
            });
            view! {
                <About />
                <LanguageSwitch />
                <Field path="assessed_on".to_string() />
                <StandardNote date=date />
            }
            .into_any()
        }
        // The province picker answers `region` (and keeps the province's name).
        Step::Place => view! {
            <Field path="area".to_string() />
            <ProvincePicker />
        }
        .into_any(),
        Step::Members => view! { <MembersList /> }.into_any(),
        Step::ExclusionStop => view! { <ExclusionStop /> }.into_any(),
        Step::Income => view! { <IncomeStep /> }.into_any(),
        _ => {
            // Counts the household owns are ticked in one list (`fields::is_tick_count`), the
            // other questions of the screen follow it.
            let paths = move |ticks: bool| {
                Memo::new(move |_| {
                    session
                        .with_draft(|d| {
                            let mut paths = if review {
                                steps::fields(step, d)
                            } else {
                                steps::asked(step, d)
                            };
                            paths.retain(|p| is_tick_count(p) == ticks);
                            paths
                        })
                        .unwrap_or_default()
                })
            };
            // Phiếu A's exclusions: none of them holds for most households, in one tap.
            let none = (step == Step::Exclusions).then_some(move || {
                let mut m = Markup::new();
                m.leaf(
                    "button",
                    r#"type="button" class="button secondary" data-testid="none-of-these""#,
                    i18n.t("none_of_these"),
                );
                Static::new(m).on_button(move || session.update(|d| d.answer_none(step)))
            });
            view! {
                {none}
                <CountChecklist paths=paths(true) />
                {keyed_list(paths(false), |p| view! { <Field path=p /> }.into_any())}
            }
            .into_any()
        }
    };
    view! {
        {intro}
        {body}
    }
}
