//! Choosing the file: a large "Choose a file" button (a labelled file input), a drop zone for drag
//! and drop, the assessment date, and the templates with a short description of the columns.

use super::{model, use_commune};
use leptos::prelude::*;
use mucsong_formats::summary_csv::HeaderLanguage;
use mucsong_widgets::download::download;
use mucsong_widgets::i18n::use_i18n;
use wasm_bindgen::JsCast;

/// The file input, drop zone, date and templates.
#[component]
pub fn FilePicker() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_commune();
    let is_dragging = RwSignal::new(false);
    // Why the last template could not be downloaded.
    let template_failed = RwSignal::new(None::<String>);
    // The days the rule data's editions cover.
    let dates = mucsong_engine::rules::assessment_dates();
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            state.open(file);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        is_dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|files| files.get(0))
        {
            state.open(file);
        }
    };
    let on_drag_over = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        is_dragging.set(true);
    };
    let template = move |language: HeaderLanguage| {
        let bytes = model::export::template_csv(language);
        let name = match language {
            HeaderLanguage::Vietnamese => "mau-danh-sach-ho.csv",
            HeaderLanguage::English => "household-summary-template.csv",
        };
        template_failed.set(download(name, "text/csv;charset=utf-8", &bytes).err());
    };
    view! {
        <div class="commune-input no-print">
            <div
                class="drop-zone"
                class:dragging=move || is_dragging.get()
                data-testid="commune-drop-zone"
                on:dragover=on_drag_over
                on:dragleave=move |_| is_dragging.set(false)
                on:drop=on_drop
            >
                <label
                    class="button primary file-button"
                    class:busy=move || state.is_busy()
                    for="commune-file"
                >
                    {move || i18n.t("commune_open_file")}
                </label>
                <input
                    id="commune-file"
                    class="visually-hidden"
                    type="file"
                    accept=".xlsx,.csv,.jsonl,.ndjson,.json,.txt,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    data-testid="commune-file-input"
                    prop:disabled=move || state.is_busy()
                    on:change=on_pick
                />
                <p class="drop-hint">{move || i18n.t("commune_drop_hint")}</p>
                <p class="hint">{move || i18n.t("commune_file_kinds")}</p>
            </div>
            <div class="field">
                <label for="commune-date">{move || i18n.t("commune_date_label")}</label>
                <input
                    id="commune-date"
                    type="date"
                    min=dates.start().to_string()
                    max=dates.end().to_string()
                    aria-describedby="commune-date-hint"
                    data-testid="commune-date"
                    prop:value=move || state.date.get()
                    on:change=move |ev| state.date.set(event_target_value(&ev))
                />
                <p class="hint" id="commune-date-hint">{move || i18n.t("commune_date_hint")}</p>
            </div>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="commune-override-dates"
                    prop:checked=move || state.override_dates.get()
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        state.override_dates.set(input.checked());
                    }
                />
                <span>{move || i18n.t("commune_override_dates")}</span>
            </label>
            {move || {
                (state.loaded.with_value(|l| l.is_some()) && state.report.get().is_some()
                    && !state.is_busy())
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button secondary"
                                data-testid="commune-rerun"
                                on:click=move |_| state.rerun()
                            >
                                {i18n.t("commune_rerun")}
                            </button>
                        }
                    })
            }}
            <details class="templates">
                <summary>{move || i18n.t("commune_templates_title")}</summary>
                <p>{move || i18n.t("commune_columns_help")}</p>
                <div class="button-row">
                    <button
                        type="button"
                        class="button secondary"
                        data-testid="commune-template-vi"
                        on:click=move |_| template(HeaderLanguage::Vietnamese)
                    >
                        {move || i18n.t("commune_template_vi")}
                    </button>
                    <button
                        type="button"
                        class="button secondary"
                        data-testid="commune-template-en"
                        on:click=move |_| template(HeaderLanguage::English)
                    >
                        {move || i18n.t("commune_template_en")}
                    </button>
                </div>
                {move || template_failed.get().map(|detail| view! {
                    <p class="commune-alert" role="alert">{i18n.tf("commune_export_failed", &[("detail", &detail)])}</p>
                })}
            </details>
        </div>
    }
}

/// The element an event was sent to, as the type the handler expects.
fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target()
        .expect("an input event has a target")
        .unchecked_into()
}
