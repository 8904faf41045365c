//! The keyed vocabulary the rule data is written in: regions, school levels, indicators, and the
//! `keyed_enum!` macro that every machine-keyed enum of the project is defined with (one list of
//! variants and keys per enum; `ALL`, `KEYS`, `key`, `from_key` and the serde form follow from it).

/// An enum whose values have stable ASCII snake_case machine keys (JSON, CSV, translation keys).
pub trait Keyed: Copy + Eq + 'static {
    /// Every value, in the order the formats list them.
    const ALL: &'static [Self];
    /// The machine keys, in the order of `ALL`.
    const KEYS: &'static [&'static str];

    /// The value's position in `ALL`.
    fn index(self) -> usize;

    /// The stable machine key.
    fn key(self) -> &'static str {
        Self::KEYS[self.index()]
    }

    /// Parses a machine key.
    fn from_key(key: &str) -> Option<Self> {
        Self::KEYS
            .iter()
            .position(|k| *k == key)
            .map(|i| Self::ALL[i])
    }
}

/// Defines an enum with machine keys: `ALL`, `KEYS`, const `key`, `from_key`, the `Keyed` trait
/// and serde's form (the key as a string). The one place an enum's keys are written.
#[macro_export]
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in the order the formats list them.
            pub const ALL: [$name; <[()]>::len(&[$($crate::__unit!($variant)),+])] = [$($name::$variant),+];

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

        impl $crate::vocabulary::Keyed for $name {
            const ALL: &'static [$name] = &$name::ALL;
            const KEYS: &'static [&'static str] = $name::KEYS;

            fn index(self) -> usize {
                self as usize
            }

            fn key(self) -> &'static str {
                $name::key(self)
            }

            fn from_key(key: &str) -> Option<Self> {
                $name::from_key(key)
            }
        }

        /// The machine key as a JSON string, for results and explanations written by serde.
        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let key = <std::borrow::Cow<'de, str> as $crate::__serde::Deserialize>::deserialize(deserializer)?;
                $name::from_key(&key).ok_or_else(|| {
                    <D::Error as $crate::__serde::de::Error>::unknown_variant(&key, $name::KEYS)
                })
            }
        }
    };
}

/// `()` for any token: counts a macro's repetitions in a const expression.
#[doc(hidden)]
#[macro_export]
macro_rules! __unit {
    ($_t:tt) => {
        ()
    };
}

keyed_enum!(
    /// The socio-economic regions of Phiếu B1's columns.
    pub enum Region {
        RedRiverDelta => "red_river_delta",
        NorthernMidlandsMountains => "northern_midlands_mountains",
        NorthCentralCentralCoast => "north_central_central_coast",
        CentralHighlands => "central_highlands",
        Southeast => "southeast",
        MekongDelta => "mekong_delta",
        CentrallyRunCity => "centrally_run_city",
    }
);

keyed_enum!(
    /// B1 column 9: the level a member currently attends.
    pub enum SchoolLevel {
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

keyed_enum!(
    /// The indicators of either edition. The first twelve are edition 2022-2025's (standard.md
    /// §2.4), in the order of Phiếu B2; `Waste` exists only in edition 2027-2030 (provisional).
    pub enum Indicator {
        Employment => "employment",
        Dependants => "dependants",
        Nutrition => "nutrition",
        HealthInsurance => "health_insurance",
        AdultEducation => "adult_education",
        ChildSchooling => "child_schooling",
        HousingQuality => "housing_quality",
        HousingArea => "housing_area",
        Water => "water",
        Sanitation => "sanitation",
        Internet => "internet",
        InformationDevices => "information_devices",
        Waste => "waste",
    }
);

impl Indicator {
    /// Edition 2022-2025's twelve indicators, in Phiếu B2 order.
    pub const TWELVE: [Indicator; 12] = [
        Indicator::Employment,
        Indicator::Dependants,
        Indicator::Nutrition,
        Indicator::HealthInsurance,
        Indicator::AdultEducation,
        Indicator::ChildSchooling,
        Indicator::HousingQuality,
        Indicator::HousingArea,
        Indicator::Water,
        Indicator::Sanitation,
        Indicator::Internet,
        Indicator::InformationDevices,
    ];
}
