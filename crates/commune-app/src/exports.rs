//! Exports of a finished run: the results per household as CSV (UTF-8 with BOM, Vietnamese or
//! English headers) or JSON Lines — produced by classifying the kept file again through the same
//! chunked path, written out part by part — and the dashboard as a summary CSV. Also printing.

use super::{browser, use_commune, Report};
use leptos::prelude::*;
use leptos::task::spawn_local;
use mucsong_commune::export::summary_csv;
use mucsong_commune::targets::compare;
use mucsong_commune::{CommuneRun, InputFormat, Output};
use mucsong_formats::summary_csv::HeaderLanguage;
use mucsong_widgets::download::{download, DownloadParts};
use mucsong_widgets::i18n::use_i18n;

/// The file name without its extension, for the exported files' names.
fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// The export buttons and the header language choice.
#[component]
pub fn Exports(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_commune();
    let language = RwSignal::new(HeaderLanguage::Vietnamese);
    let exporting = RwSignal::new(None::<u32>);
    // Why the last export failed: the message's key and its detail.
    let failed = RwSignal::new(None::<(&'static str, String)>);
    let file_name = report.file_name.clone();
    let export_results = move |output: Output| {
        let Some(loaded) = state.loaded.get_value() else {
            return;
        };
        if exporting.get_untracked().is_some() {
            return;
        }
        exporting.set(Some(0));
        failed.set(None);
        spawn_local(async move {
            let outcome = async {
                let mut run = CommuneRun::start(
                    loaded.bytes.clone(),
                    &loaded.name,
                    &loaded.options,
                    Some(output),
                )
                .map_err(|e| {
                    let message = mucsong_commune::messages::open_error(&e);
                    (
                        "commune_file_read_failed",
                        i18n.tf(message.key, &message.arg_refs()),
                    )
                })?;
                let mut parts = DownloadParts::default();
                loop {
                    let slice_start = browser::now_ms();
                    let mut is_done = false;
                    while !is_done && browser::now_ms() - slice_start < super::SLICE_MS {
                        is_done = run.step(match run.format() {
                            InputFormat::SummaryCsv => 256,
                            _ => 16,
                        });
                    }
                    parts.push(&run.take_output());
                    if is_done {
                        break;
                    }
                    let (done, total) = run.progress();
                    exporting.set(Some((done * 100 / total.max(1)) as u32));
                    browser::yield_now().await;
                }
                let (name, mime) = match output {
                    Output::ResultsCsv { .. } => (
                        format!("{}-ket-qua.csv", stem(&loaded.name)),
                        "text/csv;charset=utf-8",
                    ),
                    Output::ResultsJsonLines => (
                        format!("{}-ket-qua.jsonl", stem(&loaded.name)),
                        "application/x-ndjson",
                    ),
                };
                parts
                    .download(&name, mime)
                    .map_err(|detail| ("commune_export_failed", detail))
            }
            .await;
            exporting.set(None);
            if let Err(failure) = outcome {
                failed.set(Some(failure));
            }
        });
    };
    let tally = report.tally;
    let summary = report.summary.clone();
    let export_summary = move |_| {
        let rows = compare(&tally, &state.targets.get_untracked());
        let bytes = summary_csv(&summary, &rows, language.get_untracked());
        let name = format!("{}-tong-hop.csv", stem(&file_name));
        failed.set(
            download(&name, "text/csv;charset=utf-8", &bytes)
                .err()
                .map(|detail| ("commune_export_failed", detail)),
        );
    };
    view! {
        <section class="card no-print" aria-labelledby="commune-export-title">
            <h2 id="commune-export-title">{move || i18n.t("commune_export_title")}</h2>
            <fieldset class="choice">
                <legend>{move || i18n.t("commune_export_language")}</legend>
                <label class="check">
                    <input
                        type="radio"
                        name="commune-export-language"
                        data-testid="commune-export-lang-vi"
                        prop:checked=move || language.get() == HeaderLanguage::Vietnamese
                        on:change=move |_| language.set(HeaderLanguage::Vietnamese)
                    />
                    <span>{move || i18n.t("commune_export_lang_vi")}</span>
                </label>
                <label class="check">
                    <input
                        type="radio"
                        name="commune-export-language"
                        data-testid="commune-export-lang-en"
                        prop:checked=move || language.get() == HeaderLanguage::English
                        on:change=move |_| language.set(HeaderLanguage::English)
                    />
                    <span>{move || i18n.t("commune_export_lang_en")}</span>
                </label>
            </fieldset>
            <div class="button-row">
                <button
                    type="button"
                    class="button primary"
                    data-testid="commune-export-results-csv"
                    prop:disabled=move || exporting.get().is_some()
                    on:click=move |_| export_results(Output::ResultsCsv { language: language.get_untracked() })
                >
                    {move || i18n.t("commune_export_results_csv")}
                </button>
                <button
                    type="button"
                    class="button secondary"
                    data-testid="commune-export-results-jsonl"
                    prop:disabled=move || exporting.get().is_some()
                    on:click=move |_| export_results(Output::ResultsJsonLines)
                >
                    {move || i18n.t("commune_export_results_jsonl")}
                </button>
                <button
                    type="button"
                    class="button secondary"
                    data-testid="commune-export-summary-csv"
                    on:click=export_summary
                >
                    {move || i18n.t("commune_export_summary_csv")}
                </button>
                <button type="button" class="button secondary" on:click=move |_| browser::print()>
                    {move || i18n.t("commune_print")}
                </button>
            </div>
            <p class="hint">{move || i18n.t("commune_export_hint")}</p>
            {move || {
                exporting
                    .get()
                    .map(|percent| {
                        view! {
                            <p role="status">
                                {i18n.tf("commune_exporting", &[("percent", &percent.to_string())])}
                            </p>
                        }
                    })
            }}
            {move || failed.get().map(|(key, detail)| view! {
                <p class="commune-alert" role="alert" data-testid="commune-export-failed">{i18n.tf(key, &[("detail", &detail)])}</p>
            })}
        </section>
    }
}
