//! Which standard applies on the chosen assessment date, and the 2027-2030 change when relevant.
//! The edition and its income lines come from the rule data, never from this file.

use crate::fields::dynamic;
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
    view! {
        <div class="note standard-note" data-testid="standard-note" role="note">
            {dynamic(move || {
                let Some((d, edition)) = date.get().and_then(|d| Date::parse(&d).ok()).and_then(|d| edition_for(d).map(|e| (d, e))) else {
                    return view! { <p>{i18n.t("standard_pick_date")}</p> }.into_any();
                };
                if edition.provisional {
                    return view! {
                        <p><strong>{i18n.t("standard_2027_title")}</strong></p>
                        <p>{with_lines(&i18n, "standard_2027_body", d)}</p>
                    }
                    .into_any();
                }
                // A new edition starting next year is announced, with its own lines.
                let next = next_edition_after(d).map(|e| e.since);
                match next {
                    Some(since) => view! {
                        <p><strong>{i18n.t("standard_2022_title")}</strong></p>
                        <p>{i18n.t("standard_2026_body")}</p>
                        <p>{with_lines(&i18n, "standard_2026_change", since)}</p>
                    }
                    .into_any(),
                    None => view! {
                        <p><strong>{i18n.t("standard_2022_title")}</strong></p>
                        <p>{with_lines(&i18n, "standard_2022_body", d)}</p>
                    }
                    .into_any(),
                }
            })}
        </div>
    }
}
