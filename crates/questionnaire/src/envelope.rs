//! How a household is saved on the device: the versioned envelope of mucsong_formats::envelope,
//! holding a `Draft`, and the explicit migrations from older shapes. Reading never panics:
//! anything unreadable is a `DecodeError` that the store sets aside with a message.

use crate::draft::Draft;
use mucsong_formats::envelope::{self as format, EnvelopeProblem, SavedHousehold, Stored};

pub use mucsong_formats::envelope::ENVELOPE_VERSION;

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
    format::encode(&SavedHousehold {
        saved_at: saved_at.to_string(),
        name: draft.name.clone(),
        step: draft.step.clone(),
        record: draft.record.clone(),
        // The edition of the standard for the record's assessment date, when it was saved.
        edition: draft.edition().to_string(),
        raw: draft.raw.as_slice().to_vec(),
        dont_know: draft.dont_know.as_slice().to_vec(),
    })
}

/// Reads a stored household, migrating older shapes:
/// - version 0 (before envelopes): a bare `mucsong/household@1` record. It becomes an envelope
///   named after its `id`, resuming on the check page (every answer is already there).
/// - version 1: read as is (texts and "don't know" paths sorted, a repeated path keeping its last
///   text), and every number typed is read again with the number reader (`Draft::reread_numbers`):
///   drafts saved before it kept `1.000` m² as 1 m² in the record, while the text as typed, which
///   the person sees and means, says one thousand. The stored shape is unchanged.
pub fn decode(text: &str) -> Result<Saved, DecodeError> {
    match format::decode(text) {
        Ok(Stored::Bare(record)) => {
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
        Ok(Stored::Envelope(saved)) => {
            let mut draft = Draft {
                name: saved.name,
                step: saved.step,
                record: saved.record,
                raw: saved.raw.into_iter().collect(),
                dont_know: saved.dont_know.into_iter().collect(),
            };
            draft.reread_numbers();
            Ok(Saved {
                draft,
                saved_at: saved.saved_at,
                edition: saved.edition,
                migrated_from: None,
            })
        }
        Err(error) => Err(DecodeError {
            key: match error.problem {
                EnvelopeProblem::NotJson => "err_stored_not_json",
                EnvelopeProblem::UnknownShape => "err_stored_unknown_shape",
                EnvelopeProblem::Newer => "err_stored_newer",
                EnvelopeProblem::Schema => "err_stored_schema",
                EnvelopeProblem::Record => "err_stored_record",
            },
            detail: error.detail,
        }),
    }
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
        assert!(text.starts_with(r#"{"envelope":1,"saved_at":"2026-06-01T08:00:00Z","name":"Nhà bà Lan","step":"member:0:work","record":{"schema":"mucsong/household@1","#));
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
    fn stored_texts_and_paths_are_sorted_and_a_repeated_path_keeps_its_last_text() {
        let text = r#"{"envelope":1,"saved_at":"","name":"","step":"","edition":"","record":{},"raw":{"b":"x","a":"y","b":"z"},"dont_know":["water","area","water"]}"#;
        let draft = decode(text).unwrap().draft;
        assert_eq!(
            draft.raw.as_slice(),
            [("a".into(), "y".into()), ("b".into(), "z".into())]
        );
        assert_eq!(draft.dont_know.as_slice(), ["area", "water"]);
        // Written back sorted.
        assert!(encode(&draft, "")
            .ends_with(r#""raw":{"a":"y","b":"z"},"dont_know":["area","water"]}"#));
    }

    /// A household saved before the checklist (counts typed into number boxes, some left
    /// empty) loads, and its counts show as ticks: a count of 1 or more ticked, a 0 unticked,
    /// an empty box not yet seen, text that did not read ticked and shown as typed.
    #[test]
    fn a_draft_saved_with_number_boxes_loads_as_ticks() {
        use crate::draft::Holding;
        let text = r#"{"envelope":1,"saved_at":"","name":"","step":"devices","edition":"2022-2025","record":{"assets":{"motorbike":2,"car":0}},"raw":{"assets.motorbike":"2","assets.car":"0","assets.generator":"","assets.phone":"hai"},"dont_know":["assets.radio"]}"#;
        let draft = decode(text).unwrap().draft;
        assert_eq!(draft.holding("assets.motorbike"), Holding::Have);
        assert_eq!(draft.holding("assets.car"), Holding::HaveNone);
        assert_eq!(draft.holding("assets.generator"), Holding::Unseen);
        assert_eq!(draft.holding("assets.phone"), Holding::Have);
        assert_eq!(draft.text("assets.phone"), "hai");
        assert_eq!(draft.holding("assets.radio"), Holding::DontKnow);
        assert_eq!(draft.holding("assets.fridge"), Holding::Unseen);
    }

    /// Before the number reader, `1.000` typed for land was stored as 1 m² (and `3tr` was
    /// refused): the text as typed is what the person meant, and it is read again on loading.
    #[test]
    fn numbers_saved_before_the_number_reader_are_read_again_from_their_text() {
        let text = r#"{"envelope":1,"saved_at":"","name":"Lạng Sơn","step":"land","edition":"2022-2025","record":{"schema":"mucsong/household@1","region":"northern_midlands_mountains","land_m2":{"annual_crops":1,"forest":1.5},"livestock":{"poultry":10},"income":{"monthly_vnd":3000000}},"raw":{"income.monthly_vnd":"3tr","land_m2.annual_crops":"1.000","land_m2.forest":"1.500","land_m2.perennial_crops":"2 sào","livestock.poultry":"10","members[0].height_cm":"abc"},"dont_know":[]}"#;
        let draft = decode(text).unwrap().draft;
        let land = draft.record.land_m2.as_ref().unwrap();
        assert_eq!(land.annual_crops, Some(1_000.0));
        assert_eq!(land.forest, Some(1_500.0));
        // The region's sào (Bắc Bộ, 360 m²).
        assert_eq!(land.perennial_crops, Some(720.0));
        assert_eq!(
            draft.record.income.as_ref().unwrap().monthly_vnd,
            Some(3_000_000)
        );
        assert_eq!(draft.record.livestock.as_ref().unwrap().poultry, Some(10));
        // Nothing typed is lost, and written back the same.
        assert_eq!(draft.text("land_m2.annual_crops"), "1.000");
        assert_eq!(draft.text("members[0].height_cm"), "abc");
        let again = decode(&encode(&draft, "")).unwrap().draft;
        assert_eq!(again, draft);
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
