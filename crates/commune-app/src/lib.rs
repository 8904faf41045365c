//! Commune mode: review officers open a sheet they already have (`.xlsx`, `.csv`: read through
//! the import, its columns matched by name or by the officer's choice, `import_steps`) or the
//! household app's JSON Lines; repeated household ids are shown and resolved before anything is
//! counted; every household is classified in the browser in time slices (the page stays
//! responsive, a progress bar moves), and
//! a dashboard shows classes, deprivation by indicator, the Alkire–Foster figures and the province
//! targets, with exports. The logic is the pure `mucsong_commune` model (= `model` here); this
//! module only drives it and draws it. It is a page of its own (`page::CommuneApp`, built into
//! `commune/` as the `mucsong-commune` bundle), so households never download it.

#![cfg(target_arch = "wasm32")]

pub mod browser;
#[cfg(test)]
mod browser_tests;
mod charts;
mod dashboard;
mod exports;
mod file_picker;
mod import_steps;
pub mod page;
mod workbench;

pub use page::CommuneApp;

pub use mucsong_commune as model;

use leptos::prelude::*;
use leptos::task::spawn_local;
use model::import::duplicates::{blank_lines, dropped_lines, Duplicate, JsonLinesIds, Resolution};
use model::import::{ColumnChoices, Imported, MappingRequest, Note, SheetImport, Start, Target};
use model::messages::{self, Message};
use model::{Bytes, CommuneRun, InputFormat, OpenError, RunOptions, TargetTally, TargetValues};
use mucsong_batch::CommuneSummary;
use mucsong_engine::{edition_for, Date};
use mucsong_formats::error::Place;
use mucsong_formats::summary_csv::SummaryColumn;
use mucsong_formats::{FileError, RecordError};
use mucsong_i18n::Locale;
use mucsong_widgets::i18n::use_i18n;

/// Work per time slice before yielding to the event loop: short enough that taps and scrolling
/// answer at once (well under the 50 ms "long task" mark), long enough that yielding costs little.
const SLICE_MS: f64 = 12.0;

/// What a finished run shows (plain data, so it can live in signals).
#[derive(Debug, Clone)]
pub struct Report {
    pub file_name: String,
    pub format: InputFormat,
    pub n_bytes: u64,
    pub summary: CommuneSummary,
    pub tally: TargetTally,
    pub errors: Vec<RecordError>,
    pub n_blank: u64,
    pub stopped_by: Option<FileError>,
    /// Milliseconds spent classifying (the slices), and from the first slice to the last.
    pub work_ms: f64,
    pub wall_ms: f64,
    /// Milliseconds to read the file's bytes.
    pub read_ms: f64,
}

/// Where the section is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Idle,
    Reading {
        name: String,
    },
    /// Reading a sheet into the summary format, or looking for repeated ids: percent done.
    Importing {
        percent: u32,
    },
    /// The sheet's header lacks required columns: the officer picks them.
    Mapping(MappingRequest),
    /// Household ids on more than one row: the officer resolves them.
    Duplicates(Vec<Duplicate>),
    Running {
        n_records: u64,
        percent: u32,
    },
    Cancelled,
    Failed(Message),
}

/// The file of the current report, kept for exports (its bytes are shared, not copied).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// What is classified: the file itself, or for a sheet the import's summary CSV (with the
    /// rows the officer dropped left blank).
    pub bytes: Bytes,
    pub name: String,
    pub options: RunOptions,
    /// A sheet's columns as it names them, for messages.
    pub columns: Vec<(SummaryColumn, String)>,
}

/// A file read and waiting for the officer (columns to match, repeated ids to resolve).
#[derive(Debug, Clone)]
pub struct Pending {
    pub bytes: Bytes,
    pub name: String,
    pub options: RunOptions,
    pub read_ms: f64,
}

/// Commune mode's state, shared with its parts through context.
#[derive(Clone, Copy)]
pub struct CommuneState {
    pub phase: RwSignal<Phase>,
    pub report: RwSignal<Option<Report>>,
    pub loaded: StoredValue<Option<Loaded>>,
    /// Bumped by every new run and by "Stop": a run that sees another number stops.
    generation: StoredValue<u64>,
    pub targets: RwSignal<TargetValues>,
    pub date: RwSignal<String>,
    pub override_dates: RwSignal<bool>,
    /// The file read, until it is classified.
    pending: StoredValue<Option<Pending>>,
    /// The sheet read, while its repeated ids are resolved (`None` for JSON Lines).
    imported: StoredValue<Option<Imported>>,
    /// The import's notes (kept, and how many more).
    pub notes: RwSignal<(Vec<Note>, u64)>,
}

impl CommuneState {
    fn new() -> CommuneState {
        let targets = browser::load_targets()
            .and_then(|text| TargetValues::from_json(&text).ok())
            .unwrap_or_default();
        CommuneState {
            phase: RwSignal::new(Phase::Idle),
            report: RwSignal::new(None),
            loaded: StoredValue::new(None),
            generation: StoredValue::new(0),
            targets: RwSignal::new(targets),
            date: RwSignal::new(browser::today()),
            override_dates: RwSignal::new(false),
            pending: StoredValue::new(None),
            imported: StoredValue::new(None),
            notes: RwSignal::new((Vec::new(), 0)),
        }
    }

    /// The run options from the form, or `None` when the date is not a date of an edition.
    pub fn run_options(&self) -> Option<RunOptions> {
        let date = Date::parse(self.date.get_untracked().trim()).ok()?;
        edition_for(date)?;
        Some(RunOptions {
            as_of: date,
            override_record_dates: self.override_dates.get_untracked(),
        })
    }

    pub fn is_busy(&self) -> bool {
        matches!(
            self.phase.get(),
            Phase::Reading { .. } | Phase::Importing { .. } | Phase::Running { .. }
        )
    }

    fn next_generation(&self) -> u64 {
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }

    /// Stops the run in progress (its partial figures are dropped).
    pub fn cancel(&self) {
        self.next_generation();
        self.phase.set(Phase::Cancelled);
    }

    /// Reads a picked or dropped file and classifies it.
    pub fn open(&self, file: web_sys::File) {
        let state = *self;
        let name = file.name();
        let Some(options) = self.run_options() else {
            self.phase.set(Phase::Failed(messages::date_invalid()));
            return;
        };
        let generation = self.next_generation();
        self.report.set(None);
        self.loaded.set_value(None);
        self.notes.set((Vec::new(), 0));
        let size = file.size();
        if size > model::MAX_FILE_BYTES as f64 {
            self.phase
                .set(Phase::Failed(messages::open_error(&OpenError::TooLarge {
                    n_bytes: size as u64,
                })));
            return;
        }
        self.phase.set(Phase::Reading { name: name.clone() });
        spawn_local(async move {
            let started = browser::now_ms();
            let bytes = match browser::read_file(&file).await {
                Ok(bytes) => Bytes::new(bytes),
                Err(detail) => {
                    if state.generation.get_value() == generation {
                        state.phase.set(Phase::Failed(Message {
                            key: "commune_file_read_failed",
                            args: vec![("detail", detail)],
                        }));
                    }
                    return;
                }
            };
            let read_ms = browser::now_ms() - started;
            if state.generation.get_value() != generation {
                return;
            }
            let pending = Pending {
                bytes,
                name,
                options,
                read_ms,
            };
            state.begin(pending, generation).await;
        });
    }

    /// Runs `step` in time slices until it says it is done, showing `progress` (percent) between
    /// them; false when a newer run or "Stop" replaced this one.
    async fn in_slices(
        &self,
        generation: u64,
        mut step: impl FnMut() -> bool,
        progress: impl Fn() -> u32,
    ) -> bool {
        loop {
            let slice_start = browser::now_ms();
            let mut is_done = false;
            while !is_done && browser::now_ms() - slice_start < SLICE_MS {
                is_done = step();
            }
            if self.generation.get_value() != generation {
                return false;
            }
            if is_done {
                return true;
            }
            self.phase.set(Phase::Importing {
                percent: progress(),
            });
            browser::yield_now().await;
            if self.generation.get_value() != generation {
                return false;
            }
        }
    }

    /// A file read: a sheet goes through the import (columns matched, repeated ids found), JSON
    /// Lines are looked through for repeated ids; then the officer is asked, or it is classified.
    async fn begin(self, pending: Pending, generation: u64) {
        self.pending.set_value(Some(pending.clone()));
        self.imported.set_value(None);
        let loaded = |bytes: Bytes, columns| Loaded {
            bytes,
            name: pending.name.clone(),
            options: pending.options,
            columns,
        };
        match InputFormat::detect(&pending.name, &pending.bytes) {
            InputFormat::SummaryCsv => {
                let choices =
                    ColumnChoices::from_json(&browser::load_column_choices().unwrap_or_default());
                self.phase.set(Phase::Importing { percent: 0 });
                browser::yield_now().await;
                let mut import = match SheetImport::start(pending.bytes.clone(), &choices) {
                    Ok(Start::Importing(import)) => import,
                    Ok(Start::NeedsMapping(request)) => {
                        self.phase.set(Phase::Mapping(request));
                        return;
                    }
                    Err(e) => {
                        self.phase.set(Phase::Failed(messages::import_error(&e)));
                        return;
                    }
                };
                let failed = std::cell::RefCell::new(None);
                let is_current = {
                    let import = std::cell::RefCell::new(&mut import);
                    self.in_slices(
                        generation,
                        || match import.borrow_mut().step(2048) {
                            Ok(is_done) => is_done,
                            Err(e) => {
                                *failed.borrow_mut() = Some(e);
                                true
                            }
                        },
                        || {
                            let (done, total) = import.borrow().progress();
                            (done * 100 / total.max(1)) as u32
                        },
                    )
                    .await
                };
                if !is_current {
                    return;
                }
                if let Some(e) = failed.into_inner() {
                    self.phase.set(Phase::Failed(messages::import_error(&e)));
                    return;
                }
                let imported = import.finish();
                self.notes
                    .set((imported.notes.clone(), imported.n_more_notes));
                if imported.duplicates.is_empty() {
                    let columns = imported.columns.clone();
                    self.classify(
                        loaded(Bytes::new(imported.csv), columns),
                        generation,
                        pending.read_ms,
                    )
                    .await;
                } else {
                    self.phase
                        .set(Phase::Duplicates(imported.duplicates.clone()));
                    self.imported.set_value(Some(imported));
                }
            }
            InputFormat::JsonLines => {
                let ids = std::cell::RefCell::new(JsonLinesIds::new(pending.bytes.clone()));
                let is_current = self
                    .in_slices(
                        generation,
                        || ids.borrow_mut().step(64),
                        || {
                            let (done, total) = ids.borrow().progress();
                            (done * 100 / total.max(1)) as u32
                        },
                    )
                    .await;
                if !is_current {
                    return;
                }
                let duplicates = ids.into_inner().finish();
                if duplicates.is_empty() {
                    self.classify(
                        loaded(pending.bytes.clone(), Vec::new()),
                        generation,
                        pending.read_ms,
                    )
                    .await;
                } else {
                    self.phase.set(Phase::Duplicates(duplicates));
                }
            }
            InputFormat::JsonDocument => {
                self.classify(
                    loaded(pending.bytes.clone(), Vec::new()),
                    generation,
                    pending.read_ms,
                )
                .await;
            }
        }
    }

    /// The officer's columns for the sheet waiting: remembered, and the sheet read again.
    pub fn choose_columns(&self, chosen: Vec<(String, Target)>) {
        let Some(pending) = self.pending.get_value() else {
            return;
        };
        let mut choices =
            ColumnChoices::from_json(&browser::load_column_choices().unwrap_or_default());
        for (header, target) in chosen {
            choices.choose(&header, target);
        }
        // Not being able to remember the choice does not stop this reading.
        let _ = browser::save_column_choices(&choices.to_json());
        let generation = self.next_generation();
        let state = *self;
        spawn_local(async move { state.begin(pending, generation).await });
    }

    /// The officer's resolution of each repeated id (in the order shown): the dropped rows are
    /// left blank, and what is left is classified.
    pub fn resolve(&self, resolutions: Vec<Resolution>) {
        let (Some(pending), Phase::Duplicates(duplicates)) =
            (self.pending.get_value(), self.phase.get_untracked())
        else {
            return;
        };
        let dropped = dropped_lines(&duplicates, &resolutions);
        let (bytes, columns) = match self.imported.get_value() {
            Some(imported) => (imported.without_lines(&dropped), imported.columns.clone()),
            None => (blank_lines(&pending.bytes, &dropped, b""), Vec::new()),
        };
        self.imported.set_value(None);
        let loaded = Loaded {
            bytes: Bytes::new(bytes),
            name: pending.name.clone(),
            options: pending.options,
            columns,
        };
        let generation = self.next_generation();
        let state = *self;
        spawn_local(async move { state.classify(loaded, generation, pending.read_ms).await });
    }

    /// Classifies the same file again (after the date changed).
    pub fn rerun(&self) {
        let Some(mut loaded) = self.loaded.get_value() else {
            return;
        };
        let Some(options) = self.run_options() else {
            self.phase.set(Phase::Failed(messages::date_invalid()));
            return;
        };
        loaded.options = options;
        let generation = self.next_generation();
        self.report.set(None);
        let state = *self;
        spawn_local(async move { state.classify(loaded, generation, 0.0).await });
    }

    /// The run itself: start (file-level checks), then time slices of `step` with a yield to the
    /// event loop between them, then the report.
    async fn classify(self, loaded: Loaded, generation: u64, read_ms: f64) {
        let mut run =
            match CommuneRun::start(loaded.bytes.clone(), &loaded.name, &loaded.options, None) {
                Ok(run) => run,
                Err(error) => {
                    self.phase.set(Phase::Failed(messages::open_error(&error)));
                    return;
                }
            };
        // Household records take far longer each than summary rows: check the clock more often.
        let records_per_check = match run.format() {
            InputFormat::SummaryCsv => 256,
            InputFormat::JsonLines | InputFormat::JsonDocument => 16,
        };
        self.phase.set(Phase::Running {
            n_records: 0,
            percent: 0,
        });
        let first = browser::now_ms();
        let mut work_ms = 0.0;
        loop {
            let slice_start = browser::now_ms();
            let mut is_done = false;
            while !is_done && browser::now_ms() - slice_start < SLICE_MS {
                is_done = run.step(records_per_check);
            }
            work_ms += browser::now_ms() - slice_start;
            if self.generation.get_value() != generation {
                return;
            }
            if is_done {
                break;
            }
            let (done, total) = run.progress();
            self.phase.set(Phase::Running {
                n_records: run.summary().n_households + run.summary().n_rejected,
                percent: (done * 100 / total.max(1)) as u32,
            });
            browser::yield_now().await;
            if self.generation.get_value() != generation {
                return;
            }
        }
        let wall_ms = browser::now_ms() - first;
        let (_, n_bytes) = run.progress();
        self.report.set(Some(Report {
            file_name: loaded.name.clone(),
            format: run.format(),
            n_bytes,
            summary: run.summary().clone(),
            tally: *run.targets(),
            errors: run
                .errors()
                .iter()
                .map(|e| with_sheet_columns(e, &loaded.columns))
                .collect(),
            n_blank: run.n_blank(),
            stopped_by: run.stopped_by().cloned(),
            work_ms,
            wall_ms,
            read_ms,
        }));
        self.loaded.set_value(Some(loaded));
        self.phase.set(Phase::Idle);
    }

    /// Saves the targets (or forgets them when back to the defaults); false if storage failed.
    pub fn save_targets(&self, values: TargetValues) -> bool {
        let is_saved = if values.is_default() {
            browser::clear_targets();
            true
        } else {
            browser::save_targets(&values.to_json())
        };
        self.targets.set(values);
        is_saved
    }
}

/// A record error with its columns named as the sheet names them.
fn with_sheet_columns(error: &RecordError, columns: &[(SummaryColumn, String)]) -> RecordError {
    let mut error = error.clone();
    for problem in &mut error.problems {
        if let Place::Column(name) = &problem.place {
            let label = SummaryColumn::from_header(name)
                .and_then(|c| columns.iter().find(|(k, _)| *k == c))
                .map(|(_, label)| label.clone());
            if let Some(label) = label {
                problem.place = Place::Column(label);
            }
        }
    }
    error
}

/// The commune state provided by `CommuneSection`.
pub fn use_commune() -> CommuneState {
    expect_context::<CommuneState>()
}

/// A count with the locale's thousands separator ("100.000" / "100,000").
pub fn fmt_count(n: u64, locale: Locale) -> String {
    mucsong_i18n::format_count(n, locale)
}

/// A number with `decimals` decimals and the locale's decimal mark.
pub fn fmt_decimal(value: f64, decimals: usize, locale: Locale) -> String {
    let text = format!("{value:.decimals$}");
    match locale {
        Locale::Vi => text.replace('.', ","),
        Locale::En => text,
    }
}

/// A share as a percentage with one decimal ("24,5 %"), or a dash when there is none.
pub fn fmt_percent(share: Option<f64>, locale: Locale) -> String {
    share.map_or("—".to_string(), |s| {
        format!("{} %", fmt_decimal(s * 100.0, 1, locale))
    })
}

/// A file size in MB or kB.
pub fn fmt_size(n_bytes: u64, locale: Locale) -> String {
    if n_bytes >= 1_048_576 {
        format!(
            "{} MB",
            fmt_decimal(n_bytes as f64 / 1_048_576.0, 1, locale)
        )
    } else {
        format!("{} kB", fmt_decimal(n_bytes as f64 / 1024.0, 1, locale))
    }
}

/// The commune officers' section.
#[component]
pub fn CommuneSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = CommuneState::new();
    provide_context(state);
    view! {
        <section class="page commune" data-testid="commune-section">
            <h1>{move || i18n.t("commune_title")}</h1>
            <p class="lead no-print">{move || i18n.t("commune_intro")}</p>
            <p class="commune-privacy no-print">{move || i18n.t("commune_privacy")}</p>
            <file_picker::FilePicker />
            <Status />
            <import_steps::ImportNotes />
            {move || state.report.get().map(|report| view! { <dashboard::Dashboard report /> })}
        </section>
    }
}

/// Progress while reading and classifying; the reason when a file cannot be read.
#[component]
fn Status() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_commune();
    move || match state.phase.get() {
        Phase::Idle => ().into_any(),
        Phase::Reading { name } => view! {
            <div class="commune-status" role="status" data-testid="commune-reading">
                <p>{i18n.tf("commune_reading", &[("name", &name)])}</p>
                <progress aria-label=i18n.t("commune_progress_label")></progress>
            </div>
        }
        .into_any(),
        Phase::Running { n_records, percent } => view! {
            <div class="commune-status" role="status" data-testid="commune-progress">
                <p>
                    {i18n.tf(
                        "commune_progress",
                        &[
                            ("n", &fmt_count(n_records, i18n.locale())),
                            ("percent", &percent.to_string()),
                        ],
                    )}
                </p>
                <progress
                    max="100"
                    value=percent.to_string()
                    aria-label=i18n.t("commune_progress_label")
                ></progress>
                <button
                    type="button"
                    class="button secondary"
                    data-testid="commune-cancel"
                    on:click=move |_| state.cancel()
                >
                    {i18n.t("commune_cancel")}
                </button>
            </div>
        }
        .into_any(),
        Phase::Importing { percent } => view! {
            <div class="commune-status" role="status" data-testid="commune-importing">
                <p>{i18n.tf("commune_importing", &[("percent", &percent.to_string())])}</p>
                <progress
                    max="100"
                    value=percent.to_string()
                    aria-label=i18n.t("commune_progress_label")
                ></progress>
                <button type="button" class="button secondary" on:click=move |_| state.cancel()>
                    {i18n.t("commune_cancel")}
                </button>
            </div>
        }
        .into_any(),
        Phase::Mapping(request) => view! { <import_steps::ColumnMapping request /> }.into_any(),
        Phase::Duplicates(duplicates) => {
            view! { <import_steps::DuplicatePrompt duplicates /> }.into_any()
        }
        Phase::Cancelled => view! {
            <p class="commune-status" role="status">{i18n.t("commune_cancelled")}</p>
        }
        .into_any(),
        Phase::Failed(message) => view! {
            <div class="commune-alert" role="alert" data-testid="commune-file-error">
                <h2>{i18n.t("commune_file_problem_title")}</h2>
                <p>{i18n.tf(message.key, &message.arg_refs())}</p>
            </div>
        }
        .into_any(),
    }
}
