//! The verdict in large plain words, with the possible classes and the answers that would
//! settle it when unknowns remain.

use crate::app::fields::on_click;
use crate::app::i18n::use_i18n;
use crate::app::result::path_label;
use crate::app::session::use_session;
use crate::engine::result::{Class, ResultRecord, ScreeningOutcome};
use crate::questionnaire::steps::Step;
use leptos::prelude::*;

/// The verdict box.
#[component]
pub fn Verdict(
    /// The engine's result.
    result: ResultRecord,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let class = result.class.key();
    let possible: Vec<String> = result
        .possible_classes
        .iter()
        .map(|c| i18n.t(&format!("class_{}", c.key())).to_string())
        .collect();
    let headline = match (result.class, result.screening) {
        (Class::Undetermined, _) => i18n.tf(
            "verdict_undetermined",
            &[("classes", &possible.join(" / "))],
        ),
        (Class::NotPoor, Some(ScreeningOutcome::Excluded)) => {
            i18n.t("verdict_excluded").to_string()
        }
        (Class::NotPoor, Some(ScreeningOutcome::Stopped)) => i18n.t("verdict_stopped").to_string(),
        (c, _) => i18n.t(&format!("verdict_{}", c.key())).to_string(),
    };
    let depends: Vec<String> = session
        .peek(|d| {
            result
                .depends_on
                .iter()
                .map(|p| path_label(&i18n, d, p))
                .collect()
        })
        .unwrap_or_default();
    let has_depends = !depends.is_empty();
    view! {
        <div class=format!("verdict {class}") data-testid="verdict" data-class=class>
            <p class="verdict-text" data-testid="verdict-text">{headline}</p>
            <p class="hint">{i18n.t("verdict_estimate_note")}</p>
            {has_depends.then(|| view! {
                <div class="depends" data-testid="depends-on">
                    <p><strong>{i18n.t("depends_title")}</strong></p>
                    <ul class="plain-list">{depends.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                    <button type="button" class="button secondary small no-print" on:click=on_click(move || session.go(Step::Check))>
                        {i18n.t("depends_go")}
                    </button>
                </div>
            })}
        </div>
    }
}
