//! A commune's summary sheet read with the results it already carries: the formats' summary CSV
//! reader gives each row's answers (score A, the indicators), and the result columns it skips on
//! input — `score_b` (`diem_b`) and `class` (`phan_loai`), as an earlier run or another tool wrote
//! them — are read here as what the sheet *recorded*, for the cross-check. A recorded cell that
//! cannot be read makes its row an error naming the line and column, like any other bad cell.

use crate::list::{Answers, Recorded};
use mucsong_engine::{Class, SummaryRow};
use mucsong_formats::error::{Place, Problem, RecordError};
use mucsong_formats::summary_csv::SummaryColumn;
use mucsong_formats::{FileError, SummaryCsvReader};
use mucsong_i18n::{Locale, COMMUNE};

/// One data row of the sheet.
#[derive(Debug, Clone)]
pub struct SheetRow {
    /// The line the row is on (the header is line 1).
    pub line: u64,
    pub answers: Result<SummaryRow, RecordError>,
    /// The recorded score A is the row's own `score_a`; score B and class from their columns.
    pub recorded: Recorded,
}

impl SheetRow {
    /// The row as a list household's answers and recorded values, if it could be read.
    pub fn household(&self) -> Option<(Answers, Recorded)> {
        let row = self.answers.as_ref().ok()?;
        Some((Answers::Summary(row.clone()), self.recorded))
    }
}

/// A recorded class as written: its key (`near_poor`) or commune mode's name for it in either
/// language ("Hộ cận nghèo"), any case. "Undetermined" records no class.
fn parse_class(text: &str) -> Result<Option<Class>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let lower = text.to_lowercase();
    let class = Class::ALL
        .into_iter()
        .find(|c| {
            c.key() == lower
                || Locale::ALL.iter().any(|l| {
                    COMMUNE
                        .text(*l, &format!("commune_class_{}", c.key()))
                        .to_lowercase()
                        == lower
                })
        })
        .ok_or(())?;
    Ok((class != Class::Undetermined).then_some(class))
}

fn parse_score(text: &str) -> Result<Option<i64>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.len() > 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    text.parse().map(Some).map_err(|_| ())
}

/// Reads a whole summary sheet (UTF-8, comma or semicolon, English or Vietnamese headers).
pub fn read_summary_sheet(bytes: &[u8]) -> Result<Vec<SheetRow>, FileError> {
    let mut reader = SummaryCsvReader::new(bytes)?;
    let columns = reader.columns().to_vec();
    let column_of = |wanted: SummaryColumn| columns.iter().position(|c| *c == wanted);
    let (score_b_at, class_at) = (
        column_of(SummaryColumn::ScoreB),
        column_of(SummaryColumn::Class),
    );
    let mut rows = Vec::new();
    while let Some(row) = reader.next_row() {
        let row = row?;
        let mut recorded = Recorded::default();
        let mut problems = Vec::new();
        let cell = |at: Option<usize>| at.and_then(|i| row.cells.get(i)).unwrap_or("");
        let problem = |column: SummaryColumn, expected: &str, found: &str| Problem {
            place: Place::Column(column.english().to_string()),
            code: "bad_value",
            expected: expected.to_string(),
            found: format!("{found:?}"),
        };
        match parse_score(cell(score_b_at)) {
            Ok(score) => recorded.score_b = score,
            Err(()) => problems.push(problem(
                SummaryColumn::ScoreB,
                "a whole number of points, or nothing",
                cell(score_b_at),
            )),
        }
        match parse_class(cell(class_at)) {
            Ok(class) => recorded.class = class,
            Err(()) => problems.push(problem(
                SummaryColumn::Class,
                "poor, near_poor, not_poor (or their names), or nothing",
                cell(class_at),
            )),
        }
        let answers = match row.row {
            Ok(summary) if problems.is_empty() => {
                recorded.score_a = summary.score_a;
                Ok(summary)
            }
            Ok(summary) => Err(RecordError {
                line: Some(row.line),
                id: summary.id,
                problems,
            }),
            Err(mut error) => {
                error.problems.extend(problems);
                Err(error)
            }
        };
        rows.push(SheetRow {
            line: row.line,
            answers,
            recorded,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "ma_ho;khu_vuc;so_nhan_khau;diem_a;viec_lam;phu_thuoc;dinh_duong;bhyt;giao_duc_nguoi_lon;di_hoc_tre_em;chat_luong_nha;dien_tich_nha;nuoc_sach;nha_tieu;internet;thiet_bi_thong_tin;diem_b;phan_loai\n";

    #[test]
    fn recorded_scores_and_classes_are_read_in_keys_or_names() {
        let text = format!(
            "{HEADER}h1;nong_thon;4;120;1;1;1;0;0;0;0;0;0;0;0;0;20;Hộ cận nghèo\nh2;nong_thon;3;150;0;0;0;0;0;0;0;0;0;0;0;0;0;not_poor\nh3;nong_thon;3;100;0;0;0;0;0;0;0;0;0;0;0;0;;undetermined\n"
        );
        let rows = read_summary_sheet(text.as_bytes()).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0].recorded,
            Recorded {
                score_a: Some(120),
                score_b: Some(20),
                class: Some(Class::NearPoor)
            }
        );
        assert_eq!(rows[1].recorded.class, Some(Class::NotPoor));
        assert_eq!(rows[2].recorded.class, None);
        assert_eq!(rows[2].recorded.score_b, None);
        assert!(rows.iter().all(|r| r.household().is_some()));
    }

    #[test]
    fn a_recorded_cell_that_cannot_be_read_names_its_line_and_column() {
        let text =
            format!("{HEADER}h1;nong_thon;4;120;1;1;1;0;0;0;0;0;0;0;0;0;hai mươi;nghèo lắm\n");
        let rows = read_summary_sheet(text.as_bytes()).unwrap();
        let error = rows[0].answers.as_ref().unwrap_err();
        assert_eq!(error.line, Some(2));
        assert_eq!(error.id.as_deref(), Some("h1"));
        let places: Vec<_> = error
            .problems
            .iter()
            .map(|p| (&p.place, p.found.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                (&Place::Column("score_b".into()), "\"hai mươi\""),
                (&Place::Column("class".into()), "\"nghèo lắm\""),
            ]
        );
        assert!(rows[0].household().is_none());
    }
}
