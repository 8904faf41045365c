//! Classifying whole files: drivers that read a stream of households (JSON Lines, one JSON
//! document, summary CSV, through `mucsong_formats`), assess each with the engine and write one
//! result or error per household, and the commune statistics they tally (`summary`). Shared by the
//! command-line tool and the browser's commune mode, so nothing here touches the file system,
//! standard input or the clock: input and output are any `BufRead` / `Write`, and the assessment
//! date is a parameter.

pub mod summary;

pub use summary::{CommuneSummary, IndicatorTally};

use mucsong_engine::{self as engine, AssessOptions, Date};
use mucsong_formats::jsonl;
use mucsong_formats::summary_csv::CsvWriteOptions;
use mucsong_formats::{
    FileError, JsonLinesReader, JsonLinesWriter, LineRecord, RecordError, SummaryCsvReader,
    SummaryCsvWriter,
};
use std::io::{self, BufRead, Write};

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchReport {
    pub n_classified: u64,
    pub n_rejected: u64,
    /// Blank lines (JSON Lines) or rows of empty cells (CSV) skipped.
    pub n_blank: u64,
    /// Statistics of the classified households.
    pub summary: CommuneSummary,
}

impl BatchReport {
    /// Adds the report of another part of the same file.
    pub fn merge(&mut self, other: &BatchReport) {
        self.n_classified += other.n_classified;
        self.n_rejected += other.n_rejected;
        self.n_blank += other.n_blank;
        self.summary.merge(&other.summary);
    }

    fn classified(&mut self, result: &mucsong_engine::ResultRecord) {
        self.n_classified += 1;
        self.summary.add(result);
    }

    fn rejected(&mut self) {
        self.n_rejected += 1;
        self.summary.add_rejected();
    }
}

/// Classifies every line of a JSON Lines input, writing one result or error line per household.
/// Only I/O errors stop it.
pub fn classify_json_lines<R: BufRead, W: Write>(
    input: R,
    output: W,
    options: &AssessOptions,
) -> io::Result<BatchReport> {
    classify_json_lines_from(input, output, options, 1)
}

/// `classify_json_lines` for a part of a file that starts on line `first_line` (a chunk of a
/// parallel or chunked run); error lines carry the file's line numbers.
pub fn classify_json_lines_from<R: BufRead, W: Write>(
    input: R,
    output: W,
    options: &AssessOptions,
    first_line: u64,
) -> io::Result<BatchReport> {
    let mut reader = JsonLinesReader::starting_at_line(input, first_line);
    let mut writer = JsonLinesWriter::new(output);
    let mut report = BatchReport::default();
    for item in &mut reader {
        let LineRecord { line, record } = item?;
        match record.and_then(|household| {
            // Only the result is written: the explanation is not built.
            engine::assess_result(&household, options).map_err(|invalid| {
                RecordError::from_invalid(Some(line), household.id.clone(), &invalid)
            })
        }) {
            Ok(result) => {
                writer.write_result(&result)?;
                report.classified(&result);
            }
            Err(error) => {
                writer.write_error(&error)?;
                report.rejected();
            }
        }
    }
    report.n_blank = reader.n_blank_lines();
    writer.flush()?;
    Ok(report)
}

/// Classifies a whole-file JSON document holding one household; writes one line.
pub fn classify_json_document<R: io::Read, W: Write>(
    input: R,
    output: W,
    options: &AssessOptions,
) -> io::Result<BatchReport> {
    let mut writer = JsonLinesWriter::new(output);
    let mut report = BatchReport::default();
    let outcome = jsonl::read_household_document(input)?.and_then(|household| {
        engine::assess_result(&household, options)
            .map_err(|invalid| RecordError::from_invalid(None, household.id.clone(), &invalid))
    });
    match outcome {
        Ok(result) => {
            writer.write_result(&result)?;
            report.classified(&result);
        }
        Err(error) => {
            writer.write_error(&error)?;
            report.rejected();
        }
    }
    writer.flush()?;
    Ok(report)
}

/// Why a CSV run stopped early.
#[derive(Debug)]
pub enum CsvRunError {
    /// The file cannot be read as a summary CSV (rows before the problem were already written).
    File(FileError),
    /// Writing failed.
    Output(io::Error),
}

impl std::fmt::Display for CsvRunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CsvRunError::File(e) => e.fmt(f),
            CsvRunError::Output(e) => write!(f, "the output could not be written: {e}"),
        }
    }
}

impl std::error::Error for CsvRunError {}

/// Classifies every row of a summary CSV as of `assessed_on`. `options` chooses the output layout;
/// `None` mirrors the input's (separator, BOM, header language). The report covers the rows done,
/// also when a file-level error stopped the run (the rows before it were already written).
pub fn classify_summary_csv<R: BufRead, W: Write>(
    input: R,
    output: W,
    assessed_on: Date,
    options: Option<CsvWriteOptions>,
) -> (BatchReport, Result<(), CsvRunError>) {
    let mut report = BatchReport::default();
    let outcome = run_summary_csv(input, output, assessed_on, options, &mut report);
    (report, outcome)
}

fn run_summary_csv<R: BufRead, W: Write>(
    input: R,
    output: W,
    assessed_on: Date,
    options: Option<CsvWriteOptions>,
    report: &mut BatchReport,
) -> Result<(), CsvRunError> {
    let mut reader = SummaryCsvReader::new(input).map_err(CsvRunError::File)?;
    let options = options.unwrap_or_else(|| reader.layout().into());
    let mut writer =
        SummaryCsvWriter::new(output, reader.columns(), options).map_err(CsvRunError::Output)?;
    let finished = loop {
        let row = match reader.next_row() {
            None => break Ok(()),
            Some(Ok(row)) => row,
            Some(Err(e)) => break Err(CsvRunError::File(e)),
        };
        let outcome = row.row.and_then(|summary| {
            engine::assess_summary(&summary, assessed_on)
                .map_err(|invalid| reader.row_error(row.line, summary.id.clone(), &invalid))
        });
        match &outcome {
            Ok(result) => report.classified(result),
            Err(_) => report.rejected(),
        }
        writer
            .write_row(&row.cells, outcome.as_ref())
            .map_err(CsvRunError::Output)?;
    };
    report.n_blank = reader.n_blank_rows();
    // Rows written before a file-level error are kept: flush them either way.
    writer.flush().map_err(CsvRunError::Output)?;
    finished
}
