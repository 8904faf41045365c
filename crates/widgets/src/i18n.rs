//! The language context: which locale is shown, and `t`/`tf` lookups (in the page's own
//! catalogue) that re-render on change.
//!
//! The household page's English texts are not in its wasm (see mucsong-i18n): choosing English
//! downloads them once (`HOUSEHOLD_ENGLISH_URL`, then cached by the service worker), installs
//! them and only then switches; the page stays in Vietnamese until they are there, and says so
//! if the download fails.

use leptos::prelude::*;
use mucsong_i18n::{Catalogue, Locale, HOUSEHOLD, HOUSEHOLD_ENGLISH_URL};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Where the download of the English texts stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnglishDownload {
    /// Nothing under way (English is installed, or was not asked for).
    Idle,
    /// Downloading; the page switches to English when it is installed.
    Loading,
    /// The last download failed (offline and never cached): the page stayed in Vietnamese.
    Failed,
}

/// The current language and the page's texts, shared through context. Reading a text
/// subscribes to language changes.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
    /// The household page's or commune mode's catalogue: each page carries only its own.
    catalogue: &'static Catalogue,
    /// The download of the catalogue's English texts, when they are not compiled in.
    english: RwSignal<EnglishDownload>,
    /// What downloads them: only the household page names it, so commune mode's page (whose
    /// catalogue has English compiled in) does not carry the download code.
    download: Option<fn(I18n)>,
}

/// Where the language choice is remembered (only the language: no personal data). Both pages
/// use it, so the choice follows the person from one to the other.
const LOCALE_KEY: &str = "mucsong.locale";

impl I18n {
    /// The text for `key` in the current language.
    pub fn t(&self, key: &str) -> &'static str {
        self.catalogue.text(self.locale.get(), key)
    }

    /// The text for `key` with `{name}` placeholders filled in.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.catalogue.format(self.locale.get(), key, args)
    }

    /// The text for `key` as a view that follows language changes. Every call gives the same
    /// closure type, so the app's many translated labels share one compiled copy of the
    /// rendering code instead of one per label (each `move || i18n.t(key)` written in a view is
    /// a type of its own, and Leptos compiles its rendering once per type).
    pub fn tr(self, key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// Like `tr`, for a key built at run time (`q_members_height_cm`).
    pub fn tr_owned(self, key: String) -> impl Fn() -> &'static str + Send + Sync + 'static {
        move || self.t(&key)
    }

    /// Whether a key exists (hints are optional per field).
    pub fn has(&self, key: &str) -> bool {
        self.catalogue.has(Locale::Vi, key)
    }

    /// Of a wording given in both languages (the rule data's labels), the one in the current
    /// language.
    pub fn pick(&self, vi: &'static str, en: &'static str) -> &'static str {
        match self.locale() {
            Locale::Vi => vi,
            Locale::En => en,
        }
    }

    /// The current language.
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Where the download of the English texts stands (the language switch shows a failure).
    pub fn english_download(&self) -> EnglishDownload {
        self.english.get()
    }

    /// Switches language, remembers it, and updates `<html lang>` for screen readers. English
    /// whose texts are not installed yet is downloaded first; the switch happens when they are.
    pub fn set_locale(&self, locale: Locale) {
        if locale == Locale::En && !self.catalogue.has_english() {
            if let Some(download) = self.download {
                download(*self);
            }
            return;
        }
        // Choosing Vietnamese while English downloads cancels the switch (not the download).
        if self.english.get_untracked() != EnglishDownload::Idle {
            self.english.set(EnglishDownload::Idle);
        }
        self.show(locale);
        if let Some(storage) =
            web_sys::window().and_then(|window| window.local_storage().ok().flatten())
        {
            let _ = storage.set_item(LOCALE_KEY, locale.tag());
        }
    }

    /// Downloads and installs the English texts, then switches to English unless Vietnamese was
    /// chosen meanwhile. On failure the page stays as it is and `english_download` says so.
    fn download_english(self) {
        if self.english.get_untracked() == EnglishDownload::Loading {
            return;
        }
        self.english.set(EnglishDownload::Loading);
        spawn_local(async move {
            let installed = match fetch_text(HOUSEHOLD_ENGLISH_URL).await {
                // Leaked once: the texts live as long as the page.
                Ok(text) => self.catalogue.install_english(text.leak()),
                Err(e) => Err(e),
            };
            let wanted = self.english.get_untracked() == EnglishDownload::Loading;
            match installed {
                Ok(()) if wanted => self.set_locale(Locale::En),
                Ok(()) => {}
                Err(e) => {
                    web_sys::console::warn_2(&HOUSEHOLD_ENGLISH_URL.into(), &e.into());
                    if wanted {
                        self.english.set(EnglishDownload::Failed);
                    }
                }
            }
        });
    }

    /// Shows `locale` (the signal and `<html lang>`), remembering nothing.
    fn show(&self, locale: Locale) {
        self.locale.set(locale);
        if let Some(window) = web_sys::window() {
            if let Some(html) = window.document().and_then(|d| d.document_element()) {
                let _ = html.set_attribute("lang", locale.tag());
            }
        }
    }
}

/// Creates the household page's language context (see `provide_i18n_for`), which downloads the
/// English texts when English is chosen.
pub fn provide_i18n() -> I18n {
    provide_i18n_with(&HOUSEHOLD, Some(I18n::download_english))
}

/// Creates the language context of a page with its catalogue (both languages compiled in), from
/// the remembered choice (Vietnamese by default).
pub fn provide_i18n_for(catalogue: &'static Catalogue) -> I18n {
    provide_i18n_with(catalogue, None)
}

/// A page's language context; `download` fetches and installs English when the catalogue lacks it.
fn provide_i18n_with(catalogue: &'static Catalogue, download: Option<fn(I18n)>) -> I18n {
    let remembered = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LOCALE_KEY).ok().flatten())
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or(Locale::Vi);
    let i18n = I18n {
        locale: RwSignal::new(Locale::Vi),
        catalogue,
        english: RwSignal::new(EnglishDownload::Idle),
        download,
    };
    // Vietnamese until English is installed (a remembered English starts its download); the
    // remembered choice stays as it is meanwhile.
    i18n.show(Locale::Vi);
    if remembered == Locale::En {
        i18n.set_locale(Locale::En);
    }
    provide_context(i18n);
    i18n
}

/// The language context provided by the page's top-level component.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The text of a same-origin file, or why it could not be had (offline and not cached, an HTTP
/// error).
async fn fetch_text(url: &str) -> Result<String, &'static str> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network failed (offline and not cached)")?
        .unchecked_into();
    if !response.ok() {
        return Err("expected HTTP 200, but the server answered otherwise");
    }
    let text = response.text().map_err(|_| "unreadable")?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| "the download broke off")?;
    text.as_string().ok_or("not text")
}
