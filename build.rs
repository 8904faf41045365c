//! Build step: reads the rule data in `rules/` (TOML + official CSV tables), refuses any value without
//! an effective date, a legal reference, a status and a review date, and writes ONE JSON blob into
//! OUT_DIR that the engine embeds with `include_str!` (so the wasm bundle needs no TOML parser).

use serde_json::{json, Map, Value};
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

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let mut blob = Map::new();
    let mut problems = Vec::new();
    for name in TOML_FILES {
        let path = format!("rules/{name}.toml");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let value = to_json(value);
        check_file(name, &value, &mut problems);
        blob.insert(name.to_string(), value);
    }
    for (key, file) in [
        ("b1_points", "b1-points.csv"),
        ("b1_urban_region_points", "b1-urban-region-points.csv"),
        ("nutrition_cutoffs", "nutrition-cutoffs.csv"),
    ] {
        let path = format!("rules/{file}");
        println!("cargo:rerun-if-changed={path}");
        let described = blob["tables"]["table"]
            .as_array()
            .map(|t| t.iter().any(|t| t["file"] == file))
            .unwrap_or(false);
        if !described {
            problems.push(format!(
                "{path}: no [[table]] entry with its reference in rules/tables.toml"
            ));
        }
        blob.insert(key.to_string(), read_csv(&path));
    }
    if !problems.is_empty() {
        panic!("rule data is incomplete:\n{}", problems.join("\n"));
    }
    let text = serde_json::to_string(&Value::Object(blob.clone())).expect("rule JSON");
    // A short content hash identifies the rule data a result was computed with.
    blob.insert(
        "version".into(),
        json!(format!("{:016x}", fnv1a(text.as_bytes()))),
    );
    let text = serde_json::to_string(&Value::Object(blob)).expect("rule JSON");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("rules.json");
    fs::write(out, text).expect("write rules.json");
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
        let at = format!("rules/{name}.toml [{key}]");
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

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// A CSV table as an array of objects; numeric cells become numbers, empty cells null.
fn read_csv(path: &str) -> Value {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let headers = reader
        .headers()
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut row = Map::new();
        for (header, cell) in headers.iter().zip(record.iter()) {
            let value = if cell.is_empty() {
                Value::Null
            } else if let Ok(i) = cell.parse::<i64>() {
                json!(i)
            } else if let Ok(f) = cell.parse::<f64>() {
                json!(f)
            } else {
                Value::String(cell.to_string())
            };
            row.insert(header.to_string(), value);
        }
        rows.push(Value::Object(row));
    }
    Value::Array(rows)
}
