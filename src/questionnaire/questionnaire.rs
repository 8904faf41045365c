//! One screen of the questionnaire: progress, the question as heading, the answers, Back and
//! Continue. The check page and the result have their own layouts.

use crate::fields::{dynamic, on_click, on_event, text, tf_with_assessment_dates};
use crate::questionnaire::check_page::CheckPage;
use crate::questionnaire::interim_verdict::InterimVerdict;
use crate::questionnaire::member_name;
use crate::questionnaire::progress_bar::ProgressBar;
use crate::questionnaire::step_body::StepBody;
use crate::result::result_page::ResultPage;
use crate::session::{focus_field, use_session};
use leptos::prelude::*;
use mucsong_questionnaire::steps::{self, Step};
use mucsong_widgets::i18n::use_i18n;

/// The open household's current screen.
#[component]
pub fn Questionnaire() -> impl IntoView {
    let session = use_session();
    // The screen's key: a memo of a type the app already uses (a `Step` memo would be compiled
    // for this one place).
    let step_key = Memo::new(move |_| session.step().key());
    view! {
        {dynamic(move || {
            let key = step_key.get();
            match session.peek(|d| Step::from_key(&key, d)).flatten().unwrap_or(Step::Intro) {
            Step::Check => view! { <CheckPage /> }.into_any(),
            Step::Result => view! { <ResultPage /> }.into_any(),
            current => view! { <QuestionScreen step=current /> }.into_any(),
            }
        })}
    }
}

/// A question screen with its navigation.
#[component]
fn QuestionScreen(
    /// The screen to show.
    step: Step,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let tried = RwSignal::new(false);
    let heading = move || {
        let title = i18n.t(&step.title_key());
        match step {
            Step::Member(i, _) => {
                let name = session
                    .with_draft(|d| member_name(&i18n, d, i))
                    .unwrap_or_default();
                format!("{name}: {title}")
            }
            _ => title.to_string(),
        }
    };
    let go_next = move || {
        if session.peek(|d| blocker(step, d)).flatten().is_some() {
            tried.set(true);
            return;
        }
        // An answer that does not read stops the person at it: the message is at the field and
        // under the buttons, and focus moves to the field (what was typed stays as typed).
        let ctx = session.parse_context();
        if let Some(path) = session.peek(|d| first_invalid(step, d, &ctx)).flatten() {
            tried.set(true);
            focus_field(&path);
            return;
        }
        confirm_checklist(session, step);
        if session.is_fixing() {
            session.go_to_deciding(Some(step));
            return;
        }
        if let Some(next) = session.peek(|d| steps::next(step, d)) {
            session.go(next);
        }
    };
    let go_back = on_click(move || {
        session.set_fixing(false);
        if let Some(previous) = session.peek(|d| steps::previous(step, d)) {
            session.go(previous);
        }
    });
    let continue_key = match step {
        Step::Member(..) => "continue",
        Step::ExclusionStop => "continue_anyway",
        _ => "continue",
    };
    view! {
        <section class="page question-page" data-testid=format!("step-{}", step.key())>
            <ProgressBar step=step />
            <InterimVerdict />
            <form
                class="question-form"
                novalidate=true
                on:submit=on_event(move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    go_next();
                })
            >
                <h1 id="step-heading" tabindex="-1">{text(heading)}</h1>
                <StepBody step=step />
                <p class="error-line" role="status" data-testid="step-error">
                    {text(move || {
                        if !tried.get() {
                            return String::new();
                        }
                        if let Some(key) = session.with_draft(|d| blocker(step, d)).flatten() {
                            return tf_with_assessment_dates(&i18n, key, &[]);
                        }
                        let ctx = session.parse_context();
                        session
                            .with_draft(|d| first_invalid(step, d, &ctx))
                            .flatten()
                            .map(|path| {
                                let field = i18n.t(&mucsong_questionnaire::fields::question_key(&path));
                                i18n.tf("err_step_invalid", &[("field", field)])
                            })
                            .unwrap_or_default()
                    })}
                </p>
                <div class="nav-buttons no-print">
                    {(step != Step::Intro).then(|| view! {
                        <button type="button" class="button secondary" data-testid="back" on:click=go_back>
                            {i18n.tr("back")}
                        </button>
                    }.into_any())}
                    <button type="submit" class="button primary" data-testid="continue">
                        {i18n.tr(continue_key)}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// Why Continue is refused on `step`, as a message key. It is refused only where going on would
/// make no sense: without a valid assessment date, or with no member at all. Everything else may
/// stay unknown.
fn blocker(step: Step, draft: &mucsong_questionnaire::draft::Draft) -> Option<&'static str> {
    match step {
        Step::Intro if draft.assessed_on().is_none() => Some("err_start_date"),
        Step::Members if draft.n_members() == 0 => Some("err_no_members"),
        _ => None,
    }
}

/// The first field of `step` whose typed text does not read as an answer.
fn first_invalid(
    step: Step,
    draft: &mucsong_questionnaire::draft::Draft,
    ctx: &mucsong_questionnaire::fields::ParseContext,
) -> Option<String> {
    steps::asked(step, draft)
        .into_iter()
        .find(|path| draft.error(path, ctx).is_some())
}

/// The person has seen the screen's checklist (Continue, or Done on the check page): what is not
/// ticked is 0 (`Draft::confirm_checklist`; other screens are left as they are).
pub fn confirm_checklist(session: crate::session::Session, step: Step) {
    let ctx = session.parse_context();
    session.update(|d| d.confirm_checklist(&steps::fields(step, d), &ctx));
}
