//! The field dispatcher: picks the input for a field's kind.

use crate::fields::choice_field::ChoiceField;
use crate::fields::text_field::TextField;
use leptos::prelude::*;
use mucsong_questionnaire::fields::{self, FieldKind};

/// One question's input, chosen by the field's kind.
#[component]
pub fn Field(
    /// The answer's path in the household record (`members[0].sex`).
    path: String,
) -> impl IntoView {
    match fields::spec(&path).map(|s| s.kind) {
        Some(FieldKind::Choice(keys)) => {
            view! { <ChoiceField path=path options=keys.to_vec() /> }.into_any()
        }
        Some(FieldKind::YesNo) => {
            view! { <ChoiceField path=path options=vec!["true", "false"] /> }.into_any()
        }
        Some(_) => view! { <TextField path=path /> }.into_any(),
        None => ().into_any(),
    }
}
