//! The result: verdict, scores, indicators, income distance, what would change the class,
//! supports, the 2027-2030 comparison, the QR code of the household record, and the print view.

pub mod assessment_view;
pub mod indicator_list;
pub mod markup;
pub mod qr_code;
pub mod result_page;
pub mod score_section;
pub mod supports_section;
pub mod verdict;

use crate::questionnaire::member_name;
use mucsong_engine::rules::Reference;
use mucsong_i18n::Locale;
use mucsong_questionnaire::draft::Draft;
use mucsong_questionnaire::fields::question_key;
use mucsong_widgets::i18n::I18n;

/// "Document, article, gazette" for a legal reference. The rule data writes references in
/// Vietnamese; in English the few citation words are put in English (document names stay as
/// they are published).
pub fn reference_text(i18n: &I18n, reference: &Reference) -> String {
    let mut parts = vec![reference.document, reference.article];
    if reference.gazette != "-" && !reference.gazette.is_empty() {
        parts.push(reference.gazette);
    }
    let mut text = parts.join(", ");
    if i18n.locale() == Locale::En {
        for (vi, en) in CITATION_WORDS {
            text = text.replace(vi, en);
        }
    }
    text
}

/// One folded "Căn cứ pháp lý" per section: the forms' names and legal citations, out of the way
/// of the plain explanation (printed open).
pub fn write_legal_basis(m: &mut markup::Markup, i18n: &I18n, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    m.open("details", r#"class="legal-basis""#)
        .leaf("summary", "", i18n.t("legal_title"));
    for line in lines {
        m.leaf("p", r#"class="hint""#, line);
    }
    m.close("details");
}

/// The Vietnamese words of the rule data's references and their English, longest first.
const CITATION_WORDS: [(&str, &str); 9] = [
    (
        "chưa có văn bản chính thức (theo tin báo chí)",
        "no official text yet (news reports)",
    ),
    ("bảng điểm Phiếu B1", "Phiếu B1 points"),
    ("điểm theo vùng của hộ thành thị", "urban region points"),
    ("sửa đổi bởi", "amended by"),
    ("Công báo", "Official Gazette"),
    ("Điều", "Art."),
    ("khoản", "cl."),
    ("tr. ", "p. "),
    ("mục", "item"),
];

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
