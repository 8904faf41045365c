//! Importing the household sheets officers already have: a `.csv` (`,` or `;`, decimal commas,
//! UTF-8 with or without BOM; a legacy encoding is named and refused) or an `.xlsx` workbook
//! (through calamine), with headers that are not ours. The sheet is read row by row
//! (`source`), its header row found among the first rows (titles above it are passed over), each
//! header matched to a summary column by the names of `data/columns.toml` (Vietnamese or English,
//! with or without marks, any case) or by the officer's own choice (`ColumnChoices`, remembered
//! by the page), and every row written out as a **summary CSV in the project's own format**
//! (formats.md §3), each row on the line of the sheet it came from. That text then goes through
//! the one summary reader (`mucsong_formats`, `crate::sheet`) the rest of commune mode and the
//! command line use: the import translates, it does not parse answers a second time, and the
//! reader's messages name the sheet's own rows.
//!
//! What the import itself says, each with the row and column it is about (`Note`), the rest going
//! on: title rows passed over, a sheet chosen because the first has no household columns,
//! unknown columns passed over, a column matched twice, merged cells read for each row they
//! cover, a date in a number column (read as the serial number it holds), a formula whose result
//! was not saved, repeated household ids (`duplicates`, resolved by the officer). What stops it
//! (`ImportError`): a file over `MAX_IMPORT_BYTES`, a workbook that unzips to more than
//! `MAX_UNZIPPED_BYTES`, a legacy encoding, a damaged workbook, no sheet with household columns.

pub mod duplicates;
pub mod encoding;
pub mod source;

use crate::data::{find_name, NameRow, AREA_NAMES, COLUMN_NAMES, REGION_NAMES};
use crate::fold::fold;
use crate::messages::Message;
use crate::run::Bytes;
use duplicates::{Duplicate, DuplicateFinder};
use encoding::{guess_legacy_encoding, LegacyEncoding};
use mucsong_engine::household::Region;
use mucsong_engine::Indicator;
use mucsong_formats::jsonl::UTF8_BOM;
use mucsong_formats::summary_csv::{
    check_encoding, CsvWriteOptions, HeaderLanguage, SummaryColumn,
};
use mucsong_formats::FileError;
use source::{CsvRows, Merge, Row, RowSource, SheetRows, Value};
use std::collections::BTreeMap;

/// The largest file the import reads (a commune's sheet is far smaller: 10 000 households are
/// about 1 MB). The whole file is held in memory, so this protects a cheap phone.
pub const MAX_IMPORT_BYTES: usize = 50 * 1024 * 1024;

/// The most a workbook's parts may unzip to (an `.xlsx` is compressed about tenfold; a file that
/// claims far more is refused before it is unpacked).
pub const MAX_UNZIPPED_BYTES: u64 = 500 * 1024 * 1024;

/// The rows searched for the header row (title rows above it are common; 30 is plenty).
pub const HEADER_SEARCH_ROWS: usize = 30;

/// How many notes are kept (all are counted).
pub const MAX_NOTES: usize = 500;

/// Why a sheet cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than `MAX_IMPORT_BYTES`, or a workbook that unzips to more than
    /// `MAX_UNZIPPED_BYTES`.
    TooLarge {
        n_bytes: u64,
        max_bytes: u64,
        is_unzipped: bool,
    },
    /// No row with any cell.
    Empty,
    /// A CSV that is not UTF-8: the encoding it seems to be in and the first line that is not.
    LegacyEncoding {
        encoding: LegacyEncoding,
        line: u64,
    },
    Utf16,
    /// Not text and not a workbook.
    Binary,
    /// An Excel 97–2003 workbook (`.xls`).
    OldExcel,
    /// A workbook that cannot be read (damaged, password-protected, not a spreadsheet).
    Workbook {
        detail: String,
    },
    MalformedCsv {
        line: u64,
        detail: String,
    },
    /// No sheet has a row naming at least two household columns.
    NoHeader {
        sheets: Vec<String>,
    },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // What the summary reader also says is said in its words, as the command line always has.
        match self {
            ImportError::Empty => return FileError::Empty.fmt(f),
            ImportError::Utf16 => return FileError::Utf16.fmt(f),
            ImportError::Binary => return FileError::Binary.fmt(f),
            ImportError::MalformedCsv { line, detail } => {
                return FileError::MalformedCsv {
                    line: Some(*line),
                    detail: detail.clone(),
                }
                .fmt(f)
            }
            _ => {}
        }
        let m = crate::messages::import_error(self);
        f.write_str(&mucsong_i18n::COMMUNE.format(mucsong_i18n::Locale::En, m.key, &m.arg_refs()))
    }
}

impl std::error::Error for ImportError {}

/// Something the import says about a place in the sheet, the rest going on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The row (workbook) or line (CSV), from 1; `None` for the whole sheet.
    pub line: Option<u64>,
    /// The column as the sheet names it (`"Số nhân khẩu" (C)`).
    pub column: Option<String>,
    pub message: Message,
}

/// What a header cell is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Column(SummaryColumn),
    /// A column household sheets often have that the import does not read (`STT`, `Ghi chú`).
    Ignored,
}

/// A required column, or one of two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    Column(SummaryColumn),
    /// `score_a` or `monthly_income_vnd`.
    ScoreOrIncome,
}

impl Requirement {
    /// The columns that meet it.
    pub fn columns(self) -> Vec<SummaryColumn> {
        match self {
            Requirement::Column(c) => vec![c],
            Requirement::ScoreOrIncome => vec![SummaryColumn::ScoreA, SummaryColumn::MonthlyIncome],
        }
    }
}

/// One cell of the header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderCell {
    /// From 0 (column A).
    pub index: usize,
    /// As written (trimmed).
    pub text: String,
    /// For messages: `"Số nhân khẩu" (C)` in a workbook, `"Số nhân khẩu"` in a CSV.
    pub label: String,
    pub target: Option<Target>,
}

/// A sheet whose header row lacks required columns: the officer picks them (`ColumnChoices`)
/// and the import runs again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingRequest {
    pub sheet: Option<String>,
    pub header_line: u64,
    pub headers: Vec<HeaderCell>,
    pub missing: Vec<Requirement>,
}

/// A sheet read into the summary format.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// A summary CSV (formats.md §3, header names in the sheet's language, separated as
    /// `layout` says), each row on the line of the sheet it came from.
    pub csv: Vec<u8>,
    /// How a results file for this sheet is best written: the CSV's own separator and BOM, or
    /// for a workbook `;` under Vietnamese headers (what Vietnamese Excel opens), `,` under
    /// English ones.
    pub layout: CsvWriteOptions,
    /// The worksheet read (workbooks only).
    pub sheet: Option<String>,
    pub header_line: u64,
    /// The columns read, in the sheet's order, each with its label.
    pub columns: Vec<(SummaryColumn, String)>,
    pub notes: Vec<Note>,
    /// Notes beyond `MAX_NOTES` (counted, not kept).
    pub n_more_notes: u64,
    /// Household ids on more than one row.
    pub duplicates: Vec<Duplicate>,
    /// Data rows written (blank rows are not counted).
    pub n_rows: u64,
}

impl Imported {
    /// The sheet's label for a column the summary reader names (by its English or Vietnamese
    /// key), so its messages say what the officer's sheet says.
    pub fn column_label(&self, name: &str) -> Option<&str> {
        let column = SummaryColumn::from_header(name)?;
        self.columns
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, label)| label.as_str())
    }

    /// The summary CSV without the rows on `lines` (left blank, so every other row keeps its
    /// line): what resolving duplicates leaves.
    pub fn without_lines(&self, lines: &[u64]) -> Vec<u8> {
        duplicates::blank_lines(&self.csv, lines, &[self.layout.delimiter])
    }
}

/// What importing gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Import {
    Ready(Imported),
    NeedsMapping(MappingRequest),
}

/// The officer's own matches of header names to columns, keyed by the folded header, so a
/// sheet with the same headers is read the same way next time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnChoices {
    by_header: BTreeMap<String, String>,
}

/// The key a `ColumnChoices` entry stores for "pass this column over".
const IGNORED_KEY: &str = "-";

impl ColumnChoices {
    /// Reads a header named `header` as `target` from now on.
    pub fn choose(&mut self, header: &str, target: Target) {
        let key = match target {
            Target::Column(c) => c.english().to_string(),
            Target::Ignored => IGNORED_KEY.to_string(),
        };
        self.by_header.insert(fold(header), key);
    }

    /// The choice for a header, if one was made.
    pub fn get(&self, header: &str) -> Option<Target> {
        let key = self.by_header.get(&fold(header))?;
        if key == IGNORED_KEY {
            return Some(Target::Ignored);
        }
        SummaryColumn::from_header(key)
            .filter(|c| !matches!(c, SummaryColumn::IncomeClass | SummaryColumn::Error))
            .map(Target::Column)
    }

    pub fn is_empty(&self) -> bool {
        self.by_header.is_empty()
    }

    /// As a JSON object `{ folded header: column key }`, for the page's storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.by_header).unwrap_or_else(|_| "{}".to_string())
    }

    /// Reads `to_json`'s text; anything else gives no choices.
    pub fn from_json(text: &str) -> ColumnChoices {
        ColumnChoices {
            by_header: serde_json::from_str(text).unwrap_or_default(),
        }
    }
}

/// What a header name is read as, and whether the name is Vietnamese: the officer's choice,
/// else the names of `data/columns.toml`, else the format's own keys.
fn target_of(header: &str, choices: &ColumnChoices) -> Option<(Target, Option<bool>)> {
    if let Some(target) = choices.get(header) {
        return Some((target, None));
    }
    let folded = fold(header);
    if folded.is_empty() {
        return None;
    }
    if let Some(NameRow {
        key, is_vietnamese, ..
    }) = find_name(COLUMN_NAMES, &folded)
    {
        if key.is_empty() {
            return Some((Target::Ignored, None));
        }
        let column = SummaryColumn::from_header(key)?;
        return Some((Target::Column(column), Some(*is_vietnamese)));
    }
    let column = SummaryColumn::from_header(&folded)?;
    // The results file's own columns that are not read back: passed over without a word, so
    // a results file can be opened again.
    if matches!(column, SummaryColumn::IncomeClass | SummaryColumn::Error) {
        return Some((Target::Ignored, None));
    }
    let is_vietnamese = folded == column.vietnamese() && column.vietnamese() != column.english();
    let is_english = folded == column.english() && column.vietnamese() != column.english();
    let language = (is_vietnamese || is_english).then_some(is_vietnamese);
    Some((Target::Column(column), language))
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// Reads the first worksheet that has a header row, whole.
fn import_workbook(bytes: &[u8], choices: &ColumnChoices) -> Result<Started, ImportError> {
    use calamine::Reader;
    let mut workbook = source::open_workbook(bytes)?;
    let names = workbook.sheet_names();
    let layout = |language| CsvWriteOptions {
        delimiter: match language {
            HeaderLanguage::Vietnamese => b';',
            HeaderLanguage::English => b',',
        },
        bom: true,
        language,
    };
    for (i, name) in names.iter().enumerate() {
        let mut rows = SheetRows::new(&mut workbook, name)?;
        match start_sheet(&mut rows, Some(name.clone()), choices, true, &layout)? {
            None => continue,
            Some(Started::NeedsMapping(request)) => return Ok(Started::NeedsMapping(request)),
            Some(Started::Converting(mut converter)) => {
                if i > 0 {
                    let skipped = names[..i]
                        .iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(", ");
                    converter.notes.kept.insert(
                        0,
                        Note {
                            line: None,
                            column: None,
                            message: Message::new("commune_import_note_other_sheet")
                                .arg("sheet", name.clone())
                                .arg("skipped", skipped),
                        },
                    );
                }
                while let Some(row) = rows.next_row()? {
                    converter.take(row);
                }
                return Ok(Started::Converting(converter));
            }
        }
    }
    Err(ImportError::NoHeader { sheets: names })
}

/// The header cells of a row: their targets and how many name a household column.
fn score(row: &Row, choices: &ColumnChoices) -> usize {
    row.cells
        .iter()
        .filter(|c| matches!(target_of(&c.text(), choices), Some((Target::Column(_), _))))
        .count()
}

/// Whether a merged region spans columns `a` and `b` of row `row` (from 0).
fn same_merge(merges: &[Merge], row: u32, a: usize, b: usize) -> bool {
    merges.iter().any(|m| {
        (m.first_row..=m.last_row).contains(&row)
            && (m.first_column as usize..=m.last_column as usize).contains(&a)
            && (m.first_column as usize..=m.last_column as usize).contains(&b)
    })
}

/// Collects notes, keeping the first `MAX_NOTES`.
#[derive(Default)]
struct Notes {
    kept: Vec<Note>,
    n_more: u64,
}

impl Notes {
    fn push(&mut self, line: Option<u64>, column: Option<&str>, message: Message) {
        if self.kept.len() < MAX_NOTES {
            self.kept.push(Note {
                line,
                column: column.map(str::to_string),
                message,
            });
        } else {
            self.n_more += 1;
        }
    }
}

/// What finding the header gave.
enum Started {
    NeedsMapping(MappingRequest),
    Converting(Box<Converter>),
}

/// Finds a sheet's header row and matches its columns: `None` when none of its first rows is a
/// header row. The first rows after the header are converted already.
fn start_sheet<S: RowSource>(
    rows: &mut S,
    sheet: Option<String>,
    choices: &ColumnChoices,
    is_workbook: bool,
    layout: &dyn Fn(HeaderLanguage) -> CsvWriteOptions,
) -> Result<Option<Started>, ImportError> {
    // The header row: of the first rows, the first that names the most household columns (at
    // least two, so a title that happens to say "Vùng" is not taken for it).
    let mut first_rows = Vec::new();
    while first_rows.len() < HEADER_SEARCH_ROWS {
        match rows.next_row()? {
            Some(row) => first_rows.push(row),
            None => break,
        }
    }
    if first_rows.is_empty() {
        return if is_workbook {
            Ok(None)
        } else {
            Err(ImportError::Empty)
        };
    }
    let scores: Vec<usize> = first_rows.iter().map(|r| score(r, choices)).collect();
    let best = scores.iter().copied().max().unwrap_or(0);
    if best < 2 {
        return Ok(None);
    }
    let at = scores.iter().position(|&s| s == best).unwrap_or(0);
    let header_row = first_rows[at].clone();
    let header_line = header_row.line;
    let mut notes = Notes::default();
    if at > 0 {
        notes.push(
            None,
            None,
            if at == 1 {
                Message::new("commune_import_note_title_row")
                    .arg("line", first_rows[0].line.to_string())
                    .arg("header", header_line.to_string())
            } else {
                Message::new("commune_import_note_title_rows")
                    .arg("first", first_rows[0].line.to_string())
                    .arg("last", first_rows[at - 1].line.to_string())
                    .arg("header", header_line.to_string())
            },
        );
    }

    // Each header cell's target; a column named twice is read from its first cell only.
    let merges = rows.merges().to_vec();
    let header_row_index = (header_line - 1) as u32;
    let mut headers = Vec::new();
    let (mut n_vietnamese, mut n_english) = (0, 0);
    for (index, cell) in header_row.cells.iter().enumerate() {
        let text = cell.text();
        let label = if is_workbook {
            format!("{text} ({})", column_letter(index))
        } else {
            text.clone()
        };
        // A header merged across columns names the first of them only.
        let is_merged_tail = index > 0
            && same_merge(&merges, header_row_index, index - 1, index)
            && header_row.cells[index - 1] == *cell;
        let mut target = if is_merged_tail {
            None
        } else {
            target_of(&text, choices)
        };
        if let Some((Target::Column(column), _)) = target {
            let first = headers
                .iter()
                .find(|h: &&HeaderCell| h.target == Some(Target::Column(column)));
            if let Some(first) = first {
                notes.push(
                    Some(header_line),
                    Some(&label),
                    Message::new("commune_import_note_column_twice")
                        .arg("first", first.label.clone())
                        .arg("key", column.english()),
                );
                target = Some((Target::Ignored, None));
            }
        }
        match target {
            Some((_, Some(true))) => n_vietnamese += 1,
            Some((_, Some(false))) => n_english += 1,
            _ => {}
        }
        if target.is_none() && !text.is_empty() && !is_merged_tail {
            notes.push(
                Some(header_line),
                Some(&label),
                Message::new("commune_import_note_unknown_column"),
            );
        }
        headers.push(HeaderCell {
            index,
            text,
            label,
            target: target.map(|(t, _)| t),
        });
    }
    let has = |column: SummaryColumn| {
        headers
            .iter()
            .any(|h| h.target == Some(Target::Column(column)))
    };
    let mut missing = Vec::new();
    for column in SummaryColumn::ALL {
        let is_required = match column {
            SummaryColumn::Area | SummaryColumn::Members => true,
            SummaryColumn::Indicator(i) => Indicator::TWELVE.contains(&i),
            _ => false,
        };
        if is_required && !has(column) {
            missing.push(Requirement::Column(column));
        }
        if column == SummaryColumn::ScoreA
            && !has(SummaryColumn::ScoreA)
            && !has(SummaryColumn::MonthlyIncome)
        {
            missing.push(Requirement::ScoreOrIncome);
        }
    }
    if !missing.is_empty() {
        return Ok(Some(Started::NeedsMapping(MappingRequest {
            sheet,
            header_line,
            headers,
            missing,
        })));
    }
    let language = if n_vietnamese > n_english {
        HeaderLanguage::Vietnamese
    } else {
        HeaderLanguage::English
    };

    // The summary CSV, each row on its own line.
    let read: Vec<HeaderCell> = headers
        .iter()
        .filter(|h| matches!(h.target, Some(Target::Column(_))))
        .cloned()
        .collect();
    let layout = layout(language);
    let mut writer = LineWriter {
        bytes: Vec::new(),
        line: 0,
        separator: layout.delimiter,
    };
    writer.write_record(
        header_line,
        read.iter().map(|h| column_of(h).name(language).to_string()),
    );
    let id_at = read.iter().position(|h| column_of(h) == SummaryColumn::Id);
    let mut converter = Converter {
        sheet,
        is_workbook,
        header_line,
        layout,
        headers,
        read,
        id_at,
        merges,
        writer,
        ids: DuplicateFinder::default(),
        n_rows: 0,
        notes,
        unnamed_reported: vec![false; source::MAX_COLUMNS],
    };
    for row in first_rows.into_iter().skip(at + 1) {
        converter.take(row);
    }
    Ok(Some(Started::Converting(Box::new(converter))))
}

/// The summary column a read header cell is matched to.
fn column_of(h: &HeaderCell) -> SummaryColumn {
    match h.target {
        Some(Target::Column(c)) => c,
        _ => unreachable!("only read columns are kept"),
    }
}

/// Writes a sheet's rows after its header as summary CSV lines, noting what it passes over.
struct Converter {
    sheet: Option<String>,
    is_workbook: bool,
    header_line: u64,
    layout: CsvWriteOptions,
    headers: Vec<HeaderCell>,
    /// The header cells that are read, in the sheet's order.
    read: Vec<HeaderCell>,
    /// Where the id is among `read`.
    id_at: Option<usize>,
    merges: Vec<Merge>,
    writer: LineWriter,
    ids: DuplicateFinder,
    n_rows: u64,
    notes: Notes,
    unnamed_reported: Vec<bool>,
}

impl Converter {
    fn take(&mut self, row: Row) {
        if row.line <= self.header_line {
            return;
        }
        // Data under no header is reported once per column.
        for (index, cell) in row.cells.iter().enumerate() {
            let is_unnamed = self.headers.get(index).is_none_or(|h| h.text.is_empty());
            if is_unnamed && !cell.is_empty() && !self.unnamed_reported[index] {
                self.unnamed_reported[index] = true;
                self.notes.push(
                    Some(row.line),
                    Some(&column_letter(index)),
                    Message::new("commune_import_note_unnamed_column")
                        .arg("letter", column_letter(index)),
                );
            }
        }
        // A CSV row with more or fewer cells than its header is written so, for the summary
        // reader to refuse as it refuses any such row (a row cut short by a stray line break
        // must not pass as "unknown"); a worksheet's rows simply end at their last cell.
        let width = self.headers.len();
        let n_cells = row.cells.len();
        let is_workbook = self.is_workbook;
        let notes = &mut self.notes;
        let mut cells: Vec<String> = self
            .read
            .iter()
            .filter(|h| is_workbook || h.index < n_cells)
            .map(|h| {
                let value = row.cells.get(h.index).unwrap_or(&Value::Empty);
                let (text, message) = cell_text(column_of(h), value);
                if let Some(message) = message {
                    notes.push(Some(row.line), Some(&h.label), message);
                }
                text
            })
            .collect();
        if !is_workbook && n_cells > width {
            cells.extend(row.cells[width..].iter().map(Value::text));
        }
        if cells.iter().all(|c| c.is_empty()) {
            return;
        }
        if let Some(id) = self
            .id_at
            .and_then(|i| cells.get(i))
            .map(|id| id.trim())
            .filter(|id| !id.is_empty())
        {
            self.ids.push(row.line, id);
        }
        self.n_rows += 1;
        self.writer.write_record(row.line, cells.into_iter());
    }

    fn finish(mut self) -> Imported {
        // Merged regions among the data rows, in a column that is read.
        for merge in &self.merges {
            let is_one_cell =
                merge.first_row == merge.last_row && merge.first_column == merge.last_column;
            if (merge.last_row as u64) < self.header_line || is_one_cell {
                continue;
            }
            let Some(h) = self.read.iter().find(|h| {
                (merge.first_column as usize..=merge.last_column as usize).contains(&h.index)
            }) else {
                continue;
            };
            let first = (merge.first_row as u64 + 1).max(self.header_line + 1);
            let last = merge.last_row as u64 + 1;
            self.notes.push(
                Some(first),
                Some(&h.label),
                Message::new("commune_import_note_merged")
                    .arg("first", first.to_string())
                    .arg("last", last.to_string()),
            );
        }
        let duplicates = self.ids.finish();
        Imported {
            csv: self.writer.bytes,
            layout: self.layout,
            sheet: self.sheet,
            header_line: self.header_line,
            columns: self
                .read
                .iter()
                .map(|h| (column_of(h), h.label.clone()))
                .collect(),
            notes: self.notes.kept,
            n_more_notes: self.notes.n_more,
            duplicates,
            n_rows: self.n_rows,
        }
    }
}

/// A CSV file's rows over shared bytes (the browser's file, read in steps).
struct SharedText {
    bytes: Bytes,
    start: usize,
}

impl AsRef<[u8]> for SharedText {
    fn as_ref(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

/// An import in steps, so a page can convert a large CSV between frames: a workbook is read at
/// `start` (calamine reads it whole), a CSV a few rows per `step`.
pub struct SheetImport {
    csv: Option<(CsvRows<std::io::Cursor<SharedText>>, u64)>,
    converter: Box<Converter>,
    is_done: bool,
}

/// What starting an import gave.
pub enum Start {
    NeedsMapping(MappingRequest),
    Importing(SheetImport),
}

impl SheetImport {
    /// Checks the file, finds its header row and matches its columns.
    pub fn start(bytes: Bytes, choices: &ColumnChoices) -> Result<Start, ImportError> {
        if bytes.len() > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge {
                n_bytes: bytes.len() as u64,
                max_bytes: MAX_IMPORT_BYTES as u64,
                is_unzipped: false,
            });
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return match import_workbook(&bytes, choices)? {
                Started::NeedsMapping(request) => Ok(Start::NeedsMapping(request)),
                Started::Converting(converter) => Ok(Start::Importing(SheetImport {
                    csv: None,
                    converter,
                    is_done: true,
                })),
            };
        }
        if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            return Err(ImportError::OldExcel);
        }
        let has_bom = bytes.starts_with(UTF8_BOM);
        let start = if has_bom { UTF8_BOM.len() } else { 0 };
        let text = &bytes[start..];
        match check_encoding(text) {
            Ok(()) => {}
            Err(FileError::InvalidUtf8 { line }) => {
                return Err(ImportError::LegacyEncoding {
                    encoding: guess_legacy_encoding(text),
                    line,
                })
            }
            Err(FileError::Utf16) => return Err(ImportError::Utf16),
            Err(_) => return Err(ImportError::Binary),
        }
        let separator = source::sniff_separator(text);
        let n_bytes = bytes.len() as u64;
        let mut rows = CsvRows::new(std::io::Cursor::new(SharedText { bytes, start }), separator);
        let layout = |language| CsvWriteOptions {
            delimiter: separator,
            bom: has_bom,
            language,
        };
        match start_sheet(&mut rows, None, choices, false, &layout)? {
            None => Err(ImportError::NoHeader { sheets: Vec::new() }),
            Some(Started::NeedsMapping(request)) => Ok(Start::NeedsMapping(request)),
            Some(Started::Converting(mut converter)) => {
                // The output is about as long as the input: reserve it once.
                converter.writer.bytes.reserve(n_bytes as usize);
                Ok(Start::Importing(SheetImport {
                    csv: Some((rows, n_bytes)),
                    converter,
                    is_done: false,
                }))
            }
        }
    }

    /// Converts up to `max_rows` more rows; true when the sheet is done.
    pub fn step(&mut self, max_rows: usize) -> Result<bool, ImportError> {
        let Some((rows, _)) = &mut self.csv else {
            return Ok(true);
        };
        for _ in 0..max_rows {
            match rows.next_row()? {
                Some(row) => self.converter.take(row),
                None => {
                    self.is_done = true;
                    break;
                }
            }
        }
        Ok(self.is_done)
    }

    /// Bytes read and the file's size (a workbook is done at once).
    pub fn progress(&self) -> (u64, u64) {
        match &self.csv {
            Some((rows, n_bytes)) => (rows.position().min(*n_bytes), *n_bytes),
            None => (1, 1),
        }
    }

    /// The sheet read; call when `step` said it is done (rows not yet stepped are left out).
    pub fn finish(self) -> Imported {
        self.converter.finish()
    }
}

/// Imports a whole sheet at once (the command line, the tests).
pub fn import_sheet(bytes: &[u8], choices: &ColumnChoices) -> Result<Import, ImportError> {
    match SheetImport::start(Bytes::new(bytes.to_vec()), choices)? {
        Start::NeedsMapping(request) => Ok(Import::NeedsMapping(request)),
        Start::Importing(mut import) => {
            while !import.step(usize::MAX)? {}
            Ok(Import::Ready(import.finish()))
        }
    }
}

/// What stands on a line of the summary CSV that has no row: the separator alone, a row of two
/// empty cells. Not an empty line, which the CSV reader skips without counting it into the next
/// record's line; a row of empty cells is passed over (and counted as blank) by the summary
/// reader, before or after the header, and the separator on the first line is what the reader
/// sniffs its separator from.
/// Writes CSV records each on a given line (filler lines before it, see above), with the
/// separator and quotes where a cell needs them; a cell's own line breaks become spaces so lines
/// stay the sheet's.
struct LineWriter {
    bytes: Vec<u8>,
    line: u64,
    /// The sheet's own separator (a workbook's: the results file's), so a results file written
    /// from this text is laid out as the officer's.
    separator: u8,
}

impl LineWriter {
    fn write_record(&mut self, line: u64, cells: impl Iterator<Item = String>) {
        while self.line + 1 < line {
            self.bytes.push(self.separator);
            self.bytes.push(b'\n');
            self.line += 1;
        }
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                self.bytes.push(self.separator);
            }
            let cell = cell.replace(['\r', '\n'], " ");
            let needs_quotes = cell.bytes().any(|b| b == self.separator || b == b'"')
                || cell.starts_with(' ')
                || cell.ends_with(' ');
            if needs_quotes {
                self.bytes.push(b'"');
                self.bytes
                    .extend_from_slice(cell.replace('"', "\"\"").as_bytes());
                self.bytes.push(b'"');
            } else {
                self.bytes.extend_from_slice(cell.as_bytes());
            }
        }
        self.bytes.push(b'\n');
        self.line += 1;
    }
}

/// A whole number written with a zero fraction ("4,0", "4.00") as its digits; else `None`.
fn whole_number(text: &str) -> Option<&str> {
    let (digits, fraction) = match text.find([',', '.']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, "0"),
    };
    let is_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    (is_digits(digits) && is_digits(fraction) && fraction.bytes().all(|b| b == b'0'))
        .then_some(digits)
}

/// A cell as the summary reader compares it with its keys: lower case, spaces and hyphens as
/// underscores.
fn as_key(text: &str) -> String {
    text.chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The area words the summary reader reads itself (formats.md §3).
fn is_area_key(text: &str) -> bool {
    matches!(
        as_key(text).as_str(),
        "rural" | "urban" | "nong_thon" | "thanh_thi" | "nông_thôn" | "thành_thị"
    )
}

/// A name of an area or region table, else `None`.
fn named(table: &'static [NameRow], text: &str) -> Option<&'static str> {
    find_name(table, &fold(text)).map(|row| row.key)
}

/// A cell as the summary format writes it, and what the import says about it. What cannot be
/// translated is written as it is, for the summary reader to refuse with its own message.
fn cell_text(column: SummaryColumn, value: &Value) -> (String, Option<Message>) {
    let is_number_column = matches!(
        column,
        SummaryColumn::Members
            | SummaryColumn::ScoreA
            | SummaryColumn::ScoreB
            | SummaryColumn::MonthlyIncome
            | SummaryColumn::Indicator(_)
    );
    match value {
        Value::Empty => (String::new(), None),
        Value::FormulaWithoutValue => (
            String::new(),
            Some(Message::new("commune_import_note_formula_without_value")),
        ),
        Value::Error(e) => (e.clone(), None),
        Value::Bool(b) => match column {
            SummaryColumn::Indicator(_) => (if *b { "1" } else { "0" }.to_string(), None),
            _ => (value.text(), None),
        },
        Value::Number(n) => (source::number_text(*n), None),
        Value::Date { serial, iso } => {
            if is_number_column {
                let number = source::number_text(*serial);
                let message = Message::new("commune_import_note_date_as_number")
                    .arg("date", iso.clone())
                    .arg("number", number.clone());
                (number, Some(message))
            } else {
                let message =
                    Message::new("commune_import_note_date_as_text").arg("date", iso.clone());
                (iso.clone(), Some(message))
            }
        }
        Value::Text(raw) => {
            let text = raw.trim();
            // The format's own words are kept as written (the results file echoes the cells);
            // others are translated.
            let translated = match column {
                SummaryColumn::Area if !is_area_key(text) => named(AREA_NAMES, text),
                SummaryColumn::Region if Region::from_key(&as_key(text)).is_none() => {
                    named(REGION_NAMES, text)
                        .or_else(|| Region::from_key(&fold(text)).map(|r| r.key()))
                }
                SummaryColumn::Members
                | SummaryColumn::ScoreA
                | SummaryColumn::ScoreB
                | SummaryColumn::Indicator(_) => whole_number(text),
                _ => None,
            };
            (translated.unwrap_or(text).to_string(), None)
        }
    }
}

#[cfg(test)]
mod tests;
