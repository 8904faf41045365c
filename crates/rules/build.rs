//! Build step: reads the rule data in `data/` (TOML + official CSV tables), refuses any value without
//! an effective date, a legal reference, a status and a review date (and any entry of the wrong
//! shape), and writes it as Rust statics into OUT_DIR/rules_data.rs, which src/lib.rs
//! includes. The program then carries the rules as plain data: no TOML or JSON parser, no
//! deserialization at run time. What the engine needs from the data (every B1 row it applies, every
//! threshold on every day of an edition) is checked by const evaluation in src/lib.rs, so a
//! rule file the engine cannot use fails the build too.

use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const TOML_FILES: [&str; 6] = [
    "editions",
    "parameters",
    "indicators",
    "interpretations",
    "supports",
    "tables",
];
const STATUSES: [&str; 3] = ["official", "reported", "interpretation"];
const CSV_FILES: [(&str, &str); 3] = [
    ("b1_points", "b1-points.csv"),
    ("b1_urban_region_points", "b1-urban-region-points.csv"),
    ("nutrition_cutoffs", "nutrition-cutoffs.csv"),
];
/// The point columns of b1-points.csv, in the order the generated rows carry them.
const B1_COLUMNS: [&str; 7] = [
    "rural_red_river_delta",
    "rural_northern_midlands_mountains",
    "rural_north_central_central_coast",
    "rural_central_highlands",
    "rural_southeast",
    "rural_mekong_delta",
    "urban",
];

/// Ends a label in the generated label table (ASCII unit separator).
const LABEL_END: char = '\u{1f}';
/// Separates the Vietnamese and the English labels in the generated table (record separator).
const LABEL_SECTION: char = '\u{1e}';

fn main() {
    println!("cargo:rerun-if-changed=data");
    let mut blob = Map::new();
    let mut problems = Vec::new();
    let mut texts = BTreeMap::new();
    for name in TOML_FILES {
        let path = format!("data/{name}.toml");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let value = to_json(value);
        check_file(name, &value, &mut problems);
        blob.insert(name.to_string(), value);
        texts.insert(name, text);
    }
    for (key, file) in CSV_FILES {
        let path = format!("data/{file}");
        println!("cargo:rerun-if-changed={path}");
        let described = blob["tables"]["table"]
            .as_array()
            .map(|t| t.iter().any(|t| t["file"] == file))
            .unwrap_or(false);
        if !described {
            problems.push(format!(
                "{path}: no [[table]] entry with its reference in data/tables.toml"
            ));
        }
        blob.insert(key.to_string(), read_csv(&path));
    }
    if !problems.is_empty() {
        panic!("rule data is incomplete:\n{}", problems.join("\n"));
    }
    // A short content hash identifies the rule data a result was computed with. It is taken over the
    // same canonical JSON form of the files as when the engine embedded that JSON, so the identity of
    // unchanged rule data stays the same.
    let text = serde_json::to_string(&Value::Object(blob)).expect("rule JSON");
    let version = format!("{:016x}", fnv1a(text.as_bytes()));

    let rules = Rules::read(&texts);
    let mut problems = Vec::new();
    rules.check(&mut problems);
    if !problems.is_empty() {
        panic!("rule data is inconsistent:\n{}", problems.join("\n"));
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("rules_data.rs");
    fs::write(out, rules.to_rust(&version)).expect("write rules_data.rs");
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x100000001b3)
    })
}

fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

/// Every dated entry (an item of an array of tables, or a parameter value) must say since when it
/// applies, where it comes from, how sure we are and when it was last checked.
fn check_entry(at: &str, entry: &Value, problems: &mut Vec<String>) {
    for field in ["since", "reviewed_on"] {
        match entry.get(field).and_then(Value::as_str) {
            Some(d) if is_iso_date(d) => {}
            _ => problems.push(format!("{at}: `{field}` must be a date YYYY-MM-DD")),
        }
    }
    if let Some(until) = entry.get("until") {
        if !until.as_str().is_some_and(is_iso_date) {
            problems.push(format!("{at}: `until` must be a date YYYY-MM-DD"));
        }
    }
    match entry.get("status").and_then(Value::as_str) {
        Some(s) if STATUSES.contains(&s) => {}
        _ => problems.push(format!("{at}: `status` must be one of {STATUSES:?}")),
    }
    let reference = entry.get("reference");
    let document = reference
        .and_then(|r| r.get("document"))
        .and_then(Value::as_str);
    if document.is_none_or(|d| d.trim().is_empty())
        || reference.and_then(|r| r.get("article")).is_none()
        || reference.and_then(|r| r.get("gazette")).is_none()
    {
        problems.push(format!(
            "{at}: `reference` needs document, article and gazette"
        ));
    }
}

fn check_file(name: &str, value: &Value, problems: &mut Vec<String>) {
    let Value::Object(top) = value else { return };
    for (key, item) in top {
        let at = format!("data/{name}.toml [{key}]");
        match item {
            Value::Array(entries) => {
                for (i, entry) in entries.iter().enumerate() {
                    check_entry(&format!("{at}[{i}]"), entry, problems);
                    if name == "indicators" {
                        for label in ["label_vi", "label_en"] {
                            if entry
                                .get(label)
                                .and_then(Value::as_str)
                                .is_none_or(|l| l.trim().is_empty())
                            {
                                problems.push(format!("{at}[{i}]: `{label}` must not be empty"));
                            }
                        }
                    }
                }
            }
            Value::Object(table) => match table.get("values") {
                Some(Value::Array(values)) => {
                    if values.is_empty() {
                        problems.push(format!("{at}: no values"));
                    }
                    for (i, entry) in values.iter().enumerate() {
                        check_entry(&format!("{at}.values[{i}]"), entry, problems);
                        if entry.get("value").is_none() {
                            problems.push(format!("{at}.values[{i}]: no `value`"));
                        }
                    }
                }
                _ => check_entry(&at, item, problems),
            },
            _ => problems.push(format!("{at}: expected a table or an array of tables")),
        }
    }
}

/// `YYYY-MM-DD` naming a day that exists.
fn is_iso_date(s: &str) -> bool {
    parse_date(s).is_some()
}

fn parse_date(s: &str) -> Option<(i32, u8, u8)> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return None;
    }
    let (year, month, day) = (
        s[..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..].parse().ok()?,
    );
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some((year, month, day))
}

/// A CSV table as an array of objects; numeric cells become numbers, empty cells null (the form the
/// rules version hash is taken over).
fn read_csv(path: &str) -> Value {
    let (headers, rows) = read_csv_cells(path);
    let rows = rows
        .into_iter()
        .map(|(_, cells)| {
            let row = headers
                .iter()
                .zip(cells)
                .map(|(header, cell)| {
                    let value = if cell.is_empty() {
                        Value::Null
                    } else if let Ok(i) = cell.parse::<i64>() {
                        json!(i)
                    } else if let Ok(f) = cell.parse::<f64>() {
                        json!(f)
                    } else {
                        Value::String(cell)
                    };
                    (header.clone(), value)
                })
                .collect();
            Value::Object(row)
        })
        .collect();
    Value::Array(rows)
}

/// The header and the rows of a CSV file, each row with its line number.
fn read_csv_cells(path: &str) -> (Vec<String>, Vec<(u64, Vec<String>)>) {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let headers = reader
        .headers()
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .iter()
        .map(str::to_string)
        .collect();
    // Line numbers are counted here: the csv crate's record positions run one line short on some
    // files. No cell spans lines, so row i is on line i + 2.
    let rows = reader
        .records()
        .zip(2u64..)
        .map(|(record, line)| {
            let record = record.unwrap_or_else(|e| panic!("{path} line {line}: {e}"));
            if record.iter().any(|cell| cell.contains('\n')) {
                panic!("{path} line {line}: expected one line per row, but a cell spans lines");
            }
            (line, record.iter().map(str::to_string).collect())
        })
        .collect();
    (headers, rows)
}

// ---------------------------------------------------------------------------------------------
// The typed form of the rule files (what the engine's types hold), read with unknown fields refused.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reference {
    document: String,
    article: String,
    gazette: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionsFile {
    edition: Vec<Edition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edition {
    key: String,
    since: String,
    until: String,
    provisional: bool,
    classification: String,
    indicators: Vec<String>,
    status: String,
    reference: Reference,
    reviewed_on: String,
    #[serde(default)]
    extension: Option<EditionExtension>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionExtension {
    until: String,
    status: String,
    reference: Reference,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Parameter {
    description: String,
    unit: String,
    values: Vec<DatedValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatedValue {
    since: String,
    #[serde(default)]
    until: Option<String>,
    value: ParamValue,
    status: String,
    #[serde(default)]
    interpretation: Option<String>,
    reference: Reference,
    reviewed_on: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ParamValue {
    Number(f64),
    List(Vec<f64>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorsFile {
    indicator: Vec<IndicatorRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorRule {
    key: String,
    number: u8,
    label_vi: String,
    label_en: String,
    since: String,
    #[serde(default)]
    until: Option<String>,
    status: String,
    reference: Reference,
    reviewed_on: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InterpretationsFile {
    interpretation: Vec<InterpretationRule>,
    school_level_rank: SchoolLevelRank,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InterpretationRule {
    key: String,
    label_vi: String,
    label_en: String,
    since: String,
    status: String,
    reference: Reference,
    reviewed_on: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SchoolLevelRank {
    since: String,
    status: String,
    interpretation: String,
    reference: Reference,
    reviewed_on: String,
    values: BTreeMap<String, i8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SupportsFile {
    support: Vec<SupportRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SupportRule {
    key: String,
    label_vi: String,
    label_en: String,
    poor: String,
    near_poor: String,
    other: String,
    since: String,
    status: String,
    reference: Reference,
    reviewed_on: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TablesFile {
    table: Vec<TableRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableRule {
    key: String,
    file: String,
    since: String,
    #[serde(default)]
    until: Option<String>,
    status: String,
    reference: Reference,
    reviewed_on: String,
    #[serde(default)]
    labels_en: BTreeMap<String, String>,
}

/// One row of b1-points.csv, with its English label from tables.toml.
struct B1Row {
    item: u8,
    key: String,
    label_vi: String,
    label_en: String,
    points: [i16; 7],
}

struct NutritionRow {
    age_months: u16,
    /// The four cut-offs in hundredths (kg or cm), 0 for an empty cell.
    hundredths: [u16; 4],
}

struct Rules {
    editions: Vec<Edition>,
    parameters: BTreeMap<String, Parameter>,
    indicators: Vec<IndicatorRule>,
    interpretations: InterpretationsFile,
    supports: Vec<SupportRule>,
    tables: Vec<TableRule>,
    b1_points: Vec<B1Row>,
    b1_urban_region_points: Vec<(String, i16)>,
    nutrition_cutoffs: Vec<NutritionRow>,
}

/// Parses one rule file into its typed form; a wrong shape names the file, line and field.
fn typed<T: for<'de> Deserialize<'de>>(texts: &BTreeMap<&str, String>, name: &str) -> T {
    toml::from_str(&texts[name]).unwrap_or_else(|e| panic!("data/{name}.toml: {e}"))
}

/// A cell that must hold a number of type `T`.
fn cell<T: std::str::FromStr>(path: &str, line: u64, column: &str, text: &str, what: &str) -> T {
    text.parse().unwrap_or_else(|_| {
        panic!("{path} line {line}, column {column}: expected {what}, but found \"{text}\"")
    })
}

impl Rules {
    fn read(texts: &BTreeMap<&str, String>) -> Rules {
        let tables: TablesFile = typed(texts, "tables");
        let labels_en = tables
            .table
            .iter()
            .find(|t| t.file == "b1-points.csv")
            .map(|t| t.labels_en.clone())
            .unwrap_or_default();
        Rules {
            editions: typed::<EditionsFile>(texts, "editions").edition,
            parameters: typed(texts, "parameters"),
            indicators: typed::<IndicatorsFile>(texts, "indicators").indicator,
            interpretations: typed(texts, "interpretations"),
            supports: typed::<SupportsFile>(texts, "supports").support,
            tables: tables.table,
            b1_points: read_b1_points(&labels_en),
            b1_urban_region_points: read_urban_region_points(),
            nutrition_cutoffs: read_nutrition_cutoffs(),
        }
    }

    /// Every entry's wording as (file, key, Vietnamese, English), in the order of the generated
    /// label table: indicators, interpretations, supports, then the B1 rows, each in file order.
    /// An entry's `label` in the generated code is its position here.
    fn labels(&self) -> Vec<(&'static str, &str, &str, &str)> {
        // The four kinds of entry are different types with the same three wording fields.
        macro_rules! wording {
            ($file:literal, $entries:expr) => {
                $entries.iter().map(|e| {
                    let e = &*e;
                    (
                        $file,
                        e.key.as_str(),
                        e.label_vi.as_str(),
                        e.label_en.as_str(),
                    )
                })
            };
        }
        wording!("data/indicators.toml", self.indicators)
            .chain(wording!(
                "data/interpretations.toml",
                self.interpretations.interpretation
            ))
            .chain(wording!("data/supports.toml", self.supports))
            .chain(wording!("data/b1-points.csv", self.b1_points))
            .collect()
    }

    /// The position of the first label of each kind in `labels()`: indicators, interpretations,
    /// supports, B1 rows.
    fn label_starts(&self) -> [usize; 4] {
        let indicators = 0;
        let interpretations = indicators + self.indicators.len();
        let supports = interpretations + self.interpretations.interpretation.len();
        [
            indicators,
            interpretations,
            supports,
            supports + self.supports.len(),
        ]
    }

    /// Consistency between entries and files (each file's own shape was checked while reading).
    fn check(&self, problems: &mut Vec<String>) {
        let mut seen = BTreeSet::new();
        for (file, key, vi, en) in self.labels() {
            for (name, text) in [("label_vi", vi), ("label_en", en)] {
                if text.contains([LABEL_END, LABEL_SECTION]) {
                    problems.push(format!(
                        "{file} {key}: `{name}` contains a control character U+001E or U+001F"
                    ));
                }
            }
        }
        if self.editions.is_empty() {
            problems.push(
                "data/editions.toml: expected at least one [[edition]], but found none".to_string(),
            );
        }
        for e in &self.editions {
            let at = format!("data/editions.toml edition {}", e.key);
            if !seen.insert(&e.key) {
                problems.push(format!("{at}: the key is used twice"));
            }
            if !matches!(e.classification.as_str(), "score" | "income") {
                problems.push(format!(
                    "{at}: `classification` must be \"score\" or \"income\", but found \"{}\"",
                    e.classification
                ));
            }
            if e.since >= e.until {
                problems.push(format!("{at}: `until` must be after `since`"));
            }
            for key in &e.indicators {
                if !self.indicators.iter().any(|i| &i.key == key) {
                    problems.push(format!(
                        "{at}: indicator {key} has no [[indicator]] entry in data/indicators.toml"
                    ));
                }
            }
            if let Some(x) = &e.extension {
                if !is_iso_date(&x.until) || !STATUSES.contains(&x.status.as_str()) {
                    problems.push(format!(
                        "{at}: `extension` needs `until` (a date YYYY-MM-DD) and a `status` of {STATUSES:?}"
                    ));
                }
            }
        }
        for pair in self.editions.windows(2) {
            if pair[1].since <= pair[0].until {
                problems.push(format!(
                    "data/editions.toml: editions {} and {} overlap (or are out of date order)",
                    pair[0].key, pair[1].key
                ));
            }
        }
        for (key, p) in &self.parameters {
            let lists = p
                .values
                .iter()
                .filter(|v| matches!(v.value, ParamValue::List(_)))
                .count();
            if lists != 0 && lists != p.values.len() {
                problems.push(format!(
                    "data/parameters.toml [{key}]: expected every value to be a number or every value a list, but found both"
                ));
            }
            for (i, v) in p.values.iter().enumerate() {
                let at = format!("data/parameters.toml [{key}].values[{i}]");
                if v.until.as_ref().is_some_and(|u| *u < v.since) {
                    problems.push(format!("{at}: `until` is before `since`"));
                }
                if let Some(name) = &v.interpretation {
                    if !self
                        .interpretations
                        .interpretation
                        .iter()
                        .any(|i| &i.key == name)
                    {
                        problems.push(format!(
                            "{at}: interpretation {name} has no [[interpretation]] entry in data/interpretations.toml"
                        ));
                    }
                }
                for (j, w) in p.values.iter().enumerate().skip(i + 1) {
                    let ends =
                        |v: &DatedValue| v.until.clone().unwrap_or_else(|| "9999-12-31".into());
                    if v.since <= ends(w) && w.since <= ends(v) {
                        problems.push(format!(
                            "{at}: in force on the same days as values[{j}] (a parameter has one value a day)"
                        ));
                    }
                }
            }
        }
        let rank = &self.interpretations.school_level_rank;
        if !self
            .interpretations
            .interpretation
            .iter()
            .any(|i| i.key == rank.interpretation)
        {
            problems.push(format!(
                "data/interpretations.toml [school_level_rank]: interpretation {} has no [[interpretation]] entry",
                rank.interpretation
            ));
        }
        let keys = |what: &str, keys: Vec<&String>, problems: &mut Vec<String>| {
            let mut seen = BTreeSet::new();
            for key in keys {
                if !seen.insert(key) {
                    problems.push(format!("{what}: key {key} is used twice"));
                }
            }
        };
        keys(
            "data/indicators.toml",
            self.indicators.iter().map(|i| &i.key).collect(),
            problems,
        );
        keys(
            "data/interpretations.toml",
            self.interpretations
                .interpretation
                .iter()
                .map(|i| &i.key)
                .collect(),
            problems,
        );
        keys(
            "data/supports.toml",
            self.supports.iter().map(|s| &s.key).collect(),
            problems,
        );
        keys(
            "data/tables.toml",
            self.tables.iter().map(|t| &t.key).collect(),
            problems,
        );
        keys(
            "data/b1-points.csv",
            self.b1_points.iter().map(|r| &r.key).collect(),
            problems,
        );
        keys(
            "data/b1-urban-region-points.csv",
            self.b1_urban_region_points.iter().map(|r| &r.0).collect(),
            problems,
        );
        for table in &self.tables {
            for key in table.labels_en.keys() {
                if table.file != "b1-points.csv" || !self.b1_points.iter().any(|r| &r.key == key) {
                    problems.push(format!(
                        "data/tables.toml table {}: English label for {key}, which is not a row of data/b1-points.csv",
                        table.key
                    ));
                }
            }
        }
    }

    /// The rule data as Rust source, for `include!` inside src/lib.rs (whose types it uses).
    fn to_rust(&self, version: &str) -> String {
        let mut o = String::new();
        o.push_str(
            "// Written by build.rs from data/*.toml and data/*.csv; do not edit (edit the rule files).\n\n",
        );
        writeln!(o, "pub(super) static VERSION: &str = {version:?};").unwrap();

        // Parameters come first: the editions resolve their thresholds from them.
        o.push_str("pub(super) static PARAMETERS: &[(&str, Parameter)] = &[\n");
        for (key, p) in &self.parameters {
            writeln!(
                o,
                "    ({key:?}, Parameter {{ description: {:?}, unit: {:?}, values: List(&[",
                p.description, p.unit
            )
            .unwrap();
            for v in &p.values {
                let value = match &v.value {
                    ParamValue::Number(n) => format!("ParamValue::Number({n:?})"),
                    ParamValue::List(l) => format!("ParamValue::List(&{l:?})"),
                };
                writeln!(
                    o,
                    "        DatedValue {{ since: {}, until: {}, value: {value}, status: {}, interpretation: {:?}, reference: {}, reviewed_on: {} }},",
                    date(&v.since),
                    opt_date(&v.until),
                    status(&v.status),
                    v.interpretation.as_deref(),
                    reference(&v.reference),
                    date(&v.reviewed_on)
                )
                .unwrap();
            }
            o.push_str("    ]) }),\n");
        }
        o.push_str("];\n\n");

        // Where each edition comes from, apart from the editions themselves, which the pages use
        // (they do not show this).
        let mut provenance = Vec::new();
        o.push_str("pub(super) static EDITIONS: &[Edition] = &[\n");
        for e in &self.editions {
            let method = match e.classification.as_str() {
                "score" => "ClassificationMethod::Score",
                _ => "ClassificationMethod::Income",
            };
            let keys = format!("{:?}", e.indicators);
            let extension = match &e.extension {
                Some(x) => format!(
                    "Some(EditionExtension {{ until: {}, status: {}, reference: {} }})",
                    date(&x.until),
                    status(&x.status),
                    reference(&x.reference)
                ),
                None => "None".into(),
            };
            writeln!(
                o,
                "    Edition {{\n        key: {:?},\n        since: {},\n        until: {},\n        provisional: {},\n        classification: {method},\n        indicators: List(&{keys}),",
                e.key,
                date(&e.since),
                date(&e.until),
                e.provisional,
            )
            .unwrap();
            provenance.push(format!(
                "    EditionProvenance {{ key: {:?}, status: {}, reference: {}, reviewed_on: {}, extension: {extension} }},\n",
                e.key,
                status(&e.status),
                reference(&e.reference),
                date(&e.reviewed_on)
            ));
            writeln!(
                o,
                "        indicator_set: &indicator_set({:?}, {keys}),",
                e.key
            )
            .unwrap();
            o.push_str("        periods: &[\n");
            for start in self.period_starts(e) {
                writeln!(
                    o,
                    "            ({d}, resolve(PARAMETERS, {:?}, {method}, {d})),",
                    e.key,
                    d = date(&start)
                )
                .unwrap();
            }
            o.push_str("        ],\n    },\n");
        }
        o.push_str("];\n\n");
        o.push_str("pub(super) static EDITION_PROVENANCE: &[EditionProvenance] = &[\n");
        o.push_str(&provenance.concat());
        o.push_str("];\n\n");

        // Every entry's wording in one text, the Vietnamese labels then the English ones, each
        // ended by LABEL_END: entries name their label by position (two bytes instead of two
        // 8-byte string references, which compress poorly), and each language's labels sit
        // together, which compresses better than labels interleaved with their entries.
        let labels = self.labels();
        let mut text = String::new();
        for column in [2, 3] {
            for label in &labels {
                text.push_str(if column == 2 { label.2 } else { label.3 });
                text.push(LABEL_END);
            }
            if column == 2 {
                text.push(LABEL_SECTION);
            }
        }
        writeln!(
            o,
            "/// The labels of the rule entries: Vietnamese, then English, in entry order.\n\
             pub(super) static LABELS: &str = {text:?};\n"
        )
        .unwrap();
        let [first_indicator, first_interpretation, first_support, first_b1] = self.label_starts();

        o.push_str("pub(super) static INDICATORS: &[IndicatorRule] = &[\n");
        for (n, i) in self.indicators.iter().enumerate() {
            writeln!(
                o,
                "    IndicatorRule {{ key: {:?}, number: {}, label: {}, since: {}, until: {}, status: {}, reference: {}, reviewed_on: {} }},",
                i.key, i.number, first_indicator + n, date(&i.since), opt_date(&i.until),
                status(&i.status), reference(&i.reference), date(&i.reviewed_on)
            )
            .unwrap();
        }
        o.push_str("];\n\n");

        o.push_str("pub(super) static INTERPRETATIONS: &[InterpretationRule] = &[\n");
        for (n, i) in self.interpretations.interpretation.iter().enumerate() {
            writeln!(
                o,
                "    InterpretationRule {{ key: {:?}, label: {}, since: {}, status: {}, reference: {}, reviewed_on: {} }},",
                i.key, first_interpretation + n, date(&i.since), status(&i.status),
                reference(&i.reference), date(&i.reviewed_on)
            )
            .unwrap();
        }
        o.push_str("];\n\n");

        // The wording alone, for the pages, which show it but not the provenance.
        o.push_str("pub(super) static INTERPRETATION_LABELS: &[RuleLabel] = &[\n");
        for (n, i) in self.interpretations.interpretation.iter().enumerate() {
            writeln!(
                o,
                "    RuleLabel {{ key: {:?}, label: {} }},",
                i.key,
                first_interpretation + n
            )
            .unwrap();
        }
        o.push_str("];\n\n");

        let r = &self.interpretations.school_level_rank;
        let values: Vec<String> = r
            .values
            .iter()
            .map(|(k, v)| format!("({k:?}, {v})"))
            .collect();
        writeln!(
            o,
            "pub(super) static SCHOOL_LEVEL_RANK: SchoolLevelRank = SchoolLevelRank {{ since: {}, status: {}, interpretation: {:?}, reference: {}, reviewed_on: {}, values: List(&[{}]) }};\n",
            date(&r.since), status(&r.status), r.interpretation, reference(&r.reference),
            date(&r.reviewed_on), values.join(", ")
        )
        .unwrap();

        o.push_str("pub(super) static SUPPORTS: &[SupportRule] = &[\n");
        for (n, s) in self.supports.iter().enumerate() {
            writeln!(
                o,
                "    SupportRule {{ key: {:?}, label: {}, poor: {:?}, near_poor: {:?}, other: {:?}, since: {}, status: {}, reference: {}, reviewed_on: {} }},",
                s.key, first_support + n, s.poor, s.near_poor, s.other, date(&s.since),
                status(&s.status), reference(&s.reference), date(&s.reviewed_on)
            )
            .unwrap();
        }
        o.push_str("];\n\n");

        o.push_str("pub(super) static TABLES: &[TableRule] = &[\n");
        for t in &self.tables {
            let labels: Vec<String> = t
                .labels_en
                .iter()
                .map(|(k, v)| format!("({k:?}, {v:?})"))
                .collect();
            writeln!(
                o,
                "    TableRule {{ key: {:?}, file: {:?}, since: {}, until: {}, status: {}, reference: {}, reviewed_on: {}, labels_en: List(&[{}]) }},",
                t.key, t.file, date(&t.since), opt_date(&t.until), status(&t.status),
                reference(&t.reference), date(&t.reviewed_on), labels.join(", ")
            )
            .unwrap();
        }
        o.push_str("];\n\n");

        writeln!(
            o,
            "pub(super) static B1_COLUMNS: [&str; 7] = {B1_COLUMNS:?};"
        )
        .unwrap();
        o.push_str("pub(super) static B1_POINTS: &[B1PointsRow] = &[\n");
        for (n, r) in self.b1_points.iter().enumerate() {
            writeln!(
                o,
                "    B1PointsRow {{ item: {}, key: {:?}, label: {}, points: {:?} }},",
                r.item,
                r.key,
                first_b1 + n,
                r.points
            )
            .unwrap();
        }
        o.push_str("];\n\n");

        let urban: Vec<String> = self
            .b1_urban_region_points
            .iter()
            .map(|(region, points)| format!("({region:?}, {points})"))
            .collect();
        writeln!(
            o,
            "pub(super) static B1_URBAN_REGION_POINTS: &[(&str, i16)] = &[{}];\n",
            urban.join(", ")
        )
        .unwrap();

        o.push_str("pub(super) static NUTRITION_CUTOFFS: &[NutritionCutoff] = &[\n");
        for n in &self.nutrition_cutoffs {
            writeln!(
                o,
                "    NutritionCutoff {{ age_months: {}, hundredths: {:?} }},",
                n.age_months, n.hundredths
            )
            .unwrap();
        }
        o.push_str("];\n");
        o
    }

    /// The first day of every period of an edition in which no parameter changes: the edition's
    /// start and every day a parameter value starts or stops within it.
    fn period_starts(&self, edition: &Edition) -> Vec<String> {
        let inside = |d: &String| *d > edition.since && *d <= edition.until;
        let mut starts = vec![edition.since.clone()];
        for value in self.parameters.values().flat_map(|p| &p.values) {
            if inside(&value.since) {
                starts.push(value.since.clone());
            }
            if let Some(until) = &value.until {
                let next = next_day(until);
                if inside(&next) {
                    starts.push(next);
                }
            }
        }
        starts.sort();
        starts.dedup();
        starts
    }
}

fn next_day(date: &str) -> String {
    let (y, m, d) = parse_date(date).expect("checked date");
    let (y, m, d) = if parse_date(&format!("{y:04}-{m:02}-{:02}", d + 1)).is_some() {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    };
    format!("{y:04}-{m:02}-{d:02}")
}

fn read_b1_points(labels_en: &BTreeMap<String, String>) -> Vec<B1Row> {
    let path = "data/b1-points.csv";
    let (headers, rows) = read_csv_cells(path);
    let expected: Vec<&str> = ["item", "key", "label_vi"]
        .into_iter()
        .chain(B1_COLUMNS)
        .collect();
    if headers != expected {
        panic!("{path}: expected the columns {expected:?}, but found {headers:?}");
    }
    rows.into_iter()
        .map(|(line, cells)| {
            let key = cells[1].clone();
            let mut points = [0i16; 7];
            for (c, column) in B1_COLUMNS.iter().enumerate() {
                points[c] = cell(path, line, column, &cells[3 + c], "a whole number of points");
            }
            let label_en = labels_en
                .get(&key)
                .filter(|l| !l.trim().is_empty())
                .unwrap_or_else(|| {
                    panic!("data/tables.toml: no English label (labels_en) for B1 row {key} of {path}")
                })
                .clone();
            if cells[2].trim().is_empty() {
                panic!("{path} line {line}, column label_vi: expected the form's wording, but found nothing");
            }
            B1Row {
                item: cell(path, line, "item", &cells[0], "an item number 1-14"),
                key,
                label_vi: cells[2].clone(),
                label_en,
                points,
            }
        })
        .collect()
}

fn read_urban_region_points() -> Vec<(String, i16)> {
    let path = "data/b1-urban-region-points.csv";
    let (headers, rows) = read_csv_cells(path);
    if headers.len() < 2 || headers[..2] != ["region", "points"] {
        panic!("{path}: expected the first columns region, points, but found {headers:?}");
    }
    rows.into_iter()
        .map(|(line, cells)| {
            let points = cell(path, line, "points", &cells[1], "a whole number of points");
            (cells[0].clone(), points)
        })
        .collect()
}

fn read_nutrition_cutoffs() -> Vec<NutritionRow> {
    let path = "data/nutrition-cutoffs.csv";
    let (headers, rows) = read_csv_cells(path);
    let expected = [
        "age_months",
        "weight_kg_boy",
        "weight_kg_girl",
        "height_cm_boy",
        "height_cm_girl",
    ];
    if headers != expected {
        panic!("{path}: expected the columns {expected:?}, but found {headers:?}");
    }
    let rows: Vec<NutritionRow> = rows
        .into_iter()
        .map(|(line, cells)| {
            let mut measures = [0u16; 4];
            for (i, slot) in measures.iter_mut().enumerate() {
                let text = &cells[1 + i];
                if !text.is_empty() {
                    let value: f64 = cell(path, line, expected[1 + i], text, "a number or nothing");
                    // Stored as whole hundredths: exact for every value of at most two decimals
                    // up to 655.35 (hundredths / 100.0 gives back the very f64 read here).
                    let hundredths = (value * 100.0).round();
                    if !(1.0..=65535.0).contains(&hundredths) || hundredths / 100.0 != value {
                        panic!(
                            "{path} line {line}, column {}: expected a number above 0 and up to \
                             655.35 with at most two decimals, or nothing, but found \"{text}\"",
                            expected[1 + i]
                        );
                    }
                    *slot = hundredths as u16;
                }
            }
            NutritionRow {
                age_months: cell(
                    path,
                    line,
                    "age_months",
                    &cells[0],
                    "a whole number of months",
                ),
                hundredths: measures,
            }
        })
        .collect();
    // The engine takes the row of the largest listed age not above a child's age, from birth on.
    if rows.first().map(|r| r.age_months) != Some(0) {
        panic!("{path}: the first row must be for 0 months");
    }
    if let Some(w) = rows.windows(2).find(|w| w[0].age_months >= w[1].age_months) {
        panic!(
            "{path}: ages must increase, but {} months follows {} months",
            w[1].age_months, w[0].age_months
        );
    }
    rows
}

fn date(d: &str) -> String {
    let (y, m, d) = parse_date(d).expect("dates are checked before code is written");
    format!("Date::ymd({y}, {m}, {d})")
}

fn opt_date(d: &Option<String>) -> String {
    d.as_ref()
        .map_or("None".into(), |d| format!("Some({})", date(d)))
}

fn status(s: &str) -> &'static str {
    match s {
        "official" => "RuleStatus::Official",
        "reported" => "RuleStatus::Reported",
        "interpretation" => "RuleStatus::Interpretation",
        _ => unreachable!("statuses are checked before code is written"),
    }
}

fn reference(r: &Reference) -> String {
    format!(
        "Reference {{ document: {:?}, article: {:?}, gazette: {:?} }}",
        r.document, r.article, r.gazette
    )
}
