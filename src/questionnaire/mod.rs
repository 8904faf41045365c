//! The household questionnaire: start page, one screen per question group, the member editor,
//! the check page and the result.

pub mod about;
pub mod check_page;
pub mod exclusion_stop;
pub mod household_section;
pub mod income_step;
pub mod interim_verdict;
pub mod members_list;
pub mod progress_bar;
pub mod province_picker;
// The `Questionnaire` component lives in the file of its name (the style of every component).
#[allow(clippy::module_inception)]
pub mod questionnaire;
pub mod standard_note;
pub mod start_page;
pub mod step_body;

pub use household_section::HouseholdSection;

use mucsong_questionnaire::draft::Draft;
use mucsong_widgets::i18n::I18n;

/// A member's display name: the name given, or "Thành viên 2".
pub fn member_name(i18n: &I18n, draft: &Draft, index: usize) -> String {
    let name = draft
        .record
        .members
        .as_ref()
        .and_then(|m| m.get(index))
        .and_then(|m| m.name.clone())
        .filter(|n| !n.trim().is_empty());
    name.unwrap_or_else(|| i18n.tf("member_n", &[("n", &(index + 1).to_string())]))
}
