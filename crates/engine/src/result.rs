//! The result record (`mucsong/result@1`, formats.md §2) and the small vocabulary it is made of:
//! indicator keys, indicator statuses, classes. This is the public contract every front end writes.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

/// One household's result, exactly as formats.md §2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultRecord {
    pub schema: String,
    pub id: Option<String>,
    /// `2022-2025` or `2027-2030`.
    pub edition: String,
    pub assessed_on: String,
    /// `None` for edition 2027-2030 (no review method is known for it).
    pub screening: Option<ScreeningOutcome>,
    /// `None` when unknown answers leave score A open, and for edition 2027-2030.
    pub score_a: Option<i64>,
    /// `None` when an indicator is unknown.
    pub score_b: Option<i64>,
    pub indicators: BTreeMap<Indicator, IndicatorStatus>,
    pub class: Class,
    pub possible_classes: Vec<Class>,
    pub income_per_person_month_vnd: Option<i64>,
    pub income_class: Option<IncomeClass>,
    /// Answer paths (`members[2].birth_date`, `housing.roof`) the class still depends on.
    pub depends_on: Vec<String>,
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

    /// Classes order from the poorest (`possible_classes` is sorted so).
    #[test]
    fn classes_order_from_the_poorest() {
        assert!(Class::Poor < Class::NearPoor && Class::NearPoor < Class::NotPoor);
        assert!(Class::NotPoor < Class::Undetermined);
        assert!(IncomeClass::NearPoor < IncomeClass::AverageLiving);
        assert!(IncomeClass::AverageLiving < IncomeClass::NotPoor);
    }
}
