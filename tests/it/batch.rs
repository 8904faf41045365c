//! Batch readers and writers at unit level: JSON Lines, whole-file JSON, summary CSV (every kind of
//! bad input the formats name), the writers' exact output, and commune statistics on a small set
//! computed by hand.

use mucsong_batch::*;
use mucsong_engine::household::{Area, Region};
use mucsong_engine::{Class, IncomeClass, Indicator, IndicatorStatus, ResultRecord};
use mucsong_formats::jsonl;
use mucsong_formats::summary_csv::{parse_money, HeaderLanguage};
use mucsong_formats::*;
use std::io::Cursor;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture exists")
}

fn read_lines(input: &[u8]) -> (Vec<LineRecord>, u64) {
    let mut reader = JsonLinesReader::new(input);
    let records = (&mut reader).map(|r| r.expect("no I/O error")).collect();
    (records, reader.n_blank_lines())
}

// ---- JSON Lines ----

#[test]
fn json_lines_skip_blank_lines_and_accept_a_bom_and_crlf() {
    let input = b"\xEF\xBB\xBF{\"id\":\"a\",\"area\":\"rural\"}\r\n\r\n   \n{\"id\":\"b\",\"region\":\"southeast\"}";
    let (records, n_blank) = read_lines(input);
    assert_eq!(n_blank, 2);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].line, 1);
    assert_eq!(records[1].line, 4);
    let a = records[0].record.as_ref().unwrap();
    assert_eq!((a.id.as_deref(), a.area), (Some("a"), Some(Area::Rural)));
    let b = records[1].record.as_ref().unwrap();
    assert_eq!(
        (b.id.as_deref(), b.region),
        (Some("b"), Some(Region::Southeast))
    );
}

#[test]
fn a_bad_line_names_its_line_id_and_field_and_the_rest_go_on() {
    let (records, n_blank) = read_lines(&fixture("households-with-bad-line.jsonl"));
    assert_eq!(n_blank, 1);
    let lines: Vec<u64> = records.iter().map(|r| r.line).collect();
    assert_eq!(lines, [1, 2, 3, 5]);
    assert!(records[0].record.is_ok() && records[1].record.is_ok() && records[3].record.is_ok());
    let error = records[2].record.as_ref().unwrap_err();
    assert_eq!(error.line, Some(3));
    assert_eq!(error.id.as_deref(), Some("thon-3-ho-19"));
    assert!(
        error
            .problems
            .iter()
            .any(|p| p.place == Place::Field("members[0].sex".into())),
        "{error:?}"
    );
    let text = error.to_string();
    assert!(
        text.starts_with("line 3, field members[0].sex: expected "),
        "{text}"
    );
    assert!(text.contains("\"m\""), "{text}");
}

#[test]
fn unknown_fields_syntax_errors_and_bad_bytes_are_errors_with_their_line() {
    let input =
        b"{\"id\":\"x\",\"colour\":1}\n{\"id\":\"y\",\"area\":\n{\"id\":\"\xC3\x28\"}\n[1,2]\n";
    let (records, _) = read_lines(input);
    assert_eq!(records.len(), 4);
    for (i, r) in records.iter().enumerate() {
        let e = r.record.as_ref().expect_err("every line is bad");
        assert_eq!(e.line, Some(i as u64 + 1));
        assert!(!e.problems.is_empty());
    }
    let unknown = records[0].record.as_ref().unwrap_err();
    assert_eq!(unknown.id.as_deref(), Some("x"));
    assert!(unknown.to_string().contains("colour"), "{unknown}");
    let bytes = records[2].record.as_ref().unwrap_err();
    assert_eq!(bytes.problems[0].code, "invalid_utf8");
    assert_eq!(
        bytes.to_string(),
        "line 3, expected UTF-8 text, but found the byte 0xC3 at column 8"
    );
}

#[test]
fn error_lines_follow_the_batch_format() {
    let mut writer = JsonLinesWriter::new(Vec::new());
    let error = RecordError {
        line: Some(17),
        id: Some("ho-17".into()),
        problems: vec![Problem {
            place: Place::Field("area".into()),
            code: "invalid_value",
            expected: "rural or urban".into(),
            found: "\"countryside\"".into(),
        }],
    };
    writer.write_error(&error).unwrap();
    writer
        .write_error(&RecordError { id: None, ..error })
        .unwrap();
    let text = String::from_utf8(writer.into_inner()).unwrap();
    assert_eq!(
        text,
        "{\"id\":\"ho-17\",\"line\":17,\"error\":\"line 17, field area: expected rural or urban, but found \\\"countryside\\\"\"}\n\
         {\"id\":null,\"line\":17,\"error\":\"line 17, field area: expected rural or urban, but found \\\"countryside\\\"\"}\n"
    );
}

#[test]
fn json_documents_are_told_from_json_lines() {
    assert_eq!(
        jsonl::sniff_json_shape(b"{\n  \"id\": \"a\"\n}\n"),
        JsonShape::Document
    );
    assert_eq!(
        jsonl::sniff_json_shape(b"\xEF\xBB\xBF\n{\"id\":\"a\"}\n{\"id\":\"b\"}\n"),
        JsonShape::Lines
    );
    assert_eq!(
        jsonl::sniff_json_shape(b"{\"id\": \"a\",\n \"area\": \"rural\"}"),
        JsonShape::Document
    );
    let record = jsonl::read_household_document(Cursor::new(fixture("household.json")))
        .unwrap()
        .unwrap();
    assert_eq!(record.id.as_deref(), Some("thon-3-ho-17"));
    assert_eq!(record.members.as_ref().map(Vec::len), Some(1));
    let broken = jsonl::read_household_document(&b"{\n  \"id\": \"a\",\n  \"area\": \n"[..])
        .unwrap()
        .unwrap_err();
    assert_eq!(broken.line, Some(4), "{broken:?}");
    // A byte that is not UTF-8 on line 3: its line, and its column on that line ("é" is one).
    let not_utf8 =
        jsonl::read_household_document(&b"{\n  \"id\": \"a\",\n  \"\xC3\xA9\xFF\": 1\n}"[..])
            .unwrap()
            .unwrap_err();
    assert_eq!(not_utf8.line, Some(3), "{not_utf8:?}");
    assert_eq!(not_utf8.problems[0].found, "the byte 0xFF at column 5");
}

#[test]
fn random_bytes_as_json_lines_are_errors_not_panics() {
    let bytes = mucsong_generator::pseudo_random_bytes(7, 20_000);
    let (records, _) = read_lines(&bytes);
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r.record.is_err()));
}

// ---- Summary CSV: reading ----

fn csv_reader(bytes: &[u8]) -> Result<SummaryCsvReader<&[u8]>, FileError> {
    SummaryCsvReader::new(bytes)
}

const EN_HEADER: &str = "id,area,region,members,score_a,monthly_income_vnd,employment,dependants,nutrition,health_insurance,adult_education,child_schooling,housing_quality,housing_area,water,sanitation,internet,information_devices";

#[test]
fn bom_semicolons_and_vietnamese_headers_are_read() {
    let bytes = fixture("summary-vi-semicolon-bom.csv");
    let mut reader = csv_reader(&bytes).unwrap();
    assert_eq!(
        reader.layout(),
        CsvLayout {
            delimiter: b';',
            has_bom: true,
            language: HeaderLanguage::Vietnamese
        }
    );
    let row = reader.next_row().unwrap().unwrap();
    assert_eq!(row.line, 2);
    let summary = row.row.unwrap();
    assert_eq!(summary.id.as_deref(), Some("ho-1"));
    assert_eq!(summary.area, Some(Area::Rural));
    assert_eq!(summary.region, Some(Region::NorthernMidlandsMountains));
    assert_eq!(
        (summary.members, summary.score_a, summary.monthly_income_vnd),
        (Some(4), Some(120), Some(1_200_000))
    );
    assert_eq!(summary.indicators.len(), 12);
    assert_eq!(summary.indicators[&Indicator::Employment], Some(true));
    assert_eq!(summary.indicators[&Indicator::Nutrition], Some(false));
    // "Nong_Thon": case-insensitive; an empty income cell is unknown.
    let row = reader.next_row().unwrap().unwrap().row.unwrap();
    assert_eq!(
        (row.area, row.monthly_income_vnd),
        (Some(Area::Rural), None)
    );
    let row = reader.next_row().unwrap().unwrap().row.unwrap();
    assert_eq!(
        (row.area, row.region),
        (Some(Area::Urban), Some(Region::CentrallyRunCity))
    );
    let bad = reader.next_row().unwrap().unwrap();
    let error = bad.row.unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 5, column thu_nhap_thang: expected a whole number of đồng (like 1500000 or 1.500.000), but found \"1,5tr\""
    );
    assert_eq!(error.id.as_deref(), Some("ho-4"));
    assert_eq!(error.problems[0].code, "not_money");
    assert!(reader.next_row().is_none());
}

#[test]
fn english_headers_in_any_case_with_spaces_and_english_area_words() {
    let text = format!(
        "{}\n,  URBAN ,Southeast, 3 ,,2000000,1,1,1,,,,,,,,,\n,,,,,,,,,,,,,,,,,\n",
        EN_HEADER
            .replace("score_a", "Score A")
            .replace("members", " MEMBERS ")
    );
    let mut reader = csv_reader(text.as_bytes()).unwrap();
    assert_eq!(reader.layout().language, HeaderLanguage::English);
    assert_eq!(reader.layout().delimiter, b',');
    let row = reader.next_row().unwrap().unwrap().row.unwrap();
    assert_eq!(
        (row.id, row.area, row.region, row.members),
        (None, Some(Area::Urban), Some(Region::Southeast), Some(3))
    );
    assert_eq!(
        (row.score_a, row.monthly_income_vnd),
        (None, Some(2_000_000))
    );
    assert_eq!(row.indicators[&Indicator::Dependants], Some(true));
    assert_eq!(row.indicators[&Indicator::Water], None);
    assert!(reader.next_row().is_none());
    assert_eq!(reader.n_blank_rows(), 1);
}

#[test]
fn every_bad_cell_of_a_row_is_reported() {
    let text = format!("{EN_HEADER}\nh,village,mars,0,abc,1.5,2,1,1,1,1,1,1,1,1,1,1,yes\n");
    let mut reader = csv_reader(text.as_bytes()).unwrap();
    let error = reader.next_row().unwrap().unwrap().row.unwrap_err();
    let columns: Vec<String> = error
        .problems
        .iter()
        .map(|p| match &p.place {
            Place::Column(c) => c.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        columns,
        [
            "area",
            "region",
            "members",
            "score_a",
            "monthly_income_vnd",
            "employment",
            "information_devices"
        ]
    );
    let text = error.to_string();
    assert!(text.starts_with("line 2, column area: expected rural, urban, nong_thon, thanh_thi or nothing (unknown), but found \"village\"; column region: "), "{text}");
    assert!(
        text.contains(
            "column members: expected a whole number of members from 1 to 99, but found \"0\""
        ),
        "{text}"
    );
    assert!(text.contains("column employment: expected 1 (deprived), 0 (not deprived) or nothing (unknown), but found \"2\""), "{text}");
}

#[test]
fn a_row_with_the_wrong_number_of_cells_is_refused() {
    let text = format!("{EN_HEADER}\nh,rural,,2,100\n");
    let mut reader = csv_reader(text.as_bytes()).unwrap();
    let error = reader.next_row().unwrap().unwrap().row.unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 2, expected 18 cells as in the header line, but found 5"
    );
}

#[test]
fn money_accepts_grouping_and_refuses_guesses() {
    for (text, amount) in [
        ("1500000", 1_500_000),
        ("1.500.000", 1_500_000),
        ("1,500,000", 1_500_000),
        ("1 500 000", 1_500_000),
        ("1\u{a0}500\u{a0}000", 1_500_000),
        ("1.500", 1_500),
        ("1.500.000,00", 1_500_000),
        ("1,500,000.00", 1_500_000),
        ("1500000,0", 1_500_000),
        ("1.500.000 đ", 1_500_000),
        ("1.500.000đ", 1_500_000),
        ("2000000 VND", 2_000_000),
        ("750.000 đồng", 750_000),
        ("-200.000", -200_000),
        ("0", 0),
    ] {
        assert_eq!(parse_money(text), Some(amount), "{text}");
    }
    for text in [
        "1,5tr",
        "1.5",
        "1,5",
        "1,50",
        "2 triệu",
        "1.500,50",
        "1.50.000",
        "1,500.000",
        "12345.678.000",
        ".500",
        "1.500.",
        "abc",
        "",
        "-",
        "1e6",
        "99999999999999999999",
        "1..500",
        "1.500.000,00,00",
    ] {
        assert_eq!(parse_money(text), None, "{text}");
    }
}

#[test]
fn missing_columns_are_one_file_error_listing_them() {
    let e = csv_reader(b"ma_ho,khu_vuc,viec_lam\n").err().unwrap();
    match &e {
        FileError::MissingColumns { columns } => {
            assert_eq!(columns[0], "members");
            assert_eq!(columns[1], "score_a or monthly_income_vnd");
            assert_eq!(columns.len(), 2 + 11);
        }
        other => panic!("{other:?}"),
    }
    let text = e.to_string();
    assert!(
        text.starts_with("the header line lacks required columns: members (so_nhan_khau), score_a (diem_a) or monthly_income_vnd (thu_nhap_thang), dependants (phu_thuoc), "),
        "{text}"
    );
}

#[test]
fn unknown_and_duplicate_columns_are_named() {
    let header = EN_HEADER.replace("water", "watr") + ",notes";
    let e = csv_reader(header.as_bytes()).err().unwrap();
    assert_eq!(
        e,
        FileError::UnknownColumns {
            columns: vec!["watr".into(), "notes".into()]
        }
    );
    assert!(
        e.to_string()
            .starts_with("the header line has unknown columns \"watr\", \"notes\""),
        "{e}"
    );
    let header = EN_HEADER.to_string() + ",viec_lam";
    let e = csv_reader(header.as_bytes()).err().unwrap();
    assert_eq!(
        e,
        FileError::DuplicateColumn {
            first: "employment".into(),
            second: "viec_lam".into()
        }
    );
}

#[test]
fn result_columns_are_accepted_and_ignored_on_input() {
    let text = format!("{EN_HEADER},score_b,class,income_class,error\nh,rural,,2,100,,1,1,1,0,0,0,0,0,0,0,0,0,30,poor,,\n");
    let mut reader = csv_reader(text.as_bytes()).unwrap();
    assert_eq!(reader.columns().len(), 22);
    let row = reader.next_row().unwrap().unwrap().row.unwrap();
    assert_eq!(row.score_a, Some(100));
}

#[test]
fn wrong_encodings_are_file_errors_that_say_utf8() {
    let utf16_bom: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(EN_HEADER.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16_plain: Vec<u8> = EN_HEADER
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    // "khu_vực" style text saved as Windows-1258: ự is not valid UTF-8 there.
    let cp1258 = [
        EN_HEADER.as_bytes(),
        b"\nh\xF0,rural,,2,100,,1,1,1,0,0,0,0,0,0,0,0,0\n",
    ]
    .concat();
    for (bytes, expected) in [
        (utf16_bom, FileError::Utf16),
        (utf16_plain, FileError::Utf16),
        (cp1258, FileError::InvalidUtf8 { line: 2 }),
        (b"PK\x03\x04\x14\x00\x06\x00".to_vec(), FileError::Workbook),
        (
            b"\x00\x01\x02\x03\xFF\x10\x00\x99\x42\x00\x00\x07".to_vec(),
            FileError::Binary,
        ),
        (b"".to_vec(), FileError::Empty),
        (b"\n\n".to_vec(), FileError::Empty),
    ] {
        let e = csv_reader(&bytes)
            .err()
            .unwrap_or_else(|| panic!("{expected:?} accepted"));
        assert_eq!(e, expected);
        if !matches!(e, FileError::Empty) {
            assert!(e.to_string().contains("expected a UTF-8 text file"), "{e}");
        }
    }
    assert!(FileError::InvalidUtf8 { line: 2 }
        .to_string()
        .starts_with("line 2 is not valid UTF-8"));
}

#[test]
fn invalid_utf8_after_the_first_buffer_stops_the_file_at_its_line() {
    let good_row = "h,rural,,2,100,,1,1,1,0,0,0,0,0,0,0,0,0\n";
    let mut text = format!("{EN_HEADER}\n").into_bytes();
    for _ in 0..2000 {
        text.extend_from_slice(good_row.as_bytes());
    }
    text.extend_from_slice(b"h\xE0,rural,,2,100,,1,1,1,0,0,0,0,0,0,0,0,0\n");
    let mut reader =
        SummaryCsvReader::new(std::io::BufReader::with_capacity(1024, &text[..])).unwrap();
    let mut n_rows = 0;
    let error = loop {
        match reader.next_row().expect("ends with an error") {
            Ok(_) => n_rows += 1,
            Err(e) => break e,
        }
    };
    assert_eq!(n_rows, 2000);
    assert_eq!(error, FileError::InvalidUtf8 { line: 2002 });
    assert!(reader.next_row().is_none());
}

#[test]
fn random_bytes_as_csv_are_a_clear_file_error() {
    let bytes = mucsong_generator::pseudo_random_bytes(99, 4096);
    let e = csv_reader(&bytes).err().expect("random bytes are refused");
    assert!(
        matches!(
            e,
            FileError::Binary | FileError::Utf16 | FileError::InvalidUtf8 { .. }
        ),
        "{e:?}"
    );
    // Printable garbage is valid UTF-8, so it fails on its header instead.
    let e = csv_reader(b"q8#k;zz!;\"a\n1;2;3\n").err().unwrap();
    assert!(matches!(e, FileError::UnknownColumns { .. }), "{e:?}");
}

// ---- Summary CSV: writing ----

fn sample_result(
    class: Class,
    score_b: Option<i64>,
    income_class: Option<IncomeClass>,
) -> ResultRecord {
    ResultRecord {
        schema: "mucsong/result@1".into(),
        id: None,
        edition: "2022-2025".into(),
        assessed_on: mucsong_engine::Date::new(2026, 6, 1).unwrap(),
        screening: None,
        score_a: Some(100),
        score_b,
        indicators: Default::default(),
        class,
        possible_classes: [class][..].into(),
        income_per_person_month_vnd: None,
        income_class,
        depends_on: vec![],
    }
}

#[test]
fn the_writer_appends_results_with_bom_semicolons_and_vietnamese_headers() {
    let text = format!("{EN_HEADER},class\nh1,rural,,2,100,,1,1,1,0,0,0,0,0,0,0,0,0,old\nh2,rural,,2,100,,1,1,1,0,0,0,0,0,0,0,0,0,old\n");
    let mut reader = csv_reader(text.as_bytes()).unwrap();
    let options = CsvWriteOptions {
        delimiter: b';',
        bom: true,
        language: HeaderLanguage::Vietnamese,
    };
    let mut writer = SummaryCsvWriter::new(Vec::new(), reader.columns(), options).unwrap();
    let row = reader.next_row().unwrap().unwrap();
    writer
        .write_row(
            &row.cells,
            Ok(&sample_result(
                Class::Poor,
                Some(30),
                Some(IncomeClass::Poor),
            )),
        )
        .unwrap();
    let row = reader.next_row().unwrap().unwrap();
    let error = RecordError {
        line: Some(3),
        id: Some("h2".into()),
        problems: vec![Problem {
            place: Place::Column("members".into()),
            code: "x",
            expected: "1; or 2".into(),
            found: "\"0\"".into(),
        }],
    };
    writer.write_row(&row.cells, Err(&error)).unwrap();
    let out = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}ma_ho;khu_vuc;vung;so_nhan_khau;diem_a;thu_nhap_thang;viec_lam;phu_thuoc;dinh_duong;bhyt;giao_duc_nguoi_lon;di_hoc_tre_em;chat_luong_nha;dien_tich_nha;nuoc_sach;nha_tieu;internet;thiet_bi_thong_tin;diem_b;phan_loai;phan_loai_thu_nhap;loi"
    );
    assert_eq!(
        lines.next().unwrap(),
        "h1;rural;;2;100;;1;1;1;0;0;0;0;0;0;0;0;0;30;poor;poor;"
    );
    assert_eq!(
        lines.next().unwrap(),
        "h2;rural;;2;100;;1;1;1;0;0;0;0;0;0;0;0;0;;;;\"line 3, column members: expected 1; or 2, but found \"\"0\"\"\""
    );
    assert!(lines.next().is_none());
}

// ---- Commune statistics ----

/// A result with the given class and indicator statuses (`d` deprived, `n` not, `?` unknown), in
/// `Indicator::TWELVE` order.
fn result(class: Class, statuses: &str) -> ResultRecord {
    let indicators = Indicator::TWELVE
        .into_iter()
        .zip(statuses.chars())
        .map(|(i, c)| {
            let status = match c {
                'd' => IndicatorStatus::Deprived,
                'n' => IndicatorStatus::NotDeprived,
                _ => IndicatorStatus::Unknown,
            };
            (i, status)
        })
        .collect();
    ResultRecord {
        indicators,
        ..sample_result(class, None, None)
    }
}

#[test]
fn commune_statistics_match_a_hand_computed_set() {
    let mut summary = CommuneSummary::new();
    // Two poor households: 3 and 6 deprivations (the second with one unknown); one near-poor with 1;
    // one not poor with none; one undetermined with 2 and two unknowns; one rejected record.
    summary.add(&result(Class::Poor, "dddnnnnnnnnn"));
    summary.add(&result(Class::Poor, "ddnddnddn?nn"));
    summary.add(&result(Class::NearPoor, "dnnnnnnnnnnn"));
    summary.add(&result(Class::NotPoor, "nnnnnnnnnnnn"));
    summary.add(&result(Class::Undetermined, "d?n?dnnnnnnn"));
    summary.add_rejected();

    assert_eq!((summary.n_households, summary.n_rejected), (5, 1));
    assert_eq!(
        (
            summary.n_poor,
            summary.n_near_poor,
            summary.n_not_poor,
            summary.n_undetermined
        ),
        (2, 1, 1, 1)
    );
    assert_eq!(summary.share_poor(), Some(0.4));
    assert_eq!(summary.share_undetermined(), Some(0.2));
    assert_eq!(summary.n_poor_with_unknown_indicators, 1);

    // Employment: deprived in 4 of 5 (all known); among the poor 2 of 2.
    let employment = summary.indicator(Indicator::Employment);
    assert_eq!(
        (
            employment.n_deprived,
            employment.n_known,
            employment.n_unknown
        ),
        (4, 5, 0)
    );
    assert_eq!(employment.share_deprived(), Some(0.8));
    assert_eq!(employment.share_deprived_poor(), Some(1.0));
    // Dependants: deprived in 2, unknown in 1 (left out of the denominator): 2 of 4.
    let dependants = summary.indicator(Indicator::Dependants);
    assert_eq!(
        (
            dependants.n_deprived,
            dependants.n_known,
            dependants.n_unknown
        ),
        (2, 4, 1)
    );
    assert_eq!(dependants.share_deprived(), Some(0.5));
    // Sanitation: unknown for the second poor household: among the poor 0 of 1 known.
    let sanitation = summary.indicator(Indicator::Sanitation);
    assert_eq!((sanitation.n_known_poor, sanitation.n_unknown_poor), (1, 1));
    assert_eq!(sanitation.share_deprived_poor(), Some(0.0));

    // H = 2/5; A = (3/12 + 6/12) / 2 = 0.375; M0 = 0.15.
    assert_eq!(summary.headcount_ratio(), Some(0.4));
    assert_eq!(summary.intensity(), Some(0.375));
    assert!((summary.adjusted_headcount_ratio().unwrap() - 0.15).abs() < 1e-12);
    // Waste was never reported: it is not listed.
    assert_eq!(summary.indicators().count(), 12);
}

#[test]
fn empty_and_poorless_communes_have_no_intensity() {
    let mut summary = CommuneSummary::new();
    assert_eq!(
        (
            summary.headcount_ratio(),
            summary.intensity(),
            summary.adjusted_headcount_ratio()
        ),
        (None, None, None)
    );
    summary.add(&result(Class::NotPoor, "nnnnnnnnnnnn"));
    assert_eq!(
        (
            summary.headcount_ratio(),
            summary.intensity(),
            summary.adjusted_headcount_ratio()
        ),
        (Some(0.0), None, Some(0.0))
    );
}

// ---- Fuzz regressions ----

/// Replays every input kept in `tests/fixtures/fuzz-regressions/` (crashes the fuzzers found, and
/// hand-made extremes) through the same checks as the fuzz target its name starts with.
#[test]
fn fuzz_regressions_replay_cleanly() {
    use mucsong_engine::{AssessOptions, Date};
    let dir = format!(
        "{}/tests/fixtures/fuzz-regressions",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut n_replayed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = std::fs::read(&path).unwrap();
        let mut out = Vec::new();
        if name.starts_with("jsonl_reader") {
            let report =
                classify_json_lines(&data[..], &mut out, &AssessOptions::default()).unwrap();
            let n_lines = out.iter().filter(|&&b| b == b'\n').count() as u64;
            assert_eq!(n_lines, report.n_classified + report.n_rejected, "{name}");
        } else if name.starts_with("household_json") {
            classify_json_document(&data[..], &mut out, &AssessOptions::default()).unwrap();
            assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1, "{name}");
            serde_json::from_slice::<serde_json::Value>(&out)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        } else if name.starts_with("summary_csv") {
            let (report, _) =
                classify_summary_csv(&data[..], &mut out, Date::new(2026, 6, 1).unwrap(), None);
            assert_eq!(report.summary.n_households, report.n_classified, "{name}");
            let _ = parse_money(&String::from_utf8_lossy(&data));
        } else {
            panic!("{name}: the name must start with a fuzz target's name");
        }
        n_replayed += 1;
    }
    assert!(n_replayed >= 8, "the kept inputs are all replayed");
}

#[test]
fn lines_cut_by_the_input_buffer_read_the_same() {
    let bytes = fixture("households-with-bad-line.jsonl");
    let (whole, n_blank) = read_lines(&bytes);
    for capacity in [1, 7, 64, 1000, 5000] {
        let mut reader =
            JsonLinesReader::new(std::io::BufReader::with_capacity(capacity, &bytes[..]));
        let parts: Vec<LineRecord> = (&mut reader).map(Result::unwrap).collect();
        assert_eq!(parts, whole, "buffer of {capacity} bytes");
        assert_eq!(reader.n_blank_lines(), n_blank);
    }
}

proptest::proptest! {
    /// Any whole amount written the ways people write money reads back as itself.
    #[test]
    fn grouped_amounts_read_back(amount in 0i64..=999_999_999_999, style in 0usize..6) {
        let digits = amount.to_string();
        let grouped = |separator: &str| {
            let mut groups = Vec::new();
            let mut end = digits.len();
            while end > 3 {
                groups.push(&digits[end - 3..end]);
                end -= 3;
            }
            groups.push(&digits[..end]);
            groups.reverse();
            groups.join(separator)
        };
        let text = match style {
            0 => digits.clone(),
            1 => grouped("."),
            2 => grouped(","),
            3 => grouped(" "),
            4 => grouped(".") + ",00",
            _ => grouped(",") + " đ",
        };
        proptest::prop_assert_eq!(parse_money(&text), Some(amount), "{}", text);
        proptest::prop_assert_eq!(parse_money(&format!("-{text}")), Some(-amount), "-{}", text);
    }

    /// A fraction of a đồng is never silently dropped or read as thousands.
    #[test]
    fn non_zero_fractions_are_refused(whole in 0i64..1_000_000, fraction in 1u32..99) {
        for separator in [",", "."] {
            let text = format!("{whole}{separator}{fraction:02}");
            proptest::prop_assert_eq!(parse_money(&text), None, "{}", text);
        }
    }
}

#[test]
fn an_output_file_classified_again_gives_the_same_file() {
    use mucsong_engine::Date;
    let date = Date::new(2026, 6, 1).unwrap();
    let input = fixture("summary-vi-semicolon-bom.csv");
    let mut first = Vec::new();
    let (report, outcome) = classify_summary_csv(&input[..], &mut first, date, None);
    outcome.unwrap();
    assert_eq!((report.n_classified, report.n_rejected), (3, 1));
    let mut second = Vec::new();
    classify_summary_csv(&first[..], &mut second, date, None)
        .1
        .unwrap();
    assert_eq!(
        String::from_utf8(second).unwrap(),
        String::from_utf8(first).unwrap()
    );
}

// ---- JSON Lines: the result writer against serde_json ----

/// `JsonLinesWriter::write_result` writes each result field by field; the text must be serde_json's
/// (the derived `Serialize`) byte for byte: on generated households of both editions (every class,
/// unknown answers, undetermined results with their paths) and ids that need
/// escapes or are not ASCII.
#[test]
fn the_result_writer_writes_serde_jsons_text() {
    let options = mucsong_engine::AssessOptions::default();
    let mut results: Vec<ResultRecord> = (0..3000)
        .filter_map(|i| {
            mucsong_engine::assess_result(&mucsong_generator::household(7, i), &options).ok()
        })
        .collect();
    assert!(results.iter().any(|r| r.class == Class::Undetermined));
    assert!(results.iter().any(|r| r.edition == "2027-2030"));
    let ids = [
        None,
        Some(""),
        Some("hộ \"Nà Lầu\" số 7"),
        Some("a\\b\nc\td\u{1}\u{7f}é"),
    ];
    for (i, id) in ids.iter().enumerate() {
        let mut r = results[i].clone();
        r.id = id.map(str::to_string);
        results.push(r);
    }
    let mut expected = Vec::new();
    for r in &results {
        serde_json::to_writer(&mut expected, r).unwrap();
        expected.push(b'\n');
    }
    let mut writer = jsonl::JsonLinesWriter::new(Vec::new());
    for r in &results {
        writer.write_result(r).unwrap();
    }
    let written = writer.into_inner();
    assert!(
        written == expected,
        "the writer's text differs from serde_json's:\n{}\n---\n{}",
        String::from_utf8_lossy(&written[..written.len().min(2000)]),
        String::from_utf8_lossy(&expected[..expected.len().min(2000)])
    );
}
