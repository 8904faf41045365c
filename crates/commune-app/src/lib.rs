//! Commune mode: review officers open a JSON Lines or summary CSV file, every household is
//! classified in the browser in time slices (the page stays responsive, a progress bar moves), and
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
pub mod page;
mod workbench;

pub use page::CommuneApp;

pub use mucsong_commune as model;

use leptos::prelude::*;
use leptos::task::spawn_local;
use model::messages::{self, Message};
use model::{Bytes, CommuneRun, InputFormat, OpenError, RunOptions, TargetTally, TargetValues};
use mucsong_batch::CommuneSummary;
use mucsong_engine::{edition_for, Date};
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
    Reading { name: String },
    Running { n_records: u64, percent: u32 },
    Cancelled,
    Failed(Message),
}

/// The file of the current report, kept for exports (its bytes are shared, not copied).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub bytes: Bytes,
    pub name: String,
    pub options: RunOptions,
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
            Phase::Reading { .. } | Phase::Running { .. }
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
            state
                .classify(
                    Loaded {
                        bytes,
                        name,
                        options,
                    },
                    generation,
                    read_ms,
                )
                .await;
        });
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
            errors: run.errors().to_vec(),
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
