//! Commune mode's batch path (`mucsong_commune`, the very functions the browser calls) against the
//! command-line tool: the same files give the same results row by row and the same statistics, and
//! bad files are refused by the browser path with the batch layer's reasons.

use mucsong_commune::{classify_file, Bytes, CommuneRun, OpenError, Output, RunOptions};
use mucsong_engine::Date;
use mucsong_formats::summary_csv::HeaderLanguage;
use mucsong_formats::FileError;
use std::path::{Path, PathBuf};
use std::process::Command;

const AS_OF: &str = "2026-11-27";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn options(override_record_dates: bool) -> RunOptions {
    RunOptions {
        as_of: Date::parse(AS_OF).unwrap(),
        override_record_dates,
    }
}

/// The CLI's standard output and standard error for `classify --summary [--as-of] FILE`.
fn cli(file: &Path, as_of: bool) -> (Vec<u8>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mucsong"));
    command.arg("classify").arg("--summary");
    if as_of {
        command.args(["--as-of", AS_OF]);
    }
    let output = command.arg(file).output().expect("run the CLI");
    (output.stdout, String::from_utf8(output.stderr).unwrap())
}

/// The browser path's output for a file.
fn browser(file: &Path, options: RunOptions, output: Output) -> (CommuneRun, Vec<u8>) {
    let bytes = Bytes::new(std::fs::read(file).unwrap());
    let name = file.file_name().unwrap().to_str().unwrap();
    classify_file(bytes, name, &options, Some(output)).expect("the file opens")
}

/// The CLI's `--summary` counts line: `poor: N (…), near-poor: N (…), …`.
fn cli_counts(stderr: &str) -> [u64; 4] {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("poor: "))
        .unwrap_or_else(|| panic!("no counts in {stderr}"));
    let numbers: Vec<u64> = line
        .split(", ")
        .map(|part| {
            part.split(": ")
                .nth(1)
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    [numbers[0], numbers[1], numbers[2], numbers[3]]
}

fn browser_counts(run: &CommuneRun) -> [u64; 4] {
    let s = run.summary();
    [s.n_poor, s.n_near_poor, s.n_not_poor, s.n_undetermined]
}

fn assert_same_lines(browser: &[u8], cli: &[u8]) {
    let browser = String::from_utf8_lossy(browser);
    let cli = String::from_utf8_lossy(cli);
    let (b, c): (Vec<&str>, Vec<&str>) = (browser.lines().collect(), cli.lines().collect());
    assert_eq!(b.len(), c.len(), "number of output lines");
    for (k, (b, c)) in b.iter().zip(&c).enumerate() {
        assert_eq!(b, c, "output line {}", k + 1);
    }
}

#[test]
fn the_commune_sample_csv_gives_the_clis_rows_and_counts() {
    // The sample has a BOM and Vietnamese headers, so the browser's CSV export (BOM, the input's
    // separator, Vietnamese headers) is laid out exactly as the CLI mirrors its input.
    let run = assert_csv_export_matches_cli("tests/e2e/fixtures/commune-500.csv");
    assert_eq!(run.summary().n_rejected, 5);
    assert_eq!(run.n_blank(), 2);
    let lines: Vec<u64> = run.errors().iter().map(|e| e.line.unwrap()).collect();
    assert_eq!(lines, vec![58, 124, 252, 335, 447]);
}

#[test]
fn json_lines_give_the_clis_result_lines_byte_for_byte() {
    for (path, as_of) in [
        ("tests/e2e/fixtures/commune-60.jsonl", true),
        ("tests/e2e/fixtures/commune-60.jsonl", false),
        ("tests/fixtures/households-with-bad-line.jsonl", true),
    ] {
        let file = repo(path);
        let (cli_out, cli_err) = cli(&file, as_of);
        let (run, out) = browser(&file, options(as_of), Output::ResultsJsonLines);
        assert_eq!(
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&cli_out),
            "{path}, --as-of {as_of}"
        );
        assert_eq!(browser_counts(&run), cli_counts(&cli_err), "{path}");
    }
}

#[test]
fn the_clis_csv_fixture_agrees_too() {
    assert_csv_export_matches_cli("tests/fixtures/summary-vi-semicolon-bom.csv");
}

/// Classifies a summary CSV (dates overridden) in the browser model and with the CLI, and checks
/// that the browser's Vietnamese-header CSV export has the CLI's lines and counts; returns the run.
fn assert_csv_export_matches_cli(path: &str) -> CommuneRun {
    let file = repo(path);
    let (cli_out, cli_err) = cli(&file, true);
    let (run, out) = browser(
        &file,
        options(true),
        Output::ResultsCsv {
            language: HeaderLanguage::Vietnamese,
        },
    );
    assert_same_lines(&out, &cli_out);
    assert_eq!(browser_counts(&run), cli_counts(&cli_err), "{path}");
    run
}

#[test]
fn the_size_of_the_browsers_steps_changes_nothing() {
    let bytes = Bytes::new(std::fs::read(repo("tests/e2e/fixtures/commune-500.csv")).unwrap());
    let whole = classify_file(bytes.clone(), "x.csv", &options(true), None)
        .unwrap()
        .0;
    let mut by_one = CommuneRun::start(bytes, "x.csv", &options(true), None).unwrap();
    let mut n_steps = 0;
    while !by_one.step(1) {
        n_steps += 1;
    }
    assert!(n_steps >= 500);
    assert_eq!(by_one.summary(), whole.summary());
    assert_eq!(by_one.targets(), whole.targets());
    assert_eq!(by_one.errors(), whole.errors());
    assert_eq!(
        by_one.progress(),
        (by_one.progress().1, by_one.progress().1)
    );
}

#[test]
fn an_exported_results_csv_reads_back_to_the_same_counts() {
    let file = repo("tests/e2e/fixtures/commune-500.csv");
    let (first, out) = browser(
        &file,
        options(true),
        Output::ResultsCsv {
            language: HeaderLanguage::English,
        },
    );
    // English headers on export: the result columns are ignored on input, the rest reads again.
    // One difference is expected: the row that was short of cells (line 335) is written out full
    // width (empty cells, its error in the error column), so it now reads as a row with unknowns.
    let (again, _) = classify_file(Bytes::new(out), "ket-qua.csv", &options(true), None).unwrap();
    let (a, b) = (again.summary(), first.summary());
    assert_eq!(a.n_rejected, b.n_rejected - 1);
    assert_eq!(a.n_households, b.n_households + 1);
    assert_eq!(
        (a.n_poor, a.n_near_poor, a.n_undetermined),
        (b.n_poor, b.n_near_poor, b.n_undetermined)
    );
    assert_eq!(again.targets(), first.targets());
}

/// Why the browser path refuses a file.
fn refusal(name: &str, bytes: Vec<u8>) -> OpenError {
    match CommuneRun::start(Bytes::new(bytes), name, &options(true), None) {
        Ok(_) => panic!("{name}: expected a refusal"),
        Err(e) => e,
    }
}

#[test]
fn bad_files_are_refused_with_the_batch_layers_reason() {
    let good = std::fs::read(repo("tests/e2e/fixtures/commune-500.csv")).unwrap();
    let text = String::from_utf8(good[3..].to_vec()).unwrap();
    // UTF-16 with a BOM, as Excel's "Unicode text" writes it.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(refusal("a.csv", utf16), OpenError::File(FileError::Utf16));
    // Windows-1258: "Nông thôn" with ô as 0xF4, on line 2.
    let mut legacy = b"ma_ho;khu_vuc\nh1;N".to_vec();
    legacy.extend([0xF4]);
    legacy.extend(b"ng th\xF4n\n");
    assert_eq!(
        refusal("a.csv", legacy),
        OpenError::File(FileError::InvalidUtf8 { line: 2 })
    );
    // Random bytes (with NULs among them).
    let random = mucsong_generator::pseudo_random_bytes(7, 4096);
    assert!(matches!(
        refusal("noise.bin", random),
        OpenError::File(FileError::Binary | FileError::Utf16 | FileError::InvalidUtf8 { .. })
    ));
    assert_eq!(
        refusal("book.xlsx", b"PK\x03\x04rest".to_vec()),
        OpenError::File(FileError::Workbook)
    );
    assert!(matches!(
        refusal(
            "a.csv",
            b"ma_ho;khu_vuc;so_nhan_khau\nh1;nong_thon;3\n".to_vec()
        ),
        OpenError::File(FileError::MissingColumns { .. })
    ));
    let extra = text.replacen("ma_ho;", "ma_ho;ghi_chu;", 1);
    assert_eq!(
        refusal("a.csv", extra.into_bytes()),
        OpenError::File(FileError::UnknownColumns {
            columns: vec!["ghi_chu".into()]
        })
    );
    assert_eq!(
        refusal("a.csv", b"\n\n".to_vec()),
        OpenError::File(FileError::Empty)
    );
    let too_large = vec![b' '; mucsong_commune::MAX_FILE_BYTES + 1];
    assert!(matches!(
        refusal("big.csv", too_large),
        OpenError::TooLarge { .. }
    ));
}

#[test]
fn a_utf16_json_lines_file_is_refused_not_read_as_bad_lines() {
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("{\"id\":\"a\"}\n".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(refusal("a.jsonl", utf16), OpenError::File(FileError::Utf16));
}

#[test]
fn a_large_generated_file_streams_through_without_listing_every_error() {
    // 20,000 rows, every tenth bad: all are counted, the list stops at its cap.
    let mut text = String::from("id,area,members,score_a,employment,dependants,nutrition,health_insurance,adult_education,child_schooling,housing_quality,housing_area,water,sanitation,internet,information_devices\n");
    for i in 0..20_000 {
        let members = if i % 10 == 9 {
            "x".to_string()
        } else {
            (1 + i % 6).to_string()
        };
        let flags: Vec<&str> = (0..12)
            .map(|k| if (i + k) % 5 == 0 { "1" } else { "0" })
            .collect();
        text.push_str(&format!(
            "h{i},rural,{members},{},{}\n",
            100 + i % 80,
            flags.join(",")
        ));
    }
    let (run, _) = classify_file(
        Bytes::new(text.into_bytes()),
        "big.csv",
        &options(true),
        None,
    )
    .unwrap();
    assert_eq!(run.summary().n_households, 18_000);
    assert_eq!(run.summary().n_rejected, 2_000);
    assert_eq!(run.errors().len(), mucsong_commune::MAX_LISTED_ERRORS);
}

/// An officer's workbook: the browser's path (the import, then the batch run over what it wrote)
/// gives the CLI's results file byte for byte, and the same counts.
#[test]
fn an_officers_workbook_gives_the_clis_results_in_the_browser_too() {
    use mucsong_commune::import::{import_sheet, ColumnChoices, Import};
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "DANH SÁCH HỘ").unwrap();
    let headers = [
        "Mã hộ",
        "Khu vực",
        "Vùng",
        "Số nhân khẩu",
        "Điểm B1",
        "Việc làm",
        "Người phụ thuộc",
        "Dinh dưỡng",
        "BHYT",
        "Giáo dục người lớn",
        "Đi học trẻ em",
        "Chất lượng nhà ở",
        "Diện tích nhà ở",
        "Nước sạch",
        "Nhà tiêu",
        "Internet",
        "Thiết bị thông tin",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let areas = ["Nông thôn", "Thành thị", "nông thôn", "NT"];
    let regions = [
        "Trung du và miền núi phía Bắc",
        "Đông Nam Bộ",
        "TDMNPB",
        "Tây Nguyên",
    ];
    for i in 0..40u32 {
        let r = i + 2;
        sheet.write_string(r, 0, format!("ho-{i}")).unwrap();
        sheet.write_string(r, 1, areas[i as usize % 4]).unwrap();
        sheet.write_string(r, 2, regions[i as usize % 4]).unwrap();
        sheet.write_number(r, 3, f64::from(1 + i % 7)).unwrap();
        sheet
            .write_number(r, 4, f64::from(90 + (i * 37) % 150))
            .unwrap();
        for c in 0..12u32 {
            sheet
                .write_number(r, 5 + c as u16, f64::from(u32::from((i + c) % 5 == 0)))
                .unwrap();
        }
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let path = std::env::temp_dir().join(format!("parity-{}.xlsx", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let (cli_out, cli_err) = cli(&path, true);
    std::fs::remove_file(&path).unwrap();
    let Import::Ready(imported) = import_sheet(&bytes, &ColumnChoices::default()).unwrap() else {
        panic!("the workbook's columns are all named")
    };
    let (run, out) = classify_file(
        Bytes::new(imported.csv),
        "danh-sach.xlsx",
        &options(true),
        Some(Output::ResultsCsv {
            language: HeaderLanguage::Vietnamese,
        }),
    )
    .expect("the import's text opens");
    assert_same_lines(&out, &cli_out);
    assert_eq!(browser_counts(&run), cli_counts(&cli_err));
    assert_eq!(run.summary().n_households, 40);
}
