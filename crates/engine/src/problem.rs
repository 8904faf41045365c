//! Input problems: what was wrong with a household record, where, what was expected and what was
//! found. Validation produces them, and the readers of file formats (mucsong-formats) turn syntax
//! and shape errors into the same `Problem`s, so every front end shows one kind of message.

use serde::Serialize;
use std::fmt;

/// What kind of problem an answer has. `key()` is the UI's translation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// No `assessed_on` in the record and no date given by the caller.
    MissingAssessmentDate,
    /// The assessment date lies outside every edition (2022-01-01 … 2030-12-31).
    NoEdition,
    /// A date that is not `YYYY-MM-DD` (or, for birth dates, `YYYY-MM` / `YYYY`).
    BadDate,
    /// A birth date after the assessment date.
    DateInFuture,
    /// A negative count, area, amount or measurement.
    NegativeNumber,
    /// A number outside its possible range (age over 120, a height of 900 cm …).
    OutOfRange,
    /// No members, or an empty member list.
    NoMembers,
    /// A field the format does not have (often a typo).
    UnknownField,
    /// A value of the wrong type or not in the list of allowed values.
    BadValue,
    /// A `schema` tag other than `mucsong/household@1`.
    WrongSchema,
    /// Text that is not JSON.
    BadJson,
    /// Answers that contradict each other (e.g. a rural household in a centrally-run city).
    Inconsistent,
}

impl ProblemCode {
    /// The stable machine key (also the translation key).
    pub fn key(self) -> &'static str {
        match self {
            ProblemCode::MissingAssessmentDate => "missing_assessment_date",
            ProblemCode::NoEdition => "no_edition",
            ProblemCode::BadDate => "bad_date",
            ProblemCode::DateInFuture => "date_in_future",
            ProblemCode::NegativeNumber => "negative_number",
            ProblemCode::OutOfRange => "out_of_range",
            ProblemCode::NoMembers => "no_members",
            ProblemCode::UnknownField => "unknown_field",
            ProblemCode::BadValue => "bad_value",
            ProblemCode::WrongSchema => "wrong_schema",
            ProblemCode::BadJson => "bad_json",
            ProblemCode::Inconsistent => "inconsistent",
        }
    }
}

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
    pub fn new(
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

#[cfg(test)]
mod tests {
    use super::*;

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
