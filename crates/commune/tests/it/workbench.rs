//! The review workbench's sheets and workbook on Thôn Nà Lầu: the laid-out Mẫu 6.1 and 7.1 carry
//! the hand-computed numbers of `expected.toml`, the heading an officer typed is printed, and the
//! `.xlsx` workbook is a zip whose worksheets hold those numbers.

use mucsong_commune::forms::Forms;
use mucsong_commune::layout::{read_answers, sheets, Cell, Heading, RowKind, Sheet};
use mucsong_commune::list::{CommuneList, HouseholdDetails, PreviousList};
use mucsong_commune::xlsx::workbook;
use mucsong_commune::InputFormat;
use mucsong_engine::{AssessOptions, Date};
use std::io::Read;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/village");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn expected() -> toml::Table {
    toml::from_str(&read("expected.toml")).expect("expected.toml reads")
}

fn int(table: &toml::Table, form: &str, key: &str) -> u64 {
    table[form][key].as_integer().expect("a number") as u64
}

fn village_sheets(heading: &Heading) -> Vec<Sheet> {
    let (answers, errors) =
        read_answers(InputFormat::JsonLines, read("households.jsonl").as_bytes()).unwrap();
    assert!(errors.is_empty());
    let details = HouseholdDetails::from_csv(&read("households.csv")).unwrap();
    let previous = PreviousList::from_csv(&read("previous.csv")).unwrap();
    let list = CommuneList::from_parts(answers, &details, Some(previous));
    let assessed = list.assess(&AssessOptions::default(), Date::new(2026, 11, 16).unwrap());
    sheets(&Forms::new(&assessed), heading)
}

fn find<'a>(sheets: &'a [Sheet], key: &str) -> &'a Sheet {
    sheets
        .iter()
        .find(|s| s.key == key)
        .unwrap_or_else(|| panic!("no sheet {key}"))
}

fn count(cell: &Cell) -> u64 {
    match cell {
        Cell::Count(n) => *n,
        other => panic!("expected a count, found {other:?}"),
    }
}

#[test]
fn every_form_is_laid_out_in_the_circular_s_order() {
    let keys: Vec<_> = village_sheets(&Heading::default())
        .iter()
        .map(|s| s.key)
        .collect();
    assert_eq!(
        keys,
        ["6_1", "6_2", "7_1", "7_2", "7_3", "7_4", "7_5", "7_6", "7_7", "7_11"]
    );
}

#[test]
fn form_6_1_lists_the_hand_computed_households_and_the_heading_typed() {
    let e = expected();
    let heading = Heading {
        commune: "Xã Tân Lập".into(),
        year: "2026".into(),
        villages: [("Nà Lầu".to_string(), "Thôn Nà Lầu".to_string())].into(),
        ..Heading::default()
    };
    let all = village_sheets(&heading);
    let sheet = find(&all, "6_1");
    let n_poor = e["form_6_1"]["poor"].as_array().unwrap().len();
    let n_near = e["form_6_1"]["near_poor"].as_array().unwrap().len();
    let items = sheet
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Item)
        .count();
    assert_eq!(items, n_poor + n_near);
    let parts: Vec<_> = sheet
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Part)
        .map(|r| r.cells[4].clone())
        .collect();
    assert_eq!(
        parts,
        [
            Cell::Text(format!("{n_poor} hộ")),
            Cell::Text(format!("{n_near} hộ")),
            Cell::Text(format!("{} hộ", int(&e, "form_6_1", "n_total"))),
        ]
    );
    // Nông Thị Lan is the 8th poor household: female (2), born 01/01/1950.
    let lan = &sheet.rows[8];
    assert_eq!(count(&lan.cells[0]), 8);
    assert_eq!(lan.cells[1], Cell::Text("Nông Thị Lan".into()));
    assert_eq!(count(&lan.cells[2]), 2);
    assert_eq!(lan.cells[3], Cell::Text("01/01/1950".into()));
    let lines = sheet.heading_lines(&heading);
    assert_eq!(
        lines.left,
        [
            "UBND xã/phường/thị trấn Xã Tân Lập",
            "Thôn/bản/ấp Thôn Nà Lầu"
        ]
    );
    assert_eq!(lines.right[2], "......, ngày ... tháng ... năm 2026");
    assert!(sheet.notes[0].contains("nl-29"), "{:?}", sheet.notes);
    assert_eq!(sheet.signatures[1].title, "XÁC NHẬN CỦA TRƯỞNG THÔN");
}

#[test]
fn form_7_1_carries_the_hand_computed_totals() {
    let e = expected();
    let all = village_sheets(&Heading::default());
    let sheet = find(&all, "7_1");
    assert_eq!(sheet.n_columns(), 8);
    let total = sheet.rows.last().unwrap();
    assert_eq!(total.cells[1], Cell::Text("Tổng cộng (I + II)".into()));
    assert_eq!(count(&total.cells[2]), int(&e, "form_7_1", "n_households"));
    assert_eq!(count(&total.cells[3]), int(&e, "form_7_1", "n_persons"));
    assert_eq!(count(&total.cells[4]), int(&e, "form_7_1", "n_poor"));
    assert_eq!(count(&total.cells[6]), int(&e, "form_7_1", "n_near_poor"));
    let Cell::Percent(rate) = total.cells[5] else {
        panic!("a rate")
    };
    assert_eq!(
        mucsong_commune::layout::percent_text(rate).as_deref(),
        Some("46,67")
    );
    // I urban (empty), II rural and its village, III total: four rows.
    assert_eq!(sheet.rows.len(), 4);
}

/// The entries of a zip file by name (stored or deflated), read with a tiny reader of the central
/// directory, so the test needs no zip crate of its own.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
    let end = (0..bytes.len() - 21)
        .rev()
        .find(|&i| u32_at(i) == 0x0605_4b50)
        .expect("an end of central directory");
    let (n, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let mut entries = Vec::new();
    for _ in 0..n {
        assert_eq!(u32_at(at), 0x0201_4b50);
        let method = u16_at(at + 10);
        let size = u32_at(at + 20);
        let (name_len, extra_len, comment_len) =
            (u16_at(at + 28), u16_at(at + 30), u16_at(at + 32));
        let local = u32_at(at + 42);
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        let data_at = local + 30 + u16_at(local + 26) + u16_at(local + 28);
        let raw = &bytes[data_at..data_at + size];
        let data = match method {
            0 => raw.to_vec(),
            8 => {
                let mut out = Vec::new();
                flate2::read::DeflateDecoder::new(raw)
                    .read_to_end(&mut out)
                    .unwrap();
                out
            }
            m => panic!("compression method {m}"),
        };
        entries.push((name, data));
        at += 46 + name_len + extra_len + comment_len;
    }
    entries
}

#[test]
fn the_workbook_is_an_xlsx_with_one_worksheet_per_form_holding_the_numbers() {
    let e = expected();
    let heading = Heading {
        province: "Cao Bằng".into(),
        commune: "Xã Tân Lập".into(),
        year: "2026".into(),
        ..Heading::default()
    };
    let all = village_sheets(&heading);
    let bytes = workbook(&all, &heading).expect("the workbook is written");
    assert_eq!(&bytes[..2], b"PK");
    let entries = unzip(&bytes);
    let text = |name: &str| {
        String::from_utf8(entries.iter().find(|(n, _)| n == name).unwrap().1.clone()).unwrap()
    };
    let book = text("xl/workbook.xml");
    for name in ["Mẫu 6.1 Nà Lầu", "Mẫu 7.1", "Mẫu 7.11"] {
        assert!(
            book.contains(&format!("name=\"{name}\"")),
            "{name} in {book}"
        );
    }
    let n_sheets = entries
        .iter()
        .filter(|(n, _)| n.starts_with("xl/worksheets/sheet"))
        .count();
    assert_eq!(n_sheets, all.len());
    // Mẫu 7.1 is the third worksheet: its total households and poor households are numbers.
    let sheet3 = text("xl/worksheets/sheet3.xml");
    assert!(sheet3.contains(&format!("<v>{}</v>", int(&e, "form_7_1", "n_households"))));
    assert!(sheet3.contains(&format!("<v>{}</v>", int(&e, "form_7_1", "n_persons"))));
    assert!(sheet3.contains("<landscape") || sheet3.contains("orientation=\"portrait\""));
    let strings = text("xl/sharedStrings.xml");
    assert!(strings.contains("TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO"));
    assert!(strings.contains("Tỉnh, thành phố: Cao Bằng"));
    assert!(strings.contains("Nông Thị Lan"));
    assert!(strings.contains("NGƯỜI LẬP BIỂU"));
}

#[test]
fn the_heading_is_kept_as_json_and_an_unreadable_one_is_empty() {
    let heading = Heading {
        commune: "Xã Tân Lập".into(),
        villages: [("Nà Lầu".to_string(), "Bản Nà Lầu".to_string())].into(),
        ..Heading::default()
    };
    assert_eq!(Heading::from_json(&heading.to_json()), heading);
    assert_eq!(heading.village_name("Nà Lầu"), "Bản Nà Lầu");
    assert_eq!(heading.village_name("Khuổi"), "Khuổi");
    assert_eq!(Heading::from_json("{oops"), Heading::default());
}
