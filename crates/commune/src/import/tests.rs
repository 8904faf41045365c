//! The import on sheets as officers have them: CSV with `;`, decimal commas and Vietnamese
//! headers, workbooks written here with rust_xlsxwriter (merged title row, formulas, dates, blank
//! rows, merged cells, a wrong first sheet, duplicates), legacy encodings, and arbitrary bytes.

use super::duplicates::Duplicate;
use super::encoding::LegacyEncoding;
use super::*;
use crate::messages::note_text;
use crate::sheet::read_summary_sheet;
use mucsong_engine::household::Area;
use mucsong_engine::Class;
use mucsong_formats::error::Place;
use mucsong_i18n::{Locale, COMMUNE};
use rust_xlsxwriter::{Format, Formula, Workbook};

/// The twelve indicators' Vietnamese headers as a commune's own sheet writes them.
const INDICATORS_VI: [&str; 12] = [
    "Việc làm",
    "Người phụ thuộc",
    "Dinh dưỡng",
    "Bảo hiểm y tế",
    "Trình độ giáo dục người lớn",
    "Tình trạng đi học của trẻ em",
    "Chất lượng nhà ở",
    "Diện tích nhà ở bình quân đầu người",
    "Nguồn nước sinh hoạt",
    "Nhà tiêu hợp vệ sinh",
    "Sử dụng dịch vụ viễn thông",
    "Phương tiện phục vụ tiếp cận thông tin",
];

fn ready(import: Result<Import, ImportError>) -> Imported {
    match import {
        Ok(Import::Ready(imported)) => imported,
        other => panic!("expected a ready import, got {other:?}"),
    }
}

fn text_of(imported: &Imported) -> String {
    String::from_utf8(imported.csv.clone()).unwrap()
}

fn note_keys(imported: &Imported) -> Vec<(Option<u64>, &'static str)> {
    imported
        .notes
        .iter()
        .map(|n| (n.line, n.message.key))
        .collect()
}

#[test]
fn names_fold_alike_with_or_without_marks_case_and_punctuation() {
    let folded = "trung_du_va_mien_nui_phia_bac";
    assert_eq!(fold("Trung du và miền núi phía Bắc"), folded);
    assert_eq!(fold("TRUNG-DU VÀ MIỀN NÚI PHÍA BẮC"), folded);
    assert_eq!(fold("  trung du va mien nui phia bac "), folded);
    // Decomposed marks, as some Mac and web sources write them.
    assert_eq!(
        fold("So\u{302}\u{301} nha\u{302}n kha\u{302}\u{309}u"),
        "so_nhan_khau"
    );
    assert_eq!(fold("Đ/Đ"), "d_d");
}

#[test]
fn every_name_of_the_data_names_a_column_area_or_region() {
    for row in COLUMN_NAMES {
        assert!(
            row.key.is_empty() || SummaryColumn::from_header(row.key).is_some(),
            "{row:?}"
        );
    }
    for row in AREA_NAMES {
        assert!(Area::from_key(row.key).is_some(), "{row:?}");
    }
    for row in REGION_NAMES {
        assert!(Region::from_key(row.key).is_some(), "{row:?}");
    }
    // Every region can be written in words.
    for region in Region::ALL {
        assert!(
            REGION_NAMES.iter().any(|r| r.key == region.key()),
            "{region:?}"
        );
    }
}

/// A Vietnamese Excel CSV: BOM, `;`, a title line, an STT column, Vietnamese headers with marks,
/// region and area names in words, decimal commas, an unknown column and a repeated id.
fn vietnamese_csv() -> Vec<u8> {
    let mut text = String::from("\u{feff}DANH SÁCH HỘ RÀ SOÁT NĂM 2026;;;\n");
    text.push_str("STT;Mã hộ;Họ tên chủ hộ;Khu vực;Vùng;Số nhân khẩu;Điểm B1;");
    text.push_str(&INDICATORS_VI.join(";"));
    text.push_str(";Kết quả\n");
    let row = |n: u32, id: &str, area: &str, region: &str, members: &str, score: &str| {
        format!(
            "{n};{id};Nguyễn Văn {n};{area};{region};{members};{score};1;0;0;1;0;0;0;0;0;0;0;0;\n"
        )
    };
    text.push_str(&row(
        1,
        "H01",
        "Nông thôn",
        "Trung du và miền núi phía Bắc",
        "4",
        "120",
    ));
    text.push_str(&row(
        2,
        "H02",
        "nong thon",
        "trung du mien nui phia bac",
        "3,0",
        "150",
    ));
    text.push_str(";;;;;;;;;;;;;;;;;;;\n");
    text.push_str(&row(3, "H01", "Thành thị", "TDMNPB", "5", "130,5"));
    text.into_bytes()
}

#[test]
fn a_vietnamese_excel_csv_is_read_with_its_names_and_lines() {
    let imported = ready(import_sheet(&vietnamese_csv(), &ColumnChoices::default()));
    assert_eq!(imported.header_line, 2);
    assert_eq!(imported.layout.delimiter, b';');
    assert!(imported.layout.bom);
    assert_eq!(imported.layout.language, HeaderLanguage::Vietnamese);
    assert_eq!(imported.n_rows, 3);
    assert_eq!(
        note_keys(&imported),
        [
            (None, "commune_import_note_title_row"),
            (Some(2), "commune_import_note_unknown_column"),
        ]
    );
    assert_eq!(imported.notes[1].column.as_deref(), Some("Họ tên chủ hộ"));
    assert_eq!(
        imported.duplicates,
        [Duplicate {
            id: "H01".into(),
            lines: vec![3, 6]
        }]
    );
    // The summary reader reads the translation, on the sheet's own lines.
    let rows = read_summary_sheet(&imported.csv).unwrap();
    assert_eq!(rows.len(), 3);
    let first = rows[0].answers.as_ref().unwrap();
    assert_eq!((rows[0].line, first.id.as_deref()), (3, Some("H01")));
    assert_eq!(first.area, Some(Area::Rural));
    assert_eq!(first.region, Some(Region::NorthernMidlandsMountains));
    assert_eq!(first.score_a, Some(120));
    assert_eq!(rows[1].answers.as_ref().unwrap().members, Some(3));
    // "130,5" points is not a whole number: the reader says so, on line 6, and the import's
    // label names the sheet's own column.
    let error = rows[2].answers.as_ref().unwrap_err();
    assert_eq!(error.line, Some(6));
    let Place::Column(name) = &error.problems[0].place else {
        panic!("{error:?}")
    };
    assert_eq!(imported.column_label(name), Some("Điểm B1"));
    assert_eq!(rows[0].recorded.class, None);
}

#[test]
fn resolving_a_duplicate_blanks_the_dropped_row_only() {
    let imported = ready(import_sheet(&vietnamese_csv(), &ColumnChoices::default()));
    let skip = duplicates::dropped_lines(&imported.duplicates, &[duplicates::Resolution::Skip]);
    let rows = read_summary_sheet(&imported.without_lines(&skip)).unwrap();
    assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [3, 4]);
    let replace =
        duplicates::dropped_lines(&imported.duplicates, &[duplicates::Resolution::Replace]);
    let rows = read_summary_sheet(&imported.without_lines(&replace)).unwrap();
    assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [4, 6]);
}

#[test]
fn a_missing_required_column_is_asked_for_and_the_choice_is_used() {
    let text = vietnamese_csv();
    let text = String::from_utf8(text)
        .unwrap()
        .replace("Số nhân khẩu", "Nhân số");
    let choices = ColumnChoices::default();
    let request = match import_sheet(text.as_bytes(), &choices).unwrap() {
        Import::NeedsMapping(request) => request,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        request.missing,
        [Requirement::Column(SummaryColumn::Members)]
    );
    let header = request
        .headers
        .iter()
        .find(|h| h.text == "Nhân số")
        .unwrap();
    assert_eq!(header.target, None);
    let mut choices = ColumnChoices::default();
    choices.choose(&header.text, Target::Column(SummaryColumn::Members));
    // Remembered as JSON and read back, as the page stores it.
    let choices = ColumnChoices::from_json(&choices.to_json());
    assert_eq!(
        choices.get("NHÂN SỐ"),
        Some(Target::Column(SummaryColumn::Members))
    );
    let imported = ready(import_sheet(text.as_bytes(), &choices));
    assert_eq!(imported.n_rows, 3);
    assert_eq!(
        ColumnChoices::from_json("not json"),
        ColumnChoices::default()
    );
}

#[test]
fn a_legacy_encoding_is_named_and_refused() {
    let tcvn3 = b"M\xB8 h\xE9;Khu v\xF1c\nH1;N\xABng th\xABn\n";
    match import_sheet(tcvn3, &ColumnChoices::default()) {
        Err(ImportError::LegacyEncoding { encoding, line }) => {
            assert_eq!((encoding, line), (LegacyEncoding::Tcvn3, 1));
        }
        other => panic!("{other:?}"),
    }
    let error = import_sheet(b"ma_ho\nN\xF4ng th\xF4n\n", &ColumnChoices::default()).unwrap_err();
    assert_eq!(
        error,
        ImportError::LegacyEncoding {
            encoding: LegacyEncoding::Windows1258,
            line: 2
        }
    );
    let vi = COMMUNE.format(
        Locale::Vi,
        crate::messages::import_error(&error).key,
        &crate::messages::import_error(&error).arg_refs(),
    );
    assert!(
        vi.contains("Windows-1258") && vi.contains("CSV UTF-8"),
        "{vi}"
    );
}

#[test]
fn what_stops_an_import_says_why() {
    let none = ColumnChoices::default();
    let big = vec![b'a'; MAX_IMPORT_BYTES + 1];
    assert!(matches!(
        import_sheet(&big, &none),
        Err(ImportError::TooLarge {
            is_unzipped: false,
            ..
        })
    ));
    assert_eq!(
        import_sheet(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", &none),
        Err(ImportError::OldExcel)
    );
    assert!(matches!(
        import_sheet(b"PK\x03\x04garbage", &none),
        Err(ImportError::Workbook { .. })
    ));
    assert_eq!(import_sheet(b"", &none), Err(ImportError::Empty));
    assert_eq!(
        import_sheet(b"a;b\n1;2\n", &none),
        Err(ImportError::NoHeader { sheets: vec![] })
    );
    for error in [
        ImportError::TooLarge {
            n_bytes: 600 << 20,
            max_bytes: MAX_UNZIPPED_BYTES,
            is_unzipped: true,
        },
        ImportError::NoHeader {
            sheets: vec!["Sheet1".into()],
        },
        ImportError::Workbook { detail: "x".into() },
    ] {
        let message = crate::messages::import_error(&error);
        for locale in Locale::ALL {
            assert!(COMMUNE.has(locale, message.key), "{}", message.key);
        }
    }
}

/// A workbook as a commune keeps it: a first sheet of instructions, then the list with a merged
/// title row, Vietnamese headers, formulas, a date-formatted count, a blank row, a village
/// merged down two rows, an unknown column and a repeated id.
fn commune_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let help = workbook.add_worksheet();
    help.set_name("Hướng dẫn").unwrap();
    help.write_string(0, 0, "Điền mỗi hộ một dòng.").unwrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Danh sách").unwrap();
    let title = Format::new().set_bold();
    sheet
        .merge_range(
            0,
            0,
            0,
            18,
            "DANH SÁCH HỘ NGHÈO, CẬN NGHÈO NĂM 2026",
            &title,
        )
        .unwrap();
    let mut headers = vec!["Mã hộ", "Thôn", "Khu vực", "Số nhân khẩu", "Điểm A"];
    headers.extend(INDICATORS_VI);
    headers.push("Phân loại");
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut put_row = |r: u32, id: &str, members: Option<f64>, score: f64| {
        sheet.write_string(r, 0, id).unwrap();
        if let Some(members) = members {
            sheet.write_number(r, 3, members).unwrap();
        }
        sheet.write_number(r, 4, score).unwrap();
        for c in 5..17u16 {
            sheet
                .write_number(r, c, if c < 8 { 1.0 } else { 0.0 })
                .unwrap();
        }
    };
    put_row(2, "LS-001", Some(4.0), 120.0);
    put_row(3, "LS-002", None, 150.0);
    // Row 5 (index 4) is blank.
    put_row(5, "LS-001", Some(2.0), 90.0);
    sheet
        .merge_range(2, 2, 3, 2, "Nông thôn", &Format::new())
        .unwrap();
    sheet.write_string(5, 2, "nông thôn").unwrap();
    sheet.write_string(2, 1, "Nà Lầu").unwrap();
    // Members of row 4 as a formula with its saved result, written in a date format.
    sheet
        .write_formula(3, 3, Formula::new("=1+2").set_result("3"))
        .unwrap();
    sheet.write_number_with_format(5, 3, 2.0, &date).unwrap();
    sheet.write_string(2, 17, "Hộ nghèo").unwrap();
    sheet.write_string(5, 19, "ghi thêm").unwrap();
    workbook.save_to_buffer().unwrap()
}

#[test]
fn a_commune_workbook_is_read_from_its_list_sheet() {
    let imported = ready(import_sheet(&commune_workbook(), &ColumnChoices::default()));
    assert_eq!(imported.sheet.as_deref(), Some("Danh sách"));
    assert_eq!(imported.header_line, 2);
    assert_eq!(imported.layout.language, HeaderLanguage::Vietnamese);
    assert_eq!(imported.layout.delimiter, b';');
    assert_eq!(imported.n_rows, 3);
    let notes: Vec<String> = imported
        .notes
        .iter()
        .map(|n| note_text(n, Locale::En))
        .collect();
    assert_eq!(
        notes,
        [
            "Read the sheet “Danh sách”: \"Hướng dẫn\" has no household-list columns.",
            "row 1 above the header row 2 is read as a title and passed over.",
            "Row 2, column Thôn (B): not a household-list column, passed over (if it is one \
             that should be read, pick it when matching columns or rename it as in the template).",
            "Row 6, column T: column T holds data but has no header, passed over.",
            "Row 6, column Số nhân khẩu (D): the cell is formatted as a date (1900-01-02); \
             read as the number it holds, 2. Please check it.",
            "Row 3, column Khu vực (C): the cells of rows 3–4 are merged; the first cell's \
             value is read for each row.",
        ]
    );
    assert_eq!(
        imported.duplicates,
        [Duplicate {
            id: "LS-001".into(),
            lines: vec![3, 6]
        }]
    );
    let rows = read_summary_sheet(&imported.csv).unwrap();
    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 4, 6]);
    let second = rows[1].answers.as_ref().unwrap();
    // The merged area reaches row 4; the formula's saved result is its members.
    assert_eq!((second.area, second.members), (Some(Area::Rural), Some(3)));
    assert_eq!(rows[0].recorded.class, Some(Class::Poor));
    assert_eq!(rows[2].answers.as_ref().unwrap().members, Some(2));
    assert!(text_of(&imported).starts_with(";\nma_ho;khu_vuc;so_nhan_khau;diem_a;"));
}

/// A copy of a workbook with one part's XML changed.
fn rewrite_entry(bytes: &[u8], name: &str, change: impl Fn(String) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut changed = false;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let entry_name = entry.name().unwrap().to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if entry_name == name {
            let xml = String::from_utf8(content).unwrap();
            let new = change(xml.clone());
            changed = new != xml;
            content = new.into_bytes();
        }
        out.start_file(entry_name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    assert!(changed, "{name} was not changed");
    out.finish().unwrap().into_inner()
}

#[test]
fn a_formula_without_a_saved_result_is_unknown_and_said() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let mut headers = vec!["ma_ho", "khu_vuc", "so_nhan_khau", "diem_a"];
    headers.extend(INDICATORS_VI);
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "h1").unwrap();
    sheet.write_string(1, 1, "nong_thon").unwrap();
    sheet.write_number(1, 2, 3.0).unwrap();
    sheet.write_formula(1, 3, Formula::new("=A1")).unwrap();
    // rust_xlsxwriter saves 0 as a formula's result; some other programs save none: take its
    // `<v>` out.
    let bytes = rewrite_entry(
        &workbook.save_to_buffer().unwrap(),
        "xl/worksheets/sheet1.xml",
        |xml| xml.replace("<f>A1</f><v>0</v>", "<f>A1</f>"),
    );
    let imported = ready(import_sheet(&bytes, &ColumnChoices::default()));
    let keys = note_keys(&imported);
    assert!(
        keys.contains(&(Some(2), "commune_import_note_formula_without_value")),
        "{keys:?}"
    );
}

#[test]
fn a_workbook_without_household_columns_names_its_sheets() {
    let mut workbook = Workbook::new();
    workbook
        .add_worksheet()
        .write_string(0, 0, "Báo cáo")
        .unwrap();
    workbook
        .add_worksheet()
        .write_string(0, 0, "Tổng hợp")
        .unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    assert_eq!(
        import_sheet(&bytes, &ColumnChoices::default()),
        Err(ImportError::NoHeader {
            sheets: vec!["Sheet1".into(), "Sheet2".into()]
        })
    );
}

#[test]
fn every_note_and_error_is_worded_in_both_languages() {
    let mut notes = ready(import_sheet(&commune_workbook(), &ColumnChoices::default())).notes;
    notes.extend(ready(import_sheet(&vietnamese_csv(), &ColumnChoices::default())).notes);
    for locale in Locale::ALL {
        for note in &notes {
            let text = note_text(note, locale);
            assert!(!text.contains("[?]") && !text.contains('{'), "{text}");
        }
        for requirement in [
            Requirement::Column(SummaryColumn::Area),
            Requirement::Column(SummaryColumn::Indicator(Indicator::Water)),
            Requirement::ScoreOrIncome,
        ] {
            let text = crate::messages::requirement_text(requirement, locale);
            assert!(!text.contains("[?]"), "{text}");
        }
    }
}

// proptest's random source does not build for the browser target.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// What any outcome must be: rows the summary reader takes, a mapping request naming what
    /// is missing, or an error worded in both languages.
    fn check(outcome: Result<Import, ImportError>) {
        match outcome {
            Ok(Import::Ready(imported)) => {
                // The translation is always something the summary reader can open.
                assert!(read_summary_sheet(&imported.csv).is_ok());
            }
            Ok(Import::NeedsMapping(request)) => assert!(!request.missing.is_empty()),
            Err(error) => {
                let message = crate::messages::import_error(&error);
                assert!(COMMUNE.has(Locale::Vi, message.key), "{}", message.key);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            check(import_sheet(&bytes, &ColumnChoices::default()));
            let mut zipped = b"PK\x03\x04".to_vec();
            zipped.extend(&bytes);
            check(import_sheet(&zipped, &ColumnChoices::default()));
        }

        #[test]
        fn arbitrary_text_under_our_header_never_panics(
            cells in proptest::collection::vec("[0-9a-zA-Zà-ỹ ,;.\"\\n-]{0,12}", 0..60),
        ) {
            let mut text = String::from("ma_ho;khu_vuc;so_nhan_khau;diem_a;");
            text.push_str(&INDICATORS_VI.join(";"));
            text.push('\n');
            text.push_str(&cells.join(";"));
            check(import_sheet(text.as_bytes(), &ColumnChoices::default()));
        }

        #[test]
        fn a_damaged_workbook_never_panics(
            at in 0usize..100_000,
            byte in any::<u8>(),
            cut in 0usize..100_000,
        ) {
            let mut bytes = commune_workbook();
            let n = bytes.len();
            bytes[at % n] = byte;
            bytes.truncate(n - cut % (n / 2));
            check(import_sheet(&bytes, &ColumnChoices::default()));
        }
    }
}
