//! The cross-check (kiểm tra chéo) of a list: every household whose recorded class does not
//! follow from its recorded scores and indicators, whose recorded scores do not follow from its
//! answers, whose score A lies within the margin of the line (interpretation
//! `score_a_near_line`, data/commune.toml), whose answers contradict each other on the forms,
//! or whose id is on the list twice. Each flag is a key and numbers; commune mode words it
//! (`messages::flag`).

use crate::data::SCORE_A_NEAR_LINE_MARGIN;
use crate::list::{Answers, AssessedList, CommuneList};
use mucsong_engine::household::WorkStatus;
use mucsong_engine::{
    edition_for, Area, Indicator, IndicatorStatus, ResultRecord, ScreeningOutcome,
};
use std::collections::BTreeMap;

/// The interpretations of data/commune.toml the cross-check follows.
pub const INTERPRETATIONS: &[&str] = &["score_a_near_line"];

mucsong_rules::keyed_enum!(
    /// What a flag says.
    pub enum FlagKind {
        /// The recorded class is not among the classes the recorded score A and indicators (or,
        /// for a full record, its answers) allow.
        ClassNotFromScores => "class_not_from_scores",
        /// The recorded score A is not the score A of the record's answers (Phiếu B1).
        ScoreANotFromAnswers => "score_a_not_from_answers",
        /// The recorded score B is not 10 points per deprived indicator (Phiếu B2).
        ScoreBNotFromIndicators => "score_b_not_from_indicators",
        /// Score A within the margin of the line: one characteristic recorded differently would
        /// change the class.
        ScoreANearLine => "score_a_near_line",
        /// B1 column 15 says "đang đi học" (studying), column 8 says "không đi học".
        StudyingNotInSchool => "studying_not_in_school",
        /// B1 column 9 gives a school level, column 8 says the member does not attend school.
        SchoolLevelWithoutSchool => "school_level_without_school",
        /// Phiếu A exclusion 1 (villa or grade 1–2 house) holds, yet Phiếu B2 finds the house
        /// non-durable (indicator 7).
        VillaNonDurableHouse => "villa_non_durable_house",
        /// Another household of the list has the same id.
        DuplicateId => "duplicate_id",
    }
);

/// A value a flag carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagValue {
    Int(i64),
    /// A machine key (a class).
    Key(&'static str),
}

/// One flag on one household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// The household's place in the list (from 0).
    pub household: usize,
    pub id: Option<String>,
    pub kind: FlagKind,
    /// The member (index in `members`) the flag is about.
    pub member: Option<u16>,
    /// Named values: `recorded`, `computed`, `score_a`, `line`, `margin`, `distance`,
    /// `first_household`…
    pub values: Vec<(&'static str, FlagValue)>,
}

/// The score-A line of the household's area on its assessment date (score method only).
fn score_a_line(result: &ResultRecord, area: Area) -> Option<i64> {
    let on = result.assessed_on;
    let score = edition_for(on)?.thresholds_on(on).score.as_ref()?;
    Some(
        score.score_a_threshold[match area {
            Area::Rural => 0,
            Area::Urban => 1,
        }],
    )
}

/// Every flag of the list, household by household in list order, each household's flags in
/// `FlagKind` order. `list` is the list `assessed` was assessed from.
pub fn cross_check(list: &CommuneList, assessed: &AssessedList) -> Vec<Flag> {
    let mut flags = Vec::new();
    let mut first_with_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (h, a) in list.households.iter().zip(&assessed.households) {
        let id = h.answers.id().map(str::to_string);
        let mut flag = |kind, member, values: Vec<(&'static str, FlagValue)>| {
            flags.push(Flag {
                household: a.index,
                id: id.clone(),
                kind,
                member,
                values,
            })
        };
        if let Ok(result) = &a.result {
            let r = &a.recorded;
            if let Some(recorded) = r.class {
                if !result.possible_classes.contains(&recorded) {
                    flag(
                        FlagKind::ClassNotFromScores,
                        None,
                        vec![
                            ("recorded", FlagValue::Key(recorded.key())),
                            ("computed", FlagValue::Key(result.class.key())),
                        ],
                    );
                }
            }
            if let (Answers::Record(_), Some(recorded), Some(computed)) =
                (&h.answers, r.score_a, result.score_a)
            {
                if recorded != computed {
                    flag(
                        FlagKind::ScoreANotFromAnswers,
                        None,
                        vec![
                            ("recorded", FlagValue::Int(recorded)),
                            ("computed", FlagValue::Int(computed)),
                        ],
                    );
                }
            }
            if let (Some(recorded), Some(computed)) = (r.score_b, result.score_b) {
                if recorded != computed {
                    flag(
                        FlagKind::ScoreBNotFromIndicators,
                        None,
                        vec![
                            ("recorded", FlagValue::Int(recorded)),
                            ("computed", FlagValue::Int(computed)),
                        ],
                    );
                }
            }
            // A household excluded or stopped at Phiếu A is not classified by its score A.
            let is_scored = matches!(
                result.screening,
                None | Some(ScreeningOutcome::Review | ScreeningOutcome::Undetermined)
            );
            let score_a = r.score_a.or(result.score_a).filter(|_| is_scored);
            if let (Some(score_a), Some(area)) = (score_a, a.area) {
                if let Some(line) = score_a_line(result, area) {
                    let distance = score_a - line;
                    if distance.abs() <= SCORE_A_NEAR_LINE_MARGIN {
                        flag(
                            FlagKind::ScoreANearLine,
                            None,
                            vec![
                                ("score_a", FlagValue::Int(score_a)),
                                ("line", FlagValue::Int(line)),
                                ("distance", FlagValue::Int(distance)),
                                ("margin", FlagValue::Int(SCORE_A_NEAR_LINE_MARGIN)),
                            ],
                        );
                    }
                }
            }
        }
        if let Answers::Record(record) = &h.answers {
            let members = record.members.iter().flatten().enumerate();
            for (i, m) in members.clone() {
                if m.work_status == Some(WorkStatus::Studying) && m.in_school == Some(false) {
                    flag(FlagKind::StudyingNotInSchool, Some(i as u16), Vec::new());
                }
            }
            for (i, m) in members {
                if m.school_level.is_some() && m.in_school == Some(false) {
                    flag(
                        FlagKind::SchoolLevelWithoutSchool,
                        Some(i as u16),
                        Vec::new(),
                    );
                }
            }
            let villa = record
                .screening
                .as_ref()
                .and_then(|s| s.villa_or_grade_1_2_house)
                == Some(true);
            if villa && a.indicator(Indicator::HousingQuality) == IndicatorStatus::Deprived {
                flag(FlagKind::VillaNonDurableHouse, None, Vec::new());
            }
        }
        if let Some(id) = h.answers.id() {
            match first_with_id.get(id) {
                Some(&first) => flag(
                    FlagKind::DuplicateId,
                    None,
                    vec![("first_household", FlagValue::Int(first as i64))],
                ),
                None => {
                    first_with_id.insert(id, a.index);
                }
            }
        }
    }
    flags
}
