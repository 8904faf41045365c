//! Translation catalogues, embedded at build time and looked up by ASCII snake_case key.
//! Vietnamese is the default; English the second language.
//!
//! Each page embeds only its own catalogue, so the household app's first load carries no commune
//! text: the household page uses `HOUSEHOLD` (`locales/<tag>.json`), commune mode's page uses
//! `COMMUNE` (`locales/commune.<tag>.json`), and both include `locales/shared.<tag>.json` (the top
//! bar, the language switch, the update banner). The three files share no key. A catalogue is a
//! `static` that only its page refers to, so the linker leaves the other page's files out.
//!
//! We use flat JSON files and a runtime lookup (rather than a compile-time i18n macro crate)
//! because the engine hands the UI translation keys at run time (problem codes, indicator keys,
//! interpretation keys), and because the whole first load must stay small. For the same reason
//! the files are not parsed at run time: build.rs checks them (Vietnamese and
//! English have the same keys, no key is in two files of a catalogue, every text is a non-empty
//! string) and compiles each catalogue into one sorted table of texts, searched by key.
//!
//! The household page's table holds Vietnamese only (what nearly every household reads): its
//! English texts are written by build.rs as a file of their own (`household.en.txt`, copied to
//! `dist/lazy/` by scripts/build.sh), which the page downloads when someone chooses English and
//! installs with `Catalogue::install_english`. Commune mode's table holds both languages.

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

    /// The text for `key` in the household catalogue (see `Catalogue::text`).
    pub fn text(self, key: &str) -> &'static str {
        HOUSEHOLD.text(self, key)
    }

    /// The household catalogue's text for `key` with `{name}` placeholders replaced.
    pub fn format(self, key: &str, args: &[(&str, &str)]) -> String {
        HOUSEHOLD.format(self, key, args)
    }

    /// Whether the household catalogue has `key`.
    pub fn has(self, key: &str) -> bool {
        HOUSEHOLD.has(self, key)
    }
}

use std::sync::OnceLock;

// HOUSEHOLD_TEXT, COMMUNE_TEXT and (for the tests) FILE_KEYS.
include!(concat!(env!("OUT_DIR"), "/locale_data.rs"));

/// The texts of one page in every locale: the page's own file plus the shared one, as one table
/// sorted by key. The household page's table holds the keys and the Vietnamese texts only; its
/// English texts are a file of their own (`LazyEnglish`), downloaded when someone chooses English.
pub struct Catalogue {
    /// The keys, then `SECTION` and the texts of each locale of `Locale::ALL` in key order, each
    /// ended by `UNIT`. Each key is written as one byte below `SECTION` giving how many leading
    /// bytes it shares with the key before it, then the rest of the key (keys are ASCII
    /// snake_case, so that byte also marks where a key starts).
    text: &'static str,
    /// The table split into keys and texts, made at the first lookup.
    table: OnceLock<Table>,
    /// For a catalogue whose English is not in `text`: that file's header and, once installed,
    /// its texts. Until then English lookups give the Vietnamese text.
    lazy: Option<LazyEnglish>,
}

/// The English texts of a catalogue, kept out of the compiled table (build.rs writes them as
/// `household.en.txt`: a header line, then the texts in key order, each ended by `UNIT`).
struct LazyEnglish {
    /// The file's first line as this build wrote it: the key count and a hash of the key list.
    header: &'static str,
    /// The file as the build wrote it, installed at the first lookup (native builds: tests and
    /// tools read English without a download); `None` in the browser.
    built_in: Option<&'static str>,
    /// The installed texts, in key order.
    texts: OnceLock<Box<[&'static str]>>,
}

/// Where the household page finds its English texts, relative to the page (scripts/build.sh
/// copies build.rs's file there).
pub const HOUSEHOLD_ENGLISH_URL: &str = "lazy/household.en.txt";

/// A catalogue split for lookups.
struct Table {
    /// Every key, sorted.
    keys: Vec<Box<str>>,
    /// Per locale of `Locale::ALL`, the text of each key, in key order.
    texts: [Vec<&'static str>; 2],
}

/// What `Catalogue::text` shows for a key the catalogue lacks.
pub static MISSING_TEXT: &str = "[?]";

/// Ends a text (ASCII unit separator).
const UNIT: char = '\u{1f}';
/// Separates the sections of a table (ASCII record separator).
const SECTION: char = '\u{1e}';

/// The household app's texts (`locales/<tag>.json` + shared): Vietnamese compiled in, English
/// installed from `HOUSEHOLD_ENGLISH_URL` (see `Catalogue::install_english`).
pub static HOUSEHOLD: Catalogue =
    Catalogue::with_lazy_english(HOUSEHOLD_TEXT, HOUSEHOLD_EN_HEADER, HOUSEHOLD_EN_BUILT_IN);

/// The English file, compiled in only where nothing is downloaded (native builds).
#[cfg(not(target_arch = "wasm32"))]
const HOUSEHOLD_EN_BUILT_IN: Option<&str> =
    Some(include_str!(concat!(env!("OUT_DIR"), "/household.en.txt")));
#[cfg(target_arch = "wasm32")]
const HOUSEHOLD_EN_BUILT_IN: Option<&str> = None;

/// Commune mode's texts (`locales/commune.<tag>.json` + shared).
pub static COMMUNE: Catalogue = Catalogue::new(COMMUNE_TEXT);

impl Catalogue {
    const fn new(text: &'static str) -> Catalogue {
        Catalogue {
            text,
            table: OnceLock::new(),
            lazy: None,
        }
    }

    /// A catalogue whose table holds Vietnamese only; English comes from a file with `header`.
    const fn with_lazy_english(
        text: &'static str,
        header: &'static str,
        built_in: Option<&'static str>,
    ) -> Catalogue {
        Catalogue {
            text,
            table: OnceLock::new(),
            lazy: Some(LazyEnglish {
                header,
                built_in,
                texts: OnceLock::new(),
            }),
        }
    }

    /// The English texts in key order, if this catalogue has them (compiled in or installed).
    fn english(&'static self) -> Option<&'static [&'static str]> {
        let Some(lazy) = &self.lazy else {
            return Some(&self.table().texts[1]);
        };
        if let (None, Some(file)) = (lazy.texts.get(), lazy.built_in) {
            // Checked by the tests; a failure here would only mean Vietnamese is shown.
            let _ = self.install_english(file);
        }
        lazy.texts.get().map(|t| &t[..])
    }

    /// Whether English can be shown now (always, but for a catalogue whose English file is not
    /// installed yet).
    pub fn has_english(&'static self) -> bool {
        self.english().is_some()
    }

    /// Installs the English texts from the file build.rs wrote (`HOUSEHOLD_ENGLISH_URL`): its
    /// header must be this build's (same keys), and it must have one text per key. A file from
    /// another version or anything else is refused, and English stays uninstalled. Installing
    /// twice keeps the first.
    pub fn install_english(&'static self, file: &'static str) -> Result<(), &'static str> {
        let Some(lazy) = &self.lazy else {
            return Ok(());
        };
        let texts = parse_english(lazy.header, self.table().keys.len(), file)?;
        let _ = lazy.texts.set(texts);
        Ok(())
    }

    /// The table, split on first use: the compiled catalogue carries no offsets (they compress
    /// poorly), so the keys are spelled out and the texts located once, here.
    fn table(&self) -> &Table {
        self.table.get_or_init(|| {
            let mut sections = self.text.split(SECTION);
            let mut keys = Vec::new();
            let mut key = String::new();
            let coded = sections.next().unwrap_or_default();
            let bytes = coded.as_bytes();
            let mut at = 0;
            while at < bytes.len() {
                let shared = usize::from(bytes[at]);
                let end = bytes[at + 1..]
                    .iter()
                    .position(|&b| b < SECTION as u8)
                    .map_or(bytes.len(), |p| at + 1 + p);
                key.truncate(shared);
                // The marker bytes are ASCII, so these are character boundaries.
                key.push_str(&coded[at + 1..end]);
                keys.push(key.as_str().into());
                at = end;
            }
            let mut texts = || {
                let mut column: Vec<&'static str> =
                    sections.next().unwrap_or_default().split(UNIT).collect();
                // Every text ends with UNIT: the piece after the last one is empty.
                column.pop();
                column
            };
            let texts = [texts(), texts()];
            Table { keys, texts }
        })
    }

    /// The position of `key` in the table.
    fn find(&self, key: &str) -> Option<usize> {
        self.table().keys.binary_search_by(|k| (**k).cmp(key)).ok()
    }

    /// The text for `key`, else `MISSING_TEXT` (visible, never a crash, and nothing allocated:
    /// the key is not `'static`, so showing it would mean leaking a copy on every lookup). The
    /// build refuses a key that Vietnamese or English lacks, so a key the table has always has a
    /// text in every locale; the tests check that every key the pages use or build from engine
    /// values is in the table.
    pub fn text(&'static self, locale: Locale, key: &str) -> &'static str {
        self.get(locale, key).unwrap_or(MISSING_TEXT)
    }

    /// The text for `key`, if the catalogue has it.
    /// English before it is installed gives the Vietnamese text.
    pub fn get(&'static self, locale: Locale, key: &str) -> Option<&'static str> {
        let i = self.find(key)?;
        let english = match locale {
            Locale::En => self.english(),
            Locale::Vi => None,
        };
        Some(english.map_or(self.table().texts[0][i], |texts| texts[i]))
    }

    /// The text for `key` with `{name}` placeholders replaced; a missing key shows as itself
    /// (the text is a new string anyway).
    pub fn format(&'static self, locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.get(locale, key).unwrap_or(key).to_string();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// Whether the catalogue has `key` in `locale` (every key is in every locale: see `text`).
    pub fn has(&self, _locale: Locale, key: &str) -> bool {
        self.find(key).is_some()
    }

    /// Every (key, text) of the catalogue in `locale`, in key order.
    #[cfg(test)]
    fn entries(
        &'static self,
        locale: Locale,
    ) -> impl Iterator<Item = (&'static str, &'static str)> {
        let table = self.table();
        let texts: &[&str] = match locale {
            Locale::Vi => &table.texts[0],
            Locale::En => self.english().expect("English installed"),
        };
        table.keys.iter().zip(texts).map(|(k, t)| (&**k, *t))
    }

    /// How many keys the catalogue has.
    #[cfg(all(test, not(target_arch = "wasm32")))] // used by the test that reads the files
    fn len(&'static self) -> usize {
        self.entries(Locale::Vi).count()
    }
}

/// The texts of an English file (`header` line, then `count` texts each ended by `UNIT`), or
/// why it is refused. (Static messages: formatting the file's text into them would cost the
/// page more code than the message is worth.)
fn parse_english(
    header: &str,
    count: usize,
    file: &'static str,
) -> Result<Box<[&'static str]>, &'static str> {
    let (first, body) = file.split_once('\n').unwrap_or((file, ""));
    if first != header {
        return Err("expected this version's header (key count and key hash), but found another");
    }
    let mut texts: Vec<&'static str> = body.split(UNIT).collect();
    // Every text ends with UNIT: the piece after the last one is empty.
    if texts.pop() != Some("") || texts.len() != count || texts.iter().any(|t| t.is_empty()) {
        return Err("expected one non-empty text per key, but found another number");
    }
    Ok(texts.into_boxed_slice())
}

/// Formats whole đồng with dots between thousands, as Vietnamese write money ("1.500.000 đ").
pub fn format_vnd(amount: i64) -> String {
    // A no-break space keeps the amount and its unit on one line.
    format!("{}\u{a0}đ", group_thousands(amount))
}

/// `1500000` → `1.500.000` (the Vietnamese thousands separator, whatever the locale: money and
/// answers are written so).
pub fn group_thousands(n: i64) -> String {
    let grouped = group_digits(n.unsigned_abs(), '.');
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A count with the locale's thousands separator ("100.000" / "100,000").
pub fn format_count(n: u64, locale: Locale) -> String {
    let separator = match locale {
        Locale::Vi => '.',
        Locale::En => ',',
    };
    group_digits(n, separator)
}

/// The digits of `n` in groups of three, `separator` between them.
fn group_digits(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

/// The `{first}` and `{last}` of the messages that say which assessment dates are accepted
/// (`err_start_date`, `err_assessment_date`, `problem_no_edition`): the first and last day of
/// the rule data's editions, as `locale` writes dates.
pub fn assessment_date_args(locale: Locale) -> [(&'static str, String); 2] {
    let dates = mucsong_rules::assessment_dates();
    [
        ("first", format_date(locale, *dates.start())),
        ("last", format_date(locale, *dates.end())),
    ]
}

/// A date as people write it: `01/06/2026` in Vietnamese, `2026-06-01` in English.
pub fn format_date(locale: Locale, date: mucsong_rules::date::Date) -> String {
    match locale {
        Locale::Vi => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
        Locale::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let month = MONTHS[usize::from(date.month()).clamp(1, 12) - 1];
            format!("{} {month} {}", date.day(), date.year())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(catalogue: &'static Catalogue, locale: Locale) -> BTreeSet<String> {
        catalogue
            .entries(locale)
            .map(|(k, _)| k.to_string())
            .collect()
    }

    /// The keys of one locale file, as the build read them.
    fn file_keys(path: &str) -> BTreeSet<String> {
        let (_, keys) = FILE_KEYS
            .iter()
            .find(|(p, _)| *p == path)
            .unwrap_or_else(|| panic!("{path} was not read by the build"));
        keys.iter().map(|k| k.to_string()).collect()
    }

    /// The table of each catalogue holds exactly the texts of its files, read here independently
    /// of the build (with serde_json), so the generated tables cannot drift from the files.
    #[test]
    #[cfg(not(target_arch = "wasm32"))] // reads the source tree
    fn the_tables_hold_exactly_the_locale_files() {
        use std::collections::BTreeMap;
        let read = |path: String| -> BTreeMap<String, String> {
            let full = format!("{}/locales/{path}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&full).unwrap();
            serde_json::from_str(&text).unwrap()
        };
        for (catalogue, own) in [(&HOUSEHOLD, ""), (&COMMUNE, "commune.")] {
            for locale in Locale::ALL {
                let tag = locale.tag();
                let mut expected = read(format!("{own}{tag}.json"));
                expected.extend(read(format!("shared.{tag}.json")));
                if own.is_empty() {
                    expected.extend(rule_labels(locale));
                }
                let table: BTreeMap<String, String> = catalogue
                    .entries(locale)
                    .map(|(k, t)| (k.to_string(), t.to_string()))
                    .collect();
                assert_eq!(table, expected, "{own}{tag}");
                assert_eq!(catalogue.len(), expected.len());
                for (key, text) in &expected {
                    assert_eq!(catalogue.text(locale, key), text);
                    assert!(catalogue.has(locale, key));
                }
            }
        }
        // A key the catalogue lacks shows as the marker (`format`: as itself).
        assert_eq!(HOUSEHOLD.text(Locale::En, "no_such_key"), MISSING_TEXT);
        assert_eq!(HOUSEHOLD.get(Locale::En, "no_such_key"), None);
        for missing in ["no_such_key", "", "a", "zzz", "start_title_", "start_titl"] {
            assert!(!HOUSEHOLD.has(Locale::Vi, missing), "{missing:?}");
            assert!(!COMMUNE.has(Locale::En, missing), "{missing:?}");
        }
        assert_eq!(
            HOUSEHOLD.format(Locale::Vi, "no_such_key_{n}", &[("n", "3")]),
            "no_such_key_3"
        );
    }

    /// The English file the build writes (OUT_DIR, and the copy scripts/build.sh puts in dist/)
    /// has one text per key of the table, in its order, after a header that names the key count
    /// and a hash of the key list.
    #[test]
    #[cfg(not(target_arch = "wasm32"))] // reads the build's files
    fn the_english_file_and_the_table_agree() {
        let file = include_str!(concat!(env!("OUT_DIR"), "/household.en.txt"));
        let stable = format!(
            "{}/../../target/locales/household.en.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        assert_eq!(std::fs::read_to_string(&stable).unwrap(), file, "{stable}");
        let (header, body) = file.split_once('\n').unwrap();
        assert_eq!(header, HOUSEHOLD_EN_HEADER);
        let table = HOUSEHOLD.table();
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for key in &table.keys {
            for byte in key.bytes().chain([b'\n']) {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        assert_eq!(
            header,
            format!("mucsong-household-en {} {hash:016x}", table.keys.len())
        );
        let texts: Vec<&str> = body.split(UNIT).collect();
        assert_eq!(texts.len(), table.keys.len() + 1);
        // The compiled table has no English; every key has its English text in the file.
        assert!(table.texts[1].is_empty());
        assert_eq!(table.texts[0].len(), table.keys.len());
        for (key, text) in table.keys.iter().zip(&texts) {
            assert!(!text.trim().is_empty(), "{key}");
            assert_eq!(HOUSEHOLD.get(Locale::En, key), Some(*text), "{key}");
        }
    }

    /// In the browser English is not there until the file is installed: English lookups give
    /// the Vietnamese text (never the missing marker), a file with another header or the wrong
    /// number of texts is refused, and the right one switches every text to English.
    #[test]
    fn english_falls_back_to_vietnamese_until_a_good_file_is_installed() {
        static PAGE: Catalogue =
            Catalogue::with_lazy_english(HOUSEHOLD_TEXT, HOUSEHOLD_EN_HEADER, None);
        let file = HOUSEHOLD_EN_BUILT_IN
            .unwrap_or(include_str!(concat!(env!("OUT_DIR"), "/household.en.txt")));
        let vi = PAGE.text(Locale::Vi, "start_title");
        assert!(!PAGE.has_english());
        assert_eq!(PAGE.text(Locale::En, "start_title"), vi);
        assert_eq!(PAGE.text(Locale::En, "no_such_key"), MISSING_TEXT);
        let body = file.split_once('\n').unwrap().1;
        let other_keys: &'static str =
            format!("mucsong-household-en 3 0123456789abcdef\n{body}").leak();
        let truncated: &'static str = file[..file.len() - 2].to_string().leak();
        let no_header: &'static str = body.to_string().leak();
        for bad in [
            other_keys,
            truncated,
            no_header,
            "",
            "<!DOCTYPE html><html>",
        ] {
            assert!(
                PAGE.install_english(bad).is_err(),
                "{:?}",
                &bad[..bad.len().min(60)]
            );
            assert!(!PAGE.has_english());
            assert_eq!(PAGE.text(Locale::En, "start_title"), vi);
        }
        PAGE.install_english(file).unwrap();
        assert!(PAGE.has_english());
        assert_eq!(
            PAGE.text(Locale::En, "start_title"),
            HOUSEHOLD.text(Locale::En, "start_title")
        );
        assert_ne!(PAGE.text(Locale::En, "start_title"), vi);
        assert_eq!(PAGE.text(Locale::Vi, "start_title"), vi);
        // Commune mode's catalogue has both languages compiled in.
        assert!(COMMUNE.has_english());
        assert_ne!(
            COMMUNE.text(Locale::En, "commune_title"),
            COMMUNE.text(Locale::Vi, "commune_title")
        );
    }

    #[test]
    fn every_locale_has_the_same_keys() {
        for (name, catalogue) in [("household", &HOUSEHOLD), ("commune", &COMMUNE)] {
            let vi = keys(catalogue, Locale::Vi);
            let en = keys(catalogue, Locale::En);
            assert_eq!(vi, en, "{name}");
        }
        for file in ["", "shared.", "commune."] {
            let vi = file_keys(&format!("locales/{file}vi.json"));
            let en = file_keys(&format!("locales/{file}en.json"));
            let only_vi: Vec<_> = vi.difference(&en).collect();
            let only_en: Vec<_> = en.difference(&vi).collect();
            assert!(
                only_vi.is_empty() && only_en.is_empty(),
                "{file}: only in vi: {only_vi:?}\nonly in en: {only_en:?}"
            );
        }
    }

    /// The rule data's wordings, which the household catalogue holds besides its files.
    fn rule_labels(locale: Locale) -> std::collections::BTreeMap<String, String> {
        mucsong_rules::all_labels()
            .map(|(id, vi, en)| {
                let text = if locale == Locale::Vi { vi } else { en };
                (mucsong_rules::label_key(id), text.to_string())
            })
            .collect()
    }

    #[test]
    fn the_rule_data_wordings_are_in_the_household_catalogue_in_both_languages() {
        let indicator = mucsong_rules::rules().indicators.first().unwrap();
        assert_eq!(
            HOUSEHOLD.text(Locale::Vi, &indicator.label_key()),
            indicator.label_vi()
        );
        assert_eq!(
            HOUSEHOLD.text(Locale::En, &indicator.label_key()),
            indicator.label_en()
        );
        assert!(mucsong_rules::all_labels().count() > 50);
    }

    #[test]
    fn the_household_commune_and_shared_files_share_no_key() {
        for locale in Locale::ALL {
            let tag = locale.tag();
            let household = file_keys(&format!("locales/{tag}.json"));
            let commune = file_keys(&format!("locales/commune.{tag}.json"));
            let shared = file_keys(&format!("locales/shared.{tag}.json"));
            // Each catalogue is its page's file plus the shared one.
            let rules: BTreeSet<String> = rule_labels(locale).into_keys().collect();
            assert_eq!(
                keys(&HOUSEHOLD, locale),
                household.union(&shared).chain(&rules).cloned().collect()
            );
            assert_eq!(
                keys(&COMMUNE, locale),
                commune.union(&shared).cloned().collect()
            );
            for (a, b, what) in [
                (&household, &commune, "household and commune"),
                (&household, &shared, "household and shared"),
                (&commune, &shared, "commune and shared"),
            ] {
                let both: Vec<_> = a.intersection(b).collect();
                assert!(
                    both.is_empty(),
                    "{tag}: keys in both the {what} files: {both:?}"
                );
            }
            assert!(
                commune.iter().all(|k| k.starts_with("commune_")),
                "{tag}: commune keys must start with commune_"
            );
            // The household page must not carry commune mode's texts, and the other way round.
            assert!(!HOUSEHOLD.has(locale, "commune_title"));
            assert!(!COMMUNE.has(locale, "start_title") && COMMUNE.has(locale, "commune_title"));
        }
    }

    #[test]
    fn keys_are_ascii_snake_case_and_texts_not_empty() {
        for catalogue in [&HOUSEHOLD, &COMMUNE] {
            for locale in Locale::ALL {
                for (key, text) in catalogue.entries(locale) {
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
    }

    /// Every `.t("…")`/`.tf("…"` key written literally in the app's source exists in the
    /// catalogue of the page that shows it: commune mode's files (`crates/commune-app`,
    /// `crates/commune`) in the commune catalogue, the widgets both pages use (`crates/widgets`) in
    /// the shared file, every other file in the
    /// household catalogue.
    #[test]
    #[cfg(not(target_arch = "wasm32"))] // reads the source tree
    fn every_literal_key_used_by_the_app_exists_in_its_page() {
        let root = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let shared = file_keys("locales/shared.vi.json");
        let mut missing = Vec::new();
        let mut n_checked = [0; 3];
        // 0: household page, 1: commune page, 2: both (shared file).
        let mut stack: Vec<(std::path::PathBuf, usize)> = [
            ("src", 0),
            ("crates/questionnaire/src", 0),
            ("crates/commune-app/src", 1),
            ("crates/commune/src", 1),
            ("crates/widgets/src", 2),
        ]
        .into_iter()
        .map(|(dir, page)| (root.join(dir), page))
        .collect();
        while let Some((dir, page)) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push((path, page));
                    continue;
                }
                let exists = |key: &str| match page {
                    0 => HOUSEHOLD.has(Locale::Vi, key),
                    1 => COMMUNE.has(Locale::Vi, key),
                    _ => shared.contains(key),
                };
                let text = std::fs::read_to_string(&path).unwrap();
                for marker in [".t(\"", ".tf(\"", ".tr(\""] {
                    for piece in text.split(marker).skip(1) {
                        let key = piece.split('"').next().unwrap();
                        n_checked[page] += 1;
                        if !exists(key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys missing from their page's catalogue: {missing:#?}"
        );
        // The walk really saw each kind of file.
        assert!(n_checked.iter().all(|&n| n > 0), "{n_checked:?}");
    }

    /// A key the catalogue lacks costs nothing: every lookup gives the same static marker, so
    /// nothing is allocated (it was a leaked copy of the key per lookup).
    #[test]
    fn a_missing_key_allocates_nothing() {
        let first = HOUSEHOLD.text(Locale::Vi, "no_such_key");
        let again = COMMUNE.text(Locale::En, &format!("no_such_{}", "key"));
        assert!(
            std::ptr::eq(first, again),
            "{first:?} at {first:p}, {again:?} at {again:p}"
        );
        assert!(std::ptr::eq(first, MISSING_TEXT));
    }

    /// Every key the household page builds from an engine value (`format!("class_{}", …)` and
    /// the like in src/result/), for every value of the engine's enums: a variant added without
    /// its texts fails here, whichever page would show it.
    fn keys_built_from_engine_values() -> Vec<String> {
        use mucsong_engine::result::{Class, IncomeClass, IndicatorStatus, ScreeningOutcome};
        use mucsong_engine::rules::{rules, Region};
        use mucsong_engine::{Indicator, ProblemCode};
        let mut keys = Vec::new();
        for status in IndicatorStatus::ALL {
            // indicator_list.rs: the status word and each indicator's sentence.
            keys.push(format!("status_{}", status.key()));
            for indicator in Indicator::ALL {
                keys.push(format!("ind_{}_{}", indicator.key(), status.key()));
            }
        }
        for class in Class::ALL {
            // verdict.rs (the headline and the possible classes), supports_section.rs (changes).
            keys.push(format!("class_{}", class.key()));
            keys.push(format!("verdict_{}", class.key()));
        }
        for class in IncomeClass::ALL {
            keys.push(format!("income_class_{}", class.key()));
        }
        for outcome in ScreeningOutcome::ALL {
            keys.push(format!("screening_{}", outcome.key()));
        }
        for code in ProblemCode::ALL {
            keys.push(format!("problem_{}", code.key()));
        }
        for region in Region::ALL {
            // score_section.rs: B1's urban region rows.
            keys.push(format!("opt_region_{}", region.key()));
        }
        for support in &rules().supports {
            for level in [support.poor, support.near_poor, support.other] {
                if level != "no" {
                    keys.push(format!("support_level_{level}"));
                }
            }
        }
        keys
    }

    #[test]
    fn every_key_built_from_engine_values_exists() {
        let mut missing = keys_built_from_engine_values();
        assert!(missing.len() > 80, "{}", missing.len());
        missing.retain(|k| !HOUSEHOLD.has(Locale::Vi, k));
        assert!(missing.is_empty(), "missing: {missing:#?}");
    }

    /// The messages that quote the accepted assessment dates quote the rule data's, in each
    /// language's way of writing dates.
    #[test]
    fn the_accepted_dates_in_messages_are_the_rule_data_s() {
        let dates = mucsong_rules::assessment_dates();
        for locale in Locale::ALL {
            let args = assessment_date_args(locale);
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let first = format_date(locale, *dates.start());
            let last = format_date(locale, *dates.end());
            for key in [
                "err_start_date",
                "err_assessment_date",
                "problem_no_edition",
            ] {
                let text = HOUSEHOLD.format(locale, key, &args);
                assert!(
                    text.contains(&first) && text.contains(&last) && !text.contains("{first}"),
                    "{}: {key}: {text}",
                    locale.tag()
                );
            }
        }
        assert_eq!(
            assessment_date_args(Locale::Vi)[0].1,
            format!(
                "{:02}/{:02}/{}",
                dates.start().day(),
                dates.start().month(),
                dates.start().year()
            )
        );
        // No other text names the first or last year of the editions as a bound.
        for catalogue in [&HOUSEHOLD, &COMMUNE] {
            for locale in Locale::ALL {
                for (key, text) in catalogue.entries(locale) {
                    for date in [*dates.start(), *dates.end()] {
                        assert!(
                            !text.contains(&date.to_string())
                                && !text.contains(&format_date(Locale::Vi, date)),
                            "{}: {key} writes {date} out: {text}",
                            locale.tag()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn money_is_written_the_vietnamese_way() {
        assert_eq!(format_vnd(1_500_000), "1.500.000\u{a0}đ");
        assert_eq!(format_vnd(0), "0\u{a0}đ");
        assert_eq!(format_vnd(-250_000), "-250.000\u{a0}đ");
        assert_eq!(format_vnd(999), "999\u{a0}đ");
        let d = mucsong_rules::date::Date::parse("2026-06-01").unwrap();
        assert_eq!(format_date(Locale::Vi, d), "01/06/2026");
        assert_eq!(format_date(Locale::En, d), "1 Jun 2026");
    }
}
