//! Officers' own sheets on the command line: an `.xlsx` and a `;` CSV with Vietnamese headers
//! read through commune mode's import, columns named with `--column`, a legacy encoding refused.

use rust_xlsxwriter::Workbook;
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn mucsong(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_mucsong"))
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 errors"),
    }
}

/// A file in the tests' temporary folder.
fn temporary(name: &str, bytes: &[u8]) -> String {
    let path = format!(
        "{}/sheets-{}-{name}",
        env!("CARGO_TARGET_TMPDIR"),
        std::process::id()
    );
    std::fs::write(&path, bytes).unwrap();
    path
}

const HEADERS: [&str; 17] = [
    "Mã hộ",
    "Khu vực",
    "Vùng",
    "Số nhân khẩu",
    "Điểm B1",
    "Việc làm",
    "Người phụ thuộc",
    "Dinh dưỡng",
    "Bảo hiểm y tế",
    "Trình độ giáo dục người lớn",
    "Tình trạng đi học của trẻ em",
    "Chất lượng nhà ở",
    "Diện tích nhà ở",
    "Nguồn nước sinh hoạt",
    "Nhà tiêu hợp vệ sinh",
    "Sử dụng dịch vụ viễn thông",
    "Tiếp cận thông tin",
];

/// A row: id, area, region, members, score A and the twelve indicators.
type Household<'a> = (&'a str, &'a str, &'a str, f64, f64, [f64; 12]);

#[test]
fn an_xlsx_with_vietnamese_headers_is_classified() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "DANH SÁCH HỘ").unwrap();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    // Rural, A 120, three deprivations: poor. Urban, A 200: not poor. The first id again.
    let rows: [Household; 3] = [
        (
            "H1",
            "Nông thôn",
            "Trung du và miền núi phía Bắc",
            4.0,
            120.0,
            [1., 1., 1., 0., 0., 0., 0., 0., 0., 0., 0., 0.],
        ),
        (
            "H2",
            "Thành thị",
            "Đồng bằng sông Hồng",
            3.0,
            200.0,
            [0.; 12],
        ),
        (
            "H1",
            "nong thon",
            "TDMNPB",
            2.0,
            130.0,
            [1., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0.],
        ),
    ];
    for (r, (id, area, region, members, score, indicators)) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        sheet.write_string(r, 0, *id).unwrap();
        sheet.write_string(r, 1, *area).unwrap();
        sheet.write_string(r, 2, *region).unwrap();
        sheet.write_number(r, 3, *members).unwrap();
        sheet.write_number(r, 4, *score).unwrap();
        for (c, v) in indicators.iter().enumerate() {
            sheet.write_number(r, 5 + c as u16, *v).unwrap();
        }
    }
    let path = temporary("list.xlsx", &workbook.save_to_buffer().unwrap());
    let run = mucsong(&["classify", "--as-of", "2026-06-01", &path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // Vietnamese headers: `;` and the Vietnamese column names, BOM for Excel.
    assert!(
        lines[0].starts_with("\u{feff}ma_ho;khu_vuc;vung;so_nhan_khau;diem_a;viec_lam;"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 4);
    // Words the format reads itself are echoed as written; others are its keys.
    assert_eq!(
        lines[1],
        "H1;Nông thôn;northern_midlands_mountains;4;120;1;1;1;0;0;0;0;0;0;0;0;0;30;poor;;"
    );
    assert!(
        lines[2].starts_with("H2;Thành thị;red_river_delta;3;200;"),
        "{}",
        lines[2]
    );
    assert!(lines[2].ends_with(";not_poor;;"), "{}", lines[2]);
    assert!(
        lines[3].starts_with("H1;nong thon;northern_midlands_mountains;2;130;"),
        "{}",
        lines[3]
    );
    // What the import says goes to standard error, with rows.
    assert!(
        run.stderr
            .contains("row 1 above the header row 2 is read as a title"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("household id \"H1\" is on rows 3, 5"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_semicolon_csv_with_headers_that_are_not_ours_is_read_with_column() {
    let mut text = HEADERS.join(";").replace("Số nhân khẩu", "Nhân số");
    text.insert(0, '\u{feff}');
    text.push_str(";Ghi chú\n");
    text.push_str(
        "H1;Nông thôn;Trung du và miền núi phía Bắc;4,0;120;1;1;1;0;0;0;0;0;0;0;0;0;mới\n",
    );
    let path = temporary("list.csv", text.as_bytes());
    let run = mucsong(&["classify", "--as-of", "2026-06-01", &path]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("has no column for: members (so_nhan_khau)")
            && run.stderr.contains("Columns not read: \"Nhân số\""),
        "{}",
        run.stderr
    );
    let run = mucsong(&[
        "classify",
        "--as-of",
        "2026-06-01",
        "--column",
        "nhan so=members",
        &path,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[1],
        "H1;Nông thôn;northern_midlands_mountains;4;120;1;1;1;0;0;0;0;0;0;0;0;0;30;poor;;"
    );
    assert_eq!(run.stderr, "", "Ghi chú is passed over without a word");
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_tcvn3_csv_is_refused_with_what_to_do() {
    // "Mã hộ;Khu vực" in TCVN3.
    let path = temporary("tcvn3.csv", b"M\xB8 h\xE9;Khu v\xF1c\nH1;N\xABng th\xABn\n");
    let run = mucsong(&["classify", "--as-of", "2026-06-01", &path]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("TCVN3") && run.stderr.contains("bảng mã TCVN3"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(path).unwrap();
}
