//! "Which of these does the household have?": the counts of assets and livestock as a list to
//! tick (`fields::is_tick_count`). A ticked item asks its count (1 unless changed); what is not
//! ticked is 0 once the list is confirmed (`Draft::confirm_checklist`, on Continue); "Không
//! biết" is a choice of its own on each line, never implied.

use crate::fields::{dom_id, error_text};
use crate::fields::{dynamic, flag, keyed_list, on_event, text};
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_questionnaire::draft::Holding;
use mucsong_questionnaire::fields::question_key;
use mucsong_widgets::i18n::use_i18n;

/// The checklist of the items among a screen's fields; nothing when there are none.
#[component]
pub fn CountChecklist(
    /// The checklist items' paths, in the screen's order.
    paths: Memo<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    dynamic(move || {
        if paths.with(Vec::is_empty) {
            return ().into_any();
        }
        view! {
            <fieldset class="field checklist" data-testid="checklist">
                <legend class="field-label">{i18n.tr("checklist_question")}</legend>
                <p class="hint">{i18n.tr("checklist_hint")}</p>
                {keyed_list(paths, |p| view! { <CountItem path=p /> }.into_any())}
            </fieldset>
        }
        .into_any()
    })
}

/// One line: the tick, the count when ticked, and "Không biết".
#[component]
fn CountItem(
    /// The count's path in the household record (`assets.motorbike`).
    path: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let id = dom_id(&path);
    // Two flags rather than a memo of `Holding`: memos of `bool` are compiled already.
    let is = |holding: Holding| {
        let path = path.clone();
        Memo::new(move |_| session.with_draft(|d| d.holding(&path)) == Some(holding))
    };
    let have = is(Holding::Have);
    let dont_know = is(Holding::DontKnow);
    let set = {
        let path = path.clone();
        move |to: Holding| {
            let ctx = session.parse_context();
            session.update(|d| d.set_holding(&path, to, &ctx));
        }
    };
    let on_tick = {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            set(if event_target_checked(&ev) {
                Holding::Have
            } else {
                Holding::HaveNone
            })
        }
    };
    let on_dont_know = move |ev: leptos::ev::Event| {
        set(if event_target_checked(&ev) {
            Holding::DontKnow
        } else {
            Holding::Unseen
        })
    };
    let tick_id = format!("{id}-have");
    let tick_for = tick_id.clone();
    let dont_know_id = format!("{id}-dont-know");
    let dont_know_for = dont_know_id.clone();
    let count = {
        let path = path.clone();
        let id = id.clone();
        dynamic(move || {
            if !have.get() {
                return ().into_any();
            }
            view! { <CountInput path=path.clone() id=id.clone() /> }.into_any()
        })
    };
    view! {
        <div class="tick-item" data-testid=format!("field-{path}")>
            <div class="tick-row">
                <label class="option tick" for=tick_for>
                    <input
                        type="checkbox"
                        id=tick_id
                        data-testid=format!("{path}=have")
                        prop:checked=flag(move || have.get())
                        on:change=on_event(on_tick)
                    />
                    <span class="option-label">{i18n.tr_owned(question_key(&path))}</span>
                </label>
                <label class="option tick-dont-know dont-know" for=dont_know_for>
                    <input
                        type="checkbox"
                        id=dont_know_id
                        data-testid=format!("{path}=dont_know")
                        prop:checked=flag(move || dont_know.get())
                        on:change=on_event(on_dont_know)
                    />
                    <span>{i18n.tr("dont_know")}</span>
                </label>
            </div>
            {count}
        </div>
    }
}

/// The count of a ticked item, read as it is typed, with its error line.
#[component]
fn CountInput(
    /// The count's path.
    path: String,
    /// The input's DOM id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let initial = session.peek(|d| d.text(&path)).unwrap_or_default();
    let error = {
        let path = path.clone();
        Memo::new(move |_| {
            let ctx = session.parse_context();
            session
                .with_draft(|d| d.error(&path, &ctx))
                .flatten()
                .map(|e| error_text(&i18n, &path, &e))
        })
    };
    let on_input = {
        let path = path.clone();
        move |ev: leptos::ev::Event| {
            let typed = event_target_value(&ev);
            let ctx = session.parse_context();
            session.update(|d| {
                let _ = d.input(&path, &typed, &ctx);
            });
        }
    };
    let error_id = format!("{id}-error");
    view! {
        <div class="input-row tick-count">
            <label for=id.clone()>{i18n.tr("checklist_count")}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                class="text-input"
                data-testid=path
                prop:value=initial
                aria-invalid=text(move || error.get().is_some().to_string())
                aria-describedby=error_id.clone()
                on:input=on_event(on_input)
            />
        </div>
        <p class="error-line" id=error_id role="status" aria-live="polite">
            {text(move || error.get().unwrap_or_default())}
        </p>
    }
}
