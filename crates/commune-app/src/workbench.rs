//! The review workbench: after a file is classified, the officer adds (optionally) the details
//! sheet (village and head of each household) and last year's list, and opens each official form
//! of Thông tư 07/2021 — Mẫu 6.1, 6.2, 7.1–7.7, 7.11 — laid out as the circular lays it out
//! (`mucsong_commune::layout`), with the heading typed once (kept on the device), a print button
//! that prints only that form (A4, landscape for the wide ones) and `.xlsx` downloads of the form
//! or of every form (`mucsong_commune::xlsx`). The list is built and assessed here from the kept
//! file, once per change of the sheets.

use super::{browser, use_commune, Report};
use leptos::prelude::*;
use leptos::task::spawn_local;
use mucsong_commune::forms::Forms;
use mucsong_commune::layout::{
    percent_text, read_answers, sheets, AnswersError, Cell, Heading, RowKind, Sheet,
};
use mucsong_commune::list::{
    AssessedList, CommuneList, HouseholdDetails, PreviousList, SheetError,
};
use mucsong_commune::messages;
use mucsong_commune::xlsx::workbook;
use mucsong_engine::AssessOptions;
use mucsong_i18n::Locale;
use mucsong_widgets::download::download;
use mucsong_widgets::i18n::use_i18n;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A sheet the officer attached: its file name and what reading it gave.
#[derive(Clone)]
struct Attached<T> {
    name: String,
    read: Result<T, SheetError>,
}

/// What a sheet error's "expected" says, in Vietnamese (the model words it in English for the
/// command line and the tests).
fn expected_vi(expected: &str) -> String {
    match expected {
        "a household id" => "mã hộ".to_string(),
        "a whole number of points ≥ 0" => "số điểm nguyên ≥ 0".to_string(),
        "male or female" => "male hoặc female".to_string(),
        "poor, near_poor or not_poor" => "poor, near_poor hoặc not_poor".to_string(),
        "rural or urban" => "rural hoặc urban".to_string(),
        "a whole number ≥ 1" => "số nguyên ≥ 1".to_string(),
        other => match other.strip_prefix("a row of ") {
            Some(columns) => format!("một dòng theo tiêu đề {columns}"),
            None => other.to_string(),
        },
    }
}

fn sheet_error_text(e: &SheetError, locale: Locale, i18n: mucsong_widgets::i18n::I18n) -> String {
    let expected = match locale {
        Locale::Vi => expected_vi(e.expected),
        Locale::En => e.expected.to_string(),
    };
    i18n.tf(
        "commune_forms_sheet_error",
        &[
            ("line", &e.line.to_string()),
            ("column", e.column),
            ("expected", &expected),
            ("found", &e.found),
        ],
    )
}

/// The text of a CSV file: UTF-8, its byte-order mark dropped.
fn csv_text(bytes: &[u8]) -> Result<String, SheetError> {
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| SheetError {
        line: 1,
        column: "-",
        expected: "UTF-8 text",
        found: String::new(),
    })?;
    Ok(text.trim_start_matches('\u{feff}').to_string())
}

/// Where making the forms is.
#[derive(Debug, Clone, PartialEq)]
enum BuildPhase {
    NotBuilt,
    /// Assessing the list: percent done.
    Building(u32),
    Built,
    Failed(String),
}

/// The file name without its extension.
fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// The workbench of one finished run.
#[component]
pub fn Workbench(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_commune();
    let details = RwSignal::new(None::<Attached<Vec<HouseholdDetails>>>);
    let previous = RwSignal::new(None::<Attached<PreviousList>>);
    let heading = RwSignal::new(
        browser::load_heading()
            .map(|t| Heading::from_json(&t))
            .unwrap_or_default(),
    );
    // The assessed list, built when the officer asks (and again when a sheet is attached
    // afterwards); `version` tells the views, `generation` stops a build a newer one replaced.
    let list = StoredValue::new(None::<AssessedList>);
    let version = RwSignal::new(0u32);
    let phase = RwSignal::new(BuildPhase::NotBuilt);
    let generation = StoredValue::new(0u64);
    let selected = RwSignal::new(0usize);
    let failed = RwSignal::new(None::<String>);
    let saved_failed = RwSignal::new(false);
    let format = report.format;

    // Reads the kept file again, joins the sheets, and assesses the list in time slices (the page
    // stays responsive on a large file, and a progress line moves).
    let build = move || {
        let Some(loaded) = state.loaded.get_value() else {
            return;
        };
        generation.update_value(|g| *g += 1);
        let current = generation.get_value();
        let d = details
            .get_untracked()
            .and_then(|a| a.read.ok())
            .unwrap_or_default();
        let p = previous.get_untracked().and_then(|a| a.read.ok());
        phase.set(BuildPhase::Building(0));
        spawn_local(async move {
            // Let the progress line show before the file is read.
            browser::yield_now().await;
            let answers = match read_answers(format, &loaded.bytes) {
                Ok((answers, _)) => answers,
                Err(e) => {
                    let text = match e {
                        AnswersError::File(e) => {
                            let m = messages::file_error(&e);
                            i18n.tf(m.key, &m.arg_refs())
                        }
                        AnswersError::Io(detail) => {
                            i18n.tf("commune_file_read_failed", &[("detail", &detail)])
                        }
                    };
                    phase.set(BuildPhase::Failed(text));
                    return;
                }
            };
            let options = AssessOptions {
                as_of: loaded
                    .options
                    .override_record_dates
                    .then_some(loaded.options.as_of),
            };
            let commune = CommuneList::from_parts(answers, &d, p);
            let mut assessing = commune.assessing(&options, loaded.options.as_of);
            loop {
                let slice_start = browser::now_ms();
                let mut is_done = false;
                while !is_done && browser::now_ms() - slice_start < super::SLICE_MS {
                    is_done = assessing.step(16);
                }
                if generation.get_value() != current {
                    return;
                }
                if is_done {
                    break;
                }
                let (done, total) = assessing.progress();
                phase.set(BuildPhase::Building((done * 100 / total.max(1)) as u32));
                browser::yield_now().await;
                if generation.get_value() != current {
                    return;
                }
            }
            list.set_value(Some(assessing.finish()));
            version.update(|v| *v += 1);
            phase.set(BuildPhase::Built);
        });
    };

    let all_sheets = Memo::new(move |_| {
        version.track();
        let h = heading.get();
        list.with_value(|l| match l {
            Some(list) => sheets(&Forms::new(list), &h),
            None => Vec::new(),
        })
    });

    let attach = move |ev: leptos::ev::Event, is_details: bool| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            let bytes = match browser::read_file(&file).await {
                Ok(b) => b,
                Err(detail) => {
                    failed.set(Some(
                        i18n.tf("commune_file_read_failed", &[("detail", &detail)]),
                    ));
                    return;
                }
            };
            let text = csv_text(&bytes);
            if is_details {
                let read = text.and_then(|t| HouseholdDetails::from_csv(&t));
                details.set(Some(Attached { name, read }));
            } else {
                let read = text.and_then(|t| PreviousList::from_csv(&t));
                previous.set(Some(Attached { name, read }));
            }
            selected.set(0);
            // Forms already made are made again with the sheet.
            if phase.get_untracked() != BuildPhase::NotBuilt {
                build();
            }
        });
    };

    let save_heading = move |h: Heading| {
        saved_failed.set(!browser::save_heading(&h.to_json()));
        heading.set(h);
    };

    let file_stem = StoredValue::new(stem(&report.file_name).to_string());
    let download_one = move |_| {
        let sheets = all_sheets.get_untracked();
        let Some(sheet) = sheets.get(selected.get_untracked()) else {
            return;
        };
        let h = heading.get_untracked();
        let name = format!(
            "{}-mau-{}.xlsx",
            file_stem.get_value(),
            sheet.key.replace('_', "-")
        );
        failed.set(
            match workbook(std::slice::from_ref(sheet), &h) {
                Ok(bytes) => download(&name, XLSX_MIME, &bytes).err(),
                Err(e) => Some(e.to_string()),
            }
            .map(|detail| i18n.tf("commune_export_failed", &[("detail", &detail)])),
        );
    };
    let download_all = move |_| {
        let sheets = all_sheets.get_untracked();
        let h = heading.get_untracked();
        let name = format!("{}-bieu-mau.xlsx", file_stem.get_value());
        failed.set(
            match workbook(&sheets, &h) {
                Ok(bytes) => download(&name, XLSX_MIME, &bytes).err(),
                Err(e) => Some(e.to_string()),
            }
            .map(|detail| i18n.tf("commune_export_failed", &[("detail", &detail)])),
        );
    };
    let print_one = move |_| {
        let landscape = all_sheets.with_untracked(|s| {
            s.get(selected.get_untracked())
                .is_some_and(|s| s.is_landscape)
        });
        browser::print_form(landscape);
    };

    let attached_status = move |is_details: bool| {
        let locale = i18n.locale();
        let line = if is_details {
            details.get().map(|a| {
                (
                    a.name,
                    a.read.map(|d| {
                        i18n.tf("commune_forms_details_read", &[("n", &d.len().to_string())])
                    }),
                )
            })
        } else {
            previous.get().map(|a| {
                (
                    a.name,
                    a.read.map(|p| {
                        i18n.tf(
                            "commune_forms_previous_read",
                            &[("n", &p.entries.len().to_string())],
                        )
                    }),
                )
            })
        };
        line.map(|(name, read)| match read {
            Ok(text) => {
                view! { <p class="hint" role="status">{format!("{name}: {text}")}</p> }.into_any()
            }
            Err(e) => view! {
                <p class="commune-alert" role="alert" data-testid="forms-sheet-error">
                    {format!("{name}: {}", sheet_error_text(&e, locale, i18n))}
                </p>
            }
            .into_any(),
        })
    };

    // The two optional sheets: the household details, and last year's list.
    let attach_input = move |is_details: bool| {
        let (label, hint, id) = if is_details {
            (
                "commune_forms_details_label",
                "commune_forms_details_hint",
                "forms-details-input",
            )
        } else {
            (
                "commune_forms_previous_label",
                "commune_forms_previous_hint",
                "forms-previous-input",
            )
        };
        view! {
            <label class="attach">
                <span class="attach-label">{move || i18n.t(label)}</span>
                <input
                    type="file"
                    accept=".csv,text/csv"
                    data-testid=id
                    on:change=move |ev| attach(ev, is_details)
                />
                <span class="hint">{move || i18n.t(hint)}</span>
            </label>
        }
    };

    view! {
        <section class="card workbench" aria-labelledby="forms-title" data-testid="forms-workbench">
            <h2 id="forms-title" class="no-print">{move || i18n.t("commune_forms_title")}</h2>
            <p class="hint no-print">{move || i18n.t("commune_forms_intro")}</p>
            <div class="forms-attach no-print">
                {attach_input(true)}
                {move || attached_status(true)}
                {attach_input(false)}
                {move || attached_status(false)}
            </div>
            <HeadingFields heading all_sheets on_save=save_heading saved_failed />
            {move || match phase.get() {
                BuildPhase::NotBuilt => view! {
                    <div class="button-row no-print">
                        <button type="button" class="button primary" data-testid="forms-build" on:click=move |_| build()>
                            {i18n.t("commune_forms_build")}
                        </button>
                    </div>
                }
                .into_any(),
                BuildPhase::Building(percent) => view! {
                    <p class="commune-status no-print" role="status" data-testid="forms-building">
                        {i18n.tf("commune_forms_building", &[("percent", &percent.to_string())])}
                    </p>
                }
                .into_any(),
                BuildPhase::Failed(text) => view! {
                    <p class="commune-alert" role="alert" data-testid="forms-build-failed">{text}</p>
                }
                .into_any(),
                BuildPhase::Built => ().into_any(),
            }}
            <Show when=move || phase.get() == BuildPhase::Built>
            <nav class="form-picker no-print" aria-label=move || i18n.t("commune_forms_picker_label")>
                {move || {
                    all_sheets
                        .get()
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let label = match s.village() {
                                Some(v) => format!("{} · {}", s.number.replace("Mẫu số", "Mẫu"), heading.with(|h| h.village_name(v).to_string())),
                                None => s.number.replace("Mẫu số", "Mẫu"),
                            };
                            view! {
                                <button
                                    type="button"
                                    class="button secondary form-pick"
                                    data-testid=format!("form-pick-{}", s.key)
                                    aria-pressed=move || (selected.get() == i).to_string()
                                    on:click=move |_| selected.set(i)
                                >
                                    {label}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </nav>
            {move || {
                (!all_sheets.with(|s| s.iter().any(|s| s.key == "6_2"))).then(|| {
                    view! { <p class="hint no-print">{i18n.t("commune_forms_need_previous")}</p> }
                })
            }}
            <div class="button-row no-print">
                <button type="button" class="button primary" data-testid="form-print" on:click=print_one>
                    {move || i18n.t("commune_forms_print")}
                </button>
                <button type="button" class="button secondary" data-testid="form-xlsx" on:click=download_one>
                    {move || i18n.t("commune_forms_xlsx_one")}
                </button>
                <button type="button" class="button secondary" data-testid="forms-xlsx-all" on:click=download_all>
                    {move || i18n.t("commune_forms_xlsx_all")}
                </button>
            </div>
            {move || failed.get().map(|f| view! { <p class="commune-alert" role="alert" data-testid="forms-failed">{f}</p> })}
            {move || {
                let h = heading.get();
                all_sheets.with(|s| s.get(selected.get()).map(|sheet| form_view(sheet, &h)))
            }}
            </Show>
        </section>
    }
}

/// The heading fields (province, district, commune, year, the villages' names), saved on change.
#[component]
fn HeadingFields(
    heading: RwSignal<Heading>,
    all_sheets: Memo<Vec<Sheet>>,
    on_save: impl Fn(Heading) + Copy + Send + Sync + 'static,
    saved_failed: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    type Field = fn(&mut Heading) -> &mut String;
    let fields: [(&'static str, &'static str, Field); 4] = [
        ("commune_forms_province", "heading-province", |h| {
            &mut h.province
        }),
        ("commune_forms_district", "heading-district", |h| {
            &mut h.district
        }),
        ("commune_forms_commune", "heading-commune", |h| {
            &mut h.commune
        }),
        ("commune_forms_year", "heading-year", |h| &mut h.year),
    ];
    let villages = move || {
        let mut seen: Vec<String> = Vec::new();
        all_sheets.with(|sheets| {
            for s in sheets {
                if let Some(v) = s.village() {
                    if !seen.iter().any(|k| k == v) {
                        seen.push(v.to_string());
                    }
                }
            }
        });
        seen
    };
    view! {
        <fieldset class="heading-fields no-print">
            <legend>{move || i18n.t("commune_forms_heading")}</legend>
            {fields
                .into_iter()
                .map(|(key, id, field)| {
                    view! {
                        <label class="heading-field">
                            <span>{move || i18n.t(key)}</span>
                            <input
                                type="text"
                                data-testid=id
                                prop:value=move || heading.with(|h| field(&mut h.clone()).clone())
                                on:change=move |ev| {
                                    let mut h = heading.get_untracked();
                                    *field(&mut h) = event_target_value(&ev);
                                    on_save(h);
                                }
                            />
                        </label>
                    }
                })
                .collect_view()}
            {move || {
                villages()
                    .into_iter()
                    .map(|v| {
                        let label = if v.is_empty() {
                            i18n.t("commune_forms_village_unnamed").to_string()
                        } else {
                            i18n.tf("commune_forms_village", &[("name", &v)])
                        };
                        let key = v.clone();
                        let shown = v.clone();
                        view! {
                            <label class="heading-field">
                                <span>{label}</span>
                                <input
                                    type="text"
                                    data-testid="heading-village"
                                    prop:value=move || heading.with(|h| h.villages.get(&shown).cloned().unwrap_or_else(|| shown.clone()))
                                    on:change=move |ev| {
                                        let mut h = heading.get_untracked();
                                        h.villages.insert(key.clone(), event_target_value(&ev));
                                        on_save(h);
                                    }
                                />
                            </label>
                        }
                    })
                    .collect_view()
            }}
            <p class="hint">{move || i18n.t("commune_forms_heading_hint")}</p>
            {move || saved_failed.get().then(|| view! { <p class="commune-alert" role="alert">{i18n.t("commune_forms_heading_not_saved")}</p> })}
        </fieldset>
    }
}

/// A body cell's text.
fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Count(n) => mucsong_i18n::format_count(*n, Locale::Vi),
        Cell::Percent(r) => percent_text(*r).unwrap_or_else(|| "—".to_string()),
        Cell::Unknown => "—".to_string(),
        Cell::Blank => String::new(),
    }
}

/// One form, as the circular lays it out (always in Vietnamese: it is the official form).
fn form_view(sheet: &Sheet, heading: &Heading) -> impl IntoView {
    let lines = sheet.heading_lines(heading);
    let is_village = sheet.village().is_some();
    let head = sheet
        .head
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .map(|c| {
                    view! {
                        <th scope="col" colspan=c.col_span.to_string() rowspan=c.row_span.to_string()>
                            {c.text}
                        </th>
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let numbers = (!sheet.column_numbers.is_empty()).then(|| {
        let cells = sheet
            .column_numbers
            .iter()
            .map(|n| view! { <th scope="col" class="col-number">{*n}</th> })
            .collect_view();
        view! { <tr class="column-numbers">{cells}</tr> }
    });
    let body = sheet
        .rows
        .iter()
        .map(|row| {
            let kind = match row.kind {
                RowKind::Part => "part",
                RowKind::Item => "item",
            };
            let cells = row
                .cells
                .iter()
                .map(|c| {
                    let class = match c {
                        Cell::Count(_) | Cell::Percent(_) | Cell::Unknown => "num",
                        _ => "",
                    };
                    view! { <td class=class>{cell_text(c)}</td> }
                })
                .collect_view();
            view! { <tr data-kind=kind>{cells}</tr> }
        })
        .collect_view();
    let notes = sheet
        .notes
        .iter()
        .map(|n| view! { <p>{n.clone()}</p> })
        .collect_view();
    let signatures = sheet
        .signatures
        .iter()
        .map(|s| {
            view! {
                <div class="signature">
                    <strong>{s.title}</strong>
                    <em>{s.hint}</em>
                </div>
            }
        })
        .collect_view();
    let left = lines
        .left
        .into_iter()
        .map(|l| view! { <p>{l}</p> })
        .collect_view();
    let right = lines
        .right
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let class = if is_village && i < 2 { "motto" } else { "" };
            view! { <p class=class>{l}</p> }
        })
        .collect_view();
    view! {
        <article
            class="form-sheet"
            class:is-landscape=sheet.is_landscape
            lang="vi"
            data-testid="form-sheet"
            data-form=sheet.key
            aria-label=sheet.number
        >
            <div class="form-heading">
                <div class="form-heading-left">{left}</div>
                <div class="form-heading-right">{right}</div>
            </div>
            <p class="form-number">{format!("{} - {}", sheet.number, sheet.appendix)}</p>
            <h3 class="form-title">{sheet.title}</h3>
            <div class="form-table-wrap" tabindex="0" role="region" aria-label=sheet.title>
                <table class="form-table">
                    <thead>{head}{numbers}</thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <div class="form-notes">{notes}</div>
            <div class="form-signatures">{signatures}</div>
        </article>
    }
}
