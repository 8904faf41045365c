//! The household record as JSON (`mucsong/household@1`, formats.md §1): read from and written to a
//! `mucsong_json::Value` through the record's field API (`mucsong_engine::household::Fields`), so
//! that one reader and one writer serve every record type. Unknown fields are refused, and so is
//! a field given twice. Reading stops at the first problem (in document order) and names its field
//! path (`members[1].sex`), what was expected and what was found.
//!
//! Not serde: serde's derived code is compiled again for every record type and field, and is most
//! of the weight it would add to the household app's download. This reader is non-generic: it
//! calls the records' small per-field functions through `dyn`.

use mucsong_engine::household::{Fields, HouseholdRecord, Slot, SlotRef};
use mucsong_engine::{InvalidHousehold, Problem, ProblemCode};
use mucsong_json::{self as json, Map, Number, Value};
use std::fmt;

/// Where a value sits in the record, for messages: `members[2].birth_date`. Built on the stack
/// while reading and only written out when there is a problem.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'a str),
    Item(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Path::Root => f.write_str("(record)"),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Item(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// Parses one household JSON text. Shape errors name the field path (`members[1].birth_date`) or,
/// for an unknown field, its full path (`members[0].brith_date`); syntax errors name the line and
/// column.
pub fn parse_household(json: &str) -> Result<HouseholdRecord, InvalidHousehold> {
    read_household(json).map_err(|(problem, _)| problem.into())
}

/// As `parse_household`, with the line of a JSON syntax error (a shape error has none). This is
/// the one reader of household text: the command line, JSON Lines, commune mode and the app's
/// saved and imported households all come through here or through `from_value`.
pub fn read_household(json: &str) -> Result<HouseholdRecord, (Problem, Option<u64>)> {
    let value = json::parse(json).map_err(|e| (syntax_problem(&e), Some(e.line as u64)))?;
    from_value(value).map_err(|problem| (problem, None))
}

/// A JSON syntax error as a problem placed at `line L, column C`.
fn syntax_problem(error: &json::Error) -> Problem {
    Problem::new(
        format!("line {}, column {}", error.line, error.column),
        ProblemCode::BadJson,
        "a JSON object",
        error.message,
    )
}

/// Reads a record from JSON: the first problem names its field path (`members[1].sex`), what was
/// expected and what was found.
pub fn from_value(value: Value) -> Result<HouseholdRecord, Problem> {
    let mut record = HouseholdRecord::default();
    read_record(&mut record, value, Path::Root).map_err(|problem| *problem)?;
    Ok(record)
}

/// The record as JSON, every field present (unknown ones as null) in formats.md order.
pub fn to_value(record: &HouseholdRecord) -> Value {
    write_record(record)
}

/// The record as JSON text: compact (one line, for JSON Lines and saved households) or pretty.
pub fn to_text(record: &HouseholdRecord, pretty: bool) -> String {
    to_value(record).to_text(pretty)
}

/// Reads a JSON object into a record's fields. The problem is boxed so that every reader passes a
/// pointer on, not a whole `Problem`.
fn read_record(record: &mut dyn Fields, value: Value, path: Path) -> Result<(), Box<Problem>> {
    let map = match value {
        Value::Object(map) => map,
        other => return Err(invalid(path, "an object", &other)),
    };
    let names = record.names();
    let mut seen = 0;
    for (key, value) in map {
        let index = check_field(names, &key, &mut seen, path)?;
        read_slot(record.slot(index), value, Path::Field(&path, &key))?;
    }
    Ok(())
}

/// Reads one answer into its place; null is unknown for every kind of answer.
fn read_slot(slot: Slot, value: Value, path: Path) -> Result<(), Box<Problem>> {
    if value.is_null() {
        slot.clear();
        return Ok(());
    }
    match slot {
        Slot::Text(place) => match value {
            Value::String(s) => *place = Some(s),
            other => return Err(invalid(path, "a string", &other)),
        },
        Slot::Bool(place) => match value {
            Value::Bool(b) => *place = Some(b),
            other => return Err(invalid(path, "true, false or null", &other)),
        },
        Slot::Number(place) => match value {
            Value::Number(n) => *place = Some(n.as_f64()),
            other => return Err(invalid(path, "a number", &other)),
        },
        Slot::Count(place) => match value {
            Value::Number(Number::PosInt(n)) if n <= u64::from(u32::MAX) => *place = Some(n as u32),
            other => return Err(invalid(path, "a whole number ≥ 0", &other)),
        },
        Slot::Money(place) => match value {
            Value::Number(Number::NegInt(n)) => *place = Some(n),
            Value::Number(Number::PosInt(n)) if n <= i64::MAX as u64 => *place = Some(n as i64),
            other => return Err(invalid(path, "a whole number", &other)),
        },
        Slot::Key(place) => {
            let keys = place.keys();
            let index = match &value {
                Value::String(found) => {
                    keys.iter().position(|key| key == found).ok_or_else(|| {
                        Box::new(Problem::new(
                            path.to_string(),
                            ProblemCode::BadValue,
                            one_of(keys),
                            json::quote(found),
                        ))
                    })?
                }
                _ => return Err(invalid(path, &one_of(keys), &value)),
            };
            place.set_index(Some(index));
        }
        Slot::Record(place) => read_record(place.get_or_insert(), value, path)?,
        Slot::List(list) => match value {
            Value::Array(items) => {
                list.set_empty();
                for (i, item) in items.into_iter().enumerate() {
                    read_record(list.push(), item, Path::Item(&path, i))?;
                }
            }
            other => return Err(invalid(path, "a list", &other)),
        },
    }
    Ok(())
}

/// Checks one key of a record's object: a known field (its index in `fields`), not given before
/// (`seen` has a bit per field). Unknown fields are refused (they are usually typos), and so is a
/// field given twice.
fn check_field(
    fields: &[&str],
    key: &str,
    seen: &mut u64,
    path: Path,
) -> Result<usize, Box<Problem>> {
    let field_path = Path::Field(&path, key);
    let Some(index) = fields.iter().position(|f| *f == key) else {
        return Err(Box::new(Problem::new(
            field_path.to_string(),
            ProblemCode::UnknownField,
            format!("a known field ({})", one_of(fields)),
            format!("unknown field {}", json::quote(key)),
        )));
    };
    if *seen & (1 << index) != 0 {
        return Err(Box::new(Problem::new(
            field_path.to_string(),
            ProblemCode::BadValue,
            "each field at most once",
            format!("field {} a second time", json::quote(key)),
        )));
    }
    *seen |= 1 << index;
    Ok(index)
}

/// What a value is, for "but found …": `integer -1`, `floating point 1.5`, `string "x"`, `map`
/// (serde's words, which the messages have always used).
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(Number::PosInt(n)) => format!("integer {n}"),
        Value::Number(Number::NegInt(n)) => format!("integer {n}"),
        Value::Number(Number::Float(f)) => {
            let text = mucsong_float::f64_text(*f);
            if text.contains('.') {
                format!("floating point {text}")
            } else {
                format!("floating point {text}.0")
            }
        }
        Value::String(s) => format!("string {}", json::quote(s)),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    }
}

/// A value of the wrong type or out of range; a negative number is its own kind of problem.
fn invalid(path: Path, expected: &str, found: &Value) -> Box<Problem> {
    let negative = match found {
        Value::Number(Number::NegInt(_)) => true,
        Value::Number(Number::Float(f)) => f.is_sign_negative(),
        _ => false,
    };
    let code = if negative {
        ProblemCode::NegativeNumber
    } else {
        ProblemCode::BadValue
    };
    Box::new(Problem::new(
        path.to_string(),
        code,
        expected,
        describe(found),
    ))
}

/// `"a" or "b"`, `one of "a", "b", "c"`: the allowed keys of an enum or fields of a record.
fn one_of(keys: &[&str]) -> String {
    let mut out = String::new();
    if keys.len() > 2 {
        out.push_str("one of ");
    }
    for (i, key) in keys.iter().enumerate() {
        if i > 0 {
            out.push_str(if keys.len() == 2 { " or " } else { ", " });
        }
        json::write_string(&mut out, key);
    }
    out
}

/// A record's object: its fields in order, unknown ones as null.
fn write_record(record: &dyn Fields) -> Value {
    let mut map = Map::new();
    for (i, name) in record.names().iter().enumerate() {
        map.push(*name, write_slot(record.get(i)));
    }
    Value::Object(map)
}

/// One answer as JSON.
fn write_slot(answer: SlotRef) -> Value {
    match answer {
        SlotRef::Text(text) => text.map_or(Value::Null, Value::from),
        SlotRef::Bool(b) => b.map_or(Value::Null, Value::Bool),
        SlotRef::Number(n) => n.map_or(Value::Null, Value::from),
        SlotRef::Count(n) => n.map_or(Value::Null, Value::from),
        SlotRef::Money(n) => n.map_or(Value::Null, Value::from),
        SlotRef::Key(answer) => answer.key().map_or(Value::Null, Value::from),
        SlotRef::Record(record) => record.map_or(Value::Null, write_record),
        SlotRef::List(list) => match list.n_items() {
            None => Value::Null,
            Some(n) => Value::Array(
                (0..n)
                    .filter_map(|i| list.item(i))
                    .map(write_record)
                    .collect(),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mucsong_engine::household::{Area, Column, Latrine, Member, Region, Waste};

    fn read(text: &str) -> Result<HouseholdRecord, Problem> {
        from_value(json::parse(text).unwrap())
    }

    fn problem(text: &str) -> String {
        read(text).unwrap_err().to_string()
    }

    /// The single problem of a household text, as `parse_household` gives it.
    fn parse_problem(json: &str) -> Problem {
        let mut problems = parse_household(json).unwrap_err().problems;
        assert_eq!(problems.len(), 1);
        problems.remove(0)
    }

    /// Every key reads back as its value and writes as the same JSON string, for enums of two,
    /// three and more keys.
    #[test]
    fn every_key_round_trips_through_json() {
        fn check<T: mucsong_rules::vocabulary::Keyed + fmt::Debug>(
            field: &str,
            get: fn(&HouseholdRecord) -> Option<T>,
        ) {
            for &value in T::ALL {
                let text = format!("{{{}:{}}}", json::quote(field), json::quote(value.key()));
                let record = read(&text).unwrap();
                assert_eq!(get(&record), Some(value));
                assert_eq!(to_value(&record)[field], Value::from(value.key()));
            }
        }
        check::<Area>("area", |r| r.area);
        check::<Region>("region", |r| r.region);
        check::<Latrine>("latrine", |r| r.latrine);
        check::<Waste>("waste", |r| r.waste);
        let record = read(r#"{"housing":{"column":"none"}}"#).unwrap();
        assert_eq!(record.housing.unwrap().column, Some(Column::None));
    }

    /// Unknown keys list the allowed ones; other JSON types say what they were.
    #[test]
    fn bad_values_say_what_was_expected() {
        assert_eq!(
            problem(r#"{"area":"town"}"#),
            "area: expected \"rural\" or \"urban\", but found \"town\""
        );
        assert_eq!(
            problem(r#"{"waste":3}"#),
            "waste: expected one of \"collected\", \"treated_on_site\", \"other\", but found integer 3"
        );
        assert_eq!(
            problem(r#"{"members":[{"sex":true}]}"#),
            "members[0].sex: expected \"male\" or \"female\", but found boolean true"
        );
        let p = parse_problem(r#"{"area":"town"}"#);
        assert_eq!((p.field.as_str(), p.code), ("area", ProblemCode::BadValue));
        assert_eq!(
            parse_problem(r#"{"area":1}"#).to_string(),
            "area: expected \"rural\" or \"urban\", but found integer 1"
        );
        assert_eq!(
            parse_problem(r#"{"members":[{"sex":"m"}]}"#).to_string(),
            "members[0].sex: expected \"male\" or \"female\", but found \"m\""
        );
    }

    #[test]
    fn numbers_are_read_by_kind() {
        let p = read(r#"{"assets":{"motorbike":-1}}"#).unwrap_err();
        assert_eq!(p.code, ProblemCode::NegativeNumber);
        assert_eq!(
            p.to_string(),
            "assets.motorbike: expected a whole number ≥ 0, but found integer -1"
        );
        let p = read(r#"{"assets":{"car":1.5}}"#).unwrap_err();
        assert_eq!(
            (p.code, p.found.as_str()),
            (ProblemCode::BadValue, "floating point 1.5")
        );
        let p = read(r#"{"livestock":{"poultry":4294967296}}"#).unwrap_err();
        assert_eq!(
            (p.code, p.found.as_str()),
            (ProblemCode::BadValue, "integer 4294967296")
        );
        let p = read(r#"{"income":{"monthly_vnd":1e6}}"#).unwrap_err();
        assert_eq!(
            p.to_string(),
            "income.monthly_vnd: expected a whole number, but found floating point 1000000.0"
        );
        let p = read(r#"{"income":{"sources_12m":{"wages":{"cost_vnd":-2.5}}}}"#).unwrap_err();
        assert_eq!(p.field, "income.sources_12m.wages.cost_vnd");
        assert_eq!(p.code, ProblemCode::NegativeNumber);
        let p = read(r#"{"income":{"monthly_vnd":9223372036854775808}}"#).unwrap_err();
        assert_eq!(p.found, "integer 9223372036854775808");
        // Whole numbers are numbers; negative amounts are left to validation.
        let record = read(
            r#"{"electricity_kwh_per_month":60,"income":{"monthly_vnd":-5},"housing":{"living_area_m2":-1.5}}"#,
        )
        .unwrap();
        assert_eq!(record.electricity_kwh_per_month, Some(60.0));
        assert_eq!(record.income.unwrap().monthly_vnd, Some(-5));
        assert_eq!(record.housing.unwrap().living_area_m2, Some(-1.5));
    }

    #[test]
    fn wrong_shapes_name_their_place() {
        assert_eq!(
            problem("[1]"),
            "(record): expected an object, but found sequence"
        );
        assert_eq!(
            problem(r#"{"members":{}}"#),
            "members: expected a list, but found map"
        );
        assert_eq!(
            problem(r#"{"members":[{},"x"]}"#),
            "members[1]: expected an object, but found string \"x\""
        );
        assert_eq!(
            problem(r#"{"members":[null]}"#),
            "members[0]: expected an object, but found null"
        );
        assert_eq!(
            problem(r#"{"id":7}"#),
            "id: expected a string, but found integer 7"
        );
        assert_eq!(
            problem(r#"{"members":[{"health_insurance":"yes"}]}"#),
            "members[0].health_insurance: expected true, false or null, but found string \"yes\""
        );
        assert_eq!(
            problem(r#"{"housing":[]}"#),
            "housing: expected an object, but found sequence"
        );
    }

    #[test]
    fn unknown_and_repeated_fields_are_refused_by_name() {
        let p = read(r#"{"income":{"monthly":1}}"#).unwrap_err();
        assert_eq!(p.code, ProblemCode::UnknownField);
        assert_eq!(
            p.to_string(),
            "income.monthly: expected a known field (\"monthly_vnd\" or \"sources_12m\"), but found unknown field \"monthly\""
        );
        let p =
            read(r#"{"members":[{"name":"a"},{"sex":"male","brith_date":"1990"}]}"#).unwrap_err();
        assert_eq!(p.field, "members[1].brith_date");
        assert!(p
            .expected
            .starts_with("a known field (one of \"name\", \"birth_date\", "));
        let p = read(r#"{"area":"rural","area":null}"#).unwrap_err();
        assert_eq!(p.code, ProblemCode::BadValue);
        assert_eq!(
            p.to_string(),
            "area: expected each field at most once, but found field \"area\" a second time"
        );
        // The first problem in the document is the one reported.
        let p = read(r#"{"area":1,"colour":"red"}"#).unwrap_err();
        assert_eq!(p.field, "area");
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let p = parse_problem("{\n\"area\": }");
        assert_eq!(p.code, ProblemCode::BadJson);
        assert_eq!(p.field, "line 2, column 9");
        assert_eq!(
            read_household("{\n\"area\": }").unwrap_err().1,
            Some(2),
            "a syntax error has its line"
        );
        assert_eq!(read_household(r#"{"area":1}"#).unwrap_err().1, None);
    }

    /// Every field is written, unknown ones as null, in formats.md order; reading gives back the
    /// same record.
    #[test]
    fn a_record_round_trips_and_writes_every_field() {
        let record = read(
            r#"{"schema":"mucsong/household@1","area":"urban","members":[{"sex":"female","height_cm":101.5}],"assets":{"phone":2},"income":{"sources_12m":{"crops":{"revenue_vnd":12000000}}}}"#,
        )
        .unwrap();
        let value = to_value(&record);
        assert_eq!(from_value(value.clone()).unwrap(), record);
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(keys, HouseholdRecord::FIELDS);
        assert_eq!(value["id"], Value::Null);
        assert_eq!(
            value["members"][0].as_object().unwrap().len(),
            Member::FIELDS.len()
        );
        assert_eq!(value["members"][0]["height_cm"].as_f64(), Some(101.5));
        assert_eq!(
            to_text(&HouseholdRecord::default(), false)
                .matches("null")
                .count(),
            17
        );
        // An empty list is not an unknown one.
        let empty = read(r#"{"members":[]}"#).unwrap();
        assert_eq!(empty.members, Some(vec![]));
        assert_eq!(to_value(&empty)["members"], Value::Array(vec![]));
    }

    /// The text written for the formats.md example is the text this crate has always written
    /// (compact and pretty), byte for byte.
    #[test]
    fn the_written_text_is_unchanged() {
        let record = parse_household(
            r#"{"id":"h\"1","area":"rural","members":[{"birth_date":"1984","height_cm":36,"in_school":false}],"housing":{"living_area_m2":36.5},"assets":{"phone":2},"income":{"monthly_vnd":-5}}"#,
        )
        .unwrap();
        let compact = to_text(&record, false);
        assert!(compact.starts_with(
            r#"{"schema":null,"id":"h\"1","assessed_on":null,"area":"rural","region":null,"agricultural_household":null,"screening":null,"members":[{"name":null,"birth_date":"1984","sex":null,"height_cm":36.0,"weight_kg":null,"malnourished":null,"in_school":false,"#
        ), "{compact}");
        assert!(compact.ends_with(
            r#""housing":{"wall":null,"column":null,"roof":null,"living_area_m2":36.5},"latrine":null,"electricity_kwh_per_month":null,"water":null,"assets":{"car":null,"motorbike":null,"motor_boat":null,"generator":null,"printer_fax":null,"colour_tv":null,"sound_system":null,"computer_or_tablet":null,"fridge":null,"air_conditioner":null,"washing_machine_or_dryer":null,"water_heater":null,"microwave_or_oven":null,"phone":2,"radio":null},"land_m2":null,"livestock":null,"income":{"monthly_vnd":-5,"sources_12m":null},"waste":null}"#
        ), "{compact}");
        let pretty = to_text(&record, true);
        assert!(
            pretty.starts_with("{\n  \"schema\": null,\n  \"id\": \"h\\\"1\",\n"),
            "{pretty}"
        );
        assert_eq!(from_value(json::parse(&pretty).unwrap()).unwrap(), record);
    }
}
