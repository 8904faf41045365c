//! The rule data, compiled into the program: build.rs reads `data/*.toml` and the CSV tables,
//! checks them and writes them as Rust statics (OUT_DIR/rules_data.rs, included below). The lookups
//! the hot path uses (B1 points in `B1Row` order, the thresholds of every period of an edition, …)
//! are computed from those statics by const evaluation, so nothing is parsed at run time and rule
//! data the engine cannot use stops the build with a message naming the file and the entry.

use crate::date::Date;
pub use crate::vocabulary::{Indicator, Keyed, Region, SchoolLevel};
use serde::{Serialize, Serializer};
use std::ops::Deref;
use std::sync::OnceLock;

pub mod date;
pub mod vocabulary;

/// serde, for `keyed_enum!`'s expansions in other crates.
#[doc(hidden)]
pub use serde as __serde;

/// The rule data as build.rs wrote it (in the order of the rule files).
mod data {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/rules_data.rs"));
}

/// The point columns of b1-points.csv (machine keys), in the order of every B1 row's points:
/// the six rural regions in `Region` order, then urban (checked at compile time below).
pub static B1_COLUMN_KEYS: &[&str; 7] = &data::B1_COLUMNS;

/// A list of rule entries in static memory. It reads like a slice (`len`, `iter`, indexing) and
/// iterates like a `Vec` (`for x in &list`).
pub struct List<T: 'static>(pub &'static [T]);

impl<T> Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.0
    }
}

impl<T> IntoIterator for &List<T> {
    type Item = &'static T;
    type IntoIter = std::slice::Iter<'static, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for List<T> {}

impl<T: std::fmt::Debug> std::fmt::Debug for List<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: PartialEq> PartialEq for List<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

keyed_enum!(
    /// How sure we are of a rule value (standard.md's labels).
    pub enum RuleStatus {
        /// Read in an official text.
        Official => "official",
        /// From news reports of a text we do not have.
        Reported => "reported",
        /// Our reading where the text is silent.
        Interpretation => "interpretation",
    }
);

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub document: &'static str,
    pub article: &'static str,
    /// Official Gazette (Công báo) issue and page, or "-" / a note when not available.
    pub gazette: &'static str,
}

/// A parameter value: one number or a list of band limits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ParamValue {
    Number(f64),
    List(&'static [f64]),
}

/// One dated value of a parameter (OpenFisca style).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DatedValue {
    pub since: Date,
    pub until: Option<Date>,
    pub value: ParamValue,
    pub status: RuleStatus,
    /// The interpretations.toml entry this value implements, if it is an interpretation.
    pub interpretation: Option<&'static str>,
    pub reference: Reference,
    pub reviewed_on: Date,
}

impl DatedValue {
    /// Whether the value is in force on `date`.
    pub const fn is_in_force_on(&self, date: Date) -> bool {
        self.since.is_on_or_before(date)
            && match self.until {
                Some(until) => date.is_on_or_before(until),
                None => true,
            }
    }
}

/// A named rule parameter with its dated values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Parameter {
    pub description: &'static str,
    pub unit: &'static str,
    pub values: List<DatedValue>,
}

impl Parameter {
    /// The value in force on `date`, if any.
    pub fn value_on(&self, date: Date) -> Option<&'static DatedValue> {
        self.values.0.iter().find(|v| v.is_in_force_on(date))
    }
}

keyed_enum!(
    /// How an edition decides `class`.
    pub enum ClassificationMethod {
        /// The official review method: Phiếu A, score A, score B.
        Score => "score",
        /// The decree's income definition (edition 2027-2030: no review method known).
        Income => "income",
    }
);

/// An edition of the standard.
#[derive(Debug)]
pub struct Edition {
    pub key: &'static str,
    pub since: Date,
    pub until: Date,
    /// True when the edition's rules are only reported, not read in an official text.
    pub provisional: bool,
    pub classification: ClassificationMethod,
    /// The indicator keys of this edition, in Phiếu B2 order.
    pub indicators: List<&'static str>,
    /// Thresholds resolved for each period of the edition in which no value changes.
    pub periods: &'static [(Date, Thresholds)],
    /// The edition's indicators as typed keys.
    pub indicator_set: &'static [Indicator],
}

/// Where an edition comes from: kept apart from `Edition`, which the pages use, so that a page
/// that never asks (the household page) does not carry it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditionProvenance {
    pub key: &'static str,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: Date,
    /// A later text that keeps the edition in force (for 2022-2025: through 2026).
    pub extension: Option<EditionExtension>,
}

/// The text that extends an edition, and until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EditionExtension {
    pub until: Date,
    pub status: RuleStatus,
    pub reference: Reference,
}

impl Edition {
    /// Where the edition comes from (data/editions.toml).
    pub fn provenance(&self) -> &'static EditionProvenance {
        data::EDITION_PROVENANCE
            .iter()
            .find(|p| p.key == self.key)
            .expect("build.rs writes the provenance of every edition")
    }

    /// The thresholds in force on `date` (which must lie in the edition).
    pub fn thresholds_on(&self, date: Date) -> &'static Thresholds {
        let i = self.periods.partition_point(|(start, _)| *start <= date);
        &self.periods[i.saturating_sub(1)].1
    }
}

/// One deprivation indicator's rule entry.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorRule {
    pub key: &'static str,
    pub number: u8,
    /// The entry's wording: see `label_vi` / `label_en`.
    label: u16,
    pub since: Date,
    pub until: Option<Date>,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: Date,
}

/// A reading of the rules where the text is silent ([interpretation]).
#[derive(Debug, Clone, Copy)]
pub struct InterpretationRule {
    pub key: &'static str,
    /// The entry's wording: see `label_vi` / `label_en`.
    label: u16,
    pub since: Date,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: Date,
}

/// An interpretation's wording without its provenance (what the result page lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleLabel {
    pub key: &'static str,
    /// See `label_vi` / `label_en`.
    label: u16,
}

/// The labels of the rule entries (`data::LABELS`) split into [Vietnamese, English], at the
/// first use: the compiled table carries no offsets.
static LABEL_TABLE: OnceLock<[Vec<&'static str>; 2]> = OnceLock::new();

/// Label number `label` in `column` (0 Vietnamese, 1 English).
fn label(label: u16, column: usize) -> &'static str {
    let table = LABEL_TABLE.get_or_init(|| {
        let mut sections = data::LABELS.split('\u{1e}');
        let mut column = || {
            let mut labels: Vec<&'static str> = sections
                .next()
                .unwrap_or_default()
                .split('\u{1f}')
                .collect();
            // Every label ends with U+001F: the piece after the last one is empty.
            labels.pop();
            labels
        };
        [column(), column()]
    });
    table[column][usize::from(label)]
}

/// The catalogue key of label number `id`: `rule_label_` and three digits. crates/i18n's build
/// adds every label to the household catalogue under this key (see [`all_labels`]).
pub fn label_key(id: u16) -> String {
    format!("rule_label_{id:03}")
}

/// Every label as (number, Vietnamese, English), for the catalogue's build.
pub fn all_labels() -> impl Iterator<Item = (u16, &'static str, &'static str)> {
    let count = data::LABELS
        .split('\u{1e}')
        .next()
        .unwrap_or_default()
        .matches('\u{1f}')
        .count();
    (0..count as u16).map(|id| (id, label(id, 0), label(id, 1)))
}

/// `label_vi` / `label_en` for the rule entries that carry a wording.
macro_rules! labelled {
    ($($entry:ty),+) => {$(
        impl $entry {
            /// The entry's wording in Vietnamese.
            pub fn label_vi(&self) -> &'static str {
                label(self.label, 0)
            }

            /// The entry's wording in English.
            pub fn label_en(&self) -> &'static str {
                label(self.label, 1)
            }

            /// The entry's wording as a key of the household page's catalogue (see
            /// [`label_key`]): the page shows it through its catalogue, so the English wording
            /// is downloaded with the other English texts instead of compiled in.
            pub fn label_key(&self) -> String {
                label_key(self.label)
            }
        }
    )+};
}

labelled!(
    IndicatorRule,
    InterpretationRule,
    RuleLabel,
    SupportRule,
    B1PointsRow
);

/// A support a household may receive (standard.md §4).
#[derive(Debug, Clone, Copy)]
pub struct SupportRule {
    pub key: &'static str,
    /// The entry's wording: see `label_vi` / `label_en`.
    label: u16,
    /// How it may apply to a poor household (`no` when it does not).
    pub poor: &'static str,
    pub near_poor: &'static str,
    /// A key naming the condition under which other households may get it, or `no`.
    pub other: &'static str,
    pub since: Date,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: Date,
}

/// Provenance of an official CSV table.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct TableRule {
    pub key: &'static str,
    pub file: &'static str,
    pub since: Date,
    pub until: Option<Date>,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: Date,
    /// Our English wording of the table's rows as (row key, label), by row key (b1-points.csv only).
    pub labels_en: List<(&'static str, &'static str)>,
}

/// The rank of school levels (interpretation `school_level_rank`).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SchoolLevelRank {
    pub since: Date,
    pub status: RuleStatus,
    pub interpretation: &'static str,
    pub reference: Reference,
    pub reviewed_on: Date,
    /// (school level key, rank), by key.
    pub values: List<(&'static str, i8)>,
}

/// One row of `b1-points.csv`.
#[derive(Debug, Clone, Copy)]
pub struct B1PointsRow {
    pub item: u8,
    pub key: &'static str,
    /// The row's wording: the form's (Vietnamese, authoritative) and ours in English
    /// (data/tables.toml): see `label_vi` / `label_en`.
    label: u16,
    /// Points by column: the six rural regions in `Region` order, then urban.
    pub points: [i16; 7],
}

/// One row of `nutrition-cutoffs.csv`.
#[derive(Debug, Clone, Copy)]
pub struct NutritionCutoff {
    pub age_months: u16,
    /// Weight boy, weight girl (kg), height boy, height girl (cm), in whole hundredths, 0 where
    /// the table has no value: two bytes a cut-off instead of an `Option<f64>`'s sixteen.
    /// build.rs checks that `hundredths / 100.0` is the very number of the CSV cell.
    hundredths: [u16; 4],
}

impl NutritionCutoff {
    fn cut_off(&self, column: usize) -> Option<f64> {
        match self.hundredths[column] {
            0 => None,
            h => Some(f64::from(h) / 100.0),
        }
    }

    pub fn weight_kg_boy(&self) -> Option<f64> {
        self.cut_off(0)
    }

    pub fn weight_kg_girl(&self) -> Option<f64> {
        self.cut_off(1)
    }

    pub fn height_cm_boy(&self) -> Option<f64> {
        self.cut_off(2)
    }

    pub fn height_cm_girl(&self) -> Option<f64> {
        self.cut_off(3)
    }
}

/// Every rule the engine uses, with its provenance.
///
/// The entries a page shows or the engine applies are fields; the rest of the rule data
/// (parameter descriptions and per-value provenance, table metadata, the school-level rank
/// entry) is reached through methods, so a program that never calls them (the household page)
/// does not carry those texts: the thresholds it needs were resolved from them at compile time.
#[derive(Debug)]
pub struct RuleBook {
    /// A content hash of the rule data, recorded in explanations.
    pub version: &'static str,
    pub editions: List<Edition>,
    pub indicators: List<IndicatorRule>,
    pub supports: List<SupportRule>,
    /// The rows of `b1-points.csv`, in `B1Row` order.
    pub b1_points: List<B1PointsRow>,
    /// Extra points of an urban household by region (`b1-urban-region-points.csv`), in `Region` order.
    pub b1_urban_region_points: [i16; 7],
    pub nutrition_cutoffs: List<NutritionCutoff>,
    pub compiled: Compiled,
}

/// Lookups precomputed from the tables.
#[derive(Debug)]
pub struct Compiled {
    /// For each age in months 0..=192, the index of the nutrition row to use.
    pub nutrition_row: [u8; 193],
    /// School level rank by `SchoolLevel as usize`.
    pub school_rank: [i8; 8],
    /// Indicator rule index by `Indicator as usize`.
    pub indicator_rule: [usize; 13],
}

impl RuleBook {
    /// The rule entry of an indicator.
    pub fn indicator(&self, indicator: Indicator) -> &'static IndicatorRule {
        &self.indicators.0[self.compiled.indicator_rule[indicator as usize]]
    }

    /// Every [interpretation] entry, with its provenance.
    pub fn interpretations(&self) -> List<InterpretationRule> {
        List(data::INTERPRETATIONS)
    }

    /// The rule entry of an interpretation, by key.
    pub fn interpretation(&self, key: &str) -> Option<&'static InterpretationRule> {
        data::INTERPRETATIONS.iter().find(|i| i.key == key)
    }

    /// The wording of an interpretation, by key (what the result page lists, without the
    /// provenance it does not show).
    pub fn interpretation_label(&self, key: &str) -> Option<&'static RuleLabel> {
        data::INTERPRETATION_LABELS.iter().find(|l| l.key == key)
    }

    /// The provenance of b1-points.csv.
    pub fn b1_reference(&self) -> &'static Reference {
        &B1_REFERENCE
    }

    /// The provenance of b1-urban-region-points.csv.
    pub fn urban_region_reference(&self) -> &'static Reference {
        &URBAN_REGION_REFERENCE
    }

    /// The legal source of Phiếu A: the reference of the first value of `screening_stop_count`.
    pub fn screening_reference(&self) -> &'static Reference {
        &SCREENING_REFERENCE
    }

    /// Every parameter as (key, parameter), by key.
    pub fn parameters(&self) -> List<(&'static str, Parameter)> {
        List(data::PARAMETERS)
    }

    /// A named parameter.
    pub fn parameter(&self, key: &str) -> Option<&'static Parameter> {
        data::PARAMETERS
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| p)
    }

    /// The provenance of the official CSV tables (data/tables.toml).
    pub fn tables(&self) -> List<TableRule> {
        List(data::TABLES)
    }

    /// The rank of school levels (interpretation `school_level_rank`); the engine uses the
    /// ranks compiled from it.
    pub fn school_level_rank(&self) -> &'static SchoolLevelRank {
        &data::SCHOOL_LEVEL_RANK
    }

    /// Points of a B1 row in a column (0-5 rural regions, 6 urban).
    pub fn b1_points(&self, row: B1Row, column: usize) -> i64 {
        self.b1_points.0[row as usize].points[column] as i64
    }
}

/// Thresholds in force during one period of an edition, resolved from the dated parameters.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// By area: [rural, urban].
    pub income_line: [i64; 2],
    pub average_living: Option<[i64; 2]>,
    pub low_income_worker: Option<[i64; 2]>,
    pub poor_min_deprivations: i64,
    pub employment_min_age: i32,
    pub dependant_child_under_age: i32,
    pub dependants_max_share_percent: i64,
    pub nutrition_stunting_under_months: i32,
    pub nutrition_underweight_under_months: i32,
    pub health_insurance_min_age: i32,
    pub adult_education_min_age: i32,
    pub adult_education_upper_secondary_from_age: i32,
    pub adult_education_under_age: i32,
    pub child_schooling_min_age: i32,
    pub child_schooling_under_age: i32,
    pub school_year_start_month: u8,
    pub school_age_primary: i32,
    pub school_age_lower_secondary: i32,
    pub school_age_upper_secondary: i32,
    pub housing_quality_min_non_durable_parts: u8,
    pub housing_area_min_per_person_m2: f64,
    /// Present when the edition classifies by the official review method.
    pub score: Option<ScoreThresholds>,
}

/// Thresholds of the official review method (Phiếu A, B1, B2).
#[derive(Debug, Clone, Copy)]
pub struct ScoreThresholds {
    pub score_a_threshold: [i64; 2],
    pub score_b_poor_threshold: i64,
    pub score_b_points_per_indicator: i64,
    pub screening_stop_count: u8,
    pub screening_electricity_kwh: f64,
    pub screening_living_area_per_person_m2: f64,
    pub working_age_min: i32,
    pub retirement_base_year: i32,
    /// [men, women]: base months, step months, maximum months.
    pub retirement: [(i32, i32, i32); 2],
    pub household_size_max_row: u32,
    pub workers_max_row: u32,
    pub living_area_per_person_m2: [f64; 3],
    pub electricity_kwh: [f64; 4],
    pub garden_m2: [f64; 2],
    pub annual_crops_m2: f64,
    pub perennial_crops_m2: [f64; 2],
    pub water_surface_m2: [f64; 2],
    pub forest_m2: [f64; 2],
    pub pig_goat_sheep_min_head: u32,
    pub poultry_min_head: u32,
}

impl ScoreThresholds {
    /// Statutory retirement age in months in `year` (Nghị định 135/2020), `female` selecting the
    /// women's schedule.
    pub fn retirement_age_months(&self, year: i32, female: bool) -> i32 {
        let (base, step, max) = self.retirement[female as usize];
        let years = (year - self.retirement_base_year).max(0);
        (base + step * years).min(max)
    }
}

macro_rules! b1_rows {
    ($($variant:ident => $key:literal),+ $(,)?) => {
        /// The rows of Phiếu B1 the engine knows how to apply (keys of `b1-points.csv`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum B1Row { $($variant),+ }
        impl B1Row {
            pub const ALL: &'static [B1Row] = &[$(B1Row::$variant),+];
            /// The row key in `b1-points.csv`.
            pub const fn key(self) -> &'static str { match self { $(B1Row::$variant => $key),+ } }
        }
    };
}

b1_rows! {
    Size1 => "size_1", Size2 => "size_2", Size3 => "size_3", Size4 => "size_4", Size5 => "size_5",
    Size6 => "size_6", Size7 => "size_7",
    Workers1 => "workers_1", Workers2 => "workers_2", Workers3 => "workers_3", Workers4 => "workers_4",
    Workers5Plus => "workers_5plus",
    Dependants0 => "dependants_0", Dependants1 => "dependants_1",
    DegreeCollegeOrUniversity => "degree_college_or_university",
    DegreeIntermediateVocational => "degree_intermediate_vocational",
    DegreeElementaryVocational => "degree_elementary_vocational",
    NonfarmCivilServant => "nonfarm_civil_servant", NonfarmLabourContract => "nonfarm_labour_contract",
    NonfarmHiredOrOwnBusiness => "nonfarm_hired_or_own_business",
    Pension1 => "pension_1", Pension2Plus => "pension_2plus",
    WallDurable => "wall_durable", ColumnDurable => "column_durable",
    Area20To30 => "area_20_to_30", Area30To40 => "area_30_to_40", Area40Plus => "area_40plus",
    Power25To50 => "power_25_to_50", Power50To100 => "power_50_to_100",
    Power100To150 => "power_100_to_150", Power150Plus => "power_150plus",
    WaterPipedBottledBought => "water_piped_bottled_bought", WaterDrilledWell => "water_drilled_well",
    WaterProtectedWellOrSpring => "water_protected_well_or_spring",
    LatrineSepticOrSemiSeptic => "latrine_septic_or_semi_septic",
    AssetCar => "asset_car", AssetMotorbike1 => "asset_motorbike_1", AssetMotorbike2 => "asset_motorbike_2",
    AssetMotorbike3Plus => "asset_motorbike_3plus", AssetMotorBoat => "asset_motor_boat",
    AssetPrinterFax => "asset_printer_fax", AssetColourTv1 => "asset_colour_tv_1",
    AssetColourTv2Plus => "asset_colour_tv_2plus", AssetSoundSystem => "asset_sound_system",
    AssetComputer => "asset_computer", AssetFridge => "asset_fridge",
    AssetAirConditioner1 => "asset_air_conditioner_1", AssetAirConditioner2Plus => "asset_air_conditioner_2plus",
    AssetWashingMachine => "asset_washing_machine", AssetWaterHeater => "asset_water_heater",
    AssetMicrowaveOven => "asset_microwave_oven",
    LandGarden300To500 => "land_garden_300_to_500", LandGarden500Plus => "land_garden_500plus",
    LandAnnualCrops5000Plus => "land_annual_crops_5000plus",
    LandPerennial1000To5000 => "land_perennial_1000_to_5000", LandPerennial5000Plus => "land_perennial_5000plus",
    LandWaterSurface500To5000 => "land_water_surface_500_to_5000",
    LandWaterSurface5000Plus => "land_water_surface_5000plus",
    LandForest5000To10000 => "land_forest_5000_to_10000", LandForest10000Plus => "land_forest_10000plus",
    LivestockBuffaloCowHorse1 => "livestock_buffalo_cow_horse_1",
    LivestockBuffaloCowHorse2 => "livestock_buffalo_cow_horse_2",
    LivestockBuffaloCowHorse3Plus => "livestock_buffalo_cow_horse_3plus",
    LivestockPigGoatSheep10Plus => "livestock_pig_goat_sheep_10plus",
    LivestockPoultry100Plus => "livestock_poultry_100plus",
    Aquaculture => "aquaculture",
}

impl B1Row {
    /// The B1 item (1-14) the row belongs to, from the table (stored in `B1Row` order).
    pub fn item(self) -> u8 {
        rules().b1_points[self as usize].item
    }
}

/// The column of Phiếu B1 for a household: 0-5 the rural regions, 6 urban.
pub fn b1_column(urban: bool, region: Region) -> usize {
    if urban {
        6
    } else {
        region as usize
    }
}

/// The rule data.
pub fn rules() -> &'static RuleBook {
    &RULES
}

/// The edition that applies to an assessment dated `date`, if any.
pub fn edition_for(date: Date) -> Option<&'static Edition> {
    rules()
        .editions
        .0
        .iter()
        .find(|e| e.since <= date && date <= e.until)
}

/// The assessment dates the rule data covers: from the first edition's first day to the last
/// edition's last day (the build refuses editions out of date order). The one statement of
/// which dates the app, the engine and their messages accept.
pub fn assessment_dates() -> std::ops::RangeInclusive<Date> {
    let editions = &rules().editions.0;
    match (editions.first(), editions.last()) {
        (Some(first), Some(last)) => first.since..=last.until,
        _ => unreachable!("the build refuses rule data without editions"),
    }
}

/// The edition that starts in the calendar year after `date`'s, if any: during that year the app
/// announces it (the start page's note) and shows the household under it too (the result page).
pub fn next_edition_after(date: Date) -> Option<&'static Edition> {
    rules()
        .editions
        .iter()
        .find(|e| e.since > date && e.since.year() == date.year() + 1)
}

/// For a date whose edition has no review method (classification by income: 2027-2030 until its
/// circular is published), the last edition before it that has one: the commune's current lists
/// were made with it (the 2026 review used the 2022-2025 forms, Nghị định 351/2025/NĐ-CP Art.
/// 4(a)), so the result page shows the household under both.
pub fn review_edition_before(date: Date) -> Option<&'static Edition> {
    if edition_for(date)?.classification != ClassificationMethod::Income {
        return None;
    }
    rules()
        .editions
        .iter()
        .rev()
        .find(|e| e.until < date && e.classification == ClassificationMethod::Score)
}

/// The income lines per person per month, [rural, urban], in force on `date`: the thresholds
/// the edition of that day resolved from `income_line_rural` / `income_line_urban`.
pub fn income_lines_on(date: Date) -> Option<[i64; 2]> {
    edition_for(date).map(|e| e.thresholds_on(date).income_line)
}

// Everything below runs in const evaluation while the crate compiles: a `refuse` reached there stops
// the build with its message (the same functions run in unit tests, where it panics).

static B1_POINTS: [B1PointsRow; B1Row::ALL.len()] = b1_rows_in_engine_order(data::B1_POINTS);

static RULES: RuleBook = RuleBook {
    version: data::VERSION,
    editions: List(data::EDITIONS),
    indicators: List(data::INDICATORS),
    supports: List(data::SUPPORTS),
    b1_points: List(&B1_POINTS),
    b1_urban_region_points: urban_region_points(data::B1_URBAN_REGION_POINTS),
    nutrition_cutoffs: List(data::NUTRITION_CUTOFFS),
    compiled: Compiled {
        nutrition_row: nutrition_rows(data::NUTRITION_CUTOFFS),
        school_rank: school_ranks(data::SCHOOL_LEVEL_RANK.values.0),
        indicator_rule: indicator_rules(data::INDICATORS),
    },
};

// Copies made at compile time, so that the explanations' references do not keep the whole
// parameter and table lists in the program.
static B1_REFERENCE: Reference = data::TABLES[table_index(data::TABLES, "b1_points")].reference;
static URBAN_REGION_REFERENCE: Reference =
    data::TABLES[table_index(data::TABLES, "b1_urban_region_points")].reference;
static SCREENING_REFERENCE: Reference =
    first_value_reference(data::PARAMETERS, "screening_stop_count");

/// String equality usable in const evaluation.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Refuses the rule data with a message made of `parts` (const evaluation cannot `format!`).
const fn refuse(parts: &[&str]) -> ! {
    let mut text = [0u8; 400];
    let mut n = 0;
    let mut i = 0;
    while i < parts.len() {
        let bytes = parts[i].as_bytes();
        let mut j = 0;
        while j < bytes.len() && n < text.len() {
            text[n] = bytes[j];
            n += 1;
            j += 1;
        }
        i += 1;
    }
    match std::str::from_utf8(text.split_at(n).0) {
        Ok(message) => panic!("{}", message),
        Err(_) => panic!("rule data refused (the message was cut)"),
    }
}

/// The rows of b1-points.csv in `B1Row` order; every row the engine applies must be there, and
/// no other, and the point columns must follow `Region`.
const fn b1_rows_in_engine_order(rows: &[B1PointsRow]) -> [B1PointsRow; B1Row::ALL.len()] {
    let mut c = 0;
    while c < 6 {
        if !is_rural_column(data::B1_COLUMNS[c], Region::ALL[c].key()) {
            refuse(&[
                "rules/b1-points.csv: point column ",
                data::B1_COLUMNS[c],
                " is not the rural column of region ",
                Region::ALL[c].key(),
                " (the columns must follow the engine's Region order)",
            ]);
        }
        c += 1;
    }
    if !same(data::B1_COLUMNS[6], "urban") {
        refuse(&["rules/b1-points.csv: the last point column must be urban"]);
    }
    const NONE: B1PointsRow = B1PointsRow {
        item: 0,
        key: "",
        label: 0,
        points: [0; 7],
    };
    let mut out = [NONE; B1Row::ALL.len()];
    let mut i = 0;
    while i < B1Row::ALL.len() {
        let key = B1Row::ALL[i].key();
        let mut j = 0;
        while j < rows.len() && !same(rows[j].key, key) {
            j += 1;
        }
        if j == rows.len() {
            refuse(&[
                "rules/b1-points.csv: no row with key ",
                key,
                " (a Phiếu B1 row the engine applies)",
            ]);
        }
        out[i] = rows[j];
        i += 1;
    }
    let mut j = 0;
    while j < rows.len() {
        let mut i = 0;
        while i < B1Row::ALL.len() && !same(rows[j].key, B1Row::ALL[i].key()) {
            i += 1;
        }
        if i == B1Row::ALL.len() {
            refuse(&[
                "rules/b1-points.csv: row ",
                rows[j].key,
                " is not a Phiếu B1 row the engine knows (add it to B1Row in src/engine/rules.rs)",
            ]);
        }
        j += 1;
    }
    out
}

/// Whether `column` is `rural_` followed by the region key.
const fn is_rural_column(column: &str, region: &str) -> bool {
    let (column, region, prefix) = (column.as_bytes(), region.as_bytes(), b"rural_");
    if column.len() != prefix.len() + region.len() {
        return false;
    }
    let mut i = 0;
    while i < column.len() {
        let expected = if i < prefix.len() {
            prefix[i]
        } else {
            region[i - prefix.len()]
        };
        if column[i] != expected {
            return false;
        }
        i += 1;
    }
    true
}

/// The extra points of an urban household by `Region`.
const fn urban_region_points(rows: &[(&str, i16)]) -> [i16; 7] {
    let mut out = [0i16; 7];
    let mut r = 0;
    while r < Region::ALL.len() {
        let key = Region::ALL[r].key();
        let mut j = 0;
        while j < rows.len() && !same(rows[j].0, key) {
            j += 1;
        }
        if j == rows.len() {
            refuse(&["rules/b1-urban-region-points.csv: no row for region ", key]);
        }
        out[r] = rows[j].1;
        r += 1;
    }
    let mut j = 0;
    while j < rows.len() {
        let mut r = 0;
        while r < Region::ALL.len() && !same(rows[j].0, Region::ALL[r].key()) {
            r += 1;
        }
        if r == Region::ALL.len() {
            refuse(&[
                "rules/b1-urban-region-points.csv: ",
                rows[j].0,
                " is not a region the engine knows (Region in crates/rules/src/vocabulary.rs)",
            ]);
        }
        j += 1;
    }
    out
}

/// For each age in months up to 192, the row of the largest listed age not above it
/// (interpretation `nutrition_row_largest_age_not_above`; build.rs checks the ages start at 0 and
/// increase).
const fn nutrition_rows(rows: &[NutritionCutoff]) -> [u8; 193] {
    let mut out = [0u8; 193];
    let mut m = 0;
    let mut row = 0;
    while m < out.len() {
        while row + 1 < rows.len() && rows[row + 1].age_months as usize <= m {
            row += 1;
        }
        out[m] = row as u8;
        m += 1;
    }
    out
}

/// The rank of each `SchoolLevel`.
const fn school_ranks(values: &[(&str, i8)]) -> [i8; 8] {
    let mut out = [0i8; 8];
    let mut l = 0;
    while l < SchoolLevel::ALL.len() {
        let key = SchoolLevel::ALL[l].key();
        let mut j = 0;
        while j < values.len() && !same(values[j].0, key) {
            j += 1;
        }
        if j == values.len() {
            refuse(&[
                "rules/interpretations.toml [school_level_rank]: no rank for school level ",
                key,
            ]);
        }
        out[l] = values[j].1;
        l += 1;
    }
    let mut j = 0;
    while j < values.len() {
        let mut l = 0;
        while l < SchoolLevel::ALL.len() && !same(values[j].0, SchoolLevel::ALL[l].key()) {
            l += 1;
        }
        if l == SchoolLevel::ALL.len() {
            refuse(&[
                "rules/interpretations.toml [school_level_rank]: ",
                values[j].0,
                " is not a school level the engine knows (SchoolLevel in src/engine/household.rs)",
            ]);
        }
        j += 1;
    }
    out
}

/// The index of each `Indicator`'s entry in indicators.toml.
const fn indicator_rules(rules: &[IndicatorRule]) -> [usize; 13] {
    let mut out = [0usize; 13];
    let mut i = 0;
    while i < Indicator::ALL.len() {
        out[i] = indicator_entry(rules, Indicator::ALL[i].key());
        i += 1;
    }
    out
}

const fn indicator_entry(rules: &[IndicatorRule], key: &str) -> usize {
    let mut j = 0;
    while j < rules.len() {
        if same(rules[j].key, key) {
            return j;
        }
        j += 1;
    }
    refuse(&["rules/indicators.toml: no [[indicator]] entry for ", key])
}

/// An edition's indicator keys as `Indicator`s.
const fn indicator_set<const N: usize>(edition: &str, keys: [&str; N]) -> [Indicator; N] {
    let mut out = [Indicator::Employment; N];
    let mut i = 0;
    while i < N {
        let mut j = 0;
        while j < Indicator::ALL.len() && !same(Indicator::ALL[j].key(), keys[i]) {
            j += 1;
        }
        if j == Indicator::ALL.len() {
            refuse(&[
                "rules/editions.toml edition ",
                edition,
                ": indicator ",
                keys[i],
                " is not one the engine knows",
            ]);
        }
        out[i] = Indicator::ALL[j];
        i += 1;
    }
    out
}

/// The index in tables.toml of the table with `key`.
const fn table_index(tables: &[TableRule], key: &str) -> usize {
    let mut i = 0;
    while i < tables.len() {
        if same(tables[i].key, key) {
            return i;
        }
        i += 1;
    }
    refuse(&["rules/tables.toml: no [[table]] with key ", key])
}

/// The reference of the first value of parameter `key`.
const fn first_value_reference(parameters: &[(&str, Parameter)], key: &str) -> Reference {
    let mut i = 0;
    while i < parameters.len() {
        let (name, parameter) = &parameters[i];
        if same(name, key) {
            if parameter.values.0.is_empty() {
                refuse(&["rules/parameters.toml [", key, "]: no values"]);
            }
            return parameter.values.0[0].reference;
        }
        i += 1;
    }
    refuse(&[
        "rules/parameters.toml: no [",
        key,
        "] (the engine needs it)",
    ])
}

/// Parameter values in force on one day of an edition, for `resolve`.
struct Lookup {
    parameters: &'static [(&'static str, Parameter)],
    edition: &'static str,
    on: Date,
}

impl Lookup {
    /// The value of `key` in force on the day, if any; a key that is not in parameters.toml at all
    /// is refused.
    const fn value(&self, key: &str) -> Option<ParamValue> {
        let mut i = 0;
        while i < self.parameters.len() {
            let (name, parameter) = &self.parameters[i];
            if same(name, key) {
                let values = parameter.values.0;
                let mut v = 0;
                while v < values.len() {
                    if values[v].is_in_force_on(self.on) {
                        return Some(values[v].value);
                    }
                    v += 1;
                }
                return None;
            }
            i += 1;
        }
        refuse(&[
            "rules/parameters.toml: no [",
            key,
            "] (the engine needs it)",
        ])
    }

    const fn refuse(&self, key: &str, expected: &str) -> ! {
        let on = self.on.iso_bytes();
        let on = match std::str::from_utf8(&on) {
            Ok(on) => on,
            Err(_) => "?",
        };
        refuse(&[
            "rules/parameters.toml [",
            key,
            "]: expected ",
            expected,
            " in force on ",
            on,
            " (edition ",
            self.edition,
            ")",
        ])
    }

    const fn num(&self, key: &str) -> f64 {
        match self.value(key) {
            Some(ParamValue::Number(n)) => n,
            _ => self.refuse(key, "a number"),
        }
    }

    const fn int(&self, key: &str) -> i64 {
        let n = self.num(key);
        if n as i64 as f64 != n {
            self.refuse(key, "a whole number");
        }
        n as i64
    }

    /// A whole number when in force, else `None`.
    const fn opt_int(&self, key: &str) -> Option<i64> {
        match self.value(key) {
            Some(ParamValue::Number(n)) if n as i64 as f64 == n => Some(n as i64),
            Some(_) => self.refuse(key, "a whole number"),
            None => None,
        }
    }

    /// Both of a rural/urban pair, or `None` when neither is in force.
    const fn pair(&self, rural: &str, urban: &str) -> Option<[i64; 2]> {
        match (self.opt_int(rural), self.opt_int(urban)) {
            (Some(r), Some(u)) => Some([r, u]),
            (None, None) => None,
            (None, Some(_)) => self.refuse(rural, "a value (as its urban pair has)"),
            (Some(_), None) => self.refuse(urban, "a value (as its rural pair has)"),
        }
    }

    const fn list<const N: usize>(&self, key: &str, expected: &str) -> [f64; N] {
        match self.value(key) {
            Some(ParamValue::List(l)) if l.len() == N => {
                let mut out = [0.0; N];
                let mut i = 0;
                while i < N {
                    out[i] = l[i];
                    i += 1;
                }
                out
            }
            _ => self.refuse(key, expected),
        }
    }
}

/// The thresholds in force on `on`, the first day of a period of `edition` (build.rs lists the
/// periods). Every parameter the engine reads must have a value of the right shape that day.
const fn resolve(
    parameters: &'static [(&'static str, Parameter)],
    edition: &'static str,
    classification: ClassificationMethod,
    on: Date,
) -> Thresholds {
    let p = Lookup {
        parameters,
        edition,
        on,
    };
    let score = match classification {
        ClassificationMethod::Income => None,
        ClassificationMethod::Score => Some(ScoreThresholds {
            score_a_threshold: [
                p.int("score_a_threshold_rural"),
                p.int("score_a_threshold_urban"),
            ],
            score_b_poor_threshold: p.int("score_b_poor_threshold"),
            score_b_points_per_indicator: p.int("score_b_points_per_indicator"),
            screening_stop_count: p.int("screening_stop_count") as u8,
            screening_electricity_kwh: p.num("screening_electricity_kwh"),
            screening_living_area_per_person_m2: p.num("screening_living_area_per_person_m2"),
            working_age_min: p.int("working_age_min") as i32,
            retirement_base_year: p.int("retirement_base_year") as i32,
            retirement: [
                (
                    p.int("retirement_men_base_months") as i32,
                    p.int("retirement_men_step_months") as i32,
                    p.int("retirement_men_max_months") as i32,
                ),
                (
                    p.int("retirement_women_base_months") as i32,
                    p.int("retirement_women_step_months") as i32,
                    p.int("retirement_women_max_months") as i32,
                ),
            ],
            household_size_max_row: p.int("b1_household_size_max_row") as u32,
            workers_max_row: p.int("b1_workers_max_row") as u32,
            living_area_per_person_m2: p
                .list("b1_living_area_per_person_m2", "a list of 3 numbers"),
            electricity_kwh: p.list("b1_electricity_kwh", "a list of 4 numbers"),
            garden_m2: p.list("b1_garden_m2", "a list of 2 numbers"),
            annual_crops_m2: p.list::<1>("b1_annual_crops_m2", "a list of 1 number")[0],
            perennial_crops_m2: p.list("b1_perennial_crops_m2", "a list of 2 numbers"),
            water_surface_m2: p.list("b1_water_surface_m2", "a list of 2 numbers"),
            forest_m2: p.list("b1_forest_m2", "a list of 2 numbers"),
            pig_goat_sheep_min_head: p.int("b1_pig_goat_sheep_min_head") as u32,
            poultry_min_head: p.int("b1_poultry_min_head") as u32,
        }),
    };
    Thresholds {
        income_line: [p.int("income_line_rural"), p.int("income_line_urban")],
        average_living: p.pair("average_living_rural", "average_living_urban"),
        low_income_worker: p.pair("low_income_worker_rural", "low_income_worker_urban"),
        poor_min_deprivations: p.int("poor_min_deprivations"),
        employment_min_age: p.int("employment_min_age") as i32,
        dependant_child_under_age: p.int("dependant_child_under_age") as i32,
        dependants_max_share_percent: p.int("dependants_max_share_percent"),
        nutrition_stunting_under_months: p.int("nutrition_stunting_under_months") as i32,
        nutrition_underweight_under_months: p.int("nutrition_underweight_under_months") as i32,
        health_insurance_min_age: p.int("health_insurance_min_age") as i32,
        adult_education_min_age: p.int("adult_education_min_age") as i32,
        adult_education_upper_secondary_from_age: p.int("adult_education_upper_secondary_from_age")
            as i32,
        adult_education_under_age: p.int("adult_education_under_age") as i32,
        child_schooling_min_age: p.int("child_schooling_min_age") as i32,
        child_schooling_under_age: p.int("child_schooling_under_age") as i32,
        school_year_start_month: p.int("school_year_start_month") as u8,
        school_age_primary: p.int("school_age_primary") as i32,
        school_age_lower_secondary: p.int("school_age_lower_secondary") as i32,
        school_age_upper_secondary: p.int("school_age_upper_secondary") as i32,
        housing_quality_min_non_durable_parts: p.int("housing_quality_min_non_durable_parts") as u8,
        housing_area_min_per_person_m2: p.num("housing_area_min_per_person_m2"),
        score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn the_embedded_rules_load_and_cover_both_editions() {
        let rules = rules();
        assert_eq!(rules.editions.len(), 2);
        assert_eq!(rules.version.len(), 16);
        assert_eq!(rules.b1_points.len(), B1Row::ALL.len());
    }

    #[test]
    fn interpretation_labels_are_those_of_the_entries() {
        let r = rules();
        assert_eq!(data::INTERPRETATION_LABELS.len(), r.interpretations().len());
        for i in &r.interpretations() {
            let label = r.interpretation_label(i.key).unwrap();
            assert_eq!(
                (label.label_vi(), label.label_en()),
                (i.label_vi(), i.label_en()),
                "{}",
                i.key
            );
        }
        assert!(r.interpretation_label("no_such_interpretation").is_none());
    }

    /// Every entry's labels are the ones its rule file gives it, read here as text (a TOML
    /// entry's block holds `label_vi = "…"` and `label_en = "…"`; a B1 row's CSV line holds its
    /// Vietnamese wording and tables.toml its English one), so the shared label table cannot
    /// give an entry another entry's words, in either language.
    #[test]
    fn every_label_is_its_entrys_own() {
        fn check(file: &str, header: &str, key: &str, vi: &str, en: &str) {
            let block = file
                .split(header)
                .find(|b| b.contains(&format!("\nkey = \"{key}\"\n")))
                .unwrap_or_else(|| panic!("no {header} block for {key}"));
            assert!(
                block.contains(&format!("\nlabel_vi = \"{vi}\"\n")),
                "{key}: {vi}"
            );
            assert!(
                block.contains(&format!("\nlabel_en = \"{en}\"\n")),
                "{key}: {en}"
            );
        }
        let r = rules();
        let file = include_str!("../data/indicators.toml");
        for i in &r.indicators {
            check(file, "[[indicator]]", i.key, i.label_vi(), i.label_en());
        }
        let file = include_str!("../data/interpretations.toml");
        for i in &r.interpretations() {
            check(
                file,
                "[[interpretation]]",
                i.key,
                i.label_vi(),
                i.label_en(),
            );
        }
        let file = include_str!("../data/supports.toml");
        for s in &r.supports {
            check(file, "[[support]]", s.key, s.label_vi(), s.label_en());
        }
        let csv = include_str!("../data/b1-points.csv");
        let tables = include_str!("../data/tables.toml");
        for row in &r.b1_points {
            let line = csv
                .lines()
                .find(|l| l.split(',').nth(1) == Some(row.key))
                .unwrap_or_else(|| panic!("no CSV line for {}", row.key));
            let vi = row.label_vi();
            assert!(
                line.contains(&format!(",{vi},")) || line.contains(&format!(",\"{vi}\",")),
                "{}: {vi}",
                row.key
            );
            let en = format!("\n{} = \"{}\"\n", row.key, row.label_en());
            assert!(tables.contains(&en), "{en}");
        }
        let labels = r.indicators.len() + r.interpretations().len() + r.supports.len();
        assert_eq!(
            data::LABELS.matches('\u{1f}').count(),
            2 * (labels + r.b1_points.len()),
            "one label per entry and language"
        );
    }

    #[test]
    fn every_edition_has_its_own_provenance() {
        let r = rules();
        assert_eq!(data::EDITION_PROVENANCE.len(), r.editions.len());
        for e in &r.editions {
            assert_eq!(e.provenance().key, e.key);
            assert!(!e.provenance().reference.document.is_empty());
        }
        // 2022-2025 is kept in force through 2026 by a later text.
        let current = edition_for(d("2026-06-01")).unwrap().provenance();
        assert_eq!(current.extension.map(|x| x.until), Some(d("2026-12-31")));
        assert!(edition_for(d("2027-06-01"))
            .unwrap()
            .provenance()
            .extension
            .is_none());
    }

    /// The covered dates are the editions' own: every day from the first edition's `since` to
    /// the last one's `until` has an edition, and the days just outside have none.
    #[test]
    fn the_assessment_dates_are_the_editions() {
        let range = assessment_dates();
        let editions = &rules().editions;
        assert_eq!(*range.start(), editions.first().unwrap().since);
        assert_eq!(*range.end(), editions.last().unwrap().until);
        let mut day = *range.start();
        let mut n_days = 0;
        while day <= *range.end() {
            assert!(edition_for(day).is_some(), "{day}");
            day = day.succ();
            n_days += 1;
        }
        assert!(n_days > 365, "{n_days}");
        assert!(edition_for(day).is_none(), "{day}");
        assert!(edition_for(range.start().pred()).is_none());
        assert!(editions
            .iter()
            .all(|e| range.contains(&e.since) && range.contains(&e.until)));
    }

    #[test]
    fn editions_switch_on_2027_01_01() {
        assert_eq!(edition_for(d("2026-12-31")).unwrap().key, "2022-2025");
        assert_eq!(edition_for(d("2027-01-01")).unwrap().key, "2027-2030");
        assert_eq!(edition_for(d("2022-01-01")).unwrap().key, "2022-2025");
        assert!(edition_for(d("2021-12-31")).is_none());
        assert!(edition_for(d("2031-01-01")).is_none());
    }

    #[test]
    fn the_next_edition_is_announced_in_the_year_before_it_starts() {
        assert_eq!(
            next_edition_after(d("2026-01-01")).unwrap().key,
            "2027-2030"
        );
        assert_eq!(
            next_edition_after(d("2026-12-31")).unwrap().key,
            "2027-2030"
        );
        assert!(next_edition_after(d("2025-12-31")).is_none());
        assert!(next_edition_after(d("2027-01-01")).is_none());
        assert!(next_edition_after(d("2030-06-01")).is_none());
    }

    #[test]
    fn from_2027_the_last_review_method_is_shown_beside_the_new_standard() {
        assert!(review_edition_before(d("2026-12-31")).is_none());
        assert_eq!(
            review_edition_before(d("2027-01-01")).unwrap().key,
            "2022-2025"
        );
        assert_eq!(
            review_edition_before(d("2030-12-31")).unwrap().until,
            d("2026-12-31")
        );
        assert!(review_edition_before(d("2031-01-01")).is_none());
    }

    #[test]
    fn thresholds_change_within_an_edition_on_their_dates() {
        let e = edition_for(d("2025-01-01")).unwrap();
        assert!(e.thresholds_on(d("2025-02-23")).low_income_worker.is_none());
        assert_eq!(
            e.thresholds_on(d("2025-02-24")).low_income_worker,
            Some([2_250_000, 3_000_000])
        );
        assert_eq!(
            e.thresholds_on(d("2026-12-31")).income_line,
            [1_500_000, 2_000_000]
        );
        let later = edition_for(d("2027-01-01"))
            .unwrap()
            .thresholds_on(d("2027-01-01"));
        assert_eq!(later.income_line, [2_200_000, 2_800_000]);
        assert!(later.score.is_none());
        assert!(later.average_living.is_none());
    }

    #[test]
    fn b1_points_come_from_the_csv_columns() {
        let r = rules();
        assert_eq!(r.b1_points(B1Row::Size1, 1), 90);
        assert_eq!(r.b1_points(B1Row::Size1, 6), 125);
        assert_eq!(r.b1_points(B1Row::AssetMotorbike3Plus, 3), 30);
        assert_eq!(r.b1_points(B1Row::Aquaculture, 6), 10);
        assert_eq!(B1Row::Aquaculture.item(), 14);
        assert_eq!(
            r.b1_urban_region_points[Region::CentrallyRunCity as usize],
            25
        );
    }

    #[test]
    fn nutrition_rows_use_the_largest_listed_age_not_above() {
        let c = &rules().compiled;
        let age = |m: usize| rules().nutrition_cutoffs[c.nutrition_row[m] as usize].age_months;
        assert_eq!(age(0), 0);
        assert_eq!(age(13), 12);
        assert_eq!(age(14), 12);
        assert_eq!(age(15), 15);
        assert_eq!(age(119), 114);
        assert_eq!(age(192), 192);
    }

    /// The compact cut-offs give back exactly the numbers of the CSV file, read here on its own.
    #[test]
    fn nutrition_cut_offs_are_the_csv_values() {
        let text = include_str!("../data/nutrition-cutoffs.csv");
        let rows = &rules().nutrition_cutoffs;
        let mut lines = text.lines().skip(1).filter(|l| !l.trim().is_empty());
        for row in rows {
            let line = lines.next().expect("a CSV line for every row");
            let cells: Vec<&str> = line.split(',').collect();
            let number =
                |i: usize| (!cells[i].is_empty()).then(|| cells[i].parse::<f64>().unwrap());
            assert_eq!(row.age_months.to_string(), cells[0], "{line}");
            assert_eq!(row.weight_kg_boy(), number(1), "{line}");
            assert_eq!(row.weight_kg_girl(), number(2), "{line}");
            assert_eq!(row.height_cm_boy(), number(3), "{line}");
            assert_eq!(row.height_cm_girl(), number(4), "{line}");
        }
        assert!(lines.next().is_none(), "every CSV line is a row");
        // The table has empty cells: the "no value" case is exercised too.
        assert!(rows
            .iter()
            .any(|r| r.height_cm_boy().is_none() || r.weight_kg_boy().is_none()));
    }

    #[test]
    fn retirement_age_follows_the_schedule() {
        let s = edition_for(d("2026-01-01"))
            .unwrap()
            .thresholds_on(d("2026-01-01"))
            .score
            .unwrap();
        assert_eq!(s.retirement_age_months(2021, false), 60 * 12 + 3);
        assert_eq!(s.retirement_age_months(2026, false), 61 * 12 + 6);
        assert_eq!(s.retirement_age_months(2030, false), 62 * 12);
        assert_eq!(s.retirement_age_months(2021, true), 55 * 12 + 4);
        assert_eq!(s.retirement_age_months(2026, true), 57 * 12);
        assert_eq!(s.retirement_age_months(2040, true), 60 * 12);
    }

    #[test]
    #[should_panic(
        expected = "rules/b1-points.csv: no row with key aquaculture (a Phiếu B1 row the engine applies)"
    )]
    fn a_broken_table_is_refused_with_its_name() {
        let mut rows = data::B1_POINTS.to_vec();
        for row in &mut rows {
            if row.key == "aquaculture" {
                row.key = "aquaculturex";
            }
        }
        b1_rows_in_engine_order(&rows);
    }

    #[test]
    #[should_panic(
        expected = "rules/parameters.toml [income_line_rural]: expected a number in force on 2031-01-01 (edition 2027-2030)"
    )]
    fn a_threshold_without_a_value_on_a_day_of_its_edition_is_refused() {
        resolve(
            data::PARAMETERS,
            "2027-2030",
            ClassificationMethod::Income,
            Date::ymd(2031, 1, 1),
        );
    }

    #[test]
    fn the_periods_build_rs_lists_give_every_day_its_thresholds() {
        for e in &rules().editions {
            assert_eq!(e.periods[0].0, e.since, "{}", e.key);
            let mut day = e.since;
            while day <= e.until {
                let expected = resolve(data::PARAMETERS, e.key, e.classification, day);
                assert_eq!(
                    format!("{:?}", e.thresholds_on(day)),
                    format!("{expected:?}"),
                    "{} on {day}",
                    e.key
                );
                day = day.succ();
            }
        }
    }
}
