//! A typed answer (number, money, land, date, name): the text is kept exactly as typed, checked
//! as it is typed, and its error shown in a line that is always reserved. A number's line shows,
//! while it reads, the value understood instead (`= 1 000 m²`); land typed in sào offers the
//! choice of sào beside it.

use crate::fields::{dom_id, error_text};
use crate::fields::{flag, on_event, text};
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_questionnaire::fields::{self, question_key, FieldKind};
use mucsong_questionnaire::number::SaoSize;
use mucsong_widgets::i18n::use_i18n;

/// A labelled text input with a hint, an error line and (except for names and the assessment
/// date) a "don't know" box.
#[component]
pub fn TextField(
    /// The answer's path in the household record.
    path: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let kind = fields::spec(&path)
        .map(|s| s.kind)
        .unwrap_or(FieldKind::Text);
    let id = dom_id(&path);
    // A checklist item's count is asked under its tick, which names the item and offers "don't
    // know" (count_checklist.rs): here it is only "Số lượng".
    let is_count_of_tick = fields::is_tick_count(&path);
    let question = if is_count_of_tick {
        if kind == FieldKind::Land {
            "checklist_area"
        } else {
            "checklist_count"
        }
        .to_string()
    } else {
        question_key(&path)
    };
    let hint_key = question_key(&path).replacen("q_", "h_", 1);
    let has_hint = i18n.has(&hint_key);
    let allows_dont_know =
        !matches!(kind, FieldKind::Text | FieldKind::AssessmentDate) && !is_count_of_tick;
    // The input shows the text once, when it is created; afterwards the browser owns what is
    // typed (setting it back on every keystroke would move the cursor).
    let initial = session.peek(|d| d.text(&path)).unwrap_or_default();
    // The error message as shown (kept as text, in the current language, so that the memo is of a
    // type the app already uses).
    let error = {
        let path = path.clone();
        Memo::new(move |_| {
            let ctx = session.parse_context();
            session
                .with_draft(|d| {
                    if d.is_dont_know(&path) {
                        None
                    } else {
                        d.error(&path, &ctx)
                    }
                })
                .flatten()
                .map(|e| error_text(&i18n, &path, &e))
        })
    };
    // What a number's text was read as (`= 1 000 m²`), shown in the error's reserved line.
    let is_number = fields::number_kind(kind, None).is_some();
    let echo = {
        let path = path.clone();
        Memo::new(move |_| session.with_draft(|d| d.echo(&path)).flatten())
    };
    let dont_know = {
        let path = path.clone();
        Memo::new(move |_| {
            session
                .with_draft(|d| d.is_dont_know(&path))
                .unwrap_or(false)
        })
    };
    let on_input = {
        let path = path.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let ctx = session.parse_context();
            session.update_typed(|d| {
                let _ = d.input(&path, &text, &ctx);
            });
        }
    };
    let on_dont_know = {
        let path = path.clone();
        move |ev: leptos::ev::Event| {
            let checked = event_target_checked(&ev);
            let ctx = session.parse_context();
            session.update(|d| d.set_dont_know(&path, checked, &ctx));
        }
    };
    // Counts and measures take digits with a dot or a comma (`1.000`, `0,5`); money and land
    // also words (`3 triệu`, `2 sào`), so their keyboard is the full one.
    let (input_type, input_mode) = match kind {
        FieldKind::Count { .. } | FieldKind::Decimal { .. } => ("text", "decimal"),
        FieldKind::AssessmentDate => ("date", "none"),
        _ => ("text", "text"),
    };
    let unit = match kind {
        FieldKind::Decimal { unit, .. } => Some(unit.key()),
        FieldKind::Land => Some("unit_m2"),
        FieldKind::Money => Some("unit_vnd"),
        _ => None,
    };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = match (has_hint, is_number) {
        (true, true) => format!("{hint_id} {id}-echo {error_id}"),
        (true, false) => format!("{hint_id} {error_id}"),
        (false, true) => format!("{id}-echo {error_id}"),
        (false, false) => error_id.clone(),
    };
    view! {
        <div class="field text" data-testid=format!("field-{path}")>
            <label class="field-label" for=id.clone()>{i18n.tr_owned(question)}</label>
            {has_hint.then(|| view! { <p class="hint" id=hint_id.clone()>{i18n.tr_owned(hint_key)}</p> }.into_any())}
            <div class="input-row">
                <input
                    id=id.clone()
                    type=input_type
                    inputmode=input_mode
                    autocomplete="off"
                    class="text-input"
                    data-testid=path.clone()
                    prop:value=initial
                    disabled=flag(move || dont_know.get())
                    aria-invalid=text(move || error.get().is_some().to_string())
                    aria-describedby=described_by
                    on:input=on_event(on_input)
                />
                {unit.map(|u| view! { <span class="unit">{i18n.tr(u)}</span> }.into_any())}
            </div>
            {is_number.then(|| view! {
                <p class="echo" id=format!("{id}-echo") data-testid=format!("echo-{path}")>
                    {text(move || echo.get().unwrap_or_default())}
                </p>
            }.into_any())}
            {(kind == FieldKind::Land).then(|| sao_choice(path.clone()))}
            <p class="error-line" id=error_id role="status" aria-live="polite">
                {text(move || error.get().unwrap_or_default())}
            </p>
            {allows_dont_know.then(|| {
                let box_id = format!("{id}-dont-know");
                let label_for = box_id.clone();
                view! {
                    <label class="dont-know-box" for=label_for>
                        <input
                            type="checkbox"
                            id=box_id
                            data-testid=format!("{path}=dont_know")
                            prop:checked=flag(move || dont_know.get())
                            on:change=on_event(on_dont_know)
                        />
                        <span>{i18n.tr("dont_know")}</span>
                    </label>
                }
                .into_any()
            })}
        </div>
    }
}

/// Which sào the household counts land in, beside a land field whose text is in sào or mẫu: the
/// one usual in the province's region is chosen until the household picks another; the choice is
/// the draft's (every land field shows the same).
fn sao_choice(path: String) -> AnyView {
    let i18n = use_i18n();
    let session = use_session();
    let shown = {
        let path = path.clone();
        Memo::new(move |_| {
            session
                .with_draft(|d| d.mentions_sao(&path))
                .unwrap_or(false)
        })
    };
    let chosen = move |sao: Option<SaoSize>| {
        flag(move || session.with_draft(|d| d.sao_size() == sao).unwrap_or(false))
    };
    let on_change = move |ev: leptos::ev::Event| {
        let sao = SaoSize::from_key(&event_target_value(&ev));
        session.update(|d| d.set_sao(sao));
    };
    let options = SaoSize::ALL
        .into_iter()
        .map(|sao| {
            view! { <option value=sao.key() prop:selected=chosen(Some(sao))>{i18n.tr(sao.key())}</option> }
        })
        .collect_view();
    view! {
        <label class="sao-choice" hidden=flag(move || !shown.get())>
            <span>{i18n.tr("sao_choice")}</span>
            <select class="select" data-testid=format!("sao-{path}") on:change=on_event(on_change)>
                <option value="" prop:selected=chosen(None)>{i18n.tr("choose")}</option>
                {options}
            </select>
        </label>
    }
    .into_any()
}
