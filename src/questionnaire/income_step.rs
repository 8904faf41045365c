//! Income: either the monthly total, or a helper that adds up the last 12 months' activities
//! (revenue minus costs, as Phụ lục VIII does), reminding that state social assistance is not
//! counted.

use crate::fields::Field;
use crate::fields::{dynamic, flag, on_event, text};
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_i18n::format_vnd;
use mucsong_questionnaire::draft::INCOME_MODE;
use mucsong_questionnaire::fields::INCOME_SOURCES;
use mucsong_widgets::i18n::use_i18n;

const MODES: [&str; 3] = ["monthly", "sources", "unknown"];

/// The income screen.
#[component]
pub fn IncomeStep() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let mode = Memo::new(move |_| {
        session
            .with_draft(|d| d.extra(INCOME_MODE).map(str::to_string))
            .flatten()
    });
    let choose = move |m: &'static str| {
        let ctx = session.parse_context();
        session.update(|d| {
            d.set_extra(INCOME_MODE, Some(m));
            // "Don't know" makes the income unknown; the other two keep what was typed.
            d.set_dont_know("income.monthly_vnd", m == "unknown", &ctx);
        });
    };
    // The helper's running total: Σ(revenue − cost) over 12 months, and per person per month.
    let totals = move || {
        session
            .with_draft(|d| {
                let sources = d
                    .record
                    .income
                    .as_ref()
                    .and_then(|i| i.sources_12m.as_ref())?;
                let total: i64 = sources
                    .entries()
                    .iter()
                    .filter_map(|(_, s)| s.as_ref())
                    .map(|s| s.revenue_vnd.unwrap_or(0) - s.cost_vnd.unwrap_or(0))
                    .sum();
                let members = d.n_members().max(1) as i64;
                Some((total, total / members / 12))
            })
            .flatten()
    };
    view! {
        <p class="note reminder" data-testid="income-reminder">{i18n.tr("income_not_counted")}</p>
        <fieldset class="field choice">
            <legend class="field-label">{i18n.tr("q_income_mode")}</legend>
            <div class="options">
                {MODES
                    .into_iter()
                    .map(|m| {
                        let label = format!("opt_income_mode_{m}");
                        view! {
                            <label class="option" class:dont-know=m == "unknown">
                                <input
                                    type="radio"
                                    name="income-mode"
                                    value=m
                                    data-testid=format!("income_mode={m}")
                                    prop:checked=flag(move || mode.get().as_deref() == Some(m))
                                    on:change=on_event(move |_| choose(m))
                                />
                                <span class="option-label">{i18n.tr_owned(label)}</span>
                            </label>
                        }
                        .into_any()
                    })
                    .collect_view()}
            </div>
        </fieldset>
        {dynamic(move || match mode.get().as_deref() {
            Some("monthly") => view! { <Field path="income.monthly_vnd".to_string() /> }.into_any(),
            Some("sources") => view! {
                <p class="hint">{i18n.t("income_sources_hint")}</p>
                {INCOME_SOURCES
                    .iter()
                    .map(|s| {
                        let title = format!("income_source_{s}");
                        view! {
                            <fieldset class="income-source">
                                <legend>{i18n.tr_owned(title)}</legend>
                                <Field path=format!("income.sources_12m.{s}.revenue_vnd") />
                                <Field path=format!("income.sources_12m.{s}.cost_vnd") />
                            </fieldset>
                        }
                        .into_any()
                    })
                    .collect_view()}
                <p class="note total" data-testid="income-total" role="status">
                    {text(move || totals().map(|(total, per_person)| i18n.tf("income_total", &[
                        ("total", &format_vnd(total)),
                        ("per_person", &format_vnd(per_person)),
                    ])).unwrap_or_default())}
                </p>
            }.into_any(),
            _ => ().into_any(),
        })}
        <Field path="agricultural_household".to_string() />
    }
}
