//! "Check your answers": every answer by screen, each screen editable in place, answers that
//! are unknown or still invalid marked, then the result.

use crate::fields::{dynamic, keyed_list, on_click, text};
use crate::questionnaire::member_name;
use crate::questionnaire::step_body::StepBody;
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_i18n::format_vnd;
use mucsong_questionnaire::draft::{Draft, INCOME_MODE, PROVINCE};
use mucsong_questionnaire::fields::{
    self, option_key, question_key, Answer, FieldKind, ParseContext,
};
use mucsong_questionnaire::steps::{self, answer_pages, Step};
use mucsong_widgets::i18n::{use_i18n, I18n};

/// How an answer reads on the check page and in the print view.
pub fn answer_text(
    i18n: &I18n,
    draft: &Draft,
    path: &str,
    ctx: &ParseContext,
) -> (String, &'static str) {
    if draft.is_dont_know(path) {
        return (i18n.t("dont_know").to_string(), "unknown");
    }
    if let Some(error) = draft.error(path, ctx) {
        let raw = draft.raw.get(path).cloned().unwrap_or_default();
        let _ = error;
        return (i18n.tf("answer_invalid", &[("found", &raw)]), "invalid");
    }
    let Some(answer) = draft.answer(path) else {
        return (i18n.t("not_answered").to_string(), "unanswered");
    };
    let Some(spec) = fields::spec(path) else {
        // The work preset ("Làm ruộng, nương, chăn nuôi của nhà"): its option's label.
        if let (Some(_), Answer::Key(key)) = (fields::work_preset_member(path), &answer) {
            return (
                i18n.t(&format!("opt_work_preset_{key}")).to_string(),
                "answered",
            );
        }
        return (fields::display_value(FieldKind::Text, &answer), "answered");
    };
    let text = match (spec.kind, &answer) {
        (FieldKind::YesNo, Answer::Bool(b)) => i18n.t(if *b { "yes" } else { "no" }).to_string(),
        // The material as the person named it ("Tấm fibrô xi măng"), not the record's "Khác".
        (FieldKind::Choice(_), Answer::Key(key)) => {
            let shown = draft.option(path).unwrap_or_else(|| key.to_string());
            i18n.t(&option_key(path, &shown)).to_string()
        }
        (FieldKind::Money, Answer::Money(n)) => format_vnd(*n),
        (FieldKind::AssessmentDate, Answer::Text(s)) => mucsong_engine::date::Date::parse(s)
            .map(|d| mucsong_i18n::format_date(i18n.locale(), d))
            .unwrap_or_else(|_| s.clone()),
        // `10/03/1988`, `03/1988` in Vietnamese; ISO in English.
        (FieldKind::BirthDate, Answer::Text(s)) if i18n.locale() == mucsong_i18n::Locale::Vi => {
            let mut parts: Vec<&str> = s.split('-').collect();
            parts.reverse();
            parts.join("/")
        }
        (FieldKind::Decimal { unit, .. }, _) => format!(
            "{} {}",
            fields::display_value(spec.kind, &answer),
            i18n.t(unit.key())
        ),
        (FieldKind::Land, _) => format!(
            "{} {}",
            fields::display_value(spec.kind, &answer),
            i18n.t("unit_m2")
        ),
        _ => fields::display_value(spec.kind, &answer),
    };
    (text, "answered")
}

/// The check page.
#[component]
pub fn CheckPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The screens listed, by key (a member page's key names the member).
    let groups = Memo::new(move |_| {
        session
            .with_draft(|d| {
                let mut out = Vec::new();
                for step in steps::main_steps(d) {
                    match step {
                        Step::Members => {
                            for i in 0..d.n_members() {
                                for page in answer_pages(d, i) {
                                    out.push(Step::Member(i, page).key());
                                }
                            }
                            if d.n_members() == 0 {
                                out.push(Step::Members.key());
                            }
                        }
                        Step::ExclusionStop | Step::Check | Step::Result => {}
                        other => out.push(other.key()),
                    }
                }
                out
            })
            .unwrap_or_default()
    });
    let n_invalid = Memo::new(move |_| {
        let ctx = session.parse_context();
        session
            .with_draft(|d| d.invalid_fields(&ctx).len())
            .unwrap_or(0)
    });
    let editing = RwSignal::new(None::<Step>);
    view! {
        <section class="page check-page" data-testid="check-page">
            <h1 id="step-heading" tabindex="-1">{i18n.tr("step_check")}</h1>
            <p class="lead">{i18n.tr("check_intro")}</p>
            {dynamic(move || (n_invalid.get() > 0).then(|| view! {
                <p class="note warning" role="alert" data-testid="check-invalid">
                    {i18n.tf("check_invalid", &[("n", &n_invalid.get().to_string())])}
                </p>
            }.into_any()).into_any())}
            {keyed_list(groups, move |key| {
                match session.peek(|d| Step::from_key(&key, d)).flatten() {
                    Some(step) => view! { <CheckGroup step=step editing=editing /> }.into_any(),
                    None => ().into_any(),
                }
            })}
            <div class="nav-buttons no-print">
                <button type="button" class="button secondary" data-testid="back"
                    on:click=on_click(move || session.peek(|d| steps::previous(Step::Check, d)).into_iter().for_each(|s| session.go(s)))>
                    {i18n.tr("back")}
                </button>
                <button type="button" class="button primary" data-testid="see-result" on:click=on_click(move || session.go(Step::Result))>
                    {i18n.tr("see_result")}
                </button>
            </div>
        </section>
    }
}

/// One screen's answers, with "Edit" opening the screen's inputs right here.
#[component]
fn CheckGroup(
    /// The screen whose answers to list.
    step: Step,
    /// Which screen is being edited on the check page.
    editing: RwSignal<Option<Step>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let title = move || {
        let title = i18n.t(&step.title_key());
        match step {
            Step::Member(i, _) => format!(
                "{}: {title}",
                session
                    .with_draft(|d| member_name(&i18n, d, i))
                    .unwrap_or_default()
            ),
            _ => title.to_string(),
        }
    };
    let rows = move || {
        let ctx = session.parse_context();
        // While another screen's answers are being edited here, this list is not redrawn on
        // every keystroke (it is when the editing is done): redrawing every list on each
        // keystroke made typing on the check page lag on slow phones.
        let track = editing.get().is_none_or(|e| e == step);
        session
            .with_draft_if(track, |d| {
                let mut rows: Vec<(String, String, &'static str)> = Vec::new();
                match step {
                    Step::Place => {
                        for path in steps::fields(step, d) {
                            if path == "region" {
                                let province = match d.extra(PROVINCE) {
                                    Some(p) => p.to_string(),
                                    None if d.is_dont_know("region") => {
                                        i18n.t("dont_know").to_string()
                                    }
                                    None => i18n.t("not_answered").to_string(),
                                };
                                rows.push((i18n.t("q_province").to_string(), province, "answered"));
                            }
                            let (text, state) = answer_text(&i18n, d, &path, &ctx);
                            rows.push((i18n.t(&question_key(&path)).to_string(), text, state));
                        }
                    }
                    Step::Income => {
                        let mode = d
                            .extra(INCOME_MODE)
                            .map(|m| i18n.t(&format!("opt_income_mode_{m}")).to_string());
                        let state = if mode.is_some() {
                            "answered"
                        } else {
                            "unanswered"
                        };
                        rows.push((
                            i18n.t("q_income_mode").to_string(),
                            mode.unwrap_or_else(|| i18n.t("not_answered").to_string()),
                            state,
                        ));
                        for path in steps::fields(step, d) {
                            let (text, state) = answer_text(&i18n, d, &path, &ctx);
                            rows.push((i18n.t(&question_key(&path)).to_string(), text, state));
                        }
                    }
                    Step::Members => rows.push((
                        i18n.t("step_members").to_string(),
                        i18n.t("err_no_members").to_string(),
                        "invalid",
                    )),
                    _ => {
                        for path in steps::fields(step, d) {
                            let (text, state) = answer_text(&i18n, d, &path, &ctx);
                            rows.push((i18n.t(&question_key(&path)).to_string(), text, state));
                        }
                    }
                }
                rows
            })
            .unwrap_or_default()
    };
    let is_editing = move || editing.get() == Some(step);
    view! {
        <section class="check-group" data-testid=format!("check-{}", step.key())>
            <div class="check-group-head">
                <h2>{text(title)}</h2>
                <button
                    type="button"
                    class="button secondary small no-print"
                    data-testid=format!("edit-{}", step.key())
                    aria-expanded=text(move || is_editing().to_string())
                    on:click=on_click(move || {
                        if is_editing() {
                            crate::questionnaire::questionnaire::confirm_checklist(session, step);
                            editing.set(None);
                        } else {
                            editing.set(Some(step));
                        }
                    })
                >
                    {text(move || i18n.t(if is_editing() { "done" } else { "edit" }).to_string())}
                </button>
            </div>
            {dynamic(move || if is_editing() {
                let body_step = if step == Step::Members { Step::Members } else { step };
                view! { <div class="check-edit"><StepBody step=body_step review=true /></div> }.into_any()
            } else {
                view! {
                    <dl class="answers">
                        {rows().into_iter().map(|(q, a, state)| view! {
                            <div class=format!("answer-row {state}")>
                                <dt>{q}</dt>
                                <dd>{a}</dd>
                            </div>
                        }.into_any()).collect_view()}
                    </dl>
                }.into_any()
            })}
        </section>
    }
}
