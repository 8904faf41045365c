//! Households exported and imported by the household app as formats.md §1 records: one household
//! as pretty JSON, several as JSON Lines. Reading a file gives every household in it, or why each
//! one could not be read, by line; what an import then accepts is the questionnaire's.

use crate::household;
use mucsong_engine::household::{HouseholdRecord, HOUSEHOLD_SCHEMA};
use mucsong_json::{self as json, Value};

/// One household as pretty JSON, with a final newline.
pub fn export_json(record: &HouseholdRecord) -> String {
    household::to_text(record, true) + "\n"
}

/// Several households as JSON Lines.
pub fn export_json_lines<'a>(records: impl IntoIterator<Item = &'a HouseholdRecord>) -> String {
    records
        .into_iter()
        .map(|record| household::to_text(record, false) + "\n")
        .collect()
}

/// Why one household of an imported file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Not a JSON object: the JSON error, or the start of the text.
    NotJson(String),
    /// A `schema` other than `mucsong/household@1`: what it was, as JSON.
    WrongSchema(String),
    /// A household record with a wrong value: the problem, in words.
    BadRecord(String),
}

/// One household of an imported file: the line it starts on (1-based) and the record.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedHousehold {
    pub line: usize,
    pub record: Result<HouseholdRecord, ImportError>,
}

/// Reads a file of households: a single JSON record (possibly pretty-printed, a byte-order mark
/// allowed) or JSON Lines (blank lines skipped). Empty when the file holds no household.
pub fn read_households(text: &str) -> Vec<ImportedHousehold> {
    let text = text.trim_start_matches('\u{feff}');
    // A whole-file JSON object is one record; otherwise every non-empty line is one.
    let units: Vec<(usize, &str)> = match json::parse(text) {
        Ok(Value::Object(_)) => vec![(1, text)],
        _ => text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| (n + 1, l))
            .collect(),
    };
    units
        .into_iter()
        .map(|(line, unit)| ImportedHousehold {
            line,
            record: read_one(unit),
        })
        .collect()
}

fn read_one(unit: &str) -> Result<HouseholdRecord, ImportError> {
    let value = json::parse(unit).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if !value.is_object() {
        return Err(ImportError::NotJson(unit.chars().take(60).collect()));
    }
    match value.get("schema") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s == HOUSEHOLD_SCHEMA => {}
        Some(other) => return Err(ImportError::WrongSchema(other.to_string())),
    }
    household::from_value(value).map_err(|problem| ImportError::BadRecord(problem.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str) -> HouseholdRecord {
        HouseholdRecord {
            schema: Some(HOUSEHOLD_SCHEMA.to_string()),
            id: Some(id.to_string()),
            ..Default::default()
        }
    }

    #[test]
    fn exports_read_back_as_the_same_households() {
        let (a, b) = (record("thon-3-ho-17"), record("thon-3-ho-18"));
        let one = export_json(&a);
        assert!(one.starts_with(
            "{\n  \"schema\": \"mucsong/household@1\",\n  \"id\": \"thon-3-ho-17\",\n"
        ));
        assert!(one.ends_with("\n}\n"));
        assert_eq!(
            read_households(&one),
            [ImportedHousehold {
                line: 1,
                record: Ok(a.clone())
            }]
        );
        let lines = export_json_lines([&a, &b]);
        assert_eq!(lines.lines().count(), 2);
        let read: Vec<_> = read_households(&format!("\u{feff}{lines}\n\n"))
            .into_iter()
            .map(|h| (h.line, h.record.unwrap()))
            .collect();
        assert_eq!(read, [(1, a), (2, b)]);
    }

    #[test]
    fn each_bad_line_says_why() {
        let text = format!(
            "{}\n\n{}\n{}\nnot json\n[1]\n",
            r#"{"schema":"mucsong/household@1"}"#,
            r#"{"schema":"mucsong/result@1"}"#,
            r#"{"housing":{"living_area_m2":1},"colour":"red"}"#,
        );
        let read = read_households(&text);
        let lines: Vec<usize> = read.iter().map(|h| h.line).collect();
        assert_eq!(lines, [1, 3, 4, 5, 6]);
        assert!(read[0].record.is_ok());
        assert_eq!(
            read[1].record,
            Err(ImportError::WrongSchema("\"mucsong/result@1\"".to_string()))
        );
        assert!(
            matches!(&read[2].record, Err(ImportError::BadRecord(p)) if p.starts_with("colour: expected a known field"))
        );
        assert!(matches!(read[3].record, Err(ImportError::NotJson(_))));
        assert_eq!(read[4].record, Err(ImportError::NotJson("[1]".to_string())));
        assert!(read_households("\u{feff} \n\n").is_empty() && read_households("").is_empty());
    }
}
