//! Every answer of the questionnaire as a field: its path in the household record
//! (`members[2].height_cm`), what kind of value it takes, how typed text is read and checked, and
//! generic get/set on the record's JSON form (`json::Value`). Error messages are translation keys plus arguments.

use mucsong_engine::date::{Date, PartialDate};
use mucsong_engine::rules::edition_for;
use mucsong_json::Value;

/// What kind of value a field takes, which decides its input and its validation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldKind {
    /// One of the listed machine keys.
    Choice(&'static [&'static str]),
    /// Yes or no.
    YesNo,
    /// A whole number ≥ 0, at most `max`.
    Count { max: u32 },
    /// A decimal ≥ `min` and ≤ `max` (areas, weights, heights, kWh), `unit` is a translation key.
    Decimal {
        min: f64,
        max: f64,
        unit: &'static str,
    },
    /// Whole đồng ≥ 0.
    Money,
    /// A birth date: a year, a month or a day, not after the assessment date, at most 120 years.
    BirthDate,
    /// The assessment date, `YYYY-MM-DD`, within the editions the app knows.
    AssessmentDate,
    /// Free text (a member's name, optional).
    Text,
}

/// A field's description.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldSpec {
    /// The path with member indices removed (`members[].height_cm`).
    pub pattern: &'static str,
    pub kind: FieldKind,
}

/// The specification of every field, by pattern.
pub fn spec(path: &str) -> Option<FieldSpec> {
    let pattern = pattern_of(path);
    SPECS.iter().find(|s| s.pattern == pattern).copied()
}

/// All field specs, in questionnaire order.
pub static SPECS: &[FieldSpec] = &[
    FieldSpec {
        pattern: "assessed_on",
        kind: FieldKind::AssessmentDate,
    },
    FieldSpec {
        pattern: "area",
        kind: FieldKind::Choice(&["rural", "urban"]),
    },
    FieldSpec {
        pattern: "region",
        kind: FieldKind::Choice(REGION_KEYS),
    },
    FieldSpec {
        pattern: "agricultural_household",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "screening.villa_or_grade_1_2_house",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "screening.business_3plus_workers_or_tax_100m",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "screening.farm_or_livestock_200m",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "screening.production_asset_200m",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "screening.provincial_condition",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "screening.motor_vehicle_20m",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "screening.rents_out_property",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "members[].name",
        kind: FieldKind::Text,
    },
    FieldSpec {
        pattern: "members[].birth_date",
        kind: FieldKind::BirthDate,
    },
    FieldSpec {
        pattern: "members[].sex",
        kind: FieldKind::Choice(&["male", "female"]),
    },
    FieldSpec {
        pattern: "members[].health_insurance",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "members[].state_funded_insurance",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "members[].uses_internet",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "members[].in_school",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "members[].school_level",
        kind: FieldKind::Choice(SCHOOL_LEVEL_KEYS),
    },
    FieldSpec {
        pattern: "members[].general_education",
        kind: FieldKind::Choice(GENERAL_EDUCATION_KEYS),
    },
    FieldSpec {
        pattern: "members[].vocational_training",
        kind: FieldKind::Choice(VOCATIONAL_KEYS),
    },
    FieldSpec {
        pattern: "members[].work_status",
        kind: FieldKind::Choice(WORK_STATUS_KEYS),
    },
    FieldSpec {
        pattern: "members[].job_type",
        kind: FieldKind::Choice(JOB_TYPE_KEYS),
    },
    FieldSpec {
        pattern: "members[].wage_contract",
        kind: FieldKind::Choice(WAGE_CONTRACT_KEYS),
    },
    FieldSpec {
        pattern: "members[].nonfarm_work",
        kind: FieldKind::Choice(NONFARM_KEYS),
    },
    FieldSpec {
        pattern: "members[].monthly_social_allowance",
        kind: FieldKind::Choice(ALLOWANCE_KEYS),
    },
    FieldSpec {
        pattern: "members[].pension",
        kind: FieldKind::Choice(PENSION_KEYS),
    },
    FieldSpec {
        pattern: "members[].critical_illness",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "members[].height_cm",
        kind: FieldKind::Decimal {
            min: 30.0,
            max: 250.0,
            unit: "unit_cm",
        },
    },
    FieldSpec {
        pattern: "members[].weight_kg",
        kind: FieldKind::Decimal {
            min: 1.0,
            max: 300.0,
            unit: "unit_kg",
        },
    },
    FieldSpec {
        pattern: "members[].malnourished",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "housing.wall",
        kind: FieldKind::Choice(WALL_KEYS),
    },
    FieldSpec {
        pattern: "housing.column",
        kind: FieldKind::Choice(COLUMN_KEYS),
    },
    FieldSpec {
        pattern: "housing.roof",
        kind: FieldKind::Choice(ROOF_KEYS),
    },
    FieldSpec {
        pattern: "housing.living_area_m2",
        kind: FieldKind::Decimal {
            min: 0.0,
            max: 100_000.0,
            unit: "unit_m2",
        },
    },
    FieldSpec {
        pattern: "water",
        kind: FieldKind::Choice(WATER_KEYS),
    },
    FieldSpec {
        pattern: "latrine",
        kind: FieldKind::Choice(LATRINE_KEYS),
    },
    FieldSpec {
        pattern: "electricity_kwh_per_month",
        kind: FieldKind::Decimal {
            min: 0.0,
            max: 1_000_000.0,
            unit: "unit_kwh",
        },
    },
    FieldSpec {
        pattern: "assets.car",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.motorbike",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.motor_boat",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.generator",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.printer_fax",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.colour_tv",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.sound_system",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.computer_or_tablet",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.fridge",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.air_conditioner",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.washing_machine_or_dryer",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.water_heater",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.microwave_or_oven",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.phone",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "assets.radio",
        kind: FieldKind::Count { max: 99 },
    },
    FieldSpec {
        pattern: "land_m2.garden_pond_adjacent",
        kind: LAND,
    },
    FieldSpec {
        pattern: "land_m2.annual_crops",
        kind: LAND,
    },
    FieldSpec {
        pattern: "land_m2.perennial_crops",
        kind: LAND,
    },
    FieldSpec {
        pattern: "land_m2.water_surface",
        kind: LAND,
    },
    FieldSpec {
        pattern: "land_m2.forest",
        kind: LAND,
    },
    FieldSpec {
        pattern: "livestock.buffalo_cow_horse",
        kind: FieldKind::Count { max: 100_000 },
    },
    FieldSpec {
        pattern: "livestock.pig_goat_sheep",
        kind: FieldKind::Count { max: 100_000 },
    },
    FieldSpec {
        pattern: "livestock.poultry",
        kind: FieldKind::Count { max: 1_000_000 },
    },
    FieldSpec {
        pattern: "livestock.aquaculture",
        kind: FieldKind::YesNo,
    },
    FieldSpec {
        pattern: "income.monthly_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.crops.revenue_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.crops.cost_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.livestock.revenue_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.livestock.cost_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.agricultural_services.revenue_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.agricultural_services.cost_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.forestry.revenue_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.forestry.cost_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.fishery.revenue_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.fishery.cost_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.salt.revenue_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.salt.cost_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.nonfarm_business.revenue_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.nonfarm_business.cost_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.wages.revenue_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.wages.cost_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.other.revenue_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "income.sources_12m.other.cost_vnd",
        kind: FieldKind::Money,
    },
    FieldSpec {
        pattern: "waste",
        kind: FieldKind::Choice(WASTE_KEYS),
    },
];

const LAND: FieldKind = FieldKind::Decimal {
    min: 0.0,
    max: 100_000_000.0,
    unit: "unit_m2",
};

/// The income activities of Phụ lục VIII, in the form's order.
pub const INCOME_SOURCES: [&str; 9] = [
    "crops",
    "livestock",
    "agricultural_services",
    "forestry",
    "fishery",
    "salt",
    "nonfarm_business",
    "wages",
    "other",
];

// `key()` on the record enums is not `const`; these tables restate the keys and a test checks
// they equal `ALL.map(key)`, so a new variant cannot be forgotten.
pub const REGION_KEYS: &[&str] = &[
    "red_river_delta",
    "northern_midlands_mountains",
    "north_central_central_coast",
    "central_highlands",
    "southeast",
    "mekong_delta",
    "centrally_run_city",
];
pub const SCHOOL_LEVEL_KEYS: &[&str] = &[
    "preschool",
    "primary",
    "lower_secondary",
    "upper_secondary",
    "short_course",
    "intermediate",
    "college",
    "university",
];
pub const GENERAL_EDUCATION_KEYS: &[&str] =
    &["none", "primary", "lower_secondary", "upper_secondary"];
pub const VOCATIONAL_KEYS: &[&str] = &[
    "none",
    "elementary",
    "intermediate",
    "college",
    "university",
    "postgraduate",
];
pub const WORK_STATUS_KEYS: &[&str] = &[
    "working",
    "unemployed",
    "unable_to_work",
    "studying",
    "not_wanting_work",
    "retired_or_homemaker",
];
pub const JOB_TYPE_KEYS: &[&str] = &["civil_servant", "enterprise", "household_hired", "other"];
pub const WAGE_CONTRACT_KEYS: &[&str] = &["with_contract", "without_contract", "not_wage_work"];
pub const NONFARM_KEYS: &[&str] = &[
    "none",
    "civil_servant",
    "with_labour_contract",
    "hired_or_own_business",
];
pub const ALLOWANCE_KEYS: &[&str] = &["none", "elderly", "disability", "orphan"];
pub const PENSION_KEYS: &[&str] = &[
    "none",
    "pension",
    "social_insurance_allowance",
    "merit_allowance",
];
pub const WALL_KEYS: &[&str] = &[
    "reinforced_concrete",
    "brick_stone",
    "durable_wood_metal",
    "other",
];
pub const COLUMN_KEYS: &[&str] = &[
    "reinforced_concrete",
    "brick_stone",
    "durable_wood_steel",
    "other",
    "none",
];
pub const ROOF_KEYS: &[&str] = &["reinforced_concrete", "tile", "metal_sheet", "other"];
pub const WATER_KEYS: &[&str] = &[
    "piped_bottled_bought",
    "drilled_well",
    "protected_well_or_spring",
    "other",
];
pub const LATRINE_KEYS: &[&str] = &[
    "septic_or_semi_septic",
    "pour_flush_vip_pit_double_vault",
    "other",
];
pub const WASTE_KEYS: &[&str] = &["collected", "treated_on_site", "other"];

/// `members[2].height_cm` → `members[].height_cm`.
pub fn pattern_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for ch in path.chars() {
        match ch {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(ch),
        }
    }
    out
}

/// The translation key of a field's question: `members[].height_cm` → `q_members_height_cm`.
pub fn question_key(path: &str) -> String {
    let pattern = pattern_of(path).replace("[]", "").replace('.', "_");
    format!("q_{pattern}")
}

/// The translation key of a choice: `housing.wall` + `brick_stone` → `opt_wall_brick_stone`.
pub fn option_key(path: &str, value: &str) -> String {
    let pattern = pattern_of(path);
    let last = pattern.rsplit('.').next().unwrap_or(&pattern);
    format!("opt_{last}_{value}")
}

/// Why typed text was not accepted: a translation key and its arguments (`{found}`, `{min}`…).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    fn new(key: &'static str, found: &str) -> FieldError {
        FieldError {
            key,
            args: vec![("found", found.to_string())],
        }
    }
    fn with(mut self, name: &'static str, value: impl std::fmt::Display) -> FieldError {
        self.args.push((name, value.to_string()));
        self
    }
}

/// What validation needs to know besides the text.
#[derive(Debug, Clone, Copy)]
pub struct ParseContext {
    /// The assessment date (birth dates may not be after it, ages are counted on it).
    pub assessed_on: Date,
    /// Today, from the device clock (birth dates may not be in the future).
    pub today: Date,
}

/// Reads typed text for a field. Empty text is `Ok(None)`: not answered.
pub fn parse_text(
    kind: FieldKind,
    text: &str,
    ctx: &ParseContext,
) -> Result<Option<Value>, FieldError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    match kind {
        FieldKind::Text => Ok(Some(Value::String(trimmed.to_string()))),
        FieldKind::Choice(keys) => keys
            .iter()
            .find(|k| **k == trimmed)
            .map(|k| Some(Value::String(k.to_string())))
            .ok_or_else(|| FieldError::new("err_choice", trimmed)),
        FieldKind::YesNo => match trimmed {
            "true" => Ok(Some(Value::Bool(true))),
            "false" => Ok(Some(Value::Bool(false))),
            _ => Err(FieldError::new("err_choice", trimmed)),
        },
        FieldKind::Count { max } => {
            // Only digits (no sign, no spaces inside), and not above the maximum.
            match trimmed.parse::<u64>() {
                Ok(n) if n <= max as u64 && trimmed.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(Value::from(n)))
                }
                _ => Err(FieldError::new("err_count", trimmed).with("max", max)),
            }
        }
        FieldKind::Decimal { min, max, .. } => {
            // Not a number and out of range are one message, which states the range.
            let Some(number) = parse_decimal(trimmed).filter(|n| (min..=max).contains(n)) else {
                return Err(FieldError::new("err_decimal", trimmed)
                    .with("min", fmt_num(min))
                    .with("max", fmt_num(max)));
            };
            Ok(Some(Value::from(number)))
        }
        FieldKind::Money => parse_money(trimmed)
            .map(|n| Some(Value::from(n)))
            .ok_or_else(|| FieldError::new("err_money", trimmed)),
        // The dates of the rule data's editions (`{first}` … `{last}` in the message, which the
        // page fills in).
        FieldKind::AssessmentDate => match Date::parse(trimmed) {
            Ok(date) if edition_for(date).is_some() => Ok(Some(Value::String(date.to_string()))),
            _ => Err(FieldError::new("err_assessment_date", trimmed)),
        },
        FieldKind::BirthDate => {
            let parsed = normalise_birth_date(trimmed)
                .and_then(|iso| PartialDate::parse(&iso).ok().map(|date| (iso, date)));
            let Some((iso, date)) = parsed else {
                return Err(FieldError::new("err_birth_date_format", trimmed));
            };
            let limit = ctx.assessed_on.min(ctx.today);
            if date.earliest() > limit {
                return Err(FieldError::new("err_birth_date_future", trimmed).with("date", limit));
            }
            if date.latest().age_years_on(ctx.assessed_on) > 120 {
                return Err(FieldError::new("err_birth_date_age", trimmed));
            }
            Ok(Some(Value::String(iso)))
        }
    }
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Reads a decimal written either way: `36.5` or `36,5`.
fn parse_decimal(text: &str) -> Option<f64> {
    let normal = text.replace(',', ".");
    if normal.matches('.').count() > 1 || !normal.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    normal.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Reads whole đồng: digits, optionally grouped by thousands with `.`, `,` or spaces, optionally
/// followed by `đ`. Shorthand like `1,5tr` is refused rather than guessed.
pub fn parse_money(text: &str) -> Option<i64> {
    let text = text.trim().trim_end_matches(['đ', 'd', 'Đ']).trim();
    if text.is_empty() {
        return None;
    }
    let groups: Vec<&str> = text.split(['.', ',', ' ']).collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return None;
        }
    }
    let digits: String = groups.concat();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 15 {
        return None;
    }
    digits.parse().ok()
}

/// Accepts the ISO forms (`1984`, `1984-05`, `1984-05-02`) and the way Vietnamese write dates
/// (`2/5/1984`, `02/05/1984`, `5/1984`), and returns the ISO form.
pub fn normalise_birth_date(text: &str) -> Option<String> {
    let text = text.trim();
    if text.contains('/') {
        let parts: Vec<&str> = text.split('/').collect();
        let num = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        return match parts.as_slice() {
            [d, m, y] if y.len() == 4 => Some(format!("{}-{:02}-{:02}", y, num(m)?, num(d)?)),
            [m, y] if y.len() == 4 => Some(format!("{}-{:02}", y, num(m)?)),
            _ => None,
        };
    }
    Some(text.to_string())
}

/// The text shown in an input for a stored value (money with thousands dots).
pub fn display_value(kind: FieldKind, value: &Value) -> String {
    match (kind, value) {
        (_, Value::Null) => String::new(),
        (FieldKind::Money, Value::Number(n)) => n.as_i64().map(group_thousands).unwrap_or_default(),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Bool(b)) => b.to_string(),
        (_, Value::Number(n)) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else {
                n.as_f64().to_string()
            }
        }
        (_, other) => other.to_string(),
    }
}

pub use mucsong_i18n::group_thousands;

/// The value at `path` in a record's JSON (`None` when absent; JSON null when unknown).
pub fn get<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut node = root;
    for segment in path.split('.') {
        let (name, index) = split_index(segment);
        node = node.get(name)?;
        if let Some(i) = index {
            node = node.at(i)?;
        }
    }
    Some(node)
}

/// Sets the value at `path`, creating the objects on the way (arrays must already be long enough).
/// Returns false when the path cannot exist.
pub fn set(root: &mut Value, path: &str, value: Value) -> bool {
    let segments: Vec<&str> = path.split('.').collect();
    let mut node = root;
    for (n, segment) in segments.iter().enumerate() {
        let last = n + 1 == segments.len();
        let (name, index) = split_index(segment);
        if !node.is_object() {
            *node = Value::Object(Default::default());
        }
        let map = node.as_object_mut().expect("made an object above");
        let child = map.entry_or_null(name);
        let target = match index {
            Some(i) => match child.as_array_mut().and_then(|a| a.get_mut(i)) {
                Some(item) => item,
                None => return false,
            },
            None => child,
        };
        if last {
            *target = value;
            return true;
        }
        node = target;
    }
    false
}

fn split_index(segment: &str) -> (&str, Option<usize>) {
    match segment.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
        None => (segment, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mucsong_engine::household::*;

    fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| key(*v)).collect()
    }

    #[test]
    fn key_tables_match_the_record_enumerations() {
        assert_eq!(REGION_KEYS, keys(&Region::ALL, Region::key));
        assert_eq!(SCHOOL_LEVEL_KEYS, keys(&SchoolLevel::ALL, SchoolLevel::key));
        assert_eq!(
            GENERAL_EDUCATION_KEYS,
            keys(&GeneralEducation::ALL, GeneralEducation::key)
        );
        assert_eq!(
            VOCATIONAL_KEYS,
            keys(&VocationalTraining::ALL, VocationalTraining::key)
        );
        assert_eq!(WORK_STATUS_KEYS, keys(&WorkStatus::ALL, WorkStatus::key));
        assert_eq!(JOB_TYPE_KEYS, keys(&JobType::ALL, JobType::key));
        assert_eq!(
            WAGE_CONTRACT_KEYS,
            keys(&WageContract::ALL, WageContract::key)
        );
        assert_eq!(NONFARM_KEYS, keys(&NonfarmWork::ALL, NonfarmWork::key));
        assert_eq!(
            ALLOWANCE_KEYS,
            keys(&SocialAllowance::ALL, SocialAllowance::key)
        );
        assert_eq!(PENSION_KEYS, keys(&Pension::ALL, Pension::key));
        assert_eq!(WALL_KEYS, keys(&Wall::ALL, Wall::key));
        assert_eq!(COLUMN_KEYS, keys(&Column::ALL, Column::key));
        assert_eq!(ROOF_KEYS, keys(&Roof::ALL, Roof::key));
        assert_eq!(WATER_KEYS, keys(&Water::ALL, Water::key));
        assert_eq!(LATRINE_KEYS, keys(&Latrine::ALL, Latrine::key));
        assert_eq!(WASTE_KEYS, keys(&Waste::ALL, Waste::key));
    }

    /// Every field can be set on an empty record and the record still reads back.
    #[test]
    fn every_field_path_exists_in_the_record() {
        let mut record = HouseholdRecord {
            members: Some(vec![Member::default()]),
            ..Default::default()
        }
        .to_json();
        for spec in SPECS {
            let path = spec.pattern.replace("[]", "[0]");
            let sample = match spec.kind {
                FieldKind::Choice(keys) => Value::from(keys[0]),
                FieldKind::YesNo => Value::Bool(true),
                FieldKind::Count { .. } | FieldKind::Money => Value::from(1),
                FieldKind::Decimal { .. } => Value::from(40.5),
                FieldKind::BirthDate | FieldKind::AssessmentDate => Value::from("2020-01-01"),
                FieldKind::Text => Value::from("An"),
            };
            assert!(set(&mut record, &path, sample.clone()), "{path}");
            assert_eq!(get(&record, &path), Some(&sample), "{path}");
            let back = HouseholdRecord::from_json(record.clone());
            assert!(back.is_ok(), "{path}: {back:?}");
        }
    }

    fn ctx() -> ParseContext {
        ParseContext {
            assessed_on: Date::parse("2026-06-01").unwrap(),
            today: Date::parse("2026-11-27").unwrap(),
        }
    }

    fn parse(pattern: &str, text: &str) -> Result<Option<Value>, FieldError> {
        parse_text(spec(pattern).unwrap().kind, text, &ctx())
    }

    #[test]
    fn money_accepts_grouped_digits_and_refuses_shorthand() {
        assert_eq!(parse_money("1500000"), Some(1_500_000));
        assert_eq!(parse_money("1.500.000"), Some(1_500_000));
        assert_eq!(parse_money("1,500,000 đ"), Some(1_500_000));
        assert_eq!(parse_money("1 500 000"), Some(1_500_000));
        for bad in ["1,5tr", "1.5", "-200", "12.34.567", "abc", "1.5000"] {
            assert_eq!(parse_money(bad), None, "{bad}");
        }
        let err = parse("income.monthly_vnd", "1,5tr").unwrap_err();
        assert_eq!(err.key, "err_money");
        assert_eq!(err.args, vec![("found", "1,5tr".to_string())]);
    }

    #[test]
    fn numbers_are_non_negative_and_bounded() {
        assert_eq!(
            parse("housing.living_area_m2", "36,5").unwrap(),
            Some(Value::from(36.5))
        );
        assert_eq!(
            parse("housing.living_area_m2", "0").unwrap(),
            Some(Value::from(0.0))
        );
        assert_eq!(
            parse("housing.living_area_m2", "-3").unwrap_err().key,
            "err_decimal"
        );
        assert_eq!(
            parse("assets.motorbike", "2").unwrap(),
            Some(Value::from(2))
        );
        assert_eq!(
            parse("assets.motorbike", "1.5").unwrap_err().key,
            "err_count"
        );
        assert_eq!(
            parse("assets.motorbike", "-1").unwrap_err().key,
            "err_count"
        );
        assert_eq!(
            parse("members[3].height_cm", "251").unwrap_err().key,
            "err_decimal"
        );
        assert_eq!(parse("members[3].height_cm", "   ").unwrap(), None);
    }

    #[test]
    fn birth_dates_may_be_partial_but_not_future_nor_over_120_years() {
        assert_eq!(
            parse("members[0].birth_date", "1984").unwrap(),
            Some(Value::from("1984"))
        );
        assert_eq!(
            parse("members[0].birth_date", "2/5/1984").unwrap(),
            Some(Value::from("1984-05-02"))
        );
        assert_eq!(
            parse("members[0].birth_date", "05/1984").unwrap(),
            Some(Value::from("1984-05"))
        );
        assert_eq!(
            parse("members[0].birth_date", "2026-06-01").unwrap(),
            Some(Value::from("2026-06-01"))
        );
        assert_eq!(
            parse("members[0].birth_date", "2026-06-02")
                .unwrap_err()
                .key,
            "err_birth_date_future"
        );
        assert_eq!(
            parse("members[0].birth_date", "1905").unwrap(),
            Some(Value::from("1905"))
        );
        assert_eq!(
            parse("members[0].birth_date", "1904").unwrap_err().key,
            "err_birth_date_age"
        );
        assert_eq!(
            parse("members[0].birth_date", "31/02/1990")
                .unwrap_err()
                .key,
            "err_birth_date_format"
        );
        assert_eq!(
            parse("members[0].birth_date", "84").unwrap_err().key,
            "err_birth_date_format"
        );
    }

    #[test]
    fn assessment_dates_stay_within_the_known_editions() {
        assert!(parse("assessed_on", "2026-06-01").is_ok());
        // The first and last days of the rule data's editions, and the days just outside.
        let dates = mucsong_engine::rules::assessment_dates();
        for date in [*dates.start(), *dates.end()] {
            assert!(parse("assessed_on", &date.to_string()).is_ok(), "{date}");
        }
        for date in [dates.start().pred(), dates.end().succ()] {
            assert_eq!(
                parse("assessed_on", &date.to_string()).unwrap_err().key,
                "err_assessment_date"
            );
        }
        assert_eq!(
            parse("assessed_on", "2031-01-01").unwrap_err().key,
            "err_assessment_date"
        );
        assert_eq!(
            parse("assessed_on", "2026-6-1").unwrap_err().key,
            "err_assessment_date"
        );
    }

    #[test]
    fn keys_are_derived_from_paths() {
        assert_eq!(question_key("members[2].height_cm"), "q_members_height_cm");
        assert_eq!(
            option_key("housing.wall", "brick_stone"),
            "opt_wall_brick_stone"
        );
        assert_eq!(option_key("members[0].sex", "male"), "opt_sex_male");
        assert_eq!(pattern_of("members[12].birth_date"), "members[].birth_date");
    }
}
