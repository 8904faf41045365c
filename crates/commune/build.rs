//! Checks commune mode's rule data (`data/commune.toml`: province targets, reduction targets,
//! commune mode's interpretations) and writes it as Rust constants (`OUT_DIR/commune_data.rs`,
//! included by `src/data.rs`), so bad data fails the build with the entry named and the page
//! parses nothing at run time. Also checks the names of `data/columns.toml` (the columns, areas and
//! regions of a household sheet as people name them, for the import) and writes them folded and
//! sorted (`OUT_DIR/column_names.rs`), so a lookup is a binary search.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;

#[path = "src/fold.rs"]
mod fold;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    targets: Targets,
    interpretation: Vec<Interpretation>,
    flag_message: Vec<FlagMessage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlagMessage {
    kind: String,
    vi: String,
    en: String,
}

/// The `{name}` placeholders of a template, or `None` when its braces do not pair.
fn placeholders(text: &str) -> Option<Vec<String>> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return None;
        }
        let close = rest[open..].find('}')? + open;
        let name = &rest[open + 1..close];
        if !is_key(name) {
            return None;
        }
        names.push(name.to_string());
        rest = &rest[close + 1..];
    }
    names.sort();
    Some(names)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reference {
    document: String,
    article: String,
    gazette: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Targets {
    province: String,
    label_vi: String,
    label_en: String,
    since: String,
    until: String,
    status: String,
    reference: Reference,
    reviewed_on: String,
    share: Vec<Share>,
    reduction: Vec<Reduction>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Share {
    key: String,
    indicators: Vec<String>,
    percent: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reduction {
    key: String,
    percent_points_per_year: f64,
    strict: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Interpretation {
    key: String,
    value: Option<i64>,
    label_vi: String,
    label_en: String,
    note_vi: String,
    note_en: String,
    status: String,
    reference: Reference,
    reviewed_on: String,
}

/// The twelve indicator keys of edition 2022-2025 (crates/rules' `Indicator`); the generated code
/// names the variants, so a key outside the vocabulary fails here with its entry, and a variant
/// renamed fails the compilation.
const INDICATORS: [&str; 12] = [
    "employment",
    "dependants",
    "nutrition",
    "health_insurance",
    "adult_education",
    "child_schooling",
    "housing_quality",
    "housing_area",
    "water",
    "sanitation",
    "internet",
    "information_devices",
];

fn fail(message: String) -> ! {
    panic!("crates/commune/data/commune.toml: {message}");
}

fn check_date(place: &str, text: &str) {
    let parts: Vec<_> = text.split('-').collect();
    let ok = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
        && (1..=12).contains(&parts[1].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&parts[2].parse::<u8>().unwrap_or(0));
    if !ok {
        fail(format!(
            "{place}: expected a date YYYY-MM-DD, but found {text:?}"
        ));
    }
}

fn check_reference(place: &str, r: &Reference) {
    for (name, text) in [
        ("document", &r.document),
        ("article", &r.article),
        ("gazette", &r.gazette),
    ] {
        if text.trim().is_empty() {
            fail(format!("{place}: reference.{name} is empty"));
        }
    }
}

fn check_status(place: &str, status: &str) {
    if !["official", "reported", "interpretation"].contains(&status) {
        fail(format!(
            "{place}: expected status official, reported or interpretation, but found {status:?}"
        ));
    }
}

fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn camel(key: &str) -> String {
    key.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn reference_code(r: &Reference) -> String {
    format!(
        "Reference {{ document: {:?}, article: {:?}, gazette: {:?} }}",
        r.document, r.article, r.gazette
    )
}

fn main() {
    column_names();
    let path = "data/commune.toml";
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(format!("unreadable: {e}")));
    let file: File = toml::from_str(&text).unwrap_or_else(|e| fail(e.to_string()));

    let t = &file.targets;
    check_date("targets.since", &t.since);
    check_date("targets.until", &t.until);
    check_date("targets.reviewed_on", &t.reviewed_on);
    check_status("targets", &t.status);
    check_reference("targets", &t.reference);
    if !is_key(&t.province) {
        fail(format!(
            "targets.province: expected a snake_case key, found {:?}",
            t.province
        ));
    }
    let mut seen = BTreeSet::new();
    let mut covered = BTreeSet::new();
    for s in &t.share {
        let place = format!("targets.share {:?}", s.key);
        if !is_key(&s.key) || !seen.insert(s.key.clone()) {
            fail(format!("{place}: expected a new snake_case key"));
        }
        if s.indicators.is_empty() {
            fail(format!("{place}: maps to no indicator"));
        }
        for i in &s.indicators {
            if !INDICATORS.contains(&i.as_str()) {
                fail(format!(
                    "{place}: expected one of {INDICATORS:?}, but found {i:?}"
                ));
            }
            if !covered.insert(i.clone()) {
                fail(format!(
                    "{place}: indicator {i:?} is already mapped by another row"
                ));
            }
        }
        if s.percent.is_some_and(|p| !(0.0..=100.0).contains(&p)) {
            fail(format!("{place}: expected a percentage from 0 to 100"));
        }
    }
    if covered.len() != INDICATORS.len() {
        fail("targets.share: every indicator must be mapped by exactly one row".to_string());
    }
    let mut seen = BTreeSet::new();
    for r in &t.reduction {
        if !is_key(&r.key) || !seen.insert(r.key.clone()) {
            fail(format!(
                "targets.reduction {:?}: expected a new snake_case key",
                r.key
            ));
        }
        if !(r.percent_points_per_year > 0.0 && r.percent_points_per_year <= 100.0) {
            fail(format!(
                "targets.reduction {:?}: expected points from 0 to 100",
                r.key
            ));
        }
    }
    let mut seen = BTreeSet::new();
    for i in &file.interpretation {
        let place = format!("interpretation {:?}", i.key);
        if !is_key(&i.key) || !seen.insert(i.key.clone()) {
            fail(format!("{place}: expected a new snake_case key"));
        }
        check_status(&place, &i.status);
        check_reference(&place, &i.reference);
        check_date(&format!("{place}.reviewed_on"), &i.reviewed_on);
        for (name, text) in [
            ("label_vi", &i.label_vi),
            ("label_en", &i.label_en),
            ("note_vi", &i.note_vi),
            ("note_en", &i.note_en),
        ] {
            if text.trim().is_empty() {
                fail(format!("{place}: {name} is empty"));
            }
        }
        // A label that states the value must state the value the data holds.
        if let Some(v) = i.value {
            for (name, label) in [("label_vi", &i.label_vi), ("label_en", &i.label_en)] {
                if !label.contains(&format!(" {v} ")) {
                    fail(format!("{place}: {name} does not state the value {v}"));
                }
            }
        }
    }
    let mut seen = BTreeSet::new();
    for m in &file.flag_message {
        let place = format!("flag_message {:?}", m.kind);
        if !is_key(&m.kind) || !seen.insert(m.kind.clone()) {
            fail(format!("{place}: expected a new snake_case kind"));
        }
        let (vi, en) = (placeholders(&m.vi), placeholders(&m.en));
        match (vi, en) {
            (Some(vi), Some(en)) if vi == en => {}
            (Some(_), Some(_)) => fail(format!("{place}: vi and en use different placeholders")),
            _ => fail(format!("{place}: a placeholder is not {{snake_case}}")),
        }
    }
    let margin = file
        .interpretation
        .iter()
        .find(|i| i.key == "score_a_near_line")
        .and_then(|i| i.value)
        .unwrap_or_else(|| {
            fail("interpretation \"score_a_near_line\" with a value is required".into())
        });

    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Written by crates/commune/build.rs from data/commune.toml. Do not edit."
    );
    let _ = writeln!(out, "pub const TARGETS: [TargetDef; {}] = [", t.share.len());
    for s in &t.share {
        let indicators: Vec<_> = s
            .indicators
            .iter()
            .map(|i| format!("Indicator::{}", camel(i)))
            .collect();
        let _ = writeln!(
            out,
            "    TargetDef {{ key: {:?}, indicators: &[{}], default_percent: {} }},",
            s.key,
            indicators.join(", "),
            match s.percent {
                Some(p) => format!("Some({p:?})"),
                None => "None".to_string(),
            }
        );
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(
        out,
        "pub const TARGET_SOURCE: TargetSource = TargetSource {{ province: {:?}, label_vi: {:?}, label_en: {:?}, since: {:?}, until: {:?}, status: RuleStatus::{}, reference: {}, reviewed_on: {:?} }};",
        t.province,
        t.label_vi,
        t.label_en,
        t.since,
        t.until,
        camel(&t.status),
        reference_code(&t.reference),
        t.reviewed_on
    );
    let _ = writeln!(
        out,
        "pub const REDUCTION_TARGETS: [ReductionTarget; {}] = [",
        t.reduction.len()
    );
    for r in &t.reduction {
        let _ = writeln!(
            out,
            "    ReductionTarget {{ key: {:?}, percent_points_per_year: {:?}, is_strict: {} }},",
            r.key, r.percent_points_per_year, r.strict
        );
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(
        out,
        "pub const INTERPRETATIONS: [CommuneInterpretation; {}] = [",
        file.interpretation.len()
    );
    for i in &file.interpretation {
        let _ = writeln!(
            out,
            "    CommuneInterpretation {{ key: {:?}, value: {:?}, label_vi: {:?}, label_en: {:?}, note_vi: {:?}, note_en: {:?}, status: RuleStatus::{}, reference: {}, reviewed_on: {:?} }},",
            i.key,
            i.value,
            i.label_vi,
            i.label_en,
            i.note_vi,
            i.note_en,
            camel(&i.status),
            reference_code(&i.reference),
            i.reviewed_on
        );
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(
        out,
        "pub const FLAG_MESSAGES: [(&str, &str, &str); {}] = [",
        file.flag_message.len()
    );
    for m in &file.flag_message {
        let _ = writeln!(out, "    ({:?}, {:?}, {:?}),", m.kind, m.vi, m.en);
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(out, "pub const SCORE_A_NEAR_LINE_MARGIN: i64 = {margin};");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{out_dir}/commune_data.rs"), out).expect("OUT_DIR is writable");
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    column: Vec<Names>,
    ignored: Ignored,
    area: Vec<Names>,
    region: Vec<Names>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Names {
    key: String,
    vi: Vec<String>,
    en: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Ignored {
    names: Vec<String>,
}

fn names_fail(message: String) -> ! {
    panic!("data/columns.toml: {message}")
}

/// Checks data/columns.toml and writes its tables folded and sorted by the folded name.
fn column_names() {
    let path = "data/columns.toml";
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-changed=src/fold.rs");
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| names_fail(format!("unreadable: {e}")));
    let file: NamesFile = toml::from_str(&text).unwrap_or_else(|e| names_fail(e.to_string()));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Written by crates/commune/build.rs from data/columns.toml. Do not edit."
    );
    // One table: (folded name, key, is Vietnamese), sorted by the folded name, no name twice.
    let table = |out: &mut String, name: &str, entries: &[Names], extra: &[String]| {
        let mut rows: Vec<(String, String, bool)> = Vec::new();
        for entry in entries {
            if !fold::fold(&entry.key).eq(&entry.key) || entry.key.is_empty() {
                names_fail(format!("{name} key {:?} is not snake_case", entry.key));
            }
            if entry.vi.is_empty() && entry.en.is_empty() {
                names_fail(format!("{name} {:?} has no names", entry.key));
            }
            for (names, is_vietnamese) in [(&entry.vi, true), (&entry.en, false)] {
                for written in names {
                    let folded = fold::fold(written);
                    if folded.is_empty() {
                        names_fail(format!(
                            "{name} {:?}: {written:?} folds to nothing",
                            entry.key
                        ));
                    }
                    if let Some(other) = rows.iter().find(|r| r.0 == folded) {
                        if other.1 != entry.key {
                            names_fail(format!(
                                "{name} {:?}: {written:?} folds to {folded:?}, a name of {:?}",
                                entry.key, other.1
                            ));
                        }
                        names_fail(format!(
                            "{name} {:?}: {written:?} is listed twice",
                            entry.key
                        ));
                    }
                    rows.push((folded, entry.key.clone(), is_vietnamese));
                }
            }
        }
        for written in extra {
            let folded = fold::fold(written);
            if rows.iter().any(|r| r.0 == folded) {
                names_fail(format!("ignored name {written:?} is also a column's name"));
            }
            rows.push((folded, String::new(), false));
        }
        rows.sort();
        let _ = writeln!(out, "pub const {name}: &[NameRow] = &[");
        for (folded, key, is_vietnamese) in rows {
            let _ = writeln!(out, "    NameRow {{ folded: {folded:?}, key: {key:?}, is_vietnamese: {is_vietnamese} }},");
        }
        let _ = writeln!(out, "];");
    };
    table(&mut out, "COLUMN_NAMES", &file.column, &file.ignored.names);
    table(&mut out, "AREA_NAMES", &file.area, &[]);
    table(&mut out, "REGION_NAMES", &file.region, &[]);
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{out_dir}/column_names.rs"), out).expect("OUT_DIR is writable");
}
