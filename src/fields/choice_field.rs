//! A choice among options (or yes/no) as large radio cards, with "don't know" last.

use crate::fields::{dom_id, icons::icon};
use crate::fields::{flag, on_event};
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_questionnaire::fields::{option_key, question_key};
use mucsong_widgets::i18n::use_i18n;

/// The value the "don't know" radio carries.
const DONT_KNOW: &str = "dont_know";

/// A radio group: one card per option (with a small picture where one helps), then "don't know".
#[component]
pub fn ChoiceField(
    /// The answer's path in the household record.
    path: String,
    /// The machine keys of the options (`"true"`/`"false"` for yes/no).
    options: Vec<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let name = dom_id(&path);
    let question = question_key(&path);
    let hint_key = question.replacen("q_", "h_", 1);
    let is_yes_no = options == ["true", "false"];
    let current = {
        let path = path.clone();
        Memo::new(move |_| {
            session
                .with_draft(|d| {
                    if d.is_dont_know(&path) {
                        Some(DONT_KNOW.to_string())
                    } else {
                        d.option(&path)
                    }
                })
                .flatten()
        })
    };
    let choose = {
        let path = path.clone();
        move |key: &'static str| {
            let ctx = session.parse_context();
            session.update(|d| {
                if key == DONT_KNOW {
                    d.set_dont_know(&path, true, &ctx);
                } else {
                    d.choose_option(&path, key);
                    // Own-account work is not wage work: the contract question is then not asked,
                    // and the record says so rather than leaving it unknown.
                    if path.ends_with(".job_type") && key == "other" {
                        let contract = path.replace(".job_type", ".wage_contract");
                        d.choose(&contract, Some("not_wage_work"));
                    }
                }
            });
        }
    };
    // The work preset has no "don't know" of its own: "something else" asks each question,
    // each with its own.
    let dont_know = (!path.ends_with(".work_preset")).then_some(DONT_KNOW);
    let option_views = options
        .into_iter()
        .chain(dont_know)
        .map(|key| {
            let label_key = if key == DONT_KNOW {
                "dont_know".to_string()
            } else if is_yes_no {
                if key == "true" {
                    "yes".to_string()
                } else {
                    "no".to_string()
                }
            } else {
                option_key(&path, key)
            };
            let picture = icon(&path, key);
            let choose = choose.clone();
            let input_id = format!("{name}-{key}");
            let label_for = input_id.clone();
            view! {
                <label class="option" class:dont-know=key == DONT_KNOW for=label_for>
                    <input
                        type="radio"
                        id=input_id
                        name=name.clone()
                        value=key
                        data-testid=format!("{}={}", path, key)
                        prop:checked=flag(move || current.get().as_deref() == Some(key))
                        on:change=on_event(move |_| choose(key))
                    />
                    {picture}
                    <span class="option-label">{i18n.tr_owned(label_key)}</span>
                </label>
            }
            .into_any()
        })
        .collect_view();
    let has_hint = i18n.has(&hint_key);
    view! {
        <fieldset class="field choice" data-testid=format!("field-{path}")>
            <legend class="field-label">{i18n.tr_owned(question)}</legend>
            {has_hint.then(|| view! { <p class="hint">{i18n.tr_owned(hint_key)}</p> }.into_any())}
            <div class="options" class:options-yes-no=is_yes_no>{option_views}</div>
        </fieldset>
    }
}
