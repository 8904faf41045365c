//! The dashboard of a finished run: what was read, households by class, the Alkire–Foster
//! figures, deprivation by indicator, the targets table (editable, saved on the device), the lines
//! that could not be read, and the exports. Every chart has its table.

use super::charts::{ClassChart, IndicatorChart};
use super::exports::Exports;
use super::{fmt_count, fmt_decimal, fmt_percent, fmt_size, use_commune, Report};
use leptos::prelude::*;
use mucsong_commune::messages;
use mucsong_commune::targets::{compare, parse_percent, TargetStatus, TARGETS};
use mucsong_engine::Indicator;
use mucsong_widgets::i18n::use_i18n;
use std::collections::BTreeSet;

/// The figures of one run.
#[component]
pub fn Dashboard(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let summary = report.summary.clone();
    let n_listed = report.errors.len();
    let s = summary.clone();
    let r = report.clone();
    let header = move || {
        let report = &r;
        let locale = i18n.locale();
        // A workbook is classified from the import's summary CSV: name what the officer opened.
        let is_workbook = report.file_name.to_ascii_lowercase().ends_with(".xlsx");
        let format = if is_workbook {
            i18n.t("commune_format_xlsx")
        } else {
            i18n.t(&format!("commune_format_{}", report.format.key()))
        };
        let stopped = report.stopped_by.as_ref().map(|e| {
            let m = messages::file_error(e);
            view! {
                <p class="commune-alert" role="alert" data-testid="commune-stopped">
                    {i18n.tf("commune_stopped", &[("reason", &i18n.tf(m.key, &m.arg_refs()))])}
                </p>
            }
        });
        view! {
            <p data-testid="commune-file-label">
                {i18n.tf(
                    "commune_file_label",
                    &[
                        ("name", &report.file_name),
                        ("format", format),
                        ("size", &fmt_size(report.n_bytes, locale)),
                    ],
                )}
            </p>
            <p
                data-testid="commune-done"
                data-households=s.n_households.to_string()
                data-rejected=s.n_rejected.to_string()
                data-work-ms=format!("{:.1}", report.work_ms)
                data-wall-ms=format!("{:.1}", report.wall_ms)
                data-read-ms=format!("{:.1}", report.read_ms)
                data-wasm-bytes=super::browser::wasm_memory_bytes().to_string()
            >
                {i18n.tf(
                    "commune_done",
                    &[
                        ("n", &fmt_count(s.n_households, locale)),
                        ("seconds", &fmt_decimal(report.work_ms / 1000.0, 2, locale)),
                    ],
                )}
                " "
                {i18n.tf(
                    "commune_counts_line",
                    &[
                        ("n_rejected", &fmt_count(s.n_rejected, locale)),
                        ("n_blank", &fmt_count(report.n_blank, locale)),
                    ],
                )}
            </p>
            {stopped}
            {(s.n_households == 0).then(|| view! { <p class="commune-alert">{i18n.t("commune_no_households")}</p> })}
        }
    };
    view! {
        <div class="dashboard" data-testid="commune-dashboard">
            {header}
            <ClassSection report=report.clone() />
            <AlkireFoster report=report.clone() />
            <IndicatorSection report=report.clone() />
            <TargetsSection report=report.clone() />
            {(!report.errors.is_empty()).then(|| view! { <ErrorList report=report.clone() n_listed /> })}
            <Exports report=report.clone() />
            <super::workbench::Workbench report=report.clone() />
        </div>
    }
}

/// Households by class: four figures, the chart and its table.
#[component]
fn ClassSection(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let s = report.summary;
    let rows = [
        ("poor", s.n_poor, s.share_poor()),
        ("near_poor", s.n_near_poor, s.share_near_poor()),
        ("not_poor", s.n_not_poor, s.share_not_poor()),
        ("undetermined", s.n_undetermined, s.share_undetermined()),
    ];
    let chart_summary = s.clone();
    view! {
        <section class="card" aria-labelledby="commune-classes-title">
            <h2 id="commune-classes-title">{move || i18n.t("commune_classes_title")}</h2>
            <ul class="figures">
                {move || {
                    let locale = i18n.locale();
                    rows.iter()
                        .map(|&(key, n, share)| {
                            view! {
                                <li class=format!("figure class-{key}") data-testid=format!("commune-count-{key}") data-count=n.to_string()>
                                    <span class="figure-number">{fmt_count(n, locale)}</span>
                                    <span class="figure-share">{fmt_percent(share, locale)}</span>
                                    <span class="figure-label">{i18n.t(&format!("commune_class_{key}"))}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <ClassChart summary=chart_summary />
            <details class="chart-table">
                <summary>{move || i18n.t("commune_show_table")}</summary>
                <table data-testid="commune-class-table">
                    <caption>
                        {move || i18n.tf("commune_classes_caption", &[("n", &fmt_count(s.n_households, i18n.locale()))])}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("commune_col_class")}</th>
                            <th scope="col" class="num">{move || i18n.t("commune_col_households")}</th>
                            <th scope="col" class="num">{move || i18n.t("commune_col_share")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let locale = i18n.locale();
                            rows.iter()
                                .map(|&(key, n, share)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{i18n.t(&format!("commune_class_{key}"))}</th>
                                            <td class="num">{fmt_count(n, locale)}</td>
                                            <td class="num">{fmt_percent(share, locale)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </details>
            <p class="hint">{move || i18n.t("commune_sample_note")}</p>
        </section>
    }
}

/// H, A and M0 with what each means in plain words.
#[component]
fn AlkireFoster(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let s = report.summary;
    view! {
        <section class="card" aria-labelledby="commune-af-title">
            <h2 id="commune-af-title">{move || i18n.t("commune_af_title")}</h2>
            {move || {
                let locale = i18n.locale();
                let items = [
                    ("h", fmt_percent(s.headcount_ratio(), locale)),
                    ("a", fmt_percent(s.intensity(), locale)),
                    (
                        "m0",
                        s.adjusted_headcount_ratio()
                            .map_or("—".to_string(), |m| fmt_decimal(m, 3, locale)),
                    ),
                ];
                view! {
                    <dl class="af">
                        {items
                            .into_iter()
                            .map(|(key, value)| {
                                view! {
                                    <div class="af-item" data-testid=format!("commune-af-{key}")>
                                        <dt>{i18n.t(&format!("commune_af_{key}"))}</dt>
                                        <dd>
                                            <span class="figure-number">{value}</span>
                                            <span class="hint">{i18n.t(&format!("commune_af_{key}_hint"))}</span>
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </dl>
                    {(s.n_poor_with_unknown_indicators > 0)
                        .then(|| {
                            view! {
                                <p class="hint">
                                    {i18n.tf(
                                        "commune_af_lower_bound",
                                        &[("n", &fmt_count(s.n_poor_with_unknown_indicators, locale))],
                                    )}
                                </p>
                            }
                        })}
                }
            }}
        </section>
    }
}

/// Deprivation by indicator: the chart and its table.
#[component]
fn IndicatorSection(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_commune();
    let s = report.summary;
    let chart_summary = s.clone();
    view! {
        <section class="card" aria-labelledby="commune-indicators-title">
            <h2 id="commune-indicators-title">{move || i18n.t("commune_indicators_title")}</h2>
            <IndicatorChart summary=chart_summary targets=state.targets />
            <details class="chart-table">
                <summary>{move || i18n.t("commune_show_table")}</summary>
                <div class="table-scroll">
                    <table data-testid="commune-indicator-table">
                        <caption>{move || i18n.t("commune_indicators_caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t("commune_col_indicator")}</th>
                                <th scope="col" class="num">{move || i18n.t("commune_col_deprived_all")}</th>
                                <th scope="col" class="num">{move || i18n.t("commune_col_deprived_poor")}</th>
                                <th scope="col" class="num">{move || i18n.t("commune_col_max_deprived")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let locale = i18n.locale();
                                let values = state.targets.get();
                                Indicator::TWELVE
                                    .into_iter()
                                    .map(|indicator| {
                                        let t = s.indicator(indicator);
                                        let share_of = |share, n: u64, base: u64| {
                                            i18n.tf(
                                                "commune_share_of",
                                                &[
                                                    ("share", &fmt_percent(share, locale)),
                                                    ("n", &fmt_count(n, locale)),
                                                    ("base", &fmt_count(base, locale)),
                                                ],
                                            )
                                        };
                                        let max = mucsong_commune::targets::max_deprived_share(&values, indicator)
                                            .map_or("—".to_string(), |(m, _)| fmt_percent(Some(m), locale));
                                        view! {
                                            <tr data-testid=format!("commune-indicator-{}", indicator.key())>
                                                <th scope="row">{i18n.t(&format!("commune_indicator_{}", indicator.key()))}</th>
                                                <td class="num">{share_of(t.share_deprived(), t.n_deprived, t.n_known)}</td>
                                                <td class="num">{share_of(t.share_deprived_poor(), t.n_deprived_poor, t.n_known_poor)}</td>
                                                <td class="num">{max}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

/// The targets table: each target, its indicators, the editable percentage, where the poor
/// households stand, and whether it is met.
#[component]
fn TargetsSection(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_commune();
    let invalid = RwSignal::new(BTreeSet::<&'static str>::new());
    let not_saved = RwSignal::new(false);
    let tally = report.tally;
    let on_input = move |key: &'static str, text: String| match parse_percent(&text) {
        Ok(percent) => {
            invalid.update(|set| {
                set.remove(key);
            });
            let mut values = state.targets.get_untracked();
            values.set(key, percent);
            not_saved.set(!state.save_targets(values));
        }
        Err(()) => invalid.update(|set| {
            set.insert(key);
        }),
    };
    view! {
        <section class="card" aria-labelledby="commune-targets-title">
            <h2 id="commune-targets-title">{move || i18n.t("commune_targets_title")}</h2>
            <p class="hint">{move || i18n.t("commune_targets_intro")}</p>
            <div class="table-scroll">
                <table class="targets" data-testid="commune-targets-table">
                    <caption>{move || i18n.t("commune_targets_caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("commune_col_target")}</th>
                            <th scope="col">{move || i18n.t("commune_col_target_percent")}</th>
                            <th scope="col" class="num">{move || i18n.t("commune_col_current")}</th>
                            <th scope="col">{move || i18n.t("commune_col_status")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {TARGETS
                            .iter()
                            .map(|def| {
                                let key = def.key;
                                let input_id = format!("commune-target-{key}");
                                let error_id = format!("commune-target-{key}-error");
                                let row = move || {
                                    compare(&tally, &state.targets.get())
                                        .into_iter()
                                        .find(|r| r.def.key == key)
                                        .expect("every target has a row")
                                };
                                let mapped = def
                                    .indicators
                                    .iter()
                                    .map(|i: &Indicator| i.key())
                                    .collect::<Vec<_>>();
                                view! {
                                    <tr data-testid=format!("commune-target-row-{key}")>
                                        <th scope="row">
                                            <span class="target-name">{move || i18n.t(&format!("commune_target_{key}"))}</span>
                                            <span class="maps-to">
                                                "↔ "
                                                {move || {
                                                    mapped
                                                        .iter()
                                                        .map(|k| i18n.t(&format!("commune_indicator_{k}")))
                                                        .collect::<Vec<_>>()
                                                        .join(" + ")
                                                }}
                                            </span>
                                        </th>
                                        <td class="target-value" data-label=move || i18n.t("commune_col_target_percent")>
                                            <input
                                                id=input_id
                                                class="target-input"
                                                type="text"
                                                inputmode="decimal"
                                                size="5"
                                                data-testid=format!("commune-target-input-{key}")
                                                aria-label=move || {
                                                    i18n.tf(
                                                        "commune_target_input_label",
                                                        &[("target", i18n.t(&format!("commune_target_{key}")))],
                                                    )
                                                }
                                                aria-invalid=move || invalid.get().contains(key).to_string()
                                                aria-describedby=error_id.clone()
                                                prop:value=move || {
                                                    state
                                                        .targets
                                                        .get()
                                                        .get(key)
                                                        .map(|p| fmt_decimal(p, if p.fract() == 0.0 { 0 } else { 1 }, i18n.locale()))
                                                        .unwrap_or_default()
                                                }
                                                on:change=move |ev| on_input(key, event_target_value(&ev))
                                            />
                                            <span class="field-error" id=error_id role="alert">
                                                {move || invalid.get().contains(key).then(|| i18n.t("commune_target_invalid"))}
                                            </span>
                                        </td>
                                        <td class="num target-now" data-label=move || i18n.t("commune_col_current")>
                                            {move || {
                                                let r = row();
                                                let locale = i18n.locale();
                                                let unknown = if r.count.n_unknown > 0 {
                                                    format!(
                                                        "; {}",
                                                        i18n.tf("commune_unknown_note", &[("n", &fmt_count(r.count.n_unknown, locale))]),
                                                    )
                                                } else {
                                                    String::new()
                                                };
                                                format!(
                                                    "{} ({}/{}{})",
                                                    fmt_percent(r.share_meeting(), locale),
                                                    fmt_count(r.count.n_meeting, locale),
                                                    fmt_count(r.n_poor, locale),
                                                    unknown,
                                                )
                                            }}
                                        </td>
                                        <td class="target-status" data-label=move || i18n.t("commune_col_status")>
                                            {move || {
                                                let r = row();
                                                let status = r.status;
                                                let short = (status == TargetStatus::NotMet)
                                                    .then(|| r.n_short())
                                                    .flatten()
                                                    .map(|n| {
                                                        format!(
                                                            " — {} {}",
                                                            i18n.t("commune_col_short"),
                                                            i18n.tf("commune_short_households", &[("n", &fmt_count(n, i18n.locale()))]),
                                                        )
                                                    })
                                                    .unwrap_or_default();
                                                view! {
                                                    <span class=format!("status status-{}", status.key()) data-status=status.key()>
                                                        {i18n.t(&format!("commune_status_{}", status.key()))}
                                                    </span>
                                                    {short}
                                                }
                                            }}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="button-row no-print">
                <button
                    type="button"
                    class="button secondary"
                    data-testid="commune-targets-reset"
                    on:click=move |_| {
                        invalid.set(BTreeSet::new());
                        not_saved.set(!state.save_targets(Default::default()));
                    }
                >
                    {move || i18n.t("commune_targets_reset")}
                </button>
            </div>
            {move || not_saved.get().then(|| view! { <p class="commune-alert" role="alert">{i18n.t("commune_targets_not_saved")}</p> })}
        </section>
    }
}

/// The lines that could not be read: line, household id, where, and why.
#[component]
fn ErrorList(report: Report, n_listed: usize) -> impl IntoView {
    let i18n = use_i18n();
    let n_all = report.summary.n_rejected;
    let errors = report.errors;
    view! {
        <section class="card" aria-labelledby="commune-errors-title">
            <h2 id="commune-errors-title">
                {move || i18n.tf("commune_errors_title", &[("n", &fmt_count(n_all, i18n.locale()))])}
            </h2>
            <div class="table-scroll">
                <table class="errors" data-testid="commune-errors-table">
                    <caption>{move || i18n.t("commune_errors_caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">{move || i18n.t("commune_col_line")}</th>
                            <th scope="col">{move || i18n.t("commune_col_id")}</th>
                            <th scope="col">{move || i18n.t("commune_col_reason")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            errors
                                .iter()
                                .map(|error| {
                                    let reasons = error
                                        .problems
                                        .iter()
                                        .map(|p| {
                                            let place = messages::place(p);
                                            let what = messages::problem(p);
                                            format!(
                                                "{}: {}",
                                                i18n.tf(place.key, &place.arg_refs()),
                                                i18n.tf(what.key, &what.arg_refs()),
                                            )
                                        })
                                        .collect::<Vec<_>>();
                                    view! {
                                        <tr data-testid="commune-error-row" data-line=error.line.map(|l| l.to_string()).unwrap_or_default()>
                                            <td class="num error-line" data-label=i18n.t("commune_col_line")>{error.line.map(|l| l.to_string()).unwrap_or_default()}</td>
                                            <td class="error-id" data-label=i18n.t("commune_col_id")>{error.id.clone().unwrap_or_default()}</td>
                                            <td class="error-reason">
                                                <ul class="reasons">
                                                    {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                                                </ul>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            {move || {
                (n_all > n_listed as u64)
                    .then(|| {
                        view! {
                            <p class="hint">
                                {i18n.tf(
                                    "commune_errors_more",
                                    &[
                                        ("shown", &fmt_count(n_listed as u64, i18n.locale())),
                                        ("n", &fmt_count(n_all, i18n.locale())),
                                    ],
                                )}
                            </p>
                        }
                    })
            }}
        </section>
    }
}
