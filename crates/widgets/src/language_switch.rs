//! The language switch: two large buttons, the current one pressed, and why English is not
//! shown when its texts could not be downloaded.

use crate::i18n::{use_i18n, EnglishDownload};
use crate::{flag, on_click, text};
use leptos::prelude::*;
use mucsong_i18n::Locale;

/// Buttons to switch between Tiếng Việt and English.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-switch" role="group" aria-label=i18n.tr("language")>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    view! {
                        <button
                            type="button"
                            class="lang-button"
                            lang=locale.tag()
                            data-testid=format!("lang-{}", locale.tag())
                            aria-pressed=text(move || (i18n.locale() == locale).to_string())
                            on:click=on_click(move || i18n.set_locale(locale))
                        >
                            {match locale {
                                Locale::Vi => "Tiếng Việt",
                                Locale::En => "English",
                            }}
                        </button>
                    }
                    .into_any()
                })
                .collect_view()}
            // In both languages: the page is in Vietnamese, the person asked for English.
            <p
                class="lang-failed"
                role="status"
                data-testid="lang-failed"
                hidden=flag(move || i18n.english_download() != EnglishDownload::Failed)
            >
                "Cần có mạng một lần để tải tiếng Anh. "
                <span lang="en">"English needs the network once to download."</span>
            </p>
        </div>
    }
}
