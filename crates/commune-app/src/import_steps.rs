//! The steps between choosing a sheet and classifying it, when the officer has a say: matching
//! the columns the import could not match by name (one list of the sheet's own columns per
//! missing column; the choice is remembered on the device), resolving household ids that occur
//! on more than one row (replace, keep both, skip: nothing is dropped or doubled until chosen),
//! and the import's notes, each naming its row and column.

use super::use_commune;
use leptos::prelude::*;
use mucsong_commune::import::duplicates::{Duplicate, Resolution};
use mucsong_commune::import::{MappingRequest, Requirement, Target};
use mucsong_commune::messages::{note_text, requirement_text};
use mucsong_formats::summary_csv::SummaryColumn;
use mucsong_widgets::i18n::use_i18n;

/// Picks a column of the sheet for each required column its header lacks.
#[component]
pub fn ColumnMapping(
    /// What the header has and lacks.
    request: MappingRequest,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_commune();
    // One pick per column to match; "score A or income" is two, of which one is enough.
    let picks: Vec<(Requirement, SummaryColumn, RwSignal<Option<usize>>)> = request
        .missing
        .iter()
        .flat_map(|r| r.columns().into_iter().map(move |c| (*r, c)))
        .map(|(r, c)| (r, c, RwSignal::new(None)))
        .collect();
    let picks = StoredValue::new(picks);
    let headers = StoredValue::new(request.headers.clone());
    let is_complete = move || {
        picks.with_value(|picks| {
            request_met(picks, Requirement::ScoreOrIncome)
                && picks
                    .iter()
                    .filter(|(r, _, _)| matches!(r, Requirement::Column(_)))
                    .all(|(_, _, pick)| pick.get().is_some())
        })
    };
    let apply = move |_: leptos::ev::MouseEvent| {
        let chosen: Vec<(String, Target)> = picks.with_value(|picks| {
            picks
                .iter()
                .filter_map(|(_, column, pick)| {
                    let index = pick.get_untracked()?;
                    let text = headers.with_value(|h| h.get(index).map(|h| h.text.clone()))?;
                    Some((text, Target::Column(*column)))
                })
                .collect()
        });
        state.choose_columns(chosen);
    };
    let sheet = request.sheet.clone();
    let line = request.header_line;
    view! {
        <section class="card import-step" aria-labelledby="mapping-title" data-testid="column-mapping">
            <h2 id="mapping-title">{move || i18n.t("commune_mapping_title")}</h2>
            <p>{move || i18n.tf("commune_mapping_intro", &[("line", &line.to_string())])}</p>
            {sheet.map(|s| view! { <p class="hint">{move || i18n.tf("commune_mapping_sheet", &[("sheet", &s)])}</p> })}
            <div class="mapping-fields">
                {move || {
                    let locale = i18n.locale();
                    picks
                        .get_value()
                        .into_iter()
                        .map(|(requirement, column, pick)| {
                            let id = format!("mapping-{}", column.english());
                            let label = requirement_text(Requirement::Column(column), locale);
                            let is_either = requirement == Requirement::ScoreOrIncome;
                            let options = headers
                                .get_value()
                                .into_iter()
                                .enumerate()
                                .filter(|(_, h)| !h.text.is_empty())
                                .map(|(i, h)| {
                                    let text = match h.target {
                                        Some(Target::Column(c)) => i18n.tf(
                                            "commune_mapping_read_as",
                                            &[("label", &h.label), ("key", c.english())],
                                        ),
                                        _ => h.label.clone(),
                                    };
                                    view! {
                                        <option value=i.to_string() selected=move || pick.get() == Some(i)>
                                            {text}
                                        </option>
                                    }
                                })
                                .collect_view();
                            view! {
                                <div class="field">
                                    <label for=id.clone()>{label}</label>
                                    <select
                                        id=id.clone()
                                        data-testid=id
                                        on:change=move |ev| pick.set(event_target_value(&ev).parse().ok())
                                    >
                                        <option value="">{i18n.t("commune_mapping_choose")}</option>
                                        {options}
                                    </select>
                                    {is_either.then(|| view! { <p class="hint">{i18n.t("commune_mapping_one_of")}</p> })}
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <p class="hint">{move || i18n.t("commune_mapping_remembered")}</p>
            <div class="button-row">
                <button
                    type="button"
                    class="button primary"
                    data-testid="mapping-apply"
                    on:click=apply
                    prop:disabled=move || !is_complete()
                >
                    {move || i18n.t("commune_mapping_apply")}
                </button>
                <button type="button" class="button secondary" on:click=move |_| state.cancel()>
                    {move || i18n.t("commune_cancel")}
                </button>
            </div>
        </section>
    }
}

/// Whether a requirement is met by the picks (or is not among them).
fn request_met(
    picks: &[(Requirement, SummaryColumn, RwSignal<Option<usize>>)],
    requirement: Requirement,
) -> bool {
    let mut of_it = picks
        .iter()
        .filter(|(r, _, _)| *r == requirement)
        .peekable();
    of_it.peek().is_none() || of_it.any(|(_, _, pick)| pick.get().is_some())
}

/// The households whose id is on more than one row: one choice each, or one for all.
#[component]
pub fn DuplicatePrompt(
    /// The repeated ids and their rows.
    duplicates: Vec<Duplicate>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_commune();
    let choices: Vec<RwSignal<Option<Resolution>>> =
        duplicates.iter().map(|_| RwSignal::new(None)).collect();
    let choices = StoredValue::new(choices);
    let n_pending = move || choices.with_value(|c| c.iter().filter(|c| c.get().is_none()).count());
    let has_pending = move || n_pending() > 0;
    let set_all = move |resolution: Resolution| {
        choices.with_value(|c| c.iter().for_each(|c| c.set(Some(resolution))));
    };
    let go_on = move |_: leptos::ev::MouseEvent| {
        let chosen: Option<Vec<Resolution>> =
            choices.with_value(|c| c.iter().map(|c| c.get_untracked()).collect());
        if let Some(chosen) = chosen {
            state.resolve(chosen);
        }
    };
    let n = duplicates.len();
    let rows = duplicates
        .into_iter()
        .enumerate()
        .map(|(i, duplicate)| {
            let choice = choices.with_value(|c| c[i]);
            let lines = duplicate
                .lines
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let select_id = format!("duplicate-choice-{i}");
            let id = duplicate.id.clone();
            view! {
                <tr data-testid="duplicate-row" data-id=duplicate.id.clone()>
                    <th scope="row">{duplicate.id.clone()}</th>
                    <td>{move || i18n.tf("commune_duplicates_lines", &[("lines", &lines)])}</td>
                    <td>
                        <select
                            data-testid=select_id
                            aria-label=move || i18n.tf("commune_duplicates_choice_label", &[("id", &id)])
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                choice.set(Resolution::ALL.into_iter().find(|r| r.key() == value));
                            }
                        >
                            <option value="" selected=move || choice.get().is_none()>
                                {move || i18n.t("commune_duplicates_choose")}
                            </option>
                            {Resolution::ALL
                                .into_iter()
                                .map(|r| view! {
                                    <option value=r.key() selected=move || choice.get() == Some(r)>
                                        {move || i18n.t(resolution_key(r))}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card import-step" aria-labelledby="duplicates-title" data-testid="duplicates-prompt">
            <h2 id="duplicates-title">{move || i18n.t("commune_duplicates_title")}</h2>
            <p>{move || i18n.tf("commune_duplicates_intro", &[("n", &n.to_string())])}</p>
            <div class="button-row">
                <span>{move || i18n.t("commune_duplicates_all")}</span>
                {Resolution::ALL
                    .into_iter()
                    .map(|r| view! {
                        <button
                            type="button"
                            class="button secondary"
                            data-testid=format!("duplicates-all-{}", r.key())
                            on:click=move |_| set_all(r)
                        >
                            {move || i18n.t(resolution_key(r))}
                        </button>
                    })
                    .collect_view()}
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="duplicates-title">
                <table class="duplicates">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("commune_duplicates_id")}</th>
                            <th scope="col">{move || i18n.t("commune_duplicates_rows")}</th>
                            <th scope="col">{move || i18n.t("commune_duplicates_resolution")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {move || (n_pending() > 0).then(|| view! {
                <p class="hint" data-testid="duplicates-pending">
                    {i18n.tf("commune_duplicates_pending", &[("n", &n_pending().to_string())])}
                </p>
            })}
            <div class="button-row">
                <button
                    type="button"
                    class="button primary"
                    data-testid="duplicates-continue"
                    on:click=go_on
                    prop:disabled=has_pending
                >
                    {move || i18n.t("commune_duplicates_continue")}
                </button>
                <button type="button" class="button secondary" on:click=move |_| state.cancel()>
                    {move || i18n.t("commune_cancel")}
                </button>
            </div>
        </section>
    }
}

/// The translation key of a resolution.
fn resolution_key(resolution: Resolution) -> &'static str {
    match resolution {
        Resolution::Replace => "commune_resolution_replace",
        Resolution::KeepBoth => "commune_resolution_keep_both",
        Resolution::Skip => "commune_resolution_skip",
    }
}

/// What the import said about the sheet, each with its row and column.
#[component]
pub fn ImportNotes() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_commune();
    move || {
        let (notes, n_more) = state.notes.get();
        (!notes.is_empty()).then(|| {
            let locale = i18n.locale();
            let n = notes.len() as u64 + n_more;
            let items = notes
                .iter()
                .map(|note| view! { <li data-testid="import-note">{note_text(note, locale)}</li> })
                .collect_view();
            view! {
                <details class="card import-notes no-print" data-testid="import-notes" open>
                    <summary>{i18n.tf("commune_import_notes_title", &[("n", &n.to_string())])}</summary>
                    <ul>{items}</ul>
                    {(n_more > 0).then(|| view! {
                        <p class="hint">{i18n.tf("commune_import_notes_more", &[("n", &n_more.to_string())])}</p>
                    })}
                </details>
            }
        })
    }
}
