//! Which standard applies on the chosen assessment date, and the 2027-2030 change when relevant.
//! The edition and its income lines come from the rule data, never from this file.

use crate::result::markup::{Markup, Static};
use leptos::prelude::*;
use mucsong_engine::date::Date;
use mucsong_engine::rules::{edition_for, income_lines_on, next_edition_after};
use mucsong_i18n::Locale;
use mucsong_questionnaire::fields::group_thousands;
use mucsong_widgets::i18n::{use_i18n, I18n};

/// The rural and urban income lines in force on `on`, written for the current language.
fn income_lines(i18n: &I18n, on: Date) -> [(&'static str, String); 2] {
    let line = |area: usize| {
        income_lines_on(on)
            .map(|lines| lines[area])
            .map(|n| match i18n.locale() {
                Locale::Vi => group_thousands(n),
                Locale::En => group_thousands(n).replace('.', ","),
            })
            .unwrap_or_else(|| "?".to_string())
    };
    [("rural", line(0)), ("urban", line(1))]
}

/// A translated text with the income lines in force on `on` filled in.
fn with_lines(i18n: &I18n, key: &str, on: Date) -> String {
    let lines = income_lines(i18n, on);
    let args: Vec<(&str, &str)> = lines.iter().map(|(k, v)| (*k, v.as_str())).collect();
    i18n.tf(key, &args)
}

/// Says which edition of the standard applies on `date`.
#[component]
pub fn StandardNote(
    /// The assessment date as `YYYY-MM-DD` (reactive); `None` when not valid yet. Text rather than
    /// a `Date` so that the memo is of a type the app already compiles.
    date: Memo<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let mut m = Markup::new();
        m.open(
            "div",
            r#"class="note standard-note" data-testid="standard-note" role="note""#,
        );
        let today = date
            .get()
            .and_then(|d| Date::parse(&d).ok())
            .and_then(|d| edition_for(d).map(|e| (d, e)));
        match today {
            None => {
                m.leaf("p", "", i18n.t("standard_pick_date"));
            }
            Some((d, edition)) => {
                // A new edition starting next year is announced, with its own lines.
                let (title, body, lines) = if edition.provisional {
                    ("standard_2027_title", None, ("standard_2027_body", d))
                } else {
                    match next_edition_after(d) {
                        Some(next) => (
                            "standard_2022_title",
                            Some("standard_2026_body"),
                            ("standard_2026_change", next.since),
                        ),
                        None => ("standard_2022_title", None, ("standard_2022_body", d)),
                    }
                };
                m.open("p", "").leaf("strong", "", i18n.t(title)).close("p");
                if let Some(body) = body {
                    m.leaf("p", "", i18n.t(body));
                }
                m.leaf("p", "", &with_lines(&i18n, lines.0, lines.1));
            }
        }
        m.close("div");
        Static::new(m)
    }
}
