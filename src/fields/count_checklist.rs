//! "Which of these does the household have?": the counts of assets and livestock, the kinds of
//! land and aquaculture as a list to tick (`fields::is_tick_count`). A ticked item asks its count
//! (1 unless changed) or its area (asked, never assumed); what is not ticked is none once the
//! list is confirmed (`Draft::confirm_checklist`, on Continue); "Không
//! biết" is a choice of its own on each line, never implied.

use crate::fields::text_field::TextField;
use crate::fields::{dynamic, flag, keyed_list, on_event};
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_questionnaire::draft::Holding;
use mucsong_questionnaire::fields::{self, question_key, Answer};
use mucsong_widgets::i18n::use_i18n;

/// The checklist of the items among a screen's fields; nothing when there are none.
#[component]
pub fn CountChecklist(
    /// The checklist items' paths, in the screen's order.
    paths: Memo<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Hidden rather than rebuilt when a screen has no item: one view less to compile.
    view! {
        <fieldset class="field checklist" data-testid="checklist" hidden=flag(move || paths.with(Vec::is_empty))>
            <legend class="field-label">{i18n.tr("checklist_question")}</legend>
            <p class="hint">{i18n.tr("checklist_hint")}</p>
            {keyed_list(paths, |p| view! { <CountItem path=p /> }.into_any())}
        </fieldset>
    }
}

/// One line: the tick, the count when ticked, and "Không biết".
#[component]
fn CountItem(
    /// The count's path in the household record (`assets.motorbike`).
    path: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
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
    // The count or area of a ticked item: the field's own input (`TextField` labels it "Số
    // lượng" or "Diện tích"); a yes/no item (aquaculture) is its tick alone.
    let amount = fields::ticked(&path) != Some(Answer::Bool(true));
    let count = {
        let path = path.clone();
        dynamic(move || {
            if !amount || !have.get() {
                return ().into_any();
            }
            view! { <TextField path=path.clone() /> }.into_any()
        })
    };
    view! {
        <div class="tick-item">
            <div class="tick-row">
                <label class="option tick">
                    <input
                        type="checkbox"
                        id=format!("{}-tick", crate::fields::dom_id(&path))
                        data-testid=format!("{path}=have")
                        prop:checked=flag(move || have.get())
                        on:change=on_event(on_tick)
                    />
                    <span class="option-label">{i18n.tr_owned(question_key(&path))}</span>
                </label>
                <label class="option tick-dont-know dont-know">
                    <input
                        type="checkbox"
                        id=format!("{}-tick-dont-know", crate::fields::dom_id(&path))
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
