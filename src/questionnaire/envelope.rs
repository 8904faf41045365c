//! How a household is saved on the device: a versioned envelope
//! `{"envelope": 1, "saved_at", "name", "step", "record": <household@1>, "edition", "raw", "dont_know"}`
//! and the explicit migrations from older shapes. Reading never panics: anything unreadable is a
//! `DecodeError` that the store sets aside with a message.

use crate::engine::household::{HouseholdRecord, HOUSEHOLD_SCHEMA};
use crate::questionnaire::draft::{Draft, PathSet, TextMap};
use crate::questionnaire::json_text::to_text;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The envelope version this build writes.
pub const ENVELOPE_VERSION: u64 = 1;

/// Envelope version 1, as stored.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeV1 {
    envelope: u64,
    saved_at: String,
    name: String,
    step: String,
    record: Value,
    /// The edition of the standard for the record's assessment date, when it was saved.
    edition: String,
    #[serde(default)]
    raw: TextMap,
    #[serde(default)]
    dont_know: PathSet,
}

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
    let envelope = EnvelopeV1 {
        envelope: ENVELOPE_VERSION,
        saved_at: saved_at.to_string(),
        name: draft.name.clone(),
        step: draft.step.clone(),
        record: draft.record_json(),
        edition: draft.edition().to_string(),
        raw: draft.raw.clone(),
        dont_know: draft.dont_know.clone(),
    };
    to_text(&envelope, false)
}

/// Reads a stored household, migrating older shapes:
/// - version 0 (before envelopes): a bare `mucsong/household@1` record. It becomes an envelope
///   named after its `id`, resuming on the check page (every answer is already there).
/// - version 1: read as is.
pub fn decode(text: &str) -> Result<Saved, DecodeError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError {
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
            let envelope: EnvelopeV1 = serde_json::from_value(value).map_err(|e| DecodeError {
                key: "err_stored_unknown_shape",
                detail: e.to_string(),
            })?;
            let record = read_record(envelope.record)?;
            let draft = Draft {
                name: envelope.name,
                step: envelope.step,
                record,
                raw: envelope.raw,
                dont_know: envelope.dont_know,
            };
            Ok(Saved {
                draft,
                saved_at: envelope.saved_at,
                edition: envelope.edition,
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
    let mut record: HouseholdRecord = serde_json::from_value(value).map_err(|e| DecodeError {
        key: "err_stored_record",
        detail: e.to_string(),
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
    use crate::engine::date::Date;
    use crate::questionnaire::fields::ParseContext;

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
        let json: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["envelope"], 1);
        assert_eq!(json["record"]["schema"], "mucsong/household@1");
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
        ];
        for (text, key) in cases {
            assert_eq!(decode(text).unwrap_err().key, key, "{text}");
        }
    }
}
