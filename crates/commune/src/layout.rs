//! The official forms laid out as sheets for the review workbench: each form's number, title,
//! header rows (with their spans, as the circular draws them), column numbers, body rows, notes and
//! signature blocks, in the circular's own Vietnamese (the forms are official Vietnamese documents:
//! their wording is the circular's, quoted, not a translation of ours). The page
//! (`crates/commune-app`) draws a `Sheet` as a table and `crate::xlsx` writes it as a worksheet, so
//! the two cannot disagree. Also here: the heading an officer types (province, district, commune,
//! village names, year), kept as JSON on the device, and reading an imported file's answers for
//! the list.

use crate::forms::changes::ChangeRow;
use crate::forms::children::ChildRow;
use crate::forms::deprivations::DeprivationRow;
use crate::forms::lists::ListedHousehold;
use crate::forms::results::ResultRow;
use crate::forms::{ByArea, Forms, Ratio, Section};
use crate::list::{Answers, Recorded};
use crate::run::InputFormat;
use crate::sheet::read_summary_sheet;
use mucsong_formats::{FileError, JsonLinesReader, RecordError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What an officer types above the forms, kept on the device (no household data).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Heading {
    /// Tỉnh, thành phố.
    pub province: String,
    /// Huyện, quận, thị xã.
    pub district: String,
    /// Xã, phường, thị trấn.
    pub commune: String,
    /// Năm rà soát.
    pub year: String,
    /// A village's name as the forms should print it, by its name in the list.
    pub villages: BTreeMap<String, String>,
}

impl Heading {
    /// Reads the saved heading; anything unreadable gives the empty heading.
    pub fn from_json(text: &str) -> Heading {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The village's name to print: the officer's, else the list's.
    pub fn village_name<'a>(&'a self, village: &'a str) -> &'a str {
        self.villages
            .get(village)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .unwrap_or(village)
    }
}

/// The level a form's heading names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Level {
    /// Phụ lục VI: "UBND xã … / Thôn/bản …" and the national motto.
    Village(String),
    /// Phụ lục VII: "Tỉnh, thành phố … Năm rà soát …".
    Commune,
}

/// One cell of a header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadCell {
    pub text: &'static str,
    pub col_span: u16,
    pub row_span: u16,
}

const fn head(text: &'static str, col_span: u16, row_span: u16) -> HeadCell {
    HeadCell {
        text,
        col_span,
        row_span,
    }
}

/// One cell of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(u64),
    /// A rate, printed in percent with two decimals; a dash when its denominator is 0.
    Percent(Ratio),
    /// A number the answers cannot give (printed as a dash, explained in the notes).
    Unknown,
    Blank,
}

/// What a body row is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A block's heading or total (I, II, III): bold.
    Part,
    /// A village, a household.
    Item,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BodyRow {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

/// A signature block at the foot of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub title: &'static str,
    pub hint: &'static str,
}

const PREPARER: Signature = Signature {
    title: "NGƯỜI LẬP BIỂU",
    hint: "(Ký, họ tên)",
};
const VILLAGE_HEAD: Signature = Signature {
    title: "XÁC NHẬN CỦA TRƯỞNG THÔN",
    hint: "(Ký, họ tên)",
};
/// Phụ lục VII's forms print no signature block (the province designs the lower levels' own);
/// a commune's report is signed by its preparer and the chair of the commune's People's Committee.
const COMMUNE_CHAIR: Signature = Signature {
    title: "TM. ỦY BAN NHÂN DÂN XÃ - CHỦ TỊCH",
    hint: "(Ký tên, đóng dấu)",
};

/// One form laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Stable key: `6_1`, `6_2`, `7_1` … `7_7`, `7_11` (one 6.1/6.2 sheet per village).
    pub key: &'static str,
    /// "Mẫu số 6.1".
    pub number: &'static str,
    /// "Phụ lục VI".
    pub appendix: &'static str,
    pub title: &'static str,
    pub level: Level,
    /// Printed on A4 landscape (wide forms) or portrait.
    pub is_landscape: bool,
    /// Header rows; spans as drawn in the circular.
    pub head: Vec<Vec<HeadCell>>,
    /// The row of column letters and numbers under the header (A, B, 1, 2 …), if the form has one.
    pub column_numbers: Vec<&'static str>,
    pub rows: Vec<BodyRow>,
    /// The form's own notes (Ghi chú) and what the page adds beside the form (households that
    /// could not be counted), each one line.
    pub notes: Vec<String>,
    pub signatures: [Signature; 2],
}

impl Sheet {
    /// The number of columns.
    pub fn n_columns(&self) -> usize {
        self.column_numbers.len().max(
            self.head
                .first()
                .map_or(0, |r| r.iter().map(|c| c.col_span as usize).sum()),
        )
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A birth date as the forms print it: `DD/MM/YYYY`, `MM/YYYY` or `YYYY`.
fn birth_date(text: &str) -> String {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        [y, m] => format!("{m}/{y}"),
        _ => text.to_string(),
    }
}

fn household_rows(rows: &mut Vec<BodyRow>, households: &[ListedHousehold]) {
    for h in households {
        rows.push(BodyRow {
            kind: RowKind::Item,
            cells: vec![
                Cell::Count(h.number as u64),
                text(h.head.name.clone().unwrap_or_default()),
                h.head
                    .sex_code()
                    .map_or(Cell::Blank, |c| Cell::Count(c as u64)),
                h.head
                    .birth_date
                    .as_deref()
                    .map_or(Cell::Blank, |d| text(birth_date(d))),
                text(h.head.address.clone().unwrap_or_default()),
            ],
        });
    }
}

fn part(number: &str, label: &str, n: usize) -> BodyRow {
    BodyRow {
        kind: RowKind::Part,
        cells: vec![
            text(number),
            text(label),
            Cell::Blank,
            Cell::Blank,
            text(format!("{n} hộ")),
        ],
    }
}

fn list_head() -> Vec<Vec<HeadCell>> {
    vec![vec![
        head("STT", 1, 1),
        head("Họ và tên chủ hộ", 1, 1),
        head("Giới tính (1: Nam, 2: Nữ)", 1, 1),
        head("Ngày, tháng, năm sinh", 1, 1),
        head("Địa chỉ", 1, 1),
    ]]
}

fn ids(households: &[ListedHousehold]) -> String {
    households
        .iter()
        .map(|h| {
            let name = h.head.name.as_deref().unwrap_or("");
            match h.id.as_deref() {
                Some(id) if !name.is_empty() => format!("{name} ({id})"),
                Some(id) => id.to_string(),
                None => name.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn sheet_6_1(form: &crate::forms::lists::Form61) -> Sheet {
    let mut rows = vec![part("I.", "Hộ nghèo", form.poor.len())];
    household_rows(&mut rows, &form.poor);
    rows.push(part("II.", "Hộ cận nghèo", form.near_poor.len()));
    household_rows(&mut rows, &form.near_poor);
    rows.push(part("III.", "Tổng cộng (I + II)", form.n_total()));
    let mut notes = Vec::new();
    if !form.undetermined.is_empty() {
        notes.push(format!(
            "Ngoài biểu: {} hộ chưa xác định được (cần bổ sung thông tin trước khi niêm yết): {}.",
            form.undetermined.len(),
            ids(&form.undetermined)
        ));
    }
    Sheet {
        key: "6_1",
        number: "Mẫu số 6.1",
        appendix: "Phụ lục VI",
        title: "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU KHI RÀ SOÁT",
        level: Level::Village(form.village.clone()),
        is_landscape: false,
        head: list_head(),
        column_numbers: Vec::new(),
        rows,
        notes,
        signatures: [PREPARER, VILLAGE_HEAD],
    }
}

fn sheet_6_2(form: &crate::forms::lists::Form62) -> Sheet {
    let mut rows = vec![part(
        "I.",
        "Hộ gia đình thoát nghèo",
        form.left_poverty.len(),
    )];
    household_rows(&mut rows, &form.left_poverty);
    rows.push(part(
        "II.",
        "Hộ gia đình thoát cận nghèo",
        form.left_near_poverty.len(),
    ));
    household_rows(&mut rows, &form.left_near_poverty);
    rows.push(part("III.", "Tổng cộng (I + II)", form.n_total()));
    Sheet {
        key: "6_2",
        number: "Mẫu số 6.2",
        appendix: "Phụ lục VI",
        title: "DANH SÁCH HỘ THOÁT NGHÈO, HỘ THOÁT CẬN NGHÈO SAU KHI RÀ SOÁT",
        level: Level::Village(form.village.clone()),
        is_landscape: false,
        head: list_head(),
        column_numbers: Vec::new(),
        rows,
        notes: Vec::new(),
        signatures: [PREPARER, VILLAGE_HEAD],
    }
}

const AREAS: [(&str, &str); 3] = [
    ("I", "Khu vực thành thị"),
    ("II", "Khu vực nông thôn"),
    ("III", "Tổng cộng (I + II)"),
];

/// The blocks of a table by area: (number, label, section, whether its villages are listed).
fn blocks<T>(
    table: &ByArea<T>,
    total_villages: bool,
) -> [(&'static str, &'static str, &Section<T>, bool); 3] {
    [
        (AREAS[0].0, AREAS[0].1, &table.urban, true),
        (AREAS[1].0, AREAS[1].1, &table.rural, true),
        (AREAS[2].0, AREAS[2].1, &table.total, total_villages),
    ]
}

/// Body rows of a table by area: each block's total row (bold), then its villages numbered from 1.
fn area_rows<T>(
    heading: &Heading,
    table: &ByArea<T>,
    total_villages: bool,
    cells: impl Fn(&T) -> Vec<Vec<Cell>>,
) -> Vec<BodyRow> {
    let mut rows = Vec::new();
    for (number, label, section, with_villages) in blocks(table, total_villages) {
        push_rows(
            &mut rows,
            RowKind::Part,
            number,
            label,
            cells(&section.total),
        );
        if with_villages {
            for (i, (village, row)) in section.villages.iter().enumerate() {
                push_rows(
                    &mut rows,
                    RowKind::Item,
                    &(i + 1).to_string(),
                    heading.village_name(village),
                    cells(row),
                );
            }
        }
    }
    rows
}

/// One row per line of `lines` (7.2/7.3 have two: Hộ and Nhân khẩu), the number and label on the
/// first.
fn push_rows(
    rows: &mut Vec<BodyRow>,
    kind: RowKind,
    number: &str,
    label: &str,
    lines: Vec<Vec<Cell>>,
) {
    for (i, line) in lines.into_iter().enumerate() {
        let mut cells = if i == 0 {
            vec![text(number), text(label)]
        } else {
            vec![Cell::Blank, Cell::Blank]
        };
        cells.extend(line);
        rows.push(BodyRow { kind, cells });
    }
}

fn sheet_7_1(heading: &Heading, table: &ByArea<ResultRow>) -> Sheet {
    let rows = area_rows(heading, table, false, |r| {
        vec![vec![
            Cell::Count(r.n_households),
            Cell::Count(r.n_persons),
            Cell::Count(r.n_poor),
            Cell::Percent(r.poor_rate()),
            Cell::Count(r.n_near_poor),
            Cell::Percent(r.near_poor_rate()),
        ]]
    });
    let t = &table.total.total;
    let mut notes = vec!["Tỷ lệ tính theo phần trăm (%) trên tổng số hộ dân cư.".to_string()];
    if t.n_undetermined > 0 {
        notes.push(format!(
            "Ngoài biểu: {} hộ chưa xác định được phân loại (cần bổ sung thông tin), tính trong tổng số hộ.",
            t.n_undetermined
        ));
    }
    if t.n_rejected > 0 {
        notes.push(format!(
            "Ngoài biểu: {} hộ có phiếu không hợp lệ, chưa phân loại được, tính trong tổng số hộ.",
            t.n_rejected
        ));
    }
    if t.n_persons_unknown > 0 {
        notes.push(format!(
            "Ngoài biểu: {} hộ chưa rõ số nhân khẩu, không tính vào cột 2.",
            t.n_persons_unknown
        ));
    }
    Sheet {
        key: "7_1",
        number: "Mẫu số 7.1",
        appendix: "Phụ lục VII",
        title: "TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO",
        level: Level::Commune,
        is_landscape: false,
        head: vec![
            vec![
                head("TT", 1, 3),
                head("Khu vực/Địa bàn", 1, 3),
                head("Tổng số hộ dân cư (tại thời điểm rà soát)", 2, 2),
                head("Kết quả rà soát (sơ bộ/chính thức)", 4, 1),
            ],
            vec![
                head("Tổng số hộ nghèo", 2, 1),
                head("Tổng số hộ cận nghèo", 2, 1),
            ],
            vec![
                head("Số hộ", 1, 1),
                head("Nhân khẩu", 1, 1),
                head("Số hộ", 1, 1),
                head("Tỷ lệ (%)", 1, 1),
                head("Số hộ", 1, 1),
                head("Tỷ lệ (%)", 1, 1),
            ],
        ],
        column_numbers: vec!["A", "B", "1", "2", "3", "4", "5", "6"],
        rows,
        notes,
        signatures: [PREPARER, COMMUNE_CHAIR],
    }
}

fn change_cells(r: &ChangeRow) -> Vec<Vec<Cell>> {
    let mut households = vec![text("Hộ")];
    households.extend(r.households.iter().map(|n| Cell::Count(*n)));
    let mut persons = vec![text("Nhân khẩu")];
    match r.persons {
        Some(p) => persons.extend(p.iter().map(|n| Cell::Count(*n))),
        None => persons.extend((0..9).map(|_| Cell::Unknown)),
    }
    vec![households, persons]
}

fn sheet_changes(heading: &Heading, table: &ByArea<ChangeRow>, is_poor: bool) -> Sheet {
    let rows = area_rows(heading, table, true, change_cells);
    let t = &table.total.total;
    let mut notes = Vec::new();
    if t.persons.is_none() {
        notes.push(
            "Dòng nhân khẩu để trống (—) vì có hộ chưa rõ số nhân khẩu năm trước hoặc năm nay."
                .to_string(),
        );
    }
    if t.n_previous_unknown > 0 {
        notes.push(format!(
            "Ngoài biểu: {} hộ cuối năm chưa đối chiếu được với danh sách năm trước (không có mã hộ), tính ở cột 9.",
            t.n_previous_unknown
        ));
    }
    if t.n_now_unclassified > 0 {
        notes.push(format!(
            "Ngoài biểu: {} hộ đầu năm năm nay chưa phân loại được (chưa xác định hoặc phiếu không hợp lệ), tính ở cột 1.",
            t.n_now_unclassified
        ));
    }
    let head = if is_poor {
        vec![
            vec![
                head("TT", 1, 3),
                head("Khu vực/Địa bàn", 1, 3),
                head("Phân tổ", 1, 3),
                head("Tổng số hộ nghèo đầu năm (theo Quyết định phê duyệt của cấp có thẩm quyền)", 1, 3),
                head("Diễn biến giảm số hộ nghèo", 3, 1),
                head("Diễn biến tăng số hộ nghèo", 4, 1),
                head("Tổng số hộ nghèo cuối năm (theo Quyết định phê duyệt của cấp có thẩm quyền)", 1, 3),
            ],
            vec![
                head("Số hộ thoát nghèo", 2, 1),
                head("Nguyên nhân: thay đổi nhân khẩu, hộ nghèo đơn thân chết đi, chuyển đi nơi khác, tách, nhập với hộ khác,...", 1, 2),
                head("Số hộ cận nghèo trở thành hộ nghèo", 1, 2),
                head("Số hộ ngoài danh sách hộ nghèo, hộ cận nghèo gặp khó khăn đột xuất trong năm", 2, 1),
                head("Nguyên nhân: thay đổi nhân khẩu, chuyển đến, tách, nhập với hộ khác,...", 1, 2),
            ],
            vec![
                head("Trở thành hộ cận nghèo", 1, 1),
                head("Vượt chuẩn cận nghèo", 1, 1),
                head("Tái nghèo", 1, 1),
                head("Phát sinh mới", 1, 1),
            ],
        ]
    } else {
        vec![
            vec![
                head("TT", 1, 3),
                head("Khu vực/Địa bàn", 1, 3),
                head("Phân tổ", 1, 3),
                head("Tổng số hộ cận nghèo đầu năm (theo Quyết định phê duyệt của cấp có thẩm quyền)", 1, 3),
                head("Diễn biến giảm số hộ cận nghèo", 3, 1),
                head("Diễn biến tăng số hộ cận nghèo", 4, 1),
                head("Tổng số hộ cận nghèo cuối năm (theo Quyết định phê duyệt của cấp có thẩm quyền)", 1, 3),
            ],
            vec![
                head("Số hộ thoát cận nghèo", 1, 2),
                head("Số hộ cận nghèo trở thành hộ nghèo", 1, 2),
                head("Nguyên nhân: thay đổi nhân khẩu, hộ đơn thân chết đi, chuyển đi nơi khác, tách, nhập với hộ khác,...", 1, 2),
                head("Số hộ nghèo trở thành hộ cận nghèo", 1, 2),
                head("Số hộ ngoài danh sách hộ nghèo, hộ cận nghèo gặp khó khăn đột xuất trong năm", 2, 1),
                head("Nguyên nhân: thay đổi nhân khẩu, chuyển đến, tách, nhập với hộ khác,...", 1, 2),
            ],
            vec![head("Tái cận nghèo", 1, 1), head("Phát sinh mới", 1, 1)],
        ]
    };
    Sheet {
        key: if is_poor { "7_2" } else { "7_3" },
        number: if is_poor {
            "Mẫu số 7.2"
        } else {
            "Mẫu số 7.3"
        },
        appendix: "Phụ lục VII",
        title: if is_poor {
            "TỔNG HỢP DIỄN BIẾN HỘ NGHÈO TRONG NĂM"
        } else {
            "TỔNG HỢP DIỄN BIẾN HỘ CẬN NGHÈO TRONG NĂM"
        },
        level: Level::Commune,
        is_landscape: true,
        head,
        column_numbers: vec!["A", "B", "C", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        rows,
        notes,
        signatures: [PREPARER, COMMUNE_CHAIR],
    }
}

const INDICATOR_NOTE: &str = "Ghi chú: 1: Việc làm; 2: Người phụ thuộc trong hộ gia đình; 3: Dinh dưỡng; 4: Bảo hiểm y tế; 5: Trình độ giáo dục của người lớn; 6: Tình trạng đi học của trẻ em; 7: Chất lượng nhà ở; 8: Diện tích nhà ở bình quân đầu người; 9: Nguồn nước sinh hoạt; 10: Nhà tiêu hợp vệ sinh; 11: Sử dụng dịch vụ viễn thông; 12: Phương tiện phục vụ tiếp cận thông tin.";

const TWELVE: [&str; 12] = [
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
];

fn sheet_deprivations(
    heading: &Heading,
    table: &ByArea<DeprivationRow>,
    is_poor: bool,
    is_share: bool,
) -> Sheet {
    let rows = area_rows(heading, table, true, |r| {
        let mut cells = vec![Cell::Count(r.n_households)];
        if is_share {
            cells.extend(r.shares().into_iter().map(Cell::Percent));
        } else {
            cells.extend(r.n_deprived.iter().map(|n| Cell::Count(*n)));
        }
        vec![cells]
    });
    let mut notes = vec![INDICATOR_NOTE.to_string()];
    if is_share {
        notes.push("Tỷ lệ tính theo phần trăm (%) trên tổng số hộ của cột đầu.".to_string());
    }
    let unknown: Vec<String> = table
        .total
        .total
        .n_unknown
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(c, n)| format!("chỉ số {}: {n} hộ", c + 1))
        .collect();
    if !unknown.is_empty() {
        notes.push(format!(
            "Ngoài biểu: hộ chưa rõ tình trạng thiếu hụt (không tính là thiếu hụt): {}.",
            unknown.join("; ")
        ));
    }
    let (key, number, title, total, group) = match (is_poor, is_share) {
        (true, false) => (
            "7_4",
            "Mẫu số 7.4",
            "PHÂN TÍCH CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO",
            "Tổng số hộ nghèo",
            "Chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo",
        ),
        (true, true) => (
            "7_5",
            "Mẫu số 7.5",
            "PHÂN TÍCH TỶ LỆ CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO",
            "Tổng số hộ nghèo",
            "Tỷ lệ chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo (so với tổng số hộ nghèo)",
        ),
        (false, false) => (
            "7_6",
            "Mẫu số 7.6",
            "PHÂN TÍCH CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ CẬN NGHÈO",
            "Tổng số hộ cận nghèo",
            "Chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ cận nghèo",
        ),
        (false, true) => (
            "7_7",
            "Mẫu số 7.7",
            "PHÂN TÍCH TỶ LỆ CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ CẬN NGHÈO",
            "Tổng số hộ cận nghèo",
            "Tỷ lệ chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ cận nghèo (so với tổng số hộ cận nghèo)",
        ),
    };
    Sheet {
        key,
        number,
        appendix: "Phụ lục VII",
        title,
        level: Level::Commune,
        is_landscape: true,
        head: vec![
            vec![
                head("TT", 1, 2),
                head("Khu vực/Đơn vị", 1, 2),
                head(total, 1, 2),
                head(group, 12, 1),
            ],
            TWELVE.iter().map(|n| head(n, 1, 1)).collect(),
        ],
        column_numbers: Vec::new(),
        rows,
        notes,
        signatures: [PREPARER, COMMUNE_CHAIR],
    }
}

fn sheet_7_11(heading: &Heading, section: &Section<ChildRow>) -> Sheet {
    let cells = |r: &ChildRow| {
        let mut cells = Vec::new();
        for c in [&r.poor, &r.near_poor] {
            cells.extend([
                Cell::Count(c.n_children),
                Cell::Count(c.n_malnourished),
                Cell::Count(c.n_without_health_insurance),
                Cell::Count(c.n_not_in_school),
            ]);
        }
        cells
    };
    let mut rows = Vec::new();
    for (i, (village, row)) in section.villages.iter().enumerate() {
        push_rows(
            &mut rows,
            RowKind::Item,
            &(i + 1).to_string(),
            heading.village_name(village),
            vec![cells(row)],
        );
    }
    push_rows(
        &mut rows,
        RowKind::Part,
        "",
        "Tổng cộng",
        vec![cells(&section.total)],
    );
    let t = &section.total;
    let mut notes = vec![
        "Ghi chú: Cột 1: Tổng số trẻ em thuộc hộ nghèo; Cột 5: Tổng số trẻ em thuộc hộ cận nghèo.".to_string(),
        "Cột 2, 6: Trẻ em dưới 16 tuổi suy dinh dưỡng chiều cao theo tuổi hoặc suy dinh dưỡng cân nặng theo tuổi.".to_string(),
        "Cột 3, 7: Trẻ em từ đủ 6 tuổi đến dưới 16 tuổi hiện không có bảo hiểm y tế.".to_string(),
        "Cột 4, 8: Trẻ em từ 3 tuổi đến dưới 16 tuổi không được học đúng bậc, cấp học phù hợp với độ tuổi.".to_string(),
    ];
    let n_age_unknown = t.poor.n_age_unknown + t.near_poor.n_age_unknown;
    if n_age_unknown > 0 {
        notes.push(format!(
            "Ngoài biểu: {n_age_unknown} người thuộc hộ nghèo, cận nghèo chưa rõ có dưới 16 tuổi hay không (thiếu ngày sinh)."
        ));
    }
    if t.n_households_without_members > 0 {
        notes.push(format!(
            "Ngoài biểu: {} hộ nghèo, cận nghèo nhập theo bảng tóm tắt, không có danh sách thành viên.",
            t.n_households_without_members
        ));
    }
    Sheet {
        key: "7_11",
        number: "Mẫu số 7.11",
        appendix: "Phụ lục VII",
        title: "TỔNG HỢP CHỈ SỐ THIẾU HỤT CỦA TRẺ EM THUỘC HỘ NGHÈO, HỘ CẬN NGHÈO",
        level: Level::Commune,
        is_landscape: true,
        head: vec![
            vec![
                head("TT", 1, 3),
                head("Khu vực/Đơn vị", 1, 3),
                head("Chỉ số thiếu hụt của trẻ em thuộc hộ nghèo", 4, 1),
                head("Chỉ số thiếu hụt của trẻ em thuộc hộ cận nghèo", 4, 1),
            ],
            vec![
                head("Tổng số trẻ em (trẻ)", 1, 2),
                head("Y tế", 2, 1),
                head("Giáo dục", 1, 1),
                head("Tổng số trẻ em (trẻ)", 1, 2),
                head("Y tế", 2, 1),
                head("Giáo dục", 1, 1),
            ],
            vec![
                head("Chỉ số thiếu hụt về dinh dưỡng (trẻ)", 1, 1),
                head("Chỉ số thiếu hụt về bảo hiểm y tế (trẻ)", 1, 1),
                head("Chỉ số thiếu hụt về tình trạng đi học (trẻ)", 1, 1),
                head("Chỉ số thiếu hụt về dinh dưỡng (trẻ)", 1, 1),
                head("Chỉ số thiếu hụt về bảo hiểm y tế (trẻ)", 1, 1),
                head("Chỉ số thiếu hụt về tình trạng đi học (trẻ)", 1, 1),
            ],
        ],
        column_numbers: vec!["A", "B", "1", "2", "3", "4", "5", "6", "7", "8"],
        rows,
        notes,
        signatures: [PREPARER, COMMUNE_CHAIR],
    }
}

/// Every form of the list, in the circular's order: Mẫu 6.1 per village, 6.2 per village (with
/// last year's list), 7.1, 7.2 and 7.3 (with last year's list), 7.4–7.7, 7.11.
pub fn sheets(forms: &Forms, heading: &Heading) -> Vec<Sheet> {
    let mut sheets: Vec<Sheet> = forms.form_6_1().iter().map(sheet_6_1).collect();
    if let Some(lists) = forms.form_6_2() {
        sheets.extend(lists.iter().map(sheet_6_2));
    }
    sheets.push(sheet_7_1(heading, &forms.form_7_1()));
    if let Some(t) = forms.form_7_2() {
        sheets.push(sheet_changes(heading, &t, true));
    }
    if let Some(t) = forms.form_7_3() {
        sheets.push(sheet_changes(heading, &t, false));
    }
    let poor = forms.form_7_4();
    let near_poor = forms.form_7_6();
    sheets.push(sheet_deprivations(heading, &poor, true, false));
    sheets.push(sheet_deprivations(heading, &poor, true, true));
    sheets.push(sheet_deprivations(heading, &near_poor, false, false));
    sheets.push(sheet_deprivations(heading, &near_poor, false, true));
    sheets.push(sheet_7_11(heading, &forms.form_7_11()));
    sheets
}

/// A rate as the forms print it: percent with two decimals and a decimal comma ("23,33"); `None`
/// without a denominator.
pub fn percent_text(r: Ratio) -> Option<String> {
    r.percent().map(|p| format!("{p:.2}").replace('.', ","))
}

/// Why an imported file's answers cannot be read for the forms.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswersError {
    File(FileError),
    /// The file's reading failed part way (not a bad line: those are left out, as in the run).
    Io(String),
}

/// The answers an imported file gives, and the lines or rows it could not read.
pub type ReadAnswers = (Vec<(Answers, Recorded)>, Vec<RecordError>);

/// The answers of an imported file (the same file the run classified), for the list: household
/// records of JSON Lines or a JSON document, or a summary sheet's rows with what they recorded.
/// Lines or rows that cannot be read are left out, as the run leaves them out of its figures, and
/// counted in `.1`.
pub fn read_answers(format: InputFormat, bytes: &[u8]) -> Result<ReadAnswers, AnswersError> {
    let mut answers = Vec::new();
    let mut errors = Vec::new();
    match format {
        InputFormat::SummaryCsv => {
            for row in read_summary_sheet(bytes).map_err(AnswersError::File)? {
                match row.household() {
                    Some(h) => answers.push(h),
                    None => {
                        if let Err(e) = row.answers {
                            errors.push(e);
                        }
                    }
                }
            }
        }
        InputFormat::JsonLines => {
            for line in JsonLinesReader::new(bytes) {
                let line = line.map_err(|e| AnswersError::Io(e.to_string()))?;
                match line.record {
                    Ok(r) => answers.push((Answers::Record(Box::new(r)), Recorded::default())),
                    Err(e) => errors.push(e),
                }
            }
        }
        InputFormat::JsonDocument => {
            match mucsong_formats::jsonl::read_household_document(bytes)
                .map_err(|e| AnswersError::Io(e.to_string()))?
            {
                Ok(r) => answers.push((Answers::Record(Box::new(r)), Recorded::default())),
                Err(e) => errors.push(e),
            }
        }
    }
    Ok((answers, errors))
}

/// The lines above a form's title, as the circular prints them, filled from the heading (dots
/// where a name is still empty, for the officer to write in by hand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingLines {
    pub left: Vec<String>,
    pub right: Vec<String>,
}

fn or_dots(name: &str) -> &str {
    let name = name.trim();
    if name.is_empty() {
        "................"
    } else {
        name
    }
}

impl Sheet {
    /// The heading's lines for this form.
    pub fn heading_lines(&self, heading: &Heading) -> HeadingLines {
        let year = or_dots(&heading.year);
        match &self.level {
            Level::Village(village) => HeadingLines {
                left: vec![
                    format!("UBND xã/phường/thị trấn {}", or_dots(&heading.commune)),
                    format!("Thôn/bản/ấp {}", or_dots(heading.village_name(village))),
                ],
                right: vec![
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".to_string(),
                    "Độc lập - Tự do - Hạnh phúc".to_string(),
                    format!("......, ngày ... tháng ... năm {year}"),
                ],
            },
            Level::Commune => HeadingLines {
                left: vec![
                    format!("Tỉnh, thành phố: {}", or_dots(&heading.province)),
                    format!("Huyện/quận: {}", or_dots(&heading.district)),
                    format!("Xã/phường/thị trấn: {}", or_dots(&heading.commune)),
                ],
                right: vec![format!("Năm rà soát: {year}")],
            },
        }
    }

    /// The village a Phụ lục VI form is for.
    pub fn village(&self) -> Option<&str> {
        match &self.level {
            Level::Village(v) => Some(v),
            Level::Commune => None,
        }
    }
}
