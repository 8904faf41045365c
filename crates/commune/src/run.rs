//! One pass over a commune file, in chunks: detects the format, refuses what cannot be read (with a
//! structured reason), then classifies a few records per `step` through `mucsong_formats`' readers and
//! the engine — exactly what the command-line tool does — adding each result to the commune
//! statistics and, for an export, writing it out. The browser calls `step` between yields to the
//! event loop; native tests call `classify_file`, which runs the very same steps to the end.

use super::targets::TargetTally;
use mucsong_batch::CommuneSummary;
use mucsong_engine::{self as engine, AssessOptions, Date, ResultRecord};
use mucsong_formats::error::RecordError;
use mucsong_formats::jsonl::{self, sniff_json_shape, JsonShape, LineRecord, UTF8_BOM};
use mucsong_formats::summary_csv::{check_encoding, CsvWriteOptions, HeaderLanguage};
use mucsong_formats::{
    FileError, JsonLinesReader, JsonLinesWriter, ResultCsvWriter, SummaryCsvReader,
    SummaryCsvWriter,
};
use std::cell::{Cell, RefCell};
use std::io::{self, BufRead, Cursor, Read, Write};
use std::rc::Rc;
use std::sync::Arc;

/// A file's bytes, shared by the classification run and any later export run (no copy: a 50 MB
/// file is read into memory once).
#[derive(Debug, Clone)]
pub struct Bytes(Arc<Vec<u8>>);

impl Bytes {
    pub fn new(bytes: Vec<u8>) -> Bytes {
        Bytes(Arc::new(bytes))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

/// The largest file accepted. Bigger files are refused up front with a message, rather than
/// risking the memory of a cheap phone; 100 MB is about 1.5 million summary rows.
pub const MAX_FILE_BYTES: usize = 100 * 1024 * 1024;

/// How many bad records are kept for the on-screen list; all of them are counted, and every one
/// is in the exported results.
pub const MAX_LISTED_ERRORS: usize = 500;

/// Records per step in `classify_file` (the browser sizes its steps by time instead).
const RECORDS_PER_STEP: usize = 1024;

mucsong_rules::keyed_enum!(
    /// What kind of file this is.
    pub enum InputFormat {
        /// One household record per line (formats.md §3).
        JsonLines => "jsonl",
        /// One household record in a whole (often pretty-printed) JSON file.
        JsonDocument => "json",
        /// B2 answers and score A or income, one household per row (formats.md §3).
        SummaryCsv => "csv",
    }
);

impl InputFormat {
    /// Decides by the file's extension, else by its content: JSON starts with `{`.
    pub fn detect(file_name: &str, bytes: &[u8]) -> InputFormat {
        let extension = file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        let json_shape = || match sniff_json_shape(body) {
            JsonShape::Lines => InputFormat::JsonLines,
            JsonShape::Document => InputFormat::JsonDocument,
        };
        match extension.as_str() {
            "csv" => InputFormat::SummaryCsv,
            "jsonl" | "ndjson" => InputFormat::JsonLines,
            "json" => json_shape(),
            _ => match body.iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'{') => json_shape(),
                _ => InputFormat::SummaryCsv,
            },
        }
    }
}

/// The assessment date for the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunOptions {
    /// The date summary CSV rows are assessed on (they carry none), and household records too
    /// when `override_record_dates` is set (the command line's `--as-of`).
    pub as_of: Date,
    /// Assess every household record as of `as_of` instead of its own `assessed_on`.
    pub override_record_dates: bool,
}

/// What an export run writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// CSV with a BOM. For a summary CSV: the same rows plus `score_b`, `class`, `income_class`,
    /// `error`, with the input's separator; for household records: one row per result.
    ResultsCsv { language: HeaderLanguage },
    /// One result (or error) line per record, as the command-line tool writes.
    ResultsJsonLines,
}

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Larger than `MAX_FILE_BYTES`.
    TooLarge { n_bytes: u64 },
    /// The batch readers' reason (encoding, header line, …).
    File(FileError),
}

/// A byte reader over shared bytes that publishes how far it got (for the progress bar).
struct TrackedBytes {
    cursor: Cursor<Bytes>,
    position: Rc<Cell<u64>>,
}

impl Read for TrackedBytes {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.cursor.read(buf)?;
        self.position.set(self.cursor.position());
        Ok(n)
    }
}

impl BufRead for TrackedBytes {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.cursor.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.cursor.consume(amount);
        self.position.set(self.cursor.position());
    }
}

/// An output buffer the run writes into and the caller drains between steps, so a large export
/// never has to sit in memory twice.
#[derive(Clone, Default)]
struct SharedBuffer(Rc<RefCell<Vec<u8>>>);

impl Write for SharedBuffer {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

enum Source {
    Lines {
        reader: JsonLinesReader<TrackedBytes>,
        options: AssessOptions,
    },
    Document {
        bytes: Option<Bytes>,
        options: AssessOptions,
    },
    Csv {
        reader: SummaryCsvReader<TrackedBytes>,
        as_of: Date,
    },
}

enum Sink {
    SummaryCsv(SummaryCsvWriter<SharedBuffer>),
    ResultCsv(ResultCsvWriter<SharedBuffer>),
    Lines(JsonLinesWriter<SharedBuffer>),
}

/// One record read: where it was and what came of it.
struct Outcome {
    line: Option<u64>,
    cells: Option<csv::StringRecord>,
    result: Result<ResultRecord, RecordError>,
}

/// A run over one file.
pub struct CommuneRun {
    format: InputFormat,
    source: Source,
    position: Rc<Cell<u64>>,
    n_bytes: u64,
    summary: CommuneSummary,
    targets: TargetTally,
    errors: Vec<RecordError>,
    n_blank: u64,
    stopped_by: Option<FileError>,
    is_done: bool,
    sink: Option<Sink>,
    buffer: SharedBuffer,
}

impl CommuneRun {
    /// Checks the file (size, encoding, header line) and gets ready to classify it.
    pub fn start(
        bytes: Bytes,
        file_name: &str,
        options: &RunOptions,
        output: Option<Output>,
    ) -> Result<CommuneRun, OpenError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(OpenError::TooLarge {
                n_bytes: bytes.len() as u64,
            });
        }
        // The whole file is checked at once: a legacy code page or UTF-16 is refused before any
        // row is read, whatever the format.
        check_encoding(&bytes).map_err(OpenError::File)?;
        let format = InputFormat::detect(file_name, &bytes);
        let position = Rc::new(Cell::new(0));
        let n_bytes = bytes.len() as u64;
        let tracked = TrackedBytes {
            cursor: Cursor::new(bytes.clone()),
            position: position.clone(),
        };
        let assess_options = AssessOptions {
            as_of: options.override_record_dates.then_some(options.as_of),
        };
        let buffer = SharedBuffer::default();
        let csv_options = |delimiter, language| CsvWriteOptions {
            delimiter,
            bom: true,
            language,
        };
        let io_error = |e: io::Error| OpenError::File(FileError::from(e));
        let (source, sink) = match format {
            InputFormat::SummaryCsv => {
                let reader = SummaryCsvReader::new(tracked).map_err(OpenError::File)?;
                let sink = match output {
                    Some(Output::ResultsCsv { language }) => Some(Sink::SummaryCsv(
                        SummaryCsvWriter::new(
                            buffer.clone(),
                            reader.columns(),
                            csv_options(reader.layout().delimiter, language),
                        )
                        .map_err(io_error)?,
                    )),
                    Some(Output::ResultsJsonLines) => {
                        Some(Sink::Lines(JsonLinesWriter::new(buffer.clone())))
                    }
                    None => None,
                };
                let source = Source::Csv {
                    reader,
                    as_of: options.as_of,
                };
                (source, sink)
            }
            InputFormat::JsonLines | InputFormat::JsonDocument => {
                let sink = match output {
                    Some(Output::ResultsCsv { language }) => Some(Sink::ResultCsv(
                        ResultCsvWriter::new(buffer.clone(), csv_options(b',', language))
                            .map_err(io_error)?,
                    )),
                    Some(Output::ResultsJsonLines) => {
                        Some(Sink::Lines(JsonLinesWriter::new(buffer.clone())))
                    }
                    None => None,
                };
                let source = if format == InputFormat::JsonLines {
                    Source::Lines {
                        reader: JsonLinesReader::new(tracked),
                        options: assess_options,
                    }
                } else {
                    Source::Document {
                        bytes: Some(bytes),
                        options: assess_options,
                    }
                };
                (source, sink)
            }
        };
        Ok(CommuneRun {
            format,
            source,
            position,
            n_bytes,
            summary: CommuneSummary::new(),
            targets: TargetTally::default(),
            errors: Vec::new(),
            n_blank: 0,
            stopped_by: None,
            is_done: false,
            sink,
            buffer,
        })
    }

    /// Reads and classifies up to `max_records` records; true when the file is finished.
    pub fn step(&mut self, max_records: usize) -> bool {
        for _ in 0..max_records {
            if self.is_done {
                break;
            }
            match self.next_outcome() {
                Some(outcome) => self.take(outcome),
                None => self.finish(),
            }
        }
        self.is_done
    }

    /// The next record's outcome, or `None` at the end (or after a file-level stop).
    fn next_outcome(&mut self) -> Option<Outcome> {
        match &mut self.source {
            Source::Lines { reader, options } => match reader.next()? {
                Err(e) => {
                    self.stopped_by = Some(FileError::from(e));
                    None
                }
                Ok(LineRecord { line, record }) => Some(Outcome {
                    line: Some(line),
                    cells: None,
                    result: record.and_then(|household| {
                        engine::assess(&household, options)
                            .map(|a| a.result)
                            .map_err(|invalid| {
                                RecordError::from_invalid(
                                    Some(line),
                                    household.id.clone(),
                                    &invalid,
                                )
                            })
                    }),
                }),
            },
            Source::Document { bytes, options } => {
                let bytes = bytes.take()?;
                let record = match jsonl::read_household_document(&bytes[..]) {
                    Ok(record) => record,
                    Err(e) => {
                        self.stopped_by = Some(FileError::from(e));
                        return None;
                    }
                };
                Some(Outcome {
                    line: None,
                    cells: None,
                    result: record.and_then(|household| {
                        engine::assess(&household, options)
                            .map(|a| a.result)
                            .map_err(|invalid| {
                                RecordError::from_invalid(None, household.id.clone(), &invalid)
                            })
                    }),
                })
            }
            Source::Csv { reader, as_of } => match reader.next_row()? {
                Err(e) => {
                    self.stopped_by = Some(e);
                    None
                }
                Ok(row) => {
                    let result = row.row.and_then(|summary| {
                        engine::assess_summary(&summary, *as_of).map_err(|invalid| {
                            reader.row_error(row.line, summary.id.clone(), &invalid)
                        })
                    });
                    Some(Outcome {
                        line: Some(row.line),
                        cells: Some(row.cells),
                        result,
                    })
                }
            },
        }
    }

    fn take(&mut self, outcome: Outcome) {
        match &outcome.result {
            Ok(result) => {
                self.summary.add(result);
                self.targets.add(result);
            }
            Err(error) => {
                self.summary.add_rejected();
                if self.errors.len() < MAX_LISTED_ERRORS {
                    self.errors.push(error.clone());
                }
            }
        }
        let written = match &mut self.sink {
            None => Ok(()),
            Some(Sink::SummaryCsv(writer)) => {
                let empty = csv::StringRecord::new();
                writer.write_row(
                    outcome.cells.as_ref().unwrap_or(&empty),
                    outcome.result.as_ref(),
                )
            }
            Some(Sink::ResultCsv(writer)) => {
                writer.write_row(outcome.line, outcome.result.as_ref())
            }
            Some(Sink::Lines(writer)) => match &outcome.result {
                Ok(result) => writer.write_result(result),
                Err(error) => writer.write_error(error),
            },
        };
        // Writing goes to memory and cannot fail; should it ever, the run stops with the reason.
        if let Err(e) = written {
            self.stopped_by = Some(FileError::from(e));
            self.finish();
        }
    }

    fn finish(&mut self) {
        self.is_done = true;
        self.position.set(self.n_bytes);
        self.n_blank = match &self.source {
            Source::Lines { reader, .. } => reader.n_blank_lines(),
            Source::Csv { reader, .. } => reader.n_blank_rows(),
            Source::Document { .. } => 0,
        };
    }

    /// Whether every record has been read (or the file stopped).
    pub fn is_done(&self) -> bool {
        self.is_done
    }

    /// Bytes read so far and the file's size.
    pub fn progress(&self) -> (u64, u64) {
        (self.position.get().min(self.n_bytes), self.n_bytes)
    }

    pub fn format(&self) -> InputFormat {
        self.format
    }

    /// Statistics of the households classified so far.
    pub fn summary(&self) -> &CommuneSummary {
        &self.summary
    }

    /// Per-target tallies among poor households.
    pub fn targets(&self) -> &TargetTally {
        &self.targets
    }

    /// The first `MAX_LISTED_ERRORS` records that could not be classified (all are counted in
    /// `summary().n_rejected`).
    pub fn errors(&self) -> &[RecordError] {
        &self.errors
    }

    /// Blank lines or rows skipped (known once the run is done).
    pub fn n_blank(&self) -> u64 {
        self.n_blank
    }

    /// A problem that stopped the file part-way (the records before it count).
    pub fn stopped_by(&self) -> Option<&FileError> {
        self.stopped_by.as_ref()
    }

    /// The output written so far (flushed), leaving the buffer empty.
    pub fn take_output(&mut self) -> Vec<u8> {
        let flushed = match &mut self.sink {
            Some(Sink::SummaryCsv(w)) => w.flush(),
            Some(Sink::ResultCsv(w)) => w.flush(),
            Some(Sink::Lines(w)) => w.flush(),
            None => Ok(()),
        };
        debug_assert!(flushed.is_ok(), "writing to memory cannot fail");
        std::mem::take(&mut *self.buffer.0.borrow_mut())
    }
}

/// Classifies a whole file with the browser's steps, start to end: the batch path the commune
/// section uses, compiled natively for the parity tests. With an `output`, returns it too.
pub fn classify_file(
    bytes: Bytes,
    file_name: &str,
    options: &RunOptions,
    output: Option<Output>,
) -> Result<(CommuneRun, Vec<u8>), OpenError> {
    let mut run = CommuneRun::start(bytes, file_name, options, output)?;
    let mut written = Vec::new();
    while !run.step(RECORDS_PER_STEP) {
        written.extend(run.take_output());
    }
    written.extend(run.take_output());
    Ok((run, written))
}
