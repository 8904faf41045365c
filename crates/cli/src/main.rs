//! The command-line tool: classifies household files (one JSON record, JSON Lines, summary CSV,
//! an officer's own `.csv` or `.xlsx` sheet) with the same engine and batch readers as the app,
//! from a file or standard input to standard output. Sheets go through commune mode's import
//! (`mucsong_commune::import`), the reader the browser uses, so a province's IT staff can script
//! what an officer does by hand.

use mucsong_batch::{self as batch, BatchReport, CsvRunError};
use mucsong_engine::{AssessOptions, Date};
use mucsong_formats::JsonShape;
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use mucsong_commune::import::{
    import_sheet, ColumnChoices, Import, Imported, Target, MAX_IMPORT_BYTES,
};
use mucsong_commune::messages::note_text;
use mucsong_formats::summary_csv::SummaryColumn;
use mucsong_i18n::{Locale, COMMUNE};

const USAGE: &str = "\
mucsong — classify households under Vietnam's multidimensional poverty standard

Usage:
  mucsong classify [--as-of YYYY-MM-DD] [--format json|jsonl|csv|xlsx] [--jobs N]
                   [--column 'HEADER=KEY']... [--summary] FILE
  mucsong --help | --version

FILE is a household record (JSON), one record per line (JSON Lines), or a household sheet:
a CSV or an Excel workbook (.xlsx); `-` reads standard input. The format follows the
extension (.json, .jsonl/.ndjson, .csv, .xlsx) or, otherwise, the content.

Output (standard output): one result per line as JSON Lines; for a CSV input, the same rows
plus score_b, class, income_class and error, laid out like the input (separator, BOM,
English or Vietnamese header names). A record that cannot be read gets an error line or
cell naming its line and field, and the others go on.

Options:
  --as-of YYYY-MM-DD   assess as of this date instead of each record's assessed_on
                       (CSV rows have no date: they use --as-of or today's date in Vietnam)
  --format FORMAT      json, jsonl, csv or xlsx: skip format detection (useful with `-`)
  --jobs N             threads classifying JSON Lines (default: the number of cores,
                       at most 8); the output is the same, in input order
  --column 'HEADER=KEY'  read the sheet's column HEADER as KEY (a column name below, or
                       `-` to pass it over), where its name is not one mucsong knows;
                       may be repeated
  --summary            print commune statistics (classes, indicators, H, A, M0) to
                       standard error at the end
  -h, --help           show this help
  -V, --version        show the version

Sheets: a CSV (UTF-8 with or without BOM, `,` or `;` separated; a file saved as
Windows-1258 or TCVN3 is refused with what to do) or the first worksheet of an .xlsx that
has household columns, at most 50 MB. The header row may sit under title rows. Columns: id
(ma_ho), area (khu_vuc: rural/urban, nong_thon/thanh_thi, 'Nông thôn'), region (vung, keys
or names like 'Trung du và miền núi phía Bắc'), members (so_nhan_khau), score_a (diem_a)
and/or monthly_income_vnd (thu_nhap_thang: whole đồng, `1.500.000` allowed), and the twelve
indicators (1 deprived, 0 not, empty unknown); headers are also matched by their Vietnamese
or English names, with or without diacritics, in any case ('Số nhân khẩu', 'Điểm B1').
Unknown columns are passed over with a note on standard error, and so are title rows,
merged cells, dates in number columns and repeated household ids: each note names its row
and column. Output rows keep the sheet's row numbers. A CSV larger than 50 MB is streamed
instead, and must then use the column names above exactly.

Exit status: 0 every record classified; 1 some records or the file refused, or the output
cannot be written; 2 usage error; 141 (128 + SIGPIPE, as for a tool the signal stopped)
standard output closed early, as by `| head`: the run stops there, with no message.
";

/// The exit status when standard output closes early (see `USAGE`).
const BROKEN_PIPE_STATUS: u8 = 128 + 13;

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    JsonLines,
    Csv,
    Xlsx,
}

/// Parsed command line.
struct Args {
    as_of: Option<Date>,
    format: Option<Format>,
    summary: bool,
    /// Threads classifying JSON Lines (1: no extra threads).
    jobs: usize,
    /// `--column`: the officer's own matches of a sheet's headers.
    choices: ColumnChoices,
    file: OsString,
}

/// What the command line asks for.
enum Command {
    Help,
    Version,
    Classify(Args),
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let Some(first) = args.next() else {
        return Err("missing command".to_string());
    };
    match first.to_str() {
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some("classify") => {}
        _ => {
            return Err(format!(
                "unknown command {:?}: expected `classify`",
                first.to_string_lossy()
            ))
        }
    }
    let (mut as_of, mut format, mut summary, mut file) = (None, None, false, None);
    let mut choices = ColumnChoices::default();
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let mut only_operands = false;
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if only_operands || text == "-" || !text.starts_with('-') {
            if file.replace(arg.clone()).is_some() {
                return Err(format!("unexpected extra argument {text:?}: give one FILE"));
            }
            continue;
        }
        // `--flag=value` and `--flag value` both work.
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) => (flag.to_string(), Some(value.to_string())),
            None => (text.to_string(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next().map(|v| v.to_string_lossy().into_owned()))
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--" => only_operands = true,
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--as-of" => {
                let v = value("--as-of")?;
                as_of = Some(Date::parse(&v).map_err(|_| {
                    format!("--as-of: expected a date YYYY-MM-DD, but found {v:?}")
                })?);
            }
            "--format" => {
                let v = value("--format")?;
                format = Some(match v.as_str() {
                    "json" => Format::Json,
                    "jsonl" | "ndjson" => Format::JsonLines,
                    "csv" => Format::Csv,
                    "xlsx" => Format::Xlsx,
                    _ => {
                        return Err(format!(
                            "--format: expected json, jsonl, csv or xlsx, but found {v:?}"
                        ))
                    }
                });
            }
            "--column" => {
                let v = value("--column")?;
                let parsed = v.rsplit_once('=').and_then(|(header, key)| {
                    let target = match key.trim() {
                        "-" => Some(Target::Ignored),
                        key => SummaryColumn::ALL
                            .into_iter()
                            .chain([SummaryColumn::ScoreB, SummaryColumn::Class])
                            .find(|c| c.english() == key || c.vietnamese() == key)
                            .map(Target::Column),
                    }?;
                    Some((header.trim().to_string(), target))
                });
                match parsed {
                    Some((header, target)) if !header.is_empty() => choices.choose(&header, target),
                    _ => {
                        return Err(format!(
                            "--column: expected HEADER=KEY with KEY a column name (members, so_nhan_khau, …) or -, but found {v:?}"
                        ))
                    }
                }
            }
            "--summary" => summary = true,
            "--jobs" => {
                let v = value("--jobs")?;
                jobs = match v.parse::<usize>() {
                    Ok(n @ 1..=64) => n,
                    _ => {
                        return Err(format!(
                            "--jobs: expected a whole number from 1 to 64, but found {v:?}"
                        ))
                    }
                };
            }
            _ => return Err(format!("unknown option {text:?}")),
        }
    }
    let file = file.ok_or_else(|| "missing FILE (use `-` for standard input)".to_string())?;
    Ok(Command::Classify(Args {
        as_of,
        format,
        summary,
        jobs,
        choices,
        file,
    }))
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args_os().skip(1)) {
        Ok(command) => command,
        Err(message) => return usage_error(&message),
    };
    let args = match command {
        Command::Help => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Command::Version => {
            println!("mucsong {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Command::Classify(args) => args,
    };
    // `Send`, so the parallel JSON Lines path can read on its own thread.
    let (input, name): (Box<dyn Read + Send>, String) = if args.file == "-" {
        (Box::new(io::stdin()), "standard input".to_string())
    } else {
        let path = Path::new(&args.file);
        match File::open(path) {
            Ok(file) => (Box::new(file), path.display().to_string()),
            Err(e) => return usage_error(&format!("cannot open {}: {e}", path.display())),
        }
    };
    let mut input = BufReader::with_capacity(256 * 1024, InputErrors(input));
    let format = match args
        .format
        .or_else(|| format_from_extension(Path::new(&args.file)))
    {
        Some(Format::Json) => Some(sniff_json(&mut input)),
        Some(format) => Some(format),
        None => None,
    };
    let format = match format {
        Some(format) => format,
        None => match input.fill_buf() {
            Ok(head) => sniff_format(head),
            Err(e) => return failure(&format!("cannot read {name}: {e}")),
        },
    };
    let stdout = io::stdout();
    let output = BufWriter::with_capacity(256 * 1024, stdout.lock());
    let options = AssessOptions { as_of: args.as_of };
    let outcome = match format {
        Format::Json => {
            batch::classify_json_document(input, output, &options).map_err(CsvRunError::Output)
        }
        Format::JsonLines if args.jobs > 1 => {
            classify_json_lines_parallel(input, output, &options, args.jobs)
                .map_err(CsvRunError::Output)
        }
        Format::JsonLines => {
            batch::classify_json_lines(input, output, &options).map_err(CsvRunError::Output)
        }
        Format::Csv | Format::Xlsx => {
            let date = args.as_of.unwrap_or_else(today_in_vietnam);
            // A sheet of up to MAX_IMPORT_BYTES is read whole through the import; a larger CSV
            // is streamed through the summary reader as it is.
            let mut head = Vec::new();
            if let Err(e) = (&mut input)
                .take(MAX_IMPORT_BYTES as u64 + 1)
                .read_to_end(&mut head)
            {
                return failure(&format!("cannot read {name}: {e}"));
            }
            let (input, options): (Box<dyn BufRead>, _) =
                if head.len() <= MAX_IMPORT_BYTES || format == Format::Xlsx {
                    match import(&head, &name, &args.choices) {
                        Ok(imported) => (
                            Box::new(io::Cursor::new(imported.csv)),
                            Some(imported.layout),
                        ),
                        Err(code) => return code,
                    }
                } else {
                    (Box::new(io::Cursor::new(head).chain(input)), None)
                };
            match batch::classify_summary_csv(input, output, date, options) {
                (report, Ok(())) => Ok(report),
                (report, Err(e)) => {
                    // The rows before a refused part of the file were classified; a run cut by
                    // its output has no statistics worth giving.
                    if args.summary && matches!(e, CsvRunError::File(_)) {
                        print_summary(&report);
                    }
                    Err(e)
                }
            }
        }
    };
    match outcome {
        Ok(report) => {
            if args.summary {
                print_summary(&report);
            }
            if report.n_rejected > 0 {
                eprintln!(
                    "mucsong: {} of {} records refused (the output says why, with line and field)",
                    report.n_rejected,
                    report.n_rejected + report.n_classified
                );
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        // The drivers give one `io::Error` for reading and writing: the input's are marked.
        Err(CsvRunError::Output(e)) if InputError::is_one(&e) => {
            failure(&format!("cannot read {name}: {e}"))
        }
        // A closed pipe (`mucsong classify big.jsonl | head`) is the reader's choice: stop without
        // a word, with the status a shell gives a tool that SIGPIPE killed (Rust ignores SIGPIPE,
        // so we see the error instead), so `set -o pipefail` sees a cut output as with `cat`.
        Err(CsvRunError::Output(e)) if is_broken_pipe(&e) => ExitCode::from(BROKEN_PIPE_STATUS),
        Err(CsvRunError::Output(e)) => failure(&format!("cannot write the output: {e}")),
        Err(CsvRunError::File(e)) => failure(&format!("{name}: {e}")),
    }
}

/// Whether writing failed because the output was closed, also when the error comes wrapped (the
/// CSV writer's `io::Error` holds a `csv::Error` that holds the `io::Error`, and gives no source).
fn is_broken_pipe(error: &io::Error) -> bool {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return true;
    }
    match error.get_ref() {
        Some(inner) => match inner.downcast_ref::<csv::Error>().map(csv::Error::kind) {
            Some(csv::ErrorKind::Io(e)) => is_broken_pipe(e),
            _ => inner
                .downcast_ref::<io::Error>()
                .is_some_and(is_broken_pipe),
        },
        None => false,
    }
}

/// The input, its errors marked as `InputError`s, so a failure to read is not reported as one to
/// write (the drivers return either as an `io::Error`).
struct InputErrors<R>(R);

impl<R: Read> Read for InputErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| match e.kind() {
            io::ErrorKind::Interrupted => e,
            kind => io::Error::new(kind, InputError(e)),
        })
    }
}

/// An error reading the input.
#[derive(Debug)]
struct InputError(io::Error);

impl InputError {
    fn is_one(error: &io::Error) -> bool {
        error
            .get_ref()
            .is_some_and(|inner| inner.is::<InputError>())
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for InputError {}

/// Bytes per chunk of the parallel path: large enough to amortise hand-offs, small enough that the
/// chunks in flight (at most `IN_FLIGHT_PER_JOB` per thread) keep memory flat.
const CHUNK_BYTES: usize = 1 << 20;
const IN_FLIGHT_PER_JOB: usize = 3;

/// A chunk of whole lines: its order, the file line it starts on, and its bytes.
struct Chunk {
    sequence: u64,
    first_line: u64,
    bytes: Vec<u8>,
}

/// What a worker made of a chunk: its output lines and report, or why it has none.
enum Done {
    Classified(Vec<u8>, Box<BatchReport>),
    Failed(io::Error),
    /// The classifier panicked (a bug): the payload, to resume the panic on the writing thread.
    Panicked(Box<dyn std::any::Any + Send>),
}

/// Classifies JSON Lines on `jobs` threads. A reader thread cuts the input into chunks of whole
/// lines; workers classify chunks into buffers with the file's line numbers; this thread writes the
/// buffers in input order. Tokens bound the chunks in flight, so memory stays flat whatever the
/// input's size. The output is byte for byte the sequential path's.
fn classify_json_lines_parallel(
    input: impl Read + Send + 'static,
    output: impl Write,
    options: &AssessOptions,
    jobs: usize,
) -> io::Result<BatchReport> {
    let options = options.clone();
    classify_chunks_in_parallel(
        input,
        output,
        jobs,
        CHUNK_BYTES,
        move |bytes: &[u8], first_line: u64, out: &mut Vec<u8>| {
            batch::classify_json_lines_from(bytes, out, &options, first_line)
        },
    )
}

/// The parallel pipeline, whatever classifies a chunk: `classify(bytes, first_line, out)` writes
/// the results of the chunk of whole lines `bytes`, which starts on line `first_line`, to `out`.
///
/// It stops at the first failure in input order, after writing the chunks before it, as the
/// sequential path does: an output error (a closed pipe) or a classifier's error is returned, a
/// classifier's panic goes on here. Stopping must not wait for the other threads: the reader may be
/// blocked reading standard input from a program that has not finished, and the workers waiting
/// for it. So they are not joined on the way out but left to end on their own (each stops as soon
/// as it finds the other end of a channel gone) or with the process; hence `'static`.
fn classify_chunks_in_parallel<F>(
    input: impl Read + Send + 'static,
    mut output: impl Write,
    jobs: usize,
    chunk_bytes: usize,
    classify: F,
) -> io::Result<BatchReport>
where
    F: Fn(&[u8], u64, &mut Vec<u8>) -> io::Result<BatchReport> + Send + Sync + 'static,
{
    use std::panic::{self, AssertUnwindSafe};
    use std::sync::mpsc::{channel, sync_channel};
    use std::sync::{Arc, Mutex, PoisonError};

    let max_in_flight = jobs * IN_FLIGHT_PER_JOB;
    let (token_tx, token_rx) = sync_channel::<()>(max_in_flight);
    for _ in 0..max_in_flight {
        token_tx.send(()).expect("the receiver is alive");
    }
    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(jobs);
    // Only the workers hold the chunks' receiving end, so once they are gone the reader's next
    // hand-off fails and it stops (this thread holding it too once left the reader blocked).
    let chunk_rx = Arc::new(Mutex::new(chunk_rx));
    let (done_tx, done_rx) = channel::<(u64, Done)>();
    let classify = Arc::new(classify);

    let reader = std::thread::spawn(move || read_chunks(input, chunk_tx, token_rx, chunk_bytes));
    for _ in 0..jobs {
        let chunk_rx = Arc::clone(&chunk_rx);
        let done_tx = done_tx.clone();
        let classify = Arc::clone(&classify);
        std::thread::spawn(move || loop {
            // The lock is released at the end of the statement, before classifying.
            let next = chunk_rx
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .recv();
            let Ok(chunk) = next else { return };
            let mut out = Vec::with_capacity(chunk.bytes.len() / 4);
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                classify(&chunk.bytes[..], chunk.first_line, &mut out)
            }));
            let (done, go_on) = match outcome {
                Ok(Ok(report)) => (Done::Classified(out, Box::new(report)), true),
                Ok(Err(e)) => (Done::Failed(e), true),
                Err(payload) => (Done::Panicked(payload), false),
            };
            if done_tx.send((chunk.sequence, done)).is_err() || !go_on {
                return;
            }
        });
    }
    drop((chunk_rx, done_tx));

    let mut report = BatchReport::default();
    let mut pending = std::collections::BTreeMap::new();
    let mut next_sequence = 0u64;
    let mut stop = None;
    'receiving: for (sequence, done) in done_rx.iter() {
        pending.insert(sequence, done);
        while let Some(done) = pending.remove(&next_sequence) {
            match done {
                Done::Classified(bytes, part) => {
                    if let Err(e) = output.write_all(&bytes) {
                        stop = Some(Done::Failed(e));
                        break 'receiving;
                    }
                    report.merge(&part);
                    next_sequence += 1;
                    // A token back: the reader may cut one more chunk.
                    let _ = token_tx.send(());
                }
                failure => {
                    stop = Some(failure);
                    break 'receiving;
                }
            }
        }
    }
    // On an early stop, closing these ends stops the workers (their next hand-off fails), and
    // with them the reader.
    drop((done_rx, token_tx));
    match stop {
        Some(Done::Failed(e)) => {
            // The lines before the failure go out (after a write error, this fails again fast).
            let _ = output.flush();
            Err(e)
        }
        Some(Done::Panicked(payload)) => {
            let _ = output.flush();
            panic::resume_unwind(payload)
        }
        Some(Done::Classified(..)) => unreachable!("a stop is a failure"),
        None => {
            // Every worker has ended, so the reader has too: the chunks' channel is closed.
            let read = reader
                .join()
                .unwrap_or_else(|payload| panic::resume_unwind(payload));
            output.flush()?;
            let n_chunks = read?;
            if next_sequence != n_chunks || !pending.is_empty() {
                return Err(io::Error::other(format!(
                    "{} of {n_chunks} chunks came back from the worker threads",
                    next_sequence
                )));
            }
            Ok(report)
        }
    }
}

/// Reads the input in chunks that end at a line's end (a line longer than a chunk grows it), and
/// hands them out with the line number each starts on. Stops when the workers or the writer are
/// gone. Returns the number of chunks handed out.
fn read_chunks(
    mut input: impl Read,
    chunks: std::sync::mpsc::SyncSender<Chunk>,
    tokens: std::sync::mpsc::Receiver<()>,
    chunk_bytes: usize,
) -> io::Result<u64> {
    let mut carry: Vec<u8> = Vec::new();
    let (mut sequence, mut first_line) = (0u64, 1u64);
    loop {
        let mut bytes = std::mem::take(&mut carry);
        let start = bytes.len();
        bytes.resize(start + chunk_bytes, 0);
        let mut filled = start;
        let mut failure = None;
        while filled < bytes.len() {
            match input.read(&mut bytes[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        let at_end = filled < bytes.len();
        bytes.truncate(filled);
        if let Some(e) = failure {
            // As the sequential path does, the whole lines read so far are classified first.
            let cut = memchr::memrchr(b'\n', &bytes).map_or(0, |i| i + 1);
            bytes.truncate(cut);
            if !bytes.is_empty() && tokens.recv().is_ok() {
                let _ = chunks.send(Chunk {
                    sequence,
                    first_line,
                    bytes,
                });
            }
            return Err(e);
        }
        if bytes.is_empty() {
            return Ok(sequence);
        }
        let cut = if at_end {
            bytes.len()
        } else {
            match memchr::memrchr(b'\n', &bytes) {
                Some(i) => i + 1,
                None => {
                    // One line longer than a chunk: read on until it ends.
                    carry = bytes;
                    continue;
                }
            }
        };
        carry = bytes[cut..].to_vec();
        bytes.truncate(cut);
        let n_newlines = memchr::memchr_iter(b'\n', &bytes).count() as u64;
        if tokens.recv().is_err() {
            return Ok(sequence);
        }
        if chunks
            .send(Chunk {
                sequence,
                first_line,
                bytes,
            })
            .is_err()
        {
            return Ok(sequence);
        }
        sequence += 1;
        first_line += n_newlines;
        if at_end {
            return Ok(sequence);
        }
    }
}

/// Reads a sheet through commune mode's import, its notes and repeated ids said on standard
/// error; or the exit status when it cannot be read or lacks columns.
fn import(bytes: &[u8], name: &str, choices: &ColumnChoices) -> Result<Imported, ExitCode> {
    let request = match import_sheet(bytes, choices) {
        Ok(Import::Ready(imported)) => {
            let mut err = io::stderr().lock();
            let place = match &imported.sheet {
                Some(sheet) => format!("{name}, sheet \"{sheet}\""),
                None => name.to_string(),
            };
            for note in &imported.notes {
                let _ = writeln!(err, "mucsong: {place}: {}", note_text(note, Locale::En));
            }
            if imported.n_more_notes > 0 {
                let _ = writeln!(
                    err,
                    "mucsong: {place}: {} more notes",
                    imported.n_more_notes
                );
            }
            for duplicate in &imported.duplicates {
                let rows: Vec<String> = duplicate.lines.iter().map(u64::to_string).collect();
                let _ = writeln!(
                    err,
                    "mucsong: {place}: household id {:?} is on rows {}: each row is classified; keep one in the sheet",
                    duplicate.id,
                    rows.join(", ")
                );
            }
            return Ok(imported);
        }
        Ok(Import::NeedsMapping(request)) => request,
        Err(e) => {
            let message = mucsong_commune::messages::import_error(&e);
            let vietnamese = COMMUNE.format(Locale::Vi, message.key, &message.arg_refs());
            return Err(failure(&format!("{name}: {e}\n  ({vietnamese})")));
        }
    };
    let missing: Vec<String> = request
        .missing
        .iter()
        .map(|r| {
            r.columns()
                .iter()
                .map(|c| format!("{} ({})", c.english(), c.vietnamese()))
                .collect::<Vec<_>>()
                .join(" or ")
        })
        .collect();
    let unread: Vec<String> = request
        .headers
        .iter()
        .filter(|h| h.target.is_none() && !h.text.is_empty())
        .map(|h| format!("\"{}\"", h.text))
        .collect();
    Err(failure(&format!(
        "{name}: the header row (row {}) has no column for: {}. Columns not read: {}. Name one with --column \"HEADER=KEY\".",
        request.header_line,
        missing.join(", "),
        if unread.is_empty() { "none".to_string() } else { unread.join(", ") }
    )))
}

fn format_from_extension(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "csv" => Some(Format::Csv),
        "xlsx" | "xlsm" => Some(Format::Xlsx),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// A `.json` file may hold one pretty-printed record or, by habit, JSON Lines.
fn sniff_json(input: &mut impl BufRead) -> Format {
    match input.fill_buf() {
        Ok(head) if mucsong_formats::jsonl::sniff_json_shape(head) == JsonShape::Lines => {
            Format::JsonLines
        }
        _ => Format::Json,
    }
}

/// A workbook when the file is a zip archive, JSON when the first non-blank character (after a
/// BOM) is `{`, else CSV.
fn sniff_format(head: &[u8]) -> Format {
    if head.starts_with(b"PK\x03\x04") {
        return Format::Xlsx;
    }
    let body = head
        .strip_prefix(mucsong_formats::jsonl::UTF8_BOM)
        .unwrap_or(head);
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => match mucsong_formats::jsonl::sniff_json_shape(body) {
            JsonShape::Lines => Format::JsonLines,
            JsonShape::Document => Format::Json,
        },
        _ => Format::Csv,
    }
}

/// Today's date in Vietnam (UTC+7 all year, no daylight saving). Only the CLI reads the clock.
fn today_in_vietnam() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let days = (seconds + 7 * 3600).div_euclid(86_400);
    civil_from_days(days)
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date::new(year, month, day).expect("civil_from_days yields valid dates")
}

fn print_summary(report: &BatchReport) {
    let s = &report.summary;
    let pct = |x: Option<f64>| x.map_or("–".to_string(), |x| format!("{:.1} %", x * 100.0));
    let mut err = io::stderr().lock();
    let _ = writeln!(
        err,
        "households classified: {}, refused: {}",
        s.n_households, s.n_rejected
    );
    let _ = writeln!(
        err,
        "poor: {} ({}), near-poor: {} ({}), not poor: {} ({}), undetermined: {} ({})",
        s.n_poor,
        pct(s.share_poor()),
        s.n_near_poor,
        pct(s.share_near_poor()),
        s.n_not_poor,
        pct(s.share_not_poor()),
        s.n_undetermined,
        pct(s.share_undetermined())
    );
    let _ = writeln!(
        err,
        "Alkire–Foster: H = {}, A = {}, M0 = {}",
        pct(s.headcount_ratio()),
        pct(s.intensity()),
        s.adjusted_headcount_ratio()
            .map_or("–".to_string(), |m| format!("{m:.4}"))
    );
    let _ = writeln!(
        err,
        "indicator: deprived among all (known/unknown) | among poor"
    );
    for (indicator, t) in s.indicators() {
        let _ = writeln!(
            err,
            "  {:<20} {} ({}/{}) | {} ({}/{})",
            indicator.key(),
            pct(t.share_deprived()),
            t.n_known,
            t.n_unknown,
            pct(t.share_deprived_poor()),
            t.n_known_poor,
            t.n_unknown_poor
        );
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("mucsong: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

fn failure(message: &str) -> ExitCode {
    eprintln!("mucsong: {message}");
    ExitCode::from(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::panic::AssertUnwindSafe;
    use std::time::Duration;

    /// Runs `run` on a thread of its own and returns what it returns, or fails the test if it has
    /// not returned after `seconds` (leaving the thread behind), so a hang cannot hang the tests.
    fn within_seconds<T: Send + 'static>(
        seconds: u64,
        run: impl FnOnce() -> T + Send + 'static,
    ) -> T {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(run());
        });
        rx.recv_timeout(Duration::from_secs(seconds))
            .unwrap_or_else(|_| panic!("still running after {seconds} s"))
    }

    /// A classifier that copies its chunk to the output, one report entry a line, and panics on
    /// the chunk that holds line `panic_on`.
    fn echo(panic_on: Option<u64>) -> impl Fn(&[u8], u64, &mut Vec<u8>) -> io::Result<BatchReport> {
        move |bytes, first_line, out| {
            let n_lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
            if let Some(line) =
                panic_on.filter(|&l| (first_line..first_line + n_lines).contains(&l))
            {
                panic!("line {line}");
            }
            out.extend_from_slice(bytes);
            Ok(BatchReport {
                n_classified: n_lines,
                ..BatchReport::default()
            })
        }
    }

    /// Fails every write with `kind` once `capacity` bytes went through.
    struct FailingWriter {
        capacity: usize,
        kind: io::ErrorKind,
    }

    impl Write for FailingWriter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.capacity == 0 {
                return Err(self.kind.into());
            }
            let n = buf.len().min(self.capacity);
            self.capacity -= n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Gives `head`, then blocks for ever: standard input from a program that has not finished.
    struct StalledReader {
        head: io::Cursor<Vec<u8>>,
        never: (std::sync::mpsc::Sender<()>, std::sync::mpsc::Receiver<()>),
    }

    impl Read for StalledReader {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.head.read(buf)? {
                0 => {
                    let _ = self.never.1.recv();
                    Ok(0)
                }
                n => Ok(n),
            }
        }
    }

    /// Gives `head`, then fails.
    struct FailingReader {
        head: io::Cursor<Vec<u8>>,
    }

    impl Read for FailingReader {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.head.read(buf)? {
                0 => Err(io::Error::other("the disk is gone")),
                n => Ok(n),
            }
        }
    }

    fn numbered_lines(n: u64) -> Vec<u8> {
        (1..=n)
            .map(|i| format!("{i}\n"))
            .collect::<String>()
            .into_bytes()
    }

    #[test]
    fn the_parallel_pipeline_writes_its_input_in_order() {
        let input = numbered_lines(5000);
        for chunk_bytes in [1, 7, 64, 1 << 20] {
            let mut output = Vec::new();
            let report = classify_chunks_in_parallel(
                io::Cursor::new(input.clone()),
                &mut output,
                3,
                chunk_bytes,
                echo(None),
            )
            .unwrap();
            assert!(output == input, "chunks of {chunk_bytes} bytes");
            assert_eq!(report.n_classified, 5000);
        }
    }

    #[test]
    fn a_write_error_stops_the_parallel_pipeline() {
        let endless: Box<dyn Read + Send> = Box::new(io::repeat(b'\n'));
        let stalled: Box<dyn Read + Send> = Box::new(StalledReader {
            head: io::Cursor::new(numbered_lines(20_000)),
            never: std::sync::mpsc::channel(),
        });
        for (name, input) in [("endless", endless), ("stalled", stalled)] {
            let outcome = within_seconds(10, move || {
                let output = FailingWriter {
                    capacity: 1000,
                    kind: io::ErrorKind::BrokenPipe,
                };
                classify_chunks_in_parallel(input, output, 4, 256, echo(None)).map(|_| ())
            });
            let error = outcome.expect_err(name);
            assert_eq!(error.kind(), io::ErrorKind::BrokenPipe, "{name}");
        }
    }

    #[test]
    fn a_read_error_stops_the_run_after_the_whole_lines_before_it() {
        // As the sequential path: every whole line read is classified, then the error.
        let lines = numbered_lines(3000);
        for chunk_bytes in [64, 1 << 20] {
            let mut head = lines.clone();
            head.extend_from_slice(b"300");
            let mut output = Vec::new();
            let error = classify_chunks_in_parallel(
                FailingReader {
                    head: io::Cursor::new(head),
                },
                &mut output,
                3,
                chunk_bytes,
                echo(None),
            )
            .unwrap_err();
            assert_eq!(error.to_string(), "the disk is gone");
            assert!(output == lines, "chunks of {chunk_bytes} bytes");
        }
    }

    #[test]
    fn a_classifier_error_stops_the_run_after_the_lines_before_it() {
        let input = numbered_lines(2000);
        let echo = echo(None);
        let (error, output) = within_seconds(10, move || {
            let mut output = Vec::new();
            let outcome = classify_chunks_in_parallel(
                io::Cursor::new(input),
                &mut output,
                4,
                64,
                move |bytes: &[u8], first_line: u64, out: &mut Vec<u8>| {
                    // Late, so that the chunks after it are done first.
                    let n_lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
                    if (first_line..first_line + n_lines).contains(&1000) {
                        return Err(io::Error::other("no memory"));
                    }
                    // The chunks just before the failing one come back after it.
                    if first_line > 900 {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    echo(bytes, first_line, out)
                },
            );
            (outcome.unwrap_err(), output)
        });
        assert_eq!(error.to_string(), "no memory");
        let n_lines = String::from_utf8(output).unwrap().lines().count();
        assert!((980..1000).contains(&n_lines), "{n_lines}");
    }

    #[test]
    fn a_worker_that_panics_stops_the_run_after_the_lines_before_it() {
        let input = numbered_lines(2000);
        let (message, output) = within_seconds(10, move || {
            let mut output = Vec::new();
            let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
                classify_chunks_in_parallel(
                    io::Cursor::new(input),
                    &mut output,
                    4,
                    64,
                    echo(Some(1000)),
                )
            }));
            let message = outcome.err().map(|payload| {
                payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default()
            });
            (message, output)
        });
        // The panic goes on, as in the sequential run, once the lines before it are written.
        assert_eq!(message.as_deref(), Some("line 1000"));
        let lines: Vec<u64> = String::from_utf8(output)
            .unwrap()
            .lines()
            .map(|l| l.parse().unwrap())
            .collect();
        assert!(lines.iter().copied().eq(1..=lines.len() as u64));
        assert!((980..1000).contains(&lines.len()), "{}", lines.len());
    }

    #[test]
    fn days_map_to_dates() {
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(20_513).to_string(), "2026-03-01");
        assert_eq!(civil_from_days(20_512).to_string(), "2026-02-28");
        assert_eq!(civil_from_days(11_016).to_string(), "2000-02-29");
    }
}
