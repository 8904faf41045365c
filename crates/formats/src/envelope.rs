//! How the household app saves a household on the device: a versioned envelope
//! `{"envelope": 1, "saved_at", "name", "step", "record": <household@1>, "edition", "raw", "dont_know"}`,
//! and the older shape it reads too (version 0, a bare household record). The envelope holds plain
//! data (`SavedHousehold`); what a household in progress is, and how an older shape becomes one,
//! is the questionnaire's. Reading never panics: anything unreadable is an `EnvelopeError`.

use crate::household;
use mucsong_engine::household::{HouseholdRecord, HOUSEHOLD_SCHEMA};
use mucsong_json::{self as json, Map, Value};

/// The envelope version this build writes.
pub const ENVELOPE_VERSION: u64 = 1;

/// The fields of envelope version 1, in the order they are written. `raw` and `dont_know` may be
/// missing (they were optional); any other field is refused.
const V1_FIELDS: &[&str] = &[
    "envelope",
    "saved_at",
    "name",
    "step",
    "record",
    "edition",
    "raw",
    "dont_know",
];

/// One saved household, as envelope version 1 holds it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SavedHousehold {
    /// When it was saved (an ISO date-time, from the device clock).
    pub saved_at: String,
    /// The name the volunteer gave the household on the device.
    pub name: String,
    /// Where the person stopped (the questionnaire's step key).
    pub step: String,
    pub record: HouseholdRecord,
    /// The edition of the standard for the record's assessment date, when it was saved.
    pub edition: String,
    /// Texts as typed, by answer path (and UI-only answers), in the order to write them.
    pub raw: Vec<(String, String)>,
    /// Paths answered "don't know", in the order to write them.
    pub dont_know: Vec<String>,
}

/// What a stored text holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// Version 0 (before envelopes): a bare `mucsong/household@1` record.
    Bare(HouseholdRecord),
    /// Version 1. Texts repeated in `raw` or `dont_know` are kept as stored, in order.
    Envelope(SavedHousehold),
}

/// What kind of text a stored household could not be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvelopeProblem {
    /// Not JSON.
    NotJson,
    /// JSON, but neither an envelope nor a household record (or a field of the envelope is wrong).
    UnknownShape,
    /// An envelope of a later version than this build writes.
    Newer,
    /// A record of another schema than `mucsong/household@1`.
    Schema,
    /// A household record with a wrong value.
    Record,
}

/// Why a stored household could not be read, with the detail (the JSON error, the field, the
/// version or schema found).
#[derive(Debug, Clone, PartialEq)]
pub struct EnvelopeError {
    pub problem: EnvelopeProblem,
    pub detail: String,
}

/// Writes a household as an envelope (one line of JSON).
pub fn encode(saved: &SavedHousehold) -> String {
    let mut envelope = Map::new();
    envelope.push("envelope", Value::from(ENVELOPE_VERSION));
    envelope.push("saved_at", Value::from(saved.saved_at.as_str()));
    envelope.push("name", Value::from(saved.name.as_str()));
    envelope.push("step", Value::from(saved.step.as_str()));
    envelope.push("record", household::to_value(&saved.record));
    envelope.push("edition", Value::from(saved.edition.as_str()));
    let mut raw = Map::new();
    for (path, text) in &saved.raw {
        raw.push(path.as_str(), Value::from(text.as_str()));
    }
    envelope.push("raw", Value::Object(raw));
    let dont_know = saved.dont_know.iter().map(|p| Value::from(p.as_str()));
    envelope.push("dont_know", Value::Array(dont_know.collect()));
    Value::Object(envelope).to_text(false)
}

/// Reads a stored household, of any version this build knows.
pub fn decode(text: &str) -> Result<Stored, EnvelopeError> {
    let value = json::parse(text).map_err(|e| error(EnvelopeProblem::NotJson, e.to_string()))?;
    let version = match value.get("envelope") {
        None if value.get("schema").is_some() || value.get("members").is_some() => 0,
        None => return Err(error(EnvelopeProblem::UnknownShape, short(text))),
        Some(v) => v
            .as_u64()
            .ok_or_else(|| error(EnvelopeProblem::UnknownShape, v.to_string()))?,
    };
    match version {
        0 => Ok(Stored::Bare(read_record(value)?)),
        1 => {
            let Value::Object(mut envelope) = value else {
                unreachable!("only an object has an `envelope` field");
            };
            let shape = |detail: String| error(EnvelopeProblem::UnknownShape, detail);
            // Known fields only, each once (as for the household record).
            for (i, (key, _)) in envelope.iter().enumerate() {
                if !V1_FIELDS.contains(&key.as_str()) {
                    return Err(shape(format!("unknown field {}", json::quote(key))));
                }
                if envelope.iter().take(i).any(|(earlier, _)| earlier == key) {
                    return Err(shape(format!("field {} given twice", json::quote(key))));
                }
            }
            let mut text = |name: &str| match envelope.remove(name) {
                Some(Value::String(text)) => Ok(text),
                Some(other) => Err(shape(format!("{name}: expected a text, but found {other}"))),
                None => Err(shape(format!("missing field {name}"))),
            };
            let (saved_at, name, step, edition) = (
                text("saved_at")?,
                text("name")?,
                text("step")?,
                text("edition")?,
            );
            let record = envelope
                .remove("record")
                .ok_or_else(|| shape("missing field record".to_string()))?;
            let raw = match envelope.remove("raw") {
                Some(raw) => read_texts(raw).map_err(shape)?,
                None => Vec::new(),
            };
            let dont_know = match envelope.remove("dont_know") {
                Some(paths) => read_paths(paths).map_err(shape)?,
                None => Vec::new(),
            };
            Ok(Stored::Envelope(SavedHousehold {
                saved_at,
                name,
                step,
                record: read_record(record)?,
                edition,
                raw,
                dont_know,
            }))
        }
        newer => Err(error(EnvelopeProblem::Newer, newer.to_string())),
    }
}

fn error(problem: EnvelopeProblem, detail: String) -> EnvelopeError {
    EnvelopeError { problem, detail }
}

/// The household record, of this schema (or none: it is then given this one).
fn read_record(value: Value) -> Result<HouseholdRecord, EnvelopeError> {
    match value.get("schema").and_then(Value::as_str) {
        None | Some(HOUSEHOLD_SCHEMA) => {}
        Some(other) => return Err(error(EnvelopeProblem::Schema, other.to_string())),
    }
    let mut record = household::from_value(value)
        .map_err(|problem| error(EnvelopeProblem::Record, problem.to_string()))?;
    record.schema = Some(HOUSEHOLD_SCHEMA.to_string());
    Ok(record)
}

/// `raw`: any JSON object of strings, in document order; the error says what was wrong.
fn read_texts(value: Value) -> Result<Vec<(String, String)>, String> {
    let Value::Object(entries) = value else {
        return Err(format!(
            "raw: expected an object of texts, but found {value}"
        ));
    };
    entries
        .into_iter()
        .map(|(path, text)| match text {
            Value::String(text) => Ok((path, text)),
            other => Err(format!("raw.{path}: expected a text, but found {other}")),
        })
        .collect()
}

/// `dont_know`: any JSON array of strings, in document order.
fn read_paths(value: Value) -> Result<Vec<String>, String> {
    let Value::Array(items) = value else {
        return Err(format!(
            "dont_know: expected a list of paths, but found {value}"
        ));
    };
    items
        .into_iter()
        .map(|item| match item {
            Value::String(path) => Ok(path),
            other => Err(format!("dont_know: expected a path, but found {other}")),
        })
        .collect()
}

fn short(text: &str) -> String {
    text.chars().take(80).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SavedHousehold {
        SavedHousehold {
            saved_at: "2026-06-01T08:00:00Z".to_string(),
            name: "Nhà bà Lan".to_string(),
            step: "member:0:work".to_string(),
            record: household::parse_household(
                r#"{"schema":"mucsong/household@1","assessed_on":"2026-06-01","members":[{"birth_date":"1970"}]}"#,
            )
            .unwrap(),
            edition: "2022-2025".to_string(),
            raw: vec![
                ("members[0].birth_date".to_string(), "1970".to_string()),
                ("members[0].height_cm".to_string(), "abc".to_string()),
                ("province".to_string(), "Lào Cai".to_string()),
            ],
            dont_know: vec!["members[0].sex".to_string()],
        }
    }

    #[test]
    fn an_envelope_round_trips_everything_saved() {
        let saved = sample();
        let text = encode(&saved);
        assert_eq!(decode(&text), Ok(Stored::Envelope(saved.clone())));
        assert!(text.starts_with(
            r#"{"envelope":1,"saved_at":"2026-06-01T08:00:00Z","name":"Nhà bà Lan","step":"member:0:work","record":{"schema":"mucsong/household@1","id":null,"#
        ));
        assert!(text.ends_with(
            r#""edition":"2022-2025","raw":{"members[0].birth_date":"1970","members[0].height_cm":"abc","province":"Lào Cai"},"dont_know":["members[0].sex"]}"#
        ));
    }

    #[test]
    fn a_bare_record_from_before_envelopes_is_version_0() {
        let text = r#"{"schema":"mucsong/household@1","id":"thon-3-ho-17","area":"rural"}"#;
        let Ok(Stored::Bare(record)) = decode(text) else {
            panic!("a bare record");
        };
        assert_eq!(record.id.as_deref(), Some("thon-3-ho-17"));
        // A record without a schema is told by its members, and given the schema.
        let Ok(Stored::Bare(record)) = decode(r#"{"members":[]}"#) else {
            panic!("a bare record");
        };
        assert_eq!(record.schema.as_deref(), Some(HOUSEHOLD_SCHEMA));
    }

    #[test]
    fn raw_texts_and_paths_are_read_as_stored_or_refused() {
        let envelope = |raw: &str, dont_know: &str| {
            format!(
                r#"{{"envelope":1,"saved_at":"","name":"","step":"","edition":"","record":{{}},"raw":{raw},"dont_know":{dont_know}}}"#
            )
        };
        let Ok(Stored::Envelope(saved)) = decode(&envelope(
            r#"{"b":"x","a":"y","b":"z"}"#,
            r#"["water","area","water"]"#,
        )) else {
            panic!("an envelope");
        };
        assert_eq!(saved.raw.len(), 3);
        assert_eq!(saved.dont_know, ["water", "area", "water"]);
        for (raw, dont_know, detail) in [
            (
                "[1]",
                "[]",
                "raw: expected an object of texts, but found [1]",
            ),
            (
                r#"{"a":null}"#,
                "[]",
                "raw.a: expected a text, but found null",
            ),
            (
                "{}",
                r#"["a",1]"#,
                "dont_know: expected a path, but found 1",
            ),
            (
                "{}",
                "{}",
                "dont_know: expected a list of paths, but found {}",
            ),
        ] {
            assert_eq!(
                decode(&envelope(raw, dont_know)),
                Err(error(EnvelopeProblem::UnknownShape, detail.to_string()))
            );
        }
    }

    #[test]
    fn unreadable_texts_are_errors_not_panics() {
        let cases = [
            ("{not json", EnvelopeProblem::NotJson),
            ("[1,2]", EnvelopeProblem::UnknownShape),
            (r#"{"envelope":2,"name":"x"}"#, EnvelopeProblem::Newer),
            (r#"{"envelope":"one"}"#, EnvelopeProblem::UnknownShape),
            (
                r#"{"envelope":1,"saved_at":"","name":"","step":"","edition":"","record":{"schema":"mucsong/household@9"}}"#,
                EnvelopeProblem::Schema,
            ),
            (
                r#"{"envelope":1,"saved_at":"","name":"","step":"","edition":"","record":{"area":"moon"}}"#,
                EnvelopeProblem::Record,
            ),
            (
                r#"{"envelope":1,"saved_at":"","name":"","step":"","edition":"","record":{},"extra":1}"#,
                EnvelopeProblem::UnknownShape,
            ),
            (
                r#"{"envelope":1,"saved_at":"","name":"a","name":"b","step":"","edition":"","record":{}}"#,
                EnvelopeProblem::UnknownShape,
            ),
            (
                r#"{"envelope":1,"name":"","step":"","edition":"","record":{}}"#,
                EnvelopeProblem::UnknownShape,
            ),
        ];
        for (text, problem) in cases {
            assert_eq!(decode(text).unwrap_err().problem, problem, "{text}");
        }
        assert_eq!(
            decode(r#"{"envelope":1,"saved_at":"","name":"","step":"","edition":"","record":{"area":"moon"}}"#)
                .unwrap_err()
                .detail,
            "area: expected \"rural\" or \"urban\", but found \"moon\""
        );
    }
}
