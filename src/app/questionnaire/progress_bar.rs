//! The progress indicator: "Phần 5 / 21" and a bar.

use crate::app::fields::text;
use crate::app::i18n::use_i18n;
use leptos::prelude::*;

/// Progress through the questionnaire's screens.
#[component]
pub fn ProgressBar(
    /// `(screens done, screens up to the check page)`.
    #[prop(into)]
    progress: Signal<(usize, usize)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = move || {
        let (done, total) = progress.get();
        i18n.tf(
            "progress",
            &[
                ("n", &(done + 1).min(total).to_string()),
                ("total", &total.to_string()),
            ],
        )
    };
    view! {
        <div class="progress no-print" data-testid="progress">
            <span class="progress-label">{text(label)}</span>
            <progress
                max=text(move || progress.get().1.to_string())
                value=text(move || progress.get().0.to_string())
                aria-label=text(label)
            ></progress>
        </div>
    }
}
