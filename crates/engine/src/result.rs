//! The result record (`mucsong/result@1`, formats.md §2) and the small vocabulary it is made of:
//! indicator keys, indicator statuses, classes. This is the public contract every front end writes.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema tag every result carries.
pub const RESULT_SCHEMA: &str = "mucsong/result@1";

pub use mucsong_rules::vocabulary::Indicator;

/// Whether a household lacks an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorStatus {
    Deprived,
    NotDeprived,
    Unknown,
}

/// Outcome of Phiếu A.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreeningOutcome {
    /// An exclusion condition holds: not subject to review.
    Excluded,
    /// Four or more of the nine criteria: not poor, not near-poor.
    Stopped,
    /// Go on to Phiếu B.
    Review,
    /// Unknown answers leave more than one outcome possible.
    Undetermined,
}

/// The class by the official review method (or, for 2027-2030, by the income definition).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Poor,
    NearPoor,
    NotPoor,
    Undetermined,
}

impl Class {
    /// The stable machine key (as in the result JSON and translation keys).
    pub fn key(self) -> &'static str {
        match self {
            Class::Poor => "poor",
            Class::NearPoor => "near_poor",
            Class::NotPoor => "not_poor",
            Class::Undetermined => "undetermined",
        }
    }
}

/// The class by the decree's income definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomeClass {
    Poor,
    NearPoor,
    AverageLiving,
    NotPoor,
    Undetermined,
}

impl IncomeClass {
    /// The stable machine key (as in the result JSON and translation keys).
    pub fn key(self) -> &'static str {
        match self {
            IncomeClass::Poor => "poor",
            IncomeClass::NearPoor => "near_poor",
            IncomeClass::AverageLiving => "average_living",
            IncomeClass::NotPoor => "not_poor",
            IncomeClass::Undetermined => "undetermined",
        }
    }
}

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
