//! The household record as typed or imported (`mucsong/household@1`, formats.md §1): every answer
//! optional, unknown fields rejected. This is the "raw answers" stage; `validate` turns it into a
//! `ValidHousehold` that cannot hold nonsense.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The schema tag every household record carries.
pub const HOUSEHOLD_SCHEMA: &str = "mucsong/household@1";

/// One household's answers, exactly as formats.md §1. `None` means unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseholdRecord {
    #[serde(default)]
    pub schema: Option<String>,
    #[serde(default)]
    pub id: Option<String>,
    /// ISO date `YYYY-MM-DD`; the command-line `--as-of` and the UI's date picker may override it.
    #[serde(default)]
    pub assessed_on: Option<String>,
    #[serde(default)]
    pub area: Option<Area>,
    #[serde(default)]
    pub region: Option<Region>,
    #[serde(default)]
    pub agricultural_household: Option<bool>,
    #[serde(default)]
    pub screening: Option<Screening>,
    #[serde(default)]
    pub members: Option<Vec<Member>>,
    #[serde(default)]
    pub housing: Option<Housing>,
    #[serde(default)]
    pub latrine: Option<Latrine>,
    #[serde(default)]
    pub electricity_kwh_per_month: Option<f64>,
    #[serde(default)]
    pub water: Option<Water>,
    #[serde(default)]
    pub assets: Option<Assets>,
    #[serde(default)]
    pub land_m2: Option<Land>,
    #[serde(default)]
    pub livestock: Option<Livestock>,
    #[serde(default)]
    pub income: Option<Income>,
    #[serde(default)]
    pub waste: Option<Waste>,
}

/// Phiếu A answers. The last two criteria of the nine (air conditioner/fridge/heater, water heater,
/// washing machine, electricity, living area, civil servant/pension, labour contract) are derived
/// from the rest of the record; only the ones the record cannot derive are asked here.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screening {
    #[serde(default)]
    pub villa_or_grade_1_2_house: Option<bool>,
    #[serde(default)]
    pub business_3plus_workers_or_tax_100m: Option<bool>,
    #[serde(default)]
    pub farm_or_livestock_200m: Option<bool>,
    #[serde(default)]
    pub production_asset_200m: Option<bool>,
    #[serde(default)]
    pub provincial_condition: Option<bool>,
    #[serde(default)]
    pub motor_vehicle_20m: Option<bool>,
    #[serde(default)]
    pub rents_out_property: Option<bool>,
}

/// One member of the household (B1/B2 member columns).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    #[serde(default)]
    pub name: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default)]
    pub birth_date: Option<String>,
    #[serde(default)]
    pub sex: Option<Sex>,
    #[serde(default)]
    pub height_cm: Option<f64>,
    #[serde(default)]
    pub weight_kg: Option<f64>,
    /// A health worker's finding, entered instead of measurements.
    #[serde(default)]
    pub malnourished: Option<bool>,
    #[serde(default)]
    pub in_school: Option<bool>,
    #[serde(default)]
    pub school_level: Option<SchoolLevel>,
    #[serde(default)]
    pub general_education: Option<GeneralEducation>,
    #[serde(default)]
    pub vocational_training: Option<VocationalTraining>,
    #[serde(default)]
    pub health_insurance: Option<bool>,
    #[serde(default)]
    pub state_funded_insurance: Option<bool>,
    #[serde(default)]
    pub uses_internet: Option<bool>,
    #[serde(default)]
    pub monthly_social_allowance: Option<SocialAllowance>,
    #[serde(default)]
    pub work_status: Option<WorkStatus>,
    #[serde(default)]
    pub job_type: Option<JobType>,
    #[serde(default)]
    pub wage_contract: Option<WageContract>,
    #[serde(default)]
    pub nonfarm_work: Option<NonfarmWork>,
    #[serde(default)]
    pub pension: Option<Pension>,
    #[serde(default)]
    pub critical_illness: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Housing {
    #[serde(default)]
    pub wall: Option<Wall>,
    #[serde(default)]
    pub column: Option<Column>,
    #[serde(default)]
    pub roof: Option<Roof>,
    #[serde(default)]
    pub living_area_m2: Option<f64>,
}

/// Counts of assets (B1 item 12). Each count is a whole number ≥ 0.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    #[serde(default)]
    pub car: Option<u32>,
    #[serde(default)]
    pub motorbike: Option<u32>,
    #[serde(default)]
    pub motor_boat: Option<u32>,
    #[serde(default)]
    pub generator: Option<u32>,
    #[serde(default)]
    pub printer_fax: Option<u32>,
    #[serde(default)]
    pub colour_tv: Option<u32>,
    #[serde(default)]
    pub sound_system: Option<u32>,
    #[serde(default)]
    pub computer_or_tablet: Option<u32>,
    #[serde(default)]
    pub fridge: Option<u32>,
    #[serde(default)]
    pub air_conditioner: Option<u32>,
    #[serde(default)]
    pub washing_machine_or_dryer: Option<u32>,
    #[serde(default)]
    pub water_heater: Option<u32>,
    #[serde(default)]
    pub microwave_or_oven: Option<u32>,
    #[serde(default)]
    pub phone: Option<u32>,
    #[serde(default)]
    pub radio: Option<u32>,
}

/// Land in m² (B1 item 13).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Land {
    #[serde(default)]
    pub garden_pond_adjacent: Option<f64>,
    #[serde(default)]
    pub annual_crops: Option<f64>,
    #[serde(default)]
    pub perennial_crops: Option<f64>,
    #[serde(default)]
    pub water_surface: Option<f64>,
    #[serde(default)]
    pub forest: Option<f64>,
}

/// Livestock head counts (B1 item 14).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Livestock {
    #[serde(default)]
    pub buffalo_cow_horse: Option<u32>,
    #[serde(default)]
    pub pig_goat_sheep: Option<u32>,
    #[serde(default)]
    pub poultry: Option<u32>,
    #[serde(default)]
    pub aquaculture: Option<bool>,
}

/// Income: either the 12-month sources (Phụ lục VIII) or a monthly shortcut; sources win.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Income {
    #[serde(default)]
    pub monthly_vnd: Option<i64>,
    #[serde(default)]
    pub sources_12m: Option<IncomeSources>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomeSources {
    #[serde(default)]
    pub crops: Option<IncomeSource>,
    #[serde(default)]
    pub livestock: Option<IncomeSource>,
    #[serde(default)]
    pub agricultural_services: Option<IncomeSource>,
    #[serde(default)]
    pub forestry: Option<IncomeSource>,
    #[serde(default)]
    pub fishery: Option<IncomeSource>,
    #[serde(default)]
    pub salt: Option<IncomeSource>,
    #[serde(default)]
    pub nonfarm_business: Option<IncomeSource>,
    #[serde(default)]
    pub wages: Option<IncomeSource>,
    #[serde(default)]
    pub other: Option<IncomeSource>,
}

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

/// Revenue and production cost of one activity over 12 months, whole đồng.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomeSource {
    #[serde(default)]
    pub revenue_vnd: Option<i64>,
    #[serde(default)]
    pub cost_vnd: Option<i64>,
}

/// Reads any record enum: one string, looked up in the enum's `KEYS`. Every record enum shares this
/// visitor (it yields the key's index), so a new enum or another `Option<Enum>` field adds only a
/// few bytes of wasm instead of a derived visitor per enum.
struct KeyVisitor(&'static [&'static str]);

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = usize;

    /// Worded like the unknown-key message (`problem.rs` shows both the same way).
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.0.len() > 2 {
            f.write_str("one of ")?;
        }
        for (i, key) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(if self.0.len() == 2 { " or " } else { ", " })?;
            }
            write!(f, "\"{key}\"")?;
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, found: &str) -> Result<usize, E> {
        // `unknown_variant` words the error exactly as serde's derived enums did.
        self.0
            .iter()
            .position(|key| *key == found)
            .ok_or_else(|| E::unknown_variant(found, self.0))
    }
}

macro_rules! record_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order formats.md lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The machine keys, in the order of `ALL`.
            pub const KEYS: &'static [&'static str] = &[$($key),+];

            /// The stable machine key (as in JSON, CSV and translation keys).
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// Parses a machine key.
            pub fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }

        /// The machine key as a JSON string (what serde's derive wrote for a unit variant).
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer
                    .deserialize_str(KeyVisitor(Self::KEYS))
                    .map(|i| Self::ALL[i])
            }
        }
    };
}

record_enum!(
    /// Khu vực: nông thôn / thành thị.
    Area { Rural => "rural", Urban => "urban" }
);
record_enum!(
    /// The socio-economic regions of Phiếu B1's columns.
    Region {
        RedRiverDelta => "red_river_delta",
        NorthernMidlandsMountains => "northern_midlands_mountains",
        NorthCentralCentralCoast => "north_central_central_coast",
        CentralHighlands => "central_highlands",
        Southeast => "southeast",
        MekongDelta => "mekong_delta",
        CentrallyRunCity => "centrally_run_city",
    }
);
record_enum!(Sex { Male => "male", Female => "female" });
record_enum!(
    /// B1 column 9: the level a member currently attends.
    SchoolLevel {
        Preschool => "preschool",
        Primary => "primary",
        LowerSecondary => "lower_secondary",
        UpperSecondary => "upper_secondary",
        ShortCourse => "short_course",
        Intermediate => "intermediate",
        College => "college",
        University => "university",
    }
);
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

    /// Every key reads back as its value and writes as the same JSON string, for enums of two,
    /// three and more keys (the shared reader indexes `ALL` by the position in `KEYS`).
    #[test]
    fn every_key_round_trips_through_json() {
        fn check<T>(all: &[T], key: fn(T) -> &'static str)
        where
            T: Copy + PartialEq + std::fmt::Debug + Serialize + for<'de> Deserialize<'de>,
        {
            for &value in all {
                let json = format!("\"{}\"", key(value));
                assert_eq!(serde_json::to_string(&value).unwrap(), json);
                assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
                let from_value = serde_json::from_value::<T>(serde_json::Value::from(key(value)));
                assert_eq!(from_value.unwrap(), value);
            }
        }
        check(Area::ALL, Area::key);
        check(Region::ALL, Region::key);
        check(Latrine::ALL, Latrine::key);
        check(Column::ALL, Column::key);
        check(Waste::ALL, Waste::key);
        assert_eq!(Region::KEYS.len(), Region::ALL.len());
    }

    /// Unknown keys are worded as serde's derived enums worded them; other JSON types say what
    /// was expected.
    #[test]
    fn bad_values_say_what_was_expected() {
        let error = serde_json::from_str::<Area>("\"town\"").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown variant `town`, expected `rural` or `urban` at line 1 column 6"
        );
        let error = serde_json::from_str::<Waste>("3").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: integer `3`, expected one of \"collected\", \"treated_on_site\", \"other\" at line 1 column 1"
        );
        let error = serde_json::from_value::<Sex>(serde_json::json!(true)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: boolean `true`, expected \"male\" or \"female\""
        );
    }
}
