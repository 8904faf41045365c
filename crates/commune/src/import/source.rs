//! The rows of a sheet, whatever file holds it: a CSV file (its separator found from the lines
//! that have the most separators, every cell text) or one worksheet of an `.xlsx` workbook read
//! through calamine's streaming cell reader (numbers, dates, booleans, errors and the cached
//! value of a formula as the workbook saved them; merged regions filled in). Rows come one at a
//! time and carry the line (CSV) or row number (workbook) the officer sees, so every message can
//! name it; nothing but the rows still to be read is held.

use super::ImportError;
use calamine::{DataRef, Reader, Xlsx, XlsxCellReader};
use std::io::Cursor;

/// A cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell the workbook formats as a date: its serial number and the day it shows.
    Date {
        serial: f64,
        iso: String,
    },
    /// An error value (`#DIV/0!`, `#N/A`, …), as Excel shows it.
    Error(String),
    /// A formula whose result the workbook did not save (some programs write none).
    FormulaWithoutValue,
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, for a header or a title.
    pub fn text(&self) -> String {
        match self {
            Value::Empty | Value::FormulaWithoutValue => String::new(),
            Value::Text(t) => t.trim().to_string(),
            Value::Number(n) => number_text(*n),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::Date { iso, .. } => iso.clone(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// A number as its shortest decimal text, whole numbers without a fraction ("4", not "4.0").
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One row of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line (CSV: where the record starts) or row number (workbook), from 1.
    pub line: u64,
    /// The cells from column A (index 0).
    pub cells: Vec<Value>,
}

/// Cells to the right of this are not read (a household sheet has a few dozen columns; a stray
/// value in column XFD must not make every row 16 384 cells long).
pub const MAX_COLUMNS: usize = 256;

/// A merged region of a worksheet, rows and columns from 0, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: u32,
    pub last_row: u32,
    pub first_column: u32,
    pub last_column: u32,
}

/// Where the rows come from.
pub trait RowSource {
    /// The next non-empty row, or `None` at the end.
    fn next_row(&mut self) -> Result<Option<Row>, ImportError>;
    /// The merged regions of the sheet (none for CSV).
    fn merges(&self) -> &[Merge] {
        &[]
    }
}

/// The separator of a CSV text: over its first lines, the line with the most `,` or `;`
/// outside quotes (the header, usually; a title line has few) decides, `;` on a tie.
pub fn sniff_separator(text: &[u8]) -> u8 {
    let (mut best, mut separator) = (0usize, b',');
    let (mut n_comma, mut n_semicolon, mut in_quotes, mut n_lines) = (0usize, 0usize, false, 0);
    for &b in text.iter().take(64 * 1024) {
        match b {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => n_comma += 1,
            b';' if !in_quotes => n_semicolon += 1,
            b'\n' if !in_quotes => {
                if n_comma.max(n_semicolon) > best {
                    best = n_comma.max(n_semicolon);
                    separator = if n_semicolon >= n_comma { b';' } else { b',' };
                }
                (n_comma, n_semicolon) = (0, 0);
                n_lines += 1;
                if n_lines == 30 {
                    return separator;
                }
            }
            _ => {}
        }
    }
    if n_comma.max(n_semicolon) > best {
        separator = if n_semicolon >= n_comma { b';' } else { b',' };
    }
    separator
}

/// The rows of a CSV text (UTF-8, its BOM already removed).
pub struct CsvRows<R> {
    reader: csv::Reader<R>,
    record: csv::StringRecord,
}

impl<R: std::io::Read> CsvRows<R> {
    pub fn new(text: R, separator: u8) -> CsvRows<R> {
        // Lines end at `\n` only, so the line numbers stay right for CRLF files (as in
        // mucsong_formats' summary reader); a `\r` left on the last cell is trimmed with the rest.
        let reader = csv::ReaderBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        CsvRows {
            reader,
            record: csv::StringRecord::new(),
        }
    }

    /// How far the reader got, in bytes of the text.
    pub fn position(&self) -> u64 {
        self.reader.position().byte()
    }
}

impl<R: std::io::Read> RowSource for CsvRows<R> {
    fn next_row(&mut self) -> Result<Option<Row>, ImportError> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return Ok(None),
                Ok(true) => {}
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    return Err(ImportError::MalformedCsv {
                        line,
                        detail: e.to_string(),
                    });
                }
            }
            if self.record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let line = self.record.position().map_or(0, |p| p.line());
            let cells = self
                .record
                .iter()
                .take(MAX_COLUMNS)
                .map(|c| Value::Text(c.to_string()))
                .collect();
            return Ok(Some(Row { line, cells }));
        }
    }
}

/// A workbook held in memory.
pub type Workbook<'a> = Xlsx<Cursor<&'a [u8]>>;

/// The day a date serial shows, `YYYY-MM-DD` (with the time when it has one).
fn date_text(date: &calamine::ExcelDateTime) -> String {
    let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
    if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    }
}

fn value_of(data: DataRef<'_>, has_formula: bool) -> Value {
    match data {
        DataRef::Empty if has_formula => Value::FormulaWithoutValue,
        DataRef::String(s) if has_formula && s.is_empty() => Value::FormulaWithoutValue,
        DataRef::Empty => Value::Empty,
        DataRef::Int(n) => Value::Number(n as f64),
        DataRef::Float(n) => Value::Number(n),
        DataRef::String(s) => Value::Text(s),
        DataRef::SharedString(s) => Value::Text(s.to_string()),
        DataRef::Bool(b) => Value::Bool(b),
        DataRef::DateTime(d) if d.is_datetime() => Value::Date {
            serial: d.as_f64(),
            iso: date_text(&d),
        },
        DataRef::DateTime(d) => Value::Number(d.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(s),
        DataRef::Error(e) => Value::Error(e.to_string()),
    }
}

/// A cell's value and its (row, column) from 0.
type PlacedValue = ((u32, u32), Value);

/// The rows of one worksheet, cell by cell from calamine's reader, merged regions filled in:
/// each cell a region covers reads as the region's first cell (as the officer sees it).
pub struct SheetRows<'w, 'b> {
    cells: XlsxCellReader<'w, Cursor<&'b [u8]>>,
    /// The first cell of the next row, read ahead.
    pending: Option<PlacedValue>,
    merges: Vec<Merge>,
    /// The first cell's value of each merged region, once its row was read.
    merge_values: Vec<Option<Value>>,
    is_done: bool,
}

impl<'w, 'b> SheetRows<'w, 'b> {
    pub fn new(
        workbook: &'w mut Workbook<'b>,
        sheet: &str,
    ) -> Result<SheetRows<'w, 'b>, ImportError> {
        let merges: Vec<Merge> = workbook
            .merge_cells_by_sheet_name(sheet)
            .map_err(workbook_error)?
            .into_iter()
            .map(|d| Merge {
                first_row: d.start.0,
                last_row: d.end.0,
                first_column: d.start.1,
                last_column: d.end.1,
            })
            .collect();
        let cells = workbook
            .worksheet_cells_reader(sheet)
            .map_err(workbook_error)?;
        let n_merges = merges.len();
        Ok(SheetRows {
            cells,
            pending: None,
            merges,
            merge_values: vec![None; n_merges],
            is_done: false,
        })
    }

    fn next_cell(&mut self) -> Result<Option<PlacedValue>, ImportError> {
        if let Some(cell) = self.pending.take() {
            return Ok(Some(cell));
        }
        if self.is_done {
            return Ok(None);
        }
        match self
            .cells
            .next_cell_with_formula()
            .map_err(workbook_error)?
        {
            Some(cell) => Ok(Some((
                cell.pos,
                value_of(cell.value, cell.formula.is_some()),
            ))),
            None => {
                self.is_done = true;
                Ok(None)
            }
        }
    }

    /// Fills the cells of `row` (from 0) that merged regions cover.
    fn fill_merges(&mut self, row: u32, cells: &mut Vec<Value>) {
        for (merge, value) in self.merges.iter().zip(&mut self.merge_values) {
            if row < merge.first_row || row > merge.last_row {
                continue;
            }
            let first = merge.first_column as usize;
            if row == merge.first_row {
                *value = Some(cells.get(first).cloned().unwrap_or(Value::Empty));
            }
            let Some(value) = value else { continue };
            let last = (merge.last_column as usize).min(MAX_COLUMNS - 1);
            if last >= cells.len() {
                cells.resize(last + 1, Value::Empty);
            }
            for (column, cell) in cells.iter_mut().enumerate().take(last + 1).skip(first) {
                if !(row == merge.first_row && column == first) {
                    *cell = value.clone();
                }
            }
        }
    }
}

impl RowSource for SheetRows<'_, '_> {
    fn next_row(&mut self) -> Result<Option<Row>, ImportError> {
        loop {
            let Some(((row, column), value)) = self.next_cell()? else {
                return Ok(None);
            };
            let mut cells = Vec::new();
            let mut put = |column: u32, value: Value| {
                let column = column as usize;
                if column < MAX_COLUMNS {
                    if column >= cells.len() {
                        cells.resize(column + 1, Value::Empty);
                    }
                    cells[column] = value;
                }
            };
            put(column, value);
            while let Some(((r, c), v)) = self.next_cell()? {
                if r != row {
                    self.pending = Some(((r, c), v));
                    break;
                }
                put(c, v);
            }
            self.fill_merges(row, &mut cells);
            if cells.iter().all(Value::is_empty) {
                continue;
            }
            return Ok(Some(Row {
                line: row as u64 + 1,
                cells,
            }));
        }
    }

    fn merges(&self) -> &[Merge] {
        &self.merges
    }
}

/// A workbook that calamine cannot read, as the import's error.
pub fn workbook_error(e: calamine::XlsxError) -> ImportError {
    ImportError::Workbook {
        detail: e.to_string(),
    }
}

/// Opens a workbook after checking what its parts unzip to.
pub fn open_workbook(bytes: &[u8]) -> Result<Workbook<'_>, ImportError> {
    let zip_error = |e: zip::result::ZipError| ImportError::Workbook {
        detail: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    // The sizes the central directory declares (the archive's own total is unknown when its
    // entries use data descriptors, as most writers' do).
    let mut unzipped = 0u64;
    for i in 0..archive.len() {
        let size = archive.by_index_raw(i).map_err(zip_error)?.size();
        unzipped = unzipped.saturating_add(size);
    }
    if unzipped > super::MAX_UNZIPPED_BYTES {
        return Err(ImportError::TooLarge {
            n_bytes: unzipped,
            max_bytes: super::MAX_UNZIPPED_BYTES,
            is_unzipped: true,
        });
    }
    Xlsx::new(Cursor::new(bytes)).map_err(workbook_error)
}
