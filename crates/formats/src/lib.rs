//! Mức Sống's file formats, as docs/formats.md defines them: household records in JSON and JSON
//! Lines, summary CSV (commune sheets of scores), result CSV, and the structured errors their
//! readers give (row, column, what was expected, what was found). Readers take any `BufRead`,
//! writers any `Write`: no file system, no clock, so the same code runs in the command-line tool
//! and in the browser.
//! The contract is `docs/formats.md` (workspace root), changed only with a new schema version.

pub mod error;
pub mod jsonl;
pub mod result_csv;
pub mod summary_csv;

pub use error::{FileError, Place, Problem, RecordError};
pub use jsonl::{JsonLinesReader, JsonLinesWriter, JsonShape, LineRecord};
pub use result_csv::ResultCsvWriter;
pub use summary_csv::{
    CsvLayout, CsvWriteOptions, HeaderLanguage, SummaryColumn, SummaryCsvReader, SummaryCsvWriter,
};
