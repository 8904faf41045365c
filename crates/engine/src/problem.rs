//! Input problems: what was wrong with a household record, where, what was expected and what was
//! found. Validation produces them, and the readers of file formats (mucsong-formats) turn syntax
//! and shape errors into the same `Problem`s, so every front end shows one kind of message.

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

#[cfg(test)]
mod tests {
    use super::*;

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
