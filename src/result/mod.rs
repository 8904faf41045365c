//! The result: verdict, scores, indicators, income distance, what would change the class,
//! supports, the 2027-2030 comparison, and the print view.

pub mod assessment_view;
pub mod indicator_list;
pub mod markup;
pub mod result_page;
pub mod score_section;
pub mod supports_section;
pub mod verdict;

use crate::questionnaire::member_name;
use mucsong_engine::rules::Reference;
use mucsong_questionnaire::draft::Draft;
use mucsong_questionnaire::fields::question_key;
use mucsong_widgets::i18n::I18n;

/// "Document, article, gazette" for a legal reference.
pub fn reference_text(reference: &Reference) -> String {
    let mut parts = vec![reference.document, reference.article];
    if reference.gazette != "-" && !reference.gazette.is_empty() {
        parts.push(reference.gazette);
    }
    parts.join(", ")
}

/// A readable name for an answer path: "Thành viên 2 — Có thẻ bảo hiểm y tế còn hạn".
pub fn path_label(i18n: &I18n, draft: &Draft, path: &str) -> String {
    let question = i18n.t(&question_key(path)).to_string();
    if let Some(rest) = path.strip_prefix("members[") {
        if let Some(index) = rest.split(']').next().and_then(|n| n.parse::<usize>().ok()) {
            return format!("{} — {question}", member_name(i18n, draft, index));
        }
    }
    question
}
