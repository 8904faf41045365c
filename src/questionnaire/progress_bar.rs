//! The progress indicator: "Phần 5 / 34 · còn 29 phần" and a bar; every screen counts, each
//! member's own screens included.

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
    // `(screens done, screens up to the check page)`, worked out once when the screen opens:
    // it changes only with the members and their ages, and working it out on every keystroke
    // (every member's pages, for every draw of the label) made typing lag on slow phones.
    let (done, total) = session.peek(|d| steps::progress(step, d)).unwrap_or((0, 1));
    let n = (done + 1).min(total);
    let label = i18n.tf(
        "progress",
        &[
            ("n", &n.to_string()),
            ("total", &total.to_string()),
            ("left", &(total - n).to_string()),
        ],
    );
    view! {
        <div class="progress no-print" data-testid="progress">
            <span class="progress-label">{label.clone()}</span>
            <progress max=total.to_string() value=done.to_string() aria-label=label></progress>
        </div>
    }
}
