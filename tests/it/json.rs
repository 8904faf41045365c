//! The crate's own JSON reader and writer (`mucsong_json`, used for household records so that
//! the app carries no serde code) checked against serde_json on generated values and text: the
//! same value or both an error, and byte-identical compact and pretty text.

use mucsong_json::{self as json, Number, Value};
use proptest::prelude::*;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// Our value written by serde_json, keys in our order (serde_json's own `Value` would sort them).
struct AsSerde<'a>(&'a Value);

impl Serialize for AsSerde<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(Number::PosInt(n)) => s.serialize_u64(*n),
            Value::Number(Number::NegInt(n)) => s.serialize_i64(*n),
            Value::Number(Number::Float(f)) => s.serialize_f64(*f),
            Value::String(text) => s.serialize_str(text),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&AsSerde(item))?;
                }
                seq.end()
            }
            Value::Object(map) => {
                let mut out = s.serialize_map(Some(map.len()))?;
                for (key, value) in map.iter() {
                    out.serialize_entry(key, &AsSerde(value))?;
                }
                out.end()
            }
        }
    }
}

/// Whether our value and serde_json's are the same JSON value. A repeated key keeps its last
/// value in both. Floats may differ in the last places: serde_json's default float parsing is not
/// always correctly rounded (least of all for subnormals), Rust's is; our exactness is checked
/// against the written value instead (`the_writer_writes_what_serde_json_writes`).
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as S;
    match (ours, theirs) {
        (Value::Null, S::Null) => true,
        (Value::Bool(a), S::Bool(b)) => a == b,
        (Value::Number(a), S::Number(b)) => match *a {
            Number::PosInt(n) => b.as_u64() == Some(n),
            Number::NegInt(n) => b.as_i64() == Some(n) && n < 0,
            Number::Float(f) => {
                b.is_f64() && {
                    let g = b.as_f64().unwrap();
                    f == g
                        || (f - g).abs() <= 1e-15 * f.abs().max(g.abs())
                        || (f - g).abs() < f64::MIN_POSITIVE
                }
            }
        },
        (Value::String(a), S::String(b)) => a == b,
        (Value::Array(a), S::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), S::Object(b)) => {
            let keys: std::collections::BTreeSet<&String> = a.iter().map(|(k, _)| k).collect();
            keys.len() == b.len()
                && keys
                    .iter()
                    .all(|k| b.get(*k).is_some_and(|v| same(a.get(k).unwrap(), v)))
        }
        _ => false,
    }
}

/// Whether a float in `v` needs 16 or more significant digits to read back exactly.
fn has_16_digit_float(v: &Value) -> bool {
    match v {
        Value::Number(Number::Float(f)) => {
            let text = format!("{f:e}");
            let mantissa = text.split('e').next().unwrap();
            mantissa.bytes().filter(u8::is_ascii_digit).count() >= 16
        }
        Value::Array(items) => items.iter().any(has_16_digit_float),
        Value::Object(map) => map.iter().any(|(_, v)| has_16_digit_float(v)),
        _ => false,
    }
}

#[test]
fn floats_with_two_shortest_forms_read_back_the_same() {
    // 17 and 16 significant digits (the second found by the proptest below on a clean run).
    for f in [-1498471374613582.3f64, 890533703597857.2] {
        let ours = Value::from(f).to_text(false);
        let theirs = serde_json::to_string(&f).unwrap();
        for text in [&ours, &theirs] {
            assert_eq!(json::parse(text).unwrap(), Value::from(f), "{text}");
        }
    }
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{0,8}",
        "\\PC{0,4}",
        "[\"\\\\\u{0}-\u{1f}\u{7f}é😀]{0,3}"
    ]
}

/// Values as the app writes them (any shape; floats finite; object keys distinct).
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        (0.0..1e8f64).prop_map(Value::from),
        key().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text that is often nearly JSON: pieces of valid syntax in random order.
fn jsonish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("fals".to_string()),
        Just("\"a\"".to_string()),
        Just("\"\\ud83d\\ude00\"".to_string()),
        Just("\"\\ud83d\"".to_string()),
        Just("\"\\ude00\"".to_string()),
        Just("\"\\u00e9\\n\\/\"".to_string()),
        Just("\"\\x\"".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        "-?[0-9]{1,25}(\\.[0-9]{0,20})?([eE][+-]?[0-9]{0,4})?",
        "[0-9eE.+-]{1,6}",
        "\"[^\"\\\\]{0,5}\"",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_writer_writes_what_serde_json_writes(v in value()) {
        let compact = serde_json::to_string(&AsSerde(&v)).unwrap();
        let pretty = serde_json::to_string_pretty(&AsSerde(&v)).unwrap();
        // Byte for byte, except that a float needing 16 or 17 significant digits may have two
        // shortest forms that read back the same: Rust writes the closer, serde_json may not.
        if !has_16_digit_float(&v) {
            prop_assert_eq!(v.to_text(false), compact.clone());
            prop_assert_eq!(v.to_text(true), pretty.clone());
        }
        prop_assert_eq!(json::parse(&v.to_text(false)).unwrap(), v.clone());
        prop_assert_eq!(json::parse(&v.to_text(true)).unwrap(), v.clone());
        // And what it writes reads back as exactly the same value (floats included).
        prop_assert_eq!(json::parse(&compact).unwrap(), v.clone());
        prop_assert_eq!(json::parse(&pretty).unwrap(), v);
    }

    #[test]
    fn the_parser_agrees_with_serde_json(text in jsonish()) {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert!(same(a, b), "{text:?}: {a:?} vs {b:?}"),
            (Err(_), Err(_)) => {}
            _ => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }

    #[test]
    fn the_parser_reads_any_text_written_by_serde_json(v in value(), spaces in "[ \n\t\r]{0,3}") {
        let text = format!("{spaces}{}{spaces}", serde_json::to_string_pretty(&AsSerde(&v)).unwrap());
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        let ours = json::parse(&text).unwrap();
        prop_assert!(same(&ours, &theirs));
        // Exactly the value written, floats included, keys in the written order.
        prop_assert_eq!(ours, v);
    }

    #[test]
    fn numbers_read_as_serde_json_reads_them(text in "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?") {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert!(same(a, b), "{text}: {a:?} vs {b:?}"),
            (Err(_), Err(_)) => {}
            _ => prop_assert!(false, "{text}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }
}
