//! The command-line tool: classifies household files (one JSON record, JSON Lines, summary CSV)
//! with the same engine and batch readers as the app, streaming from a file or standard input to
//! standard output.

use mucsong::batch::{self, BatchReport, CsvRunError, JsonShape};
use mucsong::engine::{AssessOptions, Date};
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
mucsong — classify households under Vietnam's multidimensional poverty standard

Usage:
  mucsong classify [--as-of YYYY-MM-DD] [--format json|jsonl|csv] [--summary] FILE
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
            _ => return Err(format!("unknown option {text:?}")),
        }
    }
    let file = file.ok_or_else(|| "missing FILE (use `-` for standard input)".to_string())?;
    Ok(Command::Classify(Args {
        as_of,
        format,
        summary,
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
    let (input, name): (Box<dyn Read>, String) = if args.file == "-" {
        (Box::new(io::stdin().lock()), "standard input".to_string())
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
        Ok(head) if batch::jsonl::sniff_json_shape(head) == JsonShape::Lines => Format::JsonLines,
        _ => Format::Json,
    }
}

/// JSON when the first non-blank character (after a BOM) is `{`, else CSV.
fn sniff_format(head: &[u8]) -> Format {
    let body = head.strip_prefix(batch::jsonl::UTF8_BOM).unwrap_or(head);
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => match batch::jsonl::sniff_json_shape(body) {
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
