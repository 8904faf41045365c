//! The start page shown when no household is open: what the app does, the assessment date and
//! its standard, the language, and a button to begin.

use crate::fields::{dynamic, flag, on_click, on_event, text, tf_with_assessment_dates};
use crate::questionnaire::standard_note::StandardNote;
use crate::session::{today, use_session};
use crate::{use_navigation, Section};
use leptos::prelude::*;
use mucsong_engine::date::Date;
use mucsong_questionnaire::fields::{self, Answer, FieldKind};
use mucsong_questionnaire::steps::Step;
use mucsong_widgets::i18n::use_i18n;
use mucsong_widgets::language_switch::LanguageSwitch;

/// The first page: explanation, date, language and "Start".
#[component]
pub fn StartPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigation = use_navigation();
    let date_text = RwSignal::new(today().to_string());
    // The days the rule data's editions cover.
    let dates = mucsong_engine::rules::assessment_dates();
    let name = RwSignal::new(String::new());
    // The valid assessment date as `YYYY-MM-DD`, or `None` (see `StandardNote`'s `date`).
    let parsed = Memo::new(move |_| {
        let ctx = session.parse_context();
        fields::parse_text(FieldKind::AssessmentDate, &date_text.get(), &ctx)
            .ok()
            .flatten()
            .and_then(|answer| match answer {
                Answer::Text(date) => Date::parse(&date).ok(),
                _ => None,
            })
            .map(|date| date.to_string())
    });
    let n_saved = Memo::new(move |_| {
        session.revision();
        crate::session::households()
            .list()
            .map(|l| l.households.len())
            .unwrap_or(0)
    });
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(date) = parsed.get_untracked().and_then(|d| Date::parse(&d).ok()) {
            session.start_new(name.get_untracked().trim(), date, Step::Place);
        }
    };
    view! {
        <section class="page start-page" data-testid="start-page">
            <h1 id="step-heading" tabindex="-1">{i18n.tr("start_title")}</h1>
            <p class="lead">{i18n.tr("about_what")}</p>
            // The start button comes first, visible without scrolling on a small phone: the date
            // is today's and the name optional, so most people need not touch them.
            <form class="start-form" on:submit=on_event(start) novalidate=true>
                <button type="submit" class="button primary big" data-testid="start" disabled=flag(move || parsed.get().is_none())>
                    {i18n.tr("start_button")}
                </button>
                <LanguageSwitch />
                <div class="field text">
                    <label class="field-label" for="start-date">{i18n.tr("q_assessed_on")}</label>
                    <p class="hint" id="start-date-hint">{i18n.tr("h_assessed_on")}</p>
                    <input
                        id="start-date"
                        type="date"
                        class="text-input"
                        data-testid="start-date"
                        min=dates.start().to_string()
                        max=dates.end().to_string()
                        aria-describedby="start-date-hint start-date-error"
                        prop:value=date_text.get_untracked()
                        on:input=on_event(move |ev| date_text.set(event_target_value(&ev)))
                    />
                    <p class="error-line" id="start-date-error" role="status">
                        {text(move || if parsed.get().is_none() { tf_with_assessment_dates(&i18n, "err_start_date", &[]) } else { String::new() })}
                    </p>
                </div>
                <StandardNote date=parsed />
                <div class="field text">
                    <label class="field-label" for="start-name">{i18n.tr("household_name")}</label>
                    <p class="hint">{i18n.tr("household_name_hint")}</p>
                    <input
                        id="start-name"
                        type="text"
                        class="text-input"
                        data-testid="start-name"
                        autocomplete="off"
                        on:input=on_event(move |ev| name.set(event_target_value(&ev)))
                    />
                </div>
            </form>
            <ul class="plain-list about">
                <li>{i18n.tr("about_not_official")}</li>
                <li>{i18n.tr("about_private")}</li>
                <li>{i18n.tr("about_unknown")}</li>
            </ul>
            {dynamic(move || (n_saved.get() > 0).then(|| view! {
                <button type="button" class="button link" on:click=on_click(move || navigation.go(Section::Saved))>
                    {i18n.tf("start_saved", &[("n", &n_saved.get().to_string())])}
                </button>
            }.into_any()).into_any())}
        </section>
    }
}
