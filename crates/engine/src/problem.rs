//! Input problems: what was wrong with a household record, where, what was expected and what was
//! found. `parse_household` turns JSON syntax and shape errors into the same `Problem`s validation
//! produces, so every front end shows one kind of message.

use super::household::HouseholdRecord;
use crate::date::Date;
use crate::rules::assessment_dates;
use serde::Serialize;
use std::fmt;

mucsong_rules::keyed_enum!(
    /// What kind of problem an answer has. `key()` is the UI's translation key (after `problem_`).
    pub enum ProblemCode {
        /// No `assessed_on` in the record and no date given by the caller.
        MissingAssessmentDate => "missing_assessment_date",
        /// The assessment date lies outside every edition of the rule data.
        NoEdition => "no_edition",
        /// A date that is not `YYYY-MM-DD` (or, for birth dates, `YYYY-MM` / `YYYY`).
        BadDate => "bad_date",
        /// A birth date after the assessment date.
        DateInFuture => "date_in_future",
        /// A negative count, area, amount or measurement.
        NegativeNumber => "negative_number",
        /// A number outside its possible range (age over 120, a height of 900 cm …).
        OutOfRange => "out_of_range",
        /// No members, or an empty member list.
        NoMembers => "no_members",
        /// A field the format does not have (often a typo).
        UnknownField => "unknown_field",
        /// A value of the wrong type or not in the list of allowed values.
        BadValue => "bad_value",
        /// A `schema` tag other than `mucsong/household@1`.
        WrongSchema => "wrong_schema",
        /// Text that is not JSON.
        BadJson => "bad_json",
        /// Answers that contradict each other (e.g. a rural household in a centrally-run city).
        Inconsistent => "inconsistent",
    }
);

/// One problem with one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// The answer path (`members[2].birth_date`, `assessed_on`), or `line 3, column 7` for JSON
    /// syntax errors.
    pub field: String,
    pub code: ProblemCode,
    /// What the field should hold, in words.
    pub expected: String,
    /// What it held, as typed (strings quoted).
    pub found: String,
}

impl Problem {
    pub(crate) fn new(
        field: impl Into<String>,
        code: ProblemCode,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Problem {
        Problem {
            field: field.into(),
            code,
            expected: expected.into(),
            found: found.into(),
        }
    }
}

impl Problem {
    /// An assessment date no edition covers, with the dates the rule data covers as what was
    /// expected (`rules::assessment_dates`, so the message follows the rule data).
    pub(crate) fn no_edition(date: Date) -> Problem {
        let dates = assessment_dates();
        Problem::new(
            "assessed_on",
            ProblemCode::NoEdition,
            format!(
                "a date from {} to {} (the editions the rules cover)",
                dates.start(),
                dates.end()
            ),
            date.to_string(),
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: expected {}, but found {}",
            self.field, self.expected, self.found
        )
    }
}

/// A household record that cannot be assessed, with every problem found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvalidHousehold {
    pub problems: Vec<Problem>,
}

impl fmt::Display for InvalidHousehold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidHousehold {}

impl From<Problem> for InvalidHousehold {
    fn from(problem: Problem) -> Self {
        InvalidHousehold {
            problems: vec![problem],
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
/// saved and imported households all come through here or through `HouseholdRecord::from_json`.
pub fn read_household(json: &str) -> Result<HouseholdRecord, (Problem, Option<u64>)> {
    let value = mucsong_json::parse(json).map_err(|e| (syntax_problem(&e), Some(e.line as u64)))?;
    HouseholdRecord::from_json(value).map_err(|problem| (problem, None))
}

/// A JSON syntax error as a problem placed at `line L, column C`.
fn syntax_problem(error: &mucsong_json::Error) -> Problem {
    Problem::new(
        format!("line {}, column {}", error.line, error.column),
        ProblemCode::BadJson,
        "a JSON object",
        error.message,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(json: &str) -> Problem {
        let mut problems = parse_household(json).unwrap_err().problems;
        assert_eq!(problems.len(), 1);
        problems.remove(0)
    }

    #[test]
    fn unknown_fields_name_their_path() {
        let p = problem(r#"{"members":[{"birth_date":"1980"},{"brith_date":"1990"}]}"#);
        assert_eq!(p.code, ProblemCode::UnknownField);
        assert!(p.field.starts_with("members[1]"), "{p}");
        assert!(p.found.contains("brith_date"), "{p}");
    }

    #[test]
    fn bad_enum_values_list_the_allowed_ones() {
        let p = problem(r#"{"area":"town"}"#);
        assert_eq!(p.field, "area");
        assert_eq!(p.code, ProblemCode::BadValue);
        assert_eq!(
            p.to_string(),
            "area: expected \"rural\" or \"urban\", but found \"town\""
        );
    }

    #[test]
    fn enum_fields_given_a_number_name_the_field() {
        let p = problem(r#"{"area":1}"#);
        assert_eq!(p.code, ProblemCode::BadValue);
        assert_eq!(
            p.to_string(),
            "area: expected \"rural\" or \"urban\", but found integer 1"
        );
        let p = problem(r#"{"members":[{"sex":"m"}]}"#);
        assert_eq!(
            p.to_string(),
            "members[0].sex: expected \"male\" or \"female\", but found \"m\""
        );
        let p = problem(r#"{"waste":2}"#);
        assert_eq!(
            p.to_string(),
            "waste: expected one of \"collected\", \"treated_on_site\", \"other\", but found integer 2"
        );
    }

    #[test]
    fn negative_counts_are_negative_numbers() {
        let p = problem(r#"{"assets":{"motorbike":-1}}"#);
        assert_eq!(p.field, "assets.motorbike");
        assert_eq!(p.code, ProblemCode::NegativeNumber);
        assert_eq!(
            p.to_string(),
            "assets.motorbike: expected a whole number ≥ 0, but found integer -1"
        );
    }

    #[test]
    fn wrong_types_say_what_was_found() {
        let p = problem(r#"{"members":[{"health_insurance":"yes"}]}"#);
        assert_eq!(p.field, "members[0].health_insurance");
        assert_eq!(
            p.to_string(),
            "members[0].health_insurance: expected true, false or null, but found string \"yes\""
        );
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let p = problem("{\n\"area\": }");
        assert_eq!(p.code, ProblemCode::BadJson);
        assert_eq!(p.field, "line 2, column 9");
    }

    /// The dates a refused assessment date should have been in are the rule data's.
    #[test]
    fn a_date_outside_the_editions_names_the_editions_dates() {
        let editions = &crate::rules().editions;
        let (first, last) = (editions.first().unwrap(), editions.last().unwrap());
        let date = last.until.succ();
        let p = Problem::no_edition(date);
        assert_eq!(p.code, ProblemCode::NoEdition);
        assert_eq!(
            p.to_string(),
            format!(
                "assessed_on: expected a date from {} to {} (the editions the rules cover), but found {date}",
                first.since, last.until
            )
        );
    }

    #[test]
    fn several_problems_display_one_per_line() {
        let invalid = InvalidHousehold {
            problems: vec![
                Problem::new("a", ProblemCode::BadDate, "x", "\"y\""),
                Problem::new("b", ProblemCode::NoMembers, "z", "nothing"),
            ],
        };
        assert_eq!(
            invalid.to_string(),
            "a: expected x, but found \"y\"\nb: expected z, but found nothing"
        );
    }
}
