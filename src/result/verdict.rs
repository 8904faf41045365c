//! The verdict in large plain words, with the possible classes and the answers that would
//! settle it when unknowns remain.

use crate::result::markup::Markup;
use crate::result::path_label;
use crate::session::Session;
use mucsong_engine::result::{Class, ResultRecord, ScreeningOutcome};
use mucsong_widgets::i18n::I18n;

/// Writes the verdict box. Its one button ("answer these") is wired by the result page, whose
/// buttons in the assessment all go back to the check page.
pub fn write_verdict(m: &mut Markup, i18n: &I18n, session: &Session, result: &ResultRecord) {
    let class = result.class.key();
    let possible: Vec<&str> = result
        .possible_classes
        .iter()
        .map(|c| i18n.t(&format!("class_{}", c.key())))
        .collect();
    let headline = match (result.class, result.screening) {
        (Class::Undetermined, _) => i18n.tf(
            "verdict_undetermined",
            &[("classes", &possible.join(" / "))],
        ),
        (Class::NotPoor, Some(ScreeningOutcome::Excluded)) => {
            i18n.t("verdict_excluded").to_string()
        }
        (Class::NotPoor, Some(ScreeningOutcome::Stopped)) => i18n.t("verdict_stopped").to_string(),
        (c, _) => i18n.t(&format!("verdict_{}", c.key())).to_string(),
    };
    let depends: Vec<(String, &str)> = session
        .peek(|d| {
            result
                .depends_on
                .iter()
                .map(|p| (path_label(i18n, d, p), p.as_str()))
                .collect()
        })
        .unwrap_or_default();
    m.open_with(
        "div",
        &[
            ("class", &format!("verdict {class}")),
            ("data-testid", "verdict"),
            ("data-class", class),
        ],
    )
    .leaf(
        "p",
        r#"class="verdict-text" data-testid="verdict-text""#,
        &headline,
    )
    .leaf("p", r#"class="hint""#, i18n.t("verdict_estimate_note"));
    if !depends.is_empty() {
        m.open("div", r#"class="depends" data-testid="depends-on""#)
            .open("p", "")
            .leaf("strong", "", i18n.t("depends_title"))
            .close("p")
            .open("ul", r#"class="plain-list""#);
        // Each answer is a button to the question that asks it; the last button goes to each
        // in turn.
        for (label, path) in &depends {
            m.open("li", "")
                .open_with(
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "button link"),
                        ("data-action", path),
                    ],
                )
                .text(label)
                .close("button")
                .close("li");
        }
        m.close("ul")
            .leaf(
                "button",
                r#"type="button" class="button secondary small no-print""#,
                i18n.t("depends_go"),
            )
            .close("div");
    }
    m.close("div");
}
