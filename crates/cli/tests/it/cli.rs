//! The `mucsong` binary end to end: each input kind, standard input, exit codes and usage errors.

use std::io::Write;
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn fixture(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn mucsong(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mucsong"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 errors"),
    }
}

fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn a_household_json_file_gets_one_result() {
    let run = mucsong(&["classify", &fixture("household.json")], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let results = json_lines(&run.stdout);
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["schema"], "mucsong/result@1");
    assert_eq!(r["id"], "thon-3-ho-17");
    assert_eq!(r["assessed_on"], "2026-11-26");
    assert_eq!(r["score_a"], 155);
    assert_eq!(r["class"], "not_poor");
    assert_eq!(r["income_per_person_month_vnd"], 3_750_000);
}

#[test]
fn as_of_overrides_the_records_date() {
    let run = mucsong(
        &[
            "classify",
            "--as-of",
            "2026-01-15",
            &fixture("household.json"),
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(json_lines(&run.stdout)[0]["assessed_on"], "2026-01-15");
    let run = mucsong(
        &["classify", "--as-of=2027-03-01", &fixture("household.json")],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = &json_lines(&run.stdout)[0];
    assert_eq!(
        (r["assessed_on"].as_str(), r["edition"].as_str()),
        (Some("2027-03-01"), Some("2027-2030"))
    );
}

#[test]
fn a_bad_json_line_is_reported_and_the_others_classified() {
    let run = mucsong(
        &["classify", &fixture("households-with-bad-line.jsonl")],
        None,
    );
    assert_eq!(run.code, 1);
    let results = json_lines(&run.stdout);
    assert_eq!(results.len(), 4, "one output line per non-blank input line");
    let ids: Vec<&str> = results.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "thon-3-ho-17",
            "thon-3-ho-18",
            "thon-3-ho-19",
            "thon-3-ho-20"
        ]
    );
    for i in [0, 1, 3] {
        assert_eq!(results[i]["schema"], "mucsong/result@1");
    }
    let error = &results[2];
    assert_eq!(error.as_object().unwrap().len(), 3, "{error}");
    assert_eq!(error["line"], 3);
    let message = error["error"].as_str().unwrap();
    assert!(
        message.starts_with("line 3, field members[0].sex: expected "),
        "{message}"
    );
    assert!(
        run.stderr.contains("1 of 4 records refused"),
        "{}",
        run.stderr
    );
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let bytes = std::fs::read(fixture("households-with-bad-line.jsonl")).unwrap();
    let from_stdin = mucsong(&["classify", "-"], Some(&bytes));
    let from_file = mucsong(
        &["classify", &fixture("households-with-bad-line.jsonl")],
        None,
    );
    assert_eq!(from_stdin.code, 1);
    assert_eq!(from_stdin.stdout, from_file.stdout);
    // A pretty-printed record on standard input is recognised as one document.
    let bytes = std::fs::read(fixture("household.json")).unwrap();
    let run = mucsong(&["classify", "-"], Some(&bytes));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(json_lines(&run.stdout)[0]["score_a"], 155);
}

#[test]
fn a_vietnamese_semicolon_csv_with_bom_comes_back_in_the_same_layout() {
    let run = mucsong(
        &[
            "classify",
            "--as-of",
            "2026-06-01",
            &fixture("summary-vi-semicolon-bom.csv"),
        ],
        None,
    );
    assert_eq!(run.code, 1, "row 5 is bad: {}", run.stderr);
    let mut lines = run.stdout.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("\u{feff}ma_ho;khu_vuc;vung;"),
        "{header}"
    );
    assert!(
        header.ends_with(";thiet_bi_thong_tin;diem_b;phan_loai;phan_loai_thu_nhap;loi"),
        "{header}"
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(';').collect()).collect();
    assert_eq!(rows.len(), 4);
    let tail = |row: &Vec<&str>| row[18..].join(";");
    // Rural, A 120 ≤ 140, 3 deprivations (B 30): poor; 300,000 đ per person: poor by income.
    assert_eq!(tail(&rows[0]), "30;poor;poor;");
    // Rural, A 138, 1 deprivation: near-poor; no income given.
    assert_eq!(tail(&rows[1]), "10;near_poor;;");
    // Urban, A 200 > 175: not poor; 2,500,000 đ per person: average living standard.
    assert_eq!(tail(&rows[2]), "0;not_poor;average_living;");
    assert_eq!(rows[3][0], "ho-4");
    assert_eq!(
        tail(&rows[3]),
        ";;;\"line 5, column thu_nhap_thang: expected a whole number of đồng (like 1500000 or 1.500.000), but found \"\"1,5tr\"\"\""
    );
    // The input cells are echoed as written.
    assert_eq!(
        rows[0][..6].join(";"),
        "ho-1;nong_thon;northern_midlands_mountains;4;120;1.200.000"
    );
}

#[test]
fn a_csv_on_standard_input_is_sniffed() {
    let csv = "id,area,members,score_a,employment,dependants,nutrition,health_insurance,adult_education,child_schooling,housing_quality,housing_area,water,sanitation,internet,information_devices\n\
               a,rural,2,100,1,1,1,0,0,0,0,0,0,0,0,0\n";
    let run = mucsong(
        &["classify", "--as-of", "2026-06-01", "-"],
        Some(csv.as_bytes()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut lines = run.stdout.lines();
    assert_eq!(lines.next().unwrap(), "id,area,members,score_a,employment,dependants,nutrition,health_insurance,adult_education,child_schooling,housing_quality,housing_area,water,sanitation,internet,information_devices,score_b,class,income_class,error");
    assert_eq!(
        lines.next().unwrap(),
        "a,rural,2,100,1,1,1,0,0,0,0,0,0,0,0,0,30,poor,,"
    );
}

#[test]
fn a_csv_in_the_wrong_encoding_is_refused_as_a_whole() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("id,area\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let run = mucsong(&["classify", "--format", "csv", "-"], Some(&utf16));
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("UTF-16") && run.stderr.contains("expected a UTF-8 text file"),
        "{}",
        run.stderr
    );
    // A header that is not ours is matched where it can be; what is missing is named, and so
    // are the columns that were not read.
    let run = mucsong(
        &["classify", "--format", "csv", "-"],
        Some(b"id,area,colour\n"),
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "has no column for: members (so_nhan_khau), score_a (diem_a) or monthly_income_vnd"
        ) && run.stderr.contains("Columns not read: \"colour\""),
        "{}",
        run.stderr
    );
}

#[test]
fn the_summary_option_prints_commune_statistics() {
    let run = mucsong(
        &[
            "classify",
            "--summary",
            "--as-of",
            "2026-06-01",
            &fixture("summary-vi-semicolon-bom.csv"),
        ],
        None,
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("households classified: 3, refused: 1"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("poor: 1 (33.3 %), near-poor: 1 (33.3 %), not poor: 1 (33.3 %)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("H = 33.3 %, A = 25.0 %, M0 = 0.0833"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_with_2_and_show_the_usage() {
    for args in [
        &[][..],
        &["classify"][..],
        &["sort", "x.json"][..],
        &["classify", "--frobnicate", "x.json"][..],
        &[
            "classify",
            "--as-of",
            "2026-02-30",
            &fixture("household.json"),
        ][..],
        &["classify", "--as-of"][..],
        &["classify", "--format", "xml", "-"][..],
        &["classify", "a.json", "b.json"][..],
        &["classify", "/nonexistent/households.jsonl"][..],
    ] {
        let run = mucsong(args, None);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("Usage:"), "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "");
    }
    let run = mucsong(&["classify", "--as-of", "2026-02-30", "x"], None);
    assert!(
        run.stderr
            .starts_with("mucsong: --as-of: expected a date YYYY-MM-DD, but found \"2026-02-30\""),
        "{}",
        run.stderr
    );
    let run = mucsong(&["classify", "/nonexistent/households.jsonl"], None);
    assert!(
        run.stderr
            .starts_with("mucsong: cannot open /nonexistent/households.jsonl: "),
        "{}",
        run.stderr
    );
}

#[test]
fn help_and_version_succeed() {
    let run = mucsong(&["--help"], None);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("mucsong classify [--as-of YYYY-MM-DD]"));
    let run = mucsong(&["classify", "-h"], None);
    assert_eq!(run.code, 0);
    let run = mucsong(&["--version"], None);
    assert_eq!(
        (run.code, run.stdout.trim()),
        (0, concat!("mucsong ", env!("CARGO_PKG_VERSION")))
    );
}

use mucsong_generator as gen_households;

#[test]
fn parallel_runs_write_the_sequential_output() {
    // About 4 MB: several 1 MiB chunks, with bad and blank lines on the way.
    let mut text = String::new();
    for i in 0..1400 {
        if i % 97 == 0 {
            text += &gen_households::bad_line(i);
        } else {
            text += &gen_households::json_line(&gen_households::household(11, i));
        }
        text += if i % 200 == 0 { "\n\n" } else { "\n" };
    }
    let path = format!(
        "{}/parallel-{}.jsonl",
        env!("CARGO_TARGET_TMPDIR"),
        std::process::id()
    );
    std::fs::write(&path, &text).unwrap();
    let sequential = mucsong(&["classify", "--summary", "--jobs", "1", &path], None);
    assert_eq!(sequential.code, 1);
    assert_eq!(sequential.stdout.lines().count(), 1400);
    for jobs in ["2", "5"] {
        let parallel = mucsong(&["classify", "--summary", "--jobs", jobs, &path], None);
        assert_eq!(parallel.code, sequential.code);
        assert!(
            parallel.stdout == sequential.stdout,
            "--jobs {jobs} changed the output"
        );
        assert_eq!(parallel.stderr, sequential.stderr);
    }
    std::fs::remove_file(&path).unwrap();
    let run = mucsong(&["classify", "--jobs", "0", "-"], None);
    assert_eq!(run.code, 2);
}

/// The output the tree reader and the explained engine give, line by line (the command line's
/// first way: a JSON tree per line, `assess` with its explanation), from public APIs only.
fn reference_output(text: &str) -> String {
    use mucsong_engine::AssessOptions;
    use mucsong_formats::{household, jsonl, JsonLinesWriter, RecordError};
    let mut writer = JsonLinesWriter::new(Vec::new());
    for (i, line) in text.split('\n').enumerate() {
        let number = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        match household::parse_household(line) {
            Ok(record) => match mucsong_engine::assess(&record, &AssessOptions::default()) {
                Ok(assessment) => writer.write_result(&assessment.result).unwrap(),
                Err(invalid) => writer
                    .write_error(&RecordError::from_invalid(
                        Some(number),
                        record.id.clone(),
                        &invalid,
                    ))
                    .unwrap(),
            },
            // A line the tree reader refuses: its error, as the JSON Lines reader words it.
            Err(_) => {
                let error = jsonl::parse_household_bytes(line.as_bytes(), Some(number))
                    .expect_err("the tree reader refused it");
                writer.write_error(&error).unwrap();
            }
        }
    }
    String::from_utf8(writer.into_inner()).unwrap()
}

#[test]
fn results_are_the_tree_readers_and_the_explained_engines_byte_for_byte() {
    // Generated households, bad lines, a few damaged ones and invalid records, in parallel and not.
    let mut text = String::new();
    for i in 0..1200u64 {
        let line = gen_households::json_line(&gen_households::household(12, i));
        text += &match i % 40 {
            0 => gen_households::bad_line(i),
            1 => line.replacen("\"sex\":\"", "\"sex\": \"", 1),
            2 => line.replacen("\"assessed_on\":\"20", "\"assessed_on\":\"\\u0032", 1),
            3 => line.replacen("\"members\":[", "\"members\":[{\"height_cm\":-1},", 1),
            4 => line.replacen('}', ",}", 1),
            5 => line.replacen("\"id\":\"", "\"id\":\"Hộ ", 1),
            _ => line,
        };
        text += "\n";
    }
    let expected = reference_output(&text);
    assert_eq!(expected.lines().count(), 1200);
    // A file, not standard input: the helper writes all of its input before reading the output.
    let path = format!(
        "{}/reference-{}.jsonl",
        env!("CARGO_TARGET_TMPDIR"),
        std::process::id()
    );
    std::fs::write(&path, &text).unwrap();
    for jobs in ["1", "2"] {
        let run = mucsong(&["classify", "--jobs", jobs, &path], None);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stdout == expected,
            "--jobs {jobs}: the output differs from the reference"
        );
    }
    std::fs::remove_file(&path).unwrap();
}

/// Waits for `child` at most 20 s (then kills it and fails); returns its status and its standard
/// error.
fn exit_within_seconds(mut child: std::process::Child, what: &str) -> (Option<i32>, String) {
    use std::io::Read;
    use std::time::{Duration, Instant};
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{what}: still running 20 s after its output closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (status.code(), stderr)
}

/// `mucsong classify big.jsonl | head -1`: once the reader of the output is gone, every path stops
/// promptly and quietly with status 141 (128 + SIGPIPE, what a shell reports for a tool that
/// SIGPIPE killed), even while its input is still open; an output that cannot be written
/// (`> /dev/full`) stops it too, with a message. The parallel path once hung for ever: its reader
/// blocked on a full channel that nothing emptied any more, or on an input not yet at its end.
#[test]
fn a_closed_output_stops_every_path_promptly_and_quietly() {
    use std::io::{BufRead, BufReader};

    let path = format!(
        "{}/closed-output-{}.jsonl",
        env!("CARGO_TARGET_TMPDIR"),
        std::process::id()
    );
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..20_000 {
        writeln!(
            file,
            "{}",
            gen_households::json_line(&gen_households::household(7, i))
        )
        .unwrap();
    }
    file.into_inner().unwrap().sync_all().unwrap();
    let text = std::fs::read(&path).unwrap();

    for (jobs, from_stdin) in [("4", false), ("1", false), ("4", true), ("1", true)] {
        let what = format!(
            "--jobs {jobs}, from {}",
            if from_stdin { "-" } else { "a file" }
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_mucsong"))
            .args(["classify", "--jobs", jobs])
            .arg(if from_stdin { "-" } else { &path })
            .stdin(if from_stdin {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        // Standard input: 3 MB of lines, then open but silent, like a program still working.
        let feeder = child.stdin.take().map(|mut stdin| {
            let head = text[..3_000_000].to_vec();
            std::thread::spawn(move || {
                let _ = stdin.write_all(&head);
                stdin
            })
        });
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The BufReader, and with it the pipe's read end, is gone: like `head -1`.
        assert!(
            first.starts_with("{\"schema\":\"mucsong/result@1\""),
            "{first}"
        );
        let (code, stderr) = exit_within_seconds(child, &what);
        assert_eq!((code, stderr.as_str()), (Some(141), ""), "{what}");
        drop(feeder.map(|feeder| feeder.join()));
    }

    // A summary CSV too, with --summary: its writer's errors come wrapped in the csv crate's, and
    // the statistics of a cut run are not the file's, so they are not printed.
    let csv_path = format!(
        "{}/closed-output-{}.csv",
        env!("CARGO_TARGET_TMPDIR"),
        std::process::id()
    );
    let mut csv = String::from("id,area,region,members,score_a,monthly_income_vnd,employment,dependants,nutrition,health_insurance,adult_education,child_schooling,housing_quality,housing_area,water,sanitation,internet,information_devices\n");
    for i in 0..100_000 {
        csv += &format!("ho-{i},rural,red_river_delta,4,120,1.200.000,1,1,0,1,0,0,0,0,0,0,0,0\n");
    }
    std::fs::write(&csv_path, csv).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mucsong"))
        .args(["classify", "--summary", &csv_path])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("id,area,"), "{first}");
    let (code, stderr) = exit_within_seconds(child, "a summary CSV");
    assert_eq!((code, stderr.as_str()), (Some(141), ""), "a summary CSV");
    std::fs::remove_file(&csv_path).unwrap();

    if std::path::Path::new("/dev/full").exists() {
        for jobs in ["4", "1"] {
            let child = Command::new(env!("CARGO_BIN_EXE_mucsong"))
                .args(["classify", "--jobs", jobs, &path])
                .stdin(Stdio::null())
                .stdout(std::fs::File::create("/dev/full").unwrap())
                .stderr(Stdio::piped())
                .spawn()
                .expect("the binary runs");
            let what = format!("--jobs {jobs} > /dev/full");
            let (code, stderr) = exit_within_seconds(child, &what);
            assert_eq!(code, Some(1), "{what}: {stderr}");
            assert!(
                stderr.starts_with("mucsong: cannot write the output: "),
                "{what}: {stderr}"
            );
        }
    }
    std::fs::remove_file(&path).unwrap();
}

/// An input that fails while it is read is reported as the input's fault, not the output's.
#[test]
fn an_input_that_cannot_be_read_is_named_as_such() {
    // A directory opens, but reading it fails.
    let directory = env!("CARGO_TARGET_TMPDIR");
    for (format, jobs) in [("json", "1"), ("jsonl", "1"), ("jsonl", "3")] {
        let run = mucsong(
            &["classify", "--format", format, "--jobs", jobs, directory],
            None,
        );
        assert_eq!(run.code, 1, "{format}, --jobs {jobs}");
        assert!(
            run.stderr
                .starts_with(&format!("mucsong: cannot read {directory}: ")),
            "{format}, --jobs {jobs}: {}",
            run.stderr
        );
    }
}

/// Columns count characters, as a person does, whatever the problem: a JSON syntax error once
/// counted bytes (column 41 here, where the eye counts 35: ễ, ị and ồ are 3 bytes each in UTF-8)
/// while bad UTF-8 counted characters.
#[test]
fn error_columns_count_characters_not_bytes() {
    let document = r#"{"id": "Nguyễn Thị Hồng", "area": x}"#;
    assert_eq!(document.chars().position(|c| c == 'x'), Some(34));
    let path = format!(
        "{}/columns-{}.json",
        env!("CARGO_TARGET_TMPDIR"),
        std::process::id()
    );
    std::fs::write(&path, format!("{document}\n")).unwrap();
    let runs = [
        mucsong(&["classify", &path], None),
        mucsong(&["classify", "--format", "json", &path], None),
        mucsong(
            &["classify", "--format", "jsonl", "--jobs", "1", "-"],
            Some(document.as_bytes()),
        ),
        mucsong(
            &["classify", "--format", "jsonl", "--jobs", "2", "-"],
            Some(document.as_bytes()),
        ),
    ];
    std::fs::remove_file(&path).unwrap();
    for run in runs {
        assert_eq!(run.code, 1);
        let error = &json_lines(&run.stdout)[0];
        assert_eq!(
            error["error"],
            "line 1, expected a JSON object, but found invalid JSON (expected value) at column 35",
            "{error}"
        );
    }
    // A byte that is not UTF-8 in the same place gets the same column.
    let mut bytes = document.as_bytes().to_vec();
    let at = bytes.iter().position(|&b| b == b'x').unwrap();
    bytes[at] = 0xFF;
    let run = mucsong(&["classify", "--format", "jsonl", "-"], Some(&bytes));
    let error = &json_lines(&run.stdout)[0];
    assert_eq!(
        error["error"], "line 1, expected UTF-8 text, but found the byte 0xFF at column 35",
        "{error}"
    );
}
