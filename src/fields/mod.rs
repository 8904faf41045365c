//! Inputs for the questionnaire's fields: one component per kind of answer, each labelled, with
//! a "Không biết / Don't know" choice and a reserved error line (no layout shift); and the event
//! handlers every button and form of the household app is wired through (`events`).

pub mod choice_field;
pub mod count_checklist;
pub mod field;
pub mod icons;
pub mod text_field;

pub use field::Field;
pub use mucsong_widgets::events::{on_click, on_event};
pub use mucsong_widgets::reactive::{dynamic, flag, keyed_list, text};

use mucsong_questionnaire::fields::FieldError;
use mucsong_widgets::i18n::I18n;

/// A DOM id for a field path (`members[2].height_cm` → `f-members-2--height_cm`).
pub fn dom_id(path: &str) -> String {
    format!("f-{}", path.replace(['[', ']', '.'], "-"))
}

/// A validation message naming the field, what was expected and what was found.
pub fn error_text(i18n: &I18n, path: &str, error: &FieldError) -> String {
    let label = i18n.t(&mucsong_questionnaire::fields::question_key(path));
    let mut args: Vec<(&str, &str)> = error.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    args.push(("field", label));
    tf_with_assessment_dates(i18n, error.key, &args)
}

/// `key`'s text with `args` and, as `{first}` and `{last}`, the first and last assessment dates
/// the rule data's editions cover (the messages about the assessment date quote them; the
/// others do not use them).
pub fn tf_with_assessment_dates(i18n: &I18n, key: &str, args: &[(&str, &str)]) -> String {
    let dates = mucsong_i18n::assessment_date_args(i18n.locale());
    let mut all = args.to_vec();
    all.extend(dates.iter().map(|(k, v)| (*k, v.as_str())));
    i18n.tf(key, &all)
}
