//! The explanation of an assessment as structured data: every fact, threshold, point and legal
//! reference behind the result, as machine keys and numbers. The engine ships no prose; the UI
//! turns these keys into sentences through its translation files.

use super::household::{Area, Region};
use super::result::{Class, IncomeClass, Indicator, IndicatorStatus, ScreeningOutcome};
use super::Date;
use crate::rules::Reference;
use serde::Serialize;

/// Why an assessment came out as it did.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// `2022-2025` or `2027-2030`.
    pub edition: &'static str,
    /// True when the edition's rules are reported, not official (2027-2030): say so plainly.
    pub provisional: bool,
    /// How `class` was decided: `score` (Phiếu A/B) or `income` (2027-2030, provisional).
    pub classification: &'static str,
    /// Content hash of the rule data used (results carry their rules).
    pub rules_version: &'static str,
    pub assessed_on: Date,
    pub area: Option<Area>,
    pub region: Option<Region>,
    /// Phiếu A; `None` for edition 2027-2030.
    pub screening: Option<ScreeningExplanation>,
    /// Score A (Phiếu B1); `None` for edition 2027-2030.
    pub score_a: Option<ScoreAExplanation>,
    pub score_b: ScoreBExplanation,
    /// The edition's indicators, in Phiếu B2 order.
    pub indicators: Vec<IndicatorExplanation>,
    /// The reasons behind every indicator, in indicator order (each names its indicator; see
    /// `reasons_for`). One list rather than one per indicator keeps `assess` allocation-light.
    pub reasons: Vec<Reason>,
    /// `None` when no income answer was given.
    pub income: Option<IncomeExplanation>,
    /// The smallest indicator changes that would change `class` (empty when none would, e.g. the
    /// household is above the score-A threshold, or the class is undetermined).
    pub class_changes: Vec<ClassChange>,
    /// How far score A is from the threshold (score method only).
    pub score_a_distance: Option<ScoreADistance>,
    /// Supports of standard.md §4 that may apply (never certain).
    pub supports: Vec<SupportExplanation>,
    /// Keys of the [interpretation] rules used for this household (crates/rules/data/interpretations.toml).
    pub interpretations: Vec<&'static str>,
    /// Answer paths an undetermined class depends on (same as the result's).
    pub depends_on: Vec<String>,
}

/// A fact's value in a reason.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    Bool(bool),
    Int(i64),
    Number(f64),
    /// A machine key (`without_contract`, `metal_sheet`).
    Key(&'static str),
    /// A range of possible values (partial birth dates, unknown counts).
    Range {
        min: i64,
        max: i64,
    },
    /// Not answered (serialized as `null`).
    Unknown,
}

impl Explanation {
    /// The reasons of one indicator.
    pub fn reasons_for(&self, indicator: Indicator) -> impl Iterator<Item = &Reason> {
        self.reasons
            .iter()
            .filter(move |r| r.indicator == indicator)
    }
}

/// One fact that made (or may make) an indicator deprived, or that left it unknown. Household
/// facts (water source, living area …) are always listed; member facts only when they make the
/// indicator deprived or unknown.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub indicator: Indicator,
    /// The member (index in `members`) the fact is about; `None` for household facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<u16>,
    /// The fact key (`age_years`, `work_status`, `living_area_per_person_m2` …).
    pub fact: &'static str,
    pub value: FactValue,
    /// The threshold the value was compared with, if any.
    pub threshold: Option<FactValue>,
    /// What this fact contributes: `deprived`, `not_deprived` or `unknown`.
    pub effect: IndicatorStatus,
    /// The parameter or interpretation key the threshold comes from (crates/rules/data/*.toml).
    pub rule: &'static str,
    /// The legal source of the indicator's definition.
    pub reference: &'static Reference,
}

/// Where an assessment's reasons go: into a list when the explanation is wanted (`assess`), nowhere
/// when only the result record is (`assess_result`, the batch path). Both run the same
/// computation; only what is kept differs, and with nothing kept the explanation is not built.
pub(crate) trait ReasonSink {
    /// Whether reasons are kept (and so the explanation built).
    const KEEPS: bool;
    fn add(&mut self, reason: Reason);
}

impl ReasonSink for Vec<Reason> {
    const KEEPS: bool = true;
    fn add(&mut self, reason: Reason) {
        self.push(reason);
    }
}

/// Keeps no reasons: the result record alone is wanted.
pub(crate) struct NoReasons;

impl ReasonSink for NoReasons {
    const KEEPS: bool = false;
    fn add(&mut self, _: Reason) {}
}

/// One indicator's status and reasons.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorExplanation {
    pub indicator: Indicator,
    pub status: IndicatorStatus,
    /// True for indicators whose rule is only reported or provisional (2027-2030's `waste`).
    pub provisional: bool,
    /// The indicator's legal source (crates/rules/data/indicators.toml).
    pub reference: &'static Reference,
    /// Unknown answers that leave the status unknown.
    pub depends_on: Vec<String>,
}

/// Phiếu A, criterion by criterion.
#[derive(Debug, Clone, Serialize)]
pub struct ScreeningExplanation {
    pub outcome: ScreeningOutcome,
    /// The five exclusion conditions (`villa_or_grade_1_2_house` …) with their tri-state values.
    pub exclusions: [CriterionValue; 5],
    /// The nine criteria, numbered as Phiếu A.
    pub criteria: [CriterionValue; 9],
    /// How many criteria hold: at least `count_min`, at most `count_max`.
    pub count_min: u8,
    pub count_max: u8,
    /// From this count review stops.
    pub stop_count: u8,
    pub reference: &'static Reference,
}

/// A yes/no rule whose answer may be unknown.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct CriterionValue {
    /// 1-9 for criteria, 1-5 for exclusions.
    pub number: u8,
    pub key: &'static str,
    /// `true`, `false`, or `null` when unknown.
    pub value: Option<bool>,
}

/// Score A (Phiếu B1).
#[derive(Debug, Clone, Serialize)]
pub struct ScoreAExplanation {
    /// The column used (`rural_northern_midlands_mountains`, `urban`), `None` when area or region
    /// is unknown.
    pub column: Option<&'static str>,
    /// Every row that scored (points ≠ 0), when the column is known.
    pub items: Vec<ScoredItem>,
    /// Items whose row is not known, with the range of points they could add.
    pub unresolved: Vec<UnresolvedItem>,
    pub min: i64,
    pub max: i64,
    /// The threshold for the area (140 rural, 175 urban); `None` if the area is unknown.
    pub threshold: Option<i64>,
    pub reference: &'static Reference,
}

/// One B1 row that applies and scored.
#[derive(Debug, Clone, Serialize)]
pub struct ScoredItem {
    /// B1 item number (1-14); 0 for the urban region points.
    pub item: u8,
    /// Row key of `b1-points.csv`, or `urban_region_<region>`.
    pub row: &'static str,
    pub points: i64,
    /// The table the points come from (TT 07/2021 Mẫu 3.3-3.10).
    pub reference: &'static Reference,
}

/// A B1 item whose row depends on unknown answers.
#[derive(Debug, Clone, Serialize)]
pub struct UnresolvedItem {
    pub item: u8,
    pub min: i64,
    pub max: i64,
    pub depends_on: Vec<String>,
}

/// Score B (Phiếu B2).
#[derive(Debug, Clone, Serialize)]
pub struct ScoreBExplanation {
    pub n_deprived: u8,
    pub n_unknown: u8,
    /// 10 × deprived (at least / at most); `None` for 2027-2030 (no score method).
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub points_per_indicator: Option<i64>,
    /// Score B from which a household under the score-A threshold is poor (30).
    pub poor_threshold: Option<i64>,
    /// Deprived indicators from which a household under the income line is poor (3).
    pub poor_min_deprivations: i64,
}

/// Income by the decree's definition.
#[derive(Debug, Clone, Serialize)]
pub struct IncomeExplanation {
    /// `sources_12m` or `monthly_vnd`.
    pub source: &'static str,
    /// Total over 12 months (exact when known, else the bounds).
    pub total_12m: Option<i64>,
    pub total_12m_min: Option<i64>,
    pub total_12m_max: Option<i64>,
    pub members: u32,
    /// Total / members / 12, rounded down.
    pub per_person_month: Option<i64>,
    /// The income line for the area (per person per month); `None` when the area is unknown.
    pub line: Option<i64>,
    /// Line − income per person per month, in đồng (positive = below the line).
    pub distance_to_line: Option<i64>,
    /// Upper bound of the average-living band, when known for the edition.
    pub average_living_limit: Option<i64>,
    /// Low-income-worker limit (from 2025-02-24), when in force.
    pub low_income_worker_limit: Option<i64>,
    /// Whether the household's workers may count as low-income workers (neither poor nor
    /// near-poor, income at or under the limit); `None` when unknown or not in force.
    pub low_income_worker: Option<bool>,
    pub income_class: IncomeClass,
}

/// A what-if: `n_indicators` of the `candidates` changing would change the class to `to`.
#[derive(Debug, Clone, Serialize)]
pub struct ClassChange {
    pub to: Class,
    /// `more_deprived` (that many more indicators deprived) or `fewer_deprived`.
    pub change: &'static str,
    pub n_indicators: u8,
    /// The indicators any `n_indicators` of which would do (all of them when equal in number).
    pub candidates: Vec<Indicator>,
}

/// Score A against its threshold.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreADistance {
    pub score_a: i64,
    pub threshold: i64,
    /// score A − threshold: positive means above the threshold (not poor by score), so that many
    /// points less would bring it to the threshold.
    pub points_above_threshold: i64,
}

/// A support that may apply.
#[derive(Debug, Clone, Serialize)]
pub struct SupportExplanation {
    pub key: &'static str,
    /// The class (or condition) it may apply for: `poor`, `near_poor`, or a condition key
    /// (`agricultural_average_living_at_least_30`, `low_income_worker`, `newly_escaped`).
    pub because: &'static str,
    /// How it may apply (`full_100`, `at_least_70`, `yes`, `listed_cases` …).
    pub level: &'static str,
    /// Always `may_apply`: amounts and conditions change, the commune decides.
    pub status: &'static str,
    pub reference: &'static Reference,
}

macro_rules! interpretations {
    ($($variant:ident => $key:literal),+ $(,)?) => {
        /// The [interpretation] rules the engine applies (keys of crates/rules/data/interpretations.toml).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Interp { $($variant),+ }
        impl Interp {
            pub const ALL: &'static [Interp] = &[$(Interp::$variant),+];
            pub fn key(self) -> &'static str { match self { $(Interp::$variant => $key),+ } }
        }
    };
}

interpretations! {
    B1Size8Plus => "b1_size_8plus_uses_7_row",
    B1Dependants2Plus => "b1_dependants_2plus_score_0",
    B1HighestQualification => "b1_highest_qualification",
    B1NonfarmBestCategory => "b1_nonfarm_best_category",
    B1CentralHighlandsMotorbike => "b1_central_highlands_motorbike_3plus_30",
    B1Poultry100 => "b1_poultry_100_birds",
    ColumnNoneUsesWall => "b1_column_none_uses_wall",
    WorkingAge => "working_age_labour_code",
    PitLatrineWithSeat => "pit_latrine_with_seat_hygienic",
    NutritionRow => "nutrition_row_largest_age_not_above",
    AdultEducationQualification => "adult_education_qualification",
    ChildSchoolingSchoolAge => "child_schooling_school_age",
    SchoolLevelRank => "school_level_rank",
    ScreeningHeater => "screening_heater_not_recorded",
    ScreeningPensionAllowances => "screening_pension_includes_allowances",
    WasteOther => "waste_other_is_deprived",
    EmploymentWithoutContract => "employment_wage_without_contract",
    StudyingWorkStatus => "studying_includes_work_status",
    RuralCentrallyRunCity => "rural_centrally_run_city_refused",
    Income2027AverageLiving => "income_2027_average_living_unknown",
    Class2027FromIncome => "class_2027_from_income",
}

/// The set of interpretations used while assessing one household.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct UsedInterpretations(u32);

impl UsedInterpretations {
    pub fn mark(&mut self, i: Interp) {
        self.0 |= 1 << i as u32;
    }
    pub fn keys(self) -> Vec<&'static str> {
        let mut keys = Vec::with_capacity(self.0.count_ones() as usize);
        keys.extend(
            Interp::ALL
                .iter()
                .filter(|i| self.0 & (1 << **i as u32) != 0)
                .map(|i| i.key()),
        );
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    #[test]
    fn every_interpretation_the_engine_uses_is_in_the_rule_data() {
        for i in Interp::ALL {
            assert!(
                rules().interpretation(i.key()).is_some(),
                "{} missing from interpretations.toml",
                i.key()
            );
        }
        assert!(Interp::ALL.len() <= 32);
    }

    #[test]
    fn fact_values_serialize_plainly() {
        let json = serde_json::to_string(&[
            FactValue::Bool(true),
            FactValue::Int(3),
            FactValue::Key("tile"),
            FactValue::Range { min: 5, max: 6 },
            FactValue::Unknown,
        ])
        .unwrap();
        assert_eq!(json, r#"[true,3,"tile",{"min":5,"max":6},null]"#);
    }
}
