//! Errors of batch files as structured data: where (line, field or column), a stable code, what was
//! expected and what was found. `Display` gives the English sentence; the browser translates the
//! parts instead (the codes are stable machine keys).

use mucsong_engine::{InvalidHousehold, ProblemCode};
use std::fmt;

/// Where in a record a problem sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A JSON field path, like `members[2].birth_date`.
    Field(String),
    /// A CSV column, named as in the file's header line.
    Column(String),
    /// The record as a whole (a JSON syntax error, a row with the wrong number of cells).
    Record,
}

/// One problem with one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    /// A stable machine key (`not_a_whole_number`, `invalid_utf8`, or an engine problem's key).
    pub code: &'static str,
    pub expected: String,
    /// Already rendered for display: quoted text (`"1,5tr"`) or a description (`nothing`).
    pub found: String,
}

/// The stable codes this module produces itself (the engine's problem codes pass through).
pub mod code {
    pub const INVALID_UTF8: &str = "invalid_utf8";
    pub const WRONG_CELL_COUNT: &str = "wrong_cell_count";
    pub const NOT_A_WHOLE_NUMBER: &str = "not_a_whole_number";
    pub const NOT_MONEY: &str = "not_money";
    pub const NOT_AN_INDICATOR_VALUE: &str = "not_an_indicator_value";
    pub const UNKNOWN_AREA: &str = "unknown_area";
    pub const UNKNOWN_REGION: &str = "unknown_region";
    pub const OUT_OF_RANGE: &str = "out_of_range";
}

/// Why one record (a JSON line, a whole JSON file, a CSV row) could not be classified. The other
/// records of the file go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The 1-based line the record starts on; `None` when a whole-file JSON record's problem has no
    /// single line (a wrong value found by field path).
    pub line: Option<u64>,
    /// The household's id, when it could be read.
    pub id: Option<String>,
    /// At least one problem.
    pub problems: Vec<Problem>,
}

impl RecordError {
    /// The engine's problems, placed as JSON fields. A JSON syntax error (the engine names its
    /// place `line L, column C`) belongs to the record as a whole; its column is kept in `found`,
    /// and its line too when the record has no line of its own.
    pub fn from_invalid(line: Option<u64>, id: Option<String>, invalid: &InvalidHousehold) -> Self {
        let problems = invalid
            .problems
            .iter()
            .map(|p| {
                let (place, found) = if p.code == ProblemCode::BadJson {
                    let position = match (line, p.field.split_once(", ")) {
                        (Some(_), Some((_, column))) => column.to_string(),
                        _ => p.field.clone(),
                    };
                    (
                        Place::Record,
                        format!("invalid JSON ({}) at {position}", p.found),
                    )
                } else if p.field.is_empty() || p.field == "(record)" {
                    (Place::Record, p.found.clone())
                } else {
                    (Place::Field(p.field.clone()), p.found.clone())
                };
                Problem {
                    place,
                    code: p.code.key(),
                    expected: p.expected.clone(),
                    found,
                }
            })
            .collect();
        RecordError { line, id, problems }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Field(path) => write!(f, "field {path}: ")?,
            Place::Column(name) => write!(f, "column {name}: ")?,
            Place::Record => {}
        }
        write!(f, "expected {}, but found {}", self.expected, self.found)
    }
}

impl fmt::Display for RecordError {
    /// `line 17, column thu_nhap_thang: expected a whole number of đồng, but found "1,5tr"`; several
    /// problems of one record are joined by `; `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}")?;
            if !self.problems.is_empty() {
                f.write_str(", ")?;
            }
        }
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RecordError {}

/// Quotes a value as found in the input for an error message, shortened when very long so one bad
/// cell cannot flood the output.
pub fn quoted(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let mut out = String::with_capacity(text.len().min(MAX_CHARS * 4) + 2);
    out.push('"');
    for (i, c) in text.chars().enumerate() {
        if i == MAX_CHARS {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A problem with a whole file: nothing (more) of it can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Nothing but blank space: a CSV file needs at least a header line.
    Empty,
    /// A UTF-16 byte-order mark, or NUL bytes between ASCII letters.
    Utf16,
    /// NUL bytes that do not look like UTF-16: a binary file.
    Binary,
    /// A spreadsheet workbook (ZIP) instead of a CSV file.
    Workbook,
    /// Bytes that are not UTF-8, starting on this line (a legacy code page such as Windows-1258).
    InvalidUtf8 { line: u64 },
    /// Required CSV columns absent from the header line (canonical English names).
    MissingColumns { columns: Vec<String> },
    /// CSV header names this format does not know (as written in the file).
    UnknownColumns { columns: Vec<String> },
    /// The same column twice (as written in the file: the first and the second spelling).
    DuplicateColumn { first: String, second: String },
    /// A CSV structure error the reader cannot get past (an unterminated quote).
    MalformedCsv { line: Option<u64>, detail: String },
    /// Reading failed.
    Io { detail: String },
}

impl FileError {
    /// A stable machine key for translation.
    pub fn code(&self) -> &'static str {
        match self {
            FileError::Empty => "empty_file",
            FileError::Utf16 => "utf16_file",
            FileError::Binary => "binary_file",
            FileError::Workbook => "workbook_file",
            FileError::InvalidUtf8 { .. } => "invalid_utf8_file",
            FileError::MissingColumns { .. } => "missing_columns",
            FileError::UnknownColumns { .. } => "unknown_columns",
            FileError::DuplicateColumn { .. } => "duplicate_column",
            FileError::MalformedCsv { .. } => "malformed_csv",
            FileError::Io { .. } => "io_error",
        }
    }
}

/// What every encoding message ends with: the one encoding we read, and how to get it from Excel.
const SAVE_AS_UTF8: &str =
    "expected a UTF-8 text file (in Excel: Save As → \"CSV UTF-8 (Comma delimited)\")";

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Empty => f.write_str("the file is empty: expected a header line and one line per household"),
            FileError::Utf16 => write!(f, "the file is encoded as UTF-16: {SAVE_AS_UTF8}"),
            FileError::Binary => {
                write!(f, "the file contains NUL bytes, so it is not a text file: {SAVE_AS_UTF8}")
            }
            FileError::Workbook => {
                write!(f, "the file is a spreadsheet workbook (.xlsx/.ods), not a CSV file: {SAVE_AS_UTF8}")
            }
            FileError::InvalidUtf8 { line } => write!(
                f,
                "line {line} is not valid UTF-8 (the file may be saved as Windows-1258, TCVN3 or another legacy encoding): {SAVE_AS_UTF8}"
            ),
            FileError::MissingColumns { columns } => {
                let names: Vec<String> = columns.iter().map(|c| column_with_alias(c)).collect();
                write!(f, "the header line lacks required columns: {}", names.join(", "))
            }
            FileError::UnknownColumns { columns } => {
                let names: Vec<String> = columns.iter().map(|c| quoted(c)).collect();
                write!(
                    f,
                    "the header line has unknown columns {} (a misspelt column must not silently become \"unknown\"): expected only {}",
                    names.join(", "),
                    crate::summary_csv::SummaryColumn::ALL
                        .iter()
                        .map(|c| format!("{} ({})", c.english(), c.vietnamese()))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            FileError::DuplicateColumn { first, second } => {
                write!(f, "the header line names the same column twice: {} and {}", quoted(first), quoted(second))
            }
            FileError::MalformedCsv { line: Some(line), detail } => write!(f, "line {line}: the CSV structure is broken: {detail}"),
            FileError::MalformedCsv { line: None, detail } => write!(f, "the CSV structure is broken: {detail}"),
            FileError::Io { detail } => write!(f, "the file could not be read: {detail}"),
        }
    }
}

/// `area (khu_vuc)`: an English column name with its Vietnamese alias, for messages; alternatives
/// (`score_a or monthly_income_vnd`) each get theirs.
fn column_with_alias(english: &str) -> String {
    english
        .split(" or ")
        .map(
            |name| match crate::summary_csv::SummaryColumn::from_header(name) {
                Some(c) if c.vietnamese() != name => format!("{name} ({})", c.vietnamese()),
                _ => name.to_string(),
            },
        )
        .collect::<Vec<_>>()
        .join(" or ")
}

impl std::error::Error for FileError {}

impl From<std::io::Error> for FileError {
    fn from(e: std::io::Error) -> Self {
        FileError::Io {
            detail: e.to_string(),
        }
    }
}
