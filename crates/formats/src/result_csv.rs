//! Results as CSV, one row per household record (for JSON Lines input, where the summary CSV's
//! "same rows plus results" layout does not apply): the result's fields flattened into columns, the
//! twelve indicators as `1`/`0`/empty like the summary CSV, and an `error` column for records that
//! could not be classified. English or Vietnamese header names; optional BOM for Excel.

use crate::error::RecordError;
use crate::jsonl::UTF8_BOM;
use crate::summary_csv::{CsvWriteOptions, HeaderLanguage, SummaryColumn};
use mucsong_engine::{
    Class, IncomeClass, Indicator, IndicatorStatus, ResultRecord, ScreeningOutcome,
};
use std::io::{self, Write};

/// The columns before the indicators: (English, Vietnamese).
const LEADING: [(&str, &str); 11] = [
    ("line", "dong"),
    ("id", "ma_ho"),
    ("edition", "phien_ban"),
    ("assessed_on", "ngay_danh_gia"),
    ("screening", "ket_qua_phieu_a"),
    ("score_a", "diem_a"),
    ("score_b", "diem_b"),
    ("class", "phan_loai"),
    ("possible_classes", "cac_phan_loai_co_the"),
    ("income_per_person_month_vnd", "thu_nhap_binh_quan_thang"),
    ("income_class", "phan_loai_thu_nhap"),
];

/// The columns after the indicators.
const TRAILING: [(&str, &str); 2] = [("depends_on", "phu_thuoc_cau_tra_loi"), ("error", "loi")];

/// Writes one CSV row per result or error.
pub struct ResultCsvWriter<W: Write> {
    csv: csv::Writer<W>,
    out: Vec<String>,
}

impl<W: Write> ResultCsvWriter<W> {
    /// Writes the BOM (if asked) and the header line.
    pub fn new(mut output: W, options: CsvWriteOptions) -> io::Result<Self> {
        if options.bom {
            output.write_all(UTF8_BOM)?;
        }
        let mut csv = csv::WriterBuilder::new()
            .delimiter(options.delimiter)
            .from_writer(output);
        let pick = |(en, vi): (&'static str, &'static str)| match options.language {
            HeaderLanguage::English => en,
            HeaderLanguage::Vietnamese => vi,
        };
        let header = LEADING
            .into_iter()
            .map(pick)
            .chain(
                Indicator::TWELVE
                    .into_iter()
                    .map(|i| SummaryColumn::Indicator(i).name(options.language)),
            )
            .chain(TRAILING.into_iter().map(pick));
        csv.write_record(header)?;
        Ok(ResultCsvWriter {
            csv,
            out: Vec::new(),
        })
    }

    /// One row: the record's line (when known) and its result or why it could not be classified.
    pub fn write_row(
        &mut self,
        line: Option<u64>,
        outcome: Result<&ResultRecord, &RecordError>,
    ) -> io::Result<()> {
        self.out.clear();
        let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        self.out
            .push(line.map(|l| l.to_string()).unwrap_or_default());
        match outcome {
            Ok(r) => {
                self.out.push(r.id.clone().unwrap_or_default());
                self.out.push(r.edition.to_string());
                self.out.push(r.assessed_on.to_iso_string());
                self.out.push(
                    r.screening
                        .map(screening_key)
                        .unwrap_or_default()
                        .to_string(),
                );
                self.out.push(opt(r.score_a));
                self.out.push(opt(r.score_b));
                self.out.push(r.class.key().to_string());
                self.out.push(
                    r.possible_classes
                        .iter()
                        .map(|&c: &Class| c.key())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                self.out.push(opt(r.income_per_person_month_vnd));
                self.out.push(
                    r.income_class
                        .map(IncomeClass::key)
                        .unwrap_or_default()
                        .to_string(),
                );
                for indicator in Indicator::TWELVE {
                    self.out.push(
                        match r.indicators.get(&indicator) {
                            Some(IndicatorStatus::Deprived) => "1",
                            Some(IndicatorStatus::NotDeprived) => "0",
                            Some(IndicatorStatus::Unknown) | None => "",
                        }
                        .to_string(),
                    );
                }
                self.out.push(r.depends_on.join(" "));
                self.out.push(String::new());
            }
            Err(error) => {
                self.out.push(error.id.clone().unwrap_or_default());
                // Everything up to the error column stays empty.
                let n_empty = LEADING.len() - 2 + Indicator::TWELVE.len() + 1;
                self.out.extend(std::iter::repeat_n(String::new(), n_empty));
                self.out.push(error.to_string());
            }
        }
        self.csv.write_record(&self.out)?;
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }
}

/// The machine key of a Phiếu A outcome (as in the result JSON).
pub fn screening_key(outcome: ScreeningOutcome) -> &'static str {
    match outcome {
        ScreeningOutcome::Excluded => "excluded",
        ScreeningOutcome::Stopped => "stopped",
        ScreeningOutcome::Review => "review",
        ScreeningOutcome::Undetermined => "undetermined",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Place, Problem};
    use mucsong_engine::{assess_summary, Date, SummaryRow};

    fn written(
        language: HeaderLanguage,
        rows: &[(Option<u64>, Result<ResultRecord, RecordError>)],
    ) -> String {
        let options = CsvWriteOptions {
            delimiter: b',',
            bom: false,
            language,
        };
        let mut out = Vec::new();
        let mut writer = ResultCsvWriter::new(&mut out, options).unwrap();
        for (line, outcome) in rows {
            writer.write_row(*line, outcome.as_ref()).unwrap();
        }
        writer.flush().unwrap();
        drop(writer);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_result_and_an_error_make_rows_of_the_header_width() {
        let mut row = SummaryRow {
            id: Some("ho-1".into()),
            area: Some(mucsong_engine::Area::Rural),
            members: Some(4),
            score_a: Some(120),
            ..SummaryRow::default()
        };
        for (k, i) in Indicator::TWELVE.into_iter().enumerate() {
            row.indicators.insert(i, Some(k < 3));
        }
        let result = assess_summary(&row, Date::new(2026, 6, 1).unwrap()).unwrap();
        let error = RecordError {
            line: Some(3),
            id: Some("ho-2".into()),
            problems: vec![Problem {
                place: Place::Field("members".into()),
                code: "bad_value",
                expected: "a list".into(),
                found: "3".into(),
            }],
        };
        let text = written(
            HeaderLanguage::Vietnamese,
            &[(Some(2), Ok(result)), (Some(3), Err(error))],
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("dong,ma_ho,phien_ban,"));
        assert!(lines[0].ends_with(",thiet_bi_thong_tin,phu_thuoc_cau_tra_loi,loi"));
        assert!(
            lines[1].starts_with("2,ho-1,2022-2025,2026-06-01,,120,30,poor,poor,,,1,1,1,0,"),
            "{}",
            lines[1]
        );
        let width = |l: &str| {
            csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(l.as_bytes())
                .records()
                .next()
                .unwrap()
                .unwrap()
                .len()
        };
        assert_eq!(width(lines[1]), width(lines[0]));
        assert_eq!(width(lines[2]), width(lines[0]));
        assert!(lines[2].starts_with("3,ho-2,,"));
        assert!(lines[2].ends_with("\"line 3, field members: expected a list, but found 3\""));
    }
}
