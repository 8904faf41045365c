//! The household record as typed or imported (`mucsong/household@1`, formats.md §1): every answer
//! optional, unknown fields rejected. This is the "raw answers" stage; `validate` turns it into a
//! `ValidHousehold` that cannot hold nonsense.
//!
//! The record is read from and written to a `json::Value` by code written here once for every
//! type (two macros list each struct's fields and each enum's keys once), not by serde: serde's
//! derived code is compiled again for every kind of input and output and is most of the weight it
//! would add to the app's download. Reading stops at the first problem (in document order) and
//! names its field path, what was expected and what was found.

use super::problem::{Problem, ProblemCode};
use mucsong_json::{self as json, Map, Number, Value};
use std::fmt;

/// The schema tag every household record carries.
pub const HOUSEHOLD_SCHEMA: &str = "mucsong/household@1";

/// Where a value sits in the record, for messages: `members[2].birth_date`. Built on the stack
/// while reading and only written out when there is a problem.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'a str),
    Item(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Path::Root => f.write_str("(record)"),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Item(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A record type or answer that reads itself from JSON and writes itself back. The problem is
/// boxed so that every reader passes a pointer on, not a whole `Problem`.
pub(crate) trait Json: Sized {
    fn read(value: Value, path: Path) -> Result<Self, Box<Problem>>;
    fn write(&self) -> Value;

    /// Reads an answer that may be null (unknown). The enums share one function for it, so each
    /// of the record's many enum fields costs only a call.
    fn read_optional(value: Value, path: Path) -> Result<Option<Self>, Box<Problem>> {
        match value {
            Value::Null => Ok(None),
            value => Self::read(value, path).map(Some),
        }
    }
}

/// What a value is, for "but found …": `integer -1`, `floating point 1.5`, `string "x"`, `map`
/// (serde's words, which the messages have always used).
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(Number::PosInt(n)) => format!("integer {n}"),
        Value::Number(Number::NegInt(n)) => format!("integer {n}"),
        Value::Number(Number::Float(f)) => {
            let text = f.to_string();
            if text.contains('.') {
                format!("floating point {text}")
            } else {
                format!("floating point {text}.0")
            }
        }
        Value::String(s) => format!("string {}", json::quote(s)),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    }
}

/// A value of the wrong type or out of range; a negative number is its own kind of problem.
fn invalid(path: Path, expected: &str, found: &Value) -> Box<Problem> {
    let negative = match found {
        Value::Number(Number::NegInt(_)) => true,
        Value::Number(Number::Float(f)) => f.is_sign_negative(),
        _ => false,
    };
    let code = if negative {
        ProblemCode::NegativeNumber
    } else {
        ProblemCode::BadValue
    };
    Box::new(Problem::new(
        path.to_string(),
        code,
        expected,
        describe(found),
    ))
}

/// `"a" or "b"`, `one of "a", "b", "c"`: the allowed keys of an enum or fields of a struct.
fn one_of(keys: &[&str]) -> String {
    let mut out = String::new();
    if keys.len() > 2 {
        out.push_str("one of ");
    }
    for (i, key) in keys.iter().enumerate() {
        if i > 0 {
            out.push_str(if keys.len() == 2 { " or " } else { ", " });
        }
        json::write_string(&mut out, key);
    }
    out
}

/// Reads any record enum: one of its keys, as its index in `keys`. Every enum shares this code.
fn read_key(
    value: Value,
    keys: &'static [&'static str],
    path: Path,
) -> Result<usize, Box<Problem>> {
    match &value {
        Value::String(found) => keys.iter().position(|key| key == found).ok_or_else(|| {
            Box::new(Problem::new(
                path.to_string(),
                ProblemCode::BadValue,
                one_of(keys),
                json::quote(found),
            ))
        }),
        _ => Err(invalid(path, &one_of(keys), &value)),
    }
}

/// `read_key` for an answer that may be null (unknown).
fn read_optional_key(
    value: Value,
    keys: &'static [&'static str],
    path: Path,
) -> Result<Option<usize>, Box<Problem>> {
    match value {
        Value::Null => Ok(None),
        value => read_key(value, keys, path).map(Some),
    }
}

/// The object a struct is read from.
fn read_object(value: Value, path: Path) -> Result<Map, Box<Problem>> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(invalid(path, "an object", &other)),
    }
}

/// Checks one key of a struct's object: a known field (its index in `fields`), not given before
/// (`seen` has a bit per field). Unknown fields are refused (they are usually typos), and so is a
/// field given twice.
fn check_field(
    fields: &[&str],
    key: &str,
    seen: &mut u64,
    path: Path,
) -> Result<usize, Box<Problem>> {
    let field_path = Path::Field(&path, key);
    let Some(index) = fields.iter().position(|f| *f == key) else {
        return Err(Box::new(Problem::new(
            field_path.to_string(),
            ProblemCode::UnknownField,
            format!("a known field ({})", one_of(fields)),
            format!("unknown field {}", json::quote(key)),
        )));
    };
    if *seen & (1 << index) != 0 {
        return Err(Box::new(Problem::new(
            field_path.to_string(),
            ProblemCode::BadValue,
            "each field at most once",
            format!("field {} a second time", json::quote(key)),
        )));
    }
    *seen |= 1 << index;
    Ok(index)
}

/// A struct's object: its fields in order, with their values.
fn write_object<const N: usize>(fields: &[&str], values: [Value; N]) -> Value {
    let mut map = Map::new();
    for (field, value) in fields.iter().zip(values) {
        map.push(*field, value);
    }
    Value::Object(map)
}

impl<T: Json> Json for Option<T> {
    /// Null is unknown.
    fn read(value: Value, path: Path) -> Result<Self, Box<Problem>> {
        T::read_optional(value, path)
    }

    fn write(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::write)
    }
}

impl<T: Json> Json for Vec<T> {
    fn read(value: Value, path: Path) -> Result<Self, Box<Problem>> {
        match value {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| T::read(item, Path::Item(&path, i)))
                .collect(),
            other => Err(invalid(path, "a list", &other)),
        }
    }

    fn write(&self) -> Value {
        Value::Array(self.iter().map(T::write).collect())
    }
}

impl Json for String {
    fn read(value: Value, path: Path) -> Result<Self, Box<Problem>> {
        match value {
            Value::String(s) => Ok(s),
            other => Err(invalid(path, "a string", &other)),
        }
    }

    fn write(&self) -> Value {
        Value::String(self.clone())
    }
}

impl Json for bool {
    fn read(value: Value, path: Path) -> Result<Self, Box<Problem>> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(invalid(path, "true, false or null", &other)),
        }
    }

    fn write(&self) -> Value {
        Value::Bool(*self)
    }
}

impl Json for f64 {
    fn read(value: Value, path: Path) -> Result<Self, Box<Problem>> {
        match value {
            Value::Number(n) => Ok(n.as_f64()),
            other => Err(invalid(path, "a number", &other)),
        }
    }

    fn write(&self) -> Value {
        Value::from(*self)
    }
}

impl Json for u32 {
    fn read(value: Value, path: Path) -> Result<Self, Box<Problem>> {
        match value {
            Value::Number(Number::PosInt(n)) if n <= u64::from(u32::MAX) => Ok(n as u32),
            other => Err(invalid(path, "a whole number ≥ 0", &other)),
        }
    }

    fn write(&self) -> Value {
        Value::from(*self)
    }
}

impl Json for i64 {
    fn read(value: Value, path: Path) -> Result<Self, Box<Problem>> {
        match value {
            Value::Number(Number::NegInt(n)) => Ok(n),
            Value::Number(Number::PosInt(n)) if n <= i64::MAX as u64 => Ok(n as i64),
            other => Err(invalid(path, "a whole number", &other)),
        }
    }

    fn write(&self) -> Value {
        Value::from(*self)
    }
}

/// A record struct: every field optional (`None` is unknown, written as null), unknown and
/// repeated fields refused. Lists each field once; the reader and writer follow from it.
macro_rules! record_struct {
    ($(#[$meta:meta])* $name:ident { $($(#[$field_meta:meta])* $field:ident: $ty:ty,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $($(#[$field_meta])* pub $field: Option<$ty>,)+
        }

        impl $name {
            /// The field names, in formats.md order (the order they are written in).
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),+];
        }

        impl Json for $name {
            fn read(value: Value, path: Path) -> Result<Self, Box<Problem>> {
                // One small reader per field, indexed like `FIELDS`: the key is looked up once,
                // by shared code, and no field's reader is inlined into the others.
                const READERS: &[fn(&mut $name, Value, Path) -> Result<(), Box<Problem>>] = &[$(
                    |out, value, path| {
                        out.$field = Json::read(value, path)?;
                        Ok(())
                    }
                ),+];
                let mut out = $name::default();
                let mut seen = 0;
                for (key, value) in read_object(value, path)? {
                    let index = check_field(Self::FIELDS, &key, &mut seen, path)?;
                    READERS[index](&mut out, value, Path::Field(&path, &key))?;
                }
                Ok(out)
            }

            fn write(&self) -> Value {
                write_object(Self::FIELDS, [$(self.$field.write()),+])
            }
        }
    };
}

impl HouseholdRecord {
    /// Reads a record from JSON: the first problem names its field path (`members[1].sex`), what
    /// was expected and what was found.
    pub fn from_json(value: Value) -> Result<HouseholdRecord, Problem> {
        Json::read(value, Path::Root).map_err(|problem| *problem)
    }

    /// The record as JSON, every field present (unknown ones as null) in formats.md order.
    pub fn to_json(&self) -> Value {
        Json::write(self)
    }
}

record_struct!(
    /// One household's answers, exactly as formats.md §1. `None` means unknown.
    HouseholdRecord {
        schema: String,
        id: String,
        /// ISO date `YYYY-MM-DD`; the command-line `--as-of` and the UI's date picker may override it.
        assessed_on: String,
        area: Area,
        region: Region,
        agricultural_household: bool,
        screening: Screening,
        members: Vec<Member>,
        housing: Housing,
        latrine: Latrine,
        electricity_kwh_per_month: f64,
        water: Water,
        assets: Assets,
        land_m2: Land,
        livestock: Livestock,
        income: Income,
        waste: Waste,
    }
);

record_struct!(
    /// Phiếu A answers. The last two criteria of the nine (air conditioner/fridge/heater, water heater,
    /// washing machine, electricity, living area, civil servant/pension, labour contract) are derived
    /// from the rest of the record; only the ones the record cannot derive are asked here.
    Screening {
        villa_or_grade_1_2_house: bool,
        business_3plus_workers_or_tax_100m: bool,
        farm_or_livestock_200m: bool,
        production_asset_200m: bool,
        provincial_condition: bool,
        motor_vehicle_20m: bool,
        rents_out_property: bool,
    }
);

record_struct!(
    /// One member of the household (B1/B2 member columns).
    Member {
        name: String,
        /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
        birth_date: String,
        sex: Sex,
        height_cm: f64,
        weight_kg: f64,
        /// A health worker's finding, entered instead of measurements.
        malnourished: bool,
        in_school: bool,
        school_level: SchoolLevel,
        general_education: GeneralEducation,
        vocational_training: VocationalTraining,
        health_insurance: bool,
        state_funded_insurance: bool,
        uses_internet: bool,
        monthly_social_allowance: SocialAllowance,
        work_status: WorkStatus,
        job_type: JobType,
        wage_contract: WageContract,
        nonfarm_work: NonfarmWork,
        pension: Pension,
        critical_illness: bool,
    }
);

record_struct!(Housing {
    wall: Wall,
    column: Column,
    roof: Roof,
    living_area_m2: f64,
});

record_struct!(
    /// Counts of assets (B1 item 12). Each count is a whole number ≥ 0.
    Assets {
        car: u32,
        motorbike: u32,
        motor_boat: u32,
        generator: u32,
        printer_fax: u32,
        colour_tv: u32,
        sound_system: u32,
        computer_or_tablet: u32,
        fridge: u32,
        air_conditioner: u32,
        washing_machine_or_dryer: u32,
        water_heater: u32,
        microwave_or_oven: u32,
        phone: u32,
        radio: u32,
    }
);

record_struct!(
    /// Land in m² (B1 item 13).
    Land {
        garden_pond_adjacent: f64,
        annual_crops: f64,
        perennial_crops: f64,
        water_surface: f64,
        forest: f64,
    }
);

record_struct!(
    /// Livestock head counts (B1 item 14).
    Livestock {
        buffalo_cow_horse: u32,
        pig_goat_sheep: u32,
        poultry: u32,
        aquaculture: bool,
    }
);

record_struct!(
    /// Income: either the 12-month sources (Phụ lục VIII) or a monthly shortcut; sources win.
    Income {
        monthly_vnd: i64,
        sources_12m: IncomeSources,
    }
);

record_struct!(IncomeSources {
    crops: IncomeSource,
    livestock: IncomeSource,
    agricultural_services: IncomeSource,
    forestry: IncomeSource,
    fishery: IncomeSource,
    salt: IncomeSource,
    nonfarm_business: IncomeSource,
    wages: IncomeSource,
    other: IncomeSource,
});

impl IncomeSources {
    /// Every activity of Phụ lục VIII with its machine key, in formats.md order.
    pub fn entries(&self) -> [(&'static str, &Option<IncomeSource>); 9] {
        [
            ("crops", &self.crops),
            ("livestock", &self.livestock),
            ("agricultural_services", &self.agricultural_services),
            ("forestry", &self.forestry),
            ("fishery", &self.fishery),
            ("salt", &self.salt),
            ("nonfarm_business", &self.nonfarm_business),
            ("wages", &self.wages),
            ("other", &self.other),
        ]
    }
}

record_struct!(
    /// Revenue and production cost of one activity over 12 months, whole đồng.
    IncomeSource {
        revenue_vnd: i64,
        cost_vnd: i64,
    }
);

/// An answer enum: defined by `mucsong_rules::keyed_enum!` (its one list of keys), read and
/// written as its key.
macro_rules! record_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        mucsong_rules::keyed_enum!($(#[$meta])* pub enum $name { $($variant => $key),+ });
        json_keyed!($name);
    };
}

/// JSON reading and writing of a keyed enum, by its key.
macro_rules! json_keyed {
    ($name:ident) => {
        impl Json for $name {
            fn read(value: Value, path: Path) -> Result<Self, Box<Problem>> {
                read_key(value, Self::KEYS, path).map(|i| Self::ALL[i])
            }

            fn read_optional(value: Value, path: Path) -> Result<Option<Self>, Box<Problem>> {
                Ok(read_optional_key(value, Self::KEYS, path)?.map(|i| Self::ALL[i]))
            }

            fn write(&self) -> Value {
                Value::from(self.key())
            }
        }
    };
}

pub use mucsong_rules::vocabulary::{Region, SchoolLevel};
json_keyed!(Region);
json_keyed!(SchoolLevel);

record_enum!(
    /// Khu vực: nông thôn / thành thị.
    Area { Rural => "rural", Urban => "urban" }
);
record_enum!(Sex { Male => "male", Female => "female" });
record_enum!(
    /// B1 column 10: highest general education completed.
    GeneralEducation {
        None => "none",
        Primary => "primary",
        LowerSecondary => "lower_secondary",
        UpperSecondary => "upper_secondary",
    }
);
record_enum!(
    /// B1 column 11: highest vocational/professional qualification.
    VocationalTraining {
        None => "none",
        Elementary => "elementary",
        Intermediate => "intermediate",
        College => "college",
        University => "university",
        Postgraduate => "postgraduate",
    }
);
record_enum!(
    /// B1 column 14: monthly social allowance received.
    SocialAllowance { None => "none", Elderly => "elderly", Disability => "disability", Orphan => "orphan" }
);
record_enum!(
    /// B1 column 15 (members 15+).
    WorkStatus {
        Working => "working",
        Unemployed => "unemployed",
        UnableToWork => "unable_to_work",
        Studying => "studying",
        NotWantingWork => "not_wanting_work",
        RetiredOrHomemaker => "retired_or_homemaker",
    }
);
record_enum!(
    /// B1 column 16.
    JobType {
        CivilServant => "civil_servant",
        Enterprise => "enterprise",
        HouseholdHired => "household_hired",
        Other => "other",
    }
);
record_enum!(
    /// B1 column 17.
    WageContract {
        WithContract => "with_contract",
        WithoutContract => "without_contract",
        NotWageWork => "not_wage_work",
    }
);
record_enum!(
    /// B1 item 5: non-farm work for at least 3 of the last 12 months.
    NonfarmWork {
        None => "none",
        CivilServant => "civil_servant",
        WithLabourContract => "with_labour_contract",
        HiredOrOwnBusiness => "hired_or_own_business",
    }
);
record_enum!(
    /// B1 column 18.
    Pension {
        None => "none",
        Pension => "pension",
        SocialInsuranceAllowance => "social_insurance_allowance",
        MeritAllowance => "merit_allowance",
    }
);
record_enum!(
    Wall {
        ReinforcedConcrete => "reinforced_concrete",
        BrickStone => "brick_stone",
        DurableWoodMetal => "durable_wood_metal",
        Other => "other",
    }
);
record_enum!(
    Column {
        ReinforcedConcrete => "reinforced_concrete",
        BrickStone => "brick_stone",
        DurableWoodSteel => "durable_wood_steel",
        Other => "other",
        None => "none",
    }
);
record_enum!(
    Roof {
        ReinforcedConcrete => "reinforced_concrete",
        Tile => "tile",
        MetalSheet => "metal_sheet",
        Other => "other",
    }
);
record_enum!(
    /// B1 item V.
    Latrine {
        SepticOrSemiSeptic => "septic_or_semi_septic",
        PourFlushVipPitDoubleVault => "pour_flush_vip_pit_double_vault",
        Other => "other",
    }
);
record_enum!(
    /// B1 item VIII.
    Water {
        PipedBottledBought => "piped_bottled_bought",
        DrilledWell => "drilled_well",
        ProtectedWellOrSpring => "protected_well_or_spring",
        Other => "other",
    }
);
record_enum!(
    /// Edition 2027-2030 only (provisional).
    Waste { Collected => "collected", TreatedOnSite => "treated_on_site", Other => "other" }
);

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<HouseholdRecord, Problem> {
        HouseholdRecord::from_json(json::parse(text).unwrap())
    }

    fn problem(text: &str) -> String {
        read(text).unwrap_err().to_string()
    }

    /// Every key reads back as its value and writes as the same JSON string, for enums of two,
    /// three and more keys (the shared reader indexes `ALL` by the position in `KEYS`).
    #[test]
    fn every_key_round_trips_through_json() {
        fn check<T: Json + Copy + PartialEq + fmt::Debug>(all: &[T], key: fn(T) -> &'static str) {
            for &value in all {
                assert_eq!(value.write(), Value::from(key(value)));
                assert_eq!(T::read(Value::from(key(value)), Path::Root).unwrap(), value);
            }
        }
        check(&Area::ALL, Area::key);
        check(&Region::ALL, Region::key);
        check(&Latrine::ALL, Latrine::key);
        check(&Column::ALL, Column::key);
        check(&Waste::ALL, Waste::key);
        assert_eq!(Region::KEYS.len(), Region::ALL.len());
    }

    /// Unknown keys list the allowed ones; other JSON types say what they were.
    #[test]
    fn bad_values_say_what_was_expected() {
        assert_eq!(
            problem(r#"{"area":"town"}"#),
            "area: expected \"rural\" or \"urban\", but found \"town\""
        );
        assert_eq!(
            problem(r#"{"waste":3}"#),
            "waste: expected one of \"collected\", \"treated_on_site\", \"other\", but found integer 3"
        );
        assert_eq!(
            problem(r#"{"members":[{"sex":true}]}"#),
            "members[0].sex: expected \"male\" or \"female\", but found boolean true"
        );
    }

    #[test]
    fn numbers_are_read_by_kind() {
        let p = read(r#"{"assets":{"motorbike":-1}}"#).unwrap_err();
        assert_eq!(p.code, ProblemCode::NegativeNumber);
        assert_eq!(
            p.to_string(),
            "assets.motorbike: expected a whole number ≥ 0, but found integer -1"
        );
        let p = read(r#"{"assets":{"car":1.5}}"#).unwrap_err();
        assert_eq!(
            (p.code, p.found.as_str()),
            (ProblemCode::BadValue, "floating point 1.5")
        );
        let p = read(r#"{"livestock":{"poultry":4294967296}}"#).unwrap_err();
        assert_eq!(
            (p.code, p.found.as_str()),
            (ProblemCode::BadValue, "integer 4294967296")
        );
        let p = read(r#"{"income":{"monthly_vnd":1e6}}"#).unwrap_err();
        assert_eq!(
            p.to_string(),
            "income.monthly_vnd: expected a whole number, but found floating point 1000000.0"
        );
        let p = read(r#"{"income":{"sources_12m":{"wages":{"cost_vnd":-2.5}}}}"#).unwrap_err();
        assert_eq!(p.field, "income.sources_12m.wages.cost_vnd");
        assert_eq!(p.code, ProblemCode::NegativeNumber);
        let p = read(r#"{"income":{"monthly_vnd":9223372036854775808}}"#).unwrap_err();
        assert_eq!(p.found, "integer 9223372036854775808");
        // Whole numbers are numbers; negative amounts are left to validation.
        let record = read(
            r#"{"electricity_kwh_per_month":60,"income":{"monthly_vnd":-5},"housing":{"living_area_m2":-1.5}}"#,
        )
        .unwrap();
        assert_eq!(record.electricity_kwh_per_month, Some(60.0));
        assert_eq!(record.income.unwrap().monthly_vnd, Some(-5));
        assert_eq!(record.housing.unwrap().living_area_m2, Some(-1.5));
    }

    #[test]
    fn wrong_shapes_name_their_place() {
        assert_eq!(
            problem("[1]"),
            "(record): expected an object, but found sequence"
        );
        assert_eq!(
            problem(r#"{"members":{}}"#),
            "members: expected a list, but found map"
        );
        assert_eq!(
            problem(r#"{"members":[{},"x"]}"#),
            "members[1]: expected an object, but found string \"x\""
        );
        assert_eq!(
            problem(r#"{"members":[null]}"#),
            "members[0]: expected an object, but found null"
        );
        assert_eq!(
            problem(r#"{"id":7}"#),
            "id: expected a string, but found integer 7"
        );
        assert_eq!(
            problem(r#"{"members":[{"health_insurance":"yes"}]}"#),
            "members[0].health_insurance: expected true, false or null, but found string \"yes\""
        );
    }

    #[test]
    fn unknown_and_repeated_fields_are_refused_by_name() {
        let p = read(r#"{"income":{"monthly":1}}"#).unwrap_err();
        assert_eq!(p.code, ProblemCode::UnknownField);
        assert_eq!(
            p.to_string(),
            "income.monthly: expected a known field (\"monthly_vnd\" or \"sources_12m\"), but found unknown field \"monthly\""
        );
        let p =
            read(r#"{"members":[{"name":"a"},{"sex":"male","brith_date":"1990"}]}"#).unwrap_err();
        assert_eq!(p.field, "members[1].brith_date");
        assert!(p
            .expected
            .starts_with("a known field (one of \"name\", \"birth_date\", "));
        let p = read(r#"{"area":"rural","area":null}"#).unwrap_err();
        assert_eq!(p.code, ProblemCode::BadValue);
        assert_eq!(
            p.to_string(),
            "area: expected each field at most once, but found field \"area\" a second time"
        );
        // The first problem in the document is the one reported.
        let p = read(r#"{"area":1,"colour":"red"}"#).unwrap_err();
        assert_eq!(p.field, "area");
    }

    /// Every field is written, unknown ones as null, in formats.md order; reading gives back the
    /// same record.
    #[test]
    fn a_record_round_trips_and_writes_every_field() {
        let record = read(
            r#"{"schema":"mucsong/household@1","area":"urban","members":[{"sex":"female","height_cm":101.5}],"assets":{"phone":2},"income":{"sources_12m":{"crops":{"revenue_vnd":12000000}}}}"#,
        )
        .unwrap();
        let value = record.to_json();
        assert_eq!(HouseholdRecord::from_json(value.clone()).unwrap(), record);
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(keys, HouseholdRecord::FIELDS);
        assert_eq!(value["id"], Value::Null);
        assert_eq!(
            value["members"][0].as_object().unwrap().len(),
            Member::FIELDS.len()
        );
        assert_eq!(value["members"][0]["height_cm"].as_f64(), Some(101.5));
        assert_eq!(
            HouseholdRecord::default()
                .to_json()
                .to_text(false)
                .matches("null")
                .count(),
            17
        );
    }
}
