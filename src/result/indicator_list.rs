//! The indicators as a checklist: deprived / fine / unknown, the reason in one sentence, the
//! members concerned, and the legal reference.

use crate::questionnaire::member_name;
use crate::result::markup::Markup;
use crate::result::{reference_text, write_legal_basis};
use crate::session::Session;
use mucsong_engine::explanation::{IndicatorExplanation, Reason};
use mucsong_engine::result::IndicatorStatus;
use mucsong_engine::rules::rules;
use mucsong_widgets::i18n::I18n;

/// The indicator's label from the rule data, in the current language.
pub fn indicator_label(i18n: &I18n, e: &IndicatorExplanation) -> String {
    let rule = rules().indicator(e.indicator);
    i18n.t(&rule.label_key()).to_string()
}

/// Writes the checklist of the edition's indicators (as explained by the engine), with the
/// members concerned from the engine's reasons (`Explanation::reasons`).
pub fn write_indicator_list(
    m: &mut Markup,
    i18n: &I18n,
    session: &Session,
    indicators: &[IndicatorExplanation],
    reasons: &[Reason],
) {
    // Most indicators share one legal source: say it once under the list, and per indicator only
    // where it differs.
    let common = indicators.first().map(|e| e.reference);
    m.open("ul", r#"class="indicator-list" data-testid="indicators""#);
    for e in indicators {
        let status = e.status.key();
        let key = e.indicator.key();
        let mark = match e.status {
            IndicatorStatus::Deprived => "✗",
            IndicatorStatus::NotDeprived => "✓",
            IndicatorStatus::Unknown => "?",
        };
        // The members whose facts made the indicator deprived (or left it unknown).
        let mut members: Vec<usize> = reasons
            .iter()
            .filter(|r| r.indicator == e.indicator && r.effect == e.status)
            .filter_map(|r| r.member.map(usize::from))
            .collect();
        members.dedup();
        let names: Vec<String> = session
            .peek(|d| members.iter().map(|m| member_name(i18n, d, *m)).collect())
            .unwrap_or_default();
        m.open_with(
            "li",
            &[
                ("class", &format!("indicator {status}")),
                ("data-testid", &format!("indicator-{key}")),
                ("data-status", status),
            ],
        )
        .leaf("span", r#"class="mark" aria-hidden="true""#, mark)
        .open("span", "")
        .leaf("strong", "", &indicator_label(i18n, e))
        .text(" — ")
        .leaf(
            "span",
            r#"class="status-text""#,
            i18n.t(&format!("status_{status}")),
        );
        if e.provisional {
            m.text(" ")
                .leaf("span", r#"class="provisional-tag""#, i18n.t("provisional"));
        }
        m.close("span")
            .open("span", r#"class="reason""#)
            .text(i18n.t(&format!("ind_{key}_{status}")));
        if !names.is_empty() && e.status != IndicatorStatus::NotDeprived {
            m.text(" ")
                .text(&i18n.tf("members_involved", &[("names", &names.join(", "))]));
        }
        m.close("span").close("li");
    }
    m.close("ul");
    // The legal source, once for the indicators that share it and then where one differs.
    let mut legal: Vec<String> = common
        .map(|r| i18n.tf("legal_basis", &[("reference", &reference_text(i18n, r))]))
        .into_iter()
        .collect();
    for e in indicators.iter().filter(|e| Some(e.reference) != common) {
        legal.push(format!(
            "{}: {}",
            indicator_label(i18n, e),
            reference_text(i18n, e.reference)
        ));
    }
    write_legal_basis(m, i18n, &legal);
}
