//! The progress indicator: "Phần 5 / 34 · còn 29 phần" and a bar; every screen counts, each
//! member's own screens included.

use crate::fields::text;
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_questionnaire::steps::{self, Step};
use mucsong_widgets::i18n::use_i18n;

/// Progress through the questionnaire's screens.
#[component]
pub fn ProgressBar(
    /// The screen shown.
    step: Step,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // `(screens done, screens up to the check page)`, read where shown (no memo of its own: a
    // memo of a type used nowhere else would be compiled for this bar alone).
    let progress = move || {
        session
            .with_draft(|d| steps::progress(step, d))
            .unwrap_or((0, 1))
    };
    let label = move || {
        let (done, total) = progress();
        let n = (done + 1).min(total);
        i18n.tf(
            "progress",
            &[
                ("n", &n.to_string()),
                ("total", &total.to_string()),
                ("left", &(total - n).to_string()),
            ],
        )
    };
    view! {
        <div class="progress no-print" data-testid="progress">
            <span class="progress-label">{text(label)}</span>
            <progress
                max=text(move || progress().1.to_string())
                value=text(move || progress().0.to_string())
                aria-label=text(label)
            ></progress>
        </div>
    }
}
