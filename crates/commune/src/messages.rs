//! Turns the batch layer's structured errors into translation keys and arguments, so officers read
//! them in Vietnamese (or English): where (line, column or field), what was expected, what was
//! found. The batch layer's English sentence stays available as the detail of last resort. The
//! cross-check's flags are worded here too (`flag`, `flag_text`), from the templates of
//! data/commune.toml.

use super::crosscheck::{Flag, FlagValue};
use super::data::FLAG_MESSAGES;
use super::import::encoding::LegacyEncoding;
use super::import::{ImportError, Note, Requirement};
use super::run::{OpenError, MAX_FILE_BYTES};
use mucsong_formats::error::{Place, Problem};
use mucsong_formats::summary_csv::HeaderLanguage;
use mucsong_formats::summary_csv::SummaryColumn;
use mucsong_formats::FileError;
use mucsong_i18n::{Locale, COMMUNE};

/// A message: a translation key and its `{name}` arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Message {
    pub(crate) fn new(key: &'static str) -> Message {
        Message {
            key,
            args: Vec::new(),
        }
    }

    pub(crate) fn arg(mut self, name: &'static str, value: impl Into<String>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The arguments in the form `I18n::tf` takes.
    pub fn arg_refs(&self) -> Vec<(&str, &str)> {
        self.args.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }
}

/// `area (khu_vuc)` for every name, joined by commas.
fn with_aliases(names: &[String]) -> String {
    names
        .iter()
        .map(|name| {
            name.split(" or ")
                .map(|n| match SummaryColumn::from_header(n) {
                    Some(c) if c.vietnamese() != c.english() => {
                        format!("{} ({})", c.english(), c.vietnamese())
                    }
                    _ => n.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" / ")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `{first}` and `{last}`: the first and last day of the rule data's editions.
fn with_assessment_dates(message: Message) -> Message {
    let dates = mucsong_engine::rules::assessment_dates();
    message
        .arg("first", dates.start().to_string())
        .arg("last", dates.end().to_string())
}

/// The assessment date of the form is not a day of an edition.
pub fn date_invalid() -> Message {
    with_assessment_dates(Message::new("commune_date_invalid"))
}

/// Why a whole file could not be read.
pub fn open_error(error: &OpenError) -> Message {
    match error {
        OpenError::TooLarge { n_bytes } => Message::new("commune_file_too_large")
            .arg("size_mb", format!("{:.0}", *n_bytes as f64 / 1_048_576.0))
            .arg("max_mb", (MAX_FILE_BYTES / 1_048_576).to_string()),
        OpenError::File(e) => file_error(e),
    }
}

/// A file-level problem of the batch readers.
pub fn file_error(error: &FileError) -> Message {
    match error {
        FileError::Empty => Message::new("commune_file_empty"),
        FileError::Utf16 => Message::new("commune_file_utf16"),
        FileError::Binary => Message::new("commune_file_binary"),
        FileError::Workbook => Message::new("commune_file_workbook"),
        FileError::InvalidUtf8 { line } => {
            Message::new("commune_file_invalid_utf8").arg("line", line.to_string())
        }
        FileError::MissingColumns { columns } => {
            Message::new("commune_file_missing_columns").arg("columns", with_aliases(columns))
        }
        FileError::UnknownColumns { columns } => Message::new("commune_file_unknown_columns")
            .arg(
                "columns",
                columns
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
            )
            .arg(
                "expected",
                SummaryColumn::ALL
                    .iter()
                    .map(|c| format!("{} ({})", c.english(), c.vietnamese()))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        FileError::DuplicateColumn { first, second } => {
            Message::new("commune_file_duplicate_column")
                .arg("first", first.clone())
                .arg("second", second.clone())
        }
        FileError::MalformedCsv { line, detail } => Message::new("commune_file_malformed_csv")
            .arg("line", line.map_or("?".to_string(), |l| l.to_string()))
            .arg("detail", detail.clone()),
        FileError::Io { detail } => Message::new("commune_file_io").arg("detail", detail.clone()),
    }
}

/// Why a sheet could not be imported at all.
pub fn import_error(error: &ImportError) -> Message {
    let mb = |n: u64| format!("{:.0}", n as f64 / 1_048_576.0);
    match error {
        ImportError::TooLarge {
            n_bytes,
            max_bytes,
            is_unzipped,
        } => Message::new(if *is_unzipped {
            "commune_import_too_large_unzipped"
        } else {
            "commune_file_too_large"
        })
        .arg("size_mb", mb(*n_bytes))
        .arg("max_mb", mb(*max_bytes)),
        ImportError::Empty => Message::new("commune_file_empty"),
        ImportError::LegacyEncoding { encoding, line } => Message::new(match encoding {
            LegacyEncoding::Windows1258 => "commune_import_encoding_windows_1258",
            LegacyEncoding::Tcvn3 => "commune_import_encoding_tcvn3",
            LegacyEncoding::Other => "commune_import_encoding_other",
        })
        .arg("line", line.to_string()),
        ImportError::Utf16 => Message::new("commune_file_utf16"),
        ImportError::Binary => Message::new("commune_file_binary"),
        ImportError::OldExcel => Message::new("commune_import_old_excel"),
        ImportError::Workbook { detail } => {
            Message::new("commune_import_workbook").arg("detail", detail.clone())
        }
        ImportError::MalformedCsv { line, detail } => Message::new("commune_file_malformed_csv")
            .arg("line", line.to_string())
            .arg("detail", detail.clone()),
        ImportError::NoHeader { sheets } => Message::new(if sheets.is_empty() {
            "commune_import_no_header"
        } else {
            "commune_import_no_header_sheets"
        })
        .arg(
            "sheets",
            sheets
                .iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

/// A note of the import in words, with its row and column: "Dòng 5, cột "Số khẩu" (C): …".
pub fn note_text(note: &Note, locale: Locale) -> String {
    let text = COMMUNE.format(locale, note.message.key, &note.message.arg_refs());
    let place = match (note.line, &note.column) {
        (Some(line), Some(column)) => COMMUNE.format(
            locale,
            "commune_import_place_line_column",
            &[("line", &line.to_string()), ("column", column)],
        ),
        (Some(line), None) => COMMUNE.format(
            locale,
            "commune_import_place_line",
            &[("line", &line.to_string())],
        ),
        (None, Some(column)) => {
            COMMUNE.format(locale, "commune_import_place_column", &[("column", column)])
        }
        (None, None) => return text,
    };
    format!("{place}: {text}")
}

/// What the officer is asked to pick a column for.
pub fn requirement_text(requirement: Requirement, locale: Locale) -> String {
    let name = |c: SummaryColumn| {
        let words = match c {
            SummaryColumn::Indicator(i) => {
                COMMUNE.text(locale, &format!("commune_indicator_{}", i.key()))
            }
            _ => COMMUNE.text(locale, &format!("commune_import_column_{}", c.english())),
        };
        format!(
            "{words} ({})",
            c.name(match locale {
                Locale::Vi => HeaderLanguage::Vietnamese,
                Locale::En => HeaderLanguage::English,
            })
        )
    };
    match requirement {
        Requirement::Column(c) => name(c),
        Requirement::ScoreOrIncome => COMMUNE.format(
            locale,
            "commune_import_score_or_income",
            &[
                ("score", &name(SummaryColumn::ScoreA)),
                ("income", &name(SummaryColumn::MonthlyIncome)),
            ],
        ),
    }
}

/// Where a problem sits, as a short label for the errors table ("cột so_nhan_khau").
pub fn place(problem: &Problem) -> Message {
    match &problem.place {
        Place::Column(name) => Message::new("commune_place_column").arg("name", name.clone()),
        Place::Field(path) => Message::new("commune_place_field").arg("name", path.clone()),
        Place::Record => Message::new("commune_place_record"),
    }
}

/// The numbers written in an `expected` text, in order ("from 1 to 99" → [1, 99]).
fn numbers_in(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// What was wrong, with what was expected and found. Codes of the batch readers have Vietnamese
/// wording of their own; the engine's validation codes get a Vietnamese lead and keep the
/// engine's (English) description of what is expected.
pub fn problem(problem: &Problem) -> Message {
    let found = problem.found.clone();
    let numbers = numbers_in(&problem.expected);
    let with_range = |key_range: &'static str, key_plain: &'static str| match numbers.as_slice() {
        [min, max] => Message::new(key_range)
            .arg("min", min.clone())
            .arg("max", max.clone()),
        _ => Message::new(key_plain),
    };
    let message = match problem.code {
        "not_a_whole_number" => with_range(
            "commune_problem_not_a_whole_number_range",
            "commune_problem_not_a_whole_number",
        ),
        "out_of_range" => with_range(
            "commune_problem_out_of_range_range",
            "commune_problem_out_of_range",
        ),
        "not_money" => Message::new("commune_problem_not_money"),
        "not_an_indicator_value" => Message::new("commune_problem_not_an_indicator_value"),
        "unknown_area" => Message::new("commune_problem_unknown_area"),
        "unknown_region" => Message::new("commune_problem_unknown_region"),
        "wrong_cell_count" => Message::new("commune_problem_wrong_cell_count").arg(
            "n",
            numbers.first().cloned().unwrap_or_else(|| "?".to_string()),
        ),
        "bad_json" => Message::new("commune_problem_invalid_json"),
        "invalid_utf8" => Message::new("commune_problem_invalid_utf8"),
        "missing_assessment_date" => Message::new("commune_problem_missing_assessment_date"),
        "no_edition" => with_assessment_dates(Message::new("commune_problem_no_edition")),
        "bad_date" => Message::new("commune_problem_bad_date"),
        "date_in_future" => Message::new("commune_problem_date_in_future"),
        "negative_number" => Message::new("commune_problem_negative_number"),
        "no_members" => Message::new("commune_problem_no_members"),
        "unknown_field" => Message::new("commune_problem_unknown_field"),
        "bad_value" => Message::new("commune_problem_bad_value"),
        "wrong_schema" => Message::new("commune_problem_wrong_schema"),
        "inconsistent" => Message::new("commune_problem_inconsistent"),
        _ => Message::new("commune_problem_other"),
    };
    message
        .arg("expected", problem.expected.clone())
        .arg("found", found)
}

/// A flag as a message: `commune_flag_<kind>` and its values as arguments (classes as their
/// keys, members and households numbered from 1 as officers count them). The commune catalogue
/// does not hold these keys yet: `flag_text` words them from data/commune.toml's templates.
pub fn flag(flag: &Flag) -> Message {
    let mut message = Message::new(flag_key(flag.kind));
    if let Some(member) = flag.member {
        message = message.arg("member", (member as u32 + 1).to_string());
    }
    for (name, value) in &flag.values {
        message = message.arg(
            name,
            match value {
                FlagValue::Int(n) if *name == "first_household" => (n + 1).to_string(),
                FlagValue::Int(n) => n.to_string(),
                FlagValue::Key(k) => k.to_string(),
            },
        );
    }
    message
}

/// The message key of a flag kind.
pub fn flag_key(kind: super::crosscheck::FlagKind) -> &'static str {
    match kind {
        super::crosscheck::FlagKind::ClassNotFromScores => "commune_flag_class_not_from_scores",
        super::crosscheck::FlagKind::ScoreANotFromAnswers => {
            "commune_flag_score_a_not_from_answers"
        }
        super::crosscheck::FlagKind::ScoreBNotFromIndicators => {
            "commune_flag_score_b_not_from_indicators"
        }
        super::crosscheck::FlagKind::ScoreANearLine => "commune_flag_score_a_near_line",
        super::crosscheck::FlagKind::StudyingNotInSchool => "commune_flag_studying_not_in_school",
        super::crosscheck::FlagKind::SchoolLevelWithoutSchool => {
            "commune_flag_school_level_without_school"
        }
        super::crosscheck::FlagKind::VillaNonDurableHouse => "commune_flag_villa_non_durable_house",
        super::crosscheck::FlagKind::DuplicateId => "commune_flag_duplicate_id",
    }
}

/// A flag in words, in `locale`: the template of data/commune.toml with its values, classes
/// worded as commune mode words them (`commune_class_*`).
pub fn flag_text(flag: &Flag, locale: Locale) -> String {
    let (_, vi, en) = FLAG_MESSAGES
        .iter()
        .find(|(kind, _, _)| *kind == flag.kind.key())
        .expect("every flag kind has a message (tested)");
    let mut text = match locale {
        Locale::Vi => vi.to_string(),
        Locale::En => en.to_string(),
    };
    let message = self::flag(flag);
    for (name, value) in &message.args {
        let is_class = flag
            .values
            .iter()
            .any(|(n, v)| n == name && matches!(v, FlagValue::Key(_)));
        let value = if is_class {
            COMMUNE
                .text(locale, &format!("commune_class_{value}"))
                .to_string()
        } else {
            value.clone()
        };
        text = text.replace(&format!("{{{name}}}"), &value);
    }
    text
}

/// Every key this module can produce (for the catalogue test).
pub const KEYS: &[&str] = &[
    "commune_file_too_large",
    "commune_file_empty",
    "commune_file_utf16",
    "commune_file_binary",
    "commune_file_workbook",
    "commune_file_invalid_utf8",
    "commune_file_missing_columns",
    "commune_file_unknown_columns",
    "commune_file_duplicate_column",
    "commune_file_malformed_csv",
    "commune_file_io",
    "commune_place_column",
    "commune_place_field",
    "commune_place_record",
    "commune_problem_not_a_whole_number_range",
    "commune_problem_not_a_whole_number",
    "commune_problem_out_of_range_range",
    "commune_problem_out_of_range",
    "commune_problem_not_money",
    "commune_problem_not_an_indicator_value",
    "commune_problem_unknown_area",
    "commune_problem_unknown_region",
    "commune_problem_wrong_cell_count",
    "commune_problem_invalid_json",
    "commune_problem_invalid_utf8",
    "commune_problem_missing_assessment_date",
    "commune_problem_no_edition",
    "commune_problem_bad_date",
    "commune_problem_date_in_future",
    "commune_problem_negative_number",
    "commune_problem_no_members",
    "commune_problem_unknown_field",
    "commune_problem_bad_value",
    "commune_problem_wrong_schema",
    "commune_problem_inconsistent",
    "commune_problem_other",
    "commune_date_invalid",
];

#[cfg(test)]
mod tests {
    use super::*;
    use mucsong_formats::SummaryCsvReader;
    use mucsong_i18n::{Locale, COMMUNE};

    #[test]
    fn every_message_key_exists_in_every_locale_and_uses_only_given_arguments() {
        for key in KEYS {
            for locale in Locale::ALL {
                assert!(COMMUNE.has(locale, key), "{}: missing {key}", locale.tag());
            }
        }
    }

    /// Every problem code of the engine has a message of its own (not "other") whose key is in
    /// the catalogue: a code added to the engine without its commune wording fails here.
    #[test]
    fn every_engine_problem_code_has_its_own_message() {
        use mucsong_engine::ProblemCode;
        for code in ProblemCode::ALL {
            let p = Problem {
                place: Place::Record,
                code: code.key(),
                expected: "something".to_string(),
                found: "nothing".to_string(),
            };
            let message = problem(&p);
            assert_ne!(message.key, "commune_problem_other", "{}", code.key());
            assert!(KEYS.contains(&message.key), "{}", message.key);
        }
    }

    /// The dates named by the refusals of an assessment date are the rule data's.
    #[test]
    fn refused_dates_name_the_rule_data_s_editions() {
        let dates = mucsong_engine::rules::assessment_dates();
        let (first, last) = (dates.start().to_string(), dates.end().to_string());
        let no_edition = Problem {
            place: Place::Field("assessed_on".to_string()),
            code: "no_edition",
            expected: format!("a date from {first} to {last}"),
            found: "2040-01-01".to_string(),
        };
        for locale in Locale::ALL {
            for message in [date_invalid(), problem(&no_edition)] {
                let text = render(&message, locale);
                assert!(
                    text.contains(&first) && text.contains(&last) && !text.contains('{'),
                    "{}: {text}",
                    locale.tag()
                );
            }
        }
    }

    fn render(message: &Message, locale: Locale) -> String {
        COMMUNE.format(locale, message.key, &message.arg_refs())
    }

    #[test]
    fn a_bad_cell_reads_in_vietnamese_with_column_range_and_value() {
        let text = "ma_ho,khu_vuc,so_nhan_khau,diem_a,viec_lam,phu_thuoc,dinh_duong,bhyt,giao_duc_nguoi_lon,di_hoc_tre_em,chat_luong_nha,dien_tich_nha,nuoc_sach,nha_tieu,internet,thiet_bi_thong_tin\nh1,nong_thon,abc,120,1,1,1,0,0,0,0,0,0,0,0,0\n";
        let mut reader = SummaryCsvReader::new(text.as_bytes()).unwrap();
        let row = reader.next_row().unwrap().unwrap();
        let error = row.row.unwrap_err();
        let p = &error.problems[0];
        assert_eq!(render(&place(p), Locale::Vi), "cột so_nhan_khau");
        assert_eq!(
            render(&problem(p), Locale::Vi),
            "cần một số nguyên từ 1 đến 99, nhưng gặp \"abc\""
        );
        assert_eq!(
            render(&problem(p), Locale::En),
            "expected a whole number from 1 to 99, but found \"abc\""
        );
    }

    /// Every flag kind has a Vietnamese and an English template, each placeholder filled by the
    /// values the cross-check gives that kind.
    #[test]
    fn every_flag_reads_in_both_languages_with_every_placeholder_filled() {
        use crate::crosscheck::FlagKind;
        assert_eq!(FLAG_MESSAGES.len(), FlagKind::ALL.len());
        let values = |kind| -> (Option<u16>, Vec<(&'static str, FlagValue)>) {
            match kind {
                FlagKind::ClassNotFromScores => (
                    None,
                    vec![
                        ("recorded", FlagValue::Key("near_poor")),
                        ("computed", FlagValue::Key("poor")),
                    ],
                ),
                FlagKind::ScoreANotFromAnswers | FlagKind::ScoreBNotFromIndicators => (
                    None,
                    vec![
                        ("recorded", FlagValue::Int(75)),
                        ("computed", FlagValue::Int(80)),
                    ],
                ),
                FlagKind::ScoreANearLine => (
                    None,
                    vec![
                        ("score_a", FlagValue::Int(137)),
                        ("line", FlagValue::Int(140)),
                        ("distance", FlagValue::Int(-3)),
                        ("margin", FlagValue::Int(5)),
                    ],
                ),
                FlagKind::StudyingNotInSchool | FlagKind::SchoolLevelWithoutSchool => {
                    (Some(2), Vec::new())
                }
                FlagKind::VillaNonDurableHouse => (None, Vec::new()),
                FlagKind::DuplicateId => (None, vec![("first_household", FlagValue::Int(4))]),
            }
        };
        for kind in FlagKind::ALL {
            let (member, values) = values(kind);
            let f = Flag {
                household: 7,
                id: Some("h8".to_string()),
                kind,
                member,
                values,
            };
            assert_eq!(flag(&f).key, format!("commune_flag_{}", kind.key()));
            for locale in Locale::ALL {
                let text = flag_text(&f, locale);
                assert!(
                    !text.contains(['{', '}']) && !text.contains("[?]"),
                    "{text}"
                );
            }
        }
        let near = Flag {
            household: 0,
            id: None,
            kind: FlagKind::ClassNotFromScores,
            member: None,
            values: values(FlagKind::ClassNotFromScores).1,
        };
        assert_eq!(
            flag_text(&near, Locale::Vi),
            "Phân loại ghi trong danh sách (Hộ cận nghèo) không khớp với điểm và chỉ số của hộ (Hộ nghèo)."
        );
        let member = Flag {
            household: 0,
            id: None,
            kind: FlagKind::StudyingNotInSchool,
            member: Some(2),
            values: Vec::new(),
        };
        assert!(flag_text(&member, Locale::En).starts_with("Member 3:"));
        let duplicate = Flag {
            household: 9,
            id: None,
            kind: FlagKind::DuplicateId,
            member: None,
            values: vec![("first_household", FlagValue::Int(4))],
        };
        assert!(flag_text(&duplicate, Locale::Vi).contains("hộ thứ 5"));
    }

    #[test]
    fn file_problems_name_what_was_expected() {
        let missing = FileError::MissingColumns {
            columns: vec!["members".into(), "score_a or monthly_income_vnd".into()],
        };
        let text = render(&file_error(&missing), Locale::Vi);
        assert!(
            text.contains(
                "members (so_nhan_khau), score_a (diem_a) / monthly_income_vnd (thu_nhap_thang)"
            ),
            "{text}"
        );
        let utf8 = render(&file_error(&FileError::InvalidUtf8 { line: 3 }), Locale::Vi);
        assert!(utf8.contains("Dòng 3") && utf8.contains("UTF-8"), "{utf8}");
        let big = render(
            &open_error(&OpenError::TooLarge {
                n_bytes: 150 * 1_048_576,
            }),
            Locale::En,
        );
        assert!(big.contains("150 MB") && big.contains("100 MB"), "{big}");
    }
}
