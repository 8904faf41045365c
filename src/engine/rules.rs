//! The rule data embedded at build time (`rules/*.toml` + CSV tables → one JSON blob, see build.rs),
//! parsed once into typed structs and compiled into per-edition threshold periods and point tables,
//! so the hot path never looks a rule up by name.

use super::date::Date;
use super::household::Region;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The JSON written by build.rs.
const RULES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

/// How sure we are of a rule value (standard.md's labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    /// Read in an official text.
    Official,
    /// From news reports of a text we do not have.
    Reported,
    /// Our reading where the text is silent.
    Interpretation,
}

/// Where a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub document: String,
    pub article: String,
    /// Official Gazette (Công báo) issue and page, or "-" / a note when not available.
    pub gazette: String,
}

/// A parameter value: one number or a list of band limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ParamValue {
    Number(f64),
    List(Vec<f64>),
}

/// One dated value of a parameter (OpenFisca style).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedValue {
    pub since: Date,
    #[serde(default)]
    pub until: Option<Date>,
    pub value: ParamValue,
    pub status: RuleStatus,
    /// The interpretations.toml entry this value implements, if it is an interpretation.
    #[serde(default)]
    pub interpretation: Option<String>,
    pub reference: Reference,
    pub reviewed_on: Date,
}

impl DatedValue {
    /// Whether the value is in force on `date`.
    pub fn is_in_force_on(&self, date: Date) -> bool {
        self.since <= date && self.until.is_none_or(|until| date <= until)
    }
}

/// A named rule parameter with its dated values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    pub description: String,
    pub unit: String,
    pub values: Vec<DatedValue>,
}

impl Parameter {
    /// The value in force on `date`, if any.
    pub fn value_on(&self, date: Date) -> Option<&DatedValue> {
        self.values.iter().find(|v| v.is_in_force_on(date))
    }
}

/// How an edition decides `class`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClassificationMethod {
    /// The official review method: Phiếu A, score A, score B.
    Score,
    /// The decree's income definition (edition 2027-2030: no review method known).
    Income,
}

/// An edition of the standard.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Edition {
    pub key: String,
    pub since: Date,
    pub until: Date,
    /// True when the edition's rules are only reported, not read in an official text.
    pub provisional: bool,
    pub classification: ClassificationMethod,
    /// The indicator keys of this edition, in Phiếu B2 order.
    pub indicators: Vec<String>,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: Date,
    #[serde(default)]
    pub extension: Option<serde_json::Value>,
    /// Thresholds resolved for each period of the edition in which no value changes.
    #[serde(skip)]
    pub(crate) periods: Vec<(Date, Thresholds)>,
    /// The edition's indicators as typed keys.
    #[serde(skip)]
    pub(crate) indicator_set: Vec<crate::engine::Indicator>,
}

impl Edition {
    /// The thresholds in force on `date` (which must lie in the edition).
    pub(crate) fn thresholds_on(&self, date: Date) -> &Thresholds {
        let i = self.periods.partition_point(|(start, _)| *start <= date);
        &self.periods[i.saturating_sub(1)].1
    }
}

/// One deprivation indicator's rule entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRule {
    pub key: String,
    pub number: u8,
    pub label_vi: String,
    pub label_en: String,
    pub since: Date,
    #[serde(default)]
    pub until: Option<Date>,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: Date,
}

/// A reading of the rules where the text is silent ([interpretation]).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterpretationRule {
    pub key: String,
    pub label_vi: String,
    pub label_en: String,
    pub since: Date,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: Date,
}

/// A support a household may receive (standard.md §4).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportRule {
    pub key: String,
    pub label_vi: String,
    pub label_en: String,
    /// How it may apply to a poor household (`no` when it does not).
    pub poor: String,
    pub near_poor: String,
    /// A key naming the condition under which other households may get it, or `no`.
    pub other: String,
    pub since: Date,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: Date,
}

/// Provenance of an official CSV table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRule {
    pub key: String,
    pub file: String,
    pub since: Date,
    #[serde(default)]
    pub until: Option<Date>,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: Date,
    /// Our English wording of the table's rows, by row key (b1-points.csv only).
    #[serde(default)]
    pub labels_en: BTreeMap<String, String>,
}

/// The rank of school levels (interpretation `school_level_rank`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolLevelRank {
    pub since: Date,
    pub status: RuleStatus,
    pub interpretation: String,
    pub reference: Reference,
    pub reviewed_on: Date,
    pub values: BTreeMap<String, i8>,
}

/// One row of `b1-points.csv`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct B1PointsRow {
    #[serde(rename = "item")]
    pub item: u8,
    pub key: String,
    pub label_vi: String,
    /// Our English wording of the row (rules/tables.toml); the Vietnamese form wording is
    /// authoritative.
    pub label_en: String,
    /// Points by column: the six rural regions in `Region` order, then urban.
    #[serde(skip_deserializing)]
    pub points: [i16; 7],
}

/// One row of `nutrition-cutoffs.csv`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NutritionCutoff {
    pub age_months: u16,
    pub weight_kg_boy: Option<f64>,
    pub weight_kg_girl: Option<f64>,
    pub height_cm_boy: Option<f64>,
    pub height_cm_girl: Option<f64>,
}

/// Every rule the engine uses, with its provenance.
#[derive(Debug, Serialize)]
pub struct RuleBook {
    /// A content hash of the rule data, recorded in explanations.
    pub version: String,
    pub editions: Vec<Edition>,
    pub parameters: BTreeMap<String, Parameter>,
    pub indicators: Vec<IndicatorRule>,
    pub interpretations: Vec<InterpretationRule>,
    pub school_level_rank: SchoolLevelRank,
    pub supports: Vec<SupportRule>,
    pub tables: Vec<TableRule>,
    pub b1_points: Vec<B1PointsRow>,
    /// Extra points of an urban household by region (`b1-urban-region-points.csv`), in `Region` order.
    pub b1_urban_region_points: [i16; 7],
    pub nutrition_cutoffs: Vec<NutritionCutoff>,
    #[serde(skip)]
    pub(crate) compiled: Compiled,
}

/// Lookups precomputed from the tables.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    /// Points of each B1 row (indexed by `B1Row as usize`) per column.
    pub b1: Vec<[i16; 7]>,
    /// For each age in months 0..=192, the index of the nutrition row to use.
    pub nutrition_row: Vec<u8>,
    /// School level rank by `SchoolLevel as usize`.
    pub school_rank: [i8; 8],
    /// Indicator rule index by `Indicator as usize`.
    pub indicator_rule: [usize; 13],
    /// Index in `tables` of b1-points.csv and b1-urban-region-points.csv.
    pub b1_table: usize,
    pub urban_table: usize,
}

impl RuleBook {
    /// The rule entry of an indicator.
    pub fn indicator(&self, indicator: crate::engine::Indicator) -> &IndicatorRule {
        &self.indicators[self.compiled.indicator_rule[indicator as usize]]
    }

    /// The rule entry of an interpretation, by key.
    pub fn interpretation(&self, key: &str) -> Option<&InterpretationRule> {
        self.interpretations.iter().find(|i| i.key == key)
    }

    /// The provenance of b1-points.csv.
    pub fn b1_reference(&self) -> &Reference {
        &self.tables[self.compiled.b1_table].reference
    }

    /// The provenance of b1-urban-region-points.csv.
    pub fn urban_region_reference(&self) -> &Reference {
        &self.tables[self.compiled.urban_table].reference
    }

    /// A named parameter.
    pub fn parameter(&self, key: &str) -> Option<&Parameter> {
        self.parameters.get(key)
    }

    /// Points of a B1 row in a column (0-5 rural regions, 6 urban).
    pub(crate) fn b1_points(&self, row: B1Row, column: usize) -> i64 {
        self.compiled.b1[row as usize][column] as i64
    }
}

/// Thresholds in force during one period of an edition, resolved from the dated parameters.
#[derive(Debug, Clone)]
pub(crate) struct Thresholds {
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
#[derive(Debug, Clone)]
pub(crate) struct ScoreThresholds {
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
            pub fn key(self) -> &'static str { match self { $(B1Row::$variant => $key),+ } }
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
pub(crate) fn b1_column(urban: bool, region: Region) -> usize {
    if urban {
        6
    } else {
        region as usize
    }
}

#[derive(Deserialize)]
struct RawRules {
    version: String,
    editions: RawList<Edition>,
    parameters: BTreeMap<String, Parameter>,
    indicators: RawIndicators,
    interpretations: RawInterpretations,
    supports: RawSupports,
    tables: RawTables,
    b1_points: Vec<BTreeMap<String, serde_json::Value>>,
    b1_urban_region_points: Vec<RawRegionPoints>,
    nutrition_cutoffs: Vec<NutritionCutoff>,
}
#[derive(Deserialize)]
struct RawList<T> {
    edition: Vec<T>,
}
#[derive(Deserialize)]
struct RawIndicators {
    indicator: Vec<IndicatorRule>,
}
#[derive(Deserialize)]
struct RawInterpretations {
    interpretation: Vec<InterpretationRule>,
    school_level_rank: SchoolLevelRank,
}
#[derive(Deserialize)]
struct RawSupports {
    support: Vec<SupportRule>,
}
#[derive(Deserialize)]
struct RawTables {
    table: Vec<TableRule>,
}
#[derive(Deserialize)]
struct RawRegionPoints {
    region: String,
    points: i16,
}

/// The rule data, parsed on first use.
pub fn rules() -> &'static RuleBook {
    static RULES: OnceLock<RuleBook> = OnceLock::new();
    RULES.get_or_init(|| load(RULES_JSON).unwrap_or_else(|e| panic!("embedded rule data: {e}")))
}

/// The edition that applies to an assessment dated `date`, if any.
pub fn edition_for(date: Date) -> Option<&'static Edition> {
    rules()
        .editions
        .iter()
        .find(|e| e.since <= date && date <= e.until)
}

const COLUMNS: [&str; 7] = [
    "rural_red_river_delta",
    "rural_northern_midlands_mountains",
    "rural_north_central_central_coast",
    "rural_central_highlands",
    "rural_southeast",
    "rural_mekong_delta",
    "urban",
];

/// Parses and compiles rule JSON. Errors name what is missing or inconsistent.
pub(crate) fn load(json: &str) -> Result<RuleBook, String> {
    let raw: RawRules = serde_json::from_str(json).map_err(|e| e.to_string())?;
    // English wording of each B1 row, by row key (the CSV has the form's Vietnamese).
    let labels_en = raw
        .tables
        .table
        .iter()
        .find(|t| t.key == "b1_points")
        .map(|t| t.labels_en.clone())
        .unwrap_or_default();
    let b1_points = compile_b1(&raw.b1_points, &labels_en)?;
    let mut urban_points = [0i16; 7];
    for region in Region::ALL {
        let row = raw
            .b1_urban_region_points
            .iter()
            .find(|r| r.region == region.key())
            .ok_or_else(|| format!("b1-urban-region-points.csv: no row for {}", region.key()))?;
        urban_points[*region as usize] = row.points;
    }
    let nutrition_row = compile_nutrition(&raw.nutrition_cutoffs)?;
    let mut school_rank = [0i8; 8];
    for level in crate::engine::household::SchoolLevel::ALL {
        school_rank[*level as usize] = *raw
            .interpretations
            .school_level_rank
            .values
            .get(level.key())
            .ok_or_else(|| format!("school_level_rank: no rank for {}", level.key()))?;
    }
    let indicators = raw.indicators.indicator;
    let mut indicator_rule = [0usize; 13];
    for indicator in crate::engine::Indicator::ALL {
        indicator_rule[indicator as usize] = indicators
            .iter()
            .position(|r| r.key == indicator.key())
            .ok_or_else(|| format!("indicators.toml: no entry for {}", indicator.key()))?;
    }
    let mut editions = raw.editions.edition;
    for edition in &mut editions {
        edition.indicator_set = edition
            .indicators
            .iter()
            .map(|k| {
                crate::engine::Indicator::from_key(k)
                    .ok_or_else(|| format!("edition {}: unknown indicator {k}", edition.key))
            })
            .collect::<Result<_, _>>()?;
        edition.periods = compile_periods(edition, &raw.parameters)?;
    }
    let table = |key: &str| {
        raw.tables
            .table
            .iter()
            .position(|t| t.key == key)
            .ok_or_else(|| format!("tables.toml: no [[table]] {key}"))
    };
    let (b1_table, urban_table) = (table("b1_points")?, table("b1_urban_region_points")?);
    let compiled = Compiled {
        b1_table,
        urban_table,
        b1: b1_points.iter().map(|r| r.points).collect(),
        nutrition_row,
        school_rank,
        indicator_rule,
    };
    Ok(RuleBook {
        version: raw.version,
        editions,
        parameters: raw.parameters,
        indicators,
        interpretations: raw.interpretations.interpretation,
        school_level_rank: raw.interpretations.school_level_rank,
        supports: raw.supports.support,
        tables: raw.tables.table,
        b1_points,
        b1_urban_region_points: urban_points,
        nutrition_cutoffs: raw.nutrition_cutoffs,
        compiled,
    })
}

/// Orders the B1 rows as `B1Row` and checks the CSV has exactly the rows the engine knows.
fn compile_b1(
    rows: &[BTreeMap<String, serde_json::Value>],
    labels_en: &BTreeMap<String, String>,
) -> Result<Vec<B1PointsRow>, String> {
    let mut out = Vec::with_capacity(B1Row::ALL.len());
    for row_key in B1Row::ALL {
        let row = rows
            .iter()
            .find(|r| r.get("key").and_then(|k| k.as_str()) == Some(row_key.key()))
            .ok_or_else(|| format!("b1-points.csv: no row {}", row_key.key()))?;
        let mut points = [0i16; 7];
        for (c, column) in COLUMNS.iter().enumerate() {
            points[c] = row.get(*column).and_then(|v| v.as_i64()).ok_or_else(|| {
                format!(
                    "b1-points.csv row {}: no whole number in {column}",
                    row_key.key()
                )
            })? as i16;
        }
        out.push(B1PointsRow {
            item: row
                .get("item")
                .and_then(|v| v.as_u64())
                .ok_or("b1-points.csv: bad item")? as u8,
            key: row_key.key().to_string(),
            label_en: labels_en
                .get(row_key.key())
                .filter(|l| !l.trim().is_empty())
                .ok_or_else(|| {
                    format!("tables.toml: no English label for B1 row {}", row_key.key())
                })?
                .clone(),
            label_vi: row
                .get("label_vi")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string(),
            points,
        });
    }
    if rows.len() != B1Row::ALL.len() {
        return Err(format!(
            "b1-points.csv has {} rows, the engine knows {}",
            rows.len(),
            B1Row::ALL.len()
        ));
    }
    Ok(out)
}

/// For each age in months up to 192, the row of the largest listed age not above it
/// (interpretation `nutrition_row_largest_age_not_above`).
fn compile_nutrition(rows: &[NutritionCutoff]) -> Result<Vec<u8>, String> {
    if rows.first().map(|r| r.age_months) != Some(0) {
        return Err("nutrition-cutoffs.csv must start at 0 months".into());
    }
    if rows.windows(2).any(|w| w[0].age_months >= w[1].age_months) {
        return Err("nutrition-cutoffs.csv ages must increase".into());
    }
    Ok((0..=192u16)
        .map(|m| (rows.partition_point(|r| r.age_months <= m) - 1) as u8)
        .collect())
}

/// Splits an edition into periods at every date a parameter changes, resolving all thresholds.
fn compile_periods(
    edition: &Edition,
    parameters: &BTreeMap<String, Parameter>,
) -> Result<Vec<(Date, Thresholds)>, String> {
    let mut starts = vec![edition.since];
    for parameter in parameters.values() {
        for value in &parameter.values {
            if value.since > edition.since && value.since <= edition.until {
                starts.push(value.since);
            }
            if let Some(until) = value.until {
                if until >= edition.since && until < edition.until {
                    starts.push(until.succ());
                }
            }
        }
    }
    starts.sort();
    starts.dedup();
    starts
        .into_iter()
        .map(|start| resolve(edition, parameters, start).map(|t| (start, t)))
        .collect()
}

fn resolve(
    edition: &Edition,
    parameters: &BTreeMap<String, Parameter>,
    on: Date,
) -> Result<Thresholds, String> {
    let opt = |key: &str| -> Result<Option<&ParamValue>, String> {
        let parameter = parameters
            .get(key)
            .ok_or_else(|| format!("parameters.toml: no [{key}]"))?;
        Ok(parameter.value_on(on).map(|v| &v.value))
    };
    let num = |key: &str| -> Result<f64, String> {
        match opt(key)? {
            Some(ParamValue::Number(n)) => Ok(*n),
            Some(ParamValue::List(_)) => Err(format!(
                "parameters.toml [{key}]: expected a number on {on}"
            )),
            None => Err(format!(
                "parameters.toml [{key}]: no value on {on} (edition {})",
                edition.key
            )),
        }
    };
    let int = |key: &str| -> Result<i64, String> { num(key).map(|n| n as i64) };
    let opt_int = |key: &str| -> Result<Option<i64>, String> {
        Ok(match opt(key)? {
            Some(ParamValue::Number(n)) => Some(*n as i64),
            _ => None,
        })
    };
    let list = |key: &str, n: usize| -> Result<Vec<f64>, String> {
        match opt(key)? {
            Some(ParamValue::List(l)) if l.len() == n => Ok(l.clone()),
            _ => Err(format!(
                "parameters.toml [{key}]: expected a list of {n} numbers on {on}"
            )),
        }
    };
    let pair = |rural: &str, urban: &str| -> Result<Option<[i64; 2]>, String> {
        Ok(match (opt_int(rural)?, opt_int(urban)?) {
            (Some(r), Some(u)) => Some([r, u]),
            _ => None,
        })
    };
    let score = match edition.classification {
        ClassificationMethod::Income => None,
        ClassificationMethod::Score => {
            let l = |k: &str, n: usize| list(k, n);
            let a2 = |v: Vec<f64>| [v[0], v[1]];
            Some(ScoreThresholds {
                score_a_threshold: [
                    int("score_a_threshold_rural")?,
                    int("score_a_threshold_urban")?,
                ],
                score_b_poor_threshold: int("score_b_poor_threshold")?,
                score_b_points_per_indicator: int("score_b_points_per_indicator")?,
                screening_stop_count: int("screening_stop_count")? as u8,
                screening_electricity_kwh: num("screening_electricity_kwh")?,
                screening_living_area_per_person_m2: num("screening_living_area_per_person_m2")?,
                working_age_min: int("working_age_min")? as i32,
                retirement_base_year: int("retirement_base_year")? as i32,
                retirement: [
                    (
                        int("retirement_men_base_months")? as i32,
                        int("retirement_men_step_months")? as i32,
                        int("retirement_men_max_months")? as i32,
                    ),
                    (
                        int("retirement_women_base_months")? as i32,
                        int("retirement_women_step_months")? as i32,
                        int("retirement_women_max_months")? as i32,
                    ),
                ],
                household_size_max_row: int("b1_household_size_max_row")? as u32,
                workers_max_row: int("b1_workers_max_row")? as u32,
                living_area_per_person_m2: {
                    let v = l("b1_living_area_per_person_m2", 3)?;
                    [v[0], v[1], v[2]]
                },
                electricity_kwh: {
                    let v = l("b1_electricity_kwh", 4)?;
                    [v[0], v[1], v[2], v[3]]
                },
                garden_m2: a2(l("b1_garden_m2", 2)?),
                annual_crops_m2: l("b1_annual_crops_m2", 1)?[0],
                perennial_crops_m2: a2(l("b1_perennial_crops_m2", 2)?),
                water_surface_m2: a2(l("b1_water_surface_m2", 2)?),
                forest_m2: a2(l("b1_forest_m2", 2)?),
                pig_goat_sheep_min_head: int("b1_pig_goat_sheep_min_head")? as u32,
                poultry_min_head: int("b1_poultry_min_head")? as u32,
            })
        }
    };
    Ok(Thresholds {
        income_line: [int("income_line_rural")?, int("income_line_urban")?],
        average_living: pair("average_living_rural", "average_living_urban")?,
        low_income_worker: pair("low_income_worker_rural", "low_income_worker_urban")?,
        poor_min_deprivations: int("poor_min_deprivations")?,
        employment_min_age: int("employment_min_age")? as i32,
        dependant_child_under_age: int("dependant_child_under_age")? as i32,
        dependants_max_share_percent: int("dependants_max_share_percent")?,
        nutrition_stunting_under_months: int("nutrition_stunting_under_months")? as i32,
        nutrition_underweight_under_months: int("nutrition_underweight_under_months")? as i32,
        health_insurance_min_age: int("health_insurance_min_age")? as i32,
        adult_education_min_age: int("adult_education_min_age")? as i32,
        adult_education_upper_secondary_from_age: int("adult_education_upper_secondary_from_age")?
            as i32,
        adult_education_under_age: int("adult_education_under_age")? as i32,
        child_schooling_min_age: int("child_schooling_min_age")? as i32,
        child_schooling_under_age: int("child_schooling_under_age")? as i32,
        school_year_start_month: int("school_year_start_month")? as u8,
        school_age_primary: int("school_age_primary")? as i32,
        school_age_lower_secondary: int("school_age_lower_secondary")? as i32,
        school_age_upper_secondary: int("school_age_upper_secondary")? as i32,
        housing_quality_min_non_durable_parts: int("housing_quality_min_non_durable_parts")? as u8,
        housing_area_min_per_person_m2: num("housing_area_min_per_person_m2")?,
        score,
    })
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
    fn editions_switch_on_2027_01_01() {
        assert_eq!(edition_for(d("2026-12-31")).unwrap().key, "2022-2025");
        assert_eq!(edition_for(d("2027-01-01")).unwrap().key, "2027-2030");
        assert_eq!(edition_for(d("2022-01-01")).unwrap().key, "2022-2025");
        assert!(edition_for(d("2021-12-31")).is_none());
        assert!(edition_for(d("2031-01-01")).is_none());
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

    #[test]
    fn retirement_age_follows_the_schedule() {
        let s = edition_for(d("2026-01-01"))
            .unwrap()
            .thresholds_on(d("2026-01-01"))
            .score
            .clone()
            .unwrap();
        assert_eq!(s.retirement_age_months(2021, false), 60 * 12 + 3);
        assert_eq!(s.retirement_age_months(2026, false), 61 * 12 + 6);
        assert_eq!(s.retirement_age_months(2030, false), 62 * 12);
        assert_eq!(s.retirement_age_months(2021, true), 55 * 12 + 4);
        assert_eq!(s.retirement_age_months(2026, true), 57 * 12);
        assert_eq!(s.retirement_age_months(2040, true), 60 * 12);
    }

    #[test]
    fn a_broken_table_is_refused_with_its_name() {
        let json = RULES_JSON.replace("\"key\":\"aquaculture\"", "\"key\":\"aquaculturex\"");
        let error = load(&json).unwrap_err();
        assert!(error.contains("aquaculture"), "{error}");
    }
}
