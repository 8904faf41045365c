//! The result page: the engine's assessment of the open household, the comparison with the next
//! edition in the year before it starts (2027-2030 for assessments in 2026), problems that prevent an assessment, the QR code for the commune office, the answers, and printing.

use crate::fields::{on_click, tf_with_assessment_dates};
use crate::questionnaire::check_page::answer_text;
use crate::questionnaire::member_name;
use crate::result::assessment_view::write_assessment;
use crate::result::markup::{Markup, Static};
use crate::result::path_label;
use crate::result::qr_code::{load_qr_module, write_qr_block};
use crate::session::{use_session, Session};
use crate::{use_navigation, Section};
use leptos::prelude::*;
use mucsong_engine::household::HouseholdRecord;
use mucsong_engine::rules::{next_edition_after, review_edition_before};
use mucsong_engine::{assess, AssessOptions};
use mucsong_i18n::format_date;
use mucsong_questionnaire::fields::question_key;
use mucsong_questionnaire::steps::{self, answer_pages, Step};
use mucsong_questionnaire::transfer::export_line;
use mucsong_widgets::i18n::use_i18n;
use mucsong_widgets::i18n::I18n;

/// The result of the open household.
#[component]
pub fn ResultPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigation = use_navigation();
    load_qr_module();
    // The whole assessment (or the problems that prevent one) is fixed text once shown. Its
    // buttons: "answer these" opens the first question the class still depends on (and
    // Continue the next); "fix the answers", shown when nothing is left to decide, the check
    // page.
    let content = move || {
        let mut m = Markup::new();
        // Whose sheet it is, for the commune office: the name (which the start page asks to
        // hold the head's name and address) and the assessment date.
        if let Some((name, date)) = session.with_draft(|d| (d.name.clone(), d.assessed_on())) {
            let date = date
                .map(|d| format_date(i18n.locale(), d))
                .unwrap_or_default();
            m.open("p", r#"class="print-only" data-testid="print-identity""#)
                .leaf("strong", "", &name)
                .text(" · ")
                .text(&i18n.tf("print_date", &[("date", &date)]))
                .close("p");
        }
        if let Some(record) = session.with_draft(|d| d.record.clone()) {
            write_content(&mut m, &i18n, &session, &record);
        }
        if let Some(json) = session.with_draft(export_line) {
            write_qr_block(&mut m, &i18n, &json);
        }
        Static::new(m).on_action(move |action| {
            if !action.is_empty() {
                session.go_to_answer(action);
            } else if session
                .peek(|d| mucsong_questionnaire::flow::next_deciding(d, None).is_some())
                == Some(true)
            {
                session.go_to_deciding(None);
            } else {
                session.go(Step::Check);
            }
        })
    };
    view! {
        <section class="page result-page" data-testid="result-page">
            <p class="print-only">{i18n.tr("print_header")}</p>
            <h1 id="step-heading" tabindex="-1">{i18n.tr("step_result")}</h1>
            {content}
            <section class="next-steps">
                <h2>{i18n.tr("next_steps_title")}</h2>
                <p>{i18n.tr("next_steps_body")}</p>
            </section>
            <AnswersSummary />
            <div class="nav-buttons no-print">
                <button type="button" class="button secondary" data-testid="back-to-check" on:click=on_click(move || session.go(Step::Check))>
                    {i18n.tr("back_to_check")}
                </button>
                <button type="button" class="button primary" data-testid="print" on:click=on_click(move || {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                })>
                    {i18n.tr("print")}
                </button>
            </div>
            <button type="button" class="button link no-print" on:click=on_click(move || navigation.go(Section::Saved))>
                {i18n.tr("to_saved")}
            </button>
        </section>
    }
}

/// Unfolds every folded part before the page is printed, from the print button or the browser's
/// menu alike, so that the printout holds the whole explanation and every answer.
pub fn unfold_before_print() {
    let unfold = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(all) = doc.query_selector_all("details") {
            for i in 0..all.length() {
                if let Some(el) = all
                    .item(i)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                {
                    let _ = el.set_attribute("open", "");
                }
            }
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback(
            "beforeprint",
            wasm_bindgen::JsCast::unchecked_ref(unfold.as_ref()),
        );
    }
    unfold.forget();
}

/// Every answer, read-only, folded on screen and printed in full.
#[component]
fn AnswersSummary() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let rows = move || {
        let ctx = session.parse_context();
        session
            .with_draft(|d| {
                let mut out: Vec<(String, String)> = Vec::new();
                if let Some(p) = d.extra(mucsong_questionnaire::draft::PROVINCE) {
                    out.push((i18n.t("q_province").to_string(), p.to_string()));
                }
                for step in steps::main_steps(d) {
                    let step_list: Vec<Step> = if step == Step::Members {
                        (0..d.n_members())
                            .flat_map(|i| {
                                answer_pages(d, i)
                                    .into_iter()
                                    .map(move |p| Step::Member(i, p))
                            })
                            .collect()
                    } else {
                        vec![step]
                    };
                    for s in step_list {
                        // A member's answers under their name (a row with no answer), each
                        // labelled by its question alone.
                        if let Step::Member(i, p) = s {
                            if answer_pages(d, i).first() == Some(&p) {
                                out.push((member_name(&i18n, d, i), String::new()));
                            }
                        }
                        for path in steps::fields(s, d) {
                            let label = i18n.t(&question_key(&path)).to_string();
                            out.push((label, answer_text(&i18n, d, &path, &ctx).0));
                        }
                    }
                }
                out
            })
            .unwrap_or_default()
    };
    view! {
        <section class="answers-summary" data-testid="answers-summary">
            <details>
                <summary>{i18n.tr("answers_title")}</summary>
                <dl class="answers">
                    {move || {
                        let mut m = Markup::new();
                        for (q, a) in rows() {
                            if a.is_empty() {
                                m.open("div", r#"class="answer-row answer-group""#)
                                    .leaf("dt", "", &q)
                                    .close("div");
                                continue;
                            }
                            m.open("div", r#"class="answer-row""#)
                                .leaf("dt", "", &q)
                                .leaf("dd", "", &a)
                                .close("div");
                        }
                        Static::new(m)
                    }}
                </dl>
            </details>
        </section>
    }
}

/// Writes the assessment of `record` and, for assessments in 2026, the same household under the
/// 2027-2030 standard; or the problems that prevent an assessment.
fn write_content(m: &mut Markup, i18n: &I18n, session: &Session, record: &HouseholdRecord) {
    match assess(record, &AssessOptions::default()) {
        Err(invalid) => {
            let problems: Vec<String> = session
                .peek(|d| {
                    invalid
                        .problems
                        .iter()
                        .map(|p| {
                            let field = path_label(i18n, d, &p.field);
                            i18n.tf(
                                "problem_line",
                                &[
                                    ("field", &field),
                                    (
                                        "problem",
                                        &tf_with_assessment_dates(
                                            i18n,
                                            &format!("problem_{}", p.code.key()),
                                            &[],
                                        ),
                                    ),
                                    ("found", &p.found),
                                ],
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            m.open(
                "div",
                r#"class="note warning" role="alert" data-testid="result-invalid""#,
            )
            .open("p", "")
            .leaf("strong", "", i18n.t("invalid_title"))
            .close("p")
            .open("ul", "");
            for p in &problems {
                m.leaf("li", "", p);
            }
            m.close("ul")
                .leaf(
                    "button",
                    r#"type="button" class="button secondary""#,
                    i18n.t("invalid_fix"),
                )
                .close("div");
        }
        Ok(assessment) => {
            write_assessment(m, i18n, session, &assessment, false);
            let assessed_on = assessment.explanation.assessed_on;
            // From 2027, until the new standard has a review method: the same household under
            // the last method the commune used (its current lists were made with it).
            if let Some(review) = review_edition_before(assessed_on) {
                if let Ok(c) = assess(
                    record,
                    &AssessOptions {
                        as_of: Some(review.until),
                    },
                ) {
                    m.open(
                        "section",
                        r#"class="compare" data-testid="comparison-review""#,
                    )
                    .open("div", r#"class="compare-card""#)
                    .leaf(
                        "h2",
                        "",
                        &i18n.tf("review_compare_title", &[("edition", review.key)]),
                    )
                    .leaf(
                        "p",
                        r#"class="hint""#,
                        &i18n.tf(
                            "review_compare_note",
                            &[("date", &format_date(i18n.locale(), review.until))],
                        ),
                    );
                    write_assessment(m, i18n, session, &c, true);
                    m.close("div").close("section");
                }
            }
            let Some(next) = next_edition_after(assessed_on) else {
                return;
            };
            // The same household as if assessed on the first day of the new standard.
            let as_of = next.since;
            if let Ok(c) = assess(record, &AssessOptions { as_of: Some(as_of) }) {
                m.open(
                    "section",
                    r#"class="compare" data-testid="comparison-2027""#,
                )
                .open("div", r#"class="compare-card""#)
                .open("h2", "")
                .text(i18n.t("compare_title"))
                .text(" ")
                .leaf("span", r#"class="provisional-tag""#, i18n.t("provisional"))
                .close("h2")
                .leaf("p", r#"class="hint""#, i18n.t("compare_note"));
                write_assessment(m, i18n, session, &c, true);
                m.close("div").close("section");
            }
        }
    }
}
