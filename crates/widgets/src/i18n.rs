//! The language context: which locale is shown, and `t`/`tf` lookups (in the page's own
//! catalogue) that re-render on change.

use leptos::prelude::*;
use mucsong_i18n::{Catalogue, Locale, HOUSEHOLD};

/// The current language and the page's texts, shared through context. Reading a text
/// subscribes to language changes.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
    /// The household page's or commune mode's catalogue: each page carries only its own.
    catalogue: &'static Catalogue,
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

    /// Switches language, remembers it, and updates `<html lang>` for screen readers.
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
        if let Some(window) = web_sys::window() {
            if let Ok(Some(storage)) = window.local_storage() {
                let _ = storage.set_item(LOCALE_KEY, locale.tag());
            }
            if let Some(html) = window.document().and_then(|d| d.document_element()) {
                let _ = html.set_attribute("lang", locale.tag());
            }
        }
    }
}

/// Creates the household page's language context (see `provide_i18n_for`).
pub fn provide_i18n() -> I18n {
    provide_i18n_for(&HOUSEHOLD)
}

/// Creates the language context of a page with its catalogue, from the remembered choice
/// (Vietnamese by default).
pub fn provide_i18n_for(catalogue: &'static Catalogue) -> I18n {
    let remembered = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LOCALE_KEY).ok().flatten())
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or(Locale::Vi);
    let i18n = I18n {
        locale: RwSignal::new(remembered),
        catalogue,
    };
    i18n.set_locale(remembered);
    provide_context(i18n);
    i18n
}

/// The language context provided by the page's top-level component.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
