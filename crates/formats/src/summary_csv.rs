//! Summary CSV files (formats.md §3): one household's B2 answers and score A or income per row, for
//! officers who already hold them. Reads UTF-8 with or without BOM, comma or semicolon separated,
//! English or Vietnamese header names; writes the same rows plus the results.
//!
//! Decisions the format leaves open (documented here and in the CLI's help):
//! - Unknown columns are an error naming them, as unknown fields are for records: a misspelt
//!   indicator must not silently become "unknown". The result columns this module writes
//!   (`score_b`, `class`, `income_class`, `error` and their Vietnamese names) are accepted and ignored
//!   on input, so an exported file can be edited and classified again.
//! - `id` and `region` may be absent; `area`, `members`, the twelve indicators and at least one of
//!   `score_a` / `monthly_income_vnd` are required.
//! - Money is whole đồng. Thousands may be grouped by `.`, `,` or spaces ("1.500.000", "1,500,000",
//!   "1 500 000"); a group separator must be followed by exactly three digits, so "1.500" is 1500
//!   (a fraction of a đồng makes no sense). A decimal part is accepted only when it is zero
//!   ("1.500.000,00", as Excel may write it). A trailing "đ", "₫", "VND" or "đồng" is allowed.
//!   Anything else ("1,5tr", "1.5", "2 triệu") is refused with a message: guessing would misclassify.
//! - An encoding problem stops the file: UTF-16, NUL bytes, a workbook, or bytes that are not UTF-8.

use crate::error::{code, quoted, FileError, Place, Problem, RecordError};
use crate::jsonl::UTF8_BOM;
use mucsong_engine::household::{Area, Region};
use mucsong_engine::{IncomeClass, Indicator, InvalidHousehold, ResultRecord, SummaryRow};
use std::io::{self, BufRead, Write};

/// A column of the summary CSV format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SummaryColumn {
    Id,
    Area,
    Region,
    Members,
    ScoreA,
    MonthlyIncome,
    Indicator(Indicator),
    /// Output columns; ignored on input.
    ScoreB,
    Class,
    IncomeClass,
    Error,
}

impl SummaryColumn {
    /// Every input column, in the order formats.md lists them.
    pub const ALL: [SummaryColumn; 18] = [
        SummaryColumn::Id,
        SummaryColumn::Area,
        SummaryColumn::Region,
        SummaryColumn::Members,
        SummaryColumn::ScoreA,
        SummaryColumn::MonthlyIncome,
        SummaryColumn::Indicator(Indicator::Employment),
        SummaryColumn::Indicator(Indicator::Dependants),
        SummaryColumn::Indicator(Indicator::Nutrition),
        SummaryColumn::Indicator(Indicator::HealthInsurance),
        SummaryColumn::Indicator(Indicator::AdultEducation),
        SummaryColumn::Indicator(Indicator::ChildSchooling),
        SummaryColumn::Indicator(Indicator::HousingQuality),
        SummaryColumn::Indicator(Indicator::HousingArea),
        SummaryColumn::Indicator(Indicator::Water),
        SummaryColumn::Indicator(Indicator::Sanitation),
        SummaryColumn::Indicator(Indicator::Internet),
        SummaryColumn::Indicator(Indicator::InformationDevices),
    ];

    /// The columns a result adds, in output order.
    pub const RESULT: [SummaryColumn; 4] = [
        SummaryColumn::ScoreB,
        SummaryColumn::Class,
        SummaryColumn::IncomeClass,
        SummaryColumn::Error,
    ];

    /// The English (canonical) header name.
    pub fn english(self) -> &'static str {
        match self {
            SummaryColumn::Id => "id",
            SummaryColumn::Area => "area",
            SummaryColumn::Region => "region",
            SummaryColumn::Members => "members",
            SummaryColumn::ScoreA => "score_a",
            SummaryColumn::MonthlyIncome => "monthly_income_vnd",
            SummaryColumn::Indicator(i) => i.key(),
            SummaryColumn::ScoreB => "score_b",
            SummaryColumn::Class => "class",
            SummaryColumn::IncomeClass => "income_class",
            SummaryColumn::Error => "error",
        }
    }

    /// The Vietnamese header name (formats.md §3; the result columns' names are ours).
    pub fn vietnamese(self) -> &'static str {
        match self {
            SummaryColumn::Id => "ma_ho",
            SummaryColumn::Area => "khu_vuc",
            SummaryColumn::Region => "vung",
            SummaryColumn::Members => "so_nhan_khau",
            SummaryColumn::ScoreA => "diem_a",
            SummaryColumn::MonthlyIncome => "thu_nhap_thang",
            SummaryColumn::Indicator(i) => match i {
                Indicator::Employment => "viec_lam",
                Indicator::Dependants => "phu_thuoc",
                Indicator::Nutrition => "dinh_duong",
                Indicator::HealthInsurance => "bhyt",
                Indicator::AdultEducation => "giao_duc_nguoi_lon",
                Indicator::ChildSchooling => "di_hoc_tre_em",
                Indicator::HousingQuality => "chat_luong_nha",
                Indicator::HousingArea => "dien_tich_nha",
                Indicator::Water => "nuoc_sach",
                Indicator::Sanitation => "nha_tieu",
                Indicator::Internet => "internet",
                Indicator::InformationDevices => "thiet_bi_thong_tin",
                Indicator::Waste => "rac_thai",
            },
            SummaryColumn::ScoreB => "diem_b",
            SummaryColumn::Class => "phan_loai",
            SummaryColumn::IncomeClass => "phan_loai_thu_nhap",
            SummaryColumn::Error => "loi",
        }
    }

    /// The name in a language.
    pub fn name(self, language: HeaderLanguage) -> &'static str {
        match language {
            HeaderLanguage::English => self.english(),
            HeaderLanguage::Vietnamese => self.vietnamese(),
        }
    }

    /// Recognises a header name in either language: trimmed, case-insensitive, with spaces or
    /// hyphens read as underscores.
    pub fn from_header(name: &str) -> Option<SummaryColumn> {
        let name = normalise(name);
        SummaryColumn::ALL
            .into_iter()
            .chain(SummaryColumn::RESULT)
            .find(|c| c.english() == name || c.vietnamese() == name)
    }

    /// Whether this column only ever carries results (ignored on input).
    pub fn is_result(self) -> bool {
        SummaryColumn::RESULT.contains(&self)
    }
}

/// Lower case, trimmed, spaces and hyphens as underscores.
fn normalise(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The language of header names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HeaderLanguage {
    #[default]
    English,
    Vietnamese,
}

/// How an input file was laid out; the CLI writes its output the same way so it goes back into the
/// same spreadsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvLayout {
    /// `b','` or `b';'`.
    pub delimiter: u8,
    pub has_bom: bool,
    pub language: HeaderLanguage,
}

/// One data row: its line, its cells as read (for the output), and the parsed row or its problems.
#[derive(Debug, Clone)]
pub struct SummaryCsvRow {
    pub line: u64,
    pub cells: csv::StringRecord,
    pub row: Result<SummaryRow, RecordError>,
}

/// Reads a summary CSV row by row (streaming; one reused record buffer).
pub struct SummaryCsvReader<R> {
    csv: csv::Reader<R>,
    /// The column of each header cell.
    columns: Vec<SummaryColumn>,
    /// The header cells as written in the file (for messages).
    header_names: Vec<String>,
    layout: CsvLayout,
    record: csv::StringRecord,
    n_blank_rows: u64,
    failed: bool,
}

impl<R: BufRead> SummaryCsvReader<R> {
    /// Checks the encoding, sniffs the separator and reads the header line.
    pub fn new(mut input: R) -> Result<Self, FileError> {
        let head = input.fill_buf()?;
        check_encoding(head)?;
        let has_bom = head.starts_with(UTF8_BOM);
        let head = if has_bom {
            &head[UTF8_BOM.len()..]
        } else {
            head
        };
        let delimiter = sniff_delimiter(head);
        if has_bom {
            input.consume(UTF8_BOM.len());
        }
        // Lines end at `\n` only, so the reader's line numbers stay right for CRLF files (with the
        // default terminator a CRLF's `\n` is counted only when the next record starts); the `\r`
        // left at the end of the last cell is whitespace, trimmed like any other.
        let mut csv = csv::ReaderBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(input);
        let mut header = csv::StringRecord::new();
        loop {
            if !csv.read_record(&mut header).map_err(file_error)? {
                return Err(FileError::Empty);
            }
            if !header.iter().all(|c| c.trim().is_empty()) {
                break;
            }
        }
        let (columns, header_names) = map_header(&header)?;
        let n_vietnamese = header_names
            .iter()
            .zip(&columns)
            .filter(|(name, c)| normalise(name) == c.vietnamese() && c.vietnamese() != c.english())
            .count();
        let n_english = header_names
            .iter()
            .zip(&columns)
            .filter(|(name, c)| normalise(name) == c.english() && c.vietnamese() != c.english())
            .count();
        let language = if n_vietnamese > n_english {
            HeaderLanguage::Vietnamese
        } else {
            HeaderLanguage::English
        };
        Ok(SummaryCsvReader {
            csv,
            columns,
            header_names,
            layout: CsvLayout {
                delimiter,
                has_bom,
                language,
            },
            record: csv::StringRecord::new(),
            n_blank_rows: 0,
            failed: false,
        })
    }

    pub fn layout(&self) -> CsvLayout {
        self.layout
    }

    /// The column of each header cell, in file order.
    pub fn columns(&self) -> &[SummaryColumn] {
        &self.columns
    }

    /// Rows with only empty cells skipped so far.
    pub fn n_blank_rows(&self) -> u64 {
        self.n_blank_rows
    }

    /// The next row, `None` at the end, or a file-level error after which nothing more is read.
    pub fn next_row(&mut self) -> Option<Result<SummaryCsvRow, FileError>> {
        if self.failed {
            return None;
        }
        loop {
            match self.csv.read_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    self.failed = true;
                    return Some(Err(file_error(e)));
                }
            }
            if self.record.iter().all(|c| c.trim().is_empty()) {
                self.n_blank_rows += 1;
                continue;
            }
            let line = self.record.position().map_or(0, |p| p.line());
            let row = self.parse_row(line);
            return Some(Ok(SummaryCsvRow {
                line,
                cells: self.record.clone(),
                row,
            }));
        }
    }

    fn parse_row(&self, line: u64) -> Result<SummaryRow, RecordError> {
        let mut row = SummaryRow::default();
        let mut problems = Vec::new();
        if self.record.len() != self.columns.len() {
            problems.push(Problem {
                place: Place::Record,
                code: code::WRONG_CELL_COUNT,
                expected: format!("{} cells as in the header line", self.columns.len()),
                found: format!("{}", self.record.len()),
            });
        }
        for ((cell, &column), name) in self
            .record
            .iter()
            .zip(&self.columns)
            .zip(&self.header_names)
        {
            let place = || Place::Column(name.clone());
            let value = cell.trim();
            let outcome = match column {
                SummaryColumn::Id => {
                    row.id = (!value.is_empty()).then(|| value.to_string());
                    Ok(())
                }
                SummaryColumn::Area => parse_area(value).map(|v| row.area = v),
                SummaryColumn::Region => parse_region(value).map(|v| row.region = v),
                SummaryColumn::Members => {
                    parse_count(value, 1, 99, "members").map(|v| row.members = v.map(|n| n as u32))
                }
                SummaryColumn::ScoreA => {
                    parse_count(value, 0, 10_000, "points").map(|v| row.score_a = v)
                }
                SummaryColumn::MonthlyIncome => {
                    parse_money_cell(value).map(|v| row.monthly_income_vnd = v)
                }
                SummaryColumn::Indicator(indicator) => parse_indicator(value).map(|v| {
                    row.indicators.insert(indicator, v);
                }),
                SummaryColumn::ScoreB
                | SummaryColumn::Class
                | SummaryColumn::IncomeClass
                | SummaryColumn::Error => Ok(()),
            };
            if let Err((code, expected)) = outcome {
                problems.push(Problem {
                    place: place(),
                    code,
                    expected,
                    found: quoted(cell),
                });
            }
        }
        // A short row leaves indicators unset; they are unknown, like empty cells.
        for indicator in Indicator::TWELVE {
            row.indicators.entry(indicator).or_insert(None);
        }
        if problems.is_empty() {
            Ok(row)
        } else {
            Err(RecordError {
                line: Some(line),
                id: row.id.clone(),
                problems,
            })
        }
    }

    /// Turns the engine's problems with a row into column problems, naming the columns as the file
    /// does.
    pub fn row_error(
        &self,
        line: u64,
        id: Option<String>,
        invalid: &InvalidHousehold,
    ) -> RecordError {
        let problems = invalid
            .problems
            .iter()
            .map(|p| {
                let last = p.field.rsplit(['.', '[']).next().unwrap_or(&p.field);
                let column = SummaryColumn::from_header(&p.field)
                    .or_else(|| SummaryColumn::from_header(last));
                let place = match column.and_then(|c| self.columns.iter().position(|&k| k == c)) {
                    Some(i) => Place::Column(self.header_names[i].clone()),
                    None if p.field.is_empty() || p.field == "(record)" => Place::Record,
                    // Not a column of the file (the assessment date given for all rows).
                    None => Place::Field(p.field.clone()),
                };
                Problem {
                    place,
                    code: p.code.key(),
                    expected: p.expected.clone(),
                    found: p.found.clone(),
                }
            })
            .collect();
        RecordError {
            line: Some(line),
            id,
            problems,
        }
    }
}

/// A cell's problem: its code and what was expected.
type CellError = (&'static str, String);

fn parse_area(value: &str) -> Result<Option<Area>, CellError> {
    match value {
        "rural" | "nong_thon" => return Ok(Some(Area::Rural)),
        "urban" | "thanh_thi" => return Ok(Some(Area::Urban)),
        _ => {}
    }
    match normalise(value).as_str() {
        "" => Ok(None),
        "rural" | "nong_thon" | "nông_thôn" => Ok(Some(Area::Rural)),
        "urban" | "thanh_thi" | "thành_thị" => Ok(Some(Area::Urban)),
        _ => Err((
            code::UNKNOWN_AREA,
            "rural, urban, nong_thon, thanh_thi or nothing (unknown)".to_string(),
        )),
    }
}

fn parse_region(value: &str) -> Result<Option<Region>, CellError> {
    // Most files hold the keys exactly; only others pay for normalising.
    if let Some(region) = Region::from_key(value) {
        return Ok(Some(region));
    }
    let key = normalise(value);
    if key.is_empty() {
        return Ok(None);
    }
    Region::from_key(&key).map(Some).ok_or_else(|| {
        let keys: Vec<&str> = Region::ALL.iter().map(|r| r.key()).collect();
        (
            code::UNKNOWN_REGION,
            format!("one of {} or nothing (unknown)", keys.join(", ")),
        )
    })
}

/// A whole number in `min..=max`, or nothing (unknown).
fn parse_count(value: &str, min: i64, max: i64, unit: &str) -> Result<Option<i64>, CellError> {
    if value.is_empty() {
        return Ok(None);
    }
    let expected = || format!("a whole number of {unit} from {min} to {max}");
    if !value.bytes().all(|b| b.is_ascii_digit()) || value.len() > 18 {
        return Err((code::NOT_A_WHOLE_NUMBER, expected()));
    }
    let n: i64 = value
        .parse()
        .map_err(|_| (code::NOT_A_WHOLE_NUMBER, expected()))?;
    if !(min..=max).contains(&n) {
        return Err((code::OUT_OF_RANGE, expected()));
    }
    Ok(Some(n))
}

fn parse_indicator(value: &str) -> Result<Option<bool>, CellError> {
    match value {
        "" => Ok(None),
        "1" => Ok(Some(true)),
        "0" => Ok(Some(false)),
        _ => Err((
            code::NOT_AN_INDICATOR_VALUE,
            "1 (deprived), 0 (not deprived) or nothing (unknown)".to_string(),
        )),
    }
}

fn parse_money_cell(value: &str) -> Result<Option<i64>, CellError> {
    if value.is_empty() {
        return Ok(None);
    }
    parse_money(value).map(Some).ok_or_else(|| {
        (
            code::NOT_MONEY,
            "a whole number of đồng (like 1500000 or 1.500.000)".to_string(),
        )
    })
}

/// Parses an amount of whole đồng as people type it in Vietnam (see the module doc for the rules).
pub fn parse_money(text: &str) -> Option<i64> {
    let mut text = text.trim_matches(|c: char| c.is_whitespace());
    let lower = text.to_lowercase();
    for suffix in ["đồng", "vnđ", "vnd", "đ", "₫"] {
        if lower.ends_with(suffix) {
            // Suffixes are matched on the lower-cased text; cut the same number of chars.
            let n_chars = suffix.chars().count();
            let cut = text
                .char_indices()
                .rev()
                .nth(n_chars - 1)
                .map_or(0, |(i, _)| i);
            text = text[..cut].trim_end();
            break;
        }
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let is_group_separator = |c: char| matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'');
    if digits.is_empty()
        || !digits.starts_with(|c: char| c.is_ascii_digit())
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || is_group_separator(c))
    {
        return None;
    }
    // A decimal part: the last separator is `,` or `.`, appears once, and is not followed by exactly
    // three digits (which would make it a group separator). It must be zero.
    let mut whole = digits;
    if let Some(i) = digits.rfind([',', '.']) {
        let separator = &digits[i..i + 1];
        let fraction = &digits[i + 1..];
        let is_grouping = fraction.len() == 3 && fraction.bytes().all(|b| b.is_ascii_digit());
        if !is_grouping {
            if digits.matches(separator).count() > 1
                || fraction.is_empty()
                || !fraction.bytes().all(|b| b == b'0')
            {
                return None;
            }
            whole = &digits[..i];
        }
    }
    // What is left is digits, optionally grouped by one separator: 1–3 digits, then groups of 3.
    let mut groups = whole.split(is_group_separator);
    let first = groups.next().unwrap_or_default();
    let separators: Vec<char> = whole.chars().filter(|&c| is_group_separator(c)).collect();
    if !separators.is_empty() {
        if first.is_empty() || first.len() > 3 || separators.iter().any(|&c| c != separators[0]) {
            return None;
        }
        if !groups.all(|g| g.len() == 3) {
            return None;
        }
    }
    let mut amount: i64 = 0;
    for b in whole.bytes().filter(u8::is_ascii_digit) {
        amount = amount
            .checked_mul(10)
            .and_then(|a| a.checked_add((b - b'0') as i64))?;
    }
    Some(if negative { -amount } else { amount })
}

/// Refuses encodings other than UTF-8 before anything is parsed, with a message saying which.
pub fn check_encoding(head: &[u8]) -> Result<(), FileError> {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Err(FileError::Utf16);
    }
    if head.starts_with(b"PK\x03\x04") {
        return Err(FileError::Workbook);
    }
    if head.contains(&0) {
        // UTF-16 text without a BOM has a NUL next to nearly every ASCII letter, all on the same
        // side (even or odd offsets); random binary has them scattered.
        let n_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
        let n_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let n_nul = n_even + n_odd;
        let looks_utf16 = n_nul * 3 >= head.len() && n_even.max(n_odd) * 10 >= n_nul * 9;
        return Err(if looks_utf16 {
            FileError::Utf16
        } else {
            FileError::Binary
        });
    }
    if let Err(e) = std::str::from_utf8(head) {
        // A sequence cut by the end of the buffer is fine (`error_len` is `None`).
        if e.error_len().is_some() {
            let line = head[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64
                + 1;
            return Err(FileError::InvalidUtf8 { line });
        }
    }
    Ok(())
}

/// `;` when the header line has more semicolons than commas outside quotes, else `,`.
pub fn sniff_delimiter(head: &[u8]) -> u8 {
    let (mut n_comma, mut n_semicolon, mut in_quotes) = (0usize, 0usize, false);
    for &b in head {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => break,
            b',' if !in_quotes => n_comma += 1,
            b';' if !in_quotes => n_semicolon += 1,
            _ => {}
        }
    }
    if n_semicolon > n_comma {
        b';'
    } else {
        b','
    }
}

/// Maps header cells to columns: unknown names, duplicates and missing required columns are
/// file-level errors.
fn map_header(header: &csv::StringRecord) -> Result<(Vec<SummaryColumn>, Vec<String>), FileError> {
    let mut columns = Vec::with_capacity(header.len());
    let mut names: Vec<String> = Vec::with_capacity(header.len());
    let mut unknown = Vec::new();
    for name in header.iter() {
        let name = name.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        match SummaryColumn::from_header(name) {
            Some(column) => {
                if let Some(i) = columns.iter().position(|&c| c == column) {
                    return Err(FileError::DuplicateColumn {
                        first: names[i].clone(),
                        second: name.to_string(),
                    });
                }
                columns.push(column);
                names.push(name.to_string());
            }
            None => unknown.push(name.to_string()),
        }
    }
    if !unknown.is_empty() {
        return Err(FileError::UnknownColumns { columns: unknown });
    }
    let has_score_or_income =
        columns.contains(&SummaryColumn::ScoreA) || columns.contains(&SummaryColumn::MonthlyIncome);
    let mut missing = Vec::new();
    for column in SummaryColumn::ALL {
        match column {
            SummaryColumn::ScoreA if !has_score_or_income => {
                missing.push("score_a or monthly_income_vnd".to_string())
            }
            SummaryColumn::Area | SummaryColumn::Members | SummaryColumn::Indicator(_)
                if !columns.contains(&column) =>
            {
                missing.push(column.english().to_string())
            }
            _ => {}
        }
    }
    if !missing.is_empty() {
        return Err(FileError::MissingColumns { columns: missing });
    }
    Ok((columns, names))
}

fn file_error(e: csv::Error) -> FileError {
    let line = e.position().map(|p| p.line());
    match e.into_kind() {
        csv::ErrorKind::Io(e) => FileError::Io {
            detail: e.to_string(),
        },
        csv::ErrorKind::Utf8 { pos, .. } => FileError::InvalidUtf8 {
            line: pos.map_or(line.unwrap_or(1), |p| p.line()),
        },
        other => FileError::MalformedCsv {
            line,
            detail: format!("{other:?}"),
        },
    }
}

/// How to write the output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvWriteOptions {
    pub delimiter: u8,
    /// A UTF-8 byte-order mark first, so Excel reads the file as UTF-8.
    pub bom: bool,
    pub language: HeaderLanguage,
}

impl Default for CsvWriteOptions {
    fn default() -> Self {
        CsvWriteOptions {
            delimiter: b',',
            bom: true,
            language: HeaderLanguage::English,
        }
    }
}

impl From<CsvLayout> for CsvWriteOptions {
    fn from(layout: CsvLayout) -> Self {
        CsvWriteOptions {
            delimiter: layout.delimiter,
            bom: layout.has_bom,
            language: layout.language,
        }
    }
}

/// Writes the input rows (their input columns, result columns dropped) plus `score_b`, `class`,
/// `income_class` and `error`.
pub struct SummaryCsvWriter<W: Write> {
    csv: csv::Writer<W>,
    /// Indexes of the input cells that are written (input result columns are recomputed).
    kept: Vec<usize>,
}

impl<W: Write> SummaryCsvWriter<W> {
    /// Writes the BOM (if asked) and the header line.
    pub fn new(
        mut output: W,
        columns: &[SummaryColumn],
        options: CsvWriteOptions,
    ) -> io::Result<Self> {
        if options.bom {
            output.write_all(UTF8_BOM)?;
        }
        let mut csv = csv::WriterBuilder::new()
            .delimiter(options.delimiter)
            .from_writer(output);
        let kept: Vec<usize> = (0..columns.len())
            .filter(|&i| !columns[i].is_result())
            .collect();
        let header = kept
            .iter()
            .map(|&i| columns[i])
            .chain(SummaryColumn::RESULT)
            .map(|c| c.name(options.language));
        csv.write_record(header)?;
        Ok(SummaryCsvWriter { csv, kept })
    }

    /// One output row: the cells as read, then the result or the error.
    pub fn write_row(
        &mut self,
        cells: &csv::StringRecord,
        outcome: Result<&ResultRecord, &RecordError>,
    ) -> io::Result<()> {
        // Field by field, so a row costs no allocation.
        for &i in &self.kept {
            // A CRLF line leaves its `\r` on the last cell (see `SummaryCsvReader::new`).
            self.csv
                .write_field(cells.get(i).unwrap_or_default().trim_end_matches('\r'))?;
        }
        match outcome {
            Ok(result) => {
                let mut digits = [0u8; 24];
                let score_b = match result.score_b {
                    Some(b) => format_integer(b, &mut digits),
                    None => "",
                };
                self.csv.write_field(score_b)?;
                self.csv.write_field(result.class.key())?;
                self.csv.write_field(
                    result
                        .income_class
                        .map(IncomeClass::key)
                        .unwrap_or_default(),
                )?;
                self.csv.write_field("")?;
            }
            Err(error) => {
                for _ in 0..3 {
                    self.csv.write_field("")?;
                }
                self.csv.write_field(error.to_string())?;
            }
        }
        self.csv.write_record(std::iter::empty::<&[u8]>())?;
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }

    pub fn into_inner(self) -> Result<W, io::Error> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// Writes an integer's decimal digits into `buffer` without allocating.
fn format_integer(value: i64, buffer: &mut [u8; 24]) -> &str {
    use std::io::Write as _;
    let mut cursor = io::Cursor::new(&mut buffer[..]);
    write!(cursor, "{value}").expect("24 bytes hold any i64");
    let n = cursor.position() as usize;
    std::str::from_utf8(&buffer[..n]).expect("digits are ASCII")
}
