//! The household record as typed or imported (`mucsong/household@1`, formats.md §1): every answer
//! optional. This is the "raw answers" stage; `validate` turns it into a `ValidHousehold` that
//! cannot hold nonsense.
//!
//! The engine knows no file format. Two macros list each struct's fields and each enum's keys
//! once, and from them every record type gets a small field API (`Fields`): its field names and,
//! by index, the typed place of each answer (`Slot` to fill it, `SlotRef` to read it). Readers
//! and writers of a format (mucsong-formats' household JSON) and the questionnaire's field paths
//! (`members[2].height_cm`, `HouseholdRecord::slot_at`) are written once against that API. It is
//! dyn-compatible so that they are not compiled again for every record type and field, as
//! serde's derived code would be (which is most of what serde would add to the app's download).

use mucsong_rules::vocabulary::Keyed;

/// The schema tag every household record carries.
pub const HOUSEHOLD_SCHEMA: &str = "mucsong/household@1";

/// A record type seen field by field: its field names, and by index (the position in `names`)
/// the place of each answer. An index outside `names` panics, as slice indexing does.
pub trait Fields {
    /// The field names, in formats.md order.
    fn names(&self) -> &'static [&'static str];
    /// The place of field `index`, to fill or clear.
    fn slot(&mut self, index: usize) -> Slot<'_>;
    /// The answer of field `index`, to read.
    fn get(&self, index: usize) -> SlotRef<'_>;
}

/// The place of one answer, by the kind of value it holds. `None` in any of them is unknown.
pub enum Slot<'a> {
    Text(&'a mut Option<String>),
    Bool(&'a mut Option<bool>),
    /// A decimal: an area, a weight, a height, kWh.
    Number(&'a mut Option<f64>),
    /// A whole number ≥ 0: assets, livestock.
    Count(&'a mut Option<u32>),
    /// Whole đồng (negative amounts are the validation's to refuse).
    Money(&'a mut Option<i64>),
    /// One of an enum's keys.
    Key(&'a mut dyn KeyedAnswer),
    /// A nested record (`housing`, `income.sources_12m.crops`).
    Record(&'a mut dyn RecordAnswer),
    /// A list of records (`members`).
    List(&'a mut dyn ListAnswer),
}

/// One answer, read: the value of its place (`Slot`), `None` when unknown.
#[derive(Clone, Copy)]
pub enum SlotRef<'a> {
    Text(Option<&'a str>),
    Bool(Option<bool>),
    Number(Option<f64>),
    Count(Option<u32>),
    Money(Option<i64>),
    Key(&'a dyn KeyedAnswer),
    Record(Option<&'a dyn Fields>),
    List(&'a dyn ListAnswer),
}

impl Slot<'_> {
    /// Makes the answer unknown.
    pub fn clear(self) {
        match self {
            Slot::Text(place) => *place = None,
            Slot::Bool(place) => *place = None,
            Slot::Number(place) => *place = None,
            Slot::Count(place) => *place = None,
            Slot::Money(place) => *place = None,
            Slot::Key(place) => {
                place.set_index(None);
            }
            Slot::Record(place) => place.clear(),
            Slot::List(place) => place.clear(),
        }
    }
}

/// An enum answer (`Option<Sex>`, …) seen through its keys, so that one reader serves every
/// enum.
pub trait KeyedAnswer {
    /// The enum's keys, in the order of its `ALL`.
    fn keys(&self) -> &'static [&'static str];
    /// The answer's position in `keys`, `None` when unknown.
    fn index(&self) -> Option<usize>;
    /// Sets the answer by its position in `keys` (`None`: unknown). A position outside `keys`
    /// changes nothing and gives false.
    fn set_index(&mut self, index: Option<usize>) -> bool;
}

// Methods of the trait object rather than provided methods of the trait, so that they are
// compiled once, not once more for every enum.
impl dyn KeyedAnswer + '_ {
    /// The answer's key, `None` when unknown.
    pub fn key(&self) -> Option<&'static str> {
        self.index().map(|i| self.keys()[i])
    }

    /// Sets the answer by key; false (nothing changed) when `key` is not one of `keys`.
    pub fn set_key(&mut self, key: &str) -> bool {
        match self.keys().iter().position(|k| *k == key) {
            Some(index) => self.set_index(Some(index)),
            None => false,
        }
    }
}

impl<T: Keyed> KeyedAnswer for Option<T> {
    fn keys(&self) -> &'static [&'static str] {
        T::KEYS
    }

    fn index(&self) -> Option<usize> {
        self.map(T::index)
    }

    fn set_index(&mut self, index: Option<usize>) -> bool {
        match index {
            None => *self = None,
            Some(i) => match T::ALL.get(i) {
                Some(&value) => *self = Some(value),
                None => return false,
            },
        }
        true
    }
}

/// A nested record's place (`Option<Housing>`, …).
pub trait RecordAnswer {
    /// The record, `None` when unknown.
    fn record(&self) -> Option<&dyn Fields>;
    /// The record, made (every field unknown) if there was none.
    fn get_or_insert(&mut self) -> &mut dyn Fields;
    /// Makes the whole record unknown.
    fn clear(&mut self);
}

impl<T: Fields + Default> RecordAnswer for Option<T> {
    fn record(&self) -> Option<&dyn Fields> {
        self.as_ref().map(|r| r as &dyn Fields)
    }

    fn get_or_insert(&mut self) -> &mut dyn Fields {
        self.get_or_insert_with(T::default)
    }

    fn clear(&mut self) {
        *self = None;
    }
}

/// A list of records' place (`Option<Vec<Member>>`).
pub trait ListAnswer {
    /// How many items the list has, `None` when the list is unknown.
    fn n_items(&self) -> Option<usize>;
    /// Item `index`, if there is one.
    fn item(&self, index: usize) -> Option<&dyn Fields>;
    /// Item `index`, to change, if there is one.
    fn item_mut(&mut self, index: usize) -> Option<&mut dyn Fields>;
    /// Appends an item (every field unknown), making the list known if it was not.
    fn push(&mut self) -> &mut dyn Fields;
    /// Makes the list known and empty.
    fn set_empty(&mut self);
    /// Makes the list unknown.
    fn clear(&mut self);
}

impl<T: Fields + Default> ListAnswer for Option<Vec<T>> {
    fn n_items(&self) -> Option<usize> {
        self.as_ref().map(Vec::len)
    }

    fn item(&self, index: usize) -> Option<&dyn Fields> {
        Some(self.as_ref()?.get(index)? as &dyn Fields)
    }

    fn item_mut(&mut self, index: usize) -> Option<&mut dyn Fields> {
        Some(self.as_mut()?.get_mut(index)? as &mut dyn Fields)
    }

    fn push(&mut self) -> &mut dyn Fields {
        let items = self.get_or_insert_with(Vec::new);
        items.push(T::default());
        items.last_mut().expect("an item was just pushed")
    }

    fn set_empty(&mut self) {
        *self = Some(Vec::new());
    }

    fn clear(&mut self) {
        *self = None;
    }
}

/// A type a record field holds: how its `Option` is seen as a `Slot` and a `SlotRef`. The
/// macros below call it for every field.
pub trait FieldValue: Sized {
    fn slot(place: &mut Option<Self>) -> Slot<'_>;
    fn get(place: &Option<Self>) -> SlotRef<'_>;
}

impl FieldValue for String {
    fn slot(place: &mut Option<Self>) -> Slot<'_> {
        Slot::Text(place)
    }

    fn get(place: &Option<Self>) -> SlotRef<'_> {
        SlotRef::Text(place.as_deref())
    }
}

/// `FieldValue` for a type held as itself (`Slot::Bool(&mut Option<bool>)`, …).
macro_rules! plain_field_value {
    ($($ty:ty => $variant:ident),+) => {$(
        impl FieldValue for $ty {
            fn slot(place: &mut Option<Self>) -> Slot<'_> {
                Slot::$variant(place)
            }

            fn get(place: &Option<Self>) -> SlotRef<'_> {
                SlotRef::$variant(*place)
            }
        }
    )+};
}

plain_field_value!(bool => Bool, f64 => Number, u32 => Count, i64 => Money);

impl<T: Fields + Default> FieldValue for Vec<T> {
    fn slot(place: &mut Option<Self>) -> Slot<'_> {
        Slot::List(place)
    }

    fn get(place: &Option<Self>) -> SlotRef<'_> {
        SlotRef::List(place)
    }
}

/// A path into a record (`members[2].height_cm`, as problems name their fields) split at its
/// first step: the field's name, the item index if the step has one, and the rest of the path.
fn first_step(path: &str) -> Option<(&str, Option<usize>, Option<&str>)> {
    let (step, rest) = match path.split_once('.') {
        Some((step, rest)) => (step, Some(rest)),
        None => (path, None),
    };
    match step.split_once('[') {
        Some((name, index)) => Some((name, Some(index.strip_suffix(']')?.parse().ok()?), rest)),
        None => Some((step, None, rest)),
    }
}

/// The place at `path` in `record`; the records on the way are made if they were unknown (a list
/// item must already exist). `None` when the record has no such place.
pub fn slot_at<'a>(record: &'a mut dyn Fields, path: &str) -> Option<Slot<'a>> {
    let (name, index, rest) = first_step(path)?;
    let field = record.names().iter().position(|n| *n == name)?;
    match (record.slot(field), index, rest) {
        (slot, None, None) => Some(slot),
        (Slot::Record(place), None, Some(rest)) => slot_at(place.get_or_insert(), rest),
        (Slot::List(list), Some(i), Some(rest)) => slot_at(list.item_mut(i)?, rest),
        _ => None,
    }
}

/// The answer at `path` in `record`; `None` when the record has no such place, or the record or
/// list item on the way is unknown or missing.
pub fn get_at<'a>(record: &'a dyn Fields, path: &str) -> Option<SlotRef<'a>> {
    let (name, index, rest) = first_step(path)?;
    let field = record.names().iter().position(|n| *n == name)?;
    match (record.get(field), index, rest) {
        (answer, None, None) => Some(answer),
        (SlotRef::Record(inner), None, Some(rest)) => get_at(inner?, rest),
        (SlotRef::List(list), Some(i), Some(rest)) => get_at(list.item(i)?, rest),
        _ => None,
    }
}

/// A record struct: every field optional (`None` is unknown). Lists each field once; the field
/// API follows from it.
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
            /// Every answer unknown (what `Default` gives), as a constant to borrow.
            pub const EMPTY: Self = Self { $($field: None),+ };
        }

        impl Fields for $name {
            fn names(&self) -> &'static [&'static str] {
                Self::FIELDS
            }

            fn slot(&mut self, index: usize) -> Slot<'_> {
                // One small function per field, indexed like `FIELDS`.
                const SLOTS: &[fn(&mut $name) -> Slot<'_>] =
                    &[$(|record| FieldValue::slot(&mut record.$field)),+];
                SLOTS[index](self)
            }

            fn get(&self, index: usize) -> SlotRef<'_> {
                const GETS: &[fn(&$name) -> SlotRef<'_>] =
                    &[$(|record| FieldValue::get(&record.$field)),+];
                GETS[index](self)
            }
        }

        impl FieldValue for $name {
            fn slot(place: &mut Option<Self>) -> Slot<'_> {
                Slot::Record(place)
            }

            fn get(place: &Option<Self>) -> SlotRef<'_> {
                SlotRef::Record(place.as_ref().map(|r| r as &dyn Fields))
            }
        }
    };
}

impl HouseholdRecord {
    /// The place at `path` (`members[2].height_cm`), making the records on the way; see
    /// `slot_at`.
    pub fn slot_at(&mut self, path: &str) -> Option<Slot<'_>> {
        slot_at(self, path)
    }

    /// The answer at `path` (`members[2].height_cm`); see `get_at`.
    pub fn get_at(&self, path: &str) -> Option<SlotRef<'_>> {
        get_at(self, path)
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

/// An answer enum: defined by `mucsong_rules::keyed_enum!` (its one list of keys), seen by the
/// field API as its keys.
macro_rules! record_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        mucsong_rules::keyed_enum!($(#[$meta])* pub enum $name { $($variant => $key),+ });
        keyed_field_value!($name);
    };
}

/// `FieldValue` for a keyed enum: a `Slot::Key`.
macro_rules! keyed_field_value {
    ($name:ident) => {
        impl FieldValue for $name {
            fn slot(place: &mut Option<Self>) -> Slot<'_> {
                Slot::Key(place)
            }

            fn get(place: &Option<Self>) -> SlotRef<'_> {
                SlotRef::Key(place)
            }
        }
    };
}

pub use mucsong_rules::vocabulary::{Region, SchoolLevel};
keyed_field_value!(Region);
keyed_field_value!(SchoolLevel);

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

    /// Every answer's path in a record whose nested records and one member exist, made through the
    /// field API (`members[0].sex`, `income.sources_12m.crops.cost_vnd`, …).
    fn leaf_paths(record: &mut dyn Fields, prefix: &str, out: &mut Vec<String>) {
        for (i, name) in record.names().iter().enumerate() {
            let path = format!("{prefix}{name}");
            match record.slot(i) {
                Slot::Record(place) => leaf_paths(place.get_or_insert(), &format!("{path}."), out),
                Slot::List(list) => leaf_paths(list.push(), &format!("{path}[0]."), out),
                _ => out.push(path),
            }
        }
    }

    /// Every key is set and read back by key and by index, for enums of two, three and more keys
    /// (the field API indexes `ALL` by the position in `KEYS`).
    #[test]
    fn every_key_is_set_and_read_through_the_field_api() {
        fn check<T: Keyed + std::fmt::Debug>() {
            for (i, &value) in T::ALL.iter().enumerate() {
                let mut answer: Option<T> = None;
                let place: &mut dyn KeyedAnswer = &mut answer;
                assert!(place.set_key(value.key()));
                assert_eq!((place.index(), place.key()), (Some(i), Some(value.key())));
                assert!(place.set_index(None) && place.index().is_none());
                assert!(answer.set_index(Some(i)) && answer == Some(value));
            }
            let mut answer: Option<T> = Some(T::ALL[0]);
            let place: &mut dyn KeyedAnswer = &mut answer;
            assert!(!place.set_key("no_such_key") && !place.set_index(Some(T::ALL.len())));
            assert_eq!(answer, Some(T::ALL[0]), "a refused key changes nothing");
        }
        check::<Area>();
        check::<Region>();
        check::<Latrine>();
        check::<Column>();
        check::<Waste>();
        check::<SchoolLevel>();
    }

    /// Each record type lists its fields once, and every answer can be set and read back by its
    /// path.
    #[test]
    fn every_answer_is_reached_by_its_path() {
        let mut paths = Vec::new();
        leaf_paths(&mut HouseholdRecord::default(), "", &mut paths);
        assert_eq!(paths.len(), 84);
        assert!(paths.contains(&"members[0].height_cm".to_string()));
        assert!(paths.contains(&"income.sources_12m.other.cost_vnd".to_string()));
        let mut record = HouseholdRecord {
            members: Some(vec![Member::default()]),
            ..Default::default()
        };
        for path in &paths {
            match record.slot_at(path).unwrap_or_else(|| panic!("{path}")) {
                Slot::Text(place) => *place = Some(path.clone()),
                Slot::Bool(place) => *place = Some(true),
                Slot::Number(place) => *place = Some(1.5),
                Slot::Count(place) => *place = Some(2),
                Slot::Money(place) => *place = Some(-3),
                Slot::Key(place) => assert!(place.set_index(Some(1)), "{path}"),
                Slot::Record(_) | Slot::List(_) => panic!("{path} is not an answer"),
            }
            let read_back = match record.get_at(path).unwrap() {
                SlotRef::Text(text) => text == Some(path.as_str()),
                SlotRef::Bool(b) => b == Some(true),
                SlotRef::Number(n) => n == Some(1.5),
                SlotRef::Count(n) => n == Some(2),
                SlotRef::Money(n) => n == Some(-3),
                SlotRef::Key(answer) => answer.index() == Some(1),
                SlotRef::Record(_) | SlotRef::List(_) => false,
            };
            assert!(read_back, "{path}");
        }
        assert_eq!(record.members.as_ref().unwrap()[0].sex, Some(Sex::Female));
        assert_eq!(
            record
                .income
                .unwrap()
                .sources_12m
                .unwrap()
                .wages
                .unwrap()
                .cost_vnd,
            Some(-3)
        );
    }

    #[test]
    fn paths_make_records_on_the_way_but_not_list_items() {
        let mut record = HouseholdRecord::default();
        let Some(Slot::Number(area)) = record.slot_at("housing.living_area_m2") else {
            panic!("housing.living_area_m2 is a number");
        };
        *area = Some(36.0);
        assert_eq!(record.housing.as_ref().unwrap().living_area_m2, Some(36.0));
        assert!(
            record.get_at("land_m2.forest").is_none(),
            "reading makes nothing"
        );
        assert!(record.land_m2.is_none());
        assert!(record.slot_at("members[0].sex").is_none());
        record.members = Some(vec![Member::default(); 2]);
        let Some(Slot::Key(sex)) = record.slot_at("members[1].sex") else {
            panic!("members[1].sex is a key");
        };
        assert!(sex.set_key("female"));
        assert_eq!(record.members.as_ref().unwrap()[1].sex, Some(Sex::Female));
        for bad in [
            "colour",
            "members.sex",
            "housing[0].wall",
            "members[x].sex",
            "members[2].sex",
            "members[0",
            "area.x",
            "",
        ] {
            assert!(record.get_at(bad).is_none(), "{bad}");
            assert!(record.slot_at(bad).is_none(), "{bad}");
        }
        let Some(SlotRef::List(members)) = record.get_at("members") else {
            panic!("members is a list");
        };
        assert_eq!(members.n_items(), Some(2));
        record.slot_at("members").unwrap().clear();
        assert_eq!(record.members, None);
    }
}
