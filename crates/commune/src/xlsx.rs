//! The forms as an Excel workbook (`.xlsx`, written by rust_xlsxwriter): one worksheet per
//! `layout::Sheet`, laid out as the page shows it — heading lines, number and title, the header
//! rows with their merged cells, the column numbers, the body, the notes and the signature blocks —
//! set up to print on A4 (landscape for the wide forms), one page wide.

use crate::layout::{Cell, Heading, RowKind, Sheet};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// Excel's paper size code for A4.
const PAPER_A4: u8 = 9;
/// The longest worksheet name Excel accepts.
const MAX_SHEET_NAME: usize = 31;

/// A worksheet name for each sheet: "Mẫu 6.1", with the village for Phụ lục VI's per-village
/// forms, cut to Excel's 31 characters and made unique.
fn sheet_names(sheets: &[Sheet]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for sheet in sheets {
        let number = sheet.number.replace("Mẫu số", "Mẫu");
        let base = match sheet.village() {
            Some(v) if !v.is_empty() => format!("{number} {v}"),
            _ => number,
        };
        // Characters Excel refuses in a worksheet name.
        let base: String = base
            .chars()
            .map(|c| if "[]:*?/\\'".contains(c) { '-' } else { c })
            .take(MAX_SHEET_NAME)
            .collect();
        let mut name = base.clone();
        let mut n = 2;
        while names
            .iter()
            .any(|known| known.to_lowercase() == name.to_lowercase())
        {
            let suffix = format!(" ({n})");
            name = base
                .chars()
                .take(MAX_SHEET_NAME - suffix.chars().count())
                .chain(suffix.chars())
                .collect();
            n += 1;
        }
        names.push(name);
    }
    names
}

struct Formats {
    plain: Format,
    bold_center: Format,
    center: Format,
    title: Format,
    head: Format,
    text: Format,
    text_bold: Format,
    count: Format,
    count_bold: Format,
    percent: Format,
    percent_bold: Format,
    italic: Format,
}

impl Formats {
    fn new() -> Formats {
        let font = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12);
        let cell = font
            .clone()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            plain: font.clone(),
            bold_center: font.clone().set_bold().set_align(FormatAlign::Center),
            center: font.clone().set_align(FormatAlign::Center),
            title: font
                .clone()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            head: cell.clone().set_bold().set_align(FormatAlign::Center),
            text: cell.clone(),
            text_bold: cell.clone().set_bold(),
            count: cell.clone().set_align(FormatAlign::Right),
            count_bold: cell.clone().set_align(FormatAlign::Right).set_bold(),
            percent: cell
                .clone()
                .set_align(FormatAlign::Right)
                .set_num_format("0.00"),
            percent_bold: cell
                .set_align(FormatAlign::Right)
                .set_num_format("0.00")
                .set_bold(),
            italic: font.set_italic().set_align(FormatAlign::Center),
        }
    }
}

/// Writes `text` over columns `first..=last` of `row` (merged when it spans more than one).
fn span(
    ws: &mut Worksheet,
    row: u32,
    first: u16,
    last: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if first == last {
        ws.write_string_with_format(row, first, text, format)?;
    } else {
        ws.merge_range(row, first, row, last, text, format)?;
    }
    Ok(())
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    heading: &Heading,
    f: &Formats,
) -> Result<(), XlsxError> {
    let n = sheet.n_columns().max(2) as u16;
    let last = n - 1;
    let half = n / 2;
    ws.set_paper_size(PAPER_A4);
    if sheet.is_landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_column_width(0, 6)?;
    ws.set_column_width(1, if sheet.key.starts_with('6') { 28 } else { 22 })?;
    for c in 2..n {
        ws.set_column_width(c, if sheet.key.starts_with('6') { 18 } else { 11 })?;
    }

    let mut row = 0u32;
    let lines = sheet.heading_lines(heading);
    for i in 0..lines.left.len().max(lines.right.len()) {
        if let Some(l) = lines.left.get(i) {
            span(ws, row, 0, half.saturating_sub(1), l, &f.plain)?;
        }
        if let Some(r) = lines.right.get(i) {
            let format = if i < 2 && sheet.village().is_some() {
                &f.bold_center
            } else {
                &f.center
            };
            span(ws, row, half, last, r, format)?;
        }
        row += 1;
    }
    row += 1;
    span(
        ws,
        row,
        0,
        last,
        &format!("{} - {}", sheet.number, sheet.appendix),
        &f.center,
    )?;
    row += 1;
    span(ws, row, 0, last, sheet.title, &f.title)?;
    ws.set_row_height(row, 36)?;
    row += 2;

    // Header rows: place each cell at the first column no cell above it (with a row span) holds.
    let first_head = row;
    let mut taken: Vec<Vec<bool>> = vec![vec![false; n as usize]; sheet.head.len()];
    for (r, cells) in sheet.head.iter().enumerate() {
        let mut col = 0usize;
        for cell in cells {
            while col < n as usize && taken[r][col] {
                col += 1;
            }
            let (rs, cs) = (cell.row_span as usize, cell.col_span as usize);
            for row_taken in taken.iter_mut().skip(r).take(rs) {
                for slot in row_taken.iter_mut().skip(col).take(cs) {
                    *slot = true;
                }
            }
            let (r0, c0) = (first_head + r as u32, col as u16);
            let (r1, c1) = (r0 + rs as u32 - 1, c0 + cs as u16 - 1);
            if r0 == r1 && c0 == c1 {
                ws.write_string_with_format(r0, c0, cell.text, &f.head)?;
            } else {
                ws.merge_range(r0, c0, r1, c1, cell.text, &f.head)?;
            }
            col += cs;
        }
    }
    row += sheet.head.len() as u32;
    for (c, number) in sheet.column_numbers.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *number, &f.head)?;
    }
    if !sheet.column_numbers.is_empty() {
        row += 1;
    }
    ws.set_repeat_rows(first_head, row - 1)?;

    for body in &sheet.rows {
        let bold = body.kind == RowKind::Part;
        for (c, cell) in body.cells.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => {
                    ws.write_string_with_format(
                        row,
                        c,
                        t,
                        if bold { &f.text_bold } else { &f.text },
                    )?;
                }
                Cell::Count(v) => {
                    ws.write_number_with_format(
                        row,
                        c,
                        *v as f64,
                        if bold { &f.count_bold } else { &f.count },
                    )?;
                }
                Cell::Percent(r) => match r.percent() {
                    Some(p) => {
                        let p = (p * 100.0).round() / 100.0;
                        ws.write_number_with_format(
                            row,
                            c,
                            p,
                            if bold { &f.percent_bold } else { &f.percent },
                        )?;
                    }
                    None => {
                        ws.write_string_with_format(row, c, "—", &f.count)?;
                    }
                },
                Cell::Unknown => {
                    ws.write_string_with_format(row, c, "—", &f.count)?;
                }
                Cell::Blank => {
                    ws.write_blank(row, c, &f.text)?;
                }
            }
        }
        row += 1;
    }
    row += 1;
    for note in &sheet.notes {
        ws.write_string_with_format(row, 0, note, &f.plain)?;
        row += 1;
    }
    row += 1;
    let [left, right] = &sheet.signatures;
    span(
        ws,
        row,
        0,
        half.saturating_sub(1),
        left.title,
        &f.bold_center,
    )?;
    span(ws, row, half, last, right.title, &f.bold_center)?;
    row += 1;
    span(ws, row, 0, half.saturating_sub(1), left.hint, &f.italic)?;
    span(ws, row, half, last, right.hint, &f.italic)?;
    Ok(())
}

/// The workbook of `sheets` (one worksheet each), as the bytes of an `.xlsx` file.
pub fn workbook(sheets: &[Sheet], heading: &Heading) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = Formats::new();
    for (sheet, name) in sheets.iter().zip(sheet_names(sheets)) {
        let ws = book.add_worksheet();
        ws.set_name(name)?;
        write_sheet(ws, sheet, heading, &formats)?;
    }
    book.save_to_buffer()
}
