//! The command-line tool: classifies household files (one JSON record, JSON Lines, summary CSV)
//! with the same engine and batch readers as the app, streaming from a file or standard input to
//! standard output.

use mucsong_batch::{self as batch, BatchReport, CsvRunError};
use mucsong_engine::{AssessOptions, Date};
use mucsong_formats::JsonShape;
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
mucsong — classify households under Vietnam's multidimensional poverty standard

Usage:
  mucsong classify [--as-of YYYY-MM-DD] [--format json|jsonl|csv] [--jobs N] [--summary] FILE
  mucsong --help | --version

FILE is a household record (JSON), one record per line (JSON Lines), or a summary CSV;
`-` reads standard input. The format follows the extension (.json, .jsonl/.ndjson, .csv)
or, otherwise, the content.

Output (standard output): one result per line as JSON Lines; for a CSV input, the same rows
plus score_b, class, income_class and error, laid out like the input (separator, BOM,
English or Vietnamese header names). A record that cannot be read gets an error line or
cell naming its line and field, and the others go on.

Options:
  --as-of YYYY-MM-DD   assess as of this date instead of each record's assessed_on
                       (CSV rows have no date: they use --as-of or today's date in Vietnam)
  --format FORMAT      json, jsonl or csv: skip format detection (useful with `-`)
  --jobs N             threads classifying JSON Lines (default: the number of cores,
                       at most 8); the output is the same, in input order
  --summary            print commune statistics (classes, indicators, H, A, M0) to
                       standard error at the end
  -h, --help           show this help
  -V, --version        show the version

CSV: UTF-8 with or without BOM, `,` or `;` separated. Columns: id (ma_ho), area (khu_vuc:
rural/urban, nong_thon/thanh_thi), region (vung), members (so_nhan_khau), score_a (diem_a)
and/or monthly_income_vnd (thu_nhap_thang: whole đồng, `1.500.000` allowed), and the twelve
indicators (1 deprived, 0 not, empty unknown). Unknown columns are refused.

Exit status: 0 every record classified; 1 some records or the file refused; 2 usage error.
";

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    JsonLines,
    Csv,
}

/// Parsed command line.
struct Args {
    as_of: Option<Date>,
    format: Option<Format>,
    summary: bool,
    /// Threads classifying JSON Lines (1: no extra threads).
    jobs: usize,
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
                    _ => {
                        return Err(format!(
                            "--format: expected json, jsonl or csv, but found {v:?}"
                        ))
                    }
                });
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
    let mut input = BufReader::with_capacity(256 * 1024, input);
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
        Format::Csv => {
            let date = args.as_of.unwrap_or_else(today_in_vietnam);
            match batch::classify_summary_csv(input, output, date, None) {
                (report, Ok(())) => Ok(report),
                (report, Err(e)) => {
                    if args.summary {
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
        // A closed pipe (`mucsong classify big.jsonl | head`) is the reader's choice, not an error.
        Err(CsvRunError::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(CsvRunError::Output(e)) => failure(&format!("cannot write the output: {e}")),
        Err(CsvRunError::File(e)) => failure(&format!("{name}: {e}")),
    }
}

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

/// A classified chunk: its order, its output lines and its report.
type Classified = (u64, Vec<u8>, BatchReport);

/// Classifies JSON Lines on `jobs` threads. A reader thread cuts the input into chunks of whole
/// lines; workers classify chunks into buffers with the file's line numbers; this thread writes the
/// buffers in input order. Tokens bound the chunks in flight, so memory stays flat whatever the
/// input's size. The output is byte for byte the sequential path's.
fn classify_json_lines_parallel(
    input: impl Read + Send,
    output: impl Write,
    options: &AssessOptions,
    jobs: usize,
) -> io::Result<BatchReport> {
    classify_chunks_in_parallel(
        input,
        output,
        jobs,
        CHUNK_BYTES,
        |bytes: &[u8], first_line: u64, out: &mut Vec<u8>| {
            batch::classify_json_lines_from(bytes, out, options, first_line)
        },
    )
}

/// The parallel pipeline, whatever classifies a chunk: `classify(bytes, first_line, out)` writes
/// the results of the chunk of whole lines `bytes`, which starts on line `first_line`, to `out`.
fn classify_chunks_in_parallel<F>(
    input: impl Read + Send,
    mut output: impl Write,
    jobs: usize,
    chunk_bytes: usize,
    classify: F,
) -> io::Result<BatchReport>
where
    F: Fn(&[u8], u64, &mut Vec<u8>) -> io::Result<BatchReport> + Sync,
{
    use std::sync::mpsc::{channel, sync_channel};
    use std::sync::{Arc, Mutex};

    let max_in_flight = jobs * IN_FLIGHT_PER_JOB;
    let (token_tx, token_rx) = sync_channel::<()>(max_in_flight);
    for _ in 0..max_in_flight {
        token_tx.send(()).expect("the receiver is alive");
    }
    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(jobs);
    let chunk_rx = Arc::new(Mutex::new(chunk_rx));
    let (done_tx, done_rx) = channel::<io::Result<Classified>>();
    let classify = &classify;

    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_chunks(input, chunk_tx, token_rx, chunk_bytes));
        for _ in 0..jobs {
            let chunk_rx = Arc::clone(&chunk_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || loop {
                let next = chunk_rx
                    .lock()
                    .map_err(|_| ())
                    .and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok(chunk) = next else { return };
                let mut out = Vec::with_capacity(chunk.bytes.len() / 4);
                let classified = classify(&chunk.bytes[..], chunk.first_line, &mut out)
                    .map(|report| (chunk.sequence, out, report));
                if done_tx.send(classified).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);

        let mut report = BatchReport::default();
        let mut pending = std::collections::BTreeMap::new();
        let mut next_sequence = 0u64;
        let mut written: io::Result<()> = Ok(());
        for classified in done_rx.iter() {
            let (sequence, bytes, part) = match classified {
                Ok(classified) => classified,
                Err(e) => {
                    written = Err(e);
                    break;
                }
            };
            pending.insert(sequence, (bytes, part));
            while let Some((bytes, part)) = pending.remove(&next_sequence) {
                if let Err(e) = output.write_all(&bytes) {
                    written = Err(e);
                    break;
                }
                report.merge(&part);
                next_sequence += 1;
                // A token back: the reader may cut one more chunk.
                let _ = token_tx.send(());
            }
            if written.is_err() {
                break;
            }
        }
        // On an early stop, closing these ends stops the reader and the workers.
        drop(done_rx);
        drop(token_tx);
        let read = reader.join().expect("the reader thread does not panic");
        written?;
        read?;
        output.flush()?;
        Ok(report)
    })
}

/// Reads the input in chunks that end at a line's end (a line longer than a chunk grows it), and
/// hands them out with the line number each starts on. Stops when the workers or the writer are
/// gone.
fn read_chunks(
    mut input: impl Read,
    chunks: std::sync::mpsc::SyncSender<Chunk>,
    tokens: std::sync::mpsc::Receiver<()>,
    chunk_bytes: usize,
) -> io::Result<()> {
    let mut carry: Vec<u8> = Vec::new();
    let (mut sequence, mut first_line) = (0u64, 1u64);
    loop {
        let mut bytes = std::mem::take(&mut carry);
        let start = bytes.len();
        bytes.resize(start + chunk_bytes, 0);
        let mut filled = start;
        while filled < bytes.len() {
            match input.read(&mut bytes[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        let at_end = filled < bytes.len();
        bytes.truncate(filled);
        if bytes.is_empty() {
            return Ok(());
        }
        let cut = if at_end {
            bytes.len()
        } else {
            match bytes.iter().rposition(|&b| b == b'\n') {
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
        let n_newlines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        if tokens.recv().is_err() {
            return Ok(());
        }
        if chunks
            .send(Chunk {
                sequence,
                first_line,
                bytes,
            })
            .is_err()
        {
            return Ok(());
        }
        sequence += 1;
        first_line += n_newlines;
        if at_end {
            return Ok(());
        }
    }
}

fn format_from_extension(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "csv" => Some(Format::Csv),
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

/// JSON when the first non-blank character (after a BOM) is `{`, else CSV.
fn sniff_format(head: &[u8]) -> Format {
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

    #[test]
    fn days_map_to_dates() {
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(20_513).to_string(), "2026-03-01");
        assert_eq!(civil_from_days(20_512).to_string(), "2026-02-28");
        assert_eq!(civil_from_days(11_016).to_string(), "2000-02-29");
    }
}
