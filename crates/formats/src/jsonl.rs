//! Household records as JSON Lines (formats.md §3) and as one whole-file JSON document: a streaming
//! reader over any `BufRead`, and a writer of one result (or one error) per line in input order.

use crate::error::{code, Place, Problem, RecordError};
use crate::household;
use mucsong_engine::{HouseholdRecord, ResultRecord};
use mucsong_json::{self as json, Value};
use serde::Serialize;
use std::io::{self, BufRead, Read, Write};

/// The UTF-8 byte-order mark some editors put at the start of a file.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// One non-blank line of a JSON Lines file: the household, or why it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct LineRecord {
    /// 1-based line number.
    pub line: u64,
    pub record: Result<HouseholdRecord, RecordError>,
}

/// Reads household records one line at a time, reusing one line buffer. Blank lines are skipped
/// (and counted); a UTF-8 byte-order mark on line 1 is accepted. A bad line is an `Err` record, and
/// reading goes on with the next line; only I/O failures end the iteration early.
pub struct JsonLinesReader<R> {
    input: R,
    /// Holds a line that does not fit in the input's buffer.
    buffer: Vec<u8>,
    counter: LineCounter,
}

impl<R: BufRead> JsonLinesReader<R> {
    pub fn new(input: R) -> Self {
        Self::starting_at_line(input, 1)
    }

    /// A reader of a part of a file whose first line is line `first_line` of the file (for
    /// chunked or parallel runs); a byte-order mark is accepted only on line 1.
    pub fn starting_at_line(input: R, first_line: u64) -> Self {
        JsonLinesReader {
            input,
            buffer: Vec::new(),
            counter: LineCounter {
                line: first_line.saturating_sub(1),
                n_blank_lines: 0,
            },
        }
    }

    /// Blank lines skipped so far.
    pub fn n_blank_lines(&self) -> u64 {
        self.counter.n_blank_lines
    }

    /// Lines read so far (blank or not).
    pub fn n_lines(&self) -> u64 {
        self.counter.line
    }
}

impl<R: BufRead> Iterator for JsonLinesReader<R> {
    type Item = io::Result<LineRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            // Fast path: a whole line already in the reader's buffer is parsed in place, without
            // copying it out; a line cut by the buffer's end is gathered into our own buffer.
            let available = match self.input.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            };
            if available.is_empty() {
                return None;
            }
            let (outcome, consumed) = match find_newline(available) {
                Some(end) => (self.counter.take_line(&available[..end]), end + 1),
                None => {
                    self.buffer.clear();
                    if let Err(e) = self.input.read_until(b'\n', &mut self.buffer) {
                        return Some(Err(e));
                    }
                    (self.counter.take_line(&self.buffer), 0)
                }
            };
            self.input.consume(consumed);
            if let Some(record) = outcome {
                return Some(Ok(record));
            }
        }
    }
}

/// The first newline: memchr natively (the command line's hot loop), a plain scan in the browser
/// (no more code in the wasm).
pub fn find_newline(bytes: &[u8]) -> Option<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    return memchr::memchr(b'\n', bytes);
    #[cfg(target_arch = "wasm32")]
    return bytes.iter().position(|&b| b == b'\n');
}

/// Line bookkeeping, apart from the input so a line can be parsed while it is borrowed from it.
struct LineCounter {
    line: u64,
    n_blank_lines: u64,
}

impl LineCounter {
    /// Counts a line and parses it, or counts it as blank (`None`).
    fn take_line(&mut self, mut bytes: &[u8]) -> Option<LineRecord> {
        self.line += 1;
        if self.line == 1 {
            bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            self.n_blank_lines += 1;
            return None;
        }
        let record = parse_household_bytes(bytes, Some(self.line));
        Some(LineRecord {
            line: self.line,
            record,
        })
    }
}

/// Parses one household from JSON bytes (one line of JSON Lines, or a whole document).
pub fn parse_household_bytes(
    bytes: &[u8],
    line: Option<u64>,
) -> Result<HouseholdRecord, RecordError> {
    let text = std::str::from_utf8(bytes).map_err(|e| invalid_utf8(bytes, &e, line))?;
    // Natively, a plain well-formed record is read without a JSON tree; anything else (and
    // every problem) goes through the tree reader, which words it.
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(record) = crate::household_stream::read_household_streaming(text) {
        return Ok(record);
    }
    household::parse_household(text)
        .map_err(|invalid| RecordError::from_invalid(line, read_id(text), &invalid))
}

/// Bytes that are not UTF-8: the first bad byte and its column (in characters, on its own line
/// when `bytes` is a whole document).
fn invalid_utf8(bytes: &[u8], error: &std::str::Utf8Error, line: Option<u64>) -> RecordError {
    let valid = &bytes[..error.valid_up_to()];
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = valid[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
        + 1;
    RecordError {
        line,
        id: None,
        problems: vec![Problem {
            place: Place::Record,
            code: code::INVALID_UTF8,
            expected: "UTF-8 text".to_string(),
            found: format!(
                "the byte 0x{:02X} at column {column}",
                bytes[error.valid_up_to()]
            ),
        }],
    }
}

/// The `id` of a record that failed, when it is a string in otherwise readable JSON.
fn read_id(text: &str) -> Option<String> {
    match json::parse(text).ok()? {
        Value::Object(mut map) => match map.remove("id")? {
            Value::String(id) => Some(id),
            _ => None,
        },
        _ => None,
    }
}

/// How the start of a JSON input looks: one household per line, or one (pretty-printed) document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonShape {
    Lines,
    Document,
}

/// Tells a JSON Lines file from a whole-file JSON document by its first non-blank line: a line that
/// is a complete object (ends with `}`) starts JSON Lines; `{` alone, or a line that goes on, starts
/// a document. A single compact object on one line reads the same either way.
pub fn sniff_json_shape(head: &[u8]) -> JsonShape {
    let head = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    let first_line = head
        .split(|&b| b == b'\n')
        .map(|l| l.trim_ascii())
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    if first_line.starts_with(b"{") && first_line.ends_with(b"}") {
        JsonShape::Lines
    } else {
        JsonShape::Document
    }
}

/// Reads one household from a whole JSON document (a file holding one record, pretty-printed or
/// not). Syntax errors carry the line they were found on; a wrong value is located by its field
/// path instead.
pub fn read_household_document<R: Read>(
    mut input: R,
) -> io::Result<Result<HouseholdRecord, RecordError>> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(&bytes);
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => {
            let line = 1 + body[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            return Ok(Err(invalid_utf8(body, &e, Some(line as u64))));
        }
    };
    Ok(household::read_household(text).map_err(|(problem, line)| {
        let mut error = RecordError::from_invalid(None, read_id(text), &problem.into());
        error.line = line;
        error
    }))
}

/// A result as serde_json writes it (compact, fields in declaration order, `null` for `None`).
fn write_result_json(out: &mut Vec<u8>, r: &ResultRecord) {
    fn key(out: &mut Vec<u8>, first: bool, name: &str) {
        out.extend_from_slice(if first { b"{\"" } else { b",\"" });
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b"\":");
    }
    fn int(out: &mut Vec<u8>, n: Option<i64>) {
        match n {
            Some(n) => {
                if n < 0 {
                    out.push(b'-');
                }
                out.extend_from_slice(decimal(n.unsigned_abs(), &mut [0; 20]));
            }
            None => out.extend_from_slice(b"null"),
        }
    }
    /// A machine key (ASCII snake_case: nothing to escape) as a JSON string, or `null`.
    fn word(out: &mut Vec<u8>, word: Option<&str>) {
        match word {
            Some(w) => {
                out.push(b'"');
                out.extend_from_slice(w.as_bytes());
                out.push(b'"');
            }
            None => out.extend_from_slice(b"null"),
        }
    }
    key(out, true, "schema");
    text(out, &r.schema);
    key(out, false, "id");
    match &r.id {
        Some(id) => text(out, id),
        None => out.extend_from_slice(b"null"),
    }
    key(out, false, "edition");
    text(out, &r.edition);
    key(out, false, "assessed_on");
    let on = r.assessed_on;
    if (0..=9999).contains(&on.year()) {
        out.push(b'"');
        out.extend_from_slice(&on.iso_bytes());
        out.push(b'"');
    } else {
        text(out, &on.to_string());
    }
    key(out, false, "screening");
    word(out, r.screening.map(|s| s.key()));
    key(out, false, "score_a");
    int(out, r.score_a);
    key(out, false, "score_b");
    int(out, r.score_b);
    key(out, false, "indicators");
    out.push(b'{');
    for (i, (indicator, status)) in r.indicators.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        word(out, Some(indicator.key()));
        out.push(b':');
        word(out, Some(status.key()));
    }
    out.push(b'}');
    key(out, false, "class");
    word(out, Some(r.class.key()));
    key(out, false, "possible_classes");
    out.push(b'[');
    for (i, class) in r.possible_classes.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        word(out, Some(class.key()));
    }
    out.push(b']');
    key(out, false, "income_per_person_month_vnd");
    int(out, r.income_per_person_month_vnd);
    key(out, false, "income_class");
    word(out, r.income_class.map(|c| c.key()));
    key(out, false, "depends_on");
    out.push(b'[');
    for (i, path) in r.depends_on.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        text(out, path);
    }
    out.extend_from_slice(b"]}");
}

/// A string as serde_json writes it: as is when nothing in it needs an escape (a quote, a
/// backslash, a control character), else through serde_json itself.
fn text(out: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        serde_json::to_writer(&mut *out, s).expect("writing to a Vec cannot fail");
    }
}

/// The line written for a record that could not be classified (formats.md §3).
#[derive(Serialize)]
struct ErrorLine<'a> {
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    error: String,
}

/// Writes one JSON object per line, in the order given.
pub struct JsonLinesWriter<W> {
    output: W,
    /// The line being written (one buffer for the whole stream).
    line: Vec<u8>,
}

impl<W: Write> JsonLinesWriter<W> {
    pub fn new(output: W) -> Self {
        JsonLinesWriter {
            output,
            line: Vec::with_capacity(1024),
        }
    }

    /// One result line: the text `serde_json::to_writer` gives the result (its derived
    /// `Serialize`), written field by field into one buffer and handed on with one write. A
    /// batch writes one line per household, and serde's path (a call per token into the output,
    /// every key escaped) was a tenth of a run's time. `tests/it/batch.rs` checks the text
    /// against serde_json's on generated results and on ids that need escapes.
    pub fn write_result(&mut self, result: &ResultRecord) -> io::Result<()> {
        let out = &mut self.line;
        out.clear();
        write_result_json(out, result);
        out.push(b'\n');
        self.output.write_all(out)
    }

    /// One error line: `{"id":…,"line":N,"error":"…"}`.
    pub fn write_error(&mut self, error: &RecordError) -> io::Result<()> {
        let line = ErrorLine {
            id: error.id.as_deref(),
            line: error.line,
            error: error.to_string(),
        };
        serde_json::to_writer(&mut self.output, &line)?;
        self.output.write_all(b"\n")
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.output.flush()
    }

    pub fn into_inner(self) -> W {
        self.output
    }
}

/// The decimal digits of `n` as `{n}` writes them, written into the end of `buf`: the result
/// writer's numbers and the household generator's, without a formatter in between.
pub fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[at..]
}
