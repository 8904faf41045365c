//! Export and import of households as formats.md §1 records (the files of
//! mucsong_formats::transfer): one household as JSON, all of them as JSON Lines. An import is all
//! or nothing: any bad line gives a message naming the line, the field, what was expected and what
//! was found, and nothing is changed.

use crate::draft::Draft;
use crate::fields::{self, Answer, FieldKind, ParseContext, SPECS};
use mucsong_engine::date::Date;
use mucsong_engine::household::{HouseholdRecord, HOUSEHOLD_SCHEMA};
use mucsong_formats::transfer::{self as format, ImportError};

/// The record to export for a household: its id is the saved name when it has none.
pub fn export_record(draft: &Draft) -> HouseholdRecord {
    let mut record = draft.record.clone();
    record.schema = Some(HOUSEHOLD_SCHEMA.to_string());
    if record.id.as_deref().is_none_or(str::is_empty) && !draft.name.trim().is_empty() {
        record.id = Some(draft.name.trim().to_string());
    }
    record
}

/// One household as pretty JSON.
pub fn export_json(draft: &Draft) -> String {
    format::export_json(&export_record(draft))
}

/// One household as one line of compact JSON (no final newline): what its QR code holds
/// (docs/formats.md §4), the same record as `export_json`.
pub fn export_line(draft: &Draft) -> String {
    let mut line = export_json_lines([draft]);
    line.pop();
    line
}

/// Several households as JSON Lines.
pub fn export_json_lines<'a>(drafts: impl IntoIterator<Item = &'a Draft>) -> String {
    let records: Vec<HouseholdRecord> = drafts.into_iter().map(export_record).collect();
    format::export_json_lines(&records)
}

/// One problem in an imported file: line (1-based), field path (may be empty), a translation
/// key and its arguments (`{found}`, `{detail}`…).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportProblem {
    pub line: usize,
    pub field: String,
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// Reads a file of households: a single JSON record (possibly pretty-printed) or JSON Lines.
pub fn import(text: &str, today: Date) -> Result<Vec<HouseholdRecord>, Vec<ImportProblem>> {
    let households = format::read_households(text);
    if households.is_empty() {
        return Err(vec![problem(0, "", "err_import_empty", vec![])]);
    }
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for household in households {
        let line = household.line;
        let found = match household.record {
            Ok(record) => check(&record, today, line).map(|()| record),
            Err(ImportError::NotJson(detail)) => Err(vec![problem(
                line,
                "",
                "err_import_json",
                vec![("detail", detail)],
            )]),
            Err(ImportError::WrongSchema(found)) => Err(vec![problem(
                line,
                "schema",
                "err_import_schema",
                vec![("found", found)],
            )]),
            Err(ImportError::BadRecord(detail)) => Err(vec![problem(
                line,
                "",
                "err_import_record",
                vec![("detail", detail)],
            )]),
        };
        match found {
            Ok(record) => records.push(record),
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

fn problem(
    line: usize,
    field: &str,
    key: &'static str,
    args: Vec<(&'static str, String)>,
) -> ImportProblem {
    ImportProblem {
        line,
        field: field.to_string(),
        key,
        args,
    }
}

/// The same checks as typing: every answer goes through the field's validator.
fn check(record: &HouseholdRecord, today: Date, line: usize) -> Result<(), Vec<ImportProblem>> {
    let assessed_on = record
        .assessed_on
        .as_deref()
        .and_then(|d| Date::parse(d).ok())
        .unwrap_or(today);
    let ctx = ParseContext {
        assessed_on,
        today: today.max(assessed_on),
    };
    let n_members = record.members.as_ref().map_or(0, Vec::len);
    let mut problems = Vec::new();
    for spec in SPECS {
        let paths: Vec<String> = if spec.pattern.contains("[]") {
            (0..n_members)
                .map(|i| spec.pattern.replace("[]", &format!("[{i}]")))
                .collect()
        } else {
            vec![spec.pattern.to_string()]
        };
        for path in paths {
            let Some(found) = record.get_at(&path).and_then(fields::read) else {
                continue;
            };
            // Money is checked on the number itself (the display form adds thousands dots).
            let text = match (spec.kind, &found) {
                (FieldKind::Money, Answer::Money(n)) => n.to_string(),
                _ => fields::display_value(spec.kind, &found),
            };
            if let Err(e) = fields::parse_text(spec.kind, &text, &ctx) {
                problems.push(ImportProblem {
                    line,
                    field: path,
                    key: e.key,
                    args: e.args,
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::ParseContext;

    fn today() -> Date {
        Date::parse("2026-11-27").unwrap()
    }

    fn sample(name: &str) -> Draft {
        let ctx = ParseContext {
            assessed_on: Date::parse("2026-06-01").unwrap(),
            today: today(),
        };
        let mut d = Draft::new(name, Date::parse("2026-06-01").unwrap());
        d.choose("area", Some("rural"));
        let i = d.add_member();
        d.input(&format!("members[{i}].birth_date"), "1984-05-02", &ctx)
            .unwrap();
        d.input("income.monthly_vnd", "3.000.000", &ctx).unwrap();
        d
    }

    #[test]
    fn export_then_import_round_trips() {
        let (a, b) = (sample("thon-3-ho-17"), sample("thon-3-ho-18"));
        let one = import(&export_json(&a), today()).unwrap();
        assert_eq!(one, vec![export_record(&a)]);
        assert_eq!(one[0].id.as_deref(), Some("thon-3-ho-17"));
        let lines = export_json_lines([&a, &b]);
        assert_eq!(lines.lines().count(), 2);
        assert_eq!(
            import(&lines, today()).unwrap(),
            vec![export_record(&a), export_record(&b)]
        );
    }

    #[test]
    fn a_bad_line_names_the_line_the_field_and_what_was_found() {
        let good = export_json_lines([&sample("a")]);
        let good = good.trim_end();
        let text = format!(
            "{good}\n\n{}\n{}\nnot json\n",
            r#"{"schema":"mucsong/household@1","members":[{"birth_date":"2030-01-01"}],"assessed_on":"2026-06-01"}"#,
            r#"{"schema":"mucsong/household@1","housing":{"living_area_m2":-5},"colour":"red"}"#,
        );
        let problems = import(&text, today()).unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert_eq!(
            (
                problems[0].line,
                problems[0].field.as_str(),
                problems[0].key
            ),
            (3, "members[0].birth_date", "err_birth_date_future")
        );
        assert_eq!(
            (problems[1].line, problems[1].key),
            (4, "err_import_record")
        );
        assert!(problems[1].args[0].1.contains("colour"));
        assert_eq!((problems[2].line, problems[2].key), (5, "err_import_json"));
    }

    #[test]
    fn values_are_checked_like_typed_answers() {
        let text = r#"{"schema":"mucsong/household@1","housing":{"living_area_m2":-5},"income":{"monthly_vnd":-1}}"#;
        let problems = import(text, today()).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| (p.field.as_str(), p.key)).collect();
        assert_eq!(
            fields,
            [
                ("housing.living_area_m2", "num_err_negative"),
                ("income.monthly_vnd", "num_err_negative")
            ]
        );
    }

    #[test]
    fn other_schemas_and_empty_files_are_refused() {
        assert_eq!(
            import(r#"{"schema":"mucsong/result@1"}"#, today()).unwrap_err()[0].key,
            "err_import_schema"
        );
        assert_eq!(
            import("  \n", today()).unwrap_err()[0].key,
            "err_import_empty"
        );
    }
}
