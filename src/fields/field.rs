//! The field dispatcher: picks the input for a field's kind.

use crate::fields::choice_field::ChoiceField;
use crate::fields::text_field::TextField;
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_questionnaire::fields::{self, FieldKind};
use mucsong_questionnaire::steps;

/// One question's input, chosen by the field's kind.
#[component]
pub fn Field(
    /// The answer's path in the household record (`members[0].sex`).
    path: String,
) -> impl IntoView {
    // "What is this person's work?": one choice that answers the four work questions.
    if fields::work_preset_member(&path).is_some() {
        let options = fields::WORK_PRESETS
            .iter()
            .map(|(key, _)| *key)
            .chain([fields::WORK_DETAIL])
            .collect();
        return view! { <ChoiceField path=path options=options /> }.into_any();
    }
    match fields::spec(&path).map(|s| s.kind) {
        // The choices as the household names them (materials), and only those that can apply
        // to this member (allowances by age): the model's list.
        Some(FieldKind::Choice(_)) => {
            let options = use_session()
                .peek(|d| steps::options(&path, d))
                .unwrap_or_default();
            view! { <ChoiceField path=path options=options /> }.into_any()
        }
        Some(FieldKind::YesNo) => {
            view! { <ChoiceField path=path options=vec!["true", "false"] /> }.into_any()
        }
        Some(_) => view! { <TextField path=path /> }.into_any(),
        None => ().into_any(),
    }
}
