//! Mức Sống's file formats, as docs/formats.md defines them: household records in JSON and JSON
//! Lines, summary CSV (commune sheets of scores), result CSV, the household app's saved-household
//! envelopes and export files, and the structured errors their readers give (row, column, what was
//! expected, what was found). Batch readers take any `BufRead` and writers any `Write`; the app's
//! texts are plain strings. No file system, no clock, so the same code runs in the command-line
//! tool and in the browser.
//! The contract is `docs/formats.md` (workspace root), changed only with a new schema version.

pub mod envelope;
pub mod error;
pub mod household;
/// Native only: the web pages keep the tree reader alone (size).
#[cfg(not(target_arch = "wasm32"))]
pub mod household_stream;
pub mod jsonl;
pub mod result_csv;
pub mod summary_csv;
pub mod transfer;

pub use error::{FileError, Place, Problem, RecordError};
pub use household::parse_household;
pub use jsonl::{JsonLinesReader, JsonLinesWriter, JsonShape, LineRecord};
pub use result_csv::ResultCsvWriter;
pub use summary_csv::{
    CsvLayout, CsvWriteOptions, HeaderLanguage, SummaryColumn, SummaryCsvReader, SummaryCsvWriter,
};
