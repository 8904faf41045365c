//! The result record (`mucsong/result@1`, formats.md §2) and the small vocabulary it is made of:
//! indicator keys, indicator statuses, classes. This is the public contract every front end writes.

use crate::date::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// The schema tag every result carries.
pub const RESULT_SCHEMA: &str = "mucsong/result@1";

pub use mucsong_rules::vocabulary::Indicator;

mucsong_rules::keyed_enum!(
    /// Whether a household lacks an indicator.
    pub enum IndicatorStatus {
        Deprived => "deprived",
        NotDeprived => "not_deprived",
        Unknown => "unknown",
    }
);

mucsong_rules::keyed_enum!(
    /// Outcome of Phiếu A.
    pub enum ScreeningOutcome {
        /// An exclusion condition holds: not subject to review.
        Excluded => "excluded",
        /// Four or more of the nine criteria: not poor, not near-poor.
        Stopped => "stopped",
        /// Go on to Phiếu B.
        Review => "review",
        /// Unknown answers leave more than one outcome possible.
        Undetermined => "undetermined",
    }
);

mucsong_rules::keyed_enum!(
    /// The class by the official review method (or, for 2027-2030, by the income definition).
    /// The order of the variants is the order of `Ord`: poorest first.
    pub enum Class {
        Poor => "poor",
        NearPoor => "near_poor",
        NotPoor => "not_poor",
        Undetermined => "undetermined",
    }
);

mucsong_rules::keyed_enum!(
    /// The class by the decree's income definition.
    pub enum IncomeClass {
        Poor => "poor",
        NearPoor => "near_poor",
        AverageLiving => "average_living",
        NotPoor => "not_poor",
        Undetermined => "undetermined",
    }
);

/// One household's result, exactly as formats.md §2. Built for every household of a batch, so it
/// holds nothing the engine must allocate but the id: the schema and the edition are the rule
/// data's own strings (`Cow::Borrowed`; a result read back from JSON owns them), the date is a
/// `Date`, and the indicators and possible classes are fixed-size (`IndicatorStatuses`,
/// `PossibleClasses`). Serialized, it is the same JSON as when these were a `String`, a
/// `BTreeMap` and a `Vec`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultRecord {
    pub schema: Cow<'static, str>,
    pub id: Option<String>,
    /// `2022-2025` or `2027-2030`.
    pub edition: Cow<'static, str>,
    pub assessed_on: Date,
    /// `None` for edition 2027-2030 (no review method is known for it).
    pub screening: Option<ScreeningOutcome>,
    /// `None` when unknown answers leave score A open, and for edition 2027-2030.
    pub score_a: Option<i64>,
    /// `None` when an indicator is unknown.
    pub score_b: Option<i64>,
    pub indicators: IndicatorStatuses,
    pub class: Class,
    pub possible_classes: PossibleClasses,
    pub income_per_person_month_vnd: Option<i64>,
    pub income_class: Option<IncomeClass>,
    /// Answer paths (`members[2].birth_date`, `housing.roof`) the class still depends on.
    pub depends_on: Vec<String>,
}

/// The status of each indicator an edition assesses, in indicator order (`Indicator`'s `Ord`):
/// the map a `BTreeMap<Indicator, IndicatorStatus>` would be, in one array indexed by indicator
/// (no allocation per result). Its methods are the map's that the project uses; it is written
/// and read as the same JSON object.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct IndicatorStatuses([Option<IndicatorStatus>; Indicator::ALL.len()]);

impl IndicatorStatuses {
    pub const fn new() -> IndicatorStatuses {
        IndicatorStatuses([None; Indicator::ALL.len()])
    }
    /// Sets an indicator's status; returns the one it replaces.
    pub fn insert(
        &mut self,
        indicator: Indicator,
        status: IndicatorStatus,
    ) -> Option<IndicatorStatus> {
        self.0[indicator as usize].replace(status)
    }
    pub fn get(&self, indicator: &Indicator) -> Option<&IndicatorStatus> {
        self.0[*indicator as usize].as_ref()
    }
    pub fn contains_key(&self, indicator: &Indicator) -> bool {
        self.0[*indicator as usize].is_some()
    }
    /// The number of indicators with a status.
    pub fn len(&self) -> usize {
        self.0.iter().filter(|s| s.is_some()).count()
    }
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| s.is_none())
    }
    /// The indicators with their statuses, in indicator order.
    pub fn iter(&self) -> IndicatorStatusIter<'_> {
        IndicatorStatusIter {
            statuses: &self.0,
            next: 0,
        }
    }
    pub fn keys(&self) -> impl Iterator<Item = &'static Indicator> + '_ {
        self.iter().map(|(i, _)| i)
    }
    pub fn values(&self) -> impl Iterator<Item = &IndicatorStatus> + '_ {
        self.iter().map(|(_, s)| s)
    }
}

impl std::ops::Index<&Indicator> for IndicatorStatuses {
    type Output = IndicatorStatus;
    /// Panics when the indicator has no status, like a map's index.
    fn index(&self, indicator: &Indicator) -> &IndicatorStatus {
        self.get(indicator).expect("no status for this indicator")
    }
}

/// Every indicator, in order, as a static (the iterator hands out references to it).
static INDICATORS: [Indicator; Indicator::ALL.len()] = Indicator::ALL;

/// The indicators of an `IndicatorStatuses` with their statuses, in indicator order.
#[derive(Clone)]
pub struct IndicatorStatusIter<'a> {
    statuses: &'a [Option<IndicatorStatus>; Indicator::ALL.len()],
    next: usize,
}

impl<'a> Iterator for IndicatorStatusIter<'a> {
    type Item = (&'static Indicator, &'a IndicatorStatus);
    fn next(&mut self) -> Option<Self::Item> {
        while let Some(status) = self.statuses.get(self.next) {
            let indicator = &INDICATORS[self.next];
            self.next += 1;
            if let Some(status) = status {
                return Some((indicator, status));
            }
        }
        None
    }
}

impl<'a> IntoIterator for &'a IndicatorStatuses {
    type Item = (&'static Indicator, &'a IndicatorStatus);
    type IntoIter = IndicatorStatusIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl FromIterator<(Indicator, IndicatorStatus)> for IndicatorStatuses {
    fn from_iter<I: IntoIterator<Item = (Indicator, IndicatorStatus)>>(items: I) -> Self {
        let mut out = IndicatorStatuses::new();
        for (indicator, status) in items {
            out.insert(indicator, status);
        }
        out
    }
}

impl fmt::Debug for IndicatorStatuses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for IndicatorStatuses {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for IndicatorStatuses {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(BTreeMap::<Indicator, IndicatorStatus>::deserialize(d)?
            .into_iter()
            .collect())
    }
}

/// The classes still possible, poorest first and each once: a list of at most the four classes,
/// kept inline (no allocation per result). It reads as a slice (`Deref`) and is written and read
/// as the same JSON array a `Vec<Class>` was.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PossibleClasses {
    len: u8,
    items: [Class; Class::ALL.len()],
}

impl PossibleClasses {
    pub const fn new() -> PossibleClasses {
        PossibleClasses {
            len: 0,
            items: [Class::Undetermined; Class::ALL.len()],
        }
    }
    /// Adds a class at the end; a list already holding four keeps them (a fifth class cannot be
    /// distinct from them).
    pub fn push(&mut self, class: Class) {
        if (self.len as usize) < self.items.len() {
            self.items[self.len as usize] = class;
            self.len += 1;
        }
    }
}

impl Default for PossibleClasses {
    fn default() -> Self {
        PossibleClasses::new()
    }
}

impl std::ops::Deref for PossibleClasses {
    type Target = [Class];
    fn deref(&self) -> &[Class] {
        &self.items[..self.len as usize]
    }
}

impl From<&[Class]> for PossibleClasses {
    fn from(classes: &[Class]) -> Self {
        let mut out = PossibleClasses::new();
        for c in classes {
            out.push(*c);
        }
        out
    }
}

impl From<Vec<Class>> for PossibleClasses {
    fn from(classes: Vec<Class>) -> Self {
        PossibleClasses::from(&classes[..])
    }
}

impl<const N: usize> PartialEq<[Class; N]> for PossibleClasses {
    fn eq(&self, other: &[Class; N]) -> bool {
        **self == other[..]
    }
}

impl PartialEq<Vec<Class>> for PossibleClasses {
    fn eq(&self, other: &Vec<Class>) -> bool {
        **self == other[..]
    }
}

impl PartialEq<PossibleClasses> for Vec<Class> {
    fn eq(&self, other: &PossibleClasses) -> bool {
        self[..] == **other
    }
}

impl fmt::Debug for PossibleClasses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for PossibleClasses {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for PossibleClasses {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let classes = Vec::<Class>::deserialize(d)?;
        if classes.len() > Class::ALL.len() {
            return Err(serde::de::Error::invalid_length(
                classes.len(),
                &"at most the four classes",
            ));
        }
        Ok(PossibleClasses::from(classes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::ProblemCode;
    use mucsong_rules::{ClassificationMethod, RuleStatus};

    /// Every value of `E` is written by serde as its key, as a JSON string, and read back from it;
    /// anything else is refused with the list of keys.
    fn serde_form_is_the_key<E>(all: &[E], keys: &[&str])
    where
        E: Copy + PartialEq + std::fmt::Debug + Serialize + for<'de> Deserialize<'de>,
    {
        assert_eq!(all.len(), keys.len());
        for (value, key) in all.iter().zip(keys) {
            let json = serde_json::to_string(value).unwrap();
            assert_eq!(json, format!("\"{key}\""));
            assert_eq!(serde_json::from_str::<E>(&json).unwrap(), *value);
        }
        let refused = serde_json::from_str::<E>("\"no_such_key\"").unwrap_err();
        assert!(refused
            .to_string()
            .starts_with("unknown variant `no_such_key`, expected "));
    }

    /// The result JSON is a contract (formats.md §2): these keys are written out here, once more,
    /// so that renaming a variant's key shows as a failing test rather than a silent change.
    #[test]
    fn the_vocabulary_is_written_as_snake_case_keys() {
        serde_form_is_the_key(
            &IndicatorStatus::ALL,
            &["deprived", "not_deprived", "unknown"],
        );
        serde_form_is_the_key(
            &ScreeningOutcome::ALL,
            &["excluded", "stopped", "review", "undetermined"],
        );
        serde_form_is_the_key(
            &Class::ALL,
            &["poor", "near_poor", "not_poor", "undetermined"],
        );
        serde_form_is_the_key(
            &IncomeClass::ALL,
            &[
                "poor",
                "near_poor",
                "average_living",
                "not_poor",
                "undetermined",
            ],
        );
        serde_form_is_the_key(
            &ProblemCode::ALL,
            &[
                "missing_assessment_date",
                "no_edition",
                "bad_date",
                "date_in_future",
                "negative_number",
                "out_of_range",
                "no_members",
                "unknown_field",
                "bad_value",
                "wrong_schema",
                "bad_json",
                "inconsistent",
            ],
        );
        serde_form_is_the_key(&ClassificationMethod::ALL, &["score", "income"]);
        serde_form_is_the_key(
            &RuleStatus::ALL,
            &["official", "reported", "interpretation"],
        );
    }

    /// The fixed-size fields write the JSON the map and the list they replace wrote, and read it
    /// back.
    #[test]
    fn indicator_statuses_and_possible_classes_are_written_as_a_map_and_a_list() {
        let pairs = [
            (Indicator::Water, IndicatorStatus::Deprived),
            (Indicator::Employment, IndicatorStatus::Unknown),
            (Indicator::Waste, IndicatorStatus::NotDeprived),
        ];
        let statuses: IndicatorStatuses = pairs.into_iter().collect();
        let map: BTreeMap<Indicator, IndicatorStatus> = pairs.into_iter().collect();
        assert_eq!(
            serde_json::to_string(&statuses).unwrap(),
            serde_json::to_string(&map).unwrap()
        );
        assert_eq!(statuses.len(), 3);
        assert_eq!(statuses[&Indicator::Water], IndicatorStatus::Deprived);
        assert!(!statuses.contains_key(&Indicator::Internet));
        let keys: Vec<_> = statuses.keys().copied().collect();
        assert_eq!(keys, map.keys().copied().collect::<Vec<_>>());
        let json = serde_json::to_string(&statuses).unwrap();
        assert_eq!(
            serde_json::from_str::<IndicatorStatuses>(&json).unwrap(),
            statuses
        );

        let classes = PossibleClasses::from(&[Class::Poor, Class::NotPoor][..]);
        assert_eq!(
            serde_json::to_string(&classes).unwrap(),
            r#"["poor","not_poor"]"#
        );
        assert_eq!(classes, [Class::Poor, Class::NotPoor]);
        assert_eq!(
            serde_json::from_str::<PossibleClasses>(r#"["near_poor"]"#).unwrap(),
            [Class::NearPoor]
        );
        assert!(
            serde_json::from_str::<PossibleClasses>(r#"["poor","poor","poor","poor","poor"]"#)
                .is_err()
        );
        assert_eq!(
            serde_json::to_string(&PossibleClasses::new()).unwrap(),
            "[]"
        );
    }

    /// Classes order from the poorest (`possible_classes` is sorted so).
    #[test]
    fn classes_order_from_the_poorest() {
        assert!(Class::Poor < Class::NearPoor && Class::NearPoor < Class::NotPoor);
        assert!(Class::NotPoor < Class::Undetermined);
        assert!(IncomeClass::NearPoor < IncomeClass::AverageLiving);
        assert!(IncomeClass::AverageLiving < IncomeClass::NotPoor);
    }
}
