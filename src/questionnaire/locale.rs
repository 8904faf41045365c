//! Translation catalogues: `locales/<tag>.json` plus commune mode's `locales/commune.<tag>.json`
//! (kept apart so two people can edit them at once), embedded at build time and looked up by ASCII
//! snake_case key. Vietnamese is the default; English the second language.
//!
//! We use flat JSON files and a runtime lookup (rather than a compile-time i18n macro crate)
//! because the engine hands the UI translation keys at run time (problem codes, indicator keys,
//! interpretation keys), and because the whole first load must stay small.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    Vi,
    En,
}

impl Locale {
    /// Every locale, default first.
    pub const ALL: [Locale; 2] = [Locale::Vi, Locale::En];

    /// The BCP 47 tag, also used as the `lang` attribute and the storage value.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Vi => "vi",
            Locale::En => "en",
        }
    }

    /// Parses a tag; anything unknown is `None`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The catalogue's files: the main one and commune mode's. Their key sets must not overlap.
    fn sources(self) -> [&'static str; 2] {
        match self {
            Locale::Vi => [
                include_str!("../../locales/vi.json"),
                include_str!("../../locales/commune.vi.json"),
            ],
            Locale::En => [
                include_str!("../../locales/en.json"),
                include_str!("../../locales/commune.en.json"),
            ],
        }
    }

    /// Each file of the catalogue parsed on its own (the tests check they do not overlap).
    fn parts(self) -> Vec<HashMap<String, String>> {
        self.sources()
            .iter()
            .map(|source| {
                serde_json::from_str(source).expect("locale file is a flat JSON object of strings")
            })
            .collect()
    }

    /// The catalogue of this locale (parsed once).
    pub fn catalogue(self) -> &'static HashMap<String, String> {
        static VI: OnceLock<HashMap<String, String>> = OnceLock::new();
        static EN: OnceLock<HashMap<String, String>> = OnceLock::new();
        let cell = match self {
            Locale::Vi => &VI,
            Locale::En => &EN,
        };
        // The files are checked by the native tests below, so a parse failure is a build defect.
        cell.get_or_init(|| self.parts().into_iter().flatten().collect())
    }

    /// The text for `key`, or the key itself when missing (visible, never a crash).
    pub fn text(self, key: &str) -> &'static str {
        match self.catalogue().get(key) {
            Some(text) => text.as_str(),
            None => match Locale::Vi.catalogue().get(key) {
                Some(text) => text.as_str(),
                None => Box::leak(key.to_string().into_boxed_str()),
            },
        }
    }

    /// The text for `key` with `{name}` placeholders replaced.
    pub fn format(self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.text(key).to_string();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// Whether the catalogue has `key`.
    pub fn has(self, key: &str) -> bool {
        self.catalogue().contains_key(key)
    }
}

/// Formats whole đồng with dots between thousands, as Vietnamese write money ("1.500.000 đ").
pub fn format_vnd(amount: i64) -> String {
    // A no-break space keeps the amount and its unit on one line.
    format!(
        "{}\u{a0}đ",
        crate::questionnaire::fields::group_thousands(amount)
    )
}

/// A date as people write it: `01/06/2026` in Vietnamese, `2026-06-01` in English.
pub fn format_date(locale: Locale, date: crate::engine::date::Date) -> String {
    match locale {
        Locale::Vi => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
        Locale::En => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(locale: Locale) -> BTreeSet<String> {
        locale.catalogue().keys().cloned().collect()
    }

    #[test]
    fn every_locale_has_the_same_keys() {
        let vi = keys(Locale::Vi);
        let en = keys(Locale::En);
        let only_vi: Vec<_> = vi.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&vi).collect();
        assert!(
            only_vi.is_empty() && only_en.is_empty(),
            "only in vi: {only_vi:?}\nonly in en: {only_en:?}"
        );
    }

    #[test]
    fn the_files_of_a_catalogue_share_no_key() {
        for locale in Locale::ALL {
            let parts = locale.parts();
            let main: BTreeSet<&String> = parts[0].keys().collect();
            let commune: BTreeSet<&String> = parts[1].keys().collect();
            let both: Vec<_> = main.intersection(&commune).collect();
            assert!(
                both.is_empty(),
                "{}: keys in both files: {both:?}",
                locale.tag()
            );
            assert!(
                commune.iter().all(|k| k.starts_with("commune_")),
                "{}: commune keys must start with commune_",
                locale.tag()
            );
        }
    }

    #[test]
    fn keys_are_ascii_snake_case_and_texts_not_empty() {
        for locale in Locale::ALL {
            for (key, text) in locale.catalogue() {
                assert!(
                    !key.is_empty()
                        && key
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                    "{}: key {key:?} is not snake_case",
                    locale.tag()
                );
                assert!(!text.trim().is_empty(), "{}: {key} is empty", locale.tag());
            }
        }
    }

    /// Every `.t("…")`/`.tf("…"` key written literally in the app's source exists in the catalogue.
    #[test]
    #[cfg(not(target_arch = "wasm32"))] // reads the source tree
    fn every_literal_key_used_by_the_app_exists() {
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/app"
        ))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for marker in [".t(\"", ".tf(\"", ".tr(\""] {
                    for piece in text.split(marker).skip(1) {
                        let key = piece.split('"').next().unwrap();
                        if !Locale::Vi.has(key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys missing from locales: {missing:#?}"
        );
    }

    /// Keys the result page builds from engine values (indicator × status, classes, problem
    /// codes, support levels) all exist, so no engine outcome shows a raw key.
    #[test]
    fn every_key_built_from_engine_values_exists() {
        use crate::engine::rules::rules;
        use crate::engine::Indicator;
        let mut keys = Vec::new();
        for indicator in Indicator::ALL {
            for status in ["deprived", "not_deprived", "unknown"] {
                keys.push(format!("ind_{}_{status}", indicator.key()));
            }
        }
        for class in ["poor", "near_poor", "not_poor", "undetermined"] {
            keys.push(format!("class_{class}"));
            keys.push(format!("income_class_{class}"));
        }
        keys.push("income_class_average_living".into());
        for outcome in ["review", "excluded", "stopped", "undetermined"] {
            keys.push(format!("screening_{outcome}"));
        }
        for code in [
            "missing_assessment_date",
            "no_edition",
            "bad_date",
            "date_in_future",
            "negative_number",
            "out_of_range",
            "no_members",
            "unknown_field",
            "bad_value",
            "wrong_schema",
            "bad_json",
            "inconsistent",
        ] {
            keys.push(format!("problem_{code}"));
        }
        for support in &rules().supports {
            for level in [&support.poor, &support.near_poor, &support.other] {
                if level != "no" {
                    keys.push(format!("support_level_{level}"));
                }
            }
        }
        keys.retain(|k| !Locale::Vi.has(k));
        assert!(keys.is_empty(), "missing: {keys:#?}");
    }

    #[test]
    fn money_is_written_the_vietnamese_way() {
        assert_eq!(format_vnd(1_500_000), "1.500.000\u{a0}đ");
        assert_eq!(format_vnd(0), "0\u{a0}đ");
        assert_eq!(format_vnd(-250_000), "-250.000\u{a0}đ");
        assert_eq!(format_vnd(999), "999\u{a0}đ");
        let d = crate::engine::date::Date::parse("2026-06-01").unwrap();
        assert_eq!(format_date(Locale::Vi, d), "01/06/2026");
        assert_eq!(format_date(Locale::En, d), "2026-06-01");
    }
}
