//! The list of saved households and everything one can do with them.

use crate::fields::{on_click, on_event};
use crate::result::markup::{Markup, Static};
use crate::session::{households, now_iso, today, use_session};
use crate::{use_navigation, Section};
use leptos::prelude::*;
use mucsong_engine::household::HouseholdRecord;
use mucsong_questionnaire::draft::Draft;
use mucsong_questionnaire::store::{Entry, Listing};
use mucsong_questionnaire::transfer::{self, ImportProblem};
use mucsong_widgets::download::{download, file_stem, Offer};
use mucsong_widgets::i18n::{use_i18n, I18n};
use wasm_bindgen::JsCast;

/// The outcome of the last import, shown under the import button.
#[derive(Debug, Clone, PartialEq)]
enum ImportMessage {
    Imported(usize),
    Refused(Vec<String>),
}

fn problem_text(i18n: &I18n, p: &ImportProblem) -> String {
    let mut args: Vec<(&str, &str)> = p.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let field_label = if p.field.is_empty() {
        String::new()
    } else {
        format!(
            "{} ({})",
            i18n.t(&mucsong_questionnaire::fields::question_key(&p.field)),
            p.field
        )
    };
    args.push(("field", &field_label));
    let message = crate::fields::tf_with_assessment_dates(i18n, p.key, &args);
    if p.line > 0 {
        i18n.tf(
            "import_line",
            &[("line", &p.line.to_string()), ("message", &message)],
        )
    } else {
        message
    }
}

/// An import waiting for the person's choice: some of its households are already saved here.
#[derive(Debug, Clone, PartialEq)]
struct Pending {
    records: Vec<HouseholdRecord>,
    /// (index in `records`, the saved household's storage id) for each one already here.
    duplicates: Vec<(usize, String)>,
}

/// Saves imported households: those in `replace` over the saved household they repeat (keeping
/// its name), the others as new ones. All or nothing: if the device fills up half way, what was
/// added is removed again (replacements are written last, so none has happened then).
fn write_imported(
    i18n: I18n,
    records: Vec<HouseholdRecord>,
    replace: Vec<(usize, String)>,
    import_message: RwSignal<Option<ImportMessage>>,
    session: crate::session::Session,
) {
    let store = households();
    let mut written = Vec::new();
    let mut failure = None;
    let draft_of = |n: usize, record: &HouseholdRecord| Draft {
        name: record
            .id
            .clone()
            .unwrap_or_else(|| i18n.tf("imported_n", &[("n", &(n + 1).to_string())])),
        step: "check".to_string(),
        record: record.clone(),
        ..Default::default()
    };
    for (n, record) in records.iter().enumerate() {
        if replace.iter().any(|(r, _)| *r == n) {
            continue;
        }
        let saved = store.new_id(js_sys::Date::now() as u64).and_then(|id| {
            store
                .save(&id, &draft_of(n, record), &now_iso())
                .map(|()| id)
        });
        match saved {
            Ok(id) => written.push(id),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    if failure.is_none() {
        for (n, store_id) in &replace {
            let mut draft = draft_of(*n, &records[*n]);
            if let Ok(Some(Ok(old))) = store.load(store_id) {
                draft.name = old.draft.name;
            }
            if let Err(e) = store.save(store_id, &draft, &now_iso()) {
                failure = Some(e);
                break;
            }
            written.push(store_id.clone());
        }
    }
    match failure {
        None => {
            import_message.set(Some(ImportMessage::Imported(written.len())));
            session.report(Ok(()));
        }
        Some(e) => {
            for id in &written {
                if !replace.iter().any(|(_, r)| r == id) {
                    let _ = store.delete(id);
                }
            }
            import_message.set(Some(ImportMessage::Refused(vec![i18n
                .t("err_import_full")
                .to_string()])));
            session.report(Err(e));
        }
    }
}

/// How the section offers files, and why the last export failed (until the next one works).
/// An export is the only backup of what this device keeps, so a failure is always shown.
#[derive(Clone, Copy)]
struct Exporter {
    offer: Offer,
    failure: RwSignal<Option<String>>,
}

impl Exporter {
    /// Offers `text` as the file `file_name`, and shows whether that failed.
    fn export(&self, file_name: &str, mime: &str, text: &str) {
        self.failure
            .set((self.offer)(file_name, mime, text.as_bytes()).err());
    }
}

/// The saved-households section.
#[component]
pub fn SavedSection(
    /// What offers exported files: the browser's download unless a test gives a stand-in.
    #[prop(optional)]
    offer: Option<Offer>,
) -> impl IntoView {
    let i18n = use_i18n();
    let exporter = Exporter {
        offer: offer.unwrap_or(download),
        failure: RwSignal::new(None),
    };
    provide_context(exporter);
    let session = use_session();
    let navigation = use_navigation();
    // Re-read whenever the session's revision moves (every save, rename, import, delete). Each
    // re-read counts as a change: comparing two listings field by field would cost more code
    // (every household record's equality) than the rare re-render it saves.
    let listing = Memo::new_with_compare(
        move |_| {
            session.revision();
            households().list().unwrap_or_default()
        },
        |_, _| true,
    );
    let import_message = RwSignal::new(None::<ImportMessage>);
    let pending = RwSignal::new(None::<Pending>);
    let confirm_all = RwSignal::new(false);

    let export_all = on_click(move || {
        let drafts: Vec<Draft> = listing
            .get_untracked()
            .households
            .into_iter()
            .map(|e| e.saved.draft)
            .collect();
        exporter.export(
            "mucsong-households.jsonl",
            "application/x-ndjson",
            &transfer::export_json_lines(&drafts),
        );
    });
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let Some(text) = text else {
                import_message.set(Some(ImportMessage::Refused(vec![i18n
                    .t("err_import_read")
                    .to_string()])));
                return;
            };
            match transfer::import(&text, today()) {
                Err(problems) => {
                    let lines = problems
                        .iter()
                        .take(20)
                        .map(|p| problem_text(&i18n, p))
                        .collect();
                    import_message.set(Some(ImportMessage::Refused(lines)));
                }
                Ok(records) => {
                    // A household already here (same id as an export of it would carry) is
                    // not doubled silently: the person chooses to replace it or keep both.
                    let existing: Vec<(String, String)> = listing
                        .get_untracked()
                        .households
                        .iter()
                        .filter_map(|e| {
                            let id = transfer::export_record(&e.saved.draft).id?;
                            Some((id, e.id.clone()))
                        })
                        .collect();
                    let duplicates: Vec<(usize, String)> = records
                        .iter()
                        .enumerate()
                        .filter_map(|(n, r)| {
                            let id = r.id.as_deref()?;
                            existing
                                .iter()
                                .find(|(e, _)| e == id)
                                .map(|(_, store_id)| (n, store_id.clone()))
                        })
                        .collect();
                    if duplicates.is_empty() {
                        write_imported(i18n, records, Vec::new(), import_message, session);
                    } else {
                        import_message.set(None);
                        pending.set(Some(Pending {
                            records,
                            duplicates,
                        }));
                    }
                }
            }
        });
    };
    let resolve = move |replace: bool| {
        if let Some(p) = pending.get_untracked() {
            let replace = if replace { p.duplicates } else { Vec::new() };
            write_imported(i18n, p.records, replace, import_message, session);
        }
        pending.set(None);
    };
    let delete_all = move || {
        let result = households().delete_all();
        confirm_all.set(false);
        session.refresh();
        session.report(result);
    };

    view! {
        <section class="page saved-page" data-testid="saved-section">
            <h1 id="step-heading" tabindex="-1">{i18n.tr("saved_title")}</h1>
            <p class="lead">{i18n.tr("saved_intro")}</p>
            <SetAsideNotices listing=listing />
            <button
                type="button"
                class="button primary big"
                data-testid="new-household"
                on:click=on_click(move || {
                    session.close();
                    navigation.go(Section::Household);
                })
            >
                {i18n.tr("new_household")}
            </button>
            {move || {
                let entries = listing.get().households;
                if entries.is_empty() {
                    view! { <p class="empty" data-testid="no-saved">{i18n.t("saved_none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="saved-list" data-testid="saved-list">
                            {entries.into_iter().map(|entry| view! { <SavedCard entry=entry /> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <div class="transfer">
                <h2>{i18n.tr("transfer_title")}</h2>
                <p class="hint">{i18n.tr("transfer_hint")}</p>
                <button type="button" class="button secondary" data-testid="export-all" on:click=export_all
                    disabled=move || listing.get().households.is_empty()>
                    {i18n.tr("export_all")}
                </button>
                <label class="button secondary file-button" for="import-file">{i18n.tr("import")}</label>
                <input id="import-file" class="visually-hidden" type="file" data-testid="import-file"
                    accept=".json,.jsonl,.ndjson,application/json" on:change=on_event(on_file) />
                <ExportFailure failure=exporter.failure />
                {move || pending.get().map(|p| {
                    let names: Vec<String> = p
                        .duplicates
                        .iter()
                        .filter_map(|(n, _)| p.records[*n].id.clone())
                        .collect();
                    let mut m = Markup::new();
                    m.open("div", r#"class="note warning" role="alert" data-testid="import-duplicates""#)
                        .leaf("p", "", &i18n.tf("import_duplicates", &[("n", &names.len().to_string()), ("names", &names.join(", "))]))
                        .leaf("button", r#"type="button" class="button primary small" data-action="replace" data-testid="import-replace""#, i18n.t("import_replace"))
                        .leaf("button", r#"type="button" class="button secondary small" data-action="keep" data-testid="import-keep-both""#, i18n.t("import_keep_both"))
                        .leaf("button", r#"type="button" class="button secondary small" data-testid="import-cancel""#, i18n.t("cancel"))
                        .close("div");
                    Static::new(m).on_action(move |action| match action {
                        "replace" => resolve(true),
                        "keep" => resolve(false),
                        _ => pending.set(None),
                    })
                })}
                <div role="status" aria-live="polite" data-testid="import-message">
                    {move || match import_message.get() {
                        None => ().into_any(),
                        Some(ImportMessage::Imported(n)) => view! {
                            <p class="note success">{i18n.tf("imported", &[("n", &n.to_string())])}</p>
                        }.into_any(),
                        Some(ImportMessage::Refused(lines)) => view! {
                            <div class="note warning">
                                <p>{i18n.t("import_refused")}</p>
                                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                            </div>
                        }.into_any(),
                    }}
                </div>
            </div>
            <div class="danger-zone">
                {move || if confirm_all.get() {
                    view! {
                        <p>{i18n.t("delete_all_confirm_text")}</p>
                        <button type="button" class="button danger" data-testid="confirm-delete-all" on:click=on_click(delete_all)>
                            {i18n.t("delete_all_confirm")}
                        </button>
                        <button type="button" class="button secondary" on:click=on_click(move || confirm_all.set(false))>
                            {i18n.t("cancel")}
                        </button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button danger-outline" data-testid="delete-all" on:click=on_click(move || confirm_all.set(true))>
                            {i18n.t("delete_all")}
                        </button>
                    }.into_any()
                }}
            </div>
        </section>
    }
}

/// One saved household: open, rename, duplicate, export, delete. Written as fixed HTML (see
/// `result::markup`), re-made when its state changes: a card per household as Leptos views
/// cost several kilobytes of the page's download.
#[component]
fn SavedCard(
    /// The household as stored.
    entry: Entry,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigation = use_navigation();
    let id = StoredValue::new(entry.id.clone());
    let draft = StoredValue::new(entry.saved.draft.clone());
    let renaming = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let saved_at = StoredValue::new(local_time(&entry.saved.saved_at));
    let exporter = expect_context::<Exporter>();
    let input_id = StoredValue::new(format!("rename-{}", entry.id));
    let act = move |action: &str| match action {
        "open" => {
            session.open(&id.get_value());
            navigation.go(Section::Household);
        }
        "rename" => renaming.update(|r| *r = !*r),
        "rename-save" => {
            let typed = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&input_id.get_value()))
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|input| input.value())
                .unwrap_or_default();
            let result = households()
                .rename(&id.get_value(), typed.trim(), &now_iso())
                .map(|_| ());
            renaming.set(false);
            session.refresh();
            session.report(result);
        }
        "duplicate" => {
            let store = households();
            let result = store.new_id(js_sys::Date::now() as u64).and_then(|new_id| {
                let name = i18n.tf("copy_of", &[("name", &draft.get_value().name)]);
                store
                    .duplicate(&id.get_value(), &new_id, &name, &now_iso())
                    .map(|_| ())
            });
            session.report(result);
        }
        "export" => {
            let d = draft.get_value();
            exporter.export(
                &format!("{}.json", file_stem(&d.name)),
                "application/json",
                &transfer::export_json(&d),
            );
        }
        "delete" => confirm_delete.set(true),
        "confirm-delete" => {
            let result = households().delete(&id.get_value());
            session.refresh();
            session.report(result);
        }
        _ => {}
    };
    move || {
        let mut m = Markup::new();
        draft.with_value(|d| {
            let name = if d.name.trim().is_empty() {
                i18n.t("unnamed_household")
            } else {
                d.name.as_str()
            };
            // The estimate as the result page would show it, and for which day.
            let class = mucsong_engine::assess(&d.record, &mucsong_engine::AssessOptions::default())
                .map(|a| i18n.t(&format!("class_{}", a.result.class.key())))
                .unwrap_or(i18n.t("saved_no_result"));
            let date = d
                .assessed_on()
                .map(|day| mucsong_i18n::format_date(i18n.locale(), day))
                .unwrap_or_default();
            m.open("li", r#"class="saved-card" data-testid="saved-card""#)
                .open("div", r#"class="saved-head""#)
                .leaf("strong", r#"class="saved-name" data-testid="saved-name""#, name)
                .leaf(
                    "span",
                    r#"class="saved-meta""#,
                    &saved_at.with_value(|at| {
                        i18n.tf("saved_meta", &[("members", &d.n_members().to_string()), ("at", at)])
                    }),
                )
                .leaf(
                    "span",
                    r#"class="saved-verdict" data-testid="saved-verdict""#,
                    &i18n.tf("saved_verdict", &[("class", class), ("date", &date)]),
                )
                .close("div");
            if renaming.get() {
                input_id.with_value(|input_id| {
                    m.open("form", r#"class="rename-form""#)
                        .open_with("label", &[("for", input_id)])
                        .text(i18n.t("rename_label"))
                        .close("label")
                        .open_with(
                            "input",
                            &[
                                ("id", input_id),
                                ("class", "text-input"),
                                ("type", "text"),
                                ("data-testid", "rename-input"),
                                ("maxlength", &mucsong_questionnaire::fields::MAX_NAME_CHARS.to_string()),
                                ("value", &d.name),
                            ],
                        )
                        .leaf(
                            "button",
                            r#"type="submit" class="button primary small" data-action="rename-save" data-testid="rename-save""#,
                            i18n.t("save"),
                        )
                        .close("form");
                });
            }
            m.open("div", r#"class="saved-actions""#)
                .open_with(
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "button primary small"),
                        ("data-action", "open"),
                        ("data-testid", "open"),
                        ("aria-label", &format!("{} — {name}", i18n.t("open"))),
                    ],
                )
                .text(i18n.t("open"))
                .close("button")
                .leaf("button", r#"type="button" class="button secondary small" data-action="rename" data-testid="rename""#, i18n.t("rename"))
                .leaf("button", r#"type="button" class="button secondary small" data-action="duplicate" data-testid="duplicate""#, i18n.t("duplicate"))
                .leaf("button", r#"type="button" class="button secondary small" data-action="export" data-testid="export""#, i18n.t("export"));
            if confirm_delete.get() {
                m.leaf("button", r#"type="button" class="button danger small" data-action="confirm-delete" data-testid="confirm-delete""#, i18n.t("delete_confirm"));
            } else {
                m.leaf("button", r#"type="button" class="button secondary small" data-action="delete" data-testid="delete""#, i18n.t("delete"));
            }
            m.close("div").close("li");
        });
        Static::new(m).on_action(act)
    }
}

/// Records that could not be read: why, and a way to download or discard them.
#[component]
pub fn SetAsideNotices(
    /// The saved section's listing of stored records.
    listing: Memo<Listing>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let exporter = expect_context::<Exporter>();
    move || {
        listing
            .with(|l| l.set_aside.clone())
            .into_iter()
            .map(|s| {
                let mut m = Markup::new();
                m.open("div", r#"class="note warning" role="alert" data-testid="set-aside""#)
                    .leaf(
                        "p",
                        "",
                        &i18n.tf(
                            "set_aside_text",
                            &[("reason", i18n.t(s.error.key)), ("detail", &s.error.detail)],
                        ),
                    )
                    .leaf(
                        "button",
                        r#"type="button" class="button secondary small" data-action="download""#,
                        i18n.t("set_aside_download"),
                    )
                    .leaf(
                        "button",
                        r#"type="button" class="button secondary small" data-testid="discard-set-aside""#,
                        i18n.t("set_aside_discard"),
                    )
                    .close("div");
                let id = s.id;
                Static::new(m).on_action(move |action| {
                    if action == "download" {
                        match households().set_aside_text(&id) {
                            Ok(Some(text)) => exporter.export(
                                &format!("mucsong-set-aside-{id}.json"),
                                "application/json",
                                &text,
                            ),
                            // Discarded meanwhile (in another tab): the list is re-read.
                            Ok(None) => session.refresh(),
                            Err(e) => exporter.failure.set(Some(store_error_text(&e))),
                        }
                    } else {
                        let result = households().discard_set_aside(&id);
                        session.dismiss_notice(&id);
                        session.report(result);
                    }
                })
            })
            .collect_view()
    }
}

/// Why the last export failed, said where the export buttons are; scrolled into view, since a
/// household's own export button may be far up the list.
#[component]
fn ExportFailure(
    /// The browser's reason, or `None` when the last export worked.
    failure: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move || {
        if failure.get().is_some() {
            if let Some(element) = node.get() {
                element.scroll_into_view_with_bool(false);
            }
        }
    });
    view! {
        <div role="alert" data-testid="export-message" node_ref=node>
            {move || failure.get().map(|detail| view! {
                <p class="note warning">{i18n.tf("export_failed", &[("detail", &detail)])}</p>
            })}
        </div>
    }
}

/// A storage error as the detail of a message.
fn store_error_text(error: &mucsong_questionnaire::store::StoreError) -> String {
    match error {
        mucsong_questionnaire::store::StoreError::Full => "storage full".to_string(),
        mucsong_questionnaire::store::StoreError::Unavailable(detail) => detail.clone(),
    }
}

/// A stored UTC timestamp in the phone's own time zone, written the Vietnamese way
/// (`27/11/2026 21:05`); an unreadable one is shown as stored.
fn local_time(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.to_string();
    }
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}
