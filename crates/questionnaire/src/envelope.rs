//! How a household is saved on the device: a versioned envelope
//! `{"envelope": 1, "saved_at", "name", "step", "record": <household@1>, "edition", "raw", "dont_know"}`
//! and the explicit migrations from older shapes. Reading never panics: anything unreadable is a
//! `DecodeError` that the store sets aside with a message.

use crate::draft::{Draft, PathSet, TextMap};
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

/// What the saved-households list shows without opening a household.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub draft: Draft,
    pub saved_at: String,
    pub edition: String,
    /// The envelope version it was read from (older ones were migrated).
    pub migrated_from: Option<u64>,
}

/// Why a stored household could not be read: a translation key and the detail.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    pub key: &'static str,
    pub detail: String,
}

/// Writes a household as an envelope.
pub fn encode(draft: &Draft, saved_at: &str) -> String {
    let mut envelope = Map::new();
    envelope.push("envelope", Value::from(ENVELOPE_VERSION));
    envelope.push("saved_at", Value::from(saved_at));
    envelope.push("name", Value::from(draft.name.as_str()));
    envelope.push("step", Value::from(draft.step.as_str()));
    envelope.push("record", draft.record_json());
    // The edition of the standard for the record's assessment date, when it was saved.
    envelope.push("edition", Value::from(draft.edition()));
    envelope.push("raw", draft.raw.to_json());
    envelope.push("dont_know", draft.dont_know.to_json());
    Value::Object(envelope).to_text(false)
}

/// Reads a stored household, migrating older shapes:
/// - version 0 (before envelopes): a bare `mucsong/household@1` record. It becomes an envelope
///   named after its `id`, resuming on the check page (every answer is already there).
/// - version 1: read as is.
pub fn decode(text: &str) -> Result<Saved, DecodeError> {
    let value = json::parse(text).map_err(|e| DecodeError {
        key: "err_stored_not_json",
        detail: e.to_string(),
    })?;
    let version = match value.get("envelope") {
        None if value.get("schema").is_some() || value.get("members").is_some() => 0,
        None => {
            return Err(DecodeError {
                key: "err_stored_unknown_shape",
                detail: short(text),
            })
        }
        Some(v) => v.as_u64().ok_or_else(|| DecodeError {
            key: "err_stored_unknown_shape",
            detail: v.to_string(),
        })?,
    };
    match version {
        0 => {
            let record = read_record(value)?;
            let name = record.id.clone().unwrap_or_default();
            let draft = Draft {
                name,
                step: "check".to_string(),
                record,
                ..Default::default()
            };
            let edition = draft.edition().to_string();
            Ok(Saved {
                draft,
                saved_at: String::new(),
                edition,
                migrated_from: Some(0),
            })
        }
        1 => {
            let Value::Object(mut envelope) = value else {
                unreachable!("only an object has an `envelope` field");
            };
            let shape = |detail: String| DecodeError {
                key: "err_stored_unknown_shape",
                detail,
            };
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
                Some(raw) => TextMap::from_json(raw).map_err(shape)?,
                None => TextMap::default(),
            };
            let dont_know = match envelope.remove("dont_know") {
                Some(paths) => PathSet::from_json(paths).map_err(shape)?,
                None => PathSet::default(),
            };
            let draft = Draft {
                name,
                step,
                record: read_record(record)?,
                raw,
                dont_know,
            };
            Ok(Saved {
                draft,
                saved_at,
                edition,
                migrated_from: None,
            })
        }
        newer => Err(DecodeError {
            key: "err_stored_newer",
            detail: newer.to_string(),
        }),
    }
}

fn read_record(value: Value) -> Result<HouseholdRecord, DecodeError> {
    match value.get("schema").and_then(Value::as_str) {
        None | Some(HOUSEHOLD_SCHEMA) => {}
        Some(other) => {
            return Err(DecodeError {
                key: "err_stored_schema",
                detail: other.to_string(),
            })
        }
    }
    let mut record = HouseholdRecord::from_json(value).map_err(|problem| DecodeError {
        key: "err_stored_record",
        detail: problem.to_string(),
    })?;
    record.schema = Some(HOUSEHOLD_SCHEMA.to_string());
    Ok(record)
}

fn short(text: &str) -> String {
    text.chars().take(80).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::ParseContext;
    use mucsong_engine::date::Date;

    fn sample() -> Draft {
        let ctx = ParseContext {
            assessed_on: Date::parse("2026-06-01").unwrap(),
            today: Date::parse("2026-06-01").unwrap(),
        };
        let mut d = Draft::new("Nhà bà Lan", Date::parse("2026-06-01").unwrap());
        d.step = "member:0:work".to_string();
        d.add_member();
        d.input("members[0].birth_date", "1970", &ctx).unwrap();
        d.input("members[0].height_cm", "abc", &ctx).unwrap_err();
        d.set_dont_know("members[0].sex", true, &ctx);
        d.set_extra("province", Some("Lào Cai"));
        d
    }

    #[test]
    fn an_envelope_round_trips_everything_typed() {
        let d = sample();
        let text = encode(&d, "2026-06-01T08:00:00Z");
        let saved = decode(&text).unwrap();
        assert_eq!(saved.draft, d);
        assert_eq!(saved.edition, "2022-2025");
        assert_eq!(saved.saved_at, "2026-06-01T08:00:00Z");
        assert_eq!(saved.migrated_from, None);
        let json = json::parse(&text).unwrap();
        assert_eq!(json["envelope"].as_u64(), Some(1));
        assert_eq!(
            json["record"]["schema"].as_str(),
            Some("mucsong/household@1")
        );
    }

    #[test]
    fn a_bare_record_from_before_envelopes_is_migrated() {
        let text = r#"{"schema":"mucsong/household@1","id":"thon-3-ho-17","assessed_on":"2026-11-26","area":"rural"}"#;
        let saved = decode(text).unwrap();
        assert_eq!(saved.migrated_from, Some(0));
        assert_eq!(saved.draft.name, "thon-3-ho-17");
        assert_eq!(saved.draft.step, "check");
        assert_eq!(
            saved.draft.record.assessed_on.as_deref(),
            Some("2026-11-26")
        );
    }

    #[test]
    fn unreadable_records_are_errors_not_panics() {
        let cases = [
            ("{not json", "err_stored_not_json"),
            ("[1,2]", "err_stored_unknown_shape"),
            (r#"{"envelope":2,"name":"x"}"#, "err_stored_newer"),
            (r#"{"envelope":"one"}"#, "err_stored_unknown_shape"),
            (
                r#"{"envelope":1,"saved_at":"","name":"","step":"","edition":"","record":{"schema":"mucsong/household@9"}}"#,
                "err_stored_schema",
            ),
            (
                r#"{"envelope":1,"saved_at":"","name":"","step":"","edition":"","record":{"area":"moon"}}"#,
                "err_stored_record",
            ),
            (
                r#"{"envelope":1,"saved_at":"","name":"","step":"","edition":"","record":{},"extra":1}"#,
                "err_stored_unknown_shape",
            ),
            (
                r#"{"envelope":1,"saved_at":"","name":"a","name":"b","step":"","edition":"","record":{}}"#,
                "err_stored_unknown_shape",
            ),
        ];
        for (text, key) in cases {
            assert_eq!(decode(text).unwrap_err().key, key, "{text}");
        }
    }
}
